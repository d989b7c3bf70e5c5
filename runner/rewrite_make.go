package runner

import (
	"go/ast"
)

// makeDirChan rewrites make of a send-only or receive-only channel type,
// which yaegi v0.16.1 hands to reflect.MakeChan as is ("reflect.MakeChan:
// unidirectional channel type"), into the conversion of a bidirectional
// channel, as gc allocates it:
//
//	make(<-chan T, n)  ->  (<-chan T)(make(chan T, n))
func (r *rewriter) makeDirChan(c *ast.CallExpr) {
	if len(c.Args) == 0 {
		return
	}
	ct, ok := unparen(c.Args[0]).(*ast.ChanType)
	if !ok || ct.Dir == ast.SEND|ast.RECV {
		return
	}
	r.replaceNode(c, func() []any {
		ps := parts("(", c.Args[0], ")(make(chan ", ct.Value)
		for _, a := range c.Args[1:] {
			ps = append(ps, ", ", a)
		}
		return append(ps, "))")
	})
}
