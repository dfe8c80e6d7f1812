package knowledge

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"
)

// evalItem is one question of a set in the format of shared/eval/dev.jsonl.
type evalItem struct {
	ID      string     `json:"id"`
	Cat     string     `json:"cat"`
	Q       string     `json:"q"`
	Expect  [][]string `json:"expect"`
	Sources []string   `json:"sources"`
	Refuse  bool       `json:"refuse"`
}

func readEval(t testing.TB, path string) []evalItem {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []evalItem
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var it evalItem
		require.NoError(t, json.Unmarshal(sc.Bytes(), &it))
		out = append(out, it)
	}
	require.NoError(t, sc.Err())
	return out
}

// normal folds text the way shared/eval/score.py does before comparing.
func normal(s string) string {
	s = norm.NFKC.String(s)
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u2013", "-", "\u2014", "-", "\u00a0", " ").Replace(s)
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), unicode.IsSpace), " ")
}

// judge scores an answer exactly as shared/eval/score.py does and says why it is wrong.
func judge(it evalItem, a Answer) (bool, string) {
	if it.Refuse {
		return !a.Answered, "answered an out-of-scope question"
	}
	if !a.Answered {
		return false, "refused"
	}
	if len(a.Text) > 1000 {
		return false, "text too long"
	}
	cites := a.Citations
	if len(cites) > 3 {
		cites = cites[:3]
	}
	hay := a.Text
	for _, c := range cites {
		hay += " " + c.Quote
	}
	hay = normal(hay)
	for _, group := range it.Expect {
		found := false
		for _, alt := range group {
			found = found || strings.Contains(hay, normal(alt))
		}
		if !found {
			return false, "missing " + strings.Join(group, "|")
		}
	}
	for _, c := range cites {
		for _, p := range it.Sources {
			if strings.HasPrefix(c.Source, p) {
				return true, ""
			}
		}
	}
	return false, "no citation from " + strings.Join(it.Sources, ",")
}

// score answers a question set and returns the share right (multilingual questions apart,
// as score.py does) and what went wrong.
func score(t testing.TB, e *Engine, items []evalItem) (float64, []string) {
	right, total := 0, 0
	var wrong []string
	for _, it := range items {
		if it.Cat == "multilingual" {
			continue
		}
		a, err := e.Answer(context.Background(), it.Q)
		require.NoError(t, err)
		ok, why := judge(it, a)
		total++
		if ok {
			right++
		} else {
			wrong = append(wrong, it.ID+" "+it.Q+": "+why)
		}
	}
	return float64(right) / float64(total), wrong
}

// TestDevAccuracy holds the engine to its accuracy on the dev questions, so that a ranking
// change cannot lower it unnoticed.
func TestDevAccuracy(t *testing.T) {
	e := seedEngine(t)
	acc, wrong := score(t, e, readEval(t, "testdata/dev.jsonl"))
	t.Logf("dev accuracy %.1f%%", 100*acc)
	require.GreaterOrEqual(t, acc, 0.98, "wrong:\n%s", strings.Join(wrong, "\n"))
	for _, w := range wrong {
		require.NotContains(t, w, "answered an out-of-scope question", "every out-of-scope question is refused")
	}
}
