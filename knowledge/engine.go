package knowledge

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/azchina/azchina/knowledge/analyze"
	"github.com/azchina/azchina/knowledge/index"
	"github.com/azchina/azchina/knowledge/ingest"
	"github.com/azchina/azchina/knowledge/internal/memo"
	"github.com/azchina/azchina/knowledge/lingo"
)

//go:embed data/*.yaml data/*.txt
var data embed.FS

// MetaFile is the name of the metadata file in a seeds folder.
const MetaFile = "meta.yaml"

// Engine answers questions from a set of articles. It is built once and then read-only:
// all its methods are safe for concurrent use.
type Engine struct {
	articles []Article
	bySource map[string]int
	// firstFact holds, per article (as bySource numbers them), the ID of its first fact.
	firstFact []int
	facts     []Fact
	intents   []Intent
	counts    map[string]int // intent ID → facts filed under it
	az        *analyze.Analyzer
	ix        *index.Index
	cluster   []int         // fact ID → the lowest ID of the facts that say the same thing
	members   map[int][]int // cluster → its facts
	numbers   [][]string    // fact ID → the numbers it names
	vocab     [][]vocabEntry
	// vocabByFirst finds the vocabulary entries by their first term.
	vocabByFirst map[string][]vocabRef
	english      map[string]int // common English words (from WordNet): how often each was tagged, plus one
	// capitals holds the words of two to five letters the articles write in capitals
	// ("UN", "ANAMA"), lower-cased: acronyms, though some are words of English too.
	capitals map[string]bool
	lexicon  *lingo.Lexicon // reads questions in other languages as English
	related  *relatedWords  // words WordNet relates to a word
	// commonNear and nameNear tell whether a word may be one edit from a common English
	// word (mistypedCount's) or from a word of a name (nameWordNear's).
	commonNear, nameNear nearFilter
	// timeOfDay marks facts that name a time without a date ("at noon on Wednesday"),
	// which answer "what time" all the same.
	timeOfDay []bool
	cues      []cue // per fact, the kinds of answer it gives beyond its words
	// adverbs marks, per fact, which of its first 64 terms stand for an adverb in -ly: a
	// number does not count "firmly" as "firms".
	adverbs []uint64
	// publishers holds each publisher the articles name once, with the terms of its name.
	publishers []publisher
	// latestYear is the year of the newest article: "last year" in a question is the
	// year before it, as the newest article says it.
	latestYear int
	// home holds the terms of the two states the articles are about.
	home map[int32]bool
	// roleStems are the terms of the words that name a role ("minist"): a query term
	// matched by one names a role, however mistyped.
	roleStems map[string]bool
	// homeCapitals holds the terms of their capitals ("beij").
	homeCapitals map[string]bool
	// pairTerms are the terms of the words "the two …" calls the two countries by.
	pairTerms map[int32]bool
	// speechStems are the stems of the verbs of saying a question may ask by ("announc").
	speechStems map[string]bool
	// cityTerm is the term of "city", the kind of place "which city" asks for.
	cityTerm string
	// venues holds, per fact, where it tells someone went or something took place ("a
	// state visit to China", "the SCO Summit in China"), as terms, and whether it tells
	// of a visit.
	venues []venues
	// datedBy maps a fact without a date of its own to the sentence before it in its
	// paragraph that dates what both tell of ("On Wednesday, … a state visit …. During the
	// visit, the two leaders agreed …"), or, for the paragraph after the lead, to the
	// lead's sentence that does (see leadDating), or, for a list item, to the sentence
	// that dates the list (see listDating); -1 if none.
	datedBy []int
	// articleDays holds, per article, the days of the year ("04-23") it names or was
	// published on: an article without the day a question asks about tells of other days.
	articleDays map[string]map[string]bool
	// spanning marks, per fact, a span of dates it names: "between 22 and 24 April".
	spanning []bool
	// leadTies holds, for a fact dated by its article's lead paragraph, the words the
	// two share: the question must ask one of them for the lead's date to be the fact's.
	leadTies map[int][]int32
	people   map[string]bool // every person the articles name
	// personParts maps each part of their names, lower-cased and longer than two letters,
	// to the full names it is part of.
	personParts map[string][]string
	// personNames maps the first term of each full name of two words or more to the
	// names' terms.
	personNames map[string][][]string
	// laterParts maps each later term of such a name ("jinping") to the name's terms, or
	// to nil when it is part of more than one name.
	laterParts map[string][]string
	// places holds, per fact, the terms of the first word of each place it names ("in
	// Beijing", "at the Great Hall").
	places   [][]string
	topical  map[string]bool // terms that name the domain: intent vocabulary and names
	names    map[string]bool // terms of the names of people, places and bodies
	problems []error
	// pictured holds the terms that only captions use: what a photo alone tells ("the
	// flags … are hung at Tiananmen Square").
	pictured map[int32]bool
	// credited holds the terms of the names photo credits give ("Xinhua/Rao Aimin").
	credited map[int32]bool
	// carriedOn maps a fact to the sentence after it, in the next paragraph, that takes
	// its story on ("… reports that Chinese companies would …" → "Chen Ming refuted the
	// reports"), or -1.
	carriedOn []int
	// nameRuns holds, per fact, the runs of words it capitalises in mid-sentence
	// ("China National Space Administration"), each word read once.
	nameRuns [][][]nameWord
	// capitalised holds the runs of two words or more (and their parts of two words or
	// more) the articles capitalise in mid-sentence, as their terms joined by spaces.
	capitalised map[string]bool
	// cited maps an article to the words of the sources it reports "according to" or
	// "citing" ("the Xinhua News Agency"): what it relays is theirs.
	cited map[string][]string
	// publisherFact maps an article to its first sentence that names its publisher
	// ("Source: commonspace.eu …", "… told Trend"), when one does.
	publisherFact map[string]int
	// datelineFact maps an article to the dateline that opens its text ("BAKU, Azerbaijan,
	// April 28."), when one does: the day what it reports was said.
	datelineFact map[string]int
	// families caches the family of each question word (see family).
	families *memo.Memo[[]int32]
	// mistyped caches the English word each unknown question word is a typo of (see
	// mistypedWord).
	mistyped *memo.Memo[string]
	// patterns caches the which-phrase patterns made (see phrasePattern).
	patterns *memo.Memo[*regexp.Regexp]
	// ctxTerms caches the terms of context strings while the index is built.
	ctxTerms sync.Map
	// leads maps an article to the persons its first sentence that names any names: what
	// the article is about, and whom a sentence naming no one tells of.
	leads map[string][]string
	// impliedMonth maps an undated article that names one month only to that month.
	impliedMonth map[string]string
	// figurative holds, per fact, the terms it uses only inside figurative names ("road"
	// in "the Belt and Road Initiative"), or nil.
	figurative [][]int32
	// holders maps a role and what it belongs to ("president" of "china") to whom or what
	// the articles name as holding it ("Xi Jinping"); roleNames are the ways a question may
	// name a role.
	holders map[roleKey][]string
	// states are the terms of the places a role belongs to ("president" of "china",
	// "capital" of "china"): countries, which no question asking for a city is answered by.
	states     map[string]bool
	roleNames  []roleName
	roleStarts map[string]bool // the first terms of the roleNames
	// chat maps the shortenings of chat ("abt", "btwn") to the words they stand for.
	chat map[string]string
	// placeNames are the places and peoples WordNet gives adjectives for
	// (data/demonyms.txt): "washington" is a name, though a word of English too.
	placeNames map[string]bool
	// placeTerms are the terms of placeNames, which their peoples' adjectives read as
	// ("turkish" as "turkey").
	placeTerms map[string]bool
	// bodyTerms are the terms of bodyWords: "ministri", "administr".
	bodyTerms map[string]bool
	// bodyFamily gives the family of each body word's term: "corpor" is a "compani".
	bodyFamily map[string]string
}

// vocabEntry is an intent's vocabulary entry as terms, with how telling it is.
type vocabEntry struct {
	terms  []string
	weight float64
}

// Load reads every *.txt article in fsys (and the metadata file, when there is one),
// cleans and indexes them. An article that cannot be read is reported by Problems and left
// out; Load fails only when no article can be read or the metadata file is malformed.
func Load(fsys fs.FS) (*Engine, error) {
	return LoadWithProgress(fsys, nil)
}

// LoadWithProgress is Load, calling progress (when not nil) after each article with the
// number read so far and the total.
func LoadWithProgress(fsys fs.FS, progress func(done, total int)) (*Engine, error) {
	meta, err := readMeta(fsys)
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, errors.New("no articles (*.txt) found: point --seeds at a folder of articles")
	}
	st, err := loadStatic()
	if err != nil {
		return nil, err
	}
	e := &Engine{families: memo.New[[]int32](maxCachedFamilies), mistyped: memo.New[string](maxCachedFamilies), patterns: memo.New[*regexp.Regexp](maxCachedPatterns), bySource: map[string]int{}, az: st.az, intents: st.intents, english: st.english, lexicon: st.lexicon, related: st.related, roleNames: st.roleNames, roleStarts: st.roleStarts, chat: st.chat, placeNames: st.placeNames, placeTerms: st.placeTerms, bodyTerms: st.bodyTerms, bodyFamily: st.bodyFamily}
	e.commonNear, e.nameNear = st.commonNear, st.nameNear
	results := make([]parsed, len(names))
	var mu sync.Mutex
	done := 0
	parallel(len(names), func(i int) {
		results[i] = parse(fsys, names[i], meta[names[i]])
		if progress != nil {
			mu.Lock()
			done++
			progress(done, len(names))
			mu.Unlock()
		}
	})
	var docs []*ingest.Document
	for _, r := range results {
		if r.err != nil {
			e.problems = append(e.problems, r.err)
			continue
		}
		docs = append(docs, r.doc)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no article could be read: %w", errors.Join(e.problems...))
	}
	e.build(docs)
	return e, nil
}

// parsed is one article read and cleaned, or why it could not be.
type parsed struct {
	doc *ingest.Document
	err error
}

func parse(fsys fs.FS, name string, meta ingest.Meta) parsed {
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		return parsed{err: fmt.Errorf("read article %q: %w", name, err)}
	}
	doc, err := ingest.Parse(name, raw, meta)
	return parsed{doc: doc, err: err}
}

// parallel calls fn(0) … fn(n-1) on as many goroutines as there are processors.
func parallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

func readMeta(fsys fs.FS) (map[string]ingest.Meta, error) {
	raw, err := fs.ReadFile(fsys, MetaFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", MetaFile, err)
	}
	var entries map[string]Article
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&entries); err != nil {
		return nil, fmt.Errorf("read %s: %w", MetaFile, err)
	}
	out := make(map[string]ingest.Meta, len(entries))
	for name, a := range entries {
		if a.Date != "" {
			if _, ok := ingest.ParseDate(a.Date); !ok {
				return nil, fmt.Errorf("read %s: %s: date %q is not YYYY-MM-DD", MetaFile, name, a.Date)
			}
		}
		out[name] = ingest.Meta{Title: a.Title, Publisher: a.Publisher, Author: a.Author, Date: a.Date}
	}
	return out, nil
}

// static is the engine's built-in data: the same for every engine, read once.
type static struct {
	az      *analyze.Analyzer
	intents []Intent
	english map[string]int
	lexicon *lingo.Lexicon
	related *relatedWords
	// roleNames are the ways a question may name a role (data/roles.yaml), roleStarts
	// their first terms.
	roleNames  []roleName
	roleStarts map[string]bool
	// chat maps the shortenings of chat ("abt", "btwn") to the words they stand for.
	chat       map[string]string
	commonNear nearFilter
	nameNear   nearFilter
	placeNames map[string]bool
	placeTerms map[string]bool   // the terms of placeNames: "turkey", read from "turkish" too
	bodyTerms  map[string]bool   // the terms of bodyWords
	bodyFamily map[string]string // the family of each body word's term (bodyFamilies)
}

var loadStatic = sync.OnceValues(func() (*static, error) {
	var st static
	var err error
	if st.english, err = loadEnglish(); err != nil {
		return nil, err
	}
	if st.az, st.placeNames, err = loadAnalyzer(st.english); err != nil {
		return nil, err
	}
	st.placeTerms = make(map[string]bool, len(st.placeNames))
	for p := range st.placeNames {
		st.placeTerms[st.az.Word(p).Term] = true
	}
	st.bodyTerms = make(map[string]bool, len(bodyWords))
	st.bodyFamily = make(map[string]string, len(bodyWords)+len(bodyFamilies))
	for _, w := range bodyWords {
		st.bodyTerms[st.az.Stem(w)] = true
		st.bodyFamily[st.az.Stem(w)] = st.az.Stem(w)
	}
	for w, family := range bodyFamilies {
		if family != "" {
			family = st.az.Stem(family)
		}
		st.bodyFamily[st.az.Stem(w)] = family
	}
	if st.intents, err = loadIntents(); err != nil {
		return nil, err
	}
	if st.lexicon, err = loadLexicon(); err != nil {
		return nil, err
	}
	raw, err := data.ReadFile("data/related.txt")
	if err != nil {
		return nil, fmt.Errorf("read related words: %w", err)
	}
	phrasal, err := data.ReadFile("data/phrasal.txt")
	if err != nil {
		return nil, fmt.Errorf("read phrasal verbs: %w", err)
	}
	st.related = newRelatedWords(string(raw), string(phrasal))
	if st.roleNames, st.roleStarts, err = loadRoles(st.az); err != nil {
		return nil, err
	}
	if st.chat, err = chatShortenings, chatErr; err != nil {
		return nil, err
	}
	st.commonNear = newNearFilter(func(yield func(string) bool) {
		for w, n := range st.english {
			if n >= minMistypedCount && !yield(w) {
				return
			}
		}
	})
	st.nameNear = newNearFilter(st.az.NameWords())
	return &st, nil
})

// loadAnalyzer reads the thesaurus and WordNet's irregular verb forms into an Analyzer,
// with the British spellings of the English words that end in "-ize" (english). It also
// returns the places and peoples WordNet's demonyms name.
func loadAnalyzer(english map[string]int) (*analyze.Analyzer, map[string]bool, error) {
	raw, err := data.ReadFile("data/thesaurus.yaml")
	if err != nil {
		return nil, nil, fmt.Errorf("read thesaurus: %w", err)
	}
	t, err := analyze.ReadThesaurus(bytes.NewReader(raw))
	if err != nil {
		return nil, nil, err
	}
	forms := &analyze.Thesaurus{Variants: map[string][]string{}}
	err = eachDataLine("data/irregular.txt", func(fields []string) {
		if len(fields) == 2 {
			forms.Variants[fields[1]] = append(forms.Variants[fields[1]], fields[0])
		}
	})
	if err != nil {
		return nil, nil, err
	}
	// Adjectives of places and peoples read as the place ("Taiwanese" as "Taiwan"), except
	// where the thesaurus already says what they are.
	known := map[string]bool{}
	for _, fs := range t.Variants {
		for _, f := range fs {
			known[f] = true
		}
	}
	places := map[string]bool{}
	err = eachDataLine("data/demonyms.txt", func(fields []string) {
		if len(fields) == 2 {
			places[fields[1]] = true
		}
		if len(fields) == 2 && !known[fields[0]] {
			forms.Variants[fields[1]] = append(forms.Variants[fields[1]], fields[0])
		}
	})
	if err != nil {
		return nil, nil, err
	}
	for w, fs := range britishSpellings(english) {
		forms.Variants[w] = append(forms.Variants[w], fs...)
	}
	t.Merge(forms)
	return analyze.New(t), places, nil
}

// britishSpellings maps each English word ending in "-ize", "-ization" or "-izer" to its
// British forms ("organization": "organisation", "organisations"), which Snowball stems
// apart from the American ones. A word needs three letters before the suffix, so that
// "prize" gets no "prise".
func britishSpellings(english map[string]int) map[string][]string {
	endings := []struct {
		us string
		uk []string
	}{
		{"ize", []string{"ise", "ises", "ised", "ising"}},
		{"ization", []string{"isation", "isations"}},
		{"izer", []string{"iser", "isers"}},
	}
	out := map[string][]string{}
	for w := range english {
		for _, e := range endings {
			base, ok := strings.CutSuffix(w, e.us)
			if !ok || len(base) < 3 {
				continue
			}
			for _, uk := range e.uk {
				out[w] = append(out[w], base+uk)
			}
		}
	}
	return out
}

// loadLexicon reads the domain lexicon for questions in Azerbaijani, Russian and Chinese.
func loadLexicon() (*lingo.Lexicon, error) {
	raw, err := data.ReadFile("data/lexicon.yaml")
	if err != nil {
		return nil, fmt.Errorf("read lexicon: %w", err)
	}
	return lingo.ReadLexicon(bytes.NewReader(raw))
}

// loadEnglish reads WordNet's common English words with how often each was tagged (plus
// one, so that every word counts as present).
func loadEnglish() (map[string]int, error) {
	words := map[string]int{}
	err := eachDataLine("data/english.txt", func(fields []string) {
		if len(fields) == 2 {
			n, err := strconv.Atoi(fields[1])
			if err == nil {
				words[fields[0]] = n + 1
			}
		}
	})
	return words, err
}

// eachDataLine calls fn with the fields of each line of an embedded data file, comments
// left out.
func eachDataLine(name string, fn func([]string)) error {
	raw, err := data.ReadFile(name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fn(strings.Fields(line))
	}
	return nil
}

// chatShortenings maps the shortenings of chat ("abt", "btwn") to the words they stand for
// (data/chat.txt), read when the package is, for their words to be marked.
var chatShortenings, chatErr = readChat()

func readChat() (map[string]string, error) {
	chat := map[string]string{}
	err := eachDataLine("data/chat.txt", func(fields []string) {
		if len(fields) >= 2 {
			chat[fields[0]] = strings.Join(fields[1:], " ")
		}
	})
	return chat, err
}

// loadRoles reads the titles of roles and the words questions use for them.
func loadRoles(az *analyze.Analyzer) ([]roleName, map[string]bool, error) {
	raw, err := data.ReadFile("data/roles.yaml")
	if err != nil {
		return nil, nil, fmt.Errorf("read roles: %w", err)
	}
	var titles map[string][]string
	if err := yaml.Unmarshal(raw, &titles); err != nil {
		return nil, nil, fmt.Errorf("read roles: %w", err)
	}
	names, starts := loadRoleNames(az, titles)
	return names, starts, nil
}

func loadIntents() ([]Intent, error) {
	raw, err := data.ReadFile("data/intents.yaml")
	if err != nil {
		return nil, fmt.Errorf("read intents: %w", err)
	}
	var out []Intent
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&out); err != nil {
		return nil, fmt.Errorf("read intents: %w", err)
	}
	return out, nil
}

// build turns the cleaned articles into facts and indexes them.
func (e *Engine) build(docs []*ingest.Document) {
	b := index.NewBuilder()
	e.leads = map[string][]string{}
	for _, doc := range docs {
		a := Article{Source: doc.Name, Title: doc.Meta.Title, Publisher: doc.Meta.Publisher, Author: doc.Meta.Author, Date: doc.Meta.Date}
		e.bySource[a.Source] = len(e.articles)
		first := len(e.facts)
		e.firstFact = append(e.firstFact, first)
		for _, s := range doc.Sentences {
			if s.Kind == ingest.Body && e.leads[doc.Name] == nil && len(s.People) > 0 {
				e.leads[doc.Name] = s.People
			}
			f := Fact{
				ID: len(e.facts), Source: doc.Name, Paragraph: s.Paragraph, Text: s.Text,
				Section: s.Section, Refers: s.Refers, Speaker: s.Speaker, Lead: -1, People: s.People,
				Kind: FactKind(s.Kind), ListItem: s.ListItem, Introduces: s.Introduces,
				Prev: len(e.facts) - 1, Next: -1,
			}
			if f.ID == first {
				f.Prev = -1
			} else {
				e.facts[f.ID-1].Next = f.ID
			}
			for _, d := range s.Dates {
				f.Dates = append(f.Dates, Date{Phrase: d.Phrase, Value: d.Value, Relative: d.Relative, Named: d.Named})
			}
			for j := f.ID - 1; s.Lead != "" && j >= first; j-- {
				if e.facts[j].Text == s.Lead {
					f.Lead = j
					break
				}
			}
			e.facts = append(e.facts, f)
			if f.Kind == Body {
				a.Facts++
			}
		}
		e.articles = append(e.articles, a)
	}
	e.findImpliedMonths()
	analyses := make([]analysis, len(e.facts))
	parallel(len(e.facts), func(i int) { analyses[i] = e.analyse(&e.facts[i]) })
	factTerms := make([][]string, len(e.facts))
	e.numbers = make([][]string, len(e.facts))
	e.places = make([][]string, len(e.facts))
	e.timeOfDay = make([]bool, len(e.facts))
	e.cues = make([]cue, len(e.facts))
	e.adverbs = make([]uint64, len(e.facts))
	e.venues = make([]venues, len(e.facts))
	e.carriedOn = make([]int, len(e.facts))
	for i := range e.carriedOn {
		e.carriedOn[i] = -1
	}
	e.findPublisherFacts()
	e.findDatelines()
	e.capitals = map[string]bool{}
	for i := range e.facts {
		maps.Copy(e.capitals, acronymsOf(e.facts[i].Text))
	}
	surfaces := map[string]bool{} // the words added to the index's vocabulary
	df := map[string]int{}
	for i := range analyses {
		for _, t := range analyses[i].text {
			df[t]++
		}
	}
	for i := range e.facts {
		f, an := &e.facts[i], &analyses[i]
		var near []string
		if f.Prev >= 0 {
			p := e.facts[f.Prev]
			switch {
			case p.Kind != Body:
			case p.Paragraph == f.Paragraph || p.Introduces:
				near = analyses[f.Prev].text
			case takesUp(an.definite, analyses[f.Prev].text, df, len(e.facts)):
				near = analyses[f.Prev].text
				e.carriedOn[f.Prev] = f.ID
			}
		}
		b.Add(index.Document{Text: an.text, Context: an.context, Near: near})
		for j, t := range an.text {
			w := an.surfaces[j]
			if surfaces[w] {
				continue
			}
			surfaces[w] = true
			b.AddSurface(w, t)
			// The base forms of a word are words of the index too, for typos: "reprot" is
			// one edit from "report", though the articles write "reports".
			for _, base := range e.bases(w)[1:] {
				b.AddSurface(base, t)
			}
		}
		factTerms[i] = an.text
		e.numbers[i], e.places[i], e.timeOfDay[i], e.cues[i], e.adverbs[i] = an.numbers, an.places, an.timed, an.cues, an.adverbs
		e.venues[i] = an.venues
	}
	e.ix = b.Build()
	e.speechStems = map[string]bool{}
	for v := range speechVerbsAsked {
		e.speechStems[e.az.Stem(v)] = true
	}
	e.cityTerm = e.az.Word("city").Term
	e.pairTerms = map[int32]bool{}
	for w := range pairWords {
		if id, ok := e.ix.Term(e.az.Word(w).Term); ok {
			e.pairTerms[id] = true
		}
	}
	e.fileIntents(factTerms)
	// What ties facts together, on a goroutine of its own while the names are found: each
	// side writes only its own fields.
	var ties sync.WaitGroup
	ties.Go(func() {
		e.findArticleDays()
		e.findDatedBy()
		e.findFigurative()
		e.findRepeats()
		e.findPictured()
	})
	e.findTopical()
	e.findHolders()
	e.findStates()
	e.people = map[string]bool{}
	e.personParts = map[string][]string{}
	e.personNames = map[string][][]string{}
	e.laterParts = map[string][]string{}
	for _, f := range e.facts {
		for _, p := range append([]string{f.Refers, f.Speaker}, f.People...) {
			if p != "" && !e.people[p] {
				e.people[p] = true
				if ts := e.az.Terms(p); len(ts) >= 2 {
					e.personNames[ts[0]] = append(e.personNames[ts[0]], ts)
					for _, t := range ts[1:] {
						name := ts
						if other, ok := e.laterParts[t]; ok && !slices.Equal(other, ts) {
							name = nil // part of two names: no one's alone
						}
						e.laterParts[t] = name
					}
				}
				for part := range strings.FieldsSeq(strings.ToLower(p)) {
					if len(part) > 1 && !analyze.IsStopWord(part) {
						e.personParts[part] = append(e.personParts[part], p)
					}
				}
			}
		}
	}
	e.findNameRuns()
	e.findPublishers()
	ties.Wait()
	e.ix.Wait() // nothing is left building once the engine is returned
}

// publisher is a publisher of articles and the terms of its name.
type publisher struct {
	name  string
	terms []string
	// telling are the terms of words of its name that WordNet lacks as written
	// ("commonspace"): one alone names it.
	telling []string
}

// findPublishers fills publishers, and latestYear, from the articles' metadata.
func (e *Engine) findPublishers() {
	seen := map[string]bool{}
	e.publishers = nil
	for _, a := range e.articles {
		if y, err := strconv.Atoi(a.Date[:min(4, len(a.Date))]); err == nil {
			e.latestYear = max(e.latestYear, y)
		}
		if a.Publisher == "" || seen[a.Publisher] {
			continue
		}
		seen[a.Publisher] = true
		p := publisher{name: a.Publisher, terms: e.az.Terms(a.Publisher)}
		for _, t := range e.az.Analyze(a.Publisher) {
			if !t.Stop && len(t.Surface) >= 4 && e.wordCount(t.Surface) == 0 {
				p.telling = append(p.telling, t.Term)
			}
		}
		e.publishers = append(e.publishers, p)
	}
}

// findPictured fills pictured from the terms of captions and of every other fact. The
// names of a caption's credit ("(Xinhua/Rao Aimin)") took the photo and are not in it.
func (e *Engine) findPictured() {
	e.pictured, e.credited = map[int32]bool{}, map[int32]bool{}
	told := map[int32]bool{}
	for i, f := range e.facts {
		for _, t := range e.ix.DocTerms(i) {
			if f.Kind == Caption {
				e.pictured[t] = true
			} else {
				told[t] = true
			}
		}
		if f.Kind == Caption {
			for _, w := range strings.FieldsFunc(photoCredit(f.Text), func(r rune) bool { return !unicode.IsLetter(r) }) {
				if t, ok := e.ix.SurfaceTerm(strings.ToLower(w)); ok {
					told[t], e.credited[t] = true, true
				}
			}
		}
	}
	for t := range told {
		delete(e.pictured, t)
	}
}

// creditAtEnd finds the credit that ends a caption: "(Xinhua/Rao Aimin)", "Photo: VCG".
var creditAtEnd = regexp.MustCompile(`(?:\(|Photo:\s*)(\p{Lu}[\p{L}.]*(?:/\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)*)?)\)?\.?\s*$`)

// photoCredit returns the credit that ends a caption, or "".
func photoCredit(caption string) string {
	if m := creditAtEnd.FindStringSubmatch(caption); m != nil {
		return m[1]
	}
	return ""
}

// nameWord is a word a fact capitalises in mid-sentence: its index term, and what kind
// of word it is.
type nameWord struct {
	term string
	kind nameKind
}

// nameKind is a set of the kinds of word a capitalised word may be.
type nameKind uint8

const (
	nameStop    nameKind = 1 << iota // a function word
	nameTitle                        // a role: "Minister"
	namePerson                       // part of a person's name
	nameState                        // a country, or a capital read as one
	nameEnglish                      // a common English word, or a month
	nameShort                        // of two letters or fewer
)

// findNameRuns reads the words each fact capitalises in mid-sentence, for the questions
// that ask which company or city: whether a fact names one.
func (e *Engine) findNameRuns() {
	e.nameRuns = make([][][]nameWord, len(e.facts))
	e.capitalised = map[string]bool{}
	for i := range e.facts {
		for _, run := range capitalisedRuns(e.facts[i].Text) {
			words := make([]nameWord, len(run))
			for k, w := range run {
				t := e.az.Word(w)
				words[k] = nameWord{term: t.Term, kind: e.nameKindOf(w, t)}
			}
			e.nameRuns[i] = append(e.nameRuns[i], words)
			for a := range words {
				key := words[a].term
				for b := a + 1; b < len(words); b++ {
					key += " " + words[b].term
					e.capitalised[key] = true
				}
			}
		}
	}
}

// capitalisedPhrase reports whether the articles capitalise the words of terms together
// in mid-sentence, as a name: "Free Trade Agreement".
func (e *Engine) capitalisedPhrase(terms []int32) bool {
	if len(terms) < 2 {
		return false
	}
	key := e.ix.TermString(terms[0])
	for _, t := range terms[1:] {
		key += " " + e.ix.TermString(t)
	}
	return e.capitalised[key]
}

// findDatedBy finds, for each body fact that names no date, the sentence before it in its
// paragraph that names one and shares a telling word with it: the date of a paragraph's
// event is said once, and the sentences after it take the event up ("the visit").
func (e *Engine) findDatedBy() {
	e.datedBy = make([]int, len(e.facts))
	e.leadTies = map[int][]int32{}
	for i := range e.facts {
		e.datedBy[i] = -1
		f := &e.facts[i]
		if f.Kind != Body || len(f.Dates) > 0 || f.Prev < 0 {
			continue
		}
		p := &e.facts[f.Prev]
		if p.Paragraph != f.Paragraph {
			if e.datedBy[i] = e.listDating(f); e.datedBy[i] < 0 {
				e.datedBy[i] = e.leadDating(f)
			}
			if e.datedBy[i] < 0 {
				e.datedBy[i] = e.eventDating(f)
			}
			if e.datedBy[i] < 0 && p.Kind == Body && strings.Contains(f.Text, " also ") && e.sharesTellingTerm(p.ID, f.ID) {
				// "China and Azerbaijan also signed …" goes on with the signing the
				// paragraph before told of, and its date.
				if len(p.Dates) > 0 {
					e.datedBy[i] = p.ID
				} else {
					e.datedBy[i] = e.datedBy[p.ID]
				}
			}
			continue
		}
		if p.Kind != Body || len(p.Dates) == 0 {
			continue
		}
		if e.sharesTellingTerm(p.ID, f.ID) {
			e.datedBy[i] = p.ID
		}
	}
}

// findArticleDays collects, per article, the days of the year its sentences name ("04-23")
// and the day it was published on, and finds the facts that span dates.
func (e *Engine) findArticleDays() {
	e.articleDays = map[string]map[string]bool{}
	add := func(source, value string) {
		day, ok := dayOfYear(value)
		if !ok {
			return
		}
		if e.articleDays[source] == nil {
			e.articleDays[source] = map[string]bool{}
		}
		e.articleDays[source][day] = true
	}
	for _, a := range e.articles {
		add(a.Source, a.Date)
	}
	e.spanning = make([]bool, len(e.facts))
	for i := range e.facts {
		for _, d := range e.facts[i].Dates {
			add(e.facts[i].Source, d.Value)
		}
		e.spanning[i] = spansDates(e.facts[i].Text)
	}
}

// findFigurative finds the terms each fact uses only inside figurative names: those words
// say nothing of what the fact tells.
func (e *Engine) findFigurative() {
	e.figurative = make([][]int32, len(e.facts))
	var names [][]int32
	for _, name := range e.az.Figurative() {
		var ids []int32
		for _, t := range name {
			if id, ok := e.ix.Term(t); ok {
				ids = append(ids, id)
			}
		}
		if len(ids) == len(name) {
			names = append(names, ids)
		}
	}
	if len(names) == 0 {
		return
	}
	for i := range e.facts {
		seq := e.ix.DocTerms(i)
		inside := make([]bool, len(seq))
		for p := range seq {
			for _, n := range names {
				if p+len(n) <= len(seq) && sameTerms(seq[p:p+len(n)], n) {
					for k := p; k < p+len(n); k++ {
						inside[k] = true
					}
				}
			}
		}
		for p, t := range seq {
			if inside[p] && !slices.Contains(e.figurative[i], t) && !usedOutside(seq, inside, t) {
				e.figurative[i] = append(e.figurative[i], t)
			}
		}
	}
}

// usedOutside reports whether term t stands in seq at a position not marked inside.
func usedOutside(seq []int32, inside []bool, t int32) bool {
	for p, x := range seq {
		if x == t && !inside[p] {
			return true
		}
	}
	return false
}

// leadDating finds, for fact f that opens the paragraph after its article's lead, the
// lead's sentence that dates what f tells of, or -1: the lead dates the event the article
// reports, and the next paragraph goes on with it ("… a state visit to China that began
// the previous day." "Aliyev arrived in Beijing …").
func (e *Engine) leadDating(f *Fact) int {
	lead := -1
	for j := f.Prev; j >= 0 && e.facts[j].Source == f.Source; j = e.facts[j].Prev {
		p := &e.facts[j]
		if p.Kind != Body {
			continue
		}
		if lead >= 0 && p.Paragraph != e.facts[lead].Paragraph {
			return -1 // f's paragraph does not follow the lead
		}
		lead = j
	}
	if lead < 0 {
		return -1
	}
	for j := lead; j >= 0 && e.facts[j].Paragraph == e.facts[lead].Paragraph; j = e.facts[j].Next {
		if len(e.facts[j].Dates) == 0 {
			continue
		}
		if ties := e.tellingTerms(j, f.ID); len(ties) > 0 {
			e.leadTies[f.ID] = ties
			return j
		}
	}
	return -1
}

// listDating finds, for a list item f, the sentence that dates the list: the dated
// sentence of the paragraph the list follows, when that paragraph introduces it with a
// colon ("The … agreements signed on April 23 …. Key agreements include:" dates "- Space
// Cooperation Agreement …"), or -1. The question must ask a word the dating sentence
// shares with the list's framing.
func (e *Engine) listDating(f *Fact) int {
	if !f.ListItem {
		return -1
	}
	j := f.Prev
	for j >= 0 && e.facts[j].Source == f.Source && e.facts[j].ListItem {
		j = e.facts[j].Prev
	}
	if j < 0 || e.facts[j].Source != f.Source || e.facts[j].Kind != Body || !strings.HasSuffix(e.facts[j].Text, ":") {
		return -1
	}
	for k := j; k >= 0 && e.facts[k].Paragraph == e.facts[j].Paragraph && e.facts[k].Source == f.Source; k = e.facts[k].Prev {
		if len(e.facts[k].Dates) > 0 {
			// The words that tie the date to the list are those the list's framing
			// shares with the dated sentence ("agreements", and "sign" of the heading
			// "China and Azerbaijan sign 20 agreements"), not the rest of it ("bilateral").
			framing := append(slices.Clone(e.ix.DocTerms(j)), e.ix.DocTerms(f.ID)...)
			for _, w := range e.az.Terms(f.Section) {
				if id, ok := e.ix.Term(w); ok {
					framing = append(framing, id)
				}
			}
			var ties []int32
			for _, t := range e.ix.DocTerms(k) {
				if slices.Contains(framing, t) && !slices.Contains(ties, t) {
					ties = append(ties, t)
				}
			}
			if len(ties) == 0 {
				return -1
			}
			e.leadTies[f.ID] = ties
			return k
		}
	}
	return -1
}

// eventDating finds, for fact f that opens on an event the article told of before ("After
// the talks, the two heads of state signed …"), the last sentence before it that names
// a date and the event ("… following talks between … in Beijing on 23 April"), or -1.
func (e *Engine) eventDating(f *Fact) int {
	first, rest, _ := strings.Cut(f.Text, " ")
	if !eventPrepositions[strings.ToLower(first)] {
		return -1
	}
	article, rest, _ := strings.Cut(rest, " ")
	if !strings.EqualFold(article, "the") {
		return -1
	}
	noun, _, _ := strings.Cut(rest, " ")
	id, ok := e.ix.Term(e.az.Word(strings.ToLower(strings.Trim(noun, ",;:"))).Term)
	if !ok {
		return -1
	}
	for j := f.Prev; j >= 0 && e.facts[j].Source == f.Source; j = e.facts[j].Prev {
		if p := &e.facts[j]; p.Kind == Body && len(p.Dates) > 0 && slices.Contains(e.ix.DocTerms(j), id) {
			e.leadTies[f.ID] = []int32{id}
			return j
		}
	}
	return -1
}

// eventPrepositions open a sentence on an event in time: "After the talks, …".
var eventPrepositions = map[string]bool{"after": true, "during": true, "following": true, "at": true, "before": true}

// tellingTerms returns the words not common to most sentences that facts a and b share.
func (e *Engine) tellingTerms(a, b int) []int32 {
	var shared []int32
	for _, x := range e.ix.DocTerms(a) {
		if e.ix.IDF(x) >= tellingIDF && slices.Contains(e.ix.DocTerms(b), x) {
			shared = append(shared, x)
		}
	}
	return shared
}

// tellingIDF is the least IDF of a word that ties two sentences together: the words of
// nearly every sentence ("Azerbaijan", "China") tie nothing.
const tellingIDF = 1.5

// sharesTellingTerm reports whether facts a and b share a word that is not common to most
// sentences.
func (e *Engine) sharesTellingTerm(a, b int) bool {
	return len(e.tellingTerms(a, b)) > 0
}

// findTopical collects the terms that name the domain: the intents' vocabulary, and the
// names of people, places and bodies the articles use (see findNames).
func (e *Engine) findTopical() {
	e.topical = map[string]bool{}
	for _, entries := range e.vocab {
		for _, v := range entries {
			for _, t := range v.terms {
				e.topical[t] = true
			}
		}
	}
	e.names = e.findNames()
	for t := range e.names {
		e.topical[t] = true
	}
}

// findNames returns the terms the articles write capitalised in mid-sentence and never in
// lower case: names ("Beijing", "Bayramov", "SCO"), not title-cased words ("Agreement").
func (e *Engine) findNames() map[string]bool {
	upper, lower := map[string]bool{}, map[string]bool{}
	seen := map[string][]string{} // word → its terms: most words recur
	for _, f := range e.facts {
		// Credits and bios name places and people too ("she now lives in Georgia").
		if f.Kind == Byline {
			continue
		}
		prevEnd := true
		for w := range strings.FieldsSeq(f.Text) {
			r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "“\"‘'(["))
			terms, ok := seen[w]
			if !ok {
				terms = e.az.Terms(w)
				seen[w] = terms
			}
			for _, t := range terms {
				switch {
				case unicode.IsUpper(r) && !prevEnd:
					upper[t] = true
				case unicode.IsLower(r):
					lower[t] = true
				}
			}
			prevEnd = strings.ContainsAny(w[len(w)-1:], ".!?:")
		}
	}
	for t := range lower {
		delete(upper, t)
	}
	return upper
}

// takesUp reports whether a sentence takes up the one before it, across a paragraph's
// end: a word it names as known ("the reports", "the interview") that the sentence before
// used, and that is not common to most sentences (df counts the sentences using each term
// out of n).
func takesUp(definite, before []string, df map[string]int, n int) bool {
	for _, d := range definite {
		if float64(df[d]) > float64(n)/8 {
			continue
		}
		for _, t := range before {
			if t == d {
				return true
			}
		}
	}
	return false
}

// determiners mark a noun as one the reader already knows of.
var determiners = map[string]bool{"the": true, "this": true, "these": true, "that": true, "those": true, "such": true}

// nameKindOf tells what kinds of word a capitalised word w (read as t) is.
func (e *Engine) nameKindOf(w string, t analyze.Token) nameKind {
	var k nameKind
	set := func(yes bool, kind nameKind) {
		if yes {
			k |= kind
		}
	}
	set(t.Stop, nameStop)
	set(ingest.IsRole(w), nameTitle)
	set(e.isPersonPart(w), namePerson)
	set(e.isState(t.Term), nameState)
	set(e.wordCount(w) > 0 || monthNumbers[w] != 0, nameEnglish)
	set(len(w) <= 2, nameShort)
	return k
}

// listLeads returns the sentences before a list that the list's items go on from: the
// last body sentence before them that is no item, within maxListLead sentences, and when
// that only opens the list ("Key agreements include:"), the sentence before it in its
// paragraph.
func (e *Engine) listLeads(f *Fact) []int {
	for n, p := 0, f.Prev; p >= 0 && n < maxListLead; n, p = n+1, e.facts[p].Prev {
		prev := &e.facts[p]
		if prev.Kind != Body || prev.ListItem {
			continue
		}
		if pp := prev.Prev; prev.Introduces && pp >= 0 && e.facts[pp].Paragraph == prev.Paragraph && e.facts[pp].Kind == Body {
			return []int{p, pp}
		}
		return []int{p}
	}
	return nil
}

// maxListLead is how far back a list item looks for the sentence that opens its list.
const maxListLead = 12

// findPublisherFacts finds, for each article with a publisher, the first sentence of it
// that names the publisher, and for each article the sources it reports according to.
func (e *Engine) findPublisherFacts() {
	e.publisherFact = map[string]int{}
	e.cited = map[string][]string{}
	for i := range e.facts {
		f := &e.facts[i]
		if f.Kind == Body {
			for _, m := range citedPattern.FindAllStringSubmatch(f.Text, -1) {
				e.cited[f.Source] = append(e.cited[f.Source], e.az.Terms(m[1])...)
			}
		}
		if _, done := e.publisherFact[f.Source]; done {
			continue
		}
		a := e.articles[e.bySource[f.Source]]
		if a.Publisher != "" && strings.Contains(strings.ToLower(f.Text), strings.ToLower(a.Publisher)) {
			e.publisherFact[f.Source] = i
		}
	}
}

// findDatelines finds, for each article, the dated credit that opens its first paragraph
// of text.
func (e *Engine) findDatelines() {
	e.datelineFact = map[string]int{}
	for i := range e.facts {
		f := &e.facts[i]
		if f.Kind != Credit || len(f.Dates) == 0 || f.Next < 0 {
			continue
		}
		if next := &e.facts[f.Next]; next.Kind == Body && next.Paragraph == f.Paragraph {
			e.datelineFact[f.Source] = i
		}
	}
}

// citedPattern finds the source a sentence reports "according to" or "citing": the
// capitalised words that follow ("the Xinhua News Agency", "Azerbaijan’s Foreign Ministry").
var citedPattern = regexp.MustCompile(`(?i:according to|citing) (?:the )?([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*)`)

// pointsBack reports whether a sentence refers to what the sentence before it said: "these
// opportunities", "this context", but not "this year"; or opens with "They" or "It" ("It
// was unclear which route …" after the clause it is about).
func pointsBack(text string) bool {
	if strings.HasPrefix(text, "They ") || strings.HasPrefix(text, "It ") {
		return true // "They jointly opposed …": the two the sentence before names
	}
	ws := strings.Fields(strings.ToLower(text))
	for i := 0; i+1 < len(ws); i++ {
		switch ws[i] {
		case "this", "these", "those":
			next := strings.Trim(ws[i+1], ".,;:!?\"'’”“")
			if !timeNouns[next] && monthNumbers[next] == 0 && !analyze.IsStopWord(next) {
				return true
			}
		}
	}
	return false
}

// timeNouns follow "this", as month names do, to name a time, not a thing said before.
var timeNouns = map[string]bool{"year": true, "month": true, "week": true, "time": true, "morning": true, "summer": true, "spring": true, "autumn": true, "winter": true}

// analysis is what the index and the answer-type cues need of one fact.
type analysis struct {
	definite []string // terms right after "the", "this" and the like
	text     []string // terms of the sentence, in order
	surfaces []string // the words as written, one per text term
	context  []string // terms of its heading, referent, speaker and dates
	numbers  []string // the numbers it names
	timed    bool     // it names a time of day or a weekday
	cues     cue      // the kinds of answer it gives beyond its words
	adverbs  uint64   // which of its first 64 terms stand for an adverb in -ly
	places   []string // the terms of the places it names
	venues   venues   // where it tells someone went or something took place
}

// analyse reads a fact for the index: the words of its text, and as context the heading
// it stands under, the persons it refers to, and the dates it and its article bear. Credits
// carry the article's title, so that "who took the photo of …" finds them. It only reads
// the engine, so facts can be analysed side by side.
func (e *Engine) analyse(f *Fact) analysis {
	var an analysis
	afterDeterminer := false
	toks := e.az.Analyze(f.Text)
	an.venues = venuesIn(toks)
	for _, t := range toks {
		if t.Number && t.Surface != "one" {
			// "one" is hardly ever a figure: "One-China", "one of the …".
			an.numbers = append(an.numbers, t.Term)
		}
		an.timed = an.timed || timeWords[t.Surface]
		if t.Stop {
			afterDeterminer = markedDeterminers.holds(t)
			continue
		}
		if afterDeterminer {
			an.definite = append(an.definite, t.Term)
			afterDeterminer = false
		}
		if n := len(an.text); n < 64 && strings.HasSuffix(t.Surface, "ly") && !strings.HasSuffix(t.Term, "li") {
			an.adverbs |= 1 << n
		}
		an.text = append(an.text, t.Term)
		an.surfaces = append(an.surfaces, t.Surface)
	}
	for _, w := range placesIn(f.Text) {
		an.places = append(an.places, e.az.Word(w).Term)
	}
	an.cues = cuesOf(f.Text)
	an.timed = an.timed || an.cues&countsDay != 0
	a := e.articles[e.bySource[f.Source]]
	ctx := []string{f.Section, f.Refers}
	if f.Speaker != "" {
		ctx = append(ctx, f.Speaker+" said")
	}
	for _, p := range f.People {
		if !namedIn(f.Text, p) {
			ctx = append(ctx, p) // named by role only: "his Azerbaijani counterpart"
		}
	}
	if f.Kind == Body && f.Refers == "" && f.Speaker == "" && (len(f.People) == 0 || pluralSubject(f.Text)) {
		// A sentence that names no one tells of the persons the article leads with ("The
		// ministers also welcomed …" after "Bayramov met with Wang Yi …"); so does one
		// whose subject stands for them, whoever else it names ("They highlighted that
		// the agreements signed during President Aliyev's visit …").
		ctx = append(ctx, e.leads[f.Source]...)
	}
	if f.Kind == Body && f.ListItem {
		// "Legal Assistance Treaty and judicial cooperation pacts.": an item of a list is
		// about what the sentence that opens the list says ("the agreements signed on
		// April 23").
		for _, lead := range e.listLeads(f) {
			ctx = append(ctx, e.facts[lead].Text)
			for _, d := range e.facts[lead].Dates {
				ctx = append(ctx, dateWords(d.Value))
			}
		}
	}
	if f.Kind == Body && f.Prev >= 0 && pointsBack(f.Text) {
		// "To fully capitalize on these opportunities …": the opportunities the sentence
		// before names are what it is about.
		if prev := &e.facts[f.Prev]; prev.Kind == Body && prev.Source == f.Source {
			ctx = append(ctx, prev.Text)
			if containsAny(strings.ToLower(prev.Text), planPhrases) {
				an.cues |= tellsPlan // "these talks" ahead of an upcoming summit
			}
		}
	}
	switch f.Kind {
	case Caption:
		ctx = append(ctx, "photo")
	case Bio:
		ctx = append(ctx, "author wrote article", a.Title)
	case Byline:
		ctx = append(ctx, "author wrote article", a.Title)
		ctx = append(ctx, e.leads[f.Source]...) // the article about them
	case Credit:
		ctx = append(ctx, "source published article report story piece", a.Title, a.Publisher)
		ctx = append(ctx, e.leads[f.Source]...)
	}
	for _, d := range f.Dates {
		ctx = append(ctx, dateWords(d.Value))
	}
	// The article's date is the date of every sentence in it that names none, as fully as
	// a date the sentence names: "at the Jan 28 meeting" locates all of that day's
	// article. (A context word counts half; the date is put in twice.)
	if m := e.impliedMonth[f.Source]; len(f.Dates) == 0 && m != "" && f.Kind == Body {
		ctx = append(ctx, m, m)
	}
	if len(f.Dates) == 0 {
		ctx = append(ctx, dateWords(a.Date), dateWords(a.Date))
	} else {
		ctx = append(ctx, dateWords(a.Date))
	}
	for _, c := range ctx {
		an.context = append(an.context, e.contextTerms(c)...)
	}
	return an
}

// namedIn reports whether text writes a part of a person's name.
func namedIn(text, person string) bool {
	for part := range strings.FieldsSeq(person) {
		if strings.Contains(text, part) {
			return true
		}
	}
	return false
}

// findImpliedMonths finds, for each undated article that names one month only, that
// month: its sentences tell of what happened then ("the agreements signed on April 23"),
// so a question about "the April visit" is about them.
func (e *Engine) findImpliedMonths() {
	e.impliedMonth = map[string]string{}
	named := map[string]map[string]bool{}
	for i := range e.facts {
		f := &e.facts[i]
		if f.Kind != Body || e.articles[e.bySource[f.Source]].Date != "" {
			continue
		}
		for _, w := range strings.FieldsFunc(f.Text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			// A month is capitalised: "may" is a verb.
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && monthNames[strings.ToLower(w)] {
				w = strings.ToLower(w)
				if named[f.Source] == nil {
					named[f.Source] = map[string]bool{}
				}
				named[f.Source][w] = true
			}
		}
	}
	for src, months := range named {
		if len(months) == 1 {
			for m := range months {
				e.impliedMonth[src] = m
			}
		}
	}
}

// contextTerms returns the terms of a context string (a heading, a person's name, a date
// in words): the same few strings stand in the context of many sentences, so their terms
// are kept. Safe for concurrent use.
func (e *Engine) contextTerms(s string) []string {
	if s == "" {
		return nil
	}
	if ts, ok := e.ctxTerms.Load(s); ok {
		return ts.([]string)
	}
	ts := e.az.Terms(s)
	e.ctxTerms.Store(s, ts)
	return ts
}

// Problems returns what went wrong reading the articles left out.
func (e *Engine) Problems() []error { return e.problems }

// Articles returns the articles the engine answers from, in file-name order.
func (e *Engine) Articles() []Article { return append([]Article(nil), e.articles...) }

// Article returns the article from the named seed file.
func (e *Engine) Article(source string) (Article, bool) {
	i, ok := e.bySource[source]
	if !ok {
		return Article{}, false
	}
	return e.articles[i], true
}

// Facts returns every body fact (captions and bylines left out), in article order.
func (e *Engine) Facts() []Fact {
	var out []Fact
	for _, f := range e.facts {
		if f.Kind == Body {
			out = append(out, f)
		}
	}
	return out
}

// Fact returns the fact with the given ID.
func (e *Engine) Fact(id int) (Fact, bool) {
	if id < 0 || id >= len(e.facts) {
		return Fact{}, false
	}
	return e.facts[id], true
}

// Topic is an intent with the number of facts filed under it.
type Topic struct {
	Intent
	Facts int
}

// Topics returns the intents in their file's order with how many facts each holds.
func (e *Engine) Topics() []Topic {
	out := make([]Topic, len(e.intents))
	for i, in := range e.intents {
		out[i] = Topic{Intent: in, Facts: e.counts[in.ID]}
	}
	return out
}

// Cite returns the citation of a fact: its article's metadata and its verbatim text.
func (e *Engine) Cite(f Fact) Citation {
	a := e.articles[e.bySource[f.Source]]
	return Citation{Source: f.Source, Title: a.Title, Publisher: a.Publisher, Date: a.Date, Paragraph: f.Paragraph, Quote: f.Text}
}
