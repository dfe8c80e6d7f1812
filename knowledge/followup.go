package knowledge

import "strings"

// referring words stand for something said before ("who signed it?").
var referring = map[string]bool{
	"it": true, "its": true, "they": true, "them": true, "their": true, "this": true,
	"that": true, "these": true, "those": true, "he": true, "she": true, "him": true,
	"her": true, "his": true, "there": true, "then": true,
}

// continuing words open a question that goes on from the last one ("and when?").
var continuing = map[string]bool{"and": true, "also": true, "so": true, "but": true}

// maxFollowUpWords is the most content words a follow-up has of its own: a longer question
// names its topic itself.
const maxFollowUpWords = 3

// FollowUp reads question as a follow-up to previous ("What is the visa agreement about?"
// then "And when was it signed?"). When it is one, FollowUp returns the question with the
// previous question's topic words added, and true; otherwise question and false.
func (e *Engine) FollowUp(question, previous string) (string, bool) {
	if strings.TrimSpace(previous) == "" {
		return question, false
	}
	tokens := e.az.Analyze(clean(question))
	if len(tokens) == 0 {
		return question, false
	}
	refers := continuing[tokens[0].Surface] ||
		(len(tokens) > 1 && tokens[0].Surface == "what" && tokens[1].Surface == "about") ||
		(len(tokens) > 1 && tokens[0].Surface == "how" && tokens[1].Surface == "about")
	own := 0
	for _, t := range tokens {
		if referring[t.Surface] {
			refers = true
		}
		if !t.Stop && !markedFrameWords.holds(t) {
			own++
		}
	}
	if !refers || own > maxFollowUpWords {
		return question, false
	}
	var topic []string
	for _, t := range e.az.Analyze(clean(previous)) {
		if !t.Stop && !markedFrameWords.holds(t) {
			topic = append(topic, t.Surface)
		}
	}
	if len(topic) == 0 {
		return question, false
	}
	return strings.TrimSpace(question) + " (" + strings.Join(topic, " ") + ")", true
}
