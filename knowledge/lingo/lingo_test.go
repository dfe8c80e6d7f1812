package lingo

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	lexOnce sync.Once
	lex     *Lexicon
	lexErr  error
)

// domainLexicon is the lexicon the engine embeds.
func domainLexicon(t testing.TB) *Lexicon {
	t.Helper()
	lexOnce.Do(func() {
		f, err := os.Open("../data/lexicon.yaml")
		if err != nil {
			lexErr = err
			return
		}
		defer f.Close()
		lex, lexErr = ReadLexicon(f)
	})
	require.NoError(t, lexErr)
	return lex
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text string
		want       Language
	}{
		{"english", "How many documents were signed in 2019?", English},
		{"english lower case", "visa fre regime china azerbaijan", English},
		{"english naming a place in Azerbaijani", "What happened in Naxçıvan in 2025?", English},
		{"english with a Turkish name", "Did Türkiye sign anything?", English},
		{"names alone", "Bayramov Wang Yi", English},
		{"nothing to read", "?!", English},
		{"emoji", "🇦🇿🇨🇳🤝", English},
		{"azerbaijani", "Əliyev Pekinə nə vaxt gəlib?", Azerbaijani},
		{"azerbaijani without its letters", "Azerbaycan ve Cin arasinda ticaret ne qederdir?", Azerbaijani},
		{"azerbaijani upper case", "ÇİN VƏ AZƏRBAYCAN", Azerbaijani},
		{"russian", "Когда подписали соглашение о безвизовом режиме?", Russian},
		{"russian with latin acronyms", "Что сказали о SCO и COP29?", Russian},
		{"chinese", "中国支持阿塞拜疆哪个机构的排雷工作？", Chinese},
		{"chinese with latin", "SCO峰会在哪里举行？", Chinese},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Detect(tt.text))
		})
	}
}

// TestEnglishQuestionsStayEnglish reads every English question of the dev set: none may be
// taken for another language, or the English path would change.
func TestEnglishQuestionsStayEnglish(t *testing.T) {
	f, err := os.Open("../testdata/dev.jsonl")
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		var it struct{ Q string }
		require.NoError(t, json.Unmarshal(sc.Bytes(), &it))
		assert.Equal(t, English, Detect(it.Q), it.Q)
		n++
	}
	require.NoError(t, sc.Err())
	require.Positive(t, n)
}

func TestEnglish(t *testing.T) {
	l := domainLexicon(t)
	tests := []struct {
		name string
		lang Language
		text string
		want string
	}{
		{"english unchanged", English, "Who met whom?", "Who met whom?"},
		{"russian cases by stem", Russian, "Азербайджана и Китая", "azerbaijan china"},
		{"russian name in a case", Russian, "с Алиевым", "aliyev"},
		{"russian phrase", Russian, "Пояс и путь", "belt and road"},
		{"russian phrase beats its words", Russian, "Мехрибан Алиева", "mehriban aliyeva"},
		{"russian question words", Russian, "Сколько документов", "how many documents"},
		{"russian which is not how", Russian, "В каком году", "which year"},
		{"russian ё", Russian, "объём", "volume"},
		{"russian unknown word kept", Russian, "Какая погода в Мадриде?", "which weather мадриде"},
		{"azerbaijani suffixes", Azerbaijani, "Azərbaycanın Çinə", "azerbaijan china"},
		{"azerbaijani typed without its letters", Azerbaijani, "Azerbaycanin Cine", "azerbaijan china"},
		{"azerbaijani verb", Azerbaijani, "imzalanmışdır", "signed"},
		{"azerbaijani how, not how many", Azerbaijani, "necədir", "how"},
		{"azerbaijani how many", Azerbaijani, "neçə sənəd", "how many documents"},
		{"azerbaijani suffix after a hyphen", Azerbaijani, "ANAMA-nın", "anama"},
		{"azerbaijani ordinal", Azerbaijani, "2019-cu ildə", "2019"},
		{"azerbaijani short stem needs a suffix", Azerbaijani, "İlham Əliyev", "ilham aliyev"},
		{"azerbaijani phrase", Azerbaijani, "Kəmər və Yol", "belt and road"},
		{"azerbaijani softened final consonant", Azerbaijani, "tərəfdaşlığı", "partnership"},
		{"azerbaijani unknown word kept", Azerbaijani, "Bakıda futbol", "baku futbol"},
		{"chinese segmentation", Chinese, "中国支持阿塞拜疆", "china support azerbaijan"},
		{"chinese longest entry wins", Chinese, "一带一路倡议", "belt and road"},
		{"chinese unknown characters stay together", Chinese, "特斯拉的首席执行官", "特斯拉 首席执行官"},
		{"chinese numerals", Chinese, "二十份文件", "20 documents"},
		{"chinese dates", Chinese, "4月23日", "april 23"},
		{"chinese year", Chinese, "2019年签署", "2019 signed"},
		{"chinese latin acronym", Chinese, "SCO峰会", "sco summit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, l.English(tt.lang, tt.text))
		})
	}
}

func TestReadLexiconErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"malformed", "- {en: visa, ru: [виза]", "read lexicon"},
		{"unknown key", "- {en: visa, fr: [visa]}", "field fr not found"},
		{"no words", "- {en: visa}", `entry 1 ("visa") names no word`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadLexicon(strings.NewReader(tt.yaml))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestLexiconIsUnambiguous keeps each written form of the lexicon under one English
// meaning: a form listed twice would be read by whichever entry comes first.
func TestLexiconIsUnambiguous(t *testing.T) {
	l := domainLexicon(t)
	seen := map[string]string{}
	for _, e := range l.Entries() {
		for lang, forms := range map[Language][]string{Azerbaijani: e.Az, Russian: e.Ru, Chinese: e.Zh} {
			for _, f := range forms {
				key := string(lang) + ":" + strings.ToLower(f)
				if prev, ok := seen[key]; ok && prev != e.En {
					t.Errorf("%s %q means both %q and %q", lang, f, prev, e.En)
				}
				seen[key] = e.En
			}
		}
	}
}
