package journey

import (
	"errors"
	"regexp"
	"strings"
	"time"

	"github.com/olebedev/when"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"
)

// Errors Parse returns.
var (
	ErrNoTime   = errors.New("no time found")
	ErrFuture   = errors.New("the time is in the future")
	ErrTooOld   = errors.New("the time is too long ago")
	parser      = newParser()
	weekdayRe   = regexp.MustCompile(`(?i)\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b`)
	treatmentRe = regexp.MustCompile(`(?i)\b(treat(ed|ment)?|microneedl\w*|had (it|mine)|got (it|mine)|done|appointment|session|procedure)\b`)
)

// MaxAge is how long ago a treatment time may be: the aftercare is about
// the first weeks.
const MaxAge = 60 * 24 * time.Hour

func newParser() *when.Parser {
	w := when.New(nil)
	w.Add(en.All...)
	w.Add(common.All...)
	return w
}

// Parse reads the time a patient says they were treated at, in the
// clinic's location loc, relative to now: "today at 2pm", "yesterday
// 10:30", "2 hours ago", "last Tuesday", "1 December 14:30". A weekday
// without "last" means the last one ("Monday 3pm" on a Wednesday is two days
// ago). It returns the time and the part of text it read, or ErrNoTime,
// ErrFuture (more than a few minutes ahead) or ErrTooOld (beyond MaxAge).
func Parse(text string, now time.Time, loc *time.Location) (time.Time, string, error) {
	now = now.In(loc)
	r, err := parser.Parse(text, now)
	if err != nil || r == nil {
		return time.Time{}, "", ErrNoTime
	}
	t := r.Time
	if t.After(now.Add(5*time.Minute)) && weekdayRe.MatchString(r.Text) {
		t = t.AddDate(0, 0, -7)
	}
	switch {
	case t.After(now.Add(5 * time.Minute)):
		return time.Time{}, r.Text, ErrFuture
	case now.Sub(t) > MaxAge:
		return time.Time{}, r.Text, ErrTooOld
	}
	return t.Truncate(time.Minute), r.Text, nil
}

// Statement reports whether text, a message that is not a command, tells
// the treatment time rather than asks a question: it holds a time and is
// mostly that time ("yesterday at 2pm"), or speaks of the treatment ("I had
// it done today at 2pm"), and is not a question. The error is Parse's for
// such a message.
func Statement(text string, now time.Time, loc *time.Location) (time.Time, bool, error) {
	clean := strings.TrimSpace(text)
	if clean == "" || strings.HasSuffix(clean, "?") || questionRe.MatchString(clean) {
		return time.Time{}, false, nil
	}
	t, found, err := Parse(clean, now, loc)
	if errors.Is(err, ErrNoTime) {
		return time.Time{}, false, nil
	}
	mostly := 2*len(found) >= len(strings.Join(strings.Fields(clean), " "))
	if !mostly && !treatmentRe.MatchString(clean) {
		return time.Time{}, false, nil
	}
	return t, true, err
}

// questionRe matches messages that open like a question.
var questionRe = regexp.MustCompile(`(?i)^(can|could|should|shall|may|is|are|am|do|does|did|will|would|when|what|how|why|where|which|who)\b`)
