package desk_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/desk"
	"github.com/clinicbot/aftercare/internal/fixture"
	"github.com/clinicbot/aftercare/internal/store"
	"github.com/clinicbot/aftercare/internal/store/storetest"
)

// echo replies with the message's text.
type echo struct{}

func (echo) Answer(_ context.Context, in aftercare.Inbound) aftercare.Outgoing {
	return aftercare.Outgoing{Kind: aftercare.KindAnswer, Text: "re: " + in.Text + in.Choice}
}

// sender records what it sends and fails with the errors queued.
type sender struct {
	mu   sync.Mutex
	sent []string
	errs []error
}

func (s *sender) Send(_ context.Context, to aftercare.Address, msg aftercare.Outgoing) (aftercare.MessageRef, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.errs) > 0 {
		err := s.errs[0]
		s.errs = s.errs[1:]
		if err != nil {
			return aftercare.MessageRef{Address: to}, err
		}
	}
	s.sent = append(s.sent, msg.Text)
	return aftercare.MessageRef{Address: to, ID: fmt.Sprint(len(s.sent))}, nil
}

func (s *sender) count() int { s.mu.Lock(); defer s.mu.Unlock(); return len(s.sent) }

func (s *sender) texts() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.sent...)
}

// recorder counts outcomes.
type recorder struct {
	mu       sync.Mutex
	outcomes map[string]int
}

func (r *recorder) Handled(_, outcome string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.outcomes == nil {
		r.outcomes = map[string]int{}
	}
	r.outcomes[outcome]++
}
func (r *recorder) ReplyLatency(string, time.Duration) {}
func (r *recorder) get(o string) int                   { r.mu.Lock(); defer r.mu.Unlock(); return r.outcomes[o] }

type rig struct {
	url   string
	db    *store.DB
	desk  *desk.Desk
	send  *sender
	rec   *recorder
	clock *fixture.Clock
}

// stores are the databases the desk is tested on: a SQLite file, and
// PostgreSQL when TEST_DATABASE_URL names one.
var stores = map[string]func(testing.TB) string{"sqlite": storetest.SQLiteURL, "postgres": storetest.PostgresURL}

// eachStore runs test on each store.
func eachStore(t *testing.T, test func(t *testing.T, url string)) {
	for name, url := range stores {
		t.Run(name, func(t *testing.T) { test(t, url(t)) })
	}
}

// newRig opens a desk on the database at url (a new SQLite file when url is
// empty; the same database again for a "restart").
func newRig(t *testing.T, url string, c *fixture.Clock) *rig {
	t.Helper()
	if url == "" {
		url = storetest.SQLiteURL(t)
	}
	if c == nil {
		c = fixture.NewClock(time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC))
	}
	r := &rig{url: url, db: storetest.Open(t, url), send: &sender{}, rec: &recorder{}, clock: c}
	d, err := desk.New(desk.Config{Store: r.db, Replier: echo{}, Clock: c, Recorder: r.rec})
	if err != nil {
		t.Fatal(err)
	}
	d.Register(aftercare.Telegram, r.send)
	r.desk = d
	return r
}

var patient = aftercare.Actor{Platform: aftercare.Telegram, UserID: "555"}

func msg(id, text string) aftercare.Inbound {
	return aftercare.Inbound{DeliveryID: id, From: patient, Chat: aftercare.Address{Platform: aftercare.Telegram, Chat: "555"}, Text: text}
}

func TestRedeliveryIsAnsweredOnceEvenAfterARestart(t *testing.T) { eachStore(t, testRedelivery) }

func testRedelivery(t *testing.T, url string) {
	r := newRig(t, url, nil)
	for range 3 {
		if err := r.desk.Handle(t.Context(), msg("update:1", "bath?")); err != nil {
			t.Fatal(err)
		}
	}
	again := newRig(t, r.url, r.clock) // a new process on the same database
	if err := again.desk.Handle(t.Context(), msg("update:1", "bath?")); err != nil {
		t.Fatal(err)
	}
	if r.send.count() != 1 || again.send.count() != 0 {
		t.Errorf("sent %d then %d times; want once in all", r.send.count(), again.send.count())
	}
	if r.rec.get(desk.OutcomeDuplicate) != 2 || again.rec.get(desk.OutcomeDuplicate) != 1 {
		t.Errorf("duplicates %v, %v", r.rec.outcomes, again.rec.outcomes)
	}
}

func TestConcurrentRedeliveriesOneAnswer(t *testing.T) { eachStore(t, testConcurrentRedeliveries) }

func testConcurrentRedeliveries(t *testing.T, url string) {
	r := newRig(t, url, nil)
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() { r.desk.Handle(context.Background(), msg("event:Ev1", "bath?")) })
	}
	wg.Wait()
	if r.send.count() != 1 {
		t.Errorf("sent %d times; want once", r.send.count())
	}
}

// What becomes of a message whose reply fails, and of its redelivery.
func TestSendOutcomes(t *testing.T) {
	tests := []struct {
		name        string
		err         error
		wantErr     error // Is; nil: Handle returns nil
		wantOutcome string
		resent      bool // the redelivery is answered
	}{
		{"retry later: released, answered when delivered again", aftercare.ErrRetryLater, aftercare.ErrRetryLater, desk.OutcomeRetryLater, true},
		{"uncertain: never sent twice", aftercare.ErrUncertain, aftercare.ErrUncertain, desk.OutcomeUncertain, false},
		{"unreachable: finished", aftercare.ErrUnreachable, aftercare.ErrUnreachable, desk.OutcomeUnreachable, false},
		{"bad request: finished", errors.New("400 Bad Request"), nil, desk.OutcomeFailed, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := newRig(t, "", nil)
			r.send.errs = []error{fmt.Errorf("platform says: %w", tc.err)}
			err := r.desk.Handle(t.Context(), msg("update:7", "bath?"))
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Errorf("Handle = %v; want %v", err, tc.wantErr)
			}
			if errors.Is(err, aftercare.ErrRetryLater) != (tc.wantErr == aftercare.ErrRetryLater) {
				t.Errorf("Handle = %v: the adapter would confirm wrongly", err)
			}
			if r.rec.get(tc.wantOutcome) != 1 {
				t.Errorf("outcomes %v; want %s", r.rec.outcomes, tc.wantOutcome)
			}
			r.desk.Handle(t.Context(), msg("update:7", "bath?"))
			if got := r.send.count() == 1; got != tc.resent {
				t.Errorf("redelivery answered: %v; want %v", got, tc.resent)
			}
		})
	}
}

// A process that died between claiming a delivery and building its reply
// did not answer it: the redelivery, once the claim's lease has run out,
// is answered, once.
func TestInterruptedBeforeTheReplyIsAnsweredOnce(t *testing.T) { eachStore(t, testInterrupted) }

func testInterrupted(t *testing.T, url string) {
	r := newRig(t, url, nil)
	err := r.db.Tx(t.Context(), func(tx *store.Tx) error {
		_, err := tx.Claim(t.Context(), aftercare.Telegram, "update:9", r.clock.Now(), desk.DefaultLease)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Within the lease someone is on it: not answered, and not confirmed.
	if err := r.desk.Handle(t.Context(), msg("update:9", "bath?")); !errors.Is(err, aftercare.ErrRetryLater) || r.send.count() != 0 || r.rec.get(desk.OutcomeInProgress) != 1 {
		t.Fatalf("Handle = %v, sent %d, outcomes %v; want it left to its owner and delivered again", err, r.send.count(), r.rec.outcomes)
	}
	r.clock.Add(desk.DefaultLease + time.Second)
	r.desk.Handle(t.Context(), msg("update:9", "bath?"))
	r.desk.Handle(t.Context(), msg("update:9", "bath?"))
	if r.send.count() != 1 || r.rec.get(desk.OutcomeSent) != 1 || r.rec.get(desk.OutcomeDuplicate) != 1 {
		t.Errorf("sent %d, outcomes %v; want answered once, then a duplicate", r.send.count(), r.rec.outcomes)
	}
}

func TestForgetDeletesThePerson(t *testing.T) { eachStore(t, testForget) }

func testForget(t *testing.T, url string) {
	r := newRig(t, url, nil)
	r.desk.Handle(t.Context(), msg("update:1", "bath?"))
	person := func() bool {
		var ok bool
		r.db.Tx(t.Context(), func(tx *store.Tx) (err error) {
			_, ok, err = tx.Person(t.Context(), patient)
			return err
		})
		return ok
	}
	if !person() {
		t.Fatal("the person was not recorded")
	}
	forget := msg("callback:abc", "")
	forget.Choice = aftercare.ChoiceForget
	if err := r.desk.Handle(t.Context(), forget); err != nil {
		t.Fatal(err)
	}
	if person() {
		t.Error("the person is still stored after /forget")
	}
	if r.send.count() != 2 {
		t.Errorf("sent %d; want the answer and the confirmation", r.send.count())
	}
}

func TestStoreDownMeansTryAgainLater(t *testing.T) {
	r := newRig(t, "", nil)
	r.db.Close()
	err := r.desk.Handle(t.Context(), msg("update:1", "bath?"))
	if !errors.Is(err, aftercare.ErrRetryLater) || r.send.count() != 0 || r.rec.get(desk.OutcomeStoreError) != 1 {
		t.Errorf("Handle = %v, sent %d; want nothing sent and a redelivery asked for", err, r.send.count())
	}
}

func TestWithoutDeliveryIDEveryMessageIsAnswered(t *testing.T) {
	r := newRig(t, "", nil)
	for range 2 {
		r.desk.Handle(t.Context(), msg("", "bath?"))
	}
	if r.send.count() != 2 {
		t.Errorf("sent %d; want 2 (the console has no delivery IDs)", r.send.count())
	}
}

func TestUnknownPlatformIsAnError(t *testing.T) {
	r := newRig(t, "", nil)
	in := msg("event:1", "hi")
	in.Chat.Platform = aftercare.Slack
	if err := r.desk.Handle(t.Context(), in); err == nil || r.send.count() != 0 {
		t.Errorf("Handle = %v; want an error and nothing sent", err)
	}
}

func TestPurgeKeepsRecentAndDropsOld(t *testing.T) {
	c := fixture.NewClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	r := newRig(t, "", c)
	r.desk.Handle(t.Context(), msg("update:1", "bath?"))
	c.Add(desk.HandledFor + time.Hour)
	if err := r.desk.Purge(t.Context()); err != nil {
		t.Fatal(err)
	}
	r.desk.Handle(t.Context(), msg("update:1", "bath?")) // its record is gone: answered again
	if r.send.count() != 2 {
		t.Errorf("sent %d; want the ID forgotten after %s", r.send.count(), desk.HandledFor)
	}
	c.Add(desk.DefaultRetention + time.Hour)
	if err := r.desk.Purge(t.Context()); err != nil {
		t.Fatal(err)
	}
	r.db.Tx(t.Context(), func(tx *store.Tx) error {
		if _, ok, _ := tx.Person(t.Context(), patient); ok {
			t.Error("a person not seen for the retention period is still stored")
		}
		return nil
	})
}

// effects counts its calls and says the patient was treated at a fixed
// time.
type effects struct {
	mu    sync.Mutex
	calls int
}

var treatedAt = time.Date(2026, 12, 2, 14, 30, 0, 0, time.UTC)

func (e *effects) Apply(_ context.Context, _ *store.Tx, in aftercare.Inbound, now time.Time) (aftercare.Journey, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.calls++
	return aftercare.Journey{Now: now, Patient: true, Treated: treatedAt}, nil
}

// journeyEcho replies with what the desk told it of the journey.
type journeyEcho struct{}

func (journeyEcho) Answer(_ context.Context, in aftercare.Inbound) aftercare.Outgoing {
	return aftercare.Outgoing{Kind: aftercare.KindNotice, Text: in.Journey.Treated.Format(time.Kitchen) + " " + in.Journey.Now.Format(time.Kitchen)}
}

// Effects run once per delivery, in its claim, and the reply sees what
// they found, with the desk's clock.
func TestEffectsOncePerDelivery(t *testing.T) {
	c := fixture.NewClock(time.Date(2026, 12, 2, 19, 0, 0, 0, time.UTC))
	db := storetest.Open(t, storetest.SQLiteURL(t))
	fx := &effects{}
	d, err := desk.New(desk.Config{Store: db, Replier: journeyEcho{}, Effects: fx, Clock: c})
	if err != nil {
		t.Fatal(err)
	}
	s := &sender{}
	d.Register(aftercare.Telegram, s)
	if d.Sender(aftercare.Telegram) != s || d.Sender(aftercare.Slack) != nil {
		t.Error("Sender() does not return the registered senders")
	}
	for range 3 {
		d.Handle(t.Context(), msg("callback:1", ""))
	}
	forget := msg("callback:2", "")
	forget.Choice = aftercare.ChoiceForget
	d.Handle(t.Context(), forget)
	if fx.calls != 1 || len(s.sent) != 2 || s.sent[0] != "2:30PM 7:00PM" {
		t.Errorf("effects called %d times, sent %q; want once, and the reply to see the journey", fx.calls, s.sent)
	}
}

// handoff takes messages whose text starts with "take", answers the rest,
// and counts what it saw.
type handoff struct {
	mu    sync.Mutex
	seen  []string
	woken int
}

func (h *handoff) Route(_ context.Context, _ *store.Tx, in aftercare.Inbound, out aftercare.Outgoing, _ time.Time) (aftercare.Outgoing, bool, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.seen = append(h.seen, in.Text+"|"+out.Text)
	return out, !strings.HasPrefix(in.Text, "take") && !in.ForTeam(), nil
}

func (h *handoff) Wake() { h.mu.Lock(); defer h.mu.Unlock(); h.woken++ }

// The care team's Handoff sees each message once with its reply; what it
// takes is not sent, and is recorded as taken; staff's work in the care
// channel is not put to the Replier.
func TestHandoffTakesMessages(t *testing.T) {
	db := storetest.Open(t, storetest.SQLiteURL(t))
	h, send, rec := &handoff{}, &sender{}, &recorder{}
	d, err := desk.New(desk.Config{Store: db, Replier: echo{}, Handoff: h, Recorder: rec})
	if err != nil {
		t.Fatal(err)
	}
	d.Register(aftercare.Telegram, send)
	d.Register(aftercare.Slack, send)
	staff := aftercare.Inbound{DeliveryID: "event:E1", From: aftercare.Actor{Platform: aftercare.Slack, UserID: "U1"},
		Chat: aftercare.Address{Platform: aftercare.Slack, Chat: "C1", Thread: "1.0"}, Command: aftercare.CommandStaffReply, Text: "call us"}
	for _, in := range []aftercare.Inbound{msg("u1", "bath?"), msg("u2", "take this"), msg("u2", "take this"), staff} {
		if err := d.Handle(t.Context(), in); err != nil {
			t.Fatal(err)
		}
	}
	if got := strings.Join(h.seen, ","); got != "bath?|re: bath?,take this|re: take this,call us|" {
		t.Errorf("Handoff saw %q", got)
	}
	if send.count() != 1 || rec.get(desk.OutcomeTaken) != 2 || rec.get(desk.OutcomeDuplicate) != 1 || h.woken != 3 {
		t.Errorf("sent %d, taken %d, duplicates %d, woken %d; want 1, 2, 1, 3", send.count(), rec.get(desk.OutcomeTaken), rec.get(desk.OutcomeDuplicate), h.woken)
	}
}

// askedCount is a Replier that counts what it was asked.
type askedCount struct {
	mu    sync.Mutex
	asked int
}

func (c *askedCount) Answer(ctx context.Context, in aftercare.Inbound) aftercare.Outgoing {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.asked++
	return echo{}.Answer(ctx, in)
}

// A Silent message (the person blocked or unblocked the bot) is handled
// once and never answered, with or without a care team (whose Handoff
// sees it, and would send it a reply), with or without a delivery ID.
func TestSilentIsNeverAnswered(t *testing.T) {
	for _, tc := range []struct {
		name     string
		handoff  bool
		delivery string
	}{
		{"care team, Telegram", true, "update:9"},
		{"no care team, Telegram", false, "update:9"},
		{"care team, console", true, ""},
		{"no care team, console", false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := storetest.Open(t, storetest.SQLiteURL(t))
			h, send, rec, replier := &handoff{}, &sender{}, &recorder{}, &askedCount{}
			cfg := desk.Config{Store: db, Replier: replier, Recorder: rec}
			if tc.handoff {
				cfg.Handoff = h
			}
			d, err := desk.New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			d.Register(aftercare.Telegram, send)
			blocked := msg(tc.delivery, "")
			blocked.Command = aftercare.CommandBlocked
			unblocked := msg(tc.delivery+"0", "")
			unblocked.Command = aftercare.CommandUnblocked
			for _, in := range []aftercare.Inbound{blocked, blocked, unblocked} {
				if err := d.Handle(t.Context(), in); err != nil {
					t.Fatal(err)
				}
			}
			handled := 3
			if tc.delivery != "" {
				handled = 2
				if n := rec.get(desk.OutcomeDuplicate); n != 1 {
					t.Errorf("duplicates = %d, want 1", n)
				}
			}
			if send.count() != 0 || replier.asked != 0 || rec.get(desk.OutcomeSilent) != handled {
				t.Errorf("sent %d, Replier asked %d, silent %d; want 0, 0, %d", send.count(), replier.asked, rec.get(desk.OutcomeSilent), handled)
			}
			if tc.handoff && len(h.seen) != handled {
				t.Errorf("Handoff saw %d, want %d", len(h.seen), handled)
			}
		})
	}
}
