package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// run is the whole program: main only adds signals and exit codes. It
// dispatches to a subcommand; with none it runs the bot.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "":
		err = serve(ctx, args, getenv, stdin, stdout, stderr)
	case "match":
		err = matchCmd(args, getenv, stdin, stdout, stderr)
	case "eval":
		err = evalCmd(args, getenv, stdout, stderr)
	case "check-content":
		err = checkContentCmd(args, getenv, stdout, stderr)
	case "invite":
		err = inviteCmd(ctx, args, getenv, stdout, stderr)
	case "inbox":
		err = inboxCmd(ctx, args, getenv, stdout, stderr)
	case "help", "-h", "--help":
		writeHelp(stdout)
		return nil
	default:
		writeHelp(stderr)
		return usageErrorf("unknown command %q", cmd)
	}
	if errors.Is(err, flag.ErrHelp) {
		writeHelp(stdout)
		return nil
	}
	return err
}

// input is what the console's input is connected to.
type input int

const (
	inputPipe     input = iota // a pipe, a file or a socket: read messages, write only replies
	inputTerminal              // a person at a terminal: greet, prompt
	inputNothing               // /dev/null or another device: no one to chat with
)

// classifyInput says what r is. A reader that is not a file (a test's) is
// a pipe.
func classifyInput(r io.Reader) input {
	f, ok := r.(*os.File)
	if !ok {
		return inputPipe
	}
	if term.IsTerminal(int(f.Fd())) {
		return inputTerminal
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice != 0 {
		return inputNothing
	}
	return inputPipe
}
