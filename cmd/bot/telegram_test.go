package main

import (
	"strings"
	"testing"

	"github.com/clinicbot/aftercare/internal/fixture"

	"github.com/clinicbot/aftercare/internal/adapters/telegram/telegramtest"
)

// TestTelegramEndToEnd runs the whole bot against a fake Bot API: ready once
// connected, patients answered, metrics counted, logs private, clean stop.
func TestTelegramEndToEnd(t *testing.T) {
	for name, dbURL := range databases(t) {
		t.Run(name, func(t *testing.T) {
			fake := telegramtest.New(tgToken)
			t.Cleanup(fake.Close)
			s := startSession(t, map[string]string{"DATABASE_URL": dbURL(t), "TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_ENDPOINT": fake.Endpoint(), "LOG_FORMAT": "json", "CLINIC_NAME": "Glow Skin"})
			fixture.WaitFor(t, "the bot to be ready", func() bool { code, _ := s.get("/readyz"); return code == 200 })

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
			if err := s.stop(); err != nil { // as SIGTERM does
				t.Errorf("run() = %v, want nil after the signal", err)
			}
			if s.stdout.String() != "" {
				t.Errorf("the console ran beside Telegram: %q", s.stdout.String())
			}
			logs := s.stderr.String()
			for _, private := range []string{tgToken, "Jane", "bath tonight"} {
				if strings.Contains(logs, private) {
					t.Errorf("logs contain %q:\n%s", private, logs)
				}
			}
			if !strings.Contains(logs, `"msg":"telegram: connected"`) || strings.Count(logs, `"msg":"message handled"`) != 2 {
				t.Errorf("logs = %s", logs)
			}
		})
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
