// Package reminders sends the serum reminders planned in the store, each
// once: a Scheduler claims the reminders that are due (several schedulers,
// in one process or many, may share a database: each reminder goes to one
// of them), sends each through its platform's Sender, and records what
// became of it. A reminder missed by more than the grace (the bot was down
// overnight) is skipped, not sent late; one whose sending was interrupted
// by a crash is recorded as uncertain and not sent again; a patient who
// blocked the bot gets no more.
package reminders

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/store"
)

// Senders finds the Sender of a platform: the desk.
type Senders interface {
	Sender(p aftercare.Platform) aftercare.Sender
}

// Texts builds a reminder: the reply service.
type Texts interface {
	Reminder(day int) aftercare.Outgoing
}

// Defaults.
const (
	DefaultGrace    = 2 * time.Hour
	DefaultInterval = 30 * time.Second
	// DefaultLease is longer than any send takes (a 60-second rate limit
	// included): a claim older than that was abandoned by a process that
	// died.
	DefaultLease = 5 * time.Minute
	batch        = 20
)

// Config configures a Scheduler. Store, Senders and Texts are required.
type Config struct {
	Store    *store.DB
	Senders  Senders
	Texts    Texts
	Clock    aftercare.Clock // aftercare.SystemClock when nil
	Logger   *slog.Logger    // nil logs nothing
	Grace    time.Duration   // DefaultGrace when 0
	Interval time.Duration   // DefaultInterval when 0
	Lease    time.Duration   // DefaultLease when 0
}

// Scheduler sends due reminders. It is safe for concurrent use, and
// several may share one database.
type Scheduler struct {
	cfg Config
}

// New returns a Scheduler.
func New(cfg Config) (*Scheduler, error) {
	if cfg.Store == nil || cfg.Senders == nil || cfg.Texts == nil {
		return nil, errors.New("reminders: Store, Senders and Texts are required")
	}
	if cfg.Clock == nil {
		cfg.Clock = aftercare.SystemClock{}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Grace <= 0 {
		cfg.Grace = DefaultGrace
	}
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultInterval
	}
	if cfg.Lease <= 0 {
		cfg.Lease = DefaultLease
	}
	return &Scheduler{cfg: cfg}, nil
}

// Run sends due reminders every Interval until ctx ends, then returns
// nil. Failures are logged and tried again at the next interval.
func (s *Scheduler) Run(ctx context.Context) error {
	t := time.NewTicker(s.cfg.Interval)
	defer t.Stop()
	for {
		if _, err := s.Tick(ctx); err != nil && ctx.Err() == nil {
			s.cfg.Logger.Warn("reminders: failed; trying again later", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Tick sends the reminders due now, in batches until none are left, and
// returns how many it sent. Claims abandoned for longer than the lease are
// first recorded as uncertain.
func (s *Scheduler) Tick(ctx context.Context) (int, error) {
	now := s.cfg.Clock.Now()
	uncertain, replanned, err := s.cfg.Store.AbandonReminders(ctx, now, s.cfg.Lease)
	if err != nil {
		return 0, err
	}
	if uncertain > 0 {
		s.cfg.Logger.Warn("reminders: sends interrupted before their outcome was recorded; they may have been sent, so they are not sent again", "reminders", uncertain)
	}
	if replanned > 0 {
		s.cfg.Logger.Info("reminders: claims of a stopped sender taken back, to be sent", "reminders", replanned)
	}
	sent := 0
	for ctx.Err() == nil {
		claimed, skipped, err := s.cfg.Store.ClaimReminders(ctx, s.cfg.Clock.Now(), s.cfg.Grace, batch)
		if err != nil {
			return sent, err
		}
		if skipped > 0 {
			s.cfg.Logger.Info("reminders: skipped reminders missed by more than the grace", "reminders", skipped, "grace", s.cfg.Grace)
		}
		n, released := s.sendAll(ctx, claimed)
		sent += n
		if len(claimed) < batch || released {
			break // the rest, and what was put back, at the next tick
		}
	}
	return sent, nil
}

// parallel is how many chats' reminders are sent at once: the sends wait
// on the platform's rate limit, and one at a time the store's writes
// around each (begun, outcome) would keep the scheduler under it.
const parallel = 8

// sendAll sends claimed reminders, several chats at once and each chat's
// in order, and returns how many were sent and whether any was put back.
func (s *Scheduler) sendAll(ctx context.Context, claimed []store.Reminder) (sent int, released bool) {
	var chats [][]store.Reminder
	index := map[aftercare.Address]int{}
	for _, r := range claimed {
		i, ok := index[r.Chat]
		if !ok {
			i = len(chats)
			index[r.Chat] = i
			chats = append(chats, nil)
		}
		chats[i] = append(chats[i], r)
	}
	var (
		mu  sync.Mutex
		wg  sync.WaitGroup
		sem = make(chan struct{}, parallel)
	)
	for _, rs := range chats {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			for _, r := range rs {
				state := s.send(ctx, r)
				mu.Lock()
				switch state {
				case store.ReminderSent:
					sent++
				case store.ReminderPlanned:
					released = true
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return sent, released
}

// send sends one claimed reminder and records the outcome. Its sending
// is recorded as begun first: a claim taken back before that (this
// replica taken for dead) is left to whoever has it now, and one taken back
// after is not sent again.
func (s *Scheduler) send(ctx context.Context, r store.Reminder) store.ReminderState {
	state := store.ReminderPlanned
	sender := s.cfg.Senders.Sender(r.Chat.Platform)
	if sender != nil {
		ok, err := s.cfg.Store.SendingReminder(ctx, r, s.cfg.Clock.Now())
		switch {
		case err != nil:
			s.cfg.Logger.Warn("reminders: could not record a send beginning; putting it back", "err", err)
			sender = nil
		case !ok:
			s.cfg.Logger.Warn("reminders: a claim was taken back by another replica; leaving it to them")
			return store.ReminderPlanned
		}
	}
	if sender != nil {
		_, err := sender.Send(ctx, r.Chat, s.cfg.Texts.Reminder(r.Day))
		state = stateOf(err)
		if err != nil {
			s.cfg.Logger.Warn("reminders: not sent", "platform", r.Chat.Platform, "outcome", string(state), "err", err)
		}
	}
	settleCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := s.cfg.Store.SettleReminder(settleCtx, r, state, s.cfg.Clock.Now()); err != nil {
		// The claim will expire and the reminder be recorded uncertain.
		s.cfg.Logger.Error("reminders: could not record a reminder's outcome", "outcome", string(state), "err", err)
	}
	return state
}

// stateOf is what a Send's error makes of a reminder.
func stateOf(err error) store.ReminderState {
	switch {
	case err == nil:
		return store.ReminderSent
	case errors.Is(err, aftercare.ErrRetryLater):
		return store.ReminderPlanned
	case errors.Is(err, aftercare.ErrUnreachable):
		return store.ReminderUnreachable
	case errors.Is(err, aftercare.ErrUncertain):
		return store.ReminderUncertain
	}
	return store.ReminderFailed
}
