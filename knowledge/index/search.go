package index

import (
	"math"
	"math/bits"
	"slices"
	"sort"
)

// BM25 parameters, set for sentences rather than long pages: term frequency saturates
// quickly and length matters little.
const (
	k1            = 1.2
	b             = 0.4
	contextWeight = 0.5  // a context occurrence counts for this much of a text occurrence
	nearWeight    = 0.25 // and an occurrence in the sentence before for this much
)

// commonPostings is how many documents a term must occur in (besides a fifth of them all)
// before it stops making new candidates.
const commonPostings = 1000

// nearOnly reports whether only the sentence before the document holds the term.
func (p Posting) nearOnly() bool { return p.TF|p.Context == 0 }

func (p Posting) tf() float64 {
	return float64(p.TF) + contextWeight*float64(p.Context) + nearWeight*float64(p.Near)
}

// Alternative is one way a question's word can match: one term of the index, or several
// that must all occur, with how much a match counts (1 for the word itself, less for a
// synonym or a corrected typo).
type Alternative struct {
	Terms  []int32
	Factor float64
}

// QueryTerm is one content word of a question.
type QueryTerm struct {
	Word   string        // as the question wrote it
	Alts   []Alternative // empty when the index knows nothing like it
	Weight float64       // how much the word matters to the question
}

// Signals are the parts of a hit's score, for explaining a ranking.
type Signals struct {
	BM25   float64 // term weighting
	Phrase float64 // question words standing next to each other in the sentence
	Order  float64 // question words standing in the question's order
}

// Hit is a document ranked for a question.
type Hit struct {
	Doc      int
	Score    float64   // BM25 plus the phrase and order signals
	Coverage float64   // share of the question's weight the document matches, 0–1
	Matched  []float64 // per query term, 1 where the document matches it, 0 where not
	Signals  Signals
}

type scratch struct {
	docs                    []docScore // per document, zero unless touched
	touched, forTerm, top32 []int32
	// Where each touched document first holds each query term: 1 + the first position of
	// a term a single-term alternative of the query term names (0: none), in blocks of
	// len(q) (see docScore.slot); kept zero beyond its length.
	firsts []int32
	nq     int // len(q) of the search under way
	// record tells whether the positions are recorded as postings are added (few to
	// add), or read from the candidates' text (see readFirsts), which inQuery and at
	// serve: inQuery, per term, a bit set when the query may match it.
	record             bool
	inQuery            []uint64
	at                 []position
	cands              []candidate
	scored             []scored
	found, order, freq []int
}

// docScore is what a search has found of a document so far, kept together: a search
// reads and writes them all at once.
type docScore struct {
	score, coverage float64 // term weight, and the weight of the query terms it matches
	best, factor    float64 // the value and coverage factor of the query term being added
	mask            uint64  // which query terms it matches
	stamp           int32   // 1 + the query term best and factor are of
	slot            int32   // 1 + the number of its block in firsts (0: none, all 0)
}

// Results is room for the hits of a search. Reusing one across searches saves allocating
// it each time; the hits a search returns live in it until the next search into it.
type Results struct {
	hits    []Hit
	matched []float64
}

// Search ranks the documents matching any of the question's terms and returns the best
// limit of them, best first.
func (ix *Index) Search(q []QueryTerm, limit int) []Hit {
	return ix.SearchInto(&Results{}, q, limit)
}

// SearchInto is Search, with the hits kept in r.
func (ix *Index) SearchInto(r *Results, q []QueryTerm, limit int) []Hit {
	s := ix.scratch.Get().(*scratch)
	defer ix.scratch.Put(s)
	// Rare terms first: a term found in most documents then only adds to the documents
	// rarer terms found, instead of making every document a candidate.
	order := growInts(&s.order, len(q))
	freq := growInts(&s.freq, len(q))
	for i, qt := range q {
		order[i] = i
		freq[i] = len(ix.docs)
		for _, alt := range qt.Alts {
			for _, t := range alt.Terms {
				freq[i] = min(freq[i], len(ix.postings[t]))
			}
		}
	}
	for i := 1; i < len(order); i++ { // a stable insertion sort: few terms
		for j := i; j > 0 && freq[order[j]] < freq[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	s.nq = len(q)
	singles := 0
	for _, qt := range q {
		for _, alt := range qt.Alts {
			if len(alt.Terms) == 1 {
				singles += len(ix.postings[alt.Terms[0]])
			}
		}
	}
	s.record = singles <= recordLimit
	for n, i := range order {
		qt := q[i]
		s.forTerm = s.forTerm[:0]
		stamp := int32(i + 1)
		onlyKnown := n > 0 && freq[i] > max(len(ix.docs)/5, commonPostings) && len(s.touched) > 0
		for _, alt := range qt.Alts {
			ix.addMatches(s, alt, stamp, onlyKnown)
		}
		for _, doc := range s.forTerm {
			d := &s.docs[doc]
			if d.mask == 0 {
				s.touched = append(s.touched, doc)
			}
			d.score += d.best
			d.coverage += qt.Weight * d.factor
			d.mask |= 1 << uint(i%64)
		}
	}
	var total float64
	for _, qt := range q {
		total += qt.Weight
	}
	// Position signals cost more: compute them for the best few by term weight only.
	cands := s.top(limit + limit/2)
	if !s.record {
		ix.readFirsts(s, q, cands)
	}
	found := growInts(&s.found, len(q))
	// Score every candidate, then sort small records of them and build hits for the best
	// limit only. Ties go to the higher term weight, then to the lower number.
	byScore := s.scored[:0]
	for _, doc := range cands {
		phrase, order := proximity(q, s.firstsOf(doc), found)
		score := s.docs[doc].score
		byScore = append(byScore, scored{score + phrase + order, score, phrase, order, doc})
	}
	sortScored(byScore)
	s.scored = byScore
	byScore = byScore[:min(limit, len(byScore))]
	hits := r.hits[:0]
	matched := grow(r.matched, len(byScore)*len(q)) // one allocation for every hit's Matched
	clear(matched)
	for n, sc := range byScore {
		doc := sc.doc
		d := &s.docs[doc]
		h := Hit{Doc: int(doc), Score: sc.score, Signals: Signals{BM25: sc.bm25, Phrase: sc.phrase, Order: sc.order}, Matched: matched[n*len(q) : (n+1)*len(q) : (n+1)*len(q)]}
		if total > 0 {
			h.Coverage = d.coverage / total
		}
		for i := range q {
			if d.mask&(1<<uint(i%64)) != 0 {
				h.Matched[i] = 1
			}
		}
		hits = append(hits, h)
	}
	for _, doc := range s.touched {
		s.docs[doc] = docScore{}
	}
	clear(s.firsts)
	s.touched, s.firsts = s.touched[:0], s.firsts[:0]
	r.hits, r.matched = hits, matched
	return hits
}

// growInts returns *s resized to n, reallocated (and kept in *s) only when it is too small.
// Its contents are left as they were.
func growInts(s *[]int, n int) []int {
	if cap(*s) < n {
		*s = make([]int, n)
	}
	return (*s)[:n]
}

// grow returns s resized to n, reallocated only when it is too small.
func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}

func (ix *Index) newScratch() any {
	n := len(ix.docs)
	return &scratch{docs: make([]docScore, n), inQuery: make([]uint64, len(ix.terms)/64+1)}
}

// nearCoverage is the share of a word's weight in a document's coverage when only the
// sentence before it holds the word: it sets the scene, but the document itself does not
// say it.
const nearCoverage = 0.5

// addMatches finds every document holding all of alt's terms and keeps, per document, the
// best value of the query term being added (stamp) and its coverage factor, listing in
// s.forTerm the documents it finds first. A term's value is its saturated term frequency
// times the IDF of the alternative's rarest term and the alternative's factor. With
// onlyKnown, documents no earlier term found are passed over.
func (ix *Index) addMatches(s *scratch, alt Alternative, stamp int32, onlyKnown bool) {
	if len(alt.Terms) == 0 {
		return
	}
	rarest := alt.Terms[0]
	for _, t := range alt.Terms[1:] {
		if len(ix.postings[t]) < len(ix.postings[rarest]) {
			rarest = t
		}
	}
	idf := ix.IDF(rarest)
	single := len(alt.Terms) == 1
	for _, p := range ix.postings[rarest] {
		doc := p.Doc
		d := &s.docs[doc]
		if onlyKnown && d.mask == 0 {
			continue
		}
		tf, nearOnly := p.tf(), p.nearOnly()
		if !single {
			var all bool
			if tf, nearOnly, all = ix.allIn(alt.Terms, rarest, doc, tf, nearOnly); !all {
				continue
			}
		}
		v := alt.Factor * idf * (tf * (k1 + 1) / (tf + ix.norms[doc]))
		if d.stamp != stamp {
			d.stamp = stamp
			d.best, d.factor = 0, 0
			s.forTerm = append(s.forTerm, doc)
		}
		if v > d.best {
			f := alt.Factor
			if nearOnly {
				f *= nearCoverage
			}
			d.best, d.factor = v, f
		}
		if single && p.TF > 0 && s.record {
			first := int32(p.First)
			if p.First == maxFirst {
				first = int32(slices.Index(ix.docs[doc], rarest))
			}
			s.holdsAt(d, int(stamp)-1, first)
		}
	}
}

// allIn reports whether doc holds every one of terms besides rarest, whose posting gave
// tf and nearOnly, and returns the least tf of them all and whether only the sentence
// before holds any.
func (ix *Index) allIn(terms []int32, rarest, doc int32, tf float64, nearOnly bool) (float64, bool, bool) {
	for _, t := range terms {
		if t == rarest {
			continue
		}
		q, found := ix.find(t, doc)
		if !found {
			return 0, false, false
		}
		tf = min(tf, q.tf())
		nearOnly = nearOnly || q.nearOnly()
	}
	return tf, nearOnly, true
}

// holdsAt records that d's text holds query term i first at position first, unless it
// holds it earlier.
func (s *scratch) holdsAt(d *docScore, i int, first int32) {
	k := int(d.slot)
	if k == 0 {
		n := len(s.firsts)
		s.firsts = slices.Grow(s.firsts, s.nq)[:n+s.nq] // zero beyond its length
		k = n/s.nq + 1
		d.slot = int32(k)
	}
	if at := &s.firsts[(k-1)*s.nq+i]; *at == 0 || first < *at-1 {
		*at = first + 1
	}
}

// recordLimit is the most postings of single terms a search records the positions of as
// it adds them; past it, the few candidates' text is read for them instead (readFirsts),
// which costs less than recording many.
const recordLimit = 1024

// position is a single term a query term may match, with the query term it stands for.
type position struct {
	term  int32
	query int
}

// readFirsts records where each candidate's text first holds each query term, reading
// the text.
func (ix *Index) readFirsts(s *scratch, q []QueryTerm, cands []int32) {
	at := s.at[:0]
	for i, qt := range q {
		for _, alt := range qt.Alts {
			if len(alt.Terms) == 1 {
				at = append(at, position{alt.Terms[0], i})
			}
		}
	}
	s.at = at
	for _, a := range at {
		s.inQuery[a.term/64] |= 1 << uint(a.term%64)
	}
	for _, doc := range cands {
		d := &s.docs[doc]
		for p, t := range ix.docs[doc] {
			if u := uint32(t); s.inQuery[u/64]&(1<<(u%64)) == 0 {
				continue // most words of a sentence are not the question's: skip the scan
			}
			for _, a := range at {
				if a.term == t {
					s.holdsAt(d, a.query, int32(p))
				}
			}
		}
	}
	for _, a := range at {
		s.inQuery[a.term/64] = 0
	}
}

// firstsOf returns 1 + where doc's text first holds each query term (0: nowhere), or nil
// when it holds none.
func (s *scratch) firstsOf(doc int32) []int32 {
	k := int(s.docs[doc].slot)
	if k == 0 {
		return nil
	}
	return s.firsts[(k-1)*s.nq : k*s.nq]
}

// lengthNorm is BM25's normalisation of a document's length.
func lengthNorm(length float32, avgLen float64) float64 {
	return k1 * (1 - b + b*float64(length)/avgLen)
}

func (ix *Index) find(term int32, doc int32) (Posting, bool) {
	ps := ix.postings[term]
	i := sort.Search(len(ps), func(i int) bool { return ps[i].Doc >= doc })
	if i < len(ps) && ps[i].Doc == doc {
		return ps[i], true
	}
	return Posting{}, false
}

// scored is a candidate with its full score, for choosing the hits.
type scored struct {
	score, bm25, phrase, order float64
	doc                        int32
}

// before orders scored candidates best first: by score, ties to the higher term weight,
// then to the lower number.
func (a scored) before(b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.bm25 != b.bm25 {
		return a.bm25 > b.bm25
	}
	return a.doc < b.doc
}

// sortScored sorts candidates best first: few of them in place by insertion, which moves
// each little, more by pdqsort.
func sortScored(c []scored) {
	if len(c) > 64 {
		slices.SortFunc(c, func(a, b scored) int {
			if a.before(b) {
				return -1
			}
			if b.before(a) {
				return 1
			}
			return 0
		})
		return
	}
	for i := 1; i < len(c); i++ {
		v, j := c[i], i
		for ; j > 0 && v.before(c[j-1]); j-- {
			c[j] = c[j-1] // shifted, not swapped: a third of the copying
		}
		c[j] = v
	}
}

// candidate is a touched document and its score so far, kept side by side so that
// choosing the best reads one slice. The score is kept as its bits, which order as the
// scores do: a score is never negative, nor NaN (each query term adds its best value, 0
// or more).
type candidate struct {
	score uint64
	doc   int32
}

// above is 1 when a ranks above b (by score, ties to the lower number), else 0: worked
// out by subtracting the two as numbers of 96 bits, with no branch to mispredict.
func above(a, b candidate) uint64 {
	_, borrow := bits.Sub64(uint64(^uint32(b.doc)), uint64(^uint32(a.doc)), 0)
	_, borrow = bits.Sub64(b.score, a.score, borrow)
	return borrow
}

// worse reports whether a ranks below b: by score, ties by number.
func worse(a, b candidate) bool { return above(b, a) == 1 }

// top returns the n touched documents of highest score (ties by number), in no order.
// The slice lives in s until its next use.
func (s *scratch) top(n int) []int32 {
	out := s.top32[:0]
	if len(s.touched) <= n {
		out = append(out, s.touched...)
		s.top32 = out
		return out
	}
	h := s.cands[:0]
	if len(s.touched) > maxSelected {
		h = s.heapBest(h, n)
	} else {
		for _, doc := range s.touched {
			h = append(h, candidate{math.Float64bits(s.docs[doc].score), doc})
		}
		selectBest(h, n)
		h = h[:n]
	}
	for _, c := range h {
		out = append(out, c.doc)
	}
	s.cands, s.top32 = h, out
	return out
}

// maxSelected is the most touched documents top chooses from by quickselect, which reads
// and moves them all; from more, it keeps a heap of the best so far, past whose worst
// most go with one comparison.
const maxSelected = 512

// heapBest returns in h the n touched documents of highest score, in no order: a min-heap
// of the best n so far, whose root is the worst of them.
func (s *scratch) heapBest(h []candidate, n int) []candidate {
	for _, doc := range s.touched {
		c := candidate{math.Float64bits(s.docs[doc].score), doc}
		switch {
		case len(h) < n:
			h = append(h, c)
			for i := len(h) - 1; i > 0 && worse(h[i], h[(i-1)/2]); i = (i - 1) / 2 {
				h[i], h[(i-1)/2] = h[(i-1)/2], h[i]
			}
		case worse(h[0], c):
			h[0] = c
			for i := 0; ; {
				l, m := 2*i+1, i
				if l < len(h) && worse(h[l], h[m]) {
					m = l
				}
				if r := l + 1; r < len(h) && worse(h[r], h[m]) {
					m = r
				}
				if m == i {
					break
				}
				h[i], h[m] = h[m], h[i]
				i = m
			}
		}
	}
	return h
}

// selectBest reorders c so that its first n are its best (quickselect): none of c[n:]
// ranks above any of them.
func selectBest(c []candidate, n int) {
	lo, hi := 0, len(c) // c[:lo] are of the best n, c[hi:] not
	for hi-lo > 1 {
		// The median of the first, middle and last as the pivot, moved to the end.
		mid, last := lo+(hi-lo)/2, hi-1
		if worse(c[mid], c[lo]) {
			c[mid], c[lo] = c[lo], c[mid]
		}
		if worse(c[last], c[lo]) {
			c[last], c[lo] = c[lo], c[last]
		}
		if worse(c[mid], c[last]) {
			c[mid], c[last] = c[last], c[mid]
		}
		pivot, better := c[last], lo
		for i := lo; i < last; i++ {
			// Swapped whatever it is, kept by moving on when above the pivot: c[lo:better]
			// rank above it, c[better:i+1] below.
			c[i], c[better] = c[better], c[i]
			better += int(above(c[better], pivot))
		}
		c[better], c[last] = c[last], c[better]
		switch {
		case better == n || better+1 == n:
			return
		case better > n:
			hi = better
		default:
			lo = better + 1
		}
	}
}

// proximity computes the phrase and order signals of a document: a pair of question words
// that stand next to each other in the sentence, in the question's order, earns a phrase
// bonus; a pair that stands in the question's order within a few words earns an order
// bonus. first holds 1 + where the document first holds each query term (0: nowhere;
// nil: none); found is work space of len(q).
func proximity(q []QueryTerm, first []int32, found []int) (phrase, order float64) {
	// The pairs of query terms the document holds, in the question's order.
	found = found[:0]
	for i, f := range first {
		if f > 0 {
			found = append(found, i)
		}
	}
	for x, i := range found {
		for _, j := range found[x+1:] {
			w := min(q[i].Weight, q[j].Weight)
			gap := first[j] - first[i]
			switch {
			case gap == 1 && j == i+1:
				phrase += 0.6 * w
			case gap > 0 && gap <= 8:
				order += 0.25 * w
			}
		}
	}
	return phrase, order
}
