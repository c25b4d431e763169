package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Purge deletes what the store need not keep any longer: deliveries last
// changed (and intake held) before now-handledFor (platforms redeliver for a day or two; 48 h
// in production) and people not seen since now-retention. It returns how
// many of each it deleted. Both durations must be positive.
func (d *DB) Purge(ctx context.Context, now time.Time, handledFor, retention time.Duration) (deliveries, people int64, err error) {
	if handledFor <= 0 || retention <= 0 {
		return 0, 0, errors.New("purge: handledFor and retention must be positive")
	}
	err = d.Tx(ctx, func(tx *Tx) error {
		var err error
		deliveries, err = tx.exec(ctx, "DELETE FROM deliveries WHERE updated_at < $1", micros(now.Add(-handledFor)))
		if err != nil {
			return fmt.Errorf("purge deliveries: %w", err)
		}
		held, err := tx.exec(ctx, "DELETE FROM intake WHERE received_at < $1", micros(now.Add(-handledFor)))
		if err != nil {
			return fmt.Errorf("purge the intake: %w", err)
		}
		deliveries += held
		people, err = tx.exec(ctx, "DELETE FROM people WHERE last_seen < $1", micros(now.Add(-retention)))
		if err != nil {
			return fmt.Errorf("purge people: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	return deliveries, people, nil
}

// PurgeJourney deletes invites that expired before now-keep, and
// reminders, sent or not, due before now-keep; and the treatments and
// reminders of people no longer stored (purged for retention). It returns
// how many rows it deleted.
func (d *DB) PurgeJourney(ctx context.Context, now time.Time, keep time.Duration) (int64, error) {
	cutoff := micros(now.Add(-keep))
	statements := []string{
		"DELETE FROM invites WHERE expires_at < $1",
		"DELETE FROM reminders WHERE due_at < $1 AND state <> 'claimed'",
	}
	var orphans []string
	for _, table := range journeyTables {
		orphans = append(orphans, "DELETE FROM "+table+" WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.platform = "+
			table+".platform AND p.user_id = "+table+".user_id)")
	}
	var total int64
	err := d.Tx(ctx, func(tx *Tx) error {
		total = 0
		for i, q := range append(statements, orphans...) {
			var args []any
			if i < len(statements) {
				args = []any{cutoff}
			}
			n, err := tx.exec(ctx, q, args...)
			if err != nil {
				return fmt.Errorf("purge: %w", err)
			}
			total += n
		}
		return nil
	})
	return total, err
}
