package runner

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// What a goroutine traceback needs to know about the learner's source,
// computed once from the checked program: every function's name as gc
// prints it in a traceback, the line its body opens on, the lines of its
// calls and panics, and where each go statement is.
//
// Names are those of an unoptimised build (go build -gcflags=-l): main.f,
// main.T.m, main.(*T).m, main.main.func1 for the first func literal of
// main, main.main.func1.1 for one nested in it. gc inlines small functions
// and then prints longer names for closures (main.main.gowrap1.func2...);
// the runner cannot know what gc would inline.

// traceInfo is the traceback table of one program.
type traceInfo struct {
	file    string
	funcs   []*traceFunc
	byLine  map[int][]*traceFunc    // by the line of the body's opening brace
	goSites map[int]*goSite         // by the go statement's offset
	byNode  map[ast.Node]*traceFunc // *ast.FuncDecl or *ast.FuncLit
}

// traceFunc is one function or func literal of the program.
type traceFunc struct {
	name   string
	params bool             // it has a receiver or parameters: gc prints (...)
	line   int              // line of the body's opening brace
	calls  map[string][]int // callee's name -> lines of the calls in this body
	panics []int            // lines of the panic calls in this body
	// only is the line of every statement of the body, when they are all
	// on one line (func (t *T) get() int { return t.n }), or 0.
	only int
	// dyn are the lines of calls through func values the table cannot
	// name (a parameter f, called as f()).
	dyn []int
	// ext are the lines of calls of other packages' functions, through
	// which compiled code may call back a method (fmt calling Write).
	ext []int
	// ops are the lines of the operations that can fail or block, by
	// kind (opKinds), and learner says whether the body calls any of the
	// program's functions.
	ops     map[string][]int
	learner bool
	// deferred names the functions this body defers by name or literal.
	deferred map[string]bool
	parent   *traceFunc // the function a literal is in
}

// goSite is one go statement: the function it is in and its line, which
// gc prints after "created by".
type goSite struct {
	creator string
	line    int
	fn      *traceFunc // the goroutine's function, when the table knows it
}

// named returns the function called name, or nil.
func (ti *traceInfo) named(name string) *traceFunc {
	for _, f := range ti.funcs {
		if f.name == name {
			return f
		}
	}
	return nil
}

// frameName is how gc prints the function in a frame: its name and its
// arguments, (...) for arguments the runner does not print.
func (f *traceFunc) frameName() string {
	if f.params {
		return f.name + "(...)"
	}
	return f.name + "()"
}

// newTraceInfo builds the table for p.
func newTraceInfo(p *program) *traceInfo {
	ti := &traceInfo{
		file:    p.filename,
		byLine:  map[int][]*traceFunc{},
		goSites: map[int]*goSite{},
		byNode:  map[ast.Node]*traceFunc{},
	}
	b := &traceBuilder{p: p, ti: ti, lits: map[*types.Var]*ast.FuncLit{}}
	for _, d := range p.file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Body == nil {
				continue
			}
			b.named(d, b.declName(d), d.Recv != nil && len(d.Recv.List) > 0 || d.Type.Params.NumFields() > 0, d.Body)
		case *ast.GenDecl:
			// Func literals in package-level initialisers belong to
			// main.init as gc names them (main.init.func1).
			ast.Inspect(d, b.visitLit("main.init", true))
		}
	}
	for _, f := range ti.funcs {
		ti.byLine[f.line] = append(ti.byLine[f.line], f)
	}
	b.calls()
	return ti
}

type traceBuilder struct {
	p  *program
	ti *traceInfo
	// lits maps a variable to the func literal it is defined with, so that
	// a call f() of f := func() {...} names the literal.
	lits map[*types.Var]*ast.FuncLit
}

// declName is gc's name for a declared function or method.
func (b *traceBuilder) declName(d *ast.FuncDecl) string {
	name := d.Name.Name
	if tp := d.Type.TypeParams; tp != nil && tp.NumFields() > 0 {
		name += "[...]"
	}
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return "main." + name
	}
	t := d.Recv.List[0].Type
	star := false
	if s, ok := t.(*ast.StarExpr); ok {
		star, t = true, s.X
	}
	recv := ""
	switch t := t.(type) {
	case *ast.Ident:
		recv = t.Name
	case *ast.IndexExpr:
		recv = types.ExprString(t.X) + "[...]"
	case *ast.IndexListExpr:
		recv = types.ExprString(t.X) + "[...]"
	default:
		recv = types.ExprString(t)
	}
	if star {
		return "main.(*" + recv + ")." + name
	}
	return "main." + recv + "." + name
}

// named records a declared function and numbers the func literals in it.
func (b *traceBuilder) named(n ast.Node, name string, params bool, body *ast.BlockStmt) {
	f := b.add(n, name, params, body)
	ast.Inspect(body, b.visitLit(f.name, true))
}

func (b *traceBuilder) add(n ast.Node, name string, params bool, body *ast.BlockStmt) *traceFunc {
	f := &traceFunc{name: name, params: params, line: b.p.fset.Position(body.Lbrace).Line, calls: map[string][]int{}, ops: map[string][]int{}, deferred: map[string]bool{}}
	if n := len(body.List); n > 0 {
		first, last := b.p.fset.Position(body.List[0].Pos()).Line, b.p.fset.Position(body.List[n-1].End()).Line
		if first == last {
			f.only = first
		}
	}
	b.ti.funcs = append(b.ti.funcs, f)
	b.ti.byNode[n] = f
	return f
}

// visitLit numbers the func literals directly inside the function named
// parent (not those nested in another literal, which visitLit numbers
// when it reaches that literal): parent.func1, parent.func2 for a declared
// function, parent.1, parent.2 for a literal.
func (b *traceBuilder) visitLit(parent string, declared bool) func(ast.Node) bool {
	n := 0
	return func(node ast.Node) bool {
		lit, ok := node.(*ast.FuncLit)
		if !ok {
			return true
		}
		n++
		name := fmt.Sprintf("%s.%d", parent, n)
		if declared {
			name = fmt.Sprintf("%s.func%d", parent, n)
		}
		f := b.add(lit, name, lit.Type.Params.NumFields() > 0, lit.Body)
		f.parent = b.ti.named(parent)
		ast.Inspect(lit.Body, b.visitLit(f.name, false))
		return false
	}
}

// calls records, in every function, the lines of its calls of the
// program's functions and of panic, and every go statement's site.
func (b *traceBuilder) calls() {
	info := b.p.info
	// Variables defined as a func literal, for calls through them.
	ast.Inspect(b.p.file, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && as.Tok == token.DEFINE && len(as.Lhs) == len(as.Rhs) {
			for i, l := range as.Lhs {
				if lit, ok := as.Rhs[i].(*ast.FuncLit); ok {
					if id, ok := l.(*ast.Ident); ok {
						if v, ok := info.Defs[id].(*types.Var); ok {
							b.lits[v] = lit
						}
					}
				}
			}
		}
		return true
	})
	declOf := map[types.Object]*traceFunc{}
	for n, f := range b.ti.byNode {
		if d, ok := n.(*ast.FuncDecl); ok {
			declOf[info.Defs[d.Name]] = f
		}
	}
	for n, f := range b.ti.byNode {
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.FuncDecl:
			body = n.Body
		case *ast.FuncLit:
			body = n.Body
		}
		ast.Inspect(body, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.GoStmt:
				site := &goSite{creator: f.name, line: b.p.fset.Position(m.Pos()).Line}
				if name := b.callee(m.Call.Fun, declOf); name != "" {
					for _, g := range b.ti.funcs {
						if g.name == name {
							site.fn = g
						}
					}
				}
				b.ti.goSites[b.p.fset.Position(m.Pos()).Offset] = site
				return false // the call is the goroutine's, not this function's
			case *ast.DeferStmt:
				if name := b.callee(m.Call.Fun, declOf); name != "" {
					f.deferred[name] = true
				}
				for _, a := range m.Call.Args {
					ast.Inspect(a, func(n ast.Node) bool { return true })
				}
				return false
			case *ast.CallExpr:
				line := b.p.fset.Position(m.Lparen).Line
				if callee := b.callee(m.Fun, declOf); callee != "" {
					f.calls[callee] = append(f.calls[callee], line)
					f.learner = true
				} else if tv, ok := info.Types[m.Fun]; ok && tv.Type != nil && !tv.IsType() && isSignature(tv.Type) {
					if _, builtin := info.Uses[identOf(m.Fun)].(*types.Builtin); builtin {
						// len, append...: never call the program back
					} else if b.external(m.Fun) {
						f.ext = append(f.ext, line)
					} else {
						f.dyn = append(f.dyn, line)
						f.learner = true
					}
				}
				if id, ok := unparen(m.Fun).(*ast.Ident); ok {
					if bi, ok := info.Uses[id].(*types.Builtin); ok && bi.Name() == "panic" {
						f.panics = append(f.panics, line)
					}
				}
			}
			for _, k := range b.opKinds(m) {
				f.ops[k] = append(f.ops[k], b.p.fset.Position(m.Pos()).Line)
			}
			return true
		})
	}
}

// identOf is fun as an identifier, or nil.
func identOf(fun ast.Expr) *ast.Ident {
	id, _ := unparen(fun).(*ast.Ident)
	return id
}

func isSignature(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// external reports whether fun is a function of another package (fmt.Println,
// wg.Wait): not one of the learner's frames.
func (b *traceBuilder) external(fun ast.Expr) bool {
	switch e := unparen(fun).(type) {
	case *ast.SelectorExpr:
		if sel := b.p.info.Selections[e]; sel != nil {
			return sel.Obj().Pkg() != nil && sel.Obj().Pkg() != b.p.pkg
		}
		if obj := b.p.info.Uses[e.Sel]; obj != nil {
			return obj.Pkg() != nil && obj.Pkg() != b.p.pkg
		}
	case *ast.Ident:
		_, builtin := b.p.info.Uses[e].(*types.Builtin)
		return builtin
	}
	return false
}

// opKinds classifies n by the runtime errors it may raise and the waits it
// may block in, with the words of the panic message or the wait reason.
func (b *traceBuilder) opKinds(n ast.Node) []string {
	info := b.p.info
	switch n := n.(type) {
	case *ast.IndexExpr:
		if tv, ok := info.Types[n.X]; ok && !tv.IsType() {
			if _, isMap := tv.Type.Underlying().(*types.Map); isMap {
				return []string{"assignment to entry in nil map"}
			}
			return []string{"index out of range"}
		}
	case *ast.SliceExpr:
		return []string{"slice bounds out of range"}
	case *ast.BinaryExpr:
		if tv := info.Types[n.Y]; tv.Value == nil {
			switch n.Op {
			case token.QUO, token.REM:
				return []string{"integer divide by zero"}
			case token.SHL, token.SHR:
				return []string{"negative shift amount"}
			}
		}
	case *ast.AssignStmt:
		if (n.Tok == token.SHL_ASSIGN || n.Tok == token.SHR_ASSIGN) && info.Types[n.Rhs[0]].Value == nil {
			return []string{"negative shift amount"}
		}
	case *ast.StarExpr:
		return []string{"nil pointer dereference"}
	case *ast.SelectorExpr:
		if tv, ok := info.Types[n.X]; ok && !tv.IsType() {
			if _, isPtr := tv.Type.Underlying().(*types.Pointer); isPtr {
				return []string{"nil pointer dereference"}
			}
		}
	case *ast.SendStmt:
		return []string{"chan send", "send on closed channel"}
	case *ast.UnaryExpr:
		if n.Op == token.ARROW {
			return []string{"chan receive"}
		}
	case *ast.RangeStmt:
		if tv, ok := info.Types[n.X]; ok {
			if _, isChan := tv.Type.Underlying().(*types.Chan); isChan {
				return []string{"chan receive"}
			}
		}
	case *ast.SelectStmt:
		if len(n.Body.List) == 0 {
			return []string{"select (no cases)"}
		}
		return []string{"select"}
	case *ast.CallExpr:
		if id, ok := unparen(n.Fun).(*ast.Ident); ok {
			if bi, ok := info.Uses[id].(*types.Builtin); ok && bi.Name() == "close" {
				return []string{"close of"}
			}
		}
		if sel, ok := unparen(n.Fun).(*ast.SelectorExpr); ok {
			if s := info.Selections[sel]; s != nil && s.Obj().Pkg() != nil && s.Obj().Pkg().Path() == "sync" {
				t := types.TypeString(s.Recv(), nil)
				t = strings.TrimPrefix(t, "*")
				return []string{t + "." + sel.Sel.Name}
			}
		}
	}
	return nil
}

// opLine returns the one line of f where an operation of the kind whose
// words msg contains happens, when there is exactly one such line.
func (f *traceFunc) opLine(msg string) (int, bool) {
	line := 0
	for k, ls := range f.ops {
		if !strings.Contains(msg, k) {
			continue
		}
		for _, l := range ls {
			if line != 0 && l != line {
				return 0, false
			}
			line = l
		}
	}
	return line, line != 0
}

// callee names the program's function that the call of fun calls, or "".
func (b *traceBuilder) callee(fun ast.Expr, declOf map[types.Object]*traceFunc) string {
	fun = unparen(fun)
	switch e := fun.(type) {
	case *ast.FuncLit:
		if f := b.ti.byNode[e]; f != nil {
			return f.name
		}
	case *ast.IndexExpr: // f[int](x)
		return b.callee(e.X, declOf)
	case *ast.IndexListExpr:
		return b.callee(e.X, declOf)
	case *ast.Ident:
		obj := b.p.info.Uses[e]
		if v, ok := obj.(*types.Var); ok {
			if lit := b.lits[v]; lit != nil {
				return b.ti.byNode[lit].name
			}
		}
		if f := declOf[obj]; f != nil {
			return f.name
		}
	case *ast.SelectorExpr:
		if sel := b.p.info.Selections[e]; sel != nil {
			fn, ok := sel.Obj().(*types.Func)
			if ok {
				if f := declOf[fn.Origin()]; f != nil {
					return f.name
				}
			}
		}
	}
	return ""
}

// callLine returns the line in f of its call of callee, when there is
// exactly one such call, or, for a callee f does not call by name, one
// call through a func value, or else one call of another package (which
// called callee back).
func (f *traceFunc) callLine(callee string) (int, bool) {
	ls := f.calls[callee]
	if len(ls) == 0 {
		ls = f.dyn
	}
	if len(ls) == 0 {
		ls = f.ext
	}
	if len(ls) == 0 || slices.ContainsFunc(ls, func(l int) bool { return l != ls[0] }) {
		return 0, false // several lines: which call it was is unknown
	}
	return ls[0], true
}
