package digest_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
	"github.com/azchina/azchina/bot/store"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

func BenchmarkCompose(b *testing.B) {
	e := knowledgetest.Seeds(b)
	c := digest.NewComposer(e)
	d, _ := digest.ParseDay("2026-03-29")
	rot := digest.Rotation{Used: map[string]bool{}}
	for _, it := range c.Compose(tgChat, d, 10, digest.Rotation{}).Items {
		rot.Used[it.Fact] = true
	}
	b.ResetTimer()
	for b.Loop() {
		c.Compose(tgChat, d, digest.MaxCount, rot)
	}
}

// benchScheduler is a scheduler over a fresh file with schedules for n channels.
func benchScheduler(b *testing.B, n int, c *clock, p digest.Poster) *digest.Scheduler {
	b.Helper()
	e := knowledgetest.Seeds(b)
	db, err := store.Open(ctx, filepath.Join(b.TempDir(), "azchina.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	s := digest.New(db, e, p, digest.WithClock(c.Now), digest.WithLogger(quiet))
	for i := range n {
		m := bot.Message{Platform: bot.Telegram, ChatID: fmt.Sprint(-1000 - i)}
		if r, _ := s.Command(ctx, m, "schedule 09:00 Asia/Baku 3", true); r.Kind != bot.NoticeReply {
			b.Fatalf("schedule: %+v", r)
		}
	}
	return s
}

// BenchmarkTickIdle is a pass over 100 schedules with nothing due: the cost of polling.
func BenchmarkTickIdle(b *testing.B) {
	c := newClock(time.Date(2026, 3, 29, 3, 0, 0, 0, time.UTC))
	s := benchScheduler(b, 100, c, &poster{})
	c.Add(time.Hour)
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Tick(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPostDigest posts one channel's digest a day: claim, rotation, compose, send
// and mark sent, on a real file.
func BenchmarkPostDigest(b *testing.B) {
	start := time.Date(2026, 1, 1, 4, 0, 0, 0, time.UTC) // 08:00 in Baku
	c := newClock(start)
	p := &poster{}
	s := benchScheduler(b, 1, c, p)
	i := 0
	b.ResetTimer()
	for b.Loop() {
		i++
		c.Set(start.AddDate(0, 0, i).Add(time.Hour))
		if _, err := s.Tick(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if p.Calls() != i {
		b.Fatalf("posted %d digests in %d days", p.Calls(), i)
	}
}
