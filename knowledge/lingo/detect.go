package lingo

import (
	"bytes"
	"strings"
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
	for w, ascii, ok := ws.next(); ok; w, ascii, ok = ws.next() {
		switch functionWords[string(w)] {
		case English:
			en++
		case Azerbaijani:
			az++
		}
		switch {
		case ascii:
		case bytes.ContainsRune(w, 'ə'):
			az += 2
		case bytes.ContainsFunc(w, azLetter):
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

// next returns the next word, in a buffer the following call reuses, and whether it is
// all ASCII; or false at the end.
func (ws *words) next() (word []byte, ascii, ok bool) {
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
		return nil, false, false
	}
	start, simple, ascii := ws.i, true, true
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
		ascii = false
		simple = simple && !unicode.IsUpper(r)
		ws.i += size
	}
	if !simple {
		return []byte(lowerAz(s[start:ws.i])), false, true
	}
	buf := ws.buf[:0]
	for k := start; k < ws.i; k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c |= 0x20
		}
		buf = append(buf, c)
	}
	return buf, ascii, true
}

// functionWords are the function words of English questions, and the Azerbaijani
// function and question words, with and without the letters English keyboards lack.
var functionWords = func() map[string]Language {
	m := map[string]Language{}
	for _, w := range strings.Fields(`the a an of is are was were be been what who whom whose
		when where which why how did does do in on at to for with and or about has have had
		between from by that this their its they it will can there much many`) {
		m[w] = English
	}
	for _, w := range strings.Fields(`və ve ilə ile nə ne nədir nedir hansı hansi neçə nece
		necə harada hara haçan hacan niyə niye üçün ucun haqqında haqqinda arasında arasinda
		vaxt qədər qeder kimdir olub edib bu mı mi mu mü da də de ki hansılar barədə barede
		zaman var yoxdur nədən neden`) {
		m[w] = Azerbaijani
	}
	return m
}()

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
