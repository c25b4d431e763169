package slacktest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Envelope is a Socket Mode request from Slack.
type Envelope struct {
	EnvelopeID             string `json:"envelope_id,omitempty"`
	Type                   string `json:"type"`
	Reason                 string `json:"reason,omitempty"` // of a disconnect
	Payload                any    `json:"payload,omitempty"`
	AcceptsResponsePayload bool   `json:"accepts_response_payload,omitempty"`
	RetryAttempt           int    `json:"retry_attempt,omitempty"`
	RetryReason            string `json:"retry_reason,omitempty"`
}

// Ack is an acknowledgement the client sent.
type Ack struct {
	EnvelopeID string          `json:"envelope_id"`
	Payload    json.RawMessage `json:"payload,omitempty"`
	Connection int             `json:"-"` // 1 for the first connection
}

// socketConn is one Socket Mode connection. Writes are serialised by mu;
// pings (control frames) may be written concurrently.
type socketConn struct {
	n     int
	ws    *websocket.Conn
	ready bool // hello was sent; guarded by Server.mu
	mu    sync.Mutex
	done  chan struct{}
	once  sync.Once
}

func (c *socketConn) write(v any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteJSON(v)
}

func (c *socketConn) close() {
	c.once.Do(func() { close(c.done) })
	c.ws.Close()
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// socket serves one Socket Mode connection: hello, then pings every
// PingEvery while it records acknowledgements, until either side closes.
func (s *Server) socket(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("ticket") != "secret-ticket" {
		http.Error(w, "bad ticket", http.StatusUnauthorized)
		return
	}
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := s.addConn(ws)
	if c == nil {
		ws.Close()
		return
	}
	defer c.close()
	hello := map[string]any{"type": "hello", "num_connections": 1,
		"connection_info": map[string]any{"app_id": "A1"}, "debug_info": map[string]any{"host": "fake"}}
	if c.write(hello) != nil {
		return
	}
	s.mu.Lock()
	c.ready = true
	s.notify()
	s.mu.Unlock()
	var pinger sync.WaitGroup
	pinger.Go(func() { s.ping(c) })
	defer pinger.Wait()
	defer c.close()
	for {
		var ack Ack
		if err := ws.ReadJSON(&ack); err != nil {
			return
		}
		ack.Connection = c.n
		s.mu.Lock()
		s.acks = append(s.acks, ack)
		s.notify()
		s.mu.Unlock()
	}
}

func (s *Server) addConn(ws *websocket.Conn) *socketConn {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	c := &socketConn{n: len(s.conns) + 1, ws: ws, done: make(chan struct{})}
	s.conns = append(s.conns, c)
	s.notify()
	return c
}

func (s *Server) ping(c *socketConn) {
	t := time.NewTicker(s.opts.PingEvery)
	defer t.Stop()
	for {
		select {
		case <-c.done:
			return
		case <-t.C:
			if c.ws.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(time.Second)) != nil {
				return
			}
		}
	}
}

// Connections returns how many Socket Mode connections were opened.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns)
}

// WaitConnection waits until the n-th connection is open and has been
// sent hello.
func (s *Server) WaitConnection(t testing.TB, n int) {
	t.Helper()
	s.Wait(t, fmt.Sprintf("socket connection %d", n), func() bool { return len(s.conns) >= n && s.conns[n-1].ready })
}

// current is the newest connection.
func (s *Server) current(t testing.TB) *socketConn {
	t.Helper()
	s.Wait(t, "a socket connection", func() bool { return len(s.conns) > 0 && s.conns[len(s.conns)-1].ready })
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conns[len(s.conns)-1]
}

// Send sends env on the newest connection, waiting for one.
func (s *Server) Send(t testing.TB, env Envelope) {
	t.Helper()
	if err := s.current(t).write(env); err != nil {
		t.Fatalf("slacktest: send %s envelope: %v", env.Type, err)
	}
}

// Disconnect asks the client to reconnect, as Slack does before it
// recycles a connection, and waits for the new connection.
func (s *Server) Disconnect(t testing.TB) {
	t.Helper()
	n := s.Connections()
	s.Send(t, Envelope{Type: "disconnect", Reason: "refresh_requested"})
	s.WaitConnection(t, n+1)
}

// Drop closes the newest connection abruptly, without a close frame, and
// waits for the client to reconnect.
func (s *Server) Drop(t testing.TB) {
	t.Helper()
	n := s.Connections()
	s.current(t).ws.NetConn().Close()
	s.WaitConnection(t, n+1)
}

// Acks returns every acknowledgement received, in order.
func (s *Server) Acks() []Ack {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Ack(nil), s.acks...)
}

// WaitAck waits for the acknowledgement of envelopeID.
func (s *Server) WaitAck(t testing.TB, envelopeID string) {
	t.Helper()
	s.Wait(t, "ack of "+envelopeID, func() bool {
		for _, a := range s.acks {
			if a.EnvelopeID == envelopeID {
				return true
			}
		}
		return false
	})
}
