package sim

// The data-race detector: happens-before over the memory accesses the
// driver reports, with vector clocks and FastTrack's epochs (Flanagan and
// Freund, "FastTrack: efficient and precise dynamic race detection",
// PLDI 2009). It is on when Config.RaceDetector is set; otherwise the Sim
// keeps no clock and every hook is one nil test.
//
// Each G is a thread with a vector clock. The synchronising operations
// carry clocks as the race-enabled runtime does (racesync, racenotify,
// raceacquire and racerelease in runtime/chan.go, runtime/race.go,
// sync/mutex.go, sync/rwmutex.go, sync/waitgroup.go): a go statement
// gives the new G its parent's clock; channel operations release and
// acquire per buffer slot, so the k-th receive of a channel of capacity
// C acquires what the k-th send released and the (k+C)-th send what the
// k-th receive released, and an unbuffered send and its receive
// synchronise both ways; close releases and a receive that sees the close
// acquires; Unlock releases and Lock acquires; RUnlock releases into the
// writers' clock, which Lock acquires, and Unlock into the readers',
// which RLock acquires; WaitGroup.Done releases and Wait's return
// acquires. The driver adds its own edges by address with [Sim.RaceAcquire]
// and [Sim.RaceRelease] (sync/atomic, sync.Once). A Cond adds none of its
// own, as sync/cond.go has no race annotations: its Wait locks L again,
// and L orders the accesses. Sleeping orders nothing.
//
// Two accesses to one location race when at least one writes and neither
// happens before the other. A report names the access that found the race
// and the earlier one it conflicts with. As the race runtime does (tsan's
// DoReportRace and suppress_equal_stacks), a race empties the location's
// history, so the access that found it and those before it race with
// nothing more, and a race between the same two places as one already
// reported is not reported again. Unlike the real detector, which
// remembers four accesses per 8 bytes of memory, every location keeps its
// last write and its reads since, so a race is found whatever the
// distance between the two accesses.

// RaceAccess is one side of a data race.
type RaceAccess struct {
	// G is the goid of the G that made the access.
	G int64
	// Write is true for a write, false for a read.
	Write bool
	// Site is the driver's number for the place of the access.
	Site int32
}

// RaceReport is a data race: the access that found it and the earlier
// access to the same location it is not ordered with.
type RaceReport struct {
	Addr      uintptr
	Cur, Prev RaceAccess
}

type hbEpoch struct {
	tid  int32 // -1: none
	clk  uint32
	site int32
	goid int64
}

// hbLoc is a location's history: its last write, and the reads since,
// one epoch while they are ordered, else a set.
type hbLoc struct {
	w, r hbEpoch
	rs   []hbEpoch
}

type hbThread struct {
	clock vclock
	own   uint32 // clock.get(tid), the thread's current epoch
	tid   int32
	goid  int64
}

// hbKey names a synchronisation object's clock: a Sim object and an index
// (a channel's buffer slot), or a driver's address.
type hbKey struct {
	obj any
	i   int
}

// hbChan is a channel's buffer positions as the race-enabled runtime keeps
// them: a value handed straight to a waiting receiver of a buffered
// channel still goes through a slot ("pretend we go through the buffer",
// chan.go send and recv), so the slots used differ from the Sim's recvx
// and sendx.
type hbChan struct{ recvx, sendx int }

type hbState struct {
	threads []*hbThread
	locs    map[uintptr]*hbLoc
	syncs   map[hbKey]vclock
	chans   map[*Chan]*hbChan
	reports []RaceReport
	pairs   map[[2]int32]bool
}

func newHB() *hbState {
	return &hbState{
		locs:  map[uintptr]*hbLoc{},
		syncs: map[hbKey]vclock{},
		chans: map[*Chan]*hbChan{},
		pairs: map[[2]int32]bool{},
	}
}

// thread returns g's thread, making one with an empty clock for a G that
// has none yet (main, the runtime's Gs).
func (h *hbState) thread(g *G) *hbThread {
	if g.hb > 0 {
		return h.threads[g.hb-1]
	}
	t := &hbThread{tid: int32(len(h.threads)), own: 1, goid: g.ID}
	t.clock.set(t.tid, 1)
	h.threads = append(h.threads, t)
	g.hb = int32(len(h.threads))
	return t
}

// tick starts t's next epoch, after t released its clock.
func (t *hbThread) tick() {
	t.own++
	t.clock.set(t.tid, t.own)
}

// fork makes child's clock its parent's and starts the parent's next
// epoch: what the parent did before the go statement happens before
// everything the child does.
func (h *hbState) fork(parent, child *G) {
	p := h.thread(parent)
	c := h.thread(child)
	c.clock = p.clock.clone()
	c.clock.set(c.tid, c.own)
	p.tick()
}

func (h *hbState) acquire(g *G, k hbKey) {
	if c, ok := h.syncs[k]; ok {
		h.thread(g).clock.join(c)
	}
}

func (h *hbState) release(g *G, k hbKey) {
	t := h.thread(g)
	c := h.syncs[k]
	c.join(t.clock)
	h.syncs[k] = c
	t.tick()
}

// releaseAcquire is racereleaseacquire: g takes what k holds and leaves
// what it knows.
func (h *hbState) releaseAcquire(g *G, k hbKey) {
	h.acquire(g, k)
	h.release(g, k)
}

// access records a read or write of addr by g at site and reports the
// first race it finds, if any.
func (h *hbState) access(g *G, addr uintptr, write bool, site int32) (RaceReport, bool) {
	t := h.thread(g)
	l := h.locs[addr]
	if l == nil {
		l = &hbLoc{w: hbEpoch{tid: -1}, r: hbEpoch{tid: -1}}
		h.locs[addr] = l
	}
	e := hbEpoch{tid: t.tid, clk: t.own, site: site, goid: t.goid}
	var prev hbEpoch
	racy := false
	if l.w.tid >= 0 && l.w.tid != t.tid && l.w.clk > t.clock.get(l.w.tid) {
		prev, racy = l.w, true
	}
	prevWrite := racy
	if write && !racy {
		prev, racy = h.racingRead(l, t)
	}
	switch {
	case racy:
		l.w, l.r, l.rs = hbEpoch{tid: -1}, hbEpoch{tid: -1}, nil
		return h.report(addr, e, write, prev, prevWrite)
	case write:
		l.w, l.r, l.rs = e, hbEpoch{tid: -1}, nil
	case l.rs != nil || l.r.tid != t.tid || l.r.clk != t.own:
		h.addRead(l, t, e)
	}
	return RaceReport{}, false
}

// addRead adds t's read to l's reads, keeping one epoch while every read
// so far happens before this one.
func (h *hbState) addRead(l *hbLoc, t *hbThread, e hbEpoch) {
	if l.rs != nil {
		for i := range l.rs {
			if l.rs[i].tid == t.tid {
				l.rs[i] = e
				return
			}
		}
		l.rs = append(l.rs, e)
		return
	}
	if l.r.tid < 0 || l.r.tid == t.tid || l.r.clk <= t.clock.get(l.r.tid) {
		l.r = e
		return
	}
	l.rs = []hbEpoch{l.r, e}
	l.r = hbEpoch{tid: -1}
}

// racingRead returns the latest read of l by another thread that does not
// happen before t's now.
func (h *hbState) racingRead(l *hbLoc, t *hbThread) (hbEpoch, bool) {
	if l.rs == nil {
		r := l.r
		return r, r.tid >= 0 && r.tid != t.tid && r.clk > t.clock.get(r.tid)
	}
	for i := len(l.rs) - 1; i >= 0; i-- {
		r := l.rs[i]
		if r.tid != t.tid && r.clk > t.clock.get(r.tid) {
			return r, true
		}
	}
	return hbEpoch{}, false
}

// report keeps a race unless its pair of places was reported already.
func (h *hbState) report(addr uintptr, cur hbEpoch, write bool, prev hbEpoch, prevWrite bool) (RaceReport, bool) {
	pair := [2]int32{min(cur.site, prev.site), max(cur.site, prev.site)}
	if h.pairs[pair] {
		return RaceReport{}, false
	}
	h.pairs[pair] = true
	rep := RaceReport{
		Addr: addr,
		Cur:  RaceAccess{G: cur.goid, Write: write, Site: cur.site},
		Prev: RaceAccess{G: prev.goid, Write: prevWrite, Site: prev.site},
	}
	h.reports = append(h.reports, rep)
	return rep, true
}
