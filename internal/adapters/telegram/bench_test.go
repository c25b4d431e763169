package telegram_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/desk"
	"github.com/clinicbot/aftercare/internal/fixture"
	"github.com/clinicbot/aftercare/internal/store/storetest"

	"github.com/clinicbot/aftercare/internal/adapters/telegram"
	"github.com/clinicbot/aftercare/internal/adapters/telegram/telegramtest"
)

var questions = []string{"can I take a bath?", "face sooo itchy", "how many drops of serum", "can i wear makeup tonight",
	"my lips are swelling", "hello", "what's the weather", "red and tight day 2"}

// BenchmarkUpdates drives b.N updates from 100 chats through the adapter
// (real library, real conversation service) against the fake Bot API, with
// Telegram's rate limits raised. Allocations include the fake's.
func BenchmarkUpdates(b *testing.B) {
	fake := newFake(b, token)
	bot := start(b, fake, fixture.Service(b, glow), unlimited)
	benchUpdates(b, fake, bot)
}

// BenchmarkUpdatesThroughDesk is BenchmarkUpdates through the desk, with
// every update claimed, its person recorded and its outcome stored in a
// SQLite file: what production does.
func BenchmarkUpdatesThroughDesk(b *testing.B) {
	fake := newFake(b, token)
	db := storetest.Open(b, "sqlite:"+filepath.Join(b.TempDir(), "bench.db"))
	d, err := desk.New(desk.Config{Store: db, Replier: fixture.Service(b, glow)})
	if err != nil {
		b.Fatal(err)
	}
	bot := startHandler(b, fake, d, func(a *telegram.Adapter) { d.Register(aftercare.Telegram, a) }, unlimited)
	benchUpdates(b, fake, bot)
}

// unlimited raises Telegram's limits and the parallelism for benchmarks.
func unlimited(c *telegram.Config) {
	c.Limits = telegram.Limits{PerChat: 1e6, PerChatBurst: 1e6, Global: 1e6, GlobalBurst: 1e6}
	c.Workers = 32
	c.MaxPending = 512
}

// benchUpdates pushes b.N updates from 100 chats and waits for every answer.
func benchUpdates(b *testing.B, fake *telegramtest.Server, bot *bot) {
	<-bot.ready
	b.ReportAllocs()
	b.ResetTimer()
	began := time.Now()
	for i := 0; i < b.N; i++ {
		fake.Push(telegramtest.Text(int64(1000+i%100), questions[i%len(questions)]))
	}
	deadline := time.Now().Add(time.Minute)
	for len(fake.Sent()) < b.N {
		if time.Now().After(deadline) {
			b.Fatalf("%d of %d answered", len(fake.Sent()), b.N)
		}
		time.Sleep(time.Millisecond)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/time.Since(began).Seconds(), "updates/s")
}
