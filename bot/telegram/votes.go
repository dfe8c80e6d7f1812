package telegram

import (
	"context"
	"strconv"
	"strings"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/azchina/azchina/bot"
)

// Voter records a user's 👍 (up) or 👎 on an answer and returns the notice to show them;
// *bot.Router is one. A Handler that is also a Voter gets the votes of the buttons under
// its answers.
type Voter interface {
	Vote(ctx context.Context, platform bot.Platform, userID, answerID string, up bool) bot.Reply
}

// Votes travel in callback_data as "vote:up:ID" or "vote:down:ID" (at most 64 bytes).
const votePrefix = "vote:"

// maxCallbackText is the longest notice answerCallbackQuery shows.
const maxCallbackText = 200

// Notes shown on a vote button press that cannot be counted.
const (
	voteUnreadable = "I could not record that vote."
	voteNotKept    = "Votes are not recorded here."
)

// inlineKeyboard and inlineButton are the reply_markup of the vote buttons. The library's
// models.InlineKeyboardButton always sends "copy_text":{"text":""}, which Telegram refuses
// (BUTTON_COPY_TEXT_INVALID), so the adapter sends only the fields it means.
type inlineKeyboard struct {
	InlineKeyboard [][]inlineButton `json:"inline_keyboard"`
}

type inlineButton struct {
	Text         string `json:"text"`
	CallbackData string `json:"callback_data"`
}

// voteKeyboard returns the 👍/👎 buttons for the answer with ID answerID, or nil when
// there is no answer to vote on (the reply_markup is then left out).
func voteKeyboard(answerID string) any {
	if answerID == "" || len(votePrefix+"down:"+answerID) > 64 {
		return nil
	}
	return inlineKeyboard{InlineKeyboard: [][]inlineButton{{
		{Text: "👍", CallbackData: votePrefix + "up:" + answerID},
		{Text: "👎", CallbackData: votePrefix + "down:" + answerID},
	}}}
}

// parseVote reads a vote button's callback_data.
func parseVote(data string) (answerID string, up, ok bool) {
	rest, ok := strings.CutPrefix(data, votePrefix)
	if !ok {
		return "", false, false
	}
	dir, id, ok := strings.Cut(rest, ":")
	if !ok || id == "" || (dir != "up" && dir != "down") {
		return "", false, false
	}
	return id, dir == "up", true
}

// vote records the vote a button press carries and always answers the callback query, so
// that the user's button stops spinning and shows what became of the vote.
func (a *Adapter) vote(ctx context.Context, q *models.CallbackQuery) {
	text := voteUnreadable
	if answerID, up, ok := parseVote(q.Data); ok {
		if v, ok := a.handler.(Voter); ok {
			text = v.Vote(ctx, bot.Telegram, strconv.FormatInt(q.From.ID, 10), answerID, up).Text
		} else {
			text = voteNotKept
		}
	}
	a.answerCallback(ctx, q, text)
}

// answerCallback answers a callback query with a short notice.
func (a *Adapter) answerCallback(ctx context.Context, q *models.CallbackQuery, text string) {
	if r := []rune(text); len(r) > maxCallbackText {
		text = string(r[:maxCallbackText-1]) + "…"
	}
	ctx, cancel := context.WithTimeout(ctx, a.callTimeout)
	defer cancel()
	if _, err := a.api.AnswerCallbackQuery(ctx, &tgbot.AnswerCallbackQueryParams{CallbackQueryID: q.ID, Text: text}); err != nil {
		a.log.Warn("callback query not answered", "user", q.From.ID, "err", a.redact(err))
	}
}
