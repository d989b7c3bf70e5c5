package runner

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/traefik/yaegi/interp"
)

// The rewrite turns every scheduling point of a learner's program into a
// call to the compiled runtime shim, imported as __rt, so that the simulator
// decides which goroutine runs. It also lowers the Go that yaegi v0.16.1
// cannot run, or runs wrongly: range over int, per-iteration loop
// variables, min/max/clear, the generic slices/maps/cmp (rewrite_loop.go,
// rewrite_builtin.go, rewrite_generic.go), and it works around yaegi's
// defer, closure and generic-inference bugs (rewrite_defer.go,
// rewrite_closure.go).
//
// # Line numbers are preserved
//
// The rewriter never prints an AST. It splices text into the original
// source at node offsets. An edit replaces a byte range with parts: fixed
// text without newlines, and nodes of the original, which stand for their
// own rewritten text. Before each node of its range, an edit adds the
// newlines that put the node back on its line; the newlines still missing
// at the end go at the edit's padHere mark. So line L of the output is line
// L of the input, and yaegi's compile errors and panic positions need no
// mapping. Where an edit moves a multi-line operand up (a select case's
// channel goes into the switch header) a /*line :L:C*/ directive puts the
// following text back on its line. Columns after an edit on the same line
// are shifted. The shim's import goes on the package clause line; emitted
// helpers go after the last line.
//
// # Nested edits
//
// Edits nest: the channel of a send may itself contain a receive. An edit
// renders lazily; each node part is rendered with the edits inside it
// (rewriter.text), so inner edits are applied inside outer ones. Everything
// else an edit needs (type names, fresh names, helpers) is computed when it
// is recorded, so rendering has no side effects.

const (
	// rtImportPath is the import path of the runtime shim in rewritten
	// programs; the back end exports it to yaegi under key "gotour.gpm/rt/rt".
	rtImportPath = "gotour.gpm/rt"
	// rtName is the shim's package name in rewritten programs.
	rtName = "__rt"
	// padHere marks where an edit's lost newlines are re-inserted. NUL never
	// occurs in a checked source, so it cannot clash with kept text.
	padHere = "\x00"
)

// Prepared is a learner's program made ready for yaegi by [Prepare].
type Prepared struct {
	// Filename is the name positions are reported against.
	Filename string
	// Source is the rewritten program: ordinary Go that imports the shim
	// as __rt "gotour.gpm/rt". Line L of Source is line L of the original,
	// so yaegi's positions are the learner's positions.
	Source []byte
	// Imports lists the packages the original program imports, sorted.
	// Stubbed packages (slices, maps, cmp) are listed but no longer
	// imported by Source.
	Imports []string
	// Recursive lists the functions that got stack accounting
	// (__rt.Enter/Leave), as "name" or "Type.method", sorted.
	Recursive []string
	// trace names the program's functions in tracebacks (trace.go).
	trace *traceInfo
	// Sites are the places of the accesses and go statements reported to
	// the race detector, by the index the rewritten calls pass; empty
	// unless the program was prepared for Options.Race.
	Sites []Site
}

// Prepare parses, checks and rewrites a learner's program. shadow holds
// the back end's symbols for the shadowed packages (sync, time, runtime,
// runtime/debug, os, gpm); entries for other paths are ignored.
//
// A program that does not compile, imports a package outside the
// allowlist or uses a construct the runner cannot run gets a
// *[CompileError]. Any other error is a bug in the runner.
func Prepare(filename string, src []byte, shadow interp.Exports) (pr *Prepared, err error) {
	return prepare(filename, src, shadow, false)
}

// prepare is Prepare, with the accesses reported to the race detector
// when race is set (rewrite_access.go).
func prepare(filename string, src []byte, shadow interp.Exports, race bool) (pr *Prepared, err error) {
	p, err := check(filename, src, shadow)
	if err != nil {
		return nil, err
	}
	defer func() {
		if v := recover(); v != nil {
			pr, err = nil, fmt.Errorf("runner: internal error rewriting %s: %v", filename, v)
		}
	}()
	trace := newTraceInfo(p)
	out, recursive, sites, err := rewrite(p, race)
	if err != nil {
		return nil, err
	}
	return &Prepared{Filename: filename, Source: out, Imports: p.imports, Recursive: recursive, Sites: sites, trace: trace}, nil
}

// edit replaces src[start:end] with the parts render returns, or inserts
// the text lit at start (when start == end). Insertions at one offset are
// ordered by prio, then by the order they were recorded.
//
// A part is a string written as is, or an ast.Node standing for the
// rewritten text of that node (see rewriter.emit).
type edit struct {
	start, end int
	prio, seq  int
	render     func() []any
	lit        string
}

// rewriter holds the state of one rewrite.
type rewriter struct {
	p       *program
	tf      *token.File
	edits   []*edit
	handled map[ast.Node]bool // nodes an enclosing rewrite already covers
	errs    *errList
	ids     int               // counter for fresh names
	quals   map[string]string // import path -> alias added on the package line
	helpers map[string]string // helper name -> declaration, emitted at the end
	intErr  error             // first internal inconsistency found
	busy    map[*edit]bool    // edits being rendered, never applied inside themselves
	// stubKept holds the stubbed packages still referenced after the
	// rewrite (cmp.Ordered as a constraint), whose import stays.
	stubKept map[string]bool
	// labelsGone counts, per label, the uses that the rewrite replaced.
	labelsGone map[types.Object]int
	// tickInto holds the loop ticks carried by a loop body's first channel
	// operation (rewrite_tick.go), by that operation's node.
	tickInto map[ast.Node]int
	// privMaps holds the local map variables no other goroutine can reach
	// (rewrite_map.go).
	privMaps map[*types.Var]bool
	// race: report memory accesses to the race detector, at sites
	// (rewrite_access.go).
	race  bool
	sites []Site
}

func rewrite(p *program, race bool) ([]byte, []string, []Site, error) {
	r := &rewriter{
		p:          p,
		tf:         p.fset.File(p.file.Pos()),
		handled:    map[ast.Node]bool{},
		errs:       &errList{filename: p.filename, fset: p.fset},
		quals:      map[string]string{},
		helpers:    map[string]string{},
		busy:       map[*edit]bool{},
		stubKept:   map[string]bool{},
		labelsGone: map[types.Object]int{},
		tickInto:   map[ast.Node]int{},
		race:       race,
	}
	recursive := r.collect()
	if err := r.errs.err(); err != nil {
		return nil, nil, nil, err
	}
	r.stubImports()
	r.dropUnusedLabels()
	// The import of the shim and of the aliases used to name types goes on
	// the package clause line, after the package name.
	r.insert(r.p.file.Name.End(), 0, r.importText())
	var out bytes.Buffer
	out.WriteString(r.text(0, len(p.src)))
	if r.intErr != nil {
		return nil, nil, nil, r.intErr
	}
	if len(r.helpers) > 0 {
		if !bytes.HasSuffix(out.Bytes(), []byte("\n")) {
			out.WriteByte('\n')
		}
		names := make([]string, 0, len(r.helpers))
		for n := range r.helpers {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			out.WriteString(r.helpers[n])
			out.WriteByte('\n')
		}
	}
	if _, err := parser.ParseFile(token.NewFileSet(), p.filename, out.Bytes(), parser.SkipObjectResolution); err != nil {
		return nil, nil, nil, fmt.Errorf("runner: internal error: rewritten %s does not parse: %v", p.filename, err)
	}
	return out.Bytes(), recursive, r.sites, nil
}

func (r *rewriter) importText() string {
	var b strings.Builder
	fmt.Fprintf(&b, "; import %s %q", rtName, rtImportPath)
	paths := make([]string, 0, len(r.quals))
	for p := range r.quals {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		fmt.Fprintf(&b, "; import %s %q", r.quals[p], p)
	}
	return b.String()
}

// off returns the byte offset of pos in the source.
func (r *rewriter) off(pos token.Pos) int { return r.tf.Offset(pos) }

// replace records an edit of the range of [from, to) positions.
func (r *rewriter) replace(from, to token.Pos, render func() []any) {
	r.edits = append(r.edits, &edit{start: r.off(from), end: r.off(to), seq: len(r.edits), render: render})
}

// replaceNode replaces the source of n.
func (r *rewriter) replaceNode(n ast.Node, render func() []any) { r.replace(n.Pos(), n.End(), render) }

// replaceText replaces the source of n with a fixed text.
func (r *rewriter) replaceText(n ast.Node, text string) {
	r.replaceNode(n, func() []any { return []any{text} })
}

// insert records the insertion of text at pos. text has no newline.
func (r *rewriter) insert(pos token.Pos, prio int, text string) {
	o := r.off(pos)
	r.edits = append(r.edits, &edit{start: o, end: o, prio: prio, seq: len(r.edits), lit: text})
}

// insertParts records the insertion at pos of the rendered parts: nodes
// stand for their rewritten text, as in a replacement.
func (r *rewriter) insertParts(pos token.Pos, prio int, ps []any) {
	o := r.off(pos)
	r.edits = append(r.edits, &edit{start: o, end: o, prio: prio, seq: len(r.edits), render: func() []any { return ps }})
}

// parts is a shorthand for the render result of an edit.
func parts(p ...any) []any { return p }

// src returns the rewritten text of node n.
func (r *rewriter) src(n ast.Node) string { return r.text(r.off(n.Pos()), r.off(n.End())) }

// text returns src[start:end] with the edits inside it applied. An edit is
// inside if its range is within [start, end); an insertion must be strictly
// inside, so one at a node's boundary belongs to the enclosing range.
// Only outermost edits are applied here; they render their own insides.
func (r *rewriter) text(start, end int) string {
	var in []*edit
	for _, e := range r.edits {
		if r.busy[e] {
			continue
		}
		if e.start == e.end {
			if start < e.start && e.start < end {
				in = append(in, e)
			}
		} else if start <= e.start && e.end <= end {
			in = append(in, e)
		}
	}
	sort.SliceStable(in, func(i, j int) bool {
		a, b := in[i], in[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if (a.start == a.end) != (b.start == b.end) {
			return a.start == a.end // insertions first
		}
		if a.end != b.end {
			return a.end > b.end // outer first
		}
		if a.prio != b.prio {
			return a.prio < b.prio
		}
		return a.seq < b.seq
	})
	src := r.p.src
	var b strings.Builder
	pos := start
	for _, e := range in {
		if e.start < pos {
			if e.end > pos {
				r.fail("overlapping edits at offsets %d and %d", e.start, pos)
			}
			continue // inside an edit already applied, which rendered it
		}
		b.Write(src[pos:e.start])
		b.WriteString(r.emit(e))
		pos = e.end
	}
	b.Write(src[pos:end])
	return b.String()
}

// emit renders e. Its parts are written in order; before a node that lies
// inside the replaced range, newlines are added until the output has as
// many lines as the source up to that node, so kept code stays on its own
// line. (Edits only put nodes after "(", ",", "{", ";", ":" or "=", where a
// newline never ends a statement.) The newlines of the range that are still
// missing at the end go at the padHere mark, or at the end. When the output
// has more lines than the range (a select moves its operands up into the
// switch header), a line directive puts the text that follows back on its
// original line and column.
func (r *rewriter) emit(e *edit) string {
	if e.render == nil {
		return e.lit
	}
	// The edit is busy until its parts are written: a part may be the
	// very node it replaces (an index wrapped in a check).
	r.busy[e] = true
	defer delete(r.busy, e)
	ps := e.render()
	src := r.p.src
	var b strings.Builder
	lines := 0
	for _, p := range ps {
		switch p := p.(type) {
		case string:
			b.WriteString(p)
			lines += strings.Count(p, "\n")
		case ast.Node:
			start, end := r.off(p.Pos()), r.off(p.End())
			if e.start <= start && end <= e.end {
				if want := bytes.Count(src[e.start:start], []byte("\n")); want > lines {
					b.WriteString(strings.Repeat("\n", want-lines))
					lines = want
				}
			}
			t := r.text(start, end)
			b.WriteString(t)
			lines += strings.Count(t, "\n")
		default:
			r.fail("bad edit part %T", p)
		}
	}
	out := b.String()
	lost := bytes.Count(src[e.start:e.end], []byte("\n")) - lines
	nl := ""
	if lost > 0 {
		nl = strings.Repeat("\n", lost)
	}
	if i := strings.Index(out, padHere); i >= 0 {
		out = out[:i] + nl + out[i+len(padHere):]
	} else {
		out += nl
	}
	out = strings.ReplaceAll(out, padHere, "")
	if lost < 0 {
		// The directive's file name is empty, which keeps the current one,
		// so it also works when the back end evaluates without a name.
		p := r.tf.PositionFor(r.tf.Pos(e.end), false)
		out += fmt.Sprintf("/*line :%d:%d*/", p.Line, p.Column)
	}
	return out
}

// fail records an internal inconsistency: a rewriter bug, not a learner's.
func (r *rewriter) fail(format string, args ...any) {
	if r.intErr == nil {
		r.intErr = fmt.Errorf("runner: internal error rewriting %s: %s", r.p.filename, fmt.Sprintf(format, args...))
	}
}

// refuse reports a construct the runner cannot run as a learner error.
func (r *rewriter) refuse(pos token.Pos, format string, args ...any) {
	r.errs.at(pos, format, args...)
}

// fresh returns a new identifier with the reserved prefix.
func (r *rewriter) fresh(base string) string {
	r.ids++
	return fmt.Sprintf("%s%s%d", reservedPrefix, base, r.ids)
}

func unparen(e ast.Expr) ast.Expr { return ast.Unparen(e) }

// isRecv reports whether e (unparenthesized) is a receive expression.
func isRecv(e ast.Expr) (*ast.UnaryExpr, bool) {
	u, ok := unparen(e).(*ast.UnaryExpr)
	if ok && u.Op == token.ARROW {
		return u, true
	}
	return nil, false
}
