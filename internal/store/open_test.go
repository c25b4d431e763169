package store_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clinicbot/aftercare/internal/store"
	"github.com/clinicbot/aftercare/internal/store/storetest"
)

// dialects names a new database of each kind.
var dialects = []struct {
	name string
	url  func(testing.TB) string
}{
	{store.SQLite, storetest.SQLiteURL},
	{store.Postgres, storetest.PostgresURL},
}

// latest is the number of migrations in the migrations directory.
func latest(t *testing.T) int {
	t.Helper()
	files, err := filepath.Glob("migrations/[0-9][0-9][0-9][0-9]_*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no migrations: %v", err)
	}
	versions := map[string]bool{}
	for _, f := range files {
		versions[filepath.Base(f)[:4]] = true
	}
	return len(versions)
}

func TestOpen(t *testing.T) {
	for _, d := range dialects {
		t.Run(d.name, func(t *testing.T) {
			db := storetest.Open(t, d.url(t))
			if got := db.Dialect(); got != d.name {
				t.Errorf("Dialect() = %q, want %q", got, d.name)
			}
			if err := db.Ping(t.Context()); err != nil {
				t.Errorf("Ping: %v", err)
			}
			if v, err := db.SchemaVersion(t.Context()); err != nil || v != latest(t) {
				t.Errorf("SchemaVersion() = %d, %v, want %d", v, err, latest(t))
			}
		})
	}
}

// TestOpenConcurrently opens a new database from several goroutines at
// once: each migration is applied once, and every Open succeeds.
func TestOpenConcurrently(t *testing.T) {
	for _, d := range dialects {
		t.Run(d.name, func(t *testing.T) {
			cfg, err := store.ParseURL(d.url(t))
			if err != nil {
				t.Fatal(err)
			}
			const n = 8
			var wg sync.WaitGroup
			errs := make([]error, n)
			for i := range n {
				wg.Go(func() {
					db, err := store.Open(t.Context(), cfg)
					if err == nil {
						err = db.Close()
					}
					errs[i] = err
				})
			}
			wg.Wait()
			if err := errors.Join(errs...); err != nil {
				t.Fatalf("Open: %v", err)
			}
			db := storetest.Open(t, cfg.String())
			var rows int
			if err := db.SQL().QueryRowContext(t.Context(), "SELECT count(*) FROM schema_migrations").Scan(&rows); err != nil || rows != latest(t) {
				t.Errorf("schema_migrations has %d rows (%v), want %d", rows, err, latest(t))
			}
			if d.name == store.Postgres {
				// This schema's migration lock: other tests may hold their own.
				const q = `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2
AND classid = x'61667463'::int::oid AND objid = hashtext(coalesce(current_schema(), ''))::oid`
				if err := db.SQL().QueryRowContext(t.Context(), q).Scan(&rows); err != nil || rows != 0 {
					t.Errorf("%d migration locks still held (%v), want 0", rows, err)
				}
			}
		})
	}
}

func TestSchemaTooNew(t *testing.T) {
	for _, d := range dialects {
		t.Run(d.name, func(t *testing.T) {
			raw := d.url(t)
			db := storetest.Open(t, raw)
			if _, err := db.SQL().ExecContext(t.Context(), "INSERT INTO schema_migrations (version, applied_at) VALUES (999, 0)"); err != nil {
				t.Fatal(err)
			}
			db.Close()
			cfg, _ := store.ParseURL(raw)
			db, err := store.Open(t.Context(), cfg)
			if err == nil {
				db.Close()
				t.Fatal("Open of a database at version 999 succeeded")
			}
			if !errors.Is(err, store.ErrSchemaTooNew) {
				t.Errorf("Open error = %v, want ErrSchemaTooNew", err)
			}
			for _, want := range []string{"999", strconv.Itoa(latest(t))} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("Open error = %q, want %q in it", err, want)
				}
			}
		})
	}
}

func TestOpenSQLiteFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state", "aftercare-bot")
	path := filepath.Join(dir, "aftercare.db")
	db := storetest.Open(t, "sqlite:"+path)
	for name, want := range map[string]os.FileMode{dir: 0o700, path: 0o600} {
		if fi, err := os.Stat(name); err != nil || fi.Mode().Perm() != want {
			t.Errorf("Stat(%s) = %v, %v, want mode %v", name, fi.Mode(), err, want)
		}
	}
	// The pragmas hold on every connection of the pool (of 2, at least).
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	for i := range 2 {
		conn, err := db.SQL().Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		for pragma, want := range map[string]string{"journal_mode": "wal", "busy_timeout": "10000", "foreign_keys": "1", "synchronous": "1"} {
			var got string
			if err := conn.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil || got != want {
				t.Errorf("connection %d: PRAGMA %s = %q, %v, want %q", i, pragma, got, err, want)
			}
		}
	}
}

func TestOpenSQLiteOddPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "odd ?#% name.db")
	storetest.Open(t, "sqlite:"+path)
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the database is not at %q: %v", path, err)
	}
}

// TestPostgresSchema checks that the URL PostgresURL returns puts the tables
// in a schema of their own.
func TestPostgresSchema(t *testing.T) {
	db := storetest.Open(t, storetest.PostgresURL(t))
	var schema string
	var tables int
	const q = "SELECT current_schema(), (SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema())"
	if err := db.SQL().QueryRowContext(t.Context(), q).Scan(&schema, &tables); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(schema, "t_") || tables < 3 {
		t.Errorf("current_schema() = %q with %d tables, want t_… with the migrations' tables (at least 3)", schema, tables)
	}
}

func TestOpenUnreachable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	const password = "hunter2pw"
	cfg, err := store.ParseURL(fmt.Sprintf("postgres://bot:%s@%s/aftercare?sslmode=disable", password, addr))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	db, err := store.Open(ctx, cfg)
	if err == nil {
		db.Close()
		t.Fatalf("Open(%s) succeeded", cfg)
	}
	msg := err.Error()
	if strings.Contains(msg, password) {
		t.Errorf("Open error = %q shows the password", msg)
	}
	for _, want := range []string{"connect to database", "postgres://bot:xxxxx@" + addr + "/aftercare", "connection refused"} {
		if !strings.Contains(msg, want) {
			t.Errorf("Open error = %q, want %q in it", msg, want)
		}
	}
}
