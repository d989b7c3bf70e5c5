package sim

import "fmt"

// Stack sizes, from stack.go (linux/amd64).
const (
	// StackMin is the stack a new G starts with (stackMin, stack.go:78).
	StackMin = 2048
	// StackGuard is how close to the end of its stack a function may get
	// before the prologue calls morestack: stackNosplit 800 + StackSmall
	// 128 (stack.go:94-102).
	StackGuard = 928
	// ThreadStack is the default stack of a Linux thread (ulimit -s, 8 MiB),
	// fixed for the thread's life: what lessons compare goroutines with.
	ThreadStack = 8 << 20
	// stackNosplit is counted as used when deciding to shrink (stack.go:94).
	stackNosplit = 800
)

// Stack is a goroutine's stack as the simulator tracks it.
type Stack struct {
	// Size is the stack's size in bytes, a power of two ≥ 2 KiB.
	Size int64
	// Used is the bytes of frames on it now.
	Used int64
	// Peak is the most ever used.
	Peak int64
}

func newStack(size int64) Stack { return Stack{Size: size} }

// startingStack is the size of a reused G's stack. With adaptive stacks
// (GODEBUG=adaptivestackstart=1, the default) it is recomputed at each GC
// from the average stack in use, rounded up to a power of two
// (gcComputeStartingStackSize, stack.go:1415-1459); 2 KiB until then.
func (s *Sim) startingStack() int64 {
	if s.startStack == 0 {
		return StackMin
	}
	return s.startStack
}

// Enter pushes a frame of the given size on the current G's stack. When the
// frame does not fit above the guard the stack doubles (copying what is in
// use to the new stack) until it does (newstack, stack.go:1055-1219). A
// stack that would pass the limit is fatal, as in the real runtime. Enter
// reports false when the run ended.
func (s *Sim) Enter(frame int64) bool {
	g := s.cur
	st := &g.Stack
	need := st.Used + frame + StackGuard
	if need > st.Size {
		size := st.Size * 2
		for size < need {
			size *= 2
		}
		if size > s.cfg.MaxStack {
			s.stackOverflow(g)
			return false
		}
		s.stats.StackGrowths++
		s.stats.StackCopied += st.Used
		s.emit(g.p, Event{Kind: EvStackGrow, G: g.ID, N: size, Other: st.Used})
		g.p.clock += st.Used / 8 // copying costs about a word a nanosecond
		st.Size = size
	}
	st.Used += frame
	st.Peak = max(st.Peak, st.Used)
	return true
}

// Leave pops a frame pushed by Enter.
func (s *Sim) Leave(frame int64) {
	st := &s.cur.Stack
	st.Used = max(st.Used-frame, 0)
}

// Overflow ends the run with the current G's stack overflow, as if its
// next frame had passed the limit: for a driver whose own stack cannot
// hold as many frames as the simulated limit allows.
func (s *Sim) Overflow() { s.stackOverflow(s.cur) }

// stackOverflow ends the run. The overflow is a throw, whose traceback
// lists the runtime's own goroutines as well (the fidelity corpus's
// stack_overflow.golden shows goroutines 2-6), unlike the fatal of a
// deadlock.
func (s *Sim) stackOverflow(g *G) {
	s.throwAll(g, fmt.Sprintf("runtime: goroutine stack exceeds %d-byte limit", s.cfg.MaxStack), "stack overflow")
}

// OutOfMemory ends the run as the runtime does when the heap cannot grow
// by ask bytes (mheap.grow, mheap.go:1577): "runtime: out of memory:
// cannot allocate N-byte block (M in use)", then the throw "out of
// memory", whose traceback lists every goroutine.
func (s *Sim) OutOfMemory(ask, inUse int64) {
	s.throwAll(s.cur, fmt.Sprintf("runtime: out of memory: cannot allocate %d-byte block (%d in use)", ask, inUse), "out of memory")
}

// throwAll ends the run with a throw of g that lists every goroutine, the
// runtime's own included, after the line pre.
func (s *Sim) throwAll(g *G, pre, msg string) {
	gs := []GInfo{s.Info(g)}
	for _, x := range s.allgs {
		if x != g && x.Status != Gdead {
			gs = append(gs, s.Info(x))
		}
	}
	s.fatal = &Fatal{Pre: []string{pre}, Msg: msg, Goroutines: gs}
	s.End()
}

// SetMaxStack sets the stack limit and returns the old one
// (runtime/debug.SetMaxStack).
func (s *Sim) SetMaxStack(n int64) int64 {
	old := s.cfg.MaxStack
	s.cfg.MaxStack = n
	return old
}

// GC runs a garbage collection: every stack using less than a quarter of
// its size is halved, down to 2 KiB (shrinkstack, stack.go:1286-1335), and
// the starting stack size is recomputed.
func (s *Sim) GC() {
	s.gcs++
	var total, n int64
	for _, g := range s.allgs {
		if g.Status == Gdead {
			continue
		}
		st := &g.Stack
		total += st.Used
		n++
		if half := st.Size / 2; half >= StackMin && st.Used+stackNosplit < st.Size/4 {
			st.Size = half
			s.emit(s.actingP(), Event{Kind: EvStackShrink, G: g.ID, N: half})
		}
	}
	s.startStack = StackMin
	if n > 0 {
		avg := total/n + StackGuard
		for s.startStack < avg {
			s.startStack *= 2
		}
	}
	s.emit(s.actingP(), Event{Kind: EvGC, N: int64(s.gcs)})
}

func (s *Sim) actingP() *P {
	if s.cur != nil {
		return s.cur.p
	}
	return nil
}
