package cli

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/internal/progress"
	"github.com/gotour-gpm/gotour-gpm/internal/termview"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// lessonOpts are the lesson command's flags.
type lessonOpts struct {
	noRun   bool
	noPager bool
	color   colorMode
}

func newLessonCmd(e *env) *cobra.Command {
	o := &lessonOpts{color: "auto"}
	cmd := &cobra.Command{
		Use: "lesson N|ID|next",
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.lesson(cmd.Context(), o, args)
		},
	}
	fs := cmd.Flags()
	fs.BoolVar(&o.noRun, "no-run", false, "")
	fs.BoolVar(&o.noPager, "no-pager", false, "")
	fs.Var(&o.color, "color", "")
	e.describeFlag(fs, "no-run", i18n.Text{
		En: "show the programs without running them",
		Zh: "只展示程序，不运行",
	})
	e.describeFlag(fs, "no-pager", i18n.Text{
		En: "do not page the output, even on a terminal",
		Zh: "即使输出到终端也不使用分页器",
	})
	e.describeFlag(fs, "color", i18n.Text{
		En: "colour the text: auto (on a terminal, unless NO_COLOR is set), always or never",
		Zh: "文字着色：auto（输出到终端且未设置 NO_COLOR 时）、always 或 never",
	})
	e.describe(cmd, i18n.Text{
		En: "Read a lesson, running its programs",
		Zh: "阅读一课，并运行其中的程序",
	}, i18n.Text{
		En: `Show lesson N (its number), or the lesson with id ID, or with "next" the
first lesson you have not read yet. Each program in the lesson runs on the
simulated scheduler, and its output and pictures are shown beneath it,
with a ✓ when the output is the one the lesson gives.

On a terminal the text is coloured and, when longer than the screen,
shown through $PAGER (less -R by default), as git does; piped, it is plain
text. NO_COLOR turns colour off. The lesson is then marked as read.

The programs' runs are kept in the user's cache directory
($GOTOUR_GPM_CACHE_DIR if set), so that the next view of the lesson by the
same build of gotour-gpm runs nothing.`,
		Zh: `显示第 N 课（按编号）或 id 为 ID 的课程；用 "next" 则显示你还没读过的
第一课。课程中的每个程序都在模拟的调度器上运行，其下方显示输出和图示；
输出与课程给出的一致时标上 ✓。

输出到终端时文字带颜色，超过一屏时像 git 一样通过 $PAGER（默认
less -R）分页；通过管道输出时为纯文本。设置 NO_COLOR 可关闭颜色。
读完后这一课会被标记为已读。

程序的运行结果保存在用户的缓存目录里（设置了 $GOTOUR_GPM_CACHE_DIR 时保存在该目录），
同一个 gotour-gpm 版本再次显示这一课时不必重新运行。`,
	})
	return cmd
}

// lesson runs the lesson command.
func (e *env) lesson(ctx context.Context, o *lessonOpts, args []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	t, err := e.loadTour()
	if err != nil {
		return err
	}
	p, perr := e.loadProgress()
	var l *tour.Lesson
	switch {
	case len(args) != 1:
		return e.noSuchLesson(t, p, errorf(i18n.Text{
			En: "lesson takes one argument: a lesson number, id, or next",
			Zh: "lesson 需要一个参数：课程编号、id 或 next",
		}))
	case args[0] == "next":
		var d *progress.DamagedError
		if errors.As(perr, &d) {
			e.warnProgress(perr)
			return errorf(i18n.Text{
				En: "cannot tell which lesson is next without your progress",
				Zh: "读不到学习进度，无法确定下一课",
			})
		}
		if l = nextLesson(t, p); l == nil {
			fmt.Fprintln(e.stdout, i18n.Text{
				En: "You have read every lesson. Well done!",
				Zh: "你已经读完了所有课程，干得好！",
			}.In(e.lang)+"\n")
			return e.page(listText(e, t, p), true)
		}
	default:
		if l = findLesson(t, args[0]); l == nil {
			return e.noSuchLesson(t, p, errorf(i18n.Text{
				En: "there is no lesson %q",
				Zh: "没有课程 %q",
			}, args[0]))
		}
	}
	scr := e.screen()
	r, err := termview.New(termview.Options{
		Lang:     e.lang,
		Width:    scr.width,
		Color:    useColor(o.color, scr.tty, e.getenv),
		Run:      !o.noRun,
		Parallel: runtime.NumCPU(),
		Cache:    e.runCache(),
	})
	if err != nil {
		return err
	}
	var b strings.Builder
	if err := r.Lesson(ctx, &b, l); err != nil {
		return err
	}
	if err := e.page(b.String(), o.noPager); err != nil {
		return err
	}
	return e.markRead(l.ID, perr)
}

// findLesson finds a lesson by number (its order) or id.
func findLesson(t *tour.Tour, arg string) *tour.Lesson {
	if n, err := strconv.Atoi(arg); err == nil {
		for _, l := range t.Lessons {
			if l.Order == n {
				return l
			}
		}
		return nil
	}
	return t.Lesson(arg)
}

// nextLesson is the first lesson not read yet, or nil.
func nextLesson(t *tour.Tour, p *progress.Progress) *tour.Lesson {
	for _, l := range t.Lessons {
		if !p.HasRead(l.ID) {
			return l
		}
	}
	return nil
}

// noSuchLesson reports a lesson argument that names no lesson, followed
// by the list of lessons, on stderr, and exits with the usage code.
func (e *env) noSuchLesson(t *tour.Tour, p *progress.Progress, err error) error {
	e.printError(err)
	fmt.Fprintln(e.stderr)
	writeList(e.stderr, e.lang, t, p)
	return &ExitError{Code: 2}
}

// markRead records that lesson id was read. Failing to is reported, not
// an error: the lesson was shown. perr is the error of reading the
// progress before; a damaged file is not written.
func (e *env) markRead(id string, perr error) error {
	var d *progress.DamagedError
	if errors.As(perr, &d) {
		e.warnProgress(perr)
		return nil
	}
	s, err := e.progressStore()
	if err == nil {
		err = s.MarkRead(id)
	}
	if err != nil {
		e.warnProgress(err)
	}
	return nil
}

// listText is the course list as a string.
func listText(e *env, t *tour.Tour, p *progress.Progress) string {
	var b strings.Builder
	writeList(&b, e.lang, t, p)
	return b.String()
}
