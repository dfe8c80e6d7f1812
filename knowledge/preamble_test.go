package knowledge

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPreamble(t *testing.T) {
	tests := []struct{ in, question string }{
		{"My family is from Aghdam and people talk about smart villages. Is China involved in that?", "Is China involved in that?"},
		{"I know it started on the 22nd, but on what day did the state visit end?", "on what day did the state visit end?"},
		{"we always hear about chinese money coming in but what about the other way round, how much has azerbaijan put in", "how much has azerbaijan put in"},
		{"someone in another chat said it had 20 points, is that right", ""}, // the claim is the question
		{"I wonder, when did they meet?", ""},                                  // too short a story
		{"During the visit in April 2025, what did they sign?", ""},            // a scene, not the asker's story
		{"I read it somewhere. Who signed it? And when did they sign it?", ""}, // a question before
		{"my cousin lives in aghdam and says the roads are bad. did china build them?", "did china build them?"},
		{"im a student and my prof wants exact numbers. what's the trade figure??", "what's the trade figure??"},
	}
	for _, tt := range tests {
		p := preamble(tt.in)
		if tt.question == "" {
			assert.Zero(t, p, tt.in)
			continue
		}
		assert.Equal(t, tt.question, strings.TrimSpace(tt.in[p:]), tt.in)
	}
}

func TestRefersBack(t *testing.T) {
	for q, want := range map[string]bool{
		"Is China involved in that at all?":   true,
		"did china build them?":               true,
		"how much has azerbaijan put in?":     false,
		"are there scholarships for us?":      false,
		"on what day did the state visit end": false,
		"in which city":                       true,
	} {
		assert.Equal(t, want, refersBack(q), q)
	}
}

func TestLastClause(t *testing.T) {
	for story, want := range map[string]string{
		"I'm a student from Ganja and my friends talk about the Middle Corridor.": "my friends talk about the Middle Corridor.",
		"I live in Baku. People keep talking about smart villages.":               "People keep talking about smart villages.",
		"we keep reading about the state visit":                                   "we keep reading about the state visit",
	} {
		assert.Equal(t, want, story[lastClause(story):], story)
	}
}

func TestFromHearsay(t *testing.T) {
	assertRewrites(t, fromHearsay, []rewrite{
		{"i teach chinese in ganja and someone told me they agreed on confucius institutes, is that true?", "someone told me they agreed on confucius institutes, is that true?"},
		{"I study in Baku. My friend said the regime started in 2024, right?", "My friend said the regime started in 2024, right?"},
		{"i teach chinese in ganja and someone told me they agreed on confucius institutes. what did they agree?", "i teach chinese in ganja and someone told me they agreed on confucius institutes. what did they agree?"}, // no claim checked
		{"someone told me they met in May, is that true?", "someone told me they met in May, is that true?"},
	})
}
