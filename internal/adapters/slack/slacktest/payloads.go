package slacktest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Payloads as Slack sends them, for Socket Mode envelopes and HTTP bodies.

// Mention is an app_mention event.
func Mention(user, channel, ts, threadTS, text string) map[string]any {
	ev := map[string]any{"type": "app_mention", "user": user, "channel": channel, "ts": ts,
		"event_ts": ts, "text": text}
	if threadTS != "" {
		ev["thread_ts"] = threadTS
	}
	return ev
}

// DM is a message event in a direct message (channel_type "im").
func DM(user, channel, ts, threadTS, text string) map[string]any {
	ev := map[string]any{"type": "message", "channel_type": "im", "user": user, "channel": channel,
		"ts": ts, "event_ts": ts, "text": text}
	if threadTS != "" {
		ev["thread_ts"] = threadTS
	}
	return ev
}

// EventCallback wraps an inner event as the Events API delivers it.
func EventCallback(eventID string, event map[string]any) map[string]any {
	return map[string]any{"type": "event_callback", "token": "verification-token", "team_id": "T1",
		"api_app_id": "A1", "event_id": eventID, "event_time": 1700000000, "event": event}
}

// EventsAPI is a Socket Mode envelope of an Events API event.
func EventsAPI(envelopeID, eventID string, event map[string]any) Envelope {
	return Envelope{EnvelopeID: envelopeID, Type: "events_api", Payload: EventCallback(eventID, event)}
}

// Command is a /aftercare slash command with its fields as Slack sends
// them (in a form over HTTP, in JSON over Socket Mode).
func Command(user, channel, text, responseURL, triggerID string) map[string]string {
	return map[string]string{"command": "/aftercare", "text": text, "user_id": user, "user_name": "staff",
		"channel_id": channel, "channel_name": "clinic", "team_id": "T1", "team_domain": "clinic",
		"response_url": responseURL, "trigger_id": triggerID, "api_app_id": "A1", "token": "verification-token"}
}

// SlashCommand is a Socket Mode envelope of a slash command.
func SlashCommand(envelopeID string, cmd map[string]string) Envelope {
	return Envelope{EnvelopeID: envelopeID, Type: "slash_commands", Payload: cmd, AcceptsResponsePayload: true}
}

// ButtonPress is a block_actions interaction: user pressed the button
// with actionID and value on a message in channel (thread threadTS);
// ephemeral says the message was private.
func ButtonPress(user, channel, threadTS, actionID, value, responseURL, triggerID string, ephemeral bool) map[string]any {
	container := map[string]any{"type": "message", "message_ts": "1700000001.000200", "channel_id": channel,
		"is_ephemeral": ephemeral}
	if threadTS != "" {
		container["thread_ts"] = threadTS
	}
	return map[string]any{
		"type":         "block_actions",
		"user":         map[string]any{"id": user, "username": "staff"},
		"api_app_id":   "A1",
		"trigger_id":   triggerID,
		"response_url": responseURL,
		"container":    container,
		"channel":      map[string]any{"id": channel, "name": "clinic"},
		"actions": []map[string]any{{"type": "button", "action_id": actionID, "block_id": "b1", "value": value,
			"action_ts": "1700000002.000300", "text": map[string]any{"type": "plain_text", "text": "x"}}},
	}
}

// Interactive is a Socket Mode envelope of an interaction.
func Interactive(envelopeID string, payload map[string]any) Envelope {
	return Envelope{EnvelopeID: envelopeID, Type: "interactive", Payload: payload, AcceptsResponsePayload: true}
}

// Form encodes fields as an application/x-www-form-urlencoded body.
func Form(fields map[string]string) string {
	v := url.Values{}
	for k, s := range fields {
		v.Set(k, s)
	}
	return v.Encode()
}

// Sign sets the headers of a request signed with secret at ts, as Slack
// signs its requests (v0 HMAC-SHA256 of "v0:timestamp:body").
func Sign(h http.Header, secret string, ts time.Time, body []byte) {
	stamp := strconv.FormatInt(ts.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + stamp + ":"))
	mac.Write(body)
	h.Set("X-Slack-Request-Timestamp", stamp)
	h.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
}
