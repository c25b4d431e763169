package store

import (
	"context"
	"fmt"
	"time"

	"github.com/clinicbot/aftercare"
)

// Held is an inbound message kept in the intake: its delivery ID, who sent
// it, the message as the desk encoded it, and when it was received.
type Held struct {
	Platform   aftercare.Platform
	DeliveryID string
	UserID     string
	Payload    []byte
	ReceivedAt time.Time
}

// Hold keeps h in the intake until Drop; holding a delivery already held
// changes nothing. It reports whether h was new.
func (tx *Tx) Hold(ctx context.Context, h Held) (bool, error) {
	if h.DeliveryID == "" {
		return false, ErrNoDeliveryID
	}
	n, err := tx.exec(ctx, `INSERT INTO intake (platform, delivery_id, user_id, payload, received_at)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT (platform, delivery_id) DO NOTHING`,
		h.Platform, h.DeliveryID, h.UserID, string(h.Payload), micros(h.ReceivedAt))
	if err != nil {
		return false, fmt.Errorf("hold a %s delivery: %w", h.Platform, err)
	}
	return n == 1, nil
}

// Drop removes a delivery from the intake: it was handled, or given up.
func (tx *Tx) Drop(ctx context.Context, platform aftercare.Platform, deliveryID string) error {
	if _, err := tx.exec(ctx, "DELETE FROM intake WHERE platform = $1 AND delivery_id = $2", platform, deliveryID); err != nil {
		return fmt.Errorf("drop a %s delivery: %w", platform, err)
	}
	return nil
}

// HeldBefore returns the deliveries from platform held since before t,
// oldest first, at most limit.
func (tx *Tx) HeldBefore(ctx context.Context, platform aftercare.Platform, t time.Time, limit int) ([]Held, error) {
	rows, err := tx.tx.QueryContext(ctx, `SELECT delivery_id, user_id, payload, received_at FROM intake
		WHERE platform = $1 AND received_at < $2 ORDER BY received_at, delivery_id LIMIT $3`, platform, micros(t), limit)
	if err != nil {
		return nil, fmt.Errorf("list held %s deliveries: %w", platform, err)
	}
	defer rows.Close()
	var out []Held
	for rows.Next() {
		h := Held{Platform: platform}
		var payload string
		var at int64
		if err := rows.Scan(&h.DeliveryID, &h.UserID, &payload, &at); err != nil {
			return nil, fmt.Errorf("list held %s deliveries: %w", platform, err)
		}
		h.Payload, h.ReceivedAt = []byte(payload), fromMicros(at)
		out = append(out, h)
	}
	return out, rows.Err()
}
