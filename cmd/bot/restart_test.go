package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/adapters/console"
	"github.com/clinicbot/aftercare/internal/adapters/slack/slacktest"
	"github.com/clinicbot/aftercare/internal/adapters/telegram/telegramtest"
	"github.com/clinicbot/aftercare/internal/fixture"
	"github.com/clinicbot/aftercare/internal/store"
	"github.com/clinicbot/aftercare/internal/store/storetest"
)

// databases are the stores the end-to-end tests run on: a SQLite file, and
// PostgreSQL when TEST_DATABASE_URL names one (see storetest).
func databases(t *testing.T) map[string]func(t *testing.T) string {
	return map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return storetest.SQLiteURL(t) },
		"postgres": func(t *testing.T) string { return storetest.PostgresURL(t) },
	}
}

// Telegram delivers an update again when the bot did not confirm it (it
// crashed, or the confirmation was lost); the bot, restarted on the same
// database, must not answer it twice.
func TestTelegramRedeliveryAfterRestartIsAnsweredOnce(t *testing.T) {
	for name, dbURL := range databases(t) {
		t.Run(name, func(t *testing.T) {
			fake := telegramtest.New(tgToken)
			t.Cleanup(fake.Close)
			env := map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_ENDPOINT": fake.Endpoint(), "DATABASE_URL": dbURL(t)}
			update := func() map[string]any {
				u := telegramtest.Text(77, "can I take a bath tonight?")
				u["update_id"] = 500
				return u
			}
			callback := func() map[string]any {
				u := telegramtest.Callback(77, "cb-1", "item:home.shower")
				u["update_id"] = 501
				return u
			}

			first := startSession(t, env)
			fake.Push(update())
			fake.Push(callback())
			fixture.WaitFor(t, "both answers", func() bool { return len(fake.SentTo(77)) == 2 })
			if err := first.stop(); err != nil {
				t.Fatal(err)
			}

			second := startSession(t, env)
			fixture.WaitFor(t, "the bot to be ready", func() bool { code, _ := second.get("/readyz"); return code == 200 })
			fake.Push(update())   // Telegram delivers both again
			fake.Push(callback()) // (same update_id, same callback ID)
			fake.Push(telegramtest.Text(77, "and a shower?"))
			fixture.WaitFor(t, "the new message's answer", func() bool { return len(fake.SentTo(77)) >= 3 })
			fixture.WaitFor(t, "the duplicates counted", func() bool {
				_, body := second.get("/metrics")
				return strings.Contains(body, `aftercare_deliveries_total{outcome="duplicate",platform="telegram"} 2`)
			})
			if err := second.stop(); err != nil {
				t.Fatal(err)
			}
			if sent := fake.SentTo(77); len(sent) != 3 {
				t.Errorf("sent %d messages; want 3 (the redeliveries not answered again)", len(sent))
			}
		})
	}
}

// Slack delivers an event again when it was not acknowledged in time; the
// bot, restarted on the same database, must not answer it twice.
func TestSlackRedeliveryAfterRestartIsAnsweredOnce(t *testing.T) {
	for name, dbURL := range databases(t) {
		t.Run(name, func(t *testing.T) {
			fake := slacktest.New(t, slacktest.Options{BotToken: xoxb, AppToken: xapp})
			env := map[string]string{"SLACK_BOT_TOKEN": xoxb, "SLACK_APP_TOKEN": xapp, "SLACK_API_URL": fake.APIURL(), "DATABASE_URL": dbURL(t)}
			mention := slacktest.Mention("UNURSE1", "CWARD", "1700000000.000100", "", "<@"+fake.BotUserID()+"> can patients take a bath?")

			first := startSession(t, env)
			fixture.WaitFor(t, "the bot to be ready", func() bool { code, _ := first.get("/readyz"); return code == 200 })
			fake.Send(t, slacktest.EventsAPI("env-1", "Ev1", mention))
			fake.WaitPosts(t, 1)
			fake.WaitAck(t, "env-1")
			if err := first.stop(); err != nil {
				t.Fatal(err)
			}

			second := startSession(t, env)
			fixture.WaitFor(t, "the bot to be ready", func() bool { code, _ := second.get("/readyz"); return code == 200 })
			retry := slacktest.EventsAPI("env-2", "Ev1", mention)
			retry.RetryAttempt, retry.RetryReason = 1, "timeout"
			fake.Send(t, retry)
			fake.Send(t, slacktest.EventsAPI("env-3", "Ev2", slacktest.Mention("UNURSE1", "CWARD", "1700000000.000200", "", "<@"+fake.BotUserID()+"> and a shower?")))
			fake.WaitPosts(t, 2)
			fixture.WaitFor(t, "the duplicate counted", func() bool {
				_, body := second.get("/metrics")
				return strings.Contains(body, `aftercare_deliveries_total{outcome="duplicate",platform="slack"} 1`)
			})
			if err := second.stop(); err != nil {
				t.Fatal(err)
			}
			if posts := fake.Posts(); len(posts) != 2 || !strings.Contains(posts[1].AllText(), "shower") {
				t.Errorf("%d posts; want 2: the repeated event not answered again", len(posts))
			}
		})
	}
}

// /forget asks first, then deletes what the store keeps about the patient
// and says so.
func TestTelegramForget(t *testing.T) {
	fake := telegramtest.New(tgToken)
	t.Cleanup(fake.Close)
	dbURL := "sqlite:" + filepath.Join(t.TempDir(), "aftercare.db")
	s := startSession(t, map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_ENDPOINT": fake.Endpoint(), "DATABASE_URL": dbURL})
	fake.Push(telegramtest.Text(88, "can I take a bath?"))
	fake.Push(telegramtest.Text(88, "/forget"))
	fixture.WaitFor(t, "the question", func() bool { return len(fake.SentTo(88)) == 2 })
	ask := fake.SentTo(88)[1]
	if !strings.Contains(ask.Visible(), "delete everything I keep about you") ||
		!strings.Contains(ask.Markup, "choose:forget:yes") || !strings.Contains(ask.Markup, "choose:forget:cancel") {
		t.Fatalf("/forget = %q with buttons %s", ask.Visible(), ask.Markup)
	}
	if !storedPerson(t, dbURL, aftercare.Actor{Platform: aftercare.Telegram, UserID: "88"}) {
		t.Fatal("the patient was not stored")
	}
	fake.Push(telegramtest.Callback(88, "cb-forget", "choose:forget:yes"))
	fixture.WaitFor(t, "the confirmation", func() bool { return len(fake.SentTo(88)) == 3 })
	if got := fake.SentTo(88)[2].Visible(); !strings.Contains(got, "I have deleted everything") {
		t.Errorf("after yes: %q", got)
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	if storedPerson(t, dbURL, aftercare.Actor{Platform: aftercare.Telegram, UserID: "88"}) {
		t.Error("the patient is still stored after /forget")
	}
}

// storedPerson reports whether the database at dbURL holds who.
func storedPerson(t *testing.T, dbURL string, who aftercare.Actor) bool {
	t.Helper()
	db := storetest.Open(t, dbURL)
	defer db.Close()
	var ok bool
	err := db.Tx(t.Context(), func(tx *store.Tx) (err error) {
		_, ok, err = tx.Person(t.Context(), who)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

func TestDatabaseSettings(t *testing.T) {
	closed := freeAddr(t) // nothing listens there
	tests := []struct {
		name     string
		env      map[string]string
		code     int
		want     string
		notShown string
	}{
		{"malformed", map[string]string{"DATABASE_URL": "mysql://root:hunter2@db/x"}, 2, "DATABASE_URL", "hunter2"},
		{"sqlite without a path", map[string]string{"DATABASE_URL": "sqlite:"}, 2, "DATABASE_URL", ""},
		{"bad retention", map[string]string{"RETENTION": "forever"}, 2, "RETENTION (--retention)", ""},
		{"unreachable PostgreSQL", map[string]string{"DATABASE_URL": "postgres://bot:hunter2@" + closed + "/aftercare?sslmode=disable&connect_timeout=2"}, 1, "database", "hunter2"},
		{"no place for the database", map[string]string{"STATE_DIRECTORY": "", "XDG_STATE_HOME": "", "HOME": ""}, 2, "DATABASE_URL", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, code := runBot(t, tc.env, "hello\n")
			if code != tc.code || !strings.Contains(errOut, tc.want) || (tc.notShown != "" && strings.Contains(errOut, tc.notShown)) {
				t.Errorf("exit %d, %q; want %d naming %q, without %q", code, errOut, tc.code, tc.want, tc.notShown)
			}
		})
	}
}

// The default database is a SQLite file in the state directory, created
// with its directory.
func TestDefaultDatabaseIsCreatedInTheStateDirectory(t *testing.T) {
	xdg := t.TempDir()
	_, errOut, code := runBot(t, map[string]string{"STATE_DIRECTORY": "", "XDG_STATE_HOME": xdg}, "can I take a bath?\n")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !storedPerson(t, "sqlite:"+filepath.Join(xdg, "aftercare-bot", "aftercare.db"), console.Person) {
		t.Error("the console's person was not stored in $XDG_STATE_HOME/aftercare-bot/aftercare.db")
	}
}

// A database lost while the bot runs makes it unready, with the reason.
func TestLostDatabaseMakesTheBotUnready(t *testing.T) {
	defer func(d time.Duration) { storeCheckEvery = d }(storeCheckEvery)
	storeCheckEvery = 10 * time.Millisecond
	cfg, _, err := parseConfig("bot", nil, testEnv(t, nil), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	a, err := newApp(cfg, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.openStore(t.Context(), testEnv(t, nil)); err != nil {
		t.Fatal(err)
	}
	if ok, why := a.health.Ready(); !ok {
		t.Fatalf("not ready with the database open: %s", why)
	}
	a.store.Close() // as if the database went away
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- a.checkStore(ctx) }()
	fixture.WaitFor(t, "the bot to be unready", func() bool { ok, _ := a.health.Ready(); return !ok })
	cancel()
	<-done
	if _, why := a.health.Ready(); !strings.Contains(why, "database unreachable") {
		t.Errorf("readiness says %q; want the database named", why)
	}
}
