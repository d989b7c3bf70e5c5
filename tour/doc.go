// Package tour is the lesson model of gotour-gpm and the specification of
// the lesson file format. [Parse] reads one lesson file, [Load] reads every
// lesson of a language, and [CheckParity] checks that two languages teach
// and run the same things.
//
// The package parses Markdown with goldmark and imports nothing else
// outside the standard library; it reads files only through an [io/fs.FS],
// and it never runs code. Running snippets is package runner's job;
// drawing them is package render's.
//
// # Files
//
// Each lesson is one file per language: lessons/en/NN-ID.md and
// lessons/zh/NN-ID.md, where NN is the lesson's order as two digits and ID
// is its id. A file is UTF-8 with LF line endings, and is a front matter
// followed by a Markdown body:
//
//	---
//	id: serial-concurrent-parallel
//	title: Serial, concurrent, parallel
//	order: 1
//	exercises: spawn-three, wait-all
//	summary: One line that lists and indexes show.
//	---
//
//	Markdown body...
//
// # Front matter
//
// The file starts with a line "---" and the front matter ends at the next
// "---" line. Every line between is "key: value": a key, a colon, a space
// and the value, which is trimmed and may itself contain colons. There is
// no quoting, no comment and no blank line. The keys are:
//
//	id         required  the lesson's id: a slug (see below), shared by all languages
//	title      required  the lesson's title; the body has no level-1 heading
//	order      required  the lesson's place in the tour, 0..99; the NN of the file name
//	exercises  optional  comma-separated exercise ids, in order; may be empty
//	summary    required  one line, shown in lesson lists
//
// An unknown key, a key given twice or a missing required key is an error.
// A slug is lower-case ASCII letters and digits in runs joined by single
// hyphens: "work-stealing", "gmp2". Lesson ids, snippet ids, exercise ids
// and section anchors are slugs, so they work in file names, URLs and
// command lines alike.
//
// Each exercise the front matter lists has exactly one starter snippet
// (a runnable snippet with exercise=ID, below), and every exercise= names
// an exercise listed here. Across a tour, lesson ids, orders and exercise
// ids are unique.
//
// # Body and sections
//
// The body is CommonMark, parsed once by goldmark with heading attributes
// enabled. A "##" (level-2, ATX) heading starts a section; a section runs
// to the next "##" heading or the end of the file. Text before the first
// section is the lesson's introduction, and holds no runnable snippet.
// Level-1 headings are not allowed (the title comes from the front
// matter), nor are underlined (setext) level-2 headings, which are too easy
// to make by accident with a "---" line.
//
// Each section has an anchor, used in URLs and to match the sections of
// two translations. It is the heading's "{#anchor}" suffix when it has one,
// and otherwise the slug of the title: ASCII letters, lower-cased, and
// digits, with every run of other characters turned into one hyphen
// ("Why GOMAXPROCS=1?" gives "why-gomaxprocs-1"). A title without any ASCII
// letter, as most Chinese titles are, must have the suffix:
//
//	## Concurrent: taking turns {#concurrent}
//	## 并发：轮流执行 {#concurrent}
//
// The suffix is allowed on "##" headings only, and no other attribute is.
// Anchors are unique within a lesson. A renderer that parses the body
// itself must enable goldmark's parser.WithHeadingAttribute so that the
// suffix does not show, and should take anchors from [Section.Anchor]: the
// i-th "##" heading of the body is Lesson.Sections[i].
//
// # Runnable snippets
//
// A fenced code block whose info string is "go run" followed by settings
// is a runnable snippet: a whole Go program, starting with "package main",
// that readers run on the simulated scheduler and CI runs with every
// build. A plain "go" fence is only highlighted code; "go" followed by
// anything but "run" is an error, to catch typos. The grammar, words
// separated by spaces:
//
//	info     = "go" "run" { setting } .
//	setting  = "id=" slug                  required; unique in the lesson
//	         | "procs=" N                  GOMAXPROCS, the number of Ps; 1..64, default 1
//	         | "cpus=" N                   CPUs of the simulated machine (runtime.NumCPU); default procs
//	         | "seed=" U                   seed of the simulator's choices; decimal uint64, default 0
//	         | "show=" view { "," view }   pictures to draw under the snippet, in this order
//	         | "exercise=" slug            this is the starter code of that exercise
//	         | "norun"                     shown and compiled, never run
//	         | "nobuild"                   shown only: a deliberately broken program
//	         | "expect=" failure .         the program is meant to fail this way
//	view     = "timeline" | "queues" | "stack" | "chan" | "summary" | "trace" .
//	failure  = "deadlock" | "panic" | "fatal" | "exit" .
//
// Each setting appears at most once, in any order. The views are described
// at [View], the failures at [Failure]. "nobuild" implies "norun" (give
// only one of them). A snippet that does not run takes no procs, cpus,
// seed, show or expect, and an exercise's starter code must build, so
// "exercise" and "nobuild" do not mix. [ParseInfo] parses an info string
// and [Info.String] prints its canonical form.
//
// A runnable snippet is at the top level of the body, in a section, not
// inside a list or block quote, and its fence lines start at the beginning
// of the line, so that its code is exactly the lines between them. Fences
// of backticks or tildes both work. The code is gofmt-formatted (a content
// test checks it).
//
// # Expected output
//
// A fenced block with info "output" directly after a runnable snippet,
// with nothing in between, is the snippet's expected standard output, like
// a Go example's "// Output:" comment. "output unordered" compares the
// lines as a multiset, for output that goroutine interleaving may reorder.
// "output stderr" holds the first line of the expected standard error,
// such as "panic: boom", "fatal error: all goroutines are asleep -
// deadlock!" or "runtime: goroutine stack exceeds 1048576-byte limit";
// it follows the snippet or its stdout block:
//
//	```go run id=hello
//	package main
//
//	import "fmt"
//
//	func main() { fmt.Println("hello") }
//	```
//
//	```output
//	hello
//	```
//
// Give an output block only where the output is deterministic, and never
// type it by hand: copy it from a run of the real toolchain with
// "GOMAXPROCS=N go run" (N being the snippet's procs), repeated enough to
// be sure. Comparison ignores trailing spaces and tabs on each line and
// trailing empty lines ([Expected.Match]). An empty "output" block says
// the program prints nothing. An output block anywhere else, or after a
// snippet that does not run, is an error. Output fences, too, are at the
// top level and not indented.
//
// # Translations
//
// The zh and en files of a lesson have the same front matter except title
// and summary, the same section anchors, and the same snippets in the same
// order with the same settings, the same expected output and the same code
// once comments are removed: translate comments and prose, never code or
// string literals. [CheckParity] checks this, so translations cannot drift
// in what they run.
//
// # Errors
//
// Errors read "file:line: message", as in x/tools/present, and one call
// reports every problem it finds, joined with [errors.Join]:
//
//	en/03-gmp.md:41: runnable snippet has no id= setting
//	en/03-gmp.md:57: output block does not directly follow a go run snippet
package tour
