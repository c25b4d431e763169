// Package store keeps what the bot must remember between messages and
// restarts: which platform deliveries it has handled (so a redelivery is not
// answered twice) and whom it has talked to, and when. It holds no message
// text. One implementation over database/sql serves SQLite (the default: a
// file) and PostgreSQL (several replicas sharing one database), mostly with
// the same SQL text; times are stored as unix microseconds, UTC.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"modernc.org/sqlite"

	"github.com/clinicbot/aftercare/internal/redact"
)

// DB is an open store: a pool of connections to one database whose schema
// is up to date. It is safe for concurrent use, also by several processes
// sharing the database.
type DB struct {
	sql     *sql.DB
	dialect string
	owner   string // the replica claims are made for (As); "" for none
}

// As returns d claiming reminders and outbox posts for the replica named
// replica: once that replica stops beating (Beat), the others take its
// claims back at once instead of after their lease. It shares d's
// connections: close d, not what As returns.
func (d *DB) As(replica string) *DB {
	c := *d
	c.owner = replica
	return &c
}

// alive is the SQL condition that the replica in column is alive at the
// time in parameter $n: the one test of liveness, for claims and leases.
func alive(column string, n int) string {
	return fmt.Sprintf("EXISTS (SELECT 1 FROM replicas WHERE replicas.id = %s AND replicas.alive_until > $%d)", column, n)
}

// Pool sizes, measured with BenchmarkInboundParallel (16 goroutines, 2
// CPUs). SQLite writes one transaction at a time (every transaction here
// begins IMMEDIATE, taking the write lock): two connections let one begin
// while the other commits, and more only add waiting in the busy handler
// (with 8, p99 doubled). PostgreSQL spends most of a transaction waiting
// for the commit to reach the disk, so concurrent connections pay off (4
// took half again as long as 10; 20 did little better): 10 a replica stays
// well under its default max_connections of 100.
const (
	sqliteConns   = 2
	postgresConns = 10
)

// Open connects to the database cfg names, checks that it answers, and
// brings its schema up to date, creating a SQLite file (mode 0600) and its
// directory (0700) if they do not exist. It fails with ErrSchemaTooNew when
// the database was migrated by a newer binary. Errors say which database
// (with no password) and what went wrong.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	var (
		d   *DB
		err error
	)
	switch cfg.Dialect {
	case SQLite:
		d, err = openSQLite(cfg.Path)
	case Postgres:
		d, err = openPostgres(cfg.postgres)
	default:
		return nil, fmt.Errorf("open database: no dialect in Config %q (make it with ParseURL)", cfg.Dialect)
	}
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", cfg, scrub(err, cfg))
	}
	// Processes opening a new SQLite file together may find it busy while
	// one of them turns on write-ahead logging, whatever the busy timeout.
	if err := retry(ctx, func() error { return d.sql.PingContext(ctx) }); err != nil {
		d.Close()
		return nil, fmt.Errorf("connect to database %s: %w", cfg, scrub(err, cfg))
	}
	if err := retry(ctx, func() error { return d.migrate(ctx) }); err != nil {
		d.Close()
		return nil, fmt.Errorf("migrate database %s: %w", cfg, scrub(err, cfg))
	}
	return d, nil
}

// scrub masks cfg's passwords (of 6 characters or more, as redact does) in
// err's message. pgx already leaves them out of its errors; this is the
// second line of defence.
func scrub(err error, cfg Config) error {
	return redact.New(secrets(cfg.postgres)...).Error(err)
}

// sqlitePragmas are set on every SQLite connection: wait up to 10 s for
// the write lock, write-ahead logging (readers do not block the writer),
// foreign keys enforced, and fsync at checkpoints only (a crash can lose
// the last transactions, never corrupt the file). _txlock=immediate makes
// every transaction take the write lock at BEGIN, so two transactions never
// deadlock upgrading a read lock.
const sqlitePragmas = "_txlock=immediate&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"

func openSQLite(path string) (*DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	// Create the file private; SQLite gives its -wal and -shm files the
	// same mode.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	f.Close()
	conn, err := sqlite.NewConnector(sqliteDSN(path))
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(conn)
	db.SetMaxOpenConns(sqliteConns)
	db.SetMaxIdleConns(sqliteConns)
	return &DB{sql: db, dialect: SQLite}, nil
}

// sqliteDSN is the SQLite URI for path: the characters a URI gives a
// meaning to are escaped.
func sqliteDSN(path string) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + esc + "?" + sqlitePragmas
}

// postgresConnectTimeout bounds connecting when the URL does not set
// connect_timeout, so that an unreachable server fails Open rather than
// hangs it.
const postgresConnectTimeout = 10 * time.Second

func openPostgres(raw string) (*DB, error) {
	cc, err := pgx.ParseConfig(raw)
	if err != nil {
		return nil, err
	}
	if cc.ConnectTimeout == 0 {
		cc.ConnectTimeout = postgresConnectTimeout
	}
	db := stdlib.OpenDB(*cc)
	db.SetMaxOpenConns(postgresConns)
	db.SetMaxIdleConns(postgresConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	db.SetConnMaxLifetime(time.Hour)
	return &DB{sql: db, dialect: Postgres}, nil
}

// Close closes the pool, waiting for queries under way to finish.
func (d *DB) Close() error { return d.sql.Close() }

// Ping checks that the database answers.
func (d *DB) Ping(ctx context.Context) error {
	if err := d.sql.PingContext(ctx); err != nil {
		return fmt.Errorf("ping %s database: %w", d.dialect, err)
	}
	return nil
}

// Dialect reports the kind of database: SQLite ("sqlite") or Postgres
// ("postgres").
func (d *DB) Dialect() string { return d.dialect }

// SQL returns the underlying pool, for tests and one-off maintenance.
// Statements run on it bypass Tx's retries; Close closes it.
func (d *DB) SQL() *sql.DB { return d.sql }
