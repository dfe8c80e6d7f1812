package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Config is every setting of azchina. Build it with Load; the zero value is not valid.
type Config struct {
	// Seeds is a folder of articles to answer from instead of the embedded ones.
	Seeds string `yaml:"seeds"`
	// DB is the SQLite file for schedules, digests and feedback.
	DB string `yaml:"db"`
	// HTTPAddr is where the ops endpoint (/healthz, /metrics) listens; empty: off.
	HTTPAddr string `yaml:"http_addr"`
	// LogLevel is debug, info, warn or error.
	LogLevel string   `yaml:"log_level"`
	Limits   Limits   `yaml:"limits"`
	Telegram Telegram `yaml:"telegram"`
	Discord  Discord  `yaml:"discord"`
}

// Limits protect the bot from floods.
type Limits struct {
	Questions   int      `yaml:"questions"`    // per user …
	Per         Duration `yaml:"per"`          // … in any span this long
	MaxQuestion int      `yaml:"max_question"` // characters
}

// Telegram configures the Telegram adapter. The token comes from the environment or a
// file, never from the settings file itself.
type Telegram struct {
	Token     string `yaml:"-"`
	TokenFile string `yaml:"token_file"`
	// APIURL is the Bot API server's base URL (no trailing slash, no /api).
	APIURL  string  `yaml:"api_url"`
	Webhook Webhook `yaml:"webhook"`
}

// Webhook switches Telegram from long polling to a webhook when URL is set.
type Webhook struct {
	Listen string `yaml:"listen"` // address the webhook server listens on, e.g. ":8443"
	URL    string `yaml:"url"`    // public HTTPS URL Telegram posts updates to
	Secret string `yaml:"-"`      // from AZCHINA_TELEGRAM_WEBHOOK_SECRET
}

// Discord configures the Discord adapter.
type Discord struct {
	Token     string `yaml:"-"`
	TokenFile string `yaml:"token_file"`
	// APIURL replaces https://discord.com (no trailing slash, no /api).
	APIURL string `yaml:"api_url"`
	// Guild registers slash commands in one server (instant updates) instead of globally.
	Guild string `yaml:"guild"`
	// ModeratorRoles are role names whose members may moderate, besides those with Manage
	// Server or Manage Channels.
	ModeratorRoles []string `yaml:"moderator_roles"`
}

// Duration is a time.Duration written as "30s" or "5m".
type Duration time.Duration

// UnmarshalYAML reads "30s".
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := time.ParseDuration(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %q is not a duration such as 30s or 5m", n.Line, n.Value)
	}
	*d = Duration(v)
	return nil
}

// Default API base URLs.
const (
	TelegramAPI = "https://api.telegram.org"
	DiscordAPI  = "https://discord.com"
)

// Default returns the settings used where neither the file nor the environment says.
func Default() Config {
	return Config{
		DB:       "./azchina.db",
		LogLevel: "info",
		Limits:   Limits{Questions: 5, Per: Duration(30 * time.Second), MaxQuestion: 1000},
		Telegram: Telegram{APIURL: TelegramAPI},
		Discord:  Discord{APIURL: DiscordAPI},
	}
}

// The environment variables Load reads.
const (
	EnvConfig         = "AZCHINA_CONFIG"
	EnvTelegramToken  = "AZCHINA_TELEGRAM_TOKEN"
	EnvTelegramAPI    = "AZCHINA_TELEGRAM_API_URL"
	EnvWebhookSecret  = "AZCHINA_TELEGRAM_WEBHOOK_SECRET"
	EnvDiscordToken   = "AZCHINA_DISCORD_TOKEN"
	EnvDiscordAPI     = "AZCHINA_DISCORD_API_URL"
	EnvDiscordGuild   = "AZCHINA_DISCORD_GUILD"
	EnvDB             = "AZCHINA_DB"
	EnvHTTPAddr       = "AZCHINA_HTTP_ADDR"
	EnvSeeds          = "AZCHINA_SEEDS"
	EnvLogLevel       = "AZCHINA_LOG_LEVEL"
	EnvTelegramTokenF = "AZCHINA_TELEGRAM_TOKEN_FILE"
	EnvDiscordTokenF  = "AZCHINA_DISCORD_TOKEN_FILE"
)

// Load reads the settings file at path (or the one AZCHINA_CONFIG names, when path is
// empty; none at all when both are), applies the environment over it, and validates the
// result. getenv is os.Getenv in production. Errors name the setting and what to do.
func Load(path string, getenv func(string) string) (Config, error) {
	c := Default()
	if path == "" {
		path = getenv(EnvConfig)
	}
	if path != "" {
		raw, err := os.ReadFile(path)
		if err != nil {
			return Config{}, fmt.Errorf("settings file: %w", err)
		}
		if err := decode(raw, &c); err != nil {
			return Config{}, fmt.Errorf("settings file %s: %w", path, err)
		}
	}
	for env, dst := range map[string]*string{
		EnvTelegramToken: &c.Telegram.Token, EnvTelegramAPI: &c.Telegram.APIURL,
		EnvWebhookSecret: &c.Telegram.Webhook.Secret, EnvDiscordToken: &c.Discord.Token,
		EnvDiscordAPI: &c.Discord.APIURL, EnvDiscordGuild: &c.Discord.Guild, EnvDB: &c.DB,
		EnvHTTPAddr: &c.HTTPAddr, EnvSeeds: &c.Seeds, EnvLogLevel: &c.LogLevel,
		EnvTelegramTokenF: &c.Telegram.TokenFile, EnvDiscordTokenF: &c.Discord.TokenFile,
	} {
		if v, ok := lookup(getenv, env); ok {
			*dst = v
		}
	}
	var err error
	if c.Telegram.Token == "" && c.Telegram.TokenFile != "" {
		if c.Telegram.Token, err = readToken(c.Telegram.TokenFile); err != nil {
			return Config{}, fmt.Errorf("telegram.token_file: %w", err)
		}
	}
	if c.Discord.Token == "" && c.Discord.TokenFile != "" {
		if c.Discord.Token, err = readToken(c.Discord.TokenFile); err != nil {
			return Config{}, fmt.Errorf("discord.token_file: %w", err)
		}
	}
	c.Telegram.APIURL = strings.TrimRight(c.Telegram.APIURL, "/")
	c.Discord.APIURL = strings.TrimRight(c.Discord.APIURL, "/")
	return c, c.Validate()
}

func lookup(getenv func(string) string, key string) (string, bool) {
	v := strings.TrimSpace(getenv(key))
	return v, v != ""
}

func decode(raw []byte, c *Config) error {
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	return nil
}

func readToken(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(raw)), nil
}

var (
	snowflake     = regexp.MustCompile(`^[0-9]{5,25}$`)
	webhookSecret = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)
	levels        = map[string]bool{"debug": true, "info": true, "warn": true, "error": true}
)

// Validate checks every setting and returns all the problems, each naming its setting.
func (c Config) Validate() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", key, fmt.Sprintf(format, args...)))
	}
	if c.DB == "" {
		bad("db", "must name a file, e.g. ./azchina.db")
	}
	if c.HTTPAddr != "" {
		if _, port, err := net.SplitHostPort(c.HTTPAddr); err != nil || !validPort(port) {
			bad("http_addr", "%q is not host:port, e.g. 127.0.0.1:9090", c.HTTPAddr)
		}
	}
	if !levels[c.LogLevel] {
		bad("log_level", "%q is not one of debug, info, warn, error", c.LogLevel)
	}
	if c.Limits.Questions < 1 || c.Limits.Questions > 1000 {
		bad("limits.questions", "%d is not between 1 and 1000", c.Limits.Questions)
	}
	if time.Duration(c.Limits.Per) < time.Second || time.Duration(c.Limits.Per) > 24*time.Hour {
		bad("limits.per", "%s is not between 1s and 24h", time.Duration(c.Limits.Per))
	}
	if c.Limits.MaxQuestion < 10 || c.Limits.MaxQuestion > 4000 {
		bad("limits.max_question", "%d is not between 10 and 4000", c.Limits.MaxQuestion)
	}
	if err := checkBaseURL(c.Telegram.APIURL); err != nil {
		bad("telegram.api_url ("+EnvTelegramAPI+")", "%v", err)
	}
	if err := checkBaseURL(c.Discord.APIURL); err != nil {
		bad("discord.api_url ("+EnvDiscordAPI+")", "%v", err)
	}
	if c.Discord.Guild != "" && !snowflake.MatchString(c.Discord.Guild) {
		bad("discord.guild ("+EnvDiscordGuild+")", "%q is not a server ID (digits; right-click the server, Copy Server ID)", c.Discord.Guild)
	}
	if strings.ContainsAny(c.Telegram.Token, " \t\n") || strings.ContainsAny(c.Discord.Token, " \t\n") {
		bad("token", "a token holds no spaces: give it bare, without a \"Bot \" prefix")
	}
	if strings.HasPrefix(c.Discord.Token, "Bot ") {
		bad("discord token ("+EnvDiscordToken+")", "give the token bare: azchina adds the \"Bot \" prefix itself")
	}
	w := c.Telegram.Webhook
	if w.URL != "" || w.Listen != "" {
		if u, err := url.Parse(w.URL); err != nil || u.Scheme != "https" || u.Host == "" {
			bad("telegram.webhook.url", "%q is not a public https:// URL", w.URL)
		}
		if _, port, err := net.SplitHostPort(w.Listen); err != nil || !validPort(port) {
			bad("telegram.webhook.listen", "%q is not host:port, e.g. :8443", w.Listen)
		}
		if !webhookSecret.MatchString(w.Secret) {
			bad("telegram webhook secret ("+EnvWebhookSecret+")", "set 1–256 characters of A–Z, a–z, 0–9, _ and -")
		}
	}
	return errors.Join(errs...)
}

func validPort(p string) bool {
	n, err := strconv.Atoi(p)
	return err == nil && n >= 0 && n <= 65535
}

// checkBaseURL accepts http(s)://host[:port] with no path: the adapters add /bot… and
// /api/v9 themselves.
func checkBaseURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not a base URL such as http://127.0.0.1:8443", s)
	}
	if strings.HasSuffix(u.Path, "/api") || strings.Contains(u.Path, "/api/") {
		return fmt.Errorf("%q ends in /api: give the base URL without it, e.g. %s://%s", s, u.Scheme, u.Host)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("%q has a query or fragment: give the base URL only", s)
	}
	return nil
}

// LogValue shows the settings without their secrets, so that logging a Config never logs a
// token.
func (c Config) LogValue() slog.Value {
	set := func(s string) string {
		if s == "" {
			return "unset"
		}
		return "set"
	}
	return slog.GroupValue(
		slog.String("seeds", c.Seeds), slog.String("db", c.DB), slog.String("http_addr", c.HTTPAddr),
		slog.String("telegram_token", set(c.Telegram.Token)), slog.String("telegram_api", c.Telegram.APIURL),
		slog.Bool("telegram_webhook", c.Telegram.Webhook.URL != ""),
		slog.String("discord_token", set(c.Discord.Token)), slog.String("discord_api", c.Discord.APIURL),
		slog.String("discord_guild", c.Discord.Guild),
	)
}

// String is LogValue as text.
func (c Config) String() string { return c.LogValue().String() }
