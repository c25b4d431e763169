package storetest

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/store"
)

func enqueue(t *testing.T, db *store.DB, lane, text string, now time.Time) int64 {
	t.Helper()
	var id int64
	inTx(t, db, func(tx *store.Tx) (err error) {
		id, err = tx.Enqueue(t.Context(), store.Post{Lane: lane, To: aftercare.Address{Platform: aftercare.Slack, Chat: "CCARE"},
			Payload: []byte(text)}, now)
		return err
	})
	return id
}

func claimPosts(t *testing.T, db *store.DB, now time.Time) []string {
	t.Helper()
	ps, err := db.ClaimPosts(t.Context(), now, 10)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range ps {
		out = append(out, string(p.Payload))
	}
	return out
}

func settle(t *testing.T, db *store.DB, id int64, state store.PostState, retryAt time.Time) {
	t.Helper()
	inTx(t, db, func(tx *store.Tx) error {
		return tx.SettlePost(t.Context(), id, state, "ts"+string(state), retryAt, state == store.PostPending, at(0))
	})
}

// testOutboxLanes claims the first post of each lane only, holds a lane
// while its first post waits to be retried, and moves on once it is sent.
func testOutboxLanes(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	a1 := enqueue(t, db, "A", "a1", at(0))
	enqueue(t, db, "A", "a2", at(0))
	b1 := enqueue(t, db, "B", "b1", at(0))
	if got := claimPosts(t, db, at(0)); len(got) != 2 || got[0] != "a1" || got[1] != "b1" {
		t.Fatalf("ClaimPosts = %v, want [a1 b1]", got)
	}
	if got := claimPosts(t, db, at(0)); len(got) != 0 {
		t.Errorf("ClaimPosts with the lanes' first posts claimed = %v, want none", got)
	}
	settle(t, db, a1, store.PostPending, at(time.Minute))
	settle(t, db, b1, store.PostSent, time.Time{})
	if got := claimPosts(t, db, at(30*time.Second)); len(got) != 0 {
		t.Errorf("ClaimPosts before a1's retry = %v, want none (a2 waits for a1)", got)
	}
	ps, err := db.ClaimPosts(t.Context(), at(time.Minute), 10)
	if err != nil || len(ps) != 1 || string(ps[0].Payload) != "a1" || ps[0].Attempts != 1 || !ps[0].Lookup || ps[0].Key == "" {
		t.Fatalf("ClaimPosts at a1's retry = %+v, %v; want a1 again, one attempt, to look up", ps, err)
	}
	settle(t, db, a1, store.PostSent, time.Time{})
	if got := claimPosts(t, db, at(time.Minute)); len(got) != 1 || got[0] != "a2" {
		t.Errorf("ClaimPosts after a1 was sent = %v, want [a2]", got)
	}
	if old, ok, err := db.OldestPending(t.Context()); err != nil || !ok || !old.Equal(at(0)) {
		t.Errorf("OldestPending = %v, %v, %v; want %v", old, ok, err, at(0))
	}
	var (
		p     store.Post
		state store.PostState
	)
	inTx(t, db, func(tx *store.Tx) (err error) { p, state, err = tx.PostByID(t.Context(), b1); return err })
	if state != store.PostSent || p.Ref != "tssent" {
		t.Errorf("PostByID(b1) = %+v, %s; want sent with its ref", p, state)
	}
}

// testOutboxClaimTogether claims from two handles at once: each post once.
func testOutboxClaimTogether(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	const lanes = 30
	for i := range lanes {
		enqueue(t, db, string(rune('a'+i%26))+string(rune('0'+i/26)), "p", at(0))
	}
	dbs := []*store.DB{db, open(t)}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		seen  = map[int64]int{}
		errs  []error
		start = make(chan struct{})
	)
	for w := range 4 {
		wg.Go(func() {
			<-start
			for range 10 {
				ps, err := dbs[w%2].ClaimPosts(t.Context(), at(0), 3)
				mu.Lock()
				errs = append(errs, err)
				for _, p := range ps {
					seen[p.ID]++
				}
				mu.Unlock()
			}
		})
	}
	close(start)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("post %d claimed %d times", id, n)
		}
	}
	if len(seen) != lanes {
		t.Errorf("%d posts claimed, want %d", len(seen), lanes)
	}
}

// testOutboxAbandon puts a post claimed by a sender that died back, to be
// looked up.
func testOutboxAbandon(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	enqueue(t, db, "A", "a1", at(0))
	claimPosts(t, db, at(0))
	if n, err := db.AbandonPosts(t.Context(), at(30*time.Second), time.Minute); err != nil || n != 0 {
		t.Errorf("AbandonPosts within the lease = %d, %v; want 0", n, err)
	}
	if n, err := db.AbandonPosts(t.Context(), at(2*time.Minute), time.Minute); err != nil || n != 1 {
		t.Errorf("AbandonPosts after the lease = %d, %v; want 1", n, err)
	}
	ps, err := db.ClaimPosts(t.Context(), at(2*time.Minute), 10)
	if err != nil || len(ps) != 1 || !ps[0].Lookup {
		t.Errorf("ClaimPosts after abandoning = %+v, %v; want a1, to look up", ps, err)
	}
}

// testForgetCases forgets a patient with a case: the case, its texts and
// the patient's unsent posts go; the Slack posts sent with their text are
// queued for deletion; the rest stays.
func testForgetCases(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	ctx := t.Context()
	c, _ := openCase(t, db, newCase(patient1), at(0))
	other, _ := openCase(t, db, newCase(aftercare.Actor{Platform: aftercare.Telegram, UserID: "43"}), at(0))
	var sent int64
	inTx(t, db, func(tx *store.Tx) (err error) {
		if err := tx.AddCaseText(ctx, c.ID, store.AuthorPatient, "my lips", at(0)); err != nil {
			return err
		}
		to := aftercare.Address{Platform: aftercare.Slack, Chat: "CCARE"}
		if sent, err = tx.Enqueue(ctx, store.Post{Lane: "case:1", To: to, Patient: patient1, Payload: []byte("root"), Root: true, CaseID: c.ID}, at(0)); err != nil {
			return err
		}
		_, err = tx.Enqueue(ctx, store.Post{Lane: "case:1", To: to, Patient: patient1, Payload: []byte("follow-up"), CaseID: c.ID}, at(0))
		return err
	})
	claimPosts(t, db, at(0))
	settle(t, db, sent, store.PostSent, time.Time{})
	inTx(t, db, func(tx *store.Tx) error {
		forgot, err := tx.Forget(ctx, patient1, at(time.Minute))
		if err == nil && !forgot {
			t.Error("Forget = false for a patient with a case")
		}
		return err
	})
	inTx(t, db, func(tx *store.Tx) error {
		if _, ok, err := tx.CaseByID(ctx, c.ID); err != nil || ok {
			t.Errorf("CaseByID after Forget: found %v, %v; want gone", ok, err)
		}
		if texts, err := tx.CaseTexts(ctx, c.ID); err != nil || len(texts) != 0 {
			t.Errorf("CaseTexts after Forget = %v, %v; want none", texts, err)
		}
		if _, ok, err := tx.CaseByID(ctx, other.ID); err != nil || !ok {
			t.Errorf("another patient's case after Forget: found %v, %v", ok, err)
		}
		return nil
	})
	ps, err := db.ClaimPosts(ctx, at(time.Minute), 10)
	if err != nil || len(ps) != 1 || ps[0].Kind != store.PostDelete || ps[0].Ref != "tssent" || ps[0].To.Chat != "CCARE" || !ps[0].Patient.IsZero() {
		t.Errorf("ClaimPosts after Forget = %+v, %v; want one deletion of the sent root", ps, err)
	}
}

// testPurgeCases deletes cases closed before the cutoff with their texts,
// and finished posts.
func testPurgeCases(t *testing.T, open func(*testing.T) *store.DB) {
	db := open(t)
	old, _ := openCase(t, db, newCase(patient1), at(0))
	inTx(t, db, func(tx *store.Tx) error { return tx.AddCaseText(t.Context(), old.ID, store.AuthorPatient, "x", at(0)) })
	closeCase(t, db, old.ID, "U1", at(time.Hour), true)
	recent, _ := openCase(t, db, newCase(aftercare.Actor{Platform: aftercare.Telegram, UserID: "43"}), at(0))
	id := enqueue(t, db, "A", "a1", at(0))
	claimPosts(t, db, at(0))
	settle(t, db, id, store.PostSent, time.Time{})
	enqueue(t, db, "B", "pending", at(0))
	n, err := db.PurgeCases(t.Context(), at(30*24*time.Hour), 7*24*time.Hour)
	if err != nil || n != 3 {
		t.Errorf("PurgeCases = %d, %v; want 3 (a case, its text, a sent post)", n, err)
	}
	inTx(t, db, func(tx *store.Tx) error {
		if _, ok, _ := tx.CaseByID(t.Context(), recent.ID); !ok {
			t.Error("an open case was purged")
		}
		return nil
	})
	if got := claimPosts(t, db, at(30*24*time.Hour)); len(got) != 1 || got[0] != "pending" {
		t.Errorf("ClaimPosts after PurgeCases = %v, want the pending post", got)
	}
}
