package lingo

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Language is a language a question may be asked in, by its ISO 639-1 code.
type Language string

// The languages the engine reads.
const (
	English     Language = "en"
	Azerbaijani Language = "az"
	Russian     Language = "ru"
	Chinese     Language = "zh"
)

// Detect tells the language of a question: Chinese when it holds Han characters, Russian
// when most of its letters are Cyrillic, Azerbaijani when its Latin words carry more
// Azerbaijani evidence (the letters ə ğ ı ş ç ö ü, or Azerbaijani function words) than
// English function words, else English. Names alone ("Naxçıvan" in an English question)
// do not outweigh English function words.
func Detect(s string) Language {
	var cyrillic, latin int
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if isASCIILetter(byte(r)) {
				latin++
			}
		case unicode.Is(unicode.Han, r):
			return Chinese
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		case unicode.IsLetter(r):
			latin++
		}
	}
	if cyrillic > latin {
		return Russian
	}
	if latin == 0 {
		return English
	}
	az, en := 0, 0
	ws := words{s: s}
	for w, ok := ws.next(); ok; w, ok = ws.next() {
		switch {
		case englishWords[string(w)]:
			en++
		case azerbaijaniWords[string(w)]:
			az++
		}
		if bytes.ContainsRune(w, 'ə') {
			az += 2
		} else if bytes.ContainsFunc(w, azLetter) {
			az++
		}
	}
	if az > en {
		return Azerbaijani
	}
	return English
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// azLetter reports whether r is a letter of the Azerbaijani alphabet that English lacks.
func azLetter(r rune) bool {
	switch r {
	case 'ğ', 'Ğ', 'ı', 'İ', 'ş', 'Ş', 'ç', 'Ç', 'ö', 'Ö', 'ü', 'Ü':
		return true
	}
	return false
}

// words reads the runs of letters of s, lower-cased. It allocates only for words with
// upper-case letters beyond ASCII, so that reading an English question stays cheap.
type words struct {
	s   string
	i   int
	buf [64]byte
}

// next returns the next word, in a buffer the following call reuses, or false at the end.
func (ws *words) next() ([]byte, bool) {
	s := ws.s
	for ws.i < len(s) {
		if c := s[ws.i]; c < utf8.RuneSelf {
			if isASCIILetter(c) {
				break
			}
			ws.i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[ws.i:])
		if unicode.IsLetter(r) {
			break
		}
		ws.i += size
	}
	if ws.i >= len(s) {
		return nil, false
	}
	start, simple := ws.i, true
	for ws.i < len(s) {
		if c := s[ws.i]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				break
			}
			ws.i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[ws.i:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		simple = simple && (r < utf8.RuneSelf || !unicode.IsUpper(r))
		ws.i += size
	}
	if !simple {
		return []byte(lowerAz(s[start:ws.i])), true
	}
	buf := ws.buf[:0]
	for k := start; k < ws.i; k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c |= 0x20
		}
		buf = append(buf, c)
	}
	return buf, true
}

// englishWords are function words of English questions.
var englishWords = set("the", "a", "an", "of", "is", "are", "was", "were", "be", "been", "what",
	"who", "whom", "whose", "when", "where", "which", "why", "how", "did", "does", "do", "in",
	"on", "at", "to", "for", "with", "and", "or", "about", "has", "have", "had", "between",
	"from", "by", "that", "this", "their", "its", "they", "it", "will", "can", "there", "much",
	"many")

// azerbaijaniWords are Azerbaijani function and question words, with and without their
// letters that English keyboards lack.
var azerbaijaniWords = set("və", "ve", "ilə", "ile", "nə", "ne", "nədir", "nedir", "hansı",
	"hansi", "neçə", "nece", "necə", "harada", "hara", "haçan", "hacan", "niyə", "niye",
	"üçün", "ucun", "haqqında", "haqqinda", "arasında", "arasinda", "vaxt", "qədər", "qeder",
	"kimdir", "olub", "edib", "bu", "mı", "mi", "mu", "mü", "da", "də", "de", "ki", "hansılar",
	"barədə", "barede", "zaman", "var", "yoxdur", "nədən", "neden")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
