package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range [start, end) of the raw article.
type span struct{ start, end int }

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "st": true, "jr": true, "sr": true, "inc": true, "ltd": true,
	"co": true, "corp": true, "vs": true, "etc": true, "e.g": true, "i.e": true, "no": true,
	"nos": true, "vol": true, "pp": true, "approx": true, "est": true, "fig": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"u.s": true, "u.k": true, "u.n": true, "a.m": true, "p.m": true, "gov": true, "sen": true,
	"rep": true, "amb": true, "min": true,
}

func isClosing(r rune) bool {
	switch r {
	case '"', '\'', '’', '”', ')', ']', '»':
		return true
	}
	return false
}

func isOpening(r rune) bool {
	switch r {
	case '"', '\'', '‘', '“', '(', '[', '«':
		return true
	}
	return false
}

// splitSentences splits the paragraph text, which starts at byte base of the raw article,
// into sentence spans. It knows news text: abbreviations ("Jan."), initials, decimals
// ("$3.5 billion"), and sentences that end inside a quotation ("… integrity.” He said").
func splitSentences(text string, base int) []span {
	var out []span
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		end := i + size
		// Runs of terminal marks ("?!", "...") and closing quotes belong to the sentence.
		for end < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[end:])
			if r2 == '.' || r2 == '!' || r2 == '?' || isClosing(r2) {
				end += s2
				continue
			}
			break
		}
		if end >= len(text) {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsSpace(next) {
			i = end
			continue
		}
		j := end
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsSpace(r2) {
				break
			}
			j += s2
		}
		if j >= len(text) {
			break
		}
		first, _ := utf8.DecodeRuneInString(text[j:])
		if !(unicode.IsUpper(first) || unicode.IsDigit(first) || isOpening(first) || first == '$' || first == '-') {
			i = end
			continue
		}
		if r == '.' && !endsSentence(text[start:i]) {
			i = end
			continue
		}
		out = appendSpan(out, text, base, start, end)
		start = j
		i = j
	}
	return appendSpan(out, text, base, start, len(text))
}

// endsSentence reports whether a period after before ends a sentence: not after an
// abbreviation or an initial.
func endsSentence(before string) bool {
	k := len(before)
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:k])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		k -= size
	}
	word := before[k:]
	if word == "" {
		return true
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return !unicode.IsUpper(r) // "J. Smith"
	}
	return !abbreviations[strings.ToLower(word)]
}

// appendSpan trims white space and a quotation mark left open by a sentence that starts a
// quotation spanning several sentences, then appends text[start:end] as a raw-offset span.
func appendSpan(out []span, text string, base, start, end int) []span {
	s := text[start:end]
	trimmedLeft := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	start += trimmedLeft
	s = strings.TrimSpace(s)
	end = start + len(s)
	if r, size := utf8.DecodeRuneInString(s); (r == '"' || r == '“') && !balancedQuote(s) {
		start += size
		s = strings.TrimLeftFunc(s[size:], unicode.IsSpace)
		start = end - len(s)
	}
	if strings.TrimSpace(s) == "" {
		return out
	}
	return append(out, span{base + start, base + end})
}

// balancedQuote reports whether s, which starts with a double quotation mark, also closes it.
func balancedQuote(s string) bool {
	if strings.HasPrefix(s, "“") {
		return strings.Contains(s[len("“"):], "”")
	}
	return strings.Count(s, `"`)%2 == 0
}
