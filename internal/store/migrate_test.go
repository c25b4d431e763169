package store

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadMigrations(t *testing.T) {
	file := func(text string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(text)} }
	tests := []struct {
		name  string
		files fstest.MapFS
		// The texts for each dialect, joined by "|", or "error".
		sqlite, postgres string
	}{
		{
			name:   "one text for both",
			files:  fstest.MapFS{"0001_a.sql": file("A"), "0002_b.sql": file("B")},
			sqlite: "A|B", postgres: "A|B",
		},
		{
			name:   "overrides",
			files:  fstest.MapFS{"0001_a.sql": file("A"), "0001_a.postgres.sql": file("Apg"), "0002_b.sql": file("B"), "0002_b.sqlite.sql": file("Blite")},
			sqlite: "A|Blite", postgres: "Apg|B",
		},
		{
			name:   "one dialect's text each",
			files:  fstest.MapFS{"0001_a.postgres.sql": file("Apg"), "0001_a.sqlite.sql": file("Alite")},
			sqlite: "Alite", postgres: "Apg",
		},
		{name: "a gap", files: fstest.MapFS{"0001_a.sql": file("A"), "0003_c.sql": file("C")}, sqlite: "error", postgres: "error"},
		{name: "no text for sqlite", files: fstest.MapFS{"0001_a.sql": file("A"), "0002_b.postgres.sql": file("B")}, sqlite: "error", postgres: "A|B"},
		{name: "same version twice", files: fstest.MapFS{"0001_a.sql": file("A"), "0001_b.sql": file("B")}, sqlite: "error", postgres: "error"},
		{name: "override of another name", files: fstest.MapFS{"0001_a.sql": file("A"), "0001_b.sqlite.sql": file("B")}, sqlite: "error", postgres: "error"},
		{name: "unknown dialect", files: fstest.MapFS{"0001_a.mysql.sql": file("A")}, sqlite: "error", postgres: "error"},
		{name: "no number", files: fstest.MapFS{"people.sql": file("A")}, sqlite: "error", postgres: "error"},
		{name: "short number", files: fstest.MapFS{"1_people.sql": file("A")}, sqlite: "error", postgres: "error"},
		{name: "version 0", files: fstest.MapFS{"0000_people.sql": file("A")}, sqlite: "error", postgres: "error"},
		{name: "no name", files: fstest.MapFS{"0001.sql": file("A")}, sqlite: "error", postgres: "error"},
	}
	for _, tt := range tests {
		for dialect, want := range map[string]string{SQLite: tt.sqlite, Postgres: tt.postgres} {
			ms, err := loadMigrations(tt.files, dialect)
			if want == "error" {
				if err == nil {
					t.Errorf("%s: loadMigrations(%s) = %v, want an error", tt.name, dialect, ms)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s: loadMigrations(%s) error %v", tt.name, dialect, err)
				continue
			}
			var texts []string
			for i, m := range ms {
				if m.version != i+1 {
					t.Errorf("%s: loadMigrations(%s)[%d].version = %d", tt.name, dialect, i, m.version)
				}
				texts = append(texts, m.sql)
			}
			if got := strings.Join(texts, "|"); got != want {
				t.Errorf("%s: loadMigrations(%s) = %q, want %q", tt.name, dialect, got, want)
			}
		}
	}
}
