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
//   - once per run: how many of the machine's CPUs are free for the
//     program's threads (the others run other processes), the cost
//     jitter, and sysmon's phase;
//   - at each wakep or handoff: how long the M takes to start looking for
//     work. With a CPU free it starts within a few microseconds; with
//     none, the OS runs it on the waker's CPU: either at once, the waker's
//     thread then being off its CPU for a while (its P's clock jumps), or
//     only after a wait of up to a few milliseconds;
//   - at each cost charged: the cost, within ± the run's jitter;
//   - at each race window (race.go): a switch needs another CPU free, as a
//     single CPU shared by two threads never splits a statement.
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
)

const (
	// cpuFree is the chance that each CPU beyond the first is free for
	// the program's threads in a run.
	cpuFree = 0.05
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
	// sliceMin and sliceMax bound the run's OS time slice, in ns: how long
	// one of the program's threads runs before another gets the CPU, when
	// there are more of them than free CPUs.
	sliceMin, sliceMax = 20_000, 500_000
	// futexMin and futexMax bound the waker's cost of waking an M, in
	// multiples of Costs.Syscall.
	futexMin, futexMax = 0.5, 5
	// writeMin and writeMax bound a write of output, in multiples of
	// Costs.Syscall.
	writeMin, writeMax = 0.5, 5
)

// noise is the state of the perturbations.
type noise struct {
	on    bool
	rng   *rand.Rand
	pct   int64 // this run's cost jitter, percent
	free  int   // CPUs free for the program in this run, at least 1
	slice int64 // the OS time slice of its threads when they share CPUs
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
	n.free = 1
	for range min(c.CPUs, c.Procs) - 1 {
		if n.rng.Float64() < cpuFree || c.Idle {
			n.free++
		}
	}
	n.pct = n.rng.Int64N(maxJitter + 1)
	n.slice = n.scale(1, sliceMin, sliceMax)
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
	if s.onCPU() < n.free {
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

// grain is how far a P may run ahead of another in virtual time: the
// quantum, or, when perturbed and the Ms that run outnumber the free CPUs,
// the OS time slice with which they take turns.
func (s *Sim) grain() int64 {
	if s.noise.on && s.onCPU() > s.noise.free {
		return max(quantum, s.noise.slice)
	}
	return quantum
}

// parallel is how many other Ms can run at the same instant as one: all
// of them unperturbed, those with a free CPU perturbed.
func (s *Sim) parallel(k int) int {
	if !s.noise.on {
		return k
	}
	return min(k, s.noise.free-1)
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
