package cli

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/gotour-gpm/gotour-gpm/checker"
	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/internal/progress"
)

func newHintCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:  "hint [ID] [N]",
		Args: e.maxArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error { return e.hint(args) },
	}
	e.describe(cmd, i18n.Text{
		En: "Show the next hint of an exercise",
		Zh: "显示练习的下一条提示",
	}, i18n.Text{
		En: `Show the next hint of exercise ID (by default the exercise you started
last). Hints go from a nudge to almost the answer; each call shows the
next one, and your progress remembers how many you have seen. With N,
show hint N again.`,
		Zh: `显示练习 ID 的下一条提示（默认是你最近开始的练习）。提示从轻轻点拨
到几乎给出答案；每调用一次显示下一条，学习进度会记住你看过几条。
给出 N 时，再看一遍第 N 条提示。`,
	})
	return cmd
}

// hint runs the hint command.
func (e *env) hint(args []string) error {
	p, perr := e.loadProgress()
	var ex *checker.Exercise
	var err error
	if len(args) >= 1 {
		ex, err = e.lookupExercise(args[0])
	} else {
		ex, err = e.currentExercise(p, perr, false)
	}
	if err != nil {
		return err
	}
	total := len(ex.Hints)
	n := 0
	if len(args) == 2 {
		n, err = strconv.Atoi(args[1])
		if err != nil || n < 1 || n > total {
			return errorf(i18n.Text{
				En: "exercise %s has hints 1 to %d, not %q",
				Zh: "练习 %s 的提示编号是 1 到 %d，没有 %q",
			}, ex.ID, total, args[1])
		}
	} else {
		n = e.nextHint(ex, total, perr)
	}
	fmt.Fprintf(e.stdout, i18n.Text{
		En: "Hint %d of %d for %s:\n\n%s\n",
		Zh: "%[3]s 的提示 %[1]d / %[2]d：\n\n%[4]s\n",
	}.In(e.lang), n, total, ex.ID, ex.Hints[n-1].In(e.lang))
	if n < total {
		fmt.Fprintf(e.stdout, "\n"+i18n.Text{
			En: "Run \"gotour-gpm hint %s\" again for the next one.\n",
			Zh: "再运行 \"gotour-gpm hint %s\" 可以看下一条。\n",
		}.In(e.lang), ex.ID)
	} else {
		fmt.Fprintf(e.stdout, "\n"+i18n.Text{
			En: "That was the last hint. Once you pass, \"gotour-gpm solution %[1]s\"\nshows the reference solution (--force shows it now).\n",
			Zh: "这是最后一条提示。通过之后，\"gotour-gpm solution %[1]s\"\n会显示参考答案（加 --force 现在就显示）。\n",
		}.In(e.lang), ex.ID)
	}
	return nil
}

// nextHint records that the learner sees one more hint and returns its
// number. Without progress, it is the first hint.
func (e *env) nextHint(ex *checker.Exercise, total int, perr error) int {
	var d *progress.DamagedError
	if errors.As(perr, &d) {
		e.warnProgress(perr)
		return 1
	}
	s, err := e.progressStore()
	n := 1
	if err == nil {
		n, err = s.UseHint(ex.ID, total)
	}
	if err != nil {
		e.warnProgress(err)
		return 1
	}
	return n
}
