package intents

// Kind is how the bot should reply to a message.
type Kind string

// Reply kinds.
const (
	// KindAnswer: answer Result.Items (best first).
	KindAnswer Kind = "answer"
	// KindClarify: ask "did you mean…?" with Result.Options.
	KindClarify Kind = "clarify"
	// KindDecline: the aftercare sheet does not cover the message.
	KindDecline Kind = "decline"
	// KindSmalltalk: greeting, thanks, goodbye or a request for help.
	KindSmalltalk Kind = "smalltalk"
)

// Reason says why a message was declined.
type Reason string

// Decline reasons.
const (
	ReasonNone          Reason = ""
	ReasonEmpty         Reason = "empty"          // nothing to read
	ReasonOtherLanguage Reason = "other_language" // not written in English
	ReasonOutOfScope    Reason = "out_of_scope"   // about a topic the sheet does not cover
	ReasonUnknown       Reason = "unknown"        // no item matched well enough
)

// Candidate is an intent with the matcher's confidence in it, in 0..1.
type Candidate struct {
	Intent string  `json:"intent"`
	Score  float64 `json:"score"`
}

// Result is the matcher's reading of one message.
type Result struct {
	Kind Kind
	// Intent is the best item ID, a smalltalk.* intent, or "" when declined.
	// For a clarify result it is the best candidate.
	Intent string
	// Score is the confidence in Intent, in 0..1.
	Score float64
	// Items are the items to answer, best first: one for a plain question,
	// several for a compound one ("can I shower or take a bath?").
	Items []string
	// Alternatives are up to three runners-up, best first, excluding Intent.
	Alternatives []Candidate
	// Urgent is set when the message describes a red-flag symptom; the
	// urgent text must then come before anything else.
	Urgent bool
	// RedFlags names the red flags found when Urgent is set.
	RedFlags []string
	// Asked are, when Urgent is set, the items of a question the message
	// clearly asks apart from the red flag ("can I wash my face tonight?
	// btw the spots are seeping"): to answer after the urgent text. Only
	// at-home items, never the red-flag item nor one that says a sign is
	// to be expected.
	Asked []string
	// Reason says why a message was declined.
	Reason Reason
	// Topic is the first topic the sheet does not cover that the message
	// names, as the lexicon's out_of_scope list writes it ("gym"), or "".
	Topic string
	// Language names the language the message was written in when it is
	// not English ("French"): the matcher read it through its glossary, and
	// answers it only when that reading is clear.
	Language string
	// Truncated is set when the message was longer than MaxRunes and only
	// its beginning was read.
	Truncated bool
}

// Options returns the items to offer for a clarify result: the best
// candidate and the alternatives close enough to be worth asking about.
func (r Result) Options() []string {
	if r.Kind != KindClarify {
		return nil
	}
	opts := []string{r.Intent}
	for _, a := range r.Alternatives {
		if a.Score >= r.Score*clarifyOptionRatio {
			opts = append(opts, a.Intent)
		}
	}
	return opts
}
