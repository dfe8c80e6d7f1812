package bot

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot/i18n"
	"github.com/azchina/azchina/knowledge"
	"github.com/azchina/azchina/knowledge/knowledgetest"
	"github.com/azchina/azchina/seeds"
)

// fakeClock is a clock tests move by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func private(text string) Message {
	return Message{Platform: Telegram, ChatID: "1", ChatKind: Private, MessageID: "7", UserID: "42", UserName: "ann", Text: text, BotName: "azchina_bot"}
}

func group(text string) Message {
	m := private(text)
	m.ChatKind, m.ChatID = Group, "-100"
	return m
}

func TestParseCommand(t *testing.T) {
	tests := []struct {
		name, text string
		want       Command
		ok         bool
	}{
		{"plain", "/ask When?", Command{Name: "ask", Args: "When?"}, true},
		{"addressed", "/ask@azchina_bot When?", Command{Name: "ask", Args: "When?", For: "azchina_bot"}, true},
		{"upper case", "/Topics", Command{Name: "topics"}, true},
		{"leading space", "  /help", Command{Name: "help"}, true},
		{"newline args", "/ask\nWhat?", Command{Name: "ask", Args: "What?"}, true},
		{"not a command", "what is /ask", Command{}, false},
		{"slash alone", "/", Command{}, false},
		{"path", "/etc/passwd", Command{}, false},
		{"too long", "/" + strings.Repeat("a", 40), Command{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseCommand(tt.text)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestRouterAnswersWhereItShould(t *testing.T) {
	r := NewRouter(knowledgetest.Seeds(t))
	ctx := context.Background()
	mentioned := group("How many documents were signed in 2019?")
	mentioned.Mentioned = true
	reply := group("How many documents were signed in 2019?")
	reply.ReplyToBot = true
	tests := []struct {
		name string
		m    Message
		want ReplyKind
		ok   bool
	}{
		{"private question", private("How many documents were signed in 2019?"), AnswerReply, true},
		{"private refusal", private("What is the capital of France?"), RefusalReply, true},
		{"group chatter", group("lunch anyone?"), 0, false},
		{"group question without mention", group("How many documents were signed in 2019?"), 0, false},
		{"group mention", mentioned, AnswerReply, true},
		{"group reply to the bot", reply, AnswerReply, true},
		{"group command", group("/ask How many documents were signed in 2019?"), AnswerReply, true},
		{"group command for us", group("/ask@azchina_bot How many documents were signed in 2019?"), AnswerReply, true},
		{"group command for another bot", group("/ask@other_bot How many documents were signed in 2019?"), 0, false},
		{"group unknown command", group("/weather"), 0, false},
		{"private unknown command", private("/weather"), NoticeReply, true},
		{"channel post", Message{Platform: Telegram, ChatKind: Channel, Text: "/help"}, 0, false},
		{"help", private("/help"), NoticeReply, true},
		{"start", private("/start"), NoticeReply, true},
		{"topics", private("/topics"), ListReply, true},
		{"sources", private("/sources"), ListReply, true},
		{"fact", private("/fact"), AnswerReply, true},
		{"empty ask", private("/ask"), NoticeReply, true},
		{"too long", private(strings.Repeat("visa ", 300)), NoticeReply, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.m.UserID = tt.name // a user each, so that the rate limit stays out of the way
			got, ok := r.Handle(ctx, tt.m)
			require.Equal(t, tt.ok, ok, "%+v", got)
			if ok {
				assert.Equal(t, tt.want, got.Kind, "%+v", got)
				assert.Equal(t, tt.m.MessageID, got.ReplyTo, "replies thread to the question")
			}
		})
	}
}

func TestRateLimitTellsOnce(t *testing.T) {
	clock := &fakeClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	r := NewRouter(knowledgetest.Seeds(t), WithClock(clock.Now), WithLimit(5, 30*time.Second))
	ctx := context.Background()
	for i := 0; i < 5; i++ {
		_, ok := r.Handle(ctx, private("visa"))
		require.True(t, ok, "message %d is within the burst", i)
	}
	got, ok := r.Handle(ctx, private("visa"))
	require.True(t, ok)
	assert.Equal(t, NoticeReply, got.Kind)
	assert.Contains(t, got.Text, "wait")
	for i := 0; i < 3; i++ {
		_, ok := r.Handle(ctx, private("visa"))
		assert.False(t, ok, "one notice, not one per dropped message")
	}
	other := private("visa")
	other.UserID = "someone else"
	_, ok = r.Handle(ctx, other)
	assert.True(t, ok, "the limit is per user")
	clock.Add(6 * time.Second)
	got, ok = r.Handle(ctx, private("visa"))
	require.True(t, ok, "a token comes back every 6 s")
	assert.NotEqual(t, NoticeReply, got.Kind)
}

// The console's one user is never limited; the same router still limits chat platforms.
func TestConsoleIsNotLimited(t *testing.T) {
	clock := &fakeClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	r := NewRouter(knowledgetest.Seeds(t), WithClock(clock.Now), WithLimit(2, time.Hour))
	ctx := context.Background()
	for i := 0; i < 10; i++ {
		m := private("/help")
		m.Platform = Console
		got, ok := r.Handle(ctx, m)
		require.True(t, ok, "message %d", i)
		require.NotContains(t, got.Text, "faster", "message %d", i)
	}
	for i := 0; i < 2; i++ {
		_, ok := r.Handle(ctx, private("/help"))
		require.True(t, ok)
	}
	got, _ := r.Handle(ctx, private("/help"))
	assert.Contains(t, got.Text, "faster", "Telegram is limited")
}

// Another bot's command in a group spends none of the user's questions: six "/weather"
// draw no reply at all, not even a "too fast" notice, and a question after them is
// answered.
func TestOtherBotsCommandsSpendNoLimit(t *testing.T) {
	clock := &fakeClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	r := NewRouter(knowledgetest.Seeds(t), WithClock(clock.Now), WithLimit(5, 30*time.Second))
	ctx := context.Background()
	for i := 0; i < 6; i++ {
		got, ok := r.Handle(ctx, group("/weather"))
		require.False(t, ok, "message %d: %+v", i, got)
	}
	got, ok := r.Handle(ctx, group("/ask How many documents were signed in 2019?"))
	require.True(t, ok)
	assert.Equal(t, AnswerReply, got.Kind, "%+v", got)
}

func TestFactIsCited(t *testing.T) {
	r := NewRouter(knowledgetest.Seeds(t), WithSeed(1))
	got, ok := r.Handle(context.Background(), private("/fact"))
	require.True(t, ok)
	require.NotNil(t, got.Answer)
	require.Len(t, got.Answer.Citations, 1)
	raw, err := seeds.FS.ReadFile(got.Answer.Citations[0].Source)
	require.NoError(t, err)
	assert.Contains(t, string(raw), got.Answer.Citations[0].Quote)
}

func TestPlainText(t *testing.T) {
	r := NewRouter(knowledgetest.Seeds(t))
	got, _ := r.Handle(context.Background(), private("How many documents were signed in 2019?"))
	text := PlainText(got)
	assert.Contains(t, text, "ten documents")
	assert.Contains(t, text, "[1] Trend, 2025-04-28, 004_5522fbf094e0c90f.txt ¶5")
}

func TestFollowUpScripts(t *testing.T) {
	clock := &fakeClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	r := NewRouter(knowledgetest.Seeds(t), WithClock(clock.Now), WithLimit(100, time.Minute))
	ctx := context.Background()
	say := func(m Message) string {
		t.Helper()
		got, ok := r.Handle(ctx, m)
		require.True(t, ok)
		return PlainText(got)
	}
	// One user asks about the visa agreement, then follows up.
	assert.Contains(t, say(private("What is the Mutual Visa Exemption agreement about?")), "ordinary passport")
	assert.Contains(t, say(private("Who signed it?")), "Bayramov")
	assert.Contains(t, say(private("And where?")), "Beijing")
	// Another user in the same chat has no context of their own.
	other := private("And where?")
	other.UserID = "43"
	assert.Contains(t, say(other), "do not say")
	// The context expires.
	clock.Add(10 * time.Minute)
	assert.Contains(t, say(private("And where?")), "do not say")
}

func TestTimelineCommand(t *testing.T) {
	got, ok := NewRouter(knowledgetest.Seeds(t)).Handle(context.Background(), private("/timeline"))
	require.True(t, ok)
	assert.Equal(t, ListReply, got.Kind)
	require.NotEmpty(t, got.Items)
	assert.True(t, strings.HasPrefix(got.Items[0], "1991"), got.Items[0])
	assert.Contains(t, strings.Join(got.Items, "\n"), "2027")
}

// countingObserver records outcomes.
type countingObserver struct {
	mu       sync.Mutex
	outcomes map[string]int
}

func (c *countingObserver) Question(platform, outcome string, took time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.outcomes[platform+"/"+outcome]++
}

func (c *countingObserver) Vote(platform, vote string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.outcomes[platform+"/vote/"+vote]++
}

func TestObserverCountsOutcomes(t *testing.T) {
	obs := &countingObserver{outcomes: map[string]int{}}
	r := NewRouter(knowledgetest.Seeds(t), WithObserver(obs), WithLimit(2, time.Hour))
	ctx := context.Background()
	r.Handle(ctx, private("How many documents were signed in 2019?"))
	r.Handle(ctx, private("What is the capital of France?"))
	r.Handle(ctx, private("visa"))
	assert.Equal(t, map[string]int{"telegram/answered": 1, "telegram/refused": 1, "telegram/rate_limited": 1}, obs.outcomes)
}

// FuzzParseCommand: any text either is no command or parses into a name of at most 32
// letters, digits, "_" or "-", in lower case, the bot it is addressed to and trimmed
// arguments, all taken from the text as written.
func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{"/ask q", "/ask@bot q", "/", "//", "/é", "/ask\x00", "/" + strings.Repeat("a", 33), "text /ask", "/ask@",
		"  /Digest schedule 09:00 Asia/Baku 3", "/digest@azchina_bot\tstatus", "/ask\u00a0what?", "/ASK@Bot@x y", "/\xff", "/gaps\n\nmore", "/İ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := ParseCommand(s)
		if !ok {
			require.Equal(t, Command{}, c)
			return
		}
		require.NotEmpty(t, c.Name)
		require.Equal(t, strings.ToLower(c.Name), c.Name)
		require.LessOrEqual(t, utf8.RuneCountInString(c.Name), 32)
		for _, r := range c.Name {
			require.True(t, r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r), "%q in the name", r)
		}
		require.NotContains(t, c.For, " ")
		require.Equal(t, strings.TrimSpace(c.Args), c.Args)
		require.True(t, strings.HasSuffix(strings.TrimRightFunc(s, unicode.IsSpace), c.Args), "the arguments as written")
		require.True(t, strings.HasPrefix(strings.TrimLeftFunc(s, unicode.IsSpace), "/"))
	})
}

func FuzzRouter(f *testing.F) {
	for _, s := range []string{"/ask", "/help", "<b>x</b>", "@everyone", "\xff", "/fact@azchina_bot", "and who?"} {
		f.Add(s, true, false)
	}
	e := knowledgetest.Seeds(f)
	r := NewRouter(e, WithLimit(1000, time.Second))
	f.Fuzz(func(t *testing.T, text string, isGroup, mentioned bool) {
		m := private(text)
		if isGroup {
			m = group(text)
		}
		m.Mentioned = mentioned
		got, ok := r.Handle(context.Background(), m)
		if !ok {
			return
		}
		require.NotEmpty(t, PlainText(got))
		if got.Kind == AnswerReply {
			require.NotNil(t, got.Answer)
			require.NotEmpty(t, got.Answer.Citations)
		}
	})
}

// panickingKnowledge is the seeds' engine with an Answer that panics on one question: the
// real engine has no known question that makes it panic.
type panickingKnowledge struct{ *knowledge.Engine }

func (k panickingKnowledge) Answer(ctx context.Context, q string) (knowledge.Answer, error) {
	if q == "boom" {
		panic("a fault in the engine")
	}
	return k.Engine.Answer(ctx, q)
}

func TestRouterSurvivesAPanicInTheEngine(t *testing.T) {
	r := NewRouter(panickingKnowledge{knowledgetest.Seeds(t)})
	ctx := context.Background()
	got, ok := r.Handle(ctx, private("boom"))
	require.True(t, ok)
	assert.Equal(t, i18n.Text(i18n.English, i18n.Failed), got.Text, "the asker is told it failed")
	got, ok = r.Handle(ctx, private("How many documents were signed in 2019?"))
	require.True(t, ok)
	assert.Equal(t, AnswerReply, got.Kind, "the next question is answered")
}
