package bot_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/ops"
	"github.com/azchina/azchina/bot/store"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

func TestVotesAndGaps(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "azchina.db"))
	require.NoError(t, err)
	defer db.Close()
	e := knowledgetest.Seeds(t)
	r := bot.NewRouter(e, bot.WithJournal(db))
	msgIn := func(chat, user, text string, moderator bool) bot.Message {
		return bot.Message{Platform: bot.Telegram, ChatID: chat, ChatKind: bot.Group, UserID: user, Text: text, BotName: "azchina_bot",
			Moderator: func(context.Context) (bool, error) { return moderator, nil }}
	}
	msg := func(user, text string, moderator bool) bot.Message { return msgIn("-100", user, text, moderator) }

	answer, ok := r.Handle(ctx, msg("1", "/ask Where was the welcoming banquet held?", false))
	require.True(t, ok)
	require.Equal(t, bot.AnswerReply, answer.Kind)
	require.NotEmpty(t, answer.AnswerID, "an answer carries the ID its vote buttons use")
	for _, user := range []string{"1", "2"} {
		got := r.Vote(ctx, bot.Telegram, user, answer.AnswerID, false)
		assert.Contains(t, got.Text, "Thanks")
	}
	r.Vote(ctx, bot.Telegram, "2", answer.AnswerID, false) // one vote per user
	assert.Contains(t, r.Vote(ctx, bot.Telegram, "3", "no such answer", true).Text, "could not")

	refusal, _ := r.Handle(ctx, msg("4", "/ask What is the GDP of Azerbaijan?", false))
	assert.Empty(t, refusal.AnswerID, "no buttons under a refusal")
	r.Handle(ctx, msg("5", "/ask what is the GDP of Azerbaijan?", false))
	r.Handle(ctx, msgIn("-200", "6", "/ask Who won the football match?", false))

	denied, ok := r.Handle(ctx, msg("4", "/gaps", false))
	require.True(t, ok)
	assert.Contains(t, denied.Text, "Only moderators")

	gaps, ok := r.Handle(ctx, msg("9", "/gaps", true))
	require.True(t, ok)
	require.Equal(t, bot.ListReply, gaps.Kind)
	assert.True(t, gaps.Private, "shown to the moderator only")
	all := strings.Join(gaps.Items, "\n")
	assert.Contains(t, all, "Asked 2×: What is the GDP of Azerbaijan?")
	assert.Contains(t, all, "Refused 2×: What is the GDP of Azerbaijan?")
	assert.Contains(t, all, "Voted down 2×: Where was the welcoming banquet held?")
	assert.NotContains(t, all, "football", "another chat's questions are its own")

	empty, ok := r.Handle(ctx, msgIn("-300", "9", "/gaps", true))
	require.True(t, ok)
	assert.Contains(t, empty.Text, "in the last 7 days")
	assert.True(t, empty.Private)
}

// scrape reads the metrics as Prometheus does, from the ops endpoint's /metrics.
func scrape(t *testing.T, m *ops.Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	ops.Handler(m, ops.NewHealth()).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	b, err := io.ReadAll(rec.Body)
	require.NoError(t, err)
	return string(b)
}

// Votes the journal records are counted in azchina_votes_total, by platform and vote; one
// on no answer is not.
func TestVotesAreCounted(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "azchina.db"))
	require.NoError(t, err)
	defer db.Close()
	e := knowledgetest.Seeds(t)
	metrics := ops.NewMetrics()
	r := bot.NewRouter(e, bot.WithJournal(db), bot.WithObserver(metrics))
	answer, ok := r.Handle(ctx, bot.Message{Platform: bot.Discord, ChatID: "1", UserID: "1", Text: "Where was the welcoming banquet held?"})
	require.True(t, ok)
	require.NotEmpty(t, answer.AnswerID)

	r.Vote(ctx, bot.Discord, "1", answer.AnswerID, true)
	r.Vote(ctx, bot.Discord, "2", answer.AnswerID, true)
	r.Vote(ctx, bot.Discord, "3", answer.AnswerID, false)
	r.Vote(ctx, bot.Discord, "4", "no such answer", false)
	r.Vote(ctx, bot.Telegram, "5", answer.AnswerID, false) // not an answer given on Telegram

	body := scrape(t, metrics)
	assert.Contains(t, body, `azchina_votes_total{platform="discord",vote="up"} 2`)
	assert.Contains(t, body, `azchina_votes_total{platform="discord",vote="down"} 1`)
	assert.NotContains(t, body, `azchina_votes_total{platform="telegram"`)
}
