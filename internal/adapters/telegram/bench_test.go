package telegram_test

import (
	"testing"
	"time"

	"github.com/clinicbot/aftercare/internal/fixture"

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
	bot := start(b, fake, fixture.Service(b, glow), func(c *telegram.Config) {
		c.Limits = telegram.Limits{PerChat: 1e6, PerChatBurst: 1e6, Global: 1e6, GlobalBurst: 1e6}
		c.Workers = 32
		c.MaxPending = 512
	})
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
