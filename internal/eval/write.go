package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

func pct(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }

// WriteSummary prints the headline figures.
func (r Report) WriteSummary(w io.Writer) {
	fmt.Fprintf(w, "questions: %d (%d in scope, %d out of scope, %d urgent)\n", r.Total, r.InScope, r.OutOfScope, r.Urgent)
	fmt.Fprintf(w, "thresholds: decline < %.2f, ask < %.2f, margin %.2f\n", r.Thresholds.Decline, r.Thresholds.Answer, r.Thresholds.Margin)
	fmt.Fprintf(w, "in-scope top-1 accuracy:  %6s  (%d/%d)\n", pct(r.Accuracy()), r.Correct, r.InScope)
	fmt.Fprintf(w, "out-of-scope declined:    %6s  (%d/%d)\n", pct(r.DeclineRate()), r.Declined, r.OutOfScope)
	fmt.Fprintf(w, "wrong answers given:      %6s  (%d/%d)\n", pct(r.WrongRate()), r.Wrong, r.Total)
	fmt.Fprintf(w, "urgent recall:            %6s  (%d/%d)\n", pct(r.UrgentRecall()), r.UrgentFound, r.Urgent)
	fmt.Fprintf(w, "urgent false alarms:      %6s  (%d/%d)\n", pct(r.FalseAlarmRate()), r.FalseAlarms, r.NotUrgent)
	fmt.Fprintf(w, "asked \"did you mean\":     %6s  (%d/%d)\n", pct(r.ClarifyRate()), r.Clarified, r.Total)
}

// WriteItems prints per-item precision and recall.
func (r Report) WriteItems(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "item\tprecision\trecall\tgiven\tsupport")
	for _, id := range r.ItemIDs() {
		s := r.Items[id]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\n", id, pct(s.Precision()), pct(s.Recall()), s.Given, s.Support)
	}
	tw.Flush()
}

// WriteConfusions prints what was given instead of the expected item, most
// frequent first.
func (r Report) WriteConfusions(w io.Writer) {
	type row struct {
		c Confusion
		n int
	}
	var rows []row
	for c, n := range r.Confusions {
		rows = append(rows, row{c, n})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].n != rows[j].n {
			return rows[i].n > rows[j].n
		}
		return rows[i].c.Expected+rows[i].c.Got < rows[j].c.Expected+rows[j].c.Got
	})
	if len(rows) == 0 {
		fmt.Fprintln(w, "none")
	}
	for _, x := range rows {
		fmt.Fprintf(w, "%3d  %s → %s\n", x.n, x.c.Expected, x.c.Got)
	}
}

// WriteFailures prints every question the matcher got wrong.
func (r Report) WriteFailures(w io.Writer) {
	for _, f := range r.Failures {
		exp := strings.Join(f.Case.Expected, "|")
		if exp == "" {
			exp = None
		}
		got := f.Result.Intent
		if got == "" {
			got = "(declined)"
		}
		fmt.Fprintf(w, "%-14s line %3d: %q want %s got %s %s %.2f\n", f.Why, f.Case.Line, f.Case.Question, exp, got, f.Result.Kind, f.Result.Score)
	}
}

// WriteSweep prints a threshold sweep, marking the current and best points.
func WriteSweep(w io.Writer, rows []SweepRow, current SweepRow) {
	best := Best(rows)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "decline<\task<\taccuracy\tdeclined\twrong\tasked\tobjective\t\t")
	for _, s := range rows {
		mark := ""
		if s.Thresholds == current.Thresholds {
			mark += " current"
		}
		if s.Thresholds == best.Thresholds {
			mark += " best"
		}
		fmt.Fprintf(tw, "%.2f\t%.2f\t%s\t%s\t%s\t%s\t%.3f\t%s\t\n", s.Thresholds.Decline, s.Thresholds.Answer,
			pct(s.Accuracy), pct(s.Declined), pct(s.Wrong), pct(s.Clarify), s.Objective(), mark)
	}
	tw.Flush()
}

// WriteWeightSweep prints a weight sweep, one weight at a time, marking the
// value in use and the best value of each weight.
func WriteWeightSweep(w io.Writer, rows []WeightRow) {
	best := map[string]float64{}
	for _, r := range rows {
		if o, ok := best[r.Name]; !ok || r.Row.Objective() > o+1e-9 {
			best[r.Name] = r.Row.Objective()
		}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "weight\tvalue\taccuracy\tdeclined\twrong\turgent\tfalse alarms\tobjective\t\t")
	for _, r := range rows {
		mark := ""
		if r.Base {
			mark += " current"
		}
		if r.Row.Objective() >= best[r.Name]-1e-9 {
			mark += " best"
		}
		fmt.Fprintf(tw, "%s\t%.3g\t%s\t%s\t%s\t%s\t%s\t%.3f\t%s\t\n", r.Name, r.Value, pct(r.Row.Accuracy),
			pct(r.Row.Declined), pct(r.Row.Wrong), pct(r.UrgentRecall), pct(r.FalseAlarms), r.Row.Objective(), mark)
	}
	tw.Flush()
}
