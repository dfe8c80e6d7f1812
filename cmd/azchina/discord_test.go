package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot/discord/discordtest"
	"github.com/azchina/azchina/bot/logtest"
	"github.com/azchina/azchina/config"
)

// serveDiscord runs "azchina serve" against a fake Discord (and whatever else env sets)
// and returns its exit status channel and its standard error.
func serveDiscord(t *testing.T, ctx context.Context, fake *discordtest.Server, token string, more ...string) (<-chan int, *logtest.Buffer) {
	env := map[string]string{"AZCHINA_DISCORD_TOKEN": token, "AZCHINA_DISCORD_API_URL": fake.URL,
		"AZCHINA_DB": filepath.Join(t.TempDir(), "azchina.db")}
	for i := 0; i+1 < len(more); i += 2 {
		env[more[i]] = more[i+1]
	}
	stderr := &logtest.Buffer{}
	m := &Main{Stdin: strings.NewReader(""), Stdout: &logtest.Buffer{}, Stderr: stderr, Getenv: func(k string) string { return env[k] }}
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

const telegramToken = "4242:BothPlatformsTokenNeverLogged"

// fakeTelegram is a Bot API that delivers one private question once release is closed and
// sends every sendMessage body to the channel it returns.
func fakeTelegram(t *testing.T, release <-chan struct{}) (string, <-chan string) {
	var mu sync.Mutex
	delivered := false
	replies := make(chan string, 4)
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		method, ok := strings.CutPrefix(r.URL.Path, "/bot"+telegramToken+"/")
		if !ok {
			http.Error(w, `{"ok":false,"error_code":401,"description":"Unauthorized"}`, http.StatusUnauthorized)
			return
		}
		body, _ := io.ReadAll(r.Body)
		result := "true"
		switch method {
		case "getMe":
			result = `{"id":999,"is_bot":true,"first_name":"AzChina","username":"azchina_bot"}`
		case "getUpdates":
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
			mu.Lock()
			first := !delivered
			delivered = true
			mu.Unlock()
			if !first {
				<-r.Context().Done() // a long poll with nothing more to deliver
				return
			}
			result = `[{"update_id":1,"message":{"message_id":7,"date":0,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"Ann"},"text":"How many documents were signed in 2019?"}}]`
		case "sendMessage":
			replies <- string(body)
			result = `{"message_id":8,"date":0,"chat":{"id":42,"type":"private"}}`
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"ok":true,"result":%s}`, result)
	}))
	t.Cleanup(api.Close)
	return api.URL, replies
}

// healthz returns the ops endpoint's status and body.
func healthz(t *testing.T, addr string) (int, string) {
	t.Helper()
	res, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		return 0, err.Error()
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// With both tokens, serve answers on Discord and on Telegram through one engine, reports
// Discord's connection in /healthz, and on SIGTERM stops both and exits 0 within 5 s.
func TestServeRunsDiscordAndTelegram(t *testing.T) {
	fake := discordtest.NewServer("good-token")
	defer fake.Close()
	release := make(chan struct{})
	close(release)
	tgURL, tgReplies := fakeTelegram(t, release)
	addr := freePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	code, stderr := serveDiscord(t, ctx, fake, "good-token", config.EnvTelegramToken, telegramToken,
		config.EnvTelegramAPI, tgURL, config.EnvHTTPAddr, addr)
	waitFor(t, fake.Steps(), "ready")
	require.NoError(t, fake.Dispatch("MESSAGE_CREATE", map[string]any{
		"id": "701", "channel_id": "801", "type": 0, "content": "How many documents were signed in 2019?",
		"author": map[string]any{"id": "901", "username": "ann"},
	}))
	timeout := time.After(10 * time.Second)
	for answered := false; !answered; {
		select {
		case r := <-fake.Requests():
			if r.Method == "POST" && r.Path == "/api/v9/channels/801/messages" {
				assert.Contains(t, string(r.Body), "ten documents")
				answered = true
			}
		case <-timeout:
			t.Fatalf("no Discord answer; log:\n%s", stderr.String())
		}
	}
	select {
	case body := <-tgReplies:
		assert.Contains(t, body, "ten documents")
	case <-time.After(10 * time.Second):
		t.Fatalf("no Telegram answer; log:\n%s", stderr.String())
	}
	require.Eventually(t, func() bool {
		status, health := healthz(t, addr)
		return status == http.StatusOK && strings.Contains(health, `"discord":{"up":true,"detail":"connected as azchina"`)
	}, 10*time.Second, 20*time.Millisecond, "Discord up in /healthz")

	start := time.Now()
	cancel() // what SIGTERM does through signal.NotifyContext
	select {
	case c := <-code:
		assert.Equal(t, 0, c, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not exit")
	}
	assert.Less(t, time.Since(start), 5*time.Second, "SIGTERM: exit within 5 s")
	assert.NotContains(t, stderr.String(), "good-token")
	assert.NotContains(t, stderr.String(), telegramToken)
}

// A platform that cannot connect (Discord refuses the token) does not stop the other: it is
// logged, /healthz says so, and Telegram goes on answering.
func TestServeOnePlatformFailingLeavesTheOther(t *testing.T) {
	fake := discordtest.NewServer("good-token")
	defer fake.Close()
	release := make(chan struct{})
	tgURL, tgReplies := fakeTelegram(t, release)
	addr := freePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	code, stderr := serveDiscord(t, ctx, fake, "revoked-token", config.EnvTelegramToken, telegramToken,
		config.EnvTelegramAPI, tgURL, config.EnvHTTPAddr, addr)
	require.Eventually(t, func() bool { return strings.Contains(stderr.String(), "rejected the bot token") }, 10*time.Second, 10*time.Millisecond)
	status, health := healthz(t, addr)
	assert.Equal(t, http.StatusServiceUnavailable, status)
	assert.Contains(t, health, `"discord":{"up":false,"detail":"stopped: discord rejected the bot token`)

	close(release) // the Telegram question arrives after Discord has failed
	select {
	case body := <-tgReplies:
		assert.Contains(t, body, "ten documents")
	case <-time.After(10 * time.Second):
		t.Fatalf("no Telegram answer; log:\n%s", stderr.String())
	}
	cancel()
	select {
	case c := <-code:
		assert.Equal(t, 0, c, "one platform stopped cleanly: %s", stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not exit")
	}
	assert.NotContains(t, stderr.String(), "revoked-token")
}
