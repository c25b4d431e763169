package journey

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// TimeOfDay is a wall-clock time in the clinic's time zone.
type TimeOfDay struct {
	Hour, Minute int
}

func (t TimeOfDay) String() string { return fmt.Sprintf("%02d:%02d", t.Hour, t.Minute) }

// ParseTimes reads a comma-separated list of times of day, "09:00,20:00",
// sorted; at least one, no repeats.
func ParseTimes(s string) ([]TimeOfDay, error) {
	var out []TimeOfDay
	for _, part := range strings.Split(s, ",") {
		t, err := time.Parse("15:04", strings.TrimSpace(part))
		if err != nil {
			return nil, fmt.Errorf("%q is not a time like 09:00", strings.TrimSpace(part))
		}
		tod := TimeOfDay{t.Hour(), t.Minute()}
		if slices.Contains(out, tod) {
			return nil, fmt.Errorf("%s is listed twice", tod)
		}
		out = append(out, tod)
	}
	slices.SortFunc(out, func(a, b TimeOfDay) int { return (a.Hour*60 + a.Minute) - (b.Hour*60 + b.Minute) })
	return out, nil
}

// Slot is one reminder: when it is due and the day of the course it falls
// on (1 for the day of the treatment).
type Slot struct {
	Due time.Time
	Day int
}

// Plan returns the reminders of a course of days days from a treatment
// at treated, at each of times in loc, that are still to come at now:
// slots before the treatment, or already past, are left out. Times are wall
// clock times, so they stay at 09:00 across a daylight-saving change; a time
// that does not exist on a day (skipped by the clocks going forward) is the
// one Go's time.Date normalises it to.
func Plan(treated time.Time, days int, times []TimeOfDay, loc *time.Location, now time.Time) []Slot {
	start := treated.In(loc)
	var out []Slot
	for day := 1; day <= days; day++ {
		y, m, d := start.AddDate(0, 0, day-1).Date()
		for _, tod := range times {
			due := time.Date(y, m, d, tod.Hour, tod.Minute, 0, 0, loc)
			if due.After(treated) && !due.Before(now) {
				out = append(out, Slot{Due: due.UTC(), Day: day})
			}
		}
	}
	return out
}
