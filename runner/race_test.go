package runner_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/gotour-gpm/gotour-gpm/runner"
)

// counterProgram is lesson 12's race-counter with four goroutines adding n
// each, the increment written as inc (a statement using counter, mu).
func counterProgram(n int, inc string) string {
	return fmt.Sprintf(`package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var _ = atomic.AddInt64

func main() {
	var counter int64
	var mu sync.Mutex
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for range %d {
				%s
			}
		}()
	}
	close(start)
	wg.Wait()
	mu.Lock()
	fmt.Println(counter)
	mu.Unlock()
}
`, n, inc)
}

// channelCounter sends every increment to one goroutine that owns the
// counter.
const channelCounter = `package main

import (
	"fmt"
	"sync"
)

func main() {
	incs := make(chan int)
	done := make(chan int)
	go func() {
		counter := 0
		for d := range incs {
			counter += d
		}
		done <- counter
	}()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 2000 {
				incs <- 1
			}
		})
	}
	wg.Wait()
	close(incs)
	fmt.Println(<-done)
}
`

// runTotal runs src and returns the number it printed.
func runTotal(t *testing.T, src string, procs int, seed uint64) (int, *runner.Result) {
	t.Helper()
	// An idle machine: every P's M has a CPU, so the Gs run at the same
	// instant on every seed (on the default, busy one they mostly take
	// turns: TestScheduleSets).
	res, err := runner.Run(context.Background(), []byte(src), runner.Options{Procs: procs, Seed: seed, Idle: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != runner.OutcomeOK {
		t.Fatalf("procs=%d seed=%d: outcome %v: %s%s", procs, seed, res.Outcome, res.Stderr, res.Detail)
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(res.Stdout)))
	if err != nil {
		t.Fatalf("procs=%d seed=%d: stdout %q", procs, seed, res.Stdout)
	}
	return n, res
}

// TestRaceLosesUpdates: an unsynchronised counter++ loses updates on four
// Ps, a different number for different seeds, and never on one P; with a
// Mutex, an atomic add or a channel, no update is ever lost.
func TestRaceLosesUpdates(t *testing.T) {
	const n = 5_000
	racy := counterProgram(n, "counter++")
	totals := map[int]bool{}
	var got []string
	for seed := range uint64(10) {
		total, res := runTotal(t, racy, 4, seed)
		got = append(got, strconv.Itoa(total))
		totals[total] = true
		if total >= 4*n || res.Stats.Races == 0 {
			t.Errorf("procs=4 seed=%d: counter++ gave %d (%d race switches), want less than %d", seed, total, res.Stats.Races, 4*n)
		}
	}
	t.Logf("procs=4, seeds 0-9: %s", strings.Join(got, " "))
	if len(totals) < 5 {
		t.Errorf("10 seeds gave only %d distinct totals", len(totals))
	}
	for seed := range uint64(3) {
		if total, res := runTotal(t, racy, 1, seed); total != 4*n || res.Stats.Races != 0 {
			t.Errorf("procs=1 seed=%d: counter++ gave %d (%d race switches), want %d", seed, total, res.Stats.Races, 4*n)
		}
	}
	for _, tt := range []struct{ name, src string }{
		{"mutex", counterProgram(n, "mu.Lock(); counter++; mu.Unlock()")},
		{"atomic", counterProgram(n, "atomic.AddInt64(&counter, 1)")},
		{"channel", channelCounter},
	} {
		want := 4 * n
		if tt.name == "channel" {
			want = 8000
		}
		for seed := range uint64(3) {
			for _, procs := range []int{2, 4} {
				if total, _ := runTotal(t, tt.src, procs, seed); total != want {
					t.Errorf("%s, procs=%d seed=%d: %d, want %d", tt.name, procs, seed, total, want)
				}
			}
		}
	}
}

// TestRaceAssignForm: counter = counter + 1, counter++ written out, loses
// updates on four Ps like counter++, and none under a Mutex or on one P.
func TestRaceAssignForm(t *testing.T) {
	const n = 5000
	racy := counterProgram(n, "counter = counter + 1")
	for seed := range uint64(3) {
		if total, res := runTotal(t, racy, 4, seed); total >= 4*n || res.Stats.Races == 0 {
			t.Errorf("procs=4 seed=%d: counter = counter + 1 gave %d (%d race switches), want less than %d", seed, total, res.Stats.Races, 4*n)
		}
		if total, _ := runTotal(t, racy, 1, seed); total != 4*n {
			t.Errorf("procs=1 seed=%d: %d, want %d", seed, total, 4*n)
		}
		locked := counterProgram(n, "mu.Lock(); counter = counter + 1; mu.Unlock()")
		if total, _ := runTotal(t, locked, 4, seed); total != 4*n {
			t.Errorf("procs=4 seed=%d, under a Mutex: %d, want %d", seed, total, 4*n)
		}
	}
}

// TestRaceAfterGOMAXPROCS: a program started on one P that sets
// GOMAXPROCS to 4 loses updates from then on; one that goes back to 1
// loses none.
func TestRaceAfterGOMAXPROCS(t *testing.T) {
	for _, tt := range []struct {
		procs int
		lost  bool
	}{{4, true}, {1, false}} {
		src := strings.Replace(counterProgram(20_000, "counter++"), "func main() {\n",
			fmt.Sprintf("func main() {\n\truntime.GOMAXPROCS(%d)\n", tt.procs), 1)
		src = strings.Replace(src, "import (\n", "import (\n\t\"runtime\"\n", 1)
		start := 4 - tt.procs + 1 // begin with the other setting
		total, res := runTotal(t, src, start, 1)
		if lost := total < 4*20_000; lost != tt.lost || lost != (res.Stats.Races > 0) {
			t.Errorf("procs %d, then GOMAXPROCS(%d): counter %d with %d race switches, want lost updates: %v",
				start, tt.procs, total, res.Stats.Races, tt.lost)
		}
	}
}

// TestRaceDeterministic: a seed gives the same lost updates every time.
func TestRaceDeterministic(t *testing.T) {
	src := counterProgram(5000, "counter++")
	a, ra := runTotal(t, src, 4, 3)
	b, rb := runTotal(t, src, 4, 3)
	if a != b || ra.Stats != rb.Stats {
		t.Errorf("seed 3 twice: %d and %d, stats %+v and %+v", a, b, ra.Stats, rb.Stats)
	}
}

// BenchmarkRaceWindow is the cost of the window: a 1M-iteration loop of
// x++ on a package variable (split around a window) and on an unshared
// local (left alone). On one P the window skips the shim call; on four it
// makes it, and no other goroutine runs, so it never switches.
func BenchmarkRaceWindow(b *testing.B) {
	for _, tt := range []struct {
		name, decl, inc string
		procs           int
	}{
		{"local", "y := 0;", "y++", 1},
		{"shared", "", "x++", 1},
		{"shared-procs4", "", "x++", 4},
	} {
		src := fmt.Sprintf(`package main

import "fmt"

var x int

func main() {
	%s
	for range 1_000_000 {
		%s
	}
	fmt.Println(x)
}
`, tt.decl, tt.inc)
		b.Run(tt.name, func(b *testing.B) {
			for range b.N {
				if _, err := runner.Run(context.Background(), []byte(src), runner.Options{Procs: tt.procs}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
