package sim

// Race windows: how a data race loses an update.
//
// The Sim runs one G at a time, and a G on one P runs up to a quantum
// (2µs) ahead of the others before another P's turn. Gs on different Ps
// therefore interleave only at their calls into the Sim, so an
// unsynchronised read-modify-write such as counter++ is never split and
// never loses an update. On a real machine with several cores the load
// and the store of counter++ are separate steps, and another core may
// store to the same variable between them: one of the two increments is
// lost.
//
// The driver splits such a statement into the load, a call of [Sim.Race]
// and the store. Race is the gap between them. If Gs are running on other
// Ps at the same virtual time (their clocks within a quantum of this
// one's), then, with a probability drawn from the seed, one of them runs
// right there, in the middle of the current G's statement, as it would on
// its own core: until it has been through a race window of its own and
// reached its next [Sim.Tick] (its next loop iteration or function
// entry), after which the interrupted G resumes and stores what it
// loaded, overwriting what the other G stored meanwhile. This is an
// "excursion": the clocks and the machine state go on as usual, both Gs
// stay running on their Ps, and only the order of the driver's steps
// changes. The other G's windows do not switch during the excursion. An
// excursion in which the other G blocks, yields, ends or runs past its
// horizon ends at that reschedule; the interrupted G then waits for its
// P's turn like any running G.
//
// Memory is whatever the driver's memory is, in the order the Sim runs
// the Gs. A read-modify-write under a Mutex stays correct: a G that wants
// the lock during an excursion blocks on it. With one P, or when no other
// P runs a G, Race never switches, as a single CPU never splits a
// statement between two preemption points.
//
// The choice uses a PRNG of its own, seeded from Config.Seed, so that
// windows that never switch (one P) draw nothing and programs without
// windows draw exactly what they drew before.

import (
	"math"
	"math/rand/v2"
)

// raceChance is the chance that one other running P's G stores in a given
// window. With k such Ps the window switches with probability
// 1-(1-raceChance)^k: 1 in 5 with two Ps, about 1 in 2 with four. Each
// switch loses about one update, so four goroutines adding 100,000 each
// on four Ps end near 276,000 (lesson 12's race-counter, seed 0). The
// figure is a model, not a measurement: on real machines the rate depends
// on the cores, the caches and what else runs, from nothing lost to most.
// Perturbed runs (perturb.go) scale it by how much the threads overlap,
// and switch only with another CPU free.
const raceChance = 0.2

// raceState is the state of race windows.
type raceState struct {
	rng    *rand.Rand // from Config.Seed, drawn only in windows with candidates
	from   *G         // the G interrupted in its window, during an excursion
	passed bool       // the excursion's G has been through a window
	mapw   uintptr    // the map from is writing, if its window is a map write (maps.go)
}

// Race is the window between the load and the store of the current G's
// unsynchronised read-modify-write. It reports whether another P's G now
// runs (Current changed); the driver then runs that G, which comes back
// to this one at its next Tick, or at the next reschedule.
func (s *Sim) Race() bool { return s.window(0) }

// window is a race window; m is the map the current G is writing (see
// [Sim.MapWrite]), or 0.
func (s *Sim) window(m uintptr) bool {
	g := s.cur
	if s.race.from != nil {
		s.race.passed = true // this G is itself an excursion
		return false
	}
	if s.procs == 1 {
		return false // no other CPU
	}
	pp := g.p
	k := 0
	for _, op := range s.allp {
		if s.racing(pp, op) {
			k++
		}
	}
	k, chance := s.parallel(k)
	if k <= 0 {
		return false // no other CPU free to run a G at this instant
	}
	if s.race.rng == nil {
		s.race.rng = rand.New(rand.NewPCG(s.cfg.Seed^0x52616365, s.cfg.Seed^0x94d049bb133111eb))
	}
	if s.race.rng.Float64() >= 1-math.Pow(1-chance, float64(k)) {
		return false
	}
	i := s.race.rng.IntN(k)
	for _, op := range s.allp {
		if !s.racing(pp, op) {
			continue
		}
		if i == 0 {
			s.race.from, s.race.passed, s.race.mapw = g, false, m
			s.cur = op.curg
			s.stats.Races++
			s.emit(pp, Event{Kind: EvRace, G: g.ID, Other: op.curg.ID})
			break
		}
		i--
	}
	s.debugCheck()
	return true
}

// racing reports whether op, a P other than pp, runs a G at about pp's
// virtual time: their clocks are within a quantum.
func (s *Sim) racing(pp, op *P) bool {
	if op == pp || op.curg == nil || op.curg.Status != Grunning {
		return false
	}
	d := op.clock - pp.clock
	return -quantum <= d && d <= quantum
}

// raceReturn ends an excursion at the other G's Tick once that G has been
// through a window: the interrupted G runs again, with a horizon computed
// afresh. It reports whether it ended one.
func (s *Sim) raceReturn() bool {
	from := s.race.from
	if from == nil || !s.race.passed {
		return false
	}
	s.race.from = nil
	if from.Status != Grunning || from.p == nil || from.p.curg != from {
		return false // cannot happen: a reschedule would have ended it
	}
	s.cur = from
	s.setHorizon()
	return true
}
