package termview

// The machine rebuilt from a trace. A run returns its trace and counts but
// not the simulator's state, so the queues, stack and chan pictures replay
// the events: every change to where a G is, or to what a P, M or channel
// holds, is one event (sim/trace.go), and applying them in order gives the
// machine after each one.
//
// Invariants, as in the simulator: a G is in at most one place (running
// on a P, a P's runnext, a P's local queue, the global queue, or none of
// them: waiting, in a system call without a P, dead, or between two events
// of one operation). Events that carry a queue's length after the change
// (runqput, globput) are checked against the replay, and a difference is
// counted in machine.mismatches, which the tests require to stay zero.
//
// Not recoverable from the trace: the channels a G parked in a select
// waits on (select queues its sudogs without events), so such Gs are in
// no channel queue here, and their wait reason says "select"; and the
// value a timer puts in its channel's buffer when nobody is receiving.
// TestReplayMatchesSnapshots compares the replay with the simulator's own
// snapshots, taken at every goroutine switch.

import (
	"slices"
	"strings"

	"github.com/gotour-gpm/gotour-gpm/sim"
)

// pState is one P as replayed.
type pState struct {
	m       int   // the M holding the P, -1 when none
	g       int64 // the G running on it (or in a system call on it), 0 when none
	syscall bool  // g is in a system call
	runnext int64
	runq    []int64
}

// gState is one goroutine as replayed.
type gState struct {
	id      int64
	status  string // runnable, running, syscall, waiting, dead
	reason  string // the wait reason of a waiting G
	stack   int64  // stack size in bytes
	peak    int64  // largest stack size
	grew    int    // stack doublings
	runtime bool   // one of the runtime's own goroutines
}

// chState is one channel as replayed.
type chState struct {
	id     int
	cap    int
	len    int
	closed bool
	// sendx and recvx are the ring's next slot to fill and to empty, as
	// in the runtime's hchan (chan.go): they move as sim/chan.go moves
	// them, which the events of buffered sends and receives say.
	sendx, recvx int
	recvq        []int64
	sendq        []int64
}

// machine is the replayed state after some prefix of the trace.
type machine struct {
	time    int64
	procs   int
	ps      []pState
	global  []int64
	gs      map[int64]*gState
	gOrder  []int64 // goroutines in the order they first appear
	chans   map[int]*chState
	chOrder []int

	liveStack int64 // bytes of stack of the goroutines not dead

	mismatches int // event lengths that disagree with the replay
}

func newMachine(procs int) *machine {
	m := &machine{procs: procs, gs: map[int64]*gState{}, chans: map[int]*chState{}}
	// As sim.New leaves it: procs Ps, and P0 runs main on M0.
	m.p(max(procs, 1) - 1)
	m.g(1).status = "running"
	m.p(0).m, m.p(0).g = 0, 1
	return m
}

// p returns P id, growing the list of Ps as needed.
func (m *machine) p(id int) *pState {
	for len(m.ps) <= id {
		m.ps = append(m.ps, pState{m: -1})
	}
	return &m.ps[id]
}

// g returns goroutine id, creating its record the first time it is seen.
// A G seen before any "go" event for it, other than main, is the
// runtime's.
func (m *machine) g(id int64) *gState {
	if g, ok := m.gs[id]; ok {
		return g
	}
	g := &gState{id: id, status: "runnable", stack: sim.StackMin, peak: sim.StackMin, runtime: id != 1}
	m.gs[id] = g
	m.gOrder = append(m.gOrder, id)
	m.liveStack += g.stack
	return g
}

// take removes G id from whichever queue or P holds it.
func (m *machine) take(id int64) {
	if i := slices.Index(m.global, id); i >= 0 {
		m.global = slices.Delete(m.global, i, i+1)
	}
	for i := range m.ps {
		p := &m.ps[i]
		if p.runnext == id {
			p.runnext = 0
		}
		if j := slices.Index(p.runq, id); j >= 0 {
			p.runq = slices.Delete(p.runq, j, j+1)
		}
		if p.g == id {
			p.g, p.syscall = 0, false
		}
	}
}

// queued counts the Gs waiting to run: in runnext, local and global queues.
func (m *machine) queued() int {
	n := len(m.global)
	for _, p := range m.ps {
		n += len(p.runq)
		if p.runnext != 0 {
			n++
		}
	}
	return n
}

// chanLoad counts the values in channel buffers and the Gs in their queues.
func (m *machine) chanLoad() int {
	n := 0
	for _, c := range m.chans {
		n += c.len + len(c.recvq) + len(c.sendq)
	}
	return n
}

// apply moves the machine past event e.
func (m *machine) apply(e *sim.Event) {
	m.time = max(m.time, e.Time)
	if e.P >= 0 && e.Kind != sim.EvPreemptReq {
		p := m.p(e.P)
		if e.M >= 0 {
			p.m = e.M
		}
	}
	if e.G != 0 {
		g := m.g(e.G)
		if e.Kind == sim.EvGoCreate {
			g.runtime = false
		}
	}
	switch e.Kind {
	case sim.EvRunnext, sim.EvRunqPut, sim.EvRunqOverflow, sim.EvGlobalPut, sim.EvGlobalGet, sim.EvSteal:
		m.applyQueue(e)
	case sim.EvRun:
		m.take(e.G)
		p := m.p(e.P)
		p.g, p.syscall = e.G, false
		m.gs[e.G].status = "running"
	case sim.EvPark:
		m.stop(e)
		m.gs[e.G].status, m.gs[e.G].reason = "waiting", e.Detail
	case sim.EvGosched, sim.EvPreempt, sim.EvReady:
		m.stop(e)
		m.gs[e.G].status = "runnable"
	case sim.EvExit:
		// When main returns, the program exits with main still on its P,
		// as the simulator leaves it.
		if !strings.HasPrefix(e.Detail, "main returned") {
			m.take(e.G)
		}
		if g := m.gs[e.G]; g.status != "dead" {
			g.status = "dead"
			m.liveStack -= g.stack
		}
	case sim.EvIdle:
		p := m.p(e.P)
		p.g, p.syscall, p.m = 0, false, -1
	case sim.EvSyscall:
		p := m.p(e.P)
		p.g, p.syscall = e.G, true
		m.gs[e.G].status = "syscall"
	case sim.EvSyscallExit:
		m.take(e.G)
		if e.P >= 0 {
			p := m.p(e.P)
			p.g = e.G
			m.gs[e.G].status = "running"
		} else {
			m.gs[e.G].status = "runnable"
		}
	case sim.EvHandoff:
		// The G stays in its system call; its P goes to another M (a
		// wake event follows) or idle.
		p := m.p(e.P)
		p.g, p.syscall, p.m = 0, false, -1
	case sim.EvStackGrow, sim.EvStackShrink:
		g := m.gs[e.G]
		if g.status != "dead" {
			m.liveStack += e.N - g.stack
		}
		g.stack = e.N
		g.peak = max(g.peak, e.N)
		if e.Kind == sim.EvStackGrow {
			g.grew++
		}
	case sim.EvProcs:
		m.resize(int(e.N))
	default:
		m.applyChan(e)
	}
}

// stop takes the G of e off its P, if it is the one running there.
func (m *machine) stop(e *sim.Event) {
	if e.P >= 0 && m.p(e.P).g == e.G {
		m.p(e.P).g, m.p(e.P).syscall = 0, false
	}
}

// applyQueue replays the run-queue events.
func (m *machine) applyQueue(e *sim.Event) {
	p := m.p(e.P)
	switch e.Kind {
	case sim.EvRunnext:
		// The G it kicked out (Other) goes to the tail next, in an event
		// of its own.
		m.take(e.G)
		p.runnext = e.G
	case sim.EvRunqPut:
		m.take(e.G)
		p.runq = append(p.runq, e.G)
		m.check(len(p.runq), e.N)
	case sim.EvRunqOverflow:
		for _, id := range e.Gs {
			m.take(id)
			m.global = append(m.global, id)
		}
	case sim.EvGlobalPut:
		m.take(e.G)
		m.global = append(m.global, e.G)
		m.check(len(m.global), e.N)
	case sim.EvGlobalGet, sim.EvSteal:
		// The first Gs taken (from the global queue) or the last (stolen
		// from P Other) runs; the others join the local queue in order.
		for _, id := range e.Gs {
			m.take(id)
			if id != e.G {
				p.runq = append(p.runq, id)
			}
		}
	}
}

// applyChan replays the channel events.
func (m *machine) applyChan(e *sim.Event) {
	switch e.Kind {
	case sim.EvChanMake:
		if _, ok := m.chans[e.Ch]; !ok {
			m.chOrder = append(m.chOrder, e.Ch)
		}
		m.chans[e.Ch] = &chState{id: e.Ch, cap: int(e.N)}
		return
	case sim.EvSend, sim.EvRecv, sim.EvClose:
	default:
		return
	}
	c := m.chans[e.Ch]
	if c == nil { // made before the trace was cut, or by the runtime
		c = &chState{id: e.Ch}
		m.chans[e.Ch] = c
		m.chOrder = append(m.chOrder, e.Ch)
	}
	switch {
	case e.Kind == sim.EvClose:
		c.closed = true
		c.recvq, c.sendq = nil, nil
	case e.Detail == "block" && e.Kind == sim.EvSend:
		c.sendq = append(c.sendq, e.G)
	case e.Detail == "block":
		c.recvq = append(c.recvq, e.G)
	case e.Detail == "timer":
		c.recvq = remove(c.recvq, e.Other)
	case e.Detail == "closed":
	default:
		if e.Other != 0 {
			c.recvq = remove(c.recvq, e.Other)
			c.sendq = remove(c.sendq, e.Other)
		}
		c.len = int(e.N)
		c.moveRing(e)
	}
}

// moveRing moves c's ring indices for a send or receive that completed:
// a send into the buffer fills sendx; a receive from it empties recvx;
// a receive from a full buffer with a sender waiting takes recvx and puts
// the sender's value there, so that sendx follows recvx (recv,
// chan.go:702-746).
func (c *chState) moveRing(e *sim.Event) {
	if c.cap <= 0 {
		return
	}
	switch {
	case e.Kind == sim.EvSend && e.Detail == "":
		c.sendx = (c.sendx + 1) % c.cap
	case e.Kind == sim.EvRecv && e.Detail == "":
		c.recvx = (c.recvx + 1) % c.cap
	case e.Kind == sim.EvRecv && e.Detail == "handoff":
		c.recvx = (c.recvx + 1) % c.cap
		c.sendx = c.recvx
	}
}

// resize replays procresize: each removed P puts its runnext and local
// queue at the head of the global queue, the highest P's ending first,
// and a G running on a removed P moves to P0.
func (m *machine) resize(n int) {
	for i := n; i < len(m.ps); i++ {
		p := m.ps[i]
		head := slices.Clone(p.runq)
		if p.runnext != 0 {
			head = append([]int64{p.runnext}, head...)
		}
		m.global = append(head, m.global...)
		if p.g != 0 {
			m.p(0).g, m.p(0).m = p.g, p.m
		}
	}
	if n < len(m.ps) {
		m.ps = m.ps[:n]
	}
	m.p(n - 1)
	m.procs = n
}

// check counts a queue length that disagrees with the event's.
func (m *machine) check(got int, want int64) {
	if int64(got) != want {
		m.mismatches++
	}
}

func remove(q []int64, id int64) []int64 {
	if i := slices.Index(q, id); i >= 0 {
		return slices.Delete(q, i, i+1)
	}
	return q
}

// peaks are the machine at the moments the pictures show: the first
// moment the most Gs waited to run, the first moment the channels held
// the most values and waiting Gs, and the first moment the goroutines'
// stacks took the most memory. Each is nil when its count never rose
// above zero.
type peaks struct {
	queues, chans, stacks *machine
}

// replay applies the events of tr and returns the machine at the end and
// at its peaks.
func replay(tr *sim.Trace) (end *machine, pk peaks) {
	var best, at [3]int
	at = [3]int{-1, -1, -1}
	m := replayTo(tr, 0)
	for i := range tr.Events {
		m.apply(&tr.Events[i])
		for k, score := range [3]int{m.queued(), m.chanLoad(), int(m.liveStack)} {
			if score > best[k] {
				best[k], at[k] = score, i
			}
		}
	}
	// Replaying again is cheaper than copying the machine at every new
	// peak, which a program starting thousands of goroutines reaches
	// thousands of times.
	var out [3]*machine
	for k, i := range at {
		if i >= 0 {
			out[k] = replayTo(tr, i+1)
		}
	}
	return m, peaks{queues: out[0], chans: out[1], stacks: out[2]}
}

// replayTo returns the machine after the first n events of tr.
func replayTo(tr *sim.Trace, n int) *machine {
	m := newMachine(tr.Procs)
	for i := range tr.Events[:n] {
		m.apply(&tr.Events[i])
	}
	return m
}
