package runner

import (
	"math/rand"
	"reflect"
	"runtime"
	"time"

	osval "github.com/gotour-gpm/gotour-gpm/runner/internal/osval"
	"github.com/gotour-gpm/gotour-gpm/runner/internal/stdsym"
	"github.com/gotour-gpm/gotour-gpm/sim"
	"github.com/traefik/yaegi/interp"
)

// Import paths of the compiled packages that only rewritten code and the
// shadow packages import; learners cannot.
const (
	rtPath       = "gotour.gpm/rt"
	realtimePath = "gotour.gpm/realtime"
	realrandPath = "gotour.gpm/realrand"
)

// epoch is what the simulated time.Now returns at virtual time 0: the Go
// playground's famous fixed date, so programs print the same every run.
var epoch = time.Date(2009, time.November, 10, 23, 0, 0, 0, time.UTC)

// exports returns the run's compiled packages for yaegi: the shim, bound
// to r, and the real time package under another path (for the shadow
// time's types).
func (r *run) exports() interp.Exports {
	fn := func(f any) reflect.Value { return reflect.ValueOf(f) }
	rt := map[string]reflect.Value{
		"Case":    reflect.ValueOf((*Case)(nil)),
		"Error":   reflect.ValueOf((*RuntimeError)(nil)),
		"SendDir": reflect.ValueOf(SendDir),
		"RecvDir": reflect.ValueOf(RecvDir),
		"Go":      fn(r.spawn),
		"GoAt":    fn(r.spawnAt),
		// NegShift is gc's runtime.panicshift (rewrite_shift.go).
		"NegShift": fn(func() { r.raiseValue(runtimeError{"runtime error: negative shift amount"}) }),
		"Send":     fn(r.send),
		"SendT":    fn(r.sendT),
		"Recv":     fn(r.recv),
		"RecvT":    fn(r.recvT),
		"Recv2":    fn(r.recv2),
		"Recv2T":   fn(r.recv2T),
		"Close":    fn(r.close),
		"Len":      fn(r.chanLen),
		"Cap":      fn(r.chanCap),
		"Select":   fn(r.selectCases),
		"Tick":     fn(r.tick),
		"Enter":    fn(r.enter),
		"Leave":    fn(r.leave),
	}
	for k, v := range boundsExports(r.raiseValue) {
		rt[k] = v
	}
	for k, v := range r.panicExports() {
		rt[k] = v
	}
	for k, v := range r.printExports() {
		rt[k] = v
	}
	for k, v := range r.syncExports() {
		rt[k] = v
	}
	for k, v := range r.runtimeExports() {
		rt[k] = v
	}
	for k, v := range r.timeExports() {
		rt[k] = v
	}
	for k, v := range r.raceExports() {
		rt[k] = v
	}
	for k, v := range r.allocExports() {
		rt[k] = v
	}
	for k, v := range r.raceDetectExports() {
		rt[k] = v
	}
	return interp.Exports{
		rtPath + "/rt":             rt,
		realtimePath + "/realtime": stdsym.Symbols["time/time"],
		realrandPath + "/realrand": stdsym.Symbols["math/rand/rand"],
	}
}

func (r *run) syncExports() map[string]reflect.Value {
	return map[string]reflect.Value{
		"Lock": reflect.ValueOf(func(m any) {
			me := r.op()
			r.block(me, r.s.Lock(obj[sim.Mutex](r, m)))
		}),
		"TryLock": reflect.ValueOf(func(m any) bool { r.op(); return r.s.TryLock(obj[sim.Mutex](r, m)) }),
		"Unlock": reflect.ValueOf(func(m any) {
			me := r.op()
			if msg := r.s.Unlock(obj[sim.Mutex](r, m)); msg != "" {
				r.throw(msg)
			}
			r.after(me)
		}),
		"RLock": reflect.ValueOf(func(m any) {
			me := r.op()
			r.block(me, r.s.RLock(obj[sim.RWMutex](r, m)))
		}),
		"RUnlock": reflect.ValueOf(func(m any) {
			me := r.op()
			if msg := r.s.RUnlock(obj[sim.RWMutex](r, m)); msg != "" {
				r.throw(msg)
			}
			r.after(me)
		}),
		"WLock": reflect.ValueOf(func(m any) {
			me := r.op()
			r.block(me, r.s.RWLock(obj[sim.RWMutex](r, m)))
		}),
		"WUnlock": reflect.ValueOf(func(m any) {
			me := r.op()
			if msg := r.s.RWUnlock(obj[sim.RWMutex](r, m)); msg != "" {
				r.throw(msg)
			}
			r.after(me)
		}),
		"WTryLock": reflect.ValueOf(func(m any) bool { r.op(); return r.s.RWTryLock(obj[sim.RWMutex](r, m)) }),
		"RTryLock": reflect.ValueOf(func(m any) bool { r.op(); return r.s.RTryLock(obj[sim.RWMutex](r, m)) }),
		"WGAdd": reflect.ValueOf(func(wg any, n int) {
			me := r.op()
			w := r.waitGroup(wg)
			if err := r.s.Add(w, n); err != nil {
				r.raise(err)
			}
			setWGState(wg, n)
			r.after(me)
		}),
		"WGWait": reflect.ValueOf(func(wg any) {
			me := r.op()
			r.block(me, r.s.Wait(r.waitGroup(wg)))
		}),
		"CondWait": reflect.ValueOf(func(c any, unlock func()) {
			me := r.op()
			cond := obj[sim.Cond](r, c)
			r.s.CondEnqueue(cond)
			unlock()
			r.checkEnded()
			r.s.CondBlock(cond)
			r.after(me)
		}),
		"CondSignal": reflect.ValueOf(func(c any) {
			me := r.op()
			r.s.Signal(obj[sim.Cond](r, c))
			r.after(me)
		}),
		"CondBroadcast": reflect.ValueOf(func(c any) {
			me := r.op()
			r.s.Broadcast(obj[sim.Cond](r, c))
			r.after(me)
		}),
	}
}

// throw ends the program with a fatal error raised by the runtime itself,
// such as "sync: unlock of unlocked mutex" (a throw, not a panic: it cannot
// be recovered).
func (r *run) throw(msg string) {
	// A throw from sync lists only the current goroutine, as observed.
	cur := r.s.Info(r.s.Current())
	cur.Status = "running"
	f := &sim.Fatal{Msg: msg, Goroutines: []sim.GInfo{cur}}
	r.stderr.force(r.formatFatal(f))
	r.s.End()
	r.end(OutcomeFatal, 2, msg)
	runtime.Goexit()
}

func (r *run) runtimeExports() map[string]reflect.Value {
	return map[string]reflect.Value{
		"Gosched": reflect.ValueOf(func() {
			me := r.op()
			r.s.Gosched()
			r.after(me)
		}),
		"GOMAXPROCS": reflect.ValueOf(func(n int) int {
			me := r.op()
			if n > r.s.GOMAXPROCS() {
				// procresize allocates allp, then each new P.
				r.take(int64(n)*8, 0)
				r.take(int64(n)*pSize, 0)
			}
			old := r.s.SetMaxProcs(n)
			r.setMulti()
			r.after(me)
			return old
		}),
		"NumGoroutine": reflect.ValueOf(func() int { r.op(); return r.s.NumGoroutine() }),
		"Stack":        reflect.ValueOf(func(all bool) string { r.op(); return r.stackText(all) }),
		"NumCPU":       reflect.ValueOf(func() int { return r.s.Config().CPUs }),
		"Goexit":       reflect.ValueOf(func() { r.op(); runtime.Goexit() }),
		"GC": reflect.ValueOf(func() {
			me := r.op()
			r.s.GC()
			r.after(me)
		}),
		"SetMaxStack": reflect.ValueOf(func(n int) int { r.op(); return int(r.s.SetMaxStack(int64(n))) }),
		"StackSize":   reflect.ValueOf(func() int { r.op(); return int(r.s.Current().Stack.Size) }),
		"StackInuse": reflect.ValueOf(func() uint64 {
			var n int64
			for _, g := range r.s.Goroutines() {
				if g.Status != sim.Gdead {
					n += g.Stack.Size
				}
			}
			return uint64(n)
		}),
		"Rand": reflect.ValueOf(func() *rand.Rand {
			return rand.New(rand.NewSource(int64(r.opts.Seed)))
		}),
		"Goid": reflect.ValueOf(func() int64 { r.op(); return r.s.Current().ID }),
		"Exit": reflect.ValueOf(func(code int) {
			r.op()
			r.s.End()
			o := OutcomeOK
			if code != 0 {
				o = OutcomeExit
			}
			r.end(o, code, "")
			runtime.Goexit()
		}),
		"Snapshot": reflect.ValueOf(func(label string) string {
			r.op()
			return r.snapshot(label)
		}),
		"File":   reflect.ValueOf((*osval.File)(nil)),
		"Stdin":  reflect.ValueOf(osval.New("/dev/stdin", nil)),
		"Stdout": reflect.ValueOf(osval.New("/dev/stdout", r.stdout)),
		"Stderr": reflect.ValueOf(osval.New("/dev/stderr", r.stderr)),
		"Write": reflect.ValueOf(func(fd int, p []byte) (int, error) {
			if fd == 2 {
				return r.stderr.Write(p)
			}
			return r.stdout.Write(p)
		}),
		"Syscall": reflect.ValueOf(func(d int64) {
			me := r.op()
			r.s.Syscall(d)
			r.after(me)
		}),
		"Work": reflect.ValueOf(func(d int64) {
			me := r.op()
			for rem := r.s.Work(d); rem > 0; rem = r.s.Work(rem) {
				r.after(me) // preempted or another P's turn: go on later
			}
			r.after(me)
		}),
	}
}

func (r *run) timeExports() map[string]reflect.Value {
	value := func(when int64) any { t := epoch.Add(time.Duration(when)); return &t }
	return map[string]reflect.Value{
		"Now": reflect.ValueOf(func() time.Time {
			r.checkEnded()
			return epoch.Add(time.Duration(r.s.Now()))
		}),
		"Sleep": reflect.ValueOf(func(d int64) {
			me := r.op()
			r.s.Sleep(d)
			r.after(me)
		}),
		"NewTimer": reflect.ValueOf(func(ch any, d, period int64) int {
			r.op()
			rec := r.chanOf(ch)
			rec.c.Timer = true
			r.tmrs = append(r.tmrs, r.s.NewTimer(rec.c, d, period, value))
			return len(r.tmrs) - 1
		}),
		"AfterFunc": reflect.ValueOf(func(d int64, f func()) int {
			r.op()
			r.tmrs = append(r.tmrs, r.s.AfterFunc(d, f))
			return len(r.tmrs) - 1
		}),
		"StopTimer": reflect.ValueOf(func(id int) bool {
			r.op()
			return r.s.StopTimer(r.tmrs[id])
		}),
		"ResetTimer": reflect.ValueOf(func(id int, d, period int64) bool {
			r.op()
			return r.s.ResetTimer(r.tmrs[id], d, period)
		}),
	}
}
