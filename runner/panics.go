package runner

// Panics as gc reports them. yaegi v0.16.1 panics with a reflect.Value of
// an interpreted panic's argument, so recover returns a reflect.Value (r.(error)
// fails) and the runner cannot see the learner's methods or type names. The
// rewrite (rewrite_panic.go) therefore routes the learner's panics and
// recovers through the shim:
//
//   - panic(x) becomes panic(__panic(x)): the helper boxes x in an
//     interpreted any (&v, the representation that keeps interpreted types
//     intact across the compiled boundary) and calls Panic with it and a
//     describer, an interpreted function that prints x as printpanicval
//     would (Error, String, main.code(42), (main.T) 0x...). The shim
//     panics with a *panicBox;
//   - recover() becomes __recover(recover()): Recover gives back the box,
//     whose content the helper returns, so recover returns the very value
//     that was panicked; a runtime error yaegi or the shim raised is turned
//     into the value gc's recover returns (a runtime.Error);
//   - a function that calls recover starts with __rf := RecoverEnter() and
//     calls RecoverExit(__rf) before each return and at its end: a panic it
//     recovered is over when it returns normally. (Not a deferred call:
//     yaegi v0.16.1 garbles the value a deferred function returns when it
//     defers a compiled call itself.) A recovering function that a newer
//     panic cuts short never calls RecoverExit; what it recovered stays in
//     progress, "[recovered]", as in gc.
//
// Each G keeps its chain of panics in progress, newest last, as the
// runtime's _panic links: when a G dies of a panic the chain is printed as
// printpanics does, "panic: first [recovered]" then "\tpanic: second".

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	rtval "github.com/gotour-gpm/gotour-gpm/runner/internal/rtval"
)

// panicBox is what the shim panics with for a learner's panic(x).
type panicBox struct{ rec *panicRec }

// String is what fmt prints for a panic it recovered from a method it
// called (print.go's catchPanic: "%!v(PANIC=String method: boom)"): the
// value, as %v prints it. fmt's recover ends the panic, so it leaves its
// G's chain here: no RecoverExit will.
func (b *panicBox) String() string {
	if b.rec.end != nil {
		b.rec.end()
		b.rec.end = nil
	}
	v := unbox(b)
	if v, ok := v.(*panicBox); ok && v == b {
		return "(" + reflect.TypeOf(b.rec.box).Elem().String() + ")"
	}
	return fmt.Sprint(v)
}

// panicRec is one panic in progress in a G.
type panicRec struct {
	val        any                        // what the shim panicked with: a *panicBox or a runtime error
	box        any                        // for panic(x): a *any holding x
	desc       func(any) (string, string) // describes box (see describe)
	recovered  bool
	frame      *recFrame // the function that recovered it
	repanicked bool
	end        func() // takes it off its G's chain (panicBox.String)
}

// recFrame is a running function that calls recover.
type recFrame struct {
	id  int
	rec *panicRec // the panic it recovered
}

// panicNilError is gc's runtime.PanicNilError, what panic(nil) panics
// with; the shadow runtime exports it under that name.
type panicNilError = rtval.PanicNilError

// panicExports are the shim's panic and recover functions.
func (r *run) panicExports() map[string]reflect.Value {
	return map[string]reflect.Value{
		"Panic":         reflect.ValueOf(r.panicBoxed),
		"Recover":       reflect.ValueOf(r.recoverValue),
		"RecoverEnter":  reflect.ValueOf(r.recoverEnter),
		"RecoverExit":   reflect.ValueOf(r.recoverExit),
		"PanicValue":    reflect.ValueOf(panicValueText),
		"PanicNilError": reflect.ValueOf((*panicNilError)(nil)),
	}
}

// panicBoxed is the learner's panic(x): box is a *any holding x.
func (r *run) panicBoxed(box any, desc func(any) (string, string)) {
	if r.ended.Load() {
		panic(box)
	}
	if v := reflect.ValueOf(box); v.Kind() == reflect.Pointer && v.Elem().IsNil() {
		r.raiseValue(&panicNilError{})
	}
	rec := &panicRec{box: box, desc: desc}
	rec.val = &panicBox{rec}
	gr := r.cur
	gr.panics = append(gr.panics, rec)
	rec.end = func() {
		if i := indexOf(gr.panics, rec); i >= 0 {
			gr.panics = append(gr.panics[:i], gr.panics[i+1:]...)
		}
	}
	panic(rec.val)
}

// raiseValue panics in the current G with a runtime error, which is in
// progress from now on.
func (r *run) raiseValue(v any) {
	if !r.ended.Load() {
		r.cur.panics = append(r.cur.panics, &panicRec{val: v})
	}
	panic(v)
}

// recoverValue is called by __recover with what recover returned (not
// nil) in the function whose RecoverEnter returned frame: it marks the
// panic recovered and returns the learner's box, or the value recover must
// return for a panic the learner did not raise.
func (r *run) recoverValue(v any, frame int) (box, val any) {
	if r.ended.Load() {
		return nil, recoveredValue(v)
	}
	if rv, ok := v.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
		// A shadow package re-panicked what its own recover returned
		// (sync.OnceFunc): yaegi's recover gives a reflect.Value.
		v = rv.Interface()
	}
	me := r.cur
	me.unwound = nil // the frames left so far are those of a panic that is over
	rec := r.findPanic(me, v)
	if rec == nil {
		rec = &panicRec{val: recoveredValue(v)}
		me.panics = append(me.panics, rec)
	}
	rec.recovered = true
	for i := len(me.rframes) - 1; i >= 0; i-- {
		if f := me.rframes[i]; f.id == frame {
			f.rec = rec
			rec.frame = f
			break
		}
	}
	if rec.box != nil {
		return rec.box, nil
	}
	return nil, rec.val
}

// findPanic returns the newest panic in progress in gr that v is the
// value of, or nil for a panic the shim did not see start (a runtime error
// inside yaegi).
func (r *run) findPanic(gr *gor, v any) *panicRec {
	if b, ok := v.(*panicBox); ok {
		return b.rec
	}
	for i := len(gr.panics) - 1; i >= 0; i-- {
		if p := gr.panics[i]; !p.recovered && sameValue(p.val, v) {
			return p
		}
	}
	return nil
}

// recoverEnter starts a function that calls recover and returns its
// frame's id.
func (r *run) recoverEnter() int {
	if r.ended.Load() {
		return 0
	}
	me := r.cur
	me.nextFrame++
	me.rframes = append(me.rframes, &recFrame{id: me.nextFrame})
	return me.nextFrame
}

// recoverExit is a normal return of the function whose frame is id. The
// frames above it are of functions it called that a panic cut short. If
// it recovered a panic, that panic is over, and so are the newer ones and
// those whose recovering function was cut short (they were recovered,
// then aborted by the panic this function recovered).
func (r *run) recoverExit(id int) {
	if r.ended.Load() {
		return
	}
	me := r.cur
	i := len(me.rframes) - 1
	for i >= 0 && me.rframes[i].id != id {
		i--
	}
	if i < 0 {
		return
	}
	f := me.rframes[i]
	me.rframes = me.rframes[:i]
	if f.rec == nil {
		return
	}
	if j := indexOf(me.panics, f.rec); j >= 0 {
		me.panics = me.panics[:j]
	}
	for n := len(me.panics); n > 0; n = len(me.panics) {
		p := me.panics[n-1]
		if !p.recovered || p.frame == nil || indexOfFrame(me.rframes, p.frame) >= 0 {
			break
		}
		me.panics = me.panics[:n-1]
	}
}

func indexOfFrame(fs []*recFrame, f *recFrame) int {
	for i, g := range fs {
		if g == f {
			return i
		}
	}
	return -1
}

func indexOf(ps []*panicRec, p *panicRec) int {
	for i, q := range ps {
		if q == p {
			return i
		}
	}
	return -1
}

// sameValue reports whether two panic values are the same, as the
// runtime's comparison of the two interfaces' words would find: equal and
// comparable (a learner's box is compared by its content).
func sameValue(a, b any) bool {
	a, b = unbox(a), unbox(b)
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if !va.IsValid() || !vb.IsValid() || va.Type() != vb.Type() || !va.Comparable() || !vb.Comparable() {
		return false
	}
	return a == b
}

// unbox returns the content of a learner's box, as the compiled side sees
// it, or v itself.
func unbox(v any) any {
	b, ok := v.(*panicBox)
	if !ok {
		return v
	}
	e := reflect.ValueOf(b.rec.box).Elem().Elem()
	if !e.IsValid() || !e.CanInterface() {
		return b
	}
	return e.Interface()
}

// recoveredValue is what recover returns for a panic value the learner
// did not box: yaegi's own failures become the runtime errors gc raises.
func recoveredValue(v any) any {
	switch e := v.(type) {
	case reflect.Value:
		if e.IsValid() && e.CanInterface() {
			return recoveredValue(e.Interface())
		}
	case RuntimeError:
		return e
	case error:
		if msg := runtimeMessage(e.Error()); msg != e.Error() {
			return runtimeError{msg}
		}
	case string:
		if msg := runtimeMessage(e); msg != e {
			return runtimeError{msg}
		}
	}
	return v
}

// panicReport is what the runtime prints for gr dying of the panic p:
// every panic in progress, oldest first, as printpanics does.
func (r *run) panicReport(gr *gor, p any) string {
	chain := gr.panics
	if rec := r.findPanic(gr, p); rec != nil {
		if i := indexOf(chain, rec); i >= 0 {
			chain = chain[:i+1]
		}
	} else {
		chain = append(chain[:len(chain):len(chain)], &panicRec{val: recoveredValue(p)})
	}
	// preprintpanics: a panic whose value is the same as the one before
	// it is printed once, as "[recovered, repanicked]".
	for i := len(chain) - 1; i > 0; i-- {
		if sameValue(chain[i-1].val, chain[i].val) {
			chain[i-1].repanicked = true
		}
	}
	var b strings.Builder
	for i, rec := range chain {
		if i > 0 {
			if chain[i-1].repanicked {
				continue
			}
			b.WriteString("\t")
		}
		d := r.describe(rec)
		if len(d) > r.limits.Output {
			d = d[:r.limits.Output] // force cuts the report there anyway
		}
		b.WriteString("panic: " + d)
		switch {
		case rec.recovered && rec.repanicked:
			b.WriteString(" [recovered, repanicked]")
		case rec.recovered:
			b.WriteString(" [recovered]")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// describe prints a panic's value as printpanicval does.
func (r *run) describe(rec *panicRec) (s string) {
	if rec.box == nil {
		return printPanicVal(rec.val)
	}
	if rec.desc == nil {
		return printPanicVal(unbox(rec.val))
	}
	defer func() {
		if recover() != nil {
			s = "(" + reflect.TypeOf(rec.box).Elem().String() + ") " + r.fakeAddr()
		}
	}()
	r.dying = true // the learner's Error or String method must not be preempted
	defer func() { r.dying = false }()
	typ, val := rec.desc(rec.box)
	switch {
	case typ == "" && val == "":
		return printPanicVal(unbox(rec.val)) // no case for the value's type
	case typ == "":
		return indented(val)
	case strings.HasPrefix(typ, "("):
		return typ + " " + r.fakeAddr()
	}
	return typ + val
}

// panicValueText prints the value of a panic of a defined basic type, after
// the type's name, as printanycustomtype does: (42), ("text"), (1+2i).
func panicValueText(v any) string {
	switch v := v.(type) {
	case string:
		return `("` + indented(v) + `")`
	case complex64, complex128:
		return printValue(v)
	}
	return "(" + printValue(v) + ")"
}

// fakeAddr stands for the address gc prints after a value's type: the
// simulator has no heap to show, so it makes up one of the usual form.
func (r *run) fakeAddr() string {
	r.addrs++
	return fmt.Sprintf("%#x", 0xc000012000+0x30*r.addrs)
}

// printPanicVal is printpanicval for a compiled value: an error's Error,
// a Stringer's String, a basic value as print prints it, any other value
// as its type and an address.
func printPanicVal(v any) string {
	switch v := v.(type) {
	case nil:
		return "nil"
	case error:
		return indented(runtimeMessage(v.Error()))
	case fmt.Stringer:
		return indented(v.String())
	case string:
		return indented(runtimeMessage(v))
	}
	rv := reflect.ValueOf(v)
	t := rv.Type()
	if k := t.Kind(); k > reflect.Invalid && k <= reflect.Complex128 || k == reflect.String {
		if t.PkgPath() == "" {
			return printValue(v)
		}
		s := printValue(rv.Convert(basicTypes[k]).Interface())
		switch k {
		case reflect.String:
			return t.String() + `("` + indented(rv.String()) + `")`
		case reflect.Complex64, reflect.Complex128:
			return t.String() + s
		}
		return t.String() + "(" + s + ")"
	}
	return "(" + t.String() + ") 0xc000012000"
}

var basicTypes = map[reflect.Kind]reflect.Type{}

func init() {
	for _, v := range []any{false, 0, int8(0), int16(0), int32(0), int64(0), uint(0), uint8(0), uint16(0),
		uint32(0), uint64(0), uintptr(0), float32(0), float64(0), complex64(0), complex128(0), ""} {
		basicTypes[reflect.TypeOf(v).Kind()] = reflect.TypeOf(v)
	}
}

// printValue prints a basic value as the runtime's print does
// (runtime/print.go): floats and complexes in the shortest 'g' form.
func printValue(v any) string {
	switch v := v.(type) {
	case bool:
		return strconv.FormatBool(v)
	case float32:
		return strconv.FormatFloat(float64(v), 'g', -1, 32)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case complex64:
		return strconv.FormatComplex(complex128(v), 'g', -1, 64)
	case complex128:
		return strconv.FormatComplex(v, 'g', -1, 128)
	case string:
		return v
	}
	rv := reflect.ValueOf(v)
	switch {
	case rv.CanInt():
		return strconv.FormatInt(rv.Int(), 10)
	case rv.CanUint():
		return strconv.FormatUint(rv.Uint(), 10)
	}
	return fmt.Sprint(v)
}

// indented is printindented: each newline is followed by a tab, so that a
// traceback stays parseable.
func indented(s string) string { return strings.ReplaceAll(s, "\n", "\n\t") }
