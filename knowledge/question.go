package knowledge

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/azchina/azchina/knowledge/analyze"
	"github.com/azchina/azchina/knowledge/index"
	"github.com/azchina/azchina/knowledge/ingest"
)

// MaxQuestion is the longest question, in bytes, the engine reads.
const MaxQuestion = 1000

// Kind is what a question asks for, read from its question words.
type Kind int

// The kinds of question.
const (
	AskWhat Kind = iota
	AskWho
	AskWhen
	AskWhere
	AskNumber // how many, how much
	AskWhich
	AskYesNo
	AskWhy
)

var kindNames = [...]string{"what", "who", "when", "where", "number", "which", "yes/no", "why"}

func (k Kind) String() string { return kindNames[k] }

// Factors for matches that are not the question's own word.
const (
	typoFactor     = 0.85 // a word one edit from the question's
	abbrevFactor   = 0.7  // a word the question's abbreviates
	synonymFactor  = 0.7  // a thesaurus synonym
	correctedShare = 0.9  // share of its IDF a corrected word weighs
)

// question is a question read for searching.
type question struct {
	text     string
	lower    string // text in lower case
	tokens   []analyze.Token
	kind     Kind
	terms    []index.QueryTerm
	numbers  map[string]bool // numbers the question itself names
	photo    bool            // asks about a photo
	author   bool            // asks who wrote an article
	credit   bool            // asks about an article itself: its source, publisher or date
	intent   string
	unknown  []string       // words the index knows nothing like
	topical  []bool         // per term: it names the domain
	required []bool         // per term: a name the answer must match
	counted  map[int32]bool // for "how many X": the terms X may be matched by
	// sinceWhen marks "how long": a date it has lasted since answers as well as a length.
	sinceWhen bool
	// pair marks a question about "the two countries" (or "both sides"): the pair every
	// fact is about, which counts as matched.
	pair bool
	// source marks a question for who reported something or what it cites: a fact that
	// names its source ("News.Az reports", "according to Xinhua", "told Trend") answers.
	source bool
	// roles are the roles the question qualifies by a name ("the prime minister of
	// Azerbaijan", "the Chinese foreign minister").
	roles []qualifiedRole
	// unknownHead is the thing a "what is the X" question asks about, when the articles
	// never name it: no fact can say what it is.
	unknownHead string
	// speaker holds the persons a question asks the words of ("What did Aliyev say …"),
	// by their full names: the answer must be theirs.
	speaker map[string]bool
	// located marks, per term, a word of a phrase that only says which event is meant
	// ("at the SCO summit", "at the Jan 28 meeting"): the answer must match some other
	// word.
	located []bool
	// request marks a request for made-up work ("write a poem", "tell me a joke"), which no
	// quote answers.
	request bool
}

// qualifiedRole is a role the question names with the country or body it belongs to.
type qualifiedRole struct {
	role int            // the query term naming the role
	by   map[int32]bool // the terms naming what it belongs to
}

// qualifiedRoles finds the roles the question qualifies by a name next to them, written
// as the name itself: "prime minister of Azerbaijan", "Azerbaijan's foreign minister".
func (e *Engine) qualifiedRoles(q *question) []qualifiedRole {
	var out []qualifiedRole
	for i, qt := range q.terms {
		if !isRoleTerm(qt) {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(q.terms) || isRoleTerm(q.terms[j]) {
				continue
			}
			// The name itself: an adjective of a place may name a kind ("a European
			// prime minister") that a fact names by a narrower one ("Spanish").
			by := map[int32]bool{}
			for _, alt := range q.terms[j].Alts {
				if t := alt.Terms[0]; len(alt.Terms) == 1 && e.names[e.ix.TermString(t)] && e.az.Stem(q.terms[j].Word) == e.ix.TermString(t) {
					by[t] = true
				}
			}
			if len(by) > 0 {
				out = append(out, qualifiedRole{role: i, by: by})
				break
			}
		}
	}
	return out
}

// isRoleTerm reports whether a query term names a role.
func isRoleTerm(qt index.QueryTerm) bool {
	for _, w := range strings.Fields(qt.Word) {
		if ingest.IsRole(w) {
			return true
		}
	}
	return false
}

// excludedShare is the share of its weight a word keeps in a phrase the question sets
// aside ("besides the visa one", "apart from terrorism"): the answer may well stand
// beside it, but it is not what is asked for.
const excludedShare = 0.5

// setAside makes a query term count for excludedShare of what it did, in coverage and
// in score.
func setAside(qt *index.QueryTerm) {
	qt.Weight *= excludedShare
	for k := range qt.Alts {
		qt.Alts[k].Factor *= excludedShare
	}
}

// locators marks the words of a phrase that only says which event the question means ("at
// the Jan 28 meeting", "during the visit", "at the SCO summit"): a preposition, then words
// up to the next preposition or question word, an event among them, or a date with
// something it dates, or a date right after such a phrase ("at the summit in August").
// Such a phrase counts like a phrase set aside: what is asked is the rest.
func locators(tokens []analyze.Token) []bool {
	out := make([]bool, len(tokens))
	after := false // the phrase before located an event: a date right after dates it
	for i := 0; i < len(tokens); i++ {
		if !timePrepositions[tokens[i].Surface] {
			after = false
			continue
		}
		end, dated, event, named := i+1, false, false, false
		for ; end < len(tokens) && !timePrepositions[tokens[end].Surface] && !questionWord[tokens[end].Surface]; end++ {
			date := tokens[end].Number || monthWords[tokens[end].Surface]
			dated = dated || date
			event = event || !date && !tokens[end].Stop
			named = named || eventNouns[tokens[end].Surface]
		}
		// A date alone ("in 2019", "on April 22") is what a question about it asks; a
		// date with the event it dates ("the Jan 28 meeting"), or an event ("at the SCO
		// summit", "during the visit"), says which one is meant.
		if dated && event || named && (tokens[i].Surface == "at" || tokens[i].Surface == "during") || dated && after {
			for k := i + 1; k < end; k++ {
				out[k] = true
			}
			after = true
		} else {
			after = false
		}
		i = end - 1
	}
	return out
}

var timePrepositions = map[string]bool{"at": true, "on": true, "during": true, "in": true}

// eventNouns name an occasion a question may locate what it asks about by.
var eventNouns = map[string]bool{
	"meeting": true, "meetings": true, "talks": true, "summit": true, "visit": true, "trip": true,
	"forum": true, "conference": true, "ceremony": true, "banquet": true, "session": true,
	"event": true, "interview": true,
}

var monthWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// questionWord are the words that open what a question asks.
var questionWord = map[string]bool{"what": true, "which": true, "who": true, "whom": true, "when": true, "where": true, "why": true, "how": true}

// setsAside reports whether tokens[i] opens a phrase the question sets aside: "besides",
// "except", "excluding", "apart from", "aside from", "other than".
func setsAside(tokens []analyze.Token, i int) bool {
	next := ""
	if i+1 < len(tokens) {
		next = tokens[i+1].Surface
	}
	switch tokens[i].Surface {
	case "besides", "except", "excluding":
		return true
	case "apart", "aside":
		return next == "from"
	case "other":
		return next == "than"
	}
	return false
}

// pronounOne reports whether "one" at tokens[i] stands for a thing named before ("the
// visa one", "which one") rather than counting: it ends the question or follows a
// determiner.
func pronounOne(tokens []analyze.Token, i int) bool {
	if i+1 == len(tokens) {
		return true
	}
	if i > 0 {
		switch tokens[i-1].Surface {
		case "the", "which", "this", "that", "each", "every", "another", "other", "a":
			return true
		}
	}
	return false
}

// mediaNouns name a source of news; sourceVerbs say that a source reported something;
// speechVerbs say what someone told a source.
var (
	mediaNouns  = map[string]bool{"outlet": true, "outlets": true, "newspaper": true, "newspapers": true, "website": true, "site": true, "publication": true, "source": true, "sources": true}
	sourceVerbs = map[string]bool{"report": true, "reports": true, "reported": true, "reporting": true, "cite": true, "cites": true, "cited": true, "citing": true, "quoted": true, "quoting": true, "according": true, "told": true, "interviewed": true, "published": true}
	speechVerbs = map[string]bool{"talk": true, "talked": true, "speak": true, "spoke": true, "tell": true, "interview": true, "give": true, "gave": true}
)

// asksSource reports whether a question asks who reported or is cited for something:
// "Who reported …", "Which outlet …", "Which ministry is cited …".
func asksSource(kind Kind, tokens []analyze.Token) bool {
	switch kind {
	case AskWho, AskWhich:
		for _, t := range tokens {
			if mediaNouns[t.Surface] || sourceVerbs[t.Surface] {
				return true
			}
		}
	case AskWhat:
		for i := 1; i < len(tokens); i++ {
			if mediaNouns[tokens[i].Surface] && (tokens[i-1].Surface == "what" || tokens[i-1].Surface == "which") {
				return true
			}
		}
	}
	return false
}

// auxiliaries open the part of a question after its question word ("what did …").
var auxiliaries = map[string]bool{"did": true, "does": true, "do": true, "has": true, "have": true, "had": true, "will": true, "would": true}

// speechVerbsAsked are the verbs a question asks someone's words with.
var speechVerbsAsked = map[string]bool{
	"say": true, "said": true, "tell": true, "told": true, "think": true, "stress": true,
	"note": true, "emphasize": true, "emphasise": true, "mention": true, "describe": true,
	"call": true, "claim": true, "argue": true, "add": true, "announce": true, "highlight": true,
	"underline": true, "believe": true, "speak": true, "comment": true, "praise": true,
}

// questionSpeaker returns the persons a question asks the words of: a name after an
// auxiliary and before a verb of saying ("What did Aliyev say about Taiwan?"), as the full
// names of the persons the articles name with it. Such a question is answered by what
// the person said, not by a sentence that only stands in an article about them.
func (e *Engine) questionSpeaker(tokens []analyze.Token) map[string]bool {
	for i := 0; i+2 < len(tokens); i++ {
		if !auxiliaries[tokens[i].Surface] {
			continue
		}
		j := i + 1
		var parts []string
		for ; j < len(tokens) && j <= i+3 && e.isPersonPart(tokens[j].Surface); j++ {
			parts = append(parts, tokens[j].Surface)
		}
		if len(parts) == 0 || j >= len(tokens) || !speechVerbsAsked[tokens[j].Surface] {
			continue
		}
		out := map[string]bool{}
		for _, part := range parts {
			for _, p := range e.personParts[part] {
				out[p] = true
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// isPersonPart reports whether w (lower-case) is a part of a person's name.
func (e *Engine) isPersonPart(w string) bool { return len(e.personParts[w]) > 0 }

// copulaHead returns the noun a question of the form "what/who is the X …" (or "how long
// is a X …") asks about: the last word of the phrase after the article, up to the first
// function word ("the Chinese ambassador in Baku" → "ambassador"). It returns "" for
// other questions.
func copulaHead(tokens []analyze.Token) string {
	i := 0
	if i >= len(tokens) || !questionWord[tokens[i].Surface] {
		return ""
	}
	i++
	if i < len(tokens) && tokens[i-1].Surface == "how" && measures[tokens[i].Surface] != nil {
		i++ // how long, how far, how old
	}
	if i < len(tokens) && copulas[tokens[i].Surface] {
		i++ // "what is the"; "what's the" has lost its "'s"
	}
	if i >= len(tokens) || !articles[tokens[i].Surface] {
		return ""
	}
	head := ""
	for i++; i < len(tokens) && !tokens[i].Stop; i++ {
		head = tokens[i].Surface
	}
	if frameWords[head] || whenNouns[head] || amountNouns[head] {
		return ""
	}
	return head
}

var (
	copulas  = map[string]bool{"is": true, "are": true, "was": true, "were": true, "s": true}
	articles = map[string]bool{"the": true, "a": true, "an": true}
)

// genreWords name made-up work a bot might be asked to write.
var genreWords = map[string]bool{
	"joke": true, "jokes": true, "poem": true, "poems": true, "poetry": true, "song": true,
	"songs": true, "lyrics": true, "haiku": true, "limerick": true, "sonnet": true, "riddle": true,
	"rap": true, "pun": true, "puns": true, "verse": true, "rhyme": true, "essay": true, "fairy": true,
}

// makeWords open a request to make something rather than a question.
var makeWords = map[string]bool{
	"write": true, "compose": true, "draw": true, "sing": true, "paint": true, "invent": true,
	"imagine": true, "pretend": true, "translate": true,
}

// isRequest reports whether tokens ask for made-up work: a genre of it ("a joke about
// diplomats"), or an imperative to make something as the first word ("Write …").
func isRequest(tokens []analyze.Token) bool {
	for i, t := range tokens {
		if genreWords[t.Surface] || (i == 0 && makeWords[t.Surface]) {
			return true
		}
	}
	return false
}

// clean makes user text safe to read: valid UTF-8, no control characters, single spaces.
func clean(s string) string {
	s = strings.ToValidUTF8(s, " ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

var photoWords = map[string]bool{"photo": true, "photograph": true, "photographer": true, "picture": true, "image": true, "pictur": true, "imag": true, "photographi": true}
var authorWords = map[string]bool{"wrote": true, "author": true, "written": true, "writer": true, "journalist": true, "byline": true, "reporter": true}

// creditWords ask about an article itself rather than the story it tells.
var creditWords = map[string]bool{"source": true, "sources": true, "website": true, "site": true, "outlet": true,
	"publication": true, "published": true, "publisher": true, "article": true, "articles": true,
	"story": true, "dateline": true, "byline": true}

// readQuestion analyses a cleaned question.
func (e *Engine) readQuestion(text string) *question {
	q := &question{text: text, lower: strings.ToLower(text), tokens: e.az.Analyze(text), numbers: map[string]bool{}}
	capitalised := capitalisedWords(text)
	q.kind = kindOf(e.kindTokens(q.tokens))
	q.source = asksSource(q.kind, q.tokens)
	var terms []string
	var surfaces []string
	var factors []float64
	var readings [][]string // further readings of a mistyped word
	var excluded []bool     // the word is in a phrase the question sets aside ("besides X")
	var located []bool      // the word is in a phrase that only locates the event
	aside := false
	locating := locators(q.tokens)
	for i, t := range q.tokens {
		switch {
		case setsAside(q.tokens, i):
			aside = true
		case questionWord[t.Surface]:
			aside = false
		}
		if t.Surface == "one" && pronounOne(q.tokens, i) {
			continue // "the visa one": a pronoun, not a number
		}
		if t.Number {
			q.numbers[t.Term] = true
		}
		if photoWords[t.Term] || photoWords[t.Surface] {
			q.photo = true
		}
		if authorWords[t.Surface] {
			q.author = true
		}
		if creditWords[t.Surface] {
			q.credit = true
		}
		if bothSides(q.tokens, i) {
			q.pair = true
			continue
		}
		if rel, ok := orderWords[t.Surface]; ok && i > 0 {
			// "before" and "after" are function words, but they say what is asked: what
			// came before the visit is what "preceded" it.
			terms = append(terms, "")
			surfaces = append(surfaces, t.Surface)
			factors = append(factors, synonymFactor)
			readings = append(readings, rel)
			excluded = append(excluded, aside)
			located = append(located, false)
			continue
		}
		if t.Stop || frameWords[t.Surface] || (i > 0 && kindFrame(q.tokens[i-1].Surface, t.Surface)) {
			continue
		}
		if (t.Surface == "call" || t.Surface == "describe") && (i+1 == len(q.tokens) || !callParticles[q.tokens[i+1].Surface]) {
			continue // "what did they call the corridor": how it was described, not "called for"
		}
		if t.Surface == "according" && i+1 < len(q.tokens) && q.tokens[i+1].Surface == "to" {
			continue // "according to Allahveranov": whose word, not what it is about
		}
		if t.Surface == "thank" && (i+1 == len(q.tokens) || q.tokens[i+1].Surface == "you" || q.tokens[i+1].Surface == "u") {
			continue // "thank you": politeness, not "what did they thank China for"
		}
		if q.source && (mediaNouns[t.Surface] || sourceVerbs[t.Surface] || speechVerbs[t.Surface]) {
			continue // "which outlet did he talk to": the kind of answer, not its topic
		}
		term, factor, surface := t.Term, 1.0, t.Surface
		var more []string
		if i+1 < len(q.tokens) && particles[q.tokens[i+1].Surface] {
			// "set up": a verb and its particle mean what neither does alone.
			if rel := e.relatedTo(t.Surface, q.tokens[i+1].Surface); len(rel) > 0 {
				surface = t.Surface + " " + q.tokens[i+1].Surface
				term = ""
			}
		}
		if _, ok := e.ix.Term(term); term != "" && !ok && !t.Number && e.mayBeTypo(t.Surface) {
			if nearStopWord(t.Surface) || nearFrameWord(t.Surface) {
				continue // "wen", "wht", "hapened": a question or frame word mistyped
			}
			if s := e.ix.Suggest(t.Surface); len(s) > 0 {
				term = s[0].Term
				factor = typoFactor
				if s[0].Distance > 1 {
					factor = abbrevFactor
				}
				// A typo as near to several words may be any of them ("vist": visit,
				// visa): the rest of the question decides.
				for _, o := range s[1:min(len(s), maxReadings)] {
					if o.Distance == s[0].Distance && o.Term != term {
						more = append(more, o.Term)
					}
				}
			} else if head, ok := e.compoundHead(t.Surface); ok {
				term, factor = head, abbrevFactor
			}
		}
		terms = append(terms, term)
		surfaces = append(surfaces, surface)
		factors = append(factors, factor)
		readings = append(readings, more)
		excluded = append(excluded, aside || locating[i])
		located = append(located, locating[i])
	}
	q.intent = e.questionIntent(q.tokens)
	concepts := e.az.Concepts(terms)
	ci := 0
	for i := 0; i < len(terms); i++ {
		q.located = append(q.located, located[i])
		if qt, n := e.personTerm(terms[i:], surfaces[i:]); n > 0 {
			if excluded[i] {
				setAside(&qt)
			}
			q.terms = append(q.terms, qt)
			for ci < len(concepts) && concepts[ci].Start < i+n {
				ci++
			}
			i += n - 1
			continue
		}
		if ci < len(concepts) && concepts[ci].Start == i {
			c := concepts[ci]
			ci++
			// A typo read as several words is no concept's name for sure.
			if qt, ok := e.conceptTerm(c, surfaces[c.Start:c.End]); ok && (c.End-c.Start > 1 || len(readings[i]) == 0) {
				if excluded[i] {
					setAside(&qt)
				}
				q.terms = append(q.terms, qt)
				i = c.End - 1
				continue
			}
		}
		q.terms = append(q.terms, e.wordTerm(terms[i], surfaces[i], factors[i], readings[i]))
		if excluded[i] {
			setAside(&q.terms[len(q.terms)-1])
		}
		if len(q.terms[len(q.terms)-1].Alts) == 0 {
			q.unknown = append(q.unknown, surfaces[i])
		}
	}
	for _, qt := range q.terms {
		top := false
		for _, alt := range qt.Alts {
			if alt.Factor >= typoFactor {
				for _, id := range alt.Terms {
					top = top || e.topical[e.ix.TermString(id)]
				}
			}
		}
		// A concept's name of several words, or a person's full name, names the domain.
		q.topical = append(q.topical, top || len(qt.Alts) > 0 && len(qt.Alts[0].Terms) > 1 || strings.Contains(qt.Word, " ") && len(qt.Alts) > 0)
		q.required = append(q.required, e.isName(qt, capitalised))
	}
	q.counted = e.countedTerms(q)
	q.roles = e.qualifiedRoles(q)
	for i := 1; i < len(q.tokens); i++ {
		q.sinceWhen = q.sinceWhen || (q.tokens[i].Surface == "long" && q.tokens[i-1].Surface == "how")
	}
	q.request = isRequest(q.tokens)
	q.speaker = e.questionSpeaker(q.tokens)
	if head := copulaHead(q.tokens); head != "" {
		for i, qt := range q.terms {
			if !strings.Contains(" "+qt.Word+" ", " "+head+" ") {
				continue
			}
			if len(qt.Alts) == 0 {
				q.unknownHead = head
			}
			// "What is the length of the Zangezur corridor?" is answered only by a fact
			// that names a length.
			q.required[i] = true
		}
	}
	return q
}

// kindTokens returns the tokens with a mistyped question word at the start of the
// question, or after "and", put right: "wen did …" asks when.
func (e *Engine) kindTokens(tokens []analyze.Token) []analyze.Token {
	for i, t := range tokens {
		if i > 1 || (i == 1 && tokens[0].Surface != "and") {
			break
		}
		if len(t.Surface) < 2 || len(t.Surface) > 6 || !e.mayBeTypo(t.Surface) {
			continue
		}
		if _, ok := e.ix.Term(t.Term); ok {
			continue
		}
		if c := correctQuestionWord(t.Surface); c != t.Surface {
			out := append([]analyze.Token(nil), tokens...)
			out[i] = analyze.Token{Term: c, Surface: c, Stop: true}
			return out
		}
	}
	return tokens
}

// countedTerms returns, for "how many X", the terms that may stand for X: the
// alternatives of the words between "how many" and the next function word, leaving out
// words too common to tell anything ("Azerbaijan" in "how many Azerbaijani students").
func (e *Engine) countedTerms(q *question) map[int32]bool {
	if q.kind != AskNumber {
		return nil
	}
	words := map[string]bool{}
	for i := 1; i+1 < len(q.tokens); i++ {
		if q.tokens[i].Surface != "many" || q.tokens[i-1].Surface != "how" {
			continue
		}
		// The counted thing is the noun phrase after "how many": its first two words
		// ("Azerbaijani students"), not the verb and what follows.
		for _, t := range q.tokens[i+1:] {
			if t.Stop || len(words) == 2 {
				break
			}
			words[t.Surface] = true
		}
		break
	}
	if len(words) == 0 {
		return e.unitTerms(q)
	}
	out := map[int32]bool{}
	for _, qt := range q.terms {
		if !words[qt.Word] {
			continue
		}
		for _, alt := range qt.Alts {
			for _, id := range alt.Terms {
				if e.ix.IDF(id) >= 1 {
					out[id] = true
				}
			}
		}
	}
	return out
}

// capitalisedWords returns the words text capitalises in mid-sentence, lower-cased: the
// names the asker wrote as names ("What did Erdogan say").
func capitalisedWords(text string) map[string]bool {
	out := map[string]bool{}
	prevEnd := true
	for _, w := range strings.Fields(text) {
		trimmed := strings.TrimLeft(w, "“\"‘'([")
		r, _ := utf8.DecodeRuneInString(trimmed)
		if unicode.IsUpper(r) && !prevEnd {
			for _, part := range strings.FieldsFunc(strings.ToLower(trimmed), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				out[part] = true
			}
		}
		prevEnd = strings.ContainsAny(w[len(w)-1:], ".!?:")
	}
	return out
}

// isName reports whether a query term is a name the answer must match: a year, or a name
// the articles never use ("What did Erdogan say?"), which no fact can answer for.
func (e *Engine) isName(qt index.QueryTerm, capitalised map[string]bool) bool {
	if isYear(qt.Word) {
		return true // "in 2015": a fact about another year is no answer
	}
	if len(qt.Alts) > 0 {
		return e.isTellingName(qt)
	}
	for _, w := range strings.Fields(qt.Word) {
		// Capitalised; or, from an asker who writes names in lower case (none capitalised),
		// no English word at all (and not mistyped from one of the articles'): a name such
		// as "putin".
		if capitalised[w] || (len(capitalised) == 0 && utf8.RuneCountInString(w) >= 4 && isLatin(w) && !e.isEnglish(w)) {
			return true
		}
	}
	return false
}

// requiredIDF is the least IDF of a name the answer must match: a name the articles use
// in fewer than about one sentence in eight (Russia, Zangezur, Wang Yi), not the two
// countries every article is about.
const requiredIDF = 2.0

// isTellingName reports whether the question's word is, as written, one of the names the
// articles use rarely: a fact that names neither it nor (through its context) the person
// it stands for is about something else ("When did Azerbaijan and Russia establish
// relations?" is not answered by a fact about China).
func (e *Engine) isTellingName(qt index.QueryTerm) bool {
	if e.isNamedConcept(qt) {
		return true
	}
	for _, alt := range qt.Alts {
		if alt.Factor < 1 || len(alt.Terms) != 1 {
			continue
		}
		// The name itself, not an adjective of it: "European leader" asks for a kind of
		// leader, whom the articles may name without naming Europe.
		id := alt.Terms[0]
		if !e.names[e.ix.TermString(id)] || e.ix.IDF(id) < requiredIDF {
			continue
		}
		for _, w := range strings.Fields(qt.Word) { // a person's full name is one word
			if e.az.Stem(w) == e.ix.TermString(id) {
				return true
			}
		}
	}
	return false
}

// isNamedConcept reports whether a query term is a concept of the thesaurus with a name of
// several words that starts with a name ("Middle Corridor", "Shanghai Cooperation
// Organization") and that the articles name rarely: a fact about something else does not
// answer for it.
func (e *Engine) isNamedConcept(qt index.QueryTerm) bool {
	if qt.Weight < requiredIDF {
		return false
	}
	for _, alt := range qt.Alts {
		if alt.Factor < 1 || len(alt.Terms) < 2 {
			continue
		}
		if e.names[e.ix.TermString(alt.Terms[0])] {
			return true
		}
	}
	return false
}

// isLatin reports whether w is written in ASCII letters: a word left over from a question
// in another script is no name.
func isLatin(w string) bool {
	for _, r := range w {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// isYear reports whether w is a year of the last and this century.
func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && isNumberTerm(w)
}

// namesAuthorOf reports whether the question names the author of the article.
func (q *question) namesAuthorOf(a Article) bool { return a.Author != "" && q.names(a.Author) }

// names reports whether the question names the person (any part of the name).
func (q *question) names(person string) bool {
	for _, part := range strings.Fields(strings.ToLower(person)) {
		if len(part) > 2 && strings.Contains(q.lower, part) {
			return true
		}
	}
	return false
}

// measures name the units a "how old", "how long" or "how far" answer counts in: an age
// is so many years, a distance so many kilometres.
var measures = map[string][]string{
	"old":  {"year", "years", "aged"},
	"long": {"year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "hour", "hours", "km", "kilometres", "kilometers", "miles"},
	"far":  {"km", "kilometres", "kilometers", "miles"},
}

// unitTerms returns the index terms of the units "how old/long/far" counts in; an empty
// (non-nil) set when the index has none, so that no number answers.
func (e *Engine) unitTerms(q *question) map[int32]bool {
	for i := 1; i < len(q.tokens); i++ {
		units, ok := measures[q.tokens[i].Surface]
		if !ok || q.tokens[i-1].Surface != "how" {
			continue
		}
		out := map[int32]bool{}
		for _, u := range units {
			for _, t := range e.az.Terms(u) {
				if id, ok := e.ix.Term(t); ok {
					out[id] = true
				}
			}
		}
		if len(out) == 0 {
			out[-1] = true // no such unit in the articles: nothing counts
		}
		return out
	}
	return nil
}

// personTerm makes one query term of a person's full name at the start of terms ("xi
// jinping"): a fact that names the person by any part of the name ("Xi") matches it. It
// returns the term and how many words it took, or 0.
func (e *Engine) personTerm(terms, surfaces []string) (index.QueryTerm, int) {
	if len(terms) == 0 {
		return index.QueryTerm{}, 0
	}
	for _, name := range e.personNames[terms[0]] {
		if len(name) > len(terms) || !equalTerms(terms[:len(name)], name) {
			continue
		}
		qt := index.QueryTerm{Word: strings.Join(surfaces[:len(name)], " ")}
		for _, t := range name {
			if id, ok := e.ix.Term(t); ok {
				qt.Alts = append(qt.Alts, index.Alternative{Terms: []int32{id}, Factor: 1})
				qt.Weight = max(qt.Weight, e.ix.IDF(id))
			}
		}
		if len(qt.Alts) > 0 {
			return qt, len(name)
		}
	}
	return index.QueryTerm{}, 0
}

func equalTerms(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

// conceptTerm makes one query term of a run of words naming a concept: any of the concept's
// names matches it.
func (e *Engine) conceptTerm(c analyze.Concept, surfaces []string) (index.QueryTerm, bool) {
	qt := index.QueryTerm{Word: strings.Join(surfaces, " ")}
	for _, name := range c.Names {
		ids := make([]int32, 0, len(name))
		for _, t := range name {
			id, ok := e.ix.Term(t)
			if !ok {
				ids = nil
				break
			}
			ids = append(ids, id)
		}
		if len(ids) == 0 {
			continue
		}
		qt.Alts = append(qt.Alts, index.Alternative{Terms: ids, Factor: 1})
		for _, id := range ids {
			qt.Weight = max(qt.Weight, e.ix.IDF(id))
		}
	}
	return qt, len(qt.Alts) > 0
}

// wordTerm makes the query term of one word: the word itself (or the index's word nearest
// a misspelling, and the other readings of it), its synonyms, and, for a word the articles
// never use, the words WordNet relates to it. A verb and its particle ("set up") is matched
// by its related words only.
func (e *Engine) wordTerm(term, surface string, factor float64, readings []string) index.QueryTerm {
	qt := index.QueryTerm{Word: surface}
	for k, t := range append([]string{term}, readings...) {
		if id, ok := e.ix.Term(t); ok {
			qt.Alts = append(qt.Alts, index.Alternative{Terms: []int32{id}, Factor: factor})
			if k == 0 || qt.Weight == 0 {
				qt.Weight = e.ix.IDF(id)
				if factor < 1 {
					qt.Weight *= correctedShare
				}
			}
		}
	}
	for _, syn := range e.az.Synonyms(term) {
		if id, ok := e.ix.Term(syn); ok {
			qt.Alts = append(qt.Alts, index.Alternative{Terms: []int32{id}, Factor: synonymFactor * factor})
			if qt.Weight == 0 {
				qt.Weight = e.ix.IDF(id) * synonymFactor
			}
		}
	}
	if len(qt.Alts) > 0 {
		return qt
	}
	// A word the articles never use weighs up to as much as the rarest word they do use:
	// it may well be what the question is about.
	word, particle, _ := strings.Cut(surface, " ")
	qt.Weight = e.ix.MaxIDF() * e.unknownShare(word) // "carries out" is as common as "carries"
	seen := map[int32]bool{}
	for _, w := range e.relatedTo(word, particle) {
		t := e.az.Word(w)
		if id, ok := e.ix.Term(t.Term); ok && !t.Stop && !seen[id] {
			seen[id] = true
			qt.Alts = append(qt.Alts, index.Alternative{Terms: []int32{id}, Factor: relatedFactor * factor})
		}
	}
	return qt
}

// relatedFactor is how much a match through a word WordNet relates to the question's
// counts: less than a synonym of the domain thesaurus, since it may be of another sense.
const relatedFactor = 0.5

// maxReadings bounds how many words a typo is read as.
const maxReadings = 3

// callParticles make "call" a verb of its own ("called for", "called on").
var callParticles = map[string]bool{"for": true, "on": true, "upon": true}

// orderWords are the function words of order in time and the words of the articles that
// say the same, as terms.
var orderWords = map[string][]string{
	"before": {"prior", "preced", "ahead", "earlier", "previous", "previously"},
	"after":  {"follow", "later", "subsequ", "subsequently"},
}

// particles follow a verb to make a verb of two words ("set up", "carry out").
// "On", "in" and "over" are left out: after a verb they are more often prepositions ("hung
// on April 22").
var particles = map[string]bool{"up": true, "out": true, "off": true, "down": true, "back": true, "away": true, "forward": true}

// relatedTo returns the words WordNet relates to w (or to the verb "w particle"), read
// from w's base form: "greeted" is looked up as "greet".
func (e *Engine) relatedTo(w, particle string) []string {
	for _, base := range e.bases(w) {
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

// bases returns w and the base forms it may inflect that are common English words, w first.
func (e *Engine) bases(w string) []string {
	out := []string{w}
	for _, suf := range inflections {
		if strings.HasSuffix(w, suf.cut) && len(w) > len(suf.cut)+2 {
			if b := strings.TrimSuffix(w, suf.cut) + suf.add; e.english[b] > 0 {
				out = append(out, b)
			}
		}
	}
	if t := e.az.Word(w); t.Term != w && e.english[t.Term] > 0 {
		out = append(out, t.Term) // an irregular form: "took" is "take"
	}
	return out
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

// isEnglish reports whether w, or the word it inflects, or two words it runs together, is
// an English word: not a name.
func (e *Engine) isEnglish(w string) bool { return e.englishCount(w) > 0 }

// mayBeTypo reports whether a word the articles do not use may be a typo of one they do: it
// is no common English word, nor an inflection of one. Two words run together do not make
// one here: "reprot" is not "rep" + "rot".
func (e *Engine) mayBeTypo(w string) bool {
	if e.english[w] > 0 {
		return false
	}
	for _, suf := range inflections {
		if strings.HasSuffix(w, suf.cut) && len(w) > len(suf.cut)+2 && e.english[strings.TrimSuffix(w, suf.cut)+suf.add] > 0 {
			return false
		}
	}
	return true
}

// englishCount returns how common w, or the word it inflects, is in English: WordNet's
// count of it in its sense-tagged corpus plus one, or 0 for a word WordNet does not tag.
func (e *Engine) englishCount(w string) int {
	if n := e.english[w]; n > 0 {
		return n
	}
	best := 0
	for _, suf := range inflections {
		if strings.HasSuffix(w, suf.cut) && len(w) > len(suf.cut)+2 {
			best = max(best, e.english[strings.TrimSuffix(w, suf.cut)+suf.add])
		}
	}
	// A doubled consonant before -ed or -ing: "twinned", "planning".
	for _, suf := range []string{"ed", "ing"} {
		if base := strings.TrimSuffix(w, suf); base != w && len(base) > 3 && base[len(base)-1] == base[len(base)-2] {
			best = max(best, e.english[base[:len(base)-1]])
		}
	}
	if best == 0 {
		best = e.compoundCount(w)
	}
	return best
}

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
	{"s", ""}, {"es", ""}, {"ies", "y"}, {"ed", ""}, {"ed", "e"}, {"ing", ""}, {"ing", "e"},
	{"er", ""}, {"est", ""}, {"ly", ""}, {"'s", ""},
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
		if index.Distance(w, q) == 1 {
			return true
		}
	}
	return false
}

// nearFrameWord reports whether w, five letters or more, is one edit from a frame word
// ("hapened", "mentoned").
func nearFrameWord(w string) bool {
	if len(w) < 5 {
		return false
	}
	for f := range frameWords {
		if len(f) >= 5 && index.Distance(w, f) == 1 {
			return true
		}
	}
	return false
}

// frameWords frame a question without naming its topic ("what happened", "what role").
var frameWords = map[string]bool{
	"happen": true, "happened": true, "happens": true, "happening": true, "mean": true,
	"means": true, "meant": true, "exist": true, "exists": true, "describe": true,
	"explain": true, "info": true, "information": true, "give": true, "show": true,
	"find": true, "want": true, "need": true, "get": true, "got": true, "go": true,
	"going": true, "went": true, "come": true, "came": true, "today": true,
	"currently": true, "nowadays": true, "recently": true, "worth": true, "now": true,
	"days": true, "described": true, "assess": true, "assessed": true,
	"characterize": true, "characterized": true, "characterise": true, "characterised": true,
	"view": true, "viewed": true, "regard": true, "regarded": true, "consider": true,
	"considered": true, "mention": true, "mentioned": true, "mentions": true, "known": true,
	"involve": true, "involved": true, "plan": true, "planning": true, "planned": true,
	"plans": true, "position": true, "stance": true, "attitude": true, "role": true,
	"name": true, "named": true, "called": true, "adopt": true, "adopted": true, "status": true,
}

// pairWords are what "the two …" or "both …" call the two countries the articles are about.
var pairWords = map[string]bool{"countries": true, "nations": true, "sides": true, "states": true, "parties": true, "governments": true}

// bothSides reports whether tokens[i] is part of "the two countries", "both sides",
// "between them" and the like: every article is about the two countries, so the phrase
// tells no fact from another.
func bothSides(tokens []analyze.Token, i int) bool {
	t := tokens[i]
	if t.Surface == "between" && i+1 < len(tokens) && tokens[i+1].Surface == "them" {
		return true // "trade between them"
	}
	if (t.Surface == "two" || t.Surface == "both") && i+1 < len(tokens) {
		return pairWords[tokens[i+1].Surface]
	}
	return pairWords[t.Surface] && i > 0 && (tokens[i-1].Surface == "two" || tokens[i-1].Surface == "both")
}

// kindFrame reports whether word only says what kind of answer is wanted, as "year" does
// in "what year".
func kindFrame(prev, word string) bool {
	switch prev {
	case "how":
		switch word {
		case "big", "large", "long", "old", "far", "often", "soon", "high", "fast", "small":
			return true
		}
		return false
	case "what", "which", "wat", "whats":
	default:
		return false
	}
	return whenNouns[word] || amountNouns[word] && word != "share" && word != "value" && word != "volume" && word != "size"
}

// kindOf reads what a question asks for from its first question word (a later one, as in
// "How was he greeted when he arrived?", does not count).
func kindOf(tokens []analyze.Token) Kind {
	for i, t := range tokens {
		next := ""
		if i+1 < len(tokens) {
			next = tokens[i+1].Surface
		}
		switch t.Surface {
		case "who", "whom", "whose", "whos":
			return AskWho
		case "when":
			return AskWhen
		case "since":
			if i == 0 {
				return AskWhen
			}
		case "where":
			return AskWhere
		case "why":
			return AskWhy
		case "how":
			switch next {
			case "many", "much", "big", "large", "long", "old", "far":
				return AskNumber
			}
			return AskWhat // how it went: a manner, not a quantity
		case "what", "which", "wat", "whats":
			switch {
			case whenNouns[next]:
				return AskWhen
			case amountNouns[next]:
				return AskNumber
			case placeNouns[next]:
				return AskWhere
			case personNouns[next]:
				return AskWho
			case t.Surface == "which":
				return AskWhich
			}
			return AskWhat
		case "is", "are", "was", "were", "did", "does", "do", "has", "have", "can", "will", "could", "should":
			if i == 0 {
				return AskYesNo
			}
		}
	}
	return AskWhat
}

// The nouns after "what" or "which" that say what kind of answer is wanted: a time, an
// amount, a place or a person.
var (
	whenNouns    = map[string]bool{"year": true, "years": true, "date": true, "dates": true, "day": true, "days": true, "month": true, "months": true, "time": true}
	amountNouns  = map[string]bool{"percentage": true, "percent": true, "amount": true, "number": true, "share": true, "value": true, "volume": true, "size": true, "sum": true}
	placeNouns   = map[string]bool{"country": true, "countries": true, "city": true, "cities": true, "place": true, "places": true, "region": true, "regions": true, "town": true, "venue": true, "location": true, "building": true, "capital": true}
	personNouns  = map[string]bool{"official": true, "officials": true, "leader": true, "leaders": true, "minister": true, "ministers": true, "person": true, "people": true, "politician": true, "politicians": true, "diplomat": true, "diplomats": true, "president": true, "presidents": true}
	questionHead = []string{"what", "when", "where", "which", "who", "why", "how"}
)

// correctQuestionWord returns the question word w is mistyped from ("wen", "wich", "hw"),
// or w. Where two are one edit away, the one w leaves a letter out of wins ("wher" is
// "where", not "when").
func correctQuestionWord(w string) string {
	best := ""
	for _, q := range questionHead {
		if w == q {
			return w
		}
		if index.Distance(w, q) == 1 && (best == "" || len(q) == len(w)+1 && len(best) != len(w)+1) {
			best = q
		}
	}
	if best == "" {
		return w
	}
	return best
}

// hasLetters reports whether s holds a letter or a digit.
func hasLetters(s string) bool {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		s = s[size:]
	}
	return false
}
