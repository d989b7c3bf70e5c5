package sim

import (
	"math"
	"testing"
)

// TestPerturbOff: seed 0, and a run that starts with one P, draw no
// perturbation: the trace is the unperturbed one, event for event.
func TestPerturbOff(t *testing.T) {
	for _, c := range []struct {
		procs int
		seed  uint64
	}{{1, 0}, {1, 7}, {4, 0}, {2, 0}} {
		on, _ := rmwSimConfig(t, Config{Procs: c.procs, Seed: c.seed, Debug: true}, 3, 50, false, true)
		off, _ := rmwSimConfig(t, Config{Procs: c.procs, Seed: c.seed, NoPerturb: true, Debug: true}, 3, 50, false, true)
		if on.Trace().Hash() != off.Trace().Hash() {
			t.Errorf("procs=%d seed=%d: the perturbations changed the trace", c.procs, c.seed)
		}
	}
}

// TestPerturbOn: with several Ps and another seed, the perturbations
// change the run, and each seed's run is still the same every time.
func TestPerturbOn(t *testing.T) {
	changed := 0
	for seed := uint64(1); seed <= 5; seed++ {
		cfg := Config{Procs: 4, Seed: seed, Debug: true}
		a, _ := rmwSimConfig(t, cfg, 3, 50, false, true)
		b, _ := rmwSimConfig(t, cfg, 3, 50, false, true)
		if a.Trace().Hash() != b.Trace().Hash() {
			t.Errorf("seed %d: two runs differ", seed)
		}
		cfg.NoPerturb = true
		off, _ := rmwSimConfig(t, cfg, 3, 50, false, true)
		if a.Trace().Hash() != off.Trace().Hash() {
			changed++
		}
	}
	if changed == 0 {
		t.Error("no seed's run was perturbed")
	}
}

// TestPerturbRaceShare: a window switches only once another CPU is free,
// so on the default busy machine most runs of a short racy loop lose
// nothing, where on an idle one every run loses updates.
func TestPerturbRaceShare(t *testing.T) {
	const seeds, workers, n = 40, 4, 20_000
	lost := func(cfg Config) int {
		k := 0
		for seed := uint64(1); seed <= seeds; seed++ {
			cfg.Seed = seed
			if _, x := rmwSimConfig(t, cfg, workers, n, false, false); x < workers*n {
				k++
			}
		}
		return k
	}
	busy := lost(Config{CPUs: 2, Procs: 4})
	idle := lost(Config{CPUs: 2, Procs: 4, Idle: true})
	t.Logf("%d of %d seeds lost updates on a busy machine, %d on an idle one", busy, seeds, idle)
	if busy > seeds/10 {
		t.Errorf("busy machine: %d of %d seeds lost updates, want few", busy, seeds)
	}
	if idle != seeds {
		t.Errorf("idle machine: %d of %d seeds lost updates, want all", idle, seeds)
	}
}

// TestPerturbFreeCPUs: the CPUs beyond the first become free after
// cpuWait on average, the first is free from the start, and on an idle
// machine all are.
func TestPerturbFreeCPUs(t *testing.T) {
	var sum float64
	const seeds = 2000
	for seed := uint64(1); seed <= seeds; seed++ {
		s := New(Config{CPUs: 2, Procs: 2, Seed: seed})
		if got := s.noise.freeCPUs(0); got != 1 {
			t.Fatalf("seed %d: %d CPUs free at 0, want 1", seed, got)
		}
		sum += float64(s.noise.freeAt[1])
		if s := New(Config{CPUs: 2, Procs: 2, Seed: seed, Idle: true}); s.noise.freeCPUs(0) != 2 {
			t.Fatalf("seed %d, idle: %d CPUs free at 0, want 2", seed, s.noise.freeCPUs(0))
		}
	}
	if mean := sum / seeds; math.Abs(mean-cpuWait) > 0.1*cpuWait {
		t.Errorf("mean wait for the second CPU %.0fns, want about %d", mean, cpuWait)
	}
}

// TestPollWakeSaturated: the netpoller's whole-millisecond wake-up for a
// timer with a saturated deadline (time.Sleep(math.MaxInt64)) stays at
// the deadline instead of wrapping round to a negative time, which made a
// perturbed run with an idle P loop for ever.
func TestPollWakeSaturated(t *testing.T) {
	s := New(Config{})
	s.pollFrom = 100_071_871
	if got := s.pollWake(never); got != never {
		t.Errorf("pollWake(never) = %d, want %d", got, int64(never))
	}
	if got := s.pollWake(s.pollFrom + 1_500_000); got != s.pollFrom+2_000_000 {
		t.Errorf("pollWake(1.5ms on) = %d, want 2ms on", got-s.pollFrom)
	}
}
