package journey

import (
	"errors"
	"strings"
	"testing"
)

func TestCutRef(t *testing.T) {
	tests := []struct {
		args, rest, ref string
		err             error
	}{
		{"", "", "", nil},
		{"14:30", "14:30", "", nil},
		{"yesterday 10:30", "yesterday 10:30", "", nil},
		{"14:30 ref A-1234", "14:30", "A-1234", nil},
		{"ref A-1234", "", "A-1234", nil},
		{"  yesterday   10:30  REF  b_77 ", "yesterday 10:30", "b_77", nil},
		{"14:30 Ref: 991", "14:30", "991", nil},
		{"14:30 ref:A-1234", "14:30", "A-1234", nil},
		{"ref=A-1234", "", "A-1234", nil},
		{"2 hours ago ref " + strings.Repeat("9", MaxRefLen), "2 hours ago", strings.Repeat("9", MaxRefLen), nil},
		{"14:30 ref", "14:30", "", ErrNoRef},
		{"ref:", "", "", ErrNoRef},
		{"ref A 1234", "", "", ErrBadRef},           // a space: the ref must come last, whole
		{"ref A-1234 14:30", "", "", ErrBadRef},     // the time after the ref
		{"ref Jane Smith", "", "", ErrBadRef},       // a name
		{"ref jane@example.com", "", "", ErrBadRef}, // not a reference
		{"ref A/1234", "", "", ErrBadRef},           // only letters, digits, - and _
		{"ref Ä-12", "", "", ErrBadRef},             // ASCII letters only
		{"ref <@U123>", "", "", ErrBadRef},          // nothing Slack would read as markup
		{"ref " + strings.Repeat("9", MaxRefLen+1), "", "", ErrBadRef},
		{"referral at 14:30", "referral at 14:30", "", nil}, // a word that only starts with "ref"
	}
	for _, tt := range tests {
		rest, ref, err := CutRef(tt.args)
		if rest != tt.rest || ref != tt.ref || !errors.Is(err, tt.err) {
			t.Errorf("CutRef(%q) = %q, %q, %v, want %q, %q, %v", tt.args, rest, ref, err, tt.rest, tt.ref, tt.err)
		}
	}
}

func TestCheckRef(t *testing.T) {
	for ref, ok := range map[string]bool{"A-1234": true, "x": true, "2024_0001": true, "": false, "A 1": false, "A.1": false,
		"+447700900123": false, strings.Repeat("a", MaxRefLen): true, strings.Repeat("a", MaxRefLen+1): false} {
		if err := CheckRef(ref); (err == nil) != ok || (err != nil && !errors.Is(err, ErrBadRef)) {
			t.Errorf("CheckRef(%q) = %v, want ok %v", ref, err, ok)
		}
	}
}

// FuzzCutRef: whatever staff type, a reference CutRef returns is a valid
// one, and what is left never holds the word "ref".
func FuzzCutRef(f *testing.F) {
	for _, s := range []string{"14:30 ref A-1234", "ref", "ref:x y", "REF=", "yesterday 10:30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, args string) {
		rest, ref, err := CutRef(args)
		if ref != "" && (err != nil || CheckRef(ref) != nil) {
			t.Errorf("CutRef(%q) = ref %q, %v", args, ref, err)
		}
		for _, w := range strings.Fields(rest) {
			if _, ok := refWord(w); ok {
				t.Errorf("CutRef(%q) left %q in %q", args, w, rest)
			}
		}
	})
}
