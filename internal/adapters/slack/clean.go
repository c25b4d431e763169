package slack

import (
	"errors"
	"net/url"
	"strings"
)

// clean makes err fit to log or return: a URL in it is cut to its scheme
// and host (response URLs and Socket Mode URLs are credentials), then
// Config.Redact masks tokens. errors.Is and errors.As still see the
// original error.
func (a *Adapter) clean(err error) error {
	if err == nil {
		return nil
	}
	var ue *url.Error
	if errors.As(err, &ue) && ue.URL != "" {
		err = &hiddenURLError{msg: strings.ReplaceAll(err.Error(), ue.URL, origin(ue.URL)), err: err}
	}
	return a.cfg.Redact(err)
}

// origin returns the scheme and host of rawURL, without its path and query.
func origin(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		return u.Scheme + "://" + u.Host + "/…"
	}
	return "[URL]"
}

// hiddenURLError is an error whose text no longer shows a full URL.
type hiddenURLError struct {
	msg string
	err error
}

func (e *hiddenURLError) Error() string { return e.msg }
func (e *hiddenURLError) Unwrap() error { return e.err }
