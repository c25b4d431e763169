package slack_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/fixture"

	"github.com/clinicbot/aftercare/internal/adapters/slack"
	"github.com/clinicbot/aftercare/internal/adapters/slack/slacktest"
	"github.com/clinicbot/aftercare/internal/redact"
)

const (
	signingSecret = "test-signing-secret-8f3a9c"
	staff         = "USTAFF1"
	channel       = "CCLINIC"
	dmChannel     = "DSTAFF1"
)

var (
	_ slack.Handler    = (*replying)(nil)
	_ aftercare.Sender = (*slack.Adapter)(nil)
)

// fakeBot answers from a table keyed by text (see key) and records every
// message. With a gate, Answer waits until the gate is closed or ctx ends.
type fakeBot struct {
	mu      sync.Mutex
	replies map[string]aftercare.Outgoing
	msgs    []aftercare.Inbound
	gate    chan struct{}
	entered chan struct{} // one value per Answer call, when gate is set
	panicOn string        // a key whose Answer panics
}

func newBot(replies map[string]aftercare.Outgoing) *fakeBot {
	if replies == nil {
		replies = map[string]aftercare.Outgoing{}
	}
	return &fakeBot{replies: replies, entered: make(chan struct{}, 16)}
}

// key is the table key of msg: its text, "choice:ID", "command:NAME TEXT"
// or "nontext".
func key(msg aftercare.Inbound) string {
	switch {
	case msg.Choice != "":
		return "choice:" + msg.Choice
	case msg.Command != "":
		return strings.TrimSpace("command:" + msg.Command + " " + msg.Text)
	case msg.NonText && msg.Text == "":
		return "nontext"
	}
	return msg.Text
}

func (b *fakeBot) Answer(ctx context.Context, msg aftercare.Inbound) aftercare.Outgoing {
	b.mu.Lock()
	b.msgs = append(b.msgs, msg)
	r, ok := b.replies[key(msg)]
	gate, entered := b.gate, b.entered
	b.mu.Unlock()
	if b.panicOn != "" && key(msg) == b.panicOn {
		panic("boom")
	}
	if gate != nil {
		entered <- struct{}{}
		select {
		case <-gate:
		case <-ctx.Done():
		}
	}
	switch {
	case !ok && msg.Command == aftercare.CommandTopics:
		r = aftercare.Outgoing{Kind: aftercare.KindTopics, Menu: b.Sections()}
	case !ok:
		r = aftercare.Outgoing{Kind: aftercare.KindSmalltalk, Text: "reply to " + key(msg)}
	}
	return r
}

// replying is a Handler standing in for the desk, without a store: it
// answers through the fake bot and sends through the adapter.
type replying struct {
	bot     answerer
	adapter atomic.Pointer[slack.Adapter]

	mu   sync.Mutex
	errs []error // what each Send returned
}

func (r *replying) outcomes() []error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.errs)
}

// answerer is the reply side the tests fake: what the desk asks for a reply.
type answerer interface {
	Answer(ctx context.Context, in aftercare.Inbound) aftercare.Outgoing
}

func (r *replying) Handle(ctx context.Context, in aftercare.Inbound) error {
	_, err := r.adapter.Load().Send(ctx, in.Chat, r.bot.Answer(ctx, in))
	r.mu.Lock()
	r.errs = append(r.errs, err)
	r.mu.Unlock()
	return err
}

func (b *fakeBot) Sections() []aftercare.Section {
	return []aftercare.Section{
		{Name: "At home", Items: []aftercare.Option{{Choice: "home.bath", Title: "Bathing"}, {Choice: "home.shower", Title: "Showering"}}},
		{Name: "Skin care", Items: []aftercare.Option{{Choice: "skin.serum", Title: "Serum & SPF"}}},
	}
}

func (b *fakeBot) messages() []aftercare.Inbound {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]aftercare.Inbound(nil), b.msgs...)
}

// fakeRecorder counts sends.
type fakeRecorder struct {
	mu      sync.Mutex
	changed chan struct{}
	errors  map[string]int
	retries int
	panics  int
}

func newRecorder() *fakeRecorder {
	return &fakeRecorder{changed: make(chan struct{}), errors: map[string]int{}}
}

// waitError waits until a send error of reason was counted.
func (r *fakeRecorder) waitError(t *testing.T, reason string) {
	t.Helper()
	waitUntil(t, "send error "+reason, &r.mu, &r.changed, func() bool { return r.errors[reason] > 0 })
}

func (r *fakeRecorder) SendError(platform, reason string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if platform != "slack" {
		panic("platform " + platform)
	}
	r.errors[reason]++
	close(r.changed)
	r.changed = make(chan struct{})
}

func (r *fakeRecorder) SendRetry(string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.retries++
}

func (r *fakeRecorder) Panicked(string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.panics++
}

func (r *fakeRecorder) panicked() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.panics
}

// counts returns the send errors by reason and the retries recorded.
func (r *fakeRecorder) counts() (map[string]int, int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	errs := map[string]int{}
	for k, v := range r.errors {
		errs[k] = v
	}
	return errs, r.retries
}

// readiness records SetReady calls.
type readiness struct {
	mu      sync.Mutex
	states  []error
	changed chan struct{}
}

func newReadiness() *readiness { return &readiness{changed: make(chan struct{})} }

func (r *readiness) set(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.states = append(r.states, err)
	close(r.changed)
	r.changed = make(chan struct{})
}

// wait waits until the number of times the adapter became ready reaches n.
func (r *readiness) waitReady(t *testing.T, n int) {
	t.Helper()
	waitUntil(t, "ready", &r.mu, &r.changed, func() bool { return r.readyCount() >= n })
}

func (r *readiness) readyCount() int {
	n := 0
	for _, s := range r.states {
		if s == nil {
			n++
		}
	}
	return n
}

func (r *readiness) last() (error, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.states) == 0 {
		return nil, false
	}
	return r.states[len(r.states)-1], true
}

// waitUntil waits until cond, called with mu held, is true; changed is
// closed and replaced on every change.
func waitUntil(t *testing.T, what string, mu *sync.Mutex, changed *chan struct{}, cond func() bool) {
	t.Helper()
	deadline := time.NewTimer(10 * time.Second)
	defer deadline.Stop()
	for {
		mu.Lock()
		ok, ch := cond(), *changed
		mu.Unlock()
		if ok {
			return
		}
		select {
		case <-ch:
		case <-deadline.C:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// harness runs an Adapter against a fake Slack.
type harness struct {
	t       *testing.T
	slack   *slacktest.Server
	rec     *fakeRecorder
	ready   *readiness
	logs    *fixture.Buffer
	log     *slog.Logger
	cfg     slack.Config
	a       *slack.Adapter
	handler *replying
	web     *httptest.Server // HTTP mode: the bot's HTTP server
	done    chan error
	stopF   context.CancelFunc
}

// newHarness configures an adapter for Socket Mode (socket) or the HTTP
// Events API; edit changes the configuration before the adapter is made.
func newHarness(t *testing.T, socket bool, bot answerer, edit func(*slack.Config)) *harness {
	t.Helper()
	h := &harness{t: t, slack: slacktest.New(t, slacktest.Options{}), rec: newRecorder(),
		ready: newReadiness(), logs: &fixture.Buffer{}}
	red := redact.New(h.slack.BotToken(), h.slack.AppToken(), signingSecret)
	h.log = slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	handler := &replying{bot: bot}
	h.cfg = slack.Config{BotToken: h.slack.BotToken(), APIURL: h.slack.APIURL(), Handler: handler, Recorder: h.rec,
		Logger: h.log, Redact: red.Error, SetReady: h.ready.set, DrainTimeout: 5 * time.Second}
	if socket {
		h.cfg.AppToken = h.slack.AppToken()
	} else {
		h.cfg.SigningSecret = signingSecret
	}
	if edit != nil {
		edit(&h.cfg)
	}
	a, err := slack.New(h.cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	slack.SetBackoff(a, 10*time.Millisecond)
	handler.adapter.Store(a)
	h.a, h.handler = a, handler
	if routes := a.Routes(); routes != nil {
		mux := http.NewServeMux()
		for pattern, handler := range routes {
			mux.Handle(pattern, handler)
		}
		h.web = httptest.NewServer(mux)
		t.Cleanup(h.web.Close)
	}
	return h
}

// start runs the adapter and waits until it is ready.
func (h *harness) start() *harness {
	h.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	h.stopF, h.done = cancel, make(chan error, 1)
	go func() { h.done <- h.a.Run(ctx) }()
	h.t.Cleanup(func() {
		cancel()
		<-h.done
	})
	h.ready.waitReady(h.t, 1)
	return h
}

// stop cancels Run and returns its error; every queued reply has been
// answered (or given up) when it returns.
func (h *harness) stop() error {
	h.t.Helper()
	h.stopF()
	select {
	case err := <-h.done:
		h.done <- err // for Cleanup
		return err
	case <-time.After(15 * time.Second):
		h.t.Fatal("Run did not return after its context was cancelled")
		return nil
	}
}

// post sends body to the bot's HTTP endpoint path, signed with the signing
// secret at ts unless sign is false, and returns the status and body.
func (h *harness) post(path, contentType, body string, sign bool, ts time.Time, header map[string]string) (int, string) {
	h.t.Helper()
	req, err := http.NewRequest("POST", h.web.URL+path, strings.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	if sign {
		slacktest.Sign(req.Header, signingSecret, ts, []byte(body))
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return resp.StatusCode, b.String()
}
