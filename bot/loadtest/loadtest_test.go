package loadtest_test

import (
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/azchina/azchina/bot/discord/discordtest"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

// load is one run: users in all (half on each platform), the messages each sends,
// whether the fakes inject faults meanwhile, and how often they drop the connections
// (evenly spread over the run). Each gateway drop stalls Discord for over a second:
// discordgo waits a second before it closes a broken socket.
type load struct {
	users    int
	messages int
	faults   bool
	drops    int
}

// result is what a run measured.
type result struct {
	messages  int             // the users sent, not counting the flush
	answered  int             // of them, the bot had to answer and did
	elapsed   time.Duration   // from the first message to the last user's last reply
	latencies []time.Duration // question to reply, sorted
	peakHeap  uint64          // the largest heap after a GC during the run (runtime/metrics /gc/heap/live)
	faults    map[string]int
}

func (r result) throughput() float64 { return float64(r.messages) / r.elapsed.Seconds() }

// percentile returns the p-th percentile of the latencies (0 when there are none).
func (r result) percentile(p int) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	return r.latencies[(len(r.latencies)-1)*p/100]
}

// Bounds the runs are held to.
const (
	// maxHeap bounds the heap after GC while the load runs: the engine, the bot, and the
	// fakes, which keep every message and request they were sent (about 20 MiB at 1,000
	// messages, 60 MiB at 10,000).
	maxHeap = 128 << 20
	// maxRetained bounds what the heap after GC may have grown by once the run is over and
	// the system gone: the run's measurements, and what the runtime keeps.
	maxRetained = 8 << 20
	// replyWithin bounds the wait for one reply: it only turns a lost reply into a failure.
	replyWithin = 30 * time.Second
	// goroutinesWithin is how long the goroutines get to end once the bot is stopped and
	// the fakes closed: idle HTTP connections notice their server closed them.
	goroutinesWithin = 10 * time.Second
	// serverChannels are the Discord server channels and Telegram groups the users share.
	serverChannels = 5
)

// run sends the load through a fresh system (drive) and checks that no goroutine
// outlives it and that it leaves nothing on the heap.
func run(tb testing.TB, l load) result {
	tb.Helper()
	knowledgetest.Seeds(tb) // built once for all runs: not a goroutine or heap of the run's
	runtime.GC()
	goroutines, heap := runtime.NumGoroutine(), liveHeap()
	res := drive(tb, l)
	if err := waitFor(goroutinesWithin, func() bool { return runtime.NumGoroutine() <= goroutines }); err != nil {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		tb.Errorf("goroutines: %d after the run, %d before (%v):\n%s", runtime.NumGoroutine(), goroutines, err, tail(string(buf), 200))
	}
	// What the run let go may take a few collections to free: sync.Pool keeps its objects
	// through one, and objects with finalizers (closed connections) through another.
	var after uint64
	settled := waitFor(goroutinesWithin, func() bool {
		runtime.GC()
		after = liveHeap()
		return after <= heap+maxRetained
	})
	if settled != nil {
		tb.Errorf("the heap after GC is %d MiB after the run, %d MiB before (%v): the bot kept something", after>>20, heap>>20, settled)
	}
	return res
}

// liveHeap returns the heap the last GC found live.
func liveHeap() uint64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

// drive runs the system under load l and checks that every message that should be
// answered was answered exactly once and none other was, that no reply failed to send,
// that the faults were retried and the connections made again, and that the heap after GC
// stayed under maxHeap.
func drive(tb testing.TB, l load) result {
	tb.Helper()
	sys := startSystem(tb)
	defer sys.close()
	led := newLedger()
	flt := newFaults(l.faults)
	sys.tg.OnSend(flt.onSend)
	sys.dc.OnRequest(flt.onRequest)
	sys.dc.OnDeliver(func(m discordtest.Message) {
		if ref, ok := m.Body["message_reference"].(map[string]any); ok {
			if id, ok := ref["message_id"].(string); ok {
				led.reply(discordKey(id), m.At)
			}
		}
	})

	var bg sync.WaitGroup
	done := make(chan struct{})
	bg.Add(2)
	go func() { // Telegram's replies, as they arrive
		defer bg.Done()
		for {
			if m, ok := sys.tg.Next(20 * time.Millisecond); ok {
				led.reply(telegramKey(m.ReplyTo), m.At)
				continue
			}
			select {
			case <-done:
				return
			default:
			}
		}
	}()
	var peak atomic.Uint64
	go func() { // the heap after each GC
		defer bg.Done()
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			if v := liveHeap(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	// A drop is asked for every so many messages; one asked for while another is under
	// way is merged into it, so that the bot recovers from each before the next.
	drops := make(chan int, 1)
	var dropping sync.WaitGroup
	if l.drops > 0 {
		dropping.Add(1)
		go func() {
			defer dropping.Done()
			for n := range drops {
				sys.dropConnections(tb, flt, n)
			}
		}()
	}

	channels := make([]string, serverChannels)
	for i := range channels {
		channels[i] = sys.dc.NewID()
	}
	var sent atomic.Int64
	total := int64(l.users * l.messages)
	dropEvery := max(total/int64(l.drops+1), 1)
	afterEach := func() {
		if n := sent.Add(1); l.drops > 0 && n%dropEvery == 0 && n < total {
			select {
			case drops <- int(n / dropEvery):
			default:
			}
		}
	}
	start := time.Now()
	var users sync.WaitGroup
	for n := range l.users {
		users.Add(1)
		go func() {
			defer users.Done()
			if n%2 == 0 {
				sys.talkOnTelegram(tb, led, flt, newTelegramUser(n/2, serverChannels), l.messages, afterEach)
			} else {
				sys.talkOnDiscord(tb, led, flt, newDiscordUser(n/2, sys.dc, channels), l.messages, afterEach)
			}
		}()
	}
	users.Wait()
	elapsed := time.Since(start)
	close(drops)
	dropping.Wait()
	sys.flush(tb, led, l.users, channels)

	runtime.GC()
	peak.Store(max(peak.Load(), liveHeap()))
	sys.stop(tb)
	close(done)
	bg.Wait()

	checkReplies(tb, sys, led)
	for _, p := range []string{"telegram", "discord"} {
		if n := sys.metric(`azchina_send_errors_total{platform="` + p + `"}`); n != 0 {
			tb.Errorf("%s: %v replies failed to send", p, n)
		}
	}
	if l.faults {
		if n := sys.metric(`azchina_send_retries_total{platform="telegram"}`); n < float64(flt.kind("telegram", "sendMessage")) {
			tb.Errorf("telegram: %v retries for %d faults on sendMessage", n, flt.kind("telegram", "sendMessage"))
		}
		if n := sys.metric(`azchina_send_retries_total{platform="discord"}`); n < float64(flt.kind("discord", "reply")) {
			tb.Errorf("discord: %v retries for %d faults on replies", n, flt.kind("discord", "reply"))
		}
	}
	if l.drops > 0 {
		for _, p := range []string{"telegram", "discord"} {
			if sys.metric(`azchina_reconnects_total{platform="`+p+`"}`) == 0 {
				tb.Errorf("%s: no reconnect after the connections were dropped", p)
			}
		}
	}
	if tb.Failed() {
		tb.Logf("bot log (tail):\n%s", tail(sys.logs.String(), 60))
	}

	res := result{elapsed: elapsed, peakHeap: peak.Load(), faults: flt.snapshot()}
	led.mu.Lock()
	for _, m := range led.msgs {
		if m.what == flushed {
			continue
		}
		res.messages++
		if m.answer && !m.first.IsZero() {
			res.answered++
			res.latencies = append(res.latencies, m.first.Sub(m.at))
		}
	}
	led.mu.Unlock()
	slices.Sort(res.latencies)
	if res.peakHeap > maxHeap {
		tb.Errorf("heap after GC reached %d MiB, over the bound of %d MiB", res.peakHeap>>20, maxHeap>>20)
	}
	return res
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(len(lines)-n, 0):], "\n")
}

// TestLoadAndFaults runs 50 users × 20 messages through both adapters at once while the
// fakes inject faults; BenchmarkLoadAndFaults runs the full 50 × 200.
func TestLoadAndFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("a load test")
	}
	res := run(t, load{users: 50, messages: 20, faults: true, drops: 3})
	t.Logf("%d messages (%d answered) in %s: %.0f messages/s, p50 %s, p99 %s, peak heap after GC %d MiB; faults: %v",
		res.messages, res.answered, res.elapsed.Round(time.Millisecond), res.throughput(),
		res.percentile(50).Round(time.Millisecond), res.percentile(99).Round(time.Millisecond), res.peakHeap>>20, res.faults)
	if res.messages != 50*20 {
		t.Errorf("%d messages sent, want %d", res.messages, 50*20)
	}
}

// BenchmarkLoadAndFaults sends 50 users × 200 messages (10,000) through both adapters at
// once, without faults and with them, and reports messages a second (all the users sent,
// over the time from the first to the last reply), the 50th and 99th percentiles from a
// question being sent to its reply arriving, the peak heap after GC and the faults
// injected. Run it with -benchtime 1x: one run is the measurement.
func BenchmarkLoadAndFaults(b *testing.B) {
	for _, faults := range []bool{false, true} {
		name := "clean"
		if faults {
			name = "faults"
		}
		b.Run(name, func(b *testing.B) {
			var res result
			for b.Loop() {
				l := load{users: 50, messages: 200}
				if faults {
					l.faults, l.drops = true, 7
				}
				res = run(b, l)
			}
			b.ReportMetric(res.throughput(), "msgs/s")
			b.ReportMetric(float64(res.percentile(50).Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(res.percentile(99).Microseconds())/1000, "p99-ms")
			b.ReportMetric(float64(res.peakHeap>>20), "heap-MiB")
			b.ReportMetric(float64(sum(res.faults)), "faults")
			b.Logf("faults: %v", res.faults)
		})
	}
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
