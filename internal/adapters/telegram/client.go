package telegram

import (
	"context"
	"net/http"
)

// ctxClient binds every request to a context. The Bot API library builds
// its requests without one, so this is how a long poll stops at once when
// the bot shuts down.
type ctxClient struct {
	ctx    context.Context
	client *http.Client
}

// Do sends req under the client's context.
func (c *ctxClient) Do(req *http.Request) (*http.Response, error) {
	return c.client.Do(req.WithContext(c.ctx))
}
