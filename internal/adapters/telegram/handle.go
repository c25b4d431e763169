package telegram

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/textsplit"
)

// decline hint: where a patient can see what the bot knows.
const topicsHint = "Send /topics to see what I can help with."

// job is one update to handle, with when it arrived.
type job struct {
	update   tgbotapi.Update
	received time.Time
}

// chatOf returns the chat an update belongs to, and false for updates the
// bot ignores: edited messages, channel posts, messages from bots, changes
// of the bot's membership outside private chats, and anything else that is
// not a message, a button press or a person blocking or unblocking the bot.
func (a *Adapter) chatOf(u tgbotapi.Update) (int64, bool) {
	switch {
	case u.MyChatMember != nil:
		m := u.MyChatMember
		return m.Chat.ID, m.Chat.IsPrivate() && !m.From.IsBot && chatMemberCommand(m) != ""
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

// handle passes one update to the Handler and reports whether it is
// finished with: answered, or refused for good. An update whose reply was
// not sent because the bot is stopping (or Telegram refused for now) is not
// finished, so it is not confirmed and comes back after a restart. The
// context bounds sending: it ends at the drain deadline after shutdown
// begins.
func (a *Adapter) handle(ctx context.Context, j job) bool {
	var in aftercare.Inbound
	var ok bool
	switch u := j.update; {
	case u.CallbackQuery != nil:
		var err error
		in, ok, err = a.callbackInbound(ctx, j, u.CallbackQuery)
		if err != nil {
			return false // the spinner could not be stopped for now: again later
		}
	case u.Message != nil:
		in, ok = a.toMessage(u.Message)
		in.DeliveryID = "update:" + strconv.Itoa(u.UpdateID)
	case u.MyChatMember != nil:
		in, ok = chatMemberInbound(u.MyChatMember)
		in.DeliveryID = "update:" + strconv.Itoa(u.UpdateID)
	}
	if !ok {
		return true
	}
	in.Received = j.received
	err := a.cfg.Handler.Handle(ctx, in)
	return !errors.Is(err, aftercare.ErrRetryLater)
}

// toMessage reads a Telegram message as an Inbound. In groups only
// commands, mentions of the bot and replies to it are for the bot.
func (a *Adapter) toMessage(m *tgbotapi.Message) (msg aftercare.Inbound, ok bool) {
	m.Entities = validEntities(m.Text, m.Entities)
	msg = aftercare.Inbound{From: actorOf(m.From), Chat: address(m.Chat.ID)}
	cmd := a.command(m)
	if !m.Chat.IsPrivate() && cmd == "" && !a.addressed(m) {
		return msg, false
	}
	switch cmd {
	case "start":
		// A deep link (t.me/bot?start=PAYLOAD) arrives as "/start PAYLOAD".
		msg.Command, msg.Text = aftercare.CommandStart, strings.TrimSpace(m.CommandArguments())
		return msg, true
	case "help":
		msg.Command = aftercare.CommandHelp
		return msg, true
	case "topics":
		msg.Command = aftercare.CommandTopics
		return msg, true
	case "forget":
		msg.Command = aftercare.CommandForget
		return msg, true
	case aftercare.CommandHuman, aftercare.CommandPrivacy:
		msg.Command = cmd
		return msg, true
	case "treatment", "reminders", "stop":
		msg.Command, msg.Text = cmd, strings.TrimSpace(m.CommandArguments())
		return msg, true
	}
	if m.Text == "" {
		// A photo, a file, a voice note…: its caption, if any, is the
		// question (a patient sends a photo with "is this infected??").
		msg.NonText = true
		msg.Text = a.stripMention(m.Caption)
		msg.Attachment = attachment(m)
		msg.Contact = contactOf(m)
		return msg, true
	}
	msg.Text = a.stripMention(m.Text)
	return msg, true
}

// chatMemberInbound reads a change of the bot's membership of a private
// chat: the person blocked the bot (Telegram says "kicked") or unblocked
// it ("member"). ok is false for anything else.
func chatMemberInbound(m *tgbotapi.ChatMemberUpdated) (in aftercare.Inbound, ok bool) {
	in = aftercare.Inbound{From: actorOf(&m.From), Chat: address(m.Chat.ID), Command: chatMemberCommand(m)}
	return in, in.Command != "" && m.Chat.IsPrivate()
}

// chatMemberCommand is what a change of the bot's membership says:
// CommandBlocked, CommandUnblocked, or "" for any other change.
func chatMemberCommand(m *tgbotapi.ChatMemberUpdated) string {
	switch m.NewChatMember.Status {
	case "kicked":
		return aftercare.CommandBlocked
	case "member":
		return aftercare.CommandUnblocked
	}
	return ""
}

// contactOf is the phone number a contact message shares, nil for other
// messages. It is the sender's own when the contact is their Telegram user
// (what the request_contact button sends), not someone else's passed on.
func contactOf(m *tgbotapi.Message) *aftercare.Contact {
	if m.Contact == nil || m.Contact.PhoneNumber == "" {
		return nil
	}
	own := m.From != nil && m.Contact.UserID != 0 && m.Contact.UserID == m.From.ID
	return &aftercare.Contact{Phone: m.Contact.PhoneNumber, Own: own}
}

// validEntities drops the entities that do not fit the text (the library
// slices the text by them and would panic): Telegram sends valid ones, but
// a webhook request or a proxy may not.
func validEntities(text string, entities []tgbotapi.MessageEntity) []tgbotapi.MessageEntity {
	n := textsplit.Len(text, textsplit.UTF16)
	var out []tgbotapi.MessageEntity
	for _, e := range entities {
		switch {
		case e.Offset < 0 || e.Length < 1 || e.Offset+e.Length > n:
			continue
		case e.IsCommand() && e.Offset == 0 && (e.Length > len(text) || text[0] != '/'):
			continue // commands are ASCII: the library slices them in bytes
		}
		out = append(out, e)
	}
	return out
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
	case "start", "help", "topics", "forget", aftercare.CommandTreatment, aftercare.CommandReminders, aftercare.CommandStop,
		aftercare.CommandHuman, aftercare.CommandPrivacy:
		return cmd
	}
	return "help" // an unknown command: say what the bot does
}

// addressed reports whether a group message mentions the bot or replies to it.
func (a *Adapter) addressed(m *tgbotapi.Message) bool {
	if r := m.ReplyToMessage; r != nil && r.From != nil && r.From.ID == a.self.ID {
		return true
	}
	return a.self.UserName != "" && strings.Contains(strings.ToLower(m.Text+" "+m.Caption), "@"+strings.ToLower(a.self.UserName))
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

// callbackInbound reads a button press: the spinner is always stopped with
// answerCallbackQuery first, then the choice is passed on. ok is false for
// presses that choose nothing (a section heading, an old keyboard); the
// error says the spinner could not be stopped for now (the bot stopping).
func (a *Adapter) callbackInbound(ctx context.Context, j job, q *tgbotapi.CallbackQuery) (aftercare.Inbound, bool, error) {
	chat, _ := a.chatOf(j.update)
	in := aftercare.Inbound{DeliveryID: "callback:" + q.ID, From: actorOf(q.From), Chat: address(chat)}
	if _, err := a.send.Load().send(ctx, 0, tgbotapi.NewCallback(q.ID, "")); errors.Is(err, aftercare.ErrRetryLater) {
		return in, false, err
	}
	switch data := q.Data; {
	case strings.HasPrefix(data, cbItem):
		in.Choice = strings.TrimPrefix(data, cbItem)
	case strings.HasPrefix(data, cbChoose):
		in.Choice = strings.TrimPrefix(data, cbChoose)
	}
	return in, in.Choice != "", nil
}

// Send sends msg to a Telegram chat: as HTML, split into several messages
// when it is longer than Telegram allows, with its buttons on the last. It
// returns the first message's reference. See aftercare.Sender for the
// errors; a message cut short by a failure after its first part was sent
// is reported uncertain, since sending it again would repeat that part.
func (a *Adapter) Send(ctx context.Context, to aftercare.Address, msg aftercare.Outgoing) (aftercare.MessageRef, error) {
	ref := aftercare.MessageRef{Address: to}
	chat, err := strconv.ParseInt(to.Chat, 10, 64)
	if err != nil || to.Platform != aftercare.Telegram {
		return ref, fmt.Errorf("telegram: cannot send to %s chat %q: %w", to.Platform, to.Chat, aftercare.ErrUnreachable)
	}
	send := a.send.Load()
	if send == nil {
		return ref, fmt.Errorf("telegram: not connected: %w", aftercare.ErrRetryLater)
	}
	for i, o := range render(msg, topicsHint) {
		c := tgbotapi.NewMessage(chat, o.html)
		c.ParseMode = tgbotapi.ModeHTML
		c.DisableWebPagePreview = true
		if o.markup != nil {
			c.ReplyMarkup = o.markup
		}
		id, err := send.send(ctx, chat, c)
		if err != nil {
			if i > 0 && !errors.Is(err, aftercare.ErrUnreachable) {
				err = fmt.Errorf("%w: part %d of the message not sent: %w", aftercare.ErrUncertain, i+1, err)
			}
			return ref, err
		}
		if i == 0 {
			ref.ID = strconv.Itoa(id)
		}
	}
	return ref, nil
}
