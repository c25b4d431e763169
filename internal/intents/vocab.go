package intents

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// vocabulary is every word the content uses: their stems, the stems of their
// inflected forms, and the words the speller may correct towards.
type vocabulary struct {
	stems   map[string]string   // word → stem, for content words and their forms
	known   map[string]struct{} // stems of every content word: "explained" words
	surface map[string]struct{} // content words as written
	topic   map[string]bool     // words of keywords and hints
}

func newVocabulary() *vocabulary {
	return &vocabulary{
		stems:   map[string]string{},
		known:   map[string]struct{}{},
		surface: map[string]struct{}{},
		topic:   map[string]bool{},
	}
}

// stem returns the stem of a lowercase word.
func (v *vocabulary) stem(w string) string {
	if s, ok := v.stems[w]; ok {
		return s
	}
	return stemWord(w)
}

func stemWord(w string) string {
	if has(stopwords, w) || !isLetters(w) {
		return w
	}
	return english.Stem(w, false)
}

// addText records every word of a content text as known vocabulary.
func (v *vocabulary) addText(words []string) {
	for _, w := range words {
		v.addWord(w)
	}
}

func (v *vocabulary) addWord(w string) string {
	s, ok := v.stems[w]
	if !ok {
		s = stemWord(w)
		v.stems[w] = s
	}
	if !has(stopwords, w) {
		v.known[s] = struct{}{}
		v.surface[w] = struct{}{}
	}
	return s
}

// forms returns the stems of w and of its inflected and derived forms
// (itch → itchy, itching, itchiness; red → redder, reddish), so that a keyword
// written once matches every form of it. Only w itself becomes a spelling
// target: generated forms are not all words.
func (v *vocabulary) forms(w string) []string {
	base := v.addWord(w)
	if has(stopwords, w) || !isLetters(w) || len(w) < 3 {
		return []string{base}
	}
	set := []string{base}
	for _, f := range inflect(w) {
		s, ok := v.stems[f]
		if !ok {
			s = stemWord(f)
			v.stems[f] = s
		}
		if has(dictionary(), f) {
			v.known[s] = struct{}{}
		}
		if !slices.Contains(set, s) {
			set = append(set, s)
		}
	}
	return set
}

// wordForms returns w and its generated forms as written, for matching
// where stems are too coarse ("several" and "severe" share a stem).
func (v *vocabulary) wordForms(w string) []string {
	v.addWord(w)
	if has(stopwords, w) || !isLetters(w) || len(w) < 3 {
		return []string{w}
	}
	return uniq(append([]string{w}, inflect(w)...)...)
}

// inflect generates likely inflected and derived forms of a word. Over-
// generation is harmless: forms that are not words never occur in messages.
func inflect(w string) []string {
	stemBase := w
	switch {
	case strings.HasSuffix(w, "ness"):
		stemBase = strings.TrimSuffix(w, "ness")
	case strings.HasSuffix(w, "y") && len(w) > 3 && !isVowel(w[len(w)-2]):
		// "itchy" → "itch", but "grey" is no "gre" (→ "green", "greed")
		stemBase = strings.TrimSuffix(w, "y")
	}
	var out []string
	if e := strings.TrimSuffix(w, "e"); e != w {
		out = append(out, e+"ed", e+"ing", e+"er", e+"est", e+"y", e+"ish") // bathe → bathing, not "bathting"
	}
	for _, b := range uniq(w, stemBase) {
		out = append(out, b+"s", b+"es", b+"ed", b+"ing", b+"er", b+"est", b+"y", b+"ier", b+"iest",
			b+"iness", b+"ness", b+"ish", b+"en", b+"ened", b+"ly", b+"ily")
		if last := b[len(b)-1]; isConsonantVowelConsonant(b) && last != 'w' && last != 'x' && last != 'y' {
			d := b + string(last)
			out = append(out, d+"er", d+"est", d+"ish", d+"en", d+"ened", d+"ed", d+"ing", d+"y")
		}
	}
	if strings.HasSuffix(w, "y") {
		i := strings.TrimSuffix(w, "y") + "i"
		out = append(out, i+"er", i+"est", i+"ed", i+"es", i+"ness")
	}
	return out
}

func isConsonantVowelConsonant(w string) bool {
	if len(w) < 3 {
		return false
	}
	c1, v, c2 := w[len(w)-3], w[len(w)-2], w[len(w)-1]
	return !isVowel(c1) && isVowel(v) && !isVowel(c2)
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf {
			return otherLetters(w[i:])
		} else if c|0x20 < 'a' || c|0x20 > 'z' {
			return false
		}
	}
	return w != ""
}

// otherLetters is isLetters past the ASCII letters a word starts with.
func otherLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Mc, r) {
			return false
		}
	}
	return w != ""
}

func uniq(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
