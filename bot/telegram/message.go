package telegram

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/azchina/azchina/bot"
)

// toMessage turns a Telegram message into the router's Message, with the bot's own
// @mention cut out of the text. It reports false for a message the bot does not read:
// one without text (a sticker, a photo, a member joining), one a bot sent, or a channel
// post Telegram copies into the channel's discussion group. A message an anonymous admin
// sends as the group, or a user as a channel, comes from that chat.
func toMessage(m *models.Message, me models.User) (bot.Message, bool) {
	if m == nil || m.Text == "" || m.IsAutomaticForward {
		return bot.Message{}, false
	}
	kind, ok := chatKind(m.Chat.Type)
	if !ok {
		return bot.Message{}, false
	}
	var user, name, locale string
	switch {
	case m.SenderChat != nil:
		// From is then a placeholder bot (@GroupAnonymousBot, @Channel_Bot).
		user, name = strconv.FormatInt(m.SenderChat.ID, 10), chatName(m.SenderChat)
	case m.From != nil && !m.From.IsBot:
		user, name, locale = strconv.FormatInt(m.From.ID, 10), userName(m.From), m.From.LanguageCode
	default:
		return bot.Message{}, false
	}
	text, mentioned := stripMention(m.Text, m.Entities, me)
	reply := m.ReplyToMessage
	return bot.Message{
		Platform:   bot.Telegram,
		ChatID:     strconv.FormatInt(m.Chat.ID, 10),
		ChatKind:   kind,
		MessageID:  strconv.Itoa(m.ID),
		UserID:     user,
		UserName:   name,
		Text:       text,
		BotName:    me.Username,
		Mentioned:  mentioned,
		ReplyToBot: reply != nil && reply.From != nil && reply.From.ID == me.ID,
		Locale:     locale,
	}, true
}

// moderator returns the check of whether the sender of m moderates its chat: a group's
// creator or administrators (getChatMember), or an anonymous admin, who writes as the
// group itself. Nobody moderates a private chat: digests and /gaps are for groups.
func (a *Adapter) moderator(m *models.Message) func(context.Context) (bool, error) {
	return func(ctx context.Context) (bool, error) {
		switch {
		case m.Chat.Type == models.ChatTypePrivate:
			return false, nil
		case m.SenderChat != nil:
			return m.SenderChat.ID == m.Chat.ID, nil
		case m.From == nil:
			return false, nil
		}
		ctx, cancel := context.WithTimeout(ctx, a.callTimeout)
		defer cancel()
		member, err := a.api.GetChatMember(ctx, &tgbot.GetChatMemberParams{ChatID: m.Chat.ID, UserID: m.From.ID})
		if err != nil {
			return false, fmt.Errorf("get chat member %d of %d: %s", m.From.ID, m.Chat.ID, a.redact(err))
		}
		return member.Type == models.ChatMemberTypeOwner || member.Type == models.ChatMemberTypeAdministrator, nil
	}
}

func chatKind(t models.ChatType) (bot.ChatKind, bool) {
	switch t {
	case models.ChatTypePrivate:
		return bot.Private, true
	case models.ChatTypeGroup, models.ChatTypeSupergroup:
		return bot.Group, true
	case models.ChatTypeChannel:
		return bot.Channel, true
	}
	return 0, false
}

func chatName(c *models.Chat) string {
	if c.Username != "" {
		return c.Username
	}
	return c.Title
}

func userName(u *models.User) string {
	if u.Username != "" {
		return u.Username
	}
	return strings.TrimSpace(u.FirstName + " " + u.LastName)
}

// stripMention removes the mentions of the bot from text: "@name" mentions of its user
// name and text mentions of its user ID. Entity offsets count UTF-16 code units, not
// bytes, so an emoji before the mention moves it by two units but four bytes.
func stripMention(text string, entities []models.MessageEntity, me models.User) (string, bool) {
	type span struct{ from, to int }
	var cut []span
	for _, e := range entities {
		from, to, ok := byteSpan(text, e.Offset, e.Length)
		if !ok {
			continue
		}
		switch {
		case e.Type == models.MessageEntityTypeMention && me.Username != "" && strings.EqualFold(text[from:to], "@"+me.Username),
			e.Type == models.MessageEntityTypeTextMention && e.User != nil && e.User.ID == me.ID:
			cut = append(cut, span{from, to})
		}
	}
	if len(cut) == 0 {
		return text, false
	}
	sort.Slice(cut, func(i, j int) bool { return cut[i].from < cut[j].from })
	var b strings.Builder
	at := 0
	for _, s := range cut {
		if s.from < at {
			continue // overlapping entities: the first one already took it
		}
		b.WriteString(text[at:s.from])
		at = s.to
	}
	b.WriteString(text[at:])
	// "@azchina_bot, when…" leaves ", when…": what separated the name goes with it.
	out := strings.TrimLeft(strings.TrimSpace(b.String()), ",:;")
	return strings.Join(strings.Fields(out), " "), true
}

// byteSpan converts an entity's offset and length in UTF-16 code units into byte offsets
// in s. It reports false when they fall outside s or inside a character.
func byteSpan(s string, offset, length int) (from, to int, ok bool) {
	if offset < 0 || length < 0 {
		return 0, 0, false
	}
	from = -1
	units := 0
	for i, r := range s {
		if units == offset {
			from = i
		}
		if units == offset+length && from >= 0 {
			return from, i, true
		}
		units += max(utf16.RuneLen(r), 1)
	}
	if units == offset {
		from = len(s)
	}
	if units == offset+length && from >= 0 {
		return from, len(s), true
	}
	return 0, 0, false
}
