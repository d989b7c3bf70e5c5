package checker

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gotour-gpm/gotour-gpm/runner"
	"github.com/gotour-gpm/gotour-gpm/sim"
)

// Run is one run of the learner's program under one schedule, with the
// facts that run cases look at, read from the runner's result and trace.
type Run struct {
	// Seed and Procs are the schedule.
	Seed  uint64
	Procs int
	// Result is the runner's result; Result.Trace is always kept.
	Result *runner.Result
	// Stdout is the program's standard output.
	Stdout string
	// Source is the program, parsed (nil if it does not parse), for
	// explanations that look at both the run and the code.
	Source *Source
	// Base is the run of the first schedule, which [SameOutput] compares
	// with.
	Base *Run
	// Leaked are the goroutines the program started that had not finished
	// when main returned.
	Leaked []Goroutine
	// Blocked are the goroutines a fatal error report lists, such as the
	// ones a deadlock leaves blocked.
	Blocked []Goroutine
	// Busy is the most Ps that ran the program's goroutines at the same
	// virtual time.
	Busy int
	// Works lists the durations, in ns, of the gpm.Work calls.
	Works []int64
	// MaxStack is the largest stack, in bytes, that a goroutine of the
	// program grew to; 0 if none grew.
	MaxStack int64
	// MainParked lists the wait reasons main parked for, once each.
	MainParked []string
	// MaxAlive is the most goroutines of the program, main included,
	// alive at once.
	MaxAlive int
	// MainRecvs counts main's channel receives.
	MainRecvs int
	// Parked counts, per wait reason, how often the program's goroutines
	// parked: "sync.Mutex.Lock", "chan send"...
	Parked map[string]int
	// started are the goroutines that ran, from the trace; nil when the
	// trace was cut.
	started map[int64]bool
	// shape identifies the order in which the run's goroutines took the
	// Ps and synchronized: two runs with the same shape ran the same
	// schedule, whatever their seeds.
	shape uint64
}

// Goroutine is one goroutine, as a traceback header shows it.
type Goroutine struct {
	ID     int64
	Status string // a wait reason such as "chan send", or "runnable"
}

func (g Goroutine) String() string { return fmt.Sprintf("goroutine %d [%s]", g.ID, g.Status) }

// goroutineList writes gs one per line, for a report's "got".
func goroutineList(gs []Goroutine) string {
	var b strings.Builder
	for i, g := range gs {
		if i == 8 {
			fmt.Fprintf(&b, "... and %d more\n", len(gs)-i)
			break
		}
		b.WriteString(g.String() + "\n")
	}
	return b.String()
}

// OK reports whether the run ended with main returning.
func (r *Run) OK() bool {
	return r.Result.Outcome == runner.OutcomeOK && r.Result.ExitCode == 0
}

// Deadlocked reports whether the runtime stopped the program because every
// goroutine was blocked.
func (r *Run) Deadlocked() bool {
	return r.Result.Outcome == runner.OutcomeFatal && strings.Contains(firstLine(string(r.Result.Stderr)), "deadlock")
}

// Panicked reports whether the program panicked with a message that
// contains msg ("" for any panic).
func (r *Run) Panicked(msg string) bool {
	return r.Result.Outcome == runner.OutcomePanic && strings.Contains(firstLine(string(r.Result.Stderr)), msg)
}

// MainBlockedOn reports whether the run deadlocked with main (goroutine 1)
// waiting for reason, such as "chan send" or "sync.WaitGroup.Wait".
func (r *Run) MainBlockedOn(reason string) bool {
	for _, g := range r.Blocked {
		if g.ID == 1 {
			return r.Deadlocked() && g.Status == reason
		}
	}
	return false
}

// Printed reports whether the output, trailing blanks removed, is exactly
// the lines of s.
func (r *Run) Printed(s string) bool { return slices.Equal(lines(r.Stdout), lines(s)) }

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// newRun reads the facts of one run.
func newRun(s schedule, res *runner.Result) *Run {
	r := &Run{Seed: s.Seed, Procs: s.Procs, Result: res, Stdout: string(res.Stdout)}
	r.Blocked = parseGoroutines(string(res.Stderr))
	if res.Trace != nil {
		r.readTrace(res.Trace, res.VirtualTime)
	}
	// The counts and the leaks come from the simulator's own state, which
	// is complete however long the run, not from the trace, which
	// MaxEvents may cut.
	r.MaxAlive = res.Stats.MaxLive
	if r.OK() {
		r.Leaked = leaked(res.Steps, r.started)
	}
	return r
}

// leaked lists the program's goroutines that were blocked when main
// returned, from the machine's last snapshot, and those that never ran:
// main did not wait for them. A goroutine that ran and is runnable has
// finished its work, or can finish it, and is no leak. started says which
// goroutines ran (from the trace; nil if it was cut).
func leaked(steps []sim.Snapshot, started map[int64]bool) []Goroutine {
	if len(steps) == 0 {
		return nil
	}
	var out []Goroutine
	for _, g := range steps[len(steps)-1].Gs {
		if g.System || g.ID == 1 {
			continue
		}
		switch g.Status {
		case "waiting":
			out = append(out, Goroutine{ID: g.ID, Status: g.Reason})
		case "syscall":
			out = append(out, Goroutine{ID: g.ID, Status: "syscall"})
		case "runnable":
			if started != nil && !started[g.ID] {
				out = append(out, Goroutine{ID: g.ID, Status: "runnable"})
			}
		}
	}
	return out
}

var goroutineHeader = regexp.MustCompile(`(?m)^goroutine (\d+) \[([^\]]*)\]:$`)

// parseGoroutines reads the goroutine headers of a panic or fatal error
// report.
func parseGoroutines(stderr string) []Goroutine {
	var gs []Goroutine
	for _, m := range goroutineHeader.FindAllStringSubmatch(stderr, -1) {
		id, _ := strconv.ParseInt(m[1], 10, 64)
		gs = append(gs, Goroutine{ID: id, Status: m[2]})
	}
	return gs
}

// readTrace finds what only the trace shows: which goroutines ran, the
// parallelism, the lengths of the work, the stack sizes, the parks. The
// program's goroutines are main (G1) and those a go statement created;
// the runtime's own appear in no "go" event.
func (r *Run) readTrace(tr *sim.Trace, end int64) {
	user := map[int64]bool{1: true}
	started := map[int64]bool{}
	r.Parked = map[string]int{}
	h := fnv.New64a()
	var buf [24]byte
	for _, e := range tr.Events {
		binary.LittleEndian.PutUint64(buf[0:], uint64(e.Kind))
		binary.LittleEndian.PutUint64(buf[8:], uint64(e.P))
		binary.LittleEndian.PutUint64(buf[16:], uint64(e.G))
		h.Write(buf[:])
		switch e.Kind {
		case sim.EvGoCreate:
			user[e.G] = true
		case sim.EvRecv:
			if e.G == 1 {
				r.MainRecvs++
			}
		case sim.EvWork:
			if user[e.G] {
				r.Works = append(r.Works, e.N)
			}
		case sim.EvStackGrow:
			if user[e.G] {
				r.MaxStack = max(r.MaxStack, e.N)
			}
		case sim.EvPark:
			if e.G == 1 && !slices.Contains(r.MainParked, e.Detail) {
				r.MainParked = append(r.MainParked, e.Detail)
			}
			if user[e.G] {
				r.Parked[e.Detail]++
			}
		}
		switch e.Kind {
		case sim.EvRun, sim.EvGlobalGet, sim.EvSteal: // the G runs
			started[e.G] = true
		}
	}
	if tr.Dropped == 0 {
		r.started = started
	}
	r.shape = h.Sum64()
	r.Busy = maxBusy(sim.Segments(tr, end), user)
}

// maxBusy is the most Ps that run goroutines of user at the same time.
// Segments that only touch (one ends when the other starts) do not
// overlap.
func maxBusy(segs []sim.Segment, user map[int64]bool) int {
	type edge struct {
		t     int64
		delta int
	}
	var edges []edge
	for _, s := range segs {
		if user[s.G] && s.End > s.Start {
			edges = append(edges, edge{s.Start, +1}, edge{s.End, -1})
		}
	}
	slices.SortFunc(edges, func(a, b edge) int {
		if c := cmp.Compare(a.t, b.t); c != 0 {
			return c
		}
		return cmp.Compare(a.delta, b.delta) // ends first
	})
	busy, most := 0, 0
	for _, e := range edges {
		busy += e.delta
		most = max(most, busy)
	}
	return most
}
