package checker

import (
	"strings"
	"time"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// The exercises of lessons 1 to 4: serial, concurrent and parallel;
// processes, threads and coroutines; concurrency models; goroutines.
// What each checks follows the lesson writer's notes in
// lessons/solutions/ID.md.

// lastLine is the last line of the run's output.
func lastLine(r *Run) string {
	ls := lines(r.Stdout)
	if len(ls) == 0 {
		return ""
	}
	return ls[len(ls)-1]
}

var concurrentTasks = &Exercise{
	ID:     "concurrent-tasks",
	Inputs: []Variation{{{"400 * time.Millisecond", "500 * time.Millisecond"}}},
	Cases: []Case{
		EndsNormally(),
		Output("A done\nB done\nC done\nD done\ntook 400ms\n").
			Explain(func(r *Run) bool { return r.Printed("took 0s") }, i18n.Text{
				En: "main returned before the fetches finished: only `took 0s` was printed. A program ends when main returns; make main wait for the four goroutines, for example with a sync.WaitGroup.",
				Zh: "main 在请求完成之前就返回了，只打印出了 `took 0s`。main 一返回，整个程序就结束；请让 main 等这四个 goroutine 结束，比如用 sync.WaitGroup。",
			}).
			Explain(func(r *Run) bool { return lastLine(r) == "took 1s" }, i18n.Text{
				En: "Every fetch printed its line, but the program took 1s: the fetches still ran one after another (see the virtual time below).",
				Zh: "每个请求都打印了自己那一行，但程序用了 1 秒：这些请求仍然是一个接一个执行的（见下面的虚拟时间）。",
			}),
		VirtualTime(400*time.Millisecond, 450*time.Millisecond).
			Explain(func(r *Run) bool { return r.Result.VirtualTime >= int64(time.Second) }, msgSerialFetches).
			Explain(func(r *Run) bool { return r.Result.VirtualTime < int64(400*time.Millisecond) }, i18n.Text{
				En: "The run ended before the longest fetch (400ms) could finish: main did not wait for all of them.",
				Zh: "最长的请求（400 毫秒）还没完成，程序就结束了：main 没有等所有请求。",
			}),
		NoLeak(),
		MustUse(GoStmt).Says(i18n.Text{
			En: "Start each fetch in a goroutine of its own, with a go statement: that is what lets the waits overlap.",
			Zh: "用 go 语句让每个请求在各自的 goroutine 里运行：这样几次等待才能重叠。",
		}),
		MustNotUse(Call("os", "Exit")),
		MustNotUse(ClockWait.Outside("fetch")).Says(i18n.Text{
			En: "main sleeps instead of waiting for the fetches: guessing a time is either too slow or too short. Use a sync.WaitGroup.",
			Zh: "main 在睡眠而不是等待请求结束：猜一个时间，要么太慢，要么不够长。请使用 sync.WaitGroup。",
		}),
		KeepFunc("fetch"),
	},
}

var msgSerialFetches = i18n.Text{
	En: "The output is right but the run took 1s of virtual time, as long as the serial program: each fetch still waits for the previous one. Start all four first, then wait once.",
	Zh: "输出正确，但运行用了 1 秒虚拟时间，和串行程序一样长：每个请求仍在等前一个结束。请先把四个都启动，最后只等一次。",
}

var manyGoroutines = &Exercise{
	ID:     "many-goroutines",
	Inputs: []Variation{{{"i % 10", "i % 7"}}},
	Seeds:  1, // each run starts 10,000 goroutines and takes about a second
	Cases: []Case{
		EndsNormally(),
		Output("total: 45000\n").
			Explain(func(r *Run) bool { return r.Printed("total: 0") }, i18n.Text{
				En: "total is 0 (want 45000): main added up the answers before the requests were answered. Wait for all the goroutines, for example with a sync.WaitGroup, before the loop that adds up.",
				Zh: "total 是 0（应为 45000）：main 在请求得到回答之前就求和了。请在求和的循环之前等所有 goroutine 结束，比如用 sync.WaitGroup。",
			}),
		VirtualTime(0, 100*time.Millisecond).
			Explain(func(r *Run) bool { return r.Result.VirtualTime >= int64(time.Second) }, i18n.Text{
				En: "The output is right but the batch took seconds of virtual time: each request still waits for the previous one. Start all the goroutines first, then wait once.",
				Zh: "输出正确，但整批请求用了好几秒虚拟时间：每个请求仍在等前一个。请先启动所有 goroutine，最后只等一次。",
			}),
		runCase("concurrent-waits", i18n.Text{En: "the requests wait at the same time: 1,000 or more goroutines alive at once", Zh: "请求同时等待：同一时刻至少有 1000 个 goroutine 存活"},
			i18n.Text{
				En: "Too few goroutines were alive at the same time: the requests do not overlap. Give every request its own goroutine, and start them all before waiting.",
				Zh: "同时存活的 goroutine 太少：请求没有重叠。让每个请求都有自己的 goroutine，先全部启动，再等待。",
			},
			func(r *Run) *failure {
				st := r.Result.Stats
				if st.MaxLive >= 1000 && st.Goroutines >= 10_001 {
					return nil
				}
				return &failure{
					got:  tr(itoa(st.MaxLive)+" alive at most, "+itoa(st.Goroutines)+" created", "最多同时存活 "+itoa(st.MaxLive)+" 个，共创建 "+itoa(st.Goroutines)+" 个"),
					want: tr("at least 1000 alive at once, 10001 created", "同时存活至少 1000 个，共创建至少 10001 个"),
				}
			}),
		NoLeak(),
		KeepFunc("handle"),
		NoDataRace(),
	},
}

var raceToChannel = &Exercise{
	ID:     "race-to-channel",
	Inputs: []Variation{{{`[]string{"home", "blog", "shop"}`, `[]string{"home", "blog", "shop", "news"}`}}},
	Cases: []Case{
		EndsNormally().Explain(func(r *Run) bool { return r.Deadlocked() && blockedOther(r, "chan receive") }, i18n.Text{
			En: "Deadlock: the counter is still waiting for visits because nobody closed the channel. Call close(visits) after wg.Wait().",
			Zh: "死锁：没有人关闭通道，计数者还在等待访问记录。请在 wg.Wait() 之后调用 close(visits)。",
		}),
		Output("blog 4\nhome 4\nshop 4\n").
			Explain(func(r *Run) bool { return r.Source.Has(Channel) }, i18n.Text{
				En: "A count is short: main read the map while the counter goroutine still owned it. Close the channel when the visitors are done, and let the counter send the map back to main over a channel before you print.",
				Zh: "有的计数少了：计数 goroutine 还拥有这个 map 时，main 就去读了。请在访客都结束后关闭通道，并让计数者通过通道把 map 交还给 main，再打印。",
			}).
			Says(i18n.Text{
				En: "Visits were lost: several visitors read and write counts at the same time, and one overwrites what another has just written. Let one goroutine own the map and send it the visits over a channel.",
				Zh: "有访问记录丢失了：几个访客同时读写 counts，一个覆盖了另一个刚写下的值。让一个 goroutine 独占这个 map，再通过通道把访问记录发给它。",
			}),
		NoLeak(),
		MustUse(Channel),
		MustNotUse(Ref("sync", "Mutex")).Says(msgCSPNoMutex),
		MustNotUse(Ref("sync", "RWMutex")).Says(msgCSPNoMutex),
		MustNotUse(Ref("sync", "Map")).Says(msgCSPNoMutex),
		MustNotUse(Import("sync/atomic")).Says(msgCSPNoMutex),
		OneOwner(),
	},
}

var msgCSPNoMutex = i18n.Text{
	En: "This exercise asks for the CSP way: no mutex, no sync.Map, no atomics. Give the map to one goroutine and send it the visits over a channel.",
	Zh: "本题要求用 CSP 的方式：不用互斥锁、sync.Map 或原子操作。把 map 交给一个 goroutine，再通过通道把访问记录发给它。",
}

// blockedOther reports whether a goroutine other than main is blocked for
// reason in the run's fatal error report.
func blockedOther(r *Run, reason string) bool {
	for _, g := range r.Blocked {
		if g.ID != 1 && g.Status == reason {
			return true
		}
	}
	return false
}

var forkJoinSum = &Exercise{
	ID:     "fork-join-sum",
	Inputs: []Variation{{{"2_000_000", "1_000_000"}}},
	Seeds:  2, // each run sums two million squares: about a second
	Cases: []Case{
		EndsNormally(),
		Output("Ps: 4\nsum: 2666664666667000000\n").ForProcs(4).
			Named(i18n.Text{En: "prints the expected output (with 4 Ps)", Zh: "输出正确（4 个 P 时）"}).
			Explain(func(r *Run) bool { return !strings.Contains(r.Stdout, "sum: 2666664666667000000") }, msgQuarters),
		OutputMatches(`Ps: \d+\nsum: 2666664666667000000`).
			Explain(func(r *Run) bool { return !strings.Contains(r.Stdout, "sum: 2666664666667000000") }, msgQuarters),
		Parallel(4).Explain(func(r *Run) bool { return r.Busy <= 1 }, i18n.Text{
			En: "The sum is right, but only one P was busy at any time, as in the starter. Start all four goroutines first (fork), then wait once (join).",
			Zh: "和是正确的，但任何时刻都只有一个 P 在忙，和起始代码一样。请先启动全部四个 goroutine（分叉），最后只等一次（汇合）。",
		}),
		VirtualTime(0, 800*time.Microsecond).ForProcs(4),
		atLeastGoroutines(4, i18n.Text{En: "forks at least four goroutines", Zh: "至少分叉出四个 goroutine"},
			i18n.Text{En: "Fork one goroutine per quarter: four in all.", Zh: "每个四分之一分叉出一个 goroutine：一共四个。"}),
		NoLeak(),
		KeepFunc("sumSquares"),
		NoDataRace(),
	},
}

var msgQuarters = i18n.Text{
	En: "The sum is wrong: the quarters must cover every i from 0 to n-1 exactly once. hi is not included, so each quarter starts exactly where the previous one ended.",
	Zh: "和不对：四个区间必须恰好覆盖 0 到 n-1 的每个 i 各一次。hi 不包含在内，所以每个区间正好从上一个区间结束的地方开始。",
}

var waitForAll = &Exercise{
	ID: "wait-for-all",
	Cases: []Case{
		EndsNormally(),
		OutputMatches(`(downloaded [a-e]\.txt\n){5}all downloads finished`).
			Explain(func(r *Run) bool { return r.Printed("all downloads finished") }, i18n.Text{
				En: "main did not wait: only `all downloads finished` was printed. Call wg.Add before the go statement, in main; inside the goroutine it comes too late, after main may already be in Wait.",
				Zh: "main 没有等待：只打印了 `all downloads finished`。wg.Add 必须在 go 语句之前、在 main 里调用；放在 goroutine 里就太晚了，那时 main 可能已经在 Wait 里了。",
			}),
		OutputUnordered("downloaded a.txt\ndownloaded b.txt\ndownloaded c.txt\ndownloaded d.txt\ndownloaded e.txt\nall downloads finished\n").
			Named(i18n.Text{En: "downloads every file once", Zh: "每个文件都下载了一次"}),
		VirtualTime(50*time.Millisecond, 60*time.Millisecond).
			Explain(func(r *Run) bool {
				return r.Result.VirtualTime >= int64(250*time.Millisecond) && r.Source.Has(ClockWait.Outside("download"))
			}, msgSleepForDownloads).
			Explain(func(r *Run) bool { return r.Result.VirtualTime >= int64(250*time.Millisecond) }, i18n.Text{
				En: "The downloads ran one after another (250ms of virtual time); start each in a goroutine of its own, and wait once for all of them.",
				Zh: "下载是一个接一个进行的（250 毫秒虚拟时间）；请让每个下载在自己的 goroutine 里运行，最后只等一次。",
			}),
		NoLeak(),
		MustUse(GoStmt),
		MustNotUse(ClockWait.Outside("download")).Says(msgSleepForDownloads),
		MustNotUse(Call("os", "Exit")),
		KeepFunc("download"),
	},
}

var msgSleepForDownloads = i18n.Text{
	En: "main sleeps instead of waiting for the downloads: the run takes as long as the sleep, and a shorter sleep would miss downloads. Wait for exactly the goroutines you started, with a sync.WaitGroup.",
	Zh: "main 在睡眠而不是等待下载：运行时间等于睡眠时间，睡得再短一点又会漏掉下载。请用 sync.WaitGroup 准确地等你启动的那些 goroutine。",
}

var orderedOutput = &Exercise{
	ID:     "ordered-output",
	Inputs: []Variation{{{"n * n", "n * n * n"}}},
	Cases: []Case{
		EndsNormally(),
		Output("0 squared is 0\n1 squared is 1\n2 squared is 4\n3 squared is 9\n4 squared is 16\n"),
		VirtualTime(50*time.Millisecond, 60*time.Millisecond).
			Explain(func(r *Run) bool {
				return r.Result.VirtualTime >= int64(150*time.Millisecond) && r.Source.Has(sleepOutsideSquare)
			}, msgSleepToOrder).
			Explain(func(r *Run) bool { return r.Result.VirtualTime >= int64(150*time.Millisecond) }, i18n.Text{
				En: "The order is right, but the squares were computed one after another (150ms of virtual time instead of about 50ms). Start all five goroutines first, keep their results, and print after one wg.Wait().",
				Zh: "顺序正确，但平方数是一个接一个算出来的（150 毫秒虚拟时间，而不是大约 50 毫秒）。请先启动全部五个 goroutine，把结果存起来，只调用一次 wg.Wait()，之后再打印。",
			}),
		atLeastGoroutines(5, i18n.Text{En: "computes in five goroutines", Zh: "在五个 goroutine 里计算"},
			i18n.Text{En: "Compute each square in a goroutine of its own: five in all.", Zh: "每个平方数都在自己的 goroutine 里计算：一共五个。"}),
		NoLeak(),
		MustNotUse(sleepOutsideSquare).Says(msgSleepToOrder),
		KeepFunc("square"),
		NoDataRace(),
	},
}

var sleepOutsideSquare = ClockWait.Outside("square")

var msgSleepToOrder = i18n.Text{
	En: "The lines must not depend on sleeping for the right amount of time. Let the goroutines store their results, for example in results[i], and print them in order from main after wg.Wait().",
	Zh: "输出各行不能靠睡对时长来排顺序。请让 goroutine 把结果存起来，比如存进 results[i]，等 wg.Wait() 之后由 main 按顺序打印。",
}
