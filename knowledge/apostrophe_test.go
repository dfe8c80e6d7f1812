package knowledge

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIndexApostropheIsIndexAny(t *testing.T) {
	for _, s := range []string{"", "china's", "china’s envoy", "“quoted” – it’s", "no mark", "é'", "’", "a\xe2\x80'", "\xe2\xe2\x80\x99s"} {
		assert.Equal(t, strings.IndexAny(s, "'’"), indexApostrophe(s), "%q", s)
	}
}
