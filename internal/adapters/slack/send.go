package slack

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/backoff"
	"github.com/clinicbot/aftercare/internal/retry"
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

// send posts m to dest, re-sending it as the retry policy allows, and
// returns its ts. When it gives up, the error Is aftercare.ErrRetryLater
// (nothing was posted: the bot is stopping or Slack kept refusing),
// aftercare.ErrUnreachable (the channel cannot be posted to) or
// aftercare.ErrUncertain (it may have posted); a bad request is none of
// those. A failure is logged and counted (SendError) here, every retry
// counted (SendRetry).
func (a *Adapter) send(ctx context.Context, dest aftercare.Address, m message) (string, error) {
	opts := m.options(dest)
	var ts string
	err := a.do(ctx, func(ctx context.Context) error {
		var err error
		_, ts, err = a.api.PostMessageContext(ctx, dest.Chat, opts...)
		return err
	})
	return ts, err
}

// do makes one Web API call, re-making it as the retry policy allows; its
// error is as send's.
func (a *Adapter) do(ctx context.Context, call func(ctx context.Context) error) error {
	return a.doClassified(ctx, classify, call)
}

// doClassified is do with a retry policy of its own.
func (a *Adapter) doClassified(ctx context.Context, classify func(error) verdict, call func(ctx context.Context) error) error {
	attempts := 0
	p := retry.Policy{
		Classify: func(err error) retry.Verdict {
			v := classify(err)
			return retry.Verdict{Retry: v.retry, Wait: v.wait, Reason: v.reason, Outcome: v.outcome}
		},
		Backoff:     a.backoff,
		MaxAttempts: maxAttempts,
		OnRetry: func(v retry.Verdict, wait time.Duration, err error) {
			a.cfg.Recorder.SendRetry(Platform)
			a.log.Info("slack call failed; retrying", "reason", v.Reason, "attempt", attempts, "retry_in", wait, "err", a.clean(err))
		},
	}
	v, err := retry.Do(ctx, p, func(ctx context.Context) error {
		attempts++
		return call(ctx)
	})
	if err != nil {
		return a.giveUp(v.Reason, err, attempts)
	}
	return nil
}

// giveUp logs and counts a message that will not be delivered, and returns
// err redacted.
func (a *Adapter) giveUp(reason string, err error, attempts int) error {
	a.cfg.Recorder.SendError(Platform, reason)
	a.log.Error("slack message not delivered", "reason", reason, "attempts", attempts, "err", a.clean(err))
	return fmt.Errorf("slack: %s: %w", reason, a.cfg.Redact(err))
}

// options are the chat.postMessage options that post m to dest.
func (m message) options(dest aftercare.Address) []slackapi.MsgOption {
	opts := []slackapi.MsgOption{
		slackapi.MsgOptionText(m.text, false), // already escaped
		slackapi.MsgOptionBlocks(m.blocks...),
	}
	if m.key != "" {
		opts = append(opts, slackapi.MsgOptionMetadata(slackapi.SlackMetadata{EventType: metadataType,
			EventPayload: map[string]any{metadataKey: m.key}}))
	}
	switch {
	case dest.ReplyURL != "":
		opts = append(opts, slackapi.MsgOptionResponseURL(dest.ReplyURL, slackapi.ResponseTypeEphemeral))
	case dest.Thread != "":
		opts = append(opts, slackapi.MsgOptionTS(dest.Thread))
	}
	return opts
}

// verdict is what the retry policy makes of a failed post.
type verdict struct {
	reason  string        // for the send_errors metric
	retry   bool          // the post cannot have been processed: send it again
	wait    time.Duration // before retrying (rate limits)
	backoff bool          // wait with exponential back-off instead (wait is then 0)
	// outcome is the aftercare error of a post given up: ErrRetryLater,
	// ErrUnreachable, ErrUncertain, or nil for a bad request.
	outcome error
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
		return verdict{reason: "rate_limited", retry: rateErr.RetryAfter <= maxRetryAfter, wait: rateErr.RetryAfter, outcome: aftercare.ErrRetryLater}
	case errors.As(err, &codeErr):
		return classifyStatus(codeErr.Code)
	case errors.As(err, &apiErr):
		return classifyAPIError(apiErr.Err)
	case errors.As(err, &opErr) && opErr.Op == "dial", errors.As(err, &dnsErr):
		return verdict{reason: "network", retry: true, backoff: true, outcome: aftercare.ErrRetryLater}
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return verdict{reason: "timeout", outcome: aftercare.ErrUncertain}
	case errors.As(err, &netErr):
		return verdict{reason: "network", outcome: aftercare.ErrUncertain} // the request may have been sent
	}
	return verdict{reason: "unknown"}
}

// classifyStatus classifies an HTTP status other than 200.
func classifyStatus(code int) verdict {
	switch {
	case code == http.StatusTooManyRequests:
		return verdict{reason: "rate_limited", retry: true, wait: defaultRetryAfter, outcome: aftercare.ErrRetryLater}
	case code == http.StatusBadGateway, code == http.StatusServiceUnavailable:
		return verdict{reason: "server_error", retry: true, backoff: true, outcome: aftercare.ErrRetryLater}
	case code == http.StatusGatewayTimeout:
		return verdict{reason: "timeout", outcome: aftercare.ErrUncertain}
	case code >= 500:
		return verdict{reason: "server_error", outcome: aftercare.ErrUncertain}
	case code == http.StatusUnauthorized, code == http.StatusForbidden:
		return verdict{reason: "forbidden"}
	}
	return verdict{reason: "bad_request"}
}

// unreachableErrors are the Slack API errors that mean the channel or
// person cannot be posted to: aftercare.ErrUnreachable.
var unreachableErrors = map[string]bool{
	"not_in_channel":      true,
	"channel_not_found":   true,
	"is_archived":         true,
	"user_not_found":      true,
	"account_inactive":    true,
	"cannot_dm_bot":       true,
	"user_disabled":       true,
	"channel_is_archived": true,
}

// forbiddenErrors are the Slack API errors that mean the bot may not post
// (besides a refused token): a missing permission, not a missing person.
var forbiddenErrors = map[string]bool{
	"missing_scope":     true,
	"restricted_action": true,
	"no_permission":     true,
}

// classifyAPIError classifies an error Slack reported with "ok": false.
func classifyAPIError(code string) verdict {
	switch {
	case code == "ratelimited":
		return verdict{reason: "rate_limited", retry: true, wait: defaultRetryAfter, outcome: aftercare.ErrRetryLater}
	case unreachableErrors[code]:
		return verdict{reason: "forbidden", outcome: aftercare.ErrUnreachable}
	case authErrors[code], forbiddenErrors[code]:
		return verdict{reason: "forbidden"}
	case code == "fatal_error", code == "internal_error", code == "service_unavailable":
		return verdict{reason: "server_error", outcome: aftercare.ErrUncertain} // it may have posted
	case code == "request_timeout":
		return verdict{reason: "timeout", outcome: aftercare.ErrUncertain}
	}
	return verdict{reason: "bad_request"}
}
