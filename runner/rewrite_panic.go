package runner

import (
	"fmt"
	"go/ast"
	"go/types"
	"sort"
	"strings"
)

// Panics and recovers go through the shim (see panics.go for why):
//
//	panic(x)   ->  panic(__panic(any(x), __pdesc_T)), or __pdesc for an interface x
//	func() { ... recover() ... return }  ->
//	func() { __rf := __rt.RecoverEnter(); ... __recover(recover(), __rf) ... __rt.RecoverExit(__rf); return; __rt.RecoverExit(__rf) }
//
// panic(__panic(x)) is still a panic statement, so a function ending with
// it still terminates; __panic itself panics, through the shim. The
// helpers are emitted once, after the last line. __pdesc describes a panic
// value as gc's printpanicval does; interpreted methods and type names are
// invisible to the compiled side, so the learner's package-level types are
// listed in its type switch.

// Names of the emitted panic helpers.
const (
	panicHelper   = reservedPrefix + "panic"
	recoverHelper = reservedPrefix + "recover"
	pdescHelper   = reservedPrefix + "pdesc"
)

// isBuiltinCall reports whether call calls the builtin name.
func (r *rewriter) isBuiltinCall(call *ast.CallExpr, name string) bool {
	return r.isBuiltinNamed(call.Fun, name)
}

// panicCall rewrites a panic statement's argument into __panic(any(x),
// describer). When x's type is known (not an interface), its describer is
// a helper that asserts the type and calls its Error or String method, or
// names the type; otherwise __pdesc switches on the learner's own types.
// (yaegi v0.16.1 matches interface cases of a type switch wrongly: a
// Stringer matches interface{ Error() string }, error matches none of the
// learner's types.) The conversion any(x) matters: a value of a type with
// methods passed to an interface parameter as is, or assigned to an
// interface variable, becomes a wrapper that reads its receiver from
// whatever frame runs its methods later.
func (r *rewriter) panicCall(call *ast.CallExpr) {
	if len(call.Args) != 1 {
		return
	}
	r.usePanicHelpers()
	a := call.Args[0]
	desc := r.panicDescriber(r.typeOf(a))
	r.replaceNode(a, func() []any { return parts(panicHelper+"(any(", a, "), "+desc+padHere+")") })
}

// panicDescriber names the describer of a panic value of static type t.
func (r *rewriter) panicDescriber(t types.Type) string {
	if t == nil || types.IsInterface(t) {
		return pdescHelper
	}
	if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		if b.Kind() == types.UntypedNil {
			return pdescHelper
		}
		t = types.Default(t)
	}
	name, err := r.typeName(t)
	if err != nil || r.anyLocal([]types.Type{t}) {
		return pdescHelper
	}
	ret, ok := r.describe(t, "w")
	if !ok {
		return "nil"
	}
	// A function of its own, not a closure: yaegi v0.16.1 cannot run a
	// closure whose frame is gone (it is called when the G dies).
	return r.helperName(helper{stem: "pdesc", sig: "(b any) (string, string)", types: []types.Type{t},
		body: fmt.Sprintf("{ w := (*(b.(*any))).(%s); _ = w; return %s }", name, ret)})
}

// describe returns the results of a describer for a value v of type t
// (see run.describe): its Error or String, or the type's name and its
// value as print prints it, or the type's name in parentheses (an address
// follows); false when the shim can print v itself.
func (r *rewriter) describe(t types.Type, v string) (string, bool) {
	for _, m := range []string{"Error", "String"} {
		if hasStringMethod(t, m) {
			return `"", ` + v + "." + m + "()", true
		}
	}
	ts := types.TypeString(t, func(p *types.Package) string { return p.Name() })
	if conv := basicConv(t.Underlying()); conv != "" {
		if _, named := t.(*types.Named); !named {
			return "", false
		}
		// A string, not the value: yaegi v0.16.1 fails to return an
		// interface result from an interpreted function called by
		// compiled code.
		return fmt.Sprintf("%q, %s.PanicValue(%s(%s))", ts, rtName, conv, v), true
	}
	return fmt.Sprintf("%q, \"\"", "("+ts+")"), true
}

// hasStringMethod reports whether t's method set has name() string.
func hasStringMethod(t types.Type, name string) bool {
	sel := types.NewMethodSet(t).Lookup(nil, name)
	if sel == nil {
		return false
	}
	sig, ok := sel.Type().(*types.Signature)
	if !ok || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return false
	}
	b, ok := sig.Results().At(0).Type().(*types.Basic)
	return ok && b.Kind() == types.String
}

// recoverCall rewrites a call of recover that is not itself deferred.
// frame names the variable holding the calling function's frame (see
// recoverFrame), or is "" when recover is called by a func literal inside
// it, where it always returns nil.
func (r *rewriter) recoverCall(call *ast.CallExpr, frame string) {
	r.usePanicHelpers()
	if frame == "" {
		frame = "0"
	}
	r.replaceNode(call, func() []any { return parts(recoverHelper+"(", call, ", "+frame+padHere+")") })
}

// recoverFrame brackets a function that calls recover: __rf :=
// __rt.RecoverEnter() first, __rt.RecoverExit(__rf) before each return
// and at the end. It returns the frame variable, or "".
func (r *rewriter) recoverFrame(body *ast.BlockStmt) string {
	if body == nil || !r.bodyCallsRecover(body) {
		return ""
	}
	v := r.fresh("rf")
	exit := fmt.Sprintf("%s.RecoverExit(%s); ", rtName, v)
	r.insert(body.Lbrace+1, 2, fmt.Sprintf(" %s := %s.RecoverEnter();", v, rtName))
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			r.insert(n.Pos(), 0, exit)
		}
		return true
	})
	r.insert(body.Rbrace, 1, "; "+exit)
	return v
}

// usePanicHelpers emits __panic, __pdesc and __recover.
func (r *rewriter) usePanicHelpers() {
	if _, ok := r.helpers[panicHelper]; ok {
		return
	}
	r.helpers[panicHelper] = fmt.Sprintf("func %s(v any, d func(any) (string, string)) any { %s.Panic(&v, d); return nil }", panicHelper, rtName)
	r.helpers[recoverHelper] = fmt.Sprintf("func %s(v any, frame int) any { if v == nil { return nil }; b, m := %s.Recover(v, frame); if b != nil { return *(b.(*any)) }; return m }",
		recoverHelper, rtName)
	var b strings.Builder
	fmt.Fprintf(&b, "func %s(b any) (string, string) { ", pdescHelper)
	if cases := r.panicTypeCases(); len(cases) > 0 {
		b.WriteString("switch w := (*(b.(*any))).(type) { ")
		for _, c := range cases {
			b.WriteString(c)
		}
		b.WriteString("}; ")
	}
	b.WriteString("return \"\", \"\" }")
	r.helpers[pdescHelper] = b.String()
}

// panicTypeCases returns the cases of __pdesc, for an interface value:
// the program's own package-level types and pointers to them. Values of
// other types (errors.New's) reach the shim as compiled values, which it
// describes itself.
func (r *rewriter) panicTypeCases() []string {
	scope := r.p.pkg.Scope()
	names := scope.Names()
	sort.Strings(names)
	var out []string
	for _, n := range names {
		tn, ok := scope.Lookup(n).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) {
			continue
		}
		if _, isPtr := named.Underlying().(*types.Pointer); !isPtr {
			if ret, ok := r.describe(named, "w"); ok {
				out = append(out, fmt.Sprintf("case %s: _ = w; return %s; ", n, ret))
			}
		}
		if ret, ok := r.describe(types.NewPointer(named), "w"); ok {
			out = append(out, fmt.Sprintf("case *%s: _ = w; return %s; ", n, ret))
		}
	}
	return out
}

// basicConv names the basic type a value of underlying type u is printed
// as, or "" when u is not basic.
func basicConv(u types.Type) string {
	b, ok := u.(*types.Basic)
	if !ok {
		return ""
	}
	switch {
	case b.Kind() == types.Bool:
		return "bool"
	case b.Kind() == types.String:
		return "string"
	case b.Kind() == types.Float32, b.Kind() == types.Complex64, b.Kind() == types.Float64, b.Kind() == types.Complex128:
		return b.Name()
	case b.Info()&types.IsUnsigned != 0:
		return "uint64"
	case b.Info()&types.IsInteger != 0:
		return "int64"
	}
	return ""
}
