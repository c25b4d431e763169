package telegram

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"io"
	"net/http"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// secretHeader carries the webhook's secret token.
const secretHeader = "X-Telegram-Bot-Api-Secret-Token"

// webhookWait is how long a webhook request waits for its update to be
// answered before telling Telegram to deliver it again (503); Telegram
// gives up at about a minute and would deliver it again anyway.
const webhookWait = 50 * time.Second

// webhook receives updates Telegram posts. A request is answered 200 only
// once its update has been handled, so an update is lost neither when the
// bot stops nor when it crashes; Telegram redelivers what was not answered.
// Redeliveries are recognised by the Handler (the desk records every
// update it handled), so they are answered once even across restarts.
type webhook struct {
	a    *Adapter
	path string
	jobs chan webhookJob
}

type webhookJob struct {
	update tgbotapi.Update
	done   chan struct{}
}

func newWebhook(a *Adapter, path string) *webhook {
	return &webhook{a: a, path: path, jobs: make(chan webhookJob)}
}

// ServeHTTP checks the secret (constant time; 401 when wrong or missing),
// decodes the update and waits for it to be handled. The server's write
// timeout is shorter than the wait, so this handler extends its own write
// deadline: cut off, Telegram would see an error and deliver the update
// again.
func (h *webhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Not every ResponseWriter supports deadlines (httptest's recorder);
	// then there is no server timeout to extend either.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(webhookWait + 10*time.Second))
	got := []byte(r.Header.Get(secretHeader))
	if subtle.ConstantTimeCompare(got, []byte(h.a.cfg.WebhookSecret)) != 1 {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "cannot read body", http.StatusRequestEntityTooLarge)
		return
	}
	var u tgbotapi.Update
	if err := json.Unmarshal(body, &u); err != nil {
		// Telegram would send it again and again; skip it.
		h.a.cfg.Logger.Error("telegram: skipping a webhook update that cannot be decoded", "err", err)
		w.WriteHeader(http.StatusOK)
		return
	}
	j := webhookJob{update: u, done: make(chan struct{})}
	handoff := time.NewTimer(h.a.cfg.WebhookHandoff)
	defer handoff.Stop()
	select {
	case h.jobs <- j:
	case <-h.a.stopping:
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	case <-handoff.C:
		// Every worker busy and the queue full: the update waits at
		// Telegram (which delivers it again) rather than as an open
		// connection here.
		http.Error(w, "busy; deliver again later", http.StatusServiceUnavailable)
		return
	case <-r.Context().Done():
		return
	}
	select {
	case <-j.done:
	case <-time.After(webhookWait):
		// Not finished yet: Telegram delivers it again, and the desk
		// answers it once.
		http.Error(w, "still handling the update", http.StatusServiceUnavailable)
		return
	case <-r.Context().Done():
	case <-h.a.drained:
		// The bot stopped before this update was finished with: Telegram
		// delivers it again (to this bot after a restart, or to another
		// replica), and the desk answers it once.
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// serveWebhook takes updates from the webhook handler until ctx ends.
func (a *Adapter) serveWebhook(ctx, sendCtx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			close(a.stopping)
			return nil
		case j := <-a.hook.jobs:
			a.enqueue(sendCtx, job{update: j.update, received: time.Now()}, func() { close(j.done) })
		}
	}
}
