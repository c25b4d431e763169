package slack

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// MaxBodyBytes caps the body of a request to the HTTP endpoints.
const MaxBodyBytes = 1 << 20

// maxSignatureAge is how far a request's timestamp may be from Now.
const maxSignatureAge = 5 * time.Minute

// Routes returns the HTTP Events API endpoints, as net/http ServeMux
// patterns, to mount on the bot's HTTP server: "POST /slack/events",
// "POST /slack/commands" and "POST /slack/interactivity". It returns nil
// in Socket Mode. Every request must carry a valid Slack signature made
// less than five minutes ago, else it gets 401 and nothing is done; a
// body over MaxBodyBytes gets 413. A valid request is answered 200 at once
// and its reply posted later by Run's workers (slash commands privately,
// through their response URL); 503 means the bot is stopping or
// overloaded, and Slack delivers events again. The handlers are safe for
// concurrent use, and may be called before Run starts (their work waits)
// and after it returns (503).
func (a *Adapter) Routes() map[string]http.Handler {
	if a.socketMode() {
		return nil
	}
	return map[string]http.Handler{
		"POST /slack/events":        a.verified(a.serveEvents),
		"POST /slack/commands":      a.verified(a.serveCommand),
		"POST /slack/interactivity": a.verified(a.serveInteraction),
	}
}

// verifiedHandler handles a request whose signature has been checked; body
// is the request's body, which r.Body also reads again.
type verifiedHandler func(w http.ResponseWriter, r *http.Request, body []byte, received time.Time)

// verified reads the body (at most MaxBodyBytes) and checks the request's
// signature before calling next.
func (a *Adapter) verified(next verifiedHandler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		received := time.Now()
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				a.log.Warn("slack request refused: body too large", "path", r.URL.Path)
				http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, "cannot read the request body", http.StatusBadRequest)
			return
		}
		if err := a.verify(r.Header, body); err != nil {
			// A flood of forged requests must not become a flood of logs.
			a.refusals.Do(func() {
				a.log.Warn("slack request refused: bad signature (at most 5 such lines a minute)", "path", r.URL.Path, "err", err)
			})
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next(w, r, body, received)
	})
}

// errFutureTimestamp refuses a request signed too far in the future.
var errFutureTimestamp = errors.New("timestamp is more than 5 minutes in the future")

// verify checks that body was signed with the signing secret less than
// maxSignatureAge ago (by Config.Now; slack-go checks the system clock too).
func (a *Adapter) verify(h http.Header, body []byte) error {
	sec, err := strconv.ParseInt(h.Get("X-Slack-Request-Timestamp"), 10, 64)
	if err != nil {
		return slackapi.ErrMissingHeaders
	}
	switch age := a.cfg.Now().Sub(time.Unix(sec, 0)); {
	case age > maxSignatureAge:
		return slackapi.ErrExpiredTimestamp
	case age < -maxSignatureAge:
		return errFutureTimestamp
	}
	sv, err := slackapi.NewSecretsVerifier(h, a.cfg.SigningSecret)
	if err != nil {
		return err
	}
	if _, err := sv.Write(body); err != nil {
		return err
	}
	return sv.Ensure()
}

// serveEvents answers the URL verification challenge and queues events.
func (a *Adapter) serveEvents(w http.ResponseWriter, r *http.Request, body []byte, received time.Time) {
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err != nil {
		if !json.Valid(body) {
			http.Error(w, "malformed event", http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusOK) // an event type slack-go does not know: not ours to answer
		return
	}
	switch data := ev.Data.(type) {
	case *slackevents.EventsAPIURLVerificationEvent:
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, data.Challenge)
	case *slackevents.EventsAPICallbackEvent:
		j, ok := a.eventJob(ev.InnerEvent, received)
		if ok {
			a.acceptHTTP(w, r, eventKey(data), j)
			return
		}
		w.WriteHeader(http.StatusOK)
	case *slackevents.EventsAPIAppRateLimited:
		a.log.Warn("slack is dropping events: the app is rate limited", "minute", data.MinuteRateLimited)
		w.WriteHeader(http.StatusOK)
	default:
		w.WriteHeader(http.StatusOK)
	}
}

// serveCommand queues a /aftercare command; the answer goes to its
// response URL, so the response to Slack is empty.
func (a *Adapter) serveCommand(w http.ResponseWriter, r *http.Request, _ []byte, received time.Time) {
	cmd, err := slackapi.SlashCommandParse(r)
	if err != nil {
		http.Error(w, "malformed command", http.StatusBadRequest)
		return
	}
	j, ok := a.commandJob(cmd, received)
	if !ok {
		w.WriteHeader(http.StatusOK)
		return
	}
	a.acceptHTTP(w, r, triggerKey(cmd.TriggerID), j)
}

// serveInteraction queues a button press.
func (a *Adapter) serveInteraction(w http.ResponseWriter, r *http.Request, _ []byte, received time.Time) {
	cb, err := slackapi.InteractionCallbackParse(r)
	if err != nil {
		http.Error(w, "malformed interaction", http.StatusBadRequest)
		return
	}
	j, ok := a.actionJob(cb, received)
	if !ok {
		w.WriteHeader(http.StatusOK)
		return
	}
	a.acceptHTTP(w, r, triggerKey(cb.TriggerID), j)
}

// acceptHTTP queues j without waiting and answers Slack: 200 when queued
// (or a repeated delivery), 503 when the bot is stopping or overloaded.
func (a *Adapter) acceptHTTP(w http.ResponseWriter, r *http.Request, key string, j job) {
	err := a.accept(r.Context(), key, j, false)
	if err != nil && !errors.Is(err, errNotKept) && a.cfg.Intake != nil && key != "" {
		// Kept but not queued (too busy, stopping): let Slack deliver it
		// again rather than wait for a restart.
		j.msg.DeliveryID = key
		a.cfg.Intake.Done(r.Context(), j.msg)
	}
	if err != nil {
		a.log.Warn("slack request refused; Slack will deliver it again", "source", j.source, "err", err)
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}
