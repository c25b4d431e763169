package slack_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/adapters/slack/slacktest"
)

// longAnswer is over 4,000 characters: short paragraphs, then one long
// paragraph without line breaks.
func longAnswer() string {
	var b strings.Builder
	for i := range 12 {
		fmt.Fprintf(&b, "Paragraph %d: keep the treated skin clean, avoid make-up and direct sun for a day.\n\n", i)
	}
	for i := range 400 {
		fmt.Fprintf(&b, "word%d ", i)
	}
	return strings.TrimSpace(b.String())
}

func TestRendering(t *testing.T) {
	t.Parallel()
	long := longAnswer()
	manyAnswers := make([]aftercare.Answer, 60)
	for i := range manyAnswers {
		manyAnswers[i] = aftercare.Answer{ItemID: fmt.Sprint(i), Title: fmt.Sprint("Item ", i), Text: "Text."}
	}
	tests := []struct {
		name  string
		reply aftercare.Outgoing
		check func(t *testing.T, p slacktest.Post)
	}{
		{"urgent text first and marked", aftercare.Outgoing{Kind: aftercare.KindUrgent, Intent: "home.adverse_reaction",
			Urgent: "Call 999 now if your throat feels tight.", Score: 1, RedFlags: []string{"throat tight"}},
			func(t *testing.T, p slacktest.Post) {
				if p.Blocks[0].Type != "header" || !strings.Contains(p.Blocks[0].Text.Text, ":rotating_light:") {
					t.Errorf("first block %+v, want a :rotating_light: header", p.Blocks[0])
				}
				if p.Blocks[1].Type != "section" || p.Blocks[1].Text.Text != "Call 999 now if your throat feels tight." {
					t.Errorf("second block %+v, want the urgent text", p.Blocks[1])
				}
				if !strings.HasPrefix(p.Text, ":rotating_light: Call 999 now") {
					t.Errorf("fallback %q, want the marked urgent text first", p.Text)
				}
				if ctx := strings.Join(p.Texts("context"), " "); !strings.Contains(ctx, "red flags: throat tight") {
					t.Errorf("context %q, want the red flags", ctx)
				}
			}},
		{"staff context: title, confidence, runners-up", aftercare.Outgoing{Kind: aftercare.KindAnswer, Intent: "home.shower", Score: 0.82,
			Answers:   []aftercare.Answer{{ItemID: "home.shower", Title: "Showering", Text: "Lukewarm water only."}},
			RunnersUp: []aftercare.Scored{{ItemID: "home.bath", Title: "Baths", Score: 0.41}, {ItemID: "home.swim", Title: "Swimming & pools", Score: 0.3}}},
			func(t *testing.T, p slacktest.Post) {
				if got := p.Texts("section"); len(got) != 1 || got[0] != "*Showering*\nLukewarm water only." {
					t.Errorf("sections %q, want the answer under its title", got)
				}
				want := "Matched *Showering* · confidence 82% · runners-up: Baths (41%), Swimming &amp; pools (30%)"
				if got := p.Texts("context"); len(got) != 1 || got[0] != want {
					t.Errorf("context %q, want %q", got, want)
				}
			}},
		{"no context for a chosen item", aftercare.Outgoing{Kind: aftercare.KindAnswer, Intent: "home.bath",
			Answers: []aftercare.Answer{{ItemID: "home.bath", Title: "Baths", Text: "Not for 48 hours."}}},
			func(t *testing.T, p slacktest.Post) {
				if got := p.Texts("context"); len(got) != 0 {
					t.Errorf("context %q, want none without a score", got)
				}
			}},
		{"long answer split between paragraphs and words", aftercare.Outgoing{Kind: aftercare.KindAnswer, Intent: "x",
			Answers: []aftercare.Answer{{ItemID: "x", Title: "Long", Text: long}}},
			func(t *testing.T, p slacktest.Post) {
				sections := p.Texts("section")
				if len(sections) < 2 {
					t.Fatalf("%d sections, want the answer split", len(sections))
				}
				for i, s := range sections {
					if n := utf8.RuneCountInString(s); n > 3000 {
						t.Errorf("section %d has %d characters, want at most 3000", i, n)
					}
				}
				if got, want := strings.Fields(strings.Join(sections, " ")), strings.Fields("*Long*\n"+long); strings.Join(got, " ") != strings.Join(want, " ") {
					t.Errorf("sections do not add up to the answer word for word")
				}
				if !strings.HasSuffix(sections[0], "for a day.") {
					t.Errorf("first section ends %q, want a paragraph end", sections[0][len(sections[0])-20:])
				}
			}},
		{"dynamic text escaped", aftercare.Outgoing{Kind: aftercare.KindSmalltalk, Text: "Use <b> & don't > <@U1> <!channel>",
			Note: "A & B"},
			func(t *testing.T, p slacktest.Post) {
				if got := p.Texts("section"); len(got) != 1 || got[0] != "Use &lt;b&gt; &amp; don't &gt; &lt;@U1&gt; &lt;!channel&gt;" {
					t.Errorf("section %q, want &, < and > escaped", got)
				}
				if got := p.Texts("context"); len(got) != 1 || got[0] != "A &amp; B" {
					t.Errorf("note %q, want it escaped", got)
				}
				if strings.ContainsAny(p.Text, "<>") {
					t.Errorf("fallback %q has < or >", p.Text)
				}
			}},
		{"clarify offers buttons", clarify,
			func(t *testing.T, p slacktest.Post) {
				var values []string
				for _, b := range p.Buttons() {
					values = append(values, b.Value)
				}
				if strings.Join(values, ",") != "home.bath,home.shower,none" {
					t.Errorf("button values %q", values)
				}
				if !strings.Contains(p.Text, "1. Bathing") {
					t.Errorf("fallback %q, want the options numbered", p.Text)
				}
			}},
		{"at most 50 blocks", aftercare.Outgoing{Kind: aftercare.KindAnswer, Answers: manyAnswers},
			func(t *testing.T, p slacktest.Post) {
				if len(p.Blocks) != 50 || p.Blocks[49].Type != "context" {
					t.Errorf("%d blocks, last %q; want 50 ending with a note", len(p.Blocks), p.Blocks[len(p.Blocks)-1].Type)
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, true, newBot(map[string]aftercare.Outgoing{"q": tc.reply}), nil).start()
			h.slack.Send(t, slacktest.EventsAPI("env-1", "Ev1", slacktest.DM(staff, dmChannel, "1.1", "", "q")))
			p := h.slack.WaitPosts(t, 1)[0]
			if p.Text == "" {
				t.Error("no plain-text fallback")
			}
			for _, text := range append(p.Texts("section"), p.Texts("context")...) {
				if n := utf8.RuneCountInString(text); n > 3000 || n == 0 {
					t.Errorf("a block text has %d characters", n)
				}
			}
			tc.check(t, p)
		})
	}
}
