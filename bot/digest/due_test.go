package digest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/azchina/azchina/bot"
	"github.com/azchina/azchina/bot/digest"
)

func TestDue(t *testing.T) {
	tests := []struct {
		name, zone, day string
		at              digest.TimeOfDay
		want            string // RFC 3339, in the zone
	}{
		{"plain", "Asia/Baku", "2026-03-29", digest.TimeOfDay{Hour: 9}, "2026-03-29T09:00:00+04:00"},
		{"midnight", "Asia/Baku", "2026-01-01", digest.TimeOfDay{}, "2026-01-01T00:00:00+04:00"},
		{"last minute", "UTC", "2026-12-31", digest.TimeOfDay{Hour: 23, Minute: 59}, "2026-12-31T23:59:00Z"},
		{"Berlin winter", "Europe/Berlin", "2026-03-28", digest.TimeOfDay{Hour: 2, Minute: 30}, "2026-03-28T02:30:00+01:00"},
		{"Berlin spring forward: 02:30 does not happen, due when the clocks jump", "Europe/Berlin", "2026-03-29", digest.TimeOfDay{Hour: 2, Minute: 30}, "2026-03-29T03:00:00+02:00"},
		{"Berlin spring forward: 02:00 is skipped too", "Europe/Berlin", "2026-03-29", digest.TimeOfDay{Hour: 2}, "2026-03-29T03:00:00+02:00"},
		{"Berlin spring forward: 03:00 happens", "Europe/Berlin", "2026-03-29", digest.TimeOfDay{Hour: 3}, "2026-03-29T03:00:00+02:00"},
		{"Berlin spring forward: 09:00 in summer time", "Europe/Berlin", "2026-03-29", digest.TimeOfDay{Hour: 9}, "2026-03-29T09:00:00+02:00"},
		{"Berlin fall back: 02:30 happens twice, due the first time", "Europe/Berlin", "2026-10-25", digest.TimeOfDay{Hour: 2, Minute: 30}, "2026-10-25T02:30:00+02:00"},
		{"Berlin fall back: 09:00 in winter time", "Europe/Berlin", "2026-10-25", digest.TimeOfDay{Hour: 9}, "2026-10-25T09:00:00+01:00"},
		{"Havana skips midnight", "America/Havana", "2026-03-08", digest.TimeOfDay{Minute: 30}, "2026-03-08T01:00:00-04:00"},
		{"Lord Howe skips half an hour", "Australia/Lord_Howe", "2026-10-04", digest.TimeOfDay{Hour: 2, Minute: 15}, "2026-10-04T02:30:00+11:00"},
		{"Lord Howe repeats half an hour", "Australia/Lord_Howe", "2026-04-05", digest.TimeOfDay{Hour: 1, Minute: 45}, "2026-04-05T01:45:00+11:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := digest.Due(day(t, tt.day), tt.at, zone(t, tt.zone))
			want, err := time.Parse(time.RFC3339, tt.want)
			require.NoError(t, err)
			assert.True(t, want.Equal(got), "got %s, want %s", got, want)
			assert.Equal(t, tt.day, digest.DayOf(got).String(), "due on its own local day")
		})
	}
}

func TestNextDue(t *testing.T) {
	baku := zone(t, "Asia/Baku")
	sc := digest.Schedule{At: digest.TimeOfDay{Hour: 9}, Zone: "Asia/Baku"}
	now := time.Date(2026, 3, 29, 8, 0, 0, 0, baku)
	d, due := digest.NextDue(sc, baku, now)
	assert.Equal(t, "2026-03-29", d.String(), "today's is ahead")
	assert.True(t, due.Equal(time.Date(2026, 3, 29, 9, 0, 0, 0, baku)))
	d, _ = digest.NextDue(sc, baku, now.Add(time.Hour))
	assert.Equal(t, "2026-03-30", d.String(), "at the due time, the next is tomorrow's")
	sc.Since = time.Date(2026, 3, 30, 10, 0, 0, 0, baku)
	d, _ = digest.NextDue(sc, baku, now)
	assert.Equal(t, "2026-03-31", d.String(), "nothing is due before the schedule was set")
}

func TestParseTimeOfDay(t *testing.T) {
	tests := []struct {
		in   string
		want digest.TimeOfDay
		ok   bool
	}{
		{"09:00", digest.TimeOfDay{Hour: 9}, true},
		{"9:05", digest.TimeOfDay{Hour: 9, Minute: 5}, true},
		{"00:00", digest.TimeOfDay{}, true},
		{"23:59", digest.TimeOfDay{Hour: 23, Minute: 59}, true},
		{"24:00", digest.TimeOfDay{}, false},
		{"25:00", digest.TimeOfDay{}, false},
		{"12:60", digest.TimeOfDay{}, false},
		{"9", digest.TimeOfDay{}, false},
		{"9:5", digest.TimeOfDay{}, false},
		{"-1:00", digest.TimeOfDay{}, false},
		{"+9:00", digest.TimeOfDay{}, false},
		{"09:00pm", digest.TimeOfDay{}, false},
		{"", digest.TimeOfDay{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := digest.ParseTimeOfDay(tt.in)
			assert.Equal(t, tt.ok, err == nil, "%v", err)
			assert.Equal(t, tt.want, got)
			if tt.ok {
				assert.Equal(t, got, must(digest.ParseTimeOfDay(got.String())))
			}
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestDays(t *testing.T) {
	d := day(t, "2026-02-28")
	assert.Equal(t, "2026-03-01", d.AddDays(1).String())
	assert.Equal(t, "2025-12-31", day(t, "2026-01-01").AddDays(-1).String())
	assert.True(t, d.Before(d.AddDays(1)))
	assert.False(t, d.Before(d))
	assert.Equal(t, "Saturday, 28 February 2026", d.Long())
	for _, bad := range []string{"", "2026-02-30", "28.02.2026", "2026-2-1"} {
		_, err := digest.ParseDay(bad)
		assert.Error(t, err, bad)
	}
}

func TestParseChannel(t *testing.T) {
	ch, err := digest.ParseChannel("telegram:-100123")
	require.NoError(t, err)
	assert.Equal(t, digest.Channel{Platform: bot.Telegram, ChatID: "-100123"}, ch)
	assert.Equal(t, "telegram:-100123", ch.String())
	for _, bad := range []string{"", "telegram", ":1", "discord:"} {
		_, err := digest.ParseChannel(bad)
		assert.Error(t, err, bad)
	}
}

func TestBackoff(t *testing.T) {
	b := digest.Backoff{First: time.Minute, Max: 5 * time.Minute, Attempts: 5}
	for attempt, want := range map[int]time.Duration{1: time.Minute, 2: 2 * time.Minute, 3: 4 * time.Minute, 4: 5 * time.Minute} {
		got, ok := b.After(attempt)
		assert.True(t, ok)
		assert.Equal(t, want, got, "after attempt %d", attempt)
	}
	_, ok := b.After(5)
	assert.False(t, ok, "five attempts in all")
}
