package catalog_test

import (
	"errors"
	"io/fs"
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
