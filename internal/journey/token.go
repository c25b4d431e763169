package journey

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/url"
	"regexp"
	"time"
)

// InviteValidity is how long an invite link works.
const InviteValidity = 14 * 24 * time.Hour

// tokenBytes is the randomness in a token: 192 bits, 32 characters.
const tokenBytes = 24

// NewToken returns a random invite token, 32 characters of A-Za-z0-9_-
// (Telegram's rule for a /start payload: at most 64 of those), and the
// hash of it to store.
func NewToken() (token, hash string) {
	b := make([]byte, tokenBytes)
	rand.Read(b) // never fails (crypto/rand)
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken is the hash stored for token: only its hash is kept, so that
// a copy of the database cannot link anyone.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// tokenRe is what a token looks like.
var tokenRe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// IsToken reports whether payload may be a token.
func IsToken(payload string) bool { return tokenRe.MatchString(payload) }

// botNameRe is a Telegram bot username.
var botNameRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{3,31}$`)

// Link is the Telegram deep link that starts a chat with the bot
// username and hands it token: https://t.me/<bot>?start=<token>.
func Link(bot, token string) (string, error) {
	if !botNameRe.MatchString(bot) {
		return "", fmt.Errorf("%q is not a Telegram bot username", bot)
	}
	return "https://t.me/" + bot + "?start=" + url.QueryEscape(token), nil
}
