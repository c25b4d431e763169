package storetest

import (
	"reflect"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/store"
)

func record(t *testing.T, db *store.DB, q store.Question) string {
	t.Helper()
	var id string
	inTx(t, db, func(tx *store.Tx) (err error) {
		id, err = tx.RecordQuestion(t.Context(), q)
		return err
	})
	return id
}

func questions(t *testing.T, db *store.DB, since time.Time, statuses ...store.Status) []store.Question {
	t.Helper()
	var qs []store.Question
	inTx(t, db, func(tx *store.Tx) (err error) {
		qs, err = tx.Questions(t.Context(), since, statuses...)
		return err
	})
	return qs
}

func questionTexts(qs []store.Question) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.Text)
	}
	return out
}

// testInbox records questions and reads them back newest first, with what
// the matcher thought; pending questions stay out of view until "None of
// these"; marking moves questions out of the new ones.
func testInbox(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	ann := aftercare.Actor{Platform: aftercare.Telegram, UserID: "1"}
	bob := aftercare.Actor{Platform: aftercare.Telegram, UserID: "2"}
	first := store.Question{Actor: ann, Text: "can i go to the gym", Reason: "out_of_scope", Topic: "gym",
		Candidates: []aftercare.Scored{{ItemID: "home.sweat", Score: 0.31}, {ItemID: "home.bath", Score: 0.2}},
		Asked:      at(0), Status: store.StatusNew}
	id := record(t, db, first)
	record(t, db, store.Question{Actor: bob, Text: "tattoo next week?", Reason: "unknown", Asked: at(time.Hour), Status: store.StatusNew})
	record(t, db, store.Question{Actor: bob, Text: "is it the serum or the cream", Reason: "clarify", Asked: at(2 * time.Hour), Status: store.StatusPending})

	qs := questions(t, db, at(0))
	if got, want := questionTexts(qs), []string{"tattoo next week?", "can i go to the gym"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Questions() = %q, want %q (newest first, no pending)", got, want)
	}
	first.ID = id
	if got := qs[1]; !reflect.DeepEqual(got, first) {
		t.Errorf("Questions()[1] = %+v, want %+v", got, first)
	}
	if got := questionTexts(questions(t, db, at(30*time.Minute))); len(got) != 1 {
		t.Errorf("Questions(since) = %q, want only the later one", got)
	}

	inTx(t, db, func(tx *store.Tx) error {
		ok, err := tx.ChoseNone(t.Context(), bob, "")
		if err == nil && !ok {
			t.Errorf("ChoseNone(bob) = false, want the pending question filed")
		}
		if ok, err := tx.ChoseNone(t.Context(), ann, ""); err != nil || ok {
			t.Errorf("ChoseNone(ann) = %v, %v, want false: nothing pending", ok, err)
		}
		return err
	})
	qs = questions(t, db, at(0), store.StatusNew)
	if len(qs) != 3 || qs[0].Reason != store.ReasonNoneOfThese {
		t.Fatalf("Questions(new) after None of these = %+v, want 3, the newest %q", qs, store.ReasonNoneOfThese)
	}

	// Two "did you mean…?" pending, each named by the delivery that asked
	// it: None of these under the older one files the older one, once; a
	// None of these that names none files only a question asked without
	// a delivery.
	record(t, db, store.Question{Actor: ann, Text: "older", Reason: "clarify", Asked: at(3 * time.Hour), Status: store.StatusPending, AskedIn: "update:10"})
	record(t, db, store.Question{Actor: ann, Text: "newer", Reason: "clarify", Asked: at(3*time.Hour + time.Minute), Status: store.StatusPending, AskedIn: "update:11"})
	inTx(t, db, func(tx *store.Tx) error {
		for _, c := range []struct {
			asked string
			want  bool
		}{{"", false}, {"update:10", true}, {"update:10", false}, {"update:12", false}} {
			if ok, err := tx.ChoseNone(t.Context(), ann, c.asked); err != nil || ok != c.want {
				t.Errorf("ChoseNone(ann, %q) = %v, %v, want %v", c.asked, ok, err, c.want)
			}
		}
		return nil
	})
	if got := questions(t, db, at(3*time.Hour), store.StatusNew, store.StatusPending); len(got) != 2 || got[0].Text != "newer" || got[0].Status != store.StatusPending ||
		got[1].Text != "older" || got[1].Status != store.StatusNew || got[1].Reason != store.ReasonNoneOfThese {
		t.Errorf("Questions() after None of these under the older = %+v, want the newer pending, the older filed", got)
	}
	inTx(t, db, func(tx *store.Tx) error {
		n, err := tx.MarkQuestions(t.Context(), []string{id, "no such id"}, store.StatusPlanned, at(4*time.Hour))
		if err == nil && n != 1 {
			t.Errorf("MarkQuestions() = %d, want 1", n)
		}
		return err
	})
	if got := questionTexts(questions(t, db, at(0), store.StatusNew)); len(got) != 3 {
		t.Errorf("Questions(new) after marking = %q, want 3", got)
	}
	if got := questions(t, db, at(0), store.StatusPlanned); len(got) != 1 || got[0].ID != id {
		t.Errorf("Questions(planned) = %+v, want the one marked", got)
	}
}

// testForgetInbox forgets a person: their questions go, pending or not;
// another's stay.
func testForgetInbox(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	gone := aftercare.Actor{Platform: aftercare.Telegram, UserID: "1"}
	kept := aftercare.Actor{Platform: aftercare.Console, UserID: "1"}
	record(t, db, store.Question{Actor: gone, Text: "a", Reason: "unknown", Asked: at(0), Status: store.StatusNew})
	record(t, db, store.Question{Actor: gone, Text: "b", Reason: "clarify", Asked: at(0), Status: store.StatusPending})
	record(t, db, store.Question{Actor: kept, Text: "c", Reason: "unknown", Asked: at(0), Status: store.StatusNew})
	inTx(t, db, func(tx *store.Tx) error {
		ok, err := tx.Forget(t.Context(), gone, at(0))
		if err == nil && !ok {
			t.Errorf("Forget(%v) = false, want true: they had questions", gone)
		}
		return err
	})
	var rows int
	if err := db.SQL().QueryRowContext(t.Context(), "SELECT count(*) FROM inbox").Scan(&rows); err != nil || rows != 1 {
		t.Errorf("%d inbox rows (%v) after Forget, want 1 (the other person's)", rows, err)
	}
}

// testPurgeInbox purges questions older than the keep, and pending ones
// older than their own, shorter keep.
func testPurgeInbox(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	who := aftercare.Actor{Platform: aftercare.Telegram, UserID: "1"}
	day := 24 * time.Hour
	for _, q := range []store.Question{
		{Text: "old", Asked: at(-91 * day), Status: store.StatusNew},
		{Text: "old planned", Asked: at(-91 * day), Status: store.StatusPlanned},
		{Text: "recent", Asked: at(-89 * day), Status: store.StatusNew},
		{Text: "old pending", Asked: at(-3 * day), Status: store.StatusPending},
		{Text: "pending", Asked: at(-time.Hour), Status: store.StatusPending},
	} {
		q.Actor, q.Reason = who, "unknown"
		record(t, db, q)
	}
	n, err := db.PurgeInbox(t.Context(), at(0), 90*day, 2*day)
	if err != nil || n != 3 {
		t.Errorf("PurgeInbox() = %d, %v, want 3", n, err)
	}
	var rows int
	if err := db.SQL().QueryRowContext(t.Context(), "SELECT count(*) FROM inbox").Scan(&rows); err != nil || rows != 2 {
		t.Errorf("%d inbox rows (%v) after PurgeInbox, want 2", rows, err)
	}
}
