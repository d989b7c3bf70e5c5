package sim

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
)

// Kind is what an Event records.
type Kind uint8

// The event kinds. Every change to where a G is, or to what a P or M does,
// is one event, so that the trace alone tells the whole story.
const (
	EvGoCreate     Kind = iota + 1 // G created by Other (newproc)
	EvRunnext                      // G put in the P's runnext; Other is the G it kicked out
	EvRunqPut                      // G put at the tail of the P's local queue; N its new length
	EvRunqOverflow                 // local queue full: Gs moved to the global queue
	EvGlobalPut                    // G put at the tail of the global queue; Detail says why
	EvGlobalGet                    // Gs taken from the global queue; G runs, the rest go local
	EvSteal                        // P stole Gs from P Other; G runs
	EvRun                          // G starts running on the P; N is the P's schedtick
	EvPark                         // G parks; Detail is the wait reason
	EvReady                        // G made runnable by the running G (goready)
	EvGosched                      // G yields (runtime.Gosched)
	EvPreempt                      // G preempted at the end of its time slice
	EvPreemptReq                   // sysmon asks G to stop (preemptone)
	EvExit                         // G finished
	EvSyscall                      // G enters a system call of N ns
	EvSyscallExit                  // G returns from its system call
	EvHandoff                      // sysmon retook the P from a G in a system call
	EvIdle                         // P has no work and goes idle
	EvWake                         // idle P woken to look for work (wakep / a timer)
	EvMStart                       // a new M (OS thread) is created
	EvStackGrow                    // G's stack doubled to N bytes, copying Other bytes
	EvStackShrink                  // GC halved G's stack to N bytes
	EvTimerFire                    // a timer fired; Detail says what it does
	EvChanMake                     // channel Ch made with capacity N
	EvSend                         // G sent on Ch; N is the buffer length after
	EvRecv                         // G received from Ch; N is the buffer length after
	EvClose                        // G closed Ch
	EvSelect                       // G's select chose case N (-1 default)
	EvProcs                        // GOMAXPROCS changed to N
	EvGC                           // a garbage collection ran
	EvWork                         // G did N ns of work at one go (gpm.Work)
	EvRace                         // G Other, on another P, runs in the middle of G's unsynchronised read-modify-write (race.go)
	evMax
)

var kindNames = [...]string{
	EvGoCreate: "go", EvRunnext: "runnext", EvRunqPut: "runqput",
	EvRunqOverflow: "overflow", EvGlobalPut: "globput", EvGlobalGet: "globget",
	EvSteal: "steal", EvRun: "run", EvPark: "park", EvReady: "ready",
	EvGosched: "gosched", EvPreempt: "preempt", EvPreemptReq: "preemptreq",
	EvExit: "exit", EvSyscall: "syscall", EvSyscallExit: "sysexit",
	EvHandoff: "handoff", EvIdle: "idle", EvWake: "wake", EvMStart: "mstart",
	EvStackGrow: "stackgrow", EvStackShrink: "stackshrink",
	EvTimerFire: "timer", EvChanMake: "makechan", EvSend: "send",
	EvRecv: "recv", EvClose: "close", EvSelect: "select", EvProcs: "procs",
	EvGC: "gc", EvWork: "work", EvRace: "race",
}

func (k Kind) String() string {
	if k > 0 && k < evMax {
		return kindNames[k]
	}
	return "kind" + strconv.Itoa(int(k))
}

// MarshalText writes the kind's name, so JSON traces read as text.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a kind's name.
func (k *Kind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if n == string(b) && n != "" {
			*k = Kind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown event kind %q", b)
}

// Event is one step of the machine. Fields that do not apply are zero, and
// P and M are -1 when no P or M takes part.
type Event struct {
	Seq    int64   `json:"seq"`
	Time   int64   `json:"t"`
	P      int     `json:"p"`
	M      int     `json:"m"`
	G      int64   `json:"g,omitempty"`
	Kind   Kind    `json:"kind"`
	Other  int64   `json:"other,omitempty"`
	Ch     int     `json:"ch,omitempty"`
	N      int64   `json:"n,omitempty"`
	Gs     []int64 `json:"gs,omitempty"`
	Detail string  `json:"detail,omitempty"`
}

// emit records e as done by pp (nil when no P takes part) at pp's clock.
func (s *Sim) emit(pp *P, e Event) {
	e.P, e.M, e.Time = -1, -1, s.now
	if pp != nil {
		e.P = pp.ID
		e.Time = pp.clock
		if pp.m != nil {
			e.M = pp.m.ID
		}
	}
	s.record(e)
}

// emitAt records e at virtual time t, with the P and M e names (-1 for
// none): for what sysmon or an M without a P does.
func (s *Sim) emitAt(t int64, e Event) {
	e.Time = t
	s.record(e)
}

func (s *Sim) record(e Event) {
	e.Seq = s.seq
	s.seq++
	if s.cfg.MaxEvents < 0 || s.nevents >= s.cfg.MaxEvents {
		s.trace.Dropped++
		return
	}
	// Events go to fixed-size chunks, made into Events when the trace is
	// read: appending to one huge slice would copy it over and over.
	n := len(s.chunks)
	if n == 0 || len(s.chunks[n-1]) == cap(s.chunks[n-1]) {
		s.chunks = append(s.chunks, make([]rawEvent, 0, eventChunk))
		n++
	}
	r := rawEvent{
		seq: e.Seq, time: e.Time, g: e.G, other: e.Other, n: e.N,
		p: int32(e.P), m: int32(e.M), ch: int32(e.Ch), kind: e.Kind,
	}
	if len(e.Gs) > 0 {
		r.gsOff, r.gsLen = uint32(len(s.gsArena)), uint32(len(e.Gs))
		s.gsArena = append(s.gsArena, e.Gs...)
	}
	if e.Detail != "" {
		r.detail = s.detailIndex(e.Detail)
	}
	s.chunks[n-1] = append(s.chunks[n-1], r)
	s.nevents++
}

const eventChunk = 4096

// rawEvent is an Event as emit keeps it: without pointers, so that the
// garbage collector neither scans the trace nor makes its writes pay for
// write barriers. Its Gs are in Sim.gsArena and its Detail in
// Sim.details. flushEvents makes Events of them, once each.
type rawEvent struct {
	seq, time, g, other, n int64
	p, m, ch               int32
	gsOff, gsLen           uint32
	detail                 uint16
	kind                   Kind
}

// detailIndex interns an event's Detail (wait reasons and a few words).
func (s *Sim) detailIndex(d string) uint16 {
	if i, ok := s.detailIdx[d]; ok {
		return i
	}
	if s.detailIdx == nil {
		s.detailIdx = map[string]uint16{}
		s.details = []string{""}
	}
	i := uint16(len(s.details))
	s.details = append(s.details, d)
	s.detailIdx[d] = i
	return i
}

// flushEvents makes Events of the events emitted since the last flush and
// appends them to s.trace.Events.
func (s *Sim) flushEvents() {
	have := len(s.trace.Events)
	if have == s.nevents {
		return
	}
	if cap(s.trace.Events) < s.nevents {
		evs := make([]Event, have, max(s.nevents, 2*cap(s.trace.Events)))
		copy(evs, s.trace.Events)
		s.trace.Events = evs
	}
	// Filled in place, field by field: copying whole Events (which hold
	// pointers) would cost a bulk write barrier each while the GC marks.
	s.trace.Events = s.trace.Events[:s.nevents]
	for i := have; i < s.nevents; i++ {
		r := &s.chunks[i/eventChunk][i%eventChunk]
		e := &s.trace.Events[i]
		e.Seq, e.Time, e.P, e.M, e.G = r.seq, r.time, int(r.p), int(r.m), r.g
		e.Kind, e.Other, e.Ch, e.N = r.kind, r.other, int(r.ch), r.n
		if r.detail > 0 {
			e.Detail = s.details[r.detail]
		}
		if r.gsLen > 0 {
			end := r.gsOff + r.gsLen
			e.Gs = s.gsArena[r.gsOff:end:end]
		}
	}
}

// Trace is everything a run did, in order.
type Trace struct {
	// Procs and Seed are the configuration the run started with.
	Procs int    `json:"procs"`
	Seed  uint64 `json:"seed"`
	// Events are the steps, in order of Seq.
	Events []Event `json:"events"`
	// Dropped counts the events past Config.MaxEvents that were not kept.
	Dropped int64 `json:"dropped,omitempty"`
}

// WriteText writes the trace one event a line in a fixed-width form that
// golden files compare:
//
//	time(ns)      P   M   G      kind        details
func (t *Trace) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for i := range t.Events {
		bw.WriteString(t.Events[i].String())
		bw.WriteByte('\n')
	}
	if t.Dropped > 0 {
		fmt.Fprintf(bw, "... %d more events not kept\n", t.Dropped)
	}
	return bw.Flush()
}

// String formats the event as one line of the text trace.
func (e Event) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%12d %-3s %-3s %-5s %-11s", e.Time, idOr("P", e.P), idOr("M", e.M), gOr(e.G), e.Kind)
	if e.Other != 0 {
		fmt.Fprintf(&b, " other=%d", e.Other)
	}
	if e.Ch != 0 {
		fmt.Fprintf(&b, " ch=%d", e.Ch)
	}
	if e.N != 0 {
		fmt.Fprintf(&b, " n=%d", e.N)
	}
	if len(e.Gs) > 0 {
		b.WriteString(" gs=")
		for i, g := range e.Gs {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.FormatInt(g, 10))
		}
	}
	if e.Detail != "" {
		b.WriteString(" ")
		b.WriteString(e.Detail)
	}
	return strings.TrimRight(b.String(), " ")
}

func idOr(prefix string, id int) string {
	if id < 0 {
		return "-"
	}
	return prefix + strconv.Itoa(id)
}

func gOr(id int64) string {
	if id == 0 {
		return "-"
	}
	return "G" + strconv.FormatInt(id, 10)
}

// WriteJSON writes the trace as one JSON object.
func (t *Trace) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	return enc.Encode(t)
}

// Hash is a short fingerprint of the trace's text form, for comparing runs.
func (t *Trace) Hash() string {
	h := fnv.New64a()
	t.WriteText(h)
	return fmt.Sprintf("%016x", h.Sum64())
}
