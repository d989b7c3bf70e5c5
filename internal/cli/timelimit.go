package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/internal/termview"
	"github.com/gotour-gpm/gotour-gpm/runner"
)

// The time limit (--timeout) is on the CPU time the worker uses, not on
// the wall clock: on a busy machine a program gets less of the CPU, and a
// wall-clock limit then stopped output and memory bombs before they
// reached their own limits, reporting them as "ran too long" with nothing
// printed. CPU time is what the program costs, whatever the load, so the
// same program meets the same limit. The wall clock stays only as a last
// resort (busyGuard), for a worker that gets almost no CPU at all; its
// message says so.

// errTimeLimit is the cause a run is cancelled with at its time limit.
var errTimeLimit = errors.New("time limit reached")

// errBusy is the cause a run is cancelled with at its wall-clock guard.
var errBusy = errors.New("wall-clock guard reached: the program got too little CPU time")

// cpuEvery is how often the worker samples its CPU time: a sample is one
// getrusage(2), so ten times a second costs nothing, and a limit is
// overshot by at most this much.
const cpuEvery = 20 * time.Millisecond

// busyGuard is the wall-clock time after which a run whose time limit is
// limit is stopped however little CPU it used: eight times the limit and
// twenty seconds more, so that a program that gets a tenth of a core (a
// two-core machine at load average 20) still meets its own limits first.
func busyGuard(limit time.Duration) time.Duration { return 8*limit + 20*time.Second }

// withTimeLimit returns a context for a run that may use limit of CPU
// time. It ends with cause errTimeLimit once the process has used limit
// of CPU time since now, or errBusy once busyGuard(limit) of wall-clock
// time has passed. Where the CPU time cannot be read (or cpu is false: a
// run in the tool's own process, whose CPU time other work shares), the
// limit is on the wall clock.
func withTimeLimit(ctx context.Context, limit time.Duration, cpu bool) (context.Context, context.CancelFunc) {
	start, ok := processCPU()
	if !cpu || !ok {
		return context.WithTimeoutCause(ctx, limit, errTimeLimit)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	wallStart := time.Now()
	go func() {
		t := time.NewTicker(cpuEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			if used, _ := processCPU(); used-start >= limit {
				cancel(errTimeLimit)
				return
			}
			if time.Since(wallStart) >= busyGuard(limit) {
				cancel(errBusy)
				return
			}
		}
	}()
	return ctx, func() { cancel(context.Canceled) }
}

// outcomeMessage explains why the sandbox stopped res's run, in lang, or
// returns "" for a run the program ended itself. The time limit's
// message is ours (the runner's speaks of the wall clock); the others
// are the runner's.
func outcomeMessage(res *workResult, timeout time.Duration, lang i18n.Lang) string {
	if res.Outcome != runner.OutcomeTimeout {
		// An internal error's detail may quote the program.
		r := runner.Result{Outcome: res.Outcome, VirtualTime: res.VirtualTime, Detail: termview.Escape(firstLine(res.Detail)), Cut: res.Cut}
		return r.Message(lang)
	}
	if res.Busy {
		return fmt.Sprintf(msgBusy.In(lang), fmtSeconds(res.CPUTime), fmtSeconds(res.WallTime))
	}
	return fmt.Sprintf(msgTimeLimit.In(lang), fmtSeconds(timeout))
}

// fmtSeconds writes d in seconds, to a tenth.
func fmtSeconds(d time.Duration) string {
	return fmt.Sprintf("%.1fs", d.Seconds())
}

var (
	msgTimeLimit = i18n.Text{
		En: "stopped: the program used more than %s of CPU time (time limit). Is there an infinite loop?",
		Zh: "已停止：程序用掉的 CPU 时间超过了 %s（超出时间限制）。是不是写了死循环？",
	}
	msgBusy = i18n.Text{
		En: "stopped: the program got only %s of CPU time in %s: the machine is too busy, or the program's output is not being read. Try again when the machine is less busy.",
		Zh: "已停止：程序在 %[2]s 内只分到了 %[1]s 的 CPU 时间：机器太忙，或者程序的输出没有被读取。请等机器空闲一些再试。",
	}
)
