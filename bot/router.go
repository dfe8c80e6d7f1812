package bot

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/azchina/azchina/bot/i18n"
	"github.com/azchina/azchina/knowledge"
)

// Knowledge is what the router needs of the knowledge engine.
type Knowledge interface {
	Answer(ctx context.Context, question string) (knowledge.Answer, error)
	AnswerFact(f knowledge.Fact) knowledge.Answer
	Topics() []knowledge.Topic
	Articles() []knowledge.Article
	Facts() []knowledge.Fact
}

var _ Knowledge = (*knowledge.Engine)(nil)

// Defaults for a Router.
const (
	DefaultMaxQuestion = 1000             // characters
	DefaultLimit       = 5                // questions …
	DefaultLimitPer    = 30 * time.Second // … per this span, in bursts of up to DefaultLimit
)

// Router turns platform-neutral messages into replies: it parses commands, decides whether
// a message in a group is for the bot, applies the per-user rate limit and asks the
// knowledge engine. It is safe for concurrent use.
type Router struct {
	know        Knowledge
	limiter     *Limiter
	maxQuestion int
	now         Clock
	log         *slog.Logger
	mu          sync.Mutex // guards rng
	rng         *rand.Rand
}

// Option configures a Router.
type Option func(*Router)

// WithLimit allows each user n questions in any span of per (bursts of up to n).
func WithLimit(n int, per time.Duration) Option {
	return func(r *Router) { r.limiter = NewLimiter(n, per, r.now) }
}

// WithClock sets the clock rate limits use. Give it before WithLimit.
func WithClock(now Clock) Option { return func(r *Router) { r.now = now } }

// WithMaxQuestion sets the longest question, in characters.
func WithMaxQuestion(n int) Option { return func(r *Router) { r.maxQuestion = n } }

// WithSeed makes /fact's random choice repeatable.
func WithSeed(seed uint64) Option {
	return func(r *Router) { r.rng = rand.New(rand.NewPCG(seed, seed)) }
}

// WithLogger sets the logger for failures.
func WithLogger(l *slog.Logger) Option { return func(r *Router) { r.log = l } }

// NewRouter returns a Router answering from k.
func NewRouter(k Knowledge, opts ...Option) *Router {
	r := &Router{know: k, maxQuestion: DefaultMaxQuestion, now: time.Now, log: slog.Default(),
		rng: rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))}
	for _, o := range opts {
		o(r)
	}
	if r.limiter == nil {
		r.limiter = NewLimiter(DefaultLimit, DefaultLimitPer, r.now)
	}
	return r
}

// Handle returns the reply to a message, or false when the bot should stay silent: chatter
// in a group, a command for another bot, a channel post, a user over the rate limit who
// was already told.
func (r *Router) Handle(ctx context.Context, m Message) (Reply, bool) {
	if m.ChatKind == Channel {
		return Reply{}, false
	}
	cmd, isCmd := ParseCommand(m.Text)
	if isCmd && cmd.For != "" && !strings.EqualFold(cmd.For, m.BotName) {
		return Reply{}, false
	}
	if m.ChatKind == Group && !isCmd && !m.Mentioned && !m.ReplyToBot {
		return Reply{}, false
	}
	key := string(m.Platform) + ":" + m.UserID
	switch r.limiter.Take(key) {
	case Dropped:
		return Reply{}, false
	case Limited:
		wait := max(r.limiter.Wait(key).Round(time.Second), time.Second)
		return r.say(m, i18n.TooFast, wait, int(wait/time.Second)), true
	}
	if !isCmd {
		return r.question(ctx, m, m.Text), true
	}
	switch cmd.Name {
	case "start", "help":
		return r.say(m, i18n.Help), true
	case "ask":
		return r.question(ctx, m, cmd.Args), true
	case "topics":
		return r.topics(m), true
	case "sources":
		return r.sources(m), true
	case "fact":
		return r.fact(m), true
	}
	if m.ChatKind == Group && cmd.For == "" {
		return Reply{}, false // another bot's command, most likely
	}
	return r.say(m, i18n.UnknownCommand, truncateRunes(cmd.Name, 32)), true
}

func (r *Router) notice(m Message, text string) Reply {
	return Reply{Kind: NoticeReply, Text: text, ReplyTo: m.MessageID}
}

// say returns the fixed reply k as a notice in the sender's language.
func (r *Router) say(m Message, k i18n.Key, args ...any) Reply {
	return r.notice(m, i18n.Text(i18n.Parse(m.Locale), k, args...))
}

// question answers text with the engine.
func (r *Router) question(ctx context.Context, m Message, text string) Reply {
	text = strings.TrimSpace(text)
	if text == "" {
		return r.say(m, i18n.EmptyAsk)
	}
	if n := utf8.RuneCountInString(text); n > r.maxQuestion {
		return r.say(m, i18n.TooLong, n, r.maxQuestion)
	}
	a, err := r.know.Answer(ctx, text)
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			r.log.Error("answer failed", "platform", m.Platform, "err", err)
		}
		return r.say(m, i18n.Failed)
	}
	if !a.Answered {
		// The refusal is in the question's language, which the engine names when it is not
		// English.
		hint := i18n.Text(i18n.Parse(a.Language), i18n.TryTopics)
		return Reply{Kind: RefusalReply, Text: a.Text + " " + hint, Answer: &a, ReplyTo: m.MessageID}
	}
	return Reply{Kind: AnswerReply, Answer: &a, ReplyTo: m.MessageID}
}

func (r *Router) topics(m Message) Reply {
	lang := i18n.Parse(m.Locale)
	var items []string
	for _, t := range r.know.Topics() {
		item := i18n.Text(lang, i18n.TopicItem, t.Name, t.Facts)
		if len(t.Examples) > 0 {
			item += i18n.Text(lang, i18n.TopicExample, t.Examples[0])
		}
		items = append(items, item)
	}
	return Reply{Kind: ListReply, Title: i18n.Text(lang, i18n.TopicsTitle), Items: items, ReplyTo: m.MessageID}
}

func (r *Router) sources(m Message) Reply {
	var items []string
	for _, a := range r.know.Articles() {
		items = append(items, ArticleLine(a))
	}
	return Reply{Kind: ListReply, Title: i18n.Text(i18n.Parse(m.Locale), i18n.SourcesTitle), Items: items, ReplyTo: m.MessageID}
}

func (r *Router) fact(m Message) Reply {
	facts := r.know.Facts()
	if len(facts) == 0 {
		return r.say(m, i18n.NoFacts)
	}
	r.mu.Lock()
	f := facts[r.rng.IntN(len(facts))]
	r.mu.Unlock()
	a := r.know.AnswerFact(f)
	return Reply{Kind: AnswerReply, Title: i18n.Text(i18n.Parse(m.Locale), i18n.FactTitle), Answer: &a, ReplyTo: m.MessageID}
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
