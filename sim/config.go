package sim

// Config sets up a simulated machine. The zero value is useful: every field
// has a default chosen to match the real runtime (go1.26, linux/amd64) on an
// 8-CPU machine, as the comments say.
type Config struct {
	// CPUs is the simulated machine's CPU count. Default 8.
	CPUs int
	// Procs is GOMAXPROCS at start. Default CPUs, as schedinit does when the
	// GOMAXPROCS environment variable is unset (proc.go:917-936).
	Procs int
	// Seed drives every random choice: steal order, select poll order and
	// the jitter of virtual CPU time.
	Seed uint64
	// TimeSlice is forcePreemptNS, the slice after which sysmon preempts a
	// G (proc.go:6628). Default 10ms.
	TimeSlice int64
	// GlobalQueueEvery is the fairness check of findRunnable: every
	// GlobalQueueEvery-th schedtick one G is taken from the global queue
	// first (proc.go:3443). Default 61.
	GlobalQueueEvery int
	// RunqSize is the capacity of a P's local run queue (runtime2.go:803).
	// Default 256.
	RunqSize int
	// MaxStack is the maximum goroutine stack size in bytes, as
	// runtime/debug.SetMaxStack sets it. Default 1,000,000,000 (proc.go:156).
	MaxStack int64
	// RuntimeGs models the goroutines the runtime has created before
	// main.main of a program that imports fmt: goids 2-4 park for good,
	// goid 5 waits in the local run queue and goid 6 in runnext, so the
	// first user goroutine is goid 7, as observed with GOMAXPROCS=1.
	// Default true; set NoRuntimeGs to leave them out.
	NoRuntimeGs bool
	// NoFinalizerG leaves out goid 6, the finalizer goroutine: the runtime
	// starts it at the first runtime.SetFinalizer, which package os's
	// init makes (its Stdin, Stdout and Stderr files). A program that
	// imports neither os nor a package that imports it (fmt,
	// runtime/debug) has goids 2-5 only, goid 5 waits in runnext, and its
	// first goroutine is goid 6, as observed with GOMAXPROCS=1.
	NoFinalizerG bool
	// InitialSchedtick is P0's schedtick when main.main starts; it sets the
	// phase of the every-61-ticks global queue check. Default 4: with it a
	// goroutine that calls Gosched comes back after as many others as in
	// the real runtime with GOMAXPROCS=1, whose own value varies by one
	// from run to run (lesson 6's global-fairness snippet: 54 or 55 real).
	InitialSchedtick int
	// Jitter is the percentage by which the seed perturbs each amount of
	// virtual CPU time, so that different seeds explore different
	// interleavings on several Ps. Default 0 (none); a negative value also
	// means none.
	Jitter int
	// NoPerturb turns off the perturbations that a seed other than 0
	// draws when the run starts with more than one P (perturb.go): wake
	// latencies, cost jitter, sysmon's phase, the CPUs free for the
	// program. Seed 0 and one P never draw them.
	NoPerturb bool
	// Idle makes the perturbed machine one with nothing else to run:
	// every CPU is free for the program's threads, so Gs on different Ps
	// truly run at the same instant and race windows switch as often as
	// the model allows. By default each CPU but the first is free only
	// now and then, as on the busy 2-CPU machine the perturbations were
	// calibrated on (perturb.go).
	Idle bool
	// Costs is the virtual time model. Zero fields take defaults.
	Costs Costs
	// MaxEvents bounds the trace kept in memory; events past it are counted
	// but dropped. Default 1,000,000. A negative value keeps no events.
	MaxEvents int
	// RaceDetector turns the data-race detector on (racedetect.go): the
	// driver reports memory accesses with Sim.RaceRead and Sim.RaceWrite.
	RaceDetector bool
	// Debug checks every invariant after every step and panics on a broken
	// one. Tests set it.
	Debug bool
}

// Costs is the virtual CPU time, in nanoseconds, that each kind of work
// takes. The figures are of the order the real runtime takes on a current
// x86 core, so that time-dependent behaviour (preemption after 10ms, a
// sleeper waking while others compute) appears at about the same amount of
// work as in a real program.
type Costs struct {
	// Stmt is one statement of user code, charged by Tick. A call-free loop
	// of 30 million one-statement iterations then takes 30ms and is
	// preempted, as a compiled loop of that size is.
	Stmt int64
	// Spawn is a go statement (newproc). Default 300.
	Spawn int64
	// Switch is a context switch: gopark or gosched plus schedule and
	// execute. Default 150.
	Switch int64
	// ChanOp is a channel operation that does not block. Default 30.
	ChanOp int64
	// Wake is the time for an idle P's M to wake and start looking for
	// work after wakep (a futex wake of an OS thread). Default 5000.
	Wake int64
	// Steal is one look into another P's run queue. Default 50.
	Steal int64
	// Syscall is a short system call such as a write to stdout. Default 1000.
	Syscall int64
	// SysmonMin and SysmonMax are sysmon's shortest and longest sleep:
	// 20µs, doubling after 50 idle cycles up to 10ms (proc.go:6497-6505).
	SysmonMin, SysmonMax int64
}

func (c Config) withDefaults() Config {
	if c.CPUs <= 0 {
		c.CPUs = 8
	}
	if c.Procs <= 0 {
		c.Procs = c.CPUs
	}
	if c.TimeSlice <= 0 {
		c.TimeSlice = 10_000_000
	}
	if c.GlobalQueueEvery <= 0 {
		c.GlobalQueueEvery = 61
	}
	if c.RunqSize <= 0 {
		c.RunqSize = 256
	}
	if c.MaxStack <= 0 {
		c.MaxStack = 1_000_000_000
	}
	if c.InitialSchedtick < 0 {
		c.InitialSchedtick = 0
	} else if c.InitialSchedtick == 0 {
		c.InitialSchedtick = 4
	}
	if c.MaxEvents == 0 {
		c.MaxEvents = 1_000_000
	}
	c.Costs = c.Costs.withDefaults()
	return c
}

func (c Costs) withDefaults() Costs {
	def := func(v *int64, d int64) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.Stmt, 1)
	def(&c.Spawn, 300)
	def(&c.Switch, 150)
	def(&c.ChanOp, 30)
	def(&c.Wake, 5000)
	def(&c.Steal, 50)
	def(&c.Syscall, 1000)
	def(&c.SysmonMin, 20_000)
	def(&c.SysmonMax, 10_000_000)
	return c
}
