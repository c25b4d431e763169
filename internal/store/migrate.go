package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"
)

// migrationFiles holds the schema changes, NNNN_name.sql, applied in order
// of NNNN. Where the dialects disagree, NNNN_name.sqlite.sql or
// NNNN_name.postgres.sql replaces NNNN_name.sql for that dialect.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// ErrSchemaTooNew is returned by Open for a database migrated by a newer
// binary: this one does not know its schema.
var ErrSchemaTooNew = errors.New("database schema is newer than this binary")

// migration is one schema change.
type migration struct {
	version  int
	name     string // the file, for messages
	sql      string
	override bool // the text for one dialect only
}

// loadMigrations reads dialect's migrations from fsys, in order. Their
// versions must run 1, 2, 3… without a gap.
func loadMigrations(fsys fs.FS, dialect string) ([]migration, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, err
	}
	byVersion := map[int]migration{}
	stems := map[int]string{} // every version's NNNN_name, for any dialect
	for _, name := range names {
		v, stem, forDialect, err := parseMigrationName(name)
		if err != nil {
			return nil, err
		}
		if prev, ok := stems[v]; ok && prev != stem {
			return nil, fmt.Errorf("migrations %s and %s have the same version", prev, stem)
		}
		stems[v] = stem
		if forDialect != "" && forDialect != dialect || byVersion[v].override {
			continue
		}
		text, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		byVersion[v] = migration{version: v, name: name, sql: string(text), override: forDialect != ""}
	}
	ms := make([]migration, len(stems))
	for v, name := range stems {
		m, ok := byVersion[v]
		switch {
		case !ok:
			return nil, fmt.Errorf("migration %s has no text for %s", name, dialect)
		case v > len(ms):
			return nil, fmt.Errorf("migration %s: versions must run 1, 2, 3… without a gap", name)
		}
		ms[v-1] = m
	}
	return ms, nil
}

// parseMigrationName reads NNNN_name.sql or NNNN_name.DIALECT.sql.
func parseMigrationName(name string) (version int, stem, dialect string, err error) {
	stem, dialect, _ = strings.Cut(strings.TrimSuffix(name, ".sql"), ".")
	if dialect != "" && dialect != SQLite && dialect != Postgres {
		return 0, "", "", fmt.Errorf("migration %s: unknown dialect %q", name, dialect)
	}
	num, label, _ := strings.Cut(stem, "_")
	version, err = strconv.Atoi(num)
	if len(num) != 4 || err != nil || version < 1 || label == "" {
		return 0, "", "", fmt.Errorf("migration %s: want a name like 0001_people.sql", name)
	}
	return version, stem, dialect, nil
}

// beginner starts transactions: a *sql.DB or a *sql.Conn.
type beginner interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// migrate applies the migrations the database lacks, one transaction each,
// under a lock so that processes opening the database together apply each
// once. On PostgreSQL the lock is an advisory lock held by one connection
// for the whole run; on SQLite every transaction takes the write lock at
// BEGIN, and each re-reads the version before applying its migration.
func (d *DB) migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		return err
	}
	ms, err := loadMigrations(sub, d.dialect)
	if err != nil {
		return err
	}
	if d.dialect != Postgres {
		return applyMigrations(ctx, d.sql, ms)
	}
	conn, err := d.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1, hashtext(coalesce(current_schema(), '')))", migrationLock); err != nil {
		return fmt.Errorf("take the migration lock: %w", err)
	}
	defer unlockMigrations(ctx, conn)
	return applyMigrations(ctx, conn, ms)
}

// migrationLock is the first key of the PostgreSQL advisory lock that
// serialises migrations; the second is the schema's, so that databases in
// different schemas migrate independently.
const migrationLock = 0x61667463 // "aftc"

// unlockMigrations releases the advisory lock. A connection that may
// still hold it is discarded rather than returned to the pool.
func unlockMigrations(ctx context.Context, conn *sql.Conn) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_unlock($1, hashtext(coalesce(current_schema(), '')))", migrationLock); err != nil {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	}
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    applied_at BIGINT NOT NULL
)`

// applyMigrations creates schema_migrations if need be, then applies each
// migration newer than the database's version in a transaction of its
// own.
func applyMigrations(ctx context.Context, db beginner, ms []migration) error {
	err := inTx(ctx, db, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, createMigrationsTable)
		return err
	})
	if err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	for _, m := range ms {
		if err := inTx(ctx, db, func(tx *sql.Tx) error { return applyMigration(ctx, tx, m, len(ms)) }); err != nil {
			return err
		}
	}
	return nil
}

// applyMigration applies m in tx unless the database already has it.
func applyMigration(ctx context.Context, tx *sql.Tx, m migration, latest int) error {
	v, err := schemaVersion(ctx, tx)
	switch {
	case err != nil:
		return err
	case v > latest:
		return fmt.Errorf("%w: the database is at version %d, this binary knows up to %d", ErrSchemaTooNew, v, latest)
	case v >= m.version:
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("apply %s: %w", m.name, err)
	}
	const record = "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)"
	if _, err := tx.ExecContext(ctx, record, m.version, time.Now().UnixMicro()); err != nil {
		return fmt.Errorf("record %s: %w", m.name, err)
	}
	return nil
}

// SchemaVersion returns the version of the database's schema: the number
// of the last migration applied.
func (d *DB) SchemaVersion(ctx context.Context) (int, error) {
	return schemaVersion(ctx, d.sql)
}

// rowQuerier runs a query for one row: a *sql.DB or a *sql.Tx.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func schemaVersion(ctx context.Context, q rowQuerier) (int, error) {
	var v int
	if err := q.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&v); err != nil {
		return 0, fmt.Errorf("read the schema version: %w", err)
	}
	return v, nil
}

// inTx runs fn in a transaction on db: committed when fn returns nil,
// rolled back when it returns an error or panics.
func inTx(ctx context.Context, db beginner, fn func(*sql.Tx) error) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
	}()
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
