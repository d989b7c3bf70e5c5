package runner

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// Small rewrites around yaegi v0.16.1 bugs in ordinary assignments and
// loops.
//
// A parallel assignment whose right side has a call stores the call's
// result in the wrong variables:
//
//	a, b = f(), 7 // yaegi: a == b == f()
//
// Parenthesized, the call is evaluated like any operand: a, b = (f()), 7.
//
// A composite literal of a type with methods assigned to an interface
// variable gets a broken interface value ("reflect: Method index out of
// range" when a method is called, fmt printing the fields):
//
//	var err error = MyErr{"x"}; err.Error()
//
// Parenthesized, it converts as any other operand. An explicit conversion,
// error(MyErr{"x"}), stays broken with the parentheses, so it becomes a
// call of a helper that returns the value as the interface, the one
// conversion yaegi gets right.

// rangeStringKey turns for i := range s, over a string, into for i, _ :=
// range s: with the key alone yaegi v0.16.1 counts runes (0, 1, 2 for
// "héllo"'s runes at bytes 0, 1, 3).
func (r *rewriter) rangeStringKey(rs *ast.RangeStmt) {
	if rs.Key != nil && rs.Value == nil {
		r.insert(rs.Key.End(), 0, ", _")
	}
}

// parallelAssign parenthesizes the calls on the right of a, b = x, y, and
// the composite literals on the right of a, b = x, y and a, b := x, y.
func (r *rewriter) parallelAssign(as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
		return
	}
	r.parallelValues(r.assignTargets(as.Lhs), as.Rhs, as.Tok == token.ASSIGN)
}

// parallelValues parenthesizes, among the values of a parallel assignment
// or var declaration, the composite literals (yaegi v0.16.1 zeroes the
// other values: after a, b := 2, []int{0}, a == 0) and, with calls, the
// calls. A literal assigned to an interface is left to litToIface.
func (r *rewriter) parallelValues(targets []types.Type, values []ast.Expr, calls bool) {
	if len(targets) < 2 || len(targets) != len(values) {
		return
	}
	for i, e := range values {
		switch e.(type) {
		case *ast.CallExpr:
			if calls {
				r.paren(e)
			}
		case *ast.CompositeLit:
			if targets[i] == nil || !types.IsInterface(targets[i]) {
				r.paren(e)
			}
		}
	}
}

// paren wraps e in parentheses.
func (r *rewriter) paren(e ast.Expr) {
	r.replaceNode(e, func() []any { return parts("(", e, padHere+")") })
}

// litToIface parenthesizes the composite literals among values that are
// assigned to interface-typed targets; in a parallel assignment, where
// that is not enough, it converts them with a helper.
func (r *rewriter) litToIface(targets []types.Type, values []ast.Expr) {
	if len(targets) != len(values) {
		return
	}
	for i, v := range values {
		lit, ok := v.(*ast.CompositeLit)
		if !ok || targets[i] == nil || !types.IsInterface(targets[i]) {
			continue
		}
		if fn := r.convHelper(r.typeOf(lit), targets[i]); len(values) > 1 && fn != "" {
			r.replaceNode(v, func() []any { return parts("("+fn+"(", v, padHere+"))") })
			continue
		}
		r.paren(v)
	}
}

// convHelper returns a helper func(v T) I { return v }, or "" when a type
// cannot be named.
func (r *rewriter) convHelper(t, iface types.Type) string {
	names, err := r.typeNames(t, iface)
	if err != nil {
		return ""
	}
	return r.helperName(helper{stem: "conv", sig: fmt.Sprintf("(v %s) %s", names[0], names[1]),
		body: "{ return v }", types: []types.Type{t, iface}})
}

// assignTargets returns the types of an assignment's left side.
func (r *rewriter) assignTargets(lhs []ast.Expr) []types.Type {
	out := make([]types.Type, len(lhs))
	for i, l := range lhs {
		out[i] = r.typeOf(l)
	}
	return out
}

// ifaceConversion rewrites I(T{...}), an interface conversion of a
// composite literal, into a call of a helper that returns it as I.
func (r *rewriter) ifaceConversion(c *ast.CallExpr) {
	if len(c.Args) != 1 {
		return
	}
	tv, ok := r.p.info.Types[c.Fun]
	if !ok || !tv.IsType() || !types.IsInterface(tv.Type) {
		return
	}
	lit, ok := unparen(c.Args[0]).(*ast.CompositeLit)
	if !ok {
		return
	}
	fn := r.convHelper(r.typeOf(lit), tv.Type)
	if fn == "" {
		return
	}
	r.handled[c] = true
	r.replaceNode(c, func() []any { return parts(fn+"(", lit, padHere+")") })
}
