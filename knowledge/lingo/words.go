package lingo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lowerAz lower-cases s as Azerbaijani writes it: the dotted İ is i, and combining marks
// (a dot left by another language's lower-casing) are dropped.
func lowerAz(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == 'İ':
			b.WriteByte('i')
		case unicode.Is(unicode.Mn, r):
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// foldAz writes an Azerbaijani word in the letters of an English keyboard (ə e, ı i, ğ g,
// ş s, ç c, ö o, ü u), as many people type it, so that both spellings meet.
var foldAz = strings.NewReplacer("ə", "e", "ı", "i", "ğ", "g", "ş", "s", "ç", "c", "ö", "o", "ü", "u")

// foldRu lower-cases a Russian word and writes ё as е, as most people type it.
func foldRu(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "ё", "е")
}

// piece is one word of a question: letters, or a number, and whether it follows a hyphen
// or an apostrophe in the same written word ("ANAMA-nın", "35-ci").
type piece struct {
	text     string
	number   bool
	attached bool
}

// split cuts text into words and numbers. A decimal comma or point inside a number is
// kept as a point ("3,5" is "3.5").
func split(text string) []piece {
	var out []piece
	attached := false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsDigit(r):
			var b strings.Builder
			for i < len(text) {
				r, size = utf8.DecodeRuneInString(text[i:])
				if unicode.IsDigit(r) {
					b.WriteRune(r)
				} else if (r == ',' || r == '.') && i+1 < len(text) && isDigit(text[i+1]) && b.Len() > 0 {
					b.WriteByte('.')
				} else {
					break
				}
				i += size
			}
			out = append(out, piece{text: b.String(), number: true, attached: attached})
			attached = false
		case unicode.IsLetter(r):
			start := i
			for i < len(text) {
				r, size = utf8.DecodeRuneInString(text[i:])
				if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) && !unicode.IsDigit(r) {
					break
				}
				i += size
			}
			// Letters run on into digits in names such as "COP29".
			out = append(out, piece{text: text[start:i], attached: attached})
			attached = false
		default:
			attached = len(out) > 0 && (r == '-' || r == '\'' || r == '’' || r == '‘') && i > 0 && !isSpaceBefore(text, i)
			i += size
		}
	}
	return out
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

func isSpaceBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(r)
}
