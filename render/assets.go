package render

import (
	"embed"
	"html/template"
	"io/fs"
	"path"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// parseTemplates parses the embedded page templates. They are part of the
// binary, so a parse error is a programmer's error.
func parseTemplates() *template.Template {
	return template.Must(template.New("").ParseFS(templateFS, "templates/*.tmpl"))
}

// assets returns the site's shared files, by their path in the site:
// everything under static/ goes to assets/, and the code colours are
// generated from chroma's styles.
func assets() map[string][]byte {
	out := map[string][]byte{"assets/code.css": codeCSS()}
	err := fs.WalkDir(staticFS, "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := staticFS.ReadFile(name)
		if err != nil {
			return err
		}
		out[path.Join("assets", name[len("static/"):])] = data
		return nil
	})
	if err != nil {
		panic("render: embedded assets: " + err.Error())
	}
	return out
}
