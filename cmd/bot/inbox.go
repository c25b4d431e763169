package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/desk"
	"github.com/clinicbot/aftercare/internal/inbox"
)

// inboxCmd is `bot inbox export [--since D] [FILE]`: the unanswered
// questions of the last D (default all the inbox keeps), except those
// staff ignored, as a labelled-questions TSV with expected left blank, to
// FILE or stdout. It reads DATABASE_URL like the bot.
func inboxCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	const usage = "usage: bot inbox export [--since DAYS] [FILE] (e.g. --since 30d)"
	if len(args) == 0 || args[0] != "export" {
		return usageErrorf(usage)
	}
	since, args, err := cutValue(args[1:], "since")
	if err != nil {
		return err
	}
	period := desk.InboxKept
	if since != "" {
		if period, err = parseDays(since); err != nil || period <= 0 {
			return usageErrorf("--since %q: want days (30d) or a Go duration (720h)", since)
		}
	}
	cfg, rest, err := parseConfig("inbox export", args, getenv, stderr)
	if err != nil {
		return err
	}
	if len(rest) > 1 {
		return usageErrorf(usage)
	}
	a, err := openApp(ctx, cfg, getenv, stderr)
	if err != nil {
		return err
	}
	defer a.store.Close()
	w, name := stdout, "stdout"
	if len(rest) == 1 {
		f, err := os.Create(rest[0])
		if err != nil {
			return usageErrorf("%v", err)
		}
		defer f.Close()
		w, name = f, rest[0]
	}
	n, err := inbox.Export(ctx, a.store, aftercare.SystemClock{}.Now().Add(-period), w)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%d questions written to %s; fill in expected (item IDs or none) and urgent (0 or 1), then run bot eval on it\n", n, name)
	return nil
}
