package runner

import (
	"errors"
	"fmt"
	"go/scanner"
	"go/token"
	"go/types"
	"sort"
	"strings"
)

// maxErrors is how many errors a CompileError prints before "too many
// errors", as gc does (cmd/compile/internal/base: -e unset stops at 10).
const maxErrors = 10

// ErrorPos is one diagnostic of a [CompileError]: a 1-based line and column
// in the learner's file, and the message without position.
type ErrorPos struct {
	Line, Col int
	Msg       string
}

// CompileError reports why a learner's program cannot be run: a syntax error,
// a type error, a refused import or a construct the runner does not support.
// It is a result to show the learner, not a failure of the tool.
//
// Error prints one diagnostic per line in gc's form, "prog.go:3:2: undefined: x",
// at most 10 of them, followed by "too many errors" like the compiler.
type CompileError struct {
	// Filename is the name the diagnostics are reported against.
	Filename string
	// Errors holds every diagnostic, sorted by position. It is never empty.
	Errors []ErrorPos
}

// Error implements error.
func (e *CompileError) Error() string {
	var b strings.Builder
	for i, p := range e.Errors {
		if i == maxErrors {
			fmt.Fprintf(&b, "\n%s:%d:%d: too many errors", e.Filename, e.Errors[i-1].Line, e.Errors[i-1].Col)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s", e.Filename, p.Line, p.Col, p.Msg)
	}
	return b.String()
}

// errList accumulates diagnostics for one file; positions come from fset.
type errList struct {
	filename string
	fset     *token.FileSet
	errs     []ErrorPos
	// eofLine and eofCol are where the file ends. go/parser reports a
	// premature EOF at the last token; gc reports it at the end of the
	// file, and so do we.
	eofLine, eofCol int
}

// at records a diagnostic at pos. A pos that is not valid is reported at 1:1.
func (l *errList) at(pos token.Pos, format string, args ...any) {
	line, col := 1, 1
	if pos.IsValid() && l.fset != nil {
		p := l.fset.Position(pos)
		line, col = p.Line, p.Column
	}
	l.add(line, col, fmt.Sprintf(format, args...))
}

func (l *errList) add(line, col int, msg string) {
	l.errs = append(l.errs, ErrorPos{Line: line, Col: col, Msg: msg})
}

// addErr records err, which comes from go/scanner, go/parser or go/types.
func (l *errList) addErr(err error) {
	var list scanner.ErrorList
	var se *scanner.Error
	var te types.Error
	switch {
	case errors.As(err, &list):
		for _, e := range list {
			line, col := e.Pos.Line, e.Pos.Column
			if l.eofLine > 0 && strings.HasSuffix(e.Msg, "found 'EOF'") && !strings.Contains(e.Msg, "'package'") {
				line, col = l.eofLine, l.eofCol
			}
			l.add(line, col, syntaxMsg(e.Msg))
		}
	case errors.As(err, &se):
		l.add(se.Pos.Line, se.Pos.Column, syntaxMsg(se.Msg))
	case errors.As(err, &te):
		l.at(te.Pos, "%s", te.Msg)
	default:
		l.add(1, 1, err.Error())
	}
}

// err returns the accumulated diagnostics as a *CompileError, or nil.
func (l *errList) err() error {
	if len(l.errs) == 0 {
		return nil
	}
	errs := append([]ErrorPos(nil), l.errs...)
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].Line != errs[j].Line {
			return errs[i].Line < errs[j].Line
		}
		return errs[i].Col < errs[j].Col
	})
	// Drop exact duplicates (go/parser can report one bad token twice).
	out := errs[:1]
	for _, e := range errs[1:] {
		if e != out[len(out)-1] {
			out = append(out, e)
		}
	}
	return &CompileError{Filename: l.filename, Errors: out}
}

// syntaxMsg rewords a go/parser message in gc's style: go/parser says
// "expected '}', found 'EOF'" where gc says "syntax error: unexpected EOF,
// expected }". Messages of another shape only get the "syntax error: " prefix.
//
// A bad package clause keeps go/parser's words, which is what go run prints
// ("expected 'package', found 'EOF'").
func syntaxMsg(msg string) string {
	if strings.HasPrefix(msg, "expected 'package'") || strings.HasPrefix(msg, "illegal") || strings.HasPrefix(msg, "invalid") ||
		strings.Contains(msg, "not terminated") {
		return msg
	}
	if want, found, ok := strings.Cut(msg, ", found "); ok && strings.HasPrefix(want, "expected ") {
		return "syntax error: unexpected " + unquoteTok(found) + ", " +
			"expected " + unquoteTok(strings.TrimPrefix(want, "expected "))
	}
	return "syntax error: " + msg
}

func unquoteTok(s string) string {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return s[1 : len(s)-1]
	}
	return s
}
