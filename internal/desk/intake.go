package desk

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/store"
)

// This file is the desk's intake: where an adapter keeps a message it is
// about to acknowledge to a platform that will not deliver it again (Slack
// does not redeliver an acknowledged event), so that a message taken is
// answered even if the bot stops before it gets to it.

// Hold keeps in in the store until Done. Acknowledge the platform only
// when it returns nil. A message without a delivery ID is not held.
func (d *Desk) Hold(ctx context.Context, in aftercare.Inbound) error {
	if in.DeliveryID == "" {
		return nil
	}
	payload, err := json.Marshal(in)
	if err != nil {
		return fmt.Errorf("desk: hold: %w", err)
	}
	h := store.Held{Platform: in.Chat.Platform, DeliveryID: in.DeliveryID, UserID: in.From.UserID, Payload: payload, ReceivedAt: d.cfg.Clock.Now()}
	return d.cfg.Store.Tx(ctx, func(tx *store.Tx) error {
		_, err := tx.Hold(ctx, h)
		return err
	})
}

// Done removes in from the intake: it was handled, or given up for good.
// A failure is logged; the message is then handled again at the next
// start, and the desk recognises it as handled.
func (d *Desk) Done(ctx context.Context, in aftercare.Inbound) {
	if in.DeliveryID == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	err := d.cfg.Store.Tx(ctx, func(tx *store.Tx) error { return tx.Drop(ctx, in.Chat.Platform, in.DeliveryID) })
	if err != nil {
		d.cfg.Logger.Warn("could not drop a handled message from the intake; it will be recognised as handled at the next start",
			"platform", in.Chat.Platform, "err", err)
	}
}

// Held returns up to limit messages from platform held for at least
// minAge, oldest first: those a previous run (or a replica that died)
// acknowledged but did not finish. Pass them to Handle. A younger message
// may still be on its way through the process that took it.
func (d *Desk) Held(ctx context.Context, platform aftercare.Platform, minAge time.Duration, limit int) ([]aftercare.Inbound, error) {
	var held []store.Held
	err := d.cfg.Store.Tx(ctx, func(tx *store.Tx) (err error) {
		held, err = tx.HeldBefore(ctx, platform, d.cfg.Clock.Now().Add(-minAge), limit)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("desk: held messages: %w", err)
	}
	var out []aftercare.Inbound
	var bad []error
	for _, h := range held {
		var in aftercare.Inbound
		if err := json.Unmarshal(h.Payload, &in); err != nil {
			bad = append(bad, err)
			continue
		}
		out = append(out, in)
	}
	if len(bad) > 0 {
		d.cfg.Logger.Error("held messages that cannot be read were skipped", "platform", platform, "count", len(bad), "err", errors.Join(bad...))
	}
	return out, nil
}
