package gotourgpm_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/gotour-gpm/gotour-gpm/lessons"
	"github.com/gotour-gpm/gotour-gpm/runner"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// TestLessonSnippets runs every runnable snippet of every lesson, in both
// languages, on the simulator: it must end the way its info string says
// (normally, or with the deadlock, panic, other fatal error or exit it
// expects) and print what its output blocks say. nobuild snippets must
// not compile; norun snippets must.
func TestLessonSnippets(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		tr, err := tour.Load(lessons.FS(), lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range tr.Lessons {
			for _, sn := range l.Snippets {
				t.Run(lang+"/"+l.ID+"/"+sn.ID, func(t *testing.T) {
					t.Parallel()
					checkSnippet(t, sn)
				})
			}
		}
	}
}

// deadlockLine is the runtime's report of a deadlock (proc.go checkdead).
const deadlockLine = "fatal error: all goroutines are asleep - deadlock!"

func checkSnippet(t *testing.T, sn *tour.Snippet) {
	in := sn.Info
	if in.NoBuild {
		if _, err := runner.Prepare("prog.go", []byte(sn.Code), nil); err == nil {
			t.Errorf("line %d: a nobuild snippet compiles; drop nobuild or break it on purpose", sn.Line)
		}
		return
	}
	if in.NoRun {
		if _, err := runner.Prepare("prog.go", []byte(sn.Code), nil); err != nil {
			t.Errorf("line %d: %v", sn.Line, err)
		}
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	res, err := runner.Run(ctx, []byte(sn.Code), runner.Options{
		Procs: in.Procs, CPUs: in.CPUs, Seed: in.Seed,
	})
	if err != nil {
		t.Fatalf("line %d: %v", sn.Line, err)
	}
	want := map[tour.Failure]runner.Outcome{
		"":                runner.OutcomeOK,
		tour.FailDeadlock: runner.OutcomeFatal,
		tour.FailPanic:    runner.OutcomePanic,
		tour.FailFatal:    runner.OutcomeFatal,
		tour.FailExit:     runner.OutcomeExit,
	}[in.Expect]
	if res.Outcome != want {
		t.Fatalf("line %d: outcome %v, want %v (expect=%q)\nstdout:\n%s\nstderr:\n%s%s",
			sn.Line, res.Outcome, want, in.Expect, res.Stdout, res.Stderr, res.Detail)
	}
	deadlock := strings.Contains(string(res.Stderr), deadlockLine)
	switch in.Expect {
	case tour.FailDeadlock:
		if !deadlock {
			t.Errorf("line %d: expect=deadlock, but stderr is:\n%s", sn.Line, res.Stderr)
		}
	case tour.FailFatal:
		if deadlock || !strings.Contains("\n"+string(res.Stderr), "\nfatal error: ") {
			t.Errorf("line %d: expect=fatal wants a fatal error other than a deadlock, but stderr is:\n%s", sn.Line, res.Stderr)
		}
	}
	switch in.Expect {
	case tour.FailDeadlock, tour.FailPanic, tour.FailFatal:
		// The runtime's report is what the reader should see: the lesson
		// shows its first line, copied from the real toolchain.
		if sn.Output == nil || sn.Output.StderrLine == 0 {
			t.Errorf("line %d: expect=%s needs an \"output stderr\" block with the report's first line", sn.Line, in.Expect)
		}
	}
	if sn.Output != nil && !sn.Output.Match(string(res.Stdout), string(res.Stderr)) {
		t.Errorf("line %d: output differs from the lesson's output block\ngot stdout:\n%s\ngot stderr:\n%s\nwant stdout:\n%s\nwant stderr first line:\n%s",
			sn.Line, res.Stdout, res.Stderr, sn.Output.Stdout, sn.Output.Stderr)
	}
}
