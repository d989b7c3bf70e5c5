package checker

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"
	"time"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// The exercises of lessons 9 and 10: channel operations, select.

var fixDeadlock = &Exercise{
	ID:     "fix-deadlock",
	Inputs: []Variation{{{"3", "4"}}},
	Cases: []Case{
		EndsNormally().
			Explain(func(r *Run) bool { return r.MainBlockedOn("chan send") && r.Source.Has(bufferedMake) }, i18n.Text{
				En: "Deadlock at a send on squares: the buffer is full and the only receiver is main itself. A buffer must hold all three values, or the sends must run in another goroutine.",
				Zh: "在向 squares 发送时死锁：缓冲区满了，唯一的接收方又是 main 自己。缓冲区要装得下全部三个值，或者把发送放到另一个 goroutine 里。",
			}).
			Explain(func(r *Run) bool { return r.MainBlockedOn("chan send") }, i18n.Text{
				En: "Deadlock at the first send on squares: an unbuffered send waits for a receiver, and the only one is main itself, further down. Send from another goroutine, or give the channel a buffer for all three values.",
				Zh: "第一次向 squares 发送时就死锁了：无缓冲的发送要等接收方，而唯一的接收方是 main 自己，还在后面。请在另一个 goroutine 里发送，或者给通道一个装得下三个值的缓冲区。",
			}),
		Output("1\n4\n9\n").Explain(func(r *Run) bool { return len(lines(r.Stdout)) < 3 }, i18n.Text{
			En: "Not every square was printed: main returned before the goroutines did their work. Keep one side of the channel in main, or make main wait.",
			Zh: "没有打印出全部平方数：goroutine 还没干完活，main 就返回了。让通道的一端留在 main 里，或者让 main 等它们。",
		}),
		NoLeak(),
		sourceCase("main-receives-or-waits", i18n.Text{En: "main receives the squares, or waits for the goroutine that does", Zh: "main 自己接收平方数，或者等待负责接收的 goroutine"},
			i18n.Text{
				En: "main may return before the goroutine that prints has printed the last square. Receive in main, or make main wait for that goroutine.",
				Zh: "负责打印的 goroutine 还没打印最后一个平方数，main 可能就已经返回了。请在 main 里接收，或者让 main 等那个 goroutine。",
			},
			func(s *Source) *failure {
				for _, c := range []Construct{Recv("squares"), Recv(""), RangeOver("squares"), Method("Wait")} {
					if s.Has(c.In("main").Direct()) {
						return nil
					}
				}
				return &failure{got: tr("main neither receives nor waits", "main 既不接收也不等待"), want: tr("main receives from squares, or waits", "main 从 squares 接收，或者等待")}
			}),
	},
}

// bufferedMake is make(chan T, n), a channel with a buffer.
var bufferedMake = Construct{
	ID:   "buffered-chan",
	Name: i18n.Text{En: "a buffered channel", Zh: "带缓冲的通道"},
	match: func(_ *Source, n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !isIdent(call.Fun, "make") || len(call.Args) != 2 {
			return false
		}
		_, ok = call.Args[0].(*ast.ChanType)
		return ok
	},
}

var closeAndRange = &Exercise{
	ID:     "close-and-range",
	Inputs: []Variation{{{"10", "12"}}},
	Cases: []Case{
		EndsNormally().
			Explain(func(r *Run) bool { return r.MainBlockedOn("sync.WaitGroup.Wait") }, i18n.Text{
				En: "Deadlock: main waits for the producers, and the producers wait for main to receive. Wait and close in a goroutine of their own, and let main receive meanwhile.",
				Zh: "死锁：main 在等生产者，生产者在等 main 来接收。把等待和关闭放进一个单独的 goroutine，让 main 同时去接收。",
			}).
			Explain(func(r *Run) bool { return r.Panicked("closed channel") }, msgClosedEarly).
			Explain(func(r *Run) bool { return r.MainBlockedOn("chan receive") }, i18n.Text{
				En: "Deadlock: main's range loop waits for a value that never comes, because nobody closes nums. Close it once both producers have finished.",
				Zh: "死锁：main 的 range 循环在等一个永远不会来的值，因为没有人关闭 nums。请在两个生产者都结束之后关闭它。",
			}),
		Output("sum: 55\n").Explain(func(r *Run) bool { return totalCloses(r) > 0 }, msgClosedEarly),
		runCase("closes-once", i18n.Text{En: "closes nums exactly once", Zh: "nums 恰好被关闭一次"},
			i18n.Text{
				En: "nums must be closed exactly once, after both producers have finished, so that main's range loop ends.",
				Zh: "nums 必须恰好关闭一次，而且要在两个生产者都结束之后，这样 main 的 range 循环才会结束。",
			},
			func(r *Run) *failure {
				if n := totalCloses(r); n != 1 {
					return &failure{got: tr(itoa(n)+" closes", "关闭了 "+itoa(n)+" 次"), want: tr("1", "1 次")}
				}
				return nil
			}).Explain(func(r *Run) bool { return totalCloses(r) > 1 }, msgClosedEarly),
		NoLeak(),
		MustUse(RangeOver("nums").In("main")).Says(i18n.Text{
			En: "Keep main's for ... range nums loop: a fixed number of receives would pass without closing anything, which is not the point.",
			Zh: "保留 main 里的 for ... range nums 循环：改成固定次数的接收，不关闭通道也能通过，那就失去了练习的意义。",
		}),
		MustUse(Builtin("close", "nums")),
	},
}

var msgClosedEarly = i18n.Text{
	En: "nums was closed while a producer was still sending. Close it once, after both producers have finished: count them with a sync.WaitGroup.",
	Zh: "有生产者还在发送时，nums 就被关闭了。应该在两个生产者都结束之后只关闭一次：用 sync.WaitGroup 数一数。",
}

// totalCloses counts the channel closes of a run.
func totalCloses(r *Run) int { return int(r.Result.Stats.Closes) }

var selectTimeout = &Exercise{
	ID:     "select-timeout",
	Inputs: []Variation{{{"2 * time.Second", "260 * time.Millisecond"}}},
	Cases: []Case{
		EndsNormally(),
		Output("query 0: answer\nquery 1 timed out\nquery 2: answer\n").
			Explain(func(r *Run) bool { return strings.Count(r.Stdout, "timed out") == 3 }, msgDefaultNoWait),
		VirtualTime(0, 600*time.Millisecond).Explain(func(r *Run) bool { return r.Result.VirtualTime >= int64(2*time.Second) }, i18n.Text{
			En: "The program still waits 2s for the slow query. Wait for the answer or for 300 ms, whichever comes first: a select with a timer.",
			Zh: "程序仍然为那个慢查询等了 2 秒。应该等应答或者等满 300 毫秒，以先到者为准：用带计时器的 select。",
		}),
		MustUse(SelectStmt).Says(i18n.Text{
			En: "Wait on two channels at once, the query's and a timer's, with a select.",
			Zh: "用 select 同时等两个通道：查询的通道和计时器的通道。",
		}),
		MustNotUse(SelectDefault).Says(msgDefaultNoWait),
		MustNotUse(timerOutsideLoop).Says(i18n.Text{
			En: "The timeout is created once, before the loop, so it limits all the queries together, not each one. Create it inside the loop.",
			Zh: "超时只在循环之前创建了一次，所以它限制的是所有查询加起来的时间，而不是每一个查询。请在循环里面创建它。",
		}),
		KeepFunc("query"),
	},
}

var msgDefaultNoWait = i18n.Text{
	En: "Every query timed out immediately: default does not wait at all. To wait up to 300 ms, add a case that receives from time.After(300 * time.Millisecond).",
	Zh: "所有查询都立即超时了：default 根本不等待。要最多等 300 毫秒，请加一个从 time.After(300 * time.Millisecond) 接收的 case。",
}

// timerOutsideLoop is a timer made in main outside any loop, while main
// has a select in a loop: one timeout for every round.
var timerOutsideLoop = Construct{
	ID:   "timer-before-loop",
	Name: i18n.Text{En: "a timer made before the loop", Zh: "在循环之前创建的计时器"},
	where: func(s *Source, n ast.Node) ast.Node {
		return firstIn(n, func(n ast.Node, inLoop bool) bool {
			call, ok := n.(*ast.CallExpr)
			return ok && !inLoop && (s.isRef(call.Fun, "time", "After") || s.isRef(call.Fun, "time", "NewTimer"))
		})
	},
	match: func(s *Source, n ast.Node) bool {
		fd, ok := n.(*ast.FuncDecl)
		if !ok || fd.Name.Name != "main" {
			return false
		}
		timerOut, selectIn, reset := false, false, false
		inspectWithLoops(fd.Body, func(n ast.Node, inLoop bool) {
			if call, ok := n.(*ast.CallExpr); ok && !inLoop {
				for _, name := range []string{"After", "NewTimer"} {
					timerOut = timerOut || s.isRef(call.Fun, "time", name)
				}
			}
			if call, ok := n.(*ast.CallExpr); ok && inLoop {
				// t.Reset(d) in the loop: one timer, re-armed for each round.
				sel, ok := call.Fun.(*ast.SelectorExpr)
				reset = reset || ok && sel.Sel.Name == "Reset" && len(call.Args) == 1
			}
			if _, ok := n.(*ast.SelectStmt); ok && inLoop {
				selectIn = true
			}
		})
		return timerOut && selectIn && !reset
	},
}

// inspectWithLoops visits every node under root, saying whether it is in
// the body of a for loop.
func inspectWithLoops(root ast.Node, visit func(n ast.Node, inLoop bool)) {
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		in := false
		for _, a := range stack {
			switch a.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				in = true
			}
		}
		visit(n, in)
		stack = append(stack, n)
		return true
	})
}

var nonBlockingSend = &Exercise{
	ID:     "non-blocking-send",
	Inputs: []Variation{{{"3", "5"}}},
	Cases: []Case{
		EndsNormally().Explain(func(r *Run) bool { return r.Panicked("send on closed channel") }, msgSendInGoroutine),
		Output("progress 10\nwork finished, dropped 6\nprogress 20\nprogress 30\nprogress 40\n").
			Explain(func(r *Run) bool { return strings.Contains(r.Stdout, "dropped 0") && !keepsBuffer(r.Source) }, msgBufferChanged).
			Explain(func(r *Run) bool { return strings.Contains(r.Stdout, "dropped 0") }, i18n.Text{
				En: "Your program says it dropped nothing, but with a buffer of 3 and a reader that takes 500 ms per update, most updates find the buffer full. Count each one skipped, in the default case.",
				Zh: "你的程序说一条都没丢，可是缓冲区只有 3、读者每条要 500 毫秒，大多数更新来的时候缓冲区都是满的。请在 default 分支里把每条跳过的更新记下来。",
			}),
		runCase("send-never-waits", i18n.Text{En: "main never waits to send on progress", Zh: "main 从不因为向 progress 发送而等待"},
			i18n.Text{
				En: "main waited at a send on progress: the work loop still blocks whenever the buffer is full. Send only if there is room: a select with a default case.",
				Zh: "main 在向 progress 发送时等待了：缓冲区一满，工作循环还是会阻塞。只在有空位时发送：用带 default 分支的 select。",
			},
			func(r *Run) *failure {
				if slices.Contains(r.MainParked, "chan send") {
					return &failure{got: tr("main parked on a send", "main 在发送时挂起了"), want: tr("never", "从不")}
				}
				return nil
			}),
		NoLeak().Explain(func(r *Run) bool { return len(r.Leaked) > 0 && r.Leaked[0].Status == "chan send" }, msgSendInGoroutine),
		MustUse(nonBlockingSendOn("progress")),
		MustNotUse(goInLoop).Says(msgSendInGoroutine),
		sourceCase("keeps-buffer", i18n.Text{En: "keeps the buffer of 3", Zh: "保留大小为 3 的缓冲区"}, msgBufferChanged,
			func(s *Source) *failure {
				if keepsBuffer(s) {
					return nil
				}
				return &failure{got: tr("no make(chan int, 3)", "没有 make(chan int, 3)"), want: text("progress := make(chan int, 3)")}
			}),
	},
}

var (
	msgSendInGoroutine = i18n.Text{
		En: "Each update still waits, only in another goroutine, and they crash when progress is closed. Don't wait at all: use select with default.",
		Zh: "每条更新仍然在等，只不过换到了别的 goroutine 里，而且 progress 一关闭它们就会崩溃。根本不要等：用带 default 的 select。",
	}
	msgBufferChanged = i18n.Text{
		En: "The buffer size was changed. Keep make(chan int, 3) and skip the updates that do not fit, with a select and default.",
		Zh: "缓冲区大小被改了。请保留 make(chan int, 3)，用 select 加 default 跳过放不下的更新。",
	}
)

// nonBlockingSendOn is a select with a send on ch and a default case.
func nonBlockingSendOn(ch string) Construct {
	return Construct{
		ID:   "select-send-default-" + ch,
		Name: i18n.Text{En: "a select that sends on " + ch + " or else takes default", Zh: "向 " + ch + " 发送、否则走 default 的 select"},
		match: func(_ *Source, n ast.Node) bool {
			if roomCheckedSend(n, ch) {
				return true
			}
			sel, ok := n.(*ast.SelectStmt)
			if !ok {
				return false
			}
			send, def := false, false
			for _, c := range sel.Body.List {
				cc := c.(*ast.CommClause)
				if cc.Comm == nil {
					def = true
				} else if s, ok := cc.Comm.(*ast.SendStmt); ok && (isIdent(s.Chan, ch) || isParam(s.Chan)) {
					send = true // on ch, or on a helper's parameter: trySend(progress, v)
				}
			}
			return send && def
		},
	}
}

// goInLoop is a go statement inside a for loop of main.
var goInLoop = Construct{
	ID:   "go-in-loop",
	Name: i18n.Text{En: "a go statement in main's loop", Zh: "main 的循环里的 go 语句"},
	where: func(_ *Source, n ast.Node) ast.Node {
		return firstIn(n, func(n ast.Node, inLoop bool) bool { _, ok := n.(*ast.GoStmt); return ok && inLoop })
	},
	match: func(_ *Source, n ast.Node) bool {
		fd, ok := n.(*ast.FuncDecl)
		if !ok || fd.Name.Name != "main" {
			return false
		}
		found := false
		inspectWithLoops(fd.Body, func(n ast.Node, inLoop bool) {
			_, isGo := n.(*ast.GoStmt)
			found = found || isGo && inLoop
		})
		return found
	},
}

// isMakeChan reports whether n is make(chan T, size).
func isMakeChan(n ast.Node, size string) bool {
	call, ok := n.(*ast.CallExpr)
	if !ok || !isIdent(call.Fun, "make") || len(call.Args) != 2 {
		return false
	}
	_, isChan := call.Args[0].(*ast.ChanType)
	lit, isLit := call.Args[1].(*ast.BasicLit)
	return isChan && isLit && lit.Value == size
}

// isParam reports whether e is a parameter of the function it is in.
func isParam(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok || id.Obj == nil {
		return false
	}
	_, ok = id.Obj.Decl.(*ast.Field)
	return ok
}

// keepsBuffer reports whether the program still makes a channel with a
// buffer of 3.
func keepsBuffer(s *Source) bool {
	return s.Has(Construct{match: func(_ *Source, n ast.Node) bool { return isMakeChan(n, "3") }})
}

// roomCheckedSend reports whether n is "if len(ch) < cap(ch) { ch <- v }"
// (or cap(ch) > len(ch)) with an else: when the goroutine that checks is
// the only sender, the room it sees is still there at the send, so the
// send cannot block either.
func roomCheckedSend(n ast.Node, ch string) bool {
	is, ok := n.(*ast.IfStmt)
	if !ok || is.Else == nil {
		return false
	}
	cond, ok := is.Cond.(*ast.BinaryExpr)
	if !ok {
		return false
	}
	lenCap := cond.Op == token.LSS && isCallOn(cond.X, "len", ch) && isCallOn(cond.Y, "cap", ch) ||
		cond.Op == token.GTR && isCallOn(cond.X, "cap", ch) && isCallOn(cond.Y, "len", ch)
	if !lenCap {
		return false
	}
	for _, st := range is.Body.List {
		if send, ok := st.(*ast.SendStmt); ok && isIdent(send.Chan, ch) {
			return true
		}
	}
	return false
}

// isCallOn reports whether e is the call fn(x) of a built-in on the
// variable x.
func isCallOn(e ast.Expr, fn, x string) bool {
	call, ok := e.(*ast.CallExpr)
	return ok && isIdent(call.Fun, fn) && len(call.Args) == 1 && isIdent(call.Args[0], x)
}
