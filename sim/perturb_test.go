package sim

import "testing"

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

// TestPerturbRaceShare: a window switches only when another CPU is free
// for the program, so on a busy 2-CPU machine most runs of lesson 12's
// counter lose nothing, and a few lose many updates; the share of runs
// that lose some is near the chance that the second CPU is free.
func TestPerturbRaceShare(t *testing.T) {
	const seeds, workers, n = 100, 4, 5000
	for _, cpus := range []int{2, 4} {
		lost := 0
		for seed := uint64(1); seed <= seeds; seed++ {
			_, x := rmwSimConfig(t, Config{CPUs: cpus, Procs: 4, Seed: seed}, workers, n, false, false)
			if x < workers*n {
				lost++
			}
		}
		free := 1.0
		for range cpus - 1 {
			free *= 1 - cpuFree
		}
		want := (1 - free) * seeds
		t.Logf("cpus=%d: %d of %d seeds lost updates (a free CPU: %.0f expected)", cpus, lost, seeds, want)
		if float64(lost) < want/3 || float64(lost) > want*2 {
			t.Errorf("cpus=%d: %d of %d seeds lost updates, want about %.0f", cpus, lost, seeds, want)
		}
	}
}
