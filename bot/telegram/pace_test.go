package telegram

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestPacerOverallRate(t *testing.T) {
	p := newPacer(time.Second, 30)
	t0 := time.Date(2025, 4, 23, 12, 0, 0, 0, time.UTC)
	var got []time.Duration
	for range 8 {
		got = append(got, p.take(t0).Sub(t0))
	}
	step := time.Second / 30
	assert.Equal(t, []time.Duration{0, 0, 0, 0, 0, step, 2 * step, 3 * step}, got, "a burst of 5, then one every 1/30 s")

	later := t0.Add(time.Minute)
	assert.Equal(t, later, p.take(later), "an idle minute refills the burst")
	var sent int
	for at := later; at.Before(later.Add(time.Second)); at = p.take(later) {
		sent++
	}
	assert.LessOrEqual(t, sent, 30+globalBurst, "at most the rate plus the burst in any second")
}

func TestPacerPerChat(t *testing.T) {
	p := newPacer(time.Second, 30)
	t0 := time.Date(2025, 4, 23, 12, 0, 0, 0, time.UTC)
	assert.True(t, p.chatReady(1).IsZero(), "a new chat is ready at once")
	p.sent(1, t0)
	assert.Equal(t, t0.Add(time.Second), p.chatReady(1))
	assert.True(t, p.chatReady(2).IsZero(), "other chats are not held up")

	p.hold(1, t0.Add(5*time.Second))
	assert.Equal(t, t0.Add(5*time.Second), p.chatReady(1), "retry_after holds the chat")
	p.sent(1, t0)
	assert.Equal(t, t0.Add(5*time.Second), p.chatReady(1), "a hold is never shortened")
}

func TestPacerUnlimited(t *testing.T) {
	p := newPacer(0, 0)
	t0 := time.Now()
	for range 100 {
		assert.Equal(t, t0, p.take(t0))
	}
	p.sent(1, t0)
	assert.Equal(t, t0, p.chatReady(1))
}

func TestRecent(t *testing.T) {
	r := newRecent(3)
	for _, id := range []int64{1, 2, 3} {
		assert.True(t, r.add(id))
	}
	assert.False(t, r.add(2), "seen")
	assert.True(t, r.add(4), "new; forgets 1")
	assert.True(t, r.add(1), "1 was forgotten")
	assert.False(t, r.add(4))
	assert.False(t, r.add(3))
}
