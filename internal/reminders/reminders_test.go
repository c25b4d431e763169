package reminders_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/fixture"
	"github.com/clinicbot/aftercare/internal/reminders"
	"github.com/clinicbot/aftercare/internal/store"
	"github.com/clinicbot/aftercare/internal/store/storetest"
	"github.com/clinicbot/aftercare/internal/treatment"
)

// sender records what it sends, failing with err when set.
type sender struct {
	mu   sync.Mutex
	sent []string // "chat day N"
	err  error
}

func (s *sender) Send(_ context.Context, to aftercare.Address, msg aftercare.Outgoing) (aftercare.MessageRef, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return aftercare.MessageRef{}, s.err
	}
	s.sent = append(s.sent, to.Chat+" "+msg.Text)
	return aftercare.MessageRef{Address: to, ID: fmt.Sprint(len(s.sent))}, nil
}

func (s *sender) count() int { s.mu.Lock(); defer s.mu.Unlock(); return len(s.sent) }

func (s *sender) Sender(aftercare.Platform) aftercare.Sender { return s }

type texts struct{}

func (texts) Reminder(day int) aftercare.Outgoing {
	return aftercare.Outgoing{Kind: aftercare.KindReminder, Text: fmt.Sprintf("day %d", day)}
}

var london, _ = time.LoadLocation("Europe/London")

// treated is Monday 30 November 2026, 14:30 in London: reminders at 20:00
// that day, then 09:00 and 20:00 until Sunday 6 December: 13 in all.
var treated = time.Date(2026, 11, 30, 14, 30, 0, 0, london)

const allReminders = 13

func patient(n int) (aftercare.Actor, aftercare.Address) {
	id := fmt.Sprint(1000 + n)
	return aftercare.Actor{Platform: aftercare.Telegram, UserID: id}, aftercare.Address{Platform: aftercare.Telegram, Chat: id}
}

// optIn records a patient treated at treated who said yes to reminders,
// as the desk would.
func optIn(t *testing.T, db *store.DB, n int, now time.Time) {
	t.Helper()
	who, chat := patient(n)
	fx := treatment.New(treatment.Config{Location: london})
	err := db.Tx(t.Context(), func(tx *store.Tx) error {
		if _, err := tx.SeePerson(t.Context(), who, now); err != nil {
			return err
		}
		in := aftercare.Inbound{From: who, Chat: chat, Choice: aftercare.ChoiceTreated(treated)}
		if _, err := fx.Apply(t.Context(), tx, in, now); err != nil {
			return err
		}
		in.Choice = aftercare.ChoiceRemindersOn
		j, err := fx.Apply(t.Context(), tx, in, now)
		if err == nil && !j.Reminders {
			t.Errorf("Apply(reminders on) = %+v, want reminders on", j)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func newScheduler(t *testing.T, db *store.DB, s *sender, c *fixture.Clock) *reminders.Scheduler {
	t.Helper()
	sch, err := reminders.New(reminders.Config{Store: db, Senders: s, Texts: texts{}, Clock: c})
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

var stores = map[string]func(testing.TB) string{"sqlite": storetest.SQLiteURL, "postgres": storetest.PostgresURL}

func eachStore(t *testing.T, test func(t *testing.T, url string)) {
	for name, url := range stores {
		t.Run(name, func(t *testing.T) { test(t, url(t)) })
	}
}

// tickThrough runs the scheduler every 10 minutes from the clock's time
// until end.
func tickThrough(t *testing.T, sch *reminders.Scheduler, c *fixture.Clock, end time.Time) {
	t.Helper()
	for ; !c.Now().After(end); c.Add(10 * time.Minute) {
		if _, err := sch.Tick(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
}

func TestTheWeekOfReminders(t *testing.T) { eachStore(t, testWeek) }

func testWeek(t *testing.T, url string) {
	db := storetest.Open(t, url)
	c := fixture.NewClock(treated.Add(time.Hour))
	optIn(t, db, 1, c.Now())
	s := &sender{}
	tickThrough(t, newScheduler(t, db, s, c), c, treated.AddDate(0, 0, 8))
	if s.count() != allReminders {
		t.Fatalf("sent %d reminders, want %d: %v", s.count(), allReminders, s.sent)
	}
	if s.sent[0] != "1001 day 1" || s.sent[1] != "1001 day 2" || s.sent[12] != "1001 day 7" {
		t.Errorf("sent %v, want day 1 at 20:00, then twice a day to day 7", s.sent)
	}
}

// Missed by more than the grace (the bot was down overnight): skipped,
// not sent hours late.
func TestMissedRemindersAreSkipped(t *testing.T) {
	db := storetest.Open(t, storetest.SQLiteURL(t))
	c := fixture.NewClock(treated.Add(time.Hour))
	optIn(t, db, 1, c.Now())
	s := &sender{}
	c.Set(time.Date(2026, 12, 1, 10, 0, 0, 0, london)) // 20:00 missed by 14 h, 09:00 by 1 h
	n, err := newScheduler(t, db, s, c).Tick(t.Context())
	if err != nil || n != 1 || s.sent[0] != "1001 day 2" {
		t.Errorf("Tick = %d, %v, sent %v; want only this morning's", n, err, s.sent)
	}
}

// A process that died with a reminder claimed: after a restart, once the
// claim's lease has run out, a reminder whose sending had not begun is
// sent, and one whose sending had begun may have been sent: it is
// uncertain and not sent again.
func TestRestartBetweenClaimAndSend(t *testing.T) {
	for _, begun := range []bool{false, true} {
		t.Run(fmt.Sprintf("begun=%v", begun), func(t *testing.T) {
			eachStore(t, func(t *testing.T, url string) { testRestart(t, url, begun) })
		})
	}
}

func testRestart(t *testing.T, url string, begun bool) {
	db := storetest.Open(t, url)
	c := fixture.NewClock(time.Date(2026, 11, 30, 20, 0, 0, 0, london))
	optIn(t, db, 1, treated)
	claimed, _, err := db.ClaimReminders(t.Context(), c.Now(), reminders.DefaultGrace, 10)
	if err != nil || len(claimed) != 1 {
		t.Fatalf("ClaimReminders = %v, %v", claimed, err)
	}
	if begun {
		if ok, err := db.SendingReminder(t.Context(), claimed[0], c.Now()); !ok || err != nil {
			t.Fatal(ok, err)
		}
	}
	// The process dies here. A new one starts on the same database.
	again := storetest.Open(t, url)
	s := &sender{}
	sch := newScheduler(t, again, s, c)
	c.Add(time.Minute)
	if n, _ := sch.Tick(t.Context()); n != 0 {
		t.Errorf("Tick within the lease sent %d; want the claim left to its owner", n)
	}
	c.Add(reminders.DefaultLease)
	sch.Tick(t.Context())
	_, states, _ := again.Reminders(t.Context(), claimed[0].Actor)
	want, wantSent := store.ReminderSent, 1
	if begun {
		want, wantSent = store.ReminderUncertain, 0
	}
	if s.count() != wantSent || states[0] != want {
		t.Errorf("after the lease: sent %v, first reminder %s; want %d sent and it %s", s.sent, states[0], wantSent, want)
	}
}

// Two schedulers (two replicas) on one database: each reminder is sent
// once.
func TestTwoSchedulersSendEachOnce(t *testing.T) { eachStore(t, testTwoSchedulers) }

func testTwoSchedulers(t *testing.T, url string) {
	const people = 15
	db := storetest.Open(t, url)
	for n := range people {
		optIn(t, db, n, treated)
	}
	c := fixture.NewClock(time.Date(2026, 12, 2, 9, 0, 0, 0, london)) // day 3: 3 missed, 1 due each
	s := &sender{}
	var wg sync.WaitGroup
	for range 2 {
		sch := newScheduler(t, storetest.Open(t, url), s, c)
		wg.Go(func() {
			for range 5 {
				if _, err := sch.Tick(context.Background()); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	seen := map[string]int{}
	for _, m := range s.sent {
		seen[m]++
	}
	if s.count() != people || len(seen) != people {
		t.Errorf("sent %d reminders to %d people, want one each to %d", s.count(), len(seen), people)
	}
}

// A patient who blocked the bot (403) gets no more reminders.
func TestBlockedStopsReminders(t *testing.T) {
	db := storetest.Open(t, storetest.SQLiteURL(t))
	c := fixture.NewClock(time.Date(2026, 11, 30, 20, 0, 0, 0, london))
	optIn(t, db, 1, treated)
	s := &sender{err: fmt.Errorf("telegram: 403 Forbidden: bot was blocked by the user: %w", aftercare.ErrUnreachable)}
	sch := newScheduler(t, db, s, c)
	sch.Tick(t.Context())
	s.err = nil // unblocked later: still nothing until they opt in again
	tickThrough(t, sch, c, treated.AddDate(0, 0, 8))
	if s.count() != 0 {
		t.Errorf("sent %v after a 403; want nothing", s.sent)
	}
}

// Stop (the button or /stop) and /forget: nothing more is sent.
func TestStopAndForget(t *testing.T) {
	for _, how := range []string{"stop", "forget"} {
		t.Run(how, func(t *testing.T) {
			db := storetest.Open(t, storetest.SQLiteURL(t))
			c := fixture.NewClock(time.Date(2026, 11, 30, 20, 0, 0, 0, london))
			optIn(t, db, 1, treated)
			s := &sender{}
			sch := newScheduler(t, db, s, c)
			sch.Tick(t.Context())
			who, chat := patient(1)
			err := db.Tx(t.Context(), func(tx *store.Tx) error {
				if how == "forget" {
					_, err := tx.Forget(t.Context(), who, time.Now())
					return err
				}
				_, err := treatment.New(treatment.Config{Location: london}).Apply(t.Context(), tx,
					aftercare.Inbound{From: who, Chat: chat, Choice: aftercare.ChoiceRemindersOff}, c.Now())
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			tickThrough(t, sch, c, treated.AddDate(0, 0, 8))
			if s.count() != 1 {
				t.Errorf("sent %v; want only the first, before %s", s.sent, how)
			}
		})
	}
}

// A platform refusing for now: the reminder is sent at the next tick.
func TestRetryLater(t *testing.T) {
	db := storetest.Open(t, storetest.SQLiteURL(t))
	c := fixture.NewClock(time.Date(2026, 11, 30, 20, 0, 0, 0, london))
	optIn(t, db, 1, treated)
	s := &sender{err: fmt.Errorf("429: %w", aftercare.ErrRetryLater)}
	sch := newScheduler(t, db, s, c)
	if n, err := sch.Tick(t.Context()); n != 0 || err != nil {
		t.Fatalf("Tick = %d, %v", n, err)
	}
	s.err = nil
	c.Add(time.Minute)
	if n, _ := sch.Tick(t.Context()); n != 1 {
		t.Errorf("Tick after the refusal sent %d, want 1", n)
	}
}

// gate is a Sender that holds each send until several are under way at
// once (or a moment has passed), and records the most at once.
type gate struct {
	sender
	mu       sync.Mutex
	inFlight int
	most     int
}

func (g *gate) Send(ctx context.Context, to aftercare.Address, msg aftercare.Outgoing) (aftercare.MessageRef, error) {
	g.mu.Lock()
	g.inFlight++
	g.most = max(g.most, g.inFlight)
	g.mu.Unlock()
	deadline := time.Now().Add(200 * time.Millisecond)
	for time.Now().Before(deadline) {
		g.mu.Lock()
		enough := g.most >= 4
		g.mu.Unlock()
		if enough {
			break
		}
		time.Sleep(time.Millisecond)
	}
	defer func() { g.mu.Lock(); g.inFlight--; g.mu.Unlock() }()
	return g.sender.Send(ctx, to, msg)
}

func (g *gate) Sender(aftercare.Platform) aftercare.Sender { return g }

// Due reminders of different patients are sent several at once (a send
// waits on the platform's rate limit, and the store's writes around it
// would otherwise keep the scheduler under the limit), each once.
func TestRemindersOfDifferentChatsGoTogether(t *testing.T) {
	db := storetest.Open(t, storetest.SQLiteURL(t))
	c := fixture.NewClock(time.Date(2026, 11, 30, 20, 0, 0, 0, london))
	for i := range 12 {
		optIn(t, db, 2000+i, treated)
	}
	g := &gate{}
	sch, err := reminders.New(reminders.Config{Store: db, Senders: g, Texts: texts{}, Clock: c})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := sch.Tick(t.Context()); n != 12 || err != nil {
		t.Fatalf("Tick = %d, %v; want the 12 due", n, err)
	}
	if g.most < 4 || g.most > 8 {
		t.Errorf("at most %d sends at once; want several, and no more than 8", g.most)
	}
	seen := map[string]bool{}
	for _, s := range g.sent {
		if seen[s] {
			t.Errorf("%q sent twice", s)
		}
		seen[s] = true
	}
}
