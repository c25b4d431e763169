// Package slack is the chat adapter for Slack, for clinic staff: mentions in
// channels and direct messages are answered in their thread, /aftercare
// answers privately, and "did you mean…?" questions come with buttons.
// Replies use Block Kit with a plain-text fallback, and show staff why the
// bot answered as it did (the matched item, its confidence, the runners-up).
//
// It runs over Socket Mode when an app token is configured, else over the
// HTTP Events API, whose endpoints (Routes) are mounted on the bot's HTTP
// server. Either way every request is acknowledged first and answered
// afterwards by a few workers; deliveries Slack repeats are answered once.
package slack

import (
	"context"
	"errors"
	"fmt"
	"github.com/clinicbot/aftercare"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/clinicbot/aftercare/internal/backoff"
)

// Platform is the Platform of every Message the adapter sends to the
// Answerer, and the platform label of its metrics.
const Platform = "slack"

// DefaultDrainTimeout is how long Run waits for in-flight replies after its
// context ends, when Config.DrainTimeout is 0.
const DefaultDrainTimeout = 10 * time.Second

// defaultHTTPTimeout bounds each Web API call when Config.HTTPClient is nil.
const defaultHTTPTimeout = 15 * time.Second

// Worker pool: replies are answered by this many workers, each with a
// queue of its own; a person's messages always go to the same worker, so
// they are answered in order.
const (
	workers     = 4
	queueLength = 64
)

// ErrAuth means Slack refused a token: the bot token (auth.test) or the
// app token (Socket Mode). Run's error wraps it and says which token;
// retrying cannot help.
var ErrAuth = errors.New("token refused")

// Answerer answers messages; in production it is *observe.Handler, which
// logs, counts and recovers from panics. It must be safe for concurrent use.
type Answerer interface {
	Answer(ctx context.Context, msg aftercare.Inbound) aftercare.Outgoing
	Sections() []aftercare.Section
}

// Recorder counts sends; in production it is *metrics.Registry. The
// platform is always "slack". It must be safe for concurrent use.
type Recorder interface {
	SendError(platform, reason string)
	SendRetry(platform string)
	ReplyLatency(platform string, d time.Duration)
}

// Config configures an Adapter. BotToken and Bot are required, and
// SigningSecret is required without AppToken; the rest have defaults.
type Config struct {
	BotToken      string // xoxb-…
	AppToken      string // xapp-…; set = Socket Mode, empty = HTTP Events API
	SigningSecret string // required in HTTP mode
	// APIURL is the Web API base URL, e.g. "https://slack.com/api/" (the
	// default) or a test server's; a missing trailing slash is added.
	APIURL   string
	Bot      Answerer
	Recorder Recorder     // nil counts nothing
	Logger   *slog.Logger // nil logs nothing
	// Redact is applied to every error that can carry a URL, token or header
	// before it is logged or returned; nil leaves errors as they are.
	Redact func(error) error
	// SetReady reports readiness: nil when connected and ready, else why
	// not. It is called from Run's goroutine; nil ignores readiness.
	SetReady func(err error)
	// HTTPClient makes the Web API calls; nil is a client with a timeout.
	// The adapter retries itself: do not give it a retrying client.
	HTTPClient *http.Client
	// DrainTimeout is how long Run waits for in-flight replies after ctx
	// ends (DefaultDrainTimeout when 0).
	DrainTimeout time.Duration
	// Now is the clock for the dedupe TTL and the signature age; nil is
	// time.Now.
	Now func() time.Time
}

// webAPI is what the adapter needs from slack-go's Web API client.
type webAPI interface {
	AuthTestContext(ctx context.Context) (*slackapi.AuthTestResponse, error)
	PostMessageContext(ctx context.Context, channelID string, options ...slackapi.MsgOption) (string, string, error)
}

// Adapter connects the Answerer to Slack. Its methods are safe for
// concurrent use; Run must be called once.
type Adapter struct {
	cfg     Config
	client  *slackapi.Client
	api     webAPI
	log     *slog.Logger
	seen    *dedupe
	queue   *queue
	backoff backoff.Policy // between re-sends after a server or network error
	botUser atomic.Pointer[string]
	running sync.Once
}

// New validates cfg and returns an Adapter. It makes no network call.
func New(cfg Config) (*Adapter, error) {
	if err := validate(&cfg); err != nil {
		return nil, fmt.Errorf("slack config: %w", err)
	}
	setDefaults(&cfg)
	client := slackapi.New(cfg.BotToken,
		slackapi.OptionAPIURL(cfg.APIURL),
		slackapi.OptionHTTPClient(cfg.HTTPClient),
		slackapi.OptionAppLevelToken(cfg.AppToken),
		// No OptionRetry: slack-go does not retry unless asked, and send.go
		// decides what may be re-sent.
	)
	a := &Adapter{
		cfg:     cfg,
		client:  client,
		api:     client,
		log:     cfg.Logger.With("platform", Platform),
		seen:    newDedupe(dedupeTTL, dedupeMax, cfg.Now),
		queue:   newQueue(workers, queueLength),
		backoff: sendBackoff,
	}
	return a, nil
}

func validate(cfg *Config) error {
	switch {
	case cfg.BotToken == "":
		return errors.New("a bot token is required")
	case cfg.Bot == nil:
		return errors.New("an Answerer is required")
	case cfg.AppToken == "" && cfg.SigningSecret == "":
		return errors.New("a signing secret is required without an app token (HTTP Events API)")
	}
	if cfg.APIURL == "" {
		cfg.APIURL = slackapi.APIURL
	}
	if !strings.HasSuffix(cfg.APIURL, "/") {
		cfg.APIURL += "/"
	}
	u, err := url.Parse(cfg.APIURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return errors.New("the API URL must be an http(s):// URL")
	}
	if cfg.DrainTimeout < 0 {
		return errors.New("the drain timeout must not be negative")
	}
	return nil
}

func setDefaults(cfg *Config) {
	if cfg.Recorder == nil {
		cfg.Recorder = nopRecorder{}
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
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: defaultHTTPTimeout}
	}
	if cfg.DrainTimeout == 0 {
		cfg.DrainTimeout = DefaultDrainTimeout
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
}

type nopRecorder struct{}

func (nopRecorder) SendError(string, string)           {}
func (nopRecorder) SendRetry(string)                   {}
func (nopRecorder) ReplyLatency(string, time.Duration) {}

// socketMode reports whether the adapter uses Socket Mode.
func (a *Adapter) socketMode() bool { return a.cfg.AppToken != "" }

// botUserID is the bot's own user ID, known after auth.test ("" before).
func (a *Adapter) botUserID() string {
	if p := a.botUser.Load(); p != nil {
		return *p
	}
	return ""
}

// errStopped is the readiness reason once Run is stopping.
var errStopped = errors.New("stopped")

// Run connects to Slack and answers until ctx ends. It first calls
// auth.test to learn the bot's user ID: a refused token returns an error
// wrapping ErrAuth, another error from Slack is returned, and outages are
// retried with back-off until ctx ends. In Socket
// Mode it then keeps a Socket Mode connection (reconnecting as needed); in
// HTTP mode it answers what the Routes handlers queue. When ctx ends it
// stops taking requests, waits up to DrainTimeout for the replies in flight
// and returns nil, after every goroutine it started has ended. It returns
// an error only when it cannot go on (a refused token). Errors are
// redacted with Config.Redact.
func (a *Adapter) Run(ctx context.Context) error {
	err := errors.New("slack: Run called twice")
	a.running.Do(func() { err = a.run(ctx) })
	return err
}

func (a *Adapter) run(ctx context.Context) error {
	if err := a.authenticate(ctx); err != nil {
		a.queue.close() // the HTTP handlers refuse work from now on
		a.discard()
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	work, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWork()
	var wg sync.WaitGroup
	for _, jobs := range a.queue.shards {
		wg.Go(func() { a.work(work, jobs) })
	}
	var err error
	if a.socketMode() {
		err = a.runSocketMode(ctx)
	} else {
		a.cfg.SetReady(nil)
		a.log.Info("slack ready (HTTP Events API)")
		<-ctx.Done()
	}
	a.cfg.SetReady(errStopped)
	a.drain(&wg, stopWork)
	return err
}

// drain stops the queue and waits for the workers to finish what it holds,
// cancelling their context after DrainTimeout.
func (a *Adapter) drain(wg *sync.WaitGroup, stopWork context.CancelFunc) {
	a.queue.close()
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	timer := time.NewTimer(a.cfg.DrainTimeout)
	defer timer.Stop()
	select {
	case <-done:
	case <-timer.C:
		a.log.Warn("slack replies still in flight after the drain timeout; cancelling them",
			"drain_timeout", a.cfg.DrainTimeout)
		stopWork()
		<-done
	}
}
