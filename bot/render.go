package bot

import (
	"fmt"
	"strings"

	"github.com/azchina/azchina/knowledge"
)

// CitationLine names where a quote comes from for a reader: publisher, date, title, seed
// file and paragraph.
func CitationLine(c knowledge.Citation) string {
	var parts []string
	for _, p := range []string{c.Publisher, c.Date} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if c.Title != "" {
		parts = append(parts, "“"+c.Title+"”")
	}
	parts = append(parts, fmt.Sprintf("%s ¶%d", c.Source, c.Paragraph))
	return strings.Join(parts, ", ")
}

// ArticleLine describes an article in one line: its title or label, publisher, date,
// author and file.
func ArticleLine(a knowledge.Article) string {
	line := a.Label()
	var meta []string
	for _, p := range []string{a.Publisher, a.Date} {
		if p != "" && !strings.Contains(line, p) {
			meta = append(meta, p)
		}
	}
	if a.Author != "" {
		meta = append(meta, "by "+a.Author)
	}
	if a.Source != line {
		meta = append(meta, a.Source)
	}
	if len(meta) > 0 {
		line += " (" + strings.Join(meta, ", ") + ")"
	}
	return line
}

// PlainText renders a reply as plain text, as the console shows it.
func PlainText(r Reply) string {
	var b strings.Builder
	if r.Title != "" {
		b.WriteString(r.Title + "\n")
	}
	switch {
	case r.Kind == AnswerReply && r.Answer != nil:
		b.WriteString(r.Answer.Text + "\n")
		if len(r.Answer.Citations) > 0 {
			b.WriteString("\n")
		}
		for i, c := range r.Answer.Citations {
			fmt.Fprintf(&b, "[%d] %s\n", i+1, CitationLine(c))
		}
	case r.Kind == ListReply:
		for _, it := range r.Items {
			b.WriteString("• " + it + "\n")
		}
	default:
		b.WriteString(r.Text + "\n")
	}
	return b.String()
}
