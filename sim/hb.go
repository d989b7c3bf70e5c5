package sim

// The Sim's side of the race detector (racedetect.go): what the driver
// calls, and the hooks the scheduler's operations call. Every hook is
// inlined to a nil test when the detector is off.

// RaceRead records a read of addr by the current G at the driver's site.
// It returns the report and true when the read completes a race that is
// reported (see [RaceReport]); nothing happens without
// Config.RaceDetector.
func (s *Sim) RaceRead(addr uintptr, site int32) (RaceReport, bool) {
	if s.hb == nil || s.cur == nil {
		return RaceReport{}, false
	}
	return s.hb.access(s.cur, addr, false, site)
}

// RaceWrite records a write of addr by the current G, as [Sim.RaceRead].
func (s *Sim) RaceWrite(addr uintptr, site int32) (RaceReport, bool) {
	if s.hb == nil || s.cur == nil {
		return RaceReport{}, false
	}
	return s.hb.access(s.cur, addr, true, site)
}

// RaceAcquire makes what was released at addr happen before what the
// current G does next (raceacquire): a sync/atomic load, the fast path of
// sync.Once.Do.
func (s *Sim) RaceAcquire(addr uintptr) {
	if s.hb != nil && s.cur != nil {
		s.hb.acquire(s.cur, hbKey{addr, 0})
	}
}

// RaceRelease makes what the current G did so far happen before what a
// later RaceAcquire of addr is followed by (racereleasemerge): a
// sync/atomic store, the end of a sync.Once's function.
func (s *Sim) RaceRelease(addr uintptr) {
	if s.hb != nil && s.cur != nil {
		s.hb.release(s.cur, hbKey{addr, 0})
	}
}

// RaceReports returns the races reported so far, in order.
func (s *Sim) RaceReports() []RaceReport {
	if s.hb == nil {
		return nil
	}
	return s.hb.reports
}

// hbGo: the go statement of parent created child.
func (s *Sim) hbGo(parent, child *G) {
	if s.hb != nil {
		s.hb.fork(parent, child)
	}
}

// hbTimerArm and hbTimerFire: what arms an AfterFunc timer happens before
// its function's G starts (time.go's racerelease in modify and
// raceacquirectx in unlockAndRun).
func (s *Sim) hbTimerArm(t *Timer) {
	if s.hb != nil && s.cur != nil {
		s.hb.release(s.cur, hbKey{t, 0})
	}
}

func (s *Sim) hbTimerFire(t *Timer, g *G) {
	if s.hb != nil {
		s.hb.acquire(g, hbKey{t, 0})
	}
}

func (s *Sim) hbAcquire(g *G, obj any, i int) {
	if s.hb != nil {
		s.hb.acquire(g, hbKey{obj, i})
	}
}

func (s *Sim) hbRelease(g *G, obj any, i int) {
	if s.hb != nil {
		s.hb.release(g, hbKey{obj, i})
	}
}

// hbChanSync is racesync: an unbuffered send and its receive, g and the
// G it met, synchronise both ways through slot 0.
func (s *Sim) hbChanSync(c *Chan, g, other *G) {
	if s.hb == nil {
		return
	}
	k := hbKey{c, 0}
	s.hb.release(g, k)
	s.hb.acquire(other, k)
	s.hb.release(other, k)
	s.hb.acquire(g, k)
}

func (h *hbState) chanPos(c *Chan) *hbChan {
	p := h.chans[c]
	if p == nil {
		p = &hbChan{}
		h.chans[c] = p
	}
	return p
}

// hbBufSend: g put a value in c's buffer (chansend's racenotify at
// sendx).
func (s *Sim) hbBufSend(c *Chan, g *G) {
	if s.hb == nil {
		return
	}
	p := s.hb.chanPos(c)
	s.hb.releaseAcquire(g, hbKey{c, p.sendx})
	p.sendx = (p.sendx + 1) % c.Cap
}

// hbBufRecv: g took a value from c's buffer (chanrecv's racenotify at
// recvx).
func (s *Sim) hbBufRecv(c *Chan, g *G) {
	if s.hb == nil {
		return
	}
	p := s.hb.chanPos(c)
	s.hb.releaseAcquire(g, hbKey{c, p.recvx})
	p.recvx = (p.recvx + 1) % c.Cap
}

// hbHandoff: a value passed between sender and receiver, one of which
// waited. Unbuffered, they synchronise both ways; buffered, both go
// through the slot at recvx and the positions move on (send and recv in
// chan.go, race-enabled).
//
// g is the G whose operation completes the handoff, other the waiter:
// g goes through the slot first, so a waiting receiver learns what the
// sender knew, and a waiting sender what the receiver knew.
func (s *Sim) hbHandoff(c *Chan, g, other *G) {
	if s.hb == nil {
		return
	}
	if c.Cap == 0 {
		s.hbChanSync(c, g, other)
		return
	}
	p := s.hb.chanPos(c)
	k := hbKey{c, p.recvx}
	s.hb.releaseAcquire(g, k)
	s.hb.releaseAcquire(other, k)
	p.recvx = (p.recvx + 1) % c.Cap
	p.sendx = p.recvx
}

// The clock of a close is key index -1 of the channel.
const hbClosed = -1
