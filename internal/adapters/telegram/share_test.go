package telegram_test

import (
	"testing"

	"github.com/clinicbot/aftercare/internal/adapters/telegram"
)

// Replicas sending with one token share Telegram's overall limit; each
// chat's limit stays whole.
func TestShareDividesTheOverallLimit(t *testing.T) {
	tests := []struct {
		replicas   int
		wantGlobal float64
		wantBurst  int
	}{
		{0, 28, 2},
		{1, 28, 2},
		{2, 14, 1},
		{4, 7, 1},
		{28, 1, 1},
		{56, 0.5, 1},
	}
	for _, tc := range tests {
		got := telegram.Share(telegram.DefaultLimits, tc.replicas)
		if float64(got.Global) != tc.wantGlobal || got.GlobalBurst != tc.wantBurst {
			t.Errorf("Share(%d) overall = %v/s burst %d; want %v/s burst %d", tc.replicas, got.Global, got.GlobalBurst, tc.wantGlobal, tc.wantBurst)
		}
		if got.PerChat != telegram.DefaultLimits.PerChat || got.PerChatBurst != telegram.DefaultLimits.PerChatBurst {
			t.Errorf("Share(%d) changed the per-chat limit: %+v", tc.replicas, got)
		}
	}
}
