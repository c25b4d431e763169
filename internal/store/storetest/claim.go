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
	if c := claim(t, db, "update:1", at(time.Second)); c != store.ClaimNew {
		t.Errorf("Claim after Release = %v, want new", c)
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
