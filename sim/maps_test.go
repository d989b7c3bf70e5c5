package sim

import "testing"

// mapOp is what a mapRun worker does to its map in each iteration.
type mapOp int

const (
	opWrite mapOp = iota // MapWrite
	opRead               // MapRead
	opIter               // MapRead with iter
)

// mapWorker is one G of mapRun: n iterations of a Tick, then op on map m,
// under a Mutex if locked.
type mapWorker struct {
	m      uintptr
	op     mapOp
	locked bool
}

// mapRun runs the workers on procs Ps, with main waiting for them on a
// WaitGroup, and returns the Sim (invariants checked at every step).
func mapRun(t *testing.T, procs int, seed uint64, n int, workers ...mapWorker) *Sim {
	t.Helper()
	// Unperturbed, as in race_test.go.
	s := New(Config{Procs: procs, Seed: seed, NoPerturb: true, Debug: true})
	var (
		mu Mutex
		wg WaitGroup
	)
	type state struct {
		w            mapWorker
		i, step      int
		parked, main bool
	}
	gs := map[*G]*state{}
	started := 0
	for g := s.Current(); g != nil; g = s.Current() {
		st := gs[g]
		if st == nil {
			st = &state{main: g.Fn == nil}
			if !st.main {
				st.w = workers[started]
				started++
			}
			gs[g] = st
		}
		if st.parked {
			st.parked = !s.Continue()
			continue
		}
		if st.main {
			switch {
			case st.step == 0:
				if err := s.Add(&wg, len(workers)); err != nil {
					t.Fatal(err)
				}
			case st.step <= len(workers):
				s.Go("worker")
			case st.step == len(workers)+1:
				st.parked = !s.Wait(&wg)
			default:
				s.MainReturn()
			}
			st.step++
			continue
		}
		switch st.step {
		case 0:
			s.Tick(10) // a loop body of ten statements
		case 1:
			if st.w.locked {
				st.parked = !s.Lock(&mu)
			}
		case 2:
			switch st.w.op {
			case opWrite:
				s.MapWrite(st.w.m)
			default:
				s.MapRead(st.w.m, st.w.op == opIter)
			}
		case 3:
			if st.w.locked {
				if msg := s.Unlock(&mu); msg != "" {
					t.Fatal(msg)
				}
			}
		case 4:
			if st.i++; st.i < n {
				st.step = 0
				continue
			}
			if err := s.Add(&wg, -1); err != nil {
				t.Fatal(err)
			}
		default:
			s.Exit()
		}
		st.step++
	}
	return s
}

// TestConcurrentMapWrites: two Gs writing one map on four Ps end the run
// with the runtime's fatal error, naming the G that found the write in
// progress, for every seed; never on one P, nor under a Mutex, nor when
// each writes a map of its own.
func TestConcurrentMapWrites(t *testing.T) {
	const n = 1000
	w := func(m uintptr, locked bool) mapWorker { return mapWorker{m: m, locked: locked} }
	for seed := range uint64(5) {
		s := mapRun(t, 4, seed, n, w(1, false), w(1, false))
		f := s.Fatal()
		if f == nil || f.Msg != "concurrent map writes" {
			t.Fatalf("procs=4 seed=%d: fatal %v, want concurrent map writes", seed, f)
		}
		if len(f.Goroutines) != 1 || f.Goroutines[0].Status != "running" || f.Goroutines[0].ID < 7 {
			t.Errorf("procs=4 seed=%d: goroutines %+v, want the one user G that found the write", seed, f.Goroutines)
		}
		if !s.Exited() || s.Current() != nil || s.Stats().Races == 0 {
			t.Errorf("procs=4 seed=%d: exited %v, current %v, %d races: want the run over after a race",
				seed, s.Exited(), s.Current(), s.Stats().Races)
		}
		for _, tt := range []struct {
			name  string
			procs int
			ws    []mapWorker
		}{
			{"one P", 1, []mapWorker{w(1, false), w(1, false)}},
			{"a Mutex", 4, []mapWorker{w(1, true), w(1, true)}},
			{"two maps", 4, []mapWorker{w(1, false), w(2, false)}},
			{"nil maps", 4, []mapWorker{w(0, false), w(0, false)}},
		} {
			s := mapRun(t, tt.procs, seed, n, tt.ws...)
			if f := s.Fatal(); f != nil {
				t.Errorf("%s, seed=%d: %v, want no fatal error", tt.name, seed, f)
			}
			if tt.name != "one P" && tt.name != "a Mutex" && s.Stats().Races == 0 {
				t.Errorf("%s, seed=%d: no window switched", tt.name, seed)
			}
		}
	}
}

// TestConcurrentMapReads: a read or a range step that meets a write in
// progress ends the run with the runtime's message for it; reads alone
// never do.
func TestConcurrentMapReads(t *testing.T) {
	for _, tt := range []struct {
		op   mapOp
		want string
	}{
		{opRead, "concurrent map read and map write"},
		{opIter, "concurrent map iteration and map write"},
	} {
		crashed := 0
		for seed := range uint64(5) {
			s := mapRun(t, 4, seed, 1000, mapWorker{m: 1}, mapWorker{m: 1, op: tt.op})
			if f := s.Fatal(); f != nil {
				crashed++
				if f.Msg != tt.want {
					t.Errorf("seed=%d: %q, want %q", seed, f.Msg, tt.want)
				}
			}
			if f := mapRun(t, 4, seed, 1000, mapWorker{m: 1, op: tt.op}, mapWorker{m: 1, op: tt.op}).Fatal(); f != nil {
				t.Errorf("readers only, seed=%d: %v", seed, f)
			}
		}
		if crashed == 0 {
			t.Errorf("%s: no seed crashed", tt.want)
		}
	}
}

// TestConcurrentMapWritesDeterministic: a seed crashes in the same G at
// the same step every time.
func TestConcurrentMapWritesDeterministic(t *testing.T) {
	a := mapRun(t, 4, 11, 1000, mapWorker{m: 1}, mapWorker{m: 1})
	b := mapRun(t, 4, 11, 1000, mapWorker{m: 1}, mapWorker{m: 1})
	if a.Fatal() == nil || b.Fatal() == nil {
		t.Fatalf("seed 11: fatal %v and %v, want concurrent map writes", a.Fatal(), b.Fatal())
	}
	if a.Stats() != b.Stats() || a.Fatal().Goroutines[0] != b.Fatal().Goroutines[0] || a.Now() != b.Now() {
		t.Errorf("seed 11 twice: %+v at %d and %+v at %d", a.Stats(), a.Now(), b.Stats(), b.Now())
	}
}
