package telegramtest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot/telegram/telegramtest"
)

const token = "1:fake-token"

func client(t *testing.T) (*telegramtest.Server, *tgbot.Bot) {
	t.Helper()
	s := telegramtest.NewServer(token)
	t.Cleanup(s.Close)
	b, err := tgbot.New(token, tgbot.WithServerURL(s.URL), tgbot.WithSkipGetMe())
	require.NoError(t, err)
	return s, b
}

// The fake refuses what Telegram refuses, with the errors go-telegram/bot turns Telegram's
// answers into.
func TestServerChecksMessagesAsTelegramDoes(t *testing.T) {
	s, b := client(t)
	ctx := context.Background()
	s.NeverStarted(7)
	s.Migrate(-5, -1005)
	tests := []struct {
		name   string
		params tgbot.SendMessageParams
		want   string
	}{
		{"unknown tag", tgbot.SendMessageParams{ChatID: 1, Text: "<script>x</script>", ParseMode: models.ParseModeHTML}, "unsupported start tag"},
		{"crossed tags", tgbot.SendMessageParams{ChatID: 1, Text: "<b><i>x</b></i>", ParseMode: models.ParseModeHTML}, "can't find end tag"},
		{"bare ampersand", tgbot.SendMessageParams{ChatID: 1, Text: "a & b", ParseMode: models.ParseModeHTML}, "'&' not in an entity"},
		{"empty once parsed", tgbot.SendMessageParams{ChatID: 1, Text: "<b> </b>", ParseMode: models.ParseModeHTML}, "message text is empty"},
		{"too long", tgbot.SendMessageParams{ChatID: 1, Text: strings.Repeat("😀", 2049)}, "message is too long"},
		{"the library's own keyboard button", tgbot.SendMessageParams{ChatID: 1, Text: "x", ReplyMarkup: models.InlineKeyboardMarkup{
			InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "👍", CallbackData: "up"}}}}}, "BUTTON_COPY_TEXT_INVALID"},
		{"never started", tgbot.SendMessageParams{ChatID: 7, Text: "x"}, "Forbidden: bot can't initiate conversation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := b.SendMessage(ctx, &tt.params)
			assert.ErrorContains(t, err, tt.want)
		})
	}
	_, err := b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: -5, Text: "x"})
	var migrated *tgbot.MigrateError
	require.True(t, errors.As(err, &migrated), "%v", err)
	assert.Equal(t, -1005, migrated.MigrateToChatID)
	assert.True(t, errors.Is(mustSend(b, 7), tgbot.ErrorForbidden))
	assert.Empty(t, s.Sent())

	_, err = b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: 1, Text: strings.Repeat("😀", 2048), ParseMode: models.ParseModeHTML})
	require.NoError(t, err, "4,096 UTF-16 units fit")
	m, ok := s.Next(time.Second)
	require.True(t, ok)
	assert.Equal(t, int64(1), m.ChatID)
}

// setMyCommands is refused as Telegram refuses it, and a menu taken is kept by scope and
// language.
func TestServerChecksCommandMenus(t *testing.T) {
	s, b := client(t)
	ctx := context.Background()
	ok := []models.BotCommand{{Command: "ask", Description: "Ask"}}
	tests := []struct {
		name   string
		params tgbot.SetMyCommandsParams
		want   string
	}{
		{"upper case", tgbot.SetMyCommandsParams{Commands: []models.BotCommand{{Command: "Ask", Description: "x"}}}, "BOT_COMMAND_INVALID"},
		{"hyphen", tgbot.SetMyCommandsParams{Commands: []models.BotCommand{{Command: "do-it", Description: "x"}}}, "BOT_COMMAND_INVALID"},
		{"long name", tgbot.SetMyCommandsParams{Commands: []models.BotCommand{{Command: strings.Repeat("a", 33), Description: "x"}}}, "BOT_COMMAND_INVALID"},
		{"no description", tgbot.SetMyCommandsParams{Commands: []models.BotCommand{{Command: "ask", Description: " "}}}, "BOT_COMMAND_DESCRIPTION_INVALID"},
		{"long description", tgbot.SetMyCommandsParams{Commands: []models.BotCommand{{Command: "ask", Description: strings.Repeat("я", 257)}}}, "BOT_COMMAND_DESCRIPTION_INVALID"},
		{"a locale, not a language", tgbot.SetMyCommandsParams{Commands: ok, LanguageCode: "zh-CN"}, "invalid language code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := b.SetMyCommands(ctx, &tt.params)
			assert.ErrorContains(t, err, tt.want)
		})
	}
	assert.Empty(t, s.Menu("default", ""), "nothing refused is kept")

	_, err := b.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{Commands: ok, Scope: &models.BotCommandScopeAllGroupChats{}, LanguageCode: "ru"})
	require.NoError(t, err)
	assert.Equal(t, []telegramtest.BotCommand{{Command: "ask", Description: "Ask"}}, s.Menu("all_group_chats", "ru"))
	assert.Empty(t, s.Menu("all_group_chats", ""))
}

func mustSend(b *tgbot.Bot, chat int64) error {
	_, err := b.SendMessage(context.Background(), &tgbot.SendMessageParams{ChatID: chat, Text: "x"})
	return err
}

func TestServerFaults(t *testing.T) {
	s, b := client(t)
	ctx := context.Background()
	s.Fail("getMe", telegramtest.Fault{Code: 429, RetryAfter: 3})
	_, err := b.GetMe(ctx)
	var tooMany *tgbot.TooManyRequestsError
	require.True(t, errors.As(err, &tooMany), "%v", err)
	assert.Equal(t, 3, tooMany.RetryAfter)
	me, err := b.GetMe(ctx)
	require.NoError(t, err, "a fault is used once")
	assert.Equal(t, telegramtest.BotUsername, me.Username)

	s.Break("getMe", telegramtest.Fault{Code: 502})
	for range 2 {
		_, err = b.GetMe(ctx)
		assert.ErrorContains(t, err, "502")
	}
	s.Mend("getMe")
	_, err = b.GetMe(ctx)
	assert.NoError(t, err)

	s.Fail("getMe", telegramtest.Fault{Hang: true})
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	_, err = b.GetMe(short)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Equal(t, 6, s.Count("getMe"))
}

func TestCheckHTML(t *testing.T) {
	shown, err := telegramtest.CheckHTML(`<b>a</b> &lt;b&gt; &amp; &quot;&#34;&#x41; <blockquote>q</blockquote>`)
	require.NoError(t, err)
	assert.Equal(t, `a <b> & ""A q`, shown)
	for _, bad := range []string{"<b>", "</b>", "a > b", "&nbsp;", "&#xZZ;", "<b x>y</b >", "\xff"} {
		_, err := telegramtest.CheckHTML(bad)
		assert.Error(t, err, bad)
	}
}

// getUpdates makes one long poll with a plain HTTP client, as the adapter does.
func getUpdates(s *telegramtest.Server, offset int64, timeout int) ([]map[string]any, error) {
	body := fmt.Sprintf(`{"offset": %d, "timeout": %d}`, offset, timeout)
	resp, err := http.Post(s.URL+"/bot"+token+"/getUpdates", "application/json", strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var env struct {
		OK     bool             `json:"ok"`
		Result []map[string]any `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		return nil, err
	}
	return env.Result, nil
}

// A dropped poll fails without an answer, leaves other calls alone, and loses no update.
func TestDropPolls(t *testing.T) {
	s, b := client(t)
	polled := make(chan error, 1)
	go func() {
		_, err := getUpdates(s, 0, 30)
		polled <- err
	}()
	deadline := time.Now().Add(10 * time.Second)
	for s.DropPolls() == 0 {
		require.True(t, time.Now().Before(deadline), "the poll never waited")
		time.Sleep(time.Millisecond)
	}
	select {
	case err := <-polled:
		assert.Error(t, err, "the poll was cut without an answer")
	case <-time.After(10 * time.Second):
		t.Fatal("the dropped poll still waits")
	}
	require.NoError(t, mustSend(b, 1), "other calls go on")
	ids := s.Push(telegramtest.Message(telegramtest.PrivateChat(1, "A"), telegramtest.User(1, "A", ""), "hi"))
	updates, err := getUpdates(s, 0, 0)
	require.NoError(t, err)
	require.Len(t, updates, 1)
	assert.EqualValues(t, ids[0], updates[0]["update_id"])
	assert.Zero(t, s.DropPolls(), "no poll waits now")
}
