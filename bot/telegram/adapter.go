package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/azchina/azchina/bot"
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

// Limits of the adapter's own.
const (
	pollTimeout    = 50 * time.Second // how long one getUpdates waits for updates
	maxPending     = 1024             // updates waiting or being answered, in all chats
	maxChatPending = 32               // … in one chat; more are dropped
	rememberIDs    = 10000            // update IDs remembered to skip one delivered again
	maxSendTries   = 4                // a message sent again after at most 3 429s …
	maxRetryAfter  = time.Minute      // … each asking to wait no longer than this
	sendTimeout    = 30 * time.Second
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
	seen    *recent
	me      models.User

	// offset is the next update_id to ask getUpdates for; told is the offset Telegram was
	// last told of, in a getUpdates it answered. Only Run's goroutine uses them.
	offset, told int64

	// work is the context replies are answered and sent in: it outlives Run's context by
	// the shutdown grace, so that the replies in flight are finished.
	work    context.Context
	slots   chan struct{} // one per update waiting or being answered
	mu      sync.Mutex    // guards chats
	chats   map[int64]*chatQueue
	running sync.WaitGroup // chat workers
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
		pace: newPacer(DefaultPerChat, DefaultPerSecond), grace: 3 * time.Second,
		seen: newRecent(rememberIDs), slots: make(chan struct{}, maxPending), chats: map[int64]*chatQueue{}}
	for _, o := range opts {
		o(a)
	}
	if a.webhook != nil && a.webhook.Secret == "" {
		return nil, errors.New("webhook: set a secret token, or anyone who finds the URL can post updates")
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = 64
	transport.MaxConnsPerHost = 128
	a.client = &http.Client{Transport: transport}
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
	return a, nil
}

// Name names the platform.
func (a *Adapter) Name() string { return "telegram" }

// Run learns the bot's name (getMe), registers its commands and answers updates until ctx
// ends; then it stops taking updates, lets the replies in flight finish (for the shutdown
// grace at most) and returns nil. It returns an error when Telegram refuses the token or
// the webhook cannot be set up.
func (a *Adapter) Run(ctx context.Context) error {
	me, err := a.api.GetMe(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil // stopped while starting
		}
		return fmt.Errorf("telegram getMe: %s", a.redact(err))
	}
	a.me = *me
	a.log.Info("connected as @"+me.Username, "bot_id", me.ID, "api", a.apiURL)
	a.setCommands(ctx)

	work, stop := context.WithCancel(context.WithoutCancel(ctx))
	defer stop()
	a.work = work
	if a.webhook != nil {
		err = a.serveWebhook(ctx)
	} else {
		err = a.poll(ctx)
	}
	a.finish(stop)
	if a.webhook == nil && err == nil {
		a.confirm()
	}
	return err
}

// setCommands fills the command menu in private and group chats. A failure is logged:
// the commands work without the menu.
func (a *Adapter) setCommands(ctx context.Context) {
	cmds := make([]models.BotCommand, 0, len(bot.Commands))
	for _, c := range bot.Commands {
		cmds = append(cmds, models.BotCommand{Command: c.Name, Description: c.Description})
	}
	for _, scope := range []models.BotCommandScope{&models.BotCommandScopeAllPrivateChats{}, &models.BotCommandScopeAllGroupChats{}} {
		if _, err := a.api.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{Commands: cmds, Scope: scope}); err != nil {
			a.log.Warn("could not set the command menu", "err", a.redact(err))
		}
	}
}

// finish waits for the chat workers to answer what they hold, for the shutdown grace at
// most; then it cancels what is left.
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
	a.log.Warn("shutting down: replies still in flight were abandoned", "after", a.grace)
	stop()
	<-done
}

// dispatch hands an update to its chat's worker. Updates with no text message (edits,
// channel posts, stickers, photos, joins, member updates) and updates seen before are
// dropped here. It blocks while too many updates are pending, and reports false when ctx
// ends first: the update was not taken, and is not remembered as seen.
func (a *Adapter) dispatch(ctx context.Context, u *models.Update) bool {
	if u.Message == nil || u.Message.Text == "" {
		return true
	}
	if a.seen.has(u.ID) {
		a.log.Debug("update delivered again: skipped", "update_id", u.ID)
		return true
	}
	select {
	case a.slots <- struct{}{}:
	case <-ctx.Done():
		return false
	}
	if !a.seen.add(u.ID) { // the same update, delivered twice at once
		<-a.slots
		return true
	}
	chat := u.Message.Chat.ID
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
		return true
	}
	q.updates = append(q.updates, u)
	a.mu.Unlock()
	return true
}

// serveChat answers one chat's updates in order until its queue is empty.
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
		}
		<-a.slots
	}
}

// answer routes one update and sends the reply. A panic is recovered and logged, and the
// user told something went wrong: one bad update never stops the others.
func (a *Adapter) answer(ctx context.Context, u *models.Update) {
	m := u.Message
	defer func() {
		if p := recover(); p != nil {
			a.log.Error("update handler panicked", "update_id", u.ID, "chat", m.Chat.ID,
				"panic", a.redact(fmt.Errorf("%v", p)), "stack", string(debug.Stack()))
			a.sendReply(ctx, m, bot.Reply{Kind: bot.NoticeReply, Text: "Something went wrong with that message. Please try again, or ask another way."})
		}
	}()
	msg, ok := toMessage(m, a.me)
	if !ok {
		return
	}
	reply, ok := a.handler.Handle(ctx, msg)
	if !ok {
		return
	}
	a.sendReply(ctx, m, reply)
}

// sendReply sends reply in as many messages as it takes, each threaded to m.
func (a *Adapter) sendReply(ctx context.Context, m *models.Message, reply bot.Reply) {
	for _, text := range Render(reply) {
		if err := a.send(ctx, m.Chat.ID, m.ID, text); err != nil {
			a.log.Error("reply not sent", "chat", m.Chat.ID, "message_id", m.ID, "err", a.redact(err))
			return
		}
	}
}

// send sends one HTML message to chat as a reply to message replyTo, at Telegram's pace.
// When Telegram answers 429 it waits retry_after and sends again, a few times at most;
// only this chat waits.
func (a *Adapter) send(ctx context.Context, chat int64, replyTo int, text string) error {
	params := &tgbot.SendMessageParams{
		ChatID:             chat,
		Text:               text,
		ParseMode:          models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()},
		ReplyParameters:    &models.ReplyParameters{MessageID: replyTo, AllowSendingWithoutReply: true},
	}
	for try := 1; ; try++ {
		if err := a.pace.wait(ctx, chat); err != nil {
			return fmt.Errorf("send message: %w", err)
		}
		rctx, cancel := context.WithTimeout(ctx, sendTimeout)
		_, err := a.api.SendMessage(rctx, params)
		cancel()
		a.pace.sent(chat, time.Now())
		var tooMany *tgbot.TooManyRequestsError
		if !errors.As(err, &tooMany) {
			if err != nil {
				return fmt.Errorf("send message: %w", err)
			}
			return nil
		}
		wait := time.Duration(max(tooMany.RetryAfter, 1)) * time.Second
		if try >= maxSendTries || wait > maxRetryAfter {
			return fmt.Errorf("send message: gave up after %d tries: %w", try, err)
		}
		a.log.Warn("telegram asks to slow down", "chat", chat, "retry_after", wait)
		a.pace.hold(chat, time.Now().Add(wait))
	}
}

// redact removes the token from an error's text: the Bot API puts it in every URL.
func (a *Adapter) redact(err error) string {
	s := err.Error()
	if a.token != "" {
		s = strings.ReplaceAll(s, a.token, "<token>")
	}
	return s
}
