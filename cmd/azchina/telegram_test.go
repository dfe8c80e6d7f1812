package main

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot/logtest"
	"github.com/azchina/azchina/bot/telegram/telegramtest"
	"github.com/azchina/azchina/config"
)

const fakeToken = "4242:ServeTestTokenNeverLogged"

// With a token, serve runs the Telegram adapter against the Bot API at the URL set: it
// answers a question with vote buttons and records the vote, posts a digest for a group's
// administrator, reports itself up on /healthz, and on shutdown exits 0; the log says who
// it is connected as, never the token.
func TestServeRunsTelegram(t *testing.T) {
	api := telegramtest.NewServer(fakeToken)
	defer api.Close()
	ann := telegramtest.User(42, "Ann", "en")
	group := telegramtest.Supergroup(-1001234, "Students")
	api.SetMember(-1001234, 42, "administrator")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut logtest.Buffer
	env := map[string]string{config.EnvTelegramToken: fakeToken, config.EnvTelegramAPI: api.URL + "/",
		config.EnvDB: filepath.Join(t.TempDir(), "azchina.db"), config.EnvHTTPAddr: "127.0.0.1:0"}
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }}
	code := make(chan int, 1)
	go func() { code <- m.Run(ctx, []string{"serve"}) }()
	next := func() telegramtest.Sent {
		t.Helper()
		sent, ok := api.Next(15 * time.Second)
		require.True(t, ok, "nothing sent; log:\n%s", errOut.String())
		return sent
	}

	api.Push(telegramtest.Message(telegramtest.PrivateChat(42, "Ann"), ann, "How many documents were signed in 2019?"))
	answer := next()
	assert.Contains(t, answer.Text, "ten documents")
	assert.Equal(t, "HTML", answer.ParseMode)
	buttons := answer.Buttons()
	require.Len(t, buttons, 2, "vote buttons, since serve keeps a journal")
	api.Push(telegramtest.Callback(ann, answer, buttons[0]))
	require.Eventually(t, func() bool { return api.Count("answerCallbackQuery") == 1 }, 15*time.Second, 5*time.Millisecond)
	assert.Equal(t, "Thanks! Glad it helped.", api.Calls("answerCallbackQuery")[0]["text"])

	api.Push(telegramtest.Message(group, ann, "/digest now"))
	posted := next()
	assert.Equal(t, int64(-1001234), posted.ChatID)
	assert.Contains(t, posted.Text, "<b>Azerbaijan–China: facts for ")

	addr := regexp.MustCompile(`ops endpoint listening" addr=(\S+)`).FindStringSubmatch(errOut.String())
	require.NotNil(t, addr, errOut.String())
	resp, err := http.Get("http://" + addr[1] + "/healthz")
	require.NoError(t, err)
	var health struct {
		OK       bool
		Adapters map[string]struct{ Up bool }
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&health))
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.True(t, health.Adapters["telegram"].Up)

	start := time.Now()
	cancel()
	select {
	case c := <-code:
		assert.Equal(t, 0, c, errOut.String())
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not exit after the signal")
	}
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.Contains(t, errOut.String(), "connected as @azchina_bot")
	assert.NotContains(t, errOut.String(), fakeToken)
	assert.NotContains(t, errOut.String(), "console chat")
}

func TestServeTelegramBadTokenFails(t *testing.T) {
	api := telegramtest.NewServer("1:the-right-token")
	defer api.Close()
	code, _, errOut := run(t, "", map[string]string{config.EnvTelegramToken: fakeToken, config.EnvTelegramAPI: api.URL,
		config.EnvDB: filepath.Join(t.TempDir(), "azchina.db")}, "serve")
	require.Equal(t, 1, code)
	assert.Contains(t, errOut, "Unauthorized")
	assert.Contains(t, errOut, "check the bot token")
	assert.NotContains(t, errOut, fakeToken)
}
