package telegramtest

import (
	"strconv"
	"sync/atomic"
	"time"
)

// messageIDs numbers the messages users send, across servers: tests match replies to
// questions by it.
var messageIDs atomic.Int64

// User returns a Telegram user object; lang is its language_code ("" for none).
func User(id int64, name, lang string) map[string]any {
	u := map[string]any{"id": id, "is_bot": false, "first_name": name}
	if lang != "" {
		u["language_code"] = lang
	}
	return u
}

// PrivateChat returns the private chat with user id.
func PrivateChat(id int64, name string) map[string]any {
	return map[string]any{"id": id, "type": "private", "first_name": name}
}

// Supergroup returns a supergroup chat.
func Supergroup(id int64, title string) map[string]any {
	return map[string]any{"id": id, "type": "supergroup", "title": title}
}

// Group returns a basic group chat, which may become a supergroup.
func Group(id int64, title string) map[string]any {
	return map[string]any{"id": id, "type": "group", "title": title}
}

// Message returns an update with a new message from user from in chat; set adds or
// changes fields of the message. A message without text ("") has none.
func Message(chat, from map[string]any, text string, set ...func(m map[string]any)) map[string]any {
	m := map[string]any{"message_id": int(messageIDs.Add(1)), "date": time.Now().Unix(), "chat": chat}
	if from != nil {
		m["from"] = from
	}
	if text != "" {
		m["text"] = text
	}
	for _, s := range set {
		s(m)
	}
	return map[string]any{"message": m}
}

// MessageID returns the message_id of an update made by Message.
func MessageID(u map[string]any) int { return u["message"].(map[string]any)["message_id"].(int) }

// Entity adds a message entity, with its offset and length in UTF-16 code units.
func Entity(kind string, offset, length int) func(map[string]any) {
	return func(m map[string]any) {
		es, _ := m["entities"].([]map[string]any)
		m["entities"] = append(es, map[string]any{"type": kind, "offset": offset, "length": length})
	}
}

// ReplyToBot makes the message a reply to a message of the bot's.
func ReplyToBot(m map[string]any) {
	m["reply_to_message"] = map[string]any{"message_id": 1, "date": 0, "chat": m["chat"], "from": Bot, "text": "…"}
}

// AsChat makes the message come from a chat rather than a user: the group itself for an
// anonymous admin, as Telegram sends it (from @GroupAnonymousBot), or a channel.
func AsChat(chat map[string]any) func(map[string]any) {
	return func(m map[string]any) {
		m["sender_chat"] = chat
		m["from"] = map[string]any{"id": 1087968824, "is_bot": true, "first_name": "Group", "username": "GroupAnonymousBot"}
	}
}

var callbackIDs atomic.Int64

// Callback returns an update for a button pressed by user from under message m, a
// message the bot sent, with the button's callback data.
func Callback(from map[string]any, m Sent, data string) map[string]any {
	return map[string]any{"callback_query": map[string]any{
		"id":            strconv.FormatInt(callbackIDs.Add(1), 10),
		"from":          from,
		"chat_instance": "1",
		"data":          data,
		"message": map[string]any{"message_id": m.MessageID, "date": m.At.Unix(), "from": Bot,
			"chat": map[string]any{"id": m.ChatID, "type": chatType(m.ChatID)}, "text": m.Text},
	}}
}

// chatType guesses a chat's type from its ID: users' IDs are positive, groups' negative.
func chatType(id int64) string {
	if id > 0 {
		return "private"
	}
	return "supergroup"
}
