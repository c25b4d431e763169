package slack

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/clinicbot/aftercare/internal/backoff"
)

// Retry policy. Slack has no idempotency key, so a post is re-sent only
// when Slack cannot have processed it: a rate limit (429, after
// Retry-After), a 502 or 503 from its front end, or a connection that
// could not be opened. A 500, a 504 or a timeout after the request was
// sent may have posted already; those are given up, logged and counted.
const (
	maxAttempts       = 5           // first try included
	maxRetryAfter     = time.Minute // a longer Retry-After is given up
	defaultRetryAfter = time.Second // for a 429 without Retry-After
)

// sendBackoff spaces re-sends after a 502, a 503 or a failed connection.
var sendBackoff = backoff.Policy{Min: 500 * time.Millisecond, Max: 8 * time.Second}

// send posts m to j's destination, re-sending it as the retry policy
// allows. It reports whether m was delivered; a failure is logged and
// counted (SendError) here, every retry counted (SendRetry).
func (a *Adapter) send(ctx context.Context, j job, m message) bool {
	opts := m.options(j.to)
	for attempt := 1; ; attempt++ {
		_, _, err := a.api.PostMessageContext(ctx, j.to.channel, opts...)
		if err == nil {
			return true
		}
		if ctx.Err() != nil {
			a.giveUp(j, "shutdown", err, attempt)
			return false
		}
		v := classify(err)
		if !v.retry || attempt >= maxAttempts {
			a.giveUp(j, v.reason, err, attempt)
			return false
		}
		wait := v.wait
		if v.backoff {
			wait = a.backoff.Delay(attempt - 1)
		}
		a.cfg.Recorder.SendRetry(Platform)
		a.log.Info("slack post failed; retrying", "source", j.source, "reason", v.reason,
			"attempt", attempt, "retry_in", wait, "err", a.clean(err))
		if backoff.Sleep(ctx, wait) != nil {
			a.giveUp(j, "shutdown", err, attempt)
			return false
		}
	}
}

// giveUp logs and counts a reply that will not be delivered.
func (a *Adapter) giveUp(j job, reason string, err error, attempts int) {
	a.cfg.Recorder.SendError(Platform, reason)
	a.log.Error("slack reply not delivered", "source", j.source, "reason", reason,
		"attempts", attempts, "err", a.clean(err))
}

// options are the chat.postMessage options that post m to dest.
func (m message) options(dest destination) []slackapi.MsgOption {
	opts := []slackapi.MsgOption{
		slackapi.MsgOptionText(m.text, false), // already escaped
		slackapi.MsgOptionBlocks(m.blocks...),
	}
	switch {
	case dest.responseURL != "":
		opts = append(opts, slackapi.MsgOptionResponseURL(dest.responseURL, slackapi.ResponseTypeEphemeral))
	case dest.threadTS != "":
		opts = append(opts, slackapi.MsgOptionTS(dest.threadTS))
	}
	return opts
}

// verdict is what the retry policy makes of a failed post.
type verdict struct {
	reason  string        // for the send_errors metric
	retry   bool          // the post cannot have been processed: send it again
	wait    time.Duration // before retrying (rate limits)
	backoff bool          // wait with exponential back-off instead
}

// classify applies the retry policy to err, the error of one post.
func classify(err error) verdict {
	var (
		rateErr *slackapi.RateLimitedError
		codeErr slackapi.StatusCodeError
		apiErr  slackapi.SlackErrorResponse
		opErr   *net.OpError
		dnsErr  *net.DNSError
		netErr  net.Error
	)
	switch {
	case errors.As(err, &rateErr):
		return verdict{reason: "rate_limited", retry: rateErr.RetryAfter <= maxRetryAfter, wait: rateErr.RetryAfter}
	case errors.As(err, &codeErr):
		return classifyStatus(codeErr.Code)
	case errors.As(err, &apiErr):
		return classifyAPIError(apiErr.Err)
	case errors.As(err, &opErr) && opErr.Op == "dial", errors.As(err, &dnsErr):
		return verdict{reason: "network", retry: true, backoff: true}
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return verdict{reason: "timeout"}
	case errors.As(err, &netErr):
		return verdict{reason: "network"} // the request may have been sent
	}
	return verdict{reason: "unknown"}
}

// classifyStatus classifies an HTTP status other than 200.
func classifyStatus(code int) verdict {
	switch {
	case code == http.StatusTooManyRequests:
		return verdict{reason: "rate_limited", retry: true, wait: defaultRetryAfter}
	case code == http.StatusBadGateway, code == http.StatusServiceUnavailable:
		return verdict{reason: "server_error", retry: true, backoff: true}
	case code == http.StatusGatewayTimeout:
		return verdict{reason: "timeout"}
	case code >= 500:
		return verdict{reason: "server_error"}
	case code == http.StatusUnauthorized, code == http.StatusForbidden:
		return verdict{reason: "forbidden"}
	}
	return verdict{reason: "bad_request"}
}

// forbiddenErrors are the Slack API errors that mean the bot may not post
// there (besides a refused token).
var forbiddenErrors = map[string]bool{
	"not_in_channel":    true,
	"channel_not_found": true,
	"is_archived":       true,
	"missing_scope":     true,
	"restricted_action": true,
	"no_permission":     true,
	"cannot_dm_bot":     true,
}

// classifyAPIError classifies an error Slack reported with "ok": false.
func classifyAPIError(code string) verdict {
	switch {
	case code == "ratelimited":
		return verdict{reason: "rate_limited", retry: true, wait: defaultRetryAfter}
	case authErrors[code], forbiddenErrors[code]:
		return verdict{reason: "forbidden"}
	case code == "fatal_error", code == "internal_error", code == "service_unavailable":
		return verdict{reason: "server_error"} // it may have posted
	case code == "request_timeout":
		return verdict{reason: "timeout"}
	}
	return verdict{reason: "bad_request"}
}
