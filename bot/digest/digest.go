package digest

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/azchina/azchina/bot"
)

// Digest sizes.
const (
	DefaultCount = 3  // facts in a digest when the schedule does not say
	MaxCount     = 10 // facts a digest may hold at most
)

// Channel is a chat digests go to: a Telegram group or a Discord channel.
type Channel struct {
	Platform bot.Platform
	ChatID   string
}

// ChannelOf returns the channel a message was written in.
func ChannelOf(m bot.Message) Channel { return Channel{Platform: m.Platform, ChatID: m.ChatID} }

// String returns "platform:chat", the form ParseChannel reads.
func (c Channel) String() string { return string(c.Platform) + ":" + c.ChatID }

// ParseChannel reads "telegram:-1001234" or "discord:987654321".
func ParseChannel(s string) (Channel, error) {
	p, chat, ok := strings.Cut(s, ":")
	if !ok || p == "" || chat == "" {
		return Channel{}, fmt.Errorf("chat %q: want platform:id, such as telegram:-1001234 or discord:987654321", s)
	}
	return Channel{Platform: bot.Platform(strings.ToLower(p)), ChatID: chat}, nil
}

// Day is a calendar date, as a schedule's zone sees it. The zero Day is not a date.
type Day struct {
	year  int
	month time.Month
	day   int
}

// DayOf returns the date of t in t's location.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return Day{y, m, d}
}

// ParseDay reads "2006-01-02".
func ParseDay(s string) (Day, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Day{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return DayOf(t), nil
}

// String returns the date as "2006-01-02".
func (d Day) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day) }

// AddDays returns the date n days later (earlier when n is negative).
func (d Day) AddDays(n int) Day { return DayOf(d.midnight(time.UTC).AddDate(0, 0, n)) }

// Before reports whether d comes before e.
func (d Day) Before(e Day) bool { return d.String() < e.String() }

// IsZero reports whether d is the zero Day.
func (d Day) IsZero() bool { return d == Day{} }

// Long returns the date for a reader: "Sunday, 29 March 2026".
func (d Day) Long() string { return d.midnight(time.UTC).Format("Monday, 2 January 2006") }

func (d Day) midnight(loc *time.Location) time.Time {
	return time.Date(d.year, d.month, d.day, 0, 0, 0, 0, loc)
}

// TimeOfDay is a wall-clock time to the minute.
type TimeOfDay struct {
	Hour, Minute int
}

// ParseTimeOfDay reads "09:00" or "9:00", from 00:00 to 23:59.
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	h, m, ok := strings.Cut(s, ":")
	if ok && len(h) >= 1 && len(h) <= 2 && len(m) == 2 && digits(h) && digits(m) {
		hour, _ := strconv.Atoi(h)
		minute, _ := strconv.Atoi(m)
		if hour < 24 && minute < 60 {
			return TimeOfDay{hour, minute}, nil
		}
	}
	return TimeOfDay{}, fmt.Errorf("time %q: want HH:MM from 00:00 to 23:59", s)
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// String returns "09:00".
func (t TimeOfDay) String() string { return fmt.Sprintf("%02d:%02d", t.Hour, t.Minute) }

// LoadZone returns the time zone with an IANA name such as "Asia/Baku". Unlike time.LoadLocation it refuses ""
// and "Local", which would mean the server's own zone rather than the chat's.
func LoadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("time zone %q: want an IANA name such as Asia/Baku", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("time zone %q: %w", name, err)
	}
	return loc, nil
}

// Schedule is a channel's daily digest: Count facts every day at At in Zone.
type Schedule struct {
	Channel Channel
	At      TimeOfDay
	Zone    string // IANA name, e.g. "Asia/Baku"
	Count   int
	Enabled bool
	// Since is when the schedule was set: a time due before it is not owed, so that
	// setting 09:00 at 10:00 does not post at once.
	Since time.Time
	// SetBy names who set it, for /digest status.
	SetBy string
}

// PostState is where one channel's digest of one day stands.
type PostState string

// The states of a post. Claimed leads to Sent, Retrying or Failed; Retrying leads back
// to Claimed.
const (
	Claimed  PostState = "claimed"  // a scheduler is sending it
	Sent     PostState = "sent"     // the platform accepted it
	Retrying PostState = "retrying" // a send failed; it is tried again at NextAttempt
	Failed   PostState = "failed"   // given up: out of attempts or out of the catch-up window
	Skipped  PostState = "skipped"  // the bot was down at the time and past the catch-up window
)

// PostKey names one channel's digest of one local day: the unique key of a post.
type PostKey struct {
	Channel Channel
	Day     Day
}

// Post is what happened to one channel's digest of one day.
type Post struct {
	PostKey
	Count       int
	Due         time.Time // when the schedule said to post it
	State       PostState
	Owner       string // the scheduler that claimed it last
	Attempts    int    // claims so far, each one a send tried
	LastError   string
	LeaseUntil  time.Time // Claimed: when another scheduler may take the claim over
	NextAttempt time.Time // Retrying: when to try again
	SentAt      time.Time
	Updated     time.Time
}

// Rotated is a fact posted in a channel and the rotation cycle it was posted in.
type Rotated struct {
	Fact  string // Composer's key for the fact
	Cycle int
}

// Rotation is how far a channel's rotation had got before a day: the current cycle and
// the facts already posted in it.
type Rotation struct {
	Cycle int
	Used  map[string]bool
}

// ErrNotFound is returned by a Store for a schedule or post it does not hold.
var ErrNotFound = errors.New("not found")

// Store keeps schedules, posts and each channel's rotation. Implementations must be safe
// for concurrent use, also by several processes sharing the data: Claim and Reclaim
// decide between racing schedulers.
type Store interface {
	// SaveSchedule creates or replaces the channel's schedule.
	SaveSchedule(ctx context.Context, s Schedule) error
	// Schedule returns the channel's schedule, enabled or not, or ErrNotFound.
	Schedule(ctx context.Context, ch Channel) (Schedule, error)
	// Schedules returns the enabled schedules.
	Schedules(ctx context.Context) ([]Schedule, error)

	// Claim records p unless its channel's day has a post already, and reports whether it
	// did: of racing claims, exactly one wins.
	Claim(ctx context.Context, p Post) (bool, error)
	// Reclaim makes owner the claimant of a post that may be tried again at now: its
	// retry is due or its lease has run out, or, when force is set, it is Retrying,
	// Failed or Skipped, and is due now (the catch-up window starts again). It counts an
	// attempt and reports whether owner got the claim.
	Reclaim(ctx context.Context, k PostKey, owner string, now, leaseUntil time.Time, force bool) (bool, error)
	// MarkSent records that owner's claim was sent at at with facts, and adds the facts
	// to the channel's rotation. It reports false when owner no longer holds the claim.
	MarkSent(ctx context.Context, k PostKey, owner string, at time.Time, facts []Rotated) (bool, error)
	// MarkFailed records owner's failed send: Retrying at retryAt, or Failed for good
	// when retryAt is zero. It reports false when owner no longer holds the claim.
	MarkFailed(ctx context.Context, k PostKey, owner string, at time.Time, msg string, retryAt time.Time) (bool, error)
	// Expire gives up on a post nobody is sending any more (Retrying, or Claimed with its
	// lease run out at now): Failed, with msg. It reports whether it changed the post.
	Expire(ctx context.Context, k PostKey, now time.Time, msg string) (bool, error)
	// Post returns the post of a channel's day, or ErrNotFound.
	Post(ctx context.Context, k PostKey) (Post, error)
	// Posts returns the channel's latest posts, newest day first, at most limit.
	Posts(ctx context.Context, ch Channel, limit int) ([]Post, error)
	// Unfinished returns the posts of every channel that are Claimed or Retrying.
	Unfinished(ctx context.Context) ([]Post, error)
	// Rotation returns the channel's rotation as it stood before day: the latest cycle
	// posted on an earlier day and the facts posted in that cycle on earlier days.
	Rotation(ctx context.Context, ch Channel, before Day) (Rotation, error)
}
