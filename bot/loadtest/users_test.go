package loadtest_test

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/azchina/azchina/bot/discord/discordtest"
	"github.com/azchina/azchina/bot/telegram/telegramtest"
)

// What simulated users ask: questions the articles answer, and questions they do not,
// which get a refusal (a reply all the same).
var (
	questions = []string{
		"How many documents were signed in 2019?",
		"Do Azerbaijanis need a visa for China?",
		"What kind of partnership do Azerbaijan and China have?",
		"How much have Chinese companies invested in Azerbaijan?",
		"Where was the welcoming banquet held?",
		"When did Azerbaijan and China establish diplomatic relations?",
	}
	refusals = []string{
		"What is the capital of France?",
		"What is the population of Azerbaijan?",
		"Tell me a joke about cats.",
	}
	chatter = []string{
		"lol, did anyone do the reading?",
		"see you at the seminar tomorrow",
		"which room is the lecture in?",
	}
)

// telegramUser is a simulated Telegram user: a private chat with the bot, and a group
// shared with other users.
type telegramUser struct {
	n       int
	user    map[string]any
	private map[string]any
	group   map[string]any
	replies int // messages sent that are due a reply, for the fault plan
}

func newTelegramUser(n, groups int) *telegramUser {
	id := int64(1000 + n)
	name := fmt.Sprintf("T%02d", n)
	return &telegramUser{n: n, user: telegramtest.User(id, name, "en"), private: telegramtest.PrivateChat(id, name),
		group: telegramtest.Supergroup(int64(-1001000-n%groups), fmt.Sprintf("Students %d", n%groups))}
}

// telegramKinds is the cycle of messages a Telegram user sends, a fifth of them not for
// the bot; users start at different points of it.
var telegramKinds = []string{
	"question", "/ask@bot in group", "chatter in group", "question", "refusal",
	"mention in group", "question", "/help", "reply to the bot in group", "/ask@other_bot in group",
	"question", "/ask@bot in group", "chatter in group", "question", "/topics",
	"sticker", "mention in group", "/sources", "question", "/fact",
}

// message returns the user's i-th message, its kind, and whether the bot must answer it.
func (u *telegramUser) message(i int) (map[string]any, string, bool) {
	msg := telegramtest.Message
	kind := telegramKinds[(i+u.n)%len(telegramKinds)]
	q := questions[(i+u.n)%len(questions)]
	switch kind {
	case "question":
		return msg(u.private, u.user, q), kind, true
	case "refusal":
		return msg(u.private, u.user, refusals[i%len(refusals)]), kind, true
	case "/help", "/topics", "/sources", "/fact":
		return msg(u.private, u.user, kind, telegramtest.Entity("bot_command", 0, len(kind))), kind, true
	case "/ask@bot in group":
		cmd := "/ask@" + telegramtest.BotUsername
		return msg(u.group, u.user, cmd+" "+q, telegramtest.Entity("bot_command", 0, len(cmd))), kind, true
	case "mention in group":
		at := "@" + telegramtest.BotUsername
		return msg(u.group, u.user, at+" "+q, telegramtest.Entity("mention", 0, len(at))), kind, true
	case "reply to the bot in group":
		return msg(u.group, u.user, q, telegramtest.ReplyToBot), kind, true
	case "/ask@other_bot in group":
		return msg(u.group, u.user, "/ask@other_bot "+q, telegramtest.Entity("bot_command", 0, 14)), kind, false
	case "chatter in group":
		return msg(u.group, u.user, chatter[i%len(chatter)]), kind, false
	case "sticker":
		return msg(u.private, u.user, "", func(m map[string]any) {
			m["sticker"] = map[string]any{"file_id": "CAAC", "file_unique_id": "u", "type": "regular", "width": 512, "height": 512}
		}), kind, false
	}
	panic("unknown kind " + kind)
}

// discordUser is a simulated Discord user: a direct message channel with the bot, and a
// server channel shared with other users.
type discordUser struct {
	n       int
	user    map[string]any
	dm      string
	channel string
	replies int // messages sent that are due a reply, for the fault plan
}

// The fake Discord server the users' channels are in.
const guildID = "400000000000000001"

func newDiscordUser(n int, fake *discordtest.Server, channels []string) *discordUser {
	id := strconv.Itoa(500000000000000000 + n)
	return &discordUser{n: n, user: discordAuthor(id, fmt.Sprintf("d%02d", n), false),
		dm: fake.DirectChannel(id), channel: channels[n%len(channels)]}
}

func discordAuthor(id, name string, isBot bool) map[string]any {
	return map[string]any{"id": id, "username": name, "discriminator": "0", "bot": isBot}
}

// discordKinds is the cycle of messages a Discord user sends, a fifth of them not for
// the bot.
var discordKinds = []string{
	"direct question", "mention", "chatter in channel", "direct question", "direct refusal",
	"mention", "direct question", "direct /help", "reply to the bot", "another bot's mention",
	"direct question", "mention with a refusal", "chatter in channel", "direct question", "direct /topics",
	"attachment only", "mention", "reply to the bot", "direct question", "direct /fact",
}

// message returns the MESSAGE_CREATE payload of the user's i-th message with ID id, its
// kind, and whether the bot must answer it.
func (u *discordUser) message(i int, id string) (map[string]any, string, bool) {
	kind := discordKinds[(i+u.n)%len(discordKinds)]
	q := questions[(i+u.n)%len(questions)]
	switch kind {
	case "direct question":
		return u.payload(id, u.dm, q), kind, true
	case "direct refusal":
		return u.payload(id, u.dm, refusals[i%len(refusals)]), kind, true
	case "direct /help", "direct /topics", "direct /fact":
		return u.payload(id, u.dm, strings.TrimPrefix(kind, "direct ")), kind, true
	case "mention":
		return u.payload(id, u.channel, mention+q), kind, true
	case "mention with a refusal":
		return u.payload(id, u.channel, mention+refusals[i%len(refusals)]), kind, true
	case "reply to the bot":
		m := u.payload(id, u.channel, q)
		m["type"] = 19
		m["message_reference"] = map[string]any{"message_id": "1", "channel_id": u.channel, "guild_id": guildID}
		m["referenced_message"] = map[string]any{"id": "1", "channel_id": u.channel, "type": 0, "content": "…",
			"author": discordAuthor(discordtest.BotID, discordtest.BotName, true), "timestamp": m["timestamp"]}
		return m, kind, true
	case "chatter in channel":
		return u.payload(id, u.channel, chatter[i%len(chatter)]), kind, false
	case "another bot's mention":
		m := u.payload(id, u.channel, mention+q)
		m["author"] = discordAuthor("600000000000000001", "otherbot", true)
		return m, kind, false
	case "attachment only":
		m := u.payload(id, u.channel, "")
		m["attachments"] = []any{map[string]any{"id": "1", "filename": "notes.pdf", "size": 1, "url": "https://cdn.example/notes.pdf"}}
		return m, kind, false
	}
	panic("unknown kind " + kind)
}

// mention starts a message that mentions the bot.
const mention = "<@" + discordtest.BotID + "> "

// payload returns the MESSAGE_CREATE payload of a message of u's with ID id and text in
// channel ch: their direct message channel, or else a server channel.
func (u *discordUser) payload(id, ch, text string) map[string]any {
	m := map[string]any{"id": id, "channel_id": ch, "content": text, "type": 0, "author": u.user,
		"timestamp": time.Now().UTC().Format(time.RFC3339), "mentions": []any{}, "attachments": []any{}, "embeds": []any{}}
	if ch != u.dm {
		m["guild_id"], m["member"] = guildID, map[string]any{"roles": []any{}}
	}
	return m
}

// talkOnTelegram sends u's messages one after another, waiting for each reply due before
// sending the next, as a person would. With faults, some replies get a 429 or a 5xx once,
// and some updates are delivered again, before or after they were answered.
func (s *system) talkOnTelegram(tb testing.TB, led *ledger, flt *faults, u *telegramUser, messages int, afterEach func()) {
	for i := range messages {
		update, what, answer := u.message(i)
		id := telegramtest.MessageID(update)
		if answer && flt.on {
			u.replies++
			switch (u.replies + u.n) % 40 {
			case 4:
				flt.planTelegram(id, telegramtest.Fault{Code: http.StatusTooManyRequests, RetryAfter: 1})
			case 14:
				flt.planTelegram(id, telegramtest.Fault{Code: http.StatusInternalServerError})
			case 24:
				flt.planTelegram(id, telegramtest.Fault{Code: http.StatusBadGateway})
			}
		}
		m := led.sent(telegramKey(id), what, answer)
		s.tg.Push(update)
		again := flt.on && (i+u.n)%10 == 0
		if flt.on && (i+u.n)%10 == 5 {
			s.tg.Redeliver(update) // while it is being answered
			flt.count("telegram update delivered again")
		}
		if answer && !m.await(replyWithin) {
			tb.Errorf("telegram user %d: no reply to message %d (%s) within %s", u.n, id, what, replyWithin)
			return
		}
		if again {
			s.tg.Redeliver(update) // once answered
			flt.count("telegram update delivered again")
		}
		afterEach()
	}
}

// talkOnDiscord sends u's messages as talkOnTelegram does. With faults, some replies get
// a 429, a 5xx, or a 5xx after the message was delivered (Discord's answer lost on the way
// back) once.
func (s *system) talkOnDiscord(tb testing.TB, led *ledger, flt *faults, u *discordUser, messages int, afterEach func()) {
	for i := range messages {
		id := s.dc.NewID()
		payload, what, answer := u.message(i, id)
		if answer && flt.on {
			u.replies++
			switch (u.replies + u.n) % 8 {
			case 1:
				flt.planDiscord(id, discordtest.Fault{Status: http.StatusTooManyRequests, RetryAfter: 100 * time.Millisecond})
			case 3:
				flt.planDiscord(id, discordtest.Fault{Status: http.StatusInternalServerError})
			case 5:
				flt.planDiscord(id, discordtest.Fault{Status: http.StatusBadGateway, Processed: true})
			}
		}
		m := led.sent(discordKey(id), what, answer)
		if err := s.dc.Dispatch("MESSAGE_CREATE", payload); err != nil {
			tb.Errorf("discord user %d: %v", u.n, err)
			return
		}
		if answer && !m.await(replyWithin) {
			tb.Errorf("discord user %d: no reply to message %s (%s) within %s", u.n, id, what, replyWithin)
			return
		}
		afterEach()
	}
}

// flushed is the kind of the messages flush sends: they are not in the figures.
const flushed = "flush"

// flush sends one more message the bot must answer into every chat, after the load:
// Telegram answers a chat's updates in order and Discord reads its gateway in order, so
// once these are answered every message before them has been dealt with, and the check
// that none of them was answered is complete.
func (s *system) flush(tb testing.TB, led *ledger, users int, channels []string) {
	var pending []*userMessage
	groups := map[int64]bool{}
	for n := range users {
		if n%2 == 0 {
			u := newTelegramUser(n/2, serverChannels)
			for _, chat := range []map[string]any{u.private, u.group} {
				id := chat["id"].(int64)
				if groups[id] {
					continue
				}
				groups[id] = true
				update := telegramtest.Message(chat, u.user, "/help@"+telegramtest.BotUsername)
				pending = append(pending, led.sent(telegramKey(telegramtest.MessageID(update)), flushed, true))
				s.tg.Push(update)
			}
			continue
		}
		u := newDiscordUser(n/2, s.dc, channels)
		targets := []string{u.dm}
		if n/2 < len(channels) {
			targets = append(targets, channels[n/2])
		}
		for _, ch := range targets {
			id := s.dc.NewID()
			pending = append(pending, led.sent(discordKey(id), flushed, true))
			if err := s.dc.Dispatch("MESSAGE_CREATE", u.payload(id, ch, mention+"/help")); err != nil {
				tb.Errorf("flush: %v", err)
			}
		}
	}
	for _, m := range pending {
		if !m.await(replyWithin) {
			tb.Errorf("flush: no reply within %s", replyWithin)
			return
		}
	}
}
