package digest_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"maps"
	"path/filepath"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // the zones the tests name, on machines without a zone database

	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
	"github.com/azchina/azchina/bot/store"
	"github.com/azchina/azchina/knowledge/knowledgetest"
	"github.com/azchina/azchina/seeds"
)

var ctx = context.Background()

// clock is a clock tests move by hand; schedulers sharing one see the same time.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock(t time.Time) *clock { return &clock{now: t} }

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.now = t }

func (c *clock) Add(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.now = c.now.Add(d) }

// poster records the digests it is given. fail, when set, decides whether a send fails.
type poster struct {
	mu     sync.Mutex
	posted []digest.Digest
	calls  int
	fail   func(call int) error
	sent   chan digest.Digest // when not nil, every posted digest is also sent here
}

func (p *poster) PostDigest(ctx context.Context, d digest.Digest) error {
	p.mu.Lock()
	p.calls++
	call, fail, sent := p.calls, p.fail, p.sent
	p.mu.Unlock()
	if fail != nil {
		if err := fail(call); err != nil {
			return err
		}
	}
	p.mu.Lock()
	p.posted = append(p.posted, d)
	p.mu.Unlock()
	if sent != nil {
		sent <- d
	}
	return nil
}

func (p *poster) Calls() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.calls
}

func (p *poster) Posted() []digest.Digest {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]digest.Digest(nil), p.posted...)
}

// counter counts the digests posted, by platform.
type counter struct {
	mu     sync.Mutex
	posted map[string]int
}

func (c *counter) DigestPosted(platform string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.posted == nil {
		c.posted = map[string]int{}
	}
	c.posted[platform]++
}

func (c *counter) Posted() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.posted)
}

// blockingPoster stands for a platform that does not answer: it holds every send until
// its context ends, and tells started when it has one.
type blockingPoster struct{ started chan struct{} }

func (p blockingPoster) PostDigest(ctx context.Context, d digest.Digest) error {
	p.started <- struct{}{}
	<-ctx.Done()
	return ctx.Err()
}

// seedText is the text of a seed article.
func seedText(t *testing.T, name string) string {
	t.Helper()
	raw, err := seeds.FS.ReadFile(name)
	require.NoError(t, err)
	return string(raw)
}

// dbPath is a fresh database file in the test's temporary folder.
func dbPath(t *testing.T) string { return filepath.Join(t.TempDir(), "azchina.db") }

// openStore opens the SQLite file at path, as each process does.
func openStore(t *testing.T, path string) *store.DB {
	t.Helper()
	db, err := store.Open(ctx, path)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// newScheduler is one process: its own connection to the file at path, its poster and
// the shared clock.
func newScheduler(t *testing.T, path string, c *clock, p digest.Poster, opts ...digest.Option) *digest.Scheduler {
	t.Helper()
	opts = append([]digest.Option{digest.WithClock(c.Now), digest.WithLogger(quiet)}, opts...)
	return digest.New(openStore(t, path), knowledgetest.Seeds(t), p, opts...)
}

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

func day(t *testing.T, s string) digest.Day {
	t.Helper()
	d, err := digest.ParseDay(s)
	require.NoError(t, err)
	return d
}

var (
	tgChat  = digest.Channel{Platform: bot.Telegram, ChatID: "-1001"}
	dcChat  = digest.Channel{Platform: bot.Discord, ChatID: "555"}
	errDown = errors.New("502 Bad Gateway")
)

// moderator is a message from a moderator of tgChat.
func moderator(text string) bot.Message {
	return bot.Message{Platform: tgChat.Platform, ChatID: tgChat.ChatID, ChatKind: bot.Group, MessageID: "9",
		UserID: "7", UserName: "ann", Text: text, BotName: "azchina_bot",
		Moderator: func(context.Context) (bool, error) { return true, nil }}
}

// schedule sets a schedule through the command, as a moderator would.
func schedule(t *testing.T, s *digest.Scheduler, args string) {
	t.Helper()
	r, ok := s.Command(ctx, moderator("/digest "+args), args, true)
	require.True(t, ok)
	require.Contains(t, r.Text, "Scheduled", r.Text)
}

// keys returns the days and channels of digests, for comparing what was posted.
func keys(ds []digest.Digest) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Key())
	}
	return out
}
