package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// run runs the program with args and stdin and returns its exit status and output.
func run(t *testing.T, stdin string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }}
	code := m.Run(context.Background(), args)
	return code, out.String(), errOut.String()
}

func TestAskJSONLines(t *testing.T) {
	code, out, _ := run(t, "How many documents were signed in 2019?\n\nWhat is the capital of Germany?\n", nil, "ask", "--json", "-")
	require.Equal(t, 0, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 3, "one JSON object per line in, empty lines too")
	var first, second, third map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &second))
	require.NoError(t, json.Unmarshal([]byte(lines[2]), &third))
	assert.Equal(t, true, first["answered"])
	cites := first["citations"].([]any)
	assert.Equal(t, "004_5522fbf094e0c90f.txt", cites[0].(map[string]any)["source"])
	assert.Equal(t, false, second["answered"])
	assert.Equal(t, false, third["answered"])
	assert.Equal(t, []any{}, third["citations"])
}

func TestAskForAPerson(t *testing.T) {
	code, out, _ := run(t, "", nil, "ask", "Who", "took", "the", "photo", "of", "the", "welcome", "ceremony?")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "Rao Aimin")
	assert.Contains(t, out, "[1] ")
}

func TestExplain(t *testing.T) {
	code, out, _ := run(t, "", nil, "ask", "--explain", "How many documents were signed in 2019?")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "bm25")
	assert.Contains(t, out, "kind: number")
}

func TestUsageErrors(t *testing.T) {
	code, _, errOut := run(t, "", nil, "ask", "--nope", "q")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "Usage: azchina ask")
	code, _, errOut = run(t, "", nil, "frobnicate")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "unknown command")
	code, _, _ = run(t, "", nil, "ask")
	assert.Equal(t, 2, code)
	code, _, _ = run(t, "", nil, "topics", "--help")
	assert.Equal(t, 0, code)
}

func TestBadSettingsExit(t *testing.T) {
	code, _, errOut := run(t, "", map[string]string{"AZCHINA_DISCORD_API_URL": "http://x/api"}, "serve")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "discord.api_url")
}

func TestTopicsAndSources(t *testing.T) {
	code, out, _ := run(t, "", nil, "topics")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "Visas & travel")
	code, out, _ = run(t, "", nil, "sources")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "003_c856946c1487f07b.txt")
	assert.Contains(t, out, "Aytan Farhadova")
}

func TestServeWithoutTokenIsTheConsoleChat(t *testing.T) {
	code, out, errOut := run(t, "/fact\nWhere was the welcoming banquet held?\n", map[string]string{"AZCHINA_DB": filepath.Join(t.TempDir(), "a.db")}, "serve")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Golden Hall")
	assert.Contains(t, errOut, "console chat")
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	return ln.Addr().String()
}

func TestServeOpsEndpoint(t *testing.T) {
	addr := freePort(t)
	db := filepath.Join(t.TempDir(), "a.db")
	stdin, feed := io.Pipe()
	var out, errOut lockedBuffer
	m := &Main{Stdin: stdin, Stdout: &out, Stderr: &errOut, Getenv: func(k string) string {
		return map[string]string{"AZCHINA_HTTP_ADDR": addr, "AZCHINA_DB": db}[k]
	}}
	done := make(chan int)
	go func() { done <- m.Run(context.Background(), []string{"serve"}) }()
	var body string
	require.Eventually(t, func() bool {
		res, err := http.Get("http://" + addr + "/healthz")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == http.StatusOK
	}, 10*time.Second, 20*time.Millisecond)
	_, err := io.WriteString(feed, "How many documents were signed in 2019?\n")
	require.NoError(t, err)
	require.Eventually(t, func() bool { return strings.Contains(out.String(), "ten documents") }, 10*time.Second, 10*time.Millisecond)
	res, err := http.Get("http://" + addr + "/metrics")
	require.NoError(t, err)
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	body = string(b)
	assert.Contains(t, body, `azchina_questions_total{outcome="answered",platform="console"} 1`)
	feed.Close()
	assert.Equal(t, 0, <-done)
}
