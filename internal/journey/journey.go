// Package journey is the arithmetic of a patient's treatment journey, with
// no I/O: reading when a patient says they were treated, saying a time the
// way people do ("today at 14:30"), planning the serum reminders in the
// clinic's time zone, and making invite tokens. Every function takes "now"
// and the clinic's location from its caller; none reads a clock.
package journey

import (
	_ "time/tzdata" // CLINIC_TIMEZONE works on hosts without a zone database
)
