package sim

// Channels as chan.go implements them: a ring buffer, FIFO queues of
// waiting senders and receivers, a value handed straight to a waiting
// receiver, and close waking every waiter. Values are the driver's own;
// the simulator only moves them.

// Chan is a channel.
type Chan struct {
	// ID numbers channels from 1 in order of creation.
	ID int
	// Cap is the buffer's capacity (0: unbuffered).
	Cap int
	// Timer marks a time channel: like Go 1.23+, its len and cap read 0.
	Timer bool

	buf          []any
	recvx, sendx int
	qcount       int
	closed       bool
	recvq, sendq waitq
}

// sudog is a G waiting on a channel (runtime2.go's sudog).
type sudog struct {
	g    *G
	elem any  // the value a sender offers
	sel  *sel // non-nil when the G waits in a select
	idx  int  // the select case
}

// PanicError is a run-time panic the current G must raise, with the
// runtime's exact message (these are plainErrors: no "runtime error:").
type PanicError string

func (e PanicError) Error() string { return string(e) }

// The channel panics (chan.go).
const (
	ErrSendClosed  PanicError = "send on closed channel"
	ErrCloseClosed PanicError = "close of closed channel"
	ErrCloseNil    PanicError = "close of nil channel"
	ErrMakeChan    PanicError = "makechan: size out of range"
)

// MakeChan makes a channel with the given buffer capacity.
func (s *Sim) MakeChan(capacity int) (*Chan, error) {
	if capacity < 0 {
		return nil, ErrMakeChan
	}
	c := &Chan{ID: len(s.chans) + 1, Cap: capacity, buf: make([]any, capacity)}
	s.chans = append(s.chans, c)
	s.emit(s.actingP(), Event{Kind: EvChanMake, G: gid(s.cur), Ch: c.ID, N: int64(capacity)})
	return c, nil
}

// Len is len(c): the values in its buffer (0 for a time channel).
func (c *Chan) Len() int {
	if c == nil || c.Timer {
		return 0
	}
	return c.qcount
}

// CapOf is cap(c) (0 for a time channel).
func (c *Chan) CapOf() int {
	if c == nil || c.Timer {
		return 0
	}
	return c.Cap
}

// Closed reports whether c was closed.
func (c *Chan) Closed() bool { return c != nil && c.closed }

func (c *Chan) push(v any) {
	c.buf[c.sendx] = v
	c.sendx = (c.sendx + 1) % c.Cap
	c.qcount++
}

func (c *Chan) pop() any {
	v := c.buf[c.recvx]
	c.buf[c.recvx] = nil
	c.recvx = (c.recvx + 1) % c.Cap
	c.qcount--
	return v
}

// drain empties c and reports whether it held a value.
func (c *Chan) drain() bool {
	had := c.qcount > 0
	for c.qcount > 0 {
		c.pop()
	}
	return had
}

// waitq is a FIFO of sudogs (runtime2.go's waitq). Its array is reused:
// a channel operation that blocks, in a steady state, allocates nothing.
type waitq struct {
	sgs  []*sudog
	head int
}

func (q *waitq) len() int { return len(q.sgs) - q.head }

// all returns the waiting sudogs, first first; the slice is q's own.
func (q *waitq) all() []*sudog { return q.sgs[q.head:] }

func (q *waitq) push(sg *sudog) {
	if q.head > 0 && len(q.sgs) == cap(q.sgs) {
		n := copy(q.sgs, q.sgs[q.head:])
		clear(q.sgs[n:])
		q.sgs, q.head = q.sgs[:n], 0
	}
	q.sgs = append(q.sgs, sg)
}

// remove deletes sg from q, wherever it is.
func (q *waitq) remove(sg *sudog) bool {
	for i := q.head; i < len(q.sgs); i++ {
		if q.sgs[i] == sg {
			copy(q.sgs[i:], q.sgs[i+1:])
			q.sgs[len(q.sgs)-1] = nil
			q.sgs = q.sgs[:len(q.sgs)-1]
			return true
		}
	}
	return false
}

// dequeue takes the first sudog of q; when it belongs to a select, the
// select's other sudogs leave their queues (select.go's pass 3).
func (q *waitq) dequeue() *sudog {
	if q.len() == 0 {
		return nil
	}
	sg := q.sgs[q.head]
	q.sgs[q.head] = nil
	q.head++
	if q.head == len(q.sgs) {
		q.sgs, q.head = q.sgs[:0], 0
	}
	if sg.sel != nil {
		sg.sel.done(sg)
	}
	return sg
}

// acquireSudog and releaseSudog keep a free list of the sudogs of plain
// channel operations, as the runtime's per-P sudog cache does (proc.go's
// acquireSudog): blocking allocates nothing in a steady state. The sudogs
// of a select are not reused: its other cases still point at them.
func (s *Sim) acquireSudog() *sudog {
	if n := len(s.sudogs); n > 0 {
		sg := s.sudogs[n-1]
		s.sudogs = s.sudogs[:n-1]
		return sg
	}
	return new(sudog)
}

func (s *Sim) releaseSudog(sg *sudog) {
	if sg.sel != nil {
		return
	}
	*sg = sudog{}
	s.sudogs = append(s.sudogs, sg)
}

// Send sends v on c for the current G (chansend, chan.go:176-310). A
// waiting receiver gets v directly and is readied; else v goes to the
// buffer; else the G parks until a receiver comes. It returns a PanicError
// for a send on a closed channel; a G parked in Send and then woken by close
// finds Wake.Closed set and must panic the same way.
func (s *Sim) Send(c *Chan, v any) error { return s.send(c, v, -1) }

// send is Send as case idx of a select (-1 for a plain send): a
// single-case select is a plain channel operation whose Wake still names
// case 0, also after the G parked and was woken.
func (s *Sim) send(c *Chan, v any, idx int) error {
	g := s.cur
	pp := g.p
	pp.clock += s.jitter(s.cfg.Costs.ChanOp)
	g.wait = Wake{Case: idx}
	if c == nil {
		s.park(WaitChanSendNil)
		return nil
	}
	if c.closed {
		return ErrSendClosed
	}
	if s.trySend(pp, g, c, v, idx) {
		return nil
	}
	sg := s.acquireSudog()
	sg.g, sg.elem, sg.idx = g, v, idx
	c.sendq.push(sg)
	s.emit(pp, Event{Kind: EvSend, G: g.ID, Ch: c.ID, N: int64(c.qcount), Detail: "block"})
	s.park(WaitChanSend)
	return nil
}

// trySend completes a send on an open channel if it can without blocking.
func (s *Sim) trySend(pp *P, g *G, c *Chan, v any, idx int) bool {
	if sg := c.recvq.dequeue(); sg != nil {
		rg := sg.g
		rg.wait = Wake{Value: v, OK: true, Case: sg.idx}
		s.releaseSudog(sg)
		g.wait = Wake{Case: idx}
		s.hbHandoff(c, g, rg)
		s.emit(pp, Event{Kind: EvSend, G: g.ID, Ch: c.ID, Other: rg.ID, N: int64(c.qcount), Detail: "handoff"})
		s.ready(pp, rg)
		return true
	}
	if c.qcount < c.Cap {
		s.hbBufSend(c, g)
		c.push(v)
		g.wait = Wake{Case: idx}
		s.emit(pp, Event{Kind: EvSend, G: g.ID, Ch: c.ID, N: int64(c.qcount)})
		return true
	}
	return false
}

// Recv receives from c for the current G (chanrecv, chan.go:524-700). The
// result is in the G's Wake (see [Sim.Woken]) once the G runs again: at
// once if a value or close was there, else after it parks.
func (s *Sim) Recv(c *Chan) { s.recv(c, -1) }

// recv is Recv as case idx of a select (-1 for a plain receive).
func (s *Sim) recv(c *Chan, idx int) {
	g := s.cur
	pp := g.p
	pp.clock += s.jitter(s.cfg.Costs.ChanOp)
	g.wait = Wake{Case: idx}
	if c == nil {
		s.park(WaitChanReceiveNil)
		return
	}
	if s.tryRecv(pp, g, c, idx) {
		return
	}
	sg := s.acquireSudog()
	sg.g, sg.idx = g, idx
	c.recvq.push(sg)
	s.emit(pp, Event{Kind: EvRecv, G: g.ID, Ch: c.ID, Detail: "block"})
	s.park(WaitChanReceive)
}

// tryRecv completes a receive if it can without blocking.
func (s *Sim) tryRecv(pp *P, g *G, c *Chan, idx int) bool {
	if c.closed && c.qcount == 0 {
		s.hbAcquire(g, c, hbClosed)
		g.wait = Wake{Case: idx}
		s.emit(pp, Event{Kind: EvRecv, G: g.ID, Ch: c.ID, Detail: "closed"})
		return true
	}
	if sg := c.sendq.dequeue(); sg != nil {
		// recv (chan.go:702-746): unbuffered takes the sender's value;
		// a full buffer gives its head and takes the sender's value at
		// the tail.
		v := sg.elem
		if c.Cap > 0 {
			v = c.buf[c.recvx]
			c.buf[c.recvx] = sg.elem
			c.recvx = (c.recvx + 1) % c.Cap
			c.sendx = c.recvx
		}
		g.wait = Wake{Value: v, OK: true, Case: idx}
		sgg := sg.g
		sgg.wait = Wake{Case: sg.idx}
		s.hbHandoff(c, g, sgg)
		s.releaseSudog(sg)
		s.emit(pp, Event{Kind: EvRecv, G: g.ID, Ch: c.ID, Other: sgg.ID, N: int64(c.qcount), Detail: "handoff"})
		s.ready(pp, sgg)
		return true
	}
	if c.qcount > 0 {
		s.hbBufRecv(c, g)
		v := c.pop()
		g.wait = Wake{Value: v, OK: true, Case: idx}
		s.emit(pp, Event{Kind: EvRecv, G: g.ID, Ch: c.ID, N: int64(c.qcount)})
		return true
	}
	return false
}

// timerSend delivers a time channel's value without blocking: to a waiting
// receiver, else into the one-slot buffer, else it is dropped (a ticker
// that nobody reads).
func (s *Sim) timerSend(pp *P, c *Chan, v any) {
	if c.closed {
		return
	}
	if sg := c.recvq.dequeue(); sg != nil {
		rg := sg.g
		rg.wait = Wake{Value: v, OK: true, Case: sg.idx}
		s.releaseSudog(sg)
		s.emit(pp, Event{Kind: EvSend, Ch: c.ID, Other: rg.ID, Detail: "timer"})
		s.ready(pp, rg)
		return
	}
	if c.qcount < c.Cap {
		c.push(v)
	}
}

// Close closes c for the current G (closechan, chan.go:414-487). Every
// waiting receiver gets the zero value and every waiting sender will panic;
// they are collected FIFO into a LIFO list and readied in that list's
// order, so the first waiter ends in runnext and runs first, then the rest
// in reverse.
func (s *Sim) Close(c *Chan) error {
	g := s.cur
	pp := g.p
	pp.clock += s.jitter(s.cfg.Costs.ChanOp)
	if c == nil {
		return ErrCloseNil
	}
	if c.closed {
		return ErrCloseClosed
	}
	c.closed = true
	s.hbRelease(g, c, hbClosed)
	s.stats.Closes++
	s.emit(pp, Event{Kind: EvClose, G: g.ID, Ch: c.ID, N: int64(c.recvq.len() + c.sendq.len())})
	var list []*G
	for sg := c.recvq.dequeue(); sg != nil; sg = c.recvq.dequeue() {
		sg.g.wait = Wake{Case: sg.idx}
		s.hbAcquire(sg.g, c, hbClosed)
		list = append(list, sg.g)
		s.releaseSudog(sg)
	}
	for sg := c.sendq.dequeue(); sg != nil; sg = c.sendq.dequeue() {
		sg.g.wait = Wake{Closed: true, Case: sg.idx}
		list = append(list, sg.g)
		s.releaseSudog(sg)
	}
	for i := len(list) - 1; i >= 0; i-- {
		s.ready(pp, list[i])
	}
	return nil
}

// Woken returns what the current G found when it last completed a channel
// operation, select or sleep.
func (s *Sim) Woken() Wake { return s.cur.wait }

// Chans returns every channel made so far, by ID.
func (s *Sim) Chans() []*Chan { return s.chans }
