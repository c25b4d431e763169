package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/clinicbot/aftercare"
)

// ErrUnauthorized is returned by Run when Telegram refuses the bot token.
// It wraps aftercare.ErrUnauthorized, the sentinel every adapter shares.
var ErrUnauthorized = fmt.Errorf("telegram refused the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN: %w", aftercare.ErrUnauthorized)

// failure is how a failed call to the Bot API should be treated.
type failure struct {
	retry      bool          // Telegram cannot have acted on it: try again
	retryAfter time.Duration // wait at least this long first (429)
	reason     string        // for metrics and logs
	// outcome is the aftercare error a send that gives up returns:
	// ErrUnreachable, ErrUncertain, or nil for a final refusal (a bad
	// request) or while retrying.
	outcome error
}

// classify sorts an error from the Bot API. A request is sent again only
// when Telegram cannot have acted on it: 429 (after retry_after), 5xx, a
// connection that could not be opened, an answer that is not the Bot API's
// (a proxy failing in between). A timeout or a connection lost after the
// request was written may have delivered it: it is not sent again but
// reported uncertain, since Telegram has no idempotency key. 403 (the user
// blocked the bot) and "chat not found" mean the person cannot be reached;
// any other 400 is a bad request.
func classify(err error) failure {
	var apiErr *tgbotapi.Error
	var netErr net.Error
	var opErr *net.OpError
	var dnsErr *net.DNSError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &apiErr):
		switch code := apiErr.Code; {
		case code == 429:
			return failure{retry: true, retryAfter: time.Duration(apiErr.RetryAfter) * time.Second, reason: "rate_limited"}
		case code == 400 && unreachable(apiErr.Message):
			return failure{reason: "unreachable", outcome: aftercare.ErrUnreachable}
		case code == 400:
			return failure{reason: "bad_request"}
		case code == 401:
			return failure{reason: "unauthorized"}
		case code == 403:
			return failure{reason: "forbidden", outcome: aftercare.ErrUnreachable}
		case code == 409:
			return failure{retry: true, reason: "conflict"}
		case code >= 500:
			return failure{retry: true, reason: "server_error"}
		default:
			return failure{reason: "bad_request"}
		}
	case errors.As(err, &opErr) && opErr.Op == "dial", errors.As(err, &dnsErr):
		return failure{retry: true, reason: "network"}
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return failure{reason: "timeout", outcome: aftercare.ErrUncertain}
	case errors.As(err, &syntaxErr):
		// Not the Bot API's JSON: a proxy or load balancer failing in between.
		return failure{retry: true, reason: "server_error"}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return failure{reason: "connection_lost", outcome: aftercare.ErrUncertain}
	default:
		return failure{reason: "network", outcome: aftercare.ErrUncertain}
	}
}

// unreachable reports whether a 400's description says the chat is gone.
func unreachable(description string) bool {
	d := strings.ToLower(description)
	return strings.Contains(d, "chat not found") || strings.Contains(d, "user is deactivated") ||
		strings.Contains(d, "bot was kicked") || strings.Contains(d, "bot was blocked")
}

// isUnauthorized reports whether err is Telegram refusing the token.
func isUnauthorized(err error) bool {
	var apiErr *tgbotapi.Error
	return errors.As(err, &apiErr) && apiErr.Code == 401
}
