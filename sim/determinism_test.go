package sim

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// scenarioFile reads the scenario of a testdata archive.
func scenarioFile(t testing.TB, name string) *Scenario {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := ParseScenario(parseArchive(string(data)).files["scenario"])
	if err != nil {
		t.Fatal(err)
	}
	sc.Config.Debug = true
	return sc
}

// fingerprint is everything a run produced, as bytes.
func fingerprint(t testing.TB, o Outcome) (trace []byte, hash string, snap []byte) {
	var tb, sb bytes.Buffer
	tr := o.Sim.Trace()
	if err := tr.WriteText(&tb); err != nil {
		t.Fatal(err)
	}
	sn := o.Sim.Snapshot()
	if err := sn.WriteText(&sb); err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(sn)
	if err != nil {
		t.Fatal(err)
	}
	sb.Write(js)
	return tb.Bytes(), tr.Hash(), sb.Bytes()
}

// TestSameSeedSameRun runs every golden scenario twice, each on a new Sim:
// the trace text, its hash, the final snapshot and the output agree to
// the byte.
func TestSameSeedSameRun(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			sc := scenarioFile(t, name)
			a, b := sc.Run(), sc.Run()
			ta, ha, sa := fingerprint(t, a)
			tb, hb, sb := fingerprint(t, b)
			if !bytes.Equal(ta, tb) || ha != hb {
				t.Errorf("same seed, different traces (%s, %s):\n%s", ha, hb, diff(string(ta), string(tb)))
			}
			if !bytes.Equal(sa, sb) {
				t.Errorf("same seed, different final snapshots:\n%s", diff(string(sa), string(sb)))
			}
			if a.Stdout != b.Stdout || a.Stderr != b.Stderr || a.Exit != b.Exit {
				t.Errorf("same seed, different outputs")
			}
		})
	}
}

// hashesBySeed runs a scenario with each seed and returns the trace hashes.
func hashesBySeed(t *testing.T, name string, seeds []uint64) map[string][]uint64 {
	t.Helper()
	sc := scenarioFile(t, name)
	out := map[string][]uint64{}
	for _, seed := range seeds {
		sc.Config.Seed = seed
		h := sc.Run().Sim.Trace().Hash()
		out[h] = append(out[h], seed)
	}
	return out
}

// TestSeedsDiffer: where the model makes random choices (steal order on
// several Ps, select among ready cases) or perturbs costs (jitter),
// different seeds explore different interleavings.
func TestSeedsDiffer(t *testing.T) {
	seeds := []uint64{1, 2, 3, 4, 5}
	if got := hashesBySeed(t, "steal_4p", seeds); len(got) < 2 {
		t.Errorf("steal_4p: 5 seeds gave %d distinct traces, want at least 2: %v", len(got), got)
	}
	// select polls its cases in a random order: with both ready, the seed
	// decides, even on one P.
	sc, err := ParseScenario(`config procs=1
func main {
    make a 10
    make b 10
    repeat 10 {
        send a a
        send b b
    }
    repeat 10 {
        select recv a, recv b
        print $v
    }
}
`)
	if err != nil {
		t.Fatal(err)
	}
	outs := map[string]bool{}
	for _, seed := range seeds {
		sc.Config.Seed = seed
		outs[sc.Run().Stdout] = true
	}
	if len(outs) < 2 {
		t.Errorf("select among ready cases: 5 seeds gave %d distinct outputs, want at least 2", len(outs))
	}
	// Without jitter, the steal order alone tells seeds apart.
	sc = scenarioFile(t, "steal_4p")
	sc.Config.Jitter = 0
	hs := map[string]bool{}
	for _, seed := range seeds {
		sc.Config.Seed = seed
		hs[sc.Run().Sim.Trace().Hash()] = true
	}
	if len(hs) < 2 {
		t.Errorf("steal_4p without jitter: 5 seeds gave %d distinct traces, want at least 2", len(hs))
	}
}

// TestSeedsAgree: a program on one P that makes no random choice runs the
// same whatever the seed, as it does on the real runtime with
// GOMAXPROCS=1.
func TestSeedsAgree(t *testing.T) {
	// With two Ps, stealing has one victim to choose: the order does not
	// matter either.
	for _, name := range []string{"spawn_runnext", "runq_overflow", "close_wakes", "mutex_handover", "sleep_order", "syscall_handoff"} {
		if got := hashesBySeed(t, name, []uint64{1, 2, 3, 4, 5}); len(got) != 1 {
			t.Errorf("%s: seeds gave %d traces, want 1: %v", name, len(got), got)
		}
	}
}

// TestEventOrder checks the order doc.go promises, on every golden
// scenario: Seq counts events from 0, and the times of one P's events
// never decrease.
func TestEventOrder(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		o := scenarioFile(t, name).Run()
		last := map[int]int64{}
		for i, e := range o.Sim.Trace().Events {
			if e.Seq != int64(i) {
				t.Fatalf("%s: event %d has Seq %d", name, i, e.Seq)
			}
			if e.P < 0 {
				continue
			}
			if t0, ok := last[e.P]; ok && e.Time < t0 {
				t.Errorf("%s: event %d (%s) of P%d at %d, after one at %d", name, i, e.Kind, e.P, e.Time, t0)
			}
			last[e.P] = e.Time
		}
	}
}
