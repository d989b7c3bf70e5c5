package sim

// Invariants of the machine. They hold whenever the driver sees the Sim
// (after every exported operation returns, and at the end of every
// reschedule), and checkInvariants checks them all when Config.Debug is
// set. Inside an operation they may be broken for a moment, as the
// runtime's are under its locks.
//
// Gs:
//   - Each G is in exactly one place, which its status names:
//     Grunning: the curg of exactly one P, whose M runs it (g.m = P's M,
//     M's curg = g); Gsyscall: the curg of its M, and of the M's P if the
//     M still holds one; Grunnable: in exactly one of a runnext, a local
//     run queue or the global queue (g.p names the P of a local queue,
//     nil for the global one); Gwaiting: in no run queue and on no P;
//     Gdead: in no run queue, on no P, and on at most one free list.
//   - A G waiting on a channel (chan send/receive, select) has a sudog in
//     that channel's queue, and every sudog in a channel queue belongs to
//     a G waiting on a channel. A G waiting in "sleep" has a pending
//     timer.
//   - The goid index (Sim.G) names exactly the Gs of allgs, by their
//     current goids (a dead G keeps its goid until it is reused).
//
// Ps and Ms:
//   - len(allp) = GOMAXPROCS; a P's ID is its index.
//   - At most GOMAXPROCS Gs are running (Grunning), one per P.
//   - An idle P (pIdle) is on the idle list exactly once, has no M and no
//     G; every P on the idle list is idle. A running P (pRunning) has an
//     M whose p is that P.
//   - An M holds at most one P; an idle M (on the idle list exactly once)
//     holds no P and no G; an M without a P that is not idle is in a
//     system call.
//   - nspinning counts the Ps marked spinning.
//
// Queues:
//   - A local run queue's length is within its capacity (256), and its
//     ring holds exactly its Gs.
//   - runnext is never also in a run queue (local or global).
//
// Channels:
//   - 0 ≤ qcount ≤ cap; a closed channel has no waiters; with no select
//     among its waiters, a channel with waiting receivers has an empty
//     buffer and one with waiting senders has a full buffer.
//
// Timers:
//   - Each P's timer heap is a heap on (when, seq), every timer knows its
//     place in it and its P.
//
// The driver:
//   - Current() is nil once the run ended; otherwise it is a running G on
//     a P of this machine.

import (
	"fmt"
	"strings"
)

// checkInvariants panics with a message naming every broken invariant.
func (s *Sim) checkInvariants() {
	if msg := s.invariantErrors(); msg != "" {
		panic("sim: broken invariant: " + msg)
	}
}

// debugCheck checks the invariants when Config.Debug is set.
func (s *Sim) debugCheck() {
	if s.cfg.Debug {
		s.checkInvariants()
	}
}

// inv collects broken invariants.
type inv struct{ errs []string }

func (v *inv) failf(format string, args ...any) {
	if len(v.errs) < 8 {
		v.errs = append(v.errs, fmt.Sprintf(format, args...))
	}
}

// invariantErrors returns the broken invariants, "; "-separated, or "".
func (s *Sim) invariantErrors() string {
	v := &inv{}
	where := s.checkQueues(v)
	s.checkGs(v, where)
	s.checkPs(v)
	s.checkMs(v)
	s.checkChans(v)
	s.checkTimerHeaps(v)
	if g := s.cur; g != nil {
		switch {
		case s.exited:
			v.failf("the run ended but Current() is G%d", g.ID)
		case g.Status != Grunning || g.p == nil || g.p.curg != g:
			v.failf("Current() G%d is %s, not running on a P", g.ID, g.Status)
		case g.p.ID >= len(s.allp) || s.allp[g.p.ID] != g.p:
			v.failf("Current() G%d runs on P%d, not a P of this machine", g.ID, g.p.ID)
		}
	}
	return strings.Join(v.errs, "; ")
}

// place is where checkQueues found a G.
type place struct {
	n     int // how many places hold it
	first string
	p     *P // the P of a local place
}

func (w map1) add(g *G, what string, pp *P) {
	pl := w[g]
	pl.n++
	if pl.n == 1 {
		pl.first, pl.p = what, pp
	} else {
		pl.first += " and " + what
	}
	w[g] = pl
}

type map1 map[*G]place

// checkQueues finds every G in a run queue, a runnext or a P's curg.
func (s *Sim) checkQueues(v *inv) map1 {
	w := map1{}
	for _, pp := range s.allp {
		if pp.runq.n < 0 || pp.runq.n > len(pp.runq.buf) || len(pp.runq.buf) != s.cfg.RunqSize {
			v.failf("P%d's run queue holds %d Gs, capacity %d (want %d)", pp.ID, pp.runq.n, len(pp.runq.buf), s.cfg.RunqSize)
			continue
		}
		for i := range pp.runq.len() {
			g := pp.runq.at(i)
			if g == nil {
				v.failf("P%d's run queue has a nil G at %d", pp.ID, i)
				continue
			}
			w.add(g, fmt.Sprintf("P%d's run queue", pp.ID), pp)
		}
		if g := pp.runnext; g != nil {
			w.add(g, fmt.Sprintf("P%d's runnext", pp.ID), pp)
		}
		if g := pp.curg; g != nil {
			w.add(g, fmt.Sprintf("P%d's curg", pp.ID), pp)
		}
	}
	for i := s.global.head; i < len(s.global.gs); i++ {
		if g := s.global.gs[i]; g != nil {
			w.add(g, "the global queue", nil)
		} else {
			v.failf("the global queue has a nil G")
		}
	}
	return w
}

// checkGs checks every G against where checkQueues found it.
func (s *Sim) checkGs(v *inv, w map1) {
	free := map[*G]int{}
	for _, pp := range s.allp {
		for _, g := range pp.gFree {
			free[g]++
		}
	}
	running := 0
	for i, g := range s.allgs {
		if g.allgIdx != i {
			v.failf("G%d is allgs[%d] but says %d", g.ID, i, g.allgIdx)
		}
		pl := w[g]
		delete(w, g)
		if s.gs[g.ID] != g {
			v.failf("G%d is not indexed by its goid", g.ID)
		}
		switch g.Status {
		case Grunning:
			running++
			if pl.n != 1 || pl.p == nil || pl.p.curg != g {
				v.failf("G%d is running but is in %d places (%s)", g.ID, pl.n, pl.first)
			} else if pl.p.m == nil || g.m != pl.p.m || pl.p.m.curg != g || g.p != pl.p {
				v.failf("G%d is running on P%d without that P's M running it", g.ID, pl.p.ID)
			}
		case Gsyscall:
			if g.m == nil || g.m.curg != g {
				v.failf("G%d is in a system call but no M runs it", g.ID)
			} else if mp := g.m.p; mp != nil && mp.curg != g {
				v.failf("G%d is in a system call on M%d, whose P%d runs another G", g.ID, g.m.ID, mp.ID)
			}
			if pl.n > 1 || (pl.n == 1 && pl.p.curg != g) {
				v.failf("G%d is in a system call and in %s", g.ID, pl.first)
			}
		case Grunnable:
			if pl.n != 1 || (pl.p != nil && pl.p.curg == g) {
				v.failf("G%d is runnable but is in %d run queues (%s)", g.ID, pl.n, pl.first)
			} else if g.p != pl.p {
				v.failf("G%d is in %s but its p is %v", g.ID, pl.first, pid(g.p))
			}
		case Gwaiting, Gdead:
			if pl.n != 0 {
				v.failf("G%d is %s but is in %s", g.ID, g.Status, pl.first)
			}
			if g.Status == Gdead && free[g] > 1 {
				v.failf("G%d is on %d free lists", g.ID, free[g])
			}
			if g.Status == Gwaiting && g.Reason == WaitSleep && (g.timer == nil || g.timer.idx < 0 || g.timer.g != g) {
				v.failf("G%d sleeps without a pending timer", g.ID)
			}
		default:
			v.failf("G%d has status %d", g.ID, g.Status)
		}
		if g.Status != Gdead && free[g] > 0 {
			v.failf("G%d is %s but on a free list", g.ID, g.Status)
		}
	}
	for g, pl := range w {
		v.failf("G%d is in %s but not in allgs", g.ID, pl.first)
	}
	if len(s.gs) != len(s.allgs) {
		v.failf("the goid index has %d Gs, allgs %d", len(s.gs), len(s.allgs))
	}
	if running > s.procs {
		v.failf("%d Gs running, GOMAXPROCS is %d", running, s.procs)
	}
}

func pid(pp *P) string {
	if pp == nil {
		return "nil"
	}
	return fmt.Sprintf("P%d", pp.ID)
}

// checkPs checks the Ps and the idle P list.
func (s *Sim) checkPs(v *inv) {
	if len(s.allp) != s.procs {
		v.failf("%d Ps, GOMAXPROCS is %d", len(s.allp), s.procs)
	}
	onIdle := map[*P]int{}
	for _, pp := range s.pidle {
		onIdle[pp]++
	}
	spinning := 0
	for i, pp := range s.allp {
		if pp.ID != i {
			v.failf("allp[%d] is P%d", i, pp.ID)
		}
		if pp.spinning {
			spinning++
		}
		switch pp.status {
		case pIdle:
			if onIdle[pp] != 1 {
				v.failf("P%d is idle but on the idle list %d times", pp.ID, onIdle[pp])
			}
			if pp.m != nil || pp.curg != nil {
				v.failf("P%d is idle but has an M or a G", pp.ID)
			}
		case pRunning:
			if onIdle[pp] != 0 {
				v.failf("P%d is running but on the idle list", pp.ID)
			}
			if pp.m == nil || pp.m.p != pp {
				v.failf("P%d is running without an M that holds it", pp.ID)
			}
		default:
			v.failf("P%d of allp has status %d", pp.ID, pp.status)
		}
		delete(onIdle, pp)
	}
	for pp := range onIdle {
		v.failf("P%d is on the idle list but not in allp", pp.ID)
	}
	if spinning != s.nspinning {
		v.failf("nspinning is %d but %d Ps spin", s.nspinning, spinning)
	}
}

// checkMs checks the Ms and the idle M list.
func (s *Sim) checkMs(v *inv) {
	idle := map[*M]int{}
	for _, m := range s.midle {
		idle[m]++
	}
	for _, m := range s.allm {
		n := idle[m]
		switch {
		case n > 1:
			v.failf("M%d is on the idle list %d times", m.ID, n)
		case n == 1 && (m.p != nil || m.curg != nil):
			v.failf("M%d is idle but holds a P or a G", m.ID)
		case m.p != nil && (m.p.m != m || m.p.status != pRunning || m.p.ID >= len(s.allp) || s.allp[m.p.ID] != m.p):
			v.failf("M%d holds P%d, which is not held by it", m.ID, m.p.ID)
		case n == 0 && m.p == nil && (m.curg == nil || m.curg.Status != Gsyscall):
			v.failf("M%d has no P, is not idle and is not in a system call", m.ID)
		}
	}
}

// checkChans checks every channel's buffer and wait queues.
func (s *Sim) checkChans(v *inv) {
	for _, c := range s.chans {
		if c.qcount < 0 || c.qcount > c.Cap {
			v.failf("ch%d holds %d values, capacity %d", c.ID, c.qcount, c.Cap)
		}
		if c.closed && c.recvq.len()+c.sendq.len() > 0 {
			v.failf("ch%d is closed but has waiters", c.ID)
		}
		sel := false
		for _, q := range [2][]*sudog{c.recvq.all(), c.sendq.all()} {
			for _, sg := range q {
				sel = sel || sg.sel != nil
				g := sg.g
				if g.Status != Gwaiting || (g.Reason != WaitChanReceive && g.Reason != WaitChanSend && g.Reason != WaitSelect) {
					v.failf("G%d waits on ch%d but is %s %q", g.ID, c.ID, g.Status, g.Reason)
				}
				if sg.sel != nil && g.sel != sg.sel {
					v.failf("G%d has a select sudog on ch%d from another select", g.ID, c.ID)
				}
			}
		}
		if !sel && c.recvq.len() > 0 && c.qcount > 0 {
			v.failf("ch%d has waiting receivers and %d buffered values", c.ID, c.qcount)
		}
		if !sel && c.sendq.len() > 0 && c.qcount < c.Cap {
			v.failf("ch%d has waiting senders and room in its buffer", c.ID)
		}
	}
	for _, g := range s.allgs {
		if g.Status != Gwaiting || (g.Reason != WaitChanReceive && g.Reason != WaitChanSend) {
			continue
		}
		n := 0
		for _, c := range s.chans {
			for _, sg := range append(c.recvq.all()[:c.recvq.len():c.recvq.len()], c.sendq.all()...) {
				if sg.g == g {
					n++
				}
			}
		}
		if n != 1 {
			v.failf("G%d waits (%s) in %d channel queues", g.ID, g.Reason, n)
		}
	}
}

// checkTimerHeaps checks every P's timer heap.
func (s *Sim) checkTimerHeaps(v *inv) {
	for _, pp := range s.allp {
		h := &pp.timers
		for i, t := range h.ts {
			if t.idx != i || t.pp != pp {
				v.failf("P%d's timer at %d says it is at %d on %s", pp.ID, i, t.idx, pid(t.pp))
			}
			if i > 0 && h.less(i, (i-1)/2) {
				v.failf("P%d's timer heap is out of order at %d", pp.ID, i)
			}
		}
	}
}
