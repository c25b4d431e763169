package slack

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"

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
	source string // "mention", "dm", "command" or "action", for logs
}

var (
	errQueueFull = errors.New("too many replies waiting")
	errStopping  = errors.New("shutting down")
	errNotReady  = errors.New("not connected to Slack yet")
)

// accept queues j under the person who sent it. With wait it blocks while
// too many requests are waiting, until ctx ends; without, a full queue is
// errQueueFull. Before Run has connected and once it is stopping, requests
// are refused, so that Slack delivers them again.
func (a *Adapter) accept(ctx context.Context, key string, j job, wait bool) error {
	if !a.accepting.Load() {
		if a.stopped.Load() {
			return errStopping
		}
		return errNotReady
	}
	j.msg.DeliveryID = key
	run := func() { a.handle(j) }
	var err error
	if wait {
		err = a.runner.Go(ctx, j.msg.From.UserID, run)
	} else {
		err = a.runner.TryGo(j.msg.From.UserID, run)
	}
	switch {
	case errors.Is(err, inorder.ErrFull):
		return errQueueFull
	case err != nil && ctx.Err() == nil:
		return errStopping
	}
	return err
}

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
	if err := a.cfg.Handler.Handle(a.workCtx, j.msg); err != nil && !errors.Is(err, aftercare.ErrUnreachable) {
		a.log.Debug("slack request not answered", "source", j.source, "err", a.clean(err))
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
	if msg.Kind == aftercare.KindTopics {
		m = renderTopics(msg.Menu)
	}
	ts, err := a.send(ctx, to, m)
	ref.ID = ts
	return ref, err
}
