package index

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// vocabulary finds the index's words nearest a misspelt one. Single edits (a letter left
// out, added, changed or two swapped) are found through a table of each word with one
// letter deleted; a doubled letter put in the wrong place ("tarrif") through a table of
// each word with its doubled letters single; words with several letters left out
// ("govt", "investmnt") through github.com/sahilm/fuzzy's subsequence matching.
type vocabulary struct {
	words   []string          // surface words, sorted
	terms   map[string]string // surface word → term
	deletes map[string][]int32
	singled map[string][]int32 // a word with its doubled letters single → the words
}

func newVocabulary(surfaces map[string]string) *vocabulary {
	v := &vocabulary{terms: surfaces, deletes: map[string][]int32{}, singled: map[string][]int32{}}
	for w := range surfaces {
		if utf8.RuneCountInString(w) >= 3 && !isDigits(w) {
			v.words = append(v.words, w)
		}
	}
	sort.Strings(v.words)
	for i, w := range v.words {
		for _, d := range deletions(w) {
			v.deletes[d] = append(v.deletes[d], int32(i))
		}
		if s := singleLetters(w); s != w {
			v.singled[s] = append(v.singled[s], int32(i))
		}
	}
	return v
}

// singleLetters returns w with each run of one letter written once: "tariff" and "tarrif"
// are both "tarif".
func singleLetters(w string) string {
	if !hasDoubled(w) {
		return w
	}
	var b strings.Builder
	var last rune = -1
	for _, r := range w {
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// deletions returns w with each one of its letters left out.
func deletions(w string) []string {
	if isASCII(w) {
		out := make([]string, 0, len(w))
		for i := range len(w) {
			out = append(out, w[:i]+w[i+1:])
		}
		return out
	}
	rs := []rune(w)
	out := make([]string, 0, len(rs))
	for i := range rs {
		out = append(out, string(rs[:i])+string(rs[i+1:]))
	}
	return out
}

// hasDoubled reports whether w writes a letter twice in a row.
func hasDoubled(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] {
			return true
		}
	}
	return false
}

// Suggestion is a word of the index near a misspelt word.
type Suggestion struct {
	Word     string // the index's word
	Term     string // its term
	Distance int    // edits between the two
}

// Suggest returns the index's words nearest word (lower-case), best first: those one edit
// away, or else those word is an abbreviation of. It returns nothing for short words, where
// a near word is as likely another word as a typo. The slice returned is shared: callers
// must not change it. Safe for concurrent use.
func (ix *Index) Suggest(word string) []Suggestion {
	return ix.suggested.Get(word, ix.suggest)
}

// maxSuggested bounds Suggest's cache, so that questions full of made-up words cannot
// grow it without end.
const maxSuggested = 100_000

func (ix *Index) suggest(word string) []Suggestion {
	v := ix.vocabulary()
	n := utf8.RuneCountInString(word)
	if n < 3 || isDigits(word) {
		return nil
	}
	seen := map[int32]bool{}
	var out []Suggestion
	consider := func(i int32) {
		if seen[i] {
			return
		}
		seen[i] = true
		w := v.words[i]
		if OneEdit(word, w) {
			out = append(out, Suggestion{Word: w, Term: v.terms[w], Distance: 1})
		}
	}
	for _, i := range v.deletes[word] { // a letter added to a word of the index
		consider(i)
	}
	for _, d := range deletions(word) {
		if i, ok := v.find(d); ok { // a letter left out of d
			consider(i)
		}
		for _, i := range v.deletes[d] { // a letter changed, or two swapped
			consider(i)
		}
	}
	if len(out) == 0 && n >= 5 {
		// The doubling of a letter misplaced ("tarrif", "comittee"): as near as one edit.
		for _, i := range v.singled[singleLetters(word)] {
			out = append(out, Suggestion{Word: v.words[i], Term: v.terms[v.words[i]], Distance: 1})
		}
	}
	if len(out) == 0 && n >= 3 {
		out = v.abbreviated(word)
	}
	if len(out) == 0 && n >= minTwoEdits {
		out = v.twoEdits(word)
	}
	if len(out) == 0 && n >= minScrambled {
		out = v.scrambled(word)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Distance != out[j].Distance {
			return out[i].Distance < out[j].Distance
		}
		return len(out[i].Word) < len(out[j].Word)
	})
	return out
}

func (v *vocabulary) find(w string) (int32, bool) {
	i := sort.SearchStrings(v.words, w)
	if i < len(v.words) && v.words[i] == w {
		return int32(i), true
	}
	return 0, false
}

// abbreviated finds words that hold word's letters in order and start with its first
// letter: with at most two more letters ("investmnt" → "investment"), or, for a word of
// three or four letters, any number more when the first three agree ("econ" → "economic"),
// or, for a longer word, any number more when it is cut from their start ("pharma" →
// "pharmaceuticals").
func (v *vocabulary) abbreviated(word string) []Suggestion {
	first, _ := utf8.DecodeRuneInString(word)
	lo := sort.SearchStrings(v.words, string(first))
	hi := sort.SearchStrings(v.words, string(first+1))
	n := utf8.RuneCountInString(word)
	var out []Suggestion
	for _, m := range fuzzy.FindFrom(word, wordRange(v.words[lo:hi])) {
		extra := utf8.RuneCountInString(m.Str) - n
		// A few letters left out anywhere ("investmnt"), a short abbreviation that keeps
		// the word's first three letters ("orgs", "econ", "govt"), or the start of a word
		// ("pharma").
		if (extra >= 1 && extra <= 2) || (extra > 2 && n <= 4 && strings.HasPrefix(m.Str, string([]rune(word)[:3]))) ||
			(extra > 2 && n >= minClipped && strings.HasPrefix(m.Str, word)) {
			out = append(out, Suggestion{Word: m.Str, Term: v.terms[m.Str], Distance: extra})
		}
	}
	return out
}

// minClipped is the shortest word read as cut from the start of a longer one: a shorter
// start is the start of too many words.
const minClipped = 5

// minTwoEdits is the shortest word read as a typo two edits from a word of the index: in
// shorter words two edits as often make another word.
const minTwoEdits = 8

// twoEdits finds the words two edits from word ("allaverdanov" → "allahveranov") among
// those that start with its first letter and are about as long.
func (v *vocabulary) twoEdits(word string) []Suggestion {
	n := utf8.RuneCountInString(word)
	var out []Suggestion
	for _, w := range v.sameFirst(word) {
		if m := utf8.RuneCountInString(w); m < n-2 || m > n+2 {
			continue
		}
		if Distance(word, w) == 2 {
			out = append(out, Suggestion{Word: w, Term: v.terms[w], Distance: 2})
		}
	}
	return out
}

// minScrambled is the shortest word read as another with its letters after the first
// in another order ("tawain" for "taiwan").
const minScrambled = 5

// scrambled finds the words of the same letters as word, in another order after the same
// first letter: a typo of two letters swapped across a third, which is two edits.
func (v *vocabulary) scrambled(word string) []Suggestion {
	key := sortedLetters(word)
	var out []Suggestion
	for _, w := range v.sameFirst(word) {
		if len(w) == len(word) && w != word && sortedLetters(w) == key {
			out = append(out, Suggestion{Word: w, Term: v.terms[w], Distance: 2})
		}
	}
	return out
}

// sameFirst returns the words of the vocabulary that start with word's first letter.
func (v *vocabulary) sameFirst(word string) []string {
	first, _ := utf8.DecodeRuneInString(word)
	lo := sort.SearchStrings(v.words, string(first))
	hi := sort.SearchStrings(v.words, string(first+1))
	return v.words[lo:hi]
}

// sortedLetters returns w's letters in order.
func sortedLetters(w string) string {
	rs := []rune(w)
	slices.Sort(rs)
	return string(rs)
}

type wordRange []string

func (w wordRange) String(i int) string { return w[i] }
func (w wordRange) Len() int            { return len(w) }

// Distance is the optimal string alignment distance between a and b (insertions,
// deletions, substitutions and swaps of neighbours), counted in runes.
func Distance(a, b string) int {
	if len(a) < shortWord && len(b) < shortWord && isASCII(a) && isASCII(b) {
		// Most words of a question: on the stack, byte by byte.
		var rows [3][shortWord]int
		return alignment([]byte(a), []byte(b), rows[0][:len(b)+1], rows[1][:len(b)+1], rows[2][:len(b)+1])
	}
	ra, rb := []rune(a), []rune(b)
	return alignment(ra, rb, make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1))
}

// OneEdit reports whether a and b are one edit apart (Distance 1): a letter put in, left
// out, changed, or two swapped. It compares letters once, without aligning the words.
func OneEdit(a, b string) bool {
	if !isASCII(a) || !isASCII(b) {
		return Distance(a, b) == 1
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) > len(b) {
		return a[i+1:] == b[i:] // a letter put in
	}
	if i == len(a) {
		return false // the same word
	}
	return a[i+1:] == b[i+1:] || // a letter changed
		i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] // two swapped
}

// shortWord bounds the words Distance aligns without allocating.
const shortWord = 32

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// alignment is the optimal string alignment distance between a and b, in three rows of
// len(b)+1 cells.
func alignment[T byte | rune](a, b []T, prev2, prev, cur []int) int {
	if len(a) == 0 {
		return len(b)
	}
	if len(b) == 0 {
		return len(a)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
