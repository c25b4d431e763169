package slack

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/clinicbot/aftercare"
)

// This file is what the care team's thread needs of Slack: posts carry
// their key as message metadata so that an uncertain post can be looked
// up before it is sent again (Lookup); the bot updates and deletes its own
// posts and reacts to staff's (aftercare.Editor); Claim and Resolve
// buttons; staff's first names.

// Message metadata of a post with a key.
const (
	metadataType = "aftercare_post"
	metadataKey  = "key"
)

// Compile-time checks: the adapter is what the care team's outbox needs.
var (
	_ aftercare.Looker = (*Adapter)(nil)
	_ aftercare.Editor = (*Adapter)(nil)
)

// lookupDepth is how many recent messages Lookup reads: an uncertain post
// is looked up within seconds to minutes of being sent.
const lookupDepth = 100

// Lookup finds the bot's post carrying key in to's thread (or, without a
// thread, among the channel's recent messages): a message with key as
// its metadata, or a file Upload shared with key.
func (a *Adapter) Lookup(ctx context.Context, to aftercare.Address, key string) (aftercare.MessageRef, bool, error) {
	var msgs []slackapi.Message
	err := a.do(ctx, func(ctx context.Context) error {
		var err error
		if to.Thread != "" {
			msgs, _, _, err = a.api.GetConversationRepliesContext(ctx, &slackapi.GetConversationRepliesParameters{
				ChannelID: to.Chat, Timestamp: to.Thread, Limit: lookupDepth, IncludeAllMetadata: true})
			return err
		}
		resp, err := a.api.GetConversationHistoryContext(ctx, &slackapi.GetConversationHistoryParameters{
			ChannelID: to.Chat, Limit: lookupDepth, IncludeAllMetadata: true})
		if err == nil {
			msgs = resp.Messages
		}
		return err
	})
	if err != nil {
		return aftercare.MessageRef{}, false, err
	}
	for _, m := range msgs {
		if m.Metadata.EventType == metadataType && m.Metadata.EventPayload[metadataKey] == key {
			return aftercare.MessageRef{Address: to, ID: m.Timestamp}, true, nil
		}
		for _, f := range m.Files {
			if uploadKey(f.Name) == key {
				return aftercare.MessageRef{Address: to, ID: fileRef(f.ID)}, true, nil
			}
		}
	}
	return aftercare.MessageRef{}, false, nil
}

// Update replaces the bot's message ref with msg.
func (a *Adapter) Update(ctx context.Context, ref aftercare.MessageRef, msg aftercare.Outgoing) error {
	m := renderReply(msg)
	opts := []slackapi.MsgOption{slackapi.MsgOptionText(m.text, false), slackapi.MsgOptionBlocks(m.blocks...)}
	return a.do(ctx, func(ctx context.Context) error {
		_, _, _, err := a.api.UpdateMessageContext(ctx, ref.Address.Chat, ref.ID, opts...)
		return err
	})
}

// Delete deletes the bot's message ref, or the file it uploaded (a ref
// Upload returned); one already gone is no error.
func (a *Adapter) Delete(ctx context.Context, ref aftercare.MessageRef) error {
	if id, ok := fileID(ref.ID); ok {
		return a.deleteFile(ctx, id)
	}
	err := a.do(ctx, func(ctx context.Context) error {
		_, _, err := a.api.DeleteMessageContext(ctx, ref.Address.Chat, ref.ID)
		return err
	})
	if isSlackError(err, "message_not_found") {
		return nil
	}
	return err
}

// React adds the reaction name to message ref; one already there is no
// error.
func (a *Adapter) React(ctx context.Context, ref aftercare.MessageRef, name string) error {
	err := a.do(ctx, func(ctx context.Context) error {
		return a.api.AddReactionContext(ctx, name, slackapi.ItemRef{Channel: ref.Address.Chat, Timestamp: ref.ID})
	})
	if isSlackError(err, "already_reacted") {
		return nil
	}
	return err
}

func isSlackError(err error, code string) bool {
	var apiErr slackapi.SlackErrorResponse
	return errors.As(err, &apiErr) && apiErr.Err == code
}

// actions adds buttons that act on something (a case's Claim and
// Resolve): their action_id is the action's ID.
func (b *blockList) actions(acts []aftercare.Action) {
	var elems []slackapi.BlockElement
	for _, act := range acts {
		if len(elems) == maxButtons {
			break
		}
		text := slackapi.NewTextBlockObject(slackapi.PlainTextType, truncate(act.Title, maxButtonText), false, false)
		btn := slackapi.NewButtonBlockElement(act.ID, act.Value, text)
		btn.Style = slackapi.Style(act.Style)
		elems = append(elems, btn)
	}
	if len(elems) > 0 {
		b.blocks = append(b.blocks, slackapi.NewActionBlock("", elems...))
	}
}

// names caches staff's first names (users.info), for signatures.
type names struct {
	mu   sync.Mutex
	byID map[string]string
}

// firstName returns user's first name, or "" when Slack does not say.
func (a *Adapter) firstName(ctx context.Context, user string) string {
	a.names.mu.Lock()
	name, ok := a.names.byID[user]
	a.names.mu.Unlock()
	if ok {
		return name
	}
	u, err := a.api.GetUserInfoContext(ctx, user)
	if err != nil {
		a.log.Info("slack: no name for a staff member; the reply is signed by the team", "err", a.clean(err))
		return ""
	}
	name = u.Profile.FirstName
	if name == "" {
		name, _, _ = strings.Cut(strings.TrimSpace(u.Profile.RealName), " ")
	}
	a.names.mu.Lock()
	defer a.names.mu.Unlock()
	if a.names.byID == nil {
		a.names.byID = map[string]string{}
	}
	a.names.byID[user] = name
	return name
}

// inCareThread reports whether a message in channel, in thread, is in a
// thread of the care team's channel.
func (a *Adapter) inCareThread(channel, thread string) bool {
	return channel != "" && channel == a.cfg.CareChannel && thread != ""
}

// careJob turns a message in the care team's channel into a job: a staff
// reply in a thread (a file is NonText), or an edit or deletion of one.
// Top-level messages, the bot's own and other bots' are not taken.
func (a *Adapter) careJob(ev *slackevents.MessageEvent, received time.Time) (job, bool) {
	msg, cmd := ev.Message, aftercare.CommandStaffReply
	switch ev.SubType {
	case "", "file_share", "thread_broadcast":
		msg = &slackapi.Msg{User: ev.User, BotID: ev.BotID, Text: ev.Text, ThreadTimestamp: ev.ThreadTimeStamp, Timestamp: ev.TimeStamp}
	case "message_changed":
		cmd = aftercare.CommandStaffEdit
		if msg != nil && ev.PreviousMessage != nil && msg.Text == ev.PreviousMessage.Text {
			return job{}, false // not an edit of the text (a reply count, an unfurl)
		}
	case "message_deleted":
		msg, cmd = ev.PreviousMessage, aftercare.CommandStaffEdit
	default:
		return job{}, false
	}
	if msg == nil || msg.BotID != "" || msg.User == "" || msg.User == a.botUserID() ||
		!a.inCareThread(ev.Channel, msg.ThreadTimestamp) || msg.ThreadTimestamp == msg.Timestamp {
		return job{}, false
	}
	in := aftercare.Inbound{From: actor(msg.User), Received: received, Command: cmd, MessageID: msg.Timestamp,
		Chat: channel(ev.Channel, msg.ThreadTimestamp), NonText: ev.SubType == "file_share"}
	if cmd == aftercare.CommandStaffReply {
		in.Text = plainText(msg.Text) // FromName is looked up when it is handled
	}
	return job{msg: in, source: "care"}, true
}

// CheckChannel reports whether the bot can read and post in channel: nil,
// or why not (not a member, no such channel, a missing scope).
func (a *Adapter) CheckChannel(ctx context.Context, channel string) error {
	_, err := a.api.GetConversationHistoryContext(ctx, &slackapi.GetConversationHistoryParameters{ChannelID: channel, Limit: 1})
	switch {
	case err == nil:
		return nil
	case isSlackError(err, "not_in_channel"):
		return errors.New("the bot is not in the care team's channel: invite it with /invite @aftercare")
	case isSlackError(err, "channel_not_found"):
		return errors.New("SLACK_CARE_CHANNEL names no channel the bot can see")
	case isSlackError(err, "missing_scope"):
		return errors.New("the Slack app lacks channels:history or groups:history (see the manifest in the README)")
	}
	return fmt.Errorf("cannot check the care team's channel: %w", a.cfg.Redact(err))
}

// escapedMention is a user mention or @here, escaped.
var escapedMention = regexp.MustCompile(`&lt;(@U[A-Z0-9]+|!here)&gt;`)

// keepMentions turns escaped user mentions and @here back into mentions,
// in the bot's own notices (the care team's: "<@U123> has this case").
// Text quoted from patients is never a mention: the care package turns
// their angle brackets into other characters.
func keepMentions(s string) string { return escapedMention.ReplaceAllString(s, "<$1>") }
