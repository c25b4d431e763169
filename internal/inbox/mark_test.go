package inbox

import (
	"testing"

	"github.com/clinicbot/aftercare/internal/store"
)

func TestParseMark(t *testing.T) {
	tests := []struct {
		choice string
		status store.Status
		key    string
		ok     bool
	}{
		{MarkChoice(store.StatusPlanned, "topic:gym"), store.StatusPlanned, "topic:gym", true},
		{MarkChoice(store.StatusAdded, "word:tattoo"), store.StatusAdded, "word:tattoo", true},
		{MarkChoice(store.StatusIgnored, KeyOther), store.StatusIgnored, KeyOther, true},
		{"inbox:new:topic:gym", "", "", false},
		{"inbox:pending:topic:gym", "", "", false},
		{"inbox:planned:", "", "", false},
		{"home.bath", "", "", false},
	}
	for _, tt := range tests {
		status, key, ok := ParseMark(tt.choice)
		if status != tt.status || key != tt.key || ok != tt.ok {
			t.Errorf("ParseMark(%q) = %q, %q, %v, want %q, %q, %v", tt.choice, status, key, ok, tt.status, tt.key, tt.ok)
		}
	}
}
