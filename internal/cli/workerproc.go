package cli

// What the run command's worker (worker.go) and the check command's grade
// worker (grade.go) share. Each is this binary, re-executed with a hidden
// command:
//
//  1. The parent names a new temporary file in the request
//     ([workerRequest]) and writes the request as JSON on the worker's
//     stdin.
//  2. The worker reads it, does its work under the memory watchdog, and
//     writes its answer as JSON to that file ([env.answer]).
//  3. Meanwhile the parent copies the worker's stdout to a writer of the
//     caller's (the run worker's output frames, the grader's progress
//     lines) and keeps the start of its stderr ([crashLog]): the Go
//     runtime's report of a crash, never shown as it is.
//  4. The parent kills a worker still running at the call's timeout, and
//     reads the answer once the worker has exited 0 ([env.callWorker]).
//
// The worker starts with an empty environment, plus env.workerEnv.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// workerRequest is what the two workers' requests have in common.
type workerRequest interface {
	// setResultFile names the file the worker writes its answer to.
	setResultFile(name string)
	// resultFile is that file's name.
	resultFile() string
	// memoryLimit is the worker's memory limit in bytes; 0 means none.
	memoryLimit() int64
}

// workerFailure says how a worker that did not exit 0 ended.
type workerFailure struct {
	killed bool          // by the parent, at the call's timeout
	cpu    time.Duration // the CPU time the worker used, where known
	state  string        // the process's end: "exit status 2", "signal: killed"
	reason string        // the line of the worker's stderr that says why, or ""
}

// isOutOfMemory reports whether reason, the worker's last word, is the Go
// runtime failing to get memory from the system: the program's doing (it
// asked for more than the worker's address-space limit, or than the
// machine has, at once), not a crash. The runtime says "fatal error: out
// of memory" when a large allocation fails (mallocgc), "fatal error:
// runtime: out of memory" when the heap cannot grow (sysMap), and
// "newosproc" when even a thread's stack cannot be had.
func isOutOfMemory(reason string) bool {
	for _, s := range []string{"out of memory", "cannot allocate memory", "newosproc", "failed to create new OS thread"} {
		if strings.Contains(reason, s) {
			return true
		}
	}
	return false
}

// callWorker runs the hidden command name as a worker process for req:
// req, with a new temporary result file named in it, goes to the worker's
// stdin, what the worker writes on its stdout goes to stdout, and the
// answer it writes to the file is decoded into answer. A worker still
// running after timeout is killed.
//
// A worker that did not exit 0 gives a *workerFailure and no error. An
// error means the worker could not be started, ctx ended, or the worker
// exited 0 without a valid answer.
func (e *env) callWorker(ctx context.Context, name string, timeout time.Duration, req workerRequest, stdout io.Writer, answer any) (*workerFailure, error) {
	// Ctrl-C or SIGTERM from now on stops the worker, so that this
	// function returns and its result file is removed (it was left in
	// the temporary folder at every Ctrl-C); Main then exits 130.
	sctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	exe, err := e.executable()
	if err != nil {
		return nil, errorf(msgWorkerStart, err)
	}
	removeStaleResults(os.TempDir())
	f, err := os.CreateTemp("", resultPrefix+name+"-"+strconv.Itoa(os.Getpid())+"-*.json")
	if err != nil {
		return nil, errorf(msgWorkerStart, err)
	}
	f.Close()
	defer os.Remove(f.Name())
	req.setResultFile(f.Name())
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}

	wctx, cancel := context.WithTimeout(sctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(wctx, exe, name)
	cmd.Stdin = bytes.NewReader(body)
	cmd.Stdout = stdout
	var crash crashLog
	cmd.Stderr = &crash
	cmd.Env = append([]string{}, e.workerEnv...)
	if v := e.getenv("SYSTEMROOT"); v != "" {
		cmd.Env = append(cmd.Env, "SYSTEMROOT="+v) // Windows processes need it
	}
	// After a kill, stop waiting for the output pipes soon.
	cmd.WaitDelay = time.Second
	if runErr := cmd.Run(); runErr != nil {
		var exit *exec.ExitError
		var cpu time.Duration
		if st := cmd.ProcessState; st != nil {
			cpu = st.UserTime() + st.SystemTime()
		}
		switch {
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case sctx.Err() != nil || interruptedBy(cmd.ProcessState):
			// The terminal sends Ctrl-C to the worker too, which may
			// die of it before this process hears of it.
			return nil, errInterrupted
		case wctx.Err() != nil:
			return &workerFailure{killed: true, cpu: cpu, state: runErr.Error()}, nil
		case !errors.As(runErr, &exit):
			return nil, errorf(msgWorkerStart, runErr)
		}
		return &workerFailure{state: exit.ProcessState.String(), reason: crash.reason()}, nil
	}
	data, err := os.ReadFile(f.Name())
	if err == nil {
		err = json.Unmarshal(data, answer)
	}
	if err != nil {
		return nil, errorf(msgWorkerResult, err)
	}
	return nil, nil
}

// resultPrefix starts the name of every result file; the name goes on
// with the worker command, the parent's process id and a random number:
// gotour-gpm-__grade-4242-123456.json.
const resultPrefix = "gotour-gpm-"

// removeStaleResults removes, from dir, the result files of parents that
// are gone: a parent removes its file when the call ends, and when it is
// interrupted (Ctrl-C, SIGTERM), but not when it is killed.
func removeStaleResults(dir string) {
	names, _ := filepath.Glob(filepath.Join(dir, resultPrefix+"__*-*-*.json"))
	for _, name := range names {
		parts := strings.Split(strings.TrimPrefix(filepath.Base(name), resultPrefix), "-")
		if len(parts) != 3 {
			continue
		}
		if pid, err := strconv.Atoi(parts[1]); err == nil && pid != os.Getpid() && processGone(pid) {
			os.Remove(name)
		}
	}
}

// answer is the worker's side of a call: it reads the request from stdin
// into req, runs work under the memory watchdog (a context it cancels
// with errMemoryLimit), and writes work's answer as JSON to the request's
// result file. what names the worker in errors.
func (e *env) answer(what string, req workerRequest, work func(ctx context.Context) (any, error)) error {
	if err := json.NewDecoder(e.stdin).Decode(req); err != nil {
		return fmt.Errorf("%s: reading the request: %w", what, err)
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	if limit := req.memoryLimit(); limit > 0 {
		// The GC works hard to stay under the limit, so only a program
		// whose live data really exceeds it trips the watchdog.
		debug.SetMemoryLimit(limit)
		limitAddressSpace(limit)
		go watchMemory(ctx, limit, memoryEvery, memoryUsed, func() { cancel(errMemoryLimit) })
	}
	res, err := work(ctx)
	if err != nil {
		return err
	}
	data, err := json.Marshal(res)
	if err != nil {
		return fmt.Errorf("%s: encoding the result: %w", what, err)
	}
	if err := os.WriteFile(req.resultFile(), data, 0o600); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// memoryEvery is how often the memory watchdog samples the worker's
// memory: often enough that a program allocating at full speed overshoots
// the limit by little, rarely enough to cost nothing (a sample takes about
// a microsecond).
const memoryEvery = 10 * time.Millisecond

// errMemoryLimit is the cause the watchdog cancels a worker's work with.
var errMemoryLimit = errors.New("memory limit reached")

// watchMemory calls over, once, when used reports more than limit bytes;
// it samples every period until ctx ends.
func watchMemory(ctx context.Context, limit int64, period time.Duration, used func() uint64, over func()) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if used() > uint64(limit) {
				over()
				return
			}
		}
	}
}

// memoryUsed is the worker's memory as debug.SetMemoryLimit counts it:
// everything the runtime has mapped, less heap memory returned to the OS.
func memoryUsed() uint64 {
	s := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	metrics.Read(s)
	return s[0].Value.Uint64() - s[1].Value.Uint64()
}
