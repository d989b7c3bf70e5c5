package checker

import (
	"fmt"
	"go/ast"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/runner"
)

// Case is one check of an exercise: either a source case, applied once to
// the program's syntax tree, or a run case, applied to the run of every
// schedule. Build cases with the constructors below; the zero Case is not
// useful.
type Case struct {
	// ID names the check in a stable, language-neutral way ("ends-normally",
	// "output", "uses-go-statement"): the JSON report and the corpus of
	// wrong answers name checks by it. Unique within an exercise.
	ID string
	// Name says what is checked, as the report's line for it.
	Name i18n.Text

	msg       i18n.Text              // said when the case fails, unless an explanation or the failure says more
	said      bool                   // msg was set by Says: it wins over the failure's own message
	source    func(*Source) *failure // a source case
	run       func(*Run) *failure    // a run case
	minProcs  int                    // a run case applies only to schedules with at least this many Ps
	onlyProcs []int                  // if set, a run case applies only to schedules with one of these
	always    bool                   // also applies to runs that did not end normally
	race      bool                   // needs the race detector in every run (NoDataRace)
	timeline  bool                   // a failure is best understood from the run's timeline
	summary   bool                   // a failure shows in run --summary (virtual time, Ps busy)
	explain   []explanation          // messages for typical wrong answers
}

// failure is how a case failed: what was seen and what was wanted, and
// optionally a message more precise than the case's own.
type failure struct {
	got, want i18n.Text
	msg       i18n.Text
	// line and col are where in the program the fault is, when a source
	// case found it at one place (1-based; 0 when unknown).
	line, col int
}

// at sets f's position to n's in s, and returns f.
func (f *failure) at(s *Source, n ast.Node) *failure {
	p := s.Fset.Position(n.Pos())
	f.line, f.col = p.Line, p.Column
	return f
}

// text is s in both languages: program output, code, numbers.
func text(s string) i18n.Text { return i18n.Text{En: s} }

// tr is a text in English and Chinese.
func tr(en, zh string) i18n.Text { return i18n.Text{En: en, Zh: zh} }

// explanation is a message for a typical wrong answer, said when the
// failing run matches.
type explanation struct {
	when func(*Run) bool
	msg  i18n.Text
}

// Explain makes the case say msg when it fails on a run for which when
// reports true; the first matching explanation wins. It applies to run
// cases; a source case's message is set with [Case.Says].
func (c Case) Explain(when func(*Run) bool, msg i18n.Text) Case {
	c.explain = append(slices.Clone(c.explain), explanation{when, msg})
	return c
}

// Says replaces the case's default message.
func (c Case) Says(msg i18n.Text) Case {
	c.msg, c.said = msg, true
	return c
}

// As replaces the case's id, for an exercise that has two cases of one
// kind (two virtual-time budgets, say).
func (c Case) As(id string) Case {
	c.ID = id
	return c
}

// Named replaces the case's name.
func (c Case) Named(name i18n.Text) Case {
	c.Name = name
	return c
}

// OnProcs restricts a run case to the schedules with at least n Ps.
func (c Case) OnProcs(n int) Case {
	c.minProcs = n
	return c
}

// ForProcs restricts a run case to the schedules whose procs is one of ps.
func (c Case) ForProcs(ps ...int) Case {
	c.onlyProcs = ps
	return c
}

// appliesTo reports whether a run case applies to a schedule with procs Ps.
func (c Case) appliesTo(procs int) bool {
	return procs >= c.minProcs && (c.onlyProcs == nil || slices.Contains(c.onlyProcs, procs))
}

// IsSource reports whether the case looks at the source rather than runs.
func (c Case) IsSource() bool { return c.source != nil }

// message picks what a failing case says about run r (nil for a source
// case): an explanation that matches, else the message given with Says,
// else the failure's own message, else the case's default.
func (c Case) message(r *Run, f *failure) i18n.Text {
	if r != nil {
		for _, e := range c.explain {
			if e.when(r) {
				return e.msg
			}
		}
	}
	if f.msg.En != "" && !c.said {
		return f.msg
	}
	return c.msg
}

func itoa(n int) string { return strconv.Itoa(n) }

// runCase is a custom run case: fn returns nil when run r passes.
func runCase(id string, name, msg i18n.Text, fn func(r *Run) *failure) Case {
	return Case{ID: id, Name: name, msg: msg, run: fn}
}

// sourceCase is a custom source case: fn returns nil when s passes.
func sourceCase(id string, name, msg i18n.Text, fn func(s *Source) *failure) Case {
	return Case{ID: id, Name: name, msg: msg, source: fn}
}

// atLeastGoroutines is a run case that checks that the program starts at
// least n goroutines besides main: the exercise's work is meant to be
// spread over them.
func atLeastGoroutines(n int, name, msg i18n.Text) Case {
	return runCase("goroutines", name, msg, func(r *Run) *failure {
		if got := r.Result.Stats.Goroutines - 1; got < n {
			return &failure{
				got:  tr(itoa(got)+" goroutines besides main", "除 main 外 "+itoa(got)+" 个"),
				want: tr("at least "+itoa(n), "至少 "+itoa(n)+" 个"),
			}
		}
		return nil
	})
}

// EndsNormally checks that every run ends with main returning: no
// deadlock, no panic, no os.Exit, no limit reached. Its default message
// depends on how the run ended.
func EndsNormally() Case {
	return Case{
		ID:     "ends-normally",
		Name:   i18n.Text{En: "ends normally: no deadlock, no panic, within the limits", Zh: "正常结束：没有死锁、没有 panic、没有超出限制"},
		always: true,
		run: func(r *Run) *failure {
			if r.OK() {
				return nil
			}
			return &failure{got: r.outcomeText(), want: wantNormalEnd, msg: r.outcomeMessage()}
		},
	}
}

var wantNormalEnd = tr("main returns (exit status 0)", "main 正常返回（退出状态 0）")

// Output checks that the program prints exactly want. As with a lesson's
// output block, trailing blanks on each line and trailing empty lines do
// not count.
func Output(want string) Case {
	wantLines := lines(want)
	return Case{
		ID:   "output",
		Name: i18n.Text{En: "prints the expected output", Zh: "输出正确"},
		msg:  i18n.Text{En: "The output is not the expected one.", Zh: "输出与预期不符。"},
		run: func(r *Run) *failure {
			if slices.Equal(lines(r.Stdout), wantLines) {
				return nil
			}
			return &failure{got: text(r.Stdout), want: text(want), msg: emptyOutput(r)}
		},
	}
}

// OutputUnordered checks that the program prints the lines of want, in
// any order.
func OutputUnordered(want string) Case {
	wantLines := lines(want)
	slices.Sort(wantLines)
	return Case{
		ID:   "output-unordered",
		Name: i18n.Text{En: "prints the expected lines, in any order", Zh: "输出的各行正确（顺序不限）"},
		msg:  i18n.Text{En: "The output does not have the expected lines.", Zh: "输出的行与预期不符。"},
		run: func(r *Run) *failure {
			got := lines(r.Stdout)
			slices.Sort(got)
			if slices.Equal(got, wantLines) {
				return nil
			}
			return &failure{got: text(r.Stdout), want: text(want), msg: emptyOutput(r)}
		},
	}
}

// OutputMatches checks that the whole output, trailing blanks and empty
// lines removed, matches the regular expression pattern, which is
// anchored at both ends and matched in multi-line mode.
func OutputMatches(pattern string) Case {
	re := regexp.MustCompile(`\A(?m:` + pattern + `)\z`)
	return Case{
		ID:   "output-matches",
		Name: i18n.Text{En: "prints output of the expected form", Zh: "输出格式正确"},
		msg:  i18n.Text{En: "The output does not have the expected form.", Zh: "输出的格式与预期不符。"},
		run: func(r *Run) *failure {
			if re.MatchString(strings.Join(lines(r.Stdout), "\n")) {
				return nil
			}
			return &failure{got: text(r.Stdout), want: text("/" + pattern + "/"), msg: emptyOutput(r)}
		},
	}
}

// emptyOutput is the message for a run that printed nothing, else empty.
func emptyOutput(r *Run) i18n.Text {
	if strings.TrimSpace(r.Stdout) != "" {
		return i18n.Text{}
	}
	return i18n.Text{
		En: "The program printed nothing. Did main return before the goroutines that print had run?",
		Zh: "程序什么也没打印。是不是负责打印的 goroutine 还没运行，main 就返回了？",
	}
}

// SameOutput checks that every schedule prints what the first one does:
// a result that depends on the schedule means something is not
// synchronized.
func SameOutput() Case {
	return Case{
		ID:   "same-output",
		Name: i18n.Text{En: "prints the same under every schedule", Zh: "在每种调度下输出都相同"},
		msg: i18n.Text{
			En: "The output depends on the schedule: this schedule printed something else than the first one. Some goroutines are not synchronized.",
			Zh: "输出取决于调度：这种调度下打印的内容和第一种调度不一样。有的 goroutine 之间缺少同步。",
		},
		timeline: true,
		run: func(r *Run) *failure {
			if r.Base == nil || r.Base == r || slices.Equal(lines(r.Stdout), lines(r.Base.Stdout)) {
				return nil
			}
			return &failure{got: text(r.Stdout), want: text(r.Base.Stdout)}
		},
	}
}

// NoLeak checks that when main returns, every goroutine the program
// started has finished.
func NoLeak() Case {
	return Case{
		ID:   "no-leak",
		Name: i18n.Text{En: "no goroutine is left behind when main returns", Zh: "main 返回时没有遗留的 goroutine"},
		msg: i18n.Text{
			En: "When main returned, some goroutines had not finished: the program ended without them. Make sure every goroutine can finish, and that main waits for it.",
			Zh: "main 返回时，还有 goroutine 没有结束：程序把它们丢下就退出了。请确保每个 goroutine 都能结束，并且 main 会等它们。",
		},
		timeline: true,
		run: func(r *Run) *failure {
			if len(r.Leaked) == 0 {
				return nil
			}
			return &failure{got: text(goroutineList(r.Leaked)), want: tr("none", "没有")}
		},
	}
}

// Parallel checks that at some virtual instant at least k Ps run the
// program's goroutines at once. It applies to the schedules with at least
// k Ps.
func Parallel(k int) Case {
	return Case{
		ID: "parallel",
		Name: i18n.Text{
			En: fmt.Sprintf("runs on at least %d Ps at the same time (with %d or more Ps)", k, k),
			Zh: fmt.Sprintf("至少 %d 个 P 同时运行（P 不少于 %d 个时）", k, k),
		},
		msg: i18n.Text{
			En: fmt.Sprintf("Your goroutines never ran on %d Ps at once: the work is not spread over the Ps. See the timeline: start the goroutines first, then wait for them.", k),
			Zh: fmt.Sprintf("你的 goroutine 从来没有同时在 %d 个 P 上运行：工作没有分摊到各个 P 上。看看时间线：先把 goroutine 都启动，再等它们。", k),
		},
		minProcs: k,
		timeline: true,
		summary:  true,
		run: func(r *Run) *failure {
			if r.Busy >= k {
				return nil
			}
			return &failure{
				got:  tr(fmt.Sprintf("at most %d Ps busy at once", r.Busy), fmt.Sprintf("同一时刻最多 %d 个 P 在忙", r.Busy)),
				want: tr(fmt.Sprintf("at least %d", k), fmt.Sprintf("至少 %d 个", k)),
			}
		},
	}
}

// VirtualTime checks that the run ends at a virtual time in [min, max).
// A zero min means no lower bound.
func VirtualTime(min, max time.Duration) Case {
	want := tr(fmt.Sprintf("less than %v", max), fmt.Sprintf("少于 %v", max))
	name := i18n.Text{En: fmt.Sprintf("ends in less than %v of virtual time", max), Zh: fmt.Sprintf("虚拟时间少于 %v", max)}
	if min > 0 {
		want = tr(fmt.Sprintf("at least %v and less than %v", min, max), fmt.Sprintf("不少于 %v 且少于 %v", min, max))
		name = i18n.Text{
			En: fmt.Sprintf("ends after %v and before %v of virtual time", min, max),
			Zh: fmt.Sprintf("虚拟时间不少于 %v 且少于 %v", min, max),
		}
	}
	return Case{
		ID:   "virtual-time",
		Name: name,
		msg: i18n.Text{
			En: "The run does not fit the virtual-time budget. The timeline shows which goroutine ran when.",
			Zh: "运行时间不在虚拟时间预算之内。时间线显示了每个 goroutine 在什么时候运行。",
		},
		timeline: true,
		summary:  true,
		run: func(r *Run) *failure {
			t := time.Duration(r.Result.VirtualTime)
			if t >= min && t < max {
				return nil
			}
			return &failure{got: tr("took "+fmtDuration(t), "用了 "+fmtDuration(t)), want: want}
		},
	}
}

// fmtDuration rounds d for a report: 1s, 400ms, 1.5ms.
func fmtDuration(d time.Duration) string {
	switch {
	case d >= time.Second:
		return d.Round(time.Millisecond).String()
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond).String()
	}
	return d.String()
}

// lines splits s into lines with trailing blanks removed and trailing
// empty lines dropped, as lesson output blocks are compared.
func lines(s string) []string {
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		ls[i] = strings.TrimRight(l, " \t\r")
	}
	for len(ls) > 0 && ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}

// outcomeText describes how a run that did not end normally ended, for
// the report's "got".
func (r *Run) outcomeText() i18n.Text {
	res := r.Result
	switch res.Outcome {
	case runner.OutcomeFatal, runner.OutcomePanic:
		return text(stderrSummary(string(res.Stderr)))
	case runner.OutcomeExit, runner.OutcomeOK:
		return text(fmt.Sprintf("os.Exit(%d)", res.ExitCode))
	case runner.OutcomeInternal:
		return text("internal error: " + firstLine(res.Detail))
	}
	return tr("stopped: "+res.Outcome.String(), "已停止："+res.Outcome.String())
}

// outcomeMessage explains how a run that did not end normally ended.
func (r *Run) outcomeMessage() i18n.Text {
	res := r.Result
	switch {
	case r.Deadlocked():
		return i18n.Text{
			En: "Deadlock: every goroutine is blocked, so the runtime stopped the program. Look at what each goroutine waits for: who was supposed to wake it up?",
			Zh: "死锁：所有 goroutine 都阻塞了，运行时只好停止程序。看看每个 goroutine 在等什么：本该由谁来唤醒它？",
		}
	case res.Outcome == runner.OutcomePanic:
		return i18n.Text{
			En: "The program panicked. The first line of the panic says why.",
			Zh: "程序 panic 了。panic 的第一行说明了原因。",
		}
	case res.Outcome == runner.OutcomeFatal:
		return i18n.Text{
			En: "The runtime stopped the program with a fatal error.",
			Zh: "运行时因致命错误停止了程序。",
		}
	case res.Outcome == runner.OutcomeExit || res.Outcome == runner.OutcomeOK:
		return i18n.Text{
			En: "The program called os.Exit with a non-zero status. Let main return instead.",
			Zh: "程序以非零状态调用了 os.Exit。请让 main 正常返回。",
		}
	case res.Outcome == runner.OutcomeInternal:
		return i18n.Text{
			En: "Internal error: the interpreter could not run this program. This is not your fault; please report it.",
			Zh: "内部错误：解释器无法运行这个程序。这不是你的错，请报告这个问题。",
		}
	}
	return i18n.Text{En: res.Message(i18n.En), Zh: res.Message(i18n.Zh)}
}

// stderrSummary keeps the first line of a panic or fatal error report and
// the headers of the goroutines it lists.
func stderrSummary(stderr string) string {
	var out []string
	for i, l := range strings.Split(stderr, "\n") {
		if i == 0 || strings.HasPrefix(l, "goroutine ") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
