package termview

// Lesson Markdown is cut into blocks before glamour sees it, because
// glamour gets four things wrong for a lesson read in a terminal:
//
//   - it wraps everything to the width, code included, so a long code
//     line breaks outside its indentation, mid-identifier, and no longer
//     compiles when copied;
//   - it keeps a paragraph's source line breaks as soft breaks inside
//     its text, and styles each piece of an emphasis apart, so that
//     plain output repeats the markers one word early;
//   - it wraps a list item under its bullet, with no hanging indent;
//   - its tables measure Chinese badly and cut a header to fit.
//
// So code blocks go to glamour at a width their longest line fits in,
// a paragraph goes as one line (its soft breaks joined the way its
// language joins them), each list item goes as a paragraph of its own
// at the width left beside its marker, and tables are laid out here
// (table.go). The lessons use no nested lists, block quotes, indented
// code or hard line breaks; the content tests keep it so.

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// blockKind is what a block of lesson Markdown is.
type blockKind int

const (
	blockProse blockKind = iota // a paragraph, heading or rule
	blockCode                   // a fenced code block, fences included
	blockList                   // a list, each item's lines
	blockTable                  // a pipe table
)

// block is one block of Markdown: its kind and its source lines, without
// newlines.
type block struct {
	kind  blockKind
	lines []string
}

// listMarker matches a list item's first line: the marker, then the text.
var listMarker = regexp.MustCompile(`^ {0,3}([-*+]|[0-9]{1,9}[.)]) +(.*)$`)

// splitBlocks cuts prepared Markdown into blocks. Blank lines separate
// blocks and are dropped.
func splitBlocks(md string) []block {
	lines := strings.Split(md, "\n")
	var out []block
	for i := 0; i < len(lines); {
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		start := i
		i++
		switch {
		case trimmed == "":
			continue
		case isFence(line):
			f, _, _ := fenceLine(line)
			for i < len(lines) {
				g, info, ok := fenceLine(lines[i])
				i++
				if ok && g[0] == f[0] && len(g) >= len(f) && strings.TrimSpace(info) == "" {
					break
				}
			}
			out = append(out, block{blockCode, lines[start:i]})
		case strings.HasPrefix(trimmed, "|"):
			for i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|") {
				i++
			}
			out = append(out, block{blockTable, lines[start:i]})
		case listMarker.MatchString(line):
			for i < len(lines) && inList(lines, i) {
				i++
			}
			out = append(out, block{blockList, lines[start:i]})
		case strings.HasPrefix(trimmed, "#") || isRule(trimmed):
			out = append(out, block{blockProse, lines[start:i]})
		default:
			for i < len(lines) && continuesParagraph(lines[i]) {
				i++
			}
			out = append(out, block{blockProse, lines[start:i]})
		}
	}
	return out
}

// inList reports whether lines[i] still belongs to the list above it: an
// item, an indented continuation, a lazy continuation of the item's
// paragraph, or a blank line followed by another item.
func inList(lines []string, i int) bool {
	line := lines[i]
	if strings.TrimSpace(line) == "" {
		return i+1 < len(lines) && listMarker.MatchString(lines[i+1])
	}
	if strings.TrimSpace(lines[i-1]) == "" {
		return listMarker.MatchString(line)
	}
	return listMarker.MatchString(line) || continuesParagraph(line)
}

// continuesParagraph reports whether line continues the paragraph above
// it rather than starting a block of its own.
func continuesParagraph(line string) bool {
	trimmed := strings.TrimSpace(line)
	return trimmed != "" && !isFence(line) && !strings.HasPrefix(trimmed, "|") &&
		!strings.HasPrefix(trimmed, "#") && !isRule(trimmed) && !listMarker.MatchString(line)
}

func isFence(line string) bool { _, _, ok := fenceLine(line); return ok }

// isRule reports whether a trimmed line is a thematic break.
func isRule(s string) bool {
	if len(s) < 3 {
		return false
	}
	for _, c := range []string{"-", "*", "_"} {
		if strings.Trim(strings.ReplaceAll(s, " ", ""), c) == "" {
			return true
		}
	}
	return false
}

// listItems splits a list block into items: each item's marker ("•" for
// a bullet, the number and its "." or ")" for an ordered item) and its
// text, the source lines joined.
func listItems(lines []string) (markers, texts []string) {
	for _, line := range lines {
		if m := listMarker.FindStringSubmatch(line); m != nil {
			marker := m[1]
			if strings.ContainsAny(marker, "-*+") {
				marker = "•"
			}
			markers = append(markers, marker)
			texts = append(texts, m[2])
			continue
		}
		if strings.TrimSpace(line) == "" || len(texts) == 0 {
			continue
		}
		texts[len(texts)-1] = joinSoft(texts[len(texts)-1], line)
	}
	return markers, texts
}

// joinLines joins the lines of one paragraph into one line.
func joinLines(lines []string) string {
	s := strings.TrimSpace(lines[0])
	for _, l := range lines[1:] {
		s = joinSoft(s, l)
	}
	return s
}

// joinSoft joins two lines across a soft line break. English turns the
// break into a space. Chinese puts nothing between its characters, nor
// next to its full-width punctuation or a curly quote beside them;
// between a Chinese character and a Latin word, as the lessons write
// them, a space. Emphasis markers at the break do not count: "。**" is
// still a full stop.
func joinSoft(a, b string) string {
	a, b = strings.TrimRight(a, " \t"), strings.TrimLeft(b, " \t")
	l, _ := utf8.DecodeLastRuneInString(strings.TrimRight(a, "*_"))
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(b, "*_"))
	switch {
	case cjkPunct(l) || cjkPunct(r), wide(l) && wide(r),
		wide(l) && isQuote(r), isQuote(l) && wide(r):
		return a + b
	}
	return a + " " + b
}

// cjkPunct reports whether r is full-width punctuation, after or before
// which Chinese puts no space: the CJK symbols and punctuation block and
// the full-width forms.
func cjkPunct(r rune) bool {
	return (r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF65) && wide(r)
}

// isQuote reports whether r is a curly quote, which Chinese shares with
// English: its neighbour says which language it is in.
func isQuote(r rune) bool { return strings.ContainsRune("“”‘’", r) }

// glue stands for a space where a line must not break: not white space
// to ansi.Wrap, which glamour wraps with, and turned back into a space
// after. (Not U+00A0, which glamour's colour style pads code spans with.)
const glue = '\uF8FE'

// shortCode is the widest code span that is never broken across lines.
const shortCode = 24

// numberUnit is a number and its unit, which a line never parts.
var numberUnit = regexp.MustCompile(`([0-9]) (KiB|MiB|GiB|ns|µs|ms)([^\pL]|$)`)

// keepTogether puts no-break spaces where a line must not break: inside
// a short code span ("for amount :=" / "range mailbox" reads as two
// programs) and between a number and its unit.
func keepTogether(s string) string {
	s = numberUnit.ReplaceAllString(s, "$1"+string(glue)+"$2$3")
	parts := strings.Split(s, "`")
	for i := 1; i < len(parts); i += 2 {
		if i < len(parts)-1 && width(parts[i]) <= shortCode {
			parts[i] = strings.ReplaceAll(parts[i], " ", string(glue))
		}
	}
	return strings.Join(parts, "`")
}

// escapeEmphasis makes the emphasis markers of a paragraph literal, for
// the plain style: glamour's plain style writes the markers of each
// piece of an emphasis apart (around the text before a code span, and
// again after it), while the source's own markers, shown as they are,
// read right. Code spans are left alone.
func escapeEmphasis(s string) string {
	var b strings.Builder
	inCode := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '`':
			inCode = !inCode
		case !inCode && (c == '*' || c == '_'):
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}
