package sim

import "testing"

// rmwRun drives workers Gs that each add one to a shared x n times, with
// the read-modify-write split as the runner splits counter++: load, Race,
// store, one Tick per iteration. With locked, each increment holds a
// Mutex; with gosched, each is followed by a Gosched. It returns x and the
// Sim's stats; invariants are checked at every step.
func rmwRun(t *testing.T, procs int, seed uint64, workers, n int, locked, gosched bool) (int, Stats) {
	t.Helper()
	s, x := rmwSim(t, procs, seed, workers, n, locked, gosched)
	return x, s.Stats()
}

// rmwSim is rmwRun returning the Sim, whose trace is kept.
func rmwSim(t *testing.T, procs int, seed uint64, workers, n int, locked, gosched bool) (*Sim, int) {
	t.Helper()
	// Unperturbed: these tests are about the window itself, on Ps whose
	// Ms all have a CPU (perturb_test.go covers the perturbed runs).
	return rmwSimConfig(t, Config{Procs: procs, Seed: seed, NoPerturb: true, Debug: true}, workers, n, locked, gosched)
}

// rmwSimConfig is rmwSim on any machine.
func rmwSimConfig(t *testing.T, cfg Config, workers, n int, locked, gosched bool) (*Sim, int) {
	t.Helper()
	s := New(cfg)
	procs, seed := cfg.Procs, cfg.Seed
	var (
		x  int
		mu Mutex
		wg WaitGroup
	)
	type worker struct {
		i, step, v int
		parked     bool // in a Lock or Wait that must be continued
	}
	ws := map[*G]*worker{}
	wait := func(w *worker, done bool) { w.parked = !done }
	for g := s.Current(); g != nil; g = s.Current() {
		w := ws[g]
		if w == nil {
			w = &worker{}
			ws[g] = w
		}
		if w.parked {
			wait(w, s.Continue())
			continue
		}
		if g.Fn == nil { // main: Add, go ×workers, Wait, return
			switch {
			case w.step == 0:
				if err := s.Add(&wg, workers); err != nil {
					t.Fatal(err)
				}
			case w.step <= workers:
				s.Go("worker")
			case w.step == workers+1:
				wait(w, s.Wait(&wg))
			default:
				s.MainReturn()
			}
			w.step++
			continue
		}
		switch w.step {
		case 0:
			s.Tick(1)
		case 1:
			if locked {
				wait(w, s.Lock(&mu))
			}
		case 2:
			w.v = x
			s.Race()
		case 3:
			x = w.v + 1
		case 4:
			if locked {
				if msg := s.Unlock(&mu); msg != "" {
					t.Fatal(msg)
				}
			}
			if gosched {
				s.Gosched()
			}
		case 5:
			if w.i++; w.i < n {
				w.step = 0
				continue
			}
			if err := s.Add(&wg, -1); err != nil {
				t.Fatal(err)
			}
		default:
			s.Exit()
		}
		w.step++
	}
	if f := s.Fatal(); f != nil {
		t.Fatalf("procs=%d seed=%d: %v", procs, seed, f)
	}
	return s, x
}

// TestRaceEvents: every switch in a window is a race event in the trace,
// naming the interrupted G and the one that ran in its window (user Gs:
// goid 7 on).
func TestRaceEvents(t *testing.T) {
	s, _ := rmwSim(t, 4, 3, 4, 3000, false, false)
	n := int64(0)
	for _, ev := range s.Trace().Events {
		if ev.Kind != EvRace {
			continue
		}
		n++
		if ev.G == ev.Other || ev.G < 7 || ev.Other < 7 {
			t.Errorf("race event %v: want two different user Gs", ev)
		}
	}
	if n == 0 || n != s.Stats().Races {
		t.Errorf("%d race events, Stats.Races = %d: want the same, not zero", n, s.Stats().Races)
	}
}

// TestRaceLosesUpdates: on four Ps, four Gs racing on x lose updates for
// every seed, a different number for different seeds; under a Mutex, or on
// one P, none is lost and no window switches.
func TestRaceLosesUpdates(t *testing.T) {
	const workers, n = 4, 3000
	totals := map[int]bool{}
	for seed := range uint64(5) {
		x, st := rmwRun(t, 4, seed, workers, n, false, false)
		if x >= workers*n || st.Races == 0 {
			t.Errorf("procs=4 seed=%d: x = %d with %d race switches, want updates lost", seed, x, st.Races)
		}
		totals[x] = true

		if x, st := rmwRun(t, 4, seed, workers, n, true, false); x != workers*n {
			t.Errorf("procs=4 seed=%d, under a Mutex: x = %d (%d race switches), want %d", seed, x, st.Races, workers*n)
		}
		if x, st := rmwRun(t, 1, seed, workers, n, false, false); x != workers*n || st.Races != 0 {
			t.Errorf("procs=1 seed=%d: x = %d with %d race switches, want %d and none", seed, x, st.Races, workers*n)
		}
	}
	if len(totals) < 3 {
		t.Errorf("5 seeds gave %d distinct totals, want at least 3: %v", len(totals), totals)
	}
}

// TestRaceDeterministic: the same seed gives the same total and the same
// number of switches.
func TestRaceDeterministic(t *testing.T) {
	x1, st1 := rmwRun(t, 4, 7, 4, 2000, false, false)
	x2, st2 := rmwRun(t, 4, 7, 4, 2000, false, false)
	if x1 != x2 || st1 != st2 {
		t.Errorf("seed 7 twice: x = %d and %d, stats %+v and %+v", x1, x2, st1, st2)
	}
}

// TestRaceAfterGosched: a G resumed by an excursion right after its
// Gosched reaches its loop's Tick before its next window; the excursion
// lasts until it has been through a window, so updates are lost on two
// Ps here too.
func TestRaceAfterGosched(t *testing.T) {
	const workers, n = 4, 200
	for seed := range uint64(3) {
		if x, st := rmwRun(t, 2, seed, workers, n, false, true); x >= workers*n || st.Races == 0 {
			t.Errorf("procs=2 seed=%d: x = %d with %d race switches, want updates lost", seed, x, st.Races)
		}
		if x, _ := rmwRun(t, 2, seed, workers, n, true, true); x != workers*n {
			t.Errorf("procs=2 seed=%d, under a Mutex: x = %d, want %d", seed, x, workers*n)
		}
	}
}
