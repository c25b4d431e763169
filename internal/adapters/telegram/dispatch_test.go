package telegram

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestDispatcherKeepsEachChatInOrderAndBoundsParallelism(t *testing.T) {
	d := newDispatcher(3)
	var (
		mu      sync.Mutex
		got     = map[int64][]int{}
		running atomic.Int32
		peak    atomic.Int32
	)
	for i := 0; i < 50; i++ {
		for chat := int64(1); chat <= 6; chat++ {
			d.dispatch(chat, func() {
				n := running.Add(1)
				for {
					p := peak.Load()
					if n <= p || peak.CompareAndSwap(p, n) {
						break
					}
				}
				mu.Lock()
				got[chat] = append(got[chat], i)
				mu.Unlock()
				running.Add(-1)
			})
		}
	}
	if !d.wait(context.Background()) {
		t.Fatal("wait() = false")
	}
	for chat, seq := range got {
		if len(seq) != 50 {
			t.Fatalf("chat %d ran %d jobs, want 50", chat, len(seq))
		}
		for i, v := range seq {
			if v != i {
				t.Fatalf("chat %d ran job %d at position %d: out of order", chat, v, i)
			}
		}
	}
	if p := peak.Load(); p > 3 {
		t.Errorf("%d jobs ran at once, limit 3", p)
	}
}

func TestDispatcherWaitGivesUpAtDeadline(t *testing.T) {
	d := newDispatcher(1)
	release := make(chan struct{})
	d.dispatch(1, func() { <-release })
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if d.wait(ctx) {
		t.Error("wait() = true with a job still running")
	}
	close(release)
	if !d.wait(context.Background()) {
		t.Error("wait() = false after the job ended")
	}
}
