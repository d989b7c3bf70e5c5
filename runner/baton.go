package runner

// The baton: every simulated G has one real goroutine, and only the one
// whose G the simulator names as current runs; the others wait on their
// wake channel. A G's goroutine is started lazily, the first time the
// simulator schedules it. Handing the baton over is the only way control
// moves between goroutines, so the simulator is only ever touched by one
// goroutine at a time, with a channel operation between any two.

import (
	"runtime"

	"github.com/gotour-gpm/gotour-gpm/sim"
)

// gor is the real goroutine of one simulated G.
type gor struct {
	g      *sim.G
	wake   chan struct{}
	frames []simFrame // frames pushed by Enter, popped by Leave
	level  int64      // host stack of the last level of recursion (shim.go)
	main   bool
	// panics are the G's panics in progress, oldest first; rframes its
	// running functions that call recover (panics.go).
	panics    []*panicRec
	rframes   []*recFrame
	nextFrame int
	// unwound are the functions the G's panic left so far (traceback.go).
	unwound []unwindPos
}

// me returns the goroutine holding the baton. Only that goroutine calls it.
func (r *run) me() *gor { return r.cur }

// yield is called by the goroutine holding the baton after a simulator
// operation: if the simulator chose another G, the baton moves to it and
// this goroutine waits until its G is chosen again. Nothing may read the
// simulator between pass and await: the next goroutine already runs.
func (r *run) yield(me *gor) {
	next := r.s.Current()
	if next == me.g {
		return
	}
	r.pass(next)
	r.await(me)
}

// pass hands the baton to next, or ends the run when no G can run.
func (r *run) pass(next *sim.G) {
	if next == nil {
		r.endBySim()
		return
	}
	r.step()
	gr := r.gors[next.ID]
	if gr == nil {
		gr = r.newGor(next)
		r.gors[next.ID] = gr
		r.cur = gr
		r.wg.Add(1)
		go r.runG(gr)
		return
	}
	r.cur = gr
	gr.wake <- struct{}{}
}

// await blocks until the baton comes back, or the run is torn down (kill
// wakes every goroutine). A plain receive, not a select with a kill
// channel: it is half the cost of a baton hand-off.
func (r *run) await(me *gor) {
	<-me.wake
	if r.ended.Load() {
		runtime.Goexit()
	}
}

// newGor makes the real goroutine's side of G g, registered for kill.
func (r *run) newGor(g *sim.G) *gor {
	gr := &gor{g: g, wake: make(chan struct{}, 1)}
	r.wakeMu.Lock()
	r.wakes = append(r.wakes, gr.wake)
	r.wakeMu.Unlock()
	return gr
}

// kill wakes every goroutine of the run once it has ended, so that each
// waiting one stops. Called by Run's goroutine, concurrently with the one
// holding the baton, which stops at its next shim call.
func (r *run) kill() {
	r.wakeMu.Lock()
	defer r.wakeMu.Unlock()
	for _, w := range r.wakes {
		select {
		case w <- struct{}{}:
		default: // a wake-up is already pending
		}
	}
}

// checkEnded stops the calling goroutine once the run is over: a G still
// running after the end (the one that was running when a limit hit) stops
// at its next call into the shim, and deferred calls run during teardown
// find every operation a no-op.
func (r *run) checkEnded() {
	if r.ended.Load() {
		runtime.Goexit()
	}
}

// runG is the body of a real goroutine: it runs the G's function and,
// when that returns or calls runtime.Goexit, tells the simulator the G is
// dead. An unrecovered panic ends the program. When the G returns and the
// simulator's next G has never run, the same real goroutine runs it: a
// program that starts many short goroutines reuses a few real ones, whose
// stacks have already grown, instead of starting one each.
func (r *run) runG(gr *gor) {
	defer r.wg.Done()
	for gr != nil {
		gr = r.runOne(gr)
	}
}

// runOne runs gr's function and returns the G this goroutine runs next,
// or nil.
func (r *run) runOne(gr *gor) *gor {
	returned := false
	defer func() {
		if returned || r.ended.Load() {
			return
		}
		if p := recover(); p != nil {
			r.panicked(gr, p)
			return
		}
		r.goexit(gr) // runtime.Goexit: this goroutine ends too
	}()
	if fn, _ := gr.g.Fn.(func()); fn != nil {
		fn()
	}
	returned = true
	if r.ended.Load() {
		return nil
	}
	delete(r.gors, gr.g.ID)
	r.live--
	r.s.Exit()
	next := r.s.Current()
	if next == nil || r.gors[next.ID] != nil {
		r.pass(next)
		return nil
	}
	r.step()
	ng := r.newGor(next)
	r.gors[next.ID] = ng
	r.cur = ng
	return ng
}

// goexit finishes the current G and passes the baton on; the goroutine
// then ends.
func (r *run) goexit(gr *gor) {
	delete(r.gors, gr.g.ID)
	r.live--
	r.s.Exit()
	r.pass(r.s.Current())
}
