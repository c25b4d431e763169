package console_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/fixture"

	"github.com/clinicbot/aftercare/internal/adapters/console"
	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/reply"
)

var (
	_ answerer         = (*reply.Service)(nil)
	_ aftercare.Sender = (*console.Chat)(nil)
)

// answerer is the reply side the tests fake: what the desk asks for a reply.
type answerer interface {
	Answer(ctx context.Context, in aftercare.Inbound) aftercare.Outgoing
}

// replying is a Handler standing in for the desk, without a store: it
// answers through an answerer and sends through the chat.
type replying struct {
	bot  answerer
	chat *console.Chat
}

func (r *replying) Handle(ctx context.Context, in aftercare.Inbound) error {
	_, err := r.chat.Send(ctx, in.Chat, r.bot.Answer(ctx, in))
	return err
}

func chat(t *testing.T, bot answerer, input string, interactive bool) string {
	t.Helper()
	var out bytes.Buffer
	h := &replying{bot: bot}
	c := &console.Chat{Handler: h, In: strings.NewReader(input), Out: &out, Interactive: interactive}
	h.chat = c
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
	out := chat(t, bot, "wash?\n2\nwash?\n7\n3\n2\nquit\nwash?\n", false)
	for _, want := range []string{"1. Showering\n2. Baths\n3. None of these", "blocked drains",
		"Please type a number from 1 to 3", // 7 is out of range: the list is kept
		"I don't have information on that", "Goodbye!"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "blocked drains") != 1 {
		t.Errorf("a number after the choice was used again:\n%s", out)
	}
	if !strings.HasSuffix(strings.TrimSpace(out), "Goodbye!") {
		t.Errorf("a question after quit was answered:\n%s", out)
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
	h := &replying{bot: fixture.Service(t, catalog.Clinic{Name: "Glow Skin"})}
	c := &console.Chat{Handler: h, In: strings.NewReader("hello\n"), Out: failingWriter{}}
	h.chat = c
	if err := c.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "broken pipe") {
		t.Errorf("Run() = %v, want the write error", err)
	}
}

func TestCancelUnblocksPendingRead(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	var out bytes.Buffer
	h := &replying{bot: fixture.Service(t, catalog.Clinic{Name: "Glow Skin"})}
	c := &console.Chat{Handler: h, In: pr, Out: &out}
	h.chat = c
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

func TestSecondRunIsAnError(t *testing.T) {
	h := &replying{bot: fixture.Service(t, catalog.Clinic{})}
	c := &console.Chat{Handler: h, In: strings.NewReader(""), Out: io.Discard}
	h.chat = c
	if err := c.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := c.Run(context.Background()); !errors.Is(err, console.ErrRunTwice) {
		t.Errorf("second Run = %v, want ErrRunTwice", err)
	}
}
