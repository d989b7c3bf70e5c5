// Package highlight gives chroma lexers that never depend on the clock.
//
// chroma's own lexers are regular expressions run by regexp2 with a
// 250ms match timeout per rule. On a loaded machine (a -race test run, a
// render of the whole course on every core) a lexing goroutine descheduled
// for that long gets a timeout, and the rule is skipped: fmt.Println is
// coloured as a plain name on one run and as a function on the next. A
// course that must render byte-identical pages cannot have that, so this
// package lexes Go with go/scanner, and plain text (program output) as one
// token, and registers both in chroma's global registry under the names
// chroma's lexers have ("go", "text"), so that glamour, which looks lexers
// up by name, uses them too. The token types are those chroma's Go lexer
// gives, so the colours stay the same.
package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// Go lexes Go source with go/scanner.
var Go chroma.Lexer = &lexer{
	cfg: &chroma.Config{
		Name:      "Go",
		Aliases:   []string{"go", "golang"},
		Filenames: []string{"*.go"},
		MimeTypes: []string{"text/x-gosrc"},
		EnsureNL:  true,
	},
	tokens: goTokens,
	analyse: func(text string) float32 {
		switch {
		case strings.Contains(text, "fmt.") && strings.Contains(text, "package "):
			return 0.5
		case strings.Contains(text, "package "):
			return 0.1
		}
		return 0
	},
}

// Plain is text with no colours: one token.
var Plain chroma.Lexer = &lexer{
	cfg: &chroma.Config{
		Name:      "plaintext",
		Aliases:   []string{"text", "plain", "no-highlight"},
		Filenames: []string{"*.txt"},
		MimeTypes: []string{"text/plain"},
		Priority:  -1,
	},
	tokens: func(text string) []chroma.Token {
		return []chroma.Token{{Type: chroma.Text, Value: text}}
	},
	analyse: func(string) float32 { return 0 },
}

// Lexer returns the lexer for a fence's language: Go, plain text for ""
// and the names of plain text, or nil for any other language.
func Lexer(lang string) chroma.Lexer {
	switch strings.ToLower(lang) {
	case "go", "golang":
		return Go
	case "", "text", "plaintext", "plain", "output", "no-highlight":
		return Plain
	}
	return nil
}

func init() {
	// Replace chroma's regexp lexers of the same names, for glamour.
	lexers.GlobalLexerRegistry.Register(Go)
	lexers.GlobalLexerRegistry.Register(Plain)
}

// lexer is a chroma.Lexer made of a tokenising function.
type lexer struct {
	cfg     *chroma.Config
	tokens  func(string) []chroma.Token
	analyse func(string) float32
}

func (l *lexer) Config() *chroma.Config                             { return l.cfg }
func (l *lexer) SetRegistry(*chroma.LexerRegistry) chroma.Lexer     { return l }
func (l *lexer) SetAnalyser(func(text string) float32) chroma.Lexer { return l }
func (l *lexer) AnalyseText(text string) float32                    { return l.analyse(text) }

// Tokenise never fails: text that does not scan as Go still comes back,
// coloured as well as the scanner could.
func (l *lexer) Tokenise(opts *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	if l.cfg.EnsureNL && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	if opts != nil && opts.EnsureLF {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	return chroma.Literator(l.tokens(text)...), nil
}
