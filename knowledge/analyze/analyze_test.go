package analyze

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testThesaurus = `
variants:
  china: [chinese]
  aliyev: [aliev]
  say: [said]
concepts:
  belt and road: [belt and road initiative, bri]
compounds:
  developing countries: [developing countries, developing nations, developing world]
  accept: [said yes]
figurative:
  - belt and road
  - road
synonyms:
  - [trade, commerce]
`

func newTest(t *testing.T) *Analyzer {
	t.Helper()
	th, err := ReadThesaurus(strings.NewReader(testThesaurus))
	require.NoError(t, err)
	return New(th)
}

func TestTerms(t *testing.T) {
	a := newTest(t)
	tests := []struct {
		name, in string
		want     []string
	}{
		{"stems and stop words", "The investments were signed", []string{"invest", "sign"}},
		{"variants on both sides", "Chinese leader Aliev said", []string{"china", "leader", "aliyev", "say"}},
		{"possessive and hyphen", "Azerbaijan’s people-to-people ties", []string{"azerbaijan", "peopl", "peopl", "tie"}},
		{"stance prefix", "pro-government media, not the government", []string{"pro-govern", "media", "govern"}},
		{"decimal and thousands", "$3.5 billion and 86,000 claims", []string{"3.5", "billion", "86000", "claim"}},
		{"ordinal and unit", "the 35th anniversary, 2bn", []string{"35", "anniversari", "2"}},
		{"number words", "ten documents", []string{"10", "document"}},
		{"reciprocal", "they trusted each other and one another", []string{"trust", Reciprocal, Reciprocal}},
		{"overstemmed", "important imports", []string{"importan", "import"}},
		{"overstemmed renewables", "renewables renewed", []string{"renewabl", "renew"}},
		{"overstemmed firmly", "firmly firms", []string{"firmli", "firm"}},
		{"belt n road", "belt n road", []string{"belt", "road"}},
		{"chat shorthand", "wat abt visas", []string{"visa"}},
		{"chat filler", "visa free or nah tbh", []string{"visa", "free"}},
		{"a preposition Snowball lacks", "the journalist behind the piece", []string{"journalist", "piec"}},
		{"contraction split at its apostrophe", "wasn't there a deal? didn’t they sign", []string{"deal", "sign"}},
		{"compound", "developing nations develop", []string{"developing_countries", "develop"}},
		{"compound of a word", "she said yes, they accepted", []string{"accept", "accept"}},
		{"compound cut short", "the developing", []string{"develop"}},
		{"compound of another form", "developing nation", []string{"developing_countries"}},
		{"compound mistyped out of its stem", "developing natio", []string{"develop", "natio"}},
		{"the us is no pronoun", "tell us what the us and the U.S. said", []string{"usa", "usa", "say"}},
		{"US in capitals is the country", "Tell us about the latest US–China talks", []string{"latest", "usa", "china", "talk"}},
		{"unless all is in capitals", "TELL US ABOUT CHINA", []string{"china"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, a.Terms(tt.in))
		})
	}
}

func TestConcepts(t *testing.T) {
	a := newTest(t)
	terms := a.Terms("what is the belt and road initiative about")
	cs := a.Concepts(terms)
	require.Len(t, cs, 1)
	assert.Equal(t, []string{"belt", "road", "initi"}, terms[cs[0].Start:cs[0].End], "the longest name wins")
	assert.Contains(t, cs[0].Names, []string{"bri"})
	assert.Empty(t, a.Concepts(a.Terms("the road to Baku")))
}

func TestSynonymsAreSymmetric(t *testing.T) {
	a := newTest(t)
	assert.Equal(t, []string{"commerc"}, a.Synonyms("trade"))
	assert.Equal(t, []string{"trade"}, a.Synonyms("commerc"))
}

func TestOppositesAreSymmetric(t *testing.T) {
	th, err := ReadThesaurus(strings.NewReader("opposites:\n  - [[confirm, admit], [deny]]\n"))
	require.NoError(t, err)
	a := New(th)
	assert.Equal(t, []string{"deni"}, a.Opposites("confirm"))
	assert.ElementsMatch(t, []string{"confirm", "admit"}, a.Opposites("deni"))
	assert.Equal(t, []string{"deni"}, a.Opposites("admit"), "one group's words are no opposites of one another")
}

func TestReadThesaurusRejectsUnknownKeys(t *testing.T) {
	_, err := ReadThesaurus(strings.NewReader("synonym: []\n"))
	assert.Error(t, err)
}

func TestFigurative(t *testing.T) {
	a := newTest(t)
	assert.Equal(t, [][]string{{"belt", "road"}}, a.Figurative(), "as terms; a name of one word is no figure")
}

func TestNamesConcept(t *testing.T) {
	a := newTest(t)
	assert.True(t, a.NamesConcept("bri"), "a one-word name of a concept")
	assert.False(t, a.NamesConcept("belt"), "the first word of a longer name alone names nothing")
	assert.False(t, a.NamesConcept("trade"))
}

func TestNameWord(t *testing.T) {
	a := newTest(t)
	assert.True(t, a.NameWord("initiative"), "a word of a concept's name")
	assert.True(t, a.NameWord("nations"), "a word of a compound's phrase")
	assert.False(t, a.NameWord("bri"), "too short to be told by a typo")
	assert.False(t, a.NameWord("commerce"), "a synonym is no name")
}
