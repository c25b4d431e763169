package catalog

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with the content, located by file and line.
type Problem struct {
	File string
	Line int // 0 when the problem concerns the whole file
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Problems is the error Load returns for invalid content: every problem found,
// in file order.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return "invalid content:\n" + strings.Join(lines, "\n")
}
