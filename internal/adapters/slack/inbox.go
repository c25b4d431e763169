package slack

import (
	"fmt"
	"strings"

	"github.com/clinicbot/aftercare"
)

// renderInbox shows staff the groups of unanswered questions: each with
// its label, count, when the newest was asked (in the reader's time zone)
// and a few examples quoted, then its buttons.
func renderInbox(r aftercare.Outgoing) message {
	var b blockList
	b.sections(escape(r.Text))
	plain := []string{r.Text}
	for _, g := range r.Inbox {
		var md strings.Builder
		noun := "questions"
		if g.Count == 1 {
			noun = "question"
		}
		fmt.Fprintf(&md, "*%s* · %d %s · newest <!date^%d^{date_short_pretty} {time}|%s>", escape(g.Label), g.Count, noun,
			g.Newest.Unix(), g.Newest.UTC().Format("2 Jan 15:04 UTC"))
		for _, ex := range g.Examples {
			md.WriteString("\n> " + escape(ex))
		}
		b.sections(md.String())
		b.buttons(g.Options, "", "")
		plain = append(plain, fmt.Sprintf("%s (%d)", g.Label, g.Count))
	}
	b.context(escape(r.Note))
	return message{text: fallback(strings.Join(plain, "\n")), blocks: b.done()}
}
