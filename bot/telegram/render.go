package telegram

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/azchina/azchina/bot"
)

// MaxMessage is the longest message Telegram sends, in UTF-16 code units.
const MaxMessage = 4096

// Render turns a reply into the HTML messages that carry it: every dynamic string
// escaped, only <b> for markup, an answer followed by its numbered citations. A reply
// longer than MaxMessage is split on paragraph boundaries (lines, then words, when a
// paragraph alone is too long), with the tags open at a cut closed and reopened. Render
// returns nil for a reply with nothing to say.
func Render(r bot.Reply) []string {
	return Split(renderHTML(r), MaxMessage)
}

// esc makes text safe in Telegram HTML: escaped, and valid UTF-8, which Telegram insists on
// (a byte that is not is shown as U+FFFD).
func esc(text string) string { return html.EscapeString(strings.ToValidUTF8(text, "\uFFFD")) }

func renderHTML(r bot.Reply) string {
	var b strings.Builder
	if strings.TrimSpace(r.Title) != "" {
		b.WriteString("<b>" + esc(r.Title) + "</b>\n")
	}
	switch {
	case r.Kind == bot.AnswerReply && r.Answer != nil:
		b.WriteString(esc(r.Answer.Text))
		if len(r.Answer.Citations) > 0 {
			b.WriteString("\n")
		}
		for i, c := range r.Answer.Citations {
			fmt.Fprintf(&b, "\n<b>[%d]</b> %s", i+1, esc(bot.CitationLine(c)))
		}
	case r.Kind == bot.ListReply:
		for _, it := range r.Items {
			b.WriteString("• " + esc(it) + "\n")
		}
	default:
		b.WriteString(esc(r.Text))
	}
	return strings.TrimSpace(b.String())
}

// Split cuts HTML markup into parts of at most limit UTF-16 code units, measured on the markup
// itself so that a part is never over the limit once Telegram parses it. It cuts at the
// last paragraph break ("\n\n") that fits, else the last line break, else the last space,
// else between two characters; never inside a tag or an entity. Tags open at a cut are
// closed at the end of the part and reopened at the start of the next. A part with no
// text to show is left out: Telegram refuses an empty message. markup must be well-formed
// (as renderHTML makes it).
func Split(markup string, limit int) []string {
	markup = strings.TrimSpace(markup)
	if utf16Len(markup) <= limit {
		return appendPart(nil, markup) // most replies: no cut to look for
	}
	cuts, units := scanCuts(markup)
	var parts []string
	start, stack := 0, []openTag(nil)
	for {
		open := opening(stack)
		openLen := utf16Len(open)
		if openLen+units[len(markup)]-units[start] <= limit {
			return appendPart(parts, open+markup[start:])
		}
		best := [cutKinds]int{-1, -1, -1, -1}
		for j := firstCutAfter(cuts, start); j < len(cuts); j++ {
			c := cuts[j]
			body := units[c.at] - units[start]
			if openLen+body > limit {
				break
			}
			if openLen+body+closingLen(c.stack) <= limit {
				best[c.kind] = j
			}
		}
		pick := -1
		for _, j := range best {
			if j >= 0 {
				pick = j
				break
			}
		}
		if pick < 0 {
			// Not even one character fits beside the tags to reopen: limit is absurdly
			// small. Cut at the next place anyway rather than loop forever.
			pick = firstCutAfter(cuts, start)
			if pick == len(cuts) {
				return appendPart(parts, open+markup[start:])
			}
		}
		c := cuts[pick]
		parts = appendPart(parts, open+strings.TrimRight(markup[start:c.at], " ")+closing(c.stack))
		start, stack = c.resume, c.stack
	}
}

// appendPart appends part to parts unless it shows no text.
func appendPart(parts []string, part string) []string {
	for i := 0; i < len(part); {
		switch c := part[i]; {
		case c == '<':
			end := strings.IndexByte(part[i:], '>')
			if end < 0 {
				return append(parts, part)
			}
			i += end + 1
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			i++
		default:
			return append(parts, part)
		}
	}
	return parts
}

// cutKind ranks the places to cut, best first.
type cutKind int

const (
	paragraphCut cutKind = iota
	lineCut
	spaceCut
	charCut
	cutKinds
)

// cut is a place Split may end a part: at is where the part ends, resume where the next
// begins (after the whitespace cut at), stack the tags open there.
type cut struct {
	at, resume int
	kind       cutKind
	stack      []openTag
}

type openTag struct{ name, raw string }

// scanCuts lists the places html may be cut, in order, and the UTF-16 length of each
// prefix html[:i] for every i at a character boundary.
func scanCuts(s string) ([]cut, []int) {
	units := make([]int, len(s)+1)
	var cuts []cut
	var stack []openTag
	n := 0
	for i := 0; i < len(s); {
		units[i] = n
		switch s[i] {
		case '<':
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				end = len(s) - i - 1
			}
			raw := s[i : i+end+1]
			stack = applyTag(stack, raw)
			for k := i; k <= i+end; k++ {
				units[k] = n
			}
			n += utf16Len(raw)
			i += end + 1
			continue
		case '&':
			if end := strings.IndexByte(s[i:], ';'); end > 0 && end <= 10 {
				for k := i; k <= i+end; k++ {
					units[k] = n
				}
				cuts = append(cuts, cut{at: i, resume: i, kind: charCut, stack: stack})
				n += end + 1
				i += end + 1
				continue
			}
		case '\n':
			j := i
			for j < len(s) && s[j] == '\n' {
				j++
			}
			kind := lineCut
			if j-i >= 2 {
				kind = paragraphCut
			}
			cuts = append(cuts, cut{at: i, resume: j, kind: kind, stack: stack})
			for k := i; k < j; k++ {
				units[k] = n + k - i
			}
			n += j - i
			i = j
			continue
		case ' ':
			cuts = append(cuts, cut{at: i, resume: i + 1, kind: spaceCut, stack: stack})
		default:
			if i > 0 {
				cuts = append(cuts, cut{at: i, resume: i, kind: charCut, stack: stack})
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		for k := i; k < i+size; k++ {
			units[k] = n
		}
		n += max(utf16.RuneLen(r), 1)
		i += size
	}
	units[len(s)] = n
	return cuts, units
}

// applyTag returns the stack of open tags after raw, a tag such as "<b>" or "</b>". The
// stack is copied, never changed in place, so that cuts can keep the one they saw.
func applyTag(stack []openTag, raw string) []openTag {
	inner := strings.TrimSuffix(strings.TrimPrefix(raw, "<"), ">")
	closing := strings.HasPrefix(inner, "/")
	inner = strings.TrimPrefix(inner, "/")
	end := strings.IndexAny(inner, " \t\n/")
	if end < 0 {
		end = len(inner)
	}
	name := strings.ToLower(inner[:end])
	if closing {
		if len(stack) > 0 && stack[len(stack)-1].name == name {
			return stack[: len(stack)-1 : len(stack)-1]
		}
		return stack
	}
	return append(stack[:len(stack):len(stack)], openTag{name: name, raw: raw})
}

func opening(stack []openTag) string {
	var b strings.Builder
	for _, t := range stack {
		b.WriteString(t.raw)
	}
	return b.String()
}

func closing(stack []openTag) string {
	var b strings.Builder
	for i := len(stack) - 1; i >= 0; i-- {
		b.WriteString("</" + stack[i].name + ">")
	}
	return b.String()
}

// closingLen is the length of closing(stack), which is ASCII.
func closingLen(stack []openTag) int {
	n := 0
	for _, t := range stack {
		n += len(t.name) + 3
	}
	return n
}

func firstCutAfter(cuts []cut, start int) int {
	lo, hi := 0, len(cuts)
	for lo < hi {
		mid := (lo + hi) / 2
		if cuts[mid].at <= start {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// utf16Len is the length of s in UTF-16 code units, as Telegram counts.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += max(utf16.RuneLen(r), 1)
	}
	return n
}
