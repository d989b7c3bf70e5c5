package runner

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Race windows: an unsynchronised read-modify-write of a variable that
// another goroutine may reach, x++, x--, x op= e, becomes a load, a call
// of the shim, __rt.Race(), and a store, so that on several Ps another
// goroutine can store in between and an update is lost, as on a real
// multi-core machine (sim/race.go says when the window switches). Memory
// is yaegi's own, in the order the simulator runs the goroutines, so a
// read-modify-write under a Mutex stays whole: whoever wants the lock
// during the window waits for it.
//
// A variable may be shared when it is declared at package level, when a
// func literal captures it or its address is taken (escapingVars), or when
// it is reached through a pointer, a slice or a map: p.n++, *p += 2,
// s[i]++, m[k]++. A local variable that no closure captures and nobody
// addresses keeps its plain x++: no other goroutine can see it.
//
// What the statement evaluates is evaluated once, in gc's order: the
// operands of the target (index expressions, pointers) and the right-hand
// side's calls first, then the load (gc calls f before it loads x in
// x += f()), the window, the store:
//
//	x++             { __v1 := x; W; x = __v1 + 1 }
//	x += f()        { __e2 := f(); __v1 := x; W; x = __v1 + __e2 }
//	x += n          { __v1 := x; W; x = __v1 + (n) }     n local, unshared
//	a[g()] -= 2     { __p3 := &a[g()]; __v1 := *__p3; W; *__p3 = __v1 - (2) }
//	m[k] *= h()     { __m4, __k5 := m, k; __e2 := h(); __v1 := __m4[__k5]; W; __m4[__k5] = __v1 * __e2 }
//
// The window is written W above; in the program it reads
// if *__rt.Multi { __rt.Race() }: a compiled call costs yaegi about 300ns,
// more than the increment, and on one P, where a window never switches,
// Multi is false and the call is skipped. The window of a map entry's
// update is a map write, __rt.MapWrite(__m4), where another goroutine's
// access to the same map is fatal, and an entry of a map that only this
// goroutine can reach gets none (rewrite_map.go).
//
// x = e where e reads x (x = x + 1) is split the same way (raceAssign).
// Only a statement in a statement list is split; one in a for post or an
// if, switch or for init statement keeps its plain form, with no window.

// raceRMW splits s, an x++, x-- or x op= e statement, around a race window
// when its target may be shared. stack ends with s.
func (r *rewriter) raceRMW(s ast.Stmt, stack []ast.Node, escaping map[*types.Var]bool) {
	var lhs, rhs ast.Expr
	var op string
	switch s := s.(type) {
	case *ast.IncDecStmt:
		lhs, op = s.X, "+"
		if s.Tok == token.DEC {
			op = "-"
		}
	case *ast.AssignStmt:
		if len(s.Lhs) != 1 || len(s.Rhs) != 1 {
			return
		}
		if s.Tok == token.ASSIGN {
			r.raceAssign(s, stack, escaping)
			return
		}
		if !isOpAssign(s.Tok) {
			return
		}
		lhs, rhs, op = s.Lhs[0], s.Rhs[0], strings.TrimSuffix(s.Tok.String(), "=")
	default:
		return
	}
	lhs = unparen(lhs)
	if !inStmtList(stack) || !r.mayShare(lhs, escaping) {
		return
	}
	v := r.fresh("v")
	var pre, load, store []any // parts: the evaluations, the load, the store's target
	_, isID := lhs.(*ast.Ident)
	ix, isMap := lhs.(*ast.IndexExpr)
	if isMap {
		_, isMap = coreType(r.typeOf(ix.X)).(*types.Map)
	}
	if isMap && !r.mapShared(ix.X) {
		return // a map only this goroutine can reach (rewrite_map.go)
	}
	window := rtName + ".Race()"
	switch {
	case isID:
		load, store = parts(lhs), parts(lhs)
	case isMap:
		m, k := r.fresh("m"), r.fresh("k")
		key := parts(k)
		if r.constOrNil(ix.Index) {
			key = parts("(", ix.Index, ")")
			pre = parts(m+" := ", ix.X, "; ")
		} else {
			pre = parts(m+", "+k+" := ", ix.X, ", ", ix.Index, "; ")
		}
		load = append(parts(m+"["), append(key, "]")...)
		store = load
		window = rtName + ".MapWrite(" + m + ")" // a map write (rewrite_map.go)
	default:
		pre, store = r.addressed(lhs)
		load = store
	}
	operand := parts("1")
	if rhs != nil {
		if r.constOrNil(rhs) || r.localVar(rhs, escaping) != nil {
			// Nothing can change it during the window: no temporary.
			operand = parts("(", rhs, ")")
		} else {
			e := r.fresh("e")
			pre = append(pre, parts(e+" := ", rhs, "; ")...)
			operand = parts(e)
		}
	}
	r.replaceNode(s, func() []any {
		out := parts("{ ")
		out = append(out, pre...)
		out = append(out, v+" := ")
		out = append(out, load...)
		out = append(out, "; if *"+rtName+".Multi { "+window+" }; ")
		out = append(out, store...)
		out = append(out, " = "+v+" "+op+" ")
		out = append(out, operand...)
		return append(out, padHere+" }")
	})
}

// raceAssign splits x = e around a race window when e reads x and x may be
// shared: x = x + 1 is counter++ written out, and loses updates the same
// way. e is evaluated (the load) into a temporary of x's type, then the
// window, then the store; the target's operands are evaluated once,
// before e, as gc evaluates them:
//
//	x = x + 1        { var __v1 T = x + 1; W; x = __v1 }
//	p.n = p.n * 2    { __p2 := &p.n; var __v1 T = p.n * 2; W; *__p2 = __v1 }
//
// A map entry's target is left to rewrite_map.go (its write is a window
// already), and so is a target whose type cannot be named here.
func (r *rewriter) raceAssign(s *ast.AssignStmt, stack []ast.Node, escaping map[*types.Var]bool) {
	lhs, rhs := unparen(s.Lhs[0]), s.Rhs[0]
	if !inStmtList(stack) || !r.mayShare(lhs, escaping) || !r.readsTarget(rhs, lhs) {
		return
	}
	if ix, ok := lhs.(*ast.IndexExpr); ok {
		if _, isMap := coreType(r.typeOf(ix.X)).(*types.Map); isMap {
			return
		}
	}
	typ, err := r.typeName(r.typeOf(lhs))
	if err != nil {
		return
	}
	v := r.fresh("v")
	var pre, store []any
	if _, ok := lhs.(*ast.Ident); ok {
		store = parts(lhs)
	} else {
		pre, store = r.addressed(lhs)
	}
	r.replaceNode(s, func() []any {
		out := parts("{ ")
		out = append(out, pre...)
		out = append(out, "var "+v+" "+typ+" = ", rhs, "; if *"+rtName+".Multi { "+rtName+".Race() }; ")
		out = append(out, store...)
		return append(out, " = "+v+padHere+" }")
	})
}

// addressed returns the parts that evaluate the address of target (a
// pointer's target, a field, an element) once, and the target through it.
func (r *rewriter) addressed(target ast.Expr) (pre, through []any) {
	p := r.fresh("p")
	if star, ok := target.(*ast.StarExpr); ok {
		return parts(p+" := ", star.X, "; "), parts("*" + p)
	}
	return parts(p+" := &", target, "; "), parts("*" + p)
}

// readsTarget reports whether e reads the storage that target denotes: a
// use of the same variable, or an expression written the same way
// (c.n in c.n = c.n + 1).
func (r *rewriter) readsTarget(e, target ast.Expr) bool {
	var obj types.Object
	if id, ok := target.(*ast.Ident); ok {
		obj = r.p.info.ObjectOf(id)
	}
	want := types.ExprString(target)
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // runs later, if at all
		case *ast.Ident:
			found = obj != nil && r.p.info.ObjectOf(n) == obj
		case ast.Expr:
			found = obj == nil && types.ExprString(n) == want
		}
		return !found
	})
	return found
}

// isOpAssign reports whether tok is an assignment operator such as +=.
func isOpAssign(tok token.Token) bool {
	switch tok {
	case token.ADD_ASSIGN, token.SUB_ASSIGN, token.MUL_ASSIGN, token.QUO_ASSIGN, token.REM_ASSIGN,
		token.AND_ASSIGN, token.OR_ASSIGN, token.XOR_ASSIGN, token.SHL_ASSIGN, token.SHR_ASSIGN,
		token.AND_NOT_ASSIGN:
		return true
	}
	return false
}

// constOrNil reports whether e is a constant or nil: it may be evaluated
// again, and a temporary would give it a default type of its own.
func (r *rewriter) constOrNil(e ast.Expr) bool {
	tv, ok := r.p.info.Types[e]
	return ok && (tv.Value != nil || tv.IsNil())
}

// mayShare reports whether the storage e denotes may be reached by
// another goroutine: a package-level or escaping variable, or anything
// reached through a pointer, a slice or a map.
func (r *rewriter) mayShare(e ast.Expr, escaping map[*types.Var]bool) bool {
	switch e := unparen(e).(type) {
	case *ast.Ident:
		v, ok := r.p.info.ObjectOf(e).(*types.Var)
		if !ok {
			return false
		}
		return escaping[v] || v.Parent() == r.p.pkg.Scope()
	case *ast.SelectorExpr:
		sel, ok := r.p.info.Selections[e]
		if !ok {
			return true // a qualified identifier: another package's variable
		}
		if _, ptr := r.typeOf(e.X).Underlying().(*types.Pointer); ptr || sel.Indirect() {
			return true
		}
		return r.mayShare(e.X, escaping)
	case *ast.IndexExpr:
		if _, arr := coreType(r.typeOf(e.X)).(*types.Array); arr {
			return r.mayShare(e.X, escaping)
		}
		return true // a slice, a map, or an array through a pointer
	}
	return true // *p, and whatever else can be assigned to
}
