// Package memo keeps the answers of a function of a string that is asked the same few
// strings again and again (the stem of a word, its typo), for lookups that cost about what
// a plain map's do.
package memo

import (
	"strings"
	"sync"
	"sync/atomic"
)

// Memo maps strings to values, for at most a fixed number of strings. It is safe for
// concurrent use, and is made for many lookups and few additions: most lookups read a plain
// map that is never changed once published, without a lock; the strings added since wait
// in a sync.Map until there are enough of them to publish a new map with them.
//
// The zero Memo is not ready for use: make one with New.
type Memo[V any] struct {
	published atomic.Pointer[map[string]V]
	recent    sync.Map     // string → V, added since the map was last published
	nRecent   atomic.Int64 // the strings in recent
	size      atomic.Int64 // the strings held, published or recent
	limit     int64
	mu        sync.Mutex // held while publishing
}

// New returns an empty Memo that keeps the values of the first limit strings it is given.
func New[V any](limit int) *Memo[V] {
	m := &Memo[V]{limit: int64(limit)}
	m.published.Store(&map[string]V{})
	return m
}

// Load returns the value kept for s, and whether there is one.
func (m *Memo[V]) Load(s string) (V, bool) {
	if v, ok := (*m.published.Load())[s]; ok {
		return v, true
	}
	if v, ok := m.recent.Load(s); ok {
		return v.(V), true
	}
	var zero V
	return zero, false
}

// Get returns the value kept for s, or else compute(s), which it keeps.
func (m *Memo[V]) Get(s string, compute func(string) V) V {
	if v, ok := m.Load(s); ok {
		return v
	}
	v := compute(s)
	m.Store(s, v)
	return v
}

// Store keeps v as the value of s, unless the Memo holds its limit already. s is copied:
// a word cut from a longer text does not keep the text.
func (m *Memo[V]) Store(s string, v V) {
	if m.size.Load() >= m.limit {
		return
	}
	if _, loaded := m.recent.LoadOrStore(strings.Clone(s), v); loaded {
		return
	}
	m.size.Add(1)
	if n := m.nRecent.Add(1); n >= max(minPublish, int64(len(*m.published.Load()))/publishShare) {
		m.publish()
	}
}

// A Memo publishes the strings added recently once there are minPublish of them, and
// at least one for every publishShare published: each string is copied into a new map
// a few times on average, whatever the number.
const (
	minPublish   = 32
	publishShare = 8
)

// publish makes a new map of the published strings and the recent ones, and publishes it
// before it forgets the recent ones: a lookup meanwhile finds each in one or the other.
func (m *Memo[V]) publish() {
	if !m.mu.TryLock() {
		return // another is publishing
	}
	defer m.mu.Unlock()
	old := *m.published.Load()
	next := make(map[string]V, len(old)+int(m.nRecent.Load()))
	for s, v := range old {
		next[s] = v
	}
	var moved []string
	m.recent.Range(func(k, v any) bool {
		next[k.(string)] = v.(V)
		moved = append(moved, k.(string))
		return true
	})
	m.published.Store(&next)
	for _, s := range moved {
		m.recent.Delete(s)
	}
	m.nRecent.Add(-int64(len(moved)))
}
