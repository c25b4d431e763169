package intents

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// stems.txt holds stems of languages the glossary does not list, enough to
// recognise a red flag in them.
//
//go:embed stems.txt
var stemsText string

// stemReader reads a word of another language through stems.txt. It is
// built once per process and shared read-only by every Matcher.
type stemReader struct {
	words    map[string][]string // whole words
	prefixes []stemEntry         // stems written with "*", longest first
	han      []stemEntry         // Chinese entries, longest first
}

type stemEntry struct {
	stem    string
	english []string // nil drops the word
}

var theStems = sync.OnceValue(func() *stemReader { return parseStems(stemsText) })

func parseStems(text string) *stemReader {
	r := &stemReader{words: map[string][]string{}}
	for _, line := range strings.Split(text, "\n") {
		stem, english, ok := strings.Cut(line, " = ")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		stem, english = strings.TrimSpace(stem), strings.TrimSpace(english)
		var to []string
		if english != "-" {
			to = strings.Fields(english)
		}
		switch {
		case isHan(stem):
			r.han = append(r.han, stemEntry{stem, to})
		case strings.HasSuffix(stem, "*"):
			r.prefixes = append(r.prefixes, stemEntry{strings.TrimSuffix(stem, "*"), to})
		default:
			r.words[stem] = to
		}
	}
	longestFirst := func(a, b stemEntry) int { return utf8.RuneCountInString(b.stem) - utf8.RuneCountInString(a.stem) }
	slices.SortStableFunc(r.prefixes, longestFirst)
	slices.SortStableFunc(r.han, longestFirst)
	return r
}

// read returns the English of a word, and whether stems.txt knows it.
func (r *stemReader) read(w string) ([]string, bool) {
	if isHan(w) {
		return r.readHan(w)
	}
	if to, ok := r.lookup(w); ok {
		return to, true
	}
	// Arabic script joins "and" and "the" to the word: "والتنفس".
	for _, p := range []string{"و", "ال", "وال"} {
		if rest, ok := strings.CutPrefix(w, p); ok && rest != "" && isArabicScript(rest) {
			if to, ok := r.lookup(rest); ok {
				return to, true
			}
		}
	}
	return nil, false
}

func (r *stemReader) lookup(w string) ([]string, bool) {
	if to, ok := r.words[w]; ok {
		return to, true
	}
	for _, e := range r.prefixes {
		if strings.HasPrefix(w, e.stem) {
			return e.english, true
		}
	}
	return nil, false
}

// readHan reads a run of Chinese characters: every entry found, longest
// first at each position, in order; characters no entry starts are skipped.
func (r *stemReader) readHan(w string) ([]string, bool) {
	var out []string
	found := false
	for rest := w; rest != ""; {
		matched := false
		for _, e := range r.han {
			if strings.HasPrefix(rest, e.stem) {
				out = append(out, e.english...)
				rest = rest[len(e.stem):]
				matched, found = true, true
				break
			}
		}
		if !matched {
			_, size := utf8.DecodeRuneInString(rest)
			rest = rest[size:]
		}
	}
	return out, found
}

func isHan(s string) bool {
	for _, c := range s {
		if unicode.Is(unicode.Han, c) {
			return true
		}
	}
	return false
}

func isArabicScript(s string) bool {
	for _, c := range s {
		if unicode.Is(unicode.Arabic, c) {
			return true
		}
	}
	return false
}
