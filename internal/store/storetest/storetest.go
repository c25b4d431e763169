// Package storetest checks that a store.DB behaves as the package
// promises, on any database, and finds test databases: a SQLite file, or a
// fresh schema on the PostgreSQL server $TEST_DATABASE_URL names. Only
// tests import it.
package storetest

import (
	"sync"
	"testing"

	"github.com/clinicbot/aftercare/internal/store"
)

// Open opens the database raw names, closing it when the test ends.
func Open(t testing.TB, raw string) *store.DB {
	t.Helper()
	cfg, err := store.ParseURL(raw)
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(t.Context(), cfg)
	if err != nil {
		t.Fatalf("Open(%s): %v", cfg, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Opener returns an open function for Run: it opens a new database from
// url (SQLiteURL or PostgresURL) for each test, and the same database again
// when called again in the same test.
func Opener(url func(testing.TB) string) func(*testing.T) *store.DB {
	var mu sync.Mutex
	urls := map[*testing.T]string{}
	urlFor := func(t *testing.T) string {
		mu.Lock()
		defer mu.Unlock() // also when url skips the test
		if raw, ok := urls[t]; ok {
			return raw
		}
		raw := url(t)
		urls[t] = raw
		t.Cleanup(func() {
			mu.Lock()
			defer mu.Unlock()
			delete(urls, t)
		})
		return raw
	}
	return func(t *testing.T) *store.DB {
		t.Helper()
		return Open(t, urlFor(t))
	}
}

// Run checks the store on the databases open returns, one subtest per
// promise. open must return a new database for each test it is given, and
// another handle on the same database when called again in that test (see
// Opener).
func Run(t *testing.T, open func(t *testing.T) *store.DB) {
	tests := []struct {
		name string
		test func(*testing.T, func(*testing.T) *store.DB)
	}{
		{"MigrationsTwice", testMigrationsTwice},
		{"ParameterOrder", testParameterOrder},
		{"TimeRoundTrip", testTimeRoundTrip},
		{"ClaimOnce", testClaimOnce},
		{"ClaimAfterFinish", testClaimAfterFinish},
		{"ClaimBusy", testClaimBusy},
		{"ClaimStaleOnce", testClaimStaleOnce},
		{"ReleaseThenClaim", testReleaseThenClaim},
		{"ClaimOfADeadReplica", testClaimOfADeadReplica},
		{"LeaveReleases", testLeaveReleases},
		{"Leases", testLeases},
		{"RemindersOfADeadReplica", testRemindersOfADeadReplica},
		{"ClaimNoID", testClaimNoID},
		{"SeePerson", testSeePerson},
		{"Forget", testForget},
		{"Purge", testPurge},
		{"Intake", testIntake},
		{"Rollback", testRollback},
		{"RollbackOnPanic", testRollbackOnPanic},
		{"Retry", testRetry},
		{"Treatment", testTreatment},
		{"Invites", testInvites},
		{"ClinicRef", testClinicRef},
		{"ClaimReminders", testClaimReminders},
		{"ClaimRemindersTogether", testClaimRemindersTogether},
		{"UnreachableStops", testUnreachableStops},
		{"ForgetJourney", testForgetJourney},
		{"PurgeJourney", testPurgeJourney},
		{"Inbox", testInbox},
		{"ForgetInbox", testForgetInbox},
		{"PurgeInbox", testPurgeInbox},
		{"CaseOpenOnce", testCaseOpenOnce},
		{"CaseLifecycle", testCaseLifecycle},
		{"CasesDue", testCasesDue},
		{"OutboxLanes", testOutboxLanes},
		{"OutboxClaimTogether", testOutboxClaimTogether},
		{"OutboxAbandon", testOutboxAbandon},
		{"ForgetCases", testForgetCases},
		{"PurgeCases", testPurgeCases},
		{"CasePhone", testCasePhone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.test(t, open) })
	}
}
