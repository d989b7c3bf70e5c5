package termview

import "github.com/gotour-gpm/gotour-gpm/internal/i18n"

// The labels of the blocks drawn under snippets, in both languages.

// Output and verdicts.
var (
	txtOutputOf         = i18n.Text{En: "Output of %s (GOMAXPROCS=%d)", Zh: "%s 的输出（GOMAXPROCS=%d）"}
	txtOutputOfCPUs     = i18n.Text{En: "Output of %s (a machine of %d CPUs, GOMAXPROCS=%d)", Zh: "%s 的输出（模拟 %d 个 CPU 的机器，GOMAXPROCS=%d）"}
	txtExpectedOf       = i18n.Text{En: "Output of %s, as the lesson gives it (not run)", Zh: "%s 的输出，取自课程（未运行）"}
	txtStderr           = i18n.Text{En: "standard error:", Zh: "标准错误："}
	txtNoOutput         = i18n.Text{En: "(no output)", Zh: "（没有输出）"}
	txtMatches          = i18n.Text{En: "matches the lesson", Zh: "与课程一致"}
	txtDiffers          = i18n.Text{En: "differs from the lesson", Zh: "与课程不一致"}
	txtUnexpected       = i18n.Text{En: "did not end as the lesson expects", Zh: "结束方式与课程预期不同"}
	txtFailsAsExpected  = i18n.Text{En: "fails as the lesson expects", Zh: "如课程所料地失败了"}
	txtNothingToCompare = i18n.Text{En: "(the lesson gives no output to compare with)", Zh: "（课程没有给出可对比的输出）"}
	txtMatchesUnordered = i18n.Text{En: "matches the lesson, in any order", Zh: "与课程一致（行的顺序不限）"}
	txtLessonSays       = i18n.Text{En: "the lesson expects:", Zh: "课程给出的输出："}
	txtMoreLines        = i18n.Text{En: "… %d more lines", Zh: "……还有 %d 行"}
	txtNoBuild          = i18n.Text{En: "This program is deliberately broken: it is shown, not run.", Zh: "这段程序是故意写错的：只展示，不运行。"}
	txtNoRun            = i18n.Text{En: "This program is shown, not run.", Zh: "这段程序只展示，不运行。"}
	txtRunFailed        = i18n.Text{En: "could not run the program: %v", Zh: "无法运行程序：%v"}
	txtNoTrace          = i18n.Text{En: "no %s picture: the run left no trace", Zh: "无法绘制 %s：这次运行没有留下跟踪记录"}
)

// Timeline.
var (
	txtTimeline = i18n.Text{En: "Timeline · virtual time %s, %s per column", Zh: "时间线 · 虚拟时间 %s，每列 %s"}
	txtNoTime   = i18n.Text{En: "no virtual time passed", Zh: "没有经过任何虚拟时间"}
	txtLegend   = i18n.Text{En: "legend: ", Zh: "图例："}
	txtIdle     = i18n.Text{En: "idle", Zh: "空闲"}
	txtOtherGs  = i18n.Text{En: "other goroutines", Zh: "其他 goroutine"}
	txtMain     = i18n.Text{En: " (main)", Zh: "（main）"}
	txtRuntime  = i18n.Text{En: " (runtime)", Zh: "（运行时）"}
	txtTraceCut = i18n.Text{En: "only the first %d events of the trace were kept: the timeline stops there", Zh: "跟踪记录只保留了前 %d 个事件：时间线到最后一个事件为止"}
)

// Queues.
var (
	txtQueuesPeak  = i18n.Text{En: "Run queues at %s, when the most goroutines waited to run: %d", Zh: "运行队列：%s 时等待运行的 goroutine 最多，共 %d 个"}
	txtQueuesEnd   = i18n.Text{En: "Run queues at the end (%s): no goroutine ever waited in a queue", Zh: "运行队列，结束时（%s）：从没有 goroutine 在队列中等待"}
	txtRunning     = i18n.Text{En: "running", Zh: "正在运行"}
	txtLocalQueue  = i18n.Text{En: "local queue", Zh: "本地队列"}
	txtInSyscall   = i18n.Text{En: "in a system call", Zh: "在系统调用中"}
	txtIdleP       = i18n.Text{En: "idle", Zh: "空闲"}
	txtGlobalQueue = i18n.Text{En: "global queue: ", Zh: "全局队列："}
	txtWaiting     = i18n.Text{En: "waiting: ", Zh: "等待中："}
	txtAndMore     = i18n.Text{En: "and %d more", Zh: "另有 %d 个"}
)

// Stacks.
var (
	txtStacksTitle = i18n.Text{En: "Goroutine stacks at %s, at their largest: %s, %d goroutines alive", Zh: "goroutine 栈：%s 时占用最多，共 %s，存活 %d 个 goroutine"}
	txtDeadGs      = i18n.Text{En: "(goroutines already finished: %d)", Zh: "（已结束的 goroutine：%d 个）"}
	txtGoroutine   = i18n.Text{En: "goroutine", Zh: "goroutine"}
	txtState       = i18n.Text{En: "state", Zh: "状态"}
	txtStack       = i18n.Text{En: "stack", Zh: "栈"}
	txtGrew        = i18n.Text{En: "grew", Zh: "增长"}
	// txtStates are the states of a goroutine that is not waiting.
	txtStates = map[string]i18n.Text{
		"running":  {En: "running", Zh: "运行中"},
		"runnable": {En: "runnable", Zh: "可运行"},
		"syscall":  {En: "syscall", Zh: "系统调用中"},
	}
	txtMoreGs      = i18n.Text{En: "… and %d more goroutines", Zh: "……另有 %d 个 goroutine"}
	txtThreadStack = i18n.Text{En: "an OS thread's stack, for comparison: %s, %d× a new goroutine's %s", Zh: "作为对比，一个操作系统线程的栈：%s，是新 goroutine 的栈（%[3]s）的 %[2]d 倍"}
)

// Channels.
var (
	txtChansPeak = i18n.Text{En: "Channels at %s, when they held the most values and waiting goroutines: %d", Zh: "通道：%s 时缓冲的值与等待的 goroutine 最多，共 %d 个"}
	txtChansEnd  = i18n.Text{En: "Channels at the end (%s)", Zh: "结束时的通道（%s）"}
	txtNoChans   = i18n.Text{En: "the program made no channel", Zh: "程序没有创建通道"}
	txtChannel   = i18n.Text{En: "channel", Zh: "通道"}
	txtCap       = i18n.Text{En: "cap", Zh: "容量"}
	txtBuffer    = i18n.Text{En: "buffer", Zh: "缓冲区"}
	txtClosed    = i18n.Text{En: "closed", Zh: "已关闭"}
	txtInSelect  = i18n.Text{En: "waiting in a select, on several channels at once: %s", Zh: "在 select 中同时等待多个通道：%s"}
)

// Summary and trace.
var (
	txtSummary         = i18n.Text{En: "Summary", Zh: "运行摘要"}
	txtVirtualTime     = i18n.Text{En: "virtual time", Zh: "虚拟时间"}
	txtGoroutines      = i18n.Text{En: "goroutines", Zh: "goroutine"}
	txtGoroutinesVal   = i18n.Text{En: "%d created, at most %d alive at once", Zh: "创建 %d 个，同时存活最多 %d 个"}
	txtSwitches        = i18n.Text{En: "context switches", Zh: "上下文切换"}
	txtSteals          = i18n.Text{En: "steals", Zh: "工作窃取"}
	txtHandoffs        = i18n.Text{En: "hand-offs", Zh: "P 的移交"}
	txtPreemptions     = i18n.Text{En: "preemptions", Zh: "抢占"}
	txtStackGrowths    = i18n.Text{En: "stack growths", Zh: "栈增长"}
	txtStackGrowthsVal = i18n.Text{En: "%d (%s copied)", Zh: "%d 次（拷贝 %s）"}
	txtRaces           = i18n.Text{En: "racy updates interrupted", Zh: "被打断的竞争更新"}
	txtRunSummary      = i18n.Text{En: "summary", Zh: "运行摘要"}
	txtSeed            = i18n.Text{En: "seed", Zh: "种子"}
	txtTraceTitle      = i18n.Text{En: "Trace · the first %d of %d events", Zh: "跟踪记录 · %[2]d 个事件中的前 %[1]d 个"}
	txtTraceTime       = i18n.Text{En: "time(ns)", Zh: "时间/纳秒"}
	txtTraceKind       = i18n.Text{En: "kind", Zh: "事件"}
	txtTraceDetails    = i18n.Text{En: "details", Zh: "详情"}
	txtMoreEvents      = i18n.Text{En: "… %d more events (gotour-gpm run FILE.go --trace - shows them all)", Zh: "……还有 %d 个事件（gotour-gpm run FILE.go --trace - 可以全部列出）"}
	txtOneMoreEvent    = i18n.Text{En: "… %d more event (gotour-gpm run FILE.go --trace - shows it)", Zh: "……还有 %d 个事件（gotour-gpm run FILE.go --trace - 可以列出）"}
)
