package checker

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/runner"
)

// Exercise is one graded exercise: what the learner reads, the code they
// start from, and what is checked.
type Exercise struct {
	// ID is the exercise's slug, as the lessons name it.
	ID string
	// Lesson is the id of the lesson whose starter snippet this is.
	Lesson string
	// Title is a short name, Task what to do, in both languages.
	Title, Task i18n.Text
	// Hints are shown one at a time, from a nudge to almost the answer.
	Hints []i18n.Text
	// Starter is the program the learner starts from, in each language:
	// the lesson's starter snippet (the code is the same; the comments are
	// translated).
	Starter i18n.Text
	// Solution is the reference solution, without its build constraint.
	Solution string

	// Cases are the checks, in the order the report lists them.
	Cases []Case
	// Seeds is how many seeds each procs value is run with: 0, 1, ...,
	// Seeds-1. Zero means 5.
	Seeds int
	// Procs are the GOMAXPROCS values to run with. Nil means 1, 2 and 4.
	Procs []int
	// CPUs is the simulated machine's CPU count. Zero means 8, as for
	// "gotour-gpm run", so that the replay command reproduces a run.
	CPUs int
	// Limits bound each run; zero fields take [DefaultLimits]' values.
	Limits runner.Limits
	// Inputs are changes of the values the task tells the learner to keep
	// (durations, the numbers to sum, the names to fetch). Once every
	// schedule has passed, the program and the reference run with each,
	// and must print the same, as Compare says: a program that prints its
	// answer without computing it does not.
	Inputs  []Variation
	Compare Compare
	refMu   sync.Mutex
	refOut  map[string]string // the reference's output per variation and schedule
	// setup, if set, runs once before the exercise is first checked, to
	// prepare what its cases compare with, such as a scenario's output.
	setup func(ctx context.Context) error
	once  sync.Once
	err   error
}

// DefaultLimits bound a graded run. They are much tighter than the
// runner's own, so that a program that loops or spawns forever fails in a
// few seconds rather than minutes: exercises are small programs.
var DefaultLimits = runner.Limits{
	VirtualTime: int64(time.Minute),
	Steps:       5_000_000, // about 2.5 s of a tight loop in the interpreter
	Output:      64 << 10,
	Goroutines:  20_000,
}

// defaultRunTimeout is the wall-clock limit of one run, a backstop for
// programs whose steps are slow (many goroutines, say). The steps limit
// catches ordinary infinite loops first.
const defaultRunTimeout = 15 * time.Second

// Options adjust a Check. The zero value is ready to use.
type Options struct {
	// Filename is the program's file name, for compile errors and the
	// replay command. Default "prog.go".
	Filename string
	// Parallel is how many schedules run at once. Zero means
	// runtime.NumCPU(): each run keeps one core busy.
	Parallel int
	// Seeds and Procs, when set, replace the exercise's schedules (the
	// benchmark runs 100).
	Seeds int
	Procs []int
	// RunTimeout is the wall-clock limit of one run. Zero means 15s.
	RunTimeout time.Duration
	// Progress, if set, is called after each run with the number of
	// schedules graded so far and the number planned. Calls are
	// serialized.
	Progress func(done, total int)
}

func (o Options) withDefaults(ex *Exercise) Options {
	if o.Filename == "" {
		o.Filename = "prog.go"
	}
	if o.Parallel <= 0 {
		o.Parallel = runtime.NumCPU()
	}
	if o.Seeds <= 0 {
		o.Seeds = ex.Seeds
	}
	if o.Seeds <= 0 {
		o.Seeds = 5
	}
	if o.Procs == nil {
		o.Procs = ex.Procs
	}
	if o.Procs == nil {
		o.Procs = []int{1, 2, 4}
	}
	if o.RunTimeout <= 0 {
		o.RunTimeout = defaultRunTimeout
	}
	return o
}

// schedule is one (seed, procs) pair.
type schedule struct {
	Seed  uint64
	Procs int
}

// schedules lists the pairs in the order they are graded: by seed, then
// by procs, so that the first failure found is the smallest seed's.
func (o Options) schedules() []schedule {
	var out []schedule
	for s := 0; s < o.Seeds; s++ {
		for _, p := range o.Procs {
			out = append(out, schedule{Seed: uint64(s), Procs: p})
		}
	}
	return out
}

// Check grades src, a learner's program, against ex. It returns an error
// only when the checker cannot do its job or ctx ends; a program that does
// not compile, fails or misbehaves is a Report that does not pass.
func Check(ctx context.Context, ex *Exercise, src []byte, opts Options) (*Report, error) {
	opts = opts.withDefaults(ex)
	if ex.setup != nil {
		ex.once.Do(func() { ex.err = ex.setup(ctx) })
		if ex.err != nil {
			return nil, fmt.Errorf("exercise %s: %w", ex.ID, ex.err)
		}
	}
	g := newGrading(ex, opts)
	if s, err := parseSource(opts.Filename, src); err == nil {
		s.Starter, _ = parseSource("starter.go", []byte(ex.Starter.En))
		g.src = s
		g.gradeSource(s)
	}
	if err := g.explore(ctx, src); err != nil {
		return nil, err
	}
	if err := g.gradeInputs(ctx, src); err != nil {
		return nil, err
	}
	return g.report(), nil
}
