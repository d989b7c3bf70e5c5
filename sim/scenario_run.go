package sim

// The scenario interpreter: a driver that runs a Scenario on a Sim the way
// the runner runs a program. Its loop is the runner's contract with the
// Sim:
//
//	for {
//		g := s.Current()          // who runs now; nil: the run is over
//		if g == nil { break }
//		if g stopped part-way through a Work {
//			rest = s.Work(rest)           // carry on with what is left
//		} else if g has an operation in progress {
//			if !s.Continue() { continue } // parked again (Lock, RWLock)
//			finish it: read s.Woken() (recv, select, a woken sender)
//		} else {
//			execute g's next statement: one Sim call; a blocking call
//			parks g, and s.Current() names another G afterwards
//		}
//	}
//
// When main's body ends the driver calls s.MainReturn; when another G's
// body ends, s.Exit.

import (
	"fmt"
	"strconv"
	"strings"
)

// Outcome is how a scenario's run ended: what it printed, as a program's
// stdout and stderr, and its exit status.
type Outcome struct {
	// Stdout is the program's output, one line a print.
	Stdout string
	// Stderr is what the runtime printed at a panic or a fatal error, in
	// the normalised form of runner/testdata/fidelity: the panic or fatal
	// lines and the goroutine headers ("goroutine 1 [chan receive]:").
	Stderr string
	// Exit is the exit status: 0, 2 for a panic or fatal error, an
	// os.Exit code, or -1 when the step bound stopped the run.
	Exit int
	// Steps is how many driver steps ran.
	Steps int
	// Sim is the machine after the run, for its trace and state.
	Sim *Sim
}

// gstate is a G's place in its scenario function.
type gstate struct {
	fn      *sfunc
	pc      int
	loops   []int // iteration counters of the enclosing loops
	arg     string
	v       string
	ok      bool
	cas     int
	pending *sop  // the blocking statement the G is in, if any
	work    int64 // ns of a work statement still to do (Sim.Work)
	main    bool
}

// srun is one run of a scenario.
type srun struct {
	sc      *Scenario
	s       *Sim
	chans   []*Chan
	mutexes []Mutex
	rws     []RWMutex
	wgs     []WaitGroup
	conds   []Cond
	timers  []*Timer
	out     strings.Builder
	errOut  strings.Builder
	exit    int
	cases   []SelectCase // reused by select
}

// Run runs the scenario on a new Sim built from sc.Config and returns how
// it ended. Run never panics on a well-formed scenario unless
// Config.Debug finds a broken invariant, which is a bug in the simulator.
func (sc *Scenario) Run() Outcome { return sc.run(nil) }

// run runs the scenario, calling step (if not nil) before each driver
// step; the run stops there, as it is, when step returns false.
func (sc *Scenario) run(step func(*Sim) bool) Outcome {
	r := &srun{
		sc:      sc,
		s:       New(sc.Config),
		chans:   make([]*Chan, len(sc.names[nsChan])),
		mutexes: make([]Mutex, len(sc.names[nsMutex])),
		rws:     make([]RWMutex, len(sc.names[nsRW])),
		wgs:     make([]WaitGroup, len(sc.names[nsWG])),
		conds:   make([]Cond, len(sc.names[nsCond])),
		timers:  make([]*Timer, len(sc.names[nsTimer])),
	}
	s := r.s
	s.Current().Fn = &gstate{fn: sc.funcs[sc.mainIndex()], main: true}
	maxSteps := sc.MaxSteps
	if maxSteps <= 0 {
		maxSteps = 1_000_000
	}
	steps := 0
	for {
		g := s.Current()
		if g == nil {
			break
		}
		if steps >= maxSteps {
			r.exit = -1
			fmt.Fprintf(&r.errOut, "step limit %d reached\n", maxSteps)
			s.End()
			break
		}
		if step != nil && !step(s) {
			break
		}
		steps++
		st := g.Fn.(*gstate)
		if st.work > 0 {
			// The G stopped part-way through a work statement (another P's
			// turn, or a preemption): it carries on with the rest.
			st.work = s.Work(st.work)
			continue
		}
		if st.pending != nil {
			if !s.Continue() {
				continue
			}
			op := st.pending
			st.pending = nil
			r.finish(g, st, op)
			continue
		}
		r.exec(g, st)
	}
	if f := s.Fatal(); f != nil && r.exit == 0 {
		r.fatal(f)
	}
	return Outcome{Stdout: r.out.String(), Stderr: r.errOut.String(), Exit: r.exit, Steps: steps, Sim: s}
}

func (sc *Scenario) mainIndex() int {
	for i, n := range sc.names[nsFunc] {
		if n == "main" {
			return i
		}
	}
	return 0
}

// exec runs g's next statement.
func (r *srun) exec(g *G, st *gstate) {
	s := r.s
	if st.pc >= len(st.fn.code) {
		r.ret(st)
		return
	}
	op := &st.fn.code[st.pc]
	st.pc++
	switch op.kind {
	case opGo:
		s.Go(&gstate{fn: r.sc.funcs[op.a], arg: r.expand(g, st, op.text)})
	case opMake:
		c, _ := s.MakeChan(int(op.n))
		r.chans[op.a] = c
	case opSend:
		r.panicIf(g, s.Send(r.chans[op.a], r.value(g, st, op.text)))
		st.pending = op
	case opRecv:
		s.Recv(r.chans[op.a])
		st.pending = op
	case opClose:
		r.panicIf(g, s.Close(r.chans[op.a]))
	case opSelect:
		r.selectOp(g, st, op)
	case opLock:
		s.Lock(&r.mutexes[op.a])
		st.pending = op
	case opUnlock:
		r.fatalIf(s.Unlock(&r.mutexes[op.a]))
	case opTryLock:
		st.ok = s.TryLock(&r.mutexes[op.a])
	case opRLock:
		s.RLock(&r.rws[op.a])
		st.pending = op
	case opRUnlock:
		r.fatalIf(s.RUnlock(&r.rws[op.a]))
	case opWLock:
		s.RWLock(&r.rws[op.a])
		st.pending = op
	case opWUnlock:
		r.fatalIf(s.RWUnlock(&r.rws[op.a]))
	case opAdd:
		r.panicIf(g, s.Add(&r.wgs[op.a], int(op.n)))
	case opDone:
		r.panicIf(g, s.Add(&r.wgs[op.a], -1))
	case opWait:
		s.Wait(&r.wgs[op.a])
		st.pending = op
	case opCondWait:
		// sync.Cond.Wait: unlock L, wait, lock L again (finish).
		if r.fatalIf(s.Unlock(&r.mutexes[op.b])) {
			return
		}
		s.CondWait(&r.conds[op.a])
		st.pending = op
	case opSignal:
		s.Signal(&r.conds[op.a])
	case opBroadcast:
		s.Broadcast(&r.conds[op.a])
	case opVarRead, opVarWrite, opVarAtomic:
		r.access(op)
	default:
		r.execMore(g, st, op)
	}
}

// execMore runs the statements that exec does not: time, CPU, the
// runtime package, and control flow.
func (r *srun) execMore(g *G, st *gstate, op *sop) {
	s := r.s
	switch op.kind {
	case opSleep:
		s.Sleep(op.n)
	case opAfter:
		c, _ := s.MakeChan(1)
		c.Timer = true
		s.NewTimer(c, op.n, 0, func(when int64) any { return strconv.FormatInt(when, 10) })
		r.chans[op.a] = c
	case opAfterFunc:
		r.timers[op.a] = s.AfterFunc(op.n, &gstate{fn: r.sc.funcs[op.b]})
	case opStop:
		st.ok = r.timers[op.a] != nil && s.StopTimer(r.timers[op.a])
	case opWork:
		st.work = s.Work(op.n)
	case opTick:
		s.Tick(int(op.n))
	case opGosched:
		s.Gosched()
	case opSyscall:
		s.Syscall(op.n)
	case opPrint:
		r.out.WriteString(r.expand(g, st, op.text))
		r.out.WriteByte('\n')
		s.Syscall(s.Config().Costs.Syscall)
	case opEnter:
		s.Enter(op.n)
	case opLeave:
		s.Leave(op.n)
	case opGC:
		s.GC()
	case opProcs:
		st.v = strconv.Itoa(s.SetMaxProcs(int(op.n)))
	case opMaxStack:
		s.SetMaxStack(op.n)
	case opGoexit:
		s.Exit()
	case opExit:
		r.exit = int(op.n)
		s.End()
	case opPanic:
		r.panicIf(g, PanicError(r.expand(g, st, op.text)))
	case opReturn:
		r.ret(st)
	default:
		r.flow(g, st, op)
	}
}

// flow runs the control-flow statements.
func (r *srun) flow(g *G, st *gstate, op *sop) {
	code := st.fn.code
	switch op.kind {
	case opLoop:
		if op.n == 0 {
			st.pc = op.a + 1
			return
		}
		// A range loop counts its iterations as it receives: from -1.
		i := 0
		if code[st.pc].kind == opRange {
			i = -1
		}
		st.loops = append(st.loops, i)
	case opRange:
		r.s.Recv(r.chans[op.b])
		st.pending = op
	case opEnd:
		head := &code[op.a]
		st.pc = op.a + 1
		if code[st.pc].kind == opRange {
			return // receive again
		}
		n := len(st.loops) - 1
		st.loops[n]++
		if head.n >= 0 && int64(st.loops[n]) >= head.n {
			st.loops = st.loops[:n]
			st.pc = head.a + 1
		}
	case opIf:
		eq := r.expand(g, st, op.text) == r.expand(g, st, op.text2)
		if eq == op.neq {
			st.pc = op.a
		}
	case opJump:
		st.pc = op.a
	case opBreak:
		st.loops = st.loops[:len(st.loops)-1]
		st.pc = code[op.b].a + 1
	case opContinue:
		st.pc = code[op.b].a
	}
}

// finish completes a blocking statement once its G runs again: it reads
// what the G was woken with.
func (r *srun) finish(g *G, st *gstate, op *sop) {
	s := r.s
	w := s.Woken()
	switch op.kind {
	case opSend:
		if w.Closed {
			r.panicIf(g, ErrSendClosed)
		}
	case opRecv:
		st.v, st.ok = wakeValue(w), w.OK
	case opRange:
		if !w.OK {
			st.loops = st.loops[:len(st.loops)-1]
			st.pc = op.a + 1
			return
		}
		st.v, st.ok = wakeValue(w), true
		st.loops[len(st.loops)-1]++
	case opSelect:
		if w.Closed {
			r.panicIf(g, ErrSendClosed)
			return
		}
		st.v, st.ok = wakeValue(w), w.OK
		st.cas = r.writtenCase(op, w.Case)
	case opCondWait:
		s.Lock(&r.mutexes[op.b])
		st.pending = &sop{kind: opLock, a: op.b, line: op.line}
	}
}

// wakeValue is the value a receive got: the text sent, or "0", the zero
// value, from a closed channel.
func wakeValue(w Wake) string {
	if v, ok := w.Value.(string); ok {
		return v
	}
	return "0"
}

// selectOp runs a select statement; the Sim numbers the cases without
// default, $case numbers them as written.
func (r *srun) selectOp(g *G, st *gstate, op *sop) {
	r.cases = r.cases[:0]
	hasDefault := false
	for _, c := range op.cases {
		if c.dir == 0 {
			hasDefault = true
			continue
		}
		sc := SelectCase{Dir: c.dir, Ch: r.chans[c.ch]}
		if c.dir == SendDir {
			sc.Val = r.value(g, st, c.text)
		}
		r.cases = append(r.cases, sc)
	}
	if r.panicIf(g, r.s.Select(r.cases, hasDefault)) {
		return
	}
	st.pending = op
}

// writtenCase maps the Sim's case index (-1 for default) to the index of
// the case as written.
func (r *srun) writtenCase(op *sop, i int) int {
	k := 0
	for j, c := range op.cases {
		if c.dir == 0 {
			if i < 0 {
				return j
			}
			continue
		}
		if k == i {
			return j
		}
		k++
	}
	return -1
}

// ret ends the G's function: main returning ends the program.
func (r *srun) ret(st *gstate) {
	if st.main {
		r.s.MainReturn()
		return
	}
	r.s.Exit()
}

// panicIf makes the current G panic with err, if not nil: the panic is not
// recovered, so the program prints it and exits with status 2.
func (r *srun) panicIf(g *G, err error) bool {
	if err == nil {
		return false
	}
	if r.s.Exited() || r.s.Current() != g {
		// A parked G cannot panic; the Sim returns errors only before
		// parking, so this does not happen.
		return true
	}
	fmt.Fprintf(&r.errOut, "panic: %s\ngoroutine %d [running]:\n", err.Error(), g.ID)
	r.exit = 2
	r.s.End()
	return true
}

// fatalIf ends the run with the runtime's fatal error msg, if not empty
// (such as "sync: unlock of unlocked mutex"): fatal lists every user
// goroutine, the current one first.
func (r *srun) fatalIf(msg string) bool {
	if msg == "" {
		return false
	}
	r.fatal(&Fatal{Msg: msg, Goroutines: r.s.Traceback()})
	r.s.End()
	return true
}

func (r *srun) fatal(f *Fatal) {
	for _, l := range f.Pre {
		r.errOut.WriteString(l + "\n")
	}
	r.errOut.WriteString(f.Error() + "\n")
	for _, gi := range f.Goroutines {
		r.errOut.WriteString(gi.Header() + "\n")
	}
	r.exit = 2
}

// value is the value a send of t sends.
func (r *srun) value(g *G, st *gstate, t text) any {
	if len(t) == 1 && t[0].v == varNone {
		return t[0].box
	}
	return r.expand(g, st, t)
}

// expand writes t with its variables replaced.
func (r *srun) expand(g *G, st *gstate, t text) string {
	switch {
	case len(t) == 0:
		return ""
	case len(t) == 1 && t[0].v == varNone:
		return t[0].lit
	case len(t) == 1:
		return r.variable(g, st, t[0])
	}
	var b strings.Builder
	for _, p := range t {
		b.WriteString(r.variable(g, st, p))
	}
	return b.String()
}

// variable is the text of one part of a text.
func (r *srun) variable(g *G, st *gstate, p textPart) string {
	switch p.v {
	case varI:
		if n := len(st.loops); n > 0 {
			return strconv.Itoa(st.loops[n-1])
		}
		return ""
	case varArg:
		return st.arg
	case varV:
		return st.v
	case varOK:
		return strconv.FormatBool(st.ok)
	case varCase:
		return strconv.Itoa(st.cas)
	case varG:
		return strconv.FormatInt(g.ID, 10)
	case varProcs:
		return strconv.Itoa(r.s.GOMAXPROCS())
	case varLen:
		return strconv.Itoa(r.chans[p.ch].Len())
	case varCap:
		return strconv.Itoa(r.chans[p.ch].CapOf())
	case varNumG:
		return strconv.Itoa(r.s.NumGoroutine())
	case varStack:
		return strconv.FormatInt(g.Stack.Size, 10)
	}
	return p.lit
}
