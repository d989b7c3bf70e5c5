package runner

import (
	"fmt"
	"go/ast"
)

// markMain starts main's body with __rt.MainStarted(): until then the
// program is initializing its packages, during which the runtime keeps
// goroutine 1 locked to its thread (proc.go, runtime.main), and a
// traceback says so: "goroutine 1 [running, locked to thread]:".
func (r *rewriter) markMain() {
	for _, d := range r.p.file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if ok && fd.Recv == nil && fd.Name.Name == "main" && fd.Body != nil {
			// After the entry tick, which must come first: tracebacks
			// know a function by the tick at its start (traceback.go).
			r.insert(fd.Body.Lbrace+1, 3, fmt.Sprintf(" %s.MainStarted();", rtName))
		}
	}
}
