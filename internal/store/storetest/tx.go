package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/store"
)

// testPurge keeps deliveries changed and people seen recently, and
// deletes the rest.
func testPurge(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	const handledFor, retention = 48 * time.Hour, 30 * 24 * time.Hour
	now := at(100 * 24 * time.Hour)
	finish(t, db, "old", now.Add(-handledFor-time.Second))
	claim(t, db, "old-claim", now.Add(-handledFor-time.Second))
	finish(t, db, "recent", now.Add(-handledFor+time.Second))
	oldPerson := aftercare.Actor{Platform: aftercare.Slack, UserID: "U1"}
	recentPerson := aftercare.Actor{Platform: aftercare.Slack, UserID: "U2"}
	see(t, db, oldPerson, now.Add(-retention-time.Second))
	see(t, db, recentPerson, now.Add(-2*retention)) // first seen long ago…
	see(t, db, recentPerson, now.Add(-retention+time.Second))

	deliveries, people, err := db.Purge(t.Context(), now, handledFor, retention)
	if err != nil || deliveries != 2 || people != 1 {
		t.Errorf("Purge() = %d deliveries, %d people, %v, want 2, 1", deliveries, people, err)
	}
	for id, want := range map[string]store.Claim{"old": store.ClaimNew, "old-claim": store.ClaimNew, "recent": store.ClaimDone} {
		if c := claim(t, db, id, now); c != want {
			t.Errorf("Claim(%s) after Purge = %v, want %v", id, c, want)
		}
	}
	if _, ok := lookUp(t, db, oldPerson); ok {
		t.Errorf("Person(%v) not seen within retention survived Purge", oldPerson)
	}
	person(t, db, recentPerson)
	if _, _, err := db.Purge(t.Context(), now, 0, retention); err == nil {
		t.Errorf("Purge with handledFor 0 succeeded")
	}
}

var errBoom = errors.New("boom")

// writeAll claims a delivery and sees a person.
func writeAll(t *testing.T, tx *store.Tx) {
	if _, err := tx.Claim(t.Context(), aftercare.Telegram, "update:1", at(0), lease); err != nil {
		t.Error(err)
	}
	if _, err := tx.SeePerson(t.Context(), aftercare.Actor{Platform: aftercare.Telegram, UserID: "42"}, at(0)); err != nil {
		t.Error(err)
	}
}

// nothingWritten checks that what writeAll wrote is not there.
func nothingWritten(t *testing.T, db *store.DB) {
	t.Helper()
	if c := claim(t, db, "update:1", at(time.Second)); c != store.ClaimNew {
		t.Errorf("Claim after a rolled back Claim = %v, want new", c)
	}
	if _, ok := lookUp(t, db, aftercare.Actor{Platform: aftercare.Telegram, UserID: "42"}); ok {
		t.Errorf("Person found after a rolled back SeePerson")
	}
}

func testRollback(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	err := db.Tx(t.Context(), func(tx *store.Tx) error {
		writeAll(t, tx)
		return errBoom
	})
	if !errors.Is(err, errBoom) {
		t.Errorf("Tx error = %v, want %v", err, errBoom)
	}
	nothingWritten(t, db)
}

func testRollbackOnPanic(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	func() {
		defer func() {
			if p := recover(); p != errBoom {
				t.Errorf("Tx recovered %v, want the panic %v to go on", p, errBoom)
			}
		}()
		db.Tx(t.Context(), func(tx *store.Tx) error {
			writeAll(t, tx)
			panic(errBoom)
		})
	}()
	nothingWritten(t, db)
}

// testRetry fails the first attempt with a serialization failure: Tx rolls
// it back and runs the function again.
func testRetry(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	var attempts int
	var c store.Claim
	err := db.Tx(t.Context(), func(tx *store.Tx) (err error) {
		attempts++
		if c, err = tx.Claim(t.Context(), aftercare.Telegram, "update:1", at(0), lease); err != nil {
			return err
		}
		if attempts == 1 {
			return &pgconn.PgError{Code: "40001", Message: "could not serialize access"}
		}
		return nil
	})
	if err != nil || attempts != 2 || c != store.ClaimNew {
		t.Errorf("Tx = %v after %d attempts, last claim %v; want nil after 2, new", err, attempts, c)
	}
	attempts = 0
	err = db.Tx(t.Context(), func(*store.Tx) error {
		attempts++
		return &pgconn.PgError{Code: "40P01", Message: "deadlock detected"}
	})
	if err == nil || attempts < 2 || attempts > 10 {
		t.Errorf("Tx that always deadlocks = %v after %d attempts, want an error after a few", err, attempts)
	}
}
