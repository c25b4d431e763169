package care

import (
	"fmt"
	"strings"
	"time"
)

// Hours are the care team's office hours: the days of the week and the
// time of day the team is in, in the clinic's time zone. The zero Hours
// are always open (no CARE_HOURS set).
type Hours struct {
	days       [7]bool // by time.Weekday
	start, end int     // minutes after midnight; start < end
	loc        *time.Location
	set        bool
}

var weekdays = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
}

// ParseHours reads office hours such as "Mon-Fri 09:00-17:30" or
// "Mon,Wed,Fri 08:00-12:00" in loc; "" is always open. A day range may
// wrap the week ("Sat-Sun"); the time range must not wrap midnight.
func ParseHours(s string, loc *time.Location) (Hours, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Hours{}, nil
	}
	if loc == nil {
		loc = time.UTC
	}
	dayPart, timePart, ok := strings.Cut(s, " ")
	if !ok {
		return Hours{}, fmt.Errorf("%q is not days and times such as Mon-Fri 09:00-17:30", s)
	}
	h := Hours{loc: loc, set: true}
	for _, span := range strings.Split(dayPart, ",") {
		from, to, isRange := strings.Cut(span, "-")
		a, okA := weekdays[strings.ToLower(from)]
		b, okB := a, okA
		if isRange {
			b, okB = weekdays[strings.ToLower(to)]
		}
		if !okA || !okB {
			return Hours{}, fmt.Errorf("%q: %q is not a day or a range of days such as Mon-Fri", s, span)
		}
		for d := a; ; d = (d + 1) % 7 {
			h.days[d] = true
			if d == b {
				break
			}
		}
	}
	from, to, ok := strings.Cut(strings.TrimSpace(timePart), "-")
	var err1, err2 error
	h.start, err1 = minutes(from)
	h.end, err2 = minutes(to)
	if !ok || err1 != nil || err2 != nil || h.start >= h.end {
		return Hours{}, fmt.Errorf("%q: %q is not a time range within a day such as 09:00-17:30", s, timePart)
	}
	return h, nil
}

// minutes reads "HH:MM" as minutes after midnight.
func minutes(s string) (int, error) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil {
		return 0, err
	}
	return t.Hour()*60 + t.Minute(), nil
}

// Always reports whether the hours are always open (none set).
func (h Hours) Always() bool { return !h.set }

// Open reports whether the team is in at t.
func (h Hours) Open(t time.Time) bool {
	if !h.set {
		return true
	}
	t = t.In(h.loc)
	m := t.Hour()*60 + t.Minute()
	return h.days[t.Weekday()] && m >= h.start && m < h.end
}

// Next returns when the team is next in at or after t: t itself when it
// is open, else the start of the next open day, in the clinic's zone.
func (h Hours) Next(t time.Time) time.Time {
	if h.Open(t) {
		return t
	}
	t = t.In(h.loc)
	for i := 0; i < 8; i++ {
		day := time.Date(t.Year(), t.Month(), t.Day()+i, 0, 0, 0, 0, h.loc)
		start := day.Add(time.Duration(h.start) * time.Minute)
		if h.days[day.Weekday()] && start.After(t) {
			return start
		}
	}
	return t // no day is open: cannot happen after ParseHours
}

// String is the hours as ParseHours reads them, or "always".
func (h Hours) String() string {
	if !h.set {
		return "always"
	}
	var days []string
	for d := time.Sunday; d <= time.Saturday; d++ {
		if h.days[d] {
			days = append(days, d.String()[:3])
		}
	}
	return fmt.Sprintf("%s %02d:%02d-%02d:%02d", strings.Join(days, ","), h.start/60, h.start%60, h.end/60, h.end%60)
}
