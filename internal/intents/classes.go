package intents

// wordClass is a set of the word lists (toSet) a word is on, one bit a
// list, so that the loops that test every word of a message against a
// list read a bit of the token instead of looking the word up in a map.
type wordClass uint32

const (
	classNegation    wordClass = 1 << iota // negationWords
	classContrast                          // contrasts
	classSettlingAux                       // settlingAux
	classEasing                            // easingWords
	classInverter                          // inverters
	classManySpots                         // manySpots
	classPusSpot                           // pusSpotWords
	classFewCount                          // fewCounts
	classSpotSize                          // spotSizes
	classPet                               // pets
	classPronoun                           // pronouns
	classRelation                          // relations
	classAdult                             // adults
	classSelf                              // selfWords
	classContagion                         // contagion
	classProxyVerb                         // proxyVerbs
	classTreatedWord                       // treatedWords
)

// classLists are the lists behind the wordClass bits, in bit order.
var classLists = [...]map[string]struct{}{negationWords, contrasts, settlingAux, easingWords, inverters, manySpots,
	pusSpotWords, fewCounts, spotSizes, pets, pronouns, relations, adults, selfWords, contagion, proxyVerbs, treatedWords}

// classesOf returns the lists w is on.
func classesOf(w string) wordClass {
	var c wordClass
	for i, list := range classLists {
		if has(list, w) {
			c |= 1 << i
		}
	}
	return c
}

// is reports whether the token's word is on one of the lists of c.
func (t *token) is(c wordClass) bool { return t.class&c != 0 }

// wordRoom is how many words of a message the per-word scratch arrays of
// the hot paths hold on the stack; longer messages allocate.
const wordRoom = 64

// zeroed returns n zero values: buf's first n when they fit, else a new
// slice.
func zeroed[T any](buf []T, n int) []T {
	if n > len(buf) {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}
