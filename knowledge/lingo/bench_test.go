package lingo

import (
	"strings"
	"testing"
)

func BenchmarkDetectEnglish(b *testing.B) {
	qs := []string{"Where did Bayramov and Wang Yi meet on January 28?", "What did Azerbaijan tell China about the liberated territories?", "how much chinese investmnt in azerbaijan"}
	for i := 0; b.Loop(); i++ {
		Detect(qs[i%len(qs)])
	}
}

// BenchmarkEnglishLongest reads questions of the longest length the engine takes (1,000
// bytes), made of what costs most: one long Azerbaijani word of ambiguous suffixes,
// Russian words, Chinese characters no entry covers.
func BenchmarkEnglishLongest(b *testing.B) {
	l := domainLexicon(b)
	inputs := []struct {
		name string
		lang Language
		text string
	}{
		{"az one word", Azerbaijani, strings.Repeat("in", 499) + "q"},
		{"ru words", Russian, strings.Repeat("азербайджанского ", 1000/len("азербайджанского "))},
		{"zh unknown", Chinese, strings.Repeat("特", 1000/len("特"))},
		{"zh known", Chinese, strings.Repeat("阿塞拜疆", 1000/len("阿塞拜疆"))},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			for b.Loop() {
				l.English(in.lang, in.text)
			}
		})
	}
}
