package sim

// sysmon runs on its own M without a P (proc.go:6486-6617). It sleeps 20µs
// while busy, doubles its sleep after 50 idle cycles up to 10ms, sleeps
// until the next timer when every P is idle, preempts a G that has run
// 10ms on one time slice, and retakes Ps from long system calls.

type sysmonState struct {
	next     int64 // when sysmon looks next
	delay    int64
	idle     int  // cycles in a row with nothing retaken
	sleeping bool // every P idle: asleep until a timer or a syscall exit
}

// dueKind is a kind of pending machine event.
type dueKind uint8

const (
	dueNone    dueKind = iota
	dueSysmon          // sysmon's next look
	dueWake            // an M woken for a P (wakep, handoffp) starts looking for work
	dueSyscall         // a system call ends
	dueTimer           // an idle P is woken for the earliest timer
)

// due is the earliest pending machine event: what, when, and for whom.
type due struct {
	at   int64
	kind dueKind
	p    *P     // dueWake
	m    *M     // dueSyscall
	t    *Timer // dueTimer
}

// nextDue returns the earliest pending machine event, or one of kind
// dueNone at never. Ties go to the first considered: sysmon, then P wakes
// by P id, then system call ends by M id, then timers. (A tagged value,
// not a closure: reschedule asks twice per step, and closures allocated.)
func (s *Sim) nextDue() due {
	d := due{at: never}
	if !s.sysmon.sleeping && s.sysmon.next < d.at {
		d = due{at: s.sysmon.next, kind: dueSysmon}
	}
	for _, pp := range s.allp {
		if pp.status == pRunning && pp.curg == nil && pp.wakeAt >= 0 && pp.wakeAt < d.at {
			d = due{at: pp.wakeAt, kind: dueWake, p: pp}
		}
	}
	for _, m := range s.allm {
		if g := m.curg; g != nil && g.Status == Gsyscall && g.sysEnd < d.at {
			d = due{at: g.sysEnd, kind: dueSyscall, m: m}
		}
	}
	if len(s.pidle) > 0 {
		if t := s.earliestTimer(); t != nil {
			if at := s.pollWake(t.when); at < d.at {
				d = due{at: at, kind: dueTimer, t: t}
			}
		}
	}
	return d
}

// pollWake is when the M blocked in netpoll for a timer due at when wakes
// up. netpoll's epoll timeout is whole milliseconds, truncated
// (netpoll_epoll.go: waitms = delay/1e6, at least 1): the M wakes early,
// finds nothing due, and sleeps 1ms more. So timers due within a
// millisecond of each other fire together, in one check, and the last one
// readied runs first (it ends in runnext), as with the real runtime.
func (s *Sim) pollWake(when int64) int64 {
	const ms = 1_000_000
	delay := when - s.pollFrom
	if delay <= 0 || delay%ms == 0 || when > never-ms {
		return when // a saturated deadline (time.Sleep(math.MaxInt64)) must not wrap
	}
	return s.pollFrom + (delay/ms+1)*ms
}

// runDue carries out a pending machine event.
func (s *Sim) runDue(d due) {
	switch d.kind {
	case dueSysmon:
		s.sysmonTick()
	case dueWake:
		d.p.wakeAt = -1
		s.schedule(d.p)
	case dueSyscall:
		s.exitsyscall(d.m)
	case dueTimer:
		s.timerWake(d.t, d.at)
	}
}

// timerWake wakes an idle P at t's time: the M blocked in netpoll until
// the earliest timer takes an idle P and looks for work; it finds t's G
// in its own timers or steals it in stealWork's last pass.
func (s *Sim) timerWake(t *Timer, at int64) {
	pp := s.pidleget()
	if owner := t.pp; owner != pp && owner.status == pIdle && !s.maySpin(pp) {
		// pp may not steal (one M spins already, on the only other
		// P): it would go idle at once and be woken again at the same
		// virtual time, for ever. In real time the spinning M soon
		// finds the timer; here the owner of the timer wakes instead.
		s.pidle = append(s.pidle, pp)
		s.pidleremove(owner)
		pp = owner
	}
	s.startm(pp, at)
	pp.clock = max(pp.clock, at)
	s.emit(pp, Event{Kind: EvWake, Detail: "timer"})
	s.wakeSysmon(false)
	s.schedule(pp)
}

func (s *Sim) wakeSysmon(fromSyscall bool) {
	if !s.sysmon.sleeping {
		return
	}
	s.sysmon.sleeping = false
	s.sysmon.next = s.now
	if fromSyscall {
		s.sysmon.idle = 0
		s.sysmon.delay = s.cfg.Costs.SysmonMin
	}
}

// sysmonTick is one turn of sysmon's loop at s.now.
func (s *Sim) sysmonTick() {
	now := s.now
	if len(s.pidle) == s.procs {
		// Deep sleep until the next timer (proc.go:6524-6556); the timer's
		// wake of a P wakes sysmon too.
		s.sysmon.sleeping = true
		return
	}
	if s.retake(now) != 0 {
		s.sysmon.idle = 0
	} else {
		s.sysmon.idle++
	}
	c := s.cfg.Costs
	switch {
	case s.sysmon.idle == 0:
		s.sysmon.delay = c.SysmonMin
	case s.sysmon.idle > 50:
		s.sysmon.delay *= 2
	}
	s.sysmon.delay = min(s.sysmon.delay, c.SysmonMax)
	s.sysmon.next = now + s.sysmon.delay
}

// retake preempts Gs that ran a whole time slice and takes Ps from Gs
// stuck in system calls. It returns how many Ps it took. Models
// runtime.retake (proc.go:6630-6725).
func (s *Sim) retake(now int64) int {
	n := 0
	for _, pp := range s.allp {
		if pp.status != pRunning {
			continue
		}
		sysretake := false
		if pp.smSchedtick != pp.schedtick {
			pp.smSchedtick = pp.schedtick
			pp.smSchedwhen = now
		} else if pp.smSchedwhen+s.cfg.TimeSlice <= now {
			s.preemptone(pp)
			sysretake = true
		}
		g := pp.curg
		if g == nil || g.Status != Gsyscall {
			continue
		}
		if !sysretake && pp.smSyscalltick != pp.syscalltick {
			pp.smSyscalltick = pp.syscalltick
			pp.smSyscallwhen = now
			continue
		}
		if pp.runq.len() == 0 && pp.runnext == nil && s.nspinning+len(s.pidle) > 0 && pp.smSyscallwhen+10_000_000 > now {
			continue
		}
		s.takeP(pp, now)
		n++
	}
	return n
}

// preemptone asks the G running on pp to stop at its next safe point.
func (s *Sim) preemptone(pp *P) {
	g := pp.curg
	if g == nil || g.Status != Grunning || g.preempt {
		return
	}
	g.preempt = true
	s.emitAt(s.now, Event{Kind: EvPreemptReq, P: pp.ID, M: pp.m.ID, G: g.ID})
}

// takeP retakes pp from the M blocked in a system call and hands it off.
func (s *Sim) takeP(pp *P, now int64) {
	g := pp.curg
	m := pp.m
	m.oldp = pp
	m.p = nil
	pp.m = nil
	pp.curg = nil
	pp.syscalltick++
	pp.clock = max(pp.clock, now)
	s.stats.Handoffs++
	s.emit(pp, Event{Kind: EvHandoff, G: g.ID, Other: int64(m.ID)})
	s.handoffp(pp)
}

// handoffp gives pp to a new M if there is work for it, else idles it
// (proc.go:3131-3196).
func (s *Sim) handoffp(pp *P) {
	work := pp.runq.len() > 0 || pp.runnext != nil || s.global.len() > 0
	// With no work of its own, pp still gets a spinning M when nobody
	// spins and no P is idle (proc.go:3150-3156): that M steals the work
	// queued on the other Ps.
	spin := !work && s.nspinning+len(s.pidle) == 0
	if work || spin {
		if spin {
			pp.spinning = true
			s.nspinning++
		}
		s.startm(pp, pp.clock)
		pp.clock += s.wakeDelay(nil)
		pp.wakeAt = pp.clock
		s.emit(pp, Event{Kind: EvWake, Detail: "handoff"})
		return
	}
	pp.status = pIdle
	s.pidle = append(s.pidle, pp)
	s.emit(pp, Event{Kind: EvIdle})
}

// Syscall puts the current G in a blocking system call that lasts d ns of
// virtual time. The G keeps its P and M; if the call outlasts sysmon's
// patience, sysmon hands the P to another M (Go 1.26's entersyscall /
// retake in proc.go). On return the G takes back a P, or queues
// on the global queue if none is free.
func (s *Sim) Syscall(d int64) {
	g := s.cur
	pp := g.p
	g.Status = Gsyscall
	g.sysEnd = pp.clock + max(d, 0)
	s.emit(pp, Event{Kind: EvSyscall, G: g.ID, N: d})
	s.reschedule()
}

// exitsyscall brings m's G back from its system call (proc.go:4883-5116).
func (s *Sim) exitsyscall(m *M) {
	g := m.curg
	if pp := m.p; pp != nil {
		// Fast path: the P was never taken.
		pp.clock = max(pp.clock, g.sysEnd)
		pp.syscalltick++
		g.Status = Grunning
		s.emit(pp, Event{Kind: EvSyscallExit, G: g.ID})
		return
	}
	s.wakeSysmon(true)
	pp := m.oldp
	m.oldp = nil
	if pp == nil || pp.status != pIdle || !s.pidleremove(pp) {
		pp = s.pidleget()
	}
	if pp == nil {
		m.curg = nil
		g.m = nil
		g.Status = Grunnable
		s.now = g.sysEnd
		s.emitAt(s.now, Event{Kind: EvSyscallExit, P: -1, M: m.ID, G: g.ID, Detail: "no P"})
		s.globput(nil, g, "syscall exit")
		s.midle = append(s.midle, m)
		return
	}
	s.acquirep(m, pp)
	pp.clock = max(pp.clock, g.sysEnd)
	pp.curg = g
	g.p = pp
	g.Status = Grunning
	s.emit(pp, Event{Kind: EvSyscallExit, G: g.ID})
}
