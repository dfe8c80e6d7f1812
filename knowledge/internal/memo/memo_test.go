package memo

import (
	"strconv"
	"sync"
	"testing"
)

func TestMemoKeepsUpToLimit(t *testing.T) {
	m := New[int](1000)
	for i := range 2000 {
		m.Store(strconv.Itoa(i), i)
	}
	for i := range 2000 {
		v, ok := m.Load(strconv.Itoa(i))
		if want := i < 1000; ok != want || ok && v != i {
			t.Fatalf("Load(%d) = %d, %v; want %v", i, v, ok, want)
		}
	}
}

func TestMemoConcurrent(t *testing.T) {
	m := New[string](100_000)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 5000 {
				k := strconv.Itoa((i * (g + 1)) % 3000)
				if v, ok := m.Load(k); ok && v != k {
					t.Errorf("Load(%s) = %s", k, v)
					return
				}
				m.Store(k, k)
			}
		}()
	}
	wg.Wait()
	for i := range 3000 {
		k := strconv.Itoa(i)
		if v, ok := m.Load(k); ok && v != k {
			t.Fatalf("Load(%s) = %s", k, v)
		}
	}
}

func TestMemoGetComputesOnce(t *testing.T) {
	m := New[int](10)
	calls := 0
	double := func(s string) int { calls++; return 2 * len(s) }
	for range 3 {
		if v := m.Get("abc", double); v != 6 {
			t.Fatalf("Get(abc) = %d, want 6", v)
		}
	}
	if calls != 1 {
		t.Fatalf("compute ran %d times, want 1", calls)
	}
}
