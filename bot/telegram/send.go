package telegram

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync/atomic"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/azchina/azchina/bot"
)

// Notes the adapter itself writes into a chat.
const (
	somethingWrong = "Something went wrong with that message. Please try again, or ask another way."
	sentPrivately  = "I sent it to you in a private chat."
	startFirst     = "I can't send you a private message yet: open a private chat with @%s, press Start, and ask again here."
	anonymousAdmin = "You are writing as the group (an anonymous admin), so I can't send you a private message. " +
		"Turn off “Remain anonymous” and ask again."
)

// outgoing is one message to send.
type outgoing struct {
	chat    int64
	text    string
	replyTo int // the message it answers; 0 for none
	markup  any // reply_markup; nil for none
}

// sendReply sends reply to the chat of m, threaded to m, in as many messages as it takes;
// an answer's last message carries the vote buttons. A private reply to a message in a
// group goes to the sender's private chat instead, and the group is told where it went,
// or why it could not go there.
func (a *Adapter) sendReply(ctx context.Context, m *models.Message, reply bot.Reply) {
	parts := Render(reply)
	if len(parts) == 0 {
		return
	}
	markup := voteKeyboard(reply.AnswerID)
	if !reply.Private || m.Chat.Type == models.ChatTypePrivate {
		if err := a.sendParts(ctx, m.Chat.ID, m.ID, parts, markup); err != nil {
			a.log.Error("reply not sent", "chat", m.Chat.ID, "message_id", m.ID, "err", a.redact(err))
		}
		return
	}
	if m.SenderChat != nil || m.From == nil {
		a.note(ctx, m, anonymousAdmin)
		return
	}
	err := a.sendParts(ctx, m.From.ID, 0, parts, markup)
	switch {
	case err == nil:
		a.note(ctx, m, sentPrivately)
	case errors.Is(err, tgbot.ErrorForbidden):
		a.log.Info("private reply refused: the user has not started the bot", "chat", m.Chat.ID, "user", m.From.ID)
		a.note(ctx, m, fmt.Sprintf(startFirst, a.me.Username))
	default:
		a.log.Error("private reply not sent", "chat", m.Chat.ID, "user", m.From.ID, "err", a.redact(err))
	}
}

// note sends a short notice to the chat of m, threaded to m.
func (a *Adapter) note(ctx context.Context, m *models.Message, text string) {
	if err := a.sendParts(ctx, m.Chat.ID, m.ID, Render(bot.Reply{Kind: bot.NoticeReply, Text: text}), nil); err != nil {
		a.log.Error("note not sent", "chat", m.Chat.ID, "message_id", m.ID, "err", a.redact(err))
	}
}

// sendParts sends the parts of one reply in order, markup on the last, and stops at the
// first that fails.
func (a *Adapter) sendParts(ctx context.Context, chat int64, replyTo int, parts []string, markup any) error {
	for i, text := range parts {
		o := outgoing{chat: chat, text: text, replyTo: replyTo}
		if i == len(parts)-1 {
			o.markup = markup
		}
		if err := a.send(ctx, o); err != nil {
			return err
		}
	}
	return nil
}

// send sends one HTML message at Telegram's pace. It tries again, a few times at most and
// holding up only this chat, when Telegram answers 429 (after retry_after) or with a
// server error (after a growing wait), and at once in the new chat when a group has
// become a supergroup.
func (a *Adapter) send(ctx context.Context, o outgoing) error {
	chat := a.chatFor(o.chat)
	params := &tgbot.SendMessageParams{
		ChatID:             chat,
		Text:               o.text,
		ParseMode:          models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()},
	}
	if o.replyTo != 0 {
		params.ReplyParameters = &models.ReplyParameters{MessageID: o.replyTo, AllowSendingWithoutReply: true}
	}
	if o.markup != nil {
		params.ReplyMarkup = o.markup
	}
	for try := 1; ; try++ {
		if err := a.pace.wait(ctx, chat); err != nil {
			return fmt.Errorf("send message: %w", err)
		}
		rctx, status := withStatus(ctx)
		rctx, cancel := context.WithTimeout(rctx, sendTimeout)
		_, err := a.api.SendMessage(rctx, params)
		cancel()
		now := time.Now()
		a.pace.sent(chat, now)
		if err == nil {
			return nil
		}
		var wait time.Duration
		var tooMany *tgbot.TooManyRequestsError
		var migrated *tgbot.MigrateError
		switch {
		case ctx.Err() != nil:
			return fmt.Errorf("send message: %w", ctx.Err())
		case errors.As(err, &migrated) && migrated.MigrateToChatID != 0:
			a.log.Info("group became a supergroup: following it", "chat", chat, "new_chat", migrated.MigrateToChatID)
			a.migrate(chat, int64(migrated.MigrateToChatID))
			chat = int64(migrated.MigrateToChatID)
			params.ChatID = chat
		case errors.As(err, &tooMany):
			wait = time.Duration(max(tooMany.RetryAfter, 1)) * time.Second
			if wait > maxRetryAfter {
				a.metrics.SendError(platform)
				return fmt.Errorf("send message: retry_after %s is too long to wait: %w", wait, err)
			}
			a.log.Warn("telegram asks to slow down", "chat", chat, "retry_after", wait)
		case status.Load() >= http.StatusInternalServerError:
			wait = serverErrorWait << (try - 1)
			a.log.Warn("telegram server error: sending again", "chat", chat, "status", status.Load(), "wait", wait)
		default:
			a.metrics.SendError(platform)
			return fmt.Errorf("send message: %w", err)
		}
		if try >= maxSendTries {
			a.metrics.SendError(platform)
			return fmt.Errorf("send message: gave up after %d tries: %w", try, err)
		}
		a.metrics.Retry(platform)
		a.pace.hold(chat, now.Add(wait))
	}
}

// chatFor returns the chat a message to chat goes to: the supergroup a group became.
func (a *Adapter) chatFor(chat int64) int64 {
	a.migMu.Lock()
	defer a.migMu.Unlock()
	if to, ok := a.migrated[chat]; ok {
		return to
	}
	return chat
}

// migrate records that group from became supergroup to.
func (a *Adapter) migrate(from, to int64) {
	if from == 0 || to == 0 || from == to {
		return
	}
	a.migMu.Lock()
	defer a.migMu.Unlock()
	a.migrated[from] = to
}

// statusKey is the context key under which statusTransport records the HTTP status of a
// response: the library reports a server error only as text.
type statusKey struct{}

// withStatus returns a context whose request records its response's HTTP status in the
// value returned.
func withStatus(ctx context.Context) (context.Context, *atomic.Int32) {
	status := new(atomic.Int32)
	return context.WithValue(ctx, statusKey{}, status), status
}

// statusTransport records each response's status where the request's context asks.
type statusTransport struct{ next http.RoundTripper }

func (t statusTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if resp != nil {
		if status, ok := req.Context().Value(statusKey{}).(*atomic.Int32); ok {
			status.Store(int32(resp.StatusCode))
		}
	}
	return resp, err
}
