package intents

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
)

// Other languages written in Latin script are recognised among these. The
// list is short on purpose: the fewer languages, the fewer English messages
// with typos are mistaken for one of them.
var languages = []lingua.Language{lingua.English, lingua.French, lingua.Spanish, lingua.German,
	lingua.Italian, lingua.Portuguese, lingua.Dutch, lingua.Polish, lingua.Romanian}

// detector is built once per process, on first use, and shared read-only by
// every Matcher (lingua's detector is safe for concurrent use). Low-accuracy
// mode loads in about 0.1 s rather than 4 s and reads a short message in
// well under a millisecond.
var detector = sync.OnceValue(func() lingua.LanguageDetector {
	return lingua.NewLanguageDetectorBuilder().FromLanguages(languages...).
		WithLowAccuracyMode().WithPreloadedLanguageModels().Build()
})

const (
	// minUnknownShare is the share of a message's words that must be
	// unknown to English (neither in the dictionary nor in the content) for
	// the language detector to be asked at all: most messages never reach it.
	minUnknownShare = 0.5
	// minUnknownWords is how many unknown words that takes, at least.
	minUnknownWords = 2
	// maxEnglishConfidence: the detector must give English less than this.
	maxEnglishConfidence = 0.25
)

// anotherScript is the language of a message written mostly outside the
// Latin script: the glossary cannot tell which it is.
const anotherScript = "another script"

// language names the language of a message when it is written in another
// language than English, or returns "". Messages mostly in another script
// are another language; Latin-script ones are asked of the detector only
// when most of their words are unknown to English.
func (m *Matcher) language(text string, raw []rawWord) string {
	if otherScript(text) {
		return anotherScript
	}
	words, unknown := 0, 0
	for i := range raw {
		rw := &raw[i]
		if rw.symbol || !isLetters(rw.text) {
			continue
		}
		words++
		if !rw.english() || rw.foreignSmall() {
			unknown++
		}
	}
	if unknown < minUnknownWords || float64(unknown) < minUnknownShare*float64(words) {
		return ""
	}
	vals := detector().ComputeLanguageConfidenceValues(text)
	if len(vals) == 0 || vals[0].Language() == lingua.English {
		return m.unlistedLanguage(raw, words)
	}
	for _, v := range vals {
		if v.Language() == lingua.English && v.Value() >= maxEnglishConfidence {
			return m.unlistedLanguage(raw, words)
		}
	}
	return vals[0].Language().String()
}

// anotherLanguage is the language of a Latin-script message the detector
// takes for English but whose words stems.txt reads ("nahihilo ako",
// Tagalog): read through stems.txt for its red flags, never answered.
const anotherLanguage = "another language"

// minStemWords is how many words unknown to English stems.txt must read
// for a message to be anotherLanguage.
const minStemWords = 2

// unlistedLanguage names the glossary language of a message the detector
// takes for English, or anotherLanguage when stems.txt reads enough of its
// words, or "".
func (m *Matcher) unlistedLanguage(raw []rawWord, words int) string {
	if lang := glossaryLanguage(raw, words); lang != "" {
		return lang
	}
	n := 0
	for _, rw := range raw {
		if _, ok := theStems().read(rw.text); ok && !rw.symbol && !m.english(rw.text) {
			n++
		}
	}
	if n >= minStemWords {
		return anotherLanguage
	}
	return ""
}

const (
	// minGlossaryWords is how many words of one language's glossary section
	// (or its small words, but not only those) a message must have for the glossary to name its
	// language when the detector, on a short message, takes it for English:
	// "Je n'ai pas de fièvre, juste un peu rouge".
	minGlossaryWords = 3
	// minGlossaryShare is the share of the message's words they must be.
	minGlossaryShare = 0.5
)

// glossaryLanguage names the language most of a message's words belong to
// in the glossary, if one does.
func glossaryLanguage(raw []rawWord, words int) string {
	var counts, content [16]int
	g := theGlossary()
	for _, rw := range raw {
		listed, small := g.langs[rw.text], smallWordLangs()[rw.text]
		for i := range glossaryLanguages {
			if (listed|small)&(1<<i) != 0 {
				counts[i]++
			}
			if listed&(1<<i) != 0 && small&(1<<i) == 0 {
				content[i]++
			}
		}
	}
	best := 0
	for i := range glossaryLanguages {
		if counts[i] > counts[best] {
			best = i
		}
	}
	if counts[best] < minGlossaryWords || content[best] == 0 || float64(counts[best]) < minGlossaryShare*float64(words) {
		return ""
	}
	return glossaryLanguages[best]
}

// foreignSmallWords are the articles, prepositions and pronouns of the other
// languages that an English dictionary also lists ("la", "en", "de", "il"):
// they count as unknown to English, so that a short message such as "me
// han salido ronchas en la cara" reaches the detector. Words English
// writers use too ("do", "per", "die", "me", "a") are not among them.
var foreignSmallWords = toSet(strings.Join(smallWords[:], " "))

// smallWords are foreignSmallWords by language, in glossaryLanguages'
// order.
var smallWords = [...]string{
	`le les des du et est je mon mes sur dans avec pour une ai pas peu`,
	`el la los las de del y en con por para una que es ni muy`,
	`de uma meu minha que`,
	`il di ho sono della sul sulla che gli non`,
	`der das und ist ich mein meine mit nach nicht`,
	`het een ik mijn niet`,
	`jest się`,
	`și pe mă după cu în`,
}

// smallWordLangs maps each small word to its languages (bits).
var smallWordLangs = sync.OnceValue(func() map[string]uint16 {
	m := map[string]uint16{}
	for i, ws := range smallWords {
		for _, w := range strings.Fields(ws) {
			m[w] |= 1 << i
		}
	}
	return m
})

// englishWord reports whether w is a word of English or of the content.
func (m *Matcher) englishWord(w string) bool {
	if has(dictionary(), w) || has(stopwords, w) || has(m.vocab.surface, w) {
		return true
	}
	_, spelt := m.comp.spelling[w]
	_, contracted := contractions[w]
	return spelt || contracted
}

// otherScript reports whether most letters of text are outside the Latin
// script, a sign the message is not in English.
func otherScript(text string) bool {
	// Most messages are plain ASCII: no letter of another script.
	i := 0
	for i < len(text) && text[i] < utf8.RuneSelf {
		i++
	}
	if i == len(text) {
		return false
	}
	latin, other := 0, 0
	for _, c := range text[:i] {
		if 'a' <= c|0x20 && c|0x20 <= 'z' {
			latin++
		}
	}
	for _, r := range text[i:] {
		switch {
		case unicode.In(r, unicode.Latin):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	return other > latin
}
