package termview

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Escape makes text safe to print on a terminal inside one of the tool's
// own reports: every control character but newline and tab is written as
// Go quotes it (strconv.Quote, as go test shows a failing string): "\r",
// "\x1b", "\u009b", and a byte that is not UTF-8 as "\xff". So a program's
// output cannot clear the screen, move the cursor to fake a ✓ line, set
// the window title or write the clipboard (OSC 52) from inside a report.
// The Unicode format characters that reorder text (bidirectional
// overrides and isolates) are escaped too, as they can make a line read
// differently from what it holds.
func Escape(text string) string {
	if !needsEscape(text) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + 16)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(text[i])>>4, 16))
			b.WriteString(strconv.FormatUint(uint64(text[i])&0xf, 16))
		case escaped(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(text[i : i+size])
		}
		i += size
	}
	return b.String()
}

// needsEscape reports whether Escape would change text.
func needsEscape(text string) bool {
	if !utf8.ValidString(text) {
		return true
	}
	for _, r := range text {
		if escaped(r) {
			return true
		}
	}
	return false
}

// escaped reports whether Escape writes r as an escape: the C0 controls
// but newline and tab, DEL, the C1 controls (U+0080 to U+009F; U+009B is
// a CSI to some terminals) and the bidirectional format characters.
func escaped(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}
