package cli

// Grading runs many learner programs, so, like the run command, the check
// command does it in a worker process: the hidden command "__grade"
// re-executes this binary, which grades with checker.Check and writes a
// gradingResult as JSON to a file the parent names. While it grades it
// writes "progress DONE TOTAL" lines on its stdout, which drive the
// parent's progress bar. A program that exhausts the worker's memory is a
// failed check, not a crash of the tool.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
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

func (r *gradingRequest) setResultFile(name string) { r.ResultFile = name }
func (r *gradingRequest) resultFile() string        { return r.ResultFile }
func (r *gradingRequest) memoryLimit() int64        { return gradeMemory }

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
	return e.answer("grade worker", &req, func(ctx context.Context) (any, error) {
		var mu sync.Mutex
		res, err := gradeLocal(ctx, &req, func(done, total int) {
			mu.Lock()
			defer mu.Unlock()
			fmt.Fprintf(e.stdout, "progress %d %d\n", done, total)
		})
		if err != nil && errors.Is(context.Cause(ctx), errMemoryLimit) {
			return memoryReport(&req), nil
		}
		return res, err
	})
}

// memoryReport is the report of a program that used too much memory: the
// worker stopped, or died, before grading was over.
func memoryReport(req *gradingRequest) *gradingResult {
	return crashReport(req, "memory-limit",
		i18n.Text{En: "runs within the memory limit", Zh: "内存用量不超过限制"},
		i18n.Text{En: "more than 1GB", Zh: "超过 1GB"},
		i18n.Text{En: "less than 1GB", Zh: "少于 1GB"},
		i18n.Text{
			En: "stopped: the program used too much memory, so it could not be graded.",
			Zh: "已停止：程序占用的内存太多，无法评分。",
		})
}

// stackReport is the report of a program whose endless recursion, in
// compiled code on its data (fmt printing a map that holds itself),
// overflowed the grade worker's stack: the program's fault, as in gc.
func stackReport(req *gradingRequest) *gradingResult {
	return crashReport(req, "ends-normally",
		i18n.Text{En: "ends without a stack overflow", Zh: "不会栈溢出"},
		i18n.Text{En: "fatal error: stack overflow", Zh: "fatal error: stack overflow"},
		i18n.Text{En: "the program ends", Zh: "程序正常结束"},
		i18n.Text{
			En: "stopped: the program recursed without end (goroutine stack exceeds 1000000000-byte limit), so it could not be graded.",
			Zh: "已停止：程序无休止地递归（goroutine 栈超过 1000000000 字节的上限），无法评分。",
		})
}

// crashReport is a report of one failed case, for a program that ended
// the grade worker itself.
func crashReport(req *gradingRequest, id string, name, got, want, msg i18n.Text) *gradingResult {
	return &gradingResult{Report: &checker.Report{
		Exercise: req.Exercise,
		File:     req.Filename,
		Cases: []checker.CaseResult{{
			ID:      id,
			Name:    name,
			Kind:    checker.KindRun,
			Status:  checker.Fail,
			Got:     got,
			Want:    want,
			Message: msg,
		}},
	}}
}

// spawnGrader runs req in a grade worker.
func (e *env) spawnGrader(ctx context.Context, req *gradingRequest, progress func(done, total int)) (*gradingResult, error) {
	r := *req
	var res gradingResult
	failed, err := e.callWorker(ctx, gradeWorkerCmdName, gradeTimeout, &r, &progressLines{report: progress}, &res)
	switch {
	case err != nil:
		return nil, err
	case failed == nil && res.Report == nil:
		return nil, errorf(msgWorkerResult, errors.New("no report"))
	case failed == nil:
		return &res, nil
	case isOutOfMemory(failed.reason):
		return memoryReport(req), nil
	case failed.reason == hostStackOverflow:
		return stackReport(req), nil
	case failed.reason != "":
		return nil, errorf(msgGraderCrash, failed.reason)
	}
	return nil, errorf(msgGraderCrash, failed.state)
}

// progressLines is the parent's end of the grade worker's stdout: it
// passes each "progress DONE TOTAL" line to report.
type progressLines struct {
	report func(done, total int)
	line   []byte // a line read in part
}

// maxProgressLine bounds a line kept in part; the worker writes no longer
// ones, so a longer line is dropped.
const maxProgressLine = 256

func (p *progressLines) Write(b []byte) (int, error) {
	p.line = append(p.line, b...)
	for {
		i := bytes.IndexByte(p.line, '\n')
		if i < 0 {
			break
		}
		var done, total int
		if _, err := fmt.Sscanf(string(p.line[:i]), "progress %d %d", &done, &total); err == nil && p.report != nil {
			p.report(done, total)
		}
		p.line = p.line[i+1:]
	}
	if len(p.line) > maxProgressLine {
		p.line = p.line[:0]
	}
	return len(b), nil
}

var msgGraderCrash = i18n.Text{
	En: "internal error: the worker process that grades the program failed: %v",
	Zh: "内部错误：负责评分的工作进程出错了：%v",
}
