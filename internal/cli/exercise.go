package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gotour-gpm/gotour-gpm/checker"
	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/internal/progress"
)

// The exercise workspace: each exercise is one file, DIR/ID/ID.go, in a
// folder of its own so that editors and go vet see one package main per
// folder. DIR is --dir, by default workspaceDir under the current
// directory.

// workspaceDir is the default folder of the exercise files.
const workspaceDir = "gotour-gpm-exercises"

// workspaceFile is the file of exercise id in dir.
func workspaceFile(dir, id string) string {
	return filepath.Join(dir, id, id+".go")
}

// exerciseOpts are the exercise command's flags.
type exerciseOpts struct {
	dir   string
	force bool
}

func newExerciseCmd(e *env) *cobra.Command {
	o := &exerciseOpts{}
	cmd := &cobra.Command{
		Use:  "exercise [ID]",
		Args: e.maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return e.exercise(o, args) },
	}
	fs := cmd.Flags()
	fs.StringVar(&o.dir, "dir", workspaceDir, "")
	fs.BoolVar(&o.force, "force", false, "")
	e.describeFlag(fs, "dir", i18n.Text{
		En: "the workspace `folder` for exercise files",
		Zh: "存放练习文件的工作区`目录`",
	})
	e.describeFlag(fs, "force", i18n.Text{
		En: "start over: overwrite your file with the starter code",
		Zh: "从头开始：用起始代码覆盖你的文件",
	})
	e.describe(cmd, i18n.Text{
		En: "Start an exercise: write its starter code and show the task",
		Zh: "开始一个练习：写出起始代码并显示任务",
	}, i18n.Text{
		En: `Write the starter code of exercise ID into the workspace, as
DIR/ID/ID.go (DIR is --dir, by default gotour-gpm-exercises in the current
directory), and print the task. Without ID, the exercise you were working
on, or else the first one you have not passed.

A file you have already edited is kept as it is: --force starts over.
Then edit the file, and grade it with "gotour-gpm check ID".`,
		Zh: `把练习 ID 的起始代码写进工作区，文件为 DIR/ID/ID.go（DIR 由 --dir
指定，默认是当前目录下的 gotour-gpm-exercises），并打印任务。不给 ID 时，
是你正在做的练习，或者第一个还没通过的练习。

已经改过的文件会原样保留：用 --force 从头开始。然后编辑这个文件，用
"gotour-gpm check ID" 评分。`,
	})
	return cmd
}

// maxArgs is the argument check for commands that take at most n
// arguments.
func (e *env) maxArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) <= n {
			return nil
		}
		return &usageError{
			err: errorf(i18n.Text{
				En: "%q takes at most %d arguments, got %d",
				Zh: "%q 最多接受 %d 个参数，却收到了 %d 个",
			}, cmd.CommandPath(), n, len(args)),
			cmd: cmd.CommandPath(),
		}
	}
}

// exercise runs the exercise command.
func (e *env) exercise(o *exerciseOpts, args []string) error {
	p, perr := e.loadProgress()
	var ex *checker.Exercise
	var err error
	if len(args) == 1 {
		ex, err = e.lookupExercise(args[0])
	} else {
		ex, err = e.currentExercise(p, perr, true)
	}
	if err != nil || ex == nil {
		return err
	}
	file := workspaceFile(o.dir, ex.ID)
	starter := []byte(ex.Starter.In(e.lang))
	// Read as run and check read it: a FIFO or a device in the file's
	// place must not hang or flood the command. A file too large for a
	// program is the learner's, not the starter.
	old, rerr := readSourceFile(file)
	if errors.Is(rerr, errTooLarge) {
		old, rerr = nil, nil
	}
	kept := false
	switch {
	case errors.Is(rerr, errNotRegular):
		return errorf(msgNotRegular, file)
	case rerr == nil && !o.force && !isStarter(old, ex):
		kept = true
	case rerr == nil || errors.Is(rerr, fs.ErrNotExist):
		if err := writeFileAtomic(file, starter); err != nil {
			return errorf(i18n.Text{En: "cannot write %s: %v", Zh: "无法写入 %s：%v"}, file, err)
		}
	default:
		return errorf(i18n.Text{En: "cannot read %s: %v", Zh: "无法读取 %s：%v"}, file, rerr)
	}
	e.writeTask(ex, p)
	fmt.Fprintln(e.stdout)
	if kept {
		fmt.Fprintf(e.stdout, i18n.Text{
			En: "Your file %s already has your edits: it was kept as it is (--force starts over).\n",
			Zh: "你的文件 %s 里已经有你的修改：原样保留（--force 可以从头开始）。\n",
		}.In(e.lang), file)
	} else {
		fmt.Fprintf(e.stdout, i18n.Text{
			En: "The starter code is in %s.\n",
			Zh: "起始代码已写入 %s。\n",
		}.In(e.lang), file)
	}
	fmt.Fprintf(e.stdout, i18n.Text{
		En: "Edit it, then grade it:  gotour-gpm check %[1]s%[2]s\nRe-grade on every save:  gotour-gpm check %[1]s%[2]s --watch\nStuck? Ask for a hint:   gotour-gpm hint %[1]s\n",
		Zh: "编辑它，然后评分：    gotour-gpm check %[1]s%[2]s\n每次保存都重新评分：  gotour-gpm check %[1]s%[2]s --watch\n卡住了？看看提示：    gotour-gpm hint %[1]s\n",
	}.In(e.lang), ex.ID, e.dirFlag(o.dir))
	e.startExercise(ex, perr)
	return nil
}

// dirFlag is " --dir DIR" when dir is not the default, for the commands
// the learner is told to run next.
func (e *env) dirFlag(dir string) string {
	if dir == workspaceDir {
		return ""
	}
	return " --dir " + dir
}

// writeTask prints the exercise's title, lesson and task.
func (e *env) writeTask(ex *checker.Exercise, p *progress.Progress) {
	lesson := i18n.Text{En: "lesson " + ex.Lesson, Zh: "课程 " + ex.Lesson}
	if t, err := e.loadTour(); err == nil {
		if l := t.Lesson(ex.Lesson); l != nil {
			lesson = i18n.Text{
				En: fmt.Sprintf("lesson %d, %s", l.Order, l.Title),
				Zh: fmt.Sprintf("第 %d 课：%s", l.Order, l.Title),
			}
		}
	}
	fmt.Fprintf(e.stdout, i18n.Text{
		En: "Exercise %s: %s (%s)",
		Zh: "练习 %s：%s（%s）",
	}.In(e.lang), ex.ID, ex.Title.In(e.lang), lesson.In(e.lang))
	if p.HasPassed(ex.ID) {
		fmt.Fprint(e.stdout, " ✓")
	}
	fmt.Fprintf(e.stdout, "\n\n%s\n", ex.Task.In(e.lang))
}

// isStarter reports whether data is the exercise's starter, in either
// language: a file the learner has not edited.
func isStarter(data []byte, ex *checker.Exercise) bool {
	return bytes.Equal(data, []byte(ex.Starter.En)) || bytes.Equal(data, []byte(ex.Starter.Zh))
}

// lookupExercise finds exercise id, or says which ones there are.
func (e *env) lookupExercise(id string) (*checker.Exercise, error) {
	ex, err := checker.Lookup(id)
	if errors.Is(err, checker.ErrNotFound) {
		return nil, errorf(i18n.Text{
			En: "there is no exercise %q; the exercises are: %s",
			Zh: "没有练习 %q；现有的练习是：%s",
		}, id, strings.Join(checker.IDs(), ", "))
	}
	return ex, err
}

// currentExercise is the exercise the learner was working on, unless it
// is passed and next is set: then the first exercise not passed yet. It
// returns nil, after saying so, when every exercise is passed.
func (e *env) currentExercise(p *progress.Progress, perr error, next bool) (*checker.Exercise, error) {
	var d *progress.DamagedError
	if errors.As(perr, &d) {
		e.warnProgress(perr)
		return nil, errorf(i18n.Text{
			En: "cannot tell which exercise you are on without your progress: name it",
			Zh: "读不到学习进度，无法确定你在做哪个练习：请写明练习的 ID",
		})
	}
	if p.Current != "" && (!next || !p.HasPassed(p.Current)) {
		return e.lookupExercise(p.Current)
	}
	if !next {
		return nil, errorf(i18n.Text{
			En: "you have not started an exercise yet: name one, or start one with \"gotour-gpm exercise\"",
			Zh: "你还没有开始任何练习：请写明练习的 ID，或者先用 \"gotour-gpm exercise\" 开始一个",
		})
	}
	all, err := checker.All()
	if err != nil {
		return nil, err
	}
	for _, ex := range all {
		if !p.HasPassed(ex.ID) {
			return ex, nil
		}
	}
	fmt.Fprintln(e.stdout, i18n.Text{
		En: "You have passed every exercise. Well done!",
		Zh: "你已经通过了所有练习，干得好！",
	}.In(e.lang))
	return nil, nil
}

// startExercise records the exercise as the current one. Progress that
// cannot be recorded is reported, not fatal.
func (e *env) startExercise(ex *checker.Exercise, perr error) {
	var d *progress.DamagedError
	if errors.As(perr, &d) {
		e.warnProgress(perr)
		return
	}
	s, err := e.progressStore()
	if err == nil {
		err = s.Start(ex.ID, ex.Lesson)
	}
	if err != nil {
		e.warnProgress(err)
	}
}

// writeFileAtomic writes data to name through a temporary file in the
// same folder, creating the folder: an interrupted write never leaves
// half a file where the learner's code was.
func writeFileAtomic(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
