package knowledge

// What kind of answer a question asks for, read from its question words.

import (
	"regexp"
	"slices"

	"github.com/azchina/azchina/knowledge/analyze"
	"github.com/azchina/azchina/knowledge/index"
)

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

// kindTokens returns the tokens with a mistyped question word at the start of the
// question, or after "and", put right: "wen did …" asks when.
func (e *Engine) kindTokens(tokens []analyze.Token) []analyze.Token {
	for i, t := range tokens {
		if i > 1 || (i == 1 && tokens[0].Surface != "and") {
			break
		}
		if t.Stop || len(t.Surface) < 2 || len(t.Surface) > 6 || !e.mayBeTypo(t.Surface) {
			continue // "Were any signed?" is no "where"
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

// kindFrame reports whether word only says what kind of answer is wanted, as "year" does
// in "what year".
func kindFrame(prev, word analyze.Token) bool {
	if prev.Surface == "how" {
		switch word.Surface {
		case "big", "large", "long", "old", "far", "often", "soon", "high", "fast", "small":
			return true
		}
		return false
	}
	if markedExactWords.holds(prev) {
		return markedWhenNouns.holds(word) || markedAmountNouns.holds(word) // "the exact date": a date is asked for
	}
	if !markedWhatWords.holds(prev) && prev.Surface != "which" {
		return false
	}
	return markedWhenNouns.holds(word) || markedAmountNouns.holds(word) && word.Surface != "share" && word.Surface != "value" && word.Surface != "volume" && word.Surface != "size"
}

// whatWords are "what" as chat spells it.
var whatWords = map[string]bool{"what": true, "wat": true, "wht": true, "whats": true}

// occupations are the words that ask what a person does ("What is his job?"). They frame
// the question: the articles say what people are, not what their job is.
var occupations = map[string]bool{"post": true, "job": true, "title": true, "occupation": true, "profession": true, "position": true, "background": true, "bio": true, "biography": true, "profile": true, "career": true}

// asksOccupation reports whether a question asks what somebody's job is.
func asksOccupation(tokens []analyze.Token) bool {
	for i, t := range tokens {
		if markedOccupations.holds(t) {
			return true
		}
		if t.Surface == "living" && i > 1 && tokens[i-1].Surface == "a" && tokens[i-2].Surface == "for" {
			return true // "what does she do for a living"
		}
	}
	return false
}

// sceneWhen reports whether "when" at tokens[i] opens a clause that sets the scene for a
// question asked after it: "When Aliyev was in Beijing, what did he say about Taiwan?"
// ("when and where did they meet" asks both).
func sceneWhen(tokens []analyze.Token, i int) bool {
	if i != 0 && (i+1 == len(tokens) || !subjectPronouns[tokens[i+1].Surface]) {
		return false // but "… mentioned trade when he was in Beijing, by what percent …"
	}
	for k := i + 3; k < len(tokens); k++ {
		if (markedWhatWords.holds(tokens[k]) || sceneQuestionWords[tokens[k].Surface]) && tokens[k-1].Surface != "and" && tokens[k-1].Surface != "or" {
			return true
		}
	}
	return false
}

// relativeWhere reports whether "where" at tokens[i] opens a clause about the noun before
// it, no place: "some fields where …", "the areas where …" (but "the city where …" asks a
// place).
func relativeWhere(tokens []analyze.Token, i int) bool {
	if i < 2 {
		return false
	}
	noun, before := tokens[i-1], tokens[i-2]
	return !noun.Stop && !placeNouns[noun.Surface] && !markedPlaceNouns.holds(noun) && (before.Stop || tellVerbs[before.Surface])
}

// sceneQuestionWords ask the question a scene-setting "when" clause leads up to.
var sceneQuestionWords = map[string]bool{"which": true, "who": true, "whom": true, "how": true, "where": true, "why": true}

// topicWhen reports whether "when" at tokens[i] opens "when it comes to", which names a
// topic, not a time: "when it comes to visas, what did they agree?".
func topicWhen(tokens []analyze.Token, i int) bool {
	return i+3 < len(tokens) && tokens[i+1].Surface == "it" && (tokens[i+2].Surface == "comes" || tokens[i+2].Surface == "came") && tokens[i+3].Surface == "to"
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
			for _, w := range tokens[i+1 : min(len(tokens), i+4)] {
				if beneficiaryVerbs[w.Surface] {
					return AskWhat // "who exactly benefits from it": whom it is for
				}
			}
			return AskWho
		case "when":
			if i > 0 && subjectPronouns[next] && putsClaim(tokens) {
				continue // "confirm: Xi said … when he met …": a clause of the claim
			}
			if !topicWhen(tokens, i) && !sceneWhen(tokens, i) {
				return AskWhen
			}
		case "since":
			if i == 0 && !slices.ContainsFunc(tokens[1:], isQuestionWord) {
				return AskWhen // "since when …", "since what year": not "since 1995 how much …"
			}
		case "where":
			if relativeWhere(tokens, i) {
				continue // "name some fields where they want more cooperation": which fields
			}
			if standsOn(tokens[i+1:]) {
				return AskWhat // "where do they stand on tariffs": their position
			}
			return AskWhere
		case "why":
			return AskWhy
		case "how":
			switch {
			case next == "much" && i+2 < len(tokens) && esteemNouns[tokens[i+2].Surface]:
				return AskWhat // "how much credit does he give …": how highly, in words
			case (next == "big" || next == "large" || next == "great") && i+3 < len(tokens) && (tokens[i+2].Surface == "a" || tokens[i+2].Surface == "an") && partNouns[tokens[i+3].Surface]:
				return AskWhat // "how big a role does it play": how it matters, in words
			case next == "many" || next == "much" || next == "big" || next == "large" || next == "long" || next == "old" || next == "far":
				return AskNumber
			}
			return AskWhat // how it went: a manner, not a quantity
		case "what", "which", "wat", "wht", "whats":
			next = kindNoun(tokens[i+1:])
			switch {
			case namesPerson(tokens[i+1:]):
				return AskWho // "what's the name of China's ambassador": who holds it
			case whenNouns[next] || afterCopula(tokens[i+1:], 2, func(w string) bool { return whenNouns[w] }):
				return AskWhen
			case amountNouns[next] || amountAfterCopula(tokens[i+1:]) || figureAfterCopula(tokens[i+1:]):
				return AskNumber
			case placeNouns[next]:
				return AskWhere
			case personNouns[next]:
				return AskWho
			case t.Surface == "which":
				return AskWhich
			case slices.ContainsFunc(tokens[i+1:], func(t analyze.Token) bool { return markedRoughly.holds(t) }):
				return AskNumber // "what is the trade turnover now, roughly": a figure
			}
			return AskWhat
		case "is", "are", "was", "were", "did", "does", "do", "has", "have", "can", "will", "could", "should":
			if asksToBeTold(tokens, i) {
				continue // "can you tell me the names of …", "do you know when …": what is asked follows
			}
			if opensQuestion(tokens, i) {
				return AskYesNo // "did he …", and "so did he …", "ngl did they …"
			}
		}
	}
	if figureFragment(tokens) {
		return AskNumber // "the trade number rn": a figure asked for without "what"
	}
	if k, _, ok := fragmentKind(tokens); ok {
		return k // "liu jianchao visit date", "welcome ceremony venue": asked for without "when" or "where"
	}
	if n := len(tokens); n > 3 && endsInTag(tokens) && !slices.ContainsFunc(tokens, isQuestionWord) {
		return AskYesNo // "china is its biggest partner, right?": a statement put to be checked
	}
	if claim, ok := claimOf(tokens); ok && len(claim) > 2 && !slices.ContainsFunc(claim, func(t analyze.Token) bool { return isQuestionWord(t) && t.Surface != "when" }) {
		return AskYesNo // "fact check: China is its third-largest partner"
	}
	return AskWhat
}

// namesPerson reports whether the words after "what" ask the name of a person by a role
// or a noun for people: "is the name of the Chinese ambassador", "'s the name of …".
func namesPerson(tokens []analyze.Token) bool {
	for i := range tokens[:min(len(tokens), 4)] {
		if start := nameOf(tokens, i); start > 0 && tokens[i].Surface == "name" {
			return slices.ContainsFunc(tokens[start:min(len(tokens), start+5)], func(t analyze.Token) bool { return roleForms[t.Surface] || personNouns[t.Surface] })
		}
	}
	return false
}

// roughly are the words that ask a figure only near enough: "what is it, roughly".
var roughly = map[string]bool{"roughly": true, "approximately": true, "approx": true, "ballpark": true}

// figureNouns name a figure as the thing asked for.
var figureNouns = map[string]bool{"number": true, "numbers": true, "figure": true, "figures": true, "stats": true, "statistics": true}

// figureFragment reports whether a question without a question word names a figure noun
// after the noun it counts: "the trade number rn", "investment figures?" (but not "the
// number of documents"), or opens on the value or cost of a thing: "total value of …".
func figureFragment(tokens []analyze.Token) bool {
	for i, t := range tokens {
		if markedQuestionWord.holds(t) {
			return false
		}
		if markedFigureNouns.holds(t) && i > 0 && !tokens[i-1].Stop && (i+1 == len(tokens) || tokens[i+1].Surface != "of") {
			return true
		}
		if moneyNouns[t.Surface] && i < 3 && (i+1 == len(tokens) || tokens[i+1].Surface == "of") {
			return true // "total dollar value of the agreements": a sum asked for
		}
		if moneyNouns[t.Surface] && i+1 == len(tokens) && i > 0 && !tokens[i-1].Stop {
			return true // "zangezur corridor construction cost"
		}
		if t.Surface == "per" && i > 0 && i+1 < len(tokens) && rateUnits[tokens[i+1].Surface] {
			return true // "flights per week": a rate
		}
	}
	return false
}

// rateUnits are what "per" makes a figure a rate of: "per week", "per capita".
var rateUnits = map[string]bool{"day": true, "week": true, "month": true, "year": true, "annum": true, "capita": true, "hour": true, "person": true}

// endsInTag reports whether a statement ends in a word that puts it as a question: "…,
// right?", "… confirmed or not?".
func endsInTag(tokens []analyze.Token) bool {
	n := len(tokens)
	return n > 0 && (tagWords[tokens[n-1].Surface] || n > 1 && tokens[n-1].Surface == "not" && tokens[n-2].Surface == "or") ||
		n > 2 && postWords[tokens[n-1].Surface] && tokens[n-2].Surface == "to" && fineWords[tokens[n-3].Surface] // "…, ok to post?"
}

// postWords and fineWords end a moderator's statement put to be checked: "… - ok to
// post?", "… safe to share?".
var (
	postWords = map[string]bool{"post": true, "share": true, "publish": true, "say": true, "use": true}
	fineWords = map[string]bool{"ok": true, "okay": true, "safe": true, "fine": true, "good": true, "alright": true}
)

// tagWords end a statement put as a question: "…, right?", "…, correct?".
var tagWords = map[string]bool{"right": true, "correct": true, "innit": true, "yeah": true, "yes": true, "true": true}

// fragmentKind reads what a question without a question word asks for from the noun that
// names it, and returns that noun's index: the noun it ends in, after what that noun
// belongs to ("visa exemption date?" a time, "welcome ceremony venue" a place, "zangezur
// corridor length" a figure), or the noun it opens on after "the", before what it is of
// ("the year diplomatic missions were set up", "give me the date of the interview").
func fragmentKind(tokens []analyze.Token) (Kind, int, bool) {
	if len(tokens) < 2 || slices.ContainsFunc(tokens, isQuestionWord) {
		return 0, -1, false
	}
	if i := openingNoun(tokens); i >= 0 {
		return fragmentNouns[tokens[i].Surface], i, true
	}
	last := len(tokens) - 1
	if tokens[last-1].Stop {
		return 0, -1, false
	}
	if k, ok := fragmentNouns[tokens[last].Surface]; ok {
		return k, last, true
	}
	return 0, -1, false
}

// openingNoun returns the index of a fragment noun a request opens on after "the", with a
// clause or "of" after it: "the year diplomatic missions were set up", "I need the venue of
// the summit", "give me the date of …"; or -1. Only words of asking come before it.
func openingNoun(tokens []analyze.Token) int {
	if len(tokens) < 3 {
		return -1
	}
	for i, t := range tokens[:min(len(tokens)-2, 5)] {
		if t.Surface == "the" {
			if _, ok := fragmentNouns[tokens[i+1].Surface]; ok && (!tokens[i+2].Stop || tokens[i+2].Surface == "of" || tokens[i+2].Surface == "that") {
				return i + 1
			}
			return -1
		}
		if !tellVerbs[t.Surface] && !askingWords[t.Surface] && !politeWords[t.Surface] && !forAsker[t.Surface] {
			return -1
		}
	}
	return -1
}

// askingWords are the words besides a verb of telling that open a request: "I need …",
// "just want …".
var askingWords = map[string]bool{"i": true, "need": true, "want": true, "just": true, "also": true, "now": true, "ok": true, "okay": true, "so": true, "and": true}

// fragmentNouns are the nouns that end a question without a question word by naming
// what it asks for.
var fragmentNouns = map[string]Kind{
	"date": AskWhen, "dates": AskWhen, "year": AskWhen, "day": AskWhen, "month": AskWhen,
	"venue": AskWhere, "location": AskWhere, "place": AskWhere, "city": AskWhere, "town": AskWhere, "province": AskWhere,
	"count": AskNumber, "figure": AskNumber, "figures": AskNumber, "length": AskNumber, "amount": AskNumber, "total": AskNumber, "size": AskNumber, "distance": AskNumber, "population": AskNumber,
}

// asksPersonNoun reports whether a question asks for persons by a noun ("which other
// officials", "what Chinese minister") or "who else", rather than by "who" alone, which a
// kind of people may answer ("who came with him": his family).
func asksPersonNoun(tokens []analyze.Token) bool {
	for i, t := range tokens {
		if markedWhatWords.holds(t) || t.Surface == "which" {
			return personNouns[kindNoun(tokens[i+1:])]
		}
		if t.Surface == "who" && i+1 < len(tokens) && tokens[i+1].Surface == "else" {
			return true // "who else attended": someone the question does not name
		}
		if markedQuestionWord.holds(t) {
			return false
		}
	}
	return false
}

// asksToBeTold reports whether the auxiliary at tokens[i] opens a request to be told
// something rather than a yes-no question: "can you tell me …", "could you please list
// …", "do you know …".
func asksToBeTold(tokens []analyze.Token, i int) bool {
	if i+2 >= len(tokens) || tokens[i+1].Surface != "you" && tokens[i+1].Surface != "u" {
		return false
	}
	v := i + 2
	for v+1 < len(tokens) && (tokens[v].Surface == "please" || tokens[v].Surface == "pls" || tokens[v].Surface == "kindly") {
		v++ // "could you please tell me"
	}
	verb := tokens[v].Surface
	return politeWords[tokens[i].Surface] && tellVerbs[verb] || (tokens[i].Surface == "do" && (verb == "know" || verb == "remember"))
}

// opensQuestion reports whether tokens[i] opens the question: nothing before it but words
// that lead into one in speech ("so", "ok", "ngl", "hey").
func opensQuestion(tokens []analyze.Token, i int) bool {
	for _, t := range tokens[:i] {
		if !markedDiscourseWords.holds(t) && !markedLeadIns.holds(t) {
			return false
		}
	}
	return true
}

// leadIns are the words a chat message opens with before its question.
var leadIns = map[string]bool{
	"hey": true, "hi": true, "hello": true, "yo": true, "ngl": true, "tbh": true, "lol": true,
	"lmao": true, "bro": true, "dude": true, "wait": true, "hmm": true, "um": true, "btw": true,
	"pls": true, "please": true, "quick": true, "question": true, "q": true,
}

// kindNoun returns the noun after "what" or "which" that says what kind of answer is
// wanted, past up to two words that qualify it ("which other Chinese officials", "what
// exact date"), or the word right after the question word.
func kindNoun(tokens []analyze.Token) string {
	if len(tokens) > 3 && tokens[1].Surface == "to" && tokens[2].Surface == tokens[0].Surface {
		tokens = tokens[3:] // "which people-to-people areas": the areas
	}
	for i, t := range tokens[:min(len(tokens), 3)] {
		if t.Surface == "other" || t.Surface == "another" || t.Number && i == 0 {
			continue // "which other officials", "which two leaders"
		}
		if t.Stop || t.Number {
			break
		}
		if i+1 < len(tokens) && namedKinds[tokens[i+1].Surface] {
			continue // "which Chinese building companies": companies
		}
		if markedWhenNouns.holds(t) || markedAmountNouns.holds(t) || markedPlaceNouns.holds(t) || markedPersonNouns.holds(t) {
			return t.Surface
		}
	}
	if len(tokens) == 0 {
		return ""
	}
	return tokens[0].Surface
}

// amountAfterCopula reports whether the words after "what" ask for an amount as the
// thing they are: "is the total dollar value of …", "was the cost of …", and after
// "whats", which has lost its "is", "the trade turnover figure".
func amountAfterCopula(tokens []analyze.Token) bool {
	return afterCopula(tokens, 3, func(w string) bool { return amountNouns[w] || w == "cost" || w == "price" })
}

// figureAfterCopula reports whether the words after "what" name a figure noun as the
// head of the thing they ask: "'s the current bilateral trade turnover figure".
func figureAfterCopula(tokens []analyze.Token) bool {
	if len(tokens) > 0 && markedCopulas.holds(tokens[0]) {
		tokens = tokens[1:]
	}
	if len(tokens) < 2 || tokens[0].Surface != "the" {
		return false
	}
	head := ""
	for _, t := range tokens[1:] {
		if t.Stop {
			break
		}
		head = t.Surface
	}
	return figureNouns[head]
}

// afterCopula reports whether the words after "what" ask, within reach words of "the",
// for a kind of thing as the thing they are: "is the exact date of …", "'s the day …".
func afterCopula(tokens []analyze.Token, reach int, kind func(string) bool) bool {
	if len(tokens) > 0 && markedCopulas.holds(tokens[0]) {
		tokens = tokens[1:]
	}
	if len(tokens) < 2 || tokens[0].Surface != "the" {
		return false
	}
	for _, t := range tokens[1:min(len(tokens), 1+reach)] {
		if t.Stop {
			return false
		}
		if kind(t.Surface) {
			return true
		}
	}
	return false
}

// kindAfterCopula reports whether tokens[i] is the kind of thing "what is the …" asks for
// ("what is the date of …", "what's the exact day …").
func kindAfterCopula(tokens []analyze.Token, i int) bool {
	k := i - 1
	if k >= 0 && markedExactWords.holds(tokens[k]) {
		k--
	}
	return k >= 1 && tokens[k].Surface == "the" && whatAsked(tokens, k-1)
}

// asksLike reports whether a what-question ends its noun phrase with "like": "what's the
// money flow like" asks how the thing is, not for an attribute of it.
func asksLike(tokens []analyze.Token) bool {
	for i := len(tokens) - 1; i > 0; i-- {
		if tokens[i].Surface == "like" {
			return !tokens[i-1].Stop && !(i+1 < len(tokens) && tokens[i+1].Number) // not "like 20%?"
		}
	}
	return false
}

// measureUnits are the units a quantity is measured in: a question that names one asks
// for a figure in it.
var measureUnits = map[string]bool{
	"tonnes": true, "tonne": true, "tons": true, "ton": true, "barrels": true, "barrel": true,
	"kilometres": true, "kilometers": true, "km": true, "miles": true, "hectares": true,
	"teu": true, "megawatts": true, "mw": true, "gigawatts": true, "gw": true, "kwh": true,
	"bcm": true, "litres": true, "liters": true, "metres": true, "meters": true,
}

// startWords ask when a thing starts or takes effect.
var startWords = map[string]bool{
	"start": true, "starts": true, "begin": true, "begins": true, "commence": true,
	"commences": true, "effect": true, "force": true, "kick": true, "kicks": true,
	"launch": true, "launches": true, "operational": true,
}

// endWords ask when a thing ended.
var endWords = map[string]bool{
	"end": true, "ends": true, "ended": true, "finish": true, "finishes": true, "finished": true,
	"conclude": true, "concludes": true, "concluded": true, "wrap": true, "wrapped": true,
}

// endPattern finds a sentence's word for an ending: "concluded", "the end of", "wrapped up".
var endPattern = regexp.MustCompile(`(?i)\b(end|ends|ended|ending|conclu\w*|finish\w*|clos(e|ed|ing)|wrap\w*|final day|last day)\b`)

// rankWords ask a place in an order.
var rankWords = map[string]bool{"rank": true, "ranks": true, "ranked": true, "ranking": true}

// lastingVerbs end a question on how long something lasted or holds.
var lastingVerbs = map[string]bool{"last": true, "lasted": true, "lasts": true, "valid": true}

// endsLasting reports whether tokens[i] is a word of lasting that ends a question, but for
// "for": "how long did the visit last", "how long is the protocol valid for".
func endsLasting(tokens []analyze.Token, i int) bool {
	end := len(tokens) - 1
	if end > 0 && tokens[end].Surface == "for" {
		end--
	}
	return i == end && markedLastingVerbs.holds(tokens[i])
}

// durationAsked returns the unit of time "how many days" (or weeks, months, years) asks
// a length in, or "".
func durationAsked(tokens []analyze.Token) string {
	for i := 1; i+1 < len(tokens); i++ {
		if tokens[i].Surface == "many" && tokens[i-1].Surface == "how" && durations[tokens[i+1].Surface] {
			return tokens[i+1].Surface
		}
	}
	return ""
}

// durations are the units "how many" asks a length of time in.
var durations = map[string]bool{"days": true, "weeks": true, "months": true, "years": true, "hours": true}

// The nouns after "what" or "which" that say what kind of answer is wanted: a time, an
// amount, a place or a person.
var (
	whenNouns    = map[string]bool{"year": true, "years": true, "date": true, "dates": true, "day": true, "days": true, "month": true, "months": true, "time": true, "weekday": true, "timeframe": true, "period": true, "timeline": true, "duration": true, "dateline": true}
	amountNouns  = map[string]bool{"length": true, "amounts": true, "sums": true, "percentage": true, "percent": true, "amount": true, "number": true, "share": true, "value": true, "volume": true, "size": true, "sum": true, "figure": true, "figures": true, "total": true}
	placeNouns   = map[string]bool{"country": true, "countries": true, "nation": true, "nations": true, "city": true, "cities": true, "place": true, "places": true, "region": true, "regions": true, "town": true, "towns": true, "province": true, "provinces": true, "port": true, "ports": true, "venue": true, "location": true, "building": true, "capital": true}
	personNouns  = map[string]bool{"official": true, "officials": true, "leader": true, "leaders": true, "minister": true, "ministers": true, "person": true, "people": true, "politician": true, "politicians": true, "diplomat": true, "diplomats": true, "president": true, "presidents": true, "lawmaker": true, "lawmakers": true, "mp": true, "mps": true, "heads": true, "member": true, "members": true, "deputy": true, "deputies": true, "heads of state": true, "head of state": true, "heads of government": true, "head of government": true}
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
		if index.OneEdit(w, q) && (best == "" || len(q) == len(w)+1 && len(best) != len(w)+1) {
			best = q
		}
	}
	if best == "" {
		return w
	}
	return best
}

// standsOn reports whether tokens say where someone stands on a matter ("do they stand
// on"), which asks for a position, not a place.
func standsOn(tokens []analyze.Token) bool {
	for i, t := range tokens {
		if (t.Surface == "stand" || t.Surface == "stands") && i+1 < len(tokens) && (tokens[i+1].Surface == "on" || tokens[i+1].Surface == "regarding") {
			return true
		}
	}
	return false
}

// asksSize reports whether tokens ask how big or large something is.
func asksSize(tokens []analyze.Token) bool {
	for i := 1; i < len(tokens); i++ {
		if tokens[i-1].Surface == "how" && (tokens[i].Surface == "big" || tokens[i].Surface == "large") {
			// "How big was the jump in trade" asks the size of a change, which a share
			// ("a more than 20% increase") gives.
			j := i + 1
			for j < len(tokens) && (tokens[j].Stop || tokens[j].Surface == "was" || tokens[j].Surface == "is") {
				j++
			}
			return j == len(tokens) || !changeNouns[tokens[j].Surface]
		}
	}
	return false
}

// changeNouns name a change in an amount, whose size a share gives.
var changeNouns = map[string]bool{
	"jump": true, "increase": true, "rise": true, "growth": true, "surge": true, "boost": true,
	"hike": true, "gain": true, "drop": true, "fall": true, "decline": true, "decrease": true,
}

// asksDay reports whether tokens ask for the day something happened on: "which day",
// "what day", "the exact date", "on what precise day".
func asksDay(tokens []analyze.Token) bool {
	for i := 1; i < len(tokens); i++ {
		w, prev := tokens[i].Surface, tokens[i-1].Surface
		if w == "day" && (whatWords[prev] || prev == "which") || (w == "day" || w == "date") && exactWords[prev] {
			return true
		}
	}
	return false
}

// asksWeekday reports whether tokens ask for a day of the week: "which day of the week",
// "what weekday".
func asksWeekday(tokens []analyze.Token) bool {
	for i, t := range tokens {
		if t.Surface == "weekday" || t.Surface == "day" && i+3 < len(tokens) && tokens[i+1].Surface == "of" && tokens[i+2].Surface == "the" && tokens[i+3].Surface == "week" {
			return true
		}
	}
	return false
}

// weekdayPattern finds the name of a day of the week.
var weekdayPattern = regexp.MustCompile(`(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`)

// asksWorth reports whether a what-question asks what a thing is worth: "what will trade
// be worth", "what is the deal worth" (not "what is worth noting").
func asksWorth(tokens []analyze.Token) bool {
	if len(tokens) == 0 || !markedWhatWords.holds(tokens[0]) {
		return false
	}
	for i := 2; i < len(tokens); i++ {
		if tokens[i].Surface == "worth" && (i+1 == len(tokens) || tokens[i+1].Stop) && (markedCopulas.holds(tokens[i-1]) || tokens[i-1].Surface == "be" || !tokens[i-1].Stop) {
			return true
		}
	}
	return false
}

// asksMeasure reports whether a what-question asks the figure of a measure: "what will the
// trade volume be in 2030", "what was the value of trade".
func asksMeasure(tokens []analyze.Token) bool {
	if len(tokens) < 4 || !markedWhatWords.holds(tokens[0]) || !markedCopulas.holds(tokens[1]) && tokens[1].Surface != "will" && tokens[1].Surface != "would" {
		return false
	}
	for _, t := range tokens[2:min(len(tokens), 6)] {
		if measureNouns[lastWord(t.Surface)] {
			return true
		}
		if t.Stop && !markedArticles.holds(t) {
			return false
		}
	}
	return false
}

// measureNouns are measures a figure gives.
var measureNouns = map[string]bool{
	"volume": true, "value": true, "amount": true, "total": true, "sum": true, "figure": true,
	"turnover": true,
}

// exactWords insist on the precise value asked for.
var exactWords = map[string]bool{"exact": true, "precise": true, "specific": true, "actual": true}

// asksClock reports whether tokens ask "what time" something was, a time of day ("at what
// time of day", "what time did it start"), not "what time frame" or "what time of year".
func asksClock(tokens []analyze.Token) bool {
	for i := 1; i < len(tokens); i++ {
		if tokens[i].Surface != "time" || !markedWhatWords.holds(tokens[i-1]) && tokens[i-1].Surface != "which" {
			continue
		}
		if i+1 == len(tokens) {
			return true
		}
		switch tokens[i+1].Surface {
		case "of":
			return i+2 < len(tokens) && tokens[i+2].Surface == "day"
		case "frame", "period", "span", "line", "scale", "bound", "limit", "limited":
			return false
		}
		return true
	}
	return false
}

// anyPersonNouns ask for a person whatever the title a fact gives them: "who was the
// diplomat that …" is answered by "China's Charge d'Affaires, Chen Ming"; not so "who is
// the minister of …".
var anyPersonNouns = map[string]bool{"official": true, "officials": true, "person": true, "people": true, "politician": true, "politicians": true, "diplomat": true, "diplomats": true, "guy": true, "man": true, "woman": true}

// partNouns are what "how big a …" asks the weight of in words: "how big a role".
var partNouns = map[string]bool{"role": true, "part": true, "impact": true, "influence": true, "effect": true, "factor": true, "deal": true}

// esteemNouns are what "how much" asks the degree of, which words tell, not a figure:
// "how much importance does China attach …".
var esteemNouns = map[string]bool{
	"credit": true, "importance": true, "emphasis": true, "attention": true, "weight": true,
	"trust": true, "respect": true, "praise": true, "faith": true, "confidence": true,
	"influence": true, "significance": true, "priority": true, "value": true,
}
