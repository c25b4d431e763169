package care

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/store"
)

// Config configures a Team. Store, Senders, Texts and Channel are
// required.
type Config struct {
	Store   *store.DB
	Senders Senders
	Texts   Texts
	// Channel is the care team's Slack channel.
	Channel       string
	Urgent        Urgent    // UrgentAuto when ""
	Signature     Signature // SignTeam when ""
	Hours         Hours     // always open when zero
	EscalateAfter time.Duration
	Privacy       Privacy       // PrivacyRelay when ""
	Retention     time.Duration // of a closed case's texts; DefaultRetention when 0
	Location      *time.Location
	Clock         aftercare.Clock // aftercare.SystemClock when nil
	Logger        *slog.Logger    // nil logs nothing
	Recorder      TeamRecorder    // nil counts nothing
}

// TeamRecorder counts cases; in production *metrics.Registry.
type TeamRecorder interface {
	Recorder
	// CaseOpened counts a case opened (or reopened) by reason.
	CaseOpened(reason string)
	// FirstReply records the time from a case opening to staff's first
	// reply in its thread.
	FirstReply(d time.Duration)
}

// Team puts the care team in the loop: the desk hands it every message
// with the reply built for it (Route), and it runs the outbox and the
// sweeps (Run). It is safe for concurrent use.
type Team struct {
	cfg    Config
	outbox *Outbox
}

// New returns a Team.
func New(cfg Config) (*Team, error) {
	if cfg.Store == nil || cfg.Senders == nil || cfg.Texts == nil || cfg.Channel == "" {
		return nil, errors.New("care: Store, Senders, Texts and Channel are required")
	}
	if cfg.Urgent == "" {
		cfg.Urgent = UrgentAuto
	}
	if cfg.Signature == "" {
		cfg.Signature = SignTeam
	}
	if cfg.Privacy == "" {
		cfg.Privacy = PrivacyRelay
	}
	if cfg.EscalateAfter <= 0 {
		cfg.EscalateAfter = DefaultEscalateAfter
	}
	if cfg.Retention <= 0 {
		cfg.Retention = DefaultRetention
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.Clock == nil {
		cfg.Clock = aftercare.SystemClock{}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Recorder == nil {
		cfg.Recorder = nopTeamRecorder{}
	}
	o, err := NewOutbox(OutboxConfig{Store: cfg.Store, Senders: cfg.Senders, Texts: cfg.Texts, Clock: cfg.Clock,
		Logger: cfg.Logger, Recorder: cfg.Recorder})
	if err != nil {
		return nil, err
	}
	return &Team{cfg: cfg, outbox: o}, nil
}

type nopTeamRecorder struct{ nopRecorder }

func (nopTeamRecorder) CaseOpened(string)        {}
func (nopTeamRecorder) FirstReply(time.Duration) {}

// Outbox returns the team's outbox.
func (t *Team) Outbox() *Outbox { return t.outbox }

// Wake tells the outbox that posts were committed.
func (t *Team) Wake() { t.outbox.Wake() }

// Route decides, in tx, what becomes of in now that out is the reply the
// bot would give: reply is what to send to in.Chat instead (send false:
// nothing), and the posts and relays it causes are queued in tx. A
// patient's red flag, /human or "Ask the clinic team" opens a case; while
// it is open their messages go to its thread rather than being answered;
// a staff reply in the thread goes to the patient; Claim and Resolve act
// on the case. It must have no effect outside tx.
func (t *Team) Route(ctx context.Context, tx *store.Tx, in aftercare.Inbound, out aftercare.Outgoing, now time.Time) (reply aftercare.Outgoing, send bool, err error) {
	switch {
	case in.From.IsZero(), in.Choice == aftercare.ChoiceForget:
		return out, true, nil
	case in.Chat.Platform == aftercare.Slack:
		return t.routeStaff(ctx, tx, in, out, now)
	}
	return t.routePatient(ctx, tx, in, out, now)
}

// wantsPerson matches a patient asking for a person.
var wantsPerson = regexp.MustCompile(`(?i)\b(talk|speak|chat|write)\s+(to|with)\s+(someone|somebody|a\s+(real\s+)?(person|human|nurse|doctor)|the\s+(clinic|nurse|team|doctor)|a\s+member\s+of\s+staff|staff|the\s+practitioner)\b`)

// laneOfChat orders what goes to one chat.
func laneOfChat(a aftercare.Address) string { return "chat:" + string(a.Platform) + ":" + a.Chat }

// laneOfCase orders what goes to a case's thread.
func laneOfCase(id int64) string { return fmt.Sprintf("case:%d", id) }

// text returns the text key with the care placeholders filled.
func (t *Team) text(key string, fill map[string]string) string {
	s := t.cfg.Texts.Text(key)
	for k, v := range fill {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}

// pseudonym is a patient's name for the team: random, per case.
func pseudonym() string {
	const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 4)
	rand.Read(b)
	for i := range b {
		b[i] = letters[int(b[i])%len(letters)]
	}
	return "Patient " + string(b)
}

// when says t relative to now in the clinic's zone: "today at 09:00",
// "tomorrow at 09:00", "Monday at 09:00".
func (t *Team) when(at, now time.Time) string {
	at, now = at.In(t.cfg.Location), now.In(t.cfg.Location)
	y1, m1, d1 := at.Date()
	y2, m2, d2 := now.Date()
	day := at.Weekday().String()
	switch days := time.Date(y1, m1, d1, 0, 0, 0, 0, time.UTC).Sub(time.Date(y2, m2, d2, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour); days {
	case 0:
		day = "today"
	case 1:
		day = "tomorrow"
	}
	return day + " at " + at.Format("15:04")
}

// enqueue queues msg for to (a patient's chat, or the case's thread when
// to is zero), in its lane; src, when set, is the staff message it relays.
func (t *Team) enqueue(ctx context.Context, tx *store.Tx, c store.Case, to aftercare.Address, msg aftercare.Outgoing,
	src *aftercare.MessageRef, patientText bool, now time.Time) error {
	p := store.Post{To: to, Lane: laneOfChat(to)}
	if to.Platform == "" {
		p = store.Post{To: aftercare.Address{Platform: aftercare.Slack, Chat: c.Channel, Thread: c.Thread}, CaseID: c.ID, Lane: laneOfCase(c.ID)}
	}
	if patientText || to.Platform != "" {
		p.Patient = c.Patient // /forget deletes it, and the Slack post it became
	}
	_, err := tx.Enqueue(ctx, Letter(p, msg, src), now)
	return err
}

// notice is a plain statement.
func notice(text string) aftercare.Outgoing {
	return aftercare.Outgoing{Kind: aftercare.KindNotice, Text: text}
}

// ask is the decline's button.
func (t *Team) askButton() aftercare.Option {
	return aftercare.Option{Choice: aftercare.ChoiceCareAsk, Title: t.cfg.Texts.Text(catalog.TextCareAskButton)}
}
