package checker

import (
	"context"
	"fmt"
	"go/ast"
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/runner"
)

// The exercises of lessons 5 to 8: dynamic stacks, the G-P-M scheduler,
// GOMAXPROCS, channels.

// predictSpawnOrder grades a prediction against the simulator: the
// expected order is what the lesson's scenario prints with one P.
var predictSpawnOrder = &Exercise{
	ID:    "predict-spawn-order",
	Seeds: 1,
	Procs: []int{1},
	setup: func(ctx context.Context) error {
		order, err := scenarioOrder(ctx, "predict-spawn-order-scenario")
		spawnOrder = order
		return err
	},
	Cases: []Case{
		MustNotUse(GoStmt).Says(msgOnlyPredict),
		MustNotUse(Import("runtime")).Says(msgOnlyPredict),
		MustNotUse(Import("sync")).Says(msgOnlyPredict),
		MustNotUse(Import("gpm")).Says(msgOnlyPredict),
		EndsNormally(),
		runCase("prediction", i18n.Text{En: "prints the order in which the scenario's goroutines print", Zh: "打印出场景中各 goroutine 的打印顺序"},
			i18n.Text{}, gradePrediction),
	},
}

var msgOnlyPredict = i18n.Text{
	En: "Your program should only print your prediction; it must not start goroutines.",
	Zh: "你的程序只需打印你的预测，不能启动 goroutine。",
}

// spawnOrder is the order the scenario prints, set by setup.
var spawnOrder []int

// scenarioOrder runs a lesson snippet with one P under seeds 0 to 5 and
// returns the integers it prints, which must be the same every time.
func scenarioOrder(ctx context.Context, id string) ([]int, error) {
	src, ok := scenarios[id]
	if !ok {
		return nil, fmt.Errorf("no snippet %s in the lessons", id)
	}
	var first []int
	for seed := range uint64(6) {
		res, err := runner.Run(ctx, []byte(src), runner.Options{Procs: 1, Seed: seed})
		if err != nil {
			return nil, err
		}
		if res.Outcome != runner.OutcomeOK {
			return nil, fmt.Errorf("snippet %s: %v: %s", id, res.Outcome, res.Stderr)
		}
		got := ints(string(res.Stdout))
		if seed == 0 {
			first = got
		} else if !slices.Equal(got, first) {
			return nil, fmt.Errorf("snippet %s prints %v with seed 0 but %v with seed %d", id, first, got, seed)
		}
	}
	return first, nil
}

var intRE = regexp.MustCompile(`-?\d+`)

// ints returns the integers in s, in order.
func ints(s string) []int {
	var out []int
	for _, m := range intRE.FindAllString(s, -1) {
		if n, err := strconv.Atoi(m); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// onePerLine reports whether every line of s is one integer.
func onePerLine(s string) bool {
	for _, l := range lines(s) {
		if _, err := strconv.Atoi(strings.TrimSpace(l)); err != nil {
			return false
		}
	}
	return true
}

func intsText(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, " ")
}

// gradePrediction compares the prediction with the scenario's order,
// saying where it first goes wrong without giving the answer away.
func gradePrediction(r *Run) *failure {
	got, want := ints(r.Stdout), spawnOrder
	if slices.Equal(got, want) && !onePerLine(r.Stdout) {
		return &failure{
			got:  text(r.Stdout),
			want: tr("one number per line", "每行一个数"),
			msg: i18n.Text{
				En: "Print your prediction one number per line, as the scenario prints its numbers.",
				Zh: "请每行打印一个数，就像场景打印它的数那样。",
			},
		}
	}
	if slices.Equal(got, want) {
		return nil
	}
	f := &failure{got: text(intsText(got)), want: tr("the order the scenario prints (not shown)", "场景实际的打印顺序（不显示）")}
	sorted := slices.Clone(got)
	slices.Sort(sorted)
	perm := slices.Clone(want)
	slices.Sort(perm)
	if !slices.Equal(sorted, perm) {
		f.msg = i18n.Text{
			En: fmt.Sprintf("Your prediction must be the numbers %s, each exactly once, in the order you expect.", intsText(perm)),
			Zh: fmt.Sprintf("你的预测必须由 %s 这几个数组成，每个恰好出现一次，按你认为的顺序排列。", intsText(perm)),
		}
		return f
	}
	k := 0
	for got[k] == want[k] {
		k++
	}
	switch {
	case got[0] == len(want)-1:
		f.msg = i18n.Text{
			En: "The first three numbers are wrong. runtime.Gosched() gives up the P: what runs before main gets it back, and where does main wait meanwhile?",
			Zh: "前三个数不对。runtime.Gosched() 会让出 P：在 main 拿回 P 之前，谁先运行了？这段时间 main 在哪里等？",
		}
	case k == 0 && got[0] == 0:
		f.msg = i18n.Text{
			En: "Goroutine 0 is not the first to print. Where does a new goroutine go, runnext or the tail of the queue, and which one does the P look at first?",
			Zh: "第一个打印的不是 0 号。新建的 goroutine 进了哪里，runnext 还是队尾？P 先看哪一个？",
		}
	default:
		f.msg = i18n.Text{
			En: fmt.Sprintf("Your first %d numbers are right; number %d is not. Follow the queues step by step from there: runnext, the local queue, the global queue.", k, k+1),
			Zh: fmt.Sprintf("你的前 %d 个数是对的，第 %d 个不对。从那里开始一步步跟踪各个队列：runnext、本地队列、全局队列。", k, k+1),
		}
	}
	return f
}

var parallelSpeedup = &Exercise{
	ID:      "parallel-speedup",
	Inputs:  []Variation{{{"part * part", "part * part * part"}}},
	Compare: Compare{Ignore: regexp.MustCompile(`^time: `)},
	Seeds:   6,
	Cases: []Case{
		EndsNormally(),
		OutputMatches(`total: 30\ntime: \S+`).Explain(func(r *Run) bool {
			return strings.HasPrefix(r.Stdout, "total: ") && !strings.HasPrefix(r.Stdout, "total: 30\n")
		}, i18n.Text{
			En: "main printed before the parts were processed: wait for the four goroutines, with a sync.WaitGroup or a channel.",
			Zh: "main 在各部分处理完之前就打印了：用 sync.WaitGroup 或通道等这四个 goroutine 结束。",
		}),
		VirtualTime(0, 25*time.Millisecond).ForProcs(4).As("virtual-time-procs-4").Explain(took80, msgStill80),
		// The reference takes 48.8ms with two Ps (the simulator leaves one
		// P idle for the last part), the starter 80ms.
		VirtualTime(0, 60*time.Millisecond).ForProcs(2).As("virtual-time-procs-2").Explain(took80, msgStill80),
		Parallel(4).Explain(func(r *Run) bool { return r.Busy <= 1 }, msgStill80),
		runCase("same-work", i18n.Text{En: "does the same work: four gpm.Work calls of 20ms", Zh: "工作量不变：四次 20 毫秒的 gpm.Work"},
			i18n.Text{
				En: "Keep process as it is: each of the four parts needs its 20 ms of CPU.",
				Zh: "process 保持原样：四个部分各自需要 20 毫秒的 CPU。",
			},
			func(r *Run) *failure {
				// The counts are the simulator's, complete however long the
				// run; the trace, when it has every call, shows each one's length.
				st := r.Result.Stats
				ok := st.WorkCalls == 4 && st.WorkTime == int64(80*time.Millisecond)
				for _, w := range r.Works {
					ok = ok && w == int64(20*time.Millisecond)
				}
				if ok {
					return nil
				}
				all := time.Duration(st.WorkTime).String()
				return &failure{
					got:  tr(fmt.Sprintf("%d calls, %s in all", st.WorkCalls, all), fmt.Sprintf("%d 次调用，共 %s", st.WorkCalls, all)),
					want: tr("4 calls of 20ms, 80ms in all", "4 次调用，每次 20ms，共 80ms"),
				}
			}),
		NoLeak(),
		MustUse(GoStmt),
		MustNotUse(ClockWait).Says(i18n.Text{
			En: "Do not sleep to wait: a sleep is a guess, not a wait. Use a sync.WaitGroup or a channel.",
			Zh: "不要用睡眠来等：睡眠只是猜测，不是真正的等待。请用 sync.WaitGroup 或通道。",
		}),
		MustNotUse(setProcs).Says(i18n.Text{
			En: "Do not change GOMAXPROCS: the checker runs your program with 1, 2 and 4 Ps, and it must use the Ps it is given.",
			Zh: "不要修改 GOMAXPROCS：检查器会用 1、2、4 个 P 运行你的程序，程序要用好给它的 P。",
		}),
		KeepFunc("process"),
		NoDataRace(),
	},
}

// took80 reports a run as slow as the serial starter.
func took80(r *Run) bool { return r.Result.VirtualTime >= int64(80*time.Millisecond) }

var msgStill80 = i18n.Text{
	En: "Still 80 ms: you wait for each part before starting the next, so only one P works at a time. Start all four, then wait once.",
	Zh: "还是 80 毫秒：你每启动一个部分就等它做完，才启动下一个，所以同一时刻只有一个 P 在干活。先把四个都启动，再等一次。",
}

// setProcs is runtime.GOMAXPROCS(n) with n other than the literal 0.
var setProcs = Construct{
	ID:   "set-gomaxprocs",
	Name: i18n.Text{En: "runtime.GOMAXPROCS(n) with n ≠ 0", Zh: "参数不为 0 的 runtime.GOMAXPROCS(n)"},
	match: func(s *Source, n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !s.isRef(call.Fun, "runtime", "GOMAXPROCS") || len(call.Args) != 1 {
			return false
		}
		lit, ok := call.Args[0].(*ast.BasicLit)
		return !ok || lit.Kind != token.INT || lit.Value != "0"
	},
}

var firstChannel = &Exercise{
	ID:     "first-channel",
	Inputs: []Variation{{{"i <= hi", "i < hi"}}},
	Seeds:  6,
	Cases: []Case{
		EndsNormally(),
		Output("sum: 5050\n").
			Explain(func(r *Run) bool { return r.Printed("sum: 1275") || r.Printed("sum: 3775") }, msgOneReceive).
			Explain(func(r *Run) bool { return r.Printed("sum: 0") }, i18n.Text{
				En: "sum: 0: main printed before the two halves were summed. Let each goroutine send its partial sum on a channel, and let main receive both before it prints.",
				Zh: "sum: 0：两半还没算完，main 就打印了。让每个 goroutine 把部分和发送到通道上，main 收到两个值之后再打印。",
			}),
		NoLeak().Explain(func(r *Run) bool { return len(r.Leaked) > 0 && r.Leaked[0].Status == "chan send" }, msgOneReceive),
		MustUse(Channel),
		MustUse(Send("")),
		MustUse(Recv("").In("main")),
		MustNotUse(ClockWait).Says(i18n.Text{
			En: "Do not sleep to wait: receiving from the channel is the wait.",
			Zh: "不要用睡眠来等：从通道接收本身就是在等待。",
		}),
		MustNotUse(Import("sync")).Says(msgChannelOnly),
		MustNotUse(Import("sync/atomic")).Says(msgChannelOnly),
		NoOuterWrites().Says(i18n.Text{
			En: "The sums still travel through shared variables. Send the partial sums themselves on the channel: a chan int can carry both the data and the signal.",
			Zh: "部分和仍然通过共享变量传递。把部分和本身发送到通道里：一个 chan int 既能传数据，也能传信号。",
		}),
		MustNotUse(wholeSum).Says(i18n.Text{
			En: "Keep the two halves: the point is to bring two results back over one channel.",
			Zh: "保留两半：这个练习的重点是通过一个通道把两个结果送回来。",
		}),
		KeepFunc("sum"),
	},
}

var msgOneReceive = i18n.Text{
	En: "Two goroutines send, but main receives once: it prints one half, and the other goroutine waits forever. Receive once per sender.",
	Zh: "有两个 goroutine 发送，main 却只接收了一次：它只打印了一半，另一个 goroutine 会永远等下去。有几个发送方就接收几次。",
}

var msgChannelOnly = i18n.Text{
	En: "Use the channel alone, without package sync: it carries the sums and does the waiting.",
	Zh: "只用通道，不用 sync 包：通道既传递部分和，也负责等待。",
}

// wholeSum is the call sum(1, 100): the whole range at once.
var wholeSum = Construct{
	ID:   "whole-sum",
	Name: i18n.Text{En: "sum(1, 100)", Zh: "sum(1, 100)"},
	match: func(_ *Source, n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !isIdent(call.Fun, "sum") || len(call.Args) != 2 {
			return false
		}
		lo, ok1 := call.Args[0].(*ast.BasicLit)
		hi, ok2 := call.Args[1].(*ast.BasicLit)
		return ok1 && ok2 && lo.Value == "1" && hi.Value == "100"
	},
}

var stackBudget = &Exercise{
	ID:     "stack-budget",
	Inputs: []Variation{{{"10_000", "9_999"}}},
	Seeds:  2, // the program has one goroutine: schedules hardly differ
	Cases: []Case{
		sourceCase("sets-max-stack", i18n.Text{En: "main starts with debug.SetMaxStack(16 << 10)", Zh: "main 的第一句是 debug.SetMaxStack(16 << 10)"},
			i18n.Text{
				En: "The first statement of main must set the budget: debug.SetMaxStack(16 << 10), from runtime/debug.",
				Zh: "main 的第一句必须设置预算：debug.SetMaxStack(16 << 10)（来自 runtime/debug）。",
			},
			func(s *Source) *failure {
				if setsMaxStack(s, 16<<10) {
					return nil
				}
				return &failure{got: tr("another first statement", "第一句不是它"), want: text("debug.SetMaxStack(16 << 10)")}
			}),
		EndsNormally().
			Explain(func(r *Run) bool { return stackOverflow(r) && overflowG(r) > 1 }, i18n.Text{
				En: "Stack overflow in a goroutine other than main: the budget applies to every goroutine, not only to main. Moving the recursion elsewhere does not make it need less stack; remove the recursion.",
				Zh: "main 之外的 goroutine 栈溢出了：预算对每个 goroutine 都有效，不只是 main。把递归挪到别处并不会让它少用栈；请去掉递归。",
			}).
			Explain(func(r *Run) bool { return stackOverflow(r) && r.Source.Has(tailCall) }, i18n.Text{
				En: "Stack overflow: Go does not turn tail calls into jumps, so sum(n-1, acc+n) still needs one frame per call. Use a loop.",
				Zh: "栈溢出：Go 不会把尾调用变成跳转，sum(n-1, acc+n) 仍然是每次调用一个栈帧。请改用循环。",
			}).
			Explain(stackOverflow, i18n.Text{
				En: "Stack overflow: each recursive call of sum takes a frame, and 10,000 frames do not fit in 16 KiB. Compute the sum with a loop, in one frame.",
				Zh: "栈溢出：sum 每递归调用一次就占一个栈帧，10,000 个栈帧放不进 16 KiB。请用循环在一个栈帧里算出这个和。",
			}),
		OutputMatches(`sum: 50005000\nstack: \d+ KiB`),
		runCase("stack-within-budget", i18n.Text{En: "no goroutine's stack grows past 16 KiB", Zh: "任何 goroutine 的栈都不超过 16 KiB"},
			i18n.Text{
				En: "A stack grew past the 16 KiB budget: the recursion needs one frame per number. Add up in a loop instead.",
				Zh: "有 goroutine 的栈超出了 16 KiB 的预算：递归每个数都要一个栈帧。请改用循环求和。",
			},
			func(r *Run) *failure {
				if r.MaxStack <= 16<<10 {
					return nil
				}
				return &failure{got: text(fmt.Sprintf("%d KiB", r.MaxStack>>10)), want: tr("at most 16 KiB", "不超过 16 KiB")}
			}),
		MustNotUse(Construct{
			ID:   "const-50005000",
			Name: i18n.Text{En: "the constant 50005000", Zh: "常量 50005000"},
			match: func(_ *Source, n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				return ok && strings.ReplaceAll(lit.Value, "_", "") == "50005000"
			},
		}).Says(i18n.Text{
			En: "Compute the sum of 1 to 10,000; do not print it as a constant.",
			Zh: "要把 1 到 10,000 加起来算出结果，不能直接打印一个常量。",
		}),
	},
}

// stackOverflow reports a run that died of a stack overflow.
func stackOverflow(r *Run) bool {
	return r.Result.Outcome == runner.OutcomeFatal && strings.Contains(string(r.Result.Stderr), "stack overflow")
}

// overflowG is the goroutine whose stack overflowed: the first one the
// fatal error lists.
func overflowG(r *Run) int64 {
	if len(r.Blocked) == 0 {
		return 0
	}
	return r.Blocked[0].ID
}

// tailCall is a function whose return statement calls the function
// itself: tail recursion.
var tailCall = Construct{
	ID:   "tail-call",
	Name: i18n.Text{En: "tail recursion", Zh: "尾递归"},
	where: func(_ *Source, n ast.Node) ast.Node {
		fd := n.(*ast.FuncDecl)
		return firstIn(fd.Body, func(n ast.Node, _ bool) bool {
			ret, ok := n.(*ast.ReturnStmt)
			if !ok || len(ret.Results) != 1 {
				return false
			}
			call, ok := ret.Results[0].(*ast.CallExpr)
			return ok && isIdent(call.Fun, fd.Name.Name)
		})
	},
	match: func(s *Source, n ast.Node) bool {
		fd, ok := n.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			return false
		}
		found := false
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
				if call, ok := ret.Results[0].(*ast.CallExpr); ok && isIdent(call.Fun, fd.Name.Name) {
					found = true
				}
			}
			return !found
		})
		return found
	},
}

// setsMaxStack reports whether the first statement of main is
// debug.SetMaxStack(n) with a constant expression equal to n.
func setsMaxStack(s *Source, n int64) bool {
	for _, d := range s.File.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != "main" || fd.Recv != nil || fd.Body == nil || len(fd.Body.List) == 0 {
			continue
		}
		// debug.SetMaxStack(n), or _ = debug.SetMaxStack(n): the old
		// limit it returns may be dropped either way.
		var x ast.Expr
		switch st := fd.Body.List[0].(type) {
		case *ast.ExprStmt:
			x = st.X
		case *ast.AssignStmt:
			if len(st.Lhs) == 1 && isIdent(st.Lhs[0], "_") && len(st.Rhs) == 1 {
				x = st.Rhs[0]
			}
		}
		call, ok := x.(*ast.CallExpr)
		if !ok || !s.isRef(call.Fun, "runtime/debug", "SetMaxStack") || len(call.Args) != 1 {
			return false
		}
		v, ok := constInt(call.Args[0])
		return ok && v == n
	}
	return false
}

// constInt evaluates a small constant integer expression: literals, +, -,
// *, / and shifts.
func constInt(e ast.Expr) (int64, bool) {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return constInt(e.X)
	case *ast.Ident:
		// A named constant of the file: const budget = 16 << 10.
		if e.Obj != nil && e.Obj.Kind == ast.Con {
			if vs, ok := e.Obj.Decl.(*ast.ValueSpec); ok {
				for i, name := range vs.Names {
					if name.Name == e.Name && i < len(vs.Values) {
						return constInt(vs.Values[i])
					}
				}
			}
		}
	case *ast.BasicLit:
		if e.Kind != token.INT {
			return 0, false
		}
		v, err := strconv.ParseInt(strings.ReplaceAll(e.Value, "_", ""), 0, 64)
		return v, err == nil
	case *ast.BinaryExpr:
		x, ok1 := constInt(e.X)
		y, ok2 := constInt(e.Y)
		if !ok1 || !ok2 {
			return 0, false
		}
		switch e.Op {
		case token.ADD:
			return x + y, true
		case token.SUB:
			return x - y, true
		case token.MUL:
			return x * y, true
		case token.QUO:
			if y != 0 {
				return x / y, true
			}
		case token.SHL:
			if y >= 0 && y < 63 {
				return x << y, true
			}
		}
	}
	return 0, false
}
