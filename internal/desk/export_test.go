package desk

import "time"

// SetPersonWait sets how long a message waits for its person's lease, for
// one test.
func SetPersonWait(d time.Duration) (restore func()) {
	old := personWait
	personWait = d
	return func() { personWait = old }
}
