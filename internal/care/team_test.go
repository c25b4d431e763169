package care_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/care"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/store"
	"github.com/clinicbot/aftercare/internal/store/storetest"
)

var (
	patient = aftercare.Actor{Platform: aftercare.Telegram, UserID: "42"}
	chat    = aftercare.Address{Platform: aftercare.Telegram, Chat: "42"}
	nurse   = aftercare.Actor{Platform: aftercare.Slack, UserID: "UNURSE1"}
	urgent  = aftercare.Outgoing{Kind: aftercare.KindUrgent, Urgent: "Seek medical attention now.", RedFlags: []string{"breathing"}}
	decline = aftercare.Outgoing{Kind: aftercare.KindDecline, Text: "Sorry."}
)

type team struct {
	*fixture
	team *care.Team
}

// newTeam is a Team on a SQLite file with fake platforms; the clock starts
// on Wednesday 2 December 2026, 10:00 UTC.
func newTeam(t *testing.T, edit func(*care.Config)) *team {
	f := newFixture(t)
	cfg := care.Config{Store: f.db, Senders: senders{f.slack, f.tg}, Texts: texts{}, Channel: "CCARE", Clock: f.clock}
	if edit != nil {
		edit(&cfg)
	}
	tm, err := care.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &team{fixture: f, team: tm}
}

// route routes in, whose reply would be out, and sends the outbox.
func (tm *team) route(t *testing.T, in aftercare.Inbound, out aftercare.Outgoing) (aftercare.Outgoing, bool) {
	t.Helper()
	var (
		reply aftercare.Outgoing
		send  bool
	)
	err := tm.db.Tx(t.Context(), func(tx *store.Tx) (err error) {
		reply, send, err = tm.team.Route(t.Context(), tx, in, out, tm.clock.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	tm.team.Outbox().Flush(t.Context())
	return reply, send
}

func patientSays(text string) aftercare.Inbound {
	return aftercare.Inbound{From: patient, Chat: chat, Text: text}
}

func (tm *team) staffSays(text, ts string) aftercare.Inbound {
	root := tm.slack.landed[0].TS
	return aftercare.Inbound{From: nurse, Chat: aftercare.Address{Platform: aftercare.Slack, Chat: "CCARE", Thread: root},
		Command: aftercare.CommandStaffReply, Text: text, MessageID: ts, FromName: "Nora"}
}

// Out of hours a patient asking for a person is told when the team is
// next in; an urgent one is also told to seek attention now.
func TestOfficeHours(t *testing.T) {
	hours, _ := care.ParseHours("Mon-Fri 09:00-17:30", time.UTC)
	tm := newTeam(t, func(c *care.Config) { c.Hours = hours })
	tm.clock.Add(4*24*time.Hour + 2*time.Hour) // Sunday 12:00
	reply, _ := tm.route(t, aftercare.Inbound{From: patient, Chat: chat, Command: aftercare.CommandHuman}, decline)
	if want := "[" + catalog.TextCareOpenedClosed + "]"; reply.Text != want {
		t.Errorf("/human on Sunday = %q, want %q", reply.Text, want)
	}
	other := aftercare.Actor{Platform: aftercare.Telegram, UserID: "43"}
	reply, _ = tm.route(t, aftercare.Inbound{From: other, Chat: aftercare.Address{Platform: aftercare.Telegram, Chat: "43"}, Text: "I can't breathe"}, urgent)
	if reply.Urgent != urgent.Urgent || !strings.Contains(reply.Note, catalog.TextCareToldUrgent) || !strings.Contains(reply.Note, catalog.TextCareUrgentClosed) {
		t.Errorf("urgent on Sunday = %+v, want the urgent text, the team told, and to seek attention now", reply)
	}
}

// TestOfficeHoursNext checks the time the patient is told, with the real
// texts' placeholder.
func TestOfficeHoursNext(t *testing.T) {
	hours, _ := care.ParseHours("Mon-Fri 09:00-17:30", time.UTC)
	f := newFixture(t)
	f.clock.Add(4*24*time.Hour + 2*time.Hour) // Sunday 12:00
	tm, err := care.New(care.Config{Store: f.db, Senders: senders{f.slack, f.tg}, Texts: placeholders{}, Channel: "CCARE", Clock: f.clock, Hours: hours})
	if err != nil {
		t.Fatal(err)
	}
	var reply aftercare.Outgoing
	f.db.Tx(t.Context(), func(tx *store.Tx) (err error) {
		reply, _, err = tm.Route(t.Context(), tx, aftercare.Inbound{From: patient, Chat: chat, Command: aftercare.CommandHuman}, decline, f.clock.Now())
		return err
	})
	if reply.Text != "back tomorrow at 09:00" {
		t.Errorf("/human on Sunday at noon = %q, want back tomorrow at 09:00", reply.Text)
	}
}

type placeholders struct{}

func (placeholders) Text(key string) string {
	if key == catalog.TextCareOpenedClosed {
		return "back {next}"
	}
	return key
}

// A case's life: a decline offers the team; pressing it opens a case;
// staff's reply is relayed signed; a note, an edit and a file are not; the
// patient's next message goes to the thread unanswered, a red flag gets
// the urgent text; Resolve tells the patient.
func TestCaseLife(t *testing.T) {
	tm := newTeam(t, func(c *care.Config) { c.Signature = care.SignName })
	reply, send := tm.route(t, patientSays("can I dye my hair?"), decline)
	if !send || len(reply.Options) != 1 || reply.Options[0].Choice != aftercare.ChoiceCareAsk {
		t.Fatalf("decline = %+v, want the Ask the clinic team button", reply)
	}
	reply, _ = tm.route(t, aftercare.Inbound{From: patient, Chat: chat, Choice: aftercare.ChoiceCareAsk}, decline)
	if reply.Text != "["+catalog.TextCareOpened+"]" {
		t.Errorf("Ask the clinic team = %q", reply.Text)
	}
	if len(tm.slack.landed) != 1 || !strings.Contains(tm.slack.landed[0].Text, "does not answer") {
		t.Fatalf("Slack got %q, want the root", tm.slack.texts())
	}
	tm.route(t, tm.staffSays("Yes, after 2 weeks.", "s1"), decline)
	tm.route(t, tm.staffSays("note: asked her colourist", "s2"), decline)
	edit := tm.staffSays("", "s1")
	edit.Command = aftercare.CommandStaffEdit
	tm.route(t, edit, decline)
	file := tm.staffSays("", "s3")
	file.NonText = true
	tm.route(t, file, decline)
	equal(t, "Telegram got", tm.tg.texts(), []string{"Yes, after 2 weeks.\n\n[care_sign_name]"})
	equal(t, "Slack edits", tm.slack.edits, []string{"react s1 white_check_mark"})
	if _, send := tm.route(t, patientSays("thanks! and bleach?"), decline); send {
		t.Error("a message during the case was answered from the sheet")
	}
	reply, send = tm.route(t, patientSays("now I can't breathe"), urgent)
	if !send || reply.Urgent == "" || reply.Text != "" {
		t.Errorf("red flag during the case = %+v, %v; want the urgent text only", reply, send)
	}
	thread := tm.slack.texts()[1:]
	want := []string{"<@UNURSE1> [care_edited]", "<@UNURSE1> [care_file]", "*Patient", "red flag"}
	if len(thread) != len(want) {
		t.Fatalf("thread = %q", thread)
	}
	for i, w := range want {
		if !strings.Contains(thread[i], w) {
			t.Errorf("thread[%d] = %q, want %q in it", i, thread[i], w)
		}
	}
	tm.route(t, aftercare.Inbound{From: nurse, Chat: aftercare.Address{Platform: aftercare.Slack, Chat: "CCARE"}, Choice: aftercare.ActionHandoffResolve + ":1"}, decline)
	if got := tm.tg.texts(); got[len(got)-1] != "["+catalog.TextCareResolved+"]" {
		t.Errorf("after Resolve the patient got %q", got)
	}
	if got := tm.slack.edits[len(tm.slack.edits)-1]; !strings.HasPrefix(got, "update "+tm.slack.landed[0].TS) || !strings.Contains(got, catalog.TextCareResolvedBy) {
		t.Errorf("root after Resolve: %q", got)
	}
	if reply, send := tm.route(t, patientSays("and bleach?"), decline); !send || reply.Kind != aftercare.KindDecline {
		t.Errorf("after Resolve the bot answers again: got %+v, %v", reply, send)
	}
}

// The root tells staff when the patient was treated and whether their
// serum reminders are on.
func TestRootShowsTheJourney(t *testing.T) {
	tm := newTeam(t, nil)
	in := patientSays("my lips are swelling")
	in.Journey = aftercare.Journey{Patient: true, Treated: tm.clock.Now().Add(-5 * time.Hour), Reminders: true,
		RemindersUntil: tm.clock.Now().Add(6 * 24 * time.Hour)}
	tm.route(t, in, urgent)
	if len(tm.slack.landed) != 1 {
		t.Fatalf("Slack got %q", tm.slack.texts())
	}
	root := tm.slack.landed[0].Text
	for _, want := range []string{"Treated Wed 2 Dec 05:00 (5 hours ago)", "Serum reminders on, the last Tue 8 Dec 10:00", "Red flags: breathing"} {
		if !strings.Contains(root, want) {
			t.Errorf("root %q lacks %q", root, want)
		}
	}
	other := newTeam(t, nil)
	in = patientSays("can I talk to someone")
	in.Command, in.Journey = aftercare.CommandHuman, aftercare.Journey{Patient: true}
	other.route(t, in, decline)
	if root := other.slack.landed[0].Text; !strings.Contains(root, "Treatment time not known") || !strings.Contains(root, "Serum reminders off") {
		t.Errorf("root %q; want the treatment time unknown and reminders off", root)
	}
}

// alert-only: no patient text in Slack, nothing relayed.
func TestAlertOnly(t *testing.T) {
	tm := newTeam(t, func(c *care.Config) { c.Privacy = care.PrivacyAlertOnly })
	reply, _ := tm.route(t, patientSays("my lips are swelling, call 07700 900123"), urgent)
	if !strings.Contains(reply.Note, catalog.TextCareAlertOnly) {
		t.Errorf("patient told %q, want that staff will phone", reply.Note)
	}
	tm.route(t, patientSays("please hurry"), decline)
	tm.route(t, tm.staffSays("we'll call", "s1"), decline)
	for _, s := range tm.slack.texts() {
		if strings.Contains(s, "lips") || strings.Contains(s, "07700") || strings.Contains(s, "hurry") {
			t.Errorf("Slack got patient text: %q", s)
		}
	}
	if got := tm.tg.texts(); len(got) != 0 {
		t.Errorf("relayed %q in alert-only", got)
	}
}

// redacted: digits, e-mails and links masked.
func TestRedacted(t *testing.T) {
	tm := newTeam(t, func(c *care.Config) { c.Privacy = care.PrivacyRedacted })
	tm.route(t, patientSays("can I talk to a nurse? I'm on 07700 900123, jo@example.com"), decline)
	root := tm.slack.texts()[0]
	if strings.Contains(root, "07700") || strings.Contains(root, "jo@example.com") || !strings.Contains(root, "##### ######") {
		t.Errorf("root = %q, want the number and the e-mail masked", root)
	}
}

// An urgent case nobody claims is raised again after EscalateAfter, once;
// a case silent for 48 hours closes itself and the patient is told.
func TestSweeps(t *testing.T) {
	tm := newTeam(t, nil)
	tm.route(t, patientSays("I can't breathe"), urgent)
	tm.clock.Add(9 * time.Minute)
	tm.team.Sweep(t.Context())
	tm.clock.Add(2 * time.Minute)
	tm.team.Sweep(t.Context())
	tm.team.Sweep(t.Context())
	tm.team.Outbox().Flush(t.Context())
	if got := tm.slack.texts(); len(got) != 2 || got[1] != "["+catalog.TextCareEscalate+"]" {
		t.Errorf("Slack got %q, want the root and one escalation", got)
	}
	tm.clock.Add(49 * time.Hour)
	tm.team.Sweep(t.Context())
	tm.team.Outbox().Flush(t.Context())
	if got := tm.tg.texts(); len(got) != 1 || got[0] != "["+catalog.TextCareResolved+"]" {
		t.Errorf("patient got %q after 48 h of silence, want the case closed", got)
	}
}

// HANDOFF_URGENT=ask: the urgent reply asks first; Yes opens an urgent
// case. /privacy says how long texts are kept.
func TestUrgentAsk(t *testing.T) {
	tm := newTeam(t, func(c *care.Config) { c.Urgent = care.UrgentAsk; c.Retention = 7 * 24 * time.Hour })
	reply, _ := tm.route(t, patientSays("I can't breathe"), urgent)
	if len(tm.slack.landed) != 0 || len(reply.Options) != 1 || reply.Options[0].Choice != aftercare.ChoiceCareUrgent || reply.Urgent == "" {
		t.Fatalf("red flag with ask = %+v (Slack got %q), want the urgent text and a Yes button", reply, tm.slack.texts())
	}
	reply, _ = tm.route(t, aftercare.Inbound{From: patient, Chat: chat, Choice: aftercare.ChoiceCareUrgent}, decline)
	if len(tm.slack.landed) != 1 || !strings.Contains(tm.slack.landed[0].Text, "Urgent") || !strings.Contains(reply.Note, catalog.TextCareToldUrgent) {
		t.Errorf("Yes = %+v, Slack got %q; want an urgent case", reply, tm.slack.texts())
	}
	f := newFixture(t)
	pt, _ := care.New(care.Config{Store: f.db, Senders: senders{f.slack, f.tg}, Texts: privacyText{}, Channel: "C", Retention: 7 * 24 * time.Hour})
	f.db.Tx(t.Context(), func(tx *store.Tx) (err error) {
		reply, _, err = pt.Route(t.Context(), tx, aftercare.Inbound{From: patient, Chat: chat, Command: aftercare.CommandPrivacy}, decline, f.clock.Now())
		return err
	})
	if reply.Text != "kept 7 days" {
		t.Errorf("/privacy = %q, want kept 7 days", reply.Text)
	}
}

type privacyText struct{}

func (privacyText) Text(string) string { return "kept {when}" }

// A relay Telegram did not confirm can be sent again from the thread's
// button, once per press.
func TestResendUncertain(t *testing.T) {
	tm := newTeam(t, nil)
	tm.route(t, patientSays("can I talk to a nurse?"), decline)
	tm.tg.script = []error{aftercare.ErrUncertain}
	tm.route(t, tm.staffSays("Call us please.", "s1"), decline)
	var id int64
	if err := tm.db.SQL().QueryRow("SELECT id FROM outbox WHERE state = 'uncertain'").Scan(&id); err != nil {
		t.Fatal(err)
	}
	press := aftercare.Inbound{From: nurse, Chat: aftercare.Address{Platform: aftercare.Slack, Chat: "CCARE"}, Choice: fmt.Sprintf("%s:%d", aftercare.ActionHandoffResend, id)}
	tm.route(t, press, decline)
	equal(t, "Telegram got", tm.tg.texts(), []string{"Call us please.\n\n[care_sign_team]", "Call us please.\n\n[care_sign_team]"})
	if got := tm.slack.edits; len(got) != 1 || got[0] != "react s1 white_check_mark" {
		t.Errorf("Slack edits = %q, want ✅ on the staff reply after the resend", got)
	}
}

// Two first messages of one patient at once (two replicas): one case, one
// root, and both messages in the thread in order.
func TestFirstMessagesTogether(t *testing.T) {
	for name, url := range map[string]func(testing.TB) string{"sqlite": storetest.SQLiteURL, "postgres": storetest.PostgresURL} {
		t.Run(name, func(t *testing.T) {
			f := newFixtureOn(t, url(t))
			tm, err := care.New(care.Config{Store: f.db, Senders: senders{f.slack, f.tg}, Texts: texts{}, Channel: "CCARE", Clock: f.clock})
			if err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			start := make(chan struct{})
			for _, text := range []string{"can I talk to a nurse?", "can I speak to someone?"} {
				wg.Go(func() {
					<-start
					err := f.db.Tx(t.Context(), func(tx *store.Tx) error {
						_, _, err := tm.Route(t.Context(), tx, patientSays(text), decline, f.clock.Now())
						return err
					})
					if err != nil {
						t.Error(err)
					}
				})
			}
			close(start)
			wg.Wait()
			tm.Outbox().Flush(t.Context())
			got := f.slack.texts()
			if len(got) != 2 || !strings.Contains(got[0], "Asked for a person") || !strings.Contains(got[1], "*Patient") {
				t.Errorf("Slack got %q, want one root and the other message in its thread", got)
			}
			if len(f.slack.landed) == 2 && f.slack.landed[1].To.Thread != f.slack.landed[0].TS {
				t.Errorf("the second message went to thread %q, want the root's", f.slack.landed[1].To.Thread)
			}
		})
	}
}

// A staff reply in the thread of a root whose post may have landed
// without the bot learning its ts (a 500 that posted) waits for the
// look-up rather than being dropped as "not a case's thread"; once the
// look-up has found the root, the reply reaches the patient.
func TestStaffReplyWaitsForAnUnconfirmedRoot(t *testing.T) {
	tm := newTeam(t, nil)
	tm.slack.script = []error{aftercare.ErrUncertain}
	tm.route(t, aftercare.Inbound{From: patient, Chat: chat, Command: aftercare.CommandHuman}, decline)
	if len(tm.slack.landed) != 1 {
		t.Fatalf("Slack got %q, want the root (landed, unconfirmed)", tm.slack.texts())
	}
	reply := tm.staffSays("Hello, this is Nora.", "s1")
	err := tm.db.Tx(t.Context(), func(tx *store.Tx) error {
		_, _, err := tm.team.Route(t.Context(), tx, reply, decline, tm.clock.Now())
		return err
	})
	if !errors.Is(err, aftercare.ErrRetryLater) {
		t.Fatalf("staff reply in the unconfirmed root's thread: Route = %v; want ErrRetryLater (delivered again later)", err)
	}
	for range 3 { // the look-up finds the root
		tm.clock.Add(time.Minute)
		tm.team.Outbox().Flush(t.Context())
	}
	tm.route(t, reply, decline)
	if got := tm.tg.texts(); len(got) != 1 || !strings.Contains(got[0], "Hello, this is Nora.") {
		t.Errorf("the patient got %q; want the staff reply", got)
	}
	// A thread that is no case's, with no root unsettled: not for the bot.
	other := reply
	other.Chat.Thread = "elsewhere"
	var send bool
	err = tm.db.Tx(t.Context(), func(tx *store.Tx) (err error) {
		_, send, err = tm.team.Route(t.Context(), tx, other, decline, tm.clock.Now())
		return err
	})
	if err != nil || send {
		t.Errorf("a reply in another thread: Route = %v, send %v; want it left alone", err, send)
	}
}

// A Claim pressed before the bot knows its root's ts (the root landed, its
// outcome uncertain) changes only the case's root text; once the look-up
// finds the root, the root is updated to say who has the case, with
// Resolve alone.
func TestClaimBeforeTheRootIsKnown(t *testing.T) {
	tm := newTeam(t, func(c *care.Config) { c.Texts = rootTexts{} })
	tm.slack.script = []error{aftercare.ErrUncertain}
	tm.route(t, patientSays("my lips are swelling"), urgent)
	if len(tm.slack.landed) != 1 {
		t.Fatalf("Slack got %q, want the root (landed, unconfirmed)", tm.slack.texts())
	}
	root := tm.slack.landed[0]
	channel := aftercare.Address{Platform: aftercare.Slack, Chat: "CCARE"}
	tm.route(t, aftercare.Inbound{From: nurse, Chat: channel, Choice: aftercare.ActionHandoffClaim + ":1"}, decline)
	for range 3 { // the look-up finds the root
		tm.clock.Add(time.Minute)
		tm.team.Outbox().Flush(t.Context())
	}
	var updates []string
	for _, e := range tm.slack.edits {
		if text, ok := strings.CutPrefix(e, "update "+root.TS+" "); ok {
			updates = append(updates, text)
		}
	}
	if len(updates) != 1 || !strings.HasPrefix(updates[0], root.Text+"\n<@UNURSE1> has this case.") {
		t.Fatalf("root updates = %q; want one, the root with who has the case", updates)
	}
}

// rootTexts are the texts with the real placeholders of the root's
// status lines.
type rootTexts struct{ texts }

func (r rootTexts) Text(key string) string {
	switch key {
	case catalog.TextCareClaimed:
		return "{staff} has this case."
	case catalog.TextCareResolvedBy:
		return "Resolved by {staff} at {when}."
	}
	return r.texts.Text(key)
}

// After a Claim and a Resolve the root still says everything it said when
// the case opened (the red flags, the treatment time, the reminders, what
// the patient wrote and the bot answered), with who claimed and resolved
// it and when, in every privacy mode; a root posted before roots were kept
// on their case is rebuilt from the case's texts.
func TestRootKeepsWhatItSaid(t *testing.T) {
	for _, tc := range []struct {
		name    string
		privacy care.Privacy
		forget  bool // the root's text not kept (posted by an older version)
		kept    []string
	}{
		{name: "relay", privacy: care.PrivacyRelay},
		{name: "alert-only", privacy: care.PrivacyAlertOnly},
		{name: "older root", privacy: care.PrivacyRelay, forget: true, kept: []string{"Urgent", "my lips are swelling", "The bot answered"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tm := newTeam(t, func(c *care.Config) { c.Privacy, c.Texts = tc.privacy, rootTexts{} })
			in := patientSays("my lips are swelling")
			in.Journey = aftercare.Journey{Patient: true, Treated: tm.clock.Now().Add(-5 * time.Hour), Reminders: true,
				RemindersUntil: tm.clock.Now().Add(6 * 24 * time.Hour)}
			tm.route(t, in, urgent)
			if len(tm.slack.landed) != 1 {
				t.Fatalf("Slack got %q, want the root", tm.slack.texts())
			}
			before := tm.slack.landed[0].Text
			if tc.forget {
				if _, err := tm.db.SQL().Exec("UPDATE cases SET root_text = NULL"); err != nil {
					t.Fatal(err)
				}
			}
			channel := aftercare.Address{Platform: aftercare.Slack, Chat: "CCARE"}
			tm.clock.Add(5 * time.Minute)
			tm.route(t, aftercare.Inbound{From: nurse, Chat: channel, Choice: aftercare.ActionHandoffClaim + ":1"}, decline)
			tm.clock.Add(25 * time.Minute)
			tm.route(t, aftercare.Inbound{From: nurse, Chat: channel, Choice: aftercare.ActionHandoffResolve + ":1"}, decline)
			var updates []string
			for _, e := range tm.slack.edits {
				if text, ok := strings.CutPrefix(e, "update "+tm.slack.landed[0].TS+" "); ok {
					updates = append(updates, text)
				}
			}
			if len(updates) != 2 {
				t.Fatalf("root updates = %q, want 2 (Claim, Resolve)", updates)
			}
			claimed := "\n<@UNURSE1> has this case. _(since Wed 2 Dec 10:05)_"
			resolved := claimed + "\nResolved by <@UNURSE1> at Wed 2 Dec 10:30."
			if tc.kept != nil {
				for _, w := range tc.kept {
					if !strings.Contains(updates[1], w) {
						t.Errorf("root after Resolve = %q, want %q in it", updates[1], w)
					}
				}
				if !strings.HasSuffix(updates[1], resolved) {
					t.Errorf("root after Resolve = %q, want it to end with %q", updates[1], resolved)
				}
				return
			}
			if want := before + claimed; updates[0] != want {
				t.Errorf("root after Claim:\n%s\nwant:\n%s", updates[0], want)
			}
			if want := before + resolved; updates[1] != want {
				t.Errorf("root after Resolve:\n%s\nwant:\n%s", updates[1], want)
			}
			for _, w := range []string{"Red flags: breathing", "Treated Wed 2 Dec 05:00 (5 hours ago)", "Serum reminders on, the last Tue 8 Dec 10:00"} {
				if !strings.Contains(updates[1], w) {
					t.Errorf("root after Resolve = %q, want %q in it", updates[1], w)
				}
			}
		})
	}
}

// A patient blocking the bot is told to an open case's thread, once per
// message the desk hands over; unblocking, or blocking with no case open,
// posts nothing. Neither is answered.
func TestBlockedTellsTheThread(t *testing.T) {
	for _, tc := range []struct {
		name    string
		open    bool
		command string
		want    []string // the thread's posts after the root
	}{
		{"blocked during a case", true, aftercare.CommandBlocked, []string{"The patient blocked the bot: messages can no longer reach them; phone them."}},
		{"unblocked during a case", true, aftercare.CommandUnblocked, nil},
		{"blocked with no case", false, aftercare.CommandBlocked, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tm := newTeam(t, nil)
			if tc.open {
				tm.route(t, aftercare.Inbound{From: patient, Chat: chat, Command: aftercare.CommandHuman}, decline)
			}
			posts := len(tm.slack.landed)
			_, send := tm.route(t, aftercare.Inbound{From: patient, Chat: chat, Command: tc.command}, aftercare.Outgoing{})
			if send {
				t.Errorf("%s was answered", tc.command)
			}
			equal(t, "thread", tm.slack.texts()[posts:], tc.want)
			equal(t, "Telegram got", tm.tg.texts(), nil)
		})
	}
}

// A case reopened in its thread keeps its first root: the next Resolve
// updates it with a line saying when it reopened, after the first
// Resolve's.
func TestRootOfAReopenedCase(t *testing.T) {
	tm := newTeam(t, func(c *care.Config) { c.Texts = rootTexts{} })
	human := aftercare.Inbound{From: patient, Chat: chat, Command: aftercare.CommandHuman}
	tm.route(t, human, decline)
	before := tm.slack.landed[0].Text
	resolve := aftercare.Inbound{From: nurse, Chat: aftercare.Address{Platform: aftercare.Slack, Chat: "CCARE"}, Choice: aftercare.ActionHandoffResolve + ":1"}
	tm.route(t, resolve, decline)
	tm.clock.Add(time.Hour)
	tm.route(t, human, decline) // within a day: the same thread
	tm.clock.Add(time.Hour)
	tm.route(t, resolve, decline)
	last := tm.slack.edits[len(tm.slack.edits)-1]
	want := "update " + tm.slack.landed[0].TS + " " + before + "\nResolved by <@UNURSE1> at Wed 2 Dec 10:00." +
		"\n_Reopened Wed 2 Dec 11:00: see the thread._\nResolved by <@UNURSE1> at Wed 2 Dec 12:00."
	if last != want {
		t.Errorf("root after the second Resolve:\n%s\nwant:\n%s", last, want)
	}
}

// The root names the clinic's reference for the patient, in every
// privacy mode; without one it says nothing of it.
func TestRootShowsTheClinicRef(t *testing.T) {
	for _, p := range []care.Privacy{care.PrivacyRelay, care.PrivacyRedacted, care.PrivacyAlertOnly} {
		tm := newTeam(t, func(c *care.Config) { c.Privacy = p })
		in := patientSays("my lips are swelling")
		in.Journey = aftercare.Journey{Patient: true, ClinicRef: "A-1234"}
		tm.route(t, in, urgent)
		if len(tm.slack.landed) != 1 || !strings.Contains(tm.slack.landed[0].Text, "Clinic ref A-1234") {
			t.Errorf("%s: root %q, want Clinic ref A-1234", p, tm.slack.texts())
		}
	}
	tm := newTeam(t, nil)
	tm.route(t, patientSays("my lips are swelling"), urgent)
	if root := tm.slack.landed[0].Text; strings.Contains(root, "Clinic ref") {
		t.Errorf("root %q names a clinic ref nobody gave", root)
	}
}

// The root keeps the clinic's reference when a Claim or a Resolve
// rewrites it.
func TestRootKeepsTheClinicRef(t *testing.T) {
	tm := newTeam(t, nil)
	if err := tm.db.Tx(t.Context(), func(tx *store.Tx) error {
		if err := tx.SetTreatment(t.Context(), patient, chat, tm.clock.Now().Add(-time.Hour), tm.clock.Now()); err != nil {
			return err
		}
		return tx.SetClinicRef(t.Context(), patient, "A-1234")
	}); err != nil {
		t.Fatal(err)
	}
	in := patientSays("my lips are swelling")
	in.Journey = aftercare.Journey{Patient: true, ClinicRef: "A-1234"}
	tm.route(t, in, urgent)
	for _, action := range []string{aftercare.ActionHandoffClaim, aftercare.ActionHandoffResolve} {
		tm.route(t, aftercare.Inbound{From: nurse, Chat: aftercare.Address{Platform: aftercare.Slack, Chat: "CCARE"}, Choice: action + ":1"}, decline)
		if got := tm.slack.edits[len(tm.slack.edits)-1]; !strings.HasPrefix(got, "update ") || !strings.Contains(got, "Clinic ref A-1234") {
			t.Errorf("root after %s: %q, want the clinic ref kept", action, got)
		}
	}
}
