package intents_test

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/clinicbot/aftercare/internal/fixture"
)

var update = flag.Bool("update", false, "rewrite golden files")

// explained are messages whose traces are kept in testdata/explain.golden:
// a correction, another meaning, a red flag fired, one negated and one
// someone else's, another language, a compound answer, a decline, and a
// question asked over an effect told.
var explained = []string{
	"can i take a bahth tonite",
	"can i go red wine tasting tonight",
	"can i wash my face tonight? btw two of the spots are seeping",
	"no pus, no fever, nothing spreading, just pink",
	"my son has a fever, can i still come in",
	"puis je prendre un bain",
	"skin feels tight, like a face mask drying",
	"can I shower or should I take a bath?",
	"can i go to the gym tomorrow",
	"face is red and a bit puffy. can I have a bath tonight?",
}

func TestExplainGolden(t *testing.T) {
	m := fixture.Matcher(t)
	var b strings.Builder
	for _, msg := range explained {
		b.WriteString(m.Explain(msg).String())
		b.WriteByte('\n')
	}
	golden := filepath.Join("testdata", "explain.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("Explain traces differ from %s (run with -update after checking):\ngot:\n%s", golden, got)
	}
}

// TestExplainAgreesWithMatch: the trace explains the result Match returns,
// not a different one, for every question of every project set (a negated
// out-of-scope phrase once made Explain panic).
func TestExplainAgreesWithMatch(t *testing.T) {
	m := fixture.Matcher(t)
	sets, err := filepath.Glob("../../testdata/questions*.tsv")
	if err != nil || len(sets) == 0 {
		t.Fatalf("question sets = %v, %v", sets, err)
	}
	for _, set := range sets {
		f, err := os.Open(set)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			msg := strings.SplitN(sc.Text(), "\t", 2)[0]
			e := m.Explain(msg)
			if r := m.Match(msg); !reflect.DeepEqual(e.Result, r) {
				t.Errorf("Explain(%q).Result = %+v, want Match's %+v", msg, e.Result, r)
			}
			if e.Why == "" || len(e.Words) == 0 && strings.ContainsFunc(msg, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
				t.Errorf("Explain(%q) = %+v, want words and a reason", msg, e)
			}
		}
		f.Close()
	}
	// A negated out-of-scope topic.
	if e := m.Explain("it's not the numbing cream, my lip is numb"); e.Why == "" {
		t.Errorf("Explain of a negated out-of-scope topic = %+v, want a reason", e)
	}
}
