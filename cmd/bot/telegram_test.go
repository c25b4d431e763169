package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/clinicbot/aftercare/internal/fixture"

	"github.com/clinicbot/aftercare/internal/adapters/telegram/telegramtest"
)

// TestTelegramEndToEnd runs the whole bot against a fake Bot API: ready once
// connected, patients answered, metrics counted, logs private, clean stop.
func TestTelegramEndToEnd(t *testing.T) {
	fake := telegramtest.New(tgToken)
	t.Cleanup(fake.Close)
	addr := freeAddr(t)
	env := map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_ENDPOINT": fake.Endpoint(),
		"HTTP_ADDR": addr, "LOG_FORMAT": "json", "CLINIC_NAME": "Glow Skin"}
	var stdout, stderr fixture.Buffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, nil, func(k string) string { return env[k] }, strings.NewReader(""), &stdout, &stderr)
	}()
	s := &session{t: t, addr: addr}
	fixture.WaitFor(t, "the condition", func() bool { code, _ := s.get("/readyz"); return code == 200 })

	fake.Push(telegramtest.Text(77, "Jane here - can I take a bath tonight?"))
	fake.Push(telegramtest.Text(78, "/start"))
	fixture.WaitFor(t, "the condition", func() bool { return len(fake.SentTo(77)) == 1 && len(fake.SentTo(78)) == 1 })
	if got := fake.SentTo(77)[0].Visible(); !strings.Contains(got, "blocked drains") || !strings.Contains(got, "Glow Skin") {
		t.Errorf("answer = %q", got)
	}
	fixture.WaitFor(t, "the condition", func() bool {
		_, body := s.get("/metrics")
		return strings.Contains(body, `aftercare_replies_total{kind="answer",platform="telegram"} 1`) &&
			strings.Contains(body, `aftercare_reply_latency_seconds_count{platform="telegram"} 2`)
	})
	cancel() // SIGTERM
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run() = %v, want nil after the signal", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("run did not stop")
	}
	if stdout.String() != "" {
		t.Errorf("the console ran beside Telegram: %q", stdout.String())
	}
	logs := stderr.String()
	for _, private := range []string{tgToken, "Jane", "bath tonight"} {
		if strings.Contains(logs, private) {
			t.Errorf("logs contain %q:\n%s", private, logs)
		}
	}
	if !strings.Contains(logs, `"msg":"telegram: connected"`) || strings.Count(logs, `"msg":"message handled"`) != 2 {
		t.Errorf("logs = %s", logs)
	}
}

func TestTelegramBadTokenExitsOne(t *testing.T) {
	fake := telegramtest.New("555:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB")
	t.Cleanup(fake.Close)
	env := map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_ENDPOINT": fake.Endpoint(), "HTTP_ADDR": freeAddr(t)}
	_, errOut, code := runBot(t, env, "")
	if code != 1 || !strings.Contains(errOut, "telegram refused the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN") || strings.Contains(errOut, tgToken) {
		t.Errorf("bad token: exit %d, %q", code, errOut)
	}
}
