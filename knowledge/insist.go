package knowledge

// The words a question insists on beyond its names: the word that says which role,
// document or office it means ("the defence minister", "a double taxation treaty"), the
// thing whose amount it asks ("how much are flights"), the thing it asks to be among
// others ("was nuclear energy among the areas"), and the thing it says changed ("did
// tourist arrivals double"). A fact that misses one tells of something else.

import (
	"slices"
	"strings"

	"github.com/azchina/azchina/knowledge/analyze"
)

// contentVerbs ask what a thing holds: "what does the treaty cover".
var contentVerbs = map[string]bool{
	"cover": true, "covers": true, "include": true, "includes": true, "contain": true,
	"contains": true, "entail": true, "entails": true, "stipulate": true, "stipulates": true,
	"involve": true, "involves": true,
}

// dealNouns name a kind of document two sides sign, or of office one keeps with the other:
// the word before it says which.
var dealNouns = map[string]bool{
	"agreement": true, "agreements": true, "treaty": true, "treaties": true, "accord": true,
	"accords": true, "pact": true, "pacts": true, "deal": true, "deals": true, "memorandum": true,
	"memoranda": true, "protocol": true, "protocols": true, "contract": true, "contracts": true,
	"convention": true,
	// And a kind of office one side keeps with the other.
	"mission": true, "missions": true, "embassy": true, "embassies": true, "consulate": true,
	"consulates": true, "office": true, "offices": true,
}

// requireMeasured makes the thing "how much is" or "how many are" asks the amount of ("how
// much are flights to Beijing") a word the answer must match: a figure of something else
// does not say.
func (e *Engine) requireMeasured(q *question, besides []bool) {
	if q.kind != AskNumber {
		return
	}
	for i := 2; i+1 < len(q.tokens); i++ {
		if q.tokens[i-2].Surface != "how" || q.tokens[i-1].Surface != "much" && q.tokens[i-1].Surface != "many" || !markedCopulas.holds(q.tokens[i]) {
			continue
		}
		j := i + 1
		for j < len(q.tokens) && q.tokens[j].Stop {
			j++
		}
		if j == len(q.tokens) || q.tokens[j].Number || e.states[q.tokens[j].Term] || e.placeTerms[q.tokens[j].Term] || e.isPersonPart(q.tokens[j].Surface) {
			return
		}
		if k := q.termOf(q.tokens[j].Surface); k >= 0 && !besides[k] {
			q.required[k] = true
		}
		return
	}
}

// requireMember makes the words of the thing a question of yes or no asks to be among
// others ("was nuclear energy among the areas …", "is tourism included") ones the answer
// must match: a list without it does not say yes.
func (e *Engine) requireMember(q *question, besides []bool) {
	if q.kind != AskYesNo || len(q.tokens) < 3 || !markedCopulas.holds(q.tokens[0]) {
		return
	}
	end := slices.IndexFunc(q.tokens, func(t analyze.Token) bool { return memberWords[t.Surface] })
	if end > 0 && q.tokens[end].Surface == "part" && (end+1 == len(q.tokens) || q.tokens[end+1].Surface != "of" || takeVerbs[q.tokens[end-1].Surface]) {
		return // "take part in", not "part of"
	}
	if end < 2 {
		return
	}
	for _, t := range q.tokens[1:end] {
		if t.Stop || t.Number || e.states[t.Term] {
			continue
		}
		if k := q.termOf(t.Surface); k >= 0 && !besides[k] {
			q.required[k] = true
		}
	}
}

// requireChanged makes the thing a question of yes or no says changed ("did tourist
// arrivals double"), and how, words the answer must match: trade that doubled is no
// answer, nor are student exchanges that were continued.
func (e *Engine) requireChanged(q *question, besides []bool) {
	if q.kind != AskYesNo {
		return
	}
	for j, t := range q.tokens {
		if !changeVerbs[t.Surface] || t.Surface == "go" || t.Surface == "went" || t.Surface == "change" {
			continue
		}
		if k := q.termOf(t.Surface); k >= 0 && !besides[k] {
			q.required[k] = true // that it changed so
		}
		for i := j - 1; i >= 0 && i >= j-6; i-- {
			m := q.tokens[i]
			if m.Stop || markedAuxiliaries.holds(m) || m.Number || e.states[m.Term] || e.placeTerms[m.Term] || e.isPersonPart(m.Surface) {
				continue // "tourist arrivals in Azerbaijan", "trade between them"
			}
			// The thing and the word before it that says which ("tourist arrivals"), not
			// who said so ("Aliyev claimed bilateral trade grew").
			for end := i - 2; i >= 0 && i > end && !q.tokens[i].Stop && !e.states[q.tokens[i].Term] && !e.placeTerms[q.tokens[i].Term] && !e.isPersonPart(q.tokens[i].Surface) && !speechVerbs[q.tokens[i].Surface]; i-- {
				if k := q.termOfPhrase(q.tokens[i].Surface); k >= 0 && !besides[k] {
					q.required[k] = true
				}
			}
			break
		}
		return
	}
}

// takeVerbs take part.
var takeVerbs = map[string]bool{"take": true, "takes": true, "took": true, "taking": true, "taken": true}

// memberWords say that a thing is one of several: "among", "included", "part of".
var memberWords = map[string]bool{"among": true, "included": true, "including": true, "part": true, "amongst": true}

// signVerbs say that a document was signed.
var signVerbs = map[string]bool{"sign": true, "signed": true, "signing": true, "signs": true, "ink": true, "inked": true, "signature": true, "signatures": true}

// vagueKinds say of a role or a document what many of them are: no word that says which.
var vagueKinds = map[string]bool{
	"new": true, "latest": true, "recent": true, "big": true, "major": true, "main": true,
	"key": true, "important": true, "other": true, "same": true, "bilateral": true,
	"joint": true, "official": true, "formal": true, "whole": true, "entire": true,
	"final": true, "current": true, "former": true, "previous": true, "upcoming": true,
	"historic": true, "various": true, "several": true, "many": true, "cooperation": true,
	"collaboration": true, "signed": true, "international": true, "foreign": true,
	"mutual": true, "reciprocal": true, "comprehensive": true, "strategic": true,
	"news": true, "media": true, "state": true, "government": true,
}

// requireKindWords makes the word that says which role or document a question means ("the
// defence minister", "a double taxation treaty") one the answer must match: a foreign
// minister, or a visa agreement, is another.
func (e *Engine) requireKindWords(q *question, besides []bool) {
	for i := 1; i < len(q.tokens); i++ {
		t := q.tokens[i]
		if !markedRoleForms.holds(t) && !markedDealNouns.holds(t) {
			continue
		}
		if genericRoles[t.Surface] {
			continue // "which foreign leader": a leader of any title
		}
		if markedDealNouns.holds(t) && q.signed {
			// "When did they sign the BRI memorandum?": a document, or one by another name.
			if k := q.termOf(t.Surface); k >= 0 && !besides[k] {
				q.required[k] = true
			}
		}
		// The words before it, up to three ("a nuclear power deal", "the space
		// cooperation agreement": not "cooperation", which many are).
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			m := q.tokens[j]
			if m.Stop || m.Number || e.states[m.Term] || e.placeTerms[m.Term] || e.isPersonPart(m.Surface) || markedRoles.holds(m) {
				break
			}
			if vagueKinds[m.Surface] {
				continue
			}
			if k := q.termOfPhrase(m.Surface); k >= 0 && !besides[k] {
				q.required[k] = true
			}
		}
	}
}

// termOfPhrase returns the index of the term a word is, or is part of ("road" of "belt
// road"), or -1.
func (q *question) termOfPhrase(word string) int {
	if k := q.termOf(word); k >= 0 {
		return k
	}
	for i, qt := range q.terms {
		if strings.Contains(qt.Word, " ") && slices.Contains(strings.Fields(qt.Word), word) {
			return i
		}
	}
	return -1
}
