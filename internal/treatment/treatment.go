// Package treatment records what patients' messages change in their
// treatment journey, inside the desk's transaction: an invite redeemed by
// /start, a treatment time confirmed, serum reminders turned on (planned)
// or off, and staff's invites made. It implements desk.Effects; the
// reminders are sent by package reminders.
package treatment

import (
	"context"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/journey"
	"github.com/clinicbot/aftercare/internal/store"
)

// DefaultTimes are the reminders' times of day when none are configured.
var DefaultTimes = []journey.TimeOfDay{{Hour: 9}, {Hour: 20}}

// Config configures Effects. The zero value works: UTC, DefaultTimes, a
// 7-day course, no invite links.
type Config struct {
	// Location is the clinic's time zone (UTC when nil).
	Location *time.Location
	// Times are the reminders' times of day, in Location.
	Times []journey.TimeOfDay
	// CourseDays returns the days the reminders run (the content's serum
	// week); 7 when nil.
	CourseDays func() int
	// BotUsername returns the Telegram bot's username for invite links, ""
	// while it is not known.
	BotUsername func() string
}

// Effects applies messages' effects on the journey. It is safe for
// concurrent use.
type Effects struct {
	cfg Config
}

// New returns Effects configured by cfg.
func New(cfg Config) *Effects {
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if len(cfg.Times) == 0 {
		cfg.Times = DefaultTimes
	}
	if cfg.CourseDays == nil {
		cfg.CourseDays = func() int { return 7 }
	}
	if cfg.BotUsername == nil {
		cfg.BotUsername = func() string { return "" }
	}
	return &Effects{cfg: cfg}
}

// Apply records what in changes, in tx, at now, and returns the sender's
// journey as it then stands. Staff on Slack have no treatment: for them
// only CommandInvite does anything.
func (e *Effects) Apply(ctx context.Context, tx *store.Tx, in aftercare.Inbound, now time.Time) (aftercare.Journey, error) {
	j := aftercare.Journey{Now: now, Patient: in.From.Platform != aftercare.Slack}
	if in.Command == aftercare.CommandInvite {
		if j.Patient {
			return j, nil
		}
		return e.Invite(ctx, tx, in.Text, j.Now)
	}
	if !j.Patient {
		return j, nil
	}
	if err := e.change(ctx, tx, in, &j); err != nil {
		return j, err
	}
	return e.load(ctx, tx, in.From, j)
}

// change records what in changes in the patient's treatment.
func (e *Effects) change(ctx context.Context, tx *store.Tx, in aftercare.Inbound, j *aftercare.Journey) error {
	now := j.Now
	if t, ok := aftercare.TreatedChoice(in.Choice); ok {
		if t.After(now.Add(5*time.Minute)) || now.Sub(t) > journey.MaxAge {
			return nil // not a time the bot offered
		}
		return e.setTreatment(ctx, tx, in, t, now)
	}
	switch {
	case in.Command == aftercare.CommandStart && in.Text != "":
		j.Invite = aftercare.InviteExpired
		if !journey.IsToken(in.Text) {
			return nil
		}
		inv, outcome, err := tx.RedeemInvite(ctx, journey.HashToken(in.Text), now)
		if err != nil || outcome != aftercare.InviteLinked {
			j.Invite = outcome
			return err
		}
		j.Invite = outcome
		if err := e.setTreatment(ctx, tx, in, inv.Treated, now); err != nil || inv.ClinicRef == "" {
			return err
		}
		return tx.SetClinicRef(ctx, in.From, inv.ClinicRef) // a later invite without one keeps the earlier
	case in.Command == aftercare.CommandReminders, in.Choice == aftercare.ChoiceRemindersOn:
		tr, ok, err := tx.Treatment(ctx, in.From)
		if err != nil || !ok {
			return err
		}
		return e.plan(ctx, tx, in.From, tr.Treated, now)
	case in.Command == aftercare.CommandStop, in.Choice == aftercare.ChoiceRemindersOff:
		_, err := tx.StopReminders(ctx, in.From, now)
		return err
	case in.Command == aftercare.CommandBlocked:
		// As a reminder found unreachable does: none could reach them.
		// Unblocking turns nothing back on; the patient can ask again.
		_, err := tx.StopReminders(ctx, in.From, now)
		return err
	}
	return nil
}

// setTreatment records the treatment time; reminders already on are
// planned again from it.
func (e *Effects) setTreatment(ctx context.Context, tx *store.Tx, in aftercare.Inbound, t, now time.Time) error {
	before, had, err := tx.Treatment(ctx, in.From)
	if err != nil {
		return err
	}
	if err := tx.SetTreatment(ctx, in.From, in.Chat, t, now); err != nil {
		return err
	}
	if had && before.Reminders {
		return e.plan(ctx, tx, in.From, t, now)
	}
	return nil
}

// plan plans the reminders still to come for a treatment at treated; when
// none are left it turns them off.
func (e *Effects) plan(ctx context.Context, tx *store.Tx, who aftercare.Actor, treated, now time.Time) error {
	var slots []store.Slot
	for _, s := range e.Plan(treated, now) {
		slots = append(slots, store.Slot{Due: s.Due, Day: s.Day})
	}
	if len(slots) == 0 {
		_, err := tx.StopReminders(ctx, who, now)
		return err
	}
	_, err := tx.PlanReminders(ctx, who, slots, now)
	return err
}

// Plan is the reminders still to come at now for a treatment at treated.
func (e *Effects) Plan(treated, now time.Time) []journey.Slot {
	return journey.Plan(treated, e.cfg.CourseDays(), e.cfg.Times, e.cfg.Location, now)
}

// load fills in the patient's treatment as stored.
func (e *Effects) load(ctx context.Context, tx *store.Tx, who aftercare.Actor, j aftercare.Journey) (aftercare.Journey, error) {
	tr, ok, err := tx.Treatment(ctx, who)
	if err != nil || !ok {
		return j, err
	}
	j.Treated, j.Reminders, j.ClinicRef = tr.Treated, tr.Reminders, tr.ClinicRef
	if plan := e.Plan(tr.Treated, j.Now); j.Reminders && len(plan) > 0 {
		j.RemindersUntil = plan[len(plan)-1].Due
	}
	return j, nil
}

// Invite makes an invite for a patient treated at the time text names (now
// when it names none), carrying the clinic's reference for them when text
// ends with one ("14:30 ref A-1234"; see journey.CutRef). With a time it
// cannot read, or a reference that is not one, it makes none
// (Journey.Treated stays zero; the reply reads text again to say why);
// without the bot's username it makes none either (Journey.Link stays
// empty): a link nobody can see would be useless.
func (e *Effects) Invite(ctx context.Context, tx *store.Tx, text string, now time.Time) (aftercare.Journey, error) {
	j := aftercare.Journey{Now: now}
	when, ref, err := journey.CutRef(text)
	if err != nil {
		return j, nil
	}
	treated := j.Now
	if when != "" {
		t, _, err := journey.Parse(when, j.Now, e.cfg.Location)
		if err != nil {
			return j, nil
		}
		treated = t
	}
	j.Treated, j.ClinicRef = treated, ref
	bot := e.cfg.BotUsername()
	if bot == "" {
		return j, nil
	}
	token, hash := journey.NewToken()
	link, err := journey.Link(bot, token)
	if err != nil {
		return j, nil
	}
	j.LinkExpires = j.Now.Add(journey.InviteValidity)
	if err := tx.CreateInvite(ctx, hash, store.Invite{Treated: treated, ClinicRef: ref}, j.Now, j.LinkExpires); err != nil {
		return j, err
	}
	j.Link = link
	return j, nil
}
