package intents

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/clinicbot/aftercare/internal/catalog"
)

// redFlags detects red-flag symptoms. It is built from the content's red-flag
// lexicon and is immutable.
type redFlags struct {
	names []string // flag names: the kinds of sign
	// systemic, by flag: a whole-body sign a cause after "but" explains.
	systemic []bool
	now      []bool // by flag: about now whatever is booked (catalog.Flag.Now)
	// notCausedBy, by flag: words of a cause cue that do not explain the
	// flag's sign (redflags.yaml's not_caused_by), or nil.
	notCausedBy []map[string]struct{}
	rules       []rfRule // every rule of every flag
	// ruleSlot numbers every rule term densely: term ti of rule ri is
	// slot ruleSlot[ri]+ti, of slots in all; termIndex is kept by slot.
	ruleSlot []int32
	slots    int
	// term holds, by term phrase, what detect reads of it: one sign word
	// stands for hundreds of terms, whose phrases lie far apart.
	term  []termInfo
	terms *phraseIndex
	// distinct holds each term phrase of terms once, whatever the number
	// of rules it belongs to ("red" begins dozens), and members, by its
	// phrase number, the terms phrases it stands for: detect matches
	// each distinct phrase once.
	distinct *phraseIndex
	members  [][]int32
	// daysPhrase, by a count of days, is the distinct phrase "N days" of
	// the "{days N}" terms: what a count by weekday stands for.
	daysPhrase map[int]int32
	cues       [numCues]*phraseIndex
}

// termInfo is what detect reads of a term phrase, twelve bytes a term.
type termInfo struct {
	owner    int32 // rfOwner(rule, term)
	slot     int32 // the rule term's slot (ruleSlot)
	flag     int16
	negative bool // the phrase's negative
	// duration marks how long since the treatment ("day 11", "ten days",
	// "two weeks"): said anywhere in a message, it dates every sign in it
	// ("Day 12. Red patches are still there").
	duration bool
}

type rfRule struct {
	flag  int
	terms int // number of terms; phrase owners encode (rule, term)
	line  int // in redflags.yaml
}

// cueKind is one list of cue phrases of redflags.yaml.
type cueKind int

const (
	cueNegBefore cueKind = iota // "no", "not", "nothing"
	cueNegAfter                 // "gone", "settled"
	cueHypo                     // "what if", "in case"
	cueGeneral                  // "how common", "what does"
	cuePast                     // "years ago", "last time"
	cueThird                    // "my son", "someone"
	cueCause                    // "from a cold"
	cueIgnore                   // "hay fever": not the symptom at all
	cueUnrelated                // "nothing to do with the treatment"
	numCues
)

// mood is how a red-flag term is meant: the person has it now, or not.
// Lower moods win when a rule's terms disagree.
type mood uint8

const (
	moodPresent      mood = iota // the person has it now: urgent
	moodHypothetical             // "what if I get a fever": about reactions, not urgent
	moodGeneral                  // a general question: "how common are blisters"
	moodPast                     // over: "I had hives years ago"
	moodThirdParty               // someone else's: "my son has a fever"
	moodOtherCause               // explained otherwise: "a fever from my cold"
	moodNegated                  // "no fever", "the swelling has gone"
)

var moodNames = [...]string{"fired", "hypothetical", "general question", "past", "someone else's",
	"another cause", "negated"}

func (m mood) String() string { return moodNames[m] }

// rfOwner packs a rule and a term number into a phrase owner.
func rfOwner(rule, term int) int { return rule<<8 | term }

func newRedFlags(rf catalog.RedFlags, c *compiler) *redFlags {
	d := &redFlags{terms: &phraseIndex{byFirst: map[string][]int32{}, byWord: true, maxGap: 1}}
	for k, cues := range [numCues][]string{rf.Negations, rf.NegationsAfter, rf.Hypotheticals, rf.General,
		rf.Past, rf.ThirdParty, rf.OtherCauses, rf.Ignore, rf.Unrelated} {
		d.cues[k] = c.cueIndex(cues)
	}
	for fi, f := range rf.Flags {
		d.names = append(d.names, f.Name)
		d.systemic = append(d.systemic, f.Systemic)
		d.now = append(d.now, f.Now)
		var not map[string]struct{}
		if len(f.NotCausedBy) > 0 {
			not = toSet(strings.Join(f.NotCausedBy, " "))
		}
		d.notCausedBy = append(d.notCausedBy, not)
		for _, r := range f.Rules {
			ri := len(d.rules)
			d.rules = append(d.rules, rfRule{flag: fi, terms: len(r.Terms), line: r.Line})
			d.ruleSlot = append(d.ruleSlot, int32(d.slots))
			d.slots += len(r.Terms)
			for ti, alts := range r.Terms {
				for _, alt := range alts {
					texts, dated := []string{alt}, false
					if n, ok := daysMacro(alt); ok {
						texts, dated = daysSince(n), true
					}
					for _, text := range texts {
						if p, ok := c.wordPhrase(text, rfOwner(ri, ti)); ok {
							p.dated = dated
							d.terms.add(p)
						}
					}
				}
			}
		}
	}
	d.terms.index(c.ids)
	d.distinct = &phraseIndex{byFirst: map[string][]int32{}, byWord: true, maxGap: d.terms.maxGap}
	group := map[string]int32{}
	for id, p := range d.terms.phrases {
		key := fmt.Sprint(p.exact, p.words)
		g, ok := group[key]
		if !ok {
			g = int32(len(d.members))
			group[key] = g
			d.members = append(d.members, nil)
			d.distinct.add(p)
		}
		d.members[g] = append(d.members[g], int32(id))
	}
	d.distinct.index(c.ids)
	d.daysPhrase = map[int]int32{}
	for g, p := range d.distinct.phrases {
		var k int
		if n, err := fmt.Sscanf(p.text, "%d days", &k); err == nil && n == 1 && p.text == fmt.Sprintf("%d days", k) &&
			slices.ContainsFunc(d.members[g], func(id int32) bool { return d.terms.phrases[id].dated }) {
			d.daysPhrase[k] = int32(g)
		}
	}
	d.term = make([]termInfo, len(d.terms.phrases))
	for id, p := range d.terms.phrases {
		d.term[id] = termInfo{owner: int32(p.owner), slot: d.ruleSlot[p.owner>>8] + int32(p.owner&0xff),
			flag: int16(d.rules[p.owner>>8].flag), negative: p.negative,
			duration: p.owner&0xff > 0 && (p.dated || tellsDuration(p.text))}
	}
	return d
}

// tellsDuration reports whether a term says that ten days or more have
// passed since the treatment: "day 11", "10 days", "two weeks", "a
// fortnight".
func tellsDuration(text string) bool {
	w := strings.Fields(text)
	count := func(s string) int {
		if n, err := strconv.Atoi(s); err == nil {
			return n
		}
		return numberWords[s]
	}
	switch {
	case len(w) == 2 && (w[0] == "day" || w[1] == "days"):
		return count(w[len(w)-1-btoi(w[1] == "days")]) >= 10
	case len(w) == 2 && w[1] == "weeks":
		return count(w[0]) >= 2
	}
	return text == "fortnight" || text == "a fortnight" || strings.HasSuffix(text, "week and a half")
}

// numberWords spell the counts a duration may take.
var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15}

// ordinalWords spell the days a duration may count: "the fourth day".
var ordinalWords = [...]string{3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth",
	9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth", 14: "fourteenth"}

// daysMacro reads a rule term written "{days N}": N days or more since the
// treatment, however the message counts them.
func daysMacro(alt string) (int, bool) {
	rest, ok := strings.CutPrefix(alt, "{days ")
	if !ok || !strings.HasSuffix(rest, "}") {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSuffix(rest, "}"))
	return n, err == nil && n >= 2 && n <= 14
}

// thirdPronouns point back to someone already named: "her face last year"
// is still the one the sign was told of.
var thirdPronouns = toSet(`he she him her his hers they them their theirs`)

// weekdays number the days of the week as people write them.
var weekdays = map[string]int{"monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "weds": 3, "wed": 3,
	"thursday": 4, "thurs": 4, "thur": 4, "thu": 4, "friday": 5, "fri": 5, "saturday": 6, "sunday": 7}

// weekdayCount adds to found, for a message that counts days by weekday
// ("messaged on Tuesday… it's Saturday now"), the "{days N}" phrase of
// the days between, on the word of today, so that it dates the signs as
// "4 days" would.
func (d *redFlags) weekdayCount(toks []token, found []hit) []hit {
	then, now, last := 0, -1, false
	for k, t := range toks {
		day, ok := weekdays[t.word]
		if !ok {
			continue
		}
		prev := func(n int) string {
			if k-n >= 0 {
				return toks[k-n].word
			}
			return ""
		}
		next := ""
		if k+1 < len(toks) && toks[k+1].sentence == t.sentence {
			next = toks[k+1].word
		}
		switch {
		case next == "now" || next == "today" || prev(1) == "is" && (prev(2) == "it" || prev(2) == "today") || prev(1) == "now" && prev(2) == "is":
			now = k
		case prev(1) == "on" || prev(1) == "since" || prev(1) == "from" || prev(1) == "last" || prev(1) == "done" || prev(1) == "treated":
			then, last = day, prev(1) == "last"
		}
	}
	if then == 0 || now < 0 {
		return found
	}
	span := (weekdays[toks[now].word] - then + 7) % 7
	if span == 0 && last {
		span = 7
	}
	id, ok := d.daysPhrase[span]
	if !ok {
		return found
	}
	h := hit{phrase: id, start: now, end: now + 1, words: 1}
	at := len(found)
	for i, f := range found {
		if f.start > now || f.start == now && f.phrase > id {
			at = i
			break
		}
	}
	return slices.Insert(found, at, h)
}

// daysSince spells "n days or more since the treatment" as the phrases
// people count them in, up to three weeks: "day 5", "day five", "5 days",
// "five days", "the fifth day", "a week", "week 2", "a fortnight". Said anywhere in a message, each dates every sign in it.
func daysSince(n int) []string {
	var out []string
	spelled := map[int]string{}
	for w, k := range numberWords {
		spelled[k] = w
	}
	for k := n; k <= 21; k++ {
		out = append(out, fmt.Sprintf("day %d", k), fmt.Sprintf("%d days", k))
		if w, ok := spelled[k]; ok {
			out = append(out, "day "+w, w+" days")
		}
		if k < len(ordinalWords) && ordinalWords[k] != "" {
			out = append(out, ordinalWords[k]+" day")
		}
		out = append(out, fmt.Sprintf("%d day", k)) // "the 5th day", read as "the 5 day"
	}
	if n <= 7 {
		out = append(out, "a week", "one week", "1 week", "a whole week", "whole week", "over a week", "week now")
	}
	return append(out, "2 weeks", "two weeks", "3 weeks", "three weeks", "fortnight", "week and a half",
		"week 2", "week two", "week 3", "week three", "second week", "third week")
}

// termHits turns the distinct phrases found in a message into every
// occurrence of every term phrase, as terms.find would find them, in its
// order (by start, then phrase number); none that start on a word skip
// marks. keys is room for the numbers it sorts, returned for reuse.
func (d *redFlags) termHits(found []hit, skip []bool, buf []rfHit, keys []uint64) ([]rfHit, []uint64) {
	n := 0
	for _, h := range found {
		n += len(d.members[h.phrase])
	}
	hits := slices.Grow(buf[:0], n)
	for i := 0; i < len(found); {
		// find gives hits by start: each start's members, in phrase order.
		j := i
		for j < len(found) && found[j].start == found[i].start {
			j++
		}
		if skip[found[i].start] {
			i = j
			continue
		}
		if j-i == 1 {
			h := found[i]
			for _, id := range d.members[h.phrase] {
				h.phrase = id
				hits = append(hits, rfHit{hit: h})
			}
			i = j
			continue
		}
		// Several phrases start here: their members, merged in phrase
		// order through numbers that pack a member (high half) and its
		// found hit (low half).
		keys = keys[:0]
		for f := i; f < j; f++ {
			for _, id := range d.members[found[f].phrase] {
				keys = append(keys, uint64(id)<<32|uint64(f))
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			h := found[uint32(k)]
			h.phrase = int32(k >> 32)
			hits = append(hits, rfHit{hit: h})
		}
		i = j
	}
	return hits, keys
}

// fewCounts are counts of spots small enough to be the sheet's rare small
// pustules, which the practitioner drains, rather than a discharge: "two
// tiny pus spots", "a couple of little pus heads".
var fewCounts = toSet(`one single 1 two 2 three 3 couple pair`)

// pusSpotWords name a spot that "pus" only describes.
var pusSpotWords = toSet(`spot spots head heads headed pimple pimples bump bumps filled`)

// manySpots say the spots are more than a few after all.
var manySpots = toSet(`loads lots dozen dozens more spreading spread everywhere multiplying`)

// spotSizes may stand between a count and "pus": "3 tiny white pus spots".
var spotSizes = toSet(`little small tiny white yellow yellowish of`)

// fewPusSpots marks, in skip, the "pus" of a small count of pus spots: a
// handful of pustules is the sheet's expect.pustules, not a discharge.
// Pus coming out, many spots, or sore or spreading ones are still red flags
// by their own words.
func fewPusSpots(toks []token, skip []bool) {
	for k := range toks {
		if toks[k].is(classManySpots) && !(k > 0 && toks[k-1].is(classNegation)) {
			return // "just 2 yesterday and now there's loads", but not "a few, not spreading"
		}
	}
	for k := range toks {
		if w := toks[k].word; (w != "pus" && w != "puss") || k+1 >= len(toks) || !toks[k+1].is(classPusSpot) {
			continue
		}
		j := k - 1
		for j >= 0 && k-j <= 3 && toks[j].is(classSpotSize) {
			j--
		}
		if j >= 0 && toks[j].is(classFewCount) || fewSaidAfter(toks, k+2) {
			skip[k] = true
		}
	}
}

// fewSaidAfter reports whether the words from k on, close by, count the
// spots as few: "little pus spots? there's only 2 of them".
func fewSaidAfter(toks []token, k int) bool {
	for j := k; j < len(toks)-1 && j < k+8; j++ {
		if (toks[j].word == "only" || toks[j].word == "just") && (has(fewCounts, toks[j+1].word) || toks[j+1].word == "a" && j+2 < len(toks) && toks[j+2].word == "handful") {
			return true
		}
	}
	return false
}

// redFlagFindings is what detect found in a message.
type redFlagFindings struct {
	urgent    []string // names of the red flags the person has now
	mentioned bool     // a red flag was asked about hypothetically ("what if I get a fever"), or someone else had it after the treatment
	asked     bool     // a red flag was asked about in general ("can microneedling give you cold sores?")
	// othersOnly: every mention is someone else's sign after their
	// treatment ("my mate's face blew up after hers"), none a hypothetical
	// or a general question.
	othersOnly bool
	terms      []rfHit // every red-flag term, even negated
	symptom    bool    // a red flag was described, even negated ("no fever"): the message is about the body
	rules      []ruleFinding
	scratch    *detectScratch // holds terms; release gives it back
}

// detectScratch is the working memory of one detect call, reused through
// detectPool: a message with "red" in it stands for dozens of term hits,
// which were a third of the bytes a match allocated.
type detectScratch struct {
	hits    []rfHit
	ignored []bool
	nums    []int32
	keys    []uint64
	// By rule-term slot: the message (gen) that last touched it, and where
	// its hits start in nums and how many there are; touched lists the
	// slots this message touched. Stamping saves clearing them each time.
	gen          uint32
	stamp        []uint32
	start, count []int32
	touched      []int32
	found        []hit
	cues         [numCues][]hit
}

var detectPool = sync.Pool{New: func() any { return new(detectScratch) }}

// maxScratch is the most term hits a scratch keeps for the next message:
// a huge message's buffers are left to the collector.
const maxScratch = 4096

// release hands f's working memory back for the next message; f.terms is
// invalid after it.
func (f *redFlagFindings) release() {
	s := f.scratch
	if s == nil {
		return
	}
	f.scratch, f.terms = nil, nil
	if cap(s.hits) <= maxScratch {
		detectPool.Put(s)
	}
}

// ruleFinding is one rule whose terms all occur, and how they are meant.
type ruleFinding struct {
	rule  int
	mood  mood
	words []rfHit
}

type rfHit struct {
	hit
	mood mood
	cue  hit // the cue that set the mood, when not present
}

func (d *redFlags) detect(toks []token) redFlagFindings {
	var f redFlagFindings
	// Each distinct term phrase is matched once: "red" begins dozens of
	// rules' terms.
	s := detectPool.Get().(*detectScratch)
	f.scratch = s
	found := d.distinct.appendFind(s.found[:0], toks)
	if len(found) > 0 {
		found = d.weekdayCount(toks, found)
	}
	s.found = found
	if len(found) == 0 {
		return f
	}
	ignored := slices.Grow(s.ignored[:0], len(toks))[:len(toks)]
	clear(ignored)
	s.ignored = ignored
	s.cues[cueIgnore] = d.cues[cueIgnore].appendFind(s.cues[cueIgnore][:0], toks)
	for _, h := range s.cues[cueIgnore] {
		h.each(func(k int) { ignored[k] = true })
	}
	fewPusSpots(toks, ignored)
	hits, keys := d.termHits(found, ignored, s.hits, s.keys)
	s.hits, s.keys = hits, keys
	if len(hits) == 0 {
		return f
	}
	f.terms = hits
	// Most messages with a red-flag word have no rule whose terms all
	// occur: read the cues only when one does.
	// Only a rule whose first term occurs can be satisfied.
	var possible []int
	terms := d.indexTerms(hits, s)
	for _, h := range hits {
		if o := int(d.term[h.phrase].owner); o&0xff == 0 && !slices.Contains(possible, o>>8) {
			if d.satisfiable(toks, hits, terms, o>>8, d.rules[o>>8].terms) {
				possible = append(possible, o>>8)
			}
		}
	}
	slices.Sort(possible)
	if len(possible) == 0 {
		return f
	}
	d.classify(toks, hits, s)
	seen := map[int]bool{}
	var hypothetical, others bool
	for _, ri := range possible {
		r := d.rules[ri]
		rf, ok := d.satisfied(toks, hits, terms, ri, r.terms)
		if !ok {
			continue // satisfiable reaches further than satisfied's chain
		}
		f.rules = append(f.rules, rf)
		f.symptom = true
		switch rf.mood {
		case moodPresent:
			if !seen[r.flag] {
				seen[r.flag] = true
				f.urgent = append(f.urgent, d.names[r.flag])
			}
		case moodHypothetical:
			f.mentioned = true
			hypothetical = true
		case moodGeneral:
			for _, w := range rf.words {
				if w.mood == moodGeneral && !definition(toks, w.cue) {
					f.asked = true
					// "is it something to worry about?", "is it a risk?",
					// "a side effect?" ask whether the sign is a reaction
					f.mentioned = f.mentioned || has(reactionAsks, toks[w.cue.start].word)
				}
			}
		case moodThirdParty:
			// Someone else's sign after the same treatment is a question
			// about reactions: "my friend got pus after hers".
			others = others || afterTreatment(toks) || asksAgain(toks)
			f.mentioned = f.mentioned || afterTreatment(toks) || asksAgain(toks)
		case moodPast:
			// A sign over, and a question whether it comes back: "had hives
			// after a peel years ago; if that happens again, what do I do?"
			f.mentioned = f.mentioned || asksAgain(toks)
		}
	}
	f.othersOnly = others && !hypothetical && !f.asked
	return f
}

// classify decides how each red-flag term is meant, in place.
func (d *redFlags) classify(toks []token, hits []rfHit, s *detectScratch) {
	var cues [numCues][]hit
	for k, ix := range d.cues {
		if cueKind(k) != cueIgnore {
			s.cues[k] = ix.appendFind(s.cues[k][:0], toks)
			cues[k] = s.cues[k]
		}
	}
	// A negation inside a term ("can't open", "won't stop") is the sign
	// itself and negates nothing else.
	// But a negated verb that takes a sign as its object, in a rule not
	// found whole, negates it: "not seeing any blisters" is no "can't see"
	// rule.
	var inTermBuf [wordRoom]bool
	inTerm := zeroed(inTermBuf[:], len(toks))
	for _, h := range hits {
		if t := d.term[h.phrase]; t.negative && (!takesObject(toks, h.hit) || d.allTermsFound(hits, int(t.owner>>8))) {
			h.each(func(k int) { inTerm[k] = true })
		}
	}
	// A cause inside a sign is part of it: "a cold" of "a cold sore".
	cues[cueCause] = slices.DeleteFunc(cues[cueCause], func(c hit) bool {
		return slices.ContainsFunc(hits, func(h rfHit) bool {
			o := int(d.term[h.phrase].owner)
			return o&0xff == 0 && d.rules[o>>8].terms == 1 && c.start < h.end && h.start < c.end
		})
	})
	// A settling word inside a longer sign settles nothing: the "gone" of
	// "gone down my neck".
	cues[cueNegAfter] = slices.DeleteFunc(cues[cueNegAfter], func(c hit) bool {
		return slices.ContainsFunc(hits, func(h rfHit) bool {
			return h.start <= c.start && c.end <= h.end && h.end-h.start > c.end-c.start
		})
	})
	// Someone treated at another clinic is not the patient: "my friend had
	// hers done at a different place".
	proxy := writesForPatient(toks, namesSomeone(toks, cues[cueThird])) && !elsewhere(toks)
	// Terms of many rules share their words ("swelling" begins dozens):
	// the mood depends only on the words, whether the term is negative and
	// whether its flag is systemic, so each such term is read once.
	type moodKey struct {
		start, end         int
		words              uint32
		negative, systemic bool
		ownCauses          int // the flag, when it has not_caused_by and a cause is told; else -1
	}
	// not_caused_by matters only where a cause is told: elsewhere the
	// terms of every flag on the same words share one reading.
	causes := len(cues[cueCause]) > 0
	var memo [32]struct {
		key moodKey
		rf  rfHit
	}
	known := 0
	for i := range hits {
		h := hits[i].hit
		flag := d.flagOf(h)
		own := -1
		if causes && d.notCausedBy[flag] != nil {
			own = flag
		}
		key := moodKey{h.start, h.end, h.words, d.term[h.phrase].negative, d.systemic[flag], own}
		found := false
		for _, e := range memo[:known] {
			if e.key == key {
				hits[i] = rfHit{hit: h, mood: e.rf.mood, cue: e.rf.cue}
				found = true
				break
			}
		}
		if found {
			continue
		}
		hits[i] = d.moodOf(toks, h, &cues, inTerm, proxy)
		if known < len(memo) {
			memo[known].key, memo[known].rf = key, hits[i]
			known++
		}
	}
	negateLists(toks, hits)
	deniedAll(toks, hits)
	if ask, ok := beforeTreatment(toks); ok {
		for i := range hits {
			if hits[i].mood == moodPresent && !d.now[d.flagOf(hits[i].hit)] {
				// "cancel my appointment, I'm in A&E" is about now, whatever is booked
				hits[i].mood, hits[i].cue = moodOtherCause, ask
			}
		}
	}
}

// beforeTreatment reports whether a message asks whether to keep an
// appointment still to come ("I've got a cold sore, my appointment's on
// Thursday, should I move it?") and tells of no treatment had: its signs
// are not the treatment's. It returns the words that ask.
func beforeTreatment(toks []token) (hit, bool) {
	ask, booked := hit{start: -1}, false
	for k, t := range toks {
		next := func(n int) string { return wordAt(toks, k+n) }
		switch {
		case has(treatedAlready, t.word), t.word == "day" && isNumber(next(1)), t.word == "had" && next(1) == "it",
			t.word == "treatment" && k > 0 && !has(comingTreatment, toks[k-1].word),
			(t.word == "needling" || t.word == "microneedling") && k > 0 && (has(pastNeedling, toks[k-1].word) || weekdays[toks[k-1].word] > 0),
			(t.word == "first" || t.word == "last") && next(1) == "one":
			return hit{}, false // "since the treatment", "day 3", "had it done", "Friday treatment", "the first one left me with…"
		case t.word == "appointment" || t.word == "appt" || t.word == "booking" || t.word == "booked" || t.word == "book",
			t.word == "week" && k > 0 && toks[k-1].word == "next",
			t.word == "treatment" && next(1) == "tomorrow":
			booked = true // "my appointment's on Thursday", "can I still book", "the treatment next week", "her treatment tomorrow"
		}
		if ask.start >= 0 {
			continue
		}
		switch {
		case t.word == "still" && (next(1) == "come" || next(1) == "go" && next(2) == "ahead" || next(1) == "book" ||
			(next(1) == "do" || next(1) == "have") && (next(2) == "the" || next(2) == "my" || next(2) == "it") ||
			next(1) == "can" && next(2) == "come" || next(1) == "be" && (next(2) == "ok" || next(2) == "okay") && next(3) == "to" && next(4) == "have"),
			t.word == "move" && (next(1) == "it" || next(1) == "my"),
			t.word == "cancel" || t.word == "reschedule" || t.word == "postpone" || t.word == "rebook" || t.word == "cancellation",
			t.word == "make" && (next(1) == "it" || next(1) == "my" || next(1) == "tomorrow" || next(1) == "the"):
			ask = hit{start: k, end: k + 1, words: 1}
		}
	}
	return ask, ask.start >= 0 && booked
}

// pastNeedling, before "needling", tell one had: "had needling on
// Tuesday", "last week's needling".
var pastNeedling = toSet(`had since after from week weeks last yesterday`)

// treatedAlready are words that tell of a treatment had: a message with
// one is about aftercare, whatever else it asks.
var treatedAlready = toSet(`treated needled done after since yesterday ago healing serum session sessions microneedled tonight`)

// comingTreatment may stand before "treatment" when it is still to come:
// "before my treatment", "the next treatment".
var comingTreatment = toSet(`before next upcoming my the a his her their`)

// wordAt returns the word of toks[k], or "" past the end.
func wordAt(toks []token, k int) string {
	if k < len(toks) {
		return toks[k].word
	}
	return ""
}

// isNumber reports whether w is written in digits.
func isNumber(w string) bool {
	return w != "" && strings.Trim(w, "0123456789") == ""
}

// deniedAll negates the signs asked about in questions before an answer
// that denies them all: "any pus? any fever? any streaks? no to all of
// them".
func deniedAll(toks []token, hits []rfHit) {
	for k := 0; k+2 < len(toks); k++ {
		if !(toks[k].word == "no" || toks[k].word == "nope") || toks[k+1].word != "to" ||
			toks[k+2].word != "all" && toks[k+2].word != "both" && toks[k+2].word != "everything" {
			continue
		}
		for i, h := range hits {
			if h.end <= k && toks[h.start].asked && toks[h.start].sentence != toks[k].sentence && h.mood != moodNegated {
				hits[i].mood, hits[i].cue = moodNegated, hit{start: k, end: k + 3, words: 7}
			}
		}
	}
}

// definitions are general questions that ask what a sign is or looks
// like, or whether the treatment causes it at all, rather than about
// reactions to it: "what does cellulitis look like?", "does microneedling
// cause a fever?".
var definitions = [][]string{{"what", "does"}, {"difference", "between"}, {"what", "is", "the", "difference"}, {"does", "microneedling", "cause"}, {"does", "it", "cause"}}

// definition reports whether a general cue is one of definitions.
func definition(toks []token, c hit) bool {
	return slices.ContainsFunc(definitions, func(d []string) bool {
		return c.end-c.start == len(d) && slices.EqualFunc(toks[c.start:c.end], d, func(t token, w string) bool { return t.word == w })
	})
}

// myFriendTreated reports whether a third-party cue is "my (best) friend",
// who in a message written for the patient is the patient: "my friend had
// it done with you on Friday, she's too embarrassed to message, her face is
// oozing" is about her.
func myFriendTreated(toks []token, c hit) bool {
	k := c.start - 1
	if k >= 0 && toks[k].word == "best" {
		k--
	}
	if toks[c.start].word != "friend" {
		return false
	}
	// "my friend had it done", or a message that opens with her: "friend
	// had it done thurs, now her skin is weepy"
	return k >= 0 && toks[k].word == "my" || k < 0 || toks[k].sentence != toks[c.start].sentence
}

// objectVerbs take what is seen or had as their object: "not seeing any
// blisters", "haven't noticed any pus".
var objectVerbs = toSet(`see seeing seen noticed notice noticing spotted spot`)

// takesObject reports whether a negative term ends in a verb of objectVerbs.
func takesObject(toks []token, h hit) bool {
	return has(objectVerbs, toks[h.end-1].word)
}

// allTermsFound reports whether hits hold every term of rule ri.
func (d *redFlags) allTermsFound(hits []rfHit, ri int) bool {
	var found uint64
	for _, h := range hits {
		if o := int(d.term[h.phrase].owner); o>>8 == ri {
			found |= 1 << (o & 0xff)
		}
	}
	n := d.rules[ri].terms
	return n >= 64 || found == 1<<n-1
}

// treatmentCauses are what "after", "since" or "from" name when they give
// the treatment as the cause: "after the serum", "since the facial".
var (
	treatmentCauses = toSet(`microneedling needling treatment session procedure serum facial needles`)
	// onsets make "after" tell when a sign began: "started right after".
	onsets = toSet(`started began starting beginning right straight immediately soon just came come`)
)

// blamesTreatment reports whether the sentence of token k says a sign
// began with the treatment: "started right after the serum went on",
// "since the facial", "from the serum". Another cause in it then explains
// nothing. "After treatment" alone is only when ("the sun makes it burn
// after treatment").
func blamesTreatment(toks []token, k int) bool {
	for i, t := range toks {
		if t.sentence != toks[k].sentence {
			continue
		}
		switch {
		case t.word == "since" || t.word == "from":
		case t.word == "after" && i > 0 && has(onsets, toks[i-1].word):
		default:
			continue
		}
		for n := i + 1; n < len(toks) && n <= i+3 && toks[n].sentence == t.sentence; n++ {
			if has(treatmentCauses, toks[n].word) && !has(ahead, toks[n-1].word) {
				return true // not "from my next microneedling": one to come blames nothing
			}
		}
	}
	return false
}

// ahead, before a treatment, make it one still to come.
var ahead = toSet(`next upcoming future another`)

// expected reports whether a cue after a sign tells what ought to happen,
// not what does: "ought to be improving", "should be settling", "supposed
// to be going down".
func expected(toks []token, c hit) bool {
	for k := c.start - 1; k >= 0 && k >= c.start-3 && toks[k].clause == toks[c.start].clause; k-- {
		switch toks[k].word {
		case "ought", "should", "supposed", "meant", "expected", "expect", "hoping", "hope", "would":
			return true
		}
	}
	return false
}

// turnedInto reports whether a cause before a sign only tells what the
// sign grew out of: "the sunburn feeling has turned into blisters".
// developing words tell a new sign grew out of an old cause: "the
// sunburn has started weeping".
var developing = toSet(`started starting developed developing forming formed`)

func turnedInto(toks []token, c, h hit) bool {
	for k := c.end; k < h.start; k++ {
		switch w := toks[k].word; {
		case w == "into" || w == "became" || w == "become", has(developing, w),
			w == "in" && toks[k-1].word == "up": // "the sunburn has come up in blisters"
			return true
		}
	}
	return false
}

// negatedCue reports whether a cue is denied right before it ("it's not
// the numbing cream", "not from a cold") or said to be over by now.
func negatedCue(toks []token, c hit) bool {
	for k := c.start - 1; k >= 0 && k >= c.start-4 && toks[k].clause == toks[c.start].clause; k-- {
		if has(negationWords, toks[k].word) && (k >= c.start-2 || toks[k].word == "never") {
			return true // "not from my cold", "which it never does on my period"
		}
	}
	// "since the numbing cream should've worn off": a cause said to be
	// over by now, so not the cause.
	for k := c.end; k < len(toks) && k <= c.end+2 && toks[k].clause == toks[c.start].clause; k++ {
		if toks[k].word == "should" || toks[k].word == "ought" {
			return true
		}
		// "my inhaler isn't helping": a remedy that fails explains nothing
		if toks[k].word == "not" && k+1 < len(toks) && (toks[k+1].word == "helping" || toks[k+1].word == "working") {
			return true
		}
	}
	return false
}

// listWords join the signs of a list: "no fever, pus or swelling", "I don't
// have a temperature or any discharge or anything".
var listWords = toSet(`or nor and any a an the other signs sign of either even real obvious much`)

// negateLists carries a negation along a list of signs: a sign that follows
// a negated one with nothing but list words between, in the same sentence,
// and that ends a clause or is followed by another list word, is negated
// too ("no fever, pus or swelling"). A sign told of after the list keeps
// its mood: "no pus, swelling is worse".
func negateLists(toks []token, hits []rfHit) {
	if !slices.ContainsFunc(hits, func(h rfHit) bool { return h.mood == moodNegated }) {
		return
	}
	// Hits in the order of their start; a hit is weighed once every hit
	// that ends before it starts is known, so the nearest one before it is
	// kept as the order goes, not searched for: a message whose words begin
	// dozens of rules has hundreds of hits.
	order := make([]int, len(hits))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return hits[a].start - hits[b].start })
	pos := make([]int, len(hits)) // a hit's place in order
	for p, i := range order {
		pos[i] = p
	}
	byEnd := slices.Clone(order)
	slices.SortStableFunc(byEnd, func(a, b int) int { return hits[a].end - hits[b].end })
	// Of the hits ending by the one weighed: the latest end, and the last
	// negated hit (in start order) that ends there, if any.
	lastEnd, negated, next := -1, -1, 0
	for _, i := range order {
		h := hits[i]
		for ; next < len(byEnd) && hits[byEnd[next]].end <= h.start; next++ {
			g := byEnd[next]
			if hits[g].end > lastEnd {
				lastEnd, negated = hits[g].end, -1
			}
			if hits[g].mood == moodNegated && (negated < 0 || pos[g] > pos[negated]) {
				negated = g
			}
		}
		if h.mood != moodPresent || !endsListItem(toks, h.end) {
			continue
		}
		// Hits stay within a sentence, so when the nearest hit before is in
		// an earlier one, so is every other.
		if negated < 0 || toks[hits[negated].start].sentence != toks[h.start].sentence {
			continue
		}
		joined := true
		for k := lastEnd; k < h.start; k++ {
			if !has(listWords, toks[k].word) {
				joined = false
				break
			}
		}
		if joined {
			hits[i].mood, hits[i].cue = moodNegated, hits[negated].cue
		}
	}
}

// endsListItem reports whether a sign ending before token k is an item of a
// list: the clause or the sentence ends there, or a list word follows.
func endsListItem(toks []token, k int) bool {
	return k == len(toks) || toks[k].clause != toks[k-1].clause || has(listWords, toks[k].word) && toks[k].word != "a" &&
		toks[k].word != "an" && toks[k].word != "the"
}

// moodOf decides how one red-flag term is meant, from the cues around it.
// The first kind of cue that applies wins, in the order below.
// A message written for the patient (proxy) tells the patient's own signs:
// no third-party cue applies in it.
func (d *redFlags) moodOf(toks []token, h hit, cues *[numCues][]hit, inTerm []bool, proxy bool) rfHit {
	clause, sentence := toks[h.start].clause, toks[h.start].sentence
	negative := d.term[h.phrase].negative
	sameClause := func(c hit) bool { return toks[c.start].clause == clause }
	before := func(c hit) bool { return c.end <= h.start && sameClause(c) }
	checks := []struct {
		kind    cueKind
		mood    mood
		applies func(c hit) bool
	}{
		{cueNegBefore, moodNegated, func(c hit) bool {
			return !negative && !inTerm[c.start] && before(c) && h.start-c.end < negationWindow &&
				!contrastBetween(toks[c.end:h.start])
		}},
		{cueNegAfter, moodNegated, func(c hit) bool {
			text := d.cues[cueNegAfter].phrases[c.phrase].text
			answer := has(answers, text) || text == "actually no" || text == "no actually" || text == "no wait" // "an infection? actually no", "spreading?? no wait"
			if !negative && (text == "fine" || text == "normal") && saidToBe(toks, h, c) {
				return true // "my throat is absolutely fine, it's just my cheeks that feel tight"
			}
			if answer && c.start != h.end {
				return false // "oozing: no", but not "pus and no idea why"
			}
			if otherSide(toks, h, c) {
				return false // "weeping on my left cheek, the right cheek healed already"
			}
			if (text == "fine" || text == "normal") && (toks[c.start].asked && (c.end == len(toks) || toks[c.end].sentence != toks[c.start].sentence) ||
				asksFirst(toks, clauseStart(toks, h.start), h.start)) {
				return false // "lips swelling, normal?", "is pus normal or should I come in?" ask
			}
			// An answer may follow its own question: "fever? no."
			sameSentence := toks[c.start].sentence == sentence || answer && (endsClause(toks, c) || text == "no wait" || text == "no actually") ||
				has(retractions, text) && toks[c.start].sentence == sentence+1 // "is shivering normal? ha only joking, it's the heating"
			if afterIt(toks, c) {
				return false
			}
			if c.start >= h.end && toks[c.start].clause != clause && toldToday(toks, clause) && slices.ContainsFunc(cues[cuePast], func(p hit) bool {
				return p.end <= c.start && toks[p.start].clause == toks[c.start].clause && toks[p.start].word == "last"
			}) {
				return false // "worse today than yesterday, last time it was gone by day 2": over then, not now
			}
			// "has gone", "have healed" close the clause of their subject, over
			// what is said of it: "the blisters I had on day 2 have healed".
			window := negationWindow
			if has(endedVerbs, toks[c.start].word) && toks[c.start].clause == clause &&
				d.ownClause(toks, h.end, c.start) {
				window = perfectWindow
			}
			// "that is long gone" says it of the sign it follows: "a blister on
			// my lip on day 1 that's long gone".
			if strings.HasPrefix(text, "that ") && c.start >= h.end && toks[c.start].clause == clause &&
				!slices.ContainsFunc(toks[h.end:c.start], func(t token) bool { return t.word == "and" || t.word == "or" || t.word == "but" }) {
				window = perfectWindow
			}
			if !negative && c.start >= h.end && opensNextClause(toks, c, clause) && !changesState(toks, c) {
				return true // "got worse after my shower, but went down again"
			}
			if expected(toks, c) {
				return false // "it ought to be improving": what should be, not what is
			}
			if has(stopVerbs, text) && c.end < len(toks) && has(stoppedObjects, toks[c.end].word) && !has(timeNouns, wordAt(toks, c.end+1)) {
				return false // "oozing, I stopped the serum cos of it": the writer stopped something, not the sign
			}
			if c.end < len(toks) && toks[c.end].word == "through" {
				return false // "still bleeding, gone through two tissues"
			}
			if has(comparatives, text) && saidOfThen(toks, c) {
				return false // "pain is increasing, yesterday it was less": worse now
			}
			if !negative && !answer && d.resolvedLater(toks, h, c) {
				return true // "hives the day before, they're long gone now"
			}
			if (text == "anymore" || text == "any more") && c.start >= h.end && slices.ContainsFunc(toks[h.start:c.start], func(t token) bool { return has(negationWords, t.word) }) {
				return false // "won't lift anymore": the sign's own negation
			}
			return !negative && c.start >= h.end && c.start-h.end <= window && !inTerm[c.start] && // "not any better" is a sign
				sameSentence && (!changesState(toks, c) || tellsWhatItWas(text)) &&
				!negatedJustBefore(toks, c.start) && toks[c.start-1].word != "than" // "worse, not better", "worse rather than better", "not really gone down"
		}},
		{cueHypo, moodHypothetical, func(c hit) bool {
			return (before(c) || ifOpensQuestion(toks, c, h)) && !idiomaticIf(toks, c) && !newTopicBetween(toks, c, h) && !(opinion(toks, c) && h.start-c.end > 2) &&
				!happeningNow(toks, h) && !reasonGiven(toks, c, h) && !(toks[c.start].word == "if" && statesNow(toks, c, h)) &&
				!admittedAfter(toks, h) && !progressTold(toks, h) &&
				!onsetToldAfter(toks, h)
		}},
		{cueGeneral, moodGeneral, func(c hit) bool {
			return before(c) && !pointsAtOwn(toks, clause) && !newTopicBetween(toks, c, h) && !readsInstructions(toks, c) &&
				!ownedAfter(toks, h) && !(asksMeaning(toks, c) && statesNow(toks, c, h)) && !meaningOfMine(toks, c)
		}},
		{cuePast, moodPast, func(c hit) bool {
			if c.start > 0 && has(clinicActs, toks[c.start-1].word) {
				return false // "can I get pus drained at the clinic?": where it is to be done
			}
			if toks[c.end-1].word == "old" && (c.end == len(toks) || !d.termAt(toks, c.end)) {
				return false // "for the old acne scars": old is said of what follows, not of a sign
			}
			if c.start >= h.end && d.habitNamesSign(toks, c) {
				return false // "little blisters in a cluster … I get cold sores sometimes": a habit that names what the sign may be, not when it was
			}
			if datesTreatment(toks, c) || comparedWith(toks, c) || comesBackIn(toks, c) || likeWhen(toks, c) ||
				c.start >= h.end && negatedCue(toks, c) {
				return false // "had it done last week and now…", "darker than last week", "blisters, which didn't happen last time"
			}
			if c.start >= h.end && slices.ContainsFunc(toks[c.start:c.end], func(t token) bool { return t.word == "thought" }) {
				return false // "eyes almost shut, I thought it was meant to get better": a belief about what follows
			}
			if c.end >= 2 && toks[c.end-1].word == "it" && toks[c.end-2].word == "thought" && c.end < len(toks) && has(judgements, toks[c.end].word) {
				return false // "I thought it prudent to tell you…": a judgement now, not a belief then
			}
			if c.end <= h.start && presentClauseBetween(toks, c.end, h.start) {
				return false // "a history of cold sores and I can feel that tingle": the habit, then now
			}
			if c.start > 0 && toks[c.start-1].word == "since" || c.start > 1 && toks[c.start-2].word == "since" && toks[c.start-1].word == "the" {
				return false // "droopy since the last session": from then until now
			}
			if c.start >= h.end && (slices.ContainsFunc(toks[h.end:c.start], func(t token) bool { return has(onsetWords, t.word) }) || toks[c.start-1].word == "from") {
				return false // "a cold sore popped up right after the treatment", "my bruising from last week is getting darker": when it began
			}
			if c.start >= h.end && slices.ContainsFunc(toks[h.end:c.start], func(t token) bool { return t.word == "where" }) {
				return false // "blisters on my lip where I usually get cold sores": the habit places the sign, it does not date it
			}
			if c.start >= h.end && slices.ContainsFunc(cues[cueThird], func(p hit) bool {
				return p.start >= h.end && p.end <= c.start && !has(thirdPronouns, toks[p.start].word)
			}) {
				return false // "weeping yellow stuff, looks like impetigo which our grandson had last year": someone else's then
			}
			if c.start >= h.end && h.end < len(toks) && has(comingNow, toks[h.end].word) {
				return false // "a cold sore coming up on my lip, always get them when I'm stressed": this one is now
			}
			if d.habitualLater(toks, h, c) {
				return true // "had a nosebleed this morning, I always get them when the heating's on"
			}
			if nowBetween(toks, c, h) {
				return false
			}
			return sameClause(c) || c.end <= h.start && toks[c.start].sentence == sentence &&
				d.longAgo(c) && toldInThePast(toks, clause)
		}},
		{cueThird, moodThirdParty, func(c hit) bool {
			if proxy && (!has(anyone, toks[c.start].word) || myFriendTreated(toks, c)) {
				return false // people in general are never the patient
			}
			if c.start > 0 && has(imposing, toks[c.start-1].word) {
				return false // "don't want to waste anyone's time"
			}
			if c.start > 0 && toks[c.start-1].word == "any" {
				return false // "I'd call this a moist pyoderma on any dog": a likeness
			}
			if c.start > 1 && toks[c.start-1].word == "a" && (toks[c.start-2].word == "being" || toks[c.start-2].word == "such" || toks[c.start-2].word == "big" || toks[c.start-2].word == "was") {
				return false // "probably me being a baby": the writer, said of themselves
			}
			if c.end < len(toks) && toks[c.end].word == "right" && (toks[c.end-1].word == "is" || toks[c.end-1].word == "was") {
				return false // "she's right, it's redder than last night": agreeing, not her sign
			}
			if c.end < len(toks) && toks[c.end].word == "here" && toks[c.end].sentence == toks[c.start].sentence {
				return false // "friend here writing for her": the writer, not the one with the sign
			}
			if c.end-c.start == 1 && toks[c.start].sentence == sentence && has(vocatives, toks[c.start].word) &&
				!slices.ContainsFunc(toks[:c.start], func(t token) bool { return t.sentence != sentence || !has(greetings, t.word) }) {
				return false // "Mate, the red's gone down to my collarbone": the one spoken to
			}
			if observes(toks, c) || reports(toks, c, h) {
				return false // "husband says there are red lines going down from my jaw"
			}
			if c.end <= h.start && onWriter(toks, h) {
				return false // "my friend had a look, crusty and weepy round my mouth": the sign is on the writer
			}
			if c.start >= h.end {
				return onSomeoneElse(toks[h.end:c.start]) // "hives all over my daughter"
			}
			if hasOneAfter(toks, h) {
				return false // "kissed my boyfriend who has a cold sore and now I've got one"
			}
			return c.end <= h.start && toks[c.start].sentence == sentence && !firstPersonIn(toks[c.end:h.start]) &&
				!simile(toks, c) && !objectOf(toks, c)
		}},
		{cueCause, moodOtherCause, func(c hit) bool {
			if c.start > 0 && has(towards, toks[c.start-1].word) ||
				c.start > 1 && toks[c.start-1].word == "to" && has(reachWords, toks[c.start-2].word) {
				return false // where the sign spreads to: "crept down towards my knee", "going red down to my knees"
			}
			if c.start > 0 && toks[c.start-1].word == "on" && toks[c.end-1].word == "feet" {
				return false // "wobbly on my feet"
			}
			if c.end < len(toks) && has(productNouns, toks[c.end].word) {
				return false // "the sun cream" is a product, not the sun
			}
			if ofTheSign(toks, c) {
				return false // "been up all night with it": the sign's doing, not its cause
			}
			if next := wordAt(toks, c.end); next == "here" || has(selfNames, next) && wordAt(toks, c.end+1) == "here" {
				return false // "eczema girl here": who the writer is, not what caused the sign
			}
			if toks[c.start].word == "fell" && c.start > 0 && has(scabWords, toks[c.start-1].word) {
				return false // "a hole where the scab fell off": the scab, not the writer, fell
			}
			if toks[c.start].word == "from" && c.start > 0 && has(comingBack, toks[c.start-1].word) {
				return false // "came home from school with a fever": where from, not why
			}
			if d.noCauseOf(toks, h, c) {
				return false // "blisters after I sat in the sun": skin the treatment left sensitive to it
			}
			return sameClause(c) && !simile(toks, c) && !despite(toks, c) && !describesThing(toks, c) &&
				!negatedCue(toks, c) && !blamesTreatment(toks, h.start) && !turnedInto(toks, c, h) && !guessed(toks, c) &&
				!newTopicBetween(toks, c, h)
		}},
		{cueUnrelated, moodOtherCause, func(c hit) bool { return saysUnrelated(toks, c, h) }},
	}
	for _, ch := range checks {
		for _, c := range cues[ch.kind] {
			if ch.kind == cuePast && c.start < h.start && c.end >= h.end {
				// "I get cold sores", a habit told with the sign in it: one
				// may come, unless a later clause says it has ("and one has
				// come up right where she needled").
				if !habitNowAfter(toks, h) {
					return rfHit{hit: h, mood: moodHypothetical, cue: c}
				}
				continue
			}
			if c.start < h.end && h.start < c.end {
				continue // a cue inside the sign is part of it: "a cold sore" has no "a cold"
			}
			if ch.applies(c) {
				return rfHit{hit: h, mood: ch.mood, cue: c}
			}
		}
	}
	if c, ok := d.explainedLater(toks, h, cues); ok && !guessed(toks, c) && !(proxy && slices.Contains(cues[cueThird], c)) && !d.noCauseOf(toks, h, c) {
		return rfHit{hit: h, mood: moodOtherCause, cue: c}
	}
	if c, ok := d.explainedBefore(toks, h, cues); ok && !guessed(toks, c) && !newTopicBetween(toks, c, h) && !d.noCauseOf(toks, h, c) {
		return rfHit{hit: h, mood: moodOtherCause, cue: c}
	}
	if c, ok := d.explainedAway(toks, h); ok {
		return rfHit{hit: h, mood: moodOtherCause, cue: c}
	}
	for _, asks := range generalAsks {
		if c, ok := asks(toks, h); ok {
			return rfHit{hit: h, mood: moodGeneral, cue: c}
		}
	}
	if c, ok := ifItComes(toks, h); ok {
		return rfHit{hit: h, mood: moodHypothetical, cue: c}
	}
	if c, ok := fearedAhead(toks, h); ok {
		return rfHit{hit: h, mood: moodHypothetical, cue: c}
	}
	return rfHit{hit: h}
}

// generalAsks find, in order, the words that make a sign with no cue of
// its own a general question: asked in general (unless a later clause owns
// it), "or would that be a bad sign?", "Mine is fine" after it, a closing
// "just curious", a condition only named in a question, a question about
// what is to come, a denial in the next sentence.
var generalAsks = [...]func(toks []token, h hit) (hit, bool){
	func(toks []token, h hit) (hit, bool) {
		if c, ok := askedInGeneral(toks, h); ok && !ownedAfter(toks, h) {
			return c, true
		}
		return hit{}, false
	},
	orIsThatBad, isThatAThing, mineIsFineAfter, disclaimed, asksWhether, asksAhead, deniedAfter,
}

// thingAsks, after a sign named alone, ask whether it happens at all: "is
// that a thing", "can that happen", "something to worry about".
var thingAsks = [][]string{{"a", "thing"}, {"can", "happen"}, {"could", "happen"}, {"does", "that", "happen"},
	{"does", "it", "happen"}, {"something", "to", "worry", "about"}, {"something", "that", "happens"},
	{"would", "that", "be", "bad"}, {"would", "that", "be", "a", "bad"}}

// isThatAThing reports whether a sign named with nothing of the writer's
// own before it in its sentence is asked about as a thing that happens:
// "weeping skin, is that something that can happen?", "fever after is that
// a thing", but not "my cheek is weeping, can that happen?".
func isThatAThing(toks []token, h hit) (hit, bool) {
	start := h.start
	for start > 0 && toks[start-1].sentence == toks[h.start].sentence {
		start--
	}
	for k := start; k < h.start; k++ {
		if w := toks[k].word; w != "a" && w != "an" && w != "the" && w != "any" && w != "some" {
			return hit{}, false // the sign opens its sentence, bar "a" or "the": not "had chills, does that happen?"
		}
	}
	for k := h.end; k < len(toks) && k <= h.end+8 && toks[k].sentence == toks[h.start].sentence; k++ {
		if has(firstPerson, toks[k].word) {
			return hit{}, false
		}
		for _, ask := range thingAsks {
			if k+len(ask) > len(toks) {
				continue
			}
			if slices.EqualFunc(toks[k:k+len(ask)], ask, func(t token, w string) bool { return t.word == w }) {
				return spanHit(k, k+len(ask)), true
			}
		}
	}
	return hit{}, false
}

// instructionNouns are what a patient reads from the clinic: "before I
// read the sheet" tells when, not what was read about a sign.
var instructionNouns = toSet(`sheet leaflet instructions aftercare card email notes booklet paperwork`)

// ownedObjects stand for a sign just named: "I've got one", "I have them".
var ownedObjects = toSet(`one them it some those these few couple several loads lots two three`)

// ownedAfter reports whether a later clause, soon after sign h, says the
// writer has it: "is it normal to get hives? because I seem to have them",
// "normal to get a cold sore after? cos I've got one". A general question
// about a sign the writer then claims is their own.
func ownedAfter(toks []token, h hit) bool {
	if onsetToldAfter(toks, h) {
		return true
	}
	for k := h.end; k < len(toks) && k < h.end+10; k++ {
		if toks[k].word != "i" || toks[k].clause == toks[h.start].clause ||
			k > 0 && (toks[k-1].word == "if" || toks[k-1].word == "when" || toks[k-1].word == "case") ||
			slices.ContainsFunc(toks[max(k-3, clauseStart(toks, k)):k], func(t token) bool { return has(negationWords, t.word) }) {
			continue // "not saying I have one"
		}
		for j := k + 1; j+1 < len(toks) && j <= k+4; j++ {
			w := toks[j].word
			if has(negationWords, w) || w == "if" || toks[j].clause != toks[k].clause {
				break
			}
			if w != "have" && w != "got" {
				continue
			}
			o := j + 1
			if toks[o].word == "a" && o+1 < len(toks) || toks[o].word == "had" && o+1 < len(toks) && w == "have" {
				o++ // "I've got a few", "I've had it since the needling"
			}
			if has(ownedObjects, toks[o].word) && !namesOther(toks, o) {
				return true
			}
		}
	}
	return false
}

// hasOneAfter reports whether the writer says, within ten words after sign
// h, that they have one too: "my boyfriend has a cold sore and now I've
// got one coming up", not "I've got a couple of small whiteheads".
func hasOneAfter(toks []token, h hit) bool {
	for k := h.end; k < len(toks) && k < h.end+10; k++ {
		if toks[k].word == "mine" && k > 0 && toks[k].clause != toks[h.start].clause &&
			(has(mineToo, wordAt(toks, k+1)) && (k+2 == len(toks) || toks[k+2].clause != toks[k].clause) || k > 1 && has(mineToo, toks[k-1].word) && toks[k-2].word == "so") {
			return true // "has anyone's face gone oozy? mine has", "so has mine"
		}
		if toks[k].word != "i" || k+3 >= len(toks) {
			continue
		}
		o := k + 1
		if toks[o].word == "have" && toks[o+1].word == "got" {
			o++
		}
		if (toks[o].word == "have" || toks[o].word == "got") && toks[o+1].word == "one" &&
			(o+2 == len(toks) || toks[o+2].word != "of") && !slices.ContainsFunc(toks[max(k-3, 0):k], func(t token) bool { return has(negationWords, t.word) }) {
			return true
		}
	}
	return false
}

// selfNames name the writer after a condition they live with: "eczema
// girl here", "asthma sufferer here".
var selfNames = toSet(`girl guy lady man woman boy patient sufferer person mum dad`)

// scabWords are what falls off healing skin: "the scab fell off".
var scabWords = toSet(`scab scabs crust crusts`)

// mineToo are what follows "mine" to say the writer has the sign too:
// "mine has", "mine did", "so does mine".
var mineToo = toSet(`has have does did too`)

// onsetToldAfter reports whether a later clause, within ten words of a
// sign asked about in general, tells when it began for the writer: "is
// wheezing a side effect? started after I put the serum on".
func onsetToldAfter(toks []token, h hit) bool {
	for k := h.end; k+2 < len(toks) && k < h.end+10; k++ {
		w := toks[k].word
		if toks[k].clause == toks[h.start].clause || w != "started" && w != "began" && w != "begun" {
			continue
		}
		if has(onsetLinks, toks[k+1].word) && toks[k+2].word == "i" {
			return true
		}
	}
	return toldRecent(toks, h)
}

// onsetDates date an onset to the last hours: "came up an hour ago",
// "appeared this morning".
var onsetDates = toSet(`ago morning today tonight yesterday afternoon evening`)

// toldRecent reports whether a later clause, in sign h's sentence or the
// next, says that it came on in the last hours: "is it normal to get hives?
// they came up an hour ago", "…is normal? appeared this morning and
// getting longer".
func toldRecent(toks []token, h hit) bool {
	for k := h.end; k+1 < len(toks) && toks[k].sentence <= toks[h.start].sentence+1; k++ {
		w := toks[k].word
		if toks[k].clause == toks[h.start].clause {
			continue
		}
		onset := w == "appeared" || w == "came" && (toks[k+1].word == "up" || toks[k+1].word == "out") ||
			(w == "popped" || w == "flared" || w == "showed") && toks[k+1].word == "up"
		if !onset {
			continue
		}
		for j := k + 1; j < len(toks) && j <= k+4 && toks[j].clause == toks[k].clause; j++ {
			if has(onsetDates, toks[j].word) {
				return true
			}
		}
	}
	return false
}

// onsetLinks join an onset to the writer's own doing: "started after I…".
var onsetLinks = toSet(`after since when`)

// namesOther reports whether the word after an owned object names another
// thing than the sign asked about: "how do I tell a normal spot from an
// infected one? I've got one small whitehead".
func namesOther(toks []token, o int) bool {
	if o+1 >= len(toks) || toks[o+1].clause != toks[o].clause {
		return false
	}
	return isLetters(toks[o+1].word) && !has(ownedFollowers, toks[o+1].word)
}

// ownedFollowers may follow an owned object that stands for the sign:
// "I've got one now", "I have them on my chin", "got a few coming up".
var ownedFollowers = toSet(`since now already on all right at near by coming starting here there too as and but in under round around of today tonight again`)

// readsInstructions reports whether a general cue of reading ("i read")
// has the clinic's own instructions as its object: "had a bath before I
// read the sheet, today there are pus heads".
func readsInstructions(toks []token, c hit) bool {
	if toks[c.end-1].word != "read" {
		return false
	}
	for n := c.end; n < len(toks) && n <= c.end+2 && toks[n].clause == toks[c.start].clause; n++ {
		if has(instructionNouns, toks[n].word) {
			return true
		}
	}
	return false
}

// locatives say where a sign is, not where it goes: "round my mouth",
// but not "spread to my face".
var locatives = toSet(`round around on under near by across over along`)

// onWriter reports whether the words right after sign h, in its clause,
// place it on the writer's own treated skin: "crusty and weepy round my
// mouth".
func onWriter(toks []token, h hit) bool {
	n := h.end
	if n < len(toks) && toks[n].word == "all" {
		n++ // "weepy all round my mouth"
	}
	return n+2 < len(toks) && toks[n+2].clause == toks[h.start].clause && has(locatives, toks[n].word) &&
		toks[n+1].word == "my" && (has(treatedParts, toks[n+2].word) || toks[n+2].word == "mouth")
}

// gerundAfter reports whether "of" at k opens a gerund clause whose subject
// is a part of the writer and whose verb ends the sign: "of my eyes
// swelling" fears it; "of the swelling" names one there is.
func gerundAfter(toks []token, k int, h hit) bool {
	if k+2 >= len(toks) || toks[k+1].word != "my" || strings.HasSuffix(toks[k+2].word, "ing") ||
		!strings.HasSuffix(toks[h.end-1].word, "ing") {
		return false
	}
	return h.start == k+2 && h.end-h.start >= 2 || h.start == k+3 // "my eyes swelling" as one term or two
}

// fearWords tell a fear of what may come.
var fearWords = toSet(`worried worry worries worrying scared afraid terrified nervous paranoid anxious frightened petrified dread dreading`)

// comingOnset tell, after a fear "of" or "about", a sign still to come:
// "scared of getting", "worried about it developing".
var comingOnset = toSet(`getting catching developing`)

// futureWords tell that what follows has not happened yet.
var futureWords = toSet(`will would might could gonna`)

// fearedAhead reports whether sign h is what the writer fears will come:
// a fear word, then a word of the future, before it in its clause ("worried
// the dry patches will crack and get infected", "terrified I'll scratch in
// my sleep and get it infected"), or a word of onset after "of" or "about"
// ("terrified of it getting infected", "scared stiff of getting an
// infection"), or "don't want to" ("I don't want to burn it and get
// blisters"). The future or onset word is the cue.
func fearedAhead(toks []token, h hit) (hit, bool) {
	clause := toks[h.start].clause
	feared, fearOf := false, false
	for k := clauseStart(toks, h.start); k < h.start; k++ {
		w := toks[k].word
		switch {
		case has(fearWords, w):
			feared = true
		case feared && (w == "of" || w == "about"):
			fearOf = true
			if gerundAfter(toks, k, h) {
				return spanHit(k, k+1), true // "terrified of my eyes swelling": a sign that may come
			}
		case feared && (has(futureWords, w) || w == "going" && k+1 < len(toks) && toks[k+1].word == "to"),
			fearOf && has(comingOnset, w):
			return spanHit(k, k+1), true
		case w == "want" && k > 0 && toks[k-1].word == "not" && k+1 < h.start && toks[k+1].word == "to" && toks[k+1].clause == clause:
			return spanHit(k-1, k+2), true
		}
	}
	return hit{}, false
}

// onsetWords tell that a sign began, so that a time after them dates its
// start, not its end: "popped up right after the treatment".
var onsetWords = toSet(`popped appeared started began begun broke flared developed`)

// endedVerbs open what is said of a sign's subject, so that "has gone",
// "dried up" negate it further on: "a blister on day 1 that dried up".
var endedVerbs = toSet(`have has were was got been stopped dried cleared healed settled faded disappeared vanished calmed`)

// comparatives compare a sign with how it was.
var comparatives = toSet(`less better smaller calmer paler`)

// saidOfThen reports whether a comparative cue c speaks of an earlier
// time named before it in its clause ("yesterday it was less", "yesterday
// better"), so that it says the sign is worse now.
func saidOfThen(toks []token, c hit) bool {
	if c.end < len(toks) && toks[c.end].word == "than" {
		return false // "less than yesterday"
	}
	for k := c.start - 1; k >= 0 && k >= c.start-4 && toks[k].clause == toks[c.start].clause; k-- {
		if w := toks[k].word; w == "yesterday" || w == "night" && k > 0 && toks[k-1].word == "last" {
			return true
		}
	}
	return false
}

// comingBack, before "from", say where someone came back from, not what
// caused a sign: "came home from school", "got back from work".
var comingBack = toSet(`home back in`)

// noCauseOf reports whether cue c names what redflags.yaml says does not
// explain h's flag (not_caused_by).
func (d *redFlags) noCauseOf(toks []token, h hit, c hit) bool {
	not := d.notCausedBy[d.flagOf(h)]
	return not != nil && slices.ContainsFunc(toks[c.start:c.end], func(t token) bool { return has(not, t.word) })
}

// notThePatients marks as negated, in place, the hits sign picks out (an
// item's symptom words) in a sentence that says they have nothing to do
// with the treatment: "my boyfriend has a sore on his lip, he didn't get
// anything done", "a bump on my forehead from a pipe, nothing to do with
// the treatment". Someone else's signs are not enough: "Mum has a bit of
// bruising, should she expect that?" is often the patient's, and "my
// sister got pustules after hers" asks about the treatment. Not in a
// message written for the patient.
func (d *redFlags) notThePatients(toks []token, hits []hit, sign func(hit) bool) {
	if !slices.ContainsFunc(hits, func(h hit) bool { return sign(h) && !h.negated }) {
		return
	}
	unrelated := d.cues[cueUnrelated].find(toks)
	if len(unrelated) == 0 {
		return
	}
	// "he didn't have anything done" settles who was treated, whatever
	// else makes the message look written for him.
	if !slices.ContainsFunc(unrelated, func(c hit) bool { return saysUntreated(toks, c) }) &&
		writesForPatient(toks, namesSomeone(toks, d.cues[cueThird].find(toks))) {
		return
	}
	for i, h := range hits {
		if sign(h) && !h.negated {
			hits[i].negated = slices.ContainsFunc(unrelated, func(c hit) bool { return saysUnrelated(toks, c, h) })
		}
	}
}

// saysUntreated reports whether an "unrelated" cue says someone had no
// treatment: "he didn't have anything done", "son not treated".
func saysUntreated(toks []token, c hit) bool {
	in := func(words ...string) bool {
		return slices.ContainsFunc(toks[c.start:c.end], func(t token) bool { return slices.Contains(words, t.word) })
	}
	return (in("done", "treated") || in("had", "have") && in("treatment")) &&
		slices.ContainsFunc(toks[c.start:c.end], func(t token) bool { return has(negationWords, t.word) })
}

// saysUnrelated reports whether an "unrelated" cue tells that the sign h
// has nothing to do with the treatment: it stands in h's sentence, outside
// h, and says so rather than asks ("is it unrelated?").
func saysUnrelated(toks []token, c, h hit) bool {
	if asideMarker(toks, c) {
		return false // "also unrelated, but my tummy has pus heads": the topic changes, not the cause
	}
	for k := c.start - 1; k >= 0 && k >= c.start-4 && toks[k].clause == toks[c.start].clause; k-- {
		if toks[k].word == "if" || toks[k].word == "whether" {
			return false // "sorry if that's unrelated": a doubt, not a cause
		}
		if has(guesses, toks[k].word) && c.start-k <= 2 && toks[c.start].word == "unrelated" {
			return false // "temp is 38.6, prob unrelated": the writer's hope, not a cause
		}
	}
	if toks[c.end-1].word == "unrelated" && has(guesses, wordAt(toks, c.end)) {
		return false // "also, unrelated maybe, …": a hope, not a cause
	}
	return !(c.start < h.end && h.start < c.end) && toks[c.start].sentence == toks[h.start].sentence &&
		(!toks[c.start].asked && !endsInTag(toks, c.end) || saysUntreated(toks, c))
}

// turnsOut reports whether cue c stands in the sentence right after the
// sign's, and that sentence opens with "turns out": "a red line down my
// chin. turns out it was her lipstick".
func turnsOut(toks []token, c, h hit) bool {
	s := toks[c.start].sentence
	if s != toks[h.start].sentence+1 {
		return false
	}
	first := c.start
	for first > 0 && toks[first-1].sentence == s {
		first--
	}
	return first+1 < len(toks) && (toks[first].word == "turns" || toks[first].word == "turned") && toks[first+1].word == "out"
}

// asideMarker reports whether an "unrelated" cue only changes the topic:
// "also unrelated, …", "totally unrelated but …".
func asideMarker(toks []token, c hit) bool {
	if c.end-c.start != 1 || toks[c.start].word != "unrelated" {
		return false
	}
	before := c.start > 0 && toks[c.start-1].clause == toks[c.start].clause && has(asides, toks[c.start-1].word)
	after := c.end < len(toks) && toks[c.end].sentence == toks[c.start].sentence &&
		(toks[c.end].word == "but" || toks[c.end].clause != toks[c.start].clause)
	return before || after
}

var asides = toSet(`also totally completely slightly somewhat separately`)

// sayingVerbs tell what someone else sees on the writer: "husband says".
var sayingVerbs = toSet(`says said thinks thought reckons reckoned noticed notices told tells`)

// verdictVerbs tell what someone says of the writer's skin, a few words
// after who they are: "my partner is a paramedic and he says…", "my
// boyfriend keeps saying…".
var verdictVerbs = toSet(`says said saying thinks reckons reckoned told tells insists insisted`)

// othersWords point a sign at the speaker, at another person or at people
// in general ("says you get blisters off this").
var othersWords = toSet(`she he her his him hers their you people us we our`)

// reports reports whether third-party cue c is someone who tells the writer
// what their skin is ("my mate said all the scabs mean it's healing but
// they're weeping", "the lady in Boots said it was dryness but the skin is
// splitting"): a verb of saying within six words, in the cue's sentence,
// and no word after it that points at someone else's skin. A condition the
// other person names ("my flatmate keeps saying it looks infected") is
// their verdict, not the writer's sign.
func reports(toks []token, c, h hit) bool {
	if slices.ContainsFunc(toks[h.start:h.end], func(t token) bool { return has(namedConditions, t.word) }) {
		return false
	}
	for k := c.end; k < len(toks) && k <= c.end+6 && toks[k].sentence == toks[c.start].sentence; k++ {
		if !has(verdictVerbs, toks[k].word) {
			continue
		}
		for j := k + 1; j < len(toks) && toks[j].sentence == toks[k].sentence; j++ {
			if has(othersWords, toks[j].word) || has(relations, toks[j].word) {
				return false
			}
		}
		return true
	}
	return false
}

// observes reports whether a third-party cue only tells who saw the sign on
// the writer: "husband says there are red lines going down from my jaw",
// "my bf said my face looks swollen".
func observes(toks []token, c hit) bool {
	if c.end >= len(toks) {
		return false
	}
	if !has(sayingVerbs, toks[c.end].word) {
		return false
	}
	for k := c.start - 1; k >= 0 && k >= c.start-2; k-- {
		if toks[k].word == "which" || toks[k].word == "as" {
			return true // "went purple, which the lady said might happen": what she foretold, not her sign
		}
	}
	end := c.end
	for end < len(toks) && toks[end].sentence == toks[c.start].sentence {
		end++
	}
	return slices.ContainsFunc(toks[c.end:end], func(t token) bool { return t.word == "my" || t.word == "i" || t.word == "me" })
}

// endsInTag reports whether the sentence going on from k ends in a question
// tag that asks it without a question mark: "that's not from the
// treatment is it".
func endsInTag(toks []token, k int) bool {
	end := k
	for end < len(toks) && toks[end].sentence == toks[k-1].sentence {
		end++
	}
	if end-k < 2 {
		return false
	}
	a, b := toks[end-2].word, toks[end-1].word
	return b == "it" && (a == "is" || a == "was" || a == "does" || a == "not")
}

// namesSomeone reports whether a message names someone else, not only by
// a pronoun: "my son", "her husband", but not "she" alone.
func namesSomeone(toks []token, third []hit) bool {
	return slices.ContainsFunc(third, func(c hit) bool { return !has(pronouns, toks[c.start].word) })
}

// Words that give a reason: what follows them in the clause is the cause.
var (
	// determiners stand before the object of "allergic to": "allergic to the serum".
	determiners  = toSet(`the a an my this that these those some any`)
	becauseWords = toSet(`because cos coz cuz cause`)
	// ownCauses are the treatment and the signs themselves: "swollen
	// because of the serum", "shivery because it's infected" keep the sign.
	ownCauses = toSet(`treatment microneedling needling serum session procedure needles needle pen it this that them
		face skin spot spots cheek cheeks chin forehead holes pores area eye eyes lid lids lip lips nose jaw neck
		scab scabs pain swelling swollen puffy sore painful infected infection reaction allergic under inside where`)
)

// contactVerbs are, beside askWords, ways of getting in touch, which a
// reason after them explains instead of the sign: "pus coming out and she won't ring you
// because she's embarrassed".
var contactVerbs = toSet(`phone bother`)

// explainedAway reports whether a sign is given a reason other than the
// treatment after it in its clause: "shivery because the boiler broke",
// "allergic to cats". A reason that names the treatment, the treated skin
// or another sign keeps it: "swollen because of the serum", "dizzy because
// of the pain". ("From" is not a reason word: "home from the clinic", "from
// the treated bit".) The reason is the cue.
func (d *redFlags) explainedAway(toks []token, h hit) (hit, bool) {
	if h.start >= 2 && has(checkVerbs, toks[h.start-2].word) && (toks[h.start-1].word == "my" || toks[h.start-1].word == "the") {
		return hit{}, false // "took my temperature because I felt off": the reason is for taking it
	}
	clause := toks[h.start].clause
	for k := h.end; k < len(toks) && toks[k].clause == clause; k++ {
		w := toks[k].word
		if has(askWords, w) || has(contactVerbs, w) {
			return hit{}, false // the reason is for not getting in touch: "won't ring you because she's embarrassed"
		}
		if has(becauseWords, w) && k+1 < len(toks) && (toks[k+1].word == "you" || toks[k+1].word == "your") {
			return hit{}, false // "messaging here because you're closed": why the writer writes, not why the sign
		}
		reason := has(becauseWords, w) || w == "due" && k+1 < len(toks) && toks[k+1].word == "to" ||
			w == "to" && k == h.end && (toks[h.end-1].word == "allergic" || toks[h.end-1].word == "allergy")
		if !reason {
			continue
		}
		end := k + 1
		for end < len(toks) && toks[end].clause == clause {
			if has(ownCauses, toks[end].word) || d.signAt(toks, end) {
				return hit{}, false
			}
			end++
			if w == "to" && !has(determiners, toks[end-1].word) {
				break // "allergic to penicillin, does that matter for the serum": its object only
			}
		}
		if end > k+1 {
			return spanHit(k, end), true
		}
		return hit{}, false
	}
	return hit{}, false
}

// ofTheSign reports whether a cause is said to come of the sign itself:
// "she has been up all night with it", "can't sleep with the pain".
func ofTheSign(toks []token, c hit) bool {
	if c.end+1 >= len(toks) || toks[c.end].clause != toks[c.start].clause {
		return false
	}
	w, next := toks[c.end].word, toks[c.end+1].word
	return (w == "with" || w == "from") && (has(pointers, next) || next == "them" || next == "the" && c.end+2 < len(toks) &&
		has(ofSign, toks[c.end+2].word)) || w == "with" && has(keptUpBy, next)
}

// ofSign are signs a cause may be said to come of: "with the pain".
var ofSign = toSet(`pain swelling itching itch throbbing soreness burning`)

// keptUpBy are whole-body signs that keep someone up: "been up all night
// with chills and sweats".
var keptUpBy = toSet(`chills sweats shivers shivering fever`)

// productNouns after a cause make it a product's name: "the sun cream".
var productNouns = toSet(`cream creams screen block lotion spray`)

// imposing verbs take someone as whose time or patience is spent: "waste
// anyone's time", "bother anyone".
var imposing = toSet(`waste wasting bother bothering trouble troubling disturb annoy`)

// newTopics turn a message to another matter: "can I wear makeup
// tomorrow? oh and there's a red line down my neck".
var newTopics = toSet(`also anyway btw oh plus ps additionally separately`)

// newTopicBetween reports whether a word that turns to another matter
// stands between cue c and sign h, so that the cue, in a run-on message
// with no commas, bears on its own matter only: "wondering if I can put
// makeup on, oh and there's a red line down my neck".
func newTopicBetween(toks []token, c, h hit) bool {
	from, to := c.end, h.start
	if c.start >= h.end {
		from, to = h.end, c.start
	}
	for k := from; k < to; k++ {
		w := toks[k].word
		if !has(newTopics, w) {
			continue
		}
		// "also" and "plus" turn the topic where they open a clause or a
		// question, not as adverbs: "if I also got pus".
		if w != "also" && w != "plus" || toks[k-1].clause != toks[k].clause || toks[k-1].word == "and" || toks[k-1].symbol ||
			k+1 < len(toks) && has(questionOpeners, toks[k+1].word) { // "… on thursday also is it normal that…"

			return true
		}
	}
	return false
}

// comesBackIn reports whether the past cue "back in" ("back in March") is
// a return to the clinic: "do I need to come back in?".
func comesBackIn(toks []token, c hit) bool {
	return c.end-c.start == 2 && toks[c.start].word == "back" && toks[c.start+1].word == "in" && c.start > 0 &&
		has(comings, toks[c.start-1].word)
}

// comings go to a place: "come back in", "pop back in".
var comings = toSet(`come coming came go going pop popping get getting be call calling`)

// guesses before a cause make it the writer's guess: "a fever since last
// night, probably just a cold".
var guesses = toSet(`probably prob prolly think thinks reckon reckons guess guessing maybe perhaps might hopefully assume assuming presume likely hope expect suspect imagine`)

// bugs are the illnesses a guess may mistake an infection for: a cold, a
// bug, the flu going round.
var bugs = toSet(`cold colds bug bugs flu virus lurgy lurgi sniffles covid`)

// guessed reports whether cause c is a bug the writer only guesses at,
// which explains nothing away: a fever "probably just a cold" may be the
// infection itself. A guessed cause of another kind still explains: "dizzy,
// I think because I skipped lunch", unless the writer asks whether it does:
// "a temperature, prob a bug from my kids?", or plays the sign down with
// "probably just" or "prob only": "the redness has spread down my neck,
// prob just the heating at work" is understatement, not an explanation.
func guessed(toks []token, c hit) bool {
	if playedDown(toks, c) {
		return true
	}
	asked := toks[c.start].asked && (c.end == len(toks) || toks[c.end].sentence != toks[c.start].sentence)
	if !asked && !slices.ContainsFunc(toks[c.start:c.end], func(t token) bool { return has(bugs, t.word) }) {
		return false // a guess at a cause is a bug named, or a cause asked about: "prob a bug from my kids?"
	}
	for k := c.start - 1; k >= 0 && k >= c.start-5 && toks[k].sentence == toks[c.start].sentence; k-- {
		if has(guesses, toks[k].word) {
			return true
		}
	}
	// Someone's word for it is a guess too: "a bit of a cold, she says".
	for k := c.end; k < len(toks) && k <= c.end+2 && toks[k].sentence == toks[c.start].sentence; k++ {
		if w := toks[k].word; (w == "says" || w == "said" || w == "reckons" || w == "thinks") && (toks[k-1].word == "she" || toks[k-1].word == "he") {
			return true
		}
	}
	return false
}

// saidToBe reports whether the cue is what a copula right after a part of
// the body says it is, not asked: "throat is fine", "my lips are totally
// normal". Of a sign it may be a concession ("I know redness is normal but
// mine is spreading"), and asked it is a question ("chills, is normal?").
func saidToBe(toks []token, h, c hit) bool {
	if c.start <= h.end || c.start-h.end > 2 || h.end-h.start != 1 || !has(copulas, toks[h.end].word) ||
		!has(bodyParts, toks[h.start].word) || toks[c.start].asked {
		return false
	}
	return c.start == h.end+1 || has(intensifiers, toks[h.end+1].word) || has(wholly, toks[h.end+1].word)
}

// wholly are the adverbs that stress a state: "absolutely fine".
var wholly = toSet(`absolutely completely perfectly entirely`)

// copulas link a word to what it is said to be.
var copulas = toSet(`is are feels feel seems seem looks look`)

// bodyParts are the places a rule names beside its sign, which a writer
// may say are fine: "tight, but my throat is fine".
var bodyParts = toSet(`throat tongue lips lip chest breathing eyes eye vision eyesight`)

// reasonGiven reports whether, between a supposition and a sign, the
// writer gives the reason they ask in the present: "wondering if I can
// have a bath because I'm feeling shivery and achy" asks about the bath;
// the shivers are so.
func reasonGiven(toks []token, c, h hit) bool {
	for k := c.end; k+2 <= h.start; k++ {
		if has(becauseWords, toks[k].word) && toks[k+1].word == "i" && (toks[k+2].word == "am" || toks[k+2].word == "feel" || toks[k+2].word == "have") {
			return true
		}
	}
	return false
}

// playedDown reports whether cause c comes, in its sentence, a few words
// after a guess and "just" or "only": "that's probably just tiredness",
// "prob only the heating", "likely just my hay fever".
func playedDown(toks []token, c hit) bool {
	for k := c.start; k > 0 && k >= c.start-4 && toks[k].sentence == toks[c.start].sentence; k-- { // the cue's own "just": "probably just nerves"
		if w := toks[k].word; (w == "just" || w == "only") && has(hedges, toks[k-1].word) {
			return true
		}
	}
	return false
}

// hedges are the guesses that, before "just" or "only", play a sign down.
var hedges = toSet(`probably prob probs prolly likely maybe`)

// opinion reports whether a hypothetical cue is someone's opinion of how
// the patient looks ("keeps saying my face looks"), which bears only on
// the words right after it: "my daughter keeps saying my face looks grey
// and honestly I feel awful" tells the feeling as so.
func opinion(toks []token, c hit) bool {
	return slices.ContainsFunc(toks[c.start:c.end], func(t token) bool {
		return t.word == "saying" || t.word == "says" || t.word == "thinks" || t.word == "reckons"
	})
}

// occasions are what someone named may own without having a sign: "my
// sister's wedding", "my mum's birthday".
var occasions = toSet(`wedding party birthday hen stag graduation christening funeral barbecue bbq anniversary do`)

// doubts tell a cause the writer believed and no longer does: "I assumed it
// was the numbing cream" (and it has not worn off).
var doubts = toSet(`assumed presumed thought`)

// explainers open a clause that says what a sign was: "it was my son with
// a marker", "turns out it's the bug going round", "probably the cold".
var explainers = toSet(`turns turned probably prob must`)

// topicTurns after "but" turn to another question rather than explain a
// sign: "feverish since the procedure, but mainly the sun thing".
var topicTurns = toSet(`mainly mostly anyway main`)

// explainedLater reports whether a clause after the sign's, in its
// sentence, explains it by another cause or someone else: "red lines on my
// cheek, but it was my son with a marker", "shivery but it's the
// flu that's going round". The explaining clause opens with "it was", "that
// is", "turns out", "probably"… before the cue, names no sign of its own,
// and compares nothing. The cue is the explanation; moodOf sets it aside
// when it is a bug only guessed at (guessed).
func (d *redFlags) explainedLater(toks []token, h hit, cues *[numCues][]hit) (hit, bool) {
	for _, kind := range [...]cueKind{cueCause, cueThird} {
		for _, c := range cues[kind] {
			if c.start < h.end || toks[c.start].sentence != toks[h.start].sentence && !turnsOut(toks, c, h) ||
				toks[c.start].clause == toks[h.start].clause || simile(toks, c) ||
				kind == cueThird && c.end < len(toks) && has(occasions, toks[c.end].word) {
				continue // "it's my sister's wedding on Saturday": her day, not her sign
			}
			start := clauseStart(toks, c.start)
			opened := false
			for k := start; k < c.start; k++ {
				if d.anchorAt(toks, k) {
					opened = false
					break
				}
				w := toks[k].word
				if has(negationWords, w) || has(doubts, w) {
					opened = false // "I don't think it's a cold", "I assumed it was the numbing cream"
					break
				}
				opened = opened || has(explainers, w) ||
					(w == "was" || w == "is") && k > 0 && has(pointers, toks[k-1].word)
			}
			// "shivery but the heating's broken", "dizzy but I've got a
			// cold": a whole-body sign, and a cause in the clause "but"
			// opens right after it.
			// So does one after ", but": "faint in the car, but I hadn't had
			// any breakfast".
			butBefore := start > 0 && toks[start-1].word == "but" &&
				(toks[start-1].clause == toks[h.start].clause || start > 1 && toks[start-2].clause == toks[h.start].clause)
			opened = opened || kind == cueCause && d.systemic[d.flagOf(h)] && butBefore &&
				!slices.ContainsFunc(toks[start:c.start], func(t token) bool { return has(negationWords, t.word) || has(topicTurns, t.word) })
			if opened {
				return c, true
			}
		}
	}
	return hit{}, false
}

// explainedBefore reports whether a whole-body sign is explained by an
// illness told in an earlier clause of its sentence: "had flu before my
// appointment, still a bit feverish". Not when "now" stands between ("had
// a cold last week, now I'm shivering") or the sentence blames the
// treatment. The illness is the cue.
func (d *redFlags) explainedBefore(toks []token, h hit, cues *[numCues][]hit) (hit, bool) {
	if !d.systemic[d.flagOf(h)] || blamesTreatment(toks, h.start) {
		return hit{}, false
	}
	for _, c := range cues[cueCause] {
		if c.end > h.start || toks[c.start].sentence != toks[h.start].sentence ||
			toks[c.start].clause == toks[h.start].clause || simile(toks, c) || negatedCue(toks, c) ||
			describesThing(toks, c) || despite(toks, c) || onlyWhen(toks, c) ||
			nowBetween(toks, c, h) && !stillBetween(toks, c, h) {
			continue
		}
		return c, true
	}
	return hit{}, false
}

// stillBetween reports whether the only words of the present between a
// cause and a sign say it goes on: "had flu last week, still a bit feverish".
func stillBetween(toks []token, c, h hit) bool {
	for k := c.end; k < h.start; k++ {
		if has(nowWords, toks[k].word) && toks[k].word != "still" {
			return false
		}
	}
	return true
}

// onlyWhen reports whether the clause of a cause tells only when, or what
// the sign is like: "since the numbing cream came off", "like when I had
// chickenpox as a kid".
func onlyWhen(toks []token, c hit) bool {
	for k := c.start - 1; k >= 0 && toks[k].clause == toks[c.start].clause; k-- {
		if w := toks[k].word; w == "since" || w == "after" || w == "when" || w == "like" {
			return true
		}
	}
	return false
}

// flagOf returns the flag of a red-flag term's rule.
func (d *redFlags) flagOf(h hit) int {
	return int(d.term[h.phrase].flag)
}

// pointers point back at a sign: "it was", "that is".
var pointers = toSet(`it that this`)

// ownClause reports whether the words between a sign and what is said of
// it join no other sign: "the blisters I had on day 2 have healed", but not
// "blisters on my cheek and the redness has gone".
func (d *redFlags) ownClause(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		if w := toks[k].word; w == "and" || w == "or" || w == "but" || d.anchorAt(toks, k) {
			return false
		}
	}
	return true
}

// anchorAt reports whether the first term of a red-flag rule begins at
// token k: a sign named ("it was pus"), not a word that only qualifies one
// ("the cold", "the flu").
func (d *redFlags) anchorAt(toks []token, k int) bool {
	for _, id := range d.terms.byFirst[toks[k].word] {
		if d.term[id].owner&0xff != 0 {
			continue
		}
		if _, ok := d.terms.matchAt(toks, k, id); ok {
			return true
		}
	}
	return false
}

// signAt reports whether a sign that is a rule on its own begins at token
// k ("pus", "blisters"), not a word that is a sign only beside another
// ("spot" of "spot + leaking").
func (d *redFlags) signAt(toks []token, k int) bool {
	for _, id := range d.terms.byFirst[toks[k].word] {
		if o := d.term[id].owner; o&0xff == 0 && d.rules[o>>8].terms == 1 {
			if _, ok := d.terms.matchAt(toks, k, id); ok {
				return true
			}
		}
	}
	return false
}

// termAt reports whether a red-flag term begins at token k.
func (d *redFlags) termAt(toks []token, k int) bool {
	for _, id := range d.terms.byFirst[toks[k].word] {
		if _, ok := d.terms.matchAt(toks, k, id); ok {
			return true
		}
	}
	return false
}

// generalWords make a question about a sign a general one wherever they
// stand in it: "is infection common after microneedling", "are blisters
// rare", "can a cold sore be triggered by it".
var generalWords = toSet(`common usual rare likely often trigger triggers triggered possible`)

// owners before a general word make it the person's own: "my usual
// moisturiser" asks nothing in general.
var owners = toSet(`my her his their our your`)

// verdicts after "ever" ask in general too: "is pus ever normal?".
var verdicts = toSet(`normal ok okay expected serious dangerous`)

// askedInGeneral reports whether the sign is in a clause that asks how
// common it is.
func askedInGeneral(toks []token, h hit) (hit, bool) {
	start, end := clauseStart(toks, h.start), h.end
	for end < len(toks) && toks[end].clause == toks[h.start].clause {
		end++
	}
	if !toks[h.start].asked && !opensQuestion(toks[start:end]) {
		return hit{}, false
	}
	if pointsAtOwn(toks, toks[h.start].clause) {
		return hit{}, false
	}
	supposed := -1
	for k := start; k < end; k++ {
		if has(generalWords, toks[k].word) && !(k > 0 && (toks[k-1].word == "than" || has(owners, toks[k-1].word))) &&
			!(k < h.start && statesNow(toks, spanHit(k, k+1), h)) ||
			toks[k].word == "ever" && k+1 < end && (has(verdicts, toks[k+1].word) || strings.HasPrefix(toks[k+1].word, "happen")) {
			return spanHit(k, k+1), true
		}
		// "is dizziness a side effect of microneedling?", "is swelling
		// round the eyes something that can happen after this?", but not
		// "is my swelling a side effect?" nor "I'm dizzy, can that happen?"
		side := toks[k].word == "side" && k+1 < end && (toks[k+1].word == "effect" || toks[k+1].word == "effects") ||
			toks[k].word == "bad" && k+1 < end && toks[k+1].word == "sign" || // "is a yellow crust a bad sign?"
			toks[k].word == "sign" && k+1 < end && toks[k+1].word == "of" && k > start && toks[k-1].word == "a" // "is a fever a sign of infection?"
		// "can blisters happen after this?", "do blisters mean
		// infection?", "is a fever after microneedling a thing?"
		opener := toks[start].word
		happens := toks[k].word == "happen" && k > start && (has(modals, toks[k-1].word) || has(modals, opener))
		means := (toks[k].word == "mean" || toks[k].word == "means") && (opener == "do" || opener == "does")
		thing := toks[k].word == "thing" && k > start+1 && toks[k-1].word == "a" && (opener == "is" || opener == "are")
		// "would blisters be normal after this?": a supposed sign, unless
		// the clause has a question of its own further on
		if supposed < 0 && toks[k].word == "be" && k >= h.end && k+1 < end && opener == "would" && !pointsAtOwnIn(toks, start, h.start) {
			supposed = k + 1
			if supposed+1 < end && (toks[supposed].word == "a" || toks[supposed].word == "an") {
				supposed++ // "would swollen lips be an emergency?"
			}
		}
		// "is blistering a risk with this?", "would swelling of the lips be
		// something to worry about?": the question is whole before the
		// writer speaks of themselves ("a side effect I ought to watch for")
		risk := toks[k].word == "risk" && k > start+1 && toks[k-1].word == "a" && (opener == "is" || opener == "are")
		worry := toks[k].word == "something" && k+2 < end && toks[k+1].word == "to" && (toks[k+2].word == "worry" || toks[k+2].word == "watch") &&
			(opener == "is" || opener == "are" || opener == "would" || opener == "could")
		if (side || risk || worry) && !pointsAtOwnIn(toks, start, k) {
			return spanHit(k, k+1+btoi(side)), true
		}
		if (happens || means || thing) && !pointsAtOwnIn(toks, start, end) {
			return spanHit(k, k+1), true
		}
	}
	if supposed >= 0 {
		return spanHit(supposed, supposed+1), true
	}
	return hit{}, false
}

// reactionAsks are the general cues that ask whether a sign is an adverse
// reaction: "something to worry about", "a risk", "a side effect".
var reactionAsks = toSet(`something risk side emergency reason concern problem worry`)

// namedConditions name a sign's cause rather than describe it: "is it
// infected?", "or is it an allergy?".
var (
	namedConditions = toSet(`infected infection allergy allergic reaction septic sepsis cellulitis angioedema anaphylaxis necrosis`)
	whetherWords    = toSet(`is are or could`)
	assertions      = toSet(`think sure reckon definitely certain defo`)
)

// asksWhether reports whether a condition is only named in a question
// whether it is one: "it itches, is it infected?", "is itching part of it
// or is it an allergy?". What the person describes in other words stands
// on its own ("pus is coming out, is that an infection?" is urgent by the
// pus); "I think it's infected?" asserts. The question word is the cue.
func asksWhether(toks []token, h hit) (hit, bool) {
	if !toks[h.start].asked || slices.ContainsFunc(toks[h.start:h.end], func(t token) bool { return !has(namedConditions, t.word) }) {
		return hit{}, false // "is this an allergic reaction??" names one in two words
	}
	cue := -1
	for k := h.start - 1; k >= 0 && toks[k].clause == toks[h.start].clause; k-- {
		switch w := toks[k].word; {
		case has(assertions, w):
			return hit{}, false
		case has(whetherWords, w) && cue < 0:
			cue = k
		}
	}
	if cue < 0 {
		return hit{}, false
	}
	return spanHit(cue, cue+1), true
}

// ownWords point a question at the person's own sign.
var (
	ownWords = toSet(`i me my mine this that these it`)
	modals   = toSet(`can could does do would will might`)
)

// pointsAtOwnIn reports whether the tokens [start, end) point at the
// person's own sign; "this" of "after this" is the treatment.
func pointsAtOwnIn(toks []token, start, end int) bool {
	for k := start; k < end; k++ {
		w := toks[k].word
		if has(ownWords, w) && !(w == "this" && k > 0 && has(prepositions, toks[k-1].word)) &&
			!(w == "that" && k+1 < end && has(modals, toks[k+1].word)) { // "something that can happen"
			return true
		}
	}
	return false
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// pointsAtOwn reports whether a clause points at the person's own sign
// ("blisters like these", "is mine normal", "like this"): a question about
// how common it is then is no general one.
func pointsAtOwn(toks []token, clause int) bool {
	for k, t := range toks {
		if t.clause == clause && (t.word == "these" || t.word == "mine" ||
			t.word == "like" && k+1 < len(toks) && toks[k+1].word == "this") {
			return true
		}
	}
	return false
}

// sides name one side or part of the face against another, before one of
// sideParts.
var (
	sides     = toSet(`left right other`)
	sideParts = toSet(`side cheek cheeks eye eyes eyelid jaw temple ear nostril brow eyebrow half hand arm leg`)
)

// sideIn returns the first side named in the clause of token k ("the
// left cheek", "the other side"), or "": not the "right" of "calmed right
// down" nor the "left" of "I'd left the heating on".
func sideIn(toks []token, k int) string {
	for j := clauseStart(toks, k); j+1 < len(toks) && toks[j].clause == toks[k].clause; j++ {
		if has(sides, toks[j].word) && has(sideParts, toks[j+1].word) {
			return toks[j].word
		}
	}
	return ""
}

// otherSide reports whether settling word c, in a later clause than sign h,
// is said of another side than the sign's: "crusty on my left cheek, the
// right cheek healed already".
func otherSide(toks []token, h, c hit) bool {
	if toks[c.start].clause == toks[h.start].clause {
		return false
	}
	side := sideIn(toks, c.start)
	return side != "" && side != sideIn(toks, h.start)
}

// admittedAfter reports whether the writer says, right after a sign
// supposed with "if", that it is so: "get help if redness spreads, which
// mine has".
func admittedAfter(toks []token, h hit) bool {
	for k := h.end; k+2 < len(toks) && k <= h.end+2; k++ {
		if toks[k].word == "which" && (toks[k+1].word == "mine" || toks[k+1].word == "it" || toks[k+1].word == "i") &&
			has(presentAux, toks[k+2].word) {
			return true
		}
	}
	return false
}

// clinicActs are what the clinic may do to a sign, before where: "drained
// at the clinic".
var clinicActs = toSet(`drained lanced seen checked looked removed`)

// comingNow, right after a sign, say that it is on its way now: "a cold
// sore coming up".
var comingNow = toSet(`coming starting forming developing brewing appearing`)

// checkVerbs take a measure of a sign: a "because" after "took my
// temperature" tells why it was taken.
var checkVerbs = toSet(`took take taking checked check checking measured measure`)

// nowParticiples end a present perfect that tells what a sign has become:
// "the spots have gone green", "the dots have turned into pimples".
var nowParticiples = toSet(`gone turned become started spread blistered developed grown swollen broken`)

// statesNow reports whether the words from cue c to the end of sign h's
// clause tell what is so now rather than what might be: a present
// progressive ("if it's spreading", "for the bruising to be spreading",
// "a rash that's spreading") or a present perfect ("if a couple of the
// spots have gone green"), but not "if the redness spreads".
func statesNow(toks []token, c, h hit) bool {
	end := h.end
	for end < len(toks) && toks[end].clause == toks[h.start].clause {
		end++
	}
	if c.start > 0 && has(whetherAskers, toks[c.start-1].word) {
		return false // "how would I know if it's spreading" asks how to tell
	}
	if c.start > 0 && has(verdictVerbs, toks[c.start-1].word) ||
		toks[c.start].word == "if" && c.end < len(toks) && !has(statedSubjects, toks[c.end].word) {
		return false // "my colleague said if redness is spreading it is infection": a rule told, of no one's skin
	}
	for k := c.end; k+1 < end; k++ {
		next := toks[k+1].word
		switch toks[k].word {
		case "is", "are", "am", "be":
			if len(next) > 4 && strings.HasSuffix(next, "ing") && !strings.HasSuffix(next, "thing") &&
				(!has(comingOn, next) || k+2 < end && (strings.HasSuffix(toks[k+2].word, "er") || toks[k+2].word == "worse")) {
				return true // "that's getting bigger", not "if I'm getting an infection"
			}
		case "has", "have":
			if has(nowParticiples, next) {
				return true
			}
		}
	}
	return false
}

// statedSubjects open an "if" clause about a sign that is there: "if my
// spots have turned", "if it's spreading", "if a couple of the spots have
// gone green", not "if redness is spreading".
var statedSubjects = toSet(`my the it they these those mine a some there`)

// whetherAskers before "if" ask how to tell whether a sign is there: "how
// would I know if", "can't tell if".
var whetherAskers = toSet(`know tell see sure check notice spot`)

// comingOn are the progressives of a sign still to come, unless a
// comparative follows: "if I'm getting an infection", "how would I know if
// I'm having a reaction", but not "if it's getting bigger".
var comingOn = toSet(`going getting having developing starting`)

// asksMeaning reports whether general cue c asks what a state means or
// whether it is usual ("what does it mean", "is it usual for"), rather than
// how one would tell a sign or what one has read.
func asksMeaning(toks []token, c hit) bool {
	for k := c.start; k < c.end; k++ {
		switch toks[k].word {
		case "does", "usual", "normal", "common":
			return true
		}
	}
	return false
}

// meaningOfMine reports whether "what does" asks what it means when the
// writer's own skin does something: "what does it mean when my neck
// starts blistering", not "what does it mean if the redness spreads".
func meaningOfMine(toks []token, c hit) bool {
	k := c.end
	return k+3 < len(toks) && toks[c.end-1].word == "does" && toks[k].word == "it" && toks[k+1].word == "mean" &&
		toks[k+2].word == "when" && toks[k+3].word == "my"
}

// disclaimers close a question by saying it is only asked: "mine's fine,
// just asking", "not that I have it, just want to know".
var disclaimers = [][]string{{"just", "asking"}, {"just", "curious"}, {"just", "wondering"}, {"just", "want", "to", "know"},
	{"only", "asking"}, {"purely", "curious"}, {"out", "of", "curiosity"}}

// disclaimed reports whether a sign asked about in a question is followed,
// in a later clause that ends the message, by a disclaimer: "should the
// spots have pus in them? mine look totally clear, just asking in case".
// A disclaimer that opens a message ("just checking, my chin is weeping")
// or goes on to ask ("just wondering if…") says nothing of the sign.
func disclaimed(toks []token, h hit) (hit, bool) {
	if !toks[h.start].asked {
		return hit{}, false
	}
	for k := h.end; k < len(toks); k++ {
		if toks[k].clause == toks[h.start].clause {
			continue
		}
		for _, d := range disclaimers {
			n := k + len(d)
			if n > len(toks) || !slices.EqualFunc(toks[k:n], d, func(t token, w string) bool { return t.word == w }) {
				continue
			}
			rest := toks[n:]
			if len(rest) > 0 && toks[n].clause == toks[k].clause && !has(closingWords, toks[n].word) {
				continue
			}
			return spanHit(k, n), true
		}
	}
	return hit{}, false
}

// badVerdicts name what a sign asked about would be: "or would that be a
// red flag?".
var badVerdicts = toSet(`red bad warning worry worrying concern concerning serious problem`)

// orIsThatBad reports whether a question about a sign, with nothing of the
// writer's own before it, goes on to ask whether it would be a bad sign:
// "is a fever normal after microneedling or would that be a bad sign?",
// but not "my face is hot, is that normal or would that be a bad sign?".
func orIsThatBad(toks []token, h hit) (hit, bool) {
	if !toks[h.start].asked {
		return hit{}, false
	}
	for k := h.start - 1; k >= 0 && toks[k].sentence == toks[h.start].sentence; k-- {
		if has(firstPerson, toks[k].word) {
			return hit{}, false
		}
	}
	for k := h.end; k+3 < len(toks) && toks[k].sentence == toks[h.start].sentence; k++ {
		if toks[k].word != "or" || toks[k+1].word != "would" && toks[k+1].word != "is" || toks[k+2].word != "that" {
			continue
		}
		for j := k + 3; j < len(toks) && j <= k+6 && toks[j].sentence == toks[k].sentence; j++ {
			if has(badVerdicts, toks[j].word) {
				return spanHit(k, j+1), true
			}
		}
	}
	return hit{}, false
}

// acquaintances are people, beside relations, who tell the writer things.
var acquaintances = toSet(`friend mate colleague neighbour neighbor flatmate boss nurse doctor gp pharmacist`)

// fineWords say that the writer's own skin is well: "mine is fine", "mine
// is just pink".
var fineWords = toSet(`fine just only normal ok okay perfect good nothing grand`)

// mineIsFineAfter reports whether a sign told with nothing of the writer's
// own in its sentence is followed, at the start of the next, by the
// writer saying theirs is well: "my colleague said if redness is spreading
// it is infection. Mine is just the same red", "my friend said red streaks
// would mean hospital. I have nothing like this".
func mineIsFineAfter(toks []token, h hit) (hit, bool) {
	start := h.start
	for start > 0 && toks[start-1].sentence == toks[h.start].sentence {
		start--
	}
	k := nextSentence(toks, h)
	if k+2 >= len(toks) {
		return hit{}, false
	}
	for j := start; j < h.start; j++ {
		if w := toks[j].word; w == "i" || w == "me" && !(j > 0 && has(verdictVerbs, toks[j-1].word)) || w == "mine" || w == "my" && !(j+1 < h.start && (has(relations, toks[j+1].word) || has(acquaintances, toks[j+1].word))) {
			return hit{}, false // "my cheek is weeping. Mine is fine otherwise" tells the writer's own; "told me" does not
		}
	}
	switch {
	case toks[k].word == "mine" && toks[k+1].word == "is" && has(fineWords, toks[k+2].word):
		return spanHit(k, k+3), true
	case toks[k].word == "i" && toks[k+1].word == "have" && toks[k+2].word == "nothing":
		return spanHit(k, k+3), true
	case toks[k].word == "i" && toks[k+1].word == "have" && toks[k+2].word == "got" && wordAt(toks, k+3) == "nothing":
		return spanHit(k, k+4), true // "I've got nothing like that"
	}
	return hit{}, false
}

// closingWords may follow a closing disclaimer: "just asking in case",
// "just curious lol", "just want to know for later".
var closingWords = toSet(`in for lol really though thanks thank x xx tbh haha`)

var (
	// comers are what an "if" after a sign says of it: that it comes.
	comers = toSet(`come comes appear appears happen happens develop develops form forms show shows start starts
		occur occurs pop pops crop crops turn turns get gets arise arises`)
	comerSubjects = toSet(`they it any one some these those i that this`)
	// oughtWords after "if I" ask what the writer should do.
	oughtWords = toSet(`should need ought must have`)
)

// ifItComes reports whether the sign's sentence goes on to make it a
// condition, after it: "should I squeeze pus spots myself if they come
// up?", "what do I put on blisters if any appear?".
func ifItComes(toks []token, h hit) (hit, bool) {
	// A question about a sign may say so in the next sentence: "is
	// blistering normal? asking so I don't panic if it happens".
	last := toks[h.start].sentence
	if toks[h.start].asked {
		last++
	}
	for k := h.end; k+2 < len(toks) && toks[k].sentence <= last; k++ {
		if toks[k].word != "if" || !has(comerSubjects, toks[k+1].word) ||
			toks[k+1].word == "i" && has(oughtWords, toks[k+2].word) {
			continue // "I don't know if I should come in" asks what to do, not whether it comes
		}
		for n := k + 2; n < len(toks) && n <= k+4 && toks[n].sentence == toks[k].sentence; n++ {
			if has(comers, toks[n].word) {
				return spanHit(k, n+1), true
			}
		}
	}
	return hit{}, false
}

// retractions take back what the sentence before said: "is shivering
// normal? ha only joking".
var retractions = map[string]struct{}{"jk": {}, "just kidding": {}, "only kidding": {}, "just joking": {}, "only joking": {}}

// afterIt reports whether cue c follows "after it" or "after they", or is
// "it …" after "after": it tells what came before the sign, not that the
// sign is over ("bleeding again today after it stopped yesterday").
func afterIt(toks []token, c hit) bool {
	pronoun := func(k int) bool { return toks[k].word == "it" || toks[k].word == "they" }
	return c.start > 0 && toks[c.start-1].word == "after" && pronoun(c.start) ||
		c.start > 1 && toks[c.start-2].word == "after" && pronoun(c.start-1)
}

// ifOpensQuestion reports whether cue c is an "if" that opens its
// sentence, before the sign, in a question asked of what the "if" clause
// supposes: "if I see a white spot, is that pus?", "if I feel unwell
// afterwards, like feverish, is that something to report?". The clause
// after it asks (is, should, do, what…), so the sign is supposed, not had.
func ifOpensQuestion(toks []token, c, h hit) bool {
	if toks[c.start].word != "if" || c.end > h.start || toks[c.start].sentence != toks[h.start].sentence || !toks[h.start].asked {
		return false
	}
	if c.start > 0 && toks[c.start-1].sentence == toks[c.start].sentence {
		return false // "she said if…", "what do I do if…": not the sentence's opening
	}
	for k := max(c.end, h.start) + 1; k < len(toks) && toks[k].sentence == toks[c.start].sentence; k++ {
		if toks[k].clause != toks[k-1].clause && asksFirst(toks, k, k+1) {
			return true
		}
	}
	return false
}

// asksAhead reports whether a sign asked about in a question is explained,
// in a later sentence, as asked ahead of a treatment: "is pus normal after
// microneedling? asking before I book", "is it normal to feel faint?
// asking about my appointment next week", "asking for future reference",
// "asking for my sister, she's booked in next week".
func asksAhead(toks []token, h hit) (hit, bool) {
	if !toks[h.start].asked {
		return hit{}, false // "there's pus. Asking before my next session…" tells a sign
	}
	sentence := toks[h.start].sentence
	for k := h.end; k < len(toks); k++ {
		if toks[k].sentence == sentence || !has(askingWords, toks[k].word) {
			continue
		}
		for n := k + 1; n < len(toks) && n <= k+8 && toks[n].sentence == toks[k].sentence; n++ {
			if n <= k+4 && (toks[n].word == "before" || toks[n].word == "ahead" || toks[n].word == "future") || toks[n].word == "booked" ||
				toks[n].word == "next" && n+1 < len(toks) && has(nextPeriods, toks[n+1].word) || // "asking for my friend who's having it next month"
				toks[n].word == "about" && n+2 < len(toks) && toks[n+1].word == "my" && has(bookedWords, toks[n+2].word) {
				return spanHit(k, n+1), true
			}
		}
	}
	return hit{}, false
}

// nextPeriods, after "next", put a treatment ahead: "having it next month".
var nextPeriods = toSet(`week month year time session appointment monday tuesday wednesday thursday friday saturday sunday`)

// deniedAfter reports whether a sign asked about in a question is denied
// by the writer at the start of the next sentence: "is weeping normal?
// mine isn't", "are blisters normal? I haven't got any, just reading",
// "would blisters be normal? my daughter doesn't have any",
// "is it normal to feel dizzy? I didn't", "are hives normal? haven't got
// any" (the writer unsaid), "hives? swelling? I don't have either". Not
// "I'm not sure" or "I don't think so": the denial is all its clause says.
func deniedAfter(toks []token, h hit) (hit, bool) {
	if !toks[h.start].asked {
		return hit{}, false
	}
	k := nextSentence(toks, h)
	if k+3 < len(toks) && toks[k].word == "not" && toks[k+1].word == "that" && toks[k+2].word == "i" &&
		(toks[k+3].word == "have" || toks[k+3].word == "got") {
		return spanHit(k, k+4), true // "would you call a fever a reaction? Not that I have one."
	}
	aux := k + 1 // the denying verb, after its subject
	switch {
	case k+1 < len(toks) && toks[k].word == "my" && has(relations, toks[k+1].word):
		k++ // "My daughter doesn't have any"
		aux++
	case k+1 < len(toks) && has(denyingAux, toks[k].word) && toks[k+1].word == "not":
		aux = k // "Haven't got any": the writer, unsaid
	case k < len(toks) && !has(deniers, toks[k].word):
		return hit{}, false
	}
	if aux+1 >= len(toks) || !has(denyingAux, toks[aux].word) || toks[aux+1].word != "not" {
		return hit{}, false
	}
	n := aux + 2
	for n < len(toks) && toks[n].clause == toks[k].clause && has(deniedObjects, toks[n].word) {
		n++
	}
	if n < len(toks) && toks[n].clause == toks[k].clause && !has(contrasts, toks[n].word) {
		return hit{}, false
	}
	return spanHit(k, n), true
}

// nextSentence returns the first token after the sentence of h, or
// len(toks) when that sentence is the last.
func nextSentence(toks []token, h hit) int {
	k := h.end
	for k < len(toks) && toks[k].sentence == toks[h.start].sentence {
		k++
	}
	return k
}

// denyingAux and deniedObjects make up a denial: "I haven't got any",
// "mine isn't", "I didn't", "don't have either".
var (
	deniers       = toSet(`i mine she he`)
	denyingAux    = toSet(`did do does have has am is are was were`)
	deniedObjects = toSet(`got had have any one them it that either both`)
)

// askingWords say why the writer asks; bookedWords name what is booked
// ahead: "asking about my appointment".
var (
	askingWords = toSet(`asking ask wondering curious`)
	bookedWords = toSet(`appointment appt treatment session consultation booking`)
)

// spanHit is a hit on the tokens [start, end), for explanations.
func spanHit(start, end int) hit {
	return hit{start: start, end: end, words: 1<<uint(min(end-start, 32)) - 1}
}

var (
	theirTreatment = toSet(`hers theirs`)
	their          = toSet(`her his their`)
	treatmentWords = toSet(`microneedling needling treatment session procedure`)
)

// afterTreatment reports whether a message names someone else's treatment:
// "after hers", "since her session". Their sign is then a question about
// reactions; someone's sign in general ("people feel faint during the
// procedure") or from something else ("after a tattoo") is not.
func afterTreatment(toks []token) bool {
	for k, t := range toks {
		if has(theirTreatment, t.word) || has(their, t.word) && k+1 < len(toks) && has(treatmentWords, toks[k+1].word) ||
			t.word == "his" && (k+1 == len(toks) || toks[k+1].clause != t.clause) {
			return true
		}
	}
	return false
}

// recurring words ask whether a sign comes back; actions ask what to do
// then.
var (
	recurring = toSet(`happen happens again recur recurs`)
	actions   = toSet(`do contact call ring phone tell`)
)

// asksAgain reports whether a message asks what to do if a sign comes
// (back): "if that happens to me, what do I do?", "who do I contact if it
// happens again?". Whether it will happen is another question, about
// likelihood, which the sheet does not answer.
func asksAgain(toks []token) bool {
	cond, action := false, false
	for _, t := range toks {
		if has(recurring, t.word) {
			for _, u := range toks {
				cond = cond || u.sentence == t.sentence && (u.word == "if" || u.word == "when")
			}
		}
		action = action || has(actions, t.word) && t.asked
	}
	return cond && action
}

// contrasts end the reach of a negation: "no fever, just red", "no pus only
// spots".
var contrasts = toSet(`just only but except apart although though however whereas`)

func contrastBetween(between []token) bool {
	for _, t := range between {
		if has(contrasts, t.word) {
			return true
		}
	}
	return false
}

// changesState reports whether a cue such as "gone" is followed by what the
// thing has become: "the swelling has gone" is over, "my vision's gone
// fuzzy" and "gone all lumpy" are not.
func changesState(toks []token, c hit) bool {
	for k := c.end; k < len(toks) && toks[k].clause == toks[c.start].clause; k++ {
		switch t := toks[k]; {
		case t.word == "like":
			return true // a picture of what it has become: "my eye's gone like a boxer's"
		case has(intensifiers, t.word), t.word == "way", t.word == "the" && k+1 < len(toks) && toks[k+1].word == "way":
			continue // "gone all the way to my neck"
		case (t.word == "down" || t.word == "onto") && k+2 < len(toks) && (has(placesSpread, toks[k+2].word) || toks[k+1].word == "onto" && k+3 < len(toks) && has(placesSpread, toks[k+3].word)):
			return true // "has gone down onto my neck": where it has gone
		case t.word == "up" && k == c.end && has(settlingVerbs, toks[c.end-1].word):
			continue // "cleared up", "dried up": settled, not grown
		case (t.word == "my" || t.word == "her" || t.word == "his") && k+1 < len(toks) && has(placesSpread, toks[k+1].word):
			return true // where it has gone: "gone right down my neck"
		case has(directions, t.word), t.word == "into":
			return true // "the pain's gone from a 3 to an 8", "gone up"
		case t.word == "within" || t.word == "by" || t.word == "after" || t.word == "thanks" || t.word == "because":
			return false // when or why it changed: "stopped within the hour", "went by morning", "gone thanks to the tablets"
		case isContent(t):
			return !has(settled, t.word)
		}
		return false
	}
	return false
}

// tellsWhatItWas reports whether a cue after a sign says what it really
// was ("was just dry skin", "was only a bit of dry skin"), so that words
// after it ("…lifting") tell no change of the sign.
func tellsWhatItWas(cue string) bool {
	return strings.HasPrefix(cue, "was just ") || strings.HasPrefix(cue, "was only ") || strings.HasPrefix(cue, "were just ")
}

// placesSpread are where a sign goes when it spreads: "gone right down my
// neck".
var placesSpread = toSet(`neck chest ear ears jaw shoulder shoulders arm arms back collarbone throat cheek cheeks chin face`)

// towards name where a sign goes, before a place that would otherwise be
// another cause: "the red has crept down towards my knee".
var towards = toSet(`towards toward onto into reaching reached`)

// reachWords before "to" say where a sign reaches: "down to my knees".
var reachWords = toSet(`down up over across round around`)

// settlingVerbs say a sign is over even with "up" after them: "it's all
// cleared up now".
var settlingVerbs = toSet(`cleared clearing dried drying healed healing calmed calming settled settling cleaned`)

// joiners may open a clause before what it says of the sign in the clause
// before: "…, but it went down again", "and then it settled".
var joiners = toSet(`and then it they that has have had is was soon quickly all`)

// opensNextClause reports whether a cue opens the clause right after the
// sign's, in its sentence, after "but": "…but went down again".
func opensNextClause(toks []token, c hit, clause int) bool {
	if toks[c.start].clause != clause+1 || toks[c.start].sentence != toks[c.start-1].sentence {
		return false
	}
	k := c.start - 1
	for ; k >= 0 && toks[k].clause == clause+1; k-- {
		if !has(joiners, toks[k].word) {
			return false
		}
	}
	return k >= 0 && toks[k].word == "but"
}

// subjects are the words a later clause may point back at a sign with.
var subjects = toSet(`it they those these both all`)

// resolvedLater reports whether a later clause of the sign's sentence
// says, of "it" or "they", that the sign is over: "hives from strawberries
// the day before my appointment, they're long gone now", "pus in a spot on
// day 2 but you drained it and it's all healed up now". No other sign is
// named between them, the clause points back with a pronoun, negates
// nothing, and does not tell what the sign became ("gone from a 3 to an 8").
func (d *redFlags) resolvedLater(toks []token, h hit, c hit) bool {
	if c.start < h.end || toks[c.start].sentence != toks[h.start].sentence || toks[c.start].clause == toks[h.start].clause ||
		changesState(toks, c) {
		return false
	}
	start := clauseStart(toks, c.start)
	for k := h.end; k < start; k++ {
		if d.signAt(toks, k) {
			return false
		}
	}
	pointed := false
	for k := start; k < c.start; k++ {
		w := toks[k].word
		if has(negationWords, w) || d.signAt(toks, k) {
			return false
		}
		pointed = pointed || has(subjects, w)
	}
	return pointed
}

// asksFirst reports whether toks[from:to] begins with a question word,
// after any conjunction: "or is pus normal".
func asksFirst(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		if w := toks[k].word; w != "and" && w != "but" && w != "so" && w != "or" {
			return has(questionOpeners, w)
		}
	}
	return false
}

// negatedJustBefore reports whether a negation stands right before token
// k, or before the intensifiers in front of it: "not gone down", "hasn't
// really gone down".
func negatedJustBefore(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if has(negationWords, toks[j].word) {
			return true
		}
		if !has(intensifiers, toks[j].word) && toks[j].word != "fully" && toks[j].word != "completely" {
			return false
		}
	}
	return false
}

// clauseStart returns the first token of token k's clause.
func clauseStart(toks []token, k int) int {
	for k > 0 && toks[k-1].clause == toks[k].clause {
		k--
	}
	return k
}

// endsClause reports whether a cue is the last word of its clause: "fever?
// no." answers, "fever? no idea" does not.
func endsClause(toks []token, c hit) bool {
	return c.end == len(toks) || toks[c.end].clause != toks[c.end-1].clause
}

var (
	intensifiers = toSet(`all so really very bit a quite kind sort of more super proper totally pretty fairly`)
	settled      = toSet(`now completely away down already today again fully mostly yesterday earlier overnight night morning ago days hours last after breakfast lunch dinner tea while minute minutes couple few straight quickly soon instantly day teatime lunchtime bedtime evening afternoon midday`)
	directions   = toSet(`from to up`)
	// answers are negations that answer a sign named just before: "oozing:
	// no", "breathing fine, lips normal".
	answers = toSet(`no none fine normal`)
)

// similes compare a sign with something else: "puffy like I've been
// crying", "looks like someone punched me". What follows them is a picture
// of the sign, not its cause or someone else's.
var similes = toSet(`like if though`)

// simile reports whether a cue is part of a comparison: "like", "as if" or
// "as though" up to three words before it in its clause, or a picture
// opened by "like someone" up to nine: "like someone drew on me with a red
// felt tip".
func simile(toks []token, c hit) bool {
	for k := c.start - 1; k >= 0 && k >= c.start-9 && toks[k].clause == toks[c.start].clause; k-- {
		switch w := toks[k].word; {
		case w == "like" && (c.start-k <= 3 || k+1 < len(toks) && has(pictured, toks[k+1].word)):
			return true
		case has(similes, w) && k > 0 && toks[k-1].word == "as":
			return true
		}
	}
	return false
}

// likeWhen reports whether a past cue dates what a sign is likened to, not
// the sign: "blistered like when I had that peel two years ago".
func likeWhen(toks []token, c hit) bool {
	for k := c.start - 1; k > 0 && k >= c.start-12 && toks[k].sentence == toks[c.start].sentence; k-- {
		if toks[k].word == "when" && toks[k-1].word == "like" {
			return true
		}
	}
	return false
}

// pictured open a longer picture after "like": "like someone drew it with
// a felt tip".
var pictured = toSet(`someone somebody somebodys someones it i i've ive a an`)

// happening words tell a sign of its clause is happening now.
var happening = toSet(`keeps keep has have just come appeared appearing started starting`)

// idiomaticIf reports whether an "if" cue is an idiom that supposes
// nothing: "if anything it's spreading", "if I'm honest", or asks about
// what is so: "is it ok if I still have a temperature?".
func idiomaticIf(toks []token, c hit) bool {
	if toks[c.start].word != "if" && toks[c.start].word != "whether" || c.end-c.start != 1 || c.end >= len(toks) {
		return false
	}
	if toks[c.start].word == "if" && c.start > 0 && toks[c.start-1].word == "as" {
		return true // "feels as if it's on fire": a comparison, not a supposition
	}
	for k := c.end + 1; k < len(toks) && k <= c.end+2 && toks[k].clause == toks[c.start].clause; k++ {
		if toks[k].word == "still" {
			return true
		}
	}
	if c.end+2 < len(toks) && toks[c.end].word == "it" && toks[c.end+1].word == "is" && has(usual, toks[c.end+2].word) {
		return true // "wondering if it's normal to still have a bruise": whether what is so is usual
	}
	if toks[c.start].word == "if" && c.start > 0 && (has(usual, toks[c.start-1].word) || has(worrying, toks[c.start-1].word)) &&
		(toks[c.end].word == "my" || toks[c.end].word == "the" ||
			(toks[c.end].word == "it" || toks[c.end].word == "they") && c.end+1 < len(toks) && has(presentAux, toks[c.end+1].word)) &&
		slices.ContainsFunc(toks[c.end:min(len(toks), c.end+6)], func(t token) bool { return t.word == "is" || t.word == "are" }) {
		return true // "is it normal if my whole face is yellow and crusty": what is so, asked about
	}
	if toks[c.start].word == "if" && has(determiners, toks[c.end].word) && askedUsual(toks, c) {
		return true // "wondering if a few little water blisters are normal": whether what is so is usual
	}
	if toks[c.start].word == "if" && asksLeave(toks, c) && ifHas(toks, c) {
		return true // "is it okay to have a bath if the skin is breaking down?": the state is the reason asked
	}
	switch toks[c.end].word {
	case "anything", "honest":
		return true
	case "i":
		return c.end+2 < len(toks) && toks[c.end+1].word == "am" && toks[c.end+2].word == "honest"
	}
	return false
}

// leaveOpeners open a question asking leave: "is it ok to…", "can I…".
var leaveOpeners = toSet(`is can could should am`)

// asksLeave reports whether the sentence of "if" c asks leave to do
// something ("is it okay to have a bath if…", "can I go to the beach if…"),
// not what to do ("what do I do if…").
func asksLeave(toks []token, c hit) bool {
	start := c.start
	for start > 0 && toks[start-1].sentence == toks[c.start].sentence {
		start--
	}
	if slices.ContainsFunc(toks[start:c.start], func(t token) bool { return tellsTreatment(t.word) }) {
		return false // "can I have microneedling if I've got a cold sore?": asking before the treatment
	}
	return start+1 < c.start && has(leaveOpeners, toks[start].word) && (toks[start+1].word == "it" || toks[start+1].word == "i")
}

// ifHas reports whether the clause after "if" c tells of the writer's own
// skin as it is: "if my eyelids are so swollen", "if the skin is sort of
// breaking down", "if I've got a few blisters".
func ifHas(toks []token, c hit) bool {
	k := c.end
	if k+2 >= len(toks) {
		return false
	}
	switch toks[k].word {
	case "my", "the":
		for j := k + 1; j < len(toks) && j <= k+4 && toks[j].clause == toks[k].clause; j++ {
			if toks[j].word == "is" || toks[j].word == "are" || toks[j].word == "has" || toks[j].word == "have" {
				return true
			}
		}
	case "i":
		return toks[k+1].word == "have" && toks[k+2].word == "got" || toks[k+1].word == "have" && has(determiners, toks[k+2].word)
	}
	return false
}

// happeningNow reports whether the sentence after a sign's says that what
// it supposed is going on: "what do I do if the serum makes my skin come up
// in a rash? it's doing it right now".
func happeningNow(toks []token, h hit) bool {
	k := nextSentence(toks, h)
	for n := k; n < len(toks) && n < k+6 && toks[n].sentence == toks[k].sentence; n++ {
		if toks[n].word == "now" && slices.ContainsFunc(toks[max(k, n-3):n], func(t token) bool { return t.word == "doing" || t.word == "happening" }) {
			return true
		}
	}
	return false
}

// askedUsual reports whether, within eight words after a supposition and in
// its clause, "is" or "are" asks whether something is usual.
func askedUsual(toks []token, c hit) bool {
	for k := c.end + 1; k+1 < len(toks) && k <= c.end+8 && toks[k].clause == toks[c.start].clause; k++ {
		if (toks[k].word == "is" || toks[k].word == "are") && has(usual, toks[k+1].word) {
			return true
		}
	}
	return false
}

// usual words ask whether what is so is to be expected: "if it's normal".
var usual = toSet(`normal ok okay fine usual expected`)

// presentAux tell what is so now: "is it bad if it's crusting".
var presentAux = toSet(`is are has have`)

// worrying words ask whether what is so is a bad sign: "is it bad if the
// redness is spreading down my neck now".
var worrying = toSet(`bad serious worrying concerning`)

// habitual words make a past cue say the person often has the sign.
var habitual = toSet(`always usually tend prone often sometimes suffer regularly`)

// habitualLater reports whether a later clause of the sign's sentence says
// the person often has it, pointing back at it: "had a nosebleed this
// morning, I always get them when the heating's on".
func (d *redFlags) habitualLater(toks []token, h, c hit) bool {
	if c.start < h.end || toks[c.start].sentence != toks[h.start].sentence || toks[c.start].clause == toks[h.start].clause {
		return false
	}
	if text := d.cues[cuePast].phrases[c.phrase].text; !strings.HasSuffix(text, " all the time") &&
		!slices.ContainsFunc(strings.Fields(text), func(w string) bool { return has(habitual, w) }) {
		return false
	}
	for k := h.start - 1; k >= 0 && toks[k].clause == toks[h.start].clause; k-- {
		if has(nowWords, toks[k].word) {
			return false // "still bleeding, I always get them" is now
		}
	}
	for k := h.start; k < len(toks) && toks[k].clause == toks[h.start].clause; k++ {
		if w := toks[k].word; has(nowWords, w) || has(negationWords, w) || has(happening, w) {
			return false // "bleeding and won't stop", "a cold sore has come up"
		}
	}
	for k := c.start; k < len(toks) && k <= c.end+2 && toks[k].clause == toks[c.start].clause; k++ {
		if has(backPointers, toks[k].word) { // "I always get them", "I get them all the time"
			return true
		}
	}
	return false
}

// backPointers point back at a sign named before.
var backPointers = toSet(`them it these those one that`)

// longAgo reports whether a past cue is no recent time ("years ago", "last
// time", "at another clinic"; not "last week"): its sentence is over.
func (d *redFlags) longAgo(c hit) bool {
	for _, w := range strings.Fields(d.cues[cuePast].phrases[c.phrase].text) {
		if w == "week" || w == "weeks" || w == "month" || w == "during" {
			return false
		}
	}
	return true
}

var (
	// pastVerbs tell what happened: "I got an infection", "it was oozing".
	pastVerbs = toSet(`had got was were came went developed ended broke caused gave became`)
	// recentWords bring a sign told in the past to now: "got a fever this
	// morning", "it came up overnight".
	recentWords = toSet(`now today tonight currently still suddenly yesterday morning evening since overnight woke`)
)

// toldInThePast reports whether a clause tells its sign in the past tense
// (a past verb, or a verb in -ed), with no word of today nor a verb of now: a past cue earlier in the sentence then reaches it
// ("Last time, at another clinic, I got an infection").
func toldInThePast(toks []token, clause int) bool {
	past, edForm := false, false
	for _, t := range toks {
		if t.clause != clause {
			continue
		}
		if has(recentWords, t.word) || has(presentVerbs, t.word) {
			return false
		}
		past = past || has(pastVerbs, t.word)
		edForm = edForm || strings.HasSuffix(t.word, "ed")
	}
	return past || edForm // "my lips swelled up", with no "is" or "are"
}

// presentVerbs tell of now: "my lips are swelling", "it has blistered".
var presentVerbs = toSet(`is are am has have keep keeps`)

// nowWords put what follows them in the present again: "had it done last
// week and now there's pus", "weeks ago but since today it's oozing".
var nowWords = toSet(`now today tonight currently still suddenly`)

// judgements follow "I thought it" when the writer judges what to do:
// "I thought it best to ask".
var judgements = toSet(`prudent best wise sensible worth right important better polite good fair`)

// habitNamesSign reports whether past cue c is a habit with a sign in it:
// "I get cold sores".
func (d *redFlags) habitNamesSign(toks []token, c hit) bool {
	if !slices.ContainsFunc(toks[c.start:c.end], func(t token) bool { return t.word == "get" }) {
		return false
	}
	for k := c.start; k < c.end; k++ {
		if d.signAt(toks, k) {
			return true
		}
	}
	return false
}

// habitOnsets tell that a sign the writer is prone to has come: "one has
// come up", "one's starting", "one's arrived".
var habitOnsets = toSet(`come came coming comes started starting starts arrived arriving breaking broke popped popping flared flaring appeared appearing erupted forming formed brewing`)

// habitNowAfter reports whether, after a habit told with sign h in it ("I
// get cold sores"), a later clause says the sign is here now: "and one has
// come up", "and I can feel one starting", "and now there's a cluster", but
// not "what do I do if one comes up?" or "none now".
func habitNowAfter(toks []token, h hit) bool {
	if presentClauseBetween(toks, h.end, len(toks)) {
		return true
	}
	for k := h.end; k < len(toks); k++ {
		w := toks[k].word
		hypo := slices.ContainsFunc(toks[max(h.end, k-3):k], func(t token) bool {
			return t.word == "if" || t.word == "when" || t.word == "case" || t.word == "whether" || t.word == "could" || t.word == "will"
		})
		switch {
		case w == "one" && !hypo:
			for n := k + 1; n < len(toks) && n <= k+4 && toks[n].clause == toks[k].clause; n++ {
				if has(habitOnsets, toks[n].word) {
					return true
				}
			}
		case (w == "now" || w == "today") && !hypo && toks[k-1].word != "for" && !has(negationWords, toks[k-1].word) &&
			!has(negationWords, wordAt(toks, k+1)):
			return true // "and now I've got one", but not "none now", "for now nothing"
		}
	}
	return false
}

// presentClauseBetween reports whether a clause told in the present opens
// between from and to: "and I can feel", "and there's", "and I've got".
func presentClauseBetween(toks []token, from, to int) bool {
	for k := from; k+1 < to; k++ {
		if toks[k].word != "and" && toks[k].word != "but" {
			continue
		}
		subj, verb := toks[k+1].word, ""
		if k+2 < to {
			verb = toks[k+2].word
		}
		switch {
		case subj == "i" && (verb == "can" || verb == "am" || verb == "have" && k+3 < to && toks[k+3].word == "got"),
			subj == "there" && (verb == "is" || verb == "are"):
			return true
		}
	}
	return false
}

// nowBetween reports whether a word of the present stands between a past
// cue and the sign.
func nowBetween(toks []token, c, h hit) bool {
	from, to := c.end, h.start
	if h.start < c.start {
		from, to = h.end, c.start
	}
	for k := from; k < to; k++ {
		if has(nowWords, toks[k].word) {
			return true
		}
	}
	return false
}

// vocatives open a message by addressing its reader.
var vocatives = toSet(`mate hun babe bro sis love doc hey brother sister habibi habibti sir madam maam doctor baji bhai didi dear`)

// prepositions make the person after them an object, not the one with the
// sign: "making tea for the kids and suddenly went dizzy".
var (
	prepositions = toSet(`for with to at from about of after by`)
	// tendingVerbs are done by the writer to someone in their care, or
	// taken somewhere: "took the kids to the beach, now my face…".
	tendingVerbs = toSet(`walk walks walked walking feed feeds fed feeding bathe bathed bathing take takes took taking drop drops dropped dropping collect collects collected collecting bring brings brought bringing drive drives drove driving picked`)
	anyone       = toSet(`someone somebody people anyone anybody other others friend friends`)
)

// objectOf reports whether a third-party cue follows a preposition or a
// verb of looking after, with at most one article or possessive (or the
// "up" of "picked up") between: "walked the dog in the wind, now it's
// burning" is the writer's sign.
// Whoever they are, people in general are never the patient: "a video of
// someone with an infected face", "normal for people to get infections".
func objectOf(toks []token, c hit) bool {
	if has(anyone, toks[c.start].word) {
		return false
	}
	for k := c.start - 1; k >= 0 && k >= c.start-2 && toks[k].clause == toks[c.start].clause; k-- {
		switch w := toks[k].word; {
		case has(prepositions, w), has(tendingVerbs, w):
			return true
		case w != "the" && w != "our" && w != "my" && w != "a" && w != "up":
			return false
		}
	}
	return false
}

// placeWords say where a sign is: "pus on my son's chin", "hives all over
// my daughter".
var placeWords = toSet(`on over in`)

// onSomeoneElse reports whether the words between a sign and a third-party
// cue after it put the sign on that person: a place word and at most two
// others ("all", "the").
func onSomeoneElse(between []token) bool {
	if len(between) == 0 || len(between) > 3 || between[0].clause != between[len(between)-1].clause {
		return false
	}
	place := false
	for _, t := range between {
		switch {
		case has(placeWords, t.word):
			place = true
		case t.word != "all" && t.word != "the" && t.word != "a":
			return false
		}
	}
	return place
}

// firstPerson words make the patient the subject again after a third-party
// cue: "my son is ill and now I have a fever".
var firstPerson = toSet(`i me my mine myself`)

func firstPersonIn(between []token) bool {
	for k, t := range between {
		// "me" after a preposition is no subject: "my friend who came
		// with me fainted".
		// "mine" after "of" names the other: "a friend of mine had hives".
		if has(firstPerson, t.word) && !((t.word == "me" || t.word == "mine") && k > 0 && has(prepositions, between[k-1].word)) {
			return true
		}
	}
	return false
}

// satisfied reports whether every term of rule ri occurs in one sentence,
// within rfWindow words, and in the least distant mood it can: present if
// any reading of its terms is present.
func (d *redFlags) satisfied(toks []token, hits []rfHit, ix termIndex, ri, nterms int) (ruleFinding, bool) {
	best := ruleFinding{rule: ri, mood: moodNegated + 1}
	for _, a := range ix.of(rfOwner(ri, 0)) {
		anchor := hits[a]
		if anchor.mood >= best.mood {
			continue
		}
		var buf [8]rfHit // the terms of a rule; copied only when best
		words, worst := append(buf[:0], anchor), anchor.mood
		for ti := 1; ti < nterms && words != nil; ti++ {
			pick := int32(-1)
			for _, k := range ix.of(rfOwner(ri, ti)) {
				h := hits[k]
				if (near(toks, h.hit, words) || refersBack(toks, anchor.hit, h.hit) || d.term[h.phrase].duration) && (pick < 0 || h.mood < hits[pick].mood) {
					pick = k
				}
			}
			if pick < 0 {
				words = nil
				break
			}
			words = append(words, hits[pick])
			if !d.term[hits[pick].phrase].duration { // a day count dates the sign; what is said of it is no mood: "day 11, the peeling's all gone, the swelling hasn't gone down"
				worst = max(worst, hits[pick].mood)
			}
		}
		if words != nil && worst == moodPast {
			worst = nowAfterPast(toks, words)
		}
		if words != nil && worst < best.mood {
			best.mood, best.words = worst, slices.Clone(words)
		}
	}
	return best, best.words != nil
}

// near reports whether h stands within rfWindow words of one of the
// words a rule has found so far, in their sentence (or run of short
// sentences, joinFragments): a chain of terms may
// reach further than one window ("put my foundation on (I know, I know)
// and now my face is blotchy and swelling up").
func near(toks []token, h hit, words []rfHit) bool {
	for _, w := range words {
		if toks[h.start].run == toks[w.start].run && abs(h.start-w.start) <= rfWindow {
			return true
		}
	}
	return false
}

// satisfiable reports whether satisfied may find the rule's terms, in any
// mood, without building what it found: never false when it would.
func (d *redFlags) satisfiable(toks []token, hits []rfHit, ix termIndex, ri, nterms int) bool {
	for _, a := range ix.of(rfOwner(ri, 0)) {
		anchor := hits[a]
		all := true
		for ti := 1; ti < nterms && all; ti++ {
			all = slices.ContainsFunc(ix.of(rfOwner(ri, ti)), func(k int32) bool {
				h := hits[k]
				// A chain of terms reaches at most a window a term
				// (near): satisfied decides.
				return toks[h.start].run == toks[anchor.start].run && abs(h.start-anchor.start) <= (nterms-1)*rfWindow ||
					refersBack(toks, anchor.hit, h.hit) || d.term[h.phrase].duration
			})
		}
		if all {
			return true
		}
	}
	return false
}

// termIndex holds the numbers of a message's red-flag hits grouped by the
// rule term they stand for (in message order within a term), so that
// satisfied reads only the hits of the terms it needs: "swelling" is a
// term of dozens of rules. A term's hits are found by its slot, not
// searched for: satisfiable asks dozens of times a message.
type termIndex struct {
	ruleSlot     []int32
	gen          uint32
	stamp        []uint32
	start, count []int32
	hits         []int32 // hit numbers, term after term
}

// indexTerms builds the index in s's buffers, grown as needed: a count of
// each term's hits, their starts, then the hits in message order.
func (d *redFlags) indexTerms(hits []rfHit, s *detectScratch) termIndex {
	if len(s.stamp) < d.slots {
		s.stamp, s.start, s.count = make([]uint32, d.slots), make([]int32, d.slots), make([]int32, d.slots)
		s.gen = 0
	}
	s.gen++
	if s.gen == 0 { // wrapped: no stamp may look current
		clear(s.stamp)
		s.gen = 1
	}
	gen, stamp, start, count := s.gen, s.stamp, s.start, s.count
	touched := s.touched[:0]
	for k := range hits {
		sl := d.term[hits[k].phrase].slot
		if stamp[sl] != gen {
			stamp[sl], count[sl] = gen, 0
			touched = append(touched, sl)
		}
		count[sl]++
	}
	at := int32(0)
	for _, sl := range touched {
		start[sl], at = at, at+count[sl]
		count[sl] = 0 // counts again as the hits are placed
	}
	nums := slices.Grow(s.nums[:0], len(hits))[:len(hits)]
	for k := range hits {
		sl := d.term[hits[k].phrase].slot
		nums[start[sl]+count[sl]] = int32(k)
		count[sl]++
	}
	s.nums, s.touched = nums, touched
	return termIndex{ruleSlot: d.ruleSlot, gen: gen, stamp: stamp, start: start, count: count, hits: nums}
}

// of returns the numbers of the hits of one rule term.
func (ix termIndex) of(owner int) []int32 {
	sl := ix.ruleSlot[owner>>8] + int32(owner&0xff)
	if ix.stamp[sl] != ix.gen {
		return nil
	}
	return ix.hits[ix.start[sl] : ix.start[sl]+ix.count[sl]]
}

// backReferences stand for a sign named before them: "spots everywhere.
// like 20, and they're getting bigger".
var backReferences = toSet(`they them these those it`)

// linkingVerbs after "it" say what the sign is like now: "it seems
// larger", not "does it happen a lot".
var linkingVerbs = toSet(`is seems looks feels has got was`)

// refersBack reports whether term h, after the anchor a of its rule and
// in the next sentence or further than the window in the same one, is said
// of a back reference close before it that nothing stands between: "spots
// everywhere since yesterday. not a couple, like 20+, and theyre getting
// bigger".
func refersBack(toks []token, a, h hit) bool {
	sa, sh := toks[a.start].sentence, toks[h.start].sentence
	if h.start < a.end || sh > sa+1 || h.start-a.start > 2*rfWindow || contrastBetween(toks[a.end:h.start]) {
		return false
	}
	for k := h.start - 1; k >= 0 && k >= h.start-3 && toks[k].sentence == sh && k >= a.end; k-- {
		if has(backReferences, toks[k].word) && (toks[k].word != "it" || has(linkingVerbs, toks[k+1].word)) {
			return true
		}
		// A sign that opens its sentence is the subject of what is
		// joined to it with "and": "Bruising under my right eye is still
		// there a week later and actually looks bigger today".
		if toks[k].word == "and" && sa == sh && opensSentence(toks, a.start) {
			return true
		}
	}
	return false
}

// opensSentence reports whether token k begins its sentence, after at most
// a possessive or article: "my bruising…", "the swelling…".
func opensSentence(toks []token, k int) bool {
	if k > 0 && toks[k-1].sentence == toks[k].sentence && has(signOpeners, toks[k-1].word) {
		k--
	}
	return k == 0 || toks[k-1].sentence != toks[k].sentence
}

// signOpeners may stand before a sign that opens a sentence.
var signOpeners = toSet(`my the this that his her our their`)

// nowAfterPast returns the mood of a rule whose worst term is in the past:
// present when a term of it told now stands in a clause after every term
// in the past ("something got in my eye during the treatment, it's red raw
// and painful"), and past otherwise.
func nowAfterPast(toks []token, words []rfHit) mood {
	if nowTermAfterPast(toks, words) {
		return moodPresent
	}
	lastPast, firstNow := -1, -1
	for _, w := range words {
		switch c := toks[w.start].clause; w.mood {
		case moodPast:
			lastPast = max(lastPast, c)
		case moodPresent:
			if w.end-w.start == 1 && (has(treatedWords, toks[w.start].word) || has(treatedParts, toks[w.start].word)) {
				continue // the treatment or a part named tells no sign now: "a reaction to a peel last year, is microneedling similar?", "my eyes swelled up years ago, can I use eye cream?"
			}
			if firstNow < 0 || c > firstNow {
				firstNow = c
			}
		default:
			return moodPast
		}
	}
	if firstNow > lastPast && lastPast >= 0 {
		return moodPresent
	}
	return moodPast
}

// nowTermAfterPast reports whether a rule's own "now" term comes after
// every past cue of its words: "put sunscreen on straight after the
// treatment and now it burns".
func nowTermAfterPast(toks []token, words []rfHit) bool {
	now := -1
	for _, w := range words {
		if w.end-w.start == 1 && toks[w.start].word == "now" && w.mood == moodPast && w.cue.end <= w.start {
			now = w.start
		}
	}
	if now < 0 {
		return false
	}
	for _, w := range words {
		if w.mood == moodPast && w.cue.end > now {
			return false
		}
	}
	return true
}

// Words that say the writer writes for the patient: "writing for my wife",
// "on behalf of my mum", "what do we do?".
var (
	proxyVerbs   = toSet(`writing messaging texting asking typing message text write ask messaged texted wrote`)
	proxyWe      = toSet(`should can do could must`)
	treatedWords = toSet(`microneedling microneedle microneedled needling needle needles treatment session procedure needled treated facial serum clinic dermapen`)
	treatedLinks = toSet(`the her his their it done a an your putting using applying micro acne scar scars first face neck chest back head scalp forehead cheeks jaw skin under eye eyes area`)
	selfWords    = toSet(`i me myself mine`)
	// askingWhat make "I" the one asking what to do for them: "what do I
	// do??"
	askingWhat = toSet(`do should can`)
	// treatedParts are the treated skin: "Mum's face".
	treatedParts = toSet(`face skin lips lip eyes eye eyelids cheeks cheek forehead scalp chin jaw jawline neck nose`)
	// dayNumbers count the days since a treatment in words: "day three".
	dayNumbers = toSet(`one two three four five six seven eight nine ten`)
	// whenWords may stand between "since" and the treatment: "since
	// yesterday's treatment".
	whenWords = toSet(`yesterday yesterdays s last monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays`)
	// treatedWhen may follow "treated" besides whenWords: "treated today",
	// "treated this morning", "treated on Monday".
	treatedWhen = toSet(`today this on at earlier`)
	// relations introduce the writer: "Mum here", "Partner here".
	relations = toSet(`mum mom mam mother dad father husband hubby wife partner son daughter carer sister brother boyfriend
		girlfriend gf bf nan nana nanna gran granny grandma grandad grandpa auntie uncle cousin client fiance fiancee`)
	// passives tell a treatment was done: "face was done Saturday".
	passives = toSet(`was were got been get gets`)
	// tellingVerbs make "me" the one told: "she keeps asking me".
	tellingVerbs = toSet(`asking asked asks ask telling told tells tell showing showed shows show calling called want wanted wants
		texting texted messaging messaged ringing rang woke wakes waking`)
	// pronouns stand for someone without naming them.
	pronouns = toSet(`he she her his him`)
	// contagion asks whether the writer could catch the sign: "my husband
	// has a cold sore, is it ok to kiss him?" is not written for him.
	contagion = toSet(`kiss kissing contagious infectious`)
	// adults are the relations who may well be the clinic's patient
	// themselves: not a child, not a friend.
	adults = toSet(`mum mom mam mother dad father husband hubby wife partner nan nana nanna gran granny grandma grandad grandpa`)
	others = toSet(`him her them he she they daughter son husband wife mum mom dad mother father partner carer`)
)

// writesForPatient reports whether a message is written on behalf of the
// person who had the treatment, so that the signs of "her", "my husband" or
// "my mum" in it are the patient's: "writing for my wife, her face is
// swelling", "my mum had it done yesterday and now she can't see", "what do
// we do?". Someone else's treatment told by a patient who asks about their
// own ("my sister blistered after her session, could that happen to me?")
// is not: a message that speaks of "I" or "me" is the writer's own, unless
// it says it writes for someone.
func writesForPatient(toks []token, named bool) bool {
	self, selfTreated, treated, pronoun, relation := false, false, false, false, false
	hadTreatment := false // a treatment is told, not only a treated part named
	adult, aboutWriter, untreated := false, false, false
	friend := false // a friend is named: not a relation, but may be the one written for
	pet := slices.ContainsFunc(toks, func(t token) bool { return t.is(classPet) })
	for k, t := range toks {
		pronoun = pronoun || t.is(classPronoun) && !pet // "my cat's eye is infected, she keeps pawing at it"
		relation = relation || t.is(classRelation)
		friend = friend || t.word == "friend" || t.word == "mate"
		adult = adult || t.is(classAdult) || grownUp(toks, k)
		aboutWriter = aboutWriter || t.is(classSelf|classContagion) // "I", "me", or "can I kiss him"
		untreated = untreated || (t.word == "treated" || t.word == "done") && k > 0 && slices.ContainsFunc(toks[max(0, k-4):k], func(u token) bool { return u.is(classNegation) })
		next := func(n int) string {
			if k+n < len(toks) && toks[k+n].sentence == t.sentence {
				return toks[k+n].word
			}
			return ""
		}
		switch {
		case t.is(classProxyVerb) && (next(1) == "for" || next(1) == "on" && next(2) == "behalf"),
			t.word == "behalf" && next(1) == "of" && k > 0 && toks[k-1].word == "on",
			t.word == "we" && (k > 0 && has(proxyWe, toks[k-1].word) || t.asked && (next(1) == "do" || next(1) == "need" ||
				has(proxyWe, next(1)) && next(2) == "do")):
			return true
		case t.word == "i" && next(1) == "am" && next(2) == "the" && next(3) == "one" && next(4) == "asking" && (relation || friend):
			return true // "he's 19 and stubborn so I'm the one asking"
		case t.is(classSelf) && !(t.word == "mine" && k > 0 && toks[k-1].word == "of") && // "a mate of mine"
			!(t.word == "me" && k > 0 && (has(prepositions, toks[k-1].word) || has(tellingVerbs, toks[k-1].word)) &&
				!(k > 1 && toks[k-1].word == "to" && strings.HasPrefix(toks[k-2].word, "happen"))) &&
			!(t.word == "i" && mindsOnly(next)) && !(t.word == "i" && asksFor(next)) &&
			!(t.word == "i" && k > 0 && toks[k-1].word == "when" && (next(1) == "touch" || next(1) == "press")) && // "she winces when I touch it
			!(t.word == "i" && (has(others, next(1)) || has(others, next(2)) || has(others, next(3)))) &&
			!(t.word == "i" && k > 0 && has(askingWhat, toks[k-1].word) && next(1) == "do") &&
			!(t.word == "i" && k > 0 && (toks[k-1].word == "but" || toks[k-1].word == "so") && (next(1) == "am" || next(1) == "do") && (next(2) == "" || next(2) == "sorry")):
			// "she had it done with me" and "should I take him in?" keep
			// them the patient; "he's not fussed but I am" only minds
			self = true
		case t.word == "my" && (has(treatedParts, next(1)) || has(treatedWords, next(1)) && next(1) != "clinic"):
			self, selfTreated = true, true // "could she have caught something from my face?", "after my treatment"
		case t.word == "i" && next(1) == "not" && (next(2) == "" || toks[k+2].clause != t.clause),
			t.word == "not" && next(1) == "me":
			self = true // "my sister has a cold sore, I don't", "not me": someone else's
		case t.is(classRelation) && next(1) == "here":
			return true // "Husband here. Her eyelids are swollen"
		case t.is(classRelation) && (has(treatedParts, next(1)) || next(1) == "whole" && has(treatedParts, next(2))),
			(t.word == "her" || t.word == "his") && (has(treatedParts, next(1)) || next(1) == "whole" && has(treatedParts, next(2))) && k > 0 && !has(prepositions, toks[k-1].word) && relation:
			// "Mum's face has swollen", "she says her face smells": the
			// treated skin of the one written for; not "a rash on her face"
			treated = true
		case (t.word == "done" || t.word == "treated") && k > 0 && (has(passives, toks[k-1].word) || has(treatedParts, toks[k-1].word) || has(relations, toks[k-1].word)),
			t.word == "had" && (doneWithin(toks, k) || next(1) == "it"), t.word == "underwent" || t.word == "undergone",
			t.is(classTreatedWord) && t.word != "serum" && t.word != "clinic" && next(1) == "was" && next(2) != "" && next(2) != "fine":
			// "he had his acne scars done", "she had it yesterday", "he had
			// it for his scars", "my wife underwent microneedling", "face
			// done yesterday", "she was treated this afternoon", "treatment
			// was 2 days ago"
			treated, hadTreatment = true, true
		case (t.word == "treated" || t.word == "needled") && (has(whenWords, next(1)) || has(treatedWhen, next(1))),
			t.word == "post" && has(treatedWords, next(1)) && next(1) != "serum" && next(1) != "clinic",
			t.is(classRelation) && (next(1) == "needling" || next(1) == "needled" || next(1) == "microneedling" || next(1) == "microneedled"):
			// "son dizzy, treated yesterday", "mum pale and vomiting,
			// treated Friday", "hot post treatment", "gf's needling pain"
			treated, hadTreatment = true, true
		case t.word == "since" && (next(1) == "treatment" || next(1) == "microneedling" || next(1) == "needling") && relation,
			t.word == "after" && next(1) == "treatment" && relation:
			// "my daughter is getting dizzy spells since treatment": a
			// relation's signs dated by a treatment no one else is said
			// to have had
			hadTreatment = true
		case t.is(classRelation) && (next(1) == "day" || k > 0 && toks[k-1].sentence == t.sentence && hasDigit(toks[k-1].word) &&
			k > 1 && toks[k-2].word == "day"):
			return true // a carer's diary: "Mum day 3 - …", "Day 6 Mum: …"
		case t.word == "we" && (next(1) == "put" || next(1) == "applied" || next(1) == "used") && (next(2) == "her" || next(2) == "his"):
			return true // "since we put her moisturiser on": the writer cares for the patient
		case t.word == "carer" && next(1) == "for", t.word == "i" && next(1) == "care" && next(2) == "for",
			t.word == "look" && next(1) == "after" && has(relations, next(2)) || t.word == "look" && next(1) == "after" && next(2) == "my" && has(relations, next(3)):
			return true // "I'm a carer for Mrs P", "I look after my nan"
		case (t.word == "old" || t.word == "olds") && k > 0 && toks[k-1].word == "year" && has(treatedParts, next(1)):
			treated = true // "my 15 year old's cheeks": the one written for
		case (t.word == "receptionist" || t.word == "reception" || t.word == "desk" || t.word == "staff") && next(1) == "here",
			t.word == "staff" && (next(1) == "member" && next(2) == "here" || next(1) == "question"),
			t.word == "forwarding", t.word == "client" && reportsSoon(next),
			(t.word == "clients" || t.word == "client" || t.word == "patient" || t.word == "patients") && k > 0 && toks[k-1].word == "your",
			t.word == "nurse" && next(1) == "here", t.word == "practice" && next(1) == "nurse", t.word == "gp" && next(1) == "surgery":
			// The clinic's staff pass on a client's message: "reception
			// here, a client phoned to say…"; not one booked in for later.
			if !slices.ContainsFunc(toks, func(u token) bool { return u.word == "booked" }) {
				return true
			}
		case t.word == "asked" && next(1) == "me" && next(2) == "to" && (has(askWords, next(3)) || next(3) == "find" && next(4) == "out"):
			return true // "she asked me to message you", "she's asked me to find out what to do"
		case t.word == "fine" && (next(1) == "but" || next(1) == "") && finePerson(toks, k) && bothTreated(toks):
			return true // "we both had it done, I'm fine but my friend…", "mine is fine, but she…": the other one's signs
		case (t.word == "friend" || t.word == "mate") && next(1) == "here":
			return true // "Hi, friend here. Her face broke out…"
		case (t.word == "her" || t.word == "his") && k > 0 && toks[k-1].word == "for" && (next(1) == "treatment" || next(1) == "needling" || next(1) == "microneedling") && relation && !friend,
			t.word == "you" && next(1) == "treated" && relation && !friend:
			// "came with me for her treatment Tuesday", "not just where you
			// treated": the relation was the clinic's patient
			treated, hadTreatment = true, true
		case (t.word == "her" || t.word == "his") && next(1) == "treated",
			(t.word == "she" || t.word == "he") && slices.ContainsFunc(toks[k+1:min(len(toks), k+7)], func(u token) bool { return u.word == "serum" && u.sentence == t.sentence }):
			treated = true // "her treated skin", "should she still put on the serum?": the patient
		case t.word == "i" && next(1) == "am" && next(2) == "the" && has(relations, next(3)):
			return true // "Hello, I am the daughter. My mother has a rash…"
		case (t.word == "did" || t.word == "had" || t.word == "got") && (next(1) == "hers" || next(1) == "his") && (relation || friend):
			treated, hadTreatment = true, true // "my friend did hers on her chest", "my son did his with me"
		case t.word == "is" && k > 0 && (toks[k-1].word == "it" || toks[k-1].word == "this") && (next(1) == "her" || next(1) == "his") && has(relations, next(2)):
			return true // "it's her husband again": the writer names themselves by the patient
		case t.word == "not" && next(1) == "my" && has(treatedParts, next(2)) && (has(relations, next(3)) || next(3) == "my" && has(relations, next(4))):
			return true // "not my face, my wife's"
		case (t.word == "q" || t.word == "question" || t.word == "questions" || t.word == "qs") && next(1) == "for" &&
			(has(relations, next(2)) || next(2) == "my" && has(relations, next(3))):
			return true // "Quick Q for my wife: …"
		case t.word == "area" && k > 1 && toks[k-1].word == "the" && !has(prepositions, toks[k-2].word) && (relation || friend):
			treated = true // "my friend … the area is really hot": the treated area of the one written for
		case t.word == "day" && (hasDigit(next(1)) || has(dayNumbers, next(1))) && relation:
			treated = true // "my daughter is in pain, day 3": a relation's days since the treatment
		case (t.word == "himself" || t.word == "herself") && k > 1 && (has(askWords, toks[k-1].word) || has(askWords, toks[k-2].word)):
			return true // "he won't message you himself"
		case t.word == "one" && (next(1) == "who" || next(1) == "that") && (next(2) == "had" || next(2) == "got") &&
			!(k > 1 && toks[k-1].word == "the" && toks[k-2].word == "am"):
			return true // "he's the one who had the treatment, not me", but not "I'm the one who had it"
		case (t.word == "embarrassed" || t.word == "shy") && next(1) == "to" && has(askWords, next(2)):
			treated, hadTreatment = true, true // "my girlfriend is too embarrassed to message"
		case t.word == "did" || t.word == "got" || t.word == "make" || t.word == "made":
			// "my sister did microneedling yesterday", "she got the needling",
			// "my sister make the treatment with you"
			for n := 1; n <= 4 && !hadTreatment; n++ {
				if w := next(n); tellsTreatment(w) || w == "done" && t.word == "got" && n > 1 || n == 1 && t.word == "got" && w == "this" && next(2) == "done" {
					treated, hadTreatment = true, true
				} else if !has(treatedLinks, w) {
					break
				}
			}
		case t.word == "had" || t.word == "since" || t.word == "after" || t.word == "from" ||
			(t.word == "have" || t.word == "has") && k > 0 && has(pronouns, toks[k-1].word):
			// "she had it done yesterday", "he had the needling",
			// "since the treatment", "after her session", but not "after
			// microneedling", said of anyone.
			for n := 1; n <= 4 && !hadTreatment; n++ {
				w := next(n)
				if has(treatedWords, w) && (n > 1 || t.word == "had") || w == "done" && (t.word == "had" || t.word == "have" || t.word == "has") ||
					w == "appointment" && n > 1 && (t.word == "since" || t.word == "after") {
					treated, hadTreatment = true, true
				}
				if !has(treatedLinks, w) && !(t.word != "had" && has(whenWords, w)) {
					break // "since yesterday's treatment" reads on
				}
			}
		}
	}
	// "Her lips are puffing up": in the patient's own chat, a "she" that
	// names no one else is the patient, written for; so is a grown-up the
	// writer names, in a message with no "I" in it and no word that
	// someone was not treated: "my husband's neck is swollen, is he ok to
	// sleep on it?"
	// A treated relation's signs are the patient's even when the writer
	// says "I" ("she won't let me call anyone"), unless the writer was
	// treated too.
	return hadTreatment && (relation || pronoun) && !untreated && !selfTreated && !writerTreated(toks) || (treated || pronoun && !named || adult && !aboutWriter && !untreated) && !self
}

// finePerson reports whether the "fine" at k is said of the writer: "I'm
// fine", "I'm totally fine", "mine is fine", "mine's fine".
func finePerson(toks []token, k int) bool {
	j := k - 1
	if j > 0 && has(fully, toks[j].word) {
		j--
	}
	return j >= 0 && toks[j].word == "mine" || // "mine's fine" reads "mine fine"
		j > 0 && (toks[j].word == "am" && toks[j-1].word == "i" || toks[j].word == "is" && toks[j-1].word == "mine")
}

// pets are not the clinic's patients: a "she" in a message about one is the pet.
var pets = toSet(`cat cats dog dogs puppy kitten pet vet horse`)

// reportVerbs tell that a client passed something on: "a client phoned
// to say", "client reports".
var reportVerbs = toSet(`reports reported called calls phoned phones rang rings emailed emails messaged messages texted texts says said saying`)

// reportsSoon reports whether a report verb follows within four words of
// the same sentence: "a client from Tuesday has phoned".
func reportsSoon(next func(int) string) bool {
	for n := 1; n <= 4; n++ {
		if has(reportVerbs, next(n)) {
			return true
		}
	}
	return false
}

// bothTreated reports whether the writer tells that they and someone else
// had the treatment: "we both had microneedling", "my sister and I had our
// treatments together", "both of us had it done", "I brought my mum for
// hers the same day".
func bothTreated(toks []token) bool {
	for k, t := range toks {
		sameDay := t.word == "same" && k+1 < len(toks) && toks[k+1].word == "day" // "my husband had his done the same day"
		if t.word != "both" && t.word != "together" && !sameDay && !(t.word == "with" && k+1 < len(toks) && (toks[k+1].word == "me" || toks[k+1].word == "us")) {
			continue // "had microneedling with me" tells both treated too
		}
		for n := max(0, k-6); n < len(toks) && n <= k+6; n++ {
			if toks[n].sentence == t.sentence && (tellsTreatment(toks[n].word) || toks[n].word == "had" && n+1 < len(toks) && toks[n+1].word == "it" ||
				sameDay && n < k && (toks[n].word == "hers" || toks[n].word == "his")) {
				return true
			}
		}
	}
	return false
}

// tellsTreatment reports whether a word after "had", "got" or "did"
// names the treatment itself: "microneedling", "the needling", "done";
// not the clinic or the serum.
func tellsTreatment(w string) bool {
	return has(treatedWords, w) && w != "clinic" && w != "serum" || w == "done"
}

// datesTreatment reports whether a past cue of a week or weeks tells when
// the treatment was, not when a sign was: "my son had microneedling last week and his face is
// oozing", "a bruise from microneedling 2 weeks ago".
func datesTreatment(toks []token, c hit) bool {
	if !slices.ContainsFunc(toks[c.start:c.end], func(t token) bool { return has(recentPast, t.word) }) {
		return false // "done last year" is an earlier treatment
	}
	for k := c.start - 1; k >= 0 && k >= c.start-4 && toks[k].sentence == toks[c.start].sentence; k-- {
		if tellsTreatment(toks[k].word) {
			return true
		}
	}
	// "from last week's needling": the cue names the treatment after it
	return slices.ContainsFunc(toks[c.end:min(len(toks), c.end+2)], func(t token) bool { return tellsTreatment(t.word) && t.word != "done" })
}

// recentPast, in a past cue, can date this treatment: "done last week",
// "had it done last Friday".
var recentPast = toSet(`week weeks night monday tuesday wednesday thursday friday saturday sunday`)

// comparedWith reports whether a past cue is what a sign is compared with:
// "darker than last week", "more painful than it was a week ago".
func comparedWith(toks []token, c hit) bool {
	for k := c.start - 1; k >= 0 && k >= c.start-3 && toks[k].clause == toks[c.start].clause; k-- {
		if toks[k].word == "than" {
			return true
		}
	}
	// "raw wet patches, not like the little flakes I had last time",
	// "unlike last time": set against the past, the sign is now.
	for k := c.start - 1; k >= 0 && k >= c.start-7 && toks[k].clause == toks[c.start].clause; k-- {
		if toks[k].word == "unlike" || k >= 1 && toks[k].word == "like" && toks[k-1].word == "not" {
			return true
		}
	}
	return false
}

// toldToday reports whether a clause says "today", "now" or "tonight".
func toldToday(toks []token, clause int) bool {
	return slices.ContainsFunc(toks, func(t token) bool { return t.clause == clause && has(todayWords, t.word) })
}

// todayWords date a sign to now.
var todayWords = toSet(`today now tonight`)

// greetings may open a message before a vocative: "salam alaykum sister, the
// face is still swelling" speaks to the sister; it is not her face.
var greetings = toSet(`hi hello hey hiya morning evening afternoon good salam salaam alaykum alaikum assalamu assalamualaikum`)

// stopVerbs settle a sign said to stop, unless they take an object. Only
// "stopped" is a cue (negations_after).
var stopVerbs = toSet(`stopped`)

// stoppedObjects follow a "stopped" that the writer did: "stopped the
// serum", "stopped using it".
var stoppedObjects = toSet(`the using my applying putting taking doing wearing`)

// timeNouns after "stopped the" tell when it stopped: "stopped the same day".
var timeNouns = toSet(`same next following day night morning evening afternoon first second`)

// progressTold reports whether a clause after a supposed sign, in its
// sentence or the next, tells it growing as a fact: "wondering if yellow
// scabs are normal, they seem to be getting more each day", "is it ok if I
// feel faint since the treatment? getting worse".
func progressTold(toks []token, h hit) bool {
	for k := h.end; k+1 < len(toks) && toks[k].sentence <= toks[h.start].sentence+1; k++ {
		if toks[k].clause != toks[h.start].clause && toks[k].word == "getting" && has(growing, toks[k+1].word) {
			return true
		}
	}
	return false
}

// growing words tell a sign getting worse: "getting more", "getting bigger".
var growing = toSet(`worse more bigger redder larger hotter sorer darker`)

// goWords ask where to go now: "should she go somewhere else?".
var goWords = toSet(`go going goes gone went head`)

// elsewhere reports whether a message says the treatment was done at
// another clinic: "my mate who had hers done somewhere else".
func elsewhere(toks []token) bool {
	for k, t := range toks {
		next := func(n int) string { return wordAt(toks, k+n) }
		switch {
		case t.word == "elsewhere",
			t.word == "somewhere" && next(1) == "else",
			t.word == "someplace", t.word == "some" && (next(1) == "place" || next(1) == "clinic" || next(1) == "salon") && k > 0 && toks[k-1].word == "at",
			(t.word == "another" || t.word == "different") && (next(1) == "clinic" || next(1) == "salon" || next(1) == "place"):
			if k > 0 && has(goWords, toks[k-1].word) {
				continue // where to go now, not where the treatment was: "come in or go somewhere else"
			}
			return true
		}
	}
	return false
}

// writerTreated reports whether the writer says they had a treatment, or
// how their own skin is, or asks whether a sign could happen to them: "I
// had mine done", "I had the needling on Wednesday", "mine's perfect", "I'm
// the one who had it", "I'm fine, just pink", "could that happen to me?".
func writerTreated(toks []token) bool {
	for k, t := range toks {
		if t.word == "mine" && !(k > 0 && (toks[k-1].word == "at" || toks[k-1].word == "round" || toks[k-1].word == "to")) {
			return true // but "she's at mine now" is at the writer's home
		}
		if t.word == "me" && k > 1 && toks[k-1].word == "to" && strings.HasPrefix(toks[k-2].word, "happen") {
			return true // "could that happen to me?": the writer asks for themselves
		}
		if t.word != "i" || k+2 >= len(toks) {
			continue
		}
		if toks[k+1].word == "am" && (toks[k+2].word == "fine" || toks[k+2].word == "the" && k+3 < len(toks) && toks[k+3].word == "one") {
			return true
		}
		if w := toks[k+1].word; (w == "was" || w == "got") && (toks[k+2].word == "treated" || toks[k+2].word == "needled" || toks[k+2].word == "done") {
			return true // "my son has a fever, I was treated yesterday"
		}
		if toks[k+1].word == "am" {
			for n := k + 2; n+1 < len(toks) && n <= k+5 && toks[n].sentence == t.sentence; n++ {
				if toks[n].word == "post" && has(treatedWords, toks[n+1].word) {
					return true // "I'm 2 days post microneedling"
				}
			}
		}
		if w := toks[k+1].word; w != "had" && w != "got" && w != "did" && w != "have" {
			continue
		}
		for n := k + 2; n < len(toks) && n <= k+4 && toks[n].sentence == t.sentence; n++ {
			if w := toks[n].word; tellsTreatment(w) || w == "mine" {
				return true
			}
		}
	}
	return false
}

// grownUp reports whether token k gives the age of someone grown up:
// "she's 18", "my boy is 19 and stubborn".
func grownUp(toks []token, k int) bool {
	if toks[k].word != "is" || k == 0 || k+1 >= len(toks) || toks[k+1].sentence != toks[k].sentence {
		return false
	}
	prev := toks[k-1].word
	if !has(pronouns, prev) && prev != "boy" && prev != "girl" && prev != "son" && prev != "daughter" {
		return false
	}
	n, err := strconv.Atoi(toks[k+1].word)
	return err == nil && n >= 16 && n < 120
}

// minds are what an "I" that only worries or wonders does: "I'm not sure",
// "I think", "I'm worried" tell nothing of the writer's own skin.
var minds = toSet(`sure worried scared panicking panicked concerned nervous think thought know wondering unsure noticed spotted saw reckon guess`)

// mindsOnly reports whether the words after an "I" (next(1), next(2), …)
// say only what the writer thinks or feels: "i am not sure", "i think".
func mindsOnly(next func(int) string) bool {
	switch {
	case has(minds, next(1)):
		return true
	case next(1) == "am" && has(minds, next(2)), next(1) == "am" && next(2) == "not" && has(minds, next(3)),
		next(1) == "am" && next(2) == "not" && has(intensifiers, next(3)) && has(minds, next(4)), // "I'm not so sure"
		next(1) == "do" && next(2) == "not" && next(3) == "know",
		next(1) == "do" && next(2) == "not" && next(3) == "want" && next(4) == "to", // "I don't want to wake her"
		next(1) == "",                    // "… but should I?": what the writer asks of themselves
		next(1) == "am" && next(2) == "", // "so here I am"
		next(1) == "am" && has(guesses, next(2)) && next(3) == "being": // "I'm probably being paranoid"
		return true
	}
	return false
}

// asksFor reports whether the words after an "I" (next(1), next(2), …) only
// say that the writer asks or writes: "so I write", "thought I should ask".
func asksFor(next func(int) string) bool {
	w := next(1)
	if w == "said" || w == "mentioned" || w == "am" && next(2) == "doing" && next(3) == "it" {
		return true // "so I said I would", "he won't message you so I'm doing it"
	}
	if w == "should" || w == "would" || w == "will" || w == "am" {
		if w == "would" && next(2) == "" {
			return true // "she didn't want to bother you so I said I would"
		}
		w = next(2)
	}
	return has(askWords, w) || has(proxyVerbs, w)
}

// askWords are what a writer too shy to ask lets someone else do: "too
// embarrassed to message".
var askWords = toSet(`message text ask write contact ring call`)

// doneParticiples tell a treatment was done: "had his acne scars done",
// "had his scalp microneedled".
var doneParticiples = toSet(`done microneedled needled treated`)

// doneWithin reports whether "done" follows "had" at k within five words of
// its clause: "had his acne scars done".
func doneWithin(toks []token, k int) bool {
	for n := k + 1; n < len(toks) && n <= k+5 && toks[n].clause == toks[k].clause; n++ {
		if has(doneParticiples, toks[n].word) {
			return true
		}
	}
	return false
}

// things a cause's last word may describe instead: "a cold compress" is no
// cold, "the heating pad" no heating.
var things = toSet(`compress compresses pack packs flannel flannels cloth towel towels water spoon spoons shower showers
	bath drink drinks pad pads gel mask roller rollers`)

// describesThing reports whether a cause cue is an adjective of the thing
// after it: "put a cold compress on".
func describesThing(toks []token, c hit) bool {
	return c.end < len(toks) && toks[c.end].clause == toks[c.end-1].clause && has(things, toks[c.end].word)
}

// despite reports whether a cause cue is told as what the sign happens in
// spite of: "shivering even with the heating on", "hot despite the air con".
func despite(toks []token, c hit) bool {
	for k := c.start - 1; k >= 0 && k >= c.start-3 && toks[k].clause == toks[c.start].clause; k-- {
		switch toks[k].word {
		case "despite", "even", "although", "though", "regardless":
			return true
		}
	}
	return false
}
