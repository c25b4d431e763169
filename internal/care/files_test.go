package care_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/care"
)

// photo is a patient's photo with a caption.
func photo(id, caption string) aftercare.Inbound {
	in := patientSays(caption)
	in.NonText = true
	in.Attachment = &aftercare.File{Platform: aftercare.Telegram, ID: id, Name: "photo.jpg", MIME: "image/jpeg"}
	return in
}

// A photo sent while a case is open: in relay mode the caption and then
// the photo, fetched from Telegram, go to the thread; in redacted mode
// the (masked) caption and a line that the photo is not shared; in
// alert-only a line that a photo came, without the caption.
func TestPhotoByPrivacy(t *testing.T) {
	tests := []struct {
		privacy care.Privacy
		want    []string // the thread after the root, in order
		not     []string // nowhere in Slack
	}{
		{care.PrivacyRelay, []string{"_sent a photo (below)_, with: is this red? call 07700", "[file photo.jpg: JPEG1]"}, nil},
		{care.PrivacyRedacted, []string{"_sent a photo, which is not shared in this mode (HANDOFF_PRIVACY=redacted): phone them to see it_, with: is this red? call #####"},
			[]string{"JPEG1", "07700"}},
		{care.PrivacyAlertOnly, []string{"The patient sent a photo (not shown: alert-only): phone them to see it."}, []string{"JPEG1", "is this red", "07700"}},
	}
	for _, tc := range tests {
		t.Run(string(tc.privacy), func(t *testing.T) {
			tm := newTeam(t, func(c *care.Config) { c.Privacy = tc.privacy })
			tm.tg.files = map[string]string{"ph1": "JPEG1"}
			tm.route(t, aftercare.Inbound{From: patient, Chat: chat, Command: aftercare.CommandHuman}, decline)
			if _, send := tm.route(t, photo("ph1", "is this red? call 07700"), decline); send {
				t.Error("a photo during the case was answered from the sheet")
			}
			thread := tm.slack.texts()[1:]
			if len(thread) != len(tc.want) {
				t.Fatalf("thread = %q, want %d posts", thread, len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.HasSuffix(thread[i], w) {
					t.Errorf("thread[%d] = %q, want it to end %q", i, thread[i], w)
				}
			}
			for _, s := range tm.slack.texts() {
				for _, n := range tc.not {
					if strings.Contains(s, n) {
						t.Errorf("Slack got %q, with %q in it", s, n)
					}
				}
			}
			if len(tm.slack.landed) > 2 && tm.slack.landed[2].To.Thread != tm.slack.landed[0].TS {
				t.Errorf("the photo went to thread %q, want the root's", tm.slack.landed[2].To.Thread)
			}
		})
	}
}

// A photo whose caption opens a case (a red flag) follows the root.
func TestPhotoOpensACase(t *testing.T) {
	tm := newTeam(t, nil)
	tm.tg.files = map[string]string{"ph1": "JPEG1"}
	tm.route(t, photo("ph1", "is this infected?? yellow pus"), urgent)
	got := tm.slack.texts()
	if len(got) != 2 || !strings.Contains(got[0], "sent a photo (below)") || !strings.Contains(got[0], "yellow pus") || got[1] != "[file photo.jpg: JPEG1]" {
		t.Errorf("Slack got %q, want the root with the caption, then the photo", got)
	}
}

// The photo's delivery: Slack refusing for now sends it once later, in
// order with the thread's other posts; an upload that may have landed is
// looked up, not uploaded again; Telegram failing for now is tried again;
// a file Telegram no longer has, or one not fetched within FetchFor,
// becomes a line saying so.
func TestPhotoDelivery(t *testing.T) {
	later := fmt.Errorf("502: %w", aftercare.ErrRetryLater)
	t.Run("slack later", func(t *testing.T) {
		tm := newTeam(t, nil)
		tm.tg.files = map[string]string{"ph1": "JPEG1"}
		tm.route(t, aftercare.Inbound{From: patient, Chat: chat, Command: aftercare.CommandHuman}, decline)
		tm.slack.script = []error{nil, later, later} // the caption, then the photo twice
		tm.route(t, photo("ph1", "look"), decline)
		tm.route(t, patientSays("and now?"), decline)
		for range 5 {
			tm.clock.Add(time.Minute)
			tm.team.Outbox().Flush(t.Context())
		}
		equalSuffixes(t, tm.slack.texts()[1:], []string{"with: look", "[file photo.jpg: JPEG1]", "and now?"})
	})
	t.Run("uncertain upload", func(t *testing.T) {
		tm := newTeam(t, nil)
		tm.tg.files = map[string]string{"ph1": "JPEG1"}
		tm.route(t, aftercare.Inbound{From: patient, Chat: chat, Command: aftercare.CommandHuman}, decline)
		tm.slack.script = []error{nil, aftercare.ErrUncertain}
		tm.route(t, photo("ph1", ""), decline)
		for range 3 {
			tm.clock.Add(time.Minute)
			tm.team.Outbox().Flush(t.Context())
		}
		equalSuffixes(t, tm.slack.texts()[1:], []string{"sent a photo (below)_", "[file photo.jpg: JPEG1]"})
	})
	t.Run("telegram later, then gone", func(t *testing.T) {
		tm := newTeam(t, nil)
		tm.route(t, aftercare.Inbound{From: patient, Chat: chat, Command: aftercare.CommandHuman}, decline)
		tm.tg.fetchScript = []error{later, later}
		tm.route(t, photo("ph1", ""), decline)
		tm.clock.Add(time.Minute)
		tm.team.Outbox().Flush(t.Context())
		if n := len(tm.slack.texts()); n != 2 {
			t.Errorf("Slack got %q while Telegram failed, want the root and the caption line", tm.slack.texts())
		}
		tm.clock.Add(time.Minute)
		tm.team.Outbox().Flush(t.Context()) // not in tm.tg.files: gone for good
		equalSuffixes(t, tm.slack.texts()[1:], []string{"sent a photo (below)_", "could not be fetched from Telegram (deleted, or sent too long ago): phone them to see it._"})
	})
	t.Run("telegram later for too long", func(t *testing.T) {
		tm := newTeam(t, nil)
		tm.route(t, aftercare.Inbound{From: patient, Chat: chat, Command: aftercare.CommandHuman}, decline)
		tm.tg.fetchScript = []error{later, later, later}
		tm.tg.files = map[string]string{"ph1": "JPEG1"}
		tm.route(t, photo("ph1", ""), decline)
		tm.clock.Add(care.FetchFor / 2)
		tm.team.Outbox().Flush(t.Context())
		tm.clock.Add(care.FetchFor/2 + time.Minute)
		tm.team.Outbox().Flush(t.Context())
		equalSuffixes(t, tm.slack.texts()[1:], []string{"sent a photo (below)_", "could not be fetched from Telegram (deleted, or sent too long ago): phone them to see it._"})
	})
}

func equalSuffixes(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("thread = %q, want %d posts ending %q", got, len(want), want)
	}
	for i := range want {
		if !strings.HasSuffix(got[i], want[i]) {
			t.Errorf("thread[%d] = %q, want it to end %q", i, got[i], want[i])
		}
	}
}

// A photo queued before a restart is uploaded once by the next process's
// outbox: only its file_id was stored, and it is fetched then.
func TestPhotoAfterRestart(t *testing.T) {
	tm := newTeam(t, nil)
	tm.tg.files = map[string]string{"ph1": "JPEG1"}
	tm.route(t, aftercare.Inbound{From: patient, Chat: chat, Command: aftercare.CommandHuman}, decline)
	later := fmt.Errorf("503: %w", aftercare.ErrRetryLater)
	tm.slack.script = []error{later, later} // Slack down until the restart
	tm.route(t, photo("ph1", ""), decline)
	var payload string
	if err := tm.db.SQL().QueryRow("SELECT payload FROM outbox WHERE payload LIKE '%ph1%'").Scan(&payload); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(payload, "JPEG1") {
		t.Errorf("the outbox stores the photo itself: %s", payload)
	}
	tm.clock.Add(time.Minute)
	tm.newOutbox(t).Flush(t.Context()) // the next process
	tm.clock.Add(time.Minute)
	tm.newOutbox(t).Flush(t.Context())
	equalSuffixes(t, tm.slack.texts()[1:], []string{"sent a photo (below)_", "[file photo.jpg: JPEG1]"})
}
