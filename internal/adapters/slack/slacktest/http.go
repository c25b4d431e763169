package slacktest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Slack's HTTP deliveries to a bot in HTTP mode (the Events API and
// interactivity), for tests that run the bot's HTTP server, or several
// replicas' behind a load balancer the test plays.

// httpClient posts Slack's requests; Slack gives a bot 3 s to answer.
var httpClient = &http.Client{Timeout: 3 * time.Second}

// PostEvent posts an Events API event_callback with eventID and event to
// base (a bot's HTTP server, "http://127.0.0.1:8080") + "/slack/events",
// signed with secret at the current time as Slack signs it, and returns
// the status answered: 0 when none came (connection refused or reset,
// more than 3 s). A retry above 0 carries X-Slack-Retry-Num and
// X-Slack-Retry-Reason, as Slack's redeliveries do.
func PostEvent(base, secret, eventID string, event map[string]any, retry int) int {
	body, _ := json.Marshal(EventCallback(eventID, event))
	return post(base+"/slack/events", "application/json", secret, body, retry)
}

// PostInteraction posts an interaction payload (a ButtonPress) to base +
// "/slack/interactivity" as a signed form, as Slack does, and returns the
// status answered (0 for none). retry is as for PostEvent.
func PostInteraction(base, secret string, payload map[string]any, retry int) int {
	raw, _ := json.Marshal(payload)
	body := Form(map[string]string{"payload": string(raw)})
	return post(base+"/slack/interactivity", "application/x-www-form-urlencoded", secret, []byte(body), retry)
}

func post(url, contentType, secret string, body []byte, retry int) int {
	req, err := http.NewRequest("POST", url, bytes.NewReader(body))
	if err != nil {
		return 0
	}
	req.Header.Set("Content-Type", contentType)
	Sign(req.Header, secret, time.Now(), body)
	if retry > 0 {
		req.Header.Set("X-Slack-Retry-Num", strconv.Itoa(retry))
		req.Header.Set("X-Slack-Retry-Reason", "http_error")
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}
