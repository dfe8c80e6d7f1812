package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot/discord/discordtest"
)

// lockedBuffer is an output the program's goroutines may share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serveDiscord runs "azchina serve" against a fake Discord and returns its exit status
// channel and its standard error.
func serveDiscord(t *testing.T, ctx context.Context, fake *discordtest.Server, token string) (<-chan int, *lockedBuffer) {
	env := map[string]string{"AZCHINA_DISCORD_TOKEN": token, "AZCHINA_DISCORD_API_URL": fake.URL,
		"AZCHINA_DB": filepath.Join(t.TempDir(), "azchina.db")}
	stderr := &lockedBuffer{}
	m := &Main{Stdin: strings.NewReader(""), Stdout: &lockedBuffer{}, Stderr: stderr, Getenv: func(k string) string { return env[k] }}
	code := make(chan int, 1)
	go func() { code <- m.Run(ctx, []string{"serve"}) }()
	return code, stderr
}

func TestServeDiscordAnswersAndStopsCleanly(t *testing.T) {
	fake := discordtest.NewServer("good-token")
	defer fake.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	code, stderr := serveDiscord(t, ctx, fake, "good-token")
	waitFor(t, fake.Steps(), "ready")
	require.NoError(t, fake.Dispatch("MESSAGE_CREATE", map[string]any{
		"id": "700", "channel_id": "800", "type": 0, "content": "How many documents were signed in 2019?",
		"author": map[string]any{"id": "900", "username": "ann"},
	}))
	timeout := time.After(10 * time.Second)
	for answered := false; !answered; {
		select {
		case r := <-fake.Requests():
			if r.Method == "POST" && r.Path == "/api/v9/channels/800/messages" {
				assert.Contains(t, string(r.Body), "ten documents")
				answered = true
			}
		case <-timeout:
			t.Fatal("no answer")
		}
	}
	cancel() // what SIGTERM does through signal.NotifyContext
	select {
	case c := <-code:
		assert.Equal(t, 0, c, stderr.String())
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not exit within 5 s")
	}
	assert.NotContains(t, stderr.String(), "good-token")
}

func TestServeDiscordBadTokenExitsNonZero(t *testing.T) {
	fake := discordtest.NewServer("good-token")
	defer fake.Close()
	code, stderr := serveDiscord(t, context.Background(), fake, "bad-token")
	select {
	case c := <-code:
		assert.Equal(t, 1, c)
		assert.Contains(t, stderr.String(), "rejected the bot token")
		assert.NotContains(t, stderr.String(), "bad-token")
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not exit on a rejected token")
	}
}

func waitFor(t *testing.T, steps <-chan discordtest.Step, kind string) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case st := <-steps:
			if st.Kind == kind {
				return
			}
		case <-timeout:
			t.Fatalf("no %q on the gateway", kind)
		}
	}
}
