package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// allowedUpdates are the updates the bot asks for; it reads only new messages.
var allowedUpdates = []string{models.AllowedUpdateMessage}

// poll long-polls getUpdates and dispatches each update until ctx ends, then returns nil.
// Network failures and Telegram's refusals are logged and retried with a growing wait;
// only a refused token ends it with an error.
func (a *Adapter) poll(ctx context.Context) error {
	// getUpdates fails while a webhook is set: one left from an earlier run in webhook
	// mode would silence the bot.
	if _, err := a.api.DeleteWebhook(ctx, &tgbot.DeleteWebhookParams{}); err != nil && ctx.Err() == nil {
		a.log.Warn("could not remove the webhook", "err", a.redact(err))
	}
	var backoff time.Duration
	for ctx.Err() == nil {
		updates, err := a.getUpdates(ctx, pollTimeout, 0)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			if errors.Is(err, tgbot.ErrorUnauthorized) || errors.Is(err, tgbot.ErrorNotFound) {
				return fmt.Errorf("get updates: %w", err)
			}
			backoff = min(max(2*backoff, 100*time.Millisecond), 5*time.Second)
			wait := backoff
			var tooMany *tgbot.TooManyRequestsError
			if errors.As(err, &tooMany) {
				wait = time.Duration(max(tooMany.RetryAfter, 1)) * time.Second
			}
			if errors.Is(err, tgbot.ErrorConflict) {
				a.log.Warn("another process is taking this bot's updates (or a webhook is set); retrying", "err", a.redact(err), "wait", wait)
			} else {
				a.log.Warn("get updates failed; retrying", "err", a.redact(err), "wait", wait)
			}
			if sleepUntil(ctx, time.Now().Add(wait)) != nil {
				return nil
			}
			continue
		}
		backoff = 0
		for _, u := range updates {
			if !a.dispatch(ctx, u) {
				return nil // not taken: Telegram sends it again after a restart
			}
			a.offset = u.ID + 1
		}
	}
	return nil
}

// confirm tells Telegram that the updates dispatched are done with, so that they are not
// delivered again after a restart. The long poll cut short by shutdown may not have.
func (a *Adapter) confirm() {
	if a.offset == a.told {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if _, err := a.getUpdates(ctx, 0, 1); err != nil {
		a.log.Warn("could not confirm the last updates: they may be delivered again", "err", a.redact(err))
	}
}

type getUpdatesParams struct {
	Offset         int64    `json:"offset,omitempty"`
	Limit          int      `json:"limit,omitempty"`
	Timeout        int      `json:"timeout"`
	AllowedUpdates []string `json:"allowed_updates"`
}

// getUpdates asks for the updates from a.offset on, waiting up to timeout for one. An
// update the wire types cannot read is logged and returned with only its ID, so that it
// is confirmed and skipped instead of stopping every update after it.
func (a *Adapter) getUpdates(ctx context.Context, timeout time.Duration, limit int) ([]*models.Update, error) {
	offset := a.offset
	body, err := json.Marshal(getUpdatesParams{Offset: offset, Limit: limit, Timeout: int(timeout / time.Second), AllowedUpdates: allowedUpdates})
	if err != nil {
		return nil, fmt.Errorf("get updates: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout+15*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.apiURL+"/bot"+a.token+"/getUpdates", bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("get updates: %s", a.redact(err))
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := a.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // its URL holds the token
		}
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("read updates: %w", err)
	}
	var env struct {
		OK          bool              `json:"ok"`
		Result      []json.RawMessage `json:"result"`
		ErrorCode   int               `json:"error_code"`
		Description string            `json:"description"`
		Parameters  struct {
			RetryAfter int `json:"retry_after"`
		} `json:"parameters"`
	}
	if err := json.Unmarshal(raw, &env); err != nil {
		return nil, fmt.Errorf("get updates: unreadable answer (HTTP %d)", resp.StatusCode)
	}
	if !env.OK {
		return nil, apiError(env.ErrorCode, env.Description, env.Parameters.RetryAfter)
	}
	a.told = offset
	updates := make([]*models.Update, 0, len(env.Result))
	for _, r := range env.Result {
		u := &models.Update{}
		if err := json.Unmarshal(r, u); err != nil {
			var id struct {
				ID int64 `json:"update_id"`
			}
			_ = json.Unmarshal(r, &id)
			a.log.Warn("unreadable update skipped", "update_id", id.ID, "err", err)
			u = &models.Update{ID: id.ID}
		}
		updates = append(updates, u)
	}
	return updates, nil
}

// apiError is a Bot API refusal as the library reports it, so that callers test for it
// the same way whichever made the call.
func apiError(code int, description string, retryAfter int) error {
	switch code {
	case http.StatusUnauthorized:
		return fmt.Errorf("%w, %s", tgbot.ErrorUnauthorized, description)
	case http.StatusNotFound:
		return fmt.Errorf("%w, %s", tgbot.ErrorNotFound, description)
	case http.StatusConflict:
		return fmt.Errorf("%w, %s", tgbot.ErrorConflict, description)
	case http.StatusTooManyRequests:
		return &tgbot.TooManyRequestsError{Message: fmt.Sprintf("%s, %s", tgbot.ErrorTooManyRequests, description), RetryAfter: retryAfter}
	}
	return fmt.Errorf("telegram error %d: %s", code, description)
}
