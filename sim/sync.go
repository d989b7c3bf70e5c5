package sim

// sync primitives, modelled on sync/mutex.go, rwmutex.go, waitgroup.go,
// cond.go and runtime/sema.go. Waiters park on FIFO queues (a waiter that
// was woken and lost the race re-queues at the front); a release readies
// one waiter into the releaser's runnext. Spinning on a multi-core machine
// is not modelled: a contended Lock parks at once.

// starvationNS is how long a waiter may wait before the mutex switches to
// starvation mode and hands the lock over directly (mutex.go:71).
const starvationNS = 1_000_000

// Mutex is a sync.Mutex.
type Mutex struct {
	locked   bool
	starving bool
	woken    bool
	waiters  []mutexWaiter
	handed   *G // in starvation mode, the waiter the lock was handed to
}

type mutexWaiter struct {
	g     *G
	since int64
}

// ErrUnlockUnlocked is the fatal error of unlocking an unlocked mutex.
const ErrUnlockUnlocked = "sync: unlock of unlocked mutex"

// Lock locks m for the current G. It returns true when the G holds the
// lock; false means the G parked, and the driver calls [Sim.Continue] each
// time the G runs again until that returns true (a woken waiter competes for
// the lock in normal mode, or finds it handed over in starvation mode).
func (s *Sim) Lock(m *Mutex) bool { return s.lockThen(m, nil) }

// lockThen locks m and then runs then (if not nil) as the rest of the
// operation, however many times the G parks on the way.
func (s *Sim) lockThen(m *Mutex, then func() bool) bool {
	// g, not s.cur: lock parks the G, and by the time it returns s.cur is
	// whichever G runs next (or nil on a deadlock).
	g := s.cur
	if !s.lock(m) {
		g.cont = func() bool { return s.lockThen(m, then) }
		return false
	}
	if then != nil {
		return then()
	}
	return true
}

func (s *Sim) lock(m *Mutex) bool {
	g := s.cur
	pp := g.p
	pp.clock += s.jitter(s.cfg.Costs.ChanOp)
	if m.handed == g {
		m.handed = nil
		s.hbAcquire(g, m, 0)
		return true
	}
	// awoke: g is a waiter that Unlock woke. It clears mutexWoken whether
	// it gets the lock or queues again (lockSlow, mutex.go:133-139), so
	// that the next Unlock may wake another waiter.
	awoke := g.lockTok != 0
	since := g.lockTok - 1 // a re-waiter keeps its place and its age
	if awoke {
		m.woken = false
	}
	if !m.locked && !m.starving {
		m.locked = true
		g.lockTok = 0
		s.hbAcquire(g, m, 0)
		return true
	}
	if awoke && pp.clock-since > starvationNS {
		m.starving = true
	}
	w := mutexWaiter{g: g, since: since}
	if !awoke {
		w.since = pp.clock
		m.waiters = append(m.waiters, w)
	} else {
		m.waiters = append([]mutexWaiter{w}, m.waiters...) // LIFO for re-waiters
	}
	g.lockTok = w.since + 1
	s.park(WaitMutex)
	return false
}

// TryLock locks m if it is free, as sync.Mutex.TryLock.
func (s *Sim) TryLock(m *Mutex) bool {
	if m.locked || m.starving {
		return false
	}
	m.locked = true
	s.hbAcquire(s.cur, m, 0)
	return true
}

// Unlock unlocks m. It returns a non-empty fatal message when m was not
// locked. In normal mode it wakes the first waiter, which must compete
// again; in starvation mode it hands the lock to that waiter and yields
// to it (semrelease with handoff, then goyield).
func (s *Sim) Unlock(m *Mutex) string {
	g := s.cur
	pp := g.p
	pp.clock += s.jitter(s.cfg.Costs.ChanOp)
	if !m.locked {
		return ErrUnlockUnlocked
	}
	s.hbRelease(g, m, 0)
	// No waiter to wake, or one woken already that has not run yet
	// (mutexWoken): just unlock (unlockSlow, mutex.go:208-227).
	if len(m.waiters) == 0 || (m.woken && !m.starving) {
		m.locked = false
		return ""
	}
	w := m.waiters[0]
	m.waiters = m.waiters[1:]
	if m.starving {
		w.g.lockTok = 0
		m.handed = w.g
		if len(m.waiters) == 0 || pp.clock-w.since < starvationNS {
			m.starving = false
		}
		s.ready(pp, w.g)
		s.goyield(pp, g)
		return ""
	}
	m.locked = false
	m.woken = true
	s.ready(pp, w.g)
	return ""
}

// goyield puts the current G on its P's local queue tail and schedules
// (proc.go:4451-4472).
func (s *Sim) goyield(pp *P, g *G) {
	pp.clock += s.jitter(s.cfg.Costs.Switch)
	s.dropg(pp, g, Grunnable, "")
	s.runqput(pp, g, false)
	s.schedule(pp)
	s.reschedule()
}

// Sema is a runtime semaphore (sema.go) with a FIFO queue of waiters.
type Sema struct {
	count   int
	waiters []*G
}

// Acquire takes one unit of sem for the current G, parking with the given
// reason while there is none. It returns true when it took the unit; false
// means the G parked and owns the unit once it runs again (semrelease
// hands it over).
func (s *Sim) Acquire(sem *Sema, reason WaitReason) bool {
	if sem.count > 0 {
		sem.count--
		return true
	}
	sem.waiters = append(sem.waiters, s.cur)
	s.park(reason)
	return false
}

// Release adds one unit to sem, handing it to the first waiter if any.
func (s *Sim) Release(sem *Sema) {
	if len(sem.waiters) == 0 {
		sem.count++
		return
	}
	g := sem.waiters[0]
	sem.waiters = sem.waiters[1:]
	s.ready(s.cur.p, g)
}

// WaitGroup is a sync.WaitGroup.
type WaitGroup struct {
	n    int
	sema Sema
}

// ErrNegativeWaitGroup is the panic of a WaitGroup counter below zero.
const ErrNegativeWaitGroup PanicError = "sync: negative WaitGroup counter"

// Add adds delta to wg's counter; reaching zero releases every waiter, in
// the order they came (waitgroup.go).
func (s *Sim) Add(wg *WaitGroup, delta int) error {
	s.cur.p.clock += s.jitter(s.cfg.Costs.ChanOp)
	wg.n += delta
	if wg.n < 0 {
		return ErrNegativeWaitGroup
	}
	if delta < 0 {
		s.hbRelease(s.cur, wg, 0)
	}
	if wg.n == 0 {
		for _, w := range wg.sema.waiters {
			s.hbAcquire(w, wg, 0)
		}
		for len(wg.sema.waiters) > 0 {
			s.Release(&wg.sema)
		}
	}
	return nil
}

// Wait blocks the current G until wg's counter is zero. It returns false
// when the G parked; it is done once it runs again.
func (s *Sim) Wait(wg *WaitGroup) bool {
	s.cur.p.clock += s.jitter(s.cfg.Costs.ChanOp)
	if wg.n == 0 {
		s.hbAcquire(s.cur, wg, 0)
		return true
	}
	wg.sema.waiters = append(wg.sema.waiters, s.cur)
	s.park(WaitWaitGroup)
	return false
}

// Cond is the waiting list of a sync.Cond (notifyList, sema.go).
type Cond struct {
	waiters []*G
}

// CondWait parks the current G on c (the driver unlocks L before and locks
// it after, as sync.Cond.Wait does).
func (s *Sim) CondWait(c *Cond) {
	c.waiters = append(c.waiters, s.cur)
	s.park(WaitCond)
}

// CondEnqueue puts the current G on c's list without parking it, as
// sync.Cond.Wait does (runtime_notifyListAdd) before unlocking c.L; a
// Signal between that and CondBlock is not lost.
func (s *Sim) CondEnqueue(c *Cond) { c.waiters = append(c.waiters, s.cur) }

// CondBlock parks the current G if it is still on c's list, and reports
// whether it parked (runtime_notifyListWait).
func (s *Sim) CondBlock(c *Cond) bool {
	for _, g := range c.waiters {
		if g == s.cur {
			s.park(WaitCond)
			return true
		}
	}
	return false
}

// Signal wakes the longest-waiting G on c, if any.
func (s *Sim) Signal(c *Cond) {
	if len(c.waiters) == 0 {
		return
	}
	g := c.waiters[0]
	c.waiters = c.waiters[1:]
	s.ready(s.cur.p, g)
}

// Broadcast wakes every G waiting on c, oldest first.
func (s *Sim) Broadcast(c *Cond) {
	for len(c.waiters) > 0 {
		s.Signal(c)
	}
}

// RWMutex is a sync.RWMutex (rwmutex.go): a writer takes w, announces
// itself by making readerCount negative and waits for active readers;
// readers arriving after a waiting writer queue behind it.
type RWMutex struct {
	w           Mutex
	writerSem   Sema
	readerSem   Sema
	readerCount int
	readerWait  int
}

const rwmutexMaxReaders = 1 << 30

// RLock read-locks rw. It returns false when the G parked: it holds the
// read lock once it runs again.
func (s *Sim) RLock(rw *RWMutex) bool {
	s.cur.p.clock += s.jitter(s.cfg.Costs.ChanOp)
	rw.readerCount++
	if rw.readerCount < 0 {
		rw.readerSem.waiters = append(rw.readerSem.waiters, s.cur)
		s.park(WaitRWMutexR)
		return false
	}
	s.hbAcquire(s.cur, rw, 0)
	return true
}

// RUnlock read-unlocks rw; the last reader a writer waits for wakes it.
func (s *Sim) RUnlock(rw *RWMutex) string {
	s.cur.p.clock += s.jitter(s.cfg.Costs.ChanOp)
	s.hbRelease(s.cur, rw, 1)
	rw.readerCount--
	if rw.readerCount < 0 {
		if rw.readerCount+1 == 0 || rw.readerCount+1 == -rwmutexMaxReaders {
			return "sync: RUnlock of unlocked RWMutex"
		}
		rw.readerWait--
		if rw.readerWait == 0 {
			for _, w := range rw.writerSem.waiters {
				s.hbAcquire(w, rw, 0)
				s.hbAcquire(w, rw, 1)
			}
			s.Release(&rw.writerSem)
		}
	}
	return ""
}

// RWLock write-locks rw: lock w, then wait for the readers already in.
// It returns false when the G parked (see [Sim.Lock]).
func (s *Sim) RWLock(rw *RWMutex) bool {
	return s.lockThen(&rw.w, func() bool {
		r := rw.readerCount
		rw.readerCount -= rwmutexMaxReaders
		if r != 0 {
			rw.readerWait += r
			if rw.readerWait != 0 {
				rw.writerSem.waiters = append(rw.writerSem.waiters, s.cur)
				s.park(WaitRWMutexW)
				return false
			}
		}
		s.hbAcquire(s.cur, rw, 0)
		s.hbAcquire(s.cur, rw, 1)
		return true
	})
}

// RWTryLock write-locks rw if no writer holds or waits for it and no
// reader holds it, as sync.RWMutex.TryLock (rwmutex.go).
func (s *Sim) RWTryLock(rw *RWMutex) bool {
	if !s.TryLock(&rw.w) {
		return false
	}
	if rw.readerCount != 0 {
		s.Unlock(&rw.w) // just locked by this G, with no waiter to wake
		return false
	}
	rw.readerCount -= rwmutexMaxReaders
	s.hbAcquire(s.cur, rw, 0)
	s.hbAcquire(s.cur, rw, 1)
	return true
}

// RTryLock read-locks rw unless a writer holds or waits for it, as
// sync.RWMutex.TryRLock.
func (s *Sim) RTryLock(rw *RWMutex) bool {
	if rw.readerCount < 0 {
		return false
	}
	rw.readerCount++
	s.hbAcquire(s.cur, rw, 0)
	return true
}

// RWUnlock write-unlocks rw, waking every reader that queued meanwhile.
func (s *Sim) RWUnlock(rw *RWMutex) string {
	rw.readerCount += rwmutexMaxReaders
	if rw.readerCount >= rwmutexMaxReaders {
		return "sync: Unlock of unlocked RWMutex"
	}
	s.hbRelease(s.cur, rw, 0)
	for i, w := range rw.readerSem.waiters {
		if i < rw.readerCount {
			s.hbAcquire(w, rw, 0)
		}
	}
	for i := 0; i < rw.readerCount; i++ {
		s.Release(&rw.readerSem)
	}
	return s.Unlock(&rw.w)
}

// Continue carries on the blocking operation the current G parked in, now
// that it runs again, and reports whether it is complete. Channel
// operations, sleeps and semaphores complete on wake-up; a contended Lock
// may park again.
func (s *Sim) Continue() bool {
	g := s.cur
	f := g.cont
	if f == nil {
		return true
	}
	g.cont = nil
	return f()
}
