//go:build unix

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot/logtest"
	"github.com/azchina/azchina/config"
)

// These tests build the azchina binary and run it as a process, to see what only a real
// process shows: signals, the exit status, the database file left behind.

// binDir holds the binary the tests build; TestMain removes it.
var binDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// built builds the binary once, with the race detector when the tests have it (the
// packages are then in the build cache already).
var built = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "azchina-bin-")
	if err != nil {
		return "", err
	}
	binDir = dir
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(goruntime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(dir, "azchina")
	args := []string{"build", "-o", bin}
	if raceBuild {
		args = append(args, "-race")
	}
	out, err := exec.Command(goTool, append(args, ".")...).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// process is a running azchina.
type process struct {
	cmd   *exec.Cmd
	out   logtest.Buffer // standard output and error together
	done  chan struct{}
	state *os.ProcessState
}

// start runs azchina with args and, of the environment, only PATH and HOME besides env.
func start(t *testing.T, env map[string]string, stdin io.Reader, args ...string) *process {
	t.Helper()
	bin, err := built()
	require.NoError(t, err)
	p := &process{cmd: exec.Command(bin, args...), done: make(chan struct{})}
	p.cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
	for k, v := range env {
		p.cmd.Env = append(p.cmd.Env, k+"="+v)
	}
	p.cmd.Stdin, p.cmd.Stdout, p.cmd.Stderr = stdin, &p.out, &p.out
	require.NoError(t, p.cmd.Start())
	go func() {
		_ = p.cmd.Wait()
		p.state = p.cmd.ProcessState
		close(p.done)
	}()
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			_ = p.cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

// terminate sends SIGTERM.
func (p *process) terminate(t *testing.T) {
	t.Helper()
	require.NoError(t, p.cmd.Process.Signal(syscall.SIGTERM))
}

// waitOutput waits until the output holds want.
func (p *process) waitOutput(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(p.out.String(), want) {
		select {
		case <-p.done:
			if strings.Contains(p.out.String(), want) {
				return
			}
			t.Fatalf("azchina exited (%v) without writing %q; output:\n%s", p.state, want, p.out.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("azchina did not write %q; output:\n%s", want, p.out.String())
		}
	}
}

// wait waits for the process to exit, for at most limit, and returns how long it took.
func (p *process) wait(t *testing.T, limit time.Duration) time.Duration {
	t.Helper()
	begin := time.Now()
	select {
	case <-p.done:
		return time.Since(begin)
	case <-time.After(limit):
		t.Fatalf("azchina still running after %s; output:\n%s", limit, p.out.String())
		return 0
	}
}

const (
	processTelegramToken = "777000:ProcessTestTelegramTokenNeverLogged"
	processDiscordToken  = "process-test-discord-token-never-logged"
)

// stubBotAPI answers the Bot API calls the adapter makes: getMe, one update with a
// question, long polls that wait for nothing, and sendMessage held until released.
type stubBotAPI struct {
	*httptest.Server
	sending chan struct{} // told when a sendMessage arrives
	release chan struct{} // closed: answer the sendMessages held
	closing chan struct{} // closed when the test ends: let every request go

	mu        sync.Mutex
	delivered bool
	answered  int // sendMessages answered
	abandoned int // sendMessages whose client went away first
}

func newStubBotAPI(t *testing.T) *stubBotAPI {
	s := &stubBotAPI{sending: make(chan struct{}, 8), release: make(chan struct{}), closing: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(func() {
		close(s.closing)
		s.Close()
	})
	return s
}

func (s *stubBotAPI) serve(w http.ResponseWriter, r *http.Request) {
	method, ok := strings.CutPrefix(r.URL.Path, "/bot"+processTelegramToken+"/")
	if !ok {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"ok":false,"error_code":401,"description":"Unauthorized"}`)
		return
	}
	result := "true"
	switch method {
	case "getMe":
		result = `{"id":777000,"is_bot":true,"first_name":"AzChina","username":"azchina_process_bot"}`
	case "getUpdates":
		s.mu.Lock()
		first := !s.delivered
		s.delivered = true
		s.mu.Unlock()
		if first {
			result = `[{"update_id":1,"message":{"message_id":7,"date":0,"chat":{"id":42,"type":"private"},` +
				`"from":{"id":42,"is_bot":false,"first_name":"Ann"},"text":"How many documents were signed in 2019?"}}]`
			break
		}
		if timeout, _ := param(r, "timeout"); timeout != "" && timeout != "0" {
			select { // a long poll with nothing to deliver
			case <-r.Context().Done():
				return
			case <-s.closing:
			}
		}
		result = "[]"
	case "sendMessage":
		s.sending <- struct{}{}
		select {
		case <-s.release:
		case <-s.closing:
		case <-r.Context().Done():
			s.mu.Lock()
			s.abandoned++
			s.mu.Unlock()
			return
		}
		s.mu.Lock()
		s.answered++
		s.mu.Unlock()
		result = `{"message_id":8,"date":0,"chat":{"id":42,"type":"private"}}`
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"ok":true,"result":%s}`, result)
}

// param reads a parameter of a Bot API call, sent as JSON or as a form.
func param(r *http.Request, name string) (string, error) {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		var body map[string]any
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			return "", err
		}
		if v, ok := body[name]; ok {
			return fmt.Sprint(v), nil
		}
		return "", nil
	}
	if err := r.ParseMultipartForm(1 << 20); err != nil && err != http.ErrNotMultipart {
		return "", err
	}
	return r.FormValue(name), nil
}

func (s *stubBotAPI) counts() (answered, abandoned int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.answered, s.abandoned
}

// serveTelegram starts "azchina serve" with a Telegram token against api, and waits until
// its reply to the question is in flight.
func serveTelegram(t *testing.T, api *stubBotAPI, db string) *process {
	t.Helper()
	p := start(t, map[string]string{
		config.EnvTelegramToken: processTelegramToken, config.EnvTelegramAPI: api.URL,
		config.EnvDB: db, "AZCHINA_LOG_LEVEL": "debug",
	}, nil, "serve")
	select {
	case <-api.sending:
	case <-p.done:
		t.Fatalf("azchina exited: %v\n%s", p.state, p.out.String())
	case <-time.After(60 * time.Second):
		t.Fatalf("no reply was sent; output:\n%s", p.out.String())
	}
	return p
}

func TestSIGTERMDrainsTheReplyInFlightAndExitsZero(t *testing.T) {
	api := newStubBotAPI(t)
	db := filepath.Join(t.TempDir(), "azchina.db")
	p := serveTelegram(t, api, db)
	p.waitOutput(t, "digest scheduler started")

	p.terminate(t)
	signalled := time.Now()
	p.waitOutput(t, "stopping: finishing the replies in flight")
	close(api.release) // the platform answers only now, after the signal
	p.wait(t, 10*time.Second)
	took := time.Since(signalled)

	out := p.out.String()
	require.True(t, p.state.Success(), "exit status %v; output:\n%s", p.state, out)
	assert.Less(t, took, 5*time.Second, "exits within 5 s of SIGTERM")
	answered, abandoned := api.counts()
	assert.Equal(t, 1, answered, "the reply in flight was delivered")
	assert.Zero(t, abandoned)
	assert.Contains(t, out, "digest scheduler stopped", "the scheduler stops")
	assert.Contains(t, out, "database closed")
	assert.NoFileExists(t, db+"-wal", "SQLite removes the WAL file when the last connection closes cleanly")
	assert.FileExists(t, db)
	assert.NotContains(t, out, processTelegramToken, "the token is never logged, at debug level either")
}

func TestSecondSIGTERMExitsAtOnce(t *testing.T) {
	api := newStubBotAPI(t) // never releases the reply: the graceful shutdown would wait for it
	p := serveTelegram(t, api, filepath.Join(t.TempDir(), "azchina.db"))
	p.terminate(t)
	p.waitOutput(t, "stopping: finishing the replies in flight")
	p.terminate(t)
	p.wait(t, 10*time.Second)
	ws, ok := p.state.Sys().(syscall.WaitStatus)
	require.True(t, ok)
	assert.True(t, ws.Signaled() && ws.Signal() == syscall.SIGTERM,
		"the second SIGTERM ends the process (status %v), not the graceful shutdown; output:\n%s", p.state, p.out.String())
	answered, _ := api.counts()
	assert.Zero(t, answered)
}

func TestSIGTERMStopsTheConsoleChat(t *testing.T) {
	db := filepath.Join(t.TempDir(), "azchina.db")
	// A pipe the child reads itself: with any other reader, exec would copy it and wait
	// for the copy to end.
	stdin, feed, err := os.Pipe()
	require.NoError(t, err)
	defer stdin.Close()
	defer feed.Close()
	p := start(t, map[string]string{config.EnvDB: db, "AZCHINA_LOG_LEVEL": "debug"}, stdin, "serve")
	_, err = io.WriteString(feed, "How many documents were signed in 2019?\n")
	require.NoError(t, err)
	p.waitOutput(t, "ten documents")
	p.terminate(t) // standard input stays open: the signal alone ends the chat
	p.wait(t, 10*time.Second)
	require.True(t, p.state.Success(), "exit status %v; output:\n%s", p.state, p.out.String())
	assert.Contains(t, p.out.String(), "database closed")
	assert.NoFileExists(t, db+"-wal")
}

// Both platforms' tokens set, at debug level: the Telegram adapter answers while the
// Discord one fails to connect (a REST API refusing every call), and no line of output
// holds either token.
func TestTokensAreNeverLogged(t *testing.T) {
	api := newStubBotAPI(t)
	close(api.release)
	var discordCalls sync.WaitGroup
	discordCalls.Add(1)
	var once sync.Once
	discord := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		once.Do(discordCalls.Done)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"message": "401: Unauthorized", "code": 0}`)
	}))
	defer discord.Close()
	db := filepath.Join(t.TempDir(), "azchina.db")
	p := start(t, map[string]string{
		config.EnvTelegramToken: processTelegramToken, config.EnvTelegramAPI: api.URL,
		config.EnvDiscordToken: processDiscordToken, config.EnvDiscordAPI: discord.URL,
		config.EnvDB: db, "AZCHINA_LOG_LEVEL": "debug",
	}, nil, "serve")
	select {
	case <-api.sending:
	case <-time.After(60 * time.Second):
		t.Fatalf("no reply was sent; output:\n%s", p.out.String())
	}
	discordCalls.Wait()
	p.waitOutput(t, "adapter=discord")
	p.terminate(t)
	p.wait(t, 10*time.Second)
	out := p.out.String()
	assert.True(t, p.state.Success(), "Telegram ran to the signal: exit status %v; output:\n%s", p.state, out)
	for _, token := range []string{processTelegramToken, processDiscordToken, url.QueryEscape(processTelegramToken)} {
		assert.NotContains(t, out, token)
	}
	_, secret, _ := strings.Cut(processTelegramToken, ":")
	assert.NotContains(t, out, secret, "not even the secret half of the Telegram token")
}
