// Package qrtext draws QR codes as text, for places that show text but no
// pictures: a terminal, a Slack code block.
package qrtext

import (
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// Blocks draws a QR code of content with two full blocks per module and
// one line per row, so that it stays square in any monospace font: about
// 2,300 characters for a Telegram deep link. It returns "" when content is
// too long for a QR code.
func Blocks(content string) string {
	q, err := qrcode.New(content, qrcode.Low)
	if err != nil {
		return ""
	}
	q.DisableBorder = true
	bits := q.Bitmap()
	var b strings.Builder
	quiet := strings.Repeat("  ", len(bits[0])+2)
	b.WriteString(quiet + "\n")
	for _, row := range bits {
		b.WriteString("  ")
		for _, dark := range row {
			if dark {
				b.WriteString("██")
			} else {
				b.WriteString("  ")
			}
		}
		b.WriteString("  \n")
	}
	b.WriteString(quiet)
	return b.String()
}

// Small draws a QR code of content with half blocks, two rows per line,
// light on dark as terminals show it best; "" when content is too long.
func Small(content string) string {
	q, err := qrcode.New(content, qrcode.Low)
	if err != nil {
		return ""
	}
	return q.ToSmallString(false)
}
