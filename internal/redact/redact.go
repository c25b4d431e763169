// Package redact keeps secrets out of logs: configured secrets and anything
// shaped like a Telegram or Slack token, a Slack response URL or a bearer
// credential. Platform libraries put full request URLs (with the token) in
// their errors; every such error passes through a Redactor before it is
// logged or returned.
package redact

import (
	"errors"
	"regexp"
	"strings"
)

// Mask replaces every secret.
const Mask = "[REDACTED]"

// patterns match secrets whatever their value.
var patterns = []*regexp.Regexp{
	regexp.MustCompile(`\d{5,16}:[A-Za-z0-9_-]{30,}`),                // Telegram bot token (also inside /bot<token>/)
	regexp.MustCompile(`\bxox[abposr]-[A-Za-z0-9-]+`),                // Slack bot and user tokens
	regexp.MustCompile(`\bxapp-[A-Za-z0-9-]+`),                       // Slack app tokens
	regexp.MustCompile(`https://hooks\.slack\.com/[^\s"']+`),         // Slack response URLs
	regexp.MustCompile(`(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+`), // credentials in headers
}

// Redactor removes secrets from text. It is immutable and safe for
// concurrent use.
type Redactor struct {
	secrets []string
}

// minSecretLen is the shortest configured value treated as a secret;
// shorter values would mask ordinary words.
const minSecretLen = 6

// New returns a Redactor for the given secrets (empty and very short values
// are ignored) and every token-shaped string.
func New(secrets ...string) *Redactor {
	r := &Redactor{}
	for _, s := range secrets {
		if len(s) >= minSecretLen {
			r.secrets = append(r.secrets, s)
		}
	}
	return r
}

// String returns s with every secret masked.
func (r *Redactor) String(s string) string {
	for _, sec := range r.secrets {
		s = strings.ReplaceAll(s, sec, Mask)
	}
	for _, p := range patterns {
		s = p.ReplaceAllStringFunc(s, func(m string) string {
			if i := strings.IndexByte(m, ' '); i > 0 && !strings.HasPrefix(m, "http") {
				return m[:i+1] + Mask // keep "Bearer"
			}
			return Mask
		})
	}
	return s
}

// Error returns err with its message redacted. The result still unwraps to
// err, so errors.Is and errors.As keep working; only the text changes.
func (r *Redactor) Error(err error) error {
	if err == nil {
		return nil
	}
	msg := r.String(err.Error())
	if msg == err.Error() {
		return err
	}
	return &redacted{msg: msg, err: err}
}

type redacted struct {
	msg string
	err error
}

func (e *redacted) Error() string { return e.msg }
func (e *redacted) Unwrap() error { return e.err }

// Is lets errors.Is see through to the original error.
func (e *redacted) Is(target error) bool { return errors.Is(e.err, target) }
