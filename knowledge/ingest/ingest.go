package ingest

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Meta is what is known of an article before it is read (from the metadata file). Parse
// fills each empty field from the text where the text names it.
type Meta struct {
	Title     string
	Publisher string
	Author    string
	Date      string // YYYY-MM-DD
}

// Kind tells a body sentence from the credits a page carries around it.
type Kind int

const (
	// Body is a sentence of the article's text.
	Body Kind = iota
	// Caption is a photo caption or photo credit.
	Caption
	// Byline is the "by Name" line naming the author.
	Byline
	// Credit says where an article comes from: a "Source: …" line or a dateline ("BAKU,
	// Azerbaijan, April 28.").
	Credit
	// Bio is a sentence of the box about the author that follows an article.
	Bio
)

// Sentence is one sentence of a cleaned article. Text is always raw[Start:End].
type Sentence struct {
	Text       string
	Start, End int
	Paragraph  int    // 1-based, counting the blocks kept
	Section    string // the heading above it, if any
	Kind       Kind
	ListItem   bool
	Introduces bool     // ends with a colon: what follows completes it
	Refers     string   // the person a leading "He", "She" or "The deputy" refers to
	Speaker    string   // the person a quoted paragraph is attributed to
	Lead       string   // the sentence that introduced the quotation it stands in
	People     []string // the persons it names, in order
	Dates      []DateMention
}

// Dropped is a block the cleaner kept out of the body, and why.
type Dropped struct {
	Text   string
	Reason string
}

// Document is an article after cleaning.
type Document struct {
	Name      string
	Meta      Meta
	MetaNotes []string // how fields missing from the known Meta were found in the text
	Sentences []Sentence
	Dropped   []Dropped
}

// ErrNotText is returned for an article that is not UTF-8 text.
var ErrNotText = errors.New("not UTF-8 text")

// ErrEmpty is returned for an article with no sentence left after cleaning.
var ErrEmpty = errors.New("no text left after cleaning")

type blockKind int

const (
	bodyBlock blockKind = iota
	listBlock
	headingBlock
	captionBlock
	bylineBlock
	creditBlock
	bioBlock
	droppedBlock
)

type block struct {
	text       string
	start, end int
	kind       blockKind
	reason     string
	// lead marks a credit that opens the paragraph after it (a dateline): it shares that
	// paragraph's number.
	lead bool
}

var (
	widgetLine    = regexp.MustCompile(`(?i)\b\d+\s*px\b`)
	widgetDate    = regexp.MustCompile(`(?i)\bdate\s+(\d{4}-\d{2}-\d{2})\b`)
	bylineLine    = regexp.MustCompile(`^(?i:by)\s+(\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){0,3})\s*$`)
	sourceLine    = regexp.MustCompile(`^(?i:source)\s*:\s*(.+)$`)
	photoMark     = regexp.MustCompile(`\b(?i:photos?)\s*(?::|by\b)|\([\p{L} ]+/[\p{L} ]+\)\s*$|\b(?i:getty images|reuters|afp|ap photo)\s*$`)
	listMarker    = regexp.MustCompile(`^(?:[-•*–—]|\d{1,2}[.)])\s+`)
	datelineStart = regexp.MustCompile(`^(\p{Lu}[\p{Lu} .'\-]+(?:,\s*\p{Lu}[\p{L} .'\-]*)*),\s*` + monthNames + `\s+(\d{1,2})(?:,\s*(\d{4}))?\s*[.:—–-]+\s*`)
	reportsBy     = regexp.MustCompile(`\b(\p{Lu}[\w.]*(?:\s\p{Lu}[\w.]*)?)\s+reports?\b|\btold\s+(\p{Lu}[\w.]+)\b|\binterview\s+with\s+(\p{Lu}[\w.]+)\b`)
	attribution   = regexp.MustCompile(`[,.!?]["”’]\s+(?:(?:the|The)\s+)?(\p{L}+(?:\s+\p{Lu}\p{L}+)*)\s+(?:said|added|stressed|noted|emphasized|emphasised|concluded|explained|told)\b`)
	terminal      = ".!?…:;\"”’')»"
)

// sidebarLabels start the part of a page after the article: everything from one of these
// lines on is sidebar.
var sidebarLabels = map[string]bool{
	"related articles": true, "related": true, "related news": true, "related stories": true,
	"read also": true, "read more": true, "see also": true, "editor's choice": true,
	"editors choice": true, "editor’s choice": true, "popular": true, "most read": true,
	"most popular": true, "latest news": true, "more news": true, "more stories": true,
	"trending": true, "recommended": true, "you may also like": true, "tags": true,
	"comments": true, "leave a comment": true, "subscribe": true, "newsletter": true,
}

// furnitureLabels are single lines of page furniture.
var furnitureLabels = map[string]bool{
	"news": true, "share": true, "advertisement": true, "print": true, "email": true,
	"facebook": true, "twitter": true, "telegram": true, "whatsapp": true, "listen": true,
}

func label(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.TrimRight(s, ":.!")
}

// Parse cleans the article raw, named name, and splits it into sentences. known holds the
// metadata the caller already has; empty fields are filled from the text. It returns
// ErrNotText or ErrEmpty (wrapped with the name) for input it cannot use.
func Parse(name string, raw []byte, known Meta) (*Document, error) {
	if !utf8.Valid(raw) {
		return nil, fmt.Errorf("article %q: %w: save it as UTF-8", name, ErrNotText)
	}
	text := string(raw)
	doc := &Document{Name: name, Meta: known}
	blocks := classify(doc, splitBlocks(text))
	dropRepeats(blocks)
	dropOffTopic(blocks)
	// A heading before any text is the headline: the article's title, not the heading of
	// every sentence under it.
	for _, b := range blocks {
		if b.kind == droppedBlock || b.kind == bylineBlock || b.kind == captionBlock || b.kind == creditBlock {
			continue
		}
		if b.kind == headingBlock {
			if doc.Meta.Title == "" {
				doc.Meta.Title = b.text
				doc.MetaNotes = append(doc.MetaNotes, "title from the first line")
			}
			b.kind, b.reason = droppedBlock, "title"
		}
		break
	}
	ref, _ := ParseDate(doc.Meta.Date)
	blocks, d := datelineDate(doc, blocks)
	if ref.IsZero() {
		ref = d
	}
	if ref.IsZero() {
		ref = captionDate(doc, blocks)
	}
	findPublisher(doc, blocks)
	doc.Sentences = sentences(doc, text, blocks, ref)
	for _, b := range blocks {
		if b.kind == droppedBlock {
			doc.Dropped = append(doc.Dropped, Dropped{Text: b.text, Reason: b.reason})
		}
	}
	for _, s := range doc.Sentences {
		if s.Kind == Body {
			return doc, nil
		}
	}
	return nil, fmt.Errorf("article %q: %w", name, ErrEmpty)
}

func splitBlocks(text string) []*block {
	var out []*block
	pos := 0
	for pos <= len(text) {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		line := text[pos:end]
		trimmed := strings.TrimFunc(line, isSpaceOrInvisible)
		if trimmed != "" {
			start := pos + strings.Index(line, trimmed)
			out = append(out, &block{text: trimmed, start: start, end: start + len(trimmed)})
		}
		if nl < 0 {
			break
		}
		pos = end + 1
	}
	return out
}

func isSpaceOrInvisible(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || unicode.IsControl(r)
}

// classify sorts blocks into body, headings, list items, credits and furniture, and notes
// the metadata that furniture and credits carry. It returns the blocks, a "Source: …"
// line that goes on with a photo credit split in two.
func classify(doc *Document, blocks []*block) []*block {
	sidebar, authorBox := "", false
	out := make([]*block, 0, len(blocks))
	for i, b := range blocks {
		out = append(out, b)
		switch l := label(b.text); {
		case sidebar != "":
			b.kind, b.reason = droppedBlock, "sidebar after "+strconvQuote(sidebar)
		case sidebarLabels[l]:
			sidebar = b.text
			b.kind, b.reason = droppedBlock, "sidebar label"
		case authorBox:
			b.kind = bioBlock
		case furnitureLabels[l]:
			b.kind, b.reason = droppedBlock, "page furniture"
		case len(b.text) < 120 && widgetLine.MatchString(b.text):
			b.kind, b.reason = droppedBlock, "page furniture"
			if m := widgetDate.FindStringSubmatch(b.text); m != nil && doc.Meta.Date == "" {
				doc.Meta.Date = m[1]
				doc.MetaNotes = append(doc.MetaNotes, "date from the page's date line")
			}
		case doc.Meta.Author != "" && strings.EqualFold(b.text, doc.Meta.Author) && i > 0:
			// The author's name alone on a line opens the box about the author: what
			// follows is about the author, not the story.
			authorBox = true
			b.kind, b.reason = droppedBlock, "author box"
			dropTeaser(out[:len(out)-1])
		case len(b.text) < 80 && bylineLine.MatchString(b.text):
			b.kind = bylineBlock
			if doc.Meta.Author == "" {
				doc.Meta.Author = bylineLine.FindStringSubmatch(b.text)[1]
				doc.MetaNotes = append(doc.MetaNotes, "author from the byline")
			}
		case hasPrefixFold(b.text, "source") && sourceLine.MatchString(b.text):
			src := sourceLine.FindStringSubmatch(b.text)[1]
			if doc.Meta.Publisher == "" {
				doc.Meta.Publisher = publisherOf(src)
				doc.MetaNotes = append(doc.MetaNotes, "publisher from the Source line")
			}
			b.kind = creditBlock
			if loc := photoMark.FindStringIndex(b.text); loc != nil {
				// The rest of the line from "Photo:" on is a caption.
				cut := strings.LastIndex(b.text[:loc[0]+1], ". ")
				if cut < 0 {
					cut = loc[0]
				} else {
					cut += 2
				}
				caption := &block{text: b.text[cut:], start: b.start + cut, end: b.end, kind: captionBlock}
				credit := strings.TrimRightFunc(b.text[:cut], unicode.IsSpace)
				b.text, b.end = credit, b.start+len(credit)
				if credit == "" || strings.EqualFold(credit, "source:") {
					b.kind, b.reason = droppedBlock, "source line"
				}
				out = append(out, caption)
			}
		case mayBeCaption(b.text) && photoMark.MatchString(b.text):
			b.kind = captionBlock
		case listMarker.MatchString(b.text):
			b.kind = listBlock
		case isHeading(b.text):
			b.kind = headingBlock
		default:
			b.kind = bodyBlock
		}
	}
	blocks = out
	// A short line that closes the article with nothing after it is the publisher's
	// signature ("News.Az"), not a heading.
	for i := len(blocks) - 1; i >= 0; i-- {
		b := blocks[i]
		if b.kind == droppedBlock || b.kind == captionBlock || b.kind == creditBlock || b.kind == bioBlock {
			continue
		}
		if b.kind == headingBlock && len(strings.Fields(b.text)) <= 3 {
			b.kind, b.reason = droppedBlock, "signature"
			if doc.Meta.Publisher == "" {
				doc.Meta.Publisher = b.text
				doc.MetaNotes = append(doc.MetaNotes, "publisher from the closing line")
			}
		}
		break
	}
	// Headings with no text under them (the last block, or one heading after another)
	// head nothing.
	for i, b := range blocks {
		if b.kind != headingBlock {
			continue
		}
		next := nextKept(blocks, i)
		if next == nil || next.kind == headingBlock {
			b.kind, b.reason = droppedBlock, "heading with no text"
		}
	}
	return blocks
}

func strconvQuote(s string) string { return "“" + s + "”" }

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// mayBeCaption is a cheap test before the caption pattern: a credit names a photo, or ends
// with "(Agency/Photographer)" or an agency.
func mayBeCaption(s string) bool {
	return strings.Contains(s, "hoto") || strings.HasSuffix(strings.TrimSpace(s), ")") || len(s) < 200
}

// dropTeaser drops the related-article teaser a page puts right before its author box: a
// heading and a single paragraph under it.
func dropTeaser(before []*block) {
	n := len(before)
	if n >= 2 && before[n-2].kind == headingBlock && before[n-1].kind == bodyBlock {
		before[n-2].kind, before[n-2].reason = droppedBlock, "related-article teaser"
		before[n-1].kind, before[n-1].reason = droppedBlock, "related-article teaser"
	}
}

func nextKept(blocks []*block, i int) *block {
	for _, b := range blocks[i+1:] {
		switch b.kind {
		case droppedBlock, captionBlock, bylineBlock, creditBlock, bioBlock:
		default:
			return b
		}
	}
	return nil
}

// publisherOf takes the publisher from a "Source:" line: "commonspace.eu with agencies.
// Photo: …" gives "commonspace.eu".
func publisherOf(src string) string {
	src = strings.TrimSpace(src)
	for _, stop := range []string{" with ", ", ", ". ", "; ", " and "} {
		if i := strings.Index(src, stop); i > 0 {
			src = src[:i]
		}
	}
	return strings.TrimRight(src, ".")
}

// isHeading reports whether a line is a heading: short, and not ended like a sentence.
func isHeading(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(terminal, r) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	return len(strings.Fields(s)) <= 16 && (unicode.IsUpper(first) || unicode.IsDigit(first))
}

// dropRepeats keeps only the first of blocks that say the same thing.
func dropRepeats(blocks []*block) {
	seen := map[string]bool{}
	for _, b := range blocks {
		if b.kind == droppedBlock {
			continue
		}
		key := strings.Join(strings.Fields(strings.ToLower(b.text)), " ")
		if seen[key] {
			b.kind, b.reason = droppedBlock, "repeated block"
		}
		seen[key] = true
	}
}

// dropOffTopic drops paragraphs about another story: in an article of several paragraphs, a
// paragraph that names several people, places or bodies, none of which the rest of the
// article names.
func dropOffTopic(blocks []*block) {
	names := make([]map[string]bool, len(blocks))
	count := map[string]int{} // in how many blocks each name occurs, first words of sentences too
	bodies := 0
	for i, b := range blocks {
		if b.kind == droppedBlock || b.kind == bylineBlock {
			continue
		}
		if b.kind == bodyBlock || b.kind == listBlock {
			bodies++
		}
		names[i] = properNames(b.text)
		for n := range capitalised(b.text) {
			count[n]++
		}
	}
	if bodies < 4 {
		return
	}
	for i, b := range blocks {
		if (b.kind != bodyBlock && b.kind != listBlock) || len(names[i]) < 4 {
			continue
		}
		shared := false
		for n := range names[i] {
			if count[n] > 1 {
				shared = true
				break
			}
		}
		if !shared {
			b.kind, b.reason = droppedBlock, "off-topic: names nothing the rest of the article names"
		}
	}
}

// capitalised returns the name keys (as properNames makes them) of every capitalised word.
func capitalised(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words(text) {
		if w.upper {
			out[nameKey(w.text)] = true
		}
	}
	return out
}

// genericCapitals are capitalised words that do not tie a paragraph to a story.
var genericCapitals = map[string]bool{
	"pres": true, "prim": true, "mini": true, "secr": true, "gene": true, "chai": true,
	"repu": true, "janu": true, "febr": true, "marc": true, "apri": true, "may": true,
	"june": true, "july": true, "augu": true, "sept": true, "octo": true, "nove": true,
	"dece": true, "mond": true, "tues": true, "wedn": true, "thur": true, "frid": true,
	"satu": true, "sund": true, "toda": true, "news": true, "inte": true, "nati": true,
}

// properNames returns the capitalised words of text that are not first in a sentence, as
// lower-case four-letter prefixes, so that "Chinese" and "China" count as one name.
func properNames(text string) map[string]bool {
	out := map[string]bool{}
	ws := words(text)
	for i, w := range ws {
		if !w.upper || i == 0 {
			continue
		}
		gap := text[ws[i-1].end:w.start]
		if strings.ContainsAny(gap, ".!?:") {
			continue
		}
		if len(w.text) < 3 || stopword(strings.ToLower(w.text)) {
			continue
		}
		if key := nameKey(w.text); !genericCapitals[key] {
			out[key] = true
		}
	}
	return out
}

// nameKey folds a name to its first four letters, lower-cased.
func nameKey(w string) string {
	key := strings.ToLower(w)
	if r := []rune(key); len(r) > 4 {
		key = string(r[:4])
	}
	return key
}

func stopword(w string) bool {
	switch w {
	case "the", "and", "for", "but", "with", "this", "that", "his", "her", "its", "our", "their":
		return true
	}
	return false
}

// datelineDate splits a dateline ("BAKU, Azerbaijan, April 28.") off the first body block
// into a credit of its own, and returns the blocks and the dateline's date when it names a
// year; it fills Meta.Date (when empty) only then.
func datelineDate(doc *Document, blocks []*block) ([]*block, time.Time) {
	for i, b := range blocks {
		if b.kind != bodyBlock {
			continue
		}
		m := datelineStart.FindStringSubmatchIndex(b.text)
		if m == nil {
			return blocks, time.Time{}
		}
		line := b.text
		credit := strings.TrimRightFunc(line[:m[1]], unicode.IsSpace)
		out := append(append(append(make([]*block, 0, len(blocks)+1), blocks[:i]...),
			&block{text: credit, start: b.start, end: b.start + len(credit), kind: creditBlock, lead: true}), blocks[i:]...)
		b.start += m[1]
		b.text = b.text[m[1]:]
		if m[8] < 0 {
			return out, time.Time{}
		}
		year, _ := strconv.Atoi(line[m[8]:m[9]])
		day, _ := strconv.Atoi(line[m[6]:m[7]])
		t := time.Date(year, parseMonth(line[m[4]:m[5]]), day, 0, 0, 0, 0, time.UTC)
		if doc.Meta.Date == "" {
			doc.Meta.Date = t.Format(time.DateOnly)
			doc.MetaNotes = append(doc.MetaNotes, "date from the dateline")
		}
		return out, t
	}
	return blocks, time.Time{}
}

// captionDate takes the article's date from the first photo caption that names a full
// date, as pages date their photos on the day of the story.
func captionDate(doc *Document, blocks []*block) time.Time {
	for _, b := range blocks {
		if b.kind != captionBlock {
			continue
		}
		for _, d := range findDates(b.text, time.Time{}) {
			if t, ok := ParseDate(d.Value); ok {
				doc.Meta.Date = d.Value
				doc.MetaNotes = append(doc.MetaNotes, "date from a dated photo caption")
				return t
			}
		}
	}
	return time.Time{}
}

// findPublisher names the publisher from the text when nothing else did: "News.Az reports",
// "told Trend", "in an interview with Trend".
func findPublisher(doc *Document, blocks []*block) {
	if doc.Meta.Publisher != "" {
		return
	}
	for _, b := range blocks {
		if b.kind != bodyBlock || !(strings.Contains(b.text, "report") || strings.Contains(b.text, "told ") || strings.Contains(b.text, "interview")) {
			continue // the pattern is costly; most paragraphs name no publisher
		}
		if m := reportsBy.FindStringSubmatch(b.text); m != nil {
			for _, g := range m[1:] {
				if g != "" {
					doc.Meta.Publisher = g
					doc.MetaNotes = append(doc.MetaNotes, "publisher from "+strconvQuote(m[0]))
					return
				}
			}
		}
	}
}

// sentences splits the kept blocks into sentences and resolves pronouns, speakers and
// dates.
func sentences(doc *Document, text string, blocks []*block, ref time.Time) []Sentence {
	var out []Sentence
	section, parent, para := "", "", 0
	var last *block
	for _, b := range blocks {
		switch b.kind {
		case droppedBlock:
			continue
		case headingBlock:
			// A paragraph that ends with a colon right before a heading introduces the
			// sections that follow ("Here are the key highlights of the statement:"):
			// its heading heads them too.
			if last != nil && last.kind == bodyBlock && strings.HasSuffix(last.text, ":") && parent == "" {
				parent = section
			}
			section = b.text
			if parent != "" && parent != b.text {
				section = parent + " › " + b.text
			}
			last = b
			continue
		}
		last = b
		if !b.lead {
			para++ // a dateline shares the number of the paragraph it opens
		}
		switch b.kind {
		case captionBlock:
			out = append(out, Sentence{Text: b.text, Start: b.start, End: b.end, Paragraph: para, Kind: Caption})
		case bylineBlock:
			out = append(out, Sentence{Text: b.text, Start: b.start, End: b.end, Paragraph: para, Kind: Byline})
		case creditBlock:
			p := para
			if b.lead {
				p++
			}
			out = append(out, Sentence{Text: b.text, Start: b.start, End: b.end, Paragraph: p, Kind: Credit})
		case bioBlock:
			for _, sp := range splitSentences(b.text, b.start) {
				out = append(out, Sentence{Start: sp.start, End: sp.end, Paragraph: para, Kind: Bio, Refers: doc.Meta.Author})
			}
		case listBlock:
			loc := listMarker.FindStringIndex(b.text)
			for _, sp := range splitSentences(b.text[loc[1]:], b.start+loc[1]) {
				out = append(out, Sentence{Start: sp.start, End: sp.end, Paragraph: para, Section: section, ListItem: true})
			}
		default:
			for _, sp := range splitSentences(b.text, b.start) {
				out = append(out, Sentence{Start: sp.start, End: sp.end, Paragraph: para, Section: section})
			}
		}
	}
	for i := range out {
		out[i].Text = text[out[i].Start:out[i].End]
		out[i].Introduces = strings.HasSuffix(out[i].Text, ":")
		if out[i].Kind == Body || out[i].Kind == Credit || out[i].Kind == Caption {
			out[i].Dates = findDates(out[i].Text, ref)
		}
	}
	resolvePeople(doc, text, out)
	return out
}

// resolvePeople fills Refers for sentences that name their subject only by a pronoun, and
// Speaker for the sentences of quoted paragraphs.
func resolvePeople(doc *Document, text string, ss []Sentence) {
	var bodies []string
	for _, s := range ss {
		if s.Kind == Body {
			bodies = append(bodies, s.Text)
		}
	}
	p := findPeople(bodies, doc.Meta.Author)
	subject, subjectAt := "", -10
	inQuote, speaker, lead := false, "", ""
	introducer, introduction := "", ""
	for i := range ss {
		s := &ss[i]
		if s.Kind != Body {
			continue
		}
		firstInPara := i == 0 || ss[i-1].Paragraph != s.Paragraph
		if firstInPara {
			paraText := paragraphText(text, ss, i)
			opens := startsWithQuote(text, s.Start)
			if opens || inQuote {
				who := ""
				if m := attribution.FindStringSubmatch(paraText); m != nil {
					who = resolveName(p, m[1], subject)
				}
				switch {
				case who != "":
					speaker = who
				case opens && introducer != "":
					speaker = introducer
				case !inQuote:
					speaker = ""
				}
				switch {
				case opens:
					lead = introduction
				case !inQuote:
					lead = ""
				}
			} else {
				speaker, lead = "", ""
			}
			inQuote = (opens || inQuote) && leavesQuoteOpen(paraText, opens || inQuote)
			introducer, introduction = "", ""
		}
		s.Speaker, s.Lead = speaker, lead
		m := p.mentions(s.Text)
		if c := p.counterpart(s.Text, m); c != "" && !slices.Contains(m, c) {
			m = append(m, c) // "his Azerbaijani counterpart": Ilham Aliyev
		}
		s.People = m
		if pronounStart.MatchString(s.Text) && i-subjectAt <= 5 && subject != "" {
			s.Refers = subject
		}
		switch {
		case s.Refers != "":
			subject, subjectAt = s.Refers, i
		case len(m) > 0:
			subject, subjectAt = m[0], i
		case s.Speaker != "":
			subject, subjectAt = s.Speaker, i
		}
		if s.Introduces {
			introducer, introduction = subject, s.Text
		}
	}
}

// resolveName turns the name or pronoun of an attribution into a person.
func resolveName(p *people, who, subject string) string {
	switch strings.ToLower(who) {
	case "he", "she", "they", "mp", "deputy", "minister", "president", "official", "ambassador":
		return subject
	}
	if name, ok := p.byToken[who]; ok {
		return name
	}
	return ""
}

func paragraphText(text string, ss []Sentence, i int) string {
	j := i
	for j+1 < len(ss) && ss[j+1].Paragraph == ss[i].Paragraph {
		j++
	}
	return text[ss[i].Start:ss[j].End]
}

// startsWithQuote reports whether the paragraph holding the sentence at start opens with a
// quotation mark (which the sentence itself may have left out).
func startsWithQuote(text string, start int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:start])
	if r == '"' || r == '“' {
		return true
	}
	r, _ = utf8.DecodeRuneInString(text[start:])
	return r == '"' || r == '“'
}

// leavesQuoteOpen reports whether a quotation open at the start of paragraph runs on into
// the next one, as a quotation spanning paragraphs does (no closing mark).
func leavesQuoteOpen(paragraph string, open bool) bool {
	n := strings.Count(paragraph, `"`) + strings.Count(paragraph, "“") + strings.Count(paragraph, "”")
	if strings.HasPrefix(strings.TrimSpace(paragraph), `"`) || strings.HasPrefix(strings.TrimSpace(paragraph), "“") {
		return n%2 == 1
	}
	// The paragraph's opening mark was cut off with the sentence; count it.
	if open {
		return n%2 == 0
	}
	return false
}
