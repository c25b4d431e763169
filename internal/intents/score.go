package intents

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// analysis is everything the matcher reads from one message, before any
// threshold is applied.
type analysis struct {
	empty         bool
	otherLanguage bool
	language      string  // the other language it is written in
	foreign       float64 // share of the meaningful words the content does not know
	urgent        []string
	urgentAt      []int    // the clauses that describe a red flag now
	cands         []scored // anchored items, best first
	outOfScope    float64  // evidence that the message is about an uncovered topic
	topic         string   // the first out-of-scope topic named, as the lexicon writes it
	notAbout      bool     // an item matched but the question goes beyond it
	smalltalk     int      // small-talk index, or -1
	smalltalkConf float64
	// asked is the analysis of the clauses of an urgent message that ask a
	// question and describe no red flag ("can I wash my face tonight? btw
	// the spots are seeping"), or nil.
	asked *analysis
	// askedElse is set when a long message asks only about topics the
	// sheet does not cover, whatever effects it tells along the way.
	askedElse bool
	// toldGaveWay is set when an expected effect the message only tells
	// (told, an item index) gave way to what its question asks (preferAsked).
	toldGaveWay bool
	told        int
}

// scored is an item with the evidence for it.
type scored struct {
	item     int
	conf     float64
	evidence float64 // from keywords
	hints    float64
	nHints   int
	anchored bool     // a keyword (or enough hints) points to the item
	anchors  []anchor // the words that anchor it
	pending  []anchor // context keywords awaiting context
	nPending int      // distinct context keywords
	hinted   []anchor // hints
	notAbout bool     // the question goes beyond what the item says
	live     bool     // a keyword of it is not said to be going ("the redness is calming down" is)
	// outOfScope is the evidence of the out-of-scope topics that bear on
	// the item (see bearing).
	outOfScope float64
}

// askedFor ranks how directly a message asks for an item, to order items
// it gives equal evidence: 1 when a word anchoring the item stands in a
// question, less one when every such word is what the writer would do
// without ("instead of the shower", "I don't have a shower"). "I'm scared
// of slipping in the shower. Am I allowed a bath instead?" asks for the
// bath.
func askedFor(toks []token, anchors []anchor) int {
	asked, without := 0, len(anchors) > 0
	for _, a := range anchors {
		if toks[a.pos].asked && !answeredNo(toks, a.pos) {
			asked = 1
		}
		without = without && (forgoes(toks, a.pos) || timeReference(toks, a.pos))
	}
	return asked - btoi(without)
}

// answeredNo reports whether the question the word at k stands in is
// answered by the writer with one of the red-flag answers ("no", "none"),
// or "nope" or "nah": "swelling? no."
func answeredNo(toks []token, k int) bool {
	for j := k + 1; j < len(toks); j++ {
		if toks[j].sentence != toks[k].sentence {
			w := toks[j].word
			return has(answers, w) || w == "nope" || w == "nah"
		}
	}
	return false
}

// forgoes reports whether the word at k is what the writer does without:
// "instead of the shower", "rather than a shower", "I don't have a shower".
func forgoes(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-4 && toks[j].clause == toks[k].clause; j-- {
		switch w := toks[j].word; {
		case w == "of" && j > 0 && toks[j-1].word == "instead", w == "than" && j > 0 && toks[j-1].word == "rather":
			return true
		case w == "have" && j > 1 && toks[j-1].word == "not" && toks[j-2].word == "do":
			return true
		case has(troubles, w):
			return true // "he struggles in the shower", "I find showers difficult"
		}
	}
	for j := k + 1; j < len(toks) && j <= k+3 && toks[j].clause == toks[k].clause; j++ {
		switch w := toks[j].word; {
		case has(troubles, w):
			return true // "the shower is broken"
		case (w == "ok" || w == "okay" || w == "fine" || w == "allowed") && slices.ContainsFunc(toks, func(t token) bool {
			return (t.word == "but" || t.word == "when" || t.word == "whereas") && t.sentence == toks[k].sentence
		}):
			return true // "why is a shower ok but a bath not?" asks about the bath
		}
	}
	return false
}

// troubles tell what the writer finds hard to use, and so does without:
// "she struggles in the shower", "the shower's broken".
var troubles = toSet(`struggles struggle struggling difficult broken broke slipping slip hate`)

// timeReference reports whether the topic at token k only says when: "after
// the gym can I have a shower", "can I shower post workout", or a "before"
// told, not asked, that a later "now" answers: "used retinol before the
// treatment and now I'm really red".
func timeReference(toks []token, k int) bool {
	if toks[k].word == "before" && !asksAt(toks, k) && slices.ContainsFunc(toks[k+1:], func(t token) bool { return t.word == "now" }) {
		return true
	}
	for j := k - 1; j >= 0 && j >= k-2 && toks[j].clause == toks[k].clause; j-- {
		switch toks[j].word {
		case "after", "post":
			return true
		case "the", "my", "a":
			continue
		}
		return false
	}
	return false
}

// asksAt reports whether the clause of token k asks: it opens with a
// question, or it ends a sentence with a question mark ("bled a bit during
// the treatment, ok to shower?" asks only about the shower).
func asksAt(toks []token, k int) bool {
	start, end := clauseStart(toks, k), k+1
	for end < len(toks) && toks[end].clause == toks[k].clause {
		end++
	}
	last := end == len(toks) || toks[end].sentence != toks[k].sentence
	return opensQuestion(toks[start:end]) || toks[k].asked && last
}

// weighed is a phrase found in a message, with its weight.
type weighed struct {
	hit
	weight float64
}

// bearing sums the out-of-scope topics that bear on an item anchored on the
// given words: those in a clause of its own, and those in a clause that
// asks (see asksAt). A topic told in passing elsewhere does not: "had a
// fever last week before the appointment, all fine now, how many drops
// again" is about the drops, while "can I go swimming? my skin is still
// red" stays about swimming. A topic that only says when ("after the gym")
// bears on nothing.
func bearing(toks []token, topics []weighed, anchors []anchor) float64 {
	total := 0.0
	for _, t := range topics {
		if timeReference(toks, t.start) {
			continue
		}
		near := len(anchors) == 0 || asksAt(toks, t.start)
		for _, a := range anchors {
			near = near || toks[a.pos].clause == toks[t.start].clause
		}
		if near {
			total += t.weight
		}
	}
	return total
}

// evidenceKey identifies evidence already counted for an item (or, with
// item -1, for the out-of-scope topics).
type evidenceKey struct {
	item int
	key  string
}

// evidenceSeen holds the evidence already counted for a message: a
// message has few pieces of it, so a scan beats a map.
type evidenceSeen []evidenceKey

// add records k and reports whether it is new, returning seen as it is
// then.
func (seen evidenceSeen) add(k evidenceKey) (evidenceSeen, bool) {
	if slices.Contains(seen, k) {
		return seen, false
	}
	return append(seen, k), true
}

// itemScores is the evidence for each item a message names, in the order
// first named: a message names few items, so a scan beats a map.
type itemScores []scored

// at returns the scores of item, adding them when new, with ss as it is
// then. The pointer is good until the next at.
func (ss itemScores) at(item int) (itemScores, *scored) {
	if s := ss.of(item); s != nil {
		return ss, s
	}
	ss = append(ss, scored{item: item})
	return ss, &ss[len(ss)-1]
}

// of returns the scores of item, or nil.
func (ss itemScores) of(item int) *scored {
	for i := range ss {
		if ss[i].item == item {
			return &ss[i]
		}
	}
	return nil
}

// anchor is a word of a message and the phrase through which it supports an
// item. Two items anchored on the same word through different phrases are
// competing readings of it; through the same phrase, a keyword both share.
type anchor struct {
	pos    int
	phrase string
}

func (m *Matcher) analyse(text string, tr *Explanation) analysis {
	s := readPool.Get().(*readScratch)
	defer s.release()
	toks, lang := m.read(s, text, tr)
	tr.read(toks, lang)
	a := m.analyseTokens(s, toks, lang, tr)
	if len(a.urgent) == 0 && a.smalltalk >= 0 && a.smalltalkConf >= smalltalkShare && onlyEmoji(toks, a.cands) {
		// "Good morning ☀️": the greeting is the message, its emoji a
		// flourish, not a question about the sun.
		a.cands = nil
	}
	if len(a.urgent) == 0 && len(a.cands) > 0 && m.symptom[a.cands[0].item] && !a.otherLanguage && asksInPartBy(toks, plainlyAsks) {
		m.preferAsked(s, toks, lang, &a)
	}
	if len(a.urgent) > 0 {
		if q := questionClauses(s.clauses, toks, a.urgentAt); len(q) > 0 {
			s.clauses = q
			asked := m.analyseTokens(s, q, lang, nil)
			a.asked = &asked
		}
	} else if len(toks) >= longMessage && !a.empty && !a.otherLanguage && len(a.cands) > 0 {
		// A long message tells much and asks little: when what it asks
		// names only topics the sheet does not cover ("is it ok to dye my
		// hair now?"), the effects it tells along the way ("all fine, just
		// a bit pink") are not the question, and it is declined, unless a
		// question points back to what was told ("is that a problem?",
		// "can they wait?").
		if asksInPart(toks) {
			q := questionClauses(s.clauses, toks, nil)
			s.clauses = q
			if asked := m.analyseTokens(s, q, lang, nil); len(asked.cands) == 0 && asked.outOfScope > 0 && !asksAboutTold(q) {
				a.cands, a.askedElse = nil, true
				a.outOfScope = max(a.outOfScope, asked.outOfScope)
				if a.topic == "" {
					a.topic = asked.topic
				}
			}
		}
	}
	return a
}

// preferAsked puts first an item to do at home that the message's question
// clauses ask about, over an expected effect it only tells in the others:
// "pink, bit tender, bit tight. what should I be doing tonight?". The item
// asked about must be clear by the matcher's own thresholds (not those a
// sweep tries), and it takes the told effect's confidence, since it answers
// the message's question. Measured over every labelled row: 88 better, none
// worse (round sixty-seven).
func (m *Matcher) preferAsked(s *readScratch, toks []token, lang string, a *analysis) {
	var inQBuf [wordRoom]bool
	inQ := zeroed(inQBuf[:], len(toks))
	k := 0
	q := s.clauses[:0]
	for clause := range clausesOf(toks) {
		if plainlyAsks(clause) {
			for i := range clause {
				inQ[k+i] = true
			}
			q = append(q, clause...)
		}
		k += len(clause)
	}
	s.clauses = q
	best := a.cands[0]
	inQuestion := func(an anchor) bool { return inQ[an.pos] }
	if slices.ContainsFunc(best.anchors, inQuestion) || slices.ContainsFunc(best.hinted, inQuestion) || slices.ContainsFunc(best.pending, inQuestion) {
		return // the effect is asked about, or what is asked bears on it: "dry, is the serum enough?"
	}
	if asksAboutTold(q) {
		return // "can they wait?": the question is about what was told
	}
	for clause := range clausesOf(q) {
		if pointsBack(clause) || len(clause) > 2 && clause[2].word == "still" {
			return // "is that the treatment or the powder?", "can I still get my brows tinted?" (given what I told)
		}
	}
	told := 0
	for _, c := range a.cands {
		if m.symptom[c.item] && !slices.ContainsFunc(c.anchors, inQuestion) {
			told++
		}
	}
	if told > 2 {
		return // an update on several effects, then a question: "pink, tight, a bit dry… anything else apart from the serum?"
	}
	asked := m.analyseTokens(s, q, lang, nil)
	if len(asked.cands) == 0 || m.symptom[asked.cands[0].item] || asked.cands[0].item == m.urgentItem || asked.cands[0].conf < m.thresholds.Answer ||
		len(asked.cands) > 1 && asked.cands[1].conf >= asked.cands[0].conf-m.thresholds.Margin {
		return // no one thing to do at home clearly asked: "will the serum still soak in?"
	}
	want := asked.cands[0]
	if slices.Contains(m.covers[best.item], want.item) {
		return // the effect's answer answers it too: "dry, is the serum enough?"
	}
	i := slices.IndexFunc(a.cands, func(c scored) bool { return c.item == want.item })
	if i < 0 {
		return
	}
	c := a.cands[i]
	c.conf = max(c.conf, best.conf)
	a.cands = append([]scored{c}, slices.Delete(a.cands, i, i+1)...)
	a.toldGaveWay, a.told = true, best.item
}

// plainlyAsks reports whether a clause is plainly a question: its sentence
// ends with "?" or it opens with a question and its subject ("can I…",
// "is it…"), not a statement that has "is" near its start ("face is red")
// or opens with a verb ("did the shower like it said", "can't even wash").
func plainlyAsks(clause []token) bool {
	return clause[0].asked || len(clause) > 1 && has(questionOpeners, clause[0].word) && has(askedSubjects, clause[1].word)
}

// askedSubjects may follow the word that opens a question.
var askedSubjects = toSet(`i you it we they he she my your this that there`)

// pointsBack reports whether a question clause asks about what was told
// before it: "is that the serum or my skin?", "is all this ok?", "is the
// serum meant to help that?".
func pointsBack(clause []token) bool {
	for i, t := range clause[:min(3, len(clause))] {
		if (t.word == "that" || t.word == "this") && i > 0 && has(questionOpeners, clause[0].word) {
			return true
		}
	}
	last := clause[len(clause)-1].word
	return last == "that" || last == "this"
}

// onlyEmoji reports whether cands rest only on words spelled out from
// emoji.
func onlyEmoji(toks []token, cands []scored) bool {
	for _, c := range cands {
		if len(c.anchors)+len(c.hinted) == 0 {
			return false // a reaction asked about: "what if it starts oozing?"
		}
		for _, as := range [][]anchor{c.anchors, c.hinted} {
			if slices.ContainsFunc(as, func(a anchor) bool { return !toks[a.pos].emoji }) {
				return false
			}
		}
	}
	return len(cands) > 0
}

// asksAboutTold reports whether one of the question clauses q only asks
// about what the message told before it: "Is that a problem?", "is this
// normal?".
func asksAboutTold(q []token) bool {
	for clause := range clausesOf(q) {
		if slices.ContainsFunc(clause, func(t token) bool { return has(toldThings, t.word) }) {
			return true // "can they wait?", "do I need to have them drained?"
		}
		if len(clause) <= 5 && slices.ContainsFunc(clause, func(t token) bool { return t.word == "that" || t.word == "this" }) &&
			!slices.ContainsFunc(clause, func(t token) bool { return !has(toldWords, t.word) }) {
			return true
		}
	}
	return false
}

// toldWords are all the words of a question that asks about what was told
// before it.
var toldWords = toSet(`is are was that this a an problem issue normal ok okay alright fine bad worry concern going to be`)

// toldThings point back to things told before the question.
var toldThings = toSet(`they them these those`)

// longMessage is the number of words from which a message is long enough
// to tell things besides what it asks (issue 9's long messages run 60 to
// 150 words); shorter ones are read whole.
const longMessage = 60

// analyseTokens reads a normalised message, with rs's memory for its
// phrases.
func (m *Matcher) analyseTokens(rs *readScratch, toks []token, lang string, tr *Explanation) analysis {
	a := analysis{smalltalk: -1}
	if !hasWords(toks) {
		a.empty = true
		a.smalltalk, a.smalltalkConf = m.smalltalkOf(toks)
		return a
	}
	a.otherLanguage, a.language = lang != "", lang
	rf := m.flags.detect(toks)
	defer rf.release()
	a.urgent, a.urgentAt = rf.urgent, rf.presentClauses(toks)
	tr.redFlags(m.flags, toks, rf)

	raw := m.index.appendFind(rs.hits[:0], toks)
	rs.hits = raw
	context := rf.symptom
	for _, h := range raw {
		context = context || m.index.phrases[h.phrase].kind == kindContext
	}
	hits := m.index.longest(toks, raw)
	tr.otherMeanings(m, toks, hits)
	hits = m.index.withoutOtherMeanings(toks, hits)
	if tr != nil {
		all := slices.Clone(hits)
		hits = m.withoutSimiles(toks, hits)
		tr.similes(m, toks, all, hits)
	} else {
		hits = m.withoutSimiles(toks, hits)
	}
	m.index.markNegated(toks, hits)
	m.flags.notThePatients(toks, hits, func(h hit) bool {
		p := m.index.phrases[h.phrase]
		return (p.kind == kindKeyword || p.kind == kindContextKeyword) && m.symptom[p.owner]
	})
	var itemsBuf [8]scored
	var seenBuf [16]evidenceKey
	byItem, seen := itemScores(itemsBuf[:0]), evidenceSeen(seenBuf[:0])
	var s *scored
	var first bool
	var topics []weighed // out-of-scope topics
	for _, h := range hits {
		p := m.index.phrases[h.phrase]
		switch p.kind {
		case kindOutOfScope:
			if seen, first = seen.add(evidenceKey{-1, stemKey(toks, h)}); first {
				a.outOfScope += p.weight
				if a.topic == "" {
					a.topic = p.text
				}
				topics = append(topics, weighed{h, p.weight})
				tr.phrase(m, toks, p, h)
			}
		case kindKeyword, kindContextKeyword, kindHint, kindNotAbout:
			if seen, first = seen.add(evidenceKey{p.owner, stemKey(toks, h)}); !first {
				continue
			}
			byItem, s = byItem.at(p.owner)
			if p.kind == kindKeyword && h.end-h.start == 1 && m.contextForms[p.owner][toks[h.start].word] {
				p.kind = kindContextKeyword
			}
			m.addEvidence(s, p, h)
			tr.phrase(m, toks, p, h)
		}
	}
	// A sign said to be going gives way to one that is not: "the redness is
	// calming down but the itching has started" is about the itching.
	live := false
	for i := range byItem {
		s := &byItem[i]
		live = live || s.live
	}
	for i := range byItem {
		s := &byItem[i]
		// Only keywords add anchors so far: an item with anchors and none
		// live has every keyword said to be going.
		if live && len(s.anchors) > 0 && !s.live && m.symptom[s.item] {
			s.evidence *= m.weights.Negated
		}
	}
	// An item told only as the routine the writer keeps ("I've been doing
	// the serum twice a day") gives way to one told or asked otherwise: "my
	// skin's gone flaky, I've been doing the serum twice a day, is this
	// normal?" is about the flaking.
	if routine := routineSpans(toks); routine != nil {
		told := func(s *scored) bool {
			return slices.ContainsFunc(s.anchors, func(a anchor) bool { return !routine[a.pos] }) ||
				slices.ContainsFunc(s.pending, func(a anchor) bool { return !routine[a.pos] })
		}
		other := false
		for i := range byItem {
			s := &byItem[i]
			other = other || len(s.anchors)+len(s.pending) > 0 && told(s)
		}
		for i := range byItem {
			s := &byItem[i]
			if other && len(s.anchors)+len(s.pending) > 0 && !told(s) {
				s.evidence *= m.weights.Routine
			}
		}
	}
	// A general question about a sign ("can microneedling give you cold
	// sores?") is about reactions when it is about no other item; a
	// supposed one ("would a bath give me an infection?", "when can I wear
	// make-up, could it cause an infection?") when it asks about nothing to
	// do at home but the serum it may be blamed on ("what if I get hives
	// from the serum?"). Someone else's sign after their treatment is not
	// the question when the writer tells an effect of their own in words
	// of its own and does not ask about theirs ("my mate's face blew up
	// after hers, mine's just red").
	asked, mentioned := rf.asked, rf.mentioned
	theirsOnly := rf.othersOnly && !asksOfTheirs(toks)
	for i := range byItem {
		s := &byItem[i]
		asked = asked && !(s.anchored && s.item != m.urgentItem)
		mentioned = mentioned && !(s.anchored && s.item != m.urgentItem && !m.symptom[s.item] &&
			slices.ContainsFunc(s.anchors, func(a anchor) bool { return !has(treatmentCauses, a.phrase[strings.LastIndexByte(a.phrase, ' ')+1:]) }))
		mentioned = mentioned && !(theirsOnly && s.anchored && s.item != m.urgentItem && m.symptom[s.item] && outsideTerms(s.anchors, rf.terms))
	}
	if mentioned || len(rf.urgent) > 0 || asked {
		byItem, s = byItem.at(m.urgentItem)
		s.anchored = true
		s.evidence += m.weights.Mention
	}
	unexplained, uncovered := m.unexplained(toks, raw, rf.terms)
	foreign := float64(unexplained) / float64(max(contentWords(toks), 1))
	a.foreign = foreign
	if a.otherLanguage {
		// A message in another language is unknown to English by nature;
		// the glossary's reading is judged by its own, stricter threshold
		// (foreignMargin), not discounted for its untranslated words.
		foreign = 0
	}
	for i := range byItem {
		s := &byItem[i]
		if s.notAbout {
			a.notAbout = true
			continue
		}
		if !s.anchored && len(s.pending) > 0 &&
			(context || s.nHints > 0 || uncovered == 0) {
			s.anchored, s.anchors = true, s.pending
		}
		if !s.anchored && s.nHints >= hintsToAnchor {
			s.anchored, s.anchors = true, s.hinted
		}
		if !s.anchored {
			continue
		}
		e := s.evidence + math.Min(s.hints, m.weights.MaxHints)
		s.outOfScope = bearing(toks, topics, s.anchors)
		s.conf = m.confidence(e, s.outOfScope, foreign)
		a.cands = append(a.cands, *s)
	}
	m.refine(a.cands, rf.mentioned)
	tr.items(m, byItem, a.cands, context, rf.mentioned || len(rf.urgent) > 0, a.outOfScope, foreign)
	slices.SortFunc(a.cands, func(x, y scored) int { // no reflection: sort.Slice allocates
		if x.conf != y.conf {
			return cmp.Compare(y.conf, x.conf)
		}
		if rx, ry := askedFor(toks, x.anchors), askedFor(toks, y.anchors); rx != ry {
			return cmp.Compare(ry, rx)
		}
		return cmp.Compare(x.item, y.item)
	})
	a.smalltalk, a.smalltalkConf = m.smalltalkOf(toks)
	return a
}

// addEvidence records one phrase hit as evidence for its item.
func (m *Matcher) addEvidence(s *scored, p phrase, h hit) {
	negated := h.negated && m.symptom[s.item]
	positions := func(dst []anchor) []anchor {
		h.each(func(k int) { dst = append(dst, anchor{pos: k, phrase: p.text}) })
		return dst
	}
	switch {
	case p.kind == kindNotAbout:
		s.notAbout = s.notAbout || !h.negated
	case p.kind == kindHint:
		if !negated {
			s.hints += p.weight
			s.nHints++
			s.hinted = positions(s.hinted)
		}
	case negated:
		s.evidence += p.weight * m.weights.Negated
	case p.kind == kindKeyword:
		s.anchored = true
		s.evidence += p.weight
		s.live = s.live || !h.easing
		s.anchors = positions(s.anchors)
	default: // a context keyword
		s.evidence += p.weight
		s.pending = positions(s.pending)
		s.nPending++
	}
}

// refine lifts an item above the items it refines when both matched:
// "dark skin, will I go red?" is about darker skin first, redness second.
// A red flag asked about ("what if my lips swell") keeps the red-flag item
// first.
func (m *Matcher) refine(cands []scored, mentioned bool) {
	var buf [16]float64
	conf := buf[:0] // by candidate, before any lift
	for _, c := range cands {
		conf = append(conf, c.conf)
	}
	for i, c := range cands {
		for _, r := range m.refines[c.item] {
			if r == m.urgentItem && mentioned {
				continue
			}
			if j := slices.IndexFunc(cands, func(o scored) bool { return o.item == r }); j >= 0 && conf[j] >= c.conf {
				cands[i].conf = math.Min(1, conf[j]+refineLift)
			}
		}
	}
}

// confidence turns evidence for an item into 0..1. Evidence saturates; the
// share of the message the content does not know (foreign) and out-of-scope
// topics pull it down.
func (m *Matcher) confidence(evidence, outOfScope, foreign float64) float64 {
	c := 1 - math.Exp(-m.weights.Saturation*evidence)
	c *= 1 - m.weights.Foreign*foreign
	c *= evidence / (evidence + outOfScope)
	return math.Round(c*1000) / 1000
}

// contentWords counts the words of a message that carry meaning.
func contentWords(toks []token) int {
	n := 0
	for _, t := range toks {
		if isContent(t) {
			n++
		}
	}
	return n
}

func isContent(t token) bool {
	return !t.stop && !t.symbol && !t.is(classNegation) && isLetters(t.word)
}

// unexplained counts the content words of a message that neither a phrase
// nor the content's vocabulary accounts for, and those no phrase covers.
func (m *Matcher) unexplained(toks []token, hits []hit, terms []rfHit) (unexplained, uncovered int) {
	var coveredBuf [wordRoom]bool
	covered := zeroed(coveredBuf[:], len(toks))
	for _, h := range hits {
		h.each(func(k int) { covered[k] = true })
	}
	for _, h := range terms {
		h.each(func(k int) { covered[k] = true })
	}
	for i, t := range toks {
		if !isContent(t) || covered[i] {
			continue
		}
		uncovered++
		if !has(m.vocab.known, t.stem) {
			unexplained++
		}
	}
	return unexplained, uncovered
}

// smalltalkOf returns the small-talk intent that makes up most of the
// message, with the share of the message it covers.
func (m *Matcher) smalltalkOf(toks []token) (int, float64) {
	hits := m.talk.longest(toks, m.talk.find(toks))
	if len(hits) == 0 {
		return -1, 0
	}
	words := map[int]int{} // small-talk index → words covered
	var inHitBuf [wordRoom]bool
	inHit := zeroed(inHitBuf[:], len(toks))
	best, bestN := -1, 0
	for _, h := range hits {
		o := m.talk.phrases[h.phrase].owner
		words[o] += h.end - h.start
		for k := h.start; k < h.end; k++ {
			inHit[k] = true
		}
		if words[o] > bestN || (words[o] == bestN && o > best) {
			best, bestN = o, words[o]
		}
	}
	total := 0
	for i, t := range toks {
		if !t.stop || inHit[i] {
			total++
		}
	}
	return best, math.Min(1, float64(bestN)/float64(max(total, 1)))
}

// stemKey identifies the words a hit matched, so that the same evidence
// ("red" and "redness") is counted once.
func stemKey(toks []token, h hit) string {
	if h.end-h.start == 1 {
		return toks[h.start].stem
	}
	var b strings.Builder
	for k := h.start; k < h.end; k++ {
		b.WriteString(toks[k].stem)
		b.WriteByte(' ')
	}
	return b.String()
}

func hasWords(toks []token) bool {
	for _, t := range toks {
		if !t.symbol {
			return true
		}
	}
	return false
}

// routineVerbs after "been" tell what the writer keeps doing: "I've been
// using the serum", "been putting it on twice a day".
var routineVerbs = toSet(`doing using applying putting following sticking keeping`)

// routineSpans marks the words of a message that tell the routine the
// writer keeps, nil when none do: a clause with "been doing", "been
// using"… or "everything right", not itself a question, and the clauses
// after it in its sentence up to "but" or a question.
func routineSpans(toks []token) []bool {
	var in []bool
	for k := 0; k < len(toks); k++ {
		w := toks[k].word
		keeps := w == "been" && k+1 < len(toks) && has(routineVerbs, toks[k+1].word) ||
			w == "everything" && k+1 < len(toks) && toks[k+1].word == "right"
		if !keeps {
			continue
		}
		start := clauseStart(toks, k)
		end := k
		for end < len(toks) && toks[end].clause == toks[k].clause {
			end++
		}
		if opensQuestion(toks[start:end]) {
			continue // "have I been doing it right?"
		}
		for end < len(toks) && toks[end].sentence == toks[k].sentence && !has(contrasts, toks[end].word) {
			c := end
			for c < len(toks) && toks[c].clause == toks[end].clause {
				c++
			}
			if opensQuestion(toks[end:c]) {
				break
			}
			end = c
		}
		if in == nil {
			in = make([]bool, len(toks))
		}
		for i := start; i < end; i++ {
			in[i] = true
		}
		k = end - 1
	}
	return in
}

// withoutSimiles drops the evidence for an at-home item that only a
// comparison after a sign names: "my cheeks are dead tight, like I've had
// a face mask on and let it dry" is about tightness, not products. A
// "like" that asks ("dry, like can I use a moisturiser?") or wants ("I'd
// like to") compares nothing.
func (m *Matcher) withoutSimiles(toks []token, hits []hit) []hit {
	if !slices.ContainsFunc(toks, func(t token) bool { return t.word == "like" }) {
		return hits
	}
	evidence := func(h hit) bool {
		p := m.index.phrases[h.phrase]
		return (p.kind == kindKeyword || p.kind == kindContextKeyword || p.kind == kindHint) && p.owner >= 0
	}
	sign := func(h hit) bool {
		p := m.index.phrases[h.phrase]
		return evidence(h) && p.kind != kindHint && m.symptom[p.owner]
	}
	// likeBefore returns the "like" of a comparison after a sign that h
	// stands in, whatever h is, or -1.
	likeBefore := func(h hit) int {
		for k := h.start - 1; k >= 0 && k >= h.start-6 && toks[k].sentence == toks[h.start].sentence; k-- {
			if has(simileBreaks, toks[k].word) {
				return -1
			}
			if toks[k].word != "like" || k > 0 && has(wanting, toks[k-1].word) {
				continue
			}
			if slices.ContainsFunc(hits, func(s hit) bool {
				return sign(s) && s.end <= k && k-s.end <= 3 && toks[s.start].sentence == toks[k].sentence
			}) {
				return k
			}
			return -1
		}
		return -1
	}
	// likeOf returns the "like" of a comparison after a sign that h, an
	// item's word, stands in, or -1.
	likeOf := func(h hit) int {
		if !evidence(h) || toks[h.start].asked {
			return -1
		}
		return likeBefore(h)
	}
	// An uncovered topic a sign is likened to is no topic of the message:
	// "tender like after eyebrow threading", "itchy like a healing tattoo".
	hits = slices.DeleteFunc(hits, func(h hit) bool {
		return m.index.phrases[h.phrase].kind == kindOutOfScope && likeBefore(h) >= 0
	})
	// A sign's keyword that is itself a comparison ("like a sunburn")
	// describes the other sign said just before it: "sore, like a
	// sunburn" is soreness, "peeling like after sunburn" dryness.
	hits = slices.DeleteFunc(hits, func(h hit) bool {
		p := m.index.phrases[h.phrase]
		if !sign(h) || !strings.HasPrefix(p.text, "like ") {
			return false
		}
		return slices.ContainsFunc(hits, func(s hit) bool {
			return sign(s) && m.index.phrases[s.phrase].owner != p.owner && s.end <= h.start && h.start-s.end <= 3 &&
				toks[s.start].sentence == toks[h.start].sentence
		})
	})
	// A comparison names a thing (an at-home item's words); a sign's words
	// in it are the thing's too: "like a face mask drying".
	var things []int
	for _, h := range hits {
		p := m.index.phrases[h.phrase]
		if k := likeOf(h); k >= 0 && p.kind != kindHint && !m.symptom[p.owner] && !slices.Contains(things, k) {
			things = append(things, k)
		}
	}
	if len(things) == 0 {
		return hits
	}
	return slices.DeleteFunc(hits, func(h hit) bool { return slices.Contains(things, likeOf(h)) })
}

// simileBreaks end a comparison before the words after them: "tight, like
// should I use…".
var simileBreaks = toSet(`can could should may ok okay alright but and so`)

// wanting before "like" makes it a wish: "I'd like to use a mask".
var wanting = toSet(`would d i we you they`)

// outsideTerms reports whether no anchor of an item lies inside a red-flag
// term: the item is told in words of its own, not in the words of the
// sign someone else had ("her face blew up after hers; mine's just red").
func outsideTerms(anchors []anchor, terms []rfHit) bool {
	return !slices.ContainsFunc(anchors, func(a anchor) bool {
		return slices.ContainsFunc(terms, func(h rfHit) bool { return h.start <= a.pos && a.pos < h.end })
	})
}

// asksOfTheirs reports whether a message asks about someone else's sign
// itself, or what to do should the writer get it: "was hers normal?",
// "what would I do if mine went like that?".
func asksOfTheirs(toks []token) bool {
	for k := 0; k+1 < len(toks); k++ {
		w, next := toks[k].word, toks[k+1].word
		if (w == "was" || w == "is" || w == "were") && (next == "hers" || next == "his" || next == "theirs") {
			return true
		}
		if w == "do" && next == "if" && k > 1 && toks[k-1].word == "i" && has(whatToDo, toks[k-2].word) {
			return true
		}
	}
	return false
}

// whatToDo, before "I do if", ask what to do: "what would I do if".
var whatToDo = toSet(`would should what`)
