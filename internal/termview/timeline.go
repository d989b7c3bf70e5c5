package termview

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/gotour-gpm/gotour-gpm/runner"
	"github.com/gotour-gpm/gotour-gpm/sim"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// Timeline columns: at most maxCols, so that a row with its "P0 │" label,
// its closing bar and the margin fits 80 columns with room to spare; at
// least minCols, below which the picture says too little.
const (
	maxCols = 64
	minCols = 32
)

// labelRunes label goroutines in the timeline, in order of goroutine id;
// goroutines past the last share otherLabel.
const (
	labelRunes = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	otherLabel = '#'
	idleLabel  = '.'
)

// timeline draws one row per P over the run's virtual time, divided into
// equal columns. A column shows the goroutine that ran longest on that P
// in its stretch of time, if any ran at all, so that even a short run
// stays visible; '.' means the P ran nothing. A legend names the
// goroutines and an axis gives the time.
func (r *Renderer) timeline(res *runner.Result) []string {
	lang := r.opts.Lang
	tr := res.Trace
	end := traceEnd(res)
	cols := min(maxCols, max(minCols, r.opts.Width-len(margin)-8))
	title := fmt.Sprintf(txtTimeline.In(lang), fmtDur(end), fmtDur(end/int64(cols)))
	lines := r.wrapped(r.pal.label, title)
	if end <= 0 {
		return append(lines, txtNoTime.In(lang))
	}
	segs := withInstants(sim.Segments(tr, end), tr, end)
	procs := max(tr.Procs, res.Procs)
	for _, s := range segs {
		procs = max(procs, s.P+1)
	}
	grid := grid(segs, procs, cols, end)
	ids := shownGs(grid)
	label := map[int64]int{} // goroutine → index into labelRunes
	for i, g := range ids {
		label[g] = i
	}
	pw := len(fmt.Sprint(procs - 1))
	for p, row := range grid {
		var b strings.Builder
		fmt.Fprintf(&b, "P%-*d │", pw, p)
		for i := 0; i < len(row); {
			// One style for a run of the same goroutine.
			j := i + 1
			for j < len(row) && row[j] == row[i] {
				j++
			}
			b.WriteString(r.gLabels(row[i], label, j-i))
			i = j
		}
		b.WriteString("│")
		lines = append(lines, b.String())
	}
	indent := strings.Repeat(" ", pw+3)
	lines = append(lines, indent+axis(cols, end))
	lines = append(lines, r.legend(ids, label, runtimeGs(tr), cols+pw+4)...)
	if tr.Dropped > 0 {
		// The title's virtual time is the last kept event's, not the run's.
		lines = append(lines, r.wrapped(r.pal.dim, fmt.Sprintf(txtTraceCut.In(lang), len(tr.Events)))...)
	}
	return lines
}

// Timeline draws the timeline of a run on its own, as a lesson draws it
// under a snippet with show=timeline, but without the lesson's margin:
// the run command's --timeline and the check command's failing schedules
// show it. Of opts, only Lang, Width and Color count. res needs Trace,
// VirtualTime and Procs.
func Timeline(res *runner.Result, opts Options) string {
	opts = opts.withDefaults()
	r := &Renderer{opts: opts, pal: palette{on: opts.Color}}
	lines := []string{fmt.Sprintf(txtNoTrace.In(opts.Lang), tour.ViewTimeline)}
	if res.Trace != nil {
		lines = r.timeline(res)
	}
	var b strings.Builder
	for _, line := range lines {
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	return b.String()
}

// gLabel is the one-character label of goroutine g in a timeline cell.
func (r *Renderer) gLabel(g int64, label map[int64]int) string { return r.gLabels(g, label, 1) }

// gLabels is n cells of goroutine g, styled once.
func (r *Renderer) gLabels(g int64, label map[int64]int, n int) string {
	if g == 0 {
		return r.pal.dim(strings.Repeat(string(idleLabel), n))
	}
	i := label[g]
	if i >= len(labelRunes) {
		return strings.Repeat(string(otherLabel), n)
	}
	return r.pal.colour(gColours[i%len(gColours)], strings.Repeat(string(labelRunes[i]), n))
}

// traceEnd is the virtual time the timeline covers: the run's, or the
// last kept event's when the trace was cut short.
func traceEnd(res *runner.Result) int64 {
	end := res.VirtualTime
	if res.Trace.Dropped > 0 {
		end = 0
		for _, ev := range res.Trace.Events {
			end = max(end, ev.Time)
		}
	}
	return end
}

// withInstants adds to segs the runs that took no virtual time, which
// sim.Segments leaves out: main's last run, that prints and returns at
// the very end, would otherwise not be drawn.
func withInstants(segs []sim.Segment, tr *sim.Trace, end int64) []sim.Segment {
	type key struct {
		p int
		g int64
		t int64
	}
	started := map[key]bool{}
	for _, s := range segs {
		started[key{s.P, s.G, s.Start}] = true
	}
	for _, ev := range tr.Events {
		if ev.Kind == sim.EvRun && ev.Time <= end && !started[key{ev.P, ev.G, ev.Time}] {
			segs = append(segs, sim.Segment{P: ev.P, G: ev.G, Start: ev.Time, End: ev.Time})
		}
	}
	return segs
}

// sliver is the share of a column given to a run of no virtual time.
const sliver = 1e-6

// grid returns, for each P and column, the goroutine that ran longest in
// that column's stretch of [0, end), or 0 if none ran; a tie goes to the
// lower goroutine id.
func grid(segs []sim.Segment, procs, cols int, end int64) [][]int64 {
	type share struct {
		g int64
		t float64
	}
	cells := make([][][]share, procs)
	for p := range cells {
		cells[p] = make([][]share, cols)
	}
	col := float64(end) / float64(cols) // virtual ns per column
	for _, s := range segs {
		// A run at the very end belongs to the last column, not one past
		// it; a run that took no virtual time (main printing its last
		// line, at end) counts for a sliver, so that it shows where
		// nothing else ran.
		first := min(int(float64(s.Start)/col), cols-1)
		last := min(int(float64(s.End)/col), cols-1)
		for c := first; c <= last; c++ {
			t := min(float64(s.End), float64(c+1)*col) - max(float64(s.Start), float64(c)*col)
			switch {
			case s.End == s.Start:
				t = sliver
			case t <= 0:
				continue
			}
			cell := cells[s.P][c]
			i := slices.IndexFunc(cell, func(sh share) bool { return sh.g == s.G })
			if i < 0 {
				cell = append(cell, share{g: s.G})
				i = len(cell) - 1
			}
			cell[i].t += t
			cells[s.P][c] = cell
		}
	}
	out := make([][]int64, procs)
	for p := range out {
		out[p] = make([]int64, cols)
		for c, cell := range cells[p] {
			best := share{}
			for _, sh := range cell {
				if sh.t > best.t || (sh.t == best.t && sh.g < best.g) {
					best = sh
				}
			}
			out[p][c] = best.g
		}
	}
	return out
}

// shownGs returns the goroutines that appear in grid, by id.
func shownGs(grid [][]int64) []int64 {
	var ids []int64
	for _, row := range grid {
		for _, g := range row {
			if g != 0 && !slices.Contains(ids, g) {
				ids = append(ids, g)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

// runtimeGs returns the goroutines the trace never shows being created,
// other than main: the runtime's own, which exist before main.main.
func runtimeGs(tr *sim.Trace) map[int64]bool {
	created := map[int64]bool{1: true}
	rt := map[int64]bool{}
	for _, ev := range tr.Events {
		if ev.Kind == sim.EvGoCreate {
			created[ev.G] = true
		}
	}
	for _, ev := range tr.Events {
		if ev.G != 0 && !created[ev.G] {
			rt[ev.G] = true
		}
	}
	return rt
}

// axis draws the time axis under cols columns: ticks at the start, a
// quarter, half and three quarters of the way, and the end, each with its
// time; a label that would run into the next is left out.
func axis(cols int, end int64) string {
	ticks := []int{0, cols / 4, cols / 2, 3 * cols / 4}
	line := []rune(strings.Repeat(" ", cols+2))
	endLabel := []rune(fmtDur(end))
	endAt := cols + 2 - len(endLabel)
	free := 0
	for _, c := range ticks {
		label := []rune(fmtDur(int64(float64(end) * float64(c) / float64(cols))))
		if c < free || c+len(label) >= endAt {
			continue
		}
		copy(line[c+1:], label) // +1: the column after the row's "│"
		free = c + len(label) + 2
	}
	if endAt >= free {
		copy(line[endAt:], endLabel)
	}
	return strings.TrimRight(string(line), " ")
}

// legend names the goroutines of the timeline, wrapped to w columns.
func (r *Renderer) legend(ids []int64, label map[int64]int, rt map[int64]bool, w int) []string {
	lang := r.opts.Lang
	var items []string
	other := false
	for _, g := range ids {
		if label[g] >= len(labelRunes) {
			other = true
			continue
		}
		item := r.gLabel(g, label) + "=" + gName(g, rt, lang)
		items = append(items, item)
	}
	if other {
		items = append(items, string(otherLabel)+"="+txtOtherGs.In(lang))
	}
	items = append(items, r.pal.dim(string(idleLabel))+"="+txtIdle.In(lang))
	return wrapItems(txtLegend.In(lang), items, w)
}

// wrapItems lists items after head, two spaces apart, in lines of at
// most w columns; continuation lines are indented under the first item.
func wrapItems(head string, items []string, w int) []string {
	var lines []string
	line := head
	indent := strings.Repeat(" ", width(head))
	for i, item := range items {
		switch {
		case i == 0:
			line += item
		case width(line)+2+width(item) > w:
			lines = append(lines, line)
			line = indent + item
		default:
			line += "  " + item
		}
	}
	return append(lines, line)
}

// fmtDur formats ns of virtual time with about three significant digits.
func fmtDur(ns int64) string {
	d := time.Duration(ns)
	switch {
	case d >= 100*time.Second:
		d = d.Round(time.Second)
	case d >= time.Second:
		d = d.Round(10 * time.Millisecond)
	case d >= 100*time.Millisecond:
		d = d.Round(time.Millisecond)
	case d >= time.Millisecond:
		d = d.Round(10 * time.Microsecond)
	case d >= 100*time.Microsecond:
		d = d.Round(time.Microsecond)
	case d >= time.Microsecond:
		d = d.Round(10 * time.Nanosecond)
	}
	return d.String()
}
