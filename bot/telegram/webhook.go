package telegram

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// secretHeader carries the webhook's secret token in every request Telegram sends.
const secretHeader = "X-Telegram-Bot-Api-Secret-Token"

// serveWebhook sets the webhook and serves it until ctx ends; then it stops taking
// requests, waits for those in flight (each dispatches its update before answering) and
// returns nil.
func (a *Adapter) serveWebhook(ctx context.Context) error {
	w := a.webhook
	u, err := url.Parse(w.URL)
	if err != nil {
		return fmt.Errorf("webhook url: %w", err)
	}
	ln := w.Listener
	if ln == nil {
		if ln, err = net.Listen("tcp", w.Listen); err != nil {
			return fmt.Errorf("webhook: %w", err)
		}
	}
	path := u.Path
	if path == "" {
		path = "/"
	}
	mux := http.NewServeMux()
	mux.Handle(path, a.webhookHandler(ctx))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	if _, err := a.api.SetWebhook(ctx, &tgbot.SetWebhookParams{URL: w.URL, SecretToken: w.Secret, AllowedUpdates: allowedUpdates}); err != nil {
		srv.Close()
		<-served
		if ctx.Err() != nil {
			return nil
		}
		return fmt.Errorf("set webhook: %s", a.redact(err))
	}
	a.log.Info("webhook set", "listen", ln.Addr().String(), "path", path)
	select {
	case err := <-served:
		return fmt.Errorf("webhook server: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		srv.Close()
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		a.log.Warn("webhook server", "err", err)
	}
	return nil
}

// webhookHandler takes one update a request. A request without the secret token gets 401
// and is not read; an update that cannot be read is logged and acknowledged, since
// Telegram would only send it again.
func (a *Adapter) webhookHandler(run context.Context) http.Handler {
	secret := []byte(a.webhook.Secret)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if subtle.ConstantTimeCompare([]byte(r.Header.Get(secretHeader)), secret) != 1 {
			a.log.Warn("webhook request with a wrong secret token refused", "remote", r.RemoteAddr)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err != nil {
			http.Error(w, "unreadable body", http.StatusBadRequest)
			return
		}
		u := &models.Update{}
		if err := json.Unmarshal(raw, u); err != nil {
			a.log.Warn("unreadable update skipped", "err", err)
			w.WriteHeader(http.StatusOK)
			return
		}
		// Dispatch waits for room while the bot is busy; it gives up when the request or
		// the adapter ends, and Telegram sends the update again later.
		ctx, cancel := context.WithCancel(r.Context())
		defer cancel()
		defer context.AfterFunc(run, cancel)()
		if !a.dispatch(ctx, u) {
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}
