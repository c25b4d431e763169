package catalog_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/clinicbot/aftercare/content"
	"github.com/clinicbot/aftercare/internal/catalog"
)

// fixedIDs are the item IDs other tools depend on.
var fixedIDs = []string{
	"expect.redness", "expect.itching", "expect.dryness", "expect.tenderness", "expect.tightness",
	"expect.sun_sensitivity", "expect.bruising_swelling", "expect.pustules", "expect.darker_skin",
	"home.shower", "home.bath", "home.products", "home.serum_application", "home.adverse_reaction",
}

func TestEmbeddedContentIsValid(t *testing.T) {
	c, err := catalog.Load(content.FS)
	if err != nil {
		t.Fatalf("Load(embedded) = %v", err)
	}
	if len(c.Items) != len(fixedIDs) {
		t.Errorf("Load(embedded) has %d items, want %d", len(c.Items), len(fixedIDs))
	}
	for _, id := range fixedIDs {
		it, ok := c.Item(id)
		if !ok {
			t.Errorf("item %s missing", id)
			continue
		}
		if len(it.Examples) < catalog.MinExamples {
			t.Errorf("item %s has %d examples, want at least %d", id, len(it.Examples), catalog.MinExamples)
		}
		if want := map[string]string{"expect": catalog.SectionExpect, "home": catalog.SectionHome}[strings.Split(id, ".")[0]]; it.Section != want {
			t.Errorf("item %s section = %q, want %q", id, it.Section, want)
		}
	}
	if u := c.Texts.Unknown(); len(u) > 0 {
		t.Errorf("Texts.Unknown() = %v, want every built-in text declared", u)
	}
	if c.RedFlags.Item != "home.adverse_reaction" {
		t.Errorf("red-flag item = %q, want home.adverse_reaction", c.RedFlags.Item)
	}
}

// TestAnswersCarryTheSheetsFacts pins the facts of the sheet that answers
// must keep, so an edit cannot silently drop one.
func TestAnswersCarryTheSheetsFacts(t *testing.T) {
	c, err := catalog.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	facts := map[string][]string{
		"expect.redness":           {"normal", "inflammation", "collagen"},
		"expect.itching":           {"itch", "normal"},
		"expect.dryness":           {"dry", "moisture barrier", "normal", "serum or mask"},
		"expect.tenderness":        {"tender", "touch"},
		"expect.tightness":         {"tight", "straight after"},
		"expect.sun_sensitivity":   {"sensitive to sunlight", "straight after"},
		"expect.bruising_swelling": {"bruising or swelling", "rare", "doesn't go away", "{contact}"},
		"expect.pustules":          {"pustules", "{contact}", "drained", "scabs", "absorbed", "acne scarring"},
		"expect.darker_skin":       {"darker skin", "redness", "same aftercare"},
		"home.shower":              {"shower", "too warm", "sensitive"},
		"home.bath":                {"don't take a bath", "contamination", "blocked drains"},
		"home.products":            {"8 hours", "aftercare serum", "absorb", "toxic"},
		"home.serum_application":   {"6–8 drops", "wet hands", "don't use tap water", "massage", "twice a day", "1 week"},
		"home.adverse_reaction":    {"reaction", "{contact}", "seek medical attention"},
	}
	for id, want := range facts {
		it, _ := c.Item(id)
		for _, f := range want {
			if !strings.Contains(strings.ToLower(it.Answer), strings.ToLower(f)) {
				t.Errorf("answer of %s lacks %q: %q", id, f, it.Answer)
			}
		}
	}
}

// withFile returns the embedded content with one file replaced or added.
func withFile(t *testing.T, name, body string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(content.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".yaml") {
			return err
		}
		b, err := fs.ReadFile(content.FS, path)
		m[path] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	m[name] = &fstest.MapFile{Data: []byte(body)}
	return m
}

const item = `items:
  - id: home.bath
    section: At home
    title: Baths
    answer: No baths.
    keywords: [bath]
    examples:
      - can i have a bath
`

func TestLoadReportsProblemsWithFileAndLine(t *testing.T) {
	tests := []struct {
		name string
		file string
		body string
		want string
	}{
		{"unknown field", "items/x.yaml", item + "    colour: blue\n", "items/x.yaml:9: unknown field \"colour\""},
		{"missing answer", "items/x.yaml", strings.Replace(item, "    answer: No baths.\n", "", 1), "items/x.yaml:2: home.bath: missing answer"},
		{"missing title", "items/x.yaml", strings.Replace(item, "    title: Baths\n", "", 1), "items/x.yaml:2: home.bath: missing title"},
		{"title too long", "items/x.yaml", strings.Replace(item, "Baths", "Baths, tubs, soaks and all the rest", 1), "items/x.yaml:4: home.bath: title is 35 characters"},
		{"bad section", "items/x.yaml", strings.Replace(item, "At home", "Elsewhere", 1), "home.bath: section must be"},
		{"duplicate id", "items/x.yaml", item, "items/x.yaml:2: duplicate item id \"home.bath\" (first defined at items/at-home.yaml"},
		{"example under two items", "items/x.yaml", strings.Replace(strings.Replace(item, "home.bath", "home.tub", 1), "can i have a bath", "Can I have a bath tonight?", 1), "items/x.yaml:8: example \"Can I have a bath tonight?\" is also listed under home.bath"},
		{"empty file", "items/x.yaml", "", "items/x.yaml: file is empty"},
		{"only comments", "texts.yaml", "# nothing here\n", "texts.yaml: file is empty"},
		{"no keywords", "items/x.yaml", strings.Replace(strings.Replace(item, "home.bath", "home.tub", 1), "    keywords: [bath]\n", "", 1), "home.tub: needs at least one keyword"},
		{"unknown placeholder", "items/x.yaml", strings.Replace(strings.Replace(item, "home.bath", "home.tub", 1), "No baths.", "Call {doctor}.", 1), "unknown placeholder {doctor}"},
		{"covers unknown item", "items/x.yaml", strings.Replace(strings.Replace(item, "home.bath", "home.tub", 1), "    keywords: [bath]\n", "    keywords: [tub]\n    covers: [home.nope]\n", 1), "home.tub covers \"home.nope\", which is not another item"},
		{"broken yaml", "lexicon.yaml", "spelling: [unclosed\n", "lexicon.yaml:"},
		{"bad rule", "redflags.yaml", "item: home.adverse_reaction\nflags:\n  - name: fever\n    rules:\n      - fever | + chills\n", "redflags.yaml:5: rule \"fever | + chills\""},
		{"red-flag item unknown", "redflags.yaml", "item: home.nope\nflags:\n  - name: fever\n    rules: [fever]\n", "redflags.yaml:1: item \"home.nope\" is not defined"},
		{"missing text", "texts.yaml", "welcome: hi\n", "missing text \"decline\""},
		{"unknown small talk", "smalltalk.yaml", "smalltalk:\n  - id: smalltalk.joke\n    phrases: [joke]\n", "smalltalk.yaml:2: unknown small-talk id \"smalltalk.joke\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := catalog.Load(withFile(t, tc.file, tc.body))
			var ps catalog.Problems
			if !errors.As(err, &ps) || c != nil {
				t.Fatalf("Load() = %v, %v; want Problems", c, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load() error =\n%v\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	m := withFile(t, "items/x.yaml", "items:\n  - id: a.b\n    section: x\n  - id: BAD\n    title: t\n    answer: a\n    keywords: [k]\n    section: At home\n")
	_, err := catalog.Load(m)
	var ps catalog.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load() = %v, want Problems", err)
	}
	if len(ps) < 5 {
		t.Errorf("Load() found %d problems, want every one (section, title, answer, keywords, id format): %v", len(ps), err)
	}
}

func TestClinicExpand(t *testing.T) {
	const text = "Contact {contact}. {clinic} cares. Ask {practitioner}."
	tests := []struct {
		clinic catalog.Clinic
		want   string
	}{
		{catalog.Clinic{}, "Contact your practitioner. the clinic cares. Ask your practitioner."},
		{catalog.Clinic{Name: "Glow Skin"}, "Contact your practitioner at Glow Skin. Glow Skin cares. Ask your practitioner."},
		{catalog.Clinic{Phone: "01234 567890"}, "Contact your practitioner on 01234 567890. the clinic cares. Ask your practitioner."},
		{catalog.Clinic{Name: "Glow Skin", Phone: "01234 567890"}, "Contact your practitioner at Glow Skin on 01234 567890. Glow Skin cares. Ask your practitioner."},
	}
	for _, tc := range tests {
		if got := tc.clinic.Expand(text); got != tc.want {
			t.Errorf("%+v.Expand() = %q, want %q", tc.clinic, got, tc.want)
		}
	}
}

func TestParseRule(t *testing.T) {
	r, ok := catalog.ParseRule("Swelling | swollen + Worse |  getting   bigger ")
	if !ok || len(r.Terms) != 2 || strings.Join(r.Terms[0], ",") != "swelling,swollen" || strings.Join(r.Terms[1], ",") != "worse,getting bigger" {
		t.Errorf("ParseRule() = %+v, %v", r, ok)
	}
	for _, bad := range []string{"", "a |", "+ b", "a + | b"} {
		if _, ok := catalog.ParseRule(bad); ok {
			t.Errorf("ParseRule(%q) ok, want refused", bad)
		}
	}
}

// textsYAML returns a texts.yaml defining every required text on its own
// line, in the order of RequiredTexts, with the given texts replaced (a
// missing value drops the key) and the rest of extra appended.
func textsYAML(replace map[string]string, extra string) string {
	var b strings.Builder
	for _, key := range catalog.RequiredTexts {
		text, ok := replace[key]
		switch {
		case !ok:
			text = "The " + key + " text."
		case text == "-":
			continue
		}
		fmt.Fprintf(&b, "%s: %q\n", key, text)
	}
	return b.String() + extra
}

func TestLoadTexts(t *testing.T) {
	line := func(key string) int { return slices.Index(catalog.RequiredTexts, key) + 1 }
	n := len(catalog.RequiredTexts)
	tests := []struct {
		name     string
		texts    string
		wantErr  string   // a problem Load reports; "" if the texts load
		key      string   // if they load, Text(key) must be want
		want     string   //
		warnings []string // and Unknown must report these
	}{
		{"all required", textsYAML(nil, ""), "", catalog.TextDecline, "The decline text.", nil},
		{"missing required text", textsYAML(map[string]string{catalog.TextDecline: "-"}, ""), `texts.yaml: missing text "decline"`, "", "", nil},
		{"empty required text", textsYAML(map[string]string{catalog.TextUrgent: " "}, ""), fmt.Sprintf(`texts.yaml:%d: missing text "urgent"`, line(catalog.TextUrgent)), "", "", nil},
		{"unknown placeholder", textsYAML(map[string]string{catalog.TextWelcome: "Hi from {doctor}."}, ""), fmt.Sprintf("texts.yaml:%d: unknown placeholder {doctor}", line(catalog.TextWelcome)), "", "", nil},
		{"topics outside help", textsYAML(map[string]string{catalog.TextDecline: "Try {topics}."}, ""), fmt.Sprintf("texts.yaml:%d: unknown placeholder {topics}", line(catalog.TextDecline)), "", "", nil},
		{"topics in help", textsYAML(map[string]string{catalog.TextHelp: "I know:\n{topics}"}, ""), "", catalog.TextHelp, "I know:\n{topics}", nil},
		{"unknown placeholder in a new text", textsYAML(nil, "also_asked: Ask {doctor}.\n"), fmt.Sprintf("texts.yaml:%d: unknown placeholder {doctor}", n+1), "", "", nil},
		{"text that is a list", textsYAML(nil, "also_asked: [a, b]\n"), fmt.Sprintf("texts.yaml:%d: expected text, found a list", n+1), "", "", nil},
		{"duplicate key", textsYAML(nil, "welcome: Hi again.\n"), fmt.Sprintf(`texts.yaml:%d: mapping key "welcome" already defined`, n+1), "", "", nil},
		{"unknown key", textsYAML(nil, "welcom: Hello.\n"), "", "welcom", "Hello.",
			[]string{fmt.Sprintf(`texts.yaml:%d: text "welcom" is not one the bot uses`, n+1)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := catalog.Load(withFile(t, catalog.TextsFile, tc.texts))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("Load() error =\n%v\nwant it to contain %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Load() = %v", err)
			}
			if got := c.Texts.Text(tc.key); got != tc.want {
				t.Errorf("Text(%q) = %q, want %q", tc.key, got, tc.want)
			}
			var warnings []string
			for _, p := range c.Texts.Unknown() {
				warnings = append(warnings, p.String())
			}
			if len(warnings) != len(tc.warnings) {
				t.Fatalf("Unknown() = %q, want %d warnings like %q", warnings, len(tc.warnings), tc.warnings)
			}
			for i, w := range warnings {
				if !strings.HasPrefix(w, tc.warnings[i]) {
					t.Errorf("Unknown()[%d] = %q, want it to start %q", i, w, tc.warnings[i])
				}
			}
		})
	}
}

// TestNewTextNeedsNoCode adds a text to a copy of the content on disk, as a
// clinic would with CONTENT_DIR, and reads it by its key.
func TestNewTextNeedsNoCode(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, content.FS); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, catalog.TextsFile)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, "\nopening_hours: |-\n  {clinic} is open 9 to 5. Out of hours, contact {contact}.\n"...)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Load(os.DirFS(dir))
	if err != nil {
		t.Fatalf("Load() = %v", err)
	}
	const want = "{clinic} is open 9 to 5. Out of hours, contact {contact}."
	if got := c.Texts.Text("opening_hours"); got != want {
		t.Errorf("Text(%q) = %q, want %q", "opening_hours", got, want)
	}
	if got := c.Texts.Text(catalog.TextWelcome); !strings.HasPrefix(got, "Hello!") {
		t.Errorf("Text(%q) = %q, want the built-in welcome", catalog.TextWelcome, got)
	}
}
