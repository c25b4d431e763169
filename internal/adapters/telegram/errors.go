package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// ErrUnauthorized is returned by Run when Telegram refuses the bot token.
var ErrUnauthorized = errors.New("telegram refused the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN")

// failure is how a failed call to the Bot API should be treated.
type failure struct {
	retry      bool          // try again
	retryAfter time.Duration // wait at least this long first (429)
	reason     string        // for metrics and logs
}

// classify sorts an error from the Bot API: 429 waits its retry_after and
// retries; 5xx, timeouts, network errors and unreadable answers retry with
// back-off; 400 and 403 are final (a bad request; the user blocked the bot).
func classify(err error) failure {
	var apiErr *tgbotapi.Error
	var netErr net.Error
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &apiErr):
		switch code := apiErr.Code; {
		case code == 429:
			return failure{retry: true, retryAfter: time.Duration(apiErr.RetryAfter) * time.Second, reason: "rate_limited"}
		case code == 400:
			return failure{reason: "bad_request"}
		case code == 401:
			return failure{reason: "unauthorized"}
		case code == 403:
			return failure{reason: "forbidden"}
		case code == 409:
			return failure{retry: true, reason: "conflict"}
		case code >= 500:
			return failure{retry: true, reason: "server_error"}
		default:
			return failure{reason: "bad_request"}
		}
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return failure{retry: true, reason: "timeout"}
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		// Not the Bot API's JSON: a proxy or load balancer failing in between.
		return failure{retry: true, reason: "server_error"}
	default:
		return failure{retry: true, reason: "network"}
	}
}

// isUnauthorized reports whether err is Telegram refusing the token.
func isUnauthorized(err error) bool {
	var apiErr *tgbotapi.Error
	return errors.As(err, &apiErr) && apiErr.Code == 401
}
