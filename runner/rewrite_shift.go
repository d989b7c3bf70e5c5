package runner

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// shiftCount checks a shift's count at run time when it is a signed
// integer that is not constant: gc panics with "negative shift amount"
// (runtime.panicshift) where yaegi v0.16.1 shifts by the count as an
// unsigned number and gives 0. x << s becomes x << __shift(int64(s)); the
// count's type does not matter to a shift, so int64 serves every signed
// type.
func (r *rewriter) shiftCount(op token.Token, count ast.Expr) {
	if op != token.SHL && op != token.SHR && op != token.SHL_ASSIGN && op != token.SHR_ASSIGN {
		return
	}
	tv, ok := r.p.info.Types[count]
	if !ok || tv.Value != nil || tv.Type == nil {
		return
	}
	b, ok := tv.Type.Underlying().(*types.Basic)
	if !ok || b.Info()&types.IsInteger == 0 || b.Info()&types.IsUnsigned != 0 {
		return
	}
	r.helpers[shiftHelper] = fmt.Sprintf("func %s(s int64) int64 { if s < 0 { %s.NegShift() }; return s }", shiftHelper, rtName)
	r.replaceNode(count, func() []any { return parts(shiftHelper+"(int64(", count, "))") })
}

// shiftHelper is the helper that checks a shift count.
const shiftHelper = reservedPrefix + "shift"
