package inbox_test

import (
	"context"
	"reflect"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/desk"
	"github.com/clinicbot/aftercare/internal/inbox"
	"github.com/clinicbot/aftercare/internal/intents"
	"github.com/clinicbot/aftercare/internal/store"
	"github.com/clinicbot/aftercare/internal/store/storetest"
)

// reader reads messages as the table says; others are answered.
type reader map[string]intents.Result

func (r reader) Reading(in aftercare.Inbound) (intents.Result, bool) {
	if in.Command != "" || in.Choice != "" {
		return intents.Result{}, false
	}
	if res, ok := r[in.Text]; ok {
		return res, true
	}
	return intents.Result{Kind: intents.KindAnswer, Intent: "home.bath", Score: 0.9}, true
}

var readings = reader{
	"can I go to the gym? call 07700 900123": {Kind: intents.KindDecline, Reason: intents.ReasonOutOfScope, Topic: "gym",
		Alternatives: []intents.Candidate{{Intent: "home.sweat", Score: 0.3}}},
	"is it the serum or the cream": {Kind: intents.KindClarify, Intent: "home.serum", Score: 0.5,
		Alternatives: []intents.Candidate{{Intent: "home.products", Score: 0.48}}},
	"when can I get a tattoo": {Kind: intents.KindDecline, Reason: intents.ReasonUnknown},
	"the serum from step 2 or 3?": {Kind: intents.KindClarify, Intent: "home.serum", Score: 0.5,
		Alternatives: []intents.Candidate{{Intent: "home.products", Score: 0.45}}},
	"  ": {Kind: intents.KindDecline, Reason: intents.ReasonEmpty},
}

type replier struct{}

func (replier) Answer(context.Context, aftercare.Inbound) aftercare.Outgoing {
	return aftercare.Outgoing{Kind: aftercare.KindDecline, Text: "sorry"}
}

type sender struct{}

func (sender) Send(_ context.Context, to aftercare.Address, _ aftercare.Outgoing) (aftercare.MessageRef, error) {
	return aftercare.MessageRef{Address: to, ID: "1"}, nil
}

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) QuestionRecorded(platform, reason string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[platform+" "+reason]++
}

type fixedClock time.Time

func (c fixedClock) Now() time.Time { return time.Time(c) }

var now = time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)

func newDesk(t *testing.T, url string, rec inbox.Recorder) (*desk.Desk, *store.DB) {
	t.Helper()
	db := storetest.Open(t, url)
	d, err := desk.New(desk.Config{Store: db, Replier: replier{}, Clock: fixedClock(now),
		Effects: desk.Chain{inbox.NewEffects(readings, rec)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []aftercare.Platform{aftercare.Telegram, aftercare.Slack} {
		d.Register(p, sender{})
	}
	return d, db
}

func stored(t *testing.T, db *store.DB, statuses ...store.Status) []store.Question {
	t.Helper()
	var qs []store.Question
	if err := db.Tx(t.Context(), func(tx *store.Tx) (err error) {
		qs, err = tx.Questions(t.Context(), now.Add(-time.Hour), statuses...)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return qs
}

// TestRecording sends patients' and staff's messages through the desk,
// some twice: each declined patient question is recorded once, masked,
// with what the matcher thought; a "did you mean…?" only after "None of
// these"; staff's questions never; /forget deletes a patient's.
func TestRecording(t *testing.T) {
	for name, url := range map[string]func(testing.TB) string{"sqlite": storetest.SQLiteURL, "postgres": storetest.PostgresURL} {
		t.Run(name, func(t *testing.T) { testRecording(t, url(t)) })
	}
}

func testRecording(t *testing.T, url string) {
	rec := &counter{n: map[string]int{}}
	d, db := newDesk(t, url, rec)
	ann := aftercare.Actor{Platform: aftercare.Telegram, UserID: "1"}
	nurse := aftercare.Actor{Platform: aftercare.Slack, UserID: "U1"}
	msg := func(id string, from aftercare.Actor, text, choice string) aftercare.Inbound {
		return aftercare.Inbound{DeliveryID: id, From: from, Chat: aftercare.Address{Platform: from.Platform, Chat: "c"}, Text: text, Choice: choice}
	}
	for _, in := range []aftercare.Inbound{
		msg("update:1", ann, "can I go to the gym? call 07700 900123", ""),
		msg("update:1", ann, "can I go to the gym? call 07700 900123", ""), // redelivered
		msg("update:2", ann, "  ", ""),
		msg("update:3", ann, "why is my skin itchy", ""),
		msg("update:4", ann, "is it the serum or the cream", ""),
		msg("callback:5", ann, "", aftercare.ChoiceNoneOf("update:4")),
		msg("callback:5", ann, "", aftercare.ChoiceNoneOf("update:4")), // redelivered
		msg("event:6", nurse, "when can I get a tattoo", ""),
	} {
		if err := d.Handle(t.Context(), in); err != nil {
			t.Fatalf("Handle(%+v) = %v", in, err)
		}
	}
	qs := stored(t, db, store.StatusNew, store.StatusPending)
	type row struct {
		Text, Reason, Topic string
		Candidates          []aftercare.Scored
	}
	var got []row
	for _, q := range qs {
		if q.Actor != ann {
			t.Errorf("question %q recorded for %v, want %v", q.Text, q.Actor, ann)
		}
		got = append(got, row{q.Text, q.Reason, q.Topic, q.Candidates})
	}
	sort.Slice(got, func(i, j int) bool { return got[i].Text < got[j].Text }) // asked at the same time
	want := []row{
		{"can I go to the gym? call [number]", "out_of_scope", "gym", []aftercare.Scored{{ItemID: "home.sweat", Score: 0.3}}},
		{"is it the serum or the cream", store.ReasonNoneOfThese, "", []aftercare.Scored{{ItemID: "home.serum", Score: 0.5}, {ItemID: "home.products", Score: 0.48}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("recorded\n%+v\nwant\n%+v", got, want)
	}
	if want := map[string]int{"telegram out_of_scope": 1, "telegram none_of_these": 1}; !reflect.DeepEqual(rec.n, want) {
		t.Errorf("counted %v, want %v", rec.n, want)
	}

	// A patient cannot mark; staff can, once however often the press comes.
	gym := inbox.MarkChoice(store.StatusIgnored, "topic:gym")
	for _, in := range []aftercare.Inbound{msg("callback:8", ann, "", gym), msg("trigger:9", nurse, "", gym), msg("trigger:9", nurse, "", gym)} {
		if err := d.Handle(t.Context(), in); err != nil {
			t.Fatal(err)
		}
		want := 2
		if in.From == nurse {
			want = 1
		}
		if got := len(stored(t, db, store.StatusNew)); got != want {
			t.Errorf("after %s from %s: %d new questions, want %d", in.Choice, in.From.Platform, got, want)
		}
	}

	if err := d.Handle(t.Context(), msg("callback:7", ann, "", aftercare.ChoiceForget)); err != nil {
		t.Fatal(err)
	}
	if qs := stored(t, db); len(qs) != 0 {
		t.Errorf("%d questions left after /forget, want none", len(qs))
	}
}

// "None of these" under a "did you mean…?" that is not the latest (the
// patient asked again, then pressed an older message's button) files the
// question that one was about, masked; pressed again, or under a "did you
// mean…?" whose question is gone, or without naming one, it files nothing
// (and the patient gets the decline all the same).
func TestNoneOfTheseUnderAnOlderClarify(t *testing.T) {
	for name, url := range map[string]func(testing.TB) string{"sqlite": storetest.SQLiteURL, "postgres": storetest.PostgresURL} {
		t.Run(name, func(t *testing.T) {
			rec := &counter{n: map[string]int{}}
			d, db := newDesk(t, url(t), rec)
			ann := aftercare.Actor{Platform: aftercare.Telegram, UserID: "1"}
			msg := func(id, text, choice string) aftercare.Inbound {
				return aftercare.Inbound{DeliveryID: id, From: ann, Chat: aftercare.Address{Platform: aftercare.Telegram, Chat: "1"}, Text: text, Choice: choice}
			}
			for _, tc := range []struct {
				in      aftercare.Inbound
				filed   []string // the questions filed as none_of_these so far
				pending int
			}{
				{msg("update:1", "the serum from step 2 or 3?", ""), nil, 1},
				{msg("update:2", "why is my skin itchy", ""), nil, 1},         // answered
				{msg("update:3", "is it the serum or the cream", ""), nil, 2}, // the latest "did you mean…?"
				{msg("callback:a", "", aftercare.ChoiceNoneOf("update:1")), []string{"the serum from step [number] or [number]?"}, 1},
				{msg("callback:b", "", aftercare.ChoiceNoneOf("update:1")), []string{"the serum from step [number] or [number]?"}, 1}, // pressed again
				{msg("callback:c", "", aftercare.ChoiceNoneOf("update:9")), []string{"the serum from step [number] or [number]?"}, 1}, // gone
				{msg("callback:d", "", aftercare.ChoiceNone), []string{"the serum from step [number] or [number]?"}, 1},               // names none
				{msg("callback:e", "", aftercare.ChoiceNoneOf("update:3")), []string{"is it the serum or the cream", "the serum from step [number] or [number]?"}, 0},
			} {
				if err := d.Handle(t.Context(), tc.in); err != nil {
					t.Fatal(err)
				}
				var filed []string
				for _, q := range stored(t, db, store.StatusNew) {
					if q.Reason == store.ReasonNoneOfThese {
						filed = append(filed, q.Text)
					}
				}
				sort.Strings(filed)
				if !reflect.DeepEqual(filed, tc.filed) {
					t.Errorf("after %s %q: filed %q, want %q", tc.in.DeliveryID, tc.in.Text+tc.in.Choice, filed, tc.filed)
				}
				if got := len(stored(t, db, store.StatusPending)); got != tc.pending {
					t.Errorf("after %s %q: %d pending, want %d", tc.in.DeliveryID, tc.in.Text+tc.in.Choice, got, tc.pending)
				}
			}
			if got := rec.n["telegram none_of_these"]; got != 2 {
				t.Errorf("counted %d none_of_these, want 2", got)
			}
		})
	}
}
