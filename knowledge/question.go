package knowledge

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/azchina/azchina/knowledge/analyze"
	"github.com/azchina/azchina/knowledge/index"
	"github.com/azchina/azchina/knowledge/ingest"
)

// MaxQuestion is the longest question, in bytes, the engine reads.
const MaxQuestion = 1000

// Factors for matches that are not the question's own word.
const (
	typoFactor     = 0.85 // a word one edit from the question's
	abbrevFactor   = 0.7  // a word the question's abbreviates
	synonymFactor  = 0.7  // a thesaurus synonym
	correctedShare = 0.9  // share of its IDF a corrected word weighs
)

// question is a question read for searching.
type question struct {
	// yearInsisted is 0 until insistsOnYear has looked, then 1 for no, 2 for yes.
	yearInsisted int8

	text    string
	lower   string // text in lower case
	tokens  []analyze.Token
	kind    Kind
	terms   []index.QueryTerm
	numbers map[string]bool // numbers the question itself names
	months  [13]bool        // the months the question names, by number ("in August")
	// saidIn are the months that date a person's words or meeting rather than what is
	// asked: "according to the FMs in January, what gave momentum …".
	saidIn   [13]bool
	dates    []string // the days the question names with their month, as "04-14"
	wh       bool     // it holds a question word ("what", "who", …)
	photo    bool     // asks about a photo
	author   bool     // asks who wrote an article
	credit   bool     // asks about an article itself: its source, publisher or date
	intent   string
	unknown  []string       // words the index knows nothing like, or only words WordNet relates to them
	topical  []bool         // per term: it names the domain
	required []bool         // per term: a name the answer must match
	counted  map[int32]bool // for "how many X": the terms X may be matched by
	// either maps a required name to the one it is joined to by "and" when no fact names
	// both ("Alizadeh and Allahveranov" each spoke to Trend): a fact may name either.
	either map[int]int
	// together holds the query terms of two persons a question asks what they did
	// together ("what did Liu and Aliyev discuss"), or -1s: a fact must tell of both.
	together [2]int
	// contrary holds, per term of a question that asks no yes or no, the terms of the
	// words that say its contrary ("reduced": "increased"); nil when it has none.
	contrary map[int][]int32
	// sinceWhen marks "how long": a date it has lasted since answers as well as a length.
	sinceWhen bool
	// startsWhen marks a question of when a thing starts or takes effect ("when does the
	// visa-free regime start"): the date of the sentence before, which tells of another
	// event (the agreement to start it), is no answer.
	startsWhen bool
	// endsWhen marks a question of when a thing ended ("when did his visit end"): the date
	// of a day within it is no answer.
	endsWhen bool
	// priorStage marks a question of what someone was or did before a stage of their
	// life ("before he became an MP"), or of an earlier one of a kind ("the previous
	// protocol"): a fact must say so of an earlier time.
	priorStage bool
	// specific are the query terms of the kind a question asks the very ones of ("which
	// specific terrorist groups"): a fact must name the kind.
	specific []int
	// someoneElse marks a question of who else, besides those it names ("who else did Xi
	// meet besides Aliyev"), or of those ranked ahead of one ("Azerbaijan's top partners
	// ahead of China"): a fact must name another person, or another place or body.
	someoneElse bool
	// untilWhen marks a question of the year or day something lasts to: "it runs to what
	// year", "until when".
	untilWhen bool
	// laterStage marks a question of what someone did after a deed with a person ("who
	// did Xi meet after Aliyev"): a fact must say so of a later time.
	laterStage bool
	// lasting is the unit of "how many days" (or weeks, months, years): so many of it, or
	// a span of dates, answers.
	lasting string
	// viewOf is the index term of the state whose position or reaction a question asks
	// ("Russia's official position on …"), other than the two the articles are about, or
	// -1: a fact must tell it as that state's.
	viewOf int32
	// rank marks a question on a place in an order ("what number partner is China",
	// "where does it rank"): an ordinal ("fourth-largest") answers it.
	rank bool
	// pair marks a question about "the two countries" (or "both sides"): the pair every
	// fact is about, which counts as matched.
	pair bool
	// source marks a question for who reported something or what it cites: a fact that
	// names its source ("News.Az reports", "according to Xinhua", "told Trend") answers.
	source bool
	// roles are the roles the question qualifies by a name ("the prime minister of
	// Azerbaijan", "the Chinese foreign minister").
	roles []qualifiedRole
	// succession is the word that sets the holder of a role asked for apart from the one
	// the articles name ("next" in "the next president"), or "": a fact must say it of a role.
	succession string
	// heldBefore marks a question of who held a role before or after a person named ("who
	// was president before Ilham Aliyev"): a fact must tell of one holder following another.
	heldBefore bool
	// beforeEvent is the term of the person whose occasion the question asks of what came
	// before ("who did Xi meet before Aliyev's visit"), or -1: the occasion itself is no
	// answer.
	beforeEvent int
	// unknownHead is the thing a "what is the X" question asks about, when the articles
	// never name it: no fact can say what it is.
	unknownHead string
	// result: the question asks what came of an event ("what came out of the summit").
	result bool
	// sequel holds the terms of the event a question asks what came after ("what happened
	// after Chen Ming refuted the reports"): a fact that tells only of it does not say.
	// sequelWord is the term of the word "after" itself ("… was followed by" says), or -1.
	sequel     []int
	sequelWord int
	// talkedAbout is set for a question of what was talked about ("what did they talk
	// about"): a sentence that names the talks only as an occasion does not say.
	talkedAbout bool
	// period: a when-question asks for a length of time ("over what period").
	period bool
	// occupation: the question asks a named person's job ("what does she do for a
	// living"), which a relation ("his wife") does not tell.
	occupation bool
	// storyTerms is how many of the first terms come from the story the asker tells before
	// the question (preamble), or from its background when the question refers back to it.
	storyTerms int
	// aboutStory: the question refers back to the story ("is China involved in that?"),
	// whose words then count in full.
	aboutStory bool
	// setAside: the question sets something aside ("besides the SCO summit, what else
	// …"), which the best fact may name but not answer with.
	setAside bool
	// percent: a how-much question asks a percentage ("by what percent"), which a sum of
	// money does not tell.
	percent bool
	// share: it asks what part of a whole a percentage is ("what percentage of its
	// trade"), which a percentage of growth does not tell.
	share bool
	// first: the question asks for the largest or biggest of all ("which country is its
	// largest partner"), which "its fourth-largest partner" does not tell.
	first bool
	// definition: the words a question of the form "what is a X" asks to have defined,
	// which a fact must define, not only name ("what is a Confucius Institute"), or "".
	definition string
	// container: the kind of place a question asks another place is in or the capital
	// of ("which province is Urumqi in": "province"; "what is Urumqi the capital of":
	// "capital"), which a fact must write, or "". "Urumqi (China)" tells neither.
	container string
	// inYears: the question asks how many years ("how many years has Xi been president"),
	// which a span of days does not tell.
	inYears bool
	// most: the question asks for the most of something ("is it China's most important
	// partner"), which a fact that ranks nothing ("an important partner") does not tell.
	most bool
	// clock: a when-question asks for a time of day ("what time was the banquet"), which
	// a date alone does not tell.
	clock bool
	// size: "how big is China as a partner" may be answered by a rank ("fourth-largest").
	size bool
	// day: a when-question asks for the day ("on which day", "the exact date"), which a
	// year or a month alone does not tell.
	day bool
	// weekday marks a question of the day of the week ("on which day of the week"):
	// "Wednesday" answers it, "23 April" does not.
	weekday bool
	// publishers holds the publishers the question names, once worked out (see
	// publishersNamed).
	publishers map[string]bool
	// howTo: the question asks how the asker is to do something ("how do I get a visa").
	howTo bool
	// listing: the question asks for several things ("name some of the agreements").
	listing bool
	// speaker holds the persons a question asks the words of ("What did Aliyev say …"),
	// by their full names: the answer must be theirs.
	speaker map[string]bool
	// qualified are the words the question qualifies by one of the names it uses, the
	// others standing elsewhere in it ("Azerbaijani companies … in China").
	qualified []qualifiedNoun
	// asksSpeech marks a question about what someone said ("Who said …").
	asksSpeech bool
	// whenSaid marks a question that asks only when someone spoke to the press: a
	// dateline answers it (see asksWhenSaid).
	whenSaid bool
	// future marks a question about what is to come: a fact about what was does not
	// answer it.
	future bool
	// topic holds the query terms of what "what did X say/think about …" asks X's words
	// on.
	topic []int
	// asked holds the index terms the question's words match, once askedTerms has run.
	asked map[string]bool
	// defines is the query term of the thing "what is X" asks to have defined, when X is
	// all the question names, or -1.
	defines int
	// publisher marks a question of which outlet published a story ("Which website ran
	// the story on …").
	publisher bool
	// asksName marks "what was the name of the agreement": a name is the answer.
	asksName bool
	// asksContent: the question asks what a thing holds ("what does the treaty cover"),
	// which a list item that only names it does not tell.
	asksContent bool
	// whereTo: a where-question asks where someone went ("where did he travel after …").
	whereTo bool
	// signed: the question speaks of signing ("who signed it", "their signatures").
	signed bool
	// inDollars: the question asks a sum in dollars ("the trade turnover in dollars").
	inDollars bool
	// strangeFigure: a claim put to be checked holds a figure the articles never write
	// ("about 500 Chinese students"), which only a fact that gives a figure may settle.
	strangeFigure bool
	// whichPhrase is the noun phrase of two words or more a "which" question asks about
	// ("Which Central Asia-related formats …"), or nil.
	whichPhrase []analyze.Token
	// whichPatterns find that phrase in a sentence, in any of its forms ("Chinese
	// company", "Chinese companies"), its head as the first group; and, for a phrase of
	// three words or more, the phrase without its last word ("Armenian media" of "which
	// Armenian media outlet") and, for a kind of thing known by name, its first and last
	// words alone ("Chinese companies" of "which Chinese construction companies"); for a
	// kind of outlet, the phrase with "media" or "press" for it ("Armenian media" of
	// "which Armenian outlet"). They are made when first needed (see patterns).
	whichPatterns []phraseMatcher
	// whichFirst is the term of that phrase's first word: a fact without it cannot hold
	// the phrase.
	whichFirst string
	// whichHead is that phrase's last word: a fact that does not match it cannot hold
	// the phrase, and the pattern need not be tried.
	whichHead string
	// staged marks "where was it held", "where will it take place": a place is the answer.
	staged bool
	// personNoun marks a question that asks for persons by a noun ("which other
	// officials"): a person it does not name is the answer.
	personNoun bool
	// headAsked: the question asks who heads something ("who is the head of the
	// department"): a person, whom only a fact that names one tells.
	headAsked bool
	// acronym is the abbreviation "what does ANAMA stand for" asks the words of, lower-cased.
	acronym string
	// which is the query term of the noun a "which" question asks for, or -1.
	which int
	// outcome marks a question of how a thing turned out ("did he actually go"): a fact
	// of what was then to come does not answer it.
	outcome bool
	// plan marks a question about a plan or an invitation ("when was it scheduled", "which
	// event was he invited to"): a fact of what was then to come answers it.
	plan bool
	// heldPast marks "where was the event held?": where a past event took place.
	heldPast bool
	// verb is the query term of the verb an outcome question asks about ("did he
	// actually attend"), or -1.
	verb int
	// city marks a question that asks for a city ("In which city …"): a country is no
	// answer to it.
	city bool
	// building marks a question that asks which building ("in which building were the
	// talks"): a city is no answer to it.
	building bool
	// country marks a question that asks which countries: "Which countries rank ahead of
	// China?"
	country bool
	// otherCountries marks a question that asks which other countries: besides the two the
	// articles are about.
	otherCountries bool
	// capital is the query term of a capital a question asking for a city names, as the
	// city it is rather than its country, or -1.
	capital int
	// located marks, per term, a word of a phrase that only says which event is meant
	// ("at the SCO summit", "at the Jan 28 meeting"): the answer must match some other
	// word.
	located []bool
	// possessors are the words the question writes with "'s" ("China's ambassador").
	possessors map[string]bool
	// bareEvent reports that the event is located by a bare noun ("during the visit"):
	// the one the articles tell of, which a fact need not name.
	bareEvent bool
	// request marks a request for made-up work ("write a poem", "tell me a joke"), which no
	// quote answers.
	request bool
	// opinion marks a question that asks the bot's own opinion ("what do you think …").
	opinion bool
	// capitalised are the words the question capitalises in mid-sentence: the names as
	// the asker writes them.
	capitalised map[string]bool
	// described are the phrases that describe the holders of a role ("the Chinese leader").
	described []description
	// predicate is the term of a verb the articles never use that "Who VERBed …" asks the
	// doer of ("Who translated at the talks?"), or -1: a fact that does not say it was done
	// names someone who did something else.
	predicate int
	// askedVerb is the term of the verb "Who VERBed …" or "What did X VERB" asks about, or
	// -1: a fact that says nothing like it ("Who will chair the working group?" of "a new
	// working group will enhance …") does not tell who did it, nor what.
	askedVerb int
	// venues are the terms of the places the question asks someone went to or something
	// took place in ("visit Baku", "the summit in Baku").
	venues map[int32]bool
	// sayer are the terms that name who or what a question asks the words of when that is
	// no person ("What did the joint statement say about Russia?"): the answer must match
	// one of them.
	sayer []int
	// room holds the slices of the pooled question's last reading, to read the next
	// question into: fewer allocations.
	room questionRoom
}

// questionRoom is the slices a question is read into, kept for the next one.
type questionRoom struct {
	terms, surfaces            []string
	factors                    []float64
	queryTerms                 []index.QueryTerm
	located, topical, required []bool
	numbers                    map[string]bool
	// alts and ids hold the query terms' alternatives and their term ids, each term's
	// carved from them (see carve).
	alts []index.Alternative
	ids  []int32
}

// carve returns an empty slice with room for n elements, taken from the end of *arena,
// which starts a new array when the old is full: the slices carved before keep theirs.
func carve[T any](arena *[]T, n int) []T {
	a := *arena
	if cap(a)-len(a) < n {
		a = make([]T, 0, max(2*cap(a), n, 32))
	}
	*arena = a[:len(a)+n]
	return a[len(a) : len(a) : len(a)+n]
}

// clean makes user text safe to read: valid UTF-8, no control characters, single spaces.
func clean(s string) string {
	if isClean(s) {
		return s // most questions: nothing to mend, nothing to copy
	}
	s = strings.ToValidUTF8(s, " ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' || emojiPart(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// blank finds a gap a question leaves to be filled in: "China is Azerbaijan's ___ largest
// partner", or the place in a row it asks by "how-many-th".
var blank = regexp.MustCompile(`_{2,}|(?i)\bhow[ -]?many[ -]?th\b|\bhow[ -]?manieth\b|\bnth\b`)

// withNameAsked returns a request to name one of a kind ("name a Chinese company building
// solar plants") as the question it puts ("which Chinese company building …"), or text.
func withNameAsked(text string) string {
	for _, lead := range []string{"name a ", "name an ", "name one ", "name any ", "name the "} {
		if len(text) > len(lead) && strings.EqualFold(text[:len(lead)], lead) {
			return "which " + text[len(lead):]
		}
	}
	return text
}

// withMentionAsked returns a question why the articles mention a thing ("why is Pedro
// Sanchez mentioned", "why does the article bring up Sputnik") as the question of what
// they say of it, which tells why; or text.
func withMentionAsked(text string) string {
	for _, p := range mentionAsked {
		if m := p.FindStringSubmatch(text); m != nil {
			return "what do the articles say about " + m[1]
		}
	}
	return text
}

// mentionAsked finds a question why the articles mention a thing; its group is the thing.
var mentionAsked = []*regexp.Regexp{
	regexp.MustCompile(`(?i)^why (?:is|was|are|were) (.+?) (?:even |at all )?(?:mentioned|named|cited|quoted|brought up|referenced|referred to|in (?:the|this|that|these) (?:articles?|story|stories|piece|text|news|reports?))(?: at all)?(?: in (?:the|this|that|these) (?:articles?|story|stories|piece|text|news|reports?))?\s*[?!.]*$`),
	regexp.MustCompile(`(?i)^why (?:does|did|do) (?:the|this|that|these) (?:articles?|story|stories|piece|text|reports?) (?:even )?(?:mention|name|cite|quote|bring up|talk about|refer to) (.+?)(?: at all)?\s*[?!.]*$`),
}

// withBlankAsked returns a question with each gap left to fill in asked for by "what", as
// a question word would ask for it ("China is Azerbaijan's what largest partner").
func withBlankAsked(text string) string {
	if !strings.Contains(text, "__") && !asksPlaceInRow(text) {
		return text
	}
	return blank.ReplaceAllString(text, " what ")
}

// asksPlaceInRow reports whether a question may ask a place in a row by "how-many-th".
func asksPlaceInRow(text string) bool {
	for _, w := range []string{"manyth", "many-th", "many th", "manieth", "nth"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// reciprocalPossessive finds "each other's": what belongs to each of the two.
var reciprocalPossessive = regexp.MustCompile(`\b(each other|one another)(['’]s|s)\b`)

// botCommand finds a chat command that opens a question: "/ask", "/ask@azchina_bot".
var botCommand = regexp.MustCompile(`^/[A-Za-z_]+(@[A-Za-z0-9_]+)?\s+`)

// withoutCommand returns a question without the chat command that opens it ("/ask what
// year …"): the command says what to do with it, not what it asks.
func withoutCommand(text string) string {
	if !strings.HasPrefix(text, "/") {
		return text
	}
	if loc := botCommand.FindStringIndex(text); loc != nil && hasLetters(text[loc[1]:]) {
		return text[loc[1]:]
	}
	return text
}

// withoutIntroduction returns a question without the words that introduce its asker
// before a colon, a dash or a full stop ("Turkish reporter: what did Xi tell …", "I'm from
// a Kazakh outlet - did they talk about Central Asia?", "Georgian journalist here. which
// …"): the asker's country or trade is no part of what is asked. A lead that names the
// topic ("Azerbaijan-China relations: what's new?")
// stays.
func withoutIntroduction(text string) string {
	if i := strings.Index(text, ". "); i > 0 && i <= maxStatement {
		// "hey all, I'm putting together an explainer for my club. which outlet …?"
		intro, rest := strings.Fields(strings.ToLower(text[:i])), strings.TrimSpace(text[i+2:])
		opening, _, _ := strings.Cut(strings.ToLower(rest), " ")
		if len(intro) <= maxStatementWords && slices.ContainsFunc(intro, func(w string) bool { return firstPerson[w] }) &&
			!slices.ContainsFunc(intro, func(w string) bool { return questionWord[w] || whatWords[w] || hearsayVerbs[w] }) &&
			(questionWord[opening] || whatWords[opening] || auxiliaries[opening] || copulas[opening] || modals[opening]) {
			// (But "my teacher said … is that true?" puts a claim, and "I read that trade
			// doubled. what value has it passed?" asks of what it tells.)
			if named, ok := namedByIntroduction(text[:i], rest); ok {
				return named // "I'm citing the piece by Aytan Farhadova. where did she work before?"
			}
			asked, _, _ := strings.Cut(strings.ToLower(rest), "?")
			if !slices.ContainsFunc(strings.Fields(asked), func(w string) bool { return referring[strings.Trim(w, ",.!")] }) {
				return rest
			}
		}
	}
	for _, sep := range []string{": ", " - ", " – ", " — ", ". ", ", ", " but "} {
		i := strings.Index(text, sep)
		if i < 0 || i > maxIntroduction {
			continue
		}
		intro := strings.Fields(strings.ToLower(text[:i]))
		if len(intro) == 0 || len(intro) > 6 && (sep != " but " && sep != ": " || len(intro) > 9) || slices.ContainsFunc(intro, func(w string) bool { return questionWord[w] || whatWords[w] }) {
			continue
		}
		if sep == ": " && nextQuestion(intro) {
			return strings.TrimSpace(text[i+len(sep):]) // "thanks! next one: who's wang yi?"
		}
		words := askerWords
		switch sep {
		case ", ":
			words = firstPerson // "sorry im new here, who is …"; not "apart from the UN, …"
		case " but ":
			words = hedgeWords // "sorry if dumb q but who's wang yi?"
		}
		if slices.ContainsFunc(intro, func(w string) bool { w = strings.Trim(w, ",.'’"); return words[w] || hedgeWords[w] }) {
			rest := strings.TrimSpace(text[i+len(sep):])
			if !slices.ContainsFunc(intro, func(w string) bool { return firstPerson[w] }) {
				if named, ok := namedByIntroduction(text[:i], rest); ok {
					return named // "the journalist Aytan Farhadova - where did she work before?"
				}
			}
			return strings.TrimPrefix(rest, "but ") // "sorry, but …"
		}
	}
	return text
}

// maxStatement and maxStatementWords bound a sentence in which the asker speaks of
// themself before their question, in bytes and in words.
const (
	maxStatement      = 120
	maxStatementWords = 16
)

// namedByIntroduction returns question with the name its asker's introduction gives
// ("I'm citing the piece by Aytan Farhadova") put after the pronoun that refers to it
// ("where did she work before?" → "where did she Aytan Farhadova work before?"), and
// true; or false when the question has no such pronoun or the introduction no name.
func namedByIntroduction(intro, question string) (string, bool) {
	var name []string
	for k, w := range strings.Fields(intro) {
		w = strings.Trim(w, ",.;:!'’\"()")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if k > 0 && w != "" && unicode.IsUpper([]rune(w)[0]) && !firstPerson[strings.ToLower(w)] && len(name) < 4 {
			name = append(name, w)
			continue
		}
		if len(name) > 0 {
			break // the first name only
		}
	}
	if len(name) == 0 {
		return question, false
	}
	words := strings.Fields(question)
	for k, w := range words {
		if thirdPerson[strings.ToLower(strings.Trim(w, ",.?!"))] {
			return strings.Join(slices.Concat(words[:k+1], name, words[k+1:]), " "), true
		}
	}
	return question, false
}

// thirdPerson are the pronouns that refer to a person named before.
var thirdPerson = map[string]bool{"he": true, "she": true, "him": true, "her": true, "his": true, "hers": true}

// nextQuestion reports whether an introduction ends in words that announce another
// question: "next one", "another q", "quick question", "follow up".
func nextQuestion(intro []string) bool {
	if len(intro) < 2 {
		return false
	}
	a, b := strings.Trim(intro[len(intro)-2], ",.!"), strings.Trim(intro[len(intro)-1], ",.!")
	return (a == "next" || a == "another" || a == "quick" || a == "more") && (b == "one" || b == "question" || b == "q") || a == "follow" && b == "up"
}

// hedgeWords excuse a question before it is asked: "sorry if dumb q but …", "might be a
// stupid question, but …".
var hedgeWords = map[string]bool{
	"sorry": true, "sry": true, "apologies": true, "excuse": true, "pardon": true, "dumb": true,
	"stupid": true, "silly": true, "noob": true, "newbie": true,
}

// firstPerson are the words by which an asker speaks of themselves.
var firstPerson = map[string]bool{"i": true, "i'm": true, "im": true, "i’m": true, "we": true, "we're": true, "my": true, "our": true}

// stageVerbs begin a stage of a person's life: "before he became", "prior to being appointed".
var stageVerbs = map[string]bool{
	"became": true, "becoming": true, "become": true, "appointed": true, "elected": true,
	"joined": true, "joining": true, "entered": true, "entering": true,
	"took": true, "taking": true, "assumed": true, "assuming": true, // "took over", "assumed the chair"
}

// namesStage reports whether the words after "before" name a stage of someone's life:
// "before she became first lady", "before he was foreign minister".
func namesStage(after []analyze.Token) bool {
	for i, t := range after {
		if stageVerbs[t.Surface] || markedCopulas.holds(t) && slices.ContainsFunc(after[i+1:], markedRoles.holds) {
			return true
		}
	}
	return false
}

// earlierPattern finds a sentence's word for an earlier time of someone's life.
var earlierPattern = regexp.MustCompile(`(?i)\b(before|previously|prior|former|formerly|earlier|once|ex-\w+|used to|preceded by)\b`)

// occasionBefore finds "before" or "prior to" an occasion of the story itself, one of
// eventNouns: "Prior to the talks, Xi … held a welcoming ceremony" tells what came first
// that day, no earlier time of anyone's life.
var occasionBefore = regexp.MustCompile(`(?i)\b(?:before|prior to) (?:the|his|her|their) (?:` + strings.Join(slices.Sorted(maps.Keys(eventNouns)), "|") + `)\b`)

// saysEarlier reports whether a sentence speaks of an earlier time than the one it tells
// of: earlierPattern's word, but not "before the talks".
func saysEarlier(text string) bool {
	if !earlierPattern.MatchString(text) {
		return false
	}
	return earlierPattern.MatchString(occasionBefore.ReplaceAllString(text, ""))
}

// partyNouns name one who takes part in a deal or talks, of whatever kind: "who was the
// Chinese party to the agreement" is answered by an agency.
var partyNouns = map[string]bool{
	"party": true, "parties": true, "side": true, "sides": true, "counterpart": true,
	"counterparts": true, "signatory": true, "signatories": true,
}

// genericRoles name a holder of any of several titles: "the Spanish leader" is its prime
// minister.
var genericRoles = map[string]bool{"leader": true, "leaders": true, "head": true, "heads": true, "chief": true, "boss": true}

// beforeOrAfterPerson reports whether tokens hold "before" or "after" and a person's name
// the articles use: "before ilham aliyev".
func (e *Engine) beforeOrAfterPerson(tokens []analyze.Token) bool {
	for i := 0; i+1 < len(tokens); i++ {
		if (tokens[i].Surface == "before" || tokens[i].Surface == "after") && e.isPersonPart(tokens[i+1].Surface) {
			if e.personsOccasionAt(tokens, i+1) {
				continue // "before Aliyev's visit": a time, not the holder before him
			}
			if doneBefore(tokens, i) {
				continue // "which leader did Xi meet before Aliyev": see relativeDeed
			}
			return true
		}
	}
	return false
}

// specificWords ask for the very ones of a kind: "which specific groups".
var specificWords = map[string]bool{"specific": true, "particular": true}

// specificKind returns the query terms of the kind "which specific" or "what particular"
// asks for: the words up to the next function word ("which specific terrorist groups did
// …").
func specificKind(q *question) []int {
	var out []int
	for i := 0; i+2 < len(q.tokens); i++ {
		if w := q.tokens[i].Surface; (w != "which" && w != "what") || !specificWords[q.tokens[i+1].Surface] {
			continue
		}
		head := ""
		for _, t := range q.tokens[i+2 : min(len(q.tokens), i+5)] {
			if t.Stop || t.Number {
				break
			}
			if k := q.termOf(t.Surface); k >= 0 {
				out, head = append(out, k), t.Surface
			}
		}
		if !namedKinds[head] && !groupNouns[head] {
			return nil // "which specific sectors": a list of them names none as such
		}
		break
	}
	return out
}

// groupNouns are kinds of bodies a name tells apart: "which specific terrorist groups".
var groupNouns = map[string]bool{
	"group": true, "groups": true, "organization": true, "organizations": true,
	"organisation": true, "organisations": true, "movement": true, "movements": true,
}

// asksBesides reports whether a question asks of others than those it names: "who else",
// "besides Wang Yi", "other than", "apart from".
func asksBesides(tokens []analyze.Token) bool {
	for i, t := range tokens {
		switch t.Surface {
		case "else", "besides":
			return true
		case "than", "from":
			if i > 0 && (tokens[i-1].Surface == "other" || tokens[i-1].Surface == "apart" || tokens[i-1].Surface == "aside") {
				return true
			}
		}
	}
	return false
}

// definitionAsked returns what a question of the form "what is a X" ("what's an exclave",
// "what is a confucius institute?") asks to have defined, or "". lower is the question in
// lower case.
func definitionAsked(lower string) string {
	for _, opening := range []string{"what is a ", "what is an ", "what's a ", "what's an ", "whats a ", "whats an ", "what’s a ", "what’s an "} {
		if rest, ok := strings.CutPrefix(lower, opening); ok {
			return strings.TrimRight(rest, "?!. ")
		}
	}
	return ""
}

// containerAsked returns the kind of place a question asks another is in or the capital
// of: "province" of "what chinese province or region is urumqi in", "capital" of "what is
// urumqi the capital of", or "". lower is the question in lower case.
func containerAsked(lower string) string {
	if strings.Contains(lower, "capital") {
		if m := capitalOf.FindStringSubmatch(lower); m != nil && !articles[m[1]] || capitalOfWhich.MatchString(lower) {
			return "capital" // (but "what is the capital of …" asks a city)
		}
	}
	if !containsAny(lower, containerKinds) {
		return "" // most questions: no kind of region (and no regular expression run)
	}
	if m := containerIn.FindStringSubmatch(lower); m != nil {
		return m[1]
	}
	return ""
}

// containerKinds are the kinds of region containerIn finds.
var containerKinds = []string{"province", "region", "county", "district", "prefecture"}

var (
	// capitalOf and capitalOfWhich find a question of what a city is the capital of.
	capitalOf      = regexp.MustCompile(`\b(?:is|was) (\w+)(?: \w+)? (?:the )?capital (?:city )?of\b`)
	capitalOfWhich = regexp.MustCompile(`\bcapital (?:city )?of (?:what|which)\b`)
	// containerIn finds a question of which region, finer than a country, a place is in.
	containerIn = regexp.MustCompile(`\b(?:what|which)(?: \w+)? (` + strings.Join(containerKinds, "|") + `)(?: (?:or|of) \w+)? (?:is|was) [\w ]{2,30}? in\b`)
)

// asksWhomMet reports whether a question asks whom someone met, visited or received:
// "whom did Liu Jianchao meet in Baku", "who did Xi meet on April 11". The one asked about
// is not the answer.
func asksWhomMet(tokens []analyze.Token) bool {
	if len(tokens) < 3 || tokens[0].Surface != "whom" && (tokens[0].Surface != "who" || !auxiliaries[tokens[1].Surface]) {
		return false
	}
	return slices.ContainsFunc(tokens[2:], func(t analyze.Token) bool { return meetingVerbs[t.Surface] })
}

// asksMembers reports whether a question asks what countries belong to a body: "what are
// the member states of the SCO", "list the members of CICA".
func asksMembers(tokens []analyze.Token) bool {
	for i, t := range tokens {
		next := ""
		if i+1 < len(tokens) {
			next = tokens[i+1].Surface
		}
		switch {
		case (t.Surface == "member" || t.Surface == "members") && (countryNouns[next] || next == "states"):
			return true
		case t.Surface == "members" && next == "of" && i+2 < len(tokens):
			// (not "members of the national assembly", "of his family")
			return !slices.ContainsFunc(tokens[i+2:min(len(tokens), i+4)], func(b analyze.Token) bool { return peopleBodies[b.Surface] })
		}
	}
	return false
}

// peopleBodies are bodies whose members are people, not countries.
var peopleBodies = map[string]bool{
	"parliament": true, "national": true, "assembly": true, "milli": true, "majlis": true, "family": true,
	"delegation": true, "delegations": true, "party": true, "government": true, "cabinet": true, "team": true, "staff": true,
}

// meetingVerbs tell of meeting someone.
var meetingVerbs = map[string]bool{"meet": true, "met": true, "visit": true, "see": true, "receive": true, "host": true, "greet": true, "welcome": true}

// endingDeed returns the term of the verb a question of when ends with ("when was it
// built", "when was the embassy opened"), or -1.
func (e *Engine) endingDeed(q *question) int {
	if q.kind != AskWhen || len(q.tokens) < 3 {
		return -1
	}
	t := q.tokens[len(q.tokens)-1]
	if t.Stop || t.Number || strings.Contains(t.Surface, " ") || !isParticiple(t.Surface) && t.Term == e.az.Stem(t.Surface) {
		return -1
	}
	if slices.ContainsFunc(q.tokens, func(t analyze.Token) bool { return eventNouns[t.Surface] || t.Surface == "anniversary" }) {
		return -1 // "when will the anniversary be celebrated": the date of the occasion is
	}
	return q.termOf(t.Surface)
}

// countedModifiers returns the terms of the words before the noun "how many" counts
// ("member" of "how many member states"), but the countries' own and those that only
// qualify it ("how many official documents").
func (e *Engine) countedModifiers(q *question) []int {
	if q.kind != AskNumber {
		return nil
	}
	i := slices.IndexFunc(q.tokens, func(t analyze.Token) bool { return t.Surface == "many" })
	if i < 1 || q.tokens[i-1].Surface != "how" {
		return nil
	}
	end := i + 1
	for end < len(q.tokens) && !q.tokens[end].Stop && !q.tokens[end].Number {
		end++
	}
	var out []int
	for _, t := range q.tokens[i+1 : max(i+1, end-1)] {
		if k := q.termOf(t.Surface); k >= 0 && !genericModifiers[t.Surface] && !e.namesHome(q.terms[k]) && len(q.terms[k].Alts) > 0 {
			out = append(out, k)
		}
	}
	return out
}

// asksAhead reports whether a question asks for those ranked ahead of or behind one it
// names: "Azerbaijan's top partners ahead of China" are others.
func asksAhead(tokens []analyze.Token) bool {
	for i := 1; i < len(tokens); i++ {
		if tokens[i].Surface == "of" && (tokens[i-1].Surface == "ahead" || tokens[i-1].Surface == "behind") && !slices.ContainsFunc(tokens[i+1:min(len(tokens), i+4)], func(t analyze.Token) bool { return eventNouns[t.Surface] }) {
			return true // (but "ahead of Aliyev's trip" is before it)
		}
		if tokens[i].Surface == "than" && i+1 < len(tokens) && !tokens[i+1].Number && comparesRank(tokens[:i]) {
			return true // "which countries are bigger trade partners than China"
		}
	}
	return false
}

// comparesRank reports whether the words before a "than", back to the verb, rank one
// thing over others: "bigger trade partners of Azerbaijan", "more important partners".
func comparesRank(before []analyze.Token) bool {
	for k, t := range slices.Backward(before) {
		switch {
		case t.Surface == "more" && k < len(before)-1, t.Surface == "bigger" || t.Surface == "larger" || t.Surface == "greater":
			// (but "more than doubled" is an amount)
			return true
		case markedCopulas.holds(t) || markedAuxiliaries.holds(t) || isQuestionWord(t):
			return false
		}
	}
	return false
}

// asksUntil reports whether a question asks the time something lasts to: "until when",
// "to what year", "through which year".
func asksUntil(tokens []analyze.Token) bool {
	for i, t := range tokens {
		switch t.Surface {
		case "until", "till", "through", "thru":
			return true
		case "to", "by":
			if i+1 < len(tokens) && (whatWords[tokens[i+1].Surface] || tokens[i+1].Surface == "which") {
				return true
			}
		}
	}
	return false
}

// doAuxiliaries put a question of what someone did: "did Xi meet", "does he chair".
var doAuxiliaries = map[string]bool{"do": true, "does": true, "did": true}

// doneBefore reports whether the question puts a deed ("did Xi meet") before its word at
// i: "before" or "after" then dates the deed, not a holder of a role.
func doneBefore(tokens []analyze.Token, i int) bool {
	return slices.ContainsFunc(tokens[:i], func(t analyze.Token) bool { return doAuxiliaries[t.Surface] })
}

// relativeDeed returns "before" or "after" when a question asks of a deed done before or
// after one with a person ("which leader did Xi meet before Aliyev"), or "".
func (e *Engine) relativeDeed(tokens []analyze.Token) string {
	for i := 0; i+1 < len(tokens); i++ {
		if w := tokens[i].Surface; (w == "before" || w == "after") && e.isPersonPart(tokens[i+1].Surface) && !e.personsOccasionAt(tokens, i+1) && doneBefore(tokens, i) {
			return w
		}
	}
	return ""
}

// afterOccasion reports whether a question asks of a deed done after an occasion it
// names: "where did Bayramov travel after his meetings in Beijing" is not answered by the
// meetings.
func afterOccasion(tokens []analyze.Token) bool {
	for i, t := range tokens {
		if t.Surface == "after" && doneBefore(tokens, i) && slices.ContainsFunc(tokens[i+1:min(len(tokens), i+6)], func(t analyze.Token) bool { return eventNouns[t.Surface] }) {
			return true
		}
	}
	return false
}

// laterPattern finds a sentence's word for a time after another.
var laterPattern = regexp.MustCompile(`(?i)\b(after|afterwards|later|subsequently)\b`)

// beforePersonsEvent returns the term of the person in "before X's visit" (an occasion
// of theirs), or -1.
func (e *Engine) beforePersonsEvent(q *question) int {
	for i := 0; i+1 < len(q.tokens); i++ {
		if q.tokens[i].Surface == "before" && e.personsOccasionAt(q.tokens, i+1) {
			return q.termOfPhrase(q.tokens[i+1].Surface)
		}
	}
	return -1
}

// personsOccasionAt reports whether tokens name, from i, a person's occasion: "Aliyev's
// visit".
func (e *Engine) personsOccasionAt(tokens []analyze.Token, i int) bool {
	return i+1 < len(tokens) && e.isPersonPart(tokens[i].Surface) && eventNouns[tokens[i+1].Surface]
}

// followsPattern finds a sentence's word for one holder following another ("the former
// president" says so too: see saysOfRole).
var followsPattern = regexp.MustCompile(`(?i)\b(predecessor|successor|preceded|succeeded|succeed|replaced|took over from)\b`)

// earlierWords set an earlier one of a kind apart from the one the articles tell of: "the
// previous protocol", "their former agreement".
var earlierWords = map[string]bool{"previous": true, "former": true, "prior": true, "preceding": true, "earlier": true, "old": true, "older": true}

// occasionNouns are documents and occasions of which there are earlier ones.
var occasionNouns = map[string]bool{
	"agreement": true, "agreements": true, "protocol": true, "protocols": true, "treaty": true,
	"treaties": true, "deal": true, "deals": true, "memorandum": true, "memoranda": true,
	"statement": true, "declaration": true, "visit": true, "visits": true, "meeting": true,
	"meetings": true, "summit": true, "talks": true, "strategy": true, "plan": true,
}

// successionWords set a holder of a role apart from the one the articles name: "the next
// president", "the former minister".
var successionWords = map[string]bool{
	"next": true, "future": true, "former": true, "previous": true, "incoming": true,
	"outgoing": true, "ex": true, "succeeding": true, "preceding": true, "prior": true,
}

// afterSaying returns the position after a person named and a verb of saying at tokens[k]
// ("Aliyev say", "Wang Yi said that"), or k.
func (e *Engine) afterSaying(tokens []analyze.Token, k int) int {
	j := k
	for j < len(tokens) && e.isPersonPart(tokens[j].Surface) {
		j++
	}
	if j == k || j >= len(tokens) || !markedSpeechVerbsAsked.holds(tokens[j]) {
		return k
	}
	return j + 1
}

// pastPlaces returns the position of the first word from tokens[k] on that is neither a
// function word nor a place's.
func (e *Engine) pastPlaces(tokens []analyze.Token, k int) int {
	for k < len(tokens) && (tokens[k].Stop || e.placeTerms[tokens[k].Term]) {
		k++
	}
	return k
}

// measuredSubject returns the query term of the thing a question asks a change in ("by
// what percentage did Chinese investment increase": investment), the first word after
// the auxiliary (and any "Aliyev say") that names no place, when a verb of change
// follows; or -1.
func (e *Engine) measuredSubject(q *question) int {
	if q.kind != AskNumber {
		return -1
	}
	for i, t := range q.tokens {
		if !markedAuxiliaries.holds(t) && !markedCopulas.holds(t) || i == 0 || !slices.ContainsFunc(q.tokens[:i], isQuestionWord) {
			continue
		}
		// "by how much did Aliyev say tourist arrivals have grown": the arrivals
		k := e.pastPlaces(q.tokens, i+1)
		if s := e.afterSaying(q.tokens, k); s > k {
			k = e.pastPlaces(q.tokens, s)
		}
		if k >= len(q.tokens) || !slices.ContainsFunc(q.tokens[k+1:], func(u analyze.Token) bool { return changeVerbs[u.Surface] }) {
			return -1
		}
		if j := q.termOf(q.tokens[k].Surface); j >= 0 && len(q.terms[j].Alts) > 0 && !changeVerbs[q.tokens[k].Surface] {
			return j
		}
		return -1
	}
	return -1
}

// countedOf returns the query term of the thing "the number of" (or amount, volume) counts
// — the last word of the words after "of": "the number of Chinese tourists" — or -1.
func countedOf(q *question) int {
	for i := 1; i+2 < len(q.tokens); i++ {
		if !countNouns[q.tokens[i].Surface] || q.tokens[i+1].Surface != "of" || !markedArticles.holds(q.tokens[i-1]) {
			continue
		}
		end := i + 2
		for end < len(q.tokens) && !q.tokens[end].Stop {
			end++
		}
		if end == i+2 {
			return -1
		}
		return q.termOf(q.tokens[end-1].Surface)
	}
	return -1
}

// countNouns count or measure the thing after "of": "the number of tourists".
var countNouns = map[string]bool{"number": true, "amount": true, "volume": true, "count": true}

// changeVerbs say that an amount changed.
var changeVerbs = map[string]bool{
	"increase": true, "increased": true, "grow": true, "grew": true, "rise": true, "rose": true,
	"fall": true, "fell": true, "drop": true, "dropped": true, "decline": true, "declined": true,
	"double": true, "doubled": true, "jump": true, "jumped": true, "change": true, "changed": true,
	"expand": true, "expanded": true, "go": true, "went": true,
}

// afterAccordingTo returns where the question starts after a lead-in naming its source
// ("According to the reports, who …"), or 0.
func afterAccordingTo(tokens []analyze.Token) int {
	if len(tokens) < 4 || tokens[0].Surface != "according" || tokens[1].Surface != "to" {
		return 0
	}
	for k := 2; k < len(tokens) && k <= maxLeadIn; k++ {
		if isQuestionWord(tokens[k]) {
			return k
		}
	}
	return 0
}

// maxLeadIn is how many words a lead-in before the question word may take.
const maxLeadIn = 8

// twoDigits pads a number of one digit with a zero: "4" is "04".
func twoDigits(n string) string {
	if len(n) == 1 {
		return "0" + n
	}
	return n
}

// withoutRemark drops a remark after a question's question mark ("who's chen ming? saw the
// name in the zangezur part"): a remark that asks nothing, after a question that asks.
func withoutRemark(text string) string {
	i := strings.IndexByte(text, '?')
	for i >= 0 && i+1 < len(text) && (text[i+1] == '?' || text[i+1] == '!') {
		i++ // "who's xi's wife?? saw her …"
	}
	if i < 0 {
		i = remarkAfterComma(text)
	}
	if i < 0 {
		i = reasonOfAsker(text)
	}
	if i < 0 {
		return text
	}
	tail := strings.TrimSpace(text[i+1:])
	if tail == "" || strings.HasPrefix(tail, "(") {
		return text // (the words of an earlier question a follow-up carries: see FollowUp)
	}
	asks := func(s string, first bool) bool {
		for k, w := range strings.Fields(strings.ToLower(s)) {
			w = strings.TrimSuffix(strings.TrimSuffix(strings.Trim(w, ",.;:!'’\"()"), "'s"), "’s")
			if questionWord[w] || whatWords[w] || pleaseWords[w] || k == 0 && first && (auxiliaries[w] || modals[w] || copulas[w] || imperatives[w]) {
				return true
			}
		}
		return false
	}
	if !asks(text[:i], true) {
		return text
	}
	guesses := strings.Split(tail, "?")
	for k, part := range guesses {
		if asks(part, true) {
			return text // "… ? and when did they meet?": a second question
		}
		if k < len(guesses)-1 && len(strings.Fields(part)) > maxGuess {
			return text // "… held? somewhere outside the great hall?": a guess that narrows it
		}
	}
	return text[:i+1] // "… partners? top 3? top 5? trying to settle a bet"
}

// maxGuess is the most words of a guess put after a question ("… rank? top 3?") that
// is dropped with a remark after it.
const maxGuess = 2

// reasonOfAsker returns where the asker's own reason for asking starts ("which agency did
// they talk to bc i wanna read it"): a "because" before a word of one who speaks of
// themself. It returns -1 when there is none.
func reasonOfAsker(text string) int {
	lower := strings.ToLower(text)
	for _, because := range []string{" bc ", " because ", " cuz ", " coz ", " since "} {
		k := strings.Index(lower, because)
		if k < 0 {
			continue
		}
		next, _, _ := strings.Cut(lower[k+len(because):], " ")
		if firstPerson[strings.Trim(next, ",.!'’")] {
			return k
		}
	}
	return -1
}

// remarkAfterComma returns where a remark of the asker's own starts after a comma ("who is
// azer allahveranov, never heard of him lol"): the comma before a clause that opens on a
// word of one who speaks of themself. It returns -1 when there is none.
func remarkAfterComma(text string) int {
	for i := strings.IndexByte(text, ','); i >= 0; {
		first, _, _ := strings.Cut(strings.TrimSpace(text[i+1:]), " ")
		if remarkOpeners[strings.ToLower(strings.Trim(first, ".!"))] {
			return i
		}
		next := strings.IndexByte(text[i+1:], ',')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return -1
}

// remarkOpeners open a remark the asker makes of themself: "never heard of him", "just
// curious", "lol".
var remarkOpeners = map[string]bool{
	"never": true, "just": true, "lol": true, "lmao": true, "haha": true, "thanks": true, "thx": true,
	"i": true, "im": true, "i'm": true, "i’m": true, "ive": true, "i've": true, "i’ve": true,
	"curious": true, "wondering": true, "asking": true,
}

// statementAsked reports whether a question is a statement with a question mark: no
// question word, a verb after its first word, and "?" at its end ("Alizadeh said the
// agreement was signed last December?"); not a request ("could you list …?") nor a topic
// set before its question ("fact check: were …?", "the institutes - is that in it?").
func statementAsked(text string, tokens []analyze.Token) bool {
	if len(tokens) < 5 || !strings.HasSuffix(strings.TrimSpace(text), "?") || strings.ContainsAny(text, ":–—") || strings.Contains(text, " - ") {
		return false
	}
	first := tokens[0].Surface
	if auxiliaries[first] || copulas[first] || politeWords[first] || tellVerbs[first] {
		return false
	}
	return !slices.ContainsFunc(tokens, isQuestionWord) && hasVerb(text)
}

// withHabitAsEarlier writes a past habit as the earlier time it tells of ("which outlet
// did she use to work for": "… did she previously work for"), so that "used" is no word
// a fact must match. A passive "is used to" says what a thing is for, and stays.
func withHabitAsEarlier(text string) string {
	for _, habit := range []string{"used to ", "use to "} {
		i := strings.Index(text, habit)
		if i < 0 || i > 0 && text[i-1] != ' ' {
			continue
		}
		if next, _, _ := strings.Cut(text[i+len(habit):], " "); habit == "use to " && !habitVerbs[next] {
			return text // "what phrase did Aliyev use to describe it": what for
		}
		before := strings.Fields(strings.ToLower(text[:i]))
		for k := len(before) - 1; k >= 0; k-- {
			if before[k] == "that" {
				before = before[k+1:] // "is it true that she used to work …": the clause's own words
				break
			}
		}
		for _, w := range before {
			if copulas[w] || w == "be" || w == "been" || w == "being" || w == "get" || w == "gets" || w == "got" {
				return text // "what is the corridor used to carry"
			}
		}
		return text[:i] + "previously " + text[i+len(habit):]
	}
	return text
}

// wordingShare is how much the words that ask for wording count ("the exact words …
// used"), against a word of what was said.
const wordingShare = 0.1

// asksWords reports whether a question asks for the words something was said in: "what
// were the exact words …", "which phrase did …".
func asksWords(tokens []analyze.Token) bool {
	if len(tokens) < 3 || !markedWhatWords.holds(tokens[0]) && tokens[0].Surface != "which" {
		return false
	}
	for _, t := range tokens[1:min(len(tokens), 5)] {
		if markedWordNouns.holds(t) && t.Surface != "language" {
			return true
		}
	}
	return false
}

// unknownDoer returns the name of the one a claim says did something ("fact check:
// Alibaba opened a logistics hub in Baku", "is it true Beijing Language and Culture
// University opened a campus") when the articles never write it, or "": no fact tells of
// what they did, nor says another did it instead. (A name elsewhere in a claim may be
// one the articles correct: "signed at the Boao Forum" was the Belt and Road Forum.)
func (e *Engine) unknownDoer(q *question) string {
	claim, ok := claimOf(q.tokens)
	if !ok && endsInTag(q.tokens) && !q.wh {
		// "so Tencent invested in …, right?"
		claim, ok = q.tokens, true
		for len(claim) > 0 && discourseWords[claim[0].Surface] {
			claim = claim[1:]
		}
	}
	if !ok {
		if len(q.tokens) < 3 || !markedAuxiliaries.holds(q.tokens[0]) && !markedCopulas.holds(q.tokens[0]) {
			return ""
		}
		claim = q.tokens[1:] // "did Alibaba open …"
		if len(claim) > 2 && claim[0].Surface == "it" && claimWords[claim[1].Surface] {
			claim = claim[2:] // "is it true Alibaba opened …"
		}
	}
	for len(claim) > 0 && (articles[claim[0].Surface] || claim[0].Surface == "that") {
		claim = claim[1:]
	}
	if len(claim) < 2 {
		return ""
	}
	doer := claim[0]
	if speechVerbsAsked[claim[1].Surface] || hearsayVerbs[claim[1].Surface] || claim[1].Surface == "reported" {
		return "" // "TASS reported …": who said so, which the articles may tell otherwise
	}
	if k := q.termOf(doer.Surface); k >= 0 && onlyMistyped(q.terms[k], q.capitalised[doer.Surface]) && !doer.Stop && !doer.Number && (q.capitalised[doer.Surface] || !e.isEnglish(doer.Surface)) && len(doer.Surface) >= 4 {
		return doer.Surface
	}
	// The name as the asker capitalises it, with the "and" or "of" inside it.
	var name []string
	for i, t := range claim {
		inside := (t.Surface == "and" || t.Surface == "of" || t.Surface == "the") && i+1 < len(claim) && q.capitalised[claim[i+1].Surface]
		if !q.capitalised[t.Surface] && !(i > 0 && inside) {
			break
		}
		name = append(name, t.Surface)
	}
	if len(name) >= 2 && nameHeads[name[len(name)-1]] && !e.knownName(name) {
		return strings.Join(name, " ")
	}
	return ""
}

// unknownThing returns a thing of two words a question of yes or no speaks of, from its
// token from (after the asker's story), when the articles write neither word, nor anything
// closer than a related one ("joint military exercises", "direct flights"), or "": they
// tell nothing of it, nor anything it could be corrected by. (One word unknown may be the
// detail they tell otherwise: "the west gate"; a number or a rank may be: "12 points",
// "third biggest".)
func (e *Engine) unknownThing(q *question, from int) string {
	unknown := func(t analyze.Token) bool {
		if t.Stop || t.Number || ordinalWords[t.Surface] || strings.Contains(t.Surface, " ") { // ("two" is a Number)
			return false
		}
		if _, ok := e.ix.Term(t.Term); ok {
			return false
		}
		k := q.termOf(t.Surface)
		return k >= 0 && onlyRelated(q.terms[k])
	}
	for i := from; i+1 < len(q.tokens); i++ {
		if unknown(q.tokens[i]) && unknown(q.tokens[i+1]) {
			return q.tokens[i].Surface + " " + q.tokens[i+1].Surface
		}
	}
	// A name of three words or more after "the" that ends the question, whose last word,
	// its head, matches nothing: "has it joined the asian infrastructure investment bank?"
	// (not "the cultural protocol runs until 2030", a verb and its object).
	for i := from; i < len(q.tokens); i++ {
		if !markedArticles.holds(q.tokens[i]) {
			continue
		}
		end := i + 1
		for end < len(q.tokens) && !q.tokens[end].Stop && !q.tokens[end].Number && isLowerASCII(q.tokens[end].Surface) {
			end++
		}
		if end == len(q.tokens) && end-i-1 >= minUnknownPhrase {
			if head := q.tokens[end-1]; unknown(head) && len(q.terms[q.termOf(head.Surface)].Alts) == 0 {
				return strings.Join(surfacesOf(q.tokens[i+1:end]), " ")
			}
		}
	}
	return ""
}

// minUnknownPhrase is the fewest words of a name whose head alone, unknown, makes the
// thing it names one the articles do not tell of.
const minUnknownPhrase = 3

// surfacesOf returns the tokens' words as typed.
func surfacesOf(tokens []analyze.Token) []string {
	out := make([]string, len(tokens))
	for i, t := range tokens {
		out[i] = t.Surface
	}
	return out
}

// onlyMistyped reports whether a query term matches no word of the articles but, when
// the asker capitalises it as a name ("Tencent"), ones it might be a typo of: a name is
// no typo.
func onlyMistyped(qt index.QueryTerm, capitalised bool) bool {
	for _, alt := range qt.Alts {
		if !capitalised || alt.Factor != typoFactor {
			return false
		}
	}
	return true
}

// matchedElsewhere reports whether the word of query term k is another term of the
// question too, one the articles use: "… an anniversary event … Which anniversary was
// it?" asks of the anniversary the scene before it speaks of only loosely.
func (q *question) matchedElsewhere(k int) bool {
	return slices.ContainsFunc(q.terms, func(qt index.QueryTerm) bool { return qt.Word == q.terms[k].Word && !onlyRelated(qt) })
}

// habitVerbs are done as a habit, not as what a thing is used for: "where did she use to
// work".
var habitVerbs = map[string]bool{
	"work": true, "live": true, "be": true, "go": true, "head": true, "lead": true, "run": true,
	"write": true, "teach": true, "study": true, "serve": true, "hold": true, "report": true,
}

// pleaseWords and imperatives make a remark a request: "compare their relations pls".
var (
	pleaseWords = map[string]bool{"please": true, "pls": true, "plz": true, "pleaseee": true}
	imperatives = map[string]bool{
		"compare": true, "explain": true, "tell": true, "list": true, "describe": true, "give": true,
		"name": true, "summarize": true, "summarise": true, "show": true, "write": true, "translate": true,
	}
)

// maxIntroduction is how far into a question an introduction of its asker may end.
const maxIntroduction = 60

// askerWords say who is asking: a first person, or a trade that asks questions.
var askerWords = map[string]bool{
	"i": true, "i'm": true, "im": true, "i’m": true, "we": true, "we're": true, "my": true, "our": true,
	"reporter": true, "journalist": true, "press": true, "outlet": true, "newspaper": true,
	"student": true, "students": true, "teacher": true, "researcher": true, "editor": true,
	"correspondent": true, "here": true, "from": true, "me": true, "us": true,
	"asking": true, "wondering": true, "curious": true, // "asking for a friend:"
}

// isClean reports whether clean would return s as it is: valid UTF-8 without control or
// zero-width characters, words apart by single spaces.
// emojiPart reports whether a rune only shapes an emoji: a joiner, a variation selector,
// a skin tone or a gender sign ("🤷‍♂️"), which would read as a letter.
func emojiPart(r rune) bool {
	return r == '\u200d' || r >= '\ufe00' && r <= '\ufe0f' || r >= 0x1f3fb && r <= 0x1f3ff || r == '\u2640' || r == '\u2642'
}

// isClean reports whether clean leaves s as it is: valid UTF-8 with no control, invisible
// or emoji-shaping character, and words parted by single spaces.
func isClean(s string) bool {
	// Most questions are ASCII, read byte by byte.
	space := true // before the first word
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return isCleanText(s)
		case c < ' ' || c == 0x7f: // a control character (all ASCII white space but ' ')
			return false
		case c == ' ':
			if space {
				return false
			}
			space = true
		default:
			space = false
		}
	}
	return !space || s == ""
}

// isCleanText is isClean for text of any script.
func isCleanText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	space := true // before the first word
	for _, r := range s {
		switch {
		case unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' || emojiPart(r):
			return false
		case unicode.IsSpace(r):
			if r != ' ' || space {
				return false
			}
			space = true
		default:
			space = false
		}
	}
	return !space || s == ""
}

var photoWords = map[string]bool{"pic": true, "pics": true, "photo": true, "photograph": true, "photographer": true, "picture": true, "image": true, "pictur": true, "imag": true, "photographi": true}

var authorWords = map[string]bool{"wrote": true, "author": true, "written": true, "writer": true, "journalist": true, "byline": true, "reporter": true}

// creditWords ask about an article itself rather than the story it tells.
var creditWords = map[string]bool{"source": true, "sources": true, "website": true, "site": true, "outlet": true,
	"publication": true, "published": true, "publisher": true, "article": true, "articles": true,
	"story": true, "dateline": true, "datelined": true, "byline": true, "piece": true, "writeup": true}

// citeVerbs say that someone gave a figure, in a question that asks it.
var citeVerbs = map[string]bool{"cite": true, "cites": true, "cited": true, "quote": true, "quotes": true, "quoted": true}

// periodNouns ask for a length of time.
var periodNouns = map[string]bool{"period": true, "timeframe": true, "timespan": true, "span": true, "duration": true}

// corpusNouns name the articles the engine answers from, as a question may call them.
var corpusNouns = map[string]bool{"articles": true, "article": true, "texts": true, "text": true, "sources": true, "stories": true, "news": true}

// partitives pick some of a set: "which of the articles", "all of the texts".
var partitives = map[string]bool{"which": true, "any": true, "all": true, "some": true, "none": true, "most": true, "each": true, "both": true}

// questionTokens reads a question's words, mending what chat and typing do to them.
func (e *Engine) questionTokens(text string) []analyze.Token {
	return markSets(e.wentAsVisited(e.relativeYears(mendHowMany(e.splitNames(e.mendTypos(e.mendDoubling(e.expandChat(markSets(e.az.Analyze(text)))), text))))))
}

// holdsStrangeFigure reports whether tokens hold a figure the articles never write (not a
// year, nor "4th", which they write "fourth").
func (e *Engine) holdsStrangeFigure(tokens []analyze.Token) bool {
	for _, t := range tokens {
		if !t.Number || isYear(t.Surface) || strings.Trim(t.Surface, "0123456789.,") != "" {
			continue
		}
		if _, ok := e.ix.Term(t.Term); !ok {
			return true
		}
	}
	return false
}

// namesHome reports whether a query term names nothing but one of the two countries or a
// place in it ("Baku", "Chinese").
func (e *Engine) namesHome(qt index.QueryTerm) bool {
	home := false
	for _, alt := range qt.Alts {
		if len(alt.Terms) != 1 {
			return false
		}
		switch t := e.ix.TermString(alt.Terms[0]); {
		case e.home[alt.Terms[0]] || e.homeCapitals[t]:
			home = true
		case alt.Factor >= 1 && !e.names[t]:
			return false // a word, not a place
		}
	}
	return home
}

// personBefore reports whether the words before a verb name a person who does it ("did
// Xi", "has he"), and not one a relative clause tells of ("the grandchildren who").
func (e *Engine) personBefore(tokens []analyze.Token) bool {
	person := false
	for _, t := range tokens {
		if markedRelativePronouns.holds(t) {
			return false
		}
		person = person || e.isPersonPart(t.Surface) || subjectPronouns[t.Surface]
	}
	return person
}

// goVerbs go somewhere, as a visit does.
var goVerbs = map[string]string{
	"go": "visit", "goes": "visits", "went": "visited", "gone": "visited", "been": "visited",
	"come": "visit", "came": "visited", "travel": "visit", "traveled": "visited",
	"travelled": "visited",
}

// wentAsVisited reads a person's going to a place, asked by "did", "has" or "when", as
// visiting it ("did Xi go to Baku", "has he been to Baku", "when did Aliyev go to
// Beijing"): "go" is too light a verb to be matched, and the articles tell of visits.
// (Not what went somewhere with a person: "the grandchildren who went to Beijing".)
func (e *Engine) wentAsVisited(tokens []analyze.Token) []analyze.Token {
	if len(tokens) < 4 || !markedAuxiliaries.holds(tokens[0]) && tokens[0].Surface != "when" {
		return tokens
	}
	for i := 2; i+2 < len(tokens); i++ {
		visit, ok := goVerbs[tokens[i].Surface]
		if !ok || tokens[i+1].Surface != "to" || !e.personBefore(tokens[1:i]) {
			continue
		}
		if next := tokens[i+2].Term; e.placeTerms[next] || e.states[next] || e.names[next] && !e.isPersonPart(tokens[i+2].Surface) {
			tokens[i] = e.az.Word(visit)
		}
	}
	return tokens
}

// readQuestion analyses a cleaned question.
func (e *Engine) readQuestion(text string) *question {
	q := questions.Get().(*question) // answer puts it back
	room := q.room
	if room.numbers == nil {
		room.numbers = map[string]bool{}
	}
	clear(room.numbers)
	room.alts, room.ids = room.alts[:0], room.ids[:0]
	*q = question{text: text, lower: strings.ToLower(text), tokens: e.questionTokens(text), numbers: room.numbers}
	// The tokens of the asker's story before the question; a question that refers back to
	// it ("is China involved in that?") asks about what it tells, which counts in full.
	// The story's last clause is what such a question refers to: its names must be matched,
	// and the background before it need not.
	story, background := 0, 0
	if p := preamble(text); p > 0 {
		story = min(len(e.questionTokens(text[:p])), len(q.tokens)-1)
		background = story
		if q.aboutStory = refersBack(text[p:]); q.aboutStory {
			background = len(e.questionTokens(text[:lastClause(text[:p])]))
		}
	}
	aboutStory := q.aboutStory
	runs := capitalisedRuns(text)
	capitalised := wordsOf(runs)
	q.capitalised = capitalised
	acronyms := acronymsOf(text)
	for w := range acronyms {
		if e.english[w] > 0 && !e.capitals[w] {
			// "when did the visit END": a word shouted, neither an acronym nor a name
			delete(acronyms, w)
			delete(capitalised, w)
		}
	}
	q.possessors = possessorsIn(q.lower)
	for _, t := range q.tokens {
		// "armenias prime minister": a name's possessive typed without its apostrophe
		if _, ok := e.namePossessive(t.Surface); ok && !t.Stop && e.english[t.Surface] == 0 {
			q.possessors[t.Surface] = true
		}
	}
	q.kind = kindOf(e.kindTokens(q.tokens[story:]))
	if q.kind == AskWhat && statementAsked(text, q.tokens[story:]) {
		q.kind = AskYesNo // "Alizadeh said it was signed last December?": a claim put to be checked
	}
	q.signed = slices.ContainsFunc(q.tokens, func(t analyze.Token) bool { return markedSignVerbs.holds(t) })
	q.inDollars = (q.kind == AskNumber || q.kind == AskWhat) && slices.ContainsFunc(q.tokens, func(t analyze.Token) bool { return markedDollarWords.holds(t) })
	q.wh = slices.ContainsFunc(q.tokens, isQuestionWord)
	q.strangeFigure = q.kind == AskYesNo && e.holdsStrangeFigure(q.tokens)
	if q.kind == AskWhat && (asksWorth(q.tokens) || asksMeasure(q.tokens)) {
		q.kind = AskNumber // "What will trade be worth in 2030?" asks a figure
	}
	if (q.kind == AskWhat || q.kind == AskWho) && asksOccupation(q.tokens) && e.namesPerson(q) {
		// "What is Chen Ming's job?" asks who he is; "what official position does she
		// hold" too, though "official" reads as asking for a person.
		q.kind = AskWho
		q.occupation = true
	}
	q.source = asksSource(q.kind, q.tokens)
	if q.acronym = acronymAsked(q.tokens); e.english[q.acronym] > 0 || e.isPersonPart(q.acronym) {
		// "what does the letter of intent stand for": what it means; "Xi's full name" is
		// a person's name, no abbreviation
		q.acronym = ""
	}
	// "Who signed it on behalf of Nakhchivan" asks for the person who did, not the parties.
	q.personNoun = q.kind == AskWho && !q.occupation && (asksPersonNoun(q.tokens) || slices.ContainsFunc(q.tokens, func(t analyze.Token) bool { return t.Surface == "behalf" }))
	if q.kind == AskWhich || q.kind == AskWhat {
		if phrase := whichPhrase(q.tokens); len(phrase) > 0 {
			q.whichPhrase = phrase
			q.whichHead = phrase[len(phrase)-1].Surface
			q.whichFirst = phrase[0].Term
		}
	}
	q.publisher = q.source && asksPublisher(q.tokens)
	named := e.inConceptNames(q.tokens)
	n := len(q.tokens) // at most a word a token
	terms := slices.Grow(room.terms[:0], n)
	surfaces := slices.Grow(room.surfaces[:0], n)
	factors := slices.Grow(room.factors[:0], n)
	readings := make([][]string, 0, n) // further readings of a mistyped word
	excluded := make([]bool, 0, n)     // the word is in a phrase the question sets aside ("besides X")
	located := make([]bool, 0, n)      // the word is in a phrase that only locates the event
	besides := make([]bool, 0, n)      // the word is in a phrase the question sets aside
	inStory := make([]bool, 0, n)      // the word is in the background of the asker's story
	termBesides := make([]bool, 0, n)  // per query term: it is in such a phrase
	q.terms = slices.Grow(room.queryTerms[:0], n)
	q.located = slices.Grow(room.located[:0], n)
	aside := false
	locating, bare := locators(q.tokens)
	claimLead, claimTag := claimFrameWords(q.tokens)
	q.bareEvent = bare
	_, fragment, _ := fragmentKind(q.tokens) // "welcome ceremony venue": that word asks, no word to match
	countWord := ""                          // a number that says how many things the answer names
	joined := -1                             // a token read together with the one before it
	trailing := -1                           // a particle that ends the question, read with its verb before it
	for i, t := range q.tokens {
		if i == joined || i == trailing {
			continue
		}
		switch {
		case setsAside(q.tokens, i):
			aside = true
		case markedQuestionWord.holds(t) || markedClauseOpeners.holds(t) || aside && imperatives[t.Surface]:
			aside = false // "besides global stuff did they talk about …", "apart from X, name …": the question
		}
		if t.Surface == "one" && !named[i] && pronounOne(q.tokens, i) {
			continue // "the visa one": a pronoun, not a number (but "the One China principle")
		}
		// "what 3 things", "which two cities": how many the answer names, not a figure it
		// must hold ("three evil forces" may say it, most lists do not).
		counts := t.Number && i > 0 && (markedWhatWords.holds(q.tokens[i-1]) || q.tokens[i-1].Surface == "which") && i+1 < len(q.tokens) && (!q.tokens[i+1].Stop || q.tokens[i+1].Surface == "things") ||
			t.Number && i+1 < len(q.tokens) && q.tokens[i+1].Surface == "things" // "…, the 3 things"
		if t.Number && !counts && !guessedAt(q.tokens, i) {
			q.numbers[t.Term] = true // "smth like 20%?" guesses the answer: it may hold it
		}
		if m, _ := lookup(markedMonthNumbers, monthNumbers, t); m > 0 && (t.Surface != "may" && t.Surface != "march" || i > 0 && q.tokens[i-1].Surface == "in") {
			q.months[m] = true // not "may" the verb, but "in May"
			if i >= 2 && q.tokens[i-1].Surface == "in" && e.namesSpeaker(q.tokens[i-2]) {
				q.saidIn[m] = true
			}
			for _, k := range []int{i - 1, i + 1} {
				if k >= 0 && k < len(q.tokens) && q.tokens[k].Number && len(q.tokens[k].Surface) <= 2 {
					q.dates = append(q.dates, twoDigits(strconv.Itoa(int(m)))+"-"+twoDigits(q.tokens[k].Surface)) // "April 14"
				}
			}
		}
		if photoWords[t.Term] || markedPhotoWords.holds(t) {
			q.photo = true
		}
		if markedAuthorWords.holds(t) {
			q.author = true
		}
		if markedCreditWords.holds(t) || t.Surface == "report" && i > 0 && !markedAuxiliaries.holds(q.tokens[i-1]) && q.kind == AskWhen {
			// "what date is on the Baku report": the report's own date, though "when did
			// Trend report …" asks about what it reported
			if articleSpeaks(q.tokens, i) {
				continue // "How does the article describe …": what it says, not the article
			}
			q.credit = true
			if q.source {
				continue // "which website published the story on …": the kind of answer
			}
		}
		if q.source && newsFrom(q.tokens, i) {
			continue // "which office is the news from": its source, not a word to match
		}
		if bothSides(q.tokens, i) || countryPair(q.tokens, i) {
			q.pair = true
			continue
		}
		if q.pair && t.Term == analyze.Reciprocal && reciprocalPossessive.MatchString(q.lower) {
			// "did the two countries open missions in each other's capitals": the pair
			// again, which the articles may call "both countries", in function words
			continue
		}
		if t.Surface == "two" && i > 0 && q.tokens[i-1].Surface == "the" && i+1 < len(q.tokens) && !q.tokens[i+1].Number {
			continue // "the two ministers": the pair the question speaks of, not a count
		}
		if rel, ok := lookup(markedOrderWords, orderWords, t); ok && i > 0 {
			// "before" and "after" are function words, but they say what is asked: what
			// came before the visit is what "preceded" it.
			terms = append(terms, "")
			surfaces = append(surfaces, t.Surface)
			factors = append(factors, synonymFactor)
			readings = append(readings, rel)
			excluded = append(excluded, aside || i < story && !aboutStory)
			inStory = append(inStory, i < background)
			besides = append(besides, aside || i < story && !aboutStory)
			located = append(located, false)
			continue
		}
		// "The lands it got back": a verb of two words is no frame word.
		phrasal := i+1 < len(q.tokens) && markedParticles.holds(q.tokens[i+1]) && e.phrasalVerb(t.Surface, q.tokens[i+1].Surface) ||
			e.endingParticle(q.tokens, i) >= 0
		monthMay := t.Surface == "may" && i > 0 && q.tokens[i-1].Surface == "in" // "in May": the month, not the verb
		if t.Stop && !monthMay || markedFrameWords.holds(t) && !named[i] && !phrasal || (i > 0 && kindFrame(q.tokens[i-1], t)) || markedExactWords.holds(t) && i+1 < len(q.tokens) && kindFrame(t, q.tokens[i+1]) || markedWhenNouns.holds(t) && kindAfterCopula(q.tokens, i) || inFramePhrase(q.tokens, i) || e.askersSetting(t) || q.kind == AskNumber && (e.unusedAmountNoun(t) || e.guessedFigure(t) || !q.source && citeVerbs[t.Surface]) {
			// (A figure cited is one given: "what turnover figure did the MP cite".)
			continue
		}
		if markedCorpusNouns.holds(t) && (i+1 < len(q.tokens) && (markedSpeechVerbsAsked.holds(q.tokens[i+1]) || speechVerbsAsked[strings.TrimSuffix(q.tokens[i+1].Surface, "s")] || coverVerbs[q.tokens[i+1].Surface] || markedFrameWords.holds(q.tokens[i+1])) || i > 2 && q.tokens[i-1].Surface == "the" && q.tokens[i-2].Surface == "of" && partitives[q.tokens[i-3].Surface]) {
			// "what do the articles say about …", "which of the articles deal with …":
			// what is said, by any of them
			continue
		}
		if i > 1 && (markedCityNouns.holds(t) || markedVenueNouns.holds(t)) && (q.tokens[i-1].Surface == "what" || q.tokens[i-1].Surface == "which") && (q.tokens[i-2].Surface == "in" || q.tokens[i-2].Surface == "at") {
			continue // "in what city did they meet": where, which the answer need not call a city
		}
		if i > 0 && markedVenueNouns.holds(t) && (q.tokens[i-1].Surface == "what" || q.tokens[i-1].Surface == "which") {
			continue // "which building did Xi greet him at": where, not what was built
		}
		if q.acronym != "" && acronymFrame[t.Surface] {
			continue // "what does ANAMA stand for": the words it stands for are the answer
		}
		if t.Surface == "show" && asksToBeShown(q.tokens, i) {
			continue // "show me the agreements": a request, not what they show
		}
		if q.kind == AskNumber && markedFigureNouns.holds(t) && i > 0 && !q.tokens[i-1].Stop {
			continue // "the trade figure": the figure is what is asked, no word to match
		}
		if i == fragment {
			continue // "liu jianchao visit date": the date is what is asked
		}
		if q.kind == AskWhen && endWords[t.Surface] && i > 0 && q.tokens[i-1].Surface != "to" {
			if _, used := e.ix.Term(t.Term); !used {
				continue // "when did the state visit end": the last day of its span, in any words
			}
		}
		if q.occupation && markedOccupations.holds(t) {
			continue // "what is his title": who he is, which the articles tell without the word
		}
		if q.kind == AskNumber && endsLasting(q.tokens, i) {
			continue // "how long did the visit last": the length asked, not "last year"
		}
		if (q.kind == AskWhere || q.kind == AskWhen) && (staging[t.Surface] || e.mistypedStaging(t.Surface)) {
			continue // "where was COP29 held": that it took place, asked where
		}
		if (t.Surface == "call" || t.Surface == "describe") && (i+1 == len(q.tokens) || !callParticles[q.tokens[i+1].Surface]) {
			continue // "what did they call the corridor": how it was described, not "called for"
		}
		if t.Surface == "according" && i+1 < len(q.tokens) && q.tokens[i+1].Surface == "to" || e.attributedRole(q.tokens, i) {
			continue // "according to Allahveranov", "per the MP": whose word, not what it is about
		}
		if markedGreetingWords.holds(t) && opensQuestion(q.tokens, i) {
			continue // "privet 🙂 what's …": a greeting, in any tongue
		}
		if i < claimLead || claimTag && i == len(q.tokens)-1 {
			continue // "fact check: …", "someone said that …", "…, correct?": the frame of a claim
		}
		if t.Surface == "thank" && (i+1 == len(q.tokens) || q.tokens[i+1].Surface == "you" || q.tokens[i+1].Surface == "u") {
			continue // "thank you": politeness, not "what did they thank China for"
		}
		if q.source && (isMediaNoun(q.tokens, i) && !withMedia(q.tokens, i) || markedSourceVerbs.holds(t) || speechVerbs[t.Surface] || speechNouns[t.Surface] || newsAsked(q.tokens, i)) {
			continue // "which outlet did he talk to": the kind of answer, not its topic
		}
		term, factor, surface := t.Term, 1.0, t.Surface
		if counts {
			countWord = t.Surface
		}
		var more []string
		if years := decade(t); len(years) > 0 {
			term, more = years[0], years[1:] // "the mid 90s": any year of them
		}
		if i+1 < len(q.tokens) && markedParticles.holds(q.tokens[i+1]) && !strings.Contains(t.Surface, " ") {
			// "set up": a verb and its particle mean what neither does alone. (A
			// compound, "tagged along", has its particle already.)
			if rel := e.relatedTo(t.Surface, q.tokens[i+1].Surface); len(rel) > 0 {
				surface = t.Surface + " " + q.tokens[i+1].Surface
				term = ""
				joined = i + 1 // "took back": the particle is no word of its own ("back" as support)
			}
		} else if j := e.endingParticle(q.tokens, i); j >= 0 {
			surface = t.Surface + " " + q.tokens[j].Surface
			term = ""
			trailing = j
		}
		if _, ok := e.ix.Term(term); term != "" && !ok && !t.Number {
			if other := e.otherSpelling(t.Surface); other != "" {
				term = other // "honours": the articles write "honors"
			} else if one := e.az.Word(strings.TrimSuffix(t.Surface, "s")); len(t.Surface) > 2 && one.Surface != t.Surface && !one.Stop {
				if _, ok := e.ix.Term(one.Term); ok {
					term = one.Term // "MPs": the stemmer leaves a short word's plural whole
				}
			}
		}
		if w, ok := e.joinedWord(q.tokens, i, acronyms); term != "" && ok {
			// "mutli modal": one word of the articles split in two, mistyped or not.
			term, factor, surface = w.Term, w.factor, t.Surface+" "+q.tokens[i+1].Surface
			joined = i + 1
		} else if _, ok := e.ix.Term(term); term != "" && !ok && !t.Number && !strings.Contains(t.Surface, " ") && e.mayBeTypo(t.Surface) && !acronyms[t.Surface] && !e.az.NamesConcept(term) {
			if nearStopWord(t.Surface) || nearFrameWord(t.Surface) {
				continue // "wen", "wht", "hapened": a question or frame word mistyped
			}
			if s := e.suggest(t.Surface); len(s) > 0 {
				term = s[0].Term
				factor = typoFactor
				if s[0].Distance > 1 {
					factor = abbrevFactor
				}
				// A typo as near to several words may be any of them ("vist": visit,
				// visa): the rest of the question decides.
				for _, o := range s[1:min(len(s), maxReadings)] {
					if o.Distance == s[0].Distance && o.Term != term {
						more = append(more, o.Term)
					}
				}
			} else if head, ok := e.compoundHead(t.Surface); ok {
				term, factor = head, abbrevFactor
			} else if w := e.nameWordNear(t.Surface); w != "" {
				term, factor = e.az.Word(w).Term, typoFactor // "mine clearence"
			}
		}
		terms = append(terms, term)
		surfaces = append(surfaces, surface)
		factors = append(factors, factor)
		readings = append(readings, more)
		excluded = append(excluded, aside || locating[i] || i < story && !aboutStory)
		inStory = append(inStory, i < background)
		besides = append(besides, aside || i < story && !aboutStory)
		located = append(located, locating[i])
	}
	q.intent = e.questionIntent(q.tokens)
	concepts := e.az.Concepts(terms)
	ci := 0
	for i := 0; i < len(terms); i++ {
		q.located = append(q.located, located[i])
		if qt, n := e.personTerm(terms[i:], surfaces[i:]); n > 0 {
			if excluded[i] {
				setAside(&qt)
			}
			q.terms = append(q.terms, qt)
			termBesides = append(termBesides, besides[i])
			if inStory[i] {
				q.storyTerms++
			}
			for ci < len(concepts) && concepts[ci].Start < i+n {
				ci++
			}
			i += n - 1
			continue
		}
		if ci < len(concepts) && concepts[ci].Start == i {
			c := concepts[ci]
			ci++
			// A typo read as several words is no concept's name for sure.
			if qt, ok := e.conceptTerm(&room, c, surfaces[c.Start:c.End]); ok && (c.End-c.Start > 1 || len(readings[i]) == 0) {
				if excluded[i] {
					setAside(&qt)
				}
				q.terms = append(q.terms, qt)
				termBesides = append(termBesides, besides[i])
				if inStory[i] {
					q.storyTerms++
				}
				i = c.End - 1
				continue
			}
		}
		q.terms = append(q.terms, e.wordTerm(&room, terms[i], surfaces[i], factors[i], readings[i]))
		if q.kind == AskYesNo {
			e.addOpposites(&q.terms[len(q.terms)-1], terms[i], factors[i])
		} else if os := e.oppositeTerms(terms[i]); len(os) > 0 {
			if q.contrary == nil {
				q.contrary = map[int][]int32{}
			}
			q.contrary[len(q.terms)-1] = os
		}
		termBesides = append(termBesides, besides[i])
		if inStory[i] {
			q.storyTerms++
		}
		if onlyRelated(q.terms[len(q.terms)-1]) {
			q.unknown = append(q.unknown, surfaces[i])
		}
		if excluded[i] {
			setAside(&q.terms[len(q.terms)-1])
		}
	}
	unit := durationAsked(q.tokens)
	q.inYears = unit == "years"
	for i := range q.terms {
		if countWord != "" && q.terms[i].Word == countWord || unit != "" && q.terms[i].Word == unit {
			// counted like a phrase set aside: "how many years …" is answered by the
			// 35th anniversary, a span of dates, or so many years
			setAside(&q.terms[i])
		}
	}
	e.resolveRoles(q)
	q.topical = slices.Grow(room.topical[:0], len(q.terms))
	q.required = slices.Grow(room.required[:0], len(q.terms))
	for _, qt := range q.terms {
		top := false
		for _, alt := range qt.Alts {
			if alt.Factor >= typoFactor {
				for _, id := range alt.Terms {
					top = top || e.topical[e.ix.TermString(id)]
				}
			}
		}
		// A concept's name of several words, or a person's full name, names the domain.
		q.topical = append(q.topical, top || namesPhrase(qt) || strings.Contains(qt.Word, " ") && len(qt.Alts) > 0)
		// A name in the asker's story ("my family is from Aghdam") need not be matched.
		q.required = append(q.required, e.isName(qt, capitalised, acronyms) && !termBesides[len(q.required)] && len(q.required) >= q.storyTerms)
	}
	e.requireKindWords(q, termBesides)
	e.requireMeasured(q, termBesides)
	e.requireMember(q, termBesides)
	e.requireChanged(q, termBesides)
	q.either = e.namedApart(q)
	q.together = e.jointPair(q)
	for i := range q.terms {
		q.setAside = q.setAside || termBesides[i]
		if termBesides[i] {
			// "besides the UN and CICA": what is set aside is no part of what is asked,
			// so it counts for little in how much of the question a fact covers.
			q.terms[i].Weight *= excludedShare
		}
	}
	if asksWords(q.tokens) {
		// "What were the exact words about Taiwan that Azerbaijan used?": the words are
		// the quote, which need not say "words", "exact" or "used".
		for i, qt := range q.terms {
			if wordNouns[qt.Word] || genericModifiers[qt.Word] || qt.Word == "use" || qt.Word == "used" {
				q.terms[i].Weight *= wordingShare
			}
		}
	}
	uncapitalised := e.uncapitalisedNameWords(text, runs, capitalised)
	for i, qt := range q.terms {
		if measureUnits[qt.Word] {
			q.required[i] = true // "in tonnes a year": only a fact that counts in tonnes says
		}
		if monthWords[qt.Word] && !termBesides[i] {
			// "during that January trip": a fact of April tells of another occasion
			q.required[i] = true
		}
		if len(qt.Alts) == 0 && !strings.Contains(qt.Word, " ") && (e.placeTerms[e.az.Word(qt.Word).Term] || currencies[qt.Word] && !dollarWords[qt.Word]) {
			// "do turkish citizens need a visa": a country the articles never name is what
			// it asks about; so is a currency ("the exchange rate of the manat"), but for
			// the dollar, which the articles write "$"
			q.required[i] = true
		}
		if len(qt.Alts) == 0 && q.tokens[0].Surface == "how" && asParticiple(q.tokens, qt.Word) {
			// "how is the anniversary going to be celebrated": the manner of a deed the
			// articles never tell, nor anything like it (though "in which year will it be
			// celebrated" asks only when)
			q.required[i] = true
		}
		if uncapitalised[qt.Word] {
			// "is it at Baku State University": a name the articles never write, whose
			// word they never capitalise ("state") is no answer's
			q.required[i] = true
		}
		if judgedBest[qt.Word] {
			// "what's the best time to visit China": only a fact that judges one best says
			q.required[i] = true
		}
		if ordinalWords[qt.Word] && !unicode.IsDigit(rune(qt.Word[0])) && q.kind != AskYesNo && !adverbialFirst(q.tokens, qt.Word) {
			// "which country ranks third": a fact of the second tells of another; but
			// "is it the third largest" is answered by the fact of the fourth. ("4th" is
			// matched apart from "fourth", so is not insisted on.)
			q.required[i] = true
		}
	}
	if k := countedOf(q); k >= 0 && !termBesides[k] {
		q.required[k] = true // "did the number of Chinese tourists go up": of tourists, not of anything
	}
	for _, k := range e.countedModifiers(q) {
		q.required[k] = true // "how many member states": not a count of states of another kind
	}
	if k := e.measuredSubject(q); k >= 0 {
		q.required[k] = true // "by what percentage did Chinese investment rise": investment's
	}
	if k := q.termOf(e.existentialNoun(q.tokens)); k >= 0 {
		q.required[k] = true // "is there a direct flight to Shanghai": only a fact of one says
	}
	q.counted = e.countedTerms(q)
	q.lasting = unit
	if x := muchOf(q.tokens); x != "" {
		// "How much oil …" asks an amount of oil: a figure of trade is no answer.
		for i, qt := range q.terms {
			if qt.Word == x {
				q.required[i] = true
			}
		}
	}
	q.roles = e.qualifiedRoles(q)
	for _, qr := range q.roles {
		if w := q.terms[qr.role].Word; q.kind == AskWho && len(q.terms[qr.role].Alts) > 0 && !anyPersonNouns[w] && !genericRoles[w] {
			// "Which Chinese prime minister held talks with Aliyev?": one who is that,
			// which Xi, named in a fact that names no prime minister, is not.
			q.required[qr.role] = true
		}
	}
	q.qualified = e.qualifiedNouns(q)
	for i := 1; i < len(q.tokens); i++ {
		q.sinceWhen = q.sinceWhen || (q.tokens[i].Surface == "long" && q.tokens[i-1].Surface == "how")
		// "agree to begin" asks when they agreed.
		q.startsWhen = q.startsWhen || markedStartWords.holds(q.tokens[i]) && q.tokens[i-1].Surface != "to" ||
			q.tokens[i].Surface == "date" && q.tokens[i-1].Surface == "what" && i > 1 && q.tokens[i-2].Surface == "from"
		q.endsWhen = q.endsWhen || q.kind == AskWhen && endWords[q.tokens[i].Surface] && q.tokens[i-1].Surface != "to" && !concludesDeal(q.tokens, i)
		q.priorStage = q.priorStage || (q.tokens[i].Surface == "before" || strings.HasPrefix(q.tokens[i].Surface, "prior")) && namesStage(q.tokens[i+1:min(len(q.tokens), i+5)])
		q.rank = q.rank || markedRankWords.holds(q.tokens[i]) ||
			q.tokens[i].Surface == "number" && markedWhatWords.holds(q.tokens[i-1]) && (i+1 == len(q.tokens) || q.tokens[i+1].Surface != "of")
	}
	q.request = isRequest(q.tokens)
	q.opinion = asksOpinion(q.tokens)
	q.speaker = e.questionSpeaker(q.tokens)
	if q.speaker == nil {
		q.speaker = describedSpeaker(q)
	}
	for i, qt := range q.terms {
		// Whose words are asked for is checked apart (saidBy): a sentence may say "they".
		if q.required[i] && e.namesOnly(qt.Word, q.speaker) {
			q.required[i] = false
		}
	}
	if q.speaker == nil {
		q.sayer = e.sayerTerms(q)
	}
	for i, qt := range q.terms {
		if (q.kind == AskNumber || q.kind == AskWhere) && namesPhrase(qt) && !termBesides[i] && !slices.Contains(q.sayer, i) && q.heaviest(i) {
			// "How many points does the visa exemption agreement have?": the figure or place
			// of the thing a concept's name says, most telling of what is asked, is not that
			// of another agreement. (A date may be told of it in other words: "the joint
			// statement" was "an 18-point agreement on … partnership" signed "on the second
			// day of Aliyev's visit".)
			q.required[i] = true
		}
		if q.kind == AskYesNo && namesPhrase(qt) && !termBesides[i] && !slices.Contains(q.sayer, i) {
			// "Will they sign a free trade agreement next year?": a yes or no of that thing,
			// which a fact that does not name it does not give (though "does the joint
			// statement mention …" is answered by what it says).
			q.required[i] = true
		}
		if q.kind == AskYesNo && !termBesides[i] && len(q.speaker) == 0 && e.isPersonName(qt) && !q.possessors[qt.Word] {
			// "Did Bayramov also meet Xi?": a fact that does not name Xi does not say.
			// ("before Aliyev's trip" names a trip, which the fact may call "the visit".)
			q.required[i] = true
		}
	}
	if k := e.endingDeed(q); k >= 0 {
		// "When was Tiananmen Square built?": the date of another deed at the place is
		// not when it was built.
		q.required[k] = true
	}
	q.defines = definedTerm(q)
	q.definition = definitionAsked(q.lower)
	q.container = containerAsked(q.lower)
	q.which = -1
	if q.kind == AskWhich || q.kind == AskWhat {
		q.which = e.whichHead(q)
	}
	q.asksName = (q.kind == AskWhat || q.kind == AskWho) && asksName(q.tokens)
	q.asksContent = q.kind == AskWhat && slices.ContainsFunc(q.tokens, func(t analyze.Token) bool { return markedContentVerbs.holds(t) })
	q.whereTo = q.kind == AskWhere && asksWhereTo(q.tokens)
	// "According to the reports, who would finance …": the question after the lead-in.
	asked := q
	if k := afterAccordingTo(q.tokens); k > 0 {
		c := *q
		c.tokens = q.tokens[k:]
		asked = &c
	} else if claim, ok := claimOf(q.tokens); ok && q.kind == AskYesNo {
		// "is it true that Aliyev attended the summit" asks as "did Aliyev attend it"
		aux := analyze.Token{Surface: "does", Term: "does", Stop: true}
		if askedInPast(q.tokens) {
			aux = analyze.Token{Surface: "did", Term: "did", Stop: true}
		}
		c := *q
		c.tokens = append([]analyze.Token{aux}, claim...)
		asked = &c
	}
	q.predicate = whoPredicate(asked)
	q.askedVerb = e.askedVerb(asked)
	if q.predicate < 0 {
		q.predicate = e.whatPredicate(q)
	}
	if q.predicate < 0 {
		q.predicate = roleChange(q)
	}
	q.venues = e.askedVenues(q)
	q.future = asksFuture(q.tokens)
	q.plan = asksPlan(q)
	q.outcome = asksOutcome(q.tokens)
	q.result = asksResult(q.tokens)
	q.sequelWord = -1
	if k := sequelFrom(q.tokens); k >= 0 {
		q.sequelWord = q.termOf(q.tokens[k-1].Surface)
		for _, t := range q.tokens[k:] {
			if j := q.termOf(t.Surface); j >= 0 && !slices.Contains(q.sequel, j) {
				q.sequel = append(q.sequel, j)
			}
		}
	}
	q.talkedAbout = asksTalkedAbout(q.tokens)
	for _, t := range q.tokens {
		q.period = q.period || markedPeriodNouns.holds(t)
	}
	q.clock = q.kind == AskWhen && asksClock(q.tokens)
	q.day = q.kind == AskWhen && asksDay(q.tokens)
	q.weekday = q.kind == AskWhen && asksWeekday(q.tokens)
	q.size = q.kind == AskNumber && asksSize(q.tokens)
	q.first = q.kind != AskYesNo && e.asksFirst(q.tokens)
	q.most = asksMost(q.tokens, q.possessors)
	q.percent = q.kind == AskNumber && (strings.Contains(q.lower, "percent") || strings.Contains(q.lower, "%"))
	q.share = q.percent && sharePattern.MatchString(q.lower)
	q.listing = asksList(q.tokens)
	q.howTo = asksHowTo(q.tokens)
	q.heldPast = q.kind == AskWhere && heldPast(q.tokens)
	q.staged = q.kind == AskWhere && e.tellsStaging(q.tokens)
	q.verb = -1
	if q.outcome {
		q.verb = e.outcomeVerb(q)
	}
	q.city = asksCity(q.tokens) || fragment >= 0 && q.kind == AskWhere && cityNouns[q.tokens[fragment].Surface] // "SCO summit host city"
	q.untilWhen = q.kind == AskWhen && asksUntil(q.tokens)
	// (Not "has Azerbaijan invested more in China than China has in Azerbaijan?": two
	// named, compared.)
	q.someoneElse = q.kind == AskWho && (asksBesides(q.tokens) || asksWhomMet(q.tokens)) || q.kind != AskYesNo && asksAhead(q.tokens)
	for i, qt := range q.terms {
		if q.someoneElse && len(qt.Alts) > 0 && onlyRelated(qt) && q.possessed(qt.Word) {
			// "Who else was in Bayramov's delegation?": another person a fact names is
			// of the delegation only if it tells of one.
			q.required[i] = true
		}
	}
	q.specific = specificKind(q)
	q.building = asksKind(q.tokens, buildingNouns)
	q.country = q.kind == AskWhere && asksCountry(q.tokens)
	q.otherCountries = q.country && asksKind(q.tokens, map[string]bool{"other": true, "else": true})
	if asksMembers(q.tokens) {
		// "What are the member states of the SCO?" is not answered by a fact that names
		// only Azerbaijan and China in it.
		q.country, q.otherCountries = true, true
	}
	q.capital = -1
	for i := 0; q.city && i < len(q.terms); i++ {
		if e.standsForCountry(q.terms[i]) && !afterPlacePreposition(q.tokens, q.terms[i].Word) {
			// "Which Chinese city is Baku's sister city?": Baku the city; but not in
			// "which cities … signed in Beijing", where it is only where.
			q.capital = i
		}
	}
	for _, t := range q.tokens {
		q.asksSpeech = q.asksSpeech || markedSpeechVerbsAsked.holds(t) || markedSpokeVerbs.holds(t)
	}
	q.whenSaid = e.asksWhenSaid(q)
	q.topic = e.withoutStates(q, e.withoutHome(q, speechTopic(q)))
	q.viewOf = e.viewHolder(q)
	if k := askedNoun(q); k >= 0 && onlyRelated(q.terms[k]) && !wordNouns[q.terms[k].Word] && !bearingNouns[q.terms[k].Word] && !q.matchedElsewhere(k) && (len(q.terms[k].Alts) > 0 || !saidNoun(q.terms[k].Word)) {
		// (But "what words did they use": the words are the quote; nor is "what claim did
		// he make" of a thing other than what he said.) "What budget does the working
		// group have?": a word the articles have nothing like.
		// "What gift did Aliyev give Xi?": the articles speak of no gift, only of what
		// WordNet relates to one ("invest", as to endow).
		q.unknownHead = q.terms[k].Word
	}
	if q.kind == AskWho {
		for _, qt := range q.terms {
			if len(qt.Alts) == 0 && isRoleTerm(qt) {
				// "Who is Azerbaijan's ambassador to China?": no one the articles name
				// holds a role they never mention.
				q.unknownHead = qt.Word
			}
		}
	}
	if q.unknownHead == "" && q.kind == AskYesNo {
		if q.unknownHead = e.unknownDoer(q); q.unknownHead == "" {
			q.unknownHead = e.unknownThing(q, story)
		}
	}
	if q.unknownHead == "" && q.kind != AskYesNo && !titled(text) {
		for _, run := range runs {
			if len(run) >= 2 && nameHeads[run[len(run)-1]] && !e.knownName(run) {
				// "What did Aliyev say about Xi's Global Governance Initiative?": a name
				// the articles never write is of a thing they do not tell of.
				for len(run) > 2 && e.isPersonPart(run[0]) {
					run = run[1:] // "Xi's Global Governance Initiative": whose, not what
				}
				q.unknownHead = strings.Join(run, " ")
				break
			}
		}
	}
	for i := 0; i+1 < len(q.tokens); i++ {
		if !markedSuccessionWords.holds(q.tokens[i]) || !slices.ContainsFunc(q.tokens[i+1:min(len(q.tokens), i+3)], func(t analyze.Token) bool { return markedRoles.holds(t) || markedPersonNouns.holds(t) }) {
			continue // "the next president", "the previous foreign minister"
		}
		// "Who will be the next president?": not the one who is; only a fact that says
		// "the next president" tells who comes after.
		q.succession = q.tokens[i].Surface
		break
	}
	for i := 0; i+1 < len(q.tokens); i++ {
		if markedEarlierWords.holds(q.tokens[i]) && slices.ContainsFunc(q.tokens[i+1:min(len(q.tokens), i+5)], markedOccasionNouns.holds) {
			// "When was the previous cultural protocol signed?": not the one the articles
			// tell of, unless they say it of an earlier one.
			q.priorStage = true
		}
		if q.kind == AskWhere && q.tokens[i].Surface == "before" && (e.placeTerms[q.tokens[i+1].Term] || e.names[q.tokens[i+1].Term] && !e.isPersonPart(q.tokens[i+1].Surface)) {
			// "Where was Chen Ming posted before Armenia?": an earlier post, which a fact
			// of the one in Armenia does not tell.
			q.priorStage = true
		}
	}
	q.beforeEvent = e.beforePersonsEvent(q)
	switch e.relativeDeed(q.tokens) {
	case "before":
		q.priorStage = true // a fact must say it was earlier: "Previously on April 11 …"
	case "after":
		q.laterStage = true
	}
	q.laterStage = q.laterStage || afterOccasion(q.tokens)
	q.heldBefore = (q.kind == AskWho || q.asksName) && slices.ContainsFunc(q.tokens, markedRoles.holds) && e.beforeOrAfterPerson(q.tokens)
	if head, words := copulaPhrase(q.tokens, q.possessors); head != "" && !asksWords(q.tokens) {
		// (Not "what were the exact words …": the words are the quote.)
		for i, qt := range q.terms {
			if strings.Contains(" "+qt.Word+" ", " "+head+" ") {
				q.headAsked = q.headAsked || q.kind == AskWho && genericRoles[head]
				if len(qt.Alts) == 0 && !(q.kind == AskWho && (partyNouns[head] || genericRoles[head])) {
					q.unknownHead = head
				}
				// "What is the length of the Zangezur corridor?" is answered only by a
				// fact that names a length; "what's the money flow like" asks how it goes.
				// "Who was the Chinese diplomat …" is answered by a person of any title, "who
				// was the department chief …" by its minister.
				q.required[i] = !asksLike(q.tokens) && !(q.kind == AskWho && (anyPersonNouns[head] || genericRoles[head] || partyNouns[head]))
			} else if len(qt.Alts) == 0 && slices.Contains(words, qt.Word) && !genericModifiers[qt.Word] && len(e.ix.Suggest(qt.Word)) == 0 {
				// "Who was the first president?": a president the articles never call
				// the first is not the one asked about ("the tree evil forces" are three).
				q.required[i] = true
			}
		}
	} else if head, words := ownedPhrase(q.tokens, q.possessors); head != "" && !asksWords(q.tokens) {
		for i, qt := range q.terms {
			switch {
			case len(qt.Alts) > 0:
				// what China's "rank" is may be said in other words
			case qt.Word == head && q.unknownHead == "" && !viewOn(q.tokens, head):
				// "What is China's defence budget?": a thing the articles never name is
				// not told of (but "Xi's line on tariffs" is what he said of them).
				q.unknownHead = head
			case slices.Contains(words, qt.Word) && !genericModifiers[qt.Word] && len(e.ix.Suggest(qt.Word)) == 0:
				q.required[i] = true // "Azerbaijan's GDP growth" is no growth of ties
			}
		}
	}
	q.room = questionRoom{terms, surfaces, factors, q.terms, q.located, q.topical, q.required, q.numbers, room.alts, room.ids}
	return q
}

// phraseMatcher finds words in a sentence in any of their forms: a pattern, and the
// stems each match holds, to pass over a sentence without them before running it.
type phraseMatcher struct {
	re    *regexp.Regexp
	stems []string
}

// find returns the pattern's match in text, whose lower-case form is lower, or nil.
func (m phraseMatcher) find(text, lower string) []int {
	for _, s := range m.stems {
		if !strings.Contains(lower, s) {
			return nil
		}
	}
	return m.re.FindStringSubmatchIndex(text)
}

// phraseMatcher returns a matcher for words in any of their forms (each word's stem and
// what follows it), the last as the first group.
func (e *Engine) phraseMatcher(words []analyze.Token) phraseMatcher {
	m := phraseMatcher{re: e.phrasePattern(words)}
	for _, w := range words {
		m.stems = append(m.stems, e.az.Stem(w.Surface))
	}
	return m
}

// phrasePattern returns a pattern that finds words in a sentence in any of their forms
// (each word's stem and what follows it), the last as the first group; nil for none.
func (e *Engine) phrasePattern(words []analyze.Token) *regexp.Regexp {
	if len(words) == 0 {
		return nil
	}
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = regexp.QuoteMeta(e.az.Stem(w.Surface)) + `\w*`
	}
	last := len(parts) - 1
	parts[last] = "(" + parts[last] + ")"
	expr := `(?i)\b` + strings.Join(parts, `[\s-]+`)
	return e.patterns.Get(expr, regexp.MustCompile)
}

// patterns returns whichPatterns, made on first use: most questions never need them.
func (q *question) patterns(e *Engine) []phraseMatcher {
	if q.whichPatterns == nil {
		q.whichPatterns = append(q.whichPatterns, e.phraseMatcher(q.whichPhrase))
		if n := len(q.whichPhrase); n >= 3 {
			q.whichPatterns = append(q.whichPatterns, e.phraseMatcher(q.whichPhrase[:n-1]))
			if namedKinds[q.whichPhrase[n-1].Surface] {
				// "Chinese companies" of "which Chinese construction companies": a kind
				// of thing known by name, which no fact restating the kind names
				q.whichPatterns = append(q.whichPatterns, e.phraseMatcher([]analyze.Token{q.whichPhrase[0], q.whichPhrase[n-1]}))
			}
		}
		if n := len(q.whichPhrase); n >= 2 && mediaKinds[q.whichPhrase[n-1].Surface] {
			// "Armenian media" of "which Armenian outlet": the outlets of a country, none
			// of them named
			for _, media := range []string{"media", "press"} {
				words := append(slices.Clone(q.whichPhrase[:n-1]), e.az.Word(media))
				q.whichPatterns = append(q.whichPatterns, e.phraseMatcher(words))
			}
		}
	}
	return q.whichPatterns
}

// mediaKinds are the kinds of news outlet a question may ask for by name, which a fact
// that speaks of a country's "media" or "press" does not give.
var mediaKinds = map[string]bool{
	"outlet": true, "outlets": true, "newspaper": true, "newspapers": true, "channel": true,
	"channels": true, "website": true, "websites": true, "broadcaster": true,
	"broadcasters": true, "publication": true, "publications": true, "magazine": true,
	"magazines": true,
}

// possessed reports whether the question writes word right after a possessor:
// "delegation" in "Bayramov's delegation".
func (q *question) possessed(word string) bool {
	for i := 1; i < len(q.tokens); i++ {
		if q.tokens[i].Surface == word && q.possessors[q.tokens[i-1].Surface] {
			return true
		}
	}
	return false
}

// viewOn reports whether a question's noun, head, is followed by "on" or "about": a view
// of something ("Xi's line on tariff wars"), whatever the noun.
func viewOn(tokens []analyze.Token, head string) bool {
	i := slices.IndexFunc(tokens, func(t analyze.Token) bool { return t.Surface == head })
	if i < 0 || i+1 >= len(tokens) {
		return false
	}
	switch tokens[i+1].Surface {
	case "on", "about", "regarding", "towards", "toward":
		return true
	}
	return false
}

// askedNoun returns the query term of the noun "what N did …" or "which N was …" asks
// for, right before the auxiliary, or -1.
func askedNoun(q *question) int {
	for i := 0; i+2 < len(q.tokens); i++ {
		if !markedWhatWords.holds(q.tokens[i]) && q.tokens[i].Surface != "which" {
			continue
		}
		if n := q.tokens[i+1]; !n.Stop && !n.Number && !markedAnswerFrames.holds(n) && (markedAuxiliaries.holds(q.tokens[i+2]) || markedCopulas.holds(q.tokens[i+2])) {
			return q.termOf(n.Surface)
		}
		return -1
	}
	return -1
}

// existentialNoun returns the noun "is there …" asks whether there is ("is there a direct
// flight from Baku": "flight"), or "".
func (e *Engine) existentialNoun(tokens []analyze.Token) string {
	i := slices.IndexFunc(tokens, func(t analyze.Token) bool { return !markedDiscourseWords.holds(t) && !markedLeadIns.holds(t) })
	if i < 0 || i+2 >= len(tokens) || !markedCopulas.holds(tokens[i]) || tokens[i+1].Surface != "there" {
		return ""
	}
	head := ""
	for _, t := range tokens[i+2:] {
		switch {
		case t.Surface == "a" || t.Surface == "an" || t.Surface == "any" || t.Surface == "some":
			if head != "" {
				return head
			}
		case mentionNouns[head] && (t.Surface == "of" || t.Surface == "about" || t.Surface == "on"):
			head = "" // "is there any talk of an FTA": the FTA
		case t.Stop || t.Number, head != "" && e.names[t.Term]:
			return head // "are there direct flights Baku to Beijing": flights, not Baku
		case head != "" && strings.Contains(t.Surface, " ") && analyze.IsStopWord(firstWord(t.Surface)):
			return head // "is there a free trade deal in the works": the deal
		default:
			head = t.Surface
		}
	}
	return head
}

// mentionNouns are what is said of a thing: "is there any talk of an FTA" asks of the FTA.
var mentionNouns = map[string]bool{
	"talk": true, "mention": true, "word": true, "news": true, "discussion": true, "discussions": true,
	"info": true, "information": true, "reference": true,
}

// answerFrames are nouns "what N did …" asks by that a fact need not use: "on what basis",
// "what rank", "what kind".
var answerFrames = map[string]bool{
	"rank": true, "ranking": true, "position": true, "spot": true, "standing": true,
	"basis": true, "reason": true, "grounds": true, "purpose": true, "way": true,
	"kind": true, "sort": true, "type": true, "extent": true, "degree": true, "level": true,
}

// namedApart finds the pairs of persons' names the question joins by "and" ("Alizadeh and
// Allahveranov") that no fact names together, each mapped to the other.
func (e *Engine) namedApart(q *question) map[int]int {
	var out map[int]int
	for i := 0; i+1 < len(q.terms); i++ {
		a, b := q.terms[i], q.terms[i+1]
		if !q.required[i] || !q.required[i+1] || !e.personsJoined(q, i) {
			continue
		}
		if e.together(a.Alts[0].Terms[0], b.Alts[0].Terms[0]) {
			continue
		}
		if out == nil {
			out = map[int]int{}
		}
		out[i], out[i+1] = i+1, i
	}
	return out
}

// together reports whether a fact holds both terms, in its text or its context.
func (e *Engine) together(a, b int32) bool {
	pa, pb := e.ix.Postings(a), e.ix.Postings(b)
	for i, j := 0, 0; i < len(pa) && j < len(pb); {
		switch {
		case pa[i].Doc == pb[j].Doc:
			return true
		case pa[i].Doc < pb[j].Doc:
			i++
		default:
			j++
		}
	}
	return false
}

// endingParticle returns the index of the particle that ends the question and makes a verb
// of two words with the verb at i, a short object between them ("when did it get its
// independence back"), or -1.
func (e *Engine) endingParticle(tokens []analyze.Token, i int) int {
	j := len(tokens) - 1
	if j > i+1 && j <= i+4 && markedParticles.holds(tokens[j]) && e.phrasalVerb(tokens[i].Surface, tokens[j].Surface) {
		return j
	}
	return -1
}

// jointPair returns the query terms of two persons joined by "and" whom a question asks
// what they did together ("what did Liu Jianchao and Aliyev discuss when they met"), or
// -1s.
func (e *Engine) jointPair(q *question) [2]int {
	joint := false
	for i, t := range q.tokens {
		// "talk about", "discuss", "meet"; not "talk to Trend", of a third party
		joint = joint || markedJointVerbs.holds(t) && (i+1 == len(q.tokens) || q.tokens[i+1].Surface != "to")
	}
	if !joint {
		return [2]int{-1, -1}
	}
	for i := 0; i+1 < len(q.terms); i++ {
		if e.personsJoined(q, i) {
			return [2]int{i, i + 1}
		}
	}
	return [2]int{-1, -1}
}

// personsJoined reports whether query terms i and i+1 name two persons the articles know,
// written "a and b".
func (e *Engine) personsJoined(q *question, i int) bool {
	a, b := q.terms[i], q.terms[i+1]
	return len(a.Alts) > 0 && len(b.Alts) > 0 && e.isPersonPart(lastWord(a.Word)) && e.isPersonPart(firstWord(b.Word)) &&
		joinedByAnd(q.tokens, lastWord(a.Word), firstWord(b.Word))
}

// heaviest reports whether term i weighs the most of the question's terms.
func (q *question) heaviest(i int) bool {
	for _, qt := range q.terms {
		if qt.Weight > q.terms[i].Weight {
			return false
		}
	}
	return true
}

// namesPhrase reports whether a query term is a name of several words, a concept's
// ("free trade agreement", "Middle Corridor").
func namesPhrase(qt index.QueryTerm) bool { return len(qt.Alts) > 0 && len(qt.Alts[0].Terms) > 1 }

// jointVerbs are what two people do together: "discuss", "talk", "meet".
var jointVerbs = map[string]bool{
	"discuss": true, "discussed": true, "talk": true, "talked": true, "meet": true, "met": true,
	"negotiate": true, "negotiated": true,
}

// adverbialFirst reports whether word is "first" said of a deed in the passive: "when
// were embassies first opened" asks when they were opened, which was once. (But "the
// first document" and "ranks first" ask a rank, and "when did he first visit" the first
// of several visits.)
func adverbialFirst(tokens []analyze.Token, word string) bool {
	if word != "first" {
		return false
	}
	passive := false
	for i := 0; i+1 < len(tokens); i++ {
		passive = passive || tokens[i].Surface == "was" || tokens[i].Surface == "were" || tokens[i].Surface == "been"
		if tokens[i].Surface == "first" && passive && pastForm(tokens[i+1].Surface) {
			return true
		}
	}
	return false
}

// asParticiple reports whether word stands in tokens as a participle after "be",
// "been" or "being": "to be celebrated".
func asParticiple(tokens []analyze.Token, word string) bool {
	for i := 1; i < len(tokens); i++ {
		if tokens[i].Surface == word && strings.HasSuffix(word, "ed") && (tokens[i-1].Surface == "be" || tokens[i-1].Surface == "been" || tokens[i-1].Surface == "being") {
			return true
		}
	}
	return false
}

// isPersonName reports whether a query term is a person's name as the articles write it,
// in whole or in part ("Xi", "Wang Yi").
func (e *Engine) isPersonName(qt index.QueryTerm) bool {
	for w := range strings.FieldsSeq(qt.Word) {
		if !e.isPersonPart(w) {
			return false
		}
	}
	return qt.Word != ""
}

// joinedByAnd reports whether the question writes "a and b".
func joinedByAnd(tokens []analyze.Token, a, b string) bool {
	for i := 0; i+2 < len(tokens); i++ {
		if tokens[i].Surface == a && tokens[i+1].Surface == "and" && tokens[i+2].Surface == b {
			return true
		}
	}
	return false
}

func firstWord(s string) string {
	for w := range strings.FieldsSeq(s) {
		return w
	}
	return ""
}

func lastWord(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i+size:]
}

// withoutHome drops from positions the query terms that name the two countries the
// articles are about, unless nothing else is left: "what did Russia say about the new
// Azerbaijan-China partnership" is not about everything that names Azerbaijan.
func (e *Engine) withoutHome(q *question, positions []int) []int {
	return e.without(q, positions, func(t int32) bool { return e.home[t] })
}

// withoutStates drops from positions the query terms that name a country, unless nothing
// else is left but words that locate the event: "what did Chen Ming say about the
// Armenia-Azerbaijan peace treaty" is about the treaty, not all he said of Armenia; "what
// did Aliyev say about Taiwan during the trip" is about Taiwan.
func (e *Engine) withoutStates(q *question, positions []int) []int {
	out := e.without(q, positions, func(t int32) bool { s := e.ix.TermString(t); return e.states[s] || e.placeTerms[s] })
	if !slices.ContainsFunc(out, func(i int) bool { return !q.located[i] }) {
		return positions
	}
	return out
}

// without drops from positions the query terms whose own word is an index term drop
// reports, unless nothing else is left.
func (e *Engine) without(q *question, positions []int, drop func(int32) bool) []int {
	var out []int
	for _, i := range positions {
		dropped := false
		for _, alt := range q.terms[i].Alts {
			dropped = dropped || alt.Factor >= 1 && len(alt.Terms) == 1 && drop(alt.Terms[0])
		}
		if !dropped {
			out = append(out, i)
		}
	}
	if len(out) == 0 {
		return positions
	}
	return out
}

// viewHolder returns the index term of the state a question asks the position of with a
// possessive ("Russia's position", "Armenia's government's reaction"), or -1 when it asks
// none or asks one of the states the articles are about.
func (e *Engine) viewHolder(q *question) int32 {
	for i, t := range q.tokens {
		if !markedViewNouns.holds(t) {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			w := q.tokens[k]
			if !q.possessors[w.Surface] {
				continue
			}
			if e.isPersonPart(w.Surface) || markedRoles.holds(w) {
				continue // "Xi's position", "the MP's view": a person's
			}
			id, ok := e.ix.Term(w.Term)
			if !ok || !e.isPlace(id) || e.home[id] || e.ix.IDF(id) < requiredIDF {
				continue
			}
			if k := q.termOf(w.Surface); k >= 0 && e.standsForCountry(q.terms[k]) {
				continue // "Baku's position" is Azerbaijan's
			}
			return id
		}
	}
	if len(q.speaker) == 0 && slices.ContainsFunc(q.tokens, func(t analyze.Token) bool { return markedRelationNouns.holds(t) }) {
		// "How are China-Russia relations?": told of Russia, not of a Russian news agency.
		// (Whose words are asked, "how did Aliyev describe Taiwan's relationship to …",
		// are theirs: saidBy checks them.)
		for _, w := range q.tokens {
			if !e.placeTerms[w.Term] {
				continue // a country or city, or its people ("Russian"), not "MP" or "January"
			}
			id, ok := e.ix.Term(w.Term)
			if !ok || !e.isPlace(id) || e.home[id] || e.ix.IDF(id) < requiredIDF {
				continue
			}
			if k := q.termOf(w.Surface); k >= 0 && e.standsForCountry(q.terms[k]) {
				continue
			}
			return id
		}
	}
	return -1
}

// relationNouns name the relations between states, which a question about a state beyond
// the two the articles are about asks of that state.
var relationNouns = map[string]bool{"relations": true, "relationship": true, "ties": true}

// viewNouns name a position someone holds on a matter.
var viewNouns = map[string]bool{
	"position": true, "stance": true, "view": true, "views": true, "reaction": true,
	"response": true, "attitude": true, "opinion": true, "take": true, "reply": true,
}

// decade returns the years of a decade a token names ("90s", "1990s", "2010s"), or none.
func decade(t analyze.Token) []string {
	if !t.Number || !strings.HasSuffix(t.Surface, "0s") {
		return nil
	}
	first := 0
	switch n, err := strconv.Atoi(t.Term); {
	case err != nil || n%10 != 0:
		return nil
	case n >= 1900 && n < 2100:
		first = n
	case n < 100 && n >= 30:
		first = 1900 + n // "the 90s"
	case n < 30:
		first = 2000 + n // "the 20s"
	default:
		return nil
	}
	years := make([]string, 10)
	for k := range years {
		years[k] = strconv.Itoa(first + k)
	}
	return years
}

// inConceptNames marks the tokens that are part of a concept's name of several words
// ("come into force"), which a word that alone frames a question ("come") may be.
func (e *Engine) inConceptNames(tokens []analyze.Token) map[int]bool {
	terms, at := make([]string, 0, 24), make([]int, 0, 24) // room on the stack for most questions
	for i, t := range tokens {
		if !t.Stop {
			terms = append(terms, t.Term)
			at = append(at, i)
		}
	}
	var out map[int]bool
	for _, c := range e.az.Concepts(terms) {
		if c.End-c.Start < 2 {
			continue
		}
		if out == nil {
			out = map[int]bool{}
		}
		for k := c.Start; k < c.End; k++ {
			out[at[k]] = true
		}
	}
	return out
}

// namesOnly reports whether a query term's phrase names one of the persons: each of its
// words that is part of a name ("wang"; "yi" is too short to be one alone) is part of
// theirs.
func (e *Engine) namesOnly(phrase string, persons map[string]bool) bool {
	named := false
	for w := range strings.FieldsSeq(phrase) {
		parts := e.personParts[w]
		if len(parts) == 0 {
			continue
		}
		found := false
		for _, p := range parts {
			found = found || persons[p]
		}
		if !found {
			return false
		}
		named = true
	}
	return named
}

// termOf returns the position of the query term written as word, or -1.
func (q *question) termOf(word string) int {
	for i, qt := range q.terms {
		if qt.Word == word {
			return i
		}
	}
	return -1
}

// hasTerm reports whether the question holds a word of the term.
func (q *question) hasTerm(term string) bool {
	for _, t := range q.tokens {
		if t.Term == term {
			return true
		}
	}
	return false
}

// expandChat reads the shortenings of chat as the words they stand for ("abt" as "about",
// "btwn" as "between", "fms" as "foreign ministers") and drops single letters that stand
// for nothing ("w" is "with").
func (e *Engine) expandChat(tokens []analyze.Token) []analyze.Token {
	if !chatty(tokens) {
		return tokens
	}
	out := make([]analyze.Token, 0, len(tokens)+2) // an expansion may be longer than its word
	for i := 0; i < len(tokens); i++ {
		t := tokens[i]
		if t.Surface == "tl" && i+1 < len(tokens) && tokens[i+1].Surface == "dr" {
			i++ // "tl;dr": the gist asked for, as "tldr"
			continue
		}
		if stretched(t.Surface) && isLatin(t.Surface) {
			t = e.unstretch(t) // "sooo", "pleaseee": a word drawn out
		}
		if markedBotNames.holds(t) && (i+1 == len(tokens) || opensQuestion(tokens, i)) {
			continue // "hey bot, when …", "… thanks bot": the bot addressed, no word asked
		}
		if markedLaughs.holds(t) && slices.ContainsFunc(out, isQuestionWord) && !slices.ContainsFunc(tokens[i+1:], isQuestionWord) {
			break // "what are the three evil forces lol sounds like a villain group": an aside
		}
		w, ok := lookup(markedChatWords, e.chat, t)
		if ok && strings.Contains(w, " ") {
			out = append(out, e.az.Analyze(w)...) // "fms": "foreign ministers"
			continue
		}
		if ok {
			t = e.az.Word(w)
		} else if len(t.Surface) == 1 && !t.Number && !t.Stop && t.Surface[0] < utf8.RuneSelf {
			continue
		}
		out = append(out, t)
	}
	return out
}

// chatty reports whether expandChat has anything to do with tokens: a word of chat, one
// drawn out, or a lone letter.
func chatty(tokens []analyze.Token) bool {
	for i, t := range tokens {
		if t.Surface == "tl" && i+1 < len(tokens) && tokens[i+1].Surface == "dr" ||
			stretched(t.Surface) && isLatin(t.Surface) ||
			markedBotNames.holds(t) || markedLaughs.holds(t) || markedChatWords.holds(t) ||
			len(t.Surface) == 1 && !t.Number && !t.Stop && t.Surface[0] < utf8.RuneSelf {
			return true
		}
	}
	return false
}

// laughs end a question in chat; what follows is said aside.
var laughs = map[string]bool{"lol": true, "lmao": true, "lmfao": true, "haha": true, "hahaha": true, "rofl": true}

// isQuestionWord reports whether t is a word that asks: "what", "who", "how".
func isQuestionWord(t analyze.Token) bool {
	return markedQuestionWord.holds(t) || markedWhatWords.holds(t)
}

// botNames are what a chat message calls the bot by when it addresses it.
var botNames = map[string]bool{"bot": true, "azchina": true, "chatbot": true}

// stretched reports whether a word holds one letter three times or more in a row.
func stretched(w string) bool {
	for i := 2; i < len(w); i++ {
		if w[i] == w[i-1] && w[i] == w[i-2] && w[i] >= 'a' && w[i] <= 'z' {
			return true
		}
	}
	return false
}

// unstretch reads a word drawn out in chat as the word it draws out: each run of a letter
// cut to two, or to one ("gooood": good, "sooo": so), whichever is a function word, a
// word of the articles or of English.
func (e *Engine) unstretch(t analyze.Token) analyze.Token {
	for _, keep := range []int{2, 1} {
		var b strings.Builder
		for i := 0; i < len(t.Surface); i++ {
			run := 1
			for i+run < len(t.Surface) && t.Surface[i+run] == t.Surface[i] {
				run++
			}
			b.WriteString(strings.Repeat(t.Surface[i:i+1], min(run, keep)))
			i += run - 1
		}
		w := e.az.Word(b.String())
		if _, known := e.ix.Term(w.Term); w.Stop || known || e.english[w.Surface] > 0 {
			return w
		}
	}
	return t
}

// relativeYears reads "last year", "this year" and "next year" as the years they are
// to the newest article ("last year's upgrade" is 2025's when it is of 2026), which
// is how its sentences date them.
func (e *Engine) relativeYears(tokens []analyze.Token) []analyze.Token {
	if e.latestYear == 0 {
		return tokens
	}
	out := tokens[:0]
	for i := 0; i < len(tokens); i++ {
		if i+1 < len(tokens) && e.isYearWord(tokens[i+1].Surface) { // "year's" too: the "'s" is cut
			if d, ok := yearOffsets[tokens[i].Surface]; ok {
				y := strconv.Itoa(e.latestYear + d)
				out = append(out, analyze.Token{Term: y, Surface: y, Number: true})
				i++
				continue
			}
		}
		out = append(out, tokens[i])
	}
	return out
}

// bearingNouns ask what one thing did to another, which the articles tell in other
// words: "what effect did the deals have" is answered by "provided strong momentum".
var bearingNouns = map[string]bool{
	"effect": true, "effects": true, "impact": true, "impacts": true, "result": true,
	"results": true, "consequence": true, "consequences": true, "influence": true,
}

// isYearWord reports whether w is "year", or a word of no English mistyped from it
// ("yaer", "yera").
func (e *Engine) isYearWord(w string) bool {
	return w == "year" || len(w) == len("year") && index.Distance(w, "year") == 1 && !e.isEnglish(w)
}

// mendHowMany reads a word after "how" mistyped from "many" or "much" as that word
// ("how mnay").
func mendHowMany(tokens []analyze.Token) []analyze.Token {
	for i := 1; i < len(tokens); i++ {
		if tokens[i-1].Surface != "how" {
			continue
		}
		for _, w := range []string{"many", "much"} {
			if t := tokens[i].Surface; t != w && len(t) == len(w) && index.Distance(t, w) == 1 {
				tokens[i] = analyze.Token{Term: w, Surface: w, Stop: true}
			}
		}
	}
	return tokens
}

// yearOffsets are the years "last year", "this year" and "next year" name, from the
// newest article's.
var yearOffsets = map[string]int{"last": -1, "this": 0, "next": 1}

// countedTerms returns, for "how many X", the terms that may stand for X: the
// alternatives of the words between "how many" and the next function word, leaving out
// words too common to tell anything ("Azerbaijan" in "how many Azerbaijani students").
func (e *Engine) countedTerms(q *question) map[int32]bool {
	if q.kind != AskNumber {
		return nil
	}
	words := map[string]bool{}
	for i := 1; i+1 < len(q.tokens); i++ {
		if q.tokens[i].Surface == "per" && !q.tokens[i-1].Stop && rateUnits[q.tokens[i+1].Surface] {
			words[q.tokens[i-1].Surface] = true // "flights per week": flights are counted
			break
		}
		if !(q.tokens[i].Surface == "many" && q.tokens[i-1].Surface == "how" || q.tokens[i].Surface == "of" && q.tokens[i-1].Surface == "number") {
			continue
		}
		// The counted thing is the noun phrase after "how many" (or "the number of"): its
		// first two words ("Azerbaijani students"), not the verb and what follows.
		for _, t := range q.tokens[i+1:] {
			if len(words) == 0 && (t.Surface == "of" || markedArticles.holds(t) || t.Surface == "these" || t.Surface == "those" || t.Number) {
				continue // "how many of the 20 agreements": agreements, some of them
			}
			if t.Stop || len(words) == 2 || len(words) > 0 && strings.HasSuffix(t.Surface, "ed") {
				break // "the number of deals inked": the verb is not counted
			}
			words[t.Surface] = true
		}
		break
	}
	if len(words) == 0 {
		return e.unitTerms(q)
	}
	for w := range words {
		if currencies[w] {
			return e.indexTerms(moneyUnits) // "how many dollars": a sum of money
		}
	}
	out := map[int32]bool{}
	present, asked := false, false // a counted word searched for; one the articles use
	for _, qt := range q.terms {
		if !words[qt.Word] {
			continue
		}
		present = true
		for _, alt := range qt.Alts {
			asked = asked || alt.Factor > relatedFactor
			for _, id := range alt.Terms {
				if e.ix.IDF(id) >= 1 {
					out[id] = true
				}
			}
		}
	}
	if present && !asked {
		// "How many flights …": the articles count nothing of the kind, so no number
		// they give answers.
		return map[int32]bool{-1: true}
	}
	return out
}

// muchOf returns the word "how much" asks an amount of ("how much oil"), or "".
func muchOf(tokens []analyze.Token) string {
	for i := 2; i < len(tokens); i++ {
		if tokens[i-1].Surface == "much" && tokens[i-2].Surface == "how" && !tokens[i].Stop && !tokens[i].Number && !moneyNouns[tokens[i].Surface] {
			return tokens[i].Surface
		}
	}
	return ""
}

// acronymsOf returns the words text writes in capitals, two to five letters ("EU",
// "NATO"), lower-cased, unless all of it is in capitals.
func acronymsOf(text string) map[string]bool {
	if !hasCapitalPair(text) || strings.ToUpper(text) == text {
		return nil // none; or a question shouted in capitals, which writes none as such
	}
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if n := utf8.RuneCountInString(w); n >= 2 && n <= 5 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
			out[strings.ToLower(w)] = true
		}
	}
	return out
}

// hasCapitalPair reports whether text holds two capital letters in a row, as any acronym
// does.
func hasCapitalPair(text string) bool {
	prev := false
	for i := 0; i < len(text); i++ { // ASCII read byte by byte
		c := text[i]
		if c >= utf8.RuneSelf {
			return hasCapitalPairText(text)
		}
		up := 'A' <= c && c <= 'Z'
		if up && prev {
			return true
		}
		prev = up
	}
	return false
}

// hasCapitalPairText is hasCapitalPair for text of any script.
func hasCapitalPairText(text string) bool {
	prev := false
	for _, r := range text {
		up := unicode.IsUpper(r)
		if up && prev {
			return true
		}
		prev = up
	}
	return false
}

// isAcronym reports whether the question writes the word as an acronym ("EU", "FTA"): a
// name the answer must match, by any of its names, though the word stands in the
// articles' text otherwise ("commonspace.eu"). A title ("MP") is no name.
func isAcronym(qt index.QueryTerm, acronyms map[string]bool) bool {
	if len(acronyms) == 0 {
		return false
	}
	for w := range strings.FieldsSeq(qt.Word) {
		if acronyms[w] && !ingest.IsRole(w) {
			return true
		}
	}
	return false
}

// wordsOf returns the words of the runs a text capitalises in mid-sentence (capitalisedRuns),
// but the words that join them: the names the asker wrote as names ("What did Erdogan say").
func wordsOf(runs [][]string) map[string]bool {
	var out map[string]bool // nil, read as empty, for most questions, which have no runs
	for _, run := range runs {
		for _, w := range run {
			if !slices.Contains(runJoiners, w) {
				if out == nil {
					out = map[string]bool{}
				}
				out[w] = true
			}
		}
	}
	return out
}

// uncapitalisedNameWords returns the words a question writes inside a name of several
// capitalised words ("Xi's Global Governance Initiative") that the articles never write
// capitalised: words of a name they do not use. runs are the question's capitalised runs
// (capitalisedRuns), and capitalised their words.
func (e *Engine) uncapitalisedNameWords(text string, runs [][]string, capitalised map[string]bool) map[string]bool {
	if len(capitalised) < 2 || titled(text) {
		return nil // no name of several words; or capitals throughout, which write no name as such
	}
	var out map[string]bool
	for _, run := range runs {
		n := 0
		for _, w := range run {
			if !slices.Contains(runJoiners, w) {
				n++
			}
		}
		if n < 2 {
			continue
		}
		for _, w := range run {
			if t := e.az.Word(w); !t.Stop && !e.names[t.Term] && !e.isPersonPart(w) && !ingest.IsRole(w) {
				if out == nil {
					out = map[string]bool{}
				}
				out[w] = true
			}
		}
	}
	return out
}

// nameHeads end the name of a thing: "… Initiative", "… University".
var nameHeads = map[string]bool{
	"initiative": true, "agreement": true, "treaty": true, "forum": true, "university": true,
	"organization": true, "organisation": true, "corridor": true, "institute": true,
	"ministry": true, "program": true, "programme": true, "strategy": true, "project": true,
	"summit": true, "conference": true, "fund": true, "bank": true, "company": true,
	"agency": true, "commission": true, "council": true, "committee": true, "centre": true,
	"center": true, "plan": true, "route": true, "railway": true, "pipeline": true, "zone": true,
	"road": true, "highway": true, "bridge": true, "port": true, "airport": true, "canal": true,
}

// knownName reports whether the articles know a capitalised name a question writes, as
// a whole: a concept's name, itself or before its last word ("Middle Corridor project"),
// or words a sentence writes together.
func (e *Engine) knownName(run []string) bool {
	terms := make([]string, len(run))
	for i, w := range run {
		terms[i] = e.az.Word(w).Term
	}
	for _, c := range e.az.Concepts(terms) {
		if c.Start == 0 && c.End >= len(run)-1 {
			return true
		}
	}
	rarest, least := int32(-1), 0
	for i, t := range terms {
		if e.az.Word(run[i]).Stop {
			continue // "of the" in "Revival of the Silk Road"
		}
		id, ok := e.ix.Term(t)
		if !ok {
			return false
		}
		if n := len(e.ix.Postings(id)); rarest < 0 || n < least {
			rarest, least = id, n
		}
	}
	if rarest < 0 {
		return false // function words only
	}
	phrase := strings.Join(run, " ")
	for _, p := range e.ix.Postings(rarest) {
		if strings.Contains(nameSpelling.Replace(strings.ToLower(e.facts[p.Doc].Text)), phrase) {
			return true
		}
	}
	return false
}

// nameSpelling writes a name as capitalisedRuns reads it: "Trans-Caspian" as "trans
// caspian", "Azerbaijan’s" as "azerbaijan".
var nameSpelling = strings.NewReplacer("-", " ", "’s", "", "'s", "")

// titled reports whether text capitalises all its words, or all but one or two in five:
// shouted ("WHAT RANK IS CHINA") or written as a title ("What Rank Is China Among …").
func titled(text string) bool {
	// ASCII read byte by byte: its white space is '\t' to '\r' and ' '.
	words, capital, inWord := 0, 0, false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c >= utf8.RuneSelf:
			return titledText(text)
		case c == ' ' || '\t' <= c && c <= '\r':
			inWord = false
		case !inWord:
			inWord, words = true, words+1
			if 'A' <= c && c <= 'Z' {
				capital++
			}
		}
	}
	return words > 0 && capital*5 >= words*4
}

// titledText is titled for text of any script.
func titledText(text string) bool {
	words, capital := 0, 0
	for w := range strings.FieldsSeq(text) { // counted, not kept: no slice to allocate
		words++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			capital++
		}
	}
	return words > 0 && capital*5 >= words*4
}

// capitalisedRuns returns the runs of words text capitalises in mid-sentence, lower-cased
// ("China National Space Administration"), split where a word ends in punctuation; a
// word joined by a dash is two. A run goes on through "of" or "of the" to a capitalised
// word: "Ministry of Digital Development" is one name.
func capitalisedRuns(text string) [][]string {
	if i := strings.IndexFunc(text, unicode.IsSpace); i < 0 || !strings.ContainsFunc(text[i:], unicode.IsUpper) {
		return nil // the first word opens the sentence: no capital after it, no name
	}
	var out [][]string
	var run []string
	joined := 0 // "of" or "of the" after the run, kept if a capitalised word follows
	prevEnd := true
	for w := range strings.FieldsSeq(text) {
		trimmed := w
		if c := w[0]; c == '"' || c == '\'' || c == '(' || c == '[' || c == "“"[0] { // "“" and "‘" share it
			trimmed = strings.TrimLeft(w, "“\"‘'([")
		}
		r, _ := utf8.DecodeRuneInString(trimmed)
		switch {
		case unicode.IsUpper(r) && !prevEnd:
			if joined > 0 {
				run = append(run, runJoiners[:joined]...)
				joined = 0
			}
			// "Azerbaijan–China", "Azerbaijan’s": the names, without the dash or the "'s".
			for part := range strings.FieldsFuncSeq(strings.ToLower(trimmed), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				if part != "s" {
					run = append(run, part)
				}
			}
		case len(run) > 0 && joined < len(runJoiners) && w == runJoiners[joined]:
			joined++
		case len(run) > 0:
			out, run, joined = append(out, run), nil, 0
		}
		// A word's last byte: a closing "”" is none of these (its last byte alone is no rune).
		last := w[len(w)-1]
		prevEnd = last == '.' || last == '!' || last == '?' || last == ':'
		if len(run) > 0 && (last == ',' || last == ';' || last == ')' || last == '"') {
			out, run, joined = append(out, run), nil, 0
		}
	}
	if len(run) > 0 {
		out = append(out, run)
	}
	return out
}

// runJoiners are the words, in order, that join two runs of capitalised words into one
// name: "Ministry of Digital Development", "Great Hall of the People".
var runJoiners = []string{"of", "the"}

// isName reports whether a query term is a name the answer must match: a year, or a name
// the articles never use ("What did Erdogan say?"), which no fact can answer for.
func (e *Engine) isName(qt index.QueryTerm, capitalised, acronyms map[string]bool) bool {
	if isYear(qt.Word) {
		return true // "in 2015": a fact about another year is no answer
	}
	if len(qt.Alts) > 0 {
		return e.isTellingName(qt) && e.writtenAsName(qt, capitalised) || isAcronym(qt, acronyms) || e.capitalisedConcept(qt, capitalised)
	}
	for w := range strings.FieldsSeq(qt.Word) {
		// Capitalised; or, from an asker who writes names in lower case (none capitalised),
		// no English word at all (and not mistyped from one of the articles'): a name such
		// as "putin", though not a verb in -ing ("hyping"); or a place WordNet names
		// ("washington").
		if capitalised[w] || (len(capitalised) == 0 && utf8.RuneCountInString(w) >= 4 && isLatin(w) && (!e.isEnglish(w) && !strings.HasSuffix(w, "ing") || e.placeNames[w])) {
			return true
		}
	}
	return false
}

// writtenAsName reports whether the question writes a word as a name: capitalised, or, from
// an asker who capitalises nothing, a word that is no English word. "ordinary citizens"
// names no agreement, though the articles capitalise "Citizens" only in one's title.
func (e *Engine) writtenAsName(qt index.QueryTerm, capitalised map[string]bool) bool {
	for w := range strings.FieldsSeq(qt.Word) {
		if capitalised[w] || len(capitalised) == 0 && !e.isEnglish(w) || e.adjectiveOfName(qt, w) {
			return true
		}
	}
	return false
}

// demonymEndings turn a place's name into its adjective: "Georgia-n", "Azerbaijan-i".
var demonymEndings = map[string]bool{"n": true, "an": true, "ian": true, "i": true, "ese": true, "ish": true}

// adjectiveOfName reports whether w is the adjective of a name a query term reads it as,
// in any case: "georgian" of "Georgia".
func (e *Engine) adjectiveOfName(qt index.QueryTerm, w string) bool {
	for _, alt := range qt.Alts {
		if len(alt.Terms) == 1 {
			if t := e.ix.TermString(alt.Terms[0]); e.names[t] && len(w) > len(t) && strings.HasPrefix(w, t) && demonymEndings[w[len(t):]] {
				return true
			}
		}
	}
	return false
}

// requiredIDF is the least IDF of a name the answer must match: a name the articles use
// in fewer than about one sentence in eight (Russia, Zangezur, Wang Yi), not the two
// countries every article is about.
const requiredIDF = 2.0

// isTellingName reports whether the question's word is, as written, one of the names the
// articles use rarely: a fact that names neither it nor (through its context) the person
// it stands for is about something else ("When did Azerbaijan and Russia establish
// relations?" is not answered by a fact about China).
func (e *Engine) isTellingName(qt index.QueryTerm) bool {
	if e.isNamedConcept(qt) {
		return true
	}
	if e.standsForCountry(qt) {
		return false // "Baku and Beijing's stance": the two countries, in their capitals' names
	}
	for _, alt := range qt.Alts {
		// A person's name mistyped ("alizade") is as telling as the name.
		if alt.Factor < 1 && !(alt.Factor >= typoFactor && len(alt.Terms) == 1 && e.isPersonPart(e.ix.TermString(alt.Terms[0]))) || len(alt.Terms) != 1 {
			continue
		}
		// The name itself, not an adjective of it: "European leader" asks for a kind of
		// leader, whom the articles may name without naming Europe.
		id := alt.Terms[0]
		if !e.names[e.ix.TermString(id)] || e.ix.IDF(id) < requiredIDF {
			continue
		}
		for w := range strings.FieldsSeq(qt.Word) { // a person's full name is one word
			// A title is no name, though the articles capitalise it ("MP Arzukhan
			// Alizadeh"): "the MP" is answered by "the deputy".
			if (e.az.Stem(w) == e.ix.TermString(id) || e.mistypedPart(w, e.ix.TermString(id))) && !ingest.IsRole(w) {
				return true
			}
			// A country's adjective is as telling as its name: "Georgian development
			// programmes" are Georgia's. A region's is not ("European leader").
			if t := e.ix.TermString(id); (e.placeTerms[t] || e.adjectiveOfName(qt, w)) && !e.isRegion(t) && !ingest.IsRole(w) {
				return true
			}
		}
	}
	return false
}

// mistypedPart reports whether w is a part of a person's name mistyped, one edit from
// the part whose term is term: "jinpin" in "xi jinpin".
func (e *Engine) mistypedPart(w, term string) bool {
	if len(w) < 5 {
		return false
	}
	for part := range e.personParts {
		if index.OneEdit(w, part) && e.az.Stem(part) == term {
			return true
		}
	}
	return false
}

// standsForCountry reports whether a query term is a name the thesaurus reads as one of
// the countries the articles are about, as a capital is ("Beijing" for China): a fact
// that names the country, or neither (the Great Hall of the People is in Beijing), may
// answer for it.
func (e *Engine) standsForCountry(qt index.QueryTerm) bool {
	for _, alt := range qt.Alts {
		if alt.Factor < 1 && len(alt.Terms) == 1 && e.names[e.ix.TermString(alt.Terms[0])] && e.ix.IDF(alt.Terms[0]) < requiredIDF {
			return true
		}
	}
	return false
}

// isNamedConcept reports whether a query term is a concept of the thesaurus with a name of
// several words that starts with a name ("Middle Corridor", "Shanghai Cooperation
// Organization") and that the articles name rarely: a fact about something else does not
// answer for it.
func (e *Engine) isNamedConcept(qt index.QueryTerm) bool {
	if qt.Weight < requiredIDF {
		return false
	}
	for _, alt := range qt.Alts {
		if alt.Factor < 1 || len(alt.Terms) < 2 {
			continue
		}
		if e.names[e.ix.TermString(alt.Terms[0])] {
			return true
		}
	}
	return false
}

// capitalisedConcept reports whether a query term is a concept of several words the
// question capitalises, every word, as the articles do ("Free Trade Agreement"), and
// names rarely: a fact about something else does not answer for it.
func (e *Engine) capitalisedConcept(qt index.QueryTerm, capitalised map[string]bool) bool {
	if qt.Weight < requiredIDF {
		return false
	}
	// From an asker who capitalises nothing, a name of three words or more the articles
	// capitalise, in its own words ("global civilization initiative"), is one too.
	if len(capitalised) == 0 && strings.Count(qt.Word, " ") >= 2 {
		words := strings.Fields(qt.Word)
		return slices.ContainsFunc(qt.Alts, func(a index.Alternative) bool { return e.termsOfWords(a.Terms, words) && e.capitalisedPhrase(a.Terms) })
	}
	for w := range strings.FieldsSeq(qt.Word) {
		if !capitalised[w] {
			return false
		}
	}
	return slices.ContainsFunc(qt.Alts, func(a index.Alternative) bool { return a.Factor >= 1 && e.capitalisedPhrase(a.Terms) })
}

// termsOfWords reports whether terms are the terms of words, one for one: the question's
// own words, not a synonym.
func (e *Engine) termsOfWords(terms []int32, words []string) bool {
	if len(terms) != len(words) {
		return false
	}
	for i, w := range words {
		if e.ix.TermString(terms[i]) != e.az.Word(w).Term {
			return false
		}
	}
	return true
}

// isLatin reports whether w is written in ASCII letters: a word left over from a question
// in another script is no name.
func isLatin(w string) bool {
	for i := 0; i < len(w); i++ { // a byte of a rune of another script is no ASCII letter
		if c := w[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// isYear reports whether w is a year of the last and this century.
func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && isNumberTerm(w)
}

// namesAuthorOf reports whether the question names the author of the article.
func (q *question) namesAuthorOf(a Article) bool { return a.Author != "" && q.names(a.Author) }

// namesPublisherOf reports whether the question names the publisher of the article
// ("commonspace" for "commonspace.eu").
func (q *question) namesPublisherOf(a Article) bool {
	for _, part := range strings.FieldsFunc(strings.ToLower(a.Publisher), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(part) > 3 {
			for _, t := range q.tokens {
				if t.Surface == part {
					return true
				}
			}
		}
	}
	return false
}

// hasWord reports whether the question holds the word, as written in lower case.
func (q *question) hasWord(w string) bool {
	for _, t := range q.tokens {
		if t.Surface == w {
			return true
		}
	}
	return false
}

// names reports whether the question names the person (any part of the name, as a word:
// "Azer" is not named by "Azerbaijan's").
func (q *question) names(person string) bool {
	var buf [32]byte
	for part := range strings.FieldsSeq(person) {
		part := lowerInto(buf[:0], part) // not escaping: no allocation when short
		if len(part) <= 2 {
			continue
		}
		for _, t := range q.tokens {
			if !strings.Contains(t.Surface, string(part)) {
				continue
			}
			for w := range strings.FieldsSeq(t.Surface) { // a phrase read as one token too
				if w == string(part) {
					return true
				}
			}
		}
	}
	return false
}

// namesPart reports whether the question writes a part of a person's name, however short
// ("Xi" of "Xi Jinping").
func (q *question) namesPart(person string) bool {
	for part := range strings.FieldsSeq(strings.ToLower(person)) {
		if slices.ContainsFunc(q.tokens, func(t analyze.Token) bool { return t.Surface == part }) {
			return true
		}
	}
	return false
}

// lowerInto appends s lower-cased to buf, as strings.ToLower would write it.
func lowerInto(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(buf[:0], strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// measures name the units a "how old", "how long" or "how far" answer counts in: an age
// is so many years, a distance so many kilometres.
var measures = map[string][]string{
	"old":  {"year", "years", "aged"},
	"long": {"year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "hour", "hours", "km", "kilometres", "kilometers", "miles"},
	"far":  {"km", "kilometres", "kilometers", "miles"},
}

// moneyUnits are the words a sum of money is counted in.
var moneyUnits = []string{"billion", "million", "thousand", "trillion", "dollar", "dollars", "usd", "manat", "yuan", "euro", "euros"}

// spendVerbs say money was put into something: "how much has it invested" asks a sum.
var spendVerbs = map[string]bool{
	"invest": true, "invested": true, "invests": true, "investing": true, "spend": true,
	"spent": true, "spends": true, "pay": true, "paid": true, "pays": true, "cost": true,
	"costs": true, "fund": true, "funded": true, "lend": true, "lent": true, "loaned": true,
}

// currencies are what "how many …" counts a sum of money in: "how many dollars".
var currencies = map[string]bool{"dollar": true, "dollars": true, "usd": true, "manat": true, "manats": true, "yuan": true, "euro": true, "euros": true, "rubles": true, "roubles": true}

// dollarWords name the dollar, which the articles write as "$".
var dollarWords = map[string]bool{"dollar": true, "dollars": true, "usd": true}

// moneyNouns ask for a sum of money: "what is the total value of …", "how much is it worth".
var moneyNouns = map[string]bool{"value": true, "cost": true, "costs": true, "price": true, "worth": true}

// unitTerms returns the index terms of the units "how old/long/far" counts in, or a sum of
// money ("value", "cost", "how much has it invested", "how much is a …") is counted in;
// an empty (non-nil) set when the index has none, so that no number answers.
func (e *Engine) unitTerms(q *question) map[int32]bool {
	for i := 1; i < len(q.tokens); i++ {
		units, ok := measures[q.tokens[i].Surface]
		switch {
		case moneyNouns[q.tokens[i].Surface]:
			units, ok = moneyUnits, true
		case q.tokens[i].Surface == "much" && q.tokens[i-1].Surface == "how" && slices.ContainsFunc(q.tokens[i+1:], func(t analyze.Token) bool { return spendVerbs[t.Surface] }):
			units, ok = moneyUnits, true // "how much has Azerbaijan invested": a sum of money
		case q.tokens[i].Surface == "much" && q.tokens[i-1].Surface == "how" && i+2 < len(q.tokens) && markedCopulas.holds(q.tokens[i+1]) && (q.tokens[i+2].Surface == "a" || q.tokens[i+2].Surface == "an"):
			units, ok = moneyUnits, true // "how much is a flight to Beijing": its price
		case !ok || q.tokens[i-1].Surface != "how":
			continue
		}
		return e.indexTerms(units)
	}
	return nil
}

// indexTerms returns the index terms of units, or a set of -1 alone when the index has
// none of them: nothing counts.
func (e *Engine) indexTerms(units []string) map[int32]bool {
	out := map[int32]bool{}
	for _, u := range units {
		for _, t := range e.az.Terms(u) {
			if id, ok := e.ix.Term(t); ok {
				out[id] = true
			}
		}
	}
	if len(out) == 0 {
		out[-1] = true // no such unit in the articles: nothing counts
	}
	return out
}

// personTerm makes one query term of a person's full name at the start of terms ("xi
// jinping"): a fact that names the person by any part of the name ("Xi") matches it. It
// returns the term and how many words it took, or 0.
func (e *Engine) personTerm(terms, surfaces []string) (index.QueryTerm, int) {
	if len(terms) == 0 {
		return index.QueryTerm{}, 0
	}
	for _, name := range e.personNames[terms[0]] {
		if len(name) > len(terms) || !equalTerms(terms[:len(name)], name) {
			continue
		}
		qt := index.QueryTerm{Word: strings.Join(surfaces[:len(name)], " ")}
		for _, t := range name {
			if id, ok := e.ix.Term(t); ok {
				qt.Alts = append(qt.Alts, index.Alternative{Terms: []int32{id}, Factor: 1})
				qt.Weight = max(qt.Weight, e.ix.IDF(id))
			}
		}
		if len(qt.Alts) > 0 {
			return qt, len(name)
		}
	}
	// A later part of a name alone ("Jinping's") stands for the person the articles call
	// by its first part ("Xi").
	if name := e.laterParts[terms[0]]; name != nil {
		first, ok1 := e.ix.Term(name[0])
		later, ok2 := e.ix.Term(terms[0])
		if ok1 && ok2 && e.ix.IDF(later) > e.ix.IDF(first) {
			qt := index.QueryTerm{Word: surfaces[0], Weight: e.ix.IDF(first)}
			for _, t := range name {
				if id, ok := e.ix.Term(t); ok {
					qt.Alts = append(qt.Alts, index.Alternative{Terms: []int32{id}, Factor: 1})
				}
			}
			return qt, 1
		}
	}
	return index.QueryTerm{}, 0
}

func equalTerms(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

// conceptTerm makes one query term of a run of words naming a concept: any of the concept's
// names matches it. Its alternatives are carved from room.
func (e *Engine) conceptTerm(room *questionRoom, c analyze.Concept, surfaces []string) (index.QueryTerm, bool) {
	qt := index.QueryTerm{Word: strings.Join(surfaces, " "), Alts: carve(&room.alts, len(c.Names))}
	for _, name := range c.Names {
		ids := carve(&room.ids, len(name))
		for _, t := range name {
			id, ok := e.ix.Term(t)
			if !ok {
				ids = nil
				break
			}
			ids = append(ids, id)
		}
		if len(ids) == 0 {
			continue
		}
		qt.Alts = append(qt.Alts, index.Alternative{Terms: ids, Factor: 1})
		for _, id := range ids {
			qt.Weight = max(qt.Weight, e.ix.IDF(id))
		}
	}
	return qt, len(qt.Alts) > 0
}

// wordTerm makes the query term of one word: the word itself (or the index's word nearest
// a misspelling, and the other readings of it), its synonyms, and, for a word the articles
// never use, the words WordNet relates to it. A verb and its particle ("set up") is matched
// by its related words only.
func (e *Engine) wordTerm(room *questionRoom, term, surface string, factor float64, readings []string) index.QueryTerm {
	qt := index.QueryTerm{Word: surface}
	// The alternatives of one term each, the word's, its readings', its synonyms' and its
	// opposite's, and their terms, each carved from room: fewer allocations.
	syns := e.az.Synonyms(term)
	qt.Alts = carve(&room.alts, len(readings)+len(syns)+2)
	ids := carve(&room.ids, cap(qt.Alts))[:cap(qt.Alts)]
	one := func(id int32) []int32 {
		i := len(qt.Alts)
		ids[i] = id
		return ids[i : i+1 : i+1]
	}
	for k, t := range append([]string{term}, readings...) {
		if id, ok := e.ix.Term(t); ok {
			qt.Alts = append(qt.Alts, index.Alternative{Terms: one(id), Factor: factor})
			if k == 0 || qt.Weight == 0 {
				qt.Weight = e.ix.IDF(id)
				if factor < 1 {
					qt.Weight *= correctedShare
				}
			}
		}
	}
	for _, syn := range syns {
		if id, ok := e.ix.Term(syn); ok {
			qt.Alts = append(qt.Alts, index.Alternative{Terms: one(id), Factor: synonymFactor * factor})
			if qt.Weight == 0 {
				qt.Weight = e.ix.IDF(id) * synonymFactor
			}
		}
	}
	if opposite := e.negated(surface); opposite >= 0 {
		// "Was it clear which route …" is answered by "It was unclear which route …".
		qt.Alts = append(qt.Alts, index.Alternative{Terms: one(opposite), Factor: synonymFactor * factor})
		if qt.Weight == 0 {
			qt.Weight = e.ix.IDF(opposite) * synonymFactor
		}
	}
	if len(qt.Alts) > 0 {
		e.addFamily(&qt, term, factor)
		return qt
	}
	// A word the articles never use weighs up to as much as the rarest word they do use:
	// it may well be what the question is about.
	qt.Alts = nil
	word, particle, _ := strings.Cut(surface, " ")
	qt.Weight = e.ix.MaxIDF() * e.unknownShare(word) // "carries out" is as common as "carries"
	seen := map[int32]bool{}
	for _, id := range e.derived(term) {
		seen[id] = true
		qt.Alts = append(qt.Alts, index.Alternative{Terms: []int32{id}, Factor: relatedFactor * factor})
	}
	related := relatedFactor
	if particle != "" && e.phrasalVerb(word, particle) {
		related = synonymFactor // "put up" flags are hung: the sense news text uses, not WordNet's first
	}
	for _, w := range e.relatedTo(word, particle) {
		t := e.az.Word(w)
		if id, ok := e.ix.Term(t.Term); ok && !t.Stop && !seen[id] {
			seen[id] = true
			qt.Alts = append(qt.Alts, index.Alternative{Terms: []int32{id}, Factor: related * factor})
		}
	}
	return qt
}

// addFamily adds to a question's word the words of the articles WordNet relates to it that
// are formed from it ("partner": "partnership"): the stem of one starts the other's.
func (e *Engine) addFamily(qt *index.QueryTerm, term string, factor float64) {
	if len(term) < familyStem || !isLatin(term) {
		return
	}
	for _, id := range e.family(qt.Word, term) {
		have := false
		for _, a := range qt.Alts {
			have = have || slices.Contains(a.Terms, id)
		}
		if !have {
			qt.Alts = append(qt.Alts, index.Alternative{Terms: []int32{id}, Factor: familyFactor * factor})
		}
	}
}

// family returns the index terms of the words WordNet relates to word that are formed from
// it (its term is term). The answers are kept for the first maxCached words, as stems are:
// the same few words come up in question after question. Safe for concurrent use.
func (e *Engine) family(word, term string) []int32 {
	return e.families.Get(word, func(word string) []int32 { return e.findFamily(word, term) })
}

// findFamily is family without the cache.
func (e *Engine) findFamily(word, term string) []int32 {
	var ids []int32
	for _, w := range e.relatedTo(word, "") {
		t := e.az.Word(w)
		if t.Stop || t.Term == term || !(strings.HasPrefix(t.Term, term) || strings.HasPrefix(term, t.Term) && len(t.Term) >= familyStem) {
			continue
		}
		if strings.HasSuffix(w, "ly") && strings.HasSuffix(word, "s") {
			continue // "firms" are companies, not "firmly"
		}
		if id, ok := e.ix.Term(t.Term); ok && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// maxCachedFamilies bounds the words whose families are kept.
const maxCachedFamilies = 100_000

// maxCachedPatterns bounds the cache of which-phrase patterns.
const maxCachedPatterns = 10_000

// familyStem is the shortest stem whose derived words count as its family, and
// familyFactor how much a match through one counts.
const (
	familyStem   = 4
	familyFactor = 0.7
)

// derived returns the terms of the articles that are another form of the same word as a
// stem they never use: one's stem starts with the other's, both of minDerived letters or
// more ("reunifying" and "reunification").
func (e *Engine) derived(stem string) []int32 {
	if len(stem) < minDerived || !isLatin(stem) {
		return nil
	}
	for k := len(stem) - 1; k >= minDerived; k-- {
		if id, ok := e.ix.Term(stem[:k]); ok && e.ix.DocFreq(id) > 0 {
			return []int32{id}
		}
	}
	out := e.ix.Extending(stem)
	return out[:min(len(out), maxReadings)]
}

// minDerived is the shortest stem read as the start of another form of a word: a shorter
// one starts words of other meanings too ("organ" starts "organization").
const minDerived = 6

// negated returns the index term of a word the articles write with "un" before it or
// taken off it ("clear" and "unclear"), or -1: whether a thing is so is answered by a
// sentence that says it is not.
func (e *Engine) negated(w string) int32 {
	base, other := w, "un"+w
	if rest, ok := strings.CutPrefix(w, "un"); ok {
		base, other = rest, rest
	}
	if len(base) < 4 || !isLatin(w) {
		return -1 // "under" is no "der" denied
	}
	if id, ok := e.ix.SurfaceTerm(other); ok {
		return id
	}
	return -1
}

// addOpposites adds to the query term of a word in a yes-no question the words that say
// its contrary: "did China confirm the reports" is answered, no, by "Chen Ming refuted the
// reports".
func (e *Engine) addOpposites(qt *index.QueryTerm, term string, factor float64) {
	for _, o := range e.az.Opposites(term) {
		if id, ok := e.ix.Term(o); ok {
			qt.Alts = append(qt.Alts, index.Alternative{Terms: []int32{id}, Factor: synonymFactor * factor})
			if qt.Weight == 0 {
				qt.Weight = e.ix.IDF(id) * synonymFactor
			}
		}
	}
}

// oppositeTerms returns the index's terms of the words that say the contrary of term.
func (e *Engine) oppositeTerms(term string) []int32 {
	var out []int32
	for _, o := range e.az.Opposites(term) {
		if id, ok := e.ix.Term(o); ok {
			out = append(out, id)
		}
	}
	return out
}

// relatedFactor is how much a match through a word WordNet relates to the question's
// counts: less than a synonym of the domain thesaurus, since it may be of another sense.
const relatedFactor = 0.5

// hasLetters reports whether s holds a letter or a digit.
func hasLetters(s string) bool {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		s = s[size:]
	}
	return false
}

// namesSpeaker reports whether a token names one who may speak or meet: a person's name
// or a role ("Aliyev", "the foreign ministers").
func (e *Engine) namesSpeaker(t analyze.Token) bool {
	last := t.Surface[strings.LastIndexByte(t.Surface, ' ')+1:]
	return e.isPersonPart(last) || ingest.IsRole(last) || ingest.IsRole(strings.TrimSuffix(last, "s"))
}

// concludesDeal reports whether the word at tokens[i] concludes an agreement the question
// names: a deal concluded is one signed, not one that ended ("when was the pivotal
// agreement concluded").
func concludesDeal(tokens []analyze.Token, i int) bool {
	return strings.HasPrefix(tokens[i].Surface, "conclud") && slices.ContainsFunc(tokens, func(t analyze.Token) bool { return dealNouns[t.Surface] })
}

// saidNoun reports whether a noun names something said: a claim, a view, a report.
func saidNoun(w string) bool {
	return speechVerbsAsked[w] || newsNouns[w] || stanceNouns[w] || speechNouns[w]
}

// asksWhenSaid reports whether a when-question asks only when someone spoke to the press
// ("when did Alizadeh talk to Trend", "the date of the Trend interview with MP
// Alizadeh"): besides a word of speaking, it names only speakers, their titles, outlets
// and the story. What they said is not asked, so its dates do not answer: the day the
// story was filed does.
func (e *Engine) asksWhenSaid(q *question) bool {
	if q.kind != AskWhen {
		return false
	}
	spoke := false
	for _, qt := range q.terms {
		switch w := qt.Word; {
		case speechVerbs[w] || speechVerbsAsked[w] || speechNouns[w] || sourceVerbs[w]:
			spoke = true
		case creditWords[w] || e.isPersonPart(w) || ingest.IsRole(w) || e.isPublisherName(e.az.Word(w).Term):
		default:
			return false
		}
	}
	return spoke
}
