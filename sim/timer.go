package sim

import "math"

// Timers live in a heap on the P that created them, as in Go 1.23+
// (time.go). They run when their P looks for work (findRunnable), when an
// idle P is woken for the earliest timer, or when another P steals them in
// the last pass of stealWork.

type timerKind uint8

const (
	timerSleep timerKind = iota // time.Sleep: ready the G
	timerChan                   // time.After, Timer, Ticker: send on the channel
	timerFunc                   // time.AfterFunc: start a G running Fn
)

// Timer is a pending timer, as returned by [Sim.NewTimer].
type Timer struct {
	when   int64
	period int64
	seq    int64
	kind   timerKind
	g      *G
	ch     *Chan
	value  func(now int64) any // what a channel timer sends
	fn     any
	pp     *P
	idx    int // position in pp.timers, -1 when not pending
}

// Pending reports whether the timer has not fired or been stopped.
func (t *Timer) Pending() bool { return t.idx >= 0 }

// timerHeap is a binary heap of timers ordered by (when, seq).
type timerHeap struct{ ts []*Timer }

func (h *timerHeap) len() int { return len(h.ts) }

func (h *timerHeap) less(i, j int) bool {
	a, b := h.ts[i], h.ts[j]
	return a.when < b.when || (a.when == b.when && a.seq < b.seq)
}

func (h *timerHeap) swap(i, j int) {
	h.ts[i], h.ts[j] = h.ts[j], h.ts[i]
	h.ts[i].idx, h.ts[j].idx = i, j
}

func (h *timerHeap) push(t *Timer) {
	t.idx = len(h.ts)
	h.ts = append(h.ts, t)
	h.up(t.idx)
}

func (h *timerHeap) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !h.less(i, p) {
			return
		}
		h.swap(i, p)
		i = p
	}
}

func (h *timerHeap) down(i int) {
	n := len(h.ts)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		c := l
		if r := l + 1; r < n && h.less(r, l) {
			c = r
		}
		if !h.less(c, i) {
			return
		}
		h.swap(i, c)
		i = c
	}
}

func (h *timerHeap) remove(t *Timer) {
	i := t.idx
	last := len(h.ts) - 1
	if i != last {
		h.swap(i, last)
	}
	h.ts = h.ts[:last]
	t.idx = -1
	if i != last {
		h.down(i)
		h.up(i)
	}
}

func (h *timerHeap) min() *Timer {
	if len(h.ts) == 0 {
		return nil
	}
	return h.ts[0]
}

// addTimer arms t on the current G's P.
func (s *Sim) addTimer(t *Timer) {
	pp := s.cur.p
	t.pp = pp
	// Timers have their own sequence, so that event numbers stay dense
	// (Stats.Events, Event.Seq).
	t.seq = s.tseq
	s.tseq++
	pp.timers.push(t)
	s.lowerHorizon(t.when)
}

// checkTimers runs owner's expired timers on behalf of pp, at pp's clock.
// Models timers.check (time.go:1009-1064).
func (s *Sim) checkTimers(pp, owner *P) {
	for {
		t := owner.timers.min()
		if t == nil || t.when > pp.clock {
			return
		}
		owner.timers.remove(t)
		s.fire(pp, t)
	}
}

// fire runs one timer on pp.
func (s *Sim) fire(pp *P, t *Timer) {
	switch t.kind {
	case timerSleep:
		s.emit(pp, Event{Kind: EvTimerFire, G: t.g.ID, Detail: "sleep"})
		t.g.timer = nil
		s.ready(pp, t.g)
	case timerChan:
		s.emit(pp, Event{Kind: EvTimerFire, Ch: t.ch.ID, Detail: "chan"})
		s.timerSend(pp, t.ch, t.value(t.when))
		if t.period > 0 {
			t.when += t.period
			if t.when <= pp.clock {
				// A ticker that fell behind skips ticks, as the runtime does.
				t.when = pp.clock + t.period - (pp.clock-t.when)%t.period
			}
			t.pp = pp
			pp.timers.push(t)
		}
	case timerFunc:
		s.emit(pp, Event{Kind: EvTimerFire, Detail: "func"})
		s.hbTimerFire(t, s.spawn(pp, 0, t.fn))
	}
}

// earliestTimer is the first pending timer that an idle P must be woken
// for. The timers of a P whose M is about to start (a pending wakep or
// handoff) are left out: that M runs them itself when it looks for work.
// Waking another P for them can loop for ever at one virtual time, as
// that P may not steal (maySpin) while the other M spins.
func (s *Sim) earliestTimer() *Timer {
	var best *Timer
	for _, pp := range s.allp {
		if pp.status == pRunning && pp.curg == nil {
			continue
		}
		t := pp.timers.min()
		if t != nil && (best == nil || t.when < best.when || (t.when == best.when && t.seq < best.seq)) {
			best = t
		}
	}
	return best
}

// Sleep parks the current G for d nanoseconds of virtual time
// (time.Sleep → timeSleep, time.go:330-366). d ≤ 0 returns at once.
func (s *Sim) Sleep(d int64) {
	if d <= 0 {
		return
	}
	g := s.cur
	t := &Timer{when: addClock(g.p.clock, d), kind: timerSleep, g: g}
	g.timer = t
	s.addTimer(t)
	s.park(WaitSleep)
}

// addClock is clock+d, saturated: time.Sleep(math.MaxInt64) sleeps for
// ever (as when in the runtime, time.go's when), it does not wrap around
// to the past and return at once.
func addClock(clock, d int64) int64 {
	if d > 0 && clock > math.MaxInt64-d {
		return math.MaxInt64
	}
	return clock + max(d, 0)
}

// NewTimer arms a timer that sends value(when) on c after d ns, and then
// every period ns if period > 0 (time.NewTimer, time.After, time.NewTicker).
// A one-shot timer of d <= 0 has expired already: since Go 1.23 a receive
// from its channel runs an expired timer at once (maybeRunChan,
// time.go), so its value is there for a select with a default.
func (s *Sim) NewTimer(c *Chan, d, period int64, value func(when int64) any) *Timer {
	t := &Timer{when: addClock(s.cur.p.clock, d), period: period, kind: timerChan, ch: c, value: value, idx: -1}
	if d <= 0 && period <= 0 {
		t.pp = s.cur.p
		s.fire(s.cur.p, t)
		return t
	}
	s.addTimer(t)
	return t
}

// AfterFunc arms a timer that starts a new G with fn after d ns.
func (s *Sim) AfterFunc(d int64, fn any) *Timer {
	t := &Timer{when: addClock(s.cur.p.clock, d), kind: timerFunc, fn: fn}
	s.hbTimerArm(t)
	s.addTimer(t)
	return t
}

// StopTimer stops t and reports whether it was pending. As in Go 1.23+,
// where a timer's channel is unbuffered and the value is made only when a
// receiver takes it, a value already sent by a channel timer but not yet
// received is discarded, and the timer counts as pending: Stop returns
// true (time.go, Timer.Stop).
func (s *Sim) StopTimer(t *Timer) bool {
	pending := t.idx >= 0
	if pending {
		t.pp.timers.remove(t)
	}
	if t.ch != nil && t.ch.drain() {
		pending = true
	}
	return pending
}

// ResetTimer re-arms t to fire d ns from now (and every period ns if > 0).
func (s *Sim) ResetTimer(t *Timer, d, period int64) bool {
	pending := s.StopTimer(t)
	t.when = addClock(s.cur.p.clock, d)
	t.period = period
	s.hbTimerArm(t)
	if t.kind == timerChan && d <= 0 && period <= 0 {
		t.pp = s.cur.p
		s.fire(s.cur.p, t) // expired at once, as in NewTimer
		return pending
	}
	s.addTimer(t)
	return pending
}
