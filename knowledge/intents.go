package knowledge

import (
	"cmp"
	"slices"

	"github.com/azchina/azchina/knowledge/analyze"
)

// intentScores scores each intent for a list of terms: the summed weight of the intent's
// vocabulary entries the terms hold (an entry of several words counts when all are there).
// Only the entries whose first word the terms hold are looked at; the weights are summed
// in the vocabulary's order, so that the scores do not depend on the map's.
func (e *Engine) intentScores(terms map[string]bool) []float64 {
	var found []vocabRef
	for t := range terms {
		for _, ref := range e.vocabByFirst[t] {
			if v := e.vocab[ref.intent][ref.entry]; hasAll(terms, v.terms[1:]) {
				found = append(found, ref)
			}
		}
	}
	return e.scoreFound(found)
}

// intentScoresOf is intentScores for a few terms, each listed once.
func (e *Engine) intentScoresOf(terms []string) []float64 {
	var found []vocabRef
	for _, t := range terms {
		for _, ref := range e.vocabByFirst[t] {
			if v := e.vocab[ref.intent][ref.entry]; containsAll(terms, v.terms[1:]) {
				found = append(found, ref)
			}
		}
	}
	return e.scoreFound(found)
}

// containsAll reports whether terms holds each of ts.
func containsAll(terms, ts []string) bool {
	for _, t := range ts {
		if !slices.Contains(terms, t) {
			return false
		}
	}
	return true
}

// scoreFound sums the weights of the vocabulary entries found, per intent, in the
// vocabulary's order.
func (e *Engine) scoreFound(found []vocabRef) []float64 {
	scores := make([]float64, len(e.intents))
	slices.SortFunc(found, func(a, b vocabRef) int {
		return cmp.Or(cmp.Compare(a.intent, b.intent), cmp.Compare(a.entry, b.entry))
	})
	for _, ref := range found {
		scores[ref.intent] += e.vocab[ref.intent][ref.entry].weight
	}
	return scores
}

// vocabRef is an entry of an intent's vocabulary.
type vocabRef struct{ intent, entry int }

func hasAll(terms map[string]bool, ts []string) bool {
	for _, t := range ts {
		if !terms[t] {
			return false
		}
	}
	return true
}

// readVocabulary analyses the intents' vocabulary once the index knows its terms' weights.
func (e *Engine) readVocabulary() {
	e.vocab = make([][]vocabEntry, len(e.intents))
	e.vocabByFirst = map[string][]vocabRef{}
	for i, in := range e.intents {
		for _, v := range in.Vocabulary {
			if ts := e.az.Terms(v); len(ts) > 0 {
				e.vocabByFirst[ts[0]] = append(e.vocabByFirst[ts[0]], vocabRef{intent: i, entry: len(e.vocab[i])})
				e.vocab[i] = append(e.vocab[i], vocabEntry{terms: ts, weight: e.termWeight(ts)})
			}
		}
	}
}

// termWeight is how telling a vocabulary entry is: the IDF of its rarest word.
func (e *Engine) termWeight(ts []string) float64 {
	best := 0.0
	for _, t := range ts {
		if id, ok := e.ix.Term(t); ok {
			best = max(best, e.ix.IDF(id))
		} else {
			best = max(best, 1)
		}
	}
	return best
}

// fileIntents files every fact (whose text terms factTerms holds) under the intents whose vocabulary it uses most, and under
// the first intent (the general one) when it uses none.
func (e *Engine) fileIntents(factTerms [][]string) {
	e.readVocabulary()
	e.counts = map[string]int{}
	sections := map[string][]string{}
	for i := range e.facts {
		f := &e.facts[i]
		terms := map[string]bool{}
		for _, t := range factTerms[i] {
			terms[t] = true
		}
		if _, ok := sections[f.Section]; !ok {
			sections[f.Section] = e.az.Terms(f.Section)
		}
		for _, t := range sections[f.Section] {
			terms[t] = true
		}
		f.Intents = e.bestIntents(e.intentScores(terms), 0.6)
		if len(f.Intents) == 0 && len(e.intents) > 0 {
			f.Intents = []string{e.intents[0].ID}
		}
		if f.Kind == Body {
			for _, id := range f.Intents {
				e.counts[id]++
			}
		}
	}
}

// bestIntents returns the IDs of the intents scoring at least share of the best score.
func (e *Engine) bestIntents(scores []float64, share float64) []string {
	best := 0.0
	for _, s := range scores {
		best = max(best, s)
	}
	if best == 0 {
		return nil
	}
	var out []string
	for i, s := range scores {
		if s >= share*best {
			out = append(out, e.intents[i].ID)
		}
	}
	return out
}

// questionIntent returns the intent a question's terms point to most, or "".
func (e *Engine) questionIntent(tokens []analyze.Token) string {
	// The question's terms, each once: few, looked through rather than put in a map.
	var room [16]string
	terms := room[:0]
	for _, t := range tokens {
		if !t.Stop && !slices.Contains(terms, t.Term) {
			terms = append(terms, t.Term)
		}
	}
	scores := e.intentScoresOf(terms)
	best, at := 0.0, -1
	for i, s := range scores {
		if s > best {
			best, at = s, i
		}
	}
	if at < 0 {
		return ""
	}
	return e.intents[at].ID
}
