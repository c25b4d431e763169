package slack

import (
	"fmt"
	"strings"
	"unicode/utf8"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackutilsx"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/qrtext"
	"github.com/clinicbot/aftercare/internal/textsplit"
)

// Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks).
const (
	maxSectionText = 3000 // characters in a section's or a context element's text
	maxBlocks      = 50   // blocks in a message
	maxButtonText  = 75   // characters on a button
	maxButtons     = 25   // elements in an actions block
	maxFallback    = 3000 // characters of the plain-text fallback we send
)

// choiceAction prefixes the action_id of the "did you mean…?" buttons;
// their value is the item ID or the "None of these" choice.
const choiceAction = "aftercare_choice"

// urgentHeader marks the urgent text, which always comes first.
const urgentHeader = ":rotating_light: Urgent: read this first"

// message is a Slack message: Block Kit blocks and the plain-text
// fallback shown in notifications. Both are escaped mrkdwn.
type message struct {
	text   string
	blocks []slackapi.Block
	key    string // carried as metadata, for Lookup
}

// renderReply formats r for staff: the urgent text first under a header,
// the body, the answers under their titles, buttons for the options, the
// note, and a context line saying why the bot answered so. A trace for
// staff ("why") is shown as it is, in code blocks.
func renderReply(r aftercare.Outgoing) message {
	if r.Kind == aftercare.KindExplain {
		return renderExplanation(r.Text)
	}
	var b blockList
	if r.Urgent != "" {
		b.header(urgentHeader)
		b.sections(escape(r.Urgent))
	}
	body := escape(r.Text)
	if r.Kind == aftercare.KindNotice {
		body = keepMentions(body) // the care team's notices name staff
	}
	b.sections(body)
	for _, ans := range r.Answers {
		b.sections("*" + escape(ans.Title) + "*\n" + escape(ans.Text))
	}
	if len(r.Options) > 0 {
		b.buttons(r.Options, r.NoneOfThese, r.NoneOfTheseChoice())
	}
	if len(r.Actions) > 0 {
		b.actions(r.Actions)
	}
	if qr := qrtext.Blocks(r.QR); r.QR != "" && qr != "" {
		// A code block keeps the blocks aligned; Slack shows no pictures
		// from a response URL without a public image URL.
		b.sections("```\n" + qr + "\n```")
	}
	b.context(escape(r.Note))
	b.context(explain(r))
	text := r.PlainText()
	if r.Urgent != "" {
		text = ":rotating_light: " + text
	}
	return message{text: fallback(text), blocks: b.done(), key: r.Key}
}

// renderTopics lists every item by section, with the IDs `/aftercare show`
// takes.
func renderTopics(sections []aftercare.Section) message {
	var b blockList
	var plain strings.Builder
	for _, sec := range sections {
		var md strings.Builder
		md.WriteString("*" + escape(sec.Name) + "*")
		plain.WriteString(sec.Name + ":\n")
		for _, it := range sec.Items {
			fmt.Fprintf(&md, "\n• %s  `%s`", escape(it.Title), escape(it.Choice))
			plain.WriteString("• " + it.Title + "\n")
		}
		b.sections(md.String())
	}
	b.context("Read one with `/aftercare show <id or part of a title>`, or ask a question with `/aftercare <question>`.")
	return message{text: fallback(plain.String()), blocks: b.done()}
}

// renderExplanation shows the matcher's trace of a question in code
// blocks, split between lines when it is longer than a section holds.
func renderExplanation(trace string) message {
	var b blockList
	text := escape(strings.ReplaceAll(trace, "```", "'''")) // a fence in the question must not end the block
	for _, chunk := range textsplit.Split(text, maxSectionText-len("```\n\n```"), textsplit.Runes) {
		b.sections("```\n" + chunk + "\n```")
	}
	return message{text: fallback(trace), blocks: b.done()}
}

// explain tells staff why the bot answered so: the matched item, the
// confidence and the runners-up. It is empty for replies that did not come
// from matching a message.
func explain(r aftercare.Outgoing) string {
	if r.Score <= 0 && len(r.RunnersUp) == 0 {
		return ""
	}
	parts := []string{fmt.Sprintf("Matched *%s* · confidence %s", escape(title(r)), percent(r.Score))}
	if len(r.RunnersUp) > 0 {
		var runners []string
		for _, s := range r.RunnersUp {
			runners = append(runners, fmt.Sprintf("%s (%s)", escape(s.Title), percent(s.Score)))
		}
		parts = append(parts, "runners-up: "+strings.Join(runners, ", "))
	}
	if len(r.RedFlags) > 0 {
		parts = append(parts, "red flags: "+escape(strings.Join(r.RedFlags, ", ")))
	}
	return strings.Join(parts, " · ")
}

// title is the title of the item r is about, or its ID when r does not
// carry the title.
func title(r aftercare.Outgoing) string {
	for _, a := range r.Answers {
		if a.ItemID == r.Intent {
			return a.Title
		}
	}
	for _, o := range r.Options {
		if o.Choice == r.Intent {
			return o.Title
		}
	}
	if r.Intent == "" {
		return "nothing"
	}
	return r.Intent
}

func percent(score float64) string { return fmt.Sprintf("%.0f%%", score*100) }

// escape escapes the characters mrkdwn treats as control characters
// (&, < and >), so that dynamic text cannot mention, link or format.
func escape(s string) string { return slackutilsx.EscapeMessage(strings.TrimSpace(s)) }

// fallback is the escaped plain-text version of a message, cut at a word
// boundary when it is too long for a notification.
func fallback(plain string) string {
	text := escape(plain)
	if utf8.RuneCountInString(text) <= maxFallback {
		return text
	}
	return split(text, maxFallback-1)[0] + "…"
}

// blockList builds a message's blocks within Block Kit's limits.
type blockList struct {
	blocks []slackapi.Block
}

func (b *blockList) header(text string) {
	b.blocks = append(b.blocks, slackapi.NewHeaderBlock(slackapi.NewTextBlockObject(slackapi.PlainTextType, text, true, false)))
}

// sections adds mrkdwn as one section per chunk of at most maxSectionText
// characters, split between paragraphs, lines or words.
func (b *blockList) sections(mrkdwn string) {
	for _, chunk := range split(mrkdwn, maxSectionText) {
		b.blocks = append(b.blocks, slackapi.NewSectionBlock(slackapi.NewTextBlockObject(slackapi.MarkdownType, chunk, false, false), nil, nil))
	}
}

// context adds mrkdwn in small grey text, split like sections.
func (b *blockList) context(mrkdwn string) {
	for _, chunk := range split(mrkdwn, maxSectionText) {
		b.blocks = append(b.blocks, slackapi.NewContextBlock("", slackapi.NewTextBlockObject(slackapi.MarkdownType, chunk, false, false)))
	}
}

// buttons adds one button per option and one for "none of these"
// (labelled noneOfThese, worth none) when it is labelled.
func (b *blockList) buttons(options []aftercare.Option, noneOfThese, none string) {
	var elems []slackapi.BlockElement
	add := func(label, value string) {
		if len(elems) < maxButtons && label != "" {
			id := fmt.Sprintf("%s_%d", choiceAction, len(elems))
			text := slackapi.NewTextBlockObject(slackapi.PlainTextType, truncate(label, maxButtonText), false, false)
			elems = append(elems, slackapi.NewButtonBlockElement(id, value, text))
		}
	}
	for _, o := range options {
		add(o.Title, o.Choice)
	}
	add(noneOfThese, none)
	if len(elems) > 0 {
		b.blocks = append(b.blocks, slackapi.NewActionBlock("", elems...))
	}
}

// done returns the blocks, at most maxBlocks of them: a longer list is cut
// with a note saying so.
func (b *blockList) done() []slackapi.Block {
	if len(b.blocks) <= maxBlocks {
		return b.blocks
	}
	cut := b.blocks[:maxBlocks-1]
	note := slackapi.NewTextBlockObject(slackapi.MarkdownType, "_The rest is too long for one Slack message._", false, false)
	return append(cut, slackapi.NewContextBlock("", note))
}

// truncate cuts plain text to at most n characters, ending with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// split cuts s into chunks of at most limit characters, each as long as
// it can be: between paragraphs if it can, else between lines, else
// between words. A single word longer than limit (a long URL) is the only
// thing cut inside. Chunks are trimmed; empty ones are dropped.
func split(s string, limit int) []string { return textsplit.Split(s, limit, textsplit.Runes) }
