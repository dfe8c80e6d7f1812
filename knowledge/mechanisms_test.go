package knowledge

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMechanisms holds each way of reading a question to the questions it was made for
// (testdata/mechanisms.jsonl: the mechanism is the item's "cat"), each answered from the
// right article with the right words, or refused. They are written for this test, not
// taken from any evaluation set.
func TestMechanisms(t *testing.T) {
	e := seedEngine(t)
	for _, it := range readEval(t, "testdata/mechanisms.jsonl") {
		t.Run(it.Cat+"/"+it.ID, func(t *testing.T) {
			a, err := e.Answer(context.Background(), it.Q)
			require.NoError(t, err)
			ok, why := judge(it, a)
			assert.True(t, ok, "%s: %s\n%s", it.Q, why, a.Text)
		})
	}
}
