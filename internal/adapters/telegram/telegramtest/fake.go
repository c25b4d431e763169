// Package telegramtest is a local fake of the Telegram Bot API for tests:
// /bot<token>/<method> with form bodies and {"ok":…,"result":…} answers, a
// real long poll that confirms (drops) updates below the offset, getFile
// and the file endpoint /file/bot<token>/<path> for files the test adds,
// delivery to the webhook set with setWebhook (see Deliver), and scripted
// failures. It records every request.
package telegramtest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Bot is the fake bot's own user.
var Bot = map[string]any{"id": 999, "is_bot": true, "first_name": "Aftercare", "username": "AftercareBot"}

// Request is one call the fake received.
type Request struct {
	Method string
	Form   map[string]string
}

// Sent is a message the bot sent.
type Sent struct {
	ChatID    int64
	Text      string // as sent (HTML when ParseMode is HTML)
	ParseMode string
	Markup    string // reply_markup JSON
	// At is when the fake received the sendMessage request, after any
	// SlowSends delay.
	At time.Time
}

// Visible is the text a user would see: HTML tags removed, entities decoded.
func (s Sent) Visible() string {
	if s.ParseMode != "HTML" {
		return s.Text
	}
	return html.UnescapeString(tagRe.ReplaceAllString(s.Text, ""))
}

var tagRe = regexp.MustCompile(`</?[a-z]+>`)

// Fault is a scripted failure for the next call of a method.
type Fault struct {
	Code       int    // HTTP status and error_code
	RetryAfter int    // seconds, for 429
	RawBody    string // if set, sent as is (e.g. an HTML error page)
	// Description is the error's description ("Bad Request: chat not
	// found"); the status text when empty.
	Description string
	Delay       time.Duration
}

// Server is the fake. Its methods are safe for concurrent use.
type Server struct {
	*httptest.Server
	Token string

	mu       sync.Mutex
	updates  []json.RawMessage // not yet confirmed, ascending update_id
	nextID   int
	arrived  chan struct{} // closed and renewed when updates are added
	requests []Request
	sent     []Sent
	faults   map[string][]Fault
	delay    time.Duration // added to every sendMessage
	msgID    int
	polling  int               // getUpdates requests being served
	conflict int               // getUpdates refused because another was being served
	files    map[string][]byte // by file_id

	hooks webhooks // deliveries by webhook (webhook.go)
}

// Conflicts is how many getUpdates requests were refused with 409
// Conflict because another was being served at the time, as Telegram
// does when two processes poll with one token.
func (s *Server) Conflicts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conflict
}

// New starts a fake for token. Close it when done.
func New(token string) *Server {
	s := &Server{Token: token, nextID: 1, arrived: make(chan struct{}), faults: map[string][]Fault{}, files: map[string][]byte{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Endpoint is the API endpoint format to give the adapter.
func (s *Server) Endpoint() string { return s.URL + "/bot%s/%s" }

// Push queues a raw update; its update_id is assigned unless present.
func (s *Server) Push(update map[string]any) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.nextID
	if v, ok := update["update_id"].(int); ok {
		id = v
	}
	update["update_id"] = id
	s.nextID = id + 1
	b, _ := json.Marshal(update)
	s.updates = append(s.updates, b)
	close(s.arrived)
	s.arrived = make(chan struct{})
	return id
}

// PushRaw queues an update exactly as given (it may be invalid).
func (s *Server) PushRaw(raw string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.updates = append(s.updates, json.RawMessage(raw))
	s.nextID++
	close(s.arrived)
	s.arrived = make(chan struct{})
}

// Fail scripts the next calls of method to fail, in order.
func (s *Server) Fail(method string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[method] = append(s.faults[method], faults...)
}

// SlowSends delays every sendMessage by d.
func (s *Server) SlowSends(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delay = d
}

// Sent returns the messages sent so far.
func (s *Server) Sent() []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Sent(nil), s.sent...)
}

// SentTo returns the messages sent to chat.
func (s *Server) SentTo(chat int64) []Sent {
	var out []Sent
	for _, m := range s.Sent() {
		if m.ChatID == chat {
			out = append(out, m)
		}
	}
	return out
}

// Requests returns the calls of method (all calls when method is "").
func (s *Server) Requests(method string) []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Request
	for _, r := range s.requests {
		if method == "" || r.Method == method {
			out = append(out, r)
		}
	}
	return out
}

// Pending returns how many updates are not confirmed yet.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.updates)
}

// AddFile makes content a file Telegram keeps under id: getFile finds it
// and the file endpoint serves it. A file_id not added is one Telegram
// does not know (400).
func (s *Server) AddFile(id string, content []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[id] = content
}

// FileMethod is the name Fail and Requests use for downloads from the
// file endpoint.
const FileMethod = "file"

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if rest, ok := strings.CutPrefix(r.URL.Path, "/file/bot"); ok {
		s.download(w, r, rest)
		return
	}
	token, method, ok := strings.Cut(strings.TrimPrefix(r.URL.Path, "/bot"), "/")
	if !ok || r.Method != http.MethodPost {
		http.NotFound(w, r)
		return
	}
	if err := r.ParseForm(); err != nil {
		reply(w, 400, nil, "Bad Request: cannot parse form")
		return
	}
	form := map[string]string{}
	for k, v := range r.PostForm {
		form[k] = v[0]
	}
	if token != s.Token {
		reply(w, 401, nil, "Unauthorized")
		return
	}
	if f, ok := s.nextFault(method); ok {
		s.record(method, form)
		fail(w, f)
		return
	}
	switch method {
	case "getMe":
		s.record(method, form)
		reply(w, 200, Bot, "")
	case "getUpdates":
		s.mu.Lock()
		busy := s.polling > 0
		if busy {
			s.conflict++
		} else {
			s.polling++
		}
		s.mu.Unlock()
		if busy {
			s.record(method, form)
			fail(w, Fault{Code: 409, Description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"})
			return
		}
		s.getUpdates(w, r, form)
		s.mu.Lock()
		s.polling--
		s.mu.Unlock()
	case "sendMessage":
		s.sendMessage(w, r, form)
	case "getFile":
		s.getFile(w, form)
	default: // setMyCommands, deleteWebhook, setWebhook, answerCallbackQuery…
		s.record(method, form)
		reply(w, 200, true, "")
	}
}

func (s *Server) record(method string, form map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, Request{Method: method, Form: form})
}

func (s *Server) nextFault(method string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.faults[method]
	if len(q) == 0 {
		return Fault{}, false
	}
	s.faults[method] = q[1:]
	return q[0], true
}

func fail(w http.ResponseWriter, f Fault) {
	time.Sleep(f.Delay) // simulates a slow server, not test synchronisation
	if f.RawBody != "" {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(f.Code)
		fmt.Fprint(w, f.RawBody)
		return
	}
	var params map[string]any
	if f.RetryAfter > 0 {
		params = map[string]any{"retry_after": f.RetryAfter}
	}
	writeJSON(w, f.Code, map[string]any{"ok": false, "error_code": f.Code, "description": cmp.Or(f.Description, http.StatusText(f.Code)), "parameters": params})
}

// getUpdates confirms every update below offset, then returns the rest, or
// waits up to timeout seconds for one to arrive.
func (s *Server) getUpdates(w http.ResponseWriter, r *http.Request, form map[string]string) {
	s.record("getUpdates", form)
	offset, _ := strconv.Atoi(form["offset"])
	limit, _ := strconv.Atoi(form["limit"])
	timeout, _ := strconv.Atoi(form["timeout"])
	deadline := time.After(time.Duration(timeout) * time.Second)
	var allowed []string
	json.Unmarshal([]byte(form["allowed_updates"]), &allowed)
	for {
		s.mu.Lock()
		s.confirm(offset)
		s.allow(allowed)
		batch := s.updates
		if limit > 0 && len(batch) > limit {
			batch = batch[:limit]
		}
		arrived := s.arrived
		s.mu.Unlock()
		if len(batch) > 0 || timeout == 0 {
			reply(w, 200, batch, "")
			return
		}
		select {
		case <-arrived:
		case <-deadline:
			reply(w, 200, []json.RawMessage{}, "")
			return
		case <-r.Context().Done():
			return
		}
	}
}

// allow drops the updates of a kind not in allowed (all are allowed when
// it is empty), as Telegram never delivers them. Called with s.mu held;
// it builds a new slice, as confirm does.
func (s *Server) allow(allowed []string) {
	if len(allowed) == 0 {
		return
	}
	keep := make([]json.RawMessage, 0, len(s.updates))
	for _, u := range s.updates {
		var kinds map[string]json.RawMessage
		if json.Unmarshal(u, &kinds) != nil {
			keep = append(keep, u) // an invalid update (PushRaw): the bot's to cope with
			continue
		}
		for _, k := range allowed {
			if _, ok := kinds[k]; ok {
				keep = append(keep, u)
				break
			}
		}
	}
	s.updates = keep
}

// confirm drops updates below offset. Called with s.mu held. It builds a
// new slice: a batch handed to an earlier poll may still be being written
// out, and filtering in place would rewrite it under that reader.
func (s *Server) confirm(offset int) {
	if offset <= 0 {
		return
	}
	keep := make([]json.RawMessage, 0, len(s.updates))
	for _, u := range s.updates {
		var id struct {
			UpdateID int `json:"update_id"`
		}
		if json.Unmarshal(u, &id) == nil && id.UpdateID < offset {
			continue
		}
		keep = append(keep, u)
	}
	s.updates = keep
}

func (s *Server) sendMessage(w http.ResponseWriter, r *http.Request, form map[string]string) {
	s.mu.Lock()
	delay := s.delay
	s.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	chat, _ := strconv.ParseInt(form["chat_id"], 10, 64)
	s.mu.Lock()
	s.requests = append(s.requests, Request{Method: "sendMessage", Form: form})
	s.sent = append(s.sent, Sent{ChatID: chat, Text: form["text"], ParseMode: form["parse_mode"], Markup: form["reply_markup"], At: time.Now()})
	s.msgID++
	id := s.msgID
	s.mu.Unlock()
	reply(w, 200, map[string]any{"message_id": id, "date": 0, "chat": map[string]any{"id": chat, "type": "private"}, "text": form["text"]}, "")
}

// getFile answers with the file's path, or 400 for a file_id it does not
// know, as Telegram does.
func (s *Server) getFile(w http.ResponseWriter, form map[string]string) {
	s.record("getFile", form)
	id := form["file_id"]
	s.mu.Lock()
	content, ok := s.files[id]
	s.mu.Unlock()
	if !ok {
		reply(w, 400, nil, "Bad Request: invalid file_id")
		return
	}
	reply(w, 200, map[string]any{"file_id": id, "file_unique_id": "u-" + id, "file_size": len(content), "file_path": "photos/" + id + ".jpg"}, "")
}

// download serves GET /file/bot<token>/photos/<file_id>.jpg.
func (s *Server) download(w http.ResponseWriter, r *http.Request, rest string) {
	token, path, _ := strings.Cut(rest, "/")
	s.record(FileMethod, map[string]string{"path": path})
	if f, ok := s.nextFault(FileMethod); ok {
		fail(w, f)
		return
	}
	id := strings.TrimSuffix(strings.TrimPrefix(path, "photos/"), ".jpg")
	s.mu.Lock()
	content, ok := s.files[id]
	s.mu.Unlock()
	if r.Method != http.MethodGet || token != s.Token || !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "image/jpeg")
	w.Write(content)
}

func reply(w http.ResponseWriter, code int, result any, description string) {
	if code != 200 {
		writeJSON(w, code, map[string]any{"ok": false, "error_code": code, "description": description})
		return
	}
	writeJSON(w, code, map[string]any{"ok": true, "result": result})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// MaxRate returns the most messages sent (sendMessage requests that
// succeeded) within any span of length window, and when that span began.
func (s *Server) MaxRate(window time.Duration) (int, time.Time) {
	sent := s.Sent()
	times := make([]time.Time, len(sent))
	for i, m := range sent {
		times[i] = m.At
	}
	slices.SortFunc(times, time.Time.Compare)
	best, at := 0, time.Time{}
	for lo, hi := 0, 0; hi < len(times); hi++ {
		for times[hi].Sub(times[lo]) >= window {
			lo++
		}
		if n := hi - lo + 1; n > best {
			best, at = n, times[lo]
		}
	}
	return best, at
}
