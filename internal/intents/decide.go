package intents

// maxAlternatives is how many runners-up a Result carries.
const maxAlternatives = 3

// decide applies thresholds to an analysis.
func (m *Matcher) decide(a analysis, th Thresholds) Result {
	switch {
	case a.empty && a.smalltalk >= 0:
		return m.smalltalkResult(a)
	case a.empty:
		return Result{Kind: KindDecline, Reason: ReasonEmpty}
	case len(a.urgent) > 0:
		return m.urgentResult(a, th)
	case a.otherLanguage:
		return m.foreignResult(a, th)
	}
	if len(a.cands) == 0 || a.cands[0].conf < th.Decline {
		if a.smalltalk >= 0 && a.smalltalkConf >= smalltalkShare {
			return m.smalltalkResult(a)
		}
		r := Result{Kind: KindDecline, Reason: ReasonUnknown, Alternatives: m.alternatives(a.cands, -1), Topic: a.topic}
		if a.outOfScope > 0 || a.notAbout {
			r.Reason = ReasonOutOfScope
		}
		return r
	}
	best := a.cands[0]
	r := Result{Kind: KindAnswer, Intent: m.itemID(best.item), Score: best.conf,
		Items: []string{m.itemID(best.item)}, Alternatives: m.alternatives(a.cands, best.item), Topic: a.topic}
	if best.conf < th.Answer {
		r.Kind, r.Items = KindClarify, nil
		return r
	}
	for _, c := range a.cands[1:] {
		if c.conf < th.Answer || c.conf < best.conf-th.Margin || len(r.Items) == maxAlternatives {
			break
		}
		if competing(best.anchors, c.anchors) {
			// The same words read as two items: ask rather than guess.
			r.Kind, r.Items = KindClarify, nil
			return r
		}
		r.Items = append(r.Items, m.itemID(c.item))
	}
	return r
}

// urgentResult files an urgent message under the red-flag item alone. Other
// items the message matched stay as alternatives for staff to see, but are
// not answered: "tightness is normal" must not follow "my throat feels
// tight", nor serum instructions "blisters after the serum". A question
// asked apart from the red flag is answered after it (Result.Asked).
func (m *Matcher) urgentResult(a analysis, th Thresholds) Result {
	id := m.itemID(m.urgentItem)
	return Result{Kind: KindAnswer, Intent: id, Score: 1, Urgent: true, RedFlags: a.urgent,
		Items: []string{id}, Alternatives: m.alternatives(a.cands, m.urgentItem), Asked: m.askedItems(a, th)}
}

// foreignMargin is how much more than the answer threshold a message in
// another language needs to be answered: it was read word by word through
// the glossary, so only a clear reading of one item is trusted.
const foreignMargin = 0.15

// foreignResult answers a message in another language when its glossary
// reading is clearly about one item ("posso fare la doccia stasera?" is
// the shower), and otherwise declines it as another language.
func (m *Matcher) foreignResult(a analysis, th Thresholds) Result {
	decline := Result{Kind: KindDecline, Reason: ReasonOtherLanguage, Language: a.language}
	if a.language == anotherScript || a.language == anotherLanguage || len(a.cands) == 0 || a.cands[0].conf < th.Answer+foreignMargin {
		return decline
	}
	if len(a.cands) > 1 && a.cands[1].conf >= a.cands[0].conf-th.Margin {
		return decline
	}
	best := a.cands[0]
	id := m.itemID(best.item)
	return Result{Kind: KindAnswer, Intent: id, Score: best.conf, Items: []string{id},
		Alternatives: m.alternatives(a.cands, best.item), Language: a.language}
}

func (m *Matcher) smalltalkResult(a analysis) Result {
	return Result{Kind: KindSmalltalk, Intent: m.smalltalk[a.smalltalk], Score: round3(a.smalltalkConf)}
}

// alternatives lists up to maxAlternatives candidates other than item.
func (m *Matcher) alternatives(cands []scored, item int) []Candidate {
	var out []Candidate
	for _, c := range cands {
		if c.item == item {
			continue
		}
		if len(out) == maxAlternatives {
			break
		}
		out = append(out, Candidate{Intent: m.itemID(c.item), Score: c.conf})
	}
	return out
}

// competing reports whether two items rest on the same word through
// different phrases, i.e. are two readings of it. Items on different words
// are a compound question; on one keyword they share, both apply.
func competing(a, b []anchor) bool {
	for _, x := range a {
		for _, y := range b {
			if x.pos == y.pos && x.phrase != y.phrase {
				return true
			}
		}
	}
	return false
}

func round3(x float64) float64 {
	return float64(int(x*1000+0.5)) / 1000
}
