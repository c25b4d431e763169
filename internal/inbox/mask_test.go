package inbox

import "testing"

func TestMask(t *testing.T) {
	tests := []struct{ in, want string }{
		{"can I go to the gym", "can I go to the gym"},
		{"call me on 07700 900123 please", "call me on [number] please"},
		{"my number is +44 (0)20 7946-0000", "my number is [number]"},
		{"treated on 12/03/2025 at 14:30", "treated on [number] at [number]"},
		{"is day 3 ok", "is day [number] ok"},
		{"had it at 2pm", "had it at [number]pm"},
		{"email jane.doe+skin@example.co.uk about it", "email [email] about it"},
		{"see https://example.com/a?b=1 and www.clinic.org", "see [link] and [link]"},
		{"what about glowclinic.co.uk/aftercare", "what about [link]"},
		{"ask @jane_doe or @Nurse1", "ask [handle] or [handle]"},
		{"flat 4B, 221 Baker St", "flat [number]B, [number] Baker St"},
		{"  spaced \t out\nlines ", "spaced out lines"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Mask(tt.in); got != tt.want {
			t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
