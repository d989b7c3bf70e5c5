package render

// The timeline: an SVG picture of who ran where, drawn from a trace. One
// lane per P over virtual time; each stretch of a G on a P is a bar in the
// G's colour; markers under the bars show the scheduler's moves. The
// picture scales with its viewBox, so it fits a phone and prints sharp.

import (
	"cmp"
	"fmt"
	"html"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/sim"
)

// Geometry of the picture, in viewBox units (CSS pixels at full width).
const (
	tlWidth    = 720 // whole picture
	tlLeft     = 34  // lane labels
	tlRight    = 10
	tlTop      = 6
	tlBar      = 16 // height of a bar
	tlMarkRow  = 10 // room under a bar for the markers
	tlLaneGap  = 6
	tlAxis     = 18 // the time axis under the lanes
	tlMinWidth = 1.5
	// tlMaxMarkers bounds the markers drawn; busier runs are thinned,
	// keeping rare kinds (a steal among thousands of parks) whole.
	tlMaxMarkers = 100
	// tlMarkMerge is how close two markers of a kind on a lane may be
	// before they are drawn as one.
	tlMarkMerge = 4
	// tlDenseGap is the widest gap between two narrow stretches that are
	// still drawn as one hatched bar.
	tlDenseGap = 4
	// tlLabelWidth is the narrowest bar that gets its G's name written in.
	tlLabelWidth = 22
)

// markerKinds are the events the timeline marks, in legend order.
var markerKinds = []sim.Kind{sim.EvSteal, sim.EvHandoff, sim.EvPreempt, sim.EvPark, sim.EvReady, sim.EvWake, sim.EvStackGrow, sim.EvRace}

// markerClass is the CSS class of each marker kind, after "m-".
var markerClass = map[sim.Kind]string{
	sim.EvSteal: "steal", sim.EvHandoff: "handoff", sim.EvPreempt: "preempt", sim.EvPark: "park",
	sim.EvReady: "ready", sim.EvWake: "wake", sim.EvStackGrow: "stack", sim.EvRace: "race",
}

// markerShape is the SVG of a marker centred on (x, y).
func markerShape(k sim.Kind, x, y float64) string {
	X, Y := num(x), num(y)
	switch k {
	case sim.EvSteal: // ▶: work moves to this P
		return fmt.Sprintf(`<path class="m-steal" d="M%s %sl7 4-7 4z"/>`, num(x-3), num(y-4))
	case sim.EvHandoff: // ■: the P is handed to another M
		return fmt.Sprintf(`<rect class="m-handoff" x="%s" y="%s" width="7" height="7"/>`, num(x-3.5), num(y-3.5))
	case sim.EvPreempt: // ▼: the time slice ran out
		return fmt.Sprintf(`<path class="m-preempt" d="M%s %sh8l-4 7z"/>`, num(x-4), num(y-3.5))
	case sim.EvPark: // ○: the G blocks
		return fmt.Sprintf(`<circle class="m-park" cx="%s" cy="%s" r="3"/>`, X, Y)
	case sim.EvReady, sim.EvWake: // ●: a G, or an idle P, is woken
		cls := "m-ready"
		if k == sim.EvWake {
			cls = "m-wake"
		}
		return fmt.Sprintf(`<circle class="%s" cx="%s" cy="%s" r="3"/>`, cls, X, Y)
	case sim.EvStackGrow: // ◆: the stack doubled
		return fmt.Sprintf(`<path class="m-stack" d="M%s %sl4 4-4 4-4-4z"/>`, X, num(y-4))
	case sim.EvRace: // ✕: another P's G ran in the middle of this G's update
		return fmt.Sprintf(`<path class="m-race" d="M%s %sl6 6m0-6l-6 6"/>`, num(x-3), num(y-3))
	}
	return ""
}

// markerName names a marker kind in the legend and in titles.
func markerName(k sim.Kind) i18n.Text {
	switch k {
	case sim.EvSteal:
		return i18n.Text{En: "steal", Zh: "窃取"}
	case sim.EvHandoff:
		return i18n.Text{En: "hand-off", Zh: "移交 P"}
	case sim.EvPreempt:
		return i18n.Text{En: "preemption", Zh: "抢占"}
	case sim.EvPark:
		return i18n.Text{En: "park", Zh: "挂起"}
	case sim.EvReady:
		return i18n.Text{En: "wake-up", Zh: "唤醒"}
	case sim.EvWake:
		return i18n.Text{En: "P woken", Zh: "唤醒 P"}
	case sim.EvStackGrow:
		return i18n.Text{En: "stack growth", Zh: "栈增长"}
	case sim.EvRace:
		return i18n.Text{En: "data race", Zh: "数据竞争"}
	}
	return i18n.Text{En: k.String(), Zh: k.String()}
}

// GColor is goroutine g's colour, the same in the timeline and the
// step-through (static/gpm.js computes it the same way): the golden angle
// spreads neighbouring ids around the colour wheel. Main is blue-grey.
func GColor(g int64) string {
	if g == 1 {
		return "hsl(210 25% 62%)"
	}
	return "hsl(" + strconv.FormatInt((g*137)%360, 10) + " 62% 66%)"
}

// TimelineSVG draws tr as an SVG timeline. end is the run's final virtual
// time, which closes the stretches still running; id makes the picture's
// own element ids unique in a page. Titles (tooltips) are in lang.
func TimelineSVG(tr *sim.Trace, end int64, id string, lang i18n.Lang) template.HTML {
	if tr == nil {
		return ""
	}
	if tr.Dropped > 0 {
		// Past the last kept event the trace says nothing: stop there.
		end = 0
	}
	for _, e := range tr.Events {
		end = max(end, e.Time)
	}
	span := max(end, 1)
	lanes := max(tr.Procs, 1)
	for _, e := range tr.Events {
		lanes = max(lanes, e.P+1)
	}
	laneH := tlBar + tlMarkRow + tlLaneGap
	height := tlTop + lanes*laneH + tlAxis
	pw := float64(tlWidth - tlLeft - tlRight)
	x := func(t int64) float64 { return tlLeft + float64(t)*pw/float64(span) }
	laneY := func(p int) float64 { return float64(tlTop + p*laneH) }

	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="timeline" id="tl-%s" viewBox="0 0 %d %d" role="img" data-x0="%d" data-pw="%s" data-span="%d" xmlns="http://www.w3.org/2000/svg">`,
		id, tlWidth, height, tlLeft, num(pw), span)
	fmt.Fprintf(&b, `<title>%s</title>`, html.EscapeString(i18n.Text{
		En: fmt.Sprintf("Timeline: which goroutine ran on each of %d Ps over %s of virtual time", lanes, fmtNs(span)),
		Zh: fmt.Sprintf("时间线：%d 个 P 在 %s 虚拟时间里各运行了哪个 goroutine", lanes, fmtNs(span)),
	}.In(lang)))
	fmt.Fprintf(&b, `<defs><pattern id="dense-%s" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="dense-bg" width="4" height="4"/><rect class="dense-fg" width="2" height="4"/></pattern></defs>`, id)
	for p := range lanes {
		y := laneY(p)
		fmt.Fprintf(&b, `<text class="lane" x="4" y="%s">P%d</text>`, num(y+12), p)
		fmt.Fprintf(&b, `<rect class="lane-bg" x="%d" y="%s" width="%s" height="%d"/>`, tlLeft, num(y), num(pw), tlBar)
	}
	drawSegments(&b, sim.Segments(tr, end), x, laneY, id, lang)
	drawMarkers(&b, tr, x, laneY, lang)
	drawAxis(&b, span, x, float64(tlTop+lanes*laneH))
	fmt.Fprintf(&b, `<line class="cursor" x1="%d" y1="%d" x2="%d" y2="%d" visibility="hidden"/>`, tlLeft, tlTop-4, tlLeft, tlTop+lanes*laneH)
	b.WriteString("</svg>")
	return template.HTML(b.String())
}

// drawSegments draws the stretches, lane by lane. Stretches too narrow to
// see are merged with their narrow neighbours into one hatched bar, so
// that a run with a million switches still makes a small picture.
func drawSegments(b *strings.Builder, segs []sim.Segment, x func(int64) float64, laneY func(int) float64, id string, lang i18n.Lang) {
	slices.SortStableFunc(segs, func(a, c sim.Segment) int {
		return cmp.Or(cmp.Compare(a.P, c.P), cmp.Compare(a.Start, c.Start))
	})
	type dense struct {
		p          int
		start, end int64
		n          int
		gs         map[int64]bool
	}
	var d *dense
	flush := func() {
		if d == nil {
			return
		}
		x0, x1 := x(d.start), x(d.end)
		fmt.Fprintf(b, `<rect fill="url(#dense-%s)" x="%s" y="%s" width="%s" height="%d"><title>%s</title></rect>`,
			id, num(x0), num(laneY(d.p)), num(max(x1-x0, 0.5)), tlBar, html.EscapeString(i18n.Text{
				En: fmt.Sprintf("P%d: %d short stretches of %d goroutines, %s to %s", d.p, d.n, len(d.gs), fmtNs(d.start), fmtNs(d.end)),
				Zh: fmt.Sprintf("P%d：%d 个 goroutine 的 %d 段短暂运行，%s 至 %s", d.p, len(d.gs), d.n, fmtNs(d.start), fmtNs(d.end)),
			}.In(lang)))
		d = nil
	}
	for _, s := range segs {
		x0, x1 := x(s.Start), x(s.End)
		if x1-x0 < tlMinWidth {
			if d != nil && (d.p != s.P || x0-x(d.end) > tlDenseGap) {
				flush()
			}
			if d == nil {
				d = &dense{p: s.P, start: s.Start, gs: map[int64]bool{}}
			}
			d.end, d.n = s.End, d.n+1
			d.gs[s.G] = true
			continue
		}
		flush()
		y := laneY(s.P)
		fmt.Fprintf(b, `<rect class="seg" data-g="%d" fill="%s" x="%s" y="%s" width="%s" height="%d"><title>%s</title></rect>`,
			s.G, GColor(s.G), num(x0), num(y), num(x1-x0), tlBar, html.EscapeString(i18n.Text{
				En: fmt.Sprintf("G%d on P%d, %s to %s", s.G, s.P, fmtNs(s.Start), fmtNs(s.End)),
				Zh: fmt.Sprintf("G%d 在 P%d 上运行，%s 至 %s", s.G, s.P, fmtNs(s.Start), fmtNs(s.End)),
			}.In(lang)))
		if x1-x0 >= tlLabelWidth {
			fmt.Fprintf(b, `<text class="glabel" x="%s" y="%s">G%d</text>`, num(x0+3), num(y+12), s.G)
		}
	}
	flush()
}

// drawMarkers draws the markers under the bars. Markers of one kind that
// fall within tlMarkMerge of each other on a lane are drawn once, their
// title counting the rest; the runtime's own goroutines (those the trace
// never saw created, but main) get no park and wake-up markers, which
// would only be noise; and at most tlMaxMarkers are drawn.
func drawMarkers(b *strings.Builder, tr *sim.Trace, x func(int64) float64, laneY func(int) float64, lang i18n.Lang) {
	user := map[int64]bool{1: true}
	type mark struct {
		i    int // the first event
		more int // events merged into it
	}
	var marks []*mark
	last := map[[2]int]*mark{} // by kind and lane: the marker drawn last
	byKind := map[sim.Kind][]int{}
	for i, e := range tr.Events {
		if e.Kind == sim.EvGoCreate {
			user[e.G] = true
		}
		if e.P < 0 || !slices.Contains(markerKinds, e.Kind) {
			continue
		}
		if (e.Kind == sim.EvPark || e.Kind == sim.EvReady) && !user[e.G] {
			continue
		}
		key := [2]int{int(e.Kind), e.P}
		if m := last[key]; m != nil && x(e.Time)-x(tr.Events[m.i].Time) < tlMarkMerge {
			m.more++
			continue
		}
		m := &mark{i: i}
		last[key] = m
		marks = append(marks, m)
		byKind[e.Kind] = append(byKind[e.Kind], len(marks)-1)
	}
	keep := thin(byKind, tlMaxMarkers)
	var idx []int
	for _, k := range markerKinds {
		idx = append(idx, keep[k]...)
	}
	slices.Sort(idx)
	for _, j := range idx {
		m := marks[j]
		e := tr.Events[m.i]
		title := markerTitle(e, lang)
		if m.more > 0 {
			title += i18n.Text{En: fmt.Sprintf(" (and %d more)", m.more), Zh: fmt.Sprintf("（另有 %d 个）", m.more)}.In(lang)
		}
		cy := laneY(e.P) + tlBar + tlMarkRow/2 + 1
		fmt.Fprintf(b, `<g class="mark">%s<title>%s</title></g>`, markerShape(e.Kind, x(e.Time), cy), html.EscapeString(title))
	}
	if len(marks) > len(idx) {
		fmt.Fprintf(b, `<desc class="thinned">%s</desc>`, html.EscapeString(i18n.Text{
			En: fmt.Sprintf("%d of %d markers shown", len(idx), len(marks)),
			Zh: fmt.Sprintf("显示了 %d 个标记中的 %d 个", len(marks), len(idx)),
		}.In(lang)))
	}
}

// thin picks at most limit events from byKind, as evenly spread in time
// as it can, giving each kind an equal share and passing the share a kind
// does not use on to the others.
func thin(byKind map[sim.Kind][]int, limit int) map[sim.Kind][]int {
	kinds := slices.Clone(markerKinds)
	slices.SortStableFunc(kinds, func(a, c sim.Kind) int { return cmp.Compare(len(byKind[a]), len(byKind[c])) })
	out := map[sim.Kind][]int{}
	left := limit
	for i, k := range kinds {
		all := byKind[k]
		share := left / (len(kinds) - i)
		if len(all) <= share {
			out[k] = all
			left -= len(all)
			continue
		}
		for j := range share {
			out[k] = append(out[k], all[j*len(all)/share])
		}
		left -= share
	}
	return out
}

// markerTitle says what a marker marks.
func markerTitle(e sim.Event, lang i18n.Lang) string {
	at := fmtNs(e.Time)
	var t i18n.Text
	switch e.Kind {
	case sim.EvSteal:
		t = i18n.Text{En: fmt.Sprintf("%s: P%d stole %d G from P%d", at, e.P, len(e.Gs), e.Other),
			Zh: fmt.Sprintf("%s：P%d 从 P%d 窃取了 %d 个 G", at, e.P, e.Other, len(e.Gs))}
	case sim.EvHandoff:
		t = i18n.Text{En: fmt.Sprintf("%s: P%d handed off from G%d's system call", at, e.P, e.G),
			Zh: fmt.Sprintf("%s：G%d 在系统调用中，P%d 被移交", at, e.G, e.P)}
	case sim.EvPreempt:
		t = i18n.Text{En: fmt.Sprintf("%s: G%d preempted on P%d", at, e.G, e.P),
			Zh: fmt.Sprintf("%s：G%d 在 P%d 上被抢占", at, e.G, e.P)}
	case sim.EvPark:
		t = i18n.Text{En: fmt.Sprintf("%s: G%d parks (%s)", at, e.G, e.Detail),
			Zh: fmt.Sprintf("%s：G%d 挂起（%s）", at, e.G, e.Detail)}
	case sim.EvReady:
		t = i18n.Text{En: fmt.Sprintf("%s: G%d woken up", at, e.G),
			Zh: fmt.Sprintf("%s：G%d 被唤醒", at, e.G)}
	case sim.EvWake:
		t = i18n.Text{En: fmt.Sprintf("%s: idle P%d woken", at, e.P),
			Zh: fmt.Sprintf("%s：空闲的 P%d 被唤醒", at, e.P)}
	case sim.EvStackGrow:
		t = i18n.Text{En: fmt.Sprintf("%s: G%d's stack grew to %s", at, e.G, fmtBytes(e.N)),
			Zh: fmt.Sprintf("%s：G%d 的栈增长到 %s", at, e.G, fmtBytes(e.N))}
	case sim.EvRace:
		t = i18n.Text{En: fmt.Sprintf("%s: data race: G%d ran in the middle of G%d's unsynchronised update", at, e.Other, e.G),
			Zh: fmt.Sprintf("%s：数据竞争：G%d 在 G%d 未同步的更新中途运行", at, e.Other, e.G)}
	}
	return t.In(lang)
}

// drawAxis draws the time axis at y: a line and about six ticks at round
// durations.
func drawAxis(b *strings.Builder, span int64, x func(int64) float64, y float64) {
	fmt.Fprintf(b, `<line class="axis" x1="%d" y1="%s" x2="%s" y2="%s"/>`, tlLeft, num(y), num(x(span)), num(y))
	step := niceStep(span)
	for t := int64(0); t <= span; t += step {
		tx := x(t)
		anchor := "middle"
		if t == 0 {
			anchor = "start"
		} else if tx > tlWidth-tlRight-20 {
			anchor = "end"
		}
		fmt.Fprintf(b, `<line class="tick" x1="%s" y1="%s" x2="%s" y2="%s"/><text class="tick" x="%s" y="%s" text-anchor="%s">%s</text>`,
			num(tx), num(y), num(tx), num(y+3), num(tx), num(y+13), anchor, fmtNs(t))
	}
}

// niceStep is a 1, 2 or 5 times a power of ten that cuts span into at
// most six parts.
func niceStep(span int64) int64 {
	for p := int64(1); ; p *= 10 {
		for _, m := range []int64{1, 2, 5} {
			if span/(m*p) <= 6 {
				return m * p
			}
		}
		if p > math.MaxInt64/100 {
			return span
		}
	}
}

// num formats a coordinate with one decimal, without a trailing ".0".
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0")
}

// fmtNs formats a virtual time in ns with a unit, to three significant
// digits: 0, 250ns, 1.5µs, 20ms, 1.25s.
func fmtNs(ns int64) string {
	if ns == 0 {
		return "0"
	}
	units := []struct {
		div  float64
		name string
	}{{1e9, "s"}, {1e6, "ms"}, {1e3, "µs"}}
	for _, u := range units {
		if float64(ns) >= u.div {
			return trimNum(float64(ns)/u.div) + u.name
		}
	}
	return strconv.FormatInt(ns, 10) + "ns"
}

func trimNum(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	if v >= 100 {
		s = strconv.FormatFloat(v, 'f', 0, 64)
	} else if v >= 10 {
		s = strconv.FormatFloat(v, 'f', 1, 64)
	}
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// fmtBytes formats a size: 8 KiB, 2 MiB.
func fmtBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " B"
}
