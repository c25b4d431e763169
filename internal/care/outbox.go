package care

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/backoff"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/store"
)

// Senders finds the Sender of a platform: the desk. A Sender that is
// also an aftercare.Looker has uncertain sends looked up before they are
// sent again; one that is an aftercare.Editor can update, delete and
// react.
type Senders interface {
	Sender(p aftercare.Platform) aftercare.Sender
}

// Recorder counts what the outbox does; in production *metrics.Registry.
type Recorder interface {
	// Relayed counts a post by what became of it: sent, found (an
	// uncertain post looked up and found), retry, uncertain, unreachable,
	// failed.
	Relayed(kind, result string)
	// OutboxAge reports how long the oldest unsent post has waited (0 when
	// none).
	OutboxAge(d time.Duration)
}

// letter is what a post carries.
type letter struct {
	Msg aftercare.Outgoing `json:"msg"`
	// Source is the staff message a relay to a patient comes from: it gets
	// ✅ when the relay is sent, and a note in its thread when it cannot be.
	Source *aftercare.MessageRef `json:"source,omitempty"`
	// Reaction is a react post's emoji name.
	Reaction string `json:"reaction,omitempty"`
	// File, on a send post, is a patient's file to upload (fetched from
	// its platform when sent); Msg is then what is posted instead when it
	// cannot be fetched.
	File *aftercare.File `json:"file,omitempty"`
}

func encode(l letter) []byte {
	b, _ := json.Marshal(l) // plain data: cannot fail
	return b
}

// Texts gives the texts of the content by key (catalog.TextCare…), the
// clinic's placeholders filled: the reply service.
type Texts interface {
	Text(key string) string
}

// OutboxConfig configures an Outbox. Store, Senders and Texts are required.
type OutboxConfig struct {
	Store    *store.DB
	Senders  Senders
	Texts    Texts
	Clock    aftercare.Clock // aftercare.SystemClock when nil
	Logger   *slog.Logger    // nil logs nothing
	Recorder Recorder        // nil counts nothing
	Interval time.Duration   // how often to look, besides Wake; 1 s when 0
	Lease    time.Duration   // how long a claim lasts; 5 minutes when 0
}

// NewOutbox returns an Outbox.
func NewOutbox(cfg OutboxConfig) (*Outbox, error) {
	if cfg.Store == nil || cfg.Senders == nil || cfg.Texts == nil {
		return nil, errors.New("care: the outbox needs Store, Senders and Texts")
	}
	o := &Outbox{store: cfg.Store, senders: cfg.Senders, texts: cfg.Texts, clock: cfg.Clock, log: cfg.Logger, rec: cfg.Recorder,
		interval: cfg.Interval, lease: cfg.Lease, wake: make(chan struct{}, 1)}
	if o.clock == nil {
		o.clock = aftercare.SystemClock{}
	}
	if o.log == nil {
		o.log = slog.New(slog.DiscardHandler)
	}
	if o.rec == nil {
		o.rec = nopRecorder{}
	}
	if o.interval <= 0 {
		o.interval = defaultOutboxInterval
	}
	if o.lease <= 0 {
		o.lease = defaultOutboxLease
	}
	return o, nil
}

type nopRecorder struct{}

func (nopRecorder) Relayed(string, string)  {}
func (nopRecorder) OutboxAge(time.Duration) {}

// Outbox sends the store's outbox. Several may share one database (each
// post goes to one); Run must be called once per Outbox.
type Outbox struct {
	store    *store.DB
	senders  Senders
	clock    aftercare.Clock
	log      *slog.Logger
	rec      Recorder
	texts    Texts
	interval time.Duration
	lease    time.Duration
	wake     chan struct{}
}

// Outbox defaults.
const (
	defaultOutboxInterval = time.Second
	// defaultOutboxLease is longer than any send takes (a 60-second rate
	// limit included).
	defaultOutboxLease = 5 * time.Minute
	outboxBatch        = 20
)

// outboxBackoff spaces the retries of a post the platform refused for now.
var outboxBackoff = backoff.Policy{Min: 2 * time.Second, Max: 2 * time.Minute}

// Wake makes Run look at the outbox now rather than at its next tick;
// call it after committing posts.
func (o *Outbox) Wake() {
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

// Run sends posts until ctx ends, and returns nil then, after the sends
// under way have finished.
func (o *Outbox) Run(ctx context.Context) error {
	t := time.NewTicker(o.interval)
	defer t.Stop()
	for {
		o.Flush(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-o.wake:
		}
	}
}

// Flush sends what is due now, until nothing is: posts claimed by a
// process that died are taken back first (to be looked up), then each
// lane's first post is sent, the lanes in parallel.
func (o *Outbox) Flush(ctx context.Context) {
	now := o.clock.Now()
	if n, err := o.store.AbandonPosts(ctx, now, o.lease); err != nil {
		o.log.Warn("outbox: could not take back abandoned posts", "err", err)
	} else if n > 0 {
		o.log.Warn("outbox: posts whose sending was interrupted will be looked up before they are sent again", "count", n)
	}
	for ctx.Err() == nil {
		posts, err := o.store.ClaimPosts(ctx, o.clock.Now(), outboxBatch)
		if err != nil {
			o.log.Warn("outbox: could not claim posts; trying again later", "err", err)
			break
		}
		if len(posts) == 0 {
			break
		}
		var wg sync.WaitGroup
		for _, p := range posts {
			wg.Go(func() { o.deliver(ctx, p) })
		}
		wg.Wait()
	}
	o.age(ctx)
}

func (o *Outbox) age(ctx context.Context) {
	oldest, ok, err := o.store.OldestPending(ctx)
	switch {
	case err != nil:
		return
	case !ok:
		o.rec.OutboxAge(0)
	default:
		o.rec.OutboxAge(max(o.clock.Now().Sub(oldest), 0))
	}
}

// deliver sends one claimed post and settles it.
func (o *Outbox) deliver(ctx context.Context, p store.Post) {
	var l letter
	if err := json.Unmarshal(p.Payload, &l); err != nil {
		o.settle(ctx, p, result{state: store.PostFailed}, l)
		o.log.Error("outbox: a post that cannot be read was dropped", "post", p.ID, "err", err)
		return
	}
	o.settle(ctx, p, o.attempt(ctx, p, l), l)
}

// result is what became of one attempt.
type result struct {
	state  store.PostState
	ref    string
	lookup bool   // retry after looking for it
	label  string // for metrics
	err    error
}

// attempt sends p once (looking for it first when the last attempt may
// have landed).
func (o *Outbox) attempt(ctx context.Context, p store.Post, l letter) result {
	send := o.senders.Sender(p.To.Platform)
	if send == nil {
		return result{state: store.PostPending, label: "retry", err: fmt.Errorf("no sender for %s", p.To.Platform)}
	}
	to := p.To
	if p.CaseID != 0 && !p.Root && to.Thread == "" && p.Kind == store.PostSend {
		c, err := o.caseOf(ctx, p.CaseID)
		switch {
		case err != nil:
			return result{state: store.PostPending, label: "retry", err: err}
		case c.Thread == "":
			return result{state: store.PostFailed, label: "failed", err: errors.New("the case's root was never posted")}
		}
		to.Thread = c.Thread
	}
	if p.Kind != store.PostSend {
		return o.edit(ctx, send, p, to, l)
	}
	l.Msg.Key = p.Key
	if p.Lookup {
		looker, ok := send.(aftercare.Looker)
		if !ok {
			return result{state: store.PostUncertain, label: "uncertain", err: aftercare.ErrUncertain}
		}
		ref, found, err := looker.Lookup(ctx, to, p.Key)
		switch {
		case err != nil:
			return result{state: store.PostPending, lookup: true, label: "retry", err: err}
		case found:
			return result{state: store.PostSent, ref: ref.ID, label: "found"}
		}
	}
	var r result
	if l.File != nil {
		r = o.upload(ctx, send, p, to, l)
	} else {
		ref, err := send.Send(ctx, to, l.Msg)
		r = o.outcome(send, ref.ID, err)
	}
	if r.state == store.PostUnreachable && p.To.Platform == aftercare.Slack {
		// The team's channel (the bot not in it, archived): kept until it is
		// fixed, which /readyz reports, rather than lost.
		r.state, r.label = store.PostPending, "retry"
	}
	return r
}

// outcome turns a Sender's answer into a result.
func (o *Outbox) outcome(send aftercare.Sender, ref string, err error) result {
	_, canLook := send.(aftercare.Looker)
	switch {
	case err == nil:
		return result{state: store.PostSent, ref: ref, label: "sent"}
	case errors.Is(err, aftercare.ErrRetryLater):
		return result{state: store.PostPending, label: "retry", err: err}
	case errors.Is(err, aftercare.ErrUncertain) && canLook:
		return result{state: store.PostPending, lookup: true, label: "retry", err: err}
	case errors.Is(err, aftercare.ErrUncertain):
		return result{state: store.PostUncertain, label: "uncertain", err: err}
	case errors.Is(err, aftercare.ErrUnreachable):
		return result{state: store.PostUnreachable, label: "unreachable", err: err}
	}
	return result{state: store.PostFailed, label: "failed", err: err}
}

// edit updates, deletes or reacts, as p says.
func (o *Outbox) edit(ctx context.Context, send aftercare.Sender, p store.Post, to aftercare.Address, l letter) result {
	ed, ok := send.(aftercare.Editor)
	if !ok {
		return result{state: store.PostFailed, label: "failed", err: fmt.Errorf("%s cannot %s", p.To.Platform, p.Kind)}
	}
	ref := aftercare.MessageRef{Address: to, ID: p.Ref}
	var err error
	switch p.Kind {
	case store.PostUpdate:
		err = ed.Update(ctx, ref, l.Msg)
	case store.PostDelete:
		err = ed.Delete(ctx, ref)
	case store.PostReact:
		err = ed.React(ctx, ref, l.Reaction)
	}
	r := o.outcome(send, p.Ref, err)
	if r.lookup { // an edit done twice does no harm
		r.lookup = false
	}
	return r
}

func (o *Outbox) caseOf(ctx context.Context, id int64) (store.Case, error) {
	var c store.Case
	err := o.store.Tx(ctx, func(tx *store.Tx) error {
		var err error
		c, _, err = tx.CaseByID(ctx, id)
		return err
	})
	return c, err
}

// settle records r for p, with what follows from it in the same
// transaction: a root's ts becomes its case's thread; a relay of a staff
// reply gets ✅, or a note in its thread when it cannot be delivered. It
// runs even when ctx has ended, within a deadline of its own; if it fails
// the claim expires and the post is looked up again.
func (o *Outbox) settle(ctx context.Context, p store.Post, r result, l letter) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	now := o.clock.Now()
	retryAt := now.Add(outboxBackoff.Delay(p.Attempts))
	err := o.store.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.SettlePost(ctx, p.ID, r.state, r.ref, retryAt, r.lookup, now); err != nil {
			return err
		}
		if r.state == store.PostSent && p.Root {
			if err := rootPosted(ctx, tx, p.CaseID, r.ref, now); err != nil {
				return err
			}
		}
		if l.Source != nil && r.state != store.PostPending {
			return o.followUp(ctx, tx, p.ID, *l.Source, r, now)
		}
		return nil
	})
	kind := string(p.Kind)
	if l.File != nil {
		kind = "upload"
	}
	o.rec.Relayed(kind, r.label)
	if err != nil {
		o.log.Error("outbox: could not record a post's outcome; it will be looked up again", "post", p.ID, "err", err)
		return
	}
	if r.err != nil && r.state != store.PostSent {
		o.log.Warn("outbox: post not sent", "post", p.ID, "platform", p.To.Platform, "result", r.label, "err", r.err)
	}
}

// followUp tells staff what became of their relayed reply src (post id):
// an uncertain one can be sent again with a button.
func (o *Outbox) followUp(ctx context.Context, tx *store.Tx, id int64, src aftercare.MessageRef, r result, now time.Time) error {
	lane := "case-thread:" + src.Address.Chat + ":" + src.Address.Thread
	if r.state == store.PostSent {
		_, err := tx.Enqueue(ctx, store.Post{Lane: lane, Kind: store.PostReact, To: src.Address, Ref: src.ID,
			Payload: encode(letter{Reaction: "white_check_mark"})}, now)
		return err
	}
	var text string
	switch r.state {
	case store.PostUnreachable:
		text = o.texts.Text(catalog.TextCareNotDelivered)
	case store.PostUncertain:
		text = o.texts.Text(catalog.TextCareUncertain)
	default:
		text = o.texts.Text(catalog.TextCareNotSent)
	}
	msg := aftercare.Outgoing{Kind: aftercare.KindNotice, Text: text}
	if r.state == store.PostUncertain {
		msg.Actions = []aftercare.Action{{ID: aftercare.ActionHandoffResend, Title: "Send again", Value: strconv.FormatInt(id, 10)}}
	}
	_, err := tx.Enqueue(ctx, store.Post{Lane: lane, To: src.Address, Payload: encode(letter{Msg: msg})}, now)
	return err
}

// Letter returns p carrying msg; src, when set, is the staff message p
// relays (it gets ✅ once sent, or a note in its thread).
func Letter(p store.Post, msg aftercare.Outgoing, src *aftercare.MessageRef) store.Post {
	p.Payload = encode(letter{Msg: msg, Source: src})
	return p
}
