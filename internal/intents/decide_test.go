package intents_test

import (
	"slices"
	"testing"

	"github.com/clinicbot/aftercare/internal/fixture"

	"github.com/clinicbot/aftercare/internal/catalog"
	"github.com/clinicbot/aftercare/internal/intents"
)

// twoReadings is the real content plus two made-up items that read the same
// word ("glow") through different phrases, and one with its own word.
func twoReadings(t *testing.T, th intents.Thresholds) *intents.Matcher {
	t.Helper()
	c := fixture.Catalog(t)
	c.Items = append(slices.Clone(c.Items),
		catalog.Item{ID: "test.glow_lamp", Section: catalog.SectionHome, Title: "Glow lamp", Answer: "a", Keywords: []string{"glow"}},
		catalog.Item{ID: "test.glow_gel", Section: catalog.SectionHome, Title: "Glow gel", Answer: "b", Keywords: []string{"glowing"}},
		catalog.Item{ID: "test.kettle", Section: catalog.SectionHome, Title: "Kettle", Answer: "c", Keywords: []string{"kettle"}},
	)
	return fixture.MatcherWith(t, c, th)
}

func TestDecide(t *testing.T) {
	th := intents.DefaultThresholds
	tests := []struct {
		name  string
		th    intents.Thresholds
		msg   string
		kind  intents.Kind
		items []string
		opts  []string
	}{
		{"competing readings of one word ask", th, "is glow ok", intents.KindClarify, nil, []string{"test.glow_gel", "test.glow_lamp"}},
		{"separate words answer both", th, "kettle and bath?", intents.KindAnswer, []string{"home.bath", "test.kettle"}, nil},
		{"below the answer threshold asks", intents.Thresholds{Decline: 0.3, Answer: 0.99, Margin: 0.2}, "kettle?", intents.KindClarify, nil, []string{"test.kettle"}},
		{"below the decline threshold declines", intents.Thresholds{Decline: 0.99, Answer: 0.995, Margin: 0.2}, "kettle?", intents.KindDecline, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := twoReadings(t, tc.th).Match(tc.msg)
			items, opts := slices.Clone(r.Items), r.Options()
			slices.Sort(items)
			slices.Sort(opts)
			if r.Kind != tc.kind || !slices.Equal(items, tc.items) || !slices.Equal(opts, tc.opts) {
				t.Errorf("Match(%q) = %s items %v options %v; want %s items %v options %v", tc.msg, r.Kind, r.Items, r.Options(), tc.kind, tc.items, tc.opts)
			}
		})
	}
}
