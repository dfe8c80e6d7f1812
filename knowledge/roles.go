package knowledge

// Who or what the articles name as the holder of a role, read from how they write it
// ("Chinese President Xi Jinping", "Beijing, capital of China"), so that a question that
// describes instead of naming ("the Chinese leader", "the Chinese capital") finds them.

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/azchina/azchina/knowledge/analyze"
	"github.com/azchina/azchina/knowledge/index"
	"github.com/azchina/azchina/knowledge/ingest"
)

// roleKey is a role as the articles write it, as terms ("foreign minist"), with what it
// belongs to: the term of a country or a person ("china"), or "" for none.
type roleKey struct{ of, role string }

// roleModifiers stand in a title beside a role word ("Foreign Minister", "Prime Minister").
var roleModifiers = map[string]bool{
	"foreign": true, "prime": true, "vice": true, "deputy": true, "first": true,
	"state": true, "chief": true, "capital": true,
}

// isHolderRole reports whether w is a role word a holder may follow or precede: those of
// persons, and a country's capital. A counterpart is someone's only relative to another
// ("his Chinese counterpart Xi" is not Bayramov's).
// roles are the words that name a role a person holds (ingest.IsRole); roleForms those
// words and their plurals, each word w for which IsRole(w) or
// IsRole(strings.TrimSuffix(w, "s")); and roleTrimmed each word w for which
// IsRole(strings.TrimSuffix(w, "s")) ("ministers", "minister", not "ms").
var roles, roleForms, roleTrimmed = func() (map[string]bool, map[string]bool, map[string]bool) {
	roles, forms, trimmed := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, r := range ingest.Roles() {
		roles[r], forms[r], forms[r+"s"], trimmed[r+"s"] = true, true, true, true
		if !strings.HasSuffix(r, "s") {
			trimmed[r] = true
		}
	}
	return roles, forms, trimmed
}()

// isRoleOrPlural reports whether a token's word is a role, or the plural of one:
// ingest.IsRole(strings.TrimSuffix(t.Surface, "s")).
func isRoleOrPlural(t analyze.Token) bool { return markedRoleTrimmed.holds(t) }

func isHolderRole(w string) bool { return ingest.IsRole(w) && w != "counterpart" || w == "capital" }

// findHolders reads who holds which role from the sentences and captions that write the
// role next to the name: "[Chinese] [President] Xi Jinping", "Azerbaijan’s Foreign
// Minister Jeyhun Bayramov", "Beijing, capital of China". A role held by several, or
// named without what it belongs to, is kept as such; only one holder resolves.
func (e *Engine) findHolders() {
	e.holders = map[roleKey][]string{}
	add := func(k roleKey, holder string) {
		if !contains(e.holders[k], holder) {
			e.holders[k] = append(e.holders[k], holder)
		}
	}
	for i := range e.facts {
		f := &e.facts[i]
		if role := refersByRole(f.Text); role != "" && f.Refers != "" {
			// "The MP further highlighted …", said of the one named before.
			add(roleKey{role: e.az.Word(role).Term}, f.Refers)
		}
		if f.Kind != Body && f.Kind != Caption || e.cues[i]&namesRole == 0 && !strings.Contains(f.Text, "capital") {
			continue // most sentences name no title
		}
		// A title stands right before the name, with no comma between: "in Beijing,
		// President Xi" is no Beijing president.
		if len(f.People) > 0 {
			for _, clause := range strings.FieldsFunc(f.Text, isClauseBreak) {
				ctoks := e.az.Analyze(clause)
				for _, p := range f.People {
					e.holdersIn(clause, ctoks, p, e.contextTerms(p), add)
				}
			}
		}
		if !strings.Contains(f.Text, "capital") {
			continue
		}
		// After a place's name: "Beijing, capital of China".
		toks := e.az.Analyze(f.Text)
		for k := 0; k+3 < len(toks); k++ {
			if toks[k].Stop || !e.names[toks[k].Term] || toks[k+1].Surface != "capital" || toks[k+2].Surface != "of" {
				continue
			}
			if of := e.qualifierAt(toks, k+3); of != "" && of != toks[k].Term {
				add(roleKey{of: of, role: toks[k+1].Term}, toks[k].Surface)
			}
		}
	}
}

// refersByRole returns the role a sentence opens with to refer to someone named before
// ("The MP further highlighted …": "mp"), or "".
func refersByRole(text string) string {
	first, rest, ok := strings.Cut(text, " ")
	if !ok || first != "The" {
		return ""
	}
	word, _, _ := strings.Cut(rest, " ")
	if w := strings.ToLower(word); isHolderRole(w) && w != "capital" {
		return w
	}
	return ""
}

// findStates reads which places are countries from the roles the articles give them: a
// place that has a president, a foreign minister or a capital is a state, not a city.
func (e *Engine) findStates() {
	e.states = map[string]bool{}
	for k := range e.holders {
		if k.of != "" && !e.people[k.of] && !e.isPersonPart(k.of) {
			e.states[k.of] = true
		}
	}
	// The two states the articles name most are the ones they are about.
	var ranked []int32
	for s := range e.states {
		if id, ok := e.ix.Term(s); ok {
			ranked = append(ranked, id)
		}
	}
	slices.SortFunc(ranked, func(a, b int32) int {
		return cmp.Or(cmp.Compare(len(e.ix.Postings(b)), len(e.ix.Postings(a))), cmp.Compare(a, b))
	})
	e.home = map[int32]bool{}
	for _, id := range ranked[:min(2, len(ranked))] {
		e.home[id] = true
	}
	e.roleStems = map[string]bool{}
	for w := range roleForms {
		e.roleStems[e.az.Word(w).Term] = true
	}
	// "Beijing, capital of China": the capitals of the two stand for them.
	e.homeCapitals = map[string]bool{}
	capital := e.az.Word("capital").Term
	for k, holders := range e.holders {
		if id, ok := e.ix.Term(k.of); ok && e.home[id] && k.role == capital {
			for _, h := range holders {
				e.homeCapitals[e.az.Word(h).Term] = true
			}
		}
	}
}

// holdersIn adds the titles a clause gives a person before their name: "Chinese Foreign
// Minister Wang Yi".
func (e *Engine) holdersIn(clause string, toks []analyze.Token, person string, name []string, add func(roleKey, string)) {
	for k := range toks {
		if nameAt(toks, k, name) == 0 {
			continue
		}
		start := k
		for start > 0 && !toks[start-1].Stop && roleWord(toks[start-1].Surface) {
			start--
		}
		if start < k {
			of := e.qualifierAt(toks, start-1)
			if of == "" && start > 0 && !toks[start-1].Stop && capitalisedIn(clause, toks[start-1].Surface) {
				of = toks[start-1].Term // "Kazakh President …" opening a sentence
			}
			add(roleKey{of: of, role: roleTerms(toks[start:k])}, person)
		}
	}
}

// capitalisedIn reports whether text writes the lower-case word w capitalised.
func capitalisedIn(text, w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return strings.Contains(text, string(unicode.ToUpper(r))+w[size:])
}

// isClauseBreak reports whether r ends a clause of a sentence.
func isClauseBreak(r rune) bool { return strings.ContainsRune(",;:()—–", r) }

// nameAt returns how many tokens from k spell the name's terms, 1 for one part of it (as
// in "President Xi"), or 0.
func nameAt(toks []analyze.Token, k int, name []string) int {
	if toks[k].Stop {
		return 0
	}
	n := 0
	for n < len(name) && k+n < len(toks) && !toks[k+n].Stop && toks[k+n].Term == name[n] {
		n++
	}
	if n == len(name) {
		return n
	}
	if contains(name, toks[k].Term) {
		return 1
	}
	return 0
}

// roleWord reports whether a word is part of a title: a role word or a word that stands
// in titles beside one.
func roleWord(w string) bool { return isHolderRole(w) || roleModifiers[w] }

// roleTerms joins the terms of a title's words.
func roleTerms(toks []analyze.Token) string {
	var ts []string
	for _, t := range toks {
		ts = append(ts, t.Term)
	}
	return strings.Join(ts, " ")
}

// qualifierAt returns the term of a name at toks[k] that a role belongs to ("Chinese",
// "Azerbaijan’s"), or "".
func (e *Engine) qualifierAt(toks []analyze.Token, k int) string {
	if k < 0 || k >= len(toks) || toks[k].Stop || !e.names[toks[k].Term] {
		return ""
	}
	return toks[k].Term
}

// roleName is one way a question may name a role, as terms, with the title the articles
// use for it.
type roleName struct {
	terms []string
	role  string // the title's terms, joined
}

// loadRoleNames reads data/roles.yaml: the titles and the words questions use for them,
// and the first terms of those words.
func loadRoleNames(az *analyze.Analyzer, raw map[string][]string) ([]roleName, map[string]bool) {
	starts := map[string]bool{}
	var out []roleName
	for title, others := range raw {
		role := strings.Join(az.Terms(title), " ")
		for _, n := range append([]string{title}, others...) {
			rn := roleName{terms: az.Terms(n), role: role}
			if len(rn.terms) > 0 {
				out = append(out, rn)
				starts[rn.terms[0]] = true
			}
		}
	}
	return out, starts
}

// resolveRoles reads the roles a question names with what they belong to ("the Chinese
// leader", "Azerbaijan's chief diplomat", "the capital of China") as the one holder the
// articles name for it: a fact that names Xi matches "the Chinese leader" in full. A role
// with several holders, or none, is left as written.
func (e *Engine) resolveRoles(q *question) {
	e.resolveCounterparts(q)
	if !e.mayNameRole(q) {
		return
	}
	// "What is the capital of China?" asks for the holder: a fact that merely names
	// Beijing does not say it is the capital.
	head := copulaHead(q.tokens, q.possessors)
	// The question's words as terms, each with the query term it belongs to.
	var flat []string
	var owner []int
	for i, qt := range q.terms {
		for _, t := range e.az.Terms(qt.Word) {
			flat = append(flat, t)
			owner = append(owner, i)
		}
	}
	for p := 0; p < len(flat); p++ {
		for _, rn := range e.roleNames {
			n := len(rn.terms)
			if n == 0 || p+n > len(flat) || !equalTerms(flat[p:p+n], rn.terms) {
				continue
			}
			if n == 1 && p > 0 && roleModifiers[flat[p-1]] && rn.terms[0] != rn.role {
				continue // "prime minister": the word of another title, not one said for this
			}
			asks := head != "" && e.az.Word(head).Term == flat[p+n-1]
			found := false
			for _, at := range []int{p - 1, p + n} { // "Chinese leader", "leader of China"
				if at < 0 || at >= len(flat) {
					continue
				}
				holders := e.holders[roleKey{of: flat[at], role: rn.role}]
				if len(holders) != 1 {
					continue
				}
				e.nameHolder(q, holders, rn.role, flat, owner[p:p+n], owner[at], asks)
				found = true
				break
			}
			if word := q.terms[owner[p+n-1]].Word; !found && strings.HasSuffix(word, "s") {
				// "the foreign ministers": every holder of the title the articles name.
				if holders := e.allHolders(rn.role); len(holders) > 1 {
					e.nameHolder(q, holders, rn.role, flat, owner[p:p+n], -1, asks)
				}
			}
		}
	}
}

// relativeRoles name a person by another's role: "Bayramov and his Chinese colleague" is
// China's holder of Bayramov's role.
var relativeRoles = map[string]bool{"counterpart": true, "counterparts": true, "colleague": true, "colleagues": true, "peer": true, "opposite number": true}

// resolveCounterparts reads "Bayramov's Chinese counterpart" as the holder of Bayramov's
// role that belongs to what the question qualifies it by ("Chinese"): Wang Yi.
func (e *Engine) resolveCounterparts(q *question) {
	for j := 1; j < len(q.terms); j++ {
		if !relativeRoles[q.terms[j].Word] {
			continue
		}
		of := e.az.Word(q.terms[j-1].Word).Term
		var found []string
		for _, qt := range q.terms {
			for w := range strings.FieldsSeq(qt.Word) {
				for _, person := range e.personParts[w] {
					for k, hs := range e.holders {
						if k.of == "" || k.of == of || len(hs) != 1 || hs[0] != person {
							continue
						}
						for _, h := range e.holders[roleKey{of: of, role: k.role}] {
							if !contains(found, h) {
								found = append(found, h)
							}
						}
					}
				}
			}
		}
		if len(found) == 1 {
			e.nameHolder(q, found, "", nil, []int{j}, j-1, false)
		}
	}
}

// mayNameRole reports whether a word of the question starts a way of naming a role: most
// questions name none, and need not be read for one.
func (e *Engine) mayNameRole(q *question) bool {
	for _, t := range q.tokens {
		if !t.Stop && e.roleStarts[t.Term] {
			return true
		}
	}
	return false
}

// description is a phrase of a question that describes the holders of a role ("the
// Chinese leader"), by its words.
type description struct {
	words   map[string]bool
	holders []string
}

// describedSpeaker returns the holders of a role a question asks the words of: "What did
// the Chinese leader say …" asks what Xi said.
func describedSpeaker(q *question) map[string]bool {
	for i, t := range q.tokens {
		if !markedAuxiliaries.holds(t) {
			continue
		}
		for _, d := range q.described {
			j := i + 1
			for j < len(q.tokens) && j <= i+5 && (q.tokens[j].Stop || q.tokens[j].Number || d.words[q.tokens[j].Surface]) && !markedSpeechVerbsAsked.holds(q.tokens[j]) {
				j++
			}
			if j > i+1 && j < len(q.tokens) && markedSpeechVerbsAsked.holds(q.tokens[j]) && d.words[q.tokens[j-1].Surface] {
				out := map[string]bool{}
				for _, h := range d.holders {
					out[h] = true
				}
				return out
			}
		}
	}
	return nil
}

// allHolders returns every holder of a role the articles name with what it belongs to.
func (e *Engine) allHolders(role string) []string {
	var out []string
	for k, hs := range e.holders {
		if k.role != role || k.of == "" {
			continue
		}
		for _, h := range hs {
			if !contains(out, h) {
				out = append(out, h)
			}
		}
	}
	slices.Sort(out)
	return out
}

// nameHolder adds the holders' names as ways to match the query terms that describe the
// holder (the role's and the term of what it belongs to), and the title the articles give
// the role as a way to match the role's, unless the question names the holder already. A
// question that asks who or what the holder is ("Who is the Chinese leader?") gets the
// title only: a fact that merely names Xi does not say he is the leader.
func (e *Engine) nameHolder(q *question, holders []string, role string, flat []string, roleTerms []int, of int, asks bool) {
	var names []index.Alternative
	for _, holder := range holders {
		name := e.az.Terms(holder)
		for _, t := range name {
			if contains(flat, t) {
				return
			}
		}
		for _, t := range name {
			if id, ok := e.ix.Term(t); ok {
				names = append(names, index.Alternative{Terms: []int32{id}, Factor: 1})
			}
		}
	}
	if asks {
		names = nil
	}
	title := names
	var ids []int32
	for t := range strings.FieldsSeq(role) { // none for a counterpart
		if id, ok := e.ix.Term(t); ok {
			ids = append(ids, id)
		}
	}
	if len(ids) > 0 && len(ids) == len(strings.Fields(role)) {
		title = append(title[:len(title):len(title)], index.Alternative{Terms: ids, Factor: 1})
	}
	described := map[string]bool{}
	for _, i := range roleTerms {
		for w := range strings.FieldsSeq(q.terms[i].Word) {
			described[w] = true
		}
	}
	if of >= 0 {
		addAlts(&q.terms[of], names)
		for w := range strings.FieldsSeq(q.terms[of].Word) {
			described[w] = true
		}
	}
	q.described = append(q.described, description{words: described, holders: holders})
	for i, t := range roleTerms {
		if i == 0 || t != roleTerms[i-1] {
			addAlts(&q.terms[t], title)
		}
	}
}

// addAlts adds the alternatives a query term does not have yet.
func addAlts(qt *index.QueryTerm, alts []index.Alternative) {
	for _, alt := range alts {
		if !hasAlt(qt.Alts, alt) {
			qt.Alts = append(qt.Alts, alt)
		}
	}
}

func hasAlt(alts []index.Alternative, a index.Alternative) bool {
	for _, b := range alts {
		if len(b.Terms) == len(a.Terms) && sameTerms(b.Terms, a.Terms) {
			return true
		}
	}
	return false
}
