// Package console is the chat adapter for a terminal or a pipe: one message
// per line in, replies out. It is the default when no platform is
// configured. The Chat is also the console's aftercare.Sender: the Handler
// (the desk) answers through Send, which writes to Out.
package console

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/clinicbot/aftercare"
)

// Handler handles one message; in production the desk, which answers
// through the Chat's Send.
type Handler interface {
	Handle(ctx context.Context, in aftercare.Inbound) error
}

// The console's one person and chat.
var (
	// Person is who speaks on the console.
	Person = aftercare.Actor{Platform: aftercare.Console, UserID: "local"}
	// Here is where the console's replies go.
	Here = aftercare.Address{Platform: aftercare.Console, Chat: "local"}
)

// MaxLineBytes is the longest line read; the rest of a longer line is
// skipped (the matcher reads far less anyway).
const MaxLineBytes = 64 << 10

// Chat is one console conversation. Set Interactive when In is a terminal:
// it then greets, prompts and explains the commands; on a pipe it only
// writes replies, one block per input line.
type Chat struct {
	Handler     Handler
	In          io.Reader
	Out         io.Writer
	Interactive bool

	mu       sync.Mutex
	choices  []string // what the person can pick by number: item IDs or control choices
	writeErr error    // the first error writing to Out
	sent     int      // messages written, for references

	quit chan struct{} // closed when Run stops, so the reader never blocks on it
	ran  atomic.Bool
}

// ErrRunTwice is returned by a second call to Run.
var ErrRunTwice = errors.New("console: the chat is already running or has run")

const prompt = "> "

// Run reads messages until the input ends, /quit, or ctx is cancelled. It
// returns nil in those cases and an error only when reading or writing
// fails. When it stops with a read pending, it interrupts the read (a read
// deadline, or closing the input) and waits for the reader to end; a read
// that cannot be interrupted (a blocking terminal) ends with the process.
func (c *Chat) Run(ctx context.Context) error {
	if !c.ran.CompareAndSwap(false, true) {
		return ErrRunTwice
	}
	lines := make(chan string)
	readDone := make(chan error, 1)
	quit := make(chan struct{})
	go func() { readDone <- readLines(c.In, lines, quit) }()
	c.quit = quit

	if c.Interactive {
		if err := c.ask(ctx, aftercare.Inbound{Command: aftercare.CommandStart}); err != nil {
			return c.stop(err, readDone)
		}
		if err := c.write("Type /topics to see what I can help with, /treatment to tell me when you were treated, /reminders for serum reminders (/stop to stop them), /forget to delete what I keep about you, /quit to leave."); err != nil {
			return c.stop(err, readDone)
		}
	}
	for {
		if err := c.prompt(); err != nil {
			return c.stop(err, readDone)
		}
		select {
		case <-ctx.Done():
			return c.stop(nil, readDone)
		case err := <-readDone:
			if err != nil && !errors.Is(err, io.EOF) {
				return fmt.Errorf("read console input: %w", err)
			}
			return nil
		case line := <-lines:
			quit, err := c.handle(ctx, line)
			if quit || err != nil {
				return c.stop(err, readDone)
			}
		}
	}
}

// stop ends the reader goroutine, if it can be interrupted, and returns err.
func (c *Chat) stop(err error, readDone <-chan error) error {
	close(c.quit)
	if interrupt(c.In) {
		<-readDone
	}
	return err
}

// interrupt makes a pending read on in return, and reports whether it could.
// The process's own stdin is never closed.
func interrupt(in io.Reader) bool {
	if d, ok := in.(interface{ SetReadDeadline(time.Time) error }); ok && d.SetReadDeadline(time.Now()) == nil {
		return true
	}
	if cl, ok := in.(io.Closer); ok && in != io.Reader(os.Stdin) {
		cl.Close()
		return true
	}
	return false
}

func (c *Chat) prompt() error {
	if !c.Interactive {
		return nil
	}
	_, err := io.WriteString(c.Out, prompt)
	return err
}

func (c *Chat) write(text string) error {
	if text == "" {
		return nil
	}
	_, err := io.WriteString(c.Out, strings.TrimRight(text, "\n")+"\n\n")
	return err
}

// handle answers one line and reports whether the chat should end, or
// why it cannot go on (writing failed).
func (c *Chat) handle(ctx context.Context, line string) (quit bool, err error) {
	line = strings.TrimSpace(line)
	switch strings.ToLower(line) {
	case "/quit", "/exit", "/q", "quit", "exit":
		return true, c.write("Goodbye!")
	case "/help":
		return false, c.ask(ctx, aftercare.Inbound{Command: aftercare.CommandHelp})
	case "/start":
		return false, c.ask(ctx, aftercare.Inbound{Command: aftercare.CommandStart})
	case "/topics":
		return false, c.ask(ctx, aftercare.Inbound{Command: aftercare.CommandTopics})
	case "/forget":
		return false, c.ask(ctx, aftercare.Inbound{Command: aftercare.CommandForget})
	case "/reminders":
		return false, c.ask(ctx, aftercare.Inbound{Command: aftercare.CommandReminders})
	case "/stop":
		return false, c.ask(ctx, aftercare.Inbound{Command: aftercare.CommandStop})
	}
	if cmd, rest, _ := strings.Cut(line, " "); strings.EqualFold(cmd, "/treatment") {
		return false, c.ask(ctx, aftercare.Inbound{Command: aftercare.CommandTreatment, Text: strings.TrimSpace(rest)})
	}
	c.mu.Lock()
	choices := c.choices
	c.mu.Unlock()
	if n, err := strconv.Atoi(line); err == nil && len(choices) > 0 {
		if n < 1 || n > len(choices) {
			return false, c.write(fmt.Sprintf("Please type a number from 1 to %d, or ask your question.", len(choices)))
		}
		return false, c.ask(ctx, aftercare.Inbound{Choice: choices[n-1]})
	}
	return false, c.ask(ctx, aftercare.Inbound{Text: line})
}

// ask passes one message from this console to the Handler, and returns
// the first error writing a reply.
func (c *Chat) ask(ctx context.Context, in aftercare.Inbound) error {
	c.mu.Lock()
	c.choices = nil
	c.mu.Unlock()
	in.From, in.Chat, in.Received = Person, Here, time.Now()
	if err := c.Handler.Handle(ctx, in); err != nil && !errors.Is(err, c.failed()) {
		return err
	}
	return c.failed()
}

func (c *Chat) failed() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.writeErr
}

// Send writes msg to Out as plain text. The options of a "did you mean"
// question or a confirmation, and the topics of the menu, are numbered so
// that the person can pick one by typing its number.
func (c *Chat) Send(_ context.Context, to aftercare.Address, msg aftercare.Outgoing) (aftercare.MessageRef, error) {
	var choices []string
	text := msg.PlainText()
	switch {
	case msg.Kind == aftercare.KindTopics:
		text, choices = topics(msg.Menu)
	case len(msg.Options) > 0:
		for _, o := range msg.Options {
			choices = append(choices, o.Choice)
		}
		if msg.NoneOfThese != "" {
			choices = append(choices, msg.NoneOfTheseChoice())
		}
	}
	err := c.write(text)
	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil {
		c.writeErr = cmp.Or(c.writeErr, err)
		return aftercare.MessageRef{Address: to}, fmt.Errorf("console: %w: %w", aftercare.ErrUnreachable, err)
	}
	c.choices = choices
	c.sent++
	return aftercare.MessageRef{Address: to, ID: strconv.Itoa(c.sent)}, nil
}

// topics lists every topic, numbered so the person can pick one.
func topics(sections []aftercare.Section) (string, []string) {
	var b strings.Builder
	var choices []string
	for _, sec := range sections {
		b.WriteString(sec.Name + ":\n")
		for _, it := range sec.Items {
			choices = append(choices, it.Choice)
			fmt.Fprintf(&b, "%2d. %s\n", len(choices), it.Title)
		}
	}
	b.WriteString("\nType a number to read about a topic, or ask your question.")
	return b.String(), choices
}

// readLines sends each line of r to lines, cutting lines at MaxLineBytes,
// until r ends or fails, or quit is closed.
func readLines(r io.Reader, lines chan<- string, quit <-chan struct{}) error {
	br := bufio.NewReaderSize(r, 4096)
	for {
		line, err := readLine(br)
		if line != "" || err == nil {
			select {
			case lines <- line:
			case <-quit:
				return nil
			}
		}
		if err != nil {
			return err
		}
	}
}

// readLine reads one line, keeping at most MaxLineBytes of it.
func readLine(br *bufio.Reader) (string, error) {
	var b []byte
	for {
		chunk, isPrefix, err := br.ReadLine()
		if len(b) < MaxLineBytes {
			b = append(b, chunk[:min(len(chunk), MaxLineBytes-len(b))]...)
		}
		if err != nil || !isPrefix {
			return string(b), err
		}
	}
}
