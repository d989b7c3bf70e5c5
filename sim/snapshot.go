package sim

// Snapshots: the whole machine at one moment, for the visualisations of
// the lessons and the site. A Snapshot is plain data in a fixed order (Ps,
// Ms, Gs and channels by ID; queues head first), so that it encodes to the
// same JSON and the same text every time.

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
)

// Snapshot is the state of the machine between two operations.
type Snapshot struct {
	// Seq is the number of events emitted so far: the snapshot shows the
	// machine after event Seq-1.
	Seq int64 `json:"seq"`
	// Time is the virtual time, in ns ([Sim.Now]).
	Time int64 `json:"t"`
	// Procs is GOMAXPROCS.
	Procs int `json:"procs"`
	// Current is the G the driver runs now; 0 when none.
	Current int64 `json:"current,omitempty"`
	// Ps are the Ps by ID.
	Ps []PSnapshot `json:"ps"`
	// Global is the global run queue, head first.
	Global []int64 `json:"global"`
	// IdlePs and IdleMs are the idle lists, the next to be taken first.
	IdlePs []int `json:"idle_ps"`
	IdleMs []int `json:"idle_ms"`
	// Ms are the Ms by ID.
	Ms []MSnapshot `json:"ms"`
	// Gs are every G ever made that was not reused, in creation order
	// (the order of tracebacks), dead ones included.
	Gs []GSnapshot `json:"gs"`
	// Chans are the channels by ID.
	Chans []ChanSnapshot `json:"chans"`
}

// PSnapshot is one P.
type PSnapshot struct {
	ID int `json:"id"`
	// Status is "idle", "running" (an M holds it), or "waking" (an M was
	// just started for it and has not looked for work yet).
	Status string `json:"status"`
	// M is the M holding the P, -1 when none.
	M int `json:"m"`
	// G is the G the P runs, 0 when none; Syscall says it is in a system
	// call (the P is still attached to it).
	G       int64 `json:"g,omitempty"`
	Syscall bool  `json:"syscall,omitempty"`
	// Runnext is the G in runnext, 0 when none.
	Runnext int64 `json:"runnext,omitempty"`
	// Runq is the local run queue, head first.
	Runq []int64 `json:"runq"`
	// Schedtick counts the Gs the P started on a new time slice.
	Schedtick uint32 `json:"schedtick"`
	// Clock is the virtual time the P has reached.
	Clock int64 `json:"clock"`
	// Spinning says the P's M is looking for work to steal.
	Spinning bool `json:"spinning,omitempty"`
	// Timers counts the timers pending on the P.
	Timers int `json:"timers,omitempty"`
}

// MSnapshot is one M (an OS thread).
type MSnapshot struct {
	ID int `json:"id"`
	// P is the P the M holds, -1 when none.
	P int `json:"p"`
	// G is the G the M runs (or runs a system call for), 0 when none.
	G int64 `json:"g,omitempty"`
	// Idle says the M sleeps on the idle list.
	Idle bool `json:"idle,omitempty"`
}

// GSnapshot is one G.
type GSnapshot struct {
	ID int64 `json:"id"`
	// Status is the G's state: runnable, running, syscall, waiting, dead.
	Status string `json:"status"`
	// Reason is why a waiting G waits, as a traceback prints it.
	Reason string `json:"reason,omitempty"`
	// P is the P that runs the G or whose local queue holds it, -1 when
	// none (the global queue, waiting, dead, or a syscall without a P).
	P int `json:"p"`
	// Parent is the goid of the G that created it (0 for main and the
	// runtime's own).
	Parent int64 `json:"parent,omitempty"`
	// System marks the runtime's own goroutines.
	System bool `json:"system,omitempty"`
	// Stack is the stack's size and Used the bytes in use.
	Stack int64 `json:"stack"`
	Used  int64 `json:"used,omitempty"`
}

// ChanSnapshot is one channel.
type ChanSnapshot struct {
	ID  int `json:"id"`
	Cap int `json:"cap"`
	// Len is the number of values in the buffer.
	Len    int  `json:"len"`
	Closed bool `json:"closed,omitempty"`
	// Timer marks the channel of a time.Timer or time.Ticker.
	Timer bool `json:"timer,omitempty"`
	// RecvQ and SendQ are the waiting Gs, first to be served first.
	RecvQ []int64 `json:"recvq"`
	SendQ []int64 `json:"sendq"`
}

// Snapshot returns the state of the machine now. It is meant to be called
// between operations, as the driver sees the machine; the result shares
// nothing with the Sim.
func (s *Sim) Snapshot() Snapshot {
	sn := Snapshot{
		Seq: s.seq, Time: s.Now(), Procs: s.procs, Current: gid(s.cur),
		Global: gids(s.global.gs[s.global.head:]),
		IdlePs: make([]int, 0, len(s.pidle)),
		IdleMs: make([]int, 0, len(s.midle)),
		// Lists are never nil: JSON readers get [] rather than null.
		Ps:    make([]PSnapshot, 0, len(s.allp)),
		Ms:    make([]MSnapshot, 0, len(s.allm)),
		Gs:    make([]GSnapshot, 0, len(s.allgs)),
		Chans: make([]ChanSnapshot, 0, len(s.chans)),
	}
	for i := len(s.pidle) - 1; i >= 0; i-- {
		sn.IdlePs = append(sn.IdlePs, s.pidle[i].ID)
	}
	for i := len(s.midle) - 1; i >= 0; i-- {
		sn.IdleMs = append(sn.IdleMs, s.midle[i].ID)
	}
	for _, pp := range s.allp {
		ps := PSnapshot{
			ID: pp.ID, Status: "idle", M: -1, G: gid(pp.curg), Runnext: gid(pp.runnext),
			Runq: make([]int64, pp.runq.len()), Schedtick: pp.schedtick, Clock: pp.clock,
			Spinning: pp.spinning, Timers: pp.timers.len(),
		}
		for i := range ps.Runq {
			ps.Runq[i] = pp.runq.at(i).ID
		}
		if pp.m != nil {
			ps.M = pp.m.ID
			ps.Status = "running"
			if pp.curg == nil {
				ps.Status = "waking"
			}
		}
		ps.Syscall = pp.curg != nil && pp.curg.Status == Gsyscall
		sn.Ps = append(sn.Ps, ps)
	}
	idle := map[*M]bool{}
	for _, m := range s.midle {
		idle[m] = true
	}
	for _, m := range s.allm {
		ms := MSnapshot{ID: m.ID, P: -1, G: gid(m.curg), Idle: idle[m]}
		if m.p != nil {
			ms.P = m.p.ID
		}
		sn.Ms = append(sn.Ms, ms)
	}
	for _, g := range s.allgs {
		sn.Gs = append(sn.Gs, s.gsnapshot(g))
	}
	for _, c := range s.chans {
		sn.Chans = append(sn.Chans, ChanSnapshot{
			ID: c.ID, Cap: c.Cap, Len: c.qcount, Closed: c.closed, Timer: c.Timer,
			RecvQ: sudogIDs(c.recvq.all()), SendQ: sudogIDs(c.sendq.all()),
		})
	}
	return sn
}

func (s *Sim) gsnapshot(g *G) GSnapshot {
	gs := GSnapshot{
		ID: g.ID, Status: g.Status.String(), Reason: string(g.Reason), P: -1,
		Parent: g.Parent, System: g.System, Stack: g.Stack.Size, Used: g.Stack.Used,
	}
	switch g.Status {
	case Grunning, Grunnable:
		if g.p != nil {
			gs.P = g.p.ID
		}
	case Gsyscall:
		if g.m != nil && g.m.p != nil {
			gs.P = g.m.p.ID
		}
	}
	return gs
}

func gids(gs []*G) []int64 {
	out := make([]int64, len(gs))
	for i, g := range gs {
		out[i] = g.ID
	}
	return out
}

func sudogIDs(q []*sudog) []int64 {
	out := make([]int64, len(q))
	for i, sg := range q {
		out[i] = sg.g.ID
	}
	return out
}

// WriteText writes the snapshot as a compact text picture, one line per
// P, then the global queue, the idle lists, the live Gs and the channels:
//
//	t=5210 seq=48 procs=1 current=G16
//	P0 [M0] running G16 | next G1 | runq G5 G6 G7
//	global: -
//	idle: Ps - Ms -
//	Gs: G1 [runnable] G2 [force gc (idle)] ... G16 [running]
//	chans: ch1 cap 0 recvq - sendq -
func (sn *Snapshot) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "t=%d seq=%d procs=%d current=%s\n", sn.Time, sn.Seq, sn.Procs, gOr(sn.Current))
	for _, p := range sn.Ps {
		fmt.Fprintf(bw, "P%d", p.ID)
		if p.M >= 0 {
			fmt.Fprintf(bw, " [M%d]", p.M)
		}
		switch {
		case p.Syscall:
			fmt.Fprintf(bw, " syscall G%d", p.G)
		case p.G != 0:
			fmt.Fprintf(bw, " running G%d", p.G)
		default:
			bw.WriteString(" " + p.Status)
		}
		if p.Spinning {
			bw.WriteString(" spinning")
		}
		if p.Runnext != 0 || len(p.Runq) > 0 || p.Status != "idle" {
			fmt.Fprintf(bw, " | next %s | runq", gOr(p.Runnext))
			writeIDs(bw, "G", p.Runq)
		}
		if p.Timers > 0 {
			fmt.Fprintf(bw, " | timers %d", p.Timers)
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("global:")
	writeIDs(bw, "G", sn.Global)
	bw.WriteString("\nidle: Ps")
	writeInts(bw, "P", sn.IdlePs)
	bw.WriteString(" Ms")
	writeInts(bw, "M", sn.IdleMs)
	bw.WriteString("\nGs:")
	dead := 0
	for _, g := range sn.Gs {
		if g.Status == "dead" {
			dead++
			continue
		}
		st := g.Status
		if g.Reason != "" {
			st = g.Reason
		}
		fmt.Fprintf(bw, " G%d [%s]", g.ID, st)
	}
	if dead > 0 {
		fmt.Fprintf(bw, " (%d dead)", dead)
	}
	bw.WriteString("\nchans:")
	if len(sn.Chans) == 0 {
		bw.WriteString(" -")
	}
	for i, c := range sn.Chans {
		if i > 0 {
			bw.WriteByte(';')
		}
		fmt.Fprintf(bw, " ch%d", c.ID)
		if c.Timer {
			bw.WriteString(" timer")
		}
		fmt.Fprintf(bw, " cap %d", c.Cap)
		if c.Cap > 16 {
			fmt.Fprintf(bw, " [%d values]", c.Len)
		} else if c.Cap > 0 {
			bw.WriteString(" [")
			for j := range c.Cap {
				if j > 0 {
					bw.WriteByte(' ')
				}
				if j < c.Len {
					bw.WriteByte('v')
				} else {
					bw.WriteByte('.')
				}
			}
			bw.WriteByte(']')
		}
		if c.Closed {
			bw.WriteString(" closed")
		}
		bw.WriteString(" recvq")
		writeIDs(bw, "G", c.RecvQ)
		bw.WriteString(" sendq")
		writeIDs(bw, "G", c.SendQ)
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

func writeIDs(bw *bufio.Writer, prefix string, ids []int64) {
	if len(ids) == 0 {
		bw.WriteString(" -")
	}
	for _, id := range ids {
		bw.WriteString(" " + prefix + strconv.FormatInt(id, 10))
	}
}

func writeInts(bw *bufio.Writer, prefix string, ids []int) {
	if len(ids) == 0 {
		bw.WriteString(" -")
	}
	for _, id := range ids {
		bw.WriteString(" " + prefix + strconv.Itoa(id))
	}
}
