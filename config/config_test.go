package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestDefaults(t *testing.T) {
	c, err := Load("", env(nil))
	require.NoError(t, err)
	assert.Equal(t, Default(), c)
}

func TestExampleFileIsValid(t *testing.T) {
	c, err := Load("azchina.example.yaml", env(nil))
	require.NoError(t, err)
	assert.Equal(t, Default(), c, "the example shows the defaults")
}

func TestEnvironmentOverridesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.yaml")
	require.NoError(t, os.WriteFile(path, []byte("db: /tmp/file.db\nlimits:\n  questions: 3\n  per: 1m\ndiscord:\n  guild: \"123456789012345678\"\n"), 0o600))
	c, err := Load("", env(map[string]string{
		EnvConfig: path, EnvDB: "/tmp/env.db", EnvTelegramToken: "123:abc",
		EnvTelegramAPI: "http://127.0.0.1:8443/", EnvDiscordToken: "tok",
	}))
	require.NoError(t, err)
	assert.Equal(t, "/tmp/env.db", c.DB)
	assert.Equal(t, 3, c.Limits.Questions)
	assert.Equal(t, Duration(time.Minute), c.Limits.Per)
	assert.Equal(t, "123456789012345678", c.Discord.Guild)
	assert.Equal(t, "123:abc", c.Telegram.Token)
	assert.Equal(t, "http://127.0.0.1:8443", c.Telegram.APIURL, "a trailing slash is trimmed")
}

func TestTokenFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "token")
	require.NoError(t, os.WriteFile(path, []byte("secret-token\n"), 0o600))
	c, err := Load("", env(map[string]string{EnvDiscordTokenF: path}))
	require.NoError(t, err)
	assert.Equal(t, "secret-token", c.Discord.Token)
}

func TestBadSettingsAreRejected(t *testing.T) {
	tests := []struct {
		name, file string
		env        map[string]string
		want       string
	}{
		{"unknown key", "colour: blue\n", nil, "colour"},
		{"token in the file", "telegram:\n  token: abc\n", nil, "token"},
		{"bad duration", "limits:\n  per: soon\n", nil, "not a duration"},
		{"zero questions", "limits:\n  questions: 0\n", nil, "limits.questions"},
		{"api url with /api", "", map[string]string{EnvDiscordAPI: "http://127.0.0.1:9000/api"}, "without it"},
		{"api url not a url", "", map[string]string{EnvTelegramAPI: "localhost"}, "telegram.api_url"},
		{"guild not an id", "", map[string]string{EnvDiscordGuild: "my server"}, "discord.guild"},
		{"Bot prefix", "", map[string]string{EnvDiscordToken: "Bot abc"}, "bare"},
		{"http addr", "", map[string]string{EnvHTTPAddr: "9090"}, "http_addr"},
		{"webhook without secret", "telegram:\n  webhook:\n    listen: \":8443\"\n    url: https://example.org/hook\n", nil, "AZCHINA_TELEGRAM_WEBHOOK_SECRET"},
		{"log level", "log_level: loud\n", nil, "log_level"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := ""
			if tt.file != "" {
				path = filepath.Join(t.TempDir(), "c.yaml")
				require.NoError(t, os.WriteFile(path, []byte(tt.file), 0o600))
			}
			_, err := Load(path, env(tt.env))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "none.yaml"), env(nil))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "settings file")
}

func TestLogValueHidesTokens(t *testing.T) {
	c := Default()
	c.Telegram.Token, c.Discord.Token = "123:telegram-secret", "discord-secret"
	s := c.String()
	assert.NotContains(t, s, "secret")
	assert.True(t, strings.Contains(s, "telegram_token=set"), s)
}
