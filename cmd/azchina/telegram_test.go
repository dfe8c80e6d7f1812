package main

import (
	"bytes"
	"context"
	"encoding/json"
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

	"github.com/azchina/azchina/config"
)

const fakeToken = "4242:ServeTestTokenNeverLogged"

// With a token, serve runs the Telegram adapter against the Bot API at the URL set, answers
// a question, and on shutdown exits 0; the log says who it is connected as, never the token.
func TestServeRunsTelegram(t *testing.T) {
	var mu sync.Mutex
	delivered := false
	replies := make(chan string, 1)
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/bot"+fakeToken+"/") {
			http.Error(w, `{"ok":false,"error_code":401,"description":"Unauthorized"}`, http.StatusUnauthorized)
			return
		}
		body, _ := io.ReadAll(r.Body)
		result := "true"
		switch strings.TrimPrefix(r.URL.Path, "/bot"+fakeToken+"/") {
		case "getMe":
			result = `{"id":999,"is_bot":true,"first_name":"AzChina","username":"azchina_bot"}`
		case "getUpdates":
			mu.Lock()
			first := !delivered
			delivered = true
			mu.Unlock()
			if first {
				result = `[{"update_id":1,"message":{"message_id":7,"date":0,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"Ann"},"text":"How many documents were signed in 2019?"}}]`
				break
			}
			var p struct{ Timeout int }
			_ = json.Unmarshal(body, &p)
			if p.Timeout > 0 {
				<-r.Context().Done() // a long poll with nothing to deliver
				return
			}
			result = "[]"
		case "sendMessage":
			replies <- string(body)
			result = `{"message_id":8,"date":0,"chat":{"id":42,"type":"private"}}`
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"ok":true,"result":%s}`, result)
	}))
	defer api.Close()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut lockedBuffer
	env := map[string]string{config.EnvTelegramToken: fakeToken, config.EnvTelegramAPI: api.URL + "/",
		config.EnvDB: filepath.Join(t.TempDir(), "azchina.db")}
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }}
	code := make(chan int, 1)
	go func() { code <- m.Run(ctx, []string{"serve"}) }()

	select {
	case body := <-replies:
		assert.Contains(t, body, "ten documents")
		assert.Contains(t, body, "HTML")
	case <-time.After(15 * time.Second):
		t.Fatalf("no reply sent; log:\n%s", errOut.String())
	}
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
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"ok":false,"error_code":401,"description":"Unauthorized"}`)
	}))
	defer api.Close()
	code, _, errOut := run(t, "", map[string]string{config.EnvTelegramToken: fakeToken, config.EnvTelegramAPI: api.URL,
		config.EnvDB: filepath.Join(t.TempDir(), "azchina.db")}, "serve")
	require.Equal(t, 1, code)
	assert.Contains(t, errOut, "Unauthorized")
	assert.NotContains(t, errOut, fakeToken)
}

// syncBuffer is a bytes.Buffer safe to write from the adapters and read from the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
