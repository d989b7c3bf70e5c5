package runner

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Goroutine tracebacks with the learner's frames, as gc prints them:
//
//	goroutine 7 [running]:
//	main.worker(...)
//		/path/prog.go:15
//	created by main.main in goroutine 1
//		/path/prog.go:22
//
// The simulator has no real stack, and yaegi v0.16.1 keeps no caller chain
// outside its debugger (which stops at every node). What it does do is
// print one line per interpreted function a panic unwinds, "L:C: panic:
// name(...)" (interp/run.go, runCfg's deferred function), to its Stderr:
// unwindWriter collects those lines for the running G. Their position is
// the start of the function's body, where the rewrite put its entry tick,
// so each names one of the learner's functions (trace.go); the go
// statement wrappers and helpers the rewrite adds have no tick and are
// left out. The lines inside each frame are not recorded by anyone: a
// frame's line is the one call of the frame below in it, or, for the
// innermost frame, its one panic call, when there is exactly one, or the
// line all its statements are on; a frame whose line is ambiguous is
// printed without its location line.
// Offsets (+0x1d) and argument words are not printed: gc prints (...) for
// the arguments of an inlined frame, and so does the runner for all.

// unwindLine is the line runCfg prints for a function a panic leaves.
var unwindLine = regexp.MustCompile(`^(\d+):(\d+): panic: `)

// unwindPos is the position of a function's first statement, as runCfg
// printed it.
type unwindPos struct{ line, col int }

// unwindWriter receives yaegi's Stderr. Only the goroutine holding the
// baton runs interpreted code, so the lines are the current G's.
type unwindWriter struct{ r *run }

func (w unwindWriter) Write(p []byte) (int, error) {
	r := w.r
	if r.ended.Load() || r.cur == nil {
		return len(p), nil
	}
	for _, l := range strings.Split(string(p), "\n") {
		m := unwindLine.FindStringSubmatch(l)
		if m == nil {
			continue // a shadow package's function: its line has a file name
		}
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		if len(r.cur.unwound) < maxUnwound {
			r.cur.unwound = append(r.cur.unwound, unwindPos{line, col})
		}
	}
	return len(p), nil
}

// maxUnwound bounds the frames kept for one panic: gc prints at most 100.
const maxUnwound = 100_000

// frames returns the learner's frames that gr's panic unwound, innermost
// first. explicit says the panic is the learner's panic(x); msg is a
// runtime error's message.
func (r *run) frames(gr *gor, explicit bool, msg string) []frame {
	ti := r.trace
	if ti == nil {
		return nil
	}
	var fs []*traceFunc
	for _, u := range gr.unwound {
		if f := r.funcAt(u); f != nil {
			fs = append(fs, f)
		}
	}
	// A panic in a deferred call leaves yaegi's frame of the function that
	// deferred it without its line; a deferred literal's is its parent.
	for i := 0; i < len(fs); i++ {
		p := fs[i].parent
		if p != nil && p.deferred[fs[i].name] && (i+1 == len(fs) || fs[i+1] != p) {
			fs = slices.Insert(fs, i+1, p)
		}
	}
	out := make([]frame, len(fs))
	for i, f := range fs {
		out[i] = frame{fn: f}
		if i == 0 || f.deferred[fs[i-1].name] {
			// Where it panicked: a function's deferred calls run from
			// there.
			out[i].line = f.panicLine(explicit, msg)
		} else {
			out[i].line, _ = f.callLine(fs[i-1].name)
		}
	}
	return out
}

// panicLine is the line where f panicked, when the source leaves one
// possibility: its one panic call for the learner's panic, or the line
// all its statements are on, or its one operation that can fail with msg.
func (f *traceFunc) panicLine(explicit bool, msg string) int {
	switch {
	case explicit && len(f.panics) == 1:
		return f.panics[0]
	case f.only != 0:
		return f.only
	case !explicit:
		line, _ := f.opLine(msg)
		return line
	}
	return 0
}

// frame is one frame of a traceback; line 0 when unknown.
type frame struct {
	fn   *traceFunc
	line int
}

// funcAt returns the learner's function whose body starts at u in the
// rewritten source, or nil for a function the rewrite added.
func (r *run) funcAt(u unwindPos) *traceFunc {
	cands := r.trace.byLine[u.line]
	if len(cands) == 0 {
		return nil
	}
	if !strings.HasPrefix(r.srcAt(u), rtName+".Tick(") {
		return nil
	}
	return cands[0]
}

// srcAt returns the rewritten source from position u on.
func (r *run) srcAt(u unwindPos) string {
	if r.lineStarts == nil {
		r.lineStarts = []int{0}
		for i := 0; i < len(r.src); i++ {
			if r.src[i] == '\n' {
				r.lineStarts = append(r.lineStarts, i+1)
			}
		}
	}
	if u.line < 1 || u.line > len(r.lineStarts) {
		return ""
	}
	off := r.lineStarts[u.line-1] + u.col - 1
	if off < 0 || off > len(r.src) {
		return ""
	}
	return r.src[off:]
}

// writeFrames prints frames as traceback.go does, eliding the middle of a
// deep stack (tracebackInnerFrames, tracebackOuterFrames: 50 each).
func (r *run) writeFrames(b *strings.Builder, fs []frame) {
	const inner, outer = 50, 50
	for i, f := range fs {
		if len(fs) > inner+outer && i == inner {
			fmt.Fprintf(b, "...%d frames elided...\n", len(fs)-inner-outer)
		}
		if len(fs) > inner+outer && i >= inner && i < len(fs)-outer {
			continue
		}
		b.WriteString(f.fn.frameName() + "\n")
		if f.line > 0 {
			fmt.Fprintf(b, "\t%s:%d\n", r.trace.file, f.line)
		}
	}
}

// blockedFrame prints the frame of a goroutine blocked in a wait with the
// given reason, when it can only be the goroutine's own function (one that
// calls none of the program's functions) and that function waits that way
// on one line only.
func (r *run) blockedFrame(b *strings.Builder, id int64, reason string) bool {
	if r.trace == nil {
		return false
	}
	var fn *traceFunc
	if s := r.gsites[id]; s != nil {
		fn = s.fn
	} else if id == 1 {
		fn = r.trace.named("main.main")
	}
	if fn == nil || fn.learner {
		return false
	}
	line, ok := fn.opLine(reason)
	if !ok {
		return false
	}
	fmt.Fprintf(b, "%s\n\t%s:%d\n", fn.frameName(), r.trace.file, line)
	return fn.name == "main.main"
}

// writeCreatedBy prints the line after a goroutine's frames: who created
// it and where, or main.main for goroutine 1.
func (r *run) writeCreatedBy(b *strings.Builder, id, parent int64, framesDone bool) {
	switch {
	case parent > 0:
		if s := r.gsites[id]; s != nil {
			fmt.Fprintf(b, "created by %s in goroutine %d\n\t%s:%d\n", s.creator, parent, r.trace.file, s.line)
		} else {
			fmt.Fprintf(b, "created by goroutine %d\n", parent)
		}
	case id == 1 && !framesDone:
		b.WriteString("main.main()\n")
	}
}

// spawnAt is the go statement at offset off of the source.
func (r *run) spawnAt(f func(), off int) {
	var site *goSite
	if r.trace != nil {
		site = r.trace.goSites[off]
	}
	r.spawnSite(f, site)
}

// stackText is runtime.Stack of the running G: its header and how it was
// created. Its frames are not known where it stands (only a panic's
// unwinding names them), so none are printed; with all, every other
// goroutine's header follows, as the runtime lists them.
func (r *run) stackText(all bool) string {
	var b strings.Builder
	for i, g := range r.s.Traceback() {
		if i == 0 {
			g.Status = "running"
		} else if !all {
			break
		} else {
			b.WriteString("\n")
		}
		b.WriteString(g.Header() + "\n")
		r.writeCreatedBy(&b, g.ID, g.Parent, false)
	}
	return b.String()
}
