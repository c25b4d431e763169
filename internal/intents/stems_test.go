package intents

import (
	"slices"
	"testing"
)

func TestStemReader(t *testing.T) {
	r := parseStems(`# Test
опух* = swollen
опухоль = lump
не = not
могу = -
# Chinese
发烧 = fever
脓 = pus
流脓 = pus
不 = not
# Arabic
تنفس* = breathe
`)
	tests := []struct {
		word string
		want []string
		ok   bool
	}{
		{"опухло", []string{"swollen"}, true},        // a stem it begins with
		{"опухоль", []string{"lump"}, true},          // the word itself first
		{"не", []string{"not"}, true},                // a whole word
		{"немного", nil, false},                      // not a stem: "не" is a whole word only
		{"могу", nil, true},                          // dropped
		{"脸上流脓了还发烧", []string{"pus", "fever"}, true}, // every entry in a run, longest first
		{"你好", nil, false},
		{"والتنفس", []string{"breathe"}, true}, // without "و" and "ال"
		{"swollen", nil, false},
	}
	for _, tc := range tests {
		got, ok := r.read(tc.word)
		if ok != tc.ok || !slices.Equal(got, tc.want) {
			t.Errorf("read(%q) = %v, %v; want %v, %v", tc.word, got, ok, tc.want, tc.ok)
		}
	}
}

// TestStemsFileParses: every line of stems.txt is "stem = english", and no
// stem is listed twice in one script with different English.
func TestStemsFileParses(t *testing.T) {
	r := theStems()
	if len(r.words) == 0 || len(r.prefixes) == 0 || len(r.han) == 0 {
		t.Fatalf("stems.txt read as %d words, %d prefixes, %d Chinese entries; want some of each", len(r.words), len(r.prefixes), len(r.han))
	}
	seen := map[string]bool{}
	for _, e := range append(r.prefixes, r.han...) {
		if seen[e.stem] {
			t.Errorf("stem %q listed twice", e.stem)
		}
		seen[e.stem] = true
	}
}
