package main

import (
	"strings"
	"testing"
)

func TestMatchExplain(t *testing.T) {
	input := "can i take a bahth tonite\nbleeding won't stop\n\npuis je prendre un bain\n"
	out, errOut, code := runBot(t, nil, input, "match", "--explain")
	if code != 0 {
		t.Fatalf("bot match --explain exit %d: %s", code, errOut)
	}
	blocks := strings.Split(strings.TrimSuffix(out, "\n\n"), "\n\n")
	if len(blocks) != 4 {
		t.Fatalf("bot match --explain wrote %d traces for 4 lines:\n%s", len(blocks), out)
	}
	wants := [][]string{
		{`corrected: bahth → bath (speller)`, "result: answer home.bath", "why: answered home.bath"},
		{"red flag: bleeding that won't stop", ": fired", "URGENT", "why: urgent"},
		{`message: ""`, "why: declined: no words to read"},
		{"language: French", "result: answer home.bath", "why: answered home.bath, in English: written in French"},
	}
	for i, want := range wants {
		for _, w := range want {
			if !strings.Contains(blocks[i], w) {
				t.Errorf("trace %d lacks %q:\n%s", i+1, w, blocks[i])
			}
		}
	}
}

func TestCutFlag(t *testing.T) {
	rest, ok := cutFlag([]string{"--content", "x", "--explain"}, "explain")
	if !ok || strings.Join(rest, " ") != "--content x" {
		t.Errorf("cutFlag = %v, %v; want [--content x], true", rest, ok)
	}
	if _, ok := cutFlag([]string{"-explainer"}, "explain"); ok {
		t.Error("cutFlag(-explainer) = true, want false")
	}
}
