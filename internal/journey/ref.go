package journey

import (
	"errors"
	"regexp"
	"strings"
)

// A clinic reference is the clinic's own identifier for a patient: a
// record or booking number from its system, given by staff with an
// invite, so that the care team knows which of the clinic's patients a
// case is. It is not a name: short, and only letters, digits, - and _.

// MaxRefLen is the longest clinic reference accepted, in characters.
const MaxRefLen = 32

// Errors CutRef and CheckRef return.
var (
	ErrNoRef  = errors.New(`no clinic reference after "ref"`)
	ErrBadRef = errors.New("a clinic reference is at most 32 letters, digits, - and _")
)

// refRe is what a clinic reference looks like.
var refRe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,32}$`)

// CheckRef returns ErrBadRef unless ref is a clinic reference: 1 to
// MaxRefLen ASCII letters, digits, - and _.
func CheckRef(ref string) error {
	if !refRe.MatchString(ref) {
		return ErrBadRef
	}
	return nil
}

// CutRef takes a clinic reference out of an invite's arguments:
// "14:30 ref A-1234" gives "14:30" and "A-1234", "ref A-1234" gives ""
// and "A-1234". The reference comes last, after the word "ref" (in any
// case; "ref:", "ref:A-1234" and "ref=A-1234" too), and everything after
// that word is the reference, so "ref A 1234" is ErrBadRef. Arguments
// without the word are returned as they are, with ref "". The error is
// ErrNoRef when nothing follows the word, ErrBadRef when what follows is
// not a reference (see CheckRef).
func CutRef(args string) (rest, ref string, err error) {
	words := strings.Fields(args)
	for i, w := range words {
		attached, ok := refWord(w)
		if !ok {
			continue
		}
		ref = strings.TrimSpace(attached + " " + strings.Join(words[i+1:], " "))
		rest = strings.Join(words[:i], " ")
		switch {
		case ref == "":
			return rest, "", ErrNoRef
		case CheckRef(ref) != nil:
			return rest, "", ErrBadRef
		}
		return rest, ref, nil
	}
	return strings.Join(words, " "), "", nil
}

// refWord reports whether w is the word "ref" (or "ref:"), and returns
// the reference attached to it ("ref:A-1", "ref=A-1").
func refWord(w string) (attached string, ok bool) {
	if len(w) < 3 || !strings.EqualFold(w[:3], "ref") {
		return "", false
	}
	switch rest := w[3:]; {
	case rest == "", rest == ":":
		return "", true
	case rest[0] == ':' || rest[0] == '=':
		return rest[1:], true
	}
	return "", false
}
