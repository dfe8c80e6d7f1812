package telegram

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
	"github.com/azchina/azchina/bot/store"
	"github.com/azchina/azchina/bot/telegram/telegramtest"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

// digestBot is an adapter whose router answers /digest with a scheduler on a real SQLite
// store, and posts the digests through the adapter.
type digestBot struct {
	*running
	db        *store.DB
	scheduler *digest.Scheduler
}

func runDigestBot(t *testing.T, f *telegramtest.Server, opts ...Option) digestBot {
	t.Helper()
	db := openStore(t, filepath.Join(t.TempDir(), "azchina.db"))
	posters := digest.Posters{}
	s := digest.New(db, knowledgetest.Seeds(t), posters)
	r := run(t, f, bot.NewRouter(knowledgetest.Seeds(t), bot.WithCommand("digest", s)), opts...)
	posters[r.Platform()] = r.Adapter
	return digestBot{running: r, db: db, scheduler: s}
}

// shown is the text Telegram shows for a message: its HTML parsed.
func shown(t *testing.T, m telegramtest.Sent) string {
	t.Helper()
	text, err := telegramtest.CheckHTML(m.Text)
	require.NoError(t, err)
	return text
}

var students = digest.Channel{Platform: bot.Telegram, ChatID: "-1001234"}

// assertDigest checks a posted digest: a dated title, quotes and their numbered citations.
func assertDigest(t *testing.T, m telegramtest.Sent, facts int) {
	t.Helper()
	assert.Equal(t, "HTML", m.ParseMode)
	assert.Regexp(t, `^<b>Azerbaijan–China: facts for \w+day, \d{1,2} \w+ 20\d\d</b>\n• `, m.Text)
	assert.Equal(t, facts, strings.Count(m.Text, "• "), "one line per fact")
	for i := 1; i <= facts; i++ {
		assert.Regexp(t, `\n<b>\[`+string(rune('0'+i))+`\]</b> .+\.txt ¶\d+`, m.Text, "citation %d", i)
	}
	assert.Empty(t, m.Markup, "no vote buttons under a digest")
}

func TestDigestNowByAnAdministrator(t *testing.T) {
	f := fakeAPI(t)
	f.SetMember(-1001234, 42, "administrator")
	b := runDigestBot(t, f)
	f.Push(message(groupChat, ann, "/digest now"))
	m := next(t, f)
	assert.Equal(t, int64(-1001234), m.ChatID)
	assert.Zero(t, m.ReplyTo, "a digest stands on its own")
	assertDigest(t, m, digest.DefaultCount)
	member := f.Calls("getChatMember")
	require.Len(t, member, 1)
	assert.Equal(t, "-1001234", member[0]["chat_id"])
	assert.Equal(t, "42", member[0]["user_id"])

	again := message(groupChat, ann, "/digest now")
	f.Push(again)
	m = next(t, f)
	assert.Equal(t, msgID(again), m.ReplyTo)
	assert.Contains(t, m.Text, "was posted here already")
	posts, err := b.db.Posts(context.Background(), students, 5)
	require.NoError(t, err)
	require.Len(t, posts, 1)
	assert.Equal(t, digest.Sent, posts[0].State)
}

// Members who are not administrators are refused, and nothing is stored; the creator
// and an anonymous admin (writing as the group) are moderators.
func TestDigestIsForModeratorsOnly(t *testing.T) {
	f := fakeAPI(t)
	f.SetMember(-1001234, 43, "creator")
	b := runDigestBot(t, f)
	ctx := context.Background()

	refused := []map[string]any{
		message(groupChat, ann, "/digest schedule 09:00 Asia/Baku"),
		message(groupChat, ann, "/digest now"),
		message(groupChat, ann, "/digest@azchina_bot preview"),
		message(groupChat, ann, "/digest schedule 09:00 Asia/Baku", telegramtest.AsChat(telegramtest.Supergroup(-100777, "Another group"))),
		message(annChat, ann, "/digest schedule 09:00 Asia/Baku"),
	}
	want := []string{"Only moderators can schedule the digest here.", "Only moderators can post the digest here.",
		"Only moderators can preview the digest here.", "Only moderators can schedule the digest here.",
		"Only moderators can schedule the digest here."}
	f.Push(refused...)
	got := map[int]string{}
	for range refused {
		m := next(t, f)
		got[m.ReplyTo] = shown(t, m)
	}
	for i, q := range refused {
		assert.Equal(t, want[i], got[msgID(q)])
	}
	_, err := b.db.Schedule(ctx, students)
	assert.ErrorIs(t, err, digest.ErrNotFound, "nothing stored")
	posts, err := b.db.Posts(ctx, students, 5)
	require.NoError(t, err)
	assert.Empty(t, posts, "nothing posted")

	f.Push(message(groupChat, bob, "/digest schedule 09:00 Asia/Baku 2"))
	assert.Contains(t, next(t, f).Text, "Scheduled: 2 facts here every day at 09:00 (Asia/Baku).")
	sc, err := b.db.Schedule(ctx, students)
	require.NoError(t, err)
	assert.Equal(t, 2, sc.Count)

	calls := f.Count("getChatMember")
	f.Push(message(groupChat, nil, "/digest stop", telegramtest.AsChat(groupChat)))
	assert.Equal(t, "Stopped the daily digest here. /digest schedule starts it again.", shown(t, next(t, f)))
	assert.Equal(t, calls, f.Count("getChatMember"), "an anonymous admin needs no getChatMember")
}

// /digest preview goes to the moderator's private chat, and the group is told; a
// moderator who never started the bot is told to, in the group.
func TestDigestPreviewIsPrivate(t *testing.T) {
	f := fakeAPI(t)
	f.SetMember(-1001234, 42, "administrator")
	f.SetMember(-1001234, 43, "administrator")
	f.NeverStarted(43)
	runDigestBot(t, f)

	q := message(groupChat, ann, "/digest preview")
	f.Push(q)
	private := next(t, f)
	assert.Equal(t, int64(42), private.ChatID, "to Ann's private chat")
	assert.Zero(t, private.ReplyTo)
	assertDigest(t, private, digest.DefaultCount)
	note := next(t, f)
	assert.Equal(t, int64(-1001234), note.ChatID)
	assert.Equal(t, msgID(q), note.ReplyTo)
	assert.Equal(t, "I sent it to you in a private chat.", shown(t, note))

	q = message(groupChat, bob, "/digest preview")
	f.Push(q)
	note = next(t, f)
	assert.Equal(t, int64(-1001234), note.ChatID)
	assert.Equal(t, msgID(q), note.ReplyTo)
	assert.Equal(t, "I can't send you a private message yet: open a private chat with @azchina_bot, press Start, and ask again here.", shown(t, note))
	assert.Len(t, f.Sent(), 3, "the preview never reached the group")

	q = message(groupChat, nil, "/digest preview", telegramtest.AsChat(groupChat))
	f.Push(q)
	note = next(t, f)
	assert.Equal(t, msgID(q), note.ReplyTo)
	assert.Contains(t, note.Text, "anonymous admin")
}

// The scheduler's digests go out through the adapter, within Telegram's limits even at
// the largest size, and follow a group that has become a supergroup.
func TestPostDigest(t *testing.T) {
	f := fakeAPI(t)
	f.Migrate(-4242, -1004242)
	b := runDigestBot(t, f)
	ctx := context.Background()
	day, err := digest.ParseDay("2026-03-29")
	require.NoError(t, err)
	d, err := b.scheduler.Preview(ctx, digest.Channel{Platform: bot.Telegram, ChatID: "-4242"}, day, digest.MaxCount)
	require.NoError(t, err)
	require.NoError(t, b.PostDigest(ctx, d))
	var text string
	for !strings.Contains(text, "<b>[10]</b>") {
		m := next(t, f)
		assert.Equal(t, int64(-1004242), m.ChatID)
		assert.LessOrEqual(t, telegramtest.UTF16Len(m.Text), MaxMessage)
		text += m.Text + "\n"
	}
	assert.True(t, strings.HasPrefix(text, "<b>Azerbaijan–China: facts for Sunday, 29 March 2026</b>\n• "))
	assert.Equal(t, 10, strings.Count(text, "• "))
	for _, it := range d.Items {
		quote := strings.TrimSuffix(it.Answer.Text, " [1]")
		assert.Contains(t, text, esc(quote), "each fact quoted verbatim")
	}

	d.Channel.ChatID = "not-a-chat"
	assert.ErrorContains(t, b.PostDigest(ctx, d), "not a Telegram chat ID")
	assert.Equal(t, bot.Telegram, b.Platform())
}
