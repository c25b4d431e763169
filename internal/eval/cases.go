// Package eval measures how well a matcher understands labelled questions:
// accuracy on questions the aftercare sheet answers, declines of those it
// does not, wrong answers, urgent recall and false alarms, per-item precision
// and recall, and a threshold sweep.
package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// None is the label of a question the aftercare sheet does not answer.
const None = "none"

// Case is one labelled question.
type Case struct {
	Question string
	// Expected are the item IDs that correctly answer the question; empty
	// when the sheet does not answer it.
	Expected []string
	Urgent   bool
	Source   string
	Line     int
}

// InScope reports whether the sheet answers the question.
func (c Case) InScope() bool { return len(c.Expected) > 0 }

// Accepts reports whether intent is a correct answer to the question.
func (c Case) Accepts(intent string) bool {
	for _, e := range c.Expected {
		if e == intent {
			return true
		}
	}
	return false
}

// Read parses a labelled TSV: a header line, then question, expected IDs
// separated by "|" (or "none"), urgent 0/1 and an optional source. Rows
// not labelled yet, with expected and urgent both blank (as `bot inbox
// export` writes them), are skipped; ReadAll counts them.
func Read(r io.Reader) ([]Case, error) {
	cases, _, err := ReadAll(r)
	return cases, err
}

// ReadAll is Read, and also returns how many rows were skipped because
// they are not labelled yet.
func ReadAll(r io.Reader) (cases []Case, unlabelled int, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 || strings.TrimSpace(text) == "" {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) < 3 {
			return nil, 0, fmt.Errorf("line %d: want question, expected, urgent[, source], got %d columns", line, len(f))
		}
		if strings.TrimSpace(f[1]) == "" && strings.TrimSpace(f[2]) == "" {
			unlabelled++
			continue
		}
		c := Case{Question: f[0], Line: line}
		switch strings.TrimSpace(f[2]) {
		case "1":
			c.Urgent = true
		case "0":
		default:
			return nil, 0, fmt.Errorf("line %d: urgent must be 0 or 1, got %q", line, f[2])
		}
		if exp := strings.TrimSpace(f[1]); exp != None {
			for _, id := range strings.Split(exp, "|") {
				if id = strings.TrimSpace(id); id != "" {
					c.Expected = append(c.Expected, id)
				}
			}
			if len(c.Expected) == 0 {
				return nil, 0, fmt.Errorf("line %d: expected is empty; write %q for out-of-scope questions", line, None)
			}
		}
		if len(f) > 3 {
			c.Source = f[3]
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, 0, fmt.Errorf("read cases: %w", err)
	}
	return cases, unlabelled, nil
}
