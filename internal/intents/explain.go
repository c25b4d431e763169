package intents

import (
	"fmt"
	"slices"
	"strings"
)

// Explanation is a readable trace of how the matcher read one message and
// why it decided what it did: for `bot match --explain`, and for staff who
// ask the bot "why?". It is a plain value, safe to keep and share.
type Explanation struct {
	// Message is the text as read (at most MaxRunes runes).
	Message string
	// Words are the message's words after normalisation and correction.
	Words []string
	// Language names the other language the message is written in, if any.
	Language string
	// Corrections are the words the lexicon or the speller changed.
	Corrections []Correction
	// RedFlags are the red-flag rules whose terms all occur, fired or not.
	RedFlags []RedFlagRule
	// Phrases are the content phrases found, in the order they count.
	Phrases []PhraseHit
	// Items are the items with any evidence, by content order.
	Items []ItemEvidence
	// OutOfScope is the evidence for topics the sheet does not cover.
	OutOfScope float64
	// Unknown is the share of the message's meaningful words the content
	// does not know, which pulls confidence down.
	Unknown float64
	// Thresholds are those the decision was made with.
	Thresholds Thresholds
	// Result is what Match returns for the message.
	Result Result
	// Why says in one sentence why the result is what it is.
	Why string
}

// Correction is one word changed before matching.
type Correction struct {
	From, To string
	By       string // "lexicon" (lexicon.yaml spelling) or "speller"
}

// RedFlagRule is one rule of redflags.yaml whose terms all occur.
type RedFlagRule struct {
	Flag   string   // the kind of sign
	Line   int      // of the rule in redflags.yaml
	Words  []string // the words that matched its terms
	Status string   // "fired", "negated", "hypothetical", "someone else's", ...
	Cue    string   // the words that set a status other than fired
}

// PhraseHit is one content phrase found in the message.
type PhraseHit struct {
	Phrase string
	Kind   string // keyword, context keyword, hint, not about, out of scope, other meaning, context
	Item   string // the item it is evidence for, if any
	Words  string // the message's words it matched
	Weight float64
	Note   string // "negated", or why it does not count
}

// ItemEvidence is what one item got from the message.
type ItemEvidence struct {
	Item       string
	Keywords   float64 // evidence from keywords and context keywords
	Hints      float64 // evidence from hints, before the cap
	Anchored   bool    // a keyword, or enough hints, point to it
	Confidence float64 // 0 when not a candidate
	Note       string
}

// Explain matches text as Match does and returns the trace of it. It is
// slower than Match and meant for people, not for every message.
func (m *Matcher) Explain(text string) Explanation {
	text, truncated := truncate(text, MaxRunes)
	e := &Explanation{Message: text, Thresholds: m.thresholds}
	a := m.analyse(text, e)
	e.Result = m.decide(a, m.thresholds)
	e.Result.Truncated = truncated
	e.Why = m.why(a, e.Result)
	return *e
}

var kindNames = [...]string{kindKeyword: "keyword", kindContextKeyword: "context keyword", kindHint: "hint",
	kindNotAbout: "not about", kindOutOfScope: "out of scope", kindOtherMeaning: "other meaning",
	kindContext: "context", kindSmalltalk: "small talk"}

func (e *Explanation) read(toks []token, lang string) {
	if e == nil {
		return
	}
	e.Language = lang
	for _, t := range toks {
		e.Words = append(e.Words, t.word)
	}
}

func (e *Explanation) correct(from string, to []string, by string) {
	if e == nil || (len(to) == 1 && to[0] == from) {
		return
	}
	e.Corrections = append(e.Corrections, Correction{From: from, To: strings.Join(to, " "), By: by})
}

func (e *Explanation) redFlags(d *redFlags, toks []token, f redFlagFindings) {
	if e == nil {
		return
	}
	for _, r := range f.rules {
		rule := RedFlagRule{Flag: d.names[d.rules[r.rule].flag], Line: d.rules[r.rule].line, Status: r.mood.String()}
		for _, w := range r.words {
			rule.Words = append(rule.Words, span(toks, w.hit))
			if w.mood == r.mood && r.mood != moodPresent && rule.Cue == "" {
				rule.Cue = span(toks, w.cue)
			}
		}
		e.RedFlags = append(e.RedFlags, rule)
	}
}

// otherMeanings records the everyday phrases found and the item phrases
// they take words from.
func (e *Explanation) otherMeanings(m *Matcher, toks []token, hits []hit) {
	if e == nil {
		return
	}
	kept := m.index.withoutOtherMeanings(toks, slices.Clone(hits))
	for _, h := range hits {
		p := m.index.phrases[h.phrase]
		switch {
		case p.kind == kindOtherMeaning:
			e.Phrases = append(e.Phrases, PhraseHit{Phrase: p.text, Kind: kindNames[p.kind], Words: span(toks, h),
				Note: "read as a whole: its words are no evidence for any item"})
		case !slices.Contains(kept, h):
			e.Phrases = append(e.Phrases, PhraseHit{Phrase: p.text, Kind: kindNames[p.kind], Item: m.owner(p),
				Words: span(toks, h), Weight: p.weight, Note: "dropped: its words belong to an everyday phrase"})
		}
	}
}

// similes records the phrases withoutSimiles dropped from all, keeping kept.
func (e *Explanation) similes(m *Matcher, toks []token, all, kept []hit) {
	if e == nil {
		return
	}
	for _, h := range all {
		if !slices.Contains(kept, h) {
			p := m.index.phrases[h.phrase]
			e.Phrases = append(e.Phrases, PhraseHit{Phrase: p.text, Kind: kindNames[p.kind], Item: m.owner(p),
				Words: span(toks, h), Weight: p.weight, Note: "dropped: part of a comparison after a sign"})
		}
	}
}

func (e *Explanation) phrase(m *Matcher, toks []token, p phrase, h hit) {
	if e == nil {
		return
	}
	ph := PhraseHit{Phrase: p.text, Kind: kindNames[p.kind], Item: m.owner(p), Words: span(toks, h), Weight: p.weight}
	if h.negated && (p.kind == kindNotAbout || p.owner >= 0 && m.symptom[p.owner]) {
		ph.Note = "negated"
	}
	e.Phrases = append(e.Phrases, ph)
}

func (e *Explanation) items(m *Matcher, byItem itemScores, cands []scored, context, flagged bool, outOfScope, foreign float64) {
	if e == nil {
		return
	}
	e.OutOfScope, e.Unknown = outOfScope, foreign
	for i := range m.items {
		s := byItem.of(i)
		if s == nil {
			continue
		}
		ev := ItemEvidence{Item: m.itemID(i), Keywords: s.evidence, Hints: s.hints, Anchored: s.anchored}
		for _, c := range cands {
			if c.item == i {
				ev.Confidence = c.conf
				if c.outOfScope < outOfScope {
					ev.Note = fmt.Sprintf("out of scope %.2f of %.2f: the rest is told in passing in another clause",
						c.outOfScope, outOfScope)
				}
			}
		}
		switch {
		case ev.Note != "":
		case i == m.urgentItem && flagged:
			ev.Note = fmt.Sprintf("includes %.2f for a red flag found or asked about", m.weights.Mention)
		case s.notAbout:
			ev.Note = "vetoed: the question goes beyond what the item says (not_about)"
		case !s.anchored && len(s.pending) > 0 && !context:
			ev.Note = "not anchored: its context keywords need a word about the skin or the treatment"
		case !s.anchored:
			ev.Note = fmt.Sprintf("not anchored: no keyword, and %d hints (%d needed)", s.nHints, hintsToAnchor)
		}
		e.Items = append(e.Items, ev)
	}
}

func (m *Matcher) owner(p phrase) string {
	if p.owner < 0 || p.owner >= len(m.items) || p.kind == kindSmalltalk {
		return ""
	}
	return m.itemID(p.owner)
}

func span(toks []token, h hit) string {
	var ws []string
	h.each(func(k int) { ws = append(ws, toks[k].word) })
	return strings.Join(ws, " ")
}

// why says why the analysis led to the result.
func (m *Matcher) why(a analysis, r Result) string {
	th := m.thresholds
	switch {
	case a.empty && r.Kind == KindSmalltalk:
		return "small talk and nothing else: " + r.Intent
	case a.empty:
		return "declined: no words to read"
	case r.Urgent && len(r.Asked) > 0:
		return fmt.Sprintf("urgent: the person describes a red flag now (%s); filed under %s, then %s for the "+
			"question asked apart from it", strings.Join(r.RedFlags, "; "), r.Intent, strings.Join(r.Asked, " and "))
	case r.Urgent:
		return fmt.Sprintf("urgent: the person describes a red flag now (%s); filed under %s alone, so that no "+
			"reassuring answer follows it", strings.Join(r.RedFlags, "; "), r.Intent)
	case a.otherLanguage && r.Kind == KindAnswer:
		return fmt.Sprintf("answered %s, in English: written in %s, read through the glossary, and %.2f is at least "+
			"the answer threshold %.2f plus %.2f for another language, with no other item within %.2f", r.Intent,
			a.language, r.Score, th.Answer, foreignMargin, th.Margin)
	case a.otherLanguage:
		return "declined: written in " + a.language + ", no red flag named in it, and no one item read clearly enough " +
			"to answer in English"
	case r.Kind == KindSmalltalk:
		return fmt.Sprintf("small talk (%s covers %.0f%% of the message) and no item reached %.2f", r.Intent,
			100*a.smalltalkConf, th.Decline)
	case r.Kind == KindAnswer && a.toldGaveWay && r.Intent == m.itemID(a.cands[0].item):
		return fmt.Sprintf("answered %s: a question of its own asks about it, while %s is an expected effect the "+
			"message only tells", r.Intent, m.itemID(a.told))
	case r.Kind == KindDecline && a.askedElse:
		return fmt.Sprintf("declined: a long message whose questions ask only about topics the sheet does not cover "+
			"(out of scope %.2f); what it tells along the way is not what it asks", a.outOfScope)
	case r.Kind == KindDecline && len(a.cands) == 0:
		why := "declined: no item is anchored by a keyword"
		if a.notAbout {
			why += "; an item was vetoed by its not_about"
		}
		if a.outOfScope > 0 {
			why += fmt.Sprintf("; out-of-scope topics weigh %.2f", a.outOfScope)
		}
		return why
	case r.Kind == KindDecline:
		return fmt.Sprintf("declined: the best item, %s, has %.2f, below the decline threshold %.2f "+
			"(out of scope %.2f, unknown words %.0f%%)", m.itemID(a.cands[0].item), a.cands[0].conf, th.Decline,
			a.outOfScope, 100*a.foreign)
	case r.Kind == KindClarify && r.Score >= th.Answer:
		return fmt.Sprintf("asked: %s and %s read the same words in different ways", r.Intent,
			r.Alternatives[0].Intent)
	case r.Kind == KindClarify:
		return fmt.Sprintf("asked: %s has %.2f, between the decline threshold %.2f and the answer threshold %.2f",
			r.Intent, r.Score, th.Decline, th.Answer)
	case len(r.Items) > 1:
		return fmt.Sprintf("answered %s: each has at least %.2f and rests on other words of the message",
			strings.Join(r.Items, " and "), th.Answer)
	default:
		return fmt.Sprintf("answered %s: %.2f is at least the answer threshold %.2f, and no other item comes "+
			"within %.2f on other words", r.Intent, r.Score, th.Answer, th.Margin)
	}
}

// String renders the explanation as a few lines of plain text.
func (e Explanation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "message: %q\n", e.Message)
	fmt.Fprintf(&b, "read as: %s\n", strings.Join(e.Words, " "))
	if e.Language != "" {
		fmt.Fprintf(&b, "language: %s\n", e.Language)
	}
	for _, c := range e.Corrections {
		fmt.Fprintf(&b, "corrected: %s → %s (%s)\n", c.From, c.To, c.By)
	}
	for _, r := range e.RedFlags {
		fmt.Fprintf(&b, "red flag: %s (redflags.yaml:%d) on %q: %s", r.Flag, r.Line, strings.Join(r.Words, " + "), r.Status)
		if r.Cue != "" {
			fmt.Fprintf(&b, " (by %q)", r.Cue)
		}
		b.WriteByte('\n')
	}
	for _, p := range e.Phrases {
		fmt.Fprintf(&b, "phrase: %s %q on %q", p.Kind, p.Phrase, p.Words)
		if p.Item != "" {
			fmt.Fprintf(&b, " → %s", p.Item)
		}
		if p.Weight != 0 {
			fmt.Fprintf(&b, " %+.2f", p.Weight)
		}
		if p.Note != "" {
			fmt.Fprintf(&b, " (%s)", p.Note)
		}
		b.WriteByte('\n')
	}
	if e.OutOfScope > 0 || e.Unknown > 0 {
		fmt.Fprintf(&b, "against every item: out of scope %.2f, unknown words %.0f%%\n", e.OutOfScope, 100*e.Unknown)
	}
	for _, it := range e.Items {
		fmt.Fprintf(&b, "item: %s keywords %.2f hints %.2f", it.Item, it.Keywords, it.Hints)
		if it.Anchored {
			fmt.Fprintf(&b, " → confidence %.3f", it.Confidence)
		}
		if it.Note != "" {
			fmt.Fprintf(&b, " (%s)", it.Note)
		}
		b.WriteByte('\n')
	}
	r := e.Result
	fmt.Fprintf(&b, "result: %s", r.Kind)
	if r.Intent != "" {
		fmt.Fprintf(&b, " %s %.3f", r.Intent, r.Score)
	}
	if r.Urgent {
		b.WriteString(" URGENT")
	}
	if r.Reason != ReasonNone {
		fmt.Fprintf(&b, " (%s)", r.Reason)
	}
	fmt.Fprintf(&b, "\nwhy: %s\n", e.Why)
	return b.String()
}
