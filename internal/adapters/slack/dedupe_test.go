package slack

import (
	"fmt"
	"testing"
	"time"
)

// clock is a fake clock.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time      { return c.now }
func (c *clock) add(d time.Duration) { c.now = c.now.Add(d) }

func TestDedupe(t *testing.T) {
	c := &clock{now: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	d := newDedupe(dedupeTTL, 100, c.Now)
	steps := []struct {
		advance time.Duration
		key     string
		want    bool
	}{
		{0, "Ev1", true},
		{0, "Ev1", false},
		{time.Minute, "Ev2", true},
		{10 * time.Minute, "Ev1", false},           // 11 minutes on: still remembered
		{4*time.Minute + time.Second, "Ev1", true}, // past the 15-minute TTL: new again
		{0, "Ev2", false},
	}
	for i, s := range steps {
		c.add(s.advance)
		if got := d.first(s.key); got != s.want {
			t.Errorf("step %d: first(%q) = %v, want %v", i, s.key, got, s.want)
		}
	}
	d.forget("Ev2")
	if !d.first("Ev2") {
		t.Error("first after forget = false, want true")
	}
}

func TestDedupeIsBounded(t *testing.T) {
	c := &clock{now: time.Unix(0, 0)}
	d := newDedupe(dedupeTTL, 10, c.Now)
	for i := range 1000 {
		d.first(fmt.Sprint(i))
	}
	if n := d.len(); n > 10 {
		t.Errorf("%d keys remembered, want at most 10", n)
	}
	if d.first("999") {
		t.Error("the newest key was forgotten")
	}
	c.add(dedupeTTL)
	d.first("new")
	if n := d.len(); n != 1 {
		t.Errorf("%d keys after the TTL, want 1", n)
	}
}
