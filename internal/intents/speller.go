package intents

import (
	"math/bits"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// speller corrects misspelt words towards the content's vocabulary. It never
// touches a real English word, so "light" is not turned into "tight".
type speller struct {
	byFirst map[byte][]string // candidate words by first letter, sorted
	// letters holds, aligned with byFirst, the letters each candidate
	// has (letterSet): closest skips those too unlike the word cheaply.
	letters map[byte][]uint32
	topic   map[string]bool // words of keywords and hints
}

// minCorrectLen is the shortest word the speller corrects: shorter words have
// too many neighbours to guess safely.
const minCorrectLen = 4

func newSpeller(surface map[string]struct{}, topic map[string]bool) *speller {
	sp := &speller{byFirst: map[byte][]string{}, letters: map[byte][]uint32{}, topic: topic}
	for w := range surface {
		if len(w) >= minCorrectLen-1 && isASCIILetters(w) {
			sp.byFirst[w[0]] = append(sp.byFirst[w[0]], w)
		}
	}
	for first, ws := range sp.byFirst {
		sort.Strings(ws)
		sets := make([]uint32, len(ws))
		for i, c := range ws {
			sets[i] = letterSet(c)
		}
		sp.letters[first] = sets
	}
	return sp
}

// correct returns the vocabulary word w most likely stands for, or w itself.
func (sp *speller) correct(w string) (string, bool) {
	if len(w) < minCorrectLen || !isASCIILetters(w) || has(dictionary(), w) {
		return w, false
	}
	cands, sets := sp.byFirst[w[0]], sp.letters[w[0]]
	if strings.HasSuffix(w, "in") {
		// A dropped g: "writin" is "writing" when English has it,
		// "swellin", "oozin", "swelin" the closest content word.
		if has(dictionary(), w+"g") {
			return w + "g", true
		}
		if best, ok := sp.closest(w+"g", cands, sets); ok {
			return best, true
		}
	}
	if best, ok := sp.closest(w, cands, sets); ok {
		return best, true
	}
	if best, ok := abbreviation(w, cands); ok {
		return best, true
	}
	return w, false
}

// maxDistance is the largest edit distance accepted for a word of n letters.
func maxDistance(n int) int {
	if n <= 5 {
		return 1
	}
	return 2
}

// closest finds the candidate nearest to w by edit distance, counting a swap
// of two letters as one edit. Ties go to topic words (keywords and hints),
// then to longer candidates (a dropped letter is the commonest typo), then to
// the longer shared prefix. sets holds the candidates' letterSets.
func (sp *speller) closest(w string, cands []string, sets []uint32) (string, bool) {
	limit := maxDistance(len(w))
	best, bestKey := "", [4]int{limit + 1}
	ws := letterSet(w)
	for i, c := range cands {
		if d := len(c) - len(w); d > limit || -d > limit {
			continue
		}
		if lettersApart(ws, sets[i]) > limit {
			continue
		}
		dist := osaWithin(w, c, limit)
		if dist > limit || (dist > 1 && c[len(c)-1] != w[len(w)-1]) {
			continue // two edits are trusted only when the word still ends right
		}
		topic := 1
		if sp.topic[c] {
			topic = 0
		}
		shorter := 0
		if len(c) < len(w) {
			shorter = 1
		}
		key := [4]int{dist, topic, shorter, -commonPrefix(w, c)}
		if best == "" || less(key, bestKey) {
			best, bestKey = c, key
		}
	}
	return best, best != ""
}

// abbreviation recognises words written without their vowels ("shwr",
// "mstrzr"): w must be a subsequence of the candidate that keeps its first
// and last letters and drops only vowels.
func abbreviation(w string, cands []string) (string, bool) {
	for _, m := range fuzzy.Find(w, cands) {
		c := m.Str
		if c[len(c)-1] != w[len(w)-1] || len(w)*10 < len(c)*5 {
			continue
		}
		if droppedOnlyVowels(w, c) {
			return c, true
		}
	}
	return "", false
}

func droppedOnlyVowels(w, c string) bool {
	i := 0
	for j := 0; j < len(c); j++ {
		if i < len(w) && w[i] == c[j] {
			i++
			continue
		}
		if !isVowel(c[j]) && c[j] != 'y' {
			return false
		}
	}
	return i == len(w)
}

// letterSet returns the set of the letters a to z that w has, one bit a
// letter.
func letterSet(w string) uint32 {
	var set uint32
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'a' && c <= 'z' {
			set |= 1 << (c - 'a')
		}
	}
	return set
}

// lettersApart is a lower bound on the edit distance between two words of
// ASCII letters with letter sets a and b: every letter one has and the
// other lacks takes an edit of its own (an insertion, deletion or
// substitution brings or removes at most one letter; a swap none).
func lettersApart(a, b uint32) int {
	return max(bits.OnesCount32(a&^b), bits.OnesCount32(b&^a))
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func less(a, b [4]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func isASCIILetters(w string) bool {
	if w == "" || !utf8.ValidString(w) {
		return false
	}
	return strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) < 0
}
