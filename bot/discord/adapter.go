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

// Handler answers messages; *bot.Router is one.
type Handler interface {
	Handle(ctx context.Context, m bot.Message) (bot.Reply, bool)
}

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
}

// ErrAuthentication means Discord rejected the bot token (gateway close code 4004).
var ErrAuthentication = errors.New("discord rejected the bot token")

// Defaults for an Adapter.
const (
	DefaultOpenTimeout  = 30 * time.Second
	DefaultAnswerWithin = 1500 * time.Millisecond
	// ackWindow is how long Discord waits for an interaction's first response, less a margin
	// for the network.
	ackWindow = 2500 * time.Millisecond
	// sendTimeout bounds sending one reply, its one retry after a 429 included.
	sendTimeout = 20 * time.Second
	// drainTimeout is how long a shutdown waits for replies in flight.
	drainTimeout = 2500 * time.Millisecond
	maxBackoff   = 2 * time.Minute
)

// intents are the gateway events the adapter needs. Message Content is privileged: without
// it (and its switch in the developer portal) guild messages arrive with empty content.
const intents = discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages | discordgo.IntentsMessageContent

// Adapter connects the router to Discord. Run it once.
type Adapter struct {
	cfg          Config
	h            Handler
	log          *slog.Logger
	client       *http.Client
	openTimeout  time.Duration
	answerWithin time.Duration

	// cur is the session whose events are answered; events of an abandoned session are not.
	cur        atomic.Pointer[discordgo.Session]
	registered atomic.Bool
	emptyWarn  sync.Once

	work       context.Context // replies in flight; outlives Run's ctx by drainTimeout
	cancelWork context.CancelFunc
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

// New returns an Adapter that answers Discord messages with h. It fails when cfg has no
// token or a bad API URL.
func New(cfg Config, h Handler, log *slog.Logger, opts ...Option) (*Adapter, error) {
	if cfg.Token == "" {
		return nil, errors.New("discord: no bot token")
	}
	client, err := httpClient(cfg.APIURL)
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	a := &Adapter{cfg: cfg, h: h, log: log, client: client,
		openTimeout: DefaultOpenTimeout, answerWithin: DefaultAnswerWithin}
	for _, o := range opts {
		o(a)
	}
	return a, nil
}

// Name names the platform.
func (a *Adapter) Name() string { return string(bot.Discord) }

// conn is a discordgo session with the signal of its lost connection.
type conn struct {
	s    *discordgo.Session
	lost chan struct{}
}

// Run connects to Discord and answers until ctx ends; then it closes the connection and
// waits briefly for replies in flight. It returns nil after ctx ends, and an error when
// Discord refuses the bot for good: a bad token (ErrAuthentication), intents or API version
// it rejects. Lost connections are resumed, with a growing wait between failed attempts.
func (a *Adapter) Run(ctx context.Context) error {
	a.work, a.cancelWork = context.WithCancel(context.WithoutCancel(ctx))
	defer a.cancelWork()
	want := discordgo.Intent(intents)
	var c conn
	failures := 0
	for {
		if c.s == nil {
			c = a.newSession(want)
		}
		a.cur.Store(c.s)
		err := a.open(ctx, c.s)
		if err == nil || errors.Is(err, discordgo.ErrWSAlreadyOpen) {
			failures = 0
			a.connected(c.s)
			select {
			case <-ctx.Done():
				return a.shutdown(c)
			case <-c.lost:
				a.log.Warn("lost the Discord gateway connection: resuming")
				continue
			}
		}
		if ctx.Err() != nil {
			a.drain()
			return nil
		}
		code := closeCode(err)
		switch {
		case code == 4004:
			a.drain()
			return fmt.Errorf("%w (gateway close code 4004): reset the token in the developer portal (Bot → Reset Token) and set it again", ErrAuthentication)
		case code == 4014 && want&discordgo.IntentsMessageContent != 0:
			a.log.Warn("Discord refused the Message Content intent (close code 4014): turn on Bot → Privileged Gateway Intents → Message Content Intent in the developer portal. Until then the bot answers only direct messages, mentions and slash commands")
			want &^= discordgo.IntentsMessageContent
			c = conn{}
			continue
		case fatalCodes[code] != "":
			a.drain()
			return fmt.Errorf("discord closed the gateway with code %d: %s", code, fatalCodes[code])
		case errors.Is(err, errOpenTimeout):
			a.log.Warn("the Discord gateway did not get ready in time: starting a new session", "timeout", a.openTimeout)
			a.cur.CompareAndSwap(c.s, nil)
			c = conn{}
		default:
			a.log.Warn("connecting to the Discord gateway failed: retrying", "err", err)
		}
		failures++
		wait := min(time.Second<<min(failures-1, 10), maxBackoff)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			a.drain()
			return nil
		case <-t.C:
		}
	}
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
	s.AddHandler(func(*discordgo.Session, *discordgo.Disconnect) {
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

// connected logs the bot's name and registers the slash commands once.
func (a *Adapter) connected(s *discordgo.Session) {
	user, appID := self(s)
	if user == nil {
		return
	}
	a.log.Info("connected to Discord", "bot", user.Username, "id", user.ID)
	if a.registered.Load() {
		return
	}
	a.spawn(func(ctx context.Context) {
		ctx, cancel := context.WithTimeout(ctx, sendTimeout)
		defer cancel()
		err := call(ctx, func(opts ...discordgo.RequestOption) error {
			_, err := s.ApplicationCommandBulkOverwrite(appID, a.cfg.Guild, commands(), opts...)
			return err
		})
		if err != nil {
			a.log.Error("registering the slash commands failed: they are retried on the next connection", "err", err)
			return
		}
		a.registered.Store(true)
		where := "globally (they may take up to an hour to appear)"
		if a.cfg.Guild != "" {
			where = "in server " + a.cfg.Guild
		}
		a.log.Info("registered the slash commands " + where)
	})
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

// shutdown closes the gateway connection and waits for the replies in flight. The session
// was made with ShouldReconnectOnError false, so no heartbeat revives it after Close.
func (a *Adapter) shutdown(c conn) error {
	a.cur.Store(nil)
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		if err := c.s.Close(); err != nil {
			a.log.Warn("closing the Discord gateway connection", "err", err)
		}
	}()
	a.drain()
	t := time.NewTimer(drainTimeout)
	defer t.Stop()
	select {
	case <-closed:
	case <-t.C:
		a.log.Warn("the Discord gateway connection did not close in time")
	}
	a.log.Info("disconnected from Discord")
	return nil
}

// drain stops new work and waits for the work in flight: for drainTimeout, then it cancels it.
func (a *Adapter) drain() {
	a.cur.Store(nil)
	a.mu.Lock()
	a.closing = true
	a.mu.Unlock()
	done := make(chan struct{})
	go func() {
		a.inflight.Wait()
		close(done)
	}()
	t := time.NewTimer(drainTimeout)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		a.cancelWork()
		<-done
	}
}

// spawn runs f in its own goroutine, recovering from a panic, unless the adapter is closing.
func (a *Adapter) spawn(f func(ctx context.Context)) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closing {
		return
	}
	a.inflight.Add(1)
	go func() {
		defer a.inflight.Done()
		defer a.recover("reply")
		f(a.work)
	}()
}

// recover logs a panic in one event's handling so that it never stops the others.
func (a *Adapter) recover(what string) {
	if p := recover(); p != nil {
		a.log.Error("a Discord event handler panicked", "in", what, "panic", p)
	}
}
