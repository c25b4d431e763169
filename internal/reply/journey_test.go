package reply_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/fixture"
)

var london, _ = time.LoadLocation("Europe/London")

// treated is Wednesday 2 December 2026, 14:30 in London.
var treated = time.Date(2026, 12, 2, 14, 30, 0, 0, london)

func patientAsks(text string, j aftercare.Journey) aftercare.Inbound {
	j.Patient = true
	return aftercare.Inbound{From: aftercare.Actor{Platform: aftercare.Telegram, UserID: "1"}, Text: text, Journey: j}
}

func TestTimingLines(t *testing.T) {
	s := fixture.Service(t, catalog.Clinic{Name: "Glow", Location: london})
	tests := []struct {
		name string
		text string
		now  time.Time
		want string // in the note
		not  string
	}{
		{"within the 8 hours", "can I wear make-up tonight", treated.Add(4*time.Hour + 30*time.Minute),
			"Your treatment was today at 14:30, so until at least 22:30 use only the aftercare serum.", "window has passed"},
		{"just before the end", "can I put moisturiser on", treated.Add(8*time.Hour - time.Minute), "until at least 22:30", "passed"},
		{"after the 8 hours", "can I wear make-up", treated.Add(8 * time.Hour),
			"It's now more than 8 hours since your treatment, so the sheet's serum-only window has passed.", "22:30"},
		{"the next day", "can I use my moisturiser", treated.Add(20 * time.Hour), "ask your practitioner at Glow about a particular product", "is fine"},
		{"serum day 3", "how often do I put the serum on", treated.AddDate(0, 0, 2), "Today is day 3 of 7 of the serum.", ""},
		{"serum over", "how often do I put the serum on", treated.AddDate(0, 0, 9), "Your week of the serum ended on Tuesday 8 December.", ""},
		{"shower", "can I shower tonight", treated.Add(3 * time.Hour), "Your treatment was today at 14:30, so the sheet's shower", ""},
	}
	for _, tt := range tests {
		out := s.Answer(context.Background(), patientAsks(tt.text, aftercare.Journey{Now: tt.now, Treated: treated}))
		if out.Kind != aftercare.KindAnswer || !strings.Contains(out.Note, tt.want) || (tt.not != "" && strings.Contains(out.Note, tt.not)) {
			t.Errorf("%s: Answer(%q).Note = %q (%s), want %q and not %q", tt.name, tt.text, out.Note, out.Kind, tt.want, tt.not)
		}
	}
}

func TestNoTreatmentTimeOffersToTellIt(t *testing.T) {
	s := fixture.Service(t, catalog.Clinic{Location: london})
	out := s.Answer(context.Background(), patientAsks("can I wear make-up tonight", aftercare.Journey{Now: treated}))
	if out.Note != "" || len(out.Options) != 1 || out.Options[0].Choice != aftercare.ChoiceTreatmentAsk {
		t.Errorf("Answer without a treatment time: note %q, options %v; want no note and the button", out.Note, out.Options)
	}
	staff := s.Answer(context.Background(), aftercare.Inbound{From: aftercare.Actor{Platform: aftercare.Slack, UserID: "U1"}, Text: "can patients wear make-up"})
	if len(staff.Options) != 0 {
		t.Errorf("staff got the treatment button: %v", staff.Options)
	}
	bath := s.Answer(context.Background(), patientAsks("can I take a bath", aftercare.Journey{Now: treated}))
	if len(bath.Options) != 0 {
		t.Errorf("an untimed answer got the treatment button: %v", bath.Options)
	}
}

func TestTreatmentTimeFromAMessage(t *testing.T) {
	s := fixture.Service(t, catalog.Clinic{Location: london})
	now := treated.Add(5 * time.Hour)
	out := s.Answer(context.Background(), patientAsks("I had it done today at 2pm", aftercare.Journey{Now: now}))
	want := aftercare.ChoiceTreated(time.Date(2026, 12, 2, 14, 0, 0, 0, london))
	if out.Kind != aftercare.KindConfirm || !strings.Contains(out.Text, "today at 14:00") || len(out.Options) != 2 || out.Options[0].Choice != want {
		t.Errorf("Answer(time statement) = %s %q %v, want a confirmation of today at 14:00 (%s)", out.Kind, out.Text, out.Options, want)
	}
	both := s.Answer(context.Background(), patientAsks("I had it done today at 2pm and my skin is really itchy", aftercare.Journey{Now: now}))
	if both.Kind != aftercare.KindAnswer || len(both.Answers) != 1 || both.Answers[0].ItemID != "expect.itching" ||
		!strings.Contains(both.Note, "today at 14:00") || len(both.Options) != 2 || both.Options[0].Choice != want {
		t.Errorf("Answer(time and a question) = %s %v %q %v; want the itching answer, then the time to confirm", both.Kind, both.Answers, both.Note, both.Options)
	}
	urgent := s.Answer(context.Background(), patientAsks("had it done yesterday and now I have a fever and pus", aftercare.Journey{Now: now}))
	if urgent.Kind != aftercare.KindUrgent {
		t.Errorf("a red flag with a time = %s, want urgent first", urgent.Kind)
	}
}

func TestReminder(t *testing.T) {
	s := fixture.Service(t, catalog.Clinic{})
	out := s.Reminder(3)
	if out.Kind != aftercare.KindReminder || !strings.Contains(out.Text, "day 3 of 7") || len(out.Answers) != 1 ||
		!strings.Contains(out.Answers[0].Text, "6–8 drops") || len(out.Options) != 2 || out.Options[1].Choice != aftercare.ChoiceRemindersOff {
		t.Errorf("Reminder(3) = %+v", out)
	}
}

// Staff are shown the clinic reference an invite carries, and told kindly
// what a reference is when theirs is not one.
func TestInviteReply(t *testing.T) {
	s := fixture.Service(t, catalog.Clinic{Name: "Glow", Location: london})
	staff := aftercare.Actor{Platform: aftercare.Slack, UserID: "U1"}
	made := aftercare.Journey{Now: treated, Treated: treated, Link: "https://t.me/AftercareBot?start=abc", LinkExpires: treated.AddDate(0, 0, 14)}
	withRef := made
	withRef.ClinicRef = "A-1234"
	tests := []struct {
		text    string
		j       aftercare.Journey
		want    string
		not     string
		qr      bool
		comment string
	}{
		{"14:30", made, "Invite for a patient treated", "Clinic ref", true, "no ref"},
		{"14:30 ref A-1234", withRef, "Clinic ref A-1234: the care team will see it", "", true, "with a ref"},
		{"14:30 ref A 1234", aftercare.Journey{Now: treated}, "a clinic ref is your own record or booking number", "couldn't read a treatment time", false, "a ref with a space"},
		{"ref", aftercare.Journey{Now: treated}, "it comes last", "", false, "no ref after ref"},
		{"nonsense ref A-1", aftercare.Journey{Now: treated}, "couldn't read a treatment time", "clinic ref", false, "a bad time, a good ref"},
	}
	for _, tt := range tests {
		out := s.Answer(context.Background(), aftercare.Inbound{From: staff, Command: aftercare.CommandInvite, Text: tt.text, Journey: tt.j})
		got := out.PlainText()
		if !strings.Contains(got, tt.want) || (tt.not != "" && strings.Contains(got, tt.not)) || (out.QR != "") != tt.qr {
			t.Errorf("%s: invite %q = %q (QR %q), want %q in it, not %q", tt.comment, tt.text, got, out.QR, tt.want, tt.not)
		}
	}
}
