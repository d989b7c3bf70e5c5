package checker_test

import (
	"context"
	"testing"
	"time"

	"github.com/gotour-gpm/gotour-gpm/checker"
)

// BenchmarkCheck100 grades the reference solution of an exercise over 100
// schedules (seeds 0 to 24 × procs 1, 2, 4 and 8), on every CPU.
// Target (issue 5): at most 2 s. Besides ns/op it reports cpu-ms/op, the
// CPU time of one grading: on a busy machine wall-clock time says more
// about the neighbours than about the checker, and with P CPUs to itself
// a grading takes about cpu-ms/op ÷ P.
func BenchmarkCheck100(b *testing.B) {
	for _, id := range []string{"fix-deadlock", "concurrent-tasks", "close-and-range"} {
		b.Run(id, func(b *testing.B) {
			ex, err := checker.Lookup(id)
			if err != nil {
				b.Fatal(err)
			}
			opts := checker.Options{Seeds: 25, Procs: []int{1, 2, 4, 8}}
			cpu := cpuTime()
			for b.Loop() {
				rep, err := checker.Check(context.Background(), ex, []byte(ex.Solution), opts)
				if err != nil {
					b.Fatal(err)
				}
				if !rep.Pass || rep.Graded != 100 {
					b.Fatalf("pass %v after %d schedules, want a pass after 100", rep.Pass, rep.Graded)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkCheckSolution grades the reference solution of every exercise
// once, with the exercise's own schedules and its input variations, on
// one goroutine (Parallel 1): run it with -cpu 1 for the time one check
// takes on one core. Target (issue 10): a median of at most 2 s. It
// reports cpu-ms/op too, which a busy machine disturbs less.
func BenchmarkCheckSolution(b *testing.B) {
	all, err := checker.All()
	if err != nil {
		b.Fatal(err)
	}
	for _, ex := range all {
		b.Run(ex.ID, func(b *testing.B) {
			cpu := cpuTime()
			for b.Loop() {
				rep, err := checker.Check(context.Background(), ex, []byte(ex.Solution), checker.Options{Parallel: 1})
				if err != nil {
					b.Fatal(err)
				}
				if !rep.Pass {
					b.Fatalf("the reference solution does not pass")
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		})
	}
}
