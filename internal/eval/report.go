package eval

import (
	"slices"
	"sort"
	"strings"

	"github.com/clinicbot/aftercare/internal/intents"
)

// Matcher is what eval measures.
type Matcher interface {
	MatchWith(text string, th intents.Thresholds) intents.Result
}

// Report is the outcome of running a matcher over labelled cases.
type Report struct {
	Thresholds intents.Thresholds

	Total, InScope, OutOfScope int
	Urgent, NotUrgent          int

	Correct     int // in-scope questions whose best intent is expected
	Declined    int // out-of-scope questions declined or met with small talk
	Wrong       int // questions given an item not in their expected set
	Clarified   int // questions met with "did you mean…?"
	UrgentFound int // urgent questions flagged urgent
	FalseAlarms int // questions flagged urgent that are not

	Items      map[string]*ItemStats
	Confusions map[Confusion]int
	Failures   []Failure
}

// ItemStats counts one item's precision and recall.
type ItemStats struct {
	Given   int // times it was the best intent
	Right   int // ... and was expected
	Support int // questions expecting it
	Found   int // ... and got it among the answered items
}

// Precision is the share of the item's answers that were right.
func (s ItemStats) Precision() float64 { return ratio(s.Right, s.Given) }

// Recall is the share of questions expecting the item that got it.
func (s ItemStats) Recall() float64 { return ratio(s.Found, s.Support) }

// Confusion is an expected item (or "none") and what was given instead.
type Confusion struct{ Expected, Got string }

// Failure is a question the matcher got wrong, for inspection.
type Failure struct {
	Case   Case
	Result intents.Result
	Why    string
}

// Accuracy is the share of in-scope questions answered with an expected item.
func (r Report) Accuracy() float64 { return ratio(r.Correct, r.InScope) }

// DeclineRate is the share of out-of-scope questions declined.
func (r Report) DeclineRate() float64 { return ratio(r.Declined, r.OutOfScope) }

// WrongRate is the share of all questions given an item not expected.
func (r Report) WrongRate() float64 { return ratio(r.Wrong, r.Total) }

// UrgentRecall is the share of urgent questions flagged urgent.
func (r Report) UrgentRecall() float64 { return ratio(r.UrgentFound, r.Urgent) }

// FalseAlarmRate is the share of non-urgent questions flagged urgent.
func (r Report) FalseAlarmRate() float64 { return ratio(r.FalseAlarms, r.NotUrgent) }

// ClarifyRate is the share of questions met with "did you mean…?".
func (r Report) ClarifyRate() float64 { return ratio(r.Clarified, r.Total) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Run matches every case with the given thresholds and scores the results.
// An item given in a clarify result counts as given: it is the intent other
// tools read.
func Run(m Matcher, cases []Case, th intents.Thresholds) Report {
	r := Report{Thresholds: th, Items: map[string]*ItemStats{}, Confusions: map[Confusion]int{}}
	item := func(id string) *ItemStats {
		if r.Items[id] == nil {
			r.Items[id] = &ItemStats{}
		}
		return r.Items[id]
	}
	for _, c := range cases {
		res := m.MatchWith(c.Question, th)
		r.Total++
		isItem := res.Intent != "" && !strings.HasPrefix(res.Intent, "smalltalk.")
		if res.Kind == intents.KindClarify {
			r.Clarified++
		}
		var why []string
		if c.InScope() {
			r.InScope++
			if c.Accepts(res.Intent) {
				r.Correct++
			} else {
				why = append(why, "missed")
			}
		} else {
			r.OutOfScope++
			if !isItem {
				r.Declined++
			}
		}
		if isItem {
			st := item(res.Intent)
			st.Given++
			if c.Accepts(res.Intent) {
				st.Right++
			} else {
				r.Wrong++
				why = append(why, "wrong answer")
			}
		}
		for _, e := range c.Expected {
			st := item(e)
			st.Support++
			if slices.Contains(res.Items, e) || res.Intent == e {
				st.Found++
			}
		}
		if c.Urgent {
			r.Urgent++
			if res.Urgent {
				r.UrgentFound++
			} else {
				why = append(why, "urgent missed")
			}
		} else {
			r.NotUrgent++
			if res.Urgent {
				r.FalseAlarms++
				why = append(why, "false alarm")
			}
		}
		if len(why) > 0 {
			r.Failures = append(r.Failures, Failure{Case: c, Result: res, Why: strings.Join(why, ", ")})
			if (c.InScope() && !c.Accepts(res.Intent)) || (isItem && !c.Accepts(res.Intent)) {
				got := res.Intent
				if !isItem {
					got = None
				}
				r.Confusions[Confusion{Expected: firstOr(c.Expected, None), Got: got}]++
			}
		}
	}
	return r
}

// ItemIDs returns the IDs in the report, sorted.
func (r Report) ItemIDs() []string {
	ids := make([]string, 0, len(r.Items))
	for id := range r.Items {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func firstOr(ss []string, def string) string {
	if len(ss) == 0 {
		return def
	}
	return ss[0]
}
