package sim

import "fmt"

// Scenario variables for the race detector: read X, write X and atomic X
// report accesses to variable X, whose address is its index. A race found
// goes to the outcome's stderr as one line naming both accesses by
// goroutine and scenario line, after the shape of the runtime's report:
//
//	DATA RACE on x: write by goroutine 7 at line 9, previous read by goroutine 1 at line 5

// access runs a read, write or atomic statement.
func (r *srun) access(op *sop) {
	s := r.s
	addr := uintptr(op.a+1) * 8
	var rep RaceReport
	var found bool
	switch op.kind {
	case opVarRead:
		rep, found = s.RaceRead(addr, int32(op.line))
	case opVarWrite:
		rep, found = s.RaceWrite(addr, int32(op.line))
	case opVarAtomic:
		s.RaceAcquire(addr)
		s.RaceRelease(addr)
	}
	if found {
		fmt.Fprintf(&r.errOut, "DATA RACE on %s: %s, previous %s\n", r.sc.names[nsVar][op.a], raceSide(rep.Cur), raceSide(rep.Prev))
	}
}

func raceSide(a RaceAccess) string {
	kind := "read"
	if a.Write {
		kind = "write"
	}
	return fmt.Sprintf("%s by goroutine %d at line %d", kind, a.G, a.Site)
}
