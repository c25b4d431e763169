package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/fixture"

	"github.com/clinicbot/aftercare/content"
	"github.com/clinicbot/aftercare/internal/server"
)

const (
	tgToken  = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawX"
	xoxb     = "xoxb-1111-2222-abcdefghijkl"
	xapp     = "xapp-1-A111-222-abcdef"
	reloadTk = "reload-token-4b9c"
)

func TestConfigValidation(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string // empty: valid
	}{
		{"defaults", nil, ""},
		{"everything valid", map[string]string{"HTTP_ADDR": "127.0.0.1:9090", "LOG_LEVEL": "DEBUG", "LOG_FORMAT": "json", "LOG_MESSAGE_TEXT": "true",
			"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_WEBHOOK_URL": "https://bot.example.com/tg", "TELEGRAM_WEBHOOK_SECRET": "s3cret_-X",
			"SLACK_BOT_TOKEN": xoxb, "SLACK_APP_TOKEN": xapp, "SLACK_API_URL": "http://127.0.0.1:1/api"}, ""},
		{"slack http mode", map[string]string{"SLACK_BOT_TOKEN": xoxb, "SLACK_SIGNING_SECRET": "abc123"}, ""},
		{"content dir missing", map[string]string{"CONTENT_DIR": "/no/such"}, "CONTENT_DIR (--content): directory \"/no/such\" does not exist"},
		{"content dir is a file", map[string]string{"CONTENT_DIR": "serve_test.go"}, "CONTENT_DIR (--content): \"serve_test.go\" is not a directory"},
		{"bad http addr", map[string]string{"HTTP_ADDR": "8080"}, "HTTP_ADDR (--http-addr)"},
		{"bad port", map[string]string{"HTTP_ADDR": ":99999"}, "HTTP_ADDR (--http-addr): \":99999\" has no valid port"},
		{"bad log level", map[string]string{"LOG_LEVEL": "loud"}, "LOG_LEVEL (--log-level): \"loud\" is not debug, info, warn or error"},
		{"bad log format", map[string]string{"LOG_FORMAT": "xml"}, "LOG_FORMAT (--log-format)"},
		{"bad bool", map[string]string{"LOG_MESSAGE_TEXT": "maybe"}, "LOG_MESSAGE_TEXT (--log-message-text)"},
		{"bad telegram token", map[string]string{"TELEGRAM_BOT_TOKEN": "abc"}, "TELEGRAM_BOT_TOKEN (--telegram-token): does not look like a bot token"},
		{"endpoint without placeholders", map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_ENDPOINT": "http://x/bot%s"}, "TELEGRAM_API_ENDPOINT (--telegram-api-endpoint): must contain %s twice"},
		{"endpoint not a url", map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_ENDPOINT": "bot%s/%s"}, "TELEGRAM_API_ENDPOINT (--telegram-api-endpoint): must be an http(s):// URL"},
		{"webhook not https", map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_WEBHOOK_URL": "http://bot.example.com/tg", "TELEGRAM_WEBHOOK_SECRET": "s"}, "TELEGRAM_WEBHOOK_URL (--telegram-webhook-url): must be an https:// URL"},
		{"webhook malformed", map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_WEBHOOK_URL": "https://", "TELEGRAM_WEBHOOK_SECRET": "s"}, "TELEGRAM_WEBHOOK_URL"},
		{"webhook without a path", map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_WEBHOOK_URL": "https://bot.example.com", "TELEGRAM_WEBHOOK_SECRET": "s"}, "TELEGRAM_WEBHOOK_URL (--telegram-webhook-url): needs a path"},
		{"webhook without secret", map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_WEBHOOK_URL": "https://bot.example.com/tg"}, "TELEGRAM_WEBHOOK_SECRET (--telegram-webhook-secret) is required"},
		{"bad webhook secret", map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_WEBHOOK_URL": "https://bot.example.com/tg", "TELEGRAM_WEBHOOK_SECRET": "no spaces"}, "TELEGRAM_WEBHOOK_SECRET (--telegram-webhook-secret): must be 1-256"},
		{"secret without webhook", map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_WEBHOOK_SECRET": "s"}, "set without TELEGRAM_WEBHOOK_URL"},
		{"telegram settings without token", map[string]string{"TELEGRAM_WEBHOOK_URL": "https://bot.example.com/tg", "TELEGRAM_WEBHOOK_SECRET": "s"}, "TELEGRAM_BOT_TOKEN (--telegram-token) is required"},
		{"app token without bot token", map[string]string{"SLACK_APP_TOKEN": xapp}, "SLACK_APP_TOKEN (--slack-app-token) is set without SLACK_BOT_TOKEN"},
		{"slack http mode without secret", map[string]string{"SLACK_BOT_TOKEN": xoxb}, "SLACK_SIGNING_SECRET (--slack-signing-secret) is required"},
		{"user token as bot token", map[string]string{"SLACK_BOT_TOKEN": "xoxp-1-2", "SLACK_SIGNING_SECRET": "x"}, "SLACK_BOT_TOKEN (--slack-bot-token): must start with xoxb-"},
		{"bot token as app token", map[string]string{"SLACK_BOT_TOKEN": xoxb, "SLACK_APP_TOKEN": xoxb}, "SLACK_APP_TOKEN (--slack-app-token): must start with xapp-"},
		{"bad slack url", map[string]string{"SLACK_BOT_TOKEN": xoxb, "SLACK_APP_TOKEN": xapp, "SLACK_API_URL": "ftp://x"}, "SLACK_API_URL (--slack-api-url)"},
		{"care settings", map[string]string{"SLACK_CARE_CHANNEL": "C0123ABCD", "HANDOFF_URGENT": "ask", "CARE_SIGNATURE": "name", "CARE_HOURS": "Mon-Fri 09:00-17:30",
			"CARE_ESCALATE_AFTER": "15m", "HANDOFF_PRIVACY": "alert-only", "CASE_RETENTION": "7d"}, ""},
		{"care channel name", map[string]string{"SLACK_CARE_CHANNEL": "#care"}, "SLACK_CARE_CHANNEL (--slack-care-channel): is not a Slack channel ID"},
		{"bad handoff urgent", map[string]string{"HANDOFF_URGENT": "never"}, "HANDOFF_URGENT (--handoff-urgent): \"never\" is not auto, ask"},
		{"bad signature", map[string]string{"CARE_SIGNATURE": "full"}, "CARE_SIGNATURE (--care-signature)"},
		{"bad care hours", map[string]string{"CARE_HOURS": "weekdays 9-5"}, "CARE_HOURS (--care-hours)"},
		{"bad escalation", map[string]string{"CARE_ESCALATE_AFTER": "10s"}, "CARE_ESCALATE_AFTER (--care-escalate-after)"},
		{"bad privacy", map[string]string{"HANDOFF_PRIVACY": "none"}, "HANDOFF_PRIVACY (--handoff-privacy)"},
		{"bad case retention", map[string]string{"CASE_RETENTION": "10m"}, "CASE_RETENTION (--case-retention)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stderr bytes.Buffer
			cfg, _, err := parseConfig("bot", nil, func(k string) string { return tc.env[k] }, &stderr)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("parseConfig() = %v, want valid", err)
				}
				if tc.env["SLACK_API_URL"] != "" && !strings.HasSuffix(cfg.Slack.APIURL, "/") {
					t.Errorf("SLACK_API_URL = %q, want a trailing slash", cfg.Slack.APIURL)
				}
				return
			}
			if code := exitCode(err); code != 2 || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("parseConfig() = %v (exit %d), want exit 2 and %q", err, code, tc.want)
			}
			for _, secret := range []string{tgToken, xoxb, xapp} {
				if err != nil && strings.Contains(err.Error()+stderr.String(), secret) {
					t.Errorf("error shows a secret: %v", err)
				}
			}
		})
	}
}

func TestHelpShowsNoSecrets(t *testing.T) {
	env := map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "RELOAD_TOKEN": reloadTk}
	for _, args := range [][]string{{"help"}, {"-h"}} {
		out, errOut, _ := runBot(t, env, "", args...)
		if strings.Contains(out+errOut, tgToken) || strings.Contains(out+errOut, reloadTk) {
			t.Errorf("bot %v shows a secret", args)
		}
	}
}

// freeAddr returns a local address nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// session runs the bot on a console fed through a pipe.
type session struct {
	t      *testing.T
	in     *io.PipeWriter
	stdout *fixture.Buffer
	stderr *fixture.Buffer
	done   chan error
	addr   string
	cancel context.CancelFunc
}

func startSession(t *testing.T, env map[string]string) *session {
	t.Helper()
	pr, pw := io.Pipe()
	s := &session{t: t, in: pw, stdout: &fixture.Buffer{}, stderr: &fixture.Buffer{}, done: make(chan error, 1), addr: freeAddr(t)}
	if env == nil {
		env = map[string]string{}
	}
	env["HTTP_ADDR"] = s.addr
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	getenv := testEnv(t, env)
	go func() { s.done <- run(ctx, nil, getenv, pr, s.stdout, s.stderr) }()
	fixture.WaitFor(t, "the condition", func() bool { code, _ := s.get("/healthz"); return code == 200 })
	t.Cleanup(func() { cancel(); pw.Close() })
	return s
}

func (s *session) say(line string) {
	s.t.Helper()
	if _, err := io.WriteString(s.in, line+"\n"); err != nil {
		s.t.Fatal(err)
	}
}

func (s *session) get(path string) (int, string) {
	return s.do("GET", path, "")
}

func (s *session) do(method, path, auth string) (int, string) {
	req, _ := http.NewRequest(method, "http://"+s.addr+path, nil)
	if auth != "" {
		req.Header.Set("Authorization", "Bearer "+auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// stop cancels run's context, as a signal does, and waits for it to return.
func (s *session) stop() error {
	s.t.Helper()
	s.cancel()
	select {
	case err := <-s.done:
		return err
	case <-time.After(fixture.Patience):
		s.t.Fatal("run did not return after the signal")
		return nil
	}
}

// end closes the console input and waits for run to return.
func (s *session) end() error {
	s.t.Helper()
	s.in.Close()
	select {
	case err := <-s.done:
		return err
	case <-time.After(fixture.Patience):
		s.t.Fatal("run did not return after the console input ended")
		return nil
	}
}

func TestEndpointsAndMetricsDuringAConsoleSession(t *testing.T) {
	s := startSession(t, nil)
	if code, body := s.get("/readyz"); code != 200 || strings.TrimSpace(body) != "ready" {
		t.Errorf("/readyz = %d %q, want ready: content loaded, no platform to wait for", code, body)
	}
	for _, line := range []string{"can I take a bath?", "my lips are swelling", "what's the weather", "hello"} {
		s.say(line)
	}
	want := []string{
		`aftercare_messages_received_total{platform="console"} 4`,
		`aftercare_replies_total{kind="answer",platform="console"} 1`,
		`aftercare_replies_total{kind="urgent",platform="console"} 1`,
		`aftercare_replies_total{kind="decline",platform="console"} 1`,
		`aftercare_replies_total{kind="smalltalk",platform="console"} 1`,
		`aftercare_answers_total{item="home.bath"} 1`,
		`aftercare_match_duration_seconds_count 4`,
		`aftercare_content_items 14`,
		`aftercare_build_info{`,
	}
	fixture.WaitFor(t, "the condition", func() bool {
		_, body := s.get("/metrics")
		for _, w := range want {
			if !strings.Contains(body, w) {
				return false
			}
		}
		return true
	})
	if code, _ := s.do("POST", "/-/reload", "anything"); code != 404 {
		t.Errorf("/-/reload without RELOAD_TOKEN = %d, want 404", code)
	}
	if err := s.end(); err != nil {
		t.Errorf("run() = %v, want nil when the console ends", err)
	}
	if code, _ := s.get("/healthz"); code != 0 {
		t.Errorf("server still up after run returned")
	}
}

// contentCopy copies the built-in content into a directory of its own.
func contentCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(content.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == "." || strings.HasSuffix(path, ".go") {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, path), 0o755)
		}
		b, err := fs.ReadFile(content.FS, path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, path), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func setBathAnswer(t *testing.T, dir, answer string) {
	t.Helper()
	p := filepath.Join(dir, "items", "at-home.yaml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "Please don't take a bath.", answer, 1)
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReloadKeepsOldContentWhenNewIsInvalid(t *testing.T) {
	dir := contentCopy(t)
	s := startSession(t, map[string]string{"CONTENT_DIR": dir, "RELOAD_TOKEN": reloadTk})
	if code, _ := s.do("POST", "/-/reload", "wrong"); code != 401 {
		t.Errorf("reload with a wrong token = %d, want 401", code)
	}
	setBathAnswer(t, dir, "Baths are off for now, thanks to the drains.")
	if code, body := s.do("POST", "/-/reload", reloadTk); code != 200 {
		t.Fatalf("reload = %d %q", code, body)
	}
	os.WriteFile(filepath.Join(dir, "texts.yaml"), []byte("welcome: [broken\n"), 0o644)
	if code, body := s.do("POST", "/-/reload", reloadTk); code != 422 || !strings.Contains(body, "texts.yaml") {
		t.Errorf("reload of invalid content = %d %q, want 422 naming the file", code, body)
	}
	// SIGHUP reloads too (and fails the same way, keeping the new content).
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	fixture.WaitFor(t, "the condition", func() bool {
		_, body := s.get("/metrics")
		return strings.Contains(body, `aftercare_content_reloads_total{result="error"} 2`)
	})
	s.say("can I take a bath?")
	if err := s.end(); err != nil {
		t.Fatal(err)
	}
	out := s.stdout.String()
	if !strings.Contains(out, "Baths are off for now") || strings.Contains(out, "Please don't take a bath") {
		t.Errorf("after a good then a bad reload, the bath answer = %q; want the good new content", out)
	}
	if logs := s.stderr.String(); !strings.Contains(logs, "content reload failed; keeping the old content") || !strings.Contains(logs, "texts.yaml") {
		t.Errorf("logs = %s", logs)
	}
}

// TestReloadUnderConcurrentMatching swaps good and bad content while
// messages are answered (run with -race).
func TestReloadUnderConcurrentMatching(t *testing.T) {
	good, bad := contentCopy(t), contentCopy(t)
	setBathAnswer(t, good, "NEW bath answer.")
	os.WriteFile(filepath.Join(bad, "lexicon.yaml"), nil, 0o644)
	cfg := Config{ContentDir: good, LogFormat: "text"}
	a, err := newApp(cfg, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				r := a.handler.Answer(context.Background(), aftercare.Inbound{From: aftercare.Actor{Platform: "test"}, Text: "can i take a bath"})
				if len(r.Answers) != 1 || !strings.HasPrefix(r.Answers[0].Text, "NEW bath answer.") {
					t.Errorf("answer during reloads = %+v", r)
					return
				}
			}
		}()
	}
	for i := 0; i < 20; i++ {
		a.cfg.ContentDir = []string{good, bad}[i%2]
		err := a.reload(context.Background())
		if (i%2 == 1) != (err != nil) {
			t.Errorf("reload %d = %v", i, err)
		}
	}
	close(stop)
	wg.Wait()
}

func TestLogsKeepPatientsAndSecretsPrivate(t *testing.T) {
	env := map[string]string{"LOG_LEVEL": "debug", "LOG_FORMAT": "json", "RELOAD_TOKEN": reloadTk,
		"LOG_HASH_KEY": "hash-key-secret-77", "CLINIC_NAME": "Glow"}
	s := startSession(t, env)
	msgs := []string{"Hi it's Jane Doe, can I take a bath?", "my lips are swelling, 07700 900123", "what's the weather in Leeds"}
	for _, m := range msgs {
		s.say(m)
	}
	s.do("POST", "/-/reload", reloadTk)
	if err := s.end(); err != nil {
		t.Fatal(err)
	}
	logs := s.stderr.String()
	if n := strings.Count(logs, `"msg":"message handled"`); n != len(msgs) {
		t.Errorf("%d 'message handled' lines for %d messages:\n%s", n, len(msgs), logs)
	}
	for _, private := range []string{"Jane", "07700", "Leeds", "swelling,", reloadTk, "hash-key-secret-77"} {
		if strings.Contains(logs, private) {
			t.Errorf("logs contain %q:\n%s", private, logs)
		}
	}
}

// TestShutdownOrder: when the context ends, a runner finishing in-flight
// work still has the HTTP server; the server stops after the runners, and
// run returns nil.
func TestShutdownOrder(t *testing.T) {
	a, err := newApp(Config{LogFormat: "text"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	a.server = server.New(server.Options{Addr: addr, Health: a.health})
	inFlight, served := make(chan struct{}), make(chan int, 1)
	a.runners = []runner{{name: "fake", run: func(ctx context.Context) error {
		close(inFlight)
		<-ctx.Done()
		// Finishing an in-flight reply, which may need the server.
		resp, err := http.Get("http://" + addr + "/healthz")
		if err != nil {
			served <- 0
			return nil
		}
		resp.Body.Close()
		served <- resp.StatusCode
		return nil
	}}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.run(ctx) }()
	<-inFlight
	fixture.WaitFor(t, "the condition", func() bool {
		r, err := http.Get("http://" + addr + "/healthz")
		return err == nil && r.Body.Close() == nil
	})
	cancel()
	if code := <-served; code != 200 {
		t.Errorf("in-flight work after the signal got %d from the server, want 200", code)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run() = %v, want nil", err)
		}
	case <-time.After(fixture.Patience):
		t.Fatal("run did not return")
	}
}

func TestFailingRunnerStopsEverythingWithItsError(t *testing.T) {
	a, err := newApp(Config{LogFormat: "text", Telegram: TelegramConfig{Token: tgToken}}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	stopped := make(chan struct{})
	a.runners = []runner{
		{name: "telegram", run: func(ctx context.Context) error {
			return errors.New("bot token refused by https://api.telegram.org/bot" + tgToken + "/getMe: 401 Unauthorized")
		}},
		{name: "other", run: func(ctx context.Context) error { <-ctx.Done(); close(stopped); return ctx.Err() }},
	}
	err = a.run(context.Background())
	if err == nil || exitCode(err) != 1 || !strings.Contains(err.Error(), "telegram: bot token refused") || strings.Contains(err.Error(), tgToken) {
		t.Errorf("run() = %v (exit %d), want exit 1 naming the adapter, token redacted", err, exitCode(err))
	}
	select {
	case <-stopped:
	default:
		t.Error("the other runner was not stopped")
	}
}
