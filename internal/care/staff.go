package care

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/store"
)

// routeStaff routes what staff do in Slack: a reply in a case's thread,
// an edit of one, Claim and Resolve. Everything else is answered as ever.
func (t *Team) routeStaff(ctx context.Context, tx *store.Tx, in aftercare.Inbound, out aftercare.Outgoing, now time.Time) (aftercare.Outgoing, bool, error) {
	if action, id, ok := caseAction(in.Choice); ok {
		return out, false, t.act(ctx, tx, in, action, id, now)
	}
	if in.Command != aftercare.CommandStaffReply && in.Command != aftercare.CommandStaffEdit {
		return out, true, nil
	}
	c, ok, err := tx.CaseByThread(ctx, in.Chat.Chat, in.Chat.Thread)
	if err != nil {
		return out, false, err
	}
	if !ok {
		// A thread that is not a case's is not for the bot, unless a case's
		// root post in this channel may have landed without the bot
		// learning its ts (a timeout): then this may be its thread, and the
		// reply waits (the platform's redelivery, or the Slack intake's)
		// until the look-up has settled the root.
		pending, err := tx.RootPending(ctx, in.Chat.Chat)
		if err == nil && pending {
			err = fmt.Errorf("care: %w: a case's root in this channel is not confirmed yet", aftercare.ErrRetryLater)
		}
		return out, false, err
	}
	src := &aftercare.MessageRef{Address: in.Chat, ID: in.MessageID}
	say := func(key string) error { // to the author, in the thread
		text := "<@" + in.From.UserID + "> " + t.cfg.Texts.Text(key)
		return t.enqueue(ctx, tx, c, aftercare.Address{}, notice(text), nil, false, now)
	}
	text, isNote := strings.CutPrefix(strings.TrimSpace(in.Text), "note:")
	if !isNote {
		text, isNote = strings.CutPrefix(strings.TrimSpace(in.Text), "Note:")
	}
	switch {
	case in.Command == aftercare.CommandStaffEdit:
		return out, false, say(catalog.TextCareEdited)
	case isNote:
		return out, false, nil
	case in.NonText:
		return out, false, say(catalog.TextCareFile)
	case !c.Open, t.cfg.Privacy == PrivacyAlertOnly:
		return out, false, say(catalog.TextCareNotSent)
	}
	sign := t.cfg.Texts.Text(catalog.TextCareSignTeam)
	if t.cfg.Signature == SignName && in.FromName != "" {
		sign = t.text(catalog.TextCareSignName, map[string]string{"staff": in.FromName})
	}
	if err := tx.AddCaseText(ctx, c.ID, store.AuthorStaff, text, now); err != nil {
		return out, false, err
	}
	first := now
	if err := tx.UpdateCase(ctx, c.ID, store.CaseChange{FirstReplyAt: &first, Activity: true}, now); err != nil {
		return out, false, err
	}
	if c.FirstReplyAt.IsZero() {
		t.cfg.Recorder.FirstReply(now.Sub(c.OpenedAt))
	}
	relay := notice(strings.TrimSpace(text) + "\n\n" + sign)
	return out, false, t.enqueue(ctx, tx, c, c.Chat, relay, src, true, now)
}

// caseAction reads a Claim or Resolve choice: "handoff_claim:7".
func caseAction(choice string) (action string, id int64, ok bool) {
	action, rest, found := strings.Cut(choice, ":")
	if !found || (action != aftercare.ActionHandoffClaim && action != aftercare.ActionHandoffResolve && action != aftercare.ActionHandoffResend) {
		return "", 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return action, id, err == nil
}

// act claims or resolves case id for the staff member in.From, or sends
// post id again.
func (t *Team) act(ctx context.Context, tx *store.Tx, in aftercare.Inbound, action string, id int64, now time.Time) error {
	if action == aftercare.ActionHandoffResend {
		return t.resend(ctx, tx, id, now)
	}
	c, ok, err := tx.CaseByID(ctx, id)
	if err != nil || !ok {
		return err
	}
	staff := "<@" + in.From.UserID + ">"
	thread := func(text string) error {
		return t.enqueue(ctx, tx, c, aftercare.Address{}, notice(text), nil, false, now)
	}
	if action == aftercare.ActionHandoffClaim {
		owner, won, err := tx.ClaimCase(ctx, id, in.From.UserID)
		switch {
		case err != nil:
			return err
		case !won:
			return thread(t.text(catalog.TextCareTaken, map[string]string{"staff": "<@" + owner + ">"}))
		}
		if err := tx.UpdateCase(ctx, id, store.CaseChange{Activity: true}, now); err != nil {
			return err
		}
		claimed := t.text(catalog.TextCareClaimed, map[string]string{"staff": staff}) + " _(since " + t.stamp(now) + ")_"
		if err := t.updateRoot(ctx, tx, c, claimed, false, now); err != nil {
			return err
		}
		return thread(t.text(catalog.TextCareClaimed, map[string]string{"staff": staff}))
	}
	return t.resolve(ctx, tx, c, in.From.UserID, now)
}

// resolve closes case c, by staff ("" when it closed itself after
// silence): the patient is told, the root says who and when.
func (t *Team) resolve(ctx context.Context, tx *store.Tx, c store.Case, staff string, now time.Time) error {
	closed, err := tx.CloseCase(ctx, c.ID, staff, now)
	if err != nil || !closed {
		return err
	}
	by := "the bot, after 48 hours of silence"
	if staff != "" {
		by = "<@" + staff + ">"
	}
	status := t.text(catalog.TextCareResolvedBy, map[string]string{"staff": by, "when": t.stamp(now)})
	if err := t.updateRoot(ctx, tx, c, status, true, now); err != nil {
		return err
	}
	return t.enqueue(ctx, tx, c, c.Chat, notice(t.cfg.Texts.Text(catalog.TextCareResolved)), nil, false, now)
}

// updateRoot adds status (who claimed or resolved case c, and when) to
// its root: the root keeps what it said when the case opened (why, the
// red flags, the treatment time and the reminders then, what the patient
// wrote and the bot answered), kept on the case, with a line for each
// Claim and Resolve since. Claimed, Resolve stays; resolved, no buttons.
func (t *Team) updateRoot(ctx context.Context, tx *store.Tx, c store.Case, status string, resolved bool, now time.Time) error {
	c, ok, err := tx.CaseByID(ctx, c.ID) // its root as it stands now
	if err != nil || !ok {
		return err
	}
	text := c.RootText
	if text == "" {
		if text, err = t.rebuiltRoot(ctx, tx, c); err != nil {
			return err
		}
	}
	text += "\n" + status
	if err := tx.UpdateCase(ctx, c.ID, store.CaseChange{RootText: &text}, now); err != nil {
		return err
	}
	if c.Thread == "" {
		return nil // the root is not posted yet: the outbox updates it once it is (rootPosted)
	}
	return enqueueRootUpdate(ctx, tx, c, text, resolved, now)
}

// enqueueRootUpdate posts text as case c's root, with Resolve while it is
// not resolved.
func enqueueRootUpdate(ctx context.Context, tx *store.Tx, c store.Case, text string, resolved bool, now time.Time) error {
	msg := aftercare.Outgoing{Kind: aftercare.KindNotice, Text: text}
	if !resolved {
		msg.Actions = caseActions(c.ID, false)
	}
	p := store.Post{Lane: laneOfCase(c.ID), Kind: store.PostUpdate, To: aftercare.Address{Platform: aftercare.Slack, Chat: c.Channel},
		Ref: c.Thread, CaseID: c.ID, Patient: c.Patient}
	_, err := tx.Enqueue(ctx, Letter(p, msg, nil), now)
	return err
}

// rootPosted records ts as case id's thread, once its root is posted. A
// Claim or Resolve pressed before the bot knew the root's ts changed only
// the case's root text: the root is brought up to date now.
func rootPosted(ctx context.Context, tx *store.Tx, id int64, ts string, now time.Time) error {
	if err := tx.UpdateCase(ctx, id, store.CaseChange{Thread: &ts}, now); err != nil {
		return err
	}
	c, ok, err := tx.CaseByID(ctx, id)
	if err != nil || !ok || c.RootText == "" || c.ClaimedBy == "" && c.Open {
		return err
	}
	return enqueueRootUpdate(ctx, tx, c, c.RootText, !c.Open, now)
}

// rebuiltRoot is the root of a case opened before roots were kept on
// their case, as near as its texts allow: why, who, what the patient
// wrote first and what the bot answered.
func (t *Team) rebuiltRoot(ctx context.Context, tx *store.Tx, c store.Case) (string, error) {
	texts, err := tx.CaseTexts(ctx, c.ID)
	if err != nil {
		return "", err
	}
	tr, _, err := tx.Treatment(ctx, c.Patient)
	if err != nil {
		return "", err
	}
	lines := append([]string{reasonTitle[c.Reason] + " · " + c.Pseudonym}, refLines(tr.ClinicRef)...)
	var said, answered bool
	for _, tx := range texts {
		switch {
		case tx.Author == store.AuthorPatient && !said && t.cfg.Privacy != PrivacyAlertOnly:
			lines, said = append(lines, "> "+strings.ReplaceAll(t.mask(tx.Body), "\n", "\n> ")), true
		case tx.Author == store.AuthorBot && !answered:
			lines, answered = append(lines, "_The bot answered:_ "+clip(tx.Body, 400)), true
		}
	}
	return strings.Join(lines, "\n"), nil
}

// stamp says when something happened, for staff: "Wed 2 Dec 10:05" in the
// clinic's zone.
func (t *Team) stamp(at time.Time) string {
	return at.In(t.cfg.Location).Format("Mon 2 Jan 15:04")
}

// resend queues again post id, a relay whose delivery was uncertain (once
// per press: a post in another state is left alone).
func (t *Team) resend(ctx context.Context, tx *store.Tx, id int64, now time.Time) error {
	p, state, err := tx.PostByID(ctx, id)
	if err != nil || state != store.PostUncertain {
		return err
	}
	p.Key, p.Ref, p.Attempts, p.Lookup = "", "", 0, false
	_, err = tx.Enqueue(ctx, p, now)
	return err
}
