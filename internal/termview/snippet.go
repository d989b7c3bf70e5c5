package termview

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/runner"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// snippetRun is one snippet's run: a result, a tool error, or nothing for
// a snippet that does not run (norun, nobuild); or, from Options.Cache,
// what an earlier view drew under it.
type snippetRun struct {
	res    *runner.Result
	err    error
	cached []byte
}

// maxOutputLines bounds the lines of output shown under a snippet; the
// rest is counted, not shown.
const maxOutputLines = 40

// runAll runs every snippet that runs, up to Options.Parallel at once, and
// returns their runs in the snippets' order.
func (r *Renderer) runAll(ctx context.Context, snippets []*tour.Snippet, cached [][]byte) []*snippetRun {
	runs := make([]*snippetRun, len(snippets))
	sem := make(chan struct{}, r.opts.Parallel)
	var wg sync.WaitGroup
	for i, sn := range snippets {
		runs[i] = &snippetRun{}
		if cached != nil && cached[i] != nil {
			runs[i].cached = cached[i]
			continue
		}
		if sn.Info.NoRun || sn.Info.NoBuild {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			runs[i].res, runs[i].err = r.run(ctx, sn)
		}()
	}
	wg.Wait()
	return runs
}

// run runs one snippet with its settings and the Renderer's timeout.
func (r *Renderer) run(ctx context.Context, sn *tour.Snippet) (*runner.Result, error) {
	ctx, cancel := context.WithTimeout(ctx, r.opts.Timeout)
	defer cancel()
	in := sn.Info
	return runner.Run(ctx, []byte(sn.Code), runner.Options{
		Filename: sn.ID + ".go",
		Procs:    in.Procs,
		CPUs:     in.CPUs,
		Seed:     in.Seed,
		Trace:    true,
	})
}

// wantOutcome is the outcome a snippet's expect= setting asks for. A
// deadlock and the other fatal errors share an outcome; the "output
// stderr" block that such a snippet has tells them apart.
var wantOutcome = map[tour.Failure]runner.Outcome{
	"":                runner.OutcomeOK,
	tour.FailDeadlock: runner.OutcomeFatal,
	tour.FailPanic:    runner.OutcomePanic,
	tour.FailFatal:    runner.OutcomeFatal,
	tour.FailExit:     runner.OutcomeExit,
}

// writeRunCached draws a snippet's run, or what Options.Cache kept of
// it, and keeps what it drew of a run that ended on its own.
func (r *Renderer) writeRunCached(b *strings.Builder, sn *tour.Snippet, run *snippetRun) {
	if run.cached != nil {
		b.Write(run.cached)
		return
	}
	var block strings.Builder
	r.writeRun(&block, sn, run)
	if r.opts.Cache != nil && cacheable(run.res, run.err) {
		r.opts.Cache.Put(r.blockKey(sn), []byte(block.String()))
	}
	b.WriteString(block.String())
}

// writeRun draws a snippet's run: the output, whether it is what the
// lesson says, and the pictures of Info.Show.
func (r *Renderer) writeRun(b *strings.Builder, sn *tour.Snippet, run *snippetRun) {
	lang := r.opts.Lang
	switch {
	case sn.Info.NoBuild:
		r.note(b, txtNoBuild.In(lang))
		return
	case sn.Info.NoRun:
		r.note(b, txtNoRun.In(lang))
		r.writeExpected(b, sn)
		return
	case run.err != nil:
		r.note(b, r.pal.colour(colRed, fmt.Sprintf(txtRunFailed.In(lang), run.err)))
		b.WriteString("\n")
		return
	}
	res := run.res
	verdict, ok := r.verdict(sn, res)
	head := fmt.Sprintf(txtOutputOf.In(lang), sn.ID, sn.Info.Procs)
	if sn.Info.CPUs > 0 && sn.Info.CPUs != sn.Info.Procs {
		// The snippet's cpus= setting, which the reader cannot see.
		head = fmt.Sprintf(txtOutputOfCPUs.In(lang), sn.ID, sn.Info.CPUs, sn.Info.Procs)
	}
	r.heading(b, head, verdict)
	r.writeLines(b, string(res.Stdout), 0)
	if len(res.Stderr) > 0 {
		b.WriteString(margin + r.pal.dim(txtStderr.In(lang)) + "\n")
		r.writeLines(b, string(res.Stderr), colRed)
	}
	if len(res.Stdout) == 0 && len(res.Stderr) == 0 {
		b.WriteString(margin + "│ " + r.pal.dim(txtNoOutput.In(lang)) + "\n")
	}
	if msg := res.Message(lang); msg != "" {
		b.WriteString(margin + r.pal.colour(colYellow, msg) + "\n")
	}
	if !ok && sn.Output != nil {
		r.writeWant(b, sn.Output)
	}
	b.WriteString("\n")
	if res.Outcome == runner.OutcomeCompileError {
		return
	}
	for _, v := range sn.Info.Show {
		r.picture(b, v, res)
	}
}

// verdict says whether a run is what the lesson expects: the outcome of
// its expect= setting, and the output of its output blocks if it has any.
func (r *Renderer) verdict(sn *tour.Snippet, res *runner.Result) (string, bool) {
	lang := r.opts.Lang
	if res.Outcome != wantOutcome[sn.Info.Expect] {
		return r.pal.colour(colRed, "✗ "+txtUnexpected.In(lang)), false
	}
	if sn.Output == nil {
		if sn.Info.Expect != "" {
			return r.pal.colour(colGreen, "✓ "+txtFailsAsExpected.In(lang)), true
		}
		return r.pal.dim(txtNothingToCompare.In(lang)), true
	}
	if !sn.Output.Match(string(res.Stdout), string(res.Stderr)) {
		return r.pal.colour(colRed, "✗ "+txtDiffers.In(lang)), false
	}
	if sn.Output.Unordered && sn.Output.StdoutLine != 0 {
		return r.pal.colour(colGreen, "✓ "+txtMatchesUnordered.In(lang)), true
	}
	return r.pal.colour(colGreen, "✓ "+txtMatches.In(lang)), true
}

// heading writes the heading of a snippet's output, and the verdict on
// it beside it if both fit the width, or else under it.
func (r *Renderer) heading(b *strings.Builder, head, verdict string) {
	lines := r.wrapped(r.pal.label, head)
	last := len(lines) - 1
	switch {
	case verdict == "":
	case width(margin+lines[last]+"  "+verdict) <= r.opts.Width:
		lines[last] += "  " + verdict
	default:
		lines = append(lines, verdict)
	}
	for _, l := range lines {
		b.WriteString(margin + l + "\n")
	}
}

// wrapped wraps text to the width beside the margin, each line styled.
func (r *Renderer) wrapped(style func(string) string, text string) []string {
	lines := strings.Split(Wrap(text, r.opts.Width-len(margin)), "\n")
	for i, l := range lines {
		lines[i] = style(l)
	}
	return lines
}

// writeExpected shows the output a snippet's lesson expects, for a
// snippet that was not run.
func (r *Renderer) writeExpected(b *strings.Builder, sn *tour.Snippet) {
	if sn.Output == nil {
		return
	}
	r.heading(b, fmt.Sprintf(txtExpectedOf.In(r.opts.Lang), sn.ID), "")
	r.writeExpectedLines(b, sn.Output)
	b.WriteString("\n")
}

// writeWant shows the expected output under a run that differs from it.
func (r *Renderer) writeWant(b *strings.Builder, want *tour.Expected) {
	b.WriteString(margin + r.pal.dim(txtLessonSays.In(r.opts.Lang)) + "\n")
	r.writeExpectedLines(b, want)
}

func (r *Renderer) writeExpectedLines(b *strings.Builder, want *tour.Expected) {
	if want.StdoutLine != 0 {
		r.writeLines(b, want.Stdout, 0)
	}
	if want.StderrLine != 0 {
		b.WriteString(margin + r.pal.dim(txtStderr.In(r.opts.Lang)) + "\n")
		r.writeLines(b, want.Stderr+"\n", colRed)
	}
}

// writeLines writes text as a block of "│ " lines, at most
// maxOutputLines of them, in colour c (0 for none).
func (r *Renderer) writeLines(b *strings.Builder, text string, c int) {
	text = strings.TrimSuffix(text, "\n")
	if text == "" {
		return
	}
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		if i == maxOutputLines {
			more := fmt.Sprintf(txtMoreLines.In(r.opts.Lang), len(lines)-i)
			b.WriteString(margin + "│ " + r.pal.dim(more) + "\n")
			break
		}
		line = strings.ReplaceAll(line, "\t", strings.Repeat(" ", tabWidth))
		line = Escape(line)
		if c != 0 {
			line = r.pal.colour(c, line)
		}
		b.WriteString(margin + r.pal.dim("│") + " " + line + "\n")
	}
}

// note writes one line of explanation under a snippet.
func (r *Renderer) note(b *strings.Builder, text string) {
	b.WriteString(margin + r.pal.dim(text) + "\n\n")
}

// picture draws one view of a run.
func (r *Renderer) picture(b *strings.Builder, v tour.View, res *runner.Result) {
	lang := r.opts.Lang
	if res.Trace == nil && v != tour.ViewSummary {
		r.note(b, fmt.Sprintf(txtNoTrace.In(lang), v))
		return
	}
	var lines []string
	switch v {
	case tour.ViewTimeline:
		lines = r.timeline(res)
	case tour.ViewQueues:
		lines = r.queues(res)
	case tour.ViewStack:
		lines = r.stacks(res)
	case tour.ViewChan:
		lines = r.chans(res)
	case tour.ViewSummary:
		lines = r.summary(res)
	case tour.ViewTrace:
		lines = r.trace(res)
	default:
		lines = []string{fmt.Sprintf("%s: %s", v, i18n.Text{En: "no such picture", Zh: "没有这种图"}.In(lang))}
	}
	for _, line := range lines {
		b.WriteString(strings.TrimRight(margin+line, " ") + "\n")
	}
	b.WriteString("\n")
}
