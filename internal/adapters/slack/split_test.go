package slack

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplit(t *testing.T) {
	long := strings.Repeat("x", 25)
	tests := []struct {
		in    string
		limit int
		want  []string
	}{
		{"", 10, nil},
		{"  short  ", 10, []string{"short"}},
		{"first para\n\nsecond para", 12, []string{"first para", "second para"}},
		{"a b\n\nc d\n\ne f", 8, []string{"a b\n\nc d", "e f"}},
		{"line one\nline two\nline three", 18, []string{"line one\nline two", "line three"}},
		{"the quick brown fox jumps", 10, []string{"the quick", "brown fox", "jumps"}},
		{"para one\n\n" + "alpha beta gamma delta", 12, []string{"para one", "alpha beta", "gamma delta"}},
		{long, 10, []string{long[:10], long[10:20], long[20:]}}, // one word longer than the limit
		{"héllo wörld ünïcode", 11, []string{"héllo wörld", "ünïcode"}},
	}
	for _, tc := range tests {
		got := split(tc.in, tc.limit)
		if !slices.Equal(got, tc.want) {
			t.Errorf("split(%q, %d) = %q, want %q", tc.in, tc.limit, got, tc.want)
		}
	}
}

// FuzzSplit: chunks are within the limit, non-empty, and keep every word
// whole and in order when no word is longer than the limit.
func FuzzSplit(f *testing.F) {
	f.Add("a b c\n\nd e f\ng h", 5)
	f.Add(strings.Repeat("word ", 1000), 3000)
	f.Fuzz(func(t *testing.T, s string, limit int) {
		if limit < 1 || limit > 5000 || !utf8.ValidString(s) {
			return
		}
		chunks := split(s, limit)
		longest := 0
		for _, w := range strings.Fields(s) {
			longest = max(longest, utf8.RuneCountInString(w))
		}
		for _, c := range chunks {
			if n := utf8.RuneCountInString(c); n > limit || n == 0 {
				t.Fatalf("split(%q, %d): chunk %q has %d characters", s, limit, c, n)
			}
		}
		if longest <= limit && !slices.Equal(strings.Fields(strings.Join(chunks, " ")), strings.Fields(s)) {
			t.Fatalf("split(%q, %d) = %q: words changed", s, limit, chunks)
		}
	})
}
