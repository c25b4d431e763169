package intents

import (
	"iter"
	"slices"

	"github.com/clinicbot/aftercare/internal/catalog"
)

// A long message may describe a red flag in one clause and ask about
// something else in another: "can I wash my face tonight? btw two of the
// spots are seeping". The urgent text comes first; the question is then
// answered too, when it is clearly asked, away from the red flag, and about
// what to do at home: an item that says a sign is to be expected must never
// follow a red flag.

// presentClauses returns the clauses holding a term of a red flag the
// person has now.
func (f redFlagFindings) presentClauses(toks []token) []int {
	var out []int
	for _, r := range f.rules {
		if r.mood != moodPresent {
			continue
		}
		for _, w := range r.words {
			w.each(func(k int) {
				if c := toks[k].clause; !slices.Contains(out, c) {
					out = append(out, c)
				}
			})
		}
	}
	return out
}

// questionOpeners start a question even without a question mark.
var questionOpeners = toSet(`can could should shall is are am do does did how when what will would may which where`)

// questionClauses returns the tokens of the clauses that ask a question
// (their sentence ends with "?", or one of their first three words opens a
// question) and describe no present red flag, in out's memory, which it
// reuses from the start.
func questionClauses(out, toks []token, flagged []int) []token {
	out = out[:0]
	for clause := range clausesOf(toks) {
		if !slices.Contains(flagged, clause[0].clause) && asks(clause) {
			out = append(out, clause...)
		}
	}
	return out
}

// clausesOf yields a message's clauses in order, each as its tokens.
func clausesOf(toks []token) iter.Seq[[]token] {
	return func(yield func([]token) bool) {
		for start := 0; start < len(toks); {
			end := start + 1
			for end < len(toks) && toks[end].clause == toks[start].clause {
				end++
			}
			if !yield(toks[start:end]) {
				return
			}
			start = end
		}
	}
}

// asksInPart reports whether some clauses of a message ask a question and
// some do not, without gathering them.
func asksInPart(toks []token) bool { return asksInPartBy(toks, asks) }

// asksInPartBy is asksInPart with its own reading of what asks
// (plainlyAsks).
func asksInPartBy(toks []token, asks func([]token) bool) bool {
	some, all := false, true
	for clause := range clausesOf(toks) {
		a := asks(clause)
		some, all = some || a, all && a
	}
	return some && !all
}

func asks(clause []token) bool {
	return clause[0].asked || opensQuestion(clause)
}

// opensQuestion reports whether a clause opens with a question, question
// mark or not: "is a sauna ok, my face is still red".
func opensQuestion(clause []token) bool {
	for _, t := range clause[:min(3, len(clause))] {
		if has(questionOpeners, t.word) {
			return true
		}
	}
	return false
}

// askedItems returns the items the question beside a red flag asks about,
// by the same thresholds as any question: at-home items only, never the
// red-flag item itself.
func (m *Matcher) askedItems(a analysis, th Thresholds) []string {
	if a.asked == nil {
		return nil
	}
	r := m.decide(*a.asked, th)
	if r.Kind != KindAnswer {
		return nil
	}
	var out []string
	for _, id := range r.Items {
		i := slices.IndexFunc(m.items, func(it catalog.Item) bool { return it.ID == id })
		if i >= 0 && i != m.urgentItem && !m.symptom[i] {
			out = append(out, id)
		}
	}
	return out
}
