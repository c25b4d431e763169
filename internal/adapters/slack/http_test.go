package slack_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/adapters/slack"
	"github.com/clinicbot/aftercare/internal/adapters/slack/slacktest"
	"github.com/clinicbot/aftercare/internal/fixture"
)

const (
	jsonType = "application/json"
	formType = "application/x-www-form-urlencoded"
)

func eventBody(t *testing.T, eventID string, event map[string]any) string {
	t.Helper()
	b, err := json.Marshal(slacktest.EventCallback(eventID, event))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestHTTPRoutes(t *testing.T) {
	t.Parallel()
	httpMode := newHarness(t, false, newBot(nil), nil)
	var patterns []string
	for p := range httpMode.a.Routes() {
		patterns = append(patterns, p)
	}
	if len(patterns) != 3 {
		t.Errorf("Routes() = %q, want the events, commands and interactivity endpoints", patterns)
	}
	for _, want := range []string{"POST /slack/events", "POST /slack/commands", "POST /slack/interactivity"} {
		if _, ok := httpMode.a.Routes()[want]; !ok {
			t.Errorf("Routes() has no %q", want)
		}
	}
	if routes := newHarness(t, true, newBot(nil), nil).a.Routes(); routes != nil {
		t.Errorf("Routes() in Socket Mode = %v, want nil", routes)
	}
}

func TestHTTPSignedEventAnswered(t *testing.T) {
	t.Parallel()
	bot := newBot(nil)
	h := newHarness(t, false, bot, nil).start()
	body := eventBody(t, "Ev1", slacktest.Mention(staff, channel, "10.1", "", "<@UBOT> can patients take a bath?"))
	if code, _ := h.post("/slack/events", jsonType, body, true, time.Now(), nil); code != http.StatusOK {
		t.Fatalf("signed event = %d, want 200", code)
	}
	p := h.slack.WaitPosts(t, 1)[0]
	if p.Channel != channel || p.ThreadTS != "10.1" || p.Text != "reply to can patients take a bath?" {
		t.Errorf("posted %q to %s thread %q", p.Text, p.Channel, p.ThreadTS)
	}
	if msgs := bot.messages(); len(msgs) != 1 || msgs[0].From.UserID != staff || msgs[0].From.Platform != "slack" {
		t.Errorf("Answerer got %+v", msgs)
	}
}

func TestHTTPURLVerification(t *testing.T) {
	t.Parallel()
	h := newHarness(t, false, newBot(nil), nil).start()
	body := `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`
	code, got := h.post("/slack/events", jsonType, body, true, time.Now(), nil)
	if code != http.StatusOK || got != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Errorf("url_verification = %d %q, want 200 and the challenge", code, got)
	}
}

func TestHTTPRefusesUnverifiedRequests(t *testing.T) {
	t.Parallel()
	now := time.Now()
	tests := []struct {
		name   string
		sign   bool
		ts     time.Time
		header map[string]string
		edit   func(*slack.Config)
		alter  bool // change the body after signing it
	}{
		{name: "unsigned"},
		{name: "wrong signature", sign: true, ts: now, header: map[string]string{"X-Slack-Signature": "v0=" + strings.Repeat("ab", 32)}},
		{name: "malformed signature", sign: true, ts: now, header: map[string]string{"X-Slack-Signature": "v1=zz"}},
		{name: "signed with another secret", sign: true, ts: now, edit: func(c *slack.Config) { c.SigningSecret = "another-secret-123" }},
		{name: "stale timestamp", sign: true, ts: now.Add(-6 * time.Minute)},
		{name: "timestamp in the future", sign: true, ts: now.Add(6 * time.Minute)},
		{name: "stale by the configured clock", sign: true, ts: now, edit: func(c *slack.Config) {
			c.Now = func() time.Time { return time.Now().Add(10 * time.Minute) }
		}},
		{name: "body altered after signing", sign: true, ts: now, alter: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			bot := newBot(nil)
			h := newHarness(t, false, bot, tc.edit).start()
			paths := map[string]string{
				"/slack/events":   eventBody(t, "Ev1", slacktest.Mention(staff, channel, "1.1", "", "<@UBOT> bath?")),
				"/slack/commands": slacktest.Form(slacktest.Command(staff, channel, "bath?", h.slack.ResponseURL("r"), "trig")),
			}
			for path, body := range paths {
				signed := body
				if tc.alter {
					body = strings.Replace(body, "bath", "BATH", 1)
				}
				ct := jsonType
				if path == "/slack/commands" {
					ct = formType
				}
				req, _ := http.NewRequest("POST", h.web.URL+path, strings.NewReader(body))
				req.Header.Set("Content-Type", ct)
				if tc.sign {
					slacktest.Sign(req.Header, signingSecret, tc.ts, []byte(signed))
				}
				for k, v := range tc.header {
					req.Header.Set(k, v)
				}
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusUnauthorized {
					t.Errorf("%s: %d, want 401", path, resp.StatusCode)
				}
			}
			if err := h.stop(); err != nil {
				t.Fatalf("Run = %v", err)
			}
			if n := len(h.slack.Posts()); n != 0 || len(bot.messages()) != 0 {
				t.Errorf("%d posts and %d messages answered, want none", n, len(bot.messages()))
			}
		})
	}
}

// A flood of forged requests logs a few lines, not one per request; a
// timestamp in the future is called that, not "too old".
func TestHTTPRefusalsAreLoggedSparingly(t *testing.T) {
	t.Parallel()
	h := newHarness(t, false, newBot(nil), nil).start()
	body := eventBody(t, "Ev1", slacktest.Mention(staff, channel, "1.1", "", "<@UBOT> bath?"))
	post := func(ts time.Time) {
		req, _ := http.NewRequest("POST", h.web.URL+"/slack/events", strings.NewReader(body))
		req.Header.Set("Content-Type", jsonType)
		slacktest.Sign(req.Header, signingSecret, ts, []byte(body))
		req.Header.Set("X-Slack-Signature", "v0="+strings.Repeat("ab", 32))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	for range 50 {
		post(time.Now())
	}
	if n := strings.Count(h.logs.String(), "slack request refused: bad signature"); n != 5 {
		t.Errorf("%d warnings for 50 forged requests; want 5", n)
	}
	future := newHarness(t, false, newBot(nil), nil).start()
	req, _ := http.NewRequest("POST", future.web.URL+"/slack/events", strings.NewReader(body))
	req.Header.Set("Content-Type", jsonType)
	slacktest.Sign(req.Header, signingSecret, time.Now().Add(time.Hour), []byte(body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if logs := future.logs.String(); !strings.Contains(logs, "in the future") || strings.Contains(logs, "too old") {
		t.Errorf("logs = %s", logs)
	}
}

func TestHTTPSlashCommand(t *testing.T) {
	t.Parallel()
	bot := newBot(nil)
	h := newHarness(t, false, bot, nil).start()
	form := slacktest.Form(slacktest.Command(staff, channel, "show brui", h.slack.ResponseURL("resp-1"), "trig-1"))
	code, body := h.post("/slack/commands", formType, form, true, time.Now(), nil)
	if code != http.StatusOK || body != "" {
		t.Fatalf("command = %d %q, want 200 and an empty body (the answer goes to the response URL)", code, body)
	}
	p := h.slack.WaitPosts(t, 1)[0]
	if p.Method != slacktest.ResponseURL || p.ResponseID != "resp-1" || p.ResponseType != "ephemeral" || p.Text != "reply to command:show brui" {
		t.Errorf("posted %+v, want the answer to show brui, ephemeral through resp-1", p)
	}
}

// TestHTTPSlashCommandWhy: "/aftercare why <question>" answers privately
// with the matcher's trace in a code block; "why" alone is help.
func TestHTTPSlashCommandWhy(t *testing.T) {
	t.Parallel()
	trace := "message: \"bath & shower?\"\nresult: answer home.bath 0.753\nwhy: answered home.bath\n"
	bot := newBot(map[string]aftercare.Outgoing{
		"command:why bath & shower?": {Kind: aftercare.KindExplain, Text: trace},
	})
	h := newHarness(t, false, bot, nil).start()
	for i, text := range []string{"why bath &amp; shower?", "WHY"} {
		form := slacktest.Form(slacktest.Command(staff, channel, text, h.slack.ResponseURL(fmt.Sprint("resp-", i)), fmt.Sprint("trig-", i)))
		if code, _ := h.post("/slack/commands", formType, form, true, time.Now(), nil); code != http.StatusOK {
			t.Fatalf("command %q = %d, want 200", text, code)
		}
		h.slack.WaitPosts(t, i+1)
		fixture.WaitFor(t, "the delivery handled", func() bool { return slack.Idle(h.a) })
	}
	posts := h.slack.Posts()
	byID := map[string]slacktest.Post{}
	for _, p := range posts {
		byID[p.ResponseID] = p
	}
	p := byID["resp-0"]
	want := "```\nmessage: \"bath &amp; shower?\"\nresult: answer home.bath 0.753\nwhy: answered home.bath\n```"
	if p.ResponseType != "ephemeral" || len(p.Blocks) != 1 || p.Blocks[0].Type != "section" || p.Blocks[0].Text.Text != want {
		t.Errorf("why posted %+v, want one ephemeral section %q", p, want)
	}
	if help := byID["resp-1"]; help.Text != "reply to command:help" {
		t.Errorf("\"why\" alone posted %q, want the help", help.Text)
	}
}

func TestHTTPButtonPress(t *testing.T) {
	t.Parallel()
	h := newHarness(t, false, newBot(nil), nil).start()
	press, _ := json.Marshal(slacktest.ButtonPress(staff, channel, "20.0", "aftercare_choice_1", "home.shower", h.slack.ResponseURL("r"), "trig-9", false))
	form := slacktest.Form(map[string]string{"payload": string(press)})
	if code, _ := h.post("/slack/interactivity", formType, form, true, time.Now(), nil); code != http.StatusOK {
		t.Fatalf("interaction = %d, want 200", code)
	}
	p := h.slack.WaitPosts(t, 1)[0]
	if p.Channel != channel || p.ThreadTS != "20.0" || p.Text != "reply to choice:home.shower" {
		t.Errorf("posted %q to %s thread %q", p.Text, p.Channel, p.ThreadTS)
	}
}

// A retried delivery reaches the Handler with the same delivery ID, for the
// desk to recognise.
func TestHTTPRetriedDeliveryKeepsItsID(t *testing.T) {
	t.Parallel()
	bot := newBot(nil)
	h := newHarness(t, false, bot, nil).start()
	body := eventBody(t, "EvRetried", slacktest.DM(staff, dmChannel, "30.1", "", "bath?"))
	for i, header := range []map[string]string{nil, {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}} {
		if code, _ := h.post("/slack/events", jsonType, body, true, time.Now(), header); code != http.StatusOK {
			t.Fatalf("delivery %d = %d, want 200", i+1, code)
		}
		h.slack.WaitPosts(t, i+1)
		fixture.WaitFor(t, "the delivery handled", func() bool { return slack.Idle(h.a) })
	}
	if err := h.stop(); err != nil {
		t.Fatalf("Run = %v", err)
	}
	if msgs := bot.messages(); len(msgs) != 2 || msgs[0].DeliveryID != "event:EvRetried" || msgs[1].DeliveryID != msgs[0].DeliveryID {
		t.Errorf("messages %+v; want both deliveries with ID event:EvRetried", msgs)
	}
}

func TestHTTPOversizedBodyRefused(t *testing.T) {
	t.Parallel()
	bot := newBot(nil)
	h := newHarness(t, false, bot, nil).start()
	big := slacktest.DM(staff, dmChannel, "40.1", "", strings.Repeat("bath ", slack.MaxBodyBytes/5+10))
	code, _ := h.post("/slack/events", jsonType, eventBody(t, "EvBig", big), true, time.Now(), nil)
	if code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body = %d, want 413", code)
	}
	if err := h.stop(); err != nil {
		t.Fatalf("Run = %v", err)
	}
	if len(h.slack.Posts()) != 0 || len(bot.messages()) != 0 {
		t.Error("an oversized request was answered")
	}
}

func TestHTTPMalformedAndIgnored(t *testing.T) {
	t.Parallel()
	bot := newBot(nil)
	h := newHarness(t, false, bot, nil).start()
	tests := []struct {
		path, contentType, body string
		want                    int
	}{
		{"/slack/events", jsonType, `{"type":`, http.StatusBadRequest},
		{"/slack/events", jsonType, eventBody(t, "EvU", map[string]any{"type": "made_up_event"}), http.StatusOK},
		{"/slack/events", jsonType, eventBody(t, "EvB", slacktest.DM("UBOT", dmChannel, "1.1", "", "me")), http.StatusOK},
		{"/slack/events", jsonType, `{"type":"app_rate_limited","minute_rate_limited":1518467820}`, http.StatusOK},
		{"/slack/interactivity", formType, "payload=%7Bnot+json", http.StatusBadRequest},
		{"/slack/interactivity", formType, slacktest.Form(map[string]string{"payload": `{"type":"view_closed","user":{"id":"U1"}}`}), http.StatusOK},
	}
	for _, tc := range tests {
		if code, _ := h.post(tc.path, tc.contentType, tc.body, true, time.Now(), nil); code != tc.want {
			t.Errorf("POST %s %.40q = %d, want %d", tc.path, tc.body, code, tc.want)
		}
	}
	if err := h.stop(); err != nil {
		t.Fatalf("Run = %v", err)
	}
	if len(h.slack.Posts()) != 0 || len(bot.messages()) != 0 {
		t.Errorf("answered %+v", bot.messages())
	}
}

func TestHTTPAfterStopRefusesWork(t *testing.T) {
	t.Parallel()
	h := newHarness(t, false, newBot(nil), nil).start()
	if err := h.stop(); err != nil {
		t.Fatalf("Run = %v", err)
	}
	body := eventBody(t, "EvLate", slacktest.DM(staff, dmChannel, "50.1", "", "bath?"))
	if code, _ := h.post("/slack/events", jsonType, body, true, time.Now(), nil); code != http.StatusServiceUnavailable {
		t.Errorf("event after Run returned = %d, want 503 (Slack delivers it again later)", code)
	}
}
