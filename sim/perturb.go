package sim

// Perturbations: what varies between two real runs of the same program.
//
// The model charges fixed costs, so a given seed only changes the steal
// order and select's choices, and on several Ps most programs would print
// the same thing on every seed. A real run differs from the next because
// of things the model otherwise holds fixed: how long a woken thread takes
// to get a CPU (wakep → startm → the OS scheduling the M), the cost of
// each statement (caches, frequency, interrupts), the phase of sysmon's
// 20µs sleep relative to main.main, and, on a machine whose CPUs are busy
// with other processes, whether two Ms run at the same instant at all.
//
// With a seed other than 0 and more than one P at start, the Sim draws
// those from a PRNG stream of its own, seeded from Config.Seed:
//
//   - once per run: when each of the machine's CPUs beyond the first
//     becomes free for the program's threads (until then other processes
//     keep it busy), how much two threads with a CPU each overlap, the
//     cost jitter, and sysmon's phase;
//   - at each wakep or handoff: how long the M takes to start looking for
//     work. With a CPU free it starts within a few microseconds; with
//     none, the OS runs it on the waker's CPU: either at once, the waker's
//     thread then being off its CPU for a while (its P's clock jumps), or
//     only after a wait of up to a few milliseconds;
//   - at each cost charged: the cost, within ± the run's jitter;
//   - at each race window (race.go): a switch needs another CPU free, as a
//     single CPU shared by two threads never splits a statement, and its
//     chance is scaled by the overlap.
//
// Seed 0, and every run that starts with one P, draws nothing: the run is
// the unperturbed model, byte for byte, so that lessons, goldens and the
// fidelity corpus (seed 0) stay fixed, and one P, where the real runtime
// is deterministic, stays so on every seed. Config.NoPerturb turns the
// perturbations off for other seeds too (the scenario goldens use it).
//
// The figures below are calibrated against real runs of the multi-P
// corpus (runner/testdata/schedset) on a 2-CPU machine that was busy with
// other work; a machine with idle CPUs to spare has more of them free.

import (
	"math"
	"math/rand/v2"
	"slices"
)

const (
	// cpuWait is the mean time, in ns, before each CPU beyond the first
	// becomes free for the program's threads (exponentially distributed).
	// With it, four goroutines that each add to a counter for a tenth of
	// a millisecond mostly run one after the other and lose nothing
	// (real: 289 of 300 runs), while loops that run for milliseconds
	// mostly overlap (lesson 12's map writes: 8 of 10 real runs crashed).
	cpuWait = 5_000_000
	// maxJitter is the largest cost jitter of a run, in percent.
	maxJitter = 40
	// wakeFastMin and wakeFastMax bound the start of a woken M that has a
	// free CPU, in multiples of Costs.Wake.
	wakeFastMin, wakeFastMax = 0.25, 2
	// wakeSlowMax bounds, in multiples of Costs.Wake, the wait of a woken
	// M that has no free CPU and does not take the waker's.
	wakeSlowMax = 400
	// preemptWaker is the chance that a woken M with no free CPU takes the
	// waker's at once (the OS favours a thread that has just woken).
	preemptWaker = 0.5
	// stallMax bounds, in multiples of Costs.Wake, how long the waker then
	// stays off its CPU.
	stallMax = 40
	// overlapMin is the least share of the time that two threads with a
	// CPU each are on them together, which scales the race window's
	// chance: on a busy machine the OS takes either off its CPU now and
	// then. Real runs of lesson 12's counter on the busy 2-CPU machine
	// that lost updates lost from 1% to 36% of them, most about 5%.
	overlapMin = 0.05
	// futexMin and futexMax bound the waker's cost of waking an M, in
	// multiples of Costs.Syscall.
	futexMin, futexMax = 0.5, 5
	// mapWriteCost is a map write's time, in ns: hashing a short key,
	// probing, storing (a loop of 100,000 counts[word]++ takes about 3ms
	// on the machine the figures were calibrated on).
	mapWriteCost = 30
	// writeMin and writeMax bound a write of output, in multiples of
	// Costs.Syscall.
	writeMin, writeMax = 0.5, 5
)

// noise is the state of the perturbations.
type noise struct {
	on      bool
	rng     *rand.Rand
	pct     int64   // this run's cost jitter, percent
	freeAt  []int64 // when each CPU becomes free for the program, ascending; the first at 0
	overlap float64 // the share of the time two Ms with free CPUs run together
}

// initNoise draws the run's perturbations, if any (see above).
func (s *Sim) initNoise() {
	c := s.cfg
	if c.NoPerturb || c.Seed == 0 || c.Procs <= 1 {
		return
	}
	n := &s.noise
	n.on = true
	n.rng = rand.New(rand.NewPCG(c.Seed^0x6e6f697365, c.Seed^0x2545f4914f6cdd1d))
	n.freeAt = make([]int64, min(c.CPUs, c.Procs))
	for i := 1; i < len(n.freeAt) && !c.Idle; i++ {
		n.freeAt[i] = int64(n.rng.ExpFloat64() * cpuWait)
	}
	slices.Sort(n.freeAt)
	n.pct = n.rng.Int64N(maxJitter + 1)
	n.overlap = overlapMin * math.Pow(1/overlapMin, n.rng.Float64())
	if c.Idle {
		n.overlap = 1
	}
	s.sysmon.next = 1 + n.rng.Int64N(c.Costs.SysmonMin)
}

// wakeDelay is how long after a wakep or handoff by waker the woken M
// starts looking for work. Unperturbed it is Costs.Wake (with
// Config.Jitter). Perturbed, waker's clock may move on too: its thread
// lost its CPU to the woken one.
func (s *Sim) wakeDelay(waker *P) int64 {
	w := s.cfg.Costs.Wake
	n := &s.noise
	if !n.on {
		return s.jitter(w)
	}
	if waker != nil {
		// The waker's thread makes the futex system call that wakes
		// the M (notewakeup): a microsecond or a few.
		waker.clock += n.scale(s.cfg.Costs.Syscall, futexMin, futexMax)
	}
	now := s.now
	if waker != nil {
		now = waker.clock
	}
	if s.onCPU() <= n.freeCPUs(now) { // the woken M counts already (startm)
		return n.scale(w, wakeFastMin, wakeFastMax)
	}
	if waker != nil && n.rng.Float64() < preemptWaker {
		waker.clock += n.scale(w, wakeFastMin, stallMax)
		return n.scale(w, wakeFastMin, wakeFastMax)
	}
	return n.scale(w, wakeFastMax, wakeSlowMax)
}

// onCPU counts the Ms that hold a P and run or look for Go code.
func (s *Sim) onCPU() int {
	k := 0
	for _, pp := range s.allp {
		if pp.status == pRunning && pp.m != nil {
			k++
		}
	}
	return k
}

// scale draws ns times a factor between lo and hi, log-uniformly: a
// latency is as likely to double as to halve.
func (n *noise) scale(ns int64, lo, hi float64) int64 {
	f := lo * math.Pow(hi/lo, n.rng.Float64())
	return max(1, int64(float64(ns)*f))
}

// jitter perturbs a cost by up to ± the run's jitter.
func (n *noise) jitter(ns int64) int64 {
	d := ns * n.pct / 100
	if d <= 0 {
		return ns
	}
	return ns - d + n.rng.Int64N(2*d+1)
}

// parallel is how many other Ms can run at the same instant as one, and
// the chance that one of them stores in a race window: all of them and
// raceChance unperturbed; perturbed, those with a free CPU, and the
// chance scaled by the run's overlap.
func (s *Sim) parallel(k int) (int, float64) {
	if !s.noise.on {
		return k, raceChance
	}
	return min(k, s.noise.freeCPUs(s.cur.p.clock)-1), raceChance * s.noise.overlap
}

// freeCPUs is how many CPUs are free for the program at time t.
func (n *noise) freeCPUs(t int64) int {
	k := 0
	for _, at := range n.freeAt {
		if at <= t {
			k++
		}
	}
	return k
}

// mapCost charges the current G, in a perturbed run, for a map write's
// hashing and probing: tens of nanoseconds, where a counter++ takes one.
// Unperturbed it costs its statement only, as the goldens were recorded.
func (s *Sim) mapCost() {
	if g := s.cur; s.noise.on && g != nil && g.p != nil {
		g.p.clock += s.noise.jitter(mapWriteCost)
	}
}

// Output charges the current G for a write of its output: a write(2) of a
// few microseconds, more when the machine is busy. Unperturbed, output
// costs nothing beyond its statement, as the goldens were recorded; with
// the perturbations on, the time it takes is part of what lets another P
// catch up, as in a real run.
func (s *Sim) Output() {
	g := s.cur
	if !s.noise.on || g == nil || g.p == nil {
		return
	}
	g.p.clock += s.noise.scale(s.cfg.Costs.Syscall, writeMin, writeMax)
}
