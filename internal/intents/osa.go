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
