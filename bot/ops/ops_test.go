package ops

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	require.NoError(t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, string(body)
}

func TestHealthz(t *testing.T) {
	h := NewHealth()
	srv := httptest.NewServer(Handler(NewMetrics(), h))
	defer srv.Close()
	h.Set("telegram", true, "connected as @azchina_bot")
	h.Set("discord", false, "connecting")
	code, body := get(t, srv.URL+"/healthz")
	assert.Equal(t, http.StatusServiceUnavailable, code, "one adapter down")
	var got struct {
		OK       bool             `json:"ok"`
		Adapters map[string]State `json:"adapters"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &got))
	assert.False(t, got.OK)
	assert.True(t, got.Adapters["telegram"].Up)
	h.Set("discord", true, "ready")
	code, _ = get(t, srv.URL+"/healthz")
	assert.Equal(t, http.StatusOK, code)
}

func TestMetrics(t *testing.T) {
	m := NewMetrics()
	srv := httptest.NewServer(Handler(m, NewHealth()))
	defer srv.Close()
	m.Question("telegram", Answered, 80*time.Microsecond)
	m.Question("telegram", RateLimited, 0)
	m.SendError("discord")
	m.Retry("discord")
	m.DigestPosted("telegram")
	m.Reconnect("discord")
	m.Vote("telegram", "down")
	code, body := get(t, srv.URL+"/metrics")
	require.Equal(t, http.StatusOK, code)
	for _, want := range []string{
		`azchina_questions_total{outcome="answered",platform="telegram"} 1`,
		`azchina_questions_total{outcome="rate_limited",platform="telegram"} 1`,
		`azchina_answer_seconds_count{platform="telegram"} 1`,
		`azchina_send_errors_total{platform="discord"} 1`,
		`azchina_send_retries_total{platform="discord"} 1`,
		`azchina_digests_posted_total{platform="telegram"} 1`,
		`azchina_reconnects_total{platform="discord"} 1`,
		`azchina_votes_total{platform="telegram",vote="down"} 1`,
		"go_goroutines",
	} {
		assert.Contains(t, body, want)
	}
}

func TestNilIsSafe(t *testing.T) {
	var m *Metrics
	var h *Health
	m.Question("x", Answered, time.Millisecond)
	m.SendError("x")
	h.Set("x", true, "")
}
