package slack_test

import (
	"encoding/json"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/clinicbot/aftercare/content"
	"github.com/clinicbot/aftercare/internal/adapters/slack"
	"github.com/clinicbot/aftercare/internal/adapters/slack/slacktest"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/intents"
	"github.com/clinicbot/aftercare/internal/observe"
	"github.com/clinicbot/aftercare/internal/reply"
)

var _ answerer = (*observe.Handler)(nil)

// realBot is the production chain: the conversation service with the
// built-in content, behind the observing handler logging to log.
func realBot(t *testing.T, c *slack.Config) {
	t.Helper()
	cat, err := catalog.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	m, err := intents.New(cat)
	if err != nil {
		t.Fatal(err)
	}
	svc := reply.New(cat, m, catalog.Clinic{Name: "Glow Skin", Phone: "01234 567890"})
	c.Handler.(*replying).bot = observe.New(svc, observe.Options{Logger: c.Logger, Recorder: nopObserver{}, HashKey: []byte("k")})
}

type nopObserver struct{}

func (nopObserver) Received(string)                                 {}
func (nopObserver) Replied(string, string, []string, time.Duration) {}
func (nopObserver) Panicked(string)                                 {}

// closedURL is a response URL nothing listens on, with a secret path.
func closedURL(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr + "/commands/T1/secret-response-path"
}

// questions staff ask in the session; none may appear in the logs.
var questions = []string{"can patients take a bath?", "my lips are swelling and I can't breathe", "show brui"}

// TestRealSession drives a whole session through the real conversation
// service in each mode, then checks the answers and that the logs hold no
// token, secret, message text, user ID or response URL.
func TestRealSession(t *testing.T) {
	t.Parallel()
	for _, socket := range []bool{true, false} {
		name := map[bool]string{true: "Socket Mode", false: "HTTP"}[socket]
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, socket, nil, func(c *slack.Config) { realBot(t, c) }).start()
			deliver := newDeliverer(t, h, socket)
			deliver.event("Ev1", slacktest.Mention(staff, channel, "1.1", "", "<@UBOT> "+questions[0]))
			bath := h.slack.WaitPosts(t, 1)[0]
			if !strings.Contains(bath.AllText(), "blocked drains") || bath.ThreadTS != "1.1" {
				t.Errorf("bath answer %q in thread %q", bath.AllText(), bath.ThreadTS)
			}
			if ctx := strings.Join(bath.Texts("context"), " "); !strings.Contains(ctx, "Matched *Baths*") || !strings.Contains(ctx, "confidence") {
				t.Errorf("bath context %q, want the matched title and confidence", ctx)
			}
			deliver.event("Ev2", slacktest.DM(staff, dmChannel, "2.1", "", questions[1]))
			urgent := h.slack.WaitPosts(t, 2)[1]
			if urgent.Blocks[0].Type != "header" || !strings.Contains(urgent.AllText(), "medical attention") {
				t.Errorf("urgent reply %q, want the marked urgent text first", urgent.AllText())
			}
			deliver.command("trig-1", "show brui", h.slack.ResponseURL("resp"))
			deliver.command("trig-2", "topics", h.slack.ResponseURL("resp"))
			posts := h.slack.WaitPosts(t, 4)
			if !strings.Contains(posts[2].AllText(), "Bruising") && !strings.Contains(posts[2].AllText(), "bruis") {
				t.Errorf("show brui answered %q", posts[2].AllText())
			}
			if !strings.Contains(posts[3].AllText(), "*At home*") || !strings.Contains(posts[3].AllText(), "`home.bath`") {
				t.Errorf("topics %q", posts[3].AllText())
			}
			h.slack.Fail(slacktest.PostMessage, slacktest.Failure{Status: 500})
			deliver.event("Ev3", slacktest.DM(staff, dmChannel, "3.1", "", questions[0]))
			deliver.command("trig-3", questions[0], closedURL(t))
			h.rec.waitError(t, "server_error")
			h.rec.waitError(t, "network")
			if err := h.stop(); err != nil {
				t.Fatalf("Run = %v", err)
			}
			checkLogs(t, h)
		})
	}
}

func checkLogs(t *testing.T, h *harness) {
	t.Helper()
	logs := h.logs.String()
	for _, want := range []string{"message handled", "slack message not delivered", "reason=server_error", "reason=network"} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q:\n%s", want, logs)
		}
	}
	secrets := append([]string{h.slack.BotToken(), h.slack.AppToken(), signingSecret, staff,
		"secret-response-path", "secret-ticket", "bath?", "swelling and"}, questions...)
	for _, s := range secrets {
		if strings.Contains(logs, s) {
			t.Errorf("logs contain %q:\n%s", s, logs)
		}
	}
}

// deliverer sends events and commands over the harness's transport.
type deliverer struct {
	t      *testing.T
	h      *harness
	socket bool
	n      int
}

func newDeliverer(t *testing.T, h *harness, socket bool) *deliverer {
	return &deliverer{t: t, h: h, socket: socket}
}

func (d *deliverer) envelopeID() string {
	d.n++
	return "env-" + string(rune('a'+d.n))
}

func (d *deliverer) event(eventID string, ev map[string]any) {
	d.t.Helper()
	if d.socket {
		d.h.slack.Send(d.t, slacktest.EventsAPI(d.envelopeID(), eventID, ev))
		return
	}
	body, _ := json.Marshal(slacktest.EventCallback(eventID, ev))
	if code, _ := d.h.post("/slack/events", jsonType, string(body), true, time.Now(), nil); code != 200 {
		d.t.Fatalf("event = %d", code)
	}
}

func (d *deliverer) command(triggerID, text, responseURL string) {
	d.t.Helper()
	cmd := slacktest.Command(staff, channel, text, responseURL, triggerID)
	if d.socket {
		d.h.slack.Send(d.t, slacktest.SlashCommand(d.envelopeID(), cmd))
		return
	}
	if code, _ := d.h.post("/slack/commands", formType, slacktest.Form(cmd), true, time.Now(), nil); code != 200 {
		d.t.Fatalf("command = %d", code)
	}
}
