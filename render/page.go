package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// pageData is what the page templates get.
type pageData struct {
	Lang     string
	HTMLLang string // the lang attribute: en or zh-Hans
	Root     string // the way from the page to the site root: "" or "../"
	Title    string
	L        labels
	JSL      template.JS // JSON of the script's words
	Lesson   *tour.Lesson
	Heading  string // "Lesson 6"
	Body     *body
	Prev     *navLink
	Next     *navLink
	Other    []navLink // the page in the other languages
	Course   []courseEntry
	// Courses are every language's course map, for the home page.
	Courses []courseMap
	search  []searchDoc
}

// navLink is a link to another page.
type navLink struct {
	Href, Title, Lang, Label string
}

// courseEntry is one lesson in a course map.
type courseEntry struct {
	Href, Title, Heading, Summary string
	Sections                      []tocEntry
	Exercises                     []string
	Snippets                      string
	Current                       bool
}

// courseMap is one language's course map.
type courseMap struct {
	Lang, HTMLLang, Href string
	L                    labels
	Entries              []courseEntry
}

func htmlLang(lang string) string {
	if lang == "zh" {
		return "zh-Hans"
	}
	return lang
}

// course is t's course map, with links relative to a page in dir (""
// for the root, else a language directory).
func course(t *tour.Tour, dir string, current string) []courseEntry {
	l := labelsFor(i18n.Lang(t.Lang))
	prefix := ""
	if dir != t.Lang {
		prefix = t.Lang + "/"
		if dir != "" {
			prefix = "../" + prefix
		}
	}
	var out []courseEntry
	for _, les := range t.Lessons {
		runnable := 0
		for _, s := range les.Snippets {
			if s.Info.Runs() {
				runnable++
			}
		}
		e := courseEntry{
			Href: prefix + les.ID + ".html", Title: les.Title, Summary: les.Summary,
			Heading:   fmt.Sprintf(l.LessonN, les.Order),
			Exercises: les.Exercises, Current: les.ID == current,
			Snippets: fmt.Sprintf(l.Snippets, runnable),
		}
		for _, s := range les.Sections {
			e.Sections = append(e.Sections, tocEntry{Anchor: s.Anchor, Title: s.Title})
		}
		out = append(out, e)
	}
	return out
}

// lessonPage builds the page of lesson i of t.
func (r *Renderer) lessonPage(t *tour.Tour, i int, tours []*tour.Tour) (*pageData, error) {
	l := t.Lessons[i]
	lang := i18n.Lang(t.Lang)
	p := &pageData{
		Lang: t.Lang, HTMLLang: htmlLang(t.Lang), Root: "../",
		Title: l.Title, L: labelsFor(lang), JSL: jsLabels(lang), Lesson: l,
		Course: course(t, t.Lang, l.ID),
	}
	p.Heading = fmt.Sprintf(p.L.LessonN, l.Order)
	if i > 0 {
		prev := t.Lessons[i-1]
		p.Prev = &navLink{Href: prev.ID + ".html", Title: prev.Title, Label: p.L.Prev}
	}
	if i+1 < len(t.Lessons) {
		next := t.Lessons[i+1]
		p.Next = &navLink{Href: next.ID + ".html", Title: next.Title, Label: p.L.Next}
	}
	for _, o := range tours {
		if o.Lang == t.Lang {
			continue
		}
		if ol := o.Lesson(l.ID); ol != nil {
			ll := labelsFor(i18n.Lang(o.Lang))
			p.Other = append(p.Other, navLink{
				Href: "../" + o.Lang + "/" + l.ID + ".html", Title: p.L.OtherLangTitle,
				Lang: htmlLang(o.Lang), Label: ll.LangName,
			})
		}
	}
	b, err := r.renderBody(p, l)
	if err != nil {
		return nil, err
	}
	p.Body = b
	p.search = b.search
	return p, nil
}

// indexPage builds t's course map page.
func (r *Renderer) indexPage(t *tour.Tour, tours []*tour.Tour) *pageData {
	lang := i18n.Lang(t.Lang)
	p := &pageData{
		Lang: t.Lang, HTMLLang: htmlLang(t.Lang), Root: "../",
		L: labelsFor(lang), JSL: jsLabels(lang), Course: course(t, t.Lang, ""),
	}
	p.Title = p.L.CourseMap
	p.Courses = []courseMap{{Lang: t.Lang, HTMLLang: p.HTMLLang, Href: "index.html", L: p.L, Entries: p.Course}}
	for _, o := range tours {
		if o.Lang != t.Lang {
			ll := labelsFor(i18n.Lang(o.Lang))
			p.Other = append(p.Other, navLink{Href: "../" + o.Lang + "/index.html", Title: ll.CourseMap, Lang: htmlLang(o.Lang), Label: ll.LangName})
		}
	}
	return p
}

// homePage builds the site's index.html: every language's course map.
func (r *Renderer) homePage(tours []*tour.Tour) *pageData {
	lang := i18n.Lang(tours[0].Lang)
	p := &pageData{Lang: tours[0].Lang, HTMLLang: htmlLang(tours[0].Lang), L: labelsFor(lang), JSL: jsLabels(lang)}
	p.Title = p.L.Tagline
	for _, t := range tours {
		p.Courses = append(p.Courses, courseMap{
			Lang: t.Lang, HTMLLang: htmlLang(t.Lang), Href: t.Lang + "/index.html",
			L: labelsFor(i18n.Lang(t.Lang)), Entries: course(t, "", ""),
		})
	}
	return p
}

// snippetView is what snippet.tmpl draws for one runnable snippet.
type snippetView struct {
	ID, DOMID  string
	L          labels
	Code       template.HTML
	Badges     []string
	Command    string
	Info       tour.Info
	Ran        bool
	OK         bool // the run ended as the snippet expects
	Stdout     string
	Stderr     string
	Message    string
	Meta       string
	Matches    bool
	Timeline   template.HTML
	TraceJSON  template.JS
	Cut        string
	Open       bool
	ShowStats  bool
	Stats      []stat
	ShowTrace  bool
	TraceText  string
	MarkLegend []legendEntry
}

type stat struct{ Name, Value string }

type legendEntry struct {
	Name  string
	Shape template.HTML
}

// maxTraceLines bounds the text trace shown under a snippet with
// show=trace.
const maxTraceLines = 80

func (r *Renderer) snippetView(p *pageData, s *tour.Snippet) (*snippetView, error) {
	return r.view(p.Lang, p.L, s, r.result(s))
}

// view builds the snippetView of s and its run res (nil: not run).
func (r *Renderer) view(pageLang string, L labels, s *tour.Snippet, res *Result) (*snippetView, error) {
	lang := i18n.Lang(pageLang)
	p := struct{ L labels }{L}
	v := &snippetView{
		ID: s.ID, DOMID: "snippet-" + s.ID, L: p.L, Info: s.Info,
		Code: highlightCode("go", s.Code), Command: snippetArgs(s.Info),
	}
	v.Badges = append(v.Badges, fmt.Sprintf("GOMAXPROCS=%d", s.Info.Procs))
	if s.Info.CPUs != s.Info.Procs {
		v.Badges = append(v.Badges, fmt.Sprintf("%d CPU", s.Info.CPUs))
	}
	if s.Info.Seed != 0 {
		v.Badges = append(v.Badges, "seed="+strconv.FormatUint(s.Info.Seed, 10))
	}
	if s.Info.Exercise != "" {
		v.Badges = append(v.Badges, p.L.Exercise+": "+s.Info.Exercise)
	}
	switch {
	case s.Info.NoBuild:
		v.Badges = []string{p.L.NoBuild}
	case s.Info.NoRun:
		v.Badges = append(v.Badges, p.L.NotRun)
	}
	if s.Info.Expect != "" {
		v.Badges = append(v.Badges, fmt.Sprintf(p.L.Expect, failureName(s.Info.Expect, lang)))
	}
	if res == nil || !s.Info.Runs() {
		return v, nil
	}
	v.Ran = true
	v.Stdout, v.Stderr = res.Stdout, res.Stderr
	v.Message = res.Message.In(lang)
	v.OK = res.Message.En == ""
	v.Meta = fmt.Sprintf(p.L.Simulated, s.Info.Procs, s.Info.CPUs, s.Info.Seed, fmtNs(res.VirtualTime))
	v.Matches = s.Output != nil && s.Output.Match(res.Stdout, res.Stderr)
	v.Timeline = TimelineSVG(res.Trace, res.VirtualTime, s.ID, lang)
	if r.opts.MaxEvents >= 0 && res.Trace != nil {
		js, err := CompactTrace(res.Trace, res.VirtualTime, r.opts.MaxEvents)
		if err != nil {
			return nil, err
		}
		v.TraceJSON = template.JS(js)
		if total := int64(len(res.Trace.Events)) + res.Trace.Dropped; total > int64(r.opts.MaxEvents) {
			v.Cut = fmt.Sprintf(p.L.Cut, r.opts.MaxEvents, total)
			if lang == i18n.Zh {
				v.Cut = fmt.Sprintf(p.L.Cut, total, r.opts.MaxEvents)
			}
		}
	}
	for _, view := range s.Info.Show {
		switch view {
		case tour.ViewQueues, tour.ViewChan, tour.ViewStack:
			v.Open = true
		case tour.ViewSummary:
			v.ShowStats = true
		case tour.ViewTrace:
			v.ShowTrace = true
		}
	}
	st := res.Stats
	for i, val := range []int64{int64(st.Goroutines), int64(st.MaxLive), st.Switches, st.Steals, st.Handoffs,
		st.Preemptions, st.StackGrowths, st.GlobalQueueUses, st.Events} {
		v.Stats = append(v.Stats, stat{p.L.Stats[i], strconv.FormatInt(val, 10)})
		if i == 6 && st.Races > 0 { // after stack growths, as in the CLI's summary; most runs have none
			v.Stats = append(v.Stats, stat{p.L.Races, strconv.FormatInt(st.Races, 10)})
		}
	}
	v.Stats = append(v.Stats, stat{p.L.Stats[9], fmtNs(res.VirtualTime)})
	if v.ShowTrace && res.Trace != nil {
		v.TraceText = traceText(res, maxTraceLines)
	}
	for _, k := range markerKinds {
		if !strings.Contains(string(v.Timeline), `class="m-`+markerClass[k]+`"`) {
			continue // the legend names only the markers this timeline has
		}
		v.MarkLegend = append(v.MarkLegend, legendEntry{Name: markerName(k).In(lang), Shape: template.HTML(markerShape(k, 6, 6))})
	}
	return v, nil
}

// RunArea renders the part of a snippet's box that shows a run: output,
// timeline, counts and step-through, as on the static pages. The serve
// command sends it to the page after running a reader's edit of snippet
// id with the settings in info; lang is the page's language.
func (r *Renderer) RunArea(id string, info tour.Info, res *Result, lang string) ([]byte, error) {
	l := i18n.Lang(lang)
	v, err := r.view(lang, labelsFor(l), &tour.Snippet{ID: id, Info: info}, res)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := r.tmpl.ExecuteTemplate(&b, "runarea", v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// traceText is the first n lines of the run's text trace.
func traceText(res *Result, n int) string {
	var b bytes.Buffer
	res.Trace.WriteText(&b)
	lines := strings.SplitAfter(b.String(), "\n")
	if len(lines) > n+1 {
		more := len(lines) - 1 - n
		lines = append(lines[:n], fmt.Sprintf("… %d more\n", more))
	}
	return strings.Join(lines, "")
}
