package eval

import (
	"strings"
	"testing"

	"github.com/clinicbot/aftercare/internal/intents"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Case
		wantErr string
	}{
		{
			name: "valid",
			in:   "question\texpected\turgent\tsource\ncan i bath\thome.bath\t0\twritten\nfever!\thome.adverse_reaction|expect.redness\t1\twritten\nweather?\tnone\t0\n",
			want: []Case{
				{Question: "can i bath", Expected: []string{"home.bath"}, Source: "written", Line: 2},
				{Question: "fever!", Expected: []string{"home.adverse_reaction", "expect.redness"}, Urgent: true, Source: "written", Line: 3},
				{Question: "weather?", Line: 4},
			},
		},
		{name: "crlf and blank lines", in: "h\r\n\r\nbath\thome.bath\t0\r\n", want: []Case{{Question: "bath", Expected: []string{"home.bath"}, Line: 3}}},
		{name: "bad urgent", in: "h\nq\tnone\tmaybe\n", wantErr: "line 2: urgent must be 0 or 1"},
		{name: "too few columns", in: "h\nq\tnone\n", wantErr: "line 2: want question"},
		{name: "empty expected", in: "h\nq\t|\t0\n", wantErr: "line 2: expected is empty"},
		{name: "half labelled", in: "h\nq\t\t0\n", wantErr: "line 2: expected is empty"},
		{name: "unlabelled skipped", in: "h\ngym?\t\t\tinbox out_of_scope gym\nbath\thome.bath\t0\n",
			want: []Case{{Question: "bath", Expected: []string{"home.bath"}, Line: 3}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tc.in))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Read() error = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Read() error = %v", err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("Read() = %d cases, want %d", len(got), len(tc.want))
			}
			for i := range got {
				g, w := got[i], tc.want[i]
				if g.Question != w.Question || strings.Join(g.Expected, "|") != strings.Join(w.Expected, "|") ||
					g.Urgent != w.Urgent || g.Source != w.Source || g.Line != w.Line {
					t.Errorf("case %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

// fakeMatcher answers from a fixed table and records the thresholds it saw.
type fakeMatcher struct {
	results map[string]intents.Result
	seen    []intents.Thresholds
}

func (f *fakeMatcher) MatchWith(text string, th intents.Thresholds) intents.Result {
	f.seen = append(f.seen, th)
	return f.results[text]
}

func answer(id string) intents.Result {
	return intents.Result{Kind: intents.KindAnswer, Intent: id, Items: []string{id}, Score: 0.9}
}

func TestRunCountsEveryMetric(t *testing.T) {
	cases := []Case{
		{Question: "right", Expected: []string{"home.bath"}},
		{Question: "second label", Expected: []string{"home.products", "expect.sun_sensitivity"}},
		{Question: "wrong", Expected: []string{"home.shower"}},
		{Question: "missed", Expected: []string{"expect.itching"}},
		{Question: "clarified wrong", Expected: []string{"expect.redness"}},
		{Question: "none declined"},
		{Question: "none smalltalk"},
		{Question: "none answered"},
		{Question: "urgent found", Expected: []string{"home.adverse_reaction"}, Urgent: true},
		{Question: "urgent missed", Expected: []string{"home.adverse_reaction"}, Urgent: true},
		{Question: "false alarm"},
	}
	urgent := answer("home.adverse_reaction")
	urgent.Urgent = true
	falseAlarm := answer("home.adverse_reaction")
	falseAlarm.Urgent = true
	fm := &fakeMatcher{results: map[string]intents.Result{
		"right":           answer("home.bath"),
		"second label":    answer("expect.sun_sensitivity"),
		"wrong":           answer("home.bath"),
		"missed":          {Kind: intents.KindDecline},
		"clarified wrong": {Kind: intents.KindClarify, Intent: "expect.pustules", Score: 0.5},
		"none declined":   {Kind: intents.KindDecline},
		"none smalltalk":  {Kind: intents.KindSmalltalk, Intent: "smalltalk.greeting"},
		"none answered":   answer("home.products"),
		"urgent found":    urgent,
		"urgent missed":   answer("home.adverse_reaction"),
		"false alarm":     falseAlarm,
	}}
	th := intents.Thresholds{Decline: 0.4, Answer: 0.6, Margin: 0.1}
	r := Run(fm, cases, th)

	checks := []struct {
		name      string
		got, want int
	}{
		{"Total", r.Total, 11}, {"InScope", r.InScope, 7}, {"OutOfScope", r.OutOfScope, 4},
		{"Correct", r.Correct, 4}, {"Declined", r.Declined, 2}, {"Wrong", r.Wrong, 4},
		{"Clarified", r.Clarified, 1}, {"Urgent", r.Urgent, 2}, {"UrgentFound", r.UrgentFound, 1},
		{"NotUrgent", r.NotUrgent, 9}, {"FalseAlarms", r.FalseAlarms, 1},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("Run().%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	if got := r.Items["home.bath"]; got.Given != 2 || got.Right != 1 || got.Precision() != 0.5 {
		t.Errorf("home.bath stats = %+v, want given 2, right 1", got)
	}
	if got := r.Items["expect.itching"]; got.Support != 1 || got.Recall() != 0 {
		t.Errorf("expect.itching stats = %+v, want support 1 found 0", got)
	}
	if n := r.Confusions[Confusion{Expected: "home.shower", Got: "home.bath"}]; n != 1 {
		t.Errorf("confusion shower→bath = %d, want 1", n)
	}
	if n := r.Confusions[Confusion{Expected: "expect.itching", Got: None}]; n != 1 {
		t.Errorf("confusion itching→none = %d, want 1", n)
	}
	for _, seen := range fm.seen {
		if seen != th {
			t.Fatalf("matcher saw thresholds %+v, want %+v", seen, th)
		}
	}
	if fails := ReleaseBars.Check(r); len(fails) != 5 {
		t.Errorf("ReleaseBars.Check() = %v, want all five bars missed", fails)
	}
}

func TestSweepFindsTheBestPoint(t *testing.T) {
	rows := []SweepRow{
		{Thresholds: intents.Thresholds{Decline: 0.3}, Accuracy: 1, Declined: 0.5, Wrong: 0.1},
		{Thresholds: intents.Thresholds{Decline: 0.4}, Accuracy: 0.95, Declined: 0.9, Wrong: 0.01},
		{Thresholds: intents.Thresholds{Decline: 0.5}, Accuracy: 0.8, Declined: 1, Wrong: 0},
	}
	if got := Best(rows); got.Thresholds.Decline != 0.4 {
		t.Errorf("Best() = %+v, want the 0.40 row", got)
	}
	if g := Grid(0.2); len(g) != 45 || g[0].Decline != 0.3 || g[len(g)-1].Answer != 0.9 {
		t.Errorf("Grid() = %d points from %+v to %+v", len(g), g[0], g[len(g)-1])
	}
}

func TestSweepWeightsChangesOneWeightAtATime(t *testing.T) {
	base := intents.DefaultWeights
	var built []intents.Weights
	build := func(w intents.Weights) (Matcher, error) {
		built = append(built, w)
		return &fakeMatcher{results: map[string]intents.Result{"q": answer("home.bath")}}, nil
	}
	cases := []Case{{Question: "q", Expected: []string{"home.bath"}}}
	rows, err := SweepWeights(build, base, cases, intents.DefaultThresholds, []float64{0.5, 1})
	if err != nil {
		t.Fatal(err)
	}
	n := len(base.Fields())
	if len(rows) != 2*n || len(built) != 2*n {
		t.Fatalf("SweepWeights() = %d rows from %d builds, want %d", len(rows), len(built), 2*n)
	}
	for i, w := range built {
		changed := 0
		bf, wf := base.Fields(), w.Fields()
		for k := range bf {
			if *bf[k].Value != *wf[k].Value {
				changed++
			}
		}
		if want := i % 2; changed != 1-want { // factor 0.5 changes one weight, factor 1 none
			t.Errorf("build %d changed %d weights, want %d", i, changed, 1-want)
		}
		if rows[i].Base != (i%2 == 1) || rows[i].Row.Accuracy != 1 {
			t.Errorf("row %d = %+v", i, rows[i])
		}
	}
}
