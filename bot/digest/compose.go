package digest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/knowledge"
)

// Knowledge is what digests need of the knowledge engine.
type Knowledge interface {
	Facts() []knowledge.Fact
	AnswerFact(f knowledge.Fact) knowledge.Answer
}

var _ Knowledge = (*knowledge.Engine)(nil)

// minWords keeps fragments out of digests: datelines ("BAKU, Azerbaijan, April 28.")
// and the like make no sense on their own.
const minWords = 6

// Composer picks the facts of each channel's digest. It is built once and then read-only:
// safe for concurrent use.
type Composer struct {
	facts []candidate // sorted by key
}

// candidate is a fact that may go into a digest.
type candidate struct {
	key    string
	intent string
	answer knowledge.Answer
}

// NewComposer returns a Composer over the facts of k that read well on their own: not
// fragments, not sentences that only introduce a list.
func NewComposer(k Knowledge) *Composer {
	c := &Composer{}
	for _, f := range k.Facts() {
		if f.Introduces || len(strings.Fields(f.Text)) < minWords {
			continue
		}
		a := k.AnswerFact(f)
		if !a.Answered || len(a.Citations) != 1 {
			continue
		}
		intent := ""
		if len(f.Intents) > 0 {
			intent = f.Intents[0]
		}
		c.facts = append(c.facts, candidate{key: FactKey(f), intent: intent, answer: a})
	}
	sort.Slice(c.facts, func(i, j int) bool { return c.facts[i].key < c.facts[j].key })
	return c
}

// Len returns how many facts rotate: a cycle posts each of them once.
func (c *Composer) Len() int { return len(c.facts) }

// FactKey names a fact across restarts and reloads: its article and a hash of its text,
// so that a rotation survives articles being added.
func FactKey(f knowledge.Fact) string {
	sum := sha256.Sum256([]byte(f.Text))
	return f.Source + "#" + hex.EncodeToString(sum[:6])
}

// Item is one fact of a digest.
type Item struct {
	Fact   string           // FactKey
	Cycle  int              // the rotation cycle it counts in
	Answer knowledge.Answer // the fact for a reader, with its one citation
}

// Digest is one channel's facts of one day.
type Digest struct {
	Channel Channel
	Day     Day
	Title   string
	Items   []Item
}

// Key names the digest of this channel and day, the same on every attempt: an idempotency
// key for platforms that can drop a repeated send.
func (d Digest) Key() string { return "digest:" + d.Channel.String() + ":" + d.Day.String() }

// Rotated returns the facts of the digest as the rotation records them.
func (d Digest) Rotated() []Rotated {
	out := make([]Rotated, len(d.Items))
	for i, it := range d.Items {
		out[i] = Rotated{Fact: it.Fact, Cycle: it.Cycle}
	}
	return out
}

// Reply returns the digest as the router's reply: an answer whose text lists the facts,
// each marked with the number of its citation.
func (d Digest) Reply() bot.Reply {
	if len(d.Items) == 0 {
		return bot.Reply{Kind: bot.NoticeReply, Title: d.Title, Text: "I have no facts to post yet."}
	}
	a := knowledge.Answer{Answered: true, Confidence: 1}
	lines := make([]string, len(d.Items))
	for i, it := range d.Items {
		text := strings.TrimSuffix(it.Answer.Text, " [1]")
		lines[i] = fmt.Sprintf("• %s [%d]", text, i+1)
		a.Citations = append(a.Citations, it.Answer.Citations[0])
	}
	a.Text = strings.Join(lines, "\n\n")
	return bot.Reply{Kind: bot.AnswerReply, Title: d.Title, Answer: &a}
}

// Text returns the digest as plain text.
func (d Digest) Text() string { return bot.PlainText(d.Reply()) }

// Compose picks count facts (at most MaxCount) for a channel's day, given the channel's
// rotation before that day. The result depends on nothing else, so that a preview is what
// gets posted.
//
// Facts are taken in an order shuffled for the channel and cycle, from different intents
// where the facts the cycle has left allow. When the cycle runs out, the digest is filled
// from the next one.
func (c *Composer) Compose(ch Channel, day Day, count int, rot Rotation) Digest {
	count = max(1, min(count, MaxCount))
	d := Digest{Channel: ch, Day: day, Title: "Azerbaijan–China: facts for " + day.Long()}
	picked := map[string]bool{}
	intents := map[string]bool{}
	fill := func(cycle int, used map[string]bool) {
		order := c.order(ch, cycle)
		for pass := 0; pass < 2; pass++ {
			for _, i := range order {
				if len(d.Items) == count {
					return
				}
				f := c.facts[i]
				if used[f.key] || picked[f.key] || (pass == 0 && intents[f.intent]) {
					continue
				}
				d.Items = append(d.Items, Item{Fact: f.key, Cycle: cycle, Answer: f.answer})
				picked[f.key], intents[f.intent] = true, true
			}
		}
	}
	fill(rot.Cycle, rot.Used)
	if len(d.Items) < count {
		fill(rot.Cycle+1, nil)
	}
	return d
}

// order returns the facts' indexes shuffled for a channel's cycle: sorted by a hash of
// channel, cycle and fact, which stays the same across restarts and Go releases.
func (c *Composer) order(ch Channel, cycle int) []int {
	type keyed struct {
		i int
		h uint64
	}
	ks := make([]keyed, len(c.facts))
	for i, f := range c.facts {
		h := fnv.New64a()
		fmt.Fprintf(h, "%s\x00%d\x00%s", ch, cycle, f.key)
		ks[i] = keyed{i, h.Sum64()}
	}
	sort.Slice(ks, func(a, b int) bool { return ks[a].h < ks[b].h || ks[a].h == ks[b].h && ks[a].i < ks[b].i })
	out := make([]int, len(ks))
	for i, k := range ks {
		out[i] = k.i
	}
	return out
}
