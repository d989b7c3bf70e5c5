package runner

import (
	"fmt"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// Outcome is how a run ended.
type Outcome uint8

// The outcomes. The first five are the program's own doing; the limits are
// the sandbox stopping it.
const (
	OutcomeOK           Outcome = iota // main returned (or os.Exit, see ExitCode)
	OutcomeCompileError                // the program did not compile
	OutcomePanic                       // an unrecovered panic
	OutcomeFatal                       // a fatal error: deadlock, stack overflow...
	OutcomeExit                        // os.Exit with a non-zero code
	OutcomeInternal                    // the interpreter failed on valid Go
	OutcomeTimeout                     // wall-clock time ran out
	OutcomeVirtualTime                 // virtual time ran out
	OutcomeSteps                       // too many scheduling steps
	OutcomeOutput                      // too much output
	OutcomeGoroutines                  // too many goroutines
	OutcomeMemory                      // too much memory
)

var outcomeNames = [...]string{"ok", "compile error", "panic", "fatal error", "exit",
	"internal error", "time limit", "virtual time limit", "step limit", "output limit",
	"goroutine limit", "memory limit"}

func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return fmt.Sprintf("outcome(%d)", o)
}

// IsLimit reports whether the sandbox, not the program, ended the run.
func (o Outcome) IsLimit() bool { return o >= OutcomeTimeout }

// ExitCode is the exit status for a run that a limit ended, distinct from
// any a Go program exits with by itself (0, 1, 2) and from shell
// conventions above 125. An internal error exits 70 (EX_SOFTWARE).
//
//	outcome               code
//	internal error          70
//	wall-clock time         80
//	virtual time            81
//	steps                   82
//	output                  83
//	goroutines              84
//	memory                  85
func (o Outcome) ExitCode() int {
	switch o {
	case OutcomeInternal:
		return 70
	case OutcomeTimeout:
		return 80
	case OutcomeVirtualTime:
		return 81
	case OutcomeSteps:
		return 82
	case OutcomeOutput:
		return 83
	case OutcomeGoroutines:
		return 84
	case OutcomeMemory:
		return 85
	}
	return 0
}

// Message explains, in the learner's language, why the sandbox stopped the
// run, and whether it cut the runtime's report. It is empty for outcomes
// the program printed itself in full.
func (r *Result) Message(lang i18n.Lang) string {
	msg := r.limitMessage(lang)
	if r.Cut {
		cut := i18n.Text{
			En: "the runtime's report above was cut at the output limit; the real program prints it whole.",
			Zh: "上面运行时的报告在输出上限处被截断了；真实的程序会完整打印它。",
		}.In(lang)
		if msg == "" {
			return cut
		}
		return msg + " " + cut
	}
	return msg
}

func (r *Result) limitMessage(lang i18n.Lang) string {
	var t i18n.Text
	switch r.Outcome {
	case OutcomeInternal:
		t = i18n.Text{
			En: "internal error: the interpreter could not run this program: " + r.Detail,
			Zh: "内部错误：解释器无法运行这个程序：" + r.Detail,
		}
	case OutcomeTimeout:
		t = i18n.Text{
			En: "stopped: the program ran too long (wall-clock time limit). Is there an infinite loop?",
			Zh: "已停止：程序运行时间过长（超出真实时间限制）。是不是写了死循环？",
		}
	case OutcomeVirtualTime:
		t = i18n.Text{
			En: fmt.Sprintf("stopped: the program used more than %s of virtual time.", fmtDur(r.VirtualTime)),
			Zh: fmt.Sprintf("已停止：程序用掉的虚拟时间超过了 %s。", fmtDur(r.VirtualTime)),
		}
	case OutcomeSteps:
		t = i18n.Text{
			En: "stopped: the program took too many scheduling steps. Is there an infinite loop?",
			Zh: "已停止：程序的调度步数太多。是不是写了死循环？",
		}
	case OutcomeOutput:
		t = i18n.Text{
			En: "stopped: the program printed too much output.",
			Zh: "已停止：程序输出的内容太多。",
		}
	case OutcomeGoroutines:
		t = i18n.Text{
			En: "stopped: the program created too many goroutines at once.",
			Zh: "已停止：程序同时创建的 goroutine 太多。",
		}
	case OutcomeMemory:
		t = i18n.Text{
			En: "stopped: the program used too much memory.",
			Zh: "已停止：程序占用的内存太多。",
		}
	default:
		return ""
	}
	return t.In(lang)
}

func fmtDur(ns int64) string {
	switch {
	case ns >= 1e9:
		return fmt.Sprintf("%gs", float64(ns)/1e9)
	case ns >= 1e6:
		return fmt.Sprintf("%gms", float64(ns)/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%gµs", float64(ns)/1e3)
	}
	return fmt.Sprintf("%dns", ns)
}
