package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"sync"
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

// The journal keeps questions, and the votes on them, for Retention: older ones go when the
// file is opened, and once a day while it stays open.
func TestJournalIsPruned(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "azchina.db")
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); defer mu.Unlock(); now = now.Add(d) }

	db, err := Open(ctx, path, WithClock(clock))
	require.NoError(t, err)
	ask := func(q string, at time.Time) int64 {
		t.Helper()
		id, err := db.Record(ctx, bot.Asked{Platform: bot.Telegram, ChatID: "-1", UserID: "7", Question: q, Answered: true, Answer: "an answer", At: at})
		require.NoError(t, err)
		ok, err := db.Vote(ctx, id, bot.Telegram, "8", false, at)
		require.NoError(t, err)
		require.True(t, ok)
		return id
	}
	old := ask("Asked 40 days ago", now.Add(-40*24*time.Hour))
	edge := ask("Asked 29 days ago", now.Add(-29*24*time.Hour))
	recent := ask("Asked 10 days ago", now.Add(-10*24*time.Hour))
	require.NoError(t, db.Close())

	// count returns how many questions and votes the file holds, read with SQL of its own.
	count := func(id int64) (questions, votes int) {
		t.Helper()
		raw, err := sql.Open("sqlite", path)
		require.NoError(t, err)
		defer raw.Close()
		require.NoError(t, raw.QueryRow(`SELECT COUNT(*) FROM questions WHERE id = ?`, id).Scan(&questions))
		require.NoError(t, raw.QueryRow(`SELECT COUNT(*) FROM votes WHERE question_id = ?`, id).Scan(&votes))
		return questions, votes
	}
	q, v := count(old)
	require.Equal(t, [2]int{1, 1}, [2]int{q, v}, "kept while the file is closed")

	db, err = Open(ctx, path, WithClock(clock))
	require.NoError(t, err)
	defer db.Close()
	for id, want := range map[int64][2]int{old: {0, 0}, edge: {1, 1}, recent: {1, 1}} {
		q, v := count(id)
		assert.Equal(t, want, [2]int{q, v}, "question %d after opening", id)
	}
	ok, err := db.Vote(ctx, old, bot.Telegram, "9", true, now)
	require.NoError(t, err)
	assert.False(t, ok, "a pruned answer takes no votes")

	// Two days on, the 29-day-old question is past Retention: the next question recorded
	// prunes it; the 10-day-old one stays.
	advance(2 * 24 * time.Hour)
	ask("Asked today", now)
	for id, want := range map[int64][2]int{edge: {0, 0}, recent: {1, 1}} {
		q, v := count(id)
		assert.Equal(t, want, [2]int{q, v}, "question %d a day later", id)
	}
	g, err := db.Gaps(ctx, bot.Telegram, "-1", time.Time{}, 10)
	require.NoError(t, err)
	require.Len(t, g.VotedDown, 2)
	assert.Equal(t, "Asked 10 days ago", g.VotedDown[0].Question)
	assert.Equal(t, "Asked today", g.VotedDown[1].Question)
}
