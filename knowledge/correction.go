package knowledge

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/azchina/azchina/knowledge/analyze"
	"github.com/azchina/azchina/knowledge/index"
)

// A claim put to be checked ("COP29 was hosted in Tashkent, right?") may get one detail
// wrong that the articles give otherwise: a year, a month, a day of the week, or the name
// of a place or a body. The fact that tells the rest of the claim, with its own detail in
// that place, is the answer: the articles say otherwise.

// otherwise opens the answer to a claim the articles tell otherwise.
const otherwise = "The articles say otherwise:"

// correctionCoverage is how much of a claim, all but its one wrong detail, a fact must
// tell to correct it.
const correctionCoverage = 0.75

// correction returns the index of the fact that tells a claim with one detail otherwise,
// or -1: a fact excluded only for missing one name or year the claim insists on, that
// tells the rest of it and gives another of the same kind.
func (e *Engine) correction(q *question, rs []ranked) int {
	if q.kind != AskYesNo {
		return -1
	}
	first := -1
	reporting := e.reportingTerms(q)
	for i := range rs {
		r := &rs[i]
		if r.excluded != missesName || r.final < minScore {
			continue
		}
		wrong := -1
		for k, req := range q.required {
			if (req || isFigure(q.terms[k].Word)) && r.hit.Matched[k] == 0 && !slices.Contains(reporting, k) {
				if wrong >= 0 {
					wrong = -1 // two details: another story
					break
				}
				wrong = k
			}
		}
		if wrong >= 0 && q.coverageWith(r.hit, append(reporting, wrong)) >= correctionCoverage && e.tellsOtherwise(q, r.fact, wrong) {
			if sameSlot(q, r.fact, wrong) {
				return i // "took place in Almaty": "hosted in Baku"
			}
			if first < 0 {
				first = i
			}
		}
	}
	if first < 0 {
		first = e.holderOtherwise(q, rs)
	}
	return first
}

// holderOtherwise returns the index of the fact that tells a claim whole but in another
// place, or of another's holder of a role, than the claim puts ("Bayramov met Wang Yi in
// Baku": "in Beijing"; "the Italian prime minister": "Spanish Prime Minister Pedro
// Sanchez"), or -1.
func (e *Engine) holderOtherwise(q *question, rs []ranked) int {
	if len(q.venues) == 0 && len(q.roles) == 0 || !putsClaim(q.tokens) {
		return -1 // (a question "did Xi ever visit Baku" puts no place to correct)
	}
	for i := range rs {
		r := &rs[i]
		if r.excluded != othersRole || r.final < minScore || r.hit.Coverage < correctionCoverage {
			continue
		}
		if e.matchesNames(q, r) {
			return i // (else another detail is wrong too)
		}
	}
	return -1
}

// reportingTerms returns the positions of the question's words that tell how a claim was
// put ("Aliyev cited …", "xi told …"): a fact may report it in other words.
func (e *Engine) reportingTerms(q *question) []int {
	var out []int
	for k, qt := range q.terms {
		if speechVerbsAsked[qt.Word] || sourceVerbs[qt.Word] || e.isSpeechVerb(e.az.Word(qt.Word).Term) {
			out = append(out, k)
		}
	}
	return out
}

// isFigure reports whether a question's word is a figure: "50", "30th".
func isFigure(word string) bool { return word != "" && word[0] >= '0' && word[0] <= '9' }

// figureIn finds a figure in a sentence: its digits, an ordinal's suffix and a percent sign.
var figureIn = regexp.MustCompile(`\b(\d+(?:\.\d+)?)(st|nd|rd|th)?\b( ?%| percent)?`)

// termToken returns the index of the question's token that opens its term k (the first
// word of a phrase), or -1.
func termToken(q *question, k int) int {
	first, _, _ := strings.Cut(q.terms[k].Word, " ")
	return slices.IndexFunc(q.tokens, func(t analyze.Token) bool { return t.Surface == first })
}

// locatedAt reports whether the question's word at term k comes after "in" or "at": a
// place.
func locatedAt(q *question, k int) bool {
	i := termToken(q, k)
	return i > 0 && (q.tokens[i-1].Surface == "in" || q.tokens[i-1].Surface == "at")
}

// sameSlot reports whether a fact gives a name or a number after the word that comes
// before the question's detail at term k ("in Almaty": "in Baku").
func sameSlot(q *question, f *Fact, k int) bool {
	i := termToken(q, k)
	if i < 1 || !q.tokens[i-1].Stop {
		return false
	}
	prep := " " + q.tokens[i-1].Surface + " "
	for text := f.Text; ; {
		j := strings.Index(strings.ToLower(text), prep)
		if j < 0 {
			return false
		}
		text = text[j+len(prep):]
		if r, _ := utf8.DecodeRuneInString(text); unicode.IsUpper(r) || unicode.IsDigit(r) {
			return true
		}
	}
}

// yearIn finds a year a sentence names.
var yearIn = regexp.MustCompile(`\b(1[89]|20)\d\d\b`)

// tellsOtherwise reports whether a fact gives, in the place of the question's detail at
// term k, another of its kind that the question does not name: another year, month or day
// of the week; for a name, another name that is no person's, and a country for a country.
func (e *Engine) tellsOtherwise(q *question, f *Fact, k int) bool {
	word := q.terms[k].Word
	lower := strings.ToLower(f.Text)
	switch {
	case isYear(word):
		for _, y := range yearIn.FindAllString(f.Text, -1) {
			if y != word && !q.hasTerm(y) {
				return true
			}
		}
		return false
	case isFigure(word):
		// "a 50% jump": "a more than 20% increase"; "the 30th anniversary": "the 35th".
		ordinal, percent := !unicode.IsDigit(rune(word[len(word)-1])), strings.Contains(q.text, word+"%") || strings.Contains(q.lower, word+" percent")
		for _, m := range figureIn.FindAllStringSubmatch(f.Text, -1) {
			if m[1] != strings.TrimRight(word, "stndrh") && (m[2] != "") == ordinal && (m[3] != "") == percent && !isYear(m[1]) {
				return true
			}
		}
		return false
	case monthWords[word] || timeWords[word]:
		for w := range strings.FieldsFuncSeq(lower, func(r rune) bool { return r < 'a' || r > 'z' }) {
			if w != word && (monthWords[word] && monthWords[w] || timeWords[word] && timeWords[w]) && !q.hasTerm(e.az.Word(w).Term) {
				return true
			}
		}
		return false
	}
	if kin := kinBefore(q, k); kin != "" && putsClaim(q.tokens) {
		// "his wife Leyla Aliyeva": the articles name his wife otherwise ("his wife,
		// Mehriban Aliyeva").
		return namesKin(f.Text, kin)
	}
	_, known := e.ix.Term(e.az.Word(word).Term)
	// A region named by two words ("South Caucasus") in a claim put to be checked is told
	// otherwise by another region, as one of a word is in any question.
	region := e.isRegion(e.az.Word(word).Term) || strings.Contains(word, " ") && (putsClaim(q.tokens) || doubts(q.tokens)) && slices.ContainsFunc(strings.Fields(word), func(w string) bool { return e.isRegion(e.az.Word(w).Term) })
	if strings.Contains(word, " ") && !region && slices.ContainsFunc(q.terms[k].Alts, func(a index.Alternative) bool { return a.Factor >= 1 }) {
		// A name of several words the articles use ("Confucius Institutes") is told
		// otherwise only by another in its place: "chaired the Non-Aligned Movement",
		// "chaired the CICA".
		if !putsClaim(q.tokens) || !sameSlot(q, f, k) {
			return false
		}
		return e.namesOtherName(q, f, true, true)
	}
	// A place the articles name elsewhere, where the claim puts it ("met in Shanghai":
	// "met … in Beijing").
	// So is a word of a name the question capitalises, in any question of yes or no
	// ("Ministry of Economy": "Ministry of Digital Development").
	placed := known && ((putsClaim(q.tokens) || doubts(q.tokens)) && locatedAt(q, k) || q.capitalised[word]) && sameSlot(q, f, k)
	if !region && !placed && (known || !putsClaim(q.tokens) || !e.isName(q.terms[k], q.capitalised, nil) && !e.placeTerms[e.az.Word(word).Term]) {
		// A name the articles use ("did Georgia sign …") asks of another thing they tell;
		// only a claim put to be checked ("Tashkent hosted COP29, right?") is of a name
		// they do not use in a detail they give. A word that is no name ("a nuclear deal")
		// asks of another thing.
		return false
	}
	state := e.standsForCountry(q.terms[k]) || e.states[e.az.Word(word).Term]
	return e.namesOtherName(q, f, !known || placed, state)
}

// namesOtherName reports whether a fact names a place or a body the question does not ask
// about: of any kind when anyKind, else a country when state and another place or body
// when not. Persons, titles and common words are no such name.
func (e *Engine) namesOtherName(q *question, f *Fact, anyKind, state bool) bool {
	asked := e.askedTerms(q)
	for _, run := range e.nameRuns[f.ID] {
		// A body's name is of English words: "the Ministry of Digital Development".
		body := slices.ContainsFunc(run, func(w nameWord) bool { return e.bodyTerms[w.term] })
		for _, w := range run {
			if asked[w.term] || w.kind&(nameStop|nameTitle|namePerson|nameShort) != 0 {
				continue
			}
			if w.kind&nameEnglish != 0 && !e.isPublisherName(w.term) && !e.isRegion(w.term) && !body {
				continue
			}
			if anyKind || state == (w.kind&nameState != 0) {
				return true // a name the articles never use may be of a city or a country
			}
		}
	}
	return false
}

// kinBefore returns the word of kin ("wife", "husband") just before the question's word at
// term k, with "his" or "her" before it, or "".
func kinBefore(q *question, k int) string {
	i := termToken(q, k)
	if i < 2 || !kinWords[q.tokens[i-1].Surface] || !possessivePronouns[q.tokens[i-2].Surface] {
		return ""
	}
	return q.tokens[i-1].Surface
}

// namesKin reports whether a sentence names someone's kin by name: "his wife, Mehriban
// Aliyeva".
func namesKin(text, kin string) bool {
	for _, sep := range []string{" " + kin + ", ", " " + kin + " "} {
		if i := strings.Index(text, sep); i >= 0 {
			r, _ := utf8.DecodeRuneInString(text[i+len(sep):])
			if unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

// putsClaim reports whether a question puts a claim to be checked: "is it true that …",
// "fact check: …", "…, right?".
func putsClaim(tokens []analyze.Token) bool {
	if _, ok := claimOf(tokens); ok {
		return true
	}
	// A statement with a tag ("Tashkent hosted it, right?"), not a question ("does Putin
	// support it or not").
	return len(tokens) > 3 && endsInTag(tokens) && !markedAuxiliaries.holds(tokens[0]) && !markedCopulas.holds(tokens[0])
}

// doubts reports whether a question of yes or no doubts what it asks: "did he really meet
// him in Shanghai?".
func doubts(tokens []analyze.Token) bool {
	return len(tokens) > 3 && markedAuxiliaries.holds(tokens[0]) && slices.ContainsFunc(tokens[1:4], func(t analyze.Token) bool { return t.Surface == "really" })
}
