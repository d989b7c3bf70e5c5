package checker

import (
	"fmt"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/runner"
)

// NoDataRace checks that no run has a data race: two goroutines access
// the same memory, at least one writing, and nothing orders the two. The
// exercise's runs then go with the simulator's race detector
// (runner.Options.Race), which judges by happens-before, not by whether
// an update happened to be lost, so a race is found under every schedule
// and on one P as well, as go run -race finds it; it follows the program
// into named functions, methods and pointers, and a goroutine that
// writes only its own variable, element or pointer's target passes.
func NoDataRace() Case {
	return Case{
		ID:     "no-data-race",
		Name:   tr("no data race (as go run -race would report)", "没有数据竞争（go run -race 不会报告）"),
		always: true,
		race:   true,
		run: func(r *Run) *failure {
			if len(r.Result.Races) == 0 {
				return nil
			}
			return raceFailure(r.Result.Races[0])
		},
	}
}

// raceFailure says which accesses race, where.
func raceFailure(rc runner.Race) *failure {
	what := rc.Cur.Site.Expr
	if what == "" {
		what = rc.Prev.Site.Expr
	}
	a, b := rc.Prev.Site.Line, rc.Cur.Site.Line
	lines := fmt.Sprintf("lines %d and %d", a, b)
	zhLines := fmt.Sprintf("第 %d 行和第 %d 行", a, b)
	if a == b {
		lines, zhLines = fmt.Sprintf("line %d", a), fmt.Sprintf("第 %d 行", a)
	}
	return &failure{
		got: tr(fmt.Sprintf("a data race on %s (%s, %s and %s)", what, lines, who(rc.Prev), who(rc.Cur)),
			fmt.Sprintf("%s 上的数据竞争（%s，%s和%s）", what, zhLines, zhWho(rc.Prev), zhWho(rc.Cur))),
		want: tr("no data race", "没有数据竞争"),
		msg: i18n.Text{
			En: fmt.Sprintf("Goroutines use %s at the same time, at least one of them writing: that is a data race (%s; gotour-gpm run --race shows the report), and on a real machine updates get lost. Give each goroutine its own slot, send the results on a channel, or guard %s with a sync.Mutex.", what, lines, what),
			Zh: fmt.Sprintf("多个 goroutine 同时使用 %s，并且至少有一个在写它：这是数据竞争（%s；用 gotour-gpm run --race 可以看到报告）。在真实的机器上，更新会丢失。给每个 goroutine 一个自己的位置，或者通过通道发送结果，或者用 sync.Mutex 保护 %s。", what, zhLines, what),
		},
	}
}

func who(a runner.RaceAccess) string {
	kind := "read"
	if a.Write {
		kind = "write"
	}
	if a.G == 1 {
		return kind + " by main"
	}
	return fmt.Sprintf("%s by goroutine %d", kind, a.G)
}

func zhWho(a runner.RaceAccess) string {
	kind := "读"
	if a.Write {
		kind = "写"
	}
	if a.G == 1 {
		return "main 的" + kind
	}
	return fmt.Sprintf("goroutine %d 的%s", a.G, kind)
}
