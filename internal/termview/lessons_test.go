package termview

import (
	"context"
	"fmt"
	"go/scanner"
	"go/token"
	"io"
	"maps"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/lessons"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// testWidths are the terminal widths every lesson is read at in
// TestLessonsRead: narrow, the default, and wide.
var testWidths = []int{60, 80, 120}

// TestLessonsRead renders every lesson in both languages at each of
// testWidths, plain (piped) and coloured (a terminal), and checks what a
// reader sees: every code line whole, no stray emphasis marker, no space
// after Chinese punctuation, no line wider than the width outside code
// and program output, and every table cell's text all there.
//
// Each snippet runs once, not once per rendering: a run does not depend
// on the width or the colour, and the zh and en snippets are the same
// programs (the root package's parity test). With -short nothing runs
// and the output the lessons expect is shown instead.
func TestLessonsRead(t *testing.T) {
	runs := newRunCache()
	for _, lang := range i18n.Langs {
		tr, err := tour.Load(lessons.FS(), string(lang))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range tr.Lessons {
			t.Run(fmt.Sprintf("%s/%02d", lang, l.Order), func(t *testing.T) {
				t.Parallel()
				var rs []*snippetRun
				if !testing.Short() {
					rs = runs.get(t, l)
				}
				for _, w := range testWidths {
					for _, color := range []bool{false, true} {
						r := newRenderer(t, Options{Lang: lang, Width: w, Color: color})
						var b strings.Builder
						if err := r.write(&b, l, rs); err != nil {
							t.Fatal(err)
						}
						name := fmt.Sprintf("%s lesson %d at %d columns, colour %v", lang, l.Order, w, color)
						checkReading(t, name, l, b.String(), w, color, traceLinesOf(rs))
					}
				}
			})
		}
	}
}

// runCache runs each distinct snippet once for all the lessons.
type runCache struct {
	mu   sync.Mutex
	runs map[string]*snippetRun
	r    *Renderer
}

func newRunCache() *runCache {
	r, _ := New(Options{Run: true, Parallel: 2})
	return &runCache{runs: map[string]*snippetRun{}, r: r}
}

// get returns the runs of l's snippets, running those not run before.
func (c *runCache) get(t *testing.T, l *tour.Lesson) []*snippetRun {
	t.Helper()
	out := make([]*snippetRun, len(l.Snippets))
	var todo []*tour.Snippet
	var at []int
	c.mu.Lock()
	for i, sn := range l.Snippets {
		if run, ok := c.runs[runKey(sn)]; ok {
			out[i] = run
			continue
		}
		todo, at = append(todo, sn), append(at, i)
	}
	c.mu.Unlock()
	done := c.r.runAll(context.Background(), todo, nil)
	c.mu.Lock()
	defer c.mu.Unlock()
	for j, run := range done {
		c.runs[runKey(todo[j])] = run
		out[at[j]] = run
	}
	return out
}

// runKey identifies a snippet's run: its settings and its code's tokens
// with their positions, comments left out. The zh and en snippets differ
// only in their comments (CheckParity), so a translated snippet shares
// the run of its original unless a comment moved code to another line or
// column, which would change what a traceback says.
func runKey(sn *tour.Snippet) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%+v\x00", sn.Info)
	fset := token.NewFileSet()
	src := []byte(sn.Code)
	var sc scanner.Scanner
	sc.Init(fset.AddFile("", -1, len(src)), src, nil, 0) // mode 0 skips comments
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			return b.String()
		}
		if tok == token.SEMICOLON && lit == "\n" {
			b.WriteString(";\n") // placed after a trailing comment
			continue
		}
		p := fset.Position(pos)
		fmt.Fprintf(&b, "%d:%d %s %q\n", p.Line, p.Column, tok, lit)
	}
}

// cjkPunctAndSpace is Chinese punctuation followed by one space and more
// text on the line: a soft line break turned into a space. (Pictures
// and headings set their columns two spaces apart.)
var cjkPunctAndSpace = regexp.MustCompile(`[\x{3000}-\x{303F}\x{FF00}-\x{FF65}] [^ │]`)

// traceLinesOf returns the event lines of the runs' traces, which the
// trace picture shows as they are, like code.
func traceLinesOf(runs []*snippetRun) map[string]bool {
	out := map[string]bool{}
	for _, run := range runs {
		if run == nil || run.res == nil || run.res.Trace == nil {
			continue
		}
		var b strings.Builder
		run.res.Trace.WriteText(&b)
		for _, line := range strings.Split(b.String(), "\n") {
			out[strings.TrimSpace(line)] = true
		}
	}
	return out
}

// checkReading checks one rendering of lesson l, out, at width columns.
// The lines of verbatim (trace events) may run past the edge, as code
// does.
func checkReading(t *testing.T, name string, l *tour.Lesson, out string, cols int, color bool, verbatim map[string]bool) {
	t.Helper()
	plain := ansi.Strip(out)
	lines := strings.Split(plain, "\n")
	code := codeLines(l)
	isCode := maps.Clone(verbatim)
	for _, c := range code {
		isCode[c] = true
	}
	seen := map[string]bool{}
	stars := 0
	for n, line := range lines {
		trimmed := strings.TrimSpace(line)
		seen[trimmed] = true
		if out, ok := strings.CutPrefix(trimmed, "│"); ok {
			seen[strings.TrimSpace(out)] = true // an output block's line
		}
		if isCode[trimmed] || strings.HasPrefix(trimmed, "│") {
			continue // code and a program's output run past the edge
		}
		if w := width(line); w > cols {
			t.Errorf("%s: line %d is %d columns wide:\n%s", name, n+1, w, line)
		}
		if m := cjkPunctAndSpace.FindString(line); m != "" {
			t.Errorf("%s: line %d has a space after Chinese punctuation (%q):\n%s", name, n+1, m, line)
		}
		stars += strings.Count(line, "*")
	}
	for _, c := range code {
		if !seen[c] {
			t.Errorf("%s: code line not shown whole on a line of its own (wrapped?):\n%s", name, c)
		}
	}
	if want := wantStars(l, color); stars != want {
		t.Errorf("%s: %d emphasis markers (*) outside code, want %d: a stray or lost marker", name, stars, want)
	}
	checkTables(t, name, l, lines)
}

// codeLines are the non-blank lines of every fenced code block in l, as
// the terminal shows them: tabs expanded, spaces trimmed.
func codeLines(l *tour.Lesson) []string {
	var out []string
	for _, bl := range splitBlocks(prepare(string(l.Source[l.BodyStart:]))) {
		if bl.kind != blockCode {
			continue
		}
		for _, line := range bl.lines[1 : len(bl.lines)-1] {
			if s := strings.TrimSpace(line); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// wantStars is how many "*" a rendering of l shows outside code: in the
// plain style, every one its prose has (emphasis is shown by its
// markers), and the title's; in colour, only those in code spans.
func wantStars(l *tour.Lesson, color bool) int {
	n := 0
	prose := fmt.Sprintf("# %d. %s\n\n*%s*\n", l.Order, l.Title, l.Summary)
	for _, bl := range splitBlocks(prepare(string(l.Source[l.BodyStart:]))) {
		if bl.kind != blockCode {
			prose += strings.Join(bl.lines, "\n") + "\n"
		}
	}
	for i, span := range strings.Split(prose, "`") {
		if !color || i%2 == 1 {
			n += strings.Count(span, "*")
		}
	}
	return n
}

// checkTables checks that every table of l shows all its cells' text,
// none of it cut, and that no cell's line starts with punctuation that
// Chinese never starts a line with.
func checkTables(t *testing.T, name string, l *tour.Lesson, lines []string) {
	t.Helper()
	var tables [][]string
	for _, bl := range splitBlocks(prepare(string(l.Source[l.BodyStart:]))) {
		if bl.kind == blockTable {
			tables = append(tables, bl.lines)
		}
	}
	shown := shownTables(lines)
	if len(shown) != len(tables) {
		t.Errorf("%s: %d tables shown, the lesson has %d", name, len(shown), len(tables))
		return
	}
	for i, src := range tables {
		var want []string
		for j, line := range src {
			if j == 1 {
				continue
			}
			for c, cell := range splitRow(line) {
				for len(want) <= c {
					want = append(want, "")
				}
				want[c] += squash(cell)
			}
		}
		for c := range want {
			if c >= len(shown[i].cols) || shown[i].cols[c] != want[c] {
				got := ""
				if c < len(shown[i].cols) {
					got = shown[i].cols[c]
				}
				t.Errorf("%s: table %d column %d shows\n%q\nwant\n%q", name, i+1, c+1, got, want[c])
			}
		}
		for _, s := range shown[i].starts {
			if r, _ := utf8.DecodeRuneInString(s); strings.ContainsRune(noBreakBefore, r) {
				t.Errorf("%s: table %d has a cell line starting with %q: %s", name, i+1, r, s)
			}
		}
	}
}

// squash removes what a table cell's text loses or gains on its way to
// the screen: white space, code span backticks, emphasis markers.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '`' || r == '*' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}

// shownTable is a table as read off the screen: each column's text, all
// its lines squashed together, and the start of each cell line.
type shownTable struct {
	cols   []string
	starts []string
}

// shownTables finds the tables in the rendered lines by their header
// rule ("───┼───") and reads their columns, split at the rule's "┼".
func shownTables(lines []string) []shownTable {
	var out []shownTable
	for i, line := range lines {
		if !strings.Contains(line, "─┼─") {
			continue
		}
		var cuts []int // the display columns of the separators
		col := 0
		for _, r := range line {
			if r == '┼' {
				cuts = append(cuts, col)
			}
			col += width(string(r))
		}
		first := i - 1
		for first > 0 && strings.TrimSpace(lines[first-1]) != "" {
			first--
		}
		last := i + 1
		for last < len(lines) && strings.TrimSpace(lines[last]) != "" {
			last++
		}
		tb := shownTable{cols: make([]string, len(cuts)+1)}
		for j := first; j < last; j++ {
			if j == i {
				continue
			}
			for c, cell := range cutColumns(lines[j], cuts) {
				tb.cols[c] += squash(cell)
				if s := strings.TrimSpace(cell); s != "" {
					tb.starts = append(tb.starts, s)
				}
			}
		}
		out = append(out, tb)
	}
	return out
}

// cutColumns splits a table line at the display columns of its "│".
func cutColumns(line string, cuts []int) []string {
	cells := make([]string, len(cuts)+1)
	c, col := 0, 0
	for _, r := range line {
		if c < len(cuts) && col == cuts[c] && r == '│' {
			c++
			col++
			continue
		}
		cells[c] += string(r)
		col += width(string(r))
	}
	return cells
}

// BenchmarkLessonText renders lesson 6, the longest, in Chinese and in
// colour at 80 columns, without running its programs: the part of a
// lesson view that does not depend on the runs.
func BenchmarkLessonText(b *testing.B) {
	tr, err := tour.Load(lessons.FS(), "zh")
	if err != nil {
		b.Fatal(err)
	}
	l := tr.Lessons[5]
	for b.Loop() {
		r, err := New(Options{Lang: i18n.Zh, Color: true})
		if err != nil {
			b.Fatal(err)
		}
		if err := r.write(io.Discard, l, nil); err != nil {
			b.Fatal(err)
		}
	}
}
