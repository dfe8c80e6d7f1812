package knowledge

import (
	"sort"
	"strings"
)

// Event is a dated fact of the timeline.
type Event struct {
	Date   string // resolved: "2025-04-23", "2024-07" or "1992"
	When   string // for a reader: "23 April 2025"
	Phrase string // how the article put it: "in 1992", "last July"
	Answer Answer // the fact quoted with its citation
}

// Timeline returns the dated events the articles tell of, in date order: one event per
// date, from the sentence that names that date most plainly, each cited. Relative dates
// ("last July") are resolved against their article's date; a bare year inside a name (the
// "2030 Strategy") is no event.
func (e *Engine) Timeline() []Event {
	best := map[string]*Fact{}
	phrase := map[string]string{}
	for i := range e.facts {
		f := &e.facts[i]
		if f.Kind != Body {
			continue
		}
		for _, d := range f.Dates {
			if isNumberTerm(d.Phrase) || strings.HasPrefix(d.Value, "--") || strings.EqualFold(d.Phrase, "today") {
				// A bare year may be a name's ("the 2030 Strategy"); a day without a year
				// has no place; "today" is when something was said, not an event.
				continue
			}
			cur, ok := best[d.Value]
			// Prefer an explicit date to a relative one, then the shorter sentence.
			if !ok || (isRelative(cur, d.Value) && !d.Relative) || (isRelative(cur, d.Value) == d.Relative && len(f.Text) < len(cur.Text)) {
				best[d.Value] = f
				phrase[d.Value] = d.Phrase
			}
		}
	}
	out := make([]Event, 0, len(best))
	for date, f := range best {
		out = append(out, Event{Date: date, When: humanDate(date), Phrase: phrase[date], Answer: e.AnswerFact(*f)})
	}
	sort.Slice(out, func(i, j int) bool {
		// "2025" sorts before "2025-04": a year is placed at its start.
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].Answer.Citations[0].Source < out[j].Answer.Citations[0].Source
	})
	return out
}

func isRelative(f *Fact, value string) bool {
	for _, d := range f.Dates {
		if d.Value == value {
			return d.Relative
		}
	}
	return false
}
