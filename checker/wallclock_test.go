package checker_test

import (
	"context"
	"testing"
	"time"

	"github.com/gotour-gpm/gotour-gpm/checker"
)

// TestWallClockIsNoVerdict grades with a wall-clock limit too small for
// any run to finish, as on a machine far too slow: the report says the
// program could not be graded, and no check fails because of it, for a
// right program as for a wrong one.
func TestWallClockIsNoVerdict(t *testing.T) {
	ex := lookup(t, "fix-deadlock")
	for name, src := range map[string]string{"solution": ex.Solution, "starter": ex.Starter.En} {
		rep, err := checker.Check(context.Background(), ex, []byte(src), checker.Options{Parallel: 1, RunTimeout: time.Nanosecond})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if rep.Ungraded.En == "" || rep.Ungraded.Zh == "" || rep.Pass {
			t.Errorf("%s: Ungraded %q, Pass %t; want a reason in both languages and no pass", name, rep.Ungraded, rep.Pass)
		}
		if ids := failedIDs(rep); len(ids) > 0 {
			t.Errorf("%s: checks %v failed; hitting the wall clock is no verdict", name, ids)
		}
	}
}
