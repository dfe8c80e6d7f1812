package telegram

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/i18n"
	"github.com/azchina/azchina/bot/store"
	"github.com/azchina/azchina/bot/telegram/telegramtest"
	"github.com/azchina/azchina/knowledge"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

const signedQuestion = "How many documents were signed in 2019?"

// assertCitedAnswer checks a reply to the signed-documents question: the quote, then the
// numbered citation with publisher, date and file, as Telegram HTML.
func assertCitedAnswer(t *testing.T, m telegramtest.Sent) {
	t.Helper()
	assert.Equal(t, "HTML", m.ParseMode)
	assert.Contains(t, m.Text, "ten documents")
	assert.Contains(t, m.Text, "<b>[1]</b> Trend, 2025-04-28, 004_5522fbf094e0c90f.txt ¶5")
	checkHTML(t, m.Text)
}

// openStore opens a real SQLite store in the test's temporary folder.
func openStore(t testing.TB, path string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), path)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

func TestStartConnectsAndSetsCommands(t *testing.T) {
	f := fakeAPI(t)
	r := run(t, f, nil)
	f.Push(message(annChat, ann, "/help"))
	next(t, f)
	assert.Contains(t, r.logs.String(), `msg="connected as @azchina_bot"`)
	assert.Equal(t, 1, f.Count("getMe"))
	assert.Equal(t, 1, f.Count("deleteWebhook"), "long polling needs no webhook set")
	assert.Equal(t, 8, f.Count("setMyCommands"), "two scopes, each in four languages")
	// The fake keeps the menus Telegram would take: English for everyone, and a menu of
	// its own for Azerbaijani, Russian and Chinese users.
	for _, scope := range []string{"all_private_chats", "all_group_chats"} {
		for _, lang := range i18n.Langs {
			code := string(lang)
			if lang == i18n.English {
				code = ""
			}
			menu := f.Menu(scope, code)
			want := bot.CommandsIn(lang)
			require.Len(t, menu, len(want), "%s %q", scope, code)
			for i, c := range want {
				assert.Equal(t, telegramtest.BotCommand{Command: c.Name, Description: c.Description}, menu[i])
			}
		}
		assert.Equal(t, "Задать вопрос об отношениях Азербайджана и Китая", f.Menu(scope, "ru")[0].Description)
		assert.Equal(t, "Ask a question about Azerbaijan–China relations", f.Menu(scope, "")[0].Description)
		assert.Empty(t, f.Menu(scope, "en"), "English is every language's menu")
	}
	assert.Empty(t, f.Menu("default", ""), "only private and group chats")
	polls := f.Polls()
	require.NotEmpty(t, polls)
	assert.Equal(t, 50, polls[0].Timeout, "long polling")
	var allowed []string
	require.NoError(t, json.Unmarshal([]byte(f.Calls("getUpdates")[0]["allowed_updates"]), &allowed))
	assert.Equal(t, []string{"message", "callback_query"}, allowed)
}

// While Telegram cannot be reached, getMe is tried again; the bot connects once it answers.
func TestStartWaitsForTelegram(t *testing.T) {
	f := fakeAPI(t)
	f.Fail("getMe", telegramtest.Fault{Code: http.StatusBadGateway}, telegramtest.Fault{Code: http.StatusServiceUnavailable})
	r := run(t, f, nil)
	q := message(annChat, ann, signedQuestion)
	f.Push(q)
	assertCitedAnswer(t, next(t, f))
	assert.Equal(t, 3, f.Count("getMe"))
	assert.Equal(t, 2, strings.Count(r.logs.String(), "cannot reach Telegram; trying again"))
}

// A start-up call that never answers does not hang the bot: each has a timeout, and
// getMe is tried again.
func TestStartUpCallsTimeOut(t *testing.T) {
	f := fakeAPI(t)
	hang := telegramtest.Fault{Hang: true}
	f.Fail("getMe", hang)
	f.Fail("setMyCommands", hang)
	f.Fail("deleteWebhook", hang)
	shortCalls := func(a *Adapter) { a.callTimeout = 50 * time.Millisecond }
	r := run(t, f, nil, shortCalls)
	q := message(annChat, ann, signedQuestion)
	f.Push(q)
	assertCitedAnswer(t, next(t, f))
	assert.Equal(t, 2, f.Count("getMe"))
	logs := r.logs.String()
	assert.Contains(t, logs, "cannot reach Telegram; trying again")
	assert.Equal(t, 1, strings.Count(logs, "could not set the command menu"), "the menus share one timeout, and one line says so")
	assert.Contains(t, logs, "8 of 8 menus")
	assert.Equal(t, 1, f.Count("setMyCommands"), "none tried past the timeout")
	assert.Contains(t, logs, "could not remove the webhook")
}

func TestPrivateQuestionGetsCitedAnswer(t *testing.T) {
	f := fakeAPI(t)
	run(t, f, nil)
	u := message(annChat, ann, signedQuestion)
	f.Push(u)
	m := next(t, f)
	assert.Equal(t, int64(42), m.ChatID)
	assert.Equal(t, msgID(u), m.ReplyTo, "threaded to the question")
	assertCitedAnswer(t, m)
}

func TestGroupAnswersOnlyWhatIsForTheBot(t *testing.T) {
	f := fakeAPI(t)
	run(t, f, nil)
	cmd := "/ask@azchina_bot " + signedQuestion
	ask := message(groupChat, ann, cmd, entity("bot_command", 0, 16))
	f.Push(ask)
	m := next(t, f)
	assert.Equal(t, int64(-1001234), m.ChatID)
	assert.Equal(t, msgID(ask), m.ReplyTo)
	assertCitedAnswer(t, m)

	// None of these is for the bot; the /topics after them is, and comes first.
	f.Push(
		message(groupChat, ann, "lol, did anyone do the reading?"),
		message(groupChat, bob, "/ask@other_bot "+signedQuestion, entity("bot_command", 0, 14)),
		message(groupChat, bob, signedQuestion+" @ann", entity("mention", len(signedQuestion)+1, 4)),
		message(groupChat, ann, "", func(m map[string]any) {
			m["sticker"] = map[string]any{"file_id": "CAAC", "file_unique_id": "u", "type": "regular", "width": 512, "height": 512}
		}),
	)
	topics := message(groupChat, bob, "/topics@AzChina_Bot", entity("bot_command", 0, 19))
	f.Push(topics)
	m = next(t, f)
	assert.Equal(t, msgID(topics), m.ReplyTo, "plain chatter, other bots' commands and stickers get nothing")
	assert.Contains(t, m.Text, "<b>Nə barədə cavab verə bilərəm</b>", "in the language Bob's Telegram reports")

	// A mention after two flags: entity offsets count UTF-16 units, two per flag letter.
	mentioned := message(groupChat, ann, "🇦🇿🇨🇳 @azchina_bot "+signedQuestion, entity("mention", 9, 12))
	f.Push(mentioned)
	m = next(t, f)
	assert.Equal(t, msgID(mentioned), m.ReplyTo)
	assertCitedAnswer(t, m)

	// A reply to the bot's own message.
	replied := message(groupChat, bob, signedQuestion, telegramtest.ReplyToBot)
	f.Push(replied)
	m = next(t, f)
	assert.Equal(t, msgID(replied), m.ReplyTo)
	assertCitedAnswer(t, m)
	assert.Len(t, f.Sent(), 4)
}

// Stickers, photos, joins, edits, channel posts, member updates, automatic forwards from
// a linked channel and updates the wire types cannot read produce nothing and stop
// nothing.
func TestNonTextUpdatesAreIgnored(t *testing.T) {
	f := fakeAPI(t)
	run(t, f, nil)
	photo := []map[string]any{{"file_id": "p", "file_unique_id": "p", "width": 90, "height": 90}}
	channel := map[string]any{"id": -1009, "type": "channel", "title": "News"}
	f.Push(
		message(annChat, ann, "", func(m map[string]any) {
			m["sticker"] = map[string]any{"file_id": "CAAC", "file_unique_id": "u", "type": "regular", "width": 512, "height": 512, "is_animated": false, "is_video": false}
		}),
		message(annChat, ann, "", func(m map[string]any) { m["photo"] = photo; m["caption"] = "/ask what is this?" }),
		message(groupChat, ann, "", func(m map[string]any) { m["new_chat_members"] = []map[string]any{bob} }),
		map[string]any{"edited_message": message(annChat, ann, signedQuestion)["message"]},
		map[string]any{"channel_post": message(channel, nil, signedQuestion)["message"]},
		message(groupChat, telegramtest.User(777000, "Telegram", ""), "/ask "+signedQuestion, func(m map[string]any) {
			m["sender_chat"], m["is_automatic_forward"] = channel, true
		}),
		map[string]any{"my_chat_member": map[string]any{"chat": groupChat, "from": ann, "date": 0,
			"old_chat_member": map[string]any{"status": "left", "user": telegramtest.Bot},
			"new_chat_member": map[string]any{"status": "member", "user": telegramtest.Bot}}},
		message(annChat, map[string]any{"id": 77, "is_bot": true, "first_name": "Spam"}, signedQuestion),
	)
	f.PushRaw(`{"update_id": 100, "message": "not an object"}`)
	u := message(annChat, ann, signedQuestion)
	f.Push(u)
	m := next(t, f)
	assert.Equal(t, msgID(u), m.ReplyTo)
	assertCitedAnswer(t, m)
	assert.Len(t, f.Sent(), 1, "only the question was answered")
}

func TestTooManyRequestsRetriesAfterWithoutBlockingOthers(t *testing.T) {
	f := fakeAPI(t)
	refused := make(chan time.Time, 1)
	f.OnSend(func(n int, m telegramtest.Sent) telegramtest.Fault {
		if n == 0 {
			refused <- time.Now()
			return telegramtest.Fault{Code: http.StatusTooManyRequests, RetryAfter: 2}
		}
		return telegramtest.Fault{}
	})
	run(t, f, nil)
	annQ := message(annChat, ann, signedQuestion)
	f.Push(annQ)
	at := within(t, refused)

	bobQ := message(bobChat, bob, signedQuestion)
	f.Push(bobQ)
	first := next(t, f)
	assert.Equal(t, msgID(bobQ), first.ReplyTo, "Bob is answered while Ann's chat waits out retry_after")

	second := next(t, f)
	assert.Equal(t, msgID(annQ), second.ReplyTo)
	assertCitedAnswer(t, second)
	assert.GreaterOrEqual(t, second.At.Sub(at), 2*time.Second, "sent again only after retry_after")

	sentinel := message(annChat, ann, "/help")
	f.Push(sentinel)
	assert.Equal(t, msgID(sentinel), next(t, f).ReplyTo)
	assert.Len(t, f.Sent(), 3, "Ann's answer was delivered exactly once")
}

// A server error on sendMessage is retried after a short wait; the answer arrives once.
func TestServerErrorIsRetried(t *testing.T) {
	f := fakeAPI(t)
	f.Fail("sendMessage", telegramtest.Fault{Code: http.StatusInternalServerError}, telegramtest.Fault{Code: http.StatusBadGateway})
	r := run(t, f, nil)
	q := message(annChat, ann, signedQuestion)
	f.Push(q)
	m := next(t, f)
	assert.Equal(t, msgID(q), m.ReplyTo)
	assertCitedAnswer(t, m)
	assert.Equal(t, 3, f.Count("sendMessage"))
	assert.Equal(t, 2, strings.Count(r.logs.String(), "telegram server error: sending again"))

	sentinel := message(annChat, ann, "/help")
	f.Push(sentinel)
	assert.Equal(t, msgID(sentinel), next(t, f).ReplyTo)
	assert.Len(t, f.Sent(), 2, "delivered exactly once")
}

func TestGivesUpAfterBoundedRetries(t *testing.T) {
	f := fakeAPI(t)
	f.OnSend(func(n int, m telegramtest.Sent) telegramtest.Fault {
		if m.ChatID == 42 {
			return telegramtest.Fault{Code: http.StatusTooManyRequests, RetryAfter: 3600}
		}
		return telegramtest.Fault{}
	})
	r := run(t, f, nil)
	f.Push(message(annChat, ann, signedQuestion))
	bobQ := message(bobChat, bob, "/help")
	f.Push(bobQ)
	assert.Equal(t, msgID(bobQ), next(t, f).ReplyTo)
	require.Eventually(t, func() bool { return strings.Contains(r.logs.String(), "reply not sent") }, 10*time.Second, 10*time.Millisecond,
		"a retry_after of an hour is not waited for")
	assert.Contains(t, r.logs.String(), "too long to wait")
}

func TestRedeliveredUpdateIsAnsweredOnce(t *testing.T) {
	f := fakeAPI(t)
	run(t, f, nil)
	u := message(annChat, ann, signedQuestion)
	f.Push(u)
	assert.Equal(t, msgID(u), next(t, f).ReplyTo)
	f.Redeliver(u)
	sentinel := message(annChat, ann, "/help")
	f.Push(sentinel)
	assert.Equal(t, msgID(sentinel), next(t, f).ReplyTo, "the redelivered question is not answered again")
	assert.Len(t, f.Sent(), 2)
}

// After a graceful restart, the new process is not given the updates the old one answered.
func TestRestartDoesNotRepeatAnswers(t *testing.T) {
	f := fakeAPI(t)
	first := run(t, f, nil)
	q1 := message(annChat, ann, signedQuestion)
	f.Push(q1)
	assert.Equal(t, msgID(q1), next(t, f).ReplyTo)
	require.NoError(t, first.stop())

	run(t, f, nil)
	q2 := message(annChat, ann, "/help")
	f.Push(q2)
	assert.Equal(t, msgID(q2), next(t, f).ReplyTo)
	assert.Len(t, f.Sent(), 2)
}

// blocking holds every question that says "hold" until released, and passes the rest on.
type blocking struct {
	next    Handler
	holding chan struct{}
	release chan struct{}
}

func (b blocking) Handle(ctx context.Context, m bot.Message) (bot.Reply, bool) {
	if strings.Contains(m.Text, "hold") {
		b.holding <- struct{}{}
		select {
		case <-b.release:
		case <-ctx.Done():
			return bot.Reply{}, false
		}
	}
	return b.next.Handle(ctx, m)
}

// A question still being answered when the bot stops is answered after the restart,
// once, from the inbox in the database; the questions answered before are not repeated.
func TestUpdateInFlightAtShutdownIsAnsweredAfterRestart(t *testing.T) {
	f := fakeAPI(t)
	path := filepath.Join(t.TempDir(), "azchina.db")
	db := openStore(t, path)
	h := blocking{next: bot.NewRouter(knowledgetest.Seeds(t)), holding: make(chan struct{}, 1), release: make(chan struct{})}
	first := run(t, f, h, WithInbox(db), WithShutdownGrace(50*time.Millisecond))
	answered := message(annChat, ann, "/help")
	f.Push(answered)
	assert.Equal(t, msgID(answered), next(t, f).ReplyTo)
	held := message(bobChat, bob, "hold on: "+signedQuestion)
	f.Push(held)
	within(t, h.holding)
	require.NoError(t, first.stop())
	require.NoError(t, db.Close())
	assert.Len(t, f.Sent(), 1, "the held question was not answered before the restart")

	second := run(t, f, nil, WithInbox(openStore(t, path)))
	m := next(t, f)
	assert.Equal(t, msgID(held), m.ReplyTo, "answered after the restart")
	assertCitedAnswer(t, m)
	assert.Contains(t, second.logs.String(), "answering the updates left unanswered by the last run")
	sentinel := message(annChat, ann, "/fact")
	f.Push(sentinel)
	assert.Equal(t, msgID(sentinel), next(t, f).ReplyTo)
	assert.Len(t, f.Sent(), 3, "nothing answered twice")
}

// A process that dies after taking an update leaves it in the inbox, unconfirmed, so
// Telegram hands it over again: the next process answers it once.
func TestUpdateTakenBeforeACrashIsAnsweredOnce(t *testing.T) {
	f := fakeAPI(t)
	path := filepath.Join(t.TempDir(), "azchina.db")
	q := message(annChat, ann, signedQuestion)
	ids := f.Push(q)
	q["update_id"] = ids[0]
	raw, err := json.Marshal(q)
	require.NoError(t, err)
	crashed := openStore(t, path)
	taken, err := crashed.TakeUpdates(context.Background(), telegramtest.BotID, map[int64][]byte{ids[0]: raw}, time.Now())
	require.NoError(t, err)
	require.Equal(t, ids, taken)
	require.NoError(t, crashed.Close())

	run(t, f, nil, WithInbox(openStore(t, path)))
	m := next(t, f)
	assert.Equal(t, msgID(q), m.ReplyTo)
	sentinel := message(annChat, ann, "/help")
	f.Push(sentinel)
	assert.Equal(t, msgID(sentinel), next(t, f).ReplyTo, "the question Telegram handed over again was not answered twice")
	assert.Len(t, f.Sent(), 2)
}

// hostileEngine answers from an article whose text and metadata are full of markup.
func hostileEngine(t *testing.T) *knowledge.Engine {
	t.Helper()
	e, err := knowledge.Load(fstest.MapFS{
		"001_evil.txt": {Data: []byte("BAKU, Azerbaijan, April 23. Azerbaijan and China signed <b>twenty</b> documents & agreements <script>alert(1)</script> in Beijing, @everyone.\n\n" +
			"The presidents of Azerbaijan and China also discussed trade and investment between the two countries.\n")},
		"meta.yaml": {Data: []byte("001_evil.txt:\n  title: '<i>Evil</i> & <a href=\"https://x.example\">co</a>'\n  publisher: '<b>Pub</b>'\n  date: '2025-04-23'\n")},
	})
	require.NoError(t, err)
	return e
}

func TestInjectedMarkupComesBackInert(t *testing.T) {
	f := fakeAPI(t)
	run(t, f, bot.NewRouter(hostileEngine(t)))
	// The quote and the citation carry the article's markup, as text.
	f.Push(message(annChat, ann, "How many documents did Azerbaijan and China sign in Beijing?"))
	m := next(t, f)
	checkHTML(t, m.Text)
	assert.Contains(t, m.Text, "&lt;b&gt;twenty&lt;/b&gt; documents &amp; agreements &lt;script&gt;")
	assert.Contains(t, m.Text, "&lt;b&gt;Pub&lt;/b&gt;, 2025-04-23, “&lt;i&gt;Evil&lt;/i&gt; &amp; &lt;a href=&#34;https://x.example&#34;&gt;co&lt;/a&gt;”")
	assert.NotContains(t, m.Text, "<a ")
	assert.NotContains(t, m.Text, "<script")

	// The user's own markup is not echoed as markup either.
	f.Push(message(annChat, ann, `<b>How many</b> documents? <a href="https://x.example">x</a> *now* @everyone`))
	m = next(t, f)
	checkHTML(t, m.Text)
	assert.NotContains(t, m.Text, "<a ")
}

// manyArticles is an engine whose /sources list runs past 5,000 characters.
func manyArticles(t *testing.T) *knowledge.Engine {
	t.Helper()
	fsys := fstest.MapFS{}
	var meta strings.Builder
	for i := range 40 {
		name := strings.Replace("0000_long.txt", "0000", string(rune('a'+i/26))+string(rune('a'+i%26))+"00", 1)
		fsys[name] = &fstest.MapFile{Data: []byte("BAKU, April 23. Azerbaijan and China signed documents on trade and investment in Beijing.\n")}
		meta.WriteString(name + ":\n  title: 'Azerbaijan and China deepen their comprehensive strategic partnership, part " + string(rune('A'+i%26)) + " of the series'\n  publisher: Trend\n  date: '2025-04-23'\n")
	}
	fsys["meta.yaml"] = &fstest.MapFile{Data: []byte(meta.String())}
	e, err := knowledge.Load(fsys)
	require.NoError(t, err)
	require.Len(t, e.Articles(), 40)
	return e
}

func TestLongReplyIsSplitAndPaced(t *testing.T) {
	f := fakeAPI(t)
	gap := 200 * time.Millisecond
	run(t, f, bot.NewRouter(manyArticles(t)), WithSendRate(gap, 30))
	q := message(annChat, ann, "/sources")
	f.Push(q)
	parts := []telegramtest.Sent{next(t, f), next(t, f)}
	sentinel := message(annChat, ann, "/help")
	f.Push(sentinel)
	assert.Equal(t, msgID(sentinel), next(t, f).ReplyTo, "the reply took two messages")
	assert.Greater(t, utf16Len(parts[0].Text+parts[1].Text), 5000)
	for i, m := range parts {
		assert.LessOrEqual(t, utf16Len(m.Text), MaxMessage)
		checkHTML(t, m.Text)
		assert.Equal(t, msgID(q), m.ReplyTo, "every part threaded to the question")
		if i > 0 {
			assert.GreaterOrEqual(t, m.At.Sub(parts[i-1].At), gap, "one chat gets one message per gap at most")
		}
	}
	assert.True(t, strings.HasPrefix(parts[0].Text, "<b>The articles I answer from</b>\n• "))
	lines := strings.Split(parts[0].Text+"\n"+parts[1].Text, "\n")
	assert.Len(t, lines, 41, "the title and 40 articles, each line whole")
	for _, l := range lines[1:] {
		assert.Regexp(t, `^• Azerbaijan and China deepen their comprehensive strategic partnership, part [A-Z] of the series \(Trend, 2025-04-23, [a-b][a-z]00_long\.txt\)$`, l)
	}
}

// panicky panics on the word "boom" and passes everything else to the router.
type panicky struct{ next Handler }

func (p panicky) Handle(ctx context.Context, m bot.Message) (bot.Reply, bool) {
	if strings.Contains(m.Text, "boom") {
		panic("boom")
	}
	return p.next.Handle(ctx, m)
}

func TestPanickingHandlerLeavesTheBotAnswering(t *testing.T) {
	f := fakeAPI(t)
	r := run(t, f, panicky{bot.NewRouter(knowledgetest.Seeds(t))})
	boom := message(annChat, ann, "boom")
	f.Push(boom)
	m := next(t, f)
	assert.Equal(t, msgID(boom), m.ReplyTo)
	assert.Contains(t, m.Text, "Something went wrong")
	q := message(annChat, ann, signedQuestion)
	f.Push(q)
	m = next(t, f)
	assert.Equal(t, msgID(q), m.ReplyTo)
	assertCitedAnswer(t, m)
	assert.Contains(t, r.logs.String(), "update handler panicked")
}

// When a group becomes a supergroup, replies follow it to its new ID: the first send to
// the old ID is refused with migrate_to_chat_id, and the next ones go straight to the new.
func TestGroupMigrationIsFollowed(t *testing.T) {
	f := fakeAPI(t)
	old := telegramtest.Group(-4242, "Students")
	f.Migrate(-4242, -1004242)
	run(t, f, nil)
	q := message(old, ann, "/ask "+signedQuestion)
	f.Push(q)
	m := next(t, f)
	assert.Equal(t, int64(-1004242), m.ChatID)
	assert.Equal(t, msgID(q), m.ReplyTo)
	assertCitedAnswer(t, m)
	f.Push(message(old, bob, "/help"))
	assert.Equal(t, int64(-1004242), next(t, f).ChatID)
	assert.Equal(t, 3, f.Count("sendMessage"), "one send refused, then the new ID remembered")
}

func TestWebhook(t *testing.T) {
	f := fakeAPI(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	// Read as a ServeMux pattern, this path would panic (a bad wildcard).
	run(t, f, nil, WithWebhook(Webhook{URL: "https://bot.example/tg/{hook", Secret: "s3cret_-token", Listener: ln}))
	require.Eventually(t, func() bool { return f.Count("setWebhook") == 1 }, 10*time.Second, 5*time.Millisecond)
	set := f.Calls("setWebhook")[0]
	assert.Equal(t, "https://bot.example/tg/{hook", set["url"])
	assert.Equal(t, "s3cret_-token", set["secret_token"])
	assert.JSONEq(t, `["message","callback_query"]`, set["allowed_updates"])

	base := "http://" + ln.Addr().String()
	hook := base + "/tg/%7Bhook"
	post := func(url, secret string, u map[string]any) int {
		body, err := json.Marshal(u)
		require.NoError(t, err)
		req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(string(body)))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		if secret != "" {
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	forged := message(annChat, ann, signedQuestion)
	forged["update_id"] = int64(1)
	assert.Equal(t, http.StatusUnauthorized, post(hook, "wrong", forged))
	assert.Equal(t, http.StatusUnauthorized, post(hook, "", forged))
	assert.Equal(t, http.StatusNotFound, post(base+"/tg/other", "s3cret_-token", forged), "only the URL's path is served")
	resp, err := http.Get(hook)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)

	u := message(annChat, ann, signedQuestion)
	u["update_id"] = int64(2)
	assert.Equal(t, http.StatusOK, post(hook, "s3cret_-token", u))
	m := next(t, f)
	assert.Equal(t, msgID(u), m.ReplyTo)
	assertCitedAnswer(t, m)

	assert.Equal(t, http.StatusOK, post(hook, "s3cret_-token", u), "Telegram sends it again")
	sentinel := message(annChat, ann, "/help")
	sentinel["update_id"] = int64(3)
	assert.Equal(t, http.StatusOK, post(hook, "s3cret_-token", sentinel))
	assert.Equal(t, msgID(sentinel), next(t, f).ReplyTo)
	assert.Len(t, f.Sent(), 2, "neither the forged update nor the repeated one was answered")
	assert.Equal(t, 0, f.Count("getUpdates"), "no polling with a webhook")
}

func TestWebhookNeedsASecret(t *testing.T) {
	_, err := New(testToken, nil, WithWebhook(Webhook{URL: "https://bot.example/hook", Listen: ":8443"}))
	assert.ErrorContains(t, err, "secret")
}

// On shutdown the reply in flight is finished, polling stops and Run returns nil.
func TestShutdownFinishesRepliesInFlight(t *testing.T) {
	f := fakeAPI(t)
	sending := make(chan struct{})
	release := make(chan struct{})
	f.OnSend(func(n int, m telegramtest.Sent) telegramtest.Fault {
		if n == 0 {
			close(sending)
			select { // the test releases it; the guard only keeps a failing test from hanging
			case <-release:
			case <-time.After(15 * time.Second):
			}
		}
		return telegramtest.Fault{}
	})
	r := run(t, f, nil)
	q := message(annChat, ann, signedQuestion)
	ids := f.Push(q)
	within(t, sending)

	start := time.Now()
	r.cancel()
	stopped := make(chan time.Time, 1)
	go func() {
		assert.NoError(t, r.stop())
		stopped <- time.Now()
	}()
	close(release)
	returned := within(t, stopped)
	assert.Less(t, returned.Sub(start), 5*time.Second)
	m := next(t, f)
	assert.Equal(t, msgID(q), m.ReplyTo, "the reply in flight was delivered")
	assert.True(t, returned.After(m.At), "Run returned after the reply was sent, not before")
	polls := f.Polls()
	// Confirmed on the way out: by a short poll, or by the long poll that asked past it
	// and came back before shutdown (then no short poll is needed). Which of the two
	// comes last depends on timing.
	assert.Equal(t, ids[0]+1, polls[len(polls)-1].Offset, "the handled update is confirmed on the way out")
}

// A reply that cannot be sent does not keep Run from returning.
func TestShutdownAbandonsStuckReplies(t *testing.T) {
	f := fakeAPI(t)
	sending := make(chan struct{})
	never := make(chan struct{})
	t.Cleanup(func() { close(never) })
	f.OnSend(func(n int, m telegramtest.Sent) telegramtest.Fault {
		close(sending)
		<-never
		return telegramtest.Fault{}
	})
	r := run(t, f, nil, WithShutdownGrace(100*time.Millisecond))
	f.Push(message(annChat, ann, signedQuestion))
	within(t, sending)
	start := time.Now()
	require.NoError(t, r.stop())
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.Contains(t, r.logs.String(), "abandoned")
}

func TestRefusedTokenStopsRun(t *testing.T) {
	f := fakeAPI(t)
	a, err := New("42:wrong-token", bot.NewRouter(knowledgetest.Seeds(t)), WithAPIURL(f.URL))
	require.NoError(t, err)
	err = a.Run(context.Background())
	require.Error(t, err)
	assert.ErrorContains(t, err, "Unauthorized")
	assert.ErrorContains(t, err, "check the bot token")
	assert.NotContains(t, err.Error(), "wrong-token")
}

// When the Bot API server goes away, the adapter keeps trying and says so, never with the
// token (the URLs it calls all hold it).
func TestServerDownIsLoggedWithoutToken(t *testing.T) {
	f := fakeAPI(t)
	r := run(t, f, nil)
	require.Eventually(t, func() bool { return f.Count("getUpdates") > 0 }, 10*time.Second, time.Millisecond)
	f.Close()
	require.Eventually(t, func() bool { return strings.Count(r.logs.String(), "get updates failed") >= 2 }, 10*time.Second, 5*time.Millisecond)
	assert.NotContains(t, r.logs.String(), testToken)
}

func TestNewNeedsAToken(t *testing.T) {
	_, err := New(" ", nil)
	assert.Error(t, err)
}
