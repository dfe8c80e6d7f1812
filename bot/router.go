package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strconv"
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
	Timeline() []knowledge.Event
	FollowUp(question, previous string) (string, bool)
}

var _ Knowledge = (*knowledge.Engine)(nil)

// Observer is told the outcome of every question ("answered", "refused", "rate_limited",
// "failed") and how long it took, and of every vote recorded ("up" or "down");
// *ops.Metrics is one. Implementations must be safe for concurrent use.
type Observer interface {
	Question(platform, outcome string, took time.Duration)
	Vote(platform, vote string)
}

type noObserver struct{}

func (noObserver) Question(string, string, time.Duration) {}
func (noObserver) Vote(string, string)                    {}

// Defaults for a Router.
const (
	DefaultMaxQuestion = 1000               // characters
	DefaultLimit       = 5                  // questions …
	DefaultLimitPer    = 30 * time.Second   // … per this span, in bursts of up to DefaultLimit
	GapsWindow         = 7 * 24 * time.Hour // how far back /gaps looks
)

// Router turns platform-neutral messages into replies: it parses commands, decides whether
// a message in a group is for the bot, applies the per-user rate limit (to every platform
// but the console, whose one user is the person at the terminal) and asks the knowledge
// engine. It is safe for concurrent use.
type Router struct {
	know        Knowledge
	limiter     *Limiter
	maxQuestion int
	now         Clock
	log         *slog.Logger
	mu          sync.Mutex // guards rng and last
	rng         *rand.Rand
	last        map[string]turn // per user and chat: the last question answered
	followFor   time.Duration
	observer    Observer
	commands    map[string]CommandHandler
	journal     Journal
}

// CommandHandler answers a command the router does not know itself, such as /digest.
// Handlers must be safe for concurrent use.
type CommandHandler interface {
	HandleCommand(ctx context.Context, m Message, cmd Command) (Reply, bool)
}

// turn is a question a user asked in a chat, kept to read a follow-up against.
type turn struct {
	question string
	at       time.Time
}

// Follow-ups: how long a question stays the context of the next, and how many are kept.
const (
	DefaultFollowUp = 5 * time.Minute
	maxTurns        = 10_000
)

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

// WithObserver reports every question's outcome and latency to o.
func WithObserver(o Observer) Option { return func(r *Router) { r.observer = o } }

// WithCommand has h answer /name (after the rate limit, like every command).
func WithCommand(name string, h CommandHandler) Option {
	return func(r *Router) {
		if r.commands == nil {
			r.commands = map[string]CommandHandler{}
		}
		r.commands[strings.ToLower(name)] = h
	}
}

// WithJournal keeps every question and the votes on answers in j, for /gaps.
func WithJournal(j Journal) Option { return func(r *Router) { r.journal = j } }

// WithLogger sets the logger for failures.
func WithLogger(l *slog.Logger) Option { return func(r *Router) { r.log = l } }

// NewRouter returns a Router answering from k.
func NewRouter(k Knowledge, opts ...Option) *Router {
	r := &Router{know: k, maxQuestion: DefaultMaxQuestion, now: time.Now, log: slog.Default(),
		rng: rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1)), last: map[string]turn{}, followFor: DefaultFollowUp,
		observer: noObserver{}}
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
	// A bare command the bot does not know, in a group, is most likely another bot's: it is
	// decided before the limit, so that it neither spends the user's questions nor draws a
	// "too fast" notice.
	if isCmd && m.ChatKind == Group && cmd.For == "" && !r.knows(cmd.Name) {
		return Reply{}, false
	}
	// The console's one user is the person at the terminal: there is no one to share with.
	if m.Platform != Console {
		key := string(m.Platform) + ":" + m.UserID
		switch r.limiter.Take(key) {
		case Dropped:
			r.observer.Question(string(m.Platform), "rate_limited", 0)
			return Reply{}, false
		case Limited:
			r.observer.Question(string(m.Platform), "rate_limited", 0)
			wait := max(r.limiter.Wait(key).Round(time.Second), time.Second)
			return r.say(m, i18n.TooFast, wait, int(wait/time.Second)), true
		}
	}
	if !isCmd {
		return r.question(ctx, m, m.Text), true
	}
	if b, ok := builtins[cmd.Name]; ok {
		return b(r, ctx, m, cmd), true
	}
	if h, ok := r.commands[cmd.Name]; ok {
		return h.HandleCommand(ctx, m, cmd)
	}
	return r.say(m, i18n.UnknownCommand, truncateRunes(cmd.Name, 32)), true
}

// knows reports whether name is a command the router answers, itself or through a
// CommandHandler.
func (r *Router) knows(name string) bool {
	_, builtin := builtins[name]
	_, handled := r.commands[name]
	return builtin || handled
}

// builtins are the commands the router answers itself, by name.
var builtins = map[string]func(r *Router, ctx context.Context, m Message, cmd Command) Reply{
	"start": func(r *Router, _ context.Context, m Message, _ Command) Reply { return r.say(m, i18n.Help) },
	"help":  func(r *Router, _ context.Context, m Message, _ Command) Reply { return r.say(m, i18n.Help) },
	"ask": func(r *Router, ctx context.Context, m Message, cmd Command) Reply {
		return r.question(ctx, m, cmd.Args)
	},
	"topics":   func(r *Router, _ context.Context, m Message, _ Command) Reply { return r.topics(m) },
	"sources":  func(r *Router, _ context.Context, m Message, _ Command) Reply { return r.sources(m) },
	"fact":     func(r *Router, _ context.Context, m Message, _ Command) Reply { return r.fact(m) },
	"timeline": func(r *Router, _ context.Context, m Message, _ Command) Reply { return r.timeline(m) },
	"gaps":     func(r *Router, ctx context.Context, m Message, _ Command) Reply { return r.gaps(ctx, m) },
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
	key := string(m.Platform) + ":" + m.ChatID + ":" + m.UserID
	if prev, ok := r.previous(key); ok {
		text, _ = r.know.FollowUp(text, prev)
	}
	start := r.now()
	a, err := r.answer(ctx, text)
	outcome := "answered"
	switch {
	case err != nil:
		outcome = "failed"
	case !a.Answered:
		outcome = "refused"
	}
	r.observer.Question(string(m.Platform), outcome, r.now().Sub(start))
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			r.log.Error("answer failed", "platform", m.Platform, "err", err)
		}
		return r.say(m, i18n.Failed)
	}
	if !a.Answered {
		r.record(ctx, m, text, a)
		// The refusal is in the question's language, which the engine names when it is not
		// English.
		hint := i18n.Text(i18n.Parse(a.Language), i18n.TryTopics)
		return Reply{Kind: RefusalReply, Text: a.Text + " " + hint, Answer: &a, ReplyTo: m.MessageID}
	}
	r.remember(key, text)
	return Reply{Kind: AnswerReply, Answer: &a, ReplyTo: m.MessageID, AnswerID: r.record(ctx, m, text, a)}
}

// answer asks the engine, and turns a panic in it into an error: one question that finds
// a fault in the engine gets the failure reply, and the bot goes on with the next.
func (r *Router) answer(ctx context.Context, text string) (a knowledge.Answer, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the engine panicked on a question: %v", p)
		}
	}()
	return r.know.Answer(ctx, text)
}

// record keeps an answered question in the journal and returns its ID for the vote
// buttons ("" without a journal, or when it failed: then there are no buttons).
func (r *Router) record(ctx context.Context, m Message, question string, a knowledge.Answer) string {
	if r.journal == nil {
		return ""
	}
	id, err := r.journal.Record(ctx, Asked{Platform: m.Platform, ChatID: m.ChatID, UserID: m.UserID,
		Question: question, Answered: a.Answered, Answer: a.Text, At: r.now()})
	if err != nil {
		r.log.Error("keep question", "err", err)
		return ""
	}
	return strconv.FormatInt(id, 10)
}

// Vote records a user's 👍 (up) or 👎 on an answer and returns the notice to show them.
func (r *Router) Vote(ctx context.Context, platform Platform, userID, answerID string, up bool) Reply {
	id, err := strconv.ParseInt(answerID, 10, 64)
	if r.journal == nil || err != nil {
		return Reply{Kind: NoticeReply, Text: "I could not record that vote."}
	}
	ok, err := r.journal.Vote(ctx, id, platform, userID, up, r.now())
	switch {
	case err != nil:
		r.log.Error("keep vote", "err", err)
		return Reply{Kind: NoticeReply, Text: "I could not record that vote. Please try again later."}
	case !ok:
		return Reply{Kind: NoticeReply, Text: "That answer is no longer open for votes."}
	case up:
		r.observer.Vote(string(platform), "up")
		return Reply{Kind: NoticeReply, Text: "Thanks! Glad it helped."}
	}
	r.observer.Vote(string(platform), "down")
	return Reply{Kind: NoticeReply, Text: "Thanks — noted. Moderators see answers voted down in /gaps."}
}

// gaps lists, for the moderators of a chat, the questions asked most and refused most
// there in the last week, and the answers voted down most.
func (r *Router) gaps(ctx context.Context, m Message) Reply {
	if !r.isModerator(ctx, m) {
		return r.notice(m, "Only moderators can see /gaps here.")
	}
	if r.journal == nil {
		return r.notice(m, "I keep no record of questions here.")
	}
	g, err := r.journal.Gaps(ctx, m.Platform, m.ChatID, r.now().Add(-GapsWindow), 10)
	if err != nil {
		r.log.Error("list gaps", "err", err)
		return r.notice(m, "I could not read the record of questions. Please try again later.")
	}
	var items []string
	for _, x := range g.Asked {
		items = append(items, fmt.Sprintf("Asked %d×: %s", x.Count, truncateRunes(x.Question, 200)))
	}
	for _, x := range g.Refused {
		items = append(items, fmt.Sprintf("Refused %d×: %s", x.Count, truncateRunes(x.Question, 200)))
	}
	for _, x := range g.VotedDown {
		items = append(items, fmt.Sprintf("Voted down %d×: %s → %s", x.Count, truncateRunes(x.Question, 150), truncateRunes(x.Answer, 150)))
	}
	if len(items) == 0 {
		return Reply{Kind: NoticeReply, Text: "No question asked twice, none refused and no answer voted down here in the last 7 days.",
			ReplyTo: m.MessageID, Private: true}
	}
	return Reply{Kind: ListReply, Title: "Gaps here in the last 7 days: questions asked most, refused, and answers voted down",
		Items: items, ReplyTo: m.MessageID, Private: true}
}

// isModerator asks the adapter whether the sender moderates the chat.
func (r *Router) isModerator(ctx context.Context, m Message) bool {
	if m.Moderator == nil {
		return false
	}
	ok, err := m.Moderator(ctx)
	if err != nil {
		r.log.Warn("moderator check failed", "platform", m.Platform, "err", err)
		return false
	}
	return ok
}

// previous returns the last question key asked, while it is recent enough to be followed
// up.
func (r *Router) previous(key string) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	t, ok := r.last[key]
	if !ok || r.now().Sub(t.at) > r.followFor {
		return "", false
	}
	return t.question, true
}

// remember keeps an answered question as the context of the next; the oldest turns go
// when too many are kept.
func (r *Router) remember(key, question string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	if len(r.last) >= maxTurns {
		for k, t := range r.last {
			if now.Sub(t.at) > r.followFor {
				delete(r.last, k)
			}
		}
		if len(r.last) >= maxTurns {
			r.last = map[string]turn{}
		}
	}
	r.last[key] = turn{question: question, at: now}
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

func (r *Router) timeline(m Message) Reply {
	var items []string
	for _, ev := range r.know.Timeline() {
		text := strings.TrimSuffix(ev.Answer.Text, " [1]")
		items = append(items, fmt.Sprintf("%s — %s (%s)", ev.When, text, CitationLine(ev.Answer.Citations[0])))
	}
	if len(items) == 0 {
		return r.notice(m, "The articles name no dates I could place.")
	}
	return Reply{Kind: ListReply, Title: "Timeline", Items: items, ReplyTo: m.MessageID}
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
