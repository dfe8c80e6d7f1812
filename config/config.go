package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"reflect"
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
	if n.Kind != yaml.ScalarNode || err != nil {
		return fmt.Errorf("line %d: %s is not a duration such as 30s or 5m", n.Line, shown(n))
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
			return Config{}, fmt.Errorf("settings file (--config or %s): %w", EnvConfig, err)
		}
		if err := decode(raw, &c); err != nil {
			return Config{}, fmt.Errorf("%s: %w", path, err)
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

// decode reads a settings file into c. Every unknown key and every value of the wrong
// kind is an error that names the key, its line and what is wrong.
func decode(raw []byte, c *Config) error {
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		return err
	}
	if len(root.Content) == 0 {
		return nil // an empty file, or only comments
	}
	doc := root.Content[0]
	if errs := checkNode(doc, reflect.TypeOf(*c), ""); len(errs) > 0 {
		return errors.Join(errs...)
	}
	return doc.Decode(c)
}

// secrets are the settings that are never read from the file, with what to do instead.
var secrets = map[string]string{
	"telegram.token":          "set " + EnvTelegramToken + ", or telegram.token_file to a file that holds it",
	"discord.token":           "set " + EnvDiscordToken + ", or discord.token_file to a file that holds it",
	"telegram.webhook.secret": "set " + EnvWebhookSecret,
}

// checkNode checks that n fits the settings type t at path: known keys only, and values
// of the right kind.
func checkNode(n *yaml.Node, t reflect.Type, path string) []error {
	at := func(key string, line int, format string, args ...any) error {
		return fmt.Errorf("%s (line %d): %s", key, line, fmt.Sprintf(format, args...))
	}
	if t.Kind() != reflect.Struct {
		if err := n.Decode(reflect.New(t).Interface()); err != nil {
			return []error{at(path, n.Line, "%s is not %s", shown(n), kindName(t))}
		}
		return nil
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil // "webhook:" with nothing under it
	}
	if n.Kind != yaml.MappingNode {
		name := path
		if name == "" {
			name = "the settings file"
		}
		return []error{at(name, n.Line, "want settings under it (key: value), not %s", shown(n))}
	}
	var errs []error
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		full := key.Value
		if path != "" {
			full = path + "." + key.Value
		}
		field, ok := fieldByTag(t, key.Value)
		switch {
		case ok:
			errs = append(errs, checkNode(value, field.Type, full)...)
		case secrets[full] != "":
			errs = append(errs, at(full, key.Line, "secrets never go in the settings file: %s", secrets[full]))
		default:
			errs = append(errs, at(full, key.Line, "unknown setting; the settings there are %s (see config/azchina.example.yaml)", strings.Join(tags(t), ", ")))
		}
	}
	return errs
}

// fieldByTag returns the field of struct t whose yaml name is name.
func fieldByTag(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); tag == name && tag != "-" {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// tags lists the yaml names of struct t's fields.
func tags(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); tag != "" && tag != "-" {
			out = append(out, tag)
		}
	}
	return out
}

// kindName says what a value of type t is, for a reader.
func kindName(t reflect.Type) string {
	switch {
	case t == reflect.TypeOf(Duration(0)):
		return "a duration such as 30s or 5m"
	case t.Kind() == reflect.Int:
		return "a whole number"
	case t.Kind() == reflect.String:
		return "text"
	case t.Kind() == reflect.Slice:
		return "a list of " + strings.TrimPrefix(kindName(t.Elem()), "a ")
	}
	return t.String()
}

// shown quotes a value from the file for an error message.
func shown(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a group of settings"
	case yaml.SequenceNode:
		return "a list"
	}
	v := n.Value
	if len(v) > 40 {
		v = v[:40] + "…"
	}
	return strconv.Quote(v)
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
	if err := checkBaseURL(c.Telegram.APIURL, "telegram"); err != nil {
		bad("telegram.api_url ("+EnvTelegramAPI+")", "%v", err)
	}
	if err := checkBaseURL(c.Discord.APIURL, "discord"); err != nil {
		bad("discord.api_url ("+EnvDiscordAPI+")", "%v", err)
	}
	if c.Discord.Guild != "" && !snowflake.MatchString(c.Discord.Guild) {
		bad("discord.guild ("+EnvDiscordGuild+")", "%q is not a server ID (digits; right-click the server, Copy Server ID)", c.Discord.Guild)
	}
	if strings.ContainsAny(c.Telegram.Token, " \t\r\n") {
		bad("telegram token ("+EnvTelegramToken+")", "a token holds no spaces: give it as @BotFather shows it")
	}
	if strings.HasPrefix(c.Discord.Token, "Bot ") {
		bad("discord token ("+EnvDiscordToken+")", "give the token bare: azchina adds the \"Bot \" prefix itself")
	} else if strings.ContainsAny(c.Discord.Token, " \t\r\n") {
		bad("discord token ("+EnvDiscordToken+")", "a token holds no spaces: copy it again from the Bot page of the developer portal")
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

// checkBaseURL accepts http(s)://host[:port][/prefix], the base the adapters add their
// own paths to (Telegram's /bot<token>/…, Discord's /api/v9/…). A URL that already holds
// that path is refused with the base to give instead, and never quoted when it may hold
// a token.
func checkBaseURL(s string, platform string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		if strings.Contains(s, ":") && strings.Contains(s, "/bot") {
			return errors.New("not a base URL such as http://127.0.0.1:8443")
		}
		return fmt.Errorf("%q is not a base URL such as http://127.0.0.1:8443", s)
	}
	base := u.Scheme + "://" + u.Host
	for _, seg := range strings.Split(u.Path, "/") {
		switch {
		case platform == "telegram" && strings.HasPrefix(seg, "bot") && strings.Contains(seg, ":"):
			return fmt.Errorf("holds /bot and the token: give the base URL only, e.g. %s, and the token in %s", base, EnvTelegramToken)
		case platform == "telegram" && seg == "bot", platform == "discord" && seg == "api":
			return fmt.Errorf("%q holds /%s: give the base URL without it, e.g. %s", s, seg, base)
		}
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("%s has a query, fragment or user name: give the base URL only, e.g. %s", u.Redacted(), base)
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
