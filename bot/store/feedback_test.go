package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
)

func TestFeedbackJournal(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "azchina.db"))
	require.NoError(t, err)
	defer db.Close()
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	ask := func(q string, answered bool, at time.Time) int64 {
		id, err := db.Record(ctx, bot.Asked{Platform: bot.Telegram, ChatID: "-1", UserID: "7", Question: q, Answered: answered, Answer: "an answer to " + q, At: at})
		require.NoError(t, err)
		return id
	}
	ask("What is the GDP of Azerbaijan?", false, now)
	ask("what is the gdp of azerbaijan? ", false, now.Add(time.Minute))
	ask("Who won the election?", false, now)
	ask("Old refused question", false, now.Add(-10*24*time.Hour))
	good := ask("How many documents were signed?", true, now)
	bad := ask("Where was the banquet?", true, now)
	refused := ask("Tell me a joke", false, now)

	ok, err := db.Vote(ctx, bad, bot.Telegram, "7", false, now)
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = db.Vote(ctx, bad, bot.Telegram, "7", false, now)
	require.NoError(t, err)
	assert.True(t, ok, "voting again replaces the vote")
	_, err = db.Vote(ctx, bad, bot.Discord, "7", false, now)
	require.NoError(t, err)
	_, err = db.Vote(ctx, good, bot.Telegram, "8", false, now)
	require.NoError(t, err)
	_, err = db.Vote(ctx, good, bot.Telegram, "8", true, now)
	require.NoError(t, err, "a user may change their mind")
	ok, err = db.Vote(ctx, refused, bot.Telegram, "7", false, now)
	require.NoError(t, err)
	assert.False(t, ok, "a refusal has no answer to vote on")
	ok, err = db.Vote(ctx, 9999, bot.Telegram, "7", true, now)
	require.NoError(t, err)
	assert.False(t, ok)

	g, err := db.Gaps(ctx, now.Add(-7*24*time.Hour), 10)
	require.NoError(t, err)
	require.Len(t, g.Refused, 3)
	assert.Equal(t, 2, g.Refused[0].Count, "the same question, written two ways, counts twice")
	assert.Equal(t, "What is the GDP of Azerbaijan?", g.Refused[0].Question)
	require.Len(t, g.VotedDown, 1, "one vote per user; the changed vote is up")
	assert.Equal(t, "Where was the banquet?", g.VotedDown[0].Question)
	assert.Equal(t, 2, g.VotedDown[0].Count, "one vote per user and platform")
}
