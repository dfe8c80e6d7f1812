package discord

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
	"github.com/azchina/azchina/knowledge"
)

// checkLimits fails when p breaks any of Discord's limits on a message, holds text that is
// not UTF-8, or, sent, would not say that it pings no one.
func checkLimits(t *testing.T, p payload) {
	t.Helper()
	assert.LessOrEqual(t, runes(p.Content), maxContent, "content")
	assert.True(t, utf8.ValidString(p.Content), "content is UTF-8")
	assert.True(t, p.Content != "" || len(p.Embeds) > 0, "an empty message")
	assert.LessOrEqual(t, len(p.Embeds), maxEmbeds, "embeds")
	total := 0
	for _, e := range p.Embeds {
		assert.LessOrEqual(t, runes(e.Title), maxTitle, "title")
		assert.LessOrEqual(t, runes(e.Description), maxDescription, "description")
		assert.LessOrEqual(t, len(e.Fields), maxFields, "fields")
		texts := []string{e.Title, e.Description}
		for _, f := range e.Fields {
			assert.NotEmpty(t, f.Name)
			assert.NotEmpty(t, f.Value)
			assert.LessOrEqual(t, runes(f.Name), maxFieldName, "field name")
			assert.LessOrEqual(t, runes(f.Value), maxFieldValue, "field value")
			texts = append(texts, f.Name, f.Value)
		}
		if e.Footer != nil {
			texts = append(texts, e.Footer.Text)
		}
		for _, s := range texts {
			assert.True(t, utf8.ValidString(s), "embed text is UTF-8: %q", s)
		}
		total += embedLength(e)
	}
	assert.LessOrEqual(t, total, maxEmbedTotal, "all embeds")
	raw, err := json.Marshal(p.body(nonce("x")))
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"allowed_mentions":{"parse":[]`)
	var round map[string]any
	require.NoError(t, json.Unmarshal(raw, &round))
	if rows, ok := round["components"].([]any); ok {
		for _, row := range rows {
			for _, b := range row.(map[string]any)["components"].([]any) {
				assert.LessOrEqual(t, len(b.(map[string]any)["custom_id"].(string)), maxCustomID)
			}
		}
	}
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

func TestEveryMessageBodyPingsNoOne(t *testing.T) {
	for _, b := range []messageBody{{}, payload{Content: "x"}.body("n"), {Reference: &reference{MessageID: "1"}}} {
		raw, err := json.Marshal(b)
		require.NoError(t, err)
		assert.Contains(t, string(raw), `"allowed_mentions":{"parse":[],"replied_user":false}`)
	}
	raw, err := json.Marshal(&discordgo.MessageAllowedMentions{})
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"parse":null`, "the trap noPings avoids")
}

func TestVoteButtons(t *testing.T) {
	assert.Nil(t, voteButtons(""), "an answer the journal does not keep has no buttons")
	assert.Nil(t, voteButtons(strings.Repeat("9", 100)), "a custom ID over 100 characters")
	raw, err := json.Marshal(voteButtons("42"))
	require.NoError(t, err)
	assert.JSONEq(t, `[{"type":1,"components":[
		{"type":2,"style":2,"label":"Helpful","disabled":false,"emoji":{"name":"👍"},"custom_id":"vote:up:42"},
		{"type":2,"style":2,"label":"Not helpful","disabled":false,"emoji":{"name":"👎"},"custom_id":"vote:down:42"}]}]`, string(raw))
	tests := []struct {
		id, answer string
		up, ok     bool
	}{
		{"vote:up:42", "42", true, true},
		{"vote:down:7", "7", false, true},
		{"vote:sideways:7", "", false, false},
		{"vote:up:", "", false, false},
		{"other:up:1", "", false, false},
	}
	for _, tt := range tests {
		answer, up, ok := parseVote(tt.id)
		assert.Equal(t, []any{tt.answer, tt.up, tt.ok}, []any{answer, up, ok}, tt.id)
	}
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

func TestRenderDigest(t *testing.T) {
	item := func(text string) digest.Item {
		return digest.Item{Answer: knowledge.Answer{Text: text + " [1]", Citations: citations(1, "Visas")}}
	}
	d := digest.Digest{Title: "Facts for Sunday, 29 March 2026"}
	for range 3 {
		d.Items = append(d.Items, item("“Ten documents were signed.”"))
	}
	parts := renderDigest(d)
	require.Len(t, parts, 1)
	require.Len(t, parts[0].Embeds, 3, "one embed per fact")
	assert.Equal(t, "Facts for Sunday, 29 March 2026", parts[0].Embeds[0].Title)
	assert.Empty(t, parts[0].Embeds[1].Title)
	assert.Equal(t, `“Ten documents were signed.” \[2\]`, parts[0].Embeds[1].Description)
	assert.Equal(t, "[2] Trend, 2025-04-28", parts[0].Embeds[1].Fields[0].Name)

	// Ten long facts do not fit one message's 6,000 characters: no quote is cut, the
	// digest goes out in more messages.
	long := strings.TrimSpace(strings.Repeat("Baku and Beijing signed documents. ", 28)) // ~1,000 characters, as long as answers get
	d.Items = nil
	for range digest.MaxCount {
		d.Items = append(d.Items, item(long))
	}
	parts = renderDigest(d)
	require.Greater(t, len(parts), 1)
	n := 0
	for _, p := range parts {
		checkLimits(t, p)
		for _, e := range p.Embeds {
			n++
			assert.Equal(t, long+fmt.Sprintf(` \[%d\]`, n), e.Description, "verbatim")
		}
	}
	assert.Equal(t, digest.MaxCount, n)

	empty := renderDigest(digest.Digest{Title: "Facts"})
	require.Len(t, empty, 1)
	checkLimits(t, empty[0])
}

func TestModerates(t *testing.T) {
	const g = "10"
	server := guildInfo{OwnerID: "1"}
	for _, r := range []struct {
		id, name string
		perms    int64
	}{{g, "@everyone", 0}, {"20", "Mods", permManageChannels}, {"21", "Admins", permAdministrator},
		{"22", "Digest Team", 0}, {"23", "Server staff", permManageGuild}} {
		server.Roles = append(server.Roles, struct {
			ID          string `json:"id"`
			Name        string `json:"name"`
			Permissions int64  `json:"permissions,string"`
		}{r.id, r.name, r.perms})
	}
	perms := func(p int64) *int64 { return &p }
	tests := []struct {
		name  string
		m     member
		named []string
		want  bool
	}{
		{"the owner", member{guildID: g, userID: "1"}, nil, true},
		{"no roles", member{guildID: g, userID: "2"}, nil, false},
		{"Manage Channels", member{guildID: g, userID: "2", roles: []string{"20"}}, nil, true},
		{"Manage Server", member{guildID: g, userID: "2", roles: []string{"23"}}, nil, true},
		{"Administrator", member{guildID: g, userID: "2", roles: []string{"21"}}, nil, true},
		{"a named role", member{guildID: g, userID: "2", roles: []string{"22"}}, []string{" digest team "}, true},
		{"a named role not held", member{guildID: g, userID: "2"}, []string{"Digest Team"}, false},
		{"@everyone is not a named role", member{guildID: g, userID: "2"}, []string{"@everyone"}, false},
		{"a role the server no longer has", member{guildID: g, userID: "2", roles: []string{"99"}}, nil, false},
		{"channel permissions decide over roles", member{guildID: g, userID: "2", roles: []string{"20"}, perms: perms(0)}, nil, false},
		{"channel permissions", member{guildID: g, userID: "2", perms: perms(permManageGuild)}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, moderates(server, tt.m, tt.named))
		})
	}
}
