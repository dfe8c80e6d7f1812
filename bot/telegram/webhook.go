package telegram

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	tgbot "github.com/go-telegram/bot"
)

// secretHeader carries the webhook's secret token in every request Telegram sends.
const secretHeader = "X-Telegram-Bot-Api-Secret-Token"

// serveWebhook sets the webhook and serves it until ctx ends; then it stops taking
// requests, waits for those in flight (each dispatches its update before answering) and
// returns nil.
func (a *Adapter) serveWebhook(ctx context.Context) error {
	// Handlers dispatch: none may still run once the chat workers are finished.
	var inflight sync.WaitGroup
	defer inflight.Wait()
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
	srv := &http.Server{Handler: a.webhookHandler(ctx, path, &inflight), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	sctx, cancel := context.WithTimeout(ctx, a.callTimeout)
	_, err = a.api.SetWebhook(sctx, &tgbot.SetWebhookParams{URL: w.URL, SecretToken: w.Secret, AllowedUpdates: allowedUpdates})
	cancel()
	if err != nil {
		srv.Close()
		<-served
		if ctx.Err() != nil {
			return nil
		}
		return fmt.Errorf("set webhook: %s", a.redact(err))
	}
	a.log.Info("webhook set", "listen", ln.Addr().String(), "path", path)
	a.health.Set(platform, true, "connected as @"+a.me.Username+", by webhook")
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

// webhookHandler takes one update a request posted to path (any other path is 404: the
// URL's path is matched as it is, never read as a ServeMux pattern, which panics on some).
// A request without the secret token gets 401 and is not read. An update is acknowledged
// once the inbox holds it; one that cannot be read is logged and acknowledged, since
// Telegram would only send it again. While the inbox fails, or the adapter is stopping
// before it could take the update, the answer is 503 and Telegram sends it again later.
func (a *Adapter) webhookHandler(run context.Context, path string, inflight *sync.WaitGroup) http.Handler {
	secret := []byte(a.webhook.Secret)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inflight.Add(1)
		defer inflight.Done()
		if r.URL.Path != path {
			http.NotFound(w, r)
			return
		}
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
		u, err := decodeUpdate(raw)
		if err != nil {
			a.log.Warn("unreadable update skipped", "update_id", u.ID, "err", err)
			w.WriteHeader(http.StatusOK)
			return
		}
		// Taking and dispatching wait while the bot is busy; they give up when the request
		// or the adapter ends.
		ctx, cancel := context.WithCancel(r.Context())
		defer cancel()
		defer context.AfterFunc(run, cancel)()
		taken, err := a.take(ctx, []polled{{update: u, raw: raw}})
		if err != nil {
			a.log.Error("could not keep a webhook update; Telegram sends it again", "update_id", u.ID, "err", err)
			http.Error(w, "try again later", http.StatusServiceUnavailable)
			return
		}
		for _, u := range taken {
			if !a.dispatch(ctx, u) {
				http.Error(w, "shutting down", http.StatusServiceUnavailable)
				return
			}
		}
		w.WriteHeader(http.StatusOK)
	})
}
