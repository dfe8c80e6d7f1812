package loadtest_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/discord"
	"github.com/azchina/azchina/bot/discord/discordtest"
	"github.com/azchina/azchina/bot/logtest"
	"github.com/azchina/azchina/bot/ops"
	"github.com/azchina/azchina/bot/store"
	"github.com/azchina/azchina/bot/telegram"
	"github.com/azchina/azchina/bot/telegram/telegramtest"
	"github.com/azchina/azchina/knowledge"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

// The bots' tokens; the fakes accept only these.
const (
	telegramToken = "123456789:AAFakeLoadTestToken-0123456789abcdef"
	discordToken  = "load-test-discord-token"
)

// system is the bot as azchina serve wires it — one engine behind knowledge.Live, one
// router keeping its question journal in SQLite, the Telegram adapter keeping its updates
// in the same database, the Discord adapter, metrics and health — running against the
// loopback fakes of both platforms. Two limits are lifted, as they would only slow the
// load down to their own pace: the router's per-user rate limit and Telegram's send
// pacing (a message a second per chat, 30 a second in all).
type system struct {
	tg      *telegramtest.Server
	dc      *discordtest.Server
	db      *store.DB
	metrics *ops.Metrics
	health  *ops.Health
	logs    *logtest.Buffer
	cancel  context.CancelFunc
	ran     sync.WaitGroup
	errs    [2]error // what each adapter's Run returned
	stopped bool
}

// startSystem starts the fakes and the bot, and waits until both adapters are connected.
func startSystem(tb testing.TB) *system {
	tb.Helper()
	s := &system{
		tg:      telegramtest.NewServer(telegramToken),
		dc:      discordtest.NewServer(discordToken),
		metrics: ops.NewMetrics(),
		health:  ops.NewHealth(),
		logs:    &logtest.Buffer{},
	}
	log := slog.New(slog.NewTextHandler(s.logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	db, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "azchina.db"))
	if err != nil {
		s.closeFakes()
		tb.Fatal(err)
	}
	s.db = db
	router := bot.NewRouter(knowledge.NewLive(knowledgetest.Seeds(tb)),
		bot.WithLimit(1<<30, time.Second), // lifted: each user sends far faster than people do
		bot.WithObserver(s.metrics),
		bot.WithJournal(db),
		bot.WithLogger(log))
	tg, err := telegram.New(telegramToken, router,
		telegram.WithAPIURL(s.tg.URL),
		telegram.WithLogger(log.With("adapter", "telegram")),
		telegram.WithMetrics(s.metrics),
		telegram.WithHealth(s.health),
		telegram.WithInbox(db),
		telegram.WithSendRate(0, 0)) // lifted: Telegram's pacing would cap the load at 30 replies a second
	if err != nil {
		s.close()
		tb.Fatal(err)
	}
	dc, err := discord.New(discord.Config{Token: discordToken, APIURL: s.dc.URL}, router, log.With("adapter", "discord"),
		discord.WithMetrics(s.metrics), discord.WithHealth(s.health))
	if err != nil {
		s.close()
		tb.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	for i, a := range []interface{ Run(context.Context) error }{tg, dc} {
		s.ran.Add(1)
		go func() {
			defer s.ran.Done()
			s.errs[i] = a.Run(ctx)
		}()
	}
	// One snapshot: read twice, Telegram alone could be up in the first and Discord only
	// just registered (down) in the second.
	if err := waitFor(20*time.Second, func() bool { states, up := s.health.States(); return up && len(states) == 2 }); err != nil {
		s.stop(tb)
		s.close()
		tb.Fatalf("the adapters did not connect: %v; health: %v\n%s", err, s.states(), s.logs)
	}
	return s
}

func (s *system) states() map[string]ops.State {
	states, _ := s.health.States()
	return states
}

// stop ends the adapters as SIGTERM does and checks that both return, without error,
// within the 5 s the process has to exit.
func (s *system) stop(tb testing.TB) {
	tb.Helper()
	if s.stopped {
		return
	}
	s.stopped = true
	s.cancel()
	done := make(chan struct{})
	go func() {
		s.ran.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		tb.Fatalf("the adapters did not return within 5 s of shutdown\n%s", s.logs)
	}
	for i, err := range s.errs {
		if err != nil {
			tb.Errorf("adapter %d: Run returned %v", i, err)
		}
	}
}

// close closes the database and the fakes; stop the adapters first.
func (s *system) close() {
	if s.db != nil {
		s.db.Close()
	}
	s.closeFakes()
}

func (s *system) closeFakes() {
	s.tg.Close()
	s.dc.Close()
}

// metric returns the value of one series of the bot's /metrics, such as
// `azchina_send_retries_total{platform="telegram"}`, or 0 when it is absent.
func (s *system) metric(series string) float64 {
	rec := httptest.NewRecorder()
	ops.Handler(s.metrics, s.health).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	for line := range strings.Lines(rec.Body.String()) {
		if name, value, ok := strings.Cut(strings.TrimSpace(line), " "); ok && name == series {
			v, _ := strconv.ParseFloat(value, 64)
			return v
		}
	}
	return 0
}

// waitFor polls cond until it holds, or fails after timeout.
func waitFor(timeout time.Duration, cond func() bool) error {
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			return fmt.Errorf("not within %s", timeout)
		}
		time.Sleep(5 * time.Millisecond)
	}
	return nil
}
