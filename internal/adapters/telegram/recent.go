package telegram

// recent remembers the last n IDs added. Not safe for concurrent use: the
// webhook loop owns it.
type recent struct {
	set   map[int]struct{}
	order []int
	next  int
}

func newRecent(n int) *recent {
	return &recent{set: make(map[int]struct{}, n), order: make([]int, 0, n)}
}

// add records id and reports whether it was new.
func (r *recent) add(id int) bool {
	if _, ok := r.set[id]; ok {
		return false
	}
	if len(r.order) < cap(r.order) {
		r.order = append(r.order, id)
	} else {
		delete(r.set, r.order[r.next])
		r.order[r.next] = id
		r.next = (r.next + 1) % len(r.order)
	}
	r.set[id] = struct{}{}
	return true
}
