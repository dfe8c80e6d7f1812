package discordtest_test

import (
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
	post := func(body string) int {
		req, err := http.NewRequest("POST", s.URL+"/api/v9/channels/7/messages", strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Authorization", "Bot tok")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
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
