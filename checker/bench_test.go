package checker_test

import (
	"context"
	"testing"

	"github.com/gotour-gpm/gotour-gpm/checker"
)

// BenchmarkCheck100 grades the reference solution of an exercise over 100
// schedules (seeds 0 to 24 × procs 1, 2, 4 and 8), on every CPU.
// Target (issue 5): at most 2 s.
func BenchmarkCheck100(b *testing.B) {
	for _, id := range []string{"fix-deadlock", "concurrent-tasks", "close-and-range"} {
		b.Run(id, func(b *testing.B) {
			ex, err := checker.Lookup(id)
			if err != nil {
				b.Fatal(err)
			}
			opts := checker.Options{Seeds: 25, Procs: []int{1, 2, 4, 8}}
			for b.Loop() {
				rep, err := checker.Check(context.Background(), ex, []byte(ex.Solution), opts)
				if err != nil {
					b.Fatal(err)
				}
				if !rep.Pass || rep.Graded != 100 {
					b.Fatalf("pass %v after %d schedules, want a pass after 100", rep.Pass, rep.Graded)
				}
			}
		})
	}
}
