// Package discordtest is a fake Discord for tests, in the spirit of net/http/httptest: a REST
// API on a loopback HTTP server and a gateway WebSocket that speaks the real protocol
// (HELLO, IDENTIFY, READY, RESUME, heartbeats, dispatches and close codes), so that a real
// discordgo session can connect to it. It records every REST request and gateway step for
// tests to check, and can misbehave on purpose: answer with 429, send op 7 instead of READY,
// drop the connection, refuse a token or the Message Content intent, fail with 5xx — the
// next requests to a path, or whichever requests a test's function picks (OnRequest). Like
// Discord it validates messages against the limits on their length and slash commands'
// names, descriptions and localizations, and delivers a message sent again with the same
// nonce (enforce_nonce) only once.
package discordtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

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
	// HeartbeatInterval is what HELLO asks of the client.
	HeartbeatInterval time.Duration

	srv      *httptest.Server
	requests chan Request
	steps    chan Step

	mu              sync.Mutex
	token           string  // the bare bot token the server accepts
	conn            *gwConn // the identified or resumed connection dispatches go to
	conns           []*gwConn
	sessionID       string
	sessions        int
	seq             int64
	sent            []dispatch // this session's dispatches, replayed on RESUME
	lastID          int64
	op7             int
	disallowContent bool
	limits          []*limit
	failures        []*failure
	recorded        []Request
	nonces          map[string]map[string]any // message sent per channel and nonce
	registered      []commandDef              // the slash commands last registered
	delivered       []Message
	onDeliver       func(Message)
	onRequest       func(Request) Fault
	guilds          map[string]Guild
	dms             map[string]string // DM channel per user
}

// Message is a message the server delivered to a channel: created, or sent through an
// interaction (a callback or an edit of its response).
type Message struct {
	ChannelID string
	Body      map[string]any
	At        time.Time
}

// Guild is a server as GET /guilds/{id} shows it: its owner and its roles.
type Guild struct {
	ID      string
	OwnerID string
	Roles   []Role
}

// Role is a guild role; the role whose ID is the guild's is @everyone.
type Role struct {
	ID          string
	Name        string
	Permissions int64
}

// Fault is how the server answers a REST request instead of as usual: Status 429 with
// RetryAfter, or a 5xx, which with Processed takes effect first, as when Discord's answer
// is lost on the way back. The zero Fault answers as usual.
type Fault struct {
	Status     int
	RetryAfter time.Duration
	Processed  bool
}

type failure struct {
	method, prefix string
	n, status      int
	processed      bool
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
		token:             token,
		HeartbeatInterval: time.Second,
		requests:          make(chan Request, 256),
		steps:             make(chan Step, 256),
		nonces:            map[string]map[string]any{},
		guilds:            map[string]Guild{},
		dms:               map[string]string{},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /gateway/", s.gateway)
	mux.HandleFunc("GET /gateway", s.gateway)
	mux.HandleFunc("GET /api/v9/gateway", s.rest(false, s.gatewayURL))
	mux.HandleFunc("GET /api/v9/gateway/bot", s.rest(true, s.gatewayURL))
	mux.HandleFunc("PUT /api/v9/applications/{app}/commands", s.rest(true, s.commands))
	mux.HandleFunc("PUT /api/v9/applications/{app}/guilds/{guild}/commands", s.rest(true, s.commands))
	mux.HandleFunc("POST /api/v9/channels/{channel}/messages", s.rest(true, s.createMessage))
	mux.HandleFunc("GET /api/v9/guilds/{guild}", s.rest(true, s.guild))
	mux.HandleFunc("POST /api/v9/users/@me/channels", s.rest(true, s.directChannel))
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

// Delivered returns the messages delivered so far, each once however often it was sent.
func (s *Server) Delivered() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.delivered...)
}

// OnDeliver has f called with each message as it is delivered (not again when it is sent
// again with its nonce), from the goroutine of the request that delivered it, before the
// request is answered: f must be safe for concurrent use and must not block for long.
func (s *Server) OnDeliver(f func(Message)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onDeliver = f
}

// deliver records a message delivered and returns the function that tells OnDeliver's f,
// to be called once s.mu is released. s.mu must be held.
func (s *Server) deliver(m Message) func() {
	m.At = time.Now()
	s.delivered = append(s.delivered, m)
	if f := s.onDeliver; f != nil {
		return func() { f(m) }
	}
	return func() {}
}

// Described returns the description the last slash commands registered give command
// name in locale ("" for the default), as a user with that locale sees it: the
// localization when there is one, else the default description; "" when there is no such
// command.
func (s *Server) Described(name, locale string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.registered {
		if c.Name == name {
			if d, ok := c.DescriptionLocalizations[locale]; ok {
				return d
			}
			return c.Description
		}
	}
	return ""
}

// Localized returns the locales the last slash commands registered describe command name
// in, beside the default.
func (s *Server) Localized(name string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, c := range s.registered {
		if c.Name == name {
			for l := range c.DescriptionLocalizations {
				out = append(out, l)
			}
		}
	}
	sort.Strings(out)
	return out
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

// Fail answers the next n requests whose method is method and whose path starts with
// prefix with status (a 5xx). With processed the request takes effect first, as when
// Discord's answer is lost on the way back.
func (s *Server) Fail(method, prefix string, n, status int, processed bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures = append(s.failures, &failure{method: method, prefix: prefix, n: n, status: status, processed: processed})
}

// OnRequest has f decide each REST request that no RateLimit or Fail applies to, before
// the server answers it (Request.Status is 0 then): the zero Fault answers it as usual. f
// is called from the request's goroutine, and must be safe for concurrent use.
func (s *Server) OnRequest(f func(Request) Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onRequest = f
}

// AddGuild makes GET /guilds/{id} answer with g.
func (s *Server) AddGuild(g Guild) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.guilds[g.ID] = g
}

// SetToken changes the token the server accepts, as resetting it in the developer portal
// does: a session with the old token is refused when it resumes.
func (s *Server) SetToken(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.token = token
}

func (s *Server) auth() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return "Bot " + s.token
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

// discordEpoch is the start of Discord's snowflakes: 2015-01-01 in Unix milliseconds.
const discordEpoch = 1420070400000

// Snowflake returns an ID made at t, as Discord makes them.
func Snowflake(t time.Time, seq int64) string {
	return strconv.FormatInt((t.UnixMilli()-discordEpoch)<<22|seq&0xfff, 10)
}

// NewID returns a fresh snowflake made now.
func (s *Server) NewID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, _ := strconv.ParseInt(Snowflake(time.Now(), 0), 10, 64)
	s.lastID = max(id, s.lastID+1)
	return strconv.FormatInt(s.lastID, 10)
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
	case d.Token != s.auth():
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
	if d.Token != s.auth() {
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
		if status == 0 && auth && r.Header.Get("Authorization") != s.auth() {
			status, out = http.StatusUnauthorized, map[string]any{"message": "401: Unauthorized", "code": 0}
		}
		if status == 0 {
			f := s.failing(r)
			if f.Status == 0 {
				f = s.decide(Request{Method: r.Method, Path: r.URL.Path, Body: body})
			}
			switch {
			case f.Status == http.StatusTooManyRequests:
				status, out = rateLimited(f.RetryAfter)
			case f.Status == 0 || f.Processed:
				status, out = h(w, r, body)
			}
			if f.Status >= 500 {
				status, out = f.Status, map[string]any{"message": fmt.Sprintf("%d: %s", f.Status, http.StatusText(f.Status)), "code": 0}
			}
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
			return rateLimited(l.retryAfter)
		}
	}
	return 0, nil
}

func rateLimited(retryAfter time.Duration) (int, any) {
	return http.StatusTooManyRequests, map[string]any{
		"message": "You are being rate limited.", "retry_after": retryAfter.Seconds(), "global": false,
	}
}

// failing returns the 5xx fault Fail asked for the request, or the zero Fault.
func (s *Server) failing(r *http.Request) Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range s.failures {
		if f.n > 0 && f.method == r.Method && strings.HasPrefix(r.URL.Path, f.prefix) {
			f.n--
			return Fault{Status: f.status, Processed: f.processed}
		}
	}
	return Fault{}
}

// decide returns the fault OnRequest's function picks for req, or the zero Fault.
func (s *Server) decide(req Request) Fault {
	s.mu.Lock()
	f := s.onRequest
	s.mu.Unlock()
	if f == nil {
		return Fault{}
	}
	return f(req)
}

func (s *Server) gatewayURL(_ http.ResponseWriter, r *http.Request, _ []byte) (int, any) {
	return http.StatusOK, map[string]any{
		"url":                 "ws://" + r.Host + "/gateway",
		"shards":              1,
		"session_start_limit": map[string]any{"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
	}
}

// Locales are the locales Discord offers, the keys it takes in name_localizations and
// description_localizations.
var Locales = map[string]bool{"id": true, "da": true, "de": true, "en-GB": true, "en-US": true, "es-ES": true,
	"es-419": true, "fr": true, "hr": true, "it": true, "lt": true, "hu": true, "nl": true, "no": true, "pl": true,
	"pt-BR": true, "ro": true, "fi": true, "sv-SE": true, "vi": true, "tr": true, "cs": true, "el": true, "bg": true,
	"ru": true, "uk": true, "hi": true, "th": true, "zh-CN": true, "ja": true, "zh-TW": true, "ko": true}

// commandName is what Discord takes as a slash command's or option's name.
var commandName = regexp.MustCompile(`^[-_\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

// commandDef is the part of an application command (or option) that Discord checks here.
type commandDef struct {
	Name                     string            `json:"name"`
	Description              string            `json:"description"`
	DescriptionLocalizations map[string]string `json:"description_localizations"`
	Options                  []commandDef      `json:"options"`
}

// checkCommand returns why Discord would refuse a command or option definition, or "".
func checkCommand(c commandDef, where string) string {
	if !commandName.MatchString(c.Name) || strings.ToLower(c.Name) != c.Name {
		return where + ".name"
	}
	where += " " + c.Name
	if n := utf8.RuneCountInString(c.Description); n < 1 || n > 100 {
		return where + ".description: must be 1 to 100 characters"
	}
	for locale, d := range c.DescriptionLocalizations {
		if !Locales[locale] {
			return where + ".description_localizations: invalid locale " + strconv.Quote(locale)
		}
		if n := utf8.RuneCountInString(d); n < 1 || n > 100 {
			return where + ".description_localizations." + locale + ": must be 1 to 100 characters"
		}
	}
	for _, o := range c.Options {
		if why := checkCommand(o, where+" option"); why != "" {
			return why
		}
	}
	return ""
}

func (s *Server) commands(_ http.ResponseWriter, r *http.Request, body []byte) (int, any) {
	var defs []commandDef
	if err := json.Unmarshal(body, &defs); err != nil {
		return invalid("not a list of commands")
	}
	for i, d := range defs {
		if why := checkCommand(d, "command "+strconv.Itoa(i)); why != "" {
			return invalid(why)
		}
	}
	var cmds []map[string]any
	if err := json.Unmarshal(body, &cmds); err != nil {
		return invalid("not a list of commands")
	}
	s.mu.Lock()
	s.registered = append([]commandDef(nil), defs...)
	s.mu.Unlock()
	for _, c := range cmds {
		c["id"] = s.NewID()
		c["application_id"] = r.PathValue("app")
		c["version"] = "1"
	}
	return http.StatusOK, cmds
}

func (s *Server) guild(_ http.ResponseWriter, r *http.Request, _ []byte) (int, any) {
	s.mu.Lock()
	g, ok := s.guilds[r.PathValue("guild")]
	s.mu.Unlock()
	if !ok {
		return http.StatusNotFound, map[string]any{"message": "Unknown Guild", "code": 10004}
	}
	roles := []any{}
	for _, role := range g.Roles {
		roles = append(roles, map[string]any{"id": role.ID, "name": role.Name, "permissions": strconv.FormatInt(role.Permissions, 10)})
	}
	return http.StatusOK, map[string]any{"id": g.ID, "name": "a server", "owner_id": g.OwnerID, "roles": roles}
}

// DirectChannel returns the ID of the bot's DM channel with a user, opening it if need be.
func (s *Server) DirectChannel(userID string) string {
	s.mu.Lock()
	ch, ok := s.dms[userID]
	s.mu.Unlock()
	if ok {
		return ch
	}
	ch = s.NewID()
	s.mu.Lock()
	defer s.mu.Unlock()
	if prev, ok := s.dms[userID]; ok {
		return prev
	}
	s.dms[userID] = ch
	return ch
}

func (s *Server) directChannel(_ http.ResponseWriter, _ *http.Request, body []byte) (int, any) {
	var d struct {
		RecipientID string `json:"recipient_id"`
	}
	if err := json.Unmarshal(body, &d); err != nil || d.RecipientID == "" {
		return invalid("recipient_id")
	}
	return http.StatusOK, map[string]any{"id": s.DirectChannel(d.RecipientID), "type": 1}
}

func invalid(why string) (int, any) {
	return http.StatusBadRequest, map[string]any{"message": "Invalid Form Body: " + why, "code": 50035}
}

// createMessage answers a message sent, edited or sent through an interaction's webhook.
// A message with the nonce of one sent before to the channel, with enforce_nonce, is that
// message again.
func (s *Server) createMessage(_ http.ResponseWriter, r *http.Request, body []byte) (int, any) {
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return invalid(err.Error())
	}
	if why := checkMessage(m); why != "" {
		return invalid(why)
	}
	content, _ := m["content"].(string)
	embeds, _ := m["embeds"].([]any)
	if r.Method == http.MethodPost && content == "" && len(embeds) == 0 {
		return http.StatusBadRequest, map[string]any{"message": "Cannot send an empty message", "code": 50006}
	}
	ch := r.PathValue("channel")
	nonce, _ := m["nonce"].(string)
	enforce, _ := m["enforce_nonce"].(bool)
	s.mu.Lock()
	if prev, ok := s.nonces[ch][nonce]; ok && enforce && nonce != "" {
		s.mu.Unlock()
		return http.StatusOK, prev
	}
	s.lastID++
	m["id"] = strconv.FormatInt(s.lastID, 10)
	m["channel_id"] = ch
	m["type"] = 0
	m["timestamp"] = time.Now().UTC().Format(time.RFC3339)
	m["author"] = map[string]any{"id": BotID, "username": BotName, "bot": true}
	if nonce != "" {
		if s.nonces[ch] == nil {
			s.nonces[ch] = map[string]any{}
		}
		s.nonces[ch][nonce] = m
	}
	tell := s.deliver(Message{ChannelID: ch, Body: m})
	s.mu.Unlock()
	tell()
	if r.URL.Query().Get("wait") == "false" {
		return http.StatusNoContent, nil
	}
	return http.StatusOK, m
}

func (s *Server) callback(_ http.ResponseWriter, _ *http.Request, body []byte) (int, any) {
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return invalid(err.Error())
	}
	if data, ok := m["data"].(map[string]any); ok {
		if why := checkMessage(data); why != "" {
			return invalid(why)
		}
		if m["type"] == float64(4) {
			s.mu.Lock()
			tell := s.deliver(Message{Body: data})
			s.mu.Unlock()
			tell()
		}
	}
	return http.StatusNoContent, nil
}

// checkMessage returns why Discord would refuse a message body, or "".
// https://discord.com/developers/docs/resources/message#embed-object-embed-limits
func checkMessage(m map[string]any) string {
	str := func(v any) string { s, _ := v.(string); return s }
	n := utf8.RuneCountInString
	if n(str(m["content"])) > 2000 {
		return "content is longer than 2000"
	}
	if nonce := str(m["nonce"]); n(nonce) > 25 {
		return "nonce is longer than 25"
	}
	embeds, _ := m["embeds"].([]any)
	if len(embeds) > 10 {
		return "more than 10 embeds"
	}
	total := 0
	for _, raw := range embeds {
		e, _ := raw.(map[string]any)
		title, desc := str(e["title"]), str(e["description"])
		if n(title) > 256 || n(desc) > 4096 {
			return "embed title or description too long"
		}
		total += n(title) + n(desc)
		fields, _ := e["fields"].([]any)
		if len(fields) > 25 {
			return "more than 25 fields"
		}
		for _, rf := range fields {
			f, _ := rf.(map[string]any)
			name, value := str(f["name"]), str(f["value"])
			if name == "" || value == "" || n(name) > 256 || n(value) > 1024 {
				return "embed field empty or too long"
			}
			total += n(name) + n(value)
		}
		if foot, ok := e["footer"].(map[string]any); ok {
			total += n(str(foot["text"]))
		}
	}
	if total > 6000 {
		return "embeds longer than 6000 in all"
	}
	return ""
}
