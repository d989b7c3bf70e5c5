package runner

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// goStmt rewrites go f(a, b) so that the shim starts the goroutine:
//
//	{ __f := f; var __a0 P0 = a; var __a1 P1 = b; __g := func() { __f(__a0, __a1) }; __rt.GoAt(__g, 123) }
//
// The function value and the arguments are evaluated now, in the calling
// goroutine and in source order, as the spec says. Each argument gets the
// parameter's type, so untyped operands (x > 0, 1 << s) convert exactly as
// in the call. Constant arguments are not copied: they are spelled inside
// the closure, where they get the parameter's type from the call itself.
// Functions declared at package level (f, pkg.F) need no evaluation and are
// called by name, which also keeps generic functions inferable. GoAt's
// second argument is the go statement's offset in the source, which names
// the site in tracebacks ("created by main.main in goroutine 1", trace.go).
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
	// pre evaluates the function value and the arguments now; callee and
	// args are what the goroutine calls.
	pre := parts("{")
	callee := parts(fun)
	switch {
	case r.isStaticFunc(fun):
	case r.isMethodVal(fun):
		// go x.M(): the receiver is evaluated now, not a method value:
		// yaegi v0.16.1's method values do not copy a value receiver.
		sel := fun.(*ast.SelectorExpr)
		recv := r.fresh("r")
		pre = append(pre, " "+recv+" := "+r.recvEval(sel), sel.X, ";")
		callee = parts(recv + "." + sel.Sel.Name)
	default:
		f := r.fresh("f")
		pre = append(pre, " "+f+" := ")
		if lit, ok := fun.(*ast.FuncLit); ok && r.wrappedLit(lit) != nil {
			pre = append(pre, r.wrappedLit(lit)...)
		} else {
			pre = append(pre, fun)
		}
		pre = append(pre, ";")
		callee = parts(f)
	}
	pre, args := r.goArgs(call, sig, pre)
	if name, ok := callee[0].(string); ok && len(callee) == 1 && len(args) == 0 && !r.isMethodVal(fun) &&
		sig.Params().Len() == 0 && sig.Results().Len() == 0 {
		// go f() of a func(): the function itself is the goroutine's,
		// one interpreted call less on every goroutine's stack. (f is a
		// variable or a declared function, never a literal: see goCall.)
		r.replaceNode(g, func() []any { return append(pre, fmt.Sprintf(" %s.GoAt(%s, %d) }", rtName, name, r.off(g.Pos()))) })
		return
	}
	r.goCall(g, pre, callee, args)
}

// goCall records the replacement of g: pre, then the goroutine's function
// held in a variable, then __rt.Go. The variable matters: yaegi v0.16.1
// binds the variables of a func literal passed straight to a compiled
// function only when it is called, so every iteration of a loop would see
// the last one's. The function is created in a helper call, as every func
// value is (see wrapLit): the goroutine may end while the creating
// function runs its deferred calls (defer wg.Wait()).
func (r *rewriter) goCall(g *ast.GoStmt, pre, callee, args []any) {
	body := r.fresh("g")
	ps := append(pre, " "+body+" := func() func() { return func() { ")
	ps = append(ps, callee...)
	ps = append(ps, "(")
	ps = append(ps, args...)
	ps = append(ps, fmt.Sprintf(") } }(); %s.GoAt(%s, %d) }", rtName, body, r.off(g.Pos())))
	r.replaceNode(g, func() []any { return ps })
}

// goArgs adds the evaluation of call's arguments to pre and returns the
// argument list the goroutine passes.
func (r *rewriter) goArgs(call *ast.CallExpr, sig *types.Signature, pre []any) ([]any, []any) {
	params := sig.Params()
	if len(call.Args) == 1 {
		if tup, ok := r.typeOf(call.Args[0]).(*types.Tuple); ok { // f(g()) with g multi-valued
			names := make([]string, tup.Len())
			for i := range names {
				names[i] = r.fresh("a")
			}
			list := strings.Join(names, ", ")
			return append(pre, " "+list+" := ", call.Args[0], ";"), parts(list)
		}
	}
	var args []any
	for i, a := range call.Args {
		if i > 0 {
			args = append(args, ", ")
		}
		if r.isConst(a) {
			args = append(args, a)
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
		pre = append(pre, r.typedVar(v, pt, a)...)
		args = append(args, v)
	}
	if call.Ellipsis.IsValid() {
		args = append(args, "...")
	}
	return pre, args
}

// typedVar renders " var v T = a;", or " v := a;" when t is unknown or
// cannot be named in the program (the value is then typed already, and
// assignable to the parameter).
func (r *rewriter) typedVar(v string, t types.Type, a ast.Expr) []any {
	if t != nil {
		if name, err := r.typeName(t); err == nil {
			return parts(" var "+v+" "+name+" = ", a, ";")
		}
	}
	return parts(" "+v+" := ", a, ";")
}

// goBuiltin rewrites go with one of the builtins allowed in statement
// context.
func (r *rewriter) goBuiltin(g *ast.GoStmt, name string) {
	call := g.Call
	callee := name
	switch name {
	case "close":
		callee = rtName + ".Close"
	case "panic":
		r.usePanicHelpers()
		callee = panicHelper
	case "print", "println", "copy", "delete", "recover":
	default:
		r.refuse(call.Pos(), "go statement calling %s is not supported by the runner; call it inside a func literal", name)
		return
	}
	pre := parts("{")
	var args []any
	var each [][]any // print's operands
	for i, a := range call.Args {
		if i > 0 {
			args = append(args, ", ")
		}
		if r.isConst(a) || r.p.info.Types[a].IsNil() {
			if name == "panic" {
				args = append(args, "any(", a, "), "+r.panicDescriber(r.typeOf(a)))
				continue
			}
			args = append(args, a)
			each = append(each, r.printOperand(parts(a), r.typeOf(a)))
			continue
		}
		var t types.Type
		switch {
		case name == "delete" && i == 1:
			if m, ok := coreType(r.typeOf(call.Args[0])).(*types.Map); ok {
				t = m.Key()
			}
		}
		v := r.fresh("a")
		pre = append(pre, r.typedVar(v, t, a)...)
		if name == "panic" {
			args = append(args, "any("+v+"), "+r.panicDescriber(r.typeOf(a)))
			continue
		}
		args = append(args, v)
		each = append(each, r.printOperand(parts(v), r.typeOf(a)))
	}
	if name == "print" || name == "println" {
		r.goCall(g, pre, nil, r.printParts(name, each))
		return
	}
	r.goCall(g, pre, parts(callee), args)
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
// level (f or pkg.F) or a method expression (T.m), whose evaluation has no
// effect.
func (r *rewriter) isStaticFunc(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		f, ok := r.p.info.Uses[e].(*types.Func)
		return ok && f.Parent() == f.Pkg().Scope()
	case *ast.SelectorExpr:
		if s, ok := r.p.info.Selections[e]; ok {
			// A method expression T.m denotes a fixed function (and
			// yaegi v0.16.1 mistypes it as a value).
			return s.Kind() == types.MethodExpr
		}
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
