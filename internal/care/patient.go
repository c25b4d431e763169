package care

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/store"
)

// routePatient routes a patient's message (see Route).
func (t *Team) routePatient(ctx context.Context, tx *store.Tx, in aftercare.Inbound, out aftercare.Outgoing, now time.Time) (aftercare.Outgoing, bool, error) {
	if in.Silent() {
		return out, false, t.blocked(ctx, tx, in, now)
	}
	switch in.Command {
	case aftercare.CommandPrivacy:
		kept := fmt.Sprintf("%d days", int(t.cfg.Retention.Hours()/24))
		return notice(t.text(catalog.TextCarePrivacy, map[string]string{"when": kept})), true, nil
	case aftercare.CommandStart:
		out.Note = strings.TrimSpace(out.Note + "\n\n" + t.cfg.Texts.Text(catalog.TextCareWelcome))
	}
	if in.Contact != nil && t.cfg.Privacy == PrivacyAlertOnly {
		return t.sharedPhone(ctx, tx, in, now)
	}
	c, open, err := tx.OpenCaseOf(ctx, in.From)
	if err != nil {
		return out, false, err
	}
	if open {
		return t.duringCase(ctx, tx, c, in, out, now)
	}
	urgent := out.Kind == aftercare.KindUrgent || out.Urgent != ""
	question := in.Command == "" && in.Choice == ""
	switch {
	case in.Command == aftercare.CommandHuman, question && wantsPerson.MatchString(in.Text):
		return t.open(ctx, tx, in, out, store.ReasonAsked, now)
	case in.Choice == aftercare.ChoiceCareAsk:
		return t.open(ctx, tx, in, out, store.ReasonUnanswered, now)
	case in.Choice == aftercare.ChoiceCareUrgent:
		return t.open(ctx, tx, in, aftercare.Outgoing{Kind: aftercare.KindNotice}, store.ReasonUrgent, now)
	case question && urgent && t.cfg.Urgent == UrgentAuto:
		return t.open(ctx, tx, in, out, store.ReasonUrgent, now)
	case question && urgent:
		out.Note = strings.TrimSpace(out.Note + "\n\n" + t.cfg.Texts.Text(catalog.TextCareAskUrgent))
		out.Options = []aftercare.Option{{Choice: aftercare.ChoiceCareUrgent, Title: t.cfg.Texts.Text(catalog.TextCareAskYes)}}
	case out.Kind == aftercare.KindDecline && len(out.Options) == 0:
		out.Options = []aftercare.Option{t.askButton()}
	}
	return out, true, nil
}

// blockedLine tells a case's thread that the patient blocked the bot.
const blockedLine = "The patient blocked the bot: messages can no longer reach them; phone them."

// blocked tells the thread of in's sender's open case, if any, that they
// blocked the bot (CommandBlocked); unblocking (CommandUnblocked) changes
// nothing here. Neither is answered: the desk sends nothing for them.
func (t *Team) blocked(ctx context.Context, tx *store.Tx, in aftercare.Inbound, now time.Time) error {
	if in.Command != aftercare.CommandBlocked {
		return nil
	}
	c, open, err := tx.OpenCaseOf(ctx, in.From)
	if err != nil || !open {
		return err
	}
	return t.enqueue(ctx, tx, c, aftercare.Address{}, notice(blockedLine), nil, false, now)
}

// open opens (or reopens) in's sender's case for reason, posts it to the
// team, and returns what the patient is told: the urgent text first for
// a red flag, then that the team has been told and when they are in.
func (t *Team) open(ctx context.Context, tx *store.Tx, in aftercare.Inbound, out aftercare.Outgoing, reason store.CaseReason, now time.Time) (aftercare.Outgoing, bool, error) {
	urgent := reason == store.ReasonUrgent
	c, opened, err := tx.OpenCase(ctx, store.Case{Patient: in.From, Chat: in.Chat, Pseudonym: pseudonym(), Reason: reason,
		Urgent: urgent, Channel: t.cfg.Channel}, now, ReopenWithin)
	if err != nil {
		return out, false, err
	}
	if !opened { // opened by the patient's message handled at the same moment (another replica)
		return t.duringCase(ctx, tx, c, in, out, now)
	}
	told := true
	if err := tx.UpdateCase(ctx, c.ID, store.CaseChange{Told: &told, Activity: true}, now); err != nil {
		return out, false, err
	}
	t.cfg.Recorder.CaseOpened(string(reason))
	said := ""
	if in.Command == "" && in.Choice == "" {
		said = in.Text
		if err := tx.AddCaseText(ctx, c.ID, store.AuthorPatient, said, now); err != nil {
			return out, false, err
		}
	}
	if answered := out.PlainText(); answered != "" {
		if err := tx.AddCaseText(ctx, c.ID, store.AuthorBot, answered, now); err != nil {
			return out, false, err
		}
	}
	root := t.root(c, in, said, out, urgent, now)
	if err := t.keepRoot(ctx, tx, c, root, now); err != nil {
		return out, false, err
	}
	if c.Thread == "" {
		_, err = tx.Enqueue(ctx, Letter(t.rootPost(c), root, nil), now)
	} else { // reopened: the same thread
		err = t.enqueue(ctx, tx, c, aftercare.Address{}, root, nil, said != "", now)
	}
	if err != nil {
		return out, false, err
	}
	if err := t.sharePhoto(ctx, tx, c, in, now); err != nil {
		return out, false, err
	}
	return t.offerPhone(c, in, t.toldPatient(out, urgent, now)), true, nil
}

// keepRoot keeps on case c the text of root, the root it posts (see
// updateRoot), so that a Claim or a Resolve updates it without losing what
// it said. A case reopened in its thread posts its new root in the thread;
// its root keeps the first one's text, with a line saying it reopened.
func (t *Team) keepRoot(ctx context.Context, tx *store.Tx, c store.Case, root aftercare.Outgoing, now time.Time) error {
	text := root.Text
	switch {
	case c.Thread != "" && c.RootText == "":
		return nil // a root posted before roots were kept: see rebuiltRoot
	case c.Thread != "":
		text = c.RootText + "\n_Reopened " + t.stamp(now) + ": see the thread._"
	}
	return tx.UpdateCase(ctx, c.ID, store.CaseChange{RootText: &text}, now)
}

// rootPost is where a case's root goes.
func (t *Team) rootPost(c store.Case) store.Post {
	return store.Post{Lane: laneOfCase(c.ID), To: aftercare.Address{Platform: aftercare.Slack, Chat: c.Channel},
		CaseID: c.ID, Root: true, Patient: c.Patient}
}

// toldPatient is the reply when a case opens: for a red flag, the urgent
// reply with a line that the team has been told (and, out of hours, to
// seek attention now); else that the team has it and when they reply.
func (t *Team) toldPatient(out aftercare.Outgoing, urgent bool, now time.Time) aftercare.Outgoing {
	next := map[string]string{"next": t.when(t.cfg.Hours.Next(now), now)}
	inHours := t.cfg.Hours.Open(now)
	var lines []string
	switch {
	case t.cfg.Privacy == PrivacyAlertOnly:
		lines = append(lines, t.cfg.Texts.Text(catalog.TextCareAlertOnly))
	case urgent:
		lines = append(lines, t.cfg.Texts.Text(catalog.TextCareToldUrgent))
	case inHours:
		lines = append(lines, t.cfg.Texts.Text(catalog.TextCareOpened))
	default:
		lines = append(lines, t.text(catalog.TextCareOpenedClosed, next))
	}
	if urgent && !inHours {
		lines = append(lines, t.text(catalog.TextCareUrgentClosed, next))
	}
	if !urgent {
		return notice(strings.Join(lines, "\n\n"))
	}
	out.Note = strings.TrimSpace(out.Note + "\n\n" + strings.Join(lines, "\n\n"))
	out.Options, out.NoneOfThese = nil, ""
	return out
}

// duringCase routes a patient's message while their case is open: a
// message goes to the thread and is not answered, except that a red flag
// still gets the urgent text and marks the case urgent; commands and
// buttons are answered as ever, and the thread notes what the bot said.
func (t *Team) duringCase(ctx context.Context, tx *store.Tx, c store.Case, in aftercare.Inbound, out aftercare.Outgoing, now time.Time) (aftercare.Outgoing, bool, error) {
	if err := tx.UpdateCase(ctx, c.ID, store.CaseChange{Activity: true}, now); err != nil {
		return out, false, err
	}
	question := in.Command == "" && in.Choice == ""
	if !question {
		if in.Command == aftercare.CommandHuman || in.Choice == aftercare.ChoiceCareAsk || in.Choice == aftercare.ChoiceCareUrgent {
			return notice(t.cfg.Texts.Text(catalog.TextCareOpened)), true, nil
		}
		if t.cfg.Privacy != PrivacyAlertOnly {
			note := notice("_The bot answered the patient's " + describe(in) + ":_ " + clip(out.PlainText(), 500))
			if err := t.enqueue(ctx, tx, c, aftercare.Address{}, note, nil, false, now); err != nil {
				return out, false, err
			}
		}
		return out, true, nil
	}
	urgent := out.Kind == aftercare.KindUrgent || out.Urgent != ""
	if err := tx.AddCaseText(ctx, c.ID, store.AuthorPatient, in.Text, now); err != nil {
		return out, false, err
	}
	if t.cfg.Privacy != PrivacyAlertOnly || urgent || in.Attachment != nil {
		if err := t.enqueue(ctx, tx, c, aftercare.Address{}, t.patientSaid(c, in, urgent), nil, true, now); err != nil {
			return out, false, err
		}
	}
	if err := t.sharePhoto(ctx, tx, c, in, now); err != nil {
		return out, false, err
	}
	if !urgent {
		return out, false, nil
	}
	yes := true
	if err := tx.UpdateCase(ctx, c.ID, store.CaseChange{Urgent: &yes}, now); err != nil {
		return out, false, err
	}
	return aftercare.Outgoing{Kind: aftercare.KindUrgent, Urgent: out.Urgent, RedFlags: out.RedFlags}, true, nil
}

// describe names what a patient sent that is not a question, for staff.
func describe(in aftercare.Inbound) string {
	if in.Command != "" {
		return "/" + in.Command
	}
	return "button press"
}

// clip cuts s to n runes.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// sharePhoto queues the photo in carries for c's thread, in relay mode
// only (see photoLine). It is fetched from the patient's platform when it
// is sent, not stored; if it cannot be, the thread is told so instead.
func (t *Team) sharePhoto(ctx context.Context, tx *store.Tx, c store.Case, in aftercare.Inbound, now time.Time) error {
	if in.Attachment == nil || t.cfg.Privacy != PrivacyRelay {
		return nil
	}
	gone := notice("*" + c.Pseudonym + ":* _sent a photo that could not be fetched from " + platformName(in.Attachment.Platform) +
		" (deleted, or sent too long ago): phone them to see it._")
	p := store.Post{To: aftercare.Address{Platform: aftercare.Slack, Chat: c.Channel, Thread: c.Thread}, CaseID: c.ID,
		Lane: laneOfCase(c.ID), Patient: c.Patient, Payload: encode(letter{Msg: gone, File: in.Attachment})}
	_, err := tx.Enqueue(ctx, p, now)
	return err
}

// platformName is a platform's name for staff.
func platformName(p aftercare.Platform) string {
	if p == aftercare.Telegram {
		return "Telegram"
	}
	return string(p)
}
