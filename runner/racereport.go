package runner

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/gotour-gpm/gotour-gpm/sim"
)

// The race detector's side of the shim (Options.Race): the accesses the
// rewritten program reports (rewrite_access.go) go to the simulator's
// detector, and each race it finds is printed on stderr at once, in the
// shape of the race runtime's report (tsan's ReportRace as Go prints it):
//
//	==================
//	WARNING: DATA RACE
//	Write at 0x00c000012030 by goroutine 7:
//	  main.main.func1()
//	      prog.go:12
//
//	Previous read at 0x00c000012030 by main goroutine:
//	  main.main()
//	      prog.go:17
//
//	Goroutine 7 (running) created at:
//	  main.main()
//	      prog.go:10
//	==================
//
// A run that ends as the program returns from main or calls os.Exit(0)
// after a report prints "Found N data race(s)" and exits 66, as a binary
// built with -race does (exitstatus in the runtime's race flags).

// raceState is a run's race-detector state.
type raceState struct {
	sites   []Site
	goSite  int           // the site of the go statement about to run, or -1
	created map[int64]int // goid → the site of its go statement
	keep    map[uintptr]any
	addrs   map[uintptr]string // the made-up addresses printed
	found   []Race
}

// Race is a data race the detector found: the access that found it and
// the earlier one it conflicts with.
type Race struct {
	// Addr is the location's made-up address, as printed.
	Addr      string
	Cur, Prev RaceAccess
}

// RaceAccess is one side of a race.
type RaceAccess struct {
	// G is the goroutine's id; 1 is main.
	G     int64
	Write bool
	// Site is where the access is; Created, for a goroutine other than
	// main, is the go statement that created it (zero if unknown).
	Site, Created Site
}

// raceDetectExports returns the shim's race-detector functions.
func (r *run) raceDetectExports() map[string]reflect.Value {
	return map[string]reflect.Value{
		"RaceR": reflect.ValueOf(func(p any, site int) { r.raceAccess(p, false, site) }),
		"RaceW": reflect.ValueOf(func(p any, site int) { r.raceAccess(p, true, site) }),
		"RaceRW": reflect.ValueOf(func(p any, rsite, wsite int) {
			r.raceAccess(p, false, rsite)
			r.raceAccess(p, true, wsite)
		}),
		"RaceMR": reflect.ValueOf(func(m any, site int) { r.raceAccess(m, false, site) }),
		"RaceMW": reflect.ValueOf(func(m any, site int) { r.raceAccess(m, true, site) }),
		"RaceGo": reflect.ValueOf(func(site int) {
			if r.rd != nil {
				r.rd.goSite = site
			}
		}),
		"RaceAcq":    reflect.ValueOf(func(p any) { r.raceSync(p, true, false) }),
		"RaceRel":    reflect.ValueOf(func(p any) { r.raceSync(p, false, true) }),
		"RaceAcqRel": reflect.ValueOf(func(p any) { r.raceSync(p, true, true) }),
	}
}

// raceAccess reports a read or write of the storage p points to (or of
// the map p is) to the detector, and prints the race it finds.
func (r *run) raceAccess(p any, write bool, site int) {
	if r.rd == nil || r.dying || r.ended.Load() || p == nil {
		return
	}
	addr := reflect.ValueOf(p).Pointer()
	if addr == 0 {
		return
	}
	if _, ok := r.rd.keep[addr]; !ok {
		// Kept alive, so that no later variable gets its address while
		// the detector remembers its accesses.
		r.rd.keep[addr] = p
	}
	var rep sim.RaceReport
	var found bool
	if write {
		rep, found = r.s.RaceWrite(addr, int32(site))
	} else {
		rep, found = r.s.RaceRead(addr, int32(site))
	}
	if found {
		rc := r.describeRace(rep)
		r.rd.found = append(r.rd.found, rc)
		if !r.opts.RaceQuiet {
			r.stderr.force(formatRace(rc, r.s, r.opts.Filename))
		}
	}
}

// races returns the races found, nil without the detector.
func (r *run) races() []Race {
	if r.rd == nil {
		return nil
	}
	return r.rd.found
}

// describeRace describes a report of the simulator's detector.
func (r *run) describeRace(rep sim.RaceReport) Race {
	addr, ok := r.rd.addrs[rep.Addr]
	if !ok {
		addr = fmt.Sprintf("0x%012x", 0xc000012000+0x30*(len(r.rd.addrs)+1))
		r.rd.addrs[rep.Addr] = addr
	}
	side := func(a sim.RaceAccess) RaceAccess {
		ra := RaceAccess{G: a.G, Write: a.Write, Site: r.rd.site(int(a.Site))}
		if site, ok := r.rd.created[a.G]; ok {
			ra.Created = r.rd.site(site)
		}
		return ra
	}
	return Race{Addr: addr, Cur: side(rep.Cur), Prev: side(rep.Prev)}
}

func (rd *raceState) site(i int) Site {
	if i < 0 || i >= len(rd.sites) {
		return Site{}
	}
	return rd.sites[i]
}

// raceSync is a sync/atomic operation on p: a load acquires, a store
// releases, a read-modify-write does both.
func (r *run) raceSync(p any, acq, rel bool) {
	if r.rd == nil || r.dying || r.ended.Load() || p == nil {
		return
	}
	addr := reflect.ValueOf(p).Pointer()
	if _, ok := r.rd.keep[addr]; !ok {
		r.rd.keep[addr] = p
	}
	if acq {
		r.s.RaceAcquire(addr)
	}
	if rel {
		r.s.RaceRelease(addr)
	}
}

// raceSpawned records where the G just created was created.
func (r *run) raceSpawned(g *sim.G) {
	if r.rd == nil || g == nil {
		return
	}
	if r.rd.goSite >= 0 {
		r.rd.created[g.ID] = r.rd.goSite
	}
	r.rd.goSite = -1
}

// formatRace prints a race as the race runtime does; s says whether its
// goroutines are still running.
func formatRace(rc Race, s *sim.Sim, filename string) string {
	var b strings.Builder
	b.WriteString("==================\nWARNING: DATA RACE\n")
	raceSide(&b, "", rc.Cur, rc.Addr, filename)
	b.WriteString("\n")
	raceSide(&b, "Previous ", rc.Prev, rc.Addr, filename)
	for _, a := range []RaceAccess{rc.Cur, rc.Prev} {
		if a.G == 1 {
			continue
		}
		state := "finished"
		if g := s.G(a.G); g != nil && g.Status != sim.Gdead {
			state = "running"
		}
		fmt.Fprintf(&b, "\nGoroutine %d (%s) created at:\n", a.G, state)
		raceFrame(&b, a.Created, filename)
	}
	b.WriteString("==================\n")
	return b.String()
}

func raceSide(b *strings.Builder, prefix string, a RaceAccess, addr, filename string) {
	kind := "read"
	if a.Write {
		kind = "write"
	}
	if prefix == "" {
		kind = strings.ToUpper(kind[:1]) + kind[1:]
	}
	who := fmt.Sprintf("goroutine %d", a.G)
	if a.G == 1 {
		who = "main goroutine"
	}
	fmt.Fprintf(b, "%s%s at %s by %s:\n", prefix, kind, addr, who)
	raceFrame(b, a.Site, filename)
}

func raceFrame(b *strings.Builder, s Site, filename string) {
	if s.Line == 0 {
		return
	}
	fmt.Fprintf(b, "  %s()\n      %s:%d\n", s.Func, filename, s.Line)
}

// raceExit ends a clean run that found races as a -race binary does: it
// says how many and exits 66.
func (r *run) raceExit() {
	if r.rd == nil || r.opts.RaceQuiet || len(r.rd.found) == 0 || r.code != 0 || (r.outcome != OutcomeOK && r.outcome != OutcomeExit) {
		return
	}
	r.stderr.force(fmt.Sprintf("Found %d data race(s)\n", len(r.rd.found)))
	r.code = 66
}
