package index

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func build(docs ...string) *Index {
	b := NewBuilder()
	for _, d := range docs {
		words := strings.Fields(d)
		b.Add(Document{Text: words})
		for _, w := range words {
			b.AddSurface(w, w)
		}
	}
	return b.Build()
}

func query(ix *Index, words ...string) []QueryTerm {
	var q []QueryTerm
	for _, w := range words {
		qt := QueryTerm{Word: w, Weight: ix.MaxIDF()}
		if id, ok := ix.Term(w); ok {
			qt.Alts = []Alternative{{Terms: []int32{id}, Factor: 1}}
			qt.Weight = ix.IDF(id)
		}
		q = append(q, qt)
	}
	return q
}

func TestSearchRanksAndCovers(t *testing.T) {
	ix := build("azerbaijan invest 2 billion china economy", "china compani invest 1 billion azerbaijan economy", "visa exempt passport holder")
	hits := ix.Search(query(ix, "visa", "passport"), 10)
	require.Len(t, hits, 1)
	assert.Equal(t, 2, hits[0].Doc)
	assert.InDelta(t, 1.0, hits[0].Coverage, 1e-9)
	hits = ix.Search(query(ix, "visa", "unknownword"), 10)
	require.Len(t, hits, 1)
	assert.Less(t, hits[0].Coverage, 0.5, "an unknown word weighs against coverage")
}

func TestWordOrderDecides(t *testing.T) {
	ix := build("azerbaijan invest 2 billion china economy", "china compani invest 1 billion azerbaijan economy")
	a := ix.Search(query(ix, "azerbaijan", "invest", "china"), 2)
	b := ix.Search(query(ix, "china", "invest", "azerbaijan"), 2)
	assert.Equal(t, 0, a[0].Doc)
	assert.Equal(t, 1, b[0].Doc)
	assert.Greater(t, a[0].Signals.Order, a[1].Signals.Order)
}

func TestPhraseSignal(t *testing.T) {
	ix := build("road transport between azerbaijan", "transport by road")
	hits := ix.Search(query(ix, "road", "transport"), 2)
	assert.Equal(t, 0, hits[0].Doc)
	assert.Greater(t, hits[0].Signals.Phrase, 0.0)
}

func TestMultiTermAlternative(t *testing.T) {
	ix := build("belt road initi", "road only", "bri support")
	belt, _ := ix.Term("belt")
	road, _ := ix.Term("road")
	bri, _ := ix.Term("bri")
	q := []QueryTerm{{Word: "bri", Weight: 1, Alts: []Alternative{{Terms: []int32{bri}, Factor: 1}, {Terms: []int32{belt, road}, Factor: 1}}}}
	var docs []int
	for _, h := range ix.Search(q, 10) {
		docs = append(docs, h.Doc)
	}
	assert.ElementsMatch(t, []int{0, 2}, docs, "all of a several-term alternative must occur")
}

func TestSuggest(t *testing.T) {
	ix := build("investment relations beijing visa free tariff committee taiwan")
	tests := []struct{ in, want string }{
		{"tarrif", "tariff"}, // a doubled letter misplaced
		{"comitee", "committee"},
		{"investmnt", "investment"}, // a letter left out
		{"relatons", "relations"},
		{"beijnig", "beijing"}, // two letters swapped
		{"vissa", "visa"},      // a letter added
		{"fre", "free"},
		{"invstmnt", "investment"}, // letters left out: a subsequence
		{"tawain", "taiwan"},       // the same letters, scrambled after the first
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			s := ix.Suggest(tt.in)
			require.NotEmpty(t, s)
			assert.Equal(t, tt.want, s[0].Word)
		})
	}
	assert.Empty(t, ix.Suggest("zz"), "short words are not corrected")
	long := build("allahveranov relations visiting")
	s := long.Suggest("allaverdanov")
	require.NotEmpty(t, s, "two edits in a long word")
	assert.Equal(t, "allahveranov", s[0].Word)
	assert.Equal(t, 2, Distance("vistinx", "visiting"))
	assert.Empty(t, long.Suggest("vistinx"), "two edits in a word under eight letters as often make another word")
	assert.Empty(t, ix.Suggest("xylophone"))
}

func TestDistance(t *testing.T) {
	assert.Equal(t, 0, Distance("visa", "visa"))
	assert.Equal(t, 1, Distance("visa", "vias"))
	assert.Equal(t, 1, Distance("баку", "бакy"))
	assert.Equal(t, 3, Distance("", "abc"))
	assert.Equal(t, 3, Distance("abc", ""))
	assert.Equal(t, 1, Distance("café", "cafe"), "a rune, not two bytes")
	long := strings.Repeat("a", 40)
	assert.Equal(t, 1, Distance(long, long+"b"), "longer than the stack's rows")
	assert.Equal(t, 1, Distance("abcdefghijklmnopqrstuvwxyz01234", "abcdefghijklmnopqrstuvwxyz0123"), "the longest word on the stack")
}

func TestConcurrentSearch(t *testing.T) {
	ix := build("a b c", "b c d", "c d e")
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 200; i++ {
				hits := ix.Search(query(ix, "c", "d"), 3)
				assert.Len(t, hits, 3)
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

func TestShortAbbreviations(t *testing.T) {
	ix := build("organizations economic government established")
	for in, want := range map[string]string{"orgs": "organizations", "econ": "economic", "govt": "government", "est": "established"} {
		s := ix.Suggest(in)
		require.NotEmpty(t, s, in)
		assert.Equal(t, want, s[0].Word, in)
	}
	assert.Empty(t, ix.Suggest("putin"), "a longer word is no abbreviation of a word that merely starts like it")
}

func TestClippedWords(t *testing.T) {
	ix := build("pharmaceuticals infrastructure machinery")
	for in, want := range map[string]string{"pharma": "pharmaceuticals", "infra": "infrastructure"} {
		s := ix.Suggest(in)
		require.NotEmpty(t, s, in)
		assert.Equal(t, want, s[0].Word, in)
	}
	assert.Empty(t, ix.Suggest("pharmacy"), "a word that only starts like another is not cut from it")
}

func TestSurfaceTerm(t *testing.T) {
	b := NewBuilder()
	b.Add(Document{Text: []string{"unclear"}})
	b.AddSurface("unclear", "unclear")
	ix := b.Build()
	id, ok := ix.SurfaceTerm("unclear")
	require.True(t, ok)
	assert.Equal(t, "unclear", ix.TermString(id))
	_, ok = ix.SurfaceTerm("clear")
	assert.False(t, ok, "a word the documents do not write")
}

func TestExtending(t *testing.T) {
	ix := build("reunif reunification reunifi other")
	var got []string
	for _, id := range ix.Extending("reunif") {
		got = append(got, ix.TermString(id))
	}
	assert.Equal(t, []string{"reunifi", "reunification"}, got, "longer terms only, in order")
	assert.Empty(t, ix.Extending("zz"))
}

func TestFieldsAndFrequency(t *testing.T) {
	b := NewBuilder()
	b.Add(Document{Text: []string{"visit", "beijing"}, Context: []string{"aliyev"}})
	b.Add(Document{Text: []string{"family", "trip"}, Context: []string{"aliyev"}, Near: []string{"visit", "beijing"}})
	b.Add(Document{Text: []string{"aliyev", "said"}})
	b.Add(Document{Text: []string{"other", "words"}})
	ix := b.Build()
	aliyev, _ := ix.Term("aliyev")
	visit, _ := ix.Term("visit")
	assert.Equal(t, 1, ix.DocFreq(aliyev), "a term's frequency counts the texts that hold it, not the contexts")
	assert.Equal(t, ix.IDF(visit), ix.IDF(aliyev))

	hits := ix.Search(query(ix, "visit", "beijing"), 10)
	require.Len(t, hits, 2)
	assert.Equal(t, 0, hits[0].Doc)
	assert.InDelta(t, 1.0, hits[0].Coverage, 1e-9)
	assert.Equal(t, 1, hits[1].Doc)
	assert.InDelta(t, nearCoverage, hits[1].Coverage, 1e-9, "words only the sentence before holds cover less")
}

func TestSearchIntoReusesResults(t *testing.T) {
	ix := build("visa free travel", "visa waiver", "trade turnover grew", "trade and visa")
	var r Results
	for _, q := range [][]string{{"visa", "travel"}, {"trade"}, {"visa", "trade", "grew"}, {"visa"}} {
		want := ix.Search(query(ix, q...), 10)
		got := ix.SearchInto(&r, query(ix, q...), 10)
		require.Len(t, got, len(want), "%v", q)
		for i := range want {
			assert.Equal(t, want[i].Doc, got[i].Doc, "%v", q)
			assert.Equal(t, want[i].Matched, got[i].Matched, "%v: nothing left over from the search before", q)
		}
	}
}

// TestLimitKeepsBestInOrder holds the choice of the best few among many matches: by score,
// ties to the lower document number, whatever the order they were touched in.
func TestLimitKeepsBestInOrder(t *testing.T) {
	var docs []string
	for i := 0; i < 40; i++ {
		switch i % 4 {
		case 0:
			docs = append(docs, "visa")
		case 1:
			docs = append(docs, "visa passport")
		default:
			docs = append(docs, "visa other words here")
		}
	}
	ix := build(docs...)
	hits := ix.Search(query(ix, "passport", "visa"), 4)
	require.Len(t, hits, 4)
	for i, h := range hits {
		assert.Equal(t, 4*i+1, h.Doc, "the documents with both words, in document order")
	}
	hits = ix.Search(query(ix, "visa"), 3)
	require.Len(t, hits, 3)
	assert.Equal(t, []int{0, 4, 8}, []int{hits[0].Doc, hits[1].Doc, hits[2].Doc}, "the shortest documents, ties in document order")
}

// TestOneEdit holds OneEdit to Distance over every word one or two edits from a few.
func TestOneEdit(t *testing.T) {
	edits := func(w string) []string {
		var out []string
		for i := 0; i <= len(w); i++ {
			for _, c := range "abvé" {
				out = append(out, w[:i]+string(c)+w[i:])
				if i < len(w) {
					out = append(out, w[:i]+string(c)+w[i+1:])
				}
			}
			if i < len(w) {
				out = append(out, w[:i]+w[i+1:])
			}
			if i+1 < len(w) {
				out = append(out, w[:i]+w[i+1:i+2]+w[i:i+1]+w[i+2:])
			}
		}
		return out
	}
	for _, w := range []string{"", "a", "visa", "abba", "baku", "café"} {
		for _, x := range edits(w) {
			for _, y := range append(edits(x), x) {
				assert.Equal(t, Distance(w, y) == 1, OneEdit(w, y), "%q %q", w, y)
				assert.Equal(t, Distance(y, w) == 1, OneEdit(y, w), "%q %q", y, w)
			}
		}
	}
}

// TestManyHitsSorted holds the order of a long list of hits: best first, ties by number.
func TestManyHitsSorted(t *testing.T) {
	var docs []string
	for i := 0; i < 150; i++ {
		docs = append(docs, "visa"+strings.Repeat(" word", i%7))
	}
	ix := build(docs...)
	for _, limit := range []int{10, 40, 100} {
		hits := ix.Search(query(ix, "visa"), limit)
		require.Len(t, hits, limit)
		for i := 1; i < len(hits); i++ {
			a, b := hits[i-1], hits[i]
			assert.True(t, a.Score > b.Score || a.Score == b.Score && a.Doc < b.Doc, "limit %d: hit %d (%d, %v) before (%d, %v)", limit, i, a.Doc, a.Score, b.Doc, b.Score)
		}
		assert.Equal(t, 0, hits[0].Doc)
	}
}
