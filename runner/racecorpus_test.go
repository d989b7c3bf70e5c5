package runner_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gotour-gpm/gotour-gpm/runner"
)

// TestRaceCorpus runs every program of testdata/race with the race
// detector on 1, 2 and 4 Ps and several seeds, and compares with what the
// real race detector said (the goldens TestRaceOracle records): the same
// exit status (66 after a race, else 0) and the same races, each named by
// the lines of its two accesses. Happens-before does not depend on the
// schedule, so every schedule must agree, also on one P, where the real
// detector finds the same races.
func TestRaceCorpus(t *testing.T) {
	names := globNames(t, raceDir, ".go")
	if len(names) < 20 {
		t.Fatalf("%d programs in %s, want at least 20", len(names), raceDir)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			golden, err := os.ReadFile(filepath.Join(raceDir, name+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := parseRaceGolden(golden, name+".go")
			if err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(filepath.Join(raceDir, name+".go"))
			if err != nil {
				t.Fatal(err)
			}
			for _, procs := range []int{1, 2, 4} {
				for seed := uint64(0); seed < 3; seed++ {
					res, err := runner.Run(context.Background(), src, runner.Options{
						Filename: name + ".go", Procs: procs, Seed: seed, Jitter: 10, Race: true,
					})
					if err != nil {
						t.Fatal(err)
					}
					got, err := parseRaceGolden(append([]byte("exit 0\n"), res.Stderr...), name+".go")
					if err != nil {
						t.Fatal(err)
					}
					got.exit = res.ExitCode
					if got.exit != want.exit || !samePairs(got.pairs, want.pairs) {
						t.Errorf("procs=%d seed=%d: exit %d, races %v; go run -race: exit %d, races %v\n%s",
							procs, seed, got.exit, got.pairs, want.exit, want.pairs, res.Stderr)
					}
				}
			}
		})
	}
}

// TestRaceQuietSameRun: the detector changes nothing of a run but what it
// reports. With RaceQuiet, every corpus program prints the same, exits the
// same and is scheduled the same as without the detector, and its races
// are in Result.Races.
func TestRaceQuietSameRun(t *testing.T) {
	for _, name := range globNames(t, raceDir, ".go") {
		src, err := os.ReadFile(filepath.Join(raceDir, name+".go"))
		if err != nil {
			t.Fatal(err)
		}
		opts := runner.Options{Filename: name + ".go", Procs: 4, Seed: 1, Jitter: 10, Trace: true}
		off, err := runner.Run(context.Background(), src, opts)
		if err != nil {
			t.Fatal(err)
		}
		opts.Race, opts.RaceQuiet = true, true
		on, err := runner.Run(context.Background(), src, opts)
		if err != nil {
			t.Fatal(err)
		}
		if string(on.Stdout) != string(off.Stdout) || string(on.Stderr) != string(off.Stderr) ||
			on.ExitCode != off.ExitCode || on.Stats != off.Stats || on.VirtualTime != off.VirtualTime {
			t.Errorf("%s: the quiet detector changed the run:\n%s%s\n---\n%s%s", name, off.Stdout, off.Stderr, on.Stdout, on.Stderr)
		}
		golden, err := os.ReadFile(filepath.Join(raceDir, name+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := parseRaceGolden(golden, name+".go")
		if (len(on.Races) > 0) != (want.exit == 66) {
			t.Errorf("%s: %d races in Result.Races, go run -race exits %d", name, len(on.Races), want.exit)
		}
		for _, rc := range on.Races {
			if rc.Cur.Site.Line == 0 || rc.Prev.Site.Line == 0 || rc.Cur.Site.Expr == "" || rc.Cur.G == rc.Prev.G {
				t.Errorf("%s: race %+v", name, rc)
			}
		}
	}
}

// TestRaceQuietCorpora runs the fidelity corpora and the course's
// exercise solutions with the quiet detector: the instrumented program
// must compile and run exactly as the plain one, whatever it does.
func TestRaceQuietCorpora(t *testing.T) {
	var paths []string
	for _, c := range corpora {
		for _, name := range globNames(t, c.dir, ".go") {
			paths = append(paths, filepath.Join(c.dir, name+".go"))
		}
	}
	sols, err := filepath.Glob("../lessons/solutions/*.go")
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, sols...)
	for i, p := range paths {
		if slowProgram[filepath.Base(p)] || testing.Short() && i%8 != 0 {
			continue
		}
		t.Run(p, func(t *testing.T) { quietSameRun(t, p) })
	}
}

func quietSameRun(t *testing.T, p string) {
	{
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		opts := runner.Options{Procs: 2, Seed: 3}
		off, err := runner.Run(context.Background(), src, opts)
		if err != nil {
			t.Fatal(err)
		}
		opts.Race, opts.RaceQuiet = true, true
		on, err := runner.Run(context.Background(), src, opts)
		if err != nil {
			t.Fatal(err)
		}
		if string(on.Stdout) != string(off.Stdout) || string(on.Stderr) != string(off.Stderr) ||
			on.ExitCode != off.ExitCode || on.Stats != off.Stats {
			t.Errorf("%s: the quiet detector changed the run:\n%s%s\n---\n%s%s", p, off.Stdout, off.Stderr, on.Stdout, on.Stderr)
		}
	}
}

// slowProgram lists the programs that take seconds to run (ten thousand
// goroutines, millions of iterations): the others cover the same Go.
var slowProgram = map[string]bool{
	"fork-join-sum.go": true, "many-goroutines.go": true, "parallel-speedup.go": true,
	"parallel_sum.go": true, "preempt_spin.go": true, "stack_growth.go": true, "atomic_counter.go": true,
}

// samePairs compares two lists of races as sets.
func samePairs(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return strings.Join(slices.Compact(a), " ") == strings.Join(slices.Compact(b), " ")
}

// raceBenchSrc makes 100,000 reported accesses: two goroutines each read
// and write a shared counter 25,000 times under a Mutex.
const raceBenchSrc = `package main

import (
	"fmt"
	"sync"
)

var (
	mu sync.Mutex
	n  int
)

func main() {
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 25000 {
				mu.Lock()
				n = n + 1
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(n)
}
`

// BenchmarkRaceDetector runs raceBenchSrc without and with the detector;
// the target is at most twice the time without it.
func BenchmarkRaceDetector(b *testing.B) {
	for _, race := range []bool{false, true} {
		name := "off"
		if race {
			name = "on"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				res, err := runner.Run(context.Background(), []byte(raceBenchSrc), runner.Options{Procs: 2, Race: race})
				if err != nil || string(res.Stdout) != "50000\n" || res.ExitCode != 0 {
					b.Fatalf("%v %q %s", err, res.Stdout, res.Stderr)
				}
			}
		})
	}
}
