package telegram

import (
	"testing"

	"github.com/go-telegram/bot/models"
	"github.com/stretchr/testify/assert"

	"github.com/azchina/azchina/bot"
)

var testMe = models.User{ID: 999, IsBot: true, FirstName: "AzChina", Username: "azchina_bot"}

func mention(offset, length int) models.MessageEntity {
	return models.MessageEntity{Type: models.MessageEntityTypeMention, Offset: offset, Length: length}
}

func TestByteSpan(t *testing.T) {
	tests := []struct {
		name           string
		s              string
		offset, length int
		want           string
		ok             bool
	}{
		{"ascii", "hi @bot", 3, 4, "@bot", true},
		{"after an emoji (2 units, 4 bytes)", "👋 @bot x", 3, 4, "@bot", true},
		{"after Cyrillic (1 unit, 2 bytes)", "Привет @bot", 7, 4, "@bot", true},
		{"at the end", "ask @bot", 4, 4, "@bot", true},
		{"empty at the end", "ab", 2, 0, "", true},
		{"inside a surrogate pair", "😀@bot", 1, 4, "", false},
		{"past the end", "ab", 1, 5, "", false},
		{"negative", "ab", -1, 1, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, to, ok := byteSpan(tt.s, tt.offset, tt.length)
			assert.Equal(t, tt.ok, ok)
			if ok {
				assert.Equal(t, tt.want, tt.s[from:to])
			}
		})
	}
}

func TestToMessage(t *testing.T) {
	ann := &models.User{ID: 42, FirstName: "Ann", LanguageCode: "az"}
	group := models.Chat{ID: -100123, Type: models.ChatTypeSupergroup}
	tests := []struct {
		name string
		in   models.Message
		want bot.Message // only the fields the case is about are compared
		ok   bool
	}{
		{"private question", models.Message{ID: 7, From: ann, Chat: models.Chat{ID: 42, Type: models.ChatTypePrivate}, Text: "When?"},
			bot.Message{ChatKind: bot.Private, ChatID: "42", MessageID: "7", UserID: "42", UserName: "Ann", Text: "When?", Locale: "az"}, true},
		{"mention after an emoji", models.Message{From: ann, Chat: group, Text: "🇦🇿🇨🇳 @azchina_bot when were ties set up?", Entities: []models.MessageEntity{mention(9, 12)}},
			bot.Message{ChatKind: bot.Group, Text: "🇦🇿🇨🇳 when were ties set up?", Mentioned: true}, true},
		{"mention first, with a comma", models.Message{From: ann, Chat: group, Text: "@AzChina_Bot, what was signed?", Entities: []models.MessageEntity{mention(0, 12)}},
			bot.Message{ChatKind: bot.Group, Text: "what was signed?", Mentioned: true}, true},
		{"mention in the middle", models.Message{From: ann, Chat: group, Text: "tell me @azchina_bot about visas", Entities: []models.MessageEntity{mention(8, 12)}},
			bot.Message{ChatKind: bot.Group, Text: "tell me about visas", Mentioned: true}, true},
		{"another user's mention stays", models.Message{From: ann, Chat: group, Text: "@bob look", Entities: []models.MessageEntity{mention(0, 4)}},
			bot.Message{ChatKind: bot.Group, Text: "@bob look"}, true},
		{"text mention of the bot", models.Message{From: ann, Chat: group, Text: "AzChina what is the SCO?", Entities: []models.MessageEntity{{Type: models.MessageEntityTypeTextMention, Offset: 0, Length: 7, User: &testMe}}},
			bot.Message{ChatKind: bot.Group, Text: "what is the SCO?", Mentioned: true}, true},
		{"offsets out of range are ignored", models.Message{From: ann, Chat: group, Text: "hi", Entities: []models.MessageEntity{mention(5, 12)}},
			bot.Message{ChatKind: bot.Group, Text: "hi"}, true},
		{"group command keeps its @bot for the router", models.Message{From: ann, Chat: group, Text: "/ask@azchina_bot When?", Entities: []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Offset: 0, Length: 16}}},
			bot.Message{ChatKind: bot.Group, Text: "/ask@azchina_bot When?"}, true},
		{"reply to the bot", models.Message{From: ann, Chat: group, Text: "and then?", ReplyToMessage: &models.Message{From: &testMe}},
			bot.Message{ChatKind: bot.Group, Text: "and then?", ReplyToBot: true}, true},
		{"reply to someone else", models.Message{From: ann, Chat: group, Text: "and then?", ReplyToMessage: &models.Message{From: ann}},
			bot.Message{ChatKind: bot.Group, Text: "and then?"}, true},
		{"channel", models.Message{From: ann, Chat: models.Chat{ID: -1, Type: models.ChatTypeChannel}, Text: "news"},
			bot.Message{ChatKind: bot.Channel, Text: "news"}, true},
		{"sticker", models.Message{From: ann, Chat: group, Sticker: &models.Sticker{FileID: "x"}}, bot.Message{}, false},
		{"from a bot", models.Message{From: &models.User{ID: 5, IsBot: true}, Chat: group, Text: "/ask x"}, bot.Message{}, false},
		{"no sender", models.Message{Chat: group, Text: "hello"}, bot.Message{}, false},
		{"unknown chat type", models.Message{From: ann, Chat: models.Chat{Type: "sender"}, Text: "hello"}, bot.Message{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := toMessage(&tt.in, testMe)
			assert.Equal(t, tt.ok, ok)
			if !ok {
				return
			}
			assert.Equal(t, bot.Telegram, got.Platform)
			assert.Equal(t, "azchina_bot", got.BotName)
			assert.Equal(t, tt.want.ChatKind, got.ChatKind)
			assert.Equal(t, tt.want.Text, got.Text)
			assert.Equal(t, tt.want.Mentioned, got.Mentioned)
			assert.Equal(t, tt.want.ReplyToBot, got.ReplyToBot)
			for _, f := range []struct{ want, got string }{{tt.want.ChatID, got.ChatID}, {tt.want.MessageID, got.MessageID},
				{tt.want.UserID, got.UserID}, {tt.want.UserName, got.UserName}, {tt.want.Locale, got.Locale}} {
				if f.want != "" {
					assert.Equal(t, f.want, f.got)
				}
			}
		})
	}
}
