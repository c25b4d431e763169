package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

var errConnecting = errors.New("connecting to Slack (Socket Mode)")

// runSocketMode runs slack-go's Socket Mode client, which reconnects by
// itself after a `disconnect` message or a dropped connection, and handles
// its events until ctx ends (nil) or a token is refused (an error wrapping
// ErrAuth). It returns after the client's Run has returned.
func (a *Adapter) runSocketMode(ctx context.Context) error {
	sm := socketmode.New(a.client)
	clientCtx, stop := context.WithCancel(ctx)
	defer stop()
	stopped := make(chan error, 1)
	go func() { stopped <- sm.RunContext(clientCtx) }()
	for {
		select {
		case <-ctx.Done():
			<-stopped
			return nil
		case err := <-stopped:
			return a.socketModeEnded(ctx, err)
		case evt := <-sm.Events:
			if err := a.handleSocketEvent(ctx, sm, evt); err != nil {
				stop()
				<-stopped
				return err
			}
		}
	}
}

// socketModeEnded explains why the Socket Mode client stopped by itself:
// it only does when it cannot connect at all.
func (a *Adapter) socketModeEnded(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return nil
	}
	err = a.clean(err)
	var codeErr slackapi.StatusCodeError
	if isAuthError(err) || (errors.As(err, &codeErr) && codeErr.Code == http.StatusNotFound) {
		a.cfg.SetReady(ErrAuth)
		return fmt.Errorf("%w: app token: apps.connections.open: %w", ErrAuth, err)
	}
	a.cfg.SetReady(err)
	return fmt.Errorf("socket mode: %w", err)
}

// handleSocketEvent handles one event of the Socket Mode client: every
// request from Slack is kept in the intake, acknowledged, then queued; the
// client's own events update readiness. A non-nil error stops Run.
func (a *Adapter) handleSocketEvent(ctx context.Context, sm *socketmode.Client, evt socketmode.Event) error {
	received := time.Now()
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		a.cfg.SetReady(errConnecting)
	case socketmode.EventTypeHello:
		a.cfg.SetReady(nil)
		a.log.Info("slack connected (Socket Mode)")
	case socketmode.EventTypeConnectionError:
		return a.connectionError(evt)
	case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorWriteFailed:
		a.log.Warn("slack socket mode error", "event", string(evt.Type), "err", a.clean(eventError(evt.Data)))
	case socketmode.EventTypeErrorBadMessage:
		a.ackBadMessage(ctx, sm, evt)
	case socketmode.EventTypeEventsAPI, socketmode.EventTypeSlashCommand, socketmode.EventTypeInteractive:
		a.acceptRequest(ctx, sm, evt, received)
	default:
		a.ack(ctx, sm, evt.Request) // a request type this adapter does not answer
	}
	return nil
}

// connectionError reports a failed connection attempt; the client retries
// by itself unless the app token was refused.
func (a *Adapter) connectionError(evt socketmode.Event) error {
	err := a.clean(eventError(evt.Data))
	if isAuthError(err) {
		a.cfg.SetReady(ErrAuth)
		return fmt.Errorf("%w: app token: apps.connections.open: %w", ErrAuth, err)
	}
	a.cfg.SetReady(fmt.Errorf("connecting to Slack: %w", err))
	a.log.Warn("slack connection failed; retrying", "err", err)
	return nil
}

// acceptRequest turns a request into a job, keeps it in the intake,
// acknowledges it and queues it, waiting while the queue is full. A
// request that cannot be kept is not acknowledged, so Slack delivers it
// again; one kept but not queued (Run is stopping) is answered after a
// restart, or by another replica.
func (a *Adapter) acceptRequest(ctx context.Context, sm *socketmode.Client, evt socketmode.Event, received time.Time) {
	var (
		j   job
		ok  bool
		key string
	)
	switch data := evt.Data.(type) {
	case slackevents.EventsAPIEvent:
		cb, _ := data.Data.(*slackevents.EventsAPICallbackEvent)
		j, ok = a.eventJob(data.InnerEvent, received)
		key = eventKey(cb)
	case slackapi.SlashCommand:
		j, ok = a.commandJob(data, received)
		key = triggerKey(data.TriggerID)
	case slackapi.InteractionCallback:
		j, ok = a.actionJob(data, received)
		key = triggerKey(data.TriggerID)
	}
	if !ok {
		a.ack(ctx, sm, evt.Request)
		return
	}
	if !a.accepting.Load() {
		return // not acknowledged: Slack delivers it again
	}
	j.msg.DeliveryID = key
	if a.cfg.Intake != nil && key != "" {
		if err := a.cfg.Intake.Hold(ctx, j.msg); err != nil {
			a.log.Warn("slack request not kept, so not acknowledged: Slack will deliver it again", "source", j.source, "err", a.clean(err))
			return
		}
	}
	a.ack(ctx, sm, evt.Request)
	if err := a.enqueue(ctx, j, true); err != nil {
		kept := a.cfg.Intake != nil && key != ""
		if !kept {
			a.cfg.Recorder.SendError(Platform, "shutdown")
		}
		a.log.Warn("slack request acknowledged but not taken now", "source", j.source, "kept_for_later", kept, "err", err)
	}
}

// ack acknowledges req at once, if it is a request from Slack (the
// client's own events carry none).
func (a *Adapter) ack(ctx context.Context, sm *socketmode.Client, req *socketmode.Request) {
	if req == nil || req.EnvelopeID == "" {
		return
	}
	if err := sm.AckCtx(ctx, req.EnvelopeID, nil); err != nil && ctx.Err() == nil {
		a.log.Warn("slack ack failed; Slack will deliver the request again", "err", a.clean(err))
	}
}

// ackBadMessage acknowledges a request slack-go could not parse (an event
// type it does not know), so that Slack does not deliver it again.
func (a *Adapter) ackBadMessage(ctx context.Context, sm *socketmode.Client, evt socketmode.Event) {
	bad, ok := evt.Data.(*socketmode.ErrorBadMessage)
	if !ok {
		return
	}
	var req socketmode.Request
	if json.Unmarshal(bad.Message, &req) == nil {
		a.ack(ctx, sm, &req)
	}
	a.log.Debug("slack request not understood; acknowledged and ignored", "type", req.Type)
}

// eventError is the error a client event carries.
func eventError(data any) error {
	switch d := data.(type) {
	case *slackapi.ConnectionErrorEvent:
		return d.ErrorObj
	case *slackapi.IncomingEventError:
		return d.ErrorObj
	case *socketmode.ErrorWriteFailed:
		return d.Cause
	case error:
		return d
	}
	return fmt.Errorf("%T", data)
}
