package telegram

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
	"github.com/azchina/azchina/bot/ops"
	"github.com/azchina/azchina/bot/telegram/telegramtest"
	"github.com/azchina/azchina/knowledge"
)

var (
	_ Metrics = (*ops.Metrics)(nil)
	_ Health  = (*ops.Health)(nil)
)

// counter reads a counter of the telegram platform from the /metrics page.
func counter(t *testing.T, m *ops.Metrics, name string) int {
	t.Helper()
	rec := httptest.NewRecorder()
	ops.Handler(m, ops.NewHealth()).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body, err := io.ReadAll(rec.Body)
	require.NoError(t, err)
	match := regexp.MustCompile(`(?m)^` + name + `\{platform="telegram"\} (\d+)$`).FindSubmatch(body)
	if match == nil {
		return 0
	}
	n, err := strconv.Atoi(string(match[1]))
	require.NoError(t, err)
	return n
}

// An adapter is down in /healthz from the moment it is made, not only once it runs: the
// bot is never reported up while one of its adapters has yet to connect.
func TestDownUntilItRuns(t *testing.T) {
	health := ops.NewHealth()
	_, err := New(testToken, nil, WithHealth(health))
	require.NoError(t, err)
	states, up := health.States()
	assert.False(t, up)
	assert.False(t, states["telegram"].Up)
	assert.Equal(t, "not started", states["telegram"].Detail)
}

// The adapter reports its connection to /healthz — up once connected, down while
// getUpdates fails, up again after — and counts reconnects, retries and send errors for
// /metrics.
func TestHealthAndMetrics(t *testing.T) {
	f := fakeAPI(t)
	health, metrics := ops.NewHealth(), ops.NewMetrics()
	state := func() ops.State {
		states, _ := health.States()
		return states["telegram"]
	}
	r := run(t, f, nil, WithHealth(health), WithMetrics(metrics))
	require.Eventually(t, func() bool { return state().Up }, 10*time.Second, 5*time.Millisecond)
	assert.Equal(t, "connected as @azchina_bot", state().Detail)

	f.Break("getUpdates", telegramtest.Fault{Code: http.StatusBadGateway})
	f.CloseClientConnections() // ends the long poll waiting
	require.Eventually(t, func() bool { return !state().Up }, 10*time.Second, 5*time.Millisecond)
	assert.Contains(t, state().Detail, "getUpdates failing")
	assert.NotContains(t, state().Detail, testToken)
	f.Mend("getUpdates")
	require.Eventually(t, func() bool { return state().Up }, 10*time.Second, 5*time.Millisecond)
	assert.Equal(t, 1, counter(t, metrics, "azchina_reconnects_total"))

	f.Fail("sendMessage", telegramtest.Fault{Code: http.StatusServiceUnavailable})
	q := message(annChat, ann, "/help")
	f.Push(q)
	assert.Equal(t, msgID(q), next(t, f).ReplyTo)
	assert.Equal(t, 1, counter(t, metrics, "azchina_send_retries_total"))
	assert.Equal(t, 0, counter(t, metrics, "azchina_send_errors_total"))

	f.NeverStarted(43)
	f.Push(message(bobChat, bob, "/help"))
	require.Eventually(t, func() bool { return counter(t, metrics, "azchina_send_errors_total") == 1 }, 10*time.Second, 5*time.Millisecond)

	a := knowledge.Answer{Answered: true, Text: "A fact. [1]", Citations: []knowledge.Citation{{Source: "a.txt", Paragraph: 1}}}
	d := digest.Digest{Channel: digest.Channel{Platform: bot.Telegram, ChatID: "-1001234"}, Title: "Facts",
		Items: []digest.Item{{Fact: "a", Answer: a}}}
	require.NoError(t, r.PostDigest(context.Background(), d))
	next(t, f)
	assert.Equal(t, 0, counter(t, metrics, "azchina_digests_posted_total"), "the scheduler counts digests, once a day, not the adapter per send")

	require.NoError(t, r.stop())
	assert.False(t, state().Up)
	assert.Equal(t, "stopped", state().Detail)
	assert.False(t, strings.Contains(r.logs.String(), testToken))
}
