package slack_test

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/adapters/slack"
	"github.com/clinicbot/aftercare/internal/adapters/slack/slacktest"
	"github.com/clinicbot/aftercare/internal/fixture"
)

func TestSocketModeAnswersInThread(t *testing.T) {
	t.Parallel()
	fileShare := slacktest.DM(staff, dmChannel, "300.1", "", "")
	fileShare["subtype"] = "file_share"
	fileWithText := slacktest.DM(staff, dmChannel, "300.2", "", "is this rash normal?")
	fileWithText["subtype"] = "file_share"
	tests := []struct {
		name      string
		event     map[string]any
		wantText  string // the text the Answerer gets
		nonText   bool
		wantChan  string
		wantTS    string
		wantReply string
	}{
		{"mention in a channel", slacktest.Mention(staff, channel, "100.1", "", "<@UBOT> can patients take a bath?"),
			"can patients take a bath?", false, channel, "100.1", "reply to can patients take a bath?"},
		{"mention in a thread", slacktest.Mention(staff, channel, "100.2", "99.0", "<@UBOT> and a shower?"),
			"and a shower?", false, channel, "99.0", "reply to and a shower?"},
		{"mention with markup", slacktest.Mention(staff, channel, "100.3", "", "<@UBOT|aftercare> sun &amp; <https://x.example/spf|SPF> <#C1|general>"),
			"sun & SPF general", false, channel, "100.3", "reply to sun &amp; SPF general"},
		{"direct message", slacktest.DM(staff, dmChannel, "200.1", "", "how long until makeup?"),
			"how long until makeup?", false, dmChannel, "", "reply to how long until makeup?"},
		{"direct message in a thread", slacktest.DM(staff, dmChannel, "200.2", "150.0", "<@UBOT> serum?"),
			"serum?", false, dmChannel, "150.0", "reply to serum?"},
		{"shared file without text", fileShare, "", true, dmChannel, "", "reply to nontext"},
		{"shared file with text", fileWithText, "is this rash normal?", true, dmChannel, "", "reply to is this rash normal?"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			bot := newBot(nil)
			h := newHarness(t, true, bot, nil).start()
			h.slack.Send(t, slacktest.EventsAPI("env-1", "Ev1", tc.event))
			p := h.slack.WaitPosts(t, 1)[0]
			if p.Method != slacktest.PostMessage || p.Channel != tc.wantChan || p.ThreadTS != tc.wantTS {
				t.Errorf("posted %s to %s thread %q, want chat.postMessage to %s thread %q", p.Method, p.Channel, p.ThreadTS, tc.wantChan, tc.wantTS)
			}
			if got := p.Texts("section"); len(got) != 1 || got[0] != tc.wantReply || p.Text != tc.wantReply {
				t.Errorf("posted sections %q, fallback %q; want %q", got, p.Text, tc.wantReply)
			}
			msgs := bot.messages()
			want := aftercare.Inbound{DeliveryID: "event:Ev1", From: aftercare.Actor{Platform: "slack", UserID: staff},
				Chat: aftercare.Address{Platform: "slack", Chat: tc.wantChan, Thread: tc.wantTS}, Text: tc.wantText, NonText: tc.nonText}
			if len(msgs) == 1 && !msgs[0].Received.IsZero() {
				msgs[0].Received = time.Time{}
			}
			if len(msgs) != 1 || msgs[0] != want {
				t.Errorf("Answerer got %+v, want [%+v]", msgs, want)
			}
			h.slack.WaitAck(t, "env-1")
		})
	}
}

func TestSocketModeIgnoresBotsEditsAndOtherMessages(t *testing.T) {
	t.Parallel()
	bot := newBot(nil)
	h := newHarness(t, true, bot, nil).start()
	withField := func(ev map[string]any, k string, v any) map[string]any {
		ev[k] = v
		return ev
	}
	ignored := []struct {
		name  string
		event map[string]any
	}{
		{"own message", slacktest.DM("UBOT", dmChannel, "1.1", "", "I am the bot")},
		{"other bot", withField(slacktest.DM("UOTHER", dmChannel, "1.2", "", "beep"), "bot_id", "B2")},
		{"bot mention", withField(slacktest.Mention("UOTHER", channel, "1.3", "", "<@UBOT> hi"), "bot_id", "B2")},
		{"own mention", slacktest.Mention("UBOT", channel, "1.4", "", "<@UBOT> hi")},
		{"message_changed", withField(slacktest.DM(staff, dmChannel, "1.5", "", "edited"), "subtype", "message_changed")},
		{"message_deleted", withField(slacktest.DM("", dmChannel, "1.6", "", ""), "subtype", "message_deleted")},
		{"channel_join", withField(slacktest.DM(staff, dmChannel, "1.7", "", "joined"), "subtype", "channel_join")},
		{"thread_broadcast", withField(slacktest.DM(staff, dmChannel, "1.8", "1.0", "also"), "subtype", "thread_broadcast")},
		{"hidden", withField(slacktest.DM(staff, dmChannel, "1.9", "", "hidden"), "hidden", true)},
		{"not a DM", withField(slacktest.DM(staff, channel, "1.10", "", "chat"), "channel_type", "channel")},
		{"edited mention", withField(slacktest.Mention(staff, channel, "1.11", "", "<@UBOT> hi"), "edited", map[string]any{"user": staff, "ts": "1.12"})},
		{"no user", slacktest.DM("", dmChannel, "1.13", "", "who?")},
	}
	var envelopes []string
	for i, ev := range ignored {
		id := fmt.Sprintf("env-%d-%s", i, ev.name)
		envelopes = append(envelopes, id)
		h.slack.Send(t, slacktest.EventsAPI(id, fmt.Sprintf("Ev%d", i), ev.event))
	}
	h.slack.Send(t, slacktest.EventsAPI("env-last", "EvLast", slacktest.DM(staff, dmChannel, "2.0", "", "real question")))
	envelopes = append(envelopes, "env-last")
	h.slack.WaitPosts(t, 1)
	for _, id := range envelopes {
		h.slack.WaitAck(t, id)
	}
	if err := h.stop(); err != nil {
		t.Fatalf("Run = %v", err)
	}
	if posts := h.slack.Posts(); len(posts) != 1 || posts[0].Text != "reply to real question" {
		t.Errorf("posts = %+v, want only the reply to the real question", posts)
	}
	if msgs := bot.messages(); len(msgs) != 1 {
		t.Errorf("Answerer got %d messages (%+v), want 1", len(msgs), msgs)
	}
}

// A repeated event reaches the Handler with the same delivery ID, for the
// desk to recognise (cmd/bot's end-to-end tests check it is answered once,
// across restarts too); one repeated while the first is still being
// handled in this process is dropped at once.
func TestSocketModeDuplicateEvents(t *testing.T) {
	t.Parallel()
	bot := newBot(nil)
	bot.gate = make(chan struct{})
	h := newHarness(t, true, bot, nil).start()
	ev := slacktest.Mention(staff, channel, "5.1", "", "<@UBOT> bath?")
	h.slack.Send(t, slacktest.EventsAPI("env-1", "EvSame", ev))
	<-bot.entered // the first is being handled
	retry := slacktest.EventsAPI("env-2", "EvSame", ev)
	retry.RetryAttempt, retry.RetryReason = 1, "timeout"
	h.slack.Send(t, retry)
	h.slack.WaitAck(t, "env-2")
	// The ack goes before the queue: wait until the repeat reached it.
	fixture.WaitFor(t, "the repeat dropped", func() bool { return strings.Contains(h.logs.String(), "already in hand") })
	close(bot.gate)
	h.slack.WaitPosts(t, 1)
	fixture.WaitFor(t, "the first handled", func() bool { return slack.Idle(h.a) })
	retry.EnvelopeID = "env-3" // again, after the first was handled
	h.slack.Send(t, retry)
	h.slack.WaitPosts(t, 2)
	if err := h.stop(); err != nil {
		t.Fatalf("Run = %v", err)
	}
	var ids []string
	for _, m := range bot.messages() {
		ids = append(ids, m.DeliveryID)
	}
	if !slices.Equal(ids, []string{"event:EvSame", "event:EvSame"}) {
		t.Errorf("delivery IDs handled %q; want EvSame twice: not while the first was in hand, and once after", ids)
	}
}

func TestSocketModeSlashCommands(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text     string
		wantKey  string   // what the Answerer gets; "" for none
		contains []string // in the posted blocks
	}{
		{"", "command:help", []string{"reply to command:help"}},
		{"help", "command:help", []string{"reply to command:help"}},
		{"  HELP ", "command:help", []string{"reply to command:help"}},
		{"topics", "command:topics", []string{"*At home*", "• Bathing  `home.bath`", "Serum &amp; SPF", "/aftercare show"}},
		{"show brui", "command:show brui", []string{"reply to command:show brui"}},
		{"show", "command:help", []string{"reply to command:help"}},
		{"can patients swim?", "can patients swim?", []string{"reply to can patients swim?"}},
	}
	for i, tc := range tests {
		t.Run(fmt.Sprintf("%q", tc.text), func(t *testing.T) {
			t.Parallel()
			bot := newBot(nil)
			h := newHarness(t, true, bot, nil).start()
			cmd := slacktest.Command(staff, channel, tc.text, h.slack.ResponseURL("r1"), fmt.Sprintf("trig-%d", i))
			h.slack.Send(t, slacktest.SlashCommand("env-cmd", cmd))
			p := h.slack.WaitPosts(t, 1)[0]
			if p.Method != slacktest.ResponseURL || p.ResponseID != "r1" || p.ResponseType != "ephemeral" {
				t.Errorf("posted %s (%s, %q), want an ephemeral response through r1", p.Method, p.ResponseID, p.ResponseType)
			}
			for _, want := range tc.contains {
				if !strings.Contains(p.AllText(), want) {
					t.Errorf("/aftercare %s posted %q, want it to contain %q", tc.text, p.AllText(), want)
				}
			}
			var keys []string
			for _, m := range bot.messages() {
				keys = append(keys, key(m))
			}
			if want := []string{tc.wantKey}; !slices.Equal(keys, want) {
				t.Errorf("/aftercare %q asked the Answerer %q, want %q", tc.text, keys, tc.wantKey)
			}
			h.slack.WaitAck(t, "env-cmd")
		})
	}
}

// clarify is a "did you mean…?" reply.
var clarify = aftercare.Outgoing{Kind: aftercare.KindClarify, Intent: "home.bath", Text: "Did you mean one of these?",
	Options:     []aftercare.Option{{Choice: "home.bath", Title: "Bathing"}, {Choice: "home.shower", Title: "Showering"}},
	NoneOfThese: "None of these", Score: 0.41,
	RunnersUp: []aftercare.Scored{{ItemID: "home.shower", Title: "Showering", Score: 0.39}}}

func TestSocketModeButtonPress(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		press      int // index of the button pressed
		ephemeral  bool
		wantKey    string
		wantMethod string
	}{
		{"option in a thread", 1, false, "choice:home.shower", slacktest.PostMessage},
		{"none of these", 2, false, "choice:none", slacktest.PostMessage},
		{"option on a private reply", 0, true, "choice:home.bath", slacktest.ResponseURL},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			bot := newBot(map[string]aftercare.Outgoing{"washing?": clarify})
			h := newHarness(t, true, bot, nil).start()
			h.slack.Send(t, slacktest.EventsAPI("env-1", "Ev1", slacktest.Mention(staff, channel, "7.1", "", "<@UBOT> washing?")))
			asked := h.slack.WaitPosts(t, 1)[0]
			buttons := asked.Buttons()
			labels := []string{}
			for _, b := range buttons {
				labels = append(labels, b.Label())
			}
			if !slices.Equal(labels, []string{"Bathing", "Showering", "None of these"}) {
				t.Fatalf("buttons %q, want Bathing, Showering, None of these", labels)
			}
			b := buttons[tc.press]
			press := slacktest.ButtonPress(staff, channel, asked.ThreadTS, b.ActionID, b.Value, h.slack.ResponseURL("r2"), "trig-1", tc.ephemeral)
			h.slack.Send(t, slacktest.Interactive("env-2", press))
			p := h.slack.WaitPosts(t, 2)[1]
			if p.Method != tc.wantMethod || (tc.wantMethod == slacktest.PostMessage && (p.Channel != channel || p.ThreadTS != "7.1")) {
				t.Errorf("answer posted with %s to %s thread %q, want %s in %s thread 7.1", p.Method, p.Channel, p.ThreadTS, tc.wantMethod, channel)
			}
			if want := "reply to " + tc.wantKey; p.Text != want {
				t.Errorf("answer %q, want %q", p.Text, want)
			}
			if msgs := bot.messages(); len(msgs) != 2 || msgs[1].From.UserID != staff {
				t.Errorf("Answerer got %+v", msgs)
			}
			h.slack.WaitAck(t, "env-2")
		})
	}
}

// errBadRequest stands for a final error that is none of aftercare's.
var errBadRequest = errors.New("bad request")

func TestSocketModeSendFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		failures    []slacktest.Failure
		wantPosts   int
		wantCalls   int
		wantRetries int
		wantErrors  map[string]int
		wantOutcome error // what Send returns: nil, or the aftercare error it Is
	}{
		{"429 then delivered", []slacktest.Failure{{Status: 429, RetryAfter: "1"}}, 1, 2, 1, map[string]int{}, nil},
		{"ratelimited error then delivered", []slacktest.Failure{{SlackError: "ratelimited"}}, 1, 2, 1, map[string]int{}, nil},
		{"503 then delivered", []slacktest.Failure{{Status: 503}}, 1, 2, 1, map[string]int{}, nil},
		{"502 twice then delivered", []slacktest.Failure{{Status: 502}, {Status: 502}}, 1, 3, 2, map[string]int{}, nil},
		{"500 not retried", []slacktest.Failure{{Status: 500}}, 0, 1, 0, map[string]int{"server_error": 1}, aftercare.ErrUncertain},
		{"504 not retried", []slacktest.Failure{{Status: 504}}, 0, 1, 0, map[string]int{"timeout": 1}, aftercare.ErrUncertain},
		{"not in channel", []slacktest.Failure{{SlackError: "not_in_channel"}}, 0, 1, 0, map[string]int{"forbidden": 1}, aftercare.ErrUnreachable},
		{"channel archived", []slacktest.Failure{{SlackError: "is_archived"}}, 0, 1, 0, map[string]int{"forbidden": 1}, aftercare.ErrUnreachable},
		{"invalid blocks", []slacktest.Failure{{SlackError: "invalid_blocks"}}, 0, 1, 0, map[string]int{"bad_request": 1}, errBadRequest},
		{"rate limited five times", slices.Repeat([]slacktest.Failure{{Status: 429, RetryAfter: "0"}}, 5), 0, 5, 4, map[string]int{"rate_limited": 1}, aftercare.ErrRetryLater},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, true, newBot(nil), nil).start()
			h.slack.Fail(slacktest.PostMessage, tc.failures...)
			h.slack.Send(t, slacktest.EventsAPI("env-1", "Ev1", slacktest.Mention(staff, channel, "9.1", "", "<@UBOT> bath?")))
			h.slack.WaitCalls(t, slacktest.PostMessage, tc.wantCalls)
			h.slack.WaitPosts(t, tc.wantPosts)
			if err := h.stop(); err != nil {
				t.Fatalf("Run = %v", err)
			}
			errs, retries := h.rec.counts()
			if got := len(h.slack.Posts()); got != tc.wantPosts {
				t.Errorf("%d posts, want %d", got, tc.wantPosts)
			}
			if got := h.slack.Calls(slacktest.PostMessage); got != tc.wantCalls {
				t.Errorf("chat.postMessage called %d times, want %d", got, tc.wantCalls)
			}
			if retries != tc.wantRetries || !maps.Equal(errs, tc.wantErrors) {
				t.Errorf("retries %d, errors %v; want %d, %v", retries, errs, tc.wantRetries, tc.wantErrors)
			}
			if len(tc.wantErrors) > 0 && !strings.Contains(h.logs.String(), "slack message not delivered") {
				t.Errorf("give-up not logged:\n%s", h.logs.String())
			}
			outcomes := h.handler.outcomes()
			switch got := outcomes[0]; {
			case len(outcomes) != 1:
				t.Errorf("Send returned %d times, want once", len(outcomes))
			case tc.wantOutcome == nil && got != nil:
				t.Errorf("Send = %v, want nil", got)
			case tc.wantOutcome == errBadRequest && (got == nil || errors.Is(got, aftercare.ErrUncertain) || errors.Is(got, aftercare.ErrUnreachable) || errors.Is(got, aftercare.ErrRetryLater)):
				t.Errorf("Send = %v, want a bad request, none of the aftercare errors", got)
			case tc.wantOutcome != nil && tc.wantOutcome != errBadRequest && !errors.Is(got, tc.wantOutcome):
				t.Errorf("Send = %v, want %v", got, tc.wantOutcome)
			}
		})
	}
}

func TestSocketModeKeepsAnsweringAfterReconnects(t *testing.T) {
	t.Parallel()
	bot := newBot(nil)
	h := newHarness(t, true, bot, nil).start()
	ask := func(n int) {
		t.Helper()
		id := fmt.Sprintf("%d", n)
		h.slack.Send(t, slacktest.EventsAPI("env-"+id, "Ev"+id, slacktest.DM(staff, dmChannel, id+".0", "", "question "+id)))
		if p := h.slack.WaitPosts(t, n)[n-1]; p.Text != "reply to question "+id {
			t.Errorf("after %d connections, reply %q", h.slack.Connections(), p.Text)
		}
	}
	ask(1)
	h.slack.Disconnect(t) // Slack's `disconnect` message
	h.ready.waitReady(t, 2)
	ask(2)
	h.slack.Drop(t) // a dropped connection
	h.ready.waitReady(t, 3)
	ask(3)
	if err := h.stop(); err != nil {
		t.Fatalf("Run = %v", err)
	}
	if err, _ := h.ready.last(); err == nil {
		t.Error("still ready after Run returned")
	}
	h.ready.mu.Lock()
	defer h.ready.mu.Unlock()
	var notReady int
	for _, s := range h.ready.states {
		if s != nil {
			notReady++
		}
	}
	if notReady < 3 {
		t.Errorf("readiness %v: want not ready while connecting and reconnecting", h.ready.states)
	}
}

func TestSocketModeAcksEveryEnvelopeAndNeverHello(t *testing.T) {
	t.Parallel()
	h := newHarness(t, true, newBot(nil), nil).start()
	unknown := slacktest.EventsAPI("env-unknown", "Ev9", map[string]any{"type": "made_up_event", "user": staff})
	envs := []slacktest.Envelope{
		slacktest.EventsAPI("env-q", "Ev1", slacktest.Mention(staff, channel, "1.1", "", "<@UBOT> bath?")),
		slacktest.EventsAPI("env-bot", "Ev2", slacktest.DM("UBOT", dmChannel, "1.2", "", "me")),
		slacktest.SlashCommand("env-cmd", slacktest.Command(staff, channel, "help", h.slack.ResponseURL("r"), "trig-1")),
		slacktest.Interactive("env-other", map[string]any{"type": "view_closed", "user": map[string]any{"id": staff}}),
		unknown,
	}
	for _, env := range envs {
		h.slack.Send(t, env)
	}
	for _, env := range envs {
		h.slack.WaitAck(t, env.EnvelopeID)
	}
	// slack-go drops the connection as soon as it reads `disconnect`, so an
	// ack still being written is lost (Slack then delivers the envelope
	// again, and dedupe answers it once): wait for the acks first.
	h.slack.Disconnect(t)
	h.slack.Send(t, slacktest.EventsAPI("env-after", "Ev3", slacktest.DM(staff, dmChannel, "1.3", "", "again")))
	h.slack.WaitAck(t, "env-after")
	for _, a := range h.slack.Acks() {
		if a.EnvelopeID == "" {
			t.Errorf("acknowledged something without an envelope ID (hello?): %+v", a)
		}
	}
	if n := len(h.slack.Acks()); n != len(envs)+1 {
		t.Errorf("%d acks, want %d (one per envelope)", n, len(envs)+1)
	}
}

func TestSocketModeRunFinishesInFlightReplies(t *testing.T) {
	t.Parallel()
	bot := newBot(nil)
	bot.gate = make(chan struct{})
	h := newHarness(t, true, bot, nil).start()
	h.slack.Send(t, slacktest.EventsAPI("env-1", "Ev1", slacktest.DM(staff, dmChannel, "1.1", "", "slow question")))
	<-bot.entered
	h.stopF()
	waitUntil(t, "stopping", &h.ready.mu, &h.ready.changed, func() bool {
		last := h.ready.states[len(h.ready.states)-1]
		return last != nil && last.Error() == "stopped"
	})
	select {
	case err := <-h.done:
		t.Fatalf("Run returned %v with a reply in flight", err)
	default:
	}
	close(bot.gate)
	if err := h.stop(); err != nil {
		t.Fatalf("Run = %v", err)
	}
	if posts := h.slack.Posts(); len(posts) != 1 || posts[0].Text != "reply to slow question" {
		t.Errorf("posts after Run returned = %+v, want the in-flight reply", posts)
	}
}

func TestSocketModeDrainTimeout(t *testing.T) {
	t.Parallel()
	bot := newBot(nil)
	bot.gate = make(chan struct{}) // never opened: Answer ends with its context
	h := newHarness(t, true, bot, func(c *slack.Config) { c.DrainTimeout = 50 * time.Millisecond }).start()
	h.slack.Send(t, slacktest.EventsAPI("env-1", "Ev1", slacktest.DM(staff, dmChannel, "1.1", "", "stuck")))
	<-bot.entered
	start := time.Now()
	if err := h.stop(); err != nil {
		t.Fatalf("Run = %v", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("Run took %v to return, want about the drain timeout", took)
	}
	if errs, _ := h.rec.counts(); errs["shutdown"] != 1 {
		t.Errorf("send errors %v, want the abandoned reply counted as shutdown", errs)
	}
	if !strings.Contains(h.logs.String(), "after the drain timeout") {
		t.Errorf("drain timeout not logged:\n%s", h.logs.String())
	}
}

func TestRefusedTokens(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		socket bool
		edit   func(*slack.Config)
	}{
		{"bad bot token, Socket Mode", true, func(c *slack.Config) { c.BotToken = "xoxb-wrong" }},
		{"bad bot token, HTTP", false, func(c *slack.Config) { c.BotToken = "xoxb-wrong" }},
		{"bad app token", true, func(c *slack.Config) { c.AppToken = "xapp-wrong" }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, tc.socket, newBot(nil), tc.edit)
			done := make(chan error, 1)
			go func() { done <- h.a.Run(t.Context()) }()
			select {
			case err := <-done:
				if !errors.Is(err, slack.ErrAuth) || !errors.Is(err, aftercare.ErrUnauthorized) {
					t.Errorf("Run = %v, want an error wrapping ErrAuth, the shared sentinel", err)
				}
				if strings.Contains(err.Error(), "xoxb-wrong") || strings.Contains(err.Error(), "xapp-wrong") {
					t.Errorf("Run's error shows the token: %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("Run did not return with a refused token")
			}
			if err, ok := h.ready.last(); !ok || err == nil {
				t.Errorf("readiness %v, want not ready", err)
			}
		})
	}
}

// A panic while handling one request is logged and counted, the person
// gets an answer (the Handler's answer to CommandFailed), and the bot goes
// on; before, the panic ended the process.
func TestPanicInOneRequestIsAnsweredAndCounted(t *testing.T) {
	t.Parallel()
	bot := newBot(nil)
	bot.panicOn = "boom"
	h := newHarness(t, true, bot, nil).start()
	h.slack.Send(t, slacktest.EventsAPI("env-1", "Ev1", slacktest.DM(staff, dmChannel, "1.1", "", "boom")))
	h.slack.Send(t, slacktest.EventsAPI("env-2", "Ev2", slacktest.DM(staff, dmChannel, "1.2", "", "still there?")))
	posts := h.slack.WaitPosts(t, 2)
	if posts[0].Text != "reply to command:failed" || posts[1].Text != "reply to still there?" {
		t.Errorf("posts %q, %q; want the fallback answer, then the next", posts[0].Text, posts[1].Text)
	}
	if h.rec.panicked() != 1 || !strings.Contains(h.logs.String(), "panic while handling a slack request") || strings.Contains(h.logs.String(), "boom\"") {
		t.Errorf("panics %d, logs:\n%s", h.rec.panicked(), h.logs.String())
	}
}
