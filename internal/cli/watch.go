package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"time"

	"github.com/gotour-gpm/gotour-gpm/checker"
	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// watchOpts tune check --watch; the zero value is what the command uses.
type watchOpts struct {
	// poll is how often the file's modification time is looked at.
	// Default 300ms: a save is graded at once, as far as a learner can
	// tell, for a stat call each time.
	poll time.Duration
	// graded, if set, is called after each grading: tests use it to
	// edit the file and to stop the loop.
	graded func(round int, passed bool)
}

// fileStamp is what tells that a file was saved again.
type fileStamp struct {
	mod  time.Time
	size int64
}

// watch grades file, then grades it again every time it is saved, until
// ctx ends or the learner interrupts (Ctrl-C), like rustlings' watch
// mode. A file that cannot be read or graded for a while (an editor
// replacing it, say) is reported, and watching goes on.
func (e *env) watch(ctx context.Context, ex *checker.Exercise, file string, o *checkOpts, w watchOpts) error {
	if w.poll <= 0 {
		w.poll = 300 * time.Millisecond
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	var last fileStamp
	round := 0
	for {
		fi, err := os.Stat(file)
		switch {
		case err != nil && round == 0:
			if errors.Is(err, fs.ErrNotExist) {
				return errorf(i18n.Text{
					En: "no such file: %s (start the exercise with \"gotour-gpm exercise %s\")",
					Zh: "文件不存在：%s（先用 \"gotour-gpm exercise %s\" 开始这个练习）",
				}, file, ex.ID)
			}
			return err
		case err == nil && (fileStamp{fi.ModTime(), fi.Size()}) != last:
			last = fileStamp{fi.ModTime(), fi.Size()}
			round++
			if round > 1 && !o.json {
				fmt.Fprintf(e.stdout, "\n"+i18n.Text{En: "── %s changed: grading again ──", Zh: "── %s 有改动：重新评分 ──"}.In(e.lang)+"\n\n", file)
			}
			passed, err := e.gradeOnce(ctx, ex, file, o)
			if ctx.Err() != nil {
				return nil
			}
			if err != nil {
				e.printError(err)
			}
			if !o.json {
				fmt.Fprintf(e.stdout, "\n"+i18n.Text{
					En: "Watching %s: save it to grade it again; Ctrl-C to stop.\n",
					Zh: "正在监视 %s：保存文件就会重新评分；按 Ctrl-C 停止。\n",
				}.In(e.lang), file)
			}
			if w.graded != nil {
				w.graded(round, passed)
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(w.poll):
		}
	}
}
