package care

import (
	"context"
	"strings"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/store"
)

// With HANDOFF_PRIVACY=alert-only staff phone the patient, and see only a
// pseudonym. A patient whose invite brought no clinic reference is
// offered, when their case opens, a button that shares their phone
// number; the number they share goes on the case (and nowhere else) and,
// once, to its thread.

// offerPhone adds to reply, what a patient is told as case c opens, the
// button that shares their phone number, when staff will need it: in
// alert-only, for a patient the clinic cannot name (no clinic reference)
// whose case has no number yet (a reopened case keeps the one shared).
func (t *Team) offerPhone(c store.Case, in aftercare.Inbound, reply aftercare.Outgoing) aftercare.Outgoing {
	if t.cfg.Privacy != PrivacyAlertOnly || in.Journey.ClinicRef != "" || c.Phone != "" {
		return reply
	}
	if reply.Note != "" {
		reply.Note += "\n\n" + t.cfg.Texts.Text(catalog.TextCarePhoneAsk)
	} else {
		reply.Text = strings.TrimSpace(reply.Text + "\n\n" + t.cfg.Texts.Text(catalog.TextCarePhoneAsk))
	}
	reply.ContactButton = t.cfg.Texts.Text(catalog.TextCarePhoneButton)
	return reply
}

// sharedPhone handles a phone number the patient shared in alert-only:
// their own goes on their open case and, when it is new there, to its
// thread (a message delivered twice posts once); someone else's is
// refused kindly, with the button again; with no case open it is not
// kept. The button goes once a number is taken, or there is no case.
func (t *Team) sharedPhone(ctx context.Context, tx *store.Tx, in aftercare.Inbound, now time.Time) (aftercare.Outgoing, bool, error) {
	c, open, err := tx.OpenCaseOf(ctx, in.From)
	if err != nil {
		return aftercare.Outgoing{}, false, err
	}
	phone, ok := phoneNumber(in.Contact.Phone)
	switch {
	case !open:
		reply := notice(t.cfg.Texts.Text(catalog.TextCarePhoneNoCase))
		reply.RemoveContactButton = true
		return reply, true, nil
	case !in.Contact.Own || !ok:
		reply := notice(t.cfg.Texts.Text(catalog.TextCarePhoneNotOwn))
		reply.ContactButton = t.cfg.Texts.Text(catalog.TextCarePhoneButton)
		return reply, true, nil
	}
	changed, err := tx.SetCasePhone(ctx, c.ID, phone)
	if err != nil {
		return aftercare.Outgoing{}, false, err
	}
	if err := tx.UpdateCase(ctx, c.ID, store.CaseChange{Activity: true}, now); err != nil {
		return aftercare.Outgoing{}, false, err
	}
	if changed {
		post := notice("Phone: " + phone + " _(shared by " + c.Pseudonym + " from " + platformName(in.From.Platform) + ")_")
		if err := t.enqueue(ctx, tx, c, aftercare.Address{}, post, nil, true, now); err != nil {
			return aftercare.Outgoing{}, false, err
		}
	}
	reply := notice(t.cfg.Texts.Text(catalog.TextCarePhoneThanks))
	reply.RemoveContactButton = true
	return reply, true, nil
}

// phoneNumber is a shared phone number as staff see it: its digits after
// a + (Telegram gives the international number, with or without the +),
// so that nothing else in it reaches Slack. ok is false for a number
// without 5 to 15 digits (E.164 has at most 15).
func phoneNumber(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	if n := b.Len(); n < 5 || n > 15 {
		return "", false
	}
	return "+" + b.String(), true
}
