package sim

// Scenarios: a small line-based text form of goroutine programs, for the
// simulator's own golden tests, examples and fuzzing. A scenario is run by
// an interpreter that drives the Sim exactly as the runner does (see
// scenario_run.go), so the goldens pin down what the runner will see.
//
// # Syntax
//
// One statement a line; '#' starts a comment line; indentation is free.
//
//	config procs=2 seed=7 jitter=10     optional, once, before any func
//	func main {                         a goroutine body; main is required
//	    make ch 1
//	    go worker $i
//	    ...
//	}
//
// Config keys: procs, cpus, seed, jitter (percent), timeslice (duration),
// runqsize, globalevery, maxstack (bytes), tick0 (P0's schedtick at
// main.main), runtimegs (on|off), finalizer (on|off: goid 6, the finalizer
// goroutine os starts), race (on|off: the data-race detector), perturb
// (on|off, default off: the perturbations of perturb.go, which other
// drivers get on every seed but 0), maxevents, steps (the driver's step
// bound). Durations are integers with a unit: ns, us, µs, ms or s.
//
// Statements (CH, M, RW, WG, C, T are names; each kind has its own name
// space; a channel never made, or the name nil, is a nil channel):
//
//	go F [ARG]            start a goroutine running func F; its $arg is ARG
//	make CH [CAP]         CH = make(chan string, CAP)
//	send CH [TEXT]        CH <- TEXT (default "v")
//	recv CH               <-CH, setting $v ("0" from a closed channel) and $ok
//	close CH              close(CH)
//	select CASE, CASE...  CASE is "recv CH", "send CH [TEXT]" or "default";
//	                      sets $case (the index of the case as written), $v, $ok
//	lock M / unlock M / trylock M ($ok)          sync.Mutex
//	rlock RW / runlock RW / wlock RW / wunlock RW sync.RWMutex
//	add WG N / done WG / wait WG                  sync.WaitGroup
//	cwait C M / signal C / broadcast C            sync.Cond with L = &M
//	sleep DUR             time.Sleep
//	after CH DUR          CH = time.After(DUR)
//	afterfunc T DUR F     T = time.AfterFunc(DUR, F)
//	stop T                T.Stop(), setting $ok
//	work DUR              DUR of CPU work at one go (gpm.Work)
//	tick N                N statements of user code (a safe point)
//	gosched               runtime.Gosched()
//	syscall DUR           a blocking system call of DUR
//	print TEXT            fmt.Println(TEXT): one short write system call
//	enter N / leave N     push / pop a stack frame of N bytes
//	gc                    runtime.GC()
//	read X / write X      a read or write of variable X, for the race
//	                      detector (config race=on)
//	atomic X              an atomic read-modify-write of X
//	procs N               runtime.GOMAXPROCS(N), setting $v to the old value
//	maxstack N            debug.SetMaxStack(N)
//	goexit                runtime.Goexit()
//	exit [CODE]           os.Exit(CODE)
//	panic TEXT            panic(TEXT)
//	return                return from the goroutine's function
//	repeat N {  }         N times; loop {  } forever; range CH {  } receives
//	                      until CH is closed, setting $v
//	if TEXT == TEXT {  } else {  }     also !=; else is optional
//	break / continue      the innermost repeat, loop or range
//
// TEXT is the rest of the line, with variables expanded: $i (the innermost
// loop's iteration, from 0), $arg, $v, $ok, $case, $g (the goroutine's
// id), $procs (GOMAXPROCS), $numg (runtime.NumGoroutine), $stack (the
// goroutine's stack size), $len(CH) and $cap(CH).

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Scenario is a parsed scenario, ready to [Scenario.Run] any number of
// times: a run never changes it.
type Scenario struct {
	// Config is the machine the scenario runs on, from its config line.
	// Callers may change it before a run (tests set Debug).
	Config Config
	// MaxSteps bounds the driver's steps (one step runs one statement or
	// resumes one goroutine). Default 1,000,000.
	MaxSteps int

	funcs []*sfunc
	names [nsKinds][]string // the names of each kind, by index
}

// The name spaces of a scenario.
const (
	nsChan = iota
	nsMutex
	nsRW
	nsWG
	nsCond
	nsTimer
	nsFunc
	nsVar
	nsKinds
)

type sfunc struct {
	name string
	line int // of its header
	code []sop
}

type opKind uint8

const (
	opGo opKind = iota + 1
	opMake
	opSend
	opRecv
	opClose
	opSelect
	opLock
	opUnlock
	opTryLock
	opRLock
	opRUnlock
	opWLock
	opWUnlock
	opAdd
	opDone
	opWait
	opCondWait
	opSignal
	opBroadcast
	opSleep
	opAfter
	opAfterFunc
	opStop
	opWork
	opTick
	opGosched
	opSyscall
	opPrint
	opEnter
	opLeave
	opGC
	opProcs
	opMaxStack
	opGoexit
	opExit
	opPanic
	opReturn
	opLoop     // repeat/loop/range head: n iterations (-1: forever), a: end
	opRange    // the receive of a range loop; a: end
	opEnd      // end of a loop; a: its head
	opIf       // a: where to go when false
	opJump     // a: target (the end of an if's then-branch, before else)
	opBreak    // a: end of the loop
	opContinue // a: end of the loop
	opNop
	opVarRead   // a: the variable (scenario_race.go)
	opVarWrite  // a: the variable
	opVarAtomic // a: the variable
)

// sop is one statement, its names resolved to indexes.
type sop struct {
	kind  opKind
	line  int
	a, b  int   // name indexes (channel, mutex, func...) or jump targets
	n     int64 // count, bytes or nanoseconds
	text  text  // print, send, panic, go's argument; the left side of if
	text2 text  // the right side of if
	neq   bool  // if: != rather than ==
	cases []scase
}

type scase struct {
	dir  Dir // 0 for default
	ch   int
	text text
}

// text is a TEXT with its variables found at parse time.
type text []textPart

type textPart struct {
	lit string
	box any // lit as an any, made once: a send of a constant allocates nothing
	v   varKind
	ch  int // for $len and $cap
}

type varKind uint8

const (
	varNone varKind = iota
	varI
	varArg
	varV
	varOK
	varCase
	varG
	varProcs
	varLen
	varCap
	varNumG
	varStack
)

var varNames = map[string]varKind{
	"i": varI, "arg": varArg, "v": varV, "ok": varOK, "case": varCase,
	"g": varG, "procs": varProcs, "len": varLen, "cap": varCap, "numg": varNumG,
	"stack": varStack,
}

// parser holds the state of one ParseScenario.
type parser struct {
	sc     *Scenario
	index  [nsKinds]map[string]int
	errs   []error
	line   int
	fn     *sfunc
	blocks []block
	called []nameUse // funcs used before being defined
	config bool
}

type block struct {
	kind byte // 'l' loop, 'i' if, 'e' else
	head int  // index of the head op
}

type nameUse struct {
	name string
	line int
}

// ParseScenario parses a scenario. Errors have the form "line N: message",
// joined when there are several.
func ParseScenario(src string) (*Scenario, error) {
	p := &parser{sc: &Scenario{Config: Config{NoPerturb: true}}}
	for i := range p.index {
		p.index[i] = map[string]int{}
	}
	p.name(nsChan, "nil") // index 0: the nil channel
	for n, line := range strings.Split(src, "\n") {
		p.line = n + 1
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		p.statement(f, line)
		if len(p.errs) >= 10 {
			break
		}
	}
	if p.fn != nil && len(p.errs) == 0 {
		p.line = p.fn.line
		p.errorf("func %s: missing }", p.fn.name)
	}
	for _, u := range p.called {
		if p.sc.funcs[p.index[nsFunc][u.name]] == nil {
			p.errs = append(p.errs, fmt.Errorf("line %d: undefined func %s", u.line, u.name))
		}
	}
	if _, ok := p.index[nsFunc]["main"]; !ok && len(p.errs) == 0 {
		p.errs = append(p.errs, errors.New("line 1: no func main"))
	}
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return p.sc, nil
}

func (p *parser) errorf(format string, args ...any) {
	p.errs = append(p.errs, fmt.Errorf("line %d: %s", p.line, fmt.Sprintf(format, args...)))
}

// name returns the index of a name of the given kind, adding it if new.
func (p *parser) name(kind int, s string) int {
	if i, ok := p.index[kind][s]; ok {
		return i
	}
	i := len(p.sc.names[kind])
	p.index[kind][s] = i
	p.sc.names[kind] = append(p.sc.names[kind], s)
	if kind == nsFunc {
		p.sc.funcs = append(p.sc.funcs, nil)
	}
	return i
}

func (p *parser) statement(f []string, line string) {
	if p.fn == nil {
		switch {
		case f[0] == "config":
			p.configLine(f[1:])
		case f[0] == "func" && len(f) == 3 && f[2] == "{" && validName(f[1]):
			i := p.name(nsFunc, f[1])
			if p.sc.funcs[i] != nil {
				p.errorf("func %s defined twice", f[1])
			}
			p.fn = &sfunc{name: f[1], line: p.line}
			p.sc.funcs[i] = p.fn
		default:
			p.errorf("want config or func NAME {, got %q", strings.TrimSpace(line))
		}
		return
	}
	switch f[0] {
	case "}":
		p.closeBlock(f)
	case "repeat", "loop", "range", "if":
		p.openBlock(f, line)
	case "break", "continue":
		p.loopJump(f)
	default:
		op, ok := p.simple(f, line)
		if ok {
			op.line = p.line
			p.fn.code = append(p.fn.code, op)
		}
	}
}

func (p *parser) configLine(args []string) {
	if p.config || len(p.sc.funcs) > 0 {
		p.errorf("config must come once, before any func")
	}
	p.config = true
	c := &p.sc.Config
	for _, kv := range args {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			p.errorf("config: want key=value, got %q", kv)
			continue
		}
		var err error
		n := func(dst *int) { *dst, err = parseInt(v, 0, 1<<20) }
		switch k {
		case "procs":
			n(&c.Procs)
		case "cpus":
			n(&c.CPUs)
		case "jitter":
			n(&c.Jitter)
		case "runqsize":
			n(&c.RunqSize)
		case "globalevery":
			n(&c.GlobalQueueEvery)
		case "tick0":
			n(&c.InitialSchedtick)
		case "maxevents":
			c.MaxEvents, err = parseInt(v, -1, 1<<30)
		case "steps":
			p.sc.MaxSteps, err = parseInt(v, 0, 1<<30)
		case "seed":
			c.Seed, err = strconv.ParseUint(v, 10, 64)
		case "timeslice":
			c.TimeSlice, err = parseDuration(v)
		case "maxstack":
			var m int
			m, err = parseInt(v, 0, 1<<40)
			c.MaxStack = int64(m)
		case "runtimegs":
			c.NoRuntimeGs, err = parseOff(v)
		case "finalizer":
			c.NoFinalizerG, err = parseOff(v)
		case "race":
			c.RaceDetector, err = parseOff(v)
			c.RaceDetector = !c.RaceDetector
		case "perturb":
			c.NoPerturb, err = parseOff(v)
		default:
			err = fmt.Errorf("unknown key")
		}
		if err != nil {
			p.errorf("config %s: %v", kv, err)
		}
	}
}

func (p *parser) openBlock(f []string, line string) {
	op := sop{kind: opLoop, line: p.line, n: -1}
	if f[len(f)-1] != "{" {
		p.errorf("%s: want { at the end of the line", f[0])
		return
	}
	args := f[1 : len(f)-1]
	switch f[0] {
	case "repeat":
		if len(args) != 1 {
			p.errorf("want repeat N {")
			return
		}
		n, err := parseInt(args[0], 0, 1<<30)
		if err != nil {
			p.errorf("repeat: %v", err)
			return
		}
		op.n = int64(n)
	case "loop":
		if len(args) != 0 {
			p.errorf("want loop {")
			return
		}
	case "range":
		if len(args) != 1 || !validName(args[0]) {
			p.errorf("want range CH {")
			return
		}
		p.blocks = append(p.blocks, block{kind: 'l', head: len(p.fn.code)})
		p.fn.code = append(p.fn.code, op, sop{kind: opRange, line: p.line, b: p.name(nsChan, args[0])})
		return
	case "if":
		op = sop{kind: opIf, line: p.line}
		rest := strings.TrimSpace(line)
		rest = strings.TrimSpace(rest[len("if") : len(rest)-1])
		l, r, ok := strings.Cut(rest, "==")
		if !ok {
			l, r, ok = strings.Cut(rest, "!=")
			op.neq = true
		}
		if !ok {
			p.errorf("want if A == B { or if A != B {")
			return
		}
		op.text = p.text(strings.TrimSpace(l))
		op.text2 = p.text(strings.TrimSpace(r))
		p.blocks = append(p.blocks, block{kind: 'i', head: len(p.fn.code)})
		p.fn.code = append(p.fn.code, op)
		return
	}
	p.blocks = append(p.blocks, block{kind: 'l', head: len(p.fn.code)})
	p.fn.code = append(p.fn.code, op)
}

func (p *parser) closeBlock(f []string) {
	if len(p.blocks) == 0 {
		if len(f) != 1 {
			p.errorf("unexpected %s", strings.Join(f, " "))
			return
		}
		p.fn = nil // end of func
		return
	}
	b := p.blocks[len(p.blocks)-1]
	p.blocks = p.blocks[:len(p.blocks)-1]
	code := p.fn.code
	here := len(code)
	switch {
	case len(f) == 3 && f[1] == "else" && f[2] == "{" && b.kind == 'i':
		// The then-branch jumps over the else-branch; the if's false
		// case lands after that jump.
		p.fn.code = append(p.fn.code, sop{kind: opJump, line: p.line})
		code = p.fn.code
		code[b.head].a = here + 1
		p.blocks = append(p.blocks, block{kind: 'e', head: here})
	case len(f) != 1:
		p.errorf("unexpected %s", strings.Join(f, " "))
	case b.kind == 'i':
		code[b.head].a = here
	case b.kind == 'e':
		code[b.head].a = here
	default:
		code[b.head].a = here
		if b.head+1 < here && code[b.head+1].kind == opRange {
			code[b.head+1].a = here
		}
		p.fn.code = append(code, sop{kind: opEnd, line: p.line, a: b.head})
	}
}

func (p *parser) loopJump(f []string) {
	if len(f) != 1 {
		p.errorf("%s takes no arguments", f[0])
		return
	}
	for i := len(p.blocks) - 1; i >= 0; i-- {
		if p.blocks[i].kind == 'l' {
			k := opBreak
			if f[0] == "continue" {
				k = opContinue
			}
			// a is patched to the loop's end when it closes: remember
			// the loop head in b and resolve at run time through it.
			p.fn.code = append(p.fn.code, sop{kind: k, line: p.line, b: p.blocks[i].head})
			return
		}
	}
	p.errorf("%s outside a loop", f[0])
}

// simple parses a statement that is not a block.
func (p *parser) simple(f []string, line string) (sop, bool) {
	op := sop{}
	args := f[1:]
	want := func(n int, form string) bool {
		if len(args) != n {
			p.errorf("want %s", form)
			return false
		}
		for _, a := range args {
			if !validName(a) && !isNumberish(a) {
				p.errorf("bad argument %q in %s", a, f[0])
				return false
			}
		}
		return true
	}
	named := func(kind int, form string, k opKind) (sop, bool) {
		if !want(1, form) {
			return op, false
		}
		return sop{kind: k, a: p.name(kind, args[0])}, true
	}
	num := func(form string, k opKind, lo, hi int) (sop, bool) {
		if !want(1, form) {
			return op, false
		}
		n, err := parseInt(args[0], lo, hi)
		if err != nil {
			p.errorf("%s: %v", f[0], err)
			return op, false
		}
		return sop{kind: k, n: int64(n)}, true
	}
	dur := func(form string, k opKind) (sop, bool) {
		if !want(1, form) {
			return op, false
		}
		d, err := parseDuration(args[0])
		if err != nil {
			p.errorf("%s: %v", f[0], err)
			return op, false
		}
		return sop{kind: k, n: d}, true
	}
	switch f[0] {
	case "go":
		if len(args) < 1 || !validName(args[0]) {
			p.errorf("want go F [ARG]")
			return op, false
		}
		op = sop{kind: opGo, a: p.name(nsFunc, args[0])}
		if p.sc.funcs[op.a] == nil {
			p.called = append(p.called, nameUse{args[0], p.line})
		}
		op.text = p.text(restAfter(line, 2))
		return op, true
	case "make":
		if len(args) == 1 {
			args = append(args, "0")
		}
		if !want(2, "make CH [CAP]") || !notNil(p, args[0]) {
			return op, false
		}
		n, err := parseInt(args[1], 0, 1<<20)
		if err != nil {
			p.errorf("make: %v", err)
			return op, false
		}
		return sop{kind: opMake, a: p.name(nsChan, args[0]), n: int64(n)}, true
	case "send":
		if len(args) < 1 || !validName(args[0]) {
			p.errorf("want send CH [TEXT]")
			return op, false
		}
		return sop{kind: opSend, a: p.name(nsChan, args[0]), text: p.sendText(restAfter(line, 2))}, true
	case "recv":
		return named(nsChan, "recv CH", opRecv)
	case "close":
		return named(nsChan, "close CH", opClose)
	case "select":
		return p.selectStmt(line)
	case "lock":
		return named(nsMutex, "lock M", opLock)
	case "unlock":
		return named(nsMutex, "unlock M", opUnlock)
	case "trylock":
		return named(nsMutex, "trylock M", opTryLock)
	case "rlock":
		return named(nsRW, "rlock RW", opRLock)
	case "runlock":
		return named(nsRW, "runlock RW", opRUnlock)
	case "wlock":
		return named(nsRW, "wlock RW", opWLock)
	case "wunlock":
		return named(nsRW, "wunlock RW", opWUnlock)
	case "add":
		if !want(2, "add WG N") {
			return op, false
		}
		n, err := parseInt(args[1], -1<<20, 1<<20)
		if err != nil {
			p.errorf("add: %v", err)
			return op, false
		}
		return sop{kind: opAdd, a: p.name(nsWG, args[0]), n: int64(n)}, true
	case "done":
		return named(nsWG, "done WG", opDone)
	case "wait":
		return named(nsWG, "wait WG", opWait)
	case "cwait":
		if !want(2, "cwait C M") {
			return op, false
		}
		return sop{kind: opCondWait, a: p.name(nsCond, args[0]), b: p.name(nsMutex, args[1])}, true
	case "signal":
		return named(nsCond, "signal C", opSignal)
	case "broadcast":
		return named(nsCond, "broadcast C", opBroadcast)
	case "sleep":
		return dur("sleep DUR", opSleep)
	case "after":
		if !want(2, "after CH DUR") || !notNil(p, args[0]) {
			return op, false
		}
		d, err := parseDuration(args[1])
		if err != nil {
			p.errorf("after: %v", err)
			return op, false
		}
		return sop{kind: opAfter, a: p.name(nsChan, args[0]), n: d}, true
	case "afterfunc":
		if !want(3, "afterfunc T DUR F") {
			return op, false
		}
		d, err := parseDuration(args[1])
		if err != nil {
			p.errorf("afterfunc: %v", err)
			return op, false
		}
		op = sop{kind: opAfterFunc, a: p.name(nsTimer, args[0]), b: p.name(nsFunc, args[2]), n: d}
		if p.sc.funcs[op.b] == nil {
			p.called = append(p.called, nameUse{args[2], p.line})
		}
		return op, true
	case "stop":
		return named(nsTimer, "stop T", opStop)
	case "work":
		return dur("work DUR", opWork)
	case "tick":
		return num("tick N", opTick, 0, 1<<30)
	case "read":
		return named(nsVar, "read X", opVarRead)
	case "write":
		return named(nsVar, "write X", opVarWrite)
	case "atomic":
		return named(nsVar, "atomic X", opVarAtomic)
	case "syscall":
		return dur("syscall DUR", opSyscall)
	case "enter":
		return num("enter N", opEnter, 0, 1<<40)
	case "leave":
		return num("leave N", opLeave, 0, 1<<40)
	case "procs":
		return num("procs N", opProcs, 0, 1024)
	case "maxstack":
		return num("maxstack N", opMaxStack, 1, 1<<40)
	case "exit":
		if len(args) == 0 {
			return sop{kind: opExit}, true
		}
		return num("exit [CODE]", opExit, 0, 125)
	case "print":
		return sop{kind: opPrint, text: p.text(restAfter(line, 1))}, true
	case "panic":
		return sop{kind: opPanic, text: p.text(restAfter(line, 1))}, true
	}
	noArgs := map[string]opKind{"gosched": opGosched, "gc": opGC, "goexit": opGoexit, "return": opReturn}
	if k, ok := noArgs[f[0]]; ok {
		if !want(0, f[0]) {
			return op, false
		}
		return sop{kind: k}, true
	}
	p.errorf("unknown statement %q", f[0])
	return op, false
}

// notNil reports whether a channel name that is assigned to is not nil.
func notNil(p *parser, name string) bool {
	if name == "nil" {
		p.errorf("nil is not a channel name one can assign to")
		return false
	}
	return true
}

func (p *parser) sendText(s string) text {
	if s == "" {
		return text{{lit: "v", box: "v"}}
	}
	return p.text(s)
}

func (p *parser) selectStmt(line string) (sop, bool) {
	op := sop{kind: opSelect}
	body := restAfter(line, 1)
	if body == "" {
		return op, true // select {}
	}
	for _, c := range strings.Split(body, ",") {
		f := strings.Fields(c)
		switch {
		case len(f) == 1 && f[0] == "default":
			op.cases = append(op.cases, scase{})
		case len(f) == 2 && f[0] == "recv" && validName(f[1]):
			op.cases = append(op.cases, scase{dir: RecvDir, ch: p.name(nsChan, f[1])})
		case len(f) >= 2 && f[0] == "send" && validName(f[1]):
			t := strings.TrimSpace(c)
			t = strings.TrimSpace(t[len("send"):])
			t = strings.TrimSpace(t[len(f[1]):])
			op.cases = append(op.cases, scase{dir: SendDir, ch: p.name(nsChan, f[1]), text: p.sendText(t)})
		default:
			p.errorf("select: bad case %q", strings.TrimSpace(c))
			return op, false
		}
	}
	defaults := 0
	for _, c := range op.cases {
		if c.dir == 0 {
			defaults++
		}
	}
	if defaults > 1 {
		p.errorf("select: more than one default")
		return op, false
	}
	return op, true
}

// text splits s into literals and $variables.
func (p *parser) text(s string) text {
	var t text
	for s != "" {
		i := strings.IndexByte(s, '$')
		if i < 0 {
			t = append(t, textPart{lit: s, box: s})
			break
		}
		if i > 0 {
			t = append(t, textPart{lit: s[:i], box: s[:i]})
		}
		s = s[i+1:]
		j := 0
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z') {
			j++
		}
		v, ok := varNames[s[:j]]
		if !ok {
			p.errorf("unknown variable $%s", s[:j])
			return t
		}
		part := textPart{v: v}
		s = s[j:]
		if v == varLen || v == varCap {
			k := strings.IndexByte(s, ')')
			if !strings.HasPrefix(s, "(") || k < 0 || !validName(s[1:k]) {
				p.errorf("want $len(CH) or $cap(CH)")
				return t
			}
			part.ch = p.name(nsChan, s[1:k])
			s = s[k+1:]
		}
		t = append(t, part)
	}
	return t
}

// restAfter returns line without its first n fields, trimmed.
func restAfter(line string, n int) string {
	s := strings.TrimSpace(line)
	for range n {
		i := strings.IndexAny(s, " \t")
		if i < 0 {
			return ""
		}
		s = strings.TrimSpace(s[i:])
	}
	return s
}

func validName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '_':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

func isNumberish(s string) bool {
	return s != "" && (s[0] == '-' || s[0] >= '0' && s[0] <= '9')
}

func parseInt(s string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("bad number %q", s)
	}
	if n < lo || n > hi {
		return 0, fmt.Errorf("%d out of range [%d, %d]", n, lo, hi)
	}
	return n, nil
}

// parseDuration reads an integer with a unit (ns, us, µs, ms, s), as a
// number of virtual nanoseconds.
func parseDuration(s string) (int64, error) {
	units := []struct {
		suffix string
		ns     int64
	}{{"ns", 1}, {"us", 1e3}, {"µs", 1e3}, {"ms", 1e6}, {"s", 1e9}}
	for _, u := range units {
		num, ok := strings.CutSuffix(s, u.suffix)
		if !ok {
			continue
		}
		n, err := strconv.ParseInt(num, 10, 64)
		if err != nil || n < 0 || n > (1<<50)/u.ns {
			return 0, fmt.Errorf("bad duration %q", s)
		}
		return n * u.ns, nil
	}
	return 0, fmt.Errorf("bad duration %q: want a unit (ns, us, ms, s)", s)
}

// parseOff reads an on/off setting, reporting whether it is off.
func parseOff(v string) (bool, error) {
	switch v {
	case "on", "true":
		return false, nil
	case "off", "false":
		return true, nil
	}
	return false, fmt.Errorf("want on or off")
}
