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
	askIn := func(platform bot.Platform, chat, q string, answered bool, at time.Time) int64 {
		id, err := db.Record(ctx, bot.Asked{Platform: platform, ChatID: chat, UserID: "7", Question: q, Answered: answered, Answer: "an answer to " + q, At: at})
		require.NoError(t, err)
		return id
	}
	ask := func(q string, answered bool, at time.Time) int64 { return askIn(bot.Telegram, "-1", q, answered, at) }
	ask("What is the GDP of Azerbaijan?", false, now)
	ask("what is the gdp of azerbaijan? ", false, now.Add(time.Minute))
	ask("Who won the election?", false, now)
	ask("Old refused question", false, now.Add(-10*24*time.Hour))
	good := ask("How many documents were signed?", true, now)
	ask("how many documents were signed?", true, now.Add(time.Minute))
	ask("How many documents were signed?", true, now.Add(2*time.Minute))
	bad := ask("Where was the banquet?", true, now)
	refused := ask("Tell me a joke", false, now)
	// Other chats' questions are theirs: the same chat ID on another platform too.
	for range 5 {
		askIn(bot.Telegram, "-2", "Another chat's question", false, now)
		askIn(bot.Discord, "-1", "A Discord channel's question", false, now)
	}
	elsewhere := askIn(bot.Telegram, "-2", "Another chat's answer", true, now)

	ok, err := db.Vote(ctx, bad, bot.Telegram, "7", false, now)
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = db.Vote(ctx, bad, bot.Telegram, "7", false, now)
	require.NoError(t, err)
	assert.True(t, ok, "voting again replaces the vote")
	_, err = db.Vote(ctx, bad, bot.Telegram, "8", false, now)
	require.NoError(t, err)
	ok, err = db.Vote(ctx, bad, bot.Discord, "9", false, now)
	require.NoError(t, err)
	assert.False(t, ok, "an answer is voted on only where it was given")
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
	_, err = db.Vote(ctx, elsewhere, bot.Telegram, "7", false, now)
	require.NoError(t, err)

	g, err := db.Gaps(ctx, bot.Telegram, "-1", now.Add(-7*24*time.Hour), 10)
	require.NoError(t, err)
	require.Len(t, g.Asked, 2, "questions asked twice or more: %+v", g.Asked)
	assert.Equal(t, bot.Gap{Question: "How many documents were signed?", Count: 3}, g.Asked[0])
	assert.Equal(t, bot.Gap{Question: "What is the GDP of Azerbaijan?", Count: 2}, g.Asked[1])
	require.Len(t, g.Refused, 3, "%+v", g.Refused)
	assert.Equal(t, 2, g.Refused[0].Count, "the same question, written two ways, counts twice")
	assert.Equal(t, "What is the GDP of Azerbaijan?", g.Refused[0].Question)
	require.Len(t, g.VotedDown, 1, "one vote per user; the changed vote is up")
	assert.Equal(t, "Where was the banquet?", g.VotedDown[0].Question)
	assert.Equal(t, "an answer to Where was the banquet?", g.VotedDown[0].Answer)
	assert.Equal(t, 2, g.VotedDown[0].Count, "one vote per user")

	limited, err := db.Gaps(ctx, bot.Telegram, "-1", now.Add(-7*24*time.Hour), 1)
	require.NoError(t, err)
	assert.Len(t, limited.Refused, 1)

	none, err := db.Gaps(ctx, bot.Discord, "-3", now.Add(-7*24*time.Hour), 10)
	require.NoError(t, err)
	assert.Equal(t, bot.Gaps{}, none)
}
