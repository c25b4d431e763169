package server_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/clinicbot/aftercare/internal/fixture"

	"github.com/clinicbot/aftercare/internal/server"
)

func get(t *testing.T, h http.Handler, method, path, auth, body string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Body)
	return rec.Code, string(b)
}

func TestHealthAndReadiness(t *testing.T) {
	health := server.NewHealth("content", "telegram")
	s := server.New(server.Options{Health: health})
	h := s.Handler()
	if code, _ := get(t, h, "GET", "/healthz", "", ""); code != 200 {
		t.Errorf("/healthz = %d, want 200 while up", code)
	}
	if code, body := get(t, h, "GET", "/readyz", "", ""); code != 503 || !strings.Contains(body, "content: starting; telegram: starting") {
		t.Errorf("/readyz before = %d %q", code, body)
	}
	health.Set("content", nil)
	health.Set("telegram", errors.New("connecting"))
	if code, body := get(t, h, "GET", "/readyz", "", ""); code != 503 || strings.TrimSpace(body) != "not ready: telegram: connecting" {
		t.Errorf("/readyz connecting = %d %q", code, body)
	}
	health.Set("telegram", nil)
	if code, body := get(t, h, "GET", "/readyz", "", ""); code != 200 || strings.TrimSpace(body) != "ready" {
		t.Errorf("/readyz after = %d %q", code, body)
	}
	if code, _ := get(t, h, "POST", "/healthz", "", ""); code != http.StatusMethodNotAllowed {
		t.Errorf("POST /healthz = %d, want 405", code)
	}
}

func TestReloadEndpoint(t *testing.T) {
	calls := 0
	fail := false
	reload := func(context.Context) error {
		calls++
		if fail {
			return errors.New("items/a.yaml:3: missing answer")
		}
		return nil
	}
	off := server.New(server.Options{Reload: reload}).Handler()
	if code, _ := get(t, off, "POST", "/-/reload", "Bearer x", ""); code != 404 {
		t.Errorf("reload without RELOAD_TOKEN = %d, want 404", code)
	}
	h := server.New(server.Options{Reload: reload, ReloadToken: "tok-123456"}).Handler()
	for _, auth := range []string{"", "Bearer wrong", "tok-123456", "Basic tok-123456"} {
		if code, _ := get(t, h, "POST", "/-/reload", auth, ""); code != 401 {
			t.Errorf("reload with %q = %d, want 401", auth, code)
		}
	}
	if calls != 0 {
		t.Fatalf("reload ran %d times without the token", calls)
	}
	if code, body := get(t, h, "POST", "/-/reload", "Bearer tok-123456", ""); code != 200 || calls != 1 {
		t.Errorf("reload = %d %q", code, body)
	}
	// The scheme is case-insensitive (RFC 9110): curl users write "bearer".
	if code, body := get(t, h, "POST", "/-/reload", "bearer tok-123456", ""); code != 200 || calls != 2 {
		t.Errorf("reload with a lower-case scheme = %d %q", code, body)
	}
	calls = 1
	fail = true
	if code, body := get(t, h, "POST", "/-/reload", "Bearer tok-123456", ""); code != 422 || !strings.Contains(body, "old content kept") || !strings.Contains(body, "missing answer") {
		t.Errorf("failed reload = %d %q", code, body)
	}
}

func TestBodiesAreCapped(t *testing.T) {
	s := server.New(server.Options{MaxBodyBytes: 10})
	s.Handle("POST /hook", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.ReadAll(r.Body); err != nil {
			http.Error(w, "too big", http.StatusRequestEntityTooLarge)
		}
	}))
	if code, _ := get(t, s.Handler(), "POST", "/hook", "", strings.Repeat("x", 100)); code != 413 {
		t.Errorf("100-byte body = %d, want 413", code)
	}
	if code, _ := get(t, s.Handler(), "POST", "/hook", "", "small"); code != 200 {
		t.Errorf("small body = %d, want 200", code)
	}
}

// TestShutdownWaitsForDrain: after the context ends the server keeps
// serving (a webhook reply in flight may need it) until drained closes.
func TestShutdownWaitsForDrain(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := server.New(server.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	drained := make(chan struct{})
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln, drained) }()
	url := "http://" + ln.Addr().String() + "/healthz"
	fixture.WaitFor(t, "the server", func() bool { r, err := http.Get(url); return err == nil && r.Body.Close() == nil })
	cancel()
	if r, err := http.Get(url); err != nil || r.StatusCode != 200 {
		t.Fatalf("server stopped before the adapters drained: %v", err)
	}
	select {
	case err := <-done:
		t.Fatalf("Serve returned %v before drained", err)
	default:
	}
	close(drained)
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve = %v, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after drain")
	}
	if _, err := http.Get(url); err == nil {
		t.Error("server still serving after shutdown")
	}
}

func TestRunFailsWhenItCannotListen(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	err = server.New(server.Options{Addr: ln.Addr().String()}).Run(context.Background(), nil)
	if err == nil || !strings.Contains(err.Error(), "address already in use") {
		t.Errorf("Run on a busy port = %v", err)
	}
}
