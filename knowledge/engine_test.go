package knowledge

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
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

func TestPointsBack(t *testing.T) {
	for text, want := range map[string]bool{
		"To fully capitalize on these opportunities, more is required.": true,
		"Such invitations signify trust.":                               false, // "such" compares more often than it points back
		"This document confirms that relations entered a new phase.":    true,
		"Trade grew this year.":                                         false,
		"The two sides met in Beijing.":                                 false,
	} {
		assert.Equal(t, want, pointsBack(text), text)
	}
}

func TestSentencePointingBackReadsTheOneBefore(t *testing.T) {
	e := seedEngine(t)
	// "This document confirms … a new phase": the document is the joint declaration the
	// sentence before names.
	_, ex, err := e.Explain(context.Background(), "joint declaration new phase")
	require.NoError(t, err)
	require.NotEmpty(t, ex.Hits)
	assert.Contains(t, ex.Hits[0].Fact.Text, "This document confirms")
	assert.Equal(t, 1.0, ex.Hits[0].Coverage)
}
