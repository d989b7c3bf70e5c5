package checker

import (
	"go/ast"
	"strings"
	"time"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// The exercises of lessons 11 and 12: patterns; sync and atomic.

var workerPool = &Exercise{
	ID: "worker-pool",
	Cases: []Case{
		EndsNormally(),
		Output("ANT BEE CAT DOG EEL FOX GNU HEN\n").
			Explain(func(r *Run) bool { return strings.Contains(r.Stdout, "  ") || strings.HasPrefix(r.Stdout, " ") }, i18n.Text{
				En: "main printed before the workers had finished: wait for them (sync.WaitGroup) after closing the jobs channel.",
				Zh: "worker 还没做完，main 就打印了：关闭任务通道之后，要等它们结束（sync.WaitGroup）。",
			}).
			Explain(func(r *Run) bool { return sameWords(r.Stdout, "ANT BEE CAT DOG EEL FOX GNU HEN") }, i18n.Text{
				En: "The words are right but the order is not: results arrive in whatever order the workers finish. Send the index with each job and store each result at its index.",
				Zh: "单词都对，顺序却不对：结果按 worker 完成的先后到达。请把序号随任务一起发出，并把每个结果存到它的序号对应的位置。",
			}),
		VirtualTime(0, 260*time.Millisecond),
		runCase(i18n.Text{En: "a pool of four workers: at most five goroutines besides main at once", Zh: "四个 worker 的池：除 main 外同时最多五个 goroutine"},
			i18n.Text{
				En: "One goroutine per name is not a pool: start exactly four workers that take jobs from a channel.",
				Zh: "每个名字一个 goroutine 不算池：只启动四个 worker，让它们从通道里取任务。",
			},
			func(r *Run) *failure {
				if n := r.MaxAlive - 1; n > 5 || r.Result.Stats.Goroutines-1 < 4 {
					return &failure{
						got:  tr(itoa(n)+" alive at once, "+itoa(r.Result.Stats.Goroutines-1)+" created", "同时存活 "+itoa(n)+" 个，共创建 "+itoa(r.Result.Stats.Goroutines-1)+" 个"),
						want: tr("4 workers (and at most one more goroutine)", "4 个 worker（至多再加一个 goroutine）"),
					}
				}
				return nil
			}),
		NoLeak(),
		MustUse(Channel).Says(i18n.Text{
			En: "Hand the jobs out to the workers over a channel.",
			Zh: "通过通道把任务分发给 worker。",
		}),
		KeepFunc("process"),
		NoSharedWrites(),
	},
}

// sameWords reports whether s has the words of want, in any order.
func sameWords(s, want string) bool {
	a, b := strings.Fields(s), strings.Fields(want)
	if len(a) != len(b) {
		return false
	}
	count := map[string]int{}
	for _, w := range a {
		count[w]++
	}
	for _, w := range b {
		count[w]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return true
}

var pipeline = &Exercise{
	ID: "pipeline",
	Cases: []Case{
		EndsNormally().Explain(func(r *Run) bool { return r.Deadlocked() && strings.Contains(r.Stdout, "PIPES!") }, i18n.Text{
			En: "Deadlock after the last word: a stage did not close its output channel when its input ran out. Close fetched after the loop in stage 1 and shouted after the loop in stage 2.",
			Zh: "最后一个单词之后死锁了：有个阶段在输入用完时没有关闭自己的输出通道。请在第 1 阶段的循环之后关闭 fetched，在第 2 阶段的循环之后关闭 shouted。",
		}),
		Output("GO!\nCHANNELS!\nARE!\nPIPES!\n"),
		VirtualTime(0, 125*time.Millisecond),
		NoLeak(),
		runCase(i18n.Text{En: "runs the stages in goroutines of their own", Zh: "各阶段在各自的 goroutine 里运行"},
			i18n.Text{
				En: "A pipeline needs a goroutine per stage: one that fetches, one that shouts, and main that prints.",
				Zh: "流水线的每个阶段都要一个 goroutine：一个负责读取，一个负责处理，main 负责打印。",
			},
			func(r *Run) *failure {
				if n := r.Result.Stats.Goroutines - 1; n < 2 {
					return &failure{got: tr(itoa(n)+" goroutines besides main", "除 main 外 "+itoa(n)+" 个"), want: tr("at least 2", "至少 2 个")}
				}
				return nil
			}),
		sourceCase(i18n.Text{En: "fetch and shout are called in different goroutines", Zh: "fetch 和 shout 在不同的 goroutine 里调用"},
			i18n.Text{
				En: "fetch and shout run in the same goroutine: the next word cannot be fetched while this one is shouted. Give each stage its own goroutine.",
				Zh: "fetch 和 shout 在同一个 goroutine 里运行：处理这个单词的时候，没法同时读取下一个。请让每个阶段有自己的 goroutine。",
			},
			func(s *Source) *failure {
				if sameFunc(s, "fetch", "shout") {
					return &failure{got: tr("in the same function", "在同一个函数里"), want: tr("in different goroutines", "在不同的 goroutine 里")}
				}
				return nil
			}).
			Says(i18n.Text{
				En: "fetch and shout run in the same goroutine, once per word or one after the other: that is not a pipeline (and one goroutine per word loses the order). Make one goroutine per stage.",
				Zh: "fetch 和 shout 在同一个 goroutine 里运行，要么每个单词一个 goroutine，要么一个接一个：这不是流水线（每个单词一个 goroutine 还会打乱顺序）。请每个阶段一个 goroutine。",
			}),
		KeepFunc("fetch"),
		KeepFunc("shout"),
	},
}

// sameFunc reports whether the program calls a and b in the same
// function (declaration or literal), where they run in one goroutine.
func sameFunc(s *Source, a, b string) bool {
	where := map[string][]ast.Node{}
	walkFuncs(s.File, func(fn, n ast.Node) {
		if call, ok := n.(*ast.CallExpr); ok {
			for _, name := range []string{a, b} {
				if isIdent(call.Fun, name) {
					where[name] = append(where[name], fn)
				}
			}
		}
	})
	for _, fa := range where[a] {
		for _, fb := range where[b] {
			if fa == fb {
				return true
			}
		}
	}
	return false
}

var fixLeak = &Exercise{
	ID: "fix-leak",
	Cases: []Case{
		EndsNormally(),
		Output("answer from replica 1\ngoroutines: 1\n").
			Explain(func(r *Run) bool { return strings.Contains(r.Stdout, "goroutines: 2") }, msgBufferOfOne).
			Explain(func(r *Run) bool {
				return strings.Contains(r.Stdout, "goroutines: 3") && r.Source.Has(Builtin("close", ""))
			}, msgDoneNotWatched),
		NoLeak().
			Explain(func(r *Run) bool { return len(r.Leaked) == 1 && r.Leaked[0].Status == "chan send" }, msgBufferOfOne).
			Explain(func(r *Run) bool { return len(r.Leaked) > 1 && r.Source.Has(Builtin("close", "")) }, msgDoneNotWatched),
		runCase(i18n.Text{En: "main takes only the fastest answer", Zh: "main 只取最快的应答"},
			i18n.Text{
				En: "main receives the other answers just to unblock the senders: then it waits for the slowest replica, which asking three replicas was meant to avoid. Let the slow replicas finish on their own.",
				Zh: "main 把其他应答也收下来，只是为了让发送方解除阻塞：这样它就得等最慢的副本，而向三个副本提问本来就是为了避免这一点。请让慢的副本自己结束。",
			},
			func(r *Run) *failure {
				if r.MainRecvs > 1 {
					return &failure{got: tr(itoa(r.MainRecvs)+" receives in main", "main 接收了 "+itoa(r.MainRecvs)+" 次"), want: tr("1", "1 次")}
				}
				return nil
			}),
		runCase(i18n.Text{En: "still asks three replicas", Zh: "仍然向三个副本提问"},
			i18n.Text{En: "Keep the three replicas: the point is to take the fastest of them.", Zh: "保留三个副本：要点就是取其中最快的那个。"},
			func(r *Run) *failure {
				if n := r.Result.Stats.Goroutines - 1; n < 3 {
					return &failure{got: tr(itoa(n)+" goroutines besides main", "除 main 外 "+itoa(n)+" 个"), want: tr("at least 3", "至少 3 个")}
				}
				return nil
			}),
	},
}

var (
	msgBufferOfOne = i18n.Text{
		En: "One replica is still parked on a send to out: the buffer must have room for every answer that nobody will read, that is len(delays).",
		Zh: "还有一个副本停在向 out 的发送上：缓冲区要装得下所有没人读的应答，也就是 len(delays) 个。",
	}
	msgDoneNotWatched = i18n.Text{
		En: "Closing done tells nobody anything unless the sender listens: send inside a select with a case on <-done (or <-ctx.Done()).",
		Zh: "关闭 done 并不能通知任何人，除非发送方在听：请在 select 里发送，并加一个 <-done（或 <-ctx.Done()）的 case。",
	}
)
