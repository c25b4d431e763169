package slack

import (
	"regexp"
	"strings"
	"time"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/clinicbot/aftercare"
)

// This file turns what Slack sends, by either transport, into jobs.

// eventKey is the dedupe key of an Events API callback.
func eventKey(cb *slackevents.EventsAPICallbackEvent) string {
	if cb == nil || cb.EventID == "" {
		return ""
	}
	return "event:" + cb.EventID
}

// triggerKey is the dedupe key of a slash command or an interaction.
func triggerKey(triggerID string) string {
	if triggerID == "" {
		return ""
	}
	return "trigger:" + triggerID
}

// eventJob turns an Events API event into a job; ok is false for events
// the bot does not answer.
func (a *Adapter) eventJob(inner slackevents.EventsAPIInnerEvent, received time.Time) (j job, ok bool) {
	switch ev := inner.Data.(type) {
	case *slackevents.AppMentionEvent:
		if a.inCareThread(ev.Channel, ev.ThreadTimeStamp) {
			return job{}, false // the message event relays it
		}
		return a.mentionJob(ev, received)
	case *slackevents.MessageEvent:
		if ev.Channel != "" && ev.Channel == a.cfg.CareChannel {
			return a.careJob(ev, received)
		}
		return a.directJob(ev, received)
	}
	return job{}, false
}

// mentionJob answers a mention in a channel, in the message's thread.
func (a *Adapter) mentionJob(ev *slackevents.AppMentionEvent, received time.Time) (job, bool) {
	if ev.BotID != "" || ev.User == "" || ev.User == a.botUserID() || ev.Edited != nil {
		return job{}, false
	}
	thread := ev.ThreadTimeStamp
	if thread == "" {
		thread = ev.TimeStamp
	}
	msg := a.message(ev.User, ev.Text, received)
	msg.Chat = channel(ev.Channel, thread)
	return job{msg: msg, source: "mention"}, true
}

// directJob answers a direct message, in its thread if it is in one.
// Messages from bots, edits, deletions, joins and other subtypes are not
// answered; a shared file is, as a question if it has text.
func (a *Adapter) directJob(ev *slackevents.MessageEvent, received time.Time) (job, bool) {
	hidden := ev.Message != nil && ev.Message.Hidden
	fromBot := ev.BotID != "" || ev.User == "" || ev.User == a.botUserID()
	if ev.ChannelType != slackevents.ChannelTypeIM || hidden || fromBot ||
		(ev.SubType != "" && ev.SubType != "file_share") {
		return job{}, false
	}
	msg := a.message(ev.User, ev.Text, received)
	msg.NonText = ev.SubType == "file_share" // its text, if any, is the question
	msg.Chat = channel(ev.Channel, ev.ThreadTimeStamp)
	return job{msg: msg, source: "dm"}, true
}

// commandJob answers /aftercare privately, through the response URL:
// "" and "help" ask for help, "topics" lists the topics, "show X" shows
// the item X names, "why X" shows how the matcher reads the question X,
// "invite [time]" makes a patient's invite link, "inbox" shows the
// questions patients asked that the bot could not answer, and anything
// else is a question.
func (a *Adapter) commandJob(cmd slackapi.SlashCommand, received time.Time) (job, bool) {
	if cmd.ResponseURL == "" || cmd.UserID == "" {
		return job{}, false
	}
	j := job{
		msg: aftercare.Inbound{From: actor(cmd.UserID), Received: received,
			Chat: aftercare.Address{Platform: aftercare.Slack, Chat: cmd.ChannelID, ReplyURL: cmd.ResponseURL}},
		source: "command",
	}
	text := strings.TrimSpace(cmd.Text)
	word, rest, _ := strings.Cut(text, " ")
	switch strings.ToLower(word) {
	case "", "help":
		j.msg.Command = aftercare.CommandHelp
	case "topics":
		j.msg.Command = aftercare.CommandTopics
	case "invite":
		j.msg.Command, j.msg.Text = aftercare.CommandInvite, plainText(rest)
	case "show":
		j.msg.Command, j.msg.Text = aftercare.CommandShow, plainText(rest)
	case "why":
		j.msg.Command, j.msg.Text = aftercare.CommandWhy, plainText(rest)
	case "inbox":
		j.msg.Command = aftercare.CommandInbox
	default:
		j.msg.Text = plainText(text)
	}
	if j.msg.Command != "" && j.msg.Command != aftercare.CommandTopics && j.msg.Command != aftercare.CommandInbox && j.msg.Text == "" {
		j.msg.Command = aftercare.CommandHelp // "show" or "why" with nothing to show or explain
	}
	return j, true
}

// actionJob answers a press on a "did you mean…?" button (or on one that
// marks a group of the inbox: the same action_id, its value the choice): in the thread
// of the message that had it, or privately through the response URL when
// that message was private.
func (a *Adapter) actionJob(cb slackapi.InteractionCallback, received time.Time) (job, bool) {
	if cb.Type != slackapi.InteractionTypeBlockActions || cb.User.ID == "" {
		return job{}, false
	}
	var choice string
	for _, act := range cb.ActionCallback.BlockActions {
		switch {
		case act == nil || act.Value == "":
		case strings.HasPrefix(act.ActionID, choiceAction):
			choice = act.Value
		case act.ActionID == aftercare.ActionHandoffClaim, act.ActionID == aftercare.ActionHandoffResolve, act.ActionID == aftercare.ActionHandoffResend:
			choice = act.ActionID + ":" + act.Value
		}
		if choice != "" {
			break
		}
	}
	if choice == "" {
		return job{}, false
	}
	j := job{msg: aftercare.Inbound{From: actor(cb.User.ID), Choice: choice, Received: received}, source: "action"}
	ch := cb.Container.ChannelID
	if ch == "" {
		ch = cb.Channel.ID
	}
	thread := cb.Container.ThreadTs
	if thread == "" {
		thread = cb.Message.ThreadTimestamp
	}
	switch {
	case !cb.Container.IsEphemeral && ch != "":
		j.msg.Chat = channel(ch, thread)
	case cb.ResponseURL != "":
		j.msg.Chat = aftercare.Address{Platform: aftercare.Slack, Chat: ch, ReplyURL: cb.ResponseURL}
	default:
		return job{}, false
	}
	return j, true
}

// message is a question from user, its text cleaned of the bot's mention
// and Slack's markup.
func (a *Adapter) message(user, text string, received time.Time) aftercare.Inbound {
	if id := a.botUserID(); id != "" {
		text = mention.ReplaceAllStringFunc(text, func(m string) string {
			if mention.FindStringSubmatch(m)[1] == id {
				return " "
			}
			return m
		})
	}
	text = leadingMention.ReplaceAllString(text, "")
	return aftercare.Inbound{From: actor(user), Text: plainText(text), Received: received}
}

// channel is a Slack channel or DM, in a thread when thread is set.
func channel(id, thread string) aftercare.Address {
	return aftercare.Address{Platform: aftercare.Slack, Chat: id, Thread: thread}
}

// actor is a Slack user as the bot's vocabulary has it.
func actor(user string) aftercare.Actor {
	return aftercare.Actor{Platform: aftercare.Slack, UserID: user}
}

var (
	// mention is a user mention: <@U123> or <@U123|name>.
	mention = regexp.MustCompile(`<@([A-Z0-9]+)(\|[^>]*)?>`)
	// leadingMention is a user mention opening a message: the bot's, even
	// when its user ID is not known yet.
	leadingMention = regexp.MustCompile(`^\s*<@[A-Z0-9]+(\|[^>]*)?>`)
	// markup is a link, mention or channel in Slack's markup: <target|label>.
	markup = regexp.MustCompile(`<([^<>|]*)(\|([^<>]*))?>`)
)

// plainText turns Slack's markup into the text the person sees: links and
// mentions become their label (or the bare link), and &amp; &lt; &gt;
// become & < >.
func plainText(s string) string {
	s = markup.ReplaceAllStringFunc(s, func(m string) string {
		sub := markup.FindStringSubmatch(m)
		switch {
		case sub[3] != "":
			return sub[3]
		case strings.HasPrefix(sub[1], "@"), strings.HasPrefix(sub[1], "#"), strings.HasPrefix(sub[1], "!"):
			return ""
		}
		return sub[1]
	})
	s = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}
