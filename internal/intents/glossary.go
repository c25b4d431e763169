package intents

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// glossary.txt holds the words of the other languages the matcher
// recognises that it can read, with the English they mean.
//
//go:embed glossary.txt
var glossaryText string

// glossary maps a word of another language to its English words. Words are
// looked up as written, then without accents ("creme", "banarme") when that
// form belongs to one entry only. It is built once per process and shared
// read-only by every Matcher.
type glossary struct {
	exact, bare map[string][]string
	// langs are the languages (bits in glossaryLanguages' order) whose
	// section lists a word, as written.
	langs map[string]uint16
}

// glossaryLanguages are the sections of glossary.txt, named as lingua names
// them.
var glossaryLanguages = []string{"French", "Spanish", "Portuguese", "Italian", "German", "Dutch", "Polish", "Romanian"}

var theGlossary = sync.OnceValue(func() *glossary { return parseGlossary(glossaryText) })

func parseGlossary(text string) *glossary {
	g := &glossary{exact: map[string][]string{}, bare: map[string][]string{}, langs: map[string]uint16{}}
	ambiguous := map[string]bool{}
	lang := -1
	for _, line := range strings.Split(text, "\n") {
		if name, ok := strings.CutPrefix(line, "# "); ok {
			if i := slices.Index(glossaryLanguages, strings.TrimSpace(name)); i >= 0 {
				lang = i
			}
		}
		word, english, ok := strings.Cut(line, " = ")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		word, to := strings.TrimSpace(word), strings.Fields(english)
		g.exact[word] = to
		if lang >= 0 {
			g.langs[word] |= 1 << lang
		}
		b := withoutAccents(word)
		if prev, seen := g.bare[b]; seen && strings.Join(prev, " ") != strings.Join(to, " ") {
			ambiguous[b] = true
		}
		g.bare[b] = to
	}
	for b := range ambiguous {
		delete(g.bare, b)
	}
	return g
}

// translate returns the English for a word of another language, or nil.
func (g *glossary) translate(w string) []string {
	if to, ok := g.exact[w]; ok {
		return to
	}
	return g.bare[withoutAccents(w)]
}

// withoutAccents drops the combining marks of a word: "crème" is "creme".
func withoutAccents(w string) string {
	for _, r := range w {
		if r >= utf8.RuneSelf {
			s, _, _ := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), w)
			return s
		}
	}
	return w
}
