package render

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/gotour-gpm/gotour-gpm/internal/golden"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/lessons"
	"github.com/gotour-gpm/gotour-gpm/sim"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

var update = golden.Update

// knownTrace is the trace of testdata/timeline.txtar and its end time.
func knownTrace(t testing.TB) (*sim.Trace, int64) {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/timeline.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var tr sim.Trace
	if err := json.Unmarshal(section(t, ar, "trace.json"), &tr); err != nil {
		t.Fatal(err)
	}
	var end int64
	for _, e := range tr.Events {
		end = max(end, e.Time)
	}
	return &tr, end
}

func section(t testing.TB, ar *txtar.Archive, name string) []byte {
	t.Helper()
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data
		}
	}
	t.Fatalf("no section %q", name)
	return nil
}

// cannedRun "runs" every snippet: it prints hello, and its trace is the
// known trace.
func cannedRun(t testing.TB) func(context.Context, *tour.Snippet) (*Result, error) {
	tr, end := knownTrace(t)
	return func(_ context.Context, s *tour.Snippet) (*Result, error) {
		return &Result{Stdout: "hello\n", Outcome: "ok", Trace: tr, VirtualTime: end,
			Stats: sim.Stats{Goroutines: 5, MaxLive: 5, Switches: 12, Steals: 1, Handoffs: 1, Preemptions: 2}}, nil
	}
}

// checkGolden compares got with the archive's section name, or rewrites it
// with -update.
func checkGolden(t *testing.T, file string, ar *txtar.Archive, name string, got []byte) {
	t.Helper()
	for i := range ar.Files {
		if ar.Files[i].Name != name {
			continue
		}
		if *update {
			ar.Files[i].Data = got
			if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
				t.Fatal(err)
			}
			return
		}
		if diff := cmp.Diff(string(ar.Files[i].Data), string(got)); diff != "" {
			t.Errorf("%s: %s mismatch (-want +got):\n%s\nrun go test ./render -update", file, name, diff)
		}
		return
	}
	t.Fatalf("%s: no section %q", file, name)
}

func sampleTours(t *testing.T) (*txtar.Archive, []*tour.Tour) {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/sample.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := txtar.FS(ar)
	if err != nil {
		t.Fatal(err)
	}
	var tours []*tour.Tour
	for _, lang := range []string{"en", "zh"} {
		tr, err := tour.Load(fsys, lang)
		if err != nil {
			t.Fatal(err)
		}
		tours = append(tours, tr)
	}
	return ar, tours
}

// TestGolden renders the sample lesson in both languages and compares the
// pages with testdata/sample.txtar.
func TestGolden(t *testing.T) {
	ar, tours := sampleTours(t)
	r := New(Options{Run: cannedRun(t), MaxEvents: 12})
	for i, tr := range tours {
		other := tours[1-i]
		got, err := r.Lesson(context.Background(), tr, 0, other)
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "testdata/sample.txtar", ar, tr.Lang+".html", got)
	}
}

// TestLessonPage checks what the sample page must hold, whatever the
// golden says.
func TestLessonPage(t *testing.T) {
	_, tours := sampleTours(t)
	r := New(Options{Run: cannedRun(t)})
	page, err := r.Lesson(context.Background(), tours[0], 0, tours[1])
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, want := range []string{
		`<h2 id="spawn">Spawning</h2>`,              // anchors from the model
		`<h3 id="spawn-1">A detail</h3>`,            // deeper headings numbered
		`href="other.html#later"`,                   // links to lesson files point at pages
		`<!-- raw HTML omitted -->`,                 // WithUnsafe is off
		`href="../zh/sample.html"`,                  // the language switch
		`<link rel="next" href="other.html">`,       // for the → key
		`<span class="ok">✓ same as real Go</span>`, // the output block matched
		`<svg class="timeline" id="tl-hello"`,       // the timeline
		`class="gpm-trace"`,                         // the step-through's trace
		`<details class="stepper" open>`,            // open: show=queues
		`gotour-gpm run prog.go --procs 2 --cpus 2`, // the command hint
		`<span class="kn">package</span>`,           // chroma, with classes
	} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	for _, bad := range []string{`alert(`, `style="`, `http://`, `https://`, "<pre>hello\n</pre>"} {
		if strings.Contains(s, bad) && !(bad == `http://` && strings.Contains(s, `xmlns="http://www.w3.org/2000/svg"`) && strings.Count(s, bad) == strings.Count(s, `xmlns="http://www.w3.org/2000/svg"`)) {
			t.Errorf("page contains %q", bad)
		}
	}
}

// TestSiteDeterministic renders the real course twice, with canned runs,
// and requires the same bytes, and valid UTF-8 everywhere.
func TestSiteDeterministic(t *testing.T) {
	tours := courseTours(t)
	render := func() *Site {
		site, err := New(Options{Run: cannedRun(t), Parallel: 4}).Site(context.Background(), tours...)
		if err != nil {
			t.Fatal(err)
		}
		return site
	}
	a, b := render(), render()
	if diff := cmp.Diff(a.Names(), b.Names()); diff != "" {
		t.Fatalf("file lists differ:\n%s", diff)
	}
	for _, name := range a.Names() {
		if !bytes.Equal(a.Files[name], b.Files[name]) {
			t.Errorf("%s differs between two renders", name)
		}
		if !utf8.Valid(a.Files[name]) {
			t.Errorf("%s is not valid UTF-8", name)
		}
	}
	for _, want := range []string{"index.html", "en/index.html", "zh/index.html", "en/gpm-scheduler.html",
		"zh/gpm-scheduler.html", "assets/site.css", "assets/code.css", "assets/site.js", "assets/gpm.js", "assets/search-index.js"} {
		if _, ok := a.Files[want]; !ok {
			t.Errorf("site lacks %s", want)
		}
	}
}

func courseTours(t testing.TB) []*tour.Tour {
	t.Helper()
	var tours []*tour.Tour
	for _, lang := range i18n.Langs {
		tr, err := tour.Load(lessons.FS(), string(lang))
		if err != nil {
			t.Fatal(err)
		}
		tours = append(tours, tr)
	}
	return tours
}

// TestTimelineGolden draws the known trace and compares the picture with
// testdata/timeline.txtar; then it checks the picture's parts against the
// trace itself.
func TestTimelineGolden(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/timeline.txtar")
	if err != nil {
		t.Fatal(err)
	}
	tr, end := knownTrace(t)
	svg := string(TimelineSVG(tr, end, "known", i18n.En))
	checkGolden(t, "testdata/timeline.txtar", ar, "timeline.svg", []byte(svg+"\n"))

	if got, want := strings.Count(svg, `class="lane-bg"`), 2; got != want {
		t.Errorf("%d lanes, want %d (one per P)", got, want)
	}
	segs := sim.Segments(tr, end)
	if got := strings.Count(svg, `class="seg"`) + strings.Count(svg, `url(#dense-known)`); got == 0 || got > len(segs) {
		t.Errorf("%d bars for %d segments", got, len(segs))
	}
	for _, s := range segs {
		if s.End-s.Start > end/50 && !strings.Contains(svg, `data-g="`+itoa64(s.G)+`" fill="`+GColor(s.G)+`"`) {
			t.Errorf("no bar for G%d on P%d (%d-%d) in its colour", s.G, s.P, s.Start, s.End)
		}
	}
	for _, k := range markerKinds {
		if k == sim.EvRace {
			continue // the scenario has no race window: TestTimelineRace
		}
		if !strings.Contains(svg, `class="m-`+markerClass[k]+`"`) {
			t.Errorf("no %s marker", k)
		}
	}
	for _, want := range []string{"P1 stole 1 G from P0", "handed off from G", "preempted on P", "parks (chan receive)", "stack grew to"} {
		if !strings.Contains(svg, want) {
			t.Errorf("no title %q", want)
		}
	}
}

func itoa64(i int64) string { b, _ := json.Marshal(i); return string(b) }

// TestTimelineRace: a race event (another P's G ran in the middle of a
// G's update) is a marker of its own, named in both languages, in the
// legend only when the timeline has one; the run's count of them is in the
// summary only when there were some.
func TestTimelineRace(t *testing.T) {
	r := New(Options{})
	info, err := tour.ParseInfo("go run id=r procs=2 show=summary")
	if err != nil {
		t.Fatal(err)
	}
	tr, end := knownTrace(t)
	res := &Result{Outcome: "ok", Trace: tr, VirtualTime: end}
	area := func(lang i18n.Lang) string {
		b, err := r.RunArea("r", info, res, string(lang))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if page := area(i18n.En); strings.Contains(page, "m-race") || strings.Contains(page, "racy updates") {
		t.Errorf("a run without races shows a race marker or count:\n%s", page)
	}
	raced := *tr
	raced.Events = append(slices.Clone(tr.Events), sim.Event{Time: end / 2, P: 1, M: 1, G: 7, Other: 8, Kind: sim.EvRace})
	res.Trace, res.Stats.Races = &raced, 1
	for _, tt := range []struct {
		lang                 i18n.Lang
		title, legend, count string
	}{
		{i18n.En, "data race: G8 ran in the middle of G7&#39;s unsynchronised update", ">data race<", "racy updates interrupted"},
		{i18n.Zh, "数据竞争：G8 在 G7 未同步的更新中途运行", ">数据竞争<", "被打断的竞争更新"},
	} {
		page := area(tt.lang)
		if strings.Count(page, `class="m-race"`) != 2 { // the marker and the legend's
			t.Errorf("%s: want one race marker and its legend entry:\n%s", tt.lang, page)
		}
		for _, want := range []string{tt.title, tt.legend, tt.count} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: no %q in:\n%s", tt.lang, want, page)
			}
		}
	}
}

// TestTimelineThinned checks that a huge trace makes a bounded picture.
func TestTimelineThinned(t *testing.T) {
	tr := &sim.Trace{Procs: 1}
	var now int64
	for i := range 20000 {
		g := int64(2 + i%50)
		tr.Events = append(tr.Events,
			sim.Event{Time: now, P: 0, M: 0, G: g, Kind: sim.EvRun},
			sim.Event{Time: now + 90, P: 0, M: 0, G: g, Kind: sim.EvPark, Detail: "chan receive"},
			sim.Event{Time: now + 95, P: 0, M: 0, G: g + 1, Kind: sim.EvReady})
		now += 100
	}
	tr.Events = append([]sim.Event{{P: 0, M: 0, G: 2, Kind: sim.EvGoCreate}}, tr.Events...)
	svg := string(TimelineSVG(tr, now, "big", i18n.En))
	if len(svg) > 30000 {
		t.Errorf("timeline of 60000 events is %d bytes, want at most 30000", len(svg))
	}
	if n := strings.Count(svg, `class="mark"`); n > tlMaxMarkers {
		t.Errorf("%d markers, want at most %d", n, tlMaxMarkers)
	}
}

func TestTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Work stealing", []string{"work", "stealing"}},
		{"调度器", []string{"调度", "度器"}},
		{"通道", []string{"通道"}},
		{"用 go 启动", []string{"用", "go", "启动"}},
		{"GOMAXPROCS=1 的 P", []string{"gomaxprocs", "1", "的", "p"}},
		{"runtime.Gosched()", []string{"runtime", "gosched"}},
	}
	for _, tt := range tests {
		if got := Terms(tt.in); !cmp.Equal(got, tt.want) {
			t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSearchIndex checks that the index of the real course finds a
// Chinese word in the Chinese pages and an English one in the English.
func TestSearchIndex(t *testing.T) {
	site, err := New(Options{}).Site(context.Background(), courseTours(t)...)
	if err != nil {
		t.Fatal(err)
	}
	js := site.Files["assets/search-index.js"]
	_, data, ok := bytes.Cut(js, []byte("= "))
	if !ok {
		t.Fatal("search-index.js does not assign the index")
	}
	var idx searchIndex
	if err := json.Unmarshal(bytes.TrimSuffix(bytes.TrimSpace(data), []byte(";")), &idx); err != nil {
		t.Fatal(err)
	}
	find := func(term, lang string) bool {
		p := idx.Terms[term]
		for i := 0; i < len(p); i += 2 {
			if idx.Docs[p[i]][0] == lang {
				return true
			}
		}
		return false
	}
	for _, c := range []struct{ term, lang string }{{"调度", "zh"}, {"通道", "zh"}, {"stealing", "en"}, {"runnext", "zh"}, {"runnext", "en"}} {
		if !find(c.term, c.lang) {
			t.Errorf("index has no %s document for %q", c.lang, c.term)
		}
	}
}

func TestCompactTrace(t *testing.T) {
	tr, end := knownTrace(t)
	data, err := CompactTrace(tr, end, 5)
	if err != nil {
		t.Fatal(err)
	}
	var ct compactTrace
	if err := json.Unmarshal(data, &ct); err != nil {
		t.Fatal(err)
	}
	if len(ct.Ev) != 5 || ct.Total != int64(len(tr.Events)) || ct.End != end || ct.Procs != 2 {
		t.Fatalf("CompactTrace = %d events, total %d, end %d, procs %d; want 5, %d, %d, 2", len(ct.Ev), ct.Total, ct.End, ct.Procs, len(tr.Events), end)
	}
	for i, a := range ct.Ev {
		e := tr.Events[i]
		if ct.Kinds[int(a[4].(float64))] != e.Kind.String() || int64(a[0].(float64)) != e.Time || int64(a[3].(float64)) != e.G {
			t.Errorf("event %d = %v, want %v", i, a, e)
		}
	}
	if bytes.Contains(data, []byte("<")) {
		t.Error("compact trace holds a raw <, which could end its script element")
	}
}

func TestRunKey(t *testing.T) {
	a := &tour.Snippet{Info: tour.Info{Procs: 1, CPUs: 1}, Code: "package main\n\n// hello\nfunc main() {} // end\n"}
	b := &tour.Snippet{Info: tour.Info{Procs: 1, CPUs: 1}, Code: "package main\n\n// 你好\nfunc main() {} // 结束\n"}
	c := &tour.Snippet{Info: tour.Info{Procs: 2, CPUs: 2}, Code: a.Code}
	d := &tour.Snippet{Info: tour.Info{Procs: 1, CPUs: 1}, Code: "package main\n\n// hello\n// more\nfunc main() {}\n"}
	if runKey(a) != runKey(b) {
		t.Errorf("translations differ in key:\n%q\n%q", runKey(a), runKey(b))
	}
	if runKey(a) == runKey(c) || runKey(a) == runKey(d) {
		t.Error("different settings or line numbers share a key")
	}
}

// TestAssetsOffline checks that nothing the site ships loads from
// elsewhere: no URL with a scheme, no @import, no font files.
func TestAssetsOffline(t *testing.T) {
	for name, data := range assets() {
		s := string(data)
		s = strings.ReplaceAll(s, `"http://www.w3.org/2000/svg"`, "")
		for _, bad := range []string{"http://", "https://", "@import", "url(http", "@font-face", "//cdn"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
		if filepath.Ext(name) == "" {
			t.Errorf("asset %s has no extension", name)
		}
	}
}

// TestExpectBadge checks the badge of each expect= setting, in both
// languages.
func TestExpectBadge(t *testing.T) {
	tests := []struct {
		expect tour.Failure
		en, zh string
	}{
		{tour.FailDeadlock, "meant to end in: deadlock", "预期结局：死锁"},
		{tour.FailPanic, "meant to end in: panic", "预期结局：panic"},
		{tour.FailFatal, "meant to end in: fatal error", "预期结局：致命错误"},
		{tour.FailExit, "meant to end in: non-zero exit", "预期结局：以非零状态退出"},
	}
	r := New(Options{})
	for _, tt := range tests {
		s := &tour.Snippet{ID: "x", Info: tour.Info{ID: "x", Procs: 1, CPUs: 1, Expect: tt.expect}, Code: "package main\n"}
		for lang, want := range map[i18n.Lang]string{i18n.En: tt.en, i18n.Zh: tt.zh} {
			v, err := r.view(string(lang), labelsFor(lang), s, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := v.Badges[len(v.Badges)-1]; got != want {
				t.Errorf("expect=%s, %s: badge %q, want %q", tt.expect, lang, got, want)
			}
		}
	}
}
