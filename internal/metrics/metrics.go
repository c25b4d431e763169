// Package metrics counts what the bot does, for Prometheus: messages,
// replies by kind, answers by item, send errors and retries, match and
// reply latency, content size and reloads, handler panics and build info.
// A Registry is safe for concurrent use.
package metrics

import (
	"net/http"
	"runtime/debug"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

const namespace = "aftercare"

// Registry holds the bot's metrics in a registry of its own.
type Registry struct {
	reg          *prometheus.Registry
	received     *prometheus.CounterVec
	replies      *prometheus.CounterVec
	answers      *prometheus.CounterVec
	sendErrors   *prometheus.CounterVec
	sendRetries  *prometheus.CounterVec
	panics       *prometheus.CounterVec
	matchSeconds prometheus.Histogram
	replySeconds *prometheus.HistogramVec
	items        prometheus.Gauge
	reloads      *prometheus.CounterVec
	deliveries   *prometheus.CounterVec
	questions    *prometheus.CounterVec
	// The care team.
	cases      *prometheus.CounterVec
	firstReply prometheus.Histogram
	relays     *prometheus.CounterVec
	outboxAge  prometheus.Gauge
}

// New returns a Registry with every metric registered, the Go runtime and
// process collectors, and build info.
func New() *Registry {
	r := &Registry{
		reg: prometheus.NewRegistry(),
		received: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace,
			Name: "messages_received_total", Help: "Messages received, by platform."}, []string{"platform"}),
		replies: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace,
			Name: "replies_total", Help: "Replies, by platform and kind (answer, clarify, decline, urgent, smalltalk, non_text)."},
			[]string{"platform", "kind"}),
		answers: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace,
			Name: "answers_total", Help: "Items answered, by item ID."}, []string{"item"}),
		sendErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace,
			Name: "send_errors_total", Help: "Messages given up (not attempts: retries are send_retries_total), by platform and reason."}, []string{"platform", "reason"}),
		sendRetries: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace,
			Name: "send_retries_total", Help: "Sends retried after a rate limit, server error or timeout, by platform."}, []string{"platform"}),
		panics: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace,
			Name: "handler_panics_total", Help: "Panics recovered while handling a message, by platform."}, []string{"platform"}),
		matchSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: namespace,
			Name: "match_duration_seconds", Help: "Time to match a message and build the reply.",
			Buckets: prometheus.ExponentialBuckets(5e-6, 2, 14)}), // 5 µs … 41 ms
		replySeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: namespace,
			Name: "reply_latency_seconds", Help: "Time from receiving a message to its reply being sent, by platform.",
			Buckets: prometheus.ExponentialBuckets(0.005, 2, 14)}, []string{"platform"}), // 5 ms … 41 s
		items: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: namespace,
			Name: "content_items", Help: "Items in the loaded content."}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace,
			Name: "content_reloads_total", Help: "Content reloads, by result (ok, error)."}, []string{"result"}),
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace,
			Name: "deliveries_total", Help: "Inbound deliveries by platform and outcome (sent, duplicate, in_progress, uncertain, unreachable, failed, retry_later, store_error, taken, resumed, silent)."},
			[]string{"platform", "outcome"}),
		questions: newQuestions(),
		cases: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace,
			Name: "care_cases_opened_total", Help: "Care-team cases opened or reopened, by reason (urgent, asked, unanswered)."}, []string{"reason"}),
		firstReply: prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: namespace,
			Name: "care_first_reply_seconds", Help: "Time from a care-team case opening to staff's first reply in its thread.",
			Buckets: prometheus.ExponentialBuckets(30, 2, 12)}), // 30 s … 17 h
		relays: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace,
			Name: "care_outbox_posts_total", Help: "Outbox posts and relays by kind (send, update, react, delete) and result (sent, found, retry, uncertain, unreachable, failed)."},
			[]string{"kind", "result"}),
		outboxAge: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: namespace,
			Name: "care_outbox_oldest_pending_seconds", Help: "How long the oldest unsent outbox post has waited (0: none)."}),
	}
	build := prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: namespace,
		Name: "build_info", Help: "Build of the running bot; always 1."}, []string{"version", "goversion"})
	version, goVersion := "unknown", "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		version, goVersion = bi.Main.Version, bi.GoVersion
	}
	build.WithLabelValues(version, goVersion).Set(1)
	r.reg.MustRegister(r.received, r.replies, r.answers, r.sendErrors, r.sendRetries, r.panics,
		r.matchSeconds, r.replySeconds, r.items, r.reloads, r.deliveries, r.questions, r.cases, r.firstReply, r.relays, r.outboxAge, build,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return r
}

// Handler serves the metrics in the Prometheus exposition format.
func (r *Registry) Handler() http.Handler {
	return promhttp.HandlerFor(r.reg, promhttp.HandlerOpts{Registry: r.reg})
}

// Received counts a message received on platform.
func (r *Registry) Received(platform string) { r.received.WithLabelValues(platform).Inc() }

// Replied counts a reply of kind on platform, the items it answered and the
// time it took to match and build.
func (r *Registry) Replied(platform, kind string, items []string, took time.Duration) {
	r.replies.WithLabelValues(platform, kind).Inc()
	for _, id := range items {
		r.answers.WithLabelValues(id).Inc()
	}
	r.matchSeconds.Observe(took.Seconds())
}

// Panicked counts a panic recovered while handling a message on platform.
func (r *Registry) Panicked(platform string) { r.panics.WithLabelValues(platform).Inc() }

// SendError counts a send to platform that failed for reason (e.g.
// "rate_limited", "server_error", "timeout", "bad_request", "forbidden").
func (r *Registry) SendError(platform, reason string) {
	r.sendErrors.WithLabelValues(platform, reason).Inc()
}

// SendRetry counts a send to platform that is being retried.
func (r *Registry) SendRetry(platform string) { r.sendRetries.WithLabelValues(platform).Inc() }

// ReplyLatency records the time from receiving a message to its reply
// being sent.
func (r *Registry) ReplyLatency(platform string, d time.Duration) {
	r.replySeconds.WithLabelValues(platform).Observe(d.Seconds())
}

// Handled counts an inbound delivery by what became of it.
func (r *Registry) Handled(platform, outcome string) {
	r.deliveries.WithLabelValues(platform, outcome).Inc()
}

// ContentLoaded records a successful load or reload of content with n items.
func (r *Registry) ContentLoaded(n int) { r.items.Set(float64(n)) }

// Reloaded counts a reload attempt by its result: "ok" or "error".
func (r *Registry) Reloaded(result string) { r.reloads.WithLabelValues(result).Inc() }

// CaseOpened counts a care-team case opened (or reopened) for reason.
func (r *Registry) CaseOpened(reason string) { r.cases.WithLabelValues(reason).Inc() }

// FirstReply records the time from a case opening to staff's first reply.
func (r *Registry) FirstReply(d time.Duration) { r.firstReply.Observe(d.Seconds()) }

// Relayed counts an outbox post by kind and result.
func (r *Registry) Relayed(kind, result string) { r.relays.WithLabelValues(kind, result).Inc() }

// OutboxAge records how long the oldest unsent outbox post has waited.
func (r *Registry) OutboxAge(d time.Duration) { r.outboxAge.Set(d.Seconds()) }
