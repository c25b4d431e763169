package intents

import (
	"bufio"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/clinicbot/aftercare/content"
	"github.com/clinicbot/aftercare/internal/catalog"
)

// TestCrowdedIndexFindsTheSame: the joined lookup, and looking crowded first
// words up by their second word, find exactly the hits, in the same order,
// that trying every phrase of the first word in byFirst and exactBy does, for every question of every project set.
func TestCrowdedIndexFindsTheSame(t *testing.T) {
	c, err := catalog.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	m, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	indexes := map[string]*phraseIndex{"red-flag terms": m.flags.terms, "items": m.index}
	for name, ix := range indexes {
		if len(ix.crowded) == 0 {
			t.Errorf("%s: no crowded first word; the test compares nothing", name)
		}
	}
	sets, _ := filepath.Glob("../../testdata/questions*.tsv")
	n := 0
	for _, set := range sets {
		f, err := os.Open(set)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			toks, _ := m.normalise(strings.SplitN(sc.Text(), "\t", 2)[0], nil)
			for name, ix := range indexes {
				plain := *ix
				plain.crowded, plain.lookup, plain.byID = nil, nil, nil
				if got, want := ix.find(toks), plain.find(toks); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: find(%q) = %v, want %v", name, sc.Text(), got, want)
				}
			}
			n++
		}
		f.Close()
	}
	if n < 1000 {
		t.Errorf("compared %d messages, want the project sets", n)
	}
}
