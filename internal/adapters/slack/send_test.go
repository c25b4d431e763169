package slack

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"testing"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/clinicbot/aftercare"
)

func TestClassify(t *testing.T) {
	dial := &url.Error{Op: "Post", URL: "https://slack.com/api/chat.postMessage",
		Err: &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}}
	reset := &url.Error{Op: "Post", URL: "https://slack.com/api/chat.postMessage",
		Err: &net.OpError{Op: "read", Net: "tcp", Err: errors.New("connection reset by peer")}}
	timeout := &url.Error{Op: "Post", URL: "https://slack.com/api/chat.postMessage",
		Err: fmt.Errorf("%w (Client.Timeout exceeded while awaiting headers)", context.DeadlineExceeded)}
	later, uncertain, unreachable := aftercare.ErrRetryLater, aftercare.ErrUncertain, aftercare.ErrUnreachable
	tests := []struct {
		err  error
		want verdict
	}{
		{&slackapi.RateLimitedError{RetryAfter: 3 * time.Second}, verdict{reason: "rate_limited", retry: true, wait: 3 * time.Second, outcome: later}},
		{&slackapi.RateLimitedError{RetryAfter: time.Hour}, verdict{reason: "rate_limited", wait: time.Hour, outcome: later}},
		{slackapi.StatusCodeError{Code: 429}, verdict{reason: "rate_limited", retry: true, wait: defaultRetryAfter, outcome: later}},
		{slackapi.StatusCodeError{Code: 502}, verdict{reason: "server_error", retry: true, backoff: true, outcome: later}},
		{slackapi.StatusCodeError{Code: 503}, verdict{reason: "server_error", retry: true, backoff: true, outcome: later}},
		{slackapi.StatusCodeError{Code: 500}, verdict{reason: "server_error", outcome: uncertain}},
		{slackapi.StatusCodeError{Code: 504}, verdict{reason: "timeout", outcome: uncertain}},
		{slackapi.StatusCodeError{Code: 403}, verdict{reason: "forbidden"}},
		{slackapi.StatusCodeError{Code: 404}, verdict{reason: "bad_request"}},
		{slackapi.SlackErrorResponse{Err: "ratelimited"}, verdict{reason: "rate_limited", retry: true, wait: defaultRetryAfter, outcome: later}},
		{slackapi.SlackErrorResponse{Err: "not_in_channel"}, verdict{reason: "forbidden", outcome: unreachable}},
		{slackapi.SlackErrorResponse{Err: "channel_not_found"}, verdict{reason: "forbidden", outcome: unreachable}},
		{slackapi.SlackErrorResponse{Err: "is_archived"}, verdict{reason: "forbidden", outcome: unreachable}},
		{slackapi.SlackErrorResponse{Err: "invalid_auth"}, verdict{reason: "forbidden"}},
		{slackapi.SlackErrorResponse{Err: "internal_error"}, verdict{reason: "server_error", outcome: uncertain}},
		{slackapi.SlackErrorResponse{Err: "msg_too_long"}, verdict{reason: "bad_request"}},
		{dial, verdict{reason: "network", retry: true, backoff: true, outcome: later}},
		{&net.DNSError{Err: "no such host", Name: "slack.com"}, verdict{reason: "network", retry: true, backoff: true, outcome: later}},
		{timeout, verdict{reason: "timeout", outcome: uncertain}},
		{reset, verdict{reason: "network", outcome: uncertain}},
		{errors.New("invalid character '<' looking for beginning of value"), verdict{reason: "unknown"}},
	}
	for _, tc := range tests {
		if got := classify(tc.err); got != tc.want {
			t.Errorf("classify(%v) = %+v, want %+v", tc.err, got, tc.want)
		}
	}
}

func TestCleanHidesURLs(t *testing.T) {
	a, err := New(Config{BotToken: "xoxb-1", AppToken: "xapp-1", Handler: nopHandler{}})
	if err != nil {
		t.Fatal(err)
	}
	err = a.clean(&url.Error{Op: "Post", URL: "https://hooks.slack.com/commands/T1/123/secret", Err: errors.New("EOF")})
	if got, want := err.Error(), `Post "https://hooks.slack.com/…": EOF`; got != want {
		t.Errorf("clean = %q, want %q", got, want)
	}
	var ue *url.Error
	if !errors.As(err, &ue) {
		t.Error("clean hid the *url.Error from errors.As")
	}
}
