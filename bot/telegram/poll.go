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

// allowedUpdates are the updates the bot asks for: new messages, and vote buttons pressed.
var allowedUpdates = []string{models.AllowedUpdateMessage, models.AllowedUpdateCallbackQuery}

// polled is an update as getUpdates returned it, read and raw.
type polled struct {
	update *models.Update
	raw    []byte
}

// poll long-polls getUpdates and takes each batch until ctx ends, then returns nil.
// Network failures and Telegram's refusals are logged and retried with a growing wait,
// and the adapter reported down meanwhile; only a refused token ends it with an error.
func (a *Adapter) poll(ctx context.Context) error {
	// getUpdates fails while a webhook is set: one left from an earlier run in webhook
	// mode would silence the bot.
	dctx, cancel := context.WithTimeout(ctx, a.callTimeout)
	_, err := a.api.DeleteWebhook(dctx, &tgbot.DeleteWebhookParams{})
	cancel()
	if err != nil && ctx.Err() == nil {
		a.log.Warn("could not remove the webhook", "err", a.redact(err))
	}
	var backoff time.Duration
	failing := false
	for ctx.Err() == nil {
		// After a failure a short poll tells at once whether Telegram answers again; a
		// long one would only tell when it ends.
		timeout := pollTimeout
		if failing {
			timeout = 0
		}
		updates, err := a.getUpdates(ctx, timeout, 0)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			if errors.Is(err, tgbot.ErrorUnauthorized) || errors.Is(err, tgbot.ErrorNotFound) {
				return fmt.Errorf("get updates: %w", err)
			}
			failing = true
			a.health.Set(platform, false, "getUpdates failing: "+a.redact(err))
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
		if failing {
			failing = false
			a.metrics.Reconnect(platform)
			a.health.Set(platform, true, "connected as @"+a.me.Username)
			a.log.Info("get updates works again")
		}
		backoff = 0
		if len(updates) == 0 {
			continue
		}
		taken, err := a.take(ctx, updates)
		if err != nil {
			// Not confirmed: Telegram hands the batch over again.
			if ctx.Err() != nil {
				return nil
			}
			a.log.Error("could not keep the updates received; asking for them again", "err", err)
			backoff = min(max(2*backoff, time.Second), 5*time.Second)
			if sleepUntil(ctx, time.Now().Add(backoff)) != nil {
				return nil
			}
			continue
		}
		a.offset = updates[len(updates)-1].update.ID + 1
		for _, u := range taken {
			if !a.dispatch(ctx, u) {
				return nil // still pending in the inbox: answered after a restart
			}
		}
	}
	return nil
}

// take keeps the updates that need an answer in the inbox, and returns those it had not
// kept before, in order.
func (a *Adapter) take(ctx context.Context, batch []polled) ([]*models.Update, error) {
	keep := make(map[int64][]byte, len(batch))
	byID := make(map[int64]*models.Update, len(batch))
	for _, p := range batch {
		a.noteMigration(p.update)
		if needsAnswer(p.update) {
			keep[p.update.ID], byID[p.update.ID] = p.raw, p.update
		}
	}
	if len(keep) == 0 {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, inboxTimeout)
	defer cancel()
	ids, err := a.inbox.TakeUpdates(ctx, a.me.ID, keep, time.Now())
	if err != nil {
		return nil, err
	}
	taken := make([]*models.Update, len(ids))
	for i, id := range ids {
		taken[i] = byID[id]
	}
	return taken, nil
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
// update the wire types cannot read is logged and returned with only its ID.
func (a *Adapter) getUpdates(ctx context.Context, timeout time.Duration, limit int) ([]polled, error) {
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
	updates := make([]polled, 0, len(env.Result))
	for _, r := range env.Result {
		u, err := decodeUpdate(r)
		if err != nil {
			a.log.Warn("unreadable update skipped", "update_id", u.ID, "err", err)
		}
		updates = append(updates, polled{update: u, raw: r})
	}
	return updates, nil
}

// decodeUpdate reads an update. One the wire types cannot read comes back with only its
// ID, and an error: it is confirmed and skipped instead of stopping every update after it.
func decodeUpdate(raw []byte) (*models.Update, error) {
	u := &models.Update{}
	if err := json.Unmarshal(raw, u); err != nil {
		var id struct {
			ID int64 `json:"update_id"`
		}
		_ = json.Unmarshal(raw, &id)
		return &models.Update{ID: id.ID}, fmt.Errorf("read update %d: %w", id.ID, err)
	}
	return u, nil
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
