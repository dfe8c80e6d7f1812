package knowledge

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSmallTalk(t *testing.T) {
	tests := []struct{ text, want string }{
		{"thanks bot, you're great!", "thanks"},
		{"ok thank you so much", "thanks"},
		{"great job", "thanks"},
		{"ty bot 🙏 thats all i needed", "thanks"},
		{"lol ur kinda smart for a bot", "thanks"}, // praise, though "smart" is in "smart city"
		{"hi", "greeting"},
		{"Hello there!", "greeting"},
		{"good morning bot", "greeting"},
		{"hi, how are you?", "greeting"},
		{"bye", "bye"},
		{"good night", "bye"},
		{"how are you doing today?", "how"},
		{"how is it going", "how"},
		// questions, however short or kind
		{"what is good about the partnership", ""},
		{"hi, when did Bayramov meet Wang Yi?", ""},
		{"is the visa regime good", ""},
		{"smart city?", ""},
		{"how", ""},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, smallTalk(tt.text), tt.text)
	}
}

func TestSmallTalkIsRepliedToWithoutAQuote(t *testing.T) {
	e := seedEngine(t)
	a := ask(t, e, "thanks bot, you're great!")
	require.False(t, a.Answered, "“great” is no question about the Great Hall: %s", a.Text)
	assert.Empty(t, a.Citations)
	assert.Contains(t, a.Text, "Glad to help.")
}

func TestWithoutGreeting(t *testing.T) {
	tests := []struct{ text, want string }{
		{"hi! when did Bayramov meet Wang Yi?", "when did Bayramov meet Wang Yi?"},
		{"hi bot how much has az invested in china", "how much has az invested in china"},
		{"hey there what did xi say", "what did xi say"},
		{"hi bot how are you", "hi bot how are you"}, // small talk, all of it
		{"hiking in baku, is it allowed", "hiking in baku, is it allowed"},
		{"what is good about the partnership", "what is good about the partnership"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, withoutGreeting(tt.text), tt.text)
	}
}
