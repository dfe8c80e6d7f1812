package discord_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot/digest"
	"github.com/azchina/azchina/bot/discord"
	"github.com/azchina/azchina/bot/discord/discordtest"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

const (
	owner                       = "500000000000000099"
	modRole                     = "700000000000000001" // grants Manage Channels
	digestRole                  = "700000000000000002" // no permissions, but named in the settings
	manageChannels, manageGuild = 1 << 4, 1 << 5
)

// moderatedServer is a server with an owner, a role that grants Manage Channels and one
// that moderates by name only.
func moderatedServer(f *discordtest.Server) {
	f.AddGuild(discordtest.Guild{ID: guild, OwnerID: owner, Roles: []discordtest.Role{
		{ID: guild, Name: "@everyone", Permissions: 1 << 10},
		{ID: modRole, Name: "Mods", Permissions: manageChannels},
		{ID: digestRole, Name: "Digest Team"},
	}})
}

// subcommand is the options of "/digest name".
func subcommand(name string, options ...any) []any {
	return []any{map[string]any{"name": name, "type": 1, "options": options}}
}

// The router decides who may use /digest and /gaps by asking the adapter, which reads the
// permissions Discord sent with a slash command, or the server's roles.
func TestOnlyModeratorsManageTheDigest(t *testing.T) {
	t.Parallel()
	h := start(t, setup{journal: true, fake: moderatedServer,
		cfg: discord.Config{ModeratorRoles: []string{"digest team"}}})
	slash := func(perms string, roles []any, options []any) (map[string]any, bool) {
		in, id := h.interaction("digest", options, guild)
		in["member"] = map[string]any{"user": ann, "roles": roles, "permissions": perms}
		h.dispatch("INTERACTION_CREATE", in)
		return h.interactionReply(id)
	}
	schedule := subcommand("schedule",
		map[string]any{"name": "time", "type": 3, "value": "09:00"},
		map[string]any{"name": "zone", "type": 3, "value": "Asia/Baku"})

	refused, private := slash("0", []any{}, schedule)
	assert.Equal(t, "Only moderators can schedule the digest here.", refused["content"])
	assert.True(t, private, "moderator commands answer the user alone")
	status, _ := slash("16", []any{}, subcommand("status"))
	assert.Contains(t, embed(t, status)["description"], "Not scheduled", "the refused schedule changed nothing")

	tests := []struct {
		name  string
		perms string
		roles []any
	}{
		{"Manage Channels", "16", []any{}},
		{"Manage Server", "32", []any{}},
		{"Administrator", "8", []any{}},
		{"a role named in the settings", "0", []any{digestRole}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reply, private := slash(tt.perms, tt.roles, schedule)
			assert.True(t, private)
			assert.Contains(t, reply["content"], "Scheduled: 3 facts here every day at 09:00 (Asia/Baku)")
		})
	}

	preview, private := slash("16", []any{}, subcommand("preview"))
	assert.True(t, private, "/digest preview is ephemeral")
	assert.Contains(t, embed(t, preview)["title"], "Azerbaijan–China: facts for")

	gapsIn, id := h.interaction("gaps", nil, guild)
	gapsIn["member"] = map[string]any{"user": ann, "roles": []any{}, "permissions": "0"}
	h.dispatch("INTERACTION_CREATE", gapsIn)
	gaps, _ := h.interactionReply(id)
	assert.Contains(t, gaps["content"], "Only moderators can see /gaps")
}

// "@bot /digest …" in a channel works the same, from the member's roles in the server.
func TestModeratorsByMention(t *testing.T) {
	t.Parallel()
	h := start(t, setup{journal: true, fake: moderatedServer})
	say := func(id string, author map[string]any, roles []any, text string) map[string]any {
		m := mention(id, text, author)
		m["member"] = map[string]any{"roles": roles}
		h.dispatch("MESSAGE_CREATE", m)
		return h.reply(channel)
	}
	assert.Equal(t, "Only moderators can stop the digest here.", say("2001", ann, []any{}, "/digest stop")["content"])
	assert.Equal(t, "Only moderators can stop the digest here.", say("2002", ann, []any{digestRole}, "/digest stop")["content"],
		"no role is named in the settings")
	assert.Contains(t, say("2003", ann, []any{modRole}, "/digest stop")["content"], "No daily digest is scheduled here")
	assert.Contains(t, say("2004", user(owner, "boss", false), []any{}, "/digest stop")["content"], "No daily digest is scheduled here",
		"the server's owner moderates")

	// A preview asked for in the channel goes to the moderator's DMs.
	m := mention("2005", "/digest preview", ann)
	m["member"] = map[string]any{"roles": []any{modRole}}
	h.dispatch("MESSAGE_CREATE", m)
	body := h.reply(h.fake.DirectChannel(ann["id"].(string)))
	assert.Contains(t, embed(t, body)["title"], "Azerbaijan–China: facts for")
	assert.Nil(t, body["message_reference"], "the question is in another channel")
}

// /digest now posts the digest in the channel, with a nonce, and tells the moderator it did.
func TestDigestNow(t *testing.T) {
	t.Parallel()
	h := start(t, setup{journal: true, fake: moderatedServer})
	in, id := h.interaction("digest", subcommand("now"), guild)
	in["member"] = map[string]any{"user": ann, "roles": []any{modRole}, "permissions": "16"}
	h.dispatch("INTERACTION_CREATE", in)
	post := h.reply(channel)
	assert.NotEmpty(t, post["nonce"])
	embeds := post["embeds"].([]any)
	assert.Len(t, embeds, digest.DefaultCount, "one embed per fact")
	assert.Contains(t, embeds[0].(map[string]any)["title"], "facts for")
	done, private := h.interactionReply(id)
	assert.True(t, private)
	assert.Equal(t, "Done.", done["content"])
	assert.Eventually(t, func() bool { return h.metrics.count("digest") == 1 }, guard, 5*time.Millisecond)
}

func TestPostDigest(t *testing.T) {
	t.Parallel()
	h := start(t, setup{fake: func(f *discordtest.Server) {
		f.Fail("POST", "/api/v9/channels/", 1, 500, true) // posted, but the answer is lost
	}})
	d := digest.NewComposer(knowledgetest.Seeds(t)).Compose(digest.Channel{Platform: "discord", ChatID: channel},
		mustDay(t, "2026-03-29"), digest.MaxCount, digest.Rotation{})
	require.Len(t, d.Items, digest.MaxCount)
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	require.NoError(t, h.adapter.PostDigest(ctx, d))
	require.NoError(t, h.adapter.PostDigest(ctx, d), "a digest sent again")
	delivered := h.fake.Delivered()
	require.Len(t, delivered, 1, "delivered once: the nonce is the same on every try")
	embeds := delivered[0].Body["embeds"].([]any)
	require.Len(t, embeds, digest.MaxCount)
	first := embeds[0].(map[string]any)
	assert.Equal(t, "Azerbaijan–China: facts for Sunday, 29 March 2026", first["title"])
	for i, e := range embeds {
		fields := e.(map[string]any)["fields"].([]any)
		require.Len(t, fields, 1, "each fact has its citation")
		assert.True(t, strings.HasPrefix(fields[0].(map[string]any)["name"].(string), "["+strconv.Itoa(i+1)+"]"))
	}

	bad := d
	bad.Channel.ChatID = "../users/@me"
	assert.ErrorContains(t, h.adapter.PostDigest(ctx, bad), "not a Discord channel ID")
}

func mustDay(t *testing.T, s string) digest.Day {
	t.Helper()
	d, err := digest.ParseDay(s)
	require.NoError(t, err)
	return d
}
