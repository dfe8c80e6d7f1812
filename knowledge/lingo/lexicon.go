package lingo

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/russian"
	"gopkg.in/yaml.v3"
)

// Entry is one English word or phrase of a lexicon with the words and phrases that mean
// it in the other languages. An entry with no English drops its words: function words
// that carry no topic.
type Entry struct {
	En string   `yaml:"en"` // the English words, "" to drop
	Az []string `yaml:"az"` // Azerbaijani stems and phrases
	Ru []string `yaml:"ru"` // Russian words and phrases, any form
	Zh []string `yaml:"zh"` // Chinese words and phrases
}

// Lexicon maps the words of questions in Azerbaijani, Russian and Chinese onto English.
// Build one with ReadLexicon; it is safe for concurrent use.
type Lexicon struct {
	entries []Entry
	az, ru  *wordTable
	zh      map[string]string
	zhMax   int // the longest Chinese entry, in runes
}

// ReadLexicon reads a lexicon in YAML: a list of entries. It returns an error for
// malformed YAML, an unknown key or an entry that names no word in another language.
func ReadLexicon(r io.Reader) (*Lexicon, error) {
	var entries []Entry
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	if err := dec.Decode(&entries); err != nil {
		return nil, fmt.Errorf("read lexicon: %w", err)
	}
	l := &Lexicon{entries: entries, az: newAzTable(), ru: newRuTable(), zh: map[string]string{}}
	for i, e := range entries {
		if len(e.Az)+len(e.Ru)+len(e.Zh) == 0 {
			return nil, fmt.Errorf("read lexicon: entry %d (%q) names no word", i+1, e.En)
		}
		for _, w := range e.Az {
			l.az.add(w, e.En)
			// A final q or k softens before a vowel: "əməkdaşlıq", "əməkdaşlığı".
			if strings.HasSuffix(w, "q") {
				l.az.add(strings.TrimSuffix(w, "q")+"ğ", e.En)
			} else if strings.HasSuffix(w, "k") {
				l.az.add(strings.TrimSuffix(w, "k")+"y", e.En)
			}
		}
		for _, w := range e.Ru {
			l.ru.add(w, e.En)
		}
		for _, w := range e.Zh {
			w = strings.ToLower(strings.Join(strings.Fields(w), ""))
			if _, dup := l.zh[w]; !dup {
				l.zh[w] = e.En
			}
			l.zhMax = max(l.zhMax, utf8.RuneCountInString(w))
		}
	}
	return l, nil
}

// Entries returns the lexicon's entries, in file order.
func (l *Lexicon) Entries() []Entry { return append([]Entry(nil), l.entries...) }

// English returns a question asked in lang as the English words the lexicon maps it onto,
// in the question's order. A word the lexicon does not know stays as written (lower-cased),
// and numbers stay as they are. A question in English comes back unchanged.
func (l *Lexicon) English(lang Language, text string) string {
	switch lang {
	case Azerbaijani:
		return l.az.english(text)
	case Russian:
		return l.ru.english(text)
	case Chinese:
		return l.chinese(text)
	}
	return text
}

// form is one way a language says an entry: a word or a phrase, normalised.
type form struct {
	words []string
	loose []string // each word by the looser key
	en    string
}

// wordTable finds the lexicon's forms in a language that writes words apart. Words are
// compared as written (norm) and by a looser key: the Snowball stem in Russian, the
// letters of an English keyboard in Azerbaijani.
type wordTable struct {
	norm  func(string) string
	loose func(string) string
	// ending reports whether rest may follow a form's word in an inflected word.
	ending func(rest string) bool
	// minStem is the shortest word (in runes) an inflected word may be read by.
	minStem int
	// stop reports a function word the lexicon does not list.
	stop  func(string) bool
	first map[string][]int // a form's first word, by both keys, → forms
	forms []form
}

func (t *wordTable) add(phrase, en string) {
	f := form{en: en}
	for _, p := range split(phrase) {
		w := t.norm(p.text)
		f.words = append(f.words, w)
		f.loose = append(f.loose, t.loose(w))
	}
	if len(f.words) == 0 {
		return
	}
	id := len(t.forms)
	t.forms = append(t.forms, f)
	t.first[f.words[0]] = append(t.first[f.words[0]], id)
	if f.loose[0] != f.words[0] {
		t.first[f.loose[0]] = append(t.first[f.loose[0]], id)
	}
}

// How well a word matches a form's word, best last.
const (
	noMatch = iota
	loosePrefixMatch
	prefixMatch
	looseMatch
	exactMatch
)

func (t *wordTable) match(w, loose string, f *form, j int) int {
	switch {
	case w == f.words[j]:
		return exactMatch
	case loose == f.loose[j]:
		return looseMatch
	case t.inflects(w, f.words[j]):
		return prefixMatch
	case t.inflects(loose, f.loose[j]):
		return loosePrefixMatch
	}
	return noMatch
}

// inflects reports whether w is stem with an ending.
func (t *wordTable) inflects(w, stem string) bool {
	return len(w) > len(stem) && strings.HasPrefix(w, stem) && utf8.RuneCountInString(stem) >= t.minStem && t.ending(w[len(stem):])
}

// english reads text word by word: at each word the longest form that starts there, the
// closest match first among forms as long.
func (t *wordTable) english(text string) string {
	pieces := split(text)
	words := make([]string, len(pieces))
	loose := make([]string, len(pieces))
	for i, p := range pieces {
		words[i] = t.norm(p.text)
		if !p.number {
			loose[i] = t.loose(words[i])
		}
	}
	var out []string
	for i := 0; i < len(pieces); {
		p := pieces[i]
		if p.number {
			out = append(out, p.text)
			i++
			continue
		}
		if p.attached && t.ending(words[i]) {
			i++ // "ANAMA-nın", "35-ci": the suffix of the word before
			continue
		}
		best, bestLen, bestScore := -1, 0, 0
		for _, id := range t.candidates(words[i], loose[i]) {
			f := &t.forms[id]
			if i+len(f.words) > len(words) {
				continue
			}
			score := 0
			for j := range f.words {
				m := t.match(words[i+j], loose[i+j], f, j)
				if m == noMatch || pieces[i+j].number {
					score = -1
					break
				}
				score += m
			}
			if score < 0 {
				continue
			}
			// Longer phrases first, then closer matches, then longer words.
			score = score*64 + min(len(f.words[0]), 63)
			if len(f.words) > bestLen || len(f.words) == bestLen && score > bestScore {
				best, bestLen, bestScore = id, len(f.words), score
			}
		}
		switch {
		case best >= 0:
			if en := t.forms[best].en; en != "" {
				out = append(out, en)
			}
			i += bestLen
			continue
		case t.stop != nil && t.stop(words[i]):
		default:
			out = append(out, words[i])
		}
		i++
	}
	return strings.Join(out, " ")
}

// candidates returns the forms whose first word w may be: w itself, or a shorter word it
// inflects, by either key.
func (t *wordTable) candidates(w, loose string) []int {
	var out []int
	for k, key := range []string{w, loose} {
		if k == 1 && key == w {
			break
		}
		out = append(out, t.first[key]...)
		n := 0
		for i := range key {
			if i > 0 && n >= t.minStem && t.ending(key[i:]) {
				out = append(out, t.first[key[:i]]...)
			}
			n++
		}
	}
	return out
}

func newRuTable() *wordTable {
	return &wordTable{
		norm:    foldRu,
		loose:   func(w string) string { return russian.Stem(w, true) },
		ending:  func(rest string) bool { return ruEndings[rest] },
		minStem: 3,
		stop:    russian.IsStopWord,
		first:   map[string][]int{},
	}
}

// ruEndings are the inflections of Russian nouns and adjectives: they let a name the
// stemmer cuts short ("Алиев") match its cases ("Алиева", "Алиевым").
var ruEndings = set("а", "я", "у", "ю", "е", "и", "ы", "о", "ь", "ой", "ей", "ом", "ем",
	"ам", "ям", "ах", "ях", "ами", "ями", "ов", "ев", "ий", "ый", "ая", "яя", "ое", "ее",
	"ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ых", "их", "ую", "юю", "ою", "ею")

func newAzTable() *wordTable {
	return &wordTable{
		norm:  lowerAz,
		loose: foldAz.Replace,
		ending: func(rest string) bool {
			return len(rest) <= 2*maxSuffixes && azSuffixes(foldAz.Replace(rest))
		},
		minStem: 2,
		first:   map[string][]int{},
	}
}

// azSuffixList holds Azerbaijani suffixes of nouns and verbs (plural, possessive, case,
// copula, question, tense, voice, participle), written as foldAz writes them: one entry
// stands for its forms by vowel harmony.
var azSuffixList = set(
	"lar", "ler", "im", "um", "m", "imiz", "umuz", "miz", "muz", "iniz", "unuz", "niz", "nuz",
	"i", "u", "si", "su", "in", "un", "nin", "nun", "a", "e", "ya", "ye", "na", "ne", "yi",
	"yu", "ni", "nu", "da", "de", "ta", "te", "dan", "den", "tan", "ten", "ndan", "nden",
	"nda", "nde", "la", "le", "yla", "yle", "li", "lu", "siz", "suz", "lik", "luk", "liq",
	"luq", "lig", "lug", "ci", "cu", "ca", "ce", "ki", "daki", "deki", "dir", "dur", "tir",
	"tur", "mi", "mu", "ib", "ub", "yib", "yub", "mis", "mus", "di", "du", "ti", "tu", "ir",
	"ur", "ar", "er", "yir", "yur", "acaq", "ecek", "yacaq", "yecek", "acag", "eceg", "maq",
	"mek", "ma", "me", "mas", "mes", "n", "il", "ul", "t", "dig", "dug", "diq", "duq", "dik",
	"duk", "an", "en", "yan", "yen", "sa", "se", "ken", "raq", "rek", "inci", "uncu", "nci",
	"ncu", "is", "us")

// maxSuffixes is the longest chain of suffixes (in bytes, folded) a word is read with:
// "larından" is 8, "laşdırılmışdır" 14. Longer endings are not inflections of a stem.
const maxSuffixes = 24

// azSuffixes reports whether rest, folded, is a chain of Azerbaijani suffixes ("ının",
// "ndan", "nmışdır").
func azSuffixes(rest string) bool {
	if len(rest) > maxSuffixes {
		return false
	}
	// chain[i]: rest[i:] is a chain of suffixes.
	var chain [maxSuffixes + 1]bool
	chain[len(rest)] = true
	for i := len(rest) - 1; i >= 0; i-- {
		for n := 1; n <= 5 && i+n <= len(rest) && !chain[i]; n++ {
			chain[i] = chain[i+n] && azSuffixList[rest[i:i+n]]
		}
	}
	return chain[0]
}

// chinese segments text by forward maximum matching over the lexicon's Chinese entries:
// at each character the longest entry that starts there. Han characters no entry covers
// stay together as one unknown word; numbers, in digits or in Chinese numerals, are kept,
// and the date units after them are read ("4月" is April).
func (l *Lexicon) chinese(text string) string {
	text = strings.ToLower(text)
	rs := []rune(text)
	// at[i] is where rune i starts in text, so that entries are looked up without copying.
	at := make([]int, 0, len(rs)+1)
	for i := range text {
		at = append(at, i)
	}
	at = append(at, len(text))
	var out []string
	unknown := -1 // where a run of unknown Han characters starts
	flush := func(i int) {
		if unknown >= 0 {
			out = append(out, text[at[unknown]:at[i]])
			unknown = -1
		}
	}
	for i := 0; i < len(rs); {
		if en, n := l.longestZh(text, at[i:]); n > 0 {
			flush(i)
			if en != "" {
				out = append(out, en)
			}
			i += n
			continue
		}
		r := rs[i]
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			flush(i)
			j := i
			for j < len(rs) && rs[j] < utf8.RuneSelf && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '.' && j > i && j+1 < len(rs) && unicode.IsDigit(rs[j+1])) {
				j++
			}
			word := text[at[i]:at[j]]
			if unicode.IsDigit(rs[i]) {
				word, j = dateUnit(word, rs, j)
			}
			out = append(out, word)
			i = j
		case chineseDigits[r] != 0 || r == '零':
			flush(i)
			n, j := chineseNumber(rs, i)
			var word string
			word, j = dateUnit(strconv.Itoa(n), rs, j)
			out = append(out, word)
			i = j
		case unicode.Is(unicode.Han, r):
			if unknown < 0 {
				unknown = i
			}
			i++
		default:
			flush(i)
			i++
		}
	}
	flush(len(rs))
	return strings.Join(out, " ")
}

// longestZh returns the longest lexicon entry text[at[0]:] starts with, and its length in
// runes (0 when none does); at holds where the runes from there on start.
func (l *Lexicon) longestZh(text string, at []int) (string, int) {
	for n := min(len(at)-1, l.zhMax); n > 0; n-- {
		if en, ok := l.zh[text[at[0]:at[n]]]; ok {
			return en, n
		}
	}
	return "", 0
}

var chineseDigits = map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '十': 10, '百': 100}

// chineseNumber reads a number written in Chinese numerals up to the hundreds ("二十",
// "三十五", "一百") from rs[i:], and returns it with where it ends.
func chineseNumber(rs []rune, i int) (int, int) {
	total, digit := 0, 0
	for ; i < len(rs); i++ {
		r := rs[i]
		switch v := chineseDigits[r]; {
		case r == '零':
		case v == 10 || v == 100:
			total += max(digit, 1) * v
			digit = 0
		case v > 0:
			digit = v
		default:
			return total + digit, i
		}
	}
	return total + digit, i
}

var months = [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// dateUnit reads the unit after a number at rs[j]: a year, a day ("2019年", "23日") is the
// number alone, a month ("4月") is the month's name.
func dateUnit(number string, rs []rune, j int) (string, int) {
	if j >= len(rs) {
		return number, j
	}
	switch rs[j] {
	case '年', '日', '号':
		return number, j + 1
	case '月':
		if m, err := strconv.Atoi(number); err == nil && m >= 1 && m <= 12 {
			return months[m-1], j + 1
		}
	}
	return number, j
}
