package ingest

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// DateMention is a date a sentence names or implies, resolved where the article's date
// allows: Value is "2006-01-02", "2006-01" or "2006", or "--01-02" (ISO 8601's form for a
// day whose year neither the text nor the article's date tells).
type DateMention struct {
	Phrase   string // as written: "on Wednesday", "last July", "22 April, 2025"
	Value    string
	Relative bool // the phrase only makes sense against the article's date
	// Named marks a year that opens a name ("the 2030 Socio-Economic Development
	// Strategy"): the year the name looks to, not when what the sentence tells happened.
	Named bool
}

const monthNames = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`

var (
	dayMonthYear = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthNames + `(?:,?\s+(\d{4}))?\b`)
	monthDayYear = regexp.MustCompile(`\b` + monthNames + `\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,\s*(\d{4})\b)?`)
	dayRange     = regexp.MustCompile(`\b(\d{1,2})\s*(?:and|to|–|-)\s*\d{1,2}(?:st|nd|rd|th)?\s+` + monthNames + `(?:,?\s+(\d{4}))?\b`)
	monthYear    = regexp.MustCompile(`\b` + monthNames + `\s+(\d{4})\b`)
	isoDate      = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	yearOnly     = regexp.MustCompile(`\b(?:in|since|from|until|by|of|to|year|early|late|mid-)\s+((?:19|20)\d{2})\b|\b((?:19|20)\d{2})\b`)
	weekday      = regexp.MustCompile(`(?i)\b(?:on|last|this|next)?\s*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	relMonth     = regexp.MustCompile(`(?i)\b(last|this|next)\s+` + monthNames + `\b|\b` + monthNames + `\s+(last|this|next)\s+year\b`)
	relYear      = regexp.MustCompile(`(?i)\b(last|this|next|previous)\s+year\b`)
	relDay       = regexp.MustCompile(`(?i)\b(yesterday|today|tomorrow|the previous day|the day before|the next day|the following day)\b`)
)

// weekdayNames are the days of the week, lower-case, for a quick test.
var weekdayNames = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// monthWords are the month names and abbreviations, lower-case, for a quick test.
var monthWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

var months = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August, "sep": time.September,
	"oct": time.October, "nov": time.November, "dec": time.December,
}

func parseMonth(s string) time.Month {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) > 3 {
		s = s[:3]
	}
	return months[s]
}

// yearInName reports whether the year at text[start:end] opens a name, "the 2030
// Socio-Economic Development Strategy": the year it looks to, not a date of the sentence.
func yearInName(text string, start, end int) bool {
	before := strings.ToLower(text[max(0, start-4):start])
	next, _ := utf8.DecodeRuneInString(text[min(len(text), end+1):])
	return before == "the " && end < len(text) && text[end] == ' ' && unicode.IsUpper(next)
}

// ParseDate reads "2006-01-02" and reports whether it could.
func ParseDate(s string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	return t, err == nil
}

// findDates returns the dates text names, explicit and relative, resolved against ref (the
// article's date; zero when unknown, in which case relative and year-less dates are left
// out).
func findDates(text string, ref time.Time) []DateMention {
	// The patterns are costly; most sentences hold no date word at all. Those that name a
	// month name it capitalised ("May", not "may"), but for "last may"; a weekday, only
	// where a word ends in one.
	hasMonth, anyMonth, hasDigits4, hasDay, hasWeekday, hasYear := false, false, false, false, false, false
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		r, _ := utf8.DecodeRuneInString(w)
		w = strings.ToLower(w) // copies only a word with capitals
		switch {
		case monthWords[w]:
			anyMonth = true
			hasMonth = hasMonth || unicode.IsUpper(r)
		case strings.HasSuffix(w, "day") || w == "tomorrow":
			hasDay = true
			hasWeekday = hasWeekday || slices.ContainsFunc(weekdayNames, func(d string) bool { return strings.HasSuffix(w, d) })
		case w == "year" || w == "years":
			hasYear = true
		case len(w) >= 4 && w[0] >= '0' && w[0] <= '9':
			hasDigits4 = true
		}
	}
	if !anyMonth && !hasDigits4 && !hasDay && !hasYear {
		return nil
	}
	var out []DateMention
	taken := make([]bool, len(text))
	take := func(loc []int) bool {
		for i := loc[0]; i < loc[1]; i++ {
			if taken[i] {
				return false
			}
		}
		for i := loc[0]; i < loc[1]; i++ {
			taken[i] = true
		}
		return true
	}
	add := func(loc []int, value string, relative bool) {
		if value == "" || !take(loc) {
			return
		}
		out = append(out, DateMention{Phrase: strings.TrimSpace(text[loc[0]:loc[1]]), Value: value, Relative: relative})
	}
	// yearAt returns the year submatch i of m names, else the article's year (0 when
	// the article is undated).
	yearAt := func(m []int, i int) int {
		if m[i] < 0 {
			if ref.IsZero() {
				return 0
			}
			return ref.Year()
		}
		y, _ := strconv.Atoi(text[m[i]:m[i+1]])
		return y
	}
	day := func(y int, m time.Month, d int) string {
		if m == 0 || d < 1 || d > 31 {
			return ""
		}
		if y == 0 {
			return fmt.Sprintf("--%02d-%02d", m, d) // a day of a year the text does not tell
		}
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	for _, m := range findAll(hasDigits4, isoDate, text) {
		add(m[:2], text[m[0]:m[1]], false)
	}
	for _, m := range findAll(anyMonth, relMonth, text) {
		if ref.IsZero() {
			continue
		}
		var which, name string
		if m[2] >= 0 {
			which, name = text[m[2]:m[3]], text[m[4]:m[5]]
		} else {
			name, which = text[m[6]:m[7]], text[m[8]:m[9]]
		}
		mon := parseMonth(name)
		y := ref.Year()
		switch strings.ToLower(which) {
		case "last":
			if m[2] < 0 || mon >= ref.Month() { // "April last year", or "last July" in April
				y--
			}
		case "next":
			if m[2] < 0 || mon <= ref.Month() {
				y++
			}
		}
		add(m[:2], fmt.Sprintf("%04d-%02d", y, mon), true)
	}
	for _, m := range findAll(hasMonth, dayRange, text) {
		// "between 22 and 24 April": the first day of a range; the last is read below.
		d, _ := strconv.Atoi(text[m[2]:m[3]])
		y := yearAt(m, 6)
		add(m[2:4], day(y, parseMonth(text[m[4]:m[5]]), d), false)
	}
	for _, m := range findAll(hasMonth, dayMonthYear, text) {
		d, _ := strconv.Atoi(text[m[2]:m[3]])
		y := yearAt(m, 6)
		add(m[:2], day(y, parseMonth(text[m[4]:m[5]]), d), false)
	}
	for _, m := range findAll(hasMonth, monthDayYear, text) {
		d, _ := strconv.Atoi(text[m[4]:m[5]])
		y := yearAt(m, 6)
		add(m[:2], day(y, parseMonth(text[m[2]:m[3]]), d), false)
	}
	for _, m := range findAll(hasMonth, monthYear, text) {
		y, _ := strconv.Atoi(text[m[4]:m[5]])
		add(m[:2], fmt.Sprintf("%04d-%02d", y, parseMonth(text[m[2]:m[3]])), false)
	}
	for _, m := range findAll(hasYear, relYear, text) {
		if ref.IsZero() {
			continue
		}
		y := ref.Year()
		switch strings.ToLower(text[m[2]:m[3]]) {
		case "last", "previous":
			y--
		case "next":
			y++
		}
		add(m[:2], strconv.Itoa(y), true)
	}
	var anchor time.Time // the day a "previous day" counts from
	for _, m := range findAll(hasWeekday, weekday, text) {
		if ref.IsZero() {
			continue
		}
		want := weekdayOf(text[m[2]:m[3]])
		d := ref
		for d.Weekday() != want { // the most recent such day on or before the article's date
			d = d.AddDate(0, 0, -1)
		}
		anchor = d
		add(m[:2], d.Format(time.DateOnly), true)
	}
	for _, m := range findAll(hasDay, relDay, text) {
		base := anchor
		if base.IsZero() {
			base = ref
		}
		if base.IsZero() {
			continue
		}
		switch strings.ToLower(text[m[2]:m[3]]) {
		case "yesterday", "the previous day", "the day before":
			base = base.AddDate(0, 0, -1)
		case "tomorrow", "the next day", "the following day":
			base = base.AddDate(0, 0, 1)
		}
		add(m[:2], base.Format(time.DateOnly), true)
	}
	for _, m := range findAll(hasDigits4, yearOnly, text) {
		g := 2
		if m[2] < 0 {
			g = 4
		}
		// A year inside money ("$2019") or a longer number is not a year.
		if m[g] > 0 && strings.ContainsAny(text[m[g]-1:m[g]], "$.,") {
			continue
		}
		if m[g+1] < len(text) && strings.ContainsAny(text[m[g+1]:m[g+1]+1], "%.") && m[g+1]+1 < len(text) && text[m[g+1]+1] >= '0' && text[m[g+1]+1] <= '9' {
			continue
		}
		loc := []int{m[g], m[g+1]}
		if g == 2 {
			loc = m[:2] // "in 1992": the phrase keeps its preposition, a bare year may be a name's
		}
		add(loc, text[m[g]:m[g+1]], false)
		if n := len(out); g == 4 && n > 0 && out[n-1].Phrase == text[m[g]:m[g+1]] && yearInName(text, m[g], m[g+1]) {
			out[n-1].Named = true
		}
	}
	return out
}

// findAll runs re over text only when the quick test ok passed.
func findAll(ok bool, re *regexp.Regexp, text string) [][]int {
	if !ok {
		return nil
	}
	return re.FindAllStringSubmatchIndex(text, -1)
}

func weekdayOf(s string) time.Weekday {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(d.String(), s) {
			return d
		}
	}
	return time.Sunday
}
