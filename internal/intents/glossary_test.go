package intents

import (
	"slices"
	"testing"
)

func TestGlossaryTranslate(t *testing.T) {
	g := parseGlossary("# a comment\ncrème = cream\npèle = peeling\npele = skin\nmogę = can\n")
	cases := []struct {
		word string
		want []string
	}{
		{"crème", []string{"cream"}},
		{"creme", []string{"cream"}}, // without its accent
		{"pèle", []string{"peeling"}},
		{"pele", []string{"skin"}}, // as written wins
		{"mogę", []string{"can"}},
		{"moge", []string{"can"}},
		{"cream", nil}, // English is not in it
	}
	for _, tc := range cases {
		if got := g.translate(tc.word); !slices.Equal(got, tc.want) {
			t.Errorf("translate(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
	// Two entries that differ only by accents make the bare form ambiguous.
	g = parseGlossary("pèle = peeling\npelé = peeled\n")
	if got := g.translate("pele"); got != nil {
		t.Errorf("translate(%q) = %q, want nil (ambiguous)", "pele", got)
	}
}

func TestGlossaryLoads(t *testing.T) {
	if n := len(theGlossary().exact); n < 300 {
		t.Fatalf("glossary has %d words, want the embedded list", n)
	}
}
