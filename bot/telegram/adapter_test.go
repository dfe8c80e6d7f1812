package telegram

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/knowledge"
)

const signedQuestion = "How many documents were signed in 2019?"

// assertCitedAnswer checks a reply to the signed-documents question: the quote, then the
// numbered citation with publisher, date and file, as Telegram HTML.
func assertCitedAnswer(t *testing.T, m sent) {
	t.Helper()
	assert.Equal(t, "HTML", m.ParseMode)
	assert.Contains(t, m.Text, "ten documents")
	assert.Contains(t, m.Text, "<b>[1]</b> Trend, 2025-04-28, 004_5522fbf094e0c90f.txt ¶5")
	checkHTML(t, m.Text)
}

func TestStartConnectsAndSetsCommands(t *testing.T) {
	f := newBotAPI(t)
	r := run(t, f, nil)
	u := message(annChat, ann, "/help")
	f.push(u)
	f.next(t)
	assert.Contains(t, r.logs.String(), `msg="connected as @azchina_bot"`)
	assert.Equal(t, 1, f.count("getMe"))
	assert.Equal(t, 1, f.count("deleteWebhook"), "long polling needs no webhook set")
	f.mu.Lock()
	defer f.mu.Unlock()
	require.Len(t, f.commands, 2)
	var scopes []string
	for _, c := range f.commands {
		var scope struct{ Type string }
		require.NoError(t, json.Unmarshal([]byte(c["scope"]), &scope))
		scopes = append(scopes, scope.Type)
		var cmds []struct{ Command, Description string }
		require.NoError(t, json.Unmarshal([]byte(c["commands"]), &cmds))
		require.Len(t, cmds, len(bot.Commands))
		assert.Equal(t, "ask", cmds[0].Command)
		assert.NotEmpty(t, cmds[0].Description)
	}
	assert.ElementsMatch(t, []string{"all_private_chats", "all_group_chats"}, scopes)
	require.NotEmpty(t, f.polls)
	assert.Equal(t, 50, f.polls[0].Timeout, "long polling")
}

func TestPrivateQuestionGetsCitedAnswer(t *testing.T) {
	f := newBotAPI(t)
	run(t, f, nil)
	u := message(annChat, ann, signedQuestion)
	f.push(u)
	m := f.next(t)
	assert.Equal(t, int64(42), m.ChatID)
	assert.Equal(t, msgID(u), m.ReplyTo, "threaded to the question")
	assertCitedAnswer(t, m)
}

func TestGroupAnswersOnlyWhatIsForTheBot(t *testing.T) {
	f := newBotAPI(t)
	run(t, f, nil)
	cmd := "/ask@azchina_bot " + signedQuestion
	ask := message(groupChat, ann, cmd, entity("bot_command", 0, 16))
	f.push(ask)
	m := f.next(t)
	assert.Equal(t, int64(-1001234), m.ChatID)
	assert.Equal(t, msgID(ask), m.ReplyTo)
	assertCitedAnswer(t, m)

	// None of these is for the bot; the /topics after them is, and comes first.
	f.push(
		message(groupChat, ann, "lol, did anyone do the reading?"),
		message(groupChat, bob, "/ask@other_bot "+signedQuestion, entity("bot_command", 0, 14)),
		message(groupChat, bob, signedQuestion+" @ann", entity("mention", len(signedQuestion)+1, 4)),
		message(groupChat, ann, "", func(m map[string]any) {
			m["sticker"] = map[string]any{"file_id": "CAAC", "file_unique_id": "u", "type": "regular", "width": 512, "height": 512}
		}),
	)
	topics := message(groupChat, bob, "/topics@AzChina_Bot", entity("bot_command", 0, 19))
	f.push(topics)
	m = f.next(t)
	assert.Equal(t, msgID(topics), m.ReplyTo, "plain chatter, other bots' commands and stickers get nothing")
	assert.Contains(t, m.Text, "<b>Nə barədə cavab verə bilərəm</b>", "in the language Bob's Telegram reports")

	// A mention after two flags: entity offsets count UTF-16 units, two per flag letter.
	mentioned := message(groupChat, ann, "🇦🇿🇨🇳 @azchina_bot "+signedQuestion, entity("mention", 9, 12))
	f.push(mentioned)
	m = f.next(t)
	assert.Equal(t, msgID(mentioned), m.ReplyTo)
	assertCitedAnswer(t, m)

	// A reply to the bot's own message.
	replied := message(groupChat, bob, signedQuestion, func(m map[string]any) {
		m["reply_to_message"] = map[string]any{"message_id": 1, "date": 0, "chat": groupChat, "from": testBot, "text": "…"}
	})
	f.push(replied)
	m = f.next(t)
	assert.Equal(t, msgID(replied), m.ReplyTo)
	assertCitedAnswer(t, m)
	assert.Equal(t, 4, f.sentCount())
}

// Stickers, photos, joins, edits, channel posts, member updates and updates the wire
// types cannot read produce nothing and stop nothing.
func TestNonTextUpdatesAreIgnored(t *testing.T) {
	f := newBotAPI(t)
	run(t, f, nil)
	photo := []map[string]any{{"file_id": "p", "file_unique_id": "p", "width": 90, "height": 90}}
	f.push(
		message(annChat, ann, "", func(m map[string]any) {
			m["sticker"] = map[string]any{"file_id": "CAAC", "file_unique_id": "u", "type": "regular", "width": 512, "height": 512, "is_animated": false, "is_video": false}
		}),
		message(annChat, ann, "", func(m map[string]any) { m["photo"] = photo; m["caption"] = "/ask what is this?" }),
		message(groupChat, ann, "", func(m map[string]any) { m["new_chat_members"] = []map[string]any{bob} }),
		map[string]any{"edited_message": message(annChat, ann, signedQuestion)["message"]},
		map[string]any{"channel_post": message(map[string]any{"id": -1009, "type": "channel", "title": "News"}, nil, signedQuestion)["message"]},
		map[string]any{"my_chat_member": map[string]any{"chat": groupChat, "from": ann, "date": 0,
			"old_chat_member": map[string]any{"status": "left", "user": testBot},
			"new_chat_member": map[string]any{"status": "member", "user": testBot}}},
		map[string]any{"callback_query": map[string]any{"id": "1", "from": ann, "chat_instance": "x", "data": "/fact"}},
		message(annChat, map[string]any{"id": 77, "is_bot": true, "first_name": "Spam"}, signedQuestion),
	)
	f.pushRaw(`{"update_id": 100, "message": "not an object"}`)
	f.mu.Lock()
	f.nextID = 101
	f.mu.Unlock()
	u := message(annChat, ann, signedQuestion)
	f.push(u)
	m := f.next(t)
	assert.Equal(t, msgID(u), m.ReplyTo)
	assertCitedAnswer(t, m)
	assert.Equal(t, 1, f.sentCount(), "only the question was answered")
}

func TestTooManyRequestsRetriesAfterWithoutBlockingOthers(t *testing.T) {
	f := newBotAPI(t)
	refused := make(chan time.Time, 1)
	f.onSend = func(n int, m sent) (int, int) {
		if n == 0 {
			refused <- time.Now()
			return http.StatusTooManyRequests, 2
		}
		return 0, 0
	}
	run(t, f, nil)
	annQ := message(annChat, ann, signedQuestion)
	f.push(annQ)
	at := within(t, refused)

	bobQ := message(bobChat, bob, signedQuestion)
	f.push(bobQ)
	first := f.next(t)
	assert.Equal(t, msgID(bobQ), first.ReplyTo, "Bob is answered while Ann's chat waits out retry_after")

	second := f.next(t)
	assert.Equal(t, msgID(annQ), second.ReplyTo)
	assertCitedAnswer(t, second)
	assert.GreaterOrEqual(t, second.At.Sub(at), 2*time.Second, "sent again only after retry_after")

	sentinel := message(annChat, ann, "/help")
	f.push(sentinel)
	assert.Equal(t, msgID(sentinel), f.next(t).ReplyTo)
	assert.Equal(t, 3, f.sentCount(), "Ann's answer was delivered exactly once")
}

func TestGivesUpAfterBoundedRetries(t *testing.T) {
	f := newBotAPI(t)
	f.onSend = func(n int, m sent) (int, int) {
		if m.ChatID == 42 {
			return http.StatusTooManyRequests, 3600
		}
		return 0, 0
	}
	r := run(t, f, nil)
	f.push(message(annChat, ann, signedQuestion))
	bobQ := message(bobChat, bob, "/help")
	f.push(bobQ)
	assert.Equal(t, msgID(bobQ), f.next(t).ReplyTo)
	require.Eventually(t, func() bool { return strings.Contains(r.logs.String(), "reply not sent") }, 10*time.Second, 10*time.Millisecond,
		"a retry_after of an hour is not waited for")
	assert.Contains(t, r.logs.String(), "gave up after 1 tries")
}

func TestRedeliveredUpdateIsAnsweredOnce(t *testing.T) {
	f := newBotAPI(t)
	run(t, f, nil)
	u := message(annChat, ann, signedQuestion)
	f.push(u)
	assert.Equal(t, msgID(u), f.next(t).ReplyTo)
	f.redeliver(u)
	sentinel := message(annChat, ann, "/help")
	f.push(sentinel)
	assert.Equal(t, msgID(sentinel), f.next(t).ReplyTo, "the redelivered question is not answered again")
	assert.Equal(t, 2, f.sentCount())
}

// After a graceful restart, the new process is not given the updates the old one answered.
func TestRestartDoesNotRepeatAnswers(t *testing.T) {
	f := newBotAPI(t)
	first := run(t, f, nil)
	q1 := message(annChat, ann, signedQuestion)
	f.push(q1)
	assert.Equal(t, msgID(q1), f.next(t).ReplyTo)
	require.NoError(t, first.stop())

	run(t, f, nil)
	q2 := message(annChat, ann, "/help")
	f.push(q2)
	assert.Equal(t, msgID(q2), f.next(t).ReplyTo)
	assert.Equal(t, 2, f.sentCount())
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
	f := newBotAPI(t)
	run(t, f, bot.NewRouter(hostileEngine(t)))
	// The quote and the citation carry the article's markup, as text.
	f.push(message(annChat, ann, "How many documents did Azerbaijan and China sign in Beijing?"))
	m := f.next(t)
	checkHTML(t, m.Text)
	assert.Contains(t, m.Text, "&lt;b&gt;twenty&lt;/b&gt; documents &amp; agreements &lt;script&gt;")
	assert.Contains(t, m.Text, "&lt;b&gt;Pub&lt;/b&gt;, 2025-04-23, “&lt;i&gt;Evil&lt;/i&gt; &amp; &lt;a href=&#34;https://x.example&#34;&gt;co&lt;/a&gt;”")
	assert.NotContains(t, m.Text, "<a ")
	assert.NotContains(t, m.Text, "<script")

	// The user's own markup is not echoed as markup either.
	f.push(message(annChat, ann, `<b>How many</b> documents? <a href="https://x.example">x</a> *now* @everyone`))
	m = f.next(t)
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
	f := newBotAPI(t)
	gap := 200 * time.Millisecond
	run(t, f, bot.NewRouter(manyArticles(t)), WithSendRate(gap, 30))
	q := message(annChat, ann, "/sources")
	f.push(q)
	parts := []sent{f.next(t), f.next(t)}
	sentinel := message(annChat, ann, "/help")
	f.push(sentinel)
	assert.Equal(t, msgID(sentinel), f.next(t).ReplyTo, "the reply took two messages")
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
	f := newBotAPI(t)
	r := run(t, f, panicky{bot.NewRouter(seedEngine(t))})
	boom := message(annChat, ann, "boom")
	f.push(boom)
	m := f.next(t)
	assert.Equal(t, msgID(boom), m.ReplyTo)
	assert.Contains(t, m.Text, "Something went wrong")
	q := message(annChat, ann, signedQuestion)
	f.push(q)
	m = f.next(t)
	assert.Equal(t, msgID(q), m.ReplyTo)
	assertCitedAnswer(t, m)
	assert.Contains(t, r.logs.String(), "update handler panicked")
}

func TestWebhook(t *testing.T) {
	f := newBotAPI(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	run(t, f, nil, WithWebhook(Webhook{URL: "https://bot.example/tg/hook", Secret: "s3cret_-token", Listener: ln}))
	require.Eventually(t, func() bool { return f.count("setWebhook") == 1 }, 10*time.Second, 5*time.Millisecond)
	f.mu.Lock()
	set := f.webhooks[0]
	f.mu.Unlock()
	assert.Equal(t, "https://bot.example/tg/hook", set["url"])
	assert.Equal(t, "s3cret_-token", set["secret_token"])
	assert.JSONEq(t, `["message"]`, set["allowed_updates"])

	hook := "http://" + ln.Addr().String() + "/tg/hook"
	post := func(secret string, u map[string]any) int {
		body, err := json.Marshal(u)
		require.NoError(t, err)
		req, err := http.NewRequest(http.MethodPost, hook, strings.NewReader(string(body)))
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
	assert.Equal(t, http.StatusUnauthorized, post("wrong", forged))
	assert.Equal(t, http.StatusUnauthorized, post("", forged))
	resp, err := http.Get(hook)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)

	u := message(annChat, ann, signedQuestion)
	u["update_id"] = int64(2)
	assert.Equal(t, http.StatusOK, post("s3cret_-token", u))
	m := f.next(t)
	assert.Equal(t, msgID(u), m.ReplyTo)
	assertCitedAnswer(t, m)

	assert.Equal(t, http.StatusOK, post("s3cret_-token", u), "Telegram sends it again")
	sentinel := message(annChat, ann, "/help")
	sentinel["update_id"] = int64(3)
	assert.Equal(t, http.StatusOK, post("s3cret_-token", sentinel))
	assert.Equal(t, msgID(sentinel), f.next(t).ReplyTo)
	assert.Equal(t, 2, f.sentCount(), "neither the forged update nor the repeated one was answered")
	assert.Equal(t, 0, f.count("getUpdates"), "no polling with a webhook")
}

func TestWebhookNeedsASecret(t *testing.T) {
	_, err := New(testToken, nil, WithWebhook(Webhook{URL: "https://bot.example/hook", Listen: ":8443"}))
	assert.ErrorContains(t, err, "secret")
}

// On shutdown the reply in flight is finished, polling stops and Run returns nil.
func TestShutdownFinishesRepliesInFlight(t *testing.T) {
	f := newBotAPI(t)
	sending := make(chan struct{})
	release := make(chan struct{})
	f.onSend = func(n int, m sent) (int, int) {
		if n == 0 {
			close(sending)
			select { // the test releases it; the guard only keeps a failing test from hanging
			case <-release:
			case <-time.After(15 * time.Second):
			}
		}
		return 0, 0
	}
	r := run(t, f, nil)
	q := message(annChat, ann, signedQuestion)
	ids := f.push(q)
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
	m := f.next(t)
	assert.Equal(t, msgID(q), m.ReplyTo, "the reply in flight was delivered")
	assert.True(t, returned.After(m.At), "Run returned after the reply was sent, not before")
	f.mu.Lock()
	last := f.polls[len(f.polls)-1]
	f.mu.Unlock()
	assert.Equal(t, poll{Offset: ids[0] + 1, Timeout: 0}, last, "the handled update is confirmed on the way out")
}

// A reply that cannot be sent does not keep Run from returning.
func TestShutdownAbandonsStuckReplies(t *testing.T) {
	f := newBotAPI(t)
	sending := make(chan struct{})
	never := make(chan struct{})
	t.Cleanup(func() { close(never) })
	f.onSend = func(n int, m sent) (int, int) {
		close(sending)
		<-never
		return 0, 0
	}
	r := run(t, f, nil, WithShutdownGrace(100*time.Millisecond))
	f.push(message(annChat, ann, signedQuestion))
	within(t, sending)
	start := time.Now()
	require.NoError(t, r.stop())
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.Contains(t, r.logs.String(), "abandoned")
}

func TestRefusedTokenStopsRun(t *testing.T) {
	f := newBotAPI(t)
	a, err := New("42:wrong-token", bot.NewRouter(seedEngine(t)), WithAPIURL(f.URL))
	require.NoError(t, err)
	err = a.Run(context.Background())
	require.Error(t, err)
	assert.ErrorContains(t, err, "Unauthorized")
	assert.NotContains(t, err.Error(), "wrong-token")
}

// When the Bot API server goes away, the adapter keeps trying and says so, never with the
// token (the URLs it calls all hold it).
func TestServerDownIsLoggedWithoutToken(t *testing.T) {
	f := newBotAPI(t)
	r := run(t, f, nil)
	require.Eventually(t, func() bool { return f.count("getUpdates") > 0 }, 10*time.Second, time.Millisecond)
	f.CloseClientConnections()
	f.Close()
	require.Eventually(t, func() bool { return strings.Count(r.logs.String(), "get updates failed") >= 2 }, 10*time.Second, 5*time.Millisecond)
	assert.NotContains(t, r.logs.String(), testToken)
}

func TestNewNeedsAToken(t *testing.T) {
	_, err := New(" ", nil)
	assert.Error(t, err)
}
