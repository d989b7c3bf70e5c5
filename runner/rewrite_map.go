package runner

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Concurrent map access: the real runtime stops a program with "fatal
// error: concurrent map writes" when a goroutine writes a map while
// another is in the middle of a write to it (sim/maps.go). So, on several
// Ps, a write to a map that another goroutine may reach starts with a race
// window that knows the map, and reads check whether they met a write:
//
//	m[k] = v         if *__rt.Multi { __rt.MapWrite(m) }; m[k] = v
//	delete(m, k)     if *__rt.Multi { __rt.MapWrite(m) }; delete(m, k)
//	clear(m)         if *__rt.Multi { __rt.MapWrite(m) }; clear(m)
//	m[k]++, m[k] += e   the read-modify-write's window is __rt.MapWrite(__m) (rewrite_race.go)
//	x := m[k]        if *__rt.MapBusy { __rt.MapRead(m, false) }; x := m[k]
//	for k := range m { ... }
//	                 if *__rt.MapBusy { __rt.MapRead(m, true) }; for k := range m { if *__rt.MapBusy { __rt.MapRead(m, true) }; ... }
//
// On one P, Multi is false and a write costs one interpreted test; MapBusy
// is true only while an excursion from a map write is in progress (the
// shim clears it at the first read that finds none), so a read costs one
// interpreted test on any number of Ps.
//
// The window goes before the statement, which evaluates the key and the
// value after it; gc sets the map's writing flag after them, which makes
// no difference unless they block. The map operand is evaluated twice, so
// it must be pure (a variable, a field, an index expression...): m[k] = v
// and s.m[k] = v get a window, f()[k] = v does not. Only statements in a
// statement list are checked, and in if, switch and for statements only
// the init statement (or the condition or tag of one without): a map read
// in a loop condition or after an if's init statement is not checked.
//
// A map may be reached by another goroutine unless it is held by a local
// variable that no closure captures and nobody addresses, which only ever
// holds a map made right there (make, a composite literal, nil), and is
// only indexed, ranged over, passed to len, delete or clear, or compared:
// a map parameter, or a map passed to a function or stored anywhere, may
// be shared. Such private maps get no window and no check.

// privateMaps returns the local map variables whose maps no other
// goroutine can reach (see above).
func (r *rewriter) privateMaps(escaping map[*types.Var]bool) map[*types.Var]bool {
	priv := map[*types.Var]bool{}
	ast.PreorderStack(r.p.file, nil, func(n ast.Node, stack []ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || len(stack) == 0 {
			return true
		}
		v, ok := r.p.info.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() || escaping[v] || v.Parent() == nil || v.Parent() == r.p.pkg.Scope() {
			return true
		}
		if _, isMap := coreType(v.Type()).(*types.Map); !isMap {
			return true
		}
		keeps := r.keepsMapIn(id, stack[len(stack)-1])
		if was, seen := priv[v]; seen {
			keeps = keeps && was
		}
		priv[v] = keeps
		return true
	})
	return priv
}

// keepsMapIn reports whether the use or definition id of a map variable,
// whose parent node is parent, keeps the map to the variable: it indexes
// it, ranges over it, passes it to len, delete or clear, compares it, or
// gives the variable a fresh map.
func (r *rewriter) keepsMapIn(id *ast.Ident, parent ast.Node) bool {
	switch p := parent.(type) {
	case *ast.IndexExpr:
		return p.X == id
	case *ast.RangeStmt:
		return p.X == id
	case *ast.BinaryExpr:
		return p.Op == token.EQL || p.Op == token.NEQ
	case *ast.CallExpr:
		fn, ok := unparen(p.Fun).(*ast.Ident)
		if !ok || len(p.Args) == 0 || p.Args[0] != id {
			return false
		}
		b, ok := r.p.info.Uses[fn].(*types.Builtin)
		return ok && (b.Name() == "len" || b.Name() == "delete" || b.Name() == "clear")
	case *ast.AssignStmt:
		for i, l := range p.Lhs {
			if l == id {
				return len(p.Lhs) == len(p.Rhs) && r.freshMap(p.Rhs[i])
			}
		}
	case *ast.ValueSpec:
		for i, n := range p.Names {
			if n == id {
				return len(p.Values) == 0 || len(p.Values) == len(p.Names) && r.freshMap(p.Values[i])
			}
		}
	}
	return false
}

// freshMap reports whether e makes a new map, or is nil.
func (r *rewriter) freshMap(e ast.Expr) bool {
	switch e := unparen(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		fn, ok := unparen(e.Fun).(*ast.Ident)
		if !ok {
			return false
		}
		b, ok := r.p.info.Uses[fn].(*types.Builtin)
		return ok && b.Name() == "make"
	}
	tv, ok := r.p.info.Types[e]
	return ok && tv.IsNil()
}

// mapShared reports whether the map x may be reached by another goroutine.
func (r *rewriter) mapShared(x ast.Expr) bool {
	if id, ok := unparen(x).(*ast.Ident); ok {
		if v, ok := r.p.info.ObjectOf(id).(*types.Var); ok && r.privMaps[v] {
			return false
		}
	}
	return true
}

// mapIndex returns e as an index expression on a map, or nil.
func (r *rewriter) mapIndex(e ast.Expr) *ast.IndexExpr {
	ix, ok := unparen(e).(*ast.IndexExpr)
	if !ok {
		return nil
	}
	if _, isMap := coreType(r.typeOf(ix.X)).(*types.Map); !isMap {
		return nil
	}
	return ix
}

// isMapExpr reports whether e has a map type.
func (r *rewriter) isMapExpr(e ast.Expr) bool {
	_, ok := coreType(r.typeOf(e)).(*types.Map)
	return ok
}

// mapAccesses adds the windows and checks of the map accesses of every
// statement list.
func (r *rewriter) mapAccesses() {
	ast.Inspect(r.p.file, func(n ast.Node) bool {
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		case *ast.RangeStmt:
			r.mapIterStep(n)
		}
		for _, s := range list {
			r.mapStmt(s)
		}
		return true
	})
}

// mapStmtPrio orders the checks inserted before a statement after the
// hoisted bounds checks (10 on), which may check the map operand's own
// index expressions.
const mapStmtPrio = 1 << 30

// mapStmt inserts before s, a statement of a list, the checks of the maps
// it reads or ranges over, then the windows of those it writes.
func (r *rewriter) mapStmt(s ast.Stmt) {
	at := s.Pos()
	for l, ok := s.(*ast.LabeledStmt); ok; l, ok = s.(*ast.LabeledStmt) {
		s = l.Stmt // the checks go before the label, which labels s
	}
	var reads, iters, writes []ast.Expr
	target := map[*ast.IndexExpr]bool{} // written, not read
	switch s := s.(type) {
	case *ast.AssignStmt:
		for _, l := range s.Lhs {
			if ix := r.mapIndex(l); ix != nil {
				target[ix] = true
				if s.Tok == token.ASSIGN {
					writes = append(writes, ix.X)
				} // op= is a read-modify-write: raceRMW's window
			}
		}
	case *ast.IncDecStmt:
		if ix := r.mapIndex(s.X); ix != nil {
			target[ix] = true
		}
	case *ast.ExprStmt:
		if c, ok := unparen(s.X).(*ast.CallExpr); ok && len(c.Args) > 0 && r.isMapExpr(c.Args[0]) {
			if fn, ok := unparen(c.Fun).(*ast.Ident); ok {
				if b, ok := r.p.info.Uses[fn].(*types.Builtin); ok && (b.Name() == "delete" || b.Name() == "clear") {
					writes = append(writes, c.Args[0])
				}
			}
		}
	case *ast.RangeStmt:
		if r.isMapExpr(s.X) {
			iters = append(iters, s.X)
		}
	}
	for _, root := range stmtRoots(s) {
		ast.Inspect(root, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.IndexExpr:
				if ix := r.mapIndex(n); ix != nil && !target[ix] {
					reads = append(reads, ix.X)
				}
			}
			return true
		})
	}
	var ps []any
	seen := map[string]bool{}
	add := func(xs []ast.Expr, before, after string) {
		for _, x := range xs {
			key := before + types.ExprString(x) + after
			if seen[key] || !r.pure(x) || !r.mapShared(x) {
				continue
			}
			seen[key] = true
			ps = append(ps, before, x, after)
		}
	}
	add(reads, "if *"+rtName+".MapBusy { "+rtName+".MapRead(", ", false) }; ")
	add(iters, "if *"+rtName+".MapBusy { "+rtName+".MapRead(", ", true) }; ")
	add(writes, "if *"+rtName+".Multi { "+rtName+".MapWrite(", ") }; ")
	if len(ps) > 0 {
		r.insertParts(at, mapStmtPrio, ps)
	}
}

// mapIterStep checks each step of a range loop over a shared map, at the
// top of the body, before its tick, when the map operand is pure and the
// body changes none of its variables (the loop's own variables must not
// hide them either).
func (r *rewriter) mapIterStep(rs *ast.RangeStmt) {
	if !r.isMapExpr(rs.X) || !r.pure(rs.X) || !r.mapShared(rs.X) {
		return
	}
	var vs []*types.Var
	hidden := false
	ast.Inspect(rs.X, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := r.p.info.Uses[id].(*types.Var); ok {
				vs = append(vs, v)
			}
			for _, lv := range []ast.Expr{rs.Key, rs.Value} {
				if l, ok := lv.(*ast.Ident); ok && l.Name == id.Name {
					hidden = true
				}
			}
		}
		return true
	})
	if hidden || r.assigns(rs.Body, vs...) {
		return
	}
	r.insertParts(rs.Body.Lbrace+1, -1, parts(" if *"+rtName+".MapBusy { "+rtName+".MapRead(", rs.X, ", true) };"))
}
