package discordtest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot/discord/discordtest"
)

// OnDeliver tells of each message once, when it is delivered: a message sent again with
// its nonce, after Discord's answer to the first try was lost, is not delivered again.
func TestOnDeliver(t *testing.T) {
	s := discordtest.NewServer("tok")
	t.Cleanup(s.Close)
	var mu sync.Mutex
	var told []discordtest.Message
	s.OnDeliver(func(m discordtest.Message) {
		mu.Lock()
		defer mu.Unlock()
		told = append(told, m)
	})
	s.Fail("POST", "/api/v9/channels/", 1, http.StatusBadGateway, true)
	before := time.Now()
	post := func(body string) int { status, _ := post(t, s, body); return status }
	const first = `{"content": "a", "nonce": "n1", "enforce_nonce": true}`
	assert.Equal(t, http.StatusBadGateway, post(first), "delivered, but the answer says otherwise")
	assert.Equal(t, http.StatusOK, post(first))
	assert.Equal(t, http.StatusOK, post(`{"content": "b"}`))

	mu.Lock()
	defer mu.Unlock()
	require.Len(t, told, 2)
	assert.Equal(t, "a", told[0].Body["content"])
	assert.Equal(t, "b", told[1].Body["content"])
	for _, m := range told {
		assert.Equal(t, "7", m.ChannelID)
		assert.False(t, m.At.Before(before), "delivered at %v, before the first request", m.At)
	}
	assert.Equal(t, told, s.Delivered())
}

// post sends a message to channel 7 of s and returns the status and the decoded answer.
func post(t *testing.T, s *discordtest.Server, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest("POST", s.URL+"/api/v9/channels/7/messages", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bot tok")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

// OnRequest's function picks the requests that fail, and how; Fail goes before it.
func TestOnRequest(t *testing.T) {
	s := discordtest.NewServer("tok")
	t.Cleanup(s.Close)
	var mu sync.Mutex
	seen := map[string]bool{}
	s.OnRequest(func(r discordtest.Request) discordtest.Fault {
		mu.Lock()
		defer mu.Unlock()
		content, _ := r.JSON()["content"].(string)
		if seen[content] {
			return discordtest.Fault{}
		}
		seen[content] = true
		switch content {
		case "slow down":
			return discordtest.Fault{Status: http.StatusTooManyRequests, RetryAfter: 250 * time.Millisecond}
		case "lost answer":
			return discordtest.Fault{Status: http.StatusServiceUnavailable, Processed: true}
		case "failed":
			return discordtest.Fault{Status: http.StatusInternalServerError}
		}
		return discordtest.Fault{}
	})
	status, out := post(t, s, `{"content": "slow down"}`)
	assert.Equal(t, http.StatusTooManyRequests, status)
	assert.Equal(t, 0.25, out["retry_after"])
	status, _ = post(t, s, `{"content": "slow down"}`)
	assert.Equal(t, http.StatusOK, status)

	const lost = `{"content": "lost answer", "nonce": "n2", "enforce_nonce": true}`
	status, out = post(t, s, lost)
	assert.Equal(t, http.StatusServiceUnavailable, status)
	assert.Equal(t, "503: Service Unavailable", out["message"])
	status, _ = post(t, s, lost)
	assert.Equal(t, http.StatusOK, status)

	s.Fail("POST", "/api/v9/channels/", 1, http.StatusBadGateway, false)
	status, _ = post(t, s, `{"content": "failed"}`)
	assert.Equal(t, http.StatusBadGateway, status, "Fail goes first")
	status, _ = post(t, s, `{"content": "failed"}`)
	assert.Equal(t, http.StatusInternalServerError, status, "then OnRequest's function")
	status, _ = post(t, s, `{"content": "failed"}`)
	assert.Equal(t, http.StatusOK, status)

	var delivered []string
	for _, m := range s.Delivered() {
		delivered = append(delivered, m.Body["content"].(string))
	}
	assert.Equal(t, []string{"slow down", "lost answer", "failed"}, delivered, "each once")
}

// Slash commands are refused as Discord refuses them (400, code 50035), and the ones taken
// are kept with their localizations.
func TestServerChecksSlashCommands(t *testing.T) {
	s := discordtest.NewServer("token")
	defer s.Close()
	put := func(body string) (int, string) {
		t.Helper()
		req, err := http.NewRequest(http.MethodPut, s.URL+"/api/v9/applications/"+discordtest.AppID+"/commands", strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Authorization", "Bot token")
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		require.NoError(t, err)
		return res.StatusCode, string(b)
	}
	long := strings.Repeat("я", 101)
	tests := []struct{ name, body, want string }{
		{"upper case name", `[{"name":"Ask","description":"x"}]`, "name"},
		{"space in a name", `[{"name":"ask me","description":"x"}]`, "name"},
		{"no description", `[{"name":"ask","description":""}]`, "description"},
		{"long description", `[{"name":"ask","description":"` + long + `"}]`, "description"},
		{"Azerbaijani is no Discord locale", `[{"name":"ask","description":"x","description_localizations":{"az":"Sual ver"}}]`, `invalid locale "az"`},
		{"long localization", `[{"name":"ask","description":"x","description_localizations":{"ru":"` + long + `"}}]`, "description_localizations.ru"},
		{"bad option", `[{"name":"ask","description":"x","options":[{"name":"Q","description":"x"}]}]`, "option"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := put(tt.body)
			assert.Equal(t, http.StatusBadRequest, code, body)
			var e struct {
				Code    int
				Message string
			}
			require.NoError(t, json.Unmarshal([]byte(body), &e))
			assert.Equal(t, 50035, e.Code)
			assert.Contains(t, e.Message, tt.want)
		})
	}
	assert.Empty(t, s.Described("ask", ""), "nothing refused is kept")

	code, body := put(`[{"name":"ask","description":"Ask","description_localizations":{"ru":"Спросить","zh-CN":"提问"}}]`)
	require.Equal(t, http.StatusOK, code, body)
	assert.Equal(t, "Спросить", s.Described("ask", "ru"))
	assert.Equal(t, "Ask", s.Described("ask", "fr"))
	assert.Equal(t, []string{"ru", "zh-CN"}, s.Localized("ask"))
}
