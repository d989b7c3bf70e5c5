package runner

import "go/ast"

func (r *rewriter) minMax(c *ast.CallExpr, name string) {
	r.refuse(c.Pos(), "%s is not supported by the runner", name)
}

func (r *rewriter) clear(c *ast.CallExpr) { r.refuse(c.Pos(), "clear is not supported by the runner") }

func (r *rewriter) stubCall(c *ast.CallExpr) {
	r.refuse(c.Pos(), "generic call is not supported by the runner")
}
