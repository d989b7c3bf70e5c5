package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/gotour-gpm/gotour-gpm/checker"
	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/internal/progress"
)

func newSolutionCmd(e *env) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:  "solution [ID]",
		Args: e.maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return e.solution(args, force) },
	}
	cmd.Flags().BoolVar(&force, "force", false, "")
	e.describeFlag(cmd.Flags(), "force", i18n.Text{
		En: "show it even though you have not passed the exercise",
		Zh: "即使还没有通过练习也显示",
	})
	e.describe(cmd, i18n.Text{
		En: "Show the reference solution of a passed exercise",
		Zh: "显示已通过练习的参考答案",
	}, i18n.Text{
		En: `Show the reference solution of exercise ID (by default the exercise you
started last), once "gotour-gpm check" has passed it; --force shows it
anyway. Yours may be just as good: the checker is what decides.`,
		Zh: `在 "gotour-gpm check" 判定练习 ID 通过之后，显示它的参考答案（默认是你
最近开始的练习）；--force 无论如何都显示。你的答案也许同样好：以检查器
的判定为准。`,
	})
	return cmd
}

// solution runs the solution command.
func (e *env) solution(args []string, force bool) error {
	p, perr := e.loadProgress()
	var ex *checker.Exercise
	var err error
	if len(args) == 1 {
		ex, err = e.lookupExercise(args[0])
	} else {
		ex, err = e.currentExercise(p, perr, false)
	}
	if err != nil {
		return err
	}
	var d *progress.DamagedError
	if !force && errors.As(perr, &d) {
		e.warnProgress(perr)
	}
	if !force && !p.HasPassed(ex.ID) {
		return errorf(i18n.Text{
			En: "you have not passed %[1]s yet: the solution is shown once \"gotour-gpm check %[1]s\" passes (or with --force)",
			Zh: "你还没有通过 %[1]s：等 \"gotour-gpm check %[1]s\" 通过之后才会显示参考答案（或者加 --force）",
		}, ex.ID)
	}
	fmt.Fprintf(e.stdout, i18n.Text{
		En: "Reference solution of %s (%s):\n\n%s",
		Zh: "%s（%s）的参考答案：\n\n%s",
	}.In(e.lang), ex.ID, ex.Title.In(e.lang), ex.Solution)
	return nil
}
