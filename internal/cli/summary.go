package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// writeSummary prints --summary: the run's counts from the simulator, one
// per line, on stderr after the program's own output.
func (e *env) writeSummary(res *workResult, seed uint64) {
	st := res.Stats
	l := e.lang
	rows := []struct {
		name  i18n.Text
		value string
	}{
		{i18n.Text{En: "virtual time", Zh: "虚拟时间"}, time.Duration(res.VirtualTime).String()},
		{i18n.Text{En: "goroutines", Zh: "goroutine"}, fmt.Sprintf(i18n.Text{
			En: "%d created, at most %d alive at once",
			Zh: "创建 %d 个，最多同时存活 %d 个",
		}.In(l), st.Goroutines, st.MaxLive)},
		{i18n.Text{En: "context switches", Zh: "上下文切换"}, fmt.Sprint(st.Switches)},
		{i18n.Text{En: "steals", Zh: "工作窃取"}, fmt.Sprint(st.Steals)},
		{i18n.Text{En: "hand-offs", Zh: "移交 P"}, fmt.Sprint(st.Handoffs)},
		{i18n.Text{En: "preemptions", Zh: "抢占"}, fmt.Sprint(st.Preemptions)},
		{i18n.Text{En: "stack growths", Zh: "栈增长"}, fmt.Sprintf(i18n.Text{
			En: "%d (%d bytes copied)",
			Zh: "%d 次（拷贝 %d 字节）",
		}.In(l), st.StackGrowths, st.StackCopied)},
		{i18n.Text{En: "GOMAXPROCS", Zh: "GOMAXPROCS"}, fmt.Sprint(res.Procs)},
		{i18n.Text{En: "seed", Zh: "种子"}, fmt.Sprint(seed)},
	}
	width := 0
	for _, r := range rows {
		width = max(width, textWidth(r.name.In(l)))
	}
	var b strings.Builder
	b.WriteString("gotour-gpm: " + i18n.Text{En: "summary", Zh: "运行摘要"}.In(l) + "\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "  %s  %s\n", padRight(r.name.In(l), width), r.value)
	}
	fmt.Fprint(e.stderr, b.String())
}

// padRight pads s with spaces to width terminal columns.
func padRight(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-textWidth(s)))
}

// textWidth is how many terminal columns s takes: two for each Chinese
// character or full-width punctuation mark, one for anything else. That
// covers every string the CLI prints; a full East Asian Width table is
// not needed for it.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x1100 && r <= 0x115F, // Hangul Jamo
			r >= 0x2E80 && r <= 0xA4CF, // CJK radicals ... Yi, incl. CJK punctuation and ideographs
			r >= 0xAC00 && r <= 0xD7A3, // Hangul syllables
			r >= 0xF900 && r <= 0xFAFF, // CJK compatibility ideographs
			r >= 0xFF00 && r <= 0xFF60, // full-width forms
			r >= 0xFFE0 && r <= 0xFFE6:
			n += 2
		default:
			n++
		}
	}
	return n
}
