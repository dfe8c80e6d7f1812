package discord

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countRetries counts the retries a rest reports.
type countRetries struct {
	noMetrics
	n atomic.Int32
}

func (c *countRetries) Retry(string) { c.n.Add(1) }

func TestRESTRetries(t *testing.T) {
	// Each answer is a status and a body; "drop" closes the connection instead.
	tests := []struct {
		name     string
		answers  []string
		deadline time.Duration
		calls    int
		err      string // "" for success
	}{
		{"ok", []string{"200 {}"}, 0, 1, ""},
		{"429 then ok", []string{`429 {"retry_after":0.05}`, "200 {}"}, 0, 2, ""},
		{"5xx then ok", []string{"502 {}", "200 {}"}, 0, 2, ""},
		{"a dropped connection then ok", []string{"drop", "200 {}"}, 0, 2, ""},
		{"5xx three times", []string{"500 {}", "500 {}", "500 {}", "200 {}"}, 0, 3, "Discord answered 500 Internal Server Error"},
		{"a refusal is not retried", []string{`403 {"message":"Missing Permissions","code":50013}`}, 0, 1,
			"Discord answered 403 Forbidden: Missing Permissions (code 50013)"},
		{"a long 429 is not waited out", []string{`429 {"retry_after":60}`, "200 {}"}, 0, 1, "not retried: Discord asks to wait 1m0s"},
		{"a 429 past the deadline", []string{`429 {"retry_after":2}`, "200 {}"}, time.Second, 1, "past the deadline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				assert.Equal(t, "Bot secret-token", r.Header.Get("Authorization"))
				assert.Equal(t, userAgent, r.Header.Get("User-Agent"))
				answer := tt.answers[min(int(calls.Add(1))-1, len(tt.answers)-1)]
				if answer == "drop" {
					conn, _, err := w.(http.Hijacker).Hijack()
					require.NoError(t, err)
					conn.Close()
					return
				}
				code, body, _ := strings.Cut(answer, " ")
				status, err := strconv.Atoi(code)
				require.NoError(t, err)
				w.WriteHeader(status)
				fmt.Fprint(w, body)
			}))
			defer srv.Close()
			base, err := url.Parse(srv.URL)
			require.NoError(t, err)
			retries := &countRetries{}
			c := newREST(base, "secret-token", srv.Client(), retries)
			ctx := context.Background()
			if tt.deadline > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.deadline)
				defer cancel()
			}
			err = c.do(ctx, "POST", "/interactions/1/interaction-token-xyz/callback", map[string]string{"a": "b"}, nil)
			assert.Equal(t, tt.calls, int(calls.Load()), "calls")
			assert.Equal(t, tt.calls-1, int(retries.n.Load()), "retries counted")
			if tt.err == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
			assert.NotContains(t, err.Error(), "interaction-token-xyz", "errors never hold a URL")
			assert.NotContains(t, err.Error(), "secret-token")
		})
	}
}

func TestRESTTransportErrorHoldsNoURL(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	base, _ := url.Parse(srv.URL)
	srv.Close() // nothing listens any more
	c := newREST(base, "secret-token", http.DefaultClient, noMetrics{})
	err := c.do(context.Background(), "GET", "/webhooks/1/interaction-token-xyz/messages/@original", nil, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "reaching Discord")
	assert.NotContains(t, err.Error(), "interaction-token-xyz")
}
