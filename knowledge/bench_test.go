package knowledge

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand"
	"runtime"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/azchina/azchina/seeds"
)

func BenchmarkLoadSeeds(b *testing.B) {
	for b.Loop() {
		if _, err := Load(seeds.FS); err != nil {
			b.Fatal(err)
		}
	}
}

// reportLatency answers the questions over and over for the benchmark's time and reports
// the median and 99th percentile of one answer.
func reportLatency(b *testing.B, e *Engine, questions []string) {
	ctx := context.Background()
	var took []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		if _, err := e.Answer(ctx, questions[i%len(questions)]); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
		i++
	}
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	b.ReportMetric(float64(took[len(took)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds()), "p99-µs")
}

func devQuestions(b *testing.B) []string {
	var qs []string
	for _, it := range readEval(b, "testdata/dev.jsonl") {
		qs = append(qs, it.Q)
	}
	return qs
}

func BenchmarkAnswer(b *testing.B) {
	e := seedEngine(b)
	reportLatency(b, e, devQuestions(b))
}

// BenchmarkAnswerMultilingual answers the questions in Azerbaijani, Russian and Chinese,
// read through the lexicon first.
func BenchmarkAnswerMultilingual(b *testing.B) {
	e := seedEngine(b)
	var qs []string
	for _, it := range readEval(b, "testdata/multilingual.jsonl") {
		qs = append(qs, it.Q)
	}
	reportLatency(b, e, qs)
}

// generatedCorpus makes n copies of every seed article in which about a quarter of the
// words are replaced by words of a made-up vocabulary, so that the copies are new text
// of the seeds' shape and size.
func generatedCorpus(b *testing.B, n int) fs.FS {
	rng := rand.New(rand.NewSource(1))
	out := fstest.MapFS{}
	names, err := fs.Glob(seeds.FS, "*.txt")
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range names {
		raw, err := seeds.FS.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		lines := strings.Split(string(raw), "\n")
		for k := 0; k < n; k++ {
			var sb strings.Builder
			for _, line := range lines {
				for i, w := range strings.Fields(line) {
					if i > 0 {
						sb.WriteByte(' ')
					}
					if rng.Intn(4) == 0 {
						w = fmt.Sprintf("w%x", rng.Intn(200000))
					}
					sb.WriteString(w)
				}
				sb.WriteByte('\n')
			}
			out[fmt.Sprintf("%s_%04d.txt", strings.TrimSuffix(name, ".txt"), k)] = &fstest.MapFile{Data: []byte(sb.String())}
		}
	}
	return out
}

// BenchmarkLargeCorpus builds the index of a corpus 1,000 times the seeds and answers the
// dev questions from it, reporting build time, answer latency and the heap the index holds.
func BenchmarkLargeCorpus(b *testing.B) {
	corpus := generatedCorpus(b, 1000)
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	e, err := Load(corpus)
	if err != nil {
		b.Fatal(err)
	}
	build := time.Since(start)
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	b.ResetTimer()
	reportLatency(b, e, devQuestions(b))
	b.ReportMetric(build.Seconds(), "build-s")
	b.ReportMetric(float64(after.HeapAlloc)/(1<<20), "heap-MiB")
	b.ReportMetric(float64(len(e.facts)), "facts")
}
