package care_test

import (
	"strings"
	"testing"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/care"
	"github.com/clinicbot/aftercare/internal/catalog"
)

func sharesContact(phone string, own bool) aftercare.Inbound {
	return aftercare.Inbound{From: patient, Chat: chat, NonText: true, Contact: &aftercare.Contact{Phone: phone, Own: own}}
}

// alert-only, a patient the clinic cannot name: the case's opening offers
// the button; someone else's contact is refused with the button again;
// their own number goes to the thread once (shared twice, posted once),
// and the button goes.
func TestSharedPhone(t *testing.T) {
	tm := newTeam(t, func(c *care.Config) { c.Privacy = care.PrivacyAlertOnly })
	if reply, _ := tm.route(t, sharesContact("447700900123", true), aftercare.Outgoing{Kind: aftercare.KindNonText}); reply.Text != "["+catalog.TextCarePhoneNoCase+"]" || !reply.RemoveContactButton {
		t.Errorf("a contact with no case open: %+v, want it not kept and the button removed", reply)
	}
	reply, _ := tm.route(t, patientSays("my lips are swelling"), urgent)
	if reply.ContactButton != "["+catalog.TextCarePhoneButton+"]" || !strings.Contains(reply.Note, catalog.TextCarePhoneAsk) || reply.Urgent == "" {
		t.Fatalf("urgent case opened: %+v, want the urgent text and the phone button", reply)
	}
	reply, _ = tm.route(t, sharesContact("+447700900999", false), aftercare.Outgoing{Kind: aftercare.KindNonText})
	if reply.Text != "["+catalog.TextCarePhoneNotOwn+"]" || reply.ContactButton == "" {
		t.Errorf("someone else's contact: %+v, want it refused with the button again", reply)
	}
	for range 2 {
		reply, _ = tm.route(t, sharesContact("44 7700 900123", true), aftercare.Outgoing{Kind: aftercare.KindNonText})
		if reply.Text != "["+catalog.TextCarePhoneThanks+"]" || !reply.RemoveContactButton || reply.ContactButton != "" {
			t.Errorf("their own number: %+v, want thanks and the button removed", reply)
		}
	}
	var phones []string
	for _, s := range tm.slack.texts() {
		if strings.Contains(s, "Phone:") {
			phones = append(phones, s)
		}
		if strings.Contains(s, "900999") {
			t.Errorf("someone else's number reached Slack: %q", s)
		}
	}
	if len(phones) != 1 || !strings.Contains(phones[0], "Phone: +447700900123") {
		t.Errorf("thread posts with a phone = %q, want Phone: +447700900123 once", phones)
	}
}

// No button when the clinic can name the patient (a clinic reference),
// nor outside alert-only, where a contact is just a message the bot
// cannot read.
func TestNoPhoneButton(t *testing.T) {
	tm := newTeam(t, func(c *care.Config) { c.Privacy = care.PrivacyAlertOnly })
	in := patientSays("can I talk to a nurse")
	in.Journey = aftercare.Journey{Patient: true, ClinicRef: "A-1234"}
	if reply, _ := tm.route(t, in, decline); reply.ContactButton != "" || strings.Contains(reply.Text, catalog.TextCarePhoneAsk) {
		t.Errorf("with a clinic ref: %+v, want no phone button", reply)
	}
	relay := newTeam(t, nil)
	if reply, _ := relay.route(t, patientSays("can I talk to a nurse"), decline); reply.ContactButton != "" {
		t.Errorf("relay: %+v, want no phone button", reply)
	}
	relay.route(t, sharesContact("447700900123", true), aftercare.Outgoing{Kind: aftercare.KindNonText})
	for _, s := range relay.slack.texts() {
		if strings.Contains(s, "900123") {
			t.Errorf("relay: a contact's number reached Slack: %q", s)
		}
	}
}
