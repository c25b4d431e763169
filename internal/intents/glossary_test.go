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

// A short message the detector takes for English is named by the glossary
// when most of its words are of one language there.
func TestGlossaryLanguage(t *testing.T) {
	cases := []struct {
		msg, want string
	}{
		{"Je n'ai pas de fièvre, juste un peu rouge, c'est normal", "French"},
		{"my face is red and a bit sore is that normal", ""},
		{"de la sole a la costa", ""}, // too few words of one section
	}
	for _, tc := range cases {
		raw := splitWords(tc.msg)
		if got := glossaryLanguage(raw, len(raw)); got != tc.want {
			t.Errorf("glossaryLanguage(%q) = %q, want %q", tc.msg, got, tc.want)
		}
	}
}
