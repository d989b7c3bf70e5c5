package termview

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/runner"
	"github.com/gotour-gpm/gotour-gpm/sim"
)

// Limits that keep a picture to a screenful for programs with thousands
// of goroutines: the rest is counted, not listed.
const (
	maxQueueIDs  = 12 // goroutines listed in one queue
	maxStackRows = 12 // rows of the stack table
	maxWaiting   = 8  // waiting goroutines listed under the queues
	traceLines   = 64 // events of the trace picture: all of lesson 6's spawn-loop-trace
)

// queues draws each P with its M, running G, runnext and local queue, and
// the global queue, at the first moment the most goroutines waited to
// run; or at the end, if none ever waited.
func (r *Renderer) queues(res *runner.Result) []string {
	lang := r.opts.Lang
	end, pk := replay(res.Trace)
	m := pk.queues
	var title string
	if m == nil {
		m = end
		title = fmt.Sprintf(txtQueuesEnd.In(lang), fmtDur(m.time))
	} else {
		title = fmt.Sprintf(txtQueuesPeak.In(lang), fmtDur(m.time), m.queued())
	}
	rt := runtimeSet(m)
	rows := [][]string{{"P", "M", txtRunning.In(lang), "runnext", txtLocalQueue.In(lang)}}
	var queues [][]int64 // each P's local queue, for rows[1:]
	for i, p := range m.ps[:min(len(m.ps), max(m.procs, 1))] {
		mm, running := "-", "-"
		if p.m >= 0 {
			mm = "M" + strconv.Itoa(p.m)
		}
		switch {
		case p.g != 0 && p.syscall:
			running = gName(p.g, rt, lang) + " " + txtInSyscall.In(lang)
		case p.g != 0:
			running = gName(p.g, rt, lang)
		case p.m < 0:
			running = txtIdleP.In(lang)
		}
		next := "-"
		if p.runnext != 0 {
			next = gName(p.runnext, rt, lang)
		}
		rows = append(rows, []string{"P" + strconv.Itoa(i), mm, running, next, ""})
		queues = append(queues, p.runq)
	}
	// The local queue, the last column, gets what the others leave of
	// the width.
	left := 0
	for c := range 4 {
		w := 0
		for _, row := range rows {
			w = max(w, width(row[c]))
		}
		left += w + 2
	}
	for i, q := range queues {
		rows[i+1][4] = gList(q, r.opts.Width-len(margin)-left)
	}
	lines := r.wrapped(r.pal.label, title)
	lines = append(lines, r.table(rows)...)
	head := txtGlobalQueue.In(lang)
	lines = append(lines, head+gList(m.global, r.opts.Width-len(margin)-width(head)))
	var waiting []string
	for _, id := range m.gOrder {
		if g := m.gs[id]; g.status == "waiting" && !g.runtime {
			waiting = append(waiting, fmt.Sprintf("G%d (%s)", id, g.reason))
		}
	}
	if len(waiting) > maxWaiting {
		waiting = append(waiting[:maxWaiting], fmt.Sprintf(txtAndMore.In(lang), len(waiting)-maxWaiting))
	}
	if len(waiting) > 0 {
		lines = append(lines, wrapItems(txtWaiting.In(lang), waiting, r.opts.Width-len(margin))...)
	}
	return lines
}

// stacks draws the goroutines alive when their stacks took the most
// memory, and their stack sizes, with an OS thread's stack for
// comparison.
func (r *Renderer) stacks(res *runner.Result) []string {
	lang := r.opts.Lang
	end, pk := replay(res.Trace)
	m := pk.stacks
	if m == nil {
		m = end
	}
	rt := runtimeSet(m)
	var ids []int64
	dead := 0
	for _, id := range m.gOrder {
		if m.gs[id].status == "dead" {
			dead++
			continue
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	title := fmt.Sprintf(txtStacksTitle.In(lang), fmtDur(m.time), fmtBytes(m.liveStack), len(ids))
	rows := [][]string{{txtGoroutine.In(lang), txtState.In(lang), txtStack.In(lang), txtGrew.In(lang)}}
	shown := ids
	if len(shown) > maxStackRows {
		// The largest stacks are the interesting ones; ties by id.
		shown = slices.Clone(ids)
		slices.SortStableFunc(shown, func(a, b int64) int { return cmp.Compare(m.gs[b].stack, m.gs[a].stack) })
		shown = shown[:maxStackRows]
		slices.Sort(shown)
	}
	for _, id := range shown {
		g := m.gs[id]
		state := stateName(g.status, lang)
		if g.status == "waiting" {
			state = g.reason // as the runtime names it in a traceback
		}
		grew := "-"
		if g.grew > 0 {
			grew = strconv.Itoa(g.grew) + "×"
		}
		rows = append(rows, []string{gName(id, rt, lang), state, fmtBytes(g.stack), grew})
	}
	lines := r.wrapped(r.pal.label, title)
	lines = append(lines, r.table(rows)...)
	if n := len(ids) - len(shown); n > 0 {
		lines = append(lines, fmt.Sprintf(txtMoreGs.In(lang), n))
	}
	if dead > 0 {
		lines = append(lines, fmt.Sprintf(txtDeadGs.In(lang), dead))
	}
	return append(lines, r.wrapped(noStyle, fmt.Sprintf(txtThreadStack.In(lang),
		fmtBytes(sim.ThreadStack), sim.ThreadStack/sim.StackMin, fmtBytes(sim.StackMin)))...)
}

// chans draws every channel: capacity, buffer, waiting receivers and
// senders, at the first moment the channels held the most values and
// waiting goroutines; or at the end, if they never held any.
func (r *Renderer) chans(res *runner.Result) []string {
	lang := r.opts.Lang
	end, pk := replay(res.Trace)
	m := pk.chans
	var title string
	if m == nil {
		m = end
		title = fmt.Sprintf(txtChansEnd.In(lang), fmtDur(m.time))
	} else {
		title = fmt.Sprintf(txtChansPeak.In(lang), fmtDur(m.time), m.chanLoad())
	}
	lines := r.wrapped(r.pal.label, title)
	if len(m.chOrder) == 0 {
		return append(lines, txtNoChans.In(lang))
	}
	rows := [][]string{{txtChannel.In(lang), txtCap.In(lang), txtBuffer.In(lang), "recvq", "sendq", ""}}
	for _, id := range m.chOrder {
		c := m.chans[id]
		closed := ""
		if c.closed {
			closed = txtClosed.In(lang)
		}
		rows = append(rows, []string{"ch" + strconv.Itoa(id), strconv.Itoa(c.cap), buffer(c), gList(c.recvq, unlimited), gList(c.sendq, unlimited), closed})
	}
	lines = append(lines, r.table(rows)...)
	var sel []string
	for _, id := range m.gOrder {
		if g := m.gs[id]; g.status == "waiting" && g.reason == "select" {
			sel = append(sel, "G"+strconv.FormatInt(id, 10))
		}
	}
	if len(sel) > 0 {
		lines = append(lines, fmt.Sprintf(txtInSelect.In(lang), strings.Join(sel, " ")))
	}
	return lines
}

// buffer draws a channel's buffer as "[##.] 2/3"; an unbuffered channel
// has none.
func buffer(c *chState) string {
	if c.cap == 0 {
		return "-"
	}
	if c.cap > 16 {
		return fmt.Sprintf("%d/%d", c.len, c.cap)
	}
	// The slots as the ring holds them: the len full ones start at recvx.
	slots := []byte(strings.Repeat(".", c.cap))
	for i := range min(c.len, c.cap) {
		slots[(c.recvx+i)%c.cap] = '#'
	}
	return fmt.Sprintf("[%s] %d/%d recvx=%d sendx=%d", slots, c.len, c.cap, c.recvx, c.sendx)
}

// summary lists the run's virtual time and the scheduler's counts.
func (r *Renderer) summary(res *runner.Result) []string {
	rows := summaryRows(res.Stats, res.VirtualTime, r.opts.Lang)
	lines := []string{r.pal.label(txtSummary.In(r.opts.Lang))}
	// A value too long for the width wraps under itself.
	lw := 0
	for _, row := range rows {
		lw = max(lw, width(row[0]))
	}
	indent := strings.Repeat(" ", lw+2)
	for _, row := range rows {
		value := strings.Split(Wrap(row[1], r.opts.Width-len(margin)-len(indent)), "\n")
		lines = append(lines, pad(row[0], lw)+"  "+value[0])
		for _, v := range value[1:] {
			lines = append(lines, indent+v)
		}
	}
	return lines
}

// summaryRows are the summary's label and value pairs. The races row
// (race windows in which another P's G ran, each usually one lost update)
// appears only when there were some: most programs have none.
func summaryRows(st sim.Stats, virtual int64, lang i18n.Lang) [][]string {
	rows := [][]string{
		{txtVirtualTime.In(lang), fmtDur(virtual)},
		{txtGoroutines.In(lang), fmt.Sprintf(txtGoroutinesVal.In(lang), st.Goroutines, st.MaxLive)},
		{txtSwitches.In(lang), strconv.FormatInt(st.Switches, 10)},
		{txtSteals.In(lang), strconv.FormatInt(st.Steals, 10)},
		{txtHandoffs.In(lang), strconv.FormatInt(st.Handoffs, 10)},
		{txtPreemptions.In(lang), strconv.FormatInt(st.Preemptions, 10)},
		{txtStackGrowths.In(lang), fmt.Sprintf(txtStackGrowthsVal.In(lang), st.StackGrowths, fmtBytes(st.StackCopied))},
	}
	if st.Races > 0 {
		rows = append(rows, []string{txtRaces.In(lang), strconv.FormatInt(st.Races, 10)})
	}
	return rows
}

// Summary is the run command's --summary: the counts a lesson shows under
// a snippet with show=summary, then GOMAXPROCS and the seed that replay
// the run, one "  label  value" line each under a "gotour-gpm: summary"
// title, in plain text.
func Summary(st sim.Stats, virtual int64, procs int, seed uint64, lang i18n.Lang) string {
	rows := append(summaryRows(st, virtual, lang),
		[]string{"GOMAXPROCS", strconv.Itoa(procs)},
		[]string{txtSeed.In(lang), strconv.FormatUint(seed, 10)})
	r := &Renderer{opts: Options{Lang: lang}.withDefaults()}
	var b strings.Builder
	b.WriteString("gotour-gpm: " + txtRunSummary.In(lang) + "\n")
	for _, line := range r.rowsNoHeader(rows) {
		b.WriteString("  " + line + "\n")
	}
	return b.String()
}

// trace shows the first traceLines events of the trace, in the trace's
// own text form.
func (r *Renderer) trace(res *runner.Result) []string {
	lang := r.opts.Lang
	tr := res.Trace
	total := int64(len(tr.Events)) + tr.Dropped
	lines := r.wrapped(r.pal.label, fmt.Sprintf(txtTraceTitle.In(lang), min(int64(traceLines), total), total))
	// The columns of sim.Trace.WriteText: time right-aligned in 12, then
	// P, M, G, kind left-aligned in 3, 3, 5 and 11.
	head := strings.Repeat(" ", max(0, 12-width(txtTraceTime.In(lang)))) + txtTraceTime.In(lang) + " " +
		pad("P", 3) + " " + pad("M", 3) + " " + pad("G", 5) + " " + pad(txtTraceKind.In(lang), 11) + " " + txtTraceDetails.In(lang)
	lines = append(lines, r.pal.dim(head))
	var buf bytes.Buffer
	short := &sim.Trace{Procs: tr.Procs, Seed: tr.Seed, Events: tr.Events[:min(len(tr.Events), traceLines)]}
	short.WriteText(&buf)
	lines = append(lines, strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")...)
	if n := total - int64(len(short.Events)); n > 0 {
		more := txtMoreEvents
		if n == 1 {
			more = txtOneMoreEvent
		}
		lines = append(lines, r.wrapped(r.pal.dim, fmt.Sprintf(more.In(lang), n))...)
	}
	return lines
}

// table lays out rows in columns two spaces apart; the first row is the
// header.
func (r *Renderer) table(rows [][]string) []string {
	lines := r.rowsNoHeader(rows)
	if len(lines) > 0 {
		lines[0] = r.pal.dim(lines[0])
	}
	return lines
}

func (r *Renderer) rowsNoHeader(rows [][]string) []string {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], width(cell))
		}
	}
	lines := make([]string, len(rows))
	for j, row := range rows {
		var b strings.Builder
		for i, cell := range row {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(pad(cell, widths[i]))
		}
		lines[j] = strings.TrimRight(b.String(), " ")
	}
	return lines
}

// noStyle leaves text as it is.
func noStyle(s string) string { return s }

// stateName is a goroutine's state in the stack picture. Waiting
// goroutines show the runtime's wait reason instead, in English, as Go
// prints it in a traceback ("goroutine 1 [chan receive]:").
func stateName(status string, lang i18n.Lang) string {
	if t, ok := txtStates[status]; ok {
		return t.In(lang)
	}
	return status
}

// gList lists goroutines as "G6 G7", as many as fit in w columns (at
// most maxQueueIDs, at least one), the rest counted; "-" for none.
func gList(ids []int64, w int) string {
	if len(ids) == 0 {
		return "-"
	}
	var b strings.Builder
	for i, id := range ids {
		part := "G" + strconv.FormatInt(id, 10)
		if i > 0 {
			part = " " + part
		}
		more := ""
		if rest := len(ids) - i - 1; rest > 0 {
			more = fmt.Sprintf(" … +%d", rest)
		}
		if i == maxQueueIDs || (i > 0 && b.Len()+len(part)+width(more) > w) {
			fmt.Fprintf(&b, " … +%d", len(ids)-i)
			break
		}
		b.WriteString(part)
	}
	return b.String()
}

// runtimeSet returns the runtime's goroutines of m.
func runtimeSet(m *machine) map[int64]bool {
	rt := map[int64]bool{}
	for id, g := range m.gs {
		if g.runtime {
			rt[id] = true
		}
	}
	return rt
}

// gName names goroutine g: "G1 (main)", "G5 (runtime)", "G6".
func gName(g int64, rt map[int64]bool, lang i18n.Lang) string {
	name := "G" + strconv.FormatInt(g, 10)
	switch {
	case g == 1:
		name += txtMain.In(lang)
	case rt[g]:
		name += txtRuntime.In(lang)
	}
	return name
}

// fmtBytes formats a size in bytes with binary units: "2 KiB", "8 MiB".
func fmtBytes(n int64) string {
	units := []string{"B", "KiB", "MiB", "GiB"}
	f, u := float64(n), 0
	for f >= 1024 && u < len(units)-1 {
		f /= 1024
		u++
	}
	if f == float64(int64(f)) {
		return strconv.FormatInt(int64(f), 10) + " " + units[u]
	}
	return strconv.FormatFloat(f, 'f', 1, 64) + " " + units[u]
}
