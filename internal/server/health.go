package server

import (
	"strings"
	"sync"
)

// Health tracks whether each part of the bot (content, each platform) is
// ready. It is safe for concurrent use.
type Health struct {
	mu      sync.Mutex
	parts   []string
	reasons map[string]string // part → why it is not ready; absent when ready
}

// NewHealth returns a Health for the given parts, none of them ready yet.
func NewHealth(parts ...string) *Health {
	h := &Health{reasons: map[string]string{}}
	for _, p := range parts {
		h.parts = append(h.parts, p)
		h.reasons[p] = "starting"
	}
	return h
}

// Set records the state of part: ready when err is nil, else not ready
// because of err. A part not named before is added.
func (h *Health) Set(part string, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.has(part) {
		h.parts = append(h.parts, part)
	}
	if err == nil {
		delete(h.reasons, part)
		return
	}
	h.reasons[part] = err.Error()
}

func (h *Health) has(part string) bool {
	for _, p := range h.parts {
		if p == part {
			return true
		}
	}
	return false
}

// Ready reports whether every part is ready and, if not, why.
func (h *Health) Ready() (bool, string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	var why []string
	for _, p := range h.parts {
		if r, ok := h.reasons[p]; ok {
			why = append(why, p+": "+r)
		}
	}
	return len(why) == 0, strings.Join(why, "; ")
}
