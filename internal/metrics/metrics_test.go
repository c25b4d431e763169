package metrics_test

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/clinicbot/aftercare/internal/metrics"
)

func scrape(t *testing.T, r *metrics.Registry) string {
	t.Helper()
	rec := httptest.NewRecorder()
	r.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	b, _ := io.ReadAll(rec.Body)
	return string(b)
}

func TestRegistryExposesEverySeries(t *testing.T) {
	r := metrics.New()
	r.Received("telegram")
	r.Replied("telegram", "answer", []string{"home.bath", "home.shower"}, 20*time.Microsecond)
	r.Panicked("slack")
	r.SendError("telegram", "rate_limited")
	r.SendRetry("telegram")
	r.ReplyLatency("telegram", 150*time.Millisecond)
	r.ContentLoaded(14)
	r.Reloaded("ok")
	r.QuestionRecorded("telegram", "out_of_scope")
	body := scrape(t, r)
	for _, want := range []string{
		`aftercare_messages_received_total{platform="telegram"} 1`,
		`aftercare_replies_total{kind="answer",platform="telegram"} 1`,
		`aftercare_answers_total{item="home.bath"} 1`,
		`aftercare_answers_total{item="home.shower"} 1`,
		`aftercare_handler_panics_total{platform="slack"} 1`,
		`aftercare_send_errors_total{platform="telegram",reason="rate_limited"} 1`,
		`aftercare_send_retries_total{platform="telegram"} 1`,
		`aftercare_inbox_questions_total{platform="telegram",reason="out_of_scope"} 1`,
		`aftercare_match_duration_seconds_count 1`,
		`aftercare_reply_latency_seconds_count{platform="telegram"} 1`,
		`aftercare_content_items 14`,
		`aftercare_content_reloads_total{result="ok"} 1`,
		`aftercare_build_info{`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}
