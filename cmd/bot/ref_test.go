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
// describes a red flag: the case's root says "Clinic ref A-1234", and the
// patient is not asked for their phone number (the clinic knows whom to
// phone).
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
			if told := b.tg.SentTo(81)[1]; strings.Contains(told.Markup, "request_contact") {
				t.Errorf("with a clinic ref the patient was asked for their phone: %s", told.Markup)
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

// TestSharedPhoneEndToEnd: alert-only, a patient without a clinic
// reference asks for a person and is offered the button that shares
// their phone number; someone else's contact is refused kindly, with the
// button again; their own goes to the case's thread as "Phone: +44…",
// once, although Telegram delivers the update again after a restart, and
// the button is removed. /forget deletes the number from the store and
// the post from Slack.
func TestSharedPhoneEndToEnd(t *testing.T) {
	const share = `{"keyboard":[[{"text":"Share my phone number so the clinic team can call you","request_contact":true}]],"resize_keyboard":true,"one_time_keyboard":true}`
	for name, dbURL := range databases(t) {
		t.Run(name, func(t *testing.T) {
			url := dbURL(t)
			b := newCareBot(t, url, map[string]string{"HANDOFF_PRIVACY": "alert-only"})
			root := b.openCase(83)
			if told := b.tg.SentTo(83)[0]; told.Markup != share || !strings.Contains(told.Visible(), "please share your phone number") {
				t.Errorf("case opened: %q with %s, want the ask and the button", told.Visible(), told.Markup)
			}
			b.tg.Push(telegramtest.Contact(83, 84, "+447700900999"))
			if got := b.patientGot(83, 2); !strings.Contains(got, "someone else's contact") || b.tg.SentTo(83)[1].Markup != share {
				t.Errorf("someone else's contact: %q with %s, want it refused and the button again", got, b.tg.SentTo(83)[1].Markup)
			}
			own := func() map[string]any {
				u := telegramtest.Contact(83, 83, "447700900123")
				u["update_id"] = 900
				return u
			}
			b.tg.Push(own())
			if got := b.patientGot(83, 3); !strings.Contains(got, "has your number") || b.tg.SentTo(83)[2].Markup != `{"remove_keyboard":true}` {
				t.Errorf("their own contact: %q with %s, want thanks and the button removed", got, b.tg.SentTo(83)[2].Markup)
			}
			b.thread(root, 1)
			fixture.WaitFor(t, "the phone post recorded as sent", func() bool {
				_, body := b.s.get("/metrics")
				return strings.Contains(body, `aftercare_care_outbox_posts_total{kind="send",result="sent"} 2`) // the root, the phone
			})
			b.stop()
			b.start()
			b.tg.Push(own()) // Telegram delivers it again
			b.tg.Push(telegramtest.Text(83, "/privacy"))
			b.patientGot(83, 4)
			fixture.WaitFor(t, "the duplicate counted", func() bool {
				_, body := b.s.get("/metrics")
				return strings.Contains(body, `aftercare_deliveries_total{outcome="duplicate",platform="telegram"} 1`)
			})
			posts := b.slack.ThreadPosts(careChannel, root.TS)
			var phones []string
			for _, p := range posts {
				if strings.Contains(p.AllText(), "Phone:") {
					phones = append(phones, p.AllText())
				}
				if strings.Contains(p.AllText(), "900999") {
					t.Errorf("someone else's number reached Slack: %q", p.AllText())
				}
			}
			if len(phones) != 1 || !strings.Contains(phones[0], "Phone: +447700900123") {
				t.Errorf("thread posts with a phone = %q, want Phone: +447700900123 once", phones)
			}
			if n := len(b.tg.SentTo(83)); n != 4 {
				t.Errorf("the patient got %d messages, want 4 (the redelivery not answered)", n)
			}

			b.tg.Push(telegramtest.Text(83, "/forget"))
			b.patientGot(83, 5)
			b.tg.Push(telegramtest.Callback(83, "cb-forget", "choose:forget:yes"))
			b.patientGot(83, 6)
			fixture.WaitFor(t, "the phone post deleted", func() bool {
				for _, p := range b.slack.ThreadPosts(careChannel, root.TS) {
					if strings.Contains(p.AllText(), "Phone:") {
						return false
					}
				}
				return true
			})
			b.stop()
			if n := storedCount(t, url, "SELECT count(*) FROM cases WHERE phone IS NOT NULL") +
				storedCount(t, url, "SELECT count(*) FROM outbox WHERE payload LIKE '%900123%'"); n != 0 {
				t.Errorf("%d rows hold the phone number after /forget, want 0", n)
			}
		})
	}
}
