package desk_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/desk"
	"github.com/clinicbot/aftercare/internal/fixture"
	"github.com/clinicbot/aftercare/internal/store"
	"github.com/clinicbot/aftercare/internal/store/storetest"
)

// treated is the treatment time the counting Effects finds.
var treated = time.Date(2026, 12, 1, 14, 30, 0, 0, time.UTC)

// counting is an Effects that counts its applications and finds a
// treatment time.
type counting struct {
	mu      sync.Mutex
	applied int
}

func (c *counting) Apply(context.Context, *store.Tx, aftercare.Inbound, time.Time) (aftercare.Journey, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.applied++
	return aftercare.Journey{Patient: true, Treated: treated}, nil
}

func (c *counting) count() int { c.mu.Lock(); defer c.mu.Unlock(); return c.applied }

// telling replies with the treatment time the desk gave it.
type telling struct{}

func (telling) Answer(_ context.Context, in aftercare.Inbound) aftercare.Outgoing {
	return aftercare.Outgoing{Kind: aftercare.KindAnswer, Text: in.Text + " treated " + in.Journey.Treated.Format("15:04")}
}

// blocking is a Sender that holds every send until its context ends, as a
// process killed mid-send would: the reply may or may not have arrived.
type blocking struct{ started chan struct{} }

func (b blocking) Send(ctx context.Context, to aftercare.Address, _ aftercare.Outgoing) (aftercare.MessageRef, error) {
	close(b.started)
	<-ctx.Done()
	return aftercare.MessageRef{}, aftercare.ErrRetryLater
}

// replica is one desk of several on one store, under its own name.
type replica struct {
	desk    *desk.Desk
	send    *sender
	effects *counting
	rec     *recorder
}

func newReplica(t *testing.T, db *store.DB, clock *fixture.Clock, name string, effects *counting) *replica {
	t.Helper()
	r := &replica{send: &sender{}, effects: effects, rec: &recorder{}}
	d, err := desk.New(desk.Config{Store: db, Replier: telling{}, Clock: clock, Recorder: r.rec, Effects: effects, Replica: name})
	if err != nil {
		t.Fatal(err)
	}
	d.Register(aftercare.Telegram, r.send)
	r.desk = d
	return r
}

func beat(t *testing.T, db *store.DB, name string, now time.Time, ttl time.Duration) {
	t.Helper()
	if err := db.Beat(t.Context(), name, now, now.Add(ttl)); err != nil {
		t.Fatal(err)
	}
}

// A replica killed after building and routing its reply, while sending
// it: its delivery is busy while it lives, and once its beat has lapsed the
// redelivery at another replica sends the reply it had built (a duplicate
// if the first send had landed, never a loss), without applying the
// message's effects again.
func TestAReplicaDiesMidSendAnotherSendsItsReply(t *testing.T) { eachStore(t, testDiesMidSend) }

func testDiesMidSend(t *testing.T, url string) {
	db := storetest.Open(t, url)
	clock := fixture.NewClock(time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC))
	effects := &counting{}
	a, b := newReplica(t, db, clock, "a", effects), newReplica(t, db, clock, "b", effects)
	stuck := blocking{started: make(chan struct{})}
	a.desk.Register(aftercare.Telegram, stuck)
	beat(t, db, "a", clock.Now(), 15*time.Second)
	beat(t, db, "b", clock.Now(), time.Hour)

	ctx, kill := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- a.desk.Handle(ctx, msg("update:1", "bath?")) }()
	<-stuck.started

	if err := b.desk.Handle(t.Context(), msg("update:1", "bath?")); !errors.Is(err, aftercare.ErrRetryLater) || b.send.count() != 0 {
		t.Fatalf("redelivery to b while a lives: Handle = %v, sent %d; want it left to a", err, b.send.count())
	}
	clock.Add(16 * time.Second) // a's beat lapses: a is gone
	if err := b.desk.Handle(t.Context(), msg("update:1", "bath?")); err != nil {
		t.Fatalf("redelivery to b once a is gone: %v", err)
	}
	if got := b.send.texts(); len(got) != 1 || got[0] != "bath? treated 14:30" {
		t.Errorf("b sent %q; want a's reply, built with the journey a's claim found", got)
	}
	if b.rec.get(desk.OutcomeResumed) != 1 || effects.count() != 1 {
		t.Errorf("outcomes %v, effects applied %d times; want resumed, effects once", b.rec.outcomes, effects.count())
	}
	kill()
	<-done
	if err := b.desk.Handle(t.Context(), msg("update:1", "bath?")); err != nil || b.send.count() != 1 {
		t.Errorf("a further redelivery: %v, sent %d; want a duplicate", err, b.send.count())
	}
}

// One person's messages are handled one at a time across replicas: while
// one replica handles a message of theirs, another waits, and asks the
// platform for a redelivery if it waits too long; the person's lease of a
// replica that is gone is taken at once.
func TestOnePersonOneReplicaAtATime(t *testing.T) { eachStore(t, testOnePerson) }

func testOnePerson(t *testing.T, url string) {
	defer desk.SetPersonWait(300 * time.Millisecond)()
	db := storetest.Open(t, url)
	clock := fixture.NewClock(time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC))
	effects := &counting{}
	a, b := newReplica(t, db, clock, "a", effects), newReplica(t, db, clock, "b", effects)
	beat(t, db, "a", clock.Now(), 15*time.Second)
	beat(t, db, "b", clock.Now(), time.Hour)
	stuck := blocking{started: make(chan struct{})}
	a.desk.Register(aftercare.Telegram, stuck)
	ctx, kill := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- a.desk.Handle(ctx, msg("update:1", "first")) }()
	<-stuck.started

	start := time.Now()
	err := b.desk.Handle(t.Context(), msg("update:2", "second"))
	if !errors.Is(err, aftercare.ErrRetryLater) || b.send.count() != 0 || effects.count() != 1 {
		t.Fatalf("b with a on the same person: Handle = %v, sent %d, effects %d; want a redelivery asked for, nothing done", err, b.send.count(), effects.count())
	}
	if waited := time.Since(start); waited < 250*time.Millisecond {
		t.Errorf("b gave up after %v; want it to wait for the person's lease", waited)
	}
	// Another person is not held up.
	other := msg("update:3", "other")
	other.From.UserID, other.Chat.Chat = "777", "777"
	if err := b.desk.Handle(t.Context(), other); err != nil || b.send.count() != 1 {
		t.Fatalf("another person's message: %v, sent %d", err, b.send.count())
	}
	// a is killed: its beat lapses, and the person's messages go on at b,
	// in order: the first one's reply, then the second.
	kill()
	<-done
	clock.Add(16 * time.Second)
	if err := b.desk.Handle(t.Context(), msg("update:2", "second")); err != nil {
		t.Fatal(err)
	}
	if err := b.desk.Handle(t.Context(), msg("update:1", "first")); err != nil {
		t.Fatal(err)
	}
	if got := b.send.texts(); len(got) != 3 || got[1] != "second treated 14:30" || got[2] != "first treated 14:30" {
		t.Errorf("b sent %q", got)
	}
	if effects.count() != 3 {
		t.Errorf("effects applied %d times; want once for each of the 3 messages", effects.count())
	}
}

// A reply the platform refused for now is not rebuilt when the message is
// delivered again: the message's effects (an invite redeemed, a question
// recorded) are applied once.
func TestRetryLaterAppliesEffectsOnce(t *testing.T) { eachStore(t, testRetryLaterOnce) }

func testRetryLaterOnce(t *testing.T, url string) {
	db := storetest.Open(t, url)
	clock := fixture.NewClock(time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC))
	effects := &counting{}
	a := newReplica(t, db, clock, "a", effects)
	a.send.errs = []error{aftercare.ErrRetryLater}
	if err := a.desk.Handle(t.Context(), msg("update:1", "bath?")); !errors.Is(err, aftercare.ErrRetryLater) {
		t.Fatalf("Handle = %v; want a redelivery asked for", err)
	}
	if err := a.desk.Handle(t.Context(), msg("update:1", "bath?")); err != nil {
		t.Fatal(err)
	}
	if a.send.count() != 1 || effects.count() != 1 {
		t.Errorf("sent %d, effects applied %d; want 1 and 1", a.send.count(), effects.count())
	}
}
