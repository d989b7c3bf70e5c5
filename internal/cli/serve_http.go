package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"path"
	"regexp"
	"runtime"
	"strings"
	"time"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/render"
	"github.com/gotour-gpm/gotour-gpm/runner"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// Limits of the serve command's API. A reader's program is small; the
// limits keep one request from holding a CPU or the memory for long.
const (
	// maxRequest bounds a request body: a program of 64 KiB is ten times
	// the longest lesson snippet.
	maxRequest = 64 << 10
	// serveRunTimeout is a run's CPU time limit, as --timeout.
	serveRunTimeout = 10 * time.Second
	// serveCheckTimeout bounds a whole check, which runs the program
	// under many schedules.
	serveCheckTimeout = 90 * time.Second
	// serveMemory is a worker's memory limit, as --max-memory.
	serveMemory = 512 << 20
	// queueWait is how long a request waits for a free worker slot
	// before the server says it is busy.
	queueWait = 30 * time.Second
)

// serveLimits bound a reader's run: tighter than the run command's
// defaults, which suit a learner's own terminal.
var serveLimits = runner.Limits{
	VirtualTime: int64(10 * time.Minute),
	Steps:       20_000_000,
	Output:      64 << 10,
	Goroutines:  10_000,
	// Within serveMemory: a runaway recursion's host stack (96 MB fits
	// one of 128 MB, about 100,000 plain levels) and one allocation.
	Stack:  96 << 20,
	Memory: 128 << 20,
}

// server serves the site and its API.
type server struct {
	e        *env
	site     *render.Site
	r        *render.Renderer
	loopback bool          // bound to loopback: only local Host names are served
	slots    chan struct{} // one per worker that may run at once
	limits   runner.Limits // a reader's run's limits: serveLimits
	timeout  time.Duration // a run's CPU time limit: serveRunTimeout
	wait     time.Duration // how long a request waits for a slot: queueWait
	// checkTimeout bounds a whole check: serveCheckTimeout.
	checkTimeout time.Duration
	// run and check do the work in a subprocess; tests may replace them.
	run   func(ctx context.Context, req *workRequest) (*workResult, []byte, []byte, error)
	check func(ctx context.Context, req *serveCheckRequest) (*serveCheckResult, error)
}

func newServer(e *env, site *render.Site, r *render.Renderer, loopback bool) *server {
	s := &server{
		e: e, site: site, r: r, loopback: loopback,
		slots:  make(chan struct{}, max(1, runtime.NumCPU())),
		limits: serveLimits, timeout: serveRunTimeout, wait: queueWait, checkTimeout: serveCheckTimeout,
	}
	s.run = s.runWorker
	s.check = s.gradeCheck
	return s
}

func (s *server) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	// The pages load their own scripts and styles only; the one inline
	// script sets the theme before the first paint.
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'")
	if !s.hostAllowed(req.Host) {
		// A page of another site whose name now points at 127.0.0.1 (DNS
		// rebinding) must not reach the API.
		apiError(w, http.StatusMisdirectedRequest, "unknown host %q", req.Host)
		return
	}
	switch {
	case req.URL.Path == "/api/ping":
		writeJSON(w, http.StatusOK, map[string]any{"serve": true})
	case req.URL.Path == "/api/run":
		s.handleRun(w, req)
	case req.URL.Path == "/api/check":
		s.handleCheck(w, req)
	case strings.HasPrefix(req.URL.Path, "/api/"):
		apiError(w, http.StatusNotFound, "no such API: %s", req.URL.Path)
	default:
		s.handleFile(w, req)
	}
}

// hostAllowed reports whether the Host header names this server: when
// bound to loopback, only localhost and loopback addresses do.
func (s *server) hostAllowed(host string) bool {
	if !s.loopback {
		return true
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return isLoopback(strings.Trim(host, "[]"))
}

// handleFile serves the site's files; a directory gets its index.html.
func (s *server) handleFile(w http.ResponseWriter, req *http.Request) {
	if req.Method != http.MethodGet && req.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+req.URL.Path), "/")
	if name == "" || strings.HasSuffix(req.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	data, ok := s.site.Files[name]
	if !ok {
		if _, dir := s.site.Files[path.Join(name, "index.html")]; dir {
			http.Redirect(w, req, "/"+name+"/", http.StatusMovedPermanently)
			return
		}
		http.NotFound(w, req)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, req, name, time.Time{}, bytes.NewReader(data))
}

// runRequest is the body of POST /api/run.
type runRequest struct {
	Code  string `json:"code"`
	Procs int    `json:"procs"`
	CPUs  int    `json:"cpus"`
	Seed  uint64 `json:"seed"`
	ID    string `json:"id"`   // the snippet's id, for the picture's element ids
	Lang  string `json:"lang"` // the page's language: en or zh
}

// runResponse is the answer: how the run went, and the run area of the
// snippet's box rendered as on the static pages.
type runResponse struct {
	Outcome  string `json:"outcome"`
	ExitCode int    `json:"exit_code"`
	Stdout   string `json:"stdout"`
	Stderr   string `json:"stderr"`
	Message  string `json:"message,omitempty"`
	HTML     string `json:"html"`
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func (s *server) handleRun(w http.ResponseWriter, req *http.Request) {
	var rr runRequest
	if !decodeAPI(w, req, &rr) {
		return
	}
	lang, err := i18n.Parse(rr.Lang)
	if err != nil {
		lang = i18n.En
	}
	switch {
	case strings.TrimSpace(rr.Code) == "":
		apiError(w, http.StatusBadRequest, "no code to run")
		return
	case rr.Procs < 1 || rr.Procs > tour.MaxProcs || rr.CPUs < 1 || rr.CPUs > tour.MaxProcs:
		apiError(w, http.StatusBadRequest, "procs and cpus must be between 1 and %d", tour.MaxProcs)
		return
	}
	if !slugRE.MatchString(rr.ID) || len(rr.ID) > 64 {
		rr.ID = "edited"
	}
	release, ok := s.acquire(w, req)
	if !ok {
		return
	}
	defer release()
	wreq := &workRequest{
		Filename: "prog.go", Source: rr.Code, Procs: rr.Procs, CPUs: rr.CPUs, Seed: rr.Seed,
		Limits: s.limits, Timeout: s.timeout, MaxMemory: serveMemory, Trace: true,
	}
	res, stdout, stderr, err := s.run(req.Context(), wreq)
	if err != nil {
		apiError(w, http.StatusInternalServerError, "%s", localizedIn(err, lang))
		return
	}
	out := &render.Result{
		Stdout: string(stdout), Stderr: string(stderr), ExitCode: res.ExitCode,
		Outcome: res.Outcome.String(), Trace: res.Trace, VirtualTime: res.VirtualTime, Stats: res.Stats,
		Message: i18n.Text{En: outcomeMessage(res, s.timeout, i18n.En), Zh: outcomeMessage(res, s.timeout, i18n.Zh)},
	}
	info := tour.Info{ID: rr.ID, Procs: rr.Procs, CPUs: rr.CPUs, Seed: rr.Seed}
	html, err := s.r.RunArea(rr.ID, info, out, string(lang))
	if err != nil {
		apiError(w, http.StatusInternalServerError, "rendering the run: %v", err)
		return
	}
	writeJSON(w, http.StatusOK, runResponse{
		Outcome: out.Outcome, ExitCode: out.ExitCode, Stdout: out.Stdout, Stderr: out.Stderr,
		Message: out.Message.In(lang), HTML: string(html),
	})
}

// serveCheckRequest is the body of POST /api/check.
type serveCheckRequest struct {
	Exercise string `json:"exercise"`
	Code     string `json:"code"`
	Lang     string `json:"lang"`
}

// serveCheckResult is the answer.
type serveCheckResult struct {
	Passed bool   `json:"passed"`
	Report string `json:"report"` // the report, as the check command prints it
	Error  string `json:"error,omitempty"`
}

func (s *server) handleCheck(w http.ResponseWriter, req *http.Request) {
	var cr serveCheckRequest
	if !decodeAPI(w, req, &cr) {
		return
	}
	if !slugRE.MatchString(cr.Exercise) {
		apiError(w, http.StatusBadRequest, "bad exercise id %q", cr.Exercise)
		return
	}
	if _, err := i18n.Parse(cr.Lang); err != nil {
		cr.Lang = string(i18n.En)
	}
	release, ok := s.acquire(w, req)
	if !ok {
		return
	}
	defer release()
	res, err := s.check(req.Context(), &cr)
	if err != nil {
		apiError(w, http.StatusInternalServerError, "%s", localizedIn(err, i18n.Lang(cr.Lang)))
		return
	}
	if res.Error != "" {
		apiError(w, http.StatusBadRequest, "%s", res.Error)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// acquire waits for a worker slot; the caller must call release. When it
// returns false it has answered the request.
func (s *server) acquire(w http.ResponseWriter, req *http.Request) (release func(), ok bool) {
	t := time.NewTimer(s.wait)
	defer t.Stop()
	select {
	case s.slots <- struct{}{}:
		return func() { <-s.slots }, true
	case <-t.C:
		w.Header().Set("Retry-After", "5")
		apiError(w, http.StatusServiceUnavailable, "the server is busy running other programs; try again in a moment")
	case <-req.Context().Done():
	}
	return nil, false
}

// decodeAPI checks an API request and reads its JSON body into v. Only
// same-origin JSON POSTs get through: a form on another site can neither
// send application/json without a preflight, which this server never
// answers, nor pass the Origin check.
func decodeAPI(w http.ResponseWriter, req *http.Request, v any) bool {
	if req.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		apiError(w, http.StatusMethodNotAllowed, "use POST")
		return false
	}
	if mt, _, _ := mime.ParseMediaType(req.Header.Get("Content-Type")); mt != "application/json" {
		apiError(w, http.StatusUnsupportedMediaType, "send application/json")
		return false
	}
	if o := req.Header.Get("Origin"); o != "" && o != "http://"+req.Host {
		apiError(w, http.StatusForbidden, "cross-origin request refused")
		return false
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, req.Body, maxRequest))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			apiError(w, http.StatusRequestEntityTooLarge, "the program is too long: at most %d KiB", maxRequest>>10)
			return false
		}
		apiError(w, http.StatusBadRequest, "bad request: %v", err)
		return false
	}
	return true
}

// runWorker runs req in the run command's worker subprocess and returns
// its result and the program's output.
func (s *server) runWorker(ctx context.Context, req *workRequest) (*workResult, []byte, []byte, error) {
	// spawn caps what it passes on at the output limit and a little more.
	var stdout, stderr bytes.Buffer
	we := *s.e // spawn writes the program's output to the env's streams
	we.stdout, we.stderr = &stdout, &stderr
	res, err := we.spawn(ctx, req)
	if err != nil {
		return nil, nil, nil, err
	}
	return res, stdout.Bytes(), stderr.Bytes(), nil
}

// localizedIn is err's message in lang when it is one of ours.
func localizedIn(err error, lang i18n.Lang) string {
	var l *localized
	if errors.As(err, &l) && l.Error() == err.Error() {
		return l.in(lang)
	}
	return err.Error()
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

func apiError(w http.ResponseWriter, code int, format string, args ...any) {
	writeJSON(w, code, map[string]string{"error": fmt.Sprintf(format, args...)})
}
