package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/clinicbot/aftercare"
)

// Claim is what Tx.Claim found: whether the caller now owns a delivery.
type Claim int

// Claims. After ClaimNew and ClaimStale the caller owns the delivery and
// must Finish or Release it; after ClaimDone and ClaimBusy it must leave it.
const (
	// ClaimNew: the delivery was not known; it is now claimed.
	ClaimNew Claim = iota + 1
	// ClaimDone: the delivery was handled already; this is a redelivery.
	ClaimDone
	// ClaimBusy: someone else claimed the delivery within the lease and is
	// working on it.
	ClaimBusy
	// ClaimStale: someone claimed the delivery longer ago than the lease
	// and did not finish (the process died mid-way); it is now claimed
	// afresh.
	ClaimStale
)

func (c Claim) String() string {
	switch c {
	case ClaimNew:
		return "new"
	case ClaimDone:
		return "done"
	case ClaimBusy:
		return "busy"
	case ClaimStale:
		return "stale"
	}
	return fmt.Sprintf("Claim(%d)", int(c))
}

// Owned reports whether the caller now owns the delivery: ClaimNew or
// ClaimStale.
func (c Claim) Owned() bool { return c == ClaimNew || c == ClaimStale }

// ErrNoDeliveryID is returned by Claim for an empty delivery ID.
var ErrNoDeliveryID = errors.New("no delivery ID")

// claimAttempts bounds Claim's loop when the row it conflicted with
// disappears (Released or purged) before it can be read.
const claimAttempts = 3

// Claim claims the delivery deliveryID from platform at now, unless it is
// done or someone else holds a claim younger than lease. Of many callers
// claiming one delivery at once, each in a transaction of its own, exactly
// one gets ClaimNew or ClaimStale; the others get ClaimBusy (or ClaimDone).
// The claim takes effect when the transaction commits; a rolled back claim
// leaves the delivery to the others.
func (tx *Tx) Claim(ctx context.Context, platform aftercare.Platform, deliveryID string, now time.Time, lease time.Duration) (Claim, error) {
	if deliveryID == "" {
		return 0, fmt.Errorf("claim %s delivery: %w", platform, ErrNoDeliveryID)
	}
	for range claimAttempts {
		c, err := tx.claim(ctx, platform, deliveryID, micros(now), micros(now.Add(-lease)))
		if err != nil {
			return 0, fmt.Errorf("claim %s delivery %s: %w", platform, deliveryID, err)
		}
		if c != 0 {
			return c, nil
		}
	}
	return 0, fmt.Errorf("claim %s delivery %s: the row keeps disappearing", platform, deliveryID)
}

// claim inserts the delivery, else re-claims it if stale, else reads its
// state; it returns 0 when the row is gone by then.
func (tx *Tx) claim(ctx context.Context, platform aftercare.Platform, id string, now, cutoff int64) (Claim, error) {
	const insert = `INSERT INTO deliveries (platform, delivery_id, state, claimed_at, updated_at)
VALUES ($1, $2, 'claimed', $3, $3) ON CONFLICT DO NOTHING`
	if n, err := tx.exec(ctx, insert, platform, id, now); err != nil || n == 1 {
		return ClaimNew, err
	}
	// Only one of the callers racing here changes the row: the others wait
	// for its lock (or SQLite's), then find claimed_at recent.
	const reclaim = `UPDATE deliveries SET claimed_at = $3, updated_at = $3
WHERE platform = $1 AND delivery_id = $2 AND state = 'claimed' AND claimed_at < $4`
	if n, err := tx.exec(ctx, reclaim, platform, id, now, cutoff); err != nil || n == 1 {
		return ClaimStale, err
	}
	var state string
	err := tx.tx.QueryRowContext(ctx, "SELECT state FROM deliveries WHERE platform = $1 AND delivery_id = $2", platform, id).Scan(&state)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, nil
	case err != nil:
		return 0, err
	case state == "done":
		return ClaimDone, nil
	}
	return ClaimBusy, nil
}

// Finish records the delivery as handled at now, with outcome ("sent",
// "uncertain", "unreachable", "duplicate"…): later claims get ClaimDone.
// It records it even if it was not claimed.
func (tx *Tx) Finish(ctx context.Context, platform aftercare.Platform, deliveryID string, now time.Time, outcome string) error {
	const upsert = `INSERT INTO deliveries (platform, delivery_id, state, outcome, claimed_at, updated_at)
VALUES ($1, $2, 'done', $3, $4, $4)
ON CONFLICT (platform, delivery_id) DO UPDATE SET state = 'done', outcome = excluded.outcome, updated_at = excluded.updated_at`
	if _, err := tx.exec(ctx, upsert, platform, deliveryID, outcome, micros(now)); err != nil {
		return fmt.Errorf("finish %s delivery %s: %w", platform, deliveryID, err)
	}
	return nil
}

// Release gives up a claim: the delivery was not handled (nothing was
// sent), and the platform will deliver it again. A finished delivery stays
// finished.
func (tx *Tx) Release(ctx context.Context, platform aftercare.Platform, deliveryID string) error {
	const del = "DELETE FROM deliveries WHERE platform = $1 AND delivery_id = $2 AND state = 'claimed'"
	if _, err := tx.exec(ctx, del, platform, deliveryID); err != nil {
		return fmt.Errorf("release %s delivery %s: %w", platform, deliveryID, err)
	}
	return nil
}
