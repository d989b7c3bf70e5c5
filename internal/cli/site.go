package cli

// The site shared by the render and serve commands: the course rendered
// by package render, its snippets run in this process. Lesson snippets
// are part of the course, reviewed and run by CI, so they are trusted
// the way the binary is; readers' code never runs here (see serve.go).

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/lessons"
	"github.com/gotour-gpm/gotour-gpm/render"
	"github.com/gotour-gpm/gotour-gpm/runner"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// snippetTimeout bounds one lesson snippet's run while rendering: far
// more than any takes, even on a busy machine or under -race, so that only
// a hang of the tool reaches it (the runner's virtual limits end every
// program).
const snippetTimeout = 3 * time.Minute

// siteMaxEvents bounds the trace kept of a lesson snippet's run. The
// timeline is drawn from it; the busiest lesson snippet makes about
// 120,000 events.
const siteMaxEvents = 500_000

// siteTours loads the course in every language, the default one first.
func siteTours() ([]*tour.Tour, error) {
	var tours []*tour.Tour
	for _, lang := range i18n.Langs {
		t, err := tour.Load(lessons.FS(), string(lang))
		if err != nil {
			return nil, err
		}
		tours = append(tours, t)
	}
	return tours, nil
}

// renderGCPercent is the garbage collector's target while the course is
// rendered: the interpreter allocates fast but keeps little alive, so
// collecting a quarter as often saves about a third of the time for a
// few hundred MB more at the peak.
const renderGCPercent = 400

// buildSite renders the whole course, running every runnable snippet,
// parallel at a time (0: as many as CPUs).
func buildSite(ctx context.Context, parallel int) (*render.Site, *render.Renderer, error) {
	defer debug.SetGCPercent(debug.SetGCPercent(renderGCPercent))
	tours, err := siteTours()
	if err != nil {
		return nil, nil, err
	}
	if parallel <= 0 {
		parallel = runtime.NumCPU()
	}
	r := render.New(render.Options{Run: runSnippet, Parallel: parallel})
	site, err := r.Site(ctx, tours...)
	if err != nil {
		return nil, nil, err
	}
	return site, r, nil
}

// runSnippet runs one lesson snippet in this process, with its settings.
func runSnippet(ctx context.Context, s *tour.Snippet) (*render.Result, error) {
	ctx, cancel := context.WithTimeout(ctx, snippetTimeout)
	defer cancel()
	res, err := runner.Run(ctx, []byte(s.Code), runner.Options{
		Filename:  "prog.go",
		Procs:     s.Info.Procs,
		CPUs:      s.Info.CPUs,
		Seed:      s.Info.Seed,
		Trace:     true,
		MaxEvents: siteMaxEvents,
	})
	if err != nil {
		return nil, err
	}
	if res.Outcome == runner.OutcomeTimeout || res.Outcome == runner.OutcomeInternal {
		return nil, fmt.Errorf("%s: %s", res.Outcome, res.Message(i18n.En))
	}
	return siteResult(res), nil
}

// siteResult is what the pages show of a run.
func siteResult(res *runner.Result) *render.Result {
	return &render.Result{
		Stdout:      string(res.Stdout),
		Stderr:      string(res.Stderr),
		ExitCode:    res.ExitCode,
		Outcome:     res.Outcome.String(),
		Message:     i18n.Text{En: res.Message(i18n.En), Zh: res.Message(i18n.Zh)},
		Trace:       res.Trace,
		VirtualTime: res.VirtualTime,
		Stats:       res.Stats,
	}
}
