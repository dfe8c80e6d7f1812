package knowledge

// Facts that say the same thing, in one article or several.

// findRepeats groups facts that say the same thing, in one article or several: one holds
// nearly all the content words of the other.
func (e *Engine) findRepeats() {
	e.cluster = make([]int, len(e.facts))
	sets := make([]map[int32]bool, len(e.facts))
	for i, f := range e.facts {
		e.cluster[i] = i
		sets[i] = map[int32]bool{}
		if f.Kind != Body {
			continue
		}
		for _, t := range e.ix.DocTerms(i) {
			sets[i][t] = true
		}
	}
	// Candidates share at least three rare terms; common terms would pair everything.
	const rare = 50
	for i := range e.facts {
		if len(sets[i]) < sameClause {
			continue
		}
		shared := map[int]int{}
		for t := range sets[i] {
			if e.ix.DocFreq(t) > rare {
				continue
			}
			for _, p := range e.ix.Postings(t) {
				if j := int(p.Doc); j > i && p.TF > 0 {
					shared[j]++
				}
			}
		}
		for j, n := range shared {
			if n < 3 || e.facts[j].Kind != Body {
				continue
			}
			if containment(sets[i], sets[j]) >= 0.8 || commonRun(e.ix.DocTerms(i), e.ix.DocTerms(j)) >= sameClause {
				e.union(i, j)
			}
		}
	}
	e.members = map[int][]int{}
	for i := range e.cluster {
		e.cluster[i] = e.root(i)
		e.members[e.cluster[i]] = append(e.members[e.cluster[i]], i)
	}
}

// containment is the share of the smaller set's terms the larger holds.
func containment(a, b map[int32]bool) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	n := 0
	for t := range a {
		if b[t] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// sameClause is how many content words in a row two sentences must share to say the same
// thing ("China supports Azerbaijan in safeguarding its national sovereignty, independence
// and territorial integrity" quoted in one article, reported in another).
const sameClause = 8

// commonRun returns the length of the longest run of terms a and b share.
func commonRun(a, b []int32) int {
	best := 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
				best = max(best, cur[j+1])
			} else {
				cur[j+1] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

func (e *Engine) root(i int) int {
	for e.cluster[i] != i {
		e.cluster[i] = e.cluster[e.cluster[i]]
		i = e.cluster[i]
	}
	return i
}

func (e *Engine) union(i, j int) {
	ri, rj := e.root(i), e.root(j)
	if ri == rj {
		return
	}
	if ri < rj {
		e.cluster[rj] = ri
	} else {
		e.cluster[ri] = rj
	}
}
