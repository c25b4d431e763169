package intents

import (
	"cmp"
	"slices"
)

// kind says what a phrase is evidence for.
type kind uint8

const (
	kindKeyword        kind = iota // points to an item on its own
	kindContextKeyword             // points to an item when the message is about the skin or treatment
	kindHint                       // supports an item
	kindNotAbout                   // takes a question outside an item
	kindOutOfScope                 // a topic the sheet does not cover
	kindOtherMeaning               // item words used in another sense ("red wine")
	kindContext                    // shows the message is about the skin or the treatment
	kindSmalltalk
)

// phrase is a compiled keyword, hint, topic or small-talk phrase.
type phrase struct {
	words    [][]string // per word, the stems (or, for cues, the words) it may appear as
	kind     kind
	owner    int // item or small-talk index
	weight   float64
	negative bool // starts with a negation ("not red"), so cannot itself be negated
	exact    bool // words are matched as written (with generated forms), not by stem
	dated    bool // a red-flag term from "{days N}": a count of days since the treatment
	text     string
}

// wordIDs numbers every word and stem a phrase index compares, so that a
// message's word is looked up once, not once in each of a dozen indexes,
// and find and matchAt compare integers rather than strings.
type wordIDs map[string]int32

// add numbers s, if it is new, and returns its number.
func (w wordIDs) add(s string) int32 {
	if id, ok := w[s]; ok {
		return id
	}
	id := int32(len(w))
	w[s] = id
	return id
}

// of returns the number of s, or -1 when no phrase has it.
func (w wordIDs) of(s string) int32 {
	if id, ok := w[s]; ok {
		return id
	}
	return -1
}

// phraseIndex finds phrases in a tokenised message.
type phraseIndex struct {
	phrases []phrase
	byFirst map[string][]int32 // first word's stem (or word, with byWord) → phrase numbers
	exactBy map[string][]int32 // first word of exact phrases → phrase numbers
	maxGap  int                // words allowed between the words of a phrase
	byWord  bool               // compare words as written rather than stems
	// crowded holds, for a first word that begins several phrases ("not"
	// begins a hundred red-flag terms), its phrases by their second word,
	// and its one-word phrases under "": find then tries only those whose
	// second word follows. Built by index.
	crowded map[string]map[string][]int32
	// lookup joins byFirst, exactBy and crowded under one key, so that
	// find looks a token up once (twice when its stem differs from its
	// word) instead of three times. Built by index; find without it reads
	// byFirst and exactBy alone.
	lookup map[string]*bucket
	// byID is lookup by the key's wordIDs number: what find reads. Built
	// by index.
	byID []*bucket
	// oneWord, by phrase number, marks the phrases of one word, which
	// match wherever find tries them. Built by index.
	oneWord []bool
	// wordsOf, by phrase number (one more at the end), is where the
	// phrase's words start in altsOf, and altsOf, by word, where its
	// alternatives start in alts: matchAt reads these and exact, small
	// arrays side by side, rather than each phrase it tries. Built by
	// index.
	wordsOf, altsOf, alts []int32
	exact                 []bool
	// begins, shared by every index the matcher reads (sealIndexes), holds
	// by word number one bit an index: set when the index has a bucket for
	// the word. find reads it before byID and the bucket, which most words
	// do not have in most indexes, and which lie far apart in memory.
	begins []uint16
	// seconds is begins for the second words of crowded first words.
	seconds []uint16
	bit     uint16 // this index's bit in begins and seconds; 0 before sealIndexes
}

// sealIndexes gives each index a bit of one table shared by all of them:
// a message's word is looked for in a dozen indexes, and two bytes of a
// small table answer for most of them where a bucket pointer of each
// index's own table would be read from main memory. ids must be complete.
func sealIndexes(ids wordIDs, ixs ...*phraseIndex) {
	if len(ixs) > 16 {
		panic("sealIndexes: more indexes than bits")
	}
	begins, seconds := make([]uint16, len(ids)), make([]uint16, len(ids))
	for k, ix := range ixs {
		ix.begins, ix.seconds, ix.bit = begins, seconds, 1<<k
		for id, b := range ix.byID {
			if b == nil {
				continue
			}
			begins[id] |= ix.bit
			for second := range b.bySecondID {
				seconds[second] |= ix.bit
			}
		}
	}
}

// bucket is what lookup holds for one key.
type bucket struct {
	first      []int32            // byFirst's phrases
	bySecond   map[string][]int32 // crowded's, when first is crowded
	bySecondID map[int32][]int32  // bySecond by the second word's number
	oneWord    []int32            // bySecond[""]: the one-word phrases of a crowded first word
	exact      []int32            // exactBy's phrases
}

// crowdedBucket is how many phrases must share a first word for find to
// look them up by their second word too (4 measured fastest of 2, 4, 8, 16).
const crowdedBucket = 4

// index builds crowded, lookup and byID, numbering every word of every
// phrase in ids; call it once every phrase is added. Tokens must then carry
// the numbers ids gives their word and stem (normalise sets them).
func (ix *phraseIndex) index(ids wordIDs) {
	ix.crowded = map[string]map[string][]int32{}
	for first, ids := range ix.byFirst {
		if len(ids) < crowdedBucket {
			continue
		}
		bySecond := map[string][]int32{}
		for _, id := range ids {
			p := ix.phrases[id]
			if len(p.words) == 1 {
				bySecond[""] = append(bySecond[""], id)
				continue
			}
			for _, second := range p.words[1] {
				if !slices.Contains(bySecond[second], id) {
					bySecond[second] = append(bySecond[second], id)
				}
			}
		}
		ix.crowded[first] = bySecond
	}
	ix.lookup = map[string]*bucket{}
	at := func(key string) *bucket {
		b := ix.lookup[key]
		if b == nil {
			b = &bucket{}
			ix.lookup[key] = b
		}
		return b
	}
	for first, ids := range ix.byFirst {
		b := at(first)
		b.first, b.bySecond = ids, ix.crowded[first]
	}
	for word, ps := range ix.exactBy {
		at(word).exact = ps
	}
	// Every phrase's words, by their wordIDs, lie in three shared arrays,
	// in phrase order, so that matchAt reads neighbouring memory rather
	// than the phrase and a small allocation a word.
	nWords, nAlts := 0, 0
	for _, p := range ix.phrases {
		nWords += len(p.words)
		for _, ws := range p.words {
			nAlts += len(ws)
		}
	}
	ix.oneWord, ix.exact = make([]bool, len(ix.phrases)), make([]bool, len(ix.phrases))
	ix.wordsOf, ix.altsOf = make([]int32, 0, len(ix.phrases)+1), make([]int32, 0, nWords+1)
	ix.alts = make([]int32, 0, nAlts)
	for i, p := range ix.phrases {
		ix.oneWord[i], ix.exact[i] = len(p.words) == 1, p.exact
		ix.wordsOf = append(ix.wordsOf, int32(len(ix.altsOf)))
		for _, ws := range p.words {
			ix.altsOf = append(ix.altsOf, int32(len(ix.alts)))
			for _, w := range ws {
				ix.alts = append(ix.alts, ids.add(w))
			}
		}
	}
	ix.wordsOf, ix.altsOf = append(ix.wordsOf, int32(len(ix.altsOf))), append(ix.altsOf, int32(len(ix.alts)))
	ix.byID = make([]*bucket, len(ids))
	for key, b := range ix.lookup {
		ix.byID[ids.add(key)] = b
		if b.bySecond != nil {
			b.oneWord = b.bySecond[""]
			b.bySecondID = make(map[int32][]int32, len(b.bySecond))
			for second, ps := range b.bySecond {
				if second != "" { // the one-word phrases: find reads them from oneWord
					b.bySecondID[ids.add(second)] = ps
				}
			}
		}
	}
}

func newPhraseIndex(maxGap int) *phraseIndex {
	return &phraseIndex{byFirst: map[string][]int32{}, exactBy: map[string][]int32{}, maxGap: maxGap}
}

func (ix *phraseIndex) add(p phrase) {
	id := int32(len(ix.phrases))
	ix.phrases = append(ix.phrases, p)
	by := ix.byFirst
	if p.exact && !ix.byWord {
		by = ix.exactBy
	}
	for _, s := range p.words[0] {
		by[s] = append(by[s], id)
	}
}

// key is what a phrase word is compared with: the token's word for exact
// phrases and word indexes, else its stem.
func (ix *phraseIndex) key(t token, exact bool) string {
	if ix.byWord || exact {
		return t.word
	}
	return t.stem
}

// keyID is key's wordIDs number.
func (ix *phraseIndex) keyID(t *token, exact bool) int32 {
	if ix.byWord || exact {
		return t.wid
	}
	return t.sid
}

// bucketOf returns byID's bucket for a word number, nil for none.
func (ix *phraseIndex) bucketOf(id int32) *bucket {
	if id < 0 || int(id) >= len(ix.byID) || ix.bit != 0 && ix.begins[id]&ix.bit == 0 {
		return nil
	}
	return ix.byID[id]
}

// findCap is the room find makes for hits at first: most messages have
// fewer.
const findCap = 8

// maxSpan is the widest stretch of words a hit may cover.
const maxSpan = 32

// hit is one occurrence of a phrase in a message.
type hit struct {
	phrase     int32
	start, end int    // token span [start, end)
	words      uint32 // bit k set: token start+k is one of the phrase's words
	negated    bool
	easing     bool // said to be going: "the redness is calming down" (markNegated)
}

// each calls f for every token position the hit matched.
func (h hit) each(f func(k int)) {
	for k := h.start; k < h.end; k++ {
		if h.words&(1<<(k-h.start)) != 0 {
			f(k)
		}
	}
}

// find returns every occurrence of every phrase, without overlap resolution.
func (ix *phraseIndex) find(toks []token) []hit {
	return ix.appendFind(nil, toks)
}

// appendFind appends what find returns to hits, so that a caller may
// reuse a buffer.
func (ix *phraseIndex) appendFind(hits []hit, toks []token) []hit {
	try := func(i int, id int32) {
		var h hit
		ok := true
		if ix.oneWord != nil && ix.oneWord[id] {
			h = hit{start: i, end: i + 1, words: 1} // what matchAt finds, without reading the phrase
		} else {
			h, ok = ix.matchAt(toks, i, id)
		}
		if ok {
			h.phrase = id
			if hits == nil {
				hits = make([]hit, 0, findCap) // one allocation for most messages, not four; none without a hit
			}
			hits = append(hits, h)
		}
	}
	if ix.byID == nil {
		for i, t := range toks {
			for _, id := range ix.byFirst[ix.key(t, false)] {
				try(i, id)
			}
			for _, id := range ix.exactBy[t.word] {
				try(i, id)
			}
		}
		return hits
	}
	for i := range toks {
		t := &toks[i] // not copied: find runs a dozen indexes over every token
		first := ix.keyID(t, false)
		b := ix.bucketOf(first)
		if b != nil && b.bySecondID != nil {
			bySecond := b.bySecondID
			// Only the one-word phrases, and those whose second word stands
			// within maxGap filler words of the first, can match; tried in
			// phrase order, as the full bucket would be.
			var buf [64]int32
			ids := append(buf[:0], b.oneWord...)
			for k := i + 1; k < len(toks) && k <= i+1+ix.maxGap && toks[k].sentence == t.sentence; k++ {
				if second := ix.keyID(&toks[k], false); second >= 0 && (ix.bit == 0 || ix.seconds[second]&ix.bit != 0) {
					for _, id := range bySecond[second] {
						if !slices.Contains(ids, id) {
							ids = append(ids, id)
						}
					}
				}
				if !toks[k].stop {
					break
				}
			}
			slices.Sort(ids)
			for _, id := range ids {
				try(i, id)
			}
		} else if b != nil {
			for _, id := range b.first {
				try(i, id)
			}
		}
		if first != t.wid {
			b = ix.bucketOf(t.wid)
		}
		if b != nil {
			for _, id := range b.exact {
				try(i, id)
			}
		}
	}
	return hits
}

// matchAt matches phrase id's words at toks[i:], allowing up to maxGap
// other words between them within one sentence.
func (ix *phraseIndex) matchAt(toks []token, i int, id int32) (hit, bool) {
	h := hit{start: i, words: 1}
	j := i + 1
	var words, w0 int32
	if ix.wordsOf != nil {
		w0 = ix.wordsOf[id]
		words = ix.wordsOf[id+1] - w0
	} else {
		words = int32(len(ix.phrases[id].words))
	}
	for n := int32(1); n < words; n++ {
		found := false
		for k := j; k < len(toks) && k <= j+ix.maxGap && k-i < maxSpan && toks[k].sentence == toks[i].sentence; k++ {
			var same bool
			if ix.wordsOf != nil {
				w := w0 + n
				same = slices.Contains(ix.alts[ix.altsOf[w]:ix.altsOf[w+1]], ix.keyID(&toks[k], ix.exact[id]))
			} else {
				p := &ix.phrases[id]
				same = slices.Contains(p.words[n], ix.key(toks[k], p.exact))
			}
			if same {
				h.words |= 1 << (k - i)
				j, found = k+1, true
				break
			}
			if !toks[k].stop {
				break // only filler words may stand between: "very little red" is not "very red"
			}
		}
		if !found {
			return hit{}, false
		}
	}
	h.end = j
	return h, true
}

// longest keeps, for every word, only the hits of the phrases with the most
// words that cover it: "hot tub" wins over "hot", "feels bruised" over
// "bruised". Hits as long on the same words all stay: a keyword may belong to
// two items.
func (ix *phraseIndex) longest(toks []token, hits []hit) []hit {
	size := func(h hit) int { return len(ix.phrases[h.phrase].words) }
	slices.SortStableFunc(hits, func(a, b hit) int { return cmp.Compare(size(b), size(a)) })
	var coverBuf [wordRoom]int
	cover := zeroed(coverBuf[:], len(toks))
	kept := hits[:0]
	for _, h := range hits {
		n := size(h)
		blocked := false
		h.each(func(k int) { blocked = blocked || cover[k] > n })
		if blocked {
			continue
		}
		h.each(func(k int) { cover[k] = n })
		kept = append(kept, h)
	}
	return kept
}

// withoutOtherMeanings drops the item phrases that share a word with an
// everyday phrase in which that word means something else: in "go red wine
// tasting", "red" belongs to "red wine", so "go red" is no evidence.
func (ix *phraseIndex) withoutOtherMeanings(toks []token, hits []hit) []hit {
	var taken []bool
	for _, h := range hits {
		if ix.phrases[h.phrase].kind == kindOtherMeaning {
			if taken == nil {
				taken = make([]bool, len(toks))
			}
			h.each(func(k int) { taken[k] = true })
		}
	}
	if taken == nil {
		return hits
	}
	kept := hits[:0]
	for _, h := range hits {
		clash := false
		if k := ix.phrases[h.phrase].kind; k == kindKeyword || k == kindContextKeyword || k == kindHint {
			h.each(func(k int) { clash = clash || taken[k] })
		}
		if !clash {
			kept = append(kept, h)
		}
	}
	return kept
}

// settlingAux may stand between a sign and the word that says it is
// easing: "the redness is calming down", "swelling has all gone".
var settlingAux = toSet(`is are has have had was were all now already`)

// easingWords say, right after a sign, that it is over or going: "redness
// is calming down but the itching has started" is about the itching.
var easingWords = toSet(`calming calmed settling settled gone faded fading easing eased cleared clearing subsiding subsided disappeared vanished`)

// settledAfter reports whether the words right after a hit, in its clause
// and not in a question, say it is over or easing.
func settledAfter(toks []token, h hit) bool {
	k := h.end
	same := func(k int) bool { return k < len(toks) && toks[k].clause == toks[h.start].clause }
	if same(k) && has(placePreps, toks[k].word) {
		// "the puffiness under my eyes has gone": a place told between
		// the sign and what is said of it, up to three words on
		for j := k + 1; j <= k+3 && same(j); j++ {
			if toks[j].is(classSettlingAux) {
				k = j
				break
			}
		}
	}
	aux := k
	for same(k) && toks[k].is(classSettlingAux) {
		k++
	}
	if k > aux && same(k) && has(fully, toks[k].word) {
		k++ // "has completely gone"
	}
	return k > aux && same(k) && toks[k].is(classEasing) && !toks[k].asked
}

// placePreps open the place of a sign: "the swelling under my eyes".
var placePreps = toSet(`under on around round near by at`)

// fully may stand between "has" and "gone": "has completely gone".
var fully = toSet(`completely totally all basically almost mostly nearly`)

// markNegated flags hits preceded, within their clause, by a negation word,
// and marks those said to be easing.
func (ix *phraseIndex) markNegated(toks []token, hits []hit) {
	for i := range hits {
		h := &hits[i]
		if ix.phrases[h.phrase].negative {
			continue
		}
		h.easing = settledAfter(toks, *h)
		for k := h.start - 1; k >= 0 && k >= h.start-negationWindow && toks[k].clause == toks[h.start].clause; k-- {
			if toks[k].is(classContrast) {
				break // "no fever, just red": the negation stops at "just"
			}
			if toks[k].is(classNegation) {
				h.negated = !invertsNegation(toks[k+1 : h.start])
				break
			}
		}
	}
}

// inverters are verbs after which a negation affirms what follows:
// "can't stop scratching", "can't help itching".
var inverters = toSet(`stop help resist quit`)

func invertsNegation(between []token) bool {
	for k := range between {
		if between[k].is(classInverter) {
			return true
		}
	}
	return false
}
