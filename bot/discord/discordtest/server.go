// Package discordtest is a fake Discord for tests, in the spirit of net/http/httptest: a REST
// API on a loopback HTTP server and a gateway WebSocket that speaks the real protocol
// (HELLO, IDENTIFY, READY, RESUME, heartbeats, dispatches and close codes), so that a real
// discordgo session can connect to it. It records every REST request and gateway step for
// tests to check, and can misbehave on purpose: answer with 429, send op 7 instead of READY,
// drop the connection, refuse a token or the Message Content intent.
package discordtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Identities of the fake bot.
const (
	BotID   = "100000000000000001"
	BotName = "azchina"
	AppID   = "100000000000000002"
)

// messageContentIntent is the privileged intent bit for message content.
const messageContentIntent = 1 << 15

// Request is one REST request the server received, with the status it answered.
type Request struct {
	Method string
	Path   string
	Body   []byte
	Status int
}

// JSON decodes the request body into a map, or nil when it is not a JSON object.
func (r Request) JSON() map[string]any {
	var m map[string]any
	if json.Unmarshal(r.Body, &m) != nil {
		return nil
	}
	return m
}

// Step is one thing that happened on the gateway.
type Step struct {
	// Kind is "identify", "resume", "ready", "resumed", "op7", "invalid-session",
	// "heartbeat" (received and acknowledged) or "closed" (the server closed the socket
	// with Code).
	Kind    string
	Intents int
	Code    int
}

// Server is a fake Discord. Its methods are safe for concurrent use.
type Server struct {
	// URL is the base URL to use instead of https://discord.com.
	URL string
	// Token is the bare bot token the gateway accepts.
	Token string
	// HeartbeatInterval is what HELLO asks of the client.
	HeartbeatInterval time.Duration

	srv      *httptest.Server
	requests chan Request
	steps    chan Step

	mu              sync.Mutex
	conn            *gwConn // the identified or resumed connection dispatches go to
	conns           []*gwConn
	sessionID       string
	sessions        int
	seq             int64
	sent            []dispatch // this session's dispatches, replayed on RESUME
	nextID          int64
	op7             int
	disallowContent bool
	limits          []*limit
	recorded        []Request
	heartbeats      int
}

type limit struct {
	method, prefix string
	n              int
	retryAfter     time.Duration
}

type dispatch struct {
	seq int64
	msg map[string]any
}

type gwConn struct {
	ws  *websocket.Conn
	wmu sync.Mutex
}

func (c *gwConn) write(v any) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return c.ws.WriteJSON(v)
}

func (c *gwConn) close(code int, text string) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
	_ = c.ws.Close()
}

// NewServer starts a fake Discord that accepts token. Close it when done.
func NewServer(token string) *Server {
	s := &Server{
		Token:             token,
		HeartbeatInterval: time.Second,
		requests:          make(chan Request, 256),
		steps:             make(chan Step, 256),
		nextID:            200000000000000000,
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /gateway/", s.gateway)
	mux.HandleFunc("GET /gateway", s.gateway)
	mux.HandleFunc("GET /api/v9/gateway", s.rest(false, s.gatewayURL))
	mux.HandleFunc("GET /api/v9/gateway/bot", s.rest(true, s.gatewayURL))
	mux.HandleFunc("PUT /api/v9/applications/{app}/commands", s.rest(true, s.commands))
	mux.HandleFunc("PUT /api/v9/applications/{app}/guilds/{guild}/commands", s.rest(true, s.commands))
	mux.HandleFunc("POST /api/v9/channels/{channel}/messages", s.rest(true, s.createMessage))
	mux.HandleFunc("POST /api/v9/interactions/{id}/{token}/callback", s.rest(false, s.callback))
	mux.HandleFunc("PATCH /api/v9/webhooks/{app}/{token}/messages/{message}", s.rest(false, s.createMessage))
	mux.HandleFunc("POST /api/v9/webhooks/{app}/{token}", s.rest(false, s.createMessage))
	mux.HandleFunc("/", s.rest(false, func(http.ResponseWriter, *http.Request, []byte) (int, any) {
		return http.StatusNotFound, map[string]any{"message": "404: Not Found", "code": 0}
	}))
	s.srv = httptest.NewServer(mux)
	s.URL = s.srv.URL
	return s
}

// Close drops every gateway connection and stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	conns := s.conns
	s.conns, s.conn = nil, nil
	s.mu.Unlock()
	for _, c := range conns {
		_ = c.ws.Close()
	}
	s.srv.Close()
}

// Requests delivers each REST request as it is answered.
func (s *Server) Requests() <-chan Request { return s.requests }

// Steps delivers each gateway step as it happens.
func (s *Server) Steps() <-chan Step { return s.steps }

// Recorded returns every REST request so far.
func (s *Server) Recorded() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.recorded...)
}

// Heartbeats returns how many heartbeats the server has acknowledged.
func (s *Server) Heartbeats() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.heartbeats
}

// Connections returns how many gateway connections the server has accepted.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sessions
}

// RateLimit answers the next n requests whose method is method and whose path starts with
// prefix ("/api/v9/channels/") with 429 Too Many Requests and retry_after.
func (s *Server) RateLimit(method, prefix string, n int, retryAfter time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limits = append(s.limits, &limit{method: method, prefix: prefix, n: n, retryAfter: retryAfter})
}

// SendOp7InsteadOfReady answers the next n IDENTIFYs with op 7 (reconnect) instead of READY.
func (s *Server) SendOp7InsteadOfReady(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.op7 = n
}

// DisallowMessageContent closes with 4014 (disallowed intents) an IDENTIFY that asks for the
// Message Content intent, as Discord does when its switch in the developer portal is off.
func (s *Server) DisallowMessageContent() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.disallowContent = true
}

// ErrNotConnected is returned by Dispatch before any client identified.
var ErrNotConnected = errors.New("discordtest: no identified gateway connection")

// Dispatch sends a gateway event (op 0) such as "MESSAGE_CREATE" with data to the
// identified client; while it is disconnected, the event waits for its RESUME, as Discord
// replays missed events.
func (s *Server) Dispatch(event string, data any) error {
	raw, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("encode %s: %w", event, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sessionID == "" {
		return ErrNotConnected
	}
	s.seq++
	msg := map[string]any{"op": 0, "t": event, "s": s.seq, "d": json.RawMessage(raw)}
	s.sent = append(s.sent, dispatch{s.seq, msg})
	if s.conn == nil {
		return nil // the client gets it when it resumes
	}
	// A failed write is a lost connection: the client resumes and gets the event then.
	_ = s.conn.write(msg)
	return nil
}

// DropConnection closes the identified client's socket without a close frame, as a network
// failure would.
func (s *Server) DropConnection() {
	s.mu.Lock()
	c := s.conn
	s.conn = nil
	s.mu.Unlock()
	if c != nil {
		_ = c.ws.Close()
	}
}

// NewID returns a fresh snowflake.
func (s *Server) NewID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	return strconv.FormatInt(s.nextID, 10)
}

func (s *Server) step(st Step) {
	select {
	case s.steps <- st:
	default:
	}
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// gateway speaks the gateway protocol on one connection.
func (s *Server) gateway(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &gwConn{ws: ws}
	s.mu.Lock()
	s.conns = append(s.conns, c)
	s.sessions++
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.conn == c {
			s.conn = nil
		}
		s.mu.Unlock()
		_ = ws.Close()
	}()
	if c.write(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": s.HeartbeatInterval.Milliseconds()}}) != nil {
		return
	}
	for {
		var p struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := ws.ReadJSON(&p); err != nil {
			return
		}
		switch p.Op {
		case 1:
			s.mu.Lock()
			s.heartbeats++
			s.mu.Unlock()
			if c.write(map[string]any{"op": 11}) != nil {
				return
			}
			s.step(Step{Kind: "heartbeat"})
		case 2:
			if !s.identify(c, p.D) {
				return
			}
		case 6:
			if !s.resume(c, p.D) {
				return
			}
		}
	}
}

func (s *Server) identify(c *gwConn, raw json.RawMessage) bool {
	var d struct {
		Token   string `json:"token"`
		Intents int    `json:"intents"`
	}
	_ = json.Unmarshal(raw, &d)
	s.step(Step{Kind: "identify", Intents: d.Intents})
	s.mu.Lock()
	op7 := s.op7 > 0
	if op7 {
		s.op7--
	}
	disallowed := s.disallowContent && d.Intents&messageContentIntent != 0
	s.mu.Unlock()
	switch {
	case d.Token != "Bot "+s.Token:
		s.step(Step{Kind: "closed", Code: 4004}) // before the client can reconnect
		c.close(4004, "Authentication failed.")
		return false
	case disallowed:
		s.step(Step{Kind: "closed", Code: 4014}) // before the client can reconnect
		c.close(4014, "Disallowed intent(s).")
		return false
	case op7:
		s.step(Step{Kind: "op7"})
		return c.write(map[string]any{"op": 7, "d": nil}) == nil
	}
	s.mu.Lock()
	s.sessionID = fmt.Sprintf("session-%d", s.sessions)
	s.seq = 1
	s.sent = nil
	s.conn = c
	ready := map[string]any{"op": 0, "t": "READY", "s": s.seq, "d": map[string]any{
		"v":           9,
		"session_id":  s.sessionID,
		"user":        map[string]any{"id": BotID, "username": BotName, "discriminator": "0", "bot": true},
		"application": map[string]any{"id": AppID, "flags": 0},
		"guilds":      []any{},
	}}
	// Written under the lock so that no dispatch overtakes READY.
	err := c.write(ready)
	s.mu.Unlock()
	if err != nil {
		return false
	}
	s.step(Step{Kind: "ready", Intents: d.Intents})
	return true
}

func (s *Server) resume(c *gwConn, raw json.RawMessage) bool {
	var d struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	_ = json.Unmarshal(raw, &d)
	s.step(Step{Kind: "resume"})
	if d.Token != "Bot "+s.Token {
		s.step(Step{Kind: "closed", Code: 4004}) // before the client can reconnect
		c.close(4004, "Authentication failed.")
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if d.SessionID == "" || d.SessionID != s.sessionID {
		s.step(Step{Kind: "invalid-session"})
		return c.write(map[string]any{"op": 9, "d": false}) == nil
	}
	s.conn = c
	for _, m := range s.sent {
		if m.seq > d.Seq && c.write(m.msg) != nil {
			return false
		}
	}
	s.seq++
	if c.write(map[string]any{"op": 0, "t": "RESUMED", "s": s.seq, "d": map[string]any{}}) != nil {
		return false
	}
	s.step(Step{Kind: "resumed"})
	return true
}

// restHandler answers one REST request with a status and a JSON body (nil for none).
type restHandler func(w http.ResponseWriter, r *http.Request, body []byte) (int, any)

// rest wraps a REST handler: it checks the bot token when auth is set, applies the rate
// limits asked for, answers in JSON and records the request.
func (s *Server) rest(auth bool, h restHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		status, out := s.limited(r)
		if status == 0 && auth && r.Header.Get("Authorization") != "Bot "+s.Token {
			status, out = http.StatusUnauthorized, map[string]any{"message": "401: Unauthorized", "code": 0}
		}
		if status == 0 {
			status, out = h(w, r, body)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		if out != nil {
			_ = json.NewEncoder(w).Encode(out)
		}
		req := Request{Method: r.Method, Path: r.URL.Path, Body: body, Status: status}
		s.mu.Lock()
		s.recorded = append(s.recorded, req)
		s.mu.Unlock()
		select {
		case s.requests <- req:
		default:
		}
	}
}

func (s *Server) limited(r *http.Request) (int, any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, l := range s.limits {
		if l.n > 0 && l.method == r.Method && strings.HasPrefix(r.URL.Path, l.prefix) {
			l.n--
			return http.StatusTooManyRequests, map[string]any{
				"message": "You are being rate limited.", "retry_after": l.retryAfter.Seconds(), "global": false,
			}
		}
	}
	return 0, nil
}

func (s *Server) gatewayURL(_ http.ResponseWriter, r *http.Request, _ []byte) (int, any) {
	return http.StatusOK, map[string]any{
		"url":                 "ws://" + r.Host + "/gateway",
		"shards":              1,
		"session_start_limit": map[string]any{"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
	}
}

func (s *Server) commands(_ http.ResponseWriter, r *http.Request, body []byte) (int, any) {
	var cmds []map[string]any
	if err := json.Unmarshal(body, &cmds); err != nil {
		return http.StatusBadRequest, map[string]any{"message": "Invalid Form Body", "code": 50035}
	}
	for _, c := range cmds {
		c["id"] = s.NewID()
		c["application_id"] = r.PathValue("app")
		c["version"] = "1"
	}
	return http.StatusOK, cmds
}

// createMessage answers a message sent, edited or sent through an interaction's webhook.
func (s *Server) createMessage(_ http.ResponseWriter, r *http.Request, body []byte) (int, any) {
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return http.StatusBadRequest, map[string]any{"message": "Invalid Form Body", "code": 50035}
	}
	if r.URL.Query().Get("wait") == "false" {
		return http.StatusNoContent, nil
	}
	m["id"] = s.NewID()
	m["channel_id"] = r.PathValue("channel")
	m["type"] = 0
	m["timestamp"] = time.Now().UTC().Format(time.RFC3339)
	m["author"] = map[string]any{"id": BotID, "username": BotName, "bot": true}
	return http.StatusOK, m
}

func (s *Server) callback(_ http.ResponseWriter, _ *http.Request, body []byte) (int, any) {
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return http.StatusBadRequest, map[string]any{"message": "Invalid Form Body", "code": 50035}
	}
	return http.StatusNoContent, nil
}
