package slack

import (
	"strings"
	"testing"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/clinicbot/aftercare"
)

func TestInboxCommand(t *testing.T) {
	a, err := New(Config{BotToken: "xoxb-1", AppToken: "xapp-1", Handler: nopHandler{}})
	if err != nil {
		t.Fatal(err)
	}
	j, ok := a.commandJob(slackapi.SlashCommand{UserID: "U1", ChannelID: "C1", ResponseURL: "https://r", Text: " Inbox "}, time.Time{})
	if !ok || j.msg.Command != aftercare.CommandInbox || j.msg.Chat.ReplyURL != "https://r" {
		t.Errorf("commandJob(inbox) = %+v, %v, want CommandInbox answered privately", j.msg, ok)
	}
}

func TestRenderInbox(t *testing.T) {
	newest := time.Date(2026, 12, 2, 9, 30, 0, 0, time.UTC)
	m := renderInbox(aftercare.Outgoing{Kind: aftercare.KindInbox, Text: "Questions <patients> asked:", Note: "2 more groups",
		Inbox: []aftercare.InboxGroup{{Label: "gym", Count: 2, Newest: newest, Examples: []string{"gym & sauna?", "gym?"},
			Options: []aftercare.Option{{Choice: "inbox:planned:topic:gym", Title: "Planned"}, {Choice: "inbox:ignored:topic:gym", Title: "Ignore"}}}}})
	if len(m.blocks) != 4 {
		t.Fatalf("renderInbox: %d blocks, want text, group, buttons, note", len(m.blocks))
	}
	group := m.blocks[1].(*slackapi.SectionBlock).Text.Text
	want := "*gym* · 2 questions · newest <!date^" + "1796203800^{date_short_pretty} {time}|2 Dec 09:30 UTC>\n> gym &amp; sauna?\n> gym?"
	if group != want {
		t.Errorf("group section = %q, want %q", group, want)
	}
	buttons := m.blocks[2].(*slackapi.ActionBlock).Elements.ElementSet
	if b := buttons[0].(*slackapi.ButtonBlockElement); len(buttons) != 2 || !strings.HasPrefix(b.ActionID, choiceAction) || b.Value != "inbox:planned:topic:gym" {
		t.Errorf("buttons = %+v, want Planned and Ignore as choices", buttons)
	}
	if !strings.Contains(m.blocks[0].(*slackapi.SectionBlock).Text.Text, "&lt;patients&gt;") {
		t.Error("the text is not escaped")
	}
}
