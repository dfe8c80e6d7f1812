package telegram

import (
	"context"
	"sync"
	"time"
)

// Telegram's limits on what a bot sends.
const (
	DefaultPerChat   = time.Second // between two messages to one chat
	DefaultPerSecond = 30          // messages a second to all chats together
	globalBurst      = 5           // messages the overall rate lets through at once
)

// pacer spaces messages out to keep within Telegram's limits: a gap of perChat between two
// messages to one chat, and perSecond messages a second overall, in bursts of a few. A
// zero perChat or perSecond lifts that limit. It is safe for concurrent use.
type pacer struct {
	perChat  time.Duration
	interval time.Duration // between two messages overall, on average
	mu       sync.Mutex
	tat      time.Time           // the overall rate's theoretical arrival time (GCRA)
	chats    map[int64]time.Time // when each chat may get its next message
	calls    int
}

func newPacer(perChat time.Duration, perSecond int) *pacer {
	p := &pacer{perChat: perChat, chats: map[int64]time.Time{}}
	if perSecond > 0 {
		p.interval = time.Second / time.Duration(perSecond)
	}
	return p
}

// chatReady returns when chat may next get a message.
func (p *pacer) chatReady(chat int64) time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.chats[chat]
}

// take books a slot in the overall rate at t or later and returns it. Slots are booked
// only for messages whose chat is ready, so one chat's wait never holds up another's.
func (p *pacer) take(t time.Time) time.Time {
	if p.interval <= 0 {
		return t
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if earliest := p.tat.Add(-(globalBurst - 1) * p.interval); earliest.After(t) {
		t = earliest
	}
	if p.tat.Before(t) {
		p.tat = t
	}
	p.tat = p.tat.Add(p.interval)
	return t
}

// sent records a message to chat at t.
func (p *pacer) sent(chat int64, t time.Time) { p.hold(chat, t.Add(p.perChat)) }

// hold keeps chat quiet until t, as Telegram's retry_after asks.
func (p *pacer) hold(chat int64, t time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if t.After(p.chats[chat]) {
		p.chats[chat] = t
	}
	p.calls++
	if p.calls%1024 == 0 {
		for c, next := range p.chats {
			if next.Before(t.Add(-time.Minute)) {
				delete(p.chats, c)
			}
		}
	}
}

// wait blocks until chat may get a message under both limits, or ctx ends.
func (p *pacer) wait(ctx context.Context, chat int64) error {
	if err := sleepUntil(ctx, p.chatReady(chat)); err != nil {
		return err
	}
	return sleepUntil(ctx, p.take(time.Now()))
}

// sleepUntil waits until t, or returns ctx's error if it ends first.
func sleepUntil(ctx context.Context, t time.Time) error {
	d := time.Until(t)
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
