package inbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/care"
	"github.com/clinicbot/aftercare/internal/store"
)

// Schedule is when the digest is posted: at Hour:Minute in the clinic's
// time zone, on Days (every day when Days is empty). The zero Schedule
// with Off set posts none.
type Schedule struct {
	Off          bool
	Days         []time.Weekday
	Hour, Minute int
}

var weekdays = map[string]time.Weekday{"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday}

// ParseSchedule reads "Mon 09:00", "Mon,Thu 08:30", "daily 17:00" or "off".
func ParseSchedule(s string) (Schedule, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "off" {
		return Schedule{Off: true}, nil
	}
	days, at, ok := strings.Cut(s, " ")
	if !ok {
		return Schedule{}, fmt.Errorf("%q is not days and a time (e.g. \"Mon 09:00\", \"daily 17:00\" or \"off\")", s)
	}
	var sch Schedule
	if days != "daily" {
		for _, d := range strings.Split(days, ",") {
			wd, ok := weekdays[strings.TrimSpace(d)]
			if !ok {
				return Schedule{}, fmt.Errorf("%q is not a day (Mon, Tue, … Sun, or daily)", d)
			}
			sch.Days = append(sch.Days, wd)
		}
	}
	hh, mm, ok := strings.Cut(strings.TrimSpace(at), ":")
	h, errH := strconv.Atoi(hh)
	m, errM := strconv.Atoi(mm)
	if !ok || errH != nil || errM != nil || h < 0 || h > 23 || m < 0 || m > 59 || len(mm) != 2 {
		return Schedule{}, fmt.Errorf("%q is not a time of day (HH:MM)", at)
	}
	sch.Hour, sch.Minute = h, m
	return sch, nil
}

func (s Schedule) on(d time.Weekday) bool {
	if len(s.Days) == 0 {
		return true
	}
	for _, x := range s.Days {
		if x == d {
			return true
		}
	}
	return false
}

// last returns the latest scheduled time at or before now in loc, and the
// one before it; zero times when there is none within 8 days (Off).
func (s Schedule) last(now time.Time, loc *time.Location) (at, prev time.Time) {
	if s.Off {
		return time.Time{}, time.Time{}
	}
	local := now.In(loc)
	var found []time.Time
	for d := 0; d < 16 && len(found) < 2; d++ {
		day := local.AddDate(0, 0, -d)
		t := time.Date(day.Year(), day.Month(), day.Day(), s.Hour, s.Minute, 0, 0, loc)
		if !t.After(now) && s.on(t.Weekday()) {
			found = append(found, t)
		}
	}
	if len(found) < 2 {
		return time.Time{}, time.Time{}
	}
	return found[0], found[1]
}

// Digest posts, on its schedule, how many questions the bot could not
// answer since the last digest, grouped, to the care team's channel
// through the care team's outbox: once per scheduled time however many
// replicas run it (store.Tx.Once). A digest missed by more than Grace
// (the bot down) is skipped; a period with no new question posts nothing.
type Digest struct {
	Store    *store.DB
	Schedule Schedule
	Location *time.Location
	Channel  string // the care team's Slack channel
	// AlertOnly leaves out the groups named by patients' words: only the
	// content's out-of-scope topics are named.
	AlertOnly bool
	Clock     aftercare.Clock // aftercare.SystemClock when nil
	Logger    *slog.Logger    // nil logs nothing
	Wake      func()          // called after a digest is queued (the outbox's Wake); may be nil
	Every     time.Duration   // how often to look; a minute when 0
	Grace     time.Duration   // DigestGrace when 0
}

// DigestGrace is how late a digest may still be posted.
const DigestGrace = 2 * time.Hour

// digestGroups bounds the groups a digest names.
const digestGroups = 8

// Run posts digests until ctx ends, and returns nil then.
func (d *Digest) Run(ctx context.Context) error {
	every := d.Every
	if every <= 0 {
		every = time.Minute
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := d.Tick(ctx); err != nil && ctx.Err() == nil && d.Logger != nil {
			d.Logger.Warn("inbox digest: failed; trying again in a minute", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Tick posts the digest due now if nobody has, and reports whether this
// call queued one.
func (d *Digest) Tick(ctx context.Context) (bool, error) {
	if d.Store == nil || d.Channel == "" || d.Location == nil {
		return false, errors.New("inbox digest: Store, Channel and Location are required")
	}
	clock := d.Clock
	if clock == nil {
		clock = aftercare.SystemClock{}
	}
	grace := d.Grace
	if grace <= 0 {
		grace = DigestGrace
	}
	now := clock.Now()
	at, prev := d.Schedule.last(now, d.Location)
	if at.IsZero() || now.Sub(at) > grace {
		return false, nil
	}
	queued := false
	err := d.Store.Tx(ctx, func(tx *store.Tx) error {
		queued = false
		first, err := tx.Once(ctx, "inbox-digest:"+at.UTC().Format(time.RFC3339), now)
		if err != nil || !first {
			return err
		}
		qs, err := tx.Questions(ctx, prev, store.StatusNew)
		if err != nil || len(qs) == 0 {
			return err
		}
		msg := aftercare.Outgoing{Kind: aftercare.KindNotice, Text: d.text(qs, prev)}
		to := aftercare.Address{Platform: aftercare.Slack, Chat: d.Channel}
		_, err = tx.Enqueue(ctx, care.Letter(store.Post{Lane: "inbox-digest", To: to}, msg, nil), now)
		queued = err == nil
		return err
	})
	if err != nil {
		return false, fmt.Errorf("inbox digest: %w", err)
	}
	if queued && d.Wake != nil {
		d.Wake()
	}
	return queued, nil
}

// text is the digest of qs, asked since since.
func (d *Digest) text(qs []store.Question, since time.Time) string {
	lines := []string{fmt.Sprintf(":inbox_tray: *Questions the bot could not answer since %s: %d*",
		since.In(d.Location).Format("Mon 2 Jan 15:04"), len(qs))}
	named, rest := 0, 0
	for _, g := range Groups(qs) {
		if named == digestGroups || g.Key == KeyOther || (d.AlertOnly && !strings.HasPrefix(g.Key, "topic:")) {
			rest += len(g.Questions)
			continue
		}
		lines = append(lines, fmt.Sprintf("• %s: %d", g.Label, len(g.Questions)))
		named++
	}
	if rest > 0 && named > 0 {
		lines = append(lines, fmt.Sprintf("• other questions: %d", rest))
	}
	lines = append(lines, "Type `/aftercare inbox` to see them and mark what to do about each.")
	return strings.Join(lines, "\n")
}
