package runner_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	. "github.com/gotour-gpm/gotour-gpm/runner"
)

var sweepSets = flag.Bool("sweep-sets", false, "run TestScheduleSets over 30 seeds and require 90% coverage of the real runs")

// TestScheduleSets runs each program of the multi-P corpus on several
// seeds, with the GOMAXPROCS it was recorded with, and compares what the
// simulator printed with the outputs the real runtime gave (recorded by
// TestRecordSets):
//
//   - every simulated output must be one the real runtime printed: no
//     impossible output;
//   - the real runs whose output some seed also produced make up the
//     coverage, logged per program; with -sweep-sets (30 seeds) it must be
//     at least 90% of them.
//
// By default it runs fewer seeds (the counters, which take a second a
// run, fewer still), which still catches impossible outputs at a fraction
// of the cost; there the cases of knownOutside must still give one, so
// that the list only shrinks.
func TestScheduleSets(t *testing.T) {
	for _, name := range globNames(t, schedsetDir, ".go") {
		seeds := 8
		if strings.Contains(name, "counter") {
			seeds = 2
		}
		if *sweepSets {
			seeds = 30
		}
		src, err := os.ReadFile(filepath.Join(schedsetDir, name+".go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, procs := range schedsetProcs {
			t.Run(fmt.Sprintf("%s/p%d", name, procs), func(t *testing.T) {
				t.Parallel()
				real, cpus := loadSet(t, filepath.Join(schedsetDir, fmt.Sprintf("%s.p%d.txtar", name, procs)))
				sim := map[string]int{}
				for seed := range seeds {
					sim[simOutput(t, src, cpus, procs, uint64(seed))]++
				}
				covered, total := 0, 0
				for out, n := range real {
					total += n
					if sim[out] > 0 {
						covered += n
					}
				}
				known := knownOutside[strings.TrimPrefix(t.Name(), "TestScheduleSets/")] && !*sweepSets
				outside := 0
				for out, n := range sim {
					if real[out] == 0 {
						outside++
						report := t.Errorf
						if known {
							report = t.Logf
						}
						report("%s: impossible output on %d of %d seeds (the real runtime never printed it): %q", t.Name(), n, seeds, out)
					}
				}
				if known && outside == 0 {
					t.Errorf("%s gives no impossible output any more: take it off knownOutside", t.Name())
				}
				cov := float64(covered) / float64(total)
				t.Logf("%s: coverage %.0f%% of %d real runs (%d of %d real outputs, %d simulated outputs over %d seeds)",
					t.Name(), 100*cov, total, countHit(real, sim), len(real), len(sim), seeds)
				if *sweepSets && cov < 0.9 {
					t.Errorf("coverage %.0f%% < 90%%; simulated outputs:\n%sreal outputs:\n%s", 100*cov, formatSet(sim), formatSet(real))
				}
			})
		}
	}
}

// knownOutside lists the cases where, on the default seeds, the model
// gives an output that the real runs never showed: two Ps' prints
// interleaved finer than the busy recording machine ever did (see
// sim/perturb.go). Work to do, not a tolerance: TestScheduleSets fails
// when a listed case stops doing so, and -sweep-sets ignores the list.
var knownOutside = map[string]bool{
	"prod_cons/p2":    true,
	"gosched_alt/p4":  true,
	"two_printers/p2": true,
}

// simOutput runs src once on a machine of cpus CPUs and returns its
// stdout, normalised as the recorded outputs are.
func simOutput(t *testing.T, src []byte, cpus, procs int, seed uint64) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	res, err := Run(ctx, src, Options{CPUs: cpus, Procs: procs, Seed: seed})
	if err != nil {
		t.Fatalf("seed %d: Run: %v", seed, err)
	}
	if res.Outcome != OutcomeOK || len(res.Stderr) > 0 {
		t.Fatalf("seed %d: outcome %v: %s\n%s", seed, res.Outcome, res.Detail, res.Stderr)
	}
	return normalizeSetOutput(string(res.Stdout))
}

// lostCount matches a racy counter's total short of 400000: the corpus
// compares "lost updates or not", not how many, which varies run to run.
var lostCount = regexp.MustCompile(`^counter: ([0-9]+)\n$`)

func normalizeSetOutput(out string) string {
	if m := lostCount.FindStringSubmatch(out); m != nil {
		if n, _ := strconv.Atoi(m[1]); n < 400_000 {
			return "counter: less than 400000\n"
		}
	}
	return out
}

// recordedCPUs finds the machine's CPU count in a recorded set's header.
var recordedCPUs = regexp.MustCompile(`runs on ([0-9]+) CPUs`)

// loadSet reads a recorded output set: each output, normalised, with the
// number of real runs that printed it, and the CPUs of the machine that
// ran them.
func loadSet(t *testing.T, path string) (map[string]int, int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ar := txtar.Parse(data)
	m := recordedCPUs.FindSubmatch(ar.Comment)
	if m == nil {
		t.Fatalf("%s: no CPU count in the header", path)
	}
	cpus, _ := strconv.Atoi(string(m[1]))
	set := map[string]int{}
	for _, f := range ar.Files {
		n, err := strconv.Atoi(f.Name)
		if err != nil {
			t.Fatalf("%s: file %q: not a count", path, f.Name)
		}
		set[normalizeSetOutput(string(f.Data))] += n
	}
	if len(set) == 0 {
		t.Fatalf("%s: no outputs", path)
	}
	return set, cpus
}

func countHit(real, sim map[string]int) int {
	n := 0
	for out := range real {
		if sim[out] > 0 {
			n++
		}
	}
	return n
}

func formatSet(set map[string]int) string {
	var outs []string
	for out := range set {
		outs = append(outs, out)
	}
	sort.Slice(outs, func(i, j int) bool { return set[outs[i]] > set[outs[j]] })
	var b strings.Builder
	for _, out := range outs {
		fmt.Fprintf(&b, "\t%d× %q\n", set[out], out)
	}
	return b.String()
}
