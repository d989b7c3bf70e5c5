package runner

import "reflect"

// raceExports returns the shim's entries for race windows
// (rewrite_race.go): Race, the window, and Multi, which the rewritten
// program reads before calling it, so that a run on one P, where a window
// never switches, does not pay for the call.
//
// Multi is a *bool, read as *__rt.Multi: yaegi v0.16.1 reads a compiled
// package's bool variable once, when it compiles an if condition or an
// assignment that uses it, so a plain bool would keep the value it had
// before main started, and a program calling runtime.GOMAXPROCS(4) on one
// P would never race.
func (r *run) raceExports() map[string]reflect.Value {
	r.setMulti()
	return map[string]reflect.Value{
		"Race":  reflect.ValueOf(r.race),
		"Multi": reflect.ValueOf(&r.multi),
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
