package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

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

// SIGTERM in webhook mode with a reply on the wire: the bot exits 0 within
// its drain allowance, and the webhook request waiting for that update ends
// instead of holding the HTTP server's shutdown (it took 16 s and exit 1).
func TestTelegramWebhookStopsPromptlyWithAReplyInFlight(t *testing.T) {
	defer func(d time.Duration) { drainTimeout = d }(drainTimeout)
	drainTimeout = time.Second
	fake := telegramtest.New(tgToken)
	t.Cleanup(fake.Close)
	fake.SlowSends(3500 * time.Millisecond) // still on the wire when the drain cuts it (1 s + 2 s grace)
	s := startSession(t, map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_ENDPOINT": fake.Endpoint(),
		"TELEGRAM_WEBHOOK_URL": "https://bot.example.com/tg/hook-1", "TELEGRAM_WEBHOOK_SECRET": "s3cret"})
	fixture.WaitFor(t, "the bot to be ready", func() bool { code, _ := s.get("/readyz"); return code == 200 })
	answered := make(chan int, 2)
	post := func(id int, text string) {
		body, _ := json.Marshal(map[string]any{"update_id": id, "message": telegramtest.Text(90, text)["message"]})
		req, _ := http.NewRequest("POST", "http://"+s.addr+"/tg/hook-1", bytes.NewReader(body))
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", "s3cret")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			answered <- 0
			return
		}
		resp.Body.Close()
		answered <- resp.StatusCode
	}
	go post(1, "can I take a bath?")
	fixture.WaitFor(t, "the reply on the wire", func() bool { return len(fake.Requests("sendMessage")) == 1 })
	go post(2, "and a shower?") // queued behind the first: abandoned at the drain
	time.Sleep(100 * time.Millisecond)
	began := time.Now()
	if err := s.stop(); err != nil {
		t.Errorf("run() = %v; want nil", err)
	}
	if took := time.Since(began); took > drainTimeout+8*time.Second { // drain, wire grace, and room for a busy machine
		t.Errorf("stopping took %v", took)
	}
	for range 2 {
		select {
		case code := <-answered:
			if code == 0 {
				t.Error("a webhook request was cut without an answer")
			}
		case <-time.After(5 * time.Second):
			t.Fatal("a webhook request is still waiting after the bot stopped")
		}
	}
}
