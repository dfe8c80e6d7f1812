package telegram

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/logtest"
	"github.com/azchina/azchina/bot/telegram/telegramtest"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

const testToken = "123456789:AAFakeTokenForTests-0123456789abcdef"

// Users and chats as Telegram describes them.
var (
	ann       = telegramtest.User(42, "Ann", "en")
	bob       = telegramtest.User(43, "Bob", "az")
	annChat   = telegramtest.PrivateChat(42, "Ann")
	bobChat   = telegramtest.PrivateChat(43, "Bob")
	groupChat = telegramtest.Supergroup(-1001234, "Students")
)

var (
	message = telegramtest.Message
	msgID   = telegramtest.MessageID
	entity  = telegramtest.Entity
)

// fakeAPI starts a fake Bot API for the test token, closed when the test ends.
func fakeAPI(t testing.TB) *telegramtest.Server {
	f := telegramtest.NewServer(testToken)
	t.Cleanup(f.Close)
	return f
}

// next waits for the next message the bot sends.
func next(t testing.TB, f *telegramtest.Server) telegramtest.Sent {
	t.Helper()
	m, ok := f.Next(15 * time.Second)
	if !ok {
		t.Fatal("no message sent")
	}
	return m
}

// within waits for a value from ch, failing the test after a generous guard.
func within[T any](t testing.TB, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(15 * time.Second):
		t.Fatal("waited 15 s in vain")
		var zero T
		return zero
	}
}

// running is an adapter running against a fake Bot API.
type running struct {
	*Adapter
	logs   *logtest.Buffer
	cancel context.CancelFunc // ends Run's context
	stop   func() error       // ends Run's context and returns what Run returned
}

// run starts an adapter on f with h (the real router over the seeds when nil), no send
// pacing unless opts set it, and logs checked for the token when the test ends.
func run(t *testing.T, f *telegramtest.Server, h Handler, opts ...Option) *running {
	t.Helper()
	if h == nil {
		h = bot.NewRouter(knowledgetest.Seeds(t))
	}
	logs := &logtest.Buffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	opts = append([]Option{WithAPIURL(f.URL), WithLogger(log), WithSendRate(0, 0)}, opts...)
	a, err := New(testToken, h, opts...)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	var once sync.Once
	var runErr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case runErr = <-done:
			case <-time.After(10 * time.Second):
				t.Error("Run did not return after its context ended")
			}
		})
		return runErr
	}
	t.Cleanup(func() {
		require.NoError(t, stop())
		require.NotContains(t, logs.String(), testToken, "the token was logged")
		require.NotContains(t, logs.String(), "AAFakeToken", "part of the token was logged")
		if t.Failed() {
			t.Logf("adapter logs:\n%s", logs)
		}
	})
	return &running{Adapter: a, logs: logs, cancel: cancel, stop: stop}
}
