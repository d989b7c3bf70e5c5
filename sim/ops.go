package sim

import "fmt"

// Go creates a G running fn (the driver's value, kept in G.Fn) for the
// current G's go statement. The new G goes to runnext; the G there before is
// kicked to the local queue's tail; the creator keeps running (newproc,
// proc.go:5295-5308).
func (s *Sim) Go(fn any) *G {
	pp := s.cur.p
	pp.clock += s.jitter(s.cfg.Costs.Spawn)
	g := s.spawn(pp, s.cur.ID, fn)
	s.hbGo(s.cur, g)
	return g
}

func (s *Sim) spawn(pp *P, parent int64, fn any) *G {
	g := s.newg(pp, parent, fn)
	s.stats.Goroutines++
	s.live++
	s.stats.MaxLive = max(s.stats.MaxLive, s.live)
	s.emit(pp, Event{Kind: EvGoCreate, G: g.ID, Other: parent})
	s.runqput(pp, g, true)
	s.wakep(pp)
	return g
}

// Tick charges the current G for n statements of work, advancing its P's
// clock. It is a safe point: a pending preemption happens here, and other
// Ps, timers and sysmon catch up when the clock passes the horizon.
func (s *Sim) Tick(n int) {
	g := s.cur
	pp := g.p
	pp.clock += s.jitter(int64(n) * s.cfg.Costs.Stmt)
	if s.raceReturn() {
		return // an excursion from a race window ends here (race.go)
	}
	if pp.clock >= s.horizon {
		s.reschedule()
	}
	if s.cur == g && g.preempt {
		s.preempt(g)
	}
}

// Work keeps the current G busy on its P for ns nanoseconds of CPU work,
// as a long computation would (the gpm.Work of lessons). Like a real
// computation it can be preempted part-way: Work returns the nanoseconds
// not yet done when the G stopped running (preempted, or another P's turn
// came); the driver then calls Work again with that remainder once the G
// runs again. It returns 0 when all the work is done.
func (s *Sim) Work(ns int64) int64 {
	g := s.cur
	pp := g.p
	if g.workLeft != ns { // a continuation is not a new piece of work
		s.emit(pp, Event{Kind: EvWork, G: g.ID, N: ns})
		s.stats.WorkCalls++
		s.stats.WorkTime += ns
	}
	defer func() { g.workLeft = ns }()
	for ns > 0 {
		if g.preempt {
			// Requested while another P had its turn: the work resumes
			// here, an asynchronous safe point, and stops at once.
			s.preempt(g)
			return ns
		}
		if pp.clock >= s.horizon {
			// Already at the horizon (operations before this Work moved
			// the clock there): the others catch up first, or a whole
			// piece of work would run past sysmon's preemption and the
			// other Ps' turns in one step.
			s.reschedule()
		} else {
			step := min(ns, s.horizon-pp.clock)
			pp.clock += step
			ns -= step
			if pp.clock >= s.horizon {
				s.reschedule()
			}
		}
		if s.cur != g {
			return ns
		}
		if g.preempt {
			s.preempt(g)
			return ns
		}
	}
	return 0
}

// preempt moves a G whose time slice ran out to the global queue's tail
// (gopreempt_m → goschedImpl, proc.go:4307-4363).
func (s *Sim) preempt(g *G) {
	g.preempt = false
	pp := g.p
	s.stats.Preemptions++
	s.emit(pp, Event{Kind: EvPreempt, G: g.ID})
	s.yieldGlobal(pp, g, "preempt")
}

// Gosched yields the processor: the current G goes to the tail of the
// global queue (runtime.Gosched, proc.go:389-392).
func (s *Sim) Gosched() {
	g := s.cur
	pp := g.p
	s.emit(pp, Event{Kind: EvGosched, G: g.ID})
	s.yieldGlobal(pp, g, "gosched")
}

func (s *Sim) yieldGlobal(pp *P, g *G, why string) {
	pp.clock += s.jitter(s.cfg.Costs.Switch)
	s.dropg(pp, g, Grunnable, "")
	s.globput(pp, g, why)
	s.wakep(pp)
	s.schedule(pp)
	s.reschedule()
}

// Exit ends the current G (goexit0, proc.go:4475-4500): it becomes dead and
// goes to its P's free list for reuse. For the main G it is runtime.Goexit
// in main: the program goes on until nothing can run, then dies with "no
// goroutines (main called runtime.Goexit) - deadlock!".
func (s *Sim) Exit() {
	g := s.cur
	pp := g.p
	if g == s.mainG {
		s.mainDone = true
	}
	if !g.System {
		s.live--
	}
	s.emit(pp, Event{Kind: EvExit, G: g.ID})
	pp.clock += s.jitter(s.cfg.Costs.Switch)
	s.dropg(pp, g, Gdead, "")
	g.p = nil
	g.Fn = nil
	if g.timer != nil {
		g.timer = nil
	}
	pp.gFree = append(pp.gFree, g)
	s.schedule(pp)
	s.reschedule()
}

// MainReturn records that main.main returned: the program exits at once
// and other goroutines are discarded (proc.go:329).
func (s *Sim) MainReturn() {
	g := s.cur
	s.emit(g.p, Event{Kind: EvExit, G: g.ID, Detail: "main returned: exit(0)"})
	s.End()
}

// End stops the machine (main returned, os.Exit, or a fatal panic): no G
// runs again.
func (s *Sim) End() {
	if n := s.Now(); n > s.now {
		s.now = n
	}
	s.exited = true
	s.cur = nil
}

// Exited reports whether the program has ended.
func (s *Sim) Exited() bool { return s.exited }

// Fatal is an unrecoverable runtime error that ended the run, such as a
// deadlock or a stack overflow.
type Fatal struct {
	// Msg is the text after "fatal error: ".
	Msg string
	// Pre are lines the runtime prints before "fatal error:", such as
	// "runtime: goroutine stack exceeds 1000000-byte limit".
	Pre []string
	// Goroutines are the user goroutines the runtime lists, in its order.
	Goroutines []GInfo
}

// GInfo is one goroutine as a traceback header shows it.
type GInfo struct {
	ID     int64
	Status string // "running", "runnable", or a wait reason
	Parent int64
}

// Header is the traceback header line, e.g. "goroutine 7 [chan receive]:".
func (gi GInfo) Header() string { return fmt.Sprintf("goroutine %d [%s]:", gi.ID, gi.Status) }

func (f *Fatal) Error() string { return "fatal error: " + f.Msg }

// Info describes g as a traceback header would.
func (s *Sim) Info(g *G) GInfo {
	st := g.Status.String()
	if g.Status == Gwaiting {
		st = string(g.Reason)
	}
	return GInfo{ID: g.ID, Status: st, Parent: g.Parent}
}

// userGoroutines lists live user Gs in allgs order, first, if given.
func (s *Sim) userGoroutines(first *G) []GInfo {
	var out []GInfo
	if first != nil {
		out = append(out, s.Info(first))
	}
	for _, g := range s.allgs {
		if g.System || g.Status == Gdead || g == first {
			continue
		}
		out = append(out, s.Info(g))
	}
	return out
}

// checkdead runs when no M has anything to do and no timer is pending.
// Models runtime.checkdead (proc.go:6364-6469).
func (s *Sim) checkdead() {
	if s.exited || s.fatal != nil {
		return
	}
	waiting := 0
	for _, g := range s.allgs {
		if !g.System && g.Status != Gdead {
			waiting++
		}
	}
	if waiting == 0 {
		s.fatal = &Fatal{Msg: "no goroutines (main called runtime.Goexit) - deadlock!"}
		return
	}
	s.fatal = &Fatal{Msg: "all goroutines are asleep - deadlock!", Goroutines: s.userGoroutines(nil)}
}

// Traceback lists the user goroutines as a fatal panic in the current G
// prints them: the current G first, then the others.
func (s *Sim) Traceback() []GInfo { return s.userGoroutines(s.cur) }
