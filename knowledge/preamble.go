package knowledge

import (
	"maps"
	"slices"
	"strings"
)

// A chat message may tell the asker's story before its question: "My family is from
// Aghdam and people keep talking about smart villages … Is China involved in that at all?".
// The story sets the scene; the question is what is asked. Its words count for little in
// how much of the question a fact covers, and none of its names must be matched.

// preambleOpeners open a statement of the asker's own: "I know …", "my family …",
// "people keep talking …", "we always hear …".
var preambleOpeners = func() map[string]bool {
	out := map[string]bool{
		"i've": true, "ive": true, "people": true, "everyone": true, "someone": true,
		"somebody": true, "heard": true, "saw": true, "read": true,
		// What the asker is doing: "Reading about the joint statement for my IR class."
		"reading": true, "writing": true, "studying": true, "doing": true, "researching": true,
		"preparing": true,
	}
	maps.Copy(out, firstPerson)
	return out
}()

// openerList holds preambleOpeners, to match in any case.
var openerList = slices.Collect(maps.Keys(preambleOpeners))

// questionOpeners open the question after a preamble: a question word, an auxiliary that
// asks yes or no, or a preposition before a question word ("on what day").
var questionOpeners = map[string]bool{
	"what": true, "which": true, "who": true, "whom": true, "when": true, "where": true, "why": true,
	"how": true, "is": true, "are": true, "was": true, "were": true, "did": true, "do": true,
	"does": true, "has": true, "have": true, "can": true, "will": true, "could": true,
}

// minPreamble is the fewest words a preamble has: a shorter lead-in ("I wonder, …") is
// read with the question.
const minPreamble = 5

// preamble returns the length in bytes of the story a message tells before its question,
// or 0: a statement, of minPreamble words or more, that opens with a word of the asker's
// and ends at a full stop, a comma or a "but" before the question's opening words.
func preamble(text string) int {
	first, _, _ := strings.Cut(strings.TrimSpace(text), " ")
	first = strings.Trim(first, ",.!")
	if !preambleOpeners[first] && !slices.ContainsFunc(openerList, func(w string) bool { return strings.EqualFold(w, first) }) {
		return 0 // (without lower-casing, which would cost an allocation a question)
	}
	end := 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; c != '.' && c != '!' && c != ',' && c != ' ' {
			continue
		}
		if strings.Contains(text[:i], "?") {
			break // a question before: no story
		}
		rest := strings.Fields(strings.ToLower(text[i+1:]))
		for len(rest) > 0 && (rest[0] == "but" || rest[0] == "and" || rest[0] == "so") {
			rest = rest[1:]
		}
		if len(rest) > 1 && (text[i] != ' ' || i > 0 && strings.HasSuffix(text[:i], " but")) && opensQuestionAt(rest) && !checksClaim(rest) && len(strings.Fields(text[:i])) >= minPreamble {
			end = i + 1
		}
	}
	return end
}

// checksClaim reports whether words only ask whether what was said before is so: "is that
// right", "is it true". What was said is the question then, not a story.
func checksClaim(words []string) bool {
	if len(words) > 4 || len(words) < 2 || !questionOpeners[words[0]] {
		return false
	}
	for _, w := range words[1:] {
		if w = strings.Trim(w, ",.?!"); w != "that" && w != "it" && w != "this" && !claimWords[w] {
			return false
		}
	}
	return true
}

// claimWords ask whether a claim is so: "is that right", "is it true".
var claimWords = map[string]bool{"right": true, "true": true, "correct": true, "accurate": true, "so": true, "real": true, "legit": true, "really": true}

// opensQuestionAt reports whether words open a question: "how much has …", "on what day …".
func opensQuestionAt(words []string) bool {
	w := strings.TrimSuffix(strings.TrimSuffix(strings.Trim(words[0], ",."), "'s"), "’s")
	if questionOpeners[w] || w == "whats" {
		return true
	}
	return (w == "on" || w == "in" || w == "at" || w == "for" || w == "by" || w == "from" || w == "to") && questionWord[words[1]]
}

// refersBack reports whether a question refers back to the story before it by a pronoun
// ("is China involved in that?", "when did it end?"), or asks only in a few words what
// kind of answer it wants ("in which city").
func refersBack(question string) bool {
	words := strings.Fields(strings.ToLower(question))
	if len(words) <= 3 {
		return true
	}
	for _, w := range words {
		switch strings.Trim(w, ",.?!") {
		case "it", "that", "this", "them", "those", "these":
			return true
		}
	}
	return false
}

// lastClause returns where the last clause of a story starts: after its last full stop,
// and after the last "and", comma or semicolon in that sentence ("I'm a student from
// Ganja and my friends talk about the Middle Corridor": "my friends talk …").
func lastClause(story string) int {
	s := strings.TrimRight(story, " .!")
	start := 0
	for _, sep := range []string{". ", "! "} {
		if i := strings.LastIndex(s, sep); i >= 0 {
			start = max(start, i+len(sep))
		}
	}
	clause := start
	for _, sep := range []string{" and ", ", ", "; "} {
		if i := strings.LastIndex(s[start:], sep); i >= 0 {
			clause = max(clause, start+i+len(sep))
		}
	}
	return clause
}

// fromHearsay returns a message that tells the asker's story, then a claim they heard,
// and asks whether the claim is so ("i teach chinese at a school in ganja and someone
// told me china … agreed something about confucius institutes, is that true?"), from the
// hearsay on: the claim is what is asked, the story only who is asking.
func fromHearsay(text string) string {
	if !endsInClaimCheck(text) {
		return text
	}
	for _, sep := range []string{" and ", ", ", ". ", "! "} {
		for at := 0; ; {
			i := strings.Index(text[at:], sep)
			if i < 0 {
				break
			}
			start := at + i + len(sep)
			if words := strings.Fields(strings.ToLower(text[start:])); heardAt(words) {
				return text[start:]
			}
			at = start
		}
	}
	return text
}

// heardAt reports whether words open with hearsay: "someone told me", "my friend said",
// "i heard".
func heardAt(words []string) bool {
	if len(words) < 4 || !hearsayOpeners[words[0]] {
		return false
	}
	for _, w := range words[1:min(len(words), 4)] {
		if hearsayVerbs[w] {
			return true
		}
	}
	return false
}

// maxClaimCheck is how long, in bytes, the words that ask whether a claim is so may be:
// "…, is that accurate?".
const maxClaimCheck = 30

// endsInClaimCheck reports whether a message ends by asking whether what it said is so:
// "…, is that true?", "…, right?".
func endsInClaimCheck(text string) bool {
	i := strings.LastIndexAny(text, ",.;")
	if i < 0 || len(text)-i > maxClaimCheck || !strings.HasSuffix(strings.TrimSpace(text), "?") {
		return false // (most questions: no comma near the end, nothing to lower-case)
	}
	tail := strings.Fields(strings.ToLower(strings.Trim(text[i+1:], " ?!")))
	return checksClaim(tail) || len(tail) == 1 && (claimWords[tail[0]] || tagWords[tail[0]])
}
