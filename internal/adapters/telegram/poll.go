package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"strconv"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/backoff"
)

// allowedUpdates are the kinds of update the bot asks Telegram for, in
// getUpdates and setWebhook: messages, button presses, and my_chat_member
// (a person blocking or unblocking the bot).
const allowedUpdates = `["message","callback_query","my_chat_member"]`

// pollLimit is the most updates one getUpdates call may return.
const pollLimit = 100

// poll long-polls getUpdates until ctx ends. Every call confirms exactly
// the updates handled so far (see tracker). With MaxPending updates in hand
// it waits for one to finish before taking more.
func (a *Adapter) poll(ctx, sendCtx context.Context) error {
	failures := 0
	for ctx.Err() == nil {
		if n, changed := a.track.inFlight(); n >= a.cfg.MaxPending {
			select {
			case <-changed:
			case <-ctx.Done():
			}
			continue
		}
		limit := min(pollLimit, a.cfg.MaxPending) // the oldest returned are those in hand
		raw, err := a.getUpdates(a.poller, a.track.offset(), limit, a.cfg.PollTimeout)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			if isUnauthorized(err) {
				return ErrUnauthorized
			}
			a.pollFailed(err)
			if backoff.Sleep(ctx, a.cfg.Backoff.Delay(failures)) != nil {
				return nil
			}
			failures++
			continue
		}
		if failures > 0 {
			a.cfg.Logger.Info("telegram: receiving updates again")
			a.cfg.SetReady(nil)
		}
		failures = 0
		if fresh := a.receive(sendCtx, raw); fresh == 0 {
			a.awaitProgress(ctx)
		}
	}
	return nil
}

// pollFailed logs and reports a failed getUpdates.
func (a *Adapter) pollFailed(err error) {
	f := classify(err)
	err = a.cfg.Redact(err)
	a.cfg.SetReady(errors.New("telegram: " + f.reason))
	if f.reason == "conflict" {
		a.cfg.Logger.Error("telegram: 409 Conflict from getUpdates: another instance is polling with this token, or a webhook is set; backing off", "err", err)
		return
	}
	a.cfg.Logger.Warn("telegram: getUpdates failed; backing off", "reason", f.reason, "err", err)
}

// awaitProgress waits, when every update Telegram returned is already being
// handled, until one finishes or BusyRepoll passes: polling again at once
// would only return them again (Telegram returns every update not yet
// confirmed), but waiting only for one to finish would leave every other
// chat unheard while one reply is slow (a send waiting out a 429).
func (a *Adapter) awaitProgress(ctx context.Context) {
	if n, changed := a.track.inFlight(); n > 0 {
		t := time.NewTimer(a.cfg.BusyRepoll)
		defer t.Stop()
		select {
		case <-changed:
		case <-t.C:
		case <-ctx.Done():
		}
	}
}

// getUpdates fetches updates from offset, each left undecoded so that one
// bad update cannot spoil the batch.
func (a *Adapter) getUpdates(api *tgbotapi.BotAPI, offset, limit int, timeout time.Duration) ([]json.RawMessage, error) {
	resp, err := api.MakeRequest("getUpdates", tgbotapi.Params{
		"offset":          strconv.Itoa(offset),
		"limit":           strconv.Itoa(limit),
		"timeout":         strconv.Itoa(int(timeout / time.Second)),
		"allowed_updates": allowedUpdates,
	})
	if err != nil {
		return nil, err
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(resp.Result, &raw); err != nil {
		return nil, err
	}
	return raw, nil
}

// receive starts handling the new updates among raw and returns how many
// there were. An update that cannot be decoded is skipped with a log line
// and counts as handled.
func (a *Adapter) receive(ctx context.Context, raw []json.RawMessage) int {
	fresh := 0
	for _, r := range raw {
		var id struct {
			UpdateID *int `json:"update_id"`
		}
		if json.Unmarshal(r, &id) != nil || id.UpdateID == nil {
			a.cfg.Logger.Error("telegram: skipping an update without an update_id", "bytes", len(r))
			continue
		}
		if !a.track.start(*id.UpdateID) {
			continue // already received; still being handled
		}
		fresh++
		var u tgbotapi.Update
		if err := json.Unmarshal(r, &u); err != nil {
			a.cfg.Logger.Error("telegram: skipping an update that cannot be decoded", "update_id", *id.UpdateID, "err", err)
			a.track.finish(*id.UpdateID)
			continue
		}
		uid := u.UpdateID
		a.enqueue(ctx, job{update: u, received: time.Now()}, func() { a.track.finish(uid) })
	}
	return fresh
}

// enqueue hands an update to its chat's queue and calls finish once it has
// been handled; ignored updates are finished at once.
func (a *Adapter) enqueue(ctx context.Context, j job, finish func()) {
	chat, ok := a.chatOf(j.update)
	if !ok {
		finish()
		return
	}
	// MaxPending bounds what poll takes from Telegram, so there is always room.
	err := a.dispatch.Go(ctx, chatKey(chat), func() {
		if a.persist(ctx, j) {
			finish()
		}
	})
	if err != nil {
		a.cfg.Logger.Warn("telegram: update not taken; it will be delivered again", "update_id", j.update.UpdateID, "err", err)
	}
}

// persist handles one update until it is finished with, trying again with
// back-off while the Handler says to (the store unreachable, Telegram
// refusing for now), so that one chat's update is neither skipped nor
// stuck until a restart. It gives up when ctx ends (the bot stopping): the
// update is then not confirmed, and Telegram delivers it again.
func (a *Adapter) persist(ctx context.Context, j job) bool {
	for attempt := 0; ; attempt++ {
		if a.safely(ctx, j) {
			return true
		}
		if backoff.Sleep(ctx, a.cfg.Backoff.Delay(attempt)) != nil {
			return false
		}
		a.cfg.Logger.Info("telegram: handling an update again", "update_id", j.update.UpdateID, "attempt", attempt+2)
	}
}

// safely handles one update, keeping its panic from stopping the bot: the
// panic is logged without the message text and counted, the person gets
// the decline text, and the update counts as handled so that it cannot
// crash the bot again and again.
func (a *Adapter) safely(ctx context.Context, j job) (finished bool) {
	defer func() {
		if v := recover(); v != nil {
			a.cfg.Recorder.Panicked(platform)
			a.cfg.Logger.Error("telegram: panic while handling an update; answered with the decline text", "update_id", j.update.UpdateID,
				"panic", fmt.Sprintf("%T", v), "stack", string(debug.Stack()))
			a.apologise(ctx, j)
			finished = true
		}
	}()
	return a.handle(ctx, j)
}

// apologise answers an update whose handling panicked: the Handler gets a
// CommandFailed from the same person, built only from fields the library
// does not parse, under a delivery ID of its own.
func (a *Adapter) apologise(ctx context.Context, j job) {
	defer func() {
		if v := recover(); v != nil {
			a.cfg.Logger.Error("telegram: could not answer an update that panicked", "update_id", j.update.UpdateID, "panic", fmt.Sprintf("%T", v))
		}
	}()
	chat, ok := a.chatOf(j.update)
	if !ok {
		return
	}
	var from *tgbotapi.User
	switch u := j.update; {
	case u.Message != nil:
		from = u.Message.From
	case u.CallbackQuery != nil:
		from = u.CallbackQuery.From
	}
	in := aftercare.Inbound{DeliveryID: "failed:" + strconv.Itoa(j.update.UpdateID), From: actorOf(from), Chat: address(chat),
		Received: j.received, Command: aftercare.CommandFailed}
	a.cfg.Handler.Handle(ctx, in)
}

// confirm tells Telegram which updates were handled, so that a restart
// neither answers them again nor skips one left unanswered.
func (a *Adapter) confirm() {
	if a.sender == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	api := *a.sender
	api.Client = &ctxClient{ctx: ctx, client: a.sendClient.client}
	if _, err := a.getUpdates(&api, a.track.offset(), 1, 0); err != nil {
		a.cfg.Logger.Warn("telegram: could not confirm the last handled updates; a restart may answer them again", "err", a.cfg.Redact(err))
	}
}
