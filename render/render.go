package render

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"slices"
	"sync"

	"github.com/yuin/goldmark"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/sim"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// Options configure a [Renderer]. The zero value renders snippets without
// running them.
type Options struct {
	// Run runs one runnable snippet on the simulated scheduler. The render
	// command passes a function that calls runner.Run with the snippet's
	// procs, cpus and seed; tests pass canned results. Nil shows the
	// snippets without output. An error means the snippet could not be run
	// at all, and fails the render; a program that fails is a Result.
	Run func(ctx context.Context, s *tour.Snippet) (*Result, error)
	// Parallel is how many snippets run at once. Zero means 2.
	Parallel int
	// MaxEvents is how many events of a trace are embedded for the
	// step-through, per snippet. Zero means 400, which keeps a lesson page
	// well under 200 KB; a negative value embeds none.
	MaxEvents int
}

func (o Options) withDefaults() Options {
	if o.Parallel <= 0 {
		o.Parallel = 2
	}
	if o.MaxEvents == 0 {
		o.MaxEvents = 400
	}
	return o
}

// Result is what a snippet's run did, as the pages show it.
type Result struct {
	// Stdout and Stderr are the program's output.
	Stdout, Stderr string
	// ExitCode is what the real binary would exit with.
	ExitCode int
	// Outcome says in a word or two how the run ended: "ok", "panic",
	// "fatal error", "compile error", or a limit.
	Outcome string
	// Message explains a run stopped by a limit or an internal error; it is
	// empty otherwise.
	Message i18n.Text
	// Trace is the simulator's record of the run, or nil.
	Trace *sim.Trace
	// VirtualTime is the virtual time, in ns, at which the program ended.
	VirtualTime int64
	// Stats are the simulator's counts.
	Stats sim.Stats
}

// A Renderer renders lessons to HTML. It is safe for one goroutine at a
// time; build one per site.
type Renderer struct {
	opts  Options
	md    goldmark.Markdown
	tmpl  *template.Template
	runs  map[string]*Result // by runKey
	runMu sync.Mutex
}

// New returns a Renderer with the given options.
func New(opts Options) *Renderer {
	tmpl := parseTemplates()
	return &Renderer{
		opts: opts.withDefaults(),
		md:   newMarkdown(tmpl),
		tmpl: tmpl,
		runs: map[string]*Result{},
	}
}

// A Site is the rendered site: file contents by slash-separated path.
type Site struct {
	Files map[string][]byte
}

// Names returns the file names in sorted order.
func (s *Site) Names() []string {
	names := make([]string, 0, len(s.Files))
	for n := range s.Files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Site renders every lesson of every tour, the course maps, the search
// index and the shared assets. The tours are the same course in different
// languages (as tour.CheckParity requires); the first is the site's
// default language. It runs every runnable snippet first, Parallel at a
// time.
func (r *Renderer) Site(ctx context.Context, tours ...*tour.Tour) (*Site, error) {
	if len(tours) == 0 {
		return nil, fmt.Errorf("render: no tours")
	}
	if err := r.runAll(ctx, tours); err != nil {
		return nil, err
	}
	site := &Site{Files: map[string][]byte{}}
	for name, data := range assets() {
		site.Files[name] = data
	}
	var docs []searchDoc
	for _, t := range tours {
		for i, l := range t.Lessons {
			var b bytes.Buffer
			pd, err := r.lessonPage(t, i, tours)
			if err != nil {
				return nil, err
			}
			if err := r.tmpl.ExecuteTemplate(&b, "lesson.tmpl", pd); err != nil {
				return nil, fmt.Errorf("render %s: %w", l.File, err)
			}
			site.Files[t.Lang+"/"+l.ID+".html"] = b.Bytes()
			docs = append(docs, pd.search...)
		}
		var b bytes.Buffer
		if err := r.tmpl.ExecuteTemplate(&b, "index.tmpl", r.indexPage(t, tours)); err != nil {
			return nil, fmt.Errorf("render %s/index.html: %w", t.Lang, err)
		}
		site.Files[t.Lang+"/index.html"] = b.Bytes()
	}
	var b bytes.Buffer
	if err := r.tmpl.ExecuteTemplate(&b, "home.tmpl", r.homePage(tours)); err != nil {
		return nil, fmt.Errorf("render index.html: %w", err)
	}
	site.Files["index.html"] = b.Bytes()
	idx, err := buildIndex(docs)
	if err != nil {
		return nil, err
	}
	site.Files["assets/search-index.js"] = idx
	return site, nil
}

// Lesson renders one lesson page of t (the lesson at index i), as Site
// does, for golden tests and previews. others are the other languages'
// tours, for the language switch; it runs the lesson's snippets first.
func (r *Renderer) Lesson(ctx context.Context, t *tour.Tour, i int, others ...*tour.Tour) ([]byte, error) {
	all := append([]*tour.Tour{t}, others...)
	if err := r.runAll(ctx, []*tour.Tour{{Lang: t.Lang, Lessons: t.Lessons[i : i+1]}}); err != nil {
		return nil, err
	}
	pd, err := r.lessonPage(t, i, all)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := r.tmpl.ExecuteTemplate(&b, "lesson.tmpl", pd); err != nil {
		return nil, fmt.Errorf("render %s: %w", t.Lessons[i].File, err)
	}
	return b.Bytes(), nil
}

// result returns the run of s, or nil when it was not run.
func (r *Renderer) result(s *tour.Snippet) *Result {
	r.runMu.Lock()
	defer r.runMu.Unlock()
	return r.runs[runKey(s)]
}
