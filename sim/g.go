package sim

// Status is a G's state, after runtime2.go's _G* constants.
type Status uint8

// The G states the simulator uses. _Gidle, _Gcopystack, _Gpreempted and the
// scan bit are transient in the real runtime and not modelled.
const (
	Grunnable Status = iota + 1 // on a run queue (runtime2.go:41)
	Grunning                    // running user code on a P (runtime2.go:48)
	Gsyscall                    // in a system call, still holding its M (runtime2.go:55)
	Gwaiting                    // parked; WaitReason says why (runtime2.go:65)
	Gdead                       // finished, on a free list (runtime2.go:77)
)

var statusNames = [...]string{"", "runnable", "running", "syscall", "waiting", "dead"}

func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "status?"
}

// WaitReason is why a G is parked, spelled as the runtime prints it in a
// traceback header such as "goroutine 7 [chan receive]:"
// (runtime2.go:1272-1320).
type WaitReason string

// Wait reasons printed by the real runtime.
const (
	WaitChanReceive    WaitReason = "chan receive"
	WaitChanSend       WaitReason = "chan send"
	WaitChanReceiveNil WaitReason = "chan receive (nil chan)"
	WaitChanSendNil    WaitReason = "chan send (nil chan)"
	WaitSelect         WaitReason = "select"
	WaitSelectNoCases  WaitReason = "select (no cases)"
	WaitSleep          WaitReason = "sleep"
	WaitMutex          WaitReason = "sync.Mutex.Lock"
	WaitRWMutexR       WaitReason = "sync.RWMutex.RLock"
	WaitRWMutexW       WaitReason = "sync.RWMutex.Lock"
	WaitWaitGroup      WaitReason = "sync.WaitGroup.Wait"
	WaitCond           WaitReason = "sync.Cond.Wait"
	WaitSemacquire     WaitReason = "semacquire"
	WaitFinalizer      WaitReason = "finalizer wait"
	WaitForceGC        WaitReason = "force gc (idle)"
	WaitGCSweep        WaitReason = "GC sweep wait"
	WaitGCScavenge     WaitReason = "GC scavenge wait"
	WaitMaxProcs       WaitReason = "GOMAXPROCS updater (idle)"
)

// G is a goroutine.
type G struct {
	// ID is the goid, as printed in tracebacks.
	ID int64
	// Status is the G's state.
	Status Status
	// Reason is why the G waits, when Status is Gwaiting.
	Reason WaitReason
	// System marks the runtime's own goroutines: they never print, are left
	// out of deadlock reports and do not count as live for deadlock
	// detection, as runtime.isSystemGoroutine.
	System bool
	// Parent is the goid of the G whose go statement created this one.
	Parent int64
	// Stack is the G's stack: its size and the bytes in use.
	Stack Stack
	// Fn is the driver's own value for the G's function, as given to
	// [Sim.Go] or a timer; the Sim only carries it.
	Fn any

	m        *M    // M running this G, when running or in a syscall
	p        *P    // P whose queue holds the G, or that runs it
	wait     Wake  // what the G receives when it is woken
	sel      *sel  // the select the G is parked in, if any
	lockTok  int64 // lock-order position when waiting on a semaphore
	timer    *Timer
	sysEnd   int64       // end of the current simulated system call
	preempt  bool        // sysmon asked for preemption (gp.preempt)
	sysWait  WaitReason  // what a runtime G parks on when it runs
	workLeft int64       // what a preempted Work left to do
	cont     func() bool // the rest of a blocking operation (see Continue)
	allgIdx  int         // position in allgs: tracebacks list Gs in this order
	hb       int32       // the race detector's thread, plus 1 (racedetect.go)
}

// Wake is what a parked G finds when it runs again: the value a receive
// got, which case of a select won, or that the channel was closed.
type Wake struct {
	// Value is the received value, or nil.
	Value any
	// OK is false when a receive got the zero value of a closed channel.
	OK bool
	// Case is the index of the select case that fired, or -1 for default.
	Case int
	// Closed is set for a sender woken by close: it must panic with
	// "send on closed channel".
	Closed bool
}

// P is a processor: the right to run Go code, with its run queue.
type P struct {
	// ID is the P's index in allp.
	ID int

	status    pStatus
	m         *M
	curg      *G
	runnext   *G
	runq      ring
	schedtick uint32
	clock     int64 // virtual time this P has reached
	sliceFrom int64 // when the current time slice started
	timers    timerHeap
	// sysmon's view of the P (the runtime's sysmontick).
	smSchedtick   uint32
	smSchedwhen   int64
	smSyscalltick uint32
	smSyscallwhen int64
	syscalltick   uint32
	gFree         []*G // dead Gs kept for reuse (gfput/gfget)
	goidcache     int64
	goidcacheEnd  int64
	wakeAt        int64 // pending wake of this idle P, or -1
	spinning      bool
}

type pStatus uint8

const (
	pIdle pStatus = iota
	pRunning
	pDead
)

// M is an OS thread.
type M struct {
	// ID is the M's number (m0 is 0).
	ID int

	p    *P
	curg *G
	oldp *P // the P held before a system call (m.oldp)
}
