package runner

import (
	"reflect"

	"github.com/gotour-gpm/gotour-gpm/sim"
)

// A WaitGroup's simulated counter is keyed by the WaitGroup's address
// (obj), and mirrored in its state field, so that a copy (a WaitGroup
// passed by value, which go vet warns about) starts from the count it was
// copied with, as the real one does: its Done then brings the copy, not
// the original, to zero, and the original's Wait waits for ever (a
// deadlock, not "sync: negative WaitGroup counter").

// waitGroup returns the simulated WaitGroup of wg (a *sync.WaitGroup of
// the shadow package), made on first use with the count of wg's state.
func (r *run) waitGroup(wg any) *sim.WaitGroup {
	k := reflect.ValueOf(wg).Pointer()
	if o, ok := r.objs[k].(*sim.WaitGroup); ok {
		return o
	}
	o := obj[sim.WaitGroup](r, wg)
	if n := wgState(wg); n > 0 {
		r.s.Add(o, int(n)) // a positive count: no error, nobody to wake
	}
	return o
}

// wgState returns the state field of wg, 0 when it has none.
func wgState(wg any) int64 {
	if f, ok := wgField(wg); ok {
		return f.Int()
	}
	return 0
}

// setWGState adds n to wg's state field.
func setWGState(wg any, n int) {
	if f, ok := wgField(wg); ok {
		f.SetInt(f.Int() + int64(n))
	}
}

// wgField is the state field of the shadow WaitGroup wg points to: its
// first field, of an integer kind, settable through the pointer.
func wgField(wg any) (reflect.Value, bool) {
	v := reflect.ValueOf(wg)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct || v.Elem().NumField() == 0 {
		return reflect.Value{}, false
	}
	f := v.Elem().Field(0)
	if !f.CanSet() || !f.CanInt() {
		return reflect.Value{}, false
	}
	return f, true
}
