// Package retry sends a request again only when the other side cannot have
// acted on it: the one send-with-retry loop both chat adapters use. Each
// adapter says what its platform's errors mean (a Verdict); the loop does
// the waiting, the counting of attempts and what an error given up means
// for the caller (aftercare.ErrRetryLater, ErrUncertain, ErrUnreachable).
package retry

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/backoff"
)

// Verdict is what one failed attempt means.
type Verdict struct {
	// Retry: the other side cannot have acted on the request (a rate
	// limit, a server that refused it, a connection never opened), so it
	// may be sent again.
	Retry bool
	// Wait is how long to wait first (a rate limit's Retry-After); 0 backs
	// off.
	Wait time.Duration
	// Reason names the failure for metrics and logs.
	Reason string
	// Outcome is the aftercare error the request's error is wrapped in
	// when it is given up: ErrRetryLater, ErrUncertain, ErrUnreachable, or
	// nil for a final refusal such as a bad request.
	Outcome error
}

// Shutdown is the Reason of a request given up because ctx ended.
const Shutdown = "shutdown"

// Policy is how a request is tried.
type Policy struct {
	// Classify says what a failed attempt's error means. Required.
	Classify func(error) Verdict
	// Backoff spaces attempts whose Verdict has no Wait.
	Backoff backoff.Policy
	// MaxAttempts bounds the attempts, the first included; 0 tries until
	// ctx ends. A request still worth retrying at the limit is given up
	// with ErrRetryLater: it never went through.
	MaxAttempts int
	// Before runs before each attempt, e.g. to wait for a rate limiter; an
	// error (ctx ended) gives the request up with ErrRetryLater.
	Before func(ctx context.Context) error
	// OnRetry is told of each attempt about to be retried, after how long.
	OnRetry func(v Verdict, wait time.Duration, err error)
}

// Do runs attempt until it succeeds or is given up, and returns nil, or
// the Verdict it was given up with and an error wrapping the Verdict's
// Outcome and the attempt's error. When ctx ends before an attempt or
// while waiting, nothing is on the wire: the Reason is Shutdown and the
// Outcome ErrRetryLater. When an attempt fails because ctx ended, the
// request may have been written: the Outcome is ErrUncertain.
func Do(ctx context.Context, p Policy, attempt func(ctx context.Context) error) (Verdict, error) {
	stopped := func(err error) (Verdict, error) {
		return Verdict{Reason: Shutdown, Outcome: aftercare.ErrRetryLater}, fmt.Errorf("%w: %w", aftercare.ErrRetryLater, err)
	}
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return stopped(err)
		}
		if p.Before != nil {
			if err := p.Before(ctx); err != nil {
				return stopped(err)
			}
		}
		err := attempt(ctx)
		if err == nil {
			return Verdict{}, nil
		}
		v := p.Classify(err)
		if ctx.Err() != nil {
			v = Verdict{Reason: Shutdown, Outcome: aftercare.ErrUncertain}
		}
		if v.Retry && p.MaxAttempts > 0 && n >= p.MaxAttempts {
			v.Retry, v.Outcome = false, aftercare.ErrRetryLater
		}
		if !v.Retry {
			if v.Outcome != nil {
				err = fmt.Errorf("%w: %w", v.Outcome, err)
			}
			return v, err
		}
		wait := v.Wait
		if wait <= 0 {
			wait = p.Backoff.Delay(n - 1)
		}
		if p.OnRetry != nil {
			p.OnRetry(v, wait, err)
		}
		if serr := backoff.Sleep(ctx, wait); serr != nil {
			return stopped(errors.Join(serr, err))
		}
	}
}
