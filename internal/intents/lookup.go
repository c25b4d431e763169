package intents

import (
	"strings"

	"github.com/sahilm/fuzzy"
)

// Lookup finds the item a short query names: an ID ("home.bath"), a title
// or part of one ("brui" → bruising), or an abbreviation matched as a
// subsequence. It reports false when nothing fits.
func (m *Matcher) Lookup(query string) (string, bool) {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return "", false
	}
	for _, it := range m.items {
		if it.ID == q || strings.ToLower(it.Title) == q {
			return it.ID, true
		}
	}
	names := make([]string, 0, 2*len(m.items))
	owner := make([]int, 0, 2*len(m.items))
	for i, it := range m.items {
		names = append(names, strings.ToLower(it.Title), it.ID)
		owner = append(owner, i, i)
	}
	if found := fuzzy.Find(q, names); len(found) > 0 {
		return m.items[owner[found[0].Index]].ID, true
	}
	if r := m.Match(query); r.Kind == KindAnswer || r.Kind == KindClarify {
		return r.Intent, true
	}
	return "", false
}
