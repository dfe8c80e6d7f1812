package knowledge

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/knowledge/lingo"
)

// TestMultilingualAccuracy holds the engine to its measured accuracy on the questions in
// Azerbaijani, Russian and Chinese, language by language, with the judge of the dev set.
func TestMultilingualAccuracy(t *testing.T) {
	e := seedEngine(t)
	// The share each language got right when last measured (20 questions each): all.
	floor := map[lingo.Language]float64{lingo.Azerbaijani: 1, lingo.Russian: 1, lingo.Chinese: 1}
	right, total := map[lingo.Language]int{}, map[lingo.Language]int{}
	var wrong []string
	for _, it := range readEval(t, "testdata/multilingual.jsonl") {
		require.Equal(t, "multilingual", it.Cat, it.ID)
		lang := lingo.Language(it.ID[:2])
		require.Contains(t, floor, lang, "%s: an ID starts with its language", it.ID)
		a, err := e.Answer(context.Background(), it.Q)
		require.NoError(t, err)
		assert.Equal(t, string(lang), a.Language, "%s: the language read", it.Q)
		total[lang]++
		if ok, why := judge(it, a); ok {
			right[lang]++
		} else {
			wrong = append(wrong, it.ID+" "+it.Q+": "+why)
			require.False(t, it.Refuse, "%s: every out-of-scope question is refused", it.Q)
		}
	}
	for lang, min := range floor {
		require.GreaterOrEqual(t, total[lang], 10, "%s: at least 10 questions", lang)
		acc := float64(right[lang]) / float64(total[lang])
		t.Logf("%s accuracy %d/%d (%.0f%%)", lang, right[lang], total[lang], 100*acc)
		assert.GreaterOrEqual(t, acc, min, "%s; wrong:\n%s", lang, strings.Join(wrong, "\n"))
	}
}

func TestAnswerInAnotherLanguage(t *testing.T) {
	e := seedEngine(t)
	tests := []struct {
		name, q, lang, lead string
		answered            bool
	}{
		{"russian", "Сколько документов подписали в 2019 году?", "ru", "(Цитаты на английском языке / quotes are in English)", true},
		{"azerbaijani", "2019-cu ildə neçə sənəd imzalanıb?", "az", "(Sitatlar ingilis dilindədir / quotes are in English)", true},
		{"chinese", "2019年签署了多少份文件？", "zh", "(引文为英文原文 / quotes are in English)", true},
		{"russian refusal", "Какая погода в Баку завтра?", "ru", "В статьях, по которым я отвечаю, об этом не говорится.", false},
		{"chinese refusal", "德国的首都是哪里？", "zh", "我所依据的文章中没有提到这一点。", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ask(t, e, tt.q)
			assert.Equal(t, tt.answered, a.Answered)
			assert.Equal(t, tt.lang, a.Language)
			assert.True(t, strings.HasPrefix(a.Text, tt.lead+"\n"), a.Text)
			assert.LessOrEqual(t, len(a.Text), 1000)
			if tt.answered {
				require.NotEmpty(t, a.Citations)
				assert.Contains(t, quotes(a), "ten documents", "the quote stays verbatim English")
			} else {
				assert.Empty(t, a.Citations)
			}
		})
	}
}

// TestEnglishAnswerNamesNoLanguage keeps the English answer's JSON as it was.
func TestEnglishAnswerNamesNoLanguage(t *testing.T) {
	a := ask(t, seedEngine(t), "How many documents were signed in 2019?")
	require.True(t, a.Answered)
	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"language"`)
	assert.False(t, strings.HasPrefix(a.Text, "("))
}

// TestLexiconMapsOntoTheIndex checks every English word the lexicon maps onto: the
// articles use it, the thesaurus knows it, or it is a function or question word. Only the
// places and months the articles never mention may be unknown, so that a question about them
// is refused, and "date" and "rank", which only say a question asks when or which place in
// an order.
func TestLexiconMapsOntoTheIndex(t *testing.T) {
	e := seedEngine(t)
	outside := map[string]bool{"usa": true, "germany": true, "france": true, "japan": true,
		"ukraine": true, "turkey": true, "iran": true, "moldova": true, "georgia": true,
		"capital": true, "population": true, "weather": true, "date": true, "rank": true}
	for _, m := range []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"} {
		outside[m] = true
	}
	for _, entry := range e.lexicon.Entries() {
		for _, tok := range e.az.Analyze(entry.En) {
			if tok.Stop || tok.Number || outside[tok.Surface] {
				continue
			}
			_, known := e.ix.Term(tok.Term)
			known = known || len(e.az.Synonyms(tok.Term)) > 0 || len(e.az.Concepts([]string{tok.Term})) > 0
			assert.True(t, known, "lexicon entry %q: %q is a word the engine does not know", entry.En, tok.Surface)
		}
	}
}

// TestLexiconCoversEveryIntent checks that each language can name every intent: for each
// intent, words in each language map onto at least 60% of its vocabulary entries (the
// rest are numbers, which pass through, and words a question would not use).
func TestLexiconCoversEveryIntent(t *testing.T) {
	e := seedEngine(t)
	named := map[lingo.Language]map[string]bool{lingo.Azerbaijani: {}, lingo.Russian: {}, lingo.Chinese: {}}
	for _, entry := range e.lexicon.Entries() {
		terms := e.az.Terms(entry.En)
		for lang, forms := range map[lingo.Language][]string{lingo.Azerbaijani: entry.Az, lingo.Russian: entry.Ru, lingo.Chinese: entry.Zh} {
			if len(forms) == 0 {
				continue
			}
			for _, t := range terms {
				named[lang][t] = true
			}
		}
	}
	for i, in := range e.intents {
		for lang, terms := range named {
			n := 0
			for _, v := range e.vocab[i] {
				all := true
				for _, t := range v.terms {
					all = all && terms[t]
				}
				if all {
					n++
				}
			}
			assert.GreaterOrEqual(t, 5*n, 3*len(e.vocab[i]), "%s names only %d of the %d vocabulary entries of intent %s", lang, n, len(e.vocab[i]), in.ID)
		}
	}
}
