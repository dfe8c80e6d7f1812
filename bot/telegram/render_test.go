package telegram

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/telegram/telegramtest"
	"github.com/azchina/azchina/knowledge"
)

var tagRE = regexp.MustCompile(`</?([a-zA-Z][a-zA-Z0-9-]*)[^>]*>`)

// checkHTML fails unless Telegram would parse s: only tags it allows, nested, every '<',
// '>' and '&' in a tag or an entity, valid UTF-8.
func checkHTML(t testing.TB, s string) {
	t.Helper()
	_, err := telegramtest.CheckHTML(s)
	assert.NoError(t, err, "in %q", s)
}

// visible is what a reader sees of HTML: no tags, words separated by single spaces.
func visible(s string) string {
	return strings.Join(strings.Fields(tagRE.ReplaceAllString(s, "")), " ")
}

func TestRenderAnswer(t *testing.T) {
	a := knowledge.Answer{Answered: true, Text: "Ten documents were signed. [1]", Citations: []knowledge.Citation{
		{Source: "004.txt", Title: "Ties grow", Publisher: "Trend", Date: "2025-04-28", Paragraph: 5},
		{Source: "001.txt", Paragraph: 2},
	}}
	got := Render(bot.Reply{Kind: bot.AnswerReply, Answer: &a})
	want := "Ten documents were signed. [1]\n\n" +
		"<b>[1]</b> Trend, 2025-04-28, “Ties grow”, 004.txt ¶5\n" +
		"<b>[2]</b> 001.txt ¶2"
	assert.Equal(t, []string{want}, got)
}

func TestRenderKinds(t *testing.T) {
	tests := []struct {
		name  string
		reply bot.Reply
		want  []string
	}{
		{"notice", bot.Reply{Kind: bot.NoticeReply, Text: "Please wait 5s."}, []string{"Please wait 5s."}},
		{"refusal", bot.Reply{Kind: bot.RefusalReply, Text: "The articles do not say. Try /topics."}, []string{"The articles do not say. Try /topics."}},
		{"list", bot.Reply{Kind: bot.ListReply, Title: "Topics", Items: []string{"Trade", "Visas"}}, []string{"<b>Topics</b>\n• Trade\n• Visas"}},
		{"titled answer", bot.Reply{Kind: bot.AnswerReply, Title: "A fact", Answer: &knowledge.Answer{Text: "X. [1]", Citations: []knowledge.Citation{{Source: "a.txt", Paragraph: 1}}}},
			[]string{"<b>A fact</b>\nX. [1]\n\n<b>[1]</b> a.txt ¶1"}},
		{"empty", bot.Reply{Kind: bot.NoticeReply, Text: "  "}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Render(tt.reply))
		})
	}
}

// Whatever reaches a reply — the user's words, an article's title, a quote — is shown as
// text, never as markup.
func TestRenderEscapesEverything(t *testing.T) {
	evil := `<b>bold</b> <a href="https://x.example">link</a> & <script>alert(1)</script> *md* @everyone &amp;`
	a := knowledge.Answer{Answered: true, Text: evil, Citations: []knowledge.Citation{
		{Source: evil, Title: evil, Publisher: evil, Date: evil, Paragraph: 1, Quote: evil}}}
	replies := []bot.Reply{
		{Kind: bot.AnswerReply, Title: evil, Answer: &a},
		{Kind: bot.NoticeReply, Text: evil},
		{Kind: bot.RefusalReply, Text: evil},
		{Kind: bot.ListReply, Title: evil, Items: []string{evil, evil}},
	}
	for _, r := range replies {
		for _, part := range Render(r) {
			checkHTML(t, part)
			assert.NotContains(t, part, "<a ")
			assert.NotContains(t, part, "<script")
			assert.Contains(t, part, "&lt;b&gt;bold&lt;/b&gt;")
			assert.Contains(t, part, "&amp;amp;", "an entity the user typed stays literal")
			assert.Contains(t, part, "*md* @everyone", "Markdown means nothing in HTML mode")
		}
	}
}

func paragraphs(n, size int) []string {
	var ps []string
	for i := range n {
		p := fmt.Sprintf("Paragraph %d:", i)
		for len(p) < size {
			p += " word"
		}
		ps = append(ps, p[:size])
	}
	return ps
}

// A 5,000-character reply goes out in two messages, cut between paragraphs.
func TestSplitLongReplyOnParagraphs(t *testing.T) {
	ps := paragraphs(50, 98) // 50 × 98 + 49 × 2 = 4,998 characters
	items := append([]string(nil), ps...)
	reply := bot.Reply{Kind: bot.NoticeReply, Text: strings.Join(items, "\n\n")}
	require.Equal(t, 4998, len(reply.Text))
	parts := Render(reply)
	require.Len(t, parts, 2)
	for _, p := range parts {
		assert.LessOrEqual(t, utf16Len(p), MaxMessage)
		checkHTML(t, p)
	}
	first := strings.Split(parts[0], "\n\n")
	second := strings.Split(parts[1], "\n\n")
	assert.Equal(t, ps, append(first, second...), "every paragraph whole, in order, in one part")
	assert.Equal(t, 40, len(first), "the first part holds as many paragraphs as fit: 40 × 98 + 39 × 2 = 3,998")
}

func TestSplit(t *testing.T) {
	long := strings.Join(paragraphs(30, 150), "\n\n")
	tests := []struct {
		name  string
		html  string
		limit int
		parts int
		check func(t *testing.T, parts []string)
	}{
		{"fits", "<b>Title</b>\nshort", 100, 1, nil},
		{"tags reopened across the cut", "<blockquote>" + long + "</blockquote>", 1000, 5, func(t *testing.T, parts []string) {
			for _, p := range parts {
				assert.True(t, strings.HasPrefix(p, "<blockquote>") && strings.HasSuffix(p, "</blockquote>"), p)
			}
		}},
		{"nested tags", "<b>bold <i>" + long + "</i> end</b>", 2000, 3, func(t *testing.T, parts []string) {
			assert.True(t, strings.HasPrefix(parts[1], "<b><i>"))
			assert.True(t, strings.HasSuffix(parts[1], "</i></b>"))
		}},
		{"a long paragraph is cut at lines", strings.Repeat("line of text\n", 40), 100, 6, func(t *testing.T, parts []string) {
			for _, p := range parts {
				assert.NotContains(t, strings.Split(p, "\n"), "line of", "no line cut in half")
			}
		}},
		{"a long line is cut at spaces", strings.Repeat("word ", 100), 64, 8, func(t *testing.T, parts []string) {
			for _, p := range parts {
				for _, w := range strings.Fields(p) {
					assert.Equal(t, "word", w)
				}
			}
		}},
		{"entities stay whole", strings.Repeat("&amp;&lt;", 50), 32, 15, func(t *testing.T, parts []string) {
			for _, p := range parts {
				assert.Regexp(t, `^(&amp;|&lt;)+$`, p)
			}
		}},
		{"measured in UTF-16 units", strings.Repeat("😀", 100), 50, 4, func(t *testing.T, parts []string) {
			assert.Equal(t, strings.Repeat("😀", 25), parts[0], "an emoji is two units")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := Split(tt.html, tt.limit)
			require.Len(t, parts, tt.parts)
			var seen []string
			for _, p := range parts {
				assert.LessOrEqual(t, utf16Len(p), tt.limit, p)
				checkHTML(t, p)
				seen = append(seen, visible(p))
			}
			squeeze := strings.NewReplacer(" ", "").Replace
			assert.Equal(t, squeeze(visible(tt.html)), squeeze(strings.Join(seen, "")), "nothing lost, nothing added")
			if tt.check != nil {
				tt.check(t, parts)
			}
		})
	}
}

// FuzzRender holds the renderer to Telegram's rules whatever the reply holds: every part
// parses as Telegram HTML (allowed tags only, nested, everything else escaped), is valid
// UTF-8, shows some text, fits in MaxMessage UTF-16 units, and together the parts show
// all the reply does. `go test` runs the seeds; `go test -fuzz=FuzzRender` explores.
func FuzzRender(f *testing.F) {
	f.Add("Topics", "Ten documents were signed. [1]", "Trade\nVisas", "Trend", uint8(1))
	f.Add("", `<b>bold</b> & <a href="x">link</a> &amp; *md* @everyone`, "<i>", "<script>", uint8(3))
	f.Add("🇦🇿🇨🇳", strings.Repeat("😀", 50)+"\n\n", "", "", uint8(200))
	f.Add("   ", "\xff\xfe not UTF-8 \xc3", "\x00\x01", "\u2028", uint8(90))
	f.Add("title", strings.Repeat("word ", 300)+"\n"+strings.Repeat("x", 900), "• item\n\n\nitem", "&lt;", uint8(17))
	f.Add("", " \n \n ", "", "", uint8(0))
	f.Fuzz(func(t *testing.T, title, text, items, source string, repeat uint8) {
		long := strings.Repeat(text, int(repeat%64)+1)
		a := knowledge.Answer{Answered: true, Text: long}
		for i := range int(repeat % 12) {
			a.Citations = append(a.Citations, knowledge.Citation{Source: source, Title: title, Publisher: text, Date: items, Paragraph: i})
		}
		replies := []bot.Reply{
			{Kind: bot.AnswerReply, Title: title, Answer: &a},
			{Kind: bot.RefusalReply, Text: long},
			{Kind: bot.NoticeReply, Title: title, Text: long},
			{Kind: bot.ListReply, Title: title, Items: strings.Split(strings.Repeat(items+"\n", int(repeat%64)+1), "\n")},
		}
		for _, r := range replies {
			var all strings.Builder
			for _, part := range Render(r) {
				require.True(t, utf8.ValidString(part), "not UTF-8: %q", part)
				require.LessOrEqual(t, utf16Len(part), MaxMessage)
				shown, err := telegramtest.CheckHTML(part)
				require.NoError(t, err, "in %q", part)
				require.NotEmpty(t, strings.TrimSpace(shown), "a part with nothing to show: %q", part)
				all.WriteString(shown)
			}
			whole, err := telegramtest.CheckHTML(renderHTML(r))
			require.NoError(t, err)
			squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
			require.Equal(t, squeeze(whole), squeeze(all.String()), "the parts show all the reply does")
		}
	})
}
