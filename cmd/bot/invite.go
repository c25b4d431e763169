package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/qrtext"
	"github.com/clinicbot/aftercare/internal/store"
	"github.com/clinicbot/aftercare/internal/treatment"
)

// inviteCmd makes an invite link for a patient, as `/aftercare invite`
// does in Slack, and prints it with a QR code for the terminal: `bot
// invite [--treated TIME] [--ref REF]` (default: treated now; REF the
// clinic's own reference for the patient, see journey.CutRef). The bot's
// username comes from TELEGRAM_BOT_USERNAME, else from Telegram (getMe)
// with TELEGRAM_BOT_TOKEN.
func inviteCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	treated, args, err := cutTreated(args)
	if err != nil {
		return err
	}
	ref, args, err := cutValue(args, "ref")
	if err != nil {
		return err
	}
	text := treated // as staff would type it in Slack: "14:30 ref A-1234"
	if ref != "" {
		text = strings.TrimSpace(treated + " ref " + ref)
	}
	cfg, rest, err := parseConfig("invite", args, getenv, stderr)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErrorf("usage: bot invite [--treated TIME] [--ref REF] (e.g. --treated \"today 14:30\" --ref A-1234)")
	}
	a, err := newApp(cfg, stderr)
	if err != nil {
		return err
	}
	if cfg.Telegram.Username == "" && cfg.Telegram.Token != "" {
		bot, err := tgbotapi.NewBotAPIWithAPIEndpoint(cfg.Telegram.Token, cfg.Telegram.APIEndpoint)
		if err != nil {
			return fmt.Errorf("ask Telegram for the bot's username: %w", a.redactor.Error(err))
		}
		a.cfg.Telegram.Username = bot.Self.UserName
	}
	if err := a.openStore(ctx, getenv); err != nil {
		return err
	}
	defer a.store.Close()
	fx := treatment.New(treatment.Config{Location: cfg.Location, BotUsername: a.botUsername})
	var j aftercare.Journey
	err = a.store.Tx(ctx, func(tx *store.Tx) (err error) {
		j, err = fx.Invite(ctx, tx, text, aftercare.SystemClock{}.Now())
		return err
	})
	if err != nil {
		return err
	}
	out := a.service.Answer(ctx, aftercare.Inbound{Command: aftercare.CommandInvite, Text: text, Journey: j})
	if out.QR == "" {
		return &exitError{code: 1, err: fmt.Errorf("no invite made: %s", out.Text)}
	}
	fmt.Fprintf(stdout, "%s\n\n%s\n", out.PlainText(), qrtext.Small(out.QR))
	return nil
}

// cutTreated takes --treated TIME (or --treated=TIME) out of args.
func cutTreated(args []string) (string, []string, error) {
	return cutValue(args, "treated")
}

// cutValue takes --name VALUE (or --name=VALUE, or with one dash) out of
// args, before the rest are parsed as settings.
func cutValue(args []string, name string) (string, []string, error) {
	var rest []string
	value := ""
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case arg == "--"+name || arg == "-"+name:
			if i+1 >= len(args) {
				return "", nil, usageErrorf("--%s needs a value", name)
			}
			value, i = args[i+1], i+1
		case strings.HasPrefix(arg, "--"+name+"=") || strings.HasPrefix(arg, "-"+name+"="):
			_, value, _ = strings.Cut(arg, "=")
		default:
			rest = append(rest, arg)
		}
	}
	return strings.TrimSpace(value), rest, nil
}
