package slack

import (
	"testing"
	"time"
)

func TestMessageText(t *testing.T) {
	a, err := New(Config{BotToken: "xoxb-1", AppToken: "xapp-1", Handler: nopHandler{}})
	if err != nil {
		t.Fatal(err)
	}
	id := "UBOT"
	a.botUser.Store(&id)
	tests := []struct{ in, want string }{
		{"<@UBOT> can I swim?", "can I swim?"},
		{"  <@UBOT|aftercare>   can I swim?", "can I swim?"},
		{"can I swim, <@UBOT>?", "can I swim, ?"},
		{"ask <@UOTHER|sam> about <@UOTHER2>", "ask sam about"},
		{"<https://example.com/a?b=1&amp;c=2|the leaflet> &lt;3 &amp; thanks", "the leaflet <3 & thanks"},
		{"see <https://example.com>", "see https://example.com"},
		{"<!here> <#C1|general> hi", "general hi"},
		{"line one\nline two", "line one line two"},
		{"<@UBOT>", ""},
	}
	for _, tc := range tests {
		if got := a.message("U1", tc.in, time.Time{}).Text; got != tc.want {
			t.Errorf("message(%q).Text = %q, want %q", tc.in, got, tc.want)
		}
	}
}
