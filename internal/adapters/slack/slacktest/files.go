package slacktest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
)

// Files: the three steps of an upload, as Slack has them since
// files.upload was retired. files.getUploadURLExternal hands out an upload
// URL on this server; the file is posted there (multipart, field "file");
// files.completeUploadExternal shares it, in a thread with thread_ts,
// which records a Post of Method CompleteUpload carrying the file.
// files.delete deletes it.

// File is a file the bot uploaded.
type File struct {
	ID      string
	Name    string // the filename given to files.getUploadURLExternal
	Title   string
	Content []byte // as uploaded
}

// upload is a file between getUploadURLExternal and completeUploadExternal.
type upload struct {
	name     string
	length   int
	content  []byte
	uploaded bool
}

// Files returns the files shared (not deleted) in channel's thread ts, in
// order.
func (s *Server) Files(channel, ts string) []File {
	var out []File
	for _, p := range s.ThreadPosts(channel, ts) {
		out = append(out, p.Files...)
	}
	return out
}

func (s *Server) getUploadURL(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(w, r, UploadURL) {
		return
	}
	f := r.PostForm
	length, err := strconv.Atoi(f.Get("length"))
	if f.Get("filename") == "" || err != nil || length <= 0 {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	s.mu.Lock()
	s.nextFile++
	id := fmt.Sprintf("F%07d", s.nextFile)
	s.uploads[id] = &upload{name: f.Get("filename"), length: length}
	s.mu.Unlock()
	writeJSON(w, map[string]any{"ok": true, "upload_url": s.http.URL + "/upload/" + id, "file_id": id})
}

// uploadFile takes the file's content at the upload URL; Slack answers
// 200 with "OK - <length>".
func (s *Server) uploadFile(w http.ResponseWriter, r *http.Request) {
	if f, ok := s.callFailing(UploadFile); ok {
		writeFailure(w, f)
		return
	}
	part, _, err := r.FormFile("file")
	if err != nil {
		http.Error(w, "no file", http.StatusBadRequest)
		return
	}
	content, err := io.ReadAll(part)
	if err != nil {
		http.Error(w, "cannot read the file", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.uploads[r.PathValue("id")]
	if !ok || len(content) != u.length {
		http.Error(w, "unknown upload, or not the announced length", http.StatusBadRequest)
		return
	}
	u.content, u.uploaded = content, true
	fmt.Fprintf(w, "OK - %d", len(content))
}

func (s *Server) completeUpload(w http.ResponseWriter, r *http.Request) {
	if f, ok := s.call(CompleteUpload); ok {
		writeFailure(w, f)
		return
	}
	if bearerOrForm(r) != s.opts.BotToken {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	f := r.PostForm
	var summaries []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal([]byte(f.Get("files")), &summaries); err != nil || len(summaries) != 1 {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	sum := summaries[0]
	s.mu.Lock()
	u, ok := s.uploads[sum.ID]
	if ok && u.uploaded {
		delete(s.uploads, sum.ID)
	}
	s.mu.Unlock()
	switch {
	case !ok || !u.uploaded:
		writeJSON(w, map[string]any{"ok": false, "error": "file_not_found"})
		return
	case f.Get("channel_id") == "":
		writeJSON(w, map[string]any{"ok": false, "error": "channel_not_found"})
		return
	}
	p := Post{Method: CompleteUpload, Token: bearerOrForm(r), Channel: f.Get("channel_id"), ThreadTS: f.Get("thread_ts"),
		Text: f.Get("initial_comment"), Files: []File{{ID: sum.ID, Name: u.name, Title: sum.Title, Content: u.content}}}
	if landed, ok := s.landedFailure(CompleteUpload); ok { // shared, then answered with a failure
		s.record(p)
		writeFailure(w, landed)
		return
	}
	s.record(p)
	writeJSON(w, map[string]any{"ok": true, "files": []map[string]any{{"id": sum.ID, "title": sum.Title}}})
}

func (s *Server) deleteFile(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(w, r, DeleteFile) {
		return
	}
	id := r.PostForm.Get("file")
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.posts {
		if p := &s.posts[i]; len(p.Files) > 0 && p.Files[0].ID == id && !p.Deleted {
			p.Deleted = true
			s.notify()
			writeJSON(w, map[string]any{"ok": true})
			return
		}
	}
	writeJSON(w, map[string]any{"ok": false, "error": "file_not_found"})
}
