package discordtest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot/discord/discordtest"
)

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
