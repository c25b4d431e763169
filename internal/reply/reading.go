package reply

import (
	"strings"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/intents"
	"github.com/clinicbot/aftercare/internal/journey"
)

// Reading returns the matcher's reading of in when Answer builds its reply
// from matching in's text (a question, or a photo's caption); ok is false
// for commands, choices, non-text messages without a caption and a
// patient's statement of their treatment time. in.Journey's Now and
// Patient are read as Answer reads them.
func (s *Service) Reading(in aftercare.Inbound) (r intents.Result, ok bool) {
	kb := s.kb.Load()
	switch {
	case in.NonText && strings.TrimSpace(in.Text) != "":
		return kb.matcher.Match(in.Text), true
	case in.NonText, in.Command != "", in.Choice != "":
		return intents.Result{}, false
	}
	r = kb.matcher.Match(in.Text)
	if !r.Urgent && in.Journey.Patient {
		if _, ok, _ := journey.Statement(in.Text, in.Journey.Now, kb.loc); ok {
			return intents.Result{}, false
		}
	}
	return r, true
}
