package loadtest_test

import (
	"fmt"
	"maps"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/azchina/azchina/bot/discord/discordtest"
	"github.com/azchina/azchina/bot/telegram/telegramtest"
)

// faults are what the fakes do to the bot while the users talk: every so many replies
// a 429 or a 5xx, and now and then a dropped long poll or gateway socket. Each reply
// suffers at most one fault, well within the adapters' retries.
type faults struct {
	on bool
	mu sync.Mutex
	// telegram and discord hold the fault the next reply to a message gets, by its ID.
	telegram map[int]telegramtest.Fault
	discord  map[string]discordtest.Fault
	// counts of the faults injected, by kind.
	counts map[string]int
}

func newFaults(on bool) *faults {
	return &faults{on: on, telegram: map[int]telegramtest.Fault{}, discord: map[string]discordtest.Fault{}, counts: map[string]int{}}
}

func (f *faults) count(kind string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.counts[kind]++
}

// kind returns how many faults were injected on platform whose kind names what.
func (f *faults) kind(platform, what string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for k, c := range f.counts {
		if strings.HasPrefix(k, platform+" ") && strings.Contains(k, what) {
			n += c
		}
	}
	return n
}

// snapshot returns the counts of the faults injected, by kind.
func (f *faults) snapshot() map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return maps.Clone(f.counts)
}

// planTelegram has the reply to message id fail once with fault.
func (f *faults) planTelegram(id int, fault telegramtest.Fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.telegram[id] = fault
}

// onSend is the Telegram fake's sendMessage hook: it applies the fault planned for the
// message a reply answers, once.
func (f *faults) onSend(_ int, m telegramtest.Sent) telegramtest.Fault {
	f.mu.Lock()
	defer f.mu.Unlock()
	fault, ok := f.telegram[m.ReplyTo]
	if !ok {
		return telegramtest.Fault{}
	}
	delete(f.telegram, m.ReplyTo)
	f.counts[fmt.Sprintf("telegram %d on sendMessage", fault.Code)]++
	return fault
}

// planDiscord has the reply to message id fail once with fault.
func (f *faults) planDiscord(id string, fault discordtest.Fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.discord[id] = fault
}

// onRequest is the Discord fake's request hook: it applies the fault planned for the
// message a reply answers, once. The adapter sends a reply again with the same nonce.
func (f *faults) onRequest(r discordtest.Request) discordtest.Fault {
	if r.Method != http.MethodPost || !strings.HasSuffix(r.Path, "/messages") {
		return discordtest.Fault{}
	}
	ref, _ := r.JSON()["message_reference"].(map[string]any)
	id, _ := ref["message_id"].(string)
	f.mu.Lock()
	defer f.mu.Unlock()
	fault, ok := f.discord[id]
	if !ok {
		return discordtest.Fault{}
	}
	delete(f.discord, id)
	kind := fmt.Sprintf("discord %d on a reply", fault.Status)
	if fault.Processed {
		kind += ", delivered all the same"
	}
	f.counts[kind]++
	return fault
}

// dropConnections is the n-th drop: it cuts Telegram's long poll and fails the poll
// after it (with a 5xx or a 429 by turns), and drops Discord's gateway socket, which the
// adapter resumes, the events sent meanwhile replayed. It returns once both adapters are
// back.
func (s *system) dropConnections(tb testing.TB, flt *faults, n int) {
	polls := s.tg.Count("getUpdates")
	if err := waitFor(5*time.Second, func() bool { return s.tg.DropPolls() > 0 }); err == nil {
		flt.count("telegram long poll cut")
	}
	if n%2 == 0 {
		s.tg.Fail("getUpdates", telegramtest.Fault{Code: http.StatusBadGateway})
		flt.count("telegram 502 on getUpdates")
	} else {
		s.tg.Fail("getUpdates", telegramtest.Fault{Code: http.StatusTooManyRequests, RetryAfter: 1})
		flt.count("telegram 429 on getUpdates")
	}
	connections := s.dc.Connections()
	s.dc.DropConnection()
	flt.count("discord gateway socket dropped")
	// Back: a third poll came after the cut and the failed one, and the gateway was
	// connected again.
	if err := waitFor(10*time.Second, func() bool { return s.tg.Count("getUpdates") >= polls+3 }); err != nil {
		tb.Errorf("telegram did not poll again after a drop: %v", err)
	}
	if err := waitFor(10*time.Second, func() bool { return s.dc.Connections() > connections && s.states()["discord"].Up }); err != nil {
		tb.Errorf("discord did not come back after a drop: %v", err)
	}
}
