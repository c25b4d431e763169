// Package catalog loads and validates the clinic's aftercare content: the items
// of the aftercare sheet, the conversational texts, small talk, the red-flag
// lexicon and the language lexicon. A Catalog is immutable once loaded and safe
// for concurrent use.
package catalog

// Section names an item may belong to.
const (
	SectionExpect = "What to expect"
	SectionHome   = "At home"
)

// Sections lists the sections in the order they are shown to people.
var Sections = []string{SectionExpect, SectionHome}

// MaxTitleLen is the longest title, in characters, that fits menus and buttons.
const MaxTitleLen = 30

// MinExamples is the number of example phrasings an item should have;
// fewer is reported by Lint, not refused by Load.
const MinExamples = 10

// Catalog is the whole of the clinic's content.
type Catalog struct {
	Items     []Item
	Texts     Texts
	Smalltalk []Smalltalk
	RedFlags  RedFlags
	Lexicon   Lexicon
}

// Item is one point of the aftercare sheet.
type Item struct {
	ID      string
	Section string
	Title   string
	// Answer is the item's text with placeholders such as {contact} unexpanded.
	Answer string
	// Keywords are words or phrases that on their own show a message is about
	// this item. ContextKeywords do so only when the message is also about the
	// skin or the treatment (everyday words such as "red" or "oil"). Hints
	// support the item but never decide it alone. NotAbout are phrases that
	// take a question beyond what the item says ("next week" for an item
	// about the first hours).
	Keywords        []string
	ContextKeywords []string
	Hints           []string
	NotAbout        []string
	// Refines lists items this one is a special case of: when both match,
	// this one comes first (darker skin refines redness).
	Refines []string
	// Covers lists items whose questions this one's answer also answers: a
	// message that tells this item's effect and asks about one of them is
	// answered with this item ("dry, is the serum enough?" is the dry-skin
	// answer, which names the serum).
	Covers   []string
	Examples []Phrase
	// Timing, when set, is what the answer adds once the patient's
	// treatment time is known.
	Timing *Timing
	// File and Line say where the item is defined.
	File string
	Line int
}

// Timing is the line an item's answer gains from the patient's treatment
// time: During while the item's window from the treatment lasts, After once
// it has passed. The window is Hours from the treatment, or Days calendar
// days counting the day of the treatment as day 1 (a course, such as the
// serum's week); with neither, During is always shown. Both texts may use
// TimePlaceholders; After may be empty (nothing is added).
type Timing struct {
	Hours  int
	Days   int
	During string
	After  string
}

// Phrase is a line of content with where it was written.
type Phrase struct {
	Text string
	File string
	Line int
}

// Texts are the conversational texts, keyed by their name in texts.yaml
// ("welcome", "decline"), with placeholders unexpanded. Each Phrase records
// the line the text was written on. Load guarantees every key of
// RequiredTexts is present and non-empty; other keys load too (see
// Texts.Unknown).
type Texts map[string]Phrase

// Keys of the texts the bot needs. A text added to texts.yaml is available
// through Texts.Text at once; declaring its key here, and in RequiredTexts,
// makes Load refuse content without it.
const (
	TextWelcome       = "welcome"
	TextHelp          = "help" // may also use {topics}
	TextDecline       = "decline"
	TextUrgent        = "urgent"
	TextClarify       = "clarify"
	TextNoneOfThese   = "none_of_these"
	TextThanks        = "thanks"
	TextGoodbye       = "goodbye"
	TextGreeting      = "greeting"
	TextNonText       = "non_text"
	TextEmpty         = "empty"
	TextOtherLanguage = "other_language"
	TextTooLong       = "too_long"
	// TextOtherLanguageAnswer comes before the answer to a message in
	// another language that the matcher read clearly enough.
	TextOtherLanguageAnswer = "other_language_answer"
	// TextWithAttachment follows the answer to a photo's (or file's) caption.
	TextWithAttachment = "with_attachment"
	// /forget: the question, its two buttons, and the two answers.
	TextForgetConfirm   = "forget_confirm"
	TextForgetYes       = "forget_yes"
	TextForgetNo        = "forget_no"
	TextForgetDone      = "forget_done"
	TextForgetCancelled = "forget_cancelled"
	// The treatment journey: invites, the treatment time, reminders.
	TextInviteUsed        = "invite_used"
	TextInviteExpired     = "invite_expired"
	TextTreatmentKnown    = "treatment_known"
	TextTreatmentAsk      = "treatment_ask"
	TextTreatmentButton   = "treatment_button"
	TextTreatmentConfirm  = "treatment_confirm"
	TextTreatmentYes      = "treatment_yes"
	TextTreatmentChange   = "treatment_change"
	TextTreatmentSaved    = "treatment_saved"
	TextTreatmentUnclear  = "treatment_unclear"
	TextTreatmentFuture   = "treatment_future"
	TextTreatmentTooOld   = "treatment_too_old"
	TextRemindersOffer    = "reminders_offer"
	TextRemindersYes      = "reminders_yes"
	TextRemindersNo       = "reminders_no"
	TextRemindersOn       = "reminders_on"
	TextRemindersOver     = "reminders_over"
	TextRemindersOff      = "reminders_off"
	TextRemindersDeclined = "reminders_declined"
	TextRemindersNeedTime = "reminders_need_time"
	TextReminder          = "reminder"
	TextReminderDone      = "reminder_done"
	TextReminderStop      = "reminder_stop"
	TextReminderWellDone  = "reminder_well_done"
	TextInviteMade        = "invite_made"
	TextInviteUnavailable = "invite_unavailable"
	TextInviteBadTime     = "invite_bad_time"
	TextInviteStaffOnly   = "invite_staff_only"
	TextInviteRef         = "invite_ref"     // follows invite_made: the clinic's reference the invite carries ({ref})
	TextInviteBadRef      = "invite_bad_ref" // staff gave a clinic reference that is not one
)

// The care team's handoff. Texts to the patient may also use {next} (when
// the team is next in: "Monday at 09:00"); texts to staff {staff} (a
// staff member) and {when} (a duration or a time).
const (
	TextCareToldUrgent   = "care_told_urgent"   // follows the urgent text: the team has been told
	TextCareOpened       = "care_opened"        // the case opened, in office hours
	TextCareOpenedClosed = "care_opened_closed" // the case opened, out of hours ({next})
	TextCareUrgentClosed = "care_urgent_closed" // an urgent patient out of hours ({next})
	TextCareAlertOnly    = "care_alert_only"    // the case opened with HANDOFF_PRIVACY=alert-only
	TextCareResolved     = "care_resolved"      // the team closed the case
	TextCareAskButton    = "care_ask_button"    // the button under a decline
	TextCareAskUrgent    = "care_ask_urgent"    // HANDOFF_URGENT=ask: shall the team be told?
	TextCareAskYes       = "care_ask_yes"
	TextCareSignTeam     = "care_sign_team" // signs a staff reply
	TextCareSignName     = "care_sign_name" // signs a staff reply with {staff}
	TextCarePrivacy      = "care_privacy"   // /privacy: what the team sees, and for how long ({when})
	TextCareWelcome      = "care_welcome"   // follows the welcome: the team can be reached
	// alert-only, for a patient without a clinic reference: the button
	// that shares their phone number, what is said with it, and after.
	TextCarePhoneAsk    = "care_phone_ask"     // follows what the patient is told as the case opens
	TextCarePhoneButton = "care_phone_button"  // the button's label
	TextCarePhoneThanks = "care_phone_thanks"  // their number went to the team
	TextCarePhoneNotOwn = "care_phone_not_own" // someone else's contact: not passed on
	TextCarePhoneNoCase = "care_phone_no_case" // no case open: not passed on
	// To staff, in Slack.
	TextCareNotDelivered = "care_not_delivered" // the patient blocked the bot
	TextCareUncertain    = "care_uncertain"     // Telegram did not confirm a relay
	TextCareNotSent      = "care_not_sent"      // a relay refused
	TextCareEdited       = "care_edited"        // an edit or deletion cannot reach the patient
	TextCareFile         = "care_file"          // files are not relayed
	TextCareClaimed      = "care_claimed"       // {staff} claimed the case
	TextCareTaken        = "care_taken"         // a second claim: {staff} has it
	TextCareResolvedBy   = "care_resolved_by"   // {staff} resolved it at {when}
	TextCareEscalate     = "care_escalate"      // an urgent case unclaimed for {when}
)

// CareTexts are the care team's texts, in RequiredTexts.
var CareTexts = []string{
	TextCareToldUrgent, TextCareOpened, TextCareOpenedClosed, TextCareUrgentClosed, TextCareAlertOnly, TextCareResolved,
	TextCareAskButton, TextCareAskUrgent, TextCareAskYes, TextCareSignTeam, TextCareSignName, TextCarePrivacy, TextCareWelcome,
	TextCareNotDelivered, TextCareUncertain, TextCareNotSent, TextCareEdited, TextCareFile, TextCareClaimed, TextCareTaken,
	TextCareResolvedBy, TextCareEscalate, TextCarePhoneAsk, TextCarePhoneButton, TextCarePhoneThanks, TextCarePhoneNotOwn,
	TextCarePhoneNoCase,
}

// RequiredTexts lists the keys texts.yaml must define, in the order problems
// about missing ones are reported.
var RequiredTexts = []string{
	TextWelcome, TextHelp, TextDecline, TextUrgent, TextClarify, TextNoneOfThese, TextThanks,
	TextGoodbye, TextGreeting, TextNonText, TextEmpty, TextOtherLanguage, TextTooLong,
	TextForgetConfirm, TextForgetYes, TextForgetNo, TextForgetDone, TextForgetCancelled,
	TextInviteUsed, TextInviteExpired, TextTreatmentKnown, TextTreatmentAsk, TextTreatmentButton,
	TextTreatmentConfirm, TextTreatmentYes, TextTreatmentChange, TextTreatmentSaved, TextTreatmentUnclear,
	TextTreatmentFuture, TextTreatmentTooOld, TextRemindersOffer, TextRemindersYes, TextRemindersNo,
	TextRemindersOn, TextRemindersOver, TextRemindersOff, TextRemindersDeclined, TextRemindersNeedTime,
	TextReminder, TextReminderDone, TextReminderStop, TextReminderWellDone, TextInviteMade,
	TextInviteUnavailable, TextInviteBadTime, TextInviteStaffOnly, TextWithAttachment, TextInviteRef, TextInviteBadRef, TextOtherLanguageAnswer,
}

func init() { RequiredTexts = append(RequiredTexts, CareTexts...) }

// Smalltalk is a small-talk intent such as smalltalk.greeting.
type Smalltalk struct {
	ID      string
	Phrases []string
}

// Smalltalk intent IDs.
const (
	SmalltalkGreeting = "smalltalk.greeting"
	SmalltalkThanks   = "smalltalk.thanks"
	SmalltalkGoodbye  = "smalltalk.goodbye"
	SmalltalkHelp     = "smalltalk.help"
)

// RedFlags is the lexicon of symptoms that need urgent attention.
type RedFlags struct {
	// Item is the ID of the item an urgent message is filed under.
	Item           string
	Negations      []string
	NegationsAfter []string
	Hypotheticals  []string
	// ThirdParty, Past, General and OtherCauses are cues that a red flag
	// is someone else's ("my son has"), over ("years ago"), asked about in
	// general ("how common") or has another cause ("from a cold").
	ThirdParty  []string
	Past        []string
	General     []string
	OtherCauses []string
	// Unrelated are cues that the signs of their sentence have nothing to
	// do with the treatment ("nothing to do with the needling").
	Unrelated []string
	// Ignore lists phrases that contain a symptom word but are not the
	// symptom ("hay fever").
	Ignore []string
	Flags  []Flag
}

// Flag is one red-flag symptom, such as "fever or chills".
type Flag struct {
	Name string
	// Systemic marks a whole-body sign (fever, dizziness) that another
	// illness or the room explains as often as the treatment: a cause told
	// after "but" in its sentence explains it ("shivery but the heating's
	// broken").
	Systemic bool
	// Now marks a sign that is about now whatever the message says of an
	// appointment still to come ("cancel my appointment, I'm in A&E"):
	// asking to keep or move one does not make it another treatment's.
	Now bool
	// NotCausedBy are words that, in an other_causes cue, do not explain
	// this flag's sign: "blisters after I sat in the sun" is a burn of
	// skin the treatment left sensitive to sunlight, not another cause.
	NotCausedBy []string
	Rules       []Rule
}

// Rule matches when every one of its terms appears; a term matches when any of
// its alternatives (a word or a phrase) does.
type Rule struct {
	Terms [][]string
	Line  int
}

// Lexicon is language the matcher needs beyond the items.
type Lexicon struct {
	// Spelling maps a word people type to the word or words it stands for.
	Spelling map[string]string
	// OutOfScope lists topics the aftercare sheet does not cover.
	OutOfScope []string
	// Context lists words that show a message is about the skin or the
	// treatment.
	Context []string
	// OtherMeanings lists everyday phrases in which item words mean something
	// else ("red wine", "apply for").
	OtherMeanings []string
}

// Item returns the item with the given ID.
func (c *Catalog) Item(id string) (Item, bool) {
	for _, it := range c.Items {
		if it.ID == id {
			return it, true
		}
	}
	return Item{}, false
}
