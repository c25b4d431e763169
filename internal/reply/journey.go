package reply

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/journey"
)

// This file is what the bot says about the treatment journey: the
// treatment time, invites, and serum reminders. The desk has already
// recorded what the message changes (in.Journey says what it found);
// these replies only say so.

// journeyReply answers the journey's commands and choices; ok is false for
// other messages.
func (kb *knowledge) journeyReply(in aftercare.Inbound) (aftercare.Outgoing, bool) {
	j := in.Journey
	switch {
	case in.Command == aftercare.CommandStart && j.Invite != aftercare.InviteNone:
		return kb.welcomeInvite(j), true
	case in.Command == aftercare.CommandInvite:
		return kb.invite(in), true
	case in.Command == aftercare.CommandTreatment && strings.TrimSpace(in.Text) != "":
		t, _, err := journey.Parse(in.Text, j.Now, kb.loc)
		return kb.confirmTreatment(t, err, j), true
	case in.Command == aftercare.CommandTreatment, in.Choice == aftercare.ChoiceTreatmentAsk:
		return notice(kb.text(catalog.TextTreatmentAsk)), true
	case in.Command == aftercare.CommandReminders, in.Choice == aftercare.ChoiceRemindersOn:
		return kb.remindersOn(j), true
	case in.Command == aftercare.CommandStop, in.Choice == aftercare.ChoiceRemindersOff:
		return notice(kb.text(catalog.TextRemindersOff)), true
	case in.Choice == aftercare.ChoiceRemindersNo:
		return notice(kb.text(catalog.TextRemindersDeclined)), true
	case in.Choice == aftercare.ChoiceReminderDone:
		return notice(kb.text(catalog.TextReminderWellDone)), true
	}
	if _, ok := aftercare.TreatedChoice(in.Choice); ok {
		out := notice(kb.fill(kb.text(catalog.TextTreatmentSaved), j, nil))
		if !j.Treated.IsZero() && !j.Reminders {
			kb.offerReminders(&out)
		}
		return out, true
	}
	return aftercare.Outgoing{}, false
}

func notice(text string) aftercare.Outgoing {
	return aftercare.Outgoing{Kind: aftercare.KindNotice, Text: text}
}

// welcomeInvite is the welcome for a patient who came through an invite:
// the treatment time and the offer of reminders, or why the link did not
// work.
func (kb *knowledge) welcomeInvite(j aftercare.Journey) aftercare.Outgoing {
	out := aftercare.Outgoing{Kind: aftercare.KindSmalltalk, Intent: catalog.SmalltalkGreeting, Menu: kb.sections}
	switch j.Invite {
	case aftercare.InviteLinked:
		out.Text = kb.text(catalog.TextWelcome) + "\n\n" + kb.fill(kb.text(catalog.TextTreatmentKnown), j, nil)
		kb.offerReminders(&out)
	case aftercare.InviteUsed:
		out.Text = kb.text(catalog.TextInviteUsed) + "\n\n" + kb.text(catalog.TextWelcome)
	default:
		out.Text = kb.text(catalog.TextInviteExpired) + "\n\n" + kb.text(catalog.TextWelcome)
	}
	return out
}

// offerReminders asks whether the patient wants reminders, with Yes / No
// thanks buttons.
func (kb *knowledge) offerReminders(out *aftercare.Outgoing) {
	out.Text += "\n\n" + kb.text(catalog.TextRemindersOffer)
	out.Options = []aftercare.Option{
		{Choice: aftercare.ChoiceRemindersOn, Title: kb.text(catalog.TextRemindersYes)},
		{Choice: aftercare.ChoiceRemindersNo, Title: kb.text(catalog.TextRemindersNo)},
	}
}

// confirmTreatment asks the patient to confirm the time read from their
// message, or says why none could be read.
func (kb *knowledge) confirmTreatment(t time.Time, err error, j aftercare.Journey) aftercare.Outgoing {
	switch {
	case errors.Is(err, journey.ErrFuture):
		return notice(kb.text(catalog.TextTreatmentFuture))
	case errors.Is(err, journey.ErrTooOld):
		return notice(kb.text(catalog.TextTreatmentTooOld))
	case err != nil:
		return notice(kb.text(catalog.TextTreatmentUnclear))
	}
	j.Treated = t
	return aftercare.Outgoing{Kind: aftercare.KindConfirm, Text: kb.fill(kb.text(catalog.TextTreatmentConfirm), j, nil),
		Options: []aftercare.Option{
			{Choice: aftercare.ChoiceTreated(t), Title: kb.text(catalog.TextTreatmentYes)},
			{Choice: aftercare.ChoiceTreatmentAsk, Title: kb.text(catalog.TextTreatmentChange)},
		}}
}

// remindersOn says what /reminders (or Yes) did.
func (kb *knowledge) remindersOn(j aftercare.Journey) aftercare.Outgoing {
	switch {
	case j.Treated.IsZero():
		return aftercare.Outgoing{Kind: aftercare.KindNotice,
			Text:    kb.text(catalog.TextRemindersNeedTime) + "\n\n" + kb.text(catalog.TextTreatmentAsk),
			Options: []aftercare.Option{{Choice: aftercare.ChoiceTreatmentAsk, Title: kb.text(catalog.TextTreatmentButton)}}}
	case !j.Reminders || j.RemindersUntil.IsZero():
		return notice(kb.text(catalog.TextRemindersOver))
	}
	return notice(kb.fill(kb.text(catalog.TextRemindersOn), j, map[string]string{"{until}": journey.Describe(j.RemindersUntil, j.Now, kb.loc)}))
}

// invite shows staff the invite the desk made: the link and its QR code,
// and the clinic's reference it carries; or why none was made.
func (kb *knowledge) invite(in aftercare.Inbound) aftercare.Outgoing {
	j := in.Journey
	_, _, refErr := journey.CutRef(in.Text)
	switch {
	case j.Patient:
		return notice(kb.text(catalog.TextInviteStaffOnly))
	case refErr != nil:
		return notice(kb.text(catalog.TextInviteBadRef))
	case j.Treated.IsZero():
		return notice(kb.text(catalog.TextInviteBadTime))
	case j.Link == "":
		return notice(kb.text(catalog.TextInviteUnavailable))
	}
	text := kb.fill(kb.text(catalog.TextInviteMade), j, map[string]string{
		"{until}": journey.Describe(j.LinkExpires, j.Now, kb.loc), "{link}": j.Link})
	if j.ClinicRef != "" {
		text += "\n" + kb.fill(kb.text(catalog.TextInviteRef), j, map[string]string{"{ref}": j.ClinicRef})
	}
	return aftercare.Outgoing{Kind: aftercare.KindInvite, Text: text, QR: j.Link}
}

// Reminder is a serum reminder for day day of the course: the reminder
// text, the serum's steps, and the buttons Done and Stop reminders.
func (s *Service) Reminder(day int) aftercare.Outgoing {
	kb := s.kb.Load()
	vars := map[string]string{"{day}": strconv.Itoa(day), "{days}": strconv.Itoa(kb.courseDays)}
	out := aftercare.Outgoing{Kind: aftercare.KindReminder, Intent: kb.courseItem,
		Text: strings.NewReplacer(flatten(vars)...).Replace(kb.text(catalog.TextReminder)),
		Options: []aftercare.Option{
			{Choice: aftercare.ChoiceReminderDone, Title: kb.text(catalog.TextReminderDone)},
			{Choice: aftercare.ChoiceRemindersOff, Title: kb.text(catalog.TextReminderStop)},
		}}
	if a, ok := kb.answers[kb.courseItem]; ok {
		out.Answers = []aftercare.Answer{a}
	}
	return out
}

// CourseDays is how many days the serum reminders run: the days of the
// first item whose timing is a course of days (the serum's week), 7 when
// the content has none.
func (s *Service) CourseDays() int { return s.kb.Load().courseDays }

// timingNote is the line the answers gain from the treatment time, or,
// for a patient whose treatment time is not known, the offer to tell it.
func (kb *knowledge) timingNote(out *aftercare.Outgoing, j aftercare.Journey) {
	var lines []string
	timed := false
	for _, a := range out.Answers {
		t := kb.timings[a.ItemID]
		if t == nil {
			continue
		}
		timed = true
		if !j.Treated.IsZero() {
			if line := kb.timingLine(t, j); line != "" {
				lines = append(lines, line)
			}
		}
	}
	switch {
	case len(lines) > 0:
		out.Note = strings.TrimSpace(strings.Join(lines, "\n") + "\n\n" + out.Note)
	case timed && j.Patient && j.Treated.IsZero() && len(out.Options) == 0:
		out.Options = []aftercare.Option{{Choice: aftercare.ChoiceTreatmentAsk, Title: kb.text(catalog.TextTreatmentButton)}}
	}
}

// timingLine is an item's timing line for the patient's treatment time.
func (kb *knowledge) timingLine(t *catalog.Timing, j aftercare.Journey) string {
	vars := map[string]string{"{hours}": strconv.Itoa(t.Hours), "{days}": strconv.Itoa(t.Days)}
	switch {
	case t.Hours > 0:
		until := j.Treated.Add(time.Duration(t.Hours) * time.Hour)
		vars["{until}"] = journey.Until(until, j.Now, kb.loc)
		if !j.Now.Before(until) {
			return kb.fill(t.After, j, vars)
		}
	case t.Days > 0:
		day := journey.Day(j.Treated, j.Now, kb.loc)
		vars["{day}"] = strconv.Itoa(day)
		vars["{until}"] = journey.DescribeDay(j.Treated.In(kb.loc).AddDate(0, 0, t.Days-1), j.Now, kb.loc)
		if day > t.Days {
			return kb.fill(t.After, j, vars)
		}
	}
	return kb.fill(t.During, j, vars)
}

// fill puts the journey's values into a text: {treated}, {times}, and
// vars.
func (kb *knowledge) fill(text string, j aftercare.Journey, vars map[string]string) string {
	all := map[string]string{"{times}": kb.times}
	if !j.Treated.IsZero() {
		all["{treated}"] = journey.Describe(j.Treated, j.Now, kb.loc)
	}
	for k, v := range vars {
		all[k] = v
	}
	return strings.NewReplacer(flatten(all)...).Replace(text)
}

func flatten(m map[string]string) []string {
	out := make([]string, 0, 2*len(m))
	for k, v := range m {
		out = append(out, k, v)
	}
	return out
}

// timeList says times of day as a list: "09:00 and 20:00".
func timeList(times []string) string {
	switch len(times) {
	case 0:
		return ""
	case 1:
		return times[0]
	}
	return strings.Join(times[:len(times)-1], ", ") + " and " + times[len(times)-1]
}
