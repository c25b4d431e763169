package intents

import (
	"slices"
	"testing"
)

// TestJoinFragments: runs of short telling sentences share a run number;
// questions and longer sentences keep their own.
func TestJoinFragments(t *testing.T) {
	tests := []struct {
		msg  string
		runs []int // one per word
	}{
		{"Still swollen. Day 6. help", []int{0, 0, 0, 0, 0}},
		{"throbbing. hot. swollen.", []int{0, 0, 0}},
		{"Swollen? Day 6.", []int{0, 1, 1}},
		{"Swollen. Is it bad?", []int{0, 1, 1, 1}},
		{"my face is still swollen. Day 6.", []int{0, 0, 0, 0, 0, 1, 1}},
		{"swollen", []int{0}},
	}
	for _, tc := range tests {
		var runs []int
		for _, w := range splitWords(tc.msg) {
			runs = append(runs, w.run)
		}
		if !slices.Equal(runs, tc.runs) {
			t.Errorf("splitWords(%q) runs = %v, want %v", tc.msg, runs, tc.runs)
		}
	}
}
