package backoff_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/clinicbot/aftercare/internal/backoff"
)

func TestDelayGrowsWithJitterWithinBounds(t *testing.T) {
	p := backoff.Default
	tests := []struct {
		attempt int
		lo, hi  time.Duration
	}{
		{0, 500 * time.Millisecond, time.Second},
		{1, time.Second, 2 * time.Second},
		{3, 4 * time.Second, 8 * time.Second},
		{5, 15 * time.Second, 30 * time.Second},
		{50, 15 * time.Second, 30 * time.Second},
	}
	for _, tc := range tests {
		seen := map[time.Duration]bool{}
		for i := 0; i < 200; i++ {
			d := p.Delay(tc.attempt)
			if d < tc.lo || d > tc.hi {
				t.Fatalf("Delay(%d) = %v, want within [%v, %v]", tc.attempt, d, tc.lo, tc.hi)
			}
			seen[d] = true
		}
		if len(seen) < 10 {
			t.Errorf("Delay(%d) has too little jitter: %d distinct values", tc.attempt, len(seen))
		}
	}
}

func TestZeroPolicyUsesDefaults(t *testing.T) {
	if d := (backoff.Policy{}).Delay(0); d < 500*time.Millisecond || d > time.Second {
		t.Errorf("Policy{}.Delay(0) = %v", d)
	}
}

func TestSleepStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	if err := backoff.Sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) || time.Since(start) > time.Second {
		t.Errorf("Sleep(cancelled) = %v after %v", err, time.Since(start))
	}
	if err := backoff.Sleep(context.Background(), time.Millisecond); err != nil {
		t.Errorf("Sleep(1ms) = %v", err)
	}
}
