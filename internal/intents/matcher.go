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
	"slices"
	"sync"

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
	covers       [][]int  // by item: the items whose questions its answer answers (preferAsked)
	smalltalk    []string // small-talk intent IDs by index
	urgentItem   int      // index of the item urgent messages are filed under
	vocab        *vocabulary
	spell        *speller
	comp         *compiler
	// words holds, for every word the content, the lexicon or a phrase
	// knows, what normalise and language read of it, in one lookup.
	words      map[string]*wordInfo
	index      *phraseIndex // keywords, hints and out-of-scope topics
	talk       *phraseIndex // small talk
	flags      *redFlags
	thresholds Thresholds
	weights    Weights
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
		m.refines = append(m.refines, itemIndexes(c.Items, it.Refines))
		m.covers = append(m.covers, itemIndexes(c.Items, it.Covers))
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
	sealIndexes(comp.ids, append([]*phraseIndex{m.index, m.talk, m.flags.distinct}, m.flags.cues[:]...)...)
	detector() // load the language models now, not for the first patient who needs them
	m.spell = newSpeller(m.vocab.surface, m.vocab.topic)
	m.indexWords()
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
	return m.read(new(readScratch), text, tr)
}

// readScratch is the working memory of reading one message, reused through
// readPool: a message's words and tokens were half the bytes a match
// allocated, and the collector's work grows with them.
type readScratch struct {
	raw     []rawWord
	toks    []token
	clauses []token // questionClauses
	hits    []hit   // the item phrases found (analyseTokens)
}

var readPool = sync.Pool{New: func() any { return new(readScratch) }}

// maxReadScratch is the most words a scratch keeps for the next message: a
// huge message's buffers are left to the collector.
const maxReadScratch = 1024

// release hands s back for the next message; nothing read into it may be
// used after.
func (s *readScratch) release() {
	if cap(s.raw) <= maxReadScratch && cap(s.toks) <= maxReadScratch && cap(s.clauses) <= maxReadScratch && cap(s.hits) <= maxReadScratch {
		readPool.Put(s)
	}
}

// read is normalise into s's memory.
func (m *Matcher) read(s *readScratch, text string, tr *Explanation) ([]token, string) {
	raw := appendWords(s.raw, text)
	s.raw = raw
	m.lookUp(raw)
	lang := m.language(text, raw)
	toks, mixed := m.readWords(s.toks, raw, lang, nil, false)
	s.toks = toks
	if mixed || tr != nil {
		// A message that mixes in words of another language is read
		// again without correcting the words neither English nor the
		// glossary knows: "granitos blancos" is not "spots blanches".
		toks, _ = m.readWords(toks, raw, lang, tr, mixed)
		s.toks = toks
	}
	if lang == "" {
		m.possessiveMe(toks, tr)
	}
	return toks, lang
}

// readWords turns a message's words into tokens (see normalise), in
// buf's memory, which it reuses from the start. It
// reports whether it read a word of another language through the glossary
// and spelling-corrected another word that is not English: the message
// mixes languages, and mixed leaves such words as they are.
func (m *Matcher) readWords(buf []token, raw []rawWord, lang string, tr *Explanation, mixed bool) ([]token, bool) {
	glossed, corrected := false, false
	toks := slices.Grow(buf[:0], len(raw))
	for _, rw := range raw {
		ri, inTable := rw.lookedUp()
		if rw.symbol && !ri.spelt { // an emoji the lexicon spells out is words: 🚿 is "shower"
			t := m.token(rw.text, ri, inTable, rw)
			t.stem, t.sid, t.stop, t.symbol = rw.text, t.wid, false, true // a symbol is its own stem
			toks = append(toks, t)
			continue
		}
		var one [1]string // most words stand for themselves: no slice to allocate
		words := one[:]
		if (ri.spelt || hasDigit(rw.text)) && !(lang != "" && ri.spelt && theGlossary().translate(rw.text) != nil) {
			words = m.comp.spell(rw.text)
		} else {
			one[0] = rw.text // in a message of another language, a word its glossary knows is read there: Spanish "y" is "and", not "why"
		}
		tr.correct(rw.text, words, "lexicon")
		if lang != "" {
			words = translate(words, tr)
		} else if len(words) == 1 && words[0] == rw.text && !ri.known && !rw.english() {
			// A word of another language in an English message ("mi cara
			// está muy roja after the treatment"): the glossary reads it,
			// before the speller would take it for an English one.
			if to := theGlossary().translate(rw.text); to != nil {
				tr.correct(rw.text, to, "glossary")
				words, glossed = to, true
			}
		}
		for _, w := range words {
			wi, ok := ri, inTable && w == rw.text
			if w != rw.text {
				wi, ok = m.word(w)
			}
			if !wi.known && lang == "" && !(mixed && w == rw.text && !m.english(w)) {
				from := w
				w, _ = m.spell.correct(w)
				tr.correct(from, []string{w}, "speller")
				if w != from {
					wi, ok = m.word(w)
					corrected = corrected || !m.english(from)
				}
			}
			if n := len(toks); n > 0 && negatingQuantifier(toks[n-1].word, w) {
				w = "hardly"
				wi, ok = m.word(w)
			}
			t := m.token(w, wi, ok, rw)
			t.emoji = rw.symbol
			toks = append(toks, t)
		}
	}
	return toks, glossed && corrected
}

// lookUp fills in what m.words holds of each word, for language and
// readWords to share one lookup a word.
func (m *Matcher) lookUp(raw []rawWord) {
	for i := range raw {
		raw[i].info = m.words[raw[i].text]
	}
}

// word returns what m.words holds of w, and whether it holds it.
func (m *Matcher) word(w string) (wordInfo, bool) {
	if wi := m.words[w]; wi != nil {
		return *wi, true
	}
	return wordInfo{}, false
}

// lookedUp returns what lookUp found of the word, as Matcher.word would.
func (rw *rawWord) lookedUp() (wordInfo, bool) {
	if rw.info != nil {
		return *rw.info, true
	}
	return wordInfo{}, false
}

// english is Matcher.english for a word lookUp has looked up.
func (rw *rawWord) english() bool {
	if rw.info != nil {
		return rw.info.english
	}
	return has(dictionary(), rw.text)
}

// foreignSmall reports whether the word is one of foreignSmallWords.
func (rw *rawWord) foreignSmall() bool {
	if rw.info != nil {
		return rw.info.foreignSmall
	}
	return has(foreignSmallWords, rw.text)
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
			wi, ok := m.word("my")
			toks[k] = m.token("my", wi, ok, rawWord{sentence: toks[k].sentence, run: toks[k].run, clause: toks[k].clause, asked: toks[k].asked})
		}
	}
}

func (m *Matcher) itemID(i int) string { return m.items[i].ID }

// wordInfo is what normalise and language read of a word.
type wordInfo struct {
	stem     string
	wid, sid int32 // wordIDs numbers of the word and its stem, -1 for none
	spelt    bool  // the lexicon's spelling table rewrites it
	known    bool  // the content's vocabulary has it: no spelling correction
	stop     bool
	english  bool // englishWord
	// foreignSmall: one of foreignSmallWords
	foreignSmall bool
	class        wordClass // the lists the word is on
}

// indexWords builds m.words over every word of the content's vocabulary,
// the stop words, the lexicon's spelling table, the contractions, the
// phrase indexes and the lists of classLists; call it once the matcher is
// built.
func (m *Matcher) indexWords() {
	m.words = map[string]*wordInfo{}
	var words []string // in the order first added
	add := func(w string) {
		if _, ok := m.words[w]; !ok {
			m.words[w] = nil // filled in below, all in one slice
			words = append(words, w)
		}
	}
	for w := range m.vocab.stems {
		add(w)
	}
	for w := range m.vocab.surface {
		add(w)
	}
	for w := range stopwords {
		add(w)
	}
	for w := range m.comp.spelling {
		add(w)
	}
	for w := range contractions {
		add(w)
	}
	for w := range m.comp.ids {
		add(w)
	}
	for _, list := range classLists {
		for w := range list {
			add(w)
		}
	}
	infos := make([]wordInfo, len(words))
	for i, w := range words {
		_, spelt := m.comp.spelling[w]
		_, known := m.vocab.stems[w]
		stem := m.vocab.stem(w)
		infos[i] = wordInfo{stem: stem, wid: m.comp.ids.of(w), sid: m.comp.ids.of(stem), spelt: spelt, known: known,
			stop: has(stopwords, w), english: m.englishWord(w), foreignSmall: has(foreignSmallWords, w), class: classesOf(w)}
		m.words[w] = &infos[i]
	}
}

// token makes the token of word w, cut as rw, from what m.words holds of
// it (wi, when ok).
func (m *Matcher) token(w string, wi wordInfo, ok bool, rw rawWord) token {
	t := token{word: w, sentence: rw.sentence, run: rw.run, clause: rw.clause, asked: rw.asked}
	if ok {
		t.stem, t.stop, t.wid, t.sid, t.class = wi.stem, wi.stop, wi.wid, wi.sid, wi.class
		return t
	}
	t.stem, t.stop, t.wid, t.class = m.vocab.stem(w), has(stopwords, w), -1, classesOf(w)
	t.sid = m.comp.ids.of(t.stem)
	return t
}

// english reports whether w is an English word (englishWord) with one
// lookup for the words m.words holds.
func (m *Matcher) english(w string) bool {
	if wi := m.words[w]; wi != nil {
		return wi.english
	}
	return has(dictionary(), w) // the only source englishWord reads that m.words does not hold
}

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

// itemIndexes returns the indexes in items of the items named by ids.
func itemIndexes(items []catalog.Item, ids []string) []int {
	var idx []int
	for _, id := range ids {
		if j := slices.IndexFunc(items, func(it catalog.Item) bool { return it.ID == id }); j >= 0 {
			idx = append(idx, j)
		}
	}
	return idx
}
