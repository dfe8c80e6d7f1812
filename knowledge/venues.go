package knowledge

// Where a question and a fact say someone went or something took place: "When did Xi
// last visit Baku?" is not answered by Aliyev's "state visit to China", nor "When will the
// SCO summit be held in Baku?" by "the upcoming SCO Summit in China".

import (
	"slices"
	"strings"

	"github.com/azchina/azchina/knowledge/analyze"
	"github.com/azchina/azchina/knowledge/index"
)

// venues are the terms of the places a sentence tells someone went to or something took
// place in, and whether it tells of a visit.
type venues struct {
	places []string
	visit  bool
}

// travelWords say that someone went somewhere: the name after them, or after "to" or
// "in", is where to.
var travelWords = map[string]bool{
	"visit": true, "visits": true, "visited": true, "visiting": true, "trip": true, "trips": true,
	"travel": true, "travelled": true, "traveled": true, "arrive": true, "arrived": true,
	"tour": true, "went": true, "go": true, "came": true, "come": true, "journey": true,
}

// eventWords name an occasion: the name after "in" or "at" is where it took place.
var eventWords = map[string]bool{
	"summit": true, "meeting": true, "talks": true, "forum": true, "conference": true,
	"ceremony": true, "banquet": true, "held": true, "hosted": true, "place": true,
	// what was put on show: "the flags … are hung at Tiananmen Square"
	"hung": true, "hang": true, "displayed": true, "raised": true,
}

// signWords say a document was signed: the place after "in" or "at", a few words on, is
// where.
var signWords = map[string]bool{"sign": true, "signs": true, "signed": true, "signing": true}

// meetWords say that people met: the place after "in", a few words on, is where.
var meetWords = map[string]bool{"meet": true, "meets": true, "met": true, "meeting": true}

// carryWords say that someone took someone else along: the place after "to", a few words
// on, is where ("brought his family with him to Beijing").
var carryWords = map[string]bool{
	"bring": true, "brings": true, "brought": true, "bringing": true,
	"take": true, "takes": true, "took": true, "taking": true,
	"accompany": true, "accompanies": true, "accompanied": true, "accompanying": true,
}

// venueReach is how many words after a verb of signing or meeting, or an occasion, its
// "in" or "at" may stand (past the document's name or the one met: "signed the mutual visa
// exemption agreement in Baku").
const venueReach = 7

// venueAt returns the index of the token a venue word at tokens[i] says is where: the
// word after it (a visit only), or after "to", "in" or "at" and an article (for a signing,
// a meeting or an occasion, up to venueReach words on); or -1.
func venueAt(tokens []analyze.Token, i int) int {
	travel := markedTravelWords.holds(tokens[i])
	carry := markedCarryWords.holds(tokens[i])
	if !travel && !carry && !markedEventWords.holds(tokens[i]) && !markedSignWords.holds(tokens[i]) && !markedMeetWords.holds(tokens[i]) {
		return -1
	}
	j := i + 1
	if carry {
		// "brought his family with him to Beijing": where to, after whom
		j = len(tokens)
		for k := i + 1; k < len(tokens) && k <= i+venueReach; k++ {
			if tokens[k].Surface == "from" {
				return -1 // "the route it takes from China to Europe": a way, no venue
			}
			if tokens[k].Surface == "to" {
				j = k
				break
			}
		}
	}
	if markedSignWords.holds(tokens[i]) || markedEventWords.holds(tokens[i]) || markedMeetWords.holds(tokens[i]) {
		// "signed the visa deal in Baku": where it was signed, after what was; "talks
		// with Bayramov in Baku", "met Pedro Sanchez in Madrid"
		for k := i + 1; k < len(tokens) && k <= i+venueReach; k++ {
			if tokens[k].Surface == "in" || tokens[k].Surface == "at" {
				j = k
				break
			}
		}
	}
	if j < len(tokens) && (tokens[j].Surface == "to" || tokens[j].Surface == "in" || tokens[j].Surface == "at") {
		j++
	} else if !travel || i > 0 && markedArticles.holds(tokens[i-1]) {
		return -1 // "the visiting Azerbaijani leader" went nowhere Azerbaijani
	}
	if j < len(tokens) && tokens[j].Surface == "the" {
		j++
	}
	if j >= len(tokens) || tokens[j].Stop || tokens[j].Number || monthWords[tokens[j].Surface] {
		return -1 // "the trip in January": a time, not a place
	}
	if j+1 < len(tokens) && eventNouns[tokens[j+1].Surface] {
		return -1 // "come to the SCO summit": an occasion, not a place
	}
	return j
}

// venuesIn reads where a sentence tells someone went or something took place.
func venuesIn(tokens []analyze.Token) venues {
	var v venues
	for i, t := range tokens {
		v.visit = v.visit || markedTravelWords.holds(t)
		if j := venueAt(tokens, i); j >= 0 {
			v.places = append(v.places, tokens[j].Term)
			// and the place it is in: "at Tiananmen Square in Beijing"
			for k := j + 1; k+1 < len(tokens) && k <= j+3; k++ {
				if tokens[k].Surface == "in" && !tokens[k+1].Stop && !tokens[k+1].Number && !monthWords[tokens[k+1].Surface] {
					v.places = append(v.places, tokens[k+1].Term)
					break
				}
			}
		}
		if j := i + 1; t.Surface == "in" && j+1 < len(tokens) && tokens[j+1].Surface == "for" && !tokens[j].Stop && !tokens[j].Number &&
			slices.ContainsFunc(tokens[j+2:min(len(tokens), j+6)], func(u analyze.Token) bool { return travelWords[u.Surface] }) {
			// "was in China for a state visit"
			v.places = append(v.places, tokens[j].Term)
		}
	}
	return v
}

// otherVenue reports whether a fact tells of a visit or an occasion somewhere else than the
// question's. A sentence that tells of a visit without saying where ("During the visit,
// …") goes where the sentence before it in its paragraph says.
func (e *Engine) otherVenue(q *question, doc int) bool {
	asked := q.venues
	if len(asked) == 0 {
		return false
	}
	v := e.venues[doc]
	if f := &e.facts[doc]; len(v.places) == 0 && v.visit && f.Prev >= 0 && e.facts[f.Prev].Paragraph == f.Paragraph {
		v = e.venues[f.Prev]
	}
	// A sentence that places nothing goes on with the scene of the ones before it: "Both
	// ministers expressed satisfaction …" after "… met with Wang Yi in Beijing …".
	for f, n := &e.facts[doc], 0; len(v.places) == 0 && f.Prev >= 0 && e.facts[f.Prev].Source == f.Source && n < sceneReach; n++ {
		f = &e.facts[f.Prev]
		v = e.venues[f.ID]
	}
	if len(v.places) == 0 {
		// Further on, the scene is the story's: where its first sentence tells the
		// occasion took place ("The meeting concluded …" after "… met with Wang Yi in
		// Beijing …" at the top).
		v = e.venues[e.firstFact[e.bySource[e.facts[doc].Source]]]
	}
	other := false
	for _, p := range v.places {
		id, ok := e.ix.Term(p)
		if !ok || !e.isPlace(id) {
			continue
		}
		if asked[id] {
			return false
		}
		other = true
	}
	return other
}

// sceneReach is how many sentences back a sentence that places nothing takes its scene
// from.
const sceneReach = 2

// askedVenues returns the terms of the places a question asks someone went to or something
// took place in, with the places the thesaurus calls so ("Baku": Azerbaijan too).
func (e *Engine) askedVenues(q *question) map[int32]bool {
	var out map[int32]bool
	for i := range q.tokens {
		j := venueAt(q.tokens, i)
		if j < 0 || modifiesNext(q.lower, q.tokens[j].Surface) {
			continue
		}
		for _, qt := range q.terms {
			// The word must name a place itself: "the state visit deals" went nowhere,
			// though deals are "agreements" and an agreement has a name. A city the
			// articles never name stands for its country ("to Moscow": Russia).
			if qt.Word != q.tokens[j].Surface || !slices.ContainsFunc(qt.Alts, func(a index.Alternative) bool {
				return a.Factor >= 1 && len(a.Terms) == 1 && e.isPlace(a.Terms[0])
			}) && !e.standsForPlace(qt) {
				continue
			}
			for _, alt := range qt.Alts {
				if len(alt.Terms) == 1 && e.isPlace(alt.Terms[0]) {
					if out == nil {
						out = map[int32]bool{}
					}
					out[alt.Terms[0]] = true
				}
			}
		}
	}
	return out
}

// modifiesNext reports whether a place written in lower, with up to one word more, is
// joined by a hyphen to the word after it, which it qualifies: "in Central Asia-related
// formats", "a Baku-based company" name no venue.
func modifiesNext(lower, place string) bool {
	i := strings.Index(lower, place)
	if i < 0 {
		return false
	}
	rest := lower[i+len(place):]
	if strings.HasPrefix(rest, " ") {
		if end := strings.IndexAny(rest[1:], " -"); end >= 0 && rest[1+end] == '-' {
			return true
		}
	}
	return strings.HasPrefix(rest, "-")
}

// standsForPlace reports whether a query term is a word the articles never use that the
// thesaurus reads as a country they name, or a name, no English word, that it reads as a
// place they name: a capital for its country ("Moscow": Russia).
func (e *Engine) standsForPlace(qt index.QueryTerm) bool {
	if slices.ContainsFunc(qt.Alts, func(a index.Alternative) bool { return a.Factor >= 1 }) {
		return false
	}
	return slices.ContainsFunc(e.az.Synonyms(e.az.Word(qt.Word).Term), func(syn string) bool {
		id, ok := e.ix.Term(syn)
		return ok && (e.isState(syn) || e.placeTerms[syn] || e.isPlace(id) && !e.isEnglish(qt.Word))
	})
}

// isPlace reports whether a term is a name and no part of a person's.
func (e *Engine) isPlace(id int32) bool {
	t := e.ix.TermString(id)
	return e.names[t] && len(e.personParts[t]) == 0
}

// asksWhereTo reports whether a where-question asks where someone went: "where did he
// travel", "where did Aliyev go next".
func asksWhereTo(tokens []analyze.Token) bool {
	return slices.ContainsFunc(tokens, func(t analyze.Token) bool {
		return markedTravelWords.holds(t) && t.Surface != "visit" && t.Surface != "trip" || headingWords[t.Surface]
	})
}

// headingWords say where someone went next: "where did he fly to", "where was he headed".
var headingWords = map[string]bool{"fly": true, "flew": true, "flown": true, "head": true, "headed": true, "heading": true}
