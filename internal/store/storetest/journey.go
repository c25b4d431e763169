package storetest

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/store"
)

var (
	patient = aftercare.Actor{Platform: aftercare.Telegram, UserID: "555"}
	chat    = aftercare.Address{Platform: aftercare.Telegram, Chat: "555"}
)

// treat records patient's treatment at treated and plans a reminder every
// hour from due for n hours.
func treat(t *testing.T, db *store.DB, who aftercare.Actor, treated, due time.Time, n int) {
	t.Helper()
	inTx(t, db, func(tx *store.Tx) error {
		if err := tx.SetTreatment(t.Context(), who, aftercare.Address{Platform: who.Platform, Chat: who.UserID}, treated, treated); err != nil {
			return err
		}
		var slots []store.Slot
		for i := range n {
			slots = append(slots, store.Slot{Due: due.Add(time.Duration(i) * time.Hour), Day: i + 1})
		}
		_, err := tx.PlanReminders(t.Context(), who, slots, treated)
		return err
	})
}

// states lists the states of who's reminders, earliest first.
func states(t *testing.T, db *store.DB, who aftercare.Actor) []store.ReminderState {
	t.Helper()
	_, s, err := db.Reminders(t.Context(), who)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func testTreatment(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	load := func() (tr store.Treatment, ok bool) {
		inTx(t, db, func(tx *store.Tx) (err error) {
			tr, ok, err = tx.Treatment(t.Context(), patient)
			return err
		})
		return tr, ok
	}
	if _, ok := load(); ok {
		t.Fatal("Treatment found in a new database")
	}
	inTx(t, db, func(tx *store.Tx) error {
		ok, err := tx.PlanReminders(t.Context(), patient, []store.Slot{{Due: at(time.Hour), Day: 1}}, at(0))
		if ok {
			t.Error("PlanReminders without a treatment = true, want false")
		}
		return err
	})
	treated := at(-2*time.Hour + 123*time.Microsecond)
	inTx(t, db, func(tx *store.Tx) error { return tx.SetTreatment(t.Context(), patient, chat, treated, at(0)) })
	tr, ok := load()
	if !ok || !tr.Treated.Equal(treated) || tr.Chat != chat || tr.Reminders {
		t.Errorf("Treatment() = %+v, %v, want treated %v in %v, reminders off", tr, ok, treated, chat)
	}
	treat(t, db, patient, treated, at(time.Hour), 3)
	if tr, _ := load(); !tr.Reminders {
		t.Error("Treatment().Reminders = false after PlanReminders")
	}
	if got := states(t, db, patient); len(got) != 3 {
		t.Errorf("reminders %v, want 3 planned", got)
	}
	inTx(t, db, func(tx *store.Tx) error {
		n, err := tx.StopReminders(t.Context(), patient, at(0))
		if n != 3 {
			t.Errorf("StopReminders = %d, want 3", n)
		}
		return err
	})
	if tr, _ := load(); tr.Reminders || len(states(t, db, patient)) != 0 {
		t.Errorf("after StopReminders: reminders %v, %v; want off and none planned", tr.Reminders, states(t, db, patient))
	}
}

// testClinicRef: the clinic's reference is kept with the treatment,
// through a change of treatment time, until it is cleared; without a
// treatment there is nowhere to keep it. Forget and the purge of people
// not seen take it with the treatment.
func testClinicRef(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	ref := func(who aftercare.Actor) string {
		var tr store.Treatment
		inTx(t, db, func(tx *store.Tx) (err error) {
			tr, _, err = tx.Treatment(t.Context(), who)
			return err
		})
		return tr.ClinicRef
	}
	set := func(who aftercare.Actor, r string) {
		inTx(t, db, func(tx *store.Tx) error { return tx.SetClinicRef(t.Context(), who, r) })
	}
	set(patient, "A-1234") // no treatment yet: nothing kept
	if got := ref(patient); got != "" {
		t.Errorf("ClinicRef without a treatment = %q, want none", got)
	}
	inTx(t, db, func(tx *store.Tx) error { return tx.SetTreatment(t.Context(), patient, chat, at(-time.Hour), at(0)) })
	set(patient, "A-1234")
	inTx(t, db, func(tx *store.Tx) error { return tx.SetTreatment(t.Context(), patient, chat, at(-2*time.Hour), at(0)) })
	if got := ref(patient); got != "A-1234" {
		t.Errorf("ClinicRef after another treatment time = %q, want A-1234 kept", got)
	}
	set(patient, "")
	if got := ref(patient); got != "" {
		t.Errorf("ClinicRef after clearing = %q", got)
	}
	set(patient, "A-1234")
	see(t, db, patient, at(0))
	inTx(t, db, func(tx *store.Tx) error { _, err := tx.Forget(t.Context(), patient, at(0)); return err })
	gone := aftercare.Actor{Platform: aftercare.Telegram, UserID: "gone"} // never seen: purged as an orphan
	inTx(t, db, func(tx *store.Tx) error { return tx.SetTreatment(t.Context(), gone, chat, at(-time.Hour), at(0)) })
	set(gone, "G-1")
	if _, err := db.PurgeJourney(t.Context(), at(0), time.Hour); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.SQL().QueryRowContext(t.Context(), "SELECT count(*) FROM treatments WHERE clinic_ref IS NOT NULL").Scan(&n); err != nil || n != 0 {
		t.Errorf("%d clinic references (%v) left after Forget and the purge, want 0", n, err)
	}
}

func testInvites(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	treated := at(-time.Hour)
	inTx(t, db, func(tx *store.Tx) error {
		if err := tx.CreateInvite(t.Context(), "hash-a", store.Invite{Treated: treated, ClinicRef: "A-1234"}, at(0), at(14*24*time.Hour)); err != nil {
			return err
		}
		return tx.CreateInvite(t.Context(), "hash-b", store.Invite{Treated: treated, ClinicRef: "B-9"}, at(0), at(time.Hour))
	})
	redeem := func(hash string, now time.Time) (got store.Invite, o aftercare.InviteOutcome) {
		inTx(t, db, func(tx *store.Tx) (err error) {
			got, o, err = tx.RedeemInvite(t.Context(), hash, now)
			return err
		})
		return got, o
	}
	tests := []struct {
		hash string
		now  time.Time
		want aftercare.InviteOutcome
	}{
		{"hash-b", at(time.Hour), aftercare.InviteExpired},
		{"hash-a", at(time.Hour), aftercare.InviteLinked},
		{"hash-a", at(2 * time.Hour), aftercare.InviteUsed},
		{"hash-unknown", at(0), aftercare.InviteExpired},
	}
	for _, tt := range tests {
		got, o := redeem(tt.hash, tt.now)
		linked := o == aftercare.InviteLinked
		if o != tt.want || linked != got.Treated.Equal(treated) || linked != (got.ClinicRef == "A-1234") {
			t.Errorf("RedeemInvite(%s, %v) = %+v, %v, want %v", tt.hash, tt.now, got, o, tt.want)
		}
	}
	// The redeemed invite's reference went to the patient: the invite no
	// longer holds it. The expired one's stays until it is purged.
	var refs []string
	rows, err := db.SQL().QueryContext(t.Context(), "SELECT token_hash FROM invites WHERE clinic_ref IS NOT NULL ORDER BY token_hash")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var h string
		rows.Scan(&h)
		refs = append(refs, h)
	}
	rows.Close()
	if len(refs) != 1 || refs[0] != "hash-b" {
		t.Errorf("invites holding a clinic reference after redeeming hash-a: %v, want only hash-b", refs)
	}
	// One invite redeemed by many at once: one wins.
	inTx(t, db, func(tx *store.Tx) error {
		return tx.CreateInvite(t.Context(), "hash-c", store.Invite{Treated: treated}, at(0), at(time.Hour))
	})
	const n = 20
	outcomes := make([]aftercare.InviteOutcome, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			errs[i] = db.Tx(t.Context(), func(tx *store.Tx) (err error) {
				_, outcomes[i], err = tx.RedeemInvite(t.Context(), "hash-c", at(time.Minute))
				return err
			})
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	linked := 0
	for _, o := range outcomes {
		if o == aftercare.InviteLinked {
			linked++
		}
	}
	if linked != 1 {
		t.Errorf("%d concurrent RedeemInvite = %v, want one linked", n, outcomes)
	}
}

func testClaimReminders(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	const grace = 150 * time.Minute
	// Due at -3h (missed), -1h, now, +1h.
	treat(t, db, patient, at(-4*time.Hour), at(-3*time.Hour), 5)
	claimed, skipped, err := db.ClaimReminders(t.Context(), at(time.Minute), grace, 10)
	if err != nil {
		t.Fatal(err)
	}
	if skipped != 1 || len(claimed) != 3 {
		t.Fatalf("ClaimReminders = %d claimed, %d skipped, want 3 and 1", len(claimed), skipped)
	}
	if r := claimed[0]; r.Actor != patient || r.Chat != chat || !r.Due.Equal(at(-2*time.Hour)) || r.Day != 2 {
		t.Errorf("first claimed = %+v, want day 2 due %v for %v in %v", r, at(-2*time.Hour), patient, chat)
	}
	again, _, _ := db.ClaimReminders(t.Context(), at(time.Minute), grace, 10)
	if len(again) != 0 {
		t.Errorf("ClaimReminders again = %v, want nothing: all claimed", again)
	}
	for r, s := range map[store.Reminder]store.ReminderState{claimed[0]: store.ReminderSent, claimed[1]: store.ReminderPlanned, claimed[2]: store.ReminderUncertain} {
		if err := db.SettleReminder(t.Context(), r, s, at(time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	want := []store.ReminderState{"skipped", "sent", "planned", "uncertain", "planned"}
	if got := states(t, db, patient); !equal(got, want) {
		t.Errorf("states %v, want %v", got, want)
	}
	// A claim abandoned for longer than the lease is uncertain if its
	// sending had begun, else planned again.
	claimed, _, _ = db.ClaimReminders(t.Context(), at(time.Hour), grace, 10)
	if len(claimed) != 2 {
		t.Fatalf("claimed %d, want the released one and the next", len(claimed))
	}
	if ok, err := db.SendingReminder(t.Context(), claimed[0], at(time.Hour)); !ok || err != nil {
		t.Fatalf("SendingReminder = %v, %v", ok, err)
	}
	if u, p, err := db.AbandonReminders(t.Context(), at(time.Hour+time.Minute), 5*time.Minute); err != nil || u+p != 0 {
		t.Errorf("AbandonReminders within the lease = %d, %d, %v, want none", u, p, err)
	}
	if u, p, err := db.AbandonReminders(t.Context(), at(2*time.Hour), 5*time.Minute); err != nil || u != 1 || p != 1 {
		t.Errorf("AbandonReminders after the lease = %d uncertain, %d planned, %v; want 1 and 1", u, p, err)
	}
	if ok, _ := db.SendingReminder(t.Context(), claimed[1], at(2*time.Hour)); ok {
		t.Error("a claim taken back could still be sent")
	}
}

// testRemindersOfADeadReplica: a replica's claims are taken back as soon
// as it stops beating, not after the lease.
func testRemindersOfADeadReplica(t *testing.T, open func(*testing.T) *store.DB) {
	raw := open(t)
	a, b := raw.As("a"), raw.As("b")
	for i, who := range []string{"x", "y"} {
		actor := aftercare.Actor{Platform: aftercare.Telegram, UserID: who}
		treat(t, raw, actor, at(-time.Hour), at(time.Duration(i)*time.Second), 1)
	}
	if err := raw.Beat(t.Context(), "a", at(0), at(20*time.Second)); err != nil {
		t.Fatal(err)
	}
	claimed, _, err := a.ClaimReminders(t.Context(), at(time.Second), time.Hour, 10)
	if err != nil || len(claimed) != 2 {
		t.Fatalf("a claimed %d, %v; want 2", len(claimed), err)
	}
	if ok, err := a.SendingReminder(t.Context(), claimed[0], at(time.Second)); !ok || err != nil {
		t.Fatalf("SendingReminder = %v, %v", ok, err)
	}
	if u, p, _ := b.AbandonReminders(t.Context(), at(10*time.Second), time.Hour); u+p != 0 {
		t.Errorf("b took back %d+%d claims of a live replica", u, p)
	}
	if u, p, _ := b.AbandonReminders(t.Context(), at(21*time.Second), time.Hour); u != 1 || p != 1 {
		t.Errorf("b took back %d uncertain, %d planned of a dead replica; want 1 and 1", u, p)
	}
	again, _, _ := b.ClaimReminders(t.Context(), at(22*time.Second), time.Hour, 10)
	if len(again) != 1 || again[0].Actor.UserID != claimed[1].Actor.UserID {
		t.Errorf("b claimed %v; want the one a never began", again)
	}
}

func testClaimRemindersTogether(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	const people, each = 10, 6
	for i := range people {
		who := aftercare.Actor{Platform: aftercare.Telegram, UserID: string(rune('a' + i))}
		treat(t, db, who, at(-time.Hour), at(-time.Duration(each)*time.Hour/2), each)
	}
	var (
		mu    sync.Mutex
		count = map[store.Reminder]int{}
		errs  = make([]error, 8)
		wg    sync.WaitGroup
	)
	for w := range errs {
		wg.Go(func() {
			for {
				other := open(t) // a replica of its own
				claimed, _, err := other.ClaimReminders(t.Context(), at(0), 24*time.Hour, 3)
				if err != nil || len(claimed) == 0 {
					errs[w] = err
					return
				}
				mu.Lock()
				for _, r := range claimed {
					count[r]++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	due := people * (each/2 + 1)
	if len(count) != due {
		t.Errorf("claimed %d reminders, want the %d due", len(count), due)
	}
	for r, n := range count {
		if n != 1 {
			t.Errorf("reminder %v claimed %d times", r, n)
		}
	}
}

func testUnreachableStops(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	treat(t, db, patient, at(-time.Hour), at(0), 3)
	claimed, _, _ := db.ClaimReminders(t.Context(), at(0), time.Hour, 10)
	if len(claimed) != 1 {
		t.Fatalf("claimed %d, want 1", len(claimed))
	}
	if err := db.SettleReminder(t.Context(), claimed[0], store.ReminderUnreachable, at(0)); err != nil {
		t.Fatal(err)
	}
	if got := states(t, db, patient); !equal(got, []store.ReminderState{"unreachable"}) {
		t.Errorf("states %v, want the one unreachable and no more planned", got)
	}
}

func testForgetJourney(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	see(t, db, patient, at(0))
	treat(t, db, patient, at(-time.Hour), at(0), 3)
	db.ClaimReminders(t.Context(), at(0), time.Hour, 10)
	inTx(t, db, func(tx *store.Tx) error { _, err := tx.Forget(t.Context(), patient, at(0)); return err })
	for _, table := range []string{"people", "treatments", "reminders"} {
		var n int
		if err := db.SQL().QueryRowContext(t.Context(), "SELECT count(*) FROM "+table).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s has %d rows (%v) after Forget, want 0", table, n, err)
		}
	}
}

func testPurgeJourney(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	const keep = 7 * 24 * time.Hour
	now := at(30 * 24 * time.Hour)
	inTx(t, db, func(tx *store.Tx) error {
		if err := tx.CreateInvite(t.Context(), "old", store.Invite{Treated: at(0), ClinicRef: "OLD-1"}, at(0), now.Add(-keep-time.Second)); err != nil {
			return err
		}
		return tx.CreateInvite(t.Context(), "recent", store.Invite{Treated: at(0)}, at(0), now.Add(-keep+time.Second))
	})
	kept := aftercare.Actor{Platform: aftercare.Telegram, UserID: "kept"}
	see(t, db, kept, now)
	treat(t, db, kept, now.Add(-keep-2*time.Hour), now.Add(-keep-time.Hour), 2) // one old, one recent
	treat(t, db, patient, now, now, 1)                                          // never seen: gone
	n, err := db.PurgeJourney(t.Context(), now, keep)
	if err != nil || n != 4 {
		t.Errorf("PurgeJourney = %d, %v, want 4 (an invite, an old reminder, an orphan treatment and its reminder)", n, err)
	}
	if got := states(t, db, kept); len(got) != 1 {
		t.Errorf("kept's reminders %v, want the recent one", got)
	}
}

func equal(a, b []store.ReminderState) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
