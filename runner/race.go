package runner

import "reflect"

// raceExports returns the shim's entries for race windows
// (rewrite_race.go) and map accesses (rewrite_map.go): Race, the window,
// and Multi, which the rewritten program reads before calling it, so that
// a run on one P, where a window never switches, does not pay for the
// call; MapWrite, the window of a map write, and MapRead, the check of a
// read, which the program calls only while MapBusy says that an excursion
// from a map write may be in progress.
//
// Multi and MapBusy are *bool, read as *__rt.Multi: yaegi v0.16.1 reads a
// compiled package's bool variable once, when it compiles an if condition
// or an assignment that uses it, so a plain bool would keep the value it
// had before main started, and a program calling runtime.GOMAXPROCS(4) on
// one P would never race.
func (r *run) raceExports() map[string]reflect.Value {
	r.setMulti()
	return map[string]reflect.Value{
		"Race":     reflect.ValueOf(r.race),
		"Multi":    reflect.ValueOf(&r.multi),
		"MapWrite": reflect.ValueOf(r.mapWrite),
		"MapRead":  reflect.ValueOf(r.mapRead),
		"MapBusy":  reflect.ValueOf(&r.mapBusy),
	}
}

// setMulti updates Multi after GOMAXPROCS changed.
func (r *run) setMulti() { r.multi = r.s != nil && r.s.GOMAXPROCS() > 1 }

// race is the window of an unsynchronised read-modify-write, between its
// load and its store: the simulator may let another P's goroutine run
// right here (sim.Sim.Race).
func (r *run) race() {
	if r.dying {
		return // a dying G's Error method, called to print its panic
	}
	me := r.op()
	if r.s.Race() {
		r.after(me)
	}
}

// mapWrite is the window at the start of a write to map m: another P's
// goroutine may run here, and if it touches m, the program dies with
// "fatal error: concurrent map writes" (sim.Sim.MapWrite).
func (r *run) mapWrite(m any) {
	if r.dying {
		return
	}
	me := r.op()
	if r.s.MapWrite(mapKey(m)) {
		r.mapBusy = r.s.MapWriting()
		r.after(me)
	}
}

// mapRead checks a read of map m, or with iter a step of a range loop
// over it, against a write in progress (sim.Sim.MapRead). When no
// excursion from a map write is in progress any more, it clears MapBusy,
// so that reads stop calling.
func (r *run) mapRead(m any, iter bool) {
	if r.dying {
		return
	}
	if !r.s.MapWriting() {
		r.mapBusy = false
		return
	}
	me := r.op()
	if r.s.MapRead(mapKey(m), iter) {
		r.after(me)
	}
}

// mapKey names map m for the simulator by its address; a nil map is 0.
func mapKey(m any) uintptr {
	v := reflect.ValueOf(m)
	if v.Kind() != reflect.Map || v.IsNil() {
		return 0
	}
	return v.Pointer()
}
