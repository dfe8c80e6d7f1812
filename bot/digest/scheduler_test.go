package digest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
	"github.com/azchina/azchina/knowledge"
	"github.com/azchina/azchina/knowledge/knowledgetest"
)

// tickAt moves the clock to t and runs one pass.
func tickAt(t *testing.T, s *digest.Scheduler, c *clock, at time.Time) {
	t.Helper()
	c.Set(at)
	_, err := s.Tick(ctx)
	require.NoError(t, err)
}

func TestScheduleAcrossMidnight(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	c := newClock(time.Date(2026, 3, 29, 22, 0, 0, 0, baku))
	p := &poster{}
	s := newScheduler(t, dbPath(t), c, p)
	schedule(t, s, "schedule 00:15 Asia/Baku 2")

	tickAt(t, s, c, time.Date(2026, 3, 29, 23, 59, 0, 0, baku))
	assert.Empty(t, p.Posted(), "not yet")
	tickAt(t, s, c, time.Date(2026, 3, 30, 0, 14, 59, 0, baku))
	assert.Empty(t, p.Posted(), "a second early")
	tickAt(t, s, c, time.Date(2026, 3, 30, 0, 15, 0, 0, baku))
	require.Len(t, p.Posted(), 1)
	d := p.Posted()[0]
	assert.Equal(t, "2026-03-30", d.Day.String(), "the local day, though UTC is still on the 29th")
	assert.Contains(t, d.Title, "Monday, 30 March 2026")
	assert.Len(t, d.Items, 2)
	tickAt(t, s, c, time.Date(2026, 3, 30, 23, 0, 0, 0, baku))
	assert.Len(t, p.Posted(), 1, "once a day")
	tickAt(t, s, c, time.Date(2026, 3, 31, 0, 20, 0, 0, baku))
	assert.Equal(t, []string{"digest:telegram:-1001:2026-03-30", "digest:telegram:-1001:2026-03-31"}, keys(p.Posted()))
}

func TestCatchUpOverMidnight(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	c := newClock(time.Date(2026, 3, 29, 12, 0, 0, 0, baku))
	path := dbPath(t)
	schedule(t, newScheduler(t, path, c, nil), "schedule 23:30 Asia/Baku")

	// The bot was down at 23:30 and starts at 02:00 the next day: yesterday's digest is
	// owed still, and goes out dated yesterday.
	p := &poster{}
	s := newScheduler(t, path, c, p)
	tickAt(t, s, c, time.Date(2026, 3, 30, 2, 0, 0, 0, baku))
	require.Equal(t, []string{"digest:telegram:-1001:2026-03-29"}, keys(p.Posted()))
	tickAt(t, s, c, time.Date(2026, 3, 30, 23, 30, 0, 0, baku))
	assert.Equal(t, []string{"digest:telegram:-1001:2026-03-29", "digest:telegram:-1001:2026-03-30"}, keys(p.Posted()))
}

func TestDSTSpringForwardBerlin(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	c := newClock(time.Date(2026, 3, 28, 12, 0, 0, 0, berlin))
	p := &poster{}
	s := newScheduler(t, dbPath(t), c, p)
	schedule(t, s, "schedule 02:30 Europe/Berlin")

	tickAt(t, s, c, time.Date(2026, 3, 29, 0, 30, 0, 0, time.UTC)) // 01:30 CET
	assert.Empty(t, p.Posted())
	jump := time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC) // 02:00 CET becomes 03:00 CEST
	tickAt(t, s, c, jump.Add(-time.Second))
	assert.Empty(t, p.Posted(), "02:59:59 CET: 02:30 has not come")
	tickAt(t, s, c, jump)
	require.Len(t, p.Posted(), 1, "due the moment the clocks skip 02:30")
	assert.Equal(t, "2026-03-29", p.Posted()[0].Day.String())
	tickAt(t, s, c, jump.Add(30*time.Minute)) // 03:30 CEST, which time.Date makes of 02:30
	assert.Len(t, p.Posted(), 1)
	tickAt(t, s, c, time.Date(2026, 3, 30, 2, 30, 0, 0, berlin))
	assert.Equal(t, []string{"digest:telegram:-1001:2026-03-29", "digest:telegram:-1001:2026-03-30"}, keys(p.Posted()))
}

func TestDSTFallBackBerlin(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	c := newClock(time.Date(2026, 10, 24, 12, 0, 0, 0, berlin))
	p := &poster{}
	s := newScheduler(t, dbPath(t), c, p)
	schedule(t, s, "schedule 02:30 Europe/Berlin")
	other := dcChat
	_, ok := s.Command(ctx, bot.Message{Platform: other.Platform, ChatID: other.ChatID, MessageID: "1"}, "schedule 09:00 Europe/Berlin", true)
	require.True(t, ok)

	first := time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC) // 02:30 CEST
	tickAt(t, s, c, first.Add(-time.Second))
	assert.Empty(t, p.Posted())
	tickAt(t, s, c, first)
	require.Len(t, p.Posted(), 1, "due the first time 02:30 comes")
	tickAt(t, s, c, first.Add(time.Hour)) // 02:30 CET, the second time
	assert.Len(t, p.Posted(), 1, "not again when the hour repeats")

	tickAt(t, s, c, time.Date(2026, 10, 25, 7, 0, 0, 0, time.UTC)) // 08:00 CET
	assert.Len(t, p.Posted(), 1, "09:00 is in winter time now: not yet")
	tickAt(t, s, c, time.Date(2026, 10, 25, 8, 0, 0, 0, time.UTC)) // 09:00 CET
	assert.Equal(t, []string{"digest:telegram:-1001:2026-10-25", "digest:discord:555:2026-10-25"}, keys(p.Posted()))
}

func TestCatchUpWindow(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	due := time.Date(2026, 3, 29, 9, 0, 0, 0, baku)
	for _, tt := range []struct {
		name   string
		start  time.Time
		posted bool
	}{
		{"back within the window", due.Add(5*time.Hour + 59*time.Minute), true},
		{"back after the window", due.Add(6 * time.Hour), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := dbPath(t)
			c := newClock(due.Add(-23 * time.Hour))
			schedule(t, newScheduler(t, path, c, nil), "schedule 09:00 Asia/Baku")
			p := &poster{}
			s := newScheduler(t, path, c, p)
			tickAt(t, s, c, tt.start)
			st, err := s.Status(ctx, tgChat)
			require.NoError(t, err)
			require.NotEmpty(t, st.Posts)
			if tt.posted {
				assert.Equal(t, []string{"digest:telegram:-1001:2026-03-29"}, keys(p.Posted()))
				assert.Equal(t, digest.Sent, st.Posts[0].State)
				return
			}
			assert.Empty(t, p.Posted(), "the day is skipped")
			assert.Equal(t, digest.Skipped, st.Posts[0].State, "and the status says so")
			assert.Contains(t, st.Posts[0].LastError, "6h catch-up window")
			tickAt(t, s, c, tt.start.Add(time.Hour))
			assert.Empty(t, p.Posted(), "for good")
			tickAt(t, s, c, due.Add(24*time.Hour))
			assert.Equal(t, []string{"digest:telegram:-1001:2026-03-30"}, keys(p.Posted()), "the next day is posted")
		})
	}
}

func TestScheduledLateDoesNotPostAtOnce(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	c := newClock(time.Date(2026, 3, 29, 10, 0, 0, 0, baku))
	p := &poster{}
	s := newScheduler(t, dbPath(t), c, p)
	schedule(t, s, "schedule 09:00 Asia/Baku")
	tickAt(t, s, c, c.Now().Add(time.Minute))
	assert.Empty(t, p.Posted(), "09:00 had passed when the schedule was set")
	st, err := s.Status(ctx, tgChat)
	require.NoError(t, err)
	assert.Empty(t, st.Posts, "nor is the day recorded as skipped")
	assert.Equal(t, "2026-03-30T09:00:00+04:00", st.Next.In(baku).Format(time.RFC3339))
}

func TestRestartBetweenClaimAndSend(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	path := dbPath(t)
	due := time.Date(2026, 3, 29, 9, 0, 0, 0, baku)
	c := newClock(due.Add(-time.Hour))
	schedule(t, newScheduler(t, path, c, nil), "schedule 09:00 Asia/Baku")

	// The first process claims the day and dies before its send completes: the platform
	// hangs, and the process is killed (its store is never told anything more).
	hang := blockingPoster{started: make(chan struct{}, 1)}
	dying := newScheduler(t, path, c, hang, digest.WithOwner("dying"), digest.WithLease(10*time.Minute))
	c.Set(due)
	killed, kill := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		// When it finally hears back, the day has been taken over: its write changes nothing.
		_, _ = dying.Tick(killed)
	}()
	<-hang.started
	crashStore := openStore(t, path)
	post, err := crashStore.Post(ctx, digest.PostKey{Channel: tgChat, Day: day(t, "2026-03-29")})
	require.NoError(t, err)
	assert.Equal(t, digest.Claimed, post.State, "claimed before sending")
	assert.Equal(t, "dying", post.Owner)

	// Two new processes start while the lease is still running: they leave the day alone.
	p1, p2 := &poster{}, &poster{}
	s1 := newScheduler(t, path, c, p1, digest.WithOwner("one"))
	s2 := newScheduler(t, path, c, p2, digest.WithOwner("two"))
	tickAt(t, s1, c, due.Add(time.Minute))
	tickAt(t, s2, c, due.Add(time.Minute))
	assert.Empty(t, append(p1.Posted(), p2.Posted()...), "a live claim is respected")
	st, err := s1.Status(ctx, tgChat)
	require.NoError(t, err)
	assert.Equal(t, digest.Claimed, st.Posts[0].State, "status shows it being posted")

	// The lease runs out: exactly one of them takes the day over and posts it.
	c.Set(due.Add(10 * time.Minute))
	var wg sync.WaitGroup
	for _, s := range []*digest.Scheduler{s1, s2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.Tick(ctx)
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	all := append(p1.Posted(), p2.Posted()...)
	assert.Equal(t, []string{"digest:telegram:-1001:2026-03-29"}, keys(all), "posted once")
	post, err = crashStore.Post(ctx, digest.PostKey{Channel: tgChat, Day: day(t, "2026-03-29")})
	require.NoError(t, err)
	assert.Equal(t, digest.Sent, post.State)
	assert.Equal(t, 2, post.Attempts)

	kill()
	<-done
	post, err = crashStore.Post(ctx, digest.PostKey{Channel: tgChat, Day: day(t, "2026-03-29")})
	require.NoError(t, err)
	assert.Equal(t, digest.Sent, post.State, "the dead process cannot undo the takeover")
}

func TestStoppingHandsTheDayBack(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	path := dbPath(t)
	due := time.Date(2026, 3, 29, 9, 0, 0, 0, baku)
	c := newClock(due.Add(-time.Hour))
	schedule(t, newScheduler(t, path, c, nil), "schedule 09:00 Asia/Baku")

	hang := blockingPoster{started: make(chan struct{}, 1)}
	stopping := newScheduler(t, path, c, hang)
	c.Set(due)
	stop, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { _, err := stopping.Tick(stop); done <- err }()
	<-hang.started
	cancel() // SIGTERM while the send hangs
	<-done

	p := &poster{}
	restarted := newScheduler(t, path, c, p)
	tickAt(t, restarted, c, due.Add(time.Minute))
	assert.Equal(t, []string{"digest:telegram:-1001:2026-03-29"}, keys(p.Posted()), "the restart posts at once, without waiting for the lease")
}

func TestTwoSchedulersRaceOnOneFile(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	path := dbPath(t)
	start := time.Date(2026, 3, 1, 8, 0, 0, 0, baku)
	c := newClock(start)
	chats := []digest.Channel{tgChat, dcChat, {Platform: bot.Telegram, ChatID: "-1002"}}
	setup := newScheduler(t, path, c, nil)
	for _, ch := range chats {
		_, ok := setup.Command(ctx, bot.Message{Platform: ch.Platform, ChatID: ch.ChatID}, "schedule 09:00 Asia/Baku 2", true)
		require.True(t, ok)
	}
	pa, pb := &poster{}, &poster{}
	a := newScheduler(t, path, c, pa, digest.WithOwner("a"))
	b := newScheduler(t, path, c, pb, digest.WithOwner("b"))
	const days = 10
	for i := range days {
		c.Set(start.AddDate(0, 0, i).Add(time.Hour))
		var wg sync.WaitGroup
		ready := make(chan struct{})
		for _, s := range []*digest.Scheduler{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-ready
				_, err := s.Tick(ctx)
				assert.NoError(t, err)
			}()
		}
		close(ready)
		wg.Wait()
	}
	count := map[string]int{}
	for _, d := range append(pa.Posted(), pb.Posted()...) {
		count[d.Key()]++
	}
	assert.Len(t, count, days*len(chats), "every channel every day")
	for k, n := range count {
		assert.Equal(t, 1, n, "%s posted once", k)
	}
	t.Logf("scheduler a posted %d, b %d", len(pa.Posted()), len(pb.Posted()))
}

func TestFailedSendIsRetriedWithBackoff(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	due := time.Date(2026, 3, 29, 9, 0, 0, 0, baku)
	c := newClock(due.Add(-time.Hour))
	p := &poster{fail: func(call int) error {
		if call <= 2 {
			return fmt.Errorf("Post \"https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage\": %w", errDown)
		}
		return nil
	}}
	counted := &counter{}
	s := newScheduler(t, dbPath(t), c, p, digest.WithBackoff(digest.Backoff{First: time.Minute, Max: time.Hour, Attempts: 5}),
		digest.WithObserver(counted))
	schedule(t, s, "schedule 09:00 Asia/Baku")

	tickAt(t, s, c, due)
	assert.Empty(t, p.Posted())
	st, err := s.Status(ctx, tgChat)
	require.NoError(t, err)
	require.Len(t, st.Posts, 1)
	failed := st.Posts[0]
	assert.Equal(t, digest.Retrying, failed.State)
	assert.Contains(t, failed.LastError, "502 Bad Gateway")
	assert.NotContains(t, failed.LastError, "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "no token in the status")
	assert.True(t, failed.NextAttempt.Equal(due.Add(time.Minute)), "%s", failed.NextAttempt)
	r, _ := s.Command(ctx, moderator("/digest status"), "status", true)
	assert.Contains(t, bot.PlainText(r), "attempt 1 failed")

	tickAt(t, s, c, due.Add(59*time.Second))
	assert.Equal(t, 1, p.Calls(), "not before the backoff")
	tickAt(t, s, c, due.Add(time.Minute))
	assert.Equal(t, 2, p.Calls())
	tickAt(t, s, c, due.Add(2*time.Minute))
	assert.Equal(t, 2, p.Calls(), "twice as long after the second failure")
	tickAt(t, s, c, due.Add(3*time.Minute))
	require.Len(t, p.Posted(), 1)
	st, err = s.Status(ctx, tgChat)
	require.NoError(t, err)
	assert.Equal(t, digest.Sent, st.Posts[0].State)
	assert.Equal(t, 3, st.Posts[0].Attempts)
	tickAt(t, s, c, due.Add(time.Hour))
	assert.Equal(t, 3, p.Calls(), "nothing more once sent")
	assert.Equal(t, map[string]int{"telegram": 1}, counted.Posted(), "one digest posted, not one per attempt")
}

func TestFailedSendGivesUp(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	due := time.Date(2026, 3, 29, 9, 0, 0, 0, baku)
	c := newClock(due.Add(-time.Hour))
	p := &poster{fail: func(int) error { return errDown }}
	s := newScheduler(t, dbPath(t), c, p, digest.WithBackoff(digest.Backoff{First: time.Minute, Max: time.Hour, Attempts: 3}))
	schedule(t, s, "schedule 09:00 Asia/Baku")
	for m := 0; m <= 60; m++ {
		tickAt(t, s, c, due.Add(time.Duration(m)*time.Minute))
	}
	assert.Equal(t, 3, p.Calls(), "three attempts, no more")
	st, err := s.Status(ctx, tgChat)
	require.NoError(t, err)
	assert.Equal(t, digest.Failed, st.Posts[0].State)
	r, _ := s.Command(ctx, moderator("/digest status"), "status", true)
	assert.Contains(t, bot.PlainText(r), "2026-03-29: not posted after 3 attempts: post digest: 502 Bad Gateway")

	// A moderator tries again once the platform is back.
	p.mu.Lock()
	p.fail = nil
	p.mu.Unlock()
	r, ok := s.Command(ctx, moderator("/digest now"), "now", true)
	assert.False(t, ok, "posted: nothing to say %+v", r)
	assert.Equal(t, []string{"digest:telegram:-1001:2026-03-29"}, keys(p.Posted()))
}

func TestRetriesStopAtTheCatchUpWindow(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	due := time.Date(2026, 3, 29, 9, 0, 0, 0, baku)
	c := newClock(due.Add(-time.Hour))
	p := &poster{fail: func(int) error { return errDown }}
	s := newScheduler(t, dbPath(t), c, p, digest.WithCatchUp(time.Hour),
		digest.WithBackoff(digest.Backoff{First: 40 * time.Minute, Max: time.Hour, Attempts: 10}))
	schedule(t, s, "schedule 09:00 Asia/Baku")
	tickAt(t, s, c, due)
	tickAt(t, s, c, due.Add(40*time.Minute))
	assert.Equal(t, 2, p.Calls())
	st, err := s.Status(ctx, tgChat)
	require.NoError(t, err)
	assert.Equal(t, digest.Failed, st.Posts[0].State, "the next try would be out of the window")
}

func TestRotationCoversEveryFactBeforeRepeating(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	start := time.Date(2026, 1, 1, 8, 0, 0, 0, baku)
	c := newClock(start)
	p := &poster{}
	s := newScheduler(t, dbPath(t), c, p)
	n := digest.NewComposer(knowledgetest.Seeds(t)).Len()
	require.Greater(t, n, 100, "the seeds give enough facts for a real test")
	schedule(t, s, "schedule 09:00 Asia/Baku 10")
	days := 2*n/10 + 2
	for i := range days {
		tickAt(t, s, c, start.AddDate(0, 0, i).Add(time.Hour))
	}
	var seq []string
	for i, d := range p.Posted() {
		require.Equal(t, start.AddDate(0, 0, i).Format(time.DateOnly), d.Day.String())
		require.Len(t, d.Items, 10)
		inDigest := map[string]bool{}
		for _, it := range d.Items {
			assert.False(t, inDigest[it.Fact], "no fact twice in one digest")
			inDigest[it.Fact] = true
			seq = append(seq, it.Fact)
		}
	}
	require.GreaterOrEqual(t, len(seq), 2*n)
	for cycle := range 2 {
		seen := map[string]bool{}
		for _, f := range seq[cycle*n : (cycle+1)*n] {
			assert.False(t, seen[f], "cycle %d repeats %s before every fact was posted", cycle, f)
			seen[f] = true
		}
		assert.Len(t, seen, n, "cycle %d posts every fact", cycle)
	}
	assert.NotEqual(t, seq[:n], seq[n:2*n], "each cycle has its own order")
}

func TestDigestsMixTopics(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	start := time.Date(2026, 1, 1, 8, 0, 0, 0, baku)
	c := newClock(start)
	p := &poster{}
	s := newScheduler(t, dbPath(t), c, p)
	schedule(t, s, "schedule 09:00 Asia/Baku 3")
	for i := range 10 {
		tickAt(t, s, c, start.AddDate(0, 0, i).Add(time.Hour))
	}
	require.Len(t, p.Posted(), 10)
	for _, d := range p.Posted() {
		intents := map[string]bool{}
		for _, it := range d.Items {
			intents[it.Answer.Intent] = true
		}
		assert.Len(t, intents, 3, "%s: three facts from three intents", d.Day)
	}
}

func TestRotationIsPerChannel(t *testing.T) {
	c := newClock(time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC))
	s := newScheduler(t, dbPath(t), c, nil)
	a, err := s.Preview(ctx, tgChat, day(t, "2026-01-01"), 5)
	require.NoError(t, err)
	b, err := s.Preview(ctx, dcChat, day(t, "2026-01-01"), 5)
	require.NoError(t, err)
	assert.NotEqual(t, a.Rotated(), b.Rotated(), "channels get their own order")
}

func TestDigestQuotesVerbatimWithCitations(t *testing.T) {
	c := newClock(time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC))
	s := newScheduler(t, dbPath(t), c, nil)
	d, err := s.Preview(ctx, tgChat, day(t, "2026-01-01"), digest.MaxCount)
	require.NoError(t, err)
	r := d.Reply()
	require.Equal(t, bot.AnswerReply, r.Kind)
	require.Len(t, r.Answer.Citations, digest.MaxCount)
	for i, cite := range r.Answer.Citations {
		assert.Contains(t, seedText(t, cite.Source), cite.Quote, "citation %d quotes its article verbatim", i+1)
		assert.Contains(t, r.Answer.Text, fmt.Sprintf("[%d]", i+1))
	}
	text := bot.PlainText(r)
	assert.Contains(t, text, "Azerbaijan–China: facts for Thursday, 1 January 2026")
	assert.Contains(t, text, "[10] ")

	big, err := s.Preview(ctx, tgChat, day(t, "2026-01-01"), 1000)
	require.NoError(t, err)
	assert.Len(t, big.Items, digest.MaxCount, "at most ten")
}

func TestRunPostsWhenDue(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	due := time.Date(2026, 3, 29, 9, 0, 0, 0, baku)
	c := newClock(due.Add(-time.Hour))
	p := &poster{sent: make(chan digest.Digest, 1)}
	s := newScheduler(t, dbPath(t), c, p, digest.WithPoll(10*time.Millisecond))
	schedule(t, s, "schedule 09:00 Asia/Baku")
	assert.Equal(t, "digest", s.Name())

	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- s.Run(runCtx) }()
	c.Set(due)
	select {
	case d := <-p.sent:
		assert.Equal(t, "2026-03-29", d.Day.String())
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not post the digest that fell due")
	}
	stop()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not stop")
	}
}

func TestPosters(t *testing.T) {
	tg := &poster{}
	ps := digest.Posters{bot.Telegram: tg}
	require.NoError(t, ps.PostDigest(ctx, digest.Digest{Channel: tgChat}))
	assert.Len(t, tg.Posted(), 1)
	err := ps.PostDigest(ctx, digest.Digest{Channel: dcChat})
	assert.ErrorContains(t, err, "no discord connection")
}

func TestPanickingPosterFailsTheSend(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	due := time.Date(2026, 3, 29, 9, 0, 0, 0, baku)
	c := newClock(due.Add(-time.Hour))
	p := &poster{fail: func(int) error { panic("adapter bug") }}
	s := newScheduler(t, dbPath(t), c, p)
	schedule(t, s, "schedule 09:00 Asia/Baku")
	tickAt(t, s, c, due)
	st, err := s.Status(ctx, tgChat)
	require.NoError(t, err)
	assert.Equal(t, digest.Retrying, st.Posts[0].State)
	assert.Contains(t, st.Posts[0].LastError, "panic: adapter bug")
}

func TestRefreshComposesFromTheReloadedArticles(t *testing.T) {
	c := newClock(time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC))
	s := newScheduler(t, dbPath(t), c, nil)
	before, err := s.Preview(ctx, tgChat, day(t, "2026-01-01"), 3)
	require.NoError(t, err)

	dir := t.TempDir()
	article := "Azerbaijan and China open direct flights\n\nBAKU, Azerbaijan, June 2, 2025. Azerbaijan Airlines will fly from Baku to Chengdu twice a week from July, the airline said.\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "flights.txt"), []byte(article), 0o644))
	reloaded, err := knowledge.Load(os.DirFS(dir))
	require.NoError(t, err)
	s.Refresh(reloaded)
	after, err := s.Preview(ctx, tgChat, day(t, "2026-01-01"), 3)
	require.NoError(t, err)
	require.NotEmpty(t, after.Items)
	for _, it := range after.Items {
		assert.Equal(t, "flights.txt", it.Answer.Citations[0].Source, "only the articles there are now")
	}
	assert.NotEqual(t, before.Rotated(), after.Rotated())
}
