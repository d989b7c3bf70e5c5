package checker

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
)

// texts holds each exercise's task and hints: texts/ID.en.md and
// texts/ID.zh.md, in the form parseText reads.
//
//go:embed texts/*.md
var texts embed.FS

// snippet is one runnable snippet of a lesson file, as the scanner reads
// it.
type snippet struct {
	lesson   string // the lesson's id, from its front matter
	file     string // en/NN-ID.md
	line     int    // of the opening fence
	id       string // id= setting
	exercise string // exercise= setting
	code     string
}

// scanLessons reads the runnable snippets of every lesson of lang in
// fsys. It knows just enough of the format (see package tour) to find
// them: the front matter's id line, and fences at the start of a line
// whose info string is "go run" followed by settings.
func scanLessons(fsys fs.FS, lang i18n.Lang) ([]snippet, error) {
	names, err := fs.Glob(fsys, string(lang)+"/*.md")
	if err != nil {
		return nil, err
	}
	var out []snippet
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		snips, err := scanLesson(name, string(data))
		if err != nil {
			return nil, err
		}
		out = append(out, snips...)
	}
	return out, nil
}

// scanLesson reads the runnable snippets of one lesson file.
func scanLesson(name, data string) ([]snippet, error) {
	var out []snippet
	lesson := ""
	var cur *snippet
	var fence string
	var code strings.Builder
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(nil, 1<<20)
	inFront := false
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case n == 1 && line == "---":
			inFront = true
		case inFront && line == "---":
			inFront = false
		case inFront:
			if v, ok := strings.CutPrefix(line, "id: "); ok {
				lesson = strings.TrimSpace(v)
			}
		case cur != nil && strings.HasPrefix(line, fence) && strings.Trim(line, fence[:1]) == "":
			cur.code = code.String()
			out = append(out, *cur)
			cur, fence = nil, ""
		case cur != nil:
			code.WriteString(line + "\n")
		case fence != "" && strings.HasPrefix(line, fence) && strings.Trim(line, fence[:1]) == "":
			fence = "" // the end of a fence that is not a snippet
		case fence == "" && (strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~")):
			fence = line[:len(line)-len(strings.TrimLeft(line, line[:1]))]
			words := strings.Fields(line[len(fence):])
			if len(words) < 2 || words[0] != "go" || words[1] != "run" {
				continue
			}
			cur = &snippet{lesson: lesson, file: name, line: n}
			code.Reset()
			for _, w := range words[2:] {
				if v, ok := strings.CutPrefix(w, "id="); ok {
					cur.id = v
				} else if v, ok := strings.CutPrefix(w, "exercise="); ok {
					cur.exercise = v
				}
			}
		}
	}
	if cur != nil {
		return nil, fmt.Errorf("%s:%d: unclosed fence", name, cur.line)
	}
	return out, sc.Err()
}

// parseText reads an exercise's text file:
//
//	# Title
//
//	The task, in Markdown.
//
//	## Hint
//
//	The first hint.
//
//	## Hint
//
//	The second hint...
func parseText(name, data string) (title, task string, hints []string, err error) {
	first, rest, _ := strings.Cut(data, "\n")
	title, ok := strings.CutPrefix(first, "# ")
	if !ok || strings.TrimSpace(title) == "" {
		return "", "", nil, fmt.Errorf("%s:1: want a \"# Title\" line", name)
	}
	parts := strings.Split("\n"+rest, "\n## Hint\n")
	task = strings.TrimSpace(parts[0])
	if task == "" {
		return "", "", nil, fmt.Errorf("%s: no task text after the title", name)
	}
	if strings.Contains(task, "\n## ") {
		return "", "", nil, fmt.Errorf("%s: the only level-2 heading allowed is \"## Hint\"", name)
	}
	for i, h := range parts[1:] {
		h = strings.TrimSpace(h)
		if h == "" {
			return "", "", nil, fmt.Errorf("%s: hint %d is empty", name, i+1)
		}
		hints = append(hints, h)
	}
	if len(hints) == 0 {
		return "", "", nil, fmt.Errorf("%s: no \"## Hint\" section", name)
	}
	return strings.TrimSpace(title), task, hints, nil
}

// loadText fills ex's title, task and hints from texts/ID.{en,zh}.md.
func loadText(ex *Exercise) error {
	var hints [2][]string
	for i, lang := range []i18n.Lang{i18n.En, i18n.Zh} {
		name := "texts/" + ex.ID + "." + string(lang) + ".md"
		data, err := fs.ReadFile(texts, name)
		if err != nil {
			return err
		}
		title, task, hs, err := parseText(name, string(data))
		if err != nil {
			return err
		}
		if lang == i18n.En {
			ex.Title.En, ex.Task.En = title, task
		} else {
			ex.Title.Zh, ex.Task.Zh = title, task
		}
		hints[i] = hs
	}
	if len(hints[0]) != len(hints[1]) {
		return fmt.Errorf("texts/%s: %d hints in English, %d in Chinese", ex.ID, len(hints[0]), len(hints[1]))
	}
	ex.Hints = nil
	for i := range hints[0] {
		ex.Hints = append(ex.Hints, i18n.Text{En: hints[0][i], Zh: hints[1][i]})
	}
	return nil
}

// solution reads lessons/solutions/ID.go and drops its build constraint.
func solution(fsys fs.FS, id string) (string, error) {
	data, err := fs.ReadFile(fsys, "solutions/"+id+".go")
	if err != nil {
		return "", err
	}
	src := string(data)
	first, rest, _ := strings.Cut(src, "\n")
	if !strings.HasPrefix(first, "//go:build ") {
		return "", fmt.Errorf("solutions/%s.go: the first line must be //go:build ignore", id)
	}
	return strings.TrimLeft(rest, "\n"), nil
}
