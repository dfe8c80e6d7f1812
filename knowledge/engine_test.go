package knowledge

import (
	"context"
	"sync"
	"testing"
	"testing/fstest"

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

func TestPublisherFacts(t *testing.T) {
	e := seedEngine(t)
	for src, want := range map[string]string{
		"000_4a064d0de9c1c643.txt": "News.Az",
		"002_6166f93d619a1581.txt": "commonspace.eu",
		"004_5522fbf094e0c90f.txt": "Trend",
	} {
		require.Contains(t, e.publisherFact, src)
		assert.Contains(t, e.facts[e.publisherFact[src]].Text, want)
	}
	assert.NotContains(t, e.publisherFact, "001_1dd007d9d2e50d38.txt", "an article whose publisher the text never names")
}

func TestDatelineFacts(t *testing.T) {
	e := seedEngine(t)
	require.Contains(t, e.datelineFact, "004_5522fbf094e0c90f.txt")
	assert.Equal(t, "BAKU, Azerbaijan, April 28.", e.facts[e.datelineFact["004_5522fbf094e0c90f.txt"]].Text)
	assert.Len(t, e.datelineFact, 1, "only 004 opens on a dateline; a \"Source:\" line is no dateline")
}

// TestImpliedMonth shows an undated article that names one month is of that month, and
// that "may", written in lower case, is a verb and no month.
func TestImpliedMonth(t *testing.T) {
	fsys := fstest.MapFS{
		"one.txt": {Data: []byte("The two ministers may meet again. The agreements were signed on March 3.\n\nThe ministers praised the new ferry line.\n")},
		"two.txt": {Data: []byte("The talks began in March and ended in June.\n\nThe ministers praised the new rail line.\n")},
	}
	e, err := Load(fsys)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"one.txt": "march"}, e.impliedMonth, "two months imply neither")
}
