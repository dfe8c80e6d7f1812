package bot

import (
	"sync"
	"time"
)

// Limiter is a token bucket per key (a user on a platform): n tokens, refilled evenly over
// per. It is safe for concurrent use.
type Limiter struct {
	n     float64
	per   time.Duration
	now   Clock
	mu    sync.Mutex
	calls int
	users map[string]*bucket
}

type bucket struct {
	tokens   float64
	last     time.Time
	notified bool // the user was told once that they are limited
}

// Verdict is what the limiter decides for one message.
type Verdict int

// The verdicts.
const (
	Allowed Verdict = iota // answer it
	Limited                // drop it, and tell the user (the first message over the limit)
	Dropped                // drop it silently (the user was already told)
)

// NewLimiter allows n messages per key in any span of per, and bursts of up to n.
func NewLimiter(n int, per time.Duration, now Clock) *Limiter {
	if now == nil {
		now = time.Now
	}
	return &Limiter{n: float64(n), per: per, now: now, users: map[string]*bucket{}}
}

// Take decides on one message from key.
func (l *Limiter) Take(key string) Verdict {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.calls++
	if l.calls%1024 == 0 {
		l.forget(now)
	}
	b := l.users[key]
	if b == nil {
		b = &bucket{tokens: l.n, last: now}
		l.users[key] = b
	}
	b.tokens = min(l.n, b.tokens+float64(now.Sub(b.last))/float64(l.per)*l.n)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		b.notified = false
		return Allowed
	}
	if b.notified {
		return Dropped
	}
	b.notified = true
	return Limited
}

// Wait returns how long key must wait for its next message to be allowed.
func (l *Limiter) Wait(key string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.users[key]
	if b == nil || b.tokens >= 1 {
		return 0
	}
	return time.Duration((1 - b.tokens) / l.n * float64(l.per))
}

// forget drops buckets that have refilled, so that the map holds only recent users.
func (l *Limiter) forget(now time.Time) {
	for k, b := range l.users {
		if now.Sub(b.last) >= l.per {
			delete(l.users, k)
		}
	}
}
