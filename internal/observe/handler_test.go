package observe_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/fixture"

	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/observe"
	"github.com/clinicbot/aftercare/internal/reply"
)

var _ observe.Service = (*reply.Service)(nil)

// recorder is a fake Recorder that remembers what it was told.
type recorder struct {
	mu       sync.Mutex
	received []string
	replies  []string
	items    []string
	panics   []string
}

func (r *recorder) Received(p string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.received = append(r.received, p)
}

func (r *recorder) Replied(p, kind string, items []string, _ time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.replies = append(r.replies, p+"/"+kind)
	r.items = append(r.items, items...)
}

func (r *recorder) Panicked(p string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.panics = append(r.panics, p)
}

func TestOneLogLinePerMessageWithoutText(t *testing.T) {
	var logs bytes.Buffer
	rec := &recorder{}
	h := observe.New(fixture.Service(t, catalog.Clinic{}), observe.Options{Logger: slog.New(slog.NewJSONHandler(&logs, nil)), Recorder: rec, HashKey: []byte("k")})
	msgs := []aftercare.Inbound{
		{From: aftercare.Actor{Platform: "telegram", UserID: "555123"}, Text: "Jane here, can I take a bath tonight?"},
		{From: aftercare.Actor{Platform: "telegram", UserID: "555123"}, Text: "my throat is swelling up badly"},
		{From: aftercare.Actor{Platform: "slack", UserID: "U42"}, Command: aftercare.CommandStart},
	}
	for _, m := range msgs {
		h.Answer(context.Background(), m)
	}
	out := logs.String()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(msgs) {
		t.Fatalf("%d log lines for %d messages:\n%s", len(lines), len(msgs), out)
	}
	for _, secret := range []string{"Jane", "take a bath", "swelling up badly", "555123", "U42"} {
		if strings.Contains(out, secret) {
			t.Errorf("log contains %q:\n%s", secret, out)
		}
	}
	for _, want := range []string{`"platform":"telegram"`, `"kind":"answer"`, `"item":"home.bath"`, `"kind":"urgent"`,
		`"red_flags":[`, `"lips, tongue or throat swelling"`, `"command":"start"`, `"user":"` + h.HashID("telegram", "555123") + `"`} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %s:\n%s", want, out)
		}
	}
	if strings.Join(rec.replies, ",") != "telegram/answer,telegram/urgent,slack/smalltalk" || strings.Join(rec.items, ",") != "home.bath" || len(rec.received) != 3 {
		t.Errorf("recorded %+v", rec)
	}
}

func TestLogTextWhenAsked(t *testing.T) {
	var logs bytes.Buffer
	h := observe.New(fixture.Service(t, catalog.Clinic{}), observe.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil)), Recorder: &recorder{}, LogText: true})
	h.Answer(context.Background(), aftercare.Inbound{From: aftercare.Actor{Platform: "console"}, Text: "can I take a bath?"})
	if !strings.Contains(logs.String(), `text="can I take a bath?"`) {
		t.Errorf("log = %s, want the text", logs.String())
	}
}

func TestHashIDIsKeyedAndStable(t *testing.T) {
	svc := fixture.Service(t, catalog.Clinic{})
	a := observe.New(svc, observe.Options{HashKey: []byte("key-a"), Recorder: &recorder{}})
	again := observe.New(svc, observe.Options{HashKey: []byte("key-a"), Recorder: &recorder{}}) // e.g. after a restart
	b := observe.New(svc, observe.Options{HashKey: []byte("key-b"), Recorder: &recorder{}})
	if a.HashID("telegram", "1") != again.HashID("telegram", "1") || a.HashID("telegram", "1") == b.HashID("telegram", "1") ||
		a.HashID("telegram", "1") == a.HashID("slack", "1") || len(a.HashID("telegram", "1")) != 16 || a.HashID("x", "") != "" {
		t.Error("HashID must be stable per key, differ across keys and platforms, and be 16 hex digits")
	}
}

// panicky is a fake service whose Answer panics with the message text.
type panicky struct{ *reply.Service }

func (p panicky) Answer(ctx context.Context, msg aftercare.Inbound) aftercare.Outgoing {
	panic("cannot handle " + msg.Text)
}

func TestPanicIsRecoveredLoggedAndCounted(t *testing.T) {
	var logs bytes.Buffer
	rec := &recorder{}
	h := observe.New(panicky{fixture.Service(t, catalog.Clinic{})}, observe.Options{Logger: slog.New(slog.NewJSONHandler(&logs, nil)), Recorder: rec})
	r := h.Answer(context.Background(), aftercare.Inbound{From: aftercare.Actor{Platform: "telegram", UserID: "9"}, Text: "secret patient words"})
	if r.Kind != aftercare.KindDecline || !strings.Contains(r.PlainText(), "I don't have information on that") {
		t.Errorf("Answer after panic = %+v, want the decline text", r)
	}
	if len(rec.panics) != 1 || rec.replies[0] != "telegram/decline" {
		t.Errorf("recorded %+v, want one panic and a decline", rec)
	}
	if !strings.Contains(logs.String(), "panic while handling a message") || strings.Contains(logs.String(), "secret patient words") {
		t.Errorf("log = %s", logs.String())
	}
	// The handler keeps working.
	if r := h.Answer(context.Background(), aftercare.Inbound{From: aftercare.Actor{Platform: "telegram"}, Text: "again"}); r.Kind != aftercare.KindDecline || len(rec.panics) != 2 {
		t.Errorf("second Answer = %+v", r)
	}
}
