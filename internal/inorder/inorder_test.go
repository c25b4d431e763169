package inorder_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clinicbot/aftercare/internal/inorder"
)

func TestJobsOfOneKeyRunInOrder(t *testing.T) {
	r := inorder.New(4, 1000)
	var mu sync.Mutex
	got := map[string][]int{}
	for i := range 200 {
		key := fmt.Sprint("person-", i%5)
		if err := r.Go(context.Background(), key, func() {
			mu.Lock()
			got[key] = append(got[key], i)
			mu.Unlock()
		}); err != nil {
			t.Fatal(err)
		}
	}
	r.Close()
	if !r.Wait(context.Background()) {
		t.Fatal("Wait did not finish")
	}
	for key, seq := range got {
		if len(seq) != 40 || !slices.IsSorted(seq) {
			t.Errorf("%s ran %v; want 40 jobs in order", key, seq)
		}
	}
}

// A person whose job is stuck holds up only themselves: other people's
// jobs run meanwhile, up to the limit.
func TestStuckKeyDoesNotBlockOthers(t *testing.T) {
	r := inorder.New(2, 100)
	release := make(chan struct{})
	var stuckSecond atomic.Bool
	r.Go(context.Background(), "slow", func() { <-release })
	r.Go(context.Background(), "slow", func() { stuckSecond.Store(true) })
	done := make(chan struct{})
	for i := range 10 {
		r.Go(context.Background(), fmt.Sprint("other-", i), func() {
			if i == 9 {
				close(done)
			}
		})
	}
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("other people's jobs did not run while one person's was stuck")
	}
	if stuckSecond.Load() {
		t.Error("the stuck person's second job ran before the first finished")
	}
	close(release)
	r.Close()
	r.Wait(context.Background())
	if !stuckSecond.Load() {
		t.Error("the stuck person's second job never ran")
	}
}

func TestLimitBoundsParallelism(t *testing.T) {
	r := inorder.New(3, 100)
	var running, peak atomic.Int32
	for i := range 30 {
		r.Go(context.Background(), fmt.Sprint(i), func() {
			n := running.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			time.Sleep(time.Millisecond)
			running.Add(-1)
		})
	}
	r.Close()
	r.Wait(context.Background())
	if p := peak.Load(); p > 3 || p < 1 {
		t.Errorf("peak parallelism %d; want 1..3", p)
	}
}

func TestFullAndClosed(t *testing.T) {
	r := inorder.New(1, 2)
	release := make(chan struct{})
	block := func() { <-release }
	if err := r.TryGo("a", block); err != nil {
		t.Fatal(err)
	}
	if err := r.TryGo("b", block); err != nil {
		t.Fatal(err)
	}
	if err := r.TryGo("c", block); !errors.Is(err, inorder.ErrFull) {
		t.Errorf("TryGo on a full runner = %v; want ErrFull", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := r.Go(ctx, "c", block); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Go on a full runner = %v; want the context's error", err)
	}
	if r.Queued() != 2 {
		t.Errorf("Queued() = %d; want 2", r.Queued())
	}
	short, cancel2 := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel2()
	if r.Wait(short) {
		t.Error("Wait reported done with jobs still blocked")
	}
	close(release)
	r.Close()
	if err := r.TryGo("d", func() {}); !errors.Is(err, inorder.ErrClosed) {
		t.Errorf("TryGo after Close = %v; want ErrClosed", err)
	}
	if !r.Wait(context.Background()) || r.Queued() != 0 {
		t.Errorf("after Wait, Queued() = %d; want 0", r.Queued())
	}
}
