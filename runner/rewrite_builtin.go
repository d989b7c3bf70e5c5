package runner

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"hash/fnv"
	"strconv"
	"strings"
)

// Builtins yaegi v0.16.1 does not know (min, max, clear; Go 1.21) and the
// generic standard library (slices, maps, cmp), which reflection cannot
// export, become calls of helpers written for the concrete types at hand.
// A helper is emitted once, after the last line of the file; when one of
// its types is declared inside a function (or is a type parameter), it is
// spelled inline as a func literal at the call instead.

// helper is a function the rewrite emits: a name stem, a signature such
// as "(x int, ys ...int) int" and a one-line body.
type helper struct {
	stem, sig, body string
	types           []types.Type // the types it mentions, to decide inline
}

// callHelper replaces call by a call of h with args.
func (r *rewriter) callHelper(call *ast.CallExpr, h helper, args []ast.Expr) {
	r.handled[call] = true
	ps := parts(r.helperName(h) + "(")
	for i, a := range args {
		if i > 0 {
			ps = append(ps, ", ")
		}
		ps = append(ps, a)
	}
	if call.Ellipsis.IsValid() {
		ps = append(ps, "...")
	}
	ps = append(ps, padHere+")")
	r.replaceNode(call, func() []any { return ps })
}

// helperName returns what calls h: the name of a helper emitted after the
// last line, or a func literal when one of its types is local.
func (r *rewriter) helperName(h helper) string {
	if r.anyLocal(h.types) {
		return "func" + h.sig + " " + h.body
	}
	sum := fnv.New32a()
	sum.Write([]byte(h.sig + h.body))
	fn := fmt.Sprintf("%s%s_%08x", reservedPrefix, h.stem, sum.Sum32())
	r.helpers[fn] = "func " + fn + h.sig + " " + h.body
	return fn
}

// anyLocal reports whether a type in ts is declared in a function or is a
// type parameter, so that a helper at file scope could not name it.
func (r *rewriter) anyLocal(ts []types.Type) bool {
	local := false
	var visit func(t types.Type)
	seen := map[types.Type]bool{}
	visit = func(t types.Type) {
		if t == nil || seen[t] || local {
			return
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.TypeParam:
			local = true
		case *types.Named:
			if o := t.Obj(); o.Pkg() == r.p.pkg && o.Parent() != r.p.pkg.Scope() {
				local = true
			}
			for i := 0; i < t.TypeArgs().Len(); i++ {
				visit(t.TypeArgs().At(i))
			}
		case *types.Pointer:
			visit(t.Elem())
		case *types.Slice:
			visit(t.Elem())
		case *types.Array:
			visit(t.Elem())
		case *types.Chan:
			visit(t.Elem())
		case *types.Map:
			visit(t.Key())
			visit(t.Elem())
		case *types.Signature:
			for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
				for i := 0; i < tup.Len(); i++ {
					visit(tup.At(i).Type())
				}
			}
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				visit(t.Field(i).Type())
			}
		}
	}
	for _, t := range ts {
		visit(t)
	}
	return local
}

// names spells ts, refusing the call at call when one cannot be named.
func (r *rewriter) names(call *ast.CallExpr, what string, ts ...types.Type) ([]string, bool) {
	out := make([]string, len(ts))
	for i, t := range ts {
		n, err := r.typeName(t)
		if err != nil {
			r.refuse(call.Pos(), "%s on %s is not supported by the runner: the type cannot be named in the program", what, n)
			return nil, false
		}
		out[i] = n
	}
	return out, true
}

func isFloat(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsFloat != 0
}

// minMax rewrites min and max. A constant call becomes its value, so it
// stays usable in constant declarations.
func (r *rewriter) minMax(c *ast.CallExpr, name string) {
	tv := r.p.info.Types[c]
	if tv.Value != nil {
		r.constValue(c, tv)
		return
	}
	n, ok := r.names(c, name, tv.Type)
	if !ok {
		return
	}
	r.callHelper(c, minMaxHelper(name, n[0], tv.Type), c.Args)
}

// minMaxHelper follows the spec: for floats, a NaN wins, and max prefers
// +0 to -0, min -0 to +0.
func minMaxHelper(name, t string, typ types.Type) helper {
	op := map[string]string{"min": "<", "max": ">"}[name]
	body := fmt.Sprintf("{ for _, y := range ys { if y %s x { x = y } }; return x }", op)
	if isFloat(typ) {
		zero := "x == 0 && 1/x < 0" // max: replace a -0
		if name == "min" {
			zero = "y == 0 && 1/y < 0"
		}
		body = fmt.Sprintf("{ for _, y := range ys { if x != x || y != y { x = x + y; continue }; if y %s x || y == x && %s { x = y } }; return x }", op, zero)
	}
	return helper{stem: name, sig: fmt.Sprintf("(x %s, ys ...%s) %s", t, t, t), body: body, types: []types.Type{typ}}
}

// constValue replaces a constant call by its value, converted to its type
// when typed.
func (r *rewriter) constValue(c *ast.CallExpr, tv types.TypeAndValue) {
	v := tv.Value
	var lit string
	switch v.Kind() {
	case constant.String:
		lit = strconv.Quote(constant.StringVal(v))
	case constant.Int:
		lit = v.ExactString()
		if b, ok := tv.Type.(*types.Basic); ok && b.Kind() == types.UntypedRune {
			if i, ok := constant.Int64Val(v); ok {
				lit = strconv.QuoteRune(rune(i))
			}
		}
	case constant.Float:
		num, den := constant.Num(v), constant.Denom(v)
		if num.Kind() != constant.Int || den.Kind() != constant.Int {
			r.refuse(c.Pos(), "%s of these constants is not supported by the runner", types.ExprString(c.Fun))
			return
		}
		lit = "(" + num.ExactString() + ".0 / " + den.ExactString() + ".0)"
	default:
		r.refuse(c.Pos(), "%s of these constants is not supported by the runner", types.ExprString(c.Fun))
		return
	}
	if b, ok := tv.Type.(*types.Basic); !ok || b.Info()&types.IsUntyped == 0 {
		n, ok := r.names(c, types.ExprString(c.Fun), tv.Type)
		if !ok {
			return
		}
		lit = n[0] + "(" + lit + ")"
	}
	r.handled[c] = true
	r.replaceText(c, lit)
}

// clear rewrites clear(m) and clear(s). (A NaN key, which delete cannot
// remove, stays in the map.)
func (r *rewriter) clear(c *ast.CallExpr) {
	if len(c.Args) != 1 {
		return
	}
	t := r.typeOf(c.Args[0])
	switch u := coreType(t).(type) {
	case *types.Map:
		n, ok := r.names(c, "clear", t)
		if !ok {
			return
		}
		r.callHelper(c, helper{stem: "clear", sig: "(m " + n[0] + ")",
			body: "{ for k := range m { delete(m, k) } }", types: []types.Type{t}}, c.Args)
	case *types.Slice:
		n, ok := r.names(c, "clear", t, u.Elem())
		if !ok {
			return
		}
		r.callHelper(c, helper{stem: "clear", sig: "(s " + n[0] + ")",
			body: "{ var z " + n[1] + "; for i := range s { s[i] = z } }", types: []types.Type{t}}, c.Args)
	default:
		r.refuse(c.Pos(), "clear of %s is not supported by the runner", t)
	}
}

// pkgAlias returns the alias under which the rewritten program imports
// path for a helper's own use.
func (r *rewriter) pkgAlias(path string) string {
	alias, ok := r.quals[path]
	if !ok {
		alias = reservedPrefix + "q_" + strings.NewReplacer("/", "_", ".", "_").Replace(path)
		r.quals[path] = alias
	}
	return alias
}
