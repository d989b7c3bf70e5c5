package tour

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// fmKeys are the front matter keys, in the order the documentation lists
// them, with whether each is required.
var fmKeys = []struct {
	name     string
	required bool
}{
	{"id", true},
	{"title", true},
	{"order", true},
	{"exercises", false},
	{"summary", true},
}

// maxOrder is the largest order: file names carry it as two digits.
const maxOrder = 99

// frontMatter is what parseFrontMatter found, with the line of each key
// so later checks can point at it.
type frontMatter struct {
	values map[string]string
	lines  map[string]int
	end    int // offset of the byte after the closing "---" line
}

// parseFrontMatter reads the "---" fenced header at the start of src.
// It returns the header (possibly partial) and every problem it found as
// messages with their lines; the caller adds the file name.
func parseFrontMatter(src []byte) (frontMatter, []lineError) {
	fm := frontMatter{values: map[string]string{}, lines: map[string]int{}}
	var errs []lineError
	bad := func(line int, format string, args ...any) {
		errs = append(errs, lineError{line, fmt.Sprintf(format, args...)})
	}
	first, rest, ok := bytes.Cut(src, []byte("\n"))
	if !ok || string(first) != "---" {
		bad(1, `file must start with a "---" line opening the front matter`)
		return fm, errs
	}
	if !bytes.HasPrefix(rest, []byte("---\n")) && !bytes.Contains(rest, []byte("\n---\n")) {
		// Report only this: every line of the file would be a bad key.
		bad(1, `front matter opened here has no closing "---" line`)
		return fm, errs
	}
	off := len(first) + 1
	for line := 2; ; line++ {
		text, after, _ := bytes.Cut(rest, []byte("\n"))
		off += len(text) + 1
		rest = after
		if string(text) == "---" {
			fm.end = off
			break
		}
		key, val, ok := strings.Cut(string(text), ":")
		switch {
		case !ok || key == "" || key != strings.TrimSpace(key) || val != "" && val[0] != ' ':
			bad(line, "front matter line %q is not \"key: value\"", text)
		case !isFMKey(key):
			bad(line, "unknown front matter key %q (want one of %s)", key, fmKeyList())
		case fm.lines[key] != 0:
			bad(line, "front matter key %q already given on line %d", key, fm.lines[key])
		default:
			fm.values[key] = strings.TrimSpace(val)
			fm.lines[key] = line
		}
	}
	for _, k := range fmKeys {
		if k.required && fm.lines[k.name] == 0 {
			bad(1, "front matter has no %q", k.name)
		}
	}
	return fm, errs
}

// apply checks the values and copies them into l.
func (fm frontMatter) apply(l *Lesson) []lineError {
	var errs []lineError
	bad := func(key, format string, args ...any) {
		errs = append(errs, lineError{fm.lines[key], fmt.Sprintf(format, args...)})
	}
	l.ID = fm.values["id"]
	if fm.lines["id"] != 0 && !isSlug(l.ID) {
		bad("id", "id %q is not a slug (lower-case letters, digits, single hyphens)", l.ID)
	}
	l.Title = fm.values["title"]
	if fm.lines["title"] != 0 && l.Title == "" {
		bad("title", "title is empty")
	}
	l.Summary = fm.values["summary"]
	if fm.lines["summary"] != 0 && l.Summary == "" {
		bad("summary", "summary is empty")
	}
	if v, ok := fm.values["order"]; ok {
		n, err := uintValue("order", v)
		if err != nil || n > maxOrder {
			bad("order", "order %q is not a number in 0..%d", v, maxOrder)
		}
		l.Order = int(min(n, maxOrder))
	}
	if v := fm.values["exercises"]; v != "" {
		for _, ex := range strings.Split(v, ",") {
			ex = strings.TrimSpace(ex)
			switch {
			case !isSlug(ex):
				bad("exercises", "exercise id %q is not a slug", ex)
			case slices.Contains(l.Exercises, ex):
				bad("exercises", "exercise %q listed twice", ex)
			default:
				l.Exercises = append(l.Exercises, ex)
			}
		}
	}
	return errs
}

func isFMKey(key string) bool {
	for _, k := range fmKeys {
		if k.name == key {
			return true
		}
	}
	return false
}

func fmKeyList() string {
	names := make([]string, len(fmKeys))
	for i, k := range fmKeys {
		names[i] = k.name
	}
	return strings.Join(names, ", ")
}
