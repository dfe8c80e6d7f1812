package discord_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
	"github.com/azchina/azchina/bot/discord"
	"github.com/azchina/azchina/bot/discord/discordtest"
	"github.com/azchina/azchina/bot/logtest"
	"github.com/azchina/azchina/bot/store"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

const (
	token   = "test-token"
	guild   = "400000000000000001"
	channel = "300000000000000001"
	dm      = "300000000000000002"
	// guard bounds every wait: it only turns a hang into a failure.
	guard = 10 * time.Second
	// question is one the seeds answer with "ten documents".
	question = "How many documents were signed in 2019?"
)

// recorder is the real router, with the messages it was given kept for the test to read.
type recorder struct {
	router *bot.Router
	mu     sync.Mutex
	msgs   []bot.Message
	// block, when set, holds every question whose text it names until the context ends.
	block string
}

func (r *recorder) Handle(ctx context.Context, m bot.Message) (bot.Reply, bool) {
	r.mu.Lock()
	r.msgs = append(r.msgs, m)
	r.mu.Unlock()
	switch {
	case m.Text == "panic please":
		panic("a handler bug")
	case r.block != "" && m.Text == r.block:
		<-ctx.Done()
	}
	return r.router.Handle(ctx, m)
}

func (r *recorder) Vote(ctx context.Context, p bot.Platform, userID, answerID string, up bool) bot.Reply {
	return r.router.Vote(ctx, p, userID, answerID, up)
}

func (r *recorder) messages() []bot.Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bot.Message(nil), r.msgs...)
}

// counters are the adapter's metrics and health, as ops would see them.
type counters struct {
	mu     sync.Mutex
	counts map[string]int
	states []bool // every health change, in order
	detail string
}

func (c *counters) add(name, platform string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if platform != "discord" {
		panic("metrics for platform " + platform)
	}
	if c.counts == nil {
		c.counts = map[string]int{}
	}
	c.counts[name]++
}

func (c *counters) SendError(p string)    { c.add("send_error", p) }
func (c *counters) Retry(p string)        { c.add("retry", p) }
func (c *counters) Reconnect(p string)    { c.add("reconnect", p) }
func (c *counters) DigestPosted(p string) { c.add("digest", p) }

func (c *counters) Set(adapter string, up bool, detail string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if adapter != "discord" {
		panic("health for adapter " + adapter)
	}
	c.states = append(c.states, up)
	c.detail = detail
}

func (c *counters) count(name string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.counts[name]
}

// changes returns the health states in order, each repeat left out (as ops.Health does).
func (c *counters) changes() []bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []bool
	for _, up := range c.states {
		if len(out) == 0 || out[len(out)-1] != up {
			out = append(out, up)
		}
	}
	return out
}

// up reports the latest health state and what it said.
func (c *counters) up() (bool, string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.states) == 0 {
		return false, ""
	}
	return c.states[len(c.states)-1], c.detail
}

type harness struct {
	t       testing.TB
	fake    *discordtest.Server
	rec     *recorder
	logs    *logtest.Buffer
	metrics *counters
	adapter *discord.Adapter
	db      *store.DB // with setup.journal
	cancel  context.CancelFunc
	ran     chan struct{} // closed when Run returned
	err     error         // what Run returned
}

type setup struct {
	token string
	cfg   discord.Config
	opts  []discord.Option
	fake  func(*discordtest.Server)
	// noWait starts the adapter without waiting for READY.
	noWait bool
	// journal keeps questions and votes in a real SQLite file and answers /digest.
	journal bool
	// block holds the questions with this text until the adapter cancels them.
	block string
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
	h := &harness{t: t, fake: fake, logs: &logtest.Buffer{}, metrics: &counters{}, ran: make(chan struct{})}
	log := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	opts := []bot.Option{bot.WithLimit(100, time.Minute), bot.WithLogger(log)}
	posters := digest.Posters{}
	if s.journal {
		db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "azchina.db"))
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		h.db = db
		sched := digest.New(db, knowledgetest.Seeds(t), posters, digest.WithLogger(log), digest.WithObserver(h.metrics))
		opts = append(opts, bot.WithJournal(db), bot.WithCommand("digest", sched))
	}
	h.rec = &recorder{router: bot.NewRouter(knowledgetest.Seeds(t), opts...), block: s.block}
	a, err := discord.New(s.cfg, h.rec, log, append([]discord.Option{discord.WithMetrics(h.metrics), discord.WithHealth(h.metrics)}, s.opts...)...)
	require.NoError(t, err)
	posters[a.Platform()] = a
	h.adapter = a
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

// stop cancels the adapter and returns what Run returned; Run must return within 5 s, as
// the process must exit within 5 s of SIGTERM.
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

// interactionReply waits for the response to interaction id: its data when answered
// directly, the edit when deferred. It reports whether only the user sees it.
func (h *harness) interactionReply(id string) (map[string]any, bool) {
	h.t.Helper()
	r := h.waitRequest("POST", "/api/v9/interactions/"+id+"/itoken-"+id+"/callback")
	require.Equal(h.t, 204, r.Status, string(r.Body))
	body := r.JSON()
	data, _ := body["data"].(map[string]any)
	flags, _ := data["flags"].(float64)
	if body["type"] == float64(4) {
		return data, int(flags)&64 != 0
	}
	require.EqualValues(h.t, 5, body["type"])
	edit := h.waitRequest("PATCH", "/api/v9/webhooks/"+discordtest.AppID+"/itoken-"+id+"/messages/@original")
	return edit.JSON(), int(flags)&64 != 0
}

func (h *harness) dispatch(event string, data any) {
	h.t.Helper()
	require.NoError(h.t, h.fake.Dispatch(event, data))
}

func user(id, name string, isBot bool) map[string]any {
	return map[string]any{"id": id, "username": name, "discriminator": "0", "bot": isBot}
}

var (
	ann = user("500000000000000001", "ann", false)
	bob = user("500000000000000002", "bob", false)
)

// message is a MESSAGE_CREATE payload; guildID "" makes it a DM.
func message(id, ch, guildID, content string, author map[string]any) map[string]any {
	m := map[string]any{"id": id, "channel_id": ch, "content": content, "type": 0, "author": author,
		"timestamp": "2025-05-01T10:00:00Z", "mentions": []any{}, "attachments": []any{}, "embeds": []any{}}
	if guildID != "" {
		m["guild_id"] = guildID
		m["member"] = map[string]any{"roles": []any{}}
	}
	return m
}

// mention is a server message that mentions the bot.
func mention(id, text string, author map[string]any) map[string]any {
	return message(id, channel, guild, "<@"+discordtest.BotID+"> "+text, author)
}

// interaction is an INTERACTION_CREATE payload for a slash command made now; guildID ""
// makes it a DM. Its token is "itoken-" and its ID.
func (h *harness) interaction(name string, options []any, guildID string) (map[string]any, string) {
	id := h.fake.NewID()
	in := map[string]any{
		"id": id, "application_id": discordtest.AppID, "type": 2, "token": "itoken-" + id, "version": 1,
		"channel_id": channel, "locale": "en-US",
		"data": map[string]any{"id": "900", "name": name, "type": 1, "options": options},
	}
	if guildID != "" {
		in["guild_id"] = guildID
		in["guild_locale"] = "en-US"
		in["member"] = map[string]any{"user": ann, "roles": []any{}, "permissions": "0"}
	} else {
		in["user"] = ann
	}
	return in, id
}

func ask(q string) []any {
	return []any{map[string]any{"name": "question", "type": 3, "value": q}}
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

// embed returns the first embed of a message body.
func embed(t testing.TB, body map[string]any) map[string]any {
	t.Helper()
	embeds, _ := body["embeds"].([]any)
	require.NotEmpty(t, embeds, "no embed in %v", body)
	return embeds[0].(map[string]any)
}

// refersTo returns the ID of the message a reply references.
func refersTo(body map[string]any) any {
	ref, _ := body["message_reference"].(map[string]any)
	return ref["message_id"]
}
