package storetest

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/store"
)

var patient1 = aftercare.Actor{Platform: aftercare.Telegram, UserID: "42"}

func newCase(p aftercare.Actor) store.Case {
	return store.Case{Patient: p, Chat: aftercare.Address{Platform: p.Platform, Chat: p.UserID}, Pseudonym: "Patient " + p.UserID,
		Reason: store.ReasonAsked, Channel: "CCARE"}
}

func openCase(t *testing.T, db *store.DB, c store.Case, now time.Time) (store.Case, bool) {
	t.Helper()
	var (
		got    store.Case
		opened bool
	)
	inTx(t, db, func(tx *store.Tx) (err error) {
		got, opened, err = tx.OpenCase(t.Context(), c, now, 24*time.Hour)
		return err
	})
	return got, opened
}

// testCaseOpenOnce opens a case for one patient from many goroutines: one
// case, opened once.
func testCaseOpenOnce(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	const n = 10
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		ids    = map[int64]int{}
		opened int
	)
	for range n {
		wg.Go(func() {
			var (
				c  store.Case
				ok bool
			)
			err := db.Tx(t.Context(), func(tx *store.Tx) (err error) {
				c, ok, err = tx.OpenCase(t.Context(), newCase(patient1), at(0), 24*time.Hour)
				return err
			})
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			ids[c.ID]++
			if ok {
				opened++
			}
		})
	}
	wg.Wait()
	if len(ids) != 1 || opened != 1 {
		t.Errorf("%d concurrent OpenCase: case IDs %v, opened %d times; want one case opened once", n, ids, opened)
	}
}

// testCaseLifecycle opens a case, posts its thread, claims it twice,
// records texts, closes it, reopens it within a day (same thread) and
// opens a new one after; the thread mapping survives another handle on
// the database (a restart).
func testCaseLifecycle(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	c, opened := openCase(t, db, newCase(patient1), at(0))
	if !opened || !c.Open || c.Reason != store.ReasonAsked || c.Thread != "" || !c.OpenedAt.Equal(at(0)) {
		t.Fatalf("OpenCase = %+v, %v; want a new open case", c, opened)
	}
	ctx := t.Context()
	inTx(t, db, func(tx *store.Tx) error {
		thread, urgent, root := "1700000000.000100", true, "*Urgent* · Patient K7QX"
		if err := tx.UpdateCase(ctx, c.ID, store.CaseChange{Thread: &thread, Urgent: &urgent, RootText: &root, Activity: true}, at(time.Minute)); err != nil {
			return err
		}
		if err := tx.AddCaseText(ctx, c.ID, store.AuthorPatient, "my lips are swelling", at(0)); err != nil {
			return err
		}
		return tx.AddCaseText(ctx, c.ID, store.AuthorStaff, "please call us", at(time.Minute))
	})
	for i, staff := range []string{"UALICE", "UBOB"} {
		var (
			owner string
			won   bool
		)
		inTx(t, db, func(tx *store.Tx) (err error) {
			owner, won, err = tx.ClaimCase(ctx, c.ID, staff)
			return err
		})
		if owner != "UALICE" || won != (i == 0) {
			t.Errorf("ClaimCase(%s) = %q, %v; want UALICE, %v", staff, owner, won, i == 0)
		}
	}
	again := open(t) // another handle: a restart
	var found store.Case
	var texts []store.CaseText
	inTx(t, again, func(tx *store.Tx) (err error) {
		var ok bool
		found, ok, err = tx.CaseByThread(ctx, "CCARE", "1700000000.000100")
		if err != nil || !ok {
			return fmt.Errorf("CaseByThread: %v, found %v", err, ok)
		}
		texts, err = tx.CaseTexts(ctx, c.ID)
		return err
	})
	if found.ID != c.ID || !found.Urgent || found.Patient != patient1 || found.Chat.Chat != "42" || !found.LastActivity.Equal(at(time.Minute)) ||
		found.RootText != "*Urgent* · Patient K7QX" {
		t.Errorf("CaseByThread = %+v, want case %d, urgent, of %v, with its root's text", found, c.ID, patient1)
	}
	if len(texts) != 2 || texts[0].Body != "my lips are swelling" || texts[1].Author != store.AuthorStaff {
		t.Errorf("CaseTexts = %+v, want the patient's then staff's", texts)
	}
	if same, opened := openCase(t, db, newCase(patient1), at(time.Hour)); opened || same.ID != c.ID {
		t.Errorf("OpenCase with one open = case %d, opened %v; want case %d, not opened", same.ID, opened, c.ID)
	}
	closeCase(t, db, c.ID, "UALICE", at(2*time.Hour), true)
	closeCase(t, db, c.ID, "UBOB", at(2*time.Hour), false)
	re, opened := openCase(t, db, newCase(patient1), at(20*time.Hour))
	if !opened || re.ID != c.ID || re.Thread != "1700000000.000100" || !re.Open || re.ClosedBy != "" {
		t.Errorf("OpenCase within a day of closing = %+v, %v; want case %d open again in its thread", re, opened, c.ID)
	}
	closeCase(t, db, c.ID, "", at(21*time.Hour), true)
	fresh, opened := openCase(t, db, newCase(patient1), at(46*time.Hour))
	if !opened || fresh.ID == c.ID || fresh.Thread != "" {
		t.Errorf("OpenCase a day after closing = %+v, %v; want a new case", fresh, opened)
	}
}

func closeCase(t *testing.T, db *store.DB, id int64, staff string, now time.Time, want bool) {
	t.Helper()
	inTx(t, db, func(tx *store.Tx) error {
		ok, err := tx.CloseCase(t.Context(), id, staff, now)
		if err == nil && ok != want {
			t.Errorf("CloseCase(%d) = %v, want %v", id, ok, want)
		}
		return err
	})
}

// testCasesDue lists silent cases and urgent ones to escalate.
func testCasesDue(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	urgent := newCase(patient1)
	urgent.Urgent, urgent.Reason = true, store.ReasonUrgent
	u, _ := openCase(t, db, urgent, at(0))
	calm, _ := openCase(t, db, newCase(aftercare.Actor{Platform: aftercare.Telegram, UserID: "43"}), at(time.Hour))
	ids := func(due store.Due, cutoff time.Time) []int64 {
		cs, err := db.Cases(t.Context(), due, cutoff)
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	if got := ids(store.DueEscalation, at(10*time.Minute)); len(got) != 1 || got[0] != u.ID {
		t.Errorf("escalation due = %v, want [%d]", got, u.ID)
	}
	inTx(t, db, func(tx *store.Tx) error {
		now := at(11 * time.Minute)
		return tx.UpdateCase(t.Context(), u.ID, store.CaseChange{EscalatedAt: &now}, now)
	})
	if got := ids(store.DueEscalation, at(time.Hour)); len(got) != 0 {
		t.Errorf("escalation due after escalating = %v, want none", got)
	}
	if got := ids(store.DueSilent, at(30*time.Minute)); len(got) != 1 || got[0] != u.ID {
		t.Errorf("silent before 30m = %v, want [%d]", got, u.ID)
	}
	if got := ids(store.DueSilent, at(2*time.Hour)); len(got) != 2 || got[1] != calm.ID {
		t.Errorf("silent before 2h = %v, want both", got)
	}
}

// testCasePhone: the phone number a patient shares is kept on their open
// case, changed only by a different number, not on a closed case; it
// survives a reopening, and goes with the case (Forget, PurgeCases).
func testCasePhone(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	c, _ := openCase(t, db, newCase(patient1), at(0))
	set := func(id int64, phone string, want bool) {
		t.Helper()
		inTx(t, db, func(tx *store.Tx) error {
			changed, err := tx.SetCasePhone(t.Context(), id, phone)
			if err == nil && changed != want {
				t.Errorf("SetCasePhone(%d, %q) = %v, want %v", id, phone, changed, want)
			}
			return err
		})
	}
	phoneOf := func(id int64) string {
		t.Helper()
		var got store.Case
		inTx(t, db, func(tx *store.Tx) (err error) {
			got, _, err = tx.CaseByID(t.Context(), id)
			return err
		})
		return got.Phone
	}
	if got := phoneOf(c.ID); got != "" {
		t.Errorf("a new case's Phone = %q, want none", got)
	}
	set(c.ID, "+447700900123", true)
	set(c.ID, "+447700900123", false) // the same again: nothing changes
	if got := phoneOf(c.ID); got != "+447700900123" {
		t.Errorf("Phone = %q, want +447700900123", got)
	}
	set(c.ID, "+447700900999", true)
	closeCase(t, db, c.ID, "U1", at(time.Hour), true)
	set(c.ID, "+447700900000", false) // closed: not recorded
	if re, _ := openCase(t, db, newCase(patient1), at(2*time.Hour)); re.ID != c.ID || re.Phone != "+447700900999" {
		t.Errorf("reopened case = %d with phone %q, want case %d with +447700900999", re.ID, re.Phone, c.ID)
	}

	other := aftercare.Actor{Platform: aftercare.Telegram, UserID: "43"}
	o, _ := openCase(t, db, newCase(other), at(0))
	set(o.ID, "+447700900443", true)
	closeCase(t, db, o.ID, "U1", at(time.Hour), true)
	if _, err := db.PurgeCases(t.Context(), at(30*24*time.Hour), 7*24*time.Hour); err != nil {
		t.Fatal(err)
	}
	inTx(t, db, func(tx *store.Tx) error { _, err := tx.Forget(t.Context(), patient1, at(3*time.Hour)); return err })
	var n int
	if err := db.SQL().QueryRowContext(t.Context(), "SELECT count(*) FROM cases WHERE phone IS NOT NULL").Scan(&n); err != nil || n != 0 {
		t.Errorf("%d phone numbers (%v) left after Forget and PurgeCases, want 0", n, err)
	}
}
