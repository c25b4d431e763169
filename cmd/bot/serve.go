package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/adapters/console"
	slackbot "github.com/clinicbot/aftercare/internal/adapters/slack"
	"github.com/clinicbot/aftercare/internal/adapters/telegram"
	"github.com/clinicbot/aftercare/internal/care"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/desk"
	"github.com/clinicbot/aftercare/internal/inbox"
	"github.com/clinicbot/aftercare/internal/metrics"
	"github.com/clinicbot/aftercare/internal/observe"
	"github.com/clinicbot/aftercare/internal/redact"
	"github.com/clinicbot/aftercare/internal/reminders"
	"github.com/clinicbot/aftercare/internal/replica"
	"github.com/clinicbot/aftercare/internal/reply"
	"github.com/clinicbot/aftercare/internal/server"
	"github.com/clinicbot/aftercare/internal/store"
	"github.com/clinicbot/aftercare/internal/treatment"
)

// runner is one long-running part of the bot: a chat adapter.
type runner struct {
	name string
	run  func(ctx context.Context) error
}

// app is everything serve wires together.
type app struct {
	cfg      Config
	log      *slog.Logger
	redactor *redact.Redactor
	metrics  *metrics.Registry
	service  *reply.Service
	handler  *observe.Handler
	health   *server.Health
	server   *server.Server
	store    *store.DB
	desk     *desk.Desk
	replica  *replica.Replica  // this process among those sharing the store
	telegram *telegram.Adapter // nil when Telegram is not configured
	team     *care.Team        // nil when the care team's handoff is off
	runners  []runner
}

// serve runs the bot: every configured platform, or the console chat when
// none is, with the HTTP server when a platform runs or HTTP_ADDR is set.
func serve(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	cfg, rest, err := parseConfig("bot", args, getenv, stderr)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErrorf("unexpected arguments %q; run `bot help`", rest)
	}
	in := classifyInput(stdin)
	if !cfg.Platforms() && in == inputNothing {
		// Under systemd with a misspelt token variable: fail loudly, so that
		// the unit's Restart=on-failure and its logs say so.
		return usageErrorf("no platform is configured (TELEGRAM_BOT_TOKEN, SLACK_BOT_TOKEN) and the input is not a terminal or a pipe, " +
			"so there is no one to chat with: set a platform's token, run bot in a terminal, or pipe messages into it")
	}
	a, err := openApp(ctx, cfg, getenv, stderr)
	if err != nil {
		return err
	}
	defer a.store.Close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	routes, err := a.platforms()
	if err != nil {
		return err
	}
	if !cfg.Platforms() {
		chat := &console.Chat{Handler: a.desk, In: stdin, Out: stdout, Interactive: in == inputTerminal}
		a.desk.Register(aftercare.Console, chat)
		a.runners = append(a.runners, runner{name: "console", run: func(ctx context.Context) error {
			defer cancel() // the chat ending ends the bot
			return chat.Run(ctx)
		}})
	}
	addr := cfg.HTTPAddr
	if addr == "" && cfg.Platforms() {
		addr = defaultHTTPAddr
	}
	if addr != "" {
		a.server = server.New(server.Options{Addr: addr, Health: a.health, Metrics: a.metrics.Handler(),
			ReloadToken: cfg.ReloadToken, Reload: a.reload, Logger: a.log,
			// The adapters drain for drainTimeout, then give requests on the
			// wire 2 s more; webhook requests end with them.
			ShutdownTimeout: drainTimeout + 3*time.Second})
		for pattern, h := range routes {
			a.server.Handle(pattern, h)
		}
	}
	a.log.Info("bot starting", "content", contentName(cfg.ContentDir), "items", a.service.Items(),
		"store", a.cfg.Database.String(), "http_addr", addr, "console", !cfg.Platforms(), "telegram", cfg.Telegram.Token != "", "slack", cfg.Slack.BotToken != "",
		"replica", a.replica.ID, "replicas", cfg.Replicas)
	err = a.run(ctx)
	a.log.Info("bot stopped")
	return err
}

// drainTimeout bounds finishing in-flight replies after a signal; with the
// adapters' grace for requests already sent, the bot stops within 10 s.
var drainTimeout = 8 * time.Second // a variable for tests

// platforms adds a runner for every configured platform and returns the
// HTTP handlers they need mounted.
func (a *app) platforms() (map[string]http.Handler, error) {
	routes := map[string]http.Handler{}
	if tc := a.cfg.Telegram; tc.Token != "" {
		a.health.Set("telegram", errors.New("connecting"))
		tg, err := telegram.New(telegram.Config{
			Token: tc.Token, APIEndpoint: tc.APIEndpoint, WebhookURL: tc.WebhookURL, WebhookSecret: tc.WebhookSecret,
			Handler: a.desk, Recorder: a.metrics, Logger: a.log, Redact: a.redactor.Error,
			SetReady: func(err error) { a.health.Set("telegram", err) }, DrainTimeout: drainTimeout,
			Leader: a.replica.Leader(telegramPollLease), Limits: telegram.Share(telegram.DefaultLimits, a.cfg.Replicas),
		})
		if err != nil {
			return nil, err
		}
		a.desk.Register(aftercare.Telegram, tg)
		a.telegram = tg
		a.runners = append(a.runners, runner{name: "telegram", run: tg.Run})
		maps.Copy(routes, tg.Routes())
	}
	if sc := a.cfg.Slack; sc.BotToken != "" {
		a.health.Set("slack", errors.New("connecting"))
		sl, err := slackbot.New(slackbot.Config{
			BotToken: sc.BotToken, AppToken: sc.AppToken, SigningSecret: sc.SigningSecret, APIURL: sc.APIURL,
			Handler: a.desk, Intake: a.desk, Recorder: a.metrics, Logger: a.log, Redact: a.redactor.Error,
			SetReady: func(err error) { a.health.Set("slack", err) }, DrainTimeout: drainTimeout,
			CareChannel: a.careChannel(),
		})
		if err != nil {
			return nil, err
		}
		if a.team != nil {
			a.health.Set("care", errors.New("checking the care team's channel"))
			a.runners = append(a.runners, runner{name: "care channel check", run: func(ctx context.Context) error {
				return a.checkCareChannel(ctx, sl)
			}})
		}
		a.desk.Register(aftercare.Slack, sl)
		a.runners = append(a.runners, runner{name: "slack", run: sl.Run})
		maps.Copy(routes, sl.Routes())
	}
	return routes, nil
}

// Store upkeep: how often the store's health is checked and old records
// purged (variables for tests).
var (
	storeCheckEvery = 15 * time.Second
	purgeEvery      = time.Hour
	// How often a replica beats, and how long without one it is taken for
	// dead and its leases (the Telegram poll) are taken over.
	replicaEvery = replica.DefaultEvery
	replicaAlive = replica.DefaultAlive
)

// openStore opens the database DATABASE_URL names (SQLite in the state
// directory by default), applies its migrations, and sets up the desk with
// its upkeep: a health check that makes /readyz report a lost database,
// and the hourly purge of old records. An unreachable database is an
// error naming it, without its password.
func (a *app) openStore(ctx context.Context, getenv func(string) string) error {
	if a.cfg.DatabaseURL == "" {
		raw, err := store.DefaultURL(getenv)
		if err != nil {
			return usageErrorf("DATABASE_URL (--database-url): %v", err)
		}
		if a.cfg.Database, err = store.ParseURL(raw); err != nil {
			return usageErrorf("DATABASE_URL (--database-url): %v", err)
		}
	}
	db, err := store.Open(ctx, a.cfg.Database)
	if err != nil {
		return fmt.Errorf("database %s: %w", a.cfg.Database, a.redactor.Error(err))
	}
	effects := treatment.New(treatment.Config{Location: a.cfg.Location, Times: a.cfg.ReminderTimes,
		CourseDays: a.service.CourseDays, BotUsername: a.botUsername})
	unanswered := inbox.NewEffects(a.service, a.metrics)
	senders := &deskSenders{}
	// This process among the replicas sharing the database: its claims
	// (deliveries, reminders, outbox posts) are taken back by the others
	// as soon as it stops beating.
	id := desk.NewReplicaID()
	if err := a.newTeam(db.As(id), senders); err != nil {
		db.Close()
		return err
	}
	dc := desk.Config{Store: db, Replier: inbox.NewView(db, a.handler), Effects: desk.Chain{effects, unanswered},
		Recorder: a.metrics, Logger: a.log, Retention: a.cfg.Retention, Replica: id}
	if a.team != nil {
		dc.Handoff = a.team
		digest := &inbox.Digest{Store: db, Schedule: a.cfg.Care.Digest, Location: a.cfg.Location, Channel: a.cfg.Care.Channel,
			AlertOnly: a.cfg.Care.Privacy == care.PrivacyAlertOnly, Logger: a.log, Wake: a.team.Wake}
		a.runners = append(a.runners, runner{name: "care team", run: a.team.Run}, runner{name: "inbox digest", run: digest.Run})
	}
	d, err := desk.New(dc)
	if err != nil {
		db.Close()
		return err
	}
	senders.desk = d
	a.replica = &replica.Replica{DB: db, ID: id, Logger: a.log, Every: replicaEvery, Alive: replicaAlive}
	if err := a.replica.Beat(ctx); err != nil {
		db.Close()
		return fmt.Errorf("database %s: %w", a.cfg.Database, a.redactor.Error(err))
	}
	sch, err := reminders.New(reminders.Config{Store: db.As(id), Senders: d, Texts: a.service, Logger: a.log, Grace: a.cfg.ReminderGrace})
	if err != nil {
		db.Close()
		return err
	}
	a.store, a.desk = db, d
	a.health.Set("store", nil)
	a.runners = append(a.runners,
		runner{name: "store check", run: a.checkStore},
		runner{name: "purge", run: func(ctx context.Context) error { return d.RunPurge(ctx, purgeEvery) }},
		runner{name: "reminders", run: sch.Run})
	return nil
}

// telegramPollLease names the lease of the one replica that long-polls
// Telegram.
const telegramPollLease = "telegram-poll"

// botUsername is the Telegram bot's username for invite links: learnt
// from Telegram once connected, else TELEGRAM_BOT_USERNAME.
func (a *app) botUsername() string {
	if a.telegram != nil {
		if name := a.telegram.Username(); name != "" {
			return name
		}
	}
	return a.cfg.Telegram.Username
}

// checkStore pings the database until ctx ends, reporting its health to
// /readyz: a lost database makes the bot unready, with the reason.
func (a *app) checkStore(ctx context.Context) error {
	t := time.NewTicker(storeCheckEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err := a.store.Ping(pctx)
		cancel()
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			err = fmt.Errorf("database unreachable: %w", a.redactor.Error(err))
		}
		a.health.Set("store", err)
	}
}

// openApp builds the app and opens its store; the caller closes a.store.
func openApp(ctx context.Context, cfg Config, getenv func(string) string, stderr io.Writer) (*app, error) {
	a, err := newApp(cfg, stderr)
	if err != nil {
		return nil, err
	}
	if err := a.openStore(ctx, getenv); err != nil {
		return nil, err
	}
	return a, nil
}

// newApp loads content and builds the parts every mode shares.
func newApp(cfg Config, stderr io.Writer) (*app, error) {
	red := redact.New(cfg.Secrets()...)
	level := cfg.LogLevel
	if !cfg.LogLevelSet && !cfg.Platforms() && cfg.HTTPAddr == "" {
		level = slog.LevelWarn // keep the console chat clean
	}
	var base slog.Handler = slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level})
	if cfg.LogFormat == "json" {
		base = slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: level})
	}
	log := slog.New(red.Handler(base))
	cat, m, err := loadContent(cfg.ContentDir)
	if err != nil {
		return nil, err
	}
	reg := metrics.New()
	reg.ContentLoaded(len(cat.Items))
	svc := reply.New(cat, m, cfg.clinic())
	key := []byte(cfg.LogHashKey)
	if len(key) == 0 {
		key = make([]byte, 32)
		rand.Read(key)
	}
	h := observe.New(svc, observe.Options{Logger: log, Recorder: reg, HashKey: key, LogText: cfg.LogMessageText})
	health := server.NewHealth("content")
	health.Set("content", nil)
	return &app{cfg: cfg, log: log, redactor: red, metrics: reg, service: svc, handler: h, health: health}, nil
}

// clinic is the clinic's details for the texts.
func (c Config) clinic() catalog.Clinic {
	var times []string
	for _, t := range c.ReminderTimes {
		times = append(times, t.String())
	}
	return catalog.Clinic{Name: c.ClinicName, Phone: c.ClinicPhone, Location: c.Location, ReminderTimes: times}
}

// reload loads the content again and swaps it in; invalid content keeps
// the old one.
func (a *app) reload(context.Context) error {
	cat, m, err := loadContent(a.cfg.ContentDir)
	if err != nil {
		a.metrics.Reloaded("error")
		a.log.Error("content reload failed; keeping the old content", "err", err)
		return err
	}
	a.service.Reload(cat, m, a.cfg.clinic())
	a.metrics.Reloaded("ok")
	a.metrics.ContentLoaded(len(cat.Items))
	a.log.Info("content reloaded", "content", contentName(a.cfg.ContentDir), "items", len(cat.Items))
	return nil
}

// run owns every part: the runners, the HTTP server and the reload signal.
// When ctx ends the runners stop receiving and finish their in-flight
// replies; then the server shuts down. A runner failing stops everything and
// its error is returned.
func (a *app) run(ctx context.Context) error {
	// Registered before anything runs: an unhandled SIGHUP would end the process.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	g, gctx := errgroup.WithContext(ctx)
	drained := make(chan struct{})
	// The replica beats until every runner has drained, so that no other
	// replica takes over what it is finishing; then it leaves, giving up
	// what it could not finish.
	beatCtx, stopBeating := context.WithCancel(context.WithoutCancel(ctx))
	defer stopBeating()
	beating := make(chan struct{})
	if a.replica != nil {
		go func() { a.replica.Run(beatCtx); close(beating) }()
	} else {
		close(beating)
	}
	var runners sync.WaitGroup
	for _, r := range a.runners {
		runners.Add(1)
		g.Go(func() error {
			defer runners.Done()
			if err := r.run(gctx); err != nil && !errors.Is(err, context.Canceled) {
				return fmt.Errorf("%s: %w", r.name, a.redactor.Error(err))
			}
			return nil
		})
	}
	g.Go(func() error {
		runners.Wait()
		stopBeating()
		<-beating
		close(drained)
		return nil
	})
	if a.server != nil {
		g.Go(func() error { return a.server.Run(gctx, drained) })
	}
	g.Go(func() error { return a.reloadOnHangup(gctx, hup) })
	return g.Wait()
}

// reloadOnHangup reloads the content on every SIGHUP until ctx ends.
func (a *app) reloadOnHangup(ctx context.Context, hup <-chan os.Signal) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-hup:
			a.reload(ctx) // logged and counted; the old content stays on error
		}
	}
}
