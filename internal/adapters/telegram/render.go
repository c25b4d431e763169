package telegram

import (
	"html"
	"strings"
	"unicode"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/textsplit"
)

// MaxMessageLen is Telegram's limit on a message's text, in UTF-16 code
// units after entities are parsed.
const MaxMessageLen = 4096

// Callback data prefixes for inline buttons.
const (
	cbItem   = "item:"   // a topic from the menu
	cbChoose = "choose:" // a "did you mean" option, or "none"
	cbNoop   = "noop"    // a section heading in the menu
)

// outgoing is one message to send: HTML text and, on the last part of a
// reply, its keyboard (an inline keyboard, the button that shares the
// person's phone number, or its removal); nil for none.
type outgoing struct {
	html   string
	markup any
}

// paragraph is a block of a reply: its visible text and its HTML.
type paragraph struct {
	bold  string // optional title, shown in bold before the text
	plain string
}

// render turns a reply into messages. Every dynamic part is escaped;
// replies longer than MaxMessageLen are split at paragraph boundaries (then
// lines, then words), never inside a word.
func render(r aftercare.Outgoing, hint string) []outgoing {
	var paras []paragraph
	if r.Urgent != "" {
		paras = append(paras, paragraph{bold: r.Urgent})
	}
	if r.Text != "" {
		paras = append(paras, paragraph{plain: r.Text})
	}
	for _, a := range r.Answers {
		p := paragraph{plain: a.Text}
		if len(r.Answers) > 1 {
			p.bold = a.Title
		}
		paras = append(paras, p)
	}
	if r.Kind == aftercare.KindDecline && hint != "" {
		paras = append(paras, paragraph{plain: hint})
	}
	if r.Note != "" {
		paras = append(paras, paragraph{plain: r.Note})
	}
	msgs := pack(paras)
	last := &msgs[len(msgs)-1]
	switch {
	case len(r.Options) > 0:
		last.markup = *optionsKeyboard(r)
	case r.Menu != nil:
		last.markup = *topicsKeyboard(r.Menu)
	case r.ContactButton != "":
		last.markup = contactKeyboard(r.ContactButton)
	case r.RemoveContactButton:
		last.markup = tgbotapi.NewRemoveKeyboard(false)
	}
	return msgs
}

// pack groups paragraphs into messages of at most MaxMessageLen.
func pack(paras []paragraph) []outgoing {
	var (
		msgs []outgoing
		cur  []string
		n    int
	)
	flush := func() {
		if len(cur) > 0 {
			msgs = append(msgs, outgoing{html: strings.Join(cur, "\n\n")})
			cur, n = nil, 0
		}
	}
	for _, p := range paras {
		for _, piece := range p.pieces() {
			l := utf16Len(piece.bold) + utf16Len(piece.plain) + 1
			if n > 0 && n+2+l > MaxMessageLen {
				flush()
			}
			cur = append(cur, piece.html())
			n += l + 2
		}
	}
	flush()
	if len(msgs) == 0 {
		msgs = append(msgs, outgoing{html: "…"})
	}
	return msgs
}

func (p paragraph) html() string {
	var b strings.Builder
	if p.bold != "" {
		b.WriteString("<b>" + html.EscapeString(p.bold) + "</b>")
		if p.plain != "" {
			b.WriteString("\n")
		}
	}
	b.WriteString(html.EscapeString(p.plain))
	return b.String()
}

// pieces splits a paragraph too long for one message into parts that fit,
// cutting at line ends, then between words.
func (p paragraph) pieces() []paragraph {
	limit := MaxMessageLen - utf16Len(p.bold) - 1
	if utf16Len(p.plain) <= limit {
		return []paragraph{p}
	}
	var out []paragraph
	rest := p.plain
	for first := true; rest != ""; first = false {
		cut := textsplit.Cut(rest, limit, textsplit.UTF16)
		piece := paragraph{plain: strings.TrimRightFunc(rest[:cut], unicode.IsSpace)}
		if first {
			piece.bold = p.bold
		} else {
			limit = MaxMessageLen
		}
		out = append(out, piece)
		rest = strings.TrimLeftFunc(rest[cut:], unicode.IsSpace)
	}
	return out
}

func utf16Len(s string) int { return textsplit.Len(s, textsplit.UTF16) }

// contactKeyboard is a reply keyboard of one button that shares the
// person's phone number (request_contact), sized to fit and hidden once
// used.
func contactKeyboard(label string) tgbotapi.ReplyKeyboardMarkup {
	return tgbotapi.NewOneTimeReplyKeyboard(tgbotapi.NewKeyboardButtonRow(tgbotapi.NewKeyboardButtonContact(label)))
}

// topicsKeyboard has one button per item, under a heading per section.
func topicsKeyboard(sections []aftercare.Section) *tgbotapi.InlineKeyboardMarkup {
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, sec := range sections {
		rows = append(rows, tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData("— "+sec.Name+" —", cbNoop)))
		for i := 0; i < len(sec.Items); i += 2 {
			row := tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData(sec.Items[i].Title, cbItem+sec.Items[i].Choice))
			if i+1 < len(sec.Items) {
				row = append(row, tgbotapi.NewInlineKeyboardButtonData(sec.Items[i+1].Title, cbItem+sec.Items[i+1].Choice))
			}
			rows = append(rows, row)
		}
	}
	kb := tgbotapi.NewInlineKeyboardMarkup(rows...)
	return &kb
}

// optionsKeyboard offers the options of a "did you mean" reply and "none
// of these", or the two choices of a confirmation.
func optionsKeyboard(r aftercare.Outgoing) *tgbotapi.InlineKeyboardMarkup {
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, o := range r.Options {
		rows = append(rows, tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData(o.Title, cbChoose+o.Choice)))
	}
	if r.NoneOfThese != "" {
		rows = append(rows, tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData(r.NoneOfThese, cbChoose+r.NoneOfTheseChoice())))
	}
	kb := tgbotapi.NewInlineKeyboardMarkup(rows...)
	return &kb
}
