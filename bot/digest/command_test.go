package digest_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

func TestParseRequest(t *testing.T) {
	tests := []struct {
		name, args string
		want       digest.Request
		err        string // a part of the message; "" when it parses
	}{
		{"preview", "preview", digest.Request{Action: "preview"}, ""},
		{"upper case", "NOW", digest.Request{Action: "now"}, ""},
		{"stop", "stop", digest.Request{Action: "stop"}, ""},
		{"status", " status ", digest.Request{Action: "status"}, ""},
		{"schedule", "schedule 09:00 Asia/Baku", digest.Request{Action: "schedule", At: digest.TimeOfDay{Hour: 9}, Zone: "Asia/Baku", Count: 3}, ""},
		{"schedule with count", "schedule 7:45 Europe/Berlin 10", digest.Request{Action: "schedule", At: digest.TimeOfDay{Hour: 7, Minute: 45}, Zone: "Europe/Berlin", Count: 10}, ""},
		{"schedule UTC", "schedule 23:59 UTC 1", digest.Request{Action: "schedule", At: digest.TimeOfDay{Hour: 23, Minute: 59}, Zone: "UTC", Count: 1}, ""},
		{"no arguments", "", digest.Request{}, "Tell me what to do with the digest.\nUsage: /digest preview | now | schedule HH:MM Zone [count] | stop | status"},
		{"unknown", "frobnicate", digest.Request{}, "I don't know /digest “frobnicate”."},
		{"arguments to preview", "preview tomorrow", digest.Request{}, "/digest preview takes nothing after it."},
		{"schedule alone", "schedule", digest.Request{}, "Tell me when, in your time zone: /digest schedule HH:MM Zone [count]"},
		{"no zone", "schedule 09:00", digest.Request{}, "Tell me when"},
		{"25:00", "schedule 25:00 Asia/Baku", digest.Request{}, "“25:00” is not a time of day: write it as HH:MM from 00:00 to 23:59"},
		{"24:00", "schedule 24:00 UTC", digest.Request{}, "“24:00” is not a time of day"},
		{"9am", "schedule 9am UTC", digest.Request{}, "“9am” is not a time of day"},
		{"Mars/Olympus", "schedule 09:00 Mars/Olympus", digest.Request{}, "“Mars/Olympus” is not a time zone I know: write an IANA name such as Asia/Baku"},
		{"Local", "schedule 09:00 Local", digest.Request{}, "“Local” is not a time zone I know"},
		{"a path", "schedule 09:00 ../../etc/passwd", digest.Request{}, "“../../etc/passwd” is not a time zone I know"},
		{"count 0", "schedule 09:00 Asia/Baku 0", digest.Request{}, "The count is how many facts to post: a number from 1 to 10, not “0”."},
		{"count 1000", "schedule 09:00 Asia/Baku 1000", digest.Request{}, "not “1000”"},
		{"count 11", "schedule 09:00 Asia/Baku 11", digest.Request{}, "not “11”"},
		{"count -1", "schedule 09:00 Asia/Baku -1", digest.Request{}, "not “-1”"},
		{"count word", "schedule 09:00 Asia/Baku three", digest.Request{}, "not “three”"},
		{"too much", "schedule 09:00 Asia/Baku 3 daily", digest.Request{}, "Too much after /digest schedule"},
		{"long input is cut", "schedule 09:00 " + strings.Repeat("Z", 60), digest.Request{}, "“" + strings.Repeat("Z", 40) + "…” is not a time zone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := digest.ParseRequest(tt.args)
			if tt.err == "" {
				require.NoError(t, err)
				assert.Equal(t, tt.want, got)
				return
			}
			var re *digest.RequestError
			require.True(t, errors.As(err, &re), "%v", err)
			assert.Contains(t, err.Error(), tt.err)
		})
	}
}

// nothingStored asserts the chat has no schedule and no posts.
func nothingStored(t *testing.T, s *digest.Scheduler, p *poster) {
	t.Helper()
	st, err := s.Status(ctx, tgChat)
	require.NoError(t, err)
	assert.Nil(t, st.Schedule, "no schedule")
	assert.Empty(t, st.Posts, "no posts")
	assert.Zero(t, p.Calls(), "nothing sent")
}

func TestBadInputStoresNothing(t *testing.T) {
	c := newClock(time.Date(2026, 3, 29, 8, 0, 0, 0, time.UTC))
	p := &poster{}
	s := newScheduler(t, dbPath(t), c, p)
	for _, args := range []string{"", "schedule", "schedule 25:00 Asia/Baku", "schedule 09:00 Mars/Olympus",
		"schedule 09:00 Asia/Baku 0", "schedule 09:00 Asia/Baku 1000", "schedule 09:00 Asia/Baku 3 x", "now please", "stop it", "nonsense"} {
		r, ok := s.Command(ctx, moderator("/digest "+args), args, true)
		require.True(t, ok, args)
		assert.Equal(t, bot.NoticeReply, r.Kind, args)
		assert.Equal(t, "9", r.ReplyTo)
		assert.NotContains(t, r.Text, "went wrong", "%q gets a reply about the input", args)
		nothingStored(t, s, p)
	}

	schedule(t, s, "schedule 09:00 Asia/Baku 3")
	for _, args := range []string{"schedule 25:00 UTC", "schedule 10:00 Mars/Olympus", "schedule 10:00 UTC 0"} {
		s.Command(ctx, moderator("/digest "+args), args, true)
		st, err := s.Status(ctx, tgChat)
		require.NoError(t, err)
		assert.Equal(t, "09:00 Asia/Baku 3", fmt.Sprint(st.Schedule.At, " ", st.Schedule.Zone, " ", st.Schedule.Count), "%q leaves the schedule as it was", args)
	}
}

func TestOnlyModerators(t *testing.T) {
	c := newClock(time.Date(2026, 3, 29, 8, 0, 0, 0, time.UTC))
	p := &poster{}
	s := newScheduler(t, dbPath(t), c, p)
	for _, tt := range []struct{ args, want string }{
		{"preview", "Only moderators can preview the digest here."},
		{"now", "Only moderators can post the digest here."},
		{"schedule 09:00 Asia/Baku", "Only moderators can schedule the digest here."},
		{"stop", "Only moderators can stop the digest here."},
		{"status", "Only moderators can see the digest's status here."},
		{"", "Only moderators can manage the digest here."},
		{"schedule 25:00 Mars/Olympus", "Only moderators can schedule the digest here."},
	} {
		r, ok := s.Command(ctx, moderator("/digest "+tt.args), tt.args, false)
		require.True(t, ok)
		assert.Equal(t, tt.want, r.Text)
		assert.False(t, r.Private)
		nothingStored(t, s, p)
	}

	schedule(t, s, "schedule 09:00 Asia/Baku")
	s.Command(ctx, moderator("/digest stop"), "stop", false)
	st, err := s.Status(ctx, tgChat)
	require.NoError(t, err)
	assert.True(t, st.Schedule.Enabled, "a refused stop stops nothing")
}

func TestDigestThroughTheRouter(t *testing.T) {
	c := newClock(time.Date(2026, 3, 29, 8, 0, 0, 0, time.UTC))
	p := &poster{}
	s := newScheduler(t, dbPath(t), c, p)
	r := bot.NewRouter(knowledgetest.Seeds(t), bot.WithCommand("digest", s), bot.WithLimit(100, time.Minute))

	m := moderator("/digest schedule 09:00 Asia/Baku")
	got, ok := r.Handle(ctx, m)
	require.True(t, ok)
	assert.Contains(t, got.Text, "Scheduled: 3 facts here every day at 09:00 (Asia/Baku). The first is due Monday, 30 March 2026 at 09:00 +04.")

	addressed := moderator("/digest@azchina_bot status")
	got, ok = r.Handle(ctx, addressed)
	require.True(t, ok)
	assert.Equal(t, bot.ListReply, got.Kind)

	other := moderator("/digest@other_bot status")
	_, ok = r.Handle(ctx, other)
	assert.False(t, ok, "a command for another bot")

	member := moderator("/digest stop")
	member.Moderator = func(context.Context) (bool, error) { return false, nil }
	got, ok = r.Handle(ctx, member)
	require.True(t, ok)
	assert.Equal(t, "Only moderators can stop the digest here.", got.Text)

	unknown := moderator("/digest stop")
	unknown.Moderator = nil
	got, _ = r.Handle(ctx, unknown)
	assert.Equal(t, "Only moderators can stop the digest here.", got.Text, "no check means no moderator")

	broken := moderator("/digest stop")
	broken.Moderator = func(context.Context) (bool, error) { return false, errors.New("getChatMember: 429 Too Many Requests") }
	got, _ = r.Handle(ctx, broken)
	assert.Contains(t, got.Text, "could not check whether you moderate this chat")

	st, err := s.Status(ctx, tgChat)
	require.NoError(t, err)
	assert.True(t, st.Schedule.Enabled, "none of them stopped it")
}

func TestPreviewIsWhatIsPosted(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	start := time.Date(2026, 3, 29, 8, 0, 0, 0, baku)
	c := newClock(start)
	p := &poster{}
	s := newScheduler(t, dbPath(t), c, p)
	schedule(t, s, "schedule 09:00 Asia/Baku 4")
	for i := range 3 {
		c.Set(start.AddDate(0, 0, i))
		preview, ok := s.Command(ctx, moderator("/digest preview"), "preview", true)
		require.True(t, ok)
		assert.True(t, preview.Private, "shown to the moderator only")
		assert.Equal(t, "9", preview.ReplyTo)
		require.NotNil(t, preview.Answer)
		assert.Len(t, preview.Answer.Citations, 4)

		tickAt(t, s, c, start.AddDate(0, 0, i).Add(time.Hour))
		require.Len(t, p.Posted(), i+1)
		posted := p.Posted()[i].Reply()
		preview.Private, preview.ReplyTo = false, ""
		assert.Equal(t, preview, posted, "day %d: the preview is what was posted", i)
		assert.Equal(t, bot.PlainText(preview), bot.PlainText(posted))

		again, _ := s.Command(ctx, moderator("/digest preview"), "preview", true)
		again.Private, again.ReplyTo = false, ""
		assert.Equal(t, posted, again, "and stays so after posting")
	}
}

func TestNowStopStatus(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	c := newClock(time.Date(2026, 3, 29, 8, 0, 0, 0, baku))
	p := &poster{}
	s := newScheduler(t, dbPath(t), c, p)
	cmd := func(args string) (bot.Reply, bool) { return s.Command(ctx, moderator("/digest "+args), args, true) }

	r, _ := cmd("status")
	assert.Contains(t, bot.PlainText(r), "Not scheduled.")
	schedule(t, s, "schedule 09:00 Asia/Baku 2")
	r, _ = cmd("status")
	text := bot.PlainText(r)
	assert.Contains(t, text, "Every day at 09:00 (Asia/Baku): 2 facts, set by ann.")
	assert.Contains(t, text, "Next: Sunday, 29 March 2026 at 09:00 +04.")

	_, ok := cmd("now")
	assert.False(t, ok, "the digest itself is the reply")
	require.Len(t, p.Posted(), 1)
	assert.Len(t, p.Posted()[0].Items, 2, "the schedule's count")
	r, ok = cmd("now")
	require.True(t, ok)
	assert.Contains(t, r.Text, "Today's digest (2026-03-29) was posted here already, Sunday, 29 March 2026 at 08:00 +04.")
	tickAt(t, s, c, time.Date(2026, 3, 29, 9, 0, 0, 0, baku))
	assert.Len(t, p.Posted(), 1, "the scheduled one finds the day posted")
	r, _ = cmd("status")
	text = bot.PlainText(r)
	assert.Contains(t, text, "Next: Monday, 30 March 2026 at 09:00 +04.")
	assert.Contains(t, text, "2026-03-29: posted at 08:00 +04")

	r, _ = cmd("stop")
	assert.Equal(t, "Stopped the daily digest here. /digest schedule starts it again.", r.Text)
	r, _ = cmd("stop")
	assert.Equal(t, "No daily digest is scheduled here.", r.Text)
	tickAt(t, s, c, time.Date(2026, 3, 30, 9, 0, 0, 0, baku))
	assert.Len(t, p.Posted(), 1, "stopped")
	r, _ = cmd("status")
	assert.Contains(t, bot.PlainText(r), "Stopped (was 2 facts every day at 09:00, Asia/Baku).")
}

func TestNowWhenTheSendFails(t *testing.T) {
	c := newClock(time.Date(2026, 3, 29, 8, 0, 0, 0, time.UTC))
	p := &poster{fail: func(int) error { return errDown }}
	s := newScheduler(t, dbPath(t), c, p)
	r, ok := s.Command(ctx, moderator("/digest now"), "now", true)
	require.True(t, ok)
	assert.Equal(t, "I could not post the digest: post digest: 502 Bad Gateway. I will try again Sunday, 29 March 2026 at 08:01 UTC; /digest status shows how it goes.", r.Text)
	p.mu.Lock()
	p.fail = nil
	p.mu.Unlock()
	tickAt(t, s, c, c.Now().Add(time.Minute))
	assert.Equal(t, []string{"digest:telegram:-1001:2026-03-29"}, keys(p.Posted()), "the scheduler retries it, with no schedule")
}

// FuzzParseRequest: any arguments to /digest either parse into a request that is valid
// to act on, or fail with a RequestError whose message is short, valid UTF-8 and free of
// control characters other than line breaks — it goes back to the chat as written.
func FuzzParseRequest(f *testing.F) {
	for _, s := range []string{"", "preview", "NOW", "stop", "status", "schedule 09:00 Asia/Baku", "schedule 9:05 UTC 10",
		"schedule 25:00 Asia/Baku", "schedule 09:00 Mars/Olympus", "schedule 09:00 Asia/Baku 0", "schedule 09:00 Asia/Baku 1000",
		"schedule 09:00 Local", "schedule 09:00 ../../etc/passwd", "schedule 23:59 America/Argentina/Buenos_Aires 3",
		"schedule\t09:00\u00a0Europe/Berlin", "schedule 09:00 Asia/Baku +3", "schedule ٠٩:٠٠ UTC", "schedule 09:00 \xff\x01",
		"schedule 09:00 Asia/Baku 3 extra", "now please", "frobnicate " + strings.Repeat("x", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, args string) {
		r, err := digest.ParseRequest(args)
		if err != nil {
			var re *digest.RequestError
			require.True(t, errors.As(err, &re), "%T %v", err, err)
			msg := err.Error()
			require.NotEmpty(t, msg)
			require.True(t, utf8.ValidString(msg), "%q", msg)
			require.Less(t, utf8.RuneCountInString(msg), 400)
			for _, c := range msg {
				require.True(t, c == '\n' || !unicode.IsControl(c), "%q in %q", c, msg)
			}
			require.Equal(t, digest.Request{}, r)
			return
		}
		switch r.Action {
		case digest.ActionPreview, digest.ActionNow, digest.ActionStop, digest.ActionStatus:
			require.Equal(t, digest.Request{Action: r.Action}, r)
		case digest.ActionSchedule:
			require.True(t, r.At.Hour >= 0 && r.At.Hour < 24 && r.At.Minute >= 0 && r.At.Minute < 60, "%+v", r.At)
			_, err := digest.LoadZone(r.Zone)
			require.NoError(t, err)
			require.True(t, r.Count >= 1 && r.Count <= digest.MaxCount, "%d", r.Count)
			again, err := digest.ParseRequest(fmt.Sprintf("schedule %s %s %d", r.At, r.Zone, r.Count))
			require.NoError(t, err)
			require.Equal(t, r, again, "what was understood reads back the same")
		default:
			t.Fatalf("action %q", r.Action)
		}
	})
}
