package knowledge

import (
	"slices"
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
	lines []string            // the data lines, sorted by their first field
	first map[string][]string // words read before WordNet's (data/phrasal.txt)
}

// newRelatedWords reads the lines of the file's text lazily; first holds, in the same
// form, the words to give before the file's for some words.
func newRelatedWords(text, first string) *relatedWords {
	r := &relatedWords{text: text, first: map[string][]string{}}
	for _, l := range strings.Split(first, "\n") {
		if f := strings.Fields(l); len(f) > 1 && !strings.HasPrefix(l, "#") {
			r.first[f[0]] = f[1:]
		}
	}
	return r
}

// of returns the words related to word ("set_up" for a verb of two words), or nil.
func (r *relatedWords) of(word string) []string {
	r.once.Do(func() {
		for _, l := range strings.Split(r.text, "\n") {
			if l != "" && !strings.HasPrefix(l, "#") {
				r.lines = append(r.lines, l)
			}
		}
	})
	out := r.first[word]
	i := sort.Search(len(r.lines), func(i int) bool { return r.lines[i] >= word+" " })
	if i == len(r.lines) || !strings.HasPrefix(r.lines[i], word+" ") {
		return out
	}
	if len(out) == 0 {
		return strings.Fields(r.lines[i])[1:]
	}
	return append(slices.Clip(out), strings.Fields(r.lines[i])[1:]...)
}
