package runner

import (
	"fmt"
	"go/ast"
	"go/types"
	"sort"
)

// The functions that get stack accounting are those that may be on a
// cycle of calls at run time: their frames are what a runaway recursion
// piles up, on the simulated stack and on the interpreter's own. Missing
// one is not a detail: yaegi runs an interpreted call on the host
// goroutine's stack (about 1 KiB a level, several for a call through
// reflection), so an unaccounted recursion grows the host's stack until
// the whole process dies of a real stack overflow. The graph is therefore
// an over-approximation of who may call whom:
//
//   - a call of a function or method the program declares is an edge to
//     it (a generic one through its origin);
//   - a call of a method through an interface or a type parameter is an
//     edge to every declared method of that name;
//   - a call of a func value (a variable, a field, a call's result) is an
//     edge to every function whose value is taken: func literals that are
//     not called in place, functions and method values used as values;
//   - a call into another package whose parameters can carry the
//     program's code (an interface, a func) is an edge to "outside",
//     which calls every method (fmt calls String and Error, sort calls
//     Less) and every function whose value is taken.
//
// A func literal called in place (func() {...}(), go func() {...}(),
// defer func() {...}()) is a node of its own, called by its enclosing
// function.

// fnNode is a function body of the program: a declaration or a literal.
type fnNode struct {
	node ast.Node // *ast.FuncDecl or *ast.FuncLit
	body *ast.BlockStmt
	name string
	out  []*fnNode
	// callsOut, callsVal: it calls outside code that may call back, or a
	// func value.
	callsOut, callsVal bool
}

// callGraph is the may-call graph of one program.
type callGraph struct {
	r       *rewriter
	nodes   []*fnNode
	byDecl  map[*types.Func]*fnNode
	byLit   map[*ast.FuncLit]*fnNode
	methods map[string][]*fnNode // declared methods by name
	escaped map[*fnNode]bool     // functions whose value is taken
	called  map[ast.Expr]bool    // expressions in call position
}

// recursion returns the function bodies that may be on a call cycle, and
// their names ("name", "Type.method" or "func literal at line N"), sorted.
func (r *rewriter) recursion() (map[ast.Node]bool, []string) {
	g := r.callGraph()
	cyc := g.cycles()
	out := map[ast.Node]bool{}
	var names []string
	for _, n := range g.nodes {
		if cyc[n] {
			out[n.node] = true
			names = append(names, n.name)
		}
	}
	sort.Strings(names)
	return out, names
}

func (r *rewriter) callGraph() *callGraph {
	g := &callGraph{
		r: r, byDecl: map[*types.Func]*fnNode{}, byLit: map[*ast.FuncLit]*fnNode{},
		methods: map[string][]*fnNode{}, escaped: map[*fnNode]bool{}, called: map[ast.Expr]bool{},
	}
	info := r.p.info
	ast.Inspect(r.p.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			f, ok := info.Defs[n.Name].(*types.Func)
			if !ok || n.Body == nil {
				return true
			}
			fn := &fnNode{node: n, body: n.Body, name: declName(f)}
			g.nodes = append(g.nodes, fn)
			g.byDecl[f] = fn
			if n.Recv != nil {
				g.methods[f.Name()] = append(g.methods[f.Name()], fn)
			}
		case *ast.FuncLit:
			fn := &fnNode{node: n, body: n.Body, name: fmt.Sprintf("func literal at line %d", r.p.fset.Position(n.Pos()).Line)}
			g.nodes = append(g.nodes, fn)
			g.byLit[n] = fn
		case *ast.CallExpr:
			g.called[unparen(n.Fun)] = true
		}
		return true
	})
	g.findEscaped()
	for _, fn := range g.nodes {
		g.edgesOf(fn)
	}
	return g
}

// declName is "name" or "Type.method".
func declName(f *types.Func) string {
	name := f.Name()
	if recv := f.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := t.(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	return name
}

// findEscaped marks the functions whose value is taken anywhere in the
// file: literals not in call position, and declared functions or methods
// named other than as the callee of a call.
func (g *callGraph) findEscaped() {
	info := g.r.p.info
	ast.Inspect(g.r.p.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if !g.called[n] {
				g.escaped[g.byLit[n]] = true
			}
		case *ast.SelectorExpr:
			if g.called[n] {
				return true
			}
			if sel, ok := info.Selections[n]; ok {
				if f, ok := sel.Obj().(*types.Func); ok {
					g.escapeFunc(f)
				}
			}
		case *ast.Ident:
			if g.called[n] {
				return true
			}
			if f, ok := info.Uses[n].(*types.Func); ok {
				g.escapeFunc(f)
			}
		case *ast.IndexExpr: // f[int] as a value
			if !g.called[n] {
				g.escapeExpr(n.X)
			}
		case *ast.IndexListExpr:
			if !g.called[n] {
				g.escapeExpr(n.X)
			}
		}
		return true
	})
}

func (g *callGraph) escapeExpr(e ast.Expr) {
	if f := g.r.staticCallee(e); f != nil {
		g.escapeFunc(f)
	}
}

func (g *callGraph) escapeFunc(f *types.Func) {
	if fn := g.byDecl[f.Origin()]; fn != nil {
		g.escaped[fn] = true
		return
	}
	// A method of an interface (a method value taken from an interface
	// value) may be any method of that name.
	if recv := f.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		for _, m := range g.methods[f.Name()] {
			g.escaped[m] = true
		}
	}
}

// edgesOf records fn's calls: its body without the func literals inside
// it, which are nodes of their own.
func (g *callGraph) edgesOf(fn *fnNode) {
	ast.Inspect(fn.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			g.callEdge(fn, n)
		}
		return true
	})
}

func (g *callGraph) callEdge(fn *fnNode, call *ast.CallExpr) {
	info := g.r.p.info
	fun := unparen(call.Fun)
	if tv, ok := info.Types[fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
		return // a conversion or a builtin
	}
	if lit, ok := fun.(*ast.FuncLit); ok {
		fn.out = append(fn.out, g.byLit[lit])
		return
	}
	if f := g.r.staticCallee(fun); f != nil {
		if callee := g.byDecl[f]; callee != nil {
			fn.out = append(fn.out, callee)
			return
		}
		if f.Pkg() != g.r.p.pkg {
			fn.callsOut = fn.callsOut || mayCallBack(f.Signature())
			return
		}
	}
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal && types.IsInterface(s.Recv()) {
			fn.out = append(fn.out, g.methods[sel.Sel.Name]...)
			// An interface may hold another package's value too.
			if f, ok := s.Obj().(*types.Func); ok {
				fn.callsOut = fn.callsOut || mayCallBack(f.Signature())
			}
			return
		}
	}
	fn.callsVal = true
}

// mayCallBack reports whether a function of another package with this
// signature can be handed the program's code: a parameter or a receiver
// that holds an interface or a func (sync.Once.Do, sort.Slice,
// fmt.Println's ...any; not strings.Repeat or sync.Mutex.Lock).
func mayCallBack(sig *types.Signature) bool {
	if sig.Recv() != nil && holdsCode(sig.Recv().Type(), 0) {
		return true
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if holdsCode(sig.Params().At(i).Type(), 0) {
			return true
		}
	}
	return false
}

func holdsCode(t types.Type, depth int) bool {
	if depth > 4 {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Interface, *types.Signature:
		return true
	case *types.Pointer:
		return holdsCode(u.Elem(), depth+1)
	case *types.Slice:
		return holdsCode(u.Elem(), depth+1)
	case *types.Array:
		return holdsCode(u.Elem(), depth+1)
	case *types.Map:
		return holdsCode(u.Key(), depth+1) || holdsCode(u.Elem(), depth+1)
	case *types.Chan:
		return holdsCode(u.Elem(), depth+1)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if holdsCode(u.Field(i).Type(), depth+1) {
				return true
			}
		}
	}
	return false
}

// cycles returns the nodes on a cycle: those in a strongly connected
// component of more than one node, or calling themselves (Tarjan's
// algorithm; calls through func values and outside code go through two
// extra nodes, so the graph stays linear in the program's size).
func (g *callGraph) cycles() map[*fnNode]bool {
	val := &fnNode{name: "func values"}
	outside := &fnNode{name: "outside", out: []*fnNode{val}}
	for _, fn := range g.nodes {
		if g.escaped[fn] {
			val.out = append(val.out, fn)
		}
		if fn.callsVal {
			fn.out = append(fn.out, val)
		}
		if fn.callsOut {
			fn.out = append(fn.out, outside)
		}
	}
	for _, ms := range g.methods {
		outside.out = append(outside.out, ms...)
	}
	t := &tarjan{index: map[*fnNode]int{}, low: map[*fnNode]int{}, on: map[*fnNode]bool{}, cyc: map[*fnNode]bool{}}
	for _, fn := range append(g.nodes, val, outside) {
		if _, seen := t.index[fn]; !seen {
			t.visit(fn)
		}
	}
	delete(t.cyc, val)
	delete(t.cyc, outside)
	return t.cyc
}

type tarjan struct {
	n          int
	index, low map[*fnNode]int
	stack      []*fnNode
	on, cyc    map[*fnNode]bool
}

func (t *tarjan) visit(v *fnNode) {
	t.index[v], t.low[v] = t.n, t.n
	t.n++
	t.stack = append(t.stack, v)
	t.on[v] = true
	self := false
	for _, w := range v.out {
		if w == v {
			self = true
		}
		if _, seen := t.index[w]; !seen {
			t.visit(w)
			t.low[v] = min(t.low[v], t.low[w])
		} else if t.on[w] {
			t.low[v] = min(t.low[v], t.index[w])
		}
	}
	if t.low[v] != t.index[v] {
		return
	}
	i := len(t.stack) - 1
	for t.stack[i] != v {
		i--
	}
	scc := t.stack[i:]
	t.stack = t.stack[:i]
	for _, w := range scc {
		t.on[w] = false
		if len(scc) > 1 || self {
			t.cyc[w] = true
		}
	}
}
