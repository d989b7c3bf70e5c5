package runner

import "go/ast"

// Closures: a func literal that yaegi v0.16.1 evaluates as a value locks
// the frame it was created in when a call of it returns (interp/run.go,
// getFunc). If that frame is running its deferred calls, which hold the
// same lock, the program deadlocks:
//
//	f := func() { ... }; defer f()             // deadlock at return
//	go worker(); defer wg.Wait()               // the goroutine's closure blocks
//
// So every func literal used as a value is created inside a helper call,
//
//	func() func(int) int { return func(x int) int { ... } }()
//
// and its creation frame is the helper's, which nothing else locks. A
// literal that is called where it stands is not a value, and is left alone.

// wrapLit records the wrapping of lit when it is used as a value.
func (r *rewriter) wrapLit(lit *ast.FuncLit, stack []ast.Node) {
	if litCalled(lit, stack) {
		return
	}
	if ps := r.wrappedLit(lit); ps != nil {
		r.replaceNode(lit, func() []any { return ps })
	}
}

// wrappedLit returns the parts of lit created in a helper call, or nil
// when its signature cannot be named (it is then left to yaegi).
func (r *rewriter) wrappedLit(lit *ast.FuncLit) []any {
	sig, err := r.typeName(r.typeOf(lit))
	if err != nil {
		return nil
	}
	return parts("func() "+sig+" { return ", lit.Type, " ", lit.Body, " }()")
}

// litCalled reports whether lit, the top of stack, is the function of a
// call, a go or a defer statement (which rewrite it themselves).
func litCalled(lit *ast.FuncLit, stack []ast.Node) bool {
	var child ast.Node = lit
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			child = p
			continue
		case *ast.CallExpr:
			return p.Fun == child
		}
		return false
	}
	return false
}
