package journey

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var london = mustLoad("Europe/London")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// now is Wednesday 2 December 2026, 19:00 in London.
var now = time.Date(2026, 12, 2, 19, 0, 0, 0, london)

func TestParse(t *testing.T) {
	tests := []struct {
		text string
		want time.Time // zero: err
		err  error
	}{
		{"today at 2pm", time.Date(2026, 12, 2, 14, 0, 0, 0, london), nil},
		{"I had it done today at 2pm", time.Date(2026, 12, 2, 14, 0, 0, 0, london), nil},
		{"yesterday 10:30", time.Date(2026, 12, 1, 10, 30, 0, 0, london), nil},
		{"2 hours ago", time.Date(2026, 12, 2, 17, 0, 0, 0, london), nil},
		{"last Tuesday", time.Date(2026, 12, 1, 19, 0, 0, 0, london), nil},
		{"monday 3pm", time.Date(2026, 11, 30, 15, 0, 0, 0, london), nil},
		{"yesterday morning", time.Date(2026, 12, 1, 8, 0, 0, 0, london), nil},
		{"14:30", time.Date(2026, 12, 2, 14, 30, 0, 0, london), nil},
		{"tomorrow at 10", time.Time{}, ErrFuture},
		{"nonsense", time.Time{}, ErrNoTime},
		{"", time.Time{}, ErrNoTime},
	}
	for _, tt := range tests {
		got, _, err := Parse(tt.text, now, london)
		if !got.Equal(tt.want) || !errors.Is(err, tt.err) {
			t.Errorf("Parse(%q) = %v, %v, want %v, %v", tt.text, got, err, tt.want, tt.err)
		}
	}
}

func TestStatement(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"I had it done today at 2pm", true},
		{"yesterday morning", true},
		{"2 hours ago", true},
		{"my treatment was at 14:30", true},
		{"can i wear make-up tomorrow", false},
		{"is it ok to shower tonight?", false},
		{"my face is red today", false},
		{"bath", false},
	}
	for _, tt := range tests {
		if _, got, _ := Statement(tt.text, now, london); got != tt.want {
			t.Errorf("Statement(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		t    time.Time
		want string
	}{
		{time.Date(2026, 12, 2, 14, 30, 0, 0, london), "today at 14:30"},
		{time.Date(2026, 12, 1, 9, 5, 0, 0, london), "yesterday at 09:05"},
		{time.Date(2026, 12, 3, 1, 0, 0, 0, london), "tomorrow at 01:00"},
		{time.Date(2026, 11, 24, 14, 30, 0, 0, london), "on Tuesday 24 November at 14:30"},
		{time.Date(2026, 12, 2, 23, 30, 0, 0, time.UTC), "today at 23:30"},
	}
	for _, tt := range tests {
		if got := Describe(tt.t, now, london); got != tt.want {
			t.Errorf("Describe(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
}

// The plan across the clocks changing in London: 09:00 and 20:00 stay
// 09:00 and 20:00 on the wall, so their UTC times move by an hour.
func TestPlanAcrossDST(t *testing.T) {
	times, err := ParseTimes("20:00, 09:00")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		treated time.Time
		// UTC hours of the first few slots.
		want []string
	}{
		{"spring forward, last Sunday of March", time.Date(2026, 3, 27, 14, 30, 0, 0, london),
			[]string{"27 Mar 20:00", "28 Mar 09:00", "28 Mar 20:00", "29 Mar 08:00", "29 Mar 19:00", "30 Mar 08:00"}},
		{"fall back, last Sunday of October", time.Date(2026, 10, 23, 8, 0, 0, 0, london),
			[]string{"23 Oct 08:00", "23 Oct 19:00", "24 Oct 08:00", "24 Oct 19:00", "25 Oct 09:00", "25 Oct 20:00"}},
	}
	for _, tt := range tests {
		plan := Plan(tt.treated, 7, times, london, tt.treated)
		var got []string
		for _, s := range plan[:6] {
			got = append(got, s.Due.UTC().Format("2 Jan 15:04"))
			if local := Clock(s.Due, london); local != "09:00" && local != "20:00" {
				t.Errorf("%s: slot at %s local", tt.name, local)
			}
		}
		if strings.Join(got, ", ") != strings.Join(tt.want, ", ") {
			t.Errorf("%s: Plan = %v, want %v", tt.name, got, tt.want)
		}
		last := plan[len(plan)-1]
		if last.Day != 7 || Day(tt.treated, last.Due, london) != 7 {
			t.Errorf("%s: last slot %v is day %d, want 7", tt.name, last.Due, last.Day)
		}
	}
}

func TestPlanSkipsPastSlots(t *testing.T) {
	times, _ := ParseTimes("09:00,20:00")
	treated := time.Date(2026, 12, 1, 14, 30, 0, 0, london)
	plan := Plan(treated, 7, times, london, now) // 19:00 the day after
	if len(plan) != 11 || !plan[0].Due.Equal(time.Date(2026, 12, 2, 20, 0, 0, 0, london)) || plan[0].Day != 2 {
		t.Errorf("Plan = %d slots from %v (day %d), want 11 from today 20:00 (day 2)", len(plan), plan[0].Due, plan[0].Day)
	}
}

func TestParseTimes(t *testing.T) {
	for _, bad := range []string{"", "9am", "25:00", "09:00,09:00"} {
		if _, err := ParseTimes(bad); err == nil {
			t.Errorf("ParseTimes(%q) succeeded", bad)
		}
	}
}

func TestToken(t *testing.T) {
	token, hash := NewToken()
	other, _ := NewToken()
	if !IsToken(token) || len(token) > 64 || token == other || hash != HashToken(token) || strings.Contains(hash, token) {
		t.Errorf("NewToken() = %q, %q", token, hash)
	}
	link, err := Link("GlowAftercareBot", token)
	if err != nil || link != "https://t.me/GlowAftercareBot?start="+token {
		t.Errorf("Link = %q, %v", link, err)
	}
	if _, err := Link("not a bot", token); err == nil {
		t.Error("Link accepted a bad username")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"today at 2pm", "2 hours ago", "last Tuesday", "31/02 25:61"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, _, err := Parse(s, now, london)
		if err == nil && (got.After(now.Add(5*time.Minute)) || now.Sub(got) > MaxAge) {
			t.Errorf("Parse(%q) = %v, outside the allowed range", s, got)
		}
	})
}
