package termview

import (
	"bytes"
	"context"
	"fmt"
	"github.com/gotour-gpm/gotour-gpm/internal/golden"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/lessons"
	"github.com/gotour-gpm/gotour-gpm/runner"
	"github.com/gotour-gpm/gotour-gpm/sim"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

var update = golden.Update

// allViews are the pictures, in the order the golden files show them.
var allViews = []tour.View{tour.ViewTimeline, tour.ViewQueues, tour.ViewStack, tour.ViewChan, tour.ViewSummary, tour.ViewTrace}

// TestPictures draws every picture of the programs in testdata/pictures,
// in both languages; see testdata/README.
func TestPictures(t *testing.T) {
	files, err := filepath.Glob("testdata/pictures/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/pictures/*.txtar files (%v)", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sec := map[string]string{}
			for _, f := range ar.Files {
				sec[f.Name] = string(f.Data)
			}
			procs := 1
			if v, ok := strings.CutPrefix(strings.TrimSpace(sec["settings"]), "procs="); ok {
				procs, _ = strconv.Atoi(v)
			}
			res := run(t, sec["prog.go"], procs)
			var got strings.Builder
			for _, lang := range i18n.Langs {
				r := newRenderer(t, Options{Lang: lang})
				for _, v := range allViews {
					r.picture(&got, v, res)
				}
			}
			if *update {
				for i := range ar.Files {
					if ar.Files[i].Name == "want" {
						ar.Files[i].Data = []byte(got.String())
					}
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(sec["want"], got.String()); diff != "" {
				t.Errorf("%s: pictures mismatch (-want +got):\n%s\nrun go test ./internal/termview -update", file, diff)
			}
		})
	}
}

func run(t *testing.T, src string, procs int) *runner.Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	res, err := runner.Run(ctx, []byte(src), runner.Options{Procs: procs, Trace: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != runner.OutcomeOK {
		t.Fatalf("outcome %v\nstdout:\n%s\nstderr:\n%s", res.Outcome, res.Stdout, res.Stderr)
	}
	return res
}

func newRenderer(t *testing.T, opts Options) *Renderer {
	t.Helper()
	r, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// places returns a description of a goroutine found in two places, or "".
func (m *machine) places() string {
	seen := map[int64]string{}
	note := func(g int64, where string) string {
		if g == 0 {
			return ""
		}
		if prev, ok := seen[g]; ok {
			return "G" + strconv.FormatInt(g, 10) + " is in " + prev + " and in " + where
		}
		seen[g] = where
		return ""
	}
	for _, g := range m.global {
		if s := note(g, "the global queue"); s != "" {
			return s
		}
	}
	for i, p := range m.ps {
		ps := "P" + strconv.Itoa(i)
		if s := note(p.g, ps+" running"); s != "" {
			return s
		}
		if s := note(p.runnext, ps+" runnext"); s != "" {
			return s
		}
		for _, g := range p.runq {
			if s := note(g, ps+" runq"); s != "" {
				return s
			}
		}
	}
	return ""
}

// TestReplayResize checks that GOMAXPROCS shrinking moves the removed
// Ps' queues to the head of the global queue, highest P first.
func TestReplayResize(t *testing.T) {
	tr := &sim.Trace{Procs: 3, Events: []sim.Event{
		{P: 1, M: 1, G: 7, Kind: sim.EvRunqPut, N: 1},
		{P: 2, M: 2, G: 8, Kind: sim.EvRunnext},
		{P: 2, M: 2, G: 9, Kind: sim.EvRunqPut, N: 1},
		{P: 0, M: 0, G: 10, Kind: sim.EvGlobalPut, N: 1},
		{P: 0, M: 0, Kind: sim.EvProcs, N: 1},
	}}
	m := replayTo(tr, len(tr.Events))
	if diff := cmp.Diff([]int64{8, 9, 7, 10}, m.global); diff != "" {
		t.Errorf("global queue after resize (-want +got):\n%s", diff)
	}
	if len(m.ps) != 1 {
		t.Errorf("%d Ps after resize, want 1", len(m.ps))
	}
}

// TestLessonDeterministic renders lesson 1 twice, in colour, and wants
// the same bytes: chroma picks colours from a map, and the snippets run
// in parallel.
func TestLessonDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("runs lesson 1 twice")
	}
	tr, err := tour.Load(lessons.FS(), "zh")
	if err != nil {
		t.Fatal(err)
	}
	var outs [2]bytes.Buffer
	for i := range outs {
		r := newRenderer(t, Options{Lang: i18n.Zh, Color: true, Run: true, Parallel: 4})
		if err := r.Lesson(context.Background(), &outs[i], tr.Lessons[0]); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(outs[0].String(), outs[1].String()); diff != "" {
		t.Errorf("two renderings differ (-first +second):\n%s", diff)
	}
}

func TestPrepare(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"anchor", "## Serial: one after another {#serial}\n", "## Serial: one after another\n"},
		{"anchor not on a heading", "text {#x}\n", "text {#x}\n"},
		{"fence settings", "```go run id=a show=timeline\nx\n```\n", "```go\nx\n```\n"},
		{"output fence", "```output unordered\nA\n```\n", "```text\nA\n```\n"},
		{"tabs in code", "```go\nfunc f() {\n\treturn\n}\n```\n", "```go\nfunc f() {\n    return\n}\n```\n"},
		{"heading in code", "~~~\n## a {#b}\n~~~\n", "~~~\n## a {#b}\n~~~\n"},
		{"longer fence", "````go run id=a\n```\n````\n", "````go\n```\n````\n"},
	}
	for _, tt := range tests {
		if got := prepare(tt.in); got != tt.want {
			t.Errorf("%s: prepare(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestTidy(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\n  text      \n   \n", "  text"},
		{"  \x1b[1mtext\x1b[m\x1b[38;5;252m \x1b[m  \n", "  \x1b[1mtext" + sgrReset},
	}
	for _, tt := range tests {
		if got := tidy(tt.in); got != tt.want {
			t.Errorf("tidy(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"one two three four", 10, "one two\nthree four"},
		// Broken between characters, never before a comma or full stop.
		{"一二三四五，六七八九十。", 10, "一二三四\n五，六七八\n九十。"},
		// A line break between Chinese characters is not a space.
		{"一二三\n四五", 20, "一二三四五"},
		{"用 Go 写并发程序", 11, "用 Go 写并\n发程序"},
	}
	for _, tt := range tests {
		if got := Wrap(tt.in, tt.width); got != tt.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

func TestSnapColour(t *testing.T) {
	tests := []struct{ in, want string }{
		{"#676767", "#626262"}, // halfway between 241 and 242: the lower
		{"#00AAFF", "#00afff"},
		{"#ff5f87", "#ff5f87"}, // on the palette already
		{"252", "252"},         // not a hex colour
	}
	for _, tt := range tests {
		in := tt.in
		if got := *snapColour(&in); got != tt.want {
			t.Errorf("snapColour(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFmt(t *testing.T) {
	durs := map[int64]string{0: "0s", 937: "937ns", 15883: "15.88µs", 600_000_163: "600ms", 9_375_002: "9.38ms", 1_005_921: "1.01ms"}
	for ns, want := range durs {
		if got := fmtDur(ns); got != want {
			t.Errorf("fmtDur(%d) = %q, want %q", ns, got, want)
		}
	}
	sizes := map[int64]string{0: "0 B", 2048: "2 KiB", 3072: "3 KiB", 8 << 20: "8 MiB", 1536: "1.5 KiB"}
	for n, want := range sizes {
		if got := fmtBytes(n); got != want {
			t.Errorf("fmtBytes(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestTimeline checks the timeline drawn on its own: the same lines as
// under a snippet without the margin, and a note when the trace was cut.
func TestTimeline(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/pictures/spawn.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var src string
	for _, f := range ar.Files {
		if f.Name == "prog.go" {
			src = string(f.Data)
		}
	}
	res := run(t, src, 2)
	var pic strings.Builder
	newRenderer(t, Options{}).picture(&pic, tour.ViewTimeline, res)
	want := strings.ReplaceAll(strings.TrimSuffix(pic.String(), "\n"), "\n"+margin, "\n")
	want = strings.TrimPrefix(want, margin)
	if got := Timeline(res, Options{}); got != want {
		t.Errorf("Timeline differs from the picture under a snippet:\n%s\nwant:\n%s", got, want)
	}

	cut := *res
	tr := *res.Trace
	kept := len(tr.Events) / 2
	tr.Events, tr.Dropped = tr.Events[:kept], int64(len(tr.Events)-kept)
	cut.Trace = &tr
	var end int64 // the latest kept event's time
	for _, ev := range tr.Events {
		end = max(end, ev.Time)
	}
	for lang, note := range map[i18n.Lang]string{
		i18n.En: fmt.Sprintf("only the first %d events of the trace were kept: the timeline stops there\n", kept),
		i18n.Zh: fmt.Sprintf("跟踪记录只保留了前 %d 个事件：时间线到最后一个事件为止\n", kept),
	} {
		got := Timeline(&cut, Options{Lang: lang})
		if !strings.HasSuffix(got, note) || !strings.Contains(got, " "+fmtDur(end)+"\n") {
			t.Errorf("Timeline of a cut trace, %s, does not stop at its latest event, %s, with the note %q:\n%s",
				lang, fmtDur(end), note, got)
		}
	}
}

// TestReplayRing checks a buffered channel's ring indices and slots as
// the runtime moves them: three sends fill slots 0-2, a receive empties
// slot 0, the fourth send wraps into slot 0, and a receive from the full
// ring while a sender waits takes slot 1 and puts the sender's value
// there.
func TestReplayRing(t *testing.T) {
	evs := []sim.Event{{Kind: sim.EvChanMake, Ch: 1, N: 3}}
	send := func(n int64) sim.Event { return sim.Event{Kind: sim.EvSend, G: 1, Ch: 1, N: n} }
	recv := func(n int64) sim.Event { return sim.Event{Kind: sim.EvRecv, G: 1, Ch: 1, N: n} }
	tests := []struct {
		ev   sim.Event
		want string
	}{
		{send(1), "[#..] 1/3 recvx=0 sendx=1"},
		{send(2), "[##.] 2/3 recvx=0 sendx=2"},
		{send(3), "[###] 3/3 recvx=0 sendx=0"},
		{recv(2), "[.##] 2/3 recvx=1 sendx=0"},
		{send(3), "[###] 3/3 recvx=1 sendx=1"},
		{sim.Event{Kind: sim.EvSend, G: 7, Ch: 1, N: 3, Detail: "block"}, "[###] 3/3 recvx=1 sendx=1"},
		{sim.Event{Kind: sim.EvRecv, G: 1, Ch: 1, Other: 7, N: 3, Detail: "handoff"}, "[###] 3/3 recvx=2 sendx=2"},
		{recv(2), "[##.] 2/3 recvx=0 sendx=2"},
	}
	for i, tt := range tests {
		evs = append(evs, tt.ev)
		m := replayTo(&sim.Trace{Procs: 1, Events: evs}, len(evs))
		if got := buffer(m.chans[1]); got != tt.want {
			t.Errorf("after event %d (%v %s n=%d): buffer %q, want %q", i+1, tt.ev.Kind, tt.ev.Detail, tt.ev.N, got, tt.want)
		}
	}
}

// TestNoWidow checks that a Chinese paragraph is not left with a lone
// character on its last line, whatever the width, and loses nothing.
func TestNoWidow(t *testing.T) {
	r := newRenderer(t, Options{})
	text := "这一课借助一个函数来观察这个过程，它返回模拟器里当前的栈大小。"
	widows := 0
	for w := 20; w <= 40; w++ {
		lines, err := r.inline(text, w)
		if err != nil {
			t.Fatal(err)
		}
		if widow(lines) {
			widows++
			t.Errorf("width %d: a lone character on the last line:\n%s", w, strings.Join(lines, "\n"))
		}
		if got := strings.Join(lines, ""); got != text {
			t.Errorf("width %d: text %q, want %q", w, got, text)
		}
	}
	// Without the narrower wrapping some of these widths leave one.
	for w := 20; w <= 40; w++ {
		lines, _ := r.inlineGlued(text, w, false)
		if widow(lines) {
			return
		}
	}
	t.Errorf("no width from 20 to 40 leaves a lone character: the test shows nothing")
}
