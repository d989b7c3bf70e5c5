package sim

// Dir is the direction of a select case.
type Dir uint8

// Select case directions.
const (
	SendDir Dir = iota + 1
	RecvDir
)

// SelectCase is one case of a select statement.
type SelectCase struct {
	Dir Dir
	// Ch is the case's channel; nil channels never proceed.
	Ch *Chan
	// Val is the value to send, for SendDir.
	Val any
}

// sel is a G parked in a select, with the sudogs it queued.
type sel struct {
	g   *G
	sgs []*sudog
	chs []*Chan
}

// done removes the other sudogs of a select that sg won (select.go pass 3).
func (sl *sel) done(won *sudog) {
	for i, sg := range sl.sgs {
		if sg == won {
			continue
		}
		c := sl.chs[i]
		if !c.sendq.remove(sg) {
			c.recvq.remove(sg)
		}
	}
	sl.g.sel = nil
}

// Select runs a select statement for the current G (selectgo,
// select.go:122-543): cases are polled in a random order drawn from the
// seed; the first ready one proceeds; with none ready, default proceeds if
// there is one, else the G waits on every channel at once. As the compiler
// does, a select with one case and no default is a plain channel operation
// and one case plus default is a non-blocking one (no random draw). The
// outcome is in the G's Wake: Case is the index that proceeded, -1 for
// default. A send case on a closed channel returns ErrSendClosed.
func (s *Sim) Select(cases []SelectCase, hasDefault bool) error {
	g := s.cur
	pp := g.p
	if len(cases) == 0 {
		if hasDefault {
			g.wait = Wake{Case: -1}
			return nil
		}
		pp.clock += s.jitter(s.cfg.Costs.ChanOp)
		s.park(WaitSelectNoCases)
		return nil
	}
	if len(cases) == 1 && !hasDefault {
		c := cases[0]
		if c.Dir == SendDir {
			return s.send(c.Ch, c.Val, 0)
		}
		s.recv(c.Ch, 0)
		return nil
	}
	pp.clock += s.jitter(s.cfg.Costs.ChanOp * int64(len(cases)))
	order := s.pollOrder(cases, hasDefault)
	for _, i := range order {
		c := cases[i]
		if c.Ch == nil {
			continue
		}
		if c.Dir == SendDir {
			if c.Ch.closed {
				return ErrSendClosed
			}
			if s.trySend(pp, g, c.Ch, c.Val, i) {
				s.emit(pp, Event{Kind: EvSelect, G: g.ID, N: int64(i)})
				return nil
			}
		} else if s.tryRecv(pp, g, c.Ch, i) {
			s.emit(pp, Event{Kind: EvSelect, G: g.ID, N: int64(i)})
			return nil
		}
	}
	if hasDefault {
		g.wait = Wake{Case: -1}
		s.emit(pp, Event{Kind: EvSelect, G: g.ID, N: -1})
		return nil
	}
	sl := &sel{g: g}
	for i, c := range cases {
		if c.Ch == nil {
			continue
		}
		sg := &sudog{g: g, elem: c.Val, sel: sl, idx: i}
		if c.Dir == SendDir {
			c.Ch.sendq.push(sg)
		} else {
			sg.elem = nil
			c.Ch.recvq.push(sg)
		}
		sl.sgs = append(sl.sgs, sg)
		sl.chs = append(sl.chs, c.Ch)
	}
	g.sel = sl
	g.wait = Wake{Case: -1}
	s.park(WaitSelect)
	return nil
}

// pollOrder is a random permutation of the cases (inside-out Fisher-Yates,
// select.go:170-196). The non-blocking forms use no randomness.
func (s *Sim) pollOrder(cases []SelectCase, hasDefault bool) []int {
	order := make([]int, len(cases))
	if len(cases) == 1 && hasDefault {
		return order
	}
	for i := range order {
		j := s.rng.IntN(i + 1)
		order[i] = order[j]
		order[j] = i
	}
	return order
}
