package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Purge deletes what the store need not keep any longer: deliveries last
// changed before now-handledFor (platforms redeliver for a day or two; 48 h
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
