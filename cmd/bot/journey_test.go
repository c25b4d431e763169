package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/clinicbot/aftercare/internal/adapters/slack/slacktest"
	"github.com/clinicbot/aftercare/internal/adapters/telegram/telegramtest"
	"github.com/clinicbot/aftercare/internal/fixture"
)

var deepLinkRe = regexp.MustCompile(`https://t\.me/AftercareBot\?start=([A-Za-z0-9_-]+)`)

// treatedAtRe is the welcome's treatment time. An invite made "2 hours ago"
// shortly after midnight in the clinic's zone falls on yesterday.
var treatedAtRe = regexp.MustCompile(`Your treatment was (today|yesterday) at \d\d:\d\d\.`)

// TestInviteRoundTrip: staff make an invite in Slack, the patient opens it
// in Telegram, is welcomed with their treatment time and says yes to
// reminders; the link then works no more.
func TestInviteRoundTrip(t *testing.T) {
	for name, dbURL := range databases(t) {
		t.Run(name, func(t *testing.T) {
			slack, tg, s := startBoth(t, map[string]string{"DATABASE_URL": dbURL(t), "CLINIC_TIMEZONE": "Europe/London"})

			slack.Send(t, slacktest.SlashCommand("env-1", slacktest.Command("UNURSE1", "CWARD", "invite 2 hours ago", slack.ResponseURL("r1"), "trig-1")))
			post := slack.WaitPosts(t, 1)[0]
			m := deepLinkRe.FindStringSubmatch(post.AllText())
			if m == nil || !strings.Contains(post.AllText(), "```") || !strings.Contains(post.AllText(), "██") {
				t.Fatalf("invite post = %s; want the deep link and a QR code", post.AllText())
			}
			token := m[1]
			if len(token) > 64 {
				t.Errorf("token %q is longer than Telegram allows", token)
			}

			tg.Push(telegramtest.Text(77, "/start "+token))
			fixture.WaitFor(t, "the welcome", func() bool { return len(tg.SentTo(77)) == 1 })
			welcome := tg.SentTo(77)[0]
			if !treatedAtRe.MatchString(welcome.Visible()) || !strings.Contains(welcome.Markup, "choose:reminders:on") {
				t.Errorf("welcome = %q %s; want the treatment time and the reminders offer", welcome.Visible(), welcome.Markup)
			}
			tg.Push(telegramtest.Callback(77, "cb-1", "choose:reminders:on"))
			fixture.WaitFor(t, "reminders on", func() bool { return len(tg.SentTo(77)) == 2 })
			if got := tg.SentTo(77)[1].Visible(); !strings.Contains(got, "Reminders are on") || !strings.Contains(got, "09:00 and 20:00") {
				t.Errorf("after Yes: %q", got)
			}
			tg.Push(telegramtest.Text(77, "can I wear make-up tonight?"))
			fixture.WaitFor(t, "the answer", func() bool { return len(tg.SentTo(77)) == 3 })
			if got := tg.SentTo(77)[2].Visible(); !strings.Contains(got, "so until at least") {
				t.Errorf("make-up answer = %q; want the 8-hour line", got)
			}

			tg.Push(telegramtest.Text(88, "/start "+token)) // someone else, the same link
			fixture.WaitFor(t, "the second welcome", func() bool { return len(tg.SentTo(88)) == 1 })
			if got := tg.SentTo(88)[0].Visible(); !strings.Contains(got, "already been used") || strings.Contains(got, "Your treatment was") {
				t.Errorf("a used link: %q", got)
			}
			tg.Push(telegramtest.Text(89, "/start notAtokenWeMade"))
			fixture.WaitFor(t, "the third welcome", func() bool { return len(tg.SentTo(89)) == 1 })
			if got := tg.SentTo(89)[0].Visible(); !strings.Contains(got, "expired") {
				t.Errorf("an unknown link: %q", got)
			}
			if err := s.stop(); err != nil {
				t.Errorf("run() = %v", err)
			}
			if strings.Contains(s.stderr.String(), token) {
				t.Error("the invite token is in the logs")
			}
		})
	}
}

func TestInviteCommand(t *testing.T) {
	env := map[string]string{"DATABASE_URL": "sqlite:" + t.TempDir() + "/a.db", "TELEGRAM_BOT_USERNAME": "@GlowAftercareBot", "CLINIC_TIMEZONE": "Europe/London"}
	out, errOut, code := runBot(t, env, "", "invite", "--treated", "yesterday 10:30")
	if code != 0 || !strings.Contains(out, "treated yesterday at 10:30") || !strings.Contains(out, "https://t.me/GlowAftercareBot?start=") || !strings.Contains(out, "▀") {
		t.Errorf("bot invite: exit %d, %q, %q", code, out, errOut)
	}
	_, errOut, code = runBot(t, map[string]string{"DATABASE_URL": env["DATABASE_URL"]}, "", "invite")
	if code != 1 || !strings.Contains(errOut, "TELEGRAM_BOT_USERNAME") {
		t.Errorf("bot invite without a username: exit %d, %q", code, errOut)
	}
	_, errOut, code = runBot(t, env, "", "invite", "--treated", "nonsense")
	if code != 1 || !strings.Contains(errOut, "couldn't read a treatment time") {
		t.Errorf("bot invite --treated nonsense: exit %d, %q", code, errOut)
	}
	out, errOut, code = runBot(t, env, "", "invite", "--treated", "yesterday 10:30", "--ref", "A-1234")
	if code != 0 || !strings.Contains(out, "treated yesterday at 10:30") || !strings.Contains(out, "Clinic ref A-1234") {
		t.Errorf("bot invite --ref A-1234: exit %d, %q, %q", code, out, errOut)
	}
	_, errOut, code = runBot(t, env, "", "invite", "--ref=Jane Smith")
	if code != 1 || !strings.Contains(errOut, "a clinic ref is your own record or booking number") {
		t.Errorf("bot invite --ref \"Jane Smith\": exit %d, %q", code, errOut)
	}
}
