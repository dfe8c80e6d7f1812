package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
	"github.com/azchina/azchina/bot/store"
)

var (
	ctx  = context.Background()
	chat = digest.Channel{Platform: bot.Telegram, ChatID: "-1001"}
	t0   = time.Date(2026, 3, 29, 7, 0, 0, 0, time.UTC)
)

func open(t *testing.T, path string) *store.DB {
	t.Helper()
	db, err := store.Open(ctx, path)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

func day(t *testing.T, s string) digest.Day {
	t.Helper()
	d, err := digest.ParseDay(s)
	require.NoError(t, err)
	return d
}

func claimed(k digest.PostKey, owner string) digest.Post {
	return digest.Post{PostKey: k, Count: 3, Due: t0, State: digest.Claimed, Owner: owner, Attempts: 1,
		LeaseUntil: t0.Add(10 * time.Minute), Updated: t0}
}

func TestOpenMigratesOnceInWALMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "azchina.db")
	db := open(t, path)
	require.NoError(t, db.SaveSchedule(ctx, digest.Schedule{Channel: chat, At: digest.TimeOfDay{Hour: 9}, Zone: "Asia/Baku", Count: 3, Enabled: true, Since: t0}))
	require.NoError(t, db.Close())

	again := open(t, path)
	_, err := again.Schedule(ctx, chat)
	require.NoError(t, err, "reopening keeps the data: migrations ran once")

	raw, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	defer raw.Close()
	var mode string
	require.NoError(t, raw.QueryRow("PRAGMA journal_mode").Scan(&mode))
	assert.Equal(t, "wal", mode)
	var version int
	require.NoError(t, raw.QueryRow("PRAGMA user_version").Scan(&version))
	names, err := filepath.Glob("migrations/*.sql")
	require.NoError(t, err)
	assert.Equal(t, len(names), version, "every embedded migration applied")
}

func TestOpenRefusesANewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "azchina.db")
	require.NoError(t, open(t, path).Close())
	raw, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	_, err = raw.Exec("PRAGMA user_version = 99")
	require.NoError(t, err)
	require.NoError(t, raw.Close())
	_, err = store.Open(ctx, path)
	require.ErrorContains(t, err, "schema version 99 is newer")
}

func TestOpenFailsClearly(t *testing.T) {
	dir := t.TempDir()
	for name, path := range map[string]string{
		"no folder":   filepath.Join(dir, "missing", "azchina.db"),
		"a folder":    dir,
		"query chars": filepath.Join(dir, "a?b.db"),
		"empty":       "",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := store.Open(ctx, path)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "open database")
		})
	}
}

// Connections racing to switch a new file to WAL mode get SQLITE_BUSY at once, without
// the busy timeout: before Open tried again, about one new file in 30 failed to open here.
func TestConcurrentOpensOfANewFile(t *testing.T) {
	dir := t.TempDir()
	for round := range 40 {
		path := filepath.Join(dir, fmt.Sprintf("azchina-%d.db", round))
		var wg sync.WaitGroup
		errs := make([]error, 12)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				db, err := store.Open(ctx, path)
				if err != nil {
					errs[i] = err
					return
				}
				defer db.Close()
				ch := digest.Channel{Platform: bot.Telegram, ChatID: fmt.Sprint(i)}
				errs[i] = db.SaveSchedule(ctx, digest.Schedule{Channel: ch, At: digest.TimeOfDay{Hour: 9}, Zone: "UTC", Count: 3, Enabled: true, Since: t0})
			}()
		}
		wg.Wait()
		for i, err := range errs {
			require.NoError(t, err, "round %d, opener %d", round, i)
		}
		db := open(t, path)
		got, err := db.Schedules(ctx)
		require.NoError(t, err)
		require.Len(t, got, len(errs), "every opener could write")
	}
}

func TestSchedules(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "azchina.db"))
	_, err := db.Schedule(ctx, chat)
	require.ErrorIs(t, err, digest.ErrNotFound)

	sc := digest.Schedule{Channel: chat, At: digest.TimeOfDay{Hour: 9, Minute: 30}, Zone: "Asia/Baku", Count: 5, Enabled: true, Since: t0, SetBy: "ann"}
	require.NoError(t, db.SaveSchedule(ctx, sc))
	got, err := db.Schedule(ctx, chat)
	require.NoError(t, err)
	assert.Equal(t, sc, got)

	other := digest.Schedule{Channel: digest.Channel{Platform: bot.Discord, ChatID: "42"}, At: digest.TimeOfDay{Hour: 23, Minute: 59}, Zone: "UTC", Count: 1, Enabled: false, Since: t0}
	require.NoError(t, db.SaveSchedule(ctx, other))
	list, err := db.Schedules(ctx)
	require.NoError(t, err)
	assert.Equal(t, []digest.Schedule{sc}, list, "only enabled schedules are listed")

	sc.Enabled, sc.Zone = false, "Europe/Berlin"
	require.NoError(t, db.SaveSchedule(ctx, sc))
	got, err = db.Schedule(ctx, chat)
	require.NoError(t, err)
	assert.Equal(t, sc, got, "saving again replaces")

	sc.Count = 11
	assert.Error(t, db.SaveSchedule(ctx, sc), "the table refuses a count over 10 too")
}

func TestClaimOnce(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "azchina.db"))
	k := digest.PostKey{Channel: chat, Day: day(t, "2026-03-29")}
	ok, err := db.Claim(ctx, claimed(k, "a"))
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = db.Claim(ctx, claimed(k, "b"))
	require.NoError(t, err)
	assert.False(t, ok, "the day is taken")
	p, err := db.Post(ctx, k)
	require.NoError(t, err)
	assert.Equal(t, claimed(k, "a"), p)

	next := digest.PostKey{Channel: chat, Day: day(t, "2026-03-30")}
	ok, err = db.Claim(ctx, claimed(next, "b"))
	require.NoError(t, err)
	assert.True(t, ok, "the next day is free")
	_, err = db.Post(ctx, digest.PostKey{Channel: chat, Day: day(t, "2026-03-31")})
	assert.ErrorIs(t, err, digest.ErrNotFound)
}

func TestRacingClaimsAcrossHandles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "azchina.db")
	dbs := []*store.DB{open(t, path), open(t, path), open(t, path)}
	k := digest.PostKey{Channel: chat, Day: day(t, "2026-03-29")}
	var wg sync.WaitGroup
	won := make([]bool, 12)
	for i := range won {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := dbs[i%len(dbs)].Claim(ctx, claimed(k, string(rune('a'+i))))
			assert.NoError(t, err)
			won[i] = ok
		}()
	}
	wg.Wait()
	n := 0
	for _, ok := range won {
		if ok {
			n++
		}
	}
	assert.Equal(t, 1, n, "exactly one claim wins")
}

func TestReclaim(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "azchina.db"))
	k := digest.PostKey{Channel: chat, Day: day(t, "2026-03-29")}
	lease := t0.Add(10 * time.Minute)
	ok, err := db.Claim(ctx, claimed(k, "a"))
	require.NoError(t, err)
	require.True(t, ok)

	ok, err = db.Reclaim(ctx, k, "b", t0.Add(time.Minute), lease.Add(time.Minute), false)
	require.NoError(t, err)
	assert.False(t, ok, "a live lease is not taken over")
	ok, err = db.Reclaim(ctx, k, "b", lease, lease.Add(10*time.Minute), false)
	require.NoError(t, err)
	assert.True(t, ok, "a lease that ran out is")
	ok, err = db.Reclaim(ctx, k, "c", lease, lease.Add(10*time.Minute), false)
	require.NoError(t, err)
	assert.False(t, ok, "once")

	ok, err = db.MarkFailed(ctx, k, "a", lease, "too late", lease.Add(time.Minute))
	require.NoError(t, err)
	assert.False(t, ok, "a claimant that lost the claim cannot record an outcome")
	ok, err = db.MarkFailed(ctx, k, "b", lease, "403 Forbidden", lease.Add(2*time.Minute))
	require.NoError(t, err)
	assert.True(t, ok)
	p, err := db.Post(ctx, k)
	require.NoError(t, err)
	assert.Equal(t, digest.Retrying, p.State)
	assert.Equal(t, 2, p.Attempts)
	assert.Equal(t, "403 Forbidden", p.LastError)
	assert.Equal(t, lease.Add(2*time.Minute), p.NextAttempt)

	ok, err = db.Reclaim(ctx, k, "c", lease.Add(time.Minute), lease.Add(time.Hour), false)
	require.NoError(t, err)
	assert.False(t, ok, "the retry is not due yet")
	ok, err = db.Reclaim(ctx, k, "c", lease.Add(2*time.Minute), lease.Add(time.Hour), false)
	require.NoError(t, err)
	assert.True(t, ok, "the retry is due")
	ok, err = db.MarkFailed(ctx, k, "c", lease.Add(2*time.Minute), "403 Forbidden", time.Time{})
	require.NoError(t, err)
	assert.True(t, ok)
	p, err = db.Post(ctx, k)
	require.NoError(t, err)
	assert.Equal(t, digest.Failed, p.State, "no retry time: failed for good")

	ok, err = db.Reclaim(ctx, k, "d", lease.Add(time.Hour), lease.Add(2*time.Hour), false)
	require.NoError(t, err)
	assert.False(t, ok, "a failed post is not retried by itself")
	ok, err = db.Reclaim(ctx, k, "d", lease.Add(time.Hour), lease.Add(2*time.Hour), true)
	require.NoError(t, err)
	assert.True(t, ok, "but a moderator may force it")
	ok, err = db.MarkSent(ctx, k, "d", lease.Add(time.Hour), nil)
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = db.Reclaim(ctx, k, "e", lease.Add(3*time.Hour), lease.Add(4*time.Hour), true)
	require.NoError(t, err)
	assert.False(t, ok, "a sent post is never claimed again")
	p, err = db.Post(ctx, k)
	require.NoError(t, err)
	assert.Equal(t, digest.Sent, p.State)
	assert.Equal(t, 4, p.Attempts)
	assert.Empty(t, p.LastError)
}

func TestExpire(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "azchina.db"))
	k := digest.PostKey{Channel: chat, Day: day(t, "2026-03-29")}
	_, err := db.Claim(ctx, claimed(k, "a"))
	require.NoError(t, err)
	ok, err := db.Expire(ctx, k, t0.Add(time.Minute), "gave up")
	require.NoError(t, err)
	assert.False(t, ok, "a live claim is not expired")
	ok, err = db.Expire(ctx, k, t0.Add(time.Hour), "gave up")
	require.NoError(t, err)
	assert.True(t, ok)
	p, err := db.Post(ctx, k)
	require.NoError(t, err)
	assert.Equal(t, digest.Failed, p.State)
	assert.Equal(t, "gave up", p.LastError)
	unfinished, err := db.Unfinished(ctx)
	require.NoError(t, err)
	assert.Empty(t, unfinished)
}

func TestRotationAndPosts(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "azchina.db"))
	post := func(d string, facts ...digest.Rotated) {
		t.Helper()
		k := digest.PostKey{Channel: chat, Day: day(t, d)}
		ok, err := db.Claim(ctx, claimed(k, "a"))
		require.NoError(t, err)
		require.True(t, ok)
		ok, err = db.MarkSent(ctx, k, "a", t0, facts)
		require.NoError(t, err)
		require.True(t, ok)
	}
	rot, err := db.Rotation(ctx, chat, day(t, "2026-03-29"))
	require.NoError(t, err)
	assert.Equal(t, digest.Rotation{Cycle: 0, Used: map[string]bool{}}, rot)

	post("2026-03-27", digest.Rotated{Fact: "a", Cycle: 0}, digest.Rotated{Fact: "b", Cycle: 0})
	post("2026-03-28", digest.Rotated{Fact: "c", Cycle: 0}, digest.Rotated{Fact: "a", Cycle: 1})
	post("2026-03-29", digest.Rotated{Fact: "b", Cycle: 1})

	for _, tt := range []struct {
		before string
		want   digest.Rotation
	}{
		{"2026-03-27", digest.Rotation{Cycle: 0, Used: map[string]bool{}}},
		{"2026-03-28", digest.Rotation{Cycle: 0, Used: map[string]bool{"a": true, "b": true}}},
		{"2026-03-29", digest.Rotation{Cycle: 1, Used: map[string]bool{"a": true}}},
		{"2026-03-30", digest.Rotation{Cycle: 1, Used: map[string]bool{"a": true, "b": true}}},
	} {
		rot, err := db.Rotation(ctx, chat, day(t, tt.before))
		require.NoError(t, err)
		assert.Equal(t, tt.want, rot, "before %s", tt.before)
	}
	other, err := db.Rotation(ctx, digest.Channel{Platform: bot.Discord, ChatID: "-1001"}, day(t, "2026-03-30"))
	require.NoError(t, err)
	assert.Empty(t, other.Used, "rotation is per channel")

	posts, err := db.Posts(ctx, chat, 2)
	require.NoError(t, err)
	require.Len(t, posts, 2)
	assert.Equal(t, "2026-03-29", posts[0].Day.String(), "newest first")
	assert.Equal(t, "2026-03-28", posts[1].Day.String())
}
