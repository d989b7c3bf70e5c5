package runner

// The shim: the compiled functions that rewritten programs and the shadow
// packages call at every scheduling point, exported to yaegi as the package
// "gotour.gpm/rt". Each run gets its own closures over its own state, so
// runs share nothing.

import (
	"reflect"
	"runtime"
	"unsafe"

	"github.com/gotour-gpm/gotour-gpm/sim"
)

// Case is one case of a rewritten select statement.
type Case struct {
	Dir int // SendDir or RecvDir
	Ch  any // the channel (a nil channel never proceeds)
	Val any // for a send: a pointer to the value
}

// Directions of a select case.
const (
	SendDir = 1
	RecvDir = 2
)

// chanRec ties a real channel, used only as an identity, to its simulated
// channel.
type chanRec struct {
	c    *sim.Chan
	elem reflect.Type
}

// op starts a shim call: it stops a G that outlived the run and counts the
// step against the limit.
func (r *run) op() *gor {
	r.checkEnded()
	r.steps++
	if r.steps > r.limits.Steps {
		r.end(OutcomeSteps, 0, "")
		runtime.Goexit()
	}
	return r.cur
}

// after ends an operation: the baton moves if the simulator chose another
// G, and a G parked in a lock-like operation carries it on until done.
func (r *run) after(me *gor) {
	r.yield(me)
	r.checkEnded()
	r.checkVirtual()
}

// checkVirtual ends the run when virtual time passed its limit (a long
// sleep jumps the clock without any statement running).
func (r *run) checkVirtual() {
	if r.s.Now() > r.limits.VirtualTime {
		r.end(OutcomeVirtualTime, 0, "")
		runtime.Goexit()
	}
}

func (r *run) block(me *gor, done bool) {
	for !done {
		r.after(me)
		done = r.s.Continue()
	}
	r.after(me)
}

// raise panics in the current G with a runtime panic value.
func (r *run) raise(err error) {
	r.raiseValue(runtimeError{err.Error()})
}

// RuntimeError is runtime.Error, the interface of the run-time errors the
// shim raises. The shadow runtime declares runtime.Error as an alias of it.
type RuntimeError interface {
	error
	RuntimeError()
}

// runtimeError is a panic the simulated runtime raises, such as "send on
// closed channel". Like the runtime's plainError it implements error.
type runtimeError struct{ msg string }

func (e runtimeError) Error() string  { return e.msg }
func (e runtimeError) RuntimeError()  {}
func (e runtimeError) String() string { return e.msg }

// chanOf returns the simulated channel behind ch, making it on first use.
func (r *run) chanOf(ch any) *chanRec {
	v := reflect.ValueOf(ch)
	if !v.IsValid() || v.IsNil() {
		return nil
	}
	key := v.Pointer()
	if rec := r.chans[key]; rec != nil {
		return rec
	}
	c, _ := r.s.MakeChan(v.Cap())
	rec := &chanRec{c: c, elem: v.Type().Elem()}
	r.chans[key] = rec
	r.keep = append(r.keep, ch)
	return rec
}

func (rec *chanRec) sim() *sim.Chan {
	if rec == nil {
		return nil
	}
	return rec.c
}

// zero returns a pointer to a new zero value of the channel's element type.
func (rec *chanRec) zero() any { return reflect.New(rec.elem).Interface() }

// loopTick is the tick a loop body's first channel operation carries
// (SendT, RecvT, Recv2T): the same step as a separate Tick(n).
func (r *run) loopTick(me *gor, n int) {
	r.steps++
	r.s.Tick(n)
	r.checkVirtual()
	if r.s.Current() != me.g {
		r.after(me)
	}
}

func (r *run) send(ch, p any) { r.sendT(ch, p, 0) }

func (r *run) sendT(ch, p any, n int) {
	me := r.op()
	if n > 0 {
		r.loopTick(me, n)
	}
	rec := r.chanOf(ch)
	if err := r.s.Send(rec.sim(), p); err != nil {
		r.raise(err)
	}
	r.after(me)
	if r.s.Woken().Closed {
		r.raise(sim.ErrSendClosed)
	}
}

func (r *run) recv2(ch any) (any, bool) { return r.recv2T(ch, 0) }

func (r *run) recv2T(ch any, n int) (any, bool) {
	me := r.op()
	if n > 0 {
		r.loopTick(me, n)
	}
	rec := r.chanOf(ch)
	r.s.Recv(rec.sim())
	r.after(me)
	w := r.s.Woken()
	if !w.OK {
		return rec.zero(), false
	}
	return w.Value, true
}

func (r *run) recv(ch any) any {
	v, _ := r.recv2T(ch, 0)
	return v
}

func (r *run) recvT(ch any, n int) any {
	v, _ := r.recv2T(ch, n)
	return v
}

func (r *run) close(ch any) {
	r.op()
	if err := r.s.Close(r.chanOf(ch).sim()); err != nil {
		r.raise(err)
	}
}

func (r *run) chanLen(ch any) int { return r.chanOf(ch).sim().Len() }
func (r *run) chanCap(ch any) int {
	v := reflect.ValueOf(ch)
	if !v.IsValid() || v.IsNil() {
		return 0
	}
	return r.chanOf(ch).sim().CapOf()
}

func (r *run) selectCases(cases []Case, hasDefault bool) (int, any, bool) {
	me := r.op()
	sc := make([]sim.SelectCase, len(cases))
	recs := make([]*chanRec, len(cases))
	for i, c := range cases {
		recs[i] = r.chanOf(c.Ch)
		sc[i] = sim.SelectCase{Dir: sim.Dir(c.Dir), Ch: recs[i].sim(), Val: c.Val}
	}
	if err := r.s.Select(sc, hasDefault); err != nil {
		r.raise(err)
	}
	r.after(me)
	w := r.s.Woken()
	if w.Case < 0 {
		return -1, nil, false
	}
	c := cases[w.Case]
	if c.Dir == SendDir {
		if w.Closed {
			r.raise(sim.ErrSendClosed)
		}
		return w.Case, nil, false
	}
	if !w.OK {
		return w.Case, recs[w.Case].zero(), false
	}
	return w.Case, w.Value, true
}

// spawn is a go statement of a shadow package.
func (r *run) spawn(f func()) { r.spawnSite(f, nil) }

// spawnSite is the go statement at site (nil for one of a shadow package).
func (r *run) spawnSite(f func(), site *goSite) {
	me := r.op()
	if r.live >= r.limits.Goroutines {
		r.end(OutcomeGoroutines, 0, "")
		runtime.Goexit()
	}
	r.live++
	g := r.s.Go(f)
	if site != nil {
		r.gsites[g.ID] = site
	}
	r.raceSpawned(g)
	r.after(me)
}

// tick is a loop back-edge or function entry: n statements of work.
func (r *run) tick(n int) {
	if r.dying {
		return // a dying G's Error method, called to print its panic
	}
	me := r.op()
	r.s.Tick(n)
	r.checkVirtual()
	if r.s.Current() != me.g {
		r.after(me)
	}
}

// yaegi runs an interpreted call on the host goroutine's own stack, about
// 1 KiB a level for a plain call and several for one through reflection
// (a String method called by fmt), so a recursion the simulated 1 GB
// stack lets run for millions of levels would kill the process with a
// real stack overflow, or take gigabytes, long before. enter measures the
// host stack each level of recursion takes, and past Limits.Stack the G
// dies of the simulated overflow instead.

// maxLevel is the most host stack one level of recursion is believed to
// take; a larger difference between two frames means the host stack was
// moved (copied to a larger one) in between.
const maxLevel = 256 << 10

// simFrame is a frame of a recursive function: its simulated size, and
// where Enter ran on the host stack and how much of it the G's recursive
// frames took up to there.
type simFrame struct {
	size int64
	sp   uintptr
	used int64
}

// enter and leave track the frames of recursive functions on the
// simulated stack; growing past the limit is the runtime's fatal error.
func (r *run) enter(frame int) {
	me := r.op()
	var here byte
	sp := uintptr(unsafe.Pointer(&here))
	used := int64(0)
	if n := len(me.frames); n > 0 {
		prev := me.frames[n-1]
		level := int64(prev.sp) - int64(sp)
		if level <= 0 || level > maxLevel {
			level = me.level // the stack moved: as the last level measured
		}
		me.level = level
		used = prev.used + level
	}
	if used > r.limits.Stack {
		r.s.Overflow()
		r.after(me)
		return
	}
	if !r.s.Enter(int64(frame)) {
		r.after(me)
		return
	}
	me.frames = append(me.frames, simFrame{size: int64(frame), sp: sp, used: used})
}

func (r *run) leave() {
	if r.ended.Load() {
		return
	}
	me := r.cur
	if n := len(me.frames); n > 0 {
		r.s.Leave(me.frames[n-1].size)
		me.frames = me.frames[:n-1]
	}
}

// obj returns the simulator object behind a shadow sync value, keyed by the
// value's address, making it with mk on first use.
func obj[T any](r *run, key any) *T {
	k := reflect.ValueOf(key).Pointer()
	if o, ok := r.objs[k].(*T); ok {
		return o
	}
	o := new(T)
	r.objs[k] = o
	r.keep = append(r.keep, key)
	return o
}
