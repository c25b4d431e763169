package inbox

import (
	"context"
	"strings"
	"time"

	"github.com/clinicbot/aftercare/internal/desk"
	"github.com/clinicbot/aftercare/internal/store"
)

// markPrefix begins the choice of a button that marks a group:
// "inbox:planned:word:tattoo".
const markPrefix = "inbox:"

// MarkChoice is the choice that marks the group with key as status.
func MarkChoice(status store.Status, key string) string {
	return markPrefix + string(status) + ":" + key
}

// ParseMark reads a MarkChoice; ok is false for any other choice.
func ParseMark(choice string) (status store.Status, key string, ok bool) {
	rest, ok := strings.CutPrefix(choice, markPrefix)
	if !ok {
		return "", "", false
	}
	s, key, _ := strings.Cut(rest, ":")
	switch status = store.Status(s); {
	case key == "":
		return "", "", false
	case status == store.StatusPlanned, status == store.StatusAdded, status == store.StatusIgnored:
		return status, key, true
	}
	return "", "", false
}

// Mark marks as status the new questions of the last desk.InboxKept (before now)
// that group under key, and returns how many.
func Mark(ctx context.Context, tx *store.Tx, key string, status store.Status, now time.Time) (int64, error) {
	qs, err := tx.Questions(ctx, now.Add(-desk.InboxKept), store.StatusNew)
	if err != nil {
		return 0, err
	}
	for _, g := range Groups(qs) {
		if g.Key != key {
			continue
		}
		ids := make([]string, 0, len(g.Questions))
		for _, q := range g.Questions {
			ids = append(ids, q.ID)
		}
		return tx.MarkQuestions(ctx, ids, status, now)
	}
	return 0, nil
}
