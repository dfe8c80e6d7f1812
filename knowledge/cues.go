package knowledge

// What a sentence gives beyond its words: a source, a reason, a place, a time.

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/azchina/azchina/knowledge/ingest"
)

// humanDate spells a resolved date for a reader: "23 April 2025", "July 2024", "2025".
func humanDate(value string) string {
	if t, err := time.Parse(time.DateOnly, value); err == nil {
		return t.Format("2 January 2006")
	}
	if t, err := time.Parse("2006-01", value); err == nil {
		return t.Format("January 2006")
	}
	return value
}

// cue is a set of kinds of answer a sentence gives beyond its words, read once when the
// index is built.
type cue uint16

const (
	citesSource   cue = 1 << iota // "News.Az reports", "according to", "told Trend"
	givesReason                   // "because", "in order to", "To fully capitalize …"
	datesStart                    // "since 1995", "from 1992"
	tellsFuture                   // "will", "upcoming", "scheduled for", "expected to"
	namesRole                     // a role a person holds: "an experienced journalist", "MP …"
	countsDay                     // a day counted in the story: "on the second day", "the same day"
	tellsPlan                     // an event still to take place: "upcoming", "once implemented"
	coversTopic                   // what a meeting took up: "the discussion also covered", "focused on"
	saysSomething                 // that someone said something: "said", "stressed", "lauded"
	tellsClock                    // a time of day: "at noon", "in the morning", "10:30", "3 p.m."
	namesActors                   // those who may act, by a role or a kind: "the two leaders", "both sides"
)

// The phrases of each cue, lower-case. Plain substring tests: the cues are read for every
// sentence of a large corpus.
var (
	// Where a sentence's news comes from.
	sourcePhrases = []string{"report", "citing", "cited", "according to", "quoted", "interview with", "interview to", "interviewed by", "source:"}
	// A reason or a purpose.
	reasonPhrases = []string{"because", "due to", "owing to", "thanks to", "in order to", "so that", "so as to", "as a result", "aimed at", "aiming to", "with the aim", "the goal", "the purpose", ", to ",
		// What a thing matters for: "plays a crucial role in ensuring …", "vital links".
		" role in ", "crucial role", "vital role", "key role", "vital link", "essential for", "key to", "important for", "ensuring", "key player", "positions ", "contribute to", "will help", "helps ", "benefit", "instrumental in",
		// What a thing means: "marks a milestone", "reflecting decades of friendship".
		"milestone", "marks a", "foundation", "reflect", "symboliz", "signif", "underscor", "testament",
		// What one is thanked for: "expressing gratitude to China for its support".
		"gratitude", "grateful", "thanked", "in recognition of"}
	// A date as a start.
	startPhrases = []string{"since ", "from "}
	// An event planned, not yet come about.
	plannedPhrases = []string{"upcoming", "scheduled", "expected to", "plans to", "planned", " set to ", "to be held", "once implemented", "agreement to "}
	// What is to come: a plan, or words said of the future.
	futurePhrases = append([]string{" will ", "future", "prospects", "going to"}, plannedPhrases...)
	// A plan, or what reports say would be: not words said of the future ("will only
	// result in …").
	planPhrases = append([]string{" would "}, plannedPhrases...)
)

// cuesOf reads the cues of a sentence.
func cuesOf(text string) cue {
	lower := strings.ToLower(text)
	found := cuePhrases.find(lower)
	c := found & (datesStart | tellsFuture | tellsPlan | countsDay)
	if found&citesSource != 0 || toldSource(text) {
		c |= citesSource
	}
	if found&givesReason != 0 || strings.HasPrefix(text, "To ") || concludes(text) {
		c |= givesReason
	}
	if ingest.NamesRoleLower(lower) {
		c |= namesRole
	}
	if containsAny(" "+lower, topicPhrases) {
		c |= coversTopic
	}
	if ingest.HasStatement(text) {
		c |= saysSomething
	}
	if tellsTimeOfDay(lower) {
		c |= tellsClock
	}
	if c&namesRole != 0 || namesActorsLower(lower) {
		c |= namesActors
	}
	return c
}

// actorNouns name, in lower case, those who may act or be meant besides persons by role:
// "the heads of state", "both sides", "our countries", "ordinary passport holders".
var actorNouns = map[string]bool{
	"heads": true, "sides": true, "side": true, "countries": true, "nations": true,
	"governments": true, "government": true, "parties": true, "officials": true,
	"delegation": true, "delegations": true, "holders": true, "citizens": true,
	"nationals": true, "residents": true, "travellers": true, "travelers": true,
	"tourists": true, "visitors": true, "students": true, "people": true, "businesses": true,
	"companies": true, "investors": true, "workers": true, "experts": true,
}

// namesActorsLower reports whether a lower-case sentence names those who may act or be
// meant besides persons by name: by a role, in the plural too ("the two leaders"), or by
// a kind ("both sides", "our countries", "ordinary passport holders").
func namesActorsLower(lower string) bool {
	for w := range strings.FieldsFuncSeq(lower, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if actorNouns[w] || len(w) > 3 && w[len(w)-1] == 's' && ingest.IsRole(w[:len(w)-1]) {
			return true
		}
	}
	return false
}

// cuePhrases finds the cues whose phrases a lower-case sentence holds, in one pass.
var cuePhrases = newPhraseCues(map[cue][]string{
	citesSource: sourcePhrases, givesReason: reasonPhrases, datesStart: startPhrases,
	tellsFuture: futurePhrases, tellsPlan: planPhrases, countsDay: dayPhrases,
})

// phraseCues finds phrases in a text by their first byte, each phrase standing for cues.
type phraseCues [256][]phraseCue

type phraseCue struct {
	phrase string
	cue    cue
}

func newPhraseCues(groups map[cue][]string) *phraseCues {
	var pc phraseCues
	for c, phrases := range groups {
		for _, p := range phrases {
			pc[p[0]] = append(pc[p[0]], phraseCue{p, c})
		}
	}
	return &pc
}

// find returns the cues of every phrase text holds.
func (pc *phraseCues) find(text string) cue {
	var c cue
	for i := 0; i < len(text); i++ {
		for _, p := range pc[text[i]] {
			if c&p.cue != p.cue && strings.HasPrefix(text[i:], p.phrase) {
				c |= p.cue
			}
		}
	}
	return c
}

// topicPhrases tell what two sides talked about, each after a space: "covered" but not
// "recovered".
var topicPhrases = []string{" discuss", " talked", " exchanged views", " focused on", " covered", " addressed", " reviewed", " touched on", " raised"}

func containsAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// toldSource reports whether text says someone "told" a capitalised name ("told Trend").
func toldSource(text string) bool {
	for rest := text; ; {
		i := strings.Index(rest, "told ")
		if i < 0 {
			return false
		}
		rest = rest[i+len("told "):]
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
			return true
		}
	}
}

// placeWords are the prepositions a place follows.
var placeWords = []string{"in ", "at ", "via ", "through ", "outside ", "near "}

// placesIn returns the first word of each place text names, lower-cased: "in Beijing",
// "at the Great Hall", "via the South Caucasus", not "in April". It scans by hand: it runs
// for every sentence of a large corpus.
func placesIn(text string) []string {
	var out []string
	for _, p := range placeWords {
		for rest := text; ; {
			i := strings.Index(rest, p)
			if i < 0 {
				break
			}
			if i > 0 && isWordByte(rest[i-1]) {
				rest = rest[i+len(p):]
				continue // "within", "Beijing at"
			}
			rest = rest[i+len(p):]
			w := strings.TrimPrefix(rest, "the ")
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) {
				continue
			}
			end := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
			if end < 0 {
				end = len(w)
			}
			if name := strings.ToLower(w[:end]); end > 1 && monthNumbers[name] == 0 {
				out = append(out, name)
			}
		}
	}
	return out
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// monthNumbers are the months written out, lower-case, with their numbers.
var monthNumbers = map[string]time.Month{
	"january": time.January, "february": time.February, "march": time.March, "april": time.April,
	"may": time.May, "june": time.June, "july": time.July, "august": time.August,
	"september": time.September, "october": time.October, "november": time.November,
	"december": time.December,
}

// tellsTimeOfDay reports whether a lower-case sentence names a time of day: "at noon", "in
// the morning", "10:30", "3 pm". It scans by hand: it runs for every sentence of a large
// corpus.
func tellsTimeOfDay(lower string) bool {
	if containsAny(lower, clockWords) {
		return true
	}
	for i := 0; i < len(lower); i++ {
		if lower[i] < '0' || lower[i] > '9' {
			continue
		}
		rest := lower[i+1:]
		if len(rest) >= 3 && rest[0] == ':' && rest[1] >= '0' && rest[1] <= '9' && rest[2] >= '0' && rest[2] <= '9' {
			return true // "10:30"
		}
		rest = strings.TrimPrefix(rest, " ")
		if (strings.HasPrefix(rest, "am") || strings.HasPrefix(rest, "pm")) && (len(rest) == 2 || !isWordByte(rest[2])) {
			return true // "3 pm", "3pm"
		}
	}
	return false
}

// clockWords name a time of day.
var clockWords = []string{"noon", "midday", "midnight", "morning", "afternoon", "evening", " night", "a.m.", "p.m.", "o'clock", "o’clock"}

// timeWords name a time of day or a day of the week.
var timeWords = map[string]bool{
	"noon": true, "midday": true, "midnight": true, "morning": true, "afternoon": true,
	"evening": true, "night": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true, "a.m": true, "p.m": true,
}

// dayPhrases count a day within a story rather than date it: "on the second day of the
// visit", "the previous day", "on the same day". They answer "which day" as a date does.
var dayPhrases = []string{
	"first day", "second day", "third day", "fourth day", "final day", "last day", "previous day",
	"next day", "following day", "same day",
}

// dateWords spells a date ("2025-04-23") as the words a question would use: "April 2025 23".
func dateWords(value string) string {
	for _, layout := range []string{time.DateOnly, "2006-01", "2006"} {
		t, err := time.Parse(layout, value)
		if err != nil {
			continue
		}
		switch layout {
		case time.DateOnly:
			return t.Format("January 2006 2")
		case "2006-01":
			return t.Format("January 2006")
		}
		return value
	}
	return ""
}

// spellsOut reports whether a sentence gives the words an abbreviation stands for: the
// abbreviation in brackets after them ("the Belt and Road Initiative (BRI)"), or a run of
// capitalised words whose first and last start with its first and last letters and whose
// initials hold all of its letters in order ("Conference on Interaction and Confidence
// Building Measures in Asia" for CICA).
func spellsOut(text, acronym string) bool {
	upper := strings.ToUpper(acronym)
	if strings.Contains(text, "("+upper+")") {
		return true
	}
	var run []byte // the initials of the capitalised words of the run being read
	check := func() bool {
		ok := len(run) >= len(upper) && run[0] == upper[0] && run[len(run)-1] == upper[len(upper)-1] && subsequence(upper, string(run))
		run = run[:0]
		return ok
	}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) && r < utf8.RuneSelf:
			run = append(run, byte(r))
		case len(run) > 0 && runLinks[w]:
		default:
			if check() {
				return true
			}
		}
	}
	return check()
}

// runLinks are the small words a name of several capitalised words may hold.
var runLinks = map[string]bool{"of": true, "and": true, "on": true, "in": true, "for": true, "the": true}

// subsequence reports whether the letters of short appear in long in order.
func subsequence(short, long string) bool {
	i := 0
	for j := 0; j < len(long) && i < len(short); j++ {
		if long[j] == short[i] {
			i++
		}
	}
	return i == len(short)
}

// causePhrases ask for a cause as "why" does: "what led to trade doubling".
var causePhrases = []string{"what led to", "what caused", "what drove", "what prompted", "what triggered", "what brought about", "what resulted in", "what made"}

// concludes reports whether a sentence opens with a conclusion drawn from the one before
// it, which gives the reason: "Thus, Azerbaijan is an important partner …".
func concludes(text string) bool {
	for _, w := range []string{"Thus", "Therefore", "Hence", "Consequently", "As a result"} {
		if strings.HasPrefix(text, w+",") || strings.HasPrefix(text, w+" ") {
			return true
		}
	}
	return false
}
