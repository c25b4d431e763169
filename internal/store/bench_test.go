package store_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/store"
	"github.com/clinicbot/aftercare/internal/store/storetest"
)

// recordInbound is what the bot does with each delivery: claim it, record
// and load the person, finish it, in one transaction.
func recordInbound(ctx context.Context, db *store.DB, n int64, now time.Time) error {
	return db.Tx(ctx, func(tx *store.Tx) error {
		id := "update:" + strconv.FormatInt(n, 10)
		c, err := tx.Claim(ctx, aftercare.Telegram, id, now, time.Minute)
		if err != nil {
			return err
		}
		if c != store.ClaimNew {
			return fmt.Errorf("Claim(%s) = %v, want new", id, c)
		}
		actor := aftercare.Actor{Platform: aftercare.Telegram, UserID: strconv.FormatInt(n%1000, 10)}
		if _, err := tx.SeePerson(ctx, actor, now); err != nil {
			return err
		}
		return tx.Finish(ctx, aftercare.Telegram, id, now, "sent")
	})
}

// BenchmarkInbound records inbound deliveries one after another, reporting
// the 99th percentile of their durations.
func BenchmarkInbound(b *testing.B) {
	for _, d := range dialects {
		b.Run(d.name, func(b *testing.B) {
			db := storetest.Open(b, d.url(b))
			now := time.Now()
			var n int64
			var took []time.Duration
			for b.Loop() {
				n++
				start := time.Now()
				if err := recordInbound(b.Context(), db, n, now); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(start))
			}
			reportP99(b, took)
		})
	}
}

// BenchmarkInboundParallel records inbound deliveries from 8 goroutines a
// CPU, as handlers on several chats would.
func BenchmarkInboundParallel(b *testing.B) {
	for _, d := range dialects {
		b.Run(d.name, func(b *testing.B) {
			db := storetest.Open(b, d.url(b))
			now := time.Now()
			var (
				n    atomic.Int64
				mu   sync.Mutex
				took []time.Duration
			)
			b.SetParallelism(8)
			b.RunParallel(func(pb *testing.PB) {
				var mine []time.Duration
				for pb.Next() {
					start := time.Now()
					if err := recordInbound(b.Context(), db, n.Add(1), now); err != nil {
						b.Error(err)
						return
					}
					mine = append(mine, time.Since(start))
				}
				mu.Lock()
				defer mu.Unlock()
				took = append(took, mine...)
			})
			reportP99(b, took)
		})
	}
}

// reportP99 reports the 99th percentile of took in microseconds.
func reportP99(b *testing.B, took []time.Duration) {
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	p99 := took[(len(took)*99+99)/100-1]
	b.ReportMetric(float64(p99.Microseconds()), "p99-µs")
}
