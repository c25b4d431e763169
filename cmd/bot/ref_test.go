package main

import (
	"strings"
	"testing"

	"github.com/clinicbot/aftercare/internal/adapters/slack/slacktest"
	"github.com/clinicbot/aftercare/internal/adapters/telegram/telegramtest"
	"github.com/clinicbot/aftercare/internal/fixture"
	"github.com/clinicbot/aftercare/internal/store/storetest"
)

// invite has staff make an invite with /aftercare invite args and
// returns its token, from the private answer named id.
func (b *careBot) invite(id, args string) (token, answer string) {
	b.t.Helper()
	b.slack.Send(b.t, slacktest.SlashCommand("env-"+id, slacktest.Command("UNURSE1", "CWARD", "invite "+args, b.slack.ResponseURL(id), "trig-"+id)))
	var post slacktest.Post
	fixture.WaitFor(b.t, "the invite", func() bool {
		for _, p := range b.slack.Posts() {
			if p.Method == slacktest.ResponseURL && p.ResponseID == id {
				post = p
				return true
			}
		}
		return false
	})
	if m := deepLinkRe.FindStringSubmatch(post.AllText()); m != nil {
		token = m[1]
	}
	return token, post.AllText()
}

// storedCount counts the rows of the database at dbURL that query finds.
func storedCount(t *testing.T, dbURL, query string) int {
	t.Helper()
	db := storetest.Open(t, dbURL)
	defer db.Close()
	var n int
	if err := db.SQL().QueryRowContext(t.Context(), query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestClinicRefEndToEnd: staff make an invite with the clinic's reference
// in Slack (alert-only, so no patient text reaches Slack); a reference
// that is not one is refused kindly. The patient redeems the invite and
// describes a red flag: the case's root says "Clinic ref A-1234".
// /forget deletes the reference with the rest.
func TestClinicRefEndToEnd(t *testing.T) {
	for name, dbURL := range databases(t) {
		t.Run(name, func(t *testing.T) {
			url := dbURL(t)
			b := newCareBot(t, url, map[string]string{"HANDOFF_PRIVACY": "alert-only"})
			if token, answer := b.invite("bad", "14:30 ref Jane Smith"); token != "" || !strings.Contains(answer, "a clinic ref is your own record or booking number") {
				t.Errorf("invite with a name for a ref: %q, want it refused and explained", answer)
			}
			token, answer := b.invite("good", "2 hours ago ref A-1234")
			if token == "" || !strings.Contains(answer, "Clinic ref A-1234") {
				t.Fatalf("invite with ref A-1234: %q, want the link and the ref", answer)
			}
			b.tg.Push(telegramtest.Text(81, "/start "+token))
			b.patientGot(81, 1)
			b.tg.Push(telegramtest.Text(81, "my lips are swelling and I can't breathe properly"))
			b.patientGot(81, 2)
			root := b.root().AllText()
			if !strings.Contains(root, "Clinic ref A-1234") || strings.Contains(root, "breathe properly") {
				t.Errorf("root = %q, want the clinic ref and no patient text", root)
			}
			b.tg.Push(telegramtest.Text(81, "/forget"))
			b.patientGot(81, 3)
			b.tg.Push(telegramtest.Callback(81, "cb-forget", "choose:forget:yes"))
			b.patientGot(81, 4)
			b.stop()
			if n := storedCount(t, url, "SELECT count(*) FROM treatments WHERE clinic_ref IS NOT NULL") +
				storedCount(t, url, "SELECT count(*) FROM invites WHERE clinic_ref IS NOT NULL"); n != 0 {
				t.Errorf("%d clinic refs stored after /forget, want 0", n)
			}
		})
	}
}
