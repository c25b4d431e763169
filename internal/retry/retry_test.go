package retry_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/backoff"
	"github.com/clinicbot/aftercare/internal/retry"
)

var (
	errLimited = errors.New("429")
	errBusy    = errors.New("503")
	errTimeout = errors.New("timeout after writing")
	errBlocked = errors.New("403")
	errBad     = errors.New("400")
)

func classify(err error) retry.Verdict {
	switch err {
	case errLimited:
		return retry.Verdict{Retry: true, Wait: time.Millisecond, Reason: "rate_limited", Outcome: aftercare.ErrRetryLater}
	case errBusy:
		return retry.Verdict{Retry: true, Reason: "server_error", Outcome: aftercare.ErrRetryLater}
	case errTimeout:
		return retry.Verdict{Reason: "timeout", Outcome: aftercare.ErrUncertain}
	case errBlocked:
		return retry.Verdict{Reason: "forbidden", Outcome: aftercare.ErrUnreachable}
	}
	return retry.Verdict{Reason: "bad_request"}
}

func TestDo(t *testing.T) {
	tests := []struct {
		name     string
		errs     []error // what each attempt returns; then success
		max      int
		want     error // Is; nil: success
		reason   string
		attempts int
		retries  int
	}{
		{"first time", nil, 0, nil, "", 1, 0},
		{"rate limited, then sent", []error{errLimited}, 0, nil, "", 2, 1},
		{"server errors, then sent", []error{errBusy, errBusy}, 0, nil, "", 3, 2},
		{"timeout after writing: not sent again", []error{errTimeout}, 0, aftercare.ErrUncertain, "timeout", 1, 0},
		{"blocked", []error{errBlocked}, 0, aftercare.ErrUnreachable, "forbidden", 1, 0},
		{"bad request: final", []error{errBad}, 0, errBad, "bad_request", 1, 0},
		{"retried to the limit: never went through", []error{errBusy, errBusy, errBusy}, 3, aftercare.ErrRetryLater, "server_error", 3, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			attempts, retries := 0, 0
			p := retry.Policy{Classify: classify, Backoff: backoff.Policy{Min: time.Millisecond, Max: 2 * time.Millisecond},
				MaxAttempts: tc.max, OnRetry: func(retry.Verdict, time.Duration, error) { retries++ }}
			v, err := retry.Do(context.Background(), p, func(context.Context) error {
				attempts++
				if attempts <= len(tc.errs) {
					return tc.errs[attempts-1]
				}
				return nil
			})
			if (tc.want == nil) != (err == nil) || tc.want != nil && !errors.Is(err, tc.want) || v.Reason != tc.reason {
				t.Errorf("Do = %+v, %v; want %v (%s)", v, err, tc.want, tc.reason)
			}
			if attempts != tc.attempts || retries != tc.retries {
				t.Errorf("%d attempts, %d retries; want %d, %d", attempts, retries, tc.attempts, tc.retries)
			}
		})
	}
}

// A request cut by the end of ctx may have been written: uncertain. One
// not yet made, or waiting to be retried, never went out: retry later.
func TestDoWhenContextEnds(t *testing.T) {
	p := retry.Policy{Classify: classify, Backoff: backoff.Policy{Min: time.Hour, Max: time.Hour}}
	ctx, cancel := context.WithCancel(context.Background())
	v, err := retry.Do(ctx, p, func(context.Context) error { cancel(); return errors.New("context canceled") })
	if !errors.Is(err, aftercare.ErrUncertain) || v.Reason != retry.Shutdown {
		t.Errorf("cut on the wire: %+v, %v; want uncertain", v, err)
	}
	v, err = retry.Do(ctx, p, func(context.Context) error { t.Fatal("attempted after ctx ended"); return nil })
	if !errors.Is(err, aftercare.ErrRetryLater) || v.Reason != retry.Shutdown {
		t.Errorf("before an attempt: %+v, %v; want retry later", v, err)
	}
	waiting, stop := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer stop()
	if _, err := retry.Do(waiting, p, func(context.Context) error { return errBusy }); !errors.Is(err, aftercare.ErrRetryLater) || !errors.Is(err, errBusy) {
		t.Errorf("while waiting to retry: %v; want retry later, with the last error", err)
	}
	p.Before = func(ctx context.Context) error { return context.Canceled }
	if _, err := retry.Do(context.Background(), p, func(context.Context) error { t.Fatal("attempted"); return nil }); !errors.Is(err, aftercare.ErrRetryLater) {
		t.Errorf("Before failing: %v; want retry later", err)
	}
}
