package catalog

import (
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"
)

var placeholderRe = regexp.MustCompile(`\{([a-zA-Z_]+)\}`)

// Placeholders a text may use. {topics} is only meaningful in the help text.
var placeholders = map[string]bool{"clinic": true, "practitioner": true, "contact": true}

// TimePlaceholders are the placeholders of texts about the treatment
// journey and of items' timing lines, filled from the patient's treatment
// time: {treated} and {until} ("today at 14:30"), {hours}, {day} and
// {days} (numbers), {times} ("09:00 and 20:00"), {link} (an invite link),
// {ref} (the clinic's reference an invite carries); and the care team's
// {next}, {staff} and {when} (see TextCareOpened).
var TimePlaceholders = []string{"treated", "until", "hours", "day", "days", "times", "link", "ref", "next", "staff", "when"}

// placeholders reports unknown placeholders in text. Answers may use only
// the clinic's; texts and timing lines also TimePlaceholders, and the help
// text {topics}.
func (l *loader) placeholders(file string, line int, text string, allowTopics bool) {
	l.checkPlaceholders(file, line, text, allowTopics, false)
}

func (l *loader) checkPlaceholders(file string, line int, text string, allowTopics, allowTime bool) {
	for _, m := range placeholderRe.FindAllStringSubmatch(text, -1) {
		if placeholders[m[1]] || (allowTopics && m[1] == "topics") || (allowTime && slices.Contains(TimePlaceholders, m[1])) {
			continue
		}
		if allowTime {
			l.addf(file, line, "unknown placeholder {%s}: use {clinic}, {practitioner}, {contact} or {%s}", m[1], strings.Join(TimePlaceholders, "}, {"))
			continue
		}
		l.addf(file, line, "unknown placeholder {%s}: use {clinic}, {practitioner} or {contact}", m[1])
	}
}

// texts reads every text in texts.yaml, reporting required ones that are
// missing or empty and placeholders no text may use.
func (l *loader) texts() Texts {
	var f textsFile
	if !l.decode(TextsFile, &f) {
		return nil
	}
	texts := make(Texts, len(f))
	for key, s := range f {
		texts[key] = Phrase{Text: strings.TrimSpace(s.Value), File: TextsFile, Line: s.Line}
	}
	for _, key := range texts.keys() {
		t := texts[key]
		if t.Text == "" {
			l.addf(TextsFile, t.Line, "missing text %q", key)
		}
		l.checkPlaceholders(TextsFile, t.Line, t.Text, key == TextHelp, true)
	}
	for _, key := range RequiredTexts {
		if _, ok := texts[key]; !ok {
			l.addf(TextsFile, 0, "missing text %q", key)
		}
	}
	return texts
}

// Text returns the text with the given key, placeholders unexpanded, or ""
// if texts.yaml does not define it.
func (t Texts) Text(key string) string {
	return t[key].Text
}

// Unknown reports, in file order, each text whose key is not in
// RequiredTexts: most likely a misspelt key, or a text no code declares
// yet. Load accepts such texts, so a text can be written before the code
// that uses it; check-content lists them as warnings.
func (t Texts) Unknown() []Problem {
	var out []Problem
	for _, key := range t.keys() {
		if !slices.Contains(RequiredTexts, key) {
			out = append(out, Problem{File: t[key].File, Line: t[key].Line,
				Msg: fmt.Sprintf("text %q is not one the bot uses: check its spelling, or declare the key in catalog.RequiredTexts", key)})
		}
	}
	return out
}

// keys returns the keys of t in the order they were written.
func (t Texts) keys() []string {
	return slices.SortedFunc(maps.Keys(t), func(a, b string) int {
		return cmp.Or(cmp.Compare(t[a].Line, t[b].Line), strings.Compare(a, b))
	})
}

func (l *loader) smalltalk() []Smalltalk {
	var f smalltalkFile
	if !l.decode(SmalltalkFile, &f) {
		return nil
	}
	want := []string{SmalltalkGreeting, SmalltalkThanks, SmalltalkGoodbye, SmalltalkHelp}
	seen := map[string]bool{}
	var out []Smalltalk
	for _, s := range f.Smalltalk {
		id := strings.TrimSpace(s.ID.Value)
		switch {
		case !slices.Contains(want, id):
			l.addf(SmalltalkFile, s.ID.Line, "unknown small-talk id %q: use one of %s", id, strings.Join(want, ", "))
			continue
		case seen[id]:
			l.addf(SmalltalkFile, s.ID.Line, "duplicate small-talk id %q", id)
			continue
		}
		seen[id] = true
		phrases := l.values(SmalltalkFile, "phrase", s.Phrases)
		if len(phrases) == 0 {
			l.addf(SmalltalkFile, s.ID.Line, "%s: needs at least one phrase", id)
		}
		out = append(out, Smalltalk{ID: id, Phrases: phrases})
	}
	for _, id := range want {
		if !seen[id] {
			l.addf(SmalltalkFile, 0, "missing small-talk intent %s", id)
		}
	}
	return out
}

func (l *loader) lexicon() Lexicon {
	var f lexiconFile
	if !l.decode(LexiconFile, &f) {
		return Lexicon{}
	}
	lex := Lexicon{Spelling: make(map[string]string, len(f.Spelling))}
	for from, to := range f.Spelling {
		from = strings.ToLower(strings.TrimSpace(from))
		switch {
		case from == "" || strings.ContainsAny(from, " \t"):
			l.addf(LexiconFile, to.Line, "spelling: %q must be a single word", from)
		case strings.TrimSpace(to.Value) == "":
			l.addf(LexiconFile, to.Line, "spelling: %q has no replacement", from)
		default:
			lex.Spelling[from] = strings.ToLower(strings.TrimSpace(to.Value))
		}
	}
	lex.OutOfScope = l.values(LexiconFile, "out_of_scope entry", f.OutOfScope)
	lex.Context = l.values(LexiconFile, "context word", f.Context)
	lex.OtherMeanings = l.values(LexiconFile, "other_meanings phrase", f.OtherMeanings)
	return lex
}

// Clinic holds the clinic details that fill the texts' placeholders. The zero
// value is valid: texts then speak of "your practitioner" and "the clinic".
type Clinic struct {
	Name  string
	Phone string
	// Location is the clinic's time zone, in which times are read and
	// told; nil means UTC.
	Location *time.Location
	// ReminderTimes are the times of day of the serum reminders, as told
	// to patients ("09:00").
	ReminderTimes []string
}

// Zone returns the clinic's time zone: Location, or UTC.
func (c Clinic) Zone() *time.Location {
	if c.Location == nil {
		return time.UTC
	}
	return c.Location
}

// Expand fills the placeholders {clinic}, {practitioner} and {contact} in text.
func (c Clinic) Expand(text string) string {
	name := strings.TrimSpace(c.Name)
	phone := strings.TrimSpace(c.Phone)
	clinic := "the clinic"
	if name != "" {
		clinic = name
	}
	contact := "your practitioner"
	if name != "" {
		contact += " at " + name
	}
	if phone != "" {
		contact += fmt.Sprintf(" on %s", phone)
	}
	return strings.NewReplacer(
		"{clinic}", clinic,
		"{practitioner}", "your practitioner",
		"{contact}", contact,
	).Replace(text)
}
