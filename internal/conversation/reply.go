// Package conversation turns patients' and staff's messages into replies in
// the clinic's words: the urgent text first when a red flag is described,
// then the answers, a "did you mean…?" question, small talk or a polite
// decline. Replies are platform-neutral; adapters format them.
package conversation

import (
	"strconv"
	"strings"
)

// Message is one incoming message from any platform: a question, a
// command, or a choice from a menu.
type Message struct {
	Platform string // "console", "telegram", "slack"
	// ChatID identifies the conversation; it is only ever logged hashed.
	ChatID string
	// Text is the question, or the argument of a command ("show brui").
	Text string
	// NonText is set for photos, stickers, voice notes and other messages
	// without text.
	NonText bool
	// Command is a command instead of a question: CommandStart,
	// CommandHelp, CommandTopics or CommandShow.
	Command string
	// Choice is an item ID picked from a menu or a "did you mean" question,
	// or ChoiceNone for "none of these".
	Choice string
}

// Commands a Message may carry.
const (
	CommandStart  = "start"  // a new conversation: the welcome
	CommandHelp   = "help"   // what the bot can answer
	CommandTopics = "topics" // the list of topics
	CommandShow   = "show"   // the item Text names, looked up loosely ("brui")
)

// ChoiceNone is the Choice of "none of these".
const ChoiceNone = "none"

// Kind labels a reply for metrics and logs.
type Kind string

// Reply kinds.
const (
	KindAnswer    Kind = "answer"
	KindClarify   Kind = "clarify"
	KindDecline   Kind = "decline"
	KindUrgent    Kind = "urgent"
	KindSmalltalk Kind = "smalltalk"
	KindNonText   Kind = "non_text"
)

// Kinds lists every reply kind, for metrics.
var Kinds = []Kind{KindAnswer, KindClarify, KindDecline, KindUrgent, KindSmalltalk, KindNonText}

// Answer is one item's answer.
type Answer struct {
	ItemID string
	Title  string
	Text   string
}

// Option is a "did you mean…?" choice.
type Option struct {
	ItemID string
	Title  string
}

// Reply is what the bot says back, before any platform formatting.
type Reply struct {
	Kind Kind
	// Intent is the item (or smalltalk.* intent) the reply is about, "" for a
	// decline.
	Intent string
	// Urgent is the urgent text; when set it must be shown before anything else.
	Urgent string
	// Text is the body of replies that are not answers: a decline, small
	// talk, the clarify question, the non-text notice.
	Text string
	// Answers are the items answered, best first.
	Answers []Answer
	// Options are the items a clarify reply offers; NoneOfThese labels the
	// choice that declines them all.
	Options     []Option
	NoneOfThese string
	// Note follows everything else (e.g. "I've only read the first part").
	Note string
	// Score and Runners-up explain the match to staff; Score is 0 for
	// replies that did not come from matching a message.
	Score     float64
	RunnersUp []Scored
	RedFlags  []string
}

// Scored is an item title with the matcher's confidence in it.
type Scored struct {
	ItemID string
	Title  string
	Score  float64
}

// PlainText renders the reply as plain text: the urgent text, the body,
// the answers (each under its title when there are several), the options
// numbered, then the note.
func (r Reply) PlainText() string {
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	add(r.Urgent)
	add(r.Text)
	for _, a := range r.Answers {
		if len(r.Answers) > 1 {
			add(a.Title + "\n" + a.Text)
		} else {
			add(a.Text)
		}
	}
	if len(r.Options) > 0 {
		var b strings.Builder
		for i, o := range r.Options {
			b.WriteString(numbered(i+1, o.Title))
		}
		if r.NoneOfThese != "" {
			b.WriteString(numbered(len(r.Options)+1, r.NoneOfThese))
		}
		add(b.String())
	}
	add(r.Note)
	return strings.Join(parts, "\n\n")
}

func numbered(n int, s string) string {
	return strconv.Itoa(n) + ". " + s + "\n"
}
