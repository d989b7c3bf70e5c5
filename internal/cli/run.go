package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/internal/termview"
	"github.com/gotour-gpm/gotour-gpm/runner"
)

// runOpts are the run command's flags.
type runOpts struct {
	procs, cpus int
	seed        uint64
	trace       string // --trace FILE, or "-" for stderr
	format      string // of the trace: text or json
	timeline    bool
	summary     bool
	race        bool // --race: the data-race detector

	timeout       time.Duration // CPU time; see timelimit.go
	maxVirtual    time.Duration
	maxSteps      int64
	maxOutput     int64
	maxGoroutines int
	maxMemory     int64
}

// minMemory is the least --max-memory: the worker's memory, which the
// watchdog measures, is about 15MB before the program allocates anything
// (yaegi and its symbol tables).
const minMemory = 32 << 20

// defaultRunOpts are the flags' defaults. The limits match runner's own
// defaults, except --max-output: 1MB, as documented, is 10^6 bytes.
func defaultRunOpts() runOpts {
	return runOpts{
		cpus:          8, // runner.Options.CPUs: the simulated 8-CPU machine
		format:        "text",
		timeout:       10 * time.Second,
		maxVirtual:    time.Hour,
		maxSteps:      200_000_000,
		maxOutput:     1_000_000,
		maxGoroutines: 100_000,
		maxMemory:     1 << 30,
	}
}

func newRunCmd(e *env) *cobra.Command {
	o := defaultRunOpts()
	cmd := &cobra.Command{
		Use:  "run FILE.go",
		Args: e.oneArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.check(cmd); err != nil {
				return err
			}
			return e.runFile(cmd.Context(), args[0], &o)
		},
	}
	e.describe(cmd, i18n.Text{
		En: "Run a Go program on the simulated scheduler",
		Zh: "在模拟调度器上运行 Go 程序",
	}, i18n.Text{
		En: `Run an ordinary Go program (package main, one file) on the simulated G-P-M
scheduler. Its output and exit code are what the real binary would give:
0, 2 after a panic or fatal error such as a deadlock, N after os.Exit(N),
1 if it does not compile.

GOMAXPROCS is --procs, else the GOMAXPROCS environment variable, else the
number of simulated CPUs (--cpus). The same --seed gives the same run.

The program is stopped when it reaches a limit; gotour-gpm then says so
on stderr and exits with the limit's code: 80 CPU time (--timeout),
81 virtual time, 82 scheduling steps, 83 output, 84 goroutines, 85 memory.
70 is an internal error. --timeout counts the CPU time the run uses, so a
busy machine slows a program down without changing which limit stops it;
a run that gets almost no CPU is stopped after 8 times --timeout plus 20s
of wall-clock time, also with code 80, saying the machine is too busy.

--summary, --timeline and --trace - write to stderr after the program's
own output; the program's stdout stays exactly its own. As with go run,
what the program prints reaches the terminal as it is, escape sequences
included; gotour-gpm's own reports (check's, the lessons) show control
characters quoted instead, as \x1b.

--race reports each data race on stderr when it happens, in the shape of
the race detector's reports, and a program that had one and would exit 0
exits 66, as with go run -race.`,
		Zh: `在模拟的 GPM 调度器上运行普通的 Go 程序（单个文件，package main）。
程序的输出和退出码与真实编译运行时相同：正常结束为 0，panic 或死锁等
致命错误为 2，os.Exit(N) 为 N，无法编译为 1。

GOMAXPROCS 取 --procs；未指定时取环境变量 GOMAXPROCS；都没有时等于
模拟的 CPU 数（--cpus）。相同的 --seed 得到相同的运行过程。

程序触及某项限制时会被停止，gotour-gpm 在标准错误上说明原因，并以对应的
退出码结束：80 CPU 时间（--timeout），81 虚拟时间，82 调度步数，83 输出量，
84 goroutine 数，85 内存。70 表示内部错误。--timeout 计的是运行所用的 CPU
时间，所以机器繁忙只会让程序变慢，不会改变让它停下的是哪项限制；几乎分不到
CPU 的运行会在真实时间达到 --timeout 的 8 倍再加 20 秒时被停止，退出码同样
是 80，并说明机器太忙。

--summary、--timeline 和 --trace - 在程序自己的输出之后写到标准错误；
标准输出只包含程序自己的输出。和 go run 一样，程序打印的内容原样送到终端，
包括转义序列；gotour-gpm 自己的报告（check 的报告、课程页面）则把控制字符
写成转义形式，例如 \x1b。

--race 在每个数据竞争发生时，按竞争检测器的报告格式把它写到标准错误；
发生过数据竞争、本应以 0 退出的程序改以 66 退出，与 go run -race 相同。`,
	})
	e.runFlags(cmd, &o)
	return cmd
}

// runFlags defines the run command's flags on cmd, with bilingual help.
func (e *env) runFlags(cmd *cobra.Command, o *runOpts) {
	fs := cmd.Flags()
	flag := func(name string, en, zh string) {
		e.describeFlag(fs, name, i18n.Text{En: en, Zh: zh})
	}
	fs.IntVar(&o.procs, "procs", 0, "")
	flag("procs", "run with GOMAXPROCS=`N` Ps (default: $GOMAXPROCS, else --cpus)",
		"以 GOMAXPROCS=`N` 个 P 运行（默认取 $GOMAXPROCS，否则等于 --cpus）")
	fs.IntVar(&o.cpus, "cpus", o.cpus, "")
	flag("cpus", "simulate a machine with `N` CPUs", "模拟一台有 `N` 个 CPU 的机器")
	fs.Uint64Var(&o.seed, "seed", 0, "")
	flag("seed", "seed `S` for the simulator's random choices", "模拟器随机选择所用的种子 `S`")
	fs.StringVar(&o.trace, "trace", "", "")
	flag("trace", "write the scheduler's trace to `FILE` (\"-\" for stderr)",
		"把调度器的跟踪记录写到 `FILE`（\"-\" 表示标准错误）")
	fs.Var(formatFlag{&o.format}, "format", "")
	flag("format", "format of the trace", "跟踪记录的格式")
	fs.BoolVar(&o.timeline, "timeline", false, "")
	flag("timeline", "draw which goroutine ran on each P, over time, on stderr",
		"在标准错误上画出每个 P 随时间运行了哪个 goroutine")
	fs.BoolVar(&o.summary, "summary", false, "")
	flag("summary", "print the run's scheduler statistics on stderr", "在标准错误上打印本次运行的调度统计")
	fs.BoolVar(&o.race, "race", false, "")
	flag("race", "detect data races and report them as go run -race does (exit 66)",
		"检测数据竞争，并像 go run -race 那样报告（退出码 66）")

	fs.DurationVar(&o.timeout, "timeout", o.timeout, "")
	flag("timeout", "CPU time limit", "CPU 时间限制")
	fs.DurationVar(&o.maxVirtual, "max-virtual", o.maxVirtual, "")
	flag("max-virtual", "virtual time limit", "虚拟时间限制")
	fs.Int64Var(&o.maxSteps, "max-steps", o.maxSteps, "")
	flag("max-steps", "scheduling steps limit", "调度步数限制")
	fs.Var(sizeFlag{"max-output", &o.maxOutput}, "max-output", "")
	flag("max-output", "limit on stdout plus stderr", "标准输出与标准错误的总量限制")
	fs.IntVar(&o.maxGoroutines, "max-goroutines", o.maxGoroutines, "")
	flag("max-goroutines", "limit on goroutines alive at once", "同时存活的 goroutine 数量限制")
	fs.Var(sizeFlag{"max-memory", &o.maxMemory}, "max-memory", "")
	flag("max-memory", "memory limit", "内存限制")
}

// check rejects flag values out of range, as usage errors.
func (o *runOpts) check(cmd *cobra.Command) error {
	var err error
	between := i18n.Text{En: "--%s must be between 1 and %d", Zh: "--%s 必须在 1 到 %d 之间"}
	positive := i18n.Text{En: "--%s must be positive", Zh: "--%s 必须大于 0"}
	switch {
	case cmd.Flags().Changed("procs") && (o.procs < 1 || o.procs > maxProcs):
		err = errorf(between, "procs", maxProcs)
	case o.cpus < 1 || o.cpus > maxProcs:
		err = errorf(between, "cpus", maxProcs)
	case o.timeout <= 0:
		err = errorf(positive, "timeout")
	case o.maxVirtual <= 0:
		err = errorf(positive, "max-virtual")
	case o.maxSteps <= 0:
		err = errorf(positive, "max-steps")
	case o.maxGoroutines <= 0:
		err = errorf(positive, "max-goroutines")
	case o.maxMemory < minMemory:
		err = errorf(i18n.Text{
			En: "--max-memory must be at least %s: the interpreter itself needs about 15MB",
			Zh: "--max-memory 至少为 %s：解释器本身就需要约 15MB",
		}, formatSize(minMemory))
	default:
		return nil
	}
	return &usageError{err: err, cmd: cmd.CommandPath()}
}

// runFile runs the program in file and reports it; see newRunCmd.
func (e *env) runFile(ctx context.Context, file string, o *runOpts) error {
	procs := o.procs
	if procs == 0 {
		procs = envProcs(e.getenv("GOMAXPROCS"))
		if procs > maxProcs {
			return errorf(i18n.Text{
				En: "GOMAXPROCS=%d is more than the simulator supports (%d)",
				Zh: "GOMAXPROCS=%d 超出了模拟器支持的上限（%d）",
			}, procs, maxProcs)
		}
	}
	src, err := e.readSource(file, errorf(i18n.Text{En: "no such file: %s", Zh: "文件不存在：%s"}, file))
	var refused *compileRefusal
	if errors.As(err, &refused) {
		fmt.Fprintln(e.stderr, refused.msg)
		return &ExitError{Code: 1}
	}
	if err != nil {
		return err
	}
	req := &workRequest{
		Filename: file,
		Source:   string(src),
		Procs:    procs,
		CPUs:     o.cpus,
		Seed:     o.seed,
		Limits: runner.Limits{
			VirtualTime: int64(o.maxVirtual),
			Steps:       o.maxSteps,
			Output:      int(o.maxOutput),
			Goroutines:  o.maxGoroutines,
		},
		Timeout:   o.timeout,
		MaxMemory: o.maxMemory,
		Trace:     o.trace != "" || o.timeline,
		Race:      o.race,
	}
	var res *workResult
	if e.inProcess {
		res = execute(ctx, req, e.stdout, e.stderr, false)
	} else if res, err = e.spawn(ctx, req); err != nil {
		e.printError(err)
		return &ExitError{Code: runner.OutcomeInternal.ExitCode()}
	}
	if err := e.report(res, o); err != nil {
		return err
	}
	if res.ExitCode != 0 {
		return &ExitError{Code: res.ExitCode}
	}
	return nil
}

// report prints, on stderr or into the trace file, what the run command
// adds to the program's own output: why a limit stopped it, then the
// extras the flags asked for.
func (e *env) report(res *workResult, o *runOpts) error {
	if msg := outcomeMessage(res, o.timeout, e.lang); msg != "" {
		fmt.Fprintf(e.stderr, "gotour-gpm: %s\n", msg)
	}
	if res.Outcome == runner.OutcomeCompileError {
		return nil // nothing ran
	}
	if o.summary {
		fmt.Fprint(e.stderr, termview.Summary(res.Stats, res.VirtualTime, res.Procs, o.seed, e.lang))
	}
	if (o.timeline || o.trace != "") && res.Trace == nil {
		fmt.Fprintln(e.stderr, "gotour-gpm: "+i18n.Text{
			En: "no trace: the program's goroutines did not stop in time",
			Zh: "没有跟踪记录：程序的 goroutine 没能及时停下",
		}.In(e.lang))
		return nil
	}
	if o.timeline {
		tl := termview.Timeline(&runner.Result{Trace: res.Trace, VirtualTime: res.VirtualTime, Procs: res.Procs},
			termview.Options{Lang: e.lang})
		io.WriteString(e.stderr, "gotour-gpm: "+tl)
	}
	if o.trace != "" {
		return e.writeTrace(res, o)
	}
	return nil
}

// writeTrace writes the trace to --trace's file, or to stderr for "-".
func (e *env) writeTrace(res *workResult, o *runOpts) error {
	write := res.Trace.WriteText
	if o.format == "json" {
		write = res.Trace.WriteJSON
	}
	var err error
	if o.trace == "-" {
		err = write(e.stderr)
	} else {
		var f io.WriteCloser
		if f, err = e.createFile(o.trace); err == nil {
			err = write(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
	}
	if err != nil {
		return errorf(i18n.Text{En: "cannot write the trace: %v", Zh: "无法写入跟踪记录：%v"}, err)
	}
	return nil
}

// firstLine returns s up to its first newline: the runner's internal error
// detail can carry the interpreter's stack, which is not for learners.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// oneArg is the argument check for commands that take exactly one
// argument.
func (e *env) oneArg(cmd *cobra.Command, args []string) error {
	if len(args) == 1 {
		return nil
	}
	return &usageError{
		err: errorf(i18n.Text{
			En: "%q takes one argument, got %d",
			Zh: "%q 需要一个参数，却收到了 %d 个",
		}, cmd.CommandPath(), len(args)),
		cmd: cmd.CommandPath(),
	}
}
