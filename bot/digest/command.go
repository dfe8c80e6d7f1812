package digest

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/azchina/azchina/bot"
)

// Subcommands are /digest's subcommands, in menu order: Discord registers them as slash
// subcommands.
var Subcommands = []bot.CommandInfo{
	{Name: "preview", Description: "Show today's digest to you only"},
	{Name: "now", Description: "Post today's digest here now"},
	{Name: "schedule", Description: "Post a digest here every day at a local time", Args: "HH:MM Zone [count]"},
	{Name: "stop", Description: "Stop the daily digest here"},
	{Name: "status", Description: "The schedule here and how the latest digests went"},
}

// Actions of /digest.
const (
	ActionPreview  = "preview"
	ActionNow      = "now"
	ActionSchedule = "schedule"
	ActionStop     = "stop"
	ActionStatus   = "status"
)

// Request is a parsed /digest command.
type Request struct {
	Action string
	At     TimeOfDay // schedule
	Zone   string    // schedule: IANA name
	Count  int       // schedule
}

// Usage says how to use /digest.
const Usage = "Usage: /digest preview | now | schedule HH:MM Zone [count] | stop | status\n" +
	"For example: /digest schedule 09:00 Asia/Baku 3"

// RequestError is a mistake in /digest's arguments; its message is written for the user.
type RequestError struct{ Msg string }

// Error returns the message for the user.
func (e *RequestError) Error() string { return e.Msg }

func requestErr(format string, args ...any) error {
	return &RequestError{Msg: fmt.Sprintf(format, args...)}
}

// ParseRequest reads the arguments of /digest ("schedule 09:00 Asia/Baku 3"). Its errors
// are RequestErrors that say what is wrong and how to write it.
func ParseRequest(args string) (Request, error) {
	fields := strings.Fields(args)
	if len(fields) == 0 {
		return Request{}, requestErr("Tell me what to do with the digest.\n%s", Usage)
	}
	r := Request{Action: strings.ToLower(fields[0])}
	rest := fields[1:]
	switch r.Action {
	case ActionPreview, ActionNow, ActionStop, ActionStatus:
		if len(rest) > 0 {
			return Request{}, requestErr("/digest %s takes nothing after it.", r.Action)
		}
		return r, nil
	case ActionSchedule:
	default:
		return Request{}, requestErr("I don't know /digest %s.\n%s", quote(fields[0]), Usage)
	}
	if len(rest) < 2 {
		return Request{}, requestErr("Tell me when, in your time zone: /digest schedule HH:MM Zone [count], for example /digest schedule 09:00 Asia/Baku 3.")
	}
	if len(rest) > 3 {
		return Request{}, requestErr("Too much after /digest schedule: write a time, a time zone and at most a count, for example /digest schedule 09:00 Asia/Baku 3.")
	}
	var err error
	if r.At, err = ParseTimeOfDay(rest[0]); err != nil {
		return Request{}, requestErr("%s is not a time of day: write it as HH:MM from 00:00 to 23:59, for example 09:00.", quote(rest[0]))
	}
	if _, err := LoadZone(rest[1]); err != nil {
		return Request{}, requestErr("%s is not a time zone I know: write an IANA name such as Asia/Baku, Europe/Berlin or UTC.", quote(rest[1]))
	}
	r.Zone, r.Count = rest[1], DefaultCount
	if len(rest) == 3 {
		n, err := strconv.Atoi(rest[2])
		if err != nil || n < 1 || n > MaxCount {
			return Request{}, requestErr("The count is how many facts to post: a number from 1 to %d, not %s.", MaxCount, quote(rest[2]))
		}
		r.Count = n
	}
	return r, nil
}

// quote shows a piece of the user's input in a reply, cut short, as valid UTF-8 with no
// control characters: the reply goes back to the chat platform.
func quote(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '�'
		}
		return r
	}, strings.ToValidUTF8(s, "�"))
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return "“" + s + "”"
}

// what names an action for "only moderators can …".
var what = map[string]string{
	ActionPreview:  "preview the digest",
	ActionNow:      "post the digest",
	ActionSchedule: "schedule the digest",
	ActionStop:     "stop the digest",
	ActionStatus:   "see the digest's status",
}

// HandleCommand answers "/digest …" for the router: it asks the message's Moderator check
// (none means not a moderator) and then Command.
func (s *Scheduler) HandleCommand(ctx context.Context, m bot.Message, cmd bot.Command) (bot.Reply, bool) {
	moderator := false
	if m.Moderator != nil {
		var err error
		if moderator, err = m.Moderator(ctx); err != nil {
			s.log.Error("moderator check failed", "platform", m.Platform, "err", redact(err.Error()))
			return notice(m, "I could not check whether you moderate this chat. Please try again in a moment."), true
		}
	}
	return s.Command(ctx, m, cmd.Args, moderator)
}

// Command answers /digest with args in the chat of m, for a sender who moderates that
// chat or not (the caller decides who does). It reports false when there is nothing to
// reply: /digest now has posted the digest. Anyone but a moderator is refused, and bad
// arguments get a reply that says what is wrong; neither changes anything.
func (s *Scheduler) Command(ctx context.Context, m bot.Message, args string, moderator bool) (bot.Reply, bool) {
	if !moderator {
		action := "manage the digest"
		if f := strings.Fields(args); len(f) > 0 && what[strings.ToLower(f[0])] != "" {
			action = what[strings.ToLower(f[0])]
		}
		return notice(m, "Only moderators can "+action+" here."), true
	}
	req, err := ParseRequest(args)
	if err != nil {
		return notice(m, err.Error()), true
	}
	ch := ChannelOf(m)
	reply, ok, err := s.do(ctx, m, ch, req)
	if err != nil {
		s.log.Error("digest command failed", "chat", ch.String(), "action", req.Action, "err", redact(err.Error()))
		return notice(m, "Something went wrong with the digest. Please try again in a moment."), true
	}
	return reply, ok
}

func (s *Scheduler) do(ctx context.Context, m bot.Message, ch Channel, req Request) (bot.Reply, bool, error) {
	switch req.Action {
	case ActionPreview:
		plan, err := s.Today(ctx, ch)
		if err != nil {
			return bot.Reply{}, false, err
		}
		d, err := s.Preview(ctx, ch, plan.Day, plan.Count)
		if err != nil {
			return bot.Reply{}, false, err
		}
		r := d.Reply()
		r.ReplyTo, r.Private = m.MessageID, true
		return r, true, nil
	case ActionNow:
		return s.postNow(ctx, m, ch)
	case ActionSchedule:
		sc, due, err := s.SetSchedule(ctx, Schedule{Channel: ch, At: req.At, Zone: req.Zone, Count: req.Count, SetBy: m.UserName})
		if err != nil {
			return bot.Reply{}, false, err
		}
		return notice(m, fmt.Sprintf("Scheduled: %s here every day at %s (%s). The first is due %s.",
			facts(sc.Count), sc.At, sc.Zone, when(due))), true, nil
	case ActionStop:
		stopped, err := s.Stop(ctx, ch)
		if err != nil {
			return bot.Reply{}, false, err
		}
		if !stopped {
			return notice(m, "No daily digest is scheduled here."), true, nil
		}
		return notice(m, "Stopped the daily digest here. /digest schedule starts it again."), true, nil
	case ActionStatus:
		st, err := s.Status(ctx, ch)
		if err != nil {
			return bot.Reply{}, false, err
		}
		return bot.Reply{Kind: bot.ListReply, Title: "Daily digest here", Items: statusItems(st), ReplyTo: m.MessageID}, true, nil
	}
	return bot.Reply{}, false, fmt.Errorf("unknown action %q", req.Action)
}

// postNow posts today's digest at once and says how it went when it did not.
func (s *Scheduler) postNow(ctx context.Context, m bot.Message, ch Channel) (bot.Reply, bool, error) {
	plan, err := s.Today(ctx, ch)
	if err != nil {
		return bot.Reply{}, false, err
	}
	_, err = s.PostNow(ctx, ch)
	var already *AlreadyError
	var failed *SendError
	switch {
	case err == nil:
		return bot.Reply{}, false, nil
	case errors.As(err, &already):
		if already.Post.State == Sent {
			return notice(m, fmt.Sprintf("Today's digest (%s) was posted here already, %s. There is one a day.",
				already.Post.Day, when(already.Post.SentAt.In(plan.Zone)))), true, nil
		}
		return notice(m, "Today's digest is being posted here right now."), true, nil
	case errors.As(err, &failed):
		text := "I could not post the digest: " + failed.Msg + "."
		if failed.RetryAt.IsZero() {
			text += " I have given up on it for today; /digest now tries again."
		} else {
			text += " I will try again " + when(failed.RetryAt.In(plan.Zone)) + "; /digest status shows how it goes."
		}
		return notice(m, text), true, nil
	}
	return bot.Reply{}, false, err
}

func statusItems(st Status) []string {
	var items []string
	switch sc := st.Schedule; {
	case sc == nil:
		items = append(items, "Not scheduled. /digest schedule 09:00 Asia/Baku 3 posts 3 facts every day at 09:00 Baku time.")
	case !sc.Enabled:
		items = append(items, fmt.Sprintf("Stopped (was %s every day at %s, %s).", facts(sc.Count), sc.At, sc.Zone))
	default:
		line := fmt.Sprintf("Every day at %s (%s): %s", sc.At, sc.Zone, facts(sc.Count))
		if sc.SetBy != "" {
			line += ", set by " + sc.SetBy
		}
		items = append(items, line+".")
		if !st.Next.IsZero() {
			items = append(items, "Next: "+when(st.Next.In(st.Zone))+".")
		}
	}
	for _, p := range st.Posts {
		items = append(items, postLine(p, st.Zone))
	}
	return items
}

// postLine describes one day's post for /digest status.
func postLine(p Post, loc *time.Location) string {
	line := p.Day.String() + ": "
	switch p.State {
	case Sent:
		line += "posted at " + p.SentAt.In(loc).Format("15:04 MST")
		if p.Attempts > 1 {
			line += fmt.Sprintf(" (attempt %d)", p.Attempts)
		}
	case Claimed:
		line += "being posted"
	case Retrying:
		line += fmt.Sprintf("attempt %d failed (%s); next try at %s", p.Attempts, p.LastError, p.NextAttempt.In(loc).Format("15:04 MST"))
	case Failed:
		line += fmt.Sprintf("not posted after %d attempts: %s", p.Attempts, p.LastError)
	case Skipped:
		line += "skipped: " + p.LastError
	default:
		line += string(p.State)
	}
	return line
}

func facts(n int) string {
	if n == 1 {
		return "1 fact"
	}
	return fmt.Sprintf("%d facts", n)
}

// when writes an instant in its own zone: "Monday, 30 March 2026 at 09:00 +04".
func when(t time.Time) string { return t.Format("Monday, 2 January 2006 at 15:04 MST") }

func notice(m bot.Message, text string) bot.Reply {
	return bot.Reply{Kind: bot.NoticeReply, Text: text, ReplyTo: m.MessageID}
}
