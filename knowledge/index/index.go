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
}

// Index is a read-only inverted index. Build one with a Builder.
type Index struct {
	ids      map[string]int32
	terms    []string
	postings [][]Posting
	docs     [][]int32 // each document's text terms in order
	lengths  []float32
	avgLen   float64
	textDF   []int32       // per term, the documents whose text (not context) holds it
	idf      []float64     // per term, its IDF, computed once
	vocab    *vocabulary   // built on its own goroutine: read through vocabulary()
	vocabed  chan struct{} // closed once vocab is built
	sorted   []int32       // the terms in the order of their strings
	scratch  sync.Pool     // per-search work space sized to the documents
	// suggested caches Suggest's answers for the first maxSuggested words asked: the
	// same few misspellings come up again and again.
	suggested    sync.Map
	suggestedLen atomic.Int64
}

// Builder collects documents and surface words for an Index. It is not safe for concurrent
// use.
type Builder struct {
	ix       *Index
	surfaces map[string]string
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{ix: &Index{ids: map[string]int32{}}, surfaces: map[string]string{}}
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
	counts := map[int32]*Posting{}
	seq := make([]int32, len(d.Text))
	for i, t := range d.Text {
		id := b.id(t)
		seq[i] = id
		p := counts[id]
		if p == nil {
			p = &Posting{Doc: doc}
			counts[id] = p
		}
		p.TF++
	}
	posting := func(t string) *Posting {
		id := b.id(t)
		p := counts[id]
		if p == nil {
			p = &Posting{Doc: doc}
			counts[id] = p
		}
		return p
	}
	for _, t := range d.Context {
		posting(t).Context++
	}
	for _, t := range d.Near {
		posting(t).Near++
	}
	ids := make([]int32, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		b.ix.postings[id] = append(b.ix.postings[id], *counts[id])
	}
	b.ix.docs = append(b.ix.docs, seq)
	b.ix.lengths = append(b.ix.lengths, float32(len(seq))+0.5*float32(len(d.Context)))
	return int(doc)
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
	<-ix.vocabed
	return ix.vocab
}
