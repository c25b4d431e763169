package storetest

import (
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/store"
)

func hold(t *testing.T, db *store.DB, h store.Held) bool {
	t.Helper()
	var fresh bool
	inTx(t, db, func(tx *store.Tx) (err error) {
		fresh, err = tx.Hold(t.Context(), h)
		return err
	})
	return fresh
}

func heldIDs(t *testing.T, db *store.DB, p aftercare.Platform, before int) []string {
	t.Helper()
	var ids []string
	inTx(t, db, func(tx *store.Tx) error {
		held, err := tx.HeldBefore(t.Context(), p, at(time.Duration(before)*time.Minute), 100)
		for _, h := range held {
			ids = append(ids, h.DeliveryID)
		}
		return err
	})
	return ids
}

// testIntake holds deliveries, lists those held before a time (oldest
// first, payload intact), holds one twice, drops one, and forgets a person's.
func testIntake(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	for i, id := range []string{"event:B", "event:A", "event:C"} {
		h := store.Held{Platform: aftercare.Slack, DeliveryID: id, UserID: "U1", Payload: []byte(`{"text":"bath? ` + id + `"}`), ReceivedAt: at(time.Duration(i) * time.Minute)}
		if i == 2 {
			h.UserID = "U2"
		}
		if !hold(t, db, h) {
			t.Errorf("Hold(%s) = false for a new delivery", id)
		}
	}
	if hold(t, db, store.Held{Platform: aftercare.Slack, DeliveryID: "event:B", UserID: "U1", Payload: []byte("{}"), ReceivedAt: at(9 * time.Minute)}) {
		t.Error("Hold of a delivery already held = true")
	}
	if got := heldIDs(t, db, aftercare.Slack, 2); len(got) != 2 || got[0] != "event:B" || got[1] != "event:A" {
		t.Errorf("held before 2 min = %v, want event:B then event:A", got)
	}
	if got := heldIDs(t, db, aftercare.Telegram, 10); len(got) != 0 {
		t.Errorf("another platform's held = %v", got)
	}
	inTx(t, db, func(tx *store.Tx) error {
		held, err := tx.HeldBefore(t.Context(), aftercare.Slack, at(time.Minute), 10)
		if len(held) != 1 || string(held[0].Payload) != `{"text":"bath? event:B"}` || !held[0].ReceivedAt.Equal(at(0)) || held[0].UserID != "U1" {
			t.Errorf("HeldBefore = %+v", held)
		}
		if err != nil {
			return err
		}
		return tx.Drop(t.Context(), aftercare.Slack, "event:B")
	})
	if got := heldIDs(t, db, aftercare.Slack, 10); len(got) != 2 {
		t.Errorf("after Drop: %v", got)
	}
	// The journey's purge of people's leftovers keeps the intake: a message
	// held may come from someone not recorded yet.
	if _, err := db.PurgeJourney(t.Context(), at(time.Hour), time.Minute); err != nil {
		t.Fatal(err)
	}
	if got := heldIDs(t, db, aftercare.Slack, 10); len(got) != 2 {
		t.Errorf("after PurgeJourney: %v, want both held kept", got)
	}
	inTx(t, db, func(tx *store.Tx) error {
		_, err := tx.Forget(t.Context(), aftercare.Actor{Platform: aftercare.Slack, UserID: "U1"}, at(0))
		return err
	})
	if got := heldIDs(t, db, aftercare.Slack, 10); len(got) != 1 || got[0] != "event:C" {
		t.Errorf("after forgetting U1: %v, want only U2's event:C", got)
	}
}
