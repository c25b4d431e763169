package intents

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxRunes is how much of a message the matcher reads; the rest is ignored.
const MaxRunes = 1000

// token is one word of a message after normalisation.
type token struct {
	word     string // lowercase, contractions and text-speak spelled out, spelling corrected
	stem     string
	wid, sid int32 // word's and stem's wordIDs numbers, -1 when no phrase has them (normalise sets them)
	stop     bool  // a stop word: no topic of its own
	symbol   bool  // an emoji or other symbol
	sentence int   // index of the sentence the token is in
	run      int   // index of its run of short telling sentences (joinFragments), else of its sentence
	clause   int   // index of the clause (sentences split further at commas and "but")
	asked    bool  // its sentence ends with a question mark
	emoji    bool  // spelled out from an emoji: ☀ is "sun"
	class    wordClass
}

// rawWord is a word as cut from the text, before spelling correction.
type rawWord struct {
	text     string
	sentence int
	run      int
	clause   int
	info     *wordInfo // what Matcher.words holds of text, or nil (lookUp sets it)
	symbol   bool
	asked    bool
}

// splitWords cuts text into words and symbols, tracking sentence and clause
// boundaries. It lowercases, normalises Unicode (NFKC), spells out
// contractions and collapses drawn-out letters ("sooo").
func splitWords(text string) []rawWord {
	return appendWords(nil, text)
}

// appendWords is splitWords into out's memory, which it reuses from the
// start.
func appendWords(out []rawWord, text string) []rawWord {
	text = norm.NFKC.String(strings.ToValidUTF8(text, " "))
	if strings.Contains(text, "/10") {
		text = outOfTen(text)
	}
	if mayBeDictated(text) {
		text = dictatedPunctuation.ReplaceAllStringFunc(text, spokenMark)
	}
	out = slices.Grow(out[:0], len(text)/5+1)
	var (
		word             = make([]byte, 0, 32) // the word being read, reused
		sentence, clause int
		endsBuf          [16]rune
		ends             = endsBuf[:0] // what ended each sentence
		// Most words are plain (plainWord): gathered in arena, they are
		// made strings in one allocation at the end, where plain says.
		arena = make([]byte, 0, 256)
		plain = make([]plainAt, 0, 64)
	)
	flush := func() {
		if len(word) == 0 {
			return
		}
		if plainWord(word) {
			plain = append(plain, plainAt{at: len(out), from: len(arena), to: len(arena) + len(word)})
			arena = append(arena, word...)
			out = append(out, rawWord{sentence: sentence, clause: clause})
			if string(word) == "but" {
				clause++
			}
			word = word[:0]
			return
		}
		for _, w := range expandWord(string(word)) {
			out = append(out, rawWord{text: w, sentence: sentence, clause: clause})
			if w == "but" {
				clause++
			}
		}
		word = word[:0]
	}
	var prev rune
	for i, r := range text {
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			word = append(word, byte(r)) // most of a message: read without the Unicode tables
		case 'A' <= r && r <= 'Z':
			word = append(word, byte(r)+'a'-'A')
		case r == ' ':
			flush()
		case isEmojiGlue(r):
			continue // "☀️" is "☀": a variation selector or joiner is no word of its own
		case isSkinTone(r):
			if !unicode.Is(unicode.So, prev) {
				// a skin tone on its own tells the writer's skin ("im 🏾");
				// after an emoji it only colours it ("👍🏾")
				flush()
				out = append(out, rawWord{text: string(r), symbol: true, sentence: sentence, clause: clause})
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			// marks are part of a word: the vowel signs of Hindi ("बुखार")
			word = utf8.AppendRune(word, unicode.ToLower(r))
		case (r == '.' || r == ',') && unicode.IsDigit(prev) && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9':
			flush() // a decimal point ends no sentence: "38.5 this morning"
		case isApostrophe(r) && len(word) > 0:
			word = append(word, '\'')
		case r == '.' || r == '!' || r == '?' || r == ';' || r == '\n':
			flush()
			if r == '?' {
				for i := len(out) - 1; i >= 0 && out[i].sentence == sentence; i-- {
					out[i].asked = true
				}
			}
			ends = append(ends, r)
			sentence++
			clause++
		case r == ',' || r == ':' || r == '(' || r == ')' || r == '–' || r == '—' || r == '-' && unicode.IsSpace(prev):
			// A dash between words opens a clause: "can I wear makeup -
			// oh and there are blisters on my cheek".
			flush()
			clause++
		case unicode.Is(unicode.So, r):
			flush()
			out = append(out, rawWord{text: string(r), symbol: true, sentence: sentence, clause: clause})
		default:
			flush()
		}
		prev = r
	}
	flush()
	if len(plain) > 0 {
		all := string(arena)
		for _, p := range plain {
			out[p.at].text = all[p.from:p.to]
		}
	}
	if sentence > 0 {
		joinFragments(out, ends)
	}
	return out
}

// fragmentWords is the most words a sentence may have to be read as a
// fragment of the one before it.
const fragmentWords = 3

// joinFragments numbers the runs of short sentences that tell, not ask:
// the terms of a red-flag rule may stand in different sentences of one
// run. "Still swollen. Day 6." tells a swelling on day 6; "throbbing. hot.
// swollen." is one description. Every other word's run is its sentence;
// cues still read sentences. ends holds what ended each sentence but the
// last.
func joinFragments(out []rawWord, ends []rune) {
	var countBuf [16]int
	counts := countBuf[:0]
	for _, w := range out {
		for len(counts) <= w.sentence {
			counts = append(counts, 0)
		}
		if !w.symbol {
			counts[w.sentence]++
		}
	}
	for len(counts) <= len(ends) {
		counts = append(counts, 0)
	}
	// joins reports whether sentence s goes on the run of the one before.
	joins := func(s int) bool {
		return counts[s] <= fragmentWords && counts[s-1] <= fragmentWords && ends[s-1] != '?' && ends[s-1] != ';' &&
			(s >= len(ends) || ends[s] != '?')
	}
	joined := false
	for s := 1; s < len(counts) && !joined; s++ {
		joined = joins(s)
	}
	if !joined {
		for i := range out {
			out[i].run = out[i].sentence
		}
		return
	}
	var mapBuf [16]int
	to := append(mapBuf[:0], 0)
	for s := 1; s < len(counts); s++ {
		if joins(s) {
			to = append(to, to[s-1])
		} else {
			to = append(to, to[s-1]+1)
		}
	}
	for i := range out {
		out[i].run = to[out[i].sentence]
	}
}

// plainAt is where splitWords keeps a plain word until it makes it a
// string: out[at].text is arena[from:to].
type plainAt struct{ at, from, to int }

// isEmojiGlue reports whether r only joins or styles emoji: a variation
// selector ("☀️") or a zero-width joiner ("😵‍💫").
func isEmojiGlue(r rune) bool {
	return r == '\uFE0E' || r == '\uFE0F' || r == '\u200D'
}

// isSkinTone reports whether r is one of the five emoji skin-tone modifiers.
func isSkinTone(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }

// plainWord reports whether expandWord would return w alone and
// unchanged: no apostrophe, no contraction and no letter three times in a
// row. Words with letters beyond ASCII take the long way.
func plainWord(w []byte) bool {
	var prev byte
	run := 0
	for _, b := range w {
		if b == '\'' || b >= utf8.RuneSelf {
			return false
		}
		if b == prev {
			run++
			if run >= 3 {
				return false
			}
		} else {
			prev, run = b, 1
		}
	}
	if _, ok := contractions[string(w)]; ok { // no allocation: a map index by string(bytes)
		return false
	}
	return true
}

// outOfTen spells out a score such as "7/10" or "8 /10" as "7 out of 10",
// so that it is not read as a range ("7-10 days" is "7 10").
func outOfTen(text string) string {
	var b strings.Builder
	for {
		i := strings.Index(text, "/10")
		if i < 0 {
			break
		}
		j := i + len("/10")
		before := strings.TrimRight(text[:i], " ")
		score := len(before) > 0 && before[len(before)-1] >= '0' && before[len(before)-1] <= '9' &&
			(j == len(text) || text[j] < '0' || text[j] > '9')
		b.WriteString(text[:i])
		if score {
			b.WriteString(" out of 10")
		} else {
			b.WriteString("/10")
		}
		text = text[j:]
	}
	b.WriteString(text)
	return b.String()
}

// negatingQuantifier reports whether w after prev means "next to none":
// a little redness is some, very little redness is hardly any.
func negatingQuantifier(prev, w string) bool {
	return w == "little" && (prev == "very" || prev == "so" || prev == "too")
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`'
}

// contractions spells out common contractions, written with or without the
// apostrophe.
var contractions = map[string][]string{
	"can't": {"can", "not"}, "cant": {"can", "not"}, "cannot": {"can", "not"},
	"won't": {"will", "not"}, "wont": {"will", "not"}, "shan't": {"shall", "not"},
	"ain't": {"is", "not"}, "aint": {"is", "not"},
	"dont": {"do", "not"}, "doesnt": {"does", "not"}, "didnt": {"did", "not"},
	"isnt": {"is", "not"}, "arent": {"are", "not"}, "wasnt": {"was", "not"},
	"werent": {"were", "not"}, "havent": {"have", "not"}, "hasnt": {"has", "not"},
	"hadnt": {"had", "not"}, "shouldnt": {"should", "not"}, "couldnt": {"could", "not"},
	"wouldnt": {"would", "not"}, "mustnt": {"must", "not"},
	"im": {"i", "am"}, "ive": {"i", "have"}, "youre": {"you", "are"}, "theyre": {"they", "are"},
	"thats": {"that", "is"}, "whats": {"what", "is"}, "theres": {"there", "is"},
	"hows": {"how", "is"}, "wheres": {"where", "is"}, "whos": {"who", "is"},
	"its": {"it", "is"}, "lets": {"let", "us"},
}

// elisions are the French and Italian words that lose their vowel before
// one ("l'urticaire", "j'ai", "c'est", "dell'occhio", "un'eruzione"): the
// word after the apostrophe is a word of its own, not glued on.
var elisions = toSet(`l d j c n s m t qu jusqu lorsqu puisqu dell dall nell sull all coll un quell quest tutt`)

// startsWithVowel reports whether w begins with a vowel or an h, accented
// or not.
func startsWithVowel(w string) bool {
	r, _ := utf8.DecodeRuneInString(withoutAccents(w))
	return strings.ContainsRune("aeiouh", r) && len(w) > 1
}

// isVerbS lists words whose "'s" means "is" rather than a possessive.
var isVerbS = toSet(`it that what there here who where how he she let`)

// expandWord turns one cut word into the words it stands for.
func expandWord(w string) []string {
	w = strings.Trim(w, "'")
	if w == "" {
		return nil
	}
	if exp, ok := contractions[w]; ok {
		return exp
	}
	if i := strings.IndexByte(w, '\''); i >= 0 {
		return expandApostrophe(w[:i], w[i+1:])
	}
	return []string{collapseRepeats(w)}
}

func expandApostrophe(base, suffix string) []string {
	if has(elisions, base) && startsWithVowel(suffix) {
		return []string{base + "'", suffix} // "l'urticaire", "dell'occhio": two words, the first no English one
	}
	switch suffix {
	case "t":
		if strings.HasSuffix(base, "n") {
			if exp, ok := contractions[base+"t"]; ok {
				return exp
			}
			return []string{strings.TrimSuffix(base, "n"), "not"}
		}
	case "m":
		return []string{base, "am"}
	case "re":
		return []string{base, "are"}
	case "ve":
		return []string{base, "have"}
	case "ll":
		return []string{base, "will"}
	case "d":
		return []string{base, "would"}
	case "s":
		if has(isVerbS, base) {
			return []string{base, "is"}
		}
		return []string{base}
	}
	return []string{base + suffix}
}

// collapseRepeats shortens letters drawn out three or more times ("sooo",
// "itchyyy") to two, or to one when that makes a known word.
func collapseRepeats(w string) string {
	if utf8.RuneCountInString(w) < 3 || !hasTriple(w) {
		return w
	}
	two, one := squeeze(w, 2), squeeze(w, 1)
	if has(dictionary(), one) && !has(dictionary(), two) {
		return one
	}
	return two
}

func hasTriple(w string) bool {
	var prev rune
	n := 0
	for _, r := range w {
		if r == prev {
			n++
			if n >= 3 {
				return true
			}
		} else {
			prev, n = r, 1
		}
	}
	return false
}

// squeeze keeps at most max copies of any letter in a row of three or more.
func squeeze(w string, max int) string {
	rs := []rune(w)
	var b strings.Builder
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && rs[j] == rs[i] {
			j++
		}
		n := j - i
		if n >= 3 {
			n = max
		}
		for k := 0; k < n; k++ {
			b.WriteRune(rs[i])
		}
		i = j
	}
	return b.String()
}

// splitDigits separates letters from digits ("2hrs" → "2", "hrs"; "day3" →
// "day", "3") unless the word mixes them otherwise ("b4", "2nite"), which the
// spelling lexicon may know.
func splitDigits(w string) []string {
	if !hasDigit(w) {
		return []string{w}
	}
	var parts []string
	start := 0
	rs := []rune(w)
	for i := 1; i < len(rs); i++ {
		if unicode.IsDigit(rs[i]) != unicode.IsDigit(rs[i-1]) {
			parts = append(parts, string(rs[start:i]))
			start = i
		}
	}
	parts = append(parts, string(rs[start:]))
	if len(parts) > 2 {
		return []string{w}
	}
	if len(parts) == 2 && unicode.IsDigit(rs[0]) && ordinalSuffixes[parts[1]] {
		return parts[:1] // "the 5th day" counts as "the 5 day": the suffix is no word
	}
	return parts
}

// ordinalSuffixes end a number written as an ordinal: 1st, 2nd, 3rd, 5th.
var ordinalSuffixes = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// hasDigit reports whether w has a decimal digit in any script.
func hasDigit(w string) bool {
	for _, r := range w {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// dictatedPunctuation is punctuation spoken into a phone's voice typing:
// "coming up on my lip full stop I used to get them".
var dictatedPunctuation = regexp.MustCompile(`(?i)\b(full stop|question mark|exclamation mark|exclamation point|comma|new paragraph|new line)\b`)

// mayBeDictated is a cheap test before the regular expression runs.
func mayBeDictated(text string) bool {
	for _, s := range [...]string{"ull stop", "uestion mark", "omma", "xclamation", "ew line", "ew paragraph",
		"ULL STOP", "UESTION MARK", "OMMA", "XCLAMATION", "EW LINE", "EW PARAGRAPH"} {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// spokenMark returns the mark a spoken punctuation word stands for.
func spokenMark(s string) string {
	switch strings.ToLower(s) {
	case "full stop", "new paragraph", "new line":
		return "."
	case "question mark":
		return "?"
	case "exclamation mark", "exclamation point":
		return "!"
	}
	return ","
}
