package render

import (
	"encoding/json"
	"strconv"

	"github.com/gotour-gpm/gotour-gpm/sim"
)

// compactTrace is the JSON the step-through reads: the trace's first
// events, each an array [t, p, m, g, kind, other, ch, n, gs, detail] with
// trailing zero fields left off and kind an index into Kinds. It is about
// a third of the size of sim's own JSON (sim.Trace.WriteJSON), which the
// viewer reads too.
type compactTrace struct {
	V     int      `json:"v"` // format version: 1
	Procs int      `json:"procs"`
	Seed  uint64   `json:"seed"`
	End   int64    `json:"end"`   // the run's final virtual time, ns
	Total int64    `json:"total"` // events in the whole run, kept or not
	Kinds []string `json:"kinds"`
	Ev    [][]any  `json:"ev"`
}

// kindNames lists sim's event kinds by number, for compactTrace.Kinds.
func kindNames() []string {
	names := []string{""}
	for k := sim.Kind(1); k.String() != "kind"+strconv.Itoa(int(k)); k++ {
		names = append(names, k.String())
	}
	return names
}

// CompactTrace encodes the first max events of tr (all of them when max
// is negative) as the step-through's JSON. end is the run's
// final virtual time. The JSON escapes <, > and &, so it can sit inside a
// <script> element.
func CompactTrace(tr *sim.Trace, end int64, max int) ([]byte, error) {
	ct := compactTrace{V: 1, End: end, Kinds: kindNames(), Ev: [][]any{}}
	if tr != nil {
		ct.Procs, ct.Seed = tr.Procs, tr.Seed
		ct.Total = int64(len(tr.Events)) + tr.Dropped
		n := len(tr.Events)
		if max >= 0 && max < n {
			n = max
		}
		for _, e := range tr.Events[:n] {
			ct.Ev = append(ct.Ev, compactEvent(e))
		}
	}
	return json.Marshal(ct)
}

func compactEvent(e sim.Event) []any {
	var gs any = 0
	if len(e.Gs) > 0 {
		gs = e.Gs
	}
	var detail any = 0
	if e.Detail != "" {
		detail = e.Detail
	}
	a := []any{e.Time, e.P, e.M, e.G, int(e.Kind), e.Other, e.Ch, e.N, gs, detail}
	for len(a) > 5 && isZero(a[len(a)-1]) {
		a = a[:len(a)-1]
	}
	return a
}

func isZero(v any) bool {
	switch v := v.(type) {
	case int:
		return v == 0
	case int64:
		return v == 0
	}
	return false
}
