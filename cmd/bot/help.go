package main

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// writeHelp explains every subcommand and every environment variable.
func writeHelp(w io.Writer) {
	fmt.Fprint(w, `bot: the clinic's microneedling aftercare assistant.

Usage:
  bot [flags]                 run the bot: the console chat when no platform is configured
  bot match [flags]           read one message per line on stdin, write one JSON object per line:
                              {"text","intent","score","urgent","alternatives","kind"}
  bot eval [flags] FILE.tsv   measure the matcher on labelled questions (question, expected IDs
                              separated by | or "none", urgent 0/1, source); flags
                              --min-accuracy, --min-declined, --max-wrong, --min-urgent-recall,
                              --max-false-alarms or --release-bars make it exit 1 below the bar;
                              --failures lists every miss
  bot check-content [DIR]     validate content (default: built in) and lint its examples
  bot invite [--treated TIME] [--ref REF]
                              make a patient's invite link (Telegram deep link, single use, 14 days)
                              and print it with a QR code; TIME as "14:30" or "yesterday 10:30",
                              default now; REF the clinic's own record or booking number for the
                              patient (up to 32 letters, digits, - and _), shown to the care team
  bot inbox export [--since D] [FILE]
                              write the questions patients asked that the bot could not answer (last D,
                              e.g. 30d; default all it keeps, 90 days; not those staff ignored) as a TSV for
                              bot eval, expected and urgent left blank; to FILE or stdout
  bot help                    this text

Console commands: /topics, /help, /treatment [TIME], /reminders, /stop, /forget, /quit; type a number to pick a listed topic.
Telegram commands: /start, /help, /topics, /treatment [TIME] (when you were treated), /reminders (serum reminders
  morning and evening for the week), /stop (no more reminders), /forget (deletes what the bot keeps about you,
  after a confirmation).
Slack: /aftercare invite [TIME] [ref REF] answers privately with a patient's invite link and its QR code; /aftercare inbox
  shows privately the questions patients asked that the bot could not answer, grouped, to mark.

Settings (environment variable, or the flag of the same name):
`)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, s := range settings {
		def := s.def
		if def == "" {
			def = "-"
		}
		fmt.Fprintf(tw, "  %s\t--%s\t%s\tdefault %s\n", s.env, s.flag, s.help, def)
	}
	tw.Flush()
}
