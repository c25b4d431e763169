package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"golang.org/x/time/rate"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/backoff"
	"github.com/clinicbot/aftercare/internal/retry"
)

// Limits are Telegram's sending limits, as limiters take them.
type Limits struct {
	PerChat      rate.Limit // messages per second to one chat
	PerChatBurst int
	Global       rate.Limit // messages per second overall
	GlobalBurst  int
}

// DefaultLimits keep within Telegram's limits: about one message a second
// per chat with a small burst, and 30 a second overall in any one second:
// a rate of 28 with a burst of 2 (a burst of 30 on top of 30 a second let
// 60 go out in the first second of a wave, measured at the fake).
var DefaultLimits = Limits{PerChat: 1, PerChatBurst: 3, Global: 28, GlobalBurst: 2}

// Share is this replica's part of limits when n replicas send with one
// token: the overall rate and burst divided by n (Telegram counts them
// together), the burst at least 1. A chat's own limit stays whole: one person's messages are
// handled by one replica at a time, and a 429 is waited out.
func Share(limits Limits, n int) Limits {
	if n <= 1 {
		return limits
	}
	limits.Global /= rate.Limit(n)
	limits.GlobalBurst = max(1, limits.GlobalBurst/n)
	return limits
}

// errStopped marks a send abandoned because the bot is stopping.
var errStopped = errors.New("stopped before the message was sent")

// requester is the part of the Bot API client the sender uses.
type requester interface {
	Request(c tgbotapi.Chattable) (*tgbotapi.APIResponse, error)
}

// sender delivers requests within the limits, retrying what can be
// retried. Safe for concurrent use.
type sender struct {
	api     requester
	limits  Limits
	global  *rate.Limiter
	backoff backoff.Policy
	rec     Recorder
	log     *slog.Logger
	redact  func(error) error

	mu    sync.Mutex
	chats map[int64]*chatLimiter
}

type chatLimiter struct {
	lim  *rate.Limiter
	used time.Time
}

func newSender(api requester, limits Limits, bo backoff.Policy, rec Recorder, log *slog.Logger, redact func(error) error) *sender {
	return &sender{api: api, limits: limits, global: rate.NewLimiter(limits.Global, limits.GlobalBurst),
		backoff: bo, rec: rec, log: log, redact: redact, chats: map[int64]*chatLimiter{}}
}

// maxChatLimiters bounds the per-chat limiters kept; idle ones are dropped.
const maxChatLimiters = 10000

func (s *sender) chatLimiter(chat int64) *rate.Limiter {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if len(s.chats) >= maxChatLimiters {
		for id, cl := range s.chats {
			if now.Sub(cl.used) > time.Minute {
				delete(s.chats, id)
			}
		}
	}
	cl, ok := s.chats[chat]
	if !ok {
		cl = &chatLimiter{lim: rate.NewLimiter(s.limits.PerChat, s.limits.PerChatBurst)}
		s.chats[chat] = cl
	}
	cl.used = now
	return cl.lim
}

// send delivers c, a message to chat (0 for requests that are not
// messages, such as answerCallbackQuery, which only the global limit
// covers), and returns the sent message's ID (0 for other requests). It
// retries what Telegram cannot have acted on (rate limits, server errors,
// connections not opened) until ctx ends. When it gives up, the error Is
// aftercare.ErrRetryLater (ctx ended before the request went out),
// aftercare.ErrUnreachable (blocked, chat gone) or aftercare.ErrUncertain
// (a timeout after the request was written); a bad request is none of
// those. Failures are counted and logged; the error returned is redacted.
func (s *sender) send(ctx context.Context, chat int64, c tgbotapi.Chattable) (int, error) {
	var id int
	p := retry.Policy{
		Classify: func(err error) retry.Verdict {
			f := classify(err)
			return retry.Verdict{Retry: f.retry, Wait: f.retryAfter, Reason: f.reason, Outcome: f.outcome}
		},
		Backoff: s.backoff,
		Before:  func(ctx context.Context) error { return s.wait(ctx, chat) },
		OnRetry: func(v retry.Verdict, wait time.Duration, err error) {
			s.rec.SendRetry(platform)
			s.log.Warn("telegram send failed; retrying", "method", method(c), "reason", v.Reason, "in", wait, "err", s.redact(err))
		},
	}
	v, err := retry.Do(ctx, p, func(context.Context) error {
		resp, err := s.api.Request(c)
		id = messageID(resp)
		return err
	})
	if err != nil {
		if v.Reason == retry.Shutdown && errors.Is(err, aftercare.ErrRetryLater) {
			err = errors.Join(errStopped, err)
		}
		return 0, s.giveUp(c, v.Reason, err)
	}
	return id, nil
}

// messageID reads the message_id of a sent message from the Bot API's
// answer; 0 when there is none.
func messageID(resp *tgbotapi.APIResponse) int {
	var m struct {
		MessageID int `json:"message_id"`
	}
	if resp == nil || json.Unmarshal(resp.Result, &m) != nil {
		return 0
	}
	return m.MessageID
}

func (s *sender) wait(ctx context.Context, chat int64) error {
	if chat != 0 {
		if err := s.chatLimiter(chat).Wait(ctx); err != nil {
			return err
		}
	}
	return s.global.Wait(ctx)
}

// giveUp logs and counts a message given up (send_errors counts messages,
// not attempts; retries are send_retries), and returns err redacted.
func (s *sender) giveUp(c tgbotapi.Chattable, reason string, err error) error {
	s.rec.SendError(platform, reason)
	err = s.redact(err)
	switch reason {
	case "bad_request":
		s.log.Error("telegram refused the message as a bad request; dropped", "method", method(c), "err", err)
	case "forbidden", "unreachable":
		s.log.Warn("the user blocked the bot or the chat is gone; message dropped", "method", method(c), "err", err)
	case "timeout", "connection_lost", "network":
		s.log.Warn("telegram may or may not have delivered the message; not sent again", "method", method(c), "reason", reason, "err", err)
	default:
		s.log.Error("telegram send abandoned", "method", method(c), "reason", reason, "err", err)
	}
	return fmt.Errorf("telegram %s: %s: %w", method(c), reason, err)
}

// method names a request for logs.
func method(c tgbotapi.Chattable) string {
	switch c.(type) {
	case tgbotapi.MessageConfig:
		return "sendMessage"
	case tgbotapi.CallbackConfig:
		return "answerCallbackQuery"
	case tgbotapi.SetMyCommandsConfig:
		return "setMyCommands"
	case tgbotapi.DeleteWebhookConfig:
		return "deleteWebhook"
	default:
		return fmt.Sprintf("%T", c)
	}
}
