package knowledge

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"sync/atomic"
	"time"
)

// Live is an engine that can be replaced while it answers: each call goes to the engine
// current when the call begins, so no question ever sees a half-built index. It is safe
// for concurrent use.
type Live struct {
	cur atomic.Pointer[Engine]
}

// NewLive returns a Live answering from e.
func NewLive(e *Engine) *Live {
	l := &Live{}
	l.cur.Store(e)
	return l
}

// Engine returns the current engine.
func (l *Live) Engine() *Engine { return l.cur.Load() }

// Swap makes e the current engine.
func (l *Live) Swap(e *Engine) { l.cur.Store(e) }

// Answer answers from the current engine.
func (l *Live) Answer(ctx context.Context, q string) (Answer, error) {
	return l.Engine().Answer(ctx, q)
}

// Explain explains from the current engine.
func (l *Live) Explain(ctx context.Context, q string) (Answer, Explanation, error) {
	return l.Engine().Explain(ctx, q)
}

// AnswerFact quotes a fact of the current engine.
func (l *Live) AnswerFact(f Fact) Answer { return l.Engine().AnswerFact(f) }

// Topics lists the current engine's topics.
func (l *Live) Topics() []Topic { return l.Engine().Topics() }

// Articles lists the current engine's articles.
func (l *Live) Articles() []Article { return l.Engine().Articles() }

// Facts lists the current engine's facts.
func (l *Live) Facts() []Fact { return l.Engine().Facts() }

// Timeline lists the current engine's events.
func (l *Live) Timeline() []Event { return l.Engine().Timeline() }

// FollowUp reads a follow-up with the current engine.
func (l *Live) FollowUp(q, prev string) (string, bool) { return l.Engine().FollowUp(q, prev) }

// Reload reads the articles in fsys and swaps the new engine in, unless an article
// cannot be read that the current engine did not already leave out for the same reason:
// then the current engine stays, and the error names the article. (An article broken
// from the start is left out again and does not hold up other changes.)
func (l *Live) Reload(fsys fs.FS) error {
	e, err := Load(fsys)
	if err != nil {
		return fmt.Errorf("kept the articles as they were: %w", err)
	}
	known := map[string]bool{}
	for _, p := range l.Engine().Problems() {
		known[p.Error()] = true
	}
	var fresh []error
	for _, p := range e.Problems() {
		if !known[p.Error()] {
			fresh = append(fresh, p)
		}
	}
	if len(fresh) > 0 {
		return fmt.Errorf("kept the articles as they were: %w", errors.Join(fresh...))
	}
	l.Swap(e)
	return nil
}

// Watcher reloads a Live when its folder of articles changes.
type Watcher struct {
	live *Live
	dir  string
	last string
}

// Watch returns a Watcher of the folder dir that compares later looks with the folder as
// it is now.
func (l *Live) Watch(dir string) *Watcher {
	return &Watcher{live: l, dir: dir, last: folderState(dir)}
}

// Run looks at the folder every interval and, when an article or the metadata file was
// added, changed or removed (and then stayed so for an interval), reloads in the
// background (see Reload). It calls report after each reload with its error (nil on
// success). It returns when ctx is done.
func (w *Watcher) Run(ctx context.Context, every time.Duration, report func(error)) {
	pending := ""
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		now := folderState(w.dir)
		switch {
		case now == w.last:
			pending = ""
		case now != pending:
			// Wait one more look: a file being written changes from one look to the next.
			pending = now
		default:
			w.last, pending = now, ""
			report(w.live.Reload(os.DirFS(w.dir)))
		}
	}
}

// folderState sums up the names, sizes and times of the article files in dir.
func folderState(dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "error: " + err.Error()
	}
	var parts []string
	for _, en := range entries {
		if !strings.HasSuffix(en.Name(), ".txt") && en.Name() != MetaFile {
			continue
		}
		info, err := en.Info()
		if err != nil {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %d %d", en.Name(), info.Size(), info.ModTime().UnixNano()))
	}
	sort.Strings(parts)
	return strings.Join(parts, "\n")
}
