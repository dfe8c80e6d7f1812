package knowledge

// How a question word the articles never use is weighed, corrected and related.

import (
	"iter"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/azchina/azchina/knowledge/analyze"
	"github.com/azchina/azchina/knowledge/index"
	"github.com/kljensen/snowball/english"
)

// maxReadings bounds how many words a typo is read as.
const maxReadings = 3

// particles follow a verb to make a verb of two words ("set up", "carry out").
// "On", "in" and "over" are left out: after a verb they are more often prepositions ("hung
// on April 22").
var particles = map[string]bool{"up": true, "out": true, "off": true, "down": true, "back": true, "away": true, "forward": true, "along": true}

// relatedTo returns the words WordNet relates to w (or to the verb "w particle"), read
// from w's base form: "greeted" is looked up as "greet".
func (e *Engine) relatedTo(w, particle string) []string {
	for base := range e.eachBase(w) {
		key := base
		if particle != "" {
			key += "_" + particle
		}
		if rel := e.related.of(key); len(rel) > 0 {
			return rel
		}
	}
	return nil
}

// phrasalVerb reports whether w and particle make one of the verbs of two words news text
// uses in a sense of their own (data/phrasal.txt): "got back" is regained.
func (e *Engine) phrasalVerb(w, particle string) bool {
	for base := range e.eachBase(w) {
		if len(e.related.first[base+"_"+particle]) > 0 {
			return true
		}
	}
	return false
}

// suggest returns the words of the index a typo may be, as index.Suggest does; or, when
// it finds none, those it finds for the typo without its ending: "suported" is two edits
// from "supported", but "suport" one from "support"; "jinpngs" (a possessive without its
// apostrophe) one from "jinping".
func (e *Engine) suggest(w string) []index.Suggestion {
	if s := e.ix.Suggest(w); len(s) > 0 {
		if strings.ContainsAny(w, "0123456789") {
			// "cop28" is no mistyped "cop29": another number names another thing.
			return slices.DeleteFunc(slices.Clone(s), func(o index.Suggestion) bool { return digitsOf(o.Term) != digitsOf(w) })
		}
		return s
	}
	for _, end := range []string{"ed", "ing", "s"} {
		if stem := strings.TrimSuffix(w, end); stem != w && len(stem) >= 4 {
			if s := e.ix.Suggest(stem); len(s) > 0 {
				return s
			}
		}
	}
	return nil
}

// digitsOf returns the digits of w in order: "29" of "cop29".
func digitsOf(w string) string {
	return strings.Map(func(r rune) rune {
		if r < '0' || r > '9' {
			return -1
		}
		return r
	}, w)
}

// bases returns w and the base forms it may inflect that are common English words, w first.
func (e *Engine) bases(w string) []string {
	var out []string
	for b := range e.eachBase(w) {
		out = append(out, b)
	}
	return out
}

// eachBase yields what bases returns, one by one: a caller that stops early has the later
// ones not looked for.
func (e *Engine) eachBase(w string) iter.Seq[string] {
	return func(yield func(string) bool) {
		if !yield(w) {
			return
		}
		for _, suf := range inflections {
			if strings.HasSuffix(w, suf.cut) && len(w) > len(suf.cut)+2 {
				if b := strings.TrimSuffix(w, suf.cut) + suf.add; e.english[b] > 0 && !(suf.add == "" && doublesLast(b, suf.cut)) {
					if !yield(b) {
						return
					}
				}
			}
		}
		if t := e.az.Word(w); t.Term != w && e.english[t.Term] > 0 {
			yield(t.Term) // an irregular form: "took" is "take"
		}
	}
}

// doublesLast reports whether a short word doubles its last letter before an ending that
// opens with a vowel ("sin": "sinned", not "sined"; "hop": "hopping").
func doublesLast(base, ending string) bool {
	const vowels = "aeiou"
	return len(base) == 3 && strings.IndexByte(vowels, ending[0]) >= 0 && strings.IndexByte(vowels, base[0]) < 0 &&
		strings.IndexByte(vowels, base[1]) >= 0 && strings.IndexByte(vowels+"wxy", base[2]) < 0
}

// spellings are the endings British and American English spell differently ("honour" and
// "honor", "organise" and "organize", "centre" and "center"), each way round.
var spellings = [][2]string{
	{"our", "or"}, {"ours", "ors"}, {"oured", "ored"}, {"ouring", "oring"}, {"ourable", "orable"},
	{"ise", "ize"}, {"ised", "ized"}, {"ises", "izes"}, {"ising", "izing"}, {"isation", "ization"},
	{"isations", "izations"}, {"yse", "yze"}, {"ysed", "yzed"}, {"tre", "ter"}, {"tres", "ters"},
	{"ence", "ense"}, {"ogue", "og"}, {"ogues", "ogs"}, {"lled", "led"}, {"lling", "ling"},
	{"mme", "m"}, {"mmes", "ms"},
}

// otherSpelling returns the term of w as the other side of the Atlantic spells it, when
// the index holds that and not w's own ("honours" → "honor"), or "".
func (e *Engine) otherSpelling(w string) string {
	for _, sp := range spellings {
		for _, way := range [2][2]string{sp, {sp[1], sp[0]}} {
			stem, ok := strings.CutSuffix(w, way[0])
			if !ok || len(stem) < 2 {
				continue
			}
			t := e.az.Word(stem + way[1])
			if _, ok := e.ix.Term(t.Term); ok && !t.Stop {
				return t.Term
			}
		}
	}
	return ""
}

// compoundHead reads a word the articles do not use as two English words run together
// ("landmines" = "land" + "mines") and returns the index term of its head, the second.
func (e *Engine) compoundHead(w string) (string, bool) {
	rs := []rune(w)
	for i := 3; i <= len(rs)-3; i++ {
		left, right := string(rs[:i]), string(rs[i:])
		if !e.isEnglish(left) || !e.isEnglish(right) {
			continue
		}
		if t := e.az.Word(right); !t.Stop {
			if _, ok := e.ix.Term(t.Term); ok {
				return t.Term, true
			}
		}
	}
	return "", false
}

// apart returns text with each word typed as two or three run together ("peopletopeople")
// written apart, when the articles use the words and not the run, and the run
// is no typo of a word of theirs; otherwise text as it is.
func (e *Engine) apart(text string) string {
	var fields []string
	// A question typed without spaces is one or two words long ("whoisxijinpingswife?").
	whole := len(strings.Fields(text)) <= 2
	i := -1
	for f := range strings.FieldsSeq(text) {
		i++
		w := strings.TrimRight(f, ",.?!:;")
		if parts := questionRunTogether(w); parts != "" {
			if fields == nil {
				fields = strings.Fields(text)
			}
			fields[i] = parts + f[len(w):] // "howmuch has …"
			continue
		}
		if len(w) < minRunTogether || !isLowerASCII(w) {
			continue
		}
		if _, known := e.ix.Term(e.az.Word(w).Term); known || e.isEnglish(w) || len(e.suggest(w)) > 0 {
			continue // (most long words are the articles' own: settled first)
		}
		if parts := e.runTogether(w); parts != "" || whole && len(w) >= minSentenceRun && len(w) <= maxSentenceRun {
			if parts == "" {
				if parts = e.segmented(w); parts == "" {
					continue
				}
			}
			if fields == nil {
				fields = strings.Fields(text)
			}
			fields[i] = parts + f[len(w):]
		}
	}
	if fields == nil {
		return text
	}
	return strings.Join(fields, " ")
}

// questionRunTogether returns a question word typed together with the function word
// after it written apart ("howmuch": "how much", "whatdid": "what did"), or "".
func questionRunTogether(w string) string {
	if len(w) < 5 || !isLowerASCII(w) {
		return ""
	}
	for _, qw := range questionHead {
		if rest, ok := strings.CutPrefix(w, qw); ok && len(rest) > 1 && (auxiliaries[rest] || copulas[rest] || rest == "much" || rest == "many" || rest == "long") {
			return qw + " " + rest
		}
	}
	return ""
}

// minRunTogether is the shortest word read as words run together.
const minRunTogether = 8

// runTogether returns the words the articles use that w runs together, written apart
// ("people to people"), or "".
func (e *Engine) runTogether(w string) string {
	for i := 3; i <= len(w)-3; i++ {
		if e.articlesWord(w[:i]) && e.articlesWord(w[i:]) {
			return w[:i] + " " + w[i:]
		}
	}
	for i := 3; i <= len(w)-5; i++ {
		for _, link := range []string{"to", "and", "of", "in", "on", "the"} {
			if rest, ok := strings.CutPrefix(w[i:], link); ok && len(rest) >= 3 && e.articlesWord(w[:i]) && e.articlesWord(rest) {
				return w[:i] + " " + link + " " + rest
			}
		}
	}
	return ""
}

// minSentenceRun and maxSentenceRun bound a word read as a whole question typed without
// spaces ("whoisxijinpingswife"): runs longer than maxSentenceRun are no question.
const (
	minSentenceRun = 12
	maxSentenceRun = 120
)

// segmented returns w, typed without spaces, written as the fewest words that are each a
// function word, a word or name of the articles (or one's possessive without its
// apostrophe: "jinpings"), or an English word of three letters or more
// ("whoisxijinpingswife": "who is xi jinpings wife"); or "" when no such words spell it.
func (e *Engine) segmented(w string) string {
	// best[i] is the fewest words that spell w[:i], and from[i] where the last begins.
	best := make([]int, len(w)+1)
	from := make([]int, len(w)+1)
	for i := 1; i <= len(w); i++ {
		best[i] = -1
		for j := max(0, i-maxWordLen); j < i; j++ {
			if best[j] < 0 && j > 0 || !e.segmentWord(w[j:i]) {
				continue
			}
			if n := best[j] + 1; best[i] < 0 || n < best[i] {
				best[i], from[i] = n, j
			}
		}
	}
	if best[len(w)] < 0 {
		return ""
	}
	var words []string
	for i := len(w); i > 0; i = from[i] {
		words = append(words, w[from[i]:i])
	}
	slices.Reverse(words)
	return strings.Join(words, " ")
}

// maxWordLen is the longest word segmented looks for.
const maxWordLen = 20

// segmentWord reports whether w may be a word of a question typed without spaces: a
// function word ("is", "the"; "a" and "i" alone of one letter), a word or name the
// articles use, one's possessive without its apostrophe, or an English word of three
// letters or more.
func (e *Engine) segmentWord(w string) bool {
	t := e.az.Word(w)
	if t.Stop {
		return len(w) > 1 || w == "a" || w == "i"
	}
	if len(w) < 2 {
		return false
	}
	if _, ok := e.ix.Term(t.Term); ok {
		return true
	}
	if base, ok := strings.CutSuffix(w, "s"); ok && len(base) > 1 {
		if _, ok := e.ix.Term(e.az.Word(base).Term); ok {
			return true
		}
	}
	return len(w) > 2 && e.wordCount(w) > 0
}

// articlesWord reports whether w is a word the articles use: an English word, or one of
// four letters or more of their own ("visa", "xinhua").
func (e *Engine) articlesWord(w string) bool {
	t := e.az.Word(w)
	if t.Stop {
		return false
	}
	_, ok := e.ix.Term(t.Term)
	return ok && (len(w) >= 4 || e.isEnglish(w))
}

// isLowerASCII reports whether w is written in lower-case ASCII letters only.
func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// joinedTerm is a word of the articles that two words of a question spell together, and
// how much a match of it counts.
type joinedTerm struct {
	Term   string
	factor float64
}

// joinedWord reads the question's words i and i+1 as one word of the articles they split
// ("multi modal", or mistyped: "mutli modal" → "multimodal"), when the articles do not use
// both of them as they stand. Two words the articles use are two words ("trade war").
func (e *Engine) joinedWord(tokens []analyze.Token, i int, acronyms map[string]bool) (joinedTerm, bool) {
	if i+1 >= len(tokens) {
		return joinedTerm{}, false
	}
	a, b := tokens[i], tokens[i+1]
	if a.Stop || b.Stop || a.Number || b.Number || acronyms[a.Surface] || acronyms[b.Surface] || !isLatin(a.Surface) || !isLatin(b.Surface) {
		return joinedTerm{}, false
	}
	_, knowA := e.ix.Term(a.Term)
	_, knowB := e.ix.Term(b.Term)
	if knowA && knowB {
		return joinedTerm{}, false
	}
	w := e.az.Word(a.Surface + b.Surface)
	if _, ok := e.ix.Term(w.Term); ok && !w.Stop {
		return joinedTerm{Term: w.Term, factor: 1}, true
	}
	if len(a.Surface)+len(b.Surface) < minJoinedTypo || !e.mayBeTypo(a.Surface+b.Surface) {
		return joinedTerm{}, false
	}
	if s := e.ix.Suggest(a.Surface + b.Surface); len(s) > 0 && s[0].Distance == 1 {
		return joinedTerm{Term: s[0].Term, factor: typoFactor}, true
	}
	return joinedTerm{}, false
}

// mendDoubling reads a word whose consonant before -ing or -ed is written once where it
// doubles as the word it is mistyped from ("planing" is "planning", not "plane"), when
// that word is one the articles use, a word of a name the thesaurus gives ("twined" is
// "twinned": a sister city), or one that frames a question, and the word as
// written is neither.
func (e *Engine) mendDoubling(tokens []analyze.Token) []analyze.Token {
	for i, t := range tokens {
		if t.Stop || t.Number {
			continue
		}
		for _, end := range []string{"ing", "ed"} {
			base, ok := strings.CutSuffix(t.Surface, end)
			if !ok || len(base) < 3 || !singleConsonantEnd(base) {
				continue
			}
			if _, known := e.ix.Term(t.Term); known || markedFrameWords.holds(t) {
				break
			}
			doubled := base + base[len(base)-1:] + end
			d := e.az.Word(doubled)
			if _, known := e.ix.Term(d.Term); known || frameWords[doubled] || e.az.NameWord(doubled) {
				tokens[i] = d
			}
			break
		}
	}
	return tokens
}

// mendTypos reads a word that is no word of the articles nor of English, and one edit
// from a common English word the articles do not use, as that word: "betwen" is
// "between", "valeu" is "value", "helpin" is "helping". A typo of a word the articles use
// is left to the index, which reads it as that word ("banquit"); but a mistyped verb of
// reporting is mended, as it frames the question ("intervewed"). A word the question
// capitalises is a name.
func (e *Engine) mendTypos(tokens []analyze.Token, text string) []analyze.Token {
	for i := 1; i < len(tokens); i++ {
		if t := tokens[i]; !t.Stop && !t.Number {
			if _, known := e.ix.Term(t.Term); !known {
				if rest, ok := e.nameRest(tokens[i-1].Term, t.Surface); ok {
					tokens[i] = e.az.Word(rest) // "wang yee": Wang Yi
					if part := e.partSpelled(rest, t.Surface); part != "" {
						tokens[i].Surface, tokens[i].Sets = part, 0 // "jinpin": "jinping", a part of a name as written
					}
				}
			}
		}
	}
	for i := 1; i < len(tokens); i++ {
		if w := e.wordOfPhrase(tokens[i-1], tokens[i]); w != "" {
			tokens[i] = e.az.Word(w) // "visa waver": a word of English, but a visa waiver
		}
	}
	for i, t := range tokens {
		if t.Stop || t.Number || len(t.Surface) < 4 || e.english[t.Surface] > 0 || e.az.NamesConcept(t.Term) {
			continue // (a name of the thesaurus' own is no typo: "envoy" is no "enjoy")
		}
		if term, ok := e.namePossessive(t.Surface); ok {
			// "alievs wife": a name's possessive typed without its apostrophe, no typo
			tokens[i].Term = term
			continue
		}
		var fix string
		if _, known := e.ix.Term(t.Term); known {
			if t.Term == t.Surface {
				fix = functionWordCut(t.Surface) // "befor": the index holds the stem of "before"
			}
		} else if isLatin(t.Surface) && e.wordCount(t.Surface) == 0 && e.compoundCount(t.Surface) == 0 {
			if len(t.Surface) >= 5 {
				// "which agency intervewed him": a verb of reporting frames the question
				// (but "iran" is no "ran").
				fix = e.mistypedIn(t.Surface, sortedSourceVerbs)
			}
			if s := e.ix.Suggest(t.Surface); fix == "" && (len(s) == 0 || s[0].Distance > 1) {
				fix = e.mistypedWord(t.Surface)
			}
		}
		if fix == "" || writtenCapitalised(text, t.Surface) {
			continue
		}
		tokens[i] = e.az.Word(fix)
	}
	return tokens
}

// wordOfPhrase returns the word of the articles that t, a word of English they never use,
// is one edit from, when it makes with the word before it the name of a concept ("visa
// waver": waiver), or "".
func (e *Engine) wordOfPhrase(prev, t analyze.Token) string {
	if prev.Stop || t.Stop || t.Number || len(t.Surface) < 4 || e.english[t.Surface] == 0 {
		return ""
	}
	if _, known := e.ix.Term(t.Term); known {
		return ""
	}
	for _, s := range e.ix.Suggest(t.Surface) {
		if s.Distance != 1 {
			continue
		}
		if cs := e.az.Concepts([]string{prev.Term, s.Term}); len(cs) == 1 && cs[0].Start == 0 && cs[0].End == 2 {
			return s.Word
		}
	}
	return ""
}

// nameRest returns the next word of a full name the articles give that starts with the
// term first, when w is that word mistyped (its first letter kept, two edits at most), and
// whether it is one.
func (e *Engine) nameRest(first, w string) (string, bool) {
	for _, name := range e.personNames[first] {
		if len(name) > 1 && w != "" && name[1] != "" && w[0] == name[1][0] && index.Distance(w, name[1]) <= 2 {
			return name[1], true
		}
	}
	return "", false
}

// partSpelled returns the part of a person's name whose term is term and that w is
// nearest to in spelling ("jinping" for "jinpin"), or "".
func (e *Engine) partSpelled(term, w string) string {
	best, least := "", 3
	for part := range e.personParts {
		if e.az.Word(part).Term != term {
			continue
		}
		if d := index.Distance(w, part); d < least {
			best, least = part, d
		}
	}
	return best
}

// namePossessive returns the term of the name w is the possessive of, typed without its
// apostrophe ("alievs", "armenias"), and whether it is one.
func (e *Engine) namePossessive(w string) (string, bool) {
	base, ok := strings.CutSuffix(w, "s")
	if !ok || len(base) <= 2 {
		return "", false
	}
	term := e.az.Word(base).Term
	return term, e.names[term]
}

// splitNames reads a word that runs a person's name together ("wangyi", "xijinping") as
// the words of the name, when the articles name someone so.
func (e *Engine) splitNames(tokens []analyze.Token) []analyze.Token {
	for i, t := range tokens {
		if t.Stop || t.Number || len(t.Surface) < 5 || len(e.personParts[t.Surface]) > 0 {
			continue
		}
		if _, known := e.ix.Term(t.Term); known {
			continue
		}
		for k := 2; k <= len(t.Surface)-2; k++ {
			a, b := t.Surface[:k], t.Surface[k:]
			if samePerson(e.personParts[a], e.personParts[b]) {
				out := append(append(slices.Clip(tokens[:i]), e.az.Word(a), e.az.Word(b)), tokens[i+1:]...)
				return e.splitNames(out)
			}
		}
	}
	return tokens
}

// samePerson reports whether two lists of persons share one.
func samePerson(a, b []string) bool {
	for _, p := range a {
		if slices.Contains(b, p) {
			return true
		}
	}
	return false
}

// mistypedWord returns the most common English word one edit from w: a function word, or
// a word WordNet counts at least minMistypedCount times, one the articles use before one
// they do not. A word of four letters is read only as a longer one ("wich": "which"). It
// returns "" when there is none. The answers are kept for the first maxCachedFamilies
// words. Safe for concurrent use.
func (e *Engine) mistypedWord(w string) string {
	return e.mistyped.Get(w, e.findMistyped)
}

// findMistyped is mistypedWord without the cache.
func (e *Engine) findMistyped(w string) string {
	best, most := "", 0
	told, toldMost := "", 0 // the best of the words the articles use: "tought" is "taught"
	function := false
	eachEdit(w, func(c []byte) bool {
		if len(w) < 5 && len(c) <= len(w) {
			return false
		}
		n := e.english[string(c)]
		if n == 0 && len(c) > 4 && c[len(c)-1] == 's' {
			n = e.english[string(c[:len(c)-1])] // "feilds": fields
		}
		if n < minMistypedCount || len(c) > len(w) && string(c[:len(w)]) == w {
			n = 0 // a name with a letter added is no word: "putin" is not "puting"
		}
		stop := english.IsStopWord(string(c)) || len(c) >= 6 && analyze.IsStopWord(string(c))
		if stop {
			n = max(n, stopWordCount) // a function word, not a greeting ("helld" is no "hello")
		}
		if n > most {
			best, most, function = string(c), n, stop
		}
		if m := max(n, e.wordCount(string(c))); m >= minMistypedCount && m > toldMost && !stop && !(len(c) > len(w) && string(c[:len(w)]) == w) {
			if _, known := e.ix.Term(e.az.Word(string(c)).Term); known {
				told, toldMost = string(c), m // "taught", a form of "teach"
			}
		}
		return false
	})
	if told != "" && !function {
		best = told // (taught, as "teaching" is), not "thought", the commoner word
	}
	if i := strings.IndexByte(w, 'f'); best == "" && i > 0 {
		if ph := w[:i] + "ph" + w[i+1:]; e.wordCount(ph) > 0 || photoWords[ph] {
			best = ph // "photografed": f for ph, as it sounds
		}
	}
	if base, ok := strings.CutSuffix(w, "in"); best == "" && ok && len(base) >= 2 && e.english[base] >= minMistypedCount && !(len(base) >= 3 && singleConsonantEnd(base)) {
		best = w + "g" // "helpin": the g dropped as in speech; not "putin", whose verb doubles
	}
	return best
}

// functionWordCut returns the function word w is with its last letter left off ("befor"),
// or "".
func functionWordCut(w string) string {
	var room [32]byte
	if len(w) < 4 || len(w) >= len(room) {
		return ""
	}
	for c := byte('a'); c <= 'z'; c++ {
		if f := append(append(room[:0], w...), c); english.IsStopWord(string(f)) {
			return string(f)
		}
	}
	return ""
}

// writtenCapitalised reports whether text writes the lower-case word w with a capital
// after its first word: a name, as the asker writes it.
func writtenCapitalised(text, w string) bool {
	first := true
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		if !first && strings.EqualFold(f, w) && f != strings.ToLower(f) {
			return true
		}
		first = false
	}
	return false
}

// singleConsonantEnd reports whether w ends in one vowel and one consonant that doubles
// before an ending ("plan", "occur"), after a consonant.
func singleConsonantEnd(w string) bool {
	n := len(w)
	isVowel := func(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }
	c := w[n-1]
	return c >= 'a' && c <= 'z' && !isVowel(c) && strings.IndexByte("wxy", c) < 0 && isVowel(w[n-2]) && !isVowel(w[n-3])
}

// minJoinedTypo is the shortest pair of words read as one mistyped word: two short words
// one edit from a word of the articles are as likely two words.
const minJoinedTypo = 8

// isEnglish reports whether w, or the word it inflects, or two words it runs together, is
// an English word: not a name.
func (e *Engine) isEnglish(w string) bool { return e.englishCount(w) > 0 }

// mayBeTypo reports whether a word the articles do not use may be a typo of one they do: it
// is no common English word, nor an inflection of one. Two words run together do not make
// one here: "reprot" is not "rep" + "rot".
func (e *Engine) mayBeTypo(w string) bool {
	if e.english[w] > 0 {
		return false // w itself, bases' first: settled without finding the others
	}
	for b := range e.eachBase(w) { // "won" is "win"
		// "leter" is no comparative of "let" when the articles have "letter".
		if e.english[b] > 0 && !(b != w && (b+"er" == w || b+"est" == w) && len(e.ix.Suggest(w)) > 0) {
			return false
		}
	}
	return true
}

// englishCount returns how common w, or the word it inflects, is in English: WordNet's
// count of it in its sense-tagged corpus plus one, or 0 for a word WordNet does not tag.
func (e *Engine) englishCount(w string) int {
	best := e.wordCount(w)
	if best == 0 {
		best = e.compoundCount(w)
	}
	if best == 0 {
		best = e.mistypedCount(w)
	}
	return best
}

// wordCount is englishCount for a word as written, or an inflection of one: not two words
// run together, nor a mistyped one.
func (e *Engine) wordCount(w string) int {
	if n := e.english[w]; n > 0 {
		return n
	}
	best := 0
	for _, suf := range inflections {
		// A base of two letters is a word ("goes" is "go"), and may take back an "e": "using"
		// is "use".
		if strings.HasSuffix(w, suf.cut) && len(w)+len(suf.add) > len(suf.cut)+1 {
			best = max(best, e.english[strings.TrimSuffix(w, suf.cut)+suf.add])
		}
	}
	if t := e.az.Word(w); t.Term != w {
		best = max(best, e.english[t.Term]) // an irregular form ("ran" is "run"), or a stem that is a word
	}
	// A doubled consonant before -ed, -ing, -er or -est: "twinned", "planning", "biggest".
	for _, suf := range []string{"ed", "ing", "er", "est"} {
		if base := strings.TrimSuffix(w, suf); base != w && len(base) > 3 && base[len(base)-1] == base[len(base)-2] {
			best = max(best, e.english[base[:len(base)-1]])
		}
	}
	return best
}

// mistypedCount reads a word WordNet lacks, of five letters or more, as a common English
// word or function word mistyped by one edit after its first letter ("somthing", "betwen")
// and returns that word's count, or 0: such a word frames a question as the word meant does, and is no
// name ("biden" is not "widen").
func (e *Engine) mistypedCount(w string) int {
	if len(w) < 5 || len(w) > 24 || !isLatin(w) {
		return 0
	}
	best := 0
	common := e.commonNear.mayBeNear(w) // mostly not: then no edit is looked up in english
	eachEdit(w, func(c []byte) bool {
		// string(c) in a map index or a call that keeps nothing allocates nothing.
		n := 0
		if common {
			n = e.english[string(c)]
		}
		if n >= minMistypedCount {
			best = max(best, n)
		} else if analyze.IsStopWord(string(c)) {
			best = max(best, stopWordCount) // "somthing", "betwen"
		}
		return false
	})
	return best
}

// eachEdit calls fn with each word one edit from w after its first letter (of at most
// 31 letters), until fn returns true. The slice is valid only during the call.
func eachEdit(w string, fn func([]byte) bool) {
	var room [32]byte
	if len(w) >= len(room) {
		return
	}
	for i := 1; i <= len(w); i++ {
		if i < len(w) {
			if fn(append(append(room[:0], w[:i]...), w[i+1:]...)) { // a letter put in
				return
			}
			if i+1 < len(w) && fn(append(append(append(room[:0], w[:i]...), w[i+1], w[i]), w[i+2:]...)) { // two swapped
				return
			}
		}
		for c := byte('a'); c <= 'z'; c++ {
			if fn(append(append(append(room[:0], w[:i]...), c), w[i:]...)) { // a letter left out
				return
			}
			if i < len(w) && c != w[i] && fn(append(append(append(room[:0], w[:i]...), c), w[i+1:]...)) { // a letter changed
				return
			}
		}
	}
}

// nameWordNear returns the word of a concept's name or a compound's phrase one edit from
// w ("clearence": "clearance"), or "": a word of the thesaurus the articles never use is
// no word the index can suggest.
func (e *Engine) nameWordNear(w string) string {
	if len(w) < 5 || !isLatin(w) || !e.nameNear.mayBeNear(w) {
		return ""
	}
	found := ""
	eachEdit(w, func(c []byte) bool {
		if e.az.NameWord(string(c)) {
			found = string(c)
			return true
		}
		return false
	})
	return found
}

// stopWordCount is how common a function word WordNet does not count is taken to be: as
// common as its commonest words.
const stopWordCount = 1000

// minMistypedCount is how common a word must be to be read in a mistyped one: a rare word
// one edit away is as likely a coincidence.
const minMistypedCount = 3

// compoundCount reads a word WordNet lacks as two English words of three letters or more
// run together ("website", "landmines") and returns the count of the rarer, or 0.
func (e *Engine) compoundCount(w string) int {
	if len(w) < 6 || len(w) > 24 || !isLatin(w) {
		return 0
	}
	best := 0
	for i := 3; i <= len(w)-3; i++ {
		l, r := e.english[w[:i]], e.english[w[i:]]
		if r == 0 {
			r = e.english[strings.TrimSuffix(w[i:], "s")]
		}
		if l > 0 && r > 0 {
			best = max(best, min(l, r))
		}
	}
	return best
}

// inflections are the endings an English word takes, with what undoes each.
var inflections = []struct{ cut, add string }{
	{"s", ""}, {"es", ""}, {"ies", "y"}, {"ied", "y"}, {"ed", ""}, {"ed", "e"}, {"ing", ""}, {"ing", "e"},
	{"er", ""}, {"est", ""}, {"ly", ""}, {"ier", "y"}, {"iest", "y"}, {"ily", "y"}, {"ness", ""}, {"'s", ""},
}

// unknownShare is the share of the most a word can weigh that a word the articles never
// use weighs: all of it for a name or a rare word, which may be what the question is
// about; less the more common the word is in English ("put", "way"), since such a word
// more often frames a question than names its topic.
func (e *Engine) unknownShare(w string) float64 {
	n := e.englishCount(w)
	if n == 0 {
		return 1
	}
	return min(1, max(minUnknownShare, 1-math.Log10(float64(n))/4))
}

// minUnknownShare is the least share an unknown English word weighs.
const minUnknownShare = 0.3

// questionWords are the function words a mistyped question word is most likely to be.
var questionWords = []string{"what", "when", "where", "which", "who", "whom", "whose", "why", "how", "about", "with", "there", "their", "does", "have", "were", "many", "much"}

// nearStopWord reports whether w is one edit from a question word ("wen", "wht", "hw").
func nearStopWord(w string) bool {
	for _, q := range questionWords {
		if index.OneEdit(w, q) {
			return true
		}
	}
	return false
}

// nearFrameWord reports whether w, five letters or more, is one edit from a frame word
// ("hapened", "mentoned"), or w, four letters or more, is one with two letters swapped
// ("naem").
func nearFrameWord(w string) bool {
	if len(w) < 4 {
		return false
	}
	for _, f := range frameWordList {
		if len(w) >= 5 && len(f) >= 5 && index.OneEdit(w, f) || swapped(w, f) {
			return true
		}
	}
	return false
}

// frameWordList is frameWords as a list: nearFrameWord goes through them all, faster so.
var frameWordList = slices.Collect(maps.Keys(frameWords))

// swapped reports whether a is b with two letters side by side swapped ("naem", "name").
func swapped(a, b string) bool {
	if len(a) != len(b) || a == b {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// askersSetting reports whether a word tells of why the asker asks, not what: the exam or
// the class a student asks for ("need it for my exam"), when the articles never use it.
func (e *Engine) askersSetting(t analyze.Token) bool {
	if !markedSettingWords.holds(t) {
		return false
	}
	_, known := e.ix.Term(t.Term)
	return !known
}

// unusedAmountNoun reports whether a word of a figure question names the figure asked
// for ("the total value of trade"), in words the articles never use: it says what kind of
// answer is wanted, as "how much" does.
func (e *Engine) unusedAmountNoun(t analyze.Token) bool {
	if !markedAmountNouns.holds(t) {
		return false
	}
	_, known := e.ix.Term(t.Term)
	return !known
}

// guessedFigure reports whether a number in a figure question is the asker's guess at
// the answer ("like 30 yrs?"): no year, and no number the articles give.
func (e *Engine) guessedFigure(t analyze.Token) bool {
	if !t.Number || isYear(t.Term) {
		return false
	}
	_, known := e.ix.Term(t.Term)
	return !known
}

// guessedAt reports whether the number at tokens[i] is the asker's guess: "like 20%",
// "maybe 3 billion", "around 30 years".
func guessedAt(tokens []analyze.Token, i int) bool {
	return i > 0 && guessWords[tokens[i-1].Surface] && !isYear(tokens[i].Term)
}

// guessWords put a figure forward as a guess.
var guessWords = map[string]bool{
	"like": true, "about": true, "around": true, "maybe": true, "roughly": true, "approximately": true,
	"approx": true, "perhaps": true, "nearly": true, "almost": true, "circa": true, "some": true,
}

// settingWords name a student's, a writer's or a moderator's occasions for asking, and
// where an asker came across what they ask about.
var settingWords = map[string]bool{
	"exam": true, "exams": true, "test": true, "tests": true, "quiz": true, "quizzes": true,
	"homework": true, "assignment": true, "assignments": true, "teacher": true, "teachers": true,
	"professor": true, "prof": true, "lecturer": true, "class": true, "classes": true,
	"lecture": true, "lectures": true, "seminar": true, "coursework": true, "course": true,
	"presentation": true, "thesis": true, "dissertation": true, "revision": true,
	"midterm": true, "midterms": true, "finals": true, "uni": true, "college": true,
	"essay": true, "essays": true, "newsletter": true,
	"calendar": true, "diary": true, "notes": true,
	// A moderator's: the post a fact is wanted for.
	"moderators": true, "moderator": true, "liner": true, "oneliner": true, "blurb": true,
	"channel": true, "server": true, "post": true,
	// Where the asker came across a claim: "heard cop29 was mentioned", "saw on twitter".
	"heard": true, "hear": true, "rumor": true, "rumour": true, "rumors": true, "rumours": true,
	"twitter": true, "tiktok": true, "reddit": true, "youtube": true, "instagram": true, "facebook": true,
}

// coverVerbs say what a text is about: "which articles deal with demining".
var coverVerbs = map[string]bool{
	"deal": true, "deals": true, "cover": true, "covers": true, "discuss": true, "discusses": true,
	"mention": true, "mentions": true, "frame": true, "frames": true, "report": true, "reports": true,
}

// frameWords frame a question without naming its topic ("what happened", "what role").
var frameWords = map[string]bool{
	"happen": true, "happened": true, "happens": true, "happening": true, "mean": true,
	"means": true, "meant": true, "exist": true, "exists": true, "describe": true,
	"explain": true, "info": true, "information": true, "give": true,
	"find": true, "want": true, "need": true, "get": true, "got": true, "go": true, "given": true,
	"going": true, "went": true, "come": true, "comes": true, "came": true, "today": true,
	"currently": true, "current": true, "already": true, "yet": true, "nowadays": true, "recently": true, "worth": true, "now": true,
	"days": true, "described": true, "assess": true, "assessed": true, "mid": true,
	"characterize": true, "characterized": true, "characterise": true, "characterised": true,
	"frame": true, "frames": true, "framed": true, "portray": true, "portrays": true, "portrayed": true,
	"depict": true, "depicts": true, "depicted": true,
	"view": true, "viewed": true, "regard": true, "regards": true, "regarded": true, "consider": true,
	"considered": true, "mention": true, "mentioned": true, "mentions": true, "known": true,
	"involve": true, "involved": true, "plan": true, "planning": true, "planned": true,
	"plans": true, "position": true, "stance": true, "attitude": true, "role": true,
	"job": true, "post": true, "occupation": true, "profession": true, "think": true, "thinks": true, "believe": true, "believes": true,
	// How briefly to answer, not what about: "in a nutshell", "in summary".
	"nutshell": true, "briefly": true, "summary": true, "simply": true, "summarize": true, "summarise": true,
	"name": true, "names": true, "named": true, "called": true, "adopt": true, "adopted": true, "status": true, "label": true,
	"list": true, "lists": true, "listed": true, "enumerate": true,
	// "Who is the Chinese side on the deal": who stands for China in it.
	"side": true,
	// "who's the party guy that went to Baku": a person, whoever they are.
	"guy": true, "guys": true, "dude": true, "fellow": true, "bloke": true,
	// "Aytan Farhadova background?": who the person is (see occupations).
	"background": true, "bio": true, "biography": true, "profile": true, "career": true,
	// What a thing is for or means: the answer describes it rather than names the word.
	"purpose": true, "aim": true, "goal": true, "objective": true, "significance": true,
	"importance": true, "meaning": true, "nature": true, "point": true,
}

// staging are the verbs that say an event took place somewhere or at some time: in a
// question of where or when they frame it ("where was COP29 held?").
var staging = map[string]bool{
	"held": true, "hold": true, "holds": true, "hosted": true, "host": true, "hosts": true,
	"located": true, "situated": true, "staged": true, "convened": true,
}

// mistypedStaging reports whether w, no English word, is one edit from a staging word
// ("helld").
func (e *Engine) mistypedStaging(w string) bool { return e.mistypedIn(w, sortedStaging) != "" }

// sortedStaging, sortedSourceVerbs, sortedNamedKinds and sortedOrdinals are the words of
// staging, sourceVerbs, namedKinds and ordinalWords in alphabetical order, for mistypedIn.
var (
	sortedStaging     = slices.Sorted(maps.Keys(staging))
	sortedSourceVerbs = slices.Sorted(maps.Keys(sourceVerbs))
	sortedNamedKinds  = slices.Sorted(maps.Keys(namedKinds))
	sortedOrdinals    = slices.Sorted(maps.Keys(ordinalWords))
)

// mistypedIn returns the word of sorted, in alphabetical order, that w, of four letters or
// more and no English word, is one edit from, or "": "intervewed" is "interviewed". Of
// several, it returns the first, so that a question is read the same way every time
// ("reportd" is "reported", not "reports").
func (e *Engine) mistypedIn(w string, sorted []string) string {
	if len(w) < 4 || !e.mayBeTypo(w) {
		return ""
	}
	for _, s := range sorted {
		if index.OneEdit(w, s) {
			return s
		}
	}
	return ""
}

// framePhrases are phrases of two words that frame a question as "happen" does: "where did
// it take place".
var framePhrases = map[[2]string]bool{
	{"take", "place"}: true, {"took", "place"}: true, {"takes", "place"}: true,
	{"taking", "place"}: true, {"taken", "place"}: true,
	// "what is Chen Ming's job title": his job, as "job" frames it.
	{"job", "title"}: true, {"job", "titles"}: true,
	// "is supposed to": what is expected, as "expected to" frames it.
	{"supposed", "to"}: true, {"meant", "to"}: true,
	// "where do they stand on": their position, as "stance" frames it.
	{"stand", "on"}: true, {"stands", "on"}: true, {"stood", "on"}: true,
	// "how did he sum up the ties": how he described them, as "describe" frames it.
	{"sum", "up"}: true, {"sums", "up"}: true, {"summed", "up"}: true,
	// "what do they see as crucial", "China's take on": what they think, as "regard"
	// and "view" frame it.
	{"see", "as"}: true, {"sees", "as"}: true, {"saw", "as"}: true, {"take", "on"}: true,
	// "the agreement he talked about": the one he mentioned, as "mention" frames it.
	{"talked", "about"}: true, {"spoke", "about"}: true, {"spoken", "about"}: true,
	// "did they say anything about": whether the articles tell of it, as "mention" frames it.
	{"say", "anything"}: true, {"said", "anything"}: true, {"say", "something"}: true,
	// "in one line", "in a few words": how briefly to answer, as "nutshell" frames it.
	{"one", "line"}: true, {"one", "sentence"}: true, {"few", "words"}: true,
	{"plain", "english"}: true, {"simple", "terms"}: true, {"simple", "words"}: true,
	// "what was the number of deals": how many, as "how many" frames it.
	{"number", "of"}: true,
	// "may I ask who he is", "let me ask", "I want to know": the asking, not what is asked.
	{"i", "ask"}: true, {"me", "ask"}: true, {"to", "ask"}: true, {"i", "wonder"}: true,
	{"to", "know"}: true,
}

// inFramePhrase reports whether tokens[i] is a word of a frame phrase, the noun of a
// preposition of three words ("on behalf of"), the "last" that ends "how long did it
// last", or the "part" of "which part of".
func inFramePhrase(tokens []analyze.Token, i int) bool {
	if endsLasting(tokens, i) && i > 0 && !markedArticles.holds(tokens[i-1]) {
		return true // "until when did the visit last": how long, not the last of it
	}
	if tokens[i].Surface == "part" && i > 0 && (markedWhatWords.holds(tokens[i-1]) || tokens[i-1].Surface == "which") && i+1 < len(tokens) && tokens[i+1].Surface == "of" {
		return true // "which part of the Great Hall": where in it
	}
	if tokens[i].Surface == "years" && i > 1 && tokens[i-1].Surface == "the" && spanPrepositions[tokens[i-2].Surface] {
		return true // "over the years": always, so far, no year to match
	}
	if tokens[i].Surface == "way" && i > 1 && tokens[i-1].Surface == "the" && markedFrameWords.holds(tokens[i-2]) {
		return true // "describe the way they treat each other": how they do
	}
	if (tokens[i].Surface == "title" || tokens[i].Surface == "titles") && i > 0 && !tokens[i-1].Stop && (i+1 == len(tokens) || tokens[i+1].Stop) {
		return true // "what's Bayramov's title": his post, as "job" frames it
	}
	if markedNameQualifiers.holds(tokens[i]) {
		for _, t := range tokens[i+1 : min(len(tokens), i+3)] {
			if t.Surface == "name" || t.Surface == "title" {
				return true // "the official full name of …": its name, as written
			}
		}
	}
	if tokens[i].Surface == "deal" && i > 1 && tokens[i-1].Surface == "the" && whatAsked(tokens, i-2) && i+1 < len(tokens) && (tokens[i+1].Surface == "with" || tokens[i+1].Surface == "about") {
		return true // "what's the deal with the Middle Corridor": what about it, no agreement
	}
	if markedCollectiveNouns.holds(tokens[i]) && i+1 < len(tokens) && tokens[i+1].Surface == "of" {
		return true // "the big batch of agreements": the agreements
	}
	if markedSizeWords.holds(tokens[i]) && i+2 < len(tokens) && markedCollectiveNouns.holds(tokens[i+1]) && tokens[i+2].Surface == "of" {
		return true
	}
	return i+1 < len(tokens) && framePhrase(tokens[i], tokens[i+1]) ||
		i > 0 && framePhrase(tokens[i-1], tokens[i]) ||
		i > 0 && i+1 < len(tokens) && markedPrepositionNouns.holds(tokens[i]) && complexPrepositions[[3]string{tokens[i-1].Surface, tokens[i].Surface, tokens[i+1].Surface}]
}

// framePhrase reports whether a and b make a frame phrase, looking it up only when their
// marks say they may.
func framePhrase(a, b analyze.Token) bool {
	return markedFramePhraseFirsts.holds(a) && markedFramePhraseSeconds.holds(b) && framePhrases[[2]string{a.Surface, b.Surface}]
}

// framePhraseFirsts and framePhraseSeconds are the first and second words of
// framePhrases; prepositionNouns the middle words of complexPrepositions.
var framePhraseFirsts, framePhraseSeconds, prepositionNouns = func() (map[string]bool, map[string]bool, map[string]bool) {
	firsts, seconds, nouns := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for p := range framePhrases {
		firsts[p[0]], seconds[p[1]] = true, true
	}
	for p := range complexPrepositions {
		nouns[p[1]] = true
	}
	return firsts, seconds, nouns
}()

// collectiveNouns gather what "of" names after them, and name nothing themselves: "a batch
// of agreements", "a series of meetings".
var collectiveNouns = map[string]bool{
	"batch": true, "bunch": true, "series": true, "raft": true, "slew": true, "array": true,
	"lot": true, "lots": true, "handful": true, "flurry": true, "wave": true, "string": true,
	"pile": true, "load": true, "loads": true, "heap": true, "slate": true, "package": true,
	"set": true, "multitude": true, "plethora": true, "ton": true, "tons": true,
}

// sizeWords say how big a collection is: "the big batch of".
var sizeWords = map[string]bool{"big": true, "huge": true, "large": true, "whole": true, "small": true, "new": true, "massive": true}

// nameQualifiers insist that a name be given whole.
var nameQualifiers = map[string]bool{"official": true, "full": true, "complete": true, "formal": true, "proper": true, "exact": true, "entire": true}

// whatAsked reports whether tokens[i] is the end of "what", "what is" or "what's".
func whatAsked(tokens []analyze.Token, i int) bool {
	if i > 0 && markedCopulas.holds(tokens[i]) {
		i--
	}
	return i >= 0 && markedWhatWords.holds(tokens[i])
}

// spanPrepositions make "the years" after them a length of time ("over the years").
var spanPrepositions = map[string]bool{"over": true, "through": true, "throughout": true}

// complexPrepositions are prepositions of three words, whose noun names nothing the
// question is about: "what did they call for on behalf of developing nations".
var complexPrepositions = map[[3]string]bool{
	{"on", "behalf", "of"}: true, {"in", "terms", "of"}: true, {"in", "spite", "of"}: true,
	{"on", "account", "of"}: true, {"by", "way", "of"}: true, {"in", "light", "of"}: true,
	{"with", "respect", "to"}: true, {"with", "regard", "to"}: true, {"in", "relation", "to"}: true,
	{"in", "view", "of"}: true, {"by", "means", "of"}: true, {"in", "favour", "of"}: true,
	{"in", "favor", "of"}: true, {"for", "sake", "of"}: true, {"in", "case", "of"}: true,
	// "at the end of January": when in it, no end to match
	{"the", "end", "of"}: true, {"the", "start", "of"}: true, {"the", "beginning", "of"}: true,
}

// onlyRelated reports whether a query term matches nothing, or only the words WordNet
// relates to it: a word the articles never use, whatever it may mean in their words.
func onlyRelated(qt index.QueryTerm) bool {
	for _, alt := range qt.Alts {
		if alt.Factor > relatedFactor {
			return false
		}
	}
	return true
}
