package inbox

import (
	"regexp"
	"sort"
	"strings"

	"github.com/kljensen/snowball/english"

	"github.com/clinicbot/aftercare/internal/intents"
	"github.com/clinicbot/aftercare/internal/store"
)

// Group is questions of the inbox that are about one thing: the
// out-of-scope topic the matcher recognised in them, or a content word they
// share.
type Group struct {
	// Key identifies the group among the same questions: "topic:gym",
	// "word:tattoo" (the stem), or "other".
	Key string
	// Label names the group for staff: the topic, or the word as
	// patients most often wrote it.
	Label string
	// Questions are the group's questions, newest first.
	Questions []store.Question
}

// KeyOther is the group of questions that share nothing with another.
const KeyOther = "other"

// Groups groups questions: by the out-of-scope topic the matcher
// recognised, else by the content word (stemmed, stop words left out)
// that the most of them share; a question that shares none with another is
// in the group KeyOther. Groups come newest first (by their newest
// question), KeyOther last.
func Groups(qs []store.Question) []Group {
	words := make([][]string, len(qs))
	df := map[string]int{}
	for i, q := range qs {
		if q.Topic != "" {
			continue
		}
		words[i] = contentWords(q.Text)
		seen := map[string]bool{}
		for _, w := range words[i] {
			if s := english.Stem(w, false); !seen[s] {
				seen[s] = true
				df[s]++
			}
		}
	}
	byKey := map[string]*Group{}
	var order []*Group
	surface := map[string]map[string]int{} // stem → the words written for it
	for i, q := range qs {
		key, label := KeyOther, "Other questions"
		if q.Topic != "" {
			key, label = "topic:"+q.Topic, q.Topic
		} else if stem, word := sharedWord(words[i], df); stem != "" {
			key, label = "word:"+stem, word
			if surface[stem] == nil {
				surface[stem] = map[string]int{}
			}
			surface[stem][word]++
		}
		g := byKey[key]
		if g == nil {
			g = &Group{Key: key, Label: label}
			byKey[key] = g
			order = append(order, g)
		}
		g.Questions = append(g.Questions, q)
	}
	out := make([]Group, 0, len(order))
	for _, g := range order {
		if stem, ok := strings.CutPrefix(g.Key, "word:"); ok {
			g.Label = mostWritten(surface[stem])
		}
		sort.SliceStable(g.Questions, func(i, j int) bool { return g.Questions[i].Asked.After(g.Questions[j].Asked) })
		out = append(out, *g)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].Key == KeyOther) != (out[j].Key == KeyOther) {
			return out[j].Key == KeyOther
		}
		return out[i].Questions[0].Asked.After(out[j].Questions[0].Asked)
	})
	return out
}

// sharedWord is the word of words whose stem the most questions share
// (at least two), the first such in the question on a tie.
func sharedWord(words []string, df map[string]int) (stem, word string) {
	best := 1
	for _, w := range words {
		if s := english.Stem(w, false); df[s] > best {
			best, stem, word = df[s], s, w
		}
	}
	return stem, word
}

func mostWritten(counts map[string]int) string {
	var best string
	for w, n := range counts {
		if n > counts[best] || n == counts[best] && w < best {
			best = w
		}
	}
	return best
}

var (
	placeholder = regexp.MustCompile(`\[(link|email|handle|number)\]`)
	letters     = regexp.MustCompile(`[a-z]+(?:'[a-z]+)?`)
)

// generic are words about nearly every question patients ask after the
// treatment: they group nothing.
var generic = map[string]bool{"skin": true, "face": true, "treatment": true, "microneedling": true,
	"normal": true, "fine": true, "safe": true, "day": true, "days": true, "week": true, "weeks": true,
	"today": true, "tomorrow": true, "tonight": true, "time": true}

// contentWords are the words of a masked question that may say what it is
// about: no placeholders, stop words, generic words or words under three
// letters.
func contentWords(text string) []string {
	text = placeholder.ReplaceAllString(strings.ToLower(text), " ")
	var out []string
	for _, w := range letters.FindAllString(text, -1) {
		w = strings.ReplaceAll(w, "'", "")
		if len(w) < 3 || intents.IsStopWord(w) || generic[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}
