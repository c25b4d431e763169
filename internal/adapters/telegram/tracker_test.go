package telegram

import "testing"

func TestTrackerConfirmsOnlyWhatIsHandled(t *testing.T) {
	tr := newTracker()
	if tr.offset() != 0 {
		t.Fatalf("offset() = %d before any update, want 0", tr.offset())
	}
	for _, id := range []int{10, 11, 12} {
		if !tr.start(id) {
			t.Fatalf("start(%d) = false", id)
		}
	}
	if tr.offset() != 10 {
		t.Errorf("offset() = %d with 10..12 in flight, want 10", tr.offset())
	}
	tr.finish(11)
	tr.finish(12)
	if tr.offset() != 10 {
		t.Errorf("offset() = %d with 10 still in flight, want 10 (11 and 12 must not be confirmed past it)", tr.offset())
	}
	if tr.start(11) || tr.start(12) || tr.start(10) {
		t.Error("an update received again while unconfirmed was started twice")
	}
	tr.finish(10)
	if tr.offset() != 13 {
		t.Errorf("offset() = %d after all handled, want 13", tr.offset())
	}
	if tr.start(9) {
		t.Error("an update below the confirmed offset was started")
	}
	// Gaps in update IDs do not stall confirmation.
	tr.start(20)
	tr.finish(20)
	if tr.offset() != 21 {
		t.Errorf("offset() = %d after a gap, want 21", tr.offset())
	}
	if n, _ := tr.inFlight(); n != 0 {
		t.Errorf("inFlight() = %d, want 0", n)
	}
}

func TestTrackerSignalsProgress(t *testing.T) {
	tr := newTracker()
	tr.start(1)
	n, changed := tr.inFlight()
	if n != 1 {
		t.Fatalf("inFlight() = %d", n)
	}
	select {
	case <-changed:
		t.Fatal("changed closed before any progress")
	default:
	}
	tr.finish(1)
	select {
	case <-changed:
	default:
		t.Fatal("changed not closed after finish")
	}
}
