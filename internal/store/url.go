package store

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
)

// Dialects a Config may name.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// Config says which database to open: a SQLite file or a PostgreSQL
// server. Make one with ParseURL. Its String and GoString never show a
// password, so a Config may be logged.
type Config struct {
	// Dialect is SQLite or Postgres.
	Dialect string
	// Path is the SQLite database file; empty for PostgreSQL.
	Path string

	// postgres is the PostgreSQL URL as given, password and all; empty for
	// SQLite.
	postgres string
}

// String returns the URL with any password masked.
func (c Config) String() string {
	switch c.Dialect {
	case SQLite:
		return "sqlite:" + c.Path
	case Postgres:
		return redactURL(c.postgres)
	}
	return ""
}

// GoString shows what String does, so that %#v does not show the password
// either.
func (c Config) GoString() string { return "store.Config(" + c.String() + ")" }

// URLError reports a DATABASE_URL that cannot be used. Its message never
// contains a password.
type URLError struct {
	// URL is the value with any password masked; empty when it is not
	// shown: not a URL, of an unknown kind, or too malformed to mask
	// reliably.
	URL string
	// Reason says what is wrong.
	Reason string
}

// Error says what is wrong with DATABASE_URL.
func (e *URLError) Error() string {
	if e.URL == "" {
		return "DATABASE_URL: " + e.Reason
	}
	return fmt.Sprintf("DATABASE_URL %q: %s", e.URL, e.Reason)
}

// passwordMask replaces passwords in messages.
const passwordMask = "xxxxx"

// passwordParams are the URL parameters that hold a password.
var passwordParams = []string{"password", "sslpassword"}

// ParseURL reads a database URL: "sqlite:PATH" (or "sqlite://PATH") for a
// SQLite file, "postgres://…" or "postgresql://…" for PostgreSQL (any
// parameters pgx accepts). Anything else is a *URLError. It does no I/O.
func ParseURL(raw string) (Config, error) {
	if rest, ok := cutPrefixFold(raw, "sqlite:"); ok {
		return parseSQLite(rest)
	}
	scheme, _, found := strings.Cut(raw, ":")
	scheme = strings.ToLower(scheme)
	if !found || scheme != "postgres" && scheme != "postgresql" {
		// Not shown: it may be a password pasted in the wrong place, or a
		// key=value string whose parts cannot be told apart for sure.
		return Config{}, &URLError{Reason: `unknown kind of database; want "sqlite:PATH" or "postgres://USER@HOST/DATABASE"`}
	}
	u, err := url.Parse(raw)
	if err != nil || u.Fragment != "" || strings.Contains(u.Path, "@") {
		// Not shown: the parser's message, or the value, may hold part of a
		// password that was not percent-encoded.
		return Config{}, &URLError{Reason: "not a valid postgres URL (special characters in a password must be percent-encoded)"}
	}
	if u.Opaque != "" || u.Host == "" && u.Path == "" && u.RawQuery == "" {
		return Config{}, &URLError{URL: redactURL(raw), Reason: "a postgres URL needs a host or a database: postgres://USER@HOST/DATABASE"}
	}
	return Config{Dialect: Postgres, postgres: raw}, nil
}

func parseSQLite(rest string) (Config, error) {
	path := strings.TrimPrefix(rest, "//")
	switch {
	case path == "":
		return Config{}, &URLError{URL: "sqlite:", Reason: "no file: want sqlite:PATH"}
	case path == ":memory:" || strings.HasPrefix(path, "file:") || strings.Contains(path, "mode=memory"):
		return Config{}, &URLError{URL: "sqlite:" + path, Reason: "want the path of a file (an in-memory database would be lost at exit)"}
	}
	return Config{Dialect: SQLite, Path: filepath.Clean(path)}, nil
}

// cutPrefixFold is strings.CutPrefix ignoring ASCII case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// redactURL returns raw with the password of its userinfo and of its
// password and sslpassword parameters masked, or "" when raw is not a URL
// with a scheme and "//" (a key=value string, say), whose parts cannot be
// told apart for sure.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Opaque != "" {
		return ""
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), passwordMask)
	}
	q := u.Query()
	for _, key := range passwordParams {
		if q.Has(key) {
			q.Set(key, passwordMask)
			u.RawQuery = q.Encode()
		}
	}
	return u.String()
}

// secrets returns the passwords a URL carries, to mask them in messages
// from the driver.
func secrets(raw string) []string {
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	var s []string
	if pw, has := u.User.Password(); has && pw != "" {
		s = append(s, pw)
	}
	q := u.Query()
	for _, key := range passwordParams {
		if pw := q.Get(key); pw != "" {
			s = append(s, pw)
		}
	}
	return s
}

// DefaultURL returns where the bot keeps its SQLite database when
// DATABASE_URL is not set, reading the environment through getenv: the
// first of systemd's $STATE_DIRECTORY (which may list several, separated by
// ':'), else $XDG_STATE_HOME/aftercare-bot (if absolute), else
// $HOME/.local/state/aftercare-bot, with the file aftercare.db. It fails
// when none of them is set.
func DefaultURL(getenv func(string) string) (string, error) {
	const file = "aftercare.db"
	if first, _, _ := strings.Cut(getenv("STATE_DIRECTORY"), ":"); first != "" {
		return "sqlite:" + filepath.Join(first, file), nil
	}
	if xdg := getenv("XDG_STATE_HOME"); filepath.IsAbs(xdg) {
		return "sqlite:" + filepath.Join(xdg, "aftercare-bot", file), nil
	}
	if home := getenv("HOME"); home != "" {
		return "sqlite:" + filepath.Join(home, ".local", "state", "aftercare-bot", file), nil
	}
	return "", errors.New("no place for the database: set DATABASE_URL, STATE_DIRECTORY, XDG_STATE_HOME or HOME")
}
