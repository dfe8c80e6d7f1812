package knowledge

import (
	"maps"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestNearFilterNeverMissesAnEdit checks that the filter says yes of every word one edit
// from a word of its set, as eachEdit makes them, and no of words far from all of them.
func TestNearFilterNeverMissesAnEdit(t *testing.T) {
	set := map[string]bool{"clearance": true, "between": true, "which": true, "ab": true}
	f := newNearFilter(maps.Keys(set))
	for w := range set {
		eachEdit(w, func(c []byte) bool {
			assert.True(t, f.mayBeNear(string(c)), "%s, one edit from %s", c, w)
			return false
		})
	}
	for _, w := range []string{"xylophone", "banana", "clear", "zzzzzzz"} {
		assert.False(t, f.mayBeNear(w), w)
	}
	e := seedEngine(t)
	for w, n := range e.english {
		if n >= minMistypedCount {
			eachEdit(w, func(c []byte) bool {
				if !e.commonNear.mayBeNear(string(c)) {
					t.Fatalf("%s, one edit from %s, not near a common word", c, w)
				}
				return false
			})
		}
	}
}
