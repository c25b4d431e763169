package slack

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/clinicbot/aftercare"
)

type nopHandler struct{}

func (nopHandler) Handle(context.Context, aftercare.Inbound) error { return nil }

func TestNewValidates(t *testing.T) {
	ok := Config{BotToken: "xoxb-1", SigningSecret: "s", Handler: nopHandler{}}
	tests := []struct {
		name    string
		edit    func(*Config)
		wantErr string
	}{
		{"HTTP mode", func(*Config) {}, ""},
		{"Socket Mode", func(c *Config) { c.SigningSecret, c.AppToken = "", "xapp-1" }, ""},
		{"API URL without a slash", func(c *Config) { c.APIURL = "http://127.0.0.1:1/api" }, ""},
		{"no bot token", func(c *Config) { c.BotToken = "" }, "bot token"},
		{"no Handler", func(c *Config) { c.Handler = nil }, "Handler"},
		{"HTTP without a signing secret", func(c *Config) { c.SigningSecret = "" }, "signing secret"},
		{"bad API URL", func(c *Config) { c.APIURL = "slack.com/api/" }, "API URL"},
		{"negative drain timeout", func(c *Config) { c.DrainTimeout = -1 }, "drain timeout"},
	}
	for _, tc := range tests {
		cfg := ok
		tc.edit(&cfg)
		a, err := New(cfg)
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("%s: New = %v, want no error", tc.name, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("%s: New = %v, want an error about %s", tc.name, err, tc.wantErr)
		case err == nil && !strings.HasSuffix(a.cfg.APIURL, "/"):
			t.Errorf("%s: API URL %q has no trailing slash", tc.name, a.cfg.APIURL)
		}
	}
}

func TestRunTwice(t *testing.T) {
	a, err := New(Config{BotToken: "xoxb-1", SigningSecret: "s", Handler: nopHandler{}, APIURL: "http://127.0.0.1:1/"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := a.Run(ctx); err != nil {
		t.Errorf("Run with a cancelled context = %v, want nil", err)
	}
	if err := a.Run(ctx); !errors.Is(err, ErrRunTwice) {
		t.Errorf("second Run = %v, want ErrRunTwice", err)
	}
}
