package discord

import (
	"strings"
	"testing"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
	"github.com/azchina/azchina/knowledge"
)

// FuzzRender renders replies and digests built from arbitrary text: every message must be
// within Discord's limits, UTF-8, and ping no one. The seeds run with the tests; search
// for more with: go test -run '^$' -fuzz FuzzRender ./bot/discord
func FuzzRender(f *testing.F) {
	f.Add("A fact", "“Ten documents were signed.” [1]", "Trend", "Ties", "42", uint8(0), uint8(1))
	f.Add("", "", "", "", "", uint8(1), uint8(0))
	f.Add("@everyone", "<@123> **x** `y` ||z|| # h\n- item\n1. one", "[x](https://e.example)", "\\", "7", uint8(2), uint8(3))
	f.Add(strings.Repeat("Т", 300), strings.Repeat("Баку–Пекин ", 600), strings.Repeat("P", 300), strings.Repeat("\\*", 700), strings.Repeat("9", 120), uint8(0), uint8(40))
	f.Add("\xff\xfe", "a\xc3(b", "\xed\xa0\x80", "\x00\x1f", "1", uint8(3), uint8(10))
	f.Fuzz(func(t *testing.T, title, text, publisher, citeTitle, answerID string, kind, n uint8) {
		cites := make([]knowledge.Citation, int(n)%50)
		for i := range cites {
			cites[i] = knowledge.Citation{Source: citeTitle + ".txt", Title: citeTitle, Publisher: publisher, Date: title, Paragraph: i}
		}
		a := &knowledge.Answer{Answered: true, Text: text, Citations: cites}
		items := strings.Split(text, "\n")
		r := bot.Reply{Kind: bot.ReplyKind(kind % 4), Title: title, Text: text, Items: items, Answer: a, AnswerID: answerID}
		checkLimits(t, render(r))

		d := digest.Digest{Channel: digest.Channel{Platform: bot.Discord, ChatID: "1"}, Title: title}
		for i := range int(n) % (digest.MaxCount + 1) {
			d.Items = append(d.Items, digest.Item{Answer: knowledge.Answer{Text: text + " [1]", Citations: cites[min(i, len(cites)):min(i+1, len(cites))]}})
		}
		for _, p := range renderDigest(d) {
			checkLimits(t, p)
		}
	})
}
