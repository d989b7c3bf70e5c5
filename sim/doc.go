// Package sim is a deterministic model of the Go runtime's scheduler
// (go1.26, linux/amd64): Gs, Ps and Ms, run queues, work stealing, sysmon's
// preemption and system-call hand-off, timers, channels, select, the sync
// primitives and goroutine stacks, all in virtual time.
//
// sim is pure. It starts no goroutines, never reads the wall clock, and
// draws every random choice from one PRNG seeded by [Config.Seed]; it runs
// no code either. Its driver (the runner, which interprets a learner's
// program, or this package's scenario interpreter) runs the G that
// [Sim.Current] names and calls the Sim at each scheduling point of that
// G: a go statement, a channel operation, a lock, a sleep, a system call,
// a stretch of work. The Sim updates the machine, records what happened in
// its [Trace], and names the G that runs next. The same program and seed
// give the same trace, byte for byte.
//
// The model follows the runtime's own code, cited as file:line of
// $GOROOT/src/runtime (Go 1.26), and is checked against the real
// toolchain by the runner's fidelity corpus. Where it
// departs from the runtime, the section "Not modelled" says so and why.
//
// # Concepts
//
// A G is a goroutine: its status (runnable, running, syscall, waiting,
// dead), why it waits, its stack. A P is a processor, the right to run Go
// code: it has a local run queue of 256 Gs, a runnext slot for the G to
// run next, a timer heap and a schedtick counting the time slices it has
// started. There are GOMAXPROCS Ps. An M is an OS thread: it runs Go code
// only while it holds a P. An M blocked in a system call keeps its G and,
// in Go 1.26, its P, until sysmon takes the P away and hands it to another
// M. sysmon is the runtime's monitor thread, on an M of its own without a
// P: it preempts Gs that have run for 10ms and retakes Ps from long system
// calls. The global run queue is unbounded and shared by all Ps.
//
// # Virtual time
//
// Each P has a clock, in nanoseconds since main.main started. Operations
// charge the acting G's P from [Costs]: a statement ([Sim.Tick]), a go
// statement, a context switch, a channel operation; [Sim.Work] charges a
// long computation, which other Ps' turns and preemption may interrupt
// part-way (the driver then resumes it with what is left). Sleeps, timers
// and system calls end at a
// virtual time. [Config.Jitter] perturbs every cost by a percentage drawn
// from the seed, so that seeds explore different interleavings on several
// Ps; the perturbations below do so by default. Nothing depends on how
// fast the host runs.
//
// # Perturbations
//
// Two real runs of a program on several Ps differ because of what a fixed
// cost model holds still: how long a woken thread takes to start, the
// jitter of each statement's cost, the time a write of output takes,
// sysmon's phase, whether another CPU is free at all. With a seed other
// than 0 and more than one P at start, the Sim draws these from a PRNG
// stream of its own, seeded from the seed (perturb.go): once per run (the
// CPUs free for the program, the cost jitter, sysmon's phase) and at each
// wake-up, cost and output. A race window switches only when another CPU
// is free, so on the default machine, a busy one like the 2-CPU machine
// the figures were calibrated on, most runs of a racy counter lose
// nothing and a few lose many updates; [Config.Idle] gives a machine
// whose CPUs are all free, where they lose updates every time.
//
// Seed 0, and every run that starts with one P, draws none of them: the
// run is the unperturbed model, byte for byte, which is what lessons and
// golden files show. On one P the real runtime is deterministic for the
// programs a course shows, and stays so here on every seed; a run that
// starts with one P and raises GOMAXPROCS later is not perturbed either.
// [Config.NoPerturb] turns them off for every seed (scenarios do, unless
// their config says perturb=on).
//
// # The scheduling loop
//
// The runtime runs schedule → findRunnable → execute on every M at once.
// Here one loop, reschedule, plays all the Ms in virtual-time order:
//
//  1. The driver runs the current G until the G's next call to the Sim.
//     The call completes at once (the G keeps running); or it blocks,
//     yields or ends the G, and the G's P runs schedule (step 4); or it
//     moves the P's clock past the horizon (step 3).
//  2. reschedule finds the running P furthest behind in virtual time (the
//     smallest clock; ties go to the lowest P id) and the earliest pending
//     machine event: sysmon's next look, an M woken for a P starting to
//     look for work, a system call ending, an idle P woken for a timer.
//     If the event is due no later than that P's clock, it is carried out
//     (which may start Gs on other Ps) and the loop starts again.
//  3. Otherwise that P's G becomes the current G, and runs until the
//     horizon: the next machine event, or another running P's clock plus
//     2µs, so that no P runs far ahead of another. An operation that
//     creates an earlier machine event (wakep, a new timer) lowers the
//     horizon.
//  4. schedule(P) calls findRunnable, in the runtime's order
//     (proc.go:3389-3798): run this P's expired timers; on every 61st
//     schedtick take one G from the global queue first; runnext, then the
//     local queue; a batch from the global queue; and, if this M may spin
//     (it spins already, or spinning Ms are fewer than half the busy Ps),
//     steal: 4 passes over the other Ps in a random order, taking half of
//     a local queue, and in the last pass also their expired timers and
//     their runnext. With nothing found the P goes idle and its M sleeps.
//     execute starts the G; its schedtick grows only when the G does not
//     inherit the time slice (a G taken from runnext does).
//  5. When no P runs a G and nothing is pending, checkdead reports the
//     deadlock (or "main called runtime.Goexit"), and Current is nil.
//
// # Runtime names and sim names
//
//	runtime (proc.go, chan.go, ...)   sim
//	g, p, m                           G, P, M
//	_Grunnable ... _Gdead             Grunnable ... Gdead
//	waitReason                        WaitReason
//	newproc                           Sim.Go → spawn
//	gopark / park_m                   park
//	goready / ready                   ready
//	Gosched / goschedImpl             Sim.Gosched → yieldGlobal
//	gopreempt_m                       preempt
//	goyield                           goyield
//	goexit0                           Sim.Exit
//	schedule, findRunnable, execute   schedule, findRunnable, execute
//	runqput, runqputslow, runqget     runqput, runqputslow, runqget
//	globrunqput, globrunqgetbatch     globput, globget
//	stealWork, runqsteal              stealWork, runqsteal
//	wakep, startm, handoffp, stopm    wakep, startm, handoffp, idle
//	sysmon, retake, preemptone        sysmonTick, retake, preemptone
//	entersyscall, exitsyscall         Sim.Syscall, exitsyscall
//	checkdead                         checkdead
//	procresize, p.destroy             procresize, destroyp
//	stopTheWorld                      stopTheWorld
//	hchan, sudog, waitq               Chan, sudog, waitq
//	chansend, chanrecv, closechan     Sim.Send, Sim.Recv, Sim.Close
//	selectgo                          Sim.Select
//	timers.check, timer               checkTimers, Timer
//	newstack, shrinkstack             Sim.Enter, Sim.GC
//	sync.Mutex, sema.go               Mutex, Sema (Sim.Lock, Sim.Acquire...)
//
// # Not modelled
//
//   - Spinning in sync.Mutex.Lock: with several Ps the runtime spins a
//     little before parking; here a contended Lock parks at once (on one P
//     the runtime never spins either, and that is what lessons show).
//   - GC workers, write barriers and the GC's pauses: a GC is an event of
//     its own ([Sim.GC]) that shrinks stacks; collection costs no time.
//   - The netpoller: there is no network. The M blocked in netpoll until
//     the next timer is modelled as an idle P woken for that timer.
//   - Asynchronous preemption by signal: sysmon's request takes effect at
//     the G's next safe point: a Tick (which the runner puts at every
//     function entry and loop back-edge), or any point of a Work, which
//     plays a call-free computation; the runtime interrupts any code within
//     microseconds, so a single Tick of many statements stops later here.
//   - The first-syscall retake quirk (retake, proc.go): sysmon may
//     retake a P's very first system call at first sight, because its
//     record starts equal; that is start-up noise, so here every system
//     call must be seen on two sysmon ticks.
//   - Race-mode randomisation (-race skips runnext half the time): not a
//     behaviour a course teaches.
//   - Start-up: the runtime's own goroutines are placed as at main.main of
//     a program that imports fmt (goids 2 to 6), not created by running
//     the runtime's init; and schedtick's phase is fixed
//     ([Config.InitialSchedtick]), where the real one varies by one.
//   - The free G lists beyond one P (sched.gFree), the 10,000-M limit,
//     locked Ms (LockOSThread), cgo, GODEBUG settings, and the sysmon
//     checks for GC and network polling.
//   - GOMAXPROCS updates by sysmon (updatemaxprocs): the number of Ps
//     changes only when the program calls runtime.GOMAXPROCS.
//   - Real costs: every cost is a fixed figure (see [Costs]), perturbed
//     only as above; caches, NUMA and the OS's scheduling of threads are
//     not modelled beyond the perturbations' wake delays and free CPUs.
//
// # Invariants
//
// Between operations: each G is in exactly one place (a P's curg, a
// runnext, a local queue, the global queue, a system call, or waiting);
// each running G has an M holding its P; at most GOMAXPROCS Gs run; a local
// queue holds at most 256 Gs; runnext is never also queued; idle Ps and Ms
// are on their idle lists exactly once; channel buffers are within their
// capacity and only blocked Gs wait in channel queues. invariants.go lists
// them all; with [Config.Debug] set (tests set it) the Sim checks them
// after every step and panics on a broken one.
//
// # Order of events and ties
//
// Events are recorded in the order the Sim does them: [Event.Seq] counts
// them from 0. Each is stamped with the virtual time of the P that does it
// (sysmon's and Ms' without a P with the global time). Across Ps the Sim
// always advances the P furthest behind, so events follow virtual time up
// to one quantum (2µs) or one Tick of many statements: the times of two
// Ps' events may interleave, those of one P never decrease. Ties break by
// a fixed rule, never by map order or the host:
//
//   - a pending machine event before a running G at the same time; among
//     machine events sysmon first, then Ms starting for Ps by P id, then
//     system calls ending by M id, then timers;
//   - among running Gs, the lowest P id;
//   - timers with the same deadline fire in the order they were armed;
//   - run queues, channel wait queues and semaphore queues are FIFO, as
//     in the runtime (a woken mutex waiter that loses the race re-queues
//     at the front).
//
// Random choices (the order of stealing victims, select's poll order, the
// jitter of costs, the perturbations) come from the seed alone.
//
// # Data races
//
// Because Gs interleave only at calls into the Sim, an unsynchronised
// counter++ would never lose an update. The driver therefore splits such
// a read-modify-write into a load, [Sim.Race] and a store: when other Ps
// run Gs at the same virtual time, the seed may let one of them run right
// there, through a window of its own, until its next Tick, and the store
// that follows overwrites what it did. On one P a window never switches.
// race.go explains the model.
//
// A write to a map is a window too ([Sim.MapWrite]): a G that runs in it
// and writes or reads the same map ([Sim.MapRead]) ends the run with the
// runtime's "fatal error: concurrent map writes" (or "concurrent map read
// and map write", "concurrent map iteration and map write"), as the real
// maps' writing flag catches two accesses that overlap. maps.go explains
// it.
//
// Those windows show what a race does; the race detector says whether
// there is one. With [Config.RaceDetector] the Sim keeps a vector clock
// per G, carried by go statements, channels, locks, WaitGroups and timers
// as in the race-enabled runtime, and the driver reports memory accesses
// ([Sim.RaceRead], [Sim.RaceWrite]): two accesses to one location, one a
// write, that no synchronisation orders are a race, whatever the schedule,
// so it is found on one P too. racedetect.go explains it.
//
// # Snapshots and scenarios
//
// [Sim.Snapshot] returns the whole machine between two operations, for the
// visualisations: each P with its M, running G, runnext and local queue;
// the global queue; the idle Ps and Ms; every G with its state; every
// channel with its buffer and wait queues.
//
// [ParseScenario] reads a small text form of goroutine programs and
// [Scenario.Run] runs one as the runner would. The golden files in
// testdata pin the model's behaviour down: most of them mirror programs of
// the fidelity corpus and must print what the real runtime printed.
package sim
