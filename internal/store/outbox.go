package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/clinicbot/aftercare"
)

// Post is one row of the outbox: something to send, react to or delete,
// committed with the change that causes it and sent by a worker.
type Post struct {
	ID int64
	// Lane orders posts: of one lane, a post is claimed only when every
	// earlier one is finished (a patient's chat, a case's thread).
	Lane string
	Kind PostKind
	// To is where it goes. For a post in a case's thread, Thread is ""
	// and CaseID set: the case's thread, once its root is posted.
	To     aftercare.Address
	CaseID int64
	// Root marks a case's root message: its ID becomes the case's thread.
	Root bool
	// Patient is whose text the post carries, for /forget; zero when none.
	Patient aftercare.Actor
	Payload []byte
	// Key is the post's idempotency key (a Slack post carries it as
	// metadata).
	Key string
	// Attempts counts the claims before this one; Lookup is set when the
	// last attempt may have landed: look for the post before sending.
	Attempts int
	Lookup   bool
	Created  time.Time
	// Ref is the sent message's ID, once sent.
	Ref string
}

// PostKind is what the worker does with a post.
type PostKind string

// Kinds.
const (
	PostSend   PostKind = "send"
	PostUpdate PostKind = "update" // Ref is the message to replace with Payload
	PostReact  PostKind = "react"  // Payload is the reaction's name; Ref the message
	PostDelete PostKind = "delete" // Ref is the message to delete
)

// PostState is what became of a claimed post.
type PostState string

// States a claimed post is settled in.
const (
	PostPending     PostState = "pending" // not sent: again after the retry time
	PostSent        PostState = "sent"
	PostUncertain   PostState = "uncertain"
	PostUnreachable PostState = "unreachable"
	PostFailed      PostState = "failed"
)

// Enqueue adds p to the outbox at now, to be sent at once. It returns the
// post's ID; Key defaults to "p<ID>".
func (tx *Tx) Enqueue(ctx context.Context, p Post, now time.Time) (int64, error) {
	id, err := tx.next(ctx, "outbox")
	if err != nil {
		return 0, fmt.Errorf("enqueue a post: %w", err)
	}
	if p.Key == "" {
		p.Key = fmt.Sprintf("p%d", id)
	}
	if p.Kind == "" {
		p.Kind = PostSend
	}
	var caseID, ref any
	if p.CaseID != 0 {
		caseID = p.CaseID
	}
	if p.Ref != "" {
		ref = p.Ref
	}
	const q = `INSERT INTO outbox (id, lane, kind, to_platform, to_chat, to_thread, case_id, root, platform, user_id, payload, idem_key,
    state, not_before, created_at, ref)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'pending', $13, $13, $14)`
	_, err = tx.exec(ctx, q, id, p.Lane, string(p.Kind), p.To.Platform, p.To.Chat, p.To.Thread, caseID, flag(p.Root),
		p.Patient.Platform, p.Patient.UserID, string(p.Payload), p.Key, micros(now), ref)
	if err != nil {
		return 0, fmt.Errorf("enqueue a post: %w", err)
	}
	return id, nil
}

const postColumns = `id, lane, kind, to_platform, to_chat, to_thread, case_id, root, platform, user_id, payload, idem_key,
    attempts, lookup, created_at, ref`

func scanPost(row interface{ Scan(...any) error }) (Post, error) {
	var (
		p                   Post
		kind, toP, patientP string
		caseID              sql.NullInt64
		ref                 sql.NullString
		root, lookup        int
		created             int64
		payload             string
	)
	err := row.Scan(&p.ID, &p.Lane, &kind, &toP, &p.To.Chat, &p.To.Thread, &caseID, &root, &patientP, &p.Patient.UserID,
		&payload, &p.Key, &p.Attempts, &lookup, &created, &ref)
	if err != nil {
		return Post{}, err
	}
	p.Kind, p.To.Platform, p.Patient.Platform = PostKind(kind), aftercare.Platform(toP), aftercare.Platform(patientP)
	p.CaseID, p.Root, p.Lookup = caseID.Int64, root == 1, lookup == 1
	p.Payload, p.Created, p.Ref = []byte(payload), fromMicros(created), ref.String
	return p, nil
}

// ClaimPosts claims, at now, up to limit pending posts due to be sent,
// each the first unfinished one of its lane, in ID order. A post of a
// case's thread whose root is not posted yet waits for it. Of several
// processes claiming at once, each post goes to one (FOR UPDATE SKIP
// LOCKED on PostgreSQL; SQLite writes one transaction at a time).
func (d *DB) ClaimPosts(ctx context.Context, now time.Time, limit int) ([]Post, error) {
	lock := ""
	if d.dialect == Postgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	claim := `UPDATE outbox SET state = 'claimed', claimed_at = $1, owner = $3
WHERE id IN (
    SELECT o.id FROM outbox o WHERE o.state = 'pending' AND o.not_before <= $1
    AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.lane = o.lane AND e.id < o.id AND e.state IN ('pending', 'claimed'))
    ORDER BY o.id LIMIT $2` + lock + `)
RETURNING ` + postColumns
	var out []Post
	err := d.Tx(ctx, func(tx *Tx) error {
		out = out[:0]
		rows, err := tx.tx.QueryContext(ctx, claim, micros(now), limit, nullable(d.owner))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			p, err := scanPost(rows)
			if err != nil {
				return err
			}
			out = append(out, p)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("claim posts: %w", err)
	}
	slices.SortFunc(out, func(a, b Post) int { return int(a.ID - b.ID) })
	return out, nil
}

// SettlePost records what became of claimed post id at now: sent (with
// the message's ref), pending again (not before retryAt; lookup when it
// may have landed), or finished otherwise.
func (tx *Tx) SettlePost(ctx context.Context, id int64, state PostState, ref string, retryAt time.Time, lookup bool, now time.Time) error {
	var err error
	if state == PostPending {
		_, err = tx.exec(ctx, `UPDATE outbox SET state = 'pending', attempts = attempts + 1, not_before = $2, lookup = $3, claimed_at = NULL
WHERE id = $1 AND state = 'claimed'`, id, micros(retryAt), flag(lookup))
	} else {
		var r any
		if ref != "" {
			r = ref
		}
		_, err = tx.exec(ctx, `UPDATE outbox SET state = $2, attempts = attempts + 1, done_at = $3, ref = COALESCE($4, ref)
WHERE id = $1 AND state = 'claimed'`, id, string(state), micros(now), r)
	}
	if err != nil {
		return fmt.Errorf("settle post %d as %s: %w", id, state, err)
	}
	return nil
}

// RootPending reports whether a case's root post to channel is not
// settled yet (waiting, being sent, or to be looked up after a send that
// may have landed): its thread may exist in Slack before the store knows
// its ts.
func (tx *Tx) RootPending(ctx context.Context, channel string) (bool, error) {
	var pending bool
	err := tx.tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM outbox WHERE root = 1 AND to_chat = $1 AND state IN ('pending', 'claimed'))", channel).Scan(&pending)
	if err != nil {
		return false, fmt.Errorf("look for unsettled roots: %w", err)
	}
	return pending, nil
}

// AbandonPosts puts posts whose sender died before settling them
// (claimed before now-lease, or by a replica no longer alive at now) back
// as pending with lookup set: they may have been sent. It returns how
// many.
func (d *DB) AbandonPosts(ctx context.Context, now time.Time, lease time.Duration) (int64, error) {
	var n int64
	err := d.Tx(ctx, func(tx *Tx) (err error) {
		n, err = tx.exec(ctx, `UPDATE outbox SET state = 'pending', lookup = 1, claimed_at = NULL, owner = NULL
WHERE state = 'claimed' AND (claimed_at < $1 OR (owner IS NOT NULL AND NOT `+alive("outbox.owner", 2)+`))`,
			micros(now.Add(-lease)), micros(now))
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("abandon stale post claims: %w", err)
	}
	return n, nil
}

// OldestPending returns when the oldest unfinished post was created; ok
// is false when there is none.
func (d *DB) OldestPending(ctx context.Context) (t time.Time, ok bool, err error) {
	var us sql.NullInt64
	err = d.sql.QueryRowContext(ctx, "SELECT MIN(created_at) FROM outbox WHERE state IN ('pending', 'claimed')").Scan(&us)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("oldest pending post: %w", err)
	}
	return optTime(us), us.Valid, nil
}

// PostByID returns post id and its state.
func (tx *Tx) PostByID(ctx context.Context, id int64) (Post, PostState, error) {
	var state string
	p, err := scanPost(rowWith(tx.tx.QueryRowContext(ctx, "SELECT "+postColumns+", state FROM outbox WHERE id = $1", id), &state))
	if err != nil {
		return Post{}, "", fmt.Errorf("load post %d: %w", id, err)
	}
	return p, PostState(state), nil
}

// rowWith scans a row's last column into extra, the rest as asked.
type extraRow struct {
	row   *sql.Row
	extra any
}

func rowWith(row *sql.Row, extra any) extraRow { return extraRow{row, extra} }

func (r extraRow) Scan(dest ...any) error { return r.row.Scan(append(dest, r.extra)...) }
