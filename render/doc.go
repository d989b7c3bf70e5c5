// Package render turns the course into a static web site: an index (the
// course map) and one page per lesson, in every language, with each
// runnable snippet's simulated output, an SVG timeline of its schedule
// and a step-through of the G-P-M state driven by the recorded trace.
//
// # Trust
//
// Lesson authors are trusted: their Markdown and their programs are part
// of this repository and reviewed like code. Even so, goldmark's WithUnsafe
// stays off, so raw HTML in a lesson is dropped rather than copied into
// the page, and every string that reaches a page goes through
// html/template or goldmark's escaping. What the simulator prints (a
// snippet's output, a panic message) is the output of a trusted program
// and is escaped like any other text. The serve command (package
// internal/cli) runs code that readers type; that code never runs in
// this package, and its results come back through [TimelineSVG] and
// [CompactTrace], which escape what they print as well.
//
// # Site
//
// [Renderer.Site] returns the files of the site, keyed by slash-separated
// path:
//
//	index.html            the course map, both languages side by side
//	en/index.html         the course map of one language
//	en/ID.html            one lesson; zh/ID.html is the same lesson in Chinese
//	assets/*              style sheets, scripts, the search index
//
// Every link is relative, so the site works from a file:// URL as well as
// from a web server, and it loads nothing from anywhere else: no CDN, no
// web fonts, no external scripts. The same lesson has the same file name
// and the same section anchors in every language, which is what the
// language switch relies on.
//
// # Determinism
//
// The same input gives the same bytes: no timestamps, no map iteration
// order, IDs made from lesson and snippet ids, and snippet runs on the
// seeded simulator. Snippets run in parallel ([Options.Parallel]), but
// their results are placed by key, never in completion order. The site can
// therefore be committed and diffed.
//
// # Snippets
//
// A runnable snippet is shown with its code (highlighted by chroma, with
// CSS classes rather than inline styles), its simulated output, and, when
// it ran, the timeline of its schedule ([TimelineSVG]: one lane per P,
// each goroutine's stretches in its own colour, markers for steals,
// hand-offs, preemptions, parks, wake-ups and stack growth) and a
// step-through of the machine (static/gpm.js), which replays the trace's
// events in the browser. The trace is embedded per snippet as compact
// JSON ([CompactTrace]); to keep pages small only its first
// [Options.MaxEvents] events are embedded (400 by default), and the viewer
// says so when a trace was cut. The timeline is drawn from the whole trace.
//
// The zh and en versions of a snippet run the same code (package tour
// checks it), so a program is run once for both languages when its code,
// with comments removed, and its settings are the same.
//
// # Search
//
// The search box searches both languages. Its index is built here, at
// render time ([buildIndex]): English and other Latin-script text is
// split into lower-cased words, Chinese (and any Han, kana or Hangul) text
// into overlapping pairs of characters (bigrams), which find Chinese words
// without a dictionary. The index is a script (assets/search-index.js)
// loaded the first time the search box is used, so it also works from a
// file:// URL, where a page cannot fetch JSON.
package render
