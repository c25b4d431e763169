package slack

import (
	"time"

	"github.com/clinicbot/aftercare/internal/backoff"
)

// SetBackoff sets the first wait before a post is re-sent after a 502, a
// 503 or a failed connection, so that tests need not wait long. Call it
// before Run.
func SetBackoff(a *Adapter, d time.Duration) { a.backoff = backoff.Policy{Min: d, Max: 8 * d} }

// Idle reports whether no request is queued or being handled.
func Idle(a *Adapter) bool {
	idle := true
	a.inflight.Range(func(any, any) bool { idle = false; return false })
	return idle
}
