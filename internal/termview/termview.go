package termview

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"charm.land/glamour/v2"

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
	// Timeout bounds the wall-clock time of each snippet's run.
	// Default 20 seconds.
	Timeout time.Duration
	// Parallel is how many snippets run at once. Default 1; the CLI
	// passes the number of CPUs.
	Parallel int
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
		o.Timeout = 20 * time.Second
	}
	if o.Parallel <= 0 {
		o.Parallel = 1
	}
	return o
}

// Renderer renders lessons with fixed [Options].
type Renderer struct {
	opts Options
	// md renders at the full width, mdCJK one column narrower, for text
	// with Chinese characters (see cjk.go).
	md, mdCJK *glamour.TermRenderer
	pal       palette
}

// margin is the left margin of glamour's styles; the blocks this package
// draws itself use the same, so that they line up with the text.
const margin = "  "

// New returns a Renderer for opts.
func New(opts Options) (*Renderer, error) {
	opts = opts.withDefaults()
	// glamour's plain style has no escape sequences at all.
	style := glamour.WithStandardStyle("notty")
	if opts.Color {
		style = glamour.WithStyles(darkStyle())
	}
	r := &Renderer{opts: opts, pal: palette{on: opts.Color}}
	var err error
	if r.md, err = glamour.NewTermRenderer(style, glamour.WithWordWrap(opts.Width)); err != nil {
		return nil, fmt.Errorf("termview: %w", err)
	}
	if r.mdCJK, err = glamour.NewTermRenderer(style, glamour.WithWordWrap(opts.Width-1)); err != nil {
		return nil, fmt.Errorf("termview: %w", err)
	}
	return r, nil
}

// Lesson writes lesson l to w: its title and body, and under each runnable
// snippet its run (with Options.Run) or the output the lesson expects. A
// snippet that fails to run is a result shown in the text, not an error;
// Lesson fails only when writing or rendering fails, or ctx is done.
func (r *Renderer) Lesson(ctx context.Context, w io.Writer, l *tour.Lesson) error {
	var runs []*snippetRun
	if r.opts.Run {
		runs = r.runAll(ctx, l.Snippets)
		if err := ctx.Err(); err != nil {
			return err
		}
	}
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
			r.writeRun(&b, sn, runs[i])
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

// markdown renders one piece of lesson Markdown with glamour and appends
// it to b, followed by one blank line.
func (r *Renderer) markdown(b *strings.Builder, md string) error {
	var c cjk
	md = prepare(md, &c)
	if strings.TrimSpace(md) == "" {
		return nil
	}
	gl := r.md
	if c.wrapWidth(r.opts.Width) < r.opts.Width {
		gl = r.mdCJK
	}
	out, err := gl.Render(md)
	if err != nil {
		return fmt.Errorf("termview: rendering markdown: %w", err)
	}
	out = tidy(c.restore(out))
	if out == "" {
		return nil
	}
	b.WriteString(out)
	b.WriteString("\n\n")
	return nil
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
