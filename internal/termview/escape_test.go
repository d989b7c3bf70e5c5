package termview

import (
	"strconv"
	"testing"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain ✓ 中文\n\tx", "plain ✓ 中文\n\tx"},
		{"\x1b[2J\x1b[H", `\x1b[2J\x1b[H`},
		{"ok\r✓ passed", `ok\r✓ passed`},
		{"\x1b]0;title\x07", `\x1b]0;title\a`},
		{"\x1b]52;c;aGVsbG8=\x1b\\", `\x1b]52;c;aGVsbG8=\x1b\`},
		{"\u009b2J", `\u009b2J`},
		{"a\xffb", `a\xffb`},
		{"\x7f\x00", `\x7f\x00`},
		{"abc\u202edcba", `abc\u202edcba`},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestEscapeAsGo: an escaped control character reads as strconv.Quote
// writes it, for every byte value.
func TestEscapeAsGo(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		s := string(rune(c))
		if c == '\n' || c == '\t' {
			continue
		}
		q := strconv.Quote(s)
		q = q[1 : len(q)-1]
		if c == '"' || c == '\\' {
			q = s // printable: left as it is
		}
		if got := Escape(s); got != q {
			t.Errorf("Escape(%q) = %q, want %q", s, got, q)
		}
	}
}

func FuzzEscape(f *testing.F) {
	f.Add("\x1b[2J\r\xff\u009b\u202e")
	f.Fuzz(func(t *testing.T, s string) {
		out := Escape(s)
		for _, r := range out {
			if escaped(r) {
				t.Fatalf("Escape(%q) = %q keeps %U", s, out, r)
			}
		}
		if !needsEscape(s) && out != s {
			t.Fatalf("Escape(%q) changed clean text to %q", s, out)
		}
	})
}
