package runner

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/traefik/yaegi/interp"
)

// The direct shim is the front end's stand-in for the back end's shim: the
// same API, exported to yaegi as gotour.gpm/rt, but every operation is the
// real one, done through reflect on real channels and real goroutines. It
// lets the front end's tests run rewritten programs end to end without the
// simulator: a program whose output does not depend on scheduling must
// print exactly what the real toolchain prints.

// directCase mirrors the shim's Case.
type directCase struct {
	Dir int
	Ch  any
	Val any
}

const (
	directSendDir = 1
	directRecvDir = 2
)

// directBox is what the direct shim panics with for panic(x).
type directBox struct{ box any }

// directShim counts the shim calls a run makes.
type directShim struct {
	ticks, enters, leaves, gos atomic.Int64
	depth, maxDepth            atomic.Int64
	wg                         sync.WaitGroup
	mu                         sync.Mutex
	panics                     []string
	printed                    strings.Builder // what print and println wrote
}

// boxRecv turns a received value into what the shim returns: a new *T.
func boxRecv(ch reflect.Value, v reflect.Value, ok bool) any {
	p := reflect.New(ch.Type().Elem())
	if ok {
		p.Elem().Set(v)
	}
	return p.Interface()
}

func (d *directShim) spawn(f func()) {
	d.gos.Add(1)
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		defer func() {
			if v := recover(); v != nil {
				d.mu.Lock()
				d.panics = append(d.panics, fmt.Sprint(v))
				d.mu.Unlock()
			}
		}()
		f()
	}()
}

func (d *directShim) exports() interp.Exports {
	fn := reflect.ValueOf
	syms := map[string]reflect.Value{
		"Case":     reflect.ValueOf((*directCase)(nil)),
		"SendDir":  reflect.ValueOf(directSendDir),
		"RecvDir":  reflect.ValueOf(directRecvDir),
		"GoAt":     fn(func(f func(), _ int) { d.spawn(f) }),
		"NegShift": fn(func() { panic("negative shift amount") }),
		"Go":       fn(d.spawn),
		"Send":     fn(func(ch, p any) { reflect.ValueOf(ch).Send(reflect.ValueOf(p).Elem()) }),
		"Recv": fn(func(ch any) any {
			c := reflect.ValueOf(ch)
			v, ok := c.Recv()
			return boxRecv(c, v, ok)
		}),
		"Recv2": fn(func(ch any) (any, bool) {
			c := reflect.ValueOf(ch)
			v, ok := c.Recv()
			return boxRecv(c, v, ok), ok
		}),
		"SendT": fn(func(ch, p any, n int) { d.ticks.Add(int64(n)); reflect.ValueOf(ch).Send(reflect.ValueOf(p).Elem()) }),
		"RecvT": fn(func(ch any, n int) any {
			d.ticks.Add(int64(n))
			c := reflect.ValueOf(ch)
			v, ok := c.Recv()
			return boxRecv(c, v, ok)
		}),
		"Recv2T": fn(func(ch any, n int) (any, bool) {
			d.ticks.Add(int64(n))
			c := reflect.ValueOf(ch)
			v, ok := c.Recv()
			return boxRecv(c, v, ok), ok
		}),
		"Close": fn(func(ch any) { reflect.ValueOf(ch).Close() }),
		"Len":   fn(func(ch any) int { return reflect.ValueOf(ch).Len() }),
		"Cap":   fn(func(ch any) int { return reflect.ValueOf(ch).Cap() }),
		"Select": fn(func(cases []directCase, hasDefault bool) (int, any, bool) {
			sc := make([]reflect.SelectCase, 0, len(cases)+1)
			for _, c := range cases {
				ch := reflect.ValueOf(c.Ch)
				if c.Dir == directSendDir {
					sc = append(sc, reflect.SelectCase{Dir: reflect.SelectSend, Chan: ch, Send: reflect.ValueOf(c.Val).Elem()})
				} else {
					sc = append(sc, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: ch})
				}
			}
			if hasDefault {
				sc = append(sc, reflect.SelectCase{Dir: reflect.SelectDefault})
			}
			i, v, ok := reflect.Select(sc)
			if i == len(cases) {
				return -1, nil, false
			}
			if cases[i].Dir == directSendDir {
				return i, nil, false
			}
			return i, boxRecv(reflect.ValueOf(cases[i].Ch), v, ok), ok
		}),
		"Tick": fn(func(n int) { d.ticks.Add(int64(n)) }),
		"Enter": fn(func(frame int) {
			d.enters.Add(1)
			if n := d.depth.Add(1); n > d.maxDepth.Load() {
				d.maxDepth.Store(n)
			}
		}),
		"Leave":       fn(func() { d.leaves.Add(1); d.depth.Add(-1) }),
		"Race":        fn(func() {}), // real goroutines race for real
		"Alloc":       fn(func(n, size, kind int) int { return n }),
		"Grow":        fn(func(need, oldCap, size int) {}),
		"Repeat":      fn(func(size, n int) int { return n }),
		"MainStarted": fn(func() {}),
		"Multi":       reflect.ValueOf(new(bool)),
		"MapWrite":    fn(func(any) {}),
		"MapRead":     fn(func(any, bool) {}),
		"MapBusy":     reflect.ValueOf(new(bool)),
		// Panics carry the learner's box; recover gives it back.
		"Panic":      fn(func(box any, desc func(any) (string, string)) { panic(directBox{box}) }),
		"PanicValue": fn(panicValueText),
		"Recover": fn(func(v any, frame int) (any, any) {
			if b, ok := v.(directBox); ok {
				return b.box, nil
			}
			return nil, v
		}),
		"Print": fn(func(nl bool, args ...any) {
			d.mu.Lock()
			defer d.mu.Unlock()
			d.printed.WriteString((&run{}).formatPrint(nl, args))
		}),
		"PrintIface": fn(func(x any) any { return printIface{x == nil} }),
		// The front end's sync is the real one: its methods do the work.
		"Lock":          fn(func(m any) { m.(interface{ Lock() }).Lock() }),
		"Unlock":        fn(func(m any) { m.(interface{ Unlock() }).Unlock() }),
		"TryLock":       fn(func(m any) bool { return m.(interface{ TryLock() bool }).TryLock() }),
		"WLock":         fn(func(m any) { m.(interface{ Lock() }).Lock() }),
		"WUnlock":       fn(func(m any) { m.(interface{ Unlock() }).Unlock() }),
		"RLock":         fn(func(m any) { m.(interface{ RLock() }).RLock() }),
		"RUnlock":       fn(func(m any) { m.(interface{ RUnlock() }).RUnlock() }),
		"WGAdd":         fn(func(wg any, n int) { wg.(interface{ Add(int) }).Add(n) }),
		"WGWait":        fn(func(wg any) { wg.(interface{ Wait() }).Wait() }),
		"CondSignal":    fn(func(c any) { c.(interface{ Signal() }).Signal() }),
		"CondBroadcast": fn(func(c any) { c.(interface{ Broadcast() }).Broadcast() }),
		"RecoverEnter":  fn(func() int { return 0 }),
		"RecoverExit":   fn(func(int) {}),
	}
	for k, v := range boundsExports(func(v any) { panic(v) }) {
		syms[k] = v
	}
	return interp.Exports{rtImportPath + "/rt": syms}
}

// directResult is what a run under the direct shim produced.
type directResult struct {
	stdout, stderr string
	err            error // from Eval, or a recovered panic
	shim           *directShim
	prep           *Prepared
}

// runDirect prepares src and runs it under yaegi with the direct shim.
func runDirect(t testing.TB, name string, src []byte) *directResult {
	return runDirectEdit(t, name, src, nil)
}

// runDirectEdit is runDirect with an edit of the rewritten source.
func runDirectEdit(t testing.TB, name string, src []byte, edit func([]byte) []byte) *directResult {
	t.Helper()
	prep, err := Prepare(name, src, feShadow())
	if err != nil {
		return &directResult{err: err}
	}
	if edit != nil {
		prep.Source = edit(prep.Source)
	}
	res := &directResult{shim: &directShim{}, prep: prep}
	var stdout, stderr bytes.Buffer
	i := interp.New(interp.Options{Stdout: &stdout, Stderr: &stderr, SourcecodeFilesystem: fstest.MapFS{}})
	for _, e := range []interp.Exports{stdlibExports(), feShadow(), res.shim.exports()} {
		if err := i.Use(e); err != nil {
			t.Fatalf("Use: %v", err)
		}
	}
	func() {
		defer func() {
			if v := recover(); v != nil {
				res.err = fmt.Errorf("yaegi panicked: %v", v)
			}
		}()
		_, res.err = i.Eval(string(prep.Source))
	}()
	waited := make(chan struct{})
	go func() { res.shim.wg.Wait(); close(waited) }()
	select {
	case <-waited:
	case <-time.After(2 * time.Second): // a goroutine blocked forever, as real Go would leave it
	}
	res.stdout, res.stderr = stdout.String(), stderr.String()
	return res
}

// numberLines prefixes each line of src with its number, for failure logs.
func numberLines(src []byte) string {
	var b strings.Builder
	for i, l := range strings.Split(string(src), "\n") {
		fmt.Fprintf(&b, "%3d  %s\n", i+1, l)
	}
	return b.String()
}
