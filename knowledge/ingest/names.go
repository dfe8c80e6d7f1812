package ingest

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// roleWords stand before a person's name ("President Ilham Aliyev", "MP Arzukhan Alizadeh",
// "his wife, Mehriban Aliyeva").
var roleWords = map[string]bool{
	"president": true, "minister": true, "mp": true, "deputy": true, "premier": true,
	"chairman": true, "chairwoman": true, "ambassador": true, "spokesperson": true,
	"spokesman": true, "spokeswoman": true, "secretary": true, "general": true, "senator": true,
	"governor": true, "mayor": true, "director": true, "chief": true, "head": true,
	"affaires": true, "wife": true, "husband": true, "journalist": true, "counterpart": true,
	"leader": true, "king": true, "queen": true, "prince": true, "envoy": true, "member": true,
	"assembly": true, "by": true, "professor": true, "dr": true, "mr": true, "mrs": true, "ms": true,
	"fm": true, "analyst": true, "expert": true, "correspondent": true, "photographer": true, "author": true,
}

// IsRole reports whether the lower-case word names a role a person holds ("minister",
// "president", "ambassador").
func IsRole(w string) bool {
	return roleWords[w] && w != "by" && w != "member" && w != "general" && w != "head"
}

// Roles returns the words IsRole reports.
func Roles() []string {
	var out []string
	for w := range roleWords {
		if IsRole(w) {
			out = append(out, w)
		}
	}
	return out
}

// NamesRole reports whether text names a role a person holds ("an experienced
// journalist", "MP Arzukhan Alizadeh", "his wife"): the words that say who someone is.
func NamesRole(text string) bool {
	for _, w := range words(text) {
		if IsRole(strings.ToLower(w.text)) {
			return true
		}
	}
	return false
}

// NamesRoleLower is NamesRole for text already in lower case, without allocating: it runs
// for every sentence of a large corpus.
func NamesRoleLower(lower string) bool {
	start := -1
	for i := 0; i <= len(lower); i++ {
		letter := i < len(lower) && (lower[i] >= 'a' && lower[i] <= 'z')
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			if IsRole(lower[start:i]) {
				return true
			}
			start = -1
		}
	}
	return false
}

// statementWords say that someone said, wrote or expressed something.
var statementWords = map[string]bool{
	"reiterated": true, "lauded": true, "commended": true, "called": true, "urged": true,
	"affirmed": true, "expressed": true, "described": true, "pointed": true, "welcomed": true,
	"hailed": true, "declared": true, "argued": true, "believes": true, "stating": true,
	"saying": true, "describing": true, "expressing": true, "reaffirmed": true, "voiced": true,
	"pledged": true, "recalled": true, "insisted": true, "warned": true, "promised": true,
	"invited": true, "thanked": true, "congratulated": true,
}

// HasStatement reports whether text says that someone said something: "said", "stressed",
// "reiterated that", "lauded".
func HasStatement(text string) bool {
	// Word by word, in lower case, without allocating: it runs for every sentence of a
	// large corpus. The words looked for are all in ASCII.
	var buf [24]byte
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && isASCIILetter(text[j]) {
			j++
		}
		if j == i {
			i++
			continue
		}
		if j-i <= len(buf) && !letterAfter(text, j) && !letterBefore(text, i) {
			w := buf[:j-i]
			for k := range w {
				w[k] = text[i+k] | 0x20 // ASCII letters only: lower case
			}
			if (saidWords[string(w)] && string(w) != "met") || statementWords[string(w)] {
				return true
			}
		}
		i = j
	}
	// An invitation is said too: "Xi extended an invitation to President Aliyev".
	return strings.Contains(text, "extended an invitation") || strings.Contains(text, "extends an invitation")
}

// saidWords follow or precede a speaker's name.
var saidWords = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "stressed": true, "noted": true,
	"emphasized": true, "emphasised": true, "stated": true, "wrote": true, "highlighted": true,
	"explained": true, "underlined": true, "remarked": true, "concluded": true, "asked": true,
	"refuted": true, "denied": true, "announced": true, "praised": true, "met": true,
}

// notNameWords are capitalised words that do not name a person: places, bodies and the
// words titles are made of.
var notNameWords = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "of": true, "and": true,
	"ministry": true, "hall": true, "initiative": true, "corridor": true, "organization": true,
	"organisation": true, "agency": true, "party": true, "department": true, "union": true,
	"council": true, "assembly": true, "forum": true, "square": true, "route": true, "news": true,
	"republic": true, "summit": true, "foreign": true, "national": true, "international": true,
	"people": true, "state": true, "government": true, "committee": true, "commission": true,
	"president": true, "minister": true, "prime": true, "secretary": true, "general": true,
	"chinese": true, "azerbaijani": true, "communist": true, "great": true, "road": true,
	"belt": true, "silk": true, "strategy": true, "agreement": true, "statement": true,
	"university": true, "institute": true, "institutes": true, "bank": true, "company": true,
	"press": true, "media": true, "tv": true, "photo": true, "source": true,
}

// pronounStart matches a sentence that names its subject only by a pronoun or a role ("He
// also brought his family", "The deputy added").
var pronounStart = regexp.MustCompile(`^(?:He|She|His|Her|The (?:deputy|MP|minister|president|leader|ambassador|envoy|spokesperson|analyst|expert|journalist|author) (?:\w+ly |further |also |then )?(?:said|says|added|stressed|noted|highlighted|emphasi[sz]ed|stated|explained|underlined|concluded|told|praised|called|urged|pointed))\b`)

var nameToken = regexp.MustCompile(`[\p{Lu}][\p{L}\-]*(?:['’][\p{L}]+)?`)

// people finds the persons an article names. It maps each full name to itself and each
// unambiguous part of a full name ("Aliyev", "Xi") to the full name.
type people struct {
	byToken map[string]string
	// titled maps a title as the article writes it before a name, lower-case
	// ("azerbaijani president"), to the persons it stands before (see findPeople).
	titled map[string][]string
}

func stripPossessive(s string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, suf) {
			return strings.TrimSuffix(s, suf)
		}
	}
	return s
}

type word struct {
	text       string // possessive stripped
	start, end int
	upper      bool
	possessive bool
}

func words(s string) []word {
	out := make([]word, 0, strings.Count(s, " ")+1) // about one word a space: one allocation
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r2, s2 := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) || ((r2 == '\'' || r2 == '’' || r2 == '-') && j+s2 < len(s) && isLetterAt(s, j+s2)) {
				j += s2
				continue
			}
			break
		}
		text := stripPossessive(s[i:j])
		out = append(out, word{text: text, start: i, end: j, upper: unicode.IsUpper(r), possessive: text != s[i:j]})
		i = j
	}
	return out
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// letterAfter and letterBefore report whether a letter outside ASCII adjoins text[i:] or
// text[:i]: the ASCII letters there are part of a longer word ("Əliyev").
func letterAfter(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r >= utf8.RuneSelf && unicode.IsLetter(r)
}

func letterBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r >= utf8.RuneSelf && unicode.IsLetter(r)
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// findPeople collects person names from the article's sentences (a name after a role word,
// or next to "said"), and the byline's author.
func findPeople(sentences []string, author string) *people {
	p := &people{byToken: map[string]string{}}
	full := map[string]bool{}
	single := map[string]bool{}
	candidates := map[string]bool{}  // capitalised runs of two or three words
	possessives := map[string]bool{} // capitalised words used alone as possessives
	alone := map[string]bool{}       // capitalised words used alone otherwise
	if author != "" {
		full[author] = true
	}
	var titles []titledName // a capitalised word and a role word before a name, read once names are known
	for _, s := range sentences {
		ws := words(s)
		for i := 2; i < len(ws); i++ {
			if role := strings.ToLower(ws[i-1].text); IsRole(role) && ws[i-2].upper && adjacent(s, ws, i-2, i-1) && adjacent(s, ws, i-1, i) {
				t := titledName{key: strings.ToLower(ws[i-2].text) + " " + role, first: ws[i].text}
				if i+1 < len(ws) {
					t.second = ws[i+1].text
				}
				titles = append(titles, t)
			}
		}
		for i := 0; i < len(ws); i++ {
			if !ws[i].upper || notNameWords[strings.ToLower(ws[i].text)] || roleWords[strings.ToLower(ws[i].text)] {
				continue
			}
			j := i
			for j < len(ws) && j-i < 3 && ws[j].upper && !notNameWords[strings.ToLower(ws[j].text)] && !roleWords[strings.ToLower(ws[j].text)] && adjacent(s, ws, i, j) {
				j++
			}
			name := joinWords(ws[i:j])
			byRole := i > 0 && roleWords[strings.ToLower(ws[i-1].text)] && closeBefore(s, ws[i-1], ws[i]) &&
				(j-i >= 2 || !strings.EqualFold(ws[i-1].text, "by")) // "by Russian state media" names no one
			// "Chen Ming, refuted", "said Alain Berset": only full names, since a single
			// capitalised word next to a verb is as often a place or a paper ("told Trend").
			bySaid := j-i >= 2 && ((j < len(ws) && saidWords[strings.ToLower(ws[j].text)]) ||
				(i > 0 && strings.EqualFold(ws[i-1].text, "said")))
			if byRole || bySaid {
				if j-i >= 2 {
					full[name] = true
				} else {
					single[name] = true
				}
			}
			switch {
			case j-i >= 2:
				candidates[name] = true
			case j-i == 1 && ws[i].possessive:
				possessives[name] = true
			case j-i == 1:
				alone[name] = true
			}
			i = j - 1
		}
	}
	// A name of two or three words whose first or last word the article also uses alone,
	// only as a possessive ("Liu Jianchao" … "Liu's visit"), is a person's: places and
	// bodies are not called by a part of their name, and a word used alone otherwise too
	// ("China", "China's") is a name of its own.
	for name := range candidates {
		if full[name] {
			continue
		}
		for part := range strings.FieldsSeq(name) {
			if possessives[part] && !alone[part] {
				full[name] = true
			}
		}
	}
	parts := map[string][]string{}
	for name := range full {
		p.byToken[name] = name
		for part := range strings.FieldsSeq(name) {
			parts[part] = append(parts[part], name)
		}
	}
	for part, names := range parts {
		if len(names) == 1 {
			p.byToken[part] = names[0]
		}
	}
	for name := range single {
		if _, ok := p.byToken[name]; !ok {
			p.byToken[name] = name
		}
	}
	p.titled = map[string][]string{}
	for _, t := range titles {
		name, ok := p.byToken[t.first]
		if full, ok2 := p.byToken[t.first+" "+t.second]; ok2 && t.second != "" {
			name, ok = full, true
		}
		if ok && !slices.Contains(p.titled[t.key], name) {
			p.titled[t.key] = append(p.titled[t.key], name)
		}
	}
	return p
}

// titledName is a name written after a capitalised word and a role ("Chinese President Xi
// Jinping"): the two lower-case as a key, and the first two words after them.
type titledName struct{ key, first, second string }

// adjacent reports whether ws[j] continues the name begun at ws[i] (only spaces between).
func adjacent(s string, ws []word, i, j int) bool {
	if j == i {
		return true
	}
	gap := s[ws[j-1].end:ws[j].start]
	return strings.TrimSpace(gap) == "" && !ws[j-1].possessive
}

// closeBefore reports whether only white space or a comma stands between a role word and a
// name.
func closeBefore(s string, role, name word) bool {
	gap := strings.TrimSpace(s[role.end:name.start])
	return gap == "" || gap == ","
}

func joinWords(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
	}
	return strings.Join(parts, " ")
}

// counterpart returns the person a sentence names only as the counterpart of someone of
// another country ("President Xi welcomed his Azerbaijani counterpart"): the one person
// the article titles with that country's word and the title of someone the sentence
// names, or "".
func (p *people) counterpart(s string, named []string) string {
	if !strings.Contains(s, "counterpart") {
		return ""
	}
	m := counterpartPattern.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	adj := strings.ToLower(m[1])
	found := ""
	for key, holders := range p.titled {
		country, role, _ := strings.Cut(key, " ")
		if country == adj {
			continue
		}
		for _, n := range named {
			if !slices.Contains(holders, n) {
				continue
			}
			for _, h := range p.titled[adj+" "+role] {
				if found != "" && found != h {
					return "" // more than one
				}
				found = h
			}
		}
	}
	return found
}

// counterpartPattern finds "his Azerbaijani counterpart", "her Chinese counterpart".
var counterpartPattern = regexp.MustCompile(`\b(?:his|her|their) ([A-Z][a-z]+) counterpart\b`)

// mentions returns the persons s names, in order.
func (p *people) mentions(s string) []string {
	var out []string
	seen := map[string]bool{}
	ws := words(s)
	for i := 0; i < len(ws); i++ {
		if !ws[i].upper {
			continue
		}
		if i+1 < len(ws) {
			if name, ok := p.byToken[ws[i].text+" "+ws[i+1].text]; ok {
				if !seen[name] {
					out = append(out, name)
					seen[name] = true
				}
				i++
				continue
			}
		}
		if name, ok := p.byToken[ws[i].text]; ok && !seen[name] {
			out = append(out, name)
			seen[name] = true
		}
	}
	return out
}
