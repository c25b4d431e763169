package desk

import (
	"context"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/store"
)

// Chain applies several Effects in turn, in the same transaction. The
// journey it returns is the first one's; the others' are not used. The
// first error stops it.
type Chain []Effects

// Apply applies each Effects in order.
func (c Chain) Apply(ctx context.Context, tx *store.Tx, in aftercare.Inbound, now time.Time) (aftercare.Journey, error) {
	j := aftercare.Journey{Now: now}
	for i, e := range c {
		got, err := e.Apply(ctx, tx, in, now)
		if err != nil {
			return j, err
		}
		if i == 0 {
			j = got
		}
	}
	return j, nil
}
