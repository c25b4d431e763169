package intents

import (
	"strings"
	"testing"

	edlib "github.com/hbollon/go-edlib"
)

func TestOSADistanceAgreesWithEdlib(t *testing.T) {
	words := []string{"", "a", "ab", "ba", "bath", "baht", "bahth", "shower", "shwoer", "swelling", "sweling",
		"serum", "seurm", "ca", "abc", "acb", "itchy", "itchyyy", "blisters", "bilsters", "zovirax",
		"пузыри", "пузырь", "बुखार", "बुखर", "café", "cafe", strings.Repeat("ab", 20), strings.Repeat("ba", 21)}
	for _, a := range words {
		for _, b := range words {
			if got, want := osaDistance(a, b), edlib.OSADamerauLevenshteinDistance(a, b); got != want {
				t.Errorf("osaDistance(%q, %q) = %d, edlib says %d", a, b, got, want)
			}
		}
	}
}

func TestOSADistanceAllocatesNothingForWords(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { osaDistance("swellling", "swelling") }); n != 0 {
		t.Errorf("osaDistance allocated %v times per call, want 0", n)
	}
}

func TestOSAWithinAgreesWithOSADistance(t *testing.T) {
	words := []string{"a", "ab", "ba", "bath", "baht", "bahth", "shower", "shwoer", "swelling", "sweling", "swellling",
		"serum", "seurm", "ca", "abc", "acb", "itchy", "itchyyy", "blisters", "bilsters", "zovirax", "moisturiser",
		"mositurizer", strings.Repeat("ab", 20), strings.Repeat("ba", 21)}
	for _, a := range words {
		for _, b := range words {
			for limit := 0; limit <= 3; limit++ {
				want := osaDistance(a, b)
				got := osaWithin(a, b, limit)
				if want <= limit && got != want || want > limit && got <= limit {
					t.Errorf("osaWithin(%q, %q, %d) = %d, osaDistance says %d", a, b, limit, got, want)
				}
			}
		}
	}
}
