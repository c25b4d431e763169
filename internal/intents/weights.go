package intents

// Weights are how much each kind of evidence counts. They live here, and
// only here: `bot eval` sweeps each of them (see eval.SweepWeights) the way
// it sweeps the thresholds, so a change can be measured before it is made.
type Weights struct {
	// Keyword is the evidence a one-word keyword (or context keyword in
	// context) gives its item.
	Keyword float64
	// Hint is the evidence one hint gives; hints alone never decide.
	Hint float64
	// MaxHints caps the evidence all of an item's hints give together.
	MaxHints float64
	// OutOfScope is the evidence a topic the sheet does not cover
	// (lexicon.yaml out_of_scope) gives against every item.
	OutOfScope float64
	// Mention is the evidence for the red-flag item when a red flag is asked
	// about hypothetically ("what if I get hives") or found.
	Mention float64
	// Negated is the share of its weight a negated keyword keeps: "no
	// redness" is still a little about redness.
	Negated float64
	// Foreign is how much confidence a message made entirely of words the
	// content does not know loses.
	Foreign float64
	// Saturation is how fast evidence turns into confidence:
	// confidence = 1 − e^(−Saturation × evidence).
	Saturation float64
	// LongerPhrase is the extra weight of each word of a phrase beyond the
	// first (up to three words): longer phrases are more specific.
	LongerPhrase float64
	// Routine is the share of its evidence an item keeps when it is told
	// only as the routine the writer keeps ("I've been doing the serum
	// twice a day") and another item is told or asked otherwise.
	Routine float64
}

// DefaultWeights were chosen by hand and checked with the sweep `bot eval`
// prints: each is at, or within noise of, the best point of its own sweep.
var DefaultWeights = Weights{
	Keyword:      1.0,
	Hint:         0.3,
	MaxHints:     0.6,
	OutOfScope:   1.5,
	Mention:      2.0,
	Negated:      0.4,
	Foreign:      0.6,
	Saturation:   1.4,
	LongerPhrase: 0.25,
	Routine:      0.25,
}

// WeightField names one weight, for sweeps and reports.
type WeightField struct {
	Name  string
	Value *float64
}

// Fields returns every weight by name, pointing into w, in a fixed order.
func (w *Weights) Fields() []WeightField {
	return []WeightField{
		{"keyword", &w.Keyword}, {"hint", &w.Hint}, {"max_hints", &w.MaxHints},
		{"out_of_scope", &w.OutOfScope}, {"mention", &w.Mention}, {"negated", &w.Negated},
		{"foreign", &w.Foreign}, {"saturation", &w.Saturation}, {"longer_phrase", &w.LongerPhrase},
		{"routine", &w.Routine},
	}
}

// The shapes of matching: how far apart words may be and how many of a kind
// it takes. They are counts, not weights, and are not swept.
const (
	// maxFillers is how many stop words may stand between the words of a
	// phrase: "looks like I've got sunburn" is "looks like sunburn".
	maxFillers = 3
	// negationWindow is how many words before a phrase a negation still
	// applies ("no pus" but not "no idea why my skin is red").
	negationWindow = 3
	// perfectWindow is how far after a sign "has gone", "have healed" still
	// negate it, in its clause.
	perfectWindow = 8
	// rfWindow is the furthest apart, in words, the terms of one red-flag
	// rule may be.
	rfWindow = 12
	// hintsToAnchor is how many distinct hints anchor an item without a
	// keyword.
	hintsToAnchor = 3
	// commonHintShare: a hint used by more than max(3, items × share) items
	// says nothing about which one a message is about, and is dropped.
	commonHintShare = 0.25
	// smalltalkShare is how much of a message small talk must make up to be
	// answered as small talk.
	smalltalkShare = 0.5
	// clarifyOptionRatio is how close to the best candidate an alternative
	// must score to be offered as a "did you mean" option.
	clarifyOptionRatio = 0.5
	// refineLift is how far above the item it refines a more specific item
	// is put ("dark skin, will I go red?": darker skin, then redness).
	refineLift = 0.001
)
