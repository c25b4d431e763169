package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/clinicbot/aftercare"
)

// Case is a patient handed to the care team: one Slack thread, open until
// resolved. Times are zero when they have not happened.
type Case struct {
	ID        int64
	Patient   aftercare.Actor
	Chat      aftercare.Address // the patient's chat, where relays go
	Pseudonym string            // how the team sees the patient
	Reason    CaseReason
	Urgent    bool
	Open      bool
	Channel   string // the team's Slack channel
	Thread    string // the root message's ts; "" until it is posted
	ClaimedBy string // the Slack user who claimed it
	// Told reports whether the patient was told that their messages now
	// go to the team.
	Told         bool
	OpenedAt     time.Time
	LastActivity time.Time
	FirstReplyAt time.Time
	EscalatedAt  time.Time
	ClosedAt     time.Time
	ClosedBy     string // the Slack user who resolved it, "" when it closed itself
	// RootText is the root message's text as the team last saw it: as
	// first posted, then with a line for each Claim and Resolve; "" for a
	// case whose root was posted before it was kept.
	RootText string
	// Phone is the phone number the patient shared with the team while
	// the case was open ("" when none; see SetCasePhone).
	Phone string
}

// CaseReason is why a case opened.
type CaseReason string

// Reasons.
const (
	ReasonUrgent     CaseReason = "urgent"     // a red flag
	ReasonAsked      CaseReason = "asked"      // the patient asked for a person
	ReasonUnanswered CaseReason = "unanswered" // a declined question sent on
)

// Authors of a case's texts.
const (
	AuthorPatient = "patient"
	AuthorStaff   = "staff"
	AuthorBot     = "bot"
)

// CaseText is one thing said in a case.
type CaseText struct {
	Author string
	Body   string
	At     time.Time
}

const caseColumns = `id, platform, user_id, chat, pseudonym, reason, urgent, state, channel, thread_ts, claimed_by, told,
    opened_at, last_activity, first_reply_at, escalated_at, closed_at, closed_by, root_text, phone`

// scanCase reads a row of caseColumns.
func scanCase(row interface{ Scan(...any) error }) (Case, error) {
	var (
		c                             Case
		platform, reason, state       string
		thread, claimed, closedBy     sql.NullString
		rootText, phone               sql.NullString
		urgent, told                  int
		opened, last                  int64
		firstReply, escalated, closed sql.NullInt64
	)
	err := row.Scan(&c.ID, &platform, &c.Patient.UserID, &c.Chat.Chat, &c.Pseudonym, &reason, &urgent, &state, &c.Channel,
		&thread, &claimed, &told, &opened, &last, &firstReply, &escalated, &closed, &closedBy, &rootText, &phone)
	if err != nil {
		return Case{}, err
	}
	c.Patient.Platform = aftercare.Platform(platform)
	c.Chat.Platform = c.Patient.Platform
	c.Reason, c.Open = CaseReason(reason), state == "open"
	c.Urgent, c.Told = urgent == 1, told == 1
	c.Thread, c.ClaimedBy, c.ClosedBy = thread.String, claimed.String, closedBy.String
	c.RootText, c.Phone = rootText.String, phone.String
	c.OpenedAt, c.LastActivity = fromMicros(opened), fromMicros(last)
	c.FirstReplyAt, c.EscalatedAt, c.ClosedAt = optTime(firstReply), optTime(escalated), optTime(closed)
	return c, nil
}

func optTime(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return fromMicros(v.Int64)
}

// next takes the next number of counter name. The row stays locked until
// the transaction ends, so numbers are taken in commit order.
func (tx *Tx) next(ctx context.Context, name string) (int64, error) {
	var n int64
	err := tx.tx.QueryRowContext(ctx, "UPDATE counters SET value = value + 1 WHERE name = $1 RETURNING value", name).Scan(&n)
	return n, err
}

// OpenCase opens a case for c.Patient at now, or finds the one open: c's
// Chat, Pseudonym, Reason, Urgent and Channel are used for a new case.
// A case of the patient's closed at or after now-reopen is opened again
// (its thread kept), with c's reason. opened reports whether a case was
// opened or reopened (false: one was open already).
func (tx *Tx) OpenCase(ctx context.Context, c Case, now time.Time, reopen time.Duration) (got Case, opened bool, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("open a %s patient's case: %w", c.Patient.Platform, err)
		}
	}()
	if open, ok, err := tx.OpenCaseOf(ctx, c.Patient); err != nil || ok {
		return open, false, err
	}
	const reopenQ = `UPDATE cases SET state = 'open', reason = $3, urgent = $4, closed_at = NULL, closed_by = NULL,
    last_activity = $5, told = 0, escalated_at = NULL
WHERE id = (SELECT id FROM cases WHERE platform = $1 AND user_id = $2 AND state = 'closed' AND closed_at >= $6
    ORDER BY closed_at DESC LIMIT 1)
RETURNING ` + caseColumns
	got, err = scanCase(tx.tx.QueryRowContext(ctx, reopenQ, c.Patient.Platform, c.Patient.UserID, string(c.Reason), flag(c.Urgent),
		micros(now), micros(now.Add(-reopen))))
	switch {
	case err == nil:
		return got, true, nil
	case !errors.Is(err, sql.ErrNoRows):
		return Case{}, false, err
	}
	id, err := tx.next(ctx, "cases")
	if err != nil {
		return Case{}, false, err
	}
	const insert = `INSERT INTO cases (id, platform, user_id, chat, pseudonym, reason, urgent, state, channel, opened_at, last_activity)
VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $9)
ON CONFLICT DO NOTHING
RETURNING ` + caseColumns
	got, err = scanCase(tx.tx.QueryRowContext(ctx, insert, id, c.Patient.Platform, c.Patient.UserID, c.Chat.Chat, c.Pseudonym,
		string(c.Reason), flag(c.Urgent), c.Channel, micros(now)))
	if errors.Is(err, sql.ErrNoRows) { // opened meanwhile by another transaction
		open, _, err := tx.OpenCaseOf(ctx, c.Patient)
		return open, false, err
	}
	return got, err == nil, err
}

func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}

// OpenCaseOf returns patient's open case, if any.
func (tx *Tx) OpenCaseOf(ctx context.Context, patient aftercare.Actor) (Case, bool, error) {
	return tx.oneCase(ctx, "platform = $1 AND user_id = $2 AND state = 'open'", patient.Platform, patient.UserID)
}

// CaseByThread returns the case whose thread is thread in channel, open
// or closed.
func (tx *Tx) CaseByThread(ctx context.Context, channel, thread string) (Case, bool, error) {
	return tx.oneCase(ctx, "channel = $1 AND thread_ts = $2", channel, thread)
}

// CaseByID returns the case id.
func (tx *Tx) CaseByID(ctx context.Context, id int64) (Case, bool, error) {
	return tx.oneCase(ctx, "id = $1", id)
}

func (tx *Tx) oneCase(ctx context.Context, where string, args ...any) (Case, bool, error) {
	c, err := scanCase(tx.tx.QueryRowContext(ctx, "SELECT "+caseColumns+" FROM cases WHERE "+where+" ORDER BY id DESC LIMIT 1", args...))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Case{}, false, nil
	case err != nil:
		return Case{}, false, fmt.Errorf("load a case: %w", err)
	}
	return c, true, nil
}

// CaseChange is what UpdateCase changes; nil fields stay as they are.
type CaseChange struct {
	Urgent       *bool
	Told         *bool
	Thread       *string
	FirstReplyAt *time.Time // set only if not set yet
	EscalatedAt  *time.Time
	RootText     *string
	// Activity moves the last activity to now.
	Activity bool
}

// UpdateCase applies ch to case id at now.
func (tx *Tx) UpdateCase(ctx context.Context, id int64, ch CaseChange, now time.Time) error {
	set := func(col string, v any) error {
		_, err := tx.exec(ctx, "UPDATE cases SET "+col+" = $2 WHERE id = $1", id, v)
		return err
	}
	var errs []error
	if ch.Urgent != nil {
		errs = append(errs, set("urgent", flag(*ch.Urgent)))
	}
	if ch.Told != nil {
		errs = append(errs, set("told", flag(*ch.Told)))
	}
	if ch.Thread != nil {
		errs = append(errs, set("thread_ts", *ch.Thread))
	}
	if ch.FirstReplyAt != nil {
		_, err := tx.exec(ctx, "UPDATE cases SET first_reply_at = $2 WHERE id = $1 AND first_reply_at IS NULL", id, micros(*ch.FirstReplyAt))
		errs = append(errs, err)
	}
	if ch.EscalatedAt != nil {
		errs = append(errs, set("escalated_at", micros(*ch.EscalatedAt)))
	}
	if ch.RootText != nil {
		errs = append(errs, set("root_text", *ch.RootText))
	}
	if ch.Activity {
		errs = append(errs, set("last_activity", micros(now)))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("update case %d: %w", id, err)
	}
	return nil
}

// SetCasePhone records phone as the number the patient of open case id
// shared with the team, and reports whether that changed anything: false
// when the case already has that number, or is not open. The number is
// kept on the case only, and goes with it (/forget, PurgeCases).
func (tx *Tx) SetCasePhone(ctx context.Context, id int64, phone string) (bool, error) {
	const q = "UPDATE cases SET phone = $2 WHERE id = $1 AND state = 'open' AND (phone IS NULL OR phone <> $2)"
	n, err := tx.exec(ctx, q, id, phone)
	if err != nil {
		return false, fmt.Errorf("record the phone number of case %d: %w", id, err)
	}
	return n == 1, nil
}

// ClaimCase makes staff the owner of open case id, unless someone else
// has it. It returns who has it afterwards and whether staff won it now.
func (tx *Tx) ClaimCase(ctx context.Context, id int64, staff string) (owner string, won bool, err error) {
	n, err := tx.exec(ctx, "UPDATE cases SET claimed_by = $2 WHERE id = $1 AND claimed_by IS NULL AND state = 'open'", id, staff)
	if err != nil {
		return "", false, fmt.Errorf("claim case %d: %w", id, err)
	}
	c, _, err := tx.CaseByID(ctx, id)
	return c.ClaimedBy, n == 1, err
}

// CloseCase resolves open case id at now, by staff ("" when it closed
// itself), and reports whether it was open.
func (tx *Tx) CloseCase(ctx context.Context, id int64, staff string, now time.Time) (bool, error) {
	var by any
	if staff != "" {
		by = staff
	}
	n, err := tx.exec(ctx, "UPDATE cases SET state = 'closed', closed_at = $2, closed_by = $3 WHERE id = $1 AND state = 'open'", id, micros(now), by)
	if err != nil {
		return false, fmt.Errorf("close case %d: %w", id, err)
	}
	return n == 1, nil
}

// AddCaseText records body, said by author in case id at now.
func (tx *Tx) AddCaseText(ctx context.Context, id int64, author, body string, now time.Time) error {
	const q = `INSERT INTO case_texts (case_id, seq, author, body, said_at)
VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM case_texts WHERE case_id = $1), $2, $3, $4)`
	if _, err := tx.exec(ctx, q, id, author, body, micros(now)); err != nil {
		return fmt.Errorf("record a text of case %d: %w", id, err)
	}
	return nil
}

// CaseTexts returns case id's texts in the order they were said.
func (tx *Tx) CaseTexts(ctx context.Context, id int64) ([]CaseText, error) {
	rows, err := tx.tx.QueryContext(ctx, "SELECT author, body, said_at FROM case_texts WHERE case_id = $1 ORDER BY seq", id)
	if err != nil {
		return nil, fmt.Errorf("list the texts of case %d: %w", id, err)
	}
	defer rows.Close()
	var out []CaseText
	for rows.Next() {
		var (
			t  CaseText
			us int64
		)
		if err := rows.Scan(&t.Author, &t.Body, &us); err != nil {
			return nil, err
		}
		t.At = fromMicros(us)
		out = append(out, t)
	}
	return out, rows.Err()
}

// Cases returns the cases matching one of the Due* queries at cutoff.
func (d *DB) Cases(ctx context.Context, due Due, cutoff time.Time) ([]Case, error) {
	var out []Case
	err := d.Tx(ctx, func(tx *Tx) error {
		out = out[:0]
		rows, err := tx.tx.QueryContext(ctx, "SELECT "+caseColumns+" FROM cases WHERE "+string(due)+" ORDER BY id", micros(cutoff))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scanCase(rows)
			if err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("list due cases: %w", err)
	}
	return out, nil
}

// Due selects cases for Cases.
type Due string

// Due queries: the cutoff is their $1.
const (
	// DueSilent: open cases with no activity since the cutoff.
	DueSilent Due = "state = 'open' AND last_activity < $1"
	// DueEscalation: open urgent cases opened before the cutoff that
	// nobody has claimed or answered, not escalated yet.
	DueEscalation Due = "state = 'open' AND urgent = 1 AND opened_at < $1 AND claimed_by IS NULL AND first_reply_at IS NULL AND escalated_at IS NULL"
)

// forgetCases is /forget's part for the care team, before actor's rows
// are deleted: every Slack message the bot posted carrying actor's text is
// queued for deletion, and actor's cases (with their texts) and posts not
// yet sent go. It returns how many rows it deleted.
func (tx *Tx) forgetCases(ctx context.Context, actor aftercare.Actor, now time.Time) (int64, error) {
	const sent = `SELECT to_platform, to_chat, ref FROM outbox
WHERE platform = $1 AND user_id = $2 AND state IN ('sent', 'uncertain') AND kind = 'send' AND ref IS NOT NULL AND to_platform = $3
ORDER BY id`
	rows, err := tx.tx.QueryContext(ctx, sent, actor.Platform, actor.UserID, aftercare.Slack)
	if err != nil {
		return 0, err
	}
	var posts []Post
	for rows.Next() {
		p := Post{Kind: PostDelete, Payload: []byte("{}")}
		if err := rows.Scan(&p.To.Platform, &p.To.Chat, &p.Ref); err != nil {
			rows.Close()
			return 0, err
		}
		p.Lane = "forget:" + string(p.To.Platform) + ":" + p.To.Chat
		posts = append(posts, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	var total int64
	for _, q := range []string{
		"DELETE FROM outbox WHERE platform = $1 AND user_id = $2 AND state <> 'claimed'",
		"DELETE FROM case_texts WHERE case_id IN (SELECT id FROM cases WHERE platform = $1 AND user_id = $2)",
		"DELETE FROM cases WHERE platform = $1 AND user_id = $2",
	} {
		n, err := tx.exec(ctx, q, actor.Platform, actor.UserID)
		if err != nil {
			return 0, err
		}
		total += n
	}
	for _, p := range posts {
		if _, err := tx.Enqueue(ctx, p, now); err != nil {
			return 0, err
		}
	}
	return total, nil
}

// PurgeCases deletes cases closed before now-keep with their texts, and
// posts finished before now-keep. It returns how many rows it deleted.
func (d *DB) PurgeCases(ctx context.Context, now time.Time, keep time.Duration) (int64, error) {
	cutoff := micros(now.Add(-keep))
	var total int64
	err := d.Tx(ctx, func(tx *Tx) error {
		total = 0
		for _, q := range []string{
			"DELETE FROM case_texts WHERE case_id IN (SELECT id FROM cases WHERE state = 'closed' AND closed_at < $1)",
			"DELETE FROM cases WHERE state = 'closed' AND closed_at < $1",
			"DELETE FROM outbox WHERE state NOT IN ('pending', 'claimed') AND done_at < $1",
		} {
			n, err := tx.exec(ctx, q, cutoff)
			if err != nil {
				return fmt.Errorf("purge cases: %w", err)
			}
			total += n
		}
		return nil
	})
	return total, err
}
