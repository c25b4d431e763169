package catalog

import (
	"slices"
	"strings"
)

func (l *loader) redFlags(items []Item) RedFlags {
	var f redFlagsFile
	if !l.decode(RedFlagsFile, &f) {
		return RedFlags{}
	}
	rf := RedFlags{
		Item:           strings.TrimSpace(f.Item.Value),
		Negations:      l.values(RedFlagsFile, "negation", f.Negations),
		NegationsAfter: l.values(RedFlagsFile, "negation", f.NegationsAfter),
		Hypotheticals:  l.values(RedFlagsFile, "hypothetical", f.Hypotheticals),
		Ignore:         l.values(RedFlagsFile, "ignore phrase", f.Ignore),
		ThirdParty:     l.values(RedFlagsFile, "third-party cue", f.ThirdParty),
		Past:           l.values(RedFlagsFile, "past cue", f.Past),
		General:        l.values(RedFlagsFile, "general-question cue", f.General),
		OtherCauses:    l.values(RedFlagsFile, "other-cause cue", f.OtherCauses),
		Unrelated:      l.values(RedFlagsFile, "unrelated cue", f.Unrelated),
	}
	if rf.Item == "" {
		l.addf(RedFlagsFile, f.Item.Line, "missing item: the item urgent messages are filed under")
	} else if !slices.ContainsFunc(items, func(it Item) bool { return it.ID == rf.Item }) && len(items) > 0 {
		l.addf(RedFlagsFile, f.Item.Line, "item %q is not defined in %s", rf.Item, ItemsGlob)
	}
	if len(f.Flags) == 0 {
		l.addf(RedFlagsFile, 0, "no red flags defined")
	}
	for _, fl := range f.Flags {
		flag := Flag{Name: strings.TrimSpace(fl.Name.Value), Systemic: fl.Systemic, Now: fl.Now, NotCausedBy: fl.NotCausedBy}
		if flag.Name == "" {
			l.addf(RedFlagsFile, fl.Name.Line, "red flag without a name")
		}
		for _, r := range fl.Rules {
			rule, ok := ParseRule(r.Value)
			if !ok {
				l.addf(RedFlagsFile, r.Line, "rule %q: every term needs at least one word (a | b + c)", r.Value)
				continue
			}
			rule.Line = r.Line
			flag.Rules = append(flag.Rules, rule)
		}
		if len(flag.Rules) == 0 {
			l.addf(RedFlagsFile, fl.Name.Line, "red flag %q has no rules", flag.Name)
		}
		rf.Flags = append(rf.Flags, flag)
	}
	return rf
}

// ParseRule parses the rule syntax "a | b + c": terms joined by "+" must all
// appear, alternatives separated by "|" are enough for their term. It reports
// false when a term or alternative is empty.
func ParseRule(s string) (Rule, bool) {
	var r Rule
	for _, term := range strings.Split(s, "+") {
		var alts []string
		for _, alt := range strings.Split(term, "|") {
			alt = strings.Join(strings.Fields(strings.ToLower(alt)), " ")
			if alt == "" {
				return Rule{}, false
			}
			alts = append(alts, alt)
		}
		r.Terms = append(r.Terms, alts)
	}
	return r, true
}
