package knowledge

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// split is a case of a splitter: the text and the two questions it is split into, none
// when it is not.
type split struct{ text, first, second string }

// assertSplits holds a function that splits a question in two to its cases.
func assertSplits(t *testing.T, splitter func(string) (string, string, bool), tests []split) {
	t.Helper()
	for _, tt := range tests {
		first, second, ok := splitter(tt.text)
		assert.Equal(t, tt.first != "", ok, tt.text)
		assert.Equal(t, tt.first, first, tt.text)
		assert.Equal(t, tt.second, second, tt.text)
	}
}

func TestAlternatives(t *testing.T) {
	assertSplits(t, alternatives, []split{
		{"is it in july or august?", "is it in july", "is it in august"},
		{"were the documents signed at the forum or during a state visit", "were the documents signed at the forum", "were the documents signed during a state visit"},
		{"did they sign a full agreement or just a letter of intent?", "did they sign a full agreement", "did they sign a letter of intent"},
		{"did he give the interview before or after his visit?", "did he give the interview before his visit", "did he give the interview after his visit"},
		{"is it a full member of the SCO or only a dialogue partner?", "is it a full member of the SCO", "is it a dialogue partner"}, // the same article first
		{"the summit, is it in july, or august?", "the summit, is it in july", "the summit, is it in august"},
		{"did Xi say it or did Aliyev", "did Xi say it", "did Aliyev"},
		{"is the visa deal in force or not?", "", ""},
		{"is China closer to Azerbaijan or to Armenia? compare them", "", ""},
		{"did they sign a military alliance or defence treaty during the april visit", "", ""},
		{"when was it signed", "", ""},
	})
}

func TestYesNoAfterTopic(t *testing.T) {
	assert.True(t, yesNoAfterTopic("the sco summit, is it in july or august?"))
	assert.True(t, yesNoAfterTopic("nakhchivan and urumqi: did they sign a letter?"))
	assert.False(t, yesNoAfterTopic("in april, what did they sign?"))
}

func TestComparedPair(t *testing.T) {
	compared := func(text string) (string, string, bool) {
		c, ok := comparedPair(text)
		return c.first(), c.second(), ok
	}
	assertSplits(t, compared, []split{
		{"which came first, the forum or the visit?", "when was the forum", "when was the visit"},
		{"what happened earlier: the talks or the ceremony", "when was the talks", "when was the ceremony"},
		{"which is bigger: trade turnover or investment?", "how much is trade turnover", "how much is investment"},
		{"what came first on April 23, the ceremony or the talks?", "when was the ceremony", "when was the talks"}, // the day both were on
		{"which came first", "", ""},
		{"which agreements came first", "", ""},
	})
}

func TestJoinAnswersQuotesOnce(t *testing.T) {
	x := Citation{Source: "004.txt", Quote: "x"}
	y := Citation{Source: "004.txt", Quote: "y"}
	a := Answer{Answered: true, Text: "x [1]", Citations: []Citation{x}}
	b := Answer{Answered: true, Text: "y [1]\nx [2]", Citations: []Citation{y, x}}
	got := joinAnswers(a, b)
	assert.Equal(t, "x [1]\ny [2]", got.Text)
	assert.Equal(t, []Citation{x, y}, got.Citations)
}

func TestComparesTwo(t *testing.T) {
	assert.True(t, comparesTwo("were more documents signed in 2019 or in 2025?"))
	assert.False(t, comparesTwo("was it signed in 2019 or in 2025?"))
}
