package cli

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/sim"
)

// timelineWidth is the number of columns a timeline row is divided into;
// with the "P0 " in front, a row fits an 80-column terminal.
const timelineWidth = 72

// timelineLabels are the one-character labels given to goroutines, in
// order of goroutine id. Goroutines past the 62nd share otherLabel.
const (
	timelineLabels = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	otherLabel     = '#'
	idleLabel      = '.'
)

// writeTimeline draws --timeline: one row per P, the run's virtual time
// divided into timelineWidth equal columns. A column shows the goroutine
// that ran longest on that P during its slice of time, or '.' if the P ran
// none; a legend maps the labels to goroutine ids, and an axis under the
// rows gives the time.
func writeTimeline(w io.Writer, lang i18n.Lang, res *workResult) {
	tr := res.Trace
	end := res.VirtualTime
	if tr.Dropped > 0 {
		// Past the last kept event the trace says nothing: stop there.
		end = 0
		for _, ev := range tr.Events {
			end = max(end, ev.Time)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "gotour-gpm: "+i18n.Text{
		En: "timeline (virtual time %s, %s per column)",
		Zh: "时间线（虚拟时间 %s，每列 %s）",
	}.In(lang)+"\n", time.Duration(end), fmtTick(float64(end)/timelineWidth))
	if end <= 0 {
		b.WriteString(i18n.Text{En: "  no virtual time passed", Zh: "  没有经过任何虚拟时间"}.In(lang) + "\n")
		io.WriteString(w, b.String())
		return
	}

	segs := sim.Segments(tr, end)
	procs := max(tr.Procs, res.Procs)
	for _, s := range segs {
		procs = max(procs, s.P+1)
	}
	grid := timelineGrid(segs, procs, end)
	labels, hidden := timelineLegend(grid, segs)

	pw := len(strconv.Itoa(procs - 1))
	indent := strings.Repeat(" ", pw+2)
	for p, row := range grid {
		fmt.Fprintf(&b, "P%-*d ", pw, p)
		for _, g := range row {
			if g == 0 {
				b.WriteByte(idleLabel)
			} else {
				b.WriteByte(labels[g])
			}
		}
		b.WriteByte('\n')
	}
	writeAxis(&b, indent, end)
	writeLegend(&b, lang, indent, labels, runtimeGs(tr), hidden)
	if tr.Dropped > 0 {
		fmt.Fprintf(&b, i18n.Text{
			En: "the trace kept only its first %d events: the timeline stops at the last of them\n",
			Zh: "跟踪记录只保留了前 %d 个事件：时间线到最后一个事件为止\n",
		}.In(lang), len(tr.Events))
	}
	io.WriteString(w, b.String())
}

// timelineGrid returns, for each P and column, the goroutine that ran
// longest in that column's slice of [0, end), or 0 if none ran; a tie goes
// to the lower goroutine id.
func timelineGrid(segs []sim.Segment, procs int, end int64) [][]int64 {
	type share struct {
		g int64
		t float64
	}
	cells := make([][][]share, procs)
	for p := range cells {
		cells[p] = make([][]share, timelineWidth)
	}
	col := float64(end) / timelineWidth // virtual ns per column
	for _, s := range segs {
		first := int(float64(s.Start) / col)
		last := min(int(float64(s.End)/col), timelineWidth-1)
		for c := first; c <= last; c++ {
			t := min(float64(s.End), float64(c+1)*col) - max(float64(s.Start), float64(c)*col)
			if t <= 0 {
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
	grid := make([][]int64, procs)
	for p := range grid {
		grid[p] = make([]int64, timelineWidth)
		for c, cell := range cells[p] {
			best := share{}
			for _, sh := range cell {
				if sh.t > best.t || (sh.t == best.t && sh.g < best.g) {
					best = sh
				}
			}
			grid[p][c] = best.g
		}
	}
	return grid
}

// timelineLegend labels every goroutine shown in grid, in order of id,
// and counts the goroutines that ran but won no column.
func timelineLegend(grid [][]int64, segs []sim.Segment) (labels map[int64]byte, hidden int) {
	shown := map[int64]bool{}
	for _, row := range grid {
		for _, g := range row {
			if g != 0 {
				shown[g] = true
			}
		}
	}
	ids := make([]int64, 0, len(shown))
	for g := range shown {
		ids = append(ids, g)
	}
	slices.Sort(ids)
	labels = make(map[int64]byte, len(ids))
	for i, g := range ids {
		labels[g] = otherLabel
		if i < len(timelineLabels) {
			labels[g] = timelineLabels[i]
		}
	}
	ran := map[int64]bool{}
	for _, s := range segs {
		if !shown[s.G] && !ran[s.G] {
			ran[s.G] = true
			hidden++
		}
	}
	return labels, hidden
}

// runtimeGs returns the goroutines the trace never shows being created,
// other than main: the runtime's own, which exist before main.main.
func runtimeGs(tr *sim.Trace) map[int64]bool {
	created := map[int64]bool{1: true}
	seen := map[int64]bool{}
	for _, ev := range tr.Events {
		if ev.Kind == sim.EvGoCreate {
			created[ev.G] = true
		}
		if ev.G != 0 {
			seen[ev.G] = true
		}
	}
	rt := map[int64]bool{}
	for g := range seen {
		if !created[g] {
			rt[g] = true
		}
	}
	return rt
}

// writeAxis writes the time axis under the rows: ticks at the start, a
// quarter, half and three quarters of the way, and the end, with times.
// A label that would run into the next one is left out.
func writeAxis(b *strings.Builder, indent string, end int64) {
	ticks := []int{0, timelineWidth / 4, timelineWidth / 2, 3 * timelineWidth / 4, timelineWidth - 1}
	marks := []rune(strings.Repeat(" ", timelineWidth))
	for _, c := range ticks {
		marks[c] = '|'
	}
	b.WriteString(indent + string(marks) + "\n")

	// Labels start under their tick, except the last, which ends under it.
	endLabel := []rune(fmtTick(float64(end)))
	endAt := timelineWidth - len(endLabel)
	line := []rune(strings.Repeat(" ", timelineWidth))
	free := 0 // first column not yet taken by a label and its gap
	for _, c := range ticks[:len(ticks)-1] {
		label := []rune(fmtTick(float64(end) * float64(c) / timelineWidth))
		if c < free || c+len(label) >= endAt {
			continue
		}
		copy(line[c:], label)
		free = c + len(label) + 1
	}
	if endAt >= free {
		copy(line[endAt:], endLabel)
	}
	b.WriteString(indent + strings.TrimRight(string(line), " ") + "\n")
}

// writeLegend writes the labels as "a=G1 (main)", wrapped to the rows'
// width, then what '.' and '#' mean.
func writeLegend(b *strings.Builder, lang i18n.Lang, indent string, labels map[int64]byte, rt map[int64]bool, hidden int) {
	ids := make([]int64, 0, len(labels))
	for g := range labels {
		ids = append(ids, g)
	}
	slices.Sort(ids)
	var items []string
	other := false
	for _, g := range ids {
		l := labels[g]
		if l == otherLabel {
			other = true
			continue
		}
		item := fmt.Sprintf("%c=G%d", l, g)
		switch {
		case g == 1:
			item += i18n.Text{En: " (main)", Zh: "（main）"}.In(lang)
		case rt[g]:
			item += i18n.Text{En: " (runtime)", Zh: "（运行时）"}.In(lang)
		}
		items = append(items, item)
	}
	if other {
		items = append(items, string(otherLabel)+i18n.Text{En: "=other goroutines", Zh: "=其他 goroutine"}.In(lang))
	}
	items = append(items, string(idleLabel)+i18n.Text{En: "=idle", Zh: "=空闲"}.In(lang))

	head := i18n.Text{En: "legend: ", Zh: "图例："}.In(lang)
	line := head
	for i, item := range items {
		if i > 0 && textWidth(line)+2+textWidth(item) > len(indent)+timelineWidth {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line = strings.Repeat(" ", textWidth(head))
		} else if i > 0 {
			line += "  "
		}
		line += item
	}
	b.WriteString(line + "\n")
	if hidden > 0 {
		fmt.Fprintf(b, i18n.Text{
			En: "%d more goroutines ran too briefly to show\n",
			Zh: "另有 %d 个 goroutine 运行时间太短，未能显示\n",
		}.In(lang), hidden)
	}
}

// fmtTick formats ns virtual nanoseconds in the largest unit that keeps
// the number at least 1, to three significant digits: "0", "750ns",
// "31.6µs", "1.5s". Every rune of the result takes one terminal column.
func fmtTick(ns float64) string {
	if ns <= 0 {
		return "0"
	}
	units := []struct {
		name string
		ns   float64
	}{{"s", 1e9}, {"ms", 1e6}, {"µs", 1e3}}
	for _, u := range units {
		if ns >= u.ns {
			return fmtSig(ns/u.ns) + u.name
		}
	}
	return fmtSig(ns) + "ns"
}

// fmtSig formats v to three significant digits without an exponent.
func fmtSig(v float64) string {
	s := strconv.FormatFloat(v, 'g', 3, 64)
	if strings.Contains(s, "e") { // 999.9 rounds to "1e+03"
		s = strconv.FormatFloat(v, 'f', 0, 64)
	}
	return s
}
