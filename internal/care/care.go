// Package care joins a patient in trouble to the clinic's care team: a
// case opens (a red flag, the patient asks for a person, or a declined
// question sent on), its thread in the team's Slack channel carries the
// patient's messages one way and staff's replies the other, until the
// case is resolved. Every post and relay goes through the store's outbox,
// committed with the change that causes it, so that nothing is lost and
// nothing sent twice.
package care

import "time"

// Urgent says what happens when a red flag is described.
type Urgent string

// Urgent modes.
const (
	UrgentAuto Urgent = "auto" // a case opens at once
	UrgentAsk  Urgent = "ask"  // the patient is asked first
)

// Signature is how a staff reply is signed to the patient.
type Signature string

// Signatures.
const (
	SignTeam Signature = "team" // "— the clinic team"
	SignName Signature = "name" // with the staff member's first name
)

// Privacy is how much of the patient's words reach Slack.
type Privacy string

// Privacy modes.
const (
	PrivacyRelay     Privacy = "relay"      // the patient's text goes to the thread; replies are relayed
	PrivacyRedacted  Privacy = "redacted"   // as relay, with digits, e-mails and links masked
	PrivacyAlertOnly Privacy = "alert-only" // no patient text in Slack, no relays: staff phone the patient
)

// Defaults.
const (
	DefaultEscalateAfter = 10 * time.Minute
	DefaultRetention     = 30 * 24 * time.Hour
	// SilenceCloses is how long a case may stay silent before it resolves
	// itself.
	SilenceCloses = 48 * time.Hour
	// ReopenWithin is how soon after resolving a new request reopens the
	// same thread.
	ReopenWithin = 24 * time.Hour
)
