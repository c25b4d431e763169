package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/clinicbot/aftercare/internal/adapters/telegram/telegramtest"
	"github.com/clinicbot/aftercare/internal/fixture"
	"github.com/clinicbot/aftercare/internal/store/storetest"
)

// Two replicas long-polling Telegram with one token on one PostgreSQL:
// one polls at a time (Telegram would answer a second poller 409), every
// message is answered once, and when the poller stops the other takes
// over and answers what comes next.
func TestTwoPollingReplicasOnePoller(t *testing.T) {
	dbURL := storetest.PostgresURL(t)
	defer func(every, alive time.Duration) { replicaEvery, replicaAlive = every, alive }(replicaEvery, replicaAlive)
	replicaEvery, replicaAlive = 100*time.Millisecond, time.Second
	fake := telegramtest.New(tgToken)
	t.Cleanup(fake.Close)
	env := func() map[string]string {
		return map[string]string{"TELEGRAM_BOT_TOKEN": tgToken, "TELEGRAM_API_ENDPOINT": fake.Endpoint(), "DATABASE_URL": dbURL}
	}
	first, second := startSession(t, env()), startSession(t, env())
	const chats = 12
	for i := range chats {
		fake.Push(telegramtest.Text(int64(300+i), fmt.Sprintf("can I take a bath %d?", i)))
	}
	fixture.WaitFor(t, "every message answered", func() bool { return len(fake.Sent()) >= chats })
	leader, standby := first, second
	if strings.Contains(second.stderr.String(), "this replica polls for updates") {
		leader, standby = second, first
	}
	if err := leader.stop(); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	fake.Push(telegramtest.Text(400, "and a shower?"))
	fixture.WaitFor(t, "the other replica to take over", func() bool { return len(fake.SentTo(400)) == 1 })
	t.Logf("the standby answered %v after the poller stopped", time.Since(start).Round(10*time.Millisecond))
	if !strings.Contains(standby.stderr.String(), "this replica polls for updates") {
		t.Errorf("the standby's log does not say it took over:\n%s", standby.stderr)
	}
	for i := range chats {
		if n := len(fake.SentTo(int64(300 + i))); n != 1 {
			t.Errorf("chat %d answered %d times, want once", 300+i, n)
		}
	}
	if err := standby.stop(); err != nil {
		t.Fatal(err)
	}
	if n := fake.Conflicts(); n != 0 {
		t.Errorf("Telegram refused %d getUpdates with 409 Conflict; want one poller at a time", n)
	}
}
