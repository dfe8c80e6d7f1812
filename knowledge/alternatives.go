package knowledge

import (
	"context"
	"regexp"
	"slices"
	"strings"
)

// alternatives splits a question that offers two answers to choose from ("were the
// documents signed at the forum or during a state visit?") into the question with each:
// "were the documents signed at the forum", "were the documents signed during a state
// visit". It splits at the last "or". The first alternative begins at the word the second
// begins with ("a full member of the SCO or a dialogue partner"), else at the last word of
// its kind ("at … or during …"), else as many words before the "or" as the second has.
// Two words of one kind side by side share what follows: "before or after his visit". It
// returns false when no "or" offers an alternative ("… or not?", "… or what").
func alternatives(text string) (first, second string, ok bool) {
	words := strings.Fields(strings.TrimRight(text, "?!. "))
	o := -1
	for i, w := range words {
		if strings.ToLower(strings.Trim(w, ",")) == "or" {
			o = i
		}
	}
	if o < 2 || o+1 >= len(words) {
		return "", "", false
	}
	before, alt := words[:o], words[o+1:]
	for len(alt) > 1 && hedges[strings.ToLower(alt[0])] {
		alt = alt[1:] // "or just a letter of intent"
	}
	lead := strings.ToLower(strings.Trim(alt[0], ","))
	if noAlternative[lead] || slices.ContainsFunc(alt, func(w string) bool { return strings.ContainsAny(w, "?!") }) {
		return "", "", false // (or the message goes on: "… or to Armenia? compare them")
	}
	last := len(before) - 1
	before = append(slices.Clip(before[:last]), strings.TrimRight(before[last], ","))
	join := func(parts ...[]string) string {
		var out []string
		for _, p := range parts {
			out = append(out, p...)
		}
		return strings.Join(out, " ")
	}
	if class := wordClass(lead); class != "" {
		same := slices.IndexFunc(before, func(w string) bool { return strings.ToLower(w) == lead })
		for s := last; s >= 1; s-- {
			if w := strings.ToLower(before[s]); wordClass(w) != class || same >= 1 && w != lead {
				continue // the same word first: "a full member of the SCO or a dialogue partner"
			}
			if s == last && len(alt) > 1 {
				// "before or after his visit": each with "his visit"
				return join(before, alt[1:]), join(before[:s], alt), true
			}
			return join(before), join(before[:s], alt), true
		}
	}
	if auxiliaries[lead] || copulas[lead] {
		return join(before), join(alt), true // "did Xi say it or did Aliyev": a question of its own
	}
	if len(alt) > maxAlternative {
		return "", "", false // "a military alliance or defence treaty during the visit": where it ends is unclear
	}
	s := max(1, len(before)-len(alt))
	return join(before), join(before[:s], alt), true
}

// maxAlternative is the most words an alternative may have to be read without a word
// that tells where the first begins: "in 2025 or 2026", "China or the other way round".
const maxAlternative = 4

// yesNoAfterTopic reports whether a question names its topic first and then asks yes or
// no after a colon or comma: "the SCO summit he was invited to, is it in July or
// August?". lower is the question in lower case.
func yesNoAfterTopic(lower string) bool {
	for i, r := range lower {
		if r != ':' && r != ',' {
			continue
		}
		if w := strings.Fields(lower[i+1:]); len(w) > 1 && (auxiliaries[w[0]] || copulas[w[0]]) {
			return true
		}
	}
	return false
}

// wordClass names the class of a function word that opens an alternative, or "".
func wordClass(w string) string {
	switch {
	case articles[w]:
		return "article"
	case eventPrepositions[w] || timePrepositions[w] || w == "to" || w == "from" || w == "by" || w == "with" || w == "for":
		return "preposition"
	}
	return ""
}

// hedges soften an alternative without being part of it: "or just a letter of intent".
var hedges = map[string]bool{"just": true, "only": true, "merely": true, "simply": true, "rather": true, "maybe": true, "perhaps": true, "actually": true}

// noAlternative are the words after "or" that offer no other answer: "… or not?", "… or
// what", "… or something".
var noAlternative = map[string]bool{
	"not": true, "no": true, "what": true, "something": true, "smth": true, "sth": true, "anything": true,
	"so": true, "otherwise": true, "else": true, "nah": true, "nope": true, "naw": true, "whatever": true,
}

// chosenAlternative answers a question that offers two answers with the answer to the
// one the articles confirm: "is the summit in july or august?" with the sentence that
// tells of August. It returns false when the articles confirm neither, or the question
// offers none.
func (e *Engine) chosenAlternative(ctx context.Context, text string) (Answer, bool) {
	first, second, ok := alternatives(text)
	if !ok {
		return Answer{}, false
	}
	a, _, err := e.answer(ctx, first, false)
	if err != nil {
		return Answer{}, false
	}
	b, _, err := e.answer(ctx, second, false)
	if err != nil {
		return Answer{}, false
	}
	if confirms(a) && confirms(b) && comparesTwo(text) {
		return joinAnswers(a, b), true // "were more documents signed in 2019 or in 2025": what each says
	}
	a.Answered = a.Answered && e.offerQuoted(a, first, second)
	b.Answered = b.Answered && e.offerQuoted(b, second, first)
	switch {
	case confirms(a) && (!confirms(b) || a.Confidence >= b.Confidence):
		return a, true
	case confirms(b):
		return b, true
	}
	return Answer{}, false
}

// confirms reports whether an answer confirms what it was asked: it answers, and is no
// correction ("The articles say otherwise: …").
func confirms(a Answer) bool { return a.Answered && !strings.HasPrefix(a.Text, otherwise) }

// offerQuoted reports whether an answer to one alternative quotes what it offers that the
// other does not: its figures as written ("does it start in 2025 or 2026" is not settled
// by a sentence of 2025 that gives no year), and its words as words of their own ("is
// Azerbaijan a dialogue partner" is not by "political dialogue" and "partnership").
func (e *Engine) offerQuoted(a Answer, asked, other string) bool {
	lower := strings.ToLower(a.Text)
	otherWords := strings.Fields(strings.ToLower(other))
	for w := range strings.FieldsSeq(strings.ToLower(asked)) {
		w = strings.Trim(w, ",.?!")
		if isFigure(w) && !slices.Contains(otherWords, w) && !strings.Contains(lower, w) {
			return false
		}
	}
	others := map[string]bool{}
	for _, t := range e.az.Analyze(other) {
		others[t.Term] = true
	}
	quoted := map[string]bool{}
	for _, t := range e.az.Analyze(a.Text) {
		quoted[t.Term] = true
	}
	for _, t := range e.az.Analyze(asked) {
		if !t.Stop && !t.Number && !others[t.Term] && !quoted[t.Term] && asTyped(t.Surface) == t.Surface {
			return false // (a chat shortening, "b4", stands for a word of its own)
		}
	}
	return true
}

// comparison is what a question that compares two things asks of each: "when was X",
// "when was Y", or "how much is X", "how much is Y".
type comparison struct{ ask, x, y string }

func (c comparison) first() string  { return c.ask + c.x }
func (c comparison) second() string { return c.ask + c.y }

// inTime reports whether the comparison is of which came first.
func (c comparison) inTime() bool { return c.ask == askWhen }

// comparedPair finds the two things a question asks to compare by time or size ("which
// came first, X or Y?", "which is bigger: X or Y"). It returns false for other questions.
func comparedPair(text string) (comparison, bool) {
	if !strings.Contains(text, " or ") && !strings.Contains(text, " OR ") {
		return comparison{}, false // most questions: nothing compared (and no regular expression run)
	}
	m := comparedFrame.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return comparison{}, false
	}
	ask := askWhen
	if !comparedInTime[strings.ToLower(m[1])] {
		ask = "how much is "
	}
	return comparison{ask, m[2], m[3]}, true
}

// comparedFrame matches "which came first, X or Y" and its kin: the comparative, and the
// two things compared.
var comparedFrame = regexp.MustCompile(`(?i)^(?:which|what|wat)(?:'s| (?:came|comes|happened|was|is|were|are|one was|one is|one came|one happened))? (first|earlier|sooner|later|last|bigger|larger|greater|higher|more|smaller|lower|less)\b(?: (?:on|in|during|at) [^,:;]+[,:;])?[\s,:;–—-]+(.+?),? or (.+?)[\s?!.]*$`)

// orderPattern finds words that put two things in order in time.
var orderPattern = regexp.MustCompile(`(?i)\b(preced\w*|followed|before|after|prior|earlier|later|then)\b`)

// askWhen opens the question asked of each thing compared in time.
const askWhen = "when was "

// comparedInTime are the comparatives of time comparedFrame reads.
var comparedInTime = map[string]bool{"first": true, "earlier": true, "sooner": true, "later": true, "last": true}

// comparedAnswered answers a question that compares two things: for which came first,
// with a sentence that tells the two in order, where one does; else with what the
// articles say of each, when they say it of both ("which came first, the ten documents or
// the agreement signed last July": the sentence that dates each). It returns false
// otherwise.
func (e *Engine) comparedAnswered(ctx context.Context, text string) (Answer, bool) {
	c, ok := comparedPair(text)
	if !ok {
		return Answer{}, false
	}
	if c.inTime() {
		// A sentence that tells the two in order answers best, though both be dated, as
		// on one day: "Prior to the talks, Xi … held a welcoming ceremony"; "The official
		// visit to Beijing was also preceded by … Liu Jianchao's visit to Azerbaijan."
		if o, _, err := e.answer(ctx, "was "+c.x+" before "+c.y, false); err == nil && confirms(o) && orderPattern.MatchString(o.Text) {
			return o, true
		}
	}
	a, _, err := e.answer(ctx, c.first(), false)
	if err == nil && a.Answered {
		b, _, err := e.answer(ctx, c.second(), false)
		if err == nil && b.Answered {
			return joinAnswers(a, b), true // (a alone, when one sentence tells of both)
		}
	}
	return Answer{}, false
}

// comparesTwo reports whether a question weighs its two alternatives against each other
// ("were more signed at the forum or during the visit"), which each one's answer tells
// only together.
func comparesTwo(text string) bool {
	for w := range strings.FieldsSeq(strings.ToLower(text)) {
		if comparatives[strings.Trim(w, ",.?!")] {
			return true
		}
	}
	return false
}

// comparatives weigh one thing against another.
var comparatives = map[string]bool{
	"more": true, "less": true, "fewer": true, "bigger": true, "larger": true, "greater": true, "higher": true,
	"lower": true, "smaller": true, "earlier": true, "later": true, "longer": true, "shorter": true,
}
