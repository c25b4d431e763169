package slack

import (
	"context"
	"time"
)

// work answers the jobs of one queue until it is closed and empty.
func (a *Adapter) work(ctx context.Context, jobs <-chan job) {
	for j := range jobs {
		a.answer(ctx, j)
	}
}

// answer asks the Answerer, posts its reply (for /aftercare topics, the
// list of topics) and records the latency from receipt to delivery. A reply
// that cannot be delivered is logged and counted by send.
func (a *Adapter) answer(ctx context.Context, j job) {
	m := renderReply(a.cfg.Bot.Answer(ctx, j.msg)) // every message is logged and counted
	if j.topics {
		m = renderTopics(a.cfg.Bot.Sections())
	}
	if a.send(ctx, j, m) {
		a.cfg.Recorder.ReplyLatency(Platform, time.Since(j.received))
	}
}

// discard drops the jobs left in a closed queue when Run ends before its
// workers could start (the token was refused), logging and counting them.
func (a *Adapter) discard() {
	for _, jobs := range a.queue.shards {
		for j := range jobs {
			a.giveUp(j, "shutdown", errStopping, 0)
		}
	}
}
