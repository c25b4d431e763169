package treatment_test

import (
	"regexp"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/journey"
	"github.com/clinicbot/aftercare/internal/store"
	"github.com/clinicbot/aftercare/internal/store/storetest"
	"github.com/clinicbot/aftercare/internal/treatment"
)

var (
	london, _ = time.LoadLocation("Europe/London")
	now       = time.Date(2026, 12, 2, 16, 0, 0, 0, london)
	patient   = aftercare.Actor{Platform: aftercare.Telegram, UserID: "77"}
	staff     = aftercare.Actor{Platform: aftercare.Slack, UserID: "UNURSE"}
	tokenRe   = regexp.MustCompile(`start=(.+)$`)
)

func apply(t *testing.T, db *store.DB, fx *treatment.Effects, in aftercare.Inbound, at time.Time) aftercare.Journey {
	t.Helper()
	in.Chat = aftercare.Address{Platform: in.From.Platform, Chat: in.From.UserID}
	var j aftercare.Journey
	if err := db.Tx(t.Context(), func(tx *store.Tx) (err error) {
		j, err = fx.Apply(t.Context(), tx, in, at)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return j
}

func TestInvites(t *testing.T) {
	db := storetest.Open(t, storetest.SQLiteURL(t))
	fx := treatment.New(treatment.Config{Location: london, BotUsername: func() string { return "AftercareBot" }})
	made := apply(t, db, fx, aftercare.Inbound{From: staff, Command: aftercare.CommandInvite, Text: "14:30"}, now)
	m := tokenRe.FindStringSubmatch(made.Link)
	if m == nil || !made.Treated.Equal(time.Date(2026, 12, 2, 14, 30, 0, 0, london)) || !made.LinkExpires.Equal(now.Add(journey.InviteValidity)) {
		t.Fatalf("invite = %+v", made)
	}
	if j := apply(t, db, fx, aftercare.Inbound{From: patient, Command: aftercare.CommandInvite}, now); j.Link != "" {
		t.Errorf("a patient made an invite: %+v", j)
	}
	if j := apply(t, db, fx, aftercare.Inbound{From: staff, Command: aftercare.CommandInvite, Text: "nonsense"}, now); j.Link != "" || !j.Treated.IsZero() {
		t.Errorf("an invite with no time: %+v", j)
	}
	late := apply(t, db, fx, aftercare.Inbound{From: patient, Command: aftercare.CommandStart, Text: m[1]}, now.Add(journey.InviteValidity))
	if late.Invite != aftercare.InviteExpired || !late.Treated.IsZero() {
		t.Errorf("after 14 days: %+v, want expired", late)
	}
	second := apply(t, db, fx, aftercare.Inbound{From: staff, Command: aftercare.CommandInvite}, now)
	token := tokenRe.FindStringSubmatch(second.Link)[1]
	linked := apply(t, db, fx, aftercare.Inbound{From: patient, Command: aftercare.CommandStart, Text: token}, now.Add(time.Hour))
	if linked.Invite != aftercare.InviteLinked || !linked.Treated.Equal(now) {
		t.Errorf("within 14 days: %+v, want linked, treated %v", linked, now)
	}
	other := aftercare.Actor{Platform: aftercare.Telegram, UserID: "88"}
	if used := apply(t, db, fx, aftercare.Inbound{From: other, Command: aftercare.CommandStart, Text: token}, now.Add(2*time.Hour)); used.Invite != aftercare.InviteUsed || !used.Treated.IsZero() {
		t.Errorf("used again: %+v", used)
	}
	var stored int
	db.SQL().QueryRowContext(t.Context(), "SELECT count(*) FROM invites WHERE token_hash = $1 OR token_hash = $2", token, m[1]).Scan(&stored)
	if stored != 0 {
		t.Error("a token is stored in the clear")
	}
}

func TestTreatmentChoices(t *testing.T) {
	db := storetest.Open(t, storetest.SQLiteURL(t))
	fx := treatment.New(treatment.Config{Location: london})
	apply(t, db, fx, aftercare.Inbound{From: patient, Choice: aftercare.ChoiceTreated(now.AddDate(0, 0, 1))}, now) // forged: the future
	if j := apply(t, db, fx, aftercare.Inbound{From: patient, Command: aftercare.CommandReminders}, now); !j.Treated.IsZero() || j.Reminders {
		t.Errorf("a future time was stored, or reminders planned without a time: %+v", j)
	}
	treated := time.Date(2026, 12, 2, 14, 0, 0, 0, london)
	apply(t, db, fx, aftercare.Inbound{From: patient, Choice: aftercare.ChoiceTreated(treated)}, now)
	on := apply(t, db, fx, aftercare.Inbound{From: patient, Choice: aftercare.ChoiceRemindersOn}, now)
	if !on.Reminders || !on.RemindersUntil.Equal(time.Date(2026, 12, 8, 20, 0, 0, 0, london)) {
		t.Errorf("reminders on = %+v, want on until 8 December 20:00", on)
	}
	rs, _, _ := db.Reminders(t.Context(), patient)
	if len(rs) != 13 {
		t.Errorf("%d reminders planned, want 13 (today 20:00, then twice a day to day 7)", len(rs))
	}
	// A changed time replans.
	apply(t, db, fx, aftercare.Inbound{From: patient, Choice: aftercare.ChoiceTreated(treated.AddDate(0, 0, -1))}, now)
	if rs, _, _ := db.Reminders(t.Context(), patient); len(rs) != 11 {
		t.Errorf("%d reminders after the time changed to yesterday, want 11", len(rs))
	}
	if off := apply(t, db, fx, aftercare.Inbound{From: patient, Command: aftercare.CommandStop}, now); off.Reminders {
		t.Errorf("after /stop: %+v", off)
	}
	over := apply(t, db, fx, aftercare.Inbound{From: patient, Command: aftercare.CommandReminders}, now.AddDate(0, 0, 10))
	if over.Reminders {
		t.Errorf("reminders on after the week: %+v", over)
	}
}

// Blocking the bot stops the serum reminders, as a reminder found
// unreachable does; unblocking does not turn them back on.
func TestBlockedStopsReminders(t *testing.T) {
	for _, tc := range []struct {
		name    string
		command string
		on      bool // reminders still on after it
		planned int
	}{
		{"blocked", aftercare.CommandBlocked, false, 0},
		{"unblocked", aftercare.CommandUnblocked, true, 13},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := storetest.Open(t, storetest.SQLiteURL(t))
			fx := treatment.New(treatment.Config{Location: london})
			apply(t, db, fx, aftercare.Inbound{From: patient, Choice: aftercare.ChoiceTreated(time.Date(2026, 12, 2, 14, 0, 0, 0, london))}, now)
			apply(t, db, fx, aftercare.Inbound{From: patient, Choice: aftercare.ChoiceRemindersOn}, now)
			j := apply(t, db, fx, aftercare.Inbound{From: patient, Command: tc.command}, now)
			rs, _, _ := db.Reminders(t.Context(), patient)
			if j.Reminders != tc.on || len(rs) != tc.planned {
				t.Errorf("after %s: reminders on %v, %d planned; want %v, %d", tc.command, j.Reminders, len(rs), tc.on, tc.planned)
			}
		})
	}
}

// An invite made with a clinic reference carries it to the patient who
// redeems it: their journey has it from then on, and a later invite
// without one keeps it. A reference that is not one makes no invite.
func TestInviteClinicRef(t *testing.T) {
	db := storetest.Open(t, storetest.SQLiteURL(t))
	fx := treatment.New(treatment.Config{Location: london, BotUsername: func() string { return "AftercareBot" }})
	for _, text := range []string{"14:30 ref A 1234", "14:30 ref", "ref Jane Smith"} {
		if j := apply(t, db, fx, aftercare.Inbound{From: staff, Command: aftercare.CommandInvite, Text: text}, now); j.Link != "" || !j.Treated.IsZero() {
			t.Errorf("invite %q = %+v, want none made", text, j)
		}
	}
	made := apply(t, db, fx, aftercare.Inbound{From: staff, Command: aftercare.CommandInvite, Text: "14:30 ref A-1234"}, now)
	if made.Link == "" || made.ClinicRef != "A-1234" || !made.Treated.Equal(time.Date(2026, 12, 2, 14, 30, 0, 0, london)) {
		t.Fatalf("invite 14:30 ref A-1234 = %+v", made)
	}
	linked := apply(t, db, fx, aftercare.Inbound{From: patient, Command: aftercare.CommandStart, Text: tokenRe.FindStringSubmatch(made.Link)[1]}, now)
	if linked.Invite != aftercare.InviteLinked || linked.ClinicRef != "A-1234" {
		t.Errorf("redeemed: %+v, want linked with ref A-1234", linked)
	}
	if later := apply(t, db, fx, aftercare.Inbound{From: patient, Text: "can I take a bath?"}, now.Add(time.Hour)); later.ClinicRef != "A-1234" {
		t.Errorf("a later message's journey = %+v, want ref A-1234", later)
	}
	plain := apply(t, db, fx, aftercare.Inbound{From: staff, Command: aftercare.CommandInvite, Text: "ref B-1"}, now)
	if !plain.Treated.Equal(now) || plain.ClinicRef != "B-1" {
		t.Errorf("invite ref B-1 = %+v, want treated now with ref B-1", plain)
	}
	noRef := apply(t, db, fx, aftercare.Inbound{From: staff, Command: aftercare.CommandInvite}, now)
	again := apply(t, db, fx, aftercare.Inbound{From: patient, Command: aftercare.CommandStart, Text: tokenRe.FindStringSubmatch(noRef.Link)[1]}, now)
	if again.Invite != aftercare.InviteLinked || again.ClinicRef != "A-1234" {
		t.Errorf("a second invite without a ref: %+v, want linked and A-1234 kept", again)
	}
}
