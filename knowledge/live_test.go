package knowledge

import (
	"context"
	"os"
	"path/filepath"
	"strings"
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
	require.NoError(t, os.CopyFS(dir, seeds.FS))
	return dir
}

// watch runs a watcher of dir over live, looking every 10 ms, until the test ends, and
// returns a function that waits for its next reload's report.
func watch(t *testing.T, live *Live, dir string) (next func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	reports := make(chan error, 10)
	done := make(chan struct{})
	w := live.Watch(dir)
	go func() {
		defer close(done)
		w.Run(ctx, 10*time.Millisecond, func(err error) { reports <- err })
	}()
	t.Cleanup(func() { cancel(); <-done })
	return func() error {
		t.Helper()
		select {
		case err := <-reports:
			return err
		case <-time.After(30 * time.Second):
			t.Fatal("no reload reported")
			return nil
		}
	}
}

func TestHotReload(t *testing.T) {
	dir := copySeeds(t)
	e, err := Load(os.DirFS(dir))
	require.NoError(t, err)
	live := NewLive(e)
	ctx := context.Background()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	defer wg.Wait()
	defer close(stop)
	next := watch(t, live, dir)

	// Questions keep being answered while the index is rebuilt and swapped, each from one
	// whole index: answered, with a verbatim quote of a file.
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
			if !assert.NoError(t, err) || !assert.True(t, a.Answered) || !assert.NotEmpty(t, a.Citations) {
				return
			}
			raw, err := seeds.FS.ReadFile(a.Citations[0].Source)
			assert.NoError(t, err)
			assert.Contains(t, string(raw), a.Citations[0].Quote)
		}
	}()

	q := "Which Chinese city will Azerbaijan Airlines fly to?"
	flights := filepath.Join(dir, "005_flights.txt")
	a, _ := live.Answer(ctx, q)
	assert.False(t, a.Answered)
	require.NoError(t, os.WriteFile(flights, []byte(flightsArticle), 0o644))
	require.NoError(t, next(), "an added article is read")
	a, _ = live.Answer(ctx, q)
	require.True(t, a.Answered)
	assert.Equal(t, "005_flights.txt", a.Citations[0].Source)
	assert.Contains(t, a.Text, "Chengdu")

	require.NoError(t, os.WriteFile(flights, []byte(strings.ReplaceAll(flightsArticle, "Chengdu", "Urumqi")), 0o644))
	require.NoError(t, next(), "a changed article is read again")
	a, _ = live.Answer(ctx, q)
	require.True(t, a.Answered)
	assert.Contains(t, a.Text, "Urumqi")
	assert.NotContains(t, a.Text, "Chengdu")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "006_broken.txt"), []byte{0xff, 0xfe, 0x00}, 0o644))
	err = next()
	require.Error(t, err, "a broken article is reported")
	assert.Contains(t, err.Error(), "006_broken.txt")
	a, _ = live.Answer(ctx, q)
	assert.True(t, a.Answered, "and the old index is kept")
	assert.Contains(t, a.Text, "Urumqi")

	require.NoError(t, os.Remove(filepath.Join(dir, "006_broken.txt")))
	require.NoError(t, next())
	require.NoError(t, os.Remove(flights))
	require.NoError(t, next(), "a removed article is forgotten")
	a, _ = live.Answer(ctx, q)
	assert.False(t, a.Answered)
}

// An article that was broken when the bot started is left out, as it was then, and does
// not hold up the changes that come after it.
func TestBrokenFromTheStartDoesNotBlockReloads(t *testing.T) {
	dir := copySeeds(t)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "006_broken.txt"), []byte{0xff, 0xfe, 0x00}, 0o644))
	e, err := Load(os.DirFS(dir))
	require.NoError(t, err)
	require.Len(t, e.Problems(), 1)
	live := NewLive(e)
	next := watch(t, live, dir)

	require.NoError(t, os.WriteFile(filepath.Join(dir, "005_flights.txt"), []byte(flightsArticle), 0o644))
	require.NoError(t, next())
	a, err := live.Answer(context.Background(), "Which Chinese city will Azerbaijan Airlines fly to?")
	require.NoError(t, err)
	assert.True(t, a.Answered, "the new article is answered from")
	assert.Len(t, live.Engine().Problems(), 1, "the broken one is still left out")
}

// A folder that can no longer be read at all keeps the index as it was.
func TestFolderGoneKeepsTheIndex(t *testing.T) {
	dir := copySeeds(t)
	e, err := Load(os.DirFS(dir))
	require.NoError(t, err)
	live := NewLive(e)
	next := watch(t, live, dir)
	require.NoError(t, os.RemoveAll(dir))
	err = next()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "kept the articles as they were")
	assert.Same(t, e, live.Engine())
}
