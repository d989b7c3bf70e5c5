package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gotour-gpm/gotour-gpm/checker"
	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/render"
	"github.com/gotour-gpm/gotour-gpm/runner"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

var (
	plainSiteOnce sync.Once
	plainSite     *render.Site
	plainSiteErr  error
)

// testSite is the course rendered without running its snippets: enough
// to serve files, and quick.
func testSite(t *testing.T) (*render.Site, *render.Renderer) {
	t.Helper()
	r := render.New(render.Options{})
	plainSiteOnce.Do(func() {
		tours, err := siteTours()
		if err != nil {
			plainSiteErr = err
			return
		}
		plainSite, plainSiteErr = r.Site(context.Background(), tours...)
	})
	if plainSiteErr != nil {
		t.Fatal(plainSiteErr)
	}
	return plainSite, r
}

// testServer is a server whose runs go to the test binary acting as the
// worker (TestMain), in mode worker.
func testServer(t *testing.T, worker string) *server {
	t.Helper()
	site, r := testSite(t)
	e := &env{
		stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard,
		getenv: func(string) string { return "" }, executable: os.Executable,
		workerEnv: testWorkerEnvFor(worker), workerGrace: time.Second, lang: i18n.En,
	}
	s := newServer(e, site, r, true)
	s.limits = runner.Limits{Steps: 200_000, Output: 4 << 10, Goroutines: 1000}
	return s
}

// do sends one request to s and returns the response's status and body.
func do(t *testing.T, s http.Handler, method, url, ctype, body string, hdr ...string) (int, http.Header, string) {
	t.Helper()
	req := httptest.NewRequest(method, url, strings.NewReader(body))
	req.Host = "127.0.0.1:3999"
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i] == "Host" {
			req.Host = hdr[i+1]
			continue
		}
		req.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	return w.Code, w.Header(), w.Body.String()
}

func runBody(code string, procs int, lang string) string {
	b, _ := json.Marshal(runRequest{Code: code, Procs: procs, CPUs: procs, ID: "prog", Lang: lang})
	return string(b)
}

func TestServeFiles(t *testing.T) {
	t.Parallel()
	s := testServer(t, "worker")
	tests := []struct {
		method, url string
		hdr         []string
		code        int
		ctype, body string
	}{
		{"GET", "/", nil, 200, "text/html; charset=utf-8", "gotour-gpm"},
		{"GET", "/en/", nil, 200, "text/html; charset=utf-8", "Course map"},
		{"GET", "/zh/gpm-scheduler.html", nil, 200, "text/html; charset=utf-8", "GPM"},
		{"GET", "/en", nil, 301, "", ""},
		{"GET", "/assets/site.css", nil, 200, "text/css; charset=utf-8", "--bg"},
		{"HEAD", "/assets/gpm.js", nil, 200, "text/javascript; charset=utf-8", ""},
		{"GET", "/nope.html", nil, 404, "", ""},
		{"GET", "/../../etc/passwd", nil, 404, "", ""},
		{"POST", "/en/index.html", nil, 405, "", ""},
		{"GET", "/api/ping", nil, 200, "application/json; charset=utf-8", `"serve":true`},
		{"GET", "/api/nope", nil, 404, "", "no such API"},
		// DNS rebinding: another name for 127.0.0.1 is refused.
		{"GET", "/api/ping", []string{"Host", "evil.example:3999"}, 421, "", "unknown host"},
		{"GET", "/", []string{"Host", "localhost:3999"}, 200, "", ""},
		{"GET", "/", []string{"Host", "[::1]:3999"}, 200, "", ""},
	}
	for _, tt := range tests {
		code, h, body := do(t, s, tt.method, tt.url, "", "", tt.hdr...)
		if code != tt.code {
			t.Errorf("%s %s: status %d, want %d (%s)", tt.method, tt.url, code, tt.code, body)
		}
		if tt.ctype != "" && h.Get("Content-Type") != tt.ctype {
			t.Errorf("%s %s: Content-Type %q, want %q", tt.method, tt.url, h.Get("Content-Type"), tt.ctype)
		}
		if !strings.Contains(body, tt.body) {
			t.Errorf("%s %s: body lacks %q", tt.method, tt.url, tt.body)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'self'") {
			t.Errorf("%s %s: security headers missing: %v", tt.method, tt.url, h)
		}
	}
}

// TestServeRun runs programs through the real worker subprocess: the
// server reports each outcome with the runner's message, and renders the
// run as the static pages do.
const hugeAllocSrc = `package main

import "fmt"

func main() {
	n := 3
	for i := 0; i < 31; i++ {
		n *= 2
	}
	fmt.Println("allocating", n>>30, "GiB")
	b := make([]byte, n)
	b[len(b)-1] = 1
}
`

func TestServeRun(t *testing.T) {
	t.Parallel()
	s := testServer(t, "worker")
	tests := []struct {
		name, code, lang string
		procs            int
		outcome          string
		exit             int
		want             []string // in the JSON answer
	}{
		{"hello", helloSrc, "en", 2, "ok", 0, []string{"hello\n", `class="gpm-trace"`, `<svg class="timeline" id="tl-prog"`}},
		{"compile error", "package main\n\nfunc main() {\n\tx := 1\n}\n", "en", 1, "compile error", 1, []string{"declared and not used"}},
		{"panic", "package main\n\nfunc main() {\n\tpanic(\"boom\")\n}\n", "en", 1, "panic", 2, []string{"panic: boom"}},
		{"deadlock", "package main\n\nfunc main() {\n\tch := make(chan int)\n\tch <- 1\n}\n", "en", 1, "fatal error", 2, []string{"all goroutines are asleep"}},
		{"endless loop", "package main\n\nfunc main() {\n\tfor i := 0; ; i++ {\n\t}\n}\n", "zh", 1, "step limit", 82, []string{"调度步数太多"}},
		{"flood", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor {\n\t\tfmt.Println(\"spam spam spam\")\n\t}\n}\n", "en", 1, "output limit", 83, []string{"printed too much output"}},
		{"os import", "package main\n\nimport \"os\"\n\nfunc main() {\n\tos.Remove(\"/tmp/x\")\n}\n", "en", 1, "compile error", 1, []string{"os.Remove"}},
		// 6 GiB at once, its size unknown before the run: the worker's
		// address-space limit makes the runtime fail with "fatal error:
		// out of memory", the memory limit (this answered 500 once).
		{"huge allocation", hugeAllocSrc, "zh", 1, "memory limit", 85, []string{"allocating 6 GiB\n", "占用的内存太多"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, _, body := do(t, s, "POST", "/api/run", "application/json", runBody(tt.code, tt.procs, tt.lang))
			if code != 200 {
				t.Fatalf("status %d: %s", code, body)
			}
			var res runResponse
			if err := json.Unmarshal([]byte(body), &res); err != nil {
				t.Fatal(err)
			}
			if res.Outcome != tt.outcome || res.ExitCode != tt.exit {
				t.Errorf("outcome %q exit %d, want %q %d; stderr %q", res.Outcome, res.ExitCode, tt.outcome, tt.exit, res.Stderr)
			}
			all := res.Stdout + res.Stderr + res.Message + res.HTML
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("answer lacks %s:\n%.600s", w, all)
				}
			}
		})
	}
}

// TestServeRejects sends bad requests; each gets a clear error.
func TestServeRejects(t *testing.T) {
	t.Parallel()
	s := testServer(t, "worker")
	big := runBody(strings.Repeat("a", maxRequest), 1, "en")
	tests := []struct {
		name, method, ctype, body string
		hdr                       []string
		code                      int
		want                      string
	}{
		{"get", "GET", "", "", nil, 405, "use POST"},
		{"form", "POST", "application/x-www-form-urlencoded", "code=x", nil, 415, "application/json"},
		{"too big", "POST", "application/json", big, nil, 413, "too long"},
		{"not json", "POST", "application/json", "{", nil, 400, "bad request"},
		{"unknown field", "POST", "application/json", `{"code":"x","procs":1,"cpus":1,"evil":1}`, nil, 400, "unknown field"},
		{"no code", "POST", "application/json", runBody("  ", 1, "en"), nil, 400, "no code"},
		{"procs 0", "POST", "application/json", runBody(helloSrc, 0, "en"), nil, 400, "between 1 and"},
		{"too many procs", "POST", "application/json", runBody(helloSrc, tour.MaxProcs+1, "en"), nil, 400, "between 1 and"},
		{"cross origin", "POST", "application/json", runBody(helloSrc, 1, "en"), []string{"Origin", "http://evil.example"}, 403, "cross-origin"},
	}
	for _, tt := range tests {
		code, _, body := do(t, s, tt.method, "/api/run", tt.ctype, tt.body, tt.hdr...)
		if code != tt.code || !strings.Contains(body, tt.want) {
			t.Errorf("%s: %d %s, want %d and %q", tt.name, code, body, tt.code, tt.want)
		}
	}
}

// TestServeBusy fills the worker slots: the next request waits, then
// hears that the server is busy.
func TestServeBusy(t *testing.T) {
	t.Parallel()
	s := testServer(t, "worker")
	s.slots = make(chan struct{}, 1)
	s.wait = 50 * time.Millisecond
	started, release := make(chan bool), make(chan bool)
	s.run = func(ctx context.Context, req *workRequest) (*workResult, []byte, []byte, error) {
		started <- true
		<-release
		return &workResult{Outcome: runner.OutcomeOK}, []byte("hi\n"), nil, nil
	}
	done := make(chan int)
	go func() {
		code, _, _ := do(t, s, "POST", "/api/run", "application/json", runBody(helloSrc, 1, "en"))
		done <- code
	}()
	<-started
	code, h, body := do(t, s, "POST", "/api/run", "application/json", runBody(helloSrc, 1, "en"))
	if code != 503 || h.Get("Retry-After") == "" || !strings.Contains(body, "busy") {
		t.Errorf("second request: %d %s, want 503 busy with Retry-After", code, body)
	}
	close(release)
	if code := <-done; code != 200 {
		t.Errorf("first request: %d, want 200", code)
	}
}

// TestServeWorkerCrash: a worker that dies is an internal error for that
// request, and the server goes on.
func TestServeWorkerCrash(t *testing.T) {
	t.Parallel()
	for _, mode := range []string{"kill", "garbage", "throw"} {
		s := testServer(t, mode)
		code, _, body := do(t, s, "POST", "/api/run", "application/json", runBody(helloSrc, 1, "en"))
		if code != 500 || !strings.Contains(body, "internal error") {
			t.Errorf("worker %s: %d %s, want 500 internal error", mode, code, body)
		}
		if code, _, _ := do(t, s, "GET", "/api/ping", "", ""); code != 200 {
			t.Errorf("after worker %s: ping %d", mode, code)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	for host, want := range map[string]bool{
		"127.0.0.1": true, "localhost": true, "::1": true, "127.1.2.3": true,
		"0.0.0.0": false, "": false, "192.168.1.2": false, "example.com": false, "::": false,
	} {
		if got := isLoopback(host); got != want {
			t.Errorf("isLoopback(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestServeWarnsWhenExposed(t *testing.T) {
	var errb bytes.Buffer
	e := &env{stderr: &errb, lang: i18n.En}
	e.warnExposed("0.0.0.0:3999")
	if s := errb.String(); !strings.Contains(s, "WARNING") || !strings.Contains(s, "0.0.0.0:3999") || !strings.Contains(s, "run programs") {
		t.Errorf("warning = %q", s)
	}
	// A bad address is refused before anything is rendered.
	e = &env{stderr: &errb, stdout: &errb, lang: i18n.En}
	if err := e.serve(context.Background(), "no-port"); err == nil || !strings.Contains(err.Error(), "bad --addr") {
		t.Errorf("serve(no-port) = %v, want a bad --addr error", err)
	}
}

// TestServeCheck grades through the check command's grade worker: the
// reference solution passes, the starter code does not, and an unknown
// exercise is a clear error.
func TestServeCheck(t *testing.T) {
	t.Parallel()
	s := testServer(t, "worker")
	ex, err := checker.Lookup("fix-deadlock")
	if err != nil {
		t.Fatal(err)
	}
	body := func(id, code string) string {
		b, _ := json.Marshal(serveCheckRequest{Exercise: id, Code: code, Lang: "zh"})
		return string(b)
	}
	code, _, out := do(t, s, "POST", "/api/check", "application/json", body("fix-deadlock", ex.Solution))
	var res serveCheckResult
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 200 || !res.Passed || !strings.Contains(res.Report, "通过") {
		t.Errorf("solution: %d %+v (%v)", code, res, err)
	}
	code, _, out = do(t, s, "POST", "/api/check", "application/json", body("fix-deadlock", ex.Starter.En))
	res = serveCheckResult{}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 200 || res.Passed || !strings.Contains(res.Report, "deadlock") {
		t.Errorf("starter: %d %+v (%v)", code, res, err)
	}
	code, _, out = do(t, s, "POST", "/api/check", "application/json", body("no-such-exercise", helloSrc))
	if code != 400 || !strings.Contains(out, "no such exercise") {
		t.Errorf("unknown exercise: %d %s", code, out)
	}
	code, _, out = do(t, s, "POST", "/api/check", "application/json", body("../etc", helloSrc))
	if code != 400 || !strings.Contains(out, "bad exercise id") {
		t.Errorf("bad exercise id: %d %s", code, out)
	}
}
