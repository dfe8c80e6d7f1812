package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot/i18n"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

func inLocale(text, locale string) Message {
	m := private(text)
	m.Locale = locale
	m.UserID = locale + text // a user each, so that the rate limit stays out of the way
	return m
}

// TestRouterSpeaksTheSendersLanguage checks the fixed replies in each language the
// platforms report, Telegram's language codes and Discord's locales alike.
func TestRouterSpeaksTheSendersLanguage(t *testing.T) {
	r := NewRouter(knowledgetest.Seeds(t))
	ctx := context.Background()
	tests := []struct {
		locale                         string
		help, topics, sources, fact    string
		empty, unknown, tooLong, items string
	}{
		{"ru", "Пример: /ask", "О чём я могу рассказать", "Статьи, по которым я отвечаю", "Факт", "Задайте мне вопрос", "Я не знаю команды /weather", "В вашем вопросе 1499 символов", "фактов:"},
		{"az-AZ", "Nümunə: /ask", "Nə barədə cavab verə bilərəm", "Cavab verdiyim məqalələr", "Bir fakt", "Mənə Azərbaycan–Çin", "/weather əmrini tanımıram", "Sualınız 1499 simvoldan", "fakt)"},
		{"zh-CN", "示例：/ask", "我能回答的话题", "我所依据的文章", "一条事实", "请向我提一个", "我不认识命令 /weather", "您的问题有 1499 个字符", "条事实"},
		{"zh-hans", "示例：/ask", "我能回答的话题", "我所依据的文章", "一条事实", "请向我提一个", "我不认识命令 /weather", "您的问题有 1499 个字符", "条事实"},
		{"en-US", "Example: /ask", "What I can answer about", "The articles I answer from", "A fact", "Ask me a question", "I don't know the command /weather", "Your question is 1499 characters long", "facts)"},
		{"", "Example: /ask", "What I can answer about", "The articles I answer from", "A fact", "Ask me a question", "I don't know the command /weather", "Your question is 1499 characters long", "facts)"},
		{"fr", "Example: /ask", "What I can answer about", "The articles I answer from", "A fact", "Ask me a question", "I don't know the command /weather", "Your question is 1499 characters long", "facts)"},
	}
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) {
			handle := func(text string) Reply {
				got, ok := r.Handle(ctx, inLocale(text, tt.locale))
				require.True(t, ok, text)
				return got
			}
			assert.Contains(t, handle("/help").Text, tt.help)
			topics := handle("/topics")
			assert.Equal(t, tt.topics, topics.Title)
			require.NotEmpty(t, topics.Items)
			assert.Contains(t, topics.Items[0], tt.items)
			assert.Equal(t, tt.sources, handle("/sources").Title)
			assert.Equal(t, tt.fact, handle("/fact").Title)
			assert.Contains(t, handle("/ask").Text, tt.empty)
			assert.Contains(t, handle("/weather").Text, tt.unknown)
			assert.Contains(t, handle(strings.Repeat("visa ", 300)).Text, tt.tooLong)
		})
	}
}

// TestExamplesAnswerInTheirLanguage asks the example questions each language's help and
// empty-/ask notice give: each must be answered, with a citation, in its language.
func TestExamplesAnswerInTheirLanguage(t *testing.T) {
	r := NewRouter(knowledgetest.Seeds(t))
	for _, lang := range i18n.Langs {
		for _, k := range []i18n.Key{i18n.Help, i18n.EmptyAsk} {
			text := i18n.Text(lang, k)
			i := strings.LastIndex(text, "/ask ")
			require.GreaterOrEqual(t, i, 0, "%s: the reply gives an example", lang)
			example := strings.TrimSpace(text[i+len("/ask "):])
			got, ok := r.Handle(context.Background(), inLocale("/ask "+example, string(lang)))
			require.True(t, ok)
			require.Equal(t, AnswerReply, got.Kind, "%s: %q is answered: %+v", lang, example, got)
			assert.NotEmpty(t, got.Answer.Citations, example)
			if lang != i18n.English {
				assert.Equal(t, string(lang), got.Answer.Language, example)
			}
		}
	}
}

func TestRefusalInTheQuestionsLanguage(t *testing.T) {
	r := NewRouter(knowledgetest.Seeds(t))
	tests := []struct{ name, q, locale, want string }{
		{"russian question", "Какая погода в Баку завтра?", "", "Попробуйте /topics."},
		{"chinese question", "德国的首都是哪里？", "en", "试试 /topics。"},
		{"azerbaijani question", "Almaniyanın paytaxtı hansı şəhərdir?", "", "/topics əmrini sınayın."},
		{"english question from a russian user", "What is the capital of France?", "ru", "Try /topics."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := r.Handle(context.Background(), inLocale(tt.q, tt.locale))
			require.True(t, ok)
			assert.Equal(t, RefusalReply, got.Kind)
			assert.True(t, strings.HasSuffix(got.Text, tt.want), got.Text)
		})
	}
}

func TestNoticesInTheSendersLanguage(t *testing.T) {
	clock := &fakeClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	r := NewRouter(knowledgetest.Seeds(t), WithClock(clock.Now), WithLimit(1, 30*time.Second))
	m := inLocale("visa", "ru")
	_, ok := r.Handle(context.Background(), m)
	require.True(t, ok)
	got, ok := r.Handle(context.Background(), m)
	require.True(t, ok)
	assert.Equal(t, NoticeReply, got.Kind)
	assert.Contains(t, got.Text, "Подождите 30 с")

	// A question whose context is already done cannot be looked up.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got, ok = r.Handle(ctx, inLocale("visa", "zh-TW"))
	require.True(t, ok)
	assert.Equal(t, NoticeReply, got.Kind)
	assert.Equal(t, "查找答案时出了点问题，请稍后再试。", got.Text)
}

func TestCommandsIn(t *testing.T) {
	assert.Equal(t, Commands, CommandsIn(i18n.English), "the English menu is the one every chat has")
	for _, lang := range i18n.Langs {
		menu := CommandsIn(lang)
		require.Len(t, menu, len(Commands))
		for i, c := range menu {
			assert.Equal(t, Commands[i].Name, c.Name)
			assert.NotEmpty(t, c.Description)
			if lang != i18n.English {
				assert.NotEqual(t, Commands[i].Description, c.Description, "%s /%s is described in its language", lang, c.Name)
			}
		}
	}
	assert.Equal(t, "Задать вопрос об отношениях Азербайджана и Китая", CommandsIn(i18n.Russian)[0].Description)
}
