package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"github.com/slack-go/slack"

	"github.com/clinicbot/aftercare/internal/care"
	"github.com/clinicbot/aftercare/internal/inbox"
	"github.com/clinicbot/aftercare/internal/journey"
	"github.com/clinicbot/aftercare/internal/store"
)

// Config is the bot's whole configuration, read from environment variables
// and overridden by flags of the same name. parseConfig validates it.
type Config struct {
	ContentDir  string
	ClinicName  string
	ClinicPhone string

	// HTTPAddr is where the HTTP server listens; empty means ":8080" when a
	// platform runs and no server for the console alone.
	HTTPAddr       string
	LogLevel       slog.Level
	LogLevelSet    bool // LOG_LEVEL was given; the console alone otherwise logs warnings only
	LogFormat      string
	LogMessageText bool
	LogHashKey     string
	ReloadToken    string

	// DatabaseURL is DATABASE_URL as given; empty means SQLite in the
	// state directory (see store.DefaultURL).
	DatabaseURL string
	Database    store.Config
	// Retention is how long people not seen are kept.
	Retention time.Duration

	// Location is the clinic's time zone; ReminderTimes the serum
	// reminders' times of day in it; ReminderGrace how late a reminder may
	// still go out.
	Location      *time.Location
	ReminderTimes []journey.TimeOfDay
	ReminderGrace time.Duration
	// Replicas is how many replicas share the platforms' rate limits.
	Replicas int

	Telegram TelegramConfig
	Slack    SlackConfig
	Care     CareConfig
}

// CareConfig configures the care team's handoff; it runs when Channel,
// Telegram and Slack are set.
type CareConfig struct {
	Channel       string // the Slack channel ID of the care team
	Urgent        care.Urgent
	Signature     care.Signature
	Hours         care.Hours
	EscalateAfter time.Duration
	Privacy       care.Privacy
	Retention     time.Duration // of case texts after a case closes
	Digest        inbox.Schedule
}

// TelegramConfig configures the Telegram adapter; it is on when Token is set.
type TelegramConfig struct {
	Token string
	// Username is the bot's username for invite links when Telegram does
	// not run in this process (learnt from getMe when it does).
	Username      string
	APIEndpoint   string
	WebhookURL    string
	WebhookSecret string
}

// SlackConfig configures the Slack adapter; it is on when BotToken is set.
// With AppToken it uses Socket Mode, else the HTTP Events API.
type SlackConfig struct {
	BotToken      string
	AppToken      string
	SigningSecret string
	APIURL        string
}

// setting is one configuration value: its flag, environment variable,
// default and how to apply it.
type setting struct {
	flag   string
	env    string
	def    string
	help   string
	secret bool // a credential: never printed or logged
	apply  func(c *Config, v string) error
}

var (
	telegramTokenRe  = regexp.MustCompile(`^\d+:[A-Za-z0-9_-]{20,}$`)
	webhookSecretRe  = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)
	errNeedsHTTPS    = errors.New("must be an https:// URL")
	logLevels        = map[string]slog.Level{"debug": slog.LevelDebug, "info": slog.LevelInfo, "warn": slog.LevelWarn, "error": slog.LevelError}
	defaultTelegram  = tgbotapi.APIEndpoint
	defaultSlackURL  = slack.APIURL
	defaultHTTPAddr  = ":8080"
	defaultLogFormat = "text"
)

// settings lists every setting, in the order `bot help` and the README show them.
var settings = []setting{
	{flag: "content", env: "CONTENT_DIR", help: "directory with the clinic's own content (default: built in)", apply: applyContentDir},
	{flag: "clinic-name", env: "CLINIC_NAME", help: "the clinic's name, used in the texts",
		apply: func(c *Config, v string) error { c.ClinicName = v; return nil }},
	{flag: "clinic-phone", env: "CLINIC_PHONE", help: "the clinic's phone number, given with the practitioner's contact",
		apply: func(c *Config, v string) error { c.ClinicPhone = v; return nil }},
	{flag: "http-addr", env: "HTTP_ADDR", help: "HTTP server address (health, metrics, webhooks); default :8080 when a platform runs, none for the console alone",
		apply: applyHTTPAddr},
	{flag: "log-level", env: "LOG_LEVEL", def: "info", help: "debug, info, warn or error (the console alone logs warnings only unless set)",
		apply: applyLogLevel},
	{flag: "log-format", env: "LOG_FORMAT", def: defaultLogFormat, help: "text or json",
		apply: func(c *Config, v string) error {
			if v != "text" && v != "json" {
				return fmt.Errorf("%q is not text or json", v)
			}
			c.LogFormat = v
			return nil
		}},
	{flag: "log-message-text", env: "LOG_MESSAGE_TEXT", def: "false", help: "log patients' message text (off: it is theirs)",
		apply: func(c *Config, v string) error {
			b, err := strconv.ParseBool(v)
			if err != nil {
				return fmt.Errorf("%q is not true or false", v)
			}
			c.LogMessageText = b
			return nil
		}},
	{flag: "log-hash-key", env: "LOG_HASH_KEY", secret: true, help: "key of the hash that stands for chat IDs in logs (default: random per start)",
		apply: func(c *Config, v string) error { c.LogHashKey = v; return nil }},
	{flag: "reload-token", env: "RELOAD_TOKEN", secret: true, help: "enables POST /-/reload for requests sending it as a bearer token",
		apply: func(c *Config, v string) error { c.ReloadToken = v; return nil }},
	{flag: "database-url", env: "DATABASE_URL", secret: true, help: "sqlite:PATH or postgres://…; default: SQLite at $STATE_DIRECTORY/aftercare.db, else $XDG_STATE_HOME/aftercare-bot/aftercare.db, else ~/.local/state/aftercare-bot/aftercare.db",
		apply: func(c *Config, v string) error {
			if v == "" {
				return nil
			}
			cfg, err := store.ParseURL(v)
			if err != nil {
				return err
			}
			c.DatabaseURL, c.Database = v, cfg
			return nil
		}},
	{flag: "replicas", env: "REPLICAS", def: "1", help: "how many replicas run against this database: each sends at most its share of Telegram's 30 messages a second",
		apply: func(c *Config, v string) error {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 30 {
				return fmt.Errorf("%q is not a number of replicas from 1 to 30", v)
			}
			c.Replicas = n
			return nil
		}},
	{flag: "retention", env: "RETENTION", def: "180d", help: "how long to keep people not seen (their platform ID and first and last seen), e.g. 90d or 720h",
		apply: applyRetention},
	{flag: "clinic-timezone", env: "CLINIC_TIMEZONE", def: "UTC", help: "the clinic's time zone (IANA, e.g. Europe/London): treatment times are read and told, and reminders sent, in it",
		apply: func(c *Config, v string) error {
			loc, err := time.LoadLocation(v)
			if err != nil || v == "" || v == "Local" {
				return fmt.Errorf("%q is not an IANA time zone such as Europe/London", v)
			}
			c.Location = loc
			return nil
		}},
	{flag: "reminder-times", env: "REMINDER_TIMES", def: "09:00,20:00", help: "times of day of the serum reminders, in the clinic's time zone",
		apply: func(c *Config, v string) error {
			times, err := journey.ParseTimes(v)
			c.ReminderTimes = times
			return err
		}},
	{flag: "reminder-grace", env: "REMINDER_GRACE", def: "2h", help: "how late a serum reminder may still be sent (after downtime); later ones are skipped",
		apply: func(c *Config, v string) error {
			d, err := time.ParseDuration(v)
			if err != nil || d < time.Minute || d > 12*time.Hour {
				return fmt.Errorf("%q is not a duration from 1m to 12h (e.g. 2h)", v)
			}
			c.ReminderGrace = d
			return nil
		}},
	{flag: "telegram-token", env: "TELEGRAM_BOT_TOKEN", secret: true, help: "Telegram bot token from @BotFather; turns the Telegram adapter on",
		apply: func(c *Config, v string) error {
			if v != "" && !telegramTokenRe.MatchString(v) {
				return errors.New("does not look like a bot token (123456:ABC-…)")
			}
			c.Telegram.Token = v
			return nil
		}},
	{flag: "telegram-api-endpoint", env: "TELEGRAM_API_ENDPOINT", def: defaultTelegram, help: "Bot API endpoint, format …/bot%s/%s (a self-hosted Bot API server)",
		apply: applyTelegramEndpoint},
	{flag: "telegram-webhook-url", env: "TELEGRAM_WEBHOOK_URL", help: "public https URL for Telegram webhooks; long polling when empty",
		apply: func(c *Config, v string) error {
			if v == "" {
				return nil
			}
			u, err := url.Parse(v)
			if err != nil || u.Scheme != "https" || u.Host == "" {
				return errNeedsHTTPS
			}
			if u.Path == "" || u.Path == "/" {
				return errors.New("needs a path for the bot to serve the webhook at, e.g. https://bot.example.com/telegram/<random>")
			}
			c.Telegram.WebhookURL = v
			return nil
		}},
	{flag: "telegram-webhook-secret", env: "TELEGRAM_WEBHOOK_SECRET", secret: true, help: "secret Telegram sends with every webhook (1-256 of A-Z a-z 0-9 _ -); required with TELEGRAM_WEBHOOK_URL",
		apply: func(c *Config, v string) error {
			if v != "" && !webhookSecretRe.MatchString(v) {
				return errors.New("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
			}
			c.Telegram.WebhookSecret = v
			return nil
		}},
	{flag: "telegram-bot-username", env: "TELEGRAM_BOT_USERNAME", help: "the bot's Telegram username, for invite links when Telegram runs elsewhere (learnt from Telegram when TELEGRAM_BOT_TOKEN is set)",
		apply: func(c *Config, v string) error {
			v = strings.TrimPrefix(v, "@")
			if v != "" {
				if _, err := journey.Link(v, "x"); err != nil {
					return errors.New("is not a Telegram bot username")
				}
			}
			c.Telegram.Username = v
			return nil
		}},
	{flag: "slack-bot-token", env: "SLACK_BOT_TOKEN", secret: true, help: "Slack bot token (xoxb-…); turns the Slack adapter on",
		apply: func(c *Config, v string) error {
			if v != "" && !strings.HasPrefix(v, "xoxb-") {
				return errors.New("must start with xoxb-")
			}
			c.Slack.BotToken = v
			return nil
		}},
	{flag: "slack-app-token", env: "SLACK_APP_TOKEN", secret: true, help: "Slack app-level token (xapp-…); uses Socket Mode",
		apply: func(c *Config, v string) error {
			if v != "" && !strings.HasPrefix(v, "xapp-") {
				return errors.New("must start with xapp-")
			}
			c.Slack.AppToken = v
			return nil
		}},
	{flag: "slack-signing-secret", env: "SLACK_SIGNING_SECRET", secret: true, help: "Slack signing secret; required for the HTTP Events API (no app token)",
		apply: func(c *Config, v string) error { c.Slack.SigningSecret = v; return nil }},
	{flag: "slack-api-url", env: "SLACK_API_URL", def: defaultSlackURL, help: "Slack Web API base URL (a proxy or test server)",
		apply: func(c *Config, v string) error {
			u, err := url.Parse(v)
			if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				return errors.New("must be an http(s):// URL")
			}
			if !strings.HasSuffix(v, "/") {
				v += "/"
			}
			c.Slack.APIURL = v
			return nil
		}},
	{flag: "slack-care-channel", env: "SLACK_CARE_CHANNEL", help: "ID of the Slack channel where the care team works (C… or G…); with Telegram and Slack, turns the handoff to the team on",
		apply: func(c *Config, v string) error {
			if v != "" && !slackChannelRe.MatchString(v) {
				return errors.New("is not a Slack channel ID such as C0123456789 (the channel's details show it; a name will not do)")
			}
			c.Care.Channel = v
			return nil
		}},
	{flag: "handoff-urgent", env: "HANDOFF_URGENT", def: string(care.UrgentAuto), help: "on a red flag: auto tells the care team at once, ask asks the patient first",
		apply: func(c *Config, v string) error {
			return oneOf(&c.Care.Urgent, v, care.UrgentAuto, care.UrgentAsk)
		}},
	{flag: "care-signature", env: "CARE_SIGNATURE", def: string(care.SignTeam), help: "how staff replies are signed to the patient: team, or name (the staff member's first name)",
		apply: func(c *Config, v string) error {
			return oneOf(&c.Care.Signature, v, care.SignTeam, care.SignName)
		}},
	{flag: "care-hours", env: "CARE_HOURS", help: "the care team's office hours in the clinic's time zone, e.g. Mon-Fri 09:00-17:30 (default: always)",
		apply: func(c *Config, v string) error {
			h, err := care.ParseHours(v, c.Location)
			c.Care.Hours = h
			return err
		}},
	{flag: "care-escalate-after", env: "CARE_ESCALATE_AFTER", def: "10m", help: "an urgent case nobody has claimed or answered after this is raised again in the channel",
		apply: func(c *Config, v string) error {
			d, err := time.ParseDuration(v)
			if err != nil || d < time.Minute || d > 24*time.Hour {
				return fmt.Errorf("%q is not a duration from 1m to 24h (e.g. 10m)", v)
			}
			c.Care.EscalateAfter = d
			return nil
		}},
	{flag: "handoff-privacy", env: "HANDOFF_PRIVACY", def: string(care.PrivacyRelay), help: "what of the patient reaches Slack: relay (their messages), redacted (digits, e-mails and links masked) or alert-only (no patient text, no relays: staff phone)",
		apply: func(c *Config, v string) error {
			return oneOf(&c.Care.Privacy, v, care.PrivacyRelay, care.PrivacyRedacted, care.PrivacyAlertOnly)
		}},
	{flag: "inbox-digest", env: "INBOX_DIGEST", def: "Mon 09:00", help: "when the care team's channel gets the digest of questions the bot could not answer, in CLINIC_TIMEZONE: \"Mon 09:00\", \"Mon,Thu 08:30\", \"daily 17:00\" or \"off\"",
		apply: func(c *Config, v string) error {
			sch, err := inbox.ParseSchedule(v)
			c.Care.Digest = sch
			return err
		}},
	{flag: "case-retention", env: "CASE_RETENTION", def: "30d", help: "how long the texts of a case are kept after it closes, e.g. 30d or 72h",
		apply: func(c *Config, v string) error {
			d, err := parseDays(v)
			if err != nil || d < time.Hour {
				return fmt.Errorf("%q is not a duration of at least an hour (e.g. 30d, 72h)", v)
			}
			c.Care.Retention = d
			return nil
		}},
}

// slackChannelRe is a Slack conversation ID: public (C…) or private (G…, or C… in newer workspaces).
var slackChannelRe = regexp.MustCompile(`^[CG][A-Z0-9]{6,}$`)

// oneOf sets *dst to v when v is one of the choices.
func oneOf[T ~string](dst *T, v string, choices ...T) error {
	for _, c := range choices {
		if T(strings.ToLower(v)) == c {
			*dst = c
			return nil
		}
	}
	names := make([]string, len(choices))
	for i, c := range choices {
		names[i] = string(c)
	}
	return fmt.Errorf("%q is not %s", v, strings.Join(names, ", "))
}

func applyRetention(c *Config, v string) error {
	d, err := parseDays(v)
	if err != nil || d < time.Hour {
		return fmt.Errorf("%q is not a duration of at least an hour (e.g. 180d, 720h)", v)
	}
	c.Retention = d
	return nil
}

// parseDays parses a Go duration, or a whole number of days ("180d").
func parseDays(v string) (time.Duration, error) {
	if n, ok := strings.CutSuffix(v, "d"); ok {
		days, err := strconv.Atoi(n)
		if err != nil {
			return 0, err
		}
		return time.Duration(days) * 24 * time.Hour, nil
	}
	return time.ParseDuration(v)
}

func applyContentDir(c *Config, v string) error {
	if v == "" {
		return nil
	}
	fi, err := os.Stat(v)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("directory %q does not exist", v)
	case err != nil:
		return err
	case !fi.IsDir():
		return fmt.Errorf("%q is not a directory", v)
	}
	c.ContentDir = v
	return nil
}

func applyHTTPAddr(c *Config, v string) error {
	if v == "" {
		return nil
	}
	_, port, err := net.SplitHostPort(v)
	if err != nil {
		return fmt.Errorf("%q is not host:port (e.g. :8080)", v)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("%q has no valid port", v)
	}
	c.HTTPAddr = v
	return nil
}

func applyLogLevel(c *Config, v string) error {
	l, ok := logLevels[strings.ToLower(v)]
	if !ok {
		return fmt.Errorf("%q is not debug, info, warn or error", v)
	}
	c.LogLevel = l
	return nil
}

func applyTelegramEndpoint(c *Config, v string) error {
	if strings.Count(v, "%s") != 2 {
		return errors.New("must contain %s twice, for the token and the method (…/bot%s/%s)")
	}
	u, err := url.Parse(fmt.Sprintf(v, "TOKEN", "getMe"))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return errors.New("must be an http(s):// URL")
	}
	c.Telegram.APIEndpoint = v
	return nil
}

// validate checks settings that depend on each other.
func (c *Config) validate() error {
	switch {
	case c.Slack.AppToken != "" && c.Slack.BotToken == "":
		return usageErrorf("SLACK_APP_TOKEN (--slack-app-token) is set without SLACK_BOT_TOKEN: Socket Mode needs both")
	case c.Slack.BotToken != "" && c.Slack.AppToken == "" && c.Slack.SigningSecret == "":
		return usageErrorf("SLACK_SIGNING_SECRET (--slack-signing-secret) is required for the HTTP Events API; or set SLACK_APP_TOKEN for Socket Mode")
	case c.Telegram.WebhookURL != "" && c.Telegram.WebhookSecret == "":
		return usageErrorf("TELEGRAM_WEBHOOK_SECRET (--telegram-webhook-secret) is required with TELEGRAM_WEBHOOK_URL")
	case c.Telegram.WebhookSecret != "" && c.Telegram.WebhookURL == "":
		return usageErrorf("TELEGRAM_WEBHOOK_SECRET (--telegram-webhook-secret) is set without TELEGRAM_WEBHOOK_URL")
	case c.Telegram.Token == "" && (c.Telegram.WebhookURL != "" || c.Telegram.APIEndpoint != defaultTelegram):
		return usageErrorf("TELEGRAM_BOT_TOKEN (--telegram-token) is required with the other TELEGRAM_ settings")
	}
	return nil
}

// Handoff reports whether the care team's handoff runs: Telegram (the
// patients), Slack (the team) and the team's channel are set.
func (c *Config) Handoff() bool {
	return c.Telegram.Token != "" && c.Slack.BotToken != "" && c.Care.Channel != ""
}

// Platforms reports whether any chat platform is configured.
func (c *Config) Platforms() bool { return c.Telegram.Token != "" || c.Slack.BotToken != "" }

// Secrets returns every credential, for redaction.
func (c *Config) Secrets() []string {
	return []string{c.LogHashKey, c.ReloadToken, c.Telegram.Token, c.Telegram.WebhookSecret,
		c.Slack.BotToken, c.Slack.AppToken, c.Slack.SigningSecret, databasePassword(c.DatabaseURL)}
}

// databasePassword is the password in a database URL, for redaction.
func databasePassword(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return ""
	}
	p, _ := u.User.Password()
	return p
}

// parseConfig reads the configuration from getenv and the flags in args,
// returning the remaining arguments. Errors name the setting and are usage
// errors (exit code 2).
func parseConfig(name string, args []string, getenv func(string) string, stderr io.Writer) (Config, []string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: bot %s [flags]; run `bot help` for every flag and variable\n", name)
	}
	values := make([]*string, len(settings))
	for i, s := range settings {
		def := s.def
		if v := getenv(s.env); v != "" {
			def = v
		}
		shown := def
		if s.secret {
			shown = "" // flag defaults are printed by -h; credentials must not be
		}
		values[i] = fs.String(s.flag, shown, s.help+" ($"+s.env+")")
		if s.secret && def != "" {
			*values[i] = def
		}
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return Config{}, nil, err
		}
		return Config{}, nil, usageErrorf("%v", err)
	}
	c := Config{LogFormat: defaultLogFormat, Telegram: TelegramConfig{APIEndpoint: defaultTelegram}, Slack: SlackConfig{APIURL: defaultSlackURL}}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for i, s := range settings {
		v := strings.TrimSpace(*values[i])
		if err := s.apply(&c, v); err != nil {
			return Config{}, nil, usageErrorf("%s (--%s): %v", s.env, s.flag, err)
		}
	}
	c.LogLevelSet = given["log-level"] || getenv("LOG_LEVEL") != ""
	if err := c.validate(); err != nil {
		return Config{}, nil, err
	}
	return c, fs.Args(), nil
}
