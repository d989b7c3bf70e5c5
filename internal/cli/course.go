package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/internal/progress"
	"github.com/gotour-gpm/gotour-gpm/internal/termview"
	"github.com/gotour-gpm/gotour-gpm/lessons"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// Environment variables of the course commands.
const (
	// configDirEnv overrides the directory of the progress file; tests
	// point it at a temporary directory.
	configDirEnv = "GOTOUR_GPM_CONFIG_DIR"
	// lessonsEnv names a directory of lessons (en/NN-id.md, zh/NN-id.md)
	// to use instead of the built-in ones: lesson authors preview their
	// work with it, and tests use small made-up courses.
	lessonsEnv = "GOTOUR_GPM_LESSONS"
)

// loadTour loads the lessons in the learner's language.
func (e *env) loadTour() (*tour.Tour, error) {
	fsys := lessons.FS()
	if dir := e.getenv(lessonsEnv); dir != "" {
		fsys = os.DirFS(dir)
	}
	t, err := tour.Load(fsys, string(e.lang))
	if err != nil {
		return nil, fmt.Errorf("loading the lessons: %w", err)
	}
	return t, nil
}

// progressStore returns the learner's progress file: in $GOTOUR_GPM_CONFIG_DIR
// if set, else in gotour-gpm under the user's configuration directory.
func (e *env) progressStore() (*progress.Store, error) {
	if dir := e.getenv(configDirEnv); dir != "" {
		return &progress.Store{Dir: dir}, nil
	}
	dir, err := userConfigDir(e.getenv, runtime.GOOS)
	if err != nil {
		return nil, err
	}
	return &progress.Store{Dir: filepath.Join(dir, "gotour-gpm")}, nil
}

// errNoConfigDir is the environment naming no configuration directory.
var errNoConfigDir = errors.New("no configuration directory")

// userConfigDir is os.UserConfigDir reading the environment through
// getenv, so that commands see only the env they were given.
func userConfigDir(getenv func(string) string, goos string) (string, error) {
	var dir, from string
	switch goos {
	case "windows":
		dir, from = getenv("AppData"), "%AppData%"
	case "darwin", "ios":
		if dir, from = getenv("HOME"), "$HOME"; dir != "" {
			dir = filepath.Join(dir, "Library", "Application Support")
		}
	case "plan9":
		if dir, from = getenv("home"), "$home"; dir != "" {
			dir = filepath.Join(dir, "lib")
		}
	default:
		dir, from = getenv("XDG_CONFIG_HOME"), "$XDG_CONFIG_HOME"
		if dir != "" && !filepath.IsAbs(dir) {
			return "", errors.New("path in $XDG_CONFIG_HOME is relative")
		}
		if dir == "" {
			if dir, from = getenv("HOME"), "$HOME"; dir != "" {
				dir = filepath.Join(dir, ".config")
			}
		}
	}
	if dir == "" {
		return "", fmt.Errorf("%w: %s is not set", errNoConfigDir, from)
	}
	return dir, nil
}

// loadProgress reads the learner's progress. When it cannot, it returns
// empty progress and the reason: no configuration directory, or a
// damaged file, which is left as it is.
func (e *env) loadProgress() (*progress.Progress, error) {
	s, err := e.progressStore()
	if err != nil {
		return &progress.Progress{}, err
	}
	p, err := s.Load()
	if err != nil {
		return &progress.Progress{}, err
	}
	return p, nil
}

// warnProgress reports on stderr that progress could not be read or
// recorded. A damaged file gets advice, since the learner must act.
func (e *env) warnProgress(err error) {
	var d *progress.DamagedError
	if errors.As(err, &d) {
		fmt.Fprintf(e.stderr, "gotour-gpm: "+i18n.Text{
			En: "progress file %s is damaged: %s\ngotour-gpm: the file was left as it is; progress is not recorded until you fix or delete it",
			Zh: "学习进度文件 %s 已损坏：%s\ngotour-gpm: 该文件保持原样；在你修好或删除它之前，学习进度不会被记录",
		}.In(e.lang)+"\n", d.Path, damageReason(d.Err, e.lang))
		return
	}
	fmt.Fprintf(e.stderr, "gotour-gpm: "+i18n.Text{
		En: "cannot record progress: %v",
		Zh: "无法记录学习进度：%v",
	}.In(e.lang)+"\n", progressReason(err, e.lang))
}

// damageReason says in lang what is wrong with a damaged progress file;
// a reason of encoding/json's stays in English, with its position.
func damageReason(err error, lang i18n.Lang) string {
	var hints *progress.HintCountError
	var id *progress.IDError
	switch {
	case errors.Is(err, progress.ErrNotRegular):
		return msgProgressNotRegular.In(lang)
	case errors.Is(err, progress.ErrTooLarge):
		return msgProgressTooLarge.In(lang)
	case errors.As(err, &hints):
		return fmt.Sprintf(msgProgressHints.In(lang), hints.Exercise, hints.Count, progress.MaxHints)
	case errors.As(err, &id):
		return fmt.Sprintf(msgProgressID.In(lang), id.Field, strconv.Quote(id.ID))
	}
	return err.Error()
}

// progressReason is why the progress file could not be read or written,
// in lang where it is a common reason.
func progressReason(err error, lang i18n.Lang) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return fmt.Sprintf(i18n.Text{En: "%s: permission denied", Zh: "%s：没有权限"}.In(lang), pe.Path)
		}
	case errors.Is(err, syscall.ELOOP):
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return fmt.Sprintf(i18n.Text{En: "%s: its symbolic links form a loop", Zh: "%s：它的符号链接构成了循环"}.In(lang), pe.Path)
		}
	case errors.Is(err, progress.ErrLocked):
		return i18n.Text{
			En: "another gotour-gpm is still changing the progress file",
			Zh: "另一个 gotour-gpm 进程还在修改学习进度文件",
		}.In(lang)
	}
	return err.Error()
}

var (
	msgProgressNotRegular = i18n.Text{
		En: "it is not a regular file (a directory, a device or a pipe)",
		Zh: "它不是普通文件（而是目录、设备或管道）",
	}
	msgProgressTooLarge = i18n.Text{
		En: "it is far larger than any progress gotour-gpm writes",
		Zh: "它比 gotour-gpm 写出的任何进度文件都大得多",
	}
	msgProgressHints = i18n.Text{
		En: "the hint count of %s is %d; it must be between 0 and %d",
		Zh: "%s 的提示计数是 %d，应在 0 到 %d 之间",
	}
	msgProgressID = i18n.Text{
		En: "%s holds %s, which is not a lesson or exercise id",
		Zh: "%s 中的 %s 不是课程或练习的 ID",
	}
)

// exerciseMark is an exercise's entry in the list: its id, a ✓ once
// passed, and how many hints the learner has seen, if any.
func exerciseMark(id string, p *progress.Progress, lang i18n.Lang) string {
	mark := id
	if p.HasPassed(id) {
		mark += " ✓"
	}
	switch n := p.HintsUsed(id); {
	case n == 1:
		mark += i18n.Text{En: " (1 hint)", Zh: "（看过 1 条提示）"}.In(lang)
	case n > 1:
		mark += fmt.Sprintf(i18n.Text{En: " (%d hints)", Zh: "（看过 %d 条提示）"}.In(lang), n)
	}
	return mark
}

// listWidth is the width the lesson list wraps its summaries to.
const listWidth = 80

// writeList writes the course, lesson by lesson, with the learner's
// progress: a ✓ for each lesson read and exercise passed.
func writeList(w io.Writer, lang i18n.Lang, t *tour.Tour, p *progress.Progress) {
	read := 0
	for _, l := range t.Lessons {
		if p.HasRead(l.ID) {
			read++
		}
	}
	fmt.Fprintf(w, i18n.Text{
		En: "gotour-gpm: Go concurrency and the G-P-M scheduler. Lessons read: %d of %d.",
		Zh: "gotour-gpm：Go 并发与 GPM 调度模型。已读课程：%d / %d。",
	}.In(lang)+"\n\n", read, len(t.Lessons))
	const indent = "        "
	for _, l := range t.Lessons {
		mark := " "
		if p.HasRead(l.ID) {
			mark = "✓"
		}
		fmt.Fprintf(w, "  %s %2d  %s\n", mark, l.Order, l.Title)
		summary := termview.Wrap(l.Summary, listWidth-len(indent))
		fmt.Fprintln(w, indent+strings.ReplaceAll(summary, "\n", "\n"+indent))
		if len(l.Exercises) > 0 {
			var exs []string
			for _, ex := range l.Exercises {
				exs = append(exs, exerciseMark(ex, p, lang))
			}
			fmt.Fprintln(w, indent+i18n.Text{En: "exercises: ", Zh: "练习："}.In(lang)+strings.Join(exs, ", "))
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, i18n.Text{
		En: `Read a lesson with "gotour-gpm lesson N", or "gotour-gpm lesson next" for the
first one not read yet. "gotour-gpm help" lists every command.`,
		Zh: `用 "gotour-gpm lesson N" 阅读第 N 课，或用 "gotour-gpm lesson next" 阅读下一篇
还没读过的课程。"gotour-gpm help" 列出所有命令。`,
	}.In(lang))
}

// list prints the course list, through the pager on a terminal.
// Progress that cannot be read is reported, and the list shown without
// it; a missing configuration directory is not worth a warning here.
func (e *env) list(noPager bool) error {
	t, err := e.loadTour()
	if err != nil {
		return err
	}
	p, perr := e.loadProgress()
	if perr != nil && !errors.Is(perr, errNoConfigDir) {
		e.warnProgressRead(perr)
	}
	var b strings.Builder
	writeList(&b, e.lang, t, p)
	return e.page(b.String(), noPager)
}

// warnProgressRead reports progress that exists but cannot be read, so
// that the list below it is not taken for the learner's progress.
func (e *env) warnProgressRead(err error) {
	var d *progress.DamagedError
	if errors.As(err, &d) {
		e.warnProgress(err)
		return
	}
	fmt.Fprintf(e.stderr, "gotour-gpm: "+i18n.Text{
		En: "cannot read your progress, so none is shown: %v",
		Zh: "无法读取学习进度，因此下面不显示进度：%v",
	}.In(e.lang)+"\n", progressReason(err, e.lang))
}
