package care

import (
	"context"
	"fmt"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/store"
)

// How often the sweeps run (a variable for tests).
var sweepEvery = 30 * time.Second

// Run sends the outbox and sweeps the cases until ctx ends: an urgent
// case nobody has claimed or answered after EscalateAfter is raised again;
// a case silent for 48 hours closes itself; case texts are purged
// Retention after their case closed. It returns nil when ctx ends.
func (t *Team) Run(ctx context.Context) error {
	done := make(chan struct{})
	go func() {
		defer close(done)
		t.outbox.Run(ctx)
	}()
	defer func() { <-done }()
	tick := time.NewTicker(sweepEvery)
	defer tick.Stop()
	for {
		if err := t.Sweep(ctx); err != nil && ctx.Err() == nil {
			t.cfg.Logger.Warn("care: sweeping the cases failed; trying again later", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

// Sweep escalates, closes and purges what is due now (see Run).
func (t *Team) Sweep(ctx context.Context) error {
	now := t.cfg.Clock.Now()
	due, err := t.cfg.Store.Cases(ctx, store.DueEscalation, now.Add(-t.cfg.EscalateAfter))
	if err != nil {
		return err
	}
	for _, c := range due {
		err := t.cfg.Store.Tx(ctx, func(tx *store.Tx) error {
			if err := tx.UpdateCase(ctx, c.ID, store.CaseChange{EscalatedAt: &now}, now); err != nil {
				return err
			}
			text := t.text(catalog.TextCareEscalate, map[string]string{"when": ago(now.Sub(c.OpenedAt))})
			return t.enqueue(ctx, tx, c, aftercare.Address{}, notice(text), nil, false, now)
		})
		if err != nil {
			return fmt.Errorf("escalate case %d: %w", c.ID, err)
		}
	}
	silent, err := t.cfg.Store.Cases(ctx, store.DueSilent, now.Add(-SilenceCloses))
	if err != nil {
		return err
	}
	for _, c := range silent {
		if err := t.cfg.Store.Tx(ctx, func(tx *store.Tx) error { return t.resolve(ctx, tx, c, "", now) }); err != nil {
			return fmt.Errorf("close silent case %d: %w", c.ID, err)
		}
	}
	if len(due)+len(silent) > 0 {
		t.Wake()
	}
	if _, err := t.cfg.Store.PurgeCases(ctx, now, t.cfg.Retention); err != nil {
		return err
	}
	return nil
}
