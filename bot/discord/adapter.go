package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/azchina/azchina/bot"
)

// Handler answers messages and records votes on answers; *bot.Router is one.
type Handler interface {
	Handle(ctx context.Context, m bot.Message) (bot.Reply, bool)
	Vote(ctx context.Context, p bot.Platform, userID, answerID string, up bool) bot.Reply
}

// Metrics counts what the adapter does on Discord; *ops.Metrics is one. Implementations
// must be safe for concurrent use.
type Metrics interface {
	SendError(platform string) // a reply or digest that could not be sent
	Retry(platform string)     // a REST call tried again
	Reconnect(platform string) // a gateway connection made again after a loss
}

// Health is told whether the adapter is connected; *ops.Health is one. Implementations
// must be safe for concurrent use.
type Health interface {
	Set(adapter string, up bool, detail string)
}

type noMetrics struct{}

func (noMetrics) SendError(string) {}
func (noMetrics) Retry(string)     {}
func (noMetrics) Reconnect(string) {}

type noHealth struct{}

func (noHealth) Set(string, bool, string) {}

// platform is how metrics and health name Discord.
const platform = string(bot.Discord)

// Config is what the adapter needs to connect.
type Config struct {
	// Token is the bot token, bare: the adapter adds the "Bot " prefix.
	Token string
	// APIURL replaces https://discord.com for REST and for finding the gateway (no trailing
	// slash, no /api); empty means Discord itself.
	APIURL string
	// Guild registers the slash commands in this server only (they update at once) instead
	// of globally.
	Guild string
	// ModeratorRoles name the roles whose members moderate, besides members with Manage
	// Server or Manage Channels. Names compare without regard to case.
	ModeratorRoles []string
}

// ErrAuthentication means Discord rejected the bot token (gateway close code 4004).
var ErrAuthentication = errors.New("discord rejected the bot token")

// Defaults for an Adapter.
const (
	DefaultOpenTimeout  = 30 * time.Second
	DefaultAnswerWithin = 1500 * time.Millisecond
	DefaultMaxInFlight  = 64
	// ackWindow is how long Discord waits for an interaction's first response, less a margin
	// for the network.
	ackWindow = 2500 * time.Millisecond
	// staleInteraction is the age past which an interaction (replayed after a resume) is
	// not answered: its 3 seconds ran out long ago. It leaves room for a clock that is a
	// little off Discord's.
	staleInteraction = 10 * time.Second
	// sendTimeout bounds sending one reply, its retries included.
	sendTimeout = 20 * time.Second
	// shutdownTimeout is how long a shutdown may take in all: replies in flight finish and
	// the gateway closes within it, so that the process exits within 5 s of SIGTERM.
	shutdownTimeout = 3 * time.Second
	// cutShortGrace is how long replies cancelled at the shutdown deadline get to return.
	cutShortGrace = 250 * time.Millisecond
	maxBackoff    = 2 * time.Minute
)

// intents are the gateway events the adapter needs. Message Content is privileged: without
// it (and its switch in the developer portal) guild messages arrive with empty content.
const intents = discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages | discordgo.IntentsMessageContent

// Adapter connects the router to Discord: the gateway through discordgo, REST calls of its
// own. Run it once; PostDigest and Platform are safe for concurrent use.
type Adapter struct {
	cfg          Config
	h            Handler
	log          *slog.Logger
	client       *http.Client // discordgo's, for the gateway address
	rest         *rest
	metrics      Metrics
	health       Health
	openTimeout  time.Duration
	answerWithin time.Duration
	slots        chan struct{} // one per reply in flight

	// cur is the session whose events are answered; events of an abandoned session are not.
	cur         atomic.Pointer[discordgo.Session]
	registering atomic.Bool
	up          atomic.Bool // between READY or RESUMED and the loss of the connection
	emptyWarn   sync.Once

	work       context.Context // replies in flight: cancelled when a shutdown runs out of time
	cancelWork context.CancelFunc
	stop       context.Context // cancelled when a shutdown starts
	cancelStop context.CancelFunc
	mu         sync.Mutex // guards closing and inflight.Add
	closing    bool
	inflight   sync.WaitGroup
}

// Option configures an Adapter.
type Option func(*Adapter)

// WithOpenTimeout bounds connecting to the gateway, READY included.
func WithOpenTimeout(d time.Duration) Option { return func(a *Adapter) { a.openTimeout = d } }

// WithAnswerWithin sets how long a slash command may take to be answered directly; a slower
// one is deferred ("thinking…") and its answer edited in.
func WithAnswerWithin(d time.Duration) Option { return func(a *Adapter) { a.answerWithin = d } }

// WithMetrics counts send errors, retries, reconnects and digests posted in m.
func WithMetrics(m Metrics) Option { return func(a *Adapter) { a.metrics = m } }

// WithHealth reports the gateway connection to h: up after READY or RESUMED, down while
// it is lost and after Run returns.
func WithHealth(h Health) Option { return func(a *Adapter) { a.health = h } }

// WithMaxInFlight caps the replies in flight (DefaultMaxInFlight); further events wait.
func WithMaxInFlight(n int) Option {
	return func(a *Adapter) { a.slots = make(chan struct{}, max(n, 1)) }
}

// New returns an Adapter that answers Discord messages with h. It fails when cfg has no
// token or a bad API URL.
func New(cfg Config, h Handler, log *slog.Logger, opts ...Option) (*Adapter, error) {
	if cfg.Token == "" {
		return nil, errors.New("discord: no bot token")
	}
	base, err := parseBase(cfg.APIURL)
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	client := &http.Client{Timeout: sendTimeout, Transport: rebase{base: base, next: http.DefaultTransport}}
	a := &Adapter{cfg: cfg, h: h, log: log, client: client, metrics: noMetrics{}, health: noHealth{},
		openTimeout: DefaultOpenTimeout, answerWithin: DefaultAnswerWithin, slots: make(chan struct{}, DefaultMaxInFlight)}
	for _, o := range opts {
		o(a)
	}
	a.rest = newREST(base, cfg.Token, client, a.metrics)
	a.work, a.cancelWork = context.WithCancel(context.Background())
	a.stop, a.cancelStop = context.WithCancel(context.Background())
	// Down from the start: /healthz must not report the bot up while this adapter has
	// yet to run.
	a.health.Set(platform, false, "not started")
	return a, nil
}

// Name names the platform.
func (a *Adapter) Name() string { return platform }

// conn is a discordgo session with the signal of its lost connection.
type conn struct {
	s    *discordgo.Session
	lost chan struct{}
}

// Run connects to Discord and answers until ctx ends; then it closes the connection and
// lets the replies in flight finish, all within a few seconds. It returns nil after ctx
// ends, and an error when Discord refuses the bot for good: a bad token
// (ErrAuthentication), intents or API version it rejects. Lost connections are resumed,
// with a growing wait between failed attempts.
func (a *Adapter) Run(ctx context.Context) error {
	defer a.cancelWork()
	a.health.Set(platform, false, "connecting")
	want := discordgo.Intent(intents)
	var c conn
	failures, opened := 0, 0
	for {
		if c.s == nil {
			c = a.newSession(want)
		}
		a.cur.Store(c.s)
		err := a.open(ctx, c.s)
		switch {
		case err == nil:
			failures = 0
			if opened++; opened > 1 {
				a.metrics.Reconnect(platform)
			}
			a.connected(c.s)
		case errors.Is(err, discordgo.ErrWSAlreadyOpen):
			// A second signal of one loss, already resumed: discordgo's reader and its
			// heartbeat may each close the session and report it.
		default:
			if stop, err := a.failed(ctx, err, &want, &c); stop {
				return err
			}
			failures++
			wait := min(time.Second<<min(failures-1, 10), maxBackoff)
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				a.shutdown(nil, "stopped")
				return nil
			case <-t.C:
			}
			continue
		}
		select {
		case <-ctx.Done():
			a.shutdown(c.s, "stopped")
			return nil
		case <-c.lost:
		}
	}
}

// failed handles a failure to connect: it reports true, with the error for Run to return,
// when no retry can cure it; else it logs it and prepares the next attempt (a new session
// when the old one cannot be used, fewer intents when Discord refused one).
func (a *Adapter) failed(ctx context.Context, err error, want *discordgo.Intent, c *conn) (bool, error) {
	if ctx.Err() != nil {
		a.shutdown(nil, "stopped")
		return true, nil
	}
	code := closeCode(err)
	switch {
	case code == 4004:
		a.shutdown(nil, "the bot token was rejected")
		return true, fmt.Errorf("%w (gateway close code 4004): reset the token in the developer portal (Bot → Reset Token) and set it again", ErrAuthentication)
	case code == 4014 && *want&discordgo.IntentsMessageContent != 0:
		a.log.Warn("Discord refused the Message Content intent (close code 4014): turn on Bot → Privileged Gateway Intents → Message Content Intent in the developer portal. Until then the bot answers only direct messages, mentions and slash commands")
		*want &^= discordgo.IntentsMessageContent
		*c = conn{}
		return false, nil
	case fatalCodes[code] != "":
		a.shutdown(nil, fatalCodes[code])
		return true, fmt.Errorf("discord closed the gateway with code %d: %s", code, fatalCodes[code])
	case errors.Is(err, errOpenTimeout):
		a.log.Warn("the Discord gateway did not get ready in time: starting a new session", "timeout", a.openTimeout)
		a.cur.CompareAndSwap(c.s, nil)
		*c = conn{}
	default:
		a.log.Warn("connecting to the Discord gateway failed: retrying", "err", redact(err))
	}
	a.health.Set(platform, false, "connecting failed: retrying")
	return false, nil
}

// fatalCodes are the gateway close codes that no reconnect can cure, with what to do.
var fatalCodes = map[int]string{
	4010: "invalid shard",
	4011: "the bot is in too many servers for one connection (sharding required)",
	4012: "invalid API version",
	4013: "invalid intents",
	4014: "disallowed intents: turn on the Message Content intent in the developer portal",
}

func closeCode(err error) int {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		return ce.Code
	}
	return 0
}

// newSession makes a discordgo session that never reconnects by itself: Run does, so that it
// can stop on a bad token, time out a stuck open and stop for good on shutdown. (A library
// reconnect could otherwise revive a session after Close.)
func (a *Adapter) newSession(want discordgo.Intent) conn {
	s, _ := discordgo.New("Bot " + a.cfg.Token) // New never fails
	s.Client = a.client
	s.Dialer = &websocket.Dialer{Proxy: http.ProxyFromEnvironment, HandshakeTimeout: 10 * time.Second}
	s.ShouldReconnectOnError = false
	s.ShouldRetryOnRateLimit = false
	s.StateEnabled = false
	s.SyncEvents = true // handlers only decide and hand work to goroutines; see spawn
	s.Compress = false
	s.LogLevel = -1 // the library logs with package log, and at debug level the token
	s.Identify.Intents = want
	c := conn{s: s, lost: make(chan struct{}, 1)}
	s.AddHandler(a.onMessage)
	s.AddHandler(a.onInteraction)
	s.AddHandler(func(s *discordgo.Session, r *discordgo.Ready) {
		if a.cur.Load() == s && r.User != nil {
			a.up.Store(true)
			a.health.Set(platform, true, "connected as "+r.User.Username)
		}
	})
	s.AddHandler(func(s *discordgo.Session, _ *discordgo.Resumed) {
		if a.cur.Load() == s {
			a.up.Store(true)
			a.health.Set(platform, true, "resumed")
		}
	})
	s.AddHandler(func(s *discordgo.Session, _ *discordgo.Disconnect) {
		// discordgo's reader and heartbeat may both report one loss: it is logged once.
		if a.cur.Load() == s && a.up.Swap(false) {
			a.health.Set(platform, false, "gateway connection lost: resuming")
			a.log.Warn("lost the Discord gateway connection: resuming")
		}
		select {
		case c.lost <- struct{}{}:
		default:
		}
	})
	return c
}

var errOpenTimeout = errors.New("gateway open timed out")

// open connects s under a timeout: discordgo's Open blocks forever when the gateway sends op
// 7 (reconnect) instead of READY, as it tries to close the session whose lock it holds. A
// session that timed out is abandoned, and closed should it ever finish opening.
func (a *Adapter) open(ctx context.Context, s *discordgo.Session) error {
	done := make(chan error, 1)
	go func() { done <- s.Open() }()
	t := time.NewTimer(a.openTimeout)
	defer t.Stop()
	var err error
	select {
	case err := <-done:
		return err
	case <-t.C:
		err = errOpenTimeout
	case <-ctx.Done():
		err = ctx.Err()
	}
	go func() {
		if <-done == nil {
			s.Close()
		}
	}()
	return err
}

// connected logs the bot's name and, the first time, registers the slash commands.
func (a *Adapter) connected(s *discordgo.Session) {
	user, appID := self(s)
	if user == nil {
		return
	}
	a.log.Info("connected to Discord", "bot", user.Username, "id", user.ID)
	if !a.registering.CompareAndSwap(false, true) || !a.track() {
		return
	}
	go func() {
		defer a.inflight.Done()
		defer a.recover("registering commands")
		a.register(a.stop, appID)
	}()
}

// self returns the bot's user and application ID as READY gave them.
func self(s *discordgo.Session) (*discordgo.User, string) {
	s.State.RLock()
	defer s.State.RUnlock()
	u := s.State.User
	if u == nil {
		return nil, ""
	}
	appID := u.ID
	if app := s.State.Application; app != nil && app.ID != "" {
		appID = app.ID
	}
	return u, appID
}

// shutdown stops taking events, closes the gateway connection (when s is not nil) and lets
// the replies in flight finish, all by one deadline: replies still running then are
// cancelled. The session was made with ShouldReconnectOnError false, so no heartbeat
// revives it after Close.
func (a *Adapter) shutdown(s *discordgo.Session, why string) {
	deadline, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	a.cur.Store(nil)
	a.mu.Lock()
	a.closing = true
	a.mu.Unlock()
	a.cancelStop()
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		if s == nil {
			return
		}
		if err := s.Close(); err != nil {
			a.log.Warn("closing the Discord gateway connection", "err", err)
		}
	}()
	drained := make(chan struct{})
	go func() {
		a.inflight.Wait()
		close(drained)
	}()
	select {
	case <-drained:
	case <-deadline.Done():
		a.log.Warn("replies still in flight at the shutdown deadline were cut short")
		a.cancelWork()
		select {
		case <-drained:
		case <-time.After(cutShortGrace):
		}
	}
	select {
	case <-closed:
	case <-deadline.Done():
		a.log.Warn("the Discord gateway connection did not close in time")
	}
	a.health.Set(platform, false, why)
	if s != nil {
		a.log.Info("disconnected from Discord")
	}
}

// track counts one more piece of work in flight, unless the adapter is closing.
func (a *Adapter) track() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closing {
		return false
	}
	a.inflight.Add(1)
	return true
}

// spawn runs f in its own goroutine, recovering from a panic, unless the adapter is
// closing. When the replies in flight are at their cap it waits for one to finish: the
// gateway's events wait meanwhile, which is what keeps a flood from using all memory.
func (a *Adapter) spawn(what string, f func(ctx context.Context)) {
	select {
	case a.slots <- struct{}{}:
	case <-a.stop.Done():
		return
	}
	if !a.track() {
		<-a.slots
		return
	}
	go func() {
		defer a.inflight.Done()
		defer func() { <-a.slots }()
		defer a.recover(what)
		f(a.work)
	}()
}

// recover logs a panic in one event's handling so that it never stops the others.
func (a *Adapter) recover(what string) {
	if p := recover(); p != nil {
		a.log.Error("a Discord event handler panicked", "in", what, "panic", p)
	}
}
