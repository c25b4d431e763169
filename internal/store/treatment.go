package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/clinicbot/aftercare"
)

// Treatment is a patient's treatment as stored: when they were treated,
// where their reminders go, whether they want them, and the clinic's
// reference for them ("" when the clinic gave none).
type Treatment struct {
	Actor     aftercare.Actor
	Chat      aftercare.Address
	Treated   time.Time
	Reminders bool
	ClinicRef string
}

// SetTreatment records when actor was treated, and chat as where their
// reminders go, at now. Whether reminders are on is kept; their plan is the
// caller's to change (PlanReminders).
func (tx *Tx) SetTreatment(ctx context.Context, actor aftercare.Actor, chat aftercare.Address, treated, now time.Time) error {
	const upsert = `INSERT INTO treatments (platform, user_id, chat, treated_at, reminders, updated_at)
VALUES ($1, $2, $3, $4, 0, $5)
ON CONFLICT (platform, user_id) DO UPDATE SET chat = excluded.chat, treated_at = excluded.treated_at, updated_at = excluded.updated_at`
	if _, err := tx.exec(ctx, upsert, actor.Platform, actor.UserID, chat.Chat, micros(treated), micros(now)); err != nil {
		return fmt.Errorf("record a %s treatment: %w", actor.Platform, err)
	}
	return nil
}

// SetClinicRef records ref as the clinic's reference for actor, on their
// treatment ("" clears it). Without a treatment stored it does nothing.
func (tx *Tx) SetClinicRef(ctx context.Context, actor aftercare.Actor, ref string) error {
	const q = "UPDATE treatments SET clinic_ref = $3 WHERE platform = $1 AND user_id = $2"
	if _, err := tx.exec(ctx, q, actor.Platform, actor.UserID, nullable(ref)); err != nil {
		return fmt.Errorf("record a %s patient's clinic reference: %w", actor.Platform, err)
	}
	return nil
}

// Treatment returns actor's treatment, and whether one is stored.
func (tx *Tx) Treatment(ctx context.Context, actor aftercare.Actor) (Treatment, bool, error) {
	const q = "SELECT chat, treated_at, reminders, clinic_ref FROM treatments WHERE platform = $1 AND user_id = $2"
	var (
		chat      string
		treated   int64
		reminders int
		ref       sql.NullString
	)
	err := tx.tx.QueryRowContext(ctx, q, actor.Platform, actor.UserID).Scan(&chat, &treated, &reminders, &ref)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Treatment{}, false, nil
	case err != nil:
		return Treatment{}, false, fmt.Errorf("load a %s treatment: %w", actor.Platform, err)
	}
	return Treatment{
		Actor:     actor,
		Chat:      aftercare.Address{Platform: actor.Platform, Chat: chat},
		Treated:   fromMicros(treated),
		Reminders: reminders == 1,
		ClinicRef: ref.String,
	}, true, nil
}

// Slot is one reminder to plan: when it is due, and which day of the
// course it falls on (1 for the day of the treatment).
type Slot struct {
	Due time.Time
	Day int
}

// PlanReminders turns actor's reminders on and replaces the reminders
// planned and not yet sent with slots, sent to their treatment's chat. A
// slot already claimed or sent stays as it is. It reports false, and
// plans nothing, when no treatment is stored for actor.
func (tx *Tx) PlanReminders(ctx context.Context, actor aftercare.Actor, slots []Slot, now time.Time) (bool, error) {
	const on = "UPDATE treatments SET reminders = 1, updated_at = $3 WHERE platform = $1 AND user_id = $2 RETURNING chat"
	var chat string
	err := tx.tx.QueryRowContext(ctx, on, actor.Platform, actor.UserID, micros(now)).Scan(&chat)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("turn a %s person's reminders on: %w", actor.Platform, err)
	}
	if err := tx.dropPlanned(ctx, actor); err != nil {
		return false, err
	}
	const insert = `INSERT INTO reminders (platform, user_id, chat, due_at, day, state)
VALUES ($1, $2, $3, $4, $5, 'planned') ON CONFLICT DO NOTHING`
	for _, s := range slots {
		if _, err := tx.exec(ctx, insert, actor.Platform, actor.UserID, chat, micros(s.Due), s.Day); err != nil {
			return false, fmt.Errorf("plan a %s person's reminders: %w", actor.Platform, err)
		}
	}
	return true, nil
}

// StopReminders turns actor's reminders off and deletes those planned.
// It reports how many planned reminders it deleted.
func (tx *Tx) StopReminders(ctx context.Context, actor aftercare.Actor, now time.Time) (int64, error) {
	const off = "UPDATE treatments SET reminders = 0, updated_at = $3 WHERE platform = $1 AND user_id = $2"
	if _, err := tx.exec(ctx, off, actor.Platform, actor.UserID, micros(now)); err != nil {
		return 0, fmt.Errorf("turn a %s person's reminders off: %w", actor.Platform, err)
	}
	const count = "SELECT count(*) FROM reminders WHERE platform = $1 AND user_id = $2 AND state = 'planned'"
	var n int64
	if err := tx.tx.QueryRowContext(ctx, count, actor.Platform, actor.UserID).Scan(&n); err != nil {
		return 0, fmt.Errorf("count a %s person's reminders: %w", actor.Platform, err)
	}
	return n, tx.dropPlanned(ctx, actor)
}

func (tx *Tx) dropPlanned(ctx context.Context, actor aftercare.Actor) error {
	const del = "DELETE FROM reminders WHERE platform = $1 AND user_id = $2 AND state = 'planned'"
	if _, err := tx.exec(ctx, del, actor.Platform, actor.UserID); err != nil {
		return fmt.Errorf("drop a %s person's planned reminders: %w", actor.Platform, err)
	}
	return nil
}

// Invite is what an invite carries to the patient who redeems it: their
// treatment time, and the clinic's reference for them ("" when staff gave
// none).
type Invite struct {
	Treated   time.Time
	ClinicRef string
}

// CreateInvite records an invite: the hash of its token, what it carries,
// and when it expires.
func (tx *Tx) CreateInvite(ctx context.Context, tokenHash string, inv Invite, now, expires time.Time) error {
	const insert = "INSERT INTO invites (token_hash, treated_at, clinic_ref, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)"
	if _, err := tx.exec(ctx, insert, tokenHash, micros(inv.Treated), nullable(inv.ClinicRef), micros(now), micros(expires)); err != nil {
		return fmt.Errorf("create an invite: %w", err)
	}
	return nil
}

// RedeemInvite uses the invite whose token hashes to tokenHash, at now:
// InviteLinked with what it carries the first time, before it expires;
// InviteUsed once used; InviteExpired when expired or unknown. Of many
// callers redeeming one invite at once, one gets InviteLinked. The
// invite's clinic reference is cleared as it is handed over: from then on
// it is kept with the patient's treatment (SetClinicRef), and goes with
// them.
func (tx *Tx) RedeemInvite(ctx context.Context, tokenHash string, now time.Time) (Invite, aftercare.InviteOutcome, error) {
	const use = `UPDATE invites SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
RETURNING treated_at, clinic_ref`
	var (
		treated int64
		ref     sql.NullString
	)
	err := tx.tx.QueryRowContext(ctx, use, tokenHash, micros(now)).Scan(&treated, &ref)
	switch {
	case err == nil:
		if _, err := tx.exec(ctx, "UPDATE invites SET clinic_ref = NULL WHERE token_hash = $1", tokenHash); err != nil {
			return Invite{}, "", fmt.Errorf("redeem an invite: %w", err)
		}
		return Invite{Treated: fromMicros(treated), ClinicRef: ref.String}, aftercare.InviteLinked, nil
	case !errors.Is(err, sql.ErrNoRows):
		return Invite{}, "", fmt.Errorf("redeem an invite: %w", err)
	}
	var used sql.NullInt64
	err = tx.tx.QueryRowContext(ctx, "SELECT used_at FROM invites WHERE token_hash = $1", tokenHash).Scan(&used)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Invite{}, aftercare.InviteExpired, nil
	case err != nil:
		return Invite{}, "", fmt.Errorf("redeem an invite: %w", err)
	case used.Valid:
		return Invite{}, aftercare.InviteUsed, nil
	}
	return Invite{}, aftercare.InviteExpired, nil
}
