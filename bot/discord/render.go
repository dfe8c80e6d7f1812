package discord

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/knowledge"
)

// Discord's limits on a message, in characters.
// https://discord.com/developers/docs/resources/message#create-message-jsonjson-params and
// https://discord.com/developers/docs/resources/message#embed-object-embed-limits
const (
	maxContent     = 2000
	maxTitle       = 256
	maxDescription = 4096
	maxFields      = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxEmbedTotal  = 6000 // all the embeds of one message together
	maxEmbeds      = 10
	maxNonce       = 25
	maxCustomID    = 100
)

// embedColor is the stripe beside azchina's embeds.
const embedColor = 0x1F8B4C

// payload is a reply as Discord shows it: message text, embeds, or both, and the vote
// buttons under an answer.
type payload struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Ephemeral  bool
}

// render turns a router reply into a Discord message within Discord's limits. Answers and
// lists become an embed; notices and refusals become message text. Every string is escaped
// so that whatever it holds (Markdown, <@mentions>, @everyone) shows as written. An answer
// the journal keeps gets 👍/👎 buttons.
func render(r bot.Reply) payload {
	p := payload{Ephemeral: r.Private}
	switch {
	case r.Kind == bot.AnswerReply && r.Answer != nil:
		p.Embeds = []*discordgo.MessageEmbed{answerEmbed(r.Title, *r.Answer)}
		p.Components = voteButtons(r.AnswerID)
	case r.Kind == bot.ListReply:
		p.Embeds = []*discordgo.MessageEmbed{listEmbed(r.Title, r.Items)}
	default:
		text := r.Text
		if r.Title != "" {
			text = r.Title + "\n" + text
		}
		p.Content = truncate(escape(text), maxContent)
	}
	if p.Content == "" && len(p.Embeds) == 0 {
		p.Content = "…" // Discord refuses an empty message
	}
	return p
}

func answerEmbed(title string, a knowledge.Answer) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Type:        discordgo.EmbedTypeRich,
		Title:       truncate(escape(title), maxTitle),
		Description: truncate(escape(a.Text), maxDescription),
		Color:       embedColor,
	}
	if e.Description == "" {
		e.Description = "…"
	}
	budget := maxEmbedTotal - runes(e.Title) - runes(e.Description)
	// Reserve room for the footer that says how many citations did not fit.
	budget -= runes(moreSources(len(a.Citations)))
	for i, c := range a.Citations {
		f := citationField(i+1, c)
		cost := runes(f.Name) + runes(f.Value)
		if len(e.Fields) == maxFields || cost > budget {
			e.Footer = &discordgo.MessageEmbedFooter{Text: moreSources(len(a.Citations) - i)}
			break
		}
		budget -= cost
		e.Fields = append(e.Fields, f)
	}
	return e
}

// moreSources is the footer for citations left out of an embed.
func moreSources(n int) string {
	if n == 1 {
		return "1 more source not shown"
	}
	return fmt.Sprintf("%d more sources not shown", n)
}

// citationField shows one citation: its number, publisher and date as the name, its title,
// file and paragraph as the value.
func citationField(n int, c knowledge.Citation) *discordgo.MessageEmbedField {
	name := fmt.Sprintf("[%d]", n) // a bracket pair with no link after it is no Markdown
	var head []string
	for _, s := range []string{c.Publisher, c.Date} {
		if s != "" {
			head = append(head, s)
		}
	}
	if len(head) > 0 {
		name += " " + escape(strings.Join(head, ", "))
	}
	value := escape(fmt.Sprintf("%s ¶%d", c.Source, c.Paragraph))
	if c.Title != "" {
		value = "“" + escape(c.Title) + "”\n" + value
	}
	return &discordgo.MessageEmbedField{
		Name:  truncate(name, maxFieldName),
		Value: truncate(value, maxFieldValue),
	}
}

func listEmbed(title string, items []string) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Type:  discordgo.EmbedTypeRich,
		Title: truncate(escape(title), maxTitle),
		Color: embedColor,
	}
	var b strings.Builder
	for i, it := range items {
		line := "• " + escape(it) + "\n"
		rest := fmt.Sprintf("… and %d more", len(items)-i)
		if runes(b.String())+runes(line)+runes(rest) > maxDescription {
			// An item that alone is too long is cut; otherwise the list stops at the last item
			// that fits.
			if b.Len() == 0 {
				b.WriteString(truncate(line, maxDescription-runes(rest)-1) + "\n")
			}
			b.WriteString(rest)
			break
		}
		b.WriteString(line)
	}
	e.Description = strings.TrimRight(b.String(), "\n")
	if e.Description == "" {
		e.Description = "Nothing yet."
	}
	return e
}

// Votes are button presses whose custom ID is "vote:up:ID" or "vote:down:ID", ID naming an
// answer in the journal.
const (
	votePrefix = "vote:"
	voteUp     = "up"
	voteDown   = "down"
)

// voteButtons are the 👍/👎 buttons under an answer; none when it has no ID to vote on.
func voteButtons(answerID string) []discordgo.MessageComponent {
	if answerID == "" || len(votePrefix+voteDown+":"+answerID) > maxCustomID {
		return nil
	}
	// discordgo always sends "label", so each button has one rather than an empty one.
	button := func(vote, emoji, label string) discordgo.Button {
		return discordgo.Button{Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: emoji},
			Label: label, CustomID: votePrefix + vote + ":" + answerID}
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		button(voteUp, "👍", "Helpful"), button(voteDown, "👎", "Not helpful"),
	}}}
}

// parseVote reads a vote button's custom ID.
func parseVote(customID string) (answerID string, up, ok bool) {
	rest, ok := strings.CutPrefix(customID, votePrefix)
	if !ok {
		return "", false, false
	}
	vote, id, ok := strings.Cut(rest, ":")
	if !ok || id == "" || (vote != voteUp && vote != voteDown) {
		return "", false, false
	}
	return id, vote == voteUp, true
}

// inline are the characters Discord reads as Markdown or mention syntax anywhere in a line.
var inline = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `~`, `\~`, `|`, `\|`,
	`<`, `\<`, `>`, `\>`, `[`, `\[`, `]`, `\]`, `@`, `\@`, `#`, `\#`,
)

// escape makes text show as written in Discord: Markdown, masked links, mentions, headings
// and lists are escaped with backslashes, which Discord hides. Bytes that are not UTF-8
// become U+FFFD.
func escape(text string) string {
	lines := strings.Split(inline.Replace(strings.ToValidUTF8(text, "\uFFFD")), "\n")
	for i, l := range lines {
		lines[i] = escapeLineStart(l)
	}
	return strings.Join(lines, "\n")
}

// escapeLineStart escapes what Markdown reads only at the start of a line: list markers
// ("- ", "+ ", "1. ").
func escapeLineStart(l string) string {
	body := strings.TrimLeftFunc(l, unicode.IsSpace)
	indent := l[:len(l)-len(body)]
	switch {
	case strings.HasPrefix(body, "-") || strings.HasPrefix(body, "+"):
		return indent + `\` + body
	}
	digits := len(body) - len(strings.TrimLeftFunc(body, unicode.IsDigit))
	if digits > 0 && strings.HasPrefix(body[digits:], ".") {
		return indent + body[:digits] + `\` + body[digits:]
	}
	return l
}

// truncate cuts s to at most n characters, ending with "…" when it cut. It never leaves a
// lone escaping backslash at the end.
func truncate(s string, n int) string {
	if runes(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	slashes := 0
	for i := len(r) - 1; i >= 0 && r[i] == '\\'; i-- {
		slashes++
	}
	if slashes%2 == 1 {
		r = r[:len(r)-1]
	}
	return strings.TrimRightFunc(string(r), unicode.IsSpace) + "…"
}

// runes counts characters as Discord does for its limits.
func runes(s string) int { return utf8.RuneCountInString(s) }
