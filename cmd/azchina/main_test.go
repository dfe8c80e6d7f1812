package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot/logtest"
	"github.com/azchina/azchina/bot/ops"
	"github.com/azchina/azchina/knowledge"
	"github.com/azchina/azchina/seeds"
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

// faulty is an engine with a fault: it panics on the question "boom".
type faulty struct{}

func (faulty) Answer(_ context.Context, q string) (knowledge.Answer, error) {
	if q == "boom" {
		panic("index out of range")
	}
	return knowledge.Answer{Text: "fine"}, nil
}

func (f faulty) Explain(ctx context.Context, q string) (knowledge.Answer, knowledge.Explanation, error) {
	a, err := f.Answer(ctx, q)
	return a, knowledge.Explanation{}, err
}

func TestAnswerSafelyTurnsAPanicIntoAFault(t *testing.T) {
	_, _, err := answerSafely(context.Background(), faulty{}, "boom", false)
	var fault engineFault
	require.ErrorAs(t, err, &fault)
	assert.Contains(t, err.Error(), "index out of range")
	_, _, err = answerSafely(context.Background(), faulty{}, "boom", true)
	require.ErrorAs(t, err, &fault, "explaining too")
	a, _, err := answerSafely(context.Background(), faulty{}, "fine?", false)
	require.NoError(t, err)
	assert.Equal(t, "fine", a.Text)
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
	assert.Contains(t, out, "excluded: holds no number", "says why a fact may not answer")
	assert.Contains(t, out, "; misses ", "says which of the question's words a fact misses")
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string // each must hold this
		notErrIn       string // stderr must not hold this
	}{
		{name: "bad flag", args: []string{"ask", "--nope", "q"}, code: 2, stderr: "Usage: azchina ask"},
		{name: "unknown command", args: []string{"frobnicate"}, code: 2, stderr: "unknown command"},
		{name: "ask without a question", args: []string{"ask"}, code: 2, stderr: "give a question"},
		{name: "a command's help", args: []string{"topics", "--help"}, code: 0, stderr: "Usage: azchina topics"},
		{name: "help", args: []string{"help"}, code: 0, stdout: "azchina digest --preview"},
		{name: "-h", args: []string{"-h"}, code: 0, stdout: "azchina timeline", notErrIn: "-config"},
		{name: "-help", args: []string{"-help"}, code: 0, stdout: "azchina ask --json -", notErrIn: "-config"},
		{name: "--help", args: []string{"--help"}, code: 0, stdout: "azchina sources", notErrIn: "-config"},
		{name: "serve's help points at the rest", args: []string{"serve", "--help"}, code: 0, stderr: `Run "azchina help" for every command.`},
		{name: "serve's flags without a command", args: []string{"--nope"}, code: 2, stderr: `Run "azchina help"`},
		{name: "topics with an argument", args: []string{"topics", "visas"}, code: 2, stderr: `azchina topics: unexpected argument "visas": topics takes no arguments`},
		{name: "sources with an argument", args: []string{"sources", "x"}, code: 2, stderr: `azchina sources: unexpected argument "x"`},
		{name: "timeline after a flag", args: []string{"timeline", "--seeds", ".", "2025"}, code: 2, stderr: `azchina timeline: unexpected argument "2025"`},
		{name: "chat with a question", args: []string{"chat", "hello"}, code: 2, stderr: `azchina chat: unexpected argument "hello"`},
		{name: "serve with an argument", args: []string{"serve", "now"}, code: 2, stderr: `azchina serve: unexpected argument "now"`},
		{name: "digest with an argument", args: []string{"digest", "--preview", "today"}, code: 2, stderr: `azchina digest: unexpected argument "today"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A database of its own, should serve start after all.
			env := map[string]string{"AZCHINA_DB": filepath.Join(t.TempDir(), "a.db")}
			code, out, errOut := run(t, "", env, tt.args...)
			assert.Equal(t, tt.code, code, "stdout:\n%s\nstderr:\n%s", out, errOut)
			assert.Contains(t, out, tt.stdout)
			assert.Contains(t, errOut, tt.stderr)
			if tt.notErrIn != "" {
				assert.NotContains(t, errOut, tt.notErrIn)
			}
			if tt.code == 2 {
				assert.Empty(t, out, "a usage error does nothing")
			}
		})
	}
}

// timeline prints dated events in order, each quoted and cited by its seed file.
func TestTimeline(t *testing.T) {
	code, out, errOut := run(t, "", nil, "timeline")
	require.Equal(t, 0, code, errOut)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	require.Zero(t, len(lines)%3, "three lines an event:\n%s", out)
	require.GreaterOrEqual(t, len(lines)/3, 5, "the seeds name many dates")
	var prev time.Time
	for i := 0; i < len(lines); i += 3 {
		head, text, cite := lines[i], lines[i+1], lines[i+2]
		when, _, ok := strings.Cut(head, " (")
		require.True(t, ok, "date and phrase: %q", head)
		var at time.Time
		var err error
		for _, layout := range []string{"2 January 2006", "January 2006", "2006"} {
			if at, err = time.Parse(layout, when); err == nil {
				break
			}
		}
		require.NoError(t, err, "a date: %q", head)
		assert.False(t, at.Before(prev), "%q comes after an earlier date", head)
		prev = at
		assert.True(t, strings.HasPrefix(text, "    ") && strings.HasSuffix(text, "[1]"), "the quote: %q", text)
		require.True(t, strings.HasPrefix(cite, "    — "), "the citation: %q", cite)
		fields := strings.Fields(cite)
		file := fields[len(fields)-2]
		_, err = seeds.FS.ReadFile(file)
		assert.NoError(t, err, "the citation names a seed file: %q", cite)
		assert.Regexp(t, `^¶\d+$`, fields[len(fields)-1], cite)
	}
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

// The console has one local user and no rate limit: ten lines piped in, commands and
// questions alike, get ten replies.
func TestChatAnswersEveryLine(t *testing.T) {
	in := "/help\n/topics\n" + strings.Repeat("How many documents were signed in 2019?\n", 8)
	code, out, errOut := run(t, in, nil, "chat")
	require.Equal(t, 0, code, errOut)
	assert.NotContains(t, out, "asking faster")
	assert.Equal(t, 1, strings.Count(out, "Example: /ask"), "the help")
	assert.Equal(t, 1, strings.Count(out, "What I can answer about"), "the topics")
	assert.Equal(t, 8, strings.Count(out, "ten documents"), "every question answered:\n%s", out)
}

// A console conversation through the real program: a follow-up reads against the question
// before it, an unknown command is named, a question off the articles is refused, and the
// chat ends with its input.
func TestChatConversation(t *testing.T) {
	in := "What is the Mutual Visa Exemption agreement about?\nWho signed it?\n/weather\nWhat is the capital of France?\n"
	code, out, errOut := run(t, in, nil, "chat")
	require.Equal(t, 0, code, errOut)
	turns := strings.Split(out, "> ")
	require.Len(t, turns, 6, "the banner, four replies and the last prompt:\n%s", out)
	assert.Contains(t, turns[1], "ordinary passport")
	assert.Contains(t, turns[2], "Bayramov")
	assert.Regexp(t, `\[1\] .*\d{3}_[0-9a-f]{16}\.txt ¶\d+`, turns[2], "cited")
	assert.Contains(t, turns[3], "/weather")
	assert.Contains(t, turns[4], "do not say")
	assert.Equal(t, "\n", turns[5], "the chat ends at the end of its input")
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
	var out, errOut logtest.Buffer
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

// fakeAdapter stands for a chat platform: it reports itself up in Health when connect is
// closed, and, when it has a failure, returns it once fail is closed.
type fakeAdapter struct {
	name    string
	health  *ops.Health
	connect chan struct{}
	fail    chan struct{}
	err     error
}

func (f *fakeAdapter) Name() string { return f.name }

func (f *fakeAdapter) Run(ctx context.Context) error {
	select {
	case <-f.connect:
		f.health.Set(f.name, true, "ready")
	case <-ctx.Done():
		return nil
	}
	select {
	case <-f.fail:
		return f.err
	case <-ctx.Done():
		return nil
	}
}

// /healthz over HTTP follows the adapters serve runs: 503 until every one has connected,
// 200 while all are up, 503 again when one stops.
func TestServeHealthzFollowsTheAdapters(t *testing.T) {
	made := make(chan *fakeAdapter, 2)
	orig := adapterMakers
	t.Cleanup(func() { adapterMakers = orig })
	for _, name := range []string{"alpha", "beta"} {
		adapterMakers = append(adapterMakers, func(rt *runtime) (adapter, error) {
			f := &fakeAdapter{name: name, health: rt.health, connect: make(chan struct{}), fail: make(chan struct{}), err: errors.New("connection lost for good")}
			made <- f
			return f, nil
		})
	}
	addr := freePort(t)
	env := map[string]string{"AZCHINA_HTTP_ADDR": addr, "AZCHINA_DB": filepath.Join(t.TempDir(), "a.db")}
	var errOut logtest.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &logtest.Buffer{}, Stderr: &errOut, Getenv: func(k string) string { return env[k] }}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() { done <- m.Run(ctx, []string{"serve"}) }()

	type state struct {
		OK       bool `json:"ok"`
		Adapters map[string]struct {
			Up     bool   `json:"up"`
			Detail string `json:"detail"`
		} `json:"adapters"`
	}
	healthz := func() (int, state) {
		var s state
		res, err := http.Get("http://" + addr + "/healthz")
		if err != nil {
			return 0, s
		}
		defer res.Body.Close()
		_ = json.NewDecoder(res.Body).Decode(&s)
		return res.StatusCode, s
	}
	// becomes waits until /healthz answers code with the adapter name in the state want.
	becomes := func(code int, name string, up bool, detail string) {
		t.Helper()
		require.Eventually(t, func() bool {
			c, s := healthz()
			a := s.Adapters[name]
			return c == code && a.Up == up && strings.Contains(a.Detail, detail)
		}, 10*time.Second, 10*time.Millisecond, "want %d with %s up=%v %q; log:\n%s", code, name, up, detail, errOut.String())
	}
	fakes := map[string]*fakeAdapter{}
	for range 2 {
		f := <-made
		fakes[f.name] = f
	}
	becomes(http.StatusServiceUnavailable, "alpha", false, "connecting")
	close(fakes["alpha"].connect)
	becomes(http.StatusServiceUnavailable, "alpha", true, "ready")
	close(fakes["beta"].connect)
	becomes(http.StatusOK, "beta", true, "ready")
	close(fakes["beta"].fail)
	becomes(http.StatusServiceUnavailable, "beta", false, "stopped: connection lost for good")
	_, s := healthz()
	assert.True(t, s.Adapters["alpha"].Up, "the other adapter runs on")

	cancel()
	select {
	case code := <-done:
		assert.Equal(t, 0, code, errOut.String())
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	_, err := http.Get("http://" + addr + "/healthz")
	assert.Error(t, err, "the ops endpoint is closed")
}

// serve --seeds answers from an article added to the folder while it runs.
func TestServeReloadsTheSeedsFolder(t *testing.T) {
	orig := reloadEvery
	reloadEvery = 10 * time.Millisecond
	t.Cleanup(func() { reloadEvery = orig })
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, seeds.FS))
	stdin, feed := io.Pipe()
	var out, errOut logtest.Buffer
	env := map[string]string{"AZCHINA_DB": filepath.Join(t.TempDir(), "a.db")}
	m := &Main{Stdin: stdin, Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }}
	done := make(chan int, 1)
	go func() { done <- m.Run(context.Background(), []string{"serve", "--seeds", dir}) }()

	const q = "Which Chinese city will Azerbaijan Airlines fly to?\n"
	_, err := io.WriteString(feed, q)
	require.NoError(t, err)
	require.Eventually(t, func() bool { return strings.Contains(out.String(), "do not say") },
		10*time.Second, 10*time.Millisecond, "refused before the article is added: %s", out.String())
	article := "Azerbaijan and China open direct flights\n\nBAKU, Azerbaijan, June 2, 2025. Azerbaijan Airlines will fly from Baku to Chengdu twice a week from July, the airline said.\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "005_flights.txt"), []byte(article), 0o644))
	require.Eventually(t, func() bool { return strings.Contains(errOut.String(), "articles reloaded") }, 10*time.Second, 10*time.Millisecond)
	_, err = io.WriteString(feed, q)
	require.NoError(t, err)
	require.Eventually(t, func() bool { return strings.Contains(out.String(), "Chengdu") }, 10*time.Second, 10*time.Millisecond, out.String())
	assert.Contains(t, out.String(), "005_flights.txt")
	feed.Close()
	assert.Equal(t, 0, <-done)
}
