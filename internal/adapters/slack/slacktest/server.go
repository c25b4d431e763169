// Package slacktest is a fake Slack for tests, driven by the real slack-go
// client: the Web API methods the bot calls (auth.test,
// apps.connections.open, chat.postMessage, chat.postEphemeral, file
// uploads), response
// URLs, and a Socket Mode websocket that sends hello, pings, envelopes and
// disconnect messages and records acknowledgements. Everything posted is
// recorded; failures (429 with Retry-After, 5xx, Slack errors) can be
// queued per method. A Server is safe for concurrent use.
package slacktest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// Methods and endpoints a Failure can be queued for.
const (
	PostMessage   = "chat.postMessage"
	PostEphemeral = "chat.postEphemeral"
	AuthTest      = "auth.test"
	OpenSocket    = "apps.connections.open"
	ResponseURL   = "response_url"
	Update        = "chat.update"
	Delete        = "chat.delete"
	React         = "reactions.add"
	Replies       = "conversations.replies"
	History       = "conversations.history"
	UsersInfo     = "users.info"
	// An upload's three steps, and files.delete.
	UploadURL      = "files.getUploadURLExternal"
	UploadFile     = "upload" // the upload URL files.getUploadURLExternal hands out
	CompleteUpload = "files.completeUploadExternal"
	DeleteFile     = "files.delete"
)

// WaitTimeout bounds every Wait method.
const WaitTimeout = 10 * time.Second

// Options configure a Server; zero values get defaults.
type Options struct {
	BotToken  string        // accepted bot token (default "xoxb-test-bot-token")
	AppToken  string        // accepted app token (default "xapp-test-app-token")
	BotUserID string        // the bot's user ID (default "UBOT")
	PingEvery time.Duration // websocket ping interval (default 200ms)
}

// Failure is a failed answer to one call of a method.
type Failure struct {
	Status     int    // HTTP status, e.g. 429, 500, 503; 0 means 200
	RetryAfter string // Retry-After header, for 429
	SlackError string // with status 0: {"ok": false, "error": SlackError}
	// Landed, for chat.postMessage: the message is posted all the same
	// (a 500 or a timeout after Slack acted).
	Landed bool
}

// Server is a fake Slack. Create it with New; it is closed at the end of
// the test.
type Server struct {
	opts Options
	http *httptest.Server

	mu       sync.Mutex
	changed  chan struct{} // closed and replaced on every change, for Wait methods
	calls    map[string]int
	failures map[string][]Failure
	posts    []Post
	acks     []Ack
	// slowPosts delays the answer to each chat.postMessage, after the post
	// is recorded.
	slowPosts time.Duration
	conns     []*socketConn
	closed    bool
	uploads   map[string]*upload // by file ID, until shared
	nextFile  int
}

// New starts a fake Slack and closes it when t ends.
func New(t testing.TB, opts Options) *Server {
	t.Helper()
	if opts.BotToken == "" {
		opts.BotToken = "xoxb-test-bot-token"
	}
	if opts.AppToken == "" {
		opts.AppToken = "xapp-test-app-token"
	}
	if opts.BotUserID == "" {
		opts.BotUserID = "UBOT"
	}
	if opts.PingEvery == 0 {
		opts.PingEvery = 200 * time.Millisecond
	}
	s := &Server{opts: opts, changed: make(chan struct{}), calls: map[string]int{}, failures: map[string][]Failure{}, uploads: map[string]*upload{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/auth.test", s.authTest)
	mux.HandleFunc("POST /api/apps.connections.open", s.openSocket)
	mux.HandleFunc("POST /api/chat.postMessage", s.chatPost(PostMessage))
	mux.HandleFunc("POST /api/chat.postEphemeral", s.chatPost(PostEphemeral))
	mux.HandleFunc("POST /api/chat.update", s.chatUpdate)
	mux.HandleFunc("POST /api/chat.delete", s.chatDelete)
	mux.HandleFunc("POST /api/reactions.add", s.reactionsAdd)
	mux.HandleFunc("POST /api/conversations.replies", s.conversations(Replies))
	mux.HandleFunc("POST /api/conversations.history", s.conversations(History))
	mux.HandleFunc("POST /api/users.info", s.usersInfo)
	mux.HandleFunc("POST /api/files.getUploadURLExternal", s.getUploadURL)
	mux.HandleFunc("POST /upload/{id}", s.uploadFile)
	mux.HandleFunc("POST /api/files.completeUploadExternal", s.completeUpload)
	mux.HandleFunc("POST /api/files.delete", s.deleteFile)
	mux.HandleFunc("POST /response/{id}", s.response)
	mux.HandleFunc("GET /socket", s.socket)
	s.http = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// APIURL is the Web API base URL, with its trailing slash.
func (s *Server) APIURL() string { return s.http.URL + "/api/" }

// ResponseURL returns a response URL of this server named id.
func (s *Server) ResponseURL(id string) string { return s.http.URL + "/response/" + id }

// BotToken is the bot token the server accepts.
func (s *Server) BotToken() string { return s.opts.BotToken }

// AppToken is the app-level token the server accepts for Socket Mode.
func (s *Server) AppToken() string { return s.opts.AppToken }

// BotUserID is the bot's user ID, as auth.test returns it.
func (s *Server) BotUserID() string { return s.opts.BotUserID }

// Close closes every websocket, then the server. It is idempotent.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	conns := append([]*socketConn(nil), s.conns...)
	s.mu.Unlock()
	for _, c := range conns {
		c.close()
	}
	s.http.Close()
}

// Fail queues failures for method: its next calls fail in order, and
// later calls succeed again.
func (s *Server) Fail(method string, failures ...Failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures[method] = append(s.failures[method], failures...)
}

// SlowPosts makes every chat.postMessage answer d late: the message is
// posted at once, as Slack does when it is slow to answer.
func (s *Server) SlowPosts(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.slowPosts = d
}

// Calls returns how many times method was called, failed calls included.
func (s *Server) Calls(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[method]
}

// WaitCalls waits until method was called at least n times.
func (s *Server) WaitCalls(t testing.TB, method string, n int) {
	t.Helper()
	s.Wait(t, fmt.Sprintf("%d calls of %s", n, method), func() bool { return s.calls[method] >= n })
}

// Posts returns every message posted successfully, in order.
func (s *Server) Posts() []Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Post(nil), s.posts...)
}

// WaitPosts waits until at least n messages were posted and returns them.
func (s *Server) WaitPosts(t testing.TB, n int) []Post {
	t.Helper()
	s.Wait(t, fmt.Sprintf("%d posts", n), func() bool { return len(s.posts) >= n })
	return s.Posts()
}

// Wait waits until cond, called with the server's state locked, is true;
// it fails t after WaitTimeout. It never sleeps: it wakes on every change.
func (s *Server) Wait(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.NewTimer(WaitTimeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		ok, changed := cond(), s.changed
		s.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-changed:
		case <-deadline.C:
			t.Fatalf("slacktest: timed out waiting for %s", what)
		}
	}
}

// notify wakes the waiters. s.mu is held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// call counts a call of method and returns the failure queued for it, if
// any (a Landed failure is left for landedFailure).
func (s *Server) call(method string) (Failure, bool) {
	s.mu.Lock()
	q := s.failures[method]
	landed := len(q) > 0 && q[0].Landed
	s.mu.Unlock()
	if landed {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.calls[method]++
		s.notify()
		return Failure{}, false
	}
	return s.callFailing(method)
}

// landedFailure takes the Landed failure queued for method, if it is next.
func (s *Server) landedFailure(method string) (Failure, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.failures[method]
	if len(q) == 0 || !q[0].Landed {
		return Failure{}, false
	}
	s.failures[method] = q[1:]
	f := q[0]
	f.Landed = false
	return f, true
}

func (s *Server) callFailing(method string) (Failure, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[method]++
	s.notify()
	q := s.failures[method]
	if len(q) == 0 {
		return Failure{}, false
	}
	s.failures[method] = q[1:]
	return q[0], true
}

// writeFailure answers with f: an HTTP error status, or "ok": false.
func writeFailure(w http.ResponseWriter, f Failure) {
	if f.Status == 0 {
		writeJSON(w, map[string]any{"ok": false, "error": f.SlackError})
		return
	}
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(f.Status)
	fmt.Fprintf(w, "<html><body>%d</body></html>", f.Status)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func (s *Server) authTest(w http.ResponseWriter, r *http.Request) {
	if f, ok := s.call(AuthTest); ok {
		writeFailure(w, f)
		return
	}
	if bearerOrForm(r) != s.opts.BotToken {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	writeJSON(w, map[string]any{"ok": true, "user_id": s.opts.BotUserID, "bot_id": "BBOT", "user": "aftercare", "team_id": "T1"})
}

func (s *Server) openSocket(w http.ResponseWriter, r *http.Request) {
	if f, ok := s.call(OpenSocket); ok {
		writeFailure(w, f)
		return
	}
	if bearerOrForm(r) != s.opts.AppToken {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	u, _ := url.Parse(s.http.URL)
	u.Scheme, u.Path, u.RawQuery = "ws", "/socket", "ticket=secret-ticket"
	writeJSON(w, map[string]any{"ok": true, "url": u.String()})
}

// bearerOrForm is the token of a Web API call: the Authorization header's
// or the form's "token" field.
func bearerOrForm(r *http.Request) string {
	if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return tok
	}
	r.ParseForm()
	return r.PostForm.Get("token")
}

// record records p, giving it a ts of its own, and returns the ts.
func (s *Server) record(p Post) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.TS == "" {
		p.TS = fmt.Sprintf("1700000000.%06d", 100*(len(s.posts)+1))
	}
	s.posts = append(s.posts, p)
	s.notify()
	return p.TS
}
