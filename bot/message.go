package bot

import (
	"context"
	"time"

	"github.com/azchina/azchina/knowledge"
)

// Platform names a chat platform.
type Platform string

// The platforms azchina speaks on.
const (
	Console  Platform = "console"
	Telegram Platform = "telegram"
	Discord  Platform = "discord"
)

// ChatKind tells a one-to-one chat from a group and a broadcast channel.
type ChatKind int

// The kinds of chat.
const (
	Private ChatKind = iota // a direct message with one person
	Group                   // a group chat or a server channel
	Channel                 // a broadcast channel: the bot never answers there
)

// Message is a chat message as the router sees it, whatever platform it came from.
type Message struct {
	Platform  Platform
	ChatID    string
	ChatKind  ChatKind
	MessageID string
	UserID    string
	UserName  string
	// Text is what the user wrote, with the adapter's own mention of the bot removed.
	Text string
	// BotName is the bot's user name on the platform (without "@"): a command addressed to
	// another bot ("/ask@OtherBot") is ignored.
	BotName string
	// Mentioned is true when the message mentions the bot.
	Mentioned bool
	// ReplyToBot is true when the message replies to one of the bot's messages.
	ReplyToBot bool
	// Locale is the user's language as the platform reports it ("en", "ru", "az-AZ").
	Locale string
	// Moderator reports whether the sender may moderate this chat; nil means no.
	Moderator func(context.Context) (bool, error)
}

// ReplyKind tells the renderers what a reply holds.
type ReplyKind int

// The kinds of reply.
const (
	AnswerReply  ReplyKind = iota // Answer holds an answer with citations
	RefusalReply                  // the articles do not say; Text says what can be asked
	NoticeReply                   // a short message: help, a limit, an error
	ListReply                     // Title and Items: topics, sources
)

// Reply is the router's platform-neutral answer to a message. Every string in it is plain
// text: renderers escape it for their platform.
type Reply struct {
	Kind   ReplyKind
	Title  string
	Text   string
	Items  []string
	Answer *knowledge.Answer
	// ReplyTo is the message being answered, for threading.
	ReplyTo string
	// Private asks the adapter to show the reply to the sender only.
	Private bool
	// AnswerID names an answer the journal keeps; adapters show 👍/👎 buttons that vote on
	// it (Router.Vote). Empty: no buttons.
	AnswerID string
}

// Clock tells the time; tests inject their own.
type Clock func() time.Time
