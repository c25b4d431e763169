package store

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// password is in every URL with a password below; it must never show.
const password = "hunter2pw"

func TestParseURL(t *testing.T) {
	tests := []struct {
		raw     string
		dialect string
		path    string
		str     string // Config.String()
	}{
		{"sqlite:/var/lib/aftercare/aftercare.db", SQLite, "/var/lib/aftercare/aftercare.db", "sqlite:/var/lib/aftercare/aftercare.db"},
		{"sqlite:///var/lib/aftercare/a.db", SQLite, "/var/lib/aftercare/a.db", "sqlite:/var/lib/aftercare/a.db"},
		{"sqlite:data/a.db", SQLite, "data/a.db", "sqlite:data/a.db"},
		{"SQLite:a.db", SQLite, "a.db", "sqlite:a.db"},
		{"sqlite:/tmp/a b?c.db", SQLite, "/tmp/a b?c.db", "sqlite:/tmp/a b?c.db"},
		{"postgres://bot@db.internal/aftercare", Postgres, "", "postgres://bot@db.internal/aftercare"},
		{"postgresql://bot:" + password + "@db:5433/aftercare?sslmode=require", Postgres, "", "postgresql://bot:xxxxx@db:5433/aftercare?sslmode=require"},
		{"postgres://bot@db/aftercare?password=" + password, Postgres, "", "postgres://bot@db/aftercare?password=xxxxx"},
		{"postgres:///aftercare", Postgres, "", "postgres:///aftercare"},
	}
	for _, tt := range tests {
		c, err := ParseURL(tt.raw)
		if err != nil {
			t.Errorf("ParseURL(%q) error %v", tt.raw, err)
			continue
		}
		if c.Dialect != tt.dialect || c.Path != tt.path {
			t.Errorf("ParseURL(%q) = {%q %q}, want {%q %q}", tt.raw, c.Dialect, c.Path, tt.dialect, tt.path)
		}
		if got := c.String(); got != tt.str {
			t.Errorf("ParseURL(%q).String() = %q, want %q", tt.raw, got, tt.str)
		}
		for _, format := range []string{"%v", "%+v", "%#v", "%s"} {
			if got := fmt.Sprintf(format, c); strings.Contains(got, password) {
				t.Errorf("Sprintf(%q, ParseURL(%q)) = %q shows the password", format, tt.raw, got)
			}
		}
	}
}

func TestParseURLErrors(t *testing.T) {
	tests := []struct {
		raw  string
		want string // in the message
	}{
		{"", "unknown kind of database"},
		{"/var/lib/a.db", "unknown kind of database"},
		{"mysql://bot:" + password + "@db/aftercare", "unknown kind of database"},
		{password + ":", "unknown kind of database"},
		{"bot:" + password + "@tcp(db)/aftercare", "unknown kind of database"},
		{"host=db password=" + password, "unknown kind of database"},
		{"sqlite:", "no file"},
		{"sqlite://", "no file"},
		{"sqlite::memory:", "in-memory"},
		{"postgres://", "needs a host or a database"},
		{"postgres:bot:" + password + "@db", "needs a host or a database"},
		{"postgres://bot:" + password + "@db:port/aftercare", "not a valid postgres URL"},
		{"postgres://bot:hun/ter2pw@db/aftercare", "not a valid postgres URL"},
		{"postgres://bot:12/ter2pw@db/aftercare", "not a valid postgres URL"},
		{"postgres://bot:hun#ter2pw@db/aftercare", "not a valid postgres URL"},
		{"postgres://bot:" + password + "@d b/aftercare", "not a valid postgres URL"},
	}
	for _, tt := range tests {
		_, err := ParseURL(tt.raw)
		var ue *URLError
		if !errors.As(err, &ue) {
			t.Errorf("ParseURL(%q) error = %v, want a *URLError", tt.raw, err)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, "DATABASE_URL") || !strings.Contains(msg, tt.want) {
			t.Errorf("ParseURL(%q) error = %q, want DATABASE_URL and %q in it", tt.raw, msg, tt.want)
		}
		if strings.Contains(msg, password) || strings.Contains(msg, "ter2pw") {
			t.Errorf("ParseURL(%q) error = %q shows the password", tt.raw, msg)
		}
	}
}

func TestDefaultURL(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string // "" for an error
	}{
		{"systemd", map[string]string{"STATE_DIRECTORY": "/var/lib/aftercare", "XDG_STATE_HOME": "/x", "HOME": "/home/a"}, "sqlite:/var/lib/aftercare/aftercare.db"},
		{"systemd, several", map[string]string{"STATE_DIRECTORY": "/var/lib/aftercare:/var/lib/other"}, "sqlite:/var/lib/aftercare/aftercare.db"},
		{"XDG", map[string]string{"XDG_STATE_HOME": "/home/a/.state", "HOME": "/home/a"}, "sqlite:/home/a/.state/aftercare-bot/aftercare.db"},
		{"relative XDG is ignored", map[string]string{"XDG_STATE_HOME": "state", "HOME": "/home/a"}, "sqlite:/home/a/.local/state/aftercare-bot/aftercare.db"},
		{"home", map[string]string{"HOME": "/home/a"}, "sqlite:/home/a/.local/state/aftercare-bot/aftercare.db"},
		{"nothing", map[string]string{}, ""},
	}
	for _, tt := range tests {
		got, err := DefaultURL(func(k string) string { return tt.env[k] })
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("%s: DefaultURL = %q, want an error", tt.name, got)
		case tt.want != "" && (err != nil || got != tt.want):
			t.Errorf("%s: DefaultURL = %q, %v, want %q", tt.name, got, err, tt.want)
		case err == nil:
			if _, err := ParseURL(got); err != nil {
				t.Errorf("%s: ParseURL(DefaultURL()) error %v", tt.name, err)
			}
		}
	}
}

// FuzzParseURL puts the password anywhere in a URL: wherever it lands in a
// place that holds a password, or in a value that is not a URL, neither the
// error nor the Config shows it.
func FuzzParseURL(f *testing.F) {
	f.Add("postgres://bot:", "@db/aftercare")
	f.Add("postgres://bot@db/aftercare?sslmode=require&password=", "")
	f.Add("mysql://bot:", "@db:port/aftercare")
	f.Add("postgres://bot:12/", "@db/aftercare")
	f.Add("host=db password=", " dbname=aftercare")
	f.Fuzz(func(t *testing.T, before, after string) {
		raw := before + password + after
		if strings.Count(raw, password) != 1 || strings.HasPrefix(strings.ToLower(raw), "sqlite:") {
			t.Skip()
		}
		if u, err := url.Parse(raw); err == nil {
			pw, _ := u.User.Password()
			if pw != password && u.Query().Get("password") != password {
				t.Skip() // a host, a path or a user name: not a secret
			}
		}
		c, err := ParseURL(raw)
		for _, s := range []string{fmt.Sprint(err), c.String(), fmt.Sprintf("%#v", c)} {
			if strings.Contains(s, password) {
				t.Errorf("ParseURL(%q) shows the password: %q", raw, s)
			}
		}
		if err == nil {
			if again, err := ParseURL(c.String()); err != nil || again.Dialect != c.Dialect {
				t.Errorf("ParseURL(%q) = %v; parsing its String() again = %v, %v", raw, c, again, err)
			}
		}
	})
}
