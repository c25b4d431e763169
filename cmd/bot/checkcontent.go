package main

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/intents"
)

// checkContentCmd validates a content directory (default: the built-in
// content), prints every problem, and lints what loads: texts the bot does not
// declare, items with too few examples, and examples the matcher would give to
// another item.
func checkContentCmd(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	dir := getenv("CONTENT_DIR")
	switch len(args) {
	case 0:
	case 1:
		dir = args[0]
	default:
		return usageErrorf("usage: bot check-content [DIR]")
	}
	cat, err := catalog.Load(contentFS(dir))
	var problems catalog.Problems
	if errors.As(err, &problems) {
		for _, p := range problems {
			fmt.Fprintln(stdout, p)
		}
		return &exitError{code: 1, err: fmt.Errorf("content %s: %d problems", contentName(dir), len(problems))}
	}
	if err != nil {
		return err
	}
	m, err := intents.New(cat)
	if err != nil {
		return err
	}
	warnings, examples := lint(cat, m, stdout)
	fmt.Fprintf(stdout, "content %s: %d items, %d examples, %d warnings\n", contentName(dir), len(cat.Items), examples, warnings)
	return nil
}

// lint prints advice about valid content and returns how many warnings it
// gave and how many examples it read.
func lint(cat *catalog.Catalog, m *intents.Matcher, w io.Writer) (warnings, examples int) {
	for _, p := range cat.Texts.Unknown() {
		fmt.Fprintln(w, p)
		warnings++
	}
	for _, it := range cat.Items {
		if len(it.Examples) < catalog.MinExamples {
			fmt.Fprintf(w, "%s:%d: %s has %d examples; write at least %d in patients' own words\n",
				it.File, it.Line, it.ID, len(it.Examples), catalog.MinExamples)
			warnings++
		}
		for _, ex := range it.Examples {
			examples++
			r := m.Match(ex.Text)
			if r.Intent == it.ID || r.Urgent || slices.Contains(r.Items, it.ID) {
				continue
			}
			got := r.Intent
			if got == "" {
				got = "nothing (declined)"
			}
			fmt.Fprintf(w, "%s:%d: example %q of %s is matched to %s (%s, %.2f)\n",
				ex.File, ex.Line, ex.Text, it.ID, got, r.Kind, r.Score)
			warnings++
		}
	}
	return warnings, examples
}
