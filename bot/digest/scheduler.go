package digest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"regexp"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/azchina/azchina/bot"
)

// Poster posts a digest to its channel. The chat adapters implement it; a Poster must be
// safe for concurrent use.
type Poster interface {
	PostDigest(ctx context.Context, d Digest) error
}

// Posters posts each digest with the Poster of its channel's platform.
type Posters map[bot.Platform]Poster

// PostDigest posts d with the Poster of d's platform, and fails when there is none.
func (p Posters) PostDigest(ctx context.Context, d Digest) error {
	poster, ok := p[d.Channel.Platform]
	if !ok || poster == nil {
		return fmt.Errorf("no %s connection to post with", d.Channel.Platform)
	}
	return poster.PostDigest(ctx, d)
}

// Defaults for a Scheduler.
const (
	// DefaultCatchUp is how late a digest may still go out: after a restart, after
	// failed sends.
	DefaultCatchUp = 6 * time.Hour
	// DefaultLease is how long a claim is its scheduler's alone. It must be longer than
	// a send may take.
	DefaultLease = 10 * time.Minute
	// DefaultSendTimeout is how long one send may take; it is cut to half the lease when
	// that is shorter.
	DefaultSendTimeout = 2 * time.Minute
	// DefaultPoll is the longest the scheduler sleeps: it sees schedules other
	// processes set within this time.
	DefaultPoll = time.Minute
)

// Backoff says when a failed send is tried again: First after the first failure, twice
// as long after each further one up to Max, and Attempts sends in all.
type Backoff struct {
	First    time.Duration
	Max      time.Duration
	Attempts int
}

// DefaultBackoff tries five times in about a quarter of an hour.
var DefaultBackoff = Backoff{First: time.Minute, Max: 30 * time.Minute, Attempts: 5}

// After returns the wait after the attempt-th send failed, and false when that was the
// last attempt.
func (b Backoff) After(attempt int) (time.Duration, bool) {
	if attempt >= b.Attempts {
		return 0, false
	}
	wait := b.First
	for i := 1; i < attempt && wait < b.Max; i++ {
		wait *= 2
	}
	return min(wait, b.Max), true
}

// Scheduler posts each scheduled channel's digest once per local day, and answers the
// /digest command. Its state is the Store's, so that several schedulers (processes) may
// share one database. It is safe for concurrent use.
type Scheduler struct {
	store       Store
	composer    atomic.Pointer[Composer]
	poster      Poster
	now         func() time.Time
	owner       string
	catchUp     time.Duration
	lease       time.Duration
	sendTimeout time.Duration
	poll        time.Duration
	backoff     Backoff
	log         *slog.Logger
	observer    Observer
	wake        chan struct{}
	mu          sync.Mutex // guards zones
	zones       map[string]*time.Location
}

// Option configures a Scheduler.
type Option func(*Scheduler)

// WithClock sets the clock; tests inject their own.
func WithClock(now func() time.Time) Option { return func(s *Scheduler) { s.now = now } }

// WithCatchUp sets how late a digest may still go out (DefaultCatchUp); at most a day.
func WithCatchUp(d time.Duration) Option { return func(s *Scheduler) { s.catchUp = d } }

// WithLease sets how long a claim is its scheduler's alone (DefaultLease).
func WithLease(d time.Duration) Option { return func(s *Scheduler) { s.lease = d } }

// WithPoll sets the longest the scheduler sleeps (DefaultPoll).
func WithPoll(d time.Duration) Option { return func(s *Scheduler) { s.poll = d } }

// WithBackoff sets how failed sends are retried (DefaultBackoff).
func WithBackoff(b Backoff) Option { return func(s *Scheduler) { s.backoff = b } }

// WithOwner names the scheduler in its claims; by default host, process and a random
// part, unique per Scheduler.
func WithOwner(name string) Option { return func(s *Scheduler) { s.owner = name } }

// WithLogger sets the logger.
func WithLogger(l *slog.Logger) Option { return func(s *Scheduler) { s.log = l } }

// Observer is told of every digest posted (once per channel and day, not per attempt);
// *ops.Metrics is one. It must be safe for concurrent use.
type Observer interface {
	DigestPosted(platform string)
}

type noObserver struct{}

func (noObserver) DigestPosted(string) {}

// WithObserver tells o of every digest posted.
func WithObserver(o Observer) Option { return func(s *Scheduler) { s.observer = o } }

// New returns a Scheduler keeping its state in st, composing digests from k and posting
// them with p (nil: every post fails, which suits previews).
func New(st Store, k Knowledge, p Poster, opts ...Option) *Scheduler {
	s := &Scheduler{
		store: st, poster: p, now: time.Now,
		catchUp: DefaultCatchUp, lease: DefaultLease, sendTimeout: DefaultSendTimeout, poll: DefaultPoll,
		backoff: DefaultBackoff, log: slog.Default(), observer: noObserver{}, wake: make(chan struct{}, 1),
		zones: map[string]*time.Location{},
	}
	for _, o := range opts {
		o(s)
	}
	s.Refresh(k)
	if s.poster == nil {
		s.poster = Posters{}
	}
	if s.owner == "" {
		s.owner = defaultOwner()
	}
	if s.sendTimeout >= s.lease {
		s.sendTimeout = s.lease / 2
	}
	s.backoff.Attempts = max(1, s.backoff.Attempts)
	// A pass looks back one day for digests still owed.
	s.catchUp = min(s.catchUp, 24*time.Hour)
	return s
}

// Refresh composes digests from k from now on: the articles were reloaded. Each
// channel's rotation carries on; facts that are new join its current cycle, and facts
// that are gone are no longer posted.
func (s *Scheduler) Refresh(k Knowledge) { s.composer.Store(NewComposer(k)) }

func defaultOwner() string {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(b))
}

// Name names the scheduler among the things serve runs.
func (s *Scheduler) Name() string { return "digest" }

// Run posts digests as they fall due until ctx ends; it returns nil then. Errors of single
// passes are logged and do not stop it.
func (s *Scheduler) Run(ctx context.Context) error {
	s.log.Info("digest scheduler started", "owner", s.owner)
	defer s.log.Info("digest scheduler stopped")
	for {
		next, err := s.Tick(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			s.log.Error("digest pass failed", "err", redact(err.Error()))
		}
		wait := min(max(next.Sub(s.now()), time.Second), s.poll)
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil
		case <-timer.C:
		case <-s.wake:
			timer.Stop()
		}
	}
}

// nudge wakes Run to look at the schedules again.
func (s *Scheduler) nudge() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Tick does what is due at the clock's now: it posts the digests that fell due within the
// catch-up window and are not claimed yet, records as Skipped those that fell due before
// it, retries failed sends whose time has come and takes over claims whose lease ran out.
// It returns when it next has something to do (at most the poll interval ahead) and the
// errors of the channels that failed; one channel failing does not stop the others.
func (s *Scheduler) Tick(ctx context.Context) (time.Time, error) {
	now := s.now()
	next := now.Add(s.poll)
	soonest := func(t time.Time) {
		if !t.IsZero() && t.Before(next) {
			next = t
		}
	}
	schedules, err := s.store.Schedules(ctx)
	if err != nil {
		return next, err
	}
	var errs []error
	for _, sc := range schedules {
		t, err := s.tickSchedule(ctx, sc, now)
		soonest(t)
		errs = append(errs, err)
	}
	unfinished, err := s.store.Unfinished(ctx)
	if err != nil {
		return next, errors.Join(append(errs, err)...)
	}
	for _, p := range unfinished {
		t, err := s.tickUnfinished(ctx, p, now)
		soonest(t)
		errs = append(errs, err)
	}
	return next, errors.Join(errs...)
}

// tickSchedule handles yesterday's and today's digest of one schedule, and returns when
// the next one is due.
func (s *Scheduler) tickSchedule(ctx context.Context, sc Schedule, now time.Time) (time.Time, error) {
	loc, err := s.zone(sc.Zone)
	if err != nil {
		return time.Time{}, fmt.Errorf("schedule of %s: %w", sc.Channel, err)
	}
	// The catch-up window is shorter than a day, so only yesterday's digest can still be
	// owed besides today's.
	today := DayOf(now.In(loc))
	for _, day := range []Day{today.AddDays(-1), today} {
		due := Due(day, sc.At, loc)
		if due.After(now) || due.Before(sc.Since) {
			continue
		}
		k := PostKey{Channel: sc.Channel, Day: day}
		if _, err := s.store.Post(ctx, k); err == nil {
			continue
		} else if !errors.Is(err, ErrNotFound) {
			return time.Time{}, err
		}
		if now.Sub(due) >= s.catchUp {
			msg := fmt.Sprintf("not posted: the bot was not running from %s until after the %s catch-up window", due.Format("15:04 MST"), hours(s.catchUp))
			if _, err := s.store.Claim(ctx, Post{PostKey: k, Count: sc.Count, Due: due, State: Skipped, LastError: msg, Updated: now}); err != nil {
				return time.Time{}, err
			}
			s.log.Warn("digest skipped", "chat", sc.Channel.String(), "day", day.String(), "due", due)
			continue
		}
		p := Post{PostKey: k, Count: sc.Count, Due: due, State: Claimed, Owner: s.owner, Attempts: 1,
			LeaseUntil: now.Add(s.lease), Updated: now}
		ok, err := s.store.Claim(ctx, p)
		if err != nil {
			return time.Time{}, err
		}
		if ok {
			if err := s.sendScheduled(ctx, p); err != nil {
				return time.Time{}, err
			}
		}
	}
	_, due := NextDue(sc, loc, now)
	return due, nil
}

// tickUnfinished retries a failed send whose time has come, takes over a claim whose
// lease ran out, or gives up on either when it is out of attempts or out of the catch-up
// window. It returns when the post next needs looking at.
func (s *Scheduler) tickUnfinished(ctx context.Context, p Post, now time.Time) (time.Time, error) {
	switch {
	case p.State == Claimed && now.Before(p.LeaseUntil):
		return p.LeaseUntil, nil
	case p.State == Retrying && now.Before(p.NextAttempt):
		return p.NextAttempt, nil
	}
	var giveUp string
	switch {
	case now.Sub(p.Due) >= s.catchUp:
		giveUp = fmt.Sprintf("gave up: not sent within the %s catch-up window", hours(s.catchUp))
	case p.Attempts >= s.backoff.Attempts:
		giveUp = fmt.Sprintf("gave up after %d attempts", p.Attempts)
	}
	if giveUp != "" {
		if p.State == Claimed {
			giveUp += " (the bot stopped while sending)"
		}
		ok, err := s.store.Expire(ctx, p.PostKey, now, giveUp)
		if ok {
			s.log.Error("digest not posted", "chat", p.Channel.String(), "day", p.Day.String(), "reason", giveUp)
		}
		return time.Time{}, err
	}
	ok, err := s.store.Reclaim(ctx, p.PostKey, s.owner, now, now.Add(s.lease), false)
	if err != nil || !ok {
		return time.Time{}, err
	}
	if p.State == Claimed {
		s.log.Warn("taking over a digest claim whose lease ran out", "chat", p.Channel.String(), "day", p.Day.String(), "from", p.Owner)
	}
	p.State, p.Owner, p.Attempts, p.LeaseUntil = Claimed, s.owner, p.Attempts+1, now.Add(s.lease)
	return time.Time{}, s.sendScheduled(ctx, p)
}

// sendScheduled is send for the schedule: a failed send is recorded and logged, and
// needs no more handling.
func (s *Scheduler) sendScheduled(ctx context.Context, p Post) error {
	_, err := s.send(ctx, p)
	if errors.As(err, new(*SendError)) {
		return nil
	}
	return err
}

// send composes and posts the digest of a post this scheduler has claimed, and records
// the outcome. A failed send is recorded (Retrying or Failed) and returned as a SendError;
// other errors are the store's.
func (s *Scheduler) send(ctx context.Context, p Post) (Digest, error) {
	d, err := s.Preview(ctx, p.Channel, p.Day, p.Count)
	if err != nil {
		return d, err
	}
	if len(d.Items) == 0 {
		err = errors.New("no facts to post")
	} else {
		err = s.post(ctx, d)
	}
	at := s.now()
	if err == nil {
		ok, err := s.store.MarkSent(context.WithoutCancel(ctx), p.PostKey, s.owner, at, d.Rotated())
		if err != nil {
			return d, err
		}
		if !ok {
			s.log.Error("digest sent after another scheduler took the claim over: the day may have been posted twice",
				"chat", p.Channel.String(), "day", p.Day.String())
		} else {
			s.observer.DigestPosted(string(p.Channel.Platform))
			s.log.Info("digest posted", "chat", p.Channel.String(), "day", p.Day.String(), "facts", len(d.Items), "attempt", p.Attempts)
		}
		return d, nil
	}
	msg := redact(err.Error())
	var retryAt time.Time
	if ctx.Err() != nil {
		// Stopping: hand the day back at once rather than after the lease.
		msg, retryAt = "interrupted: the bot stopped while sending", at
	} else if wait, ok := s.backoff.After(p.Attempts); ok && at.Add(wait).Sub(p.Due) < s.catchUp {
		retryAt = at.Add(wait)
	}
	mctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if _, err := s.store.MarkFailed(mctx, p.PostKey, s.owner, at, msg, retryAt); err != nil {
		return d, err
	}
	s.log.Error("digest not posted", "chat", p.Channel.String(), "day", p.Day.String(), "attempt", p.Attempts, "err", msg, "retry_at", retryAt)
	return d, &SendError{Msg: msg, RetryAt: retryAt}
}

// post calls the Poster with the send timeout; a Poster that panics fails the send
// instead of the process.
func (s *Scheduler) post(ctx context.Context, d Digest) (err error) {
	ctx, cancel := context.WithTimeout(ctx, s.sendTimeout)
	defer cancel()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("post digest: panic: %v", r)
		}
	}()
	if err := s.poster.PostDigest(ctx, d); err != nil {
		return fmt.Errorf("post digest: %w", err)
	}
	return nil
}

// SendError is a send that failed; it was recorded, and will be retried at RetryAt unless
// that is zero.
type SendError struct {
	Msg     string
	RetryAt time.Time
}

// Error returns what went wrong, tokens removed.
func (e *SendError) Error() string { return e.Msg }

// Preview returns the digest the channel gets on day with count facts: the one that is
// posted, as long as nothing is posted there on an earlier day in between.
func (s *Scheduler) Preview(ctx context.Context, ch Channel, day Day, count int) (Digest, error) {
	rot, err := s.store.Rotation(ctx, ch, day)
	if err != nil {
		return Digest{}, err
	}
	return s.composer.Load().Compose(ch, day, count, rot), nil
}

// Plan is what "today" means for a channel: its local day and how many facts it gets.
type Plan struct {
	Day      Day
	Count    int
	Zone     *time.Location
	Schedule *Schedule // nil when the channel has none
}

// Today returns the channel's plan for the clock's now: the day in its schedule's zone
// (UTC when it has none) and the schedule's count (DefaultCount when it has none).
func (s *Scheduler) Today(ctx context.Context, ch Channel) (Plan, error) {
	plan := Plan{Count: DefaultCount, Zone: time.UTC}
	sc, err := s.store.Schedule(ctx, ch)
	switch {
	case err == nil:
		plan.Schedule, plan.Count = &sc, sc.Count
		if plan.Zone, err = s.zone(sc.Zone); err != nil {
			return plan, err
		}
	case !errors.Is(err, ErrNotFound):
		return plan, err
	}
	plan.Day = DayOf(s.now().In(plan.Zone))
	return plan, nil
}

// AlreadyError is PostNow's answer when the day is taken: sent, or being sent.
type AlreadyError struct{ Post Post }

// Error says which post took the day and how it stands.
func (e *AlreadyError) Error() string {
	return fmt.Sprintf("the digest of %s for %s is %s", e.Post.Channel, e.Post.Day, e.Post.State)
}

// PostNow posts the channel's digest of today, now: it claims the day like the schedule
// does, so the day gets one digest either way. A day whose digest failed or was skipped
// is tried again; a day already sent or being sent is an AlreadyError. A failed send is
// a SendError and retried like a scheduled one.
func (s *Scheduler) PostNow(ctx context.Context, ch Channel) (Digest, error) {
	plan, err := s.Today(ctx, ch)
	if err != nil {
		return Digest{}, err
	}
	now := s.now()
	p := Post{PostKey: PostKey{Channel: ch, Day: plan.Day}, Count: plan.Count, Due: now, State: Claimed,
		Owner: s.owner, Attempts: 1, LeaseUntil: now.Add(s.lease), Updated: now}
	ok, err := s.store.Claim(ctx, p)
	if err != nil {
		return Digest{}, err
	}
	if !ok {
		if ok, err = s.store.Reclaim(ctx, p.PostKey, s.owner, now, now.Add(s.lease), true); err != nil {
			return Digest{}, err
		}
		existing, err := s.store.Post(ctx, p.PostKey)
		if err != nil {
			return Digest{}, err
		}
		if !ok {
			return Digest{}, &AlreadyError{Post: existing}
		}
		p = existing
	}
	return s.send(ctx, p)
}

// SetSchedule validates and saves a channel's schedule, enabled from the clock's now, and
// returns it with when it is next due.
func (s *Scheduler) SetSchedule(ctx context.Context, sc Schedule) (Schedule, time.Time, error) {
	loc, err := s.zone(sc.Zone)
	if err != nil {
		return sc, time.Time{}, err
	}
	if sc.Count < 1 || sc.Count > MaxCount {
		return sc, time.Time{}, fmt.Errorf("count %d: want 1 to %d", sc.Count, MaxCount)
	}
	sc.Enabled, sc.Since = true, s.now()
	if err := s.store.SaveSchedule(ctx, sc); err != nil {
		return sc, time.Time{}, err
	}
	s.nudge()
	_, due := NextDue(sc, loc, sc.Since)
	return sc, due, nil
}

// Stop disables the channel's schedule and reports whether it had one enabled.
func (s *Scheduler) Stop(ctx context.Context, ch Channel) (bool, error) {
	sc, err := s.store.Schedule(ctx, ch)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil || !sc.Enabled {
		return false, err
	}
	sc.Enabled = false
	if err := s.store.SaveSchedule(ctx, sc); err != nil {
		return false, err
	}
	s.nudge()
	return true, nil
}

// Status is a channel's digest as /digest status shows it.
type Status struct {
	Schedule *Schedule // nil when the channel never had one
	Zone     *time.Location
	Next     time.Time // when the next digest is due; zero when none is scheduled
	Posts    []Post    // the latest, newest first
}

// Status returns the channel's schedule, when its next digest is due and its latest posts.
func (s *Scheduler) Status(ctx context.Context, ch Channel) (Status, error) {
	plan, err := s.Today(ctx, ch)
	if err != nil {
		return Status{}, err
	}
	st := Status{Schedule: plan.Schedule, Zone: plan.Zone}
	if st.Posts, err = s.store.Posts(ctx, ch, 5); err != nil {
		return st, err
	}
	if sc := plan.Schedule; sc != nil && sc.Enabled {
		now := s.now()
		day, due := NextDue(*sc, plan.Zone, now)
		if _, err := s.store.Post(ctx, PostKey{Channel: ch, Day: day}); err == nil {
			due = Due(day.AddDays(1), sc.At, plan.Zone) // today's went out early: /digest now
		} else if !errors.Is(err, ErrNotFound) {
			return st, err
		}
		st.Next = due
	}
	return st, nil
}

// zone loads an IANA zone once.
func (s *Scheduler) zone(name string) (*time.Location, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if loc, ok := s.zones[name]; ok {
		return loc, nil
	}
	loc, err := LoadZone(name)
	if err != nil {
		return nil, err
	}
	s.zones[name] = loc
	return loc, nil
}

// tokenLike matches Telegram bot tokens ("123456:AA…") and Discord tokens (three
// base64url parts), which HTTP errors carry in the URLs they quote.
var tokenLike = regexp.MustCompile(`\d{5,}:[A-Za-z0-9_-]{30,}|[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{25,}`)

// redact makes an error fit to store and show: tokens removed, at most 300 characters.
func redact(msg string) string {
	msg = tokenLike.ReplaceAllString(msg, "[redacted]")
	if utf8.RuneCountInString(msg) > 300 {
		msg = string([]rune(msg)[:300]) + "…"
	}
	return msg
}

// hours writes a window as "6h" or "90m".
func hours(d time.Duration) string {
	if d%time.Hour == 0 {
		return fmt.Sprintf("%dh", d/time.Hour)
	}
	return fmt.Sprintf("%dm", d/time.Minute)
}
