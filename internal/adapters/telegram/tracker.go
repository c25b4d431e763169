package telegram

import "sync"

// tracker knows which updates have been handled, to confirm to Telegram
// only what is done. Telegram confirms every update below the offset of a
// getUpdates call; updates are handled in parallel, so the offset is the
// smallest update still in flight. Updates above it that are handled or in
// flight come back in later polls and are skipped. Safe for concurrent use.
type tracker struct {
	mu      sync.Mutex
	next    int          // offset when nothing is in flight: one past the highest update seen
	pending map[int]bool // dispatched, not yet handled
	done    map[int]bool // handled, but above an update still in flight
	changed chan struct{}
}

func newTracker() *tracker {
	return &tracker{pending: map[int]bool{}, done: map[int]bool{}, changed: make(chan struct{})}
}

// start records an update received for handling. It reports false if the
// update was already received (Telegram sends unconfirmed updates again).
func (t *tracker) start(id int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if id < t.offsetLocked() || t.pending[id] || t.done[id] {
		return false
	}
	t.pending[id] = true
	t.next = max(t.next, id+1)
	return true
}

// finish records an update as handled.
func (t *tracker) finish(id int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.pending, id)
	t.done[id] = true
	off := t.offsetLocked()
	for d := range t.done {
		if d < off {
			delete(t.done, d)
		}
	}
	close(t.changed) // wake anyone waiting for progress
	t.changed = make(chan struct{})
}

// offset is the getUpdates offset that confirms exactly the handled
// updates: the smallest one in flight, or one past the highest seen.
func (t *tracker) offset() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.offsetLocked()
}

func (t *tracker) offsetLocked() int {
	off := t.next
	for id := range t.pending {
		off = min(off, id)
	}
	return off
}

// inFlight reports how many updates are being handled, and a channel
// closed at the next finish.
func (t *tracker) inFlight() (int, <-chan struct{}) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.pending), t.changed
}
