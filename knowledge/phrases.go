package knowledge

// The phrases of a question that say what it insists on or sets aside.

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/azchina/azchina/knowledge/analyze"
	"github.com/azchina/azchina/knowledge/index"
)

// qualifiedRole is a role the question names with the country or body it belongs to.
type qualifiedRole struct {
	role int            // the query term naming the role
	by   map[int32]bool // the terms naming what it belongs to
	// at holds the terms naming where it is held, when the question names a place
	// after the role as well as whose it is: "China's chargé d'affaires in Baku".
	at map[int32]bool
}

// qualifiedRoles finds the roles the question qualifies by a name next to them, written
// as the name itself: "prime minister of Azerbaijan", "Azerbaijan's foreign minister".
func (e *Engine) qualifiedRoles(q *question) []qualifiedRole {
	var out []qualifiedRole
	for i, qt := range q.terms {
		if !e.isRoleQuery(qt) {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(q.terms) || e.isRoleQuery(q.terms[j]) {
				continue
			}
			if w := strings.Fields(q.terms[j].Word); j == i+1 && len(w) > 0 && (e.isPersonPart(w[0]) || len(e.personNames[e.az.Word(w[0]).Term]) > 0) {
				break // "President Aliyev" names who holds it, not whose it is
			}
			if j == i+1 && !joinedByPreposition(q.tokens, lastWord(qt.Word), firstWord(q.terms[j].Word)) {
				break // "the minister that went to Beijing": where he went, not whose he is
			}
			if by := e.namedBy(q.terms[j]); len(by) > 0 {
				qr := qualifiedRole{role: i, by: by}
				if k := i + 1; j == i-1 && k < len(q.terms) && joinedByPreposition(q.tokens, lastWord(qt.Word), firstWord(q.terms[k].Word)) {
					qr.at = e.namedBy(q.terms[k]) // "China's chargé d'affaires in Baku"
				}
				out = append(out, qr)
				break
			}
		}
	}
	return out
}

// namedBy returns the terms of the articles a question's word names a country or place
// by: the name itself, or a country's adjective ("the Chinese premier"). An adjective of a
// region may name a kind ("a European prime minister") that a fact names by a narrower
// one ("Spanish").
func (e *Engine) namedBy(qt index.QueryTerm) map[int32]bool {
	by := map[int32]bool{}
	for _, alt := range qt.Alts {
		if t := alt.Terms[0]; len(alt.Terms) == 1 && e.names[e.ix.TermString(t)] && (e.az.Stem(qt.Word) == e.ix.TermString(t) || e.az.Word(qt.Word).Term == e.ix.TermString(t) && !e.isRegion(e.ix.TermString(t)) || capitalsCountry[e.az.Stem(qt.Word)] == e.ix.TermString(t)) {
			by[t] = true
		}
	}
	return by
}

// joinedByPreposition reports whether the question writes word a, then b with a
// preposition or an article between them and nothing else ("minister of China", "envoy
// to the UN").
func joinedByPreposition(tokens []analyze.Token, a, b string) bool {
	for i, t := range tokens {
		if t.Surface != a {
			continue
		}
		for k := i + 1; k < len(tokens); k++ {
			if tokens[k].Surface == b {
				return k > i+1 // "the minister's Zangezur comments": no "of" between
			}
			if !roleLinks[tokens[k].Surface] {
				break
			}
		}
	}
	return false
}

// roleLinks are the words that may stand between a role and what it belongs to.
var roleLinks = map[string]bool{"of": true, "for": true, "to": true, "from": true, "in": true, "at": true, "the": true, "a": true, "an": true}

// isRoleTerm reports whether a query term names a role.
func isRoleTerm(qt index.QueryTerm) bool {
	for w := range strings.FieldsSeq(qt.Word) {
		if roleForms[w] {
			return true
		}
	}
	return false
}

// isRoleQuery reports whether a query term names a role, as written or as the asker meant
// it: "premeir", read as the premier, is matched by "prime minister".
func (e *Engine) isRoleQuery(qt index.QueryTerm) bool {
	if isRoleTerm(qt) {
		return true
	}
	if len(qt.Alts) == 0 || qt.Alts[0].Factor < 1 {
		return false
	}
	alt := qt.Alts[0].Terms
	return e.roleStems[e.ix.TermString(alt[len(alt)-1])]
}

// inRoleTerm reports whether a token is a word of a role the question names ("foreign" of
// "foreign minister").
func inRoleTerm(q *question, t analyze.Token) bool {
	return !t.Stop && slices.ContainsFunc(q.terms, func(qt index.QueryTerm) bool {
		return isRoleTerm(qt) && slices.Contains(strings.Fields(qt.Word), t.Surface)
	})
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
// the Jan 28 meeting", "during the visit", "at the SCO summit"): a preposition, then the
// noun phrase after it (up to the next function word that is no determiner: "in 2025 do
// for ties …" locates nothing but the year), an event among its words, or a date with
// something it dates, or a date right after such a phrase ("at the summit in August").
// Such a phrase counts like a phrase set aside: what is asked is the rest. bare reports
// whether every such phrase names its event by a bare noun ("during the visit", "at the
// talks"): the one the articles tell of, which their sentences need not name again.
func locators(tokens []analyze.Token) (out []bool, bare bool) {
	out = make([]bool, len(tokens))
	after := false // the phrase before located an event: a date right after dates it
	found, qualifiedAny := false, false
	for i := 0; i < len(tokens); i++ {
		if !markedTimePrepositions.holds(tokens[i]) {
			after = false
			continue
		}
		end, dated, event, named, qualified := i+1, false, false, false, false
		for ; end < len(tokens) && (!tokens[end].Stop || nounPhraseWords[tokens[end].Surface]); end++ {
			date := tokens[end].Number || monthWords[tokens[end].Surface]
			dated = dated || date
			event = event || !date && !tokens[end].Stop
			named = named || eventNouns[tokens[end].Surface]
			qualified = qualified || !tokens[end].Stop && !eventNouns[tokens[end].Surface] && !(eventKinds[tokens[end].Surface] && end+1 < len(tokens) && eventNouns[tokens[end+1].Surface])
		}
		// A date alone ("in 2019", "on April 22") is what a question about it asks; a
		// date with the event it dates ("the Jan 28 meeting"), or an event ("at the SCO
		// summit", "during the visit"), says which one is meant.
		if dated && event || named && (tokens[i].Surface == "at" || tokens[i].Surface == "during") || dated && after {
			for k := i + 1; k < end; k++ {
				out[k] = true
			}
			found = true
			qualifiedAny = qualifiedAny || qualified || dated || after
			after = true
		} else {
			after = false
		}
		i = end - 1
	}
	return out, found && !qualifiedAny
}

var timePrepositions = map[string]bool{"at": true, "on": true, "during": true, "in": true}

// nounPhraseWords are the function words a noun phrase holds ("the summit of the SCO",
// "his visit"): any other (a verb, a preposition) ends it.
var nounPhraseWords = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"of": true, "his": true, "her": true, "its": true, "their": true,
}

// eventKinds say what kind an occasion is without telling it from the one the articles
// tell of: "the state visit" is the visit.
var eventKinds = map[string]bool{"state": true, "official": true}

// eventNouns name an occasion a question may locate what it asks about by.
var eventNouns = map[string]bool{
	"meeting": true, "meetings": true, "talks": true, "summit": true, "visit": true, "trip": true,
	"forum": true, "conference": true, "ceremony": true, "banquet": true, "session": true,
	"event": true, "interview": true, "gathering": true, "summits": true, "congress": true, "celebration": true,
}

// monthNames are the months written out in full.
var monthNames = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}

// monthWords are the months, written out or shortened.
var monthWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// questionWord are the words that open what a question asks.
var questionWord = map[string]bool{"what": true, "which": true, "who": true, "whom": true, "when": true, "where": true, "why": true, "how": true}

// clauseOpeners open a question of yes or no: after a phrase set aside ("besides global
// stuff, did they …"), what is asked.
var clauseOpeners = map[string]bool{"did": true, "do": true, "does": true, "will": true, "can": true, "could": true, "has": true, "have": true, "had": true}

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
// visa one", "which one") or picks one of several ("is farming one of the fields")
// rather than counting: it ends the question, follows a determiner or a noun, or comes
// before "of".
func pronounOne(tokens []analyze.Token, i int) bool {
	if i+1 == len(tokens) || tokens[i+1].Surface == "of" {
		return true
	}
	if i > 0 {
		switch tokens[i-1].Surface {
		case "the", "which", "this", "that", "each", "every", "another", "other", "a":
			return true
		}
		// A count comes before what it counts; "one" after the noun of a phrase that
		// opens with a determiner stands for it ("the SCO summit one", not "one belt one
		// road").
		j := i - 1
		for j >= 0 && !tokens[j].Stop && !tokens[j].Number {
			j--
		}
		return j >= 0 && j < i-1 && markedDeterminers.holds(tokens[j])
	}
	return false
}

// mediaNouns name a source of news; sourceVerbs say that a source reported something;
// speechVerbs say what someone told a source.
var (
	mediaNouns = map[string]bool{
		"outlet": true, "outlets": true, "newspaper": true, "newspapers": true, "website": true, "site": true,
		"publication": true, "source": true, "sources": true, "paper": true, "portal": true,
		"broadcaster": true, "channel": true,
	}
	sourceVerbs = map[string]bool{
		"report": true, "reports": true, "reported": true, "reporting": true, "cite": true, "cites": true,
		"cited": true, "citing": true, "quoted": true, "quoting": true, "according": true, "told": true,
		"interviewed": true, "published": true, "carried": true, "carry": true, "carries": true,
		"ran": true, "posted": true, "confirmed": true, "confirms": true, "confirm": true,
		"credited": true, "credits": true, "attributed": true,
	}
	speechVerbs = map[string]bool{"talk": true, "talked": true, "speak": true, "spoke": true, "tell": true, "interview": true, "give": true, "gave": true}
)

// articleSpeaks reports whether the article a question names at tokens[i] is only where
// the answer is to be read: "how does the article describe …", "what does the story say
// about …", "according to the article".
func articleSpeaks(tokens []analyze.Token, i int) bool {
	switch tokens[i].Surface {
	case "article", "story", "report", "piece", "text":
	default:
		return false
	}
	if i+1 < len(tokens) && (markedSpeechVerbsAsked.holds(tokens[i+1]) || saysForms[tokens[i+1].Surface]) {
		return true
	}
	return i >= 2 && tokens[i-1].Surface == "the" && (tokens[i-2].Surface == "to" || tokens[i-2].Surface == "in")
}

// saysForms are the forms of the verbs of saying an article is the subject of.
var saysForms = map[string]bool{
	"says": true, "describes": true, "mentions": true, "calls": true, "notes": true, "states": true,
	"reports": true, "claims": true, "explains": true, "explain": true, "characterize": true,
	"characterise": true, "portray": true, "portrays": true, "present": true, "presents": true,
	"report": true, "state": true,
}

// isMediaNoun reports whether tokens[i] names a source of news: an outlet, or an agency
// of news ("news agency", "the agency he talked to"; not "the agency that signed").
func isMediaNoun(tokens []analyze.Token, i int) bool {
	switch {
	case markedMediaNouns.holds(tokens[i]):
		return true
	case !markedSourceBodies.holds(tokens[i]):
		return false
	case i > 0 && (tokens[i-1].Surface == "news" || tokens[i-1].Surface == "press"):
		return true
	}
	for _, t := range tokens {
		if speechVerbs[t.Surface] || markedSourceVerbs.holds(t) {
			return true
		}
	}
	return false
}

// withMedia reports whether the media noun at tokens[i] tells how a story was made ("the
// report with agencies", "together with agency material"): a credit says so, and the
// noun finds it.
func withMedia(tokens []analyze.Token, i int) bool {
	return i > 0 && tokens[i-1].Surface == "with"
}

// newsAsked reports whether tokens[i] is "news" as what a source question asks the source
// of ("the news of the visa deal"), not a word of "news agency".
func newsAsked(tokens []analyze.Token, i int) bool {
	return tokens[i].Surface == "news" && (i+1 == len(tokens) || !isMediaNoun(tokens, i+1))
}

// speechNouns name what someone gave a reporter: "which agency did they give their
// comments to" asks where the words appeared, not about comments. ("Remarks" and
// "statement" stay words of the question: "Xi's remarks" are found as what he said.)
var speechNouns = map[string]bool{"comments": true, "comment": true, "interview": true, "interviews": true}

// sourceBodies are the nouns that name a source only in a question about reporting:
// "which body was cited", though not "which new body was created".
var sourceBodies = map[string]bool{"agency": true, "agencies": true, "body": true, "bodies": true, "institution": true, "authority": true}

// asksSource reports whether a question asks who reported or is cited for something:
// "Who reported …", "Which outlet …", "Which ministry is cited …".
func asksSource(kind Kind, tokens []analyze.Token) bool {
	switch kind {
	case AskWho:
		// "Who reported …", though not "Who founded the news agency?", nor "Who refuted
		// the reports?".
		for i, t := range tokens {
			if markedSourceVerbs.holds(t) && !(i > 0 && (markedArticles.holds(tokens[i-1]) || markedDeterminers.holds(tokens[i-1]))) {
				return true
			}
		}
	case AskWhich:
		for i, t := range tokens {
			if isMediaNoun(tokens, i) || markedSourceVerbs.holds(t) || newsFrom(tokens, i) {
				return true
			}
		}
	case AskWhat:
		for i := 1; i < len(tokens); i++ {
			if isMediaNoun(tokens, i) && (tokens[i-1].Surface == "what" || tokens[i-1].Surface == "which") {
				return true
			}
		}
	}
	return false
}

// newsFrom reports whether tokens[i] is news said to come from somewhere: "which office is
// the news from", "where does the info come from".
func newsFrom(tokens []analyze.Token, i int) bool {
	if !newsNouns[tokens[i].Surface] {
		return false
	}
	rest := tokens[i+1:]
	if len(rest) > 0 && (rest[0].Surface == "come" || rest[0].Surface == "comes" || rest[0].Surface == "came") {
		rest = rest[1:]
	}
	return len(rest) > 0 && rest[0].Surface == "from"
}

// newsNouns name what a report tells.
var newsNouns = map[string]bool{"news": true, "info": true, "information": true, "report": true, "reports": true, "claim": true}

// asksPublisher reports whether a question that asks for a source asks which outlet
// published a story, not whom a story cites: "Which website ran the story on …", "what
// site published the article about …".
func asksPublisher(tokens []analyze.Token) bool {
	outlet, story := false, false
	for _, t := range tokens {
		outlet = outlet || publisherNouns[t.Surface] || publishVerbs[t.Surface]
		story = story || storyNouns[t.Surface]
	}
	return outlet && story
}

var (
	publisherNouns = map[string]bool{"website": true, "site": true, "outlet": true, "publication": true, "publisher": true, "newspaper": true, "paper": true, "portal": true, "agency": true}
	publishVerbs   = map[string]bool{"published": true, "publish": true, "ran": true, "run": true, "posted": true, "carried": true}
	// An interview is a story an outlet ran: "which agency did he give the interview to".
	storyNouns = map[string]bool{"story": true, "article": true, "piece": true, "report": true, "news": true, "interview": true}
)

// auxiliaries open the part of a question after its question word ("what did …").
var auxiliaries = map[string]bool{"did": true, "does": true, "do": true, "has": true, "have": true, "had": true, "will": true, "would": true}

// speechVerbsAsked are the verbs a question asks someone's words with.
var speechVerbsAsked = map[string]bool{
	"say": true, "said": true, "tell": true, "told": true, "think": true, "stress": true,
	"note": true, "emphasize": true, "emphasise": true, "mention": true, "describe": true,
	"call": true, "claim": true, "argue": true, "add": true, "announce": true, "highlight": true,
	"underline": true, "believe": true, "speak": true, "comment": true, "praise": true,
	"characterise": true, "characterize": true, "characterised": true, "characterized": true,
	"portray": true, "portrayed": true, "depict": true, "depicted": true,
}

// spokeVerbs ask, in the past, who spoke: "which MP talked about smart villages" is
// answered by the one the quotation is attributed to.
var spokeVerbs = map[string]bool{
	"talked": true, "spoke": true, "mentioned": true, "stressed": true, "noted": true,
	"highlighted": true, "emphasized": true, "discussed": true, "commented": true,
}

// reactionVerbs ask how someone took a thing, in words or deeds: "How did Armenia's prime
// minister react?" is answered only by what names him.
var reactionVerbs = map[string]bool{"react": true, "respond": true, "reply": true}

// questionSpeaker returns the persons a question asks the words of: a name after an
// auxiliary and before a verb of saying ("What did Aliyev say about Taiwan?"), as the full
// names of the persons the articles name with it. Such a question is answered by what
// the person said, not by a sentence that only stands in an article about them.
func (e *Engine) questionSpeaker(tokens []analyze.Token) map[string]bool {
	if out := e.accordingTo(tokens); len(out) > 0 {
		return out
	}
	for i := 0; i+2 < len(tokens); i++ {
		if !markedAuxiliaries.holds(tokens[i]) {
			continue
		}
		j := i + 1
		var parts []string
		for ; j < len(tokens) && j <= i+6 && (e.inTitledName(tokens, j) || joinsNames(e, tokens, j, parts)); j++ {
			if e.isPersonPart(tokens[j].Surface) {
				parts = append(parts, tokens[j].Surface)
			}
		}
		// "did Xi and Aliyev talk about …" asks what they said, as "say" does.
		talked := j+1 < len(tokens) && markedTalkVerbs.holds(tokens[j]) && tokens[j+1].Surface == "about"
		if len(parts) == 0 || j >= len(tokens) || !markedSpeechVerbsAsked.holds(tokens[j]) && !markedReactionVerbs.holds(tokens[j]) && !talked || answersYesNo(tokens, j) {
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

// joinsNames reports whether tokens[i] is the "and" between two persons' names ("Xi and
// Aliyev"), after a name read already.
func joinsNames(e *Engine, tokens []analyze.Token, i int, parts []string) bool {
	return tokens[i].Surface == "and" && len(parts) > 0 && i+1 < len(tokens) && e.isPersonPart(tokens[i+1].Surface)
}

// inTitledName reports whether tokens[i] may be part of a person's name with its title
// ("the Spanish Prime Minister Pedro Sanchez"): a part of a name, a role, a word before a
// role, a country's name or "the".
func (e *Engine) inTitledName(tokens []analyze.Token, i int) bool {
	t := tokens[i]
	if e.isPersonPart(t.Surface) {
		return true
	}
	if t.Stop {
		return t.Surface == "the" // "the Spanish prime minister"
	}
	return markedRoles.holds(t) || e.states[t.Term] || i+1 < len(tokens) && markedRoles.holds(tokens[i+1])
}

// accordingTo returns the persons of "according to Bayramov and Wang Yi" or "per the MP":
// whose words the question asks for, whether a sentence names them or says "they". A
// role stands for those the articles give it.
func (e *Engine) accordingTo(tokens []analyze.Token) map[string]bool {
	for i := 0; i+2 < len(tokens); i++ {
		from := i + 2
		switch {
		case tokens[i].Surface == "according" && tokens[i+1].Surface == "to":
		case tokens[i].Surface == "per" && (tokens[i+1].Surface == "the" || e.isPersonPart(tokens[i+1].Surface)):
			from = i + 1
		default:
			continue
		}
		out := map[string]bool{}
		for _, t := range tokens[from:] {
			if t.Surface == "and" || t.Surface == "the" {
				continue
			}
			if role := strings.TrimSuffix(t.Term, "s"); markedRoleForms.holds(t) {
				for k, holders := range e.holders {
					if k.role == t.Term || k.role == role {
						for _, p := range holders {
							out[p] = true
						}
					}
				}
				continue
			}
			if !e.isPersonPart(t.Surface) {
				break
			}
			for _, p := range e.personParts[t.Surface] {
				out[p] = true
			}
		}
		return out
	}
	return nil
}

// sourceAskedBy reports whether a question names word as the source it asks by: after
// "according to" or "per", before the question itself.
func sourceAskedBy(tokens []analyze.Token, word string) bool {
	by := false
	for i, t := range tokens {
		switch {
		case t.Surface == "according" && i+1 < len(tokens) && tokens[i+1].Surface == "to", t.Surface == "per":
			by = true
		case by && t.Surface == word:
			return true
		case by && isQuestionWord(t):
			return false
		}
	}
	return false
}

// attributedRole reports whether tokens[i] is the role of "according to the MP" or "per
// the MPs" whose holders the articles name.
func (e *Engine) attributedRole(tokens []analyze.Token, i int) bool {
	j := i - 1
	if j >= 0 && tokens[j].Surface == "the" {
		j--
	}
	if j < 0 || tokens[j].Surface != "per" && (tokens[j].Surface != "to" || j == 0 || tokens[j-1].Surface != "according") {
		return false
	}
	role := strings.TrimSuffix(tokens[i].Term, "s")
	for k := range e.holders {
		if k.role == tokens[i].Term || k.role == role {
			return true
		}
	}
	return false
}

// possessorsIn returns the words a text writes with a possessive "'s" ("China's").
func possessorsIn(lower string) map[string]bool {
	out := map[string]bool{}
	for i := 0; i < len(lower); {
		j := indexApostrophe(lower[i:])
		if j < 0 {
			break
		}
		at := i + j
		_, size := utf8.DecodeRuneInString(lower[at:])
		after := at + size
		i = after
		if after >= len(lower) || lower[after] != 's' {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(lower[after+1:]); after+1 < len(lower) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			continue // "'sh…" is no possessive
		}
		start := at
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(lower[:start])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			start -= size
		}
		if start < at {
			out[lower[start:at]] = true
		}
	}
	return out
}

// indexApostrophe is strings.IndexAny(s, "'’") for UTF-8 s, byte by byte: IndexAny
// decodes s rune by rune when a character sought is not ASCII.
func indexApostrophe(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '\'' || s[i] == "’"[0] && strings.HasPrefix(s[i:], "’") {
			return i
		}
	}
	return -1
}

// answersYesNo reports whether the verb at tokens[j] is "say yes" or "say no": to accept or
// refuse, which the articles tell of, rather than words they quote ("Did Aliyev say yes to
// the invitation?").
func answersYesNo(tokens []analyze.Token, j int) bool {
	return j+1 < len(tokens) && (tokens[j+1].Surface == "yes" || tokens[j+1].Surface == "no")
}

// sayerTerms returns the query terms between an auxiliary and a verb of saying ("What did
// the joint statement say …"): who or what the question asks the words of.
func (e *Engine) sayerTerms(q *question) []int {
	for i := 0; i+2 < len(q.tokens); i++ {
		if !markedAuxiliaries.holds(q.tokens[i]) {
			continue
		}
		span := map[string]bool{}
		j := i + 1
		saying := func(t analyze.Token) bool { return markedSpeechVerbsAsked.holds(t) || markedReactionVerbs.holds(t) }
		for ; j < len(q.tokens) && j <= i+4 && !saying(q.tokens[j]); j++ {
			span[q.tokens[j].Surface] = true
		}
		if j >= len(q.tokens) || !saying(q.tokens[j]) {
			continue
		}
		var out, roles []int
		qualified := false
		for k, qt := range q.terms {
			in := true
			for w := range strings.FieldsSeq(qt.Word) {
				in = in && span[w]
			}
			switch {
			case !in || len(qt.Alts) == 0:
			case isRoleTerm(qt):
				roles = append(roles, k)
			default:
				qualified = qualified || e.namesSomething(qt)
				out = append(out, k)
			}
		}
		switch {
		case len(roles) > 0 && !qualified:
			return nil // "the ministers": persons, whom the sentence may call "they"
		case len(roles) > 0:
			// "the Armenian prime minister", whom the articles do not name: the answer
			// must name the title, not only the country.
			return roles
		}
		return out
	}
	return nil
}

// lightVerbs say little of their own: "who put their signatures on …", "who took the
// photo" ask about the noun after them.
var lightVerbs = map[string]bool{
	"put": true, "take": true, "took": true, "make": true, "made": true, "give": true,
	"gave": true, "get": true, "got": true, "held": true, "hold": true, "play": true, "played": true,
	// One marks or observes an anniversary by its coming round: "which anniversary will
	// they mark" is answered by "the upcoming 35th anniversary".
	"mark": true, "marked": true, "observe": true, "observed": true,
	// A linking verb says nothing done but what its subject is: "when did they become
	// strategic partners" asks when the partnership was set up.
	"become": true, "became": true, "becomes": true, "remain": true, "remained": true,
}

// voiceVerbs make a stance known: "express a view", "voice concern".
var voiceVerbs = map[string]bool{"express": true, "expressed": true, "voice": true, "voiced": true, "state": true, "stated": true, "share": true, "shared": true}

// stanceNouns are what one holds on a matter and voices.
var stanceNouns = map[string]bool{
	"view": true, "views": true, "opinion": true, "opinions": true, "position": true, "stance": true,
	"concern": true, "concerns": true, "attitude": true, "hope": true, "hopes": true,
}

// beneficiaryVerbs ask whom a thing is for ("who benefits from the visa waiver"): a kind
// of people, told by whom it is for, not a person who did something.
var beneficiaryVerbs = map[string]bool{
	"benefit": true, "benefits": true, "benefited": true, "apply": true, "applies": true,
	"qualify": true, "qualifies": true, "eligible": true, "covered": true,
}

// whoPredicate returns the query term of the verb right after "who" when the articles
// never use it, nor a synonym of it ("Who translated …"), or -1; none for a light verb.
func whoPredicate(q *question) int {
	if q.kind != AskWho || len(q.tokens) < 3 || q.tokens[0].Surface != "who" || q.photo || q.author {
		return -1 // who shot the photo, or wrote the article, its caption or byline tells
	}
	at := 1
	if modals[q.tokens[at].Surface] {
		at++ // "Who will succeed …"
	}
	for at+1 < len(q.tokens) && isAdverb(q.tokens[at]) {
		at++ // "who physically signed …": the verb, not how
	}
	verb := q.tokens[at]
	if verb.Stop || lightVerbs[verb.Surface] {
		return -1
	}
	verb = q.tokens[joinedDeed(q.tokens, at)]
	if i := q.termOf(verb.Surface); i >= 0 && onlyRelated(q.terms[i]) {
		return i
	}
	return -1
}

// joinedDeed returns, for the verb at i, the position of the deed a verb of taking part
// names after "in" ("who joined the president in hosting the banquet": who hosted it with
// him), or i.
func joinedDeed(tokens []analyze.Token, i int) int {
	if !joinVerbs[tokens[i].Surface] {
		return i
	}
	for k := i + 2; k+1 < len(tokens) && k <= i+6; k++ {
		if tokens[k].Surface == "in" && strings.HasSuffix(tokens[k+1].Surface, "ing") {
			return k + 1
		}
	}
	return i
}

// helpedDeed returns, for "help" at i, the position of the deed it helps do, named
// right after it ("what will China help implement", "help to build"), or i.
func (e *Engine) helpedDeed(tokens []analyze.Token, i int) int {
	if !helpVerbs[tokens[i].Surface] {
		return i
	}
	j := i + 1
	if j+1 < len(tokens) && tokens[j].Surface == "to" {
		j++
	}
	if j >= len(tokens) || tokens[j].Stop || tokens[j].Number || e.names[tokens[j].Term] || e.states[tokens[j].Term] || e.placeTerms[tokens[j].Term] || e.isPersonPart(tokens[j].Surface) {
		return i // "help Azerbaijan", "help the country": whom, not what
	}
	return j
}

// helpVerbs are the forms of "help" a deed may follow bare: "help build".
var helpVerbs = map[string]bool{"help": true, "helps": true, "helped": true, "helping": true}

// joinVerbs say that someone took part with another in a deed "in" names: "who joined
// Xi in hosting", "who helped them in drafting".
var joinVerbs = map[string]bool{
	"join": true, "joins": true, "joined": true, "accompany": true, "accompanies": true, "accompanied": true,
	"help": true, "helps": true, "helped": true, "assist": true, "assists": true, "assisted": true,
}

// askedVerb returns the query term of the verb a question asks who did it, what was
// done or when a person did it: right after "who" ("Who will chair the working group?")
// or after the subject ("Who did Liu meet?", "What agreements did Bayramov and Wang Yi
// sign?", "When did Wang Yi visit Baku?", "what money do they use"), when the articles
// use it or a word like it, if only a related one; or -1. None for a light verb, a verb
// of saying or a question of the words used (what was said, or by whom, a quotation
// tells, whatever its verb) or a question of who wrote an article or took a photo (its
// byline or caption tells).
func (e *Engine) askedVerb(q *question) int {
	if len(q.tokens) < 3 || q.author || q.photo {
		return -1
	}
	i := 1
	inSubject := e.inSubject
	switch first := q.tokens[0].Surface; {
	case first == "who" && q.kind == AskWho:
		if q.tokens[1].Surface == "else" && len(q.tokens) > 3 {
			i = 2 // "who else did Bayramov meet"
		}
		if modals[q.tokens[i].Surface] {
			i++ // "Who will succeed …"
		}
		i = afterGoingTo(q.tokens, i)
	case whatWords[first] || first == "which":
		if markedWordNouns.holds(q.tokens[1]) {
			return -1 // "what word did China use for it": what was said, however
		}
		for i < len(q.tokens) && i <= 2 && !q.tokens[i].Stop {
			i++ // "what agreements did …"
		}
		if i+1 < len(q.tokens) && i <= 3 && (q.tokens[i].Surface == "or" || q.tokens[i].Surface == "and") && !q.tokens[i+1].Stop {
			i += 2 // "which agreements or memoranda did …"
		}
		if first == "which" && i < len(q.tokens) && q.tokens[i].Surface == "of" {
			// "which committee of the National Assembly does he chair"
			for j := i + 1; j < len(q.tokens) && j <= i+5; j++ {
				if markedAuxiliaries.holds(q.tokens[j]) {
					i = j
					break
				}
				if q.tokens[j].Stop && !markedArticles.holds(q.tokens[j]) {
					break
				}
			}
		}
		if i-1 >= 2 && i < len(q.tokens) && !markedAuxiliaries.holds(q.tokens[i]) && isParticiple(q.tokens[i-1].Surface) && actorKind(q.tokens[i-2].Surface) {
			// "which officials accompanied him": the verb after its subject, one who acts
			// (not "which peace-related agenda")
			i--
			break
		}
		if i >= len(q.tokens) || !markedAuxiliaries.holds(q.tokens[i]) && !passiveAt(q.tokens, i) && !progressiveAt(q.tokens, i) {
			return -1
		}
		// Only persons named as the subject: "What did the sides pledge" may hold a
		// subject the verb is not told apart from.
		inSubject = func(t analyze.Token) bool {
			// "Wang Yi"; "what agreements did China and Spain sign"; "what money do they
			// use"; "what did Azerbaijan's foreign minister thank China for"
			return e.isPersonPart(t.Surface) || t.Surface == "and" || len(t.Surface) <= 2 && !t.Stop || e.states[t.Term] || e.placeTerms[t.Term] || subjectPronouns[t.Surface] || inRoleTerm(q, t)
		}
	case first == "when" && q.kind == AskWhen:
		// "When did Wang Yi visit Baku?", "when wang yi visit baku": the date of what a
		// person named did, not of what else they did.
		i = 0
		if markedAuxiliaries.holds(q.tokens[1]) {
			i = 1
		}
		inSubject = func(t analyze.Token) bool {
			return e.isPersonPart(t.Surface) || t.Surface == "and"
		}
	case q.kind == AskYesNo && auxiliaries[first] && first != "will" && first != "would":
		// "Did Bayramov invite Wang Yi …": what a person named did, not what else they did.
		// (What someone will do is told by a plan in other words: "will Aliyev travel to
		// the summit" by the invitation he accepted.)
		i = 0
		inSubject = func(t analyze.Token) bool {
			return e.isPersonPart(t.Surface) || t.Surface == "and"
		}
	default:
		return -1
	}
	if passiveAt(q.tokens, i) && (markedWhatWords.holds(q.tokens[0]) || q.tokens[0].Surface == "which") {
		i++ // "What was served at the banquet?": what was done, in the passive
	} else if markedAuxiliaries.holds(q.tokens[i]) || i == 0 || progressiveAt(q.tokens, i) {
		start := i + 1
		i = start
		if next := i + 1; next < len(q.tokens) && markedArticles.holds(q.tokens[i]) && (e.states[q.tokens[next].Term] || e.placeTerms[q.tokens[next].Term]) && inSubject(q.tokens[next]) {
			i++ // "what did the Azerbaijani foreign minister thank China for"
		}
		for i < len(q.tokens) && i < start+5 && inSubject(q.tokens[i]) {
			i++
		}
		if i == start || i >= len(q.tokens) {
			return -1
		}
	}
	for i+1 < len(q.tokens) && (isAdverb(q.tokens[i]) || e.mistypedAdverb(q.tokens[i].Surface)) {
		i++ // "did she previously work for"
	}
	i = e.helpedDeed(q.tokens, joinedDeed(q.tokens, i))
	verb := q.tokens[i].Surface
	if q.kind == AskWho && i+1 < len(q.tokens) && markedParticles.holds(q.tokens[i+1]) {
		// "who did Xi take along": a verb of two words, however light its first
		if k := q.termOf(verb + " " + q.tokens[i+1].Surface); k >= 0 && len(q.terms[k].Alts) > 0 {
			return k
		}
	}
	if q.tokens[i].Stop || lightVerbs[verb] || lightVerbs[q.tokens[i].Term] || speechVerbsAsked[verb] || speechActs[verb] || creationVerbs[verb] {
		return -1
	}
	if q.tokens[i].Term == "work" && i+1 < len(q.tokens) && employerPrepositions[q.tokens[i+1].Surface] {
		return -1 // "did she work at Meydan TV": where she was, "formerly with Meydan TV"
	}
	if voiceVerbs[verb] && slices.ContainsFunc(q.tokens, func(t analyze.Token) bool { return stanceNouns[t.Surface] }) {
		return -1 // "what view did China express on …": what it said, in any words
	}
	k := q.termOf(verb)
	if k < 0 || len(q.terms[k].Alts) == 0 {
		return -1 // one the articles have nothing like: see whoPredicate, whatPredicate
	}
	for _, alt := range q.terms[k].Alts {
		if len(alt.Terms) == 1 && alt.Factor == typoFactor && e.isSpeechVerb(e.ix.TermString(alt.Terms[0])) {
			return -1 // a verb of saying mistyped: "what did Aliyev tel Xinhua", "anounced"
		}
	}
	return k
}

// isSpeechVerb reports whether term is the term of a verb of saying ("announc").
func (e *Engine) isSpeechVerb(term string) bool { return speechVerbsAsked[term] || e.speechStems[term] }

// employerPrepositions put the employer after "work": "work for", "work at".
var employerPrepositions = map[string]bool{"for": true, "at": true, "with": true}

// wordNouns ask for words said: "what word did they use", "what term did he choose".
var wordNouns = map[string]bool{
	"word": true, "words": true, "term": true, "terms": true, "phrase": true, "phrases": true,
	"expression": true, "adjective": true, "language": true, "nickname": true, "label": true,
	"slogan": true, "catchphrase": true, "wording": true,
}

// subjectPronouns stand for the subject of a question's verb: "what did they sign".
var subjectPronouns = map[string]bool{"they": true, "he": true, "she": true, "we": true}

// actorKind reports whether a noun names a kind of those who act: "officials",
// "companies", "countries".
func actorKind(w string) bool {
	return personNouns[w] || namedKinds[w] || placeNouns[w] || countryNouns[w]
}

// creationVerbs say a thing came to be, which a fact may tell by calling it new: "What new
// body was created?" is answered by "A new Working Group … will enhance …".
var creationVerbs = map[string]bool{"created": true, "established": true, "formed": true, "founded": true, "launched": true, "set": true, "made": true}

// progressiveAt reports whether tokens[i] is the copula of a verb in -ing past a subject of
// up to four words: "what trade volume are Azerbaijan and China targeting".
func progressiveAt(tokens []analyze.Token, i int) bool {
	if !markedCopulas.holds(tokens[i]) {
		return false
	}
	for j := i + 2; j < len(tokens) && j <= i+5; j++ {
		if strings.HasSuffix(tokens[j].Surface, "ing") && !tokens[j].Stop {
			return true
		}
	}
	return false
}

// passiveAt reports whether tokens[i] opens a verb in the passive: "was served".
func passiveAt(tokens []analyze.Token, i int) bool {
	return markedCopulas.holds(tokens[i]) && i+1 < len(tokens) && isParticiple(tokens[i+1].Surface)
}

// afterGoingTo returns where the verb stands after a future told with "going to" at
// tokens[i] ("who's going to chair", "who is gonna chair"), or i.
func afterGoingTo(tokens []analyze.Token, i int) int {
	j := i
	if j < len(tokens) && markedCopulas.holds(tokens[j]) {
		j++
	}
	switch {
	case j+2 < len(tokens) && tokens[j].Surface == "going" && tokens[j+1].Surface == "to":
		return j + 2
	case j+1 < len(tokens) && tokens[j].Surface == "gonna":
		return j + 1
	}
	return i
}

// whatPredicate returns the query term of the verb of "What did Peng Liyuan wear …" or
// "Why did China cancel …" when the articles never use it, nor a synonym of it, or -1:
// what someone did that the articles never tell of is not answered by another thing they
// did, nor is why they did it.
func (e *Engine) whatPredicate(q *question) int {
	why := q.tokens[0].Surface == "why"
	if len(q.tokens) < 4 || !markedWhatWords.holds(q.tokens[0]) && !why || !markedAuxiliaries.holds(q.tokens[1]) {
		return -1
	}
	inSubject := e.inSubject
	if why {
		// "why did China cancel the visa deal": why a country did what no fact tells
		inSubject = func(t analyze.Token) bool {
			return e.inSubject(t) || e.states[t.Term] || e.placeTerms[t.Term] || e.names[t.Term]
		}
	}
	i := 2
	for i < len(q.tokens) && i < 8 && (inSubject(q.tokens[i]) || i > 2 && whenWord(q.tokens[i]) || roleAhead(q.tokens, i) || isAdverb(q.tokens[i])) {
		i++ // "what did the ministers in January 2026 say", "what did a senior party official reportedly promise"
	}
	if i == 2 || i >= len(q.tokens) {
		return -1
	}
	if verb := q.tokens[i].Surface; lightVerbs[verb] || speechVerbsAsked[verb] || speechActs[verb] {
		return -1 // "What did Xi vow?": what he vowed is in his words, whatever the verb
	}
	if why && caringVerbs[q.tokens[i].Surface] {
		return -1 // "why do they care about the route": why it matters, in any words
	}
	if k := q.termOf(q.tokens[i].Surface); k >= 0 && onlyRelated(q.terms[k]) {
		return k
	}
	return -1
}

// caringVerbs say that a thing matters to someone: why it does is told in any words.
var caringVerbs = map[string]bool{
	"care": true, "cares": true, "like": true, "likes": true, "love": true, "loves": true,
	"want": true, "wants": true, "value": true, "values": true, "favor": true, "favors": true,
	"favour": true, "favours": true, "prefer": true, "prefers": true, "bother": true,
}

// inSubject reports whether a token may be part of the subject before a question's verb:
// a function word or pronoun, a part of a person's name, a title ("the ministers").
func (e *Engine) inSubject(t analyze.Token) bool {
	return t.Stop || e.isPersonPart(t.Surface) || isRoleOrPlural(t)
}

// roleAhead reports whether a role follows tokens[i] within the words of its noun phrase:
// "senior" in "a senior Chinese Communist Party official".
func roleAhead(tokens []analyze.Token, i int) bool {
	for j := i + 1; j < len(tokens) && j <= i+4 && !tokens[j].Stop; j++ {
		if isRoleOrPlural(tokens[j]) || markedPersonNouns.holds(tokens[j]) {
			return true
		}
	}
	return false
}

// whenWord reports whether a token names a time: a month or a number.
func whenWord(t analyze.Token) bool { return t.Number || monthWords[t.Surface] }

// definedTerm returns the query term of X in "what is X", "what exactly is the X", "X,
// what is it" when X is the question's only word, or -1.
func definedTerm(q *question) int {
	if q.kind != AskWhat || len(q.terms) != 1 {
		return -1
	}
	for _, t := range q.tokens {
		if markedCopulas.holds(t) {
			return 0
		}
	}
	return -1
}

// asksName reports whether a question asks for a thing's name: "what was the name of …",
// "what is it called".
func asksName(tokens []analyze.Token) bool {
	for i, t := range tokens {
		if (t.Surface == "name" || t.Surface == "names") && i+1 < len(tokens) && tokens[i+1].Surface == "of" || t.Surface == "called" && !slices.ContainsFunc(tokens[i+1:], func(u analyze.Token) bool { return !namingAdverbs[u.Surface] }) {
			return true
		}
		if t.Surface == "names" && i+1 == len(tokens) && i > 0 && !tokens[i-1].Stop {
			return true // "aliyev grandchildren names"
		}
	}
	return false
}

// namingAdverbs may follow the "called" that asks a name: "what was it called exactly".
var namingAdverbs = map[string]bool{"exactly": true, "precisely": true, "again": true, "officially": true, "then": true, "actually": true}

// acronymAsked returns the word a question asks what it stands for ("what does ANAMA
// stand for", "CICA is short for what", "the full form of BRI", "ANAMA's full name"), or "".
func acronymAsked(tokens []analyze.Token) string {
	for i := 1; i+1 < len(tokens); i++ {
		switch t := tokens[i].Surface; {
		case (t == "stand" || t == "stands" || t == "short") && tokens[i+1].Surface == "for":
			return tokens[i-1].Surface
		case t == "full" && markedExpansionNouns.holds(tokens[i+1]) && !tokens[i-1].Stop && (i+2 == len(tokens) || tokens[i+2].Surface != "of"):
			return tokens[i-1].Surface // "what is ANAMA's full name"
		case markedExpansionNouns.holds(tokens[i]) && tokens[i-1].Surface == "full" && tokens[i+1].Surface == "of" && i+2 < len(tokens):
			j := i + 2
			if tokens[j].Surface == "the" && j+1 < len(tokens) {
				j++
			}
			return tokens[j].Surface
		}
	}
	return ""
}

// expansionNouns are what "full" asks an abbreviation's of: "full form", "full name".
var expansionNouns = map[string]bool{"form": true, "name": true, "title": true}

// acronymFrame are the words of a question asking what an abbreviation stands for.
var acronymFrame = map[string]bool{"stand": true, "stands": true, "short": true, "full": true, "form": true}

// whichPhrase returns the words of the noun phrase a "which" question, or a request to
// "name the …", asks about, when it has two words or more ("Which Central Asia-related
// formats did they discuss?" → central, asia, related, formats), or nil.
func whichPhrase(tokens []analyze.Token) []analyze.Token {
	for i, t := range tokens {
		start := i + 1
		switch {
		case t.Surface == "which":
		case namingRequest(tokens, i):
			start++ // "name the Chinese companies that …"
		case nameOf(tokens, i) > 0:
			start = nameOf(tokens, i) // "the name of the Chinese company that …"
		default:
			continue
		}
		for start < len(tokens) && (genericModifiers[tokens[start].Surface] || tokens[start].Surface == "other") {
			start++ // "which specific Chinese companies": the Chinese companies
		}
		if start < len(tokens) && sizeSuperlatives[tokens[start].Surface] {
			return nil // "China is which largest partner": its rank, no partner named
		}
		end := start
		for end < len(tokens) && end < start+4 && !tokens[end].Stop && !tokens[end].Number {
			end++
		}
		if end-start < 2 || end == len(tokens) {
			return nil
		}
		return tokens[start:end]
	}
	return nil
}

// nameOf returns where the noun phrase starts after "the name of (the)" at tokens[i],
// which asks as "which" does ("what's the name of the Chinese company …"), or 0.
func nameOf(tokens []analyze.Token, i int) int {
	if tokens[i].Surface != "name" && tokens[i].Surface != "names" || i+2 >= len(tokens) || tokens[i+1].Surface != "of" {
		return 0
	}
	if markedArticles.holds(tokens[i+2]) {
		return i + 3
	}
	return i + 2
}

// namingRequest reports whether tokens[i] opens a request to name the things a noun
// phrase after an article describes: "name the Chinese companies that …", "list the …".
func namingRequest(tokens []analyze.Token, i int) bool {
	return i == 0 && (tokens[0].Surface == "name" || tokens[0].Surface == "list") && len(tokens) > 1 && markedArticles.holds(tokens[1])
}

// whichHead returns the query term of the noun a "which" or "what" question (or "name the
// …") asks for when it is a kind of thing known by name ("Which Chinese companies will
// build …" → "companies", "what political party" → "party"), or -1. "Which sectors" may
// be answered by a list of sectors that never says "sectors".
func (e *Engine) whichHead(q *question) int {
	for i, t := range q.tokens {
		start := i + 1
		switch {
		case t.Surface == "which" || t.Surface == "what":
		case namingRequest(q.tokens, i):
			start++ // "name the Chinese companies that …" asks as "which" does
		case nameOf(q.tokens, i) > 0:
			start = nameOf(q.tokens, i) // "what's the name of the Chinese company …"
		default:
			continue
		}
		head := ""
		for _, u := range q.tokens[start:min(len(q.tokens), start+3)] {
			if u.Stop || u.Number {
				break
			}
			if namedKinds[u.Surface] || occasionKinds[u.Surface] || e.mistypedKind(u.Surface) {
				// "which Chinese companies account for …": the kind, right after "which"
				// or up to two words on ("what Armenian media outlet"); not a noun further
				// on ("which MP told Trend that companies …").
				head = u.Surface
				break
			}
		}
		if head == "" {
			continue // "what's the name of the company …": the kind may come later
		}
		return q.termOf(head)
	}
	return -1
}

// mistypedKind reports whether w is one of namedKinds mistyped: "compnies".
func (e *Engine) mistypedKind(w string) bool { return e.mistypedIn(w, sortedNamedKinds) != "" }

// namedKinds are the kinds of thing an answer names: a company, a city, a university.
var namedKinds = map[string]bool{
	"company": true, "companies": true, "firm": true, "firms": true, "corporation": true,
	"corporations": true, "bank": true, "banks": true, "university": true, "universities": true,
	"city": true, "cities": true, "town": true, "towns": true, "province": true, "provinces": true,
	"region": true, "regions": true, "port": true, "ports": true, "airline": true, "airlines": true,
	"newspaper": true, "newspapers": true, "agency": true, "agencies": true, "ministry": true,
	"ministries": true, "party": true, "parties": true, "school": true, "schools": true,
	"team": true, "teams": true, "hotel": true, "hotels": true, "brand": true, "brands": true,
	"journalist": true, "journalists": true, "reporter": true,
	"reporters": true, "channel": true, "channels": true, "magazine": true, "magazines": true,
	"outlet": true, "outlets": true, "website": true, "websites": true,
	"publication": true, "publications": true, "broadcaster": true, "broadcasters": true,
	"organization": true, "organizations": true, "organisation": true, "organisations": true,
}

// occasionKinds are kinds of occasion, which an answer names ("the SCO summit in
// Tianjin") or tells by a word of its own ("the upcoming 35th anniversary"): "what events
// are planned for the anniversary" is not answered by the anniversary alone.
var occasionKinds = map[string]bool{
	"event": true, "events": true, "celebration": true, "celebrations": true, "festivities": true,
	"ceremonies": true, "activities": true, "festival": true, "festivals": true,
}

// occasionWords tell of an occasion, besides eventNouns.
var occasionWords = map[string]bool{
	"anniversary": true, "exhibition": true, "festival": true, "concert": true, "parade": true,
	"games": true, "expo": true, "reception": true, "commemoration": true,
}

// namesOccasion reports whether a fact tells of an occasion by a word the question does
// not use: "the upcoming 35th anniversary" for "what events did the ministers welcome".
func namesOccasion(q *question, f *Fact) bool {
	for w := range strings.FieldsFuncSeq(strings.ToLower(f.Text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if (eventNouns[w] || occasionWords[w]) && !q.hasWord(w) {
			return true
		}
	}
	return false
}

// reportVerbs tell what the news said, as speech verbs tell what people said: "what did
// Sputnik report about …".
var reportVerbs = map[string]bool{"report": true, "reported": true, "reports": true, "write": true, "wrote": true, "written": true}

// speechTopic returns the query terms after "about", "of" or "on" that follow a verb of
// saying in "what did X say/think about Y", or after "to" in "how did X react to Y", or
// nil.
func speechTopic(q *question) []int {
	// The question word may follow a phrase that sets the scene: "in the Xinhua
	// interview, what did Aliyev say about …".
	start := slices.IndexFunc(q.tokens, func(t analyze.Token) bool { return markedQuestionWord.holds(t) || markedWhatWords.holds(t) })
	if start < 0 || !markedWhatWords.holds(q.tokens[start]) && q.tokens[start].Surface != "how" {
		return nil
	}
	for i := start + 1; i+1 < len(q.tokens); i++ {
		p := q.tokens[i+1].Surface
		switch {
		case markedReactionVerbs.holds(q.tokens[i]) && p == "to": // "how did Russia react to …"
		case !markedSpeechVerbsAsked.holds(q.tokens[i]) && !reportVerbs[q.tokens[i].Surface]:
			continue
		case p != "about" && p != "of" && p != "on" && p != "regarding":
			return nil
		}
		words := map[string]bool{}
		for _, t := range q.tokens[i+2:] {
			if !t.Stop {
				words[t.Surface] = true
			}
		}
		var out []int
		for k, qt := range q.terms {
			if words[qt.Word] {
				out = append(out, k) // a phrase read as one word: "each other"
				continue
			}
			for w := range strings.FieldsSeq(qt.Word) {
				if words[w] {
					out = append(out, k)
					break
				}
			}
		}
		return out
	}
	return nil
}

// speechActs are verbs of saying or wanting, beyond speechVerbsAsked: what someone vowed,
// urged or hoped for is told in the words they said, whichever verb the article uses.
var speechActs = map[string]bool{
	"vow": true, "vowed": true, "promise": true, "promised": true, "pledge": true, "urge": true,
	"urged": true, "boast": true, "boasted": true, "tout": true, "touted": true, "insist": true,
	"insisted": true, "suggest": true, "suggested": true, "propose": true, "proposed": true,
	"demand": true, "demanded": true, "want": true, "wanted": true, "hope": true, "hoped": true,
	"wish": true, "wished": true, "expect": true, "expected": true, "ask": true, "asked": true,
	"request": true, "requested": true, "seek": true, "sought": true, "intend": true,
	"reveal": true, "revealed": true, "disclose": true, "disclosed": true, "admit": true,
	"admitted": true, "warn": true, "warned": true, "assert": true, "asserted": true,
	"declare": true, "declared": true, "state": true, "stated": true, "reply": true,
	"replied": true, "recommend": true, "recommended": true, "predict": true, "predicted": true,
	"envisage": true, "envision": true, "foresee": true, "reckon": true, "feel": true, "felt": true,
	"credit": true, "credited": true, "attribute": true, "attributed": true, "blame": true, "blamed": true,
	"announce": true, "announced": true, "confirm": true, "confirmed": true,
	// What two sides discussed is told in what they said, agreed or stressed.
	"discuss": true, "discussed": true, "talk": true, "talked": true, "debate": true,
	"debated": true, "brag": true, "bragged": true,
}

// roleChange returns the query term of the verb of "When did Bayramov become foreign
// minister?" or "When was Xi elected?", or -1: such a question asks when someone took up a
// role, which a sentence that merely calls him by it on some date does not say.
func roleChange(q *question) int {
	if q.kind != AskWhen {
		return -1
	}
	for i, qt := range q.terms {
		// "Since when has Wang Yi been foreign minister?" asks it too: a fact of his
		// role, unless it says since when, does not tell.
		if appointVerbs[qt.Word] || becomeVerbs[qt.Word] && rolesAfter(q.tokens, qt.Word) || qt.Word == "since" && rolesAfter(q.tokens, "been") {
			return i
		}
	}
	return -1
}

// rolesAfter reports whether a role follows the word in the question ("become foreign
// minister"): "become independent" or "become partners" takes up no role.
func rolesAfter(tokens []analyze.Token, word string) bool {
	for i, t := range tokens {
		if t.Surface != word {
			continue
		}
		for _, n := range tokens[i+1 : min(len(tokens), i+5)] {
			if markedRoles.holds(n) || markedPersonNouns.holds(n) {
				return true // "become foreign minister", "been China's top diplomat"
			}
		}
	}
	return false
}

// appointVerbs say that someone was given a role; becomeVerbs that someone took one up,
// when a role follows.
var (
	appointVerbs = map[string]bool{"appointed": true, "elected": true, "reelected": true, "sworn": true, "inaugurated": true}
	becomeVerbs  = map[string]bool{"become": true, "became": true, "becomes": true}
)

// modals stand between "who" and the verb: "who will chair …", "who has visited …".
var modals = map[string]bool{"will": true, "would": true, "can": true, "could": true, "has": true, "have": true, "had": true, "should": true, "might": true, "must": true}

// namesSomething reports whether a query term is a name of the articles, as written.
func (e *Engine) namesSomething(qt index.QueryTerm) bool {
	for _, alt := range qt.Alts {
		if len(alt.Terms) == 1 && alt.Factor >= 1 && e.names[e.ix.TermString(alt.Terms[0])] {
			return true
		}
	}
	return false
}

// isPersonPart reports whether w (lower-case) is a part of a person's name.
func (e *Engine) isPersonPart(w string) bool { return len(e.personParts[w]) > 0 }

// copulaHead returns the noun a question of the form "what/who is the X …" (or "how long
// is a X …", "who is China's X …") asks about: the last word of the phrase after the
// article or a person's possessor, up to the first function word ("the Chinese ambassador in
// Baku" → "ambassador"). possessors are the words the question writes with "'s". It
// returns "" for other questions.
func copulaHead(tokens []analyze.Token, possessors map[string]bool) string {
	head, _ := copulaPhrase(tokens, possessors)
	return head
}

// ownedPhrase is copulaPhrase for a question of the form "what is X's Y": the noun it asks
// about, Y's last word, and Y's words ("what is China's defence budget" → "budget";
// "defence", "budget"), or "".
func ownedPhrase(tokens []analyze.Token, possessors map[string]bool) (head string, words []string) {
	i := 1 + slices.IndexFunc(tokens[min(1, len(tokens)):], func(t analyze.Token) bool { return possessors[t.Surface] })
	if i < 1 {
		return "", nil // ("what's" is no possessor)
	}
	owned := slices.Clone(tokens)
	owned[i] = analyze.Token{Term: "the", Surface: "the", Stop: true} // read as "what is the defence budget"
	return copulaPhrase(owned, nil)
}

// copulaPhrase is copulaHead, with the words of the phrase the head ends ("the first
// president" → "first", "president").
func copulaPhrase(tokens []analyze.Token, possessors map[string]bool) (head string, words []string) {
	if len(tokens) == 0 {
		return "", nil
	}
	first := tokens[0].Surface
	if w, ok := contractedCopula[first]; ok {
		// "whats the budget": the question word has swallowed its "is".
		tokens = append([]analyze.Token{{Term: w, Surface: w, Stop: true}, {Term: "is", Surface: "is", Stop: true}}, tokens[1:]...)
		first = w
	}
	if !questionWord[first] {
		return "", nil
	}
	i := 1
	if first == "how" {
		if i >= len(tokens) || measures[tokens[i].Surface] == nil {
			return "", nil // "How was the leader greeted?" asks a manner, not what a thing is
		}
		i++ // how long, how far, how old
	}
	if i < len(tokens) && markedCopulas.holds(tokens[i]) {
		i++ // "what is the"; "what's the" has lost its "'s"
		if first == "what" && i+1 < len(tokens) && (tokens[i].Surface == "on" || tokens[i].Surface == "in") && markedArticles.holds(tokens[i+1]) {
			i++ // "what was on the menu": what the menu held
		}
	}
	// A possessor determines the noun of a person asked for ("who is China's ambassador"),
	// but what a thing's "rank" or "take" is need not be said in those words.
	if i >= len(tokens) || !markedArticles.holds(tokens[i]) && !(possessors[tokens[i].Surface] && first == "who") {
		return "", nil
	}
	before := ""
	for i++; i < len(tokens) && !tokens[i].Stop; i++ {
		head, before = tokens[i].Surface, head
		words = append(words, head)
		if isParticiple(head) && before != "" {
			if before == "first" {
				// "when were the missions first established": an adverb of the deed, no
				// part of the thing
				words = slices.Delete(words, len(words)-2, len(words)-1)
				before = ""
				if len(words) > 1 {
					before = words[len(words)-2]
				}
			}
			if whatWords[first] {
				// "what is the 2030 strategy linked to": the strategy, which is linked
				head, words = before, words[:len(words)-1]
			}
			break // "where were the documents signed back in 2019": the signing
		}
		if len(words) > 2 && strings.HasSuffix(head, "s") && speechVerbsAsked[strings.TrimSuffix(head, "s")] {
			// "the agreement Alizadeh calls a turning point": the speaker's words end the
			// phrase before their subject.
			head, words = words[len(words)-3], words[:len(words)-2]
			break
		}
		if before != "" && strings.HasSuffix(head, "ing") && i+1 < len(tokens) && markedArticles.holds(tokens[i+1]) {
			// "the event marking the victory": a verb with its object ends the phrase.
			head, words = before, words[:len(words)-1]
			break
		}
		if before != "" && isAdverb(tokens[i]) && (i+1 == len(tokens) || tokens[i+1].Stop) {
			// "the SCO summit together with …": an adverb ends the noun phrase (but
			// "the president formally welcomed" is read to its verb).
			head, words = before, words[:len(words)-1]
			break
		}
		if before != "" && i+1 < len(tokens) && markedParticles.holds(tokens[i+1]) {
			// "the new working group set up under …": a verb of two words ends it
			head, words = before, words[:len(words)-1]
			break
		}
	}
	if frameWords[head] && !genericModifiers[before] {
		head = before // "the temperature goal" asks about a temperature; "the official name" not about officials
	}
	if frameWords[head] || whenNouns[head] || amountNouns[head] || degreeNouns[head] || lastingVerbs[head] {
		return "", words
	}
	return head, words
}

// degreeNouns ask how far a thing has gone ("the current level of trade"), which a fact
// tells without the word.
var degreeNouns = map[string]bool{"level": true, "levels": true, "extent": true, "scale": true, "state": true}

// mistypedAdverb reports whether w is an adverb in -ly mistyped ("realy", "finaly"): no
// English word, though it ends as one.
func (e *Engine) mistypedAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && e.english[w] == 0
}

// isAdverb reports whether a token is an adverb: a word in -ly whose stem keeps no "-li"
// of a noun ("officially", not "family"), or one of a few adverbs of accompaniment.
func isAdverb(t analyze.Token) bool {
	switch t.Surface {
	case "together", "alongside", "along", "jointly", "ever", "never", "already", "also", "still", "even", "ahead":
		return true
	}
	return strings.HasSuffix(t.Surface, "ly") && !strings.HasSuffix(t.Term, "li")
}

// isParticiple reports whether w looks like a verb's past participle ("signed"), which
// ends a passive question's phrase: what follows it is no part of the thing asked about.
func isParticiple(w string) bool {
	return len(w) >= 5 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed")
}

// genericModifiers qualify a noun without naming a thing of their own ("the official
// name", "the main goal").
var genericModifiers = map[string]bool{
	"official": true, "full": true, "exact": true, "real": true, "actual": true, "main": true,
	"primary": true, "key": true, "overall": true, "proper": true, "formal": true, "stated": true,
	"declared": true, "ultimate": true, "whole": true, "complete": true, "specific": true,
	"precise": true, "true": true, "correct": true,
}

// contractedCopula are question words typed with their "is" run on, without the apostrophe.
var contractedCopula = map[string]string{"whats": "what", "whos": "who", "wheres": "where"}

var (
	copulas  = map[string]bool{"is": true, "are": true, "was": true, "were": true, "s": true}
	articles = map[string]bool{"the": true, "a": true, "an": true}
)

// genreWords name made-up work a bot might be asked to write.
var genreWords = map[string]bool{
	"joke": true, "jokes": true, "poem": true, "poems": true, "poetry": true, "song": true,
	"songs": true, "lyrics": true, "haiku": true, "limerick": true, "sonnet": true, "riddle": true,
	"rap": true, "pun": true, "puns": true, "verse": true, "rhyme": true, "essay": true, "fairy": true,
	"prediction": true, "predictions": true, "forecast": true, "prophecy": true,
}

// makeWords open a request to make something rather than a question.
var makeWords = map[string]bool{
	"write": true, "compose": true, "draw": true, "sing": true, "paint": true, "invent": true,
	"imagine": true, "pretend": true, "translate": true, "draft": true, "rewrite": true,
	"predict": true, "forecast": true, "speculate": true,
}

// isRequest reports whether tokens ask for made-up work or a service rather than what the
// articles say: a genre of work ("a joke about diplomats"), an imperative to make
// something as the first word ("Write …"), or a verb done for the asker ("book me a
// flight", "can you find us a hotel") that is not one of telling.
func isRequest(tokens []analyze.Token) bool {
	for i, t := range tokens {
		if markedGenreWords.holds(t) && !askersOwn(tokens, i) || (i == 0 && markedMakeWords.holds(t)) || asksWording(tokens, i) {
			return true
		}
		if markedMakeWords.holds(t) && i >= 2 && forAsker[tokens[i-1].Surface] && tokens[i-2].Surface == "help" {
			return true // "help me write the conclusion for my thesis"
		}
	}
	verb := requestVerb(tokens)
	if verb+1 >= len(tokens) || markedQuestionWord.holds(tokens[verb]) || markedAuxiliaries.holds(tokens[verb]) || markedTellVerbs.holds(tokens[verb]) {
		return false
	}
	return verb > 0 && markedMakeWords.holds(tokens[verb]) || forAsker[tokens[verb+1].Surface]
}

// asksOpinion reports whether a question asks the bot's own opinion or advice: "in your
// opinion", "what do you think", "do you believe", "should I …", "can you recommend".
func asksOpinion(tokens []analyze.Token) bool {
	if len(tokens) > 2 && (tokens[0].Surface == "should" || tokens[0].Surface == "shall") && (tokens[1].Surface == "i" || tokens[1].Surface == "we") {
		return true // "should I learn Chinese or Russian": advice
	}
	for i := 0; i+1 < len(tokens); i++ {
		w, next := tokens[i].Surface, tokens[i+1].Surface
		if (w == "your" || w == "ur" || w == "honest") && opinionNouns[next] || (w == "you" || w == "u") && opinionVerbs[next] || markedRecommending.holds(tokens[i]) && (next == "me" || next == "us") {
			return true
		}
	}
	// "is China or Russia the better ally": a choice between two by judgement; "who
	// would win in a fight": a contest that never took place.
	hasOr, better := false, false
	for i, t := range tokens {
		hasOr = hasOr || t.Surface == "or"
		better = better || comparativeJudgements[t.Surface]
		if t.Surface == "win" && i > 0 && (tokens[i-1].Surface == "would" || tokens[i-1].Surface == "could") {
			return true
		}
	}
	if hasOr && better {
		return true
	}
	// "is Xi a good leader": a judgement of a person, which the news does not make.
	if len(tokens) > 3 && markedCopulas.holds(tokens[0]) {
		for i := 2; i+1 < len(tokens); i++ {
			if (tokens[i].Surface == "a" || tokens[i].Surface == "an") && judgements[tokens[i+1].Surface] {
				return true
			}
		}
	}
	return false
}

// comparativeJudgements rank one above another by judgement: "the better ally".
var comparativeJudgements = map[string]bool{"better": true, "worse": true, "superior": true, "inferior": true}

// judgements call someone good or bad.
var judgements = map[string]bool{"good": true, "bad": true, "great": true, "terrible": true, "nice": true, "evil": true, "decent": true}

// opinionNouns and opinionVerbs ask what the bot itself holds.
var (
	opinionNouns = map[string]bool{"opinion": true, "view": true, "take": true, "thoughts": true, "personal": true}
	opinionVerbs = map[string]bool{"think": true, "believe": true, "feel": true, "reckon": true, "guess": true, "recommend": true, "suggest": true, "advise": true}
	// recommending asks the bot's advice for the asker: "recommend me a hotel".
	recommending = map[string]bool{"recommend": true, "suggest": true, "advise": true}
)

// askersOwn reports whether the work named at tokens[i] is the asker's own, which the
// question is asked for: "for my essay", "i'm writing an essay on the SCO - which summit
// …". A first person's "my" or "our", or a first person doing it ("i'm writing", "we are
// preparing"), comes at most four words before it.
func askersOwn(tokens []analyze.Token, i int) bool {
	for k := max(0, i-4); k < i; k++ {
		switch w := tokens[k].Surface; {
		case w == "my" || w == "our":
			return true
		case strings.HasSuffix(w, "ing") && k > 0:
			for j := max(0, k-2); j < k; j++ {
				if firstPersons[tokens[j].Surface] {
					return true
				}
			}
		}
	}
	return false
}

// firstPersons are the words by which an asker says "I am" or "we are", as typed in chat.
var firstPersons = map[string]bool{"i": true, "im": true, "we": true, "am": true, "m": true}

// requestVerb returns the position of the verb of an imperative or of "can you …": the
// first word after the polite ones.
func requestVerb(tokens []analyze.Token) int {
	verb := 0
	for verb < len(tokens) && (politeWords[tokens[verb].Surface] || verb > 0 && (tokens[verb].Surface == "you" || tokens[verb].Surface == "u") && politeWords[tokens[verb-1].Surface]) {
		verb++
	}
	return verb
}

// asksToBeShown reports whether "show" at tokens[i] asks to be shown something ("show me
// the agreements", "please show the list"), rather than says what a thing shows.
func asksToBeShown(tokens []analyze.Token, i int) bool {
	return i == requestVerb(tokens) || i+1 < len(tokens) && forAsker[tokens[i+1].Surface]
}

// asksWording reports whether tokens[i] opens a question on how words are said ("how do
// you say 'thank you' in Azerbaijani", "how to spell Aliyev"): a translation, not what the
// articles say. Only function words stand between "how" and the verb ("how did Aliyev
// say …" asks what he said), and "say" or "write" must name a language after it ("how
// would you say relations changed" asks for a description).
func asksWording(tokens []analyze.Token, i int) bool {
	if tokens[i].Surface != "how" {
		return false
	}
	for k := i + 1; k < min(len(tokens), i+5); k++ {
		switch t := tokens[k].Surface; {
		case t == "pronounce" || t == "spell":
			return true
		case t == "say" || t == "write" || strings.HasPrefix(t, "say "): // "say thank you" is read as one word
			for j := k + 2; j < len(tokens); j++ {
				if tokens[j-1].Surface == "in" && languages[tokens[j].Surface] {
					return true
				}
			}
			return false
		case !tokens[k].Stop:
			return false
		}
	}
	return false
}

// languages are the languages a question may ask a word in.
var languages = map[string]bool{
	"azerbaijani": true, "azeri": true, "chinese": true, "mandarin": true, "cantonese": true,
	"russian": true, "english": true, "turkish": true, "persian": true, "french": true,
	"german": true, "spanish": true, "arabic": true,
}

// politeWords open a request before its verb: "please", "can you", "could you".
var politeWords = map[string]bool{"please": true, "pls": true, "plz": true, "can": true, "could": true, "would": true, "will": true, "kindly": true}

// forAsker are the words after a verb that say it is to be done for the asker.
var forAsker = map[string]bool{"me": true, "us": true}

// tellVerbs ask to be told or shown something: a question put as a request ("tell me …",
// "show me the agreements").
var tellVerbs = map[string]bool{
	"tell": true, "show": true, "give": true, "explain": true, "remind": true, "let": true,
	"help": true, "say": true, "list": true, "name": true, "describe": true, "summarize": true,
	"summarise": true, "inform": true, "teach": true, "walk": true, "brief": true, "update": true,
	"find": true, "fetch": true, "quote": true, "cite": true, "point": true, "send": true,
}

// callParticles make "call" a verb of its own ("called for", "called on").
var callParticles = map[string]bool{"for": true, "on": true, "upon": true}

// orderWords are the function words of order in time and the words of the articles that
// say the same, as terms.
var orderWords = map[string][]string{
	"before": {"prior", "preced", "ahead", "earlier", "previous", "previously"},
	"after":  {"follow", "later", "subsequ", "subsequently"},
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
		return markedPairWords.holds(tokens[i+1])
	}
	return markedPairWords.holds(t) && i > 0 && (tokens[i-1].Surface == "two" || tokens[i-1].Surface == "both")
}

// countryPair reports whether tokens[i] is one of the two capitals named together for the
// pair of countries the articles are about: "Baku and Beijing", "Baku n Beijing". Every
// sentence is about them, whether it names them or says "both sides". ("Azerbaijan and
// China", named so, are still looked for as written.)
func countryPair(tokens []analyze.Token, i int) bool {
	side := func(j int) string {
		if j < 0 || j >= len(tokens) {
			return ""
		}
		return capitalsCountry[tokens[j].Term]
	}
	and := func(j int) bool {
		return j >= 0 && j < len(tokens) && (tokens[j].Surface == "and" || tokens[j].Surface == "n" || tokens[j].Surface == "&")
	}
	me := side(i)
	if me == "" {
		return false
	}
	if and(i+1) && side(i+2) != "" && side(i+2) != me {
		return true
	}
	return and(i-1) && side(i-2) != "" && side(i-2) != me
}

// capitalsCountry maps the terms of the two capitals to their countries' terms: "Baku's
// foreign minister" is Azerbaijan's.
var capitalsCountry = map[string]string{"baku": "azerbaijan", "beij": "china"}

// asksFuture reports whether a question asks when or by whom something is to come: "When
// will …", "Who will chair it next?", "… visit again?". ("Which industries will see more
// cooperation" asks what was agreed, and is answered by the agreement.)
func asksFuture(tokens []analyze.Token) bool {
	for i, t := range tokens {
		if i > 0 && t.Surface == "will" && (tokens[i-1].Surface == "when" || tokens[i-1].Surface == "who") || t.Surface == "next" && !askedInPast(tokens) || t.Surface == "again" && !askedInPast(tokens) && toBeDone(tokens) {
			// "when are they meeting next", "when will they meet again"; but "what were
			// the three evil forces again" or "china is its what-largest partner again"
			// ask to be reminded, and "what did they do next" asks what followed
			return true
		}
		if i > 0 && (tokens[i-1].Surface == "when" || tokens[i-1].Surface == "who") && afterGoingTo(tokens, i) > i {
			return true // "who's going to chair", "who is gonna head it"
		}
	}
	return false
}

// toBeDone reports whether a question speaks of a deed to come: with "will" or "gonna",
// or a verb in "-ing" ("when are they meeting again").
func toBeDone(tokens []analyze.Token) bool {
	return slices.ContainsFunc(tokens, func(t analyze.Token) bool {
		return t.Surface == "will" || t.Surface == "gonna" || len(t.Surface) > 5 && strings.HasSuffix(t.Surface, "ing")
	})
}

// asksOutcome reports whether a question asks how a thing turned out: "Did he actually
// go?", "did it end up happening". A fact of what was to come then does not answer it.
func asksOutcome(tokens []analyze.Token) bool {
	for len(tokens) > 0 && markedDiscourseWords.holds(tokens[0]) {
		tokens = tokens[1:] // "so did he actually go"
	}
	if claim, ok := claimOf(tokens); ok && askedInPast(tokens) {
		tokens = claim // "is it true that he actually attended": as "did he actually attend"
	} else if len(tokens) == 0 || tokens[0].Surface != "did" {
		return false
	}
	for i, t := range tokens {
		switch {
		case outcomeWords[t.Surface]:
			return true
		case (t.Surface == "end" || t.Surface == "ended") && i+1 < len(tokens) && tokens[i+1].Surface == "up":
			return true
		case t.Surface == "in" && i+2 < len(tokens) && tokens[i+1].Surface == "the" && tokens[i+2].Surface == "end":
			return true
		}
	}
	return false
}

// outcomeVerb returns the query term of the verb after "did" and its subject in an
// outcome question ("Did Aliyev actually attend …" → "attend"), or -1.
func (e *Engine) outcomeVerb(q *question) int {
	for _, t := range q.tokens[1:] {
		if e.inSubject(t) || outcomeWords[t.Surface] {
			continue
		}
		return q.termOf(t.Surface)
	}
	return -1
}

// heldPast reports whether a question asks where an event was held, in the past tense
// ("Where was the event held?"): a fact of an event still to come does not say.
func heldPast(tokens []analyze.Token) bool {
	past, held := false, false
	for _, t := range tokens {
		past = past || t.Surface == "was" || t.Surface == "were" || t.Surface == "did"
		held = held || staging[t.Surface]
	}
	return past && held
}

// askedInPast reports whether a question's first verb is in the past, or the perfect that
// reaches from it: "When were they established?", "when did it happen", "since when has
// it been independent again".
func askedInPast(tokens []analyze.Token) bool {
	if claim, ok := claimOf(tokens); ok {
		tokens = claim
		for i, t := range claim {
			if pastForm(t.Surface) && (i == 0 || claim[i-1].Surface != "to") {
				return true // "is it true that he attended it": a claim of what he did
			}
		}
	}
	for i, t := range tokens {
		switch t.Surface {
		case "was", "were", "did":
			return true
		case "has", "have":
			// "since when has it been independent again": so it has been since then
			return i+1 < len(tokens) && tokens[i+1].Surface == "been" || i+2 < len(tokens) && tokens[i+2].Surface == "been"
		case "is", "are", "will", "does", "do":
			return false
		}
	}
	return false
}

// asksPlan reports whether a question asks about a plan, in the words the articles tell
// of plans in ("When were the summits scheduled?"), others ("when was it due to take
// place") or of an invitation ("which event was he invited to attend in August").
func asksPlan(q *question) bool {
	if containsAny(q.lower, plannedPhrases) {
		return true
	}
	// Past the question's own question word, a relative pronoun opens a clause that names
	// the thing asked about: "the summit that he was invited to".
	opened, clause := false, false
	for _, t := range q.tokens {
		clause = clause || opened && markedRelativePronouns.holds(t)
		opened = opened || isQuestionWord(t)
		if t.Surface == "due" || t.Surface == "supposed" || t.Surface == "slated" || markedInvitationWords.holds(t) && !clause {
			return true
		}
	}
	return false
}

// relativePronouns open a clause that says which thing is meant: "the summit that …".
var relativePronouns = map[string]bool{"that": true, "which": true, "who": true, "whom": true, "where": true}

// invitationWords ask about an invitation, which is a plan: "which event was he invited
// to attend".
var invitationWords = map[string]bool{"invited": true, "invite": true, "invites": true, "invitation": true, "invitations": true}

// tellsStaging reports whether a question asks where an event was staged: "where was it
// held", "hosted", "take place", "celebrated".
func (e *Engine) tellsStaging(tokens []analyze.Token) bool {
	if len(tokens) == 0 || correctQuestionWord(tokens[0].Surface) != "where" {
		return false // "what place does China hold": a rank, not a venue
	}
	for i, t := range tokens {
		if staging[t.Surface] || e.mistypedStaging(t.Surface) || t.Surface == "celebrate" || t.Surface == "celebrated" || t.Surface == "place" && inFramePhrase(tokens, i) {
			return true
		}
	}
	return false
}

// claimFrames open a yes-no question that puts a claim to be checked: "is it true that …".
var claimFrames = [][]string{
	{"is", "it", "true", "that"}, {"is", "it", "correct", "that"}, {"is", "it", "right", "that"},
	{"is", "it", "a", "fact", "that"}, {"is", "it", "so", "that"}, {"confirm", "that"}, {"confirm"},
	{"true", "or", "false"}, {"fact", "check"}, {"fact", "checking"},
	// A moderator's check before posting: "can I post that …".
	{"can", "i", "post", "that"}, {"can", "we", "post", "that"}, {"can", "i", "say", "that"},
	{"can", "i", "share", "that"}, {"ok", "to", "post", "that"},
	// Hearsay put to be checked: "someone said that …", "I heard …".
	{"someone", "said", "that"}, {"someone", "said"}, {"someone", "wrote", "that"}, {"someone", "wrote"},
	{"someone", "posted", "that"}, {"someone", "posted"}, {"someone", "claimed", "that"},
	{"someone", "claimed"}, {"someone", "claims", "that"}, {"someone", "claims"},
	{"people", "say", "that"}, {"people", "say"}, {"i", "heard", "that"}, {"i", "heard"},
	{"heard", "that"}, {"they", "say", "that"},
}

// claimOpeners are the first words of claimFrames, and of hearsay.
var claimOpeners = func() map[string]bool {
	out := map[string]bool{}
	for _, f := range claimFrames {
		out[f[0]] = true
	}
	for w := range hearsayOpeners {
		out[w] = true
	}
	return out
}()

// hearsayOpeners and hearsayVerbs frame a claim heard from someone else: "someone in our
// server says …", "a friend told me …".
var (
	hearsayOpeners = map[string]bool{"someone": true, "somebody": true, "people": true, "a": true, "my": true, "i": true}
	hearsayVerbs   = map[string]bool{"says": true, "said": true, "claims": true, "claimed": true, "posted": true, "wrote": true, "told": true, "insists": true, "read": true, "heard": true, "saw": true}
)

// claimFrameWords returns how many of a question's first words frame the claim it puts
// to be checked ("fact check:", "someone said that"), and whether its last word is a tag
// that asks it ("…, correct?"): neither is what the claim is about.
func claimFrameWords(tokens []analyze.Token) (lead int, tag bool) {
	if claim, ok := claimOf(tokens); ok {
		lead = len(tokens) - len(claim)
	}
	n := len(tokens)
	return lead, n > 3 && endsInTag(tokens) && !slices.ContainsFunc(tokens, isQuestionWord)
}

// claimOf returns the claim a question puts to be checked, after its frame ("is it true
// that"), and whether it puts one.
func claimOf(tokens []analyze.Token) ([]analyze.Token, bool) {
	if len(tokens) == 0 || !markedClaimOpeners.holds(tokens[0]) {
		return nil, false // most questions: no frame opens with their first word
	}
	if hearsayOpeners[tokens[0].Surface] {
		// "someone in our server says (that) …"
		for j := 1; j < min(len(tokens)-2, 6); j++ {
			if hearsayVerbs[tokens[j].Surface] {
				if tokens[j+1].Surface == "that" {
					j++
				}
				return tokens[j+1:], true
			}
		}
	}
	for _, frame := range claimFrames {
		if len(tokens) > len(frame) && slices.EqualFunc(tokens[:len(frame)], frame, func(t analyze.Token, w string) bool { return t.Surface == w }) {
			return tokens[len(frame):], true
		}
	}
	return nil, false
}

// pastForm reports whether a word looks like a verb's past form: "attended", "signed".
func pastForm(w string) bool { return len(w) > 4 && strings.HasSuffix(w, "ed") }

// discourseWords may open a question before its first word: "so did he go", "and when".
var discourseWords = map[string]bool{"so": true, "and": true, "but": true, "ok": true, "okay": true, "well": true, "also": true}

// asksResult reports whether a question asks what came of an event: "What came out of the
// summit?", "what was the outcome of it", "what happened at it", "what did it end up
// deciding". A fact of what was to come at it does not tell.
func asksResult(tokens []analyze.Token) bool {
	for len(tokens) > 0 && markedDiscourseWords.holds(tokens[0]) {
		tokens = tokens[1:] // "so what came out of it"
	}
	if len(tokens) < 4 || !markedWhatWords.holds(tokens[0]) {
		return false
	}
	for i := 2; i+1 < len(tokens); i++ {
		if (tokens[i].Surface == "end" || tokens[i].Surface == "ended") && tokens[i+1].Surface == "up" {
			return true // "what did the summit end up deciding"
		}
	}
	switch w := tokens[1].Surface; {
	case w == "came" || w == "comes" || w == "come":
		return tokens[2].Surface == "out" && tokens[3].Surface == "of"
	case w == "happened":
		return tokens[2].Surface == "at"
	case copulas[w]:
		return resultNouns[tokens[2].Surface] || markedArticles.holds(tokens[2]) && resultNouns[tokens[3].Surface]
	}
	return false
}

// sequelFrom returns the position of the word after "after" in a question that asks what
// came after an event ("what happened after Chen Ming refuted the reports", "what came
// after the visit"), or -1.
func sequelFrom(tokens []analyze.Token) int {
	i := 0
	for i < len(tokens) && markedDiscourseWords.holds(tokens[i]) {
		i++ // "so what happened after …"
	}
	if i+3 >= len(tokens) || !markedWhatWords.holds(tokens[i]) {
		return -1
	}
	if w := tokens[i+1].Surface; (w == "happened" || w == "came" || w == "followed" || w == "occurred") && (tokens[i+2].Surface == "after" || tokens[i+2].Surface == "following") {
		return i + 3
	}
	return -1
}

// asksHowTo reports whether a question asks how the asker is to do something ("how do I
// get a visa", "where can I apply", "how to apply", "how apply chinese visa"): the news
// the articles report says no such thing.
func asksHowTo(tokens []analyze.Token) bool {
	if len(tokens) < 3 {
		return false
	}
	for i := 1; i+1 < len(tokens); i++ {
		// "what docs do I need for a visa": what the asker must bring, not news.
		if (tokens[i].Surface == "i" || tokens[i].Surface == "we") && (tokens[i+1].Surface == "need" || tokens[i+1].Surface == "require") && (tokens[i-1].Surface == "do" || tokens[i-1].Surface == "will" || tokens[i-1].Surface == "would") && slices.ContainsFunc(tokens[:i], isQuestionWord) {
			return true
		}
	}
	switch tokens[0].Surface {
	case "how", "where":
	default:
		return false
	}
	switch w := tokens[1].Surface; {
	case w == "do" || w == "can" || w == "should" || w == "could" || w == "would":
		return tokens[2].Surface == "i" || tokens[2].Surface == "we" || tokens[2].Surface == "one"
	case w == "to":
		return errands[tokens[2].Surface] // not "how to describe their relations"
	default:
		return errands[w]
	}
}

// errands are what a person does for themselves and asks how to, leaving out "do" and "I"
// as one does writing in a hurry or in a second language: "how apply visa".
var errands = map[string]bool{
	"apply": true, "get": true, "obtain": true, "book": true, "buy": true, "register": true,
	"enroll": true, "enrol": true, "renew": true, "extend": true, "contact": true, "find": true,
}

// asksList reports whether a question asks for several things: "list …", "name some …",
// "what are some …", "examples of …".
func asksList(tokens []analyze.Token) bool {
	if len(tokens) == 0 {
		return false
	}
	switch tokens[0].Surface {
	case "list", "name", "enumerate":
		return true
	}
	for _, t := range tokens {
		if t.Surface == "some" || t.Surface == "examples" {
			return true
		}
	}
	if tokens[0].Surface == "which" {
		// "Which multilateral frameworks were referenced?": the ones a list names.
		for _, t := range tokens[1:min(len(tokens), 4)] {
			if t.Stop {
				break
			}
			if plural(t.Surface) {
				return true
			}
		}
	}
	return false
}

// plural reports whether a word looks like a plural noun: "frameworks", "bodies".
func plural(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// resultNouns name how a thing turned out.
var resultNouns = map[string]bool{"outcome": true, "outcomes": true, "result": true, "results": true, "upshot": true}

// outcomeWords ask whether a thing came about in the end.
var outcomeWords = map[string]bool{"actually": true, "eventually": true, "finally": true, "ultimately": true}

// qualifiedNoun is a word of the question that a name right before it qualifies
// ("Azerbaijani companies"), with the terms of the other names the question uses.
type qualifiedNoun struct {
	noun   int            // the query term qualified
	by     map[int32]bool // the terms of the name qualifying it
	others map[int32]bool // the terms of the question's other names
	// reach is how many words before the noun a fact may qualify it: one for an
	// adjective ("Chinese companies"), more for a possessive, which may have adjectives
	// between ("Azerbaijan's fourth-largest economic partner").
	reach int
}

// qualifiedNouns finds the words the question qualifies by the adjective of a place right
// before them, when the question names another place or body too: "Which Azerbaijani companies invest
// in China?" asks about Azerbaijan's companies, not China's.
func (e *Engine) qualifiedNouns(q *question) []qualifiedNoun {
	nameTerms := func(qt index.QueryTerm) map[int32]bool {
		var out map[int32]bool // nil for most terms, which name nothing: no allocation
		for _, alt := range qt.Alts {
			if len(alt.Terms) == 1 && alt.Factor >= 1 && e.names[e.ix.TermString(alt.Terms[0])] {
				if out == nil {
					out = map[int32]bool{}
				}
				out[alt.Terms[0]] = true
			}
		}
		return out
	}
	var out []qualifiedNoun
	for i := 1; i < len(q.terms); i++ {
		by := nameTerms(q.terms[i-1])
		// The qualifier is an adjective of a place ("Azerbaijani"), not the name itself,
		// a person's ("Aliyev's trip") or a role read as its holders ("the leader").
		if len(by) == 0 || len(nameTerms(q.terms[i])) > 0 || strings.Contains(q.terms[i-1].Word, " ") || isRoleTerm(q.terms[i-1]) {
			continue
		}
		demonym := false
		for t := range by {
			demonym = demonym || e.az.Stem(q.terms[i-1].Word) != e.ix.TermString(t)
		}
		noun, reach := i, 1
		if !demonym {
			if !q.possessors[q.terms[i-1].Word] || !e.states[e.az.Word(q.terms[i-1].Word).Term] {
				continue // a state's possessive, not a person's ("Aliyev's trip")
			}
			// "China's economic partners": the noun after its adjective
			noun, reach = min(i+1, len(q.terms)-1), possessiveReach
			if len(nameTerms(q.terms[noun])) > 0 {
				noun = i
			}
		}
		others := map[int32]bool{}
		for j, qt := range q.terms {
			if j == i-1 {
				continue
			}
			for t := range nameTerms(qt) {
				if !by[t] && (reach == 1 || e.states[e.ix.TermString(t)]) {
					others[t] = true // (a possessive's: other states, not "Ministry")
				}
			}
		}
		if len(others) > 0 {
			out = append(out, qualifiedNoun{noun: noun, by: by, others: others, reach: reach})
		}
	}
	return out
}

// possessiveReach is how many words before a noun a possessive may stand.
const possessiveReach = 4

// cityNouns ask for a place finer than a country.
var cityNouns = map[string]bool{"city": true, "cities": true, "town": true, "towns": true, "province": true, "provinces": true, "port": true, "ports": true}

// venueNouns ask for a place something happened at, which the answer need not call so:
// "in which building" is answered by "at the Great Hall of the People".
var venueNouns = map[string]bool{"building": true, "buildings": true, "venue": true, "location": true, "place": true, "spot": true, "region": true, "regions": true}

// asksCity reports whether "which" or "what" asks for a city, with up to two words between
// ("In which Chinese city …", "what city").
func asksCity(tokens []analyze.Token) bool { return asksKind(tokens, cityNouns) }

// asksCountry reports whether a question asks which country or countries, as asksCity
// does a city.
func asksCountry(tokens []analyze.Token) bool { return asksKind(tokens, countryNouns) }

// asksKind reports whether "which" or "what" asks for one of nouns, with up to two words
// between.
func asksKind(tokens []analyze.Token, nouns map[string]bool) bool {
	for i, t := range tokens {
		if t.Surface != "which" && t.Surface != "what" {
			continue
		}
		for _, n := range tokens[i+1 : min(len(tokens), i+4)] {
			if nouns[n.Surface] {
				return true
			}
		}
	}
	return false
}

// buildingNouns ask for a place within a city: "which building", "what hall".
var buildingNouns = map[string]bool{"building": true, "buildings": true, "hall": true, "palace": true, "hotel": true, "residence": true, "room": true}

// buildingPattern finds a building, or a place in a city, that a sentence names: "the
// Great Hall of the People", "Tiananmen Square", "the east gate".
var buildingPattern = regexp.MustCompile(`\b(Hall|Square|Palace|Cent(re|er)|House|Building|Hotel|Residence|Museum|Stadium|Embassy|gate|hall|square)\b`)

// countryNouns ask for countries by name.
var countryNouns = map[string]bool{"country": true, "countries": true, "nation": true, "nations": true}

// asksTalkedAbout reports whether a question asks what was talked or chatted about.
func asksTalkedAbout(tokens []analyze.Token) bool {
	for i := 0; i+1 < len(tokens); i++ {
		if markedTalkVerbs.holds(tokens[i]) && tokens[i+1].Surface == "about" {
			return true
		}
	}
	return false
}

// talkVerbs are the verbs of talking that "about" follows with its topic; not "talking",
// which a statement is said to be doing of what it refers to ("the route it was talking
// about").
var talkVerbs = map[string]bool{
	"talk": true, "talked": true, "chat": true, "chatted": true,
}

// asksFirst reports whether tokens name a superlative of size with no rank before it:
// "largest", not "fourth largest" nor "what-largest".
func (e *Engine) asksFirst(tokens []analyze.Token) bool {
	if asksRank(tokens) {
		return false
	}
	for i, t := range tokens {
		if !sizeSuperlatives[t.Surface] {
			continue
		}
		if i == 0 {
			return true
		}
		prev := tokens[i-1]
		// Not "the second biggest", nor "the secnd biggest", mistyped.
		return !prev.Number && !ordinalWords[prev.Surface] && e.mistypedIn(prev.Surface, sortedOrdinals) == "" && !markedWhatWords.holds(prev) && prev.Surface != "which"
	}
	return false
}

// sizeSuperlatives are the superlatives of size a rank is given with: "fourth-largest".
var sizeSuperlatives = map[string]bool{"largest": true, "biggest": true, "greatest": true}

// asksMost reports whether a question asks for the most of something: "most" after "the"
// or an owner, before a word of its own ("the most important partner", "China's most
// valuable deal"); not "most of", nor the asker's "I would be most grateful".
func asksMost(tokens []analyze.Token, possessors map[string]bool) bool {
	for i := 1; i+1 < len(tokens); i++ {
		if prev := tokens[i-1].Surface; tokens[i].Surface == "most" && !tokens[i+1].Stop && (prev == "the" || possessivePronouns[prev] || possessors[prev]) {
			return true
		}
	}
	return false
}

// possessivePronouns say whose a thing is.
var possessivePronouns = map[string]bool{"its": true, "their": true, "his": true, "her": true, "our": true, "your": true, "my": true}

// ranksFirst finds the words of a sentence that put a thing above all others.
var ranksFirst = regexp.MustCompile(`(?i)\b(most|least|top|leading|foremost|main|primary|principal|largest|biggest|greatest|best|number one)\b`)

// asksRank reports whether a question asks where a thing ranks among the largest ("what
// rank does it have among its largest partners"), not which is the largest.
func asksRank(tokens []analyze.Token) bool {
	return slices.ContainsFunc(tokens, func(t analyze.Token) bool { return markedRankWords.holds(t) || markedPlaceInOrder.holds(t) })
}

// placeInOrder ask, beside rankWords, where a thing stands among others: "among its
// largest partners", "what place", "what position".
var placeInOrder = map[string]bool{"among": true, "place": true, "position": true, "stand": true, "stands": true}

// judgedBest are superlatives, of a judgement or a measure, which a fact must make for a
// question asking it to be answered: "the best time to visit", "the cheapest way", "the
// tallest building". (The largest, biggest and greatest are ranks: see asksFirst.)
var judgedBest = map[string]bool{
	"best": true, "worst": true, "cheapest": true, "easiest": true, "fastest": true,
	"quickest": true, "safest": true, "nicest": true, "prettiest": true, "coolest": true,
	"tastiest": true, "favourite": true, "favorite": true,
	"tallest": true, "longest": true, "shortest": true,
	"oldest": true, "newest": true, "youngest": true, "smallest": true, "richest": true,
	"poorest": true, "busiest": true, "strongest": true, "weakest": true, "deepest": true,
	"hottest": true, "coldest": true, "farthest": true, "furthest": true,
}

// ordinalWords rank a thing: "the fourth largest".
var ordinalWords = map[string]bool{
	"first": true, "second": true, "third": true, "fourth": true, "fifth": true, "sixth": true, "seventh": true,
	"eighth": true, "ninth": true, "tenth": true, "2nd": true, "3rd": true, "4th": true, "5th": true,
}

// afterPlacePreposition reports whether the question writes word right after "in", "at"
// or "from": a place where something happened.
func afterPlacePreposition(tokens []analyze.Token, word string) bool {
	for i := 1; i < len(tokens); i++ {
		if tokens[i].Surface == word {
			switch tokens[i-1].Surface {
			case "in", "at", "from":
				return true
			}
		}
	}
	return false
}

// sharePattern finds a question's percentage of a whole: "percentage of", "percent of".
var sharePattern = regexp.MustCompile(`(?:percentage|percent|%) of\b`)
