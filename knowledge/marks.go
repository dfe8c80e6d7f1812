package knowledge

import "github.com/azchina/azchina/knowledge/analyze"

// A markedSet is one of the word sets looked up most often while reading a question, with
// the bit that marks its words in their row of marks: markSets looks a question's word up
// once, in setMarks, rather than once in each such set, which was a good part of the time
// spent reading a question. The sets are defined where they are used, and must not change
// once marked.
type markedSet struct {
	set  map[string]bool
	word uint   // the word of a markRow that holds the set's bit
	mark uint64 // the bit
}

// A markRow holds the marks of a word: the bit of each marked set it is in.
type markRow [markWords]uint64

// markWords is the length of a markRow: room for 64 marked sets each.
const markWords = 2

// setsMarked is the flag of a token whose Sets are filled in: the bits below it are the
// number of its word's row in markRows.
const setsMarked = 1 << 63

var (
	setMarks = map[string]uint64{} // word → the number of its row in markRows
	markRows = []markRow{{}}       // row 0 is of the words in no marked set
	nMarked  = 0                   // the sets marked so far
)

// marked gives a set the next mark and marks its words in their rows.
func marked(set map[string]bool) markedSet {
	if nMarked == 64*markWords {
		panic("knowledge: too many marked word sets")
	}
	m := markedSet{set: set, word: uint(nMarked / 64), mark: 1 << (nMarked % 64)}
	nMarked++
	for w := range set {
		row, ok := setMarks[w]
		if !ok {
			row = uint64(len(markRows))
			setMarks[w] = row
			markRows = append(markRows, markRow{})
		}
		markRows[row][m.word] |= m.mark
	}
	return m
}

// markedKeys marks the words a map has values for, so that looking up a question's word
// in it can be passed over when the word has none.
func markedKeys[V any](m map[string]V) markedSet {
	set := make(map[string]bool, len(m))
	for w := range m {
		set[w] = true
	}
	return marked(set)
}

// holds reports whether t's word is in the set: by its mark when t is marked, else by
// looking it up.
func (s markedSet) holds(t analyze.Token) bool {
	if t.Sets&setsMarked != 0 {
		return markRows[t.Sets&^setsMarked][s.word%markWords]&s.mark != 0 // in range: not checked
	}
	return s.set[t.Surface]
}

// lookup returns m's value for t's word, as m[t.Surface] would, looking only when s, the
// words of m marked, holds it.
func lookup[V any](s markedSet, m map[string]V, t analyze.Token) (V, bool) {
	if !s.holds(t) {
		var zero V
		return zero, false
	}
	v, ok := m[t.Surface]
	return v, ok
}

// markSets fills in the Sets of tokens that have none, a question's as read (see
// questionTokens): as analysed, and again once its words are mended. A token made after,
// or whose Surface is changed, has zero Sets: holds looks it up.
func markSets(tokens []analyze.Token) []analyze.Token {
	for i := range tokens {
		if tokens[i].Sets == 0 {
			tokens[i].Sets = setMarks[tokens[i].Surface] | setsMarked
		}
	}
	return tokens
}

// The marked sets.
var (
	markedAmountNouns      = marked(amountNouns)
	markedAuthorWords      = marked(authorWords)
	markedAuxiliaries      = marked(auxiliaries)
	markedCityNouns        = marked(cityNouns)
	markedClaimOpeners     = marked(claimOpeners)
	markedClauseOpeners    = marked(clauseOpeners)
	markedCollectiveNouns  = marked(collectiveNouns)
	markedCopulas          = marked(copulas)
	markedCorpusNouns      = marked(corpusNouns)
	markedCreditWords      = marked(creditWords)
	markedDealNouns        = marked(dealNouns)
	markedEarlierWords     = marked(earlierWords)
	markedEventWords       = marked(eventWords)
	markedExactWords       = marked(exactWords)
	markedFigureNouns      = marked(figureNouns)
	markedFrameWords       = marked(frameWords)
	markedGenreWords       = marked(genreWords)
	markedGreetingWords    = marked(greetingWords)
	markedInvitationWords  = marked(invitationWords)
	markedJointVerbs       = marked(jointVerbs)
	markedMakeWords        = marked(makeWords)
	markedMeetWords        = marked(meetWords)
	markedNameQualifiers   = marked(nameQualifiers)
	markedOccasionNouns    = marked(occasionNouns)
	markedPairWords        = marked(pairWords)
	markedParticles        = marked(particles)
	markedPeriodNouns      = marked(periodNouns)
	markedPersonNouns      = marked(personNouns)
	markedPhotoWords       = marked(photoWords)
	markedPlaceInOrder     = marked(placeInOrder)
	markedPlaceNouns       = marked(placeNouns)
	markedQuestionWord     = marked(questionWord)
	markedRankWords        = marked(rankWords)
	markedRelativePronouns = marked(relativePronouns)
	markedRoughly          = marked(roughly)
	markedSettingWords     = marked(settingWords)
	markedSignWords        = marked(signWords)
	markedSizeWords        = marked(sizeWords)
	markedSpeechVerbsAsked = marked(speechVerbsAsked)
	markedSpokeVerbs       = marked(spokeVerbs)
	markedStartWords       = marked(startWords)
	markedSuccessionWords  = marked(successionWords)
	markedTalkVerbs        = marked(talkVerbs)
	markedTellVerbs        = marked(tellVerbs)
	markedTimePrepositions = marked(timePrepositions)
	markedTravelWords      = marked(travelWords)
	markedVenueNouns       = marked(venueNouns)
	markedWhenNouns        = marked(whenNouns)
	markedCarryWords       = marked(carryWords)
	markedViewNouns        = marked(viewNouns)
	markedRelationNouns    = marked(relationNouns)
	markedRecommending     = marked(recommending)
	markedMediaNouns       = marked(mediaNouns)
	markedSourceBodies     = marked(sourceBodies)
	markedExpansionNouns   = marked(expansionNouns)
	markedSignVerbs        = marked(signVerbs)
	markedDollarWords      = marked(dollarWords)
	markedLastingVerbs     = marked(lastingVerbs)
	markedOccupations      = marked(occupations)
	markedReactionVerbs    = marked(reactionVerbs)
	markedWhatWords        = marked(whatWords)
	markedContentVerbs     = marked(contentVerbs)
	markedDiscourseWords   = marked(discourseWords)
	markedLeadIns          = marked(leadIns)
	markedAnswerFrames     = marked(answerFrames)
	markedWordNouns        = marked(wordNouns)
	markedSourceVerbs      = marked(sourceVerbs)
	markedArticles         = marked(articles)
	markedDeterminers      = marked(determiners)
	markedMonthNumbers     = markedKeys(monthNumbers)
	markedOrderWords       = markedKeys(orderWords)
	markedBotNames         = marked(botNames)
	markedLaughs           = marked(laughs)
	markedChatWords        = markedKeys(chatShortenings)
	markedRoles            = marked(roles)
	markedRoleForms        = marked(roleForms)
	markedRoleTrimmed      = marked(roleTrimmed)
	// The keys of framePhrases and complexPrepositions, word by word (see framePhrase).
	markedFramePhraseFirsts  = marked(framePhraseFirsts)
	markedFramePhraseSeconds = marked(framePhraseSeconds)
	markedPrepositionNouns   = marked(prepositionNouns)
)
