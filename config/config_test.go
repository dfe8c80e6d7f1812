package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
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

// Every AZCHINA_* name the issues and README give sets its setting.
func TestEveryEnvironmentVariable(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "c.yaml")
	require.NoError(t, os.WriteFile(file, []byte("log_level: warn\n"), 0o600))
	tests := []struct {
		env, value string
		got        func(Config) string
		want       string
	}{
		{EnvTelegramToken, "123456:telegram-token", func(c Config) string { return c.Telegram.Token }, "123456:telegram-token"},
		{EnvTelegramAPI, "http://127.0.0.1:8081/", func(c Config) string { return c.Telegram.APIURL }, "http://127.0.0.1:8081"},
		{EnvDiscordToken, "discord-token", func(c Config) string { return c.Discord.Token }, "discord-token"},
		{EnvDiscordAPI, "http://127.0.0.1:9000//", func(c Config) string { return c.Discord.APIURL }, "http://127.0.0.1:9000"},
		{EnvDiscordGuild, "123456789012345678", func(c Config) string { return c.Discord.Guild }, "123456789012345678"},
		{EnvDB, "/var/lib/azchina/a.db", func(c Config) string { return c.DB }, "/var/lib/azchina/a.db"},
		{EnvHTTPAddr, "127.0.0.1:9090", func(c Config) string { return c.HTTPAddr }, "127.0.0.1:9090"},
		{EnvConfig, file, func(c Config) string { return c.LogLevel }, "warn"},
		{EnvSeeds, "/srv/articles", func(c Config) string { return c.Seeds }, "/srv/articles"},
		{EnvLogLevel, "debug", func(c Config) string { return c.LogLevel }, "debug"},
		{EnvWebhookSecret, "s3cret", func(c Config) string { return c.Telegram.Webhook.Secret }, "s3cret"},
	}
	for _, tt := range tests {
		t.Run(tt.env, func(t *testing.T) {
			c, err := Load("", env(map[string]string{tt.env: tt.value}))
			require.NoError(t, err)
			assert.Equal(t, tt.want, tt.got(c))
		})
	}
}

func TestBadSettingsAreRejected(t *testing.T) {
	tests := []struct {
		name, file string
		env        map[string]string
		want       string
	}{
		{"unknown key", "colour: blue\n", nil, "colour (line 1): unknown setting; the settings there are seeds, db, http_addr"},
		{"unknown nested key", "limits:\n  questions: 3\n  burst: 9\n", nil, "limits.burst (line 3): unknown setting; the settings there are questions, per, max_question"},
		{"token in the file", "telegram:\n  token: abc\n", nil, "telegram.token (line 2): secrets never go in the settings file: set AZCHINA_TELEGRAM_TOKEN"},
		{"discord token in the file", "discord:\n  token: abc\n", nil, "discord.token (line 2): secrets never go in the settings file: set AZCHINA_DISCORD_TOKEN"},
		{"webhook secret in the file", "telegram:\n  webhook:\n    secret: abc\n", nil, "telegram.webhook.secret (line 3): secrets never go"},
		{"bad duration", "limits:\n  per: soon\n", nil, `limits.per (line 2): "soon" is not a duration such as 30s or 5m`},
		{"not a number", "limits:\n  questions: five\n", nil, `limits.questions (line 2): "five" is not a whole number`},
		{"not a list", "discord:\n  moderator_roles: mods\n", nil, `discord.moderator_roles (line 2): "mods" is not a list of text`},
		{"not a group", "telegram: yes\n", nil, `telegram (line 1): want settings under it (key: value), not "yes"`},
		{"a list at the top", "- db\n", nil, "the settings file (line 1): want settings under it"},
		{"not YAML", "db: [\n", nil, "yaml:"},
		{"zero questions", "limits:\n  questions: 0\n", nil, "limits.questions: 0 is not between 1 and 1000"},
		{"discord api url with /api", "", map[string]string{EnvDiscordAPI: "http://127.0.0.1:9000/api"}, `discord.api_url (AZCHINA_DISCORD_API_URL): "http://127.0.0.1:9000/api" holds /api: give the base URL without it, e.g. http://127.0.0.1:9000`},
		{"discord api url with /api/v9/", "", map[string]string{EnvDiscordAPI: "https://discord.com/api/v9/"}, "holds /api"},
		{"telegram api url with /bot", "", map[string]string{EnvTelegramAPI: "https://api.telegram.org/bot"}, "telegram.api_url (AZCHINA_TELEGRAM_API_URL): \"https://api.telegram.org/bot\" holds /bot"},
		{"api url not a url", "", map[string]string{EnvTelegramAPI: "localhost"}, `telegram.api_url (AZCHINA_TELEGRAM_API_URL): "localhost" is not a base URL`},
		{"api url with a query", "", map[string]string{EnvDiscordAPI: "http://127.0.0.1:9000?x=1"}, "has a query"},
		{"api url in the file", "telegram:\n  api_url: ftp://example.org\n", nil, "telegram.api_url"},
		{"guild not an id", "", map[string]string{EnvDiscordGuild: "my server"}, "discord.guild (AZCHINA_DISCORD_GUILD)"},
		{"Bot prefix", "", map[string]string{EnvDiscordToken: "Bot abc"}, "give the token bare"},
		{"space in a telegram token", "", map[string]string{EnvTelegramToken: "123 456"}, "telegram token (AZCHINA_TELEGRAM_TOKEN): a token holds no spaces"},
		{"http addr", "", map[string]string{EnvHTTPAddr: "9090"}, `http_addr: "9090" is not host:port`},
		{"webhook without secret", "telegram:\n  webhook:\n    listen: \":8443\"\n    url: https://example.org/hook\n", nil, "AZCHINA_TELEGRAM_WEBHOOK_SECRET"},
		{"log level", "log_level: loud\n", nil, "log_level"},
		{"token file missing", "", map[string]string{EnvTelegramTokenF: "/nonexistent/token"}, "telegram.token_file"},
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

// An API URL that holds the token is refused without repeating it.
func TestAPIURLWithTheTokenIsNotQuoted(t *testing.T) {
	const token = "123456:AAsecretpart"
	for _, u := range []string{"https://api.telegram.org/bot" + token, "https://api.telegram.org/bot" + token + "/getMe", "api.telegram.org/bot" + token} {
		_, err := Load("", env(map[string]string{EnvTelegramAPI: u}))
		require.Error(t, err, u)
		assert.NotContains(t, err.Error(), "AAsecretpart", u)
	}
}

// An empty settings file, or one of comments only, is the defaults.
func TestEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.yaml")
	require.NoError(t, os.WriteFile(path, []byte("# nothing set\n"), 0o600))
	c, err := Load(path, env(nil))
	require.NoError(t, err)
	assert.Equal(t, Default(), c)
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

// The example file documents every setting: each key of Config is in it.
func TestExampleFileShowsEverySetting(t *testing.T) {
	raw, err := os.ReadFile("azchina.example.yaml")
	require.NoError(t, err)
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal(raw, &doc))
	inFile := map[string]bool{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
			key := path + n.Content[i].Value
			inFile[key] = true
			walk(n.Content[i+1], key+".")
		}
	}
	walk(doc.Content[0], "")
	var keys func(tp reflect.Type, path string)
	keys = func(tp reflect.Type, path string) {
		for _, name := range tags(tp) {
			f, _ := fieldByTag(tp, name)
			assert.True(t, inFile[path+name], "%s is not in azchina.example.yaml", path+name)
			if f.Type.Kind() == reflect.Struct {
				keys(f.Type, path+name+".")
			}
		}
	}
	keys(reflect.TypeOf(Config{}), "")
}
