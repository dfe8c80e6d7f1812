package telegram

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/store"
	"github.com/azchina/azchina/bot/telegram/telegramtest"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

var benchQuestions = []string{
	"How many documents were signed in 2019?",
	"Do Azerbaijanis need a visa for China?",
	"What kind of partnership do Azerbaijan and China have?",
	"How much have Chinese companies invested in Azerbaijan?",
	"Where was the welcoming banquet held?",
	"What is the capital of Germany?",
	"/fact",
	"/help",
}

// BenchmarkAdapter10kUpdates sends 10,000 private questions from 1,000 chats through the
// adapter against the loopback Bot API: getUpdates in batches of 100, each batch kept in
// the SQLite inbox before it is confirmed, the real router and engine, one sendMessage
// each, each update marked done in the inbox. It reports updates answered a second and
// the 99th percentile from the update leaving getUpdates to its sendMessage arriving.
// Telegram's send pacing is lifted (it would cap any run at 30 a second) and the router's
// rate limit raised: this measures the adapter, not the limits.
func BenchmarkAdapter10kUpdates(b *testing.B) {
	const updates, chats = 10000, 1000
	router := bot.NewRouter(knowledgetest.Seeds(b), bot.WithLimit(1<<30, time.Second))
	var lat []time.Duration
	var total time.Duration
	for b.Loop() {
		b.StopTimer()
		f := telegramtest.NewServer(testToken)
		db, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "azchina.db"))
		if err != nil {
			b.Fatal(err)
		}
		byMsg := make(map[int]int64, updates)
		batch := make([]map[string]any, 0, updates)
		for i := range updates {
			id := int64(1 + i%chats)
			batch = append(batch, message(telegramtest.PrivateChat(id, "U"), telegramtest.User(id, "U", ""), benchQuestions[i%len(benchQuestions)]))
		}
		for i, id := range f.Push(batch...) {
			byMsg[msgID(batch[i])] = id
		}
		a, err := New(testToken, router, WithAPIURL(f.URL), WithSendRate(0, 0), WithInbox(db),
			WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
		if err != nil {
			b.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		b.StartTimer()
		start := time.Now()
		go func() { done <- a.Run(ctx) }()
		var last time.Time
		for range updates {
			m := next(b, f)
			lat = append(lat, m.At.Sub(f.HandedOut(byMsg[m.ReplyTo])))
			last = m.At
		}
		total += last.Sub(start)
		b.StopTimer()
		cancel()
		if err := <-done; err != nil {
			b.Fatal(err)
		}
		if n := len(f.Sent()); n != updates {
			b.Fatalf("%d messages sent for %d updates", n, updates)
		}
		f.Close()
		db.Close()
		b.StartTimer()
	}
	slices.Sort(lat)
	b.ReportMetric(float64(len(lat))/total.Seconds(), "updates/s")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
}
