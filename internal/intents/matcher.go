// Package intents maps a patient's free-text message to the aftercare item
// that answers it. It understands case, punctuation, emoji, contractions,
// text-speak, misspellings, inflections and synonyms; it declines what the
// aftercare sheet does not cover, asks when unsure, and flags red-flag
// symptoms before anything else.
//
// The package knows nothing of chat platforms: it reads text and returns a
// Result.
package intents

import (
	"fmt"

	"github.com/clinicbot/aftercare/internal/catalog"
)

// Thresholds decide between answering, asking and declining.
type Thresholds struct {
	// Decline: below this confidence the matcher declines.
	Decline float64
	// Answer: from this confidence the matcher answers; between Decline and
	// Answer it asks "did you mean…?".
	Answer float64
	// Margin: a runner-up within Margin of the best is answered too when it
	// rests on other words of the message (a compound question), and makes
	// the matcher ask when it competes for the same words.
	Margin float64
}

// DefaultThresholds were chosen by a sweep over the development and project
// question sets (see `bot eval`).
var DefaultThresholds = Thresholds{Decline: 0.45, Answer: 0.55, Margin: 0.2}

// Matcher maps messages to intents. It is built once from content, is
// immutable afterwards and is safe for concurrent use.
type Matcher struct {
	items   []catalog.Item
	symptom []bool // by item: describes a symptom, so negation applies ("no redness")
	// contextForms holds, by item, the forms of its single-word context
	// keywords: "redness" stems to "red", but the word "red" still needs context.
	contextForms []map[string]bool
	refines      [][]int  // by item: the items it refines
	smalltalk    []string // small-talk intent IDs by index
	urgentItem   int      // index of the item urgent messages are filed under
	vocab        *vocabulary
	spell        *speller
	comp         *compiler
	index        *phraseIndex // keywords, hints and out-of-scope topics
	talk         *phraseIndex // small talk
	flags        *redFlags
	thresholds   Thresholds
	weights      Weights
}

// New builds a Matcher from content, using DefaultThresholds.
func New(c *catalog.Catalog) (*Matcher, error) {
	return NewWithThresholds(c, DefaultThresholds)
}

// NewWithThresholds builds a Matcher from content with the given thresholds
// and DefaultWeights.
func NewWithThresholds(c *catalog.Catalog, th Thresholds) (*Matcher, error) {
	return NewWith(c, th, DefaultWeights)
}

// NewWith builds a Matcher from content with the given thresholds and
// weights; `bot eval` uses it to sweep the weights.
func NewWith(c *catalog.Catalog, th Thresholds, w Weights) (*Matcher, error) {
	if c == nil || len(c.Items) == 0 {
		return nil, fmt.Errorf("build matcher: no items")
	}
	comp := newCompiler(c.Lexicon)
	m := &Matcher{items: c.Items, vocab: comp.vocab, comp: comp, urgentItem: -1,
		index: newPhraseIndex(maxFillers), talk: newPhraseIndex(maxFillers), thresholds: th, weights: w}
	common := commonHints(c.Items)
	for i, it := range c.Items {
		if it.ID == c.RedFlags.Item {
			m.urgentItem = i
		}
		m.symptom = append(m.symptom, it.Section == catalog.SectionExpect)
		forms := m.formsOf(it.ContextKeywords)
		for _, k := range it.Keywords {
			delete(forms, k) // "redness" is a keyword even though it is a form of "red"
		}
		m.contextForms = append(m.contextForms, forms)
		m.addPhrases(it.Keywords, kindKeyword, i, w.Keyword)
		m.addPhrases(it.ContextKeywords, kindContextKeyword, i, w.Keyword)
		m.addPhrases(without(it.Hints, common), kindHint, i, w.Hint)
		m.addPhrases(it.NotAbout, kindNotAbout, i, 0) // a veto, not evidence
		for _, t := range append([]string{it.Title, it.Answer}, phraseTexts(it.Examples)...) {
			m.vocab.addText(comp.words(t))
		}
	}
	for _, it := range c.Items {
		var idx []int
		for _, r := range it.Refines {
			for j, other := range c.Items {
				if other.ID == r {
					idx = append(idx, j)
				}
			}
		}
		m.refines = append(m.refines, idx)
	}
	if m.urgentItem < 0 {
		return nil, fmt.Errorf("build matcher: red-flag item %q is not an item", c.RedFlags.Item)
	}
	m.addPhrases(c.Lexicon.OutOfScope, kindOutOfScope, -1, w.OutOfScope)
	for _, t := range c.Lexicon.OtherMeanings {
		if p := m.comp.literal(t, kindOtherMeaning); len(p.words) > 0 {
			m.index.add(p)
		}
	}
	m.addPhrases(c.Lexicon.Context, kindContext, -1, 0)
	for i, s := range c.Smalltalk {
		m.smalltalk = append(m.smalltalk, s.ID)
		for _, p := range s.Phrases {
			if ph, ok := comp.phrase(p, kindSmalltalk, i, 1); ok {
				m.talk.add(ph)
			}
		}
	}
	m.index.index(comp.ids)
	m.talk.index(comp.ids)
	m.flags = newRedFlags(c.RedFlags, comp)
	detector() // load the language models now, not for the first patient who needs them
	m.spell = newSpeller(m.vocab.surface, m.vocab.topic)
	return m, nil
}

func (m *Matcher) addPhrases(texts []string, k kind, owner int, base float64) {
	for _, t := range texts {
		if p, ok := m.comp.phrase(t, k, owner, 0); ok {
			p.weight = base * (1 + m.weights.LongerPhrase*float64(min(len(p.words), 3)-1))
			m.index.add(p)
		}
	}
}

// commonHints returns the hints shared by so many items that they say
// nothing about which one a message is about.
func commonHints(items []catalog.Item) map[string]bool {
	count := map[string]int{}
	for _, it := range items {
		for _, h := range it.Hints {
			count[h]++
		}
	}
	limit := max(3, int(float64(len(items))*commonHintShare))
	common := map[string]bool{}
	for h, n := range count {
		if n > limit {
			common[h] = true
		}
	}
	return common
}

func without(ss []string, drop map[string]bool) []string {
	var out []string
	for _, s := range ss {
		if !drop[s] {
			out = append(out, s)
		}
	}
	return out
}

// formsOf returns the written forms of the single-word texts.
func (m *Matcher) formsOf(texts []string) map[string]bool {
	forms := map[string]bool{}
	for _, t := range texts {
		if ws := m.comp.words(t); len(ws) == 1 {
			for _, f := range m.vocab.wordForms(ws[0]) {
				forms[f] = true
			}
		}
	}
	return forms
}

func phraseTexts(ps []catalog.Phrase) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Text
	}
	return out
}

// Thresholds returns the thresholds the Matcher decides with.
func (m *Matcher) Thresholds() Thresholds { return m.thresholds }

// Weights returns the weights the Matcher scores with.
func (m *Matcher) Weights() Weights { return m.weights }

// Match reads one message and decides how to reply. It accepts any input,
// including invalid UTF-8, and always returns a valid Result.
func (m *Matcher) Match(text string) Result {
	return m.MatchWith(text, m.thresholds)
}

// MatchWith is Match with other thresholds; `bot eval` uses it to sweep them.
func (m *Matcher) MatchWith(text string, th Thresholds) Result {
	text, truncated := truncate(text, MaxRunes)
	r := m.decide(m.analyse(text, nil), th)
	r.Truncated = truncated
	return r
}

// truncate cuts s to at most n runes.
func truncate(s string, n int) (string, bool) {
	count := 0
	for i := range s {
		if count == n {
			return s[:i], true
		}
		count++
	}
	return s, false
}

// normalise turns a message into tokens: words spelled out, misspellings
// corrected towards the content's vocabulary, stems computed. A message in
// another language is not corrected ("puis" is French, not "pus"); its
// language is returned, and the words of it the glossary knows are read in
// English.
func (m *Matcher) normalise(text string, tr *Explanation) ([]token, string) {
	raw := splitWords(text)
	lang := m.language(text, raw)
	toks := make([]token, 0, len(raw))
	for _, rw := range raw {
		if _, spelt := m.comp.spelling[rw.text]; rw.symbol && !spelt { // an emoji the lexicon spells out is words: 🚿 is "shower"
			toks = append(toks, token{word: rw.text, stem: rw.text, symbol: true, sentence: rw.sentence, clause: rw.clause,
				asked: rw.asked})
			continue
		}
		var one [1]string // most words stand for themselves: no slice to allocate
		words := one[:]
		if _, spelt := m.comp.spelling[rw.text]; spelt || hasDigit(rw.text) {
			words = m.comp.spell(rw.text)
		} else {
			one[0] = rw.text
		}
		tr.correct(rw.text, words, "lexicon")
		if lang != "" {
			words = translate(words, tr)
		}
		for _, w := range words {
			if _, known := m.vocab.stems[w]; !known && lang == "" {
				from := w
				w, _ = m.spell.correct(w)
				tr.correct(from, []string{w}, "speller")
			}
			if n := len(toks); n > 0 && negatingQuantifier(toks[n-1].word, w) {
				w = "hardly"
			}
			toks = append(toks, token{word: w, stem: m.vocab.stem(w), stop: has(stopwords, w),
				sentence: rw.sentence, clause: rw.clause, asked: rw.asked})
		}
	}
	if lang == "" {
		m.possessiveMe(toks, tr)
	}
	for i := range toks {
		toks[i].wid, toks[i].sid = m.comp.ids.of(toks[i].word), m.comp.ids.of(toks[i].stem)
	}
	return toks, lang
}

// ownedByMe are what a dialect "me" before them owns: "me face", "me
// wife", "me cold" are "my face", "my wife", "my cold".
var ownedByMe = toSet(`face skin lips lip eye eyes eyelids eyelid cheeks cheek forehead chin nose neck jaw head
	wife husband hubby mam mum ma da dad daughter son sister brother partner fella lass girlfriend boyfriend pal mate
	cold temperature temp throat`)

// possessiveMe reads the "me" of Northern English, Scottish and Irish
// speech as "my" before something owned: "me lips are swellin", "its me
// wife". "Give me face wipes" is rare enough to read the same.
func (m *Matcher) possessiveMe(toks []token, tr *Explanation) {
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].word == "me" && toks[k+1].clause == toks[k].clause && has(ownedByMe, toks[k+1].word) {
			tr.correct("me", []string{"my"}, "dialect")
			toks[k].word, toks[k].stem, toks[k].stop = "my", m.vocab.stem("my"), has(stopwords, "my")
		}
	}
}

func (m *Matcher) itemID(i int) string { return m.items[i].ID }

// translate reads the words of a message in another language in English,
// where the glossary knows them, or else stems.txt.
func translate(words []string, tr *Explanation) []string {
	var out []string
	for _, w := range words {
		if to := theGlossary().translate(w); to != nil {
			tr.correct(w, to, "glossary")
			out = append(out, to...)
			continue
		}
		if to, ok := theStems().read(w); ok {
			tr.correct(w, to, "stems")
			out = append(out, to...)
			continue
		}
		out = append(out, w)
	}
	return out
}
