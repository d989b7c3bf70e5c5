package checker

import (
	"go/ast"
	"strings"
	"time"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// The exercises of lessons 11 and 12: patterns; sync and atomic.

var workerPool = &Exercise{
	ID:     "worker-pool",
	Inputs: []Variation{{{`[]string{"ant", "bee", "cat", "dog", "eel", "fox", "gnu", "hen"}`, `[]string{"yak", "owl", "cow", "pig", "elk", "emu"}`}}},
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
		runCase("pool-of-four", i18n.Text{En: "a pool of four workers: at most five goroutines besides main at once", Zh: "四个 worker 的池：除 main 外同时最多五个 goroutine"},
			i18n.Text{
				En: "One goroutine per name is not a pool: start exactly four workers that take jobs from a channel.",
				Zh: "每个名字一个 goroutine 不算池：只启动四个 worker，让它们从通道里取任务。",
			},
			func(r *Run) *failure {
				n, made := r.MaxAlive-1, r.Result.Stats.Goroutines-1
				if n <= 5 && made >= 4 {
					return nil
				}
				f := &failure{
					got:  tr(itoa(n)+" alive at once, "+itoa(made)+" created", "同时存活 "+itoa(n)+" 个，共创建 "+itoa(made)+" 个"),
					want: tr("4 workers (and at most one more goroutine)", "4 个 worker（至多再加一个 goroutine）"),
				}
				if made < 4 {
					f.msg = i18n.Text{
						En: "Only " + itoa(made) + " goroutines besides main: a pool of four needs four workers, each taking jobs from the channel.",
						Zh: "除 main 外只有 " + itoa(made) + " 个 goroutine：四个 worker 的池需要四个 worker，每个都从通道里取任务。",
					}
				}
				return f
			}),
		NoLeak(),
		MustUse(Channel).Says(i18n.Text{
			En: "Hand the jobs out to the workers over a channel.",
			Zh: "通过通道把任务分发给 worker。",
		}),
		KeepFunc("process"),
		NoDataRace(),
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
	ID:     "pipeline",
	Inputs: []Variation{{{`[]string{"go", "channels", "are", "pipes"}`, `[]string{"select", "is", "a", "switch", "too"}`}}},
	Cases: []Case{
		EndsNormally().Explain(func(r *Run) bool { return r.Deadlocked() && strings.Contains(r.Stdout, "PIPES!") }, i18n.Text{
			En: "Deadlock after the last word: a stage did not close its output channel when its input ran out. Close fetched after the loop in stage 1 and shouted after the loop in stage 2.",
			Zh: "最后一个单词之后死锁了：有个阶段在输入用完时没有关闭自己的输出通道。请在第 1 阶段的循环之后关闭 fetched，在第 2 阶段的循环之后关闭 shouted。",
		}),
		Output("GO!\nCHANNELS!\nARE!\nPIPES!\n"),
		VirtualTime(0, 125*time.Millisecond),
		NoLeak(),
		atLeastGoroutines(2, i18n.Text{En: "runs the stages in goroutines of their own", Zh: "各阶段在各自的 goroutine 里运行"},
			i18n.Text{
				En: "A pipeline needs a goroutine per stage: one that fetches, one that shouts, and main that prints.",
				Zh: "流水线的每个阶段都要一个 goroutine：一个负责读取，一个负责处理，main 负责打印。",
			}),
		sourceCase("stages-apart", i18n.Text{En: "fetch and shout are called in different goroutines", Zh: "fetch 和 shout 在不同的 goroutine 里调用"},
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
	ID:     "fix-leak",
	Inputs: []Variation{{{"time.Second", "150 * time.Millisecond"}}},
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
		runCase("takes-fastest-only", i18n.Text{En: "main takes only the fastest answer", Zh: "main 只取最快的应答"},
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
		atLeastGoroutines(3, i18n.Text{En: "still asks three replicas", Zh: "仍然向三个副本提问"},
			i18n.Text{En: "Keep the three replicas: the point is to take the fastest of them.", Zh: "保留三个副本：要点就是取其中最快的那个。"}),
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

var counterMutex = &Exercise{
	ID:     "counter-mutex",
	Inputs: []Variation{{{"100", "70"}}},
	Cases: []Case{
		EndsNormally(),
		Output("balance: 1000\n").
			Explain(func(r *Run) bool { return r.Source.Has(localVar("sync", "Mutex")) }, msgLocalMutex).
			Explain(func(r *Run) bool { return valueReceiverLocks(r.Source) }, msgValueReceiver).
			Explain(func(r *Run) bool { return locksIn(r.Source, "deposit") > 1 }, msgTwoSections).
			Explain(func(r *Run) bool { return lockOnlyWrite(r.Source) }, msgLockOnlyWrite).
			Explain(func(r *Run) bool { return r.Source.Has(Method("Lock")) }, msgLostUnderLock).
			Says(i18n.Text{
				En: "Deposits were lost: several deposits read the same balance, and each wrote its own sum over the others'. Make the read, the check and the write of a deposit one critical section, with a sync.Mutex.",
				Zh: "有存款丢失了：几笔存款读到了同一个余额，各自把自己的结果写回去，覆盖了别人的。请用 sync.Mutex 把一笔存款的读取、检查和写入做成一个临界区。",
			}),
		runCase("deposits-wait-on-mutex", i18n.Text{En: "the deposits wait for each other on the mutex", Zh: "各笔存款在互斥锁上互相等待"},
			i18n.Text{
				En: "No deposit ever waited for the lock, so no two deposits were kept apart: the check (the time.Sleep) is not inside a critical section that all deposits share.",
				Zh: "没有哪笔存款等过锁，所以各笔存款并没有被隔开：检查（那个 time.Sleep）不在所有存款共享的临界区里。",
			},
			func(r *Run) *failure {
				if r.Parked["sync.Mutex.Lock"]+r.Parked["sync.RWMutex.Lock"] > 0 {
					return nil
				}
				return &failure{got: tr("no goroutine ever waited for the lock", "没有哪个 goroutine 等过锁"), want: tr("the other deposits wait while one holds it", "一笔存款持锁时，其他存款在等")}
			}).Explain(func(r *Run) bool { return r.Source.Has(localVar("sync", "Mutex")) }, msgLocalMutex),
		VirtualTime(10*time.Millisecond, 20*time.Millisecond),
		atLeastGoroutines(10, i18n.Text{En: "ten deposits run in goroutines", Zh: "十笔存款在各自的 goroutine 里进行"},
			i18n.Text{En: "Keep the ten concurrent deposits: the point is to make them safe, not to make them serial.", Zh: "保留十笔并发的存款：要点是让它们安全，而不是让它们串行。"}),
		NoLeak(),
		sourceCase("uses-sync.Mutex", i18n.Text{En: "uses a sync.Mutex", Zh: "使用了 sync.Mutex"},
			i18n.Text{En: "Guard balance with a sync.Mutex that every deposit shares.", Zh: "用一个所有存款共享的 sync.Mutex 保护 balance。"},
			func(s *Source) *failure {
				if s.Has(Ref("sync", "Mutex")) || s.Has(Ref("sync", "RWMutex")) {
					return nil
				}
				return &failure{got: tr("none", "没有"), want: text("sync.Mutex")}
			}),
		sourceCase("balance-under-lock", i18n.Text{En: "deposit reads and writes balance only under the lock", Zh: "deposit 只在持锁时读写 balance"},
			i18n.Text{
				En: "deposit touches balance outside the critical section. Even if this run printed 1000, another deposit may read or write balance at that moment: every read and write of balance belongs between Lock and Unlock.",
				Zh: "deposit 在临界区之外读写了 balance。即使这次运行打印了 1000，别的存款也可能恰好在那一刻读写 balance：对 balance 的每一次读写都应放在 Lock 和 Unlock 之间。",
			},
			func(s *Source) *failure {
				if n := unguardedUse(s, "deposit", "balance"); n != nil {
					return (&failure{got: s.quote(n), want: tr("every use of balance between Lock and Unlock", "balance 的每次使用都在 Lock 与 Unlock 之间")}).at(s, n)
				}
				return nil
			}),
		MustNotUse(Channel).Says(msgMutexOnly),
		MustNotUse(Import("sync/atomic")).Says(msgMutexOnly),
		MustUse(Call("time", "Sleep").In("deposit")).Says(i18n.Text{
			En: "Keep the check inside deposit (its time.Sleep): it is what lets another deposit slip in.",
			Zh: "保留 deposit 里的检查（它的 time.Sleep）：正是它让别的存款有机会插进来。",
		}),
	},
}

var (
	msgLockOnlyWrite = i18n.Text{
		En: "The lock covers only the write. The read and the write of a deposit must be in the same critical section, or another deposit can slip in between.",
		Zh: "锁只保护了写入。一笔存款的读取和写入必须在同一个临界区里，否则别的存款可以插到中间。",
	}
	msgValueReceiver = i18n.Text{
		En: "The method that locks has a value receiver: each call works on a copy of the account, with a copy of its mutex and of its balance. Use a pointer receiver, (a *account).",
		Zh: "加锁的方法用的是值接收者：每次调用操作的都是账户的副本，锁和余额也都是副本。请改用指针接收者 (a *account)。",
	}
	msgTwoSections = i18n.Text{
		En: "deposit locks twice: once to read balance, once to write it. Between the two, during the check, other deposits read the same balance. Hold one lock from the read to the write.",
		Zh: "deposit 加了两次锁：一次读 balance，一次写 balance。在这两次之间、检查的时候，别的存款读到了同一个余额。请用一次加锁覆盖从读取到写入的全过程。",
	}
	msgLostUnderLock = i18n.Text{
		En: "Deposits were lost although the program locks a mutex: some deposits read the balance while another was between its read and its write. Look at which code the lock covers, and whether every deposit locks the same mutex.",
		Zh: "虽然程序加了锁，存款还是丢失了：有的存款在另一笔存款读完、还没写回的时候读了余额。看看锁覆盖了哪些代码，以及每笔存款锁的是不是同一把锁。",
	}
	msgLocalMutex = i18n.Text{
		En: "Each deposit locks a mutex of its own, so the lock protects nothing. Declare one mutex that all deposits share, next to balance.",
		Zh: "每笔存款锁的都是自己的互斥锁，所以这把锁什么也没保护。请在 balance 旁边声明一个所有存款共享的互斥锁。",
	}
	msgMutexOnly = i18n.Text{
		En: "This exercise is about the mutex: guard balance with a sync.Mutex, not with channels or atomics.",
		Zh: "这个练习练的是互斥锁：请用 sync.Mutex 保护 balance，而不是通道或原子操作。",
	}
)

// localVar is a variable of type pkg.name declared inside a function
// other than main: each call gets a new one.
func localVar(pkg, name string) Construct {
	return Construct{
		ID:   "local-" + pkg + "." + name,
		Name: i18n.Text{En: "a local " + pkgBase(pkg) + "." + name, Zh: "局部的 " + pkgBase(pkg) + "." + name},
		where: func(s *Source, n ast.Node) ast.Node {
			return firstIn(n, func(n ast.Node, _ bool) bool {
				vs, ok := n.(*ast.ValueSpec)
				return ok && vs.Type != nil && s.isRef(vs.Type, pkg, name)
			})
		},
		match: func(s *Source, n ast.Node) bool {
			fd, ok := n.(*ast.FuncDecl)
			// main runs once: a variable of main's lives as long as the
			// program, and is shared when main passes its address.
			if !ok || fd.Body == nil || fd.Name.Name == "main" && fd.Recv == nil {
				return false
			}
			found := false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if vs, ok := n.(*ast.ValueSpec); ok && vs.Type != nil && s.isRef(vs.Type, pkg, name) {
					found = true
				}
				return !found
			})
			return found
		},
	}
}

var counterAtomic = &Exercise{
	ID:     "counter-atomic",
	Inputs: []Variation{{{"100", "60"}}},
	Cases: []Case{
		EndsNormally(),
		Output("hits: 800\n").
			Explain(func(r *Run) bool { return r.Source.Has(Import("sync/atomic")) }, i18n.Text{
				En: "Each access is atomic, but read-then-write is still two steps, and another goroutine runs in between. Use Add, which reads and writes in one step.",
				Zh: "每次访问都是原子的，但先读后写仍然是两步，中间会有别的 goroutine 运行。请用 Add，它一步完成读和写。",
			}).
			Says(i18n.Text{
				En: "Hits were lost: between the read and the write of an increment another goroutine runs, and one of the two updates is overwritten. Make the increment one atomic step.",
				Zh: "有点击丢失了：一次自增的读和写之间，别的 goroutine 运行了，两次更新中有一次被覆盖。请把自增变成一个原子步骤。",
			}),
		atLeastGoroutines(8, i18n.Text{En: "eight goroutines count", Zh: "八个 goroutine 计数"},
			i18n.Text{En: "Keep the eight goroutines that count.", Zh: "保留八个计数的 goroutine。"}),
		NoLeak(),
		MustUse(atomicIncrement).Says(i18n.Text{
			En: "Increment with one atomic operation: hits.Add(1) on an atomic.Int64 (or atomic.AddInt64).",
			Zh: "用一个原子操作自增：atomic.Int64 的 hits.Add(1)（或 atomic.AddInt64）。",
		}),
		MustUse(goschedInLoop).Says(i18n.Text{
			En: "hits++ is still a data race: it only looks right because nothing runs between its read and its write here. Keep the Gosched in the loop and make the increment atomic.",
			Zh: "hits++ 仍然是数据竞争：它看起来没问题，只是因为这里的读和写之间恰好没有别的 goroutine 运行。请保留循环里的 Gosched，并把自增改成原子操作。",
		}),
		NoDataRace(),
		MustNotUse(Ref("sync", "Mutex")).Says(msgAtomicOnly),
		MustNotUse(Ref("sync", "RWMutex")).Says(msgAtomicOnly),
		MustNotUse(Channel).Says(msgAtomicOnly),
	},
}

var msgAtomicOnly = i18n.Text{
	En: "This exercise is about sync/atomic: make the increment atomic, without a mutex or a channel.",
	Zh: "这个练习练的是 sync/atomic：把自增变成原子操作，不用互斥锁，也不用通道。",
}

// atomicIncrement is an atomic read-modify-write: an Add method (of
// atomic.Int64 and its kin), atomic.AddInt64 and the like, or a
// CompareAndSwap.
var atomicIncrement = Construct{
	ID:   "atomic-add",
	Name: i18n.Text{En: "an atomic Add or CompareAndSwap", Zh: "原子的 Add 或 CompareAndSwap"},
	match: func(s *Source, n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || s.importName("sync/atomic") == "" {
			return false
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		return ok && (strings.HasPrefix(sel.Sel.Name, "Add") || strings.HasPrefix(sel.Sel.Name, "CompareAndSwap"))
	},
}

// goschedInLoop is a call of runtime.Gosched inside a loop.
var goschedInLoop = Construct{
	ID:   "gosched-in-loop",
	Name: i18n.Text{En: "runtime.Gosched() in the loop", Zh: "循环里的 runtime.Gosched()"},
	match: func(s *Source, n ast.Node) bool {
		fd, ok := n.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			return false
		}
		found := false
		inspectWithLoops(fd.Body, func(n ast.Node, inLoop bool) {
			call, ok := n.(*ast.CallExpr)
			if !ok || !inLoopOfLit(fd.Body, call) {
				return
			}
			// Gosched in the loop, or in a helper the loop calls.
			found = found || s.isRef(call.Fun, "runtime", "Gosched")
			if id, ok := call.Fun.(*ast.Ident); ok && !found {
				found = s.Has(Call("runtime", "Gosched").In(id.Name).Direct())
			}
		})
		return found
	},
}

var onceInit = &Exercise{
	ID:      "once-init",
	Inputs:  []Variation{{{`"hello"`, `"bonjour"`}}},
	Compare: Compare{Unordered: true},
	Cases: []Case{
		EndsNormally(),
		OutputMatches(`loading config\n(request [123] -> hello\n){2}request [123] -> hello`).
			Explain(func(r *Run) bool {
				return strings.Count(r.Stdout, "loading config") > 1 && r.Source.Has(localVar("sync", "Once"))
			}, msgLocalOnce).
			Explain(func(r *Run) bool { return strings.Count(r.Stdout, "loading config") > 1 }, i18n.Text{
				En: "loading config is printed more than once: every request still loads it. Let a sync.Once that all requests share call loadConfig.",
				Zh: "loading config 打印了不止一次：每个请求仍然各自加载。请让一个所有请求共享的 sync.Once 来调用 loadConfig。",
			}).
			Explain(emptyGreeting, i18n.Text{
				En: "Some requests printed an empty greeting: they skipped the loading while it was still in progress. sync.Once makes them wait until loadConfig has finished; a flag does not.",
				Zh: "有的请求打印了空的问候语：加载还没完成，它们就跳过了。sync.Once 会让它们等到 loadConfig 完成；一个标志变量做不到。",
			}),
		OutputUnordered("loading config\nrequest 1 -> hello\nrequest 2 -> hello\nrequest 3 -> hello\n").
			Named(i18n.Text{En: "loads once and answers every request", Zh: "只加载一次，并回应每个请求"}).
			Explain(emptyGreeting, i18n.Text{
				En: "Some requests used config before it was loaded. Let them all go through one sync.Once.",
				Zh: "有的请求在 config 加载完之前就用了它。请让它们都经过同一个 sync.Once。",
			}),
		VirtualTime(50*time.Millisecond, 60*time.Millisecond),
		NoLeak(),
		sourceCase("uses-sync.Once", i18n.Text{En: "uses a sync.Once", Zh: "使用了 sync.Once"},
			i18n.Text{En: "Load the config through a sync.Once (or sync.OnceFunc) that every request shares.", Zh: "通过一个所有请求共享的 sync.Once（或 sync.OnceFunc）加载配置。"},
			func(s *Source) *failure {
				if s.Has(Ref("sync", "Once")) || s.Has(Ref("sync", "OnceFunc")) {
					return nil
				}
				return &failure{got: tr("none", "没有"), want: text("sync.Once")}
			}),
		MustNotUse(localVar("sync", "Once")).Says(msgLocalOnce),
		MustNotUse(callOf("loadConfig").In("main").Direct()).Named(i18n.Text{En: "main does not load the config itself", Zh: "main 自己不加载配置"}).Says(i18n.Text{
			En: "main loads the config before starting the requests: the output is right, but the point is to load it lazily, on first use, in whichever request comes first.",
			Zh: "main 在启动请求之前就加载了配置：输出是对的，但要点是惰性加载：在第一次使用时，由最先到的那个请求来加载。",
		}),
		KeepFunc("loadConfig"),
	},
}

var msgLocalOnce = i18n.Text{
	En: "loading config is printed more than once: each call of handle creates its own sync.Once. Declare one Once that all requests share, next to config.",
	Zh: "loading config 打印了不止一次：每次调用 handle 都新建了一个 sync.Once。请在 config 旁边声明一个所有请求共享的 Once。",
}

// emptyGreeting reports a run in which a request printed no greeting.
func emptyGreeting(r *Run) bool {
	for _, l := range lines(r.Stdout) {
		if strings.HasPrefix(l, "request ") && strings.HasSuffix(l, "->") {
			return true
		}
	}
	return false
}

// callOf is a call of the function name of this program.
func callOf(name string) Construct {
	return Construct{
		ID:   "call-" + name,
		Name: i18n.Text{En: "a call " + name + "()", Zh: "调用 " + name + "()"},
		match: func(_ *Source, n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			return ok && isIdent(call.Fun, name)
		},
	}
}

// inLoopOfLit reports whether n is in a loop of the function (or function
// literal) it is written in: main's loop that starts the goroutines does
// not make a Gosched in each goroutine's body a Gosched in a loop.
func inLoopOfLit(root ast.Node, n ast.Node) bool {
	var path []ast.Node
	found := false
	ast.Inspect(root, func(m ast.Node) bool {
		if found {
			return false
		}
		if m == nil {
			path = path[:len(path)-1]
			return true
		}
		if m == n {
			found = true
			return false
		}
		path = append(path, m)
		return true
	})
	for i := len(path) - 1; i >= 0; i-- {
		switch path[i].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.FuncLit:
			return false
		}
	}
	return false
}

// locksIn counts the calls of a Lock method in the function fn.
func locksIn(s *Source, fn string) int {
	n := 0
	for _, d := range s.File.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == fn && fd.Body != nil {
			ast.Inspect(fd.Body, func(x ast.Node) bool {
				if c, ok := x.(*ast.CallExpr); ok && lockMethod(c) == "Lock" {
					n++
				}
				return true
			})
		}
	}
	return n
}

// lockOnlyWrite reports whether deposit reads balance before it locks and
// writes it under the lock: the lock covers only the write.
func lockOnlyWrite(s *Source) bool {
	n := unguardedUse(s, "deposit", "balance")
	return n != nil && locksIn(s, "deposit") == 1
}

// valueReceiverLocks reports whether a method with a value receiver calls
// Lock: it locks a copy.
func valueReceiverLocks(s *Source) bool {
	for _, d := range s.File.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv == nil || len(fd.Recv.List) == 0 || fd.Body == nil {
			continue
		}
		if _, ptr := fd.Recv.List[0].Type.(*ast.StarExpr); ptr {
			continue
		}
		if locks := s.Has(Method("Lock").In(fd.Name.Name)); locks {
			return true
		}
	}
	return false
}
