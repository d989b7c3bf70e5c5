package sim

import (
	"cmp"
	"slices"
)

// Segment is a stretch of virtual time during which one P ran one G.
type Segment struct {
	P     int   `json:"p"`
	G     int64 `json:"g"`
	Start int64 `json:"start"`
	End   int64 `json:"end"`
}

// Segments reads from a trace who ran where and when: one Segment per
// stretch of a G on a P, in order of start time. Time a G spends in a
// system call is not counted as running. end closes the segments still
// open, normally the run's final virtual time.
func Segments(tr *Trace, end int64) []Segment {
	type open struct {
		g     int64
		start int64
	}
	cur := map[int]open{}
	var out []Segment
	closeP := func(p int, t int64) {
		if o, ok := cur[p]; ok {
			if t > o.start {
				out = append(out, Segment{P: p, G: o.g, Start: o.start, End: t})
			}
			delete(cur, p)
		}
	}
	for _, e := range tr.Events {
		if e.P < 0 {
			continue
		}
		switch e.Kind {
		case EvRun:
			closeP(e.P, e.Time)
			cur[e.P] = open{g: e.G, start: e.Time}
		case EvSyscallExit:
			cur[e.P] = open{g: e.G, start: e.Time}
		case EvPark, EvGosched, EvPreempt, EvExit, EvIdle, EvHandoff, EvSyscall:
			if o, ok := cur[e.P]; ok && (o.g == e.G || e.G == 0 || e.Kind == EvIdle) {
				closeP(e.P, e.Time)
			}
		}
	}
	ps := make([]int, 0, len(cur))
	for p := range cur {
		ps = append(ps, p)
	}
	slices.Sort(ps)
	for _, p := range ps {
		closeP(p, end)
	}
	slices.SortStableFunc(out, segLess)
	return out
}

func segLess(a, b Segment) int {
	if a.Start != b.Start {
		return cmp.Compare(a.Start, b.Start)
	}
	return cmp.Compare(a.P, b.P)
}
