package knowledge

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/seeds"
)

var (
	seedOnce sync.Once
	seeded   *Engine
	seedErr  error
)

// seedEngine returns an engine over the embedded seeds, built once for all tests.
func seedEngine(t testing.TB) *Engine {
	t.Helper()
	seedOnce.Do(func() { seeded, seedErr = Load(seeds.FS) })
	require.NoError(t, seedErr)
	return seeded
}
