package termview

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/gotour-gpm/gotour-gpm/tour"
)

// headingAnchor matches an ATX heading that ends in the lesson format's
// "{#anchor}" suffix (tour's package documentation, "Body and sections").
var headingAnchor = regexp.MustCompile(`^( {0,3}#{1,6}[ \t].*?)[ \t]+\{#[^{}]*\}[ \t]*$`)

// tabWidth is how many spaces a tab in code becomes. gofmt indents with
// tabs, which a terminal shows 8 columns wide; 4 keeps code narrow and
// lets glamour measure its lines.
const tabWidth = 4

// prepare turns a piece of lesson Markdown into what glamour should see:
// heading anchors removed, fence info strings cut to their language
// ("go run id=x show=timeline" becomes "go"; "output" and its settings
// become "text"), and tabs inside fenced code expanded.
func prepare(md string) string {
	lines := strings.SplitAfter(md, "\n")
	var open string // the opening fence's run of ` or ~, or "" outside code
	for i, line := range lines {
		body := strings.TrimRight(line, "\n")
		if open == "" {
			if f, info, ok := fenceLine(body); ok {
				open = f
				lang, _, _ := strings.Cut(strings.TrimSpace(info), " ")
				if lang == "output" {
					lang = "text" // never guessed: see package highlight
				}
				lines[i] = f + lang + "\n"
				continue
			}
			if m := headingAnchor.FindStringSubmatch(body); m != nil {
				line = m[1] + strings.TrimPrefix(line, body)
			}
			lines[i] = line
			continue
		}
		if f, info, ok := fenceLine(body); ok && f[0] == open[0] && len(f) >= len(open) && strings.TrimSpace(info) == "" {
			open = ""
			continue
		}
		lines[i] = strings.ReplaceAll(line, "\t", strings.Repeat(" ", tabWidth))
	}
	return strings.Join(lines, "")
}

// fenceLine reports whether line is a code fence, returning the run of
// fence characters and the text after it.
func fenceLine(line string) (fence, info string, ok bool) {
	trimmed := strings.TrimLeft(line, " ")
	if len(line)-len(trimmed) > 3 || len(trimmed) < 3 {
		return "", "", false
	}
	c := trimmed[0]
	if c != '`' && c != '~' {
		return "", "", false
	}
	n := 0
	for n < len(trimmed) && trimmed[n] == c {
		n++
	}
	if n < 3 || (c == '`' && strings.Contains(trimmed[n:], "`")) {
		return "", "", false
	}
	return trimmed[:n], trimmed[n:], true
}

// tidy removes glamour's padding from the ends of lines and its blank
// lines around the document: it pads every line to the full width, with
// styled spaces in the colour styles. Where the padding held escape
// sequences, a reset takes their place, so that no style runs into the
// next line.
func tidy(out string) string {
	lines := strings.Split(out, "\n")
	for i, line := range lines {
		text, styled := trimPad(line)
		if styled && text != "" {
			text += sgrReset
		}
		lines[i] = text
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// trimPad cuts the spaces, tabs and SGR sequences ("\x1b[…m") off the
// end of line, and reports whether any of them was a sequence.
func trimPad(line string) (text string, styled bool) {
	end := len(line)
	for end > 0 {
		switch c := line[end-1]; {
		case c == ' ' || c == '\t':
			end--
			continue
		case c == 'm':
			start := strings.LastIndex(line[:end], "\x1b[")
			if start >= 0 && strings.Trim(line[start+2:end-1], "0123456789;") == "" {
				end, styled = start, true
				continue
			}
		}
		break
	}
	return line[:end], styled
}

// afterOutputs returns the offset in src just past snippet sn and the
// "output" blocks that follow it, which the tour format requires to come
// right after the snippet, unindented, each a fenced block.
func afterOutputs(src []byte, sn *tour.Snippet) int {
	end := sn.End
	if sn.Output == nil {
		return end
	}
	for _, line := range []int{sn.Output.StdoutLine, sn.Output.StderrLine} {
		if line > 0 {
			end = max(end, blockEnd(src, line))
		}
	}
	return end
}

// blockEnd returns the offset just past the closing fence of the fenced
// block whose opening fence is on the given 1-based line of src, or the
// end of src if it is never closed.
func blockEnd(src []byte, line int) int {
	off := 0
	for n := 1; n < line && off < len(src); n++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	var open string
	for off < len(src) {
		next := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			next = off + i + 1
		}
		f, info, ok := fenceLine(strings.TrimRight(string(src[off:next]), "\n"))
		switch {
		case open == "" && ok:
			open = f
		case open != "" && ok && f[0] == open[0] && len(f) >= len(open) && strings.TrimSpace(info) == "":
			return next
		}
		off = next
	}
	return len(src)
}
