// Package analyze turns text into index terms: words are lower-cased, split, stemmed with
// the Snowball English stemmer, and read through a thesaurus that folds variants into one
// word ("Chinese" and "China", "Aliev" and "Aliyev"), knows the names of one concept ("BRI"
// and "Belt and Road Initiative") and offers synonyms for a question's words ("commerce"
// for "trade").
//
// The same Analyzer reads articles and questions, so both sides of a match agree. An
// Analyzer is safe for concurrent use.
package analyze

import (
	"fmt"
	"io"
	"iter"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/azchina/azchina/knowledge/internal/memo"
	"github.com/kljensen/snowball/english"
	"gopkg.in/yaml.v3"
)

// Token is one word of analysed text.
type Token struct {
	Term    string // the index term: a stem, a number, or a thesaurus concept
	Surface string // the word as written, lower-cased (a phrase's words joined by spaces)
	Stop    bool   // a function word: kept for reading a question, never indexed
	Number  bool   // digits or a number word ("ten" has Term "10")
	// Sets is the reader's to fill in, and Analyze leaves it zero: the knowledge package
	// keeps in it which of its word sets Surface is in (the row of its marks), to look it
	// up once rather than once a set.
	// Whoever changes Surface must zero it.
	Sets uint64
}

// Thesaurus is the vocabulary knowledge an Analyzer reads text with.
type Thesaurus struct {
	// Concepts maps a concept term to the phrases that name it.
	Concepts map[string][]string `yaml:"concepts"`
	// Variants maps a word to its other spellings and forms.
	Variants map[string][]string `yaml:"variants"`
	// Synonyms are groups of words that a question may use for one another.
	Synonyms [][]string `yaml:"synonyms"`
	// Compounds maps a word to phrases read as that one word, in articles and questions
	// alike: "developing nations" are no nations that develop, and "said yes" accepted.
	Compounds map[string][]string `yaml:"compounds"`
	// Figurative are names whose words say nothing of what they name: the Belt and Road
	// is no road.
	Figurative []string `yaml:"figurative"`
	// Opposites are pairs of groups of words that say the contrary of one another: a
	// yes-no question in one ("did China confirm it") is answered by a sentence in the
	// other ("Chen Ming refuted the reports").
	Opposites [][2][]string `yaml:"opposites"`
}

// ReadThesaurus reads a thesaurus in YAML. It returns an error for malformed YAML or an
// unknown key.
func ReadThesaurus(r io.Reader) (*Thesaurus, error) {
	var t Thesaurus
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("read thesaurus: %w", err)
	}
	return &t, nil
}

// Merge adds the entries of o to t.
func (t *Thesaurus) Merge(o *Thesaurus) {
	if t.Concepts == nil {
		t.Concepts = map[string][]string{}
	}
	if t.Variants == nil {
		t.Variants = map[string][]string{}
	}
	for k, v := range o.Concepts {
		t.Concepts[k] = append(t.Concepts[k], v...)
	}
	for k, v := range o.Variants {
		t.Variants[k] = append(t.Variants[k], v...)
	}
	for k, v := range o.Compounds {
		if t.Compounds == nil {
			t.Compounds = map[string][]string{}
		}
		t.Compounds[k] = append(t.Compounds[k], v...)
	}
	t.Synonyms = append(t.Synonyms, o.Synonyms...)
	t.Opposites = append(t.Opposites, o.Opposites...)
}

// Analyzer splits and normalises text. Build one with New.
type Analyzer struct {
	stems    *memo.Memo[string]  // word → stem, for the first maxCached words
	words    *memo.Memo[Token]   // word → its token (see Word), for the first maxCached words
	variants map[string]string   // surface word → term
	synonyms map[string][]string // term → terms a question may mean by it
	opposite map[string][]string // term → terms that say its contrary
	concepts map[string][]int    // first term of a name → concepts with a name starting so
	names    [][][]string        // concept → its names, each a list of terms
	// compounds maps the first word of a compound's phrase to its phrases, longest first.
	compounds map[string][]compound
	// nameWords are the words, as written, of the concepts' names and the compounds'
	// phrases: a mistyped one may be told by them ("mine clearence").
	nameWords map[string]bool
	// figurative holds the figurative names, each as its terms.
	figurative [][]string
}

// compound is a phrase of several words read as one word.
type compound struct {
	words []string // as written, lower-cased
	stems []string // the Snowball stems of words
	term  string
}

// New builds an Analyzer from a thesaurus (nil for none).
func New(t *Thesaurus) *Analyzer {
	a := &Analyzer{stems: memo.New[string](maxCached), words: memo.New[Token](maxCached), variants: map[string]string{}, synonyms: map[string][]string{}, opposite: map[string][]string{}, concepts: map[string][]int{}, compounds: map[string][]compound{}, nameWords: map[string]bool{}}
	if t == nil {
		return a
	}
	for word, phrases := range t.Compounds {
		// A compound of one word is that word's term ("accept"); one named by a phrase
		// is a term of its own.
		ws := splitWords(word)
		term := strings.Join(ws, "_")
		if len(ws) == 1 {
			term = english.Stem(ws[0], true)
		}
		for _, p := range phrases {
			ws := splitWords(p)
			if len(ws) < 2 {
				continue
			}
			a.addNameWords(ws)
			a.compounds[ws[0]] = append(a.compounds[ws[0]], compound{words: ws, stems: stems(ws), term: term})
		}
	}
	for _, cs := range a.compounds {
		sort.SliceStable(cs, func(i, j int) bool { return len(cs[i].words) > len(cs[j].words) })
	}
	for word, forms := range t.Variants {
		term := english.Stem(word, true)
		for _, f := range forms {
			a.variants[normalWord(f)] = term
		}
	}
	keys := make([]string, 0, len(t.Concepts))
	for k := range t.Concepts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := len(a.names)
		var names [][]string
		for _, n := range append([]string{k}, t.Concepts[k]...) {
			a.addNameWords(splitWords(n))
			terms := a.Terms(n)
			if len(terms) == 0 || containsName(names, terms) {
				continue
			}
			names = append(names, terms)
			if !containsInt(a.concepts[terms[0]], c) {
				a.concepts[terms[0]] = append(a.concepts[terms[0]], c)
			}
		}
		a.names = append(a.names, names)
	}
	for _, group := range t.Synonyms {
		terms := a.singleTerms(group)
		for _, x := range terms {
			for _, y := range terms {
				if x != y && !contains(a.synonyms[x], y) {
					a.synonyms[x] = append(a.synonyms[x], y)
				}
			}
		}
	}
	for _, pair := range t.Opposites {
		for _, x := range a.singleTerms(pair[0]) {
			for _, y := range a.singleTerms(pair[1]) {
				if !contains(a.opposite[x], y) {
					a.opposite[x] = append(a.opposite[x], y)
				}
				if !contains(a.opposite[y], x) {
					a.opposite[y] = append(a.opposite[y], x)
				}
			}
		}
	}
	for _, name := range t.Figurative {
		if ts := a.Terms(name); len(ts) > 1 {
			a.figurative = append(a.figurative, ts)
		}
	}
	return a
}

// Figurative returns the terms of the names whose words say nothing of what they name.
func (a *Analyzer) Figurative() [][]string { return a.figurative }

// addNameWords adds the words of a name that are long enough to be told by a typo.
func (a *Analyzer) addNameWords(ws []string) {
	for _, w := range ws {
		if len(w) >= minNameWord && !IsStopWord(w) {
			a.nameWords[w] = true
		}
	}
}

// minNameWord is the length of the shortest word of a name that a typo is read as.
const minNameWord = 5

// NameWord reports whether w, as written, is a word of a concept's name or a compound's
// phrase ("clearance" of "mine clearance").
func (a *Analyzer) NameWord(w string) bool { return a.nameWords[w] }

// NameWords returns the words NameWord reports.
func (a *Analyzer) NameWords() iter.Seq[string] { return maps.Keys(a.nameWords) }

func containsName(names [][]string, terms []string) bool {
	for _, n := range names {
		if strings.Join(n, " ") == strings.Join(terms, " ") {
			return true
		}
	}
	return false
}

func containsInt(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

// Terms returns the content terms of s (its tokens without function words), in order.
func (a *Analyzer) Terms(s string) []string {
	var out []string
	for _, t := range a.Analyze(s) {
		if !t.Stop {
			out = append(out, t.Term)
		}
	}
	return out
}

// Concept is a run of a question's terms that names a concept, with every name of it.
type Concept struct {
	Start, End int        // the run is terms[Start:End]
	Names      [][]string // each name as a list of terms
}

// Concepts finds the runs of terms that name a concept, longest first where names overlap.
func (a *Analyzer) Concepts(terms []string) []Concept {
	var out []Concept
	for i := 0; i < len(terms); i++ {
		best, bestLen := -1, 0
		for _, c := range a.concepts[terms[i]] {
			for _, name := range a.names[c] {
				if len(name) > bestLen && i+len(name) <= len(terms) && equal(terms[i:i+len(name)], name) {
					best, bestLen = c, len(name)
				}
			}
		}
		if best >= 0 {
			out = append(out, Concept{Start: i, End: i + bestLen, Names: a.names[best]})
			i += bestLen - 1
		}
	}
	return out
}

func equal(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// NamesConcept reports whether term alone is a name of a concept ("fms" of the foreign
// ministers): a word to read as it is, not as a typo.
func (a *Analyzer) NamesConcept(term string) bool {
	for _, c := range a.concepts[term] {
		for _, name := range a.names[c] {
			if len(name) == 1 && name[0] == term {
				return true
			}
		}
	}
	return false
}

// Synonyms returns the terms a question may mean by term.
func (a *Analyzer) Synonyms(term string) []string { return a.synonyms[term] }

// Opposites returns the terms that say the contrary of term.
func (a *Analyzer) Opposites(term string) []string { return a.opposite[term] }

// singleTerms returns the terms of the words that are one term each.
func (a *Analyzer) singleTerms(words []string) []string {
	var out []string
	for _, w := range words {
		if ts := a.Terms(w); len(ts) == 1 {
			out = append(out, ts[0])
		}
	}
	return out
}

// Analyze splits s into tokens.
func (a *Analyzer) Analyze(s string) []Token {
	ws := splitWords(s)
	out := make([]Token, 0, len(ws))
	for i := 0; i < len(ws); i++ {
		if i+1 < len(ws) && reciprocals[[2]string{ws[i], ws[i+1]}] {
			// "each other" is one word, and says what two sides do to one another,
			// though each of its words alone is a function word.
			out = append(out, Token{Term: Reciprocal, Surface: ws[i] + " " + ws[i+1]})
			i++
			continue
		}
		if c, ok := a.compoundAt(ws, i); ok {
			out = append(out, Token{Term: c.term, Surface: strings.Join(c.words, " ")})
			i += len(c.words) - 1
			continue
		}
		if ws[i] == "us" && i > 0 && ws[i-1] == "the" || ws[i] == "u" && i+1 < len(ws) && ws[i+1] == "s" {
			// "the us" is the country, whatever case it is written in: no pronoun
			// follows "the"; nor is "U.S." the chat "u".
			out = append(out, Token{Term: a.Word("usa").Term, Surface: "us"})
			if ws[i] == "u" {
				i++
			}
			continue
		}
		out = append(out, a.Word(ws[i]))
	}
	return out
}

// Reciprocal is the term of "each other" and "one another".
const Reciprocal = "each_other"

// compoundAt returns the longest compound whose phrase starts at ws[i]. The words after
// the first may be written in another form of the same stem ("trade volumes"), or
// mistyped so that the stem is still theirs ("trade volum"); a phrase as written is found
// first.
func (a *Analyzer) compoundAt(ws []string, i int) (compound, bool) {
	cs := a.compounds[ws[i]]
	for _, c := range cs {
		if i+len(c.words) <= len(ws) && slices.Equal(ws[i:i+len(c.words)], c.words) {
			return c, true
		}
	}
	for _, c := range cs {
		if i+len(c.words) <= len(ws) && a.sameStems(ws[i+1:i+len(c.words)], c.stems[1:]) {
			return c, true
		}
	}
	return compound{}, false
}

// sameStems reports whether words stem to stems.
func (a *Analyzer) sameStems(words, stems []string) bool {
	for k, w := range words {
		if IsStopWord(w) || a.stem(w) != stems[k] {
			return false
		}
	}
	return true
}

// stems returns the Snowball stems of words.
func stems(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = english.Stem(w, true)
	}
	return out
}

var reciprocals = map[[2]string]bool{{"each", "other"}: true, {"one", "another"}: true}

// Word analyses one lower-cased word.
func (a *Analyzer) Word(w string) Token {
	return a.words.Get(w, a.word)
}

// word is Word, without the cache.
func (a *Analyzer) word(w string) Token {
	if IsStopWord(w) {
		return Token{Term: w, Surface: w, Stop: true}
	}
	if t, ok := a.variants[w]; ok {
		return Token{Term: t, Surface: w}
	}
	if n, ok := numberWords[w]; ok {
		return Token{Term: n, Surface: w, Number: true}
	}
	if n, ok := number(w); ok {
		return Token{Term: n, Surface: w, Number: true}
	}
	return Token{Term: a.stem(w), Surface: w}
}

// maxCached bounds the stem cache, so that questions full of made-up words cannot grow it
// without end.
const maxCached = 200_000

func (a *Analyzer) stem(w string) string {
	if s, ok := overstemmed[w]; ok {
		return s
	}
	return a.stems.Get(w, func(w string) string { return english.Stem(w, true) })
}

// overstemmed are the words the Snowball stemmer cuts to another word's stem, with a
// stem of their own: "important" is no "import", whose synonyms are trade words, nor
// "renewable" energy a "renewed" passport, nor "firmly" a company.
var overstemmed = map[string]string{
	"important": "importan", "importance": "importan", "importantly": "importan",
	"renewable": "renewabl", "renewables": "renewabl",
	"firmly": "firmli", // no firm
}

// Stem returns the Snowball stem of a lower-case word, without the thesaurus: "european"
// stems to "european" though the thesaurus reads it as "europe".
func (a *Analyzer) Stem(w string) string { return a.stem(w) }

// number reads a number as the index keeps it: digits without thousands separators,
// without an ordinal or a unit suffix ("35th" and "35" are one; "3.5bn" is "3.5").
func number(w string) (string, bool) {
	end := 0
	for end < len(w) && (w[end] >= '0' && w[end] <= '9' || w[end] == '.' || w[end] == ',') {
		end++
	}
	if end == 0 || w[0] < '0' || w[0] > '9' {
		return "", false
	}
	switch w[end:] {
	case "", "st", "nd", "rd", "th", "bn", "b", "mn", "m", "k", "s", "km":
	default:
		return "", false
	}
	return strings.TrimSuffix(strings.ReplaceAll(w[:end], ",", ""), ".0"), true
}

// splitWords lower-cases s and splits it into words: letters and digits, with decimal
// points and thousands separators inside numbers kept ("3.5", "86,000"). Hyphens split
// words but for a stance ("pro-government"), and so do apostrophes; a possessive "'s" is
// dropped. "&" and a lone "n" (as in "belt n road") read as "and".
// shouted reports whether s is written in capitals throughout ("TELL US"): its "US" may
// be the pronoun.
func shouted(s string) bool { return !strings.ContainsFunc(s, unicode.IsLower) }

func splitWords(s string) []string {
	out := make([]string, 0, strings.Count(s, " ")+1) // about one word a space
	// A word is a span of s, cut without copying unless it has capitals to lower.
	from, upper := -1, false
	flush := func(end int) {
		if from < 0 {
			return
		}
		w := s[from:end]
		if w == "US" && !shouted(s) {
			// "US–China talks": the country, as "U.S." is (see Analyze), not "us"
			from, upper = -1, false
			out = append(out, "u", "s")
			return
		}
		if upper {
			w = strings.ToLower(w)
		}
		from, upper = -1, false
		if w == "n" || w == "'n'" {
			w = "and"
		}
		out = append(out, w)
	}
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case wordRune(r):
			if from < 0 {
				from = i
			}
			upper = upper || r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.ToLower(r) != r
		case (r == '.' || r == ',') && from >= 0 && lastIsDigit(s[from:i]) && i+size < len(s) && isDigitAt(s, i+size):
		case r == '-' && from >= 0 && stancePrefix[strings.ToLower(s[from:i])] && i+size < len(s) && isLetterAt(s, i+size):
			// "pro-government" media are not the government
		case r == '&':
			flush(i)
			out = append(out, "and")
		case r == '\'' || r == '’':
			flush(i)
			if i+size < len(s) && (s[i+size] == 's' || s[i+size] == 'S') && (i+size+1 == len(s) || !isLetterAt(s, i+size+1)) {
				size++ // possessive 's
			}
		default:
			flush(i)
		}
		i += size
	}
	flush(len(s))
	return out
}

// wordRune reports whether r belongs to a word: a letter, a digit or a combining mark.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// stancePrefix makes one word with the word after its hyphen: "pro-government" and
// "anti-war" say a stance toward the thing, and do not name it.
var stancePrefix = map[string]bool{"pro": true, "anti": true}

func normalWord(w string) string {
	ws := splitWords(w)
	if len(ws) == 0 {
		return ""
	}
	return ws[0]
}

func lastIsDigit(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r >= '0' && r <= '9'
}

func isDigitAt(s string, i int) bool { return s[i] >= '0' && s[i] <= '9' }

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
	"fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
	"nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50",
	"sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100",
}

// IsStopWord reports whether w (lower-case) is a function word that carries no topic: the
// Snowball English list and the filler words of questions ("tell", "please").
func IsStopWord(w string) bool {
	if english.IsStopWord(w) {
		return true
	}
	switch w {
	case "also", "would", "could", "may", "might", "shall", "must", "us", "let", "yes", "ok",
		"okay", "please", "tell", "know", "anything", "something", "everything", "nothing",
		"everyone", "everybody", "thing", "things", "whose",
		"much", "many", "ever", "yet", "still", "even", "well", "like", "lot", "kind", "sort",
		"really", "actually", "exactly", "regarding", "concerning", "etc", "via", "per",
		"upon", "within", "without", "among", "across", "toward", "towards", "around", "onto",
		"amid", "amidst", "behind", "beyond", "alongside", "despite", "near", "beside", "plus", "throughout", "amongst", "whilst", "unlike",
		"i'm", "im", "hi", "hello", "hey", "thanks", "u", "ur", "pls", "plz", "abt",
		"wat", "wht", "whats", "what's", "whos", "hw", "r", "y", "d", "m", "ll", "ve", "re",
		// Chat filler: words that soften or pad a question without naming its topic.
		"stuff", "smth", "sth", "someone", "anyone", "somebody", "anybody", "kinda", "sorta",
		"roughly", "approximately", "basically", "literally", "honestly", "seriously", "lol",
		"btw", "tho", "though", "imo", "thx", "gonna", "wanna", "gotta", "yeah", "yep", "nope",
		"nah", "ya", "yea", "idk", "tbh", "ngl", "rn", "bruh", "fyi", "asap", "ty", "yo",
		"fr", "frfr", "lowkey", "highkey", "tbf", "iirc", "afaik", "smh", "omg", "vibe", "vibes", "bro", "tldr",
		"lmao", "lmfao", "rofl", "haha", "hahaha", "hehe", "xd",
		"dude",
		"true", "else", "besides", "apart", "whether", "anyway", "just", "maybe", "perhaps",
		"probably", "possibly", "certain", "certainly", "sure", "guess", "wonder", "wondering",
		"curious", "idea", "ones", "bit", "lots", "plenty", "somehow", "somewhat",
		"anywhere", "somewhere", "everywhere",
		// Contractions split at their apostrophe ("wasn't" is "wasn" and "t").
		"isn", "aren", "wasn", "weren", "didn", "doesn", "don", "hasn", "haven", "hadn",
		"couldn", "wouldn", "shouldn", "mustn", "needn", "shan",
		// A prefix split at its hyphen: "co-hosted".
		"co",
		// Contractions typed without their apostrophe.
		"wasnt", "isnt", "arent", "werent", "didnt", "doesnt", "dont", "hasnt", "havent",
		"wont", "cant", "couldnt", "wouldnt", "shouldnt", "theyre", "thats", "theres", "hows",
		"whys", "wheres", "whens", "ive", "youre", "others", "another", "each":
		return true
	}
	return false
}
