package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/clinicbot/aftercare"
)

// Reminder is one planned serum reminder: whom it is for, where it goes,
// when it is due and which day of the course it falls on.
type Reminder struct {
	Actor aftercare.Actor
	Chat  aftercare.Address
	Due   time.Time
	Day   int
}

// ReminderState is what became of a claimed reminder.
type ReminderState string

// States a claimed reminder is settled in.
const (
	ReminderPlanned     ReminderState = "planned"     // not sent, to be claimed again (the platform refused for now)
	ReminderSent        ReminderState = "sent"        // sent
	ReminderUncertain   ReminderState = "uncertain"   // may have been sent; never sent again
	ReminderUnreachable ReminderState = "unreachable" // the patient blocked the bot: the rest are stopped
	ReminderFailed      ReminderState = "failed"      // refused for good
)

// ClaimReminders claims, at now, up to limit planned reminders that are
// due, the earliest first, for the caller to send and then Settle. Planned
// reminders due longer ago than grace are first marked skipped, never
// sent. Of several processes claiming at once, each reminder goes to one:
// PostgreSQL skips the rows another transaction has locked (FOR UPDATE SKIP
// LOCKED), and SQLite runs one writing transaction at a time. It returns
// the reminders claimed and how many it skipped.
func (d *DB) ClaimReminders(ctx context.Context, now time.Time, grace time.Duration, limit int) (claimed []Reminder, skipped int64, err error) {
	lock := ""
	if d.dialect == Postgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	claim := `UPDATE reminders SET state = 'claimed', claimed_at = $1, owner = $3, sending_at = NULL
WHERE (platform, user_id, due_at) IN (
    SELECT platform, user_id, due_at FROM reminders WHERE state = 'planned' AND due_at <= $1
    ORDER BY due_at LIMIT $2` + lock + `)
RETURNING platform, user_id, chat, due_at, day`
	err = d.Tx(ctx, func(tx *Tx) error {
		claimed = claimed[:0]
		var err error
		skipped, err = tx.exec(ctx, "UPDATE reminders SET state = 'skipped' WHERE state = 'planned' AND due_at < $1", micros(now.Add(-grace)))
		if err != nil {
			return fmt.Errorf("skip missed reminders: %w", err)
		}
		rows, err := tx.tx.QueryContext(ctx, claim, micros(now), limit, nullable(d.owner))
		if err != nil {
			return fmt.Errorf("claim due reminders: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var (
				r        Reminder
				platform string
				due      int64
			)
			if err := rows.Scan(&platform, &r.Actor.UserID, &r.Chat.Chat, &due, &r.Day); err != nil {
				return fmt.Errorf("claim due reminders: %w", err)
			}
			r.Actor.Platform = aftercare.Platform(platform)
			r.Chat.Platform = r.Actor.Platform
			r.Due = fromMicros(due)
			claimed = append(claimed, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, 0, err
	}
	// RETURNING promises no order.
	slices.SortFunc(claimed, func(a, b Reminder) int { return a.Due.Compare(b.Due) })
	return claimed, skipped, nil
}

// SettleReminder records what became of a claimed reminder, at now.
// ReminderPlanned puts it back, to be claimed again while within the
// grace; ReminderUnreachable also stops the patient's other reminders.
func (d *DB) SettleReminder(ctx context.Context, r Reminder, state ReminderState, now time.Time) error {
	const settle = `UPDATE reminders SET state = $4, sent_at = $5
WHERE platform = $1 AND user_id = $2 AND due_at = $3 AND state = 'claimed'`
	var sent any
	if state == ReminderSent {
		sent = micros(now)
	}
	err := d.Tx(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, settle, r.Actor.Platform, r.Actor.UserID, micros(r.Due), string(state), sent); err != nil {
			return err
		}
		if state == ReminderUnreachable {
			_, err := tx.StopReminders(ctx, r.Actor, now)
			return err
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("settle a %s reminder as %s: %w", r.Actor.Platform, state, err)
	}
	return nil
}

// SendingReminder records, at now, that the sending of claimed reminder
// r begins, and reports whether it may: false when the claim is no longer
// this replica's (taken back while this replica was taken for dead).
func (d *DB) SendingReminder(ctx context.Context, r Reminder, now time.Time) (bool, error) {
	const mark = `UPDATE reminders SET sending_at = $4
WHERE platform = $1 AND user_id = $2 AND due_at = $3 AND state = 'claimed' AND COALESCE(owner, '') = $5`
	var n int64
	err := d.Tx(ctx, func(tx *Tx) (err error) {
		n, err = tx.exec(ctx, mark, r.Actor.Platform, r.Actor.UserID, micros(r.Due), micros(now), d.owner)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("mark a %s reminder sending: %w", r.Actor.Platform, err)
	}
	return n == 1, nil
}

// AbandonReminders takes back the claims of reminders whose sender died
// before settling them: claimed before now-lease, or by a replica no
// longer alive at now. Those whose sending had begun may have been sent:
// they are recorded uncertain, not sent again. Those never begun are
// planned again. It returns how many of each.
func (d *DB) AbandonReminders(ctx context.Context, now time.Time, lease time.Duration) (uncertain, replanned int64, err error) {
	abandoned := `state = 'claimed' AND (claimed_at < $1 OR (owner IS NOT NULL AND NOT ` + alive("reminders.owner", 2) + `))`
	err = d.Tx(ctx, func(tx *Tx) (err error) {
		cutoff := micros(now.Add(-lease))
		if uncertain, err = tx.exec(ctx, "UPDATE reminders SET state = 'uncertain' WHERE "+abandoned+" AND sending_at IS NOT NULL", cutoff, micros(now)); err != nil {
			return err
		}
		replanned, err = tx.exec(ctx, "UPDATE reminders SET state = 'planned', owner = NULL, claimed_at = NULL WHERE "+abandoned+" AND sending_at IS NULL", cutoff, micros(now))
		return err
	})
	if err != nil {
		return 0, 0, fmt.Errorf("abandon stale reminder claims: %w", err)
	}
	return uncertain, replanned, nil
}

// Reminders returns actor's reminders, every state, the earliest first,
// with their states.
func (d *DB) Reminders(ctx context.Context, actor aftercare.Actor) ([]Reminder, []ReminderState, error) {
	const q = "SELECT chat, due_at, day, state FROM reminders WHERE platform = $1 AND user_id = $2 ORDER BY due_at"
	rows, err := d.sql.QueryContext(ctx, q, actor.Platform, actor.UserID)
	if err != nil {
		return nil, nil, fmt.Errorf("list a %s person's reminders: %w", actor.Platform, err)
	}
	defer rows.Close()
	var (
		rs     []Reminder
		states []ReminderState
	)
	for rows.Next() {
		r := Reminder{Actor: actor, Chat: aftercare.Address{Platform: actor.Platform}}
		var (
			due   int64
			state string
		)
		if err := rows.Scan(&r.Chat.Chat, &due, &r.Day, &state); err != nil {
			return nil, nil, fmt.Errorf("list a %s person's reminders: %w", actor.Platform, err)
		}
		r.Due = fromMicros(due)
		rs, states = append(rs, r), append(states, ReminderState(state))
	}
	return rs, states, rows.Err()
}
