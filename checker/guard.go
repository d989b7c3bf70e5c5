package checker

import (
	"go/ast"
	"go/token"
)

// unguardedUse returns the first use of the package-level variable v in
// the function fn that no lock covers, or nil. It follows fn's statements
// in order: a call x.Lock() or x.RLock() starts a critical section, a
// call x.Unlock() or x.RUnlock() that is not deferred ends it, and a
// deferred one keeps it to the end of the function. Uses in function
// literals are judged where the literal is written, which is good enough
// for the exercises' small functions. A deposit that locks around its
// check but reads or writes the balance outside is racy even when its
// run never shows it: the goroutines are too far apart in time to lose
// an update.
func unguardedUse(s *Source, fn, v string) ast.Node {
	for _, d := range s.File.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != fn || fd.Body == nil {
			continue
		}
		n := unlockedWhere(fd.Body, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			return ok && id.Name == v && isPackageVar(s, id)
		})
		if n == nil || callsAllLocked(s, fn) {
			return nil
		}
		return n
	}
	return nil
}

// unlockedWhere returns the first node under body for which match
// reports true while no lock is held, following body's statements in
// order: a call x.Lock() or x.RLock() starts a critical section, a call
// x.Unlock() or x.RUnlock() that is not deferred ends it, and a deferred
// one keeps it to the end.
func unlockedWhere(body ast.Node, match func(ast.Node) bool) ast.Node {
	locked := false
	var found ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.DeferStmt:
			return false // defer mu.Unlock(): still locked until the end
		case *ast.CallExpr:
			switch lockMethod(n) {
			case "Lock", "RLock":
				locked = true
			case "Unlock", "RUnlock":
				locked = false
			}
		}
		if !locked && match(n) {
			found = n
		}
		return true
	})
	return found
}

// callsAllLocked reports whether the program calls fn, and only while it
// holds a lock: then fn's body runs in its caller's critical section, as
// when a goroutine locks around the whole call of deposit.
func callsAllLocked(s *Source, fn string) bool {
	calls := 0
	isCall := func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		return ok && isIdent(c.Fun, fn)
	}
	for _, d := range s.File.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if isCall(n) {
				calls++
			}
			return true
		})
		if unlockedWhere(fd.Body, isCall) != nil {
			return false
		}
	}
	return calls > 0
}

// lockMethod is the name of the method call c makes if c is x.Name() with
// no arguments, or "".
func lockMethod(c *ast.CallExpr) string {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || len(c.Args) != 0 {
		return ""
	}
	return sel.Sel.Name
}

// isPackageVar reports whether id refers to a variable declared at the
// top level of the file (the parser's object resolution; an unresolved
// name is not one).
func isPackageVar(s *Source, id *ast.Ident) bool {
	if id.Obj == nil || id.Obj.Kind != ast.Var {
		return false
	}
	spec, ok := id.Obj.Decl.(*ast.ValueSpec)
	if !ok {
		return false
	}
	for _, d := range s.File.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, sp := range gd.Specs {
				if sp == spec {
					return true
				}
			}
		}
	}
	return false
}
