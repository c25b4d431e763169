// Package inbox is the unanswered-question inbox: patients' questions the
// bot declined, and those whose "did you mean…?" they answered with "None
// of these", recorded (masked) with what the matcher thought, inside the
// desk's transaction; shown to staff grouped, to mark planned, added to
// content or ignored; exported as labelled questions for `bot eval`.
package inbox

import (
	"context"
	"strings"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/intents"
	"github.com/clinicbot/aftercare/internal/store"
)

// Reader reads a message as the reply service does (reply.Service): the
// matcher's result, when the reply comes from matching its text.
type Reader interface {
	Reading(in aftercare.Inbound) (intents.Result, bool)
}

// Recorder counts the questions recorded, by platform and reason.
type Recorder interface {
	QuestionRecorded(platform, reason string)
}

// Effects records unanswered questions, and staff's marks on groups of
// them, in the desk's transaction (it implements desk.Effects). It is
// safe for concurrent use.
type Effects struct {
	read Reader
	rec  Recorder
}

// NewEffects returns Effects reading messages with read; rec may be nil.
func NewEffects(read Reader, rec Recorder) *Effects {
	if rec == nil {
		rec = nopRecorder{}
	}
	return &Effects{read: read, rec: rec}
}

type nopRecorder struct{}

func (nopRecorder) QuestionRecorded(string, string) {}

// Apply records what in changes in the inbox: a patient's (Telegram, the
// console) declined question, a "did you mean…?" kept pending (at most
// 48 hours), "None of these" under it filing it; a staff member's (Slack)
// mark on a group. Staff's own questions are not recorded. The journey it returns
// says only Now and Patient.
func (e *Effects) Apply(ctx context.Context, tx *store.Tx, in aftercare.Inbound, now time.Time) (aftercare.Journey, error) {
	j := aftercare.Journey{Now: now, Patient: in.From.Platform != aftercare.Slack}
	if !j.Patient {
		if status, key, ok := ParseMark(in.Choice); ok {
			_, err := Mark(ctx, tx, key, status, now)
			return j, err
		}
		return j, nil
	}
	if asked, ok := aftercare.NoneChoice(in.Choice); ok {
		// The button names the message its "did you mean…?" answered
		// (aftercare.ChoiceNoneOf), so that a press under an older one
		// files that one's question, not the latest. A question no
		// longer pending files nothing, and the patient gets the decline
		// all the same: it was filed by an earlier press, purged after
		// 48 hours (the patient never said they wanted it kept), or
		// deleted by /forget. A button without a name (the console, or
		// sent before buttons had one) files the latest question asked
		// without one.
		filed, err := tx.ChoseNone(ctx, in.From, asked)
		if err != nil {
			return j, err
		}
		if filed {
			e.rec.QuestionRecorded(string(in.From.Platform), store.ReasonNoneOfThese)
		}
	}
	in.Journey = j
	r, ok := e.read.Reading(in)
	q := store.Question{Actor: in.From, Text: Mask(in.Text), Reason: string(r.Reason), Topic: r.Topic, Asked: now, AskedIn: in.DeliveryID}
	switch {
	case !ok || strings.TrimSpace(q.Text) == "":
		return j, nil
	case r.Kind == intents.KindDecline && r.Reason != intents.ReasonEmpty:
		q.Status = store.StatusNew
	case r.Kind == intents.KindClarify:
		q.Status, q.Reason = store.StatusPending, "clarify"
		q.Candidates = append(q.Candidates, aftercare.Scored{ItemID: r.Intent, Score: r.Score})
	default:
		return j, nil
	}
	for _, c := range r.Alternatives {
		q.Candidates = append(q.Candidates, aftercare.Scored{ItemID: c.Intent, Score: c.Score})
	}
	if _, err := tx.RecordQuestion(ctx, q); err != nil {
		return j, err
	}
	if q.Status == store.StatusNew {
		e.rec.QuestionRecorded(string(in.From.Platform), q.Reason)
	}
	return j, nil
}
