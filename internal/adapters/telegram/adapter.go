// Package telegram is the chat adapter for patients on Telegram, through
// github.com/go-telegram-bot-api/telegram-bot-api/v5. It receives updates
// by long polling (its own context-aware getUpdates loop, which confirms an
// update only once it has been handled) or by webhook, answers each chat in
// order and different chats in parallel, and sends within Telegram's limits,
// retrying what can be retried.
package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/backoff"
	"github.com/clinicbot/aftercare/internal/inorder"
)

const platform = "telegram"

// Handler handles one inbound message; in production the desk, which
// answers through the adapter's Send. An error that Is
// aftercare.ErrRetryLater leaves the update unconfirmed, so that Telegram
// delivers it again; any other outcome confirms it. Telegram confirms only
// every update below an offset, so one left unfinished at shutdown also
// brings back, after a restart, the newer ones already answered: a Handler
// skips a DeliveryID it has handled (the desk claims each in the store).
type Handler interface {
	Handle(ctx context.Context, in aftercare.Inbound) error
}

// Leader lets one replica of several long-poll (Telegram answers a second
// poller with 409 Conflict): Lead runs fn only while this replica leads,
// ending fn's context when it stops leading, and returns when ctx ends.
type Leader interface {
	Lead(ctx context.Context, fn func(context.Context) error) error
}

// Recorder counts sends and recovered panics.
type Recorder interface {
	SendError(platform, reason string)
	SendRetry(platform string)
	Panicked(platform string)
}

// Config configures the adapter. Token, Handler and Recorder are required.
type Config struct {
	Token string
	// APIEndpoint is the Bot API endpoint, format …/bot%s/%s
	// (tgbotapi.APIEndpoint when empty).
	APIEndpoint string
	// WebhookURL switches to webhook mode; WebhookSecret is then required.
	WebhookURL    string
	WebhookSecret string

	Handler  Handler
	Recorder Recorder
	Logger   *slog.Logger
	// Redact is applied to every error that can carry the request URL (and
	// so the token) before it is logged or returned.
	Redact func(error) error
	// SetReady reports readiness: nil once connected, else why not.
	SetReady func(error)
	// Leader, when set, has this process long-poll only while it leads;
	// nil polls whenever running. Webhook mode does not use it: every
	// replica serves the webhook.
	Leader Leader

	// Transport carries the HTTP requests (http.DefaultTransport when nil).
	Transport http.RoundTripper
	// Workers bounds how many chats are answered at once (default 16).
	Workers int
	// MaxPending bounds the updates taken from Telegram and not yet handled
	// (default 8 per worker). The rest wait at Telegram, unconfirmed, so
	// that a shutdown can finish everything it took.
	MaxPending int
	Limits     Limits         // DefaultLimits when zero
	Backoff    backoff.Policy // backoff.Default when zero
	// PollTimeout is the long-poll timeout (default 30 s).
	PollTimeout time.Duration
	// BusyRepoll is how long the poller waits before asking again when
	// every update Telegram returned is still being handled (default 1 s):
	// new updates come in meanwhile, one slow reply holds back no other
	// chat.
	BusyRepoll time.Duration
	// WebhookHandoff bounds how long a webhook request waits for room in
	// the queue before it is answered 503, for Telegram to deliver it again
	// (default 10 s).
	WebhookHandoff time.Duration
	// DrainTimeout bounds finishing in-flight replies at shutdown (default 10 s).
	DrainTimeout time.Duration
	// SendTimeout bounds one request to send (default 15 s); a send that
	// times out is reported uncertain, not sent again.
	SendTimeout time.Duration
}

// Adapter is the Telegram adapter. Run it once.
type Adapter struct {
	cfg        Config
	self       tgbotapi.User
	poller     *tgbotapi.BotAPI // requests that stop with Run's context
	sender     *tgbotapi.BotAPI // requests that may outlive it until the drain deadline
	pollClient *ctxClient
	sendClient *ctxClient
	send       atomic.Pointer[sender] // set once connected; Send may be called before, from any goroutine
	track      *tracker
	dispatch   *inorder.Runner
	hook       *webhook
	stopping   chan struct{} // closed when Run's context ends (webhook mode)
	drained    chan struct{} // closed when the drain is over: waiting webhook requests end
	endDrain   func()        // closes drained, once
	ran        atomic.Bool
	username   atomic.Pointer[string]
	// fileEndpoint is where files are downloaded from, format
	// …/file/bot%s/%s; files is how, once connected (Fetch runs on other
	// goroutines than Run).
	fileEndpoint string
	files        atomic.Pointer[fileClient]
}

// Username returns the bot's Telegram username once Run has connected
// (getMe), and "" before. It is safe for concurrent use.
func (a *Adapter) Username() string {
	if u := a.username.Load(); u != nil {
		return *u
	}
	return ""
}

// errRefused marks a start-up request Telegram refused for good.
var errRefused = errors.New("telegram refused a start-up request (400 Bad Request); check TELEGRAM_WEBHOOK_URL")

// ErrRunTwice is returned by a second call to Run.
var ErrRunTwice = errors.New("telegram: the adapter is already running or has run")

// New checks the configuration and returns an adapter. It makes no request.
func New(cfg Config) (*Adapter, error) {
	switch {
	case cfg.Token == "":
		return nil, errors.New("telegram: no bot token")
	case cfg.Handler == nil || cfg.Recorder == nil:
		return nil, errors.New("telegram: Handler and Recorder are required")
	case cfg.WebhookURL != "" && cfg.WebhookSecret == "":
		return nil, errors.New("telegram: a webhook needs a secret")
	}
	if cfg.APIEndpoint == "" {
		cfg.APIEndpoint = tgbotapi.APIEndpoint
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Redact == nil {
		cfg.Redact = func(err error) error { return err }
	}
	if cfg.SetReady == nil {
		cfg.SetReady = func(error) {}
	}
	if cfg.Transport == nil {
		cfg.Transport = http.DefaultTransport
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 16
	}
	if cfg.MaxPending <= 0 {
		cfg.MaxPending = 8 * cfg.Workers
	}
	if cfg.Limits == (Limits{}) {
		cfg.Limits = DefaultLimits
	}
	if cfg.BusyRepoll <= 0 {
		cfg.BusyRepoll = time.Second
	}
	if cfg.PollTimeout <= 0 {
		cfg.PollTimeout = 30 * time.Second
	}
	if cfg.DrainTimeout <= 0 {
		cfg.DrainTimeout = 10 * time.Second
	}
	if cfg.WebhookHandoff <= 0 {
		cfg.WebhookHandoff = 10 * time.Second
	}
	if cfg.SendTimeout <= 0 {
		cfg.SendTimeout = 15 * time.Second
	}
	a := &Adapter{cfg: cfg, fileEndpoint: fileEndpoint(cfg.APIEndpoint), track: newTracker(), dispatch: inorder.New(cfg.Workers, cfg.MaxPending), stopping: make(chan struct{}), drained: make(chan struct{})}
	a.endDrain = sync.OnceFunc(func() { close(a.drained) })
	if cfg.WebhookURL != "" {
		u, err := url.Parse(cfg.WebhookURL)
		if err != nil || u.Path == "" {
			return nil, fmt.Errorf("telegram: webhook URL %q has no path to serve", cfg.WebhookURL)
		}
		a.hook = newWebhook(a, u.Path)
	}
	return a, nil
}

// Routes returns the HTTP handlers to mount on the bot's server: the webhook
// endpoint in webhook mode, none when polling.
func (a *Adapter) Routes() map[string]http.Handler {
	if a.hook == nil {
		return nil
	}
	return map[string]http.Handler{"POST " + a.hook.path: a.hook}
}

// Run connects and answers updates until ctx ends, then stops receiving,
// finishes the replies in flight (at most DrainTimeout), confirms what was
// handled, and returns nil. It returns an error wrapping ErrUnauthorized
// when Telegram refuses the token; network and server errors are retried
// with back-off for as long as ctx lasts.
func (a *Adapter) Run(ctx context.Context) error {
	if !a.ran.CompareAndSwap(false, true) {
		return ErrRunTwice
	}
	defer a.endDrain()
	// Sends start while sendCtx lasts; requests already on the wire are
	// only cut when wireCtx ends, a little later: cutting one could lose
	// the knowledge that Telegram delivered it, and the reply would go
	// out twice after a restart.
	sendCtx, stopSending := context.WithCancel(context.Background())
	defer stopSending()
	wireCtx, cutWire := context.WithCancel(context.Background())
	defer cutWire()
	if err := a.connect(ctx, wireCtx); err != nil {
		if errors.Is(err, ErrUnauthorized) || errors.Is(err, errRefused) {
			return err
		}
		return nil // ctx ended while connecting
	}
	var err error
	switch {
	case a.hook != nil:
		err = a.serveWebhook(ctx, sendCtx)
	case a.cfg.Leader != nil:
		err = a.cfg.Leader.Lead(ctx, func(ctx context.Context) error {
			a.cfg.Logger.Info("telegram: this replica polls for updates")
			defer a.cfg.Logger.Info("telegram: this replica stopped polling; another takes over")
			return a.poll(ctx, sendCtx)
		})
	default:
		err = a.poll(ctx, sendCtx)
	}
	a.drain(stopSending, cutWire)
	if a.hook == nil && a.track.offset() > 0 { // a standby that never polled confirms nothing
		a.confirm()
	}
	return err
}

// wireGrace is how long requests already sent may take to complete after
// the drain deadline.
const wireGrace = 2 * time.Second

// drain waits for the replies in flight, at most DrainTimeout; then no new
// send starts, requests on the wire get wireGrace to complete, and every
// handler goroutine has ended when drain returns. Replies not sent by then
// are not confirmed, so Telegram delivers their updates again after a
// restart.
func (a *Adapter) drain(stopSending, cutWire context.CancelFunc) {
	defer a.endDrain()
	a.dispatch.Close()
	deadline, cancel := context.WithTimeout(context.Background(), a.cfg.DrainTimeout)
	defer cancel()
	if a.dispatch.Wait(deadline) {
		return
	}
	a.cfg.Logger.Warn("telegram: replies still in flight at the drain deadline; they will be answered after a restart, or recorded as uncertain if they were on the wire",
		"updates", a.dispatch.Queued())
	stopSending()
	grace, cancelGrace := context.WithTimeout(context.Background(), wireGrace)
	defer cancelGrace()
	if !a.dispatch.Wait(grace) {
		cutWire()
	}
	a.dispatch.Wait(context.Background())
}

// connect checks the token (getMe), registers the commands and sets up
// polling or the webhook, retrying network and server errors while ctx
// lasts. It returns an error wrapping ErrUnauthorized if the token is
// refused, or ctx's error. Sending requests are bound to wireCtx.
func (a *Adapter) connect(ctx, wireCtx context.Context) error {
	a.pollClient = &ctxClient{ctx: ctx, client: &http.Client{Transport: a.cfg.Transport, Timeout: a.cfg.PollTimeout + 15*time.Second}}
	a.sendClient = &ctxClient{ctx: wireCtx, client: &http.Client{Transport: a.cfg.Transport, Timeout: a.cfg.SendTimeout}}
	for _, step := range []func() error{a.getMe, a.setCommands, a.setUpdateMode} {
		if err := a.retry(ctx, step); err != nil {
			return err
		}
	}
	a.cfg.SetReady(nil)
	a.cfg.Logger.Info("telegram: connected", "bot", a.self.UserName, "webhook", a.hook != nil)
	return nil
}

// retry runs a start-up step until it succeeds, the token is refused, or
// ctx ends.
func (a *Adapter) retry(ctx context.Context, step func() error) error {
	for attempt := 0; ; attempt++ {
		err := step()
		switch {
		case err == nil:
			return nil
		case isUnauthorized(err):
			return ErrUnauthorized
		case ctx.Err() != nil:
			return ctx.Err()
		case classify(err).reason == "bad_request":
			// Permanent: a webhook URL Telegram will not use, say.
			return fmt.Errorf("%w: %w", errRefused, a.cfg.Redact(err))
		}
		err = a.cfg.Redact(err)
		a.cfg.SetReady(fmt.Errorf("connecting: %v", err))
		a.cfg.Logger.Warn("telegram: cannot connect yet; retrying", "reason", classify(err).reason, "err", err)
		if err := backoff.Sleep(ctx, a.cfg.Backoff.Delay(attempt)); err != nil {
			return err
		}
	}
}

// getMe checks the token and learns the bot's own user. The poller's
// requests stop with Run's context; the sender's only at the drain
// deadline, so that replies in flight still go out after a signal.
func (a *Adapter) getMe() error {
	bot, err := tgbotapi.NewBotAPIWithClient(a.cfg.Token, a.cfg.APIEndpoint, a.pollClient)
	if err != nil {
		return err
	}
	a.self, a.poller = bot.Self, bot
	a.username.Store(&bot.Self.UserName)
	sender := *bot
	sender.Client = a.sendClient
	a.sender = &sender
	a.send.Store(newSender(a.sender, a.cfg.Limits, a.cfg.Backoff, a.cfg.Recorder, a.cfg.Logger, a.cfg.Redact))
	a.files.Store(&fileClient{bot: sender, http: a.sendClient.client})
	return nil
}

// commands are registered with setMyCommands at start-up.
var commands = []tgbotapi.BotCommand{
	{Command: "start", Description: "Start: what I can help with"},
	{Command: "help", Description: "How to ask me a question"},
	{Command: "topics", Description: "Aftercare topics"},
	{Command: "treatment", Description: "Tell me when you were treated"},
	{Command: "reminders", Description: "Serum reminders, morning and evening"},
	{Command: "stop", Description: "Stop the serum reminders"},
	{Command: "human", Description: "Talk to the clinic team"},
	{Command: "privacy", Description: "What I keep and share, and for how long"},
	{Command: "forget", Description: "Delete what I keep about you"},
}

func (a *Adapter) setCommands() error {
	_, err := a.poller.Request(tgbotapi.NewSetMyCommands(commands...))
	return err
}

// setUpdateMode deletes any webhook before polling (a stale one would make
// every getUpdates fail with 409 Conflict), or registers ours.
func (a *Adapter) setUpdateMode() error {
	if a.hook == nil {
		_, err := a.poller.Request(tgbotapi.DeleteWebhookConfig{})
		return err
	}
	_, err := a.poller.MakeRequest("setWebhook", tgbotapi.Params{
		"url": a.cfg.WebhookURL, "secret_token": a.cfg.WebhookSecret,
		"allowed_updates": allowedUpdates,
	})
	return err
}

// chatKey is a chat ID as conversation messages carry it.
func chatKey(id int64) string { return strconv.FormatInt(id, 10) }
