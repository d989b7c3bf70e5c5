package runner

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// Defer: yaegi v0.16.1 does not evaluate a deferred call's function and
// arguments when the defer statement runs. It keeps references to the
// frame slots that hold them, so a later assignment, or the next iteration
// of a loop, changes what the deferred call sees:
//
//	x := 1; defer fmt.Println(x); x = 2          // yaegi prints 2
//	for _, s := range ss { defer func() { use(s) }() } // every call sees the last s
//
// The rewrite evaluates them now, into the frame of a helper func literal
// that returns the call as a closure, and defers that closure through a
// fresh variable:
//
//	{ __d := func(__a0 T) func() { return func() { fmt.Println(__a0) } }(x); defer __d() }
//
// Each execution of := gets new storage, and the helper's frame belongs to
// one execution, so nothing is shared. (Deferring a closure created in the
// same function deadlocks yaegi v0.16.1; created in the helper, it does not.)
// A deferred func literal keeps its body as the deferred function itself.
// A deferred function that calls recover (a literal, or a function of the
// program) is left alone: yaegi's recover only works in a deferred function
// that runs in the frame of the defer statement.

// deferStmt rewrites d when yaegi would otherwise run it with the wrong
// values: in a loop, with operands that are not constants, or with a
// receiver or func value that the function may change later. A defer whose
// operands cannot be named in the program is left to yaegi.
func (r *rewriter) deferStmt(d *ast.DeferStmt, inLoop bool) {
	call := d.Call
	fun := unparen(call.Fun)
	// A method's receiver and a func variable can change after the defer
	// statement; a function declared at package level, a builtin or a func
	// literal cannot.
	// panic, print and println go through the shim (rewrite_panic.go,
	// rewrite_print.go).
	needed := inLoop || !r.isStaticFunc(fun) && !isFuncLit(fun) && !r.isBuiltin(fun) ||
		r.isBuiltinNamed(fun, "panic") || r.isBuiltinNamed(fun, "print") || r.isBuiltinNamed(fun, "println")
	for _, a := range call.Args {
		if !r.isConst(a) {
			needed = true
		}
	}
	if !needed || r.callsRecover(fun) {
		return
	}
	if lit, ok := fun.(*ast.FuncLit); ok {
		if !r.bodyCallsRecover(lit.Body) {
			r.deferLit(d, lit)
		}
		return
	}
	w := &deferCall{}
	if !r.deferCallee(call, fun, w) || !r.deferArgs(call, w) {
		return
	}
	switch {
	case w.syncRecv != "":
		switch w.syncArg {
		case "*":
			w.args = cat(parts(w.syncRecv+", "), w.args)
		case "":
			w.args = parts(w.syncRecv)
		default:
			w.args = parts(w.syncRecv + ", " + w.syncArg)
		}
	case r.isBuiltinNamed(fun, "panic") && len(call.Args) == 1:
		w.args = cat(parts("any("), w.args, parts("), "+r.panicDescriber(r.typeOf(call.Args[0]))))
	case r.isBuiltinNamed(fun, "print"), r.isBuiltinNamed(fun, "println"):
		var args [][]any
		for i, a := range w.each {
			args = append(args, r.printOperand(a, r.typeOf(call.Args[i])))
		}
		w.callee, w.args = nil, r.printParts(fun.(*ast.Ident).Name, args)
	}
	r.handled[call] = true
	dv := r.fresh("d")
	ps := parts(fmt.Sprintf("{ %s := func(%s) func() { return func() { ", dv, strings.Join(w.params, ", ")))
	ps = append(ps, w.callee...)
	ps = append(ps, "(")
	ps = append(ps, w.args...)
	ps = append(ps, ") } }(")
	ps = append(ps, w.vals...)
	ps = append(ps, "); defer "+dv+"() }")
	r.replaceNode(d, func() []any { return ps })
}

func isFuncLit(e ast.Expr) bool {
	_, ok := e.(*ast.FuncLit)
	return ok
}

func (r *rewriter) isBuiltin(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	_, ok = r.p.info.Uses[id].(*types.Builtin)
	return ok
}

// deferCall is a deferred call being wrapped: the helper's parameters and
// the values passed to them now, and the callee and arguments of the call
// made at exit.
type deferCall struct {
	params       []string
	vals         []any
	callee, args []any
	each         [][]any // the arguments of the call at exit, one by one
	// syncRecv is the receiver of a sync method called through the shim,
	// and syncArg the argument after it (see syncShims).
	syncRecv, syncArg string
}

// param adds a helper parameter of type t receiving the value of e (after
// the operator op, "&" or "*"), and returns its name.
func (r *rewriter) param(w *deferCall, t types.Type, op string, e ast.Expr) (string, bool) {
	name, err := r.typeName(t)
	if t == nil || err != nil {
		return "", false
	}
	v := r.fresh("a")
	w.params = append(w.params, v+" "+name)
	if len(w.vals) > 0 {
		w.vals = append(w.vals, ", ")
	}
	w.vals = append(w.vals, op, e)
	return v, true
}

// deferCallee evaluates the deferred function: a builtin or a function
// declared at package level is called by name, a method through its
// receiver (evaluated as for go), anything else as a func value.
func (r *rewriter) deferCallee(call *ast.CallExpr, fun ast.Expr, w *deferCall) bool {
	if id, ok := fun.(*ast.Ident); ok {
		if b, ok := r.p.info.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "recover":
				return false
			case "close":
				w.callee = parts(rtName + ".Close")
			case "panic":
				r.usePanicHelpers()
				w.callee = parts(panicHelper)
			default:
				w.callee = parts(b.Name())
			}
			return true
		}
	}
	switch {
	case r.isStaticFunc(fun):
		w.callee = parts(fun)
	case r.isMethodVal(fun):
		sel := fun.(*ast.SelectorExpr)
		op, t := r.recvEval(sel), r.typeOf(sel.X)
		switch op {
		case "&":
			t = types.NewPointer(t)
		case "*":
			t = t.Underlying().(*types.Pointer).Elem()
		}
		v, ok := r.param(w, t, op, sel.X)
		if !ok {
			return false
		}
		w.callee = parts(v + "." + sel.Sel.Name)
		if fn, _, arg, ok := r.syncCall(sel); ok && len(r.p.info.Selections[sel].Index()) == 1 && op != "*" {
			// defer mu.Unlock(): the shim directly (rewrite_sync.go).
			w.callee, w.syncRecv, w.syncArg = parts(rtName+"."+fn), v, arg
		}
	default:
		v, ok := r.param(w, r.typeOf(call.Fun), "", fun)
		if !ok {
			return false
		}
		w.callee = parts(v)
	}
	return true
}

// deferArgs evaluates the arguments, typed as the parameters (or, for a
// builtin, as themselves); constants are spelled in the call at exit.
func (r *rewriter) deferArgs(call *ast.CallExpr, w *deferCall) bool {
	sig, _ := coreType(r.typeOf(call.Fun)).(*types.Signature)
	for i, a := range call.Args {
		if i > 0 {
			w.args = append(w.args, ", ")
		}
		if r.isConst(a) || r.p.info.Types[a].IsNil() {
			w.args = append(w.args, a)
			w.each = append(w.each, parts(a))
			continue
		}
		if _, multi := r.typeOf(a).(*types.Tuple); multi {
			return false // defer f(g()) with g multi-valued: left to yaegi
		}
		pt := types.Default(r.typeOf(a))
		if sig != nil {
			ps := sig.Params()
			switch {
			case sig.Variadic() && i >= ps.Len()-1 && !call.Ellipsis.IsValid():
				if s, ok := coreType(ps.At(ps.Len() - 1).Type()).(*types.Slice); ok {
					pt = s.Elem()
				}
			case i < ps.Len():
				pt = ps.At(i).Type()
			}
		}
		v, ok := r.param(w, pt, "", a)
		if !ok {
			return false
		}
		w.args = append(w.args, v)
		w.each = append(w.each, parts(v))
	}
	if call.Ellipsis.IsValid() {
		w.args = append(w.args, "...")
	}
	return true
}

// deferLit rewrites defer func(params) results { body }(args): the helper
// takes the literal's own parameters and returns the body as a closure, so
// the body runs unchanged as the deferred function.
func (r *rewriter) deferLit(d *ast.DeferStmt, lit *ast.FuncLit) {
	res := ""
	if sig := r.typeOf(lit).(*types.Signature); sig.Results().Len() > 0 {
		name, err := r.typeName(sig.Results())
		if err != nil {
			return
		}
		res = " " + name
	}
	call := d.Call
	dv := r.fresh("d")
	ps := parts("{ "+dv+" := func", lit.Type.Params, " func()"+res+" { return func()"+res+" ", lit.Body, " }(")
	for i, a := range call.Args {
		if i > 0 {
			ps = append(ps, ", ")
		}
		ps = append(ps, a)
	}
	if call.Ellipsis.IsValid() {
		ps = append(ps, "...")
	}
	ps = append(ps, "); defer "+dv+"() }")
	r.handled[call] = true
	r.replaceNode(d, func() []any { return ps })
}

// callsRecover reports whether fun is a function or method declared in
// the program whose body calls recover directly.
func (r *rewriter) callsRecover(fun ast.Expr) bool {
	f := r.staticCallee(fun)
	if f == nil || f.Pkg() != r.p.pkg {
		return false
	}
	for _, decl := range r.p.file.Decls {
		if fd, ok := decl.(*ast.FuncDecl); ok && fd.Body != nil && r.p.info.Defs[fd.Name] == f {
			return r.bodyCallsRecover(fd.Body)
		}
	}
	return false
}

// bodyCallsRecover reports whether body calls recover, outside nested
// func literals. yaegi v0.16.1's recover only works in a deferred function
// that runs in the frame of the defer, so such defers are not wrapped.
func (r *rewriter) bodyCallsRecover(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit || found {
			return false
		}
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := unparen(c.Fun).(*ast.Ident); ok {
				if b, ok := r.p.info.Uses[id].(*types.Builtin); ok && b.Name() == "recover" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
