// Package telegramtest is a fake Telegram Bot API for tests, in the spirit of
// net/http/httptest: a loopback HTTP server that speaks the protocol as go-telegram/bot
// and the adapter use it — multipart form bodies with JSON-encoded fields, or JSON bodies;
// answers in {"ok":…,"result":…} envelopes with error_code, description and parameters
// (retry_after, migrate_to_chat_id); getUpdates with offsets, where an update is delivered
// again until a getUpdates with a higher offset confirms it, and a long poll waits for
// updates to arrive. It checks what the bot sends as Telegram does (HTML that parses, at
// most 4,096 characters, inline keyboards and command menus Telegram accepts) and can
// misbehave on purpose: answer a method with an error, cut the long polls waiting for
// updates, refuse private messages to a user who never started the bot, answer for a
// group that has become a supergroup.
package telegramtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The fake bot's identity, as getMe describes it.
const (
	BotID       = 999
	BotUsername = "azchina_bot"
)

// Bot is the fake bot's user object.
var Bot = map[string]any{"id": BotID, "is_bot": true, "first_name": "AzChina", "username": BotUsername}

// Sent is a message the bot sent with sendMessage and the server accepted.
type Sent struct {
	MessageID int
	ChatID    int64
	Text      string
	ParseMode string
	ReplyTo   int    // reply_parameters.message_id; 0 for none
	Markup    string // reply_markup as sent (JSON); "" for none
	At        time.Time
}

// Buttons returns the callback_data of the inline keyboard's buttons, row by row.
func (s Sent) Buttons() []string {
	var kb struct {
		InlineKeyboard [][]struct {
			CallbackData string `json:"callback_data"`
		} `json:"inline_keyboard"`
	}
	_ = json.Unmarshal([]byte(s.Markup), &kb)
	var data []string
	for _, row := range kb.InlineKeyboard {
		for _, b := range row {
			data = append(data, b.CallbackData)
		}
	}
	return data
}

// Poll is one getUpdates call.
type Poll struct {
	Offset  int64
	Timeout int
}

// Params are a call's parameters, objects as their JSON text.
type Params map[string]string

// Fault is how the server answers a call instead of doing it: an HTTP status (and the
// error_code) with a description, and retry_after for a 429; or, with Hang, no answer at
// all until the client gives up. The zero Fault answers normally.
type Fault struct {
	Code       int
	RetryAfter int
	Hang       bool
}

// Server is a fake Bot API for one bot token. Its methods are safe for concurrent use.
type Server struct {
	// URL is the base URL to give the bot instead of https://api.telegram.org.
	URL   string
	token string
	srv   *httptest.Server

	mu        sync.Mutex
	queue     []queued
	offset    int64         // updates below it are confirmed, and forgotten
	arrived   chan struct{} // closed and replaced when updates are queued
	drop      chan struct{} // closed and replaced to cut the long polls waiting
	waiting   int           // long polls waiting for updates
	nextID    int64
	nextMsg   int
	sendCalls int
	sent      []Sent
	calls     map[string][]Params
	polls     []Poll
	handedOut map[int64]time.Time        // when each update was first delivered
	faults    map[string][]Fault         // the next calls of a method answer with these
	broken    map[string]Fault           // every call of a method answers with this
	members   map[[2]int64]string        // (chat, user) → status
	blocked   map[int64]bool             // users who never started the bot
	migrated  map[int64]int64            // group → the supergroup it became
	menus     map[[2]string][]BotCommand // (scope type, language) → the command menu set
	onSend    func(n int, m Sent) Fault
	delivered chan Sent
}

type queued struct {
	id     int64
	raw    json.RawMessage
	forced bool // delivered once more whatever the offset, as after a restart
}

// NewServer starts a fake Bot API that accepts token. Close it when done.
func NewServer(token string) *Server {
	s := &Server{token: token, arrived: make(chan struct{}), drop: make(chan struct{}), nextID: 1, nextMsg: 1000,
		calls: map[string][]Params{}, handedOut: map[int64]time.Time{}, faults: map[string][]Fault{}, broken: map[string]Fault{},
		members: map[[2]int64]string{}, blocked: map[int64]bool{}, migrated: map[int64]int64{}, menus: map[[2]string][]BotCommand{},
		delivered: make(chan Sent, 100000)}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	return s
}

// Close shuts the server down, cutting the connections open.
func (s *Server) Close() {
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// CloseClientConnections cuts the connections open, as a network failure would.
func (s *Server) CloseClientConnections() { s.srv.CloseClientConnections() }

// DropPolls cuts the connections of the long polls waiting for updates, without an answer,
// as a network failure would, and returns how many were waiting (one woken by updates
// at that moment may take them instead). Unlike CloseClientConnections
// it leaves every other call alone: a sendMessage cut short may or may not have been
// delivered, and Telegram gives the bot no way to tell. The updates the polls would have
// got wait for the next one.
func (s *Server) DropPolls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.waiting
	close(s.drop)
	s.drop = make(chan struct{})
	return n
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	token, method, ok := strings.Cut(strings.TrimPrefix(r.URL.Path, "/bot"), "/")
	if !ok || token != s.token {
		reply(w, nil, Fault{Code: http.StatusUnauthorized}, "Unauthorized", nil)
		return
	}
	p, err := readParams(r)
	if err != nil {
		reply(w, nil, Fault{Code: http.StatusBadRequest}, "Bad Request: "+err.Error(), nil)
		return
	}
	s.mu.Lock()
	s.calls[method] = append(s.calls[method], p)
	fault := s.broken[method]
	if f := s.faults[method]; len(f) > 0 && fault == (Fault{}) {
		fault, s.faults[method] = f[0], f[1:]
	}
	s.mu.Unlock()
	switch {
	case fault.Hang:
		<-r.Context().Done()
		return
	case fault.Code != 0:
		reply(w, nil, fault, http.StatusText(fault.Code), nil)
		return
	}
	switch method {
	case "getMe":
		reply(w, Bot, Fault{}, "", nil)
	case "setMyCommands":
		s.setMyCommands(w, p)
	case "deleteWebhook", "setWebhook", "answerCallbackQuery":
		reply(w, true, Fault{}, "", nil)
	case "getChatMember":
		s.getChatMember(w, p)
	case "getUpdates":
		s.getUpdates(w, r, p)
	case "sendMessage":
		s.sendMessage(w, r, p)
	default:
		reply(w, nil, Fault{Code: http.StatusNotFound}, "Not Found: method not found", nil)
	}
}

func (s *Server) getUpdates(w http.ResponseWriter, r *http.Request, p Params) {
	offset, _ := strconv.ParseInt(p["offset"], 10, 64)
	timeout, _ := strconv.Atoi(p["timeout"])
	limit, _ := strconv.Atoi(p["limit"])
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	deadline := time.NewTimer(time.Duration(timeout) * time.Second)
	defer deadline.Stop()
	s.mu.Lock()
	s.polls = append(s.polls, Poll{Offset: offset, Timeout: timeout})
	for {
		s.offset = max(s.offset, offset)
		var batch []json.RawMessage
		kept := s.queue[:0]
		for _, q := range s.queue {
			switch {
			case q.id < s.offset && !q.forced:
				continue // confirmed
			case len(batch) < limit:
				batch = append(batch, q.raw)
				if _, ok := s.handedOut[q.id]; !ok {
					s.handedOut[q.id] = time.Now()
				}
				if q.forced {
					continue
				}
			}
			kept = append(kept, q)
		}
		s.queue = kept
		if len(batch) > 0 || timeout == 0 {
			s.mu.Unlock()
			reply(w, append([]json.RawMessage{}, batch...), Fault{}, "", nil)
			return
		}
		wake, drop := s.arrived, s.drop
		s.waiting++
		s.mu.Unlock()
		select {
		case <-wake:
		case <-drop:
			s.doneWaiting()
			cut(w)
			return
		case <-deadline.C:
			s.doneWaiting()
			reply(w, []json.RawMessage{}, Fault{}, "", nil)
			return
		case <-r.Context().Done():
			s.doneWaiting()
			return
		}
		s.mu.Lock()
		s.waiting--
	}
}

func (s *Server) doneWaiting() {
	s.mu.Lock()
	s.waiting--
	s.mu.Unlock()
}

// cut closes a request's connection without an answer, as a network failure would.
func cut(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
		}
	}
}

func (s *Server) getChatMember(w http.ResponseWriter, p Params) {
	chat, err1 := strconv.ParseInt(p["chat_id"], 10, 64)
	user, err2 := strconv.ParseInt(p["user_id"], 10, 64)
	if err1 != nil || err2 != nil {
		reply(w, nil, Fault{Code: http.StatusBadRequest}, "Bad Request: chat_id and user_id must be numbers", nil)
		return
	}
	s.mu.Lock()
	status, ok := s.members[[2]int64{chat, user}]
	s.mu.Unlock()
	if !ok {
		status = "member"
	}
	reply(w, map[string]any{"status": status, "user": map[string]any{"id": user, "is_bot": false, "first_name": "U"}}, Fault{}, "", nil)
}

func (s *Server) sendMessage(w http.ResponseWriter, r *http.Request, p Params) {
	m := Sent{Text: p["text"], ParseMode: p["parse_mode"], Markup: p["reply_markup"]}
	var err error
	if m.ChatID, err = strconv.ParseInt(p["chat_id"], 10, 64); err != nil {
		reply(w, nil, Fault{Code: http.StatusBadRequest}, "Bad Request: chat not found", nil)
		return
	}
	if p["reply_parameters"] != "" {
		var rp struct {
			MessageID int `json:"message_id"`
		}
		if err := json.Unmarshal([]byte(p["reply_parameters"]), &rp); err != nil {
			reply(w, nil, Fault{Code: http.StatusBadRequest}, "Bad Request: reply_parameters: "+err.Error(), nil)
			return
		}
		m.ReplyTo = rp.MessageID
	}
	if problem := checkMessage(m); problem != "" {
		reply(w, nil, Fault{Code: http.StatusBadRequest}, "Bad Request: "+problem, nil)
		return
	}
	s.mu.Lock()
	to, migrated := s.migrated[m.ChatID]
	blocked := s.blocked[m.ChatID]
	n := s.sendCalls
	s.sendCalls++
	hook := s.onSend
	s.mu.Unlock()
	switch {
	case migrated:
		reply(w, nil, Fault{Code: http.StatusBadRequest}, "Bad Request: group chat was upgraded to a supergroup chat",
			map[string]any{"migrate_to_chat_id": to})
		return
	case blocked:
		reply(w, nil, Fault{Code: http.StatusForbidden}, "Forbidden: bot can't initiate conversation with a user", nil)
		return
	}
	if hook != nil {
		if f := hook(n, m); f.Code != 0 {
			reply(w, nil, f, http.StatusText(f.Code), nil)
			return
		}
	}
	if r.Context().Err() != nil {
		return // the bot gave up on this request: it was not delivered
	}
	m.At = time.Now()
	s.mu.Lock()
	s.nextMsg++
	m.MessageID = s.nextMsg
	s.sent = append(s.sent, m)
	s.mu.Unlock()
	s.delivered <- m
	reply(w, map[string]any{"message_id": m.MessageID, "date": m.At.Unix(), "from": Bot,
		"chat": map[string]any{"id": m.ChatID, "type": chatType(m.ChatID)}, "text": m.Text}, Fault{}, "", nil)
}

// readParams reads a Bot API request's parameters from a multipart form (the library)
// or a JSON object (the adapter's getUpdates); objects come back as their JSON text.
func readParams(r *http.Request) (Params, error) {
	p := Params{}
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
			var str string
			if json.Unmarshal(v, &str) == nil {
				p[k] = str
			} else {
				p[k] = string(v)
			}
		}
	default:
		return nil, fmt.Errorf("unsupported content type %q", ct)
	}
	return p, nil
}

func reply(w http.ResponseWriter, result any, f Fault, description string, params map[string]any) {
	env := map[string]any{"ok": f.Code == 0}
	w.Header().Set("Content-Type", "application/json")
	if f.Code == 0 {
		env["result"] = result
	} else {
		env["error_code"] = f.Code
		env["description"] = description
		if f.RetryAfter > 0 {
			if params == nil {
				params = map[string]any{}
			}
			params["retry_after"] = f.RetryAfter
		}
		if params != nil {
			env["parameters"] = params
		}
		w.WriteHeader(f.Code)
	}
	_ = json.NewEncoder(w).Encode(env)
}

// Push queues updates, filling in their update_id, and returns the IDs.
func (s *Server) Push(updates ...map[string]any) []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]int64, 0, len(updates))
	for _, u := range updates {
		id := s.nextID
		s.nextID++
		u["update_id"] = id
		raw, err := json.Marshal(u)
		if err != nil {
			panic(fmt.Sprintf("telegramtest: update not JSON: %v", err))
		}
		s.queue = append(s.queue, queued{id: id, raw: raw})
		ids = append(ids, id)
	}
	s.wake()
	return ids
}

// PushRaw queues an update given as JSON, as it is (for updates the wire types cannot
// read), with the next update_id, which it returns.
func (s *Server) PushRaw(raw string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.nextID
	s.nextID++
	s.queue = append(s.queue, queued{id: id, raw: json.RawMessage(raw)})
	s.wake()
	return id
}

// Redeliver queues an update pushed before to be delivered once more, whatever the
// offset says, as Telegram may after a restart.
func (s *Server) Redeliver(u map[string]any) {
	raw, err := json.Marshal(u)
	if err != nil {
		panic(fmt.Sprintf("telegramtest: update not JSON: %v", err))
	}
	id, _ := u["update_id"].(int64)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queue = append(s.queue, queued{id: id, raw: raw, forced: true})
	s.wake()
}

// wake tells waiting long polls that updates arrived. s.mu must be held.
func (s *Server) wake() {
	close(s.arrived)
	s.arrived = make(chan struct{})
}

// Next waits up to timeout for the next message the bot sends, and reports false when
// none came.
func (s *Server) Next(timeout time.Duration) (Sent, bool) {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case m := <-s.delivered:
		return m, true
	case <-timer.C:
		return Sent{}, false
	}
}

// Sent returns the messages sent so far.
func (s *Server) Sent() []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Sent(nil), s.sent...)
}

func (s *Server) setMyCommands(w http.ResponseWriter, p Params) {
	menu, scope, lang, err := checkCommands(p)
	if err != nil {
		reply(w, nil, Fault{Code: http.StatusBadRequest}, "Bad Request: "+err.Error(), nil)
		return
	}
	s.mu.Lock()
	s.menus[[2]string{scope, lang}] = menu
	s.mu.Unlock()
	reply(w, true, Fault{}, "", nil)
}

// Menu returns the command menu set for a scope's type ("all_private_chats") and a
// language ("ru"; "" for the menu of every language without one of its own), or nil.
func (s *Server) Menu(scope, lang string) []BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]BotCommand(nil), s.menus[[2]string{scope, lang}]...)
}

// Calls returns the parameters of every call of method so far.
func (s *Server) Calls(method string) []Params {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Params(nil), s.calls[method]...)
}

// Count returns how often method was called.
func (s *Server) Count(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.calls[method])
}

// Polls returns the getUpdates calls so far.
func (s *Server) Polls() []Poll {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Poll(nil), s.polls...)
}

// HandedOut returns when getUpdates first delivered the update with id.
func (s *Server) HandedOut(id int64) time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.handedOut[id]
}

// Fail has the next calls of method answer with the faults given, in order.
func (s *Server) Fail(method string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[method] = append(s.faults[method], faults...)
}

// Break has every call of method answer with fault until Mend.
func (s *Server) Break(method string, fault Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.broken[method] = fault
}

// Mend undoes Break.
func (s *Server) Mend(method string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.broken, method)
}

// OnSend has f decide each sendMessage that passes the checks (n counts them from 0): it
// returns the zero Fault to deliver the message. It may block.
func (s *Server) OnSend(f func(n int, m Sent) Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onSend = f
}

// SetMember sets user's status in chat for getChatMember: "creator", "administrator",
// "member" (the default), "restricted", "left" or "kicked".
func (s *Server) SetMember(chat, user int64, status string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.members[[2]int64{chat, user}] = status
}

// NeverStarted makes private messages to user fail with 403, as for a user who never
// started the bot.
func (s *Server) NeverStarted(user int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.blocked[user] = true
}

// Migrate makes messages to group fail with 400 and migrate_to_chat_id supergroup, as
// after the group became a supergroup.
func (s *Server) Migrate(group, supergroup int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.migrated[group] = supergroup
}
