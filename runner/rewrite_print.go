package runner

import (
	"go/ast"
	"go/types"
)

// print and println become __rt.Print(newline, operands...), each operand
// converted to what the runtime prints (see print.go): yaegi v0.16.1
// writes them to standard output with fmt's formatting.

// printCall rewrites a call of print or println that is not deferred.
func (r *rewriter) printCall(call *ast.CallExpr, name string) {
	var args [][]any
	for _, a := range call.Args {
		args = append(args, r.printOperand(parts(a), r.typeOf(a)))
	}
	ps := r.printParts(name, args)
	r.handled[call] = true
	r.replaceNode(call, func() []any { return append(ps, padHere) })
}

// printParts is the call of the shim for print or println with the
// converted operands.
func (r *rewriter) printParts(name string, args [][]any) []any {
	nl := "false"
	if name == "println" {
		nl = "true"
	}
	ps := parts(rtName + ".Print(" + nl)
	for _, a := range args {
		ps = append(ps, ", ")
		ps = append(ps, a...)
	}
	return append(ps, ")")
}

// printOperand converts the operand v of type t.
func (r *rewriter) printOperand(v []any, t types.Type) []any {
	if t == nil {
		return v
	}
	if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		t = types.Default(t)
	}
	switch u := coreType(t).(type) {
	case *types.Basic:
		if u.Kind() == types.UnsafePointer {
			return v
		}
		return cat(parts(basicName(u)+"("), v, parts(")"))
	case *types.Interface:
		// Not x == nil: yaegi v0.16.1 panics comparing any(3) with nil.
		return cat(parts(rtName+".PrintIface("), v, parts(")"))
	}
	return v // pointers, channels, maps, funcs and slices print from their reflect value
}

// basicName is the name of a basic type (byte and rune spelled uint8 and
// int32, which they are).
func basicName(b *types.Basic) string {
	return types.Typ[b.Kind()].Name()
}
