package i18n

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestParse(t *testing.T) {
	tests := []struct {
		locale string
		want   Lang
	}{
		{"", English},
		{"en", English},
		{"en-US", English},
		{"en_GB", English},
		{"ru", Russian},
		{"RU", Russian},
		{"ru-RU", Russian},
		{"az", Azerbaijani},
		{"az-Latn-AZ", Azerbaijani},
		{"zh-CN", Chinese},
		{"zh-TW", Chinese},
		{"zh-hans", Chinese},
		{" zh ", Chinese},
		{"uk", English},
		{"fr", English},
		{"ru-", Russian},
		{"-", English},
	}
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) {
			assert.Equal(t, tt.want, Parse(tt.locale))
		})
	}
}

// sampleArgs are arguments of the types each reply takes.
var sampleArgs = map[Key][]any{
	TooFast:        {6 * time.Second, 6},
	UnknownCommand: {"weather"},
	TooLong:        {1200, 1000},
	TopicItem:      {"Trade & investment", 12},
	TopicExample:   {"How big is trade?"},
}

// TestEveryLanguageHasEveryReply checks that each language has each reply, uses every
// argument the reply takes where it should, and formats without errors.
func TestEveryLanguageHasEveryReply(t *testing.T) {
	for _, lang := range Langs {
		for k := Key(0); k < numKeys; k++ {
			_, ok := catalog[lang][k]
			assert.True(t, ok, "%s has no reply %d", lang, k)
			text := Text(lang, k, sampleArgs[k]...)
			assert.NotContains(t, text, "%!", "%s reply %d: %s", lang, k, text)
			assert.NotEmpty(t, strings.TrimSpace(text))
		}
		assert.Contains(t, Text(lang, TooFast, sampleArgs[TooFast]...), "6", lang)
		assert.Contains(t, Text(lang, UnknownCommand, "weather"), "/weather", lang)
		long := Text(lang, TooLong, 1200, 1000)
		assert.True(t, strings.Index(long, "1200") < strings.Index(long, "1000"), "%s: the length comes before the limit: %s", lang, long)
		assert.Contains(t, Text(lang, TopicItem, "Trade", 12), "12", lang)
	}
}

func TestHelpNamesEveryCommand(t *testing.T) {
	for _, lang := range Langs {
		for _, cmd := range []string{"/ask", "/topics", "/sources", "/fact", "/help"} {
			assert.Contains(t, Text(lang, Help), cmd, lang)
		}
	}
}

func TestRepliesAreInTheirLanguage(t *testing.T) {
	tests := []struct {
		lang Lang
		key  Key
		want string
	}{
		{English, TopicsTitle, "What I can answer about"},
		{Russian, TopicsTitle, "О чём я могу рассказать"},
		{Azerbaijani, SourcesTitle, "Cavab verdiyim məqalələr"},
		{Chinese, FactTitle, "一条事实"},
		{Russian, TooFast, "Подождите 6 с"},
		{Chinese, TooFast, "请等待 6 秒"},
		{Azerbaijani, TooFast, "6 saniyə"},
		{English, TooFast, "Please wait 6s"},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			assert.Contains(t, Text(tt.lang, tt.key, sampleArgs[tt.key]...), tt.want)
		})
	}
}

func TestUnknownLanguageFallsBackToEnglish(t *testing.T) {
	assert.Equal(t, Text(English, Help), Text(Lang("fr"), Help))
}
