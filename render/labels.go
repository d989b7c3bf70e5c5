package render

import (
	"encoding/json"
	"html/template"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// labels are the words of the site's own interface in one language.
type labels struct {
	SiteTitle, Tagline, CourseMap, Contents, Prev, Next, LessonN string
	OtherLangName, OtherLangTitle, LangName                      string
	Search, SearchLabel, Theme, ThemeTitle, Menu, Keys           string
	Output, Simulated, Matches, Expected, Stderr, Timeline       string
	StepThrough, Summary, Trace, NotRun, NoBuild, Expect         string
	Exercise, RunHint, Exercises, Snippets, Footer, Legend       string
	Cut, NoOutput, Start, Intro                                  string
	Stats                                                        [10]string
	// Races labels Stats.Races, shown only when non-zero.
	Races string
}

func labelsFor(lang i18n.Lang) labels {
	t := func(en, zh string) string { return i18n.Text{En: en, Zh: zh}.In(lang) }
	return labels{
		SiteTitle:      "gotour-gpm",
		Tagline:        t("Go concurrency and the G-P-M scheduler", "Go 并发与 GPM 调度模型"),
		CourseMap:      t("Course map", "课程地图"),
		Contents:       t("On this page", "本页内容"),
		Prev:           t("Previous", "上一课"),
		Next:           t("Next", "下一课"),
		LessonN:        t("Lesson %d", "第 %d 课"),
		LangName:       t("English", "中文"),
		OtherLangName:  t("中文", "English"),
		OtherLangTitle: t("阅读本课的中文版", "Read this lesson in English"),
		Search:         t("Search both languages…", "搜索中英文内容…"),
		SearchLabel:    t("Search", "搜索"),
		Theme:          t("Theme", "主题"),
		ThemeTitle:     t("Theme: follows the system; click for light or dark", "主题：跟随系统；点击切换浅色或深色"),
		Menu:           t("Contents", "目录"),
		Keys:           t("← and → go to the previous and next lesson", "← 和 → 键切换上一课和下一课"),
		Output:         t("Output", "输出"),
		Simulated:      t("simulated with %d P, %d CPU, seed %d · %s of virtual time", "模拟运行：%d 个 P，%d 个 CPU，种子 %d · 虚拟时间 %s"),
		Matches:        t("same as real Go", "与真实 Go 一致"),
		Expected:       t("Expected output (from the real Go toolchain)", "预期输出（来自真实的 Go 工具链）"),
		Stderr:         t("standard error", "标准错误"),
		Timeline:       t("Schedule: one lane per P", "调度时间线：每个 P 一条泳道"),
		StepThrough:    t("Step through the G-P-M state", "逐步查看 GPM 状态"),
		Summary:        t("Scheduler counts", "调度统计"),
		Trace:          t("Scheduler trace", "调度跟踪记录"),
		NotRun:         t("not run", "不运行"),
		NoBuild:        t("does not compile, on purpose", "故意无法编译"),
		Expect:         t("meant to end in: %s", "预期结局：%s"),
		Exercise:       t("exercise", "练习"),
		RunHint:        t("Run it yourself: save as prog.go, then", "自己运行：保存为 prog.go，然后执行"),
		Exercises:      t("Exercises", "练习"),
		Snippets:       t("%d runnable programs", "%d 个可运行程序"),
		Footer:         t("Every program on this site ran on gotour-gpm's simulated G-P-M scheduler when the site was built. Run them yourself, and edit them, with “gotour-gpm serve”.", "本站的每个程序都在生成网站时运行于 gotour-gpm 模拟的 GPM 调度器上。用 “gotour-gpm serve” 可以亲自运行并修改它们。"),
		Legend:         t("Markers", "标记"),
		Cut:            t("The step-through holds the first %d of the run's %d events.", "逐步查看只包含本次运行 %d 个事件中的前 %d 个。"),
		NoOutput:       t("(no output)", "（没有输出）"),
		Start:          t("Start here", "从这里开始"),
		Intro:          t("An interactive course on goroutines, channels and the scheduler that runs them. Every program runs on a simulated, deterministic G-P-M scheduler: read its output, its timeline, and step through what each P, M and G does.", "一门关于 goroutine、通道以及运行它们的调度器的交互式课程。每个程序都运行在确定性的模拟 GPM 调度器上：看它的输出、它的时间线，并逐步查看每个 P、M、G 在做什么。"),
		Stats: [10]string{
			t("goroutines", "goroutine 数"), t("most alive at once", "同时存活最多"),
			t("switches", "切换次数"), t("steals", "窃取次数"), t("hand-offs", "移交次数"),
			t("preemptions", "抢占次数"), t("stack growths", "栈增长次数"),
			t("from the global queue", "取自全局队列"), t("events", "事件数"), t("virtual time", "虚拟时间"),
		},
		Races: t("racy updates interrupted", "被打断的竞争更新"), // termview's summary says the same
	}
}

// failureNames name the ways a snippet may be meant to fail, for the
// Expect badge, in the words the lessons use: 死锁 is the glossary's,
// 致命错误 is how the zh lessons say "fatal error", and panic, like the
// other Go words of the glossary, stays in English.
var failureNames = map[tour.Failure]i18n.Text{
	tour.FailDeadlock: {En: "deadlock", Zh: "死锁"},
	tour.FailPanic:    {En: "panic", Zh: "panic"},
	tour.FailFatal:    {En: "fatal error", Zh: "致命错误"},
	tour.FailExit:     {En: "non-zero exit", Zh: "以非零状态退出"},
}

// failureName is the name of f in lang, or f itself if it has none.
func failureName(f tour.Failure, lang i18n.Lang) string {
	if t, ok := failureNames[f]; ok {
		return t.In(lang)
	}
	return string(f)
}

// jsLabels are the words static/site.js and static/gpm.js use, as JSON
// embedded once per page.
func jsLabels(lang i18n.Lang) template.JS {
	t := func(en, zh string) string { return i18n.Text{En: en, Zh: zh}.In(lang) }
	m := map[string]string{
		"copy": t("Copy", "复制"), "copied": t("Copied", "已复制"),
		"edit": t("Edit", "编辑"), "run": t("Run", "运行"), "runBusy": t("Running…", "运行中…"),
		"reset": t("Reset", "还原"), "check": t("Check", "检查"), "checking": t("Checking…", "检查中…"),
		"play": t("Play", "播放"), "pause": t("Pause", "暂停"), "step": t("Step", "单步"),
		"back": t("Back", "后退"), "start": t("To start", "回到开头"),
		"event": t("event %d of %d", "第 %d / %d 个事件"), "before": t("before the first event", "第一个事件之前"),
		"global": t("global queue", "全局队列"), "runnext": t("runnext", "runnext"),
		"runq": t("local queue", "本地队列"), "idle": t("idle", "空闲"), "syscall": t("in syscall", "系统调用中"),
		"chans": t("channels", "通道"), "buffer": t("buffer", "缓冲区"), "recvq": t("recvq", "接收队列"),
		"sendq": t("sendq", "发送队列"), "closed": t("closed", "已关闭"), "goroutines": t("goroutines", "goroutine"),
		"waiting": t("waiting", "等待中"), "runnable": t("runnable", "可运行"), "running": t("running", "运行中"),
		"dead": t("done", "已结束"), "stack": t("stack", "栈"), "mismatch": t("replay mismatches: %d", "回放不一致：%d"),
		"noresults": t("No results", "没有结果"), "results": t("%d results", "%d 个结果"),
		"searchLoading": t("Loading the index…", "正在加载索引…"),
		"themeAuto":     t("Theme: follows the system", "主题：跟随系统"), "themeLight": t("Theme: light", "主题：浅色"),
		"themeDark": t("Theme: dark", "主题：深色"), "serveOnly": t("Edit and run with “gotour-gpm serve”", "用 “gotour-gpm serve” 可编辑并运行"),
		"error":  t("The server could not run the program: %s", "服务器无法运行这个程序：%s"),
		"passed": t("Passed", "通过"), "failed": t("Not yet", "尚未通过"),
	}
	b, _ := json.Marshal(m)
	return template.JS(b)
}
