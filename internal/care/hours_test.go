package care

import (
	"testing"
	"time"
)

func TestHours(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip(err)
	}
	h, err := ParseHours("Mon-Fri 09:00-17:30", london)
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) time.Time {
		t.Helper()
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, london)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	tests := []struct {
		now  string
		open bool
		next string
	}{
		{"2026-07-06 09:00", true, "2026-07-06 09:00"},  // Monday
		{"2026-07-06 17:29", true, "2026-07-06 17:29"},  // Monday
		{"2026-07-06 17:30", false, "2026-07-07 09:00"}, // Monday after hours
		{"2026-07-06 08:59", false, "2026-07-06 09:00"},
		{"2026-07-10 18:00", false, "2026-07-13 09:00"}, // Friday evening → Monday
		{"2026-07-11 12:00", false, "2026-07-13 09:00"}, // Saturday
	}
	for _, tt := range tests {
		now := at(tt.now)
		if got := h.Open(now); got != tt.open {
			t.Errorf("Open(%s) = %v, want %v", tt.now, got, tt.open)
		}
		if got := h.Next(now); !got.Equal(at(tt.next)) {
			t.Errorf("Next(%s) = %s, want %s", tt.now, got, tt.next)
		}
	}
}

func TestParseHours(t *testing.T) {
	good := map[string]string{
		"":                       "always",
		"Mon-Fri 09:00-17:30":    "Mon,Tue,Wed,Thu,Fri 09:00-17:30",
		"sat-sun 10:00-12:00":    "Sun,Sat 10:00-12:00",
		"Mon,Wed,Fri 8:00-12:00": "Mon,Wed,Fri 08:00-12:00",
	}
	for in, want := range good {
		h, err := ParseHours(in, time.UTC)
		if err != nil || h.String() != want {
			t.Errorf("ParseHours(%q) = %q, %v; want %q", in, h.String(), err, want)
		}
	}
	for _, in := range []string{"Mon-Fri", "Mon-Fry 09:00-17:00", "Mon-Fri 17:00-09:00", "Mon-Fri 9-5", "Mon-Fri 09:00-25:00"} {
		if _, err := ParseHours(in, time.UTC); err == nil {
			t.Errorf("ParseHours(%q): no error", in)
		}
	}
	if !(Hours{}).Open(time.Now()) {
		t.Error("zero Hours are closed, want always open")
	}
}
