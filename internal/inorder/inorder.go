// Package inorder runs jobs in order per key and in parallel across keys:
// one person's messages are handled one after another, in the order they
// arrived, while other people's go ahead, at most a fixed number at a time.
// A person whose job waits (a platform's 60-second rate limit) holds up
// only themselves and one slot, never a shard of other people.
package inorder

import (
	"context"
	"errors"
	"sync"
)

// Errors Go and TryGo return.
var (
	ErrFull   = errors.New("inorder: too many jobs waiting")
	ErrClosed = errors.New("inorder: closed")
)

// Runner runs jobs with the same key one after another, in the order
// given, and jobs with different keys in parallel, at most Limit at a time.
// At most MaxQueued jobs are accepted and not yet finished. It is safe for
// concurrent use; the zero value is not usable: use New.
type Runner struct {
	slots  chan struct{} // one per running key
	queued chan struct{} // one per accepted, unfinished job
	wg     sync.WaitGroup

	mu     sync.Mutex
	closed bool
	queues map[string][]func() // jobs waiting, by key
}

// New returns a Runner running at most limit keys at a time and holding at
// most maxQueued unfinished jobs (both at least 1).
func New(limit, maxQueued int) *Runner {
	return &Runner{
		slots:  make(chan struct{}, max(limit, 1)),
		queued: make(chan struct{}, max(maxQueued, 1)),
		queues: map[string][]func(){},
	}
}

// Go queues job under key, waiting while MaxQueued jobs are unfinished,
// until ctx ends (its error). After Close it returns ErrClosed.
func (r *Runner) Go(ctx context.Context, key string, job func()) error {
	if r.isClosed() {
		return ErrClosed
	}
	select {
	case r.queued <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	return r.add(key, job)
}

// TryGo queues job under key, or returns ErrFull at once when MaxQueued
// jobs are unfinished. After Close it returns ErrClosed.
func (r *Runner) TryGo(key string, job func()) error {
	if r.isClosed() {
		return ErrClosed
	}
	select {
	case r.queued <- struct{}{}:
	default:
		return ErrFull
	}
	return r.add(key, job)
}

// add queues job, whose place in queued is taken. A key with jobs has one
// goroutine working through them.
func (r *Runner) add(key string, job func()) error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		<-r.queued
		return ErrClosed
	}
	q, busy := r.queues[key]
	r.queues[key] = append(q, job)
	if !busy {
		r.wg.Add(1)
	}
	r.mu.Unlock()
	if !busy {
		go r.work(key)
	}
	return nil
}

// work runs key's jobs until its queue is empty.
func (r *Runner) work(key string) {
	defer r.wg.Done()
	r.slots <- struct{}{}
	defer func() { <-r.slots }()
	for {
		r.mu.Lock()
		q := r.queues[key]
		if len(q) == 0 {
			delete(r.queues, key)
			r.mu.Unlock()
			return
		}
		job := q[0]
		q[0] = nil
		r.queues[key] = q[1:]
		r.mu.Unlock()
		r.run(job)
	}
}

// run runs one job and frees its place, even if it panics (the panic is
// the job's to recover; it still ends the process if not).
func (r *Runner) run(job func()) {
	defer func() { <-r.queued }()
	job()
}

// Close stops accepting jobs; those accepted still run. It is idempotent.
func (r *Runner) Close() {
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
}

func (r *Runner) isClosed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.closed
}

// Wait blocks until every accepted job has run, or ctx ends; it reports
// whether everything finished. Call it after Close, or while nothing is
// being queued.
func (r *Runner) Wait(ctx context.Context) bool {
	done := make(chan struct{})
	go func() {
		r.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-ctx.Done():
		return false
	}
}

// Queued reports how many accepted jobs have not finished.
func (r *Runner) Queued() int { return len(r.queued) }
