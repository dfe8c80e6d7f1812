package telegram

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/i18n"
)

// Handler answers messages; *bot.Router is one.
type Handler interface {
	Handle(ctx context.Context, m bot.Message) (bot.Reply, bool)
}

// DefaultAPIURL is Telegram's own Bot API server.
const DefaultAPIURL = "https://api.telegram.org"

// Webhook has Telegram post updates to the adapter instead of the adapter polling for
// them.
type Webhook struct {
	// Listen is the address the adapter's HTTP server listens on, e.g. ":8443".
	Listen string
	// URL is the public HTTPS URL Telegram posts to (a proxy in front forwards it to
	// Listen); the server answers on its path.
	URL string
	// Secret is what Telegram sends in X-Telegram-Bot-Api-Secret-Token; a request without
	// it gets 401.
	Secret string
	// Listener, when set, is used instead of listening on Listen (tests, socket activation).
	Listener net.Listener
}

// Option configures an Adapter.
type Option func(*Adapter)

// WithAPIURL sets the Bot API server's base URL, such as http://127.0.0.1:8081 for a
// self-hosted one (no trailing slash). The default is DefaultAPIURL.
func WithAPIURL(u string) Option { return func(a *Adapter) { a.apiURL = strings.TrimRight(u, "/") } }

// WithWebhook switches from long polling to a webhook.
func WithWebhook(w Webhook) Option { return func(a *Adapter) { a.webhook = &w } }

// WithLogger sets the logger.
func WithLogger(l *slog.Logger) Option { return func(a *Adapter) { a.log = l } }

// WithSendRate sets the gap between two messages to one chat and the messages a second
// to all chats together; zero lifts a limit. The defaults are Telegram's:
// DefaultPerChat and DefaultPerSecond.
func WithSendRate(perChat time.Duration, perSecond int) Option {
	return func(a *Adapter) { a.pace = newPacer(perChat, perSecond) }
}

// WithShutdownGrace sets how long Run lets the replies in flight finish once its context
// ends (default 3 s).
func WithShutdownGrace(d time.Duration) Option { return func(a *Adapter) { a.grace = d } }

// WithInbox keeps the updates taken and not yet answered in inbox, so that they are
// answered after a restart; by default they are kept in memory, and lost with the process.
func WithInbox(inbox Inbox) Option { return func(a *Adapter) { a.inbox = inbox } }

// WithMetrics counts send errors, retries, reconnects and digests posted in m.
func WithMetrics(m Metrics) Option { return func(a *Adapter) { a.metrics = m } }

// WithHealth reports the connection to Telegram to h: up once getMe answers, down while
// getUpdates or getMe fail, and after Run returns.
func WithHealth(h Health) Option { return func(a *Adapter) { a.health = h } }

// platform names the adapter in metrics and health.
const platform = string(bot.Telegram)

// Limits of the adapter's own.
const (
	pollTimeout     = 50 * time.Second       // how long one getUpdates waits for updates
	maxPending      = 1024                   // updates waiting or being answered, in all chats
	maxChatPending  = 32                     // … in one chat; more are dropped
	rememberIDs     = 10000                  // update IDs the memory inbox remembers
	maxSendTries    = 4                      // a message is sent at most this often …
	maxRetryAfter   = time.Minute            // … after 429s asking to wait no longer than this,
	serverErrorWait = 500 * time.Millisecond // … or server errors, doubling the wait each time
	sendTimeout     = 30 * time.Second
	callTimeout     = 10 * time.Second // getMe, setMyCommands, setWebhook and the other short calls
	inboxTimeout    = 10 * time.Second
	doneLinger      = 5 * time.Millisecond // how long the marks of answered updates gather
	maxConnectWait  = 30 * time.Second     // between two getMe calls while Telegram cannot be reached
)

// Adapter connects a Handler to a Telegram bot. Create it with New; Run it once.
type Adapter struct {
	api     *tgbot.Bot
	token   string
	apiURL  string
	handler Handler
	log     *slog.Logger
	client  *http.Client
	webhook *Webhook
	pace    *pacer
	grace   time.Duration
	inbox   Inbox
	// callTimeout bounds each call but getUpdates and sendMessage (callTimeout; shorter
	// in tests).
	callTimeout time.Duration
	metrics     Metrics
	health      Health
	me          models.User

	// offset is the next update_id to ask getUpdates for; told is the offset Telegram was
	// last told of, in a getUpdates it answered. Only Run's goroutine uses them.
	offset, told int64

	// work is the context replies are answered and sent in: it outlives Run's context by
	// the shutdown grace, so that the replies in flight are finished.
	work    context.Context
	done    *doneWriter
	slots   chan struct{} // one per update waiting or being answered
	mu      sync.Mutex    // guards chats
	chats   map[int64]*chatQueue
	running sync.WaitGroup // chat workers

	migMu    sync.Mutex // guards migrated
	migrated map[int64]int64
}

// chatQueue holds one chat's updates in order; one worker answers them.
type chatQueue struct {
	updates []*models.Update
}

// New returns an Adapter for the bot with token, answering with h. It makes no network
// call; Run does. The token is never logged.
func New(token string, h Handler, opts ...Option) (*Adapter, error) {
	if strings.TrimSpace(token) == "" {
		return nil, errors.New("no bot token: ask @BotFather for one")
	}
	a := &Adapter{token: token, apiURL: DefaultAPIURL, handler: h, log: slog.Default(),
		pace: newPacer(DefaultPerChat, DefaultPerSecond), grace: 3 * time.Second, callTimeout: callTimeout,
		metrics: noMetrics{}, health: noHealth{},
		slots: make(chan struct{}, maxPending), chats: map[int64]*chatQueue{}, migrated: map[int64]int64{}}
	for _, o := range opts {
		o(a)
	}
	if a.inbox == nil {
		a.inbox = newMemInbox()
	}
	a.inbox = &serialInbox{inbox: a.inbox}
	if a.webhook != nil && a.webhook.Secret == "" {
		return nil, errors.New("webhook: set a secret token, or anyone who finds the URL can post updates")
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = 64
	transport.MaxConnsPerHost = 128
	a.client = &http.Client{Transport: statusTransport{next: transport}}
	api, err := tgbot.New(token,
		tgbot.WithServerURL(a.apiURL),
		tgbot.WithSkipGetMe(),
		tgbot.WithHTTPClient(pollTimeout, a.client),
		tgbot.WithErrorsHandler(func(err error) { a.log.Warn("telegram client", "err", a.redact(err)) }),
	)
	if err != nil {
		return nil, fmt.Errorf("telegram client: %s", a.redact(err))
	}
	a.api = api
	// Down from the start: /healthz must not report the bot up while this adapter has
	// yet to run.
	a.health.Set(platform, false, "not started")
	return a, nil
}

// Name names the platform.
func (a *Adapter) Name() string { return platform }

// Run learns the bot's name (getMe, tried again while Telegram cannot be reached),
// registers its commands, answers the updates the inbox still holds from an earlier run,
// and then answers updates until ctx ends; then it stops taking updates, lets the replies
// in flight finish (for the shutdown grace at most) and returns nil. It returns an error
// when Telegram refuses the token or the webhook cannot be set up.
func (a *Adapter) Run(ctx context.Context) error {
	a.health.Set(platform, false, "connecting")
	defer a.health.Set(platform, false, "stopped")
	me, err := a.connect(ctx)
	if err != nil || ctx.Err() != nil {
		return err // nil when stopped while connecting
	}
	a.me = me
	a.log.Info("connected as @"+me.Username, "bot_id", me.ID, "api", a.apiURL)
	a.health.Set(platform, true, "connected as @"+me.Username)
	a.setCommands(ctx)

	work, stop := context.WithCancel(context.WithoutCancel(ctx))
	defer stop()
	a.work = work
	a.done = startDoneWriter(a.inbox, me.ID, func(err error) {
		a.log.Error("could not mark updates answered: they may be answered again after a restart", "err", err)
	})
	if a.resume(ctx) {
		if a.webhook != nil {
			err = a.serveWebhook(ctx)
		} else {
			err = a.poll(ctx)
		}
	}
	a.finish(stop)
	a.done.close()
	if a.webhook == nil && err == nil {
		a.confirm()
	}
	return err
}

// connect calls getMe until it answers, waiting longer each time it fails, and returns
// the bot's user. It fails at once when Telegram refuses the token; it returns no error
// when ctx ends first.
func (a *Adapter) connect(ctx context.Context) (models.User, error) {
	var wait time.Duration
	for {
		cctx, cancel := context.WithTimeout(ctx, a.callTimeout)
		me, err := a.api.GetMe(cctx)
		cancel()
		switch {
		case err == nil:
			return *me, nil
		case ctx.Err() != nil:
			return models.User{}, nil
		case errors.Is(err, tgbot.ErrorUnauthorized) || errors.Is(err, tgbot.ErrorNotFound):
			return models.User{}, fmt.Errorf("telegram getMe: %s: check the bot token (@BotFather shows it) and the Bot API URL", a.redact(err))
		}
		wait = min(max(2*wait, time.Second), maxConnectWait)
		a.log.Warn("cannot reach Telegram; trying again", "err", a.redact(err), "wait", wait)
		a.health.Set(platform, false, "getMe failing: "+a.redact(err))
		if sleepUntil(ctx, time.Now().Add(wait)) != nil {
			return models.User{}, nil
		}
	}
}

// setCommands fills the command menu in private and group chats: in English for everyone,
// and in each other language the bot speaks for users whose Telegram is set to it. The
// menu is a convenience (the commands work without it), so it gets one call's timeout in
// all and a failure is logged once.
func (a *Adapter) setCommands(ctx context.Context) {
	mctx, cancel := context.WithTimeout(ctx, a.callTimeout)
	defer cancel()
	scopes := []models.BotCommandScope{&models.BotCommandScopeAllPrivateChats{}, &models.BotCommandScopeAllGroupChats{}}
	failed, total := 0, 0
	var first error
	for _, lang := range i18n.Langs {
		code := string(lang)
		if lang == i18n.English {
			code = "" // the menu of every language without one of its own
		}
		menu := bot.CommandsIn(lang)
		cmds := make([]models.BotCommand, 0, len(menu))
		for _, c := range menu {
			cmds = append(cmds, models.BotCommand{Command: c.Name, Description: c.Description})
		}
		for _, scope := range scopes {
			total++
			if mctx.Err() != nil {
				failed++
				continue
			}
			if _, err := a.api.SetMyCommands(mctx, &tgbot.SetMyCommandsParams{Commands: cmds, Scope: scope, LanguageCode: code}); err != nil {
				failed++
				first = cmp.Or(first, err)
			}
		}
	}
	if failed > 0 && ctx.Err() == nil {
		a.log.Warn("could not set the command menu", "failed", fmt.Sprintf("%d of %d menus", failed, total), "err", a.redact(cmp.Or(first, mctx.Err())))
	}
}

// resume dispatches the updates the inbox holds from an earlier run. It reports false
// when ctx ended first.
func (a *Adapter) resume(ctx context.Context) bool {
	ictx, cancel := context.WithTimeout(ctx, inboxTimeout)
	pending, err := a.inbox.PendingUpdates(ictx, a.me.ID)
	cancel()
	if err != nil {
		a.log.Error("could not read the updates left unanswered by the last run", "err", err)
		return ctx.Err() == nil
	}
	if len(pending) == 0 {
		return true
	}
	ids := make([]int64, 0, len(pending))
	for id := range pending {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	a.log.Info("answering the updates left unanswered by the last run", "updates", len(ids))
	for _, id := range ids {
		u, err := decodeUpdate(pending[id])
		if err != nil {
			a.log.Warn("unreadable update skipped", "update_id", id, "err", err)
			a.done.mark(id)
			continue
		}
		if !a.dispatch(ctx, u) {
			return false
		}
	}
	return true
}

// finish waits for the chat workers to answer what they hold, for the shutdown grace at
// most; then it cancels what is left, which stays in the inbox.
func (a *Adapter) finish(stop context.CancelFunc) {
	done := make(chan struct{})
	go func() {
		a.running.Wait()
		close(done)
	}()
	timer := time.NewTimer(a.grace)
	defer timer.Stop()
	select {
	case <-done:
		return
	case <-timer.C:
	}
	a.log.Warn("shutting down: replies still in flight were abandoned; they are answered after a restart when the inbox is kept", "after", a.grace)
	stop()
	<-done
}

// needsAnswer reports whether an update asks for something: a text message, or a button
// pressed. Edits, channel posts, stickers, photos, joins and member updates do not.
func needsAnswer(u *models.Update) bool {
	return (u.Message != nil && u.Message.Text != "") || u.CallbackQuery != nil
}

// chatOf returns the chat an update belongs to: updates of one chat are answered in order.
func chatOf(u *models.Update) int64 {
	switch {
	case u.Message != nil:
		return u.Message.Chat.ID
	case u.CallbackQuery != nil && u.CallbackQuery.Message.Message != nil:
		return u.CallbackQuery.Message.Message.Chat.ID
	case u.CallbackQuery != nil && u.CallbackQuery.Message.InaccessibleMessage != nil:
		return u.CallbackQuery.Message.InaccessibleMessage.Chat.ID
	case u.CallbackQuery != nil:
		return u.CallbackQuery.From.ID
	}
	return 0
}

// noteMigration follows a group that has become a supergroup: Telegram says so in a
// service message in the old group and another in the new one.
func (a *Adapter) noteMigration(u *models.Update) {
	if m := u.Message; m != nil {
		switch {
		case m.MigrateToChatID != 0:
			a.migrate(m.Chat.ID, m.MigrateToChatID)
		case m.MigrateFromChatID != 0:
			a.migrate(m.MigrateFromChatID, m.Chat.ID)
		}
	}
}

// dispatch hands an update taken from the inbox to its chat's worker. It blocks while
// too many updates are pending, and reports false when ctx ends first: the update stays
// pending in the inbox. An update for a chat flooded with them is dropped.
func (a *Adapter) dispatch(ctx context.Context, u *models.Update) bool {
	if ctx.Err() != nil {
		return false
	}
	select {
	case a.slots <- struct{}{}:
	case <-ctx.Done():
		return false
	}
	chat := chatOf(u)
	a.mu.Lock()
	q := a.chats[chat]
	if q == nil {
		q = &chatQueue{}
		a.chats[chat] = q
		a.running.Add(1)
		go a.serveChat(chat, q)
	}
	if len(q.updates) >= maxChatPending {
		a.mu.Unlock()
		<-a.slots
		a.log.Warn("chat flooded: update dropped", "chat", chat, "update_id", u.ID)
		a.done.mark(u.ID)
		return true
	}
	q.updates = append(q.updates, u)
	a.mu.Unlock()
	return true
}

// serveChat answers one chat's updates in order until its queue is empty. An update
// answered is marked done; one abandoned at shutdown stays pending.
func (a *Adapter) serveChat(chat int64, q *chatQueue) {
	defer a.running.Done()
	for {
		a.mu.Lock()
		if len(q.updates) == 0 {
			delete(a.chats, chat)
			a.mu.Unlock()
			return
		}
		u := q.updates[0]
		q.updates[0] = nil
		q.updates = q.updates[1:]
		a.mu.Unlock()
		if a.work.Err() == nil {
			a.answer(a.work, u)
			if a.work.Err() == nil {
				a.done.mark(u.ID)
			}
		}
		<-a.slots
	}
}

// answer answers one update: a message through the handler, a button pressed as a vote.
// A panic is recovered and logged, and the user told something went wrong: one bad
// update never stops the others.
func (a *Adapter) answer(ctx context.Context, u *models.Update) {
	defer func() {
		if p := recover(); p != nil {
			a.log.Error("update handler panicked", "update_id", u.ID, "chat", chatOf(u),
				"panic", a.redact(fmt.Errorf("%v", p)), "stack", string(debug.Stack()))
			switch {
			case u.Message != nil:
				a.note(ctx, u.Message, somethingWrong)
			case u.CallbackQuery != nil:
				a.answerCallback(ctx, u.CallbackQuery, voteUnreadable)
			}
		}
	}()
	if q := u.CallbackQuery; q != nil {
		a.vote(ctx, q)
		return
	}
	m := u.Message
	msg, ok := toMessage(m, a.me)
	if !ok {
		return
	}
	msg.Moderator = a.moderator(m)
	reply, ok := a.handler.Handle(ctx, msg)
	if !ok {
		return
	}
	a.sendReply(ctx, m, reply)
}

// redact removes the token from an error's text: the Bot API puts it in every URL.
func (a *Adapter) redact(err error) string {
	s := err.Error()
	if a.token != "" {
		s = strings.ReplaceAll(s, a.token, "<token>")
	}
	return s
}
