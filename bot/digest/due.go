package digest

import "time"

// Due returns the instant a digest scheduled at wall-clock time at in loc is due on day.
//
// When the clocks skip at on that day (spring forward), it is the instant they jump: a
// 02:30 schedule in Europe/Berlin is due at 03:00 CEST on the last Sunday of March. When
// at happens twice (fall back), it is the first: 02:30 CEST on the last Sunday of
// October, not 02:30 CET an hour later.
func Due(day Day, at TimeOfDay, loc *time.Location) time.Time {
	// wall is the wall-clock reading written as if it were UTC; subtracting an offset
	// turns it into the instant that reads so in a zone with that offset.
	wall := time.Date(day.year, day.month, day.day, at.Hour, at.Minute, 0, 0, time.UTC)
	var best time.Time
	for _, probe := range []time.Duration{-36 * time.Hour, 0, 36 * time.Hour} {
		_, offset := wall.Add(probe).In(loc).Zone()
		t := wall.Add(-time.Duration(offset) * time.Second).In(loc)
		if reads(t, wall) && (best.IsZero() || t.Before(best)) {
			best = t
		}
	}
	if !best.IsZero() {
		return best
	}
	// at does not happen that day. Read with the offset from before the jump, it names
	// an instant after the jump, in the zone period that began with it.
	_, before := wall.Add(-36 * time.Hour).In(loc).Zone()
	start, _ := wall.Add(-time.Duration(before) * time.Second).In(loc).ZoneBounds()
	if start.IsZero() {
		return wall.In(loc) // a zone without transitions cannot skip a time; unreachable
	}
	return start
}

// reads reports whether t's wall clock in its location reads wall's date and time.
func reads(t, wall time.Time) bool {
	y1, m1, d1 := t.Date()
	y2, m2, d2 := wall.Date()
	return y1 == y2 && m1 == m2 && d1 == d2 && t.Hour() == wall.Hour() && t.Minute() == wall.Minute()
}

// NextDue returns the first instant after now at which sc is due, and its day: today's
// time when it is still ahead, else tomorrow's. Days before sc.Since are not due.
func NextDue(sc Schedule, loc *time.Location, now time.Time) (Day, time.Time) {
	day := DayOf(now.In(loc))
	for {
		due := Due(day, sc.At, loc)
		if due.After(now) && !due.Before(sc.Since) {
			return day, due
		}
		day = day.AddDays(1)
	}
}
