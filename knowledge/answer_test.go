package knowledge

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/knowledge/index"
	"github.com/azchina/azchina/seeds"
)

func ask(t *testing.T, e *Engine, q string) Answer {
	t.Helper()
	a, err := e.Answer(context.Background(), q)
	require.NoError(t, err)
	return a
}

// quotes joins an answer's citation quotes.
func quotes(a Answer) string {
	var b strings.Builder
	for _, c := range a.Citations {
		b.WriteString(c.Quote + "\n")
	}
	return b.String()
}

// qa is a question and a text its answer (or a quote of it) must hold.
type qa struct{ q, want string }

// assertAnswers asks each question, each as a subtest, and checks that it is answered with
// its text.
func assertAnswers(t *testing.T, e *Engine, tests []qa) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := ask(t, e, tt.q)
			require.True(t, a.Answered, a.Text)
			assert.Contains(t, a.Text+quotes(a), tt.want)
		})
	}
}

func TestCitationsAreVerbatim(t *testing.T) {
	e := seedEngine(t)
	items := append(readEval(t, "testdata/dev.jsonl"),
		// Answers whose lines run past the length of a reply.
		evalItem{Q: "what does the second mp say china is for azerbaijan's foreign policy"},
		evalItem{Q: "name the agreements signed during the april visit"},
		// A when-answer whose dated sentence is itself one of the answer's quotes.
		evalItem{Q: "when did aliyev's state visit begin"})
	for _, it := range items {
		a := ask(t, e, it.Q)
		quoted := map[Citation]bool{}
		for k, c := range a.Citations {
			assert.False(t, quoted[c], "%s: no quote is shown twice: %q", it.Q, c.Quote)
			quoted[c] = true
			assert.Contains(t, a.Text, fmt.Sprintf("[%d]", k+1), "%s: every citation is marked in the text", it.Q)
			raw, err := seeds.FS.ReadFile(c.Source)
			require.NoError(t, err, "a citation names a seed file")
			assert.Contains(t, string(raw), c.Quote, "%s: the quote is verbatim from %s", it.Q, c.Source)
			assert.NotZero(t, c.Paragraph)
		}
		assert.LessOrEqual(t, len(a.Text), 1000, it.Q)
	}
}

func TestRefusals(t *testing.T) {
	e := seedEngine(t)
	tests := []struct{ name, q string }{
		{"general knowledge", "What is the capital of France?"},
		{"a fact the articles lack", "What is the population of Azerbaijan?"},
		{"the unrelated sidebar story", "How many countries signed the International Claims Commission convention?"},
		{"a joke", "Tell me a joke"},
		{"a joke about the topic", "tell me a joke about diplomats"},
		{"an essay asked for", "i need an essay on the Middle Corridor"},
		{"a wording asked for", "how do you say thank you in chinese"},
		{"a poem", "Write a poem about the Middle Corridor"},
		{"a translation", "Translate the joint statement into Chinese"},
		{"a length the articles lack", "how long is a flight from baku to beijing?"},
		{"a name in lower case", "what did putin say about azerbaijan"},
		{"a rare name of the articles no fact about the rest names", "When did Azerbaijan and Russia open embassies?"},
		{"a person the articles name who said nothing on it", "What did Wang Yi say about Armenia?"},
		{"a role the articles name only as another country's", "Who is the prime minister of China?"},
		{"one name in common and a word the articles never use", "What is the weather like in Urumqi?"},
		{"a word only the sentence before holds", "What is the capital of Azerbaijan?"},
		{"one name and a word matched only through WordNet", "What is Confucius famous for?"},
		{"what is to come, answered only by what was", "Who will chair CICA next?"},
		{"what is to come, asked only with next", "when are they meeting next"},
		{"who signed it, of a document named with no one and no body", "who put their signature on the Cultural Protocol?"},
		{"a kind of thing to be named, mistyped", "which chinese compnaies will build the smart villages?"},
		{"a kind of outlet to be named, of which only the media are", "what armenian outlet did chen ming give his statement to"},
		{"a body to be named, of a fact that names only concepts", "which bank signed the digital economy document?"},
		{"a day asked of a month the question names, which the articles give alone", "when in august is the SCO summit"},
		{"where an event is staged, of a fact that names a city only inside a concept's name", "where will the victory event be held"},
		{"a deed of those asked for, which no fact tells", "which ministers accompanied wang yi"},
		{"a brand asked for, of a fact that names only places and routes", "which chinese agricultural companies did the ministers discuss?"},
		{"a place in a ranking the articles give no one", "which country is azerbaijan's fifth largest partner"},
		{"the relations of a state beyond the two, named only in passing", "what are relations between china and armenia like"},
		{"the same, by the state's people", "how are russian-chinese relations"},
		{"the bot addressed, which is no word asked", "yo bot, what is the population of baku?"},
		{"a country the articles never name, by its people's adjective in lower case", "do french citizens need a visa for china"},
		{"the bot's own opinion", "what do you think of the visa deal?"},
		{"help with writing", "help me write an intro for my report on the visa deal"},
		{"a prediction", "predict the trade volume between the two in 2030"},
		{"a deed of two states, one named only in passing", "What agreements did China and Russia sign in Beijing?"},
		{"a name only a bio uses, asked of the story", "What did the 2019 Beijing forum bring Georgia?"},
		{"something of a named thing the articles never mention", "Who financed the Middle Corridor railway?"},
		{"greeting", "hi, how is your day?"},
		{"empty", ""},
		{"white space", "   \t\n "},
		{"punctuation", "?!?!...,,"},
		{"emoji", "🇦🇿🇨🇳🤝"},
		{"invalid UTF-8", "\xff\xfe\xfd"},
		{"control characters", "\x00\x01\x02\x1b[31m"},
		{"huge", strings.Repeat("visa ", 20000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ask(t, e, tt.q)
			assert.False(t, a.Answered)
			assert.NotEmpty(t, a.Text, "a refusal says why and what can be asked")
			assert.Empty(t, a.Citations)
			assert.NotNil(t, a.Citations, "JSON shows an empty list, not null")
		})
	}
}

func TestWordOrderPicksTheDirection(t *testing.T) {
	e := seedEngine(t)
	a := ask(t, e, "How much has Azerbaijan invested in China?")
	require.True(t, a.Answered)
	assert.Contains(t, a.Citations[0].Quote, "$2 billion")
	b := ask(t, e, "How much have Chinese companies invested in Azerbaijan?")
	require.True(t, b.Answered)
	assert.Contains(t, b.Citations[0].Quote, "$1 billion")
}

func TestTyposAndSynonyms(t *testing.T) {
	e := seedEngine(t)
	assertAnswers(t, e, []qa{
		{"wen were diplomatic misions established", "1992"},
		{"how large is the trade turnovr", "$3.5 billion"},
		{"which city is nakhichevan twinned with", "Urumqi"},
		{"when is the 35 anniversary", "2027"},
		{"what did aliev say about taiwan", "Taiwan"},
		// "tought" is one letter from "thought", a commoner word, and from "taught", a
		// form of "teaching", which the articles use.
		{"which languages will be tought under the agreement", "Chinese languages"},
	})
}

func TestMistypedWordPrefersTheArticlesWords(t *testing.T) {
	e := seedEngine(t)
	assert.Equal(t, "taught", e.findMistyped("tought"))
	assert.Equal(t, "which", e.findMistyped("whcih"), "a function word first")
}

func TestMistypedInIsTheSameEveryTime(t *testing.T) {
	e := seedEngine(t)
	words := map[string]bool{"reports": true, "reported": true}
	for range 50 { // a map is ranged in a new order each time
		require.Equal(t, "reported", e.mistypedIn("reportd", slices.Sorted(maps.Keys(words))), "one edit from two words: the first of them alphabetically")
	}
}

func TestPronounCarriesThePerson(t *testing.T) {
	e := seedEngine(t)
	a := ask(t, e, "Did Aliyev bring his family to Beijing?")
	require.True(t, a.Answered)
	assert.Contains(t, a.Text, "He [Ilham Aliyev] also brought his family")
	for i := range e.facts {
		if f := &e.facts[i]; strings.HasPrefix(f.Text, "The MP further highlighted") {
			assert.True(t, strings.HasPrefix(e.render(f), "The MP [Azer Allahveranov] further highlighted"), "a role standing for the person is named with it")
		}
	}
	assert.Equal(t, "He also brought his family, including his grandchildren, on the trip.", a.Citations[0].Quote, "the quote stays verbatim")
}

func TestRelativeDatesAreResolvedInTheAnswer(t *testing.T) {
	e := seedEngine(t)
	a := ask(t, e, "When did Aliyev's state visit to China begin?")
	require.True(t, a.Answered)
	assert.Contains(t, a.Text+quotes(a), "22")
	for _, f := range e.facts {
		if strings.HasPrefix(f.Text, "On Wednesday, Azerbaijani President") {
			assert.Contains(t, e.render(&f), "On Wednesday = 23 April 2025")
			assert.Contains(t, e.render(&f), "the previous day = 22 April 2025")
		}
	}
}

func TestSameFactInSeveralArticlesIsOneQuote(t *testing.T) {
	e := seedEngine(t)
	a := ask(t, e, "Does China support Azerbaijan in safeguarding its sovereignty and territorial integrity?")
	require.True(t, a.Answered)
	sources := map[string]bool{}
	for _, c := range a.Citations {
		sources[c.Source[:3]] = true
	}
	assert.True(t, sources["001"] && sources["002"], "cited from both articles: %v", a.Citations)
	assert.Equal(t, 1, strings.Count(a.Text, "safeguarding its national sovereignty"), a.Text)
}

func TestQuotationAfterColonIsQuoted(t *testing.T) {
	e := seedEngine(t)
	a := ask(t, e, "Which agreements were signed on April 23?")
	require.True(t, a.Answered)
	assert.Contains(t, a.Text, "Mutual Visa Exemption for ordinary passport holders", "a sentence ending in a colon brings the list after it")
}

func TestEveryFactIsFiledUnderAnIntent(t *testing.T) {
	e := seedEngine(t)
	for _, f := range e.Facts() {
		assert.NotEmpty(t, f.Intents, f.Text)
	}
	for _, tp := range e.Topics() {
		assert.NotZero(t, tp.Facts, tp.ID)
		assert.NotEmpty(t, tp.Description, tp.ID)
		assert.NotEmpty(t, tp.Examples, tp.ID)
		assert.NotEmpty(t, tp.Vocabulary, tp.ID)
	}
	assert.GreaterOrEqual(t, len(e.Topics()), 12)
}

func TestIntentExamplesAreAnswered(t *testing.T) {
	e := seedEngine(t)
	for _, tp := range e.Topics() {
		for _, q := range tp.Examples {
			a := ask(t, e, q)
			assert.True(t, a.Answered, "%s: %q", tp.ID, q)
		}
	}
}

func TestExplainShowsSignals(t *testing.T) {
	e := seedEngine(t)
	a, ex, err := e.Explain(context.Background(), "How many documents were signed in 2019?")
	require.NoError(t, err)
	require.True(t, a.Answered)
	assert.Equal(t, "number", ex.Kind)
	require.NotEmpty(t, ex.Hits)
	assert.Greater(t, ex.Hits[0].BM25, 0.0)
	assert.Equal(t, 1.0, ex.Hits[0].Type, "the winner holds a number")
	for _, h := range ex.Hits {
		assert.Equal(t, h.Eligible, h.Excluded == "", "a fact is excluded exactly when a reason says why: %+v", h)
		if h.Type == 0 {
			assert.Equal(t, "holds no number", h.Excluded, "a sentence without a number cannot say how many")
		}
	}
}

// flightsArticle is an article the seeds do not have, with no metadata entry.
const flightsArticle = "Azerbaijan and China open direct flights\n\nBAKU, Azerbaijan, June 2, 2025. Azerbaijan Airlines will fly from Baku to Chengdu twice a week from July, the airline said.\n"

func TestNewArticleInSeedsFolder(t *testing.T) {
	dir := copySeeds(t)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "005_new.txt"), []byte(flightsArticle), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "006_broken.txt"), []byte{0xff, 0xfe}, 0o644))
	e, err := Load(os.DirFS(dir))
	require.NoError(t, err)
	assert.Len(t, e.Problems(), 1, "the broken article is reported and left out")
	a := ask(t, e, "Which Chinese city will Azerbaijan Airlines fly to?")
	require.True(t, a.Answered, a.Text)
	assert.Equal(t, "005_new.txt", a.Citations[0].Source)
	art, ok := e.Article("005_new.txt")
	require.True(t, ok)
	assert.Equal(t, "2025-06-02", art.Date, "the dateline dates an article with no metadata entry")
}

func TestConcurrentAnswers(t *testing.T) {
	e := seedEngine(t)
	items := readEval(t, "testdata/dev.jsonl")
	want := make([]Answer, len(items))
	for i, it := range items {
		want[i] = ask(t, e, it.Q)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, it := range items {
				a, err := e.Answer(context.Background(), it.Q)
				assert.NoError(t, err)
				assert.Equal(t, want[i], a)
			}
		}()
	}
	wg.Wait()
}

func TestCanceledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := seedEngine(t).Answer(ctx, "visa")
	assert.ErrorIs(t, err, context.Canceled)
}

func FuzzAnswer(f *testing.F) {
	for _, s := range []string{"", "visa", "How many documents were signed in 2019?", "\xff\xfe", "@everyone <b>hi</b>",
		"how many how many", "when when", "az", "35th 3.5bn $1", "belt n road", strings.Repeat("a", 2000), "wen wat abt"} {
		f.Add(s)
	}
	e, err := Load(seeds.FS)
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, q string) {
		a, err := e.Answer(context.Background(), q)
		require.NoError(t, err)
		require.NotEmpty(t, a.Text)
		require.LessOrEqual(t, len(a.Text), 1000)
		require.Equal(t, a.Answered, len(a.Citations) > 0)
		require.GreaterOrEqual(t, a.Confidence, 0.0)
		require.LessOrEqual(t, a.Confidence, 1.0)
	})
}

func TestCreditsAnswerOnlyAboutTheArticle(t *testing.T) {
	e := seedEngine(t)
	tests := []struct{ q, want, kind string }{
		{"Which website is the source of the article on the comprehensive strategic partnership?", "commonspace.eu", "a Source line"},
		{"What date is the Trend article from?", "April 28", "a dateline"},
		{"Where does the author of the visa-free article live?", "Georgia", "the box about the author"},
		{"Who is Aytan Farhadova?", "journalist", "the box about the author"},
		{"In which country is the journalist Aytan Farhadova based?", "Georgia", "the box about the author, quoted whole"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a := ask(t, e, tt.q)
			require.True(t, a.Answered, a.Text)
			assert.Contains(t, a.Text+quotes(a), tt.want, tt.kind)
		})
	}
	// A question about the story is answered from the story, never from the credits.
	credits := map[string]bool{}
	for _, f := range e.facts {
		if f.Kind == Credit || f.Kind == Bio {
			credits[f.Text] = true
		}
	}
	for _, q := range []string{"When did Aliyev arrive in Beijing?", "Where does Azerbaijan invest?", "What did Trend report about trade?"} {
		for _, c := range ask(t, e, q).Citations {
			assert.False(t, credits[c.Quote], "%q quotes a credit: %s", q, c.Quote)
		}
	}
}

func TestDateOfTheSentenceBefore(t *testing.T) {
	e := seedEngine(t)
	a := ask(t, e, "When did the leaders agree to begin a visa-free regime?")
	require.True(t, a.Answered, a.Text)
	require.GreaterOrEqual(t, len(a.Citations), 2)
	assert.True(t, strings.HasPrefix(a.Citations[0].Quote, "On Wednesday"), "the sentence that dates the paragraph comes first")
	assert.True(t, strings.HasPrefix(a.Citations[1].Quote, "During the visit, the two leaders agreed"))
	assert.Contains(t, a.Text, "23 April 2025")
}

func TestUnknownWordsWeighByHowCommonTheyAre(t *testing.T) {
	e := seedEngine(t)
	assert.Less(t, e.unknownShare("way"), e.unknownShare("signature"), "a common word frames a question more often than a rare one")
	assert.Less(t, e.unknownShare("signature"), e.unknownShare("zelenskyy"))
	assert.Equal(t, 1.0, e.unknownShare("erdogan"), "a word English lacks may be the question's topic")
	assert.Equal(t, e.unknownShare("use"), e.unknownShare("using"), "a short verb's form weighs as the verb")
	assert.Equal(t, e.unknownShare("run"), e.unknownShare("ran"), "an irregular form weighs as its verb")
	assert.Less(t, e.unknownShare("somthing"), 0.5, "a function word mistyped frames the question as the word does")
	assert.True(t, e.isEnglish("betwen"), "a mistyped English word is no name")
	assert.False(t, e.isEnglish("biden"), "a name that an edit of its first letter makes English (widen) stays a name")
	assert.True(t, e.isEnglish("website"), "two English words run together are English")
	assert.True(t, e.isEnglish("biggest"), "a superlative that doubles its consonant is English")
	assert.False(t, e.isEnglish("putin"))
	assert.Equal(t, []string{"taiwan", "independ"}, e.az.Terms("Taiwanese independence"), "a demonym reads as its place (WordNet pertainyms)")
}

func TestSentencesInTheirContext(t *testing.T) {
	e := seedEngine(t)
	tests := []struct{ name, q, want string }{
		{"a sentence naming no one tells of the persons the article leads with",
			"What anniversary did Bayramov and Wang Yi welcome?", "35th anniversary"},
		{"a sentence taking up the one before it across a paragraph (the reports)",
			"Who denied the reports about Chinese companies and the Zangezur corridor?", "Chen Ming"},
		{"a sentence taking up the one before it across a paragraph (the interview)",
			"What did Aliyev tell Xinhua in the interview?", "second country after China"},
		{"an adjective of a place asks for a kind, not for the place",
			"Which European prime minister met Xi in April?", "Pedro Sanchez"},
		{"a role of the country the question names", "Who is the Spanish prime minister?", "Pedro Sanchez"},
		{"a role of the country the question names, beside another's", "Who is the foreign minister of China?", "Wang Yi"},
		{"a credit tells of the persons its article leads with",
			"What is the date of the article about Alizadeh?", "April 28"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ask(t, e, tt.q)
			require.True(t, a.Answered, a.Text)
			assert.Contains(t, a.Text+quotes(a), tt.want)
		})
	}
}

func TestCaptionsAnswerWhatOnlyTheyTell(t *testing.T) {
	e := seedEngine(t)
	assertAnswers(t, e, []qa{
		{"At which gate of the Great Hall was the welcome ceremony?", "east gate"},
		{"On what day were the flags of the two countries hung in Beijing?", "22 April"},
		{"Who took the photo of the welcome ceremony?", "Rao Aimin"},
		{"Who is Rao Aimin?", "Xinhua/Rao Aimin"},
	})
	a := ask(t, e, "At which gate of the Great Hall was the welcome ceremony?")
	assert.Contains(t, a.Text, "Photo caption: ", "a caption is shown as one")
	assert.False(t, ask(t, e, "What is the capital of Azerbaijan?").Answered, "two words in common with a caption are a coincidence")
}

func TestWhereWantsAPlace(t *testing.T) {
	e := seedEngine(t)
	a := ask(t, e, "Which region does the Middle Corridor pass through on the way to Europe?")
	require.True(t, a.Answered, a.Text)
	assert.Contains(t, a.Text, "South Caucasus", "a sentence naming no place ranks well below one that does")

	// "Which countries" is answered only by a fact that names a country the question does
	// not, though not among the places it tells of.
	b := ask(t, e, "which country is China's charge d'affaires posted to")
	require.True(t, b.Answered, b.Text)
	assert.Contains(t, b.Text, "to Armenia")
	c := ask(t, e, "Which Central Asian countries did they discuss?")
	assert.False(t, c.Answered, "“cooperation within Central Asia-related formats” names no country: %s", c.Text)
}

func TestPlaces(t *testing.T) {
	for text, want := range map[string][]string{
		"a key transit route connecting China to Europe via the South Caucasus": {"south"},
		"they met in Beijing":                     {"beijing"},
		"at the Great Hall of the People":         {"great"},
		"the visit in April":                      nil,
		"signed in the presence of others":        nil,
		"cooperation within Central Asia formats": nil,
		"held in the Golden Hall":                 {"golden"},
	} {
		assert.Equal(t, want, placesIn(text), text)
	}
	e := seedEngine(t)
	q := e.readQuestion(clean("In which Chinese city will the SCO summit take place?"))
	for _, f := range e.facts {
		if strings.Contains(f.Text, "SCO Summit in China") {
			assert.Zero(t, e.typeBonus(q, &f), "“in China” names no place the question does not")
		}
	}
}

func TestCues(t *testing.T) {
	tests := []struct {
		text string
		want cue
	}{
		{"The meeting focused on relations, News.Az reports, citing the Foreign Ministry.", citesSource | coversTopic},
		{"He told Trend that China is a crucial partner.", citesSource | saysSomething},
		{"To fully capitalize on these opportunities, cooperation is required.", givesReason},
		{"Mutual Visa Exemption for ordinary passport holders, to boost people-to-people ties.", givesReason},
		{"Since 1995, Chinese companies have invested nearly $1 billion.", datesStart},
		{"The flags are hung at Tiananmen Square.", 0},
		{"He told them nothing.", saysSomething},
		{"Xi and Peng also hosted a banquet.", 0}, // no words said
		{"Wang Yi lauded the strategic partnership.", saysSomething},
		{"The banquet was held at noon on Wednesday.", tellsClock},
		{"The talks began at 10:30 in Beijing.", tellsClock},
		{"The forum opens at 3 pm.", tellsClock},
		{"He had 3 amendments.", 0},                                                       // "am" begins a word here
		{"The ceremony was held in Beijing on April 23, 2025.", 0},                        // a date, not a time of day
		{"Such ties play a crucial role in ensuring long-term development.", givesReason}, // what they matter for
		{"The declaration marks a milestone in the relationship.", givesReason},           // what it means
		{"Thus, Azerbaijan is an important partner.", givesReason},
		{"Azerbaijan expressed gratitude to China for its support of demining.", givesReason | saysSomething}, // what for
		{"The invitation was accepted with enthusiasm.", 0},                                                   // "thus" inside a word is no conclusion
		{"He also brought his family on the trip.", 0},
		{"The agreement to implement visa exemptions was signed.", tellsFuture | tellsPlan},
		{"Discussions also covered cooperation in renewable energy.", coversTopic},
		{"The energy sector recovered quickly.", 0}, // "covered" inside a word covers nothing
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cuesOf(tt.text)&^namesActors, tt.text)
	}
}

func TestNamesActors(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"The two leaders later signed a Joint Statement.", true},
		{"Both sides pledged to strengthen cooperation.", true},
		{"Mutual Visa Exemption for ordinary passport holders.", true},
		{"Chinese Foreign Minister Wang Yi met him.", true}, // a role
		{"Cultural Protocol (2025–2029) and media exchange agreements.", false},
		{"The visa regime eases travel.", false}, // "regime" is no plural of a role
	} {
		assert.Equal(t, tt.want, cuesOf(tt.text)&namesActors != 0, tt.text)
	}
}

func TestWhatIsToCome(t *testing.T) {
	e := seedEngine(t)
	a := ask(t, e, "When will the SCO summit take place?")
	require.True(t, a.Answered, a.Text)
	assert.Contains(t, quotes(a), "scheduled for this August", "a fact in the future tense answers")
	for _, tt := range []struct {
		text string
		want cue
	}{
		{"The ministers welcomed the upcoming 35th anniversary.", tellsFuture},
		{"Once implemented, the visa waiver will eliminate entry restrictions.", tellsFuture},
		{"They agreed to begin a visa-free regime.", 0},
	} {
		assert.Equal(t, tt.want, cuesOf(tt.text)&tellsFuture, tt.text)
	}
}

func TestWhoDidIt(t *testing.T) {
	e := seedEngine(t)
	a := ask(t, e, "Who signed the Joint Statement?")
	require.True(t, a.Answered, a.Text)
	assert.Contains(t, quotes(a), "The two leaders later signed a Joint Statement", "the signers, beside someone quoted on the signing")
	b := ask(t, e, "Who said there is no winner in a tariff war?")
	require.True(t, b.Answered, b.Text)
	assert.Contains(t, quotes(b), "President Xi also said")
}

func TestSwappedQualifier(t *testing.T) {
	e := seedEngine(t)
	a := ask(t, e, "Which Azerbaijani companies invest in China?")
	assert.NotContains(t, quotes(a), "Chinese companies have invested", "China's companies in Azerbaijan are not Azerbaijan's in China")
	b := ask(t, e, "How much have Chinese companies invested in Azerbaijan?")
	require.True(t, b.Answered)
	assert.Contains(t, quotes(b), "Chinese companies have invested nearly $1 billion")
}

func TestVenues(t *testing.T) {
	e := seedEngine(t)
	for text, want := range map[string][]string{
		"during a state visit to China that began":      {"china"},
		"Aliyev arrived in Beijing to fanfare":          {"beij"},
		"the upcoming SCO Summit in China":              {"china"},
		"talks between Chinese President Xi Jinping":    nil, // no venue: "between" is no "in"
		"Liu Jianchao visited Azerbaijan":               {"azerbaijan"},
		"the visiting Azerbaijani leader landed":        nil, // "visiting" qualifies the leader
		"brought his family with him to Beijing":        {"beij"},
		"Aliyev was in China for a state visit":         {"china"},
		"flags are hung at Tiananmen Square in Beijing": {"tiananmen", "beij"},
	} {
		assert.Equal(t, want, venuesIn(e.az.Analyze(text)).places, text)
	}
	for _, f := range e.facts {
		switch {
		case strings.Contains(f.Text, "upcoming SCO Summit in China"):
			assert.True(t, e.otherVenue(e.readQuestion(clean("When is the SCO summit in Baku?")), f.ID), "a summit in China is not one in Baku")
			assert.False(t, e.otherVenue(e.readQuestion(clean("When is the SCO summit in China?")), f.ID))
		case strings.HasPrefix(f.Text, "During the visit, the two leaders agreed"):
			assert.True(t, e.otherVenue(e.readQuestion(clean("What did Xi agree on during his visit to Baku?")), f.ID), "the visit the sentence before names")
		}
	}
}

func TestChooseTheBestFactInTheAskersWords(t *testing.T) {
	e := seedEngine(t)
	word := index.QueryTerm{Alts: []index.Alternative{{Factor: 1}}}
	q := &question{terms: []index.QueryTerm{word, word, word, word}}
	hit := func(coverage float64, matched ...float64) index.Hit {
		return index.Hit{Coverage: coverage, Matched: matched}
	}
	facts := []Fact{{ID: 0}, {ID: 1}}
	tests := []struct {
		name string
		rs   []ranked
		want int
	}{
		{"the best covers enough", []ranked{
			{fact: &facts[0], hit: hit(0.6, 1, 1, 0, 0), final: 5, eligible: true},
			{fact: &facts[1], hit: hit(0.7, 1, 1, 1, 0), final: 4, eligible: true},
		}, 0},
		{"the best matches three words from less coverage", []ranked{
			{fact: &facts[0], hit: hit(0.35, 1, 1, 1, 0), final: 5, eligible: true},
			{fact: &facts[1], hit: hit(0.5, 1, 1, 0, 0), final: 4, eligible: true},
		}, 0},
		{"the best matches two words: the next that covers enough", []ranked{
			{fact: &facts[0], hit: hit(0.4, 1, 1, 0, 0), final: 5, eligible: true},
			{fact: &facts[1], hit: hit(0.5, 1, 1, 0, 0), final: 4, eligible: true},
		}, 1},
		{"too little coverage for three words", []ranked{
			{fact: &facts[0], hit: hit(0.25, 1, 1, 1, 0), final: 5, eligible: true},
		}, -1},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, e.choose(q, tt.rs), tt.name)
	}
}

func TestComposeQuotesTheFactsCloseBehind(t *testing.T) {
	e := seedEngine(t)
	q := e.readQuestion(clean("What did the two sides sign?"))
	var rs []ranked
	for i, final := range []float64{10, 6.5, 5.5} {
		f := &e.facts[i*7] // facts of other paragraphs, so of other clusters
		rs = append(rs, ranked{fact: f, hit: index.Hit{Doc: f.ID, Coverage: 0.8}, final: final, eligible: true})
	}
	a := e.compose(q, rs, 0)
	require.Len(t, a.Citations, 2, "a fact that scores 65%% of the best is quoted too; one at 55%% is not")
	assert.Equal(t, rs[1].fact.Text, a.Citations[1].Quote)
}

func TestDefinesIn(t *testing.T) {
	assert.True(t, definesIn("It runs through the Middle Corridor, a key transit route.", "middle corridor"))
	assert.True(t, definesIn("The Middle Corridor is a route to Europe.", "middle corridor"))
	assert.False(t, definesIn("The Middle Corridor and the TITR were praised.", "middle corridor"))
}

func TestSpellsOut(t *testing.T) {
	tests := []struct {
		text, acronym string
		want          bool
	}{
		{"the Belt and Road Initiative (BRI), through the Middle Corridor", "bri", true},
		{"cooperation within the Shanghai Cooperation Organization.", "sco", true},
		{"the Conference on Interaction and Confidence Building Measures in Asia", "cica", true},
		{"support of ANAMA’s demining activities", "anama", false},
		{"the Shanghai summit and the Organization", "sco", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, spellsOut(tt.text, tt.acronym), tt.text)
	}
}

// A past question of when is answered by the past date first, not by the date of an
// anniversary to come.
func TestPastWhenLeadsWithThePast(t *testing.T) {
	e := seedEngine(t)
	a, err := e.Answer(context.Background(), "when were diplomatic relations established")
	require.NoError(t, err)
	require.NotEmpty(t, a.Citations)
	assert.Contains(t, a.Citations[0].Quote, "1992")
}

func TestFigureKind(t *testing.T) {
	tests := []struct{ text, n, want string }{
		{"a more than 20% increase in bilateral trade", "20", "share"},
		{"surpassing $3.5 billion.", "3.5", "sum"},
		{"invested nearly $1 billion in Azerbaijan’s economy", "1", "sum"},
		{"the signing of 20 documents on cooperation", "20", "count"},
		{"ten documents, 2019 and 20 percent", "20", "share"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, figureKind(tt.text, tt.n), tt.text)
	}
}

func TestHomeStates(t *testing.T) {
	e := seedEngine(t)
	var home []string
	for id := range e.home {
		home = append(home, e.ix.TermString(id))
	}
	assert.ElementsMatch(t, []string{"azerbaijan", "china"}, home, "the two states the articles name most")
}

func TestDayOf(t *testing.T) {
	f := &Fact{Dates: []Date{{Phrase: "on April 23", Value: "2025-04-23"}, {Phrase: "in 2019", Value: "2019"}}}
	tests := []struct {
		n    string
		want bool
	}{
		{"23", true},
		{"2", false},    // part of a number, not the day
		{"2019", false}, // a year is told apart by isYear
		{"20", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, dayOf(f, tt.n), tt.n)
	}
}

func TestNamePeople(t *testing.T) {
	tests := []struct {
		name string
		f    Fact
		want string
	}{
		{"a surname with a possessive", Fact{Text: "Liu’s visit was followed by reports.", People: []string{"Liu Jianchao"}},
			"Liu’s [Liu Jianchao] visit was followed by reports."},
		{"a full name is left alone", Fact{Text: "Chen Ming refuted the reports.", People: []string{"Chen Ming"}},
			"Chen Ming refuted the reports."},
		{"a part inside another word is no mention", Fact{Text: "Aliyeva and Aliyev met Xi.", People: []string{"Ilham Aliyev"}},
			"Aliyeva and Aliyev [Ilham Aliyev] met Xi."},
		{"the person a pronoun stands for is named already", Fact{Text: "He met Xi.", People: []string{"Ilham Aliyev"}, Refers: "Ilham Aliyev"},
			"He met Xi."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, namePeople(tt.f.Text, &tt.f))
		})
	}
}

func TestTwoQuestions(t *testing.T) {
	assertSplits(t, func(text string) (string, string, bool) { return twoQuestions(text, strings.ToLower(text)) }, []split{
		{"when were the missions set up, and how much have Chinese firms invested?", "when were the missions set up,", "how much have Chinese firms invested?"},
		{"how much has az invested n wat rank is china", "how much has az invested", "wat rank is china"},
		{"who signed the visa deal? when was it signed", "who signed the visa deal?", "when was it signed"},
		{"who announced the visa deal? which ministry", "", ""}, // one question, said twice
		{"when and where did they meet", "", ""},
		{"how much did China invest vs how much did Azerbaijan invest", "how much did China invest", "how much did Azerbaijan invest"},
		{"when were they set up versus when did they meet", "when were they set up", "when did they meet"},
		{"Besides Belt and Road, what kinds of cooperation did Xi encourage", "", ""},
		{"who is azer allahveranov and in which bodies do they cooperate", "who is azer allahveranov", "in which bodies do they cooperate"},
		{"apart from justice and aerospace what areas did they cover, and which ministry reported it", "apart from justice and aerospace what areas did they cover,", "which ministry reported it"},
		{"China and Azerbaijan and which others signed", "", ""}, // nothing asked before the "and"
	})
}

func TestTwoQuestionsAreAnsweredBoth(t *testing.T) {
	e := seedEngine(t)
	a, err := e.Answer(context.Background(), "when were the diplomatic missions set up, and how much have chinese companies invested in azerbaijan?")
	require.NoError(t, err)
	assert.Contains(t, a.Text, "1992")
	assert.Contains(t, a.Text, "$1 billion")
	assert.Contains(t, a.Text, "[2]")
	assert.Len(t, a.Citations, strings.Count(a.Text, "]\n")+1, "one citation for each quote, numbered on")

	one, err := e.Answer(context.Background(), "which Chinese agency and which Azerbaijani ministry are the parties to the space deal?")
	require.NoError(t, err)
	assert.Len(t, one.Citations, 1, "one question that names two things: one quote")
}

// TestQuotesOnce holds every answer to quoting each sentence once: a quotation's
// sentences, quoted after the one that introduces it, are not quoted again further down
// ("Who is Azer Allahveranov?"), nor is the sentence that dates a list before each of its
// items.
func TestQuotesOnce(t *testing.T) {
	e := seedEngine(t)
	questions := []string{"Who is Azer Allahveranov?", "on what date were the twenty cooperation deals signed"}
	for _, it := range append(readEval(t, "testdata/dev.jsonl"), readEval(t, "testdata/mechanisms.jsonl")...) {
		questions = append(questions, it.Q)
	}
	for _, q := range questions {
		a, err := e.Answer(context.Background(), q)
		require.NoError(t, err)
		seen := map[Citation]bool{}
		for _, c := range a.Citations {
			assert.False(t, seen[c], "%s: %q quoted twice", q, c.Quote)
			seen[c] = true
		}
	}
}

func TestReportedDate(t *testing.T) {
	e := seedEngine(t)
	text := "Both ministers expressed satisfaction with the high level of political dialogue and noted that the establishment of a comprehensive strategic partnership in 2025 elevated Azerbaijan–China relations to a new qualitative stage."
	assert.True(t, e.reportedDate(text, "2025"), "a year in what they noted")
	assert.False(t, e.reportedDate("In 2019, ten documents were signed, he said.", "2019"), "the year of the deed itself")
	assert.False(t, e.reportedDate(text, "2030"), "no such phrase")
}
