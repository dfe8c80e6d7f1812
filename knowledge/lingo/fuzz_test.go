package lingo

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzEnglish reads any text as each language other than English: it never panics, and
// returns valid UTF-8 words for valid UTF-8 text.
func FuzzEnglish(f *testing.F) {
	for _, s := range []string{
		"Si Cinpinin həyat yoldaşının adı nədir?",
		"Какого объёма достиг товарооборот между Азербайджаном и Китаем?",
		"中国支持阿塞拜疆哪个机构的排雷工作？",
		"二十份文件 4月23日 2019年 百百零十",
		"ANAMA-nın 35-ci 3,5 milyard",
		"inininininininininininininininininininininininininininininq",
		"\xff\xfe 中\u0307 İ",
	} {
		f.Add(s)
	}
	l := domainLexicon(f)
	f.Fuzz(func(t *testing.T, text string) {
		Detect(text)
		for _, lang := range []Language{Azerbaijani, Russian, Chinese} {
			out := l.English(lang, text)
			if !utf8.ValidString(out) && utf8.ValidString(text) {
				t.Fatalf("%s: %q reads as invalid UTF-8 %q", lang, text, out)
			}
			if strings.Contains(out, "  ") {
				t.Fatalf("%s: %q reads with an empty word: %q", lang, text, out)
			}
		}
	})
}
