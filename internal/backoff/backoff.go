// Package backoff computes exponential back-off with jitter for retrying
// calls to chat platforms.
package backoff

import (
	"context"
	"math/rand/v2"
	"time"
)

// Policy is an exponential back-off from Min to Max. The zero value uses
// 1 s to 30 s.
type Policy struct {
	Min, Max time.Duration
}

// Default is 1 s doubling to at most 30 s.
var Default = Policy{Min: time.Second, Max: 30 * time.Second}

// Delay returns the wait before retry number attempt (0 for the first
// retry): Min·2^attempt capped at Max, with "equal jitter" (between half
// and all of it) so that many clients do not retry in step.
func (p Policy) Delay(attempt int) time.Duration {
	lo, hi := p.Min, p.Max
	if lo <= 0 {
		lo = Default.Min
	}
	if hi < lo {
		hi = max(lo, Default.Max)
	}
	d := lo
	for i := 0; i < attempt && d < hi; i++ {
		d *= 2
	}
	d = min(d, hi)
	return d/2 + rand.N(d/2+1)
}

// Sleep waits d, or until ctx ends, in which case it returns ctx's error.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
