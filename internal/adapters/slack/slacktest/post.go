package slacktest

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// Post is a message the bot posted.
type Post struct {
	Method       string // PostMessage, PostEphemeral, ResponseURL or CompleteUpload
	ResponseID   string // the id of the response URL, for ResponseURL
	Token        string // the token it was posted with ("" for ResponseURL)
	Channel      string
	ThreadTS     string
	User         string // chat.postEphemeral's user
	ResponseType string // "ephemeral" or "in_channel", for ResponseURL
	Text         string // the fallback text
	Blocks       []Block
	// TS is the ts the post was given (chat.postMessage); Key the "key" of
	// its aftercare_post metadata, if any.
	TS  string
	Key string
	// Deleted is set once chat.delete deleted it; Reactions are the
	// reactions added to it.
	Deleted   bool
	Reactions []string
	// Files are the files a CompleteUpload shared.
	Files []File
}

// Block is a Block Kit block, as much of it as tests look at.
type Block struct {
	Type     string    `json:"type"`
	Text     *Text     `json:"text,omitempty"`
	Elements []Element `json:"elements,omitempty"`
}

// Text is a text object.
type Text struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

// Element is an element of a context or actions block: a text object or
// a button.
type Element struct {
	Type     string          `json:"type"`
	RawText  json.RawMessage `json:"text"`
	Value    string          `json:"value,omitempty"`
	ActionID string          `json:"action_id,omitempty"`
}

// Label is the element's text: a context element's, or a button's label.
func (e Element) Label() string {
	var s string
	if json.Unmarshal(e.RawText, &s) == nil {
		return s
	}
	var t Text
	json.Unmarshal(e.RawText, &t)
	return t.Text
}

// Texts returns the text of every block of the given type ("section",
// "header", "context"), in order.
func (p Post) Texts(blockType string) []string {
	var out []string
	for _, b := range p.Blocks {
		if b.Type != blockType {
			continue
		}
		if b.Text != nil {
			out = append(out, b.Text.Text)
		}
		for _, e := range b.Elements {
			out = append(out, e.Label())
		}
	}
	return out
}

// Buttons returns the buttons of the post's actions blocks.
func (p Post) Buttons() []Element {
	var out []Element
	for _, b := range p.Blocks {
		if b.Type == "actions" {
			out = append(out, b.Elements...)
		}
	}
	return out
}

// AllText is every text of every block, joined by newlines.
func (p Post) AllText() string {
	var all []string
	for _, t := range []string{"header", "section", "context"} {
		all = append(all, p.Texts(t)...)
	}
	return strings.Join(all, "\n")
}

func (s *Server) chatPost(method string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if f, ok := s.call(method); ok {
			writeFailure(w, f)
			return
		}
		tok := bearerOrForm(r)
		if tok != s.opts.BotToken {
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
			return
		}
		f := r.PostForm
		p := Post{Method: method, Token: tok, Channel: f.Get("channel"), ThreadTS: f.Get("thread_ts"),
			User: f.Get("user"), Text: f.Get("text")}
		if err := json.Unmarshal([]byte(f.Get("blocks")), &p.Blocks); f.Get("blocks") != "" && err != nil {
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_blocks"})
			return
		}
		if p.Channel == "" {
			writeJSON(w, map[string]any{"ok": false, "error": "channel_not_found"})
			return
		}
		if raw := f.Get("metadata"); raw != "" {
			var md struct {
				EventPayload map[string]any `json:"event_payload"`
			}
			json.Unmarshal([]byte(raw), &md)
			p.Key, _ = md.EventPayload["key"].(string)
		}
		if landed, ok := s.landedFailure(method); ok { // posted, then answered with a failure
			s.record(p)
			writeFailure(w, landed)
			return
		}
		p.TS = s.record(p)
		s.mu.Lock()
		slow := s.slowPosts
		s.mu.Unlock()
		select { // posted, but answered late: as a slow Slack is
		case <-time.After(slow):
		case <-r.Context().Done():
			return
		}
		writeJSON(w, map[string]any{"ok": true, "channel": p.Channel, "ts": p.TS})
	}
}

func (s *Server) response(w http.ResponseWriter, r *http.Request) {
	if f, ok := s.call(ResponseURL); ok {
		writeFailure(w, f)
		return
	}
	var msg struct {
		Text         string  `json:"text"`
		ThreadTS     string  `json:"thread_ts"`
		ResponseType string  `json:"response_type"`
		Blocks       []Block `json:"blocks"`
	}
	if err := json.NewDecoder(r.Body).Decode(&msg); err != nil {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte("invalid_payload"))
		return
	}
	s.record(Post{Method: ResponseURL, ResponseID: r.PathValue("id"), ThreadTS: msg.ThreadTS,
		ResponseType: msg.ResponseType, Text: msg.Text, Blocks: msg.Blocks})
	writeJSON(w, map[string]any{"ok": true})
}
