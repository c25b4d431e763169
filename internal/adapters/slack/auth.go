package slack

import (
	"context"
	"errors"
	"fmt"

	slackapi "github.com/slack-go/slack"

	"github.com/clinicbot/aftercare/internal/backoff"
)

// authErrors are the Slack API errors that mean a token was refused.
var authErrors = map[string]bool{
	"invalid_auth":           true,
	"not_authed":             true,
	"account_inactive":       true,
	"token_revoked":          true,
	"token_expired":          true,
	"not_allowed_token_type": true,
}

// isAuthError reports whether err means Slack refused the token.
func isAuthError(err error) bool {
	var apiErr slackapi.SlackErrorResponse
	return errors.As(err, &apiErr) && authErrors[apiErr.Err]
}

// authenticate calls auth.test until it succeeds, the token is refused
// (an error wrapping ErrAuth), Slack answers with another error, or ctx
// ends (ctx's error). Outages are retried with back-off; each failure is
// logged and reported to SetReady.
func (a *Adapter) authenticate(ctx context.Context) error {
	a.cfg.SetReady(errors.New("checking the bot token"))
	for attempt := 0; ; attempt++ {
		resp, err := a.api.AuthTestContext(ctx)
		if err == nil {
			id := resp.UserID
			a.botUser.Store(&id)
			return nil
		}
		err = a.clean(err)
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case isAuthError(err):
			a.cfg.SetReady(ErrAuth)
			return fmt.Errorf("%w: bot token: auth.test: %w", ErrAuth, err)
		case !transient(err):
			a.cfg.SetReady(err)
			return fmt.Errorf("auth.test: %w", err)
		}
		wait := backoff.Default.Delay(attempt)
		a.cfg.SetReady(fmt.Errorf("auth.test: %w", err))
		a.log.Warn("slack auth.test failed; retrying", "err", err, "retry_in", wait)
		if err := backoff.Sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// transient reports whether err may go away by itself: Slack or the
// network being unavailable, or a rate limit.
func transient(err error) bool {
	var apiErr slackapi.SlackErrorResponse
	if errors.As(err, &apiErr) {
		return apiErr.Err == "ratelimited" || apiErr.Err == "fatal_error" || apiErr.Err == "internal_error"
	}
	var codeErr slackapi.StatusCodeError
	if errors.As(err, &codeErr) {
		return codeErr.Code >= 500 || codeErr.Code == 429
	}
	return true // rate limits, timeouts and network errors
}
