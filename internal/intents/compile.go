package intents

import (
	"strings"

	"github.com/clinicbot/aftercare/internal/catalog"
)

// compiler turns content text into phrases, normalising it exactly as
// messages are normalised so that both meet in the same form.
type compiler struct {
	vocab    *vocabulary
	spelling map[string][]string
	ids      wordIDs // shared by every phrase index
}

func newCompiler(lex catalog.Lexicon) *compiler {
	c := &compiler{vocab: newVocabulary(), spelling: map[string][]string{}, ids: wordIDs{}}
	for from, to := range lex.Spelling {
		c.spelling[from] = strings.Fields(to)
	}
	return c
}

// words normalises a content text into words: contractions and text-speak
// spelled out, digits split from letters; no spelling correction.
func (c *compiler) words(text string) []string {
	var out []string
	for _, rw := range splitWords(text) {
		out = append(out, c.spell(rw.text)...)
	}
	return out
}

// spell applies the lexicon's spelling table, then splits digits from letters.
func (c *compiler) spell(w string) []string {
	if to, ok := c.spelling[w]; ok {
		return to
	}
	return splitDigits(w)
}

// phrase compiles text into a phrase. It reports false for text that cannot
// be evidence on its own: empty, or a single stop word outside small talk.
func (c *compiler) phrase(text string, k kind, owner int, weight float64) (phrase, bool) {
	ws := c.words(text)
	if len(ws) == 0 || (len(ws) == 1 && has(stopwords, ws[0]) && k != kindSmalltalk) {
		return phrase{}, false
	}
	p := phrase{kind: k, owner: owner, weight: weight, text: text, negative: has(negationWords, ws[0]),
		exact: k == kindOutOfScope}
	for _, w := range ws {
		if p.exact {
			p.words = append(p.words, c.vocab.wordForms(w))
			continue
		}
		p.words = append(p.words, c.vocab.forms(w))
		if k != kindSmalltalk && k != kindContext && !has(stopwords, w) {
			c.vocab.topic[w] = true
		}
	}
	return p, true
}

// wordPhrase compiles a red-flag term matched by exact word forms rather
// than stems, so that "several" does not pass for "severe".
func (c *compiler) wordPhrase(text string, owner int) (phrase, bool) {
	ws := c.words(text)
	if len(ws) == 0 {
		return phrase{}, false
	}
	p := phrase{kind: kindKeyword, owner: owner, text: text, negative: has(negationWords, ws[0]), exact: true}
	for _, w := range ws {
		if has(negationWords, w) || has(stopwords, w) {
			// "not" has no inflections: "noted" is not "not".
			p.words = append(p.words, []string{w})
			continue
		}
		p.words = append(p.words, c.vocab.wordForms(w))
	}
	return p, true
}

// literal compiles text into a phrase matched word for word, with no other
// forms: "spot on" must not match "spots on my chin".
func (c *compiler) literal(text string, k kind) phrase {
	p := phrase{kind: k, owner: -1, text: text, exact: true}
	for _, w := range c.words(text) {
		c.vocab.addWord(w)
		p.words = append(p.words, []string{w})
	}
	return p
}

// cueIndex compiles cue phrases (negations, hypotheticals) that must appear
// word for word: "cleared" negates a symptom, "clear" does not.
func (c *compiler) cueIndex(cues []string) *phraseIndex {
	ix := newPhraseIndex(0)
	ix.byWord = true
	for _, cue := range cues {
		if p := c.literal(cue, kindKeyword); len(p.words) > 0 {
			ix.add(p)
		}
	}
	ix.index(c.ids)
	return ix
}
