package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"
)

// Route chooses where one attempt to deliver an update by webhook goes:
// the base URL ("http://127.0.0.1:8080") of one of the bot's HTTP servers,
// as the load balancer in front of several replicas would. attempt is 0
// for the first delivery, 1 for the first redelivery, and so on. It is
// called from the delivering goroutine.
type Route func(updateID, attempt int) string

// Attempt is one POST of an update to a webhook.
type Attempt struct {
	Target string    // the base URL it went to
	At     time.Time // when it was posted
	// Status is the HTTP status answered: 0 while on the wire, and when
	// none came (connection refused or reset, timeout).
	Status int
	Done   bool // the attempt is over
}

// Delivery is one update delivered by webhook as Telegram delivers it:
// posted to the URL registered with setWebhook, with the registered secret
// in X-Telegram-Bot-Api-Secret-Token, and posted again, after a pause,
// while the answer is not 200.
type Delivery struct {
	UpdateID int
	Attempts []Attempt
	OK       bool // a replica answered 200
	// Dropped: the update is of a kind the webhook's allowed_updates
	// leaves out, so Telegram never delivers it (no attempt is made).
	Dropped bool
	kinds   []string // the update's kinds: "message", "callback_query"…
}

// Posted is when the update was first posted.
func (d Delivery) Posted() time.Time {
	if len(d.Attempts) == 0 {
		return time.Time{}
	}
	return d.Attempts[0].At
}

// webhooks is the Server's webhook delivery state, under Server.mu.
type webhooks struct {
	deliveries []*Delivery
	redeliver  time.Duration // the pause before a redelivery (default 500 ms)
	wg         sync.WaitGroup
	ctx        context.Context // ends at Close: deliveries stop
	cancel     context.CancelFunc
	client     *http.Client
}

// webhookTimeout is how long the fake waits for a webhook's answer, as
// Telegram gives up on a webhook after about a minute.
const webhookTimeout = 60 * time.Second

// Redeliver sets the pause before an update whose delivery failed is
// posted again (500 ms unless set; Telegram waits longer).
func (s *Server) Redeliver(after time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hooks.redeliver = after
}

// Deliver posts update to the bot's webhook, as Telegram does, and keeps
// posting it until an answer is 200 or the Server is closed; route says
// where each attempt goes. Deliver returns at once, with the update's
// update_id (assigned as Push assigns it, unless update has one: giving an
// update_id already delivered delivers that update again, independently,
// as a platform's duplicate). The webhook's path, secret and
// allowed_updates are those of the last setWebhook request: until there
// is one, attempts fail; an update of a kind it does not allow is never
// delivered (Dropped).
func (s *Server) Deliver(update map[string]any, route Route) int {
	s.mu.Lock()
	id := s.nextID
	if v, ok := update["update_id"].(int); ok {
		id = v
	}
	update["update_id"] = id
	s.nextID = max(s.nextID, id+1)
	if s.hooks.ctx == nil {
		s.hooks.ctx, s.hooks.cancel = context.WithCancel(context.Background())
		s.hooks.client = &http.Client{Timeout: webhookTimeout, Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
	}
	d := &Delivery{UpdateID: id}
	for k := range update {
		if k != "update_id" {
			d.kinds = append(d.kinds, k)
		}
	}
	s.hooks.deliveries = append(s.hooks.deliveries, d)
	s.hooks.wg.Add(1)
	ctx := s.hooks.ctx
	s.mu.Unlock()
	body, _ := json.Marshal(update)
	go s.deliver(ctx, d, body, route)
	return id
}

// deliver posts body until it is answered 200 or ctx ends.
func (s *Server) deliver(ctx context.Context, d *Delivery, body []byte, route Route) {
	defer s.hooks.wg.Done()
	if !s.allowedByWebhook(d.kinds) {
		s.mu.Lock()
		d.Dropped = true
		s.mu.Unlock()
		return
	}
	for attempt := 0; ; attempt++ {
		if s.post(ctx, d, route(d.UpdateID, attempt), body) == http.StatusOK {
			return
		}
		s.mu.Lock()
		pause := s.hooks.redeliver
		s.mu.Unlock()
		if pause <= 0 {
			pause = 500 * time.Millisecond
		}
		select {
		case <-time.After(pause):
		case <-ctx.Done():
			return
		}
	}
}

// post makes one attempt and records it; it returns the status, 0 for
// none.
func (s *Server) post(ctx context.Context, d *Delivery, target string, body []byte) int {
	hookURL, secret := s.webhook()
	s.mu.Lock()
	i := len(d.Attempts)
	d.Attempts = append(d.Attempts, Attempt{Target: target, At: time.Now()})
	client := s.hooks.client
	s.mu.Unlock()
	status := 0
	if hookURL != nil {
		req, err := http.NewRequestWithContext(ctx, "POST", target+hookURL.Path, bytes.NewReader(body))
		if err == nil {
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
			if resp, err := client.Do(req); err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				status = resp.StatusCode
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d.Attempts[i].Status, d.Attempts[i].Done = status, true
	d.OK = d.OK || status == http.StatusOK
	return status
}

// webhook returns the URL and secret of the last setWebhook request, or
// nil when none was made.
func (s *Server) webhook() (*url.URL, string) {
	reqs := s.Requests("setWebhook")
	if len(reqs) == 0 {
		return nil, ""
	}
	last := reqs[len(reqs)-1].Form
	u, err := url.Parse(last["url"])
	if err != nil {
		return nil, ""
	}
	return u, last["secret_token"]
}

// allowedByWebhook reports whether an update of kinds is one the last
// setWebhook's allowed_updates lets through (every kind when it names
// none, or when no webhook is set yet: then attempts fail anyway).
func (s *Server) allowedByWebhook(kinds []string) bool {
	reqs := s.Requests("setWebhook")
	if len(reqs) == 0 {
		return true
	}
	var allowed []string
	json.Unmarshal([]byte(reqs[len(reqs)-1].Form["allowed_updates"]), &allowed)
	if len(allowed) == 0 {
		return true
	}
	for _, k := range kinds {
		if slices.Contains(allowed, k) {
			return true
		}
	}
	return false
}

// Deliveries returns every delivery made with Deliver, in the order they
// were begun.
func (s *Server) Deliveries() []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Delivery, len(s.hooks.deliveries))
	for i, d := range s.hooks.deliveries {
		out[i] = Delivery{UpdateID: d.UpdateID, Attempts: append([]Attempt(nil), d.Attempts...), OK: d.OK, Dropped: d.Dropped}
	}
	return out
}

// InFlight returns the update IDs with an attempt on the wire to target:
// posted there and not answered yet.
func (s *Server) InFlight(target string) []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []int
	for _, d := range s.hooks.deliveries {
		if n := len(d.Attempts); n > 0 && d.Attempts[n-1].Target == target && !d.Attempts[n-1].Done {
			ids = append(ids, d.UpdateID)
		}
	}
	return ids
}

// Close stops delivering to webhooks, waits for the deliveries to end,
// then shuts the fake down.
func (s *Server) Close() {
	s.mu.Lock()
	if s.hooks.cancel != nil {
		s.hooks.cancel()
	}
	s.mu.Unlock()
	s.hooks.wg.Wait()
	s.Server.Close()
}
