package care

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/clinicbot/aftercare"
	"github.com/clinicbot/aftercare/internal/store"
)

// What staff see in the channel. Staff-facing labels are the bot's own
// (like the confidence lines under a Slack answer); what patients read
// is content.

var reasonTitle = map[store.CaseReason]string{
	store.ReasonUrgent:     ":rotating_light: *Urgent*",
	store.ReasonAsked:      ":wave: *Asked for a person*",
	store.ReasonUnanswered: ":grey_question: *A question the sheet does not answer*",
}

// root is a case's root message: why it opened, who (a pseudonym, and
// the clinic's reference for them when an invite brought one), when
// they were treated and whether their serum reminders are on, what they
// said and what the bot answered, and the
// Claim and Resolve buttons. After a claim or a resolve, status says so.
func (t *Team) root(c store.Case, in aftercare.Inbound, said string, out aftercare.Outgoing, urgent bool, now time.Time) aftercare.Outgoing {
	reason := c.Reason
	if urgent {
		reason = store.ReasonUrgent
	}
	lines := append([]string{reasonTitle[reason] + " · " + c.Pseudonym}, refLines(in.Journey.ClinicRef)...)
	if urgent && len(out.RedFlags) > 0 {
		lines = append(lines, "Red flags: "+strings.Join(out.RedFlags, ", "))
	}
	if tr := in.Journey.Treated; !tr.IsZero() {
		lines = append(lines, "Treated "+tr.In(t.cfg.Location).Format("Mon 2 Jan 15:04")+" ("+ago(now.Sub(tr))+" ago)")
	} else {
		lines = append(lines, "Treatment time not known")
	}
	switch j := in.Journey; {
	case j.Reminders && !j.RemindersUntil.IsZero():
		lines = append(lines, "Serum reminders on, the last "+j.RemindersUntil.In(t.cfg.Location).Format("Mon 2 Jan 15:04"))
	case j.Reminders:
		lines = append(lines, "Serum reminders on")
	case j.Patient:
		lines = append(lines, "Serum reminders off")
	}
	if said != "" && t.cfg.Privacy != PrivacyAlertOnly {
		lines = append(lines, "> "+strings.ReplaceAll(t.mask(said), "\n", "\n> "))
	}
	if in.Attachment != nil {
		lines = append(lines, "_The patient "+photoLine(t.cfg.Privacy)+"._")
	}
	if answered := out.PlainText(); answered != "" {
		lines = append(lines, "_The bot answered:_ "+clip(answered, 400))
	}
	if t.cfg.Privacy == PrivacyAlertOnly {
		lines = append(lines, "_No patient text is shared here (HANDOFF_PRIVACY=alert-only): phone the patient._")
	} else {
		lines = append(lines, "_Reply in this thread to write to the patient; start with `note:` to keep it here._")
	}
	return aftercare.Outgoing{Kind: aftercare.KindNotice, Text: strings.Join(lines, "\n"), Actions: caseActions(c.ID, true)}
}

// refLines are the root's line naming the clinic's reference for the
// patient, none without one. It shows in every privacy mode: it is the
// clinic's own identifier, not the patient's words.
func refLines(ref string) []string {
	if ref == "" {
		return nil
	}
	return []string{"Clinic ref " + ref}
}

// caseActions are a case's buttons: Claim while nobody has it, and
// Resolve while it is open.
func caseActions(id int64, claimable bool) []aftercare.Action {
	v := strconv.FormatInt(id, 10)
	var acts []aftercare.Action
	if claimable {
		acts = append(acts, aftercare.Action{ID: aftercare.ActionHandoffClaim, Title: "Claim", Value: v, Style: "primary"})
	}
	return append(acts, aftercare.Action{ID: aftercare.ActionHandoffResolve, Title: "Resolve", Value: v})
}

// patientSaid is a patient's message in the thread.
func (t *Team) patientSaid(c store.Case, in aftercare.Inbound, urgent bool) aftercare.Outgoing {
	var text string
	switch {
	case t.cfg.Privacy == PrivacyAlertOnly && in.Attachment != nil:
		text = "The patient sent a photo (not shown: alert-only): phone them to see it."
	case t.cfg.Privacy == PrivacyAlertOnly:
		text = "The patient wrote again (not shown: alert-only)."
	case in.Attachment != nil:
		text = "_" + photoLine(t.cfg.Privacy) + "_"
		if in.Text != "" {
			text += ", with: " + t.mask(in.Text)
		}
	case in.NonText:
		text = "_sent a photo or a file, which is not passed on_"
		if in.Text != "" {
			text += ", with: " + t.mask(in.Text)
		}
	default:
		text = t.mask(in.Text)
	}
	prefix := "*" + c.Pseudonym + ":* "
	if urgent {
		prefix = ":rotating_light: " + prefix + "_(red flag: the patient was sent the urgent text)_ "
	}
	return aftercare.Outgoing{Kind: aftercare.KindNotice, Text: prefix + text}
}

// photoLine says, for staff, that the patient sent a photo and whether it
// follows in the thread: only in relay mode, since a photo cannot be
// redacted and alert-only shares nothing.
func photoLine(p Privacy) string {
	switch p {
	case PrivacyRelay:
		return "sent a photo (below)"
	case PrivacyRedacted:
		return "sent a photo, which is not shared in this mode (HANDOFF_PRIVACY=redacted): phone them to see it"
	}
	return "sent a photo (not shown: alert-only): phone them to see it"
}

var (
	maskEmail = regexp.MustCompile(`\S+@\S+\.\S+`)
	maskLink  = regexp.MustCompile(`(?i)\b(https?://|www\.)\S+`)
	maskDigit = regexp.MustCompile(`\d`)
)

// mask makes a patient's text safe to show staff: never a Slack mention
// (angle brackets changed), and with digits, e-mail addresses and links
// hidden when the privacy mode is redacted.
func (t *Team) mask(s string) string {
	s = strings.NewReplacer("<", "‹", ">", "›").Replace(s)
	if t.cfg.Privacy != PrivacyRedacted {
		return s
	}
	s = maskEmail.ReplaceAllString(s, "[e-mail]")
	s = maskLink.ReplaceAllString(s, "[link]")
	return maskDigit.ReplaceAllString(s, "#")
}

// ago says a duration roughly: "3 hours", "2 days".
func ago(d time.Duration) string {
	switch {
	case d < time.Hour:
		return fmt.Sprintf("%d minutes", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d hours", int(d.Hours()))
	}
	return fmt.Sprintf("%d days", int(d.Hours()/24))
}
