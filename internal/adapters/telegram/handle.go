package telegram

import (
	"context"
	"errors"
	"github.com/clinicbot/aftercare"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// decline hint: where a patient can see what the bot knows.
const topicsHint = "Send /topics to see what I can help with."

// job is one update to handle, with when it arrived.
type job struct {
	update   tgbotapi.Update
	received time.Time
}

// chatOf returns the chat an update belongs to, and false for updates the
// bot ignores: edited messages, channel posts, messages from bots, and
// anything else that is not a message or a button press.
func (a *Adapter) chatOf(u tgbotapi.Update) (int64, bool) {
	switch {
	case u.Message != nil && u.Message.Chat != nil && (u.Message.From == nil || !u.Message.From.IsBot):
		return u.Message.Chat.ID, true
	case u.CallbackQuery != nil && u.CallbackQuery.From != nil && !u.CallbackQuery.From.IsBot:
		if m := u.CallbackQuery.Message; m != nil && m.Chat != nil {
			return m.Chat.ID, true
		}
		return u.CallbackQuery.From.ID, true
	}
	return 0, false
}

// handle answers one update and reports whether it is finished with: its
// reply was sent, or refused for good. A reply abandoned because the bot is
// stopping is not finished, so the update is not confirmed and comes back
// after a restart. The context bounds sending: it ends at the drain
// deadline after shutdown begins.
func (a *Adapter) handle(ctx context.Context, j job) bool {
	switch u := j.update; {
	case u.CallbackQuery != nil:
		return a.handleCallback(ctx, j, u.CallbackQuery)
	case u.Message != nil:
		return a.handleMessage(ctx, j, u.Message)
	}
	return true
}

func (a *Adapter) handleMessage(ctx context.Context, j job, m *tgbotapi.Message) bool {
	msg, menu, ok := a.toMessage(m)
	if !ok {
		return true
	}
	reply := a.cfg.Bot.Answer(ctx, msg)
	var sections []aftercare.Section
	if menu {
		sections = a.cfg.Bot.Sections()
	}
	return a.deliver(ctx, j, m.Chat.ID, render(reply, sections, topicsHint))
}

// toMessage reads a Telegram message as a conversation message. menu is
// set for commands that show the topics keyboard. In groups only commands,
// mentions of the bot and replies to it are for the bot.
func (a *Adapter) toMessage(m *tgbotapi.Message) (msg aftercare.Inbound, menu, ok bool) {
	msg = aftercare.Inbound{From: actorOf(m.From), Chat: address(m.Chat.ID)}
	cmd := a.command(m)
	if !m.Chat.IsPrivate() && cmd == "" && !a.addressed(m) {
		return msg, false, false
	}
	switch cmd {
	case "start":
		// A deep link (t.me/bot?start=PAYLOAD) arrives as "/start PAYLOAD".
		msg.Command, msg.Text = aftercare.CommandStart, strings.TrimSpace(m.CommandArguments())
		return msg, true, true
	case "help":
		msg.Command = aftercare.CommandHelp
		return msg, true, true
	case "topics":
		msg.Command = aftercare.CommandTopics
		return msg, true, true
	}
	if m.Text == "" {
		msg.NonText = true
		return msg, false, true
	}
	msg.Text = a.stripMention(m.Text)
	return msg, false, true
}

// actorOf is who sent a message; the zero Actor when Telegram does not say
// (channel posts).
func actorOf(u *tgbotapi.User) aftercare.Actor {
	if u == nil {
		return aftercare.Actor{}
	}
	return aftercare.Actor{Platform: aftercare.Telegram, UserID: strconv.FormatInt(u.ID, 10)}
}

// address is where to post in a chat.
func address(chat int64) aftercare.Address {
	return aftercare.Address{Platform: aftercare.Telegram, Chat: chatKey(chat)}
}

// command returns a command addressed to this bot ("start" for "/start" or
// "/start@ThisBot"), or "" for anything else.
func (a *Adapter) command(m *tgbotapi.Message) string {
	if !m.IsCommand() {
		return ""
	}
	cmd, at, _ := strings.Cut(m.CommandWithAt(), "@")
	if at != "" && !strings.EqualFold(at, a.self.UserName) {
		return ""
	}
	switch cmd = strings.ToLower(cmd); cmd {
	case "start", "help", "topics":
		return cmd
	}
	return "help" // an unknown command: say what the bot does
}

// addressed reports whether a group message mentions the bot or replies to it.
func (a *Adapter) addressed(m *tgbotapi.Message) bool {
	if r := m.ReplyToMessage; r != nil && r.From != nil && r.From.ID == a.self.ID {
		return true
	}
	return a.self.UserName != "" && strings.Contains(strings.ToLower(m.Text), "@"+strings.ToLower(a.self.UserName))
}

func (a *Adapter) stripMention(text string) string {
	if a.self.UserName == "" {
		return text
	}
	mention := "@" + strings.ToLower(a.self.UserName)
	if i := strings.Index(strings.ToLower(text), mention); i >= 0 {
		text = text[:i] + text[i+len(mention):]
	}
	return strings.TrimSpace(text)
}

// handleCallback answers a button press: the spinner is always stopped
// with answerCallbackQuery, then the chosen topic is answered.
func (a *Adapter) handleCallback(ctx context.Context, j job, q *tgbotapi.CallbackQuery) bool {
	chat, _ := a.chatOf(j.update)
	if errors.Is(a.send.send(ctx, 0, tgbotapi.NewCallback(q.ID, "")), errStopped) {
		return false
	}
	var choice string
	switch data := q.Data; {
	case strings.HasPrefix(data, cbItem):
		choice = strings.TrimPrefix(data, cbItem)
	case strings.HasPrefix(data, cbChoose):
		choice = strings.TrimPrefix(data, cbChoose)
	}
	if choice == "" {
		return true // a section heading, or data from an older keyboard
	}
	reply := a.cfg.Bot.Answer(ctx, aftercare.Inbound{From: actorOf(q.From), Chat: address(chat), Choice: choice})
	return a.deliver(ctx, j, chat, render(reply, nil, topicsHint))
}

// deliver sends a reply's messages in order, records the time from receipt
// when all went out, and reports whether the reply is finished with (see
// handle).
func (a *Adapter) deliver(ctx context.Context, j job, chat int64, msgs []outgoing) bool {
	for _, o := range msgs {
		c := tgbotapi.NewMessage(chat, o.html)
		c.ParseMode = tgbotapi.ModeHTML
		c.DisableWebPagePreview = true
		if o.keyboard != nil {
			c.ReplyMarkup = *o.keyboard
		}
		if err := a.send.send(ctx, chat, c); err != nil {
			return !errors.Is(err, errStopped) // refused for good, or to be redelivered
		}
	}
	a.cfg.Recorder.ReplyLatency(platform, time.Since(j.received))
	return true
}
