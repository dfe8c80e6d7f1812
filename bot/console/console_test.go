package console

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

func TestConsoleChat(t *testing.T) {
	e := knowledgetest.Seeds(t)
	var out strings.Builder
	in := "How many documents were signed in 2019?\n/help\n\n<b>@everyone</b>\n"
	require.NoError(t, New(strings.NewReader(in), &out, bot.NewRouter(e)).Run(context.Background()))
	assert.Contains(t, out.String(), "ten documents")
	assert.Contains(t, out.String(), "[1] Trend, 2025-04-28, 004_5522fbf094e0c90f.txt ¶5")
	assert.Contains(t, out.String(), "/topics — what I can answer about")
	assert.Contains(t, out.String(), "The articles I answer from do not say")
}

func TestConsoleStopsWithContext(t *testing.T) {
	e := knowledgetest.Seeds(t)
	r, w := io.Pipe()
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- New(r, io.Discard, bot.NewRouter(e)).Run(ctx) }()
	cancel()
	assert.NoError(t, <-done, "a chat waiting for input ends when its context does")
}
