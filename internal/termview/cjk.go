package termview

// Chinese text in glamour. Glamour wraps paragraphs at spaces only, so a
// run of Chinese, which has none, is one long "word": it is moved whole to
// the next line, leaving the line before it short, or cut at the width.
// And CommonMark turns the line breaks of the source into spaces, which
// Chinese does not put between its characters.
//
// So before glamour sees the prose, its lines are joined (see joinSoft
// in blocks.go), and each wide character becomes two narrow ones
// of the same total width: a stand-in from the Private Use Area, then
// either a break mark (a space, where a line may break) or a filler (where
// it may not). Glamour measures and wraps that text correctly, and
// [cjk.restore] turns its output back: stand-ins into the characters they
// stand for, marks and fillers removed. A line broken at a mark is one
// column wider than glamour measured, so glamour is given one column less.

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

const (
	// breakMark is EN SPACE (U+2002): white space to glamour's wrapping,
	// and never typed in a lesson, so every one in the output is ours.
	breakMark = '\u2002'
	// filler is the last Private Use Area code point, one column wide
	// and not white space.
	filler = '\uF8FF'
	// puaFirst and puaLast bound the stand-ins; U+F8FE is glue (blocks.go).
	puaFirst, puaLast = '\uE000', '\uF8FD'
)

// noBreakBefore and noBreakAfter are the punctuation a line should not
// start or end with (the simple rules of Chinese line breaking).
const (
	noBreakBefore = "，。、：；！？）》」』”’"
	noBreakAfter  = "（《「『“‘"
)

// wide reports whether r is a double-width character: Chinese characters
// and full-width punctuation.
func wide(r rune) bool { return r >= 0x1100 && width(string(r)) == 2 }

// cjk maps the wide characters of one piece of Markdown to stand-ins.
type cjk struct {
	runes []rune        // stand-in - puaFirst → character
	index map[rune]rune // character → stand-in
}

// standIn returns r's stand-in, or r itself when the stand-ins have run
// out (a lesson would need over 6000 distinct characters).
func (c *cjk) standIn(r rune) rune {
	if s, ok := c.index[r]; ok {
		return s
	}
	s := puaFirst + rune(len(c.runes))
	if s > puaLast {
		return r
	}
	if c.index == nil {
		c.index = map[rune]rune{}
	}
	c.index[r] = s
	c.runes = append(c.runes, r)
	return s
}

// line rewrites one line of Markdown prose. Inline code is left alone, and
// so are table rows: glamour lays them out in columns by itself.
func (c *cjk) line(line string) string {
	if strings.HasPrefix(strings.TrimLeft(line, " "), "|") || !strings.ContainsFunc(line, wide) {
		return line
	}
	var b strings.Builder
	inCode := false
	rs := []rune(line)
	for i, r := range rs {
		if r == '`' {
			inCode = !inCode
		}
		if inCode || !wide(r) {
			b.WriteRune(r)
			continue
		}
		s := c.standIn(r)
		b.WriteRune(s)
		if s == r {
			continue
		}
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		if wide(next) && !strings.ContainsRune(noBreakBefore, next) && !strings.ContainsRune(noBreakAfter, r) {
			b.WriteRune(breakMark)
		} else {
			b.WriteRune(filler)
		}
	}
	return b.String()
}

// restore undoes line in glamour's output.
func (c *cjk) restore(out string) string {
	if len(c.runes) == 0 {
		return out
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == breakMark || r == filler:
			return -1
		case r >= puaFirst && r < puaFirst+rune(len(c.runes)):
			return c.runes[r-puaFirst]
		}
		return r
	}, out)
}

// Wrap wraps plain text (no Markdown) to width columns at spaces and, in
// Chinese, between characters, following the same rules as the lesson
// text. The CLI uses it for the lesson list.
func Wrap(s string, width int) string {
	var c cjk
	s = c.line(numberUnit.ReplaceAllString(joinLines(strings.Split(s, "\n")), "$1"+string(glue)+"$2$3"))
	return strings.ReplaceAll(c.restore(ansi.Wrap(s, c.wrapWidth(width), "")), string(glue), " ")
}

// wrapWidth is the width to give glamour or ansi.Wrap for text that went
// through c: one column less if it has stand-ins, since a line broken at
// a break mark is one column wider than measured.
func (c *cjk) wrapWidth(width int) int {
	if len(c.runes) > 0 {
		return width - 1
	}
	return width
}
