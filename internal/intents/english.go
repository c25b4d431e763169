package intents

import (
	_ "embed"
	"strings"
	"sync"
)

// english.txt is the union of Debian's wamerican and wbritish word lists
// (SCOWL, Copyright 2000-2011 Kevin Atkinson, used under its permissive
// licence), lowercased, without possessives. The speller uses it only to
// know which words are real words and must not be "corrected".
//
//go:embed english.txt
var englishWords string

// dictionary returns the set of known English words, built once per process
// and shared read-only by every Matcher.
var dictionary = sync.OnceValue(func() map[string]struct{} {
	words := strings.Fields(englishWords)
	set := make(map[string]struct{}, len(words))
	for _, w := range words {
		set[w] = struct{}{}
	}
	return set
})

// IsStopWord reports whether w, lower case, is a word that carries no
// topic ("the", "can", "my").
func IsStopWord(w string) bool { return has(stopwords, w) }

// stopwords carry no topic. They still take part in phrases ("rinse off",
// "who do i call") but never count as a keyword or as unexplained content.
var stopwords = toSet(`a about above after again all also am an and any anything are as at be
because been before being below between both but by can could did do does doing done during each
even ever few for from further get gets getting got had has have having he her here hers herself
him himself his how i if in into is it its itself just let lets like may me might more most must my
myself now of off on once only or other our ours out over own please quite really same shall she
should so some something still such than that the their theirs them themselves then there these
they this those through to too under until up us very was way we were what whats when where which
while who whom why will with would yes yet you your yours yourself yourselves okay ok oh um uh hmm
lol af tho though bit bit abit kind sort lot lots much many one thing things also anyway basically
actually literally mean gonna im ive id ill youre thats theres whats hes shes theyre well`)

// negationWords flip the meaning of the words right after them.
var negationWords = toSet(`not no never without none nothing nor cannot hardly barely scarcely`)

func toSet(s string) map[string]struct{} {
	f := strings.Fields(s)
	m := make(map[string]struct{}, len(f))
	for _, w := range f {
		m[w] = struct{}{}
	}
	return m
}

func has(set map[string]struct{}, w string) bool {
	_, ok := set[w]
	return ok
}
