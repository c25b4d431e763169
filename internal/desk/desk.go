// Package desk is where every inbound message is handled, once: it turns
// the platforms' at-least-once delivery into exactly-once effects.
//
// For each message, one at a time per person (the adapters' ordering), the
// desk claims the delivery (Telegram update or callback ID, Slack event or
// trigger ID) and records what the message changes in the store (the
// person seen, or forgotten) in one transaction, then asks for the reply,
// sends it through the platform's Sender and records the delivery as
// handled with the outcome. A delivery already handled is not
// answered again, whether it comes back a second later or after a restart.
// A reply that could not be sent for now (the bot stopping, the platform
// refusing for a while) releases the claim, so that the platform delivers
// the message again. A delivery whose previous attempt died between the
// claim and the outcome may or may not have been answered: it is recorded
// as uncertain and not answered twice.
package desk

import (
	"cmp"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/backoff"
	"github.com/clinicbot/aftercare/internal/store"
)

// Replier builds what the bot says to a message: the reply service, in
// production behind the observing handler (logs, metrics, panics).
type Replier interface {
	Answer(ctx context.Context, in aftercare.Inbound) aftercare.Outgoing
}

// Effects records what a message changes beyond the person being seen
// (a treatment time, an invite, reminders), in the transaction that claims
// it, and returns what the reply needs to know of the sender's treatment.
// It must have no effect outside tx. It is not called for /forget.
type Effects interface {
	Apply(ctx context.Context, tx *store.Tx, in aftercare.Inbound, now time.Time) (aftercare.Journey, error)
}

// Handoff puts the care team in the loop (the care package): it sees each
// message with the reply built for it and, in a transaction of its own,
// may queue posts and relays and change the reply, or take the message
// (send false: nothing is sent to the person). Wake is called after that
// transaction commits.
type Handoff interface {
	Route(ctx context.Context, tx *store.Tx, in aftercare.Inbound, out aftercare.Outgoing, now time.Time) (reply aftercare.Outgoing, send bool, err error)
	Wake()
}

// Recorder counts what became of each delivery and how long replies took.
type Recorder interface {
	// Handled counts a delivery by outcome: sent, duplicate, in_progress,
	// uncertain, unreachable, failed, retry_later, store_error, taken or
	// silent.
	Handled(platform, outcome string)
	ReplyLatency(platform string, d time.Duration)
}

// Outcomes of a delivery.
const (
	OutcomeSent        = "sent"
	OutcomeDuplicate   = "duplicate"   // handled before
	OutcomeInProgress  = "in_progress" // being handled right now (another worker or replica)
	OutcomeUncertain   = "uncertain"   // may or may not have been answered; not sent twice
	OutcomeUnreachable = "unreachable" // the person or channel cannot be reached
	OutcomeFailed      = "failed"      // refused for good (a bad request)
	OutcomeRetryLater  = "retry_later" // not sent; the platform will deliver it again
	OutcomeStoreError  = "store_error" // the store failed; the platform will deliver it again
	OutcomeTaken       = "taken"       // taken by the care team: relayed, nothing to send back
	OutcomeResumed     = "resumed"     // taken over from a handling that stopped; its reply sent again
	OutcomeSilent      = "silent"      // news about the chat (blocked, unblocked): recorded, never answered
)

// Defaults.
const (
	// DefaultLease is how long a claimed delivery belongs to the worker
	// that claimed it. It is longer than any one reply takes (a 60-second
	// rate limit included); a claim older than that was abandoned.
	DefaultLease = 3 * time.Minute
	// HandledFor is how long handled delivery IDs are kept: platforms
	// redeliver for minutes (Slack) to a day (Telegram keeps updates 24 h).
	HandledFor = 48 * time.Hour
	// JourneyKept is how long invites are kept after they expire, and
	// reminders after they were due.
	JourneyKept = 7 * 24 * time.Hour
	// DefaultRetention is how long a person not seen is kept.
	DefaultRetention = 180 * 24 * time.Hour
	// InboxKept is how long the unanswered-question inbox keeps a
	// question; one still waiting for "None of these" is kept HandledFor.
	InboxKept = 90 * 24 * time.Hour
	// ReplicasKept is how long the row of a replica that stopped beating,
	// and a lease that expired, are kept (for an operator's eyes).
	ReplicasKept = time.Hour
)

// Config configures a Desk. Store and Replier are required.
type Config struct {
	Store    *store.DB
	Replier  Replier
	Clock    aftercare.Clock // aftercare.SystemClock when nil
	Recorder Recorder        // nil counts nothing
	Effects  Effects         // nil: messages change nothing but the person seen
	Handoff  Handoff         // nil: no care team
	Logger   *slog.Logger    // nil logs nothing
	Lease    time.Duration   // DefaultLease when 0
	// Replica names this process among those sharing the store (see
	// store.DB.Beat); a random name when empty.
	Replica string
	// Retention is how long people not seen are kept (DefaultRetention
	// when 0).
	Retention time.Duration
}

// Desk handles inbound messages. It is safe for concurrent use; the
// adapters guarantee one message at a time per person.
type Desk struct {
	cfg Config

	mu      sync.RWMutex
	senders map[aftercare.Platform]aftercare.Sender
}

// New returns a Desk. Register each platform's Sender before its adapter
// runs.
func New(cfg Config) (*Desk, error) {
	if cfg.Store == nil || cfg.Replier == nil {
		return nil, errors.New("desk: Store and Replier are required")
	}
	if cfg.Clock == nil {
		cfg.Clock = aftercare.SystemClock{}
	}
	if cfg.Recorder == nil {
		cfg.Recorder = nopRecorder{}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Lease <= 0 {
		cfg.Lease = DefaultLease
	}
	if cfg.Retention <= 0 {
		cfg.Retention = DefaultRetention
	}
	if cfg.Replica == "" {
		cfg.Replica = NewReplicaID()
	}
	return &Desk{cfg: cfg, senders: map[aftercare.Platform]aftercare.Sender{}}, nil
}

// NewReplicaID returns a name for a replica: the host's name (which
// helps an operator) and random characters (unique across restarts).
func NewReplicaID() string {
	host, _ := os.Hostname()
	return cmp.Or(host, "replica") + "-" + rand.Text()[:10]
}

// Replica is the name of the replica this desk claims for.
func (d *Desk) Replica() string { return d.cfg.Replica }

type nopRecorder struct{}

func (nopRecorder) Handled(string, string)             {}
func (nopRecorder) ReplyLatency(string, time.Duration) {}

// Register makes s the Sender for platform p.
func (d *Desk) Register(p aftercare.Platform, s aftercare.Sender) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.senders[p] = s
}

// Sender returns the Sender registered for platform p, or nil; the
// reminders send through it.
func (d *Desk) Sender(p aftercare.Platform) aftercare.Sender {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.senders[p]
}

// Handle handles one inbound message: see the package documentation. It
// returns nil when the message is finished with (answered, a duplicate, or
// given up for good) and an error that Is aftercare.ErrRetryLater when the
// platform should deliver it again; the adapter confirms accordingly.
func (d *Desk) Handle(ctx context.Context, in aftercare.Inbound) error {
	platform := in.Chat.Platform
	send := d.Sender(platform)
	if send == nil {
		return fmt.Errorf("desk: no sender for platform %q", platform)
	}
	claim, pending, journey, err := d.claimWaiting(ctx, in)
	if err != nil {
		if errors.Is(err, errPersonBusy) {
			d.count(platform, OutcomeInProgress)
			return fmt.Errorf("desk: %w: %w", aftercare.ErrRetryLater, err)
		}
		d.count(platform, OutcomeStoreError)
		d.cfg.Logger.Error("store failed; the message will be handled when it is delivered again", "platform", platform, "err", err)
		return fmt.Errorf("desk: %w: %w", aftercare.ErrRetryLater, err)
	}
	switch claim {
	case store.ClaimDone:
		d.count(platform, OutcomeDuplicate)
		return nil
	case store.ClaimBusy:
		// Another worker or replica is on it. Not confirmed: should it
		// die, the platform delivers the message again and it is taken
		// over; otherwise the next delivery finds it done.
		d.count(platform, OutcomeInProgress)
		return fmt.Errorf("desk: %w: being handled elsewhere", aftercare.ErrRetryLater)
	}
	var out aftercare.Outgoing
	if claim == store.ClaimStale && pending.Reply != nil && json.Unmarshal(pending.Reply, &out) == nil {
		// Built and routed before the handling stopped; it may or may not
		// have been sent. A duplicate answer is better than none.
		d.count(platform, OutcomeResumed)
		d.cfg.Logger.Warn("a delivery whose handling was interrupted came back; its reply is sent (again, if it had reached the person)",
			"platform", platform)
	} else {
		in.Journey = journey
		var finished bool
		if out, finished, err = d.build(ctx, in); finished {
			return err
		}
	}
	_, sendErr := send.Send(ctx, in.Chat, out)
	outcome := outcomeOf(sendErr)
	d.count(platform, outcome)
	if outcome == OutcomeSent && !in.Received.IsZero() {
		d.cfg.Recorder.ReplyLatency(string(platform), time.Since(in.Received))
	}
	if in.DeliveryID != "" {
		d.settle(ctx, in, outcome)
	}
	return sendErr
}

// build asks for in's reply and lets the care team route it (see route).
// finished is true when there is nothing to send: the message was taken by
// the team or is silent (err nil), or it is to be delivered again (err
// Is aftercare.ErrRetryLater); each is counted, and the claim settled.
func (d *Desk) build(ctx context.Context, in aftercare.Inbound) (out aftercare.Outgoing, finished bool, err error) {
	platform := in.Chat.Platform
	var answer aftercare.Outgoing
	if (d.cfg.Handoff == nil || !in.ForTeam()) && !in.Silent() { // staff's work in the care channel is not a question
		answer = d.cfg.Replier.Answer(ctx, in)
	}
	out, reply, err := d.route(ctx, in, answer)
	switch {
	case errors.Is(err, aftercare.ErrRetryLater): // the care team cannot place it yet
		d.count(platform, OutcomeRetryLater)
		d.cfg.Logger.Info("the care team cannot place a message yet; it will be handled when it is delivered again", "platform", platform, "err", err)
	case err != nil:
		d.count(platform, OutcomeStoreError)
		d.cfg.Logger.Error("store failed; the message will be handled when it is delivered again", "platform", platform, "err", err)
		err = fmt.Errorf("desk: %w: %w", aftercare.ErrRetryLater, err)
	case in.Silent():
		d.count(platform, OutcomeSilent)
		return out, true, nil
	case !reply:
		d.count(platform, OutcomeTaken)
		return out, true, nil
	default:
		return out, false, nil
	}
	if in.DeliveryID != "" {
		d.settle(ctx, in, OutcomeRetryLater)
	}
	return out, true, err
}

// errPersonBusy: another replica is handling a message of the same person.
var errPersonBusy = errors.New("the person's previous message is being handled")

// personWait bounds how long a message waits for its person's previous
// one, handled by another replica, before the platform is asked to
// deliver it again.
var personWait = 20 * time.Second

// claimWaiting claims in (see claim), waiting with back-off while another
// replica handles a message of the same person.
func (d *Desk) claimWaiting(ctx context.Context, in aftercare.Inbound) (store.Claim, store.Pending, aftercare.Journey, error) {
	deadline := time.Now().Add(personWait)
	for attempt := 0; ; attempt++ {
		claim, pending, journey, err := d.claim(ctx, in, d.cfg.Clock.Now())
		if !errors.Is(err, errPersonBusy) || time.Now().After(deadline) {
			return claim, pending, journey, err
		}
		if err := backoff.Sleep(ctx, personBackoff.Delay(attempt)); err != nil {
			return 0, store.Pending{}, journey, errPersonBusy
		}
	}
}

// personBackoff spaces the looks at a person's lease.
var personBackoff = backoff.Policy{Min: 20 * time.Millisecond, Max: time.Second}

// route lets the care team route in, whose reply is out (see Handoff),
// and records the reply with the delivery, in one transaction: once it
// commits, a replica taking the delivery over sends that reply rather
// than routing the message again. A message the team takes is finished in
// that transaction.
//
// A Silent message (the person blocked or unblocked the bot) is finished
// the same way, whatever the team says: the care team sees it (to tell a
// case's thread), but nothing goes back. The desk decides this from the
// message rather than from its reply (an empty Outgoing, say) so that no
// Replier or Handoff, present or future, can answer a blocked chat by
// mistake, and so that a message with nothing to send leaves no reply in
// the store for a replica taking over to send.
func (d *Desk) route(ctx context.Context, in aftercare.Inbound, out aftercare.Outgoing) (aftercare.Outgoing, bool, error) {
	if d.cfg.Handoff == nil && in.DeliveryID == "" {
		return out, !in.Silent(), nil
	}
	reply, send := out, true
	err := d.cfg.Store.Tx(ctx, func(tx *store.Tx) (err error) {
		reply, send = out, true
		if d.cfg.Handoff != nil {
			if reply, send, err = d.cfg.Handoff.Route(ctx, tx, in, out, d.cfg.Clock.Now()); err != nil {
				return fmt.Errorf("care team: %w", err)
			}
		}
		send = send && !in.Silent()
		if in.DeliveryID == "" {
			return nil
		}
		if !send {
			if err := d.dropPerson(ctx, tx, in); err != nil {
				return err
			}
			outcome := OutcomeTaken
			if in.Silent() {
				outcome = OutcomeSilent
			}
			return tx.Finish(ctx, in.Chat.Platform, in.DeliveryID, d.cfg.Clock.Now(), outcome)
		}
		b, err := json.Marshal(reply)
		if err != nil {
			return err
		}
		return tx.Progress(ctx, in.Chat.Platform, in.DeliveryID, nil, b)
	})
	if err != nil {
		return out, false, err
	}
	if d.cfg.Handoff != nil {
		d.cfg.Handoff.Wake()
	}
	return reply, send, nil
}

// claim claims in's delivery, takes its person's lease, and records its
// effect on the store, in one transaction; without a delivery ID (the
// console) there is nothing to claim and the claim is ClaimNew. It returns
// what Effects found, or for a delivery taken over (ClaimStale) what the
// first claim's Effects had found, without applying them again.
func (d *Desk) claim(ctx context.Context, in aftercare.Inbound, now time.Time) (store.Claim, store.Pending, aftercare.Journey, error) {
	claim := store.ClaimNew
	var pending store.Pending
	journey := aftercare.Journey{Now: now}
	err := d.cfg.Store.Tx(ctx, func(tx *store.Tx) error {
		claim, pending, journey = store.ClaimNew, store.Pending{}, aftercare.Journey{Now: now}
		if in.DeliveryID != "" {
			c, p, err := tx.ClaimFor(ctx, d.cfg.Replica, in.Chat.Platform, in.DeliveryID, now, d.cfg.Lease)
			claim, pending = c, p
			if err != nil || !c.Owned() {
				return err
			}
			if err := d.takePerson(ctx, tx, in, now); err != nil {
				return err
			}
		}
		if claim == store.ClaimStale {
			if pending.Journey != nil && json.Unmarshal(pending.Journey, &journey) == nil {
				journey.Now = now
			}
			return nil
		}
		switch {
		case in.From.IsZero():
			return nil
		case in.Choice == aftercare.ChoiceForget:
			_, err := tx.Forget(ctx, in.From, now)
			return err
		}
		if _, err := tx.SeePerson(ctx, in.From, now); err != nil {
			return err
		}
		if d.cfg.Effects != nil {
			var err error
			if journey, err = d.cfg.Effects.Apply(ctx, tx, in, now); err != nil {
				return err
			}
		}
		if in.DeliveryID == "" {
			return nil
		}
		b, err := json.Marshal(journey)
		if err != nil {
			return err
		}
		return tx.Progress(ctx, in.Chat.Platform, in.DeliveryID, b, nil)
	})
	return claim, pending, journey, err
}

// personLease names the lease that makes one person's messages handled one
// at a time across replicas: a hash, so that the leases table holds no
// platform user ID.
func personLease(a aftercare.Actor) string {
	sum := sha256.Sum256([]byte(string(a.Platform) + "\x00" + a.UserID))
	return "person:" + hex.EncodeToString(sum[:12])
}

// takePerson takes in's sender's lease for this replica, or fails with
// errPersonBusy when another live replica is handling one of their
// messages. Within a replica the adapters already keep a person's
// messages in order, so the lease is the replica's, not the message's.
func (d *Desk) takePerson(ctx context.Context, tx *store.Tx, in aftercare.Inbound, now time.Time) error {
	if in.From.IsZero() {
		return nil
	}
	ok, err := tx.TakeLease(ctx, personLease(in.From), d.cfg.Replica, now, now.Add(d.cfg.Lease))
	switch {
	case err != nil:
		return err
	case !ok:
		return errPersonBusy
	}
	return nil
}

// dropPerson gives up in's sender's lease.
func (d *Desk) dropPerson(ctx context.Context, tx *store.Tx, in aftercare.Inbound) error {
	if in.From.IsZero() {
		return nil
	}
	return tx.DropLease(ctx, personLease(in.From), d.cfg.Replica)
}

// settle records the outcome of a claimed delivery, and gives up its
// person's lease: released when it is to be delivered again, else
// handled. It runs even when ctx has ended (the bot stopping), within a
// short deadline of its own; if it fails, the claim is taken over when
// the delivery comes back after the lease, or once this replica is gone.
func (d *Desk) settle(ctx context.Context, in aftercare.Inbound, outcome string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	err := d.cfg.Store.Tx(ctx, func(tx *store.Tx) error {
		if err := d.dropPerson(ctx, tx, in); err != nil {
			return err
		}
		if outcome == OutcomeRetryLater {
			return tx.Release(ctx, in.Chat.Platform, in.DeliveryID)
		}
		return tx.Finish(ctx, in.Chat.Platform, in.DeliveryID, d.cfg.Clock.Now(), outcome)
	})
	if err != nil {
		d.cfg.Logger.Error("could not record a delivery's outcome; if it comes back it will be taken over",
			"platform", in.Chat.Platform, "outcome", outcome, "err", err)
	}
}

// outcomeOf names what a Send's error says.
func outcomeOf(err error) string {
	switch {
	case err == nil:
		return OutcomeSent
	case errors.Is(err, aftercare.ErrRetryLater):
		return OutcomeRetryLater
	case errors.Is(err, aftercare.ErrUnreachable):
		return OutcomeUnreachable
	case errors.Is(err, aftercare.ErrUncertain):
		return OutcomeUncertain
	default:
		return OutcomeFailed
	}
}

func (d *Desk) count(p aftercare.Platform, outcome string) {
	d.cfg.Recorder.Handled(string(p), outcome)
}

// Purge deletes handled delivery IDs older than HandledFor, the people
// not seen for the retention period (with their treatments and
// reminders), invites expired and reminders due more than JourneyKept ago,
// inbox questions older than InboxKept, replicas and leases lapsed more
// than ReplicasKept ago, and logs how many.
func (d *Desk) Purge(ctx context.Context) error {
	now := d.cfg.Clock.Now()
	deliveries, people, err := d.cfg.Store.Purge(ctx, now, HandledFor, d.cfg.Retention)
	if err != nil {
		return fmt.Errorf("desk: purge: %w", err)
	}
	journey, err := d.cfg.Store.PurgeJourney(ctx, now, JourneyKept)
	if err != nil {
		return fmt.Errorf("desk: purge: %w", err)
	}
	questions, err := d.cfg.Store.PurgeInbox(ctx, now, InboxKept, HandledFor)
	if err != nil {
		return fmt.Errorf("desk: purge: %w", err)
	}
	replicas, err := d.cfg.Store.PurgeReplicas(ctx, now.Add(-ReplicasKept))
	if err != nil {
		return fmt.Errorf("desk: purge: %w", err)
	}
	if deliveries > 0 || people > 0 || journey > 0 || questions > 0 || replicas > 0 {
		d.cfg.Logger.Info("purged old records", "deliveries", deliveries, "people", people, "journey", journey, "questions", questions,
			"replicas_and_leases", replicas)
	}
	return nil
}

// RunPurge purges at once and then every interval until ctx ends. It
// returns nil; failures are logged and tried again at the next interval.
func (d *Desk) RunPurge(ctx context.Context, interval time.Duration) error {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if err := d.Purge(ctx); err != nil && ctx.Err() == nil {
			d.cfg.Logger.Warn("purge failed; trying again later", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}
