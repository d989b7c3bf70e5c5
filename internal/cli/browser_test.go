package cli

// The browser test: the rendered site in a real, headless Chromium
// (Debian's chromium package, which .ci/run installs), driven with
// chromedp. It loads the site from the serve command's handler and from
// file://, switches language, steps through a schedule, searches for a
// Chinese word, edits and runs a snippet, checks the replay of every
// step-through on every page, finds no console error, and saves a
// screenshot of a lesson page (see artifactDir).

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/render"
)

// findChromium returns the Chromium binary, or "".
func findChromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artifactDir is where the browser test leaves its screenshots: kept
// after the test, for CI to keep and people to look at.
func artifactDir(t *testing.T) string {
	dir := os.Getenv("GOTOUR_GPM_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "gotour-gpm-browser-test")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

var (
	realSiteOnce sync.Once
	realSite     *render.Site
	realRenderer *render.Renderer
	realSiteErr  error
)

// courseSite is the whole course rendered with every snippet run, once
// per test binary.
func courseSite(t *testing.T) (*render.Site, *render.Renderer) {
	t.Helper()
	realSiteOnce.Do(func() {
		realSite, realRenderer, realSiteErr = buildSite(context.Background(), 0)
	})
	if realSiteErr != nil {
		t.Fatal(realSiteErr)
	}
	return realSite, realRenderer
}

func writeSite(t *testing.T, site *render.Site, dir string) {
	t.Helper()
	for _, name := range site.Names() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, site.Files[name], 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBrowser(t *testing.T) {
	chrome := findChromium()
	if chrome == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no chromium: .ci/run installs Debian's chromium package; the browser test must run in CI")
		}
		t.Skip("no chromium (apt-get install chromium, or set CHROMIUM): skipping the browser test")
	}
	site, r := courseSite(t)
	dir := t.TempDir()
	writeSite(t, site, filepath.Join(dir, "site"))
	e := &env{
		stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard,
		getenv: func(string) string { return "" }, executable: os.Executable,
		workerEnv: testWorkerEnvFor("worker"), lang: i18n.En,
	}
	ts := httptest.NewServer(newServer(e, site, r, true))
	defer ts.Close()

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chrome),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(1280, 900),
	)
	defer cancelAlloc()
	var mu sync.Mutex
	var problems []string
	ctx, cancel := chromedp.NewContext(alloc, chromedp.WithListener(func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *cdpruntime.EventConsoleAPICalled:
			if ev.Type == cdpruntime.ConsoleAPICalledTypeError || ev.Type == cdpruntime.ConsoleAPICalledTypeWarning {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value))
				}
				problems = append(problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
			}
		case *cdpruntime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			problems = append(problems, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError || ev.Entry.Level == cdplog.EntryLevelWarning {
				problems = append(problems, fmt.Sprintf("log %s: %s %s", ev.Entry.Level, ev.Entry.Text, ev.Entry.URL))
			}
		}
	}))
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 4*time.Minute)
	defer cancelT()

	eval := func(expr string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](expr))
		if err != nil {
			t.Fatalf("evaluating %s: %v", expr, err)
		}
		return v
	}
	// do runs steps, again if the DOM changed under them (after a
	// navigation chromedp may still hold nodes of the page before).
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		var err error
		for try := 0; try < 5; try++ {
			if err = chromedp.Do(ctx, steps...); err == nil || !strings.Contains(err.Error(), "node") {
				break
			}
			time.Sleep(200 * time.Millisecond)
		}
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// poll waits until expr is true. It evaluates again and again rather
	// than using chromedp.Poll, which fails when a navigation replaces the
	// page it polls.
	poll := func(what, expr string) {
		t.Helper()
		var last any
		var err error
		for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
			last, err = chromedp.Run(ctx, chromedp.Evaluate[any]("!!("+expr+")"))
			if err == nil && last == true {
				return
			}
		}
		dbg, _ := chromedp.Run(ctx, chromedp.Evaluate[any](`JSON.stringify({url: location.href, search: (document.getElementById('search')||{}).value, results: (document.getElementById('search-results')||{}).innerHTML, idx: !!window.GPM_SEARCH_INDEX})`))
		t.Fatalf("%s: waiting for %s: %v %v\npage: %v", what, expr, last, err, dbg)
	}

	// The index: both course maps.
	do("index", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(".coursemap"))
	if n := eval(`document.querySelectorAll('.coursemap > li').length`).(float64); n < 10 {
		t.Errorf("index lists %v lessons in all, want both languages' lessons", n)
	}

	// A lesson: every step-through replays its trace without a mismatch.
	checkViewers := func(page string) {
		t.Helper()
		do("open "+page, chromedp.Navigate(ts.URL+"/"+page), chromedp.WaitReady("footer"))
		want := eval(`document.querySelectorAll('script.gpm-trace').length`).(float64)
		poll(page, fmt.Sprintf(`window.GPM && GPM.viewers && GPM.viewers.length === %v`, want))
		if bad := eval(`GPM.viewers.filter(v => v.mismatches > 0).map(v => v.box.dataset.for).join(' ')`).(string); bad != "" {
			t.Errorf("%s: the replay disagrees with the trace in %s", page, bad)
		}
	}
	for _, name := range site.Names() {
		if strings.HasSuffix(name, ".html") && strings.Count(name, "/") == 1 && !strings.HasSuffix(name, "index.html") {
			checkViewers(name)
		}
	}

	// The replay agrees with the simulator's own snapshots.
	for _, p := range replayCheck(t, ctx) {
		t.Errorf("replay: %s", p)
	}

	// Step through a schedule, then play and pause.
	const ws = "#snippet-work-stealing"
	do("work stealing", chromedp.Navigate(ts.URL+"/en/gpm-scheduler.html#work-stealing"), chromedp.WaitVisible(ws+" .gpm-controls"))
	for range 3 {
		do("step", chromedp.Click(ws+" .gpm-controls button.step"))
	}
	if got := eval(`document.querySelector('` + ws + ` .gpm-viewer').dataset.step`); got != "3" {
		t.Errorf("after three steps, step = %v", got)
	}
	status := eval(`document.querySelector('` + ws + ` .gpm-status').textContent`).(string)
	if !strings.Contains(status, "event 3 of") {
		t.Errorf("status after three steps = %q", status)
	}
	if got := eval(`document.querySelector('` + ws + ` svg.timeline .cursor').getAttribute('visibility')`); got != "visible" {
		t.Errorf("the timeline's cursor is %v, want visible", got)
	}
	if n := eval(`document.querySelectorAll('` + ws + ` svg.gpm .g').length`).(float64); n == 0 {
		t.Error("the G-P-M picture shows no goroutine")
	}
	do("play", chromedp.Click(ws+" .gpm-controls button.play"))
	poll("play", `+document.querySelector('`+ws+` .gpm-viewer').dataset.step >= 6`)
	do("pause", chromedp.Click(ws+" .gpm-controls button.play"))

	// Switch language: the same lesson and section, in Chinese.
	do("switch language", chromedp.Click("a.lang-switch"))
	poll("switch language", `location.pathname === '/zh/gpm-scheduler.html' && location.hash === '#work-stealing' && document.documentElement.lang === 'zh-Hans'`)

	// Search for a Chinese word.
	do("search", chromedp.SendKeys("#search", "调度"))
	poll("search results", `document.querySelectorAll('#search-results a').length > 0`)
	first := eval(`(() => { const a = document.querySelector('#search-results a'); return a.lang + ' ' + a.textContent })()`).(string)
	if !strings.HasPrefix(first, "zh-Hans") || !strings.Contains(first, "调度") {
		t.Errorf("first result for 调度 = %q, want a Chinese page about 调度", first)
	}
	do("open result", chromedp.Click("#search-results a"))
	poll("open result", `location.pathname.startsWith('/zh/')`)

	// → goes to the next lesson.
	do("next lesson", chromedp.Navigate(ts.URL+"/en/gpm-scheduler.html"), chromedp.WaitReady("footer"))
	next := eval(`document.querySelector('link[rel=next]').href`).(string)
	do("arrow right", chromedp.KeyEvent(kb.ArrowRight))
	poll("arrow right", `location.href === '`+next+`'`)

	// Edit a snippet and run it on the server.
	do("serve", chromedp.Navigate(ts.URL+"/en/channels.html"), chromedp.WaitReady("footer"))
	poll("serve mode", `document.documentElement.classList.contains('served')`)
	const sn = ".snippet[data-runs]"
	do("edit", chromedp.Click(sn+" .actions button.btn-edit"), chromedp.WaitVisible(sn+" textarea.editor"))
	prog := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tch := make(chan string)\n\tgo func() { ch <- \"from the browser\" }()\n\tfmt.Println(<-ch)\n}\n"
	do("type", chromedp.SetValue(sn+" textarea.editor", prog))
	before := eval(`GPM.viewers.length`).(float64)
	do("run", chromedp.Click(sn+" .actions button.btn-run"))
	poll("run", `(document.querySelector('`+sn+` .run .stdout') || {}).textContent === 'from the browser\n'`)
	poll("viewer of the new run", fmt.Sprintf(`GPM.viewers.length === %v && GPM.viewers[GPM.viewers.length-1].mismatches === 0`, before+1))

	// Check an exercise from its starter: it does not pass yet.
	do("exercise", chromedp.Navigate(ts.URL+"/en/channel-operations.html"), chromedp.WaitReady("footer"))
	poll("serve mode", `document.documentElement.classList.contains('served')`)
	const exSel = ".snippet[data-exercise=fix-deadlock]"
	do("check", chromedp.Click(exSel+" .actions button.btn-check"))
	poll("check report", `(document.querySelector('`+exSel+` .check-report.fail') || {}).textContent?.includes('deadlock')`)

	// The theme toggle: light, dark, then back to the system's.
	for _, want := range []string{"light", "dark", ""} {
		do("theme", chromedp.Click("#theme"))
		if got := eval(`document.documentElement.dataset.theme || ''`); got != want {
			t.Errorf("theme = %q, want %q", got, want)
		}
	}

	// Offline, from file://: the viewers and the search work.
	fileURL := "file://" + filepath.ToSlash(filepath.Join(dir, "site", "zh", "channels.html"))
	do("file://", chromedp.Navigate(fileURL), chromedp.WaitReady("footer"))
	poll("file:// viewers", `window.GPM && GPM.viewers.length > 0`)
	do("file:// search", chromedp.SendKeys("#search", "通道"))
	poll("file:// search", `document.querySelectorAll('#search-results a').length > 0`)

	// Screenshots of a lesson page: desktop, and a phone in dark mode.
	shots := artifactDir(t)
	shot := func(name, url string, w, h int64, dark bool) {
		t.Helper()
		var data []byte
		do("screenshot "+name,
			chromedp.EmulateViewport(w, h),
			chromedp.Navigate(url), chromedp.WaitReady("footer"),
			chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				if dark {
					_, err := chromedp.Evaluate[any](`document.documentElement.dataset.theme = 'dark'`)(ctx, t)
					return err
				}
				return nil
			}),
			chromedp.Sleep(300*time.Millisecond),
			chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				r, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng})
				if err == nil {
					data = r.Data
				}
				return err
			}))
		p := filepath.Join(shots, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", p)
	}
	shot("lesson-en.png", ts.URL+"/en/gpm-scheduler.html#work-stealing", 1280, 1600, false)
	shot("lesson-zh-phone-dark.png", ts.URL+"/zh/channels.html", 390, 1400, true)

	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Errorf("browser: %s", p)
	}
}
