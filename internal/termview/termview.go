package termview

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	// Its lexers replace chroma's in the registry glamour reads.
	_ "github.com/gotour-gpm/gotour-gpm/internal/highlight"
	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// Options says how to render. The zero value renders English code-only
// text, 80 columns wide, without colour.
type Options struct {
	// Lang is the language of the labels ("Output", "Timeline", ...); the
	// lesson's own text is in whatever language it was loaded in.
	// Default English.
	Lang i18n.Lang
	// Width is the terminal width that text is wrapped to. Default 80;
	// values below 40 are raised to 40, since the pictures need that much.
	Width int
	// Color turns on ANSI styles: glamour's "dark" style with chroma
	// highlighting, and coloured labels and goroutines in the pictures.
	// Without it the output is plain text with no escape sequences.
	Color bool
	// Run runs each runnable snippet on the simulator and shows its output
	// and pictures. Without it only the code, and the output the lesson
	// expects, are shown.
	Run bool
	// Timeout bounds the wall-clock time of each snippet's run. It only
	// guards against a hang of the tool: the runner's virtual limits end
	// every program, and on a busy machine (or under -race) a lesson's
	// run may take many times its usual time. Default 3 minutes.
	Timeout time.Duration
	// Parallel is how many snippets run at once. Default 1; the CLI
	// passes the number of CPUs.
	Parallel int
	// Cache, if not nil, keeps what is drawn under each snippet that ran,
	// for later views.
	Cache Cache
}

// minWidth is the narrowest layout: a timeline row of 36 columns plus its
// "P0 " label and margins.
const minWidth = 40

func (o Options) withDefaults() Options {
	if o.Lang == "" {
		o.Lang = i18n.En
	}
	if o.Width <= 0 {
		o.Width = 80
	}
	o.Width = max(o.Width, minWidth)
	if o.Timeout <= 0 {
		o.Timeout = 3 * time.Minute
	}
	if o.Parallel <= 0 {
		o.Parallel = 1
	}
	return o
}

// Renderer renders lessons with fixed [Options]. It is safe for
// concurrent use.
type Renderer struct {
	opts  Options
	style glamour.TermRendererOption
	pal   palette

	mu sync.Mutex
	// gl holds glamour renderers by word-wrap width: the text's, one
	// column less for text with Chinese characters (see cjk.go), and one
	// wide enough for each code block (see blocks.go).
	gl map[int]*glamour.TermRenderer
}

// margin is the left margin of glamour's styles; the blocks this package
// draws itself use the same, so that they line up with the text.
const margin = "  "

// glamourMargins is what glamour's document style takes from its word-wrap
// width: its margin on both sides.
const glamourMargins = 2 * len(margin)

// New returns a Renderer for opts.
func New(opts Options) (*Renderer, error) {
	opts = opts.withDefaults()
	// glamour's plain style has no escape sequences at all.
	style := glamour.WithStandardStyle("notty")
	if opts.Color {
		style = glamour.WithStyles(darkStyle())
	}
	r := &Renderer{opts: opts, style: style, pal: palette{on: opts.Color}, gl: map[int]*glamour.TermRenderer{}}
	if _, err := r.glamour(opts.Width); err != nil {
		return nil, err
	}
	return r, nil
}

// glamour returns the renderer that wraps at width columns.
func (r *Renderer) glamour(width int) (*glamour.TermRenderer, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if g, ok := r.gl[width]; ok {
		return g, nil
	}
	g, err := glamour.NewTermRenderer(r.style, glamour.WithWordWrap(width))
	if err != nil {
		return nil, fmt.Errorf("termview: %w", err)
	}
	r.gl[width] = g
	return g, nil
}

// Lesson writes lesson l to w: its title and body, and under each runnable
// snippet its run (with Options.Run) or the output the lesson expects. A
// snippet that fails to run is a result shown in the text, not an error;
// Lesson fails only when writing or rendering fails, or ctx is done.
func (r *Renderer) Lesson(ctx context.Context, w io.Writer, l *tour.Lesson) error {
	var runs []*snippetRun
	if r.opts.Run {
		runs = r.runAll(ctx, l.Snippets, r.cached(l.Snippets))
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return r.write(w, l, runs)
}

// write writes lesson l to w with the runs of its snippets, or nil to
// show the output the lesson expects. Runs do not depend on the width,
// the colour or the language of the labels, so a test renders one run
// in many ways.
func (r *Renderer) write(w io.Writer, l *tour.Lesson, runs []*snippetRun) error {
	var b strings.Builder
	title := fmt.Sprintf("# %d. %s\n\n*%s*\n", l.Order, l.Title, l.Summary)
	if err := r.markdown(&b, title); err != nil {
		return err
	}
	body := l.Source
	pos := l.BodyStart
	for i, sn := range l.Snippets {
		// The prose before the snippet and the snippet's code go to glamour
		// together; the output blocks after it are drawn here instead.
		chunk := string(body[pos:sn.Start]) + fence("go", sn.Code)
		if err := r.markdown(&b, chunk); err != nil {
			return err
		}
		if runs != nil {
			r.writeRunCached(&b, sn, runs[i])
		} else {
			r.writeExpected(&b, sn)
		}
		pos = afterOutputs(body, sn)
	}
	if err := r.markdown(&b, string(body[pos:])); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// markdown renders one piece of lesson Markdown, block by block (see
// blocks.go), and appends it to b, followed by one blank line.
func (r *Renderer) markdown(b *strings.Builder, md string) error {
	var parts []string
	for _, bl := range splitBlocks(prepare(md)) {
		var out string
		var err error
		switch bl.kind {
		case blockCode:
			out, err = r.code(bl.lines)
		case blockTable:
			out, err = r.mdTable(bl.lines)
		case blockList:
			out, err = r.list(bl.lines)
		default:
			var lines []string
			lines, err = r.inline(joinLines(bl.lines), r.textWidth())
			out = indent(lines, margin)
		}
		if err != nil {
			return err
		}
		if out != "" {
			parts = append(parts, out)
		}
	}
	if len(parts) == 0 {
		return nil
	}
	b.WriteString(strings.Join(parts, "\n\n"))
	b.WriteString("\n\n")
	return nil
}

// unlimited is the width of text that is not to be wrapped.
const unlimited = 1 << 14

// inline renders one paragraph or heading of Markdown, given as one line,
// wrapped at width columns, and returns its lines without the margin.
func (r *Renderer) inline(text string, width int) ([]string, error) {
	lines, err := r.inlineGlued(text, width, true)
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, string(glue), " ")
	}
	return lines, err
}

// inlineGlued is inline with the glue (see keepTogether) left in. With
// noWidow, a lone Chinese character on the last line is avoided by
// wrapping narrower (not in a table cell, whose width is the least it
// may have).
func (r *Renderer) inlineGlued(text string, width int, noWidow bool) ([]string, error) {
	if text == "" {
		return []string{""}, nil
	}
	text = keepTogether(text)
	if !r.opts.Color {
		text = escapeEmphasis(text)
	}
	var c cjk
	text = c.line(text)
	var lines []string
	// A Chinese paragraph whose last line would hold a lone character
	// (and its punctuation) is wrapped a little narrower, at most thrice,
	// so that the character has company.
	for narrower := 0; narrower <= 6; narrower += 2 {
		gl, err := r.glamour(c.wrapWidth(width - narrower + glamourMargins))
		if err != nil {
			return nil, err
		}
		out, err := gl.Render(text)
		if err != nil {
			return nil, fmt.Errorf("termview: rendering markdown: %w", err)
		}
		lines = strings.Split(tidy(c.restore(out)), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimPrefix(l, margin)
		}
		if !noWidow || len(c.runes) == 0 || !widow(lines) {
			break
		}
	}
	return lines, nil
}

// widow reports whether the last of several lines holds one Chinese
// character at most, besides punctuation and emphasis markers.
func widow(lines []string) bool {
	if len(lines) < 2 {
		return false
	}
	n := 0
	for _, r := range ansi.Strip(lines[len(lines)-1]) {
		switch {
		case cjkPunct(r) || strings.ContainsRune("*_ ", r):
		case wide(r):
			n++
		default:
			return false // Latin text: not a lone character
		}
	}
	return n <= 1
}

// list renders a list block: each item's text wrapped beside its marker,
// with its later lines indented under the text's first.
func (r *Renderer) list(lines []string) (string, error) {
	markers, texts := listItems(lines)
	mw := 0
	for _, m := range markers {
		mw = max(mw, width(m)+1)
	}
	var out []string
	for i, text := range texts {
		body, err := r.inline(text, r.textWidth()-mw)
		if err != nil {
			return "", err
		}
		for j, l := range body {
			lead := strings.Repeat(" ", mw)
			if j == 0 {
				lead = pad(markers[i], mw)
			}
			out = append(out, strings.TrimRight(margin+lead+l, " "))
		}
	}
	return strings.Join(out, "\n"), nil
}

// code renders a fenced code block at a width its longest line fits in,
// so that glamour never wraps code: a line longer than the terminal runs
// past its edge, as in a pager, and is still the line of the program.
func (r *Renderer) code(lines []string) (string, error) {
	if !r.opts.Color {
		// What glamour's plain style writes, without its padding.
		body := lines[1 : len(lines)-1]
		if !isFence(lines[len(lines)-1]) {
			body = lines[1:]
		}
		return strings.Trim(indent(slices.Clone(body), margin+"  "), "\n"), nil
	}
	w := 0
	for _, l := range lines {
		w = max(w, width(l))
	}
	// codeIndent is the code block style's own indent.
	const codeIndent = 2
	gl, err := r.glamour(w + glamourMargins + codeIndent)
	if err != nil {
		return "", err
	}
	out, err := gl.Render(strings.Join(lines, "\n") + "\n")
	if err != nil {
		return "", fmt.Errorf("termview: rendering code: %w", err)
	}
	return tidy(out), nil
}

// textWidth is the width of the text beside glamour's margins, on the
// left and right.
func (r *Renderer) textWidth() int { return r.opts.Width - 2*len(margin) }

// indent joins lines, each after prefix, trailing spaces removed.
func indent(lines []string, prefix string) string {
	for i, l := range lines {
		lines[i] = strings.TrimRight(prefix+l, " ")
	}
	return strings.Join(lines, "\n")
}

// fence wraps code in a fenced block of the given language, with a fence
// longer than any backtick run in the code.
func fence(lang, code string) string {
	f := "```"
	for strings.Contains(code, f) {
		f += "`"
	}
	if !strings.HasSuffix(code, "\n") {
		code += "\n"
	}
	return "\n" + f + lang + "\n" + code + f + "\n"
}
