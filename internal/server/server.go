// Package server is the bot's one HTTP server: health and readiness
// probes, Prometheus metrics, an optional content-reload endpoint, and the
// platforms' webhook endpoints mounted by their adapters.
package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"
)

// Defaults for Options.
const (
	DefaultMaxBodyBytes    = 1 << 20
	DefaultShutdownTimeout = 10 * time.Second
	// DefaultWriteTimeout bounds writing a response. A handler that must
	// wait longer (the Telegram webhook) extends its own deadline.
	DefaultWriteTimeout = 15 * time.Second
)

// Options configure a Server.
type Options struct {
	Addr    string
	Health  *Health
	Metrics http.Handler
	// ReloadToken enables POST /-/reload for requests that send it as a
	// bearer token; empty disables the endpoint.
	ReloadToken string
	Reload      func(context.Context) error
	Logger      *slog.Logger
	// MaxBodyBytes caps request bodies (DefaultMaxBodyBytes when 0).
	MaxBodyBytes int64
	// ShutdownTimeout bounds the graceful shutdown (DefaultShutdownTimeout
	// when 0).
	ShutdownTimeout time.Duration
	// WriteTimeout bounds writing a response (DefaultWriteTimeout when 0).
	WriteTimeout time.Duration
}

// Server serves the bot's HTTP endpoints. Mount adapters' handlers with
// Handle before Run.
type Server struct {
	opts Options
	mux  *http.ServeMux
}

// New returns a Server with /healthz, /readyz, /metrics and, when a reload
// token is set, POST /-/reload.
func New(opts Options) *Server {
	if opts.MaxBodyBytes == 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opts.ShutdownTimeout == 0 {
		opts.ShutdownTimeout = DefaultShutdownTimeout
	}
	if opts.WriteTimeout == 0 {
		opts.WriteTimeout = DefaultWriteTimeout
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Health == nil {
		opts.Health = NewHealth()
	}
	s := &Server{opts: opts, mux: http.NewServeMux()}
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	s.mux.HandleFunc("GET /readyz", s.readyz)
	if opts.Metrics != nil {
		s.mux.Handle("GET /metrics", opts.Metrics)
	}
	if opts.ReloadToken != "" && opts.Reload != nil {
		s.mux.HandleFunc("POST /-/reload", s.reload)
	}
	return s
}

// Handle mounts h at pattern (a net/http ServeMux pattern).
func (s *Server) Handle(pattern string, h http.Handler) { s.mux.Handle(pattern, h) }

// Handler returns the server's handler, with request bodies capped.
func (s *Server) Handler() http.Handler {
	return http.MaxBytesHandler(s.mux, s.opts.MaxBodyBytes)
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	if ok, why := s.opts.Health.Ready(); !ok {
		http.Error(w, "not ready: "+why, http.StatusServiceUnavailable)
		return
	}
	fmt.Fprintln(w, "ready")
}

func (s *Server) reload(w http.ResponseWriter, r *http.Request) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || // schemes are case-insensitive (RFC 9110)
		subtle.ConstantTimeCompare([]byte(token), []byte(s.opts.ReloadToken)) != 1 {
		w.Header().Set("WWW-Authenticate", "Bearer")
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if err := s.opts.Reload(r.Context()); err != nil {
		http.Error(w, "reload failed, old content kept: "+err.Error(), http.StatusUnprocessableEntity)
		return
	}
	fmt.Fprintln(w, "reloaded")
}

// Run serves on Options.Addr until ctx ends. It then waits for drained to
// close (the adapters have finished their in-flight replies, which may
// still need the webhook endpoints), and shuts down gracefully within
// ShutdownTimeout. It returns an error if it cannot listen or serve.
func (s *Server) Run(ctx context.Context, drained <-chan struct{}) error {
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return fmt.Errorf("http server: %w", err)
	}
	return s.Serve(ctx, ln, drained)
}

// Serve is Run on a listener of the caller's.
func (s *Server) Serve(ctx context.Context, ln net.Listener, drained <-chan struct{}) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      s.opts.WriteTimeout,
		IdleTimeout:       60 * time.Second,
		ErrorLog:          slog.NewLogLogger(s.opts.Logger.Handler(), slog.LevelWarn),
	}
	s.opts.Logger.Info("http server listening", "addr", ln.Addr().String())
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	select {
	case err := <-serveErr:
		return fmt.Errorf("http server: %w", err)
	case <-ctx.Done():
	}
	select {
	case <-drained:
	case <-time.After(s.opts.ShutdownTimeout):
		s.opts.Logger.Warn("adapters did not drain in time; shutting the http server down anyway")
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), s.opts.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("http server shutdown: %w", err)
	}
	if err := <-serveErr; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("http server: %w", err)
	}
	return nil
}
