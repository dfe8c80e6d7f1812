package discord

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/knowledge"
)

// embedLength is the length Discord checks against its 6,000 total.
func embedLength(e *discordgo.MessageEmbed) int {
	n := runes(e.Title) + runes(e.Description)
	for _, f := range e.Fields {
		n += runes(f.Name) + runes(f.Value)
	}
	if e.Footer != nil {
		n += runes(e.Footer.Text)
	}
	return n
}

// checkLimits fails when p breaks any of Discord's limits on a message.
func checkLimits(t *testing.T, p payload) {
	t.Helper()
	assert.LessOrEqual(t, runes(p.Content), maxContent, "content")
	assert.True(t, p.Content != "" || len(p.Embeds) > 0, "an empty message")
	total := 0
	for _, e := range p.Embeds {
		assert.LessOrEqual(t, runes(e.Title), maxTitle, "title")
		assert.LessOrEqual(t, runes(e.Description), maxDescription, "description")
		assert.LessOrEqual(t, len(e.Fields), maxFields, "fields")
		for _, f := range e.Fields {
			assert.NotEmpty(t, f.Name)
			assert.NotEmpty(t, f.Value)
			assert.LessOrEqual(t, runes(f.Name), maxFieldName, "field name")
			assert.LessOrEqual(t, runes(f.Value), maxFieldValue, "field value")
		}
		total += embedLength(e)
	}
	assert.LessOrEqual(t, total, maxEmbedTotal, "all embeds")
}

func citations(n int, title string) []knowledge.Citation {
	var out []knowledge.Citation
	for i := range n {
		out = append(out, knowledge.Citation{Source: fmt.Sprintf("%03d_x.txt", i), Title: title,
			Publisher: "Trend", Date: "2025-04-28", Paragraph: i + 1, Quote: "q"})
	}
	return out
}

func TestRenderStaysWithinLimits(t *testing.T) {
	long := strings.Repeat("Baku–Beijing *ties* ", 1000)
	tests := []struct {
		name      string
		reply     bot.Reply
		fields    int
		footer    bool
		truncated bool
	}{
		{"plain answer", bot.Reply{Kind: bot.AnswerReply, Answer: &knowledge.Answer{Answered: true, Text: "“Ten documents were signed.” [1]", Citations: citations(1, "Ties")}}, 1, false, false},
		{"huge answer", bot.Reply{Kind: bot.AnswerReply, Title: long, Answer: &knowledge.Answer{Answered: true, Text: long, Citations: citations(3, long)}}, 1, true, true},
		{"too many citations", bot.Reply{Kind: bot.AnswerReply, Answer: &knowledge.Answer{Answered: true, Text: "x", Citations: citations(40, "T")}}, 25, true, false},
		{"citations over 6000 in all", bot.Reply{Kind: bot.AnswerReply, Answer: &knowledge.Answer{Answered: true, Text: long, Citations: citations(10, long)}}, 1, true, true},
		{"empty answer", bot.Reply{Kind: bot.AnswerReply, Answer: &knowledge.Answer{}}, 0, false, true}, // "…" stands for nothing
		{"long list", bot.Reply{Kind: bot.ListReply, Title: "Sources", Items: strings.Split(strings.Repeat("an article title that goes on;", 500), ";")}, 0, false, true},
		{"one huge item", bot.Reply{Kind: bot.ListReply, Title: "Sources", Items: []string{long}}, 0, false, true},
		{"empty list", bot.Reply{Kind: bot.ListReply, Title: "Sources"}, 0, false, false},
		{"long notice", bot.Reply{Kind: bot.NoticeReply, Text: long}, 0, false, true},
		{"empty notice", bot.Reply{Kind: bot.NoticeReply}, 0, false, true},
		{"refusal", bot.Reply{Kind: bot.RefusalReply, Text: "The articles do not say. Try /topics.", Answer: &knowledge.Answer{}}, 0, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := render(tt.reply)
			checkLimits(t, p)
			all := p.Content
			if len(p.Embeds) > 0 {
				e := p.Embeds[0]
				assert.Len(t, e.Fields, tt.fields)
				assert.Equal(t, tt.footer, e.Footer != nil, "footer")
				all += e.Title + e.Description
			}
			assert.Equal(t, tt.truncated, strings.Contains(all, "…") || strings.Contains(all, "more"), "truncated: %.80q", all)
		})
	}
}

func TestRenderAnswer(t *testing.T) {
	a := &knowledge.Answer{Answered: true, Text: "“Ten documents were signed.” [1] “A visa-free regime.” [2]", Citations: []knowledge.Citation{
		{Source: "004_x.txt", Publisher: "Trend", Date: "2025-04-28", Paragraph: 5},
		{Source: "001_y.txt", Title: "Visas", Paragraph: 19},
	}}
	p := render(bot.Reply{Kind: bot.AnswerReply, Title: "A fact", Answer: a})
	require.Len(t, p.Embeds, 1)
	e := p.Embeds[0]
	assert.Equal(t, "A fact", e.Title)
	assert.Equal(t, `“Ten documents were signed.” \[1\] “A visa-free regime.” \[2\]`, e.Description)
	require.Len(t, e.Fields, 2)
	assert.Equal(t, "[1] Trend, 2025-04-28", e.Fields[0].Name)
	assert.Equal(t, `004\_x.txt ¶5`, e.Fields[0].Value)
	assert.Equal(t, "[2]", e.Fields[1].Name)
	assert.Equal(t, "“Visas”\n"+`001\_y.txt ¶19`, e.Fields[1].Value)
	assert.Empty(t, p.Content)
}

func TestEscape(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Baku and Beijing", "Baku and Beijing"},
		{"bold and italics", "**bold** _it_ ~~gone~~", `\*\*bold\*\* \_it\_ \~\~gone\~\~`},
		{"code and spoiler", "`x` ||s||", "\\`x\\` \\|\\|s\\|\\|"},
		{"everyone", "@everyone @here", `\@everyone \@here`},
		{"user mention", "<@123> <#456> <t:1:R>", `\<\@123\> \<\#456\> \<t:1:R\>`},
		{"masked link", "[click](https://evil.example)", `\[click\](https://evil.example)`},
		{"heading", "# Big", `\# Big`},
		{"list", "- item\n  + other\n3. third", "\\- item\n  \\+ other\n3\\. third"},
		{"quote", "> quoted", `\> quoted`},
		{"backslash", `a\*b`, `a\\\*b`},
		{"hyphen inside", "visa-free 2019-04-25", "visa-free 2019-04-25"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, escape(tt.in))
		})
	}
}

func TestTruncate(t *testing.T) {
	assert.Equal(t, "short", truncate("short", 10))
	assert.Equal(t, "abcd…", truncate("abcdefghij", 5))
	assert.Equal(t, "ab…", truncate(`ab\*cdef`, 4), "never ends in a lone escaping backslash")
	assert.Equal(t, "Баку…", truncate("Баку и Пекин", 5), "counts characters, not bytes")
}

func TestNoMentionsIsAnEmptyList(t *testing.T) {
	raw, err := json.Marshal(noMentions())
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"parse":[]`)
	raw, err = json.Marshal(&discordgo.MessageAllowedMentions{})
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"parse":null`, "the trap noMentions avoids")
}

func BenchmarkRender(b *testing.B) {
	a := &knowledge.Answer{Answered: true, Text: strings.Repeat("“Ten documents were signed.” [1] ", 20), Citations: citations(3, "China and Azerbaijan agree on a visa-free regime")}
	for b.Loop() {
		render(bot.Reply{Kind: bot.AnswerReply, Answer: a})
	}
}

func TestSessionNeverReconnectsByItself(t *testing.T) {
	a, err := New(Config{Token: "t"}, nil, nil)
	require.NoError(t, err)
	c := a.newSession(intents)
	assert.False(t, c.s.ShouldReconnectOnError, "a library reconnect could revive the session after Close")
	assert.False(t, c.s.ShouldRetryOnRateLimit, "the library would retry 429s without end")
	assert.Equal(t, "Bot t", c.s.Token)
	assert.NotZero(t, c.s.Identify.Intents&discordgo.IntentsMessageContent)
}
