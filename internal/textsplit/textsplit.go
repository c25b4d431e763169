// Package textsplit cuts long text into pieces that fit a platform's limit,
// at the most natural place: between paragraphs, else between lines, else
// between words, and only inside a word longer than the limit. Platforms
// count length differently (Slack in characters, Telegram in UTF-16 code
// units), so the length of a rune is a parameter.
package textsplit

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Length is how many units a rune counts for.
type Length func(r rune) int

// Lengths platforms use.
var (
	// Runes counts characters (Slack's limits).
	Runes Length = func(rune) int { return 1 }
	// UTF16 counts UTF-16 code units (Telegram's limits): 2 for emoji and
	// other runes outside the Basic Multilingual Plane.
	UTF16 Length = utf16.RuneLen
)

// Len is the length of s in units of length.
func Len(s string, length Length) int {
	n := 0
	for _, r := range s {
		n += length(r)
	}
	return n
}

// Cut returns the byte index at which to cut s so that s[:i] is at most
// limit units long: at the start of the last paragraph break ("\n\n") that
// allows it, else of the last line break, else of the last space, else
// exactly at the limit. It returns len(s) when s fits. The caller trims
// the space around the cut.
func Cut(s string, limit int, length Length) int {
	fit, n := len(s), 0
	for i, r := range s {
		n += length(r)
		if n > limit {
			fit = i
			break
		}
	}
	if fit == len(s) {
		return fit
	}
	for _, sep := range []string{"\n\n", "\n"} {
		if i := strings.LastIndex(s[:min(len(s), fit+len(sep))], sep); i > 0 {
			return i
		}
	}
	_, size := utf8.DecodeRuneInString(s[fit:])
	if i := strings.LastIndexFunc(s[:fit+size], unicode.IsSpace); i > 0 {
		return i
	}
	if fit == 0 { // a single rune longer than the limit: never loop forever
		return size
	}
	return fit
}

// Split cuts s into trimmed pieces of at most limit units each (see Cut);
// empty pieces are dropped.
func Split(s string, limit int, length Length) []string {
	var out []string
	for s = strings.TrimSpace(s); s != ""; {
		cut := Cut(s, limit, length)
		if piece := strings.TrimSpace(s[:cut]); piece != "" {
			out = append(out, piece)
		}
		s = strings.TrimSpace(s[cut:])
	}
	return out
}
