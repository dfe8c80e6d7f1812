package telegram

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/telegram/telegramtest"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

func TestParseVote(t *testing.T) {
	tests := []struct {
		data string
		id   string
		up   bool
		ok   bool
	}{
		{"vote:up:12", "12", true, true},
		{"vote:down:7", "7", false, true},
		{"vote:sideways:7", "", false, false},
		{"vote:up:", "", false, false},
		{"vote:up", "", false, false},
		{"/fact", "", false, false},
		{"", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.data, func(t *testing.T) {
			id, up, ok := parseVote(tt.data)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.id, id)
			assert.Equal(t, tt.up, up)
		})
	}
}

// Answers carry 👍/👎 buttons; a press is a vote, one per user per answer, stored in the
// journal, and every press is answered with answerCallbackQuery.
func TestVoteButtons(t *testing.T) {
	f := fakeAPI(t)
	db := openStore(t, filepath.Join(t.TempDir(), "azchina.db"))
	run(t, f, bot.NewRouter(knowledgetest.Seeds(t), bot.WithJournal(db)))

	f.Push(message(groupChat, ann, "/ask "+signedQuestion))
	answer := next(t, f)
	assertCitedAnswer(t, answer)
	buttons := answer.Buttons()
	require.Len(t, buttons, 2, "the fake Bot API accepted the keyboard: %s", answer.Markup)
	assert.NotContains(t, answer.Markup, "copy_text")
	up, down := buttons[0], buttons[1]
	assert.Regexp(t, `^vote:up:\d+$`, up)
	assert.Regexp(t, `^vote:down:\d+$`, down)

	f.Push(message(groupChat, ann, "/help"), message(groupChat, ann, "/ask What is the capital of France?"))
	assert.Empty(t, next(t, f).Markup, "no buttons under a notice")
	assert.Empty(t, next(t, f).Markup, "nor under a refusal")

	answered := func(n int) telegramtest.Params {
		t.Helper()
		require.Eventually(t, func() bool { return f.Count("answerCallbackQuery") >= n }, 10*time.Second, 5*time.Millisecond)
		calls := f.Calls("answerCallbackQuery")
		require.Len(t, calls, n)
		return calls[n-1]
	}
	votedDown := func() int {
		t.Helper()
		g, err := db.Gaps(context.Background(), bot.Telegram, "-1001234", time.Now().Add(-time.Hour), 10)
		require.NoError(t, err)
		if len(g.VotedDown) == 0 {
			return 0
		}
		return g.VotedDown[0].Count
	}

	f.Push(telegramtest.Callback(ann, answer, down))
	a := answered(1)
	assert.Contains(t, a["text"], "Moderators see answers voted down in /gaps")
	assert.NotEmpty(t, a["callback_query_id"])
	f.Push(telegramtest.Callback(bob, answer, down))
	answered(2)
	assert.Equal(t, 2, votedDown())

	f.Push(telegramtest.Callback(ann, answer, up))
	assert.Equal(t, "Thanks! Glad it helped.", answered(3)["text"])
	assert.Equal(t, 1, votedDown(), "Ann's second vote replaced her first")

	f.Push(telegramtest.Callback(ann, answer, "vote:sideways:1"))
	assert.Equal(t, "I could not record that vote.", answered(4)["text"])
	f.Push(telegramtest.Callback(ann, answer, "vote:up:999999"))
	assert.Equal(t, "That answer is no longer open for votes.", answered(5)["text"])
	assert.Len(t, f.Sent(), 3, "votes send no messages")
}

// A handler that keeps no votes still answers every press.
func TestVoteWithoutVoter(t *testing.T) {
	f := fakeAPI(t)
	run(t, f, panicky{bot.NewRouter(knowledgetest.Seeds(t))})
	f.Push(telegramtest.Callback(ann, telegramtest.Sent{MessageID: 5, ChatID: 42}, "vote:up:1"))
	require.Eventually(t, func() bool { return f.Count("answerCallbackQuery") == 1 }, 10*time.Second, 5*time.Millisecond)
	assert.Equal(t, "Votes are not recorded here.", f.Calls("answerCallbackQuery")[0]["text"])
}
