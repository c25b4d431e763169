package telegram

import (
	"context"
	"sync"
)

// dispatcher runs jobs of different chats in parallel, at most limit at a
// time, and the jobs of one chat one after another, in the order given.
// Safe for concurrent use.
type dispatcher struct {
	sem chan struct{}
	wg  sync.WaitGroup

	mu     sync.Mutex
	queues map[int64][]func() // jobs waiting, by chat
}

func newDispatcher(limit int) *dispatcher {
	return &dispatcher{sem: make(chan struct{}, max(limit, 1)), queues: map[int64][]func(){}}
}

// dispatch queues job for chat. A chat with jobs has one goroutine working
// through them; it waits for a free slot while the limit is reached.
func (d *dispatcher) dispatch(chat int64, job func()) {
	d.mu.Lock()
	q, busy := d.queues[chat]
	d.queues[chat] = append(q, job)
	d.mu.Unlock()
	if busy {
		return
	}
	d.wg.Add(1)
	go d.work(chat)
}

// work runs chat's jobs until its queue is empty.
func (d *dispatcher) work(chat int64) {
	defer d.wg.Done()
	d.sem <- struct{}{}
	defer func() { <-d.sem }()
	for {
		d.mu.Lock()
		q := d.queues[chat]
		if len(q) == 0 {
			delete(d.queues, chat)
			d.mu.Unlock()
			return
		}
		job := q[0]
		d.queues[chat] = q[1:]
		d.mu.Unlock()
		job()
	}
}

// wait blocks until every queued job has run, or ctx ends; it reports
// whether everything finished.
func (d *dispatcher) wait(ctx context.Context) bool {
	done := make(chan struct{})
	go func() {
		d.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-ctx.Done():
		return false
	}
}
