package cli

// Grading runs many learner programs, so, like the run command, the check
// command does it in a worker process: the hidden command "__grade"
// re-executes this binary, which grades with checker.Check and writes a
// gradingResult as JSON to a file the parent names. While it grades it
// writes "progress DONE TOTAL" lines on its stdout, which drive the
// parent's progress bar. A program that exhausts the worker's memory is a
// failed check, not a crash of the tool.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/gotour-gpm/gotour-gpm/checker"
	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/internal/termview"
	"github.com/gotour-gpm/gotour-gpm/runner"
)

// gradeWorkerCmdName is the hidden command that grades one program.
const gradeWorkerCmdName = "__grade"

// gradeTimeout bounds a whole grading in the worker; each run has its own,
// much shorter, limits (checker.DefaultLimits).
const gradeTimeout = 10 * time.Minute

// gradeMemory is the worker's memory limit: the run command's default.
const gradeMemory = 1 << 30

// gradingRequest is what the parent sends the worker on its stdin.
type gradingRequest struct {
	Exercise   string    `json:"exercise"`
	Filename   string    `json:"filename"`
	Source     string    `json:"source"`
	Lang       i18n.Lang `json:"lang"`                  // for the timelines
	ResultFile string    `json:"result_file,omitempty"` // where the worker writes its gradingResult
}

// gradingResult is the report, with the timelines of its failing cases
// already drawn (the traces stay in the worker), by case index.
type gradingResult struct {
	Report    *checker.Report `json:"report"`
	Timelines map[int]string  `json:"timelines,omitempty"`
}

// timeline returns the function that gives Report.WriteText a case's
// timeline.
func (r *gradingResult) timeline(rep *checker.Report) func(c *checker.CaseResult) string {
	return func(c *checker.CaseResult) string {
		for i := range rep.Cases {
			if &rep.Cases[i] == c {
				return r.Timelines[i]
			}
		}
		return ""
	}
}

// grade grades req's program, in a worker unless e.inProcess, calling
// progress as schedules are graded.
func (e *env) grade(ctx context.Context, req *gradingRequest, progress func(done, total int)) (*gradingResult, error) {
	if e.inProcess {
		return gradeLocal(ctx, req, progress)
	}
	return e.spawnGrader(ctx, req, progress)
}

// gradeOptions are the checker's options for every grading, apart from
// the file name and the progress function. The zero value is what
// learners get; tests give each run more wall-clock time, since they
// grade many programs at once on a busy machine.
var gradeOptions checker.Options

// gradeLocal grades in this process.
func gradeLocal(ctx context.Context, req *gradingRequest, progress func(done, total int)) (*gradingResult, error) {
	ex, err := checker.Lookup(req.Exercise)
	if err != nil {
		return nil, err
	}
	opts := gradeOptions
	opts.Filename, opts.Progress = req.Filename, progress
	rep, err := checker.Check(ctx, ex, []byte(req.Source), opts)
	if err != nil {
		return nil, err
	}
	res := &gradingResult{Report: rep}
	for i := range rep.Cases {
		c := &rep.Cases[i]
		if !c.Timeline || c.Trace == nil {
			continue
		}
		if res.Timelines == nil {
			res.Timelines = map[int]string{}
		}
		res.Timelines[i] = termview.Timeline(&runner.Result{Trace: c.Trace, VirtualTime: c.End, Procs: c.Procs},
			termview.Options{Lang: req.Lang})
	}
	return res, nil
}

// newGradeWorkerCmd builds the hidden worker command.
func newGradeWorkerCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:    gradeWorkerCmdName,
		Hidden: true,
		Args:   e.noArgs,
		RunE:   func(*cobra.Command, []string) error { return e.gradeWork() },
	}
}

// gradeWork is the worker's side: grade under the memory watchdog, report
// progress on stdout, write the result.
func (e *env) gradeWork() error {
	var req gradingRequest
	if err := json.NewDecoder(e.stdin).Decode(&req); err != nil {
		return fmt.Errorf("grade worker: reading the request: %w", err)
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	debug.SetMemoryLimit(gradeMemory)
	go watchMemory(ctx, gradeMemory, memoryEvery, memoryUsed, func() { cancel(errMemoryLimit) })
	var mu sync.Mutex
	res, err := gradeLocal(ctx, &req, func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(e.stdout, "progress %d %d\n", done, total)
	})
	if err != nil && errors.Is(context.Cause(ctx), errMemoryLimit) {
		res, err = memoryReport(&req), nil
	}
	if err != nil {
		return err
	}
	data, err := json.Marshal(res)
	if err != nil {
		return err
	}
	return os.WriteFile(req.ResultFile, data, 0o600)
}

// memoryReport is the report of a program that used too much memory: the
// worker stopped, or died, before grading was over.
func memoryReport(req *gradingRequest) *gradingResult {
	return &gradingResult{Report: &checker.Report{
		Exercise: req.Exercise,
		File:     req.Filename,
		Cases: []checker.CaseResult{{
			Name:   i18n.Text{En: "runs within the memory limit", Zh: "内存用量不超过限制"},
			Kind:   checker.KindRun,
			Status: checker.Fail,
			Got:    i18n.Text{En: "more than 1GB", Zh: "超过 1GB"},
			Want:   i18n.Text{En: "less than 1GB", Zh: "少于 1GB"},
			Message: i18n.Text{
				En: "stopped: the program used too much memory, so it could not be graded.",
				Zh: "已停止：程序占用的内存太多，无法评分。",
			},
		}},
	}}
}

// spawnGrader runs req in a grade worker.
func (e *env) spawnGrader(ctx context.Context, req *gradingRequest, progress func(done, total int)) (*gradingResult, error) {
	exe, err := e.executable()
	if err != nil {
		return nil, errorf(msgWorkerStart, err)
	}
	f, err := os.CreateTemp("", "gotour-gpm-grade-*.json")
	if err != nil {
		return nil, errorf(msgWorkerStart, err)
	}
	f.Close()
	defer os.Remove(f.Name())
	r := *req
	r.ResultFile = f.Name()
	body, err := json.Marshal(&r)
	if err != nil {
		return nil, err
	}
	wctx, cancel := context.WithTimeout(ctx, gradeTimeout)
	defer cancel()
	cmd := exec.CommandContext(wctx, exe, gradeWorkerCmdName)
	cmd.Stdin = bytes.NewReader(body)
	pr, pw := io.Pipe()
	cmd.Stdout = pw
	var crash crashLog
	cmd.Stderr = &crash
	cmd.Env = append([]string{}, e.workerEnv...)
	if v := e.getenv("SYSTEMROOT"); v != "" {
		cmd.Env = append(cmd.Env, "SYSTEMROOT="+v)
	}
	cmd.WaitDelay = time.Second
	read := make(chan struct{})
	go func() {
		defer close(read)
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			var done, total int
			if _, err := fmt.Sscanf(sc.Text(), "progress %d %d", &done, &total); err == nil && progress != nil {
				progress(done, total)
			}
		}
		io.Copy(io.Discard, pr)
	}()
	runErr := cmd.Run()
	pw.Close()
	<-read
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if runErr != nil {
		if crash.reason() == "fatal error: runtime: out of memory" {
			return memoryReport(req), nil
		}
		if why := crash.reason(); why != "" {
			return nil, errorf(msgGraderCrash, why)
		}
		return nil, errorf(msgGraderCrash, runErr)
	}
	data, err := os.ReadFile(r.ResultFile)
	if err != nil {
		return nil, errorf(msgWorkerResult, err)
	}
	var res gradingResult
	if err := json.Unmarshal(data, &res); err != nil || res.Report == nil {
		return nil, errorf(msgWorkerResult, fmt.Errorf("no report: %v", err))
	}
	return &res, nil
}

var msgGraderCrash = i18n.Text{
	En: "internal error: the worker process that grades the program failed: %v",
	Zh: "内部错误：负责评分的工作进程出错了：%v",
}
