package main

import (
	"context"
	"time"

	"github.com/clinicbot/aftercare"
	slackbot "github.com/clinicbot/aftercare/internal/adapters/slack"
	"github.com/clinicbot/aftercare/internal/adapters/telegram"
	"github.com/clinicbot/aftercare/internal/care"
	"github.com/clinicbot/aftercare/internal/desk"
	"github.com/clinicbot/aftercare/internal/store"
)

// deskSenders is the desk's Sender registry, for the care team's outbox,
// which is made before the desk.
type deskSenders struct{ desk *desk.Desk }

func (s *deskSenders) Sender(p aftercare.Platform) aftercare.Sender { return s.desk.Sender(p) }

// newTeam makes the care team when its handoff is on (Telegram, Slack and
// SLACK_CARE_CHANNEL set).
func (a *app) newTeam(db *store.DB, senders care.Senders) error {
	if !a.cfg.Handoff() {
		return nil
	}
	c := a.cfg.Care
	team, err := care.New(care.Config{Store: db, Senders: senders, Texts: a.service, Channel: c.Channel,
		Urgent: c.Urgent, Signature: c.Signature, Hours: c.Hours, EscalateAfter: c.EscalateAfter, Privacy: c.Privacy,
		Retention: c.Retention, Location: a.cfg.Location, Logger: a.log, Recorder: a.metrics})
	a.team = team
	return err
}

// careChannel is the channel the Slack adapter takes staff's thread
// replies from: the care team's, when its handoff is on.
func (a *app) careChannel() string {
	if a.team == nil {
		return ""
	}
	return a.cfg.Care.Channel
}

// careCheckEvery spaces the checks of the care team's channel until one
// succeeds (a variable for tests).
var careCheckEvery = 30 * time.Second

// checkCareChannel checks that the bot can post in the care team's
// channel, reporting to /readyz why not, until it can or ctx ends.
func (a *app) checkCareChannel(ctx context.Context, sl *slackbot.Adapter) error {
	for {
		cctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		err := sl.CheckChannel(cctx, a.cfg.Care.Channel)
		cancel()
		if ctx.Err() != nil {
			return nil
		}
		a.health.Set("care", err)
		if err == nil {
			return nil
		}
		a.log.Warn("the care team's channel cannot be used; patients' cases wait in the outbox", "err", err)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(careCheckEvery):
		}
	}
}

// Compile-time checks: the care team's outbox fetches a patient's photo
// through the Telegram adapter and uploads it through the Slack adapter.
var (
	_ care.Fetcher  = (*telegram.Adapter)(nil)
	_ care.Uploader = (*slackbot.Adapter)(nil)
)
