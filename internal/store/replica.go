package store

import (
	"context"
	"fmt"
	"time"
)

// Beat records that the replica id is alive until until: its claims and
// leases are its own until then. A replica beats every few seconds while
// it runs (see desk.Desk.RunHeartbeat); once its row has lapsed, another
// replica may take over what it held.
func (d *DB) Beat(ctx context.Context, id string, now, until time.Time) error {
	return d.Tx(ctx, func(tx *Tx) error {
		const upsert = `INSERT INTO replicas (id, started_at, alive_until) VALUES ($1, $2, $3)
ON CONFLICT (id) DO UPDATE SET alive_until = excluded.alive_until`
		if _, err := tx.exec(ctx, upsert, id, micros(now), micros(until)); err != nil {
			return fmt.Errorf("record replica %s alive: %w", id, err)
		}
		return nil
	})
}

// Leave removes the replica id, with the leases it holds, and releases the
// claims it did not finish, so that others take them over at once rather
// than when its row would have lapsed. A replica leaves when it stops.
func (d *DB) Leave(ctx context.Context, id string) error {
	return d.Tx(ctx, func(tx *Tx) error {
		for _, q := range []string{
			"DELETE FROM leases WHERE holder = $1",
			"UPDATE deliveries SET owner = NULL, claimed_at = NULL WHERE owner = $1 AND state = 'claimed'",
			"DELETE FROM replicas WHERE id = $1",
		} {
			if _, err := tx.exec(ctx, q, id); err != nil {
				return fmt.Errorf("replica %s leaving: %w", id, err)
			}
		}
		return nil
	})
}

// PurgeReplicas deletes the rows of replicas that lapsed before cutoff,
// leases that expired before it (left by a replica that died), and
// markers (Once) older than MarkersKept before it, and returns how many
// rows it deleted.
func (d *DB) PurgeReplicas(ctx context.Context, cutoff time.Time) (int64, error) {
	var n int64
	err := d.Tx(ctx, func(tx *Tx) error {
		for q, at := range map[string]time.Time{
			"DELETE FROM replicas WHERE alive_until < $1": cutoff,
			"DELETE FROM leases WHERE expires_at < $1":    cutoff,
			"DELETE FROM markers WHERE done_at < $1":      cutoff.Add(-MarkersKept),
		} {
			m, err := tx.exec(ctx, q, micros(at))
			if err != nil {
				return fmt.Errorf("purge replicas: %w", err)
			}
			n += m
		}
		return nil
	})
	return n, err
}

// TakeLease takes the lease name for holder (a replica) until until,
// or renews it, and reports whether holder now has it: it has when
// nobody held it, holder did, the lease expired, or its holder's replica
// is no longer alive at now.
func (tx *Tx) TakeLease(ctx context.Context, name, holder string, now, until time.Time) (bool, error) {
	upsert := `INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3)
ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
WHERE leases.holder = excluded.holder OR leases.expires_at < $4 OR NOT ` + alive("leases.holder", 4)
	n, err := tx.exec(ctx, upsert, name, holder, micros(until), micros(now))
	if err != nil {
		return false, fmt.Errorf("take lease %s: %w", name, err)
	}
	return n == 1, nil
}

// DropLease gives up holder's lease name; it does nothing when another
// holds it.
func (tx *Tx) DropLease(ctx context.Context, name, holder string) error {
	if _, err := tx.exec(ctx, "DELETE FROM leases WHERE name = $1 AND holder = $2", name, holder); err != nil {
		return fmt.Errorf("drop lease %s: %w", name, err)
	}
	return nil
}

// TakeLease is Tx.TakeLease in a transaction of its own.
func (d *DB) TakeLease(ctx context.Context, name, holder string, now, until time.Time) (bool, error) {
	var ok bool
	err := d.Tx(ctx, func(tx *Tx) (err error) {
		ok, err = tx.TakeLease(ctx, name, holder, now, until)
		return err
	})
	return ok, err
}

// DropLease is Tx.DropLease in a transaction of its own.
func (d *DB) DropLease(ctx context.Context, name, holder string) error {
	return d.Tx(ctx, func(tx *Tx) error { return tx.DropLease(ctx, name, holder) })
}

// Once records that the thing name is done, at now, and reports whether
// this call did: of many replicas calling it for one name, exactly one
// gets true, when its transaction commits. Markers are purged after
// MarkersKept.
func (tx *Tx) Once(ctx context.Context, name string, now time.Time) (bool, error) {
	n, err := tx.exec(ctx, "INSERT INTO markers (name, done_at) VALUES ($1, $2) ON CONFLICT DO NOTHING", name, micros(now))
	if err != nil {
		return false, fmt.Errorf("mark %s done: %w", name, err)
	}
	return n == 1, nil
}

// MarkersKept is how long Once remembers a name.
const MarkersKept = 30 * 24 * time.Hour
