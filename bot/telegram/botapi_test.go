package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/knowledge"
	"github.com/azchina/azchina/seeds"
)

const testToken = "123456789:AAFakeTokenForTests-0123456789abcdef"

// botAPI is a loopback Telegram Bot API server. It speaks the protocol as the library and
// the adapter use it: multipart form bodies (JSON-encoded fields) or JSON bodies, answers
// in {"ok":…,"result":…} envelopes, and getUpdates with offsets: an update is delivered
// again until a getUpdates with a higher offset confirms it, and a long poll waits for
// updates to arrive.
type botAPI struct {
	*httptest.Server
	t testing.TB

	mu        sync.Mutex
	queue     []queued
	offset    int64         // updates below it are confirmed, and forgotten
	arrived   chan struct{} // closed and replaced when updates are queued
	nextID    int64
	nextMsg   int
	sendCalls int
	sent      []sent
	calls     map[string]int
	polls     []poll
	commands  []params
	webhooks  []params
	handedOut map[int64]time.Time // when each update was first delivered
	// onSend, when set, decides each sendMessage (n counts from 0): it returns 0 to
	// deliver, or an HTTP error code and retry_after to refuse. It may block.
	onSend func(n int, m sent) (code, retryAfter int)

	delivered chan sent
}

// queued is an update waiting for getUpdates; forced ones are delivered once whatever the
// offset, as a redelivery.
type queued struct {
	id     int64
	raw    json.RawMessage
	forced bool
}

// sent is a message the bot sent.
type sent struct {
	ChatID    int64
	Text      string
	ParseMode string
	ReplyTo   int
	At        time.Time
}

type poll struct {
	Offset  int64
	Timeout int
}

type params map[string]string

var testBot = map[string]any{"id": 999, "is_bot": true, "first_name": "AzChina", "username": "azchina_bot"}

func newBotAPI(t testing.TB) *botAPI {
	f := &botAPI{t: t, arrived: make(chan struct{}), nextID: 1, nextMsg: 1000, calls: map[string]int{},
		handedOut: map[int64]time.Time{}, delivered: make(chan sent, 20000)}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *botAPI) serve(w http.ResponseWriter, r *http.Request) {
	token, method, ok := strings.Cut(strings.TrimPrefix(r.URL.Path, "/bot"), "/")
	if !ok || token != testToken {
		reply(w, false, nil, 401, "Unauthorized", 0)
		return
	}
	p, err := readParams(r)
	if err != nil {
		reply(w, false, nil, 400, "Bad Request: "+err.Error(), 0)
		return
	}
	f.mu.Lock()
	f.calls[method]++
	f.mu.Unlock()
	switch method {
	case "getMe":
		reply(w, true, testBot, 0, "", 0)
	case "setMyCommands":
		f.mu.Lock()
		f.commands = append(f.commands, p)
		f.mu.Unlock()
		reply(w, true, true, 0, "", 0)
	case "deleteWebhook":
		reply(w, true, true, 0, "", 0)
	case "setWebhook":
		f.mu.Lock()
		f.webhooks = append(f.webhooks, p)
		f.mu.Unlock()
		reply(w, true, true, 0, "", 0)
	case "getUpdates":
		f.getUpdates(w, r, p)
	case "sendMessage":
		f.sendMessage(w, r, p)
	default:
		reply(w, false, nil, 404, "Not Found: method not found", 0)
	}
}

func (f *botAPI) getUpdates(w http.ResponseWriter, r *http.Request, p params) {
	offset, _ := strconv.ParseInt(p["offset"], 10, 64)
	timeout, _ := strconv.Atoi(p["timeout"])
	limit, _ := strconv.Atoi(p["limit"])
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	deadline := time.NewTimer(time.Duration(timeout) * time.Second)
	defer deadline.Stop()
	f.mu.Lock()
	f.polls = append(f.polls, poll{Offset: offset, Timeout: timeout})
	for {
		f.offset = max(f.offset, offset)
		var batch []json.RawMessage
		kept := f.queue[:0]
		for _, q := range f.queue {
			switch {
			case q.id < f.offset && !q.forced:
				continue // confirmed
			case len(batch) < limit:
				batch = append(batch, q.raw)
				if _, ok := f.handedOut[q.id]; !ok {
					f.handedOut[q.id] = time.Now()
				}
				if q.forced {
					continue
				}
			}
			kept = append(kept, q)
		}
		f.queue = kept
		if len(batch) > 0 || timeout == 0 {
			f.mu.Unlock()
			reply(w, true, append([]json.RawMessage{}, batch...), 0, "", 0)
			return
		}
		wake := f.arrived
		f.mu.Unlock()
		select {
		case <-wake:
		case <-deadline.C:
			reply(w, true, []json.RawMessage{}, 0, "", 0)
			return
		case <-r.Context().Done():
			return
		}
		f.mu.Lock()
	}
}

func (f *botAPI) sendMessage(w http.ResponseWriter, r *http.Request, p params) {
	m := sent{Text: p["text"], ParseMode: p["parse_mode"]}
	m.ChatID, _ = strconv.ParseInt(p["chat_id"], 10, 64)
	var rp struct {
		MessageID int `json:"message_id"`
	}
	if p["reply_parameters"] != "" {
		if err := json.Unmarshal([]byte(p["reply_parameters"]), &rp); err != nil {
			reply(w, false, nil, 400, "Bad Request: reply_parameters: "+err.Error(), 0)
			return
		}
	}
	m.ReplyTo = rp.MessageID
	if m.Text == "" {
		reply(w, false, nil, 400, "Bad Request: message text is empty", 0)
		return
	}
	f.mu.Lock()
	n := f.sendCalls
	f.sendCalls++
	hook := f.onSend
	f.mu.Unlock()
	if hook != nil {
		if code, retry := hook(n, m); code != 0 {
			reply(w, false, nil, code, http.StatusText(code), retry)
			return
		}
	}
	if r.Context().Err() != nil {
		return // the bot gave up on this request: it was not delivered
	}
	m.At = time.Now()
	f.mu.Lock()
	f.nextMsg++
	id := f.nextMsg
	f.sent = append(f.sent, m)
	f.mu.Unlock()
	f.delivered <- m
	reply(w, true, map[string]any{"message_id": id, "date": time.Now().Unix(), "from": testBot,
		"chat": map[string]any{"id": m.ChatID, "type": "private"}, "text": m.Text}, 0, "", 0)
}

// readParams reads a Bot API request's parameters from a multipart form (the library)
// or a JSON object (the adapter's getUpdates); objects come back as their JSON text.
func readParams(r *http.Request) (params, error) {
	p := params{}
	body, err := io.ReadAll(r.Body)
	if err != nil || len(bytes.TrimSpace(body)) == 0 {
		return p, err // the library sends a method without parameters with no body at all
	}
	ct, ctParams, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "multipart/form-data":
		form, err := multipart.NewReader(bytes.NewReader(body), ctParams["boundary"]).ReadForm(1 << 20)
		if err != nil {
			return nil, err
		}
		for k, v := range form.Value {
			p[k] = v[0]
		}
	case "application/json":
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(body, &raw); err != nil {
			return nil, err
		}
		for k, v := range raw {
			var s string
			if json.Unmarshal(v, &s) == nil {
				p[k] = s
			} else {
				p[k] = string(v)
			}
		}
	}
	return p, nil
}

func reply(w http.ResponseWriter, ok bool, result any, code int, description string, retryAfter int) {
	env := map[string]any{"ok": ok}
	w.Header().Set("Content-Type", "application/json")
	if ok {
		env["result"] = result
	} else {
		env["error_code"] = code
		env["description"] = description
		if retryAfter > 0 {
			env["parameters"] = map[string]any{"retry_after": retryAfter}
		}
		w.WriteHeader(code)
	}
	_ = json.NewEncoder(w).Encode(env)
}

// push queues updates (update_id is filled in) and returns their IDs.
func (f *botAPI) push(updates ...map[string]any) []int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	var ids []int64
	for _, u := range updates {
		id := f.nextID
		f.nextID++
		u["update_id"] = id
		raw, err := json.Marshal(u)
		require.NoError(f.t, err)
		f.queue = append(f.queue, queued{id: id, raw: raw})
		ids = append(ids, id)
	}
	close(f.arrived)
	f.arrived = make(chan struct{})
	return ids
}

// pushRaw queues an update as raw JSON, as it is, for updates the wire types cannot read.
func (f *botAPI) pushRaw(raw string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queue = append(f.queue, queued{id: f.nextID, raw: json.RawMessage(raw)})
	f.nextID++
	close(f.arrived)
	f.arrived = make(chan struct{})
}

// redeliver queues update id again, delivered once more whatever the offset says, as
// Telegram does after a restart.
func (f *botAPI) redeliver(u map[string]any) {
	raw, err := json.Marshal(u)
	require.NoError(f.t, err)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queue = append(f.queue, queued{id: u["update_id"].(int64), raw: raw, forced: true})
	close(f.arrived)
	f.arrived = make(chan struct{})
}

// next waits for the next message the bot sends.
func (f *botAPI) next(t testing.TB) sent {
	t.Helper()
	select {
	case m := <-f.delivered:
		return m
	case <-time.After(15 * time.Second):
		t.Fatal("no message sent")
		return sent{}
	}
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

func (f *botAPI) sentCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.sent)
}

func (f *botAPI) count(method string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[method]
}

// Chats and users as Telegram describes them.
var (
	ann       = map[string]any{"id": 42, "is_bot": false, "first_name": "Ann", "username": "ann", "language_code": "en"}
	bob       = map[string]any{"id": 43, "is_bot": false, "first_name": "Bob", "language_code": "az"}
	annChat   = map[string]any{"id": 42, "type": "private", "first_name": "Ann"}
	bobChat   = map[string]any{"id": 43, "type": "private", "first_name": "Bob"}
	groupChat = map[string]any{"id": -1001234, "type": "supergroup", "title": "Students"}
)

var msgIDs struct {
	sync.Mutex
	n int
}

// message is an update with a new message; set adds fields to the message.
func message(chat, from map[string]any, text string, set ...func(m map[string]any)) map[string]any {
	msgIDs.Lock()
	msgIDs.n++
	id := msgIDs.n
	msgIDs.Unlock()
	m := map[string]any{"message_id": id, "date": time.Now().Unix(), "chat": chat, "from": from}
	if text != "" {
		m["text"] = text
	}
	for _, s := range set {
		s(m)
	}
	return map[string]any{"message": m}
}

func msgID(u map[string]any) int { return u["message"].(map[string]any)["message_id"].(int) }

func entity(kind string, offset, length int) func(map[string]any) {
	return func(m map[string]any) {
		es, _ := m["entities"].([]map[string]any)
		m["entities"] = append(es, map[string]any{"type": kind, "offset": offset, "length": length})
	}
}

var (
	engineOnce sync.Once
	engine     *knowledge.Engine
	engineErr  error
)

// seedEngine is the real engine over the embedded seeds, built once.
func seedEngine(t testing.TB) *knowledge.Engine {
	t.Helper()
	engineOnce.Do(func() { engine, engineErr = knowledge.Load(seeds.FS) })
	require.NoError(t, engineErr)
	return engine
}

// logBuffer collects an adapter's log lines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// running is an adapter running against a botAPI.
type running struct {
	*Adapter
	logs   *logBuffer
	cancel context.CancelFunc // ends Run's context
	stop   func() error       // ends Run's context and returns what Run returned
}

// run starts an adapter on f with h (the real router over the seeds when nil), no send
// pacing unless opts set it, and logs checked for the token when the test ends.
func run(t *testing.T, f *botAPI, h Handler, opts ...Option) *running {
	t.Helper()
	if h == nil {
		h = bot.NewRouter(seedEngine(t))
	}
	logs := &logBuffer{}
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

// pollCount counts the getUpdates calls with offset.
func (f *botAPI) pollCount(offset int64) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, p := range f.polls {
		if p.Offset == offset {
			n++
		}
	}
	return n
}
