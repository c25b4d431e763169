package slacktest

import (
	"encoding/json"
	"net/http"
	"slices"
)

// What the care team's thread needs: updating, deleting and reacting to
// posts, reading a channel's or a thread's messages with their metadata,
// and staff's names.

// Users are the staff users.info knows, by ID: their first names.
var Users = map[string]string{"UNURSE1": "Nora", "UNURSE2": "Sam"}

// Post returns the post with ts, as it is now.
func (s *Server) Post(ts string) (Post, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.posts {
		if p.TS == ts {
			return p, true
		}
	}
	return Post{}, false
}

// ThreadPosts returns the live posts in channel's thread ts (the root
// excluded), in order.
func (s *Server) ThreadPosts(channel, ts string) []Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Post
	for _, p := range s.posts {
		if p.Channel == channel && p.ThreadTS == ts && !p.Deleted {
			out = append(out, p)
		}
	}
	return out
}

// edit applies fn to the post with ts, under the lock; found is false
// when there is none.
func (s *Server) edit(ts string, fn func(*Post)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.posts {
		if s.posts[i].TS == ts && !s.posts[i].Deleted {
			fn(&s.posts[i])
			s.notify()
			return true
		}
	}
	return false
}

func (s *Server) authorized(w http.ResponseWriter, r *http.Request, method string) bool {
	if f, ok := s.callFailing(method); ok {
		writeFailure(w, f)
		return false
	}
	if bearerOrForm(r) != s.opts.BotToken {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return false
	}
	return true
}

func (s *Server) chatUpdate(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(w, r, Update) {
		return
	}
	f := r.PostForm
	var blocks []Block
	json.Unmarshal([]byte(f.Get("blocks")), &blocks)
	if !s.edit(f.Get("ts"), func(p *Post) { p.Text, p.Blocks = f.Get("text"), blocks }) {
		writeJSON(w, map[string]any{"ok": false, "error": "message_not_found"})
		return
	}
	writeJSON(w, map[string]any{"ok": true, "channel": f.Get("channel"), "ts": f.Get("ts")})
}

func (s *Server) chatDelete(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(w, r, Delete) {
		return
	}
	if !s.edit(r.PostForm.Get("ts"), func(p *Post) { p.Deleted = true }) {
		writeJSON(w, map[string]any{"ok": false, "error": "message_not_found"})
		return
	}
	writeJSON(w, map[string]any{"ok": true})
}

// reactionsAdd adds a reaction to a post of the bot's, or to a message
// the test says staff wrote (any other ts): those are recorded as posts
// of Method "staff".
func (s *Server) reactionsAdd(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(w, r, React) {
		return
	}
	f := r.PostForm
	name, ts := f.Get("name"), f.Get("timestamp")
	already := false
	found := s.edit(ts, func(p *Post) {
		already = slices.Contains(p.Reactions, name)
		if !already {
			p.Reactions = append(p.Reactions, name)
		}
	})
	if !found {
		s.record(Post{Method: "staff", Channel: f.Get("channel"), TS: ts, Reactions: []string{name}})
	}
	if already {
		writeJSON(w, map[string]any{"ok": false, "error": "already_reacted"})
		return
	}
	writeJSON(w, map[string]any{"ok": true})
}

// Reactions returns the reactions on the message ts (the bot's or
// staff's).
func (s *Server) Reactions(ts string) []string {
	p, _ := s.Post(ts)
	return p.Reactions
}

func (s *Server) conversations(method string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.authorized(w, r, method) {
			return
		}
		f := r.PostForm
		channel, thread := f.Get("channel"), f.Get("ts")
		withMeta := f.Get("include_all_metadata") == "1"
		s.mu.Lock()
		var msgs []map[string]any
		for _, p := range s.posts {
			if (p.Method != PostMessage && p.Method != CompleteUpload) || p.Channel != channel || p.Deleted {
				continue
			}
			if method == Replies && p.TS != thread && p.ThreadTS != thread {
				continue
			}
			if method == History && p.ThreadTS != "" {
				continue
			}
			m := map[string]any{"type": "message", "ts": p.TS, "text": p.Text, "bot_id": "BBOT", "user": s.opts.BotUserID}
			if p.ThreadTS != "" {
				m["thread_ts"] = p.ThreadTS
			}
			for _, f := range p.Files {
				files, _ := m["files"].([]map[string]any)
				m["files"] = append(files, map[string]any{"id": f.ID, "name": f.Name, "title": f.Title})
			}
			if withMeta && p.Key != "" {
				m["metadata"] = map[string]any{"event_type": "aftercare_post", "event_payload": map[string]any{"key": p.Key}}
			}
			msgs = append(msgs, m)
		}
		s.mu.Unlock()
		if method == History {
			slices.Reverse(msgs) // newest first
		}
		writeJSON(w, map[string]any{"ok": true, "messages": msgs, "has_more": false})
	}
}

func (s *Server) usersInfo(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(w, r, UsersInfo) {
		return
	}
	id := r.PostForm.Get("user")
	name, ok := Users[id]
	if !ok {
		writeJSON(w, map[string]any{"ok": false, "error": "user_not_found"})
		return
	}
	writeJSON(w, map[string]any{"ok": true, "user": map[string]any{"id": id, "name": name,
		"profile": map[string]any{"first_name": name, "real_name": name + " Smith"}}})
}

// ChannelMessage is a message event in a channel (channel_type
// "channel"), in thread threadTS when set.
func ChannelMessage(user, channel, ts, threadTS, text string) map[string]any {
	ev := map[string]any{"type": "message", "channel_type": "channel", "user": user, "channel": channel,
		"ts": ts, "event_ts": ts, "text": text}
	if threadTS != "" {
		ev["thread_ts"] = threadTS
	}
	return ev
}

// ChannelEdit is a message_changed event: user's message ts in thread
// threadTS now says text (it said before).
func ChannelEdit(user, channel, ts, threadTS, before, text string) map[string]any {
	msg := func(t string) map[string]any {
		return map[string]any{"type": "message", "user": user, "ts": ts, "thread_ts": threadTS, "text": t}
	}
	return map[string]any{"type": "message", "subtype": "message_changed", "channel_type": "channel", "channel": channel,
		"ts": ts + "1", "event_ts": ts + "1", "message": msg(text), "previous_message": msg(before), "hidden": true}
}
