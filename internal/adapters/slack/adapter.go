// Package slack is the chat adapter for Slack, for clinic staff: mentions in
// channels and direct messages are answered in their thread, /aftercare
// answers privately, and "did you mean…?" questions come with buttons.
// Replies use Block Kit with a plain-text fallback, and show staff why the
// bot answered as it did (the matched item, its confidence, the runners-up).
//
// It runs over Socket Mode when an app token is configured, else over the
// HTTP Events API, whose endpoints (Routes) are mounted on the bot's HTTP
// server. Either way every request is acknowledged first and handed to the
// Handler afterwards, each person's in order; the Handler (the desk)
// recognises deliveries Slack repeats by their event or trigger ID. The
// Adapter is also the Slack aftercare.Sender.
package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	slackapi "github.com/slack-go/slack"
	"golang.org/x/time/rate"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/backoff"
	"github.com/clinicbot/aftercare/internal/inorder"
)

// Platform is the platform label of the adapter's metrics.
const Platform = "slack"

// DefaultDrainTimeout is how long Run waits for in-flight replies after its
// context ends, when Config.DrainTimeout is 0.
const DefaultDrainTimeout = 10 * time.Second

// defaultHTTPTimeout bounds each Web API call when Config.HTTPClient is nil.
const defaultHTTPTimeout = 15 * time.Second

// ErrAuth means Slack refused a token: the bot token (auth.test) or the
// app token (Socket Mode). Run's error wraps it and says which token;
// retrying cannot help. It is aftercare.ErrUnauthorized, the sentinel every
// adapter shares.
var ErrAuth = aftercare.ErrUnauthorized

// ErrRunTwice is returned by a second call to Run.
var ErrRunTwice = errors.New("slack: Run called twice")

// Handler handles one inbound message; in production the desk, which
// answers through the adapter's Send. It must be safe for concurrent use.
type Handler interface {
	Handle(ctx context.Context, in aftercare.Inbound) error
}

// Intake keeps the requests the adapter acknowledges until they are
// handled: Slack does not deliver an acknowledged request again, so one
// taken must survive a restart. In production it is the desk.
type Intake interface {
	// Hold keeps in; the request is acknowledged only when it returns nil.
	Hold(ctx context.Context, in aftercare.Inbound) error
	// Done forgets in: it was answered, or given up for good.
	Done(ctx context.Context, in aftercare.Inbound)
	// Held returns up to limit requests from platform held for at least
	// minAge, oldest first.
	Held(ctx context.Context, platform aftercare.Platform, minAge time.Duration, limit int) ([]aftercare.Inbound, error)
}

// Recorder counts sends; in production it is *metrics.Registry. The
// platform is always "slack". It must be safe for concurrent use.
type Recorder interface {
	SendError(platform, reason string)
	SendRetry(platform string)
	Panicked(platform string)
}

// Config configures an Adapter. BotToken and Handler are required, and
// SigningSecret is required without AppToken; the rest have defaults.
type Config struct {
	BotToken      string // xoxb-…
	AppToken      string // xapp-…; set = Socket Mode, empty = HTTP Events API
	SigningSecret string // required in HTTP mode
	// APIURL is the Web API base URL, e.g. "https://slack.com/api/" (the
	// default) or a test server's; a missing trailing slash is added.
	APIURL  string
	Handler Handler
	// Intake keeps acknowledged requests until they are handled; nil keeps
	// nothing (a request taken when the bot stops is lost).
	Intake   Intake
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
	// Now is the clock for the signature age; nil is time.Now.
	Now func() time.Time
	// CareChannel is the care team's channel: staff's replies in its
	// threads, their edits and deletions are handed to the Handler
	// (aftercare.CommandStaffReply, CommandStaffEdit); "" takes none.
	CareChannel string
}

// webAPI is what the adapter needs from slack-go's Web API client.
type webAPI interface {
	AuthTestContext(ctx context.Context) (*slackapi.AuthTestResponse, error)
	PostMessageContext(ctx context.Context, channelID string, options ...slackapi.MsgOption) (string, string, error)
	// The care team's thread (care.go).
	UpdateMessageContext(ctx context.Context, channelID, timestamp string, options ...slackapi.MsgOption) (string, string, string, error)
	DeleteMessageContext(ctx context.Context, channel, messageTimestamp string) (string, string, error)
	AddReactionContext(ctx context.Context, name string, item slackapi.ItemRef) error
	GetConversationRepliesContext(ctx context.Context, params *slackapi.GetConversationRepliesParameters) ([]slackapi.Message, bool, string, error)
	GetConversationHistoryContext(ctx context.Context, params *slackapi.GetConversationHistoryParameters) (*slackapi.GetConversationHistoryResponse, error)
	GetUserInfoContext(ctx context.Context, user string, options ...slackapi.GetUserInfoOption) (*slackapi.User, error)
	// Files in the care team's thread (upload.go).
	UploadFileContext(ctx context.Context, params slackapi.UploadFileParameters) (*slackapi.FileSummary, error)
	DeleteFileContext(ctx context.Context, fileID string) error
}

// Adapter connects the Handler to Slack. Its methods are safe for
// concurrent use; Run must be called once.
type Adapter struct {
	cfg     Config
	client  *slackapi.Client
	api     webAPI
	log     *slog.Logger
	runner  *inorder.Runner
	backoff backoff.Policy // between re-sends after a server or network error
	botUser atomic.Pointer[string]
	ran     atomic.Bool

	refusals  rate.Sometimes // limits the warnings about refused requests
	accepting atomic.Bool    // connected and not stopping: requests are taken
	inflight  sync.Map       // delivery IDs queued or being handled in this process
	stopped   atomic.Bool
	// workCtx bounds handling: it ends DrainTimeout after Run's context.
	workCtx context.Context
	names   names // staff's first names
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
		cfg:      cfg,
		client:   client,
		api:      client,
		log:      cfg.Logger.With("platform", Platform),
		runner:   inorder.New(workers, maxQueued),
		refusals: rate.Sometimes{First: 5, Interval: time.Minute},
		backoff:  sendBackoff,
		workCtx:  context.Background(),
	}
	return a, nil
}

func validate(cfg *Config) error {
	switch {
	case cfg.BotToken == "":
		return errors.New("a bot token is required")
	case cfg.Handler == nil:
		return errors.New("a Handler is required")
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

func (nopRecorder) SendError(string, string) {}
func (nopRecorder) SendRetry(string)         {}
func (nopRecorder) Panicked(string)          {}

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
	if !a.ran.CompareAndSwap(false, true) {
		return ErrRunTwice
	}
	return a.run(ctx)
}

func (a *Adapter) run(ctx context.Context) error {
	defer a.stopped.Store(true)
	if err := a.authenticate(ctx); err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	work, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWork()
	a.workCtx = work
	a.accepting.Store(true)
	resumed := make(chan struct{})
	go func() { defer close(resumed); a.resume(ctx) }()
	defer func() { <-resumed }()
	var err error
	if a.socketMode() {
		err = a.runSocketMode(ctx)
	} else {
		a.cfg.SetReady(nil)
		a.log.Info("slack ready (HTTP Events API)")
		<-ctx.Done()
	}
	a.cfg.SetReady(errStopped)
	a.drain(stopWork)
	return err
}

// drain stops taking requests and waits for those taken to be handled,
// cancelling their context after DrainTimeout.
func (a *Adapter) drain(stopWork context.CancelFunc) {
	a.stopped.Store(true)
	a.accepting.Store(false)
	a.runner.Close()
	deadline, cancel := context.WithTimeout(context.Background(), a.cfg.DrainTimeout)
	defer cancel()
	if a.runner.Wait(deadline) {
		return
	}
	a.log.Warn("slack replies still in flight after the drain timeout; cancelling them",
		"drain_timeout", a.cfg.DrainTimeout)
	stopWork()
	a.runner.Wait(context.Background())
}
