// Package reply turns patients' and staff's messages into what the bot
// says, in the clinic's words: the urgent text first when a red flag is
// described (then the answer to a question asked beside it), else the answers, a "did you mean…?" question, small talk or
// a polite decline. What it returns is platform-neutral; adapters format it.
package reply

import (
	"context"
	"strings"
	"sync/atomic"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/intents"
	"github.com/clinicbot/aftercare/internal/journey"
)

// Service answers messages with the clinic's content. It is safe for
// concurrent use; Reload swaps the content atomically, so a message is
// always answered from one consistent version.
type Service struct {
	kb atomic.Pointer[knowledge]
}

// knowledge is one version of the content, with every text expanded.
type knowledge struct {
	matcher  *intents.Matcher
	texts    map[string]string // by catalog key
	answers  map[string]aftercare.Answer
	sections []aftercare.Section
	// The journey: items' timing lines (clinic placeholders filled), the
	// clinic's time zone and reminder times, and the course the reminders
	// follow (the serum's week).
	timings    map[string]*catalog.Timing
	loc        *time.Location
	times      string
	courseItem string
	courseDays int
}

// New returns a Service answering from cat with m, filling placeholders
// with the clinic's details.
func New(cat *catalog.Catalog, m *intents.Matcher, clinic catalog.Clinic) *Service {
	s := &Service{}
	s.Reload(cat, m, clinic)
	return s
}

// Reload switches to new content. Messages being answered finish with the
// version they started with.
func (s *Service) Reload(cat *catalog.Catalog, m *intents.Matcher, clinic catalog.Clinic) {
	kb := &knowledge{matcher: m, answers: map[string]aftercare.Answer{}, timings: map[string]*catalog.Timing{},
		loc: clinic.Zone(), times: timeList(clinic.ReminderTimes), courseDays: defaultCourseDays}
	for _, name := range catalog.Sections {
		sec := aftercare.Section{Name: name}
		for _, it := range cat.Items {
			if it.Section == name {
				sec.Items = append(sec.Items, aftercare.Option{Choice: it.ID, Title: it.Title})
			}
		}
		kb.sections = append(kb.sections, sec)
	}
	for _, it := range cat.Items {
		kb.answers[it.ID] = aftercare.Answer{ItemID: it.ID, Title: it.Title, Text: clinic.Expand(it.Answer)}
		if t := it.Timing; t != nil {
			kb.timings[it.ID] = &catalog.Timing{Hours: t.Hours, Days: t.Days, During: clinic.Expand(t.During), After: clinic.Expand(t.After)}
			if t.Days > 0 && kb.courseItem == "" {
				kb.courseItem, kb.courseDays = it.ID, t.Days
			}
		}
	}
	kb.texts = make(map[string]string, len(cat.Texts))
	for key, t := range cat.Texts {
		kb.texts[key] = clinic.Expand(t.Text)
	}
	kb.texts[catalog.TextHelp] = strings.ReplaceAll(kb.texts[catalog.TextHelp], "{topics}", topicList(kb.sections))
	s.kb.Store(kb)
}

func topicList(sections []aftercare.Section) string {
	var b strings.Builder
	for i, sec := range sections {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(sec.Name + ":")
		for _, it := range sec.Items {
			b.WriteString("\n• " + it.Title)
		}
	}
	return b.String()
}

// defaultCourseDays is the reminders' course when no item has one.
const defaultCourseDays = 7

// Answer replies to one message: a question, a command or a choice. The
// patient's treatment (in.Journey) adds timing lines to answers and is
// what the journey's commands report.
func (s *Service) Answer(ctx context.Context, in aftercare.Inbound) aftercare.Outgoing {
	kb := s.kb.Load()
	if out, ok := kb.journeyReply(in); ok {
		return out
	}
	out := kb.answer(in)
	if out.NoneOfThese != "" {
		// The button names the message it answers, for the inbox (see
		// aftercare.ChoiceNoneOf).
		out.NoneChoice = aftercare.ChoiceNoneOf(in.DeliveryID)
	}
	if out.Kind == aftercare.KindAnswer {
		kb.timingNote(&out, in.Journey)
	}
	return out
}

// answer replies to a message that is not about the journey.
func (kb *knowledge) answer(in aftercare.Inbound) aftercare.Outgoing {
	switch {
	case in.NonText && strings.TrimSpace(in.Text) != "":
		// A photo with a caption: answer the words, and say the photo
		// was not looked at.
		out := kb.reply(kb.matcher.Match(in.Text))
		out.Note = strings.TrimSpace(kb.text(catalog.TextWithAttachment) + "\n\n" + out.Note)
		return out
	case in.NonText:
		return aftercare.Outgoing{Kind: aftercare.KindNonText, Text: kb.text(catalog.TextNonText)}
	case in.Command == aftercare.CommandFailed:
		return aftercare.Outgoing{Kind: aftercare.KindDecline, Text: kb.text(catalog.TextDecline)}
	case in.Command == aftercare.CommandForget:
		return aftercare.Outgoing{Kind: aftercare.KindConfirm, Text: kb.text(catalog.TextForgetConfirm), Options: []aftercare.Option{
			{Choice: aftercare.ChoiceForget, Title: kb.text(catalog.TextForgetYes)},
			{Choice: aftercare.ChoiceForgetCancel, Title: kb.text(catalog.TextForgetNo)},
		}}
	case in.Choice == aftercare.ChoiceForget:
		// The desk deletes what is stored, in the same transaction that
		// records this message as handled.
		return aftercare.Outgoing{Kind: aftercare.KindNotice, Text: kb.text(catalog.TextForgetDone)}
	case in.Choice == aftercare.ChoiceForgetCancel:
		return aftercare.Outgoing{Kind: aftercare.KindNotice, Text: kb.text(catalog.TextForgetCancelled)}
	case isNone(in.Choice):
		return aftercare.Outgoing{Kind: aftercare.KindDecline, Text: kb.text(catalog.TextDecline)}
	case in.Choice != "":
		return kb.item(in.Choice)
	case in.Command == aftercare.CommandStart:
		return aftercare.Outgoing{Kind: aftercare.KindSmalltalk, Intent: catalog.SmalltalkGreeting, Text: kb.text(catalog.TextWelcome), Menu: kb.sections}
	case in.Command == aftercare.CommandHelp, in.Command == aftercare.CommandHuman, in.Command == aftercare.CommandPrivacy:
		// /human and /privacy are the care team's; without it, the help.
		return aftercare.Outgoing{Kind: aftercare.KindSmalltalk, Intent: catalog.SmalltalkHelp, Text: kb.text(catalog.TextHelp), Menu: kb.sections}
	case in.Command == aftercare.CommandTopics:
		return aftercare.Outgoing{Kind: aftercare.KindTopics, Intent: catalog.SmalltalkHelp, Text: kb.text(catalog.TextHelp), Menu: kb.sections}
	case in.Command == aftercare.CommandWhy:
		return aftercare.Outgoing{Kind: aftercare.KindExplain, Text: kb.matcher.Explain(in.Text).String()}
	case in.Command == aftercare.CommandShow:
		if id, ok := kb.matcher.Lookup(in.Text); ok {
			return kb.item(id)
		}
		return aftercare.Outgoing{Kind: aftercare.KindDecline, Text: kb.text(catalog.TextDecline)}
	}
	r := kb.matcher.Match(in.Text)
	if !r.Urgent && in.Journey.Patient {
		// "I had it done today at 2pm": the treatment time, to confirm.
		// A red flag in the same message comes first.
		if t, ok, err := journey.Statement(in.Text, in.Journey.Now, kb.loc); ok {
			confirm := kb.confirmTreatment(t, err, in.Journey)
			if r.Kind != intents.KindAnswer {
				return confirm
			}
			// "I had it done yesterday and my skin is itchy": the answer,
			// then the time to confirm.
			out := kb.reply(r)
			out.Note = strings.TrimSpace(out.Note + "\n\n" + confirm.Text)
			out.Options = confirm.Options
			return out
		}
	}
	return kb.reply(r)
}

// text returns the expanded text with the given catalog key.
func (kb *knowledge) text(key string) string {
	return kb.texts[key]
}

// item answers one item by ID; an unknown ID is declined.
func (kb *knowledge) item(id string) aftercare.Outgoing {
	a, ok := kb.answers[id]
	if !ok {
		return aftercare.Outgoing{Kind: aftercare.KindDecline, Text: kb.text(catalog.TextDecline)}
	}
	return aftercare.Outgoing{Kind: aftercare.KindAnswer, Intent: id, Answers: []aftercare.Answer{a}}
}

// reply turns a match into a reply.
func (kb *knowledge) reply(r intents.Result) aftercare.Outgoing {
	rep := aftercare.Outgoing{Intent: r.Intent, Score: r.Score, RunnersUp: kb.scored(r.Alternatives), RedFlags: r.RedFlags}
	if r.Truncated {
		rep.Note = kb.text(catalog.TextTooLong)
	}
	switch {
	case r.Urgent:
		// The urgent text says what the red-flag item says, more urgently;
		// only the answer to a question asked apart from the red flag
		// follows it (see intents.Result.Asked).
		rep.Kind, rep.Urgent = aftercare.KindUrgent, kb.text(catalog.TextUrgent)
		rep.Answers = kb.answersTo(r.Asked)
	case r.Kind == intents.KindAnswer:
		rep.Kind, rep.Answers = aftercare.KindAnswer, kb.answersTo(r.Items)
		if r.Language != "" {
			rep.Text = kb.text(catalog.TextOtherLanguageAnswer)
		}
	case r.Kind == intents.KindClarify:
		rep.Kind, rep.Text, rep.NoneOfThese = aftercare.KindClarify, kb.text(catalog.TextClarify), kb.text(catalog.TextNoneOfThese)
		for _, id := range r.Options() {
			rep.Options = append(rep.Options, aftercare.Option{Choice: id, Title: kb.answers[id].Title})
		}
	case r.Kind == intents.KindSmalltalk:
		rep.Kind, rep.Text = aftercare.KindSmalltalk, kb.smalltalk(r.Intent)
	default:
		rep.Kind, rep.Text = aftercare.KindDecline, kb.decline(r.Reason)
	}
	return rep
}

// answersTo returns the answers of the items, in order.
func (kb *knowledge) answersTo(ids []string) []aftercare.Answer {
	var out []aftercare.Answer
	for _, id := range ids {
		out = append(out, kb.answers[id])
	}
	return out
}

func (kb *knowledge) scored(cands []intents.Candidate) []aftercare.Scored {
	out := make([]aftercare.Scored, 0, len(cands))
	for _, c := range cands {
		out = append(out, aftercare.Scored{ItemID: c.Intent, Title: kb.answers[c.Intent].Title, Score: c.Score})
	}
	return out
}

func (kb *knowledge) smalltalk(intent string) string {
	switch intent {
	case catalog.SmalltalkGreeting:
		return kb.text(catalog.TextGreeting)
	case catalog.SmalltalkThanks:
		return kb.text(catalog.TextThanks)
	case catalog.SmalltalkGoodbye:
		return kb.text(catalog.TextGoodbye)
	default:
		return kb.text(catalog.TextHelp)
	}
}

func (kb *knowledge) decline(reason intents.Reason) string {
	switch reason {
	case intents.ReasonEmpty:
		return kb.text(catalog.TextEmpty)
	case intents.ReasonOtherLanguage:
		return kb.text(catalog.TextOtherLanguage)
	default:
		return kb.text(catalog.TextDecline)
	}
}

// Decline is the decline text, for when nothing else can be said.
func (s *Service) Decline() aftercare.Outgoing {
	return aftercare.Outgoing{Kind: aftercare.KindDecline, Text: s.kb.Load().text(catalog.TextDecline)}
}

// Sections returns the topics by section, in the sheet's order, for menus.
func (s *Service) Sections() []aftercare.Section {
	return s.kb.Load().sections
}

// Items returns how many items the content has.
func (s *Service) Items() int {
	return len(s.kb.Load().answers)
}

// Text returns the text key names, the clinic's placeholders filled and
// the rest left for the caller (the care team's {next}, {staff}, {when}).
func (s *Service) Text(key string) string {
	return s.kb.Load().text(key)
}

// isNone reports whether choice is "None of these", of any "did you
// mean…?".
func isNone(choice string) bool {
	_, ok := aftercare.NoneChoice(choice)
	return ok
}
