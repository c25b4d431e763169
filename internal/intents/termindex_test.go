package intents

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/clinicbot/aftercare/content"
	"github.com/clinicbot/aftercare/internal/catalog"
)

// TestTermIndexGroupsHitsByTerm: for every message of several project sets,
// read one after another through one scratch (so that each message's index
// is built over the stamps of the one before), a rule term's hits are those
// of its phrases, in message order, and a term without hits has none.
func TestTermIndexGroupsHitsByTerm(t *testing.T) {
	c, err := catalog.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	m, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	d := m.flags
	sets, _ := filepath.Glob("../../testdata/questions-2*.tsv")
	var s detectScratch
	messages, terms, empty := 0, 0, 0
	for _, set := range sets {
		f, err := os.Open(set)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			toks, _ := m.normalise(strings.SplitN(sc.Text(), "\t", 2)[0], nil)
			found := d.detect(toks)
			hits := slices.Clone(found.terms)
			found.release()
			ix := d.indexTerms(hits, &s)
			messages++
			// Every term of every rule a hit stands for, found or not.
			var owners []int
			for _, h := range hits {
				ri := d.terms.phrases[h.phrase].owner >> 8
				for ti := 0; ti < d.rules[ri].terms; ti++ {
					owners = append(owners, rfOwner(ri, ti))
				}
			}
			for _, o := range owners {
				var want []int32
				for k, h := range hits {
					if d.terms.phrases[h.phrase].owner == o {
						want = append(want, int32(k))
					}
				}
				got := ix.of(o)
				if !slices.Equal(got, want) {
					t.Fatalf("%q: term %d of rule %d: hits %v, want %v", sc.Text(), o&0xff, o>>8, got, want)
				}
				terms++
				if len(want) == 0 {
					empty++
				}
			}
		}
		f.Close()
	}
	if messages < 1000 || terms == 0 || empty == 0 {
		t.Errorf("checked %d messages, %d terms (%d without hits): want the project sets, terms with and without hits", messages, terms, empty)
	}
}
