package sim

// SetMaxProcs is runtime.GOMAXPROCS(n) called by the current G: it returns
// the previous setting and, when n > 0 differs from it, stops the world and
// resizes (debug.go:70-106, procresize proc.go:6030-6200).
func (s *Sim) SetMaxProcs(n int) int {
	old := s.procs
	if n <= 0 || n == old {
		return old
	}
	s.stopTheWorld()
	s.procresize(n)
	s.emit(s.cur.p, Event{Kind: EvProcs, N: int64(n)})
	s.reschedule()
	return old
}

// stopTheWorld stops every running G but the current one. A G preempted for
// a stop-the-world stays in its P's runnext (proc.go:4331-4334). The world
// is stopped when the last G reaches a safe point: a G in a Tick of many
// statements stops at its end, so the stop lasts until the latest clock of
// the Ps it stops, and every P's clock, the current one's too, moves up to
// it.
func (s *Sim) stopTheWorld() {
	now := s.cur.p.clock
	for _, pp := range s.allp {
		g := pp.curg
		if g == nil || g == s.cur || g.Status != Grunning {
			continue
		}
		now = max(now, pp.clock)
		s.dropg(pp, g, Grunnable, "")
		s.runqput(pp, g, true)
	}
	for _, pp := range s.allp {
		pp.clock = max(pp.clock, now)
	}
}

// procresize makes n Ps. Removed Ps put their runnext and local queue at
// the head of the global queue, in order, and hand their timers on; the
// current G keeps its P if it survives, else takes P0; Ps with work get an
// M and the others go idle.
func (s *Sim) procresize(n int) {
	for len(s.allp) < n {
		// smSyscalltick starts unlike syscalltick: in the real runtime both
		// start at 0, so sysmon may retake the very first system call of a
		// P at its first sight of it (retake in proc.go compares
		// pd.syscalltick with pp.syscalltick). That quirk is
		// start-up noise (os init makes system calls first), not
		// modelled: every system call must be seen on two sysmon ticks.
		pp := &P{ID: len(s.allp), runq: newRing(s.cfg.RunqSize), wakeAt: -1, status: pIdle, smSyscalltick: ^uint32(0)}
		s.allp = append(s.allp, pp)
		s.pidle = append(s.pidle, pp)
	}
	if s.cur != nil && s.cur.p.ID >= n {
		s.moveCurrent(s.allp[0])
	}
	// Ascending, as procresize does (proc.go:6121-6125): each destroyed P
	// pushes its Gs on the global queue's head, so the highest P's Gs end
	// up first.
	for i := n; i < len(s.allp); i++ {
		s.destroyp(s.allp[i])
	}
	s.allp = s.allp[:n]
	s.procs = n
	var pidle []*P
	for _, pp := range s.pidle {
		if pp.ID < n {
			pidle = append(pidle, pp)
		}
	}
	s.pidle = pidle
	for _, pp := range s.allp {
		hasWork := pp.runq.len() > 0 || pp.runnext != nil
		switch {
		case pp.curg != nil:
		case pp.m != nil:
			pp.wakeAt = pp.clock
		case hasWork && s.pidleremove(pp):
			s.startm(pp, s.now)
			pp.clock = max(pp.clock, s.now)
			pp.wakeAt = pp.clock
		}
	}
	// startTheWorldWithSema ends with an unconditional wakep
	// (proc.go:1812-1815), for the work in local queues as well as in the
	// global one.
	if s.cur != nil {
		s.wakep(s.cur.p)
	}
}

// destroyp empties a P that procresize removes (p.destroy, proc.go:5947).
func (s *Sim) destroyp(pp *P) {
	for i := pp.runq.len() - 1; i >= 0; i-- {
		g := pp.runq.at(i)
		g.p = nil
		s.global.pushFront(g)
	}
	pp.runq = newRing(s.cfg.RunqSize)
	if g := pp.runnext; g != nil {
		g.p = nil
		s.global.pushFront(g)
		pp.runnext = nil
	}
	to := s.allp[0]
	if s.cur != nil {
		to = s.cur.p
	}
	for pp.timers.len() > 0 {
		t := pp.timers.min()
		pp.timers.remove(t)
		t.pp = to
		to.timers.push(t)
	}
	if m := pp.m; m != nil {
		m.p = nil
		if m.curg == nil {
			s.midle = append(s.midle, m)
		}
		pp.m = nil
	}
	for _, m := range s.allm {
		if m.oldp == pp {
			m.oldp = nil
		}
	}
	if pp.spinning {
		// A destroyed P whose wake was pending stops spinning, or
		// nspinning would stay up and wakep never start an M again.
		pp.spinning = false
		s.nspinning--
	}
	pp.wakeAt = -1
	s.pidleremove(pp)
	pp.status = pDead
}

// moveCurrent moves the current G and its M to pp, whose own M (if any)
// goes idle.
func (s *Sim) moveCurrent(pp *P) {
	g := s.cur
	old := g.p
	m := old.m
	old.curg = nil
	old.m = nil
	if om := pp.m; om != nil {
		om.p = nil
		if om.curg == nil {
			s.midle = append(s.midle, om)
		} else {
			// Its G is in a system call: the stop took pp from it, as
			// sysmon's retake would, and the G looks for a P on return.
			om.oldp = pp
		}
	}
	if pp.spinning { // its pending wake is void: pp runs the current G
		pp.spinning = false
		s.nspinning--
	}
	pp.wakeAt = -1
	s.pidleremove(pp)
	s.acquirep(m, pp)
	pp.clock = max(pp.clock, old.clock)
	pp.curg = g
	m.curg = g
	g.p = pp
}
