package reply_test

import (
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/fixture"
	"github.com/clinicbot/aftercare/internal/intents"
)

// TestReading: Reading says how the reply reads a message exactly when
// the reply comes from matching it.
func TestReading(t *testing.T) {
	s := fixture.Service(t, catalog.Clinic{})
	patient := aftercare.Journey{Now: time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC), Patient: true}
	tests := []struct {
		in     aftercare.Inbound
		ok     bool
		kind   intents.Kind
		answer aftercare.Kind
	}{
		{aftercare.Inbound{Text: "can i go to the gym tomorrow", Journey: patient}, true, intents.KindDecline, aftercare.KindDecline},
		{aftercare.Inbound{Text: "can I take a bath?", Journey: patient}, true, intents.KindAnswer, aftercare.KindAnswer},
		{aftercare.Inbound{Text: "gym?", NonText: true, Journey: patient}, true, intents.KindDecline, aftercare.KindDecline},
		{aftercare.Inbound{Text: "I had it done today at 8am", Journey: patient}, false, "", aftercare.KindConfirm},
		{aftercare.Inbound{Command: aftercare.CommandShow, Text: "gym"}, false, "", aftercare.KindDecline},
		{aftercare.Inbound{Choice: aftercare.ChoiceNone}, false, "", aftercare.KindDecline},
	}
	for _, tt := range tests {
		r, ok := s.Reading(tt.in)
		if ok != tt.ok || r.Kind != tt.kind {
			t.Errorf("Reading(%+v) = %q, %v, want %q, %v", tt.in, r.Kind, ok, tt.kind, tt.ok)
		}
		if got := s.Answer(t.Context(), tt.in).Kind; got != tt.answer {
			t.Errorf("Answer(%+v).Kind = %q, want %q", tt.in, got, tt.answer)
		}
	}
}
