package console_test

import (
	"bytes"
	"context"
	"errors"
	"github.com/clinicbot/aftercare"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/clinicbot/aftercare/internal/fixture"

	"github.com/clinicbot/aftercare/internal/adapters/console"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/reply"
)

var _ console.Answerer = (*reply.Service)(nil)

func chat(t *testing.T, bot console.Answerer, input string, interactive bool) string {
	t.Helper()
	var out bytes.Buffer
	c := &console.Chat{Bot: bot, In: strings.NewReader(input), Out: &out, Interactive: interactive}
	if err := c.Run(context.Background()); err != nil {
		t.Fatalf("Run() = %v", err)
	}
	return out.String()
}

func TestPipeAnswersEveryLineWithoutPromptNoise(t *testing.T) {
	out := chat(t, fixture.Service(t, catalog.Clinic{Name: "Glow Skin"}), "can I take a bath?\nface sooo itchy\n\nhello\n", false)
	for _, want := range []string{"blocked drains", "itchiness", "Please type your question", "Hello!"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "> ") || strings.Contains(out, "/topics") {
		t.Errorf("pipe output has prompt or banner noise:\n%s", out)
	}
	bath, itch := strings.Index(out, "blocked drains"), strings.Index(out, "itchiness")
	if bath > itch {
		t.Errorf("replies out of order:\n%s", out)
	}
}

func TestInteractiveSession(t *testing.T) {
	out := chat(t, fixture.Service(t, catalog.Clinic{Name: "Glow Skin"}), "/topics\n11\n/help\n/quit\ncan i take a bath\n", true)
	for _, want := range []string{
		"aftercare assistant for Glow Skin", "not a diagnosis", "> ", // welcome and prompt
		"What to expect:", " 1. Redness", "11. Baths", // numbered topics
		"blocked drains",      // 11 picked Baths
		"Topics I know about", // help
		"Goodbye!",            // quit
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "blocked drains") != 1 {
		t.Errorf("input after /quit was answered:\n%s", out)
	}
}

// clarifier is a fake that asks "did you mean" for every question.
type clarifier struct{ *reply.Service }

func (c clarifier) Answer(ctx context.Context, msg aftercare.Inbound) aftercare.Outgoing {
	if msg.Text == "" {
		return c.Service.Answer(ctx, msg)
	}
	return aftercare.Outgoing{Kind: aftercare.KindClarify, Text: "Did you mean:",
		Options:     []aftercare.Option{{Choice: "home.shower", Title: "Showering"}, {Choice: "home.bath", Title: "Baths"}},
		NoneOfThese: "None of these"}
}

func TestClarifyChoicesByNumber(t *testing.T) {
	bot := clarifier{fixture.Service(t, catalog.Clinic{Name: "Glow Skin"})}
	out := chat(t, bot, "wash?\n2\nwash?\n3\n2\n", false)
	for _, want := range []string{"1. Showering\n2. Baths\n3. None of these", "blocked drains", "I don't have information on that"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "blocked drains") != 1 {
		t.Errorf("a number after the choice was used again:\n%s", out)
	}
}

func TestHugeLineIsCutNotFatal(t *testing.T) {
	huge := strings.Repeat("can i take a bath tonight? ", 10000) // 270 kB
	out := chat(t, fixture.Service(t, catalog.Clinic{Name: "Glow Skin"}), huge+"\nhello\n", false)
	if !strings.Contains(out, "blocked drains") || !strings.Contains(out, "only read the first part") || !strings.Contains(out, "Hello!") {
		t.Errorf("output = %.300q...", out)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestWriteErrorEndsRun(t *testing.T) {
	c := &console.Chat{Bot: fixture.Service(t, catalog.Clinic{Name: "Glow Skin"}), In: strings.NewReader("hello\n"), Out: failingWriter{}}
	if err := c.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "broken pipe") {
		t.Errorf("Run() = %v, want the write error", err)
	}
}

func TestCancelUnblocksPendingRead(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	var out bytes.Buffer
	c := &console.Chat{Bot: fixture.Service(t, catalog.Clinic{Name: "Glow Skin"}), In: pr, Out: &out}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	if _, err := io.WriteString(pw, "hello\n"); err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run() = %v, want nil after cancel", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after its context was cancelled")
	}
	if _, err := io.WriteString(pw, "more\n"); err == nil {
		t.Error("input still open after Run returned; its reader would leak")
	}
}
