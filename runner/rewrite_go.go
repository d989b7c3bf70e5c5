package runner

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// goStmt rewrites go f(a, b) so that the shim starts the goroutine:
//
//	{ __f := f; var __a0 P0 = a; var __a1 P1 = b; __g := func() { __f(__a0, __a1) }; __rt.Go(__g) }
//
// The function value and the arguments are evaluated now, in the calling
// goroutine and in source order, as the spec says. Each argument gets the
// parameter's type, so untyped operands (x > 0, 1 << s) convert exactly as
// in the call. Constant arguments are not copied: they are spelled inside
// the closure, where they get the parameter's type from the call itself.
// Functions declared at package level (f, pkg.F) need no evaluation and are
// called by name, which also keeps generic functions inferable.
func (r *rewriter) goStmt(g *ast.GoStmt) {
	call := g.Call
	r.handled[call] = true
	fun := unparen(call.Fun)
	if id, ok := fun.(*ast.Ident); ok {
		if b, ok := r.p.info.Uses[id].(*types.Builtin); ok {
			r.goBuiltin(g, b.Name())
			return
		}
	}
	if r.isStubFunc(fun) {
		r.refuse(call.Pos(), "go statement calling %s is not supported by the runner; call it inside a func literal", types.ExprString(fun))
		return
	}
	sig, ok := coreType(r.typeOf(call.Fun)).(*types.Signature)
	if !ok {
		r.refuse(call.Pos(), "go statement: cannot call %s", types.ExprString(call.Fun))
		return
	}
	var pre []func() string
	callee := func() string { return r.src(fun) }
	switch {
	case r.isStaticFunc(fun):
	case r.isMethodVal(fun):
		// go x.M(): the receiver is evaluated now, not a method value:
		// yaegi v0.16.1's method values do not copy a value receiver.
		sel := fun.(*ast.SelectorExpr)
		recv, how := r.fresh("r"), r.recvEval(sel)
		pre = append(pre, func() string { return recv + " := " + how + r.src(sel.X) })
		callee = func() string { return recv + "." + sel.Sel.Name }
	default:
		f := r.fresh("f")
		pre = append(pre, func() string { return f + " := " + r.src(fun) })
		callee = func() string { return f }
	}
	args, pre := r.goArgs(call, sig, pre)
	// The goroutine's function is held in a variable before the shim gets
	// it: yaegi v0.16.1 binds the variables of a func literal passed
	// straight to a compiled function only when it is called, so every
	// iteration of a loop would see the last one's.
	body := r.fresh("g")
	r.replaceNode(g, func() string {
		var b strings.Builder
		b.WriteString("{" + padHere)
		for _, p := range pre {
			b.WriteString(" " + p() + ";")
		}
		fmt.Fprintf(&b, " %s := func() { %s(%s) }; %s.Go(%s) }", body, callee(), args(), rtName, body)
		return b.String()
	})
}

// goArgs adds the evaluation of call's arguments to pre and returns the
// renderer of the argument list used inside the goroutine.
func (r *rewriter) goArgs(call *ast.CallExpr, sig *types.Signature, pre []func() string) (func() string, []func() string) {
	params := sig.Params()
	if len(call.Args) == 1 {
		if tup, ok := r.typeOf(call.Args[0]).(*types.Tuple); ok { // f(g()) with g multi-valued
			names := make([]string, tup.Len())
			for i := range names {
				names[i] = r.fresh("a")
			}
			arg := call.Args[0]
			pre = append(pre, func() string { return strings.Join(names, ", ") + " := " + r.src(arg) })
			return func() string { return strings.Join(names, ", ") }, pre
		}
	}
	parts := make([]func() string, len(call.Args))
	for i, a := range call.Args {
		a := a
		if r.isConst(a) {
			parts[i] = func() string { return r.src(a) }
			continue
		}
		var pt types.Type
		switch {
		case sig.Variadic() && i >= params.Len()-1 && !call.Ellipsis.IsValid():
			if s, ok := coreType(params.At(params.Len() - 1).Type()).(*types.Slice); ok {
				pt = s.Elem()
			}
		case i < params.Len():
			pt = params.At(i).Type()
		}
		v := r.fresh("a")
		pre = append(pre, r.typedVar(v, pt, a))
		parts[i] = func() string { return v }
	}
	return func() string {
		out := make([]string, len(parts))
		for i, p := range parts {
			out[i] = p()
		}
		s := strings.Join(out, ", ")
		if call.Ellipsis.IsValid() {
			s += "..."
		}
		return s
	}, pre
}

// typedVar renders "var v T = a", or "v := a" when t is unknown or cannot
// be named in the program (the value is then typed already, and assignable).
func (r *rewriter) typedVar(v string, t types.Type, a ast.Expr) func() string {
	if t != nil {
		if name, err := r.typeName(t); err == nil {
			return func() string { return "var " + v + " " + name + " = " + r.src(a) }
		}
	}
	return func() string { return v + " := " + r.src(a) }
}

// goBuiltin rewrites go with one of the builtins allowed in statement
// context.
func (r *rewriter) goBuiltin(g *ast.GoStmt, name string) {
	call := g.Call
	callee := name
	switch name {
	case "close":
		callee = rtName + ".Close"
	case "panic", "print", "println", "copy", "delete", "recover":
	default:
		r.refuse(call.Pos(), "go statement calling %s is not supported by the runner; call it inside a func literal", name)
		return
	}
	var pre []func() string
	parts := make([]string, len(call.Args))
	for i, a := range call.Args {
		if r.isConst(a) || r.p.info.Types[a].IsNil() {
			parts[i] = "\x01" // placeholder: the constant's own text, see below
			continue
		}
		var t types.Type
		switch {
		case name == "panic":
			t = types.Universe.Lookup("any").Type()
		case name == "delete" && i == 1:
			if m, ok := coreType(r.typeOf(call.Args[0])).(*types.Map); ok {
				t = m.Key()
			}
		}
		v := r.fresh("a")
		pre = append(pre, r.typedVar(v, t, a))
		parts[i] = v
	}
	r.replaceNode(g, func() string {
		var b strings.Builder
		b.WriteString("{" + padHere)
		for _, p := range pre {
			b.WriteString(" " + p() + ";")
		}
		args := make([]string, len(parts))
		for i, p := range parts {
			if p == "\x01" {
				p = r.src(call.Args[i])
			}
			args[i] = p
		}
		body := r.fresh("g")
		fmt.Fprintf(&b, " %s := func() { %s(%s) }; %s.Go(%s) }", body, callee, strings.Join(args, ", "), rtName, body)
		return b.String()
	})
}

// isMethodVal reports whether e is x.M with M a method (not a field of
// func type, not a method expression T.M).
func (r *rewriter) isMethodVal(e ast.Expr) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := r.p.info.Selections[sel]
	return ok && s.Kind() == types.MethodVal
}

// recvEval returns the operator that evaluates the receiver of method
// value sel as the spec does: a copy for a value receiver ("*" when x is a
// pointer), the address for a pointer receiver on an addressable value.
func (r *rewriter) recvEval(sel *ast.SelectorExpr) string {
	s := r.p.info.Selections[sel]
	f, _ := s.Obj().(*types.Func)
	if f == nil || types.IsInterface(s.Recv()) {
		return ""
	}
	_, ptrRecv := f.Signature().Recv().Type().(*types.Pointer)
	_, ptrX := r.typeOf(sel.X).Underlying().(*types.Pointer)
	switch {
	case ptrRecv && !ptrX:
		return "&"
	case !ptrRecv && ptrX && len(s.Index()) == 1:
		return "*"
	}
	return ""
}

// isConst reports whether e is a constant expression.
func (r *rewriter) isConst(e ast.Expr) bool {
	tv, ok := r.p.info.Types[e]
	return ok && tv.Value != nil
}

// isStaticFunc reports whether e names a function declared at package
// level (f or pkg.F), whose evaluation has no effect.
func (r *rewriter) isStaticFunc(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		f, ok := r.p.info.Uses[e].(*types.Func)
		return ok && f.Parent() == f.Pkg().Scope()
	case *ast.SelectorExpr:
		x, ok := e.X.(*ast.Ident)
		if !ok {
			return false
		}
		if _, isPkg := r.p.info.Uses[x].(*types.PkgName); !isPkg {
			return false
		}
		_, isFunc := r.p.info.Uses[e.Sel].(*types.Func)
		return isFunc
	}
	return false
}

// isStubFunc reports whether e is a function of a stubbed package
// (slices.Sort), which exists only for type-checking.
func (r *rewriter) isStubFunc(e ast.Expr) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		if ix, ok := e.(*ast.IndexExpr); ok {
			return r.isStubFunc(ix.X)
		}
		if ix, ok := e.(*ast.IndexListExpr); ok {
			return r.isStubFunc(ix.X)
		}
		return false
	}
	f, ok := r.p.info.Uses[sel.Sel].(*types.Func)
	return ok && f.Pkg() != nil && importKind(f.Pkg().Path()) == "stub"
}
