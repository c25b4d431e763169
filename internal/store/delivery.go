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
	// ClaimBusy: a live replica claimed the delivery within the lease and
	// is working on it.
	ClaimBusy
	// ClaimStale: the delivery was claimed and not finished, and its
	// claim is free to take: released (nothing was sent), held longer than
	// the lease, or held by a replica that is no longer alive. It is now
	// claimed afresh; Pending says what its handling had done.
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

// Pending is what the handling of a claimed delivery had recorded when
// it was taken over (ClaimStale): the journey its claim's transaction
// found and the reply built for it, as given to Tx.Progress; nil where it
// had not got so far.
type Pending struct {
	Journey []byte
	Reply   []byte
}

// ErrNoDeliveryID is returned by Claim for an empty delivery ID.
var ErrNoDeliveryID = errors.New("no delivery ID")

// claimAttempts bounds Claim's loop when the row it conflicted with
// disappears (purged) before it can be read.
const claimAttempts = 3

// Claim claims the delivery deliveryID from platform at now for no
// replica in particular (see ClaimFor).
func (tx *Tx) Claim(ctx context.Context, platform aftercare.Platform, deliveryID string, now time.Time, lease time.Duration) (Claim, error) {
	c, _, err := tx.ClaimFor(ctx, "", platform, deliveryID, now, lease)
	return c, err
}

// ClaimFor claims the delivery deliveryID from platform at now for the
// replica owner, unless it is done or another live replica holds a claim
// younger than lease (see Replica); a claim the owner itself holds is
// busy too. Of many callers claiming one delivery at once, each in a
// transaction of its own, exactly one gets ClaimNew or ClaimStale; the
// others get ClaimBusy (or ClaimDone). The claim takes effect when the
// transaction commits; a rolled back claim leaves the delivery to the
// others.
func (tx *Tx) ClaimFor(ctx context.Context, owner string, platform aftercare.Platform, deliveryID string, now time.Time, lease time.Duration) (Claim, Pending, error) {
	if deliveryID == "" {
		return 0, Pending{}, fmt.Errorf("claim %s delivery: %w", platform, ErrNoDeliveryID)
	}
	for range claimAttempts {
		c, p, err := tx.claim(ctx, owner, platform, deliveryID, micros(now), micros(now.Add(-lease)))
		if err != nil {
			return 0, Pending{}, fmt.Errorf("claim %s delivery %s: %w", platform, deliveryID, err)
		}
		if c != 0 {
			return c, p, nil
		}
	}
	return 0, Pending{}, fmt.Errorf("claim %s delivery %s: the row keeps disappearing", platform, deliveryID)
}

// claim inserts the delivery, else takes it over if its claim is free,
// else reads its state; it returns 0 when the row is gone by then.
func (tx *Tx) claim(ctx context.Context, owner string, platform aftercare.Platform, id string, now, cutoff int64) (Claim, Pending, error) {
	const insert = `INSERT INTO deliveries (platform, delivery_id, state, claimed_at, updated_at, owner)
VALUES ($1, $2, 'claimed', $3, $3, $4) ON CONFLICT DO NOTHING`
	if n, err := tx.exec(ctx, insert, platform, id, now, nullable(owner)); err != nil || n == 1 {
		return ClaimNew, Pending{}, err
	}
	// Only one of the callers racing here changes the row: the others wait
	// for its lock (or SQLite's), then find it owned by a live replica.
	takeOver := `UPDATE deliveries SET claimed_at = $3, updated_at = $3, owner = $5
WHERE platform = $1 AND delivery_id = $2 AND state = 'claimed' AND (
    claimed_at IS NULL OR claimed_at < $4
    OR (owner IS NOT NULL AND owner <> $6 AND NOT ` + alive("deliveries.owner", 3) + `))
RETURNING journey, reply`
	var journey, reply sql.NullString
	err := tx.tx.QueryRowContext(ctx, takeOver, platform, id, now, cutoff, nullable(owner), owner).Scan(&journey, &reply)
	switch {
	case err == nil:
		return ClaimStale, Pending{Journey: bytesOf(journey), Reply: bytesOf(reply)}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return 0, Pending{}, err
	}
	var state string
	err = tx.tx.QueryRowContext(ctx, "SELECT state FROM deliveries WHERE platform = $1 AND delivery_id = $2", platform, id).Scan(&state)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, Pending{}, nil
	case err != nil:
		return 0, Pending{}, err
	case state == "done":
		return ClaimDone, Pending{}, nil
	}
	return ClaimBusy, Pending{}, nil
}

// Progress records how far the handling of a claimed delivery has got:
// the journey its claim found, or the reply built for it (JSON; nil leaves
// a field as it is). A replica that takes the claim over (ClaimStale)
// carries on from there instead of doing it again.
func (tx *Tx) Progress(ctx context.Context, platform aftercare.Platform, deliveryID string, journey, reply []byte) error {
	const update = `UPDATE deliveries SET journey = COALESCE($3, journey), reply = COALESCE($4, reply)
WHERE platform = $1 AND delivery_id = $2 AND state = 'claimed'`
	if _, err := tx.exec(ctx, update, platform, deliveryID, textOf(journey), textOf(reply)); err != nil {
		return fmt.Errorf("record %s delivery %s's progress: %w", platform, deliveryID, err)
	}
	return nil
}

// nullable is s, or NULL when empty.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// textOf is b as a TEXT parameter, NULL when nil.
func textOf(b []byte) any {
	if b == nil {
		return nil
	}
	return string(b)
}

// bytesOf is a TEXT column's value, nil when NULL.
func bytesOf(s sql.NullString) []byte {
	if !s.Valid {
		return nil
	}
	return []byte(s.String)
}

// Finish records the delivery as handled at now, with outcome ("sent",
// "uncertain", "unreachable", "duplicate"…): later claims get ClaimDone.
// It records it even if it was not claimed.
func (tx *Tx) Finish(ctx context.Context, platform aftercare.Platform, deliveryID string, now time.Time, outcome string) error {
	const upsert = `INSERT INTO deliveries (platform, delivery_id, state, outcome, claimed_at, updated_at)
VALUES ($1, $2, 'done', $3, $4, $4)
ON CONFLICT (platform, delivery_id) DO UPDATE SET state = 'done', outcome = excluded.outcome, updated_at = excluded.updated_at,
    journey = NULL, reply = NULL`
	if _, err := tx.exec(ctx, upsert, platform, deliveryID, outcome, micros(now)); err != nil {
		return fmt.Errorf("finish %s delivery %s: %w", platform, deliveryID, err)
	}
	return nil
}

// Release gives up a claim: nothing was sent, and the platform will
// deliver the message again. What the handling recorded (Progress) stays,
// so that the next claim (ClaimStale, at once) carries on from there
// rather than doing it twice. A finished delivery stays finished.
func (tx *Tx) Release(ctx context.Context, platform aftercare.Platform, deliveryID string) error {
	const del = "UPDATE deliveries SET owner = NULL, claimed_at = NULL WHERE platform = $1 AND delivery_id = $2 AND state = 'claimed'"
	if _, err := tx.exec(ctx, del, platform, deliveryID); err != nil {
		return fmt.Errorf("release %s delivery %s: %w", platform, deliveryID, err)
	}
	return nil
}
