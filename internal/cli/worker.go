package cli

// The worker: the run command never interprets learner code in its own
// process. It re-executes its own binary (os.Executable) with the hidden
// command "__worker", which runs one program and exits:
//
//  1. The parent writes a [workRequest] as JSON on the worker's stdin and
//     names, in it, a temporary file for the answer.
//  2. The worker runs the program with runner.Run in-process, under a
//     context that ends at the time limit (--timeout, CPU time; see
//     timelimit.go) or when the memory watchdog fires. What the program writes to stdout and stderr
//     goes out on the worker's stdout, as written, in frames that say
//     which stream (frame.go); the parent copies each frame to its own
//     stdout or stderr as it arrives.
//  3. The worker writes a [workResult] as JSON to the result file and
//     exits 0.
//  4. The parent kills a worker still running spawnGrace after the
//     wall-clock guard (busyGuard of --timeout),
//     and reports a worker that died (a signal, an exit without a result,
//     a result that is not JSON) as an internal error, quoting the one
//     line of the worker's stderr that says why. The rest of that stderr,
//     the Go runtime's stack trace, is not shown.
//
// So a wedged interpreter, a runaway allocation or a crash of yaegi costs
// the worker, never the tool. A runtime "out of memory" crash is the
// program's doing: it is reported as the memory limit. The worker starts
// with an empty environment (the program sees none anyway). The process
// handling, the result file and the watchdog are shared with the grade
// worker, in workerproc.go.

import (
	"context"
	"errors"
	"io"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/internal/termview"
	"github.com/gotour-gpm/gotour-gpm/runner"
	"github.com/gotour-gpm/gotour-gpm/sim"
)

// workerCmdName is the hidden command that runs one program as the worker.
const workerCmdName = "__worker"

// spawnGrace is how long past --timeout the parent waits for the worker
// to report before killing it. The worker stops the program itself at
// --timeout; runner.Run then waits up to 2s for the program's goroutines
// (runner's teardownWait), and writing a large trace takes a moment more.
// A worker still running after that is wedged.
const spawnGrace = 5 * time.Second

// workRequest is what the parent sends the worker on its stdin, as JSON.
type workRequest struct {
	Filename   string        `json:"filename"`    // for compile errors
	Source     string        `json:"source"`      // the program
	Procs      int           `json:"procs"`       // GOMAXPROCS; 0 means CPUs
	CPUs       int           `json:"cpus"`        // simulated CPUs
	Seed       uint64        `json:"seed"`        // the simulator's seed
	Limits     runner.Limits `json:"limits"`      // virtual time, steps, output, goroutines
	Timeout    time.Duration `json:"timeout"`     // CPU time limit, in ns
	MaxMemory  int64         `json:"max_memory"`  // bytes; 0 means no watchdog
	Trace      bool          `json:"trace"`       // send the simulator's trace back
	Race       bool          `json:"race"`        // the data-race detector
	ResultFile string        `json:"result_file"` // where to write the workResult
}

func (r *workRequest) setResultFile(name string) { r.ResultFile = name }
func (r *workRequest) resultFile() string        { return r.ResultFile }
func (r *workRequest) memoryLimit() int64        { return r.MaxMemory }

// workResult is what the worker writes to the result file, as JSON, once
// the program has ended. The program's output is not in it: that has
// already streamed out.
type workResult struct {
	Outcome     runner.Outcome       `json:"outcome"`   // as a number
	ExitCode    int                  `json:"exit_code"` // the program's, or the limit's
	Detail      string               `json:"detail,omitempty"`
	Compile     *runner.CompileError `json:"compile,omitempty"`
	Trace       *sim.Trace           `json:"trace,omitempty"`
	Stats       sim.Stats            `json:"stats"`
	VirtualTime int64                `json:"virtual_time"` // ns
	Procs       int                  `json:"procs"`        // GOMAXPROCS at the end
	// Cut: the runtime's report was cut at the output limit (runner.Result.Cut).
	Cut bool `json:"cut,omitempty"`
	// Busy marks a time limit met on the wall clock (busyGuard): the
	// program got too little CPU time, CPUTime, to reach its own limits.
	Busy     bool          `json:"busy,omitempty"`
	CPUTime  time.Duration `json:"cpu_time,omitempty"`
	WallTime time.Duration `json:"wall_time,omitempty"` // when Busy
}

// newWorkerCmd builds the hidden worker command. It is not for people:
// help and the command list leave it out.
func newWorkerCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:    workerCmdName,
		Hidden: true,
		Args:   e.noArgs,
		RunE:   func(*cobra.Command, []string) error { return e.work() },
	}
}

// work is the worker's side of the protocol.
func (e *env) work() error {
	var req workRequest
	return e.answer("worker", &req, func(ctx context.Context) (any, error) {
		var mu sync.Mutex
		stdout := frameWriter{mu: &mu, w: e.stdout, stream: streamStdout}
		stderr := frameWriter{mu: &mu, w: e.stdout, stream: streamStderr}
		return execute(ctx, &req, stdout, stderr, true), nil
	})
}

// execute runs req's program, streaming its output to stdout and stderr,
// and says how it ended. Both the worker and the in-process mode call it;
// the worker (worker set) limits the run's CPU time and its memory, the
// in-process mode only its wall-clock time (withTimeLimit). A failure of
// the runner itself is reported as OutcomeInternal.
func execute(ctx context.Context, req *workRequest, stdout, stderr io.Writer, worker bool) *workResult {
	cpuStart, _ := processCPU()
	runCtx, cancel := withTimeLimit(ctx, req.Timeout, worker)
	defer cancel()
	res, err := runner.Run(runCtx, []byte(req.Source), runner.Options{
		Filename: req.Filename,
		Procs:    req.Procs,
		CPUs:     req.CPUs,
		Seed:     req.Seed,
		Stdout:   stdout,
		Stderr:   stderr,
		Limits:   req.Limits,
		Trace:    req.Trace,
		Race:     req.Race,
	})
	if err != nil {
		return &workResult{Outcome: runner.OutcomeInternal, ExitCode: runner.OutcomeInternal.ExitCode(), Detail: err.Error()}
	}
	if res.Outcome == runner.OutcomeCompileError {
		// The runner does not stream compile errors: nothing ran. They
		// are the tool's report, and may quote a string of the source.
		io.WriteString(stderr, termview.Escape(string(res.Stderr)))
	}
	if worker && req.MaxMemory > 0 && !res.Outcome.IsLimit() && memoryUsed() > uint64(req.MaxMemory) {
		// A program can go past the limit and end between two of the
		// watchdog's samples (one huge allocation, where no address-space
		// cap makes it fail at once): still the memory limit.
		res.Outcome, res.ExitCode = runner.OutcomeMemory, runner.OutcomeMemory.ExitCode()
	}
	busy := false
	if res.Outcome == runner.OutcomeTimeout {
		switch cause := context.Cause(runCtx); {
		case errors.Is(cause, errMemoryLimit):
			res.Outcome, res.ExitCode = runner.OutcomeMemory, runner.OutcomeMemory.ExitCode()
		case errors.Is(cause, errBusy):
			busy = true
		}
	}
	used, _ := processCPU()
	var wall time.Duration
	if busy {
		wall = busyGuard(req.Timeout)
	}
	return &workResult{
		Busy:        busy,
		CPUTime:     used - cpuStart,
		WallTime:    wall,
		Outcome:     res.Outcome,
		ExitCode:    res.ExitCode,
		Detail:      res.Detail,
		Compile:     res.Compile,
		Trace:       res.Trace,
		Stats:       res.Stats,
		VirtualTime: res.VirtualTime,
		Procs:       res.Procs,
		Cut:         res.Cut,
	}
}

// spawn runs req in a worker process and returns its result. The
// program's output goes straight to e.stdout and e.stderr. An error means
// the worker failed, not the program.
func (e *env) spawn(ctx context.Context, req *workRequest) (*workResult, error) {
	grace := e.workerGrace
	if grace == 0 {
		grace = spawnGrace
	}
	var res workResult
	guard := e.workerGuard
	if guard == 0 {
		guard = busyGuard(req.Timeout)
	}
	out := newOutputCap(req.Limits.Output, e.stdout, e.stderr)
	failed, err := e.callWorker(ctx, workerCmdName, guard+grace, req, &demux{stdout: out.stdout(), stderr: out.stderr()}, &res)
	switch {
	case err != nil:
		return nil, err
	case failed == nil:
		out.check(&res)
		return &res, nil
	case failed.killed:
		// The worker was wedged past its own time limit, or the machine
		// gave it too little CPU to get there.
		return &workResult{Outcome: runner.OutcomeTimeout, ExitCode: runner.OutcomeTimeout.ExitCode(),
			Busy: failed.cpu < req.Timeout, CPUTime: failed.cpu, WallTime: guard + grace}, nil
	case isOutOfMemory(failed.reason):
		// The program asked for more than the worker may have (its
		// address-space limit) or the machine has, at once.
		return &workResult{Outcome: runner.OutcomeMemory, ExitCode: runner.OutcomeMemory.ExitCode()}, nil
	case failed.reason == hostStackOverflow:
		// Only the program recurses without end in the worker; the
		// runner ends interpreted recursion itself, so this one ran in
		// compiled code on the program's data (fmt printing a map that
		// holds itself). gc ends such a program the same way.
		io.WriteString(out.stderr(), stackOverflowReport)
		return &workResult{Outcome: runner.OutcomeFatal, ExitCode: 2}, nil
	case failed.reason != "":
		return nil, errorf(msgWorkerCrashWhy, failed.state, failed.reason)
	}
	return nil, errorf(msgWorkerCrash, failed.state)
}

// hostStackOverflow is the Go runtime's last word when a goroutine of the
// worker outgrows its stack, and stackOverflowReport what gc prints for a
// program that does (less the stack pointers and the goroutine dump).
const (
	hostStackOverflow   = "fatal error: stack overflow"
	stackOverflowReport = "runtime: goroutine stack exceeds 1000000000-byte limit\n" + hostStackOverflow + "\n"
)

// Messages for a worker that failed; each is an internal error (exit 70).
var (
	msgWorkerStart = i18n.Text{
		En: "internal error: cannot start the worker process that runs the program: %v",
		Zh: "内部错误：无法启动运行程序的工作进程：%v",
	}
	msgWorkerCrash = i18n.Text{
		En: "internal error: the worker process that runs the program crashed (%s)",
		Zh: "内部错误：运行程序的工作进程崩溃了（%s）",
	}
	msgWorkerCrashWhy = i18n.Text{
		En: "internal error: the worker process that runs the program crashed (%s): %s",
		Zh: "内部错误：运行程序的工作进程崩溃了（%s）：%s",
	}
	msgWorkerResult = i18n.Text{
		En: "internal error: the worker process that runs the program sent no valid result: %v",
		Zh: "内部错误：运行程序的工作进程没有返回有效的结果：%v",
	}
)
