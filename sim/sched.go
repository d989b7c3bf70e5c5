package sim

// The scheduling loop. The runtime's loop is schedule → findRunnable →
// execute on every M; here one function, reschedule, plays every M in
// virtual-time order: it processes whatever is due first (a timer, a sysmon
// tick, an idle P waking up, a system call ending) and otherwise hands the
// baton to the running P that is furthest behind in time.

import "math"

const never = math.MaxInt64

// reschedule decides what runs next after the current G stopped running
// (parked, yielded, exited) or ran past the horizon.
func (s *Sim) reschedule() {
	s.race.from = nil // an excursion from a race window ends too
	for s.fatal == nil && !s.exited {
		pr := s.earliestRunning()
		d := s.nextDue()
		if d.kind != dueNone && (pr == nil || d.at <= pr.clock) {
			if d.at > s.now {
				s.now = d.at
			}
			s.runDue(d)
			continue
		}
		if pr == nil {
			s.cur = nil
			s.checkdead()
			s.debugCheck()
			return
		}
		s.cur = pr.curg
		if pr.clock > s.now {
			s.now = pr.clock
		}
		s.setHorizon()
		s.debugCheck()
		return
	}
	s.cur = nil
	s.debugCheck()
}

// earliestRunning is the P running a G whose clock is smallest (ties to the
// lowest P id), or nil.
func (s *Sim) earliestRunning() *P {
	var best *P
	for _, pp := range s.allp {
		if pp.curg == nil || pp.curg.Status != Grunning {
			continue
		}
		if best == nil || pp.clock < best.clock {
			best = pp
		}
	}
	return best
}

// setHorizon sets how far the current G may run before the others must
// catch up: the next due event, and any other running P's clock.
func (s *Sim) setHorizon() {
	h := s.nextDue().at
	for _, pp := range s.allp {
		if pp.curg != nil && pp.curg != s.cur && pp.curg.Status == Grunning && pp.clock+quantum < h {
			h = pp.clock + quantum
		}
	}
	s.horizon = h
}

// quantum is how far a P may run ahead of another in virtual time before
// the baton passes: the grain of interleaving on several Ps.
const quantum = 2000

// schedule finds the next G for pp and runs it, or idles pp. Models
// runtime.schedule (proc.go:4135).
func (s *Sim) schedule(pp *P) {
	g, inherit := s.findRunnable(pp)
	if g == nil {
		s.idle(pp)
		return
	}
	if pp.spinning {
		s.resetspinning(pp)
	}
	s.execute(pp, g, inherit)
}

// execute starts g on pp. schedtick counts only Gs that do not inherit the
// time slice (proc.go:3349-3351), so a chain of runnext hand-offs shares one
// slice.
func (s *Sim) execute(pp *P, g *G, inherit bool) {
	g.Status = Grunning
	g.Reason = ""
	g.p = pp
	g.m = pp.m
	pp.curg = g
	pp.m.curg = g
	if !inherit {
		pp.schedtick++
		pp.sliceFrom = pp.clock
	}
	s.stats.Switches++
	s.emit(pp, Event{Kind: EvRun, G: g.ID, N: int64(pp.schedtick)})
	if g.System {
		// The runtime's own Gs (goids 5, 6) find nothing to do and park.
		pp.clock += s.cfg.Costs.Switch
		s.dropg(pp, g, Gwaiting, g.sysWait)
		s.schedule(pp)
	}
}

// dropg takes g off pp, leaving it in the given state.
func (s *Sim) dropg(pp *P, g *G, st Status, why WaitReason) {
	g.Status, g.Reason = st, why
	pp.curg = nil
	if pp.m != nil {
		pp.m.curg = nil
	}
	g.m = nil
	if st == Gwaiting {
		g.p = nil
		s.emit(pp, Event{Kind: EvPark, G: g.ID, Detail: string(why)})
	}
}

// findRunnable looks for a G for pp, in the runtime's order
// (proc.go:3389-3798): timers, the every-61-ticks global check, the local
// queue, a global batch, stealing.
func (s *Sim) findRunnable(pp *P) (*G, bool) {
	s.checkTimers(pp, pp)
	if pp.schedtick%uint32(s.cfg.GlobalQueueEvery) == 0 && s.global.len() > 0 {
		g := s.global.pop()
		s.stats.GlobalQueueUses++
		s.emit(pp, Event{Kind: EvGlobalGet, G: g.ID, N: 1, Gs: []int64{g.ID}, Detail: "fairness"})
		return g, false
	}
	if g, inherit := s.runqget(pp); g != nil {
		return g, inherit
	}
	if s.global.len() > 0 {
		g := s.globget(pp, s.cfg.RunqSize/2)
		s.stats.GlobalQueueUses++
		return g, false
	}
	if s.maySpin(pp) {
		if !pp.spinning {
			pp.spinning = true
			s.nspinning++
		}
		if g, inherit := s.stealWork(pp); g != nil {
			return g, inherit
		}
	}
	return nil, false
}

// maySpin reports whether pp's M may spin to steal work: it spins
// already, or spinning Ms are fewer than half the busy Ps
// (proc.go:3517-3523).
func (s *Sim) maySpin(pp *P) bool {
	return pp.spinning || 2*s.nspinning < s.procs-len(s.pidle)
}

// lowerHorizon makes the current G stop by at, when an operation created
// a machine event due then (an M woken, a timer armed): the others must
// catch up before the G runs past it.
func (s *Sim) lowerHorizon(at int64) {
	if at < s.horizon {
		s.horizon = at
	}
}

// idle releases pp: no work anywhere. Models the end of findRunnable:
// releasep, pidleput, stopm (proc.go:3593-3796).
func (s *Sim) idle(pp *P) {
	if pp.spinning {
		pp.spinning = false
		s.nspinning--
	}
	s.emit(pp, Event{Kind: EvIdle})
	s.pollFrom = pp.clock
	m := pp.m
	pp.m = nil
	pp.status = pIdle
	s.pidle = append(s.pidle, pp)
	if m != nil {
		m.p = nil
		s.midle = append(s.midle, m)
	}
}

// pidleget takes an idle P, the most recently idled first (sched.pidle is
// a stack).
func (s *Sim) pidleget() *P {
	n := len(s.pidle)
	if n == 0 {
		return nil
	}
	pp := s.pidle[n-1]
	s.pidle = s.pidle[:n-1]
	return pp
}

func (s *Sim) pidleremove(pp *P) bool {
	for i, x := range s.pidle {
		if x == pp {
			s.pidle = append(s.pidle[:i], s.pidle[i+1:]...)
			return true
		}
	}
	return false
}

// startm gives pp an M at virtual time at: an idle one or a new one
// (proc.go:3035).
func (s *Sim) startm(pp *P, at int64) {
	var m *M
	if n := len(s.midle); n > 0 {
		m = s.midle[n-1]
		s.midle = s.midle[:n-1]
	} else {
		m = s.newm(at)
	}
	s.acquirep(m, pp)
}

// wakep starts a spinning M on an idle P when a G became runnable and
// nobody is spinning yet, as runtime.wakep (proc.go:3212-3243). waker is
// the P whose M calls it; the M starts looking at waker's time plus the
// wake delay (Costs.Wake, or a perturbed one: perturb.go).
func (s *Sim) wakep(waker *P) {
	if s.nspinning != 0 || len(s.pidle) == 0 {
		return
	}
	at := waker.clock
	pp := s.pidleget()
	s.nspinning++
	pp.spinning = true
	s.startm(pp, at)
	pp.clock = max(pp.clock, at) + s.wakeDelay(waker)
	pp.wakeAt = pp.clock
	s.lowerHorizon(pp.wakeAt)
	s.emit(pp, Event{Kind: EvWake, Detail: "wakep"})
}

// resetspinning: a spinning M found work; it stops spinning and wakes
// another, so there is always one looking (proc.go:4021-4036).
func (s *Sim) resetspinning(pp *P) {
	pp.spinning = false
	s.nspinning--
	s.wakep(pp)
}

// ready makes g runnable on the acting P's runnext, as goready
// (proc.go:1120-1140): the waker keeps running, g runs next.
func (s *Sim) ready(pp *P, g *G) {
	s.emit(pp, Event{Kind: EvReady, G: g.ID})
	g.Reason = ""
	s.runqput(pp, g, true)
	s.wakep(pp)
}

// park blocks the current G with the given reason and schedules another on
// its P (gopark → park_m, proc.go:4253-4305).
func (s *Sim) park(why WaitReason) {
	g := s.cur
	pp := g.p
	pp.clock += s.jitter(s.cfg.Costs.Switch)
	s.dropg(pp, g, Gwaiting, why)
	s.schedule(pp)
	s.reschedule()
}

// jitter perturbs a cost by up to ±Config.Jitter percent, from the seed,
// or else by the run's perturbation (perturb.go).
func (s *Sim) jitter(ns int64) int64 {
	j := int64(s.cfg.Jitter)
	if j <= 0 && s.noise.on && ns > 0 {
		return s.noise.jitter(ns)
	}
	if j <= 0 || ns <= 0 {
		return ns
	}
	d := ns * j / 100
	if d == 0 {
		return ns
	}
	return ns - d + s.rng.Int64N(2*d+1)
}
