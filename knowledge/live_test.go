package knowledge

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/seeds"
)

func copySeeds(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := seeds.FS.ReadDir(".")
	require.NoError(t, err)
	for _, en := range entries {
		raw, err := seeds.FS.ReadFile(en.Name())
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, en.Name()), raw, 0o644))
	}
	return dir
}

func TestHotReload(t *testing.T) {
	dir := copySeeds(t)
	e, err := Load(os.DirFS(dir))
	require.NoError(t, err)
	live := NewLive(e)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reports := make(chan error, 10)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	defer wg.Wait()
	defer close(stop)
	w := live.Watch(dir)
	go w.Run(ctx, 10*time.Millisecond, func(err error) { reports <- err })

	// Questions keep being answered while the index is rebuilt and swapped.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			a, err := live.Answer(ctx, "How many documents were signed in 2019?")
			assert.NoError(t, err)
			assert.True(t, a.Answered)
		}
	}()

	// next waits for the watcher's next report.
	next := func() error {
		t.Helper()
		select {
		case err := <-reports:
			return err
		case <-time.After(30 * time.Second):
			t.Fatal("no reload reported")
			return nil
		}
	}
	q := "Which Chinese city will Azerbaijan Airlines fly to?"
	a, _ := live.Answer(ctx, q)
	assert.False(t, a.Answered)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "005_flights.txt"), []byte(flightsArticle), 0o644))
	require.NoError(t, next(), "an added article is read")
	a, _ = live.Answer(ctx, q)
	require.True(t, a.Answered)
	assert.Equal(t, "005_flights.txt", a.Citations[0].Source)

	require.NoError(t, os.WriteFile(filepath.Join(dir, "006_broken.txt"), []byte{0xff, 0xfe, 0x00}, 0o644))
	err = next()
	require.Error(t, err, "a broken article is reported")
	assert.Contains(t, err.Error(), "006_broken.txt")
	a, _ = live.Answer(ctx, q)
	assert.True(t, a.Answered, "and the old index is kept")

	require.NoError(t, os.Remove(filepath.Join(dir, "006_broken.txt")))
	require.NoError(t, next())
	require.NoError(t, os.Remove(filepath.Join(dir, "005_flights.txt")))
	require.NoError(t, next(), "a removed article is forgotten")
	a, _ = live.Answer(ctx, q)
	assert.False(t, a.Answered)
}
