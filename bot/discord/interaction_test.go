package discord_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/discord"
	"github.com/azchina/azchina/bot/discord/discordtest"
	"github.com/azchina/azchina/bot/i18n"
)

func TestSlashCommands(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	reg := h.waitRequest("PUT", "/api/v9/applications/"+discordtest.AppID+"/commands")
	var cmds []map[string]any
	require.NoError(t, json.Unmarshal(reg.Body, &cmds))
	var names []string
	for _, c := range cmds {
		names = append(names, c["name"].(string))
	}
	assert.Equal(t, []string{"ask", "topics", "sources", "fact", "timeline", "help", "digest", "gaps"}, names)
	opt := cmds[0]["options"].([]any)[0].(map[string]any)
	assert.Equal(t, "question", opt["name"])
	assert.Equal(t, true, opt["required"])
	require.Equal(t, 200, reg.Status, "Discord takes the commands as defined")
	// Discord shows the router's commands in Russian and Chinese to users of those locales
	// (it has no Azerbaijani one), and in English to everyone else.
	for i, c := range bot.Commands {
		assert.Equal(t, []string{"ru", "zh-CN"}, h.fake.Localized(c.Name), c.Name)
		assert.Equal(t, c.Description, h.fake.Described(c.Name, ""), c.Name)
		assert.Equal(t, bot.CommandsIn(i18n.Russian)[i].Description, h.fake.Described(c.Name, "ru"), c.Name)
		assert.Equal(t, bot.CommandsIn(i18n.Chinese)[i].Description, h.fake.Described(c.Name, "zh-CN"), c.Name)
		assert.Equal(t, c.Description, h.fake.Described(c.Name, "de"), "English where no localization: %s", c.Name)
	}
	assert.Equal(t, "Задать вопрос об отношениях Азербайджана и Китая", h.fake.Described("ask", "ru"))
	assert.Empty(t, h.fake.Localized("digest"), "the moderators' commands are in English")

	tests := []struct {
		name    string
		cmd     string
		options []any
		guild   string
		locale  string
		embed   string // what the embed's title or description holds
		content string // or what the message text holds
	}{
		{"ask in a server", "ask", ask(question), guild, "", "ten documents", ""},
		{"ask in a DM", "ask", ask(question), "", "", "ten documents", ""},
		{"topics", "topics", nil, guild, "", "What I can answer about", ""},
		{"sources", "sources", nil, guild, "", "The articles I answer from", ""},
		{"fact", "fact", nil, guild, "", "A fact", ""},
		{"help", "help", nil, guild, "", "", "/ask question"},
		{"help in the user's language", "help", nil, guild, "ru", "", "Я отвечаю на вопросы"},
		{"timeline", "timeline", nil, guild, "", "Timeline", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, id := h.interaction(tt.cmd, tt.options, tt.guild)
			if tt.locale != "" {
				in["locale"] = tt.locale
			}
			sent := time.Now()
			h.dispatch("INTERACTION_CREATE", in)
			// Answered directly, or deferred and edited when the machine is slow: either
			// way the first response is sent within Discord's 3 s.
			data, private := h.interactionReply(id)
			assert.Less(t, time.Since(sent), 3*time.Second, "Discord drops an interaction not answered within 3 s")
			parseIsEmpty(t, data)
			assert.False(t, private, "shown to everyone")
			if tt.embed != "" {
				e := embed(t, data)
				title, _ := e["title"].(string)
				assert.Contains(t, title+e["description"].(string), tt.embed)
			} else {
				assert.Contains(t, data["content"], tt.content)
			}
		})
	}
	msgs := h.rec.messages()
	require.NotEmpty(t, msgs)
	assert.Equal(t, "/ask "+question, msgs[0].Text)
	assert.Equal(t, "en-US", msgs[0].Locale)
	assert.Equal(t, bot.Group, msgs[0].ChatKind)
	assert.Equal(t, ann["id"], msgs[0].UserID)
	assert.NotNil(t, msgs[0].Moderator, "in a server the router can ask who moderates")
	assert.Nil(t, msgs[1].Moderator, "a DM has no moderators")
}

func TestDigestCommandIsRegisteredWithSubcommands(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	reg := h.waitRequest("PUT", "/api/v9/applications/"+discordtest.AppID+"/commands")
	var cmds []struct {
		Name         string `json:"name"`
		DMPermission *bool  `json:"dm_permission"`
		Options      []struct {
			Type    int    `json:"type"`
			Name    string `json:"name"`
			Options []struct {
				Type     int     `json:"type"`
				Name     string  `json:"name"`
				Required bool    `json:"required"`
				Min      float64 `json:"min_value"`
				Max      float64 `json:"max_value"`
			} `json:"options"`
		} `json:"options"`
	}
	require.NoError(t, json.Unmarshal(reg.Body, &cmds))
	d := cmds[len(cmds)-2]
	require.Equal(t, "digest", d.Name)
	require.NotNil(t, d.DMPermission)
	assert.False(t, *d.DMPermission, "moderator commands are for servers")
	var subs []string
	for _, o := range d.Options {
		assert.Equal(t, 1, o.Type, "a subcommand")
		subs = append(subs, o.Name)
	}
	assert.Equal(t, []string{"preview", "now", "schedule", "stop", "status"}, subs)
	sched := d.Options[2].Options
	require.Len(t, sched, 3)
	assert.Equal(t, []any{"time", 3, true}, []any{sched[0].Name, sched[0].Type, sched[0].Required})
	assert.Equal(t, []any{"zone", 3, true}, []any{sched[1].Name, sched[1].Type, sched[1].Required})
	assert.Equal(t, []any{"count", 4, false, 1.0, 10.0}, []any{sched[2].Name, sched[2].Type, sched[2].Required, sched[2].Min, sched[2].Max})
}

// Options are read in the order the command defines them, whatever order they come in.
func TestSubcommandOptionsBecomeTheCommandText(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	in, id := h.interaction("digest", []any{map[string]any{"name": "schedule", "type": 1, "options": []any{
		map[string]any{"name": "count", "type": 4, "value": 5},
		map[string]any{"name": "zone", "type": 3, "value": "Asia/Baku"},
		map[string]any{"name": "time", "type": 3, "value": "09:00"},
	}}}, guild)
	h.dispatch("INTERACTION_CREATE", in)
	h.interactionReply(id)
	msgs := h.rec.messages()
	require.Len(t, msgs, 1)
	assert.Equal(t, "/digest schedule 09:00 Asia/Baku 5", msgs[0].Text)
}

func TestSlowSlashCommandIsDeferred(t *testing.T) {
	t.Parallel()
	h := start(t, setup{opts: []discord.Option{discord.WithAnswerWithin(0)}})
	in, id := h.interaction("ask", ask(question), guild)
	h.dispatch("INTERACTION_CREATE", in)
	ack := h.waitRequest("POST", "/api/v9/interactions/"+id+"/")
	assert.EqualValues(t, 5, ack.JSON()["type"], "deferred: the user sees “thinking…”")
	edit := h.waitRequest("PATCH", "/api/v9/webhooks/"+discordtest.AppID+"/itoken-"+id+"/messages/@original")
	body := edit.JSON()
	parseIsEmpty(t, body)
	assert.Contains(t, embed(t, body)["description"], "ten documents")
}

func TestGuildCommands(t *testing.T) {
	t.Parallel()
	h := start(t, setup{cfg: discord.Config{Guild: guild}})
	r := h.waitRequest("PUT", "/api/v9/applications/")
	assert.Equal(t, "/api/v9/applications/"+discordtest.AppID+"/guilds/"+guild+"/commands", r.Path)
	assert.Equal(t, 200, r.Status)
}

// Registering the commands is retried until Discord takes them, beyond the retries of one
// REST call.
func TestCommandRegistrationIsRetried(t *testing.T) {
	t.Parallel()
	h := start(t, setup{fake: func(f *discordtest.Server) {
		f.Fail("PUT", "/api/v9/applications/", 4, 503, false)
	}})
	for range 4 {
		assert.Equal(t, 503, h.waitRequest("PUT", "/api/v9/applications/").Status)
	}
	assert.Equal(t, 200, h.waitRequest("PUT", "/api/v9/applications/").Status)
	assert.Eventually(t, func() bool { return strings.Contains(h.logs.String(), "registered the slash commands") }, guard, 5*time.Millisecond)
	assert.Contains(t, h.logs.String(), "registering the slash commands failed: retrying")
}

func TestRateLimitNeverHoldsAnInteractionPastItsDeadline(t *testing.T) {
	t.Parallel()
	h := start(t, setup{fake: func(f *discordtest.Server) {
		// Shorter than the longest wait a call accepts, longer than what is left of the 3 s.
		f.RateLimit("POST", "/api/v9/interactions/", 5, 4*time.Second)
	}})
	in, id := h.interaction("help", nil, guild)
	h.dispatch("INTERACTION_CREATE", in)
	r := h.waitRequest("POST", "/api/v9/interactions/"+id+"/")
	assert.Equal(t, 429, r.Status)
	require.Eventually(t, func() bool { return h.metrics.count("send_error") == 1 }, guard, 5*time.Millisecond)
	require.NoError(t, h.stop())
	n := 0
	for _, r := range h.fake.Recorded() {
		if strings.HasPrefix(r.Path, "/api/v9/interactions/") {
			n++
		}
	}
	assert.Equal(t, 1, n, "a 4 s retry_after is not waited out for a 3 s deadline")
	assert.Contains(t, h.logs.String(), "past the deadline")
}

// An interaction replayed after a resume, made long before, is not answered: its token
// expired. The next one is.
func TestStaleInteractionIsSkipped(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	old, _ := h.interaction("help", nil, guild)
	old["id"] = discordtest.Snowflake(time.Now().Add(-time.Minute), 1)
	h.dispatch("INTERACTION_CREATE", old)
	in, id := h.interaction("help", nil, guild)
	h.dispatch("INTERACTION_CREATE", in)
	r := h.waitRequest("POST", "/api/v9/interactions/")
	assert.Equal(t, "/api/v9/interactions/"+id+"/itoken-"+id+"/callback", r.Path, "the old one was skipped")
	// The handlers run concurrently: the old one's log line may come after the reply.
	assert.Eventually(t, func() bool { return strings.Contains(h.logs.String(), "too old to answer") }, guard, 5*time.Millisecond)
}

// An answer the journal keeps has 👍/👎 buttons; a press records the vote (one per user
// per answer) and tells only the voter.
func TestVotes(t *testing.T) {
	t.Parallel()
	h := start(t, setup{journal: true})
	h.dispatch("MESSAGE_CREATE", message("1901", dm, "", question, ann))
	body := h.reply(dm)
	row := body["components"].([]any)[0].(map[string]any)["components"].([]any)
	require.Len(t, row, 2)
	up, down := row[0].(map[string]any), row[1].(map[string]any)
	assert.Equal(t, "👍", up["emoji"].(map[string]any)["name"])
	require.True(t, strings.HasPrefix(down["custom_id"].(string), "vote:down:"))

	press := func(who map[string]any, customID string) (map[string]any, bool) {
		id := h.fake.NewID()
		h.dispatch("INTERACTION_CREATE", map[string]any{
			"id": id, "application_id": discordtest.AppID, "type": 3, "token": "itoken-" + id, "version": 1,
			"channel_id": dm, "user": who, "message": map[string]any{"id": "1902", "channel_id": dm},
			"data": map[string]any{"custom_id": customID, "component_type": 2},
		})
		return h.interactionReply(id)
	}
	for _, who := range []map[string]any{ann, ann, bob} {
		data, private := press(who, down["custom_id"].(string))
		assert.True(t, private, "only the voter sees the thanks")
		assert.Contains(t, data["content"], "Thanks")
	}
	data, _ := press(bob, "vote:down:999999")
	assert.Contains(t, data["content"], "no longer open")

	gaps, err := h.db.Gaps(context.Background(), bot.Discord, dm, time.Now().Add(-time.Hour), 10)
	require.NoError(t, err)
	require.Len(t, gaps.VotedDown, 1)
	assert.Equal(t, 2, gaps.VotedDown[0].Count, "ann's second vote replaced her first")

	// A slash command's answer has the buttons too.
	in, id := h.interaction("ask", ask(question), "")
	h.dispatch("INTERACTION_CREATE", in)
	answer, _ := h.interactionReply(id)
	assert.NotNil(t, answer["components"])
}
