package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/clinicbot/aftercare/internal/intents"
)

// matchLine is one line of `bot match` output: the contract other tools rely on.
type matchLine struct {
	Text         string              `json:"text"`
	Intent       string              `json:"intent"`
	Score        float64             `json:"score"`
	Urgent       bool                `json:"urgent"`
	Alternatives []intents.Candidate `json:"alternatives"`
	Kind         intents.Kind        `json:"kind"`
	// Asked are the items of a question asked apart from a red flag,
	// answered after the urgent text; absent otherwise.
	Asked []string `json:"asked,omitempty"`
}

// matchCmd reads one message per line and writes one JSON object per line,
// in order, exactly one per input line (an empty line too). With --explain
// it writes instead, for each line, the matcher's readable trace of it
// followed by an empty line.
func matchCmd(args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	args, explain := cutFlag(args, "explain")
	cfg, rest, err := parseConfig("match", args, getenv, stderr)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErrorf("match reads messages from standard input, not arguments")
	}
	_, m, err := loadContent(cfg.ContentDir)
	if err != nil {
		return err
	}
	in := bufio.NewReaderSize(stdin, 64<<10)
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for {
		line, err := in.ReadString('\n')
		if len(line) > 0 || err == nil {
			var werr error
			if explain {
				_, werr = fmt.Fprintln(out, m.Explain(trimEOL(line)))
			} else {
				werr = enc.Encode(matchJSON(m, trimEOL(line)))
			}
			if werr != nil {
				return fmt.Errorf("write match: %w", werr)
			}
		}
		// Flush whenever no more input is waiting, so a tool feeding lines
		// one at a time gets each answer at once.
		if in.Buffered() == 0 || err != nil {
			if ferr := out.Flush(); ferr != nil {
				return fmt.Errorf("write match: %w", ferr)
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read messages: %w", err)
		}
	}
}

func matchJSON(m *intents.Matcher, text string) matchLine {
	r := m.Match(text)
	alts := r.Alternatives
	if alts == nil {
		alts = []intents.Candidate{}
	}
	return matchLine{Text: text, Intent: r.Intent, Score: r.Score, Urgent: r.Urgent, Alternatives: alts, Kind: r.Kind,
		Asked: r.Asked}
}

func trimEOL(s string) string {
	if n := len(s); n > 0 && s[n-1] == '\n' {
		s = s[:n-1]
		if n := len(s); n > 0 && s[n-1] == '\r' {
			s = s[:n-1]
		}
	}
	return s
}

// cutFlag removes a boolean flag (-name or --name) from args and reports
// whether it was there.
func cutFlag(args []string, name string) ([]string, bool) {
	out := make([]string, 0, len(args))
	found := false
	for _, a := range args {
		if a == "-"+name || a == "--"+name {
			found = true
			continue
		}
		out = append(out, a)
	}
	return out, found
}
