// Package aftercare is the bot's vocabulary: who spoke (Actor), where to
// post (Address), what was sent (MessageRef), one incoming delivery
// (Inbound), what the bot says (Outgoing), and the ports the rest of the
// program is written against (Sender, Clock). It imports nothing of the
// module and only the standard library, so every other package may import
// it.
package aftercare

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"
)

// Platform names where a message came from or goes to.
type Platform string

// Platforms.
const (
	Console  Platform = "console"
	Telegram Platform = "telegram"
	Slack    Platform = "slack"
)

// Actor is who spoke: a person's ID on a platform (a Telegram user ID, a
// Slack user ID, "local" on the console). It is personal data: logs carry
// it only hashed.
type Actor struct {
	Platform Platform
	UserID   string
}

// IsZero reports whether a is the zero Actor.
func (a Actor) IsZero() bool { return a.UserID == "" }

// Address is where to post: a chat (Telegram chat, Slack channel or DM) and,
// optionally, a thread in it. ReplyURL is a one-off reply route (Slack's
// response_url for slash commands and ephemeral buttons); when set it is
// used instead of Chat, and the reply is seen only by the person who asked.
type Address struct {
	Platform Platform
	Chat     string
	Thread   string
	ReplyURL string
}

// MessageRef identifies a message the bot sent: Telegram's message_id or
// Slack's ts, in the chat it was sent to. A reply split into several
// platform messages is referred to by its first.
type MessageRef struct {
	Address Address
	ID      string
}

// Inbound is one delivery from a platform: a question, a command or a
// button press. DeliveryID is the platform's own ID for the delivery
// (Telegram update_id or callback query ID, Slack event_id or trigger ID),
// prefixed with its kind, so that a redelivery is recognised; it is empty
// where the platform gives none (the console).
type Inbound struct {
	DeliveryID string
	From       Actor
	Chat       Address
	// Received is when the adapter got the delivery.
	Received time.Time
	// Text is the question, or the argument of a command ("show brui", the
	// payload of a Telegram deep link "/start PAYLOAD").
	Text string
	// NonText is set for photos, stickers, voice notes, files and other
	// messages that are not only text. Text is then their caption, if any.
	NonText bool
	// Attachment is the image a NonText message carries (a photo, or a
	// file that is an image), where the platform can hand it on; nil for
	// everything else.
	Attachment *File
	// Contact is the phone number a NonText message shares (Telegram's
	// contact: the button of Outgoing.ContactButton, or the attachment
	// menu); nil for everything else.
	Contact *Contact
	// Command is a command instead of a question (see the Command*
	// constants).
	Command string
	// Choice is an item ID picked from a menu or a "did you mean" question,
	// or "none of these" (see NoneChoice), or a confirmation (ChoiceForget).
	Choice string
	// MessageID is the platform's ID of the message, where the bot refers
	// to it later (a staff reply in the care team's thread: Slack's ts).
	MessageID string
	// FromName is the sender's first name, where the bot needs it (staff
	// replies signed by name); "" when not known.
	FromName string
	// Journey is what the desk knows of the sender's treatment and what
	// this message changed in it; the desk fills it in before the reply is
	// built. Adapters leave it zero.
	Journey Journey
}

// File is a file a person sent, as their platform keeps it: the adapter
// that read the message can fetch its content by ID (Telegram's file_id)
// for a while after. Name, MIME and Size are what the platform said, ""
// or 0 when it did not.
type File struct {
	Platform Platform `json:"platform"`
	ID       string   `json:"id"`
	Name     string   `json:"name,omitempty"`
	MIME     string   `json:"mime,omitempty"`
	Size     int64    `json:"size,omitempty"`
}

// Contact is a phone number a person shared, as their platform gave it
// (digits, perhaps with a + and spaces). Own reports whether it is their
// own number (Telegram: the contact's user is the sender), not someone
// else's they passed on.
type Contact struct {
	Phone string
	Own   bool
}

// Journey is a patient's treatment as the desk found it when handling one
// message: when they were treated, whether serum reminders are on, and
// what the message changed (an invite redeemed or made).
type Journey struct {
	// Now is when the desk handled the message, by its clock.
	Now time.Time
	// Patient is set when the sender can have a treatment (Telegram, the
	// console); staff on Slack cannot.
	Patient bool
	// Treated is when the patient was treated; zero when not known.
	Treated time.Time
	// Reminders reports whether serum reminders are on; RemindersUntil is
	// when the last one is due (zero when none are left).
	Reminders      bool
	RemindersUntil time.Time
	// Invite is what a /start payload found.
	Invite InviteOutcome
	// Link is the invite made for a CommandInvite: a Telegram deep link,
	// or "" when the bot's Telegram username is not known.
	Link string
	// LinkExpires is when Link stops working.
	LinkExpires time.Time
	// ClinicRef is the clinic's own reference for the patient (a record or
	// booking number, never a name), from the invite they redeemed; for a
	// CommandInvite, the one the invite made carries. "" when none.
	ClinicRef string
}

// InviteOutcome is what became of an invite token a patient brought.
type InviteOutcome string

// Invite outcomes.
const (
	InviteNone    InviteOutcome = ""        // no token
	InviteLinked  InviteOutcome = "linked"  // the token was valid: Journey.Treated is its time
	InviteUsed    InviteOutcome = "used"    // the token was used before
	InviteExpired InviteOutcome = "expired" // the token expired, or was never made
)

// Commands an Inbound may carry.
const (
	CommandStart  = "start"  // a new conversation: the welcome; Text is the deep-link payload
	CommandHelp   = "help"   // what the bot can answer
	CommandTopics = "topics" // the list of topics
	CommandShow   = "show"   // the item Text names, looked up loosely ("brui")
	CommandForget = "forget" // delete what is stored about the person, after confirmation
	// CommandFailed stands for a message the bot could not read (its
	// handling failed): the person gets the decline text rather than
	// silence.
	CommandFailed = "failed"
	// The treatment journey.
	CommandTreatment = "treatment" // when the patient was treated: Text is the time, or "" to be asked
	CommandReminders = "reminders" // turn the serum reminders on
	CommandStop      = "stop"      // turn the serum reminders off
	CommandInvite    = "invite"    // staff: a link for a patient; Text is the treatment time ("" for now), then maybe "ref" and the clinic's reference
	CommandWhy       = "why"       // for staff: how the matcher reads the question Text, and why
	CommandInbox     = "inbox"     // for staff: the questions the bot could not answer, grouped
	// The care team.
	CommandHuman   = "human"   // the patient asks for a person
	CommandPrivacy = "privacy" // what is shared with the clinic team, and for how long
	// CommandStaffReply is a staff message in a thread of the care team's
	// channel: Text is it (NonText for a file), MessageID its ID. It is
	// never answered from the sheet.
	CommandStaffReply = "staff_reply"
	// CommandStaffEdit is a staff message in such a thread edited or
	// deleted (MessageID).
	CommandStaffEdit = "staff_edit"
	// CommandBlocked says that the person blocked the bot (Telegram's
	// my_chat_member, "kicked" in a private chat): nothing can reach them
	// any more. It is never answered (see Silent).
	CommandBlocked = "blocked"
	// CommandUnblocked says that the person unblocked the bot (or
	// restarted it). It is never answered (see Silent).
	CommandUnblocked = "unblocked"
)

// Silent reports whether in is news from the platform about the chat
// (the person blocked or unblocked the bot) rather than something the
// person said: it is handled like any message, once, and may change what
// is stored, but nothing is ever sent back (to a blocked chat nothing
// could be).
func (in Inbound) Silent() bool {
	return in.Command == CommandBlocked || in.Command == CommandUnblocked
}

// ForTeam reports whether in is staff's work in the care team's channel
// (a thread reply, an edit, a case's button): it gets no reply from the
// sheet.
func (in Inbound) ForTeam() bool {
	if in.Command == CommandStaffReply || in.Command == CommandStaffEdit {
		return true
	}
	action, _, _ := strings.Cut(in.Choice, ":")
	return action == ActionHandoffClaim || action == ActionHandoffResolve || action == ActionHandoffResend
}

// Care-team choices: the patient's "Ask the clinic team", and staff's
// Claim and Resolve buttons (their action_id, then ":" and the case).
const (
	ChoiceCareAsk        = "care:ask"
	ChoiceCareUrgent     = "care:urgent" // HANDOFF_URGENT=ask: "Yes, tell the team" after a red flag
	ActionHandoffClaim   = "handoff_claim"
	ActionHandoffResolve = "handoff_resolve"
	// ActionHandoffResend sends again a relay whose delivery was uncertain
	// (its value is the outbox post).
	ActionHandoffResend = "handoff_resend"
)

// Choices that are not item IDs.
const (
	ChoiceNone         = "none"          // "none of these"
	ChoiceForget       = "forget:yes"    // confirms /forget
	ChoiceForgetCancel = "forget:cancel" // cancels /forget
	ChoiceRemindersOn  = "reminders:on"  // "Yes" to serum reminders
	ChoiceRemindersNo  = "reminders:no"  // "No thanks" to serum reminders
	ChoiceRemindersOff = "reminders:off" // "Stop reminders"
	ChoiceReminderDone = "reminder:done" // "Done" under a reminder
	ChoiceTreatmentAsk = "treatment:ask" // "When was your treatment?"
	// ChoiceTreatedPrefix followed by unix seconds confirms that time as
	// the treatment time (see ChoiceTreated).
	ChoiceTreatedPrefix = "treated:"
)

// ChoiceNoneOf is the "None of these" choice of the "did you mean…?"
// that answered the delivery asked (its DeliveryID), so that a press on an
// older one's button is told from a press on the latest; ChoiceNone when
// asked is "" (the console, which has no delivery IDs).
func ChoiceNoneOf(asked string) string {
	if asked == "" {
		return ChoiceNone
	}
	return ChoiceNone + ":" + asked
}

// NoneChoice reads a "None of these" choice (ChoiceNone or ChoiceNoneOf):
// asked is the delivery its "did you mean…?" answered, "" when it does
// not say; ok is false for any other choice.
func NoneChoice(choice string) (asked string, ok bool) {
	if choice == ChoiceNone {
		return "", true
	}
	asked, ok = strings.CutPrefix(choice, ChoiceNone+":")
	if !ok || asked == "" {
		return "", false
	}
	return asked, true
}

// ChoiceTreated is the choice that confirms t as the treatment time.
func ChoiceTreated(t time.Time) string {
	return ChoiceTreatedPrefix + strconv.FormatInt(t.Unix(), 10)
}

// TreatedChoice reads a ChoiceTreated choice; ok is false for any other.
func TreatedChoice(choice string) (t time.Time, ok bool) {
	rest, ok := strings.CutPrefix(choice, ChoiceTreatedPrefix)
	if !ok {
		return time.Time{}, false
	}
	sec, err := strconv.ParseInt(rest, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.Unix(sec, 0).UTC(), true
}

// Kind labels an Outgoing message for metrics, logs and formatting.
type Kind string

// Outgoing kinds.
const (
	KindAnswer    Kind = "answer"
	KindClarify   Kind = "clarify"
	KindDecline   Kind = "decline"
	KindUrgent    Kind = "urgent"
	KindSmalltalk Kind = "smalltalk"
	KindNonText   Kind = "non_text"
	KindConfirm   Kind = "confirm"  // a yes/no question (Options are the two buttons)
	KindNotice    Kind = "notice"   // a statement from the bot itself ("everything is deleted")
	KindTopics    Kind = "topics"   // the list of topics (Menu), with the help text
	KindInvite    Kind = "invite"   // staff: an invite link for a patient (QR)
	KindReminder  Kind = "reminder" // a serum reminder the bot starts itself
	KindExplain   Kind = "explain"  // for staff: the matcher's trace of a question (Text, preformatted)
	KindInbox     Kind = "inbox"    // for staff: unanswered questions (Inbox), after Text
)

// Kinds lists every kind, for metrics.
var Kinds = []Kind{KindAnswer, KindClarify, KindDecline, KindUrgent, KindSmalltalk, KindNonText, KindConfirm, KindNotice, KindTopics, KindInvite, KindReminder, KindExplain, KindInbox}

// Answer is one item's answer.
type Answer struct {
	ItemID string
	Title  string
	Text   string
}

// Option is a choice offered with buttons (or numbers on the console):
// an item of a "did you mean…?" question, or a confirmation.
type Option struct {
	Choice string // an item ID, or a control choice such as ChoiceForget
	Title  string
}

// Section is a section of the aftercare sheet with its topics, for menus.
type Section struct {
	Name  string
	Items []Option
}

// Scored is an item with the matcher's confidence in it.
type Scored struct {
	ItemID string
	Title  string
	Score  float64
}

// Outgoing is what the bot says, before any platform formatting. Adapters
// render it (HTML and keyboards on Telegram, blocks on Slack, plain text on
// the console) and may split it into several platform messages.
type Outgoing struct {
	Kind Kind
	// Intent is the item (or smalltalk.* intent) the message is about, ""
	// for a decline.
	Intent string
	// Urgent is the urgent text; when set it is shown before anything else.
	Urgent string
	// Text is the body of messages that are not answers: a decline, small
	// talk, the clarify or confirm question, a notice.
	Text string
	// Answers are the items answered, best first.
	Answers []Answer
	// Options are the choices offered; NoneOfThese labels the choice that
	// declines them all (empty for a confirmation), and NoneChoice is that
	// choice (ChoiceNoneOf the question's delivery; ChoiceNone when empty).
	Options     []Option
	NoneOfThese string
	NoneChoice  string
	// Menu, when set, is the topics menu to show with the message.
	Menu []Section
	// Note follows everything else (e.g. "I've only read the first part").
	Note string
	// QR, when set, is a link to show as a QR code as well (an invite);
	// adapters render it as they can.
	QR string
	// Score, RunnersUp and RedFlags explain the match to staff; Score is 0
	// for messages that did not come from matching a message.
	Score     float64
	RunnersUp []Scored
	RedFlags  []string
	// Inbox is, for KindInbox, the groups of unanswered questions.
	Inbox []InboxGroup
	// Key, when set, identifies the message for a later look-up: a
	// platform that can carries it with the message (Slack's message
	// metadata), so that a send that may have landed is looked for before
	// it is sent again (see Looker).
	Key string
	// Actions are buttons that act on something other than a choice (a
	// care-team case's Claim and Resolve), in Slack only.
	Actions []Action
	// ContactButton, when set, is the label of a button that shares the
	// person's own phone number (Telegram's request_contact), which stays
	// until they use it or a later message's RemoveContactButton takes it
	// away. RemoveContactButton takes such a button away. A platform shows
	// them only on a message with no other buttons (Options, Menu), and
	// platforms that cannot ignore them (Slack, the console).
	ContactButton       string
	RemoveContactButton bool
}

// InboxGroup is a group of patients' questions the bot could not answer,
// shown to staff: a label (the topic, or a word they share), how many,
// when the newest was asked, a few examples (masked), and the buttons that
// mark the group.
type InboxGroup struct {
	Label    string
	Count    int
	Newest   time.Time
	Examples []string
	Options  []Option
}

// Action is a button that acts on something: ID is what it does (Slack's
// action_id), Value what on.
type Action struct {
	ID    string
	Title string
	Value string
	Style string // "primary", "danger" or ""
}

// Looker finds a message sent earlier with a Key, in the chat (and
// thread) to names: found is false when it is not there. Senders that can
// implement it (Slack).
type Looker interface {
	Lookup(ctx context.Context, to Address, key string) (ref MessageRef, found bool, err error)
}

// Editor changes or deletes messages the bot sent, and reacts to others'
// (Slack). Errors are as Sender's.
type Editor interface {
	Update(ctx context.Context, ref MessageRef, msg Outgoing) error
	Delete(ctx context.Context, ref MessageRef) error
	React(ctx context.Context, ref MessageRef, name string) error
}

// Person is someone the bot has talked to, as the store keeps them: who
// they are on their platform and when they were first and last seen. No
// message text.
type Person struct {
	Actor     Actor
	FirstSeen time.Time
	LastSeen  time.Time
}

// NoneOfTheseChoice is the choice of the "None of these" button:
// NoneChoice, or ChoiceNone when it is empty.
func (o Outgoing) NoneOfTheseChoice() string {
	if o.NoneChoice == "" {
		return ChoiceNone
	}
	return o.NoneChoice
}

// PlainText renders the message as plain text: the urgent text, the body,
// the answers (each under its title when there are several), the options
// numbered, then the note.
func (o Outgoing) PlainText() string {
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	add(o.Urgent)
	add(o.Text)
	for _, a := range o.Answers {
		if len(o.Answers) > 1 {
			add(a.Title + "\n" + a.Text)
		} else {
			add(a.Text)
		}
	}
	if len(o.Options) > 0 {
		var b strings.Builder
		for i, opt := range o.Options {
			b.WriteString(strconv.Itoa(i+1) + ". " + opt.Title + "\n")
		}
		if o.NoneOfThese != "" {
			b.WriteString(strconv.Itoa(len(o.Options)+1) + ". " + o.NoneOfThese + "\n")
		}
		add(b.String())
	}
	add(o.Note)
	return strings.Join(parts, "\n\n")
}

// Sender sends a message to an address. Every adapter implements it;
// replies and messages the bot starts itself go through it.
//
// It returns a reference to what was sent, or an error that Is one of
// ErrUnreachable (the person or channel cannot be reached: blocked, gone,
// not a member — do not try again), ErrRetryLater (nothing was sent; the
// platform or the network refused for now, or the bot is stopping) or
// ErrUncertain (the request may have been delivered — a timeout after it
// was written; sending again could post twice).
type Sender interface {
	Send(ctx context.Context, to Address, msg Outgoing) (MessageRef, error)
}

// Errors a Sender returns, wrapped with the platform's detail.
var (
	ErrUnreachable = errors.New("recipient unreachable")
	ErrRetryLater  = errors.New("not sent; try again later")
	ErrUncertain   = errors.New("delivery uncertain")
)

// ErrUnauthorized is returned when a platform refuses the bot's
// credentials (a revoked or mistyped token). It is fatal: retrying will not
// help.
var ErrUnauthorized = errors.New("credentials refused")

// Clock tells the time; tests inject a fake one.
type Clock interface {
	Now() time.Time
}

// SystemClock is the real clock.
type SystemClock struct{}

// Now returns the current time.
func (SystemClock) Now() time.Time { return time.Now() }
