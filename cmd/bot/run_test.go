package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clinicbot/aftercare/content"
)

// runBot runs the program with args, environment and input, returning its
// output and exit code.
func runBot(t *testing.T, env map[string]string, input string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, testEnv(t, env), strings.NewReader(input), &out, &errOut)
	if err != nil {
		errOut.WriteString(err.Error())
	}
	return out.String(), errOut.String(), exitCode(err)
}

// testEnv is env as a getenv function, with a state directory of the
// test's own unless env names one or a database, as systemd would give.
func testEnv(t *testing.T, env map[string]string) func(string) string {
	state := t.TempDir()
	return func(k string) string {
		if v, ok := env[k]; ok {
			return v
		}
		if k == "STATE_DIRECTORY" {
			return state
		}
		return ""
	}
}

func TestFreshMachineQuickStart(t *testing.T) {
	out, errOut, code := runBot(t, nil, "can I take a bath?\n")
	if code != 0 || !strings.Contains(out, "Please don't take a bath") || !strings.Contains(out, "blocked drains") {
		t.Errorf("bot <<< 'can I take a bath?' = %d, %q, %q", code, out, errOut)
	}
}

func TestClinicSettingsReachTheTexts(t *testing.T) {
	env := map[string]string{"CLINIC_NAME": "Glow Skin"}
	out, _, code := runBot(t, env, "what's the weather\n", "--clinic-phone", "020 7946 0000")
	if code != 0 || !strings.Contains(out, "your practitioner at Glow Skin on 020 7946 0000") {
		t.Errorf("decline = %q (exit %d), want the clinic's contact", out, code)
	}
}

func TestMatchContract(t *testing.T) {
	input := "can I take a bath?\n\nface sooo itchy 😩\nhello\nmy lips are swelling\nwhat's the weather\n\xff\xfe bad bytes\r\nlast line without newline"
	out, errOut, code := runBot(t, nil, input, "match")
	if code != 0 {
		t.Fatalf("bot match exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []struct{ intent string }{{"home.bath"}, {""}, {"expect.itching"}, {"smalltalk.greeting"}, {"home.adverse_reaction"}, {""}, {""}, {""}}
	if len(lines) != len(want) {
		t.Fatalf("bot match wrote %d lines for %d input lines:\n%s", len(lines), len(want), out)
	}
	for i, line := range lines {
		var got map[string]any
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatalf("line %d is not JSON: %q", i+1, line)
		}
		for _, key := range []string{"text", "intent", "score", "urgent", "alternatives"} {
			if _, ok := got[key]; !ok {
				t.Errorf("line %d lacks %q: %s", i+1, key, line)
			}
		}
		if got["intent"] != want[i].intent {
			t.Errorf("line %d intent = %v, want %q", i+1, got["intent"], want[i].intent)
		}
		if _, ok := got["alternatives"].([]any); !ok {
			t.Errorf("line %d alternatives = %v, want a list", i+1, got["alternatives"])
		}
	}
	if !strings.Contains(lines[4], `"urgent":true`) || !strings.Contains(lines[0], `"text":"can I take a bath?"`) {
		t.Errorf("unexpected lines: %s / %s", lines[0], lines[4])
	}
	if !strings.Contains(lines[7], `"text":"last line without newline"`) {
		t.Errorf("last line = %s", lines[7])
	}
}

func writeTSV(t *testing.T, rows string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "q.tsv")
	if err := os.WriteFile(path, []byte("question\texpected\turgent\tsource\n"+rows), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEval(t *testing.T) {
	path := writeTSV(t, "can i take a bath\thome.bath\t0\tw\nwhat's the weather\tnone\t0\tw\ni have a fever\thome.adverse_reaction\t1\tw\nbahth?\thome.shower\t0\tw\n")
	out, _, code := runBot(t, nil, "", "eval", path)
	if code != 0 {
		t.Fatalf("bot eval exit %d", code)
	}
	for _, want := range []string{"in-scope top-1 accuracy:   66.7%  (2/3)", "out-of-scope declined:    100.0%", "wrong answers given:       25.0%  (1/4)",
		"urgent recall:            100.0%", "urgent false alarms:        0.0%", "home.bath", "home.shower → home.bath", "threshold sweep", "current"} {
		if !strings.Contains(out, want) {
			t.Errorf("bot eval output lacks %q:\n%s", want, out)
		}
	}
	if _, errOut, code := runBot(t, nil, "", "eval", "--min-accuracy", "0.9", path); code != 1 || !strings.Contains(errOut, "in-scope accuracy: 66.7%") {
		t.Errorf("bot eval --min-accuracy 0.9 = exit %d, %q; want 1 naming the bar", code, errOut)
	}
	if _, _, code := runBot(t, nil, "", "eval", "--release-bars", "../../testdata/questions.tsv"); code != 0 {
		t.Errorf("bot eval --release-bars testdata = exit %d, want 0", code)
	}
	if _, _, code := runBot(t, nil, "", "eval", "/no/such.tsv"); code != 2 {
		t.Errorf("bot eval /no/such.tsv = exit %d, want 2", code)
	}
}

func TestCheckContent(t *testing.T) {
	out, _, code := runBot(t, nil, "", "check-content")
	if code != 0 || !strings.Contains(out, "14 items") || !strings.Contains(out, "0 warnings") {
		t.Errorf("check-content = %d %q", code, out)
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "items"), 0o755)
	os.WriteFile(filepath.Join(dir, "items", "a.yaml"), []byte("items:\n  - id: home.bath\n    colour: red\n"), 0o644)
	out, _, code = runBot(t, nil, "", "check-content", dir)
	for _, want := range []string{`items/a.yaml:3: unknown field "colour"`, "texts.yaml: cannot read"} {
		if !strings.Contains(out, want) {
			t.Errorf("check-content broken dir lacks %q:\n%s", want, out)
		}
	}
	if code != 1 {
		t.Errorf("check-content broken dir = exit %d, want 1", code)
	}
	// A text the bot does not declare loads, with a warning.
	known := t.TempDir()
	if err := os.CopyFS(known, content.FS); err != nil {
		t.Fatal(err)
	}
	texts := filepath.Join(known, "texts.yaml")
	b, err := os.ReadFile(texts)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(texts, append(b, "\nwelcom: Hello.\n"...), 0o644)
	out, _, code = runBot(t, nil, "", "check-content", known)
	if code != 0 || !strings.Contains(out, `texts.yaml:`) || !strings.Contains(out, `text "welcom" is not one the bot uses`) || !strings.Contains(out, "1 warnings") {
		t.Errorf("check-content with text welcom = %d %q; want 0 with one warning", code, out)
	}
	// The bot refuses to start on invalid content.
	if _, errOut, code := runBot(t, map[string]string{"CONTENT_DIR": dir}, "hello\n"); code != 1 || !strings.Contains(errOut, "invalid content") {
		t.Errorf("bot with invalid content = exit %d, %q; want 1", code, errOut)
	}
}

func TestConfigurationErrors(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"missing content dir", map[string]string{"CONTENT_DIR": "/no/such/dir"}, nil, `CONTENT_DIR (--content): directory "/no/such/dir" does not exist`},
		{"content flag", nil, []string{"--content", "/no/such/dir"}, "CONTENT_DIR (--content)"},
		{"unknown flag", nil, []string{"--colour", "red"}, "flag provided but not defined"},
		{"unknown command", nil, []string{"serve-me"}, `unknown command "serve-me"`},
		{"stray argument", nil, []string{"--clinic-name", "x", "extra"}, "unexpected arguments"},
	}
	for _, tc := range tests {
		_, errOut, code := runBot(t, tc.env, "", tc.args...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%s: exit %d, %q; want 2 and %q", tc.name, code, errOut, tc.want)
		}
	}
}

func TestHelpExplainsEverything(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}, {"match", "-h"}} {
		out, _, code := runBot(t, nil, "", args...)
		if code != 0 {
			t.Errorf("bot %v exit %d", args, code)
		}
		for _, want := range []string{"bot match", "bot eval", "bot check-content", "/topics"} {
			if !strings.Contains(out, want) {
				t.Errorf("bot %v lacks %q", args, want)
			}
		}
		for _, s := range settings {
			if !strings.Contains(out, s.env) || !strings.Contains(out, "--"+s.flag) {
				t.Errorf("bot %v lacks setting %s", args, s.env)
			}
		}
	}
}

// TestReadmeDocumentsEverySetting keeps the README's table in step with the
// settings the bot reads.
func TestReadmeDocumentsEverySetting(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range settings {
		if !strings.Contains(string(b), "| `"+s.env+"` | `--"+s.flag+"` |") {
			t.Errorf("README lacks the row for %s / --%s", s.env, s.flag)
		}
	}
}

// Under systemd a bot with no platform gets /dev/null as input: it must
// fail loudly, not greet no one and exit 0. A pipe still works.
func TestConsoleInputs(t *testing.T) {
	devNull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devNull.Close()
	var out, errOut bytes.Buffer
	err = run(context.Background(), nil, testEnv(t, nil), devNull, &out, &errOut)
	if exitCode(err) != 2 || !strings.Contains(fmt.Sprint(err), "no platform is configured") || out.Len() != 0 {
		t.Errorf("with /dev/null: exit %d, %v, output %q; want exit 2 explaining, no greeting", exitCode(err), err, out.String())
	}

	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() { io.WriteString(pw, "can I take a bath?\n"); pw.Close() }()
	out.Reset()
	err = run(context.Background(), nil, testEnv(t, nil), pr, &out, &errOut)
	pr.Close()
	if err != nil || !strings.Contains(out.String(), "blocked drains") || strings.Contains(out.String(), "> ") {
		t.Errorf("with a pipe: %v, %q; want the answer without a prompt", err, out.String())
	}
}
