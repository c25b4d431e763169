// Package observe wraps the conversation service for operations: one log
// line per handled message (with a keyed hash of the chat, never the
// message text unless asked), metrics, and recovery from panics so that one
// bad message cannot stop the bot.
package observe

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/clinicbot/aftercare"
)

// Service is the conversation service the Handler wraps.
type Service interface {
	Answer(ctx context.Context, msg aftercare.Inbound) aftercare.Outgoing
	Sections() []aftercare.Section
	Decline() aftercare.Outgoing
}

// Recorder counts messages, replies and panics.
type Recorder interface {
	Received(platform string)
	Replied(platform, kind string, items []string, took time.Duration)
	Panicked(platform string)
}

// Options configure a Handler.
type Options struct {
	Logger   *slog.Logger
	Recorder Recorder
	// HashKey keys the hash that stands for chat and user IDs in logs.
	HashKey []byte
	// LogText adds the message text to the log line. Off by default: the
	// text is the patient's.
	LogText bool
}

// Handler answers messages through a Service and observes them. It is safe
// for concurrent use.
type Handler struct {
	svc  Service
	opts Options
}

// New returns a Handler answering through svc.
func New(svc Service, opts Options) *Handler {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return &Handler{svc: svc, opts: opts}
}

// Sections returns the topics by section.
func (h *Handler) Sections() []aftercare.Section { return h.svc.Sections() }

// Answer replies to msg, logs one line about it and counts it. A panic
// while answering is recovered, logged (without the message text) and
// counted, and the person gets the decline text.
func (h *Handler) Answer(ctx context.Context, msg aftercare.Inbound) (reply aftercare.Outgoing) {
	start := time.Now()
	h.opts.Recorder.Received(string(msg.From.Platform))
	defer func() {
		if v := recover(); v != nil {
			h.opts.Recorder.Panicked(string(msg.From.Platform))
			h.opts.Logger.Error("panic while handling a message; replied with the decline text",
				"platform", string(msg.From.Platform), "user", h.HashID(string(msg.From.Platform), msg.From.UserID),
				"panic", fmt.Sprintf("%T", v), "stack", string(debug.Stack()))
			reply = h.decline()
		}
		took := time.Since(start)
		var items []string
		if reply.Kind == aftercare.KindAnswer {
			for _, a := range reply.Answers {
				items = append(items, a.ItemID)
			}
		}
		h.opts.Recorder.Replied(string(msg.From.Platform), string(reply.Kind), items, took)
		h.log(ctx, msg, reply, took)
	}()
	return h.svc.Answer(ctx, msg)
}

// decline is the decline text, or a fixed apology if even that fails.
func (h *Handler) decline() (r aftercare.Outgoing) {
	defer func() {
		if recover() != nil {
			r = aftercare.Outgoing{Kind: aftercare.KindDecline, Text: "Sorry, something went wrong. Please contact your practitioner."}
		}
	}()
	return h.svc.Decline()
}

func (h *Handler) log(ctx context.Context, msg aftercare.Inbound, r aftercare.Outgoing, took time.Duration) {
	attrs := []slog.Attr{
		slog.String("platform", string(msg.From.Platform)),
		slog.String("user", h.HashID(string(msg.From.Platform), msg.From.UserID)),
		slog.String("kind", string(r.Kind)),
		slog.String("item", r.Intent),
		slog.Float64("score", r.Score),
		slog.Duration("latency", took),
	}
	if msg.Command != "" {
		attrs = append(attrs, slog.String("command", msg.Command))
	}
	if len(r.RedFlags) > 0 {
		attrs = append(attrs, slog.Any("red_flags", r.RedFlags))
	}
	if h.opts.LogText {
		attrs = append(attrs, slog.String("text", msg.Text))
	}
	h.opts.Logger.LogAttrs(ctx, slog.LevelInfo, "message handled", attrs...)
}

// HashID returns the keyed hash that stands for a chat or user ID in logs:
// the same ID gives the same hash with the same key, and the ID cannot be
// recovered from it.
func (h *Handler) HashID(platform, id string) string {
	if id == "" {
		return ""
	}
	mac := hmac.New(sha256.New, h.opts.HashKey)
	mac.Write([]byte(platform + ":" + id))
	return hex.EncodeToString(mac.Sum(nil))[:16]
}
