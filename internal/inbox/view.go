package inbox

import (
	"context"
	"fmt"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/desk"
	"github.com/clinicbot/aftercare/internal/store"
)

// View answers staff's /aftercare inbox, and their presses on its buttons
// (once Effects has marked the group), with the new questions grouped; it
// passes every other message to the Replier it wraps. It is safe for
// concurrent use.
type View struct {
	db   *store.DB
	next desk.Replier
}

// NewView returns a View reading the inbox from db, for staff on Slack,
// and next for everything else.
func NewView(db *store.DB, next desk.Replier) *View {
	return &View{db: db, next: next}
}

// Shown is how many groups, and examples per group, the view shows.
const (
	ShownGroups   = 15
	ShownExamples = 3
)

// Mark labels: the buttons under each group.
var markLabels = []struct {
	status store.Status
	label  string
}{
	{store.StatusPlanned, "Planned"},
	{store.StatusAdded, "Added to content"},
	{store.StatusIgnored, "Ignore"},
}

// Answer answers in: see View.
func (v *View) Answer(ctx context.Context, in aftercare.Inbound) aftercare.Outgoing {
	status, _, marked := ParseMark(in.Choice)
	if in.Chat.Platform != aftercare.Slack || (in.Command != aftercare.CommandInbox && !marked) {
		return v.next.Answer(ctx, in)
	}
	now := in.Journey.Now // the desk's clock
	var qs []store.Question
	err := v.db.Tx(ctx, func(tx *store.Tx) (err error) {
		qs, err = tx.Questions(ctx, now.Add(-desk.InboxKept), store.StatusNew)
		return err
	})
	if err != nil {
		return aftercare.Outgoing{Kind: aftercare.KindNotice, Text: "I could not read the inbox just now. Please try again in a minute."}
	}
	out := aftercare.Outgoing{Kind: aftercare.KindInbox}
	for _, m := range markLabels {
		if marked && m.status == status {
			out.Text = fmt.Sprintf("Marked as %s: those questions have left the inbox.\n\n", labelOf(m.status))
		}
	}
	groups := Groups(qs)
	total := len(groups)
	switch {
	case len(groups) == 0:
		out.Text += "No unanswered questions from patients in the last 90 days."
		return out
	case len(groups) > ShownGroups:
		out.Note = fmt.Sprintf("%d more groups are not shown; mark some of these to see them.", len(groups)-ShownGroups)
		groups = groups[:ShownGroups]
	}
	out.Text += fmt.Sprintf("Questions patients asked that the aftercare sheet does not answer (%d in %d groups, newest first):", len(qs), total)
	for _, g := range groups {
		out.Inbox = append(out.Inbox, inboxGroup(g))
	}
	return out
}

func inboxGroup(g Group) aftercare.InboxGroup {
	ig := aftercare.InboxGroup{Label: g.Label, Count: len(g.Questions), Newest: g.Questions[0].Asked}
	for _, q := range g.Questions[:min(len(g.Questions), ShownExamples)] {
		ig.Examples = append(ig.Examples, q.Text)
	}
	for _, m := range markLabels {
		ig.Options = append(ig.Options, aftercare.Option{Choice: MarkChoice(m.status, g.Key), Title: m.label})
	}
	return ig
}

func labelOf(s store.Status) string {
	if s == store.StatusAdded {
		return "added to content"
	}
	return string(s)
}
