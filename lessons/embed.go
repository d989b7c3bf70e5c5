// Package lessons holds the tour's content: one Markdown file per lesson
// and language, in en/ and zh/, in the format that package tour specifies,
// and the reference solution of each exercise, solutions/ID.go. It has no
// logic; tour.Load(lessons.FS(), "en") reads the lessons, and package
// checker the solutions and the starter snippets.
package lessons

import (
	"embed"
	"io/fs"
)

//go:embed en/*.md zh/*.md solutions/*.go
var content embed.FS

// FS returns the lesson files, en/NN-id.md and zh/NN-id.md, and the
// solutions, solutions/ID.go (each starts with "//go:build ignore"). It
// hides the embed.FS so that callers depend on fs.FS only, and tests can
// pass an fstest.MapFS wherever this is used.
func FS() fs.FS { return content }
