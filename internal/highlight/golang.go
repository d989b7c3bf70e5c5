package highlight

import (
	"go/scanner"
	"go/token"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// goTokens splits src into chroma tokens. White space between tokens is
// Text; everything else gets the type chroma's regexp Go lexer gives it
// (lexers/go.go), so a style colours both the same way.
func goTokens(src string) []chroma.Token {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, scanner.ScanComments)
	var out []chroma.Token
	emit := func(t chroma.TokenType, v string) {
		if v != "" {
			out = append(out, chroma.Token{Type: t, Value: v})
		}
	}
	at := 0 // the end of what has been emitted
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON && lit != ";" {
			continue // inserted at a newline or the end: not in the text
		}
		off := file.Offset(pos)
		if off < at {
			continue
		}
		end := tokenEnd(src, off, tok, lit)
		emit(chroma.Text, src[at:off])
		if tok == token.COMMENT && strings.HasPrefix(lit, "//") && end < len(src) && src[end] == '\n' {
			end++ // chroma's single-line comments end with their newline
		}
		emit(goType(src, off, end, tok), src[off:end])
		at = end
	}
	emit(chroma.Text, src[at:])
	return out
}

// tokenEnd is the offset just past the token at off. The scanner's literal
// is the token's text except where it drops carriage returns (raw strings,
// comments), so those are measured in src.
func tokenEnd(src string, off int, tok token.Token, lit string) int {
	rest := src[off:]
	var n int
	switch {
	case tok == token.STRING && strings.HasPrefix(rest, "`"):
		n = closing(rest, 1, "`")
	case tok == token.COMMENT && strings.HasPrefix(rest, "//"):
		n = strings.IndexByte(rest, '\n')
		if n < 0 {
			n = len(rest)
		}
	case tok == token.COMMENT:
		n = closing(rest, 2, "*/")
	case lit != "":
		n = len(lit)
	default:
		n = len(tok.String())
	}
	if n <= 0 || n > len(rest) || tok == token.ILLEGAL {
		_, size := utf8.DecodeRuneInString(rest)
		n = max(n, size)
		n = min(n, len(rest))
	}
	return off + n
}

// closing returns the length of s up to and including the first delim at
// or after from, or all of s when there is none (an unterminated token).
func closing(s string, from int, delim string) int {
	if i := strings.Index(s[from:], delim); i >= 0 {
		return from + i + len(delim)
	}
	return len(s)
}

// goType is the chroma type of the token src[off:end].
func goType(src string, off, end int, tok token.Token) chroma.TokenType {
	text := src[off:end]
	switch {
	case tok == token.COMMENT && strings.HasPrefix(text, "//"):
		return chroma.CommentSingle
	case tok == token.COMMENT:
		return chroma.CommentMultiline
	case tok == token.IDENT:
		return identType(src, text, end)
	case tok.IsKeyword():
		return keywordType(text)
	case tok == token.INT:
		return intType(text)
	case tok == token.FLOAT:
		return chroma.LiteralNumberFloat
	case tok == token.IMAG:
		return chroma.LiteralNumber
	case tok == token.CHAR:
		return chroma.LiteralStringChar
	case tok == token.STRING:
		return chroma.LiteralString
	case tok == token.ILLEGAL:
		return chroma.Text
	case operators[text]:
		return chroma.Operator
	}
	return chroma.Punctuation
}

// operators are the operators chroma's Go lexer colours as Operator; the
// other operators (=, <, !, |, ^, ...) and the brackets are Punctuation.
var operators = setOf("<<= >>= << >> <= >= &^= &^ += -= *= /= %= &= |= && || <- ++ -- == != := ... + - * / % &")

var (
	namespaceWords   = setOf("import package")
	declarationWords = setOf("var func struct map chan type interface const")
	constantWords    = setOf("true false iota nil")
	typeWords        = setOf("uint uint8 uint16 uint32 uint64 int int8 int16 int32 int64 float float32 float64 complex64 complex128 byte rune string bool error uintptr")
	// builtinWords are coloured as builtins when a parenthesis follows at
	// once: int(x), len(s).
	builtinWords = setOf("uint uint8 uint16 uint32 uint64 int int8 int16 int32 int64 float float32 float64 complex64 complex128 byte rune string bool error uintptr print println panic recover close complex real imag len cap append copy delete new make clear min max")
)

func keywordType(word string) chroma.TokenType {
	switch {
	case namespaceWords[word]:
		return chroma.KeywordNamespace
	case declarationWords[word]:
		return chroma.KeywordDeclaration
	}
	return chroma.Keyword
}

// identType colours a name by what it is and by what follows it: a call
// (a parenthesis after optional white space) is a function.
func identType(src, word string, end int) chroma.TokenType {
	next := strings.TrimLeft(src[end:], " \t\r\n\f\v")
	switch {
	case constantWords[word]:
		return chroma.KeywordConstant
	case builtinWords[word] && strings.HasPrefix(src[end:], "("):
		return chroma.NameBuiltin
	case typeWords[word]:
		return chroma.KeywordType
	case strings.HasPrefix(next, "("):
		return chroma.NameFunction
	}
	return chroma.NameOther
}

func intType(lit string) chroma.TokenType {
	switch {
	case len(lit) > 1 && (lit[1] == 'x' || lit[1] == 'X'):
		return chroma.LiteralNumberHex
	case len(lit) > 1 && (lit[1] == 'b' || lit[1] == 'B'):
		return chroma.LiteralNumberBin
	case len(lit) > 1 && lit[0] == '0':
		return chroma.LiteralNumberOct
	}
	return chroma.LiteralNumberInteger
}

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
