// Package index is an inverted index of short documents (sentences) ranked for short
// questions: BM25 term weighting over two fields (the text and its context), phrase and
// word-order signals computed from term positions, and typo-tolerant lookup of the index
// vocabulary.
//
// An Index is built once by a Builder and is then read-only: it is safe for concurrent use.
package index

import (
	"math"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/azchina/azchina/knowledge/internal/memo"
)

// Document is what the index stores of one sentence: its terms in order, the terms of its
// context (heading, the person a pronoun refers to, resolved dates), which count for less,
// and the terms of the sentence before it, which count for less still.
type Document struct {
	Text    []string
	Context []string
	Near    []string
}

// Posting records that a term occurs in a document.
type Posting struct {
	Doc     int32
	TF      uint16 // occurrences in the text
	Context uint16 // occurrences in the context
	Near    uint16 // occurrences in the sentence before
	First   uint16 // the first position in the text, when TF > 0 (at most maxFirst)
}

// maxFirst is the greatest First a posting records: a term first found later in its text
// is looked for there.
const maxFirst = math.MaxUint16

// Index is a read-only inverted index. Build one with a Builder.
type Index struct {
	ids      map[string]int32
	terms    []string
	postings [][]Posting
	docs     [][]int32 // each document's text terms in order
	lengths  []float32
	avgLen   float64
	norms    []float64     // per document, BM25's length normalisation, computed once
	textDF   []int32       // per term, the documents whose text (not context) holds it
	idf      []float64     // per term, its IDF, computed once
	vocab    *vocabulary   // built on its own goroutine: read through vocabulary()
	vocabed  chan struct{} // closed once vocab is built
	built    atomic.Bool   // set once vocabed is closed: no channel to wait on then
	sorted   []int32       // the terms in the order of their strings
	scratch  sync.Pool     // per-search work space sized to the documents
	// suggested caches Suggest's answers for the first maxSuggested words asked: the
	// same few misspellings come up again and again.
	suggested *memo.Memo[[]Suggestion]
}

// Builder collects documents and surface words for an Index. It is not safe for concurrent
// use.
type Builder struct {
	ix       *Index
	surfaces map[string]string
	// The postings of the document being added: slot holds, per term, 1 + its posting's
	// index in cur (0: none yet); terms, the terms of cur in order.
	slot  []int32
	cur   []Posting
	terms []int32
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{ix: &Index{ids: map[string]int32{}, suggested: memo.New[[]Suggestion](maxSuggested)}, surfaces: map[string]string{}}
}

func (b *Builder) id(term string) int32 {
	if id, ok := b.ix.ids[term]; ok {
		return id
	}
	id := int32(len(b.ix.terms))
	b.ix.ids[term] = id
	b.ix.terms = append(b.ix.terms, term)
	b.ix.postings = append(b.ix.postings, nil)
	return id
}

// Add stores a document and returns its number (0, 1, 2, … in the order added).
func (b *Builder) Add(d Document) int {
	doc := int32(len(b.ix.docs))
	b.cur, b.terms = b.cur[:0], b.terms[:0]
	seq := make([]int32, len(d.Text))
	for i, t := range d.Text {
		id, k := b.posting(t, doc)
		seq[i] = id
		if b.cur[k].TF == 0 {
			b.cur[k].First = uint16(min(i, maxFirst))
		}
		b.cur[k].TF++
	}
	for _, t := range d.Context {
		_, k := b.posting(t, doc)
		b.cur[k].Context++
	}
	for _, t := range d.Near {
		_, k := b.posting(t, doc)
		b.cur[k].Near++
	}
	// Documents are added in order, so each term's postings stay in document order.
	for k, id := range b.terms {
		b.ix.postings[id] = append(b.ix.postings[id], b.cur[k])
		b.slot[id] = 0
	}
	b.ix.docs = append(b.ix.docs, seq)
	b.ix.lengths = append(b.ix.lengths, float32(len(seq))+0.5*float32(len(d.Context)))
	return int(doc)
}

// posting returns the id of term t and the index in cur of its posting in document doc,
// made on first use.
func (b *Builder) posting(t string, doc int32) (int32, int) {
	id := b.id(t)
	if int(id) >= len(b.slot) {
		b.slot = append(b.slot, make([]int32, int(id)+1-len(b.slot))...)
	}
	if b.slot[id] == 0 {
		b.cur = append(b.cur, Posting{Doc: doc})
		b.terms = append(b.terms, id)
		b.slot[id] = int32(len(b.cur))
	}
	return id, int(b.slot[id]) - 1
}

// AddSurface records that the word as written analyses to term, for typo-tolerant lookup.
func (b *Builder) AddSurface(word, term string) {
	if _, ok := b.surfaces[word]; !ok {
		b.surfaces[word] = term
	}
}

// Build finishes the index. The Builder must not be used afterwards. The table of words
// for typo-tolerant lookup is finished on another goroutine; the methods that need it wait
// for it, and Wait waits for it.
func (b *Builder) Build() *Index {
	ix := b.ix
	var total float64
	for _, l := range ix.lengths {
		total += float64(l)
	}
	if len(ix.lengths) > 0 {
		ix.avgLen = total / float64(len(ix.lengths))
	}
	ix.norms = make([]float64, len(ix.lengths))
	for doc, l := range ix.lengths {
		ix.norms[doc] = lengthNorm(l, ix.avgLen)
	}
	ix.textDF = make([]int32, len(ix.terms))
	for id, ps := range ix.postings {
		for _, p := range ps {
			if p.TF > 0 {
				ix.textDF[id]++
			}
		}
	}
	ix.idf = make([]float64, len(ix.terms))
	for id, n := range ix.textDF {
		ix.idf[id] = math.Log(1 + (float64(len(ix.docs))-float64(n)+0.5)/(float64(n)+0.5))
	}
	// The typo table takes longest and is needed last: it is built while the caller goes
	// on with the index.
	ix.vocabed = make(chan struct{})
	go func() {
		ix.vocab = newVocabulary(b.surfaces)
		close(ix.vocabed)
	}()
	ix.sorted = make([]int32, len(ix.terms))
	for i := range ix.sorted {
		ix.sorted[i] = int32(i)
	}
	sort.Slice(ix.sorted, func(i, j int) bool { return ix.terms[ix.sorted[i]] < ix.terms[ix.sorted[j]] })
	ix.scratch.New = ix.newScratch
	return ix
}

// SurfaceTerm returns the term of a word as the documents write it ("unclear"), and
// whether they do.
func (ix *Index) SurfaceTerm(w string) (int32, bool) {
	t, ok := ix.vocabulary().terms[w]
	if !ok {
		return 0, false
	}
	return ix.Term(t)
}

// Extending returns the terms a document's text holds that start with prefix and are
// longer, in the order of their strings.
func (ix *Index) Extending(prefix string) []int32 {
	i := sort.Search(len(ix.sorted), func(i int) bool { return ix.terms[ix.sorted[i]] >= prefix })
	var out []int32
	for ; i < len(ix.sorted) && strings.HasPrefix(ix.terms[ix.sorted[i]], prefix); i++ {
		if id := ix.sorted[i]; ix.terms[id] != prefix && ix.textDF[id] > 0 {
			out = append(out, id)
		}
	}
	return out
}

// Len returns the number of documents.
func (ix *Index) Len() int { return len(ix.docs) }

// Term returns the id of a term and whether the index holds it.
func (ix *Index) Term(t string) (int32, bool) {
	id, ok := ix.ids[t]
	return id, ok
}

// TermString returns the term with the given id.
func (ix *Index) TermString(id int32) string { return ix.terms[id] }

// DocFreq returns in how many documents' text a term occurs.
func (ix *Index) DocFreq(id int32) int { return int(ix.textDF[id]) }

// IDF returns the BM25 inverse document frequency of a term: high for rare terms. It counts
// the documents whose text holds the term: a name that stands in the context of many
// sentences (the person a pronoun refers to) is no commoner for that.
func (ix *Index) IDF(id int32) float64 { return ix.idf[id] }

// MaxIDF is the IDF a term would have if it occurred in no document.
func (ix *Index) MaxIDF() float64 {
	return math.Log(1 + (float64(len(ix.docs))+0.5)/0.5)
}

// Postings returns the documents a term occurs in, in document order.
func (ix *Index) Postings(id int32) []Posting { return ix.postings[id] }

// DocTerms returns a document's text terms in order.
func (ix *Index) DocTerms(doc int) []int32 { return ix.docs[doc] }

// Surfaces returns how many distinct surface words the index knows.
func (ix *Index) Surfaces() int { return len(ix.vocabulary().words) }

// Wait returns once the index is finished, with its table of words for typo-tolerant
// lookup.
func (ix *Index) Wait() { <-ix.vocabed }

func (ix *Index) vocabulary() *vocabulary {
	if !ix.built.Load() {
		<-ix.vocabed
		ix.built.Store(true)
	}
	return ix.vocab
}
