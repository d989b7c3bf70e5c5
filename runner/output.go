package runner

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/gotour-gpm/gotour-gpm/sim"
)

// limitWriter captures one of the program's output streams, copies it to
// an optional writer, and ends the run when the output limit is reached.
// Writes after the end are dropped: a program stopped by os.Exit or a limit
// prints nothing more, as a killed process would not.
type limitWriter struct {
	r   *run
	w   io.Writer
	buf bytes.Buffer
}

func (lw *limitWriter) Write(p []byte) (int, error) {
	if lw.r.ended.Load() {
		return len(p), nil
	}
	total := lw.r.stdout.buf.Len() + lw.r.stderr.buf.Len()
	if room := lw.r.limits.Output - total; len(p) > room {
		lw.put(p[:max(room, 0)])
		lw.r.end(OutcomeOutput, 0, "")
		return len(p), nil
	}
	lw.r.s.Output() // the write's time, in a perturbed run (sim/perturb.go)
	lw.put(p)
	return len(p), nil
}

func (lw *limitWriter) put(p []byte) {
	lw.buf.Write(p)
	if lw.w != nil {
		lw.w.Write(p)
	}
}

// reportMin is how much of the runtime's report (panic, fatal error) is
// kept even when the program's output has used up the limit: enough for
// its first lines.
const reportMin = 4 << 10

// force writes the runtime's own report (panic, fatal error), which the
// real runtime prints whole. It is cut where the output limit is reached
// (or after reportMin bytes, if the program's output reached it first):
// a panic value of 100 MB or a deadlock of 100,000 goroutines must not
// become a report of that size. Result.Cut then says so.
func (lw *limitWriter) force(s string) {
	total := lw.r.stdout.buf.Len() + lw.r.stderr.buf.Len()
	room := max(lw.r.limits.Output-total, reportMin)
	if len(s) > room {
		s = s[:room] + "\n" // what is said after it starts on its own line
		lw.r.cut = true
	}
	lw.put([]byte(s))
}

func (lw *limitWriter) bytes() []byte { return bytes.Clone(lw.buf.Bytes()) }

// formatFatal prints a fatal error as the runtime does (panic.go:1241):
// lines before it, "fatal error: msg", then each user goroutine's header.
// The runner does not know where a blocked goroutine stands, so each
// header is followed by main.main() or the goroutine's creator only.
func (r *run) formatFatal(f *sim.Fatal) string {
	var b strings.Builder
	for _, l := range f.Pre {
		b.WriteString(l + "\n")
	}
	b.WriteString("fatal error: " + f.Msg + "\n")
	if f.Msg == "out of memory" {
		// The memory limit (alloc.go): what failed is said; the
		// runtime's goroutines, which gc lists after it, would read as a
		// crash of the tool in a limit's report.
		return b.String()
	}
	if f.Msg == "stack overflow" {
		b.WriteString("\nruntime stack:\n")
	}
	for _, g := range f.Goroutines {
		b.WriteString("\n" + g.Header() + "\n")
		done := r.blockedFrame(&b, g.ID, g.Status)
		r.writeCreatedBy(&b, g.ID, g.Parent, done)
	}
	return b.String()
}

// panicked ends the program with an unrecovered panic in gr, printed as
// the runtime prints it (panic.go fatalpanic): the panics in progress
// (printpanics), the signal line of a nil dereference, a blank line and
// the goroutine's header.
func (r *run) panicked(gr *gor, p any) {
	if r.ended.Load() {
		return
	}
	var b strings.Builder
	b.WriteString(r.panicReport(gr, p))
	if isNilDeref(recoveredValue(p)) {
		b.WriteString("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n")
	}
	b.WriteString("\n")
	info := r.s.Info(gr.g)
	info.Status = "running"
	if info.ID == 1 && !r.mainStarted {
		info.Status += ", locked to thread"
	}
	b.WriteString(info.Header() + "\n")
	_, explicit := p.(*panicBox)
	if _, ok := p.(*panicNilError); ok {
		explicit = true // panic(nil)
	}
	msg := ""
	if e, ok := recoveredValue(p).(error); ok {
		msg = e.Error()
	}
	fs := r.frames(gr, explicit, msg)
	r.writeFrames(&b, fs)
	r.writeCreatedBy(&b, info.ID, info.Parent, len(fs) > 0 && fs[len(fs)-1].fn.name == "main.main")
	r.stderr.force(b.String())
	r.s.End()
	r.end(OutcomePanic, 2, "")
}

// initLocked returns f with goroutine 1 shown locked to its thread if the
// program died before main started, as the runtime shows it.
func (r *run) initLocked(f *sim.Fatal) *sim.Fatal {
	if r.mainStarted {
		return f
	}
	g := *f
	g.Goroutines = append([]sim.GInfo(nil), f.Goroutines...)
	for i := range g.Goroutines {
		if g.Goroutines[i].ID == 1 {
			g.Goroutines[i].Status += ", locked to thread"
		}
	}
	return &g
}

// internal ends the run with an interpreter failure.
func (r *run) internal(msg string) {
	r.end(OutcomeInternal, OutcomeInternal.ExitCode(), msg)
}

// runtimeMessage maps yaegi's reflect-level failures to gc's words.
func runtimeMessage(msg string) string {
	switch {
	case strings.Contains(msg, "on zero Value"), strings.Contains(msg, "nil pointer dereference"),
		msg == "reflect.Value.Call: call of nil function",
		msg == "reflect: indirection through nil pointer to embedded struct":
		return "runtime error: invalid memory address or nil pointer dereference"
	case msg == "reflect.MakeSlice: negative len":
		return "runtime error: makeslice: len out of range"
	case msg == "reflect.MakeSlice: negative cap", msg == "reflect.MakeSlice: len > cap":
		return "runtime error: makeslice: cap out of range"
	case msg == "reflect.MakeChan: negative buffer size":
		return "makechan: size out of range"
	case strings.HasPrefix(msg, "reflect: slice index out of range"),
		strings.HasPrefix(msg, "reflect: array index out of range"),
		strings.HasPrefix(msg, "reflect: string index out of range"):
		return "runtime error: index out of range"
	case strings.HasPrefix(msg, "reflect.Value.Slice: slice index out of bounds"):
		return "runtime error: slice bounds out of range"
	case strings.HasPrefix(msg, "reflect: cannot convert slice with length "):
		// reflect's words for gc's boundsConvert.
		var n, m int
		if _, err := fmt.Sscanf(msg, "reflect: cannot convert slice with length %d to array with length %d", &n, &m); err == nil {
			return boundsError{x: int64(m), y: n, signed: true, code: boundsConvert}.Error()
		}
	}
	if i := strings.Index(msg, ": interface conversion:"); i >= 0 {
		return "interface conversion:" + msg[i+len(": interface conversion:"):]
	}
	return msg
}

// isNilDeref reports whether p is the runtime error of a nil dereference.
func isNilDeref(p any) bool {
	e, ok := p.(error)
	return ok && e.Error() == "runtime error: invalid memory address or nil pointer dereference"
}
