package main

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
	"github.com/azchina/azchina/bot/store"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

func TestDigestPreview(t *testing.T) {
	env := map[string]string{"AZCHINA_DB": filepath.Join(t.TempDir(), "none.db")}
	code, out, errOut := run(t, "", env, "digest", "--preview", "--date", "2026-03-29", "--count", "2")
	require.Equal(t, 0, code, errOut)
	assert.True(t, strings.HasPrefix(out, "Azerbaijan–China: facts for Sunday, 29 March 2026\n"), out)
	assert.Contains(t, out, "[2] ")
	assert.NotContains(t, out, "[3] ")
	assert.NoFileExists(t, env["AZCHINA_DB"], "a preview creates no database")

	_, again, _ := run(t, "", env, "digest", "--preview", "--date", "2026-03-29", "--count", "2")
	assert.Equal(t, out, again, "the same day gives the same digest")
	_, other, _ := run(t, "", env, "digest", "--preview", "--date", "2026-03-29", "--count", "2", "--chat", "discord:1")
	assert.NotEqual(t, out, other, "another chat has its own rotation")
}

func TestDigestPreviewUsage(t *testing.T) {
	for _, args := range [][]string{
		{"digest"},
		{"digest", "--preview", "--date", "2026-13-01"},
		{"digest", "--preview", "--date", "tomorrow"},
		{"digest", "--preview", "--count", "11"},
		{"digest", "--preview", "--count", "-1"},
		{"digest", "--preview", "--chat", "nochat"},
		{"digest", "--preview", "extra"},
	} {
		code, _, errOut := run(t, "", nil, args...)
		assert.Equal(t, 2, code, "%v", args)
		assert.Contains(t, errOut, "azchina digest", "%v", args)
	}
	code, _, _ := run(t, "", nil, "digest", "--help")
	assert.Equal(t, 0, code)
}

// recorder is a Poster that keeps what it was given.
type recorder struct {
	mu     sync.Mutex
	posted []digest.Digest
}

func (r *recorder) PostDigest(_ context.Context, d digest.Digest) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.posted = append(r.posted, d)
	return nil
}

func TestDigestPreviewIsWhatTheSchedulerPosts(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "azchina.db")
	env := map[string]string{"AZCHINA_DB": path}
	db, err := store.Open(ctx, path)
	require.NoError(t, err)
	defer db.Close()
	e := knowledgetest.Seeds(t)
	baku, err := time.LoadLocation("Asia/Baku")
	require.NoError(t, err)
	now := time.Date(2026, 3, 28, 12, 0, 0, 0, baku)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	rec := &recorder{}
	sched := digest.New(db, e, rec, digest.WithClock(clock))
	m := bot.Message{Platform: bot.Telegram, ChatID: "-1001", ChatKind: bot.Group, MessageID: "1"}
	_, ok := sched.Command(ctx, m, "schedule 09:00 Asia/Baku 4", true)
	require.True(t, ok)

	for i, date := range []string{"2026-03-29", "2026-03-30", "2026-03-31"} {
		code, preview, errOut := run(t, "", env, "digest", "--preview", "--chat", "telegram:-1001", "--date", date)
		require.Equal(t, 0, code, errOut)
		mu.Lock()
		now = time.Date(2026, 3, 29+i, 9, 0, 0, 0, baku)
		mu.Unlock()
		_, err := sched.Tick(ctx)
		require.NoError(t, err)
		require.Len(t, rec.posted, i+1)
		assert.Equal(t, rec.posted[i].Text(), preview, "%s: the terminal previews what is posted, 4 facts as scheduled", date)
	}
}
