// Package replica makes one process a replica among several sharing one
// store: it says the process is alive (a beat every few seconds, so that
// others take over what it held once it stops beating), and it holds
// named leases, such as the one that lets a single replica long-poll
// Telegram.
package replica

import (
	"context"
	"log/slog"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/store"
)

// Defaults: a replica that has not beaten for Alive is taken for dead, so
// another takes over its leases within Alive + Every (25 s).
const (
	DefaultEvery = 5 * time.Second
	DefaultAlive = 20 * time.Second
)

// Replica is this process among the replicas sharing DB.
type Replica struct {
	DB     *store.DB
	ID     string          // its name (desk.NewReplicaID)
	Clock  aftercare.Clock // aftercare.SystemClock when nil
	Logger *slog.Logger    // nil logs nothing
	// Every is how often it beats and renews its leases (DefaultEvery
	// when 0); Alive is how long a beat or a lease lasts (DefaultAlive).
	Every, Alive time.Duration
}

func (r *Replica) clock() aftercare.Clock {
	if r.Clock == nil {
		return aftercare.SystemClock{}
	}
	return r.Clock
}

func (r *Replica) logger() *slog.Logger {
	if r.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return r.Logger
}

func (r *Replica) every() time.Duration {
	if r.Every <= 0 {
		return DefaultEvery
	}
	return r.Every
}

func (r *Replica) alive() time.Duration {
	if r.Alive <= 0 {
		return DefaultAlive
	}
	return r.Alive
}

// Beat records the replica alive for Alive from now.
func (r *Replica) Beat(ctx context.Context) error {
	now := r.clock().Now()
	return r.DB.Beat(ctx, r.ID, now, now.Add(r.alive()))
}

// Run beats every Every until ctx ends, then leaves: the claims it did not
// finish and its leases are given up at once. It returns nil; a beat that
// fails is logged and tried again (if the store stays unreachable for
// Alive, the others take over).
func (r *Replica) Run(ctx context.Context) error {
	t := time.NewTicker(r.every())
	defer t.Stop()
	for {
		if err := r.Beat(ctx); err != nil && ctx.Err() == nil {
			r.logger().Warn("could not record this replica alive; others take over its work if this lasts", "replica", r.ID, "err", err)
		}
		select {
		case <-ctx.Done():
			leaveCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			if err := r.DB.Leave(leaveCtx, r.ID); err != nil {
				r.logger().Warn("could not give up this replica's claims; others take them over once its beat lapses", "replica", r.ID, "err", err)
			}
			return nil
		case <-t.C:
		}
	}
}

// Lead runs fn while this replica holds the lease name, and only then:
// it waits until it can take the lease (trying every Every), runs fn with a
// context that ends if the lease is lost (not renewed for Alive), and, when
// fn returns, drops the lease and waits for it again. It returns when ctx
// ends (nil), or fn's error when fn fails while ctx lasts.
func (r *Replica) Lead(ctx context.Context, name string, fn func(context.Context) error) error {
	for ctx.Err() == nil {
		if ok, _ := r.take(ctx, name); !ok {
			select {
			case <-ctx.Done():
			case <-time.After(r.every()):
			}
			continue
		}
		r.logger().Info("this replica leads", "lease", name, "replica", r.ID)
		err := r.hold(ctx, name, fn)
		dropCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		if dropErr := r.DB.DropLease(dropCtx, name, r.ID); dropErr != nil {
			r.logger().Warn("could not give up a lease; it lapses by itself", "lease", name, "err", dropErr)
		}
		cancel()
		if err != nil && ctx.Err() == nil {
			return err
		}
	}
	return nil
}

// take takes or renews the lease name; an error means the store could
// not say.
func (r *Replica) take(ctx context.Context, name string) (bool, error) {
	now := r.clock().Now()
	ok, err := r.DB.TakeLease(ctx, name, r.ID, now, now.Add(r.alive()))
	if err != nil && ctx.Err() == nil {
		r.logger().Warn("could not take or renew a lease", "lease", name, "err", err)
	}
	return ok && err == nil, err
}

// hold runs fn, renewing the lease every Every. fn's context ends when
// another replica holds the lease, or when renewals have failed for so
// long (Alive less one Every) that another may soon take it.
func (r *Replica) hold(ctx context.Context, name string, fn func(context.Context) error) error {
	fnCtx, stop := context.WithCancel(ctx)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- fn(fnCtx) }()
	t := time.NewTicker(r.every())
	defer t.Stop()
	renewed := time.Now()
	for {
		select {
		case err := <-done:
			return err
		case <-t.C:
			ok, err := r.take(ctx, name)
			switch {
			case ok:
				renewed = time.Now()
				continue
			case ctx.Err() != nil:
				continue // fn ends with ctx
			case err != nil && time.Since(renewed) < r.alive()-r.every():
				continue // the store failing: try again while the lease lasts
			}
			r.logger().Warn("lost a lease; stopping what it allowed", "lease", name, "replica", r.ID)
			stop()
			return <-done
		}
	}
}

// Leader is the lease name as something that leads (see Lead).
func (r *Replica) Leader(name string) Leader { return Leader{r: r, name: name} }

// Leader runs work only while its replica holds one lease: the Telegram
// adapter's Leader.
type Leader struct {
	r    *Replica
	name string
}

// Lead is Replica.Lead for the leader's lease.
func (l Leader) Lead(ctx context.Context, fn func(context.Context) error) error {
	return l.r.Lead(ctx, l.name, fn)
}
