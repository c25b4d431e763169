package storetest

import (
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/store"
)

// person loads actor, failing the test if there is no such person.
func person(t *testing.T, db *store.DB, actor aftercare.Actor) aftercare.Person {
	t.Helper()
	p, ok := lookUp(t, db, actor)
	if !ok {
		t.Fatalf("Person(%v) not found", actor)
	}
	return p
}

// lookUp loads actor.
func lookUp(t *testing.T, db *store.DB, actor aftercare.Actor) (p aftercare.Person, ok bool) {
	t.Helper()
	inTx(t, db, func(tx *store.Tx) (err error) {
		p, ok, err = tx.Person(t.Context(), actor)
		return err
	})
	return p, ok
}

// see records actor as seen at now.
func see(t *testing.T, db *store.DB, actor aftercare.Actor, now time.Time) aftercare.Person {
	t.Helper()
	var p aftercare.Person
	inTx(t, db, func(tx *store.Tx) (err error) {
		p, err = tx.SeePerson(t.Context(), actor, now)
		return err
	})
	return p
}

// testSeePerson sees one person three times: first seen never moves, and
// last seen only forward.
func testSeePerson(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	actor := aftercare.Actor{Platform: aftercare.Telegram, UserID: "42"}
	if _, ok := lookUp(t, db, actor); ok {
		t.Fatalf("Person(%v) found in a new database", actor)
	}
	tests := []struct {
		now         time.Time
		first, last time.Time
	}{
		{at(0), at(0), at(0)},
		{at(time.Hour), at(0), at(time.Hour)},
		{at(time.Minute), at(0), at(time.Hour)}, // a replica's clock behind
	}
	for _, tt := range tests {
		p := see(t, db, actor, tt.now)
		if p.Actor != actor || !p.FirstSeen.Equal(tt.first) || !p.LastSeen.Equal(tt.last) {
			t.Errorf("SeePerson(%v) = %v, want first seen %v, last seen %v", tt.now, p, tt.first, tt.last)
		}
		if stored := person(t, db, actor); !stored.FirstSeen.Equal(p.FirstSeen) || !stored.LastSeen.Equal(p.LastSeen) {
			t.Errorf("Person() = %v, want %v as SeePerson returned", stored, p)
		}
	}
}

// testForget forgets one person: nothing of them is left, others are kept,
// and forgetting again finds nothing.
func testForget(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	gone := aftercare.Actor{Platform: aftercare.Slack, UserID: "U1"}
	kept := aftercare.Actor{Platform: aftercare.Telegram, UserID: "U1"} // same ID, other platform
	see(t, db, gone, at(0))
	see(t, db, kept, at(0))
	for _, want := range []bool{true, false} {
		var forgot bool
		inTx(t, db, func(tx *store.Tx) (err error) {
			forgot, err = tx.Forget(t.Context(), gone, at(0))
			return err
		})
		if forgot != want {
			t.Errorf("Forget(%v) = %v, want %v", gone, forgot, want)
		}
	}
	if _, ok := lookUp(t, db, gone); ok {
		t.Errorf("Person(%v) found after Forget", gone)
	}
	var rows int
	if err := db.SQL().QueryRowContext(t.Context(), "SELECT count(*) FROM people WHERE user_id = $1", "U1").Scan(&rows); err != nil || rows != 1 {
		t.Errorf("%d rows (%v) with the user ID left, want 1 (the other platform's)", rows, err)
	}
}
