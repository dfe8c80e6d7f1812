package knowledge

import "github.com/azchina/azchina/knowledge/analyze"

// A markedSet is one of the word sets looked up most often while reading a question, with
// the bit that marks its words in a token's Sets: markSets looks a question's word up once,
// in setMarks, rather than once in each such set, which was a good part of the time spent
// reading a question. The sets are defined where they are used, and must not change once
// marked.
type markedSet struct {
	set  map[string]bool
	mark uint64
}

// setsMarked is the mark of tokens whose Sets are filled in; the sets take the bits below.
const setsMarked = 1 << 63

var (
	setMarks = map[string]uint64{} // word → the marks of the sets it is in
	nextMark = uint64(1)
)

// marked gives a set the next mark and marks its words in setMarks.
func marked(set map[string]bool) markedSet {
	m := nextMark
	if m == setsMarked {
		panic("knowledge: too many marked word sets")
	}
	nextMark <<= 1
	for w := range set {
		setMarks[w] |= m
	}
	return markedSet{set, m}
}

// holds reports whether t's word is in the set: by its mark when t is marked, else by
// looking it up.
func (s markedSet) holds(t analyze.Token) bool {
	if t.Sets&setsMarked != 0 {
		return t.Sets&s.mark != 0
	}
	return s.set[t.Surface]
}

// markSets fills in the Sets of tokens, a question's as read (see questionTokens). A token
// made after, or whose Surface is changed, has zero Sets: holds looks it up.
func markSets(tokens []analyze.Token) []analyze.Token {
	for i := range tokens {
		tokens[i].Sets = setMarks[tokens[i].Surface] | setsMarked
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
)
