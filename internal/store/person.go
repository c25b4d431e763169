package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/clinicbot/aftercare"
)

// Errors name the person's platform only: a user ID is personal data.

// SeePerson records that actor was seen at now: the first time, both
// first and last seen are now; afterwards only last seen moves, and only
// forward. It returns the person as stored. Times are kept to the
// microsecond.
func (tx *Tx) SeePerson(ctx context.Context, actor aftercare.Actor, now time.Time) (aftercare.Person, error) {
	const upsert = `INSERT INTO people (platform, user_id, first_seen, last_seen) VALUES ($1, $2, $3, $3)
ON CONFLICT (platform, user_id) DO UPDATE SET last_seen = CASE
    WHEN excluded.last_seen > people.last_seen THEN excluded.last_seen ELSE people.last_seen END
RETURNING first_seen, last_seen`
	var first, last int64
	if err := tx.tx.QueryRowContext(ctx, upsert, actor.Platform, actor.UserID, micros(now)).Scan(&first, &last); err != nil {
		return aftercare.Person{}, fmt.Errorf("record a %s person: %w", actor.Platform, err)
	}
	return aftercare.Person{Actor: actor, FirstSeen: fromMicros(first), LastSeen: fromMicros(last)}, nil
}

// Person returns what is stored about actor, and whether there is
// anything.
func (tx *Tx) Person(ctx context.Context, actor aftercare.Actor) (aftercare.Person, bool, error) {
	const q = "SELECT first_seen, last_seen FROM people WHERE platform = $1 AND user_id = $2"
	var first, last int64
	err := tx.tx.QueryRowContext(ctx, q, actor.Platform, actor.UserID).Scan(&first, &last)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return aftercare.Person{}, false, nil
	case err != nil:
		return aftercare.Person{}, false, fmt.Errorf("load a %s person: %w", actor.Platform, err)
	}
	return aftercare.Person{Actor: actor, FirstSeen: fromMicros(first), LastSeen: fromMicros(last)}, true, nil
}

// personTables are the tables that hold something about a person, keyed
// by (platform, user_id). A migration that adds such a table adds it here,
// so that Forget forgets it too.
var personTables = append(append([]string{"people"}, journeyTables...), "intake", "inbox")

// journeyTables hold a person's treatment journey: they go when the person
// goes (see PurgeJourney). The intake is not among them: a message held
// there may come from someone the bot has not recorded yet.
var journeyTables = []string{"treatments", "reminders"}

// Forget deletes everything stored about actor, and reports whether there
// was anything. The Slack messages the bot posted with actor's text are
// queued in the outbox for deletion, at now.
func (tx *Tx) Forget(ctx context.Context, actor aftercare.Actor, now time.Time) (bool, error) {
	total, err := tx.forgetCases(ctx, actor, now)
	if err != nil {
		return false, fmt.Errorf("forget a %s person: cases: %w", actor.Platform, err)
	}
	for _, table := range personTables {
		n, err := tx.exec(ctx, "DELETE FROM "+table+" WHERE platform = $1 AND user_id = $2", actor.Platform, actor.UserID)
		if err != nil {
			return false, fmt.Errorf("forget a %s person: %s: %w", actor.Platform, table, err)
		}
		total += n
	}
	return total > 0, nil
}
