package knowledge

import (
	"sort"
	"strings"
	"sync"
)

// relatedWords looks up the words WordNet relates to a word in its most frequent senses
// (data/related.txt, made by wordnetgen): its synonyms and the words derived from it. The
// file is searched where it lies, so reading it costs nothing until a question needs it.
type relatedWords struct {
	text  string
	once  sync.Once
	lines []string // the data lines, sorted by their first field
}

// newRelatedWords reads the lines of the file's text lazily.
func newRelatedWords(text string) *relatedWords { return &relatedWords{text: text} }

// of returns the words related to word ("set_up" for a verb of two words), or nil.
func (r *relatedWords) of(word string) []string {
	r.once.Do(func() {
		for _, l := range strings.Split(r.text, "\n") {
			if l != "" && !strings.HasPrefix(l, "#") {
				r.lines = append(r.lines, l)
			}
		}
	})
	i := sort.Search(len(r.lines), func(i int) bool { return r.lines[i] >= word+" " })
	if i == len(r.lines) || !strings.HasPrefix(r.lines[i], word+" ") {
		return nil
	}
	return strings.Fields(r.lines[i])[1:]
}
