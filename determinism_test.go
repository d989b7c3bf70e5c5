package gotourgpm_test

import (
	"context"
	"testing"
	"time"

	"github.com/gotour-gpm/gotour-gpm/lessons"
	"github.com/gotour-gpm/gotour-gpm/runner"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// TestSnippetsDeterministic runs every runnable snippet of the English
// lessons twice with the same seed: the simulator must give the same
// output, virtual time and trace, byte for byte.
func TestSnippetsDeterministic(t *testing.T) {
	tr, err := tour.Load(lessons.FS(), "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range tr.Lessons {
		for _, sn := range l.Snippets {
			if sn.Info.NoRun || sn.Info.NoBuild {
				continue
			}
			t.Run(l.ID+"/"+sn.ID, func(t *testing.T) {
				t.Parallel()
				var first *runner.Result
				for range 2 {
					ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
					res, err := runner.Run(ctx, []byte(sn.Code), runner.Options{
						Procs: sn.Info.Procs, CPUs: sn.Info.CPUs, Seed: sn.Info.Seed, Trace: true,
					})
					cancel()
					if err != nil {
						t.Fatal(err)
					}
					if first == nil {
						first = res
						continue
					}
					if string(res.Stdout) != string(first.Stdout) || res.VirtualTime != first.VirtualTime ||
						res.Trace.Hash() != first.Trace.Hash() {
						t.Errorf("two runs differ: virtual time %d vs %d, trace %s vs %s, stdout equal: %v",
							first.VirtualTime, res.VirtualTime, first.Trace.Hash(), res.Trace.Hash(),
							string(res.Stdout) == string(first.Stdout))
					}
				}
			})
		}
	}
}
