package main

import (
	"strings"
	"testing"

	"github.com/clinicbot/aftercare/internal/adapters/slack/slacktest"
	"github.com/clinicbot/aftercare/internal/fixture"
)

// TestSlackEndToEnd runs the whole bot in Socket Mode against a fake Slack:
// ready once connected, a mention answered in its thread with the staff
// explanation, metrics counted, logs private, clean stop.
func TestSlackEndToEnd(t *testing.T) {
	for name, dbURL := range databases(t) {
		t.Run(name, func(t *testing.T) {
			fake := slacktest.New(t, slacktest.Options{BotToken: xoxb, AppToken: xapp})
			s := startSession(t, map[string]string{"DATABASE_URL": dbURL(t), "SLACK_BOT_TOKEN": xoxb, "SLACK_APP_TOKEN": xapp, "SLACK_API_URL": fake.APIURL(), "LOG_FORMAT": "json"})
			fixture.WaitFor(t, "the bot to be ready", func() bool { code, _ := s.get("/readyz"); return code == 200 })

			mention := slacktest.Mention("UNURSE1", "CWARD", "1700000000.000100", "", "<@"+fake.BotUserID()+"> can patients take a bath?")
			fake.Send(t, slacktest.EventsAPI("env-1", "Ev1", mention))
			post := fake.WaitPosts(t, 1)[0]
			if post.Channel != "CWARD" || post.ThreadTS != "1700000000.000100" || !strings.Contains(post.AllText(), "blocked drains") ||
				!strings.Contains(post.AllText(), "confidence") {
				t.Errorf("post = %+v", post)
			}
			fake.WaitAck(t, "env-1")
			fixture.WaitFor(t, "slack metrics", func() bool {
				_, body := s.get("/metrics")
				return strings.Contains(body, `aftercare_replies_total{kind="answer",platform="slack"} 1`) &&
					strings.Contains(body, `aftercare_reply_latency_seconds_count{platform="slack"} 1`)
			})
			if err := s.stop(); err != nil { // as SIGTERM does
				t.Errorf("run() = %v, want nil after the signal", err)
			}
			logs := s.stderr.String()
			for _, private := range []string{xoxb, xapp, "take a bath", "UNURSE1"} {
				if strings.Contains(logs, private) {
					t.Errorf("logs contain %q:\n%s", private, logs)
				}
			}
		})
	}
}

func TestSlackRefusedTokenExitsOne(t *testing.T) {
	fake := slacktest.New(t, slacktest.Options{BotToken: "xoxb-the-right-one", AppToken: xapp})
	env := map[string]string{"SLACK_BOT_TOKEN": xoxb, "SLACK_APP_TOKEN": xapp, "SLACK_API_URL": fake.APIURL(), "HTTP_ADDR": freeAddr(t)}
	_, errOut, code := runBot(t, env, "")
	if code != 1 || !strings.Contains(errOut, "slack: credentials refused: bot token") || strings.Contains(errOut, xoxb) {
		t.Errorf("refused token: exit %d, %q", code, errOut)
	}
}
