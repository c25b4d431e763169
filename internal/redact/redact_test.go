package redact_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/clinicbot/aftercare/internal/redact"
)

const tgToken = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawX"

func TestString(t *testing.T) {
	r := redact.New("s3cret-signing-value", "", "abc")
	tests := []struct{ in, want string }{
		{`Post "https://api.telegram.org/bot` + tgToken + `/getUpdates": dial tcp: timeout`, `Post "https://api.telegram.org/bot[REDACTED]/getUpdates": dial tcp: timeout`},
		{"token xoxb-123-456-abcDEF and xapp-1-A02-789-xyz", "token [REDACTED] and [REDACTED]"},
		{"Authorization: Bearer xoxb-1-2-3", "Authorization: Bearer [REDACTED]"},
		{"posting to https://hooks.slack.com/commands/T1/2/abc failed", "posting to [REDACTED] failed"},
		{"signature with s3cret-signing-value", "signature with [REDACTED]"},
		{"abc is too short to be a secret", "abc is too short to be a secret"},
		{"no secrets here: 12:30 on day 3", "no secrets here: 12:30 on day 3"},
	}
	for _, tc := range tests {
		if got := r.String(tc.in); got != tc.want {
			t.Errorf("String(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

var errBase = errors.New("base")

type apiError struct{ code int }

func (e *apiError) Error() string { return fmt.Sprintf("api %d", e.code) }

func TestErrorKeepsIdentity(t *testing.T) {
	r := redact.New()
	err := fmt.Errorf("get https://api.telegram.org/bot%s/x: %w: %w", tgToken, errBase, &apiError{429})
	red := r.Error(err)
	if strings.Contains(red.Error(), tgToken) {
		t.Errorf("Error() = %q still has the token", red)
	}
	var ae *apiError
	if !errors.Is(red, errBase) || !errors.As(red, &ae) || ae.code != 429 {
		t.Errorf("redacted error lost its identity: %v", red)
	}
	if r.Error(nil) != nil {
		t.Error("Error(nil) != nil")
	}
	plain := errors.New("plain")
	if r.Error(plain) != plain {
		t.Error("an error without secrets should be returned as is")
	}
}

func TestHandlerRedactsEveryAttribute(t *testing.T) {
	var buf bytes.Buffer
	r := redact.New("my-reload-token")
	log := slog.New(r.Handler(slog.NewJSONHandler(&buf, nil))).With("token", tgToken)
	log.Info("calling bot"+tgToken, "err", errors.New("header Bearer my-reload-token"),
		slog.Group("req", "url", "https://api.telegram.org/bot"+tgToken+"/sendMessage"), "n", 3)
	out := buf.String()
	for _, secret := range []string{tgToken, "my-reload-token"} {
		if strings.Contains(out, secret) {
			t.Errorf("log has secret %q: %s", secret, out)
		}
	}
	if !strings.Contains(out, `"n":3`) || !strings.Contains(out, "[REDACTED]") {
		t.Errorf("log = %s", out)
	}
}
