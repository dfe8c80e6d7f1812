package knowledge

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/azchina/azchina/knowledge/index"
	"github.com/azchina/azchina/knowledge/ingest"
	"github.com/azchina/azchina/knowledge/lingo"
)

// Thresholds for answering. A question is answered only when its best fact matches enough
// of what the question asks about (coverage, weighted by how telling each word is) and
// matches it strongly enough (score).
const (
	minCoverage  = 0.45
	minScore     = 2.0
	moreShare    = 0.6 // a further fact is quoted when it scores this share of the best
	asideShare   = 0.5 // moreShare when the question sets something aside, which the best fact may tell of only
	maxQuotes    = 3
	maxFollowing = 8 // sentences quoted after one that ends with a colon
	// maxQuotedFollowing is how many sentences of a quotation after a colon are quoted when
	// further facts are to be quoted too: room for them in the text.
	maxQuotedFollowing = 2
	maxText            = 1000
	// searchDepth is how many hits by term weight and position are reranked. No answer of
	// the question sets changes from 15 up; below that, answers are lost.
	searchDepth = 20

	lacksTypeFactor  = 0.7
	lacksPlaceFactor = 0.6

	// A fact covering less than minCoverage still answers when it covers this much and
	// matches three of the question's words as themselves.
	minCoverageClear = 0.30
	// minConfidence is the least confidence an answer is given with: below it, a fact
	// that passed the thresholds above matches too little, too weakly, to quote.
	minConfidence = 0.2
)

// Explanation tells why an answer's facts won: the question as read and the signals of the
// best facts.
type Explanation struct {
	Question string
	Kind     string
	Intent   string
	Terms    []TermExplanation
	Hits     []HitExplanation
}

// TermExplanation is one word of the question as searched.
type TermExplanation struct {
	Word    string
	Weight  float64
	Matches []string // index terms it matches, with their factors
}

// HitExplanation is one ranked fact with its score by signal.
type HitExplanation struct {
	Fact     Fact
	Final    float64
	BM25     float64
	Phrase   float64
	Order    float64
	Type     float64
	Intent   float64
	Coverage float64
	Eligible bool
	Excluded string   // why it may not answer, when it may not
	Missed   []string // the question's words it does not match
}

type ranked struct {
	fact      *Fact
	hit       index.Hit
	typeBonus float64
	intent    float64
	final     float64
	eligible  bool
	excluded  string // why it may not answer, when it may not
	// saidBefore marks a fact that does not name the document a question asks the words
	// of, whose paragraph follows one that does (see saidInLastParagraph).
	saidBefore bool
}

// lacksType reports whether the fact was excluded for want of the date, number, city,
// outcome, reason or named thing the question asks for, or as of another (lackingType).
func (r *ranked) lacksType() bool { return lackingType[r.excluded] }

// lackingType are the reasons a fact is excluded for want of what a question asks for, or
// for telling of it for another name or in another's words: such a fact far outscoring any
// that answers marks a near miss.
var lackingType = map[string]bool{
	lacksDate: true, lacksNumber: true, lacksCity: true, lacksCountry: true, lacksOutcome: true, lacksKind: true,
	lacksReason: true, lacksExpansion: true, lacksPerson: true, contradicts: true, othersRole: true,
	missesName: true, othersWords: true,
}

// Answer answers a question from the articles. It returns an error only when ctx is done.
func (e *Engine) Answer(ctx context.Context, question string) (Answer, error) {
	a, _, err := e.answer(ctx, question, false)
	return a, err
}

// Explain answers a question and tells why the winning facts won.
func (e *Engine) Explain(ctx context.Context, question string) (Answer, Explanation, error) {
	return e.answer(ctx, question, true)
}

func (e *Engine) answer(ctx context.Context, raw string, explain bool) (Answer, Explanation, error) {
	var ex Explanation
	if err := ctx.Err(); err != nil {
		return Answer{}, ex, err
	}
	if len(raw) > MaxQuestion {
		return Answer{Text: fmt.Sprintf("That is too long for a question (%d characters). Ask in under %d characters.", utf8.RuneCountInString(raw), MaxQuestion), Citations: []Citation{}}, ex, nil
	}
	text := clean(raw)
	if !hasLetters(text) {
		return e.refusal("I did not find a question in that."), ex, nil
	}
	lang := lingo.Detect(text)
	if lang != lingo.English {
		text = e.lexicon.English(lang, text)
	}
	text = e.apart(fromHearsay(withHabitAsEarlier(withoutGreeting(withoutRemark(withoutIntroduction(withBlankAsked(withMentionAsked(withNameAsked(withoutCommand(text))))))))))
	if kind := smallTalk(text); kind != "" {
		return localize(e.refusal(smallTalkReplies[kind]), lang), ex, nil
	}
	q := e.readQuestion(text)
	defer questions.Put(q)
	if q.request {
		return localize(e.refusal("I answer questions from the articles with quotes; I do not write jokes, poems or essays, translate or predict."), lang), ex, nil
	}
	if q.opinion {
		return localize(e.refusal("I hold no opinions: I quote what the articles say."), lang), ex, nil
	}
	if q.howTo {
		return localize(e.refusal("The articles I answer from report news; they do not say how to do things."), lang), ex, nil
	}
	if !explain {
		if a, ok := e.comparedAnswered(ctx, text); ok {
			// "Which came first, the forum's ten documents or last July's agreement?"
			return localize(a, lang), ex, nil
		}
		if q.kind == AskYesNo || yesNoAfterTopic(q.lower) {
			if a, ok := e.chosenAlternative(ctx, text); ok {
				// "Did they sign a sister city agreement or just a letter of intent?"
				return localize(a, lang), ex, nil
			}
		}
	}
	if q.unknownHead != "" {
		if name := asWritten(text, q.unknownHead); name != "" {
			// A name, as the asker writes it: "do not mention Alibaba", "… the Global
			// Governance Initiative".
			if strings.Contains(name, " ") {
				name = "the " + name
			}
			return localize(e.refusal(fmt.Sprintf("The articles I answer from do not mention %s.", name)), lang), ex, nil
		}
		return localize(e.refusal(fmt.Sprintf("The articles I answer from do not mention any %s.", q.unknownHead)), lang), ex, nil
	}
	if q.first && e.onlyRankedBelowFirst(q) {
		// "Which country is Azerbaijan's largest partner?": the articles speak only of
		// its fourth-largest.
		return localize(e.refusal("The articles I answer from do not say."), lang), ex, nil
	}
	buf := answerBufs.Get().(*answerBuf)
	defer answerBufs.Put(buf)
	rs := e.rank(q, buf)
	if explain {
		ex = e.explain(q, rs)
	}
	best := e.choose(q, rs)
	first, second, two := twoQuestions(text, q.lower)
	if best < 0 || rs[best].confidence() < minConfidence {
		if c := e.correction(q, rs); c >= 0 {
			// "COP29 was hosted in Tashkent, right?": the articles say Baku.
			a := e.compose(q, rs[c:c+1], 0)
			a.Text = truncate(otherwise+"\n"+a.Text, maxText)
			return localize(a, lang), ex, nil
		}
		a := e.refusal("The articles I answer from do not say.")
		if two && !explain {
			// No fact answers the two together, but two may answer one each.
			a = e.bothAnswered(ctx, a, first, second)
		}
		return localize(a, lang), ex, nil
	}
	if two && slices.Contains(rs[best].hit.Matched, 0) && !e.eitherAnswered(ctx, first, second) {
		// "When was Wang Yi born and how long has he been foreign minister?": neither
		// part is answered, though the two together share enough words with a fact
		// that misses some of them.
		return localize(e.refusal("The articles I answer from do not say."), lang), ex, nil
	}
	if q.publisher {
		rs, best = e.leadWithPublisher(rs, best)
	}
	if q.whenSaid {
		rs, best = e.leadWithDateline(rs, best)
	}
	a := e.compose(q, rs, best)
	if e.figureOtherwise(q, &rs[best]) {
		// "… the upcoming 40th anniversary, right?": the fact tells the 35th.
		a.Text = truncate(otherwise+"\n"+a.Text, maxText)
	} else if two && !explain {
		a = e.bothAnswered(ctx, a, first, second)
	}
	return localize(a, lang), ex, nil
}

// figureOtherwise reports whether the best fact for a claim gives, in place of a figure
// of the claim it lacks, another.
func (e *Engine) figureOtherwise(q *question, r *ranked) bool {
	if q.kind != AskYesNo {
		return false
	}
	for k, qt := range q.terms {
		// A year counts as lacking when the fact does not write it, though it may be of
		// the article's year ("is in 2026": "in 2027", of an article of 2026).
		lacking := r.hit.Matched[k] == 0 || isYear(qt.Word) && !strings.Contains(r.fact.Text, qt.Word)
		if isFigure(qt.Word) && (!isYear(qt.Word) || putsClaim(q.tokens)) && lacking && e.tellsOtherwise(q, r.fact, k) {
			return true
		}
	}
	return false
}

// twoQuestions splits a question that asks two things ("when was he born and how long
// has he been minister", "who is he and in which bodies do they cooperate") into its two,
// or returns false: a second question word after "and" (and a preposition), or after a
// question mark, once the words before have asked something. lower is text in lower case.
func twoQuestions(text, lower string) (first, second string, ok bool) {
	if !strings.Contains(lower, "?") && !slices.ContainsFunc(joinerWords, func(j string) bool { return strings.Contains(lower, j) }) {
		return "", "", false // most questions: nothing joins two
	}
	ws := strings.Fields(lower)
	asks := func(k int) bool {
		if k >= len(ws) {
			return false
		}
		return questionWord[asTyped(withoutIs(strings.Trim(ws[k], ",?")))] // ("what's")
	}
	asked := false // the words before k ask something: a question word, or an auxiliary first
	for k, w := range ws {
		if k == 0 && (auxiliaries[w] || copulas[w]) {
			asked = true
		}
		if asked && k >= 2 {
			switch {
			case joiners[strings.Trim(w, ",")] && (asks(k+1) || joinedPrepositions[ws[min(k+1, len(ws)-1)]] && asks(k+2)):
				// "…, and how much …", "… and through which region …"
				f := strings.Fields(text)
				return strings.Join(f[:k], " "), strings.Join(f[k+1:], " "), true
			case strings.HasSuffix(w, "?") && asks(k+1):
				f := strings.Fields(text)
				if first, second = strings.Join(f[:k+1], " "), strings.Join(f[k+1:], " "); hasVerb(first) && hasVerb(second) {
					// (but "who announced the deal? which ministry" asks one thing)
					return first, second, true
				}
			}
		}
		asked = asked || asks(k)
	}
	return "", "", false
}

// withoutIs returns a word without the "'s" that stands for "is": "what" of "what's".
func withoutIs(w string) string {
	return strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
}

// joinedPrepositions may come between the word that joins a second question and its
// question word: "… and through which region …", "… and since what year …".
var joinedPrepositions = map[string]bool{
	"in": true, "on": true, "at": true, "through": true, "since": true, "from": true, "to": true,
	"for": true, "by": true, "with": true, "during": true, "under": true, "via": true, "until": true,
}

// hasVerb reports whether a question has, after its first word, a word that reads as its
// verb: an auxiliary, a form of "be", or a past form ("announced"); or opens on a question
// word that holds its "is" ("what's").
func hasVerb(question string) bool {
	ws := strings.Fields(strings.ToLower(question))
	if len(ws) > 0 {
		w := ws[0]
		if _, ok := contractedCopula[w]; ok || withoutIs(w) != w && questionWord[withoutIs(w)] {
			return true // "what's the turnover": the question word holds its "is"
		}
	}
	return slices.ContainsFunc(ws[min(1, len(ws)):], func(w string) bool {
		w = strings.Trim(w, ",?!.")
		return auxiliaries[w] || copulas[w] || isParticiple(w)
	})
}

// joiners join a message's two questions: "when were the missions set up and how much …",
// "… n wat rank is China".
var joiners = map[string]bool{"and": true, "n": true, "&": true, "plus": true, "vs": true, "versus": true}

// joinerWords are the joiners as words of a text (" and "), to look for in a question's.
var joinerWords = func() []string {
	var out []string
	for j := range joiners {
		out = append(out, " "+j+" ")
	}
	return out
}()

// asTyped returns the word a chat shortening stands for ("wat": "what"), or w.
func asTyped(w string) string {
	if long, ok := chatShortenings[w]; ok {
		return long
	}
	return w
}

// bothAnswered answers a message that asks two questions ("when were the missions set
// up, and how much have Chinese firms invested?") with the answers to each, when the
// articles answer both, the second with quotes of its own; otherwise it returns whole,
// the answer to the message read as one question.
func (e *Engine) bothAnswered(ctx context.Context, whole Answer, first, second string) Answer {
	if !hasVerb(first) || !hasVerb(second) {
		return whole // "which Chinese agency and which Azerbaijani ministry are the parties": one question
	}
	a, _, err := e.answer(ctx, first, false)
	if err != nil || !a.Answered {
		return whole
	}
	second, _ = e.FollowUp(second, first)
	b, _, err := e.answer(ctx, second, false)
	if err != nil || !b.Answered {
		return whole
	}
	if !slices.ContainsFunc(b.Citations, func(c Citation) bool { return !slices.Contains(a.Citations, c) }) {
		return a // the first's answer quotes what answers the second too
	}
	return joinAnswers(a, b)
}

// joinAnswers answers with a's quotes, then those of b's that a does not quote, numbered
// on from a's.
func joinAnswers(a, b Answer) Answer {
	cites := slices.Clip(a.Citations)
	number := make([]int, len(b.Citations)) // b's citation k is cites[number[k]-1]
	for k, c := range b.Citations {
		if i := slices.Index(cites, c); i >= 0 {
			number[k] = i + 1
			continue
		}
		cites = append(cites, c)
		number[k] = len(cites)
	}
	numberOf := func(m string) int { // the new number of b's mark m ("[2]")
		k, _ := strconv.Atoi(m[1 : len(m)-1])
		if k < 1 || k > len(number) {
			return 0
		}
		return number[k-1]
	}
	var kept []string
	quoted := false // the quote the line belongs to is one a gives
	for line := range strings.SplitSeq(b.Text, "\n") {
		if marks := citationMark.FindAllString(line, -1); len(marks) > 0 {
			quoted = !slices.ContainsFunc(marks, func(m string) bool { return numberOf(m) > len(a.Citations) })
		}
		if !quoted {
			kept = append(kept, citationMark.ReplaceAllStringFunc(line, func(m string) string { return "[" + strconv.Itoa(numberOf(m)) + "]" }))
		}
	}
	if len(kept) == 0 {
		return a
	}
	return Answer{
		Answered:   true,
		Text:       truncate(a.Text+"\n"+strings.Join(kept, "\n"), maxText),
		Intent:     a.Intent,
		Confidence: min(a.Confidence, b.Confidence),
		Citations:  cites,
	}
}

// citationMark finds the numbers an answer's text gives its quotes: "[2]".
var citationMark = regexp.MustCompile(`\[[0-9]+\]`)

// eitherAnswered reports whether the articles answer either of a question's two parts,
// the second read as following on from the first ("… and how long has he been …").
func (e *Engine) eitherAnswered(ctx context.Context, first, second string) bool {
	if a, _, err := e.answer(ctx, first, false); err != nil || a.Answered {
		return true
	}
	second, _ = e.FollowUp(second, first)
	a, _, err := e.answer(ctx, second, false)
	return err != nil || a.Answered
}

// leadWithPublisher answers "Which website ran the story on …" with the sentence that
// names the publisher of the article that tells the story, before the story's own
// sentence: of the best fact's article, or of the best fact that scores nearly as well
// from an article whose publisher a sentence names.
func (e *Engine) leadWithPublisher(rs []ranked, best int) ([]ranked, int) {
	for i := best; i < len(rs); i++ {
		r := rs[i]
		if !r.eligible || r.final < moreShare*rs[best].final {
			continue
		}
		pf, ok := e.publisherFact[r.fact.Source]
		if !ok {
			continue
		}
		if pf == r.fact.ID {
			return rs, i
		}
		return ledBy(rs, i, &e.facts[pf]), 0
	}
	return rs, best
}

// leadWithDateline puts first, for a question that asks when someone spoke to the press,
// the dateline of the article the answer is from: the day of the story.
func (e *Engine) leadWithDateline(rs []ranked, best int) ([]ranked, int) {
	d, ok := e.datelineFact[rs[best].fact.Source]
	if !ok || d == rs[best].fact.ID {
		return rs, best
	}
	return ledBy(rs, best, &e.facts[d]), 0
}

// ledBy returns the ranking from i on, led by a fact that stands in for the one at i (its
// article's publisher line, its dateline) with the same scores.
func ledBy(rs []ranked, i int, f *Fact) []ranked {
	lead := rs[i]
	lead.fact = f
	return append([]ranked{lead}, rs[i:]...)
}

// localize marks an answer to a question asked in lang: its language, and a first line in
// that language saying the quotes are in English (or, for a refusal, that the articles do
// not say).
func localize(a Answer, lang lingo.Language) Answer {
	if lang == lingo.English {
		return a
	}
	a.Language = string(lang)
	lead := lingo.QuotesNote(lang)
	if !a.Answered {
		lead = lingo.NotFound(lang)
	}
	a.Text = truncate(lead+"\n"+a.Text, maxText)
	return a
}

// choose returns the index of the fact to answer with, or -1 to refuse. The best eligible
// fact answers when it covers enough of the question, or, covering less, when it matches
// three of the question's words as themselves, as a long question put in the asker's own
// words does (several words the articles never use, none of them what a near miss lacks:
// "Who is Azerbaijan's ambassador in Beijing?" matches two); else the next that covers
// enough. No fact answers when the facts that tell of what is asked, without the date,
// number, city, outcome or named thing it asks for (or for another name, or in another's
// words), far outscore it.
func (e *Engine) choose(q *question, rs []ranked) int {
	best := firstEligible(rs)
	seen := false  // an eligible fact scored enough before this one
	lacking := 0.0 // the best score of a fact that lacks what the question asks for
	for i := range rs {
		if !rs[i].eligible && rs[i].lacksType() {
			lacking = max(lacking, rs[i].final)
		}
		if !rs[i].eligible || rs[i].final < minScore {
			continue
		}
		if lacking >= lackingMargin*rs[i].final {
			// The articles tell of what the question asks about, far better than this fact
			// does, without what it asks for (a date, a number, a city …): they do not say.
			return -1
		}
		if !seen && i == best && e.answersInOwnWords(q, &rs[i]) {
			return i // the best fact answers before one that covers more but ranks lower
		}
		if rs[i].hit.Coverage >= minCoverage {
			return i
		}
		seen = true
	}
	return -1
}

// agesPattern finds a length of time told in words: "a century", "a decade" ("decades of
// friendship" tells no length).
var agesPattern = regexp.MustCompile(`(?i)\b(a|one|half a) (century|decade)\b`)

// agesOfPattern finds an age of a thing, told in words: "decades of friendship".
var agesOfPattern = regexp.MustCompile(`(?i)\b(?:decades|centuries|generations) of (\pL+)`)

// agesOfAsked reports whether a fact tells in words how long the thing the question asks
// about has lasted: "how long has the friendship gone on" by "decades of friendship",
// though "how long was the visit" is not.
func (e *Engine) agesOfAsked(q *question, f *Fact) bool {
	for _, m := range agesOfPattern.FindAllStringSubmatch(f.Text, -1) {
		if t := e.az.Word(m[1]); !t.Stop && q.hasTerm(t.Term) {
			return true
		}
	}
	return false
}

// yearsPattern finds a length of time in years: "for 33 years", "since 1995", "the 35th
// anniversary", "over the last five years", a span from one year to another.
var yearsPattern = regexp.MustCompile(`(?i)\b(years?|decades?|century|centuries|anniversary|since (19|20)\d\d)\b|\b(19|20)\d\d\b.*\b(19|20)\d\d\b`)

// refersBackToAsked reports whether a fact opens with a demonstrative and the noun a
// what-question asks for ("This document …" for "what document …"): the thing asked for
// is named in the sentence before.
func (e *Engine) refersBackToAsked(q *question, f *Fact) bool {
	if q.kind != AskWhat && q.kind != AskWhich {
		return false
	}
	first, rest, ok := strings.Cut(f.Text, " ")
	if !ok || !demonstratives[first] {
		return false
	}
	noun, _, _ := strings.Cut(rest, " ")
	t := e.az.Word(strings.ToLower(strings.Trim(noun, ",.;:")))
	for i, u := range q.tokens {
		if u.Term == t.Term && i > 0 && (markedWhatWords.holds(q.tokens[i-1]) || q.tokens[i-1].Surface == "which") {
			return true
		}
	}
	return false
}

// demonstratives open a sentence that points back to what the one before named.
var demonstratives = map[string]bool{"This": true, "These": true, "That": true, "Those": true, "Such": true}

// answersInOwnWords reports whether a fact covers enough of a question put in the asker's
// own words: from minCoverageClear, matching three of its words as themselves (not only
// through WordNet's relations).
func (e *Engine) answersInOwnWords(q *question, r *ranked) bool {
	if r.hit.Coverage < minCoverageClear {
		return false
	}
	matched, away := 0, 0
	for i, m := range r.hit.Matched {
		if m > 0 && !onlyRelated(q.terms[i]) {
			matched++
			if !e.namesHome(q.terms[i]) {
				away++
			}
		}
	}
	return matched >= 3 && (away >= 2 || !putsClaim(q.tokens))
}

func firstEligible(rs []ranked) int {
	for i := range rs {
		if rs[i].eligible {
			return i
		}
	}
	return -1
}

// answerBuf is room for the work of one answer, reused across answers: fewer
// allocations, less garbage to collect under load.
type answerBuf struct {
	results index.Results
	ranked  []ranked
	sorted  []ranked
	order   []int
}

var answerBufs = sync.Pool{New: func() any { return &answerBuf{} }}

// questions are pooled: a question is read for one answer and dropped when it returns,
// and nothing keeps it.
var questions = sync.Pool{New: func() any { return new(question) }}

// rank searches the index and reranks the hits with what the question asks for. The hits
// live in buf until its next use.
func (e *Engine) rank(q *question, buf *answerBuf) []ranked {
	hits := e.ix.SearchInto(&buf.results, q.terms, searchDepth)
	out := buf.ranked[:0]
	defer func() { buf.ranked = out[:0] }()
	sorted := buf.sorted[:0]
	defer func() { buf.sorted = sorted[:0] }()
	// "Who is Liu Jianchao?" is answered by what describes him; "which other officials
	// did Bayramov meet" is not.
	asksAbout := e.namesPerson(q) && !q.personNoun && !q.author
	pubs := e.publishersNamed(q)
	figNamed := e.figurativeNamed(q)
	for _, h := range hits {
		f := &e.facts[h.Doc]
		if len(e.figurative[f.ID]) > 0 {
			e.dropFigurative(q, &h, figNamed)
		}
		h.Coverage = q.eitherCoverage(h)
		if q.storyTerms > 0 && !q.aboutStory {
			// The asker's story sets the scene: what of it a fact misses counts for half.
			h.Coverage = q.creditedCoverage(h, func(i int) float64 {
				if i < q.storyTerms {
					return storyCredit
				}
				return 0
			})
		}
		byPublisher := false
		if len(pubs) > 0 && f.Kind == Body && pubs[e.articles[e.bySource[f.Source]].Publisher] {
			// "According to the commonspace.eu report, …": its article's sentences need
			// not name it.
			byPublisher = true
			h.Coverage = q.creditedCoverage(h, func(i int) float64 {
				if e.namesArticle(f, q.terms[i]) {
					return 1
				}
				return 0
			})
		}
		said := len(q.sayer) > 0 && !matchesSayer(q, h) && (e.saidInLastParagraph(q, f) || byPublisher && e.sayerIsArticle(q, f))
		if said {
			h.Coverage = q.coverageWith(h, q.sayer) // the document is named just before, or is the article
		}
		r := ranked{fact: f, hit: h, saidBefore: said}
		r.typeBonus = e.typeBonus(q, f)
		if r.typeBonus == 0 && q.kind == AskWho && asksAbout && !q.source && e.cues[f.ID]&namesRole != 0 {
			r.typeBonus = 1 // what a person is: "An experienced journalist, Aytan …"
		}
		r.excluded = e.excluded(q, &r)
		r.eligible = r.excluded == ""
		if r.eligible && q.which >= 0 && h.Matched[q.which] == 0 && bodyKinds[q.terms[q.which].Word] {
			// "What news agency did he talk to?" is answered by "an interview with Trend":
			// the body named is of the kind asked for, though not called so.
			r.hit.Coverage = q.coverageWith(r.hit, []int{q.which})
		}
		if q.intent != "" && contains(f.Intents, q.intent) {
			r.intent = 0.3
		}
		// How much of the question a sentence answers matters more than how strongly it
		// matches a part of it.
		r.final = (h.Score + r.typeBonus + r.intent) * (0.25 + 0.75*h.Coverage)
		switch {
		case r.typeBonus > 0:
		case q.kind == AskWhere:
			// "Where?" asks for a place: a sentence naming none is a poor answer.
			r.final *= lacksPlaceFactor
		case q.kind == AskWho && (!asksAbout || q.source):
			// "Who signed it?" asks for a person, though "who does it apply to" may be
			// answered by a kind of people.
			r.final *= lacksTypeFactor
		}
		out = append(out, r)
	}
	// Sort positions, then copy once: moving the large records about costs more.
	order := buf.order[:0]
	for i := range out {
		order = append(order, i)
	}
	// Best first, equals in their order: an insertion sort, as slices.SortStableFunc
	// does so few, with the comparison written in.
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && cmp.Compare(out[order[j]].final, out[order[j-1]].final) > 0; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	for _, i := range order {
		sorted = append(sorted, out[i])
	}
	buf.order = order[:0]
	return sorted
}

// Why a fact that is about what a question asks may still not answer it.
const (
	lacksDate    = "holds no date"
	lacksNumber  = "holds no number"
	lacksCity    = "names no city"
	lacksCountry = "names no country the question does not"
	lacksOutcome = "of what was to come, not how it turned out"
	lacksKind    = "names none of what is asked for"
	lacksReason  = "gives no reason"
	lacksPerson  = "names no one the question does not"
	lacksDeed    = "does not say it was done"
	// "Which industries were singled out for reduced cooperation?" is not answered by
	// "increased cooperation in … petrochemicals".
	contradicts = "says the contrary"
	missesName  = "misses a name or year asked about"
	// "Where were the flags raised in Baku?" is not answered by the flags hung in
	// Beijing, nor "which Azerbaijani companies invest in China" by China's in Azerbaijan.
	othersRole = "another's role"
	// "What does ANAMA stand for?" is not answered by a sentence that names ANAMA.
	lacksExpansion = "does not spell out the abbreviation"
	// "What did Wang Yi say about …" is not answered by what Aliyev said of it.
	othersWords = "not the words of whom it asks about"
)

// namesOccupation reports whether text names a role that is a job: not a relation such as
// "wife".
func namesOccupation(text string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if ingest.IsRole(w) && !kinWords[w] {
			return true
		}
	}
	return false
}

// onlyToDo reports whether a fact holds the query term's word (itself, or its synonym)
// only after "to": "invited … to attend" tells what was to be done, not that it was.
func (e *Engine) onlyToDo(f *Fact, qt index.QueryTerm) bool {
	found := false
	toks := e.az.Analyze(f.Text)
	for i, t := range toks {
		if !slices.ContainsFunc(qt.Alts, func(a index.Alternative) bool {
			return a.Factor > relatedFactor && len(a.Terms) == 1 && e.ix.TermString(a.Terms[0]) == t.Term
		}) {
			continue
		}
		if i == 0 || toks[i-1].Surface != "to" {
			return false
		}
		found = true
	}
	return found
}

// saysOfRole reports whether text writes word before a role, within three words: "the
// previous foreign minister", not "the previous day".
func saysOfRole(text, word string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range words {
		if w == word && slices.ContainsFunc(words[i+1:min(len(words), i+4)], ingest.IsRole) {
			return true
		}
	}
	return false
}

// kinWords are the roles a person holds by family, no job.
var kinWords = map[string]bool{"wife": true, "husband": true}

// lackingMargin is how many times a fact that lacks what a question asks for (lacksType)
// must outscore the best fact that has it for the question to be refused.
const lackingMargin = 2.0

// excluded returns why a fact may not answer the question, or "" when it may.
func (e *Engine) excluded(q *question, r *ranked) string {
	f, h := r.fact, r.hit
	switch {
	case !e.answersAbout(q, r):
		return "credits, not a fact"
	case r.typeBonus == 0 && (q.kind == AskNumber || q.kind == AskWhen):
		// A sentence without a number cannot say how many, nor one without a date when.
		if q.kind == AskNumber {
			return lacksNumber
		}
		return lacksDate
	case q.signed && q.kind == AskWhere && r.typeBonus == 0 && len(e.places[f.ID]) == 0 && !e.namesOther(q, f, false):
		// "Where was last July's agreement signed?" is not answered by "the signing of an
		// agreement" last July: a sentence that names no place.
		return lacksCity
	case q.inDollars && !strings.Contains(f.Text, "$") && !strings.Contains(strings.ToLower(f.Text), "dollar"):
		// "What is the trade turnover in dollars?" is not answered by "a more than 20%
		// increase".
		return lacksNumber
	case q.definition != "" && !definesIn(f.Text, q.definition):
		// "What is a Confucius Institute?" is not answered by "supporting the
		// development of Confucius Institutes in Azerbaijan".
		return lacksKind
	case q.container != "" && !strings.Contains(strings.ToLower(f.Text), q.container):
		// "Which province is Urumqi in?" is not answered by "Urumqi (China)".
		return lacksCity
	case q.inYears && !yearsPattern.MatchString(f.Text):
		// "How many years has Xi been president?" is not answered by "between 22 and 24
		// April": a span of days.
		return lacksNumber
	case q.strangeFigure && !figurePattern.MatchString(f.Text):
		// "Are there about 500 Chinese students in Azerbaijan?" is not settled by "the
		// sides agreed to continue mutual student exchanges".
		return lacksNumber
	case !e.evidence(q, h):
		return "too few words in common"
	case !e.matchesNames(q, r) || !e.saysYears(q, f):
		return missesName
	case q.kind == AskWhen && f.Refers == "" && e.missesDoer(q, h):
		// "When did Xi last visit Baku?" is not answered by a moment "last July" of the
		// two countries' relations: a date of what someone else did.
		return missesName
	case e.cityForCountry(q, f) && e.namesOtherPlace(q, f):
		// "What's Baku's sister city in China?" is not answered by the sister cities
		// Nakhchivan (Azerbaijan) and Urumqi: of another city of the country.
		return missesName
	case q.kind == AskYesNo && e.saysClaimedYear(q, f) && !e.saysClaimed(q, f):
		return missesName
	case q.together[0] >= 0 && (h.Matched[q.together[0]] == 0 || h.Matched[q.together[1]] == 0):
		// "What did Liu Jianchao and Aliyev discuss when they met?" is not answered by
		// what Liu is reported to have said.
		return "not of the two together"
	case e.otherRole(q, f.ID):
		return othersRole
	case e.saysContrary(q, r):
		return contradicts
	case !e.saidBy(q, f) || q.viewOf >= 0 && !e.toldAsOf(f, q.viewOf):
		return othersWords
	case !matchesSayer(q, h) && !r.saidBefore:
		return "not what the sayer asked about said"
	case !matchesTopic(q, h):
		return "not on what the words are asked about"
	case !e.matchesContent(q, r):
		return "not about the occasion asked about"
	case q.talkedAbout && e.cues[f.ID]&(coversTopic|saysSomething) == 0 && f.Speaker == "":
		// "What did Peng and Aliyeva talk about?" is not answered by "Prior to the talks,
		// Xi and his wife, Peng Liyuan, held a welcoming ceremony …"; words quoted are
		// talk.
		return lacksDeed
	case q.future && !e.toCome(f), q.future && q.kind == AskWhen && !e.datesAhead(f):
		return "not of what is to come"
	case q.outcome && e.cues[f.ID]&tellsPlan != 0 && (matchedWords(h) < len(q.terms) || e.onlyToCome(q, f)):
		// "Did he end up going to the summit?" is not answered by "the upcoming summit",
		// nor "did he actually attend it" by "invited him to attend it"; but "did Xi
		// actually invite him to it" is by "an invitation to the upcoming summit".
		return lacksOutcome
	case len(q.sequel) > 0 && !slices.ContainsFunc(q.sequel, func(i int) bool { return h.Matched[i] == 0 }) && (q.sequelWord < 0 || !e.says(f.ID, q.terms[q.sequelWord])):
		// "What happened after Chen Ming refuted the reports?" is not answered by "Chen
		// Ming refuted the reports" (but "after Liu's visit" is by "Liu's visit was
		// followed by reports …").
		return lacksOutcome
	case q.result && e.cues[f.ID]&tellsPlan != 0:
		// "What came out of the SCO summit?" is not answered by the invitation to it.
		return lacksOutcome
	case q.kind == AskWhen && askedInPast(q.tokens) && !q.plan && e.cues[f.ID]&tellsPlan != 0:
		// "When were diplomatic relations established?" is not answered by the date of
		// the upcoming anniversary of it.
		return lacksOutcome
	case q.kind == AskYesNo && q.askedVerb >= 0 && askedInPast(q.tokens) && e.onlyToDo(f, q.terms[q.askedVerb]):
		// "Did Aliyev attend the SCO summit?" is not answered by his invitation "to
		// attend" it: what he was to do, not what he did.
		return lacksOutcome
	case q.heldPast && e.cues[f.ID]&tellsPlan != 0:
		// "Where was the anniversary event held?" is not answered by the invitation to it.
		return lacksOutcome
	case !q.future && q.kind != AskWhen && !q.plan && e.cues[f.ID]&tellsPlan != 0 && matchesLocator(q, h) && (q.kind != AskYesNo || askedInPast(q.tokens)):
		// "What did he say at the SCO summit?": the articles tell of the summit only as
		// one to come, so of nothing said at it.
		return lacksOutcome
	case q.predicate >= 0 && !e.says(f.ID, q.terms[q.predicate]) && !namesHead(q.terms[q.predicate], f):
		return "does not say what is asked"
	case q.askedVerb >= 0 && h.Matched[q.askedVerb] == 0 && !namesHead(q.terms[q.askedVerb], f) && !madeNew(q.terms[q.askedVerb].Word, f.Text):
		return lacksDeed
	case q.city && e.onlyCountries(q, f):
		return lacksCity
	case q.building && !buildingPattern.MatchString(f.Text):
		// "In which building did the ministers meet?" is not answered by "in Beijing".
		return lacksCity
	case q.whereTo && !e.placesOtherThanAsked(q, f):
		// "Where did Aliyev travel after leaving China?" is not answered by "was in China".
		return lacksCity
	case q.country && (r.typeBonus == 0 || q.otherCountries) && !e.namesOtherCountry(q, f):
		// "Which countries rank ahead of China?" is not answered by a fact that names
		// no country the question does not.
		return lacksCountry
	case q.capital >= 0 && !e.saysItself(f.ID, q.terms[q.capital]):
		return missesName
	case q.whichPhrase != nil && e.restates(q, r):
		return lacksKind
	case q.first && rankedBelowFirst.MatchString(f.Text):
		return "ranks it lower than asked"
	case q.kind == AskYesNo && len(q.dates) > 0 && len(f.Dates) == 0 && e.datedBy[f.ID] < 0 && !slices.ContainsFunc(q.dates, func(d string) bool { return e.articleDays[f.Source][d] }):
		// "The interview came out on April 20, right?" is settled only by a fact that
		// dates it, or one of an article that names the day ("at the Jan 28 meeting").
		return lacksDate
	case q.kind == AskYesNo && e.missesFigureKind(q, f):
		// "Did China pledge $500 million for demining?" is settled only by a fact that
		// gives a sum: one that tells of the help without a figure does not say.
		return lacksNumber
	case q.most && (!ranksFirst.MatchString(f.Text) || rankedBelowFirst.MatchString(f.Text)):
		// "Is Azerbaijan China's most important partner?" is not answered by "an
		// important partner", nor by "its fourth-largest".
		return "ranks nothing above the rest"
	case q.staged && missesEvent(q, h):
		// "Where was the welcome ceremony for Pedro Sanchez held?" is not answered by
		// where Xi met him: the place of another occasion.
		return "not of the occasion asked about"
	case q.staged && r.typeBonus == 0 && !e.namesOtherPlace(q, f):
		// "Where will the anniversary be held?" is not answered by a fact that names no
		// place but the countries, nor anything else the question does not.
		return lacksCity
	case q.kind == AskWho && r.typeBonus == 0 && f.Kind == Body && !e.namesPerson(q) && !q.personNoun && !e.namesActor(q, f):
		// "Who signed the media exchange agreements?" is not answered by a fact that names
		// no one, nor any body that acts: "Cultural Protocol (2025–2029) and media exchange
		// agreements" (but "the two leaders", "China and Azerbaijan" or "the China
		// National Space Administration" may have).
		return lacksPerson
	case q.personNoun && r.typeBonus == 0:
		return lacksPerson
	case q.signed && q.kind == AskWho && len(f.People) == 0 && f.Refers == "" && signedBetween.MatchString(f.Text):
		// "Who signed the letter of intent?" is not answered by "the signing of a Letter of
		// Intent … between Nakhchivan and Urumqi": the parties, not who signed.
		return lacksPerson
	case len(q.dates) > 0 && q.kind != AskWhen && q.kind != AskYesNo && q.wh && e.datesOtherDays(q, f):
		// "Which leader did Xi meet on April 14?" is not answered by a meeting on April 11
		// (but "so the visit ran from 22 to 26 April?" is, by "between 22 and 24 April").
		return "of another date"
	case q.kind != AskWhen && e.datesOtherMonths(q, f):
		// "what did they sign at their January 28 meeting" is not answered by "agreements
		// signed during … the state visit … in April last year".
		return "of another date"
	case q.rank && q.kind != AskYesNo && !ordinal.MatchString(f.Text):
		// "What rank does Azerbaijan hold among …" is answered by "fourth-largest", "second".
		return "gives no rank"
	case q.endsWhen && !endPattern.MatchString(f.Text) && !e.spanning[f.ID]:
		// "when did his visit end": "between 22 and 24 April" says, "on January 28 as
		// part of his visit" does not
		return "not of when it ended"
	case q.beforeEvent >= 0 && h.Matched[q.beforeEvent] > 0 && !earlierPattern.MatchString(f.Text):
		// "Who did Xi meet before Aliyev's visit?" is not answered by Aliyev's meeting
		// with him on the visit, but by one "previously".
		return "not of an earlier time"
	case q.priorStage && !saysEarlier(f.Text):
		return "not of an earlier time"
	case q.laterStage && !laterPattern.MatchString(f.Text):
		return "not of a later time"
	case slices.ContainsFunc(q.specific, func(k int) bool { return h.Matched[k] == 0 }):
		// "Which specific terrorist groups …?" is not answered by "terrorism,
		// separatism, extremism": no groups.
		return lacksKind
	case q.someoneElse && !e.namesSomeoneElse(q, f):
		// "Who else did Xi meet in April besides Aliyev?" is not answered by his meeting
		// with Aliyev, nor "what are its partners ahead of China" by China.
		return "names no one besides those asked about"
	case q.heldBefore && !followsPattern.MatchString(f.Text) && !saysOfRole(f.Text, "former") && !saysOfRole(f.Text, "previous"):
		return "not of the holder asked about"
	case q.succession != "" && !saysOfRole(f.Text, q.succession):
		return "not of the holder asked about"
	case q.occupation && f.Kind == Body && !namesOccupation(f.Text):
		// "What is Peng Liyuan's job?" is not answered by "Xi and his wife, Peng Liyuan".
		return lacksPerson
	case q.headAsked && r.typeBonus == 0:
		// "Who is the head of China's space agency?" is not answered by the agency's name.
		return lacksPerson
	case q.kind == AskWho && q.author && f.Kind == Body:
		// "Who wrote the article?" is answered by its byline or the box about its
		// author, not by a person the story names.
		return lacksPerson
	case q.acronym != "" && !spellsOut(f.Text, q.acronym):
		return lacksExpansion
	case q.kind == AskWhy && e.cues[f.ID]&givesReason == 0:
		// "Why did he bring his grandchildren?" is not answered by "He brought his
		// family, including his grandchildren".
		return lacksReason
	case q.photo && f.Kind == Caption && e.missesPerson(q, h):
		// "Who took the photo of Aliyev laying a wreath?" is not answered by the credit of
		// a photo of flags: a caption must show whom the question names.
		return "not of the photo asked about"
	case q.photo && f.Kind == Caption && (q.which >= 0 || q.asksName):
		// "Which agency provided the photo?": its credit ("Photo: VCG") names it.
	case (q.which >= 0 || q.asksName) && !e.namesOther(q, f, q.asksName && q.which < 0) && !(q.which >= 0 && occasionKinds[q.terms[q.which].Word] && namesOccasion(q, f)) && !(q.asksName && q.kind == AskWho && refersToOther(q, f)):
		// "Which Chinese companies will build the smart villages?" is not answered by
		// "China's role in the smart village projects": it names no company, nor any one.
		return lacksKind
	case q.asksContent && f.ListItem && onlyNames(f.Text):
		// "What does the legal assistance treaty cover?" is not answered by the item
		// "Legal Assistance Treaty and judicial cooperation pacts.": it only names it.
		return lacksKind
	case q.asksContent && f.ListItem && !e.saysRequired(q, f):
		// Nor by the item after it, of another document, that names it only in its
		// context.
		return missesName
	case q.which >= 0 && companyKinds[q.terms[q.which].Word] && h.Matched[q.which] == 0:
		// "Which Chinese companies are building renewable energy plants?" is not answered
		// by "a new Working Group on Investment Cooperation": a body, but no company.
		return lacksKind
	case q.which >= 0 && bodyKinds[q.terms[q.which].Word] && !e.namesBodyOrBrand(q, f):
		// "Which Chinese agency signed it?" is not answered by a fact that names only the
		// "Belt and Road Initiative": no agency.
		return lacksKind
	}
	return ""
}

// saysRequired reports whether a fact's own sentence says each word the question insists
// on.
func (e *Engine) saysRequired(q *question, f *Fact) bool {
	for i, qt := range q.terms {
		if q.required[i] && !e.says(f.ID, qt) {
			return false
		}
	}
	return true
}

// placesOtherThanAsked reports whether a fact names a place, a country or a capital the
// question does not, by name or as its capital's country ("after Beijing": not China).
func (e *Engine) placesOtherThanAsked(q *question, f *Fact) bool {
	other := func(term string) bool {
		id, ok := e.ix.Term(term)
		return !q.hasTerm(term) && !(ok && slices.ContainsFunc(q.terms, func(qt index.QueryTerm) bool {
			return slices.ContainsFunc(qt.Alts, func(a index.Alternative) bool { return len(a.Terms) == 1 && a.Terms[0] == id })
		}))
	}
	for _, p := range e.places[f.ID] {
		if other(p) && !e.capitalisesEnglish(f, p) {
			return true
		}
	}
	for _, run := range e.nameRuns[f.ID] {
		for _, w := range run {
			named := w.kind&nameState != 0 || e.placeNames[w.term] || w.kind&(nameStop|nameTitle|namePerson|nameEnglish|nameShort) == 0
			if named && other(w.term) {
				return true // (a name of no known kind may be a city's: "to Chengdu")
			}
		}
	}
	return false
}

// signedBetween finds the parties a document was signed between.
var signedBetween = regexp.MustCompile(`(?i)\bsign(ed|ing)\b[^.]{0,80}\bbetween\b`)

// onlyNames reports whether a sentence names things and tells nothing of them: no clause
// after a comma, no verb in -ing or -ed.
func onlyNames(text string) bool {
	if strings.Contains(text, ",") {
		return false
	}
	for w := range strings.FieldsSeq(text) {
		w = strings.Trim(w, ".;:")
		if len(w) > 4 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) {
			return false
		}
	}
	return true
}

// saysContrary reports whether a fact, or the sentence before it in its paragraph, says
// the contrary of a word of the question it does not match.
func (e *Engine) saysContrary(q *question, r *ranked) bool {
	if len(q.contrary) == 0 {
		return false
	}
	f := r.fact
	said := e.ix.DocTerms(f.ID)
	var before []int32
	if p := f.Prev; p >= 0 && e.facts[p].Source == f.Source && e.facts[p].Paragraph == f.Paragraph {
		before = e.ix.DocTerms(p)
	}
	for i, os := range q.contrary {
		if r.hit.Matched[i] > 0 {
			continue
		}
		for _, o := range os {
			if slices.Contains(said, o) || slices.Contains(before, o) {
				return true
			}
		}
	}
	return false
}

// toldAsOf reports whether a fact tells of the state term as its subject: among its first
// words ("Russia said …"), not in passing ("reports by Russian state news agency …").
func (e *Engine) toldAsOf(f *Fact, term int32) bool {
	seq := e.ix.DocTerms(f.ID)
	return slices.Contains(seq[:min(len(seq), subjectWords)], term)
}

// subjectWords is how many of a sentence's first index terms hold its subject.
const subjectWords = 2

// namesHead reports whether the verb asked is one of heading a body and the fact names
// the title of a body's head: "Who heads the International Department?" is answered by
// "the Minister of the International Department", though not "Who heads the Working
// Group?" by a fact that names no one heading it.
func namesHead(verb index.QueryTerm, f *Fact) bool {
	return leadVerbs[verb.Word] && headsTitle.MatchString(f.Text)
}

// leadVerbs ask who heads a body, which a title of its head answers.
var leadVerbs = map[string]bool{
	"head": true, "heads": true, "headed": true, "lead": true, "leads": true, "led": true,
	"run": true, "runs": true,
}

// headsTitle is a title of the head of a body: "Minister of the International Department".
var headsTitle = regexp.MustCompile(`\b(Minister|Head|Chairman|Chairwoman|Chair|Director|Chief|Leader|Secretary|President)( General)? of the [A-Z]`)

// isRegion reports whether a place's term names a continent or a region larger than a
// country ("Asia" in "Confidence Building Measures in Asia"): no city either.
func (e *Engine) isRegion(term string) bool {
	for _, w := range regions {
		if e.az.Stem(w) == term {
			return true
		}
	}
	return false
}

// namesOtherCountry reports whether a fact names a country the question does not, as a
// place or in a run of names ("China’s Charge d’Affaires to Armenia"): one the roles of
// the articles belong to, or one WordNet gives an adjective for.
func (e *Engine) namesOtherCountry(q *question, f *Fact) bool {
	for _, p := range e.places[f.ID] {
		if e.states[p] && !q.hasTerm(p) && !e.besidesHome(q, p) {
			return true
		}
	}
	asked := e.askedTerms(q)
	for _, run := range e.nameRuns[f.ID] {
		for _, w := range run {
			if (w.kind&nameState != 0 || e.placeNames[w.term]) && !asked[w.term] && !e.besidesHome(q, w.term) {
				return true
			}
		}
	}
	return false
}

// madeNew reports whether a verb of making ("creating", "set up") is told by a sentence
// that calls what it tells of new: "A new Working Group on Investment Cooperation will …".
func madeNew(verb, text string) bool {
	return makingVerbs[firstWord(verb)] && newPattern.MatchString(text)
}

// makingVerbs make a thing that was not there before.
var makingVerbs = map[string]bool{
	"create": true, "creating": true, "created": true, "set": true, "setting": true,
	"form": true, "forming": true, "formed": true, "launch": true, "launching": true,
	"launched": true, "found": true, "founding": true, "founded": true,
}

// newPattern finds the word "new".
var newPattern = regexp.MustCompile(`\b[Nn]ew\b`)

// namesSomeoneElse reports whether a fact names someone a question of who else (or which
// other countries) does not: another person, country, place or body.
func (e *Engine) namesSomeoneElse(q *question, f *Fact) bool {
	if q.country {
		return e.namesOtherCountry(q, f)
	}
	if q.kind != AskWho {
		return e.namesOther(q, f, false) || e.namesOtherCountry(q, f) // (not the speaker of a quotation: "… he added")
	}
	return slices.ContainsFunc(f.People, func(p string) bool { return !q.namesPart(p) }) || namesOtherKin(q, f)
}

// kinPattern finds the words for people by family: "his family, including his
// grandchildren".
var kinPattern = regexp.MustCompile(`\b(?:[Ff]amily|[Ff]amilies|[Gg]randchildren|[Cc]hildren|[Ww]ife|[Hh]usband|[Rr]elatives|[Dd]aughters?|[Ss]ons?|[Gg]randsons?|[Gg]randdaughters?)\b`)

// namesOtherKin reports whether a fact names people by family whom the question does not:
// "who came along besides officials" is answered by "He also brought his family".
func namesOtherKin(q *question, f *Fact) bool {
	for _, m := range kinPattern.FindAllString(f.Text, -1) {
		if !strings.Contains(q.lower, strings.ToLower(m)) {
			return true
		}
	}
	return false
}

// besidesHome reports whether a question asks which other countries and a term names one
// of the two the articles are about: "Which other countries got visa exemptions?" is not
// answered by Azerbaijan.
func (e *Engine) besidesHome(q *question, term string) bool {
	if !q.otherCountries {
		return false
	}
	id, ok := e.ix.Term(term)
	return ok && e.home[id] || e.homeCapitals[term]
}

// namesActor reports whether a fact names someone who may have done what a question asks
// who did: a person by a role ("the two leaders"), a country, or a body the question does
// not name (a run of capitalised words with a word such as "Ministry" or
// "Administration").
func (e *Engine) namesActor(q *question, f *Fact) bool {
	if e.cues[f.ID]&namesActors != 0 {
		return true // "the two leaders", "both sides"
	}
	asked := e.askedTerms(q)
	for _, run := range e.nameRuns[f.ID] {
		for _, w := range run {
			if w.kind&nameState != 0 || !asked[w.term] && e.bodyTerms[w.term] {
				return true
			}
		}
	}
	return false
}

// namesBodyOrBrand reports whether a fact names, in a run of capitalised words without a
// title, a body the question does not (a run with a word such as "Ministry" and a word the
// question does not have: "the Ministry of Digital Development"), or a brand
// or body by a word of its own ("Huawei", "Sputnik", "ANAMA" for an agency; not "BRI", a
// concept's, nor a place such as "Asia"). A body of another kind than a specific one
// asked for is none: "which universities" is not answered by "Confucius Institutes".
func (e *Engine) namesBodyOrBrand(q *question, f *Fact) bool {
	asked := e.askedTerms(q)
	kind := e.az.Word(q.terms[q.which].Word).Term
	for _, run := range e.nameRuns[f.ID] {
		body, other, own := false, false, false
		for _, w := range run {
			if w.kind&nameTitle != 0 {
				body, own = false, false
				break
			}
			body = body || e.bodyTerms[w.term] && e.ofBodyKind(w.term, kind)
			other = other || w.kind&(nameStop|nameState) == 0 && !asked[w.term]
			own = own || len(run) == 1 && !asked[w.term] && (w.kind&(nameStop|nameState|namePerson|nameShort|nameEnglish) == 0 && !e.placeNames[w.term] && !e.isRegion(w.term) && e.kindOrNoConcept(w.term, kind) || e.isPublisherName(w.term) && publishes(q.terms[q.which].Word))
		}
		if body && other || own && !e.calledOtherBody(f, run[0].term, kind) {
			return true
		}
	}
	return false
}

// calledOtherBody reports whether a fact introduces the name of a term as a body of
// another kind than the one asked for, or, asked for a company, as a place: "news agency
// Sputnik", "the exclave of Nakhchivan" are no company.
func (e *Engine) calledOtherBody(f *Fact, term, kind string) bool {
	trading := e.bodyFamily[kind] == e.bodyFamily[e.az.Stem("company")] // (an agency may be "of ANAMA")
	tokens := e.az.Analyze(f.Text)
	for j := 1; j < len(tokens); j++ {
		if b := tokens[j-1]; tokens[j].Term == term && (e.bodyTerms[b.Term] && !e.ofBodyKind(b.Term, kind) || trading && placePrepositions[b.Surface]) {
			return true
		}
	}
	return false
}

// placePrepositions put a place after them: "through Armenia", "the exclave of Nakhchivan".
var placePrepositions = map[string]bool{"of": true, "in": true, "to": true, "through": true, "via": true, "from": true, "at": true}

// ofBodyKind reports whether a body word (a term) names a body of the kind asked for (a
// term): any body is an organisation, and a corporation a company, but an institute is no
// university nor a fund a bank.
func (e *Engine) ofBodyKind(term, kind string) bool {
	family, ok := e.bodyFamily[kind]
	return !ok || family == "" || family == e.bodyFamily[term]
}

// bodyFamilies are the families of bodyWords that one kind of body asked for stands for:
// any kind of body is an organisation, and any that governs an agency; a corporation, a
// firm or a group is a company. Any other body word is a family of its own.
var bodyFamilies = map[string]string{
	"organization": "", "organisation": "", "body": "", "institution": "", "agency": "",
	"corporation": "company", "firm": "company", "group": "company",
}

// kindOrNoConcept reports whether a word names no concept, or one of the kind asked for
// (a term) by its initials: "ANAMA", whose names hold "agency", is an agency; "BRI", the
// Belt and Road Initiative, is none, nor is Xinhua a party.
func (e *Engine) kindOrNoConcept(term, kind string) bool {
	cs := e.az.Concepts([]string{term})
	if len(cs) == 0 {
		return true
	}
	for _, name := range cs[0].Names {
		if slices.Contains(name, kind) || anyBody[kind] && slices.ContainsFunc(name, func(t string) bool { return e.bodyTerms[t] }) {
			return true
		}
	}
	return false
}

// companyKinds are the kinds of body that trade: a fact that names one says so.
var companyKinds = map[string]bool{
	"company": true, "companies": true, "firm": true, "firms": true, "corporation": true,
	"corporations": true,
}

// bodyKinds are the kinds of thing a which-question asks for that are bodies: a fact
// names one by a body's name or one of its own.
var bodyKinds = map[string]bool{
	"company": true, "companies": true, "firm": true, "firms": true, "corporation": true,
	"corporations": true, "bank": true, "banks": true, "university": true, "universities": true,
	"agency": true, "agencies": true, "ministry": true, "ministries": true, "party": true,
	"parties": true, "airline": true, "airlines": true, "organization": true,
	"organizations": true, "organisation": true, "organisations": true,
}

// anyBody are the terms of the kinds of body that any body is: "which organisation does
// the demining" is answered by ANAMA, an agency.
var anyBody = map[string]bool{"organ": true}

// bodyWords name bodies that act: ministries, agencies, companies, parties.
var bodyWords = []string{
	"ministry", "administration", "agency", "department", "committee", "commission",
	"council", "government", "organization", "organisation", "office", "bureau", "service",
	"company", "corporation", "bank", "fund", "group", "party", "parliament", "assembly",
	"university", "institute", "academy", "association", "union", "authority", "cabinet",
	"embassy", "army", "forces", "railways", "airlines",
}

// regions are the continents and the regions larger than a country the news names.
var regions = []string{"asia", "europe", "africa", "america", "americas", "oceania", "eurasia", "caucasus", "balkans", "scandinavia", "antarctica"}

// onlyCountries reports whether a fact says where only by naming countries: "In which
// city will the summit be held?" is not answered by "the summit in China", nor "In which
// Chinese city …" by "in China". A fact that names a city besides those the question names
// may answer. One that names no place after "in" or "at" may still name a city ("sister
// cities Nakhchivan and Urumqi"): a capitalised word that is no English word, and no
// country, person, title or word of the question.
func (e *Engine) onlyCountries(q *question, f *Fact) bool {
	for _, p := range e.places[f.ID] {
		// Not "in the Belt and Road", nor "via the South Caucasus": English words.
		if !e.states[p] && !q.hasTerm(p) && !e.isRegion(p) && !e.capitalisesEnglish(f, p) {
			return false
		}
	}
	if len(e.places[f.ID]) > 0 {
		return true // countries, or places the question names ("which city in Georgia")
	}
	asked := e.askedTerms(q)
	for _, run := range e.nameRuns[f.ID] {
		inName := e.inConceptName(run)
		for k, w := range run {
			if w.kind&(nameStop|nameState|namePerson|nameTitle|nameEnglish) == 0 && !asked[w.term] && !inName[k] && !e.isRegion(w.term) && e.kindOrNoConcept(w.term, e.cityTerm) {
				return false // (not "Xinhua", whose names make it an agency, nor "Asia")
			}
		}
	}
	return true
}

// isPublisherName reports whether a term is the whole name of a publisher of the
// articles: "Trend" names the agency, though it is an English word.
func (e *Engine) isPublisherName(term string) bool {
	return slices.ContainsFunc(e.publishers, func(p publisher) bool { return len(p.terms) == 1 && p.terms[0] == term })
}

// publishes reports whether a kind of body asked for is one that publishes news: a news
// agency, an outlet, a website.
func publishes(kind string) bool {
	return mediaKinds[kind] || kind == "agency" || kind == "agencies"
}

// capitalisesEnglish reports whether a fact capitalises the term as a common English word
// in mid-sentence ("the Middle Corridor").
func (e *Engine) capitalisesEnglish(f *Fact, term string) bool {
	for _, run := range e.nameRuns[f.ID] {
		for _, w := range run {
			if w.term == term && w.kind&nameEnglish != 0 {
				return true
			}
		}
	}
	return false
}

// inConceptName marks the words of a run of names that belong to a concept's name of
// several words: "Shanghai" in "Shanghai Cooperation Organization" names no city.
func (e *Engine) inConceptName(run []nameWord) []bool {
	terms := make([]string, len(run))
	for i, w := range run {
		terms[i] = w.term
	}
	out := make([]bool, len(run))
	for _, c := range e.az.Concepts(terms) {
		if c.End-c.Start > 1 {
			for i := c.Start; i < c.End; i++ {
				out[i] = true
			}
		}
	}
	return out
}

// namesOther reports whether a fact names, in mid-sentence, a thing the question does
// not: a run of capitalised words with a word that the question does not match and that
// names no country (nor its capital) or person; a run of one such word must be no English
// word ("Huawei", not "Foreign"). A run with a title in it names a person ("Foreign
// Minister Jeyhun Bayramov"), which counts only when persons is true (a person's name is
// the answer to "what is the name of …").
func (e *Engine) namesOther(q *question, f *Fact, persons bool) bool {
	return e.namesOtherBut(q, f, persons, false)
}

// refersToOther reports whether the person a fact's leading noun or pronoun refers to is
// one the question does not name: "what's the name of the MP who spoke of the Middle
// Corridor" is answered by "The MP [Azer Allahveranov] further highlighted …".
func refersToOther(q *question, f *Fact) bool {
	if f.Refers == "" {
		return false
	}
	parts := strings.Fields(strings.ToLower(f.Refers))
	return !strings.Contains(q.lower, parts[len(parts)-1])
}

// namesOtherPlace reports whether a fact names a thing the question does not, as
// namesOther does for a place: not a word of a concept's name ("Shanghai" in "the
// Shanghai Cooperation Organization summit" says nothing of where it is).
func (e *Engine) namesOtherPlace(q *question, f *Fact) bool {
	return e.namesOtherBut(q, f, false, true)
}

// namesOtherBut is namesOther, passing over the words of concepts' names when concepts
// is true.
func (e *Engine) namesOtherBut(q *question, f *Fact, persons, concepts bool) bool {
	asked := e.namesWritten(q)
	skip := nameStop | nameState | namePerson | nameShort
	if persons {
		skip &^= namePerson
	}
	for _, run := range e.nameRuns[f.ID] {
		var other *nameWord
		title := false
		var inName []bool
		if concepts {
			inName = e.inConceptName(run)
		}
		for i, w := range run {
			switch {
			case w.kind&nameTitle != 0 && !persons:
				title = true
			case w.kind&skip == 0 && !asked[w.term] && (inName == nil || !inName[i]):
				other = &run[i]
			}
		}
		if !title && other != nil && (len(run) > 1 || other.kind&nameEnglish == 0 || e.isPublisherName(other.term)) {
			return true
		}
	}
	return false
}

// restates reports whether a fact only names what a "which" question asks about: it
// holds the question's noun phrase as written, and neither lists nor names anything in
// the words around it ("cooperation within Central Asia-related formats" for "Which
// Central Asia-related formats did they discuss?", "Chinese companies would participate
// in …" for "Which Chinese companies will build …").
func (e *Engine) restates(q *question, r *ranked) bool {
	if k := q.termOf(q.whichHead); k >= 0 && r.hit.Matched[k] == 0 {
		return false
	}
	f := r.fact
	if id, ok := e.ix.Term(q.whichFirst); !ok || !slices.Contains(e.ix.DocTerms(f.ID), id) {
		return false
	}
	var m []int
	lower := strings.ToLower(f.Text)
	for _, p := range q.patterns(e) {
		if m = p.find(f.Text, lower); m != nil {
			break // the whole phrase, or "Armenian media" for "which Armenian media outlet"
		}
	}
	if m == nil || hasList(f.Text) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(f.Text[m[2]:]); unicode.IsUpper(r) {
		return false // "the Trans-Caspian International Transport Route": a name
	}
	before := strings.Fields(f.Text[:m[0]])
	after := strings.Fields(f.Text[m[1]:])
	near := append(before[max(0, len(before)-4):], after[:min(len(after), 6)]...)
	for _, w := range near {
		word := strings.Trim(w, ".,;:!?\"'‘’“”()")
		if listWords[strings.ToLower(word)] || strings.HasSuffix(w, ":") {
			return false // "Chinese companies such as …"
		}
		if r, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r) && !q.hasWord(strings.ToLower(word)) && !e.states[e.az.Word(strings.ToLower(word)).Term] {
			return false // "Chinese companies Huawei and ZTE", "Xinhua, China's state news agency"
		}
	}
	return true
}

// asWritten returns words as a question writes them, when it capitalises them as a name
// ("Alibaba" for "alibaba"), or "".
func asWritten(text, words string) string {
	lower := strings.ToLower(text)
	i := strings.Index(lower, words)
	if i < 0 || len(lower) != len(text) {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(text[i:]); !unicode.IsUpper(r) {
		return ""
	}
	return text[i : i+len(words)]
}

// figurePattern finds a figure in a sentence: digits, or a number in words.
var figurePattern = regexp.MustCompile(`\d|(?i)\b(three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|double|doubled|half|twice)\b`)

// hasList reports whether a sentence opens a list of things: "frameworks including the
// UN, CICA and …".
func hasList(text string) bool {
	return strings.Contains(text, "including") || strings.Contains(text, "such as")
}

// listWords open a list of the things a phrase names ("Chinese companies such as …").
var listWords = map[string]bool{"such": true, "including": true, "like": true, "namely": true}

// askedTerms returns the index terms a question's words match, worked out once.
func (e *Engine) askedTerms(q *question) map[string]bool {
	if q.asked == nil {
		q.asked = map[string]bool{}
		for _, qt := range q.terms {
			for _, alt := range qt.Alts {
				for _, id := range alt.Terms {
					q.asked[e.ix.TermString(id)] = true
				}
			}
		}
	}
	return q.asked
}

// namesWritten returns the terms the question matches, less the names it matches only
// through another of a thing's names: "the demining agency" asks for the name "ANAMA",
// which the question does not write.
func (e *Engine) namesWritten(q *question) map[string]bool {
	written := map[string]bool{}
	for _, t := range q.tokens {
		written[t.Term] = true
	}
	out := map[string]bool{}
	for t := range e.askedTerms(q) {
		if written[t] || !e.names[t] {
			out[t] = true
		}
	}
	return out
}

// onlyToCome reports whether a fact says the verb an outcome question asks about ("did
// he actually attend") only as what was to be done: "invited him to attend".
func (e *Engine) onlyToCome(q *question, f *Fact) bool {
	if q.verb < 0 {
		return false
	}
	said, planned := false, false
	toks := e.az.Analyze(f.Text)
	for i, t := range toks {
		for _, alt := range q.terms[q.verb].Alts {
			if len(alt.Terms) != 1 || e.ix.TermString(alt.Terms[0]) != t.Term {
				continue
			}
			if i > 0 && toks[i-1].Surface == "to" {
				planned = true
			} else {
				said = true
			}
		}
	}
	return planned && !said
}

// isState reports whether term names a country, or a capital the thesaurus reads as one.
func (e *Engine) isState(term string) bool {
	if e.states[term] {
		return true
	}
	for _, syn := range e.az.Synonyms(term) {
		if e.states[syn] {
			return true
		}
	}
	return false
}

// matchedWords counts the question's words a hit matches.
func matchedWords(h index.Hit) int {
	n := 0
	for _, m := range h.Matched {
		if m > 0 {
			n++
		}
	}
	return n
}

// matchesPictured reports whether a caption matches a word of the question that only
// captions use.
func (e *Engine) matchesPictured(q *question, r *ranked) bool {
	terms := e.ix.DocTerms(r.fact.ID)
	for i, qt := range q.terms {
		for _, alt := range qt.Alts {
			if r.hit.Matched[i] > 0 && len(alt.Terms) == 1 && e.pictured[alt.Terms[0]] && slices.Contains(terms, alt.Terms[0]) {
				return true
			}
		}
	}
	return false
}

// onlyCredited reports whether every word of the question a hit matches is a name of
// a photo credit, or says it is one ("the photographer").
func (e *Engine) onlyCredited(q *question, h index.Hit) bool {
	for i, qt := range q.terms {
		if h.Matched[i] > 0 && !photoWords[qt.Word] && !slices.ContainsFunc(qt.Alts, func(a index.Alternative) bool {
			return len(a.Terms) == 1 && e.credited[a.Terms[0]]
		}) {
			return false
		}
	}
	return matchedWords(h) > 0
}

// matchesRareName reports whether a hit matches a rare name the question uses: a caption
// that names a person no sentence of the story names ("Who is Rao Aimin?") answers.
func (e *Engine) matchesRareName(q *question, h index.Hit) bool {
	for i, qt := range q.terms {
		if h.Matched[i] > 0 && e.isTellingName(qt) {
			return true
		}
	}
	return false
}

// storyCredit is how much of a word of the asker's story a fact that misses it is credited
// with matching.
const storyCredit = 0.5

// captionCoverage is how much of a question a photo caption must match to answer one that
// does not ask about a photo: most of what it asks about ("put up" for "hung" may miss).
const captionCoverage = 0.8

// answersAbout reports whether a fact may answer the question at all: a sentence of the
// story always; the credits around it only a question about what they credit (a photo,
// the author, the article's source or date).
func (e *Engine) answersAbout(q *question, r *ranked) bool {
	f := r.fact
	switch f.Kind {
	case Caption:
		if e.onlyCredited(q, r.hit) && (q.kind == AskWhere || q.kind == AskNumber || q.kind == AskWhy) {
			return false // "Where is Rao Aimin from?": a credit says only who took the photo
		}
		// A question about what a photo shows asks about the photo whether it says so or
		// not: a caption that matches most of it, three words or more or a name it
		// insists on, answers.
		// So does one that matches a word no other sentence uses and another word: only
		// the photo tells "where were the flags hung".
		return q.photo || (r.hit.Coverage >= captionCoverage && (matchedWords(r.hit) >= 3 || e.matchesRareName(q, r.hit))) ||
			matchedWords(r.hit) >= 2 && e.matchesPictured(q, r)
	case Byline, Bio:
		if q.publisher && !q.author {
			return false // "which outlet published her article": a byline names no outlet
		}
		a := e.articles[e.bySource[f.Source]]
		if named := e.publishersNamed(q); len(named) > 0 && !named[a.Publisher] {
			return false // "who wrote the News.Az story": not another publisher's author
		}
		return q.author || q.namesAuthorOf(a)
	case Credit:
		// A "Source:" line names the publisher: no answer to which source the publisher's
		// own article cites ("Which agency is cited in the commonspace article?").
		return q.credit && !(q.source && q.namesPublisherOf(e.articles[e.bySource[f.Source]]))
	}
	return true
}

// eitherCoverage returns how much of the question a hit covers when a name it misses is
// one of two the question joins and no fact names together: the other stands for it.
func (q *question) eitherCoverage(h index.Hit) float64 {
	if len(q.either) == 0 {
		return h.Coverage
	}
	return q.creditedCoverage(h, func(i int) float64 {
		if j, ok := q.either[i]; ok {
			return h.Matched[j]
		}
		return 0
	})
}

// coverageWith returns how much of the question a hit covers when the terms at positions
// count as matched.
func (q *question) coverageWith(h index.Hit, positions []int) float64 {
	return q.creditedCoverage(h, func(i int) float64 {
		if slices.Contains(positions, i) {
			return 1
		}
		return 0
	})
}

// creditedCoverage returns a hit's coverage with each term it misses credited as matched
// by the factor credit gives it.
func (q *question) creditedCoverage(h index.Hit, credit func(i int) float64) float64 {
	total, added := 0.0, 0.0
	for i, qt := range q.terms {
		total += qt.Weight
		if h.Matched[i] == 0 {
			added += qt.Weight * credit(i)
		}
	}
	if total == 0 {
		return h.Coverage
	}
	return min(1, h.Coverage+added/total)
}

// enumerates reports whether a fact lists things: it opens a list, is an item of one, or
// names three or more ("terrorism, extremism, and separatism").
func enumerates(f *Fact) bool {
	return f.Introduces || f.ListItem || strings.Count(f.Text, ",") >= 2 && strings.Contains(f.Text, " and ")
}

// publishersNamed returns the publishers a question names: those all of whose words it
// uses ("News.Az", "Trend"), or one telling word of ("commonspace"). It is worked out
// once per question.
func (e *Engine) publishersNamed(q *question) map[string]bool {
	if q.publishers != nil {
		return q.publishers
	}
	q.publishers = map[string]bool{}
	for _, p := range e.publishers {
		all := len(p.terms) > 0
		for _, t := range p.terms {
			all = all && q.hasTerm(t)
		}
		if all || slices.ContainsFunc(p.telling, q.hasTerm) {
			q.publishers[p.name] = true
		}
	}
	return q.publishers
}

// ordinal finds a place in an order: "fourth-largest", "the 2nd".
var ordinal = regexp.MustCompile(`(?i)\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[- ](?:largest|biggest|most|country|place|position|rank)`)

// onlyRankedBelowFirst reports whether every sentence that says "largest", "biggest" or
// "greatest" ranks it lower ("fourth-largest"): whichever of them a question uses, the
// articles name no first.
func (e *Engine) onlyRankedBelowFirst(q *question) bool {
	for _, w := range []string{"largest", "biggest", "greatest"} {
		id, ok := e.ix.Term(e.az.Word(w).Term)
		if !ok {
			continue
		}
		for _, p := range e.ix.Postings(id) {
			if p.TF > 0 && !rankedBelowFirst.MatchString(e.facts[p.Doc].Text) {
				return false
			}
		}
	}
	return true
}

// rankedBelowFirst finds a superlative with a rank below the first: "fourth-largest".
var rankedBelowFirst = regexp.MustCompile(`(?i)\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:nd|rd|th))[- ](?:largest|biggest|greatest)\b`)

// percentPattern finds a percentage: "20%", "20 percent", "20 per cent".
var percentPattern = regexp.MustCompile(`(?i)\d\s*(?:%|percent\b|per cent\b)`)

// spanPattern finds a length of time: "over the last five years", "for 33 years".
var spanPattern = regexp.MustCompile(`(?i)\b(?:last|past|over|for|within)\s+(?:\w+\s+){0,2}(?:years?|months?|weeks?|days?|decades?)\b`)

// spansTime reports whether a sentence gives a length of time.
func spansTime(text string) bool { return spanPattern.MatchString(text) }

// typeBonus rewards a fact that holds the kind of thing the question asks for, beyond what
// the question itself names: a date for "when", a number for "how many", a person for
// "who".
func (e *Engine) typeBonus(q *question, f *Fact) float64 {
	if q.source && e.cues[f.ID]&citesSource != 0 {
		return 1 // "News.Az reports", "according to the Chinese Foreign Ministry"
	}
	if q.source && q.kind == AskWho {
		return 0 // "whom did News.Az cite": a source, not any person a story names
	}
	switch q.kind {
	case AskWhen:
		if _, ok := e.datelineFact[f.Source]; ok && q.whenSaid {
			return 1 // "when did Alizadeh talk to Trend": the day of the story
		}
		if q.clock {
			if e.cues[f.ID]&tellsClock != 0 && e.saysEvents(q, f) {
				return 1 // "at noon", not "April 23, 2025"
			}
			return 0
		}
		if q.period && spansTime(f.Text) {
			return 1 // "over what period …": "over the last five years"
		}
		for _, d := range f.Dates {
			if d.Named && !q.untilWhen {
				continue // "when was it launched": not "the 2030 … Strategy", but "to what year"
			}
			if q.day && !namesDay(d) {
				continue // "on which day in 1992": a year is no answer
			}
			if q.weekday && !weekdayPattern.MatchString(d.Phrase) {
				continue // "which day of the week": "Wednesday", not "23 April"
			}
			if strings.EqualFold(d.Phrase, "today") && !q.asksSpeech {
				continue // "Today, these relations are …": when it was said, not when it came to be
			}
			if len(d.Value) == len("2006-01") && monthOf(d.Value) > 0 && q.months[monthOf(d.Value)] {
				continue // "on what date in August": "this August" tells no more
			}
			// A date tells more than the question when it is not of a year the question
			// names, or names a day it does not ("what day in 2026": January 28).
			if d.Relative || !q.numbers[strings.SplitN(d.Value, "-", 2)[0]] || len(d.Value) == len("2006-01-02") && !q.numbers[strings.TrimLeft(d.Value[8:], "0")] {
				return 1
			}
		}
		if e.timeOfDay[f.ID] {
			return 1
		}
		if d := e.datedBy[f.ID]; d >= 0 && !q.startsWhen && e.tiedToLead(q, f.ID) && (!q.weekday || slices.ContainsFunc(e.facts[d].Dates, func(x Date) bool { return weekdayPattern.MatchString(x.Phrase) })) {
			return 1 // dated by the sentence before it, which the answer quotes too
		}
	case AskNumber:
		if q.percent && !percentPattern.MatchString(f.Text) {
			return 0 // "what percentage of its trade": "$3.5 billion" is no share
		}
		if q.share && !sharePattern.MatchString(strings.ToLower(f.Text)) {
			return 0 // nor is "a more than 20% increase in bilateral trade"
		}
		if q.lasting != "" {
			// "How many days …" is answered by so many days or a span of dates, not by
			// "the two leaders".
			if e.spanning[f.ID] && q.lasting != "hours" || e.givesMany(f, q.lasting) || q.lasting == "years" && anniversary.MatchString(f.Text) {
				return 1 // "how many years will they mark in 2027": the 35th anniversary
			}
			return 0
		}
		if q.size && !q.percent {
			if n := e.quantity(q, f); n != "" && figureKind(f.Text, n) == "share" {
				return 0 // "how big is two-way trade": a size, not "a 20% increase"
			}
		}
		if e.quantifies(q, f) || (q.rank || q.size) && ordinal.MatchString(f.Text) {
			return 1
		}
		if q.sinceWhen && len(f.Dates) > 0 && e.cues[f.ID]&datesStart != 0 {
			return 1 // "how long have they …": "since 1992" answers too
		}
		if q.sinceWhen && e.spanning[f.ID] {
			return 1 // "how long was the visit": "between 22 and 24 April"
		}
		if q.sinceWhen && agesPattern.MatchString(f.Text) {
			return 1 // "changes unseen in how long": "in a century"
		}
		if q.sinceWhen && e.agesOfAsked(q, f) {
			return 1 // "how long has the friendship lasted": "decades of friendship"
		}
	case AskWhere:
		// A place the question does not name already: "In which Chinese city …" is not
		// answered by "in China".
		for _, p := range e.places[f.ID] {
			if !q.hasTerm(p) {
				return 1
			}
		}
	case AskWhy:
		if e.cues[f.ID]&givesReason != 0 {
			return 1 // "because …", "in order to …", "To fully capitalize on …"
		}
	case AskWhich:
		if q.listing && enumerates(f) {
			return 1 // "which multilateral frameworks": "the UN, CICA, the Non-Aligned Movement …"
		}
	case AskWhat:
		if q.defines >= 0 && definesIn(f.Text, q.terms[q.defines].Word) {
			return 1 // "the Middle Corridor, a key transit route …"
		}
		if q.listing && enumerates(f) {
			return 1 // "name some of the agreements": "Key agreements include:"
		}
	case AskWho:
		// A person the question does not name already: "Who refuted the reports?" wants
		// the sentence that names the one who did.
		if f.Kind == Byline || f.Kind == Caption {
			if q.author || q.photo {
				return 1 // who wrote it, who took the photo
			}
			return 0
		}
		unnamed := func(p string) bool { return p != "" && !q.names(p) }
		if unnamed(f.Refers) || slices.ContainsFunc(f.People, unnamed) {
			return 1
		}
		if q.asksSpeech && unnamed(f.Speaker) {
			// "Who said …" is answered by the one a quotation is attributed to; "Who
			// signed …" is not answered by someone quoted on the signing.
			return 1
		}
	}
	return 0
}

// givesMany reports whether a fact gives a number of the unit ("five years").
func (e *Engine) givesMany(f *Fact, unit string) bool {
	id, ok := e.ix.Term(e.az.Word(unit).Term)
	if !ok {
		return false
	}
	seq := e.ix.DocTerms(f.ID)
	for p := 1; p < len(seq); p++ {
		if seq[p] == id && isNumberTerm(e.ix.TermString(seq[p-1])) {
			return true
		}
	}
	return false
}

// spansDates reports whether a sentence gives a span of days or years: "between 22 and
// 24 April", "from 22 to 24 April", "(2025–2029)".
func spansDates(text string) bool { return dateSpan.MatchString(text) }

var dateSpan = regexp.MustCompile(`(?i)\b(?:between|from) (?:\d{1,2}|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}) (?:and|to|until) \d{1,2}\b|\b(?:19|20)\d\d ?[–—-] ?(?:19|20)\d\d\b`)

// namesPerson reports whether the question names a person the articles name.
func (e *Engine) namesPerson(q *question) bool {
	for _, t := range q.tokens {
		if len(e.personParts[t.Surface]) > 0 {
			return true
		}
	}
	return false
}

// quantifies reports whether a fact holds a number the question does not name, and for "how
// many X" one that counts X: "20 documents" answers "how many agreements", "$1 billion"
// does not answer "how many companies".
func (e *Engine) quantifies(q *question, f *Fact) bool { return e.quantity(q, f) != "" }

// quantity returns the number a fact gives for a "how many" or "how much" question, or "".
func (e *Engine) quantity(q *question, f *Fact) string {
	seq := e.ix.DocTerms(f.ID)
	year := ""
	for p, id := range seq {
		n := e.ix.TermString(id)
		if !isNumberTerm(n) || q.numbers[n] || !slices.Contains(e.numbers[f.ID], n) {
			continue // nor is "One-China" a figure
		}
		if len(q.counted) == 0 {
			if dayOf(f, n) {
				continue // "signed on April 23": a day, not a count
			}
			if isYear(n) {
				year = cmp.Or(year, n) // "since 1995, … nearly $1 billion": the amount
				continue
			}
			if p+1 < len(seq) && timeUnits[e.ix.TermString(seq[p+1])] {
				continue // "over the last five years, … $3.5 billion": the amount
			}
			if p+1 < len(seq) && e.pairTerms[seq[p+1]] {
				continue // "the two countries": the pair, not a figure
			}
			return n
		}
		reach := 4 // "20 wide-ranging cooperation agreements"
		if isYear(n) {
			reach = 1 // "2029 … agreements" is a year, "2029 agreements" would be a count
		}
		for k := p + 1; k < len(seq) && k <= p+reach; k++ {
			if q.counted[seq[k]] && (k >= 64 || e.adverbs[f.ID]&(1<<k) == 0) {
				return n
			}
			if e.pairTerms[seq[k]] {
				break // "the two countries … academic partnerships": it counts the countries
			}
		}
	}
	return year
}

// namesDay reports whether a date names its day ("2025-04-23", "--04-23").
func namesDay(d Date) bool {
	return len(d.Value) == len("2006-01-02") || strings.HasPrefix(d.Value, "--")
}

// datesOtherDays reports whether the question names a day of a month ("April 14") and a
// fact names days of that month, none of them that day, or stands in an article that
// names none of the days asked.
func (e *Engine) datesOtherDays(q *question, f *Fact) bool {
	if len(q.dates) == 0 {
		return false
	}
	if !slices.ContainsFunc(q.dates, func(d string) bool { return e.articleDays[f.Source][d] }) {
		return true // an article that names the day nowhere tells of other days
	}
	if e.spanning[f.ID] {
		return false // "between 22 and 24 April" holds the 23rd
	}
	other := false
	for _, asked := range q.dates {
		for _, d := range f.Dates {
			day, ok := dayOfYear(d.Value)
			if !ok {
				continue
			}
			if day == asked {
				return false
			}
			other = other || day[:2] == asked[:2]
		}
	}
	return other
}

// dayOfYear returns the month and day of a date value that names its day ("2025-04-23",
// "--04-23") as "04-23", and whether it names one.
func dayOfYear(value string) (string, bool) {
	if len(value) != len("2006-01-02") && !(strings.HasPrefix(value, "--") && len(value) == len("--01-02")) {
		return "", false
	}
	return value[len(value)-5:], true
}

// datesOtherMonths reports whether the question names a month and a fact names dates of
// a month, none of them one the question names, or only a year other than that of its
// article (published): "in 2019 … ten documents were signed" is not of the April the
// question means.
func (e *Engine) datesOtherMonths(q *question, f *Fact) bool {
	if !slices.Contains(q.months[:], true) {
		return false
	}
	published := e.articles[e.bySource[f.Source]].Date
	if len(published) >= len("2006-01") && q.saidIn[monthOf(published)] {
		return false // the month the article reports the words of
	}
	other := false
	for _, d := range f.Dates {
		if len(d.Value) == len("2006") && isYear(d.Value) && !strings.HasPrefix(published, d.Value) && !q.hasTerm(d.Value) {
			if e.reportedDate(f.Text, d.Phrase) {
				continue // "noted that the partnership in 2025 …": what they spoke of, not when
			}
			other = true
			continue
		}
		if len(d.Value) < len("2006-01") || strings.HasPrefix(d.Value, "--") {
			continue
		}
		if q.months[monthOf(d.Value)] {
			return false
		}
		other = true
	}
	return other
}

// reportedDate reports whether a date's phrase stands in a clause a verb of saying opens
// ("… and noted that the establishment of a … partnership in 2025 elevated …"): it dates
// what was spoken of, not the speaking.
func (e *Engine) reportedDate(text, phrase string) bool {
	at := strings.Index(text, phrase)
	if at < 0 {
		return false
	}
	words := strings.Fields(text[:at])
	for i := 1; i < len(words); i++ {
		if words[i] == "that" && e.isSpeechVerb(e.az.Word(words[i-1]).Term) {
			return true
		}
	}
	return false
}

// monthOf returns the month of a date value "2006-01", or 0.
func monthOf(value string) time.Month {
	m, err := strconv.Atoi(value[5:7])
	if err != nil || m < 1 || m > 12 {
		return 0
	}
	return time.Month(m)
}

// anniversary finds an anniversary counted in years ("the 35th anniversary").
var anniversary = regexp.MustCompile(`\b\d+(st|nd|rd|th) anniversary`)

// dayOf reports whether the number n is the day of one of the fact's dates.
func dayOf(f *Fact, n string) bool {
	if isYear(n) {
		return false
	}
	for _, d := range f.Dates {
		for _, w := range strings.FieldsFunc(d.Phrase, func(r rune) bool { return r < '0' || r > '9' }) {
			if w == n {
				return true
			}
		}
	}
	return false
}

// missesFigureKind reports whether a question names a sum or a share that a fact gives no
// figure of the kind of.
func (e *Engine) missesFigureKind(q *question, f *Fact) bool {
	for n := range q.numbers {
		kind := figureKind(q.text, n)
		if kind == "count" {
			continue
		}
		if !slices.ContainsFunc(e.numbers[f.ID], func(m string) bool { return figureKind(f.Text, m) == kind }) {
			return true
		}
	}
	return false
}

// figureKind tells what the number n measures where text first gives it: a share
// ("20%"), a sum of money ("$3.5 billion"), or a count.
func figureKind(text, n string) string {
	for at := 0; ; {
		i := strings.Index(text[at:], n)
		if i < 0 {
			return "count"
		}
		i += at
		end := i + len(n)
		if (i == 0 || !isDigit(text[i-1])) && (end == len(text) || !isDigit(text[end])) {
			rest := strings.ToLower(strings.TrimLeft(text[end:], " "))
			switch {
			case strings.HasPrefix(rest, "%") || strings.HasPrefix(rest, "percent") || strings.HasPrefix(rest, "per cent"):
				return "share"
			case i > 0 && text[i-1] == '$' || strings.HasPrefix(rest, "billion") || strings.HasPrefix(rest, "million"):
				return "sum"
			}
			return "count"
		}
		at = end
	}
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' || b == '.' }

// timeUnits are the terms of the units a length of time is counted in.
var timeUnits = map[string]bool{"year": true, "month": true, "week": true, "day": true, "hour": true, "decad": true, "centuri": true}

func isNumberTerm(s string) bool {
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' {
			return false
		}
	}
	return s != ""
}

// otherRole reports whether a fact names a role the question asks about only as another
// country's: "Spanish Prime Minister Pedro Sanchez" does not answer "Who is the prime
// minister of Azerbaijan?", though "Chinese Foreign Minister Wang Yi" in a sentence that
// also names Azerbaijan's answers "Who is China's foreign minister?".
func (e *Engine) otherRole(q *question, doc int) bool {
	seq := e.ix.DocTerms(doc)
	for _, qr := range q.roles {
		found, ours := false, false
		for _, alt := range q.terms[qr.role].Alts {
			for p := 0; p+len(alt.Terms) <= len(seq); p++ {
				if !sameTerms(seq[p:p+len(alt.Terms)], alt.Terms) {
					continue
				}
				found = true
				if (p == 0 || e.ownsRole(seq[p-1], qr.by)) && !e.postedElsewhere(seq, p+len(alt.Terms), qr.at) {
					ours = true // the question's own, or no one's in particular
				}
			}
		}
		if found && !ours {
			return true
		}
	}
	return e.swappedQualifier(q, seq) || e.otherVenue(q, doc)
}

// postedElsewhere reports whether the term at p, after a role in a fact, names a place
// other than those at, where the question holds the role: "China's Chargé d'Affaires to
// Armenia" is not its chargé d'affaires in Baku.
func (e *Engine) postedElsewhere(seq []int32, p int, at map[int32]bool) bool {
	if len(at) == 0 || p >= len(seq) || at[seq[p]] {
		return false
	}
	t := e.ix.TermString(seq[p])
	return e.states[t] || e.placeTerms[t]
}

// ownsRole reports whether the word before a role ("Spanish" of "Spanish Prime Minister")
// leaves it the question's: no name, one of the names by, or a person's name, which lists
// another holder rather than qualifying this one ("Bayramov and Wang Yi").
func (e *Engine) ownsRole(before int32, by map[int32]bool) bool {
	t := e.ix.TermString(before)
	return !e.names[t] || by[before] || e.isPersonPart(t) || len(e.personNames[t]) > 0
}

// swappedQualifier reports whether a fact qualifies a word of the question only by
// another name the question uses: "Chinese companies have invested in Azerbaijan" does not
// answer "Which Azerbaijani companies invest in China?".
func (e *Engine) swappedQualifier(q *question, seq []int32) bool {
	for _, qn := range q.qualified {
		found, ours := false, false
		for _, alt := range q.terms[qn.noun].Alts {
			if len(alt.Terms) != 1 {
				continue
			}
			for p, t := range seq {
				if t != alt.Terms[0] {
					continue
				}
				found = true
				if !e.qualifiedBy(seq, p, qn.reach, qn.others) {
					ours = true
				}
			}
		}
		if found && !ours {
			return true
		}
	}
	return false
}

// qualifiedBy reports whether the nearest name within reach words before seq[p] is one of
// names.
func (e *Engine) qualifiedBy(seq []int32, p, reach int, names map[int32]bool) bool {
	for k := p - 1; k >= 0 && k >= p-reach; k-- {
		if names[seq[k]] {
			return true
		}
		if e.names[e.ix.TermString(seq[k])] {
			return false
		}
	}
	return false
}

func sameTerms(a, b []int32) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// toCome reports whether a fact tells of what is to come: in the future tense, or with a
// date after its article's.
func (e *Engine) toCome(f *Fact) bool {
	return e.cues[f.ID]&tellsFuture != 0 || e.datesAhead(f)
}

// datesAhead reports whether a fact gives a date after its article's: of its own, or
// the one of the sentence it is dated by. "When are they meeting next?" is not answered
// by "the meeting focused on … future prospects", of a meeting on January 28.
func (e *Engine) datesAhead(f *Fact) bool {
	if d := e.datedBy[f.ID]; len(f.Dates) == 0 && d >= 0 {
		f = &e.facts[d]
	}
	published := e.articles[e.bySource[f.Source]].Date
	for _, d := range f.Dates {
		if published != "" && !strings.HasPrefix(d.Value, "--") && d.Value[:4] > published[:4] {
			return true
		}
		if published != "" && len(d.Value) >= 7 && d.Value[:7] > published[:7] {
			return true
		}
	}
	return false
}

// saidBy reports whether a fact is the words of the person a question asks the words of:
// it quotes them, or it names them, refers to them or (naming no one) stands in an
// article that leads with them, and says that someone said something.
func (e *Engine) saidBy(q *question, f *Fact) bool {
	if len(q.speaker) == 0 || q.speaker[f.Speaker] {
		return true
	}
	if f.Speaker == "" && f.Kind == Body && q.speaker[e.articles[e.bySource[f.Source]].Author] {
		return true // "according to Aytan Farhadova's article": her article's own words
	}
	if e.cues[f.ID]&coversTopic != 0 && len(f.People) == 0 && f.Refers == "" && slices.ContainsFunc(e.leads[f.Source], func(p string) bool { return q.speaker[p] }) {
		// "The discussion also covered …" in an article that leads with the two
		// ministers: what they said.
		return true
	}
	// A sentence that names the person says what they said only if it says that someone
	// said something: "Xi and Peng also hosted a banquet" is not Peng's words.
	if e.cues[f.ID]&saysSomething == 0 {
		return false
	}
	if q.speaker[f.Refers] {
		return true
	}
	if f.Refers != "" {
		// "The deputy added that President Ilham Aliyev's foreign policy has been …":
		// the words of the one it opens on, not of the one it names.
		return false
	}
	if pluralSubject(f.Text) {
		// "Both sides stressed …", "They highlighted …" in an article that leads with the
		// two ministers: theirs, whoever else the sentence names.
		return slices.ContainsFunc(e.leads[f.Source], func(p string) bool { return q.speaker[p] })
	}
	for _, p := range f.People {
		if q.speaker[p] && !addressed(f.Text, p) {
			return true
		}
	}
	return false
}

// addressed reports whether a sentence names a person only as someone spoken with ("when
// meeting with Spanish Prime Minister Pedro Sanchez, President Xi said …"): not as a speaker.
func addressed(text, person string) bool {
	i := strings.Index(text, person)
	if i < 0 {
		return false
	}
	before := strings.Fields(strings.ToLower(text[:i]))
	for k := len(before) - 1; k >= 0 && k >= len(before)-5; k-- {
		switch before[k] {
		case "with", "meeting", "met":
			return strings.Count(text, person) == 1 // named once, after "meeting with"
		}
	}
	return false
}

// saysItself reports whether a fact's own sentence holds the query term's word itself,
// not a synonym of it.
func (e *Engine) saysItself(doc int, qt index.QueryTerm) bool { return e.saysAt(doc, qt, 1) }

// says reports whether a fact's own sentence (not its context, nor the sentence before it)
// holds a word the query term may be matched by.
func (e *Engine) says(doc int, qt index.QueryTerm) bool { return e.saysAt(doc, qt, 0) }

// saysAt reports whether a fact's own sentence holds a word the query term may be matched
// by with a factor of at least minFactor.
func (e *Engine) saysAt(doc int, qt index.QueryTerm, minFactor float64) bool {
	for _, t := range e.ix.DocTerms(doc) {
		for _, alt := range qt.Alts {
			if alt.Factor >= minFactor && len(alt.Terms) == 1 && alt.Terms[0] == t {
				return true
			}
		}
	}
	return false
}

// holdsRun reports whether seq holds terms in a row.
func holdsRun(seq, terms []int32) bool {
	for p := 0; p+len(terms) <= len(seq); p++ {
		if sameTerms(seq[p:p+len(terms)], terms) {
			return true
		}
	}
	return false
}

// saysClaimedYear reports whether a fact's own sentence holds a year a claim puts.
func (e *Engine) saysClaimedYear(q *question, f *Fact) bool {
	for _, qt := range q.terms {
		if isYear(qt.Word) && e.says(f.ID, qt) {
			return true
		}
	}
	return false
}

// saysClaimed reports whether a fact's own sentence holds each concept a claim insists on,
// its words in a row: "diplomatic missions were set up in 1995" is not told by "since
// 1995, Chinese companies have invested …", though the sentence before it is of the
// missions.
func (e *Engine) saysClaimed(q *question, f *Fact) bool {
	seq := e.ix.DocTerms(f.ID)
	for i, qt := range q.terms {
		if !q.required[i] || !namesPhrase(qt) {
			continue
		}
		if !slices.ContainsFunc(qt.Alts, func(alt index.Alternative) bool { return holdsRun(seq, alt.Terms) }) {
			return false
		}
	}
	return true
}

// matchesSayer reports whether a hit names the thing a question asks the words of, when
// that is no person: "What did the joint statement say about Russia?" is not answered by
// what Russian media reported, nor "what did the Armenian government say" by a sentence
// that names Armenia but no government. An occasion ("what did the January talks say")
// is matched by any of its words: what was said at it need not name it.
func matchesSayer(q *question, h index.Hit) bool {
	for _, i := range q.sayer {
		if eventNouns[q.terms[i].Word] {
			return matchesAnyOf(h, q.sayer)
		}
	}
	for _, i := range q.sayer {
		if h.Matched[i] == 0 {
			return false
		}
	}
	return true
}

// saidInLastParagraph reports whether the paragraph before a fact's names the document a
// question asks the words of, and the fact quotes no one: "The joint statement outlined
// … ." is followed by "The sides agreed to … Confucius Institutes", what the statement says.
func (e *Engine) saidInLastParagraph(q *question, f *Fact) bool {
	if len(q.sayer) == 0 || f.Kind != Body || f.Speaker != "" || !documentNouns[lastWord(q.terms[q.sayer[len(q.sayer)-1]].Word)] {
		return false
	}
	for p := f.Prev; p >= 0 && e.facts[p].Source == f.Source && e.facts[p].Paragraph >= f.Paragraph-1; p = e.facts[p].Prev {
		if e.facts[p].Paragraph == f.Paragraph {
			continue
		}
		all := true
		for _, i := range q.sayer {
			all = all && e.holds(p, q.terms[i])
		}
		if all {
			return true
		}
	}
	return false
}

// documentNouns name a document that may be said to say things.
var documentNouns = map[string]bool{"statement": true, "declaration": true, "communique": true}

// holds reports whether a fact's own sentence holds all the terms of one of the ways a
// query term may be matched.
func (e *Engine) holds(doc int, qt index.QueryTerm) bool {
	terms := e.ix.DocTerms(doc)
	for _, alt := range qt.Alts {
		all := true
		for _, t := range alt.Terms {
			all = all && slices.Contains(terms, t)
		}
		if all {
			return true
		}
	}
	return false
}

// matchesAnyOf reports whether a hit matches one of the query terms at positions, or
// there are none.
func matchesAnyOf(h index.Hit, positions []int) bool {
	for _, i := range positions {
		if h.Matched[i] > 0 {
			return true
		}
	}
	return len(positions) == 0
}

// pluralSubject reports whether a sentence opens with a subject that stands for the
// persons its article is about: "They", "Both sides", "The two leaders", "The leaders".
func pluralSubject(text string) bool {
	for _, p := range []string{"They ", "Both ", "The two ", "The leaders ", "The ministers ", "The presidents ", "The sides "} {
		if strings.HasPrefix(text, p) {
			return true
		}
	}
	return false
}

// matchesContent reports whether a hit matches both a word of the phrase that locates the
// event a question asks about and a word outside it: "What was decided at the SCO
// summit?" is answered neither by a fact that only names the summit nor by one about
// another occasion. A question whose words outside that phrase the articles never use is
// answered by none. The sentence that opens a quotation locates what the quotation says
// ("during the leaders' meeting, …:").
func (e *Engine) matchesContent(q *question, r *ranked) bool {
	h, lead := r.hit, r.fact.Lead
	located, content, event, asked := false, false, false, false
	for i, loc := range q.located {
		matched := h.Matched[i] > 0
		if loc {
			located = true
			event = event || matched || lead >= 0 && e.says(lead, q.terms[i])
		} else {
			content = true
			asked = asked || matched
		}
	}
	// It must be about the event too: "the treaty concluded" is no answer about "the
	// summit in August"; but the visit the articles tell of need not be named again.
	return !located || (event || q.bareEvent) && (asked || !content)
}

// definesIn reports whether text says what the thing named by phrase (as the question
// writes it) is: "the Middle Corridor, a key transit route", "X is a …".
func definesIn(text, phrase string) bool {
	lower := strings.ToLower(text)
	for at := 0; ; {
		i := strings.Index(lower[at:], phrase)
		if i < 0 {
			return false
		}
		rest := lower[at+i+len(phrase):]
		for _, p := range definingStarts {
			if strings.HasPrefix(rest, p) {
				return true
			}
		}
		at += i + len(phrase)
	}
}

// definingStarts open what a thing is, right after its name.
var definingStarts = []string{", a ", ", an ", " is a ", " is an ", " is the ", " refers to "}

// matchesLocator reports whether a hit matches the phrase that locates the event a question
// asks about ("at the SCO summit").
func matchesLocator(q *question, h index.Hit) bool {
	for i, loc := range q.located {
		if loc && h.Matched[i] > 0 {
			return true
		}
	}
	return false
}

// matchesTopic reports whether a hit matches a word of what "what did X say about Y" asks
// about: X's words on another matter are no answer.
func matchesTopic(q *question, h index.Hit) bool {
	if !matchesAnyOf(h, q.topic) {
		return false
	}
	// And enough of it: "what did Wang Yi say … in the face of changes unseen in a
	// century" is not answered by his words on "digital transformation".
	var all, matched float64
	for _, i := range q.topic {
		all += q.terms[i].Weight
		if h.Matched[i] > 0 {
			matched += q.terms[i].Weight
		}
	}
	return matched >= minTopicShare*all
}

// missesEvent reports whether a hit misses the word of the occasion a question asks
// the place of: "ceremony", "summit", "banquet".
func missesEvent(q *question, h index.Hit) bool {
	for i, qt := range q.terms {
		if (eventNouns[qt.Word] || occasionWords[qt.Word]) && h.Matched[i] == 0 {
			return true
		}
	}
	return false
}

// missesDoer reports whether a hit misses the one person the question names, but as the
// possessor of what it asks about ("Aliyev's visit"). (Two, "Xi and Aliyev", may be "the
// two heads of state".)
func (e *Engine) missesDoer(q *question, h index.Hit) bool {
	missed, persons := false, 0
	for i, qt := range q.terms {
		if !q.possessors[qt.Word] && e.isPersonName(qt) {
			persons++
			missed = missed || h.Matched[i] == 0
		}
	}
	return missed && persons == 1
}

// missesPerson reports whether a hit misses a person the question names.
func (e *Engine) missesPerson(q *question, h index.Hit) bool {
	for i, qt := range q.terms {
		if h.Matched[i] == 0 && e.isPersonName(qt) {
			return true
		}
	}
	return false
}

// minTopicShare is how much of the topic of "what did X say about …", by weight, a fact
// must match.
const minTopicShare = 0.3

// matchesNames reports whether a hit matches every year and every unknown name the question
// asks about: a fact of 2019 is no answer about 2015, nor one about anybody about Erdogan.
func (e *Engine) matchesNames(q *question, r *ranked) bool {
	h := r.hit
	for i, req := range q.required {
		if req && h.Matched[i] == 0 {
			if j, ok := q.either[i]; ok && h.Matched[j] > 0 {
				continue
			}
			if e.publishedBy(r.fact, q.terms[i]) {
				continue // "according to the lawmaker interviewed by Trend": Trend's article
			}
			if e.citesSource(r.fact, q, i) {
				continue // "according to Xinhua, what did Xi say …": an article relaying Xinhua
			}
			return false
		}
	}
	return true
}

// citesSource reports whether the question's term i names the source it asks by
// ("according to Xinhua, …") and a fact's article reports according to that source.
func (e *Engine) citesSource(f *Fact, q *question, i int) bool {
	cited := e.cited[f.Source]
	if len(cited) == 0 || f.Kind != Body || !sourceAskedBy(q.tokens, firstWord(q.terms[i].Word)) {
		return false
	}
	for _, alt := range q.terms[i].Alts {
		if len(alt.Terms) == 1 && slices.Contains(cited, e.ix.TermString(alt.Terms[0])) {
			return true
		}
	}
	return false
}

// cityForCountry reports whether a question about cities names one as their possessor
// ("Baku's sister city") that a fact matches only by naming its country.
func (e *Engine) cityForCountry(q *question, f *Fact) bool {
	if len(q.possessors) == 0 {
		return false // the usual case, settled before the tokens are looked up for each fact
	}
	cities := false
	for _, t := range q.tokens {
		cities = cities || markedCityNouns.holds(t)
	}
	if !cities {
		return false
	}
	for _, qt := range q.terms {
		if !q.possessors[qt.Word] || e.saysAt(f.ID, qt, 1) {
			continue
		}
		for _, alt := range qt.Alts[min(1, len(qt.Alts)):] {
			if len(alt.Terms) == 1 && e.home[alt.Terms[0]] {
				return true
			}
		}
	}
	return false
}

// saysEvents reports whether a fact's own sentence names each occasion the question names
// ("the welcome ceremony"): the hour it gives is of what it names ("the banquet … at
// noon"), not of what the sentence before it does.
func (e *Engine) saysEvents(q *question, f *Fact) bool {
	for _, qt := range q.terms {
		if eventNouns[qt.Word] && !e.says(f.ID, qt) {
			return false
		}
	}
	return true
}

// saysYears reports whether a fact names, itself or in the sentence that dates it, each
// year the question insists on, or stands in an article of that year: "the 2030 Strategy"
// in the sentence after it does not make "a new Working Group … will enhance collaboration
// in trade" a target for 2030.
func (e *Engine) saysYears(q *question, f *Fact) bool {
	if !q.insistsOnYear() {
		return true // most questions: no fact to look through
	}
	for i, qt := range q.terms {
		if !q.required[i] || !isYear(qt.Word) || e.says(f.ID, qt) || slices.ContainsFunc(f.Dates, func(d Date) bool { return strings.HasPrefix(d.Value, qt.Word) }) {
			continue
		}
		if d := e.datedBy[f.ID]; d >= 0 && (e.says(d, qt) || slices.ContainsFunc(e.facts[d].Dates, func(x Date) bool { return strings.HasPrefix(x.Value, qt.Word) })) {
			continue
		}
		if strings.HasPrefix(e.articles[e.bySource[f.Source]].Date, qt.Word) && (q.kind != AskNumber || !namesOtherYear(f, qt.Word) && !timeAnaphora.MatchString(f.Text) && !spansTime(f.Text)) {
			// "in January 2026": the story of an article of that year; but an amount
			// of a fact that dates itself otherwise ("since 1995, Chinese companies have
			// invested …", "over these years", "over the last five years") is not that year's
			continue
		}
		if timeAnaphora.MatchString(f.Text) && e.saidBefore(f, qt) {
			continue // "… over these years", after "since 1995, …"
		}
		return false
	}
	return true
}

// namesOtherYear reports whether a fact names a year of its own other than year.
func namesOtherYear(f *Fact, year string) bool {
	return slices.ContainsFunc(f.Dates, func(d Date) bool {
		return !d.Relative && !d.Named && len(d.Value) >= 4 && d.Value[:4] != year && !strings.HasPrefix(d.Value, "--")
	})
}

// insistsOnYear reports whether one of the question's terms is a year it insists on,
// worked out on first use, once the question is read.
func (q *question) insistsOnYear() bool {
	if q.yearInsisted == 0 {
		q.yearInsisted = 1
		for i, qt := range q.terms {
			if q.required[i] && isYear(qt.Word) {
				q.yearInsisted = 2
				break
			}
		}
	}
	return q.yearInsisted == 2
}

// timeAnaphora finds words that refer to a time told before: "over these years".
var timeAnaphora = regexp.MustCompile(`(?i)\b(these|those) years\b|\b(this|that|the same) period\b|\bsince then\b|\bat that time\b`)

// saidBefore reports whether one of the sentences just before a fact in its article holds
// the query term's word.
func (e *Engine) saidBefore(f *Fact, qt index.QueryTerm) bool {
	for p, n := f.Prev, 0; p >= 0 && e.facts[p].Source == f.Source && n < sceneReach+1; p, n = e.facts[p].Prev, n+1 {
		if e.says(p, qt) {
			return true
		}
	}
	return false
}

// namesArticle reports whether a query term names the article a fact is in, by its
// publisher or as an article ("the Trend piece").
func (e *Engine) namesArticle(f *Fact, qt index.QueryTerm) bool {
	return e.publishedBy(f, qt) || articleNouns[qt.Word]
}

// articleNouns name a story as the question asks of it.
var articleNouns = map[string]bool{
	"article": true, "piece": true, "report": true, "story": true, "interview": true, "text": true,
	"coverage": true, "writeup": true, "post": true,
}

// sayerIsArticle reports whether the words a question asks for are its article's: every
// term of the sayer names the article ("what does the Trend piece say").
func (e *Engine) sayerIsArticle(q *question, f *Fact) bool {
	for _, i := range q.sayer {
		if !e.namesArticle(f, q.terms[i]) {
			return false
		}
	}
	return true
}

// placeKinds counts the question's words that name the kind of place asked for ("which
// city hosted COP29"): what the answer is, not a word it must share.
func (q *question) placeKinds() int {
	n := 0
	if q.kind == AskWhere {
		for _, qt := range q.terms {
			if placeNouns[qt.Word] {
				n++
			}
		}
	}
	return n
}

// publishedBy reports whether a query term names the publisher of a fact's article. The
// domain of a publisher's web address is no part of its name: the "eu" of
// "commonspace.eu" is not the EU, nor the "Az" of "News.Az" Azerbaijan.
func (e *Engine) publishedBy(f *Fact, qt index.QueryTerm) bool {
	pub := e.articles[e.bySource[f.Source]].Publisher
	if pub == "" || f.Kind != Body {
		return false
	}
	if name, domain, ok := strings.Cut(pub, "."); ok && name != "" && !strings.ContainsAny(pub, " ") && domain != "" {
		pub = name
	}
	terms := e.contextTerms(pub)
	for _, alt := range qt.Alts {
		if len(alt.Terms) == 1 && slices.Contains(terms, e.ix.TermString(alt.Terms[0])) {
			return true
		}
	}
	return false
}

// oneRareWord reports whether a question's only word is one the articles use of one or
// two sentences, no place's: "banquet what time" asks of the one banquet they tell of.
func (e *Engine) oneRareWord(q *question) bool {
	if len(q.terms) != 1 {
		return false
	}
	for _, alt := range q.terms[0].Alts {
		if alt.Factor >= 1 && len(alt.Terms) == 1 {
			t := e.ix.TermString(alt.Terms[0])
			return e.ix.DocFreq(alt.Terms[0]) <= maxRareFacts && !e.placeTerms[t] && !e.home[alt.Terms[0]]
		}
	}
	return false
}

// maxRareFacts is how many sentences at most may use a word that alone says what a
// question asks about.
const maxRareFacts = 2

// evidence reports whether a hit matches enough of the question to answer it: two of its
// words, or one that names the domain (a topic word or a name; for "where", a concept's
// name of several words). A lone ordinary word ("how is your day") is not enough, nor a
// lone word for a question that wants a date, a number or a place.
func (e *Engine) evidence(q *question, h index.Hit) bool {
	n, topical, named, homeOnly := 0, false, false, len(q.unknown) > 0
	if q.pair {
		n++ // "the two countries": every fact is about them
	}
	for i, m := range h.Matched {
		if m > 0 {
			n++
			homeOnly = homeOnly && (e.namesHome(q.terms[i]) || onlyRelated(q.terms[i]))
			topical = topical || q.topical[i]
			// "which region does the Middle Corridor run through": a concept's name places it
			named = named || q.required[i] && !isYear(q.terms[i].Word) || (q.kind == AskWhere || q.kind == AskWhen) && namesPhrase(q.terms[i])
		}
	}
	switch q.kind {
	case AskWhen, AskNumber, AskWhere:
		// "what time is it in Beijing": a date, number or place and one word in common
		// is a coincidence, not an answer; but a rare name the question insists on is
		// what it asks about when it asks nothing else ("where was COP29 held?").
		// So is an event asked where it was staged ("where did the banquet take place?").
		return n >= 2 || (named || q.staged || e.oneRareWord(q)) && n == len(q.terms)-q.placeKinds()
	}
	// One name in common does not answer a question that also asks about something the
	// articles never mention ("What is the weather like in Urumqi?"), nor do the two
	// countries' names alone, or with words only related to the question's ("time
	// difference baku beijing?", "flight duration": "continued").
	if homeOnly {
		return false
	}
	return n >= 2 || (topical && len(q.unknown) == 0)
}

// compose builds the answer from the best fact and the facts close behind it.
func (e *Engine) compose(q *question, rs []ranked, best int) Answer {
	top := rs[best]
	chosen := []*Fact{top.fact}
	used := map[int]bool{e.cluster[top.fact.ID]: true}
	if top.fact.Kind == Bio {
		// The box about the author is short and read as one: quote it whole.
		for n := top.fact.Next; n >= 0 && e.facts[n].Kind == Bio && len(chosen) < maxQuotes; n = e.facts[n].Next {
			chosen = append(chosen, &e.facts[n])
			used[e.cluster[n]] = true
		}
	}
	if next := e.carriedOn[top.fact.ID]; next >= 0 {
		// The sentence that carries the best one's story on ("Chen Ming refuted the
		// reports"), when it may answer too: what became of the story is part of it.
		for _, r := range rs[best+1:] {
			if r.fact.ID == next && r.eligible {
				chosen = append(chosen, r.fact)
				used[e.cluster[next]] = true
			}
		}
	}
	share := moreShare
	if q.setAside {
		share = asideShare
	}
	if q.kind == AskWho && top.typeBonus == 0 {
		// "Azerbaijan and China signed the Agreement …" names the parties; a sentence in
		// the paragraph of it (or of one close behind it) may name the persons who signed:
		// "The agreement was formally signed … by … Bayramov and … Wang Yi".
		type place struct {
			source    string
			paragraph int
		}
		near := map[place]bool{{top.fact.Source, top.fact.Paragraph}: true}
		for _, r := range rs[best+1:] {
			if r.eligible && r.final >= share*top.final {
				near[place{r.fact.Source, r.fact.Paragraph}] = true
			}
		}
		for _, r := range rs[best+1:] {
			if r.eligible && r.typeBonus > 0 && near[place{r.fact.Source, r.fact.Paragraph}] && !used[e.cluster[r.fact.ID]] {
				chosen = append(chosen, r.fact)
				used[e.cluster[r.fact.ID]] = true
				break
			}
		}
	}
	for _, r := range rs[best+1:] {
		if len(chosen) >= maxQuotes {
			break
		}
		if !r.eligible || used[e.cluster[r.fact.ID]] || r.final < share*top.final || r.hit.Coverage < minCoverage {
			continue
		}
		chosen = append(chosen, r.fact)
		used[e.cluster[r.fact.ID]] = true
		for n := r.fact.Next; r.fact.Kind == Bio && n >= 0 && e.facts[n].Kind == Bio && !used[e.cluster[n]] && len(chosen) < maxQuotes; n = e.facts[n].Next {
			chosen = append(chosen, &e.facts[n]) // the rest of the box about the author
			used[e.cluster[n]] = true
		}
	}
	note := ""
	if q.kind == AskNumber {
		var other *Fact
		note, other = e.compareFigures(q, rs, best)
		if other != nil && !used[e.cluster[other.ID]] {
			if len(chosen) >= maxQuotes {
				chosen = chosen[:maxQuotes-1]
			}
			chosen = append(chosen, other)
		}
	}
	var lines []string
	if note != "" {
		lines = append(lines, note)
	}
	var cites []Citation
	var following []int // the sentences quoted after one that introduces or leads to them
	for i, f := range chosen {
		if slices.Contains(following, f.ID) {
			continue // quoted already, after the sentence that introduces or leads to it
		}
		cited := len(cites)
		lead := ""
		if d := e.datedBy[f.ID]; q.kind == AskWhen && d >= 0 && len(f.Dates) == 0 && !used[e.cluster[d]] {
			// The date is in the sentence before: quote it first, unless the answer
			// quotes it on its own line.
			cites = append(cites, e.Cite(e.facts[d]))
			lead = e.render(&e.facts[d]) + " [" + strconv.Itoa(len(cites)) + "] "
			used[e.cluster[d]] = true // once: not again before the next item of its list
			following = append(following, d)
		}
		if p := f.Prev; ((q.kind == AskWhy || containsAny(q.lower, causePhrases)) && concludes(f.Text) || e.refersBackToAsked(q, f)) && p >= 0 && e.facts[p].Source == f.Source && e.facts[p].Kind == Body && !used[e.cluster[p]] {
			// "Thus, Azerbaijan is an important partner …": the reason is the sentence
			// before; quote it first. So too for "This document confirms …", asked
			// "what document": the sentence before names it.
			cites = append(cites, e.Cite(e.facts[p]))
			lead = e.render(&e.facts[p]) + " [" + strconv.Itoa(len(cites)) + "] "
		}
		group := e.sameAs(f)
		var marks []byte // appended to, not joined: fewer allocations
		for _, g := range group {
			cites = append(cites, e.Cite(*g))
			marks = append(strconv.AppendInt(append(marks, '['), int64(len(cites)), 10), ']')
		}
		if len(group) > 1 && note == "" {
			marks = append(strconv.AppendInt(append(marks, " (reported by "...), int64(len(group)), 10), " sources)"...)
		}
		line := lead + e.render(f) + " " + string(marks)
		if !f.Introduces && f.Next >= 0 && e.facts[f.Next].Introduces && e.facts[f.Next].Paragraph == f.Paragraph {
			// "… a sweeping partnership. Key agreements include:" — the next sentence
			// opens the list that says what this one means.
			f = &e.facts[f.Next]
			cites = append(cites, e.Cite(*f))
			line += " " + e.render(f) + " [" + strconv.Itoa(len(cites)) + "]"
			following = append(following, f.ID)
		}
		if f.Introduces {
			quoted := 0
			for n, next := 0, f.Next; n < maxFollowing && next >= 0; n++ {
				g := &e.facts[next]
				if g.Kind != Body || !g.ListItem && quoted == maxQuotedFollowing && len(chosen) > i+1 {
					break // a quotation's first sentences, when other facts are to be quoted too
				}
				cites = append(cites, e.Cite(*g))
				line += "\n" + e.render(g) + " [" + strconv.Itoa(len(cites)) + "]"
				following = append(following, g.ID)
				if !g.ListItem && !g.Introduces && g.Speaker == "" {
					break
				}
				if !g.ListItem {
					quoted++
				}
				next = g.Next
			}
		}
		if room := maxText - textLen(lines); i > 0 && len(line) > room {
			// A line that does not fit is cut, so long as its first quote fits whole.
			if end := strings.Index(line, "]"); end < 0 || end >= room-len("…") {
				cites = cites[:cited] // the quotes left out are not cited
				break
			}
		}
		lines = append(lines, line)
	}
	text := strings.Join(lines, "\n")
	if len(text) > maxText {
		text = truncate(text, maxText)
		for len(cites) > 0 && !strings.Contains(text, fmt.Sprintf("[%d]", len(cites))) {
			cites = cites[:len(cites)-1] // cut off with the end of the text
		}
	}
	return Answer{Answered: true, Text: text, Intent: firstOr(q.intent, top.fact.Intents), Confidence: math.Round(top.confidence()*100) / 100, Citations: cites}
}

// confidence is how sure an answer from this fact is, 0–1: its coverage, discounted when
// its score is low.
func (r *ranked) confidence() float64 { return r.hit.Coverage * (1 - math.Exp(-r.final/4)) }

// compareFigures looks at the figures the articles give for a "how many" question: where
// they disagree ("20 documents" against "an 18-point agreement") it returns a note naming
// both and the fact that gives the other figure; where several articles agree, a note
// saying how many report it.
func (e *Engine) compareFigures(q *question, rs []ranked, best int) (string, *Fact) {
	top := rs[best]
	n := e.quantity(q, top.fact)
	if n == "" {
		return "", nil
	}
	agree := map[string]bool{}
	for _, g := range e.sameAs(top.fact) {
		agree[g.Source] = true
	}
	var other *Fact
	otherN := ""
	for _, r := range rs {
		if !r.eligible || r.fact == top.fact || r.final < 0.4*top.final || r.hit.Coverage < top.hit.Coverage-0.3 || !e.sameYear(top.fact, r.fact) {
			continue
		}
		switch m := e.quantity(q, r.fact); {
		case m == n:
			for _, g := range e.sameAs(r.fact) {
				agree[g.Source] = true
			}
		case m != "" && other == nil && !agree[r.fact.Source] && figureKind(r.fact.Text, m) == figureKind(top.fact.Text, n) && isYear(m) == isYear(n):
			// A share ("a 20% increase") and a sum ("$3.5 billion") measure different things;
			// nor do a year ("the 2030 strategy") and an amount differ on one thing.
			other, otherN = r.fact, m
		}
	}
	if other != nil && !agree[other.Source] {
		return fmt.Sprintf("The articles differ: %s in %s, %s in %s.", n, e.sourceNames(agree), otherN, e.sourceNames(map[string]bool{other.Source: true})), other
	}
	if len(agree) > 1 {
		return fmt.Sprintf("Reported by %d sources.", len(agree)), nil
	}
	return "", nil
}

// sameYear reports whether two facts speak of the same year, as far as their dates and
// their articles' dates tell.
func (e *Engine) sameYear(a, b *Fact) bool {
	ya, yb := e.factYear(a), e.factYear(b)
	return ya == "" || yb == "" || ya == yb
}

func (e *Engine) factYear(f *Fact) string {
	for _, d := range f.Dates {
		if !isNumberTerm(d.Phrase) && !strings.HasPrefix(d.Value, "--") {
			return d.Value[:4]
		}
	}
	if a := e.articles[e.bySource[f.Source]]; len(a.Date) >= 4 {
		return a.Date[:4]
	}
	return ""
}

// sourceNames names articles briefly: publisher, or file name.
func (e *Engine) sourceNames(sources map[string]bool) string {
	var names []string
	for _, a := range e.articles {
		if !sources[a.Source] {
			continue
		}
		if a.Publisher != "" {
			names = append(names, a.Publisher+" ("+a.Source[:min(3, len(a.Source))]+")")
		} else {
			names = append(names, a.Source)
		}
	}
	return strings.Join(names, " and ")
}

// sameAs returns the fact and the facts of other articles that say the same thing, the
// fact first.
func (e *Engine) sameAs(f *Fact) []*Fact {
	out := []*Fact{f}
	seen := map[string]bool{f.Source: true}
	for _, id := range e.members[e.cluster[f.ID]] {
		g := &e.facts[id]
		if g.ID != f.ID && !seen[g.Source] {
			out = append(out, g)
			seen[g.Source] = true
		}
	}
	return out
}

// render shows a fact for a reader: who says it, whom its pronoun means, and what its
// relative dates resolve to.
func (e *Engine) render(f *Fact) string {
	s := f.Text
	switch f.Kind {
	case Bio:
		return "About the author, " + f.Refers + ": " + s
	case Caption:
		return "Photo caption: " + strings.TrimPrefix(s, "Photo: ")
	}
	if f.Refers != "" {
		// After the pronoun, or after the role that stands for the person ("The MP").
		i := strings.IndexByte(s, ' ')
		if i > 0 && (s[:i] == "The" || s[:i] == "This") {
			if j := strings.IndexByte(s[i+1:], ' '); j > 0 {
				i += 1 + j
			}
		}
		if i > 0 && !strings.Contains(s[:i], f.Refers) {
			s = s[:i] + " [" + f.Refers + "]" + s[i:]
		}
	}
	s = namePeople(s, f)
	switch {
	case f.Speaker == "" || f.Speaker == f.Refers:
	case strings.Contains(f.Text, "\"") || strings.Contains(f.Text, "”"): // not ContainsAny, slow with "”"
		s = f.Speaker + ": " + s // the sentence closes the quotation itself (…," he added.)
	default:
		s = f.Speaker + ": “" + s + "”"
	}
	var notes []string
	for _, d := range f.Dates {
		if d.Relative || yearOfArticle(d) {
			notes = append(notes, fmt.Sprintf("%s = %s", d.Phrase, humanDate(d.Value)))
		}
	}
	if len(notes) > 0 {
		s += " (" + strings.Join(notes, "; ") + ")"
	}
	return s
}

// yearOfArticle reports whether a date is written without its year, which its article's
// date gives: "on January 28", of an article of 2026.
func yearOfArticle(d Date) bool {
	return !d.Named && len(d.Value) == len("2006-01-02") && !strings.HasPrefix(d.Value, "--") && !strings.Contains(d.Phrase, d.Value[:4])
}

// namePeople adds the full name of each person a sentence names only in part, after
// that part: "Liu’s [Liu Jianchao] visit was followed by reports".
func namePeople(s string, f *Fact) string {
	for _, p := range f.People {
		if p == f.Refers || p == f.Speaker || strings.Contains(s, p) {
			continue
		}
		for part := range strings.FieldsSeq(p) {
			at := wordAt(s, part)
			if at < 0 {
				continue
			}
			end := at + len(part)
			for _, poss := range []string{"’s", "'s"} {
				if strings.HasPrefix(s[end:], poss) {
					end += len(poss)
				}
			}
			s = s[:end] + " [" + p + "]" + s[end:]
			break
		}
	}
	return s
}

// wordAt returns where w stands in s as a whole word, or -1.
func wordAt(s, w string) int {
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(w):])
		if (i == 0 || !unicode.IsLetter(before)) && (i+len(w) == len(s) || !unicode.IsLetter(after)) {
			return i
		}
		from = i + len(w)
	}
}

func textLen(lines []string) int {
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	return n
}

// truncate cuts s to at most n bytes at a word boundary and marks the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if i := strings.LastIndexAny(s[:cut], " \n"); i > n/2 {
		cut = i
	}
	return s[:cut] + "…"
}

func firstOr(s string, list []string) string {
	if s != "" || len(list) == 0 {
		return s
	}
	return list[0]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// refusal is the answer to a question the articles do not answer: what they do cover.
func (e *Engine) refusal(why string) Answer {
	names := make([]string, 0, len(e.intents))
	for _, in := range e.intents {
		names = append(names, in.Name) // as written: "Belt and Road", "UN" keep their capitals
	}
	text := why + " I answer only from news articles on Azerbaijan–China relations: " + strings.Join(names, "; ") + "."
	if len(e.intents) > 0 && len(e.intents[0].Examples) > 0 {
		text += " For example: “" + e.intents[0].Examples[0] + "”"
	}
	return Answer{Text: text, Citations: []Citation{}}
}

func (e *Engine) explain(q *question, rs []ranked) Explanation {
	ex := Explanation{Question: q.text, Kind: q.kind.String(), Intent: q.intent}
	for _, t := range q.terms {
		te := TermExplanation{Word: t.Word, Weight: round2(t.Weight)}
		for _, alt := range t.Alts {
			var parts []string
			for _, id := range alt.Terms {
				parts = append(parts, e.ix.TermString(id))
			}
			te.Matches = append(te.Matches, fmt.Sprintf("%s×%.2f", strings.Join(parts, "+"), alt.Factor))
		}
		ex.Terms = append(ex.Terms, te)
	}
	for i, r := range rs {
		if i == 5 {
			break
		}
		var missed []string
		for k, m := range r.hit.Matched {
			if m == 0 {
				missed = append(missed, q.terms[k].Word)
			}
		}
		ex.Hits = append(ex.Hits, HitExplanation{
			Fact: *r.fact, Final: round2(r.final), BM25: round2(r.hit.Signals.BM25),
			Phrase: round2(r.hit.Signals.Phrase), Order: round2(r.hit.Signals.Order),
			Type: r.typeBonus, Intent: r.intent, Coverage: round2(r.hit.Coverage), Eligible: r.eligible, Excluded: r.excluded,
			Missed: missed,
		})
	}
	return ex
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// AnswerFact returns the answer that quotes one fact, as /fact and digests show it: the
// fact rendered for a reader, with its citation.
func (e *Engine) AnswerFact(f Fact) Answer {
	if f.ID < 0 || f.ID >= len(e.facts) || e.facts[f.ID].Text != f.Text {
		return Answer{Citations: []Citation{}}
	}
	g := &e.facts[f.ID]
	intent := ""
	if len(g.Intents) > 0 {
		intent = g.Intents[0]
	}
	return Answer{Answered: true, Text: e.render(g) + " [1]", Intent: intent, Confidence: 1, Citations: []Citation{e.Cite(*g)}}
}

// tiedToLead reports whether a fact dated by its article's lead is asked about by a word
// the two share ("when did Aliyev arrive": the lead dates Aliyev's visit). A fact dated
// by the sentence before it in its own paragraph needs no such tie.
func (e *Engine) tiedToLead(q *question, fact int) bool {
	ties, ok := e.leadTies[fact]
	if !ok {
		return true
	}
	for _, t := range q.terms {
		for _, a := range t.Alts {
			if a.Factor == 1 && slices.ContainsFunc(a.Terms, func(x int32) bool { return slices.Contains(ties, x) }) {
				return true
			}
		}
	}
	return false
}

// dropFigurative unmatches the question's words a hit matches only by a word of a
// figurative name ("roads" by the Belt and Road), unless the question names it whole, and
// takes their share off the hit's coverage and score. Named holds the terms of the
// figurative names the question gives whole (see figurativeNamed).
func (e *Engine) dropFigurative(q *question, h *index.Hit, named map[string]bool) {
	bound, seq := e.figurative[h.Doc], e.ix.DocTerms(h.Doc)
	total := 0.0
	for _, qt := range q.terms {
		total += qt.Weight
	}
	for i, qt := range q.terms {
		if h.Matched[i] == 0 || total == 0 {
			continue
		}
		figurative, literal := false, false
		for _, alt := range qt.Alts {
			switch {
			case len(alt.Terms) > 1:
				literal = true // a name the question gives whole ("Belt and Road")
			case slices.Contains(bound, alt.Terms[0]) && !named[e.ix.TermString(alt.Terms[0])]:
				figurative = true
			case slices.Contains(seq, alt.Terms[0]):
				literal = true
			}
		}
		if figurative && !literal {
			share := qt.Weight * h.Matched[i] / total
			h.Coverage = max(0, h.Coverage-share)
			h.Score *= 1 - share
			h.Matched[i] = 0
		}
	}
}

// figurativeNamed returns the terms of the figurative names a question gives whole, each
// of their words read one way or another ("China's Silk Road project", "belt and raod").
func (e *Engine) figurativeNamed(q *question) map[string]bool {
	var named map[string]bool
	for _, name := range e.az.Figurative() {
		whole := true
		for _, t := range name {
			id, ok := e.ix.Term(t)
			whole = ok && slices.ContainsFunc(q.terms, func(qt index.QueryTerm) bool {
				return slices.ContainsFunc(qt.Alts, func(a index.Alternative) bool { return len(a.Terms) == 1 && a.Terms[0] == id })
			})
			if !whole {
				break
			}
		}
		if whole {
			if named == nil {
				named = map[string]bool{}
			}
			for _, t := range name {
				named[t] = true
			}
		}
	}
	return named
}
