package intents

import "github.com/clinicbot/aftercare/internal/catalog"

// redFlags detects red-flag symptoms. It is built from the content's red-flag
// lexicon and is immutable.
type redFlags struct {
	names     []string // flag names
	rules     []rfRule // every rule of every flag
	terms     *phraseIndex
	negBefore *phraseIndex
	negAfter  *phraseIndex
	hypo      *phraseIndex
	ignore    *phraseIndex // phrases that are not the symptom ("hay fever")
}

type rfRule struct {
	flag  int
	terms int // number of terms; phrase owners encode (rule, term)
}

// rfWindow is the furthest apart, in words, the terms of one rule may be.
const rfWindow = 10

// rfOwner packs a rule and a term number into a phrase owner.
func rfOwner(rule, term int) int { return rule<<8 | term }

func newRedFlags(rf catalog.RedFlags, c *compiler) *redFlags {
	d := &redFlags{
		terms:     &phraseIndex{byFirst: map[string][]int32{}, byWord: true, maxGap: 1},
		negBefore: c.cueIndex(rf.Negations),
		negAfter:  c.cueIndex(rf.NegationsAfter),
		hypo:      c.cueIndex(rf.Hypotheticals),
		ignore:    c.cueIndex(rf.Ignore),
	}
	for fi, f := range rf.Flags {
		d.names = append(d.names, f.Name)
		for _, r := range f.Rules {
			ri := len(d.rules)
			d.rules = append(d.rules, rfRule{flag: fi, terms: len(r.Terms)})
			for ti, alts := range r.Terms {
				for _, alt := range alts {
					if p, ok := c.wordPhrase(alt, rfOwner(ri, ti)); ok {
						d.terms.add(p)
					}
				}
			}
		}
	}
	return d
}

// redFlagFindings is what detect found in a message.
type redFlagFindings struct {
	urgent    []string // names of the red flags the person has now
	mentioned bool     // a red flag was asked about hypothetically ("what if I get a fever")
	words     []hit    // every red-flag term, even negated
	symptom   bool     // a red flag was described, even negated ("no fever"): the message is about the body
}

type rfHit struct {
	hit
	negated      bool
	hypothetical bool
}

func (d *redFlags) detect(toks []token) redFlagFindings {
	var f redFlagFindings
	hits := d.classify(toks)
	if len(hits) == 0 {
		return f
	}
	for _, h := range hits {
		f.words = append(f.words, h.hit)
	}
	seen := map[int]bool{}
	for ri, r := range d.rules {
		f.symptom = f.symptom || d.satisfied(toks, hits, ri, r.terms, true, true)
		switch {
		case d.satisfied(toks, hits, ri, r.terms, false, false):
			if !seen[r.flag] {
				seen[r.flag] = true
				f.urgent = append(f.urgent, d.names[r.flag])
			}
		case d.satisfied(toks, hits, ri, r.terms, true, false):
			f.mentioned = true
		}
	}
	return f
}

// classify finds red-flag terms, drops negated ones and marks hypothetical ones.
func (d *redFlags) classify(toks []token) []rfHit {
	raw := d.terms.find(toks)
	if len(raw) == 0 {
		return nil
	}
	negB, negA, hypo := d.negBefore.find(toks), d.negAfter.find(toks), d.hypo.find(toks)
	ignored := make([]bool, len(toks))
	for _, h := range d.ignore.find(toks) {
		h.each(func(k int) { ignored[k] = true })
	}
	var out []rfHit
	for _, h := range raw {
		if ignored[h.start] {
			continue
		}
		negated := !d.terms.phrases[h.phrase].negative && negatedBy(toks, h, negB, negA)
		out = append(out, rfHit{hit: h, negated: negated, hypothetical: hypothetical(toks, h, hypo)})
	}
	return out
}

func negatedBy(toks []token, h hit, before, after []hit) bool {
	clause := toks[h.start].clause
	for _, c := range before {
		if c.end <= h.start && h.start-c.end < negationWindow && toks[c.start].clause == clause {
			return true
		}
	}
	for _, c := range after {
		if c.start >= h.end && c.start-h.end < negationWindow && toks[c.start].clause == clause {
			return true
		}
	}
	return false
}

func hypothetical(toks []token, h hit, cues []hit) bool {
	for _, c := range cues {
		if c.end <= h.start && toks[c.start].clause == toks[h.start].clause {
			return true
		}
	}
	return false
}

// satisfied reports whether every term of rule ri occurs in one sentence,
// within rfWindow words. Hypothetical and negated hits count only when
// allowed.
func (d *redFlags) satisfied(toks []token, hits []rfHit, ri, nterms int, allowHypo, allowNeg bool) bool {
	for _, anchor := range hits {
		if d.terms.phrases[anchor.phrase].owner != rfOwner(ri, 0) || (anchor.negated && !allowNeg) || (anchor.hypothetical && !allowHypo) {
			continue
		}
		all := true
		for ti := 1; ti < nterms && all; ti++ {
			all = false
			for _, h := range hits {
				if d.terms.phrases[h.phrase].owner == rfOwner(ri, ti) && (allowNeg || !h.negated) && (allowHypo || !h.hypothetical) &&
					toks[h.start].sentence == toks[anchor.start].sentence && abs(h.start-anchor.start) <= rfWindow {
					all = true
					break
				}
			}
		}
		if all {
			return true
		}
	}
	return false
}
