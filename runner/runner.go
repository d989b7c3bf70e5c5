package runner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gotour-gpm/gotour-gpm/sim"
	"github.com/traefik/yaegi/interp"
)

// Options configures one run. The zero value runs with the defaults below.
type Options struct {
	// Filename names the program in error messages. Default "prog.go".
	Filename string
	// Procs is GOMAXPROCS at start; 0 means CPUs (the runtime's default).
	Procs int
	// CPUs is the simulated machine's CPU count. Default 8.
	CPUs int
	// Seed drives the simulator's random choices.
	Seed uint64
	// Jitter perturbs virtual CPU time by up to this percentage per step,
	// from the seed (see sim.Config.Jitter).
	Jitter int
	// Idle runs the program on an idle machine, whose CPUs are all free
	// for its threads (sim.Config.Idle), instead of a busy one.
	Idle bool
	// NoPerturb runs the unperturbed model on every seed
	// (sim.Config.NoPerturb).
	NoPerturb bool
	// Stdout and Stderr receive the program's output as it is written. Nil
	// writers are fine: Result keeps a copy either way.
	Stdout, Stderr io.Writer
	// Limits bound the run; zero fields take their defaults.
	Limits Limits
	// Trace keeps the simulator's trace in Result.Trace; without it only
	// the counts are kept, which makes long runs much cheaper.
	Trace bool
	// MaxEvents bounds the trace kept (sim.Config.MaxEvents).
	MaxEvents int
	// Steps is how many machine snapshots to keep in Result.Steps: one
	// each time the baton passes from one G to another, the first at the
	// start. 0 keeps none.
	Steps int
	// Race turns the data-race detector on (racereport.go): races are
	// reported on stderr as the race runtime reports them, and a program
	// that found one and would exit 0 exits 66.
	Race bool
	// RaceQuiet, with Race, keeps the races in Result.Races only: nothing
	// is printed and the exit status is the program's own.
	RaceQuiet bool
}

// Limits bound what a learner's program may consume. A run that reaches
// one ends with the matching Outcome.
type Limits struct {
	// VirtualTime is the most virtual time, in ns. Default 1 hour.
	VirtualTime int64
	// Steps is the most scheduling steps (shim calls). Default 200 million.
	Steps int64
	// Output is the most bytes of stdout plus stderr. Default 1 MB.
	Output int
	// Goroutines is the most goroutines alive at once. Default 100,000.
	Goroutines int
	// Memory is the most bytes one allocation may take (make, the growth
	// of append, strings.Repeat, GOMAXPROCS's Ps): a larger one ends the
	// program with OutcomeMemory, after the runtime's "fatal error: out of
	// memory", as on a machine that has no more. Default 256 MiB, so that the host, which
	// holds the old array while it copies into the new one, stays within
	// the CLI worker's 1 GiB. Memory the program keeps over many
	// allocations is bounded by the worker process, not here.
	Memory int64
	// Stack is the most bytes of the host's stack that one goroutine's
	// recursion may take (the interpreter runs each call on it, about 1
	// KiB a level); past it the goroutine dies of gc's stack overflow.
	// Default 240 MB, which fits a host stack of 256 MB and the 200,000
	// levels of a plain recursion (a process needs about twice that while
	// the runtime copies its stack to a larger one).
	Stack int64
}

func (l Limits) withDefaults() Limits {
	if l.VirtualTime <= 0 {
		l.VirtualTime = int64(time.Hour)
	}
	if l.Steps <= 0 {
		l.Steps = 200_000_000
	}
	if l.Output <= 0 {
		l.Output = 1 << 20
	}
	if l.Goroutines <= 0 {
		l.Goroutines = 100_000
	}
	if l.Memory <= 0 {
		l.Memory = 256 << 20
	}
	if l.Stack <= 0 {
		l.Stack = 240 << 20
	}
	return l
}

// Result is what a run did. A learner's failure (a panic, a deadlock, a
// compile error, a limit) is a Result, not an error.
type Result struct {
	// Outcome says how the run ended.
	Outcome Outcome
	// ExitCode is what a real binary would exit with: 0, 2 for a panic or
	// fatal error, N for os.Exit(N); see Outcome.ExitCode for limits.
	ExitCode int
	// Stdout and Stderr are the program's output, byte for byte what the
	// real binary prints (stderr includes the panic or fatal report).
	Stdout, Stderr []byte
	// Compile holds the errors of a program that did not compile.
	Compile *CompileError
	// Trace is the simulator's record of the run, when Options.Trace asked
	// for it (nil after a compile error or when teardown did not finish).
	Trace *sim.Trace
	// Stats are the simulator's counts.
	Stats sim.Stats
	// VirtualTime is the virtual time, in ns, at which the program ended.
	VirtualTime int64
	// Procs is GOMAXPROCS at the end.
	Procs int
	// Snapshots are the machine pictures the program asked for with
	// gpm.Snapshot, in order.
	Snapshots []Snapshot
	// Steps are snapshots of the machine at each switch from one G to
	// another, as many as Options.Steps asked for, then one at the end.
	Steps []sim.Snapshot
	// Detail is extra text for some outcomes: the internal error's message.
	Detail string
	// Cut reports that the runtime's report at the end of Stderr (a panic,
	// a fatal error) was cut at the output limit; the real program prints
	// it whole.
	Cut bool
	// Races are the data races found, in order, with Options.Race.
	Races []Race
}

// Snapshot is a labelled picture of the machine taken by gpm.Snapshot.
type Snapshot struct {
	Label   string
	Time    int64
	Text    string
	Machine sim.Snapshot
}

// run is the state of one program run.
type run struct {
	s      *sim.Sim
	opts   Options
	limits Limits
	src    string
	it     *interp.Interpreter

	cur   *gor
	gors  map[int64]*gor
	chans map[uintptr]*chanRec
	objs  map[uintptr]any
	keep  []any // values whose addresses key objs and chans: kept alive
	tmrs  []*sim.Timer
	live  int
	steps int64
	dying bool // describing a dying G's panic value: no preemption
	cut   bool // the runtime's report was cut at the output limit
	// mainStarted: main.main has begun; before, G1 is locked to its thread.
	mainStarted bool
	multi       bool       // GOMAXPROCS > 1: race windows may switch (race.go)
	rd          *raceState // the race detector's, with Options.Race (racereport.go)
	// mapBusy: an excursion from a map write may be in progress (race.go).
	mapBusy bool
	addrs   int // fake addresses handed out (panics.go)
	// trace names the learner's functions in tracebacks, gsites the go
	// statement that created each G (traceback.go); lineStarts indexes src.
	trace      *traceInfo
	gsites     map[int64]*goSite
	lineStarts []int
	// printAddrs are the fake addresses of the pointers print printed.
	printAddrs map[uintptr]string

	stdout, stderr *limitWriter
	snaps          []Snapshot
	stepSnaps      []sim.Snapshot

	ended   atomic.Bool
	endOnce sync.Once
	done    chan struct{} // closed when the program has ended
	wakeMu  sync.Mutex
	wakes   []chan struct{} // every G's wake channel, for kill
	wg      sync.WaitGroup
	outcome Outcome
	code    int
	detail  string
}

// teardownWait bounds how long Run waits for the goroutines of a finished
// run to stop; one stuck in host code is abandoned (the CLI runs programs
// in a worker process, which exits).
const teardownWait = 2 * time.Second

// Run checks, rewrites and runs a program on the simulator. It returns an
// error only when the tool itself fails; everything the program does,
// including not compiling, is in the Result. Cancelling ctx ends the run
// with OutcomeTimeout.
func Run(ctx context.Context, src []byte, opts Options) (*Result, error) {
	if opts.Filename == "" {
		opts.Filename = "prog.go"
	}
	prep, err := prepare(opts.Filename, src, nil, opts.Race)
	if err != nil {
		var ce *CompileError
		if errors.As(err, &ce) {
			return &Result{Outcome: OutcomeCompileError, ExitCode: 1, Compile: ce, Stderr: []byte(ce.Error() + "\n")}, nil
		}
		return nil, err
	}
	r := newRun(prep, opts)
	if err := r.start(); err != nil {
		return nil, err
	}
	select {
	case <-r.done:
	case <-ctx.Done():
		r.end(OutcomeTimeout, 0, "")
	}
	return r.finish(ctx), nil
}

func newRun(prep *Prepared, opts Options) *run {
	r := &run{
		opts:   opts,
		limits: opts.Limits.withDefaults(),
		src:    string(prep.Source),
		trace:  prep.trace,
		gsites: map[int64]*goSite{},
		gors:   map[int64]*gor{},
		chans:  map[uintptr]*chanRec{},
		objs:   map[uintptr]any{},
		done:   make(chan struct{}),
	}
	r.stdout = &limitWriter{r: r, w: opts.Stdout}
	r.stderr = &limitWriter{r: r, w: opts.Stderr}
	maxEvents := opts.MaxEvents
	if !opts.Trace {
		maxEvents = -1
	}
	r.s = sim.New(sim.Config{
		CPUs: opts.CPUs, Procs: opts.Procs, Seed: opts.Seed, Jitter: opts.Jitter, Idle: opts.Idle, NoPerturb: opts.NoPerturb,
		MaxEvents: maxEvents, NoFinalizerG: !startsFinalizer(prep.Imports),
		RaceDetector: opts.Race,
	})
	if opts.Race {
		r.rd = &raceState{sites: prep.Sites, goSite: -1, created: map[int64]int{}, keep: map[uintptr]any{}, addrs: map[uintptr]string{}}
	}
	r.live = 1
	return r
}

// startsFinalizer reports whether a program importing imports has the
// runtime's finalizer goroutine at main.main: package os's init starts
// it, and fmt and runtime/debug import os. Without it the program's
// goroutines are numbered from 6, not 7, as the real runtime numbers them.
func startsFinalizer(imports []string) bool {
	for _, p := range imports {
		if p == "os" || p == "fmt" || p == "runtime/debug" {
			return true
		}
	}
	return false
}

// start builds the interpreter and runs main as G1 in its own goroutine.
func (r *run) start() error {
	it, err := r.newInterp()
	if err != nil {
		return err
	}
	r.it = it
	main := r.newGor(r.s.Current())
	main.main = true
	r.gors[main.g.ID] = main
	r.cur = main
	r.step()
	r.wg.Add(1)
	go r.runMain(main)
	return nil
}

// runMain evaluates the program: yaegi runs init and main inside Eval.
func (r *run) runMain(gr *gor) {
	defer r.wg.Done()
	returned := false
	defer func() {
		if returned || r.ended.Load() {
			return
		}
		if p := recover(); p != nil {
			r.internal(fmt.Sprint(p) + "\n" + string(debug.Stack()))
			return
		}
		// runtime.Goexit in main: the program goes on without it.
		r.goexit(gr)
	}()
	_, err := r.it.Eval(r.src)
	returned = true
	if r.ended.Load() {
		return
	}
	if err != nil {
		var p interp.Panic
		if errors.As(err, &p) {
			r.panicked(gr, p.Value)
			return
		}
		r.internal(err.Error())
		return
	}
	r.s.MainReturn()
	r.end(OutcomeOK, 0, "")
}

// end records how the run ended, once, and wakes Run.
func (r *run) end(o Outcome, code int, detail string) {
	r.endOnce.Do(func() {
		r.outcome, r.code, r.detail = o, code, detail
		r.ended.Store(true)
		close(r.done)
	})
}

// endBySim ends the run when the simulator has nothing left to run.
func (r *run) endBySim() {
	if f := r.s.Fatal(); f != nil {
		r.stderr.force(r.formatFatal(r.initLocked(f)))
		if f.Msg == "out of memory" {
			// An allocation over Limits.Memory (alloc.go): gc's words,
			// and the memory limit's outcome, as when the CLI's worker
			// runs out.
			r.end(OutcomeMemory, OutcomeMemory.ExitCode(), f.Msg)
			return
		}
		r.end(OutcomeFatal, 2, f.Msg)
		return
	}
	r.end(OutcomeOK, 0, "")
}

// finish tears the goroutines down and builds the Result.
func (r *run) finish(ctx context.Context) *Result {
	r.kill()
	stopped := make(chan struct{})
	go func() { r.wg.Wait(); close(stopped) }()
	clean := true
	select {
	case <-stopped:
	case <-time.After(teardownWait):
		clean = false
	}
	r.raceExit()
	res := &Result{
		Outcome:   r.outcome,
		ExitCode:  r.code,
		Stdout:    r.stdout.bytes(),
		Stderr:    r.stderr.bytes(),
		Detail:    r.detail,
		Snapshots: r.snaps,
		Cut:       r.cut,
		Races:     r.races(),
	}
	if r.outcome.IsLimit() {
		res.ExitCode = r.outcome.ExitCode()
	}
	if clean {
		if r.opts.Trace {
			res.Trace = r.s.Trace()
		}
		if r.opts.Steps > 0 {
			res.Steps = append(r.stepSnaps, r.s.Snapshot())
		}
		res.Stats = r.s.Stats()
		res.VirtualTime = r.s.Now()
		res.Procs = r.s.GOMAXPROCS()
	}
	_ = ctx
	return res
}

// step keeps a snapshot of the machine, if Options.Steps asks for more.
func (r *run) step() {
	if len(r.stepSnaps) < r.opts.Steps {
		r.stepSnaps = append(r.stepSnaps, r.s.Snapshot())
	}
}

// snapshot records a labelled picture for gpm.Snapshot and returns its
// text.
func (r *run) snapshot(label string) string {
	sn := r.s.Snapshot()
	var b strings.Builder
	sn.WriteText(&b)
	r.snaps = append(r.snaps, Snapshot{Label: label, Time: sn.Time, Text: b.String(), Machine: sn})
	return b.String()
}
