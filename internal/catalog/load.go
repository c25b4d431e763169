package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The files of a content directory.
const (
	ItemsGlob     = "items/*.yaml"
	TextsFile     = "texts.yaml"
	SmalltalkFile = "smalltalk.yaml"
	RedFlagsFile  = "redflags.yaml"
	LexiconFile   = "lexicon.yaml"
)

// Load reads and validates the content in fsys. On invalid content it returns
// a nil Catalog and a Problems error listing everything wrong, each problem
// naming its file and line.
func Load(fsys fs.FS) (*Catalog, error) {
	l := &loader{fsys: fsys}
	c := &Catalog{}
	c.Items = l.items()
	c.Texts = l.texts()
	c.Smalltalk = l.smalltalk()
	c.RedFlags = l.redFlags(c.Items)
	c.Lexicon = l.lexicon()
	if len(l.problems) > 0 {
		return nil, l.problems
	}
	return c, nil
}

type loader struct {
	fsys     fs.FS
	problems Problems
}

func (l *loader) addf(file string, line int, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

var (
	yamlLineRe     = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	unknownFieldRe = regexp.MustCompile(`^field (\S+) not found in type \S+$`)
)

// decode reads file strictly into v and reports whether it succeeded.
func (l *loader) decode(file string, v any) bool {
	b, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		l.addf(file, 0, "cannot read: %v", err)
		return false
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	err = dec.Decode(v)
	if err == nil {
		return true
	}
	if errors.Is(err, io.EOF) {
		l.addf(file, 0, "file is empty")
		return false
	}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		for _, msg := range te.Errors {
			l.addYAMLError(file, msg)
		}
		return false
	}
	l.addYAMLError(file, err.Error())
	return false
}

func (l *loader) addYAMLError(file, msg string) {
	line := 0
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if m := unknownFieldRe.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("unknown field %q", m[1])
	}
	l.addf(file, line, "%s", strings.TrimPrefix(msg, "yaml: "))
}

var idRe = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)

func (l *loader) items() []Item {
	files, err := fs.Glob(l.fsys, ItemsGlob)
	if err != nil || len(files) == 0 {
		l.addf(ItemsGlob, 0, "no item files found")
		return nil
	}
	sort.Strings(files)
	var items []Item
	ids := map[string]Phrase{}
	examples := map[string]Phrase{}
	for _, file := range files {
		var f itemsFile
		if !l.decode(file, &f) {
			continue
		}
		if len(f.Items) == 0 {
			l.addf(file, 0, "no items in file")
		}
		for _, y := range f.Items {
			it := l.item(file, y)
			if prev, ok := ids[it.ID]; ok && it.ID != "" {
				l.addf(file, it.Line, "duplicate item id %q (first defined at %s:%d)", it.ID, prev.File, prev.Line)
			}
			ids[it.ID] = Phrase{Text: it.ID, File: file, Line: it.Line}
			for _, ex := range it.Examples {
				key := foldPhrase(ex.Text)
				if prev, ok := examples[key]; ok {
					l.addf(file, ex.Line, "example %q is also listed under %s (%s:%d)", ex.Text, prev.Text, prev.File, prev.Line)
					continue
				}
				examples[key] = Phrase{Text: it.ID, File: file, Line: ex.Line}
			}
			items = append(items, it)
		}
	}
	for _, it := range items {
		for _, r := range it.Refines {
			if _, ok := ids[r]; !ok || r == it.ID {
				l.addf(it.File, it.Line, "%s refines %q, which is not another item", it.ID, r)
			}
		}
		for _, r := range it.Covers {
			if _, ok := ids[r]; !ok || r == it.ID {
				l.addf(it.File, it.Line, "%s covers %q, which is not another item", it.ID, r)
			}
		}
	}
	return items
}

func (l *loader) item(file string, y itemYAML) Item {
	line := firstLine(y.ID, y.Title, y.Answer, y.Section)
	it := Item{
		ID: strings.TrimSpace(y.ID.Value), Section: strings.TrimSpace(y.Section.Value),
		Title: strings.TrimSpace(y.Title.Value), Answer: strings.TrimSpace(y.Answer.Value),
		Keywords: l.values(file, "keyword", y.Keywords), ContextKeywords: l.values(file, "keyword", y.ContextKeywords),
		Hints: l.values(file, "hint", y.Hints), NotAbout: l.values(file, "not_about phrase", y.NotAbout),
		Refines: l.values(file, "refines id", y.Refines), Covers: l.values(file, "covers id", y.Covers),
		File: file, Line: line,
	}
	name := it.ID
	switch {
	case it.ID == "":
		l.addf(file, line, "item without an id")
		name = "item"
	case !idRe.MatchString(it.ID):
		l.addf(file, line, "item id %q: use lowercase words joined by dots, like home.bath", it.ID)
	}
	if it.Section != SectionExpect && it.Section != SectionHome {
		l.addf(file, line, "%s: section must be %q or %q", name, SectionExpect, SectionHome)
	}
	if it.Title == "" {
		l.addf(file, line, "%s: missing title", name)
	} else if n := utf8.RuneCountInString(it.Title); n > MaxTitleLen {
		l.addf(file, y.Title.Line, "%s: title is %d characters, at most %d fit a button", name, n, MaxTitleLen)
	}
	if it.Answer == "" {
		l.addf(file, line, "%s: missing answer", name)
	}
	l.placeholders(file, y.Answer.Line, it.Answer, false)
	it.Timing = l.timing(file, name, y)
	if len(it.Keywords)+len(it.ContextKeywords) == 0 {
		l.addf(file, line, "%s: needs at least one keyword", name)
	}
	for _, ex := range y.Examples {
		if t := strings.TrimSpace(ex.Value); t != "" {
			it.Examples = append(it.Examples, Phrase{Text: t, File: file, Line: ex.Line})
		} else {
			l.addf(file, ex.Line, "%s: empty example", name)
		}
	}
	return it
}

// values returns the trimmed values, reporting empty ones.
func (l *loader) values(file, what string, ss []scalar) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		t := strings.TrimSpace(s.Value)
		if t == "" {
			l.addf(file, s.Line, "empty %s", what)
			continue
		}
		out = append(out, t)
	}
	return out
}

func firstLine(ss ...scalar) int {
	for _, s := range ss {
		if s.Line > 0 {
			return s.Line
		}
	}
	return 0
}

// foldPhrase reduces a phrase to lowercase letters and digits separated by
// single spaces, so that trivially different spellings compare equal.
func foldPhrase(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	return strings.Join(f, " ")
}

// timing reads an item's timing, reporting what does not fit.
func (l *loader) timing(file, name string, y itemYAML) *Timing {
	if y.Timing == nil {
		return nil
	}
	t, line := &Timing{}, firstLine(y.Timing.During, y.Timing.Hours, y.Timing.Days)
	for _, f := range []struct {
		s   scalar
		to  *int
		max int
	}{{y.Timing.Hours, &t.Hours, 72}, {y.Timing.Days, &t.Days, 60}} {
		if v := strings.TrimSpace(f.s.Value); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > f.max {
				l.addf(file, f.s.Line, "%s: timing: %q is not a whole number from 1 to %d", name, v, f.max)
			}
			*f.to = n
		}
	}
	if t.Hours > 0 && t.Days > 0 {
		l.addf(file, line, "%s: timing: give hours or days, not both", name)
	}
	t.During, t.After = strings.TrimSpace(y.Timing.During.Value), strings.TrimSpace(y.Timing.After.Value)
	if t.During == "" {
		l.addf(file, line, "%s: timing: needs a during line", name)
	}
	l.checkPlaceholders(file, y.Timing.During.Line, t.During, false, true)
	l.checkPlaceholders(file, y.Timing.After.Line, t.After, false, true)
	return t
}
