package replica_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clinicbot/aftercare/internal/fixture"
	"github.com/clinicbot/aftercare/internal/replica"
	"github.com/clinicbot/aftercare/internal/store"
	"github.com/clinicbot/aftercare/internal/store/storetest"
)

var stores = map[string]func(testing.TB) string{"sqlite": storetest.SQLiteURL, "postgres": storetest.PostgresURL}

// fast is a replica that beats every 20 ms and is taken for dead after
// 200 ms: the production timings (5 s, 20 s) scaled down.
func fast(db *store.DB, id string) *replica.Replica {
	return &replica.Replica{DB: db, ID: id, Every: 20 * time.Millisecond, Alive: 200 * time.Millisecond}
}

// leader runs r.Lead in the background, counting how many hold the lease
// at once through running.
func leader(t *testing.T, r *replica.Replica, running, most *atomic.Int32, led chan<- string) context.CancelFunc {
	ctx, cancel := context.WithCancel(t.Context())
	if err := r.Beat(ctx); err != nil {
		t.Fatal(err)
	}
	done, beating := make(chan struct{}), make(chan struct{})
	go func() { r.Run(ctx); close(beating) }()
	go func() {
		defer close(done)
		r.Lead(ctx, "telegram-poll", func(ctx context.Context) error {
			n := running.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			led <- r.ID
			<-ctx.Done()
			running.Add(-1)
			return nil
		})
	}()
	t.Cleanup(func() { cancel(); <-done; <-beating })
	return cancel
}

// One replica leads at a time; when it stops, another takes over within
// one beat.
func TestOneLeaderAndAHandOverOnStop(t *testing.T) {
	for name, url := range stores {
		t.Run(name, func(t *testing.T) {
			raw := url(t)
			a, b := fast(storetest.Open(t, raw), "a"), fast(storetest.Open(t, raw), "b")
			var running, most atomic.Int32
			led := make(chan string, 4)
			stopA := leader(t, a, &running, &most, led)
			if first := <-led; first != "a" {
				t.Fatalf("first leader %s", first)
			}
			leader(t, b, &running, &most, led)
			select {
			case who := <-led:
				t.Fatalf("%s led while a held the lease", who)
			case <-time.After(300 * time.Millisecond):
			}
			start := time.Now()
			stopA()
			if who := <-led; who != "b" {
				t.Fatalf("next leader %s, want b", who)
			}
			if took := time.Since(start); took > 200*time.Millisecond {
				t.Errorf("b took over %v after a stopped; want within a beat or two", took)
			}
			if most.Load() != 1 {
				t.Errorf("%d led at once", most.Load())
			}
		})
	}
}

// A leader that dies (stops beating and renewing, drops nothing) is
// replaced once its lease has lapsed: within Alive plus one beat, which is
// 25 s with the production timings.
func TestAKilledLeaderIsReplaced(t *testing.T) {
	for name, url := range stores {
		t.Run(name, func(t *testing.T) {
			raw := url(t)
			db := storetest.Open(t, raw)
			dead := fast(db, "dead")
			// The dead replica stops being alive Alive after its beat, which
			// may end before its lease does: time the take-over from before
			// the beat, so a slow beat (a loaded machine under -race) does
			// not make it look early.
			start := time.Now()
			if err := dead.Beat(t.Context()); err != nil {
				t.Fatal(err)
			}
			now := time.Now()
			if ok, err := db.TakeLease(t.Context(), "telegram-poll", "dead", now, now.Add(200*time.Millisecond)); !ok || err != nil {
				t.Fatal(ok, err)
			}
			b := fast(storetest.Open(t, raw), "b")
			var running, most atomic.Int32
			led := make(chan string, 1)
			leader(t, b, &running, &most, led)
			select {
			case <-led:
				if took := time.Since(start); took < 150*time.Millisecond || took > 400*time.Millisecond {
					t.Errorf("b took over after %v; want once the lease lapsed (200 ms) and within a beat more", took)
				}
			case <-time.After(2 * time.Second):
				t.Fatal("nobody took over the dead leader's lease")
			}
		})
	}
}

// Run beats while it runs, so that its leases outlive a single beat, and
// leaves when it stops: its leases are free at once.
func TestRunBeatsThenLeaves(t *testing.T) {
	db := storetest.Open(t, storetest.SQLiteURL(t))
	clock := fixture.NewClock(time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC))
	r := &replica.Replica{DB: db, ID: "a", Clock: clock, Every: 10 * time.Millisecond, Alive: time.Minute}
	if err := r.Beat(t.Context()); err != nil {
		t.Fatal(err)
	}
	if ok, err := db.TakeLease(t.Context(), "x", "a", clock.Now(), clock.Now().Add(time.Hour)); !ok || err != nil {
		t.Fatal(ok, err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	clock.Add(2 * time.Minute)         // the first beat has lapsed by now,
	time.Sleep(100 * time.Millisecond) // but Run has beaten since
	if ok, err := db.TakeLease(t.Context(), "x", "b", clock.Now(), clock.Now().Add(time.Minute)); ok || err != nil {
		t.Fatalf("b took the lease of a replica that beats: %v, %v", ok, err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if ok, _ := db.TakeLease(t.Context(), "x", "b", clock.Now(), clock.Now().Add(time.Minute)); !ok {
		t.Error("a's lease outlived a's leaving")
	}
}
