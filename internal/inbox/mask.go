package inbox

import (
	"regexp"
	"strings"
)

// Placeholders stand for what Mask removes.
const (
	MaskLink   = "[link]"
	MaskEmail  = "[email]"
	MaskHandle = "[handle]"
	MaskNumber = "[number]"
)

var (
	linkPattern   = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|uk|io|me|co|info|de|fr|es|it|nl|ly)(?:/\S*)?\b`)
	emailPattern  = regexp.MustCompile(`(?i)[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+`)
	handlePattern = regexp.MustCompile(`(?:^|[^\w@])@\w+`)
	// numberPattern is a run of digits, with what joins the parts of a
	// phone number, a date or a time: "+44 20 7946-0000", "12/03/2025".
	numberPattern = regexp.MustCompile(`\+?\d(?:[\d .()/:-]*\d)?`)
)

// Mask returns text with e-mail addresses, links, @handles and every
// digit replaced by placeholders (MaskEmail, MaskLink, MaskHandle,
// MaskNumber), and its white space collapsed: what a patient wrote, without
// the phone numbers, dates, addresses and names in it that could say who
// they are. Names written as words are not found.
func Mask(text string) string {
	text = emailPattern.ReplaceAllString(text, MaskEmail)
	text = linkPattern.ReplaceAllString(text, MaskLink)
	text = handlePattern.ReplaceAllStringFunc(text, func(m string) string {
		at := strings.IndexByte(m, '@')
		return m[:at] + MaskHandle
	})
	text = numberPattern.ReplaceAllString(text, MaskNumber)
	return strings.Join(strings.Fields(text), " ")
}
