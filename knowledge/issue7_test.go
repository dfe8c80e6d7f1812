package knowledge

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFiguresThatDisagreeAreBothShown(t *testing.T) {
	e := seedEngine(t)
	a := ask(t, e, "How many agreements were signed during Aliyev's state visit?")
	require.True(t, a.Answered)
	assert.Contains(t, a.Text, "The articles differ")
	assert.Contains(t, a.Text, "20")
	assert.Contains(t, a.Text, "18")
	sources := map[string]bool{}
	for _, c := range a.Citations {
		sources[c.Source[:3]] = true
	}
	assert.True(t, sources["002"] && sources["003"], "both figures are cited: %v", a.Citations)

	b := ask(t, e, "How many documents did the leaders sign?")
	require.True(t, b.Answered)
	assert.Contains(t, b.Text, "20 in 001_1dd007d9d2e50d38.txt and commonspace.eu (002)", "both articles that give 20 are named (\"20 wide-ranging cooperation agreements\")")
	assert.False(t, ask(t, e, "How many Azerbaijani students study in China?").Answered, "“the two countries … academic partnerships” counts countries, not students")
}

func TestDifferentYearsAreNoDisagreement(t *testing.T) {
	a := ask(t, seedEngine(t), "How many documents were signed in 2019?")
	require.True(t, a.Answered)
	assert.NotContains(t, a.Text, "differ", "the 2019 forum and the 2025 visit are different events")
}

func TestYearsAndPairsAreNoFigures(t *testing.T) {
	a := ask(t, seedEngine(t), "how much has azerbaijan put into china's silk road project")
	assert.NotContains(t, a.Text, "differ", "“the 2030 strategy” names a year, “the two countries” a pair: neither is an amount")
}

func TestCorroborationIsCounted(t *testing.T) {
	a := ask(t, seedEngine(t), "Does China support Azerbaijan in safeguarding its national sovereignty?")
	require.True(t, a.Answered)
	assert.Contains(t, a.Text, "reported by 2 sources")
}

func TestTimeline(t *testing.T) {
	events := seedEngine(t).Timeline()
	var dates []string
	for i, ev := range events {
		dates = append(dates, ev.Date)
		if i > 0 {
			assert.LessOrEqual(t, events[i-1].Date, ev.Date, "in order")
		}
		require.Len(t, ev.Answer.Citations, 1)
		assert.NotEmpty(t, ev.When)
	}
	for _, want := range []string{"1992", "2019", "2025-04-23", "2026-01-28", "2027", "2024-07", "2025-08"} {
		assert.Contains(t, dates, want)
	}
	assert.NotContains(t, dates, "2030", "the 2030 Strategy is a name, not an event")
	for _, ev := range events {
		assert.NotEqual(t, "Today", ev.Phrase, "“today” is when something was said, not an event")
	}
}

func TestFollowUps(t *testing.T) {
	e := seedEngine(t)
	tests := []struct {
		name, previous, question string
		follows                  bool
		want                     string
	}{
		{"who signed it", "What is the Mutual Visa Exemption agreement about?", "Who signed it?", true, "Bayramov"},
		{"and when", "What did Azerbaijan and China agree about visas?", "and when was it signed?", true, "2025"},
		{"a question of its own", "What is the visa agreement about?", "How many documents were signed in 2019?", false, "ten documents"},
		{"nothing before", "", "who signed it?", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, ok := e.FollowUp(tt.question, tt.previous)
			assert.Equal(t, tt.follows, ok, q)
			if tt.want == "" {
				return
			}
			a := ask(t, e, q)
			require.True(t, a.Answered, a.Text)
			assert.Contains(t, a.Text+quotes(a), tt.want)
		})
	}
}

func TestAnAdverbIsNotCounted(t *testing.T) {
	e := seedEngine(t)
	assert.False(t, ask(t, e, "How many Chinese firms operate in Azerbaijan?").Answered, "“One-China principle, firmly opposing” counts no firms")
}

func TestAMonthIsNotOfAnotherYear(t *testing.T) {
	a := ask(t, seedEngine(t), "how many documents were signed in april")
	require.True(t, a.Answered)
	assert.NotContains(t, a.Text, "10 in", "“in 2019 … ten documents” is not of the April of the visit")
}
