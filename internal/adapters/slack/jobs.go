package slack

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/inorder"
)

// Per-person ordering: a person's requests are handled one after another,
// different people's in parallel, at most workers at a time; at most
// maxQueued requests are taken and not yet handled.
const (
	workers   = 8
	maxQueued = 256
)

// job is one request to answer: the inbound message (its Chat says where
// the reply goes) and where it came from.
type job struct {
	msg    aftercare.Inbound
	source string // "mention", "dm", "command", "action" or "care", for logs
}

var (
	errQueueFull = errors.New("too many replies waiting")
	errStopping  = errors.New("shutting down")
	errNotReady  = errors.New("not connected to Slack yet")
)

// accept keeps j in the intake (when there is one), then queues it under
// the person who sent it. With wait it blocks while too many requests are
// waiting, until ctx ends; without, a full queue is errQueueFull. Before
// Run has connected and once it is stopping, requests are refused, so that
// Slack delivers them again. An error from the intake means j was neither
// kept nor queued: do not acknowledge it.
func (a *Adapter) accept(ctx context.Context, key string, j job, wait bool) error {
	if !a.accepting.Load() {
		if a.stopped.Load() {
			return errStopping
		}
		return errNotReady
	}
	j.msg.DeliveryID = key
	if a.cfg.Intake != nil && key != "" {
		if err := a.cfg.Intake.Hold(ctx, j.msg); err != nil {
			return fmt.Errorf("%w: %w", errNotKept, err)
		}
	}
	return a.enqueue(ctx, j, wait)
}

// dropped is logged when a request repeats one this process has in hand.
const dropped = "slack request already in hand in this process; the repeat is dropped"

// errNotKept: the intake could not keep a request.
var errNotKept = errors.New("could not keep the request")

// enqueue queues j (see accept), unless a job with its delivery ID is in
// this process already.
func (a *Adapter) enqueue(ctx context.Context, j job, wait bool) error {
	if id := j.msg.DeliveryID; id != "" {
		if _, busy := a.inflight.LoadOrStore(id, struct{}{}); busy {
			a.log.Debug(dropped, "source", j.source)
			return nil
		}
	}
	run := func() { a.handle(j) }
	var err error
	if wait {
		err = a.runner.Go(ctx, j.msg.From.UserID, run)
	} else {
		err = a.runner.TryGo(j.msg.From.UserID, run)
	}
	if err != nil && j.msg.DeliveryID != "" {
		a.inflight.Delete(j.msg.DeliveryID)
	}
	switch {
	case errors.Is(err, inorder.ErrFull):
		return errQueueFull
	case err != nil && ctx.Err() == nil:
		return errStopping
	}
	return err
}

// resume hands the Handler the requests a previous run (or a replica that
// died) acknowledged but did not finish: at once, then every resumeEvery
// those held for at least desk.MinHeldAge, until ctx ends.
func (a *Adapter) resume(ctx context.Context) {
	if a.cfg.Intake == nil {
		return
	}
	t := time.NewTicker(resumeEvery)
	defer t.Stop()
	for minAge := time.Duration(0); ; minAge = heldAge {
		held, err := a.cfg.Intake.Held(ctx, aftercare.Slack, minAge, maxQueued/2)
		if err != nil && ctx.Err() == nil {
			a.log.Warn("could not read the requests kept from before", "err", a.clean(err))
		}
		for _, in := range held {
			if err := a.enqueue(ctx, job{msg: in, source: "kept"}, true); err != nil {
				break
			}
		}
		if len(held) > 0 {
			a.log.Info("answering requests kept from before", "requests", len(held))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// How requests kept in the intake are resumed: the held ones older than
// heldAge are looked for every resumeEvery (variables for tests).
var (
	resumeEvery = 30 * time.Second
	heldAge     = time.Minute
)

// handle passes one request to the Handler, under the work context, which
// ends DrainTimeout after Run's. A panic is logged (without the text) and
// counted, and the person gets the Handler's answer to CommandFailed (the
// decline text) instead of silence.
func (a *Adapter) handle(j job) {
	defer func() {
		if v := recover(); v != nil {
			a.cfg.Recorder.Panicked(Platform)
			a.log.Error("panic while handling a slack request; answered with the decline text", "source", j.source,
				"panic", fmt.Sprintf("%T", v), "stack", string(debug.Stack()))
			a.apologise(j)
		}
	}()
	if id := j.msg.DeliveryID; id != "" {
		defer a.inflight.Delete(id)
	}
	if j.msg.Command == aftercare.CommandStaffReply && j.msg.FromName == "" {
		j.msg.FromName = a.firstName(a.workCtx, j.msg.From.UserID)
	}
	err := a.cfg.Handler.Handle(a.workCtx, j.msg)
	if err != nil && !errors.Is(err, aftercare.ErrUnreachable) {
		a.log.Debug("slack request not answered", "source", j.source, "err", a.clean(err))
	}
	if a.cfg.Intake != nil && !errors.Is(err, aftercare.ErrRetryLater) {
		a.cfg.Intake.Done(a.workCtx, j.msg) // answered, or given up for good
	}
}

// apologise answers a request whose handling panicked, under a delivery
// ID of its own.
func (a *Adapter) apologise(j job) {
	defer func() {
		if v := recover(); v != nil {
			a.log.Error("could not answer a slack request that panicked", "source", j.source, "panic", fmt.Sprintf("%T", v))
		}
	}()
	in := aftercare.Inbound{From: j.msg.From, Chat: j.msg.Chat, Received: j.msg.Received, Command: aftercare.CommandFailed}
	if j.msg.DeliveryID != "" {
		in.DeliveryID = "failed:" + j.msg.DeliveryID
	}
	a.cfg.Handler.Handle(a.workCtx, in)
}

// Send posts msg to a Slack channel, DM or thread, or privately through a
// response URL, retrying only what Slack cannot have posted. It returns
// the message's ts (empty for response URLs, which return none). See
// aftercare.Sender for the errors.
func (a *Adapter) Send(ctx context.Context, to aftercare.Address, msg aftercare.Outgoing) (aftercare.MessageRef, error) {
	ref := aftercare.MessageRef{Address: to}
	if to.Platform != aftercare.Slack || (to.Chat == "" && to.ReplyURL == "") {
		return ref, errors.Join(errors.New("slack: no channel to post to"), aftercare.ErrUnreachable)
	}
	m := renderReply(msg)
	switch msg.Kind {
	case aftercare.KindTopics:
		m = renderTopics(msg.Menu)
	case aftercare.KindInbox:
		m = renderInbox(msg)
	}
	ts, err := a.send(ctx, to, m)
	ref.ID = ts
	return ref, err
}
