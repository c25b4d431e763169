package eval

import (
	"fmt"
	"math"

	"github.com/clinicbot/aftercare/internal/intents"
)

// Bars are the quality a matcher must reach.
type Bars struct {
	MinAccuracy     float64
	MinDeclined     float64
	MaxWrong        float64
	MinUrgentRecall float64
	MaxFalseAlarms  float64
}

// ReleaseBars are the project's quality bars.
var ReleaseBars = Bars{MinAccuracy: 0.90, MinDeclined: 0.80, MaxWrong: 0.05, MinUrgentRecall: 1, MaxFalseAlarms: 0.02}

// Check returns a line for every bar the report misses; none means it passes.
func (b Bars) Check(r Report) []string {
	var fails []string
	add := func(ok bool, name string, got, bar float64) {
		if !ok {
			fails = append(fails, name+": "+pct(got)+", bar "+pct(bar))
		}
	}
	add(r.Accuracy() >= b.MinAccuracy, "in-scope accuracy", r.Accuracy(), b.MinAccuracy)
	add(r.DeclineRate() >= b.MinDeclined, "out-of-scope declined", r.DeclineRate(), b.MinDeclined)
	add(r.WrongRate() <= b.MaxWrong, "wrong answers", r.WrongRate(), b.MaxWrong)
	add(r.UrgentRecall() >= b.MinUrgentRecall, "urgent recall", r.UrgentRecall(), b.MinUrgentRecall)
	add(r.FalseAlarmRate() <= b.MaxFalseAlarms, "urgent false alarms", r.FalseAlarmRate(), b.MaxFalseAlarms)
	return fails
}

// SweepRow is the outcome of one point of a threshold sweep.
type SweepRow struct {
	Thresholds intents.Thresholds
	Accuracy   float64
	Declined   float64
	Wrong      float64
	Clarify    float64
}

// Objective ranks sweep points: right answers and right declines count, a
// wrong answer costs three times as much. Higher is better.
func (s SweepRow) Objective() float64 {
	return s.Accuracy + s.Declined - 3*s.Wrong
}

// Grid returns the thresholds a sweep tries: decline thresholds from 0.30 to
// 0.70 and answer thresholds up to 0.20 above them, with margin fixed.
func Grid(margin float64) []intents.Thresholds {
	var g []intents.Thresholds
	for d := 30; d <= 70; d += 5 {
		for a := d; a <= d+20; a += 5 {
			g = append(g, intents.Thresholds{Decline: float64(d) / 100, Answer: float64(a) / 100, Margin: margin})
		}
	}
	return g
}

// Sweep runs the cases at every point of grid.
func Sweep(m Matcher, cases []Case, grid []intents.Thresholds) []SweepRow {
	rows := make([]SweepRow, 0, len(grid))
	for _, th := range grid {
		r := Run(m, cases, th)
		rows = append(rows, SweepRow{Thresholds: th, Accuracy: r.Accuracy(), Declined: r.DeclineRate(),
			Wrong: r.WrongRate(), Clarify: r.ClarifyRate()})
	}
	return rows
}

// Best returns the row with the highest objective; ties go to the earlier row.
func Best(rows []SweepRow) SweepRow {
	best, score := SweepRow{}, math.Inf(-1)
	for _, r := range rows {
		if o := r.Objective(); o > score+1e-9 {
			best, score = r, o
		}
	}
	return best
}

// WeightRow is the outcome of running the cases with one weight changed.
type WeightRow struct {
	Name         string
	Value        float64 // the weight tried
	Base         bool    // the value the matcher uses
	Row          SweepRow
	UrgentRecall float64
	FalseAlarms  float64
}

// WeightFactors are the multiples of each weight a weight sweep tries.
var WeightFactors = []float64{0.5, 0.75, 1, 1.25, 1.5}

// SweepWeights runs the cases once per weight and factor, changing one
// weight at a time from base; build makes a matcher with the given weights.
func SweepWeights(build func(intents.Weights) (Matcher, error), base intents.Weights, cases []Case,
	th intents.Thresholds, factors []float64) ([]WeightRow, error) {
	var rows []WeightRow
	for i, f := range base.Fields() {
		for _, k := range factors {
			w := base
			v := *f.Value * k
			*w.Fields()[i].Value = v
			m, err := build(w)
			if err != nil {
				return nil, fmt.Errorf("sweep weight %s = %g: %w", f.Name, v, err)
			}
			r := Run(m, cases, th)
			rows = append(rows, WeightRow{Name: f.Name, Value: v, Base: k == 1,
				Row: SweepRow{Thresholds: th, Accuracy: r.Accuracy(), Declined: r.DeclineRate(),
					Wrong: r.WrongRate(), Clarify: r.ClarifyRate()},
				UrgentRecall: r.UrgentRecall(), FalseAlarms: r.FalseAlarmRate()})
		}
	}
	return rows, nil
}
