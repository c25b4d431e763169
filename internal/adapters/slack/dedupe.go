package slack

import (
	"sync"
	"time"
)

// Slack re-delivers an event when it was not acknowledged in time, up to
// three times over about five minutes; keys are kept longer than that.
const (
	dedupeTTL = 15 * time.Minute
	dedupeMax = 20000 // bounds memory under a flood; the oldest keys go first
)

// dedupe remembers the keys of requests already taken (event IDs, trigger
// IDs) for at least ttl, at most max of them. It is safe for concurrent use.
type dedupe struct {
	ttl time.Duration
	max int
	now func() time.Time

	mu    sync.Mutex
	seen  map[string]time.Time
	order []seenKey // oldest first
}

type seenKey struct {
	key string
	at  time.Time
}

func newDedupe(ttl time.Duration, max int, now func() time.Time) *dedupe {
	return &dedupe{ttl: ttl, max: max, now: now, seen: map[string]time.Time{}}
}

// first records key and reports whether it is new: false when the same key
// was recorded within the TTL and not forgotten since.
func (d *dedupe) first(key string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	now := d.now()
	d.expire(now)
	if at, ok := d.seen[key]; ok && now.Sub(at) < d.ttl {
		return false
	}
	d.seen[key] = now
	d.order = append(d.order, seenKey{key, now})
	if len(d.order) > d.max {
		d.drop()
	}
	return true
}

// forget removes key, so that a new delivery of it is taken again.
func (d *dedupe) forget(key string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.seen, key)
}

// expire drops the keys older than the TTL. d.mu is held.
func (d *dedupe) expire(now time.Time) {
	for len(d.order) > 0 && now.Sub(d.order[0].at) >= d.ttl {
		d.drop()
	}
}

// drop removes the oldest key. d.mu is held.
func (d *dedupe) drop() {
	old := d.order[0]
	d.order = d.order[1:]
	if at, ok := d.seen[old.key]; ok && at.Equal(old.at) {
		delete(d.seen, old.key)
	}
}

// len returns how many keys are remembered.
func (d *dedupe) len() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.seen)
}
