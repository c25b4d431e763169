// Package console is the chat adapter for a terminal or a pipe: one message
// per line in, replies out. It is the default when no platform is
// configured.
package console

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"github.com/clinicbot/aftercare"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// Answerer is what the console needs from the conversation service.
type Answerer interface {
	Answer(ctx context.Context, msg aftercare.Inbound) aftercare.Outgoing
	Sections() []aftercare.Section
}

// MaxLineBytes is the longest line read; the rest of a longer line is
// skipped (the matcher reads far less anyway).
const MaxLineBytes = 64 << 10

// Chat is one console conversation. Set Interactive when In is a terminal:
// it then greets, prompts and explains the commands; on a pipe it only
// writes replies, one block per input line.
type Chat struct {
	Bot         Answerer
	In          io.Reader
	Out         io.Writer
	Interactive bool

	choices []string      // what the person can pick by number: item IDs or ChoiceNone
	quit    chan struct{} // closed when Run stops, so the reader never blocks on it
}

const prompt = "> "

// Run reads messages until the input ends, /quit, or ctx is cancelled. It
// returns nil in those cases and an error only when reading or writing
// fails. When it stops with a read pending, it interrupts the read (a read
// deadline, or closing the input) and waits for the reader to end; a read
// that cannot be interrupted (a blocking terminal) ends with the process.
func (c *Chat) Run(ctx context.Context) error {
	lines := make(chan string)
	readDone := make(chan error, 1)
	quit := make(chan struct{})
	go func() { readDone <- readLines(c.In, lines, quit) }()
	c.quit = quit

	if c.Interactive {
		welcome := c.ask(ctx, aftercare.Inbound{Command: aftercare.CommandStart}).PlainText()
		if err := c.write(welcome + "\n\nType /topics to see what I can help with, /quit to leave."); err != nil {
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
			reply, quit := c.handle(ctx, line)
			if quit {
				return c.stop(c.write(reply), readDone)
			}
			if err := c.write(reply); err != nil {
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

// handle answers one line and reports whether the chat should end.
func (c *Chat) handle(ctx context.Context, line string) (string, bool) {
	line = strings.TrimSpace(line)
	switch strings.ToLower(line) {
	case "/quit", "/exit", "/q":
		return "Goodbye!", true
	case "/help":
		return c.ask(ctx, aftercare.Inbound{Command: aftercare.CommandHelp}).PlainText(), false
	case "/start":
		return c.ask(ctx, aftercare.Inbound{Command: aftercare.CommandStart}).PlainText(), false
	case "/topics":
		return c.topics(), false
	}
	if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(c.choices) {
		choice := c.choices[n-1]
		c.choices = nil
		return c.ask(ctx, aftercare.Inbound{Choice: choice}).PlainText(), false
	}
	c.choices = nil
	r := c.ask(ctx, aftercare.Inbound{Text: line})
	if r.Kind == aftercare.KindClarify {
		for _, o := range r.Options {
			c.choices = append(c.choices, o.Choice)
		}
		c.choices = append(c.choices, aftercare.ChoiceNone)
	}
	return r.PlainText(), false
}

// ask sends one message from this console to the bot.
func (c *Chat) ask(ctx context.Context, msg aftercare.Inbound) aftercare.Outgoing {
	msg.From = aftercare.Actor{Platform: aftercare.Console, UserID: "local"}
	msg.Chat = aftercare.Address{Platform: aftercare.Console, Chat: "local"}
	return c.Bot.Answer(ctx, msg)
}

// topics lists every topic, numbered so the person can pick one.
func (c *Chat) topics() string {
	var b strings.Builder
	c.choices = nil
	for _, sec := range c.Bot.Sections() {
		b.WriteString(sec.Name + ":\n")
		for _, it := range sec.Items {
			c.choices = append(c.choices, it.Choice)
			fmt.Fprintf(&b, "%2d. %s\n", len(c.choices), it.Title)
		}
	}
	b.WriteString("\nType a number to read about a topic, or ask your question.")
	return b.String()
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
