package main

import (
	"testing"
	"time"
)

// The replica test tells the patients' messages apart by their text, and
// waits for a reminder slot whole minutes ahead.
func TestReplicaTestHelpers(t *testing.T) {
	kinds := []struct{ text, want string }{
		{"Time for your aftercare serum: day 2 of 7.\nTake 6–8 drops", "reminder"},
		{"Welcome! Your treatment was today at 09:12.", "welcome"},
		{"Reminders are on: 09:00 and 20:00.", "reminders-on"},
		{"Please contact your practitioner now, or seek medical attention straight away.", "urgent"},
		{"Please ring the clinic this afternoon, ref R12.\n— the clinic team", "relay R12"},
		{"Please don't take a bath. Baths carry a higher risk of contamination from blocked drains.", "bath"},
		{"To apply the aftercare serum:\n- Take 6–8 drops", "serum"},
		{"Sorry, I don't have information on that.", "other"},
	}
	for _, tc := range kinds {
		if got := kindOf(tc.text); got != tc.want {
			t.Errorf("kindOf(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	slots := []struct {
		now      string
		lead     time.Duration
		want     string
		wantTime string
	}{
		{"10:03:05", 50 * time.Second, "10:04", "10:04:00"},
		{"10:03:40", 50 * time.Second, "10:05", "10:05:00"},
		{"23:59:30", 50 * time.Second, "00:01", "00:01:00"},
		{"10:03:00", time.Minute, "10:04", "10:04:00"},
	}
	for _, tc := range slots {
		now, _ := time.Parse("15:04:05", tc.now)
		hhmm, at := nextSlot(now, tc.lead)
		if hhmm != tc.want || at.Format("15:04:05") != tc.wantTime {
			t.Errorf("nextSlot(%s, %v) = %s, %s; want %s, %s", tc.now, tc.lead, hhmm, at.Format("15:04:05"), tc.want, tc.wantTime)
		}
	}
}
