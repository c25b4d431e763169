package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// SQLiteURL returns the URL of a new SQLite database: a file in a
// directory removed when the test ends.
func SQLiteURL(t testing.TB) string {
	t.Helper()
	return "sqlite:" + filepath.Join(t.TempDir(), "aftercare.db")
}

// PostgresURL returns the URL of a new, empty PostgreSQL schema on the
// server $TEST_DATABASE_URL names: connections made with it use that schema
// (through search_path). The schema is dropped when the test ends.
//
// Without $TEST_DATABASE_URL, or when the server does not answer, the test
// is skipped, saying why; when $CI is "true" it fails instead, so that CI
// cannot pass without running the PostgreSQL tests.
func PostgresURL(t testing.TB) string {
	t.Helper()
	raw := os.Getenv("TEST_DATABASE_URL")
	if raw == "" {
		skip(t, "TEST_DATABASE_URL not set: PostgreSQL tests skipped")
	}
	admin, err := sql.Open("pgx", raw)
	if err != nil {
		t.Fatalf("TEST_DATABASE_URL: %v", err)
	}
	t.Cleanup(func() { admin.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := admin.PingContext(ctx); err != nil {
		skip(t, fmt.Sprintf("TEST_DATABASE_URL does not answer (%v): PostgreSQL tests skipped", err))
	}
	schema := "t_" + strings.ToLower(rand.Text()[:16])
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema %s: %v", schema, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatalf("TEST_DATABASE_URL is not a URL")
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// skip skips the test, or fails it under CI.
func skip(t testing.TB, reason string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(reason + " (CI=true: they must run)")
	}
	t.Skip(reason)
}
