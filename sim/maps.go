package sim

// Concurrent map writes: how the runtime catches two goroutines writing
// one map.
//
// A Go map is not safe for concurrent use, and the runtime checks for the
// commonest misuse. Each write (an assignment, a delete, a clear) sets a
// flag in the map, writing, for its duration; a write that finds the flag
// set throws "concurrent map writes", a lookup "concurrent map read and
// map write", a step of a range loop "concurrent map iteration and map
// write" (internal/runtime/maps: map.go PutSlot, Delete, Clear, Get;
// table.go Iter.Next). The throw is fatal: no recover, no deferred call,
// only the goroutine that saw the flag is listed, and the program exits
// with status 2. The check is a best effort: it fires only when the two
// accesses overlap in time, so a racy program crashes on some runs and
// not on others.
//
// Here a write to a map that other goroutines may reach is a race window
// (race.go): the driver calls [Sim.MapWrite] at the start of the write,
// and another P's G may run in the middle of it, an excursion. If that G
// then writes the same map ([Sim.MapWrite]) or reads it ([Sim.MapRead]),
// the run ends with the runtime's fatal error, in that G. Gs interleave
// only at calls into the Sim, and a G stops in the middle of a write only
// when an excursion interrupts it, so the G of the current excursion is
// the only one that can meet a write in progress. Excursions are drawn
// from the seed, so a given seed crashes or not every time; with one P a
// window never switches and nothing is ever detected, as a single CPU
// never runs two writes at once.
//
// Maps are named by the driver, which uses their address; 0 is a nil map,
// which is never written (the write panics first).

// MapWrite is the window at the start of the current G's write to map m.
// If the G of the current excursion meets the interrupted G's write to m
// there, the run ends with "fatal error: concurrent map writes";
// otherwise it is a race window ([Sim.Race]) during which the G is
// writing m. It reports whether Current changed: another G runs, or
// nothing does because the run ended ([Sim.Fatal]).
func (s *Sim) MapWrite(m uintptr) bool {
	if s.mapClash(m, "concurrent map writes") {
		return true
	}
	s.mapCost()
	return s.window(m)
}

// MapRead checks the current G's read of map m, or with iter a step of a
// range loop over it: if it meets the interrupted G's write to m during
// an excursion, the run ends with the runtime's fatal error. It reports
// whether it did. A read is no window: nothing else happens.
func (s *Sim) MapRead(m uintptr, iter bool) bool {
	msg := "concurrent map read and map write"
	if iter {
		msg = "concurrent map iteration and map write"
	}
	return s.mapClash(m, msg)
}

// MapWriting reports whether a G is in the middle of a map write, which
// an excursion interrupted: only then can [Sim.MapRead] fail, so a driver
// may skip the call otherwise.
func (s *Sim) MapWriting() bool { return s.race.from != nil && s.race.mapw != 0 }

// mapClash ends the run with the fatal error msg if the current G accesses
// m while the G interrupted by the current excursion is writing it. The
// throw lists only the current G, which found the flag set (fatal,
// throwTypeUser, prints no other goroutine).
func (s *Sim) mapClash(m uintptr, msg string) bool {
	if m == 0 || s.race.from == nil || s.race.mapw != m {
		return false
	}
	s.fatal = &Fatal{Msg: msg, Goroutines: []GInfo{s.Info(s.cur)}}
	s.End()
	return true
}
