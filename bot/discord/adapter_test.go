package discord_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/discord"
	"github.com/azchina/azchina/bot/discord/discordtest"
	"github.com/azchina/azchina/knowledge"
	"github.com/azchina/azchina/seeds"
)

const (
	token   = "test-token"
	guild   = "400000000000000001"
	channel = "300000000000000001"
	dm      = "300000000000000002"
	// guard bounds every wait: it only turns a hang into a failure.
	guard = 10 * time.Second
)

var (
	engineOnce sync.Once
	engine     *knowledge.Engine
	engineErr  error
)

// seedEngine is the real engine over the embedded seeds, built once.
func seedEngine(t testing.TB) *knowledge.Engine {
	t.Helper()
	engineOnce.Do(func() { engine, engineErr = knowledge.Load(seeds.FS) })
	require.NoError(t, engineErr)
	return engine
}

// recorder is the real router, with the messages it was given kept for the test to read.
type recorder struct {
	router *bot.Router
	mu     sync.Mutex
	msgs   []bot.Message
}

func (r *recorder) Handle(ctx context.Context, m bot.Message) (bot.Reply, bool) {
	r.mu.Lock()
	r.msgs = append(r.msgs, m)
	r.mu.Unlock()
	if m.Text == "panic please" {
		panic("a handler bug")
	}
	return r.router.Handle(ctx, m)
}

func (r *recorder) messages() []bot.Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bot.Message(nil), r.msgs...)
}

// syncBuffer is a log sink safe for the adapter's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type harness struct {
	t      testing.TB
	fake   *discordtest.Server
	rec    *recorder
	logs   *syncBuffer
	cancel context.CancelFunc
	ran    chan struct{} // closed when Run returned
	err    error         // what Run returned
}

type setup struct {
	token string
	cfg   discord.Config
	opts  []discord.Option
	fake  func(*discordtest.Server)
	// noWait starts the adapter without waiting for READY.
	noWait bool
}

// start runs an adapter with the real router and engine against a fresh fake Discord.
func start(t testing.TB, s setup) *harness {
	t.Helper()
	fake := discordtest.NewServer(token)
	t.Cleanup(fake.Close)
	if s.fake != nil {
		s.fake(fake)
	}
	if s.token == "" {
		s.token = token
	}
	s.cfg.Token, s.cfg.APIURL = s.token, fake.URL
	h := &harness{t: t, fake: fake, logs: &syncBuffer{}, ran: make(chan struct{}),
		rec: &recorder{router: bot.NewRouter(seedEngine(t), bot.WithLimit(100, time.Minute))}}
	log := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	a, err := discord.New(s.cfg, h.rec, log, s.opts...)
	require.NoError(t, err)
	var ctx context.Context
	ctx, h.cancel = context.WithCancel(context.Background())
	go func() {
		h.err = a.Run(ctx)
		close(h.ran)
	}()
	t.Cleanup(func() {
		h.stop()
		for _, r := range sentMessages(h) {
			body := r.JSON()
			if data, ok := body["data"].(map[string]any); ok {
				body = data // an interaction callback
			}
			parseIsEmpty(t, body)
		}
		if t.Failed() {
			t.Logf("adapter log:\n%s", h.logs.String())
		}
	})
	if !s.noWait {
		h.waitStep("ready")
	}
	return h
}

// stop cancels the adapter and returns what Run returned; Run must return within 5 s.
func (h *harness) stop() error {
	h.cancel()
	select {
	case <-h.ran:
		return h.err
	case <-time.After(5 * time.Second):
		h.t.Error("Run did not return within 5 s of cancel")
		return nil
	}
}

func (h *harness) waitStep(kind string) discordtest.Step {
	h.t.Helper()
	timeout := time.After(guard)
	for {
		select {
		case st := <-h.fake.Steps():
			if st.Kind == kind {
				return st
			}
		case <-h.ran:
			h.t.Fatalf("Run returned %v while waiting for %s", h.err, kind)
		case <-timeout:
			h.t.Fatalf("no %q on the gateway", kind)
		}
	}
}

// waitRequest returns the next REST request with method whose path starts with prefix.
func (h *harness) waitRequest(method, prefix string) discordtest.Request {
	h.t.Helper()
	timeout := time.After(guard)
	for {
		select {
		case r := <-h.fake.Requests():
			if r.Method == method && strings.HasPrefix(r.Path, prefix) {
				return r
			}
		case <-timeout:
			h.t.Fatalf("no %s %s…", method, prefix)
		}
	}
}

// reply waits for the bot's message in channel ch.
func (h *harness) reply(ch string) map[string]any {
	h.t.Helper()
	r := h.waitRequest("POST", "/api/v9/channels/"+ch+"/messages")
	require.Equal(h.t, 200, r.Status, string(r.Body))
	return r.JSON()
}

func (h *harness) dispatch(event string, data any) {
	h.t.Helper()
	require.NoError(h.t, h.fake.Dispatch(event, data))
}

func user(id, name string, isBot bool) map[string]any {
	return map[string]any{"id": id, "username": name, "discriminator": "0", "bot": isBot}
}

var ann = user("500000000000000001", "ann", false)

// message is a MESSAGE_CREATE payload; guildID "" makes it a DM.
func message(id, ch, guildID, content string, author map[string]any) map[string]any {
	m := map[string]any{"id": id, "channel_id": ch, "content": content, "type": 0, "author": author,
		"timestamp": "2025-05-01T10:00:00Z", "mentions": []any{}, "attachments": []any{}, "embeds": []any{}}
	if guildID != "" {
		m["guild_id"] = guildID
	}
	return m
}

// parseIsEmpty checks that a message body sets allowed_mentions.parse to an empty list,
// not null and not absent.
func parseIsEmpty(t testing.TB, body map[string]any) {
	t.Helper()
	am, ok := body["allowed_mentions"].(map[string]any)
	require.True(t, ok, "allowed_mentions missing in %v", body)
	parse, ok := am["parse"].([]any)
	require.True(t, ok, `allowed_mentions.parse is %v, want []`, am["parse"])
	assert.Empty(t, parse)
}

// sentMessages are the REST requests that post or edit a message, for checks over all.
func sentMessages(h *harness) []discordtest.Request {
	var out []discordtest.Request
	for _, r := range h.fake.Recorded() {
		switch {
		case r.Method == "POST" && strings.HasSuffix(r.Path, "/messages"),
			strings.HasPrefix(r.Path, "/api/v9/webhooks/"),
			strings.HasSuffix(r.Path, "/callback") && r.JSON()["data"] != nil:
			out = append(out, r)
		}
	}
	return out
}

func TestAnswersWhereItShould(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	question := "How many documents were signed in 2019?"
	tests := []struct {
		name, ch string
		msg      map[string]any
		want     bot.Message
	}{
		{"mention", channel, message("601", channel, guild, "<@"+discordtest.BotID+"> "+question, ann),
			bot.Message{ChatKind: bot.Group, Mentioned: true}},
		{"old-style mention", channel, message("602", channel, guild, question+" <@!"+discordtest.BotID+">", ann),
			bot.Message{ChatKind: bot.Group, Mentioned: true}},
		{"direct message", dm, message("603", dm, "", question, ann),
			bot.Message{ChatKind: bot.Private}},
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
			ref := body["message_reference"].(map[string]any)
			assert.Equal(t, tt.msg["id"], ref["message_id"], "the reply references the question")
			embeds := body["embeds"].([]any)
			require.Len(t, embeds, 1)
			e := embeds[0].(map[string]any)
			assert.Contains(t, e["description"], "ten documents")
			field := e["fields"].([]any)[0].(map[string]any)
			assert.Equal(t, "[1] Trend, 2025-04-28", field["name"])
			assert.Contains(t, field["value"], `004\_5522fbf094e0c90f.txt ¶5`)

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
	mention := "<@" + discordtest.BotID + "> What is the capital of Germany?"
	webhook := message("704", channel, guild, mention, user("600000000000000009", "hook", false))
	webhook["webhook_id"] = "600000000000000009"
	join := message("705", channel, guild, "", ann)
	join["type"] = 7 // a member joined
	for _, m := range []map[string]any{
		message("701", channel, guild, mention, user(discordtest.BotID, discordtest.BotName, true)),
		message("702", dm, "", "How many documents were signed in 2019?", user(discordtest.BotID, discordtest.BotName, true)),
		message("703", channel, guild, mention, user("600000000000000001", "otherbot", true)),
		webhook,
		join,
		message("706", channel, guild, "nice weather today", ann),
		message("707", channel, guild, "/help", ann),
		message("708", channel, guild, "<@600000000000000001> hello other bot", ann),
	} {
		h.dispatch("MESSAGE_CREATE", m)
	}
	h.dispatch("MESSAGE_CREATE", message("709", channel, guild, mention, ann))
	body := h.reply(channel)
	assert.Equal(t, "709", body["message_reference"].(map[string]any)["message_id"])
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
	assert.Equal(t, "801", body["message_reference"].(map[string]any)["message_id"])
	assert.Contains(t, body["content"], "Ask me a question")
	assert.NotContains(t, h.logs.String(), "Message Content", "a message with an attachment is not a sign of a missing intent")

	h.dispatch("MESSAGE_CREATE", message("803", dm, "", huge, ann))
	body = h.reply(dm)
	assert.Contains(t, body["content"], "characters long")

	h.dispatch("MESSAGE_CREATE", message("804", channel, guild, "", ann))
	h.dispatch("MESSAGE_CREATE", message("805", channel, guild, "<@"+discordtest.BotID+">", ann))
	body = h.reply(channel)
	assert.Contains(t, body["content"], "Ask me a question")
	assert.Contains(t, h.logs.String(), "Message Content Intent", "empty server messages are explained in the log")

	h.dispatch("MESSAGE_CREATE", message("806", dm, "", "@everyone **panic** <@1> [x](https://evil.example)", ann))
	body = h.reply(dm)
	parseIsEmpty(t, body)

	h.dispatch("MESSAGE_CREATE", message("807", dm, "", "panic please", ann))
	h.dispatch("MESSAGE_CREATE", message("808", dm, "", "How many documents were signed in 2019?", ann))
	body = h.reply(dm)
	assert.Equal(t, "808", body["message_reference"].(map[string]any)["message_id"], "a panic in one event does not stop the next")
	// Events are handled side by side: the panicking one may log after the next answered.
	assert.Eventually(t, func() bool { return strings.Contains(h.logs.String(), "panicked") }, 10*time.Second, 5*time.Millisecond)
}

// interaction is an INTERACTION_CREATE payload for a slash command.
func interaction(id, name string, options []any, guildID string) map[string]any {
	in := map[string]any{
		"id": id, "application_id": discordtest.AppID, "type": 2, "token": "itoken-" + id, "version": 1,
		"channel_id": channel, "locale": "en-US",
		"data": map[string]any{"id": "900", "name": name, "type": 1, "options": options},
	}
	if guildID != "" {
		in["guild_id"] = guildID
		in["guild_locale"] = "en-US"
		in["member"] = map[string]any{"user": ann, "roles": []any{}}
	} else {
		in["user"] = ann
	}
	return in
}

// inLocale sets the locale of the user who sent an interaction.
func inLocale(in map[string]any, locale string) map[string]any {
	in["locale"] = locale
	return in
}

func question(q string) []any {
	return []any{map[string]any{"name": "question", "type": 3, "value": q}}
}

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
	assert.Equal(t, []string{"ask", "topics", "sources", "fact", "timeline", "help"}, names)
	opt := cmds[0]["options"].([]any)[0].(map[string]any)
	assert.Equal(t, "question", opt["name"])
	assert.Equal(t, true, opt["required"])

	tests := []struct {
		name    string
		in      map[string]any
		embed   string // what the embed's title or description holds
		content string // or what the message text holds
	}{
		{"ask in a server", interaction("1001", "ask", question("How many documents were signed in 2019?"), guild), "ten documents", ""},
		{"ask in a DM", interaction("1002", "ask", question("How many documents were signed in 2019?"), ""), "ten documents", ""},
		{"topics", interaction("1003", "topics", nil, guild), "What I can answer about", ""},
		{"sources", interaction("1004", "sources", nil, guild), "The articles I answer from", ""},
		{"fact", interaction("1005", "fact", nil, guild), "A fact", ""},
		{"help", interaction("1006", "help", nil, guild), "", "/ask question"},
		{"help in the user's language", inLocale(interaction("1007", "help", nil, guild), "ru"), "", "Я отвечаю на вопросы"},
		{"timeline", interaction("1008", "timeline", nil, guild), "Timeline", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sent := time.Now()
			h.dispatch("INTERACTION_CREATE", tt.in)
			r := h.waitRequest("POST", "/api/v9/interactions/"+tt.in["id"].(string)+"/itoken-")
			assert.Less(t, time.Since(sent), 3*time.Second, "Discord drops an interaction not answered within 3 s")
			body := r.JSON()
			assert.EqualValues(t, 4, body["type"], "answered directly")
			data := body["data"].(map[string]any)
			parseIsEmpty(t, data)
			if tt.embed != "" {
				e := data["embeds"].([]any)[0].(map[string]any)
				title, _ := e["title"].(string)
				assert.Contains(t, title+e["description"].(string), tt.embed)
			} else {
				assert.Contains(t, data["content"], tt.content)
			}
		})
	}
	msgs := h.rec.messages()
	require.NotEmpty(t, msgs)
	assert.Equal(t, "/ask How many documents were signed in 2019?", msgs[0].Text)
	assert.Equal(t, "en-US", msgs[0].Locale)
	assert.Equal(t, bot.Group, msgs[0].ChatKind)
	assert.Equal(t, ann["id"], msgs[0].UserID)
}

func TestSlowSlashCommandIsDeferred(t *testing.T) {
	t.Parallel()
	h := start(t, setup{opts: []discord.Option{discord.WithAnswerWithin(0)}})
	h.dispatch("INTERACTION_CREATE", interaction("1101", "ask", question("How many documents were signed in 2019?"), guild))
	ack := h.waitRequest("POST", "/api/v9/interactions/1101/")
	assert.EqualValues(t, 5, ack.JSON()["type"], "deferred: the user sees “thinking…”")
	edit := h.waitRequest("PATCH", "/api/v9/webhooks/"+discordtest.AppID+"/itoken-1101/messages/@original")
	body := edit.JSON()
	parseIsEmpty(t, body)
	assert.Contains(t, body["embeds"].([]any)[0].(map[string]any)["description"], "ten documents")
}

func TestGuildCommands(t *testing.T) {
	t.Parallel()
	h := start(t, setup{cfg: discord.Config{Guild: guild}})
	r := h.waitRequest("PUT", "/api/v9/applications/")
	assert.Equal(t, "/api/v9/applications/"+discordtest.AppID+"/guilds/"+guild+"/commands", r.Path)
	assert.Equal(t, 200, r.Status)
}

func TestRateLimitedReplyIsRetriedOnce(t *testing.T) {
	t.Parallel()
	h := start(t, setup{fake: func(f *discordtest.Server) {
		f.RateLimit("POST", "/api/v9/channels/", 1, 100*time.Millisecond)
	}})
	h.dispatch("MESSAGE_CREATE", message("1201", dm, "", "How many documents were signed in 2019?", ann))
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
}

func TestRateLimitNeverHoldsAnInteractionPastItsDeadline(t *testing.T) {
	t.Parallel()
	h := start(t, setup{fake: func(f *discordtest.Server) {
		f.RateLimit("POST", "/api/v9/interactions/", 5, 30*time.Second)
	}})
	h.dispatch("INTERACTION_CREATE", interaction("1301", "help", nil, guild))
	r := h.waitRequest("POST", "/api/v9/interactions/1301/")
	assert.Equal(t, 429, r.Status)
	require.NoError(t, h.stop())
	n := 0
	for _, r := range h.fake.Recorded() {
		if strings.HasPrefix(r.Path, "/api/v9/interactions/") {
			n++
		}
	}
	assert.Equal(t, 1, n, "a 30 s retry_after is not waited out for a 3 s deadline")
	assert.Contains(t, h.logs.String(), "past the deadline")
}

func TestResumesAfterTheConnectionDrops(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	h.fake.DropConnection()
	h.waitStep("resumed")
	h.dispatch("MESSAGE_CREATE", message("1401", channel, guild, "<@"+discordtest.BotID+"> How many documents were signed in 2019?", ann))
	body := h.reply(channel)
	assert.Equal(t, "1401", body["message_reference"].(map[string]any)["message_id"])
	h.fake.DropConnection()
	h.waitStep("resumed")
	h.dispatch("MESSAGE_CREATE", message("1402", dm, "", "How many documents were signed in 2019?", ann))
	h.reply(dm)
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
}

func TestOp7InsteadOfReadyTimesOut(t *testing.T) {
	t.Parallel()
	h := start(t, setup{noWait: true,
		opts: []discord.Option{discord.WithOpenTimeout(time.Second)},
		fake: func(f *discordtest.Server) { f.SendOp7InsteadOfReady(1) }})
	h.waitStep("op7")
	h.waitStep("ready")
	assert.Contains(t, h.logs.String(), "did not get ready in time")
	h.dispatch("MESSAGE_CREATE", message("1501", dm, "", "How many documents were signed in 2019?", ann))
	body := h.reply(dm)
	assert.Equal(t, "1501", body["message_reference"].(map[string]any)["message_id"])
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
	h.dispatch("MESSAGE_CREATE", message("1601", dm, "", "How many documents were signed in 2019?", ann))
	h.reply(dm)
}

func TestShutdownIsClean(t *testing.T) {
	t.Parallel()
	h := start(t, setup{})
	h.dispatch("MESSAGE_CREATE", message("1701", dm, "", "How many documents were signed in 2019?", ann))
	h.reply(dm)
	h.waitStep("heartbeat")
	require.NoError(t, h.stop())
	assert.Contains(t, h.logs.String(), "disconnected from Discord")
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
		h.dispatch("MESSAGE_CREATE", message(id, dm, "", "How many documents were signed in 2019?", user(strconv.Itoa(i+1000), "ann", false)))
		h.reply(dm)
	}
}

// BenchmarkSlashCommand measures /ask from the interaction to its callback.
func BenchmarkSlashCommand(b *testing.B) {
	h := start(b, setup{})
	b.ResetTimer()
	for i := range b.N {
		id := h.fake.NewID()
		in := interaction(id, "ask", question("How many documents were signed in 2019?"), guild)
		in["member"].(map[string]any)["user"] = user(strconv.Itoa(i+1000), "ann", false)
		h.dispatch("INTERACTION_CREATE", in)
		h.waitRequest("POST", "/api/v9/interactions/"+id+"/")
	}
}
