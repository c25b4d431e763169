package main

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/clinicbot/aftercare/internal/adapters/slack/slacktest"
	"github.com/clinicbot/aftercare/internal/adapters/telegram/telegramtest"
	"github.com/clinicbot/aftercare/internal/fixture"
	"github.com/clinicbot/aftercare/internal/intents"
	"github.com/clinicbot/aftercare/internal/store/storetest"
)

// startBoth runs the bot with fake Slack (Socket Mode) and Telegram, and
// env, until it is ready.
func startBoth(t *testing.T, env map[string]string) (*slacktest.Server, *telegramtest.Server, *session) {
	t.Helper()
	slack := slacktest.New(t, slacktest.Options{BotToken: xoxb, AppToken: xapp})
	tg := telegramtest.New(tgToken)
	t.Cleanup(tg.Close)
	env = maps.Clone(env)
	maps.Copy(env, map[string]string{"SLACK_BOT_TOKEN": xoxb, "SLACK_APP_TOKEN": xapp, "SLACK_API_URL": slack.APIURL(),
		"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_ENDPOINT": tg.Endpoint()})
	s := startSession(t, env)
	fixture.WaitFor(t, "the bot to be ready", func() bool { code, _ := s.get("/readyz"); return code == 200 })
	return slack, tg, s
}

// TestInboxInSlack: patients' declined questions in Telegram (one with a
// phone number) show in Slack's /aftercare inbox, grouped and masked, with
// buttons; marking a group takes it out of the inbox.
func TestInboxInSlack(t *testing.T) {
	for name, dbURL := range databases(t) {
		t.Run(name, func(t *testing.T) {
			slack, tg, s := startBoth(t, map[string]string{"DATABASE_URL": dbURL(t)})

			questions := []string{"can I go to the gym tomorrow?", "is the gym ok? call me on 07700 900123", "when can I get a tattoo", "tattoos after microneedling?"}
			for i, q := range questions {
				tg.Push(telegramtest.Text(int64(70+i), q))
			}
			fixture.WaitFor(t, "the declines", func() bool {
				for i := range questions {
					if len(tg.SentTo(int64(70+i))) != 1 {
						return false
					}
				}
				return true
			})

			slack.Send(t, slacktest.SlashCommand("env-1", slacktest.Command("UNURSE1", "CWARD", "inbox", slack.ResponseURL("r1"), "trig-1")))
			inbox := slack.WaitPosts(t, 1)[0].AllText()
			for _, want := range []string{"*gym* · 2 questions", "*tattoo", "call me on [number]"} {
				if !strings.Contains(inbox, want) {
					t.Errorf("inbox lacks %q:\n%s", want, inbox)
				}
			}
			if strings.Contains(inbox, "07700") {
				t.Errorf("inbox shows the phone number:\n%s", inbox)
			}
			var planGym string
			for _, b := range slack.Posts()[0].Buttons() {
				if b.Value == "inbox:planned:topic:gym" {
					planGym = b.ActionID
				}
			}
			if planGym == "" {
				t.Fatalf("no Planned button for the gym group: %+v", slack.Posts()[0].Buttons())
			}

			slack.Send(t, slacktest.Interactive("env-2", slacktest.ButtonPress("UNURSE1", "CWARD", "", planGym, "inbox:planned:topic:gym", slack.ResponseURL("r2"), "trig-2", true)))
			after := slack.WaitPosts(t, 2)[1].AllText()
			if !strings.Contains(after, "Marked as planned") || strings.Contains(after, "*gym*") || !strings.Contains(after, "*tattoo") {
				t.Errorf("after marking the gym group planned:\n%s", after)
			}
			if _, body := s.get("/metrics"); !strings.Contains(body, `aftercare_inbox_questions_total{platform="telegram",reason="out_of_scope"} 4`) {
				t.Error("the metrics do not count the 4 questions recorded")
			}
			if err := s.stop(); err != nil {
				t.Errorf("run() = %v", err)
			}
		})
	}
}

// TestNoneOfTheseUnderAnOlderQuestion: a patient gets "did you mean…?"
// twice, then presses None of these under the first: the inbox files the
// first question (masked), not the second, and the patient gets the
// decline.
func TestNoneOfTheseUnderAnOlderQuestion(t *testing.T) {
	for name, dbURL := range databases(t) {
		t.Run(name, func(t *testing.T) {
			slack, tg, s := startBoth(t, map[string]string{"DATABASE_URL": dbURL(t)})
			noneOf := func(n int, question string) string { // the None of these button of the nth reply
				t.Helper()
				tg.Push(telegramtest.Text(76, question))
				fixture.WaitFor(t, "the reply", func() bool { return len(tg.SentTo(76)) == n })
				var kb struct {
					InlineKeyboard [][]struct {
						Text         string `json:"text"`
						CallbackData string `json:"callback_data"`
					} `json:"inline_keyboard"`
				}
				json.Unmarshal([]byte(tg.SentTo(76)[n-1].Markup), &kb)
				for _, row := range kb.InlineKeyboard {
					for _, b := range row {
						if b.Text == "None of these" {
							return b.CallbackData
						}
					}
				}
				t.Fatalf("reply to %q = %q, want a did you mean with None of these", question, tg.SentTo(76)[n-1].Visible())
				return ""
			}
			older := noneOf(1, clarifying(t, "makeup wipes to get the numbing cream off after 2 hours?",
				"numbing cream still on after 2 hours, makeup wipes ok?"))
			newer := clarifying(t, "Can diabetics have a bath after?", "Insulin pump on, can I shower?",
				"metformin and the serum ok?", "whats the reason for not having baths")
			noneOf(2, newer)
			tg.Push(telegramtest.Callback(76, "cb-older", older))
			fixture.WaitFor(t, "the reply to None of these", func() bool { return len(tg.SentTo(76)) == 3 })
			if got := tg.SentTo(76)[2].Visible(); !strings.Contains(got, "I don't have information on that") {
				t.Errorf("after None of these the patient got %q, want the decline", got)
			}

			slack.Send(t, slacktest.SlashCommand("env-1", slacktest.Command("UNURSE1", "CWARD", "inbox", slack.ResponseURL("r1"), "trig-1")))
			inbox := slack.WaitPosts(t, 1)[0].AllText()
			if !strings.Contains(inbox, "numbing cream") || !strings.Contains(inbox, "[number] hours") || strings.Contains(inbox, newer) {
				t.Errorf("inbox:\n%s\nwant the first question, masked, and not the second", inbox)
			}
			if _, body := s.get("/metrics"); !strings.Contains(body, `aftercare_inbox_questions_total{platform="telegram",reason="none_of_these"} 1`) {
				t.Error("the metrics do not count the question filed")
			}
			if err := s.stop(); err != nil {
				t.Errorf("run() = %v", err)
			}
		})
	}
}

// clarifying returns the first of questions the built-in matcher answers
// with "did you mean…?", so that a test about that reply does not depend
// on where tuning has left one wording.
func clarifying(t *testing.T, questions ...string) string {
	t.Helper()
	_, m, err := loadContent("")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range questions {
		if m.Match(q).Kind == intents.KindClarify {
			return q
		}
	}
	t.Fatalf("none of %q gets a did you mean", questions)
	return ""
}

// TestInboxExportRoundTrip: questions patients asked are exported as a
// TSV that bot eval reads: refused while nothing is labelled, measured
// once a row is labelled, the unlabelled rows left out.
func TestInboxExportRoundTrip(t *testing.T) {
	dbURL := storetest.SQLiteURL(t)
	tg := telegramtest.New(tgToken)
	t.Cleanup(tg.Close)
	s := startSession(t, map[string]string{"DATABASE_URL": dbURL, "TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_ENDPOINT": tg.Endpoint()})
	tg.Push(telegramtest.Text(70, "can I go to the gym? my number is 07700 900123"))
	tg.Push(telegramtest.Text(71, "when can I get a tattoo"))
	fixture.WaitFor(t, "the declines", func() bool { return len(tg.SentTo(70)) == 1 && len(tg.SentTo(71)) == 1 })
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}

	file := filepath.Join(t.TempDir(), "asked.tsv")
	env := map[string]string{"DATABASE_URL": dbURL}
	if _, errOut, code := runBot(t, env, "", "inbox", "export", "--since", "7d", file); code != 0 || !strings.Contains(errOut, "2 questions written") {
		t.Fatalf("bot inbox export: exit %d, %s", code, errOut)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	slices.Sort(lines[1:]) // newest first; the two may have been asked in the same microsecond
	want := []string{"question\texpected\turgent\tsource",
		"can I go to the gym? my number is [number]\t\t\tinbox out_of_scope gym",
		"when can I get a tattoo\t\t\tinbox out_of_scope tattoo"}
	if !slices.Equal(lines, want) {
		t.Errorf("exported\n%q\nwant\n%q", lines, want)
	}
	if _, errOut, code := runBot(t, nil, "", "eval", file); code != 1 || !strings.Contains(errOut, "none of its 2 questions is labelled yet") {
		t.Errorf("bot eval on the export: exit %d, %s", code, errOut)
	}
	labelled := strings.Replace(string(data), "gym? my number is [number]\t\t", "gym? my number is [number]\tnone\t0", 1)
	if err := os.WriteFile(file, []byte(labelled), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runBot(t, nil, "", "eval", file)
	if code != 0 || !strings.Contains(errOut, "1 questions not labelled yet") || !strings.Contains(out, "out of scope") {
		t.Errorf("bot eval on a labelled row: exit %d\n%s\n%s", code, out, errOut)
	}
	if _, errOut, code := runBot(t, env, "", "inbox", "export", "--since", "soon"); code != 2 {
		t.Errorf("bot inbox export --since soon: exit %d, %s; want 2", code, errOut)
	}
}
