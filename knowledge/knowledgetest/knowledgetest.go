// Package knowledgetest is test support for packages that answer through the real engine:
// the engine over the embedded seeds, built once per test binary.
package knowledgetest

import (
	"sync"
	"testing"

	"github.com/azchina/azchina/knowledge"
	"github.com/azchina/azchina/seeds"
)

var seedEngine = sync.OnceValues(func() (*knowledge.Engine, error) { return knowledge.Load(seeds.FS) })

// Seeds returns the engine over the embedded seeds, built on the first call and shared
// after it (an Engine is safe for concurrent use). It fails tb when the seeds cannot be
// read.
func Seeds(tb testing.TB) *knowledge.Engine {
	tb.Helper()
	e, err := seedEngine()
	if err != nil {
		tb.Fatalf("load the embedded seeds: %v", err)
	}
	return e
}
