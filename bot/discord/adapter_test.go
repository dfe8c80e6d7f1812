package discord_test

import (
	"errors"
	"log"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/discord"
	"github.com/azchina/azchina/bot/discord/discordtest"
	"github.com/azchina/azchina/bot/logtest"
	"github.com/azchina/azchina/bot/ops"
)

func TestAnswersWhereItShould(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	tests := []struct {
		name, ch string
		msg      map[string]any
		want     bot.Message
	}{
		{"mention", channel, mention("601", question, ann), bot.Message{ChatKind: bot.Group, Mentioned: true}},
		{"old-style mention", channel, message("602", channel, guild, question+" <@!"+discordtest.BotID+">", ann),
			bot.Message{ChatKind: bot.Group, Mentioned: true}},
		{"direct message", dm, message("603", dm, "", question, ann), bot.Message{ChatKind: bot.Private}},
		{"reply to the bot", channel, func() map[string]any {
			m := message("604", channel, guild, question, ann)
			m["type"] = 19
			m["message_reference"] = map[string]any{"message_id": "599", "channel_id": channel, "guild_id": guild}
			m["referenced_message"] = message("599", channel, guild, "an earlier answer", user(discordtest.BotID, discordtest.BotName, true))
			return m
		}(), bot.Message{ChatKind: bot.Group, ReplyToBot: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.dispatch("MESSAGE_CREATE", tt.msg)
			body := h.reply(tt.ch)
			parseIsEmpty(t, body)
			assert.Equal(t, tt.msg["id"], refersTo(body), "the reply references the question")
			assert.NotEmpty(t, body["nonce"], "a nonce, so that a retried send is delivered once")
			assert.Equal(t, true, body["enforce_nonce"])
			e := embed(t, body)
			assert.Contains(t, e["description"], "ten documents")
			field := e["fields"].([]any)[0].(map[string]any)
			assert.Equal(t, "[1] Trend, 2025-04-28", field["name"])
			assert.Contains(t, field["value"], `004\_5522fbf094e0c90f.txt ¶5`)
			assert.Nil(t, body["components"], "no vote buttons without a journal to keep votes")

			var got bot.Message
			for _, m := range h.rec.messages() {
				if m.MessageID == tt.msg["id"] {
					got = m
				}
			}
			assert.Equal(t, bot.Discord, got.Platform)
			assert.Equal(t, question, got.Text, "the mention is stripped")
			assert.Equal(t, tt.want.ChatKind, got.ChatKind)
			assert.Equal(t, tt.want.Mentioned, got.Mentioned)
			assert.Equal(t, tt.want.ReplyToBot, got.ReplyToBot)
			assert.Equal(t, ann["id"], got.UserID)
			assert.Equal(t, discordtest.BotName, got.BotName)
		})
	}
}

func TestIgnoresOwnBotsAndChatter(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	q := "What is the capital of Germany?"
	webhook := mention("704", q, user("600000000000000009", "hook", false))
	webhook["webhook_id"] = "600000000000000009"
	join := message("705", channel, guild, "", ann)
	join["type"] = 7 // a member joined
	for _, m := range []map[string]any{
		mention("701", q, user(discordtest.BotID, discordtest.BotName, true)),
		message("702", dm, "", question, user(discordtest.BotID, discordtest.BotName, true)),
		mention("703", q, user("600000000000000001", "otherbot", true)),
		webhook,
		join,
		message("706", channel, guild, "nice weather today", ann),
		message("707", channel, guild, "/help", ann),
		message("708", channel, guild, "<@600000000000000001> hello other bot", ann),
	} {
		h.dispatch("MESSAGE_CREATE", m)
	}
	h.dispatch("MESSAGE_CREATE", mention("709", q, ann))
	body := h.reply(channel)
	assert.Equal(t, "709", refersTo(body))
	require.NoError(t, h.stop())
	assert.Len(t, sentMessages(h), 1, "only the last message is answered")
	require.Len(t, h.rec.messages(), 1)
}

func TestOddMessagesBreakNothing(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	attachment := []any{map[string]any{"id": "1", "filename": "photo.png", "url": "https://cdn.example/photo.png", "size": 10}}
	attachDM := message("801", dm, "", "", ann)
	attachDM["attachments"] = attachment
	attachGuild := message("802", channel, guild, "", ann)
	attachGuild["attachments"] = attachment
	huge := strings.Repeat("Azerbaijan China ", 20000)

	h.dispatch("MESSAGE_CREATE", attachGuild)
	h.dispatch("MESSAGE_CREATE", attachDM)
	body := h.reply(dm)
	assert.Equal(t, "801", refersTo(body))
	assert.Contains(t, body["content"], "Ask me a question")
	assert.NotContains(t, h.logs.String(), "Message Content", "a message with an attachment is not a sign of a missing intent")

	h.dispatch("MESSAGE_CREATE", message("803", dm, "", huge, ann))
	body = h.reply(dm)
	assert.Contains(t, body["content"], "characters long")

	h.dispatch("MESSAGE_CREATE", message("804", channel, guild, "", ann))
	h.dispatch("MESSAGE_CREATE", message("805", channel, guild, "<@"+discordtest.BotID+">", ann))
	body = h.reply(channel)
	assert.Contains(t, body["content"], "Ask me a question")
	// The handlers run concurrently: 804's log line may come after 805's reply.
	assert.Eventually(t, func() bool { return strings.Contains(h.logs.String(), "Message Content Intent") }, guard, 5*time.Millisecond,
		"empty server messages are explained in the log")

	h.dispatch("MESSAGE_CREATE", message("806", dm, "", "@everyone **panic** <@1> [x](https://evil.example)", ann))
	body = h.reply(dm)
	parseIsEmpty(t, body)

	h.dispatch("MESSAGE_CREATE", message("807", dm, "", "panic please", ann))
	h.dispatch("MESSAGE_CREATE", message("808", dm, "", question, ann))
	body = h.reply(dm)
	assert.Equal(t, "808", refersTo(body), "a panic in one event does not stop the next")
	// Events are handled side by side: the panicking one may log after the next answered.
	assert.Eventually(t, func() bool { return strings.Contains(h.logs.String(), "panicked") }, guard, 5*time.Millisecond)
}

func TestRateLimitedReplyIsRetriedOnce(t *testing.T) {
	t.Parallel()
	h := start(t, setup{fake: func(f *discordtest.Server) {
		f.RateLimit("POST", "/api/v9/channels/", 1, 100*time.Millisecond)
	}})
	h.dispatch("MESSAGE_CREATE", message("1201", dm, "", question, ann))
	first := h.waitRequest("POST", "/api/v9/channels/")
	assert.Equal(t, 429, first.Status)
	second := h.reply(dm)
	parseIsEmpty(t, second)
	require.NoError(t, h.stop())
	var statuses []int
	for _, r := range h.fake.Recorded() {
		if strings.HasPrefix(r.Path, "/api/v9/channels/") {
			statuses = append(statuses, r.Status)
		}
	}
	assert.Equal(t, []int{429, 200}, statuses, "retried once, delivered once")
	assert.Len(t, h.fake.Delivered(), 1)
	assert.Equal(t, 1, h.metrics.count("retry"))
	assert.Zero(t, h.metrics.count("send_error"))
}

// A reply whose answer is lost (Discord made the message, then answered 500) is sent again
// with the same nonce, and Discord delivers it once.
func TestLostAnswerIsRetriedAndDeliveredOnce(t *testing.T) {
	t.Parallel()
	h := start(t, setup{fake: func(f *discordtest.Server) {
		f.Fail("POST", "/api/v9/channels/", 1, 502, true)
	}})
	h.dispatch("MESSAGE_CREATE", message("1251", dm, "", question, ann))
	first := h.waitRequest("POST", "/api/v9/channels/")
	assert.Equal(t, 502, first.Status)
	second := h.reply(dm)
	assert.Equal(t, first.JSON()["nonce"], second["nonce"])
	require.NoError(t, h.stop())
	assert.Len(t, h.fake.Delivered(), 1, "delivered once")
	assert.Equal(t, 1, h.metrics.count("retry"))
}

// A reply Discord keeps refusing is given up after a few tries, counted and logged; the
// next one goes through.
func TestServerErrorsAreRetriedBoundedly(t *testing.T) {
	t.Parallel()
	h := start(t, setup{fake: func(f *discordtest.Server) {
		f.Fail("POST", "/api/v9/channels/", 3, 500, false)
	}})
	h.dispatch("MESSAGE_CREATE", message("1261", dm, "", question, ann))
	for range 3 {
		assert.Equal(t, 500, h.waitRequest("POST", "/api/v9/channels/").Status)
	}
	require.Eventually(t, func() bool { return h.metrics.count("send_error") == 1 }, guard, 5*time.Millisecond)
	// The failure is counted before it is logged: wait for the log line too.
	assert.Eventually(t, func() bool { return strings.Contains(h.logs.String(), "sending a reply failed") }, guard, 5*time.Millisecond)
	h.dispatch("MESSAGE_CREATE", message("1262", dm, "", question, ann))
	assert.Equal(t, "1262", refersTo(h.reply(dm)))
	assert.Equal(t, 2, h.metrics.count("retry"))
}

func TestResumesAfterTheConnectionDrops(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	require.Eventually(t, func() bool { up, _ := h.metrics.up(); return up }, guard, 5*time.Millisecond)
	h.fake.DropConnection()
	h.waitStep("resumed")
	h.dispatch("MESSAGE_CREATE", mention("1401", question, ann))
	assert.Equal(t, "1401", refersTo(h.reply(channel)))
	h.fake.DropConnection()
	h.waitStep("resumed")
	h.dispatch("MESSAGE_CREATE", message("1402", dm, "", question, ann))
	h.reply(dm)
	// discordgo's heartbeat may close the resumed connection once more (it closes the
	// session, not its own socket): the adapter resumes again. Each reconnect follows a
	// loss and brings the adapter up.
	// The health is up as soon as the gateway says RESUMED, the reconnect counted once the
	// library's Open returns: wait until the two tell of the same reconnects.
	var reconnects int
	var changes []bool
	assert.Eventually(t, func() bool {
		reconnects, changes = h.metrics.count("reconnect"), h.metrics.changes()
		return reconnects >= 2 && len(changes) == 2*(reconnects+1)
	}, guard, 5*time.Millisecond, "connecting, ready, then lost and resumed per reconnect")
	assert.GreaterOrEqual(t, reconnects, 2)
	assert.Len(t, changes, 2*(reconnects+1), "connecting, ready, then lost and resumed per reconnect: %v", changes)
	up, detail := h.metrics.up()
	assert.True(t, up, detail)
	require.NoError(t, h.stop())
	up, _ = h.metrics.up()
	assert.False(t, up, "down after Run returns")
}

// Events missed while the connection was down are replayed on RESUME and answered.
func TestMissedMessagesAreAnsweredAfterTheResume(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	h.fake.DropConnection()
	h.dispatch("MESSAGE_CREATE", message("1451", dm, "", question, ann)) // held for the resume
	h.waitStep("resumed")
	assert.Equal(t, "1451", refersTo(h.reply(dm)))
}

func TestBadTokenStopsRun(t *testing.T) {
	t.Parallel()
	h := start(t, setup{token: "wrong-token", noWait: true})
	select {
	case <-h.ran:
		err := h.err
		require.Error(t, err)
		assert.True(t, errors.Is(err, discord.ErrAuthentication), "%v", err)
		assert.Contains(t, err.Error(), "4004")
		assert.NotContains(t, err.Error(), "wrong-token", "the token is never shown")
	case <-time.After(guard):
		t.Fatal("Run did not return on close code 4004")
	}
	assert.Equal(t, 1, h.fake.Connections(), "no reconnect loop with a rejected token")
	assert.NotContains(t, h.logs.String(), "wrong-token")
	up, detail := h.metrics.up()
	assert.False(t, up)
	assert.Contains(t, detail, "token")
}

// A token reset in the developer portal while the bot runs ends Run at the next resume.
func TestTokenRevokedWhileConnectedStopsRun(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	h.fake.SetToken("a-new-token")
	h.fake.DropConnection()
	select {
	case <-h.ran:
		assert.True(t, errors.Is(h.err, discord.ErrAuthentication), "%v", h.err)
	case <-time.After(guard):
		t.Fatal("Run did not return on close code 4004 at resume")
	}
	assert.Equal(t, 2, h.fake.Connections())
}

func TestOp7InsteadOfReadyTimesOut(t *testing.T) {
	t.Parallel()
	h := start(t, setup{noWait: true,
		opts: []discord.Option{discord.WithOpenTimeout(time.Second)},
		fake: func(f *discordtest.Server) { f.SendOp7InsteadOfReady(1) }})
	h.waitStep("op7")
	h.waitStep("ready")
	assert.Contains(t, h.logs.String(), "did not get ready in time")
	h.dispatch("MESSAGE_CREATE", message("1501", dm, "", question, ann))
	assert.Equal(t, "1501", refersTo(h.reply(dm)))
}

func TestWithoutTheMessageContentIntentItStillAnswers(t *testing.T) {
	t.Parallel()
	h := start(t, setup{noWait: true, fake: func(f *discordtest.Server) { f.DisallowMessageContent() }})
	first := h.waitStep("identify")
	assert.NotZero(t, first.Intents&(1<<15), "asks for Message Content first")
	assert.Equal(t, 4014, h.waitStep("closed").Code)
	ready := h.waitStep("ready")
	assert.Zero(t, ready.Intents&(1<<15))
	assert.Contains(t, h.logs.String(), "Message Content Intent")
	h.dispatch("MESSAGE_CREATE", message("1601", dm, "", question, ann))
	h.reply(dm)
}

func TestShutdownIsClean(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	h.dispatch("MESSAGE_CREATE", message("1701", dm, "", question, ann))
	h.reply(dm)
	h.waitStep("heartbeat")
	require.NoError(t, h.stop())
	assert.Contains(t, h.logs.String(), "disconnected from Discord")
	assert.NotContains(t, h.logs.String(), "cut short")
}

// A reply that never finishes does not hold the shutdown past its deadline: Run returns
// (the harness allows 5 s) and says the reply was cut short.
func TestShutdownCutsShortAStuckReply(t *testing.T) {
	t.Parallel()
	stuck := "a question that never gets an answer"
	h := start(t, setup{block: stuck})
	h.dispatch("MESSAGE_CREATE", message("1751", dm, "", stuck, ann))
	require.Eventually(t, func() bool { return len(h.rec.messages()) == 1 }, guard, 5*time.Millisecond)
	require.NoError(t, h.stop())
	assert.Contains(t, h.logs.String(), "cut short")
}

// No log line, the adapter's or discordgo's own (package log), holds the bot token or an
// interaction's token, whatever happens: connecting, answering, failing to answer,
// resuming, a rejected token.
func TestTokensAreNeverLogged(t *testing.T) {
	// Not parallel: it captures package log, which discordgo writes to.
	var std logtest.Buffer
	prev := log.Writer()
	log.SetOutput(&std)
	defer log.SetOutput(prev)

	secret := "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.secret-bot-token-value-1234567890"
	h := start(t, setup{token: secret, fake: func(f *discordtest.Server) {
		f.SetToken(secret)
		f.Fail("POST", "/api/v9/interactions/", 3, 500, false)
		f.Fail("POST", "/api/v9/channels/", 3, 500, false)
	}})
	in, id := h.interaction("help", nil, guild)
	h.dispatch("INTERACTION_CREATE", in)
	h.dispatch("MESSAGE_CREATE", message("1801", dm, "", question, ann))
	require.Eventually(t, func() bool { return h.metrics.count("send_error") == 2 }, guard, 5*time.Millisecond)
	h.fake.DropConnection()
	h.waitStep("resumed")
	h.fake.SetToken("another")
	h.fake.DropConnection()
	select {
	case <-h.ran:
	case <-time.After(guard):
		t.Fatal("Run did not return on a rejected token")
	}

	logs := h.logs.String() + std.String()
	assert.Contains(t, logs, "answering an interaction failed", "the failures are logged")
	assert.NotContains(t, logs, secret)
	assert.NotContains(t, logs, "secret-bot-token")
	assert.NotContains(t, logs, "itoken-"+id, "an interaction's token is in its URL")
}

// An adapter is down in /healthz from the moment it is made, not only once it runs: the
// bot is never reported up while one of its adapters has yet to connect.
func TestDownUntilItRuns(t *testing.T) {
	health := ops.NewHealth()
	_, err := discord.New(discord.Config{Token: "x", APIURL: "http://127.0.0.1:1"}, nil, nil, discord.WithHealth(health))
	require.NoError(t, err)
	states, up := health.States()
	assert.False(t, up)
	assert.False(t, states["discord"].Up)
	assert.Equal(t, "not started", states["discord"].Detail)
}

func TestNewNeedsAToken(t *testing.T) {
	_, err := discord.New(discord.Config{}, nil, nil)
	assert.Error(t, err)
	_, err = discord.New(discord.Config{Token: "x", APIURL: "ftp://x"}, nil, nil)
	assert.Error(t, err)
}

// BenchmarkDirectMessage measures a question's round trip: the gateway event in, the
// answer rendered and posted back to the fake Discord.
func BenchmarkDirectMessage(b *testing.B) {
	h := start(b, setup{})
	b.ResetTimer()
	for i := range b.N {
		id := h.fake.NewID()
		h.dispatch("MESSAGE_CREATE", message(id, dm, "", question, user(strconv.Itoa(i+1000), "ann", false)))
		h.reply(dm)
	}
}

// BenchmarkSlashCommand measures /ask from the interaction to its callback.
func BenchmarkSlashCommand(b *testing.B) {
	h := start(b, setup{})
	b.ResetTimer()
	for i := range b.N {
		in, id := h.interaction("ask", ask(question), guild)
		in["member"].(map[string]any)["user"] = user(strconv.Itoa(i+1000), "ann", false)
		h.dispatch("INTERACTION_CREATE", in)
		h.waitRequest("POST", "/api/v9/interactions/"+id+"/")
	}
}
