package slack

import (
	"context"
	"github.com/clinicbot/aftercare"
	"regexp"
	"strings"
	"time"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// This file turns what Slack sends, by either transport, into jobs.

// accept queues j unless key (an event or trigger ID) was taken before;
// a duplicate is dropped silently, as it has been answered already. With
// wait, accept blocks while the queue is full. When j cannot be queued the
// key is forgotten, so that Slack's next delivery is taken, and the error
// says why.
func (a *Adapter) accept(ctx context.Context, key string, j job, wait bool) error {
	if key != "" && !a.seen.first(key) {
		a.log.Debug("slack delivery repeated; already answered", "source", j.source)
		return nil
	}
	if err := a.queue.put(ctx, j, wait); err != nil {
		if key != "" {
			a.seen.forget(key)
		}
		return err
	}
	return nil
}

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
		return a.mentionJob(ev, received)
	case *slackevents.MessageEvent:
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
	return job{
		msg:      a.message(ev.User, ev.Text),
		to:       destination{channel: ev.Channel, threadTS: thread},
		source:   "mention",
		received: received,
	}, true
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
	msg := a.message(ev.User, ev.Text)
	msg.NonText = msg.Text == "" && ev.SubType == "file_share"
	return job{
		msg:      msg,
		to:       destination{channel: ev.Channel, threadTS: ev.ThreadTimeStamp},
		source:   "dm",
		received: received,
	}, true
}

// commandJob answers /aftercare privately, through the response URL:
// "" and "help" ask for help, "topics" lists the topics, "show X" shows
// the item X names, and anything else is a question.
func (a *Adapter) commandJob(cmd slackapi.SlashCommand, received time.Time) (job, bool) {
	if cmd.ResponseURL == "" || cmd.UserID == "" {
		return job{}, false
	}
	j := job{
		msg:      aftercare.Inbound{From: actor(cmd.UserID), Chat: aftercare.Address{Platform: aftercare.Slack, Chat: cmd.ChannelID, ReplyURL: cmd.ResponseURL}},
		to:       destination{responseURL: cmd.ResponseURL},
		source:   "command",
		received: received,
	}
	text := strings.TrimSpace(cmd.Text)
	word, rest, _ := strings.Cut(text, " ")
	switch strings.ToLower(word) {
	case "", "help":
		j.msg.Command = aftercare.CommandHelp
	case "topics":
		j.msg.Command, j.topics = aftercare.CommandTopics, true
	case "show":
		j.msg.Command, j.msg.Text = aftercare.CommandShow, plainText(rest)
		if j.msg.Text == "" {
			j.msg.Command = aftercare.CommandHelp
		}
	default:
		j.msg.Text = plainText(text)
	}
	return j, true
}

// actionJob answers a press on a "did you mean…?" button: in the thread
// of the message that had it, or privately through the response URL when
// that message was private.
func (a *Adapter) actionJob(cb slackapi.InteractionCallback, received time.Time) (job, bool) {
	if cb.Type != slackapi.InteractionTypeBlockActions || cb.User.ID == "" {
		return job{}, false
	}
	var choice string
	for _, act := range cb.ActionCallback.BlockActions {
		if act != nil && strings.HasPrefix(act.ActionID, choiceAction) && act.Value != "" {
			choice = act.Value
			break
		}
	}
	if choice == "" {
		return job{}, false
	}
	j := job{
		msg:      aftercare.Inbound{From: actor(cb.User.ID), Choice: choice},
		source:   "action",
		received: received,
	}
	channel := cb.Container.ChannelID
	if channel == "" {
		channel = cb.Channel.ID
	}
	thread := cb.Container.ThreadTs
	if thread == "" {
		thread = cb.Message.ThreadTimestamp
	}
	switch {
	case !cb.Container.IsEphemeral && channel != "":
		j.to = destination{channel: channel, threadTS: thread}
	case cb.ResponseURL != "":
		j.to = destination{responseURL: cb.ResponseURL}
	default:
		return job{}, false
	}
	return j, true
}

// message is a question from user, its text cleaned of the bot's mention
// and Slack's markup.
func (a *Adapter) message(user, text string) aftercare.Inbound {
	if id := a.botUserID(); id != "" {
		text = mention.ReplaceAllStringFunc(text, func(m string) string {
			if mention.FindStringSubmatch(m)[1] == id {
				return " "
			}
			return m
		})
	}
	text = leadingMention.ReplaceAllString(text, "")
	return aftercare.Inbound{From: actor(user), Text: plainText(text)}
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
