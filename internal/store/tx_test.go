package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// sqliteBusy returns the error SQLite gives a second writer when it does
// not wait for the lock.
func sqliteBusy(t *testing.T) error {
	dsn := "file:" + filepath.Join(t.TempDir(), "busy.db") + "?_txlock=immediate"
	var dbs [2]*sql.DB
	for i := range dbs {
		db, err := sql.Open("sqlite", dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		dbs[i] = db
	}
	holder, err := dbs[0].BeginTx(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Rollback()
	tx, err := dbs[1].BeginTx(t.Context(), nil)
	if err == nil {
		tx.Rollback()
		t.Fatal("a second writer began a transaction")
	}
	return err
}

func TestRetryable(t *testing.T) {
	busy := sqliteBusy(t)
	tests := []struct {
		err  error
		want bool
	}{
		{busy, true},
		{fmt.Errorf("claim: %w", busy), true},
		{&pgconn.PgError{Code: "40001"}, true},
		{fmt.Errorf("claim: %w", &pgconn.PgError{Code: "40P01"}), true},
		{&pgconn.PgError{Code: "23505"}, false}, // unique_violation
		{context.Canceled, false},
		{errors.New("boom"), false},
	}
	for _, tt := range tests {
		if got := retryable(tt.err); got != tt.want {
			t.Errorf("retryable(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

func TestClaimString(t *testing.T) {
	tests := []struct {
		c     Claim
		str   string
		owned bool
	}{
		{ClaimNew, "new", true},
		{ClaimDone, "done", false},
		{ClaimBusy, "busy", false},
		{ClaimStale, "stale", true},
		{0, "Claim(0)", false},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.str {
			t.Errorf("Claim(%d).String() = %q, want %q", int(tt.c), got, tt.str)
		}
		if got := tt.c.Owned(); got != tt.owned {
			t.Errorf("%v.Owned() = %v, want %v", tt.c, got, tt.owned)
		}
	}
}
