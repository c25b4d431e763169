package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/clinicbot/aftercare/internal/backoff"
)

// Tx is one transaction: what is done through it happens together or not
// at all. It is valid only inside the function given to DB.Tx, and not safe
// for concurrent use.
type Tx struct {
	tx      *sql.Tx
	dialect string
}

// txAttempts is how many times Tx runs its function when the database
// asks for a retry.
const txAttempts = 5

// txBackoff spaces the retries.
var txBackoff = backoff.Policy{Min: 5 * time.Millisecond, Max: 200 * time.Millisecond}

// Tx runs fn in one transaction, committed when fn returns nil and rolled
// back when it returns an error (which Tx returns) or panics. When the
// database refuses the transaction for now (SQLite busy or locked beyond
// its busy timeout; a PostgreSQL serialization failure or deadlock), Tx
// runs fn again, a few times: fn must have no effect outside the
// transaction, and must return the errors of Tx's methods wrapped with %w
// (or as they are). fn must not use d itself: on SQLite a second
// transaction waits for the first's lock.
func (d *DB) Tx(ctx context.Context, fn func(*Tx) error) error {
	return retry(ctx, func() error {
		return inTx(ctx, d.sql, func(tx *sql.Tx) error { return fn(&Tx{tx: tx, dialect: d.dialect}) })
	})
}

// retry runs fn until it succeeds, fails for good (see retryable), or has
// been tried txAttempts times.
func retry(ctx context.Context, fn func() error) error {
	for attempt := 0; ; attempt++ {
		err := fn()
		if err == nil || !retryable(err) || attempt == txAttempts-1 {
			return err
		}
		if err := backoff.Sleep(ctx, txBackoff.Delay(attempt)); err != nil {
			return err
		}
	}
}

// retryable reports whether err means "try the transaction again".
func retryable(err error) bool {
	if se, ok := errors.AsType[*sqlite.Error](err); ok {
		code := se.Code() & 0xff // the primary code of an extended one
		return code == sqlite3.SQLITE_BUSY || code == sqlite3.SQLITE_LOCKED
	}
	if pe, ok := errors.AsType[*pgconn.PgError](err); ok {
		return pe.Code == "40001" || pe.Code == "40P01" // serialization_failure, deadlock_detected
	}
	return false
}

// exec runs a statement and returns how many rows it changed.
func (tx *Tx) exec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := tx.tx.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// micros is t as stored: unix microseconds.
func micros(t time.Time) int64 { return t.UnixMicro() }

// fromMicros is a stored time, in UTC.
func fromMicros(us int64) time.Time { return time.UnixMicro(us).UTC() }
