package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/gotour-gpm/gotour-gpm/checker"
	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/internal/progress"
)

// checkOpts are the check command's flags.
type checkOpts struct {
	dir   string
	json  bool
	watch bool
}

func newCheckCmd(e *env) *cobra.Command {
	o := &checkOpts{}
	cmd := &cobra.Command{
		Use:  "check [ID] [FILE]",
		Args: e.maxArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			return e.check(ctx, o, args)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&o.dir, "dir", workspaceDir, "")
	fs.BoolVar(&o.json, "json", false, "")
	fs.BoolVar(&o.watch, "watch", false, "")
	e.describeFlag(fs, "dir", i18n.Text{
		En: "the workspace `folder` where FILE is by default",
		Zh: "FILE 默认所在的工作区`目录`",
	})
	e.describeFlag(fs, "json", i18n.Text{
		En: "print the report as JSON, for editors and tools",
		Zh: "以 JSON 格式打印报告，供编辑器和工具使用",
	})
	e.describeFlag(fs, "watch", i18n.Text{
		En: "grade again every time the file is saved, until interrupted",
		Zh: "每次保存文件时重新评分，直到被中断",
	})
	e.describe(cmd, i18n.Text{
		En: "Grade an exercise",
		Zh: "给练习评分",
	}, i18n.Text{
		En: `Grade FILE against exercise ID: run it on the simulated scheduler under
many schedules (seeds and GOMAXPROCS values) and check what the exercise
asks for. The report has one line per check, ✓ or ✗; under a failing one,
what was got and wanted, and for a failure on some schedules the first
such schedule, with its timeline and the command that replays it.

FILE defaults to the exercise's file in the workspace (--dir); ID
defaults to the one FILE is named after, or to the exercise you started
last. A passed exercise is recorded in your progress.

Exit status: 0 when the exercise passes, 3 when it does not, 1 when it
cannot be graded (no such file or exercise).`,
		Zh: `用练习 ID 给 FILE 评分：在模拟调度器上以多种调度（种子和 GOMAXPROCS
取值）运行它，检查练习要求的每一项。报告每项检查一行，✓ 或 ✗；未通过的
检查下面写明实际结果和期望结果；如果只在部分调度下失败，还给出第一个
失败的调度、它的时间线和重放它的命令。

FILE 默认是工作区（--dir）中该练习的文件；ID 默认取 FILE 的文件名，
或者你最近开始的练习。通过的练习会记入学习进度。

退出状态：通过为 0，未通过为 3，无法评分（文件或练习不存在）为 1。`,
	})
	return cmd
}

// check runs the check command.
func (e *env) check(ctx context.Context, o *checkOpts, args []string) error {
	ex, file, err := e.checkTarget(o, args)
	if err != nil {
		return err
	}
	if o.watch {
		return e.watch(ctx, ex, file, o, watchOpts{})
	}
	passed, err := e.gradeOnce(ctx, ex, file, o)
	if err != nil {
		return err
	}
	if !passed {
		return ErrNotPassed
	}
	return nil
}

// checkTarget works out the exercise and the file from the arguments:
// ID FILE, ID alone (its workspace file), FILE alone (the exercise it is
// named after), or nothing (the current exercise's workspace file).
func (e *env) checkTarget(o *checkOpts, args []string) (*checker.Exercise, string, error) {
	switch len(args) {
	case 2:
		ex, err := e.lookupExercise(args[0])
		return ex, args[1], err
	case 1:
		if !looksLikeFile(args[0]) {
			ex, err := e.lookupExercise(args[0])
			if err != nil {
				return nil, "", err
			}
			return ex, workspaceFile(o.dir, ex.ID), nil
		}
		ex, err := exerciseOfFile(args[0])
		return ex, args[0], err
	}
	p, perr := e.loadProgress()
	ex, err := e.currentExercise(p, perr, false)
	if err != nil {
		return nil, "", err
	}
	return ex, workspaceFile(o.dir, ex.ID), nil
}

// looksLikeFile reports whether a check argument names a file rather than
// an exercise: it ends in .go or has a path separator.
func looksLikeFile(arg string) bool {
	return strings.HasSuffix(arg, ".go") || strings.ContainsRune(arg, '/') || strings.ContainsRune(arg, filepath.Separator)
}

// exerciseOfFile is the exercise a file is named after: its base name
// without .go, or else the name of its folder (the workspace layout).
func exerciseOfFile(file string) (*checker.Exercise, error) {
	base := strings.TrimSuffix(filepath.Base(file), ".go")
	for _, id := range []string{base, filepath.Base(filepath.Dir(file))} {
		if ex, err := checker.Lookup(id); err == nil {
			return ex, nil
		}
	}
	return nil, errorf(i18n.Text{
		En: "cannot tell which exercise %s is for: name it, as in \"gotour-gpm check ID %s\"",
		Zh: "看不出 %s 是哪个练习的：请写明练习的 ID，例如 \"gotour-gpm check ID %s\"",
	}, file, file)
}

// gradeOnce grades file, prints the report, records a pass, and reports
// whether the exercise passed. An error means the file could not be
// graded.
func (e *env) gradeOnce(ctx context.Context, ex *checker.Exercise, file string, o *checkOpts) (bool, error) {
	src, err := e.readSource(file, errorf(i18n.Text{
		En: "no such file: %s (start the exercise with \"gotour-gpm exercise %s\")",
		Zh: "文件不存在：%s（先用 \"gotour-gpm exercise %s\" 开始这个练习）",
	}, file, ex.ID))
	if err != nil {
		if o.json {
			// An editor reads stdout: it gets a result it can show too.
			if werr := e.writeJSONError(ex.ID, file, err); werr != nil {
				return false, werr
			}
		}
		return false, err
	}
	bar := e.progressBar(ex.ID, !o.json)
	res, err := e.grade(ctx, &gradingRequest{Exercise: ex.ID, Filename: file, Source: string(src), Lang: e.lang}, bar.update)
	bar.clear()
	if err != nil {
		return false, err
	}
	rep := res.Report
	if o.json {
		err = e.writeJSONReport(res)
	} else {
		err = e.writeTextReport(rep, res)
	}
	if err != nil {
		return false, err
	}
	if rep.Ungraded.En != "" {
		// The machine could not finish: no verdict, no hint, and the
		// exit status of a tool failure rather than of a failed check.
		return false, &ExitError{Code: 1}
	}
	if rep.Pass {
		e.recordPass(ex, !o.json)
	} else if !o.json {
		e.suggestHint(ex)
	}
	return rep.Pass, nil
}

// recordPass records a passed exercise and, if say is set, says what to
// do next.
func (e *env) recordPass(ex *checker.Exercise, say bool) {
	p, perr := e.loadProgress()
	var d *progress.DamagedError
	if errors.As(perr, &d) {
		e.warnProgress(perr)
	} else if s, err := e.progressStore(); err != nil {
		e.warnProgress(err)
	} else if err := s.MarkPassed(ex.ID); err != nil {
		e.warnProgress(err)
	} else {
		p.Passed = append(p.Passed, ex.ID)
	}
	if !say {
		return
	}
	fmt.Fprintf(e.stdout, "\n"+i18n.Text{
		En: "Well done! Compare with the reference solution: gotour-gpm solution %s\n",
		Zh: "干得好！和参考答案比较一下：gotour-gpm solution %s\n",
	}.In(e.lang), ex.ID)
	all, err := checker.All()
	if err != nil {
		return
	}
	for _, next := range all {
		if !slices.Contains(p.Passed, next.ID) && next.ID != ex.ID {
			fmt.Fprintf(e.stdout, i18n.Text{
				En: "Next exercise: gotour-gpm exercise %s\n",
				Zh: "下一个练习：gotour-gpm exercise %s\n",
			}.In(e.lang), next.ID)
			return
		}
	}
}

// suggestHint points a learner whose exercise failed at the next hint.
func (e *env) suggestHint(ex *checker.Exercise) {
	p, _ := e.loadProgress()
	used := p.HintsUsed(ex.ID)
	if used >= len(ex.Hints) {
		return
	}
	fmt.Fprintf(e.stdout, "\n"+i18n.Text{
		En: "Stuck? gotour-gpm hint %s shows a hint (%d of %d seen).\n",
		Zh: "卡住了？gotour-gpm hint %s 会给出一条提示（已看 %d 条，共 %d 条）。\n",
	}.In(e.lang), ex.ID, used, len(ex.Hints))
}

// progressBar shows grading progress on stderr when stderr is a terminal
// and show is set; otherwise it does nothing.
type progressBar struct {
	e    *env
	id   string
	on   bool
	seen bool
}

func (e *env) progressBar(id string, show bool) *progressBar {
	f, ok := e.stderr.(*os.File)
	return &progressBar{e: e, id: id, on: show && ok && isTerminal(f)}
}

func isTerminal(f *os.File) bool { return term.IsTerminal(f.Fd()) }

// barWidth is the number of cells of the progress bar.
const barWidth = 30

func (b *progressBar) update(done, total int) {
	if !b.on || total <= 0 {
		return
	}
	b.seen = true
	n := done * barWidth / total
	fmt.Fprintf(b.e.stderr, "\r%s [%s%s] %d/%d", b.id, strings.Repeat("#", n), strings.Repeat(".", barWidth-n), done, total)
}

// clear erases the bar's line.
func (b *progressBar) clear() {
	if b.seen {
		fmt.Fprint(b.e.stderr, "\r\033[K")
	}
}
