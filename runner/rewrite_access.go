package runner

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Memory accesses for the race detector (Options.Race): before each
// statement of a statement list, a call of the shim reports the reads and
// writes that the statement makes of memory another goroutine may reach,
// with the statement's place, and the simulator's detector (sim's
// racedetect.go) decides with happens-before whether two of them race.
//
//	counter++          __rt.RaceRW(&counter, 3, 4); counter++
//	p.n = v            if p != nil { __rt.RaceW(&p.n, 5) }; p.n = v
//	s[i] = 1           if uint(i) < uint(len(s)) { __rt.RaceW(&s[i], 6) }; s[i] = 1
//	m[k] = v           __rt.RaceMW(m, 7); m[k] = v
//	x = <-ch           x = <-ch; __rt.RaceW(&x, 8)
//
// A location is a variable, a field, an element of a slice or array (by
// address), or a whole map, as the race runtime treats map accesses. What
// a statement reads is reported before it, except what it reads after a
// receive or a call (fmt.Println(<-done, x)): that, and everything it
// writes when it receives or calls, is reported after it, so that the
// access comes after the synchronisation the statement makes, as in gc.
// The guards keep the report from panicking where the statement itself
// will, with its own message. Only what is reached by names, fields,
// indexes of names and constants, and pointers is reported: an access
// through a call's result (f().x = 1) is not.
//
// Each call passes a site, the index of the access's line, column and
// function in Prepared.Sites; a go statement first reports its own site
// (__rt.RaceGo), where its goroutine was created.

// Site is the place of an access or go statement, for race reports.
type Site struct {
	Line, Col int
	// Func is the function, named as gc names it in tracebacks:
	// main.main, main.main.func1, main.(*T).m.
	Func string
	// Expr is what is accessed, as written (total, s.count, seen), or
	// "" for a go statement.
	Expr string
}

type accessKind uint8

const (
	accRead accessKind = iota
	accWrite
	accMapRead
	accMapWrite
	accAcquire // a sync/atomic load: place is the pointer
	accRelease // a store
	accAcqRel  // a read-modify-write
	accReadWrite
)

type access struct {
	place ast.Expr
	kind  accessKind
	after bool
}

// gather collects the accesses of one statement.
type gather struct {
	r        *rewriter
	escaping map[*types.Var]bool
	written  map[*types.Var]bool // variables written after their declaration
	lo, hi   token.Pos           // the statement: variables declared in it are skipped
	synced   bool                // a receive or call was evaluated
	out      []access
}

// raceAccesses instruments every statement list of the file.
func (r *rewriter) raceAccesses(escaping map[*types.Var]bool) {
	names := r.funcNames()
	written := r.writtenVars()
	var fns []string
	var stack []ast.Node
	ast.Inspect(r.p.file, func(n ast.Node) bool {
		if n == nil {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if _, ok := names[top]; ok {
				fns = fns[:len(fns)-1]
			}
			return true
		}
		stack = append(stack, n)
		if name, ok := names[n]; ok {
			fns = append(fns, name)
		}
		if len(fns) == 0 {
			return true
		}
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		}
		for _, s := range list {
			r.instrumentStmt(s, fns[len(fns)-1], escaping, written)
		}
		return true
	})
}

// funcNames names every function declaration and literal as gc does:
// literals are numbered in order within the function around them,
// main.main.func1, and within a literal, main.main.func1.1.
func (r *rewriter) funcNames() map[ast.Node]string {
	names := map[ast.Node]string{}
	var lits func(n ast.Node, prefix, sep string)
	lits = func(n ast.Node, prefix, sep string) {
		k := 0
		ast.Inspect(n, func(m ast.Node) bool {
			if m == n {
				return true
			}
			if fl, ok := m.(*ast.FuncLit); ok {
				k++
				name := fmt.Sprintf("%s%s%d", prefix, sep, k)
				names[fl] = name
				lits(fl.Body, name, ".")
				return false
			}
			return true
		})
	}
	for _, d := range r.p.file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		name := "main." + fd.Name.Name
		if fd.Recv != nil && len(fd.Recv.List) == 1 {
			t := fd.Recv.List[0].Type
			if ix, ok := t.(*ast.IndexExpr); ok {
				t = ix.X
			}
			if st, ok := t.(*ast.StarExpr); ok {
				base := st.X
				if ix, ok := base.(*ast.IndexExpr); ok {
					base = ix.X
				}
				name = fmt.Sprintf("main.(*%s).%s", types.ExprString(base), fd.Name.Name)
			} else {
				name = fmt.Sprintf("main.%s.%s", types.ExprString(t), fd.Name.Name)
			}
		}
		names[fd] = name
		lits(fd.Body, name, ".func")
	}
	return names
}

// site records a place and returns its index.
func (r *rewriter) site(pos token.Pos, fn, expr string) int {
	p := r.p.fset.Position(pos)
	r.sites = append(r.sites, Site{Line: p.Line, Col: p.Column, Func: fn, Expr: expr})
	return len(r.sites) - 1
}

// instrumentStmt reports the accesses of s, one statement of a list.
func (r *rewriter) instrumentStmt(s ast.Stmt, fn string, escaping, written map[*types.Var]bool) {
	at := s.Pos()
	if l, ok := s.(*ast.LabeledStmt); ok {
		s = l.Stmt
	}
	g := &gather{r: r, escaping: escaping, written: written, lo: s.Pos(), hi: s.End()}
	canAfter := false
	switch s := s.(type) {
	case *ast.ExprStmt:
		g.expr(s.X, accRead)
		canAfter = at == s.Pos()
		if r.isWaitGroupGo(s.X) {
			r.insert(at, 1, fmt.Sprintf("%s.RaceGo(%d); ", rtName, r.site(s.Pos(), fn, "")))
		}
	case *ast.SendStmt:
		g.expr(s.Chan, accRead)
		g.expr(s.Value, accRead)
	case *ast.IncDecStmt:
		g.place(s.X, true, true)
		canAfter = at == s.Pos()
	case *ast.AssignStmt:
		g.assign(s)
		canAfter = at == s.Pos()
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, sp := range gd.Specs {
				for _, v := range sp.(*ast.ValueSpec).Values {
					g.expr(v, accRead)
				}
			}
		}
	case *ast.GoStmt:
		g.call(s.Call, false)
		r.insert(at, 1, fmt.Sprintf("%s.RaceGo(%d); ", rtName, r.site(s.Pos(), fn, "")))
	case *ast.DeferStmt:
		g.call(s.Call, false)
	case *ast.ReturnStmt:
		for _, e := range s.Results {
			g.expr(e, accRead)
		}
	case *ast.IfStmt:
		g.init(s.Init)
		g.expr(s.Cond, accRead)
	case *ast.SwitchStmt:
		g.init(s.Init)
		if s.Tag != nil {
			g.expr(s.Tag, accRead)
		}
	case *ast.TypeSwitchStmt:
		g.init(s.Init)
		g.init(s.Assign)
	case *ast.ForStmt:
		g.init(s.Init)
		if s.Cond != nil {
			// The condition's last evaluation ends the loop: its
			// accesses (an atomic load that sees a flag) are reported
			// after the loop as well.
			n := len(g.out)
			g.expr(s.Cond, accRead)
			for _, a := range g.out[n:] {
				a.after = true
				g.out = append(g.out, a)
			}
			canAfter = at == s.Pos()
		}
	case *ast.RangeStmt:
		if _, ok := coreType(r.typeOf(s.X)).(*types.Map); ok {
			g.mapAccess(s.X, false)
		}
		g.expr(s.X, accRead)
	}
	var before, after []string
	for i := 0; i < len(g.out); i++ {
		a := g.out[i]
		if i+1 < len(g.out) && a.kind == accRead {
			b := g.out[i+1]
			same := b.place == a.place || types.ExprString(b.place) == types.ExprString(a.place)
			if b.kind == accWrite && same && b.after == a.after {
				// x++, x op= e, x = x + 1: one call for the read and the
				// write.
				a.kind = accReadWrite
				i++
			}
		}
		call := r.accessCall(a, fn)
		if call == "" {
			continue
		}
		if a.after && canAfter {
			after = append(after, call)
		} else {
			before = append(before, call)
		}
	}
	if len(before) > 0 {
		r.insert(at, 2, strings.Join(before, "; ")+"; ")
	}
	if len(after) > 0 {
		r.insert(s.End(), 2, "; "+strings.Join(after, "; "))
	}
}

func (g *gather) init(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.AssignStmt:
		g.assign(s)
	case *ast.ExprStmt:
		g.expr(s.X, accRead)
	case *ast.IncDecStmt:
		g.place(s.X, true, true)
	}
}

func (g *gather) assign(s *ast.AssignStmt) {
	for _, e := range s.Rhs {
		g.expr(e, accRead)
	}
	for _, e := range s.Lhs {
		if id, ok := e.(*ast.Ident); ok && (id.Name == "_" || g.r.p.info.Defs[id] != nil) {
			continue // a new variable: nobody else has it yet
		}
		switch s.Tok {
		case token.ASSIGN, token.DEFINE:
			g.place(e, false, true)
		default:
			g.place(e, true, true)
		}
	}
}

// add records an access; writes and anything after a receive or call go
// after the statement.
func (g *gather) add(e ast.Expr, k accessKind) {
	after := g.synced
	g.out = append(g.out, access{place: e, kind: k, after: after})
}

// place records the access of the storage e denotes, read, written or
// both, and the reads its operands make.
func (g *gather) place(e ast.Expr, read, write bool) {
	e = unparen(e)
	if ix, ok := e.(*ast.IndexExpr); ok {
		if _, isMap := coreType(g.r.typeOf(ix.X)).(*types.Map); isMap {
			g.expr(ix.X, accRead)
			g.expr(ix.Index, accRead)
			g.mapAccess(ix.X, write)
			return
		}
	}
	g.operands(e)
	if !g.shared(e) {
		return
	}
	if read {
		g.add(e, accRead)
	}
	if write {
		g.add(e, accWrite)
	}
}

func (g *gather) mapAccess(m ast.Expr, write bool) {
	k := accMapRead
	if write {
		k = accMapWrite
	}
	g.add(m, k)
}

// operands records the reads made to find the storage e denotes: the
// pointers followed, the slices and indexes.
func (g *gather) operands(e ast.Expr) {
	switch e := unparen(e).(type) {
	case *ast.SelectorExpr:
		if sel, ok := g.r.p.info.Selections[e]; ok && sel.Kind() == types.FieldVal {
			if isPointer(g.r.typeOf(e.X)) {
				g.expr(e.X, accRead)
			} else {
				g.operands(e.X)
			}
		}
	case *ast.IndexExpr:
		if _, arr := coreType(g.r.typeOf(e.X)).(*types.Array); arr {
			g.operands(e.X)
		} else {
			g.expr(e.X, accRead)
		}
		g.expr(e.Index, accRead)
	case *ast.StarExpr:
		g.expr(e.X, accRead)
	}
}

// shared reports whether e's storage may be reached by another goroutine,
// leaving out variables declared in the statement itself.
//
// Storage inside a variable that is never written after its declaration
// (sums in sums[p] += i reads the slice sums, never written) is left out:
// its initialisation happens before any other goroutine can see it, so
// no access to it can race.
func (g *gather) shared(e ast.Expr) bool {
	if id, ok := e.(*ast.Ident); ok {
		v, ok := g.r.p.info.ObjectOf(id).(*types.Var)
		if !ok || id.Name == "_" || (v.Pos() >= g.lo && v.Pos() < g.hi) {
			return false
		}
	}
	if v := g.r.rootVar(e); v != nil && !g.written[v] {
		return false
	}
	return g.r.mayShare(e, g.escaping)
}

// writtenVars returns the variables written after their declaration:
// assigned, incremented, ranged into, or whose address is taken (written
// through a pointer, maybe), as a whole or a field or array element. A
// for loop's post statement writes its own variables before the next
// iteration's copy can be seen (Go 1.22's per-iteration variables): that
// does not count.
func (r *rewriter) writtenVars() map[*types.Var]bool {
	out := map[*types.Var]bool{}
	var post ast.Stmt    // the post statement being walked
	var lo, hi token.Pos // its loop's init statement
	mark := func(e ast.Expr) {
		if v := r.rootVar(e); v != nil && (post == nil || v.Pos() < lo || v.Pos() >= hi) {
			out[v] = true
		}
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if f, ok := n.(*ast.ForStmt); ok && f.Post != nil && f.Init != nil {
			post, lo, hi = f.Post, f.Init.Pos(), f.Init.End()
			ast.Inspect(f.Post, func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.AssignStmt:
					for _, l := range m.Lhs {
						mark(l)
					}
				case *ast.IncDecStmt:
					mark(m.X)
				}
				return true
			})
			post = nil
			for _, c := range []ast.Node{f.Init, f.Cond, f.Body} {
				if c != nil {
					ast.Inspect(c, visit)
				}
			}
			return false
		}
		return r.markWrites(n, mark)
	}
	ast.Inspect(r.p.file, visit)
	return out
}

// markWrites marks what node n writes, for writtenVars.
func (r *rewriter) markWrites(n ast.Node, mark func(ast.Expr)) bool {
	{
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && n.Tok == token.DEFINE && r.p.info.Defs[id] != nil {
					continue
				}
				mark(l)
			}
		case *ast.IncDecStmt:
			mark(n.X)
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if e != nil {
						mark(e)
					}
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				mark(n.X)
			}
		case *ast.SliceExpr:
			mark(n.X) // an array sliced: written through the slice, maybe
		case *ast.SelectorExpr:
			if sel, ok := r.p.info.Selections[n]; ok && sel.Kind() == types.MethodVal {
				if f, ok := sel.Obj().(*types.Func); ok && isPointer(f.Signature().Recv().Type()) && !isPointer(r.typeOf(n.X)) {
					mark(n.X)
				}
			}
		}
		return true
	}
}

func isPointer(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// expr records the accesses of evaluating e for its value.
func (g *gather) expr(e ast.Expr, k accessKind) {
	switch e := e.(type) {
	case *ast.Ident:
		g.place(e, true, false)
	case *ast.ParenExpr:
		g.expr(e.X, k)
	case *ast.SelectorExpr:
		sel, ok := g.r.p.info.Selections[e]
		if !ok {
			return // a qualified identifier
		}
		switch sel.Kind() {
		case types.FieldVal:
			g.place(e, true, false)
		default:
			g.recv(e.X, sel)
		}
	case *ast.IndexExpr:
		switch coreType(g.r.typeOf(e.X)).(type) {
		case *types.Map, *types.Slice, *types.Array, *types.Pointer:
			g.place(e, true, false)
		default:
			g.expr(e.X, accRead)
			g.expr(e.Index, accRead)
		}
	case *ast.StarExpr:
		g.place(e, true, false)
	case *ast.UnaryExpr:
		switch e.Op {
		case token.AND:
			g.operands(e.X)
		case token.ARROW:
			g.expr(e.X, accRead)
			g.synced = true
		default:
			g.expr(e.X, accRead)
		}
	case *ast.BinaryExpr:
		g.expr(e.X, accRead)
		g.expr(e.Y, accRead)
	case *ast.CallExpr:
		g.call(e, true)
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if _, isMap := coreType(g.r.typeOf(e)).(*types.Map); isMap {
					g.expr(kv.Key, accRead)
				}
				el = kv.Value
			}
			g.expr(el, accRead)
		}
	case *ast.SliceExpr:
		if _, arr := coreType(g.r.typeOf(e.X)).(*types.Array); arr {
			g.operands(e.X)
		} else {
			g.expr(e.X, accRead)
		}
		for _, x := range []ast.Expr{e.Low, e.High, e.Max} {
			if x != nil {
				g.expr(x, accRead)
			}
		}
	case *ast.TypeAssertExpr:
		g.expr(e.X, accRead)
	case *ast.KeyValueExpr:
		g.expr(e.Value, accRead)
	}
}

// recv records what a method value or call reads of its receiver: a
// pointer method on an addressable value takes its address, a value
// method copies it.
func (g *gather) recv(x ast.Expr, sel *types.Selection) {
	f, _ := sel.Obj().(*types.Func)
	if f == nil {
		return
	}
	recv := f.Signature().Recv()
	if recv != nil && isPointer(recv.Type()) && !isPointer(g.r.typeOf(x)) {
		g.operands(x)
		return
	}
	g.expr(x, accRead)
}

// call records the accesses of a call: its function and arguments are
// evaluated, then (unless deferred or started with go) the call runs and
// may synchronise.
func (g *gather) call(c *ast.CallExpr, runs bool) {
	if g.atomic(c) {
		return
	}
	if tv, ok := g.r.p.info.Types[c.Fun]; ok && tv.IsType() {
		for _, a := range c.Args {
			g.expr(a, accRead)
		}
		return
	}
	if id, ok := unparen(c.Fun).(*ast.Ident); ok {
		if b, ok := g.r.p.info.Uses[id].(*types.Builtin); ok {
			g.builtin(b.Name(), c)
			return
		}
	}
	if _, lit := c.Fun.(*ast.FuncLit); !lit {
		g.expr(c.Fun, accRead)
	}
	for _, a := range c.Args {
		g.expr(a, accRead)
	}
	if runs {
		g.synced = true
	}
}

func (g *gather) builtin(name string, c *ast.CallExpr) {
	switch name {
	case "delete", "clear":
		if len(c.Args) > 0 {
			if _, isMap := coreType(g.r.typeOf(c.Args[0])).(*types.Map); isMap {
				g.expr(c.Args[0], accRead)
				for _, a := range c.Args[1:] {
					g.expr(a, accRead)
				}
				g.mapAccess(c.Args[0], true)
				return
			}
		}
	case "len", "cap":
		// len of a map or channel reads no element.
		if len(c.Args) == 1 {
			switch coreType(g.r.typeOf(c.Args[0])).(type) {
			case *types.Map, *types.Chan:
				if id, ok := unparen(c.Args[0]).(*ast.Ident); ok {
					g.place(id, true, false)
				}
				return
			}
		}
	case "panic", "print", "println", "recover":
		for _, a := range c.Args {
			g.expr(a, accRead)
		}
		return
	}
	for _, a := range c.Args {
		g.expr(a, accRead)
	}
}

// accessCall returns the shim call that reports a, guarded so that it
// cannot panic, or "" when a's place cannot be written out safely.
func (r *rewriter) accessCall(a access, fn string) string {
	place := a.place
	addr := false
	if a.kind == accAcquire || a.kind == accRelease || a.kind == accAcqRel {
		if u, ok := unparen(place).(*ast.UnaryExpr); ok && u.Op == token.AND {
			place, addr = u.X, true
		} else if !isPointer(r.typeOf(place)) {
			addr = true
		}
	}
	text, guards, ok := r.safePath(place)
	if !ok {
		return ""
	}
	if addr {
		text = "&" + text
	}
	var call string
	site := r.site(a.place.Pos(), fn, types.ExprString(a.place))
	switch a.kind {
	case accRead:
		call = fmt.Sprintf("%s.RaceR(&%s, %d)", rtName, text, site)
	case accWrite:
		call = fmt.Sprintf("%s.RaceW(&%s, %d)", rtName, text, site)
	case accReadWrite:
		call = fmt.Sprintf("%s.RaceRW(&%s, %d, %d)", rtName, text, site, r.site(a.place.Pos(), fn, types.ExprString(a.place)))
	case accMapRead:
		call = fmt.Sprintf("%s.RaceMR(%s, %d)", rtName, text, site)
	case accMapWrite:
		call = fmt.Sprintf("%s.RaceMW(%s, %d)", rtName, text, site)
	case accAcquire:
		call = fmt.Sprintf("%s.RaceAcq(%s)", rtName, text)
	case accRelease:
		call = fmt.Sprintf("%s.RaceRel(%s)", rtName, text)
	case accAcqRel:
		call = fmt.Sprintf("%s.RaceAcqRel(%s)", rtName, text)
	}
	if len(guards) > 0 {
		call = "if " + strings.Join(guards, " && ") + " { " + call + " }"
	}
	return call
}

// safePath writes e out as text that denotes the same storage where the
// statement is, with the conditions under which evaluating it cannot
// panic: each pointer followed is not nil, each index is in range.
func (r *rewriter) safePath(e ast.Expr) (text string, guards []string, ok bool) {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return r.safePath(e.X)
	case *ast.Ident:
		if _, isVar := r.p.info.ObjectOf(e).(*types.Var); !isVar {
			return "", nil, false
		}
		return e.Name, nil, true
	case *ast.SelectorExpr:
		sel, isSel := r.p.info.Selections[e]
		if !isSel || sel.Kind() != types.FieldVal {
			return "", nil, false
		}
		base, guards, ok := r.safePath(e.X)
		if !ok {
			return "", nil, false
		}
		// A promoted field is written out through its embedded fields,
		// each pointer among them guarded: a.x with *B embedded in A is
		// a.B.x, if a != nil && a.B != nil.
		t := r.typeOf(e.X)
		for _, ix := range sel.Index() {
			if p, ok := t.Underlying().(*types.Pointer); ok {
				guards = append(guards, base+" != nil")
				t = p.Elem()
			}
			st, ok := t.Underlying().(*types.Struct)
			if !ok {
				return "", nil, false
			}
			f := st.Field(ix)
			base += "." + f.Name()
			t = f.Type()
		}
		return base, guards, true
	case *ast.IndexExpr:
		base, guards, ok := r.safePath(e.X)
		if !ok || !r.pureIndex(e.Index) {
			return "", nil, false
		}
		switch coreType(r.typeOf(e.X)).(type) {
		case *types.Map:
			return "", nil, false
		case *types.Pointer:
			guards = append(guards, base+" != nil")
		}
		idx := types.ExprString(e.Index)
		guards = append(guards, fmt.Sprintf("uint(%s) < uint(len(%s))", idx, base))
		return base + "[" + idx + "]", guards, true
	case *ast.StarExpr:
		base, guards, ok := r.safePath(e.X)
		if !ok {
			return "", nil, false
		}
		return "(*" + base + ")", append(guards, base+" != nil"), true
	}
	return "", nil, false
}

// pureIndex reports whether an index can be evaluated again without
// effect or panic: names, constants and arithmetic on them.
func (r *rewriter) pureIndex(e ast.Expr) bool {
	switch e := unparen(e).(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		switch r.p.info.ObjectOf(e).(type) {
		case *types.Var, *types.Const:
			return true
		}
	case *ast.BinaryExpr:
		if e.Op == token.QUO || e.Op == token.REM {
			return false
		}
		return r.pureIndex(e.X) && r.pureIndex(e.Y)
	}
	return false
}

// atomic records a call of sync/atomic as the synchronisation it is: a
// load acquires at the address, a store releases, the others do both. It
// reports whether c was such a call.
func (g *gather) atomic(c *ast.CallExpr) bool {
	var f *types.Func
	var target ast.Expr
	switch fun := unparen(c.Fun).(type) {
	case *ast.SelectorExpr:
		if sel, ok := g.r.p.info.Selections[fun]; ok {
			f, _ = sel.Obj().(*types.Func)
			target = fun.X
		} else if obj, ok := g.r.p.info.Uses[fun.Sel].(*types.Func); ok && len(c.Args) > 0 {
			f, target = obj, c.Args[0]
		}
	}
	if f == nil || f.Pkg() == nil || f.Pkg().Path() != "sync/atomic" {
		return false
	}
	for _, a := range c.Args {
		if a != target {
			g.expr(a, accRead)
		}
	}
	k := accAcqRel
	switch {
	case strings.HasPrefix(f.Name(), "Load"):
		k = accAcquire
	case strings.HasPrefix(f.Name(), "Store"):
		k = accRelease
	}
	g.out = append(g.out, access{place: target, kind: k})
	return true
}

// isWaitGroupGo reports whether e is a call of sync.WaitGroup's Go
// method, which starts a goroutine as a go statement does.
func (r *rewriter) isWaitGroupGo(e ast.Expr) bool {
	c, ok := unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Go" {
		return false
	}
	s, ok := r.p.info.Selections[sel]
	if !ok {
		return false
	}
	f, ok := s.Obj().(*types.Func)
	return ok && f.Pkg() != nil && f.Pkg().Path() == "sync"
}
