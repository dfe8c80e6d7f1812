package loadtest_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// ledger matches the bot's replies to the messages they answer: by reply_parameters on
// Telegram and message_reference on Discord. It is safe for concurrent use.
type ledger struct {
	mu   sync.Mutex
	msgs map[string]*userMessage
}

// userMessage is one message a simulated user sent.
type userMessage struct {
	what    string    // its kind, for failure reports
	answer  bool      // whether the bot must reply to it
	at      time.Time // when the user sent it
	replied chan struct{}
	first   time.Time // when the first reply arrived
}

func newLedger() *ledger { return &ledger{msgs: map[string]*userMessage{}} }

func telegramKey(id int) string   { return "telegram:" + strconv.Itoa(id) }
func discordKey(id string) string { return "discord:" + id }

// sent records a message as it is sent.
func (l *ledger) sent(key, what string, answer bool) *userMessage {
	m := &userMessage{what: what, answer: answer, at: time.Now(), replied: make(chan struct{})}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.msgs[key] = m
	return m
}

// reply records a reply to the message key as it arrives.
func (l *ledger) reply(key string, at time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	m, ok := l.msgs[key]
	if !ok || !m.first.IsZero() {
		return // a stray or repeated reply: the final check finds it in the fakes' records
	}
	m.first = at
	close(m.replied)
}

// await waits for the reply to m, or reports false after timeout.
func (m *userMessage) await(timeout time.Duration) bool {
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-m.replied:
		return true
	case <-t.C:
		return false
	}
}

// checkReplies holds the fakes' records of what the bot sent against what the users sent:
// one reply to each message that should be answered, none to any other.
func checkReplies(tb testing.TB, sys *system, led *ledger) {
	tb.Helper()
	replies := map[string]int{}
	var problems []string
	for _, m := range sys.tg.Sent() {
		if m.ReplyTo == 0 {
			problems = append(problems, fmt.Sprintf("telegram: a message to chat %d replies to nothing: %.80q", m.ChatID, m.Text))
			continue
		}
		replies[telegramKey(m.ReplyTo)]++
	}
	for _, m := range sys.dc.Delivered() {
		ref, _ := m.Body["message_reference"].(map[string]any)
		id, _ := ref["message_id"].(string)
		if id == "" {
			problems = append(problems, fmt.Sprintf("discord: a message to channel %s replies to nothing", m.ChannelID))
			continue
		}
		replies[discordKey(id)]++
	}
	led.mu.Lock()
	for key, m := range led.msgs {
		want := 0
		if m.answer {
			want = 1
		}
		if got := replies[key]; got != want {
			problems = append(problems, fmt.Sprintf("%s (%s): %d replies, want %d", key, m.what, got, want))
		}
		delete(replies, key)
	}
	led.mu.Unlock()
	for key, n := range replies {
		problems = append(problems, fmt.Sprintf("%s: %d replies to a message no user sent", key, n))
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		tb.Errorf("%d replies wrong:\n%s", len(problems), strings.Join(problems[:min(len(problems), 30)], "\n"))
	}
}
