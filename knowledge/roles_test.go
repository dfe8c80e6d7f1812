package knowledge

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHoldersFromTheArticles(t *testing.T) {
	e := seedEngine(t)
	tests := []struct {
		of, role string
		want     []string
	}{
		{"china", "presid", []string{"Xi Jinping"}},                   // "Chinese President Xi Jinping"
		{"azerbaijan", "foreign minist", []string{"Jeyhun Bayramov"}}, // "Azerbaijan’s Foreign Minister …"
		{"spain", "prime minist", []string{"Pedro Sanchez"}},
		{"china", "capit", []string{"beijing"}},                // "Beijing, capital of China"
		{"", "presid", []string{"Ilham Aliyev", "Xi Jinping"}}, // "President Xi", "President Aliyev": no one in particular
	}
	for _, tt := range tests {
		assert.ElementsMatch(t, tt.want, e.holders[roleKey{of: tt.of, role: tt.role}], "%s %s", tt.of, tt.role)
	}
	assert.Empty(t, e.holders[roleKey{of: "beij", role: "presid"}], "“in Beijing, President Xi”: a comma parts them")
	assert.Empty(t, e.holders[roleKey{of: "china", role: "counterpart"}], "a counterpart is one only relative to another")
}

func TestRolesReadAsTheirHolders(t *testing.T) {
	e := seedEngine(t)
	assertAnswers(t, e, []qa{
		{"What did the Chinese leader tell the Spanish head of government about tariff wars?", "no winner in a tariff war"},
		{"Which Chinese minister did Azerbaijan's chief diplomat meet in January?", "Wang Yi"},
		{"By how much did trade grow, according to the Azerbaijani leader?", "20%"},
		// Asked who holds the role: answered by a fact that says so, not one that names him.
		{"Who is the Chinese leader?", "Chinese President Xi Jinping"},
	})
	assert.False(t, ask(t, e, "What is the capital of China?").Answered, "no sentence of a story says so")
}

// TestRolesOfANewArticle shows the holders come from the articles, not from a list: an
// article about another country's president is read the same way.
func TestRolesOfANewArticle(t *testing.T) {
	fsys := fstest.MapFS{
		"kz.txt": {Data: []byte("Kazakh President Kassym-Jomart Tokayev met Azerbaijani President Ilham Aliyev in Astana on May 5, 2025.\n\n" +
			"Tokayev praised the growth of cargo shipments across the Caspian Sea.\n\n" +
			"The two presidents also discussed a new ferry terminal at the port of Aktau.\n")},
	}
	e, err := Load(fsys)
	require.NoError(t, err)
	assert.Equal(t, []string{"Kassym-Jomart Tokayev"}, e.holders[roleKey{of: "kazakhstan", role: "presid"}])
	a, err := e.Answer(t.Context(), "What did the Kazakh leader praise?")
	require.NoError(t, err)
	require.True(t, a.Answered, a.Text)
	assert.Contains(t, quotes(a), "cargo shipments")
}

func TestCounterparts(t *testing.T) {
	e := seedEngine(t)
	q := e.readQuestion(clean("What did Bayramov's Chinese counterpart say?"))
	wang, _ := e.ix.Term(e.az.Word("wang").Term)
	found := false
	for _, qt := range q.terms {
		if qt.Word == "counterpart" {
			for _, alt := range qt.Alts {
				found = found || len(alt.Terms) == 1 && alt.Terms[0] == wang
			}
		}
	}
	assert.True(t, found, "Bayramov's Chinese counterpart is China's foreign minister, Wang Yi")
}

// TestCountriesAreNoCities holds that a place the articles give a president, a minister
// or a capital is a country, and that a question asking for a city is not answered by a
// fact that says where only by naming one.
func TestCountriesAreNoCities(t *testing.T) {
	e := seedEngine(t)
	assert.True(t, e.states["china"], "China has a president")
	assert.True(t, e.states["azerbaijan"], "Azerbaijan has a foreign minister")
	assert.False(t, e.states["beij"], "Beijing is a city")
	tests := []struct {
		q    string
		city bool
	}{
		{"In which Chinese city will the summit be held?", true},
		{"what city did they meet in", true},
		{"Which towns signed the letter?", true},
		{"In which country does she live?", false},
		{"Where will the summit be held?", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.city, e.readQuestion(clean(tt.q)).city, tt.q)
	}
	for _, f := range e.facts {
		if strings.Contains(f.Text, "upcoming SCO Summit in China") {
			q := e.readQuestion(clean("In which city will the SCO summit take place?"))
			assert.True(t, e.onlyCountries(q, &f), "the summit in China is in no city")
		}
	}
}
