package checker

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/runner"
)

// grading is the state of one Check: the results so far, case by case.
// Only the goroutine that called Check touches it; the runs themselves
// happen on worker goroutines, which hand their results over a channel.
type grading struct {
	ex      *Exercise
	opts    Options
	src     *Source // the parsed program; nil if it does not parse
	limits  runner.Limits
	cpus    int
	scheds  []schedule
	results []CaseResult // [0] is "compiles", then one per ex.Cases
	passes  []int        // runs each run case passed on
	base    *Run         // the first schedule's run
	graded  int          // schedules graded
	stopped bool         // grading stopped at a failing schedule
	race    bool         // a case needs the race detector
	// ungraded is set when a run hit the wall-clock limit: the machine
	// is too slow or too busy to grade, which says nothing of the program.
	ungraded bool
	shapes   map[uint64]bool // the distinct runs graded
}

func newGrading(ex *Exercise, opts Options) *grading {
	g := &grading{ex: ex, opts: opts, scheds: opts.schedules(), cpus: ex.CPUs, limits: limitsFor(ex)}
	if g.cpus == 0 {
		g.cpus = 8
	}
	g.results = make([]CaseResult, 1+len(ex.Cases), 2+len(ex.Cases))
	g.passes = make([]int, len(ex.Cases))
	g.results[0] = CaseResult{ID: "compiles", Name: nameCompiles, Kind: KindSource, Status: Pass}
	if len(ex.Inputs) > 0 {
		g.results = append(g.results, CaseResult{ID: "computes-output", Name: nameComputes, Kind: KindRun})
	}
	for i, c := range ex.Cases {
		g.race = g.race || c.race
		r := &g.results[1+i]
		r.ID, r.Name, r.Kind = c.ID, c.Name, KindRun
		if c.IsSource() {
			r.Kind = KindSource
		}
	}
	return g
}

// limitsFor is ex.Limits with DefaultLimits in its zero fields.
func limitsFor(ex *Exercise) runner.Limits {
	l, d := ex.Limits, DefaultLimits
	if l.VirtualTime == 0 {
		l.VirtualTime = d.VirtualTime
	}
	if l.Steps == 0 {
		l.Steps = d.Steps
	}
	if l.Output == 0 {
		l.Output = d.Output
	}
	if l.Goroutines == 0 {
		l.Goroutines = d.Goroutines
	}
	return l
}

var nameCompiles = i18n.Text{En: "compiles", Zh: "能够编译"}

// gradeSource grades the source cases.
func (g *grading) gradeSource(s *Source) {
	for i, c := range g.ex.Cases {
		if !c.IsSource() {
			continue
		}
		r := &g.results[1+i]
		if f := c.source(s); f != nil {
			r.Status, r.Got, r.Want, r.Message = Fail, f.got, f.want, c.message(nil, f)
			r.Line, r.Column = f.line, f.col
		} else {
			r.Status = Pass
		}
	}
}

// explore runs the schedules on opts.Parallel goroutines and grades the
// runs in schedule order as they complete. At the first failing schedule
// it cancels the runs still going and starts no more.
func (g *grading) explore(ctx context.Context, src []byte) error {
	n := len(g.scheds)
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	type done struct {
		i   int
		res *runner.Result
		err error
	}
	out := make(chan done, n) // never blocks a worker
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(g.opts.Parallel, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for runCtx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				res, err := g.runOne(runCtx, src, g.scheds[i])
				out <- done{i, res, err}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()

	pending := make([]*done, n)
	var failure error
	for d := range out {
		if g.stopped || failure != nil {
			continue // drain: the workers are stopping
		}
		pending[d.i] = &d
		for g.graded < n && pending[g.graded] != nil {
			p := pending[g.graded]
			pending[g.graded] = nil
			switch {
			case ctx.Err() != nil:
				failure = ctx.Err()
			case p.err != nil && errors.Is(p.err, context.DeadlineExceeded):
				g.ungraded, g.stopped = true, true // the run's wall-clock limit, not ctx's
			case p.err != nil:
				failure = fmt.Errorf("running %s with seed %d, procs %d: %w", g.ex.ID, g.scheds[p.i].Seed, g.scheds[p.i].Procs, p.err)
			default:
				g.stopped = !g.grade(g.scheds[p.i], p.res)
				g.graded++
				if g.opts.Progress != nil {
					g.opts.Progress(g.graded, n)
				}
			}
			if failure != nil || g.stopped {
				stop()
				break
			}
		}
	}
	return failure
}

// runOne runs the program under one schedule, within the run timeout.
func (g *grading) runOne(ctx context.Context, src []byte, s schedule) (*runner.Result, error) {
	ctx, cancel := context.WithTimeout(ctx, g.opts.RunTimeout)
	defer cancel()
	return runner.Run(ctx, src, runner.Options{
		Filename: g.opts.Filename,
		Procs:    s.Procs,
		CPUs:     g.cpus,
		Seed:     s.Seed,
		// Unperturbed schedules (sim.Config.NoPerturb): NoLeak counts a
		// goroutine that is runnable when main returns, Parallel and the
		// virtual-time budgets assume Ms that wake at once, and a
		// perturbed run of a correct solution breaks all three.
		NoPerturb: true,
		Limits:    g.limits,
		Trace:     true,
		// The detector changes nothing of the run but Result.Races.
		Race:      g.race,
		RaceQuiet: true,
		Steps:     1, // and the machine at the end: who was left blocked
	})
}

// grade applies the run cases to the run of schedule s, and reports
// whether every one passed.
func (g *grading) grade(s schedule, res *runner.Result) bool {
	if res.Outcome == runner.OutcomeTimeout {
		g.ungraded = true
		return false
	}
	if res.Outcome == runner.OutcomeCompileError {
		c := &g.results[0]
		c.Status, c.Got, c.Want = Fail, text(string(res.Stderr)), tr("no errors", "没有错误")
		c.Message = msgCompile
		if res.Compile != nil && len(res.Compile.Errors) > 0 {
			c.Line, c.Column = res.Compile.Errors[0].Line, res.Compile.Errors[0].Col
		}
		return false
	}
	r := newRun(s, res)
	r.Source = g.src
	if g.shapes == nil {
		g.shapes = map[uint64]bool{}
	}
	g.shapes[r.shape] = true
	if g.base == nil {
		g.base = r
	}
	r.Base = g.base
	ok := true
	for i, c := range g.ex.Cases {
		cr := &g.results[1+i]
		if c.IsSource() || cr.Status == Fail || !c.appliesTo(s.Procs) || !r.OK() && !c.always {
			continue
		}
		f := c.run(r)
		if f == nil {
			g.passes[i]++
			continue
		}
		ok = false
		cr.Status, cr.Got, cr.Want, cr.Message = Fail, f.got, f.want, c.message(r, f)
		cr.Seed, cr.Procs, cr.CPUs, cr.HasSchedule = s.Seed, s.Procs, g.cpus, true
		cr.ScheduleDependent = g.passes[i] > 0
		cr.Timeline = c.timeline || cr.ScheduleDependent
		cr.Trace, cr.End = res.Trace, res.VirtualTime
		cr.ReplayFlags = g.replayFlags(c)
	}
	return ok
}

// replayFlags are the flags of "gotour-gpm run" that reproduce a failure
// of case c: the grader's limits, which are tighter than run's, so that a
// run stopped by a limit stops in the replay too, and the output that
// shows the fault.
func (g *grading) replayFlags(c Case) []string {
	fs := []string{
		fmt.Sprintf("--max-steps %d", g.limits.Steps),
		fmt.Sprintf("--max-virtual %v", time.Duration(g.limits.VirtualTime)),
		fmt.Sprintf("--max-goroutines %d", g.limits.Goroutines),
	}
	if c.race {
		fs = append(fs, "--race")
	}
	if c.summary {
		fs = append(fs, "--summary")
	}
	if c.timeline {
		fs = append(fs, "--timeline")
	}
	return fs
}

var msgCompile = i18n.Text{
	En: "The program does not compile: fix the errors listed above (file:line:column: message), then check again.",
	Zh: "程序无法编译：先修正上面列出的错误（文件:行:列: 信息），再重新检查。",
}

// report builds the Report once grading is over: run cases never applied
// are skipped, with the reason.
func (g *grading) report() *Report {
	rep := &Report{
		Exercise:  g.ex.ID,
		File:      g.opts.Filename,
		Seeds:     g.opts.Seeds,
		Procs:     g.opts.Procs,
		CPUs:      g.cpus,
		Schedules: len(g.scheds),
		Graded:    g.graded,
		Distinct:  len(g.shapes),
		Pass:      true,
	}
	if g.ungraded {
		rep.Pass = false
		rep.Ungraded = msgUngraded
	}
	compiled := g.results[0].Status == Pass
	for i := range g.results {
		cr := &g.results[i]
		if i > 0 && i <= len(g.ex.Cases) && cr.Status == "" {
			c := g.ex.Cases[i-1]
			switch {
			case c.IsSource() || !compiled:
				cr.Status, cr.Message = Skip, msgSkipCompile
			case g.passes[i-1] > 0:
				cr.Status = Pass
			case !g.stopped:
				cr.Status, cr.Message = Skip, i18n.Text{
					En: "not checked: no schedule had the number of Ps it needs",
					Zh: "未检查：没有哪种调度的 P 数符合它的要求",
				}
			case g.ungraded:
				cr.Status, cr.Message = Skip, msgSkipUngraded
			case g.endedBadly():
				cr.Status, cr.Message = Skip, msgSkipEnded
			default:
				cr.Status, cr.Message = Skip, msgSkipStopped
			}
		}
		if i > 0 && i <= len(g.ex.Cases) && cr.Kind == KindRun && cr.Status == Pass {
			cr.Runs = g.passes[i-1]
		}
		if cr.Status != Pass {
			rep.Pass = false
		}
		rep.Cases = append(rep.Cases, *cr)
	}
	return rep
}

// endedBadly reports whether a run failed a case that grades how runs
// end, so that the other run cases could not be applied to it.
func (g *grading) endedBadly() bool {
	for i, c := range g.ex.Cases {
		if c.always && !c.race && g.results[1+i].Status == Fail {
			return true
		}
	}
	return false
}

var msgUngraded = i18n.Text{
	En: "Could not grade on this machine: a run took longer than the wall-clock limit before the program reached any of its virtual limits. The machine is too slow or too busy; this says nothing about your program. Try again, or give each run more time.",
	Zh: "无法在这台机器上评分：有一次运行在程序碰到任何虚拟限制之前，就超过了实际时间的上限。是机器太慢或太忙，这与你的程序无关。请再试一次，或者给每次运行更多时间。",
}

var (
	msgSkipUngraded = i18n.Text{En: "not checked: the machine could not finish grading", Zh: "未检查：这台机器没能完成评分"}
	msgSkipStopped  = i18n.Text{En: "not checked: grading stopped at the first failing schedule", Zh: "未检查：评分在第一个失败的调度处停止了"}
	msgSkipCompile  = i18n.Text{En: "not checked: the program does not compile", Zh: "未检查：程序无法编译"}
	msgSkipEnded    = i18n.Text{En: "not checked: the program did not end normally", Zh: "未检查：程序没有正常结束"}
)
