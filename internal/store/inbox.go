package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/clinicbot/aftercare"
)

// Status is where a question of the inbox stands.
type Status string

// Statuses of an inbox question.
const (
	// StatusPending is a question the bot answered with "did you mean…?":
	// it enters the inbox only if the patient answers "None of these".
	StatusPending Status = "pending"
	StatusNew     Status = "new"
	StatusPlanned Status = "planned" // staff plan to cover it
	StatusAdded   Status = "added"   // covered by the content now
	StatusIgnored Status = "ignored"
)

// Question is a patient's question the bot could not answer, as the inbox
// keeps it. Text is stored as given: the caller masks it.
type Question struct {
	ID    string // made by RecordQuestion
	Actor aftercare.Actor
	Text  string
	// Reason is why it went unanswered: a decline reason of the matcher,
	// or ReasonNoneOfThese.
	Reason string
	// Topic is the out-of-scope topic the matcher recognised, if any.
	Topic string
	// Candidates are the items the matcher thought of, best first (ItemID
	// and Score only).
	Candidates []aftercare.Scored
	Asked      time.Time
	Status     Status
	// AskedIn is, for a pending question, the delivery that asked it (the
	// platform's delivery ID), which ChoseNone names; "" where there is
	// none (the console). RecordQuestion stores it; it is not read back.
	AskedIn string
}

// ReasonNoneOfThese is the reason of a question whose "did you mean…?"
// the patient answered with "None of these".
const ReasonNoneOfThese = "none_of_these"

type storedCandidate struct {
	Item  string  `json:"item"`
	Score float64 `json:"score"`
}

// RecordQuestion adds q to the inbox with a new ID, which it returns.
func (tx *Tx) RecordQuestion(ctx context.Context, q Question) (string, error) {
	cands := make([]storedCandidate, 0, len(q.Candidates))
	for _, c := range q.Candidates {
		cands = append(cands, storedCandidate{Item: c.ItemID, Score: c.Score})
	}
	js, err := json.Marshal(cands)
	if err != nil {
		return "", fmt.Errorf("record a %s question: %w", q.Actor.Platform, err)
	}
	id := rand.Text()
	var asked any // NULL when there is no delivery
	if q.AskedIn != "" && q.Status == StatusPending {
		asked = q.AskedIn
	}
	const insert = `INSERT INTO inbox (id, platform, user_id, question, reason, topic, candidates, asked_at, status, asked_in)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`
	if _, err := tx.exec(ctx, insert, id, q.Actor.Platform, q.Actor.UserID, q.Text, q.Reason, q.Topic, string(js), micros(q.Asked), q.Status, asked); err != nil {
		return "", fmt.Errorf("record a %s question: %w", q.Actor.Platform, err)
	}
	return id, nil
}

// ChoseNone moves into the inbox, as ReasonNoneOfThese, actor's pending
// question asked in delivery asked (see Question.AskedIn) or, when asked
// is "", their latest pending question asked without one, and reports
// whether there was one.
func (tx *Tx) ChoseNone(ctx context.Context, actor aftercare.Actor, asked string) (bool, error) {
	const q = `UPDATE inbox SET status = 'new', reason = $3, asked_in = NULL WHERE id = (
    SELECT id FROM inbox WHERE platform = $1 AND user_id = $2 AND status = 'pending' AND COALESCE(asked_in, '') = $4
    ORDER BY asked_at DESC, id LIMIT 1)`
	n, err := tx.exec(ctx, q, actor.Platform, actor.UserID, ReasonNoneOfThese, asked)
	if err != nil {
		return false, fmt.Errorf("file a %s question answered with none of these: %w", actor.Platform, err)
	}
	return n > 0, nil
}

// Questions returns the questions asked at or after since with one of
// the statuses (any but pending when none are given), newest first.
func (tx *Tx) Questions(ctx context.Context, since time.Time, statuses ...Status) ([]Question, error) {
	if len(statuses) == 0 {
		statuses = []Status{StatusNew, StatusPlanned, StatusAdded, StatusIgnored}
	}
	args := []any{micros(since)}
	var marks []string
	for _, s := range statuses {
		args = append(args, s)
		marks = append(marks, fmt.Sprintf("$%d", len(args)))
	}
	q := `SELECT id, platform, user_id, question, reason, topic, candidates, asked_at, status FROM inbox
WHERE asked_at >= $1 AND status IN (` + strings.Join(marks, ", ") + `) ORDER BY asked_at DESC, id`
	rows, err := tx.tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("load the inbox: %w", err)
	}
	defer rows.Close()
	var out []Question
	for rows.Next() {
		qu, err := scanQuestion(rows)
		if err != nil {
			return nil, fmt.Errorf("load the inbox: %w", err)
		}
		out = append(out, qu)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load the inbox: %w", err)
	}
	return out, nil
}

func scanQuestion(rows *sql.Rows) (Question, error) {
	var (
		q     Question
		cands string
		asked int64
	)
	if err := rows.Scan(&q.ID, &q.Actor.Platform, &q.Actor.UserID, &q.Text, &q.Reason, &q.Topic, &cands, &asked, &q.Status); err != nil {
		return Question{}, err
	}
	q.Asked = fromMicros(asked)
	var stored []storedCandidate
	if err := json.Unmarshal([]byte(cands), &stored); err != nil {
		return Question{}, fmt.Errorf("question %s: candidates: %w", q.ID, err)
	}
	for _, c := range stored {
		q.Candidates = append(q.Candidates, aftercare.Scored{ItemID: c.Item, Score: c.Score})
	}
	return q, nil
}

// MarkQuestions sets the status of the questions with the given IDs, at
// now, and returns how many it changed. Pending questions are not marked.
func (tx *Tx) MarkQuestions(ctx context.Context, ids []string, status Status, now time.Time) (int64, error) {
	var total int64
	for _, id := range ids {
		n, err := tx.exec(ctx, "UPDATE inbox SET status = $1, marked_at = $2 WHERE id = $3 AND status <> 'pending'", status, micros(now), id)
		if err != nil {
			return total, fmt.Errorf("mark inbox questions %s: %w", status, err)
		}
		total += n
	}
	return total, nil
}

// PurgeInbox deletes the questions asked before now-keep, and pending
// ones asked before now-pendingFor, and returns how many.
func (d *DB) PurgeInbox(ctx context.Context, now time.Time, keep, pendingFor time.Duration) (int64, error) {
	var n int64
	err := d.Tx(ctx, func(tx *Tx) error {
		const q = "DELETE FROM inbox WHERE asked_at < $1 OR (status = 'pending' AND asked_at < $2)"
		var err error
		n, err = tx.exec(ctx, q, micros(now.Add(-keep)), micros(now.Add(-pendingFor)))
		if err != nil {
			return fmt.Errorf("purge the inbox: %w", err)
		}
		return nil
	})
	return n, err
}
