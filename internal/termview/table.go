package termview

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Tables are laid out here rather than by glamour, which cuts a header
// that does not fit ("closed chan…") and measures Chinese by its bytes'
// stand-ins. Each cell is rendered as a paragraph of its own (so code
// spans, emphasis and Chinese line breaking work as in the prose), the
// columns get widths the way an HTML table's automatic layout gives
// them, and the rows are joined with "│".

// colSep separates the cells of a row, colRule the rules of the header
// line.
const (
	colSep  = " │ "
	colRule = "─┼─"
)

// mdTable renders a pipe table's lines at the Renderer's width.
func (r *Renderer) mdTable(lines []string) (string, error) {
	var rows [][]string
	for i, line := range lines {
		if i == 1 && isDelimiterRow(line) {
			continue
		}
		rows = append(rows, splitRow(line))
	}
	ncol := 0
	for _, row := range rows {
		ncol = max(ncol, len(row))
	}
	// natural[c] is the widest cell of column c on one line, least[c]
	// the widest piece of it that cannot be broken.
	natural, least := make([]int, ncol), make([]int, ncol)
	single := make([][][]string, len(rows)) // each cell on one line
	for i, row := range rows {
		single[i] = make([][]string, ncol)
		for c := range ncol {
			cell := ""
			if c < len(row) {
				cell = row[c]
			}
			out, err := r.inlineGlued(cell, unlimited, false)
			if err != nil {
				return "", err
			}
			single[i][c] = out
			for _, l := range out {
				natural[c] = max(natural[c], width(l))
				least[c] = max(least[c], longestPiece(l))
			}
		}
	}
	widths := colWidths(natural, least, r.textWidth()-len([]rune(colSep))*(ncol-1))
	var b strings.Builder
	for i, row := range single {
		cells := make([][]string, ncol)
		height := 0
		for c := range ncol {
			cells[c] = row[c]
			if natural[c] > widths[c] {
				src := ""
				if c < len(rows[i]) {
					src = rows[i][c]
				}
				var err error
				if cells[c], err = r.inlineGlued(src, widths[c], false); err != nil {
					return "", err
				}
			}
			height = max(height, len(cells[c]))
		}
		for h := range height {
			parts := make([]string, ncol)
			for c := range ncol {
				if h < len(cells[c]) {
					parts[c] = cells[c][h]
				}
				parts[c] = pad(strings.ReplaceAll(parts[c], string(glue), " "), widths[c])
			}
			b.WriteString(strings.TrimRight(margin+strings.Join(parts, colSep), " ") + "\n")
		}
		if i == 0 {
			rules := make([]string, ncol)
			for c, w := range widths {
				rules[c] = strings.Repeat("─", w)
			}
			b.WriteString(margin + strings.Join(rules, colRule) + "\n")
		}
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// colWidths shares avail columns among the table's columns: each its
// natural width if all fit, or else its unbreakable width plus a share of
// the rest in proportion to how much more it would take.
func colWidths(natural, least []int, avail int) []int {
	sumNat, sumLeast := 0, 0
	for c := range natural {
		sumNat += natural[c]
		sumLeast += least[c]
	}
	if sumNat <= avail {
		return natural
	}
	widths := append([]int(nil), least...)
	extra, want := avail-sumLeast, sumNat-sumLeast
	if extra <= 0 || want <= 0 {
		return widths
	}
	given := 0
	for c := range widths {
		share := extra * (natural[c] - least[c]) / want
		widths[c] += share
		given += share
	}
	for c := 0; given < extra; c = (c + 1) % len(widths) {
		if widths[c] < natural[c] {
			widths[c]++
			given++
		}
	}
	return widths
}

// longestPiece is the width of the widest part of a rendered line that
// cannot be broken: a word, or a Chinese character with the punctuation
// that may not be parted from it.
func longestPiece(line string) int {
	var c cjk
	marked := c.line(ansi.Strip(line))
	longest := 0
	for _, f := range strings.FieldsFunc(marked, func(r rune) bool { return r == ' ' || r == breakMark }) {
		longest = max(longest, width(c.restore(f)))
	}
	return longest
}

// isDelimiterRow reports whether line is a table's second line, the one
// of dashes and colons.
func isDelimiterRow(line string) bool {
	return strings.Trim(line, "|-: \t") == "" && strings.Contains(line, "-")
}

// splitRow splits a table row into its trimmed cells. A "|" inside a code
// span or after a backslash does not split.
func splitRow(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, `\|`) {
		line = line[:len(line)-1]
	}
	var cells []string
	var cur strings.Builder
	inCode := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line) && line[i+1] == '|':
			cur.WriteByte('|')
			i++
			continue
		case c == '`':
			inCode = !inCode
		case c == '|' && !inCode:
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
			continue
		}
		cur.WriteByte(c)
	}
	return append(cells, strings.TrimSpace(cur.String()))
}
