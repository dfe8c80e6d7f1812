package telegram

import (
	"context"
	"slices"
	"sync"
	"time"
)

// Inbox keeps the updates the adapter has taken until they are answered. The adapter
// confirms an update to Telegram (moves the getUpdates offset past it, or answers its
// webhook request) only once the inbox holds it, and answers what the inbox still holds
// when it starts: with a durable inbox an update in flight at a crash or shutdown is
// answered after the restart, and one delivered again is skipped. *store.DB is one;
// without one the adapter keeps them in memory. Implementations must be safe for
// concurrent use.
type Inbox interface {
	// TakeUpdates keeps the updates (update_id → JSON) that bot has not kept before as
	// pending and returns their IDs in ascending order. Of racing calls, one takes each
	// update.
	TakeUpdates(ctx context.Context, bot int64, updates map[int64][]byte, at time.Time) ([]int64, error)
	// DoneUpdates marks updates answered or given up on: no longer pending, and still
	// skipped when delivered again.
	DoneUpdates(ctx context.Context, bot int64, ids []int64, at time.Time) error
	// PendingUpdates returns the updates taken and not done (update_id → JSON).
	PendingUpdates(ctx context.Context, bot int64) (map[int64][]byte, error)
}

// serialInbox makes the adapter's calls of an inbox one at a time: SQLite lets one writer
// in at a time, and one kept waiting sleeps for milliseconds in its busy handler, which
// holds up getUpdates; a mutex hands over in microseconds.
type serialInbox struct {
	mu    sync.Mutex
	inbox Inbox
}

func (s *serialInbox) TakeUpdates(ctx context.Context, bot int64, updates map[int64][]byte, at time.Time) ([]int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.inbox.TakeUpdates(ctx, bot, updates, at)
}

func (s *serialInbox) DoneUpdates(ctx context.Context, bot int64, ids []int64, at time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.inbox.DoneUpdates(ctx, bot, ids, at)
}

func (s *serialInbox) PendingUpdates(ctx context.Context, bot int64) (map[int64][]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.inbox.PendingUpdates(ctx, bot)
}

// memInbox is the Inbox of an adapter without a database: it loses the pending updates
// with the process, and remembers the last rememberIDs updates to skip redeliveries.
type memInbox struct {
	mu      sync.Mutex
	pending map[int64][]byte
	known   *recent
}

func newMemInbox() *memInbox {
	return &memInbox{pending: map[int64][]byte{}, known: newRecent(rememberIDs)}
}

func (m *memInbox) TakeUpdates(_ context.Context, _ int64, updates map[int64][]byte, _ time.Time) ([]int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var taken []int64
	for id, raw := range updates {
		if m.known.add(id) {
			m.pending[id] = raw
			taken = append(taken, id)
		}
	}
	slices.Sort(taken)
	return taken, nil
}

func (m *memInbox) DoneUpdates(_ context.Context, _ int64, ids []int64, _ time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range ids {
		delete(m.pending, id)
	}
	return nil
}

func (m *memInbox) PendingUpdates(context.Context, int64) (map[int64][]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[int64][]byte, len(m.pending))
	for id, raw := range m.pending {
		out[id] = raw
	}
	return out, nil
}

// recent remembers the last IDs it was given. It is not safe for concurrent use.
type recent struct {
	ids  map[int64]struct{}
	ring []int64
	next int
}

func newRecent(n int) *recent {
	return &recent{ids: make(map[int64]struct{}, n), ring: make([]int64, 0, n)}
}

// add records id and reports whether it is new; the oldest ID is forgotten when full.
func (r *recent) add(id int64) bool {
	if _, ok := r.ids[id]; ok {
		return false
	}
	if len(r.ring) < cap(r.ring) {
		r.ring = append(r.ring, id)
	} else {
		delete(r.ids, r.ring[r.next])
		r.ring[r.next] = id
		r.next = (r.next + 1) % len(r.ring)
	}
	r.ids[id] = struct{}{}
	return true
}

// doneWriter marks answered updates done in the inbox from one goroutine, those answered
// within doneLinger of each other in one call, so that chat workers never wait for the
// database nor contend for its write lock.
type doneWriter struct {
	inbox Inbox
	bot   int64
	ids   chan int64
	log   func(err error)
	done  chan struct{}
}

func startDoneWriter(inbox Inbox, bot int64, log func(error)) *doneWriter {
	w := &doneWriter{inbox: inbox, bot: bot, ids: make(chan int64, maxPending), log: log, done: make(chan struct{})}
	go w.run()
	return w
}

// mark queues id to be marked done.
func (w *doneWriter) mark(id int64) { w.ids <- id }

// close writes what is queued and stops the writer.
func (w *doneWriter) close() {
	close(w.ids)
	<-w.done
}

func (w *doneWriter) run() {
	defer close(w.done)
	batch := make([]int64, 0, 256)
	linger := time.NewTimer(0)
	<-linger.C
	for id := range w.ids {
		// A write costs about the same for one update as for hundreds: wait a moment for
		// more. A crash in that moment can repeat those answers after the restart.
		batch = append(batch[:0], id)
		linger.Reset(doneLinger)
	collect:
		for len(batch) < cap(batch) {
			select {
			case id, ok := <-w.ids:
				if !ok {
					break collect
				}
				batch = append(batch, id)
			case <-linger.C:
				break collect
			}
		}
		linger.Stop()
		ctx, cancel := context.WithTimeout(context.Background(), inboxTimeout)
		if err := w.inbox.DoneUpdates(ctx, w.bot, batch, time.Now()); err != nil {
			w.log(err)
		}
		cancel()
	}
}
