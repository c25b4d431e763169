package intents

// osaDistance is the optimal string alignment distance between a and b,
// counted in runes: insertions, deletions, substitutions and swaps of two
// neighbouring letters each cost one, and no part is edited twice. It gives
// the same answer as edlib.OSADamerauLevenshteinDistance without allocating
// for words of up to 31 runes, which the speller compares by the thousand.
func osaDistance(a, b string) int {
	var abuf, bbuf [32]rune
	ra, rb := toRunes(abuf[:0], a), toRunes(bbuf[:0], b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if len(rb) == 0 {
		return len(ra)
	}
	var small [3][33]int
	var rows [3][]int // three rows of the table, used in turn
	for i := range rows {
		if len(rb) < len(small[i]) {
			rows[i] = small[i][:len(rb)+1]
		} else {
			rows[i] = make([]int, len(rb)+1)
		}
	}
	for j := 0; j <= len(rb); j++ {
		rows[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur, up := rows[i%3], rows[(i-1)%3]
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(up[j]+1, cur[j-1]+1, up[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], rows[(i-2)%3][j-2]+1)
			}
		}
	}
	return rows[len(ra)%3][len(rb)]
}

// toRunes appends the runes of s to dst.
func toRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// osaWithin is osaDistance for ASCII words when only distances up to limit
// matter: it returns the distance when that is at most limit, and some
// number above limit otherwise, stopping as soon as no alignment can come
// back under it. The speller compares a word with thousands of candidates.
func osaWithin(a, b string, limit int) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > limit {
		return limit + 1
	}
	if len(b) == 0 || len(b) >= 32 {
		return osaDistance(a, b)
	}
	var rows [3][33]int // three rows of the table, used in turn
	for j := 0; j <= len(b); j++ {
		rows[0][j] = j
	}
	prevMin := 0 // the least value of the row before
	for i := 1; i <= len(a); i++ {
		cur, up := &rows[i%3], &rows[(i-1)%3]
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(up[j]+1, cur[j-1]+1, up[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], rows[(i-2)%3][j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		// A cell draws on the two rows before it, so once two rows in a
		// row exceed limit every later one does.
		if rowMin > limit && prevMin > limit {
			return limit + 1
		}
		prevMin = rowMin
	}
	return rows[len(a)%3][len(b)]
}
