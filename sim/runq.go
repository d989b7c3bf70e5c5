package sim

// ring is a P's local run queue: a fixed-capacity FIFO, as the runtime's
// runqhead/runqtail/runq[256] (runtime2.go:803-805).
type ring struct {
	buf  []*G
	head int // index of the oldest G
	n    int
}

func newRing(size int) ring { return ring{buf: make([]*G, size)} }

func (r *ring) len() int   { return r.n }
func (r *ring) full() bool { return r.n == len(r.buf) }

func (r *ring) push(g *G) {
	r.buf[(r.head+r.n)%len(r.buf)] = g
	r.n++
}

func (r *ring) pop() *G {
	if r.n == 0 {
		return nil
	}
	g := r.buf[r.head]
	r.buf[r.head] = nil
	r.head = (r.head + 1) % len(r.buf)
	r.n--
	return g
}

// at returns the i-th G from the head.
func (r *ring) at(i int) *G { return r.buf[(r.head+i)%len(r.buf)] }

// slice returns the queue's Gs, oldest first.
func (r *ring) slice() []*G {
	s := make([]*G, r.n)
	for i := range s {
		s[i] = r.at(i)
	}
	return s
}

// gqueue is an unbounded FIFO: the global run queue (sched.runq).
type gqueue struct {
	gs   []*G
	head int
}

func (q *gqueue) len() int { return len(q.gs) - q.head }

func (q *gqueue) pushBack(g *G) { q.gs = append(q.gs, g) }

// pushFront puts g at the head; procresize uses it for the Gs of destroyed Ps.
func (q *gqueue) pushFront(g *G) {
	if q.head > 0 {
		q.head--
		q.gs[q.head] = g
		return
	}
	q.gs = append([]*G{g}, q.gs...)
}

func (q *gqueue) pop() *G {
	if q.len() == 0 {
		return nil
	}
	g := q.gs[q.head]
	q.gs[q.head] = nil
	q.head++
	if q.head > 1024 && q.head*2 > len(q.gs) {
		q.gs = append([]*G(nil), q.gs[q.head:]...)
		q.head = 0
	}
	return g
}

func (q *gqueue) slice() []*G { return append([]*G(nil), q.gs[q.head:]...) }

// remove deletes g from the queue, wherever it is.
func (q *gqueue) remove(g *G) bool {
	for i := q.head; i < len(q.gs); i++ {
		if q.gs[i] == g {
			copy(q.gs[i:], q.gs[i+1:])
			q.gs = q.gs[:len(q.gs)-1]
			return true
		}
	}
	return false
}

// runqput puts g on pp's local queue. With next, g goes to runnext and the
// G it displaces goes to the tail; a full ring sends half of it to the
// global queue. Models runtime.runqput (proc.go:7478-7521).
func (s *Sim) runqput(pp *P, g *G, next bool) {
	g.Status = Grunnable
	g.p = pp
	if next {
		old := pp.runnext
		pp.runnext = g
		s.emit(pp, Event{Kind: EvRunnext, G: g.ID, Other: gid(old)})
		if old == nil {
			return
		}
		g = old
	}
	if !pp.runq.full() {
		pp.runq.push(g)
		s.emit(pp, Event{Kind: EvRunqPut, G: g.ID, N: int64(pp.runq.len())})
		return
	}
	s.runqputslow(pp, g)
}

// runqputslow moves the older half of a full local queue, plus g, to the
// tail of the global queue, keeping their order. Models runtime.runqputslow
// (proc.go:7524-7563): n = (tail-head)/2 = 128 of 256.
func (s *Sim) runqputslow(pp *P, g *G) {
	n := pp.runq.len() / 2
	moved := make([]int64, 0, n+1)
	for range n {
		x := pp.runq.pop()
		x.p = nil
		s.global.pushBack(x)
		moved = append(moved, x.ID)
	}
	g.p = nil
	s.global.pushBack(g)
	moved = append(moved, g.ID)
	s.emit(pp, Event{Kind: EvRunqOverflow, G: g.ID, N: int64(len(moved)), Gs: moved})
}

// runqget takes runnext first (the G inherits the time slice), else the
// head of the ring. Models runtime.runqget (proc.go:7598-7619).
func (s *Sim) runqget(pp *P) (g *G, inheritTime bool) {
	if g = pp.runnext; g != nil {
		pp.runnext = nil
		return g, true
	}
	return pp.runq.pop(), false
}

// globput appends g to the global queue, as globrunqput (proc.go:7255);
// pp is the P doing it, or nil.
func (s *Sim) globput(pp *P, g *G, why string) {
	g.Status = Grunnable
	g.p = nil
	s.global.pushBack(g)
	s.emit(pp, Event{Kind: EvGlobalPut, G: g.ID, Detail: why, N: int64(s.global.len())})
}

// globget takes up to max Gs from the global queue for pp: the first is
// returned to run, the rest go to pp's local queue. Models globrunqgetbatch
// (proc.go:7293-7313): n = min(max, size, size/gomaxprocs+1).
func (s *Sim) globget(pp *P, max int) *G {
	size := s.global.len()
	if size == 0 {
		return nil
	}
	n := min(max, size, size/s.procs+1)
	g := s.global.pop()
	ids := []int64{g.ID}
	for i := 1; i < n; i++ {
		x := s.global.pop()
		x.p = pp
		pp.runq.push(x)
		ids = append(ids, x.ID)
	}
	s.emit(pp, Event{Kind: EvGlobalGet, G: g.ID, N: int64(n), Gs: ids})
	return g
}

func gid(g *G) int64 {
	if g == nil {
		return 0
	}
	return g.ID
}
