package aftercare_test

import (
	"testing"

	"github.com/clinicbot/aftercare"
)

func TestNoneChoice(t *testing.T) {
	for _, tc := range []struct {
		choice string
		asked  string
		ok     bool
	}{
		{aftercare.ChoiceNone, "", true},
		{aftercare.ChoiceNoneOf(""), "", true},
		{aftercare.ChoiceNoneOf("update:42"), "update:42", true},
		{"none:callback:a:b", "callback:a:b", true},
		{"none:", "", false},
		{"nonesuch", "", false},
		{"home.bath", "", false},
		{"", "", false},
	} {
		asked, ok := aftercare.NoneChoice(tc.choice)
		if asked != tc.asked || ok != tc.ok {
			t.Errorf("NoneChoice(%q) = %q, %v; want %q, %v", tc.choice, asked, ok, tc.asked, tc.ok)
		}
	}
}

// FuzzNoneChoice: a button's data (which a client can forge) is read back
// as the delivery it was made for, and nothing else reads as None of these.
func FuzzNoneChoice(f *testing.F) {
	for _, s := range []string{"", "update:1", "none", "none:", ":"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, asked string) {
		if got, ok := aftercare.NoneChoice(aftercare.ChoiceNoneOf(asked)); !ok || got != asked {
			t.Errorf("NoneChoice(ChoiceNoneOf(%q)) = %q, %v", asked, got, ok)
		}
		if got, ok := aftercare.NoneChoice(asked); ok && aftercare.ChoiceNoneOf(got) != asked {
			t.Errorf("NoneChoice(%q) = %q, but ChoiceNoneOf(%q) = %q", asked, got, got, aftercare.ChoiceNoneOf(got))
		}
	})
}
