package storetest

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/store"
)

// lease is the claim lease of the tests.
const lease = time.Minute

// claim claims one delivery in a transaction of its own.
func claim(t *testing.T, db *store.DB, id string, now time.Time) store.Claim {
	t.Helper()
	var c store.Claim
	inTx(t, db, func(tx *store.Tx) (err error) {
		c, err = tx.Claim(t.Context(), aftercare.Telegram, id, now, lease)
		return err
	})
	return c
}

// finish finishes one delivery in a transaction of its own.
func finish(t *testing.T, db *store.DB, id string, now time.Time) {
	t.Helper()
	inTx(t, db, func(tx *store.Tx) error {
		return tx.Finish(t.Context(), aftercare.Telegram, id, now, "sent")
	})
}

// claimTogether claims one delivery from n goroutines at once, each in a
// transaction of its own, and counts the results.
func claimTogether(t *testing.T, db *store.DB, n int, id string, now time.Time) map[store.Claim]int {
	t.Helper()
	claims := make([]store.Claim, n)
	errs := make([]error, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			errs[i] = db.Tx(t.Context(), func(tx *store.Tx) (err error) {
				claims[i], err = tx.Claim(t.Context(), aftercare.Telegram, id, now, lease)
				return err
			})
		})
	}
	close(start)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	count := map[store.Claim]int{}
	for _, c := range claims {
		count[c]++
	}
	return count
}

func testClaimOnce(t *testing.T, open func(*testing.T) *store.DB) {
	const n = 50
	got := claimTogether(t, open(t), n, "update:1", at(0))
	if got[store.ClaimNew] != 1 || got[store.ClaimBusy] != n-1 {
		t.Errorf("%d concurrent Claims = %v, want 1 new and %d busy", n, got, n-1)
	}
}

func testClaimAfterFinish(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	if c := claim(t, db, "update:1", at(0)); c != store.ClaimNew {
		t.Fatalf("Claim = %v, want new", c)
	}
	finish(t, db, "update:1", at(time.Second))
	finish(t, db, "update:2", at(time.Second)) // never claimed
	for _, id := range []string{"update:1", "update:2"} {
		// Still done long after the lease.
		if c := claim(t, db, id, at(time.Hour)); c != store.ClaimDone {
			t.Errorf("Claim(%s) after Finish = %v, want done", id, c)
		}
	}
}

func testClaimBusy(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	claim(t, db, "update:1", at(0))
	if c := claim(t, db, "update:1", at(lease-time.Second)); c != store.ClaimBusy {
		t.Errorf("Claim within the lease = %v, want busy", c)
	}
}

// testClaimStaleOnce claims a delivery whose claim has outlived its lease
// from many goroutines: one takes it over, the rest find it busy, and so
// does a claim just after.
func testClaimStaleOnce(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	claim(t, db, "update:1", at(0))
	const n = 20
	got := claimTogether(t, db, n, "update:1", at(2*lease))
	if got[store.ClaimStale] != 1 || got[store.ClaimBusy] != n-1 {
		t.Errorf("%d concurrent Claims of a stale claim = %v, want 1 stale and %d busy", n, got, n-1)
	}
	if c := claim(t, db, "update:1", at(2*lease+time.Second)); c != store.ClaimBusy {
		t.Errorf("Claim just after the stale claim was taken = %v, want busy", c)
	}
}

func testReleaseThenClaim(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	claim(t, db, "update:1", at(0))
	release := func(id string) {
		inTx(t, db, func(tx *store.Tx) error { return tx.Release(t.Context(), aftercare.Telegram, id) })
	}
	release("update:1")
	if c := claim(t, db, "update:1", at(time.Second)); c != store.ClaimStale {
		t.Errorf("Claim after Release = %v, want stale (taken over at once)", c)
	}
	finish(t, db, "update:2", at(0))
	release("update:2")
	if c := claim(t, db, "update:2", at(time.Second)); c != store.ClaimDone {
		t.Errorf("Claim after Finish and Release = %v, want done", c)
	}
}

func testClaimNoID(t *testing.T, open func(*testing.T) *store.DB) {
	err := open(t).Tx(t.Context(), func(tx *store.Tx) error {
		_, err := tx.Claim(t.Context(), aftercare.Console, "", at(0), lease)
		return err
	})
	if !errors.Is(err, store.ErrNoDeliveryID) {
		t.Errorf("Claim of an empty ID: error = %v, want ErrNoDeliveryID", err)
	}
}

// claimFor claims one delivery for a replica in a transaction of its own.
func claimFor(t *testing.T, db *store.DB, owner, id string, now time.Time) (store.Claim, store.Pending) {
	t.Helper()
	var (
		c store.Claim
		p store.Pending
	)
	inTx(t, db, func(tx *store.Tx) (err error) {
		c, p, err = tx.ClaimFor(t.Context(), owner, aftercare.Telegram, id, now, lease)
		return err
	})
	return c, p
}

// testClaimOfADeadReplica: a claim is its replica's while the replica
// beats, whatever the lease; once its beat has lapsed another replica
// takes it over at once, with the progress recorded. The owner itself
// finds its own claim busy.
func testClaimOfADeadReplica(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	if err := db.Beat(t.Context(), "a", at(0), at(15*time.Second)); err != nil {
		t.Fatal(err)
	}
	if c, _ := claimFor(t, db, "a", "update:1", at(0)); c != store.ClaimNew {
		t.Fatalf("ClaimFor(a) = %v, want new", c)
	}
	inTx(t, db, func(tx *store.Tx) error {
		return tx.Progress(t.Context(), aftercare.Telegram, "update:1", []byte(`{"j":1}`), nil)
	})
	inTx(t, db, func(tx *store.Tx) error {
		return tx.Progress(t.Context(), aftercare.Telegram, "update:1", nil, []byte(`{"r":2}`))
	})
	for _, who := range []string{"a", "b"} {
		if c, _ := claimFor(t, db, who, "update:1", at(10*time.Second)); c != store.ClaimBusy {
			t.Errorf("ClaimFor(%s) while a is alive = %v, want busy", who, c)
		}
	}
	if err := db.Beat(t.Context(), "b", at(16*time.Second), at(time.Minute)); err != nil {
		t.Fatal(err)
	}
	c, p := claimFor(t, db, "b", "update:1", at(16*time.Second))
	if c != store.ClaimStale || string(p.Journey) != `{"j":1}` || string(p.Reply) != `{"r":2}` {
		t.Errorf("ClaimFor(b) once a is gone = %v, %q, %q; want stale with a's progress", c, p.Journey, p.Reply)
	}
	if c, _ := claimFor(t, db, "c", "update:1", at(17*time.Second)); c != store.ClaimBusy {
		t.Errorf("ClaimFor(c) after b took it over = %v, want busy", c)
	}
	inTx(t, db, func(tx *store.Tx) error {
		return tx.Finish(t.Context(), aftercare.Telegram, "update:1", at(18*time.Second), "sent")
	})
	if c, p := claimFor(t, db, "c", "update:1", at(time.Hour)); c != store.ClaimDone || p.Reply != nil {
		t.Errorf("ClaimFor after Finish = %v, %q; want done and no reply kept", c, p.Reply)
	}
}

// testLeaveReleases: a replica that leaves gives up its claims and leases
// at once.
func testLeaveReleases(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	if err := db.Beat(t.Context(), "a", at(0), at(time.Hour)); err != nil {
		t.Fatal(err)
	}
	claimFor(t, db, "a", "update:1", at(0))
	if ok, err := db.TakeLease(t.Context(), "poll", "a", at(0), at(time.Hour)); !ok || err != nil {
		t.Fatalf("TakeLease(a) = %v, %v", ok, err)
	}
	if err := db.Leave(t.Context(), "a"); err != nil {
		t.Fatal(err)
	}
	if c, _ := claimFor(t, db, "b", "update:1", at(time.Second)); c != store.ClaimStale {
		t.Errorf("ClaimFor(b) after a left = %v, want stale", c)
	}
	if ok, err := db.TakeLease(t.Context(), "poll", "b", at(time.Second), at(time.Minute)); !ok || err != nil {
		t.Errorf("TakeLease(b) after a left = %v, %v; want taken", ok, err)
	}
}

// testLeases: one holder at a time; the holder renews; another takes it
// once it expires or its holder's replica is gone; DropLease by another
// does nothing.
func testLeases(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	for _, id := range []string{"a", "b"} {
		if err := db.Beat(t.Context(), id, at(0), at(time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		holder string
		now    time.Duration
		until  time.Duration
		want   bool
	}{
		{"a", 0, 20 * time.Second, true},
		{"b", 5 * time.Second, 25 * time.Second, false},
		{"a", 10 * time.Second, 30 * time.Second, true}, // renewed
		{"b", 25 * time.Second, 45 * time.Second, false},
		{"b", 31 * time.Second, 50 * time.Second, true}, // expired
		{"a", 40 * time.Second, 60 * time.Second, false},
	}
	for i, s := range steps {
		if ok, err := db.TakeLease(t.Context(), "poll", s.holder, at(s.now), at(s.until)); ok != s.want || err != nil {
			t.Errorf("step %d: TakeLease(%s at %v) = %v, %v; want %v", i, s.holder, s.now, ok, err, s.want)
		}
	}
	if err := db.Beat(t.Context(), "a", at(41*time.Second), at(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if ok, _ := db.TakeLease(t.Context(), "poll", "a", at(49*time.Second), at(70*time.Second)); ok {
		t.Error("a took b's valid lease")
	}
	if err := db.DropLease(t.Context(), "poll", "a"); err != nil { // not a's: nothing happens
		t.Fatal(err)
	}
	if ok, _ := db.TakeLease(t.Context(), "poll", "a", at(49*time.Second), at(70*time.Second)); ok {
		t.Error("a's DropLease dropped b's lease")
	}
	if err := db.DropLease(t.Context(), "poll", "b"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := db.TakeLease(t.Context(), "poll", "a", at(49*time.Second), at(70*time.Second)); !ok {
		t.Error("a could not take the lease b dropped")
	}
	// A lease whose holder's replica lapsed is free before it expires.
	if ok, _ := db.TakeLease(t.Context(), "other", "b", at(50*time.Second), at(10*time.Minute)); !ok {
		t.Fatal("b could not take a free lease")
	}
	if ok, _ := db.TakeLease(t.Context(), "other", "a", at(61*time.Second), at(80*time.Second)); !ok {
		t.Error("a could not take the lease of b, whose beat lapsed at 60 s")
	}
	// Purged: b's row (lapsed at 60 s) and the poll lease (expired at 70 s);
	// a's row (to 161 s) and the other lease (to 80 s) stay.
	if n, err := db.PurgeReplicas(t.Context(), at(75*time.Second)); n != 2 || err != nil {
		t.Errorf("PurgeReplicas = %d, %v; want b's row and the expired lease", n, err)
	}
}
