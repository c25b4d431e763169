package textsplit_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/clinicbot/aftercare/internal/textsplit"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name   string
		s      string
		limit  int
		length textsplit.Length
		want   []string
	}{
		{"fits", "short text", 20, textsplit.Runes, []string{"short text"}},
		{"between paragraphs first", "one two\nthree\n\nfour five", 16, textsplit.Runes, []string{"one two\nthree", "four five"}},
		{"then between lines", "one two\nthree four", 12, textsplit.Runes, []string{"one two", "three four"}},
		{"then between words", "one two three four", 9, textsplit.Runes, []string{"one two", "three", "four"}},
		{"a space right at the limit", "abcd efgh", 4, textsplit.Runes, []string{"abcd", "efgh"}},
		{"a word longer than the limit", "abcdefghij", 4, textsplit.Runes, []string{"abcd", "efgh", "ij"}},
		{"emoji count two in UTF-16", "😀😀 😀😀", 4, textsplit.UTF16, []string{"😀😀", "😀😀"}},
		{"emoji count one in runes", "😀😀 😀😀", 5, textsplit.Runes, []string{"😀😀 😀😀"}},
		{"accents are one unit", "é é é é", 3, textsplit.UTF16, []string{"é é", "é é"}},
		{"an emoji wider than the limit", "😀", 1, textsplit.UTF16, []string{"😀"}},
		{"blank", "  \n\n ", 5, textsplit.Runes, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := textsplit.Split(tc.s, tc.limit, tc.length)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Split(%q, %d) = %q, want %q", tc.s, tc.limit, got, tc.want)
			}
		})
	}
}

// Every piece fits, nothing is lost but the space at cuts, and no piece
// but a single over-long word is cut inside a word.
func FuzzSplit(f *testing.F) {
	f.Add("The skin may feel tender to touch.\n\nBaths 🛁 are not advised.", 12)
	f.Fuzz(func(t *testing.T, s string, limit int) {
		if limit < 2 || limit > 1000 {
			return
		}
		s = strings.ToValidUTF8(s, "")
		pieces := textsplit.Split(s, limit, textsplit.UTF16)
		for _, p := range pieces {
			if n := textsplit.Len(p, textsplit.UTF16); n > limit && len([]rune(p)) > 1 {
				t.Fatalf("piece %q is %d units, limit %d", p, n, limit)
			}
		}
		if strings.Join(strings.Fields(strings.Join(pieces, " ")), "") != strings.Join(strings.Fields(s), "") {
			t.Fatalf("Split(%q) = %q lost text", s, pieces)
		}
	})
}
