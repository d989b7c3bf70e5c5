package runner

import (
	"go/ast"
	"strings"
)

// checkEmbed reports a //go:embed directive in a file that does not import
// embed, with gc's words. go/types ignores directives, so without this
// check the program would compile and its variable stay empty. (A file
// that imports embed is refused by the allowlist.)
func checkEmbed(file *ast.File, errs *errList) {
	for _, imp := range file.Imports {
		if imp.Path.Value == `"embed"` {
			return
		}
	}
	for _, g := range file.Comments {
		for _, c := range g.List {
			if strings.HasPrefix(c.Text, "//go:embed") && (len(c.Text) == len("//go:embed") || c.Text[len("//go:embed")] == ' ' || c.Text[len("//go:embed")] == '\t') {
				errs.at(c.Slash+2, `go:embed requires import "embed" (or import _ "embed", if package is not used)`)
			}
		}
	}
}
