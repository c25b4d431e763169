package qrtext

import (
	"strings"
	"testing"
)

func TestBlocks(t *testing.T) {
	link := "https://t.me/GlowSkinAftercareBot?start=" + strings.Repeat("A", 32)
	qr := Blocks(link)
	lines := strings.Split(qr, "\n")
	if len(lines) < 21 || len([]rune(lines[0])) != 2*len(lines) {
		t.Errorf("Blocks: %d lines of %d runes, want a square of at least 21 modules", len(lines), len([]rune(lines[0])))
	}
	if len([]rune(qr)) > 2900 {
		t.Errorf("Blocks is %d characters: too long for one Slack section", len([]rune(qr)))
	}
	if Small(link) == "" || Blocks(strings.Repeat("x", 5000)) != "" {
		t.Error("Small or Blocks misbehaves")
	}
}
