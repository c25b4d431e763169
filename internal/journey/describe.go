package journey

import (
	"time"
)

// Describe says when t was, in loc, the way people say it relative to
// now: "today at 14:30", "yesterday at 09:05", "on Tuesday 1 December at
// 14:30", "tomorrow at 22:30".
func Describe(t, now time.Time, loc *time.Location) string {
	t, now = t.In(loc), now.In(loc)
	clock := Clock(t, loc)
	switch days := dayNumber(t) - dayNumber(now); days {
	case 0:
		return "today at " + clock
	case -1:
		return "yesterday at " + clock
	case 1:
		return "tomorrow at " + clock
	}
	return "on " + t.Format("Monday 2 January") + " at " + clock
}

// Clock is t's time of day in loc, on the 24-hour clock: "14:30".
func Clock(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("15:04")
}

// Day is which day of a course t falls on for a treatment at treated, in
// loc: 1 on the day of the treatment, 2 the next, and so on.
func Day(treated, t time.Time, loc *time.Location) int {
	return dayNumber(t.In(loc)) - dayNumber(treated.In(loc)) + 1
}

// dayNumber counts calendar days in t's own location, so that days with a
// daylight-saving change count as one.
func dayNumber(t time.Time) int {
	y, m, d := t.Date()
	return int(time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Unix() / 86400)
}

// DescribeDay says which day t was, in loc, relative to now: "today",
// "yesterday", "tomorrow", "on Tuesday 1 December".
func DescribeDay(t, now time.Time, loc *time.Location) string {
	t, now = t.In(loc), now.In(loc)
	switch dayNumber(t) - dayNumber(now) {
	case 0:
		return "today"
	case -1:
		return "yesterday"
	case 1:
		return "tomorrow"
	}
	return "on " + t.Format("Monday 2 January")
}

// Until says a time to wait for, in loc: only the clock when it is today
// ("22:30"), else as Describe ("tomorrow at 01:30").
func Until(t, now time.Time, loc *time.Location) string {
	if dayNumber(t.In(loc)) == dayNumber(now.In(loc)) {
		return Clock(t, loc)
	}
	return Describe(t, now, loc)
}
