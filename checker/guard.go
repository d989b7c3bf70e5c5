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
		locked := false
		var found ast.Node
		ast.Inspect(fd.Body, func(n ast.Node) bool {
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
			case *ast.Ident:
				if n.Name == v && !locked && isPackageVar(s, n) {
					found = n
				}
			}
			return true
		})
		return found
	}
	return nil
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
