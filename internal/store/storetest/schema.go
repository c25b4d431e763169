package storetest

import (
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/store"
)

// testMigrationsTwice opens one database twice: the second Open finds the
// schema up to date and changes nothing.
func testMigrationsTwice(t *testing.T, open func(*testing.T) *store.DB) {
	first, err := open(t).SchemaVersion(t.Context())
	if err != nil || first < 1 {
		t.Fatalf("SchemaVersion() = %d, %v, want at least 1", first, err)
	}
	db := open(t)
	again, err := db.SchemaVersion(t.Context())
	if err != nil || again != first {
		t.Errorf("SchemaVersion() after a second Open = %d, %v, want %d", again, err, first)
	}
	var rows int
	if err := db.SQL().QueryRowContext(t.Context(), "SELECT count(*) FROM schema_migrations").Scan(&rows); err != nil || rows != first {
		t.Errorf("schema_migrations has %d rows (%v), want %d", rows, err, first)
	}
}

// testParameterOrder runs SQL whose $n placeholders are out of order: both
// dialects bind them by number, not position.
func testParameterOrder(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	var (
		text string
		num  int64
	)
	if err := db.SQL().QueryRowContext(t.Context(), "SELECT CAST($2 AS TEXT), CAST($1 AS BIGINT)", 42, "second").Scan(&text, &num); err != nil || text != "second" || num != 42 {
		t.Errorf("SELECT $2, $1 with (42, %q) = %q, %d, %v", "second", text, num, err)
	}
	first, last := at(0), at(time.Hour)
	const insert = "INSERT INTO people (user_id, platform, last_seen, first_seen) VALUES ($2, $1, $4, $3)"
	if _, err := db.SQL().ExecContext(t.Context(), insert, aftercare.Slack, "U1", first.UnixMicro(), last.UnixMicro()); err != nil {
		t.Fatal(err)
	}
	p := person(t, db, aftercare.Actor{Platform: aftercare.Slack, UserID: "U1"})
	if !p.FirstSeen.Equal(first) || !p.LastSeen.Equal(last) {
		t.Errorf("Person(slack U1) = %v, want first seen %v, last seen %v", p, first, last)
	}
}

// testTimeRoundTrip stores a time in another zone, with microseconds: it
// comes back the same instant; nanoseconds are dropped.
func testTimeRoundTrip(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	kolkata := time.FixedZone("IST", 5*3600+1800)
	seen := time.Date(2025, 3, 30, 2, 30, 15, 123456000, kolkata)
	actor := aftercare.Actor{Platform: aftercare.Telegram, UserID: "42"}
	var got aftercare.Person
	inTx(t, db, func(tx *store.Tx) (err error) {
		got, err = tx.SeePerson(t.Context(), actor, seen.Add(789*time.Nanosecond))
		return err
	})
	if !got.FirstSeen.Equal(seen) || !got.LastSeen.Equal(seen) {
		t.Errorf("SeePerson(%v) = %v, want first and last seen %v", seen, got, seen)
	}
	if p := person(t, db, actor); !p.FirstSeen.Equal(seen) || p.FirstSeen.Location() != time.UTC {
		t.Errorf("Person() first seen = %v, want %v in UTC", p.FirstSeen, seen)
	}
}

// base is the tests' "now", give or take.
var base = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

// at is base+d.
func at(d time.Duration) time.Time { return base.Add(d) }

// inTx runs fn in a transaction, failing the test on an error.
func inTx(t *testing.T, db *store.DB, fn func(*store.Tx) error) {
	t.Helper()
	if err := db.Tx(t.Context(), fn); err != nil {
		t.Fatal(err)
	}
}
