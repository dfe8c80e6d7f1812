package bot

import (
	"context"
	"time"
)

// Asked is a question as the journal keeps it.
type Asked struct {
	Platform Platform
	ChatID   string
	UserID   string
	Question string
	Answered bool
	Answer   string // the answer's text, for /gaps
	At       time.Time
}

// Gap is a question moderators should know of: asked often, refused, or answered and
// voted down, with how often.
type Gap struct {
	Question string
	Answer   string // for a voted-down answer
	Count    int
}

// Gaps is what /gaps reports for one chat.
type Gaps struct {
	Asked     []Gap // asked most (at least twice), answered or not
	Refused   []Gap // refused most
	VotedDown []Gap // answers with the most down-votes
}

// Journal keeps the questions asked and the votes on answers. Implementations must be safe
// for concurrent use; store.DB is one.
type Journal interface {
	// Record keeps a question and returns its ID, which votes refer to.
	Record(ctx context.Context, a Asked) (int64, error)
	// Vote records one user's vote on an answer given on the same platform; a second vote
	// by the same user replaces the first. It reports whether there is such an answer.
	Vote(ctx context.Context, id int64, platform Platform, userID string, up bool, at time.Time) (bool, error)
	// Gaps returns one chat's questions asked most, refused most and the answers voted
	// down most since a time, at most limit of each.
	Gaps(ctx context.Context, platform Platform, chatID string, since time.Time, limit int) (Gaps, error)
}
