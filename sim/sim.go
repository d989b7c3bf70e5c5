package sim

import (
	"math/rand/v2"
)

// Sim is a simulated Go runtime: Ps, Ms, Gs, run queues, timers, channels,
// semaphores and stacks, in virtual time. It runs no code itself. Its
// driver (the runner) executes the G that [Sim.Current] names and calls the
// Sim at every scheduling point of that G; the Sim updates its state and
// says which G runs next.
//
// Every method that takes no G acts for the current G. A Sim is not safe
// for concurrent use: only one G runs at a time.
type Sim struct {
	cfg   Config
	rng   *rand.Rand
	procs int // GOMAXPROCS now

	allp    []*P
	pidle   []*P // idle Ps, a stack as sched.pidle
	allm    []*M
	midle   []*M // idle Ms, a stack as sched.midle
	allgs   []*G
	gs      map[int64]*G
	global  gqueue
	goidgen int64

	cur       *G    // the G the driver runs now
	now       int64 // time of the latest thing done
	seq       int64 // events emitted so far
	tseq      int64 // timers armed so far: the tie-break of equal deadlines
	trace     Trace
	chunks    [][]rawEvent // every event kept, compact (see rawEvent)
	nevents   int
	gsArena   []int64           // the Gs lists of the kept events
	details   []string          // the distinct Event.Detail texts
	detailIdx map[string]uint16 // and their indexes
	fatal     *Fatal
	mainG     *G
	mainDone  bool // main called Goexit
	exited    bool // the program ended (main returned or os.Exit)
	horizon   int64
	nspinning int

	sysmon     sysmonState
	chans      []*Chan
	sudogs     []*sudog // free sudogs (acquireSudog)
	gcs        int
	live       int   // user Gs alive now, for Stats.MaxLive
	pollFrom   int64 // when the netpoller M began waiting for a timer
	startStack int64 // size of new stacks after a GC; 0 before the first
	stats      Stats
	race       raceState // race windows (race.go)
	hb         *hbState  // the race detector, when on (racedetect.go)
	noise      noise     // perturbations (perturb.go)
}

// Stats counts what happened in a run.
type Stats struct {
	Goroutines      int   // Gs created by the program (main included)
	MaxLive         int   // most Gs alive at once
	Switches        int64 // times a P started running a G
	Steals          int64 // successful steals
	Handoffs        int64 // Ps retaken from system calls and handed off
	Preemptions     int64 // time-slice preemptions
	StackGrowths    int64 // stack doublings
	StackCopied     int64 // bytes copied by stack growth
	GlobalQueueUses int64 // Gs taken from the global queue
	Events          int64 // events recorded or dropped
	Races           int64 // race windows in which another P's G ran (race.go)
	// Counts a grader reads without the trace, which MaxEvents may cut.
	Closes    int64 // channels closed
	WorkCalls int64 // Work calls (a resumed piece of work is not a new call)
	WorkTime  int64 // ns of work those calls asked for
}

// New builds a machine at the start of main.main: P0 runs the main
// goroutine (goid 1) on M0; the other Ps are idle. Unless cfg.NoRuntimeGs,
// the runtime's own goroutines exist as with a real program that imports
// fmt (see Config.RuntimeGs).
func New(cfg Config) *Sim {
	cfg = cfg.withDefaults()
	s := &Sim{
		cfg: cfg,
		rng: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)),
		gs:  make(map[int64]*G),
	}
	s.trace.Procs, s.trace.Seed = cfg.Procs, cfg.Seed
	if cfg.RaceDetector {
		s.hb = newHB()
	}
	s.sysmon.delay = cfg.Costs.SysmonMin
	s.sysmon.next = cfg.Costs.SysmonMin
	s.initNoise()
	s.procresize(cfg.Procs)
	p0 := s.allp[0]
	s.pidleremove(p0)
	m0 := s.newm(0)
	s.acquirep(m0, p0)
	s.mainG = s.newg(p0, 0, nil)
	s.execute(p0, s.mainG, false)
	p0.schedtick = uint32(cfg.InitialSchedtick)
	if !cfg.NoRuntimeGs {
		s.runtimeGs(p0)
	}
	s.stats.Goroutines = 1
	s.live, s.stats.MaxLive = 1, 1
	s.cur = s.mainG
	s.setHorizon()
	s.debugCheck()
	return s
}

// runtimeGs creates goids 2-6 as the runtime has them at main.main
// (forcegchelper in proc.go, bgsweep and bgscavenge in mgc.go park for
// good; createfing in mfinal.go starts the finalizer goroutine): 2-4
// parked for good, 5 in the local queue and 6
// in runnext. When run, 5 and 6 park at once. Without the finalizer
// goroutine (Config.NoFinalizerG), 5 is in runnext: os's init is what
// starts 6, after runtime.main started 5.
func (s *Sim) runtimeGs(p0 *P) {
	for _, r := range []WaitReason{WaitForceGC, WaitGCSweep, WaitGCScavenge} {
		g := s.newg(p0, 1, nil)
		g.System, g.Status, g.Reason = true, Gwaiting, r
	}
	g5 := s.newg(p0, 1, nil)
	g5.System, g5.sysWait = true, WaitMaxProcs
	if s.cfg.NoFinalizerG {
		s.runqput(p0, g5, true)
		return
	}
	s.runqput(p0, g5, false)
	g6 := s.newg(p0, 1, nil)
	g6.System, g6.sysWait = true, WaitFinalizer
	s.runqput(p0, g6, true)
}

// Config returns the configuration in force, defaults filled in.
func (s *Sim) Config() Config { return s.cfg }

// Current returns the G that the driver must run now, or nil when no G can
// run: the program is over, deadlocked or has hit a fatal error. The
// driver asks after every operation, so with Config.Debug set this is
// where the invariants are checked after the operations that do not
// reschedule.
func (s *Sim) Current() *G {
	s.debugCheck()
	return s.cur
}

// G returns the G with the given goid, or nil.
func (s *Sim) G(id int64) *G { return s.gs[id] }

// Now returns the virtual time, in nanoseconds since main.main started, at
// which the current G runs (or the last event happened).
func (s *Sim) Now() int64 {
	if s.cur != nil && s.cur.p != nil {
		return s.cur.p.clock
	}
	return s.now
}

// Fatal returns the fatal error that ended the run, or nil.
func (s *Sim) Fatal() *Fatal { return s.fatal }

// Trace returns the events so far.
func (s *Sim) Trace() *Trace {
	s.stats.Events = s.seq
	s.flushEvents()
	return &s.trace
}

// Stats returns the counts so far.
func (s *Sim) Stats() Stats {
	s.stats.Events = s.seq
	return s.stats
}

// GOMAXPROCS returns the current number of Ps.
func (s *Sim) GOMAXPROCS() int { return s.procs }

// NumGoroutine counts the live user goroutines, as runtime.NumGoroutine.
func (s *Sim) NumGoroutine() int {
	if s.live > 0 {
		return s.live
	}
	n := 0
	for _, g := range s.allgs {
		if g.Status != Gdead && !g.System {
			n++
		}
	}
	return n
}

// Goroutines returns every G ever created and not reused, in allgs order.
func (s *Sim) Goroutines() []*G { return s.allgs }

// newg makes a G for pp: a dead one from pp's free list if there is one
// (gfget), else a new one with a 2 KiB stack (malg(stackMin)). The goid
// comes from pp's cache, refilled 16 at a time (_GoidCacheBatch,
// proc.go:5390-5400).
func (s *Sim) newg(pp *P, parent int64, fn any) *G {
	var g *G
	if n := len(pp.gFree); n > 0 {
		g = pp.gFree[n-1]
		pp.gFree = pp.gFree[:n-1]
		delete(s.gs, g.ID)
		// A reused G starts on a stack of startingStackSize: gfput frees
		// a stack of another size and gfget allocates a fresh one
		// (proc.go:5465-5556).
		*g = G{allgIdx: g.allgIdx, Stack: newStack(s.startingStack())}
	} else {
		// A brand-new G always gets malg(stackMin), whatever the
		// adaptive starting size (newproc1, proc.go:5322-5325).
		g = &G{allgIdx: len(s.allgs), Stack: newStack(StackMin)}
		s.allgs = append(s.allgs, g)
	}
	if pp.goidcache == pp.goidcacheEnd {
		const batch = 16
		s.goidgen += batch
		pp.goidcache = s.goidgen - batch + 1
		pp.goidcacheEnd = s.goidgen + 1
	}
	g.ID = pp.goidcache
	pp.goidcache++
	g.Parent = parent
	g.Fn = fn
	g.wait.Case = -1
	s.gs[g.ID] = g
	return g
}

// newm creates an M at virtual time at (newm, proc.go).
func (s *Sim) newm(at int64) *M {
	m := &M{ID: len(s.allm)}
	s.allm = append(s.allm, m)
	if m.ID > 0 {
		s.emitAt(max(s.now, at), Event{Kind: EvMStart, P: -1, M: -1, N: int64(m.ID)})
	}
	return m
}

func (s *Sim) acquirep(m *M, pp *P) {
	m.p = pp
	pp.m = m
	pp.status = pRunning
}
