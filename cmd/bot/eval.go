package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/clinicbot/aftercare/internal/eval"
	"github.com/clinicbot/aftercare/internal/intents"
)

// evalCmd measures the matcher on a labelled TSV and, with bars given,
// fails when it falls below them.
func evalCmd(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var bars eval.Bars
	fs.Float64Var(&bars.MinAccuracy, "min-accuracy", 0, "fail below this in-scope top-1 accuracy (0..1)")
	fs.Float64Var(&bars.MinDeclined, "min-declined", 0, "fail below this share of out-of-scope questions declined")
	fs.Float64Var(&bars.MaxWrong, "max-wrong", 1, "fail above this share of wrong answers")
	fs.Float64Var(&bars.MinUrgentRecall, "min-urgent-recall", 0, "fail below this urgent recall")
	fs.Float64Var(&bars.MaxFalseAlarms, "max-false-alarms", 1, "fail above this share of urgent false alarms")
	release := fs.Bool("release-bars", false, "fail below the project's release bars (90% / 80% / 5% / 100% / 2%)")
	failures := fs.Bool("failures", false, "list every question answered wrongly")
	content := fs.String("content", getenv("CONTENT_DIR"), "content directory ($CONTENT_DIR; default: built in)")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return usageErrorf("%v", err)
	}
	if fs.NArg() != 1 {
		return usageErrorf("usage: bot eval [flags] FILE.tsv")
	}
	if *release {
		bars = eval.ReleaseBars
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return usageErrorf("%v", err)
	}
	defer f.Close()
	cases, unlabelled, err := eval.ReadAll(f)
	switch {
	case err != nil:
		return usageErrorf("%s: %v", fs.Arg(0), err)
	case unlabelled > 0 && len(cases) == 0:
		return &exitError{code: 1, err: fmt.Errorf("%s: none of its %d questions is labelled yet: fill in expected (item IDs separated by |, or none) and urgent (0 or 1)", fs.Arg(0), unlabelled)}
	case unlabelled > 0:
		fmt.Fprintf(stderr, "%s: %d questions not labelled yet (expected and urgent blank) are left out\n", fs.Arg(0), unlabelled)
	}
	cat, m, err := loadContent(*content)
	if err != nil {
		return err
	}
	r := eval.Run(m, cases, m.Thresholds())
	section := func(title string) { fmt.Fprintf(stdout, "\n== %s\n", title) }
	fmt.Fprintf(stdout, "== %s\n", fs.Arg(0))
	r.WriteSummary(stdout)
	section("per item")
	r.WriteItems(stdout)
	section("confusions (expected → given)")
	r.WriteConfusions(stdout)
	if *failures {
		section("failures")
		r.WriteFailures(stdout)
	}
	section("threshold sweep")
	current := eval.SweepRow{Thresholds: m.Thresholds()}
	eval.WriteSweep(stdout, eval.Sweep(m, cases, eval.Grid(m.Thresholds().Margin)), current)
	section("weight sweep (one weight at a time)")
	build := func(w intents.Weights) (eval.Matcher, error) { return intents.NewWith(cat, m.Thresholds(), w) }
	rows, err := eval.SweepWeights(build, m.Weights(), cases, m.Thresholds(), eval.WeightFactors)
	if err != nil {
		return err
	}
	eval.WriteWeightSweep(stdout, rows)
	if fails := bars.Check(r); len(fails) > 0 {
		return &exitError{code: 1, err: fmt.Errorf("below the bar: %s", strings.Join(fails, "; "))}
	}
	return nil
}
