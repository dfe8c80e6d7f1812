package store_test

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot/store"
)

func updates(ids ...int64) map[int64][]byte {
	m := map[int64][]byte{}
	for _, id := range ids {
		m[id] = []byte(`{"update_id":` + string(rune('0'+id%10)) + `}`)
	}
	return m
}

func TestTelegramUpdatesSurviveARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "azchina.db")
	db := open(t, path)
	taken, err := db.TakeUpdates(ctx, 999, updates(3, 1, 2), t0)
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 2, 3}, taken, "in order")
	require.NoError(t, db.DoneUpdates(ctx, 999, []int64{1, 3}, t0))
	require.NoError(t, db.Close())

	db = open(t, path)
	pending, err := db.PendingUpdates(ctx, 999)
	require.NoError(t, err)
	assert.Equal(t, updates(2), pending, "the update in flight at the restart is still pending, with its JSON")

	taken, err = db.TakeUpdates(ctx, 999, updates(1, 2, 3, 4), t0.Add(time.Minute))
	require.NoError(t, err)
	assert.Equal(t, []int64{4}, taken, "updates delivered again, answered or pending, are not taken twice")

	other, err := db.PendingUpdates(ctx, 7)
	require.NoError(t, err)
	assert.Empty(t, other, "another bot's updates are its own")
	taken, err = db.TakeUpdates(ctx, 7, updates(1), t0)
	require.NoError(t, err)
	assert.Equal(t, []int64{1}, taken)
}

func TestTelegramUpdatesDoneAreForgottenAfterADay(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "azchina.db"))
	_, err := db.TakeUpdates(ctx, 999, updates(1, 2), t0)
	require.NoError(t, err)
	require.NoError(t, db.DoneUpdates(ctx, 999, []int64{1}, t0))

	taken, err := db.TakeUpdates(ctx, 999, updates(1), t0.Add(store.KeepDoneUpdates-time.Minute))
	require.NoError(t, err)
	assert.Empty(t, taken, "remembered for a day")
	taken, err = db.TakeUpdates(ctx, 999, updates(1, 2), t0.Add(store.KeepDoneUpdates+time.Minute))
	require.NoError(t, err)
	assert.Equal(t, []int64{1}, taken, "forgotten after a day; a pending update never is")
}

func TestTelegramUpdatesRacingTakersTakeEachOnce(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "azchina.db"))
	var wg sync.WaitGroup
	var mu sync.Mutex
	seen := map[int64]int{}
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			taken, err := db.TakeUpdates(ctx, 999, updates(1, 2, 3, 4, 5), t0)
			assert.NoError(t, err)
			mu.Lock()
			defer mu.Unlock()
			for _, id := range taken {
				seen[id]++
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, map[int64]int{1: 1, 2: 1, 3: 1, 4: 1, 5: 1}, seen)
}
