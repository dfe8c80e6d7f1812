package bot_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/ops"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

// A question the engine could not answer (its context ended: the chat went away, the
// process is stopping) is counted as failed, with its time, and the user is told to try
// again; it is neither answered nor refused.
func TestFailedQuestionIsCounted(t *testing.T) {
	e := knowledgetest.Seeds(t)
	metrics := ops.NewMetrics()
	r := bot.NewRouter(e, bot.WithObserver(metrics))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got, ok := r.Handle(ctx, bot.Message{Platform: bot.Telegram, ChatID: "1", UserID: "1", Text: "How many documents were signed in 2019?"})
	require.True(t, ok)
	assert.Equal(t, bot.NoticeReply, got.Kind)
	assert.Contains(t, got.Text, "try again")

	body := scrape(t, metrics)
	assert.Contains(t, body, `azchina_questions_total{outcome="failed",platform="telegram"} 1`)
	assert.Contains(t, body, `azchina_answer_seconds_count{platform="telegram"} 1`)
	assert.NotContains(t, body, `outcome="answered"`)
	assert.NotContains(t, body, `outcome="refused"`)
}
